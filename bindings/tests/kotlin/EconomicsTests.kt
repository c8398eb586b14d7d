// The economics of hiring through the bindings: the language-neutral golden cases of
// tests/economics (same expectations as the core and the CLI), the side-by-side view model, and
// typed errors for bad decimal inputs. Nothing is computed here: every figure comes from the core.
package fr.assistmed.sdk.tests

import fr.assistmed.testing.*

import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonNull
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import com.google.gson.JsonPrimitive
import fr.assistmed.core.BandeFmt
import fr.assistmed.core.Demande
import fr.assistmed.core.Economie
import fr.assistmed.core.Formule
import fr.assistmed.core.Hypotheses
import fr.assistmed.core.Langue
import fr.assistmed.core.Situation
import fr.assistmed.core.AssistmedException
import fr.assistmed.sdk.RuleStore
import java.io.File
import java.math.BigDecimal

private fun dec(v: BigDecimal?): JsonElement = decimal(v)

/** The record as the JSON of `assistmed economics --json` (the fields the cases check). */
fun Economie.toJson(): JsonObject = JsonObject().also { o ->
    o.addProperty("option", option.jsonCode())
    o.addProperty("start", start.toString())
    o.add("gross_monthly", dec(grossMonthly))
    o.add("hours_per_week", dec(hoursPerWeek))
    o.add("years", JsonArray().also { a ->
        years.forEach { y ->
            a.add(JsonObject().also { j ->
                j.addProperty("year", y.year.toLong())
                j.addProperty("start", y.start.toString())
                j.addProperty("end", y.end.toString())
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
                j.addProperty("grade", h.grade.jsonCode())
            })
        }
    })
    o.add("caveats", JsonArray().also { a -> caveats.forEach { c -> a.add(JsonObject().also { it.addProperty("code", c.code) }) } })
}

private fun JsonObject.str(k: String): String? = get(k)?.takeUnless { it.isJsonNull }?.asString

/**
 * A case input as typed records; null when it cannot be expressed as records (a salary or an
 * assumption that is not a plain decimal, an unknown code: text only the app's own fields hold).
 */
fun economicsRequestOf(input: JsonObject): Pair<Situation, Demande>? {
    val situation = JsonObject().also { s ->
        input.getAsJsonObject("situation").entrySet().forEach { (k, v) -> s.add(k, v) }
        if (!s.has("signature_date")) input.get("start")?.let { s.add("signature_date", it) }
    }
    val sit = situationOf(situation) ?: return null
    return try {
        val option = byCode(Formule.values(), input.string("option")) { it.jsonCode() } ?: return null
        val a = input.getAsJsonObject("assumptions") ?: JsonObject()
        sit to Demande(
            option = option,
            debut = input.date("start"),
            brutMensuel = input.decimal("gross_monthly"),
            hypotheses = Hypotheses(
                contactsParAn = a.decimal("contacts_per_year"),
                consultation = a.decimal("consultation_fee"),
                bandeFmt = byCode(BandeFmt.values(), a.string("fmt_band")) { it.jsonCode() } ?: BandeFmt.SANS_ALD7A74,
                forfaitMt = a.decimal("fmt"),
                joursTravailles = a.decimal("working_days"),
                tauxAtmp = a.decimal("atmp_rate"),
                mutuelleMensuelle = a.decimal("health_insurance_monthly"),
            ),
        )
    } catch (e: Unrepresentable) {
        null
    }
}

