//! Every parameter id the logic reads, written literally so that `grep` finds each one, with the
//! unit the logic expects. The integrity check refuses a rule document missing any of them.
//!
//! Tables indexed by the computation's enums (option × column, option × band) are plain arrays
//! here; the computation picks a cell with a `match`, so this layer needs nothing from it.

use super::Unite;

pub const ZONES_SOUS_DENSES: &str = "zonage.zones_sous_denses";
pub const PLEIN_ZONE_SOUS_DENSE_REQUISE: &str = "formule.plein.zone_sous_dense_requise";
pub const SECTEURS: &str = "eligibilite.secteurs";
pub const SPECIALITES_EXCLUES: &str = "eligibilite.specialites_exclues";
pub const SPECIALITES_INCERTAINES: &str = "eligibilite.specialites_incertaines";
pub const GROUPES_PART_CLINIQUE: &str = "eligibilite.groupes_part_clinique";
pub const PART_CLINIQUE_MIN: &str = "eligibilite.part_clinique_min";
pub const PART_CLINIQUE_SEUIL_INCLUS: &str = "eligibilite.part_clinique_seuil_inclus";
pub const P30_GENERALISTE_PMT: &str = "seuil.p30.generaliste_pmt";
pub const P50_GENERALISTE_PMT: &str = "seuil.p50.generaliste_pmt";
pub const P90_GENERALISTE_PMT: &str = "seuil.p90.generaliste_pmt";
pub const P95_GENERALISTE_PMT: &str = "seuil.p95.generaliste_pmt";
pub const P50_GENERALISTE_FA: &str = "seuil.p50.generaliste_fa";
pub const P30_SPECIALISTE_FA: &str = "seuil.p30.specialiste_fa";
pub const P50_SPECIALISTE_FA: &str = "seuil.p50.specialiste_fa";
pub const INSTALLATION_RECENTE_SANS_SEUIL: &str = "eligibilite.installation_recente_sans_seuil";
pub const RQTH_SANS_SEUIL_ACTIVITE: &str = "eligibilite.rqth_sans_seuil_activite";
pub const EXERCICE_GROUPE_REQUIS: &str = "eligibilite.exercice_groupe_requis";
pub const EXERCICE_SEUL_ZONES_DEROGATION: &str = "eligibilite.exercice_seul.zones_derogation";
pub const AVENANT_8_ZONES_SANS_ENGAGEMENT: &str = "eligibilite.avenant_8.zones_sans_engagement";
pub const AVENANT_8_TRANCHES_SANS_ENGAGEMENT: &str =
    "eligibilite.avenant_8.tranches_sans_engagement";
pub const EXERCICE_COORDONNE_REQUIS: &str = "eligibilite.exercice_coordonne_requis";
pub const DELAI_ENGAGEMENT_ANNEES: &str = "eligibilite.delai_engagement_annees";
pub const DELAI_ENGAGEMENT_COORDONNE_ANNEES: &str = "eligibilite.delai_engagement_coordonne_annees";
pub const ALD_RQTH_CONTRAT_ADAPTE: &str = "eligibilite.ald_rqth_contrat_adapte";
pub const OBJECTIF_ECHEANCE_ANNEES: &str = "objectif.echeance_annees";
pub const OBJECTIF_ARRONDI: &str = "objectif.arrondi";
pub const OBJECTIF_EVALUATION_ANNEE_DEBUT: &str = "objectif.evaluation.annee_debut";
pub const OBJECTIF_UNE_CIBLE_SUFFIT: &str = "objectif.une_cible_suffit";
pub const INDICATEURS_GENERALISTE: &str = "objectif.indicateurs.generaliste";
pub const INDICATEURS_SPECIALISTE: &str = "objectif.indicateurs.specialiste";
pub const INDICATEURS_PEDIATRIE: &str = "objectif.indicateurs.pediatrie";
pub const INDICATEURS_PEDIATRIE_SPECIALITES: &str = "objectif.indicateurs.pediatrie.specialites";
pub const INSTALLATION_ECHEANCE_ANNEES: &str = "objectif.installation.echeance_annees";
pub const INSTALLATION_ECHEANCE_SUIVANTE_ANNEES: &str =
    "objectif.installation.echeance_suivante_annees";
