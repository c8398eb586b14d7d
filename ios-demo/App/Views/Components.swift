import Assistmed
import SwiftUI

/// A warning: an icon and a text, never colour alone.
struct WarningLabel: View {
    let text: String

    var body: some View {
        Label(text, systemImage: "exclamationmark.triangle.fill")
            .foregroundStyle(.red)
            .accessibilityAddTraits(.updatesFrequently)
    }
}

/// A line with a leading symbol (✓ ✗ → • ! ?); VoiceOver says the core's spoken text.
struct BulletLine: View {
    let line: VueLigne

    var body: some View {
        HStack(alignment: .firstTextBaseline, spacing: 8) {
            if !line.symbol.isEmpty { Text(line.symbol) }
            Text(line.text).font(.callout)
        }
        .accessibilityElement(children: .ignore)
        .accessibilityLabel(line.spoken)
    }
}

/// A label and an amount; VoiceOver says the core's spoken form (« Année 1 : 19000 euros »).
struct AmountLine: View {
    let line: VueMontant
    var emphasized = false

    var body: some View {
        ViewThatFits(in: .horizontal) {
            HStack { Text(line.label); Spacer(); Text(line.amount) }
            VStack(alignment: .leading) { Text(line.label); Text(line.amount) }
        }
        .font(emphasized ? .headline : .body)
        .accessibilityElement(children: .ignore)
        .accessibilityLabel(line.spoken)
    }
}
