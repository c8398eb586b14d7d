//! Every parameter id the logic reads, written literally so that `grep` finds each one, with the
//! unit the logic expects. The integrity check refuses a rule document missing any of them.
//!
//! Each id is a [`ParamId`]: its literal string, its unit and a stable rank (its place in
//! [`TOUS`]). A rule set keeps, for every rank, where that parameter sits in it, so that the
//! logic reads a parameter by index, never by hashing or comparing its name. A `&ParamId` derefs
//! to the id's string, for code that only needs the name.
//!
//! Tables indexed by the computation's enums (option × column, option × band) are plain arrays
//! here; the computation picks a cell with a `match`, so this layer needs nothing from it.

use std::fmt;
use std::ops::Deref;

use super::Unite;

/// A parameter the logic reads: its id in the rule data, its unit, and its rank in `TOUS`.
#[derive(Debug, PartialEq, Eq)]
pub struct ParamId {
    id: &'static str,
    unite: Unite,
    rang: u16,
}

impl ParamId {
    /// The id, as written in `core/rules/parametres/<id>.json`.
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// The unit the logic expects.
    pub const fn unite(&self) -> Unite {
        self.unite
    }

    /// The place of this id in `TOUS`.
    pub const fn rang(&self) -> usize {
        self.rang as usize
    }

    /// An id outside [`TOUS`], for the tests of readers.
    #[cfg(test)]
    pub(crate) const fn pour_test(id: &'static str, unite: Unite, rang: u16) -> ParamId {
        ParamId { id, unite, rang }
    }
}

impl Deref for ParamId {
    type Target = str;

    fn deref(&self) -> &str {
        self.id
    }
}

impl fmt::Display for ParamId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)
    }
}

/// Declares each id as a `&'static ParamId` constant ranked in declaration order, and `TOUS`.
macro_rules! parametres {
    ($($nom:ident = $id:literal, $unite:ident;)*) => {
        /// Ranks, in declaration order (the enum only numbers them).
        #[allow(non_camel_case_types, clippy::upper_case_acronyms, dead_code)]
        #[repr(u16)]
        enum Rang {
            $($nom,)*
        }

        $(
            #[doc = concat!("`", $id, "` (", stringify!($unite), ")")]
            pub const $nom: &ParamId = &ParamId {
                id: $id,
                unite: Unite::$unite,
                rang: Rang::$nom as u16,
            };
        )*

        /// Every parameter the logic reads, by rank: what the integrity check requires.
        pub const TOUS: &[&ParamId] = &[$($nom,)*];
    };
}

