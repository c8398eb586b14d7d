//! Screen logic shared by the iOS and Android apps, so that both stay thin and identical: the
//! ordered questions for the current answers (a question appears only when it matters under the
//! rule version in force), their validation, and the view model of the result.
//!
//! Answers are plain strings keyed by question id, as an app stores them: dates `YYYY-MM-DD`,
//! counts as integers, percentages as numbers between 0 and 100, yes/no as `true`/`false`,
//! choices as their codes.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::assessment::{evaluer, Evaluation, VersionAppliquee};
use crate::eligibility::Statut;
use crate::error::{citer, CodeErreur, Erreur, Resultat};
use crate::explain::{ordinal, pct, Avertissement, Raison};
use crate::format;
use crate::objectives::StatutObjectif;
use crate::rules::ids as regles;
use crate::rules::{RuleSet, Valeur, Version};
use crate::second_assistant::StatutSecondAssistant;
use crate::situation::{
    Exercice, Formule, Saisie, SaisieContrat, Secteur, Tranche, Zone, AGE_MAX, AGE_MIN,
    PATIENTS_MAX,
};
use crate::texte::Texte;
use crate::Langue;

/// Kind of answer a question expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TypeQuestion {
    Choice,
    Count,
    Percentage,
    Date,
    YesNo,
}

/// An allowed value of a choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Choix {
    pub value: String,
    /// In the language of the call.
    pub label: String,
}

/// A validation message for an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MessageValidation {
    pub code: String,
    /// In the language of the call.
    pub message: String,
}

/// One question, as the apps render it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Question {
    pub id: String,
    pub kind: TypeQuestion,
    /// In the language of the call.
    pub label: String,
    /// In the language of the call.
    pub help: String,
    pub required: bool,
    pub choices: Vec<Choix>,
    /// Bounds of a count or percentage.
    pub min: Option<i64>,
    pub max: Option<i64>,
    /// The current answer (or the default the app should pre-fill).
    pub answer: Option<String>,
    /// The answer is a default the app pre-fills, not one the doctor gave.
    pub prefilled: bool,
    pub error: Option<MessageValidation>,
}

/// The questions for the current answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Questionnaire {
    pub questions: Vec<Question>,
    /// Every visible required question has a valid answer and the simulation can run.
    pub complete: bool,
    /// Ids of the questions still to answer or to fix, in screen order.
    pub pending: Vec<String>,
    /// Why the simulation cannot run when no question is at fault (e.g. broken rule data).
    pub blocking_error: Option<MessageValidation>,
    /// The rule version the answers fall under, once the date is known.
    pub rules_id: Option<Texte>,
}

/// Question ids (the JSON field names of the situation, plus the running-contract questions).
pub mod ids {
    pub const SIGNATURE_DATE: &str = "signature_date";
    pub const SPECIALTY: &str = "specialty";
    pub const SECTOR: &str = "sector";
    pub const CLINICAL_FEE_SHARE: &str = "clinical_fee_share";
    pub const ZONE: &str = "zone";
    pub const PRACTICE: &str = "practice";
    pub const COORDINATED: &str = "coordinated";
    pub const PATIENTELE_MT: &str = "patientele_mt";
    pub const FILE_ACTIVE: &str = "file_active";
    pub const PERCENTILE_BAND: &str = "percentile_band";
    pub const NEWLY_INSTALLED: &str = "newly_installed";
    pub const AGE: &str = "age";
    pub const ALD_OR_RQTH: &str = "ald_or_rqth";
    pub const MEP: &str = "mep";
    pub const HAS_FULL_TIME_CONTRACT: &str = "current_contract";
    pub const CURRENT_START: &str = "current_contract.start";
    pub const OBJECTIVES_REACHED: &str = "current_contract.objectives_reached";
}

/// Answers keyed by question id.
pub type Reponses = BTreeMap<String, String>;

