//! How the core's two foreign types cross the FFI (feature `uniffi` only).
//!
//! - `Decimal` (money, ratios), named `ExactDecimal` in the bindings, crosses as its decimal text, never a float: Kotlin sees
//!   `java.math.BigDecimal`, Swift `Foundation.Decimal` (`core/uniffi.toml`).
//! - `NaiveDate` (a calendar date, no time zone), named `CalendarDate` in the bindings, crosses as ISO 8601 `"YYYY-MM-DD"`: Kotlin sees
//!   `java.time.LocalDate`; Swift keeps the ISO text (`String`), because Foundation has no
//!   calendar-date type and `Date`, an instant, would shift the day with the time zone.
//!
//! Lifting never refuses a value the foreign type can hold, so that the core's own checks answer
//! with their typed error naming the field (uniffi's lifting error is an internal exception, and
//! a crash in Swift's non-throwing calls): any calendar date lifts (the core refuses one outside
//! 2000–2099 where it is an input), and a number beyond `Decimal`'s 28 digits lifts to the
//! largest `Decimal` of its sign, which every bound of the core refuses (`HorsBornes`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

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
        Err(_)
            if !t.is_empty()
                && t.trim_start_matches(['-', '+'])
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.') =>
        {
            Ok(if t.starts_with('-') {
                Decimal::MIN
            } else {
                Decimal::MAX
            })
        }
        Err(e) => Err(e.into()),
    }
}

uniffi::custom_type!(ExactDecimal, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| lever_decimal(&s),
});

uniffi::custom_type!(CalendarDate, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| Ok(s.trim().parse::<NaiveDate>()?),
});
