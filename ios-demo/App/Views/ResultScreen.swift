import Assistmed
import AssistmedDemoKit
import SwiftUI

/// The result: verdict (symbol + words), amounts of each option year by year, objectives,
/// reasons, second assistant, caveats, notices, disclaimer. Everything comes from the core's
/// `ResultView`; only amounts and dates are formatted here.
struct ResultScreen: View {
    @ObservedObject var model: SimulationModel
    let result: ResultView
    private let lang = Lang.app

    var body: some View {
        List {
            Section {
                VerdictHeader(result: result, lang: lang)
            }
            ForEach(result.options, id: \.option) { row in
                OptionSection(row: row, lang: lang)
            }
            Section {
                Button(L("action.compare")) { model.open(.comparison) }
                Button(L("action.legalBasis")) { model.open(.legalBasis) }
                Button(L("action.edit")) { model.open(.questionnaire) }
            }
            Section(L("result.reasons")) {
                ForEach(Array(result.reasons.enumerated()), id: \.offset) { _, reason in
                    let mark = Self.mark(reason.effect)
                    let message = lang.pick(reason.messageFr, reason.messageEn)
                    SymbolLine(symbol: mark.symbol, text: message, spoken: mark.words + " : " + message)
                }
            }
            if let second = lang.pick(result.secondAssistantFr, result.secondAssistantEn) {
                Section(L("result.secondAssistant")) {
                    Text(second).font(.callout)
                }
            }
            if !result.caveats.isEmpty {
                Section(L("result.caveats")) {
                    ForEach(Array(result.caveats.enumerated()), id: \.offset) { _, caveat in
                        SymbolLine(symbol: "!", text: lang.pick(caveat.messageFr, caveat.messageEn))
                    }
                }
            }
            if !result.notices.isEmpty {
                Section(L("result.notices")) {
                    ForEach(result.notices, id: \.id) { notice in
                        SymbolLine(symbol: "•", text: lang.pick(notice.textFr, notice.textEn))
                    }
                }
            }
            Section {
                Text(lang.pick(result.disclaimerFr, result.disclaimerEn)).font(.footnote)
            }
        }
        .navigationTitle(L("screen.result"))
        .toolbar {
            ToolbarItem(placement: .navigationBarTrailing) {
                Button {
                    model.open(.about)
                } label: {
                    Label(L("action.about"), systemImage: "info.circle")
                }
            }
        }
    }

    /// The symbol of a reason's effect, and the words VoiceOver says for it.
    private static func mark(_ effect: ReasonEffect) -> (symbol: String, words: String) {
        switch effect {
        case .satisfied: return ("✓", L("effect.satisfied"))
        case .blocking: return ("✗", L("effect.blocking"))
        case .referToCpam: return ("→", L("effect.referToCpam"))
        case .condition: return ("•", L("effect.condition"))
        }
    }
}

/// Symbol and title of the verdict, read by VoiceOver as one heading. The background tint only
/// repeats what the symbol and the words say.
private struct VerdictHeader: View {
    let result: ResultView
    let lang: Lang

    var body: some View {
        let verdict = result.verdict
        let title = lang.pick(verdict.titleFr, verdict.titleEn)
        VStack(alignment: .leading, spacing: 8) {
            HStack(alignment: .firstTextBaseline, spacing: 12) {
                Text(verdict.symbol).font(.largeTitle)
                Text(title).font(.title2.bold())
            }
            .accessibilityElement(children: .ignore)
            .accessibilityLabel(title)
            .accessibilityAddTraits(.isHeader)
            Text(L("result.rules", lang.pick(result.rules.titleFr, result.rules.titleEn))).font(.callout)
        }
        .listRowBackground(tint(verdict.status).opacity(0.15))
    }

    private func tint(_ status: EligibilityStatus) -> Color {
        switch status {
        case .eligible: return .green
        case .notEligible: return .red
        case .referToCpam: return .orange
        }
    }
}

/// What VoiceOver says for one year: "Année 1 : 19000 euros, maximum".
func spokenCell(_ cell: AidCell, _ lang: Lang) -> String {
    var parts = [spokenAmount(cell.amount, lang)]
    if cell.maximum { parts.append(L("result.maximum")) }
    if cell.revalued { parts.append(L("result.revalued", cell.rulesId)) }
    return L("result.yearSpoken", Int(cell.year), parts.joined(separator: ", "))
}

/// One option: unavailable (and why), or its amounts, total and objective.
private struct OptionSection: View {
    let row: OptionRow
    let lang: Lang

    var body: some View {
        Section(lang.pick(row.labelFr, row.labelEn)) {
            if !row.available {
                let why = lang.pick(row.unavailableFr, row.unavailableEn)
                SymbolLine(symbol: "✗", text: why.map { L("result.unavailable", $0) } ?? L("result.unavailableShort"))
            } else {
                ForEach(row.cells, id: \.year) { cell in
                    AmountLine(label: label(cell), amount: shownAmount(cell.amount), spoken: spokenCell(cell, lang))
                }
                AmountLine(
                    label: L("result.total"),
                    amount: shownAmount(row.total),
                    spoken: L("result.totalSpoken", spokenAmount(row.total, lang)),
                    emphasized: true
                )
                if row.cells.contains(where: \.maximum) {
                    Text(L("result.maximumNote")).font(.footnote)
                }
                if let objective = lang.pick(row.objectiveFr, row.objectiveEn) {
                    VStack(alignment: .leading, spacing: 4) {
                        Text(L("result.objective")).font(.headline).accessibilityAddTraits(.isHeader)
                        Text(objective).font(.callout)
                        ForEach(lang.pick(row.targetsFr, row.targetsEn), id: \.self) { target in
                            SymbolLine(symbol: "•", text: target)
                        }
                        if row.objectiveToConfirm {
                            SymbolLine(symbol: "?", text: L("result.objectiveToConfirm"))
                        }
                        if let deadline = row.deadline {
                            Text(L("result.deadline", Dates.long(deadline, lang: lang))).font(.callout)
                        }
                    }
                }
            }
        }
    }

    private func label(_ cell: AidCell) -> String {
        var text = L("result.year", Int(cell.year))
        if cell.maximum { text += " (" + L("result.maximum") + ")" }
        if cell.revalued { text += " (" + L("result.revalued", cell.rulesId) + ")" }
        return text
    }
}
