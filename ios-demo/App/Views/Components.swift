import Assistmed
import AssistmedDemoKit
import SwiftUI

/// The app's own words from `Localizable.strings` (French base, English), formatted with
/// positional arguments (`%1$@`, `%1$ld`). Texts about the rules come from the core instead.
func L(_ key: String, _ args: CVarArg...) -> String {
    let format = NSLocalizedString(key, comment: "")
    return args.isEmpty ? format : String(format: format, locale: Locale.current, arguments: args)
}

/// "19 000 €" as shown; "non publié" when the amount is not published.
func shownAmount(_ amount: Amount?) -> String {
    amount.map(AmountFormat.display) ?? L("result.notPublished")
}

/// "19000 euros" for VoiceOver; "non publié" when the amount is not published.
func spokenAmount(_ amount: Amount?, _ lang: Lang) -> String {
    amount.map { AmountFormat.spoken($0, lang: lang) } ?? L("result.notPublished")
}

/// A label and an amount on one line (two lines at large text sizes); VoiceOver reads `spoken`
/// as one element ("Année 1 : 19000 euros, maximum").
struct AmountLine: View {
    let label: String
    let amount: String
    let spoken: String
    var emphasized = false

    var body: some View {
        ViewThatFits(in: .horizontal) {
            HStack(alignment: .firstTextBaseline) {
                Text(label)
                Spacer()
                Text(amount).monospacedDigit()
            }
            VStack(alignment: .leading, spacing: 2) {
                Text(label)
                Text(amount).monospacedDigit()
            }
        }
        .font(emphasized ? .headline : .body)
        .accessibilityElement(children: .ignore)
        .accessibilityLabel(spoken)
    }
}

/// A warning: an icon and a text, never colour alone.
struct WarningLabel: View {
    let text: String

    var body: some View {
        Label(text, systemImage: "exclamationmark.triangle.fill")
            .font(.callout)
            .foregroundStyle(.red)
    }
}

/// A line with a leading symbol (✓, ✗, →, •); VoiceOver reads `spoken`, which says in words
/// what the symbol means.
struct SymbolLine: View {
    let symbol: String
    let text: String
    var spoken: String?

    var body: some View {
        HStack(alignment: .firstTextBaseline, spacing: 8) {
            Text(symbol).font(.body)
            Text(text).font(.callout)
        }
        .accessibilityElement(children: .ignore)
        .accessibilityLabel(spoken ?? text)
    }
}
