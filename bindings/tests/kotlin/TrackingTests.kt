// Following a running contract from Kotlin: every case of tests/tracking/ through the typed API
// (a ContratSuivi built field by field from the case's contract document) and through the saved
// form (the document wrapped as `trackedContractToBytes` writes it, read by
// trackedContractFromBytes); the Suivi record turned into a JSON tree with the names of
// `assistmed track --json` and matched against the case; the « Mon contrat » view of the issue's
// example; the saved form's round trip.
package fr.assistmed.sdk.tests

import fr.assistmed.testing.*

import com.google.gson.JsonArray
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import fr.assistmed.core.ContratSuivi
import fr.assistmed.core.Formule
import fr.assistmed.core.Indicateur
import fr.assistmed.core.Langue
import fr.assistmed.core.Mesure
import fr.assistmed.core.ObjectifContrat
import fr.assistmed.core.Secteur
import fr.assistmed.core.Suivi
import fr.assistmed.core.Tranche
import fr.assistmed.core.AssistmedException
import fr.assistmed.sdk.RuleStore
import fr.assistmed.sdk.trackedContractFromBytes
import fr.assistmed.sdk.trackedContractToBytes
import java.io.File
import java.math.BigDecimal
import java.time.LocalDate

/**
 * A case's contract document as the record an app builds; null when no record can hold it (a
 * target without its baseline, a negative count, a date that is not a calendar date…).
 */
fun trackedContractOf(o: JsonObject): ContratSuivi? = try {
    val signature = o.date("signature_date") ?: throw Unrepresentable()
    val objectives = listOf(Indicateur.PMT to "pmt", Indicateur.FA to "fa").mapNotNull { (i, code) ->
        val baseline = o.count("baseline_$code")
        val target = o.count("target_$code")
        when {
            baseline != null -> ObjectifContrat(indicator = i, baseline = baseline, target = target)
            target != null -> throw Unrepresentable()
            else -> null
        }
    }
    ContratSuivi(
        signatureDate = signature,
        specialty = o.string("specialty") ?: throw Unrepresentable(),
        sector = byCode(Secteur.values(), o.string("sector")) { it.jsonCode() } ?: throw Unrepresentable(),
        option = byCode(Formule.values(), o.string("option")) { it.jsonCode() } ?: throw Unrepresentable(),
        // The document's default, which the app applies itself: the contract starts on signature.
        start = o.date("start") ?: signature,
        percentileBand = byCode(Tranche.values(), o.string("percentile_band")) { it.jsonCode() },
        objectives = objectives,
        measurements = (o.getAsJsonArray("measurements") ?: JsonArray()).map { e ->
            val m = e.asJsonObject
            Mesure(date = m.date("date") ?: throw Unrepresentable(), pmt = m.count("pmt"), fa = m.count("fa"))
        },
    )
} catch (e: Unrepresentable) {
    null
}

/** The saved form of a contract document (format `assistmed-suivi` version 1, core/src/calcul/suivi.rs). */
fun savedForm(contract: JsonObject): ByteArray = JsonObject().also {
    it.addProperty("format", "assistmed-suivi")
    it.addProperty("version", 1)
    it.add("contract", contract)
}.toString().toByteArray(Charsets.UTF_8)

