// Following a running contract from Kotlin: every case of tests/tracking/ through the typed API
// (a TrackedContract built field by field from the case's contract document), the Tracking
// record turned into a JSON tree with the names of `assistmed track --json` and matched against
// the case; the « Mon contrat » view of the issue's example; the saved form's round trip.
package fr.assistmed.core.tests

import fr.assistmed.testing.*

import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonNull
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import com.google.gson.JsonPrimitive
import fr.assistmed.core.AchievementRule
import fr.assistmed.core.AidOutcome
import fr.assistmed.core.AssistmedException
import fr.assistmed.core.ContractOption
import fr.assistmed.core.Indicator
import fr.assistmed.core.Measurement
import fr.assistmed.core.PercentileBand
import fr.assistmed.core.RuleStore
import fr.assistmed.core.Sector
import fr.assistmed.core.TargetSource
import fr.assistmed.core.TrackedContract
import fr.assistmed.core.Tracking
import fr.assistmed.core.YearPeriod
import fr.assistmed.core.trackedContractFromBytes
import fr.assistmed.core.trackedContractToBytes
import java.io.File
import java.math.BigDecimal

private fun t(v: String?): JsonElement = if (v == null) JsonNull.INSTANCE else JsonPrimitive(v)
private fun n(v: Long?): JsonElement = if (v == null) JsonNull.INSTANCE else JsonPrimitive(v)
private fun n(v: UInt?): JsonElement = n(v?.toLong())
private fun b(v: Boolean): JsonElement = JsonPrimitive(v)
private fun d(v: BigDecimal?): JsonElement = t(v?.toPlainString())
private fun texts(v: List<String>): JsonArray = JsonArray().also { a -> v.forEach { a.add(it) } }
private fun <T> list(v: List<T>, f: (T) -> JsonElement): JsonArray = JsonArray().also { a -> v.forEach { a.add(f(it)) } }
private fun obj(vararg fields: Pair<String, JsonElement>): JsonObject =
    JsonObject().also { o -> fields.forEach { (k, v) -> o.add(k, v) } }

/** Short indicator codes of the tracking JSON contract ("pmt", "fa"). */
fun Indicator.trackingCode(): String = when (this) {
    Indicator.PATIENTELE_MT -> "pmt"
    Indicator.FILE_ACTIVE -> "fa"
}

fun AchievementRule.jsonCode(): String = when (this) {
    AchievementRule.BOTH -> "both"
    AchievementRule.ONE_OF_TWO -> "one_of_two"
}

fun TargetSource.jsonCode(): String = when (this) {
    TargetSource.CONTRACT -> "contract"
    TargetSource.GRID -> "grid"
}

fun YearPeriod.jsonCode(): String = when (this) {
    YearPeriod.PAST -> "past"
    YearPeriod.CURRENT -> "current"
    YearPeriod.FUTURE -> "future"
}

fun AidOutcome.jsonCode(): String = when (this) {
    AidOutcome.MAXIMUM -> "maximum"
    AidOutcome.MODULATED -> "modulated"
}

/** A case's contract document as the record an app builds. */
fun trackedContractOf(o: JsonObject): TrackedContract {
    fun str(k: String): String? = o.get(k)?.takeUnless { it.isJsonNull }?.asString
    fun num(k: String): Long? = o.get(k)?.takeUnless { it.isJsonNull }?.asLong
    fun need(k: String): String = str(k) ?: fail("case contract without `$k`")
    return TrackedContract(
        signatureDate = need("signature_date"),
        specialty = need("specialty"),
        sector = Sector.entries.firstOrNull { it.code() == need("sector") } ?: fail("sector ${str("sector")}"),
        option = ContractOption.entries.firstOrNull { it.code() == need("option") } ?: fail("option ${str("option")}"),
        start = str("start"),
        percentileBand = str("percentile_band")?.let { band ->
            PercentileBand.entries.firstOrNull { it.code() == band } ?: fail("band $band")
        },
        baselinePmt = num("baseline_pmt"),
        targetPmt = num("target_pmt"),
        baselineFa = num("baseline_fa"),
        targetFa = num("target_fa"),
        measurements = (o.getAsJsonArray("measurements") ?: JsonArray()).map { e ->
            val m = e.asJsonObject
            Measurement(
                date = m.get("date")?.asString ?: fail("measurement without date"),
                pmt = m.get("pmt")?.takeUnless { it.isJsonNull }?.asLong,
                fa = m.get("fa")?.takeUnless { it.isJsonNull }?.asLong,
            )
        },
    )
}

