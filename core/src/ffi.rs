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

// A result's strings, messages and reference lists are uniffi custom types of `String` and
// `Vec<String>` (the bindings see `String` and `List<String>`, `[String]`), with their converters
// written here rather than by `uniffi::custom_type!`: its `write` lowers each value to the
// builtin first, so that every text of a result became a `String` of its own (an allocation, a
// copy and a free: some 100 texts and a dozen messages a result) before its bytes were copied
// into the call's buffer. These write the same bytes straight from the text (uniffi's string
// form: a big-endian `i32` length, then the UTF-8 bytes), and a message is formatted into the
// buffer itself; dates and amounts (`CalendarDate`, `ExactDecimal`) are written into it the same
// way. Lowering the assessment of `scripts/bench-instructions.sh` (`abaisser` minus `evaluer`):
// 161 045 -> 58 374 instructions in the release profile, 104 279 -> 29 528 at opt-level 3. The
// rest is `custom_type!`'s expansion in uniffi =0.32.2 (the metadata, under the names and in the
// form the bindings generator reads), kept identical: the generated Kotlin and Swift do not
// change (checked by diffing them; diff them again on a uniffi upgrade), and the tests below
// compare the bytes.

/// Appends `s` to a uniffi buffer as uniffi writes a `String`.
fn ecrire_chaine(s: &str, buf: &mut Vec<u8>) {
    ecrire_octets(s.as_bytes(), buf);
}

/// Appends the UTF-8 bytes of a text (here, or ASCII digits of a date or an amount) as uniffi
/// writes a `String`: a big-endian `i32` length, then the bytes.
fn ecrire_octets(octets: &[u8], buf: &mut Vec<u8>) {
    // (no text of a result comes near 2 GiB; one that did would cross empty rather than panic)
    let n = i32::try_from(octets.len()).unwrap_or(0);
    buf.extend_from_slice(&n.to_be_bytes());
    buf.extend_from_slice(octets.get(..n as usize).unwrap_or_default());
}

/// Formats `valeur` into a uniffi buffer as uniffi writes a `String`: the length is set once
/// the text is written.
fn ecrire_rendu(valeur: &dyn std::fmt::Display, buf: &mut Vec<u8>) {
    struct Sortie<'a>(&'a mut Vec<u8>);
    impl std::fmt::Write for Sortie<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.extend_from_slice(s.as_bytes());
            Ok(())
        }
    }
    let debut = buf.len();
    buf.extend_from_slice(&[0; 4]);
    // (writing into memory cannot fail)
    let _ = std::fmt::Write::write_fmt(&mut Sortie(buf), format_args!("{valeur}"));
    match i32::try_from(buf.len() - debut - 4) {
        Ok(n) => {
            if let Some(longueur) = buf.get_mut(debut..debut + 4) {
                longueur.copy_from_slice(&n.to_be_bytes());
            }
        }
        Err(_) => buf.truncate(debut + 4), // as `ecrire_chaine`: empty, never a panic
    }
}

/// The converter of a custom type named `$nom` whose builtin is `$builtin`, as
/// `uniffi::custom_type!` declares it (`remote` for a type of another crate: this crate's tag
/// only), with `$write` writing a value into the buffer.
macro_rules! type_chaine {
    (remote $ty:ty, $($reste:tt)*) => {
        type_chaine!(@ [unsafe impl ::uniffi::FfiConverter<crate::UniFfiTag> for $ty] [local $ty] $ty, $($reste)*);
    };
    ($ty:ty, $($reste:tt)*) => {
        type_chaine!(@ [unsafe impl<UT> ::uniffi::FfiConverter<UT> for $ty] [blanket $ty] $ty, $($reste)*);
    };
    (@ [$($entete:tt)*] [$($derive:tt)*] $ty:ty, $nom:literal, $builtin:ty, $meta_const:ident, $meta:ident,
     lower: $lower:expr, try_lift: $lift:expr, write: $write:expr $(,)?) => {
        $($entete)* {
            type FfiType = <$builtin as ::uniffi::Lower<crate::UniFfiTag>>::FfiType;

            fn lower(v: $ty) -> Self::FfiType {
                let lower: fn($ty) -> $builtin = $lower;
                <$builtin as ::uniffi::Lower<crate::UniFfiTag>>::lower(lower(v))
            }

            fn try_lift(v: Self::FfiType) -> ::uniffi::Result<$ty> {
                let lift: fn($builtin) -> ::uniffi::Result<$ty> = $lift;
                lift(<$builtin as ::uniffi::Lift<crate::UniFfiTag>>::try_lift(v)?)
            }

            fn write(v: $ty, buf: &mut Vec<u8>) {
                let write: fn(&$ty, &mut Vec<u8>) = $write;
                write(&v, buf)
            }

            fn try_read(buf: &mut &[u8]) -> ::uniffi::Result<$ty> {
                let lift: fn($builtin) -> ::uniffi::Result<$ty> = $lift;
                lift(<$builtin as ::uniffi::Lift<crate::UniFfiTag>>::try_read(buf)?)
            }

            const TYPE_ID_META: ::uniffi::MetadataBuffer =
                ::uniffi::MetadataBuffer::from_code(::uniffi::metadata::codes::TYPE_CUSTOM)
                    .concat_str(module_path!())
                    .concat_str($nom)
                    .concat(<$builtin as ::uniffi::TypeId<crate::UniFfiTag>>::TYPE_ID_META);
        }

        ::uniffi::derive_ffi_traits!($($derive)*);

        const $meta_const: ::uniffi::MetadataBuffer =
            ::uniffi::MetadataBuffer::from_code(::uniffi::metadata::codes::CUSTOM_TYPE)
                .concat_str(module_path!())
                .concat_str($nom)
                .concat(<$builtin as ::uniffi::TypeId<crate::UniFfiTag>>::TYPE_ID_META)
                .concat_long_str("");
        #[unsafe(no_mangle)]
        #[doc(hidden)]
        pub static $meta: [u8; $meta_const.size] = $meta_const.into_array();
    };
}

