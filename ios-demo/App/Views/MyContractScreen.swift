import Assistmed
import SwiftUI

/// « Mon contrat »: once the contract is valid, where it stands (year, progress per indicator
/// with a gauge, verdict under the version's rule, when it is assessed, the year-3+ outlook),
/// then the form (the core's fields; each keystroke is an answer, the core saves the contract).
struct MyContractScreen: View {
    let contract: VueMonContrat
    let send: (Evenement) -> Void

    var body: some View {
        Form {
            Section { Text(contract.intro).font(.footnote) }
            if let status = contract.contract { StatusSections(status: status) }
            if let error = contract.error { Section { WarningLabel(text: error) } }
            ForEach(contract.questions, id: \.id) { question in
                QuestionSection(question: question, send: send)
            }
        }
    }
}

private struct StatusSections: View {
    let status: VueSuiviApp

    var body: some View {
        Section {
            Text(status.year)
            ForEach(status.indicators, id: \.indicator) { indicator in
                VStack(alignment: .leading) {
                    HStack(alignment: .firstTextBaseline) { Text(indicator.symbol); Text(indicator.text).font(.callout) }
                    if let gauge = indicator.gaugePercent { ProgressView(value: Double(gauge), total: 100) }
                }
                .accessibilityElement(children: .ignore)
                .accessibilityLabel(indicator.spoken)
            }
            HStack { Text(status.verdict.symbol); Text(status.verdict.title).font(.headline) }
                .accessibilityElement(children: .combine)
                .accessibilityAddTraits(.isHeader)
            Text(status.verdict.rule).font(.footnote)
            Text(status.assessment).font(.footnote)
        } header: {
            Text(status.title).accessibilityAddTraits(.isHeader)
        }
        Section(status.outlookTitle) {
            ForEach(Array(status.outlook.enumerated()), id: \.offset) { _, line in BulletLine(line: line) }
        }
        Section {
            ForEach(Array(status.caveats.enumerated()), id: \.offset) { _, line in BulletLine(line: line) }
            Text(status.disclaimer).font(.footnote)
        }
    }
}
