//! Display texts shared by every presentation (CLI, apps' view models): amounts and dates as a
//! reader expects them in French or English. One definition, so that « 19 000 € » and
//! « 1er septembre 2024 » read the same in the terminal, on iPhone and on Android.

use std::fmt::{self, Write as _};

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::Langue;

/// Narrow no-break space (U+202F): the French digit-group separator (CLDR fr_FR).
pub const ESPACE_GROUPE: char = '\u{202F}';
/// No-break space (U+00A0) between a French amount and « € ».
pub const ESPACE_INSECABLE: char = '\u{A0}';

const MOIS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MOIS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Digits of `entier` (no sign) grouped by three with `sep`.
fn grouper(entier: &str, sep: char) -> String {
    let n = entier.len();
    let mut out = String::with_capacity(n + n / 3 * sep.len_utf8());
    for (i, c) in entier.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Sign, grouped whole part and two-digit cents (absent when the amount is whole) of `d`, rounded
/// to the cent half-even (banker's rounding, as the JDK's formatter does).
fn parties(d: Decimal, sep: char) -> (&'static str, String, Option<String>) {
    let arrondi = d.round_dp(2);
    let signe = if arrondi.is_sign_negative() && !arrondi.is_zero() {
        "-"
    } else {
        ""
    };
    let abs = arrondi.abs();
    let entier = abs.trunc();
    let cents = ((abs - entier) * Decimal::from(100)).trunc();
    let groupe = grouper(&entier.to_string(), sep);
    let cents = (!cents.is_zero()).then(|| format!("{cents:0>2}"));
    (signe, groupe, cents)
}

/// An amount in euros as shown: « 19 000 € », « 9 450,50 € » in French (narrow no-break spaces
/// between groups, no-break space before €); "€19,000", "€9,450.50" in English. Whole amounts,
/// which every published amount is, are shown without cents.
pub fn montant(d: Decimal, langue: Langue) -> String {
    match langue {
        Langue::Fr => {
            let (signe, groupe, cents) = parties(d, ESPACE_GROUPE);
            match cents {
                Some(c) => format!("{signe}{groupe},{c}{ESPACE_INSECABLE}€"),
                None => format!("{signe}{groupe}{ESPACE_INSECABLE}€"),
            }
        }
        Langue::En => {
            let (signe, groupe, cents) = parties(d, ',');
            match cents {
                Some(c) => format!("{signe}€{groupe}.{c}"),
                None => format!("{signe}€{groupe}"),
            }
        }
    }
}

/// An amount as a screen reader should say it: ungrouped digits (a space inside a number may be
/// read as a pause), « 19000 euros », « 1 euro et 50 centimes », "2 euros and 1 cent".
pub fn montant_parle(d: Decimal, langue: Langue) -> String {
    let (signe, euros, cents) = parties(d, '\0');
    let euros = euros.replace('\0', "");
    let n: u128 = euros.parse().unwrap_or(0);
    let cents: u32 = cents.as_deref().map_or(0, |c| c.parse().unwrap_or(0));
    // French: 0 and 1 are singular; English: only 1 is.
    let (unite, pluriel) = match langue {
        Langue::Fr => ("euro", n >= 2),
        Langue::En => ("euro", n != 1),
    };
    let tete = format!("{signe}{euros} {unite}{}", if pluriel { "s" } else { "" });
    if cents == 0 {
        return tete;
    }
    match langue {
        Langue::Fr => format!(
            "{tete} et {cents} centime{}",
            if cents >= 2 { "s" } else { "" }
        ),
        Langue::En => format!(
            "{tete} and {cents} cent{}",
            if cents == 1 { "" } else { "s" }
        ),
    }
}

/// A calendar date in words: « 1er septembre 2024 », « 22 juin 2024 »; "1 September 2024".
pub fn date_longue(d: NaiveDate, langue: Langue) -> String {
    let mut texte = String::with_capacity(24);
    // Writing to a String cannot fail.
    let _ = write!(texte, "{}", DateLongue(d, langue));
    texte
}

/// `date_longue` as a `Display` value, formatted in place inside a message.
#[derive(Debug, Clone, Copy)]
pub struct DateLongue(pub NaiveDate, pub Langue);

impl fmt::Display for DateLongue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let DateLongue(d, langue) = *self;
        let mois = d.month0() as usize;
        match langue {
            Langue::Fr if d.day() == 1 => write!(f, "1er {} {}", MOIS_FR[mois], d.year()),
            Langue::Fr => write!(f, "{} {} {}", d.day(), MOIS_FR[mois], d.year()),
            Langue::En => write!(f, "{} {} {}", d.day(), MOIS_EN[mois], d.year()),
        }
    }
}