fun runEconomicsTests(h: Harness, store: RuleStore, dir: File) {
    val files = dir.listFiles { f -> f.isFile && f.name.endsWith(".json") }?.sortedBy { it.name }.orEmpty()
    h.check("economics golden cases present in $dir") { ensure(files.size >= 10) { "only ${files.size} cases" } }
    for (f in files) {
        val case = JsonParser.parseString(f.readText()).asJsonObject
        h.check("economics case ${f.name}") {
            ensure(!case.str("source").isNullOrBlank()) { "no source" }
            val expect = case.getAsJsonObject("expect")
            val error = expect.getAsJsonObject("error")
            val typed = economicsRequestOf(case.getAsJsonObject("input"))
            if (typed == null) {
                // E.g. "2 000,00" as the salary: no BigDecimal holds it; the app's text field
                // goes through the core's own reading (core/tests, the CLI case runner).
                ensure(error != null) { "input not expressible as records but no error expected" }
                return@check
            }
            val (situation, request) = typed
            val result = runCatching { store.economics(situation, request, Langue.FR) }
            if (error != null) {
                ensureTypedError(result.exceptionOrNull(), error.str("code")!!, error.str("field"), Langue.FR)
                val en = runCatching { store.economics(situation, request, Langue.EN) }.exceptionOrNull()
                ensureTypedError(en, error.str("code")!!, error.str("field"), Langue.EN)
            } else {
                val eco = result.getOrElse { fail("unexpected error: ${(it as? AssistmedException)?.code()} ${it.message}") }
                val tree = eco.toJson()
                expect.get("output")?.let { out -> subsetMismatch(out, tree)?.let { fail(it) } }
                expect.getAsJsonArray("caveats_include")?.forEach { c ->
                    ensure(eco.caveats.any { it.code == c.asString }) { "caveat ${c.asString} missing" }
                }
                // The JSON contract's invariant, in BigDecimal: net = aid − employer_cost exactly.
                eco.years.forEach { y -> y.aid?.let { ensureEquals(0, it.subtract(y.employerCost).compareTo(y.net ?: fail("no net")), "net of year ${y.year}") } }
            }
        }
    }
    h.check("economics view: 1/2 and 1 ETP side by side, French and English, figures from the records") {
        val (situation, request) = economicsRequestOf(JsonParser.parseString(
            """{"option": "plein", "start": "2026-09-01", "gross_monthly": "2000", "situation": {"specialty": "01", "sector": "secteur_1", "percentile_band": "p50_p70"}}"""
        ).asJsonObject)!!
        val fr = store.economicsView(situation, request, Langue.FR)
        val en = store.economicsView(situation, request, Langue.EN)
        ensureEquals(2, fr.options.size, "options")
        ensureEquals(listOf(Formule.DEMI, Formule.PLEIN), fr.options.map { it.option }, "option order")
        ensureEquals(5, fr.options[1].rows.size, "contract years")
        ensure(fr.columns.contains("Coût employeur") && en.columns.contains("Employer cost")) { "columns ${fr.columns} ${en.columns}" }
        val plein = store.economics(situation, request, Langue.FR)
        // The view's year-1 cost is the record's, rendered by the core (« 26 xxx,xx € »).
        val cost = plein.years[0].employerCost.setScale(2).toPlainString()
        val shown = fr.options[1].rows[0].employerCost.filter { it.isDigit() }
        ensureEquals(cost.filter { it.isDigit() }, shown, "year-1 cost shown")
        ensure(fr.options[1].rows[2].aid.endsWith("*")) { "year-3 aid is a maximum" }
        ensure(fr.disclaimer.isNotBlank() && fr.assumptions.isNotEmpty() && fr.caveats.isNotEmpty()) { "texts" }
    }
    h.check("economics: an out-of-range decimal is the typed error naming its field") {
        val (situation, request) = economicsRequestOf(JsonParser.parseString(
            """{"option": "demi", "start": "2026-01-01", "situation": {"specialty": "01", "sector": "secteur_1", "percentile_band": "p50_p70"}}"""
        ).asJsonObject)!!
        for ((field, bad) in listOf("gross_monthly" to request.copy(brutMensuel = BigDecimal("250000")),
                                    "working_days" to request.copy(hypotheses = request.hypotheses.copy(joursTravailles = BigDecimal("-3"))),
                                    "atmp_rate" to request.copy(hypotheses = request.hypotheses.copy(tauxAtmp = BigDecimal("1.5"))))) {
            val e = runCatching { store.economics(situation, bad, Langue.EN) }.exceptionOrNull() as? AssistmedException
                ?: fail("$field: no typed error")
            ensureEquals(field, e.field(), "field")
            ensure(e.message!!.contains(field)) { "the text names the field: ${e.message}" }
        }
    }
}