/// The choices of a coded list, from its (code, French label, English label) triples: one
/// non-generic loop for every list (the generic one was compiled once per list: size).
#[inline(never)]
pub(crate) fn choix_codes(
    valeurs: &mut dyn Iterator<Item = [&'static str; 3]>,
    langue: Langue,
) -> Vec<Choix> {
    let mut v = Vec::new();
    for [code, fr, en] in valeurs {
        v.push(Choix {
            value: code.to_owned(),
            label: selon!(langue, fr, en).to_owned(),
        });
    }
    v
}

/// The sectors and the percentile bands, as the questionnaire and the contract form list them.
pub(crate) fn choix_secteurs(langue: Langue) -> Vec<Choix> {
    choix_codes(
        &mut Secteur::TOUTES
            .iter()
            .map(|v| [v.code(), v.libelle_fr(), v.libelle_en()]),
        langue,
    )
}

pub(crate) fn choix_tranches(langue: Langue) -> Vec<Choix> {
    choix_codes(
        &mut Tranche::TOUTES
            .iter()
            .map(|v| [v.code(), v.libelle_fr(), v.libelle_en()]),
        langue,
    )
}

fn oui_non(langue: Langue) -> Vec<Choix> {
    vec![
        Choix {
            value: "true".into(),
            label: selon!(langue, "Oui".into(), "Yes".into()),
        },
        Choix {
            value: "false".into(),
            label: selon!(langue, "Non".into(), "No".into()),
        },
    ]
}

struct Modele {
    id: &'static str,
    kind: TypeQuestion,
    /// Label fr, label en, help fr, help en, in one text (`textes!`).
    textes: &'static str,
}

/// Texts of a static table joined in one literal, cut again by [`partie`]: one pointer per
/// row instead of one per text (each pointer in a static table costs the shared library a
/// relocation and its slot, 40 bytes).
macro_rules! textes {
    ($premier:literal $(, $autre:literal)* $(,)?) => {
        concat!($premier $(, "\u{1f}", $autre)*)
    };
}
pub(crate) use textes;

/// Text `n` of a `textes!` literal.
#[inline(never)]
pub(crate) fn partie(textes: &'static str, n: usize) -> &'static str {
    textes.split('\u{1f}').nth(n).unwrap_or_default()
}

impl Modele {
    fn label(&self, langue: Langue) -> &'static str {
        partie(self.textes, selon!(langue, 0, 1))
    }

    fn help(&self, langue: Langue) -> &'static str {
        partie(self.textes, selon!(langue, 2, 3))
    }
}

macro_rules! m {
    ($id:expr, $kind:expr, $($texte:literal),+ $(,)?) => {
        Modele {
            id: $id,
            kind: $kind,
            textes: textes!($($texte),+),
        }
    };
}

use TypeQuestion as Q;

/// Every question, in screen order.
const MODELES: &[Modele] = &[
    m!(ids::SIGNATURE_DATE, Q::Date, "Date de signature du contrat", "Contract signature date",
      "La version des règles dépend de cette date (à partir du {premiere_version}).", "The rule version depends on this date (from {premiere_version})."),
    m!(ids::SPECIALTY, Q::Choice, "Spécialité", "Specialty",
      "Votre spécialité d'exercice (nomenclature de l'Assurance Maladie).", "Your practice specialty (Assurance Maladie nomenclature)."),
    m!(ids::SECTOR, Q::Choice, "Secteur conventionnel", "Fee sector",
      "Le dispositif est ouvert au secteur 1 et au secteur 2 avec OPTAM ou OPTAM-CO.", "The scheme is open to sector 1 and sector 2 with OPTAM or OPTAM-CO."),
    m!(ids::CLINICAL_FEE_SHARE, Q::Percentage, "Part des honoraires cliniques (%)", "Share of clinical fees (%)",
      "Sur les 12 mois avant la signature, hors dépassements ; au moins {part_clinique_min} pour les chirurgiens, ORL et gynécologues.",
      "Over the 12 months before signature, excluding extra fees; at least {part_clinique_min} for surgeons, ENT and gynaecologists."),
    m!(ids::ZONE, Q::Choice, "Zone d'exercice", "Practice zone",
      "Zonage médecin de l'ARS : zone d'intervention prioritaire (ZIP), zone d'action complémentaire (ZAC) ou hors zone.",
      "ARS doctor zoning: priority intervention zone (ZIP), complementary action zone (ZAC) or outside."),
    m!(ids::PRACTICE, Q::Choice, "Mode d'exercice", "Practice setting",
      "Exercice regroupé : au moins deux médecins, une MSP ou un centre de santé.", "Group practice: at least two doctors, an MSP or a health centre."),
    m!(ids::COORDINATED, Q::YesNo, "Exercice coordonné (ESP, MSP, CPTS) ou engagement à en rejoindre un ?", "Coordinated practice (ESP, MSP, CPTS) or commitment to join one?",
      "Exigé par l'avenant 7 (2019), avec un délai de {delai_coordination} pour rejoindre.", "Required by amendment 7 (2019), with {delai_coordination} to join."),
    m!(ids::PATIENTELE_MT, Q::Count, "Patientèle médecin traitant", "Médecin-traitant patient list",
      "Nombre de patients vous ayant déclaré médecin traitant (visible sur amelipro).", "Number of patients who declared you as their médecin traitant (shown on amelipro)."),
    m!(ids::FILE_ACTIVE, Q::Count, "File active", "File active",
      "Patients distincts vus au moins une fois sur 12 mois ; sert à calculer l'objectif.", "Distinct patients seen at least once in 12 months; used for the objective."),
    m!(ids::PERCENTILE_BAND, Q::Choice, "Tranche de percentile de départ", "Starting percentile band",
      "Communiquée par votre CPAM ou sur amelipro ; elle fixe la ligne du barème et l'objectif.", "Given by your CPAM or on amelipro; it sets the amounts row and the objective."),
    m!(ids::NEWLY_INSTALLED, Q::YesNo, "Nouvellement installé ?", "Newly installed?",
      "Pas de seuil d'activité ; objectif : atteindre la médiane de la spécialité.", "No activity threshold; objective: reach the specialty median."),
    m!(ids::AGE, Q::Count, "Âge", "Age",
      "À partir de {age_maintien} ans, l'objectif est de maintenir la patientèle (convention 2024).", "From {age_maintien}, the objective is to keep the patient list (2024 agreement)."),
    m!(ids::ALD_OR_RQTH, Q::YesNo, "En ALD ou reconnu travailleur handicapé (RQTH) ?", "Long-term illness (ALD) or disability recognition (RQTH)?",
      "Le contrat est alors adapté par votre CPAM.", "The contract is then adjusted by your CPAM."),
    m!(ids::MEP, Q::YesNo, "Médecin à exercice particulier (MEP) ?", "Particular practice mode (MEP)?",
      "Par exemple homéopathie ou acupuncture exclusive.", "For example exclusive homeopathy or acupuncture."),
    m!(ids::HAS_FULL_TIME_CONTRACT, Q::YesNo, "Avez-vous déjà un contrat d'assistant médical à 1 ETP ?", "Do you already hold a 1 FTE medical assistant contract?",
      "Pour savoir si un second assistant (1,5 ou 2 ETP) est possible.", "To know whether a second assistant (1.5 or 2 FTE) is possible."),
    m!(ids::CURRENT_START, Q::Date, "Début du contrat en cours", "Start of the running contract",
      "Le second assistant est possible à partir de la {annee_second_assistant} année.", "A second assistant is possible from year {annee_second_assistant}."),
    m!(ids::OBJECTIVES_REACHED, Q::YesNo, "Objectifs du contrat en cours atteints ?", "Objectives of the running contract reached?",
      "Condition du second assistant.", "A condition for a second assistant."),
];

