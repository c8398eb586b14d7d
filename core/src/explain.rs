//! Reasons and caveats: values (a code and its parameters) rendered in French and English here,
//! in one place. Codes are stable and part of the public contract.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::rules::Grade;
use crate::situation::{Formule, Secteur, Tranche, Zone};

/// What a reason does to the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effet {
    /// The criterion is met.
    Satisfied,
    /// The criterion is not met: not eligible (or option unavailable).
    Blocking,
    /// The rules leave it to the CPAM.
    ReferToCpam,
    /// Met, under a commitment the doctor must keep.
    Condition,
}

/// Why an eligibility or availability decision was taken.
#[derive(Debug, Clone, PartialEq)]
pub enum Motif {
    SecteurAdmis(Secteur),
    SecteurNonAdmis(Secteur),
    SpecialiteAdmise(NomSpecialite),
    SpecialiteExclue(NomSpecialite),
    SpecialiteSelonTerritoire(NomSpecialite),
    PartCliniqueSuffisante {
        part: Decimal,
        seuil: Decimal,
    },
    PartCliniqueInsuffisante {
        part: Decimal,
        seuil: Decimal,
        inclus: bool,
    },
    PartCliniqueNonPubliee,
    ActiviteSuffisante {
        patients: u32,
        seuil: u32,
    },
    ActiviteInsuffisante {
        patients: u32,
        seuil: u32,
    },
    TrancheSuffisante(Tranche),
    TrancheInsuffisante,
    SeuilNonPublie,
    InstallationRecente,
    InstallationRecenteNonPubliee,
    ExerciceGroupe,
    DerogationZoneSousDense(Zone),
    EngagementExerciceGroupe {
        annees: Option<u32>,
    },
    ExerciceCoordonne,
    ExerciceCoordonneRequis,
    AldRqth,
    MedecinNonEligible,
    FormuleFermee(Formule),
    FormuleReserveeZoneSousDense(Formule),
}

/// A specialty's names, for messages in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NomSpecialite {
    pub fr: String,
    pub en: String,
}

impl From<&crate::rules::Specialite> for NomSpecialite {
    fn from(s: &crate::rules::Specialite) -> Self {
        NomSpecialite {
            fr: s.name.clone(),
            en: s.name_en.clone(),
        }
    }
}

/// A rendered reason, as found in results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Raison {
    pub code: &'static str,
    pub effect: Effet,
    pub message_fr: String,
    pub message_en: String,
    /// Ids of the references the decision rests on (resolved in `Assessment::references`).
    pub references: Vec<String>,
    pub confidence: Grade,
}

fn pct(d: Decimal) -> String {
    (d * Decimal::ONE_HUNDRED).normalize().to_string()
}

impl Motif {
    pub fn effet(&self) -> Effet {
        use Motif::*;
        match self {
            SecteurAdmis(_)
            | SpecialiteAdmise(_)
            | PartCliniqueSuffisante { .. }
            | ActiviteSuffisante { .. }
            | TrancheSuffisante(_)
            | InstallationRecente
            | ExerciceGroupe
            | DerogationZoneSousDense(_)
            | ExerciceCoordonne => Effet::Satisfied,
            SecteurNonAdmis(_)
            | SpecialiteExclue(_)
            | PartCliniqueInsuffisante { .. }
            | ActiviteInsuffisante { .. }
            | TrancheInsuffisante
            | ExerciceCoordonneRequis
            | MedecinNonEligible
            | FormuleFermee(_)
            | FormuleReserveeZoneSousDense(_) => Effet::Blocking,
            SpecialiteSelonTerritoire(_)
            | PartCliniqueNonPubliee
            | SeuilNonPublie
            | InstallationRecenteNonPubliee
            | AldRqth => Effet::ReferToCpam,
            EngagementExerciceGroupe { .. } => Effet::Condition,
        }
    }

