//! Money and ratios are `Decimal`, written as canonical decimal strings ("19000.00"): no float
//! ever carries an amount, in JSON or across the FFI.

use rust_decimal::Decimal;

use crate::error::{Erreur, Resultat};

/// Most decimals of an amount in euros (cents).
pub const DECIMALES_MONTANT: u32 = 2;
/// Most decimals of a ratio (rule data and the clinical fee share): 0.000001 is finer than any
/// published rate.
pub const DECIMALES_TAUX: u32 = 6;
/// Most significant digits of a decimal: what `Decimal` holds exactly. Beyond, a value would be
/// rounded, so it is refused instead.
pub const CHIFFRES_MAX: usize = 28;

/// Reads a decimal written `[-]digits[.digits]` (and `,` as the decimal mark when `virgule`, the
/// French way), with at most `decimales` decimals and `CHIFFRES_MAX` significant digits. No
/// exponent, sign `+`, underscore, space, or leading/trailing mark: `1e4`, `19_500`, `.5` and
/// `19500.005` (for an amount) are refused, never rounded. The range is the caller's check.
pub fn lire_decimal(champ: &str, texte: &str, decimales: u32, virgule: bool) -> Resultat<Decimal> {
    let refus = || {
        let marque_fr = if virgule {
            "un point ou une virgule"
        } else {
            "un point"
        };
        let marque_en = if virgule {
            "a point or a comma"
        } else {
            "a point"
        };
        Erreur::nombre_invalide(
            champ,
            texte,
            &format!("nombre décimal attendu : chiffres, {marque_fr} décimal, au plus {decimales} décimales et {CHIFFRES_MAX} chiffres significatifs"),
            &format!("decimal number expected: digits, {marque_en} as decimal mark, at most {decimales} decimals and {CHIFFRES_MAX} significant digits"),
        )
    };
    let corps = texte.strip_prefix('-').unwrap_or(texte);
    let (entier, fraction) = match corps.find(|c| c == '.' || (virgule && c == ',')) {
        Some(i) => (&corps[..i], Some(&corps[i + 1..])),
        None => (corps, None),
    };
    let chiffres = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !chiffres(entier) || fraction.is_some_and(|f| !chiffres(f)) {
        return Err(refus());
    }
    let fraction = fraction.unwrap_or("");
    let significatifs = entier.trim_start_matches('0').len() + fraction.len();
    if fraction.len() > decimales as usize || significatifs > CHIFFRES_MAX {
        return Err(refus());
    }
    let normal = if fraction.is_empty() {
        texte.to_owned()
    } else {
        format!(
            "{}{entier}.{fraction}",
            if texte.starts_with('-') { "-" } else { "" }
        )
    };
    Decimal::from_str_exact(&normal).map_err(|_| refus())
}

/// Canonical text of an amount in euros: two decimals.
pub fn euros(d: Decimal) -> String {
    let mut d = d;
    d.rescale(2);
    d.to_string()
}

/// Canonical text of a ratio: no trailing zeros ("0.8", "0.125").
pub fn taux(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Serde helpers: `Decimal` as a two-decimal string.
pub mod montant {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::euros(*d))
    }
}

/// Serde helpers: `Option<Decimal>` as a two-decimal string or null.
pub mod option {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&super::euros(*d)),
            None => s.serialize_none(),
        }
    }
}

/// Serde helpers: `Option<Decimal>` ratio as a normalized string or null.
pub mod taux_option {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&super::taux(*d)),
            None => s.serialize_none(),
        }
    }
}