// A result's string (static, shared with the rule data, or its own) crosses as a plain string.
type_chaine!(
    Texte,
    "Texte",
    String,
    UNIFFI_META_CONST_ASSISTMED_CORE_CUSTOM_TYPE_TEXTE,
    UNIFFI_META_ASSISTMED_CORE_CUSTOM_TYPE_TEXTE,
    lower: Texte::into_string,
    try_lift: |s| Ok(Texte::from(s)),
    write: |t, buf| ecrire_chaine(t, buf),
);

// A result's message crosses as the text it renders to, written out here if it was kept as
// figures.
type_chaine!(
    Message,
    "Message",
    String,
    UNIFFI_META_CONST_ASSISTMED_CORE_CUSTOM_TYPE_MESSAGE,
    UNIFFI_META_ASSISTMED_CORE_CUSTOM_TYPE_MESSAGE,
    lower: String::from,
    try_lift: |s| Ok(Message::from(s)),
    write: |m, buf| ecrire_rendu(m, buf),
);

// A result's reference ids (ranks in its rule set's table) cross as the list of the ids
// (uniffi's sequence: a big-endian `i32` count, then each id as a string).
type_chaine!(
    Citations,
    "Citations",
    Vec<Texte>,
    UNIFFI_META_CONST_ASSISTMED_CORE_CUSTOM_TYPE_CITATIONS,
    UNIFFI_META_ASSISTMED_CORE_CUSTOM_TYPE_CITATIONS,
    lower: Vec::from,
    try_lift: |ids| Ok(Citations::from(ids)),
    write: |c, buf| {
        let n = i32::try_from(c.len()).unwrap_or(0);
        buf.extend_from_slice(&n.to_be_bytes());
        for id in c.iter().take(n as usize) {
            ecrire_chaine(id, buf);
        }
    },
);

// Money crosses as its exact decimal text (rust_decimal's `Display`), written from its digits
// (`money::texte_court`).
type_chaine!(
    remote ExactDecimal,
    "ExactDecimal",
    String,
    UNIFFI_META_CONST_ASSISTMED_CORE_CUSTOM_TYPE_EXACTDECIMAL,
    UNIFFI_META_ASSISTMED_CORE_CUSTOM_TYPE_EXACTDECIMAL,
    lower: |d| d.to_string(),
    try_lift: |s| lever_decimal(&s),
    write: |d, buf| {
        let mut texte = [0; crate::money::TEXTE_COURT];
        match crate::money::texte_court(d, &mut texte) {
            Some(n) => ecrire_octets(texte.get(..n).unwrap_or_default(), buf),
            None => ecrire_rendu(d, buf),
        }
    },
);

