//! Following a running contract (« Mon contrat »): the objective the CPAM wrote in the contract,
//! the counts the doctor measured, and what they mean on a given date — the contract year, the
//! progress of each indicator, whether the objective is met under the rule of the contract's
//! version, when it is assessed, and the outlook of every year-3+ amount.
//!
//! The rule (both indicators, or one of the two) and the year from which the objective is
//! assessed are rule data (`objectif.une_cible_suffit`,
//! `objectif.evaluation.annee_debut`), read through the tracing reader. The evaluation date is
//! always given by the caller: the core never reads the clock.
//!
//! Where the modulation of year-3+ amounts is concerned the formula is not published (§5.5 of
//! the reference): an unmet objective gives « modulé, formule non publiée », and the usual
//! reading `maximum × min(1, gained ÷ required)` is shown labelled as an assumption, grade C.

pub mod ecran;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::amounts;
use crate::assessment::{
    avertissements_donnees, avertissements_metier, grade_ligne, VersionAppliquee,
};
use crate::error::{Erreur, Resultat};
use crate::explain::{Avertissement, AVIS_EN, AVIS_FR};
use crate::money;
use crate::objectives::{self, Indicateur};
use crate::percentile::{self, Positionnement};
use crate::provenance::{pire, Lecteur};
use crate::rules::citations::Recueil;
use crate::rules::ids;
use crate::rules::{Grade, RuleSet};
use crate::situation::{lire_date, Formule, Secteur, Situation, Tranche, PATIENTS_MAX};
use crate::texte::Texte;
use crate::timeline::{self, debut_annee, fin_annee};
use crate::Langue;

/// Most measurements a saved contract may hold (one a week for 5 years is 261): beyond, the
/// input is not a doctor's record and is refused rather than processed.
pub const MESURES_MAX: usize = 1_000;

/// Bounds of a contract document (strict reading, `crate::json`): room for `MESURES_MAX`
/// measurements, no more.
const LIMITES_SUIVI: crate::json::Limites = crate::json::Limites {
    octets: 256 * 1024,
    chaine: crate::situation::TEXTE_MAX,
    elements: MESURES_MAX + 1,
    profondeur: 4,
};
/// Largest saved form accepted by `relire`, in bytes.
pub const ENREGISTREMENT_TAILLE_MAX: usize = 1 << 20;

/// Short JSON code of an indicator in the tracking contract: `pmt` or `fa`.
pub fn code_indicateur(i: Indicateur) -> &'static str {
    match i {
        Indicateur::Pmt => "pmt",
        Indicateur::Fa => "fa",
    }
}

fn indicateur_de_code(code: &str) -> Resultat<Indicateur> {
    match code {
        "pmt" => Ok(Indicateur::Pmt),
        "fa" => Ok(Indicateur::Fa),
        autre => Err(Erreur::regles_invalides(format!(
            "indicateur inconnu / unknown indicator `{autre}`"
        ))),
    }
}

mod serde_indicateur {
    use super::*;
    pub fn serialize<S: serde::Serializer>(i: &Indicateur, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(code_indicateur(*i))
    }
}

fn champ_base(i: Indicateur) -> &'static str {
    match i {
        Indicateur::Pmt => "baseline_pmt",
        Indicateur::Fa => "baseline_fa",
    }
}

fn champ_cible(i: Indicateur) -> &'static str {
    match i {
        Indicateur::Pmt => "target_pmt",
        Indicateur::Fa => "target_fa",
    }
}

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/// One measurement as entered: the counts read on a date (amelipro, the practice software).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaisieMesure {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pmt: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fa: Option<i64>,
}

/// A contract and its measurements as entered: everything optional, nothing trusted. This is
/// also the JSON document of `assistmed track --input` and the body of the saved form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaisieSuivi {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialty: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// Contract start; the signature date when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentile_band: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_pmt: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_pmt: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_fa: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_fa: Option<i64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measurements: Vec<SaisieMesure>,
}

/// The objective on one indicator, as the CPAM set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ObjectifContrat {
    #[serde(with = "serde_indicateur")]
    pub indicator: Indicateur,
    pub baseline: i32,
    /// absent: to prefill from the published grid (2019), or required from the doctor.
    pub target: Option<i32>,
}

/// Counts read on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Mesure {
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub date: NaiveDate,
    pub pmt: Option<i32>,
    pub fa: Option<i32>,
}

