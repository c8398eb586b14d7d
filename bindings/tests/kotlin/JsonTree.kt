// Typed records → JSON trees with the names of the JSON contract (snake_case keys, enum codes,
// money as decimal text), written out by hand so that every field name is checked against the
// core's own JSON output.
package fr.assistmed.core.tests

import fr.assistmed.testing.*

import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonNull
import com.google.gson.JsonObject
import com.google.gson.JsonPrimitive
import fr.assistmed.core.AidYear
import fr.assistmed.core.EligibilityStatus
import fr.assistmed.core.ReasonEffect
import fr.assistmed.core.AmountRow
import fr.assistmed.core.PercentileSource
import fr.assistmed.core.ObjectiveStatus
import fr.assistmed.core.ObjectiveKind
import fr.assistmed.core.Indicator
import fr.assistmed.core.SecondAssistantStatus
import fr.assistmed.core.SpecialtyGroup
import fr.assistmed.core.BundleOrigin
import fr.assistmed.core.Assessment
import fr.assistmed.core.Caveat
import fr.assistmed.core.Condition
import fr.assistmed.core.CurrentContract
import fr.assistmed.core.Eligibility
import fr.assistmed.core.Notice
import fr.assistmed.core.Objective
import fr.assistmed.core.ObjectiveTarget
import fr.assistmed.core.OptionResult
import fr.assistmed.core.Percentile
import fr.assistmed.core.Reason
import fr.assistmed.core.Reference
import fr.assistmed.core.RuleVersion
import fr.assistmed.core.RuleVersionApplied
import fr.assistmed.core.SecondAssistant
import fr.assistmed.core.SecondAssistantOption
import fr.assistmed.core.Situation
import fr.assistmed.core.Specialty
import fr.assistmed.core.Timeline
import java.math.BigDecimal

private fun text(v: String?): JsonElement = if (v == null) JsonNull.INSTANCE else JsonPrimitive(v)
private fun number(v: Long?): JsonElement = if (v == null) JsonNull.INSTANCE else JsonPrimitive(v)
private fun number(v: UInt?): JsonElement = number(v?.toLong())
private fun bool(v: Boolean?): JsonElement = if (v == null) JsonNull.INSTANCE else JsonPrimitive(v)

/** Money and ratios: the canonical text, exactly as it crossed the FFI. */
private fun decimal(v: BigDecimal?): JsonElement = text(v?.toPlainString())

private fun texts(v: List<String>): JsonArray = JsonArray().also { a -> v.forEach { a.add(it) } }
private fun <T> list(v: List<T>, f: (T) -> JsonElement): JsonArray = JsonArray().also { a -> v.forEach { a.add(f(it)) } }
private fun <T : Any> opt(v: T?, f: (T) -> JsonElement): JsonElement = if (v == null) JsonNull.INSTANCE else f(v)

private fun obj(vararg fields: Pair<String, JsonElement>): JsonObject =
    JsonObject().also { o -> fields.forEach { (k, v) -> o.add(k, v) } }

// Output-only enums have no exported code() (each exported method costs library size): their
// JSON codes are written here by hand, and the exact typed = JSON comparison checks them.
fun EligibilityStatus.jsonCode(): String = when (this) {
    EligibilityStatus.ELIGIBLE -> "eligible"
    EligibilityStatus.NOT_ELIGIBLE -> "not_eligible"
    EligibilityStatus.REFER_TO_CPAM -> "refer_to_cpam"
}

fun ReasonEffect.jsonCode(): String = when (this) {
    ReasonEffect.SATISFIED -> "satisfied"
    ReasonEffect.BLOCKING -> "blocking"
    ReasonEffect.REFER_TO_CPAM -> "refer_to_cpam"
    ReasonEffect.CONDITION -> "condition"
}

fun AmountRow.jsonCode(): String = when (this) {
    AmountRow.STANDARD -> "standard"
    AmountRow.P90P94 -> "p90_p94"
    AmountRow.P95_PLUS -> "p95_plus"
}

fun PercentileSource.jsonCode(): String = when (this) {
    PercentileSource.DECLARED -> "declared"
    PercentileSource.DERIVED -> "derived"
}