pub const AGE_MAINTIEN_AGE_MIN: &str = "objectif.age_maintien.age_min";
pub const AGE_MAINTIEN_TOLERANCE: &str = "objectif.age_maintien.tolerance";
pub const CONTRAT_DUREE_ANNEES: &str = "contrat.duree_annees";
pub const MODULATION_ANNEE_DEBUT: &str = "aide.modulation.annee_debut";
pub const TRANSITION_OBJECTIFS_INCHANGES: &str = "transition.objectifs_inchanges";
pub const SECOND_ASSISTANT_OUVERT: &str = "second_assistant.ouvert";
pub const SECOND_ASSISTANT_FORMULE_REQUISE: &str = "second_assistant.formule_requise";
pub const SECOND_ASSISTANT_ANNEE_CONTRAT_MIN: &str = "second_assistant.annee_contrat_min";
pub const SECOND_ASSISTANT_ZONES: &str = "second_assistant.zones";
pub const SECOND_ASSISTANT_GENERALISTE_REQUIS: &str = "second_assistant.generaliste_requis";
pub const SECOND_ASSISTANT_MEP_EXCLU: &str = "second_assistant.mep_exclu";
pub const SECOND_ASSISTANT_OBJECTIFS_ATTEINTS_REQUIS: &str =
    "second_assistant.objectifs_atteints_requis";
pub const MONTANT_SECOND_ASSISTANT_UN_ET_DEMI: &str = "montant.second_assistant.un_et_demi";
pub const MONTANT_SECOND_ASSISTANT_DEUX: &str = "montant.second_assistant.deux";

/// Whether each option is open to new contracts: tiers, demi, plein.
pub const OUVERTURE: [&str; 3] = [
    "formule.tiers.ouverte",
    "formule.demi.ouverte",
    "formule.plein.ouverte",
];

/// The amounts table, cell by cell: rows tiers, demi, plein; columns year 1, year 2, year 3+,
/// year 3+ if P90–P94, every year if ≥ P95.
pub const MONTANTS: [[&str; 5]; 3] = [
    [
        "montant.tiers.annee_1",
        "montant.tiers.annee_2",
        "montant.tiers.annee_3_plus",
        "montant.tiers.annee_3_plus_p90_p94",
        "montant.tiers.p95_plus",
    ],
    [
        "montant.demi.annee_1",
        "montant.demi.annee_2",
        "montant.demi.annee_3_plus",
        "montant.demi.annee_3_plus_p90_p94",
        "montant.demi.p95_plus",
    ],
    [
        "montant.plein.annee_1",
        "montant.plein.annee_2",
        "montant.plein.annee_3_plus",
        "montant.plein.annee_3_plus_p90_p94",
        "montant.plein.p95_plus",
    ],
];

/// The 2019-style objective grid (required increase): rows tiers, demi, plein; columns the
/// starting bands P30–P50, P50–P70, P70–P90, P90–P95, ≥ P95.
pub const HAUSSES: [[&str; 5]; 3] = [
    [
        "objectif.hausse.tiers.p30_p50",
        "objectif.hausse.tiers.p50_p70",
        "objectif.hausse.tiers.p70_p90",
        "objectif.hausse.tiers.p90_p95",
        "objectif.hausse.tiers.p95_plus",
    ],
    [
        "objectif.hausse.demi.p30_p50",
        "objectif.hausse.demi.p50_p70",
        "objectif.hausse.demi.p70_p90",
        "objectif.hausse.demi.p90_p95",
        "objectif.hausse.demi.p95_plus",
    ],
    [
        "objectif.hausse.plein.p30_p50",
        "objectif.hausse.plein.p50_p70",
        "objectif.hausse.plein.p70_p90",
        "objectif.hausse.plein.p90_p95",
        "objectif.hausse.plein.p95_plus",
    ],
];