/// A count of patients with French or English digit grouping: « 1 045 », "1,045".
pub fn nombre(n: i64, langue: Langue) -> String {
    let mut texte = String::with_capacity(12);
    // Writing to a String cannot fail.
    let _ = write!(texte, "{}", Nombre(n, langue));
    texte
}

/// `nombre` as a `Display` value: a message formats it in place, without a String of its own.
#[derive(Debug, Clone, Copy)]
pub struct Nombre(pub i64, pub Langue);

impl fmt::Display for Nombre {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sep = match self.1 {
            Langue::Fr => ESPACE_GROUPE,
            Langue::En => ',',
        };
        if self.0 < 0 {
            f.write_char('-')?;
        }
        // The digits, last first, in a buffer on the stack (20 hold every u64).
        let mut chiffres = [0u8; 20];
        let mut debut = chiffres.len();
        let mut reste = self.0.unsigned_abs();
        for c in chiffres.iter_mut().rev() {
            *c = b'0' + (reste % 10) as u8;
            reste /= 10;
            debut -= 1;
            if reste == 0 {
                break;
            }
        }
        let chiffres = chiffres.get(debut..).unwrap_or_default();
        let n = chiffres.len();
        for (i, &c) in chiffres.iter().enumerate() {
            if i > 0 && (n - i) % 3 == 0 {
                f.write_char(sep)?;
            }
            f.write_char(char::from(c))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn montants_a_la_francaise_et_a_l_anglaise() {
        assert_eq!(montant(d("19000.00"), Langue::Fr), "19\u{202F}000\u{A0}€");
        assert_eq!(montant(d("950"), Langue::Fr), "950\u{A0}€");
        assert_eq!(
            montant(d("1234567.5"), Langue::Fr),
            "1\u{202F}234\u{202F}567,50\u{A0}€"
        );
        assert_eq!(montant(d("-8767.004"), Langue::Fr), "-8\u{202F}767\u{A0}€");
        assert_eq!(montant(d("19000.00"), Langue::En), "€19,000");
        assert_eq!(montant(d("-1234.05"), Langue::En), "-€1,234.05");
        assert_eq!(montant(d("0.004"), Langue::Fr), "0\u{A0}€");
    }

    #[test]
    fn montants_parles_sans_groupes() {
        assert_eq!(montant_parle(d("19000"), Langue::Fr), "19000 euros");
        assert_eq!(montant_parle(d("1.5"), Langue::Fr), "1 euro et 50 centimes");
        assert_eq!(montant_parle(d("0"), Langue::Fr), "0 euro");
        assert_eq!(montant_parle(d("0"), Langue::En), "0 euros");
        assert_eq!(montant_parle(d("2.01"), Langue::En), "2 euros and 1 cent");
    }

    #[test]
    fn dates_en_toutes_lettres() {
        let d1 = NaiveDate::from_ymd_opt(2024, 9, 1).unwrap();
        let d2 = NaiveDate::from_ymd_opt(2024, 6, 22).unwrap();
        assert_eq!(date_longue(d1, Langue::Fr), "1er septembre 2024");
        assert_eq!(date_longue(d2, Langue::Fr), "22 juin 2024");
        assert_eq!(date_longue(d1, Langue::En), "1 September 2024");
        assert_eq!(
            date_longue(NaiveDate::from_ymd_opt(2026, 8, 15).unwrap(), Langue::Fr),
            "15 août 2026"
        );
    }

    #[test]
    fn nombres_groupes() {
        assert_eq!(nombre(1045, Langue::Fr), "1\u{202F}045");
        assert_eq!(nombre(20000, Langue::En), "20,000");
        assert_eq!(nombre(775, Langue::Fr), "775");
        assert_eq!(nombre(-1200, Langue::Fr), "-1\u{202F}200");
    }
}
