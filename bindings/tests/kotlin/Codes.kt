// The JSON codes of the core's enums, written here by hand from the JSON contract (tests/README.md,
// the golden cases): the generated Kotlin enums carry no code (each exported method costs library
// size). The exact typed = core JSON comparison of the golden cases checks every one of them.
package fr.assistmed.sdk.tests

import fr.assistmed.testing.*

import fr.assistmed.core.BandeFmt
import fr.assistmed.core.CodeErreur
import fr.assistmed.core.Effet
import fr.assistmed.core.Exercice
import fr.assistmed.core.Formule
import fr.assistmed.core.Grade
import fr.assistmed.core.GroupeSpecialite
import fr.assistmed.core.Indicateur
import fr.assistmed.core.IssueAide
import fr.assistmed.core.Ligne
import fr.assistmed.core.NatureObjectif
import fr.assistmed.core.Origine
import fr.assistmed.core.OrigineRegles
import fr.assistmed.core.Periode
import fr.assistmed.core.RegleAtteinte
import fr.assistmed.core.Secteur
import fr.assistmed.core.SourceCible
import fr.assistmed.core.Statut
import fr.assistmed.core.StatutObjectif
import fr.assistmed.core.StatutSecondAssistant
import fr.assistmed.core.Tranche
import fr.assistmed.core.Zone

fun Secteur.jsonCode(): String = when (this) {
    Secteur.SECTEUR1 -> "secteur_1"
    Secteur.SECTEUR2_OPTAM -> "secteur_2_optam"
    Secteur.SECTEUR2_OPTAM_CO -> "secteur_2_optam_co"
    Secteur.SECTEUR2 -> "secteur_2"
    Secteur.NON_CONVENTIONNE -> "non_conventionne"
}

fun Zone.jsonCode(): String = when (this) {
    Zone.ZIP -> "zip"
    Zone.ZAC -> "zac"
    Zone.HORS_ZONE -> "hors_zone"
}

fun Exercice.jsonCode(): String = when (this) {
    Exercice.SOLO -> "solo"
    Exercice.GROUPE -> "groupe"
}

fun Tranche.jsonCode(): String = when (this) {
    Tranche.SOUS_P30 -> "below_p30"
    Tranche.P30P50 -> "p30_p50"
    Tranche.P50P70 -> "p50_p70"
    Tranche.P70P90 -> "p70_p90"
    Tranche.P90P95 -> "p90_p95"
    Tranche.P95_PLUS -> "p95_plus"
}

fun Formule.jsonCode(): String = when (this) {
    Formule.TIERS -> "tiers"
    Formule.DEMI -> "demi"
    Formule.PLEIN -> "plein"
}

fun Grade.jsonCode(): String = when (this) {
    Grade.A -> "A"
    Grade.B -> "B"
    Grade.C -> "C"
    Grade.GAP -> "GAP"
}

fun Statut.jsonCode(): String = when (this) {
    Statut.ELIGIBLE -> "eligible"
    Statut.NOT_ELIGIBLE -> "not_eligible"
    Statut.REFER_TO_CPAM -> "refer_to_cpam"
}

fun Effet.jsonCode(): String = when (this) {
    Effet.SATISFIED -> "satisfied"
    Effet.BLOCKING -> "blocking"
    Effet.REFER_TO_CPAM -> "refer_to_cpam"
    Effet.CONDITION -> "condition"
}

fun Ligne.jsonCode(): String = when (this) {
    Ligne.STANDARD -> "standard"
    Ligne.P90P94 -> "p90_p94"
    Ligne.P95_PLUS -> "p95_plus"
}

fun Origine.jsonCode(): String = when (this) {
    Origine.DECLARED -> "declared"
    Origine.DERIVED -> "derived"
}

fun StatutObjectif.jsonCode(): String = when (this) {
    StatutObjectif.COMPUTED -> "computed"
    StatutObjectif.TO_CONFIRM -> "to_confirm"
}

fun NatureObjectif.jsonCode(): String = when (this) {
    NatureObjectif.HAUSSE -> "hausse"
    NatureObjectif.MEDIANE -> "mediane"
    NatureObjectif.MAINTIEN -> "maintien"
    NatureObjectif.ADAPTE_CPAM -> "adapte_cpam"
}

