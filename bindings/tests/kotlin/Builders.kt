// Builds typed records from a case's JSON input, the way an app fills them from its screens:
// enums by code, counts as Long, dates and the clinical-fee share as text. Inputs the typed API
// cannot even express (unknown enum code, missing required field, unknown key) give null.
package fr.assistmed.core.tests

import fr.assistmed.testing.*

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import fr.assistmed.core.ContractOption
import fr.assistmed.core.CurrentContract
import fr.assistmed.core.PercentileBand
import fr.assistmed.core.Practice
import fr.assistmed.core.Sector
import fr.assistmed.core.Situation
import fr.assistmed.core.Zone

private class Unrepresentable : Exception()

private val SITUATION_KEYS = setOf(
    "signature_date", "specialty", "sector", "mep", "zone", "practice", "coordinated",
    "patientele_mt", "file_active", "percentile_band", "clinical_fee_share", "newly_installed",
    "age", "ald_or_rqth", "current_contract",
)
private val CONTRACT_KEYS = setOf("option", "start", "objectives_reached")

private fun JsonObject.field(key: String): JsonElement? = get(key)?.takeUnless { it.isJsonNull }

private fun JsonObject.string(key: String): String? = field(key)?.let {
    if (it.isJsonPrimitive && it.asJsonPrimitive.isString) it.asString else throw Unrepresentable()
}

private fun JsonObject.boolean(key: String): Boolean? = field(key)?.let {
    if (it.isJsonPrimitive && it.asJsonPrimitive.isBoolean) it.asBoolean else throw Unrepresentable()
}

private fun JsonObject.long(key: String): Long? = field(key)?.let {
    if (!(it.isJsonPrimitive && it.asJsonPrimitive.isNumber)) throw Unrepresentable()
    try {
        it.asBigDecimal.longValueExact()
    } catch (e: ArithmeticException) {
        throw Unrepresentable()
    }
}

private fun <T> byCode(values: Array<T>, code: String?, codeOf: (T) -> String): T? =
    code?.let { c -> values.firstOrNull { codeOf(it) == c } ?: throw Unrepresentable() }

fun contractOptionOf(code: String): ContractOption? = ContractOption.values().firstOrNull { it.code() == code }

fun situationOf(input: JsonObject): Situation? = try {
    if (!SITUATION_KEYS.containsAll(input.keySet())) throw Unrepresentable()
    val contract = input.field("current_contract")?.let { c ->
        if (!c.isJsonObject) throw Unrepresentable()
        val o = c.asJsonObject
        if (!CONTRACT_KEYS.containsAll(o.keySet())) throw Unrepresentable()
        CurrentContract(
            option = byCode(ContractOption.values(), o.string("option")) { it.code() } ?: throw Unrepresentable(),
            start = o.string("start") ?: throw Unrepresentable(),
            objectivesReached = o.boolean("objectives_reached") ?: throw Unrepresentable(),
        )
    }
    Situation(
        signatureDate = input.string("signature_date") ?: throw Unrepresentable(),
        specialty = input.string("specialty") ?: throw Unrepresentable(),
        sector = byCode(Sector.values(), input.string("sector")) { it.code() } ?: throw Unrepresentable(),
        mep = input.boolean("mep") ?: false,
        zone = byCode(Zone.values(), input.string("zone")) { it.code() },
        practice = byCode(Practice.values(), input.string("practice")) { it.code() },
        coordinated = input.boolean("coordinated"),
        patienteleMt = input.long("patientele_mt"),
        fileActive = input.long("file_active"),
        percentileBand = byCode(PercentileBand.values(), input.string("percentile_band")) { it.code() },
        clinicalFeeShare = input.string("clinical_fee_share"),
        newlyInstalled = input.boolean("newly_installed") ?: false,
        age = input.long("age"),
        aldOrRqth = input.boolean("ald_or_rqth") ?: false,
        currentContract = contract,
    )
} catch (e: Unrepresentable) {
    null
}
