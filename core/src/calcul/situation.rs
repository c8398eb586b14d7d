//! Inputs: the doctor's situation, read from JSON or flags, validated into typed values.
//!
//! Reading goes through [`Saisie`] (everything optional, raw) so that every bad value becomes a
//! typed [`Erreur`] naming the field and the expected range, never a serde message or a panic.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Erreur, Resultat};
use crate::texte::Texte;

/// Largest patient count accepted: beyond, the input is absurd (the busiest GPs have ~5 000).
pub const PATIENTS_MAX: i64 = 20_000;
/// Accepted age range for a practising doctor.
pub const AGE_MIN: i64 = 20;
pub const AGE_MAX: i64 = 100;
// The accepted calendar range of every date (input bounds, not rule dates), defined beside the
// rule data, whose dates must fall inside it too.
pub use crate::rules::{DATE_MAX, DATE_MIN};
const ANNEE_MIN: i32 = 2000;
const ANNEE_MAX: i32 = 2099;
/// Longest text field of a situation, in characters (the longest code is 18).
pub const TEXTE_MAX: usize = 200;
/// Bounds of a situation document (`--input`, `situation_from_json`, `assess_json`).
pub const LIMITES_JSON: crate::json::Limites = crate::json::Limites {
    octets: 64 * 1024,
    chaine: TEXTE_MAX,
    elements: 64,
    profondeur: 4,
};

/// Declares a closed list of domain values with their stable codes and French/English labels.
macro_rules! valeurs_codees {
    ($(#[$m:meta])* $nom:ident, $champ:literal { $($var:ident => $code:literal, $fr:literal, $en:literal;)+ }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
        pub enum $nom { $(#[serde(rename = $code)] $var,)+ }

        impl $nom {
            pub const TOUTES: &'static [$nom] = &[$($nom::$var,)+];
            /// The JSON field these values belong to.
            pub const CHAMP: &'static str = $champ;

            pub fn code(self) -> &'static str { match self { $($nom::$var => $code,)+ } }
            pub fn libelle_fr(self) -> &'static str { match self { $($nom::$var => $fr,)+ } }
            pub fn libelle_en(self) -> &'static str { match self { $($nom::$var => $en,)+ } }

            /// Reads a code; an unknown one is an error naming `champ` and the accepted codes.
            pub fn depuis_code(champ: &str, code: &str) -> Resultat<Self> {
                match code {
                    $($code => Ok($nom::$var),)+
                    autre => Err(Erreur::valeur_inconnue(champ, autre, &[$($code),+].join(", "))),
                }
            }
        }
    };
}

valeurs_codees!(
    /// Conventional sector of the doctor.
    Secteur, "sector" {
        Secteur1 => "secteur_1", "secteur 1", "sector 1";
        Secteur2Optam => "secteur_2_optam", "secteur 2 avec OPTAM", "sector 2 with OPTAM";
        Secteur2OptamCo => "secteur_2_optam_co", "secteur 2 avec OPTAM-CO", "sector 2 with OPTAM-CO";
        Secteur2 => "secteur_2", "secteur 2 sans option de pratique tarifaire maîtrisée", "sector 2 without fee-control option";
        NonConventionne => "non_conventionne", "non conventionné", "outside the agreement";
    }
);

valeurs_codees!(
    /// Zone of the practice in the ARS doctor zoning.
    Zone, "zone" {
        Zip => "zip", "zone d'intervention prioritaire (ZIP)", "priority intervention zone (ZIP)";
        Zac => "zac", "zone d'action complémentaire (ZAC)", "complementary action zone (ZAC)";
        HorsZone => "hors_zone", "hors zone sous-dense", "outside under-served zones";
    }
);

valeurs_codees!(
    /// Practice setting.
    Exercice, "practice" {
        Solo => "solo", "exercice seul", "solo practice";
        Groupe => "groupe", "exercice regroupé (2 médecins ou plus, MSP, centre)", "group practice (2+ doctors, MSP, centre)";
    }
);

valeurs_codees!(
    /// Starting percentile band in the national distribution of the specialty.
    Tranche, "percentile_band" {
        SousP30 => "below_p30", "sous le P30", "below P30";
        P30P50 => "p30_p50", "entre P30 et P50", "P30 to P50";
        P50P70 => "p50_p70", "entre P50 et P70", "P50 to P70";
        P70P90 => "p70_p90", "entre P70 et P90", "P70 to P90";
        P90P95 => "p90_p95", "entre P90 et P95", "P90 to P95";
        P95Plus => "p95_plus", "au-delà du P95", "P95 and above";
    }
);

impl Tranche {
    /// Bands that can hold a contract (below P30 only newly installed doctors may sign).
    pub const AU_DESSUS_DU_P30: [Tranche; 5] = [
        Tranche::P30P50,
        Tranche::P50P70,
        Tranche::P70P90,
        Tranche::P90P95,
        Tranche::P95Plus,
    ];
}

valeurs_codees!(
    /// Contract option (assistant working time).
    Formule, "option" {
        Tiers => "tiers", "1/3 ETP", "1/3 FTE";
        Demi => "demi", "1/2 ETP", "1/2 FTE";
        Plein => "plein", "1 ETP", "1 FTE";
    }
);

/// The doctor's running contract, for the second-assistant question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ContratEnCours {
    pub option: Formule,
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub start: NaiveDate,
    pub objectives_reached: bool,
}

/// A validated situation. Field names are those of the JSON contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Situation {
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub signature_date: NaiveDate,
    /// A 2-digit Assurance Maladie code; a result echoes the rule data's own text of it, so that
    /// echoing the situation allocates nothing.
    pub specialty: Texte,
    pub sector: Secteur,
    pub mep: bool,
    pub zone: Option<Zone>,
    pub practice: Option<Exercice>,
    pub coordinated: Option<bool>,
    pub patientele_mt: Option<i32>,
    pub file_active: Option<i32>,
    pub percentile_band: Option<Tranche>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub clinical_fee_share: Option<Decimal>,
    pub newly_installed: bool,
    pub age: Option<i32>,
    pub ald_or_rqth: bool,
    pub current_contract: Option<ContratEnCours>,
}

/// Raw input, as typed by a person or sent by an app: everything optional, nothing trusted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Saisie {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialty: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mep: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinated: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patientele_mt: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_active: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentile_band: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinical_fee_share: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newly_installed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ald_or_rqth: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_contract: Option<SaisieContrat>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaisieContrat {
    #[serde(default)]
    pub option: Option<String>,
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub objectives_reached: Option<bool>,
}