    /// Stable code, French and English message.
    pub fn textes(&self) -> (&'static str, String, String) {
        use Motif::*;
        match self {
            SecteurAdmis(s) => ("secteur_admis", format!("Secteur admis : {}.", s.libelle_fr()), format!("Eligible sector: {}.", s.libelle_en())),
            SecteurNonAdmis(s) => (
                "secteur_non_admis",
                format!("Le dispositif est réservé au secteur 1 et au secteur 2 avec OPTAM ou OPTAM-CO ; vous êtes en {}.", s.libelle_fr()),
                format!("The scheme is for sector 1 and sector 2 with OPTAM or OPTAM-CO; you are in {}.", s.libelle_en()),
            ),
            SpecialiteAdmise(nom) => ("specialite_admise", format!("Spécialité admise : {}.", nom.fr), format!("Eligible specialty: {}.", nom.en)),
            SpecialiteExclue(nom) => (
                "specialite_exclue",
                format!("Spécialité exclue du dispositif (spécialités techniques) : {}.", nom.fr),
                format!("Specialty excluded from the scheme (technical specialties): {}.", nom.en),
            ),
            SpecialiteSelonTerritoire(nom) => (
                "specialite_selon_territoire",
                format!("En 2019, les spécialistes ({}) étaient admis selon les besoins du territoire, dont la liste n'est pas publiée : à confirmer avec votre CPAM.", nom.fr),
                format!("In 2019, specialists ({}) were admitted depending on local needs, whose list is not published: to confirm with your CPAM.", nom.en),
            ),
            PartCliniqueSuffisante { part, seuil } => (
                "part_clinique_suffisante",
                format!("Honoraires cliniques : {} % des honoraires, seuil {} %.", pct(*part), pct(*seuil)),
                format!("Clinical fees: {}% of fees, threshold {}%.", pct(*part), pct(*seuil)),
            ),
            PartCliniqueInsuffisante { part, seuil, inclus } => (
                "part_clinique_insuffisante",
                format!(
                    "Honoraires cliniques : {} % des honoraires ; il en faut {} {} %.",
                    pct(*part),
                    if *inclus { "au moins" } else { "plus de" },
                    pct(*seuil)
                ),
                format!(
                    "Clinical fees: {}% of fees; {} {}% are required.",
                    pct(*part),
                    if *inclus { "at least" } else { "more than" },
                    pct(*seuil)
                ),
            ),
            PartCliniqueNonPubliee => (
                "part_clinique_non_publiee",
                "La règle de part d'honoraires cliniques pour cette période n'est pas publiée : à confirmer avec votre CPAM.".into(),
                "The clinical-fee share rule for this period is not published: to confirm with your CPAM.".into(),
            ),
            ActiviteSuffisante { patients, seuil } => (
                "activite_suffisante",
                format!("Patientèle médecin traitant : {patients}, au moins égale au seuil P30 de {seuil}."),
                format!("Médecin-traitant patient list: {patients}, at or above the P30 threshold of {seuil}."),
            ),
            ActiviteInsuffisante { patients, seuil } => (
                "activite_insuffisante",
                format!("Patientèle médecin traitant : {patients}, sous le seuil P30 de {seuil}."),
                format!("Médecin-traitant patient list: {patients}, below the P30 threshold of {seuil}."),
            ),
            TrancheSuffisante(t) => (
                "tranche_suffisante",
                format!("Activité {} de la spécialité : au moins au P30.", t.libelle_fr()),
                format!("Activity {} of the specialty: at least P30.", t.libelle_en()),
            ),
            TrancheInsuffisante => (
                "tranche_insuffisante",
                "Activité sous le P30 de la spécialité (seuil minimal d'activité).".into(),
                "Activity below the specialty's P30 (minimum activity threshold).".into(),
            ),
            SeuilNonPublie => (
                "seuil_non_publie",
                "Le seuil d'activité (P30) n'est pas publié pour cette période : à confirmer avec votre CPAM.".into(),
                "The activity threshold (P30) is not published for this period: to confirm with your CPAM.".into(),
            ),
            InstallationRecente => (
                "installation_recente",
                "Médecin nouvellement installé : pas de seuil d'activité.".into(),
                "Newly installed doctor: no activity threshold.".into(),
            ),
            InstallationRecenteNonPubliee => (
                "installation_recente_non_publiee",
                "Règle pour les médecins nouvellement installés non publiée pour cette période : à confirmer avec votre CPAM.".into(),
                "Rule for newly installed doctors not published for this period: to confirm with your CPAM.".into(),
            ),
            ExerciceGroupe => ("exercice_groupe", "Exercice regroupé.".into(), "Group practice.".into()),
            DerogationZoneSousDense(z) => (
                "derogation_zone_sous_dense",
                format!("Exercice seul admis par dérogation en zone sous-dense ({}).", z.libelle_fr()),
                format!("Solo practice allowed by derogation in an under-served zone ({}).", z.libelle_en()),
            ),
            EngagementExerciceGroupe { annees } => {
                let (fr, en) = match annees {
                    Some(n) => (format!("sous {n} ans"), format!("within {n} years")),
                    None => ("dans un délai à confirmer avec votre CPAM".to_owned(), "within a time to confirm with your CPAM".to_owned()),
                };
                (
                    "engagement_exercice_groupe",
                    format!("Exercice seul : vous devez vous engager à rejoindre un exercice regroupé {fr}."),
                    format!("Solo practice: you must commit to joining a group practice {en}."),
                )
            }
            ExerciceCoordonne => (
                "exercice_coordonne",
                "Exercice coordonné (ESP, MSP ou CPTS) ou engagement à en rejoindre un.".into(),
                "Coordinated practice (ESP, MSP or CPTS) or commitment to join one.".into(),
            ),
            ExerciceCoordonneRequis => (
                "exercice_coordonne_requis",
                "L'avenant 7 exige un exercice coordonné (ESP, MSP ou CPTS) ou l'engagement d'en rejoindre un dans les 2 ans.".into(),
                "Amendment 7 requires coordinated practice (ESP, MSP or CPTS) or a commitment to join one within 2 years.".into(),
            ),
            AldRqth => (
                "ald_rqth",
                "Médecin en ALD ou avec RQTH : le contrat est adapté par votre CPAM, qui seule peut fixer l'aide et l'objectif.".into(),
                "Doctor with ALD or RQTH: the contract is adjusted by your CPAM, which alone can set the aid and the objective.".into(),
            ),
            MedecinNonEligible => (
                "medecin_non_eligible",
                "Conditions d'éligibilité non remplies.".into(),
                "Eligibility conditions not met.".into(),
            ),
            FormuleFermee(f) => (
                "formule_fermee",
                format!("La formule {} n'est plus ouverte aux nouveaux contrats (les contrats en cours continuent).", f.libelle_fr()),
                format!("The {} option is closed to new contracts (running contracts continue).", f.libelle_en()),
            ),
            FormuleReserveeZoneSousDense(f) => (
                "formule_reservee_zone_sous_dense",
                format!("La formule {} est réservée aux zones sous-denses (ZIP, ZAC) pour ce contrat.", f.libelle_fr()),
                format!("The {} option is restricted to under-served zones (ZIP, ZAC) for this contract.", f.libelle_en()),
            ),
        }
    }

    pub fn rendre(&self, references: Vec<String>, confidence: Grade) -> Raison {
        let (code, message_fr, message_en) = self.textes();
        Raison {
            code,
            effect: self.effet(),
            message_fr,
            message_en,
            references,
            confidence,
        }
    }
}

/// A warning attached to a result: a figure rests on a grade-C value, a GAP, or an assumption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Avertissement {
    pub code: &'static str,
    /// The rule parameter concerned, when there is one.
    pub parameter: Option<String>,
    pub confidence: Grade,
    pub message_fr: String,
    pub message_en: String,
    pub references: Vec<String>,
}

impl Avertissement {
    pub fn nouveau(
        code: &'static str,
        confidence: Grade,
        fr: String,
        en: String,
        references: Vec<String>,
    ) -> Self {
        Avertissement {
            code,
            parameter: None,
            confidence,
            message_fr: fr,
            message_en: en,
            references,
        }
    }
}

/// The disclaimer every result carries.
pub const AVIS_FR: &str = "Simulation indicative, qui n'engage pas l'Assurance Maladie.";
pub const AVIS_EN: &str = "Indicative simulation, not binding on the Assurance Maladie.";
