import Foundation

/// The view model's dates are ISO calendar dates ("2025-01-15"). These helpers only display them
/// and convert them for `DatePicker` (UTC midnight; the picker is shown in UTC too, so a day
/// never shifts with the time zone). Same output as the Android app's `Dates.kt`.
public enum Dates {
    private static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current

    private static func isoFormatter() -> DateFormatter {
        let f = DateFormatter()
        f.calendar = Calendar(identifier: .gregorian)
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = utc
        f.dateFormat = "yyyy-MM-dd"
        f.isLenient = false
        return f
    }

    /// Today in the device's time zone, ISO ("2025-01-15").
    public static func today(now: Date = Date(), zone: TimeZone = .current) -> String {
        let f = isoFormatter()
        f.timeZone = zone
        return f.string(from: now)
    }

    /// "15 janvier 2025" / "15 January 2025"; the text itself when it is not an ISO date.
    public static func long(_ iso: String, lang: Lang) -> String {
        guard let date = date(iso) else { return iso }
        let f = DateFormatter()
        f.calendar = Calendar(identifier: .gregorian)
        f.locale = Locale(identifier: lang == .en ? "en_GB" : "fr_FR")
        f.timeZone = utc
        f.dateFormat = "d MMMM yyyy"
        return f.string(from: date)
    }

    /// UTC midnight of an ISO date.
    public static func date(_ iso: String) -> Date? {
        guard iso.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil else { return nil }
        return isoFormatter().date(from: iso)
    }

    /// The ISO date of a `DatePicker` selection shown in UTC.
    public static func iso(_ date: Date) -> String {
        isoFormatter().string(from: date)
    }

    /// The time zone to show a `DatePicker` in, so that the chosen day is the stored day.
    public static var pickerTimeZone: TimeZone { utc }
}
