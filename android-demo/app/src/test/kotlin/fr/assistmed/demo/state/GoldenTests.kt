// Every golden case that the questionnaire can express goes through SimulationState, answer by
// answer, and must show exactly the engine's figures (RuleStore.assess on the case's input).
// The transcript of what the screens show is compared with app/src/test/resources/golden-screens.txt,
// which the iOS app's Swift tests compare with too.
package fr.assistmed.demo.state

import fr.assistmed.testing.*

import fr.assistmed.core.RuleStore
import fr.assistmed.core.situationFromJson
import java.io.File

const val MIN_GOLDEN_CASES = 25

fun runGoldenTests(h: Harness, casesDir: File, screensFile: File) {
    val rules = RuleStore.embedded()
    val cases = try {
        loadCases(casesDir)
    } catch (e: Exception) {
        h.check("golden cases readable in $casesDir") { throw e }
        return
    }
    val transcript = StringBuilder()
    var n = 0
    for (c in cases) {
        if (c.command != "simulate" || c.expectsError) continue
        val answers = answersOf(c.input) ?: continue
        n++
        h.check("golden ${c.file}: same figures through SimulationState as RuleStore.assess") {
            // today = null: the case gives its signature date (as in core/tests/questionnaire.rs).
            val state = SimulationState(rules, InMemorySimulationStore(), null)
            for (a in answers) state.setAnswer(a.id, a.value)
            val q = state.questionnaire
            ensure(q.complete) {
                "incomplete: " + q.questions.filter { it.error != null || (it.required && it.answer == null) }
                    .joinToString { "${it.id}=${it.answer} ${it.error?.code ?: "missing"}" }
            }
            ensure(state.showResult()) { "no result: ${state.error?.errorCode()}" }
            val view = state.result!!
            val expected = rules.assess(situationFromJson(c.input.toString()))
            ensureEquals(expected.eligibility.status, view.verdict.status, "verdict")
            ensureEquals(expected.rules.id, view.rules.id, "rule version")
            ensureEquals(expected.options.map { it.option }, view.options.map { it.option }, "options")
            for ((row, o) in view.options.zip(expected.options)) {
                ensureEquals(o.available, row.available, "${o.option} available")
                ensureEquals(o.aid.map { it.year to it.amount }, row.cells.map { it.year to it.amount }, "${o.option} amounts by year")
                ensureEquals(o.aid.map { it.maximum }, row.cells.map { it.maximum }, "${o.option} maximum flags")
                ensureEquals(o.total, row.total, "${o.option} total")
            }
            ensureEquals(expected.references.map { it.id }, view.references.map { it.id }, "references")
            // The state shows the core's view model itself, unchanged.
            ensureEquals(rules.resultView(state.answerList(), null), view, "view model")
            transcript.append("== ").append(c.file).append('\n')
            transcript.append(ScreenTranscript.of(q, view))
        }
    }
    h.check("at least $MIN_GOLDEN_CASES golden cases through the state holder (ran $n)") {
        ensure(n >= MIN_GOLDEN_CASES) { "only $n" }
    }
    h.check("screen transcript of the golden cases equals ${screensFile.name} (shared with the iOS tests)") {
        val got = transcript.toString()
        if (System.getenv("ASSISTMED_UPDATE_SCREENS") == "1") {
            screensFile.parentFile.mkdirs()
            screensFile.writeText(got)
            println("wrote ${screensFile.path} (${got.lines().size} lines)")
        }
        ensure(screensFile.isFile) { "${screensFile.path} missing: run with ASSISTMED_UPDATE_SCREENS=1 once and review it" }
        val want = screensFile.readText()
        if (want != got) {
            val a = want.lines()
            val b = got.lines()
            val i = (0 until maxOf(a.size, b.size)).first { a.getOrNull(it) != b.getOrNull(it) }
            fail("line ${i + 1}: expected <${a.getOrNull(i)}>, got <${b.getOrNull(i)}> (ASSISTMED_UPDATE_SCREENS=1 rewrites the file after a reviewed change)")
        }
    }
}