fun ObjectiveStatus.jsonCode(): String = when (this) {
    ObjectiveStatus.COMPUTED -> "computed"
    ObjectiveStatus.TO_CONFIRM -> "to_confirm"
}

fun ObjectiveKind.jsonCode(): String = when (this) {
    ObjectiveKind.HAUSSE -> "hausse"
    ObjectiveKind.MEDIANE -> "mediane"
    ObjectiveKind.MAINTIEN -> "maintien"
    ObjectiveKind.ADAPTE_CPAM -> "adapte_cpam"
}

fun Indicator.jsonCode(): String = when (this) {
    Indicator.PATIENTELE_MT -> "patientele_mt"
    Indicator.FILE_ACTIVE -> "file_active"
}

fun SecondAssistantStatus.jsonCode(): String = when (this) {
    SecondAssistantStatus.ELIGIBLE_IN_PRINCIPLE -> "eligible_in_principle"
    SecondAssistantStatus.NOT_ELIGIBLE -> "not_eligible"
}

fun SpecialtyGroup.jsonCode(): String = when (this) {
    SpecialtyGroup.GENERALISTE -> "generaliste"
    SpecialtyGroup.CHIRURGIE -> "chirurgie"
    SpecialtyGroup.ORL -> "orl"
    SpecialtyGroup.GYNECOLOGIE -> "gynecologie"
    SpecialtyGroup.AUTRE -> "autre"
}

fun BundleOrigin.jsonCode(): String = when (this) {
    BundleOrigin.EMBEDDED -> "embedded"
    BundleOrigin.UPDATE -> "update"
}

fun Situation.toJson(): JsonObject = obj(
    "signature_date" to text(signatureDate),
    "specialty" to text(specialty),
    "sector" to text(sector.code()),
    "mep" to bool(mep),
    "zone" to text(zone?.code()),
    "practice" to text(practice?.code()),
    "coordinated" to bool(coordinated),
    "patientele_mt" to number(patienteleMt),
    "file_active" to number(fileActive),
    "percentile_band" to text(percentileBand?.code()),
    "clinical_fee_share" to text(clinicalFeeShare),
    "newly_installed" to bool(newlyInstalled),
    "age" to number(age),
    "ald_or_rqth" to bool(aldOrRqth),
    "current_contract" to opt(currentContract) { it.toJson() },
)

fun CurrentContract.toJson(): JsonObject = obj(
    "option" to text(option.code()),
    "start" to text(start),
    "objectives_reached" to bool(objectivesReached),
)

fun RuleVersionApplied.toJson(): JsonObject = obj(
    "id" to text(id),
    "title_fr" to text(titleFr),
    "title_en" to text(titleEn),
    "start" to text(start),
    "end_exclusive" to text(endExclusive),
    "references" to texts(references),
    "bundle_version" to number(bundleVersion.toLong()),
    "bundle_published" to text(bundlePublished),
    "bundle_origin" to text(bundleOrigin.jsonCode()),
)

fun Reason.toJson(): JsonObject = obj(
    "code" to text(code),
    "effect" to text(effect.jsonCode()),
    "message_fr" to text(messageFr),
    "message_en" to text(messageEn),
    "references" to texts(references),
    "confidence" to text(confidence.code()),
)

fun Eligibility.toJson(): JsonObject = obj(
    "status" to text(status.jsonCode()),
    "reasons" to list(reasons) { it.toJson() },
)

fun Percentile.toJson(): JsonObject = obj(
    "band" to text(band?.code()),
    "row" to text(row.jsonCode()),
    "source" to text(source.jsonCode()),
    "confidence" to text(confidence.code()),
)

fun AidYear.toJson(): JsonObject = obj(
    "year" to number(year),
    "start" to text(start),
    "end" to text(end),
    "rules_id" to text(rulesId),
    "amount" to decimal(amount),
    "maximum" to bool(maximum),
    "confidence" to text(confidence.code()),
)

fun ObjectiveTarget.toJson(): JsonObject = obj(
    "indicator" to text(indicator.jsonCode()),
    "baseline" to number(baseline),
    "target" to number(target),
)

