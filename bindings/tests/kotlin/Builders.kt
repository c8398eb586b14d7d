// Builds typed records from a case's JSON input, the way an app fills them from its screens:
// enums by code, counts as Int, dates as LocalDate, the clinical-fee share as BigDecimal. Inputs
// the typed API cannot even express (unknown enum code, missing required field, unknown key, a
// date that is not a calendar date, a count beyond Int, a share that is not a decimal) give null:
// they go through the JSON entry points (situationFromJson, assessJson) instead.
package fr.assistmed.sdk.tests

import fr.assistmed.testing.*

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import fr.assistmed.core.ContratEnCours
import fr.assistmed.core.Exercice
import fr.assistmed.core.Formule
import fr.assistmed.core.Secteur
import fr.assistmed.core.Situation
import fr.assistmed.core.Tranche
import fr.assistmed.core.Zone
import java.math.BigDecimal
import java.time.LocalDate
import java.time.format.DateTimeParseException

class Unrepresentable : Exception()

private val SITUATION_KEYS = setOf(
    "signature_date", "specialty", "sector", "mep", "zone", "practice", "coordinated",
    "patientele_mt", "file_active", "percentile_band", "clinical_fee_share", "newly_installed",
    "age", "ald_or_rqth", "current_contract",
)
private val CONTRACT_KEYS = setOf("option", "start", "objectives_reached")

private fun JsonObject.field(key: String): JsonElement? = get(key)?.takeUnless { it.isJsonNull }

fun JsonObject.string(key: String): String? = field(key)?.let {
    if (it.isJsonPrimitive && it.asJsonPrimitive.isString) it.asString else throw Unrepresentable()
}

fun JsonObject.boolean(key: String): Boolean? = field(key)?.let {
    if (it.isJsonPrimitive && it.asJsonPrimitive.isBoolean) it.asBoolean else throw Unrepresentable()
}

/** A count: a JSON integer that fits an Int (the core's i32; the core refuses negative ones). */
fun JsonObject.count(key: String): Int? = field(key)?.let {
    if (!(it.isJsonPrimitive && it.asJsonPrimitive.isNumber)) throw Unrepresentable()
    val n = try {
        it.asBigDecimal.longValueExact()
    } catch (e: ArithmeticException) {
        throw Unrepresentable()
    }
    if (n < Int.MIN_VALUE || n > Int.MAX_VALUE) throw Unrepresentable()
    n.toInt()
}

/** A calendar date (strict ISO `YYYY-MM-DD`, as LocalDate.parse reads it). */
fun JsonObject.date(key: String): LocalDate? = string(key)?.let { isoDate(it) ?: throw Unrepresentable() }

fun isoDate(text: String): LocalDate? = try {
    if (Regex("""\d{4}-\d{2}-\d{2}""").matches(text)) LocalDate.parse(text) else null
} catch (e: DateTimeParseException) {
    null
}

/** A decimal in plain notation ("0.85"): what an app's BigDecimal field holds. */
fun JsonObject.decimal(key: String): BigDecimal? = string(key)?.let {
    if (!Regex("""-?\d+(\.\d+)?""").matches(it)) throw Unrepresentable()
    BigDecimal(it)
}

fun situationOf(input: JsonObject): Situation? = try {
    if (!SITUATION_KEYS.containsAll(input.keySet())) throw Unrepresentable()
    val contract = input.field("current_contract")?.let { c ->
        if (!c.isJsonObject) throw Unrepresentable()
        val o = c.asJsonObject
        if (!CONTRACT_KEYS.containsAll(o.keySet())) throw Unrepresentable()
        ContratEnCours(
            option = byCode(Formule.values(), o.string("option")) { it.jsonCode() } ?: throw Unrepresentable(),
            start = o.date("start") ?: throw Unrepresentable(),
            objectivesReached = o.boolean("objectives_reached") ?: throw Unrepresentable(),
        )
    }
    Situation(
        signatureDate = input.date("signature_date") ?: throw Unrepresentable(),
        specialty = input.string("specialty") ?: throw Unrepresentable(),
        sector = byCode(Secteur.values(), input.string("sector")) { it.jsonCode() } ?: throw Unrepresentable(),
        mep = input.boolean("mep") ?: false,
        zone = byCode(Zone.values(), input.string("zone")) { it.jsonCode() },
        practice = byCode(Exercice.values(), input.string("practice")) { it.jsonCode() },
        coordinated = input.boolean("coordinated"),
        patienteleMt = input.count("patientele_mt"),
        fileActive = input.count("file_active"),
        percentileBand = byCode(Tranche.values(), input.string("percentile_band")) { it.jsonCode() },
        clinicalFeeShare = input.decimal("clinical_fee_share"),
        newlyInstalled = input.boolean("newly_installed") ?: false,
        age = input.count("age"),
        aldOrRqth = input.boolean("ald_or_rqth") ?: false,
        currentContract = contract,
    )
} catch (e: Unrepresentable) {
    null
}
