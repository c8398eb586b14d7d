//! # assistmed-ffi
//!
//! The native SDK of Assistmed: a thin, explicit [uniffi] surface over [`assistmed_core`], from
//! which Kotlin (package `fr.assistmed.core`) and Swift (module `Assistmed`) bindings are
//! generated. This crate translates; every rule lives in the core.
//!
//! FFI decisions (see `bindings/README.md`):
//! - **Money and ratios** cross as canonical decimal strings: [`Amount`] ("19000.00", two
//!   decimals) and [`Ratio`] ("0.25", no trailing zeros). No float ever crosses. Kotlin maps
//!   them to `java.math.BigDecimal`; Swift sees `String` type aliases.
//! - **Dates** cross as ISO 8601 calendar dates, `"YYYY-MM-DD"` strings; a bad one gives the
//!   typed error `date_invalide` naming the field.
//! - **Errors**: every fallible call returns [`AssistmedError`], one variant per stable core
//!   code, each carrying `code`, `field`, `message_fr` and `message_en`.
//! - **One object**, [`RuleStore`]: the active rules (embedded, or a signed update installed with
//!   [`RuleStore::install`] and persisted through [`RuleStore::export_active`] /
//!   [`RuleStore::restore`]) and every call on them, including the questionnaire and the result
//!   view the apps render.
//! - **The apps' state**, [`AppModel`]: the demo apps' whole state (answers and their saved
//!   form, navigation, confirmation before erasing, rule updates, every display text in the
//!   chosen language) as one object: events in, view model out (core `app` module).
//! - **Threads**: every record is plain data; [`RuleStore`] is immutable, `Send + Sync`, and may
//!   be shared by any number of threads. The embedded rules are parsed once per process.
//! - **Panics** are not expected (no `unwrap` here); if one happened, `panic = "unwind"` lets
//!   uniffi turn it into an internal exception instead of aborting the host process.

mod api;
mod app;
mod bundle;
mod economie;
mod error;
mod money;
mod screens;
mod suivi;
mod types;

pub use api::*;
pub use app::*;
pub use bundle::*;
pub use economie::*;
pub use error::{AssistmedError, Language};
pub use money::{Amount, Ratio};
pub use screens::*;
pub use suivi::*;
pub use types::*;

uniffi::setup_scaffolding!();
