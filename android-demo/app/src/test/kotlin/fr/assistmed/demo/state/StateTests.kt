// Tests of the state holder: tap count of the common GP case, navigation, persistence, rule
// updates, amount formatting, the answers codec.
package fr.assistmed.demo.state

import fr.assistmed.testing.*

import fr.assistmed.core.AssistmedException
import fr.assistmed.core.BundleOrigin
import fr.assistmed.core.ContractOption
import fr.assistmed.core.EligibilityStatus
import fr.assistmed.core.QuestionKind
import fr.assistmed.core.RuleStore
import java.math.BigDecimal

const val TODAY = "2025-01-15"

/**
 * Drives a [SimulationState] the way a finger drives the app, counting taps explicitly:
 * - a text field: 1 tap to focus it, then 1 per key (each key calls `setAnswer`, as the field does);
 * - a drop-down choice: 2 (open, pick); a radio choice or a yes/no switch: 1;
 * - a button or a navigation: 1.
 * Pre-filled defaults cost nothing.
 */
class Finger(val state: SimulationState) {
    var taps = 0
        private set
    val log = ArrayList<String>()

    fun type(id: String, text: String) {
        tap("focus $id")
        for (k in 1..text.length) {
            state.setAnswer(id, text.substring(0, k))
            tap("key '${text[k - 1]}'")
        }
    }

    fun choose(id: String, value: String) {
        val q = state.questionnaire.questions.firstOrNull { it.id == id } ?: fail("no question $id on screen")
        ensure(q.choices.any { it.value == value }) { "$value is not a choice of $id" }
        tap("open $id")
        if (q.choices.size > RADIO_MAX) tap("pick $value")
        state.setAnswer(id, value)
    }

    fun toggle(id: String, on: Boolean) {
        val q = state.questionnaire.questions.firstOrNull { it.id == id } ?: fail("no question $id on screen")
        ensureEquals(QuestionKind.YES_NO, q.kind, "kind of $id")
        tap("switch $id")
        state.setAnswer(id, on.toString())
    }

    fun press(what: String, action: () -> Boolean) {
        tap(what)
        ensure(action()) { "'$what' did nothing" }
    }

    private fun tap(what: String) {
        taps++
        log += what
    }

    companion object {
        /** Up to this many choices, the apps show radio buttons (1 tap); more: a drop-down (2). */
        const val RADIO_MAX = 3
    }
}

fun embedded(): RuleStore = RuleStore.embedded()