/// The single-valued parameters the logic reads, with their units.
const SIMPLES: &[(&str, Unite)] = &[
    (ZONES_SOUS_DENSES, Unite::Codes),
    (PLEIN_ZONE_SOUS_DENSE_REQUISE, Unite::Bool),
    (SECTEURS, Unite::Codes),
    (SPECIALITES_EXCLUES, Unite::Codes),
    (SPECIALITES_INCERTAINES, Unite::Codes),
    (GROUPES_PART_CLINIQUE, Unite::Codes),
    (PART_CLINIQUE_MIN, Unite::Ratio),
    (PART_CLINIQUE_SEUIL_INCLUS, Unite::Bool),
    (P30_GENERALISTE_PMT, Unite::Patients),
    (P50_GENERALISTE_PMT, Unite::Patients),
    (P90_GENERALISTE_PMT, Unite::Patients),
    (P95_GENERALISTE_PMT, Unite::Patients),
    (P50_GENERALISTE_FA, Unite::Patients),
    (P30_SPECIALISTE_FA, Unite::Patients),
    (P50_SPECIALISTE_FA, Unite::Patients),
    (INSTALLATION_RECENTE_SANS_SEUIL, Unite::Bool),
    (RQTH_SANS_SEUIL_ACTIVITE, Unite::Bool),
    (EXERCICE_GROUPE_REQUIS, Unite::Bool),
    (EXERCICE_SEUL_ZONES_DEROGATION, Unite::Codes),
    (AVENANT_8_ZONES_SANS_ENGAGEMENT, Unite::Codes),
    (AVENANT_8_TRANCHES_SANS_ENGAGEMENT, Unite::Codes),
    (EXERCICE_COORDONNE_REQUIS, Unite::Bool),
    (DELAI_ENGAGEMENT_ANNEES, Unite::Years),
    (DELAI_ENGAGEMENT_COORDONNE_ANNEES, Unite::Years),
    (ALD_RQTH_CONTRAT_ADAPTE, Unite::Bool),
    (OBJECTIF_ECHEANCE_ANNEES, Unite::Years),
    (OBJECTIF_ARRONDI, Unite::Rounding),
    (OBJECTIF_EVALUATION_ANNEE_DEBUT, Unite::Years),
    (OBJECTIF_UNE_CIBLE_SUFFIT, Unite::Bool),
    (INDICATEURS_GENERALISTE, Unite::Codes),
    (INDICATEURS_SPECIALISTE, Unite::Codes),
    (INDICATEURS_PEDIATRIE, Unite::Codes),
    (INDICATEURS_PEDIATRIE_SPECIALITES, Unite::Codes),
    (INSTALLATION_ECHEANCE_ANNEES, Unite::Years),
    (INSTALLATION_ECHEANCE_SUIVANTE_ANNEES, Unite::Years),
    (AGE_MAINTIEN_AGE_MIN, Unite::Years),
    (AGE_MAINTIEN_TOLERANCE, Unite::Ratio),
    (CONTRAT_DUREE_ANNEES, Unite::Years),
    (MODULATION_ANNEE_DEBUT, Unite::Years),
    (TRANSITION_OBJECTIFS_INCHANGES, Unite::Bool),
    (SECOND_ASSISTANT_OUVERT, Unite::Bool),
    (SECOND_ASSISTANT_FORMULE_REQUISE, Unite::Codes),
    (SECOND_ASSISTANT_ANNEE_CONTRAT_MIN, Unite::Years),
    (SECOND_ASSISTANT_ZONES, Unite::Codes),
    (SECOND_ASSISTANT_GENERALISTE_REQUIS, Unite::Bool),
    (SECOND_ASSISTANT_MEP_EXCLU, Unite::Bool),
    (SECOND_ASSISTANT_OBJECTIFS_ATTEINTS_REQUIS, Unite::Bool),
    (MONTANT_SECOND_ASSISTANT_UN_ET_DEMI, Unite::Eur),
    (MONTANT_SECOND_ASSISTANT_DEUX, Unite::Eur),
];

