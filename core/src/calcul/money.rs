//! Money and ratios are `Decimal`, written as canonical decimal strings ("19000.00"): no float
//! ever carries an amount, in JSON or across the FFI.

use rust_decimal::Decimal;

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