/// The parameter value in force under `v`, without tracing (it only decides what to ask).
fn valeur<'r>(rules: &'r RuleSet, v: &Version, id: &str) -> Option<&'r Valeur> {
    rules
        .parametre(id)
        .ok()
        .and_then(|p| p.a_la_date(v.start))
        .map(|x| &x.valeur)
}

/// A help text with its rule figures read from the parameters of the version in force (the first
/// version before the date is answered), so that a rule update changes the text too.
fn aide(rules: &RuleSet, version: Option<&Version>, modele: &str, langue: Langue) -> String {
    if !modele.contains('{') {
        return modele.to_owned();
    }
    let v = version.or(rules.versions.first());
    let nombre = |id: &str| match v.and_then(|v| valeur(rules, v, id)) {
        Some(Valeur::Nombre(n)) => i32::try_from(*n).ok(),
        _ => None,
    };
    let inconnu = match langue {
        Langue::Fr => "(à confirmer avec votre CPAM)",
        Langue::En => "(to confirm with your CPAM)",
    };
    let mut texte = modele.to_owned();
    let mut remplacer = |cle: &str, valeur: Option<String>| {
        texte = texte.replace(cle, valeur.as_deref().unwrap_or(inconnu));
    };
    remplacer(
        "{premiere_version}",
        rules
            .versions
            .first()
            .map(|p| format::date_longue(p.start, langue)),
    );
    remplacer(
        "{part_clinique_min}",
        match v.and_then(|v| valeur(rules, v, regles::PART_CLINIQUE_MIN)) {
            Some(Valeur::Taux(t)) => Some(match langue {
                Langue::Fr => format!("{}\u{a0}%", pct(*t, langue)),
                Langue::En => format!("{}%", pct(*t, langue)),
            }),
            _ => None,
        },
    );
    remplacer(
        "{delai_coordination}",
        nombre(regles::DELAI_ENGAGEMENT_COORDONNE_ANNEES).map(|n| annees(n, langue)),
    );
    remplacer(
        "{age_maintien}",
        nombre(regles::AGE_MAINTIEN_AGE_MIN).map(|n| n.to_string()),
    );
    remplacer(
        "{annee_second_assistant}",
        nombre(regles::SECOND_ASSISTANT_ANNEE_CONTRAT_MIN).map(|n| match langue {
            Langue::Fr => ordinal(n, langue),
            Langue::En => n.to_string(),
        }),
    );
    texte
}