parametres! {
    // Single-valued parameters of the aid.
    ZONES_SOUS_DENSES = "zonage.zones_sous_denses", Codes;
    PLEIN_ZONE_SOUS_DENSE_REQUISE = "formule.plein.zone_sous_dense_requise", Bool;
    SECTEURS = "eligibilite.secteurs", Codes;
    SPECIALITES_EXCLUES = "eligibilite.specialites_exclues", Codes;
    SPECIALITES_INCERTAINES = "eligibilite.specialites_incertaines", Codes;
    GROUPES_PART_CLINIQUE = "eligibilite.groupes_part_clinique", Codes;
    PART_CLINIQUE_MIN = "eligibilite.part_clinique_min", Ratio;
    PART_CLINIQUE_SEUIL_INCLUS = "eligibilite.part_clinique_seuil_inclus", Bool;
    P30_GENERALISTE_PMT = "seuil.p30.generaliste_pmt", Patients;
    P50_GENERALISTE_PMT = "seuil.p50.generaliste_pmt", Patients;
    P90_GENERALISTE_PMT = "seuil.p90.generaliste_pmt", Patients;
    P95_GENERALISTE_PMT = "seuil.p95.generaliste_pmt", Patients;
    P50_GENERALISTE_FA = "seuil.p50.generaliste_fa", Patients;
    P30_SPECIALISTE_FA = "seuil.p30.specialiste_fa", Patients;
    P50_SPECIALISTE_FA = "seuil.p50.specialiste_fa", Patients;
    INSTALLATION_RECENTE_SANS_SEUIL = "eligibilite.installation_recente_sans_seuil", Bool;
    RQTH_SANS_SEUIL_ACTIVITE = "eligibilite.rqth_sans_seuil_activite", Bool;
    EXERCICE_GROUPE_REQUIS = "eligibilite.exercice_groupe_requis", Bool;
    EXERCICE_SEUL_ZONES_DEROGATION = "eligibilite.exercice_seul.zones_derogation", Codes;
    AVENANT_8_ZONES_SANS_ENGAGEMENT = "eligibilite.avenant_8.zones_sans_engagement", Codes;
    AVENANT_8_TRANCHES_SANS_ENGAGEMENT = "eligibilite.avenant_8.tranches_sans_engagement", Codes;
    EXERCICE_COORDONNE_REQUIS = "eligibilite.exercice_coordonne_requis", Bool;
    DELAI_ENGAGEMENT_ANNEES = "eligibilite.delai_engagement_annees", Years;
    DELAI_ENGAGEMENT_COORDONNE_ANNEES = "eligibilite.delai_engagement_coordonne_annees", Years;
    ALD_RQTH_CONTRAT_ADAPTE = "eligibilite.ald_rqth_contrat_adapte", Bool;
    OBJECTIF_ECHEANCE_ANNEES = "objectif.echeance_annees", Years;
    OBJECTIF_ARRONDI = "objectif.arrondi", Rounding;
    OBJECTIF_EVALUATION_ANNEE_DEBUT = "objectif.evaluation.annee_debut", Years;
    OBJECTIF_UNE_CIBLE_SUFFIT = "objectif.une_cible_suffit", Bool;
    INDICATEURS_GENERALISTE = "objectif.indicateurs.generaliste", Codes;
    INDICATEURS_SPECIALISTE = "objectif.indicateurs.specialiste", Codes;
    INDICATEURS_PEDIATRIE = "objectif.indicateurs.pediatrie", Codes;
    INDICATEURS_PEDIATRIE_SPECIALITES = "objectif.indicateurs.pediatrie.specialites", Codes;
    INSTALLATION_ECHEANCE_ANNEES = "objectif.installation.echeance_annees", Years;
    INSTALLATION_ECHEANCE_SUIVANTE_ANNEES = "objectif.installation.echeance_suivante_annees", Years;
    AGE_MAINTIEN_AGE_MIN = "objectif.age_maintien.age_min", Years;
    AGE_MAINTIEN_TOLERANCE = "objectif.age_maintien.tolerance", Ratio;
    CONTRAT_DUREE_ANNEES = "contrat.duree_annees", Years;
    MODULATION_ANNEE_DEBUT = "aide.modulation.annee_debut", Years;
    TRANSITION_OBJECTIFS_INCHANGES = "transition.objectifs_inchanges", Bool;
    TRANSITION_BASCULE_ANNIVERSAIRE = "transition.bascule_anniversaire", Bool;
    SECOND_ASSISTANT_OUVERT = "second_assistant.ouvert", Bool;
    SECOND_ASSISTANT_FORMULE_REQUISE = "second_assistant.formule_requise", Codes;
    SECOND_ASSISTANT_ANNEE_CONTRAT_MIN = "second_assistant.annee_contrat_min", Years;
    SECOND_ASSISTANT_ZONES = "second_assistant.zones", Codes;
    SECOND_ASSISTANT_GENERALISTE_REQUIS = "second_assistant.generaliste_requis", Bool;
    SECOND_ASSISTANT_MEP_EXCLU = "second_assistant.mep_exclu", Bool;
    SECOND_ASSISTANT_OBJECTIFS_ATTEINTS_REQUIS = "second_assistant.objectifs_atteints_requis", Bool;
    MONTANT_SECOND_ASSISTANT_UN_ET_DEMI = "montant.second_assistant.un_et_demi", Eur;
    MONTANT_SECOND_ASSISTANT_DEUX = "montant.second_assistant.deux", Eur;
    // Whether each option is open to new contracts (rows of [`OUVERTURE`]).
    TIERS_OUVERTE = "formule.tiers.ouverte", Bool;
    DEMI_OUVERTE = "formule.demi.ouverte", Bool;
    PLEIN_OUVERTE = "formule.plein.ouverte", Bool;
    // The amounts table (cells of [`MONTANTS`]).
    MONTANT_TIERS_ANNEE_1 = "montant.tiers.annee_1", Eur;
    MONTANT_TIERS_ANNEE_2 = "montant.tiers.annee_2", Eur;
    MONTANT_TIERS_ANNEE_3_PLUS = "montant.tiers.annee_3_plus", Eur;
    MONTANT_TIERS_ANNEE_3_PLUS_P90_P94 = "montant.tiers.annee_3_plus_p90_p94", Eur;
    MONTANT_TIERS_P95_PLUS = "montant.tiers.p95_plus", Eur;
    MONTANT_DEMI_ANNEE_1 = "montant.demi.annee_1", Eur;
    MONTANT_DEMI_ANNEE_2 = "montant.demi.annee_2", Eur;
    MONTANT_DEMI_ANNEE_3_PLUS = "montant.demi.annee_3_plus", Eur;
    MONTANT_DEMI_ANNEE_3_PLUS_P90_P94 = "montant.demi.annee_3_plus_p90_p94", Eur;
    MONTANT_DEMI_P95_PLUS = "montant.demi.p95_plus", Eur;
    MONTANT_PLEIN_ANNEE_1 = "montant.plein.annee_1", Eur;
    MONTANT_PLEIN_ANNEE_2 = "montant.plein.annee_2", Eur;
    MONTANT_PLEIN_ANNEE_3_PLUS = "montant.plein.annee_3_plus", Eur;
    MONTANT_PLEIN_ANNEE_3_PLUS_P90_P94 = "montant.plein.annee_3_plus_p90_p94", Eur;
    MONTANT_PLEIN_P95_PLUS = "montant.plein.p95_plus", Eur;
    // The 2019-style objective grid (cells of [`HAUSSES`]).
    HAUSSE_TIERS_P30_P50 = "objectif.hausse.tiers.p30_p50", Ratio;
    HAUSSE_TIERS_P50_P70 = "objectif.hausse.tiers.p50_p70", Ratio;
    HAUSSE_TIERS_P70_P90 = "objectif.hausse.tiers.p70_p90", Ratio;
    HAUSSE_TIERS_P90_P95 = "objectif.hausse.tiers.p90_p95", Ratio;
    HAUSSE_TIERS_P95_PLUS = "objectif.hausse.tiers.p95_plus", Ratio;
    HAUSSE_DEMI_P30_P50 = "objectif.hausse.demi.p30_p50", Ratio;
    HAUSSE_DEMI_P50_P70 = "objectif.hausse.demi.p50_p70", Ratio;
    HAUSSE_DEMI_P70_P90 = "objectif.hausse.demi.p70_p90", Ratio;
    HAUSSE_DEMI_P90_P95 = "objectif.hausse.demi.p90_p95", Ratio;
    HAUSSE_DEMI_P95_PLUS = "objectif.hausse.demi.p95_plus", Ratio;
    HAUSSE_PLEIN_P30_P50 = "objectif.hausse.plein.p30_p50", Ratio;
    HAUSSE_PLEIN_P50_P70 = "objectif.hausse.plein.p50_p70", Ratio;
    HAUSSE_PLEIN_P70_P90 = "objectif.hausse.plein.p70_p90", Ratio;
    HAUSSE_PLEIN_P90_P95 = "objectif.hausse.plein.p90_p95", Ratio;
    HAUSSE_PLEIN_P95_PLUS = "objectif.hausse.plein.p95_plus", Ratio;
    // Economics of hiring, dated on calendar dates (the list [`ECONOMIE`]).
    ECONOMIE_DUREE_LEGALE_HEBDO = "economie.duree_legale_hebdo", Hours;
    ECONOMIE_SEMAINES_PAR_AN = "economie.semaines_par_an", Number;
    ECONOMIE_DUREE_HEBDO_DEMI = "economie.duree_hebdo.demi", Hours;
    ECONOMIE_DUREE_HEBDO_PLEIN = "economie.duree_hebdo.plein", Hours;
    ECONOMIE_SMIC_HORAIRE = "economie.smic_horaire", Eur;
    ECONOMIE_GRILLE_NIVEAU_5 = "economie.grille.niveau_5", Eur;
    ECONOMIE_PSS = "economie.pss", Eur;
    ECONOMIE_TAUX_MALADIE = "economie.taux.maladie", Ratio;
    ECONOMIE_TAUX_MALADIE_REDUIT = "economie.taux.maladie_reduit", Ratio;
    ECONOMIE_MALADIE_REDUIT_PLAFOND_SMIC = "economie.maladie_reduit.plafond_smic", Number;
    ECONOMIE_TAUX_ALLOCATIONS_FAMILIALES = "economie.taux.allocations_familiales", Ratio;
    ECONOMIE_TAUX_ALLOCATIONS_FAMILIALES_REDUIT = "economie.taux.allocations_familiales_reduit", Ratio;
    ECONOMIE_ALLOCATIONS_FAMILIALES_REDUIT_PLAFOND_SMIC = "economie.allocations_familiales_reduit.plafond_smic", Number;
    ECONOMIE_TAUX_VIEILLESSE_DEPLAFONNEE = "economie.taux.vieillesse_deplafonnee", Ratio;
    ECONOMIE_TAUX_VIEILLESSE_PLAFONNEE = "economie.taux.vieillesse_plafonnee", Ratio;
    ECONOMIE_TAUX_ATMP = "economie.taux.atmp", Ratio;
    ECONOMIE_TAUX_ATMP_MINIMUM = "economie.taux.atmp_minimum", Ratio;
    ECONOMIE_TAUX_CSA = "economie.taux.csa", Ratio;
    ECONOMIE_TAUX_FNAL = "economie.taux.fnal", Ratio;
    ECONOMIE_TAUX_CHOMAGE = "economie.taux.chomage", Ratio;
    ECONOMIE_TAUX_AGS = "economie.taux.ags", Ratio;
    ECONOMIE_PLAFOND_CHOMAGE_PSS = "economie.plafond_chomage_pss", Number;
    ECONOMIE_TAUX_RETRAITE_COMPLEMENTAIRE_T1 = "economie.taux.retraite_complementaire_t1", Ratio;
    ECONOMIE_TAUX_RETRAITE_COMPLEMENTAIRE_T2 = "economie.taux.retraite_complementaire_t2", Ratio;
    ECONOMIE_TAUX_CEG_T1 = "economie.taux.ceg_t1", Ratio;
    ECONOMIE_TAUX_CEG_T2 = "economie.taux.ceg_t2", Ratio;
    ECONOMIE_TAUX_CET = "economie.taux.cet", Ratio;
    ECONOMIE_PLAFOND_RETRAITE_COMPLEMENTAIRE_PSS = "economie.plafond_retraite_complementaire_pss", Number;
    ECONOMIE_TAUX_FORMATION_PROFESSIONNELLE = "economie.taux.formation_professionnelle", Ratio;
    ECONOMIE_TAUX_TAXE_APPRENTISSAGE = "economie.taux.taxe_apprentissage", Ratio;
    ECONOMIE_TAUX_TAXE_APPRENTISSAGE_SOLDE = "economie.taux.taxe_apprentissage_solde", Ratio;
    ECONOMIE_TAUX_DIALOGUE_SOCIAL = "economie.taux.dialogue_social", Ratio;
    ECONOMIE_MUTUELLE_MONTANT = "economie.mutuelle.montant", Eur;
    ECONOMIE_MUTUELLE_PART_EMPLOYEUR = "economie.mutuelle.part_employeur", Ratio;
    ECONOMIE_REDUCTION_GENERALE_SEUIL_SMIC = "economie.reduction_generale.seuil_smic", Number;
    ECONOMIE_REDUCTION_GENERALE_DIVISEUR = "economie.reduction_generale.diviseur", Number;
    ECONOMIE_RGDU_TMIN = "economie.rgdu.tmin", Ratio;
    ECONOMIE_RGDU_TDELTA = "economie.rgdu.tdelta", Ratio;
    ECONOMIE_RGDU_PUISSANCE = "economie.rgdu.puissance", Number;
    ECONOMIE_RGDU_SEUIL_SMIC = "economie.rgdu.seuil_smic", Number;
    ECONOMIE_RGDU_FACTEUR = "economie.rgdu.facteur", Number;
    ECONOMIE_PATIENT_CONTACTS_PAR_AN = "economie.patient.contacts_par_an", Number;
    ECONOMIE_PATIENT_CONSULTATION_G = "economie.patient.consultation_g", Eur;
    ECONOMIE_PATIENT_FMT_SANS_ALD_7_74 = "economie.patient.fmt.sans_ald_7_74", Eur;
    ECONOMIE_PATIENT_FMT_MOINS_7_OU_75_79 = "economie.patient.fmt.moins_7_ou_75_79", Eur;
    ECONOMIE_PATIENT_FMT_80_PLUS_OU_ALD = "economie.patient.fmt.80_plus_ou_ald", Eur;
    ECONOMIE_PATIENT_FMT_ALD_80_PLUS = "economie.patient.fmt.ald_80_plus", Eur;
    ECONOMIE_PATIENT_FMT_MAJORATION_ZIP = "economie.patient.fmt.majoration_zip", Number;
    ECONOMIE_JOURS_TRAVAILLES_PAR_AN = "economie.jours_travailles_par_an", Number;
    ECONOMIE_BILAN_GAIN_PMT = "economie.bilan.gain_pmt", Patients;
    ECONOMIE_BILAN_ACTES_PAR_JOUR = "economie.bilan.actes_par_jour", Number;
}

