import Assistmed
import Foundation

/// Amounts of the view model (`Amount` = canonical decimal text, "19000.00") as shown and as
/// spoken — the same output as the Android app's `AmountFormat.kt`.
///
/// Shown with the fr_FR currency formatter whatever the UI language (the aid is in euros):
/// whole amounts, which is every published amount, without cents: "19 000 €" (U+202F between
/// digit groups, U+00A0 before "€", as CLDR data writes them).
///
/// Spoken (VoiceOver `accessibilityLabel`) without digit grouping, "19000 euros": a speech
/// engine reads an ungrouped number as one number.
public enum AmountFormat {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The amount as a `Decimal` (never a float), or nil if the text is not a decimal.
    public static func decimal(_ amount: Amount) -> Decimal? {
        Decimal(string: amount, locale: posix)
    }

    public static func display(_ amount: Amount) -> String {
        guard let value = decimal(amount) else { return amount }
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "fr_FR")
        formatter.numberStyle = .currency
        formatter.currencyCode = "EUR"
        let digits = isWhole(amount) ? 0 : 2
        formatter.minimumFractionDigits = digits
        formatter.maximumFractionDigits = digits
        return formatter.string(from: value as NSDecimalNumber) ?? amount
    }

    public static func spoken(_ amount: Amount, lang: Lang) -> String {
        let (euros, cents) = parts(amount)
        let n = Int(euros) ?? 0
        // French: "0 euro", "1 euro", "2 euros"; English: "1 euro", "0 euros", "2 euros".
        let plural = lang == .fr ? n >= 2 : n != 1
        let head = "\(euros) \(plural ? "euros" : "euro")"
        guard cents > 0 else { return head }
        switch lang {
        case .fr: return "\(head) et \(cents) \(cents >= 2 ? "centimes" : "centime")"
        case .en: return "\(head) and \(cents) \(cents == 1 ? "cent" : "cents")"
        }
    }

    /// Whole euros (without leading zeros) and cents of a canonical amount ("19000.50").
    private static func parts(_ amount: Amount) -> (String, Int) {
        let pieces = amount.trimmingCharacters(in: .whitespaces).split(separator: ".", maxSplits: 1)
        let whole = pieces.first.map(String.init) ?? "0"
        let euros = String(whole.drop { $0 == "0" }).isEmpty ? "0" : String(whole.drop { $0 == "0" })
        let fraction = pieces.count > 1 ? String(pieces[1]) : ""
        let cents = Int((fraction + "00").prefix(2)) ?? 0
        return (euros, cents)
    }

    private static func isWhole(_ amount: Amount) -> Bool {
        parts(amount).1 == 0
    }
}