impl Mesure {
    pub fn valeur(&self, i: Indicateur) -> Option<i32> {
        match i {
            Indicateur::Pmt => self.pmt,
            Indicateur::Fa => self.fa,
        }
    }
}

/// A validated contract with its measurements (in the order entered).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ContratSuivi {
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub signature_date: NaiveDate,
    pub specialty: String,
    pub sector: Secteur,
    pub option: Formule,
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub start: NaiveDate,
    pub percentile_band: Option<Tranche>,
    pub objectives: Vec<ObjectifContrat>,
    pub measurements: Vec<Mesure>,
}

fn requis<T>(champ: &str, v: Option<T>) -> Resultat<T> {
    v.ok_or_else(|| {
        Erreur::champ_requis(
            champ,
            "il décrit le contrat suivi",
            "it describes the tracked contract",
        )
    })
}

fn compte(champ: &str, n: Option<i64>) -> Resultat<Option<i32>> {
    match n {
        None => Ok(None),
        Some(n) => i32::try_from(n)
            .ok()
            .filter(|&v| v >= 0 && i64::from(v) <= PATIENTS_MAX)
            .map(Some)
            .ok_or_else(|| Erreur::hors_bornes(champ, n, 0, PATIENTS_MAX)),
    }
}

impl SaisieSuivi {
    /// Parses the JSON document (an object; unknown fields are refused).
    pub fn depuis_json(texte: &str) -> Resultat<SaisieSuivi> {
        crate::json::lire_type(texte, LIMITES_SUIVI)
    }

    /// Validates what does not depend on the rules: dates, codes, counts, target above baseline.
    pub fn valider(&self) -> Resultat<ContratSuivi> {
        let signature_date = lire_date(
            "signature_date",
            requis("signature_date", self.signature_date.as_deref())?,
        )?;
        let specialty = requis("specialty", self.specialty.as_deref())?
            .trim()
            .to_owned();
        let sector = Secteur::depuis_code("sector", requis("sector", self.sector.as_deref())?)?;
        let option = Formule::depuis_code("option", requis("option", self.option.as_deref())?)?;
        let start = match self.start.as_deref() {
            Some(d) => lire_date("start", d)?,
            None => signature_date,
        };
        if start < signature_date {
            return Err(Erreur::incoherence(
                "start",
                format!("« start » : le contrat commence le {start}, avant sa signature le {signature_date} ; date attendue à partir du {signature_date}"),
                format!("`start`: the contract starts on {start}, before its signature on {signature_date}; expected a date on or after {signature_date}"),
            ));
        }
        let percentile_band = self
            .percentile_band
            .as_deref()
            .map(|t| Tranche::depuis_code("percentile_band", t))
            .transpose()?;
        let mut objectives = Vec::new();
        for (i, base, cible) in [
            (Indicateur::Pmt, self.baseline_pmt, self.target_pmt),
            (Indicateur::Fa, self.baseline_fa, self.target_fa),
        ] {
            let base = compte(champ_base(i), base)?;
            let cible = compte(champ_cible(i), cible)?;
            match (base, cible) {
                (None, None) => {}
                (None, Some(_)) => {
                    return Err(Erreur::champ_requis(
                        champ_base(i),
                        &format!(
                            "la cible de {} est donnée sans son point de départ",
                            i.libelle_fr()
                        ),
                        &format!(
                            "the target of the {} is given without its baseline",
                            i.libelle_en()
                        ),
                    ))
                }
                (Some(b), Some(c)) if c <= b => return Err(cible_trop_basse(i, b, c)),
                (Some(baseline), target) => objectives.push(ObjectifContrat {
                    indicator: i,
                    baseline,
                    target,
                }),
            }
        }
        if self.measurements.len() > MESURES_MAX {
            return Err(Erreur::hors_bornes(
                "measurements",
                format!("{} mesures / measurements", self.measurements.len()),
                0,
                MESURES_MAX,
            ));
        }
        let mut measurements: Vec<Mesure> = Vec::new();
        for (k, m) in self.measurements.iter().enumerate() {
            let champ = |x: &str| format!("measurements[{k}].{x}");
            let date = lire_date(
                &champ("date"),
                m.date.as_deref().ok_or_else(|| {
                    Erreur::champ_requis(
                        &champ("date"),
                        "date de la mesure (AAAA-MM-JJ)",
                        "date of the measurement (YYYY-MM-DD)",
                    )
                })?,
            )?;
            let mesure = Mesure {
                date,
                pmt: compte(&champ("pmt"), m.pmt)?,
                fa: compte(&champ("fa"), m.fa)?,
            };
            if mesure.pmt.is_none() && mesure.fa.is_none() {
                return Err(Erreur::champ_requis(
                    &champ("pmt"),
                    "une mesure donne au moins un compte (pmt ou fa)",
                    "a measurement gives at least one count (pmt or fa)",
                ));
            }
            for i in [Indicateur::Pmt, Indicateur::Fa] {
                if mesure.valeur(i).is_some() && !objectives.iter().any(|o| o.indicator == i) {
                    return Err(Erreur::incoherence(
                        &champ(code_indicateur(i)),
                        format!("« {} » : mesure de {} sans objectif ; indiquez « {} » et « {} », ou retirez la mesure", champ(code_indicateur(i)), i.libelle_fr(), champ_base(i), champ_cible(i)),
                        format!("`{}`: measurement of the {} without an objective; give `{}` and `{}`, or remove the measurement", champ(code_indicateur(i)), i.libelle_en(), champ_base(i), champ_cible(i)),
                    ));
                }
            }
            if measurements.iter().any(|x| x.date == date) {
                return Err(Erreur::incoherence(
                    &champ("date"),
                    format!("« {} » : deux mesures datées du {date} ; une seule mesure par date est attendue", champ("date")),
                    format!("`{}`: two measurements dated {date}; one measurement per date is expected", champ("date")),
                ));
            }
            measurements.push(mesure);
        }
        Ok(ContratSuivi {
            signature_date,
            specialty,
            sector,
            option,
            start,
            percentile_band,
            objectives,
            measurements,
        })
    }
}