fun Objective.toJson(): JsonObject = obj(
    "status" to text(status.jsonCode()),
    "kind" to text(kind.jsonCode()),
    "increase" to decimal(increase),
    "indicators" to list(indicators) { it.toJson() },
    "deadline" to text(deadline),
    "confidence" to text(confidence.code()),
    "message_fr" to text(messageFr),
    "message_en" to text(messageEn),
    "references" to texts(references),
)

fun OptionResult.toJson(): JsonObject = obj(
    "option" to text(option.code()),
    "label_fr" to text(labelFr),
    "label_en" to text(labelEn),
    "available" to bool(available),
    "unavailable_reasons" to list(unavailableReasons) { it.toJson() },
    "aid" to list(aid) { it.toJson() },
    "total" to decimal(total),
    "objective" to opt(objective) { it.toJson() },
    "standard_table_for_information" to opt(standardTableForInformation) { t -> list(t) { it.toJson() } },
)

fun Condition.toJson(): JsonObject = obj(
    "code" to text(code),
    "satisfied" to bool(satisfied),
    "message_fr" to text(messageFr),
    "message_en" to text(messageEn),
    "references" to texts(references),
    "confidence" to text(confidence.code()),
)

fun SecondAssistantOption.toJson(): JsonObject = obj(
    "fte" to text(fte),
    "amount" to decimal(amount),
    "confidence" to text(confidence.code()),
)

fun SecondAssistant.toJson(): JsonObject = obj(
    "status" to text(status.jsonCode()),
    "conditions" to list(conditions) { it.toJson() },
    "options" to list(options) { it.toJson() },
    "message_fr" to text(messageFr),
    "message_en" to text(messageEn),
)

fun Caveat.toJson(): JsonObject = obj(
    "code" to text(code),
    "parameter" to text(parameter),
    "confidence" to text(confidence.code()),
    "message_fr" to text(messageFr),
    "message_en" to text(messageEn),
    "references" to texts(references),
)

fun Notice.toJson(): JsonObject = obj(
    "id" to text(id),
    "versions" to texts(versions),
    "grade" to text(grade.code()),
    "references" to texts(references),
    "text_fr" to text(textFr),
    "text_en" to text(textEn),
)

fun Reference.toJson(): JsonObject = obj(
    "id" to text(id),
    "title" to text(title),
    "article" to text(article),
    "url" to text(url),
    "date" to text(date),
    "kind" to text(kind),
)

fun Assessment.toJson(): JsonObject = obj(
    "rules" to rules.toJson(),
    "situation" to situation.toJson(),
    "eligibility" to eligibility.toJson(),
    "percentile" to opt(percentile) { it.toJson() },
    "options" to list(options) { it.toJson() },
    "second_assistant" to opt(secondAssistant) { it.toJson() },
    "caveats" to list(caveats) { it.toJson() },
    "notices" to list(notices) { it.toJson() },
    "references" to list(references) { it.toJson() },
    "disclaimer_fr" to text(disclaimerFr),
    "disclaimer_en" to text(disclaimerEn),
)

fun Timeline.toJson(): JsonObject = obj(
    "rules" to rules.toJson(),
    "option" to text(option.code()),
    "start" to text(start),
    "signature_rules_id" to text(signatureRulesId),
    "row" to text(row.jsonCode()),
    "years" to list(years) { it.toJson() },
    "total" to decimal(total),
    "caveats" to list(caveats) { it.toJson() },
    "references" to list(references) { it.toJson() },
)

fun Specialty.toJson(): JsonObject = obj(
    "code" to text(code),
    "name" to text(name),
    "name_en" to text(nameEn),
    "group" to text(group.jsonCode()),
    "references" to texts(references),
)

fun RuleVersion.toJson(): JsonObject = obj(
    "id" to text(id),
    "title_fr" to text(titleFr),
    "title_en" to text(titleEn),
    "start" to text(start),
    "end_exclusive" to text(endExclusive),
    "references" to texts(references),
    "grade" to text(grade.code()),
    "revalues_running_contracts" to bool(revaluesRunningContracts),
    "note" to text(note),
)
