// The screen logic the core shares with both apps, from Kotlin: the questionnaire (which questions,
// pre-filled, validated) and the result view model, which must show exactly the engine's figures.
package fr.assistmed.sdk.tests

import fr.assistmed.testing.*

import com.google.gson.JsonObject
import com.google.gson.JsonPrimitive
import fr.assistmed.core.Formule
import fr.assistmed.core.Langue
import fr.assistmed.core.Statut
import fr.assistmed.core.TypeQuestion
import fr.assistmed.core.AssistmedException
import fr.assistmed.sdk.RuleStore
import fr.assistmed.sdk.situationFromJson
import java.math.BigDecimal
import java.time.LocalDate
import java.util.Random

/** Answers as the app holds them: question id → the text typed or chosen. */
fun answers(vararg pairs: Pair<String, String>): Map<String, String> = mapOf(*pairs)

/**
 * A golden-case input as app answers (the questionnaire's vocabulary): the same mapping as
 * `vers_reponses` in core/tests/questionnaire.rs. Null when the questionnaire cannot express it
 * (a running contract other than 1 ETP, a share that is not a decimal).
 */
fun answersOf(input: JsonObject): Map<String, String>? {
    val out = mutableMapOf<String, String>()
    for ((key, value) in input.entrySet()) {
        when {
            key == "current_contract" -> {
                if (!value.isJsonObject) return null
                val c = value.asJsonObject
                if (c.get("option") != JsonPrimitive("plein")) return null
                val start = c.get("start")?.takeIf { it.isJsonPrimitive && it.asJsonPrimitive.isString } ?: return null
                out["current_contract"] = "true"
                out["current_contract.start"] = start.asString
                out["current_contract.objectives_reached"] = c.get("objectives_reached")?.toString() ?: "null"
            }
            key == "clinical_fee_share" && value.isJsonPrimitive && value.asJsonPrimitive.isString -> {
                val share = value.asString.toBigDecimalOrNull() ?: return null
                out[key] = share.multiply(BigDecimal(100)).stripTrailingZeros().toPlainString()
            }
            value.isJsonPrimitive && value.asJsonPrimitive.isString -> out[key] = value.asString
            else -> out[key] = value.toString()
        }
    }
    return out
}