/// The parameters this module reads, with their units (checked on every rule load).
pub const ECONOMIE: &[(&str, Unite)] = &[
    ("economie.duree_legale_hebdo", Unite::Hours),
    ("economie.semaines_par_an", Unite::Number),
    ("economie.duree_hebdo.demi", Unite::Hours),
    ("economie.duree_hebdo.plein", Unite::Hours),
    ("economie.smic_horaire", Unite::Eur),
    ("economie.grille.niveau_5", Unite::Eur),
    ("economie.pss", Unite::Eur),
    ("economie.taux.maladie", Unite::Ratio),
    ("economie.taux.maladie_reduit", Unite::Ratio),
    ("economie.maladie_reduit.plafond_smic", Unite::Number),
    ("economie.taux.allocations_familiales", Unite::Ratio),
    ("economie.taux.allocations_familiales_reduit", Unite::Ratio),
    (
        "economie.allocations_familiales_reduit.plafond_smic",
        Unite::Number,
    ),
    ("economie.taux.vieillesse_deplafonnee", Unite::Ratio),
    ("economie.taux.vieillesse_plafonnee", Unite::Ratio),
    ("economie.taux.atmp", Unite::Ratio),
    ("economie.taux.atmp_minimum", Unite::Ratio),
    ("economie.taux.csa", Unite::Ratio),
    ("economie.taux.fnal", Unite::Ratio),
    ("economie.taux.chomage", Unite::Ratio),
    ("economie.taux.ags", Unite::Ratio),
    ("economie.plafond_chomage_pss", Unite::Number),
    ("economie.taux.retraite_complementaire_t1", Unite::Ratio),
    ("economie.taux.retraite_complementaire_t2", Unite::Ratio),
    ("economie.taux.ceg_t1", Unite::Ratio),
    ("economie.taux.ceg_t2", Unite::Ratio),
    ("economie.taux.cet", Unite::Ratio),
    (
        "economie.plafond_retraite_complementaire_pss",
        Unite::Number,
    ),
    ("economie.taux.formation_professionnelle", Unite::Ratio),
    ("economie.taux.taxe_apprentissage", Unite::Ratio),
    ("economie.taux.taxe_apprentissage_solde", Unite::Ratio),
    ("economie.taux.dialogue_social", Unite::Ratio),
    ("economie.mutuelle.montant", Unite::Eur),
    ("economie.mutuelle.part_employeur", Unite::Ratio),
    ("economie.reduction_generale.seuil_smic", Unite::Number),
    ("economie.reduction_generale.diviseur", Unite::Number),
    ("economie.rgdu.tmin", Unite::Ratio),
    ("economie.rgdu.tdelta", Unite::Ratio),
    ("economie.rgdu.puissance", Unite::Number),
    ("economie.rgdu.seuil_smic", Unite::Number),
    ("economie.rgdu.facteur", Unite::Number),
    ("economie.patient.contacts_par_an", Unite::Number),
    ("economie.patient.consultation_g", Unite::Eur),
    ("economie.patient.fmt.sans_ald_7_74", Unite::Eur),
    ("economie.patient.fmt.moins_7_ou_75_79", Unite::Eur),
    ("economie.patient.fmt.80_plus_ou_ald", Unite::Eur),
    ("economie.patient.fmt.ald_80_plus", Unite::Eur),
    ("economie.patient.fmt.majoration_zip", Unite::Number),
    ("economie.jours_travailles_par_an", Unite::Number),
    ("economie.bilan.gain_pmt", Unite::Patients),
    ("economie.bilan.actes_par_jour", Unite::Number),
];

/// Every parameter the logic reads, with its unit: what the integrity check requires.
pub fn requis() -> impl Iterator<Item = (&'static str, Unite)> {
    SIMPLES
        .iter()
        .copied()
        .chain(OUVERTURE.iter().map(|&id| (id, Unite::Bool)))
        .chain(MONTANTS.iter().flatten().map(|&id| (id, Unite::Eur)))
        .chain(HAUSSES.iter().flatten().map(|&id| (id, Unite::Ratio)))
        .chain(ECONOMIE.iter().copied())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    #[test]
    fn chaque_identifiant_est_unique() {
        let tous: Vec<&str> = super::requis().map(|(id, _)| id).collect();
        let uniques: BTreeSet<&str> = tous.iter().copied().collect();
        assert_eq!(tous.len(), uniques.len());
        assert_eq!(tous.len(), 49 + 3 + 15 + 15 + 51);
    }
}