/// Reads a calendar date `YYYY-MM-DD` between `DATE_MIN` and `DATE_MAX`.
pub fn lire_date(champ: &str, texte: &str) -> Resultat<NaiveDate> {
    // The library's one strict `YYYY-MM-DD` reader, then the years a contract can have.
    crate::rules::date::analyser(texte.trim())
        .ok()
        .filter(|d| (ANNEE_MIN..=ANNEE_MAX).contains(&d.year()))
        .ok_or_else(|| Erreur::date_invalide(champ, texte))
}

fn lire_compte(champ: &str, n: Option<i64>, min: i64, max: i64) -> Resultat<Option<i32>> {
    match n {
        None => Ok(None),
        Some(n) if n < min || n > max => Err(Erreur::hors_bornes(champ, n, min, max)),
        Some(n) => i32::try_from(n)
            .map(Some)
            .map_err(|_| Erreur::hors_bornes(champ, n, min, max)),
    }
}

/// The fields of a situation document, in the order of the JSON contract.
pub const CHAMPS: &[&str] = &[
    "signature_date",
    "specialty",
    "sector",
    "mep",
    "zone",
    "practice",
    "coordinated",
    "patientele_mt",
    "file_active",
    "percentile_band",
    "clinical_fee_share",
    "newly_installed",
    "age",
    "ald_or_rqth",
    "current_contract",
];
const CHAMPS_CONTRAT: &[&str] = &["option", "start", "objectives_reached"];

fn champ_inconnu(champ: &str, acceptes: &[&str]) -> Erreur {
    let c = crate::error::citer(champ);
    Erreur::json_champ(
        &c,
        format!(
            "« {c} » : champ inconnu ; champs acceptés : {}",
            acceptes.join(", ")
        ),
        format!(
            "`{c}`: unknown field; accepted fields: {}",
            acceptes.join(", ")
        ),
    )
}