/// Whether each option is open to new contracts: tiers, demi, plein.
pub const OUVERTURE: [&ParamId; 3] = [TIERS_OUVERTE, DEMI_OUVERTE, PLEIN_OUVERTE];

/// The amounts table, cell by cell: rows tiers, demi, plein; columns year 1, year 2, year 3+,
/// year 3+ if P90–P94, every year if ≥ P95.
pub const MONTANTS: [[&ParamId; 5]; 3] = [
    [
        MONTANT_TIERS_ANNEE_1,
        MONTANT_TIERS_ANNEE_2,
        MONTANT_TIERS_ANNEE_3_PLUS,
        MONTANT_TIERS_ANNEE_3_PLUS_P90_P94,
        MONTANT_TIERS_P95_PLUS,
    ],
    [
        MONTANT_DEMI_ANNEE_1,
        MONTANT_DEMI_ANNEE_2,
        MONTANT_DEMI_ANNEE_3_PLUS,
        MONTANT_DEMI_ANNEE_3_PLUS_P90_P94,
        MONTANT_DEMI_P95_PLUS,
    ],
    [
        MONTANT_PLEIN_ANNEE_1,
        MONTANT_PLEIN_ANNEE_2,
        MONTANT_PLEIN_ANNEE_3_PLUS,
        MONTANT_PLEIN_ANNEE_3_PLUS_P90_P94,
        MONTANT_PLEIN_P95_PLUS,
    ],
];