fun runStateTests(h: Harness) {
    val rules = embedded()

    h.check("common GP case: launch → result in ≤ 10 taps (counted: 6)") {
        val state = SimulationState(rules, InMemorySimulationStore(), TODAY)
        val finger = Finger(state)
        // Launch: the questionnaire, pre-filled with today, general practice, sector 1 and "no".
        ensureEquals(Screen.QUESTIONNAIRE, state.screen, "first screen")
        val q = state.questionnaire.questions.associateBy { it.id }
        ensureEquals(TODAY, q["signature_date"]?.answer, "pre-filled signature date")
        ensureEquals("01", q["specialty"]?.answer, "pre-filled specialty")
        ensureEquals("secteur_1", q["sector"]?.answer, "pre-filled sector")
        ensureEquals("false", q["ald_or_rqth"]?.answer, "pre-filled yes/no")
        ensure(q["patientele_mt"]?.required == true && q["patientele_mt"]?.answer == null) { "the patient list is the one question to type" }
        ensure(!state.showResult()) { "no result before the patient list" }
        ensureEquals(listOf("patientele_mt"), state.pending.map { it.id }, "pending questions at launch")

        finger.type("patientele_mt", "1200")
        finger.press("Voir le résultat") { state.showResult() }

        ensureEquals(Screen.RESULT, state.screen, "screen")
        val r = state.result ?: fail("no result")
        ensureEquals(EligibilityStatus.ELIGIBLE, r.verdict.status, "verdict")
        ensureEquals("✓", r.verdict.symbol, "verdict symbol")
        val demi = r.options.first { it.option == ContractOption.DEMI }
        val plein = r.options.first { it.option == ContractOption.PLEIN }
        ensureEquals(BigDecimal("19000.00"), demi.cells[0].amount, "1/2 ETP year 1")
        ensureEquals(BigDecimal("132000.00"), plein.total, "1 ETP total")
        ensure(demi.objectiveToConfirm) { "objective to confirm" }
        ensureEquals(6, finger.taps, "taps (${finger.log})")
        ensure(finger.taps <= 10) { "more than ten taps: ${finger.log}" }
    }

    h.check("GP who also picks the percentile band and opens the comparison: ≤ 10 taps (counted: 9)") {
        val state = SimulationState(rules, InMemorySimulationStore(), TODAY)
        val finger = Finger(state)
        finger.type("patientele_mt", "1200")
        finger.choose("percentile_band", "p50_p70")
        finger.press("Voir le résultat") { state.showResult() }
        finger.press("Comparer ½ et 1 ETP") { state.open(Screen.COMPARISON) }
        ensureEquals(Screen.COMPARISON, state.screen, "screen")
        ensureEquals(9, finger.taps, "taps (${finger.log})")
    }

    h.check("relaunch: the last simulation opens on its result, 0 taps") {
        val store = InMemorySimulationStore()
        // (Not `use { }`: closing a state closes its RuleStore, shared by these tests.)
        Finger(SimulationState(rules, store, TODAY)).type("patientele_mt", "1200")
        val again = SimulationState(rules, store, TODAY)
        ensureEquals(Screen.RESULT, again.screen, "screen on relaunch")
        ensure(again.canGoBackToQuestionnaire()) { "back leads to the questionnaire" }
    }

    h.check("save/load round trip restores the same questionnaire and result, on another day") {
        val store = InMemorySimulationStore()
        val first = SimulationState(rules, store, TODAY)
        first.setAnswer("patientele_mt", "1200")
        first.setAnswer("age", "66")
        val before = first.snapshot()
        ensure(store.load()!!.contains("\"signature_date\":\"$TODAY\"")) { "the pre-filled date is pinned in the saved answers: ${store.load()}" }
        // A day later (another pre-fill date), with a new RuleStore: same screens.
        val second = SimulationState(RuleStore.embedded(), store, "2026-06-01")
        // Same questions and answers; the restored defaults are now saved answers, not pre-fills.
        fun shown(q: fr.assistmed.core.Questionnaire) = q.copy(questions = q.questions.map { it.copy(prefilled = false) })
        ensureEquals(shown(before.questionnaire), shown(second.questionnaire), "questionnaire")
        ensure(second.questionnaire.questions.none { it.prefilled }) { "restored answers are not pre-fills" }
        ensureEquals(before.result, second.result, "result")
        ensureEquals(before.comparison, second.comparison, "comparison")
        ensureEquals(first.savedAnswers(), second.savedAnswers(), "saved answers")
    }

    h.check("corrupt saved answers: a new simulation, and the bad text is deleted") {
        val store = InMemorySimulationStore("{\"\$format\":\"1\",\"patientele_mt\":")
        val s = SimulationState(rules, store, TODAY)
        ensureEquals(Screen.QUESTIONNAIRE, s.screen, "screen")
        ensureEquals(emptyList<fr.assistmed.core.Answer>(), s.answerList(), "answers")
        ensureEquals(null, store.load(), "stored text")
    }

    h.check("navigation: result-based screens need a result; back; new simulation") {
        val store = InMemorySimulationStore()
        val s = SimulationState(rules, store, TODAY)
        ensure(!s.open(Screen.COMPARISON) && !s.open(Screen.LEGAL_BASIS)) { "opened without a result" }
        ensure(s.open(Screen.ABOUT)) { "about always opens" }
        ensureEquals(Screen.ABOUT, s.screen, "screen")
        ensure(s.back()) { "back from about" }
        ensure(!s.back()) { "back at the first screen closes the app" }
        s.setAnswer("patientele_mt", "1200")
        ensure(s.showResult() && s.open(Screen.LEGAL_BASIS)) { "legal basis" }
        val refs = s.result!!.references
        ensure(refs.isNotEmpty() && refs.all { it.id.isNotBlank() && it.title.isNotBlank() }) { "references listed: $refs" }
        ensure(s.back() && s.screen == Screen.RESULT) { "back to the result" }
        ensure(s.open(Screen.COMPARISON)) { "comparison" }
        val c = s.snapshot().comparison ?: fail("no comparison")
        ensureEquals(listOf(1u, 2u, 3u, 4u, 5u), c.years.map { it.year }, "years")
        ensureEquals(BigDecimal("19000.00"), c.years[0].half?.amount, "1/2 ETP year 1")
        ensureEquals(BigDecimal("38000.00"), c.years[0].full?.amount, "1 ETP year 1")
        ensureEquals(BigDecimal("66000.00"), c.half.total, "1/2 ETP total")
        // Clearing a required answer (from the questionnaire) closes the result-based screens.
        s.setAnswer("patientele_mt", null)
        ensureEquals(Screen.QUESTIONNAIRE, s.screen, "screen after the answer was cleared")
        s.setAnswer("patientele_mt", "1200")
        s.showResult()
        s.newSimulation()
        ensureEquals(Screen.QUESTIONNAIRE, s.screen, "screen after new simulation")
        ensureEquals(null, store.load(), "saved answers after new simulation")
        ensureEquals(null, s.result, "result after new simulation")
    }

    h.check("validation messages come from the core, on their question, in both languages") {
        val s = SimulationState(rules, InMemorySimulationStore(), TODAY)
        s.setAnswer("patientele_mt", "abc")
        val e = s.questionnaire.questions.first { it.id == "patientele_mt" }.error ?: fail("no error")
        ensureEquals("nombre_attendu", e.code, "code")
        ensure(e.text(Lang.FR) != e.text(Lang.EN)) { "one message per language" }
        ensureEquals(listOf("patientele_mt"), s.pending.map { it.id }, "pending")
        ensure(!s.showResult()) { "no result with an invalid answer" }
    }

    h.check("about: rule versions with their dates, embedded provenance") {
        val s = SimulationState(rules, InMemorySimulationStore(), TODAY)
        val a = s.about()
        ensure(a.versions.size >= 3) { "versions: ${a.versions.map { it.id }}" }
        ensure(a.versions.all { it.start.matches(Regex("\\d{4}-\\d{2}-\\d{2}")) }) { "ISO start dates" }
        ensureEquals(BundleOrigin.EMBEDDED, a.provenance.origin, "origin")
        ensureEquals(null, a.provenance.signatureHex, "signature of the embedded rules")
        ensureEquals(null, a.applied, "no result yet")
        s.setAnswer("patientele_mt", "1200")
        ensureEquals("convention-2024", s.about().applied?.id, "applied version")
    }

    h.check("rule updates: nothing stored → embedded rules, no warning, nothing exported") {
        val opened = RuleUpdates.open(InMemoryBundleStore())
        ensureEquals(null, opened.warning, "warning")
        ensureEquals(BundleOrigin.EMBEDDED, opened.store.provenance().origin, "origin")
        ensureEquals(null, opened.store.exportActive(), "export of the embedded rules")
    }

    h.check("rule updates: a corrupted stored update falls back to the embedded rules with a warning") {
        val bundles = InMemoryBundleStore(StoredBundle("{\"not\":\"rules\"}".toByteArray(), ByteArray(64)))
        val opened = RuleUpdates.open(bundles)
        val w = opened.warning ?: fail("no warning")
        ensure(w.code.isNotBlank() && w.text(Lang.FR).isNotBlank() && w.text(Lang.EN).isNotBlank()) { "warning texts: $w" }
        ensureEquals(BundleOrigin.EMBEDDED, opened.store.provenance().origin, "origin")
        ensureEquals(null, bundles.load(), "the rejected update is deleted")
        val s = SimulationState(opened.store, InMemorySimulationStore(), TODAY, opened.warning)
        ensureEquals(w, s.about().warning, "warning shown in about")
    }

    h.check("rule updates: a badly signed file is refused with the core's typed error, rules unchanged") {
        val bundles = InMemoryBundleStore()
        val s = SimulationState(rules, InMemorySimulationStore(), TODAY)
        val picked = RuleUpdates.pair(listOf("regles.json" to "{}".toByteArray(), "regles.json.sig" to ("ab".repeat(64) + "\n").toByteArray()))
            ?: fail("pair not found")
        ensureEquals(64, picked.second.size, "hex signature decoded")
        ensureEquals(0xAB.toByte(), picked.second[0], "first signature byte")
        try {
            RuleUpdates.install(s.rules, picked.first, picked.second, bundles)
            fail("a bad bundle was installed")
        } catch (e: AssistmedException) {
            ensure(e.errorCode().isNotBlank()) { "typed error" }
        }
        ensureEquals(null, bundles.load(), "nothing stored")
        ensureEquals(BundleOrigin.EMBEDDED, s.rules.provenance().origin, "rules unchanged")
        ensureEquals(null, RuleUpdates.pair(listOf("a.json" to ByteArray(1))), "no signature file")
    }

    h.check("rule updates: the import action refuses a bad pair and keeps the simulation") {
        val bundles = InMemoryBundleStore()
        val s = SimulationState(rules, InMemorySimulationStore(), TODAY)
        s.setAnswer("patientele_mt", "1200")
        val before = s.result
        ensureEquals(ImportOutcome.NeedBundleAndSignature, RuleUpdates.import(s, listOf("regles.json" to "{}".toByteArray()), bundles), "one file")
        val refused = RuleUpdates.import(s, listOf("r.json" to "{}".toByteArray(), "r.json.sig" to ByteArray(64)), bundles)
        ensure(refused is ImportOutcome.Refused) { "outcome: $refused" }
        ensureEquals(before, s.result, "result unchanged")
        ensureEquals(null, bundles.load(), "nothing stored")
    }

    h.check("dates: displayed in French and English, converted for the date picker") {
        ensureEquals("15 janvier 2025", Dates.long("2025-01-15", Lang.FR), "FR")
        ensureEquals("1 September 2019", Dates.long("2019-09-01", Lang.EN), "EN")
        ensureEquals("demain", Dates.long("demain", Lang.FR), "not a date")
        ensureEquals(null, Dates.utcMillis("2025-02-30"), "invalid day")
        val ms = Dates.utcMillis("2024-02-29") ?: fail("leap day")
        ensureEquals("2024-02-29", Dates.fromUtcMillis(ms), "round trip")
        ensureEquals("2025-01-15", Dates.today(java.util.Date(Dates.utcMillis("2025-01-15")!! + 3_600_000L), java.util.TimeZone.getTimeZone("Europe/Paris")), "today in Paris")
    }

    h.check("amounts shown with the fr_FR currency formatter (exact JDK output)") {
        ensureEquals("19\u202F000\u00A0€", AmountFormat.display(BigDecimal("19000.00")), "19000.00")
        ensureEquals("132\u202F000\u00A0€", AmountFormat.display(BigDecimal("132000.00")), "132000.00")
        ensureEquals("7\u202F000,50\u00A0€", AmountFormat.display(BigDecimal("7000.50")), "7000.50")
        ensureEquals("0\u00A0€", AmountFormat.display(BigDecimal("0.00")), "0.00")
        ensureEquals("950\u00A0€", AmountFormat.display(BigDecimal("950")), "950")
    }

    h.check("amounts spoken for TalkBack/VoiceOver, in both languages") {
        ensureEquals("19000 euros", AmountFormat.spoken(BigDecimal("19000.00"), Lang.FR), "FR 19000")
        ensureEquals("19000 euros", AmountFormat.spoken(BigDecimal("19000.00"), Lang.EN), "EN 19000")
        ensureEquals("1 euro", AmountFormat.spoken(BigDecimal("1.00"), Lang.FR), "FR 1")
        ensureEquals("0 euro", AmountFormat.spoken(BigDecimal("0.00"), Lang.FR), "FR 0")
        ensureEquals("0 euros", AmountFormat.spoken(BigDecimal("0.00"), Lang.EN), "EN 0")
        ensureEquals("7000 euros et 50 centimes", AmountFormat.spoken(BigDecimal("7000.50"), Lang.FR), "FR cents")
        ensureEquals("7000 euros and 1 cent", AmountFormat.spoken(BigDecimal("7000.01"), Lang.EN), "EN cent")
    }

    h.check("answers codec: round trip with every escape, refusals") {
        val tricky = listOf(
            fr.assistmed.core.Answer("a", "quote \" backslash \\ slash / é ✓ \n\t\r \u0001"),
            fr.assistmed.core.Answer("current_contract.start", "2023-01-15"),
        )
        val text = AnswersCodec.encode(tricky)
        ensureEquals(tricky, AnswersCodec.decode(text), "round trip of $text")
        ensureEquals(emptyList<fr.assistmed.core.Answer>(), AnswersCodec.decode("{\"\$format\":\"1\"}"), "empty")
        ensureEquals(listOf(fr.assistmed.core.Answer("x", "é")), AnswersCodec.decode(" {\"\$format\" : \"1\", \"x\":\"\\u00e9\"} "), "spaces and \\u")
        for (bad in listOf("", "[]", "{\"x\":\"1\"}", "{\"\$format\":\"2\"}", "{\"\$format\":\"1\",\"x\":1}", "{\"\$format\":\"1\"} x", "{\"\$format\":\"1\",\"x\":\"\\q\"}")) {
            ensureEquals(null, AnswersCodec.decode(bad), "decode($bad)")
        }
    }

    h.check("every question kind of the questionnaire is one the apps render") {
        val seen = HashSet<QuestionKind>()
        for (date in listOf("2020-01-15", "2026-03-01")) {
            val s = SimulationState(rules, InMemorySimulationStore(), date)
            s.setAnswer("specialty", "41") // a surgeon: the clinical-fee share (percentage)
            s.setAnswer("specialty", "01")
            s.setAnswer("current_contract", "true")
            seen += s.questionnaire.questions.map { it.kind }
            val s2 = SimulationState(rules, InMemorySimulationStore(), "2025-01-15")
            s2.setAnswer("specialty", "41")
            seen += s2.questionnaire.questions.map { it.kind }
        }
        ensureEquals(QuestionKind.values().toSet(), seen, "kinds seen")
    }
}

private fun SimulationState.canGoBackToQuestionnaire(): Boolean {
    if (!back()) return false
    return screen == Screen.QUESTIONNAIRE
}
