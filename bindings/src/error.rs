//! The one error of the SDK: a variant per stable core error code.

use std::fmt;

use assistmed_core::{CodeErreur, Erreur};

/// Code of [`AssistmedError::Internal`]: a failure that is not about the input (it should
/// never happen; report it).
pub const CODE_INTERNE: &str = "interne";

/// Language of a rendered message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Language {
    Fr,
    En,
}

/// Declares [`AssistmedError`] with one variant per core code (all with the same fields), its
/// field accessor and the conversion from the core's [`Erreur`]. The match on [`CodeErreur`] is
/// exhaustive: a code added to the core does not compile here until it has its variant.
macro_rules! assistmed_error {
    (
        $(#[$m:meta])*
        pub enum $name:ident {
            $( $(#[$vm:meta])* $variant:ident <= $core:ident, )+
        }
        internal: $(#[$im:meta])* $internal:ident
    ) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, uniffi::Error)]
        pub enum $name {
            $(
                $(#[$vm])*
                $variant { code: String, field: Option<String>, message_fr: String, message_en: String },
            )+
            $(#[$im])*
            $internal { code: String, field: Option<String>, message_fr: String, message_en: String },
        }

        impl $name {
            /// An internal failure (serialization…), with its detail.
            pub fn internal(detail: impl fmt::Display) -> Self {
                $name::$internal {
                    code: CODE_INTERNE.to_owned(),
                    field: None,
                    message_fr: format!("erreur interne : {detail}"),
                    message_en: format!("internal error: {detail}"),
                }
            }

            fn parts(&self) -> (&str, Option<&str>, &str, &str) {
                match self {
                    $( $name::$variant { code, field, message_fr, message_en } )|+
                    | $name::$internal { code, field, message_fr, message_en } => {
                        (code, field.as_deref(), message_fr, message_en)
                    }
                }
            }
        }

        impl From<Erreur> for $name {
            fn from(e: Erreur) -> Self {
                let Erreur { code: core_code, champ: field, message_fr, message_en } = e;
                let code = core_code.as_str().to_owned();
                match core_code {
                    $( CodeErreur::$core => $name::$variant { code, field, message_fr, message_en }, )+
                }
            }
        }
    };
}

assistmed_error! {
    /// Every failure of the SDK. Each variant carries the same fields:
    /// - `code`: the stable machine-readable code ("hors_bornes", "date_invalide"…), never renamed;
    /// - `field`: the input field at fault, by its JSON name ("patientele_mt",
    ///   "current_contract.start"…), or `None` when the error is not about one field;
    /// - `message_fr` / `message_en`: what went wrong and what was expected.
    pub enum AssistmedError {
        /// `champ_requis`: a required field is missing for this situation.
        RequiredField <= ChampRequis,
        /// `hors_bornes`: a number (or decimal text) is outside its accepted range.
        OutOfRange <= HorsBornes,
        /// `valeur_inconnue`: a value is not one of the accepted ones (unknown specialty…).
        UnknownValue <= ValeurInconnue,
        /// `date_invalide`: a date cannot be read (expected YYYY-MM-DD).
        InvalidDate <= DateInvalide,
        /// `hors_periode`: the date falls outside every rule version.
        OutOfPeriod <= HorsPeriode,
        /// `incoherence`: two inputs contradict each other.
        Inconsistent <= Incoherence,
        /// `formule_indisponible`: the requested option cannot be simulated for this contract.
        OptionUnavailable <= FormuleIndisponible,
        /// `json_invalide`: the JSON document is not valid or has the wrong shape.
        InvalidJson <= JsonInvalide,
        /// `regles_invalides`: the rule data failed an integrity check.
        InvalidRules <= ReglesInvalides,
        /// `signature_invalide`: a rule bundle signature is malformed (not 64 bytes).
        SignatureInvalid <= SignatureInvalide,
        /// `signature_refusee`: a rule bundle signature matches no trusted key.
        SignatureRejected <= SignatureRefusee,
        /// `bundle_illisible`: a rule bundle is not UTF-8 JSON with a header.
        BundleUnreadable <= BundleIllisible,
        /// `schema_non_supporte`: a rule bundle uses a schema this build cannot read.
        UnsupportedSchema <= SchemaNonSupporte,
        /// `bundle_non_plus_recent`: a rule bundle is not newer than the active rules.
        BundleNotNewer <= BundleNonPlusRecent,
        /// `cle_invalide`: a key is malformed (or weak: a small-order key is refused).
        InvalidKey <= CleInvalide,
        /// `trop_volumineux`: an input (document, bundle, text field) exceeds its size limit.
        TooLarge <= TropVolumineux,
        /// `bundle_sous_plancher`: a rule bundle is older than the highest version this app
        /// ever installed (its high-water mark): a rollback, refused.
        BundleBelowFloor <= BundleSousPlancher,
    }
    internal:
    /// `interne`: a failure that is not about the input (should never happen; report it).
    Internal
}

/// Accessors that work on every variant (Kotlin: methods of `AssistmedException`; Swift:
/// methods of `AssistmedError`), so callers need not switch over the variants.
#[uniffi::export]
impl AssistmedError {
    /// The stable code ("hors_bornes"…).
    pub fn error_code(&self) -> String {
        self.parts().0.to_owned()
    }

    /// The input field at fault (JSON name), if any.
    pub fn error_field(&self) -> Option<String> {
        self.parts().1.map(str::to_owned)
    }

    /// The message in `language`.
    pub fn message_in(&self, language: Language) -> String {
        let (_, _, fr, en) = self.parts();
        match language {
            Language::Fr => fr.to_owned(),
            Language::En => en.to_owned(),
        }
    }
}

impl fmt::Display for AssistmedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (code, field, fr, en) = self.parts();
        match field {
            Some(field) => write!(f, "[{code}] {field}: {fr} / {en}"),
            None => write!(f, "[{code}] {fr} / {en}"),
        }
    }
}

impl std::error::Error for AssistmedError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_code_keeps_its_code_and_field() {
        let e: AssistmedError = Erreur::hors_bornes("patientele_mt", -1, 0, 20000).into();
        assert!(matches!(e, AssistmedError::OutOfRange { .. }));
        assert_eq!(e.error_code(), "hors_bornes");
        assert_eq!(e.error_field().as_deref(), Some("patientele_mt"));
        assert!(e.message_in(Language::En).contains("patientele_mt"));
        assert!(e.to_string().starts_with("[hors_bornes] patientele_mt: "));

        let e: AssistmedError = Erreur::json_invalide("eof").into();
        assert_eq!(e.error_code(), "json_invalide");
        assert_eq!(e.error_field(), None);

        let codes = CodeErreur::TOUS;
        let mut variants = std::collections::BTreeSet::new();
        for code in codes {
            let e = AssistmedError::from(Erreur {
                code,
                champ: Some("x".into()),
                message_fr: "fr".into(),
                message_en: "en".into(),
            });
            assert_eq!(e.error_code(), code.as_str());
            assert_eq!(e.error_field().as_deref(), Some("x"));
            // One distinct variant per code.
            variants.insert(format!("{e:?}").split(' ').next().map(str::to_owned));
        }
        assert_eq!(variants.len(), codes.len());

        let e = AssistmedError::internal("boom");
        assert_eq!(e.error_code(), CODE_INTERNE);
        assert_eq!(e.message_in(Language::Fr), "erreur interne : boom");
    }
}
