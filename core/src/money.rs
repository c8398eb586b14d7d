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

/// Room for `texte_court`'s text: a sign, 29 digits (a 20-digit mantissa, or a scale of 28 and
/// its leading zero) and a point.
pub const TEXTE_COURT: usize = 32;

/// The text `Decimal`'s `Display` gives (a `-` for a negative value, zero included; the integer
/// part, at least `0`; a point and `scale` digits when the scale is not zero), written into
/// `sortie` from the digits of a mantissa that fits a `u64` (every amount and ratio of the
/// product): its length, or `None` for a larger mantissa, left to `Display`. rust_decimal's own
/// makes each digit by a 96-bit division (about 500 instructions an amount, callgrind).
pub fn texte_court(d: &Decimal, sortie: &mut [u8; TEXTE_COURT]) -> Option<usize> {
    let mut reste = u64::try_from(d.mantissa().unsigned_abs()).ok()?;
    let echelle = d.scale() as usize;
    // Least significant first, zeros beyond the mantissa's own digits.
    let mut chiffres = [b'0'; TEXTE_COURT];
    let mut n = 0;
    for c in chiffres.iter_mut() {
        if reste == 0 {
            break;
        }
        // (a remainder of 10 is below 10: the cast keeps it)
        *c = b'0' + (reste % 10) as u8;
        reste /= 10;
        n += 1;
    }
    let longueur = n.max(echelle + 1);
    let mut ecrits = 0;
    let mut ecrire = |c: u8| {
        if let Some(place) = sortie.get_mut(ecrits) {
            *place = c;
            ecrits += 1;
        }
    };
    if d.is_sign_negative() {
        ecrire(b'-');
    }
    for i in (0..longueur).rev() {
        if i + 1 == echelle {
            ecrire(b'.');
        }
        ecrire(chiffres.get(i).copied().unwrap_or(b'0'));
    }
    Some(ecrits)
}

/// Canonical text of an amount in euros: two decimals.
pub fn euros(d: Decimal) -> String {
    au_centime(d).to_string()
}

/// `d` with two decimals (`euros`' text, and the serialized amounts').
fn au_centime(mut d: Decimal) -> Decimal {
    d.rescale(2);
    d
}

/// Canonical text of a ratio: no trailing zeros ("0.8", "0.125").
pub fn taux(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Serializes `d` as its text (`Display`'s), from a buffer on the stack when `texte_court` can
/// write it: a JSON result of `simulate --jsonl` holds a few dozen amounts.
fn serialiser_texte<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    let mut t = [0; TEXTE_COURT];
    match texte_court(d, &mut t).and_then(|n| std::str::from_utf8(t.get(..n)?).ok()) {
        Some(texte) => s.serialize_str(texte),
        None => s.collect_str(d),
    }
}

/// Serde helpers: `Decimal` as a two-decimal string.
pub mod montant {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        super::serialiser_texte(&super::au_centime(*d), s)
    }
}

/// Serde helpers: `Option<Decimal>` as a two-decimal string or null.
pub mod option {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::montant::serialize(d, s),
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
            Some(d) => super::serialiser_texte(&d.normalize(), s),
            None => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn court(d: Decimal) -> Option<String> {
        let mut t = [0; TEXTE_COURT];
        texte_court(&d, &mut t).map(|n| String::from_utf8(t[..n].to_vec()).unwrap())
    }

    #[test]
    fn le_texte_court_est_celui_de_display() {
        let mut graine: u64 = 0x2545_F491_4F6C_DD1D;
        let mut valeurs = vec![
            Decimal::ZERO,
            -Decimal::ZERO,
            Decimal::new(0, 2),
            Decimal::new(0, 28),
            Decimal::new(5, 28),
            Decimal::new(-5, 1),
            Decimal::new(1_900_000, 2),
            Decimal::new(i64::MAX, 0),
            Decimal::new(i64::MIN, 3),
            Decimal::from_i128_with_scale(i128::from(u64::MAX), 10),
            Decimal::from_i128_with_scale(-i128::from(u64::MAX), 28),
        ];
        for _ in 0..20_000 {
            // xorshift: mantissas of every length, every scale, both signs
            graine ^= graine << 13;
            graine ^= graine >> 7;
            graine ^= graine << 17;
            let chiffres = (graine % 20) as u32;
            let m = i128::from(graine >> 8) % 10i128.pow(chiffres);
            let signe = if graine & 1 == 0 { 1 } else { -1 };
            valeurs.push(Decimal::from_i128_with_scale(
                signe * m,
                (graine >> 3) as u32 % 29,
            ));
        }
        for d in valeurs {
            assert_eq!(court(d).as_deref(), Some(d.to_string().as_str()), "{d:?}");
        }
        // Beyond a u64 mantissa: left to Display.
        assert_eq!(
            court(Decimal::from_i128_with_scale(i128::from(u64::MAX) + 1, 2)),
            None
        );
        assert_eq!(court(Decimal::MAX), None);
    }
}