fn cible_trop_basse(i: Indicateur, base: i32, cible: i32) -> Erreur {
    let min = base.saturating_add(1);
    Erreur::incoherence(
        champ_cible(i),
        format!(
            "« {} » vaut {cible}, pas au-dessus du point de départ {base} : valeur attendue entre {min} et {PATIENTS_MAX} (un objectif de maintien ne se suit pas ici : voyez-le avec votre CPAM)",
            champ_cible(i)
        ),
        format!(
            "`{}` is {cible}, not above the baseline {base}: expected a value between {min} and {PATIENTS_MAX} (a keep-the-level objective is not followed here: see your CPAM)",
            champ_cible(i)
        ),
    )
}

impl ContratSuivi {
    /// Reads and validates a JSON contract document in one step.
    pub fn depuis_json(texte: &str) -> Resultat<ContratSuivi> {
        SaisieSuivi::depuis_json(texte)?.valider()
    }

    /// Checks a contract built by a program (an app, through the SDK) as if it had been typed.
    pub fn verifier(&self) -> Resultat<ContratSuivi> {
        self.saisie().valider()
    }

    /// The same contract as raw input (what the saved form and the CLI's `--input` hold).
    pub fn saisie(&self) -> SaisieSuivi {
        let obj = |i: Indicateur| self.objectives.iter().find(|o| o.indicator == i);
        SaisieSuivi {
            signature_date: Some(self.signature_date.to_string()),
            specialty: Some(self.specialty.clone()),
            sector: Some(self.sector.code().to_owned()),
            option: Some(self.option.code().to_owned()),
            start: Some(self.start.to_string()),
            percentile_band: self.percentile_band.map(|t| t.code().to_owned()),
            baseline_pmt: obj(Indicateur::Pmt).map(|o| i64::from(o.baseline)),
            target_pmt: obj(Indicateur::Pmt).and_then(|o| o.target.map(i64::from)),
            baseline_fa: obj(Indicateur::Fa).map(|o| i64::from(o.baseline)),
            target_fa: obj(Indicateur::Fa).and_then(|o| o.target.map(i64::from)),
            measurements: self
                .measurements
                .iter()
                .map(|m| SaisieMesure {
                    date: Some(m.date.to_string()),
                    pmt: m.pmt.map(i64::from),
                    fa: m.fa.map(i64::from),
                })
                .collect(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Saved form
// ---------------------------------------------------------------------------------------------

const FORMAT: &str = "assistmed-suivi";
const FORMAT_VERSION: i32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Enregistrement {
    format: String,
    version: i32,
    contract: SaisieSuivi,
}

/// The saved form of a contract and its measurements: UTF-8 JSON the apps store as opaque bytes
/// on the device and hand back to `relire`. Nothing in it depends on the rules in force.
pub fn enregistrer(c: &ContratSuivi) -> Resultat<String> {
    serde_json::to_string(&Enregistrement {
        format: FORMAT.to_owned(),
        version: FORMAT_VERSION,
        contract: c.saisie(),
    })
    .map_err(Erreur::json_invalide)
}

/// Reads back what `enregistrer` wrote, validating it again (a file edited or truncated on
/// the device gives a typed error, never a half-read contract).
pub fn relire(texte: &str) -> Resultat<ContratSuivi> {
    // Strict reading (size first, duplicate keys refused), one level deeper than a contract.
    let limites = crate::json::Limites {
        octets: ENREGISTREMENT_TAILLE_MAX,
        profondeur: LIMITES_SUIVI.profondeur + 1,
        ..LIMITES_SUIVI
    };
    let e: Enregistrement = crate::json::lire_type(texte, limites)?;
    if e.format != FORMAT || e.version != FORMAT_VERSION {
        return Err(Erreur::json_invalide(format!(
            "format « {} » version {} : « {FORMAT} » version {FORMAT_VERSION} attendu / unsupported saved-contract format",
            e.format, e.version
        )));
    }
    e.contract.valider()
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/// How the objective is met under the contract's version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RegleAtteinte {
    /// Every indicator of the objective must reach its target (avenant 7).
    Both,
    /// One indicator reaching its target is enough (from 2023-05-01).
    OneOfTwo,
}

impl RegleAtteinte {
    pub fn code(self) -> &'static str {
        match self {
            RegleAtteinte::Both => "both",
            RegleAtteinte::OneOfTwo => "one_of_two",
        }
    }
}

/// Where a target comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SourceCible {
    /// Written in the contract, entered by the doctor.
    Contract,
    /// Prefilled from the published grid (2019), to check against the contract.
    Grid,
}

/// One indicator on the evaluation date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SuiviIndicateur {
    #[serde(with = "serde_indicateur")]
    pub indicator: Indicateur,
    pub baseline: i32,
    pub target: i32,
    pub target_source: SourceCible,
    pub target_confidence: Grade,
    /// The latest count measured on or before the evaluation date (absent: not measured yet).
    pub current: Option<i32>,
    #[serde(serialize_with = "crate::rules::date::serialiser_option")]
    pub measured_on: Option<NaiveDate>,
    pub gained: Option<i64>,
    pub required: i32,
    /// (current − baseline) ÷ (target − baseline), exact decimal (negative below the baseline).
    #[serde(with = "money::taux_option")]
    pub progress: Option<Decimal>,
    pub reached: bool,
}

/// When the objective is assessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EvaluationObjectif {
    /// Contract year from which the objective is assessed (absent: not published).
    pub from_year: Option<i32>,
    #[serde(serialize_with = "crate::rules::date::serialiser_option")]
    pub from_date: Option<NaiveDate>,
    /// Whether the evaluation date falls in that year or later.
    pub assessed: bool,
    /// Last day to reach the objective, where the version publishes it (2019: end of year 3).
    #[serde(serialize_with = "crate::rules::date::serialiser_option")]
    pub deadline: Option<NaiveDate>,
    /// The weakest grade of the evaluation year and of the deadline.
    pub confidence: Grade,
    pub references: Vec<Texte>,
}