fun runQuestionnaireTests(h: Harness, store: RuleStore, cases: List<GoldenCase>) {
    val today = JAN_15_2025
    h.check("questionnaire: no answer → incomplete, defaults pre-filled, patientele_mt required") {
        val q = store.questionnaire(emptyMap(), Langue.FR, today)
        ensure(!q.complete) { "complete without a patient count" }
        ensureEquals("convention-2024", q.rulesId, "rulesId")
        val pmt = q.questions.firstOrNull { it.id == "patientele_mt" } ?: fail("no patientele_mt question")
        ensure(pmt.required) { "patientele_mt not required" }
        ensureEquals(null, pmt.answer, "patientele_mt answer")
        ensureEquals(TypeQuestion.COUNT, pmt.kind, "kind")
        ensureEquals(0L to 20_000L, pmt.min to pmt.max, "bounds")
        val date = q.questions.first { it.id == "signature_date" }
        ensureEquals(today.toString(), date.answer, "signature date pre-filled with today")
        ensureEquals(TypeQuestion.DATE, date.kind, "date kind")
        val specialty = q.questions.first { it.id == "specialty" }
        ensure(specialty.choices.any { it.value == "01" && it.label.isNotBlank() }) { "no 01 choice" }
        val yesNo = q.questions.first { it.id == "newly_installed" }
        ensureEquals(listOf("true", "false"), yesNo.choices.map { it.value }, "yes/no choices")
        ensure(q.questions.all { it.label.isNotBlank() && it.help.isNotBlank() }) { "blank label or help" }
        // The same questions in English: same ids, other labels.
        val en = store.questionnaire(emptyMap(), Langue.EN, today)
        ensureEquals(q.questions.map { it.id }, en.questions.map { it.id }, "ids in English")
        // (a label may read the same in both, e.g. an acronym; the help texts are sentences)
        val same = q.questions.zip(en.questions).filter { (f, e) -> f.help == e.help }.map { it.first.id }
        ensure(same.isEmpty()) { "help not translated: $same" }
        ensure(q.questions.first { it.id == "signature_date" }.label != en.questions.first { it.id == "signature_date" }.label) { "date label" }
        ensureEquals(en.questions.first { it.id == "specialty" }.choices.map { it.value }, specialty.choices.map { it.value }, "choice codes in English")
    }
    h.check("questionnaire: patientele_mt=1200 → complete, questions in screen order") {
        val q = store.questionnaire(answers("patientele_mt" to "1200"), Langue.FR, today)
        ensure(q.complete) { "not complete: ${q.questions.filter { it.error != null }}" }
        ensureEquals(
            listOf("signature_date", "specialty", "sector", "patientele_mt", "file_active", "percentile_band",
                "newly_installed", "age", "ald_or_rqth", "mep", "current_contract"),
            q.questions.map { it.id }, "question ids",
        )
        ensureEquals("1200", q.questions.first { it.id == "patientele_mt" }.answer, "answer echoed")
    }
    h.check("resultView: eligible, 1/2 ETP year 1 = 19000.00") {
        val v = store.resultView(answers("patientele_mt" to "1200"), Langue.FR, today)
        ensureEquals(Statut.ELIGIBLE, v.verdict.status, "verdict")
        ensureEquals("✓", v.verdict.symbol, "symbol")
        val demi = v.options.first { it.option == Formule.DEMI }
        ensureEquals(BigDecimal("19000.00"), demi.cells[0].amount?.setScale(2), "demi year 1")
        ensureEquals(listOf(1, 2, 3, 4, 5), demi.cells.map { it.year }, "years")
        ensureEquals(BigDecimal("132000.00"), v.options.first { it.option == Formule.PLEIN }.total?.setScale(2), "plein total")
        ensure(demi.objectiveToConfirm) { "objective to confirm" }
        ensureEquals("Simulation indicative, qui n'engage pas l'Assurance Maladie.", v.disclaimer, "disclaimer")
        ensureEquals("convention-2024", v.rules.id, "rules")
    }
    h.check("questionnaire: bad answers → error on their question (hors_bornes, nombre_attendu)") {
        val q = store.questionnaire(answers("patientele_mt" to "abc", "age" to "12"), Langue.FR, today)
        ensure(!q.complete) { "complete with bad answers" }
        val age = q.questions.first { it.id == "age" }.error ?: fail("no error on age")
        ensureEquals("hors_bornes", age.code, "age error")
        ensure(age.message.contains("20") && age.message.contains("100")) { "bounds in the message: ${age.message}" }
        val ageEn = store.questionnaire(answers("age" to "12"), Langue.EN, today).questions.first { it.id == "age" }.error ?: fail("no error on age (en)")
        ensure(ageEn.message != age.message && ageEn.message.contains("100")) { "English message: ${ageEn.message}" }
        ensureEquals("nombre_attendu", q.questions.first { it.id == "patientele_mt" }.error?.code, "patientele_mt error")
        ensureEquals("hors_bornes", store.questionnaire(answers("age" to "12"), Langue.FR, today).questions.first { it.id == "age" }.error?.code, "age alone")
    }
    h.check("questionnaire: today is optional (no pre-filled date without it)") {
        ensure(store.questionnaire(answers("signature_date" to "2025-01-15", "patientele_mt" to "1200"), Langue.FR, null).complete) { "today is optional" }
        val q = store.questionnaire(answers("patientele_mt" to "1200"), Langue.FR, null)
        ensureEquals(null, q.questions.first { it.id == "signature_date" }.answer, "no date pre-filled")
        ensure(!q.complete) { "complete without a signature date" }
        // Pre-filled with whatever day the app passes (the core never reads the clock).
        val later = LocalDate.of(2026, 3, 1)
        ensureEquals("2026-03-01", store.questionnaire(emptyMap(), Langue.FR, later).questions.first { it.id == "signature_date" }.answer, "pre-filled")
    }
    h.check("resultView on incomplete answers → typed error naming the question, with the answer's own code") {
        expectError("champ_requis", "patientele_mt", Langue.FR) { store.resultView(emptyMap(), Langue.FR, today) }
        expectError("hors_bornes", "age", Langue.EN) { store.resultView(answers("patientele_mt" to "1200", "age" to "12"), Langue.EN, today) }
    }
    h.check("questionnaire: pending questions and pre-filled defaults") {
        val q = store.questionnaire(emptyMap(), Langue.FR, today)
        ensure(q.pending == listOf("patientele_mt")) { "pending = ${q.pending}" }
        ensure(q.blockingError == null) { "no blocking error expected" }
        ensure(q.questions.first { it.id == "signature_date" }.prefilled) { "the date is pre-filled" }
        val done = store.questionnaire(answers("patientele_mt" to "1200"), Langue.FR, today)
        ensure(done.pending.isEmpty() && !done.questions.first { it.id == "patientele_mt" }.prefilled) { "answered, not pre-filled" }
    }
    h.check("questionnaire: a corrected answer replaces the wrong one") {
        val a = answers("patientele_mt" to "-5").toMutableMap()
        ensure(!store.questionnaire(a, Langue.FR, today).complete) { "complete with -5 patients" }
        a["patientele_mt"] = "1200"
        ensure(store.questionnaire(a, Langue.FR, today).complete) { "the corrected answer should replace the first" }
    }

    h.check("resultView shows exactly the engine's amounts for every golden case it can express") {
        var n = 0
        for (case in cases) {
            if (case.command != "simulate" || case.expect.has("error")) continue
            val answers = answersOf(case.input) ?: continue
            val expected = store.assess(situationFromJson(case.inputText, Langue.FR), Langue.FR)
            val q = store.questionnaire(answers, Langue.FR, null)
            ensure(q.complete) { "${case.file}: questionnaire incomplete: ${q.questions.filter { it.error != null || (it.required && it.answer == null) }.map { it.id }}" }
            val v = store.resultView(answers, Langue.FR, null)
            ensureEquals(expected.eligibility.status, v.verdict.status, "${case.file}: verdict")
            ensureEquals(expected.rules, v.rules, "${case.file}: rules")
            ensureEquals(expected.options.map { it.option }, v.options.map { it.option }, "${case.file}: options")
            for ((row, o) in v.options.zip(expected.options)) {
                ensureEquals(o.available, row.available, "${case.file} ${o.option}: available")
                ensureEquals(o.aid.map { it.amount }, row.cells.map { it.amount }, "${case.file} ${o.option}: amounts")
                ensureEquals(o.total, row.total, "${case.file} ${o.option}: total")
            }
            ensureEquals(expected.caveats, v.caveats, "${case.file}: caveats")
            n++
        }
        ensure(n >= 25) { "only $n golden cases through the questionnaire" }
        println("questionnaire: $n golden cases, result view amounts = assess amounts")
    }

    h.check("questionnaire fuzz: random answers → questions or typed error, never anything else") {
        val rnd = Random(20_251_122L)
        val ids = store.questionnaire(answers("current_contract" to "true"), Langue.FR, LocalDate.of(2026, 3, 1)).questions.map { it.id } +
            listOf("zone", "practice", "coordinated", "clinical_fee_share", "unknown")
        val values = listOf("", " ", "0", "1200", "-1", "99999999999999999999", "true", "false", "yes", "2023-01-15",
            "2019-08-31", "2025-02-30", "01", "41", "99", "secteur_1", "secteur_2", "zip", "groupe", "p50_p70",
            "85", "85,5", "100.1", "é\uD83D\uDE00", "\u0000")
        var views = 0
        repeat(300) {
            // Half of the sets start from a complete GP answer, so that many reach the result view.
            val base = if (rnd.nextBoolean()) answers("patientele_mt" to "1200") else emptyMap()
            val a = base + (0 until rnd.nextInt(4)).associate { ids[rnd.nextInt(ids.size)] to values[rnd.nextInt(values.size)] }
            val today = if (rnd.nextInt(5) == 0) null else JAN_15_2025
            val langue = if (rnd.nextBoolean()) Langue.FR else Langue.EN
            store.questionnaire(a, langue, today)
            try {
                store.resultView(a, langue, today)
                views++
            } catch (e: AssistmedException) {
                ensure(e.text().isNotBlank() && e.field() != null) { "error without text or question on $a: ${e.text()}" }
            }
        }
        println("questionnaire fuzz: 300 answer sets, $views result views")
    }
}