fn annees(n: i32, langue: Langue) -> String {
    match (langue, n) {
        (Langue::Fr, 1) => "1 an".to_owned(),
        (Langue::Fr, _) => format!("{n} ans"),
        (Langue::En, 1) => "1 year".to_owned(),
        (Langue::En, _) => format!("{n} years"),
    }
}

fn vrai(rules: &RuleSet, v: &Version, id: &str) -> bool {
    matches!(valeur(rules, v, id), Some(Valeur::Booleen(true)))
}

fn contient(rules: &RuleSet, v: &Version, id: &str, code: &str) -> bool {
    matches!(valeur(rules, v, id), Some(Valeur::Codes(c)) if c.iter().any(|x| x == code))
}

fn erreur_saisie(
    code: &'static str,
    champ: &str,
    fr: String,
    en: String,
    langue: Langue,
) -> (String, MessageValidation) {
    (
        champ.to_owned(),
        MessageValidation {
            code: code.to_string(),
            message: selon!(langue, fr, en),
        },
    )
}

/// Turns answers into a raw situation, collecting the answers that cannot even be read.
fn vers_saisie(r: &Reponses, langue: Langue) -> (Saisie, Vec<(String, MessageValidation)>) {
    let mut erreurs = Vec::new();
    let mut s = Saisie::default();
    let texte = |id: &str| {
        r.get(id)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let entier = |id: &str, erreurs: &mut Vec<_>| -> Option<i64> {
        let t = texte(id)?;
        match t.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                erreurs.push(erreur_saisie(
                    "nombre_attendu",
                    id,
                    format!("« {} » : nombre entier attendu", citer(&t)),
                    format!("`{}`: whole number expected", citer(&t)),
                    langue,
                ));
                None
            }
        }
    };
    let booleen = |id: &str, erreurs: &mut Vec<_>| -> Option<bool> {
        match texte(id)?.as_str() {
            "true" => Some(true),
            "false" => Some(false),
            autre => {
                erreurs.push(erreur_saisie(
                    "oui_non_attendu",
                    id,
                    format!("« {} » : oui ou non attendu", citer(autre)),
                    format!("`{}`: yes or no expected", citer(autre)),
                    langue,
                ));
                None
            }
        }
    };
    s.signature_date = texte(ids::SIGNATURE_DATE);
    s.specialty = texte(ids::SPECIALTY);
    s.sector = texte(ids::SECTOR);
    s.zone = texte(ids::ZONE);
    s.practice = texte(ids::PRACTICE);
    s.percentile_band = texte(ids::PERCENTILE_BAND);
    s.coordinated = booleen(ids::COORDINATED, &mut erreurs);
    s.patientele_mt = entier(ids::PATIENTELE_MT, &mut erreurs);
    s.file_active = entier(ids::FILE_ACTIVE, &mut erreurs);
    s.age = entier(ids::AGE, &mut erreurs);
    s.newly_installed = booleen(ids::NEWLY_INSTALLED, &mut erreurs);
    s.ald_or_rqth = booleen(ids::ALD_OR_RQTH, &mut erreurs);
    s.mep = booleen(ids::MEP, &mut erreurs);
    if let Some(t) = texte(ids::CLINICAL_FEE_SHARE) {
        match t.replace(',', ".").parse::<Decimal>() {
            Ok(p) if !p.is_sign_negative() && p <= Decimal::ONE_HUNDRED => {
                s.clinical_fee_share = Some((p / Decimal::ONE_HUNDRED).normalize().to_string())
            }
            _ => erreurs.push(erreur_saisie(
                "pourcentage_attendu",
                ids::CLINICAL_FEE_SHARE,
                format!("« {} » : pourcentage entre 0 et 100 attendu", citer(&t)),
                format!("`{}`: percentage between 0 and 100 expected", citer(&t)),
                langue,
            )),
        }
    }
    if booleen(ids::HAS_FULL_TIME_CONTRACT, &mut erreurs) == Some(true) {
        s.current_contract = Some(SaisieContrat {
            option: Some(Formule::Plein.code().to_owned()),
            start: texte(ids::CURRENT_START),
            objectives_reached: booleen(ids::OBJECTIVES_REACHED, &mut erreurs),
        });
    }
    (s, erreurs)
}

/// An engine error as a validation message, in the call's language.
fn message_de(e: Erreur, langue: Langue) -> MessageValidation {
    MessageValidation {
        code: e.code.as_str().to_string(),
        message: selon!(langue, e.message_fr, e.message_en),
    }
}