/// Where a contract year stands relative to the evaluation date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Periode {
    Past,
    Current,
    Future,
}

/// What the objective's reading means for a year-3+ amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum IssueAide {
    /// Objective met: the maximum.
    Maximum,
    /// Objective not met: modulated, by a formula that is not published.
    Modulated,
}

/// The outlook of one year-3+ amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PerspectiveAide {
    pub year: i32,
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub start: NaiveDate,
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub end: NaiveDate,
    pub rules_id: Texte,
    /// That year's maximum aid, from the band's row (revalued for running contracts).
    #[serde(with = "money::option")]
    pub maximum_amount: Option<Decimal>,
    /// Confidence of `maximum_amount`.
    pub confidence: Grade,
    pub period: Periode,
    pub outcome: IssueAide,
    /// The usual reading `maximum × min(1, gained ÷ required)` (an assumption, grade C), rounded
    /// to the cent; only when the objective is not met and the progress is known.
    #[serde(with = "money::option")]
    pub usual_reading_amount: Option<Decimal>,
    pub usual_reading_confidence: Option<Grade>,
}

/// The contract on the evaluation date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Suivi {
    pub rules: VersionAppliquee,
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub on: NaiveDate,
    pub option: Formule,
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub signature_date: NaiveDate,
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub start: NaiveDate,
    /// Last day of the contract.
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub end: NaiveDate,
    pub contract_year: i32,
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub year_start: NaiveDate,
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub year_end: NaiveDate,
    pub percentile: Positionnement,
    pub indicators: Vec<SuiviIndicateur>,
    /// The specialty's indicators that the contract document does not follow (one of the two
    /// is enough, so the other may be left out).
    #[serde(serialize_with = "codes_indicateurs")]
    pub unfollowed_indicators: Vec<Indicateur>,
    pub met: bool,
    pub met_confidence: Grade,
    pub rule: RegleAtteinte,
    pub rule_confidence: Grade,
    pub rule_references: Vec<Texte>,
    pub assessment: EvaluationObjectif,
    pub aid_outlook: Vec<PerspectiveAide>,
    pub caveats: Vec<Avertissement>,
    /// Ids of the references, sorted (resolved with `RuleSet::reference`).
    pub references: Vec<Texte>,
    /// In the language of the call.
    pub disclaimer: Texte,
}