/** The record as the JSON tree of `assistmed track --json` (the fields the cases check). */
fun Suivi.toJson(): JsonObject = obj(
    "rules" to obj("id" to text(rules.id)),
    "on" to date(on),
    "option" to text(option.jsonCode()),
    "signature_date" to date(signatureDate),
    "start" to date(start),
    "end" to date(end),
    "contract_year" to number(contractYear),
    "year_start" to date(yearStart),
    "year_end" to date(yearEnd),
    "percentile" to obj("row" to text(percentile.row.jsonCode()), "confidence" to text(percentile.confidence.jsonCode())),
    "indicators" to list(indicators) { x ->
        obj(
            "indicator" to text(x.indicator.trackingCode()),
            "baseline" to number(x.baseline),
            "target" to number(x.target),
            "target_source" to text(x.targetSource.jsonCode()),
            "target_confidence" to text(x.targetConfidence.jsonCode()),
            "current" to number(x.current),
            "measured_on" to date(x.measuredOn),
            "gained" to number(x.gained),
            "required" to number(x.required),
            "progress" to decimal(x.progress),
            "reached" to bool(x.reached),
        )
    },
    "unfollowed_indicators" to list(unfollowedIndicators) { text(it.trackingCode()) },
    "met" to bool(met),
    "met_confidence" to text(metConfidence.jsonCode()),
    "rule" to text(rule.jsonCode()),
    "rule_confidence" to text(ruleConfidence.jsonCode()),
    "rule_references" to texts(ruleReferences),
    "assessment" to obj(
        "from_year" to number(assessment.fromYear),
        "from_date" to date(assessment.fromDate),
        "assessed" to bool(assessment.assessed),
        "deadline" to date(assessment.deadline),
        "confidence" to text(assessment.confidence.jsonCode()),
        "references" to texts(assessment.references),
    ),
    "aid_outlook" to list(aidOutlook) { p ->
        obj(
            "year" to number(p.year),
            "start" to date(p.start),
            "end" to date(p.end),
            "rules_id" to text(p.rulesId),
            "maximum_amount" to decimal(p.maximumAmount),
            "confidence" to text(p.confidence.jsonCode()),
            "period" to text(p.period.jsonCode()),
            "outcome" to text(p.outcome.jsonCode()),
            "usual_reading_amount" to decimal(p.usualReadingAmount),
            "usual_reading_confidence" to text(p.usualReadingConfidence?.jsonCode()),
        )
    },
    "caveats" to list(caveats) { c -> obj("code" to text(c.code), "confidence" to text(c.confidence.jsonCode())) },
)

class TrackingCase(val file: String, val id: String, val contract: JsonObject, val on: String, val expect: JsonObject)

fun loadTrackingCases(dir: File): List<TrackingCase> {
    val files = dir.listFiles { f -> f.isFile && f.name.endsWith(".json") }?.sortedBy { it.name }
        ?: throw IllegalArgumentException("tracking cases directory not found: $dir")
    return files.map { f ->
        val o = JsonParser.parseString(f.readText()).asJsonObject
        TrackingCase(
            file = f.name,
            id = o.get("id")?.asString ?: f.nameWithoutExtension,
            contract = o.getAsJsonObject("contract") ?: JsonObject(),
            on = o.get("on")?.asString ?: "",
            expect = o.getAsJsonObject("expect") ?: JsonObject(),
        )
    }
}

/** One outcome against the case: the expected subset of the output, or the expected error. */
fun checkTrackingOutcome(c: TrackingCase, outcome: Result<Suivi>, langue: Langue) {
    val error = c.expect.getAsJsonObject("error")
    if (error != null) {
        val field = error.get("field")?.takeUnless { it.isJsonNull }?.asString
        val e = outcome.exceptionOrNull()
        ensureTypedError(e, error.get("code").asString, field, langue)
        ensure(e!!.message!!.contains(field ?: "")) { "the text does not name `$field`: ${e.message}" }
        return
    }
    val result = outcome.getOrElse { e ->
        fail("unexpected ${(e as? AssistmedException)?.code()} on ${(e as? AssistmedException)?.field()}: ${e.message}")
    }
    val tree = result.toJson()
    c.expect.get("output")?.let { expected -> subsetMismatch(expected, tree)?.let { fail(it) } }
    c.expect.getAsJsonArray("caveats_include")?.forEach { code ->
        ensure(result.caveats.any { it.code == code.asString }) {
            "caveat ${code.asString} missing; present: ${result.caveats.map { it.code }}"
        }
    }
}

fun caseDay(c: TrackingCase): LocalDate = isoDate(c.on) ?: fail("case ${c.file}: `on` is not a date: ${c.on}")

