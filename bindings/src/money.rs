//! Money and ratios as custom types over `String`: the canonical decimal text of the core
//! (`assistmed_core::money`), never a float.

use assistmed_core::money;
use rust_decimal::Decimal;

/// An amount in euros. Crosses the FFI as its canonical text with two decimals ("19000.00").
///
/// Kotlin: `java.math.BigDecimal` (see `uniffi.toml`); Swift: `String`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Amount(pub Decimal);

/// A ratio ("0.25" = 25 %). Crosses the FFI as its canonical text, without trailing zeros.
///
/// Kotlin: `java.math.BigDecimal` (see `uniffi.toml`); Swift: `String`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ratio(pub Decimal);

impl Amount {
    /// Canonical text, two decimals ("19000.00").
    pub fn canonical(&self) -> String {
        money::euros(self.0)
    }
}

impl Ratio {
    /// Canonical text, no trailing zeros ("0.25", "1").
    pub fn canonical(&self) -> String {
        money::taux(self.0)
    }
}

/// Reads a decimal sent by the foreign side (only possible when a record holding one is passed
/// back in). A malformed one is a uniffi internal error: inputs that people type are plain
/// `String`s validated by the core, which answer with a typed error instead.
fn lire(texte: &str) -> uniffi::Result<Decimal> {
    Ok(texte.trim().parse::<Decimal>()?)
}

uniffi::custom_type!(Amount, String, {
    lower: |a| a.canonical(),
    try_lift: |s| lire(&s).map(Amount),
});

uniffi::custom_type!(Ratio, String, {
    lower: |r| r.canonical(),
    try_lift: |s| lire(&s).map(Ratio),
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_text() -> Result<(), rust_decimal::Error> {
        assert_eq!(Amount("19000".parse()?).canonical(), "19000.00");
        assert_eq!(Amount("7000.5".parse()?).canonical(), "7000.50");
        assert_eq!(Ratio("0.250".parse()?).canonical(), "0.25");
        assert_eq!(Ratio("1.00".parse()?).canonical(), "1");
        Ok(())
    }

    #[test]
    fn lifting_rejects_garbage() {
        assert!(lire("12,5").is_err());
        assert!(lire("").is_err());
        assert!(lire(" 12.5 ").is_ok());
    }
}