/// The first error of a question is kept (reading errors come first).
fn ajouter_erreur(
    erreurs: &mut Vec<(String, MessageValidation)>,
    id: String,
    e: Erreur,
    langue: Langue,
) {
    if !erreurs.iter().any(|(x, _)| *x == id) {
        erreurs.push((id, message_de(e, langue)));
    }
}

/// Removes a field from a raw input (to find the next validation error).
fn effacer(s: &mut Saisie, champ: &str) {
    match champ {
        "signature_date" => s.signature_date = None,
        "specialty" => s.specialty = None,
        "sector" => s.sector = None,
        "zone" => s.zone = None,
        "practice" => s.practice = None,
        "coordinated" => s.coordinated = None,
        "patientele_mt" => s.patientele_mt = None,
        "file_active" => s.file_active = None,
        "percentile_band" => s.percentile_band = None,
        "clinical_fee_share" => s.clinical_fee_share = None,
        "age" => s.age = None,
        "current_contract.start"
        | "current_contract.objectives_reached"
        | "current_contract.option"
        | "current_contract" => s.current_contract = None,
        _ => {}
    }
}

/// Question id for an error field of the engine.
fn question_de(champ: &str) -> &str {
    match champ {
        "current_contract.option" => ids::HAS_FULL_TIME_CONTRACT,
        autre => autre,
    }
}

