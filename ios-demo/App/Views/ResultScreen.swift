import Assistmed
import SwiftUI

/// The result: verdict (symbol and words), each option's amounts year by year, objectives,
/// reasons, second assistant, caveats, notices, disclaimer — all texts of the core's view.
struct ResultScreen: View {
    let result: VueResultatApp
    let send: (Evenement) -> Void

    var body: some View {
        List {
            Section {
                HStack(spacing: 16) {
                    Text(result.verdict.symbol).font(.largeTitle)
                    Text(result.verdict.title).font(.title2)
                }
                .accessibilityElement(children: .combine)
                .accessibilityAddTraits(.isHeader)
                Text(result.verdict.rules).font(.callout)
            }
            Section(result.optionsTitle) {
                ForEach(Array(result.options.enumerated()), id: \.offset) { _, option in
                    OptionRows(option: option)
                }
            }
            Section {
                Button(result.compare) { send(.ouvrir(ecran: .comparaison)) }
                Button(result.netCost) { send(.ouvrir(ecran: .coutNet)) }
                Button(result.legalBasis) { send(.ouvrir(ecran: .baseLegale)) }
                Button(result.edit) { send(.ouvrir(ecran: .questionnaire)) }
            }
            Section(result.reasonsTitle) {
                ForEach(Array(result.reasons.enumerated()), id: \.offset) { BulletLine(line: $0.element) }
            }
            if let second = result.secondAssistant {
                Section(second.title) { Text(second.text) }
            }
            if !result.caveats.isEmpty {
                Section(result.caveatsTitle) {
                    ForEach(Array(result.caveats.enumerated()), id: \.offset) { BulletLine(line: $0.element) }
                }
            }
            if !result.notices.isEmpty {
                Section(result.noticesTitle) {
                    ForEach(Array(result.notices.enumerated()), id: \.offset) { BulletLine(line: $0.element) }
                }
            }
            Section { Text(result.disclaimer).font(.footnote) }
        }
    }
}

private struct OptionRows: View {
    let option: VueOption

    var body: some View {
        Text(option.label).font(.headline).accessibilityAddTraits(.isHeader)
        if let unavailable = option.unavailable { BulletLine(line: unavailable) }
        ForEach(Array(option.years.enumerated()), id: \.offset) { AmountLine(line: $0.element) }
        if option.available { AmountLine(line: option.total, emphasized: true) }
        if let note = option.maximumNote { Text(note).font(.footnote) }
        if let title = option.objectiveTitle { Text(title).font(.subheadline).accessibilityAddTraits(.isHeader) }
        if let objective = option.objective { Text(objective).font(.callout) }
        ForEach(option.targets, id: \.self) { Text("• \($0)").font(.callout) }
        if let toConfirm = option.toConfirm { Text("? \(toConfirm)").font(.callout) }
        if let deadline = option.deadline { Text(deadline).font(.callout) }
    }
}
