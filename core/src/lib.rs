//! # assistmed-core
//!
//! Offline simulator of the Assurance Maladie *aide à l'emploi d'un assistant médical*: which
//! contract a private-practice doctor may sign, the aid for each contract year, the patients to
//! gain, with the legal basis of every figure.
//!
//! Pure Rust, no FFI, no I/O beyond parsing the embedded rule data. Money is `Decimal`, dates
//! are calendar dates, every rule value comes from `rules/regles.json` with its reference.
//!
//! ```
//! use assistmed_core::{evaluer, regles, Situation};
//! let s = Situation::depuis_json(r#"{"signature_date": "2025-01-15", "specialty": "01",
//!     "sector": "secteur_1", "patientele_mt": 1200, "percentile_band": "p50_p70"}"#)?;
//! let e = evaluer(regles()?, &s)?;
//! assert_eq!(e.rules.id, "convention-2024");
//! # Ok::<(), assistmed_core::Erreur>(())
//! ```
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod amounts;
pub mod assessment;
pub mod bundle;
pub mod eligibility;
pub mod error;
pub mod explain;
pub mod format;
pub mod json;
pub mod money;
pub mod objectives;
pub mod percentile;
pub mod provenance;
pub mod questionnaire;
pub mod rules;
pub mod second_assistant;
pub mod situation;
pub mod timeline;

pub use assessment::{
    chronologie, evaluer, second_assistant_seul, Chronologie, Evaluation, OptionResultat,
    ReferenceCitee, VersionAppliquee,
};
pub use bundle::RuleStore;
pub use eligibility::Statut;
pub use error::{CodeErreur, Erreur, Resultat};
pub use rules::{embarquees as regles, Grade, RuleSet, Specialite};
pub use situation::{Formule, Saisie, Situation, Tranche};

/// Language of rendered messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Langue {
    #[default]
    Fr,
    En,
}