fun runTrackingTests(h: Harness, store: RuleStore, dir: File) {
    val cases = try {
        loadTrackingCases(dir)
    } catch (e: Exception) {
        h.check("tracking cases present in $dir") { fail(e.message ?: "cannot read") }
        return
    }
    h.check("tracking cases present in $dir") { ensure(cases.size >= 15) { "only ${cases.size} tracking cases" } }
    var untyped = 0
    for (c in cases) {
        val record = trackedContractOf(c.contract)
        if (record == null) untyped++
        h.check("tracking case ${c.file} [typed record]") {
            if (record == null) {
                ensure(c.expect.has("error")) { "contract not expressible as a record but no error expected" }
            } else {
                checkTrackingOutcome(c, runCatching { store.track(record, caseDay(c), Langue.EN) }, Langue.EN)
            }
        }
        h.check("tracking case ${c.file} [saved form]") {
            val outcome = runCatching { store.track(trackedContractFromBytes(savedForm(c.contract), Langue.FR), caseDay(c), Langue.FR) }
            checkTrackingOutcome(c, outcome, Langue.FR)
        }
    }
    println("tracking: ${cases.size} cases, $untyped not expressible as records (through the saved form only)")

    val example = cases.firstOrNull { it.id == "2024-plein-issue-example" }
    h.check("« Mon contrat » view of the issue's example (2024, 1 ETP, +150 of +260 PMT, year 3)") {
        val c = example ?: fail("case 2024-plein-issue-example missing")
        val v = store.contractView(trackedContractOf(c.contract) ?: fail("not a record"), caseDay(c), Langue.FR)
        ensureEquals(3, v.contractYear, "contract year")
        val pmt = v.indicators.single()
        ensure(pmt.text.contains("+150 sur +260, soit 58\u202F%")) { pmt.text }
        ensure(pmt.spoken.contains("150 patients gagnés sur 260 demandés")) { pmt.spoken }
        ensureEquals("✗", pmt.symbol, "symbol")
        ensureEquals(false, v.verdict.met, "met")
        ensure(v.verdict.rule.contains("une des deux cibles suffit")) { v.verdict.rule }
        ensureEquals(3, v.outlook.size, "outlook lines")
        val y3 = v.outlook.first()
        ensureEquals(BigDecimal("22000.00"), y3.maximumAmount?.setScale(2), "year-3 maximum (S10)")
        ensureEquals(BigDecimal("12692.31"), y3.usualReadingAmount?.setScale(2), "usual reading 22 000 × 150 ÷ 260")
        ensure(y3.text.contains("modulé, formule non publiée") && y3.text.contains("12\u202F692,31\u00A0€")) { y3.text }
        // The same screen in English, from the same call with Langue.EN.
        val en = store.contractView(trackedContractOf(c.contract) ?: fail("not a record"), caseDay(c), Langue.EN)
        ensure(en.indicators.single().text.contains("+150 of +260")) { en.indicators.single().text }
        ensure(en.title != v.title) { "same title in both languages: ${v.title}" }
    }

    h.check("saved form: bytes round trip, damaged bytes refused") {
        val c = trackedContractOf((example ?: fail("no example")).contract) ?: fail("not a record")
        val bytes = trackedContractToBytes(c, Langue.FR)
        ensureEquals(c, trackedContractFromBytes(bytes, Langue.FR), "round trip")
        expectError("json_invalide", null, Langue.EN) { trackedContractFromBytes(bytes.copyOf(bytes.size / 2), Langue.EN) }
        val lower = c.copy(objectives = c.objectives.map { it.copy(target = 1000) })
        // A target below the baseline is not saved (the objective is a rise from the baseline).
        expectError("incoherence", "target_pmt", Langue.FR) { trackedContractToBytes(lower, Langue.FR) }
    }

    h.check("track: an evaluation day before the contract start is hors_bornes on `on`") {
        val c = trackedContractOf((example ?: fail("no example")).contract) ?: fail("not a record")
        expectError("hors_bornes", "on", Langue.FR) { store.track(c, c.start.minusDays(1), Langue.FR) }
        expectError("hors_bornes", "on", Langue.EN) { store.contractView(c, c.start.minusDays(1), Langue.EN) }
    }
}