fn type_faux(champ: &str, attendu_fr: &str, expected_en: &str, v: &serde_json::Value) -> Erreur {
    Erreur::json_champ(
        champ,
        format!(
            "« {champ} » : {attendu_fr} attendu, reçu {}",
            crate::json::nature_fr(v)
        ),
        format!(
            "`{champ}`: {expected_en} expected, got {}",
            crate::json::nature_en(v)
        ),
    )
}

fn json_texte(champ: &str, v: &serde_json::Value) -> Resultat<Option<String>> {
    match v {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::String(t) => Ok(Some(t.clone())),
        autre => Err(type_faux(champ, "un texte", "a string", autre)),
    }
}

fn json_booleen(champ: &str, v: &serde_json::Value) -> Resultat<Option<bool>> {
    match v {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::Bool(b) => Ok(Some(*b)),
        autre => Err(type_faux(champ, "true ou false", "true or false", autre)),
    }
}

fn json_entier(champ: &str, v: &serde_json::Value) -> Resultat<Option<i64>> {
    match v {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => Ok(Some(i)),
            // Above i64: out of every range, said with the number as written.
            (None, Some(u)) => Err(Erreur::nombre_invalide(
                champ,
                &u.to_string(),
                "nombre entier hors limites",
                "integer out of range",
            )),
            _ => Err(type_faux(champ, "un nombre entier", "an integer", v)),
        },
        autre => Err(type_faux(champ, "un nombre entier", "an integer", autre)),
    }
}

fn json_contrat(v: &serde_json::Value) -> Resultat<Option<SaisieContrat>> {
    let champ = "current_contract";
    let objet = match v {
        serde_json::Value::Null => return Ok(None),
        serde_json::Value::Object(o) => o,
        autre => {
            return Err(type_faux(
                champ,
                "un objet {option, start, objectives_reached}",
                "an object {option, start, objectives_reached}",
                autre,
            ))
        }
    };
    let mut c = SaisieContrat::default();
    for (cle, v) in objet {
        let nom = format!("{champ}.{cle}");
        match cle.as_str() {
            "option" => c.option = json_texte(&nom, v)?,
            "start" => c.start = json_texte(&nom, v)?,
            "objectives_reached" => c.objectives_reached = json_booleen(&nom, v)?,
            _ => return Err(champ_inconnu(&nom, CHAMPS_CONTRAT)),
        }
    }
    Ok(Some(c))
}

/// Reads an integer typed as text (a command-line flag): `[-]digits`, nothing else; the range
/// is checked with the situation.
pub fn lire_entier(champ: &str, texte: &str) -> Resultat<i64> {
    let corps = texte.strip_prefix('-').unwrap_or(texte);
    if corps.is_empty() || !corps.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Erreur::nombre_invalide(
            champ,
            texte,
            "nombre entier attendu (chiffres seulement, sans espace ni séparateur)",
            "integer expected (digits only, no space or separator)",
        ));
    }
    // More digits than an i64 holds is out of every range, said with the number as written.
    texte.parse::<i64>().map_err(|_| {
        Erreur::nombre_invalide(
            champ,
            texte,
            "nombre entier hors limites",
            "integer out of range",
        )
    })
}

/// Reads `true` or `false` typed as text (a command-line flag).
pub fn lire_booleen(champ: &str, texte: &str) -> Resultat<bool> {
    match texte {
        "true" => Ok(true),
        "false" => Ok(false),
        autre => Err(Erreur::valeur_inconnue(champ, autre, "true, false")),
    }
}

fn requis<T>(champ: &str, v: Option<T>) -> Resultat<T> {
    v.ok_or_else(|| {
        Erreur::champ_requis(
            champ,
            "il décrit la situation de base",
            "it is part of the basic situation",
        )
    })
}