/** In an assessment's objectives (`indicators[].indicator`). */
fun Indicateur.jsonCode(): String = when (this) {
    Indicateur.PMT -> "patientele_mt"
    Indicateur.FA -> "file_active"
}

/** The short codes of the tracking JSON contract ("pmt", "fa"). */
fun Indicateur.trackingCode(): String = when (this) {
    Indicateur.PMT -> "pmt"
    Indicateur.FA -> "fa"
}

fun StatutSecondAssistant.jsonCode(): String = when (this) {
    StatutSecondAssistant.ELIGIBLE_IN_PRINCIPLE -> "eligible_in_principle"
    StatutSecondAssistant.NOT_ELIGIBLE -> "not_eligible"
}

fun GroupeSpecialite.jsonCode(): String = when (this) {
    GroupeSpecialite.GENERALISTE -> "generaliste"
    GroupeSpecialite.CHIRURGIE -> "chirurgie"
    GroupeSpecialite.ORL -> "orl"
    GroupeSpecialite.GYNECOLOGIE -> "gynecologie"
    GroupeSpecialite.AUTRE -> "autre"
}

fun OrigineRegles.jsonCode(): String = when (this) {
    OrigineRegles.EMBEDDED -> "embedded"
    OrigineRegles.UPDATE -> "update"
}

fun RegleAtteinte.jsonCode(): String = when (this) {
    RegleAtteinte.BOTH -> "both"
    RegleAtteinte.ONE_OF_TWO -> "one_of_two"
}

fun SourceCible.jsonCode(): String = when (this) {
    SourceCible.CONTRACT -> "contract"
    SourceCible.GRID -> "grid"
}

fun Periode.jsonCode(): String = when (this) {
    Periode.PAST -> "past"
    Periode.CURRENT -> "current"
    Periode.FUTURE -> "future"
}

fun IssueAide.jsonCode(): String = when (this) {
    IssueAide.MAXIMUM -> "maximum"
    IssueAide.MODULATED -> "modulated"
}

fun BandeFmt.jsonCode(): String = when (this) {
    BandeFmt.SANS_ALD7A74 -> "7_74_sans_ald"
    BandeFmt.MOINS7_OU75A79 -> "moins_7_ou_75_79"
    BandeFmt.PLUS80_OU_ALD -> "80_plus_ou_ald"
    BandeFmt.ALD80_PLUS -> "ald_80_plus"
}

/** The stable error codes, as the CLI prints them (and `AssistmedException.code()` returns). */
fun CodeErreur.jsonCode(): String = when (this) {
    CodeErreur.CHAMP_REQUIS -> "champ_requis"
    CodeErreur.HORS_BORNES -> "hors_bornes"
    CodeErreur.VALEUR_INCONNUE -> "valeur_inconnue"
    CodeErreur.DATE_INVALIDE -> "date_invalide"
    CodeErreur.HORS_PERIODE -> "hors_periode"
    CodeErreur.INCOHERENCE -> "incoherence"
    CodeErreur.FORMULE_INDISPONIBLE -> "formule_indisponible"
    CodeErreur.JSON_INVALIDE -> "json_invalide"
    CodeErreur.REGLES_INVALIDES -> "regles_invalides"
    CodeErreur.SIGNATURE_INVALIDE -> "signature_invalide"
    CodeErreur.SIGNATURE_REFUSEE -> "signature_refusee"
    CodeErreur.BUNDLE_ILLISIBLE -> "bundle_illisible"
    CodeErreur.SCHEMA_NON_SUPPORTE -> "schema_non_supporte"
    CodeErreur.BUNDLE_NON_PLUS_RECENT -> "bundle_non_plus_recent"
    CodeErreur.CLE_INVALIDE -> "cle_invalide"
    CodeErreur.TROP_VOLUMINEUX -> "trop_volumineux"
    CodeErreur.BUNDLE_SOUS_PLANCHER -> "bundle_sous_plancher"
}

/** The value of `values` whose code is `code`; null for null, [Unrepresentable] for an unknown code. */
fun <T> byCode(values: Array<T>, code: String?, codeOf: (T) -> String): T? =
    code?.let { c -> values.firstOrNull { codeOf(it) == c } ?: throw Unrepresentable() }

fun formuleOf(code: String?): Formule? = Formule.values().firstOrNull { it.jsonCode() == code }