/** The record as the JSON tree of `assistmed track --json` (the fields the cases check). */
fun Tracking.toJson(): JsonObject = obj(
    "rules" to obj("id" to t(rules.id)),
    "on" to t(on),
    "option" to t(option.code()),
    "signature_date" to t(signatureDate),
    "start" to t(start),
    "end" to t(end),
    "contract_year" to n(contractYear),
    "year_start" to t(yearStart),
    "year_end" to t(yearEnd),
    "percentile" to obj("row" to t(percentile.row.jsonCode()), "confidence" to t(percentile.confidence.code())),
    "indicators" to list(indicators) { x ->
        obj(
            "indicator" to t(x.indicator.trackingCode()),
            "baseline" to n(x.baseline),
            "target" to n(x.target),
            "target_source" to t(x.targetSource.jsonCode()),
            "target_confidence" to t(x.targetConfidence.code()),
            "current" to n(x.current),
            "measured_on" to t(x.measuredOn),
            "gained" to n(x.gained),
            "required" to n(x.required),
            "progress" to d(x.progress),
            "reached" to b(x.reached),
        )
    },
    "unfollowed_indicators" to list(unfollowedIndicators) { t(it.trackingCode()) },
    "met" to b(met),
    "met_confidence" to t(metConfidence.code()),
    "rule" to t(rule.jsonCode()),
    "rule_confidence" to t(ruleConfidence.code()),
    "rule_references" to texts(ruleReferences),
    "assessment" to obj(
        "from_year" to n(assessment.fromYear),
        "from_date" to t(assessment.fromDate),
        "assessed" to b(assessment.assessed),
        "deadline" to t(assessment.deadline),
        "confidence" to t(assessment.confidence.code()),
        "references" to texts(assessment.references),
    ),
    "aid_outlook" to list(aidOutlook) { p ->
        obj(
            "year" to n(p.year),
            "start" to t(p.start),
            "end" to t(p.end),
            "rules_id" to t(p.rulesId),
            "maximum_amount" to d(p.maximumAmount),
            "confidence" to t(p.confidence.code()),
            "period" to t(p.period.jsonCode()),
            "outcome" to t(p.outcome.jsonCode()),
            "usual_reading_amount" to d(p.usualReadingAmount),
            "usual_reading_confidence" to t(p.usualReadingConfidence?.code()),
        )
    },
    "caveats" to list(caveats) { c -> obj("code" to t(c.code), "confidence" to t(c.confidence.code())) },
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

/** One case: the expected subset of the output, or the expected error code and field. */
fun checkTrackingCase(store: RuleStore, c: TrackingCase) {
    val error = c.expect.getAsJsonObject("error")
    val result = try {
        store.track(trackedContractOf(c.contract), c.on)
    } catch (e: AssistmedException) {
        if (error == null) fail("unexpected ${e.errorCode()} on ${e.errorField()}: ${e.messageIn(fr.assistmed.core.Language.EN)}")
        ensureEquals(error.get("code").asString, e.errorCode(), "error code")
        ensureEquals(error.get("field")?.takeUnless { it.isJsonNull }?.asString, e.errorField(), "error field")
        val field = e.errorField() ?: ""
        ensure(e.messageIn(fr.assistmed.core.Language.FR).contains(field) && e.messageIn(fr.assistmed.core.Language.EN).contains(field)) {
            "messages do not name `$field`"
        }
        return
    }
    if (error != null) fail("expected error $error, got an output")
    val tree = result.toJson()
    c.expect.get("output")?.let { expected -> subsetMismatch(expected, tree)?.let { fail(it) } }
    c.expect.getAsJsonArray("caveats_include")?.forEach { code ->
        ensure(result.caveats.any { it.code == code.asString }) {
            "caveat ${code.asString} missing; present: ${result.caveats.map { it.code }}"
        }
    }
}

fun runTrackingTests(h: Harness, store: RuleStore, dir: File) {
    val cases = try {
        loadTrackingCases(dir)
    } catch (e: Exception) {
        h.check("tracking cases present in $dir") { fail(e.message ?: "cannot read") }
        return
    }
    h.check("tracking cases present in $dir") { ensure(cases.size >= 15) { "only ${cases.size} tracking cases" } }
    for (c in cases) h.check("tracking case ${c.file}") { checkTrackingCase(store, c) }

    val example = cases.firstOrNull { it.id == "2024-plein-issue-example" }
    h.check("« Mon contrat » view of the issue's example (2024, 1 ETP, +150 of +260 PMT, year 3)") {
        val c = example ?: fail("case 2024-plein-issue-example missing")
        val v = store.contractView(trackedContractOf(c.contract), c.on)
        ensureEquals(3u, v.contractYear, "contract year")
        val pmt = v.indicators.single()
        ensure(pmt.textFr.contains("+150 sur +260, soit 58\u202F%")) { pmt.textFr }
        ensure(pmt.spokenFr.contains("150 patients gagnés sur 260 demandés")) { pmt.spokenFr }
        ensureEquals("✗", pmt.symbol, "symbol")
        ensureEquals(false, v.verdict.met, "met")
        ensure(v.verdict.ruleFr.contains("une des deux cibles suffit")) { v.verdict.ruleFr }
        ensureEquals(3, v.outlook.size, "outlook lines")
        val y3 = v.outlook.first()
        ensureEquals(BigDecimal("22000.00"), y3.maximumAmount, "year-3 maximum (S10)")
        ensureEquals(BigDecimal("12692.31"), y3.usualReadingAmount, "usual reading 22 000 × 150 ÷ 260")
        ensure(y3.textFr.contains("modulé, formule non publiée") && y3.textFr.contains("12\u202F692,31\u00A0€")) { y3.textFr }
    }

    h.check("saved form: bytes round trip, damaged bytes refused") {
        val c = trackedContractOf((example ?: fail("no example")).contract)
        val bytes = trackedContractToBytes(c)
        ensureEquals(c, trackedContractFromBytes(bytes), "round trip")
        val code = try {
            trackedContractFromBytes(bytes.copyOf(bytes.size / 2)); "none"
        } catch (e: AssistmedException) { e.errorCode() }
        ensureEquals("json_invalide", code, "truncated saved form")
        val bad = try {
            trackedContractToBytes(c.copy(targetPmt = 1000L)); "none"
        } catch (e: AssistmedException) { "${e.errorCode()} ${e.errorField()}" }
        ensureEquals("incoherence target_pmt", bad, "a target below the baseline is not saved")
    }

    h.check("track: a bad evaluation date is date_invalide on `on`") {
        val c = trackedContractOf((example ?: fail("no example")).contract)
        val got = try {
            store.track(c, "01/12/2026"); "none"
        } catch (e: AssistmedException) { "${e.errorCode()} ${e.errorField()}" }
        ensureEquals("date_invalide on", got, "error")
    }
}
