//! How the core's two foreign types cross the FFI (feature `uniffi` only).
//!
//! - `Decimal` (money, ratios) crosses as its decimal text, never a float: Kotlin sees
//!   `java.math.BigDecimal`, Swift `Foundation.Decimal` (`core/uniffi.toml`).
//! - `NaiveDate` (a calendar date, no time zone) crosses as ISO 8601 `"YYYY-MM-DD"`: Kotlin sees
//!   `java.time.LocalDate`; Swift keeps the ISO text (`String`), because Foundation has no
//!   calendar-date type and `Date`, an instant, would shift the day with the time zone.
//!
//! A malformed value can only come from a foreign caller building a record by hand; uniffi then
//! raises its internal error. Inputs people type go through the validated entry points.

use chrono::NaiveDate;
use rust_decimal::Decimal;

uniffi::custom_type!(Decimal, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| Ok(s.trim().parse::<Decimal>()?),
});

uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| Ok(crate::situation::lire_date("date", &s)?),
});