/// The ordered questions for `reponses`. `aujourd_hui` pre-fills the signature date.
pub fn questionnaire(
    rules: &RuleSet,
    reponses: &Reponses,
    aujourd_hui: Option<NaiveDate>,
    langue: Langue,
) -> Questionnaire {
    let donnees = reponses;
    let mut reponses = reponses.clone();
    // Defaults an app pre-fills: today's date, general practice, sector 1, "no" to yes/no questions.
    let date = aujourd_hui.map(|d| d.to_string());
    // Texts borrowed, copied only where no answer is given (size: no array of owned strings).
    let defauts: [(&str, Option<&str>); 9] = [
        (ids::SIGNATURE_DATE, date.as_deref()),
        (ids::SPECIALTY, Some("01")),
        (ids::SECTOR, Some(Secteur::Secteur1.code())),
        (ids::NEWLY_INSTALLED, Some("false")),
        (ids::ALD_OR_RQTH, Some("false")),
        (ids::MEP, Some("false")),
        (ids::HAS_FULL_TIME_CONTRACT, Some("false")),
        (ids::COORDINATED, None),
        (ids::PRACTICE, None),
    ];
    for (id, d) in defauts {
        if let Some(d) = d {
            reponses
                .entry(id.to_owned())
                .or_insert_with(|| d.to_owned());
        }
    }
    let (mut saisie, erreurs_lecture) = vers_saisie(&reponses, langue);

    // Version and specialty, when already readable, decide which questions matter.
    let version = saisie
        .signature_date
        .as_deref()
        .and_then(|d| crate::situation::lire_date("signature_date", d).ok())
        .and_then(|d| rules.version_a(d, "signature_date").ok());
    let specialite = saisie
        .specialty
        .as_deref()
        .and_then(|c| rules.specialite(c).ok());
    let generaliste = specialite.is_some_and(|s| s.est_generaliste());
    let contrat_plein = reponses
        .get(ids::HAS_FULL_TIME_CONTRACT)
        .map(String::as_str)
        == Some("true");

    let mut visibles: Vec<&'static str> = vec![ids::SIGNATURE_DATE, ids::SPECIALTY, ids::SECTOR];
    // Codes 45 and 69 are referred to the CPAM with both readings: the clinical-fee share is
    // optional for them (it only matters when the surgery reading fails too).
    let part_facultative = matches!((version, specialite), (Some(v), Some(sp))
        if contient(rules, v, regles::SPECIALITES_INCERTAINES, &sp.code));
    if let (Some(v), Some(sp)) = (version, specialite) {
        if contient(rules, v, regles::GROUPES_PART_CLINIQUE, sp.group.as_str()) {
            visibles.push(ids::CLINICAL_FEE_SHARE);
        }
    }
    let second_assistant =
        version.is_some_and(|v| generaliste && vrai(rules, v, regles::SECOND_ASSISTANT_OUVERT));
    let zone_utile = version.is_some_and(|v| {
        vrai(rules, v, regles::PLEIN_ZONE_SOUS_DENSE_REQUISE)
            || vrai(rules, v, regles::EXERCICE_GROUPE_REQUIS)
    }) || (second_assistant && contrat_plein);
    if zone_utile {
        visibles.push(ids::ZONE);
    }
    if version.is_some_and(|v| vrai(rules, v, regles::EXERCICE_GROUPE_REQUIS)) {
        visibles.push(ids::PRACTICE);
    }
    if version.is_some_and(|v| vrai(rules, v, regles::EXERCICE_COORDONNE_REQUIS)) {
        visibles.push(ids::COORDINATED);
    }
    // The médecin-traitant patient list counts for GPs, and for paediatricians where the rules
    // give them a PMT objective too (S40, C).
    let pediatre = matches!((version, specialite), (Some(v), Some(sp))
        if !generaliste && contient(rules, v, regles::INDICATEURS_PEDIATRIE_SPECIALITES, &sp.code)
            && contient(rules, v, regles::INDICATEURS_PEDIATRIE, "pmt"));
    if generaliste || pediatre {
        visibles.push(ids::PATIENTELE_MT);
    }
    visibles.extend([ids::FILE_ACTIVE, ids::PERCENTILE_BAND, ids::NEWLY_INSTALLED]);
    if version.is_some_and(|v| {
        matches!(
            valeur(rules, v, regles::AGE_MAINTIEN_AGE_MIN),
            Some(Valeur::Nombre(_))
        )
    }) {
        visibles.push(ids::AGE);
    }
    visibles.push(ids::ALD_OR_RQTH);
    if second_assistant {
        visibles.extend([ids::MEP, ids::HAS_FULL_TIME_CONTRACT]);
        if contrat_plein {
            visibles.extend([ids::CURRENT_START, ids::OBJECTIVES_REACHED]);
        }
    }

    // Answers to questions that are not asked do not count.
    if !visibles.contains(&ids::HAS_FULL_TIME_CONTRACT) {
        saisie.current_contract = None;
        saisie.mep = None;
    }

    let mut requis: Vec<&str> = vec![ids::SIGNATURE_DATE, ids::SPECIALTY, ids::SECTOR];
    for id in [
        ids::CLINICAL_FEE_SHARE,
        ids::ZONE,
        ids::PRACTICE,
        ids::COORDINATED,
        ids::CURRENT_START,
        ids::OBJECTIVES_REACHED,
    ] {
        if visibles.contains(&id) && !(id == ids::CLINICAL_FEE_SHARE && part_facultative) {
            requis.push(id);
        }
    }
    // Other needs (the patient list of a GP, the band of a specialist, …) are found by running
    // the engine below: a question is required exactly when the answer depends on it.

    // Validation: reading errors first, then the engine's, field by field.
    // A short list by question id (each id once), not a B-tree: one B-tree type less (size).
    let mut erreurs: Vec<(String, MessageValidation)> = erreurs_lecture;
    let mut s = saisie.clone();
    for (id, _) in &erreurs {
        effacer(&mut s, id);
    }
    let manquant = requis
        .iter()
        .any(|id| reponses.get(*id).is_none_or(|v| v.trim().is_empty()));
    let mut complet = !manquant && erreurs.is_empty();
    let mut bloquante = None;
    for _ in 0..MODELES.len() {
        let resultat = s
            .valider()
            .and_then(|sit| evaluer(rules, &sit, langue).map(|_| ()));
        match resultat {
            Ok(()) => break,
            Err(e) => {
                complet = false;
                let Some(champ) = e.champ.clone() else {
                    bloquante = Some(message_de(e, langue));
                    break;
                };
                let q = question_de(&champ).to_owned();
                if e.code == CodeErreur::ChampRequis {
                    // The engine needs an answer the version makes necessary (e.g. the band).
                    if !requis.contains(&q.as_str()) {
                        if let Some(m) = MODELES.iter().find(|m| m.id == q) {
                            requis.push(m.id);
                            if !visibles.contains(&m.id) {
                                visibles.push(m.id);
                            }
                        }
                    }
                    if reponses.contains_key(&q) {
                        ajouter_erreur(&mut erreurs, q, e, langue);
                    }
                    break;
                }
                ajouter_erreur(&mut erreurs, q, e, langue);
                effacer(&mut s, &champ);
            }
        }
    }

    let questions = MODELES
        .iter()
        .filter(|m| visibles.contains(&m.id))
        .map(|m| {
            let bornes = bornes(m.id);
            Question {
                id: m.id.to_string(),
                kind: m.kind,
                label: m.label(langue).to_string(),
                // One call: `aide` inlined once, not once per language (size).
                help: aide(rules, version, m.help(langue), langue),
                required: requis.contains(&m.id),
                choices: choix(rules, m, langue),
                min: bornes.map(|b| b.0),
                max: bornes.map(|b| b.1),
                answer: reponses.get(m.id).cloned(),
                prefilled: reponses.contains_key(m.id) && !donnees.contains_key(m.id),
                error: erreurs
                    .iter()
                    .find(|(id, _)| id == m.id)
                    .map(|(_, x)| x.clone()),
            }
        })
        .collect::<Vec<_>>();
    let pending = questions
        .iter()
        .filter(|q| {
            q.error.is_some()
                || (q.required && q.answer.as_deref().is_none_or(|a| a.trim().is_empty()))
        })
        .map(|q| q.id.clone())
        .collect();
    Questionnaire {
        questions,
        complete: complet,
        pending,
        blocking_error: bloquante,
        rules_id: version.map(|v| v.id.clone()),
    }
}

