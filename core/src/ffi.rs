//! How the core's two foreign types cross the FFI (feature `uniffi` only).
//!
//! - `Decimal` (money, ratios), named `ExactDecimal` in the bindings, crosses as its decimal text, never a float: Kotlin sees
//!   `java.math.BigDecimal`, Swift `Foundation.Decimal` (`core/uniffi.toml`).
//! - `NaiveDate` (a calendar date, no time zone), named `CalendarDate` in the bindings, crosses as ISO 8601 `"YYYY-MM-DD"`: Kotlin sees
//!   `java.time.LocalDate`; Swift keeps the ISO text (`String`), because Foundation has no
//!   calendar-date type and `Date`, an instant, would shift the day with the time zone.
//!
//! Lifting never refuses a value the foreign type can hold, so that the core's own checks answer
//! with their typed error naming the field: any calendar date lifts (the core refuses one outside
//! 2000–2099 where it is an input), and a number beyond `Decimal`'s 28 digits lifts to the
//! largest `Decimal` of its sign, which every bound of the core refuses (`HorsBornes`). What is
//! no date or no number at all (possible only from Swift, where both are text) fails with the
//! SDK's own error, `DateInvalide` or `HorsBornes`: uniffi hands a lifting error of the call's
//! error type to the caller as that error (not as an internal exception). The error lives here,
//! beside the custom types, for that reason.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::error::{citer, CodeErreur, Erreur};
use crate::{Citations, Langue, Message, Texte};

/// `Decimal` as the bindings name it: not `Decimal`, which would shadow `Foundation.Decimal` in
/// an app that imports both modules (an ambiguous type in Swift).
pub type ExactDecimal = Decimal;

/// `NaiveDate` as the bindings name it: a date of the calendar, without time or zone.
pub type CalendarDate = NaiveDate;

fn lever_decimal(texte: &str) -> uniffi::Result<Decimal> {
    let t = texte.trim();
    match t.parse::<Decimal>() {
        Ok(d) => Ok(d),
        // Too many digits for a Decimal (Kotlin's BigDecimal has no limit): saturate.
        Err(_) if trop_long(t) => Ok(if t.starts_with('-') {
            Decimal::MIN
        } else {
            Decimal::MAX
        }),
        Err(_) => Err(AssistmedError::illisible(
            CodeErreur::HorsBornes,
            &format!(
                "« {} » n'est pas un nombre décimal (attendu : chiffres et point, ex. « 0.85 »)",
                citer(t)
            ),
            &format!(
                "`{}` is not a decimal number (expected digits and a dot, e.g. `0.85`)",
                citer(t)
            ),
        )
        .into()),
    }
}

/// A well-formed decimal (a sign, digits, at most one dot between digits) that only its length
/// keeps from being a `Decimal`; `1.2.3` or `.` are no numbers at all.
fn trop_long(t: &str) -> bool {
    let chiffres = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (entier, fraction) = chiffres.split_once('.').unwrap_or((chiffres, ""));
    let tous = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    !(entier.is_empty() && fraction.is_empty()) && tous(entier) && tous(fraction)
}

fn lever_date(texte: &str) -> uniffi::Result<NaiveDate> {
    crate::rules::date::analyser(texte.trim()).map_err(|_| {
        AssistmedError::illisible(
            CodeErreur::DateInvalide,
            &format!("« {} » n'est pas une date AAAA-MM-JJ", citer(texte)),
            &format!("`{}` is not a YYYY-MM-DD date", citer(texte)),
        )
        .into()
    })
}

uniffi::custom_type!(ExactDecimal, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| lever_decimal(&s),
});

// A result's string (static, shared with the rule data, or its own) crosses as a plain string.
uniffi::custom_type!(Texte, String, {
    lower: |t| t.into_string(),
    try_lift: |s| Ok(Texte::from(s)),
});

// A result's message crosses as the text it renders to, written out here if it was kept as
// figures.
uniffi::custom_type!(Message, String, {
    lower: |m| String::from(m),
    try_lift: |s| Ok(Message::from(s)),
});

// A result's reference ids (ranks in its rule set's table) cross as the list of the ids.
uniffi::custom_type!(Citations, Vec<Texte>, {
    lower: |c| c.into(),
    try_lift: |ids| Ok(Citations::from(ids)),
});

uniffi::custom_type!(CalendarDate, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| lever_date(&s),
});

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
    /// A value uniffi could not lift (Swift text that is no date, no number): the language of
    /// the call is not known yet, so the text gives both, French first.
    fn illisible(kind: CodeErreur, fr: &str, en: &str) -> Self {
        AssistmedError::Failure {
            kind,
            field: None,
            text: format!("{fr} / {en}"),
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    fn erreur_de<T: std::fmt::Debug>(r: uniffi::Result<T>) -> AssistmedError {
        match r {
            Ok(v) => panic!("lifted: {v:?}"),
            // What uniffi does with a failed lift of an argument of a call returning
            // `Result<_, AssistmedError>`: it downcasts, and the caller gets this error.
            Err(e) => e
                .downcast::<AssistmedError>()
                .unwrap_or_else(|e| panic!("not the SDK's error: {e}")),
        }
    }

    #[test]
    fn text_that_is_no_date_or_no_number_is_the_sdk_s_typed_error() {
        let e = erreur_de(lever_date("15/01/2025"));
        assert_eq!(e.kind(), CodeErreur::DateInvalide);
        assert!(
            e.text()
                .contains("« 15/01/2025 » n'est pas une date AAAA-MM-JJ"),
            "{}",
            e.text()
        );
        assert!(
            e.text().contains("is not a YYYY-MM-DD date"),
            "{}",
            e.text()
        );
        // Only the YYYY-MM-DD form lifts (a Kotlin LocalDate past 9999 reads "+10000-01-01").
        for pas_une_date in [
            "+2024-01-01",
            "+10000-01-01",
            "-0001-01-01",
            "2024-02-30",
            "2024-1-01",
        ] {
            assert_eq!(
                erreur_de(lever_date(pas_une_date)).kind(),
                CodeErreur::DateInvalide,
                "{pas_une_date}"
            );
        }
        assert_eq!(
            erreur_de(lever_decimal("douze")).kind(),
            CodeErreur::HorsBornes
        );
        assert_eq!(erreur_de(lever_decimal("")).kind(), CodeErreur::HorsBornes);
        // No number, however many digits: refused as text, not saturated.
        let long = "1".repeat(41);
        for pas_un_nombre in [
            "1.2.3",
            ".",
            "-",
            "--1",
            &format!("{long}.{long}.1"),
            "1e400",
        ] {
            let e = erreur_de(lever_decimal(pas_un_nombre));
            assert!(
                e.text().contains("is not a decimal number"),
                "{pas_un_nombre}: {}",
                e.text()
            );
        }
    }

    #[test]
    fn any_calendar_date_and_any_long_number_lift_for_the_core_to_judge() -> uniffi::Result<()> {
        assert_eq!(lever_date("2150-01-01")?.to_string(), "2150-01-01");
        assert_eq!(lever_decimal(" 0.85 ")?, Decimal::new(85, 2));
        let long = "1".repeat(41);
        assert_eq!(lever_decimal(&long)?, Decimal::MAX);
        assert_eq!(lever_decimal(&format!("-{long}"))?, Decimal::MIN);
        assert_eq!(lever_decimal(&format!("{long}.5"))?, Decimal::MAX);
        // A long fraction is rust_decimal's to round (28 digits), not a refusal.
        assert_eq!(
            lever_decimal(&format!("+.{long}"))?.to_string(),
            format!("0.{}", "1".repeat(28))
        );
        Ok(())
    }
}