fn codes_indicateurs<S: serde::Serializer>(v: &[Indicateur], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|i| code_indicateur(*i)))
}

/// Renames the fields of errors raised by reused code (`percentile`, `objectives`) to the
/// tracking document's names.
fn renommer(mut e: Erreur) -> Erreur {
    e.champ = e.champ.map(|c| match c.as_str() {
        "patientele_mt" => "baseline_pmt".to_owned(),
        "file_active" => "baseline_fa".to_owned(),
        _ => c,
    });
    e
}

fn indicateurs_specialite(
    l: &mut Lecteur<'_>,
    generaliste: bool,
) -> Resultat<(Vec<Indicateur>, Grade)> {
    let id = if generaliste {
        ids::INDICATEURS_GENERALISTE
    } else {
        ids::INDICATEURS_SPECIALISTE
    };
    let lu = l.codes(id)?;
    let liste = lu
        .valeur
        .unwrap_or_default()
        .iter()
        .map(|c| indicateur_de_code(c))
        .collect::<Resultat<Vec<_>>>()?;
    Ok((liste, lu.grade))
}

fn noms(v: &[Indicateur], fr: bool) -> String {
    v.iter()
        .map(|i| if fr { i.libelle_fr() } else { i.libelle_en() })
        .collect::<Vec<_>>()
        .join(if fr { " et " } else { " and " })
}

