//! # assistmed-core
//!
//! Offline simulator of the Assurance Maladie *aide à l'emploi d'un assistant médical*: which
//! contract a private-practice doctor may sign, the aid for each contract year, the patients to
//! gain, with the legal basis of every figure.
//!
//! Pure Rust, no FFI, no I/O beyond parsing the embedded rule data. Money is `Decimal`, dates
//! are calendar dates, every rule value comes from the rule data in `rules/` (one file per parameter) with its reference.
//!
//! ```
//! use assistmed_core::{evaluer, regles, Langue, Situation};
//! let s = Situation::depuis_json(r#"{"signature_date": "2025-01-15", "specialty": "01",
//!     "sector": "secteur_1", "patientele_mt": 1200, "percentile_band": "p50_p70"}"#)?;
//! // Every text of the result is in the language of the call.
//! let e = evaluer(regles()?, &s, Langue::Fr)?;
//! assert_eq!(e.rules.id, "convention-2024");
//! # Ok::<(), assistmed_core::Erreur>(())
//! ```
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

// The layers, in the direction of the flow (each knows only the ones above it):
// rule data → computation → presentation. `error`, `format`, `json` (strict JSON reading) and
// `money` (the decimal grammar) and `texte` (the strings of results) are shared plumbing.

/// The text in a language, evaluating only that language's expression: `selon!(l, fr, en)`.
// Defined before the modules, so that each of them can call it unqualified.
#[macro_export]
macro_rules! selon {
    ($langue:expr, $fr:expr, $en:expr $(,)?) => {
        match $langue {
            $crate::Langue::Fr => $fr,
            $crate::Langue::En => $en,
        }
    };
}

/// Rule data: the dated, sourced parameters, their ids, integrity checks, the tracing reader and
/// signed bundles. Knows nothing of the computation or the presentation (`tests/couches.rs`).
pub mod rules;

/// Computation: situations in, codes and figures out (eligibility, amounts, objectives,
/// timelines, economics, contract tracking), with the explanation of each decision.
pub mod calcul;

/// Presentation: the apps' questionnaire, result and app state, in one language per view.
pub mod vues;

pub mod error;
/// What the FFI needs beside the derives: the custom types and the SDK's one error.
#[cfg(feature = "uniffi")]
pub mod ffi;
pub mod format;
pub mod json;
pub mod money;
/// The strings of results: static, shared with the rule data, or owned (`Texte`).
pub mod texte;

// Short paths (`assistmed_core::eligibility`, `crate::provenance`…), as before the layers.
pub use calcul::{
    amounts, assessment, economie, eligibility, explain, message, objectives, percentile,
    second_assistant, situation, suivi, timeline,
};
pub use rules::{bundle, provenance};
pub use vues::{app, questionnaire};

pub use assessment::{
    chronologie, evaluer, second_assistant_seul, Chronologie, Evaluation, OptionResultat,
    ReferenceCitee, VersionAppliquee,
};
pub use bundle::RuleStore;
pub use eligibility::Statut;
pub use error::{CodeErreur, Erreur, Resultat};
pub use message::Message;
pub use rules::citations::Citations;
pub use rules::{embarquees as regles, Grade, RuleSet, Specialite};
pub use situation::{Formule, Saisie, Situation, Tranche};
pub use texte::Texte;

// With the `uniffi` feature (the FFI crate's), the core's own records and enums are exported
// as they are: the FFI crate holds only the objects (bitwarden's and matrix's pattern).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

/// Language of rendered messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Langue {
    #[default]
    Fr,
    En,
}

impl Langue {
    /// The other language (an error keeps both texts: the one of the call and this one).
    pub fn autre(self) -> Langue {
        match self {
            Langue::Fr => Langue::En,
            Langue::En => Langue::Fr,
        }
    }

    /// The text in this language, of a French and an English one.
    pub fn choisir<T>(self, fr: T, en: T) -> T {
        match self {
            Langue::Fr => fr,
            Langue::En => en,
        }
    }
}
