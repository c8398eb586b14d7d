//! Records of signed rule updates: where the active rules come from, what the app persists, and
//! why a stored update was set aside at start-up.

use assistmed_core::bundle::Provenance;
use assistmed_core::Erreur;

use crate::types::{iso, BundleOrigin};

/// Why [`crate::RuleStore::restore`] fell back to the embedded rules: the stored update was
/// missing a part, corrupted, badly signed, of an unsupported schema or not newer.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BundleWarning {
    /// The stable code of the failed check ("signature_refusee", "bundle_illisible"…), as in
    /// [`crate::AssistmedError`].
    pub code: String,
    pub message_fr: String,
    pub message_en: String,
}

impl From<Erreur> for BundleWarning {
    fn from(e: Erreur) -> Self {
        let Erreur {
            code,
            champ: _,
            message_fr,
            message_en,
        } = e;
        BundleWarning {
            code: code.as_str().to_owned(),
            message_fr,
            message_en,
        }
    }
}

/// What the app persists after an update: the bundle's exact bytes and its detached signature,
/// to hand back to [`crate::RuleStore::restore`] at the next start, and the high-water mark.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExportedBundle {
    pub bundle: Vec<u8>,
    /// The 64-byte ed25519 signature (raw bytes, not hex).
    pub signature: Vec<u8>,
    /// The highest bundle version ever installed: store it apart from the bundle (so that it
    /// survives losing the bundle file) and pass it to `restore`; a bundle below it is refused
    /// (`bundle_sous_plancher`).
    pub high_water_mark: u64,
}

/// Where the active rules come from, for an "About" screen.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RulesProvenance {
    pub origin: BundleOrigin,
    pub bundle_version: u64,
    /// Publication date of the bundle, `"YYYY-MM-DD"`.
    pub published: String,
    /// Who compiled the rule data, from which sources (free text of the bundle).
    pub provenance: String,
    /// Hex of the signature of an installed update; `None` for the embedded rules.
    pub signature_hex: Option<String>,
}

impl From<Provenance> for RulesProvenance {
    fn from(p: Provenance) -> Self {
        let Provenance {
            origin,
            bundle_version,
            published,
            provenance,
            signature,
        } = p;
        RulesProvenance {
            origin: origin.into(),
            bundle_version,
            published: iso(published),
            provenance,
            signature_hex: signature,
        }
    }
}
