//! The one error of the SDK.

use assistmed_core::{CodeErreur, Erreur, Langue};

/// Every failure of the SDK: its stable kind, the input field at fault (JSON name, e.g.
/// `patientele_mt` or `measurements[0].date`; absent when the error is not about one field) and
/// what went wrong and what was expected, in the language of the call.
///
/// Kotlin: `AssistmedException`, whose `message` is that text (and `kind()`, `field()`,
/// `code()`); Swift: `AssistmedError`, a `LocalizedError` whose `errorDescription` is that text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum AssistmedError {
    /// The only case: switch on `kind`, not on the case.
    #[error("{text}")]
    Failure {
        kind: CodeErreur,
        field: Option<String>,
        text: String,
    },
}

impl AssistmedError {
    /// The core's error, with its message in `langue`.
    pub fn en(e: Erreur, langue: Langue) -> Self {
        let Erreur {
            code,
            champ,
            message_fr,
            message_en,
        } = e;
        AssistmedError::Failure {
            kind: code,
            field: champ,
            text: langue.choisir(message_fr, message_en),
        }
    }
}

#[uniffi::export]
impl AssistmedError {
    /// The stable kind of the failure.
    pub fn kind(&self) -> CodeErreur {
        let AssistmedError::Failure { kind, .. } = self;
        *kind
    }

    /// The stable code as text (`"hors_bornes"`…), as the CLI and the JSON output print it.
    pub fn code(&self) -> String {
        self.kind().as_str().to_owned()
    }

    /// The input field at fault (JSON name), if any.
    pub fn field(&self) -> Option<String> {
        let AssistmedError::Failure { field, .. } = self;
        field.clone()
    }

    /// What went wrong and what was expected, in the language of the call.
    pub fn text(&self) -> String {
        self.to_string()
    }
}