fn bornes(id: &str) -> Option<(i64, i64)> {
    match id {
        ids::PATIENTELE_MT | ids::FILE_ACTIVE => Some((0, PATIENTS_MAX)),
        ids::AGE => Some((AGE_MIN, AGE_MAX)),
        ids::CLINICAL_FEE_SHARE => Some((0, 100)),
        _ => None,
    }
}

fn choix(rules: &RuleSet, m: &Modele, langue: Langue) -> Vec<Choix> {
    match m.id {
        ids::SPECIALTY => rules
            .specialites
            .iter()
            .map(|s| Choix {
                value: s.code.to_string(),
                label: selon!(langue, s.name.to_string(), s.name_en.to_string()),
            })
            .collect(),
        ids::SECTOR => choix_secteurs(langue),
        ids::ZONE => choix_codes(
            &mut Zone::TOUTES
                .iter()
                .map(|v| [v.code(), v.libelle_fr(), v.libelle_en()]),
            langue,
        ),
        ids::PRACTICE => choix_codes(
            &mut Exercice::TOUTES
                .iter()
                .map(|v| [v.code(), v.libelle_fr(), v.libelle_en()]),
            langue,
        ),
        ids::PERCENTILE_BAND => choix_tranches(langue),
        _ if m.kind == TypeQuestion::YesNo => oui_non(langue),
        _ => Vec::new(),
    }
}

/// The verdict, worded for the result screen (never colour-only: a symbol and a title).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Verdict {
    pub status: Statut,
    pub symbol: String,
    /// In the language of the call.
    pub title: String,
}

/// One cell of the options × years table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CelluleAide {
    pub year: i32,
    /// Euros, written as a decimal string ("19000.00"); apps format it with the fr_FR currency
    /// formatter.
    #[serde(with = "crate::money::option")]
    pub amount: Option<Decimal>,
    pub maximum: bool,
    /// The amount comes from a later version (running contract revalued).
    pub revalued: bool,
    pub rules_id: Texte,
}

/// One row of the table: an option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LigneFormule {
    pub option: Formule,
    /// In the language of the call.
    pub label: Texte,
    pub available: bool,
    /// In the language of the call.
    pub unavailable: Option<Texte>,
    pub cells: Vec<CelluleAide>,
    #[serde(with = "crate::money::option")]
    pub total: Option<Decimal>,
    /// In the language of the call.
    pub objective: Option<Texte>,
    pub objective_to_confirm: bool,
    /// In the language of the call.
    pub targets: Vec<String>,
    #[serde(serialize_with = "crate::rules::date::serialiser_option")]
    pub deadline: Option<NaiveDate>,
}

/// What the result screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueResultat {
    pub verdict: Verdict,
    pub rules: VersionAppliquee,
    pub reasons: Vec<Raison>,
    pub options: Vec<LigneFormule>,
    /// In the language of the call.
    pub second_assistant: Option<Texte>,
    pub caveats: Vec<Avertissement>,
    /// Ids of the notices of the version (rule data: `RuleSet::notices`).
    pub notices: Vec<Texte>,
    /// Ids of the references, sorted (resolved with `RuleSet::reference`).
    pub references: Vec<Texte>,
    /// In the language of the call.
    pub disclaimer: Texte,
}

/// The result view model for complete answers; an incomplete questionnaire is an error naming
/// the first question to answer or fix.
pub fn vue_resultat(
    rules: &RuleSet,
    reponses: &Reponses,
    aujourd_hui: Option<NaiveDate>,
    langue: Langue,
) -> Resultat<VueResultat> {
    let e = evaluer(
        rules,
        &situation(rules, reponses, aujourd_hui, langue)?,
        langue,
    )?;
    Ok(vue(e, langue))
}

