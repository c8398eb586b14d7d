// Typed records → JSON trees with the names of the JSON contract (snake_case keys, enum codes,
// money as decimal text, dates as ISO text), written out by hand so that every field name is
// checked against the core's own JSON output.
package fr.assistmed.sdk.tests

import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonNull
import com.google.gson.JsonObject
import com.google.gson.JsonPrimitive
import fr.assistmed.core.AnneeContrat
import fr.assistmed.core.Avertissement
import fr.assistmed.core.Chronologie
import fr.assistmed.core.Cible
import fr.assistmed.core.Condition
import fr.assistmed.core.ContratEnCours
import fr.assistmed.core.Eligibilite
import fr.assistmed.core.Evaluation
import fr.assistmed.core.Notice
import fr.assistmed.core.Objectif
import fr.assistmed.core.OptionResultat
import fr.assistmed.core.OptionSecondAssistant
import fr.assistmed.core.Positionnement
import fr.assistmed.core.Raison
import fr.assistmed.core.ReferenceCitee
import fr.assistmed.core.SecondAssistant
import fr.assistmed.core.Situation
import fr.assistmed.core.Specialite
import fr.assistmed.core.Version
import fr.assistmed.core.VersionAppliquee
import java.math.BigDecimal
import java.time.LocalDate

fun text(v: String?): JsonElement = if (v == null) JsonNull.INSTANCE else JsonPrimitive(v)
fun number(v: Long?): JsonElement = if (v == null) JsonNull.INSTANCE else JsonPrimitive(v)
fun number(v: Int?): JsonElement = number(v?.toLong())
fun number(v: ULong?): JsonElement = number(v?.toLong())
fun bool(v: Boolean?): JsonElement = if (v == null) JsonNull.INSTANCE else JsonPrimitive(v)

/** A calendar date: ISO text, as the core writes it. */
fun date(v: LocalDate?): JsonElement = text(v?.toString())

/**
 * Money and ratios: the BigDecimal itself, compared by value with the core's decimal text
 * (JsonMatch): the FFI carries `Decimal::to_string()`, whose scale is the value's own ("19000"),
 * while the JSON output writes money with two decimals ("19000.00").
 */
fun decimal(v: BigDecimal?): JsonElement = if (v == null) JsonNull.INSTANCE else JsonPrimitive(v)

fun texts(v: List<String>): JsonArray = JsonArray().also { a -> v.forEach { a.add(it) } }
fun <T> list(v: List<T>, f: (T) -> JsonElement): JsonArray = JsonArray().also { a -> v.forEach { a.add(f(it)) } }
fun <T : Any> opt(v: T?, f: (T) -> JsonElement): JsonElement = if (v == null) JsonNull.INSTANCE else f(v)

fun obj(vararg fields: Pair<String, JsonElement>): JsonObject =
    JsonObject().also { o -> fields.forEach { (k, v) -> o.add(k, v) } }

fun Situation.toJson(): JsonObject = obj(
    "signature_date" to date(signatureDate),
    "specialty" to text(specialty),
    "sector" to text(sector.jsonCode()),
    "mep" to bool(mep),
    "zone" to text(zone?.jsonCode()),
    "practice" to text(practice?.jsonCode()),
    "coordinated" to bool(coordinated),
    "patientele_mt" to number(patienteleMt),
    "file_active" to number(fileActive),
    "percentile_band" to text(percentileBand?.jsonCode()),
    "clinical_fee_share" to decimal(clinicalFeeShare),
    "newly_installed" to bool(newlyInstalled),
    "age" to number(age),
    "ald_or_rqth" to bool(aldOrRqth),
    "current_contract" to opt(currentContract) { it.toJson() },
)

fun ContratEnCours.toJson(): JsonObject = obj(
    "option" to text(option.jsonCode()),
    "start" to date(start),
    "objectives_reached" to bool(objectivesReached),
)

fun VersionAppliquee.toJson(): JsonObject = obj(
    "id" to text(id),
    "title" to text(title),
    "start" to date(start),
    "end_exclusive" to date(endExclusive),
    "references" to texts(references),
    "bundle_version" to number(bundleVersion),
    "bundle_published" to date(bundlePublished),
    "bundle_origin" to text(bundleOrigin.jsonCode()),
)

fun Raison.toJson(): JsonObject = obj(
    "code" to text(code),
    "effect" to text(effect.jsonCode()),
    "message" to text(message),
    "references" to texts(references),
    "confidence" to text(confidence.jsonCode()),
)