// A calendar date crosses as its ISO `YYYY-MM-DD` text, written from its digits.
type_chaine!(
    remote CalendarDate,
    "CalendarDate",
    String,
    UNIFFI_META_CONST_ASSISTMED_CORE_CUSTOM_TYPE_CALENDARDATE,
    UNIFFI_META_ASSISTMED_CORE_CUSTOM_TYPE_CALENDARDATE,
    lower: crate::rules::date::ecrire,
    try_lift: |s| lever_date(&s),
    write: |d, buf| match crate::rules::date::iso(*d) {
        Some(chiffres) => ecrire_octets(&chiffres, buf),
        None => ecrire_chaine(&d.to_string(), buf),
    },
);

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

    fn octets<T: uniffi::Lower<crate::UniFfiTag>>(v: T) -> Vec<u8> {
        let mut buf = Vec::new();
        T::write(v, &mut buf);
        buf
    }

    /// What `uniffi::custom_type!` wrote for a value that lowers to `s`: `String`'s own bytes.
    fn comme_chaine(s: &str) -> Vec<u8> {
        octets(s.to_owned())
    }

    fn relu<T: uniffi::Lift<crate::UniFfiTag>>(octets: &[u8]) -> T {
        let mut reste = octets;
        let v = T::try_read(&mut reste).unwrap();
        assert!(reste.is_empty(), "bytes left after the value");
        v
    }

    /// The converters written by hand (`type_chaine!`) write the bytes `custom_type!` wrote
    /// (the value's text as a `String`, a list as `Vec<String>`) and read them back.
    #[test]
    fn each_text_message_list_date_and_amount_crosses_as_its_string() {
        let r = crate::regles().unwrap();
        for json in [
            r#"{"signature_date": "2023-09-01", "specialty": "01", "sector": "secteur_1", "patientele_mt": 1200, "file_active": 1800, "percentile_band": "p50_p70", "age": 50}"#,
            r#"{"signature_date": "2025-01-15", "specialty": "01", "sector": "non_conventionne", "patientele_mt": 1200}"#,
            r#"{"signature_date": "2025-01-15", "specialty": "41", "sector": "secteur_1", "clinical_fee_share": "0.85", "percentile_band": "p50_p70", "ald_or_rqth": true}"#,
        ] {
            let s = crate::Situation::depuis_json(json).unwrap();
            for langue in [Langue::Fr, Langue::En] {
                let ev = crate::evaluer(r, &s, langue).unwrap();
                let mut messages: Vec<&Message> = Vec::new();
                let mut textes: Vec<&Texte> =
                    vec![&ev.situation.specialty, &ev.rules.id, &ev.disclaimer];
                let mut listes: Vec<&Citations> =
                    vec![&ev.references, &ev.notices, &ev.rules.references];
                let mut dates = vec![ev.situation.signature_date, ev.rules.start];
                let mut montants = Vec::new();
                for raison in ev
                    .eligibility
                    .reasons
                    .iter()
                    .chain(ev.options.iter().flat_map(|o| &o.unavailable_reasons))
                {
                    messages.push(&raison.message);
                    textes.push(&raison.code);
                    listes.push(&raison.references);
                }
                for c in &ev.caveats {
                    messages.push(&c.message);
                    textes.push(&c.code);
                    listes.push(&c.references);
                }
                for o in &ev.options {
                    textes.push(&o.label);
                    montants.extend(o.total);
                    if let Some(obj) = &o.objective {
                        messages.push(&obj.message);
                        listes.push(&obj.references);
                        montants.extend(obj.increase);
                    }
                    for a in o
                        .aid
                        .iter()
                        .chain(o.standard_table_for_information.iter().flatten())
                    {
                        textes.push(&a.rules_id);
                        dates.extend([a.start, a.end]);
                        montants.extend(a.amount);
                    }
                }
                assert!(
                    messages.len() >= 2 && listes.len() >= 5 && dates.len() >= 2,
                    "{json}"
                );
                for m in messages {
                    let b = octets(m.clone());
                    assert_eq!(b, comme_chaine(&m.to_string()));
                    assert_eq!(relu::<Message>(&b), *m);
                }
                for t in textes {
                    let b = octets(t.clone());
                    assert_eq!(b, comme_chaine(t));
                    assert_eq!(relu::<Texte>(&b), *t);
                }
                for c in listes {
                    let b = octets(c.clone());
                    assert_eq!(
                        b,
                        octets(c.iter().map(|id| id.to_string()).collect::<Vec<String>>())
                    );
                    assert_eq!(relu::<Citations>(&b), *c);
                }
                for d in dates {
                    let b = octets(d);
                    assert_eq!(b, comme_chaine(&d.to_string()));
                    assert_eq!(relu::<NaiveDate>(&b), d);
                }
                for m in montants {
                    let b = octets(m);
                    assert_eq!(b, comme_chaine(&m.to_string()));
                    assert_eq!(relu::<Decimal>(&b), m);
                }
            }
        }
        // Every kind of text, and what no result holds: years outside 0–9999, an empty list.
        for t in [
            Texte::statique("é—✓"),
            Texte::partage("S27"),
            Texte::from(String::from("propre")),
            Texte::default(),
        ] {
            assert_eq!(octets(t.clone()), comme_chaine(&t));
        }
        for (a, m, j) in [(0, 1, 1), (9999, 12, 31), (10000, 1, 1), (-44, 3, 15)] {
            let d = NaiveDate::from_ymd_opt(a, m, j).unwrap();
            assert_eq!(octets(d), comme_chaine(&d.to_string()));
        }
        assert_eq!(octets(Citations::default()), octets(Vec::<String>::new()));
        assert_eq!(octets(Message::from("")), comme_chaine(""));
    }
}
