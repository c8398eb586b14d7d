//! # assistmed-ffi
//!
//! The native SDK of Assistmed: the [uniffi] surface over [`assistmed_core`], from which Kotlin
//! and Swift bindings are generated. The core's own records and enums cross as they are (the
//! core derives uniffi behind its `uniffi` feature: bitwarden's and matrix's pattern); this
//! crate holds only what truly differs:
//!
//! - the objects: [`RuleStore`] (the active rules, embedded or a signed update, and every call
//!   on them) and [`AppModel`] (the demo apps' whole state: events in, view model out);
//! - the one error, [`AssistmedError`]: a stable [`CodeErreur`] kind, the field at fault and the
//!   message in the caller's language;
//! - [`ExportedBundle`] and [`BundleWarning`], which the core returns as a tuple and an error.
//!
//! Kotlin: packages `fr.assistmed.core` (the core's types) and `fr.assistmed.sdk` (this crate);
//! Swift: one module, `Assistmed`. Money is `Decimal` (Kotlin `BigDecimal`, Swift `Decimal`),
//! dates are calendar dates (Kotlin `LocalDate`, Swift ISO `"YYYY-MM-DD"` text), see
//! `bindings/README.md`.
//!
//! Threads: records are plain data; both objects are `Send + Sync`. Panics are not expected (no
//! `unwrap` here); `panic = "unwind"` lets uniffi turn one into an internal exception instead of
//! aborting the host process.
//!
//! [`CodeErreur`]: assistmed_core::CodeErreur

mod app;
mod store;

pub use app::*;
pub use assistmed_core::ffi::AssistmedError;
pub use store::*;

uniffi::setup_scaffolding!();

// The core's custom types for foreign types (money and dates), used in this crate's calls too.
uniffi::use_remote_type!(assistmed_core::NaiveDate);
uniffi::use_remote_type!(assistmed_core::Decimal);

use chrono::NaiveDate;
use rust_decimal::Decimal;