impl Saisie {
    /// Parses a JSON document into a raw input, field by field: a wrong type, an unknown field
    /// or a duplicate key is an error naming the field (`current_contract.start`…), in French
    /// and English; the document is bounded (`LIMITES_JSON`).
    pub fn depuis_json(texte: &str) -> Resultat<Saisie> {
        let objet = crate::json::lire_objet(texte, LIMITES_JSON)?;
        let mut s = Saisie::default();
        for (cle, v) in &objet {
            let c = cle.as_str();
            match c {
                "signature_date" => s.signature_date = json_texte(c, v)?,
                "specialty" => s.specialty = json_texte(c, v)?,
                "sector" => s.sector = json_texte(c, v)?,
                "mep" => s.mep = json_booleen(c, v)?,
                "zone" => s.zone = json_texte(c, v)?,
                "practice" => s.practice = json_texte(c, v)?,
                "coordinated" => s.coordinated = json_booleen(c, v)?,
                "patientele_mt" => s.patientele_mt = json_entier(c, v)?,
                "file_active" => s.file_active = json_entier(c, v)?,
                "percentile_band" => s.percentile_band = json_texte(c, v)?,
                "clinical_fee_share" => s.clinical_fee_share = json_texte(c, v)?,
                "newly_installed" => s.newly_installed = json_booleen(c, v)?,
                "age" => s.age = json_entier(c, v)?,
                "ald_or_rqth" => s.ald_or_rqth = json_booleen(c, v)?,
                "current_contract" => s.current_contract = json_contrat(v)?,
                autre => return Err(champ_inconnu(autre, CHAMPS)),
            }
        }
        Ok(s)
    }

    /// Validates every field: ranges, codes, dates.
    pub fn valider(&self) -> Resultat<Situation> {
        // Text fields are bounded whatever the channel (JSON, flags, FFI records).
        let contrat = self.current_contract.as_ref();
        for (champ, t) in [
            ("signature_date", self.signature_date.as_deref()),
            ("specialty", self.specialty.as_deref()),
            ("sector", self.sector.as_deref()),
            ("zone", self.zone.as_deref()),
            ("practice", self.practice.as_deref()),
            ("percentile_band", self.percentile_band.as_deref()),
            ("clinical_fee_share", self.clinical_fee_share.as_deref()),
            (
                "current_contract.option",
                contrat.and_then(|c| c.option.as_deref()),
            ),
            (
                "current_contract.start",
                contrat.and_then(|c| c.start.as_deref()),
            ),
        ] {
            if let Some(n) = t.map(|t| t.chars().count()).filter(|&n| n > TEXTE_MAX) {
                return Err(Erreur::trop_volumineux(
                    Some(champ),
                    "texte",
                    "text",
                    n,
                    TEXTE_MAX,
                ));
            }
        }
        let signature_date = lire_date(
            "signature_date",
            requis("signature_date", self.signature_date.as_deref())?,
        )?;
        let specialty = Texte::from(
            requis("specialty", self.specialty.as_deref())?
                .trim()
                .to_owned(),
        );
        let sector = Secteur::depuis_code("sector", requis("sector", self.sector.as_deref())?)?;
        let zone = self
            .zone
            .as_deref()
            .map(|z| Zone::depuis_code("zone", z))
            .transpose()?;
        let practice = self
            .practice
            .as_deref()
            .map(|p| Exercice::depuis_code("practice", p))
            .transpose()?;
        let percentile_band = self
            .percentile_band
            .as_deref()
            .map(|t| Tranche::depuis_code("percentile_band", t))
            .transpose()?;
        let clinical_fee_share = match self.clinical_fee_share.as_deref() {
            None => None,
            Some(texte) => {
                // "0.85" or, the French way, "0,85".
                let part: Decimal = crate::money::lire_decimal(
                    "clinical_fee_share",
                    texte,
                    crate::money::DECIMALES_TAUX,
                    true,
                )?;
                if part.is_sign_negative() || part > Decimal::ONE {
                    return Err(Erreur::hors_bornes("clinical_fee_share", part, 0, 1));
                }
                Some(part)
            }
        };
        let current_contract = match &self.current_contract {
            None => None,
            Some(c) => Some(ContratEnCours {
                option: Formule::depuis_code(
                    "current_contract.option",
                    c.option.as_deref().ok_or_else(|| {
                        Erreur::champ_requis(
                            "current_contract.option",
                            "formule du contrat en cours",
                            "option of the running contract",
                        )
                    })?,
                )?,
                start: lire_date(
                    "current_contract.start",
                    c.start.as_deref().ok_or_else(|| {
                        Erreur::champ_requis(
                            "current_contract.start",
                            "date de début du contrat en cours",
                            "start date of the running contract",
                        )
                    })?,
                )?,
                objectives_reached: c.objectives_reached.ok_or_else(|| {
                    Erreur::champ_requis(
                        "current_contract.objectives_reached",
                        "objectifs du contrat en cours atteints ou non",
                        "whether the running contract's objectives are reached",
                    )
                })?,
            }),
        };
        if let Some(c) = &current_contract {
            if c.start > signature_date {
                return Err(Erreur::incoherence(
                    "current_contract.start",
                    format!("le contrat en cours commence le {} après la date de signature {signature_date} ; date attendue au plus tard le {signature_date}", c.start),
                    format!("the running contract starts on {} after the signature date {signature_date}; expected a date on or before {signature_date}", c.start),
                ));
            }
        }
        Ok(Situation {
            signature_date,
            specialty,
            sector,
            mep: self.mep.unwrap_or(false),
            zone,
            practice,
            coordinated: self.coordinated,
            patientele_mt: lire_compte("patientele_mt", self.patientele_mt, 0, PATIENTS_MAX)?,
            file_active: lire_compte("file_active", self.file_active, 0, PATIENTS_MAX)?,
            percentile_band,
            clinical_fee_share,
            newly_installed: self.newly_installed.unwrap_or(false),
            age: lire_compte("age", self.age, AGE_MIN, AGE_MAX)?,
            ald_or_rqth: self.ald_or_rqth.unwrap_or(false),
            current_contract,
        })
    }
}