/// The contract on date `on` (given by the caller; typically today).
pub fn suivre(rules: &RuleSet, c: &ContratSuivi, on: NaiveDate, langue: Langue) -> Resultat<Suivi> {
    let version = rules.version_a(c.signature_date, "signature_date")?;
    let spe = rules.specialite(&c.specialty)?;
    let mut l = Lecteur::new(rules, version);

    // A contract exists only for an admitted sector and an option open on its signature date.
    let secteurs = l.codes(ids::SECTEURS)?;
    if let Some(admis) = secteurs.valeur {
        if !admis.iter().any(|s| s == c.sector.code()) {
            return Err(Erreur::incoherence(
                "sector",
                format!("« sector » : aucun contrat n'est ouvert en {} sous « {} » ; secteurs attendus : {}", c.sector.libelle_fr(), version.id, admis.join(", ")),
                format!("`sector`: no contract is open in {} under `{}`; expected sectors: {}", c.sector.libelle_en(), version.id, admis.join(", ")),
            ));
        }
    }
    let ouverte = l.booleen(amounts::id_ouverture(c.option))?;
    if ouverte.valeur != Some(true) {
        return Err(Erreur::formule_indisponible(
            "option",
            format!("« option » : la formule {} n'est pas ouverte aux contrats signés sous « {} » (signature le {}) ; formule attendue parmi celles ouvertes à cette date", c.option.libelle_fr(), version.id, c.signature_date),
            format!("`option`: the {} option is not open to contracts signed under `{}` (signed on {}); expected an option open on that date", c.option.libelle_en(), version.id, c.signature_date),
        ));
    }

    let duree = l.nombre(ids::CONTRAT_DUREE_ANNEES)?;
    let nb_annees = duree
        .valeur
        .ok_or_else(|| Erreur::regles_invalides("contrat.duree_annees inconnue / unknown"))?;
    let fin = fin_annee(c.start, nb_annees)?;
    if on < c.start || on > fin {
        return Err(Erreur::hors_bornes("on", on, c.start, fin));
    }
    for (k, m) in c.measurements.iter().enumerate() {
        if m.date < c.start || m.date > on {
            return Err(Erreur::hors_bornes(
                &format!("measurements[{k}].date"),
                m.date,
                c.start,
                on,
            ));
        }
    }
    let mut contract_year = 1;
    for annee in 2..=nb_annees {
        if debut_annee(c.start, annee)? <= on {
            contract_year = annee;
        }
    }

    // Indicators of the objective and the rule of the version.
    let (inds, grade_inds) = indicateurs_specialite(&mut l, spe.est_generaliste())?;
    for o in &c.objectives {
        if !inds.contains(&o.indicator) {
            return Err(Erreur::incoherence(
                champ_base(o.indicator),
                format!("« {} » : la {} ne fait pas partie de l'objectif pour cette spécialité ; indicateurs attendus : {}", champ_base(o.indicator), o.indicator.libelle_fr(), noms(&inds, true)),
                format!("`{}`: the {} is not part of the objective for this specialty; expected indicators: {}", champ_base(o.indicator), o.indicator.libelle_en(), noms(&inds, false)),
            ));
        }
    }
    let id_regle = ids::OBJECTIF_UNE_CIBLE_SUFFIT;
    let lu_regle = l.booleen(id_regle)?;
    // A rule not published reads as the stricter one (both), flagged GAP by the data caveats.
    let rule = if lu_regle.valeur == Some(true) {
        RegleAtteinte::OneOfTwo
    } else {
        RegleAtteinte::Both
    };
    let rule_confidence = lu_regle.grade;
    let rule_references = l.references(id_regle).to_vec();
    let suivis: Vec<Indicateur> = inds
        .iter()
        .copied()
        .filter(|i| c.objectives.iter().any(|o| o.indicator == *i))
        .collect();
    let manquants: Vec<Indicateur> = inds
        .iter()
        .copied()
        .filter(|i| !suivis.contains(i))
        .collect();
    let premier_manquant = manquants.first().copied();
    match (rule, premier_manquant, suivis.is_empty()) {
        (RegleAtteinte::Both, Some(i), _) => {
            return Err(Erreur::champ_requis(
                champ_base(i),
                &format!("la règle de ce contrat (« {} ») demande que la {} atteigne sa cible : donnez son point de départ, sa cible et sa mesure", version.id, noms(&inds, true)),
                &format!("the rule of this contract (`{}`) requires the {} to reach their targets: give its baseline, target and measurement", version.id, noms(&inds, false)),
            ));
        }
        (RegleAtteinte::OneOfTwo, Some(i), true) => {
            return Err(Erreur::champ_requis(
                champ_base(i),
                "au moins un indicateur de l'objectif est à suivre (point de départ, cible, mesure)",
                "at least one indicator of the objective must be followed (baseline, target, measurement)",
            ));
        }
        _ => {}
    }

    // Band, row and timeline (with the 2024 transition of running contracts).
    let s = Situation {
        signature_date: c.signature_date,
        specialty: spe.code.clone(),
        sector: c.sector,
        mep: false,
        zone: None,
        practice: None,
        coordinated: None,
        patientele_mt: c
            .objectives
            .iter()
            .find(|o| o.indicator == Indicateur::Pmt)
            .map(|o| o.baseline),
        file_active: c
            .objectives
            .iter()
            .find(|o| o.indicator == Indicateur::Fa)
            .map(|o| o.baseline),
        percentile_band: c.percentile_band,
        clinical_fee_share: None,
        newly_installed: false,
        age: None,
        ald_or_rqth: false,
        current_contract: None,
    };
    let pos = percentile::determiner(&mut l, &s, spe).map_err(renommer)?;
    let ech = timeline::calculer(&mut l, c.option, c.start, pos.row, grade_ligne(&pos))?;

    // Targets: the contract's, or the published grid's (2019) where the doctor left one out.
    let grille = if c.objectives.iter().any(|o| o.target.is_none()) {
        Some(
            objectives::objectif(&mut l, &s, spe, c.option, &pos, c.start, langue)
                .map_err(renommer)?,
        )
    } else {
        None
    };
    let mut indicators = Vec::new();
    for &i in &suivis {
        let Some(o) = c.objectives.iter().find(|o| o.indicator == i) else {
            continue;
        };
        let (target, target_source, target_confidence) = match o.target {
            Some(t) => (t, SourceCible::Contract, Grade::A),
            None => {
                let pre = grille.as_ref().and_then(|g| {
                    g.indicators
                        .iter()
                        .find(|x| x.indicator == i)
                        .and_then(|x| x.target)
                        .map(|t| (t, g.target_confidence))
                });
                let Some((t, g)) = pre else {
                    return Err(Erreur::champ_requis(
                        champ_cible(i),
                        &format!("la grille publiée ne donne pas de cible pour ce contrat ({}, {}, « {} ») : indiquez la cible écrite dans votre contrat", c.option.libelle_fr(), pos.band.map_or("tranche inconnue", Tranche::libelle_fr), version.id),
                        &format!("the published grid gives no target for this contract ({}, {}, `{}`): give the target written in your contract", c.option.libelle_en(), pos.band.map_or("unknown band", Tranche::libelle_en), version.id),
                    ));
                };
                if t <= o.baseline {
                    return Err(cible_trop_basse(i, o.baseline, t));
                }
                (t, SourceCible::Grid, g)
            }
        };
        let derniere = c
            .measurements
            .iter()
            .filter_map(|m| m.valeur(i).map(|v| (m.date, v)))
            .max_by_key(|(d, _)| *d);
        let required = target - o.baseline;
        let gained = derniere.map(|(_, v)| i64::from(v) - i64::from(o.baseline));
        indicators.push(SuiviIndicateur {
            indicator: i,
            baseline: o.baseline,
            target,
            target_source,
            target_confidence,
            current: derniere.map(|(_, v)| v),
            measured_on: derniere.map(|(d, _)| d),
            gained,
            required,
            progress: gained.map(|g| Decimal::from(g) / Decimal::from(required)),
            reached: derniere.is_some_and(|(_, v)| v >= target),
        });
    }
    let met = match rule {
        RegleAtteinte::Both => indicators.iter().all(|x| x.reached),
        RegleAtteinte::OneOfTwo => indicators.iter().any(|x| x.reached),
    };
    let met_confidence = pire(
        [rule_confidence, grade_inds]
            .into_iter()
            .chain(indicators.iter().map(|x| x.target_confidence)),
    );

    // When the objective is assessed, and its deadline where published.
    let id_eval = ids::OBJECTIF_EVALUATION_ANNEE_DEBUT;
    let eval = l.nombre(id_eval)?;
    let echeance = l.nombre(ids::OBJECTIF_ECHEANCE_ANNEES)?;
    let mut refs_eval = l.references(id_eval).to_vec();
    // The deadline's grade is the assessment's (2019: « reached within 3 years », C), not the
    // targets': a figure carries the grades it rests on.
    let (deadline, confidence) = match echeance.valeur {
        Some(n) => {
            refs_eval.extend(l.references(ids::OBJECTIF_ECHEANCE_ANNEES).iter().cloned());
            (
                Some(fin_annee(c.start, n)?),
                pire([eval.grade, echeance.grade]),
            )
        }
        None => (None, eval.grade),
    };
    let assessment = EvaluationObjectif {
        from_year: eval.valeur,
        from_date: eval.valeur.map(|n| debut_annee(c.start, n)).transpose()?,
        assessed: eval.valeur.is_some_and(|n| contract_year >= n),
        deadline,
        confidence,
        references: Recueil::new(l.rules)
            .citer(&refs_eval)
            .dans_l_ordre_cite()
            .into(),
    };

    // The outlook of every year-3+ amount. The usual reading takes the weakest indicator when
    // both are required, the best when one is enough; a loss counts as nothing gained.
    let ratios = indicators.iter().filter_map(|x| x.progress);
    let ratio = match rule {
        RegleAtteinte::Both if indicators.iter().any(|x| x.progress.is_none()) => None,
        RegleAtteinte::Both => ratios.min(),
        RegleAtteinte::OneOfTwo => ratios.max(),
    }
    .map(|r| r.clamp(Decimal::ZERO, Decimal::ONE));
    let aid_outlook: Vec<PerspectiveAide> = ech
        .years
        .iter()
        .filter(|a| a.maximum)
        .map(|a| {
            let period = match a.year.cmp(&contract_year) {
                std::cmp::Ordering::Less => Periode::Past,
                std::cmp::Ordering::Equal => Periode::Current,
                std::cmp::Ordering::Greater => Periode::Future,
            };
            let (outcome, usual, usual_grade) = if met {
                (IssueAide::Maximum, None, None)
            } else {
                let usual = a.amount.zip(ratio).map(|(m, r)| {
                    (m * r).round_dp_with_strategy(2, RoundingStrategy::MidpointNearestEven)
                });
                (
                    IssueAide::Modulated,
                    usual,
                    usual.map(|_| pire([Grade::C, a.confidence, met_confidence])),
                )
            };
            PerspectiveAide {
                year: a.year,
                start: a.start,
                end: a.end,
                rules_id: a.rules_id.clone(),
                maximum_amount: a.amount,
                confidence: a.confidence,
                period,
                outcome,
                usual_reading_amount: usual,
                usual_reading_confidence: usual_grade,
            }
        })
        .collect();

    // Caveats: the shape of the amounts, the reading of this contract, the weak values used.
    let mut caveats = Vec::with_capacity(4);
    avertissements_metier(rules, version, &ech.years, Some(&pos), langue, &mut caveats);
    let refs_modulation = l.references(ids::MODULATION_ANNEE_DEBUT).to_vec();
    if aid_outlook
        .iter()
        .any(|p| p.outcome == IssueAide::Modulated)
    {
        caveats.push(Avertissement::nouveau(
            "modulation_lecture_usuelle",
            Grade::C, selon!(langue, "Objectif non atteint à cette date : l'aide de la 3e année et des suivantes est modulée, selon une formule non publiée. Le montant « lecture usuelle », maximum × min(1, patients gagnés ÷ patients demandés), est une hypothèse (grade C), pas un montant officiel.", "Objective not met on this date: the aid from year 3 is modulated, by a formula that is not published. The \"usual reading\" amount, maximum × min(1, patients gained ÷ patients required), is an assumption (grade C), not an official amount."),
            refs_modulation.clone().into(),
        ));
    }
    if indicators
        .iter()
        .any(|x| x.target_source == SourceCible::Grid)
    {
        let g = pire(
            indicators
                .iter()
                .filter(|x| x.target_source == SourceCible::Grid)
                .map(|x| x.target_confidence),
        );
        let refs = grille
            .as_ref()
            .map(|o| o.references.clone())
            .unwrap_or_else(|| version.references.clone().into());
        caveats.push(Avertissement::nouveau(
            "cible_pre_remplie",
            g, selon!(langue, "Cible pré-remplie d'après la grille publiée : vérifiez-la sur votre contrat, c'est la cible écrite par la CPAM qui compte.", "Target prefilled from the published grid: check it against your contract; the target the CPAM wrote is the one that counts."),
            refs,
        ));
    }
    if !manquants.is_empty() {
        caveats.push(Avertissement::nouveau(
            "indicateur_non_suivi",
            rule_confidence, selon!(langue, format!("La {} n'est pas suivie ici : une des deux cibles suffit, donc si elle atteint la sienne, l'objectif est atteint.", noms(&manquants, true)), format!("The {} is not followed here: one of the two targets is enough, so if it reaches its own, the objective is met.", noms(&manquants, false))),
            rule_references.clone().into(),
        ));
    }
    if indicators.iter().any(|x| x.current.is_none()) {
        caveats.push(Avertissement::nouveau(
            "mesure_manquante",
            Grade::A,
            selon!(
                langue,
                "Un indicateur n'a pas encore de mesure : sa progression est inconnue.",
                "An indicator has no measurement yet: its progress is unknown."
            ),
            version.references.clone().into(),
        ));
    }
    avertissements_donnees(rules, &l.usages, langue, &mut caveats);

    let mut cites = Recueil::pour_trier(rules);
    cites
        .citer_version(version)
        .citer(&rule_references)
        .citer(&assessment.references);
    for c in &caveats {
        cites.ajouter(&c.references);
    }
    let references = cites.triees().into();

    Ok(Suivi {
        rules: VersionAppliquee::new(rules, version, langue),
        on,
        option: c.option,
        signature_date: c.signature_date,
        start: c.start,
        end: fin,
        contract_year,
        year_start: debut_annee(c.start, contract_year)?,
        year_end: fin_annee(c.start, contract_year)?,
        percentile: pos,
        indicators,
        unfollowed_indicators: manquants,
        met,
        met_confidence,
        rule,
        rule_confidence,
        rule_references,
        assessment,
        aid_outlook,
        caveats,
        references,
        disclaimer: selon!(langue, AVIS_FR, AVIS_EN).into(),
    })
}