/// The validated situation of complete answers (pre-filled defaults included), as the result
/// uses it: the app's other screens (net cost) start from the same situation.
pub fn situation(
    rules: &RuleSet,
    reponses: &Reponses,
    aujourd_hui: Option<NaiveDate>,
    langue: Langue,
) -> Resultat<crate::Situation> {
    let q = questionnaire(rules, reponses, aujourd_hui, langue);
    if !q.complete {
        // An error stays bilingual: its other text from the same questions in the other language.
        let autre = questionnaire(rules, reponses, aujourd_hui, langue.autre());
        let (fr, en) = selon!(langue, (&q, &autre), (&autre, &q));
        let premiere = fr
            .questions
            .iter()
            .zip(&en.questions)
            .find(|(x, _)| x.error.is_some() || (x.required && x.answer.is_none()));
        return Err(match premiere {
            Some((x, y)) => match (&x.error, &y.error) {
                (Some(e), Some(e_en)) => Erreur {
                    // Keep the answer's own code (hors_bornes…); the questionnaire's reading
                    // errors (nombre_attendu…) are unknown values for the engine.
                    code: CodeErreur::depuis_code(&e.code).unwrap_or(CodeErreur::ValeurInconnue),
                    champ: Some(x.id.to_owned()),
                    message_fr: e.message.clone(),
                    message_en: e_en.message.clone(),
                },
                _ => Erreur::champ_requis(&x.id, &x.label, &y.label),
            },
            None => Erreur::champ_requis(
                "signature_date",
                "questionnaire incomplet",
                "incomplete questionnaire",
            ),
        });
    }
    let mut reponses_completes = Reponses::new();
    for x in &q.questions {
        if let Some(a) = &x.answer {
            reponses_completes.insert(x.id.clone(), a.clone());
        }
    }
    let (saisie, _) = vers_saisie(&reponses_completes, langue);
    saisie.valider()
}

fn vue(e: Evaluation, langue: Langue) -> VueResultat {
    let (symbol, title_fr, title_en) = match e.eligibility.status {
        Statut::Eligible => ("✓", "Vous êtes éligible", "You are eligible"),
        Statut::NotEligible => ("✗", "Vous n'êtes pas éligible", "You are not eligible"),
        Statut::ReferToCpam => ("→", "À voir avec votre CPAM", "Contact your CPAM"),
    };
    let id_version = e.rules.id.clone();
    let options = e
        .options
        .iter()
        .map(|o| {
            let obj = o.objective.as_ref();
            let cible = |fr: bool| -> Vec<String> {
                obj.map(|ob| {
                    ob.indicators
                        .iter()
                        .map(|c| {
                            let nom = if fr {
                                c.indicator.libelle_fr()
                            } else {
                                c.indicator.libelle_en()
                            };
                            let depart =
                                c.baseline.map_or_else(|| "?".to_owned(), |b| b.to_string());
                            let arrivee = c.target.map_or_else(
                                || {
                                    if fr {
                                        "à confirmer".to_owned()
                                    } else {
                                        "to confirm".to_owned()
                                    }
                                },
                                |t| t.to_string(),
                            );
                            format!("{nom} : {depart} → {arrivee}")
                        })
                        .collect()
                })
                .unwrap_or_default()
            };
            LigneFormule {
                option: o.option,
                label: o.label.clone(),
                available: o.available,
                unavailable: o.unavailable_reasons.first().map(|r| r.message.texte()),
                cells: o
                    .aid
                    .iter()
                    .map(|a| CelluleAide {
                        year: a.year,
                        amount: a.amount,
                        maximum: a.maximum,
                        revalued: a.rules_id != id_version,
                        rules_id: a.rules_id.clone(),
                    })
                    .collect(),
                total: o.total,
                objective: obj.map(|x| x.message.texte()),
                objective_to_confirm: obj.is_some_and(|x| x.status == StatutObjectif::ToConfirm),
                // One call (one inlined copy of `cible`), English punctuation after.
                targets: {
                    let mut c = cible(langue == Langue::Fr);
                    if langue == Langue::En {
                        for l in &mut c {
                            *l = l.replace(" : ", ": ");
                        }
                    }
                    c
                },
                deadline: obj.and_then(|x| x.deadline),
            }
        })
        .collect();
    let second_assistant = e.second_assistant.as_ref().map(|sa| {
        if sa.status != StatutSecondAssistant::NotEligible {
            return sa.message.texte();
        }
        // The message, a space, then each unmet condition, space-separated.
        let mut texte = sa.message.to_string();
        texte.push(' ');
        for (i, c) in sa.conditions.iter().filter(|c| !c.satisfied).enumerate() {
            if i > 0 {
                texte.push(' ');
            }
            texte.push_str(&c.message.texte());
        }
        Texte::from(texte)
    });
    VueResultat {
        verdict: Verdict {
            status: e.eligibility.status,
            symbol: symbol.to_string(),
            title: selon!(langue, title_fr, title_en).to_string(),
        },
        rules: e.rules,
        reasons: e.eligibility.reasons,
        options,
        second_assistant,
        caveats: e.caveats,
        notices: e.notices.into(),
        references: e.references.into(),
        disclaimer: e.disclaimer,
    }
}