/// The 2019-style objective grid (required increase): rows tiers, demi, plein; columns the
/// starting bands P30–P50, P50–P70, P70–P90, P90–P95, ≥ P95.
pub const HAUSSES: [[&ParamId; 5]; 3] = [
    [
        HAUSSE_TIERS_P30_P50,
        HAUSSE_TIERS_P50_P70,
        HAUSSE_TIERS_P70_P90,
        HAUSSE_TIERS_P90_P95,
        HAUSSE_TIERS_P95_PLUS,
    ],
    [
        HAUSSE_DEMI_P30_P50,
        HAUSSE_DEMI_P50_P70,
        HAUSSE_DEMI_P70_P90,
        HAUSSE_DEMI_P90_P95,
        HAUSSE_DEMI_P95_PLUS,
    ],
    [
        HAUSSE_PLEIN_P30_P50,
        HAUSSE_PLEIN_P50_P70,
        HAUSSE_PLEIN_P70_P90,
        HAUSSE_PLEIN_P90_P95,
        HAUSSE_PLEIN_P95_PLUS,
    ],
];

/// The economics parameters, read at calendar dates (checked on every rule load).
pub const ECONOMIE: &[&ParamId] = &[
    ECONOMIE_DUREE_LEGALE_HEBDO,
    ECONOMIE_SEMAINES_PAR_AN,
    ECONOMIE_DUREE_HEBDO_DEMI,
    ECONOMIE_DUREE_HEBDO_PLEIN,
    ECONOMIE_SMIC_HORAIRE,
    ECONOMIE_GRILLE_NIVEAU_5,
    ECONOMIE_PSS,
    ECONOMIE_TAUX_MALADIE,
    ECONOMIE_TAUX_MALADIE_REDUIT,
    ECONOMIE_MALADIE_REDUIT_PLAFOND_SMIC,
    ECONOMIE_TAUX_ALLOCATIONS_FAMILIALES,
    ECONOMIE_TAUX_ALLOCATIONS_FAMILIALES_REDUIT,
    ECONOMIE_ALLOCATIONS_FAMILIALES_REDUIT_PLAFOND_SMIC,
    ECONOMIE_TAUX_VIEILLESSE_DEPLAFONNEE,
    ECONOMIE_TAUX_VIEILLESSE_PLAFONNEE,
    ECONOMIE_TAUX_ATMP,
    ECONOMIE_TAUX_ATMP_MINIMUM,
    ECONOMIE_TAUX_CSA,
    ECONOMIE_TAUX_FNAL,
    ECONOMIE_TAUX_CHOMAGE,
    ECONOMIE_TAUX_AGS,
    ECONOMIE_PLAFOND_CHOMAGE_PSS,
    ECONOMIE_TAUX_RETRAITE_COMPLEMENTAIRE_T1,
    ECONOMIE_TAUX_RETRAITE_COMPLEMENTAIRE_T2,
    ECONOMIE_TAUX_CEG_T1,
    ECONOMIE_TAUX_CEG_T2,
    ECONOMIE_TAUX_CET,
    ECONOMIE_PLAFOND_RETRAITE_COMPLEMENTAIRE_PSS,
    ECONOMIE_TAUX_FORMATION_PROFESSIONNELLE,
    ECONOMIE_TAUX_TAXE_APPRENTISSAGE,
    ECONOMIE_TAUX_TAXE_APPRENTISSAGE_SOLDE,
    ECONOMIE_TAUX_DIALOGUE_SOCIAL,
    ECONOMIE_MUTUELLE_MONTANT,
    ECONOMIE_MUTUELLE_PART_EMPLOYEUR,
    ECONOMIE_REDUCTION_GENERALE_SEUIL_SMIC,
    ECONOMIE_REDUCTION_GENERALE_DIVISEUR,
    ECONOMIE_RGDU_TMIN,
    ECONOMIE_RGDU_TDELTA,
    ECONOMIE_RGDU_PUISSANCE,
    ECONOMIE_RGDU_SEUIL_SMIC,
    ECONOMIE_RGDU_FACTEUR,
    ECONOMIE_PATIENT_CONTACTS_PAR_AN,
    ECONOMIE_PATIENT_CONSULTATION_G,
    ECONOMIE_PATIENT_FMT_SANS_ALD_7_74,
    ECONOMIE_PATIENT_FMT_MOINS_7_OU_75_79,
    ECONOMIE_PATIENT_FMT_80_PLUS_OU_ALD,
    ECONOMIE_PATIENT_FMT_ALD_80_PLUS,
    ECONOMIE_PATIENT_FMT_MAJORATION_ZIP,
    ECONOMIE_JOURS_TRAVAILLES_PAR_AN,
    ECONOMIE_BILAN_GAIN_PMT,
    ECONOMIE_BILAN_ACTES_PAR_JOUR,
];