fun Eligibilite.toJson(): JsonObject = obj(
    "status" to text(status.jsonCode()),
    "reasons" to list(reasons) { it.toJson() },
)

fun Positionnement.toJson(): JsonObject = obj(
    "band" to text(band?.jsonCode()),
    "row" to text(row.jsonCode()),
    "source" to text(source.jsonCode()),
    "confidence" to text(confidence.jsonCode()),
)

fun AnneeContrat.toJson(): JsonObject = obj(
    "year" to number(year),
    "start" to date(start),
    "end" to date(end),
    "rules_id" to text(rulesId),
    "amount" to decimal(amount),
    "maximum" to bool(maximum),
    "confidence" to text(confidence.jsonCode()),
)

fun Cible.toJson(): JsonObject = obj(
    "indicator" to text(indicator.jsonCode()),
    "baseline" to number(baseline),
    "target" to number(target),
)

fun Objectif.toJson(): JsonObject = obj(
    "status" to text(status.jsonCode()),
    "kind" to text(kind.jsonCode()),
    "increase" to decimal(increase),
    "indicators" to list(indicators) { it.toJson() },
    "deadline" to date(deadline),
    "confidence" to text(confidence.jsonCode()),
    "target_confidence" to text(targetConfidence.jsonCode()),
    "message" to text(message),
    "references" to texts(references),
)

fun OptionResultat.toJson(): JsonObject = obj(
    "option" to text(option.jsonCode()),
    "label" to text(label),
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
    "message" to text(message),
    "references" to texts(references),
    "confidence" to text(confidence.jsonCode()),
)

fun OptionSecondAssistant.toJson(): JsonObject = obj(
    "fte" to text(fte),
    "amount" to decimal(amount),
    "confidence" to text(confidence.jsonCode()),
)

fun SecondAssistant.toJson(): JsonObject = obj(
    "status" to text(status.jsonCode()),
    "conditions" to list(conditions) { it.toJson() },
    "options" to list(options) { it.toJson() },
    "message" to text(message),
)

fun Avertissement.toJson(): JsonObject = obj(
    "code" to text(code),
    "parameter" to text(parameter),
    "confidence" to text(confidence.jsonCode()),
    "message" to text(message),
    "references" to texts(references),
)

fun Notice.toJson(): JsonObject = obj(
    "id" to text(id),
    "versions" to texts(versions),
    "grade" to text(grade.jsonCode()),
    "references" to texts(references),
    "text_fr" to text(textFr),
    "text_en" to text(textEn),
)

/** A cited reference: its id beside the reference's own fields (one flat object in JSON). */
fun ReferenceCitee.toJson(): JsonObject = obj(
    "id" to text(id),
    "title" to text(reference.title),
    "article" to text(reference.article),
    "url" to text(reference.url),
    "date" to text(reference.date),
    "kind" to text(reference.kind),
)

fun Evaluation.toJson(): JsonObject = obj(
    "rules" to rules.toJson(),
    "situation" to situation.toJson(),
    "eligibility" to eligibility.toJson(),
    "percentile" to opt(percentile) { it.toJson() },
    "options" to list(options) { it.toJson() },
    "second_assistant" to opt(secondAssistant) { it.toJson() },
    "caveats" to list(caveats) { it.toJson() },
    // Notices and references by id: RuleStore.notices() / references() resolve them.
    "notices" to texts(notices),
    "references" to texts(references),
    "disclaimer" to text(disclaimer),
)

/** A timeline: its schedule's fields beside the rules, caveats and references (one flat object). */
fun Chronologie.toJson(): JsonObject = obj(
    "rules" to rules.toJson(),
    "option" to text(echeancier.option.jsonCode()),
    "start" to date(echeancier.start),
    "signature_rules_id" to text(echeancier.signatureRulesId),
    "row" to text(echeancier.row.jsonCode()),
    "years" to list(echeancier.years) { it.toJson() },
    "total" to decimal(echeancier.total),
    "caveats" to list(caveats) { it.toJson() },
    "references" to texts(references),
)

fun Specialite.toJson(): JsonObject = obj(
    "code" to text(code),
    "name" to text(name),
    "name_en" to text(nameEn),
    "group" to text(group.jsonCode()),
    "references" to texts(references),
)

fun Version.toJson(): JsonObject = obj(
    "id" to text(id),
    "title_fr" to text(titleFr),
    "title_en" to text(titleEn),
    "start" to date(start),
    "end_exclusive" to date(endExclusive),
    "references" to texts(references),
    "grade" to text(grade.jsonCode()),
    "revalues_running_contracts" to bool(revaluesRunningContracts),
    "note" to text(note),
)
