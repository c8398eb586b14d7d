// The economics of hiring through the bindings: the language-neutral golden cases of
// tests/economics (same expectations as the core and the CLI), the side-by-side view model, and
// typed errors for bad decimal inputs. Nothing is computed here: every figure comes from the core.
package fr.assistmed.core.tests

import fr.assistmed.testing.*

import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonNull
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import com.google.gson.JsonPrimitive
import fr.assistmed.core.AssistmedException
import fr.assistmed.core.ContractOption
import fr.assistmed.core.Economics
import fr.assistmed.core.EconomicsRequest
import fr.assistmed.core.Language
import fr.assistmed.core.RuleStore
import java.io.File
import java.math.BigDecimal

private fun txt(v: String?): JsonElement = if (v == null) JsonNull.INSTANCE else JsonPrimitive(v)
private fun dec(v: BigDecimal?): JsonElement = txt(v?.toPlainString())

/** The record as the JSON of `assistmed economics --json` (the fields the cases check). */
fun Economics.toJson(): JsonObject = JsonObject().also { o ->
    o.addProperty("option", option.code())
    o.addProperty("start", start)
    o.add("gross_monthly", dec(grossMonthly))
    o.add("hours_per_week", dec(hoursPerWeek))
    o.add("years", JsonArray().also { a ->
        years.forEach { y ->
            a.add(JsonObject().also { j ->
                j.addProperty("year", y.year.toLong())
                j.addProperty("start", y.start)
                j.addProperty("end", y.end)
                j.add("aid", dec(y.aid))
                j.addProperty("aid_maximum", y.aidMaximum)
                j.add("employer_cost", dec(y.employerCost))
                j.add("net", dec(y.net))
                j.addProperty("net_maximum", y.netMaximum)
                j.add("patient_value", dec(y.patientValue))
                j.add("extra_patients", y.extraPatients?.let { JsonPrimitive(it.toLong()) } ?: JsonNull.INSTANCE)
                j.add("extra_consultations_per_working_day", dec(y.extraConsultationsPerWorkingDay))
                j.addProperty("latest_values_used", y.latestValuesUsed)
            })
        }
    })
    o.add("assumptions", JsonArray().also { a ->
        assumptions.forEach { h ->
            a.add(JsonObject().also { j ->
                j.addProperty("code", h.code)
                j.addProperty("source", h.source)
                j.addProperty("value", h.value)
                j.addProperty("grade", h.grade.code())
            })
        }
    })
    o.add("caveats", JsonArray().also { a -> caveats.forEach { c -> a.add(JsonObject().also { it.addProperty("code", c.code) }) } })
}

private fun JsonObject.str(k: String): String? = get(k)?.takeUnless { it.isJsonNull }?.asString

/** A case input as typed records; null when the situation cannot be expressed as a record. */
fun economicsRequestOf(input: JsonObject): Pair<fr.assistmed.core.Situation, EconomicsRequest>? {
    val situation = JsonObject().also { s ->
        input.getAsJsonObject("situation").entrySet().forEach { (k, v) -> s.add(k, v) }
        if (!s.has("signature_date")) input.get("start")?.let { s.add("signature_date", it) }
    }
    val sit = situationOf(situation) ?: return null
    val option = ContractOption.values().firstOrNull { it.code() == input.str("option") } ?: return null
    val a = input.getAsJsonObject("assumptions") ?: JsonObject()
    return sit to EconomicsRequest(
        option = option, start = input.str("start"), grossMonthly = input.str("gross_monthly"),
        contactsPerYear = a.str("contacts_per_year"), consultationFee = a.str("consultation_fee"),
        fmtBand = a.str("fmt_band"), fmt = a.str("fmt"), workingDays = a.str("working_days"),
        atmpRate = a.str("atmp_rate"), healthInsuranceMonthly = a.str("health_insurance_monthly"),
    )
}