/// Every parameter the logic reads, with its unit: what the integrity check requires.
pub fn requis() -> impl Iterator<Item = (&'static str, Unite)> {
    TOUS.iter().map(|p| (p.id, p.unite))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn chaque_identifiant_est_unique() {
        let tous: Vec<&str> = requis().map(|(id, _)| id).collect();
        let uniques: BTreeSet<&str> = tous.iter().copied().collect();
        assert_eq!(tous.len(), uniques.len());
        assert_eq!(tous.len(), 50 + 3 + 15 + 15 + 51);
    }

    #[test]
    fn le_rang_est_la_place_dans_tous() {
        for (i, p) in TOUS.iter().enumerate() {
            assert_eq!(p.rang(), i, "{p}");
        }
    }

    #[test]
    fn les_tableaux_ne_nomment_que_des_identifiants_de_tous() {
        let tableaux = OUVERTURE
            .iter()
            .chain(MONTANTS.iter().flatten())
            .chain(HAUSSES.iter().flatten())
            .chain(ECONOMIE.iter());
        for p in tableaux {
            assert_eq!(TOUS[p.rang()], *p);
        }
        assert_eq!(ECONOMIE.len(), 51);
        assert!(ECONOMIE
            .iter()
            .all(|p| p.starts_with(crate::rules::PREFIXE_CALENDAIRE)));
        let autres = TOUS
            .iter()
            .filter(|p| !p.starts_with(crate::rules::PREFIXE_CALENDAIRE));
        assert_eq!(autres.count(), TOUS.len() - ECONOMIE.len());
    }
}