impl Situation {
    /// The same situation with `specialty`, the same code as the rule data's text (a result's
    /// echo: that text is copied without an allocation, the situation's own would be one).
    /// Every field is named: a new one must be echoed too.
    pub(crate) fn avec_specialite(&self, specialty: Texte) -> Situation {
        let Situation {
            signature_date,
            specialty: _,
            sector,
            mep,
            zone,
            practice,
            coordinated,
            patientele_mt,
            file_active,
            percentile_band,
            clinical_fee_share,
            newly_installed,
            age,
            ald_or_rqth,
            current_contract,
        } = self;
        Situation {
            signature_date: *signature_date,
            specialty,
            sector: *sector,
            mep: *mep,
            zone: *zone,
            practice: *practice,
            coordinated: *coordinated,
            patientele_mt: *patientele_mt,
            file_active: *file_active,
            percentile_band: *percentile_band,
            clinical_fee_share: *clinical_fee_share,
            newly_installed: *newly_installed,
            age: *age,
            ald_or_rqth: *ald_or_rqth,
            current_contract: current_contract.clone(),
        }
    }

    /// Reads and validates a JSON situation in one step.
    pub fn depuis_json(texte: &str) -> Resultat<Situation> {
        Saisie::depuis_json(texte)?.valider()
    }

    /// The same situation as raw input (the JSON document of `simulate --input`).
    pub fn saisie(&self) -> Saisie {
        Saisie {
            signature_date: Some(self.signature_date.to_string()),
            specialty: Some(self.specialty.to_string()),
            sector: Some(self.sector.code().to_owned()),
            mep: Some(self.mep),
            zone: self.zone.map(|z| z.code().to_owned()),
            practice: self.practice.map(|p| p.code().to_owned()),
            coordinated: self.coordinated,
            patientele_mt: self.patientele_mt.map(i64::from),
            file_active: self.file_active.map(i64::from),
            percentile_band: self.percentile_band.map(|t| t.code().to_owned()),
            clinical_fee_share: self.clinical_fee_share.map(|d| d.to_string()),
            newly_installed: Some(self.newly_installed),
            age: self.age.map(i64::from),
            ald_or_rqth: Some(self.ald_or_rqth),
            current_contract: self.current_contract.as_ref().map(|c| SaisieContrat {
                option: Some(c.option.code().to_owned()),
                start: Some(c.start.to_string()),
                objectives_reached: Some(c.objectives_reached),
            }),
        }
    }

    /// Checks a situation built by a program (an app, through the SDK) as if it had been typed:
    /// the same bounds and the same typed errors naming the field.
    pub fn verifier(&self) -> Resultat<Situation> {
        self.saisie().valider()
    }
}