fun runEconomicsTests(h: Harness, store: RuleStore, dir: File) {
    val files = dir.listFiles { f -> f.isFile && f.name.endsWith(".json") }?.sortedBy { it.name }.orEmpty()
    h.check("economics golden cases present in $dir") { ensure(files.size >= 10) { "only ${files.size} cases" } }
    for (f in files) {
        val case = JsonParser.parseString(f.readText()).asJsonObject
        h.check("economics case ${f.name}") {
            ensure(!case.str("source").isNullOrBlank()) { "no source" }
            val (situation, request) = economicsRequestOf(case.getAsJsonObject("input")) ?: fail("input not expressible")
            val expect = case.getAsJsonObject("expect")
            val error = expect.getAsJsonObject("error")
            val result = runCatching { store.economics(situation, request) }
            if (error != null) {
                val e = result.exceptionOrNull() as? AssistmedException ?: fail("expected error ${error}, got ${result}")
                ensureEquals(error.str("code"), e.errorCode(), "error code")
                ensureEquals(error.str("field"), e.errorField(), "error field")
                ensure(e.messageIn(Language.FR).isNotBlank() && e.messageIn(Language.EN).isNotBlank()) { "messages" }
            } else {
                val eco = result.getOrElse { fail("unexpected error: ${(it as? AssistmedException)?.errorCode()} ${it.message}") }
                val tree = eco.toJson()
                expect.get("output")?.let { out -> subsetMismatch(out, tree)?.let { fail(it) } }
                expect.getAsJsonArray("caveats_include")?.forEach { c ->
                    ensure(eco.caveats.any { it.code == c.asString }) { "caveat ${c.asString} missing" }
                }
                // The JSON contract's invariant, in BigDecimal: net = aid − employer_cost exactly.
                eco.years.forEach { y -> y.aid?.let { ensureEquals(it.subtract(y.employerCost), y.net, "net of year ${y.year}") } }
            }
        }
    }
    h.check("economics view: 1/2 and 1 ETP side by side, French and English, figures from the records") {
        val (situation, request) = economicsRequestOf(JsonParser.parseString(
            """{"option": "plein", "start": "2026-09-01", "gross_monthly": "2000", "situation": {"specialty": "01", "sector": "secteur_1", "percentile_band": "p50_p70"}}"""
        ).asJsonObject)!!
        val fr = store.economicsView(situation, request, Language.FR)
        val en = store.economicsView(situation, request, Language.EN)
        ensureEquals(2, fr.options.size, "options")
        ensureEquals(listOf("demi", "plein"), fr.options.map { it.option.code() }, "option order")
        ensureEquals(5, fr.options[1].rows.size, "contract years")
        ensure(fr.columns.contains("Coût employeur") && en.columns.contains("Employer cost")) { "columns ${fr.columns} ${en.columns}" }
        val plein = store.economics(situation, request)
        // The view's year-1 cost is the record's, rendered by the core (« 26 xxx,xx € »).
        val cost = plein.years[0].employerCost.setScale(2).toPlainString()
        val shown = fr.options[1].rows[0].employerCost.filter { it.isDigit() }
        ensureEquals(cost.filter { it.isDigit() }, shown, "year-1 cost shown")
        ensure(fr.options[1].rows[2].aid.endsWith("*")) { "year-3 aid is a maximum" }
        ensure(fr.disclaimer.isNotBlank() && fr.assumptions.isNotEmpty() && fr.caveats.isNotEmpty()) { "texts" }
    }
    h.check("economics: a malformed decimal is the typed error naming its field") {
        val (situation, request) = economicsRequestOf(JsonParser.parseString(
            """{"option": "demi", "start": "2026-01-01", "situation": {"specialty": "01", "sector": "secteur_1", "percentile_band": "p50_p70"}}"""
        ).asJsonObject)!!
        for ((field, bad) in listOf("gross_monthly" to request.copy(grossMonthly = "deux mille"),
                                    "working_days" to request.copy(workingDays = "-3"),
                                    "fmt_band" to request.copy(fmtBand = "adulte"))) {
            val e = runCatching { store.economics(situation, bad) }.exceptionOrNull() as? AssistmedException
                ?: fail("$field: no typed error")
            ensureEquals(field, e.errorField(), "field")
        }
    }
}
