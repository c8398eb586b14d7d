import Assistmed
import AssistmedDemoKit
import SwiftUI

/// ½ ETP and 1 ETP side by side, year by year, then totals and objectives. A grid at ordinary
/// text sizes; at accessibility text sizes one block per year, so nothing is cut. Each row is
/// read by VoiceOver as one sentence.
struct ComparisonScreen: View {
    let comparison: Comparison
    private let lang = Lang.app
    @Environment(\.dynamicTypeSize) private var typeSize

    private var half: String { lang.pick(comparison.half.labelFr, comparison.half.labelEn) }
    private var full: String { lang.pick(comparison.full.labelFr, comparison.full.labelEn) }

    var body: some View {
        List {
            Section {
                if typeSize.isAccessibilitySize {
                    stacked
                } else {
                    grid
                }
                if comparison.years.contains(where: { $0.half?.maximum == true || $0.full?.maximum == true }) {
                    Text(L("result.maximumNote")).font(.footnote)
                }
            }
            notes(comparison.half)
            notes(comparison.full)
        }
        .navigationTitle(L("screen.comparison"))
    }

    private var grid: some View {
        Grid(alignment: .trailing, horizontalSpacing: 12, verticalSpacing: 8) {
            GridRow {
                Text(L("comparison.year")).gridColumnAlignment(.leading)
                Text(half)
                Text(full)
            }
            .font(.headline)
            .accessibilityAddTraits(.isHeader)
            Divider()
            ForEach(comparison.years, id: \.year) { y in
                GridRow {
                    Text(verbatim: String(y.year)).gridColumnAlignment(.leading)
                    Text(shown(y.half, comparison.half)).monospacedDigit()
                    Text(shown(y.full, comparison.full)).monospacedDigit()
                }
                .accessibilityElement(children: .ignore)
                .accessibilityLabel(spokenRow(y))
            }
            Divider()
            GridRow {
                Text(L("result.total")).gridColumnAlignment(.leading)
                Text(comparison.half.available ? shownAmount(comparison.half.total) : "—").monospacedDigit()
                Text(comparison.full.available ? shownAmount(comparison.full.total) : "—").monospacedDigit()
            }
            .font(.headline)
            .accessibilityElement(children: .ignore)
            .accessibilityLabel(spokenTotal)
        }
    }

    private var stacked: some View {
        VStack(alignment: .leading, spacing: 12) {
            ForEach(comparison.years, id: \.year) { y in
                VStack(alignment: .leading) {
                    Text(L("result.year", Int(y.year))).font(.headline)
                    Text(verbatim: half + " : " + shown(y.half, comparison.half))
                    Text(verbatim: full + " : " + shown(y.full, comparison.full))
                }
                .accessibilityElement(children: .ignore)
                .accessibilityLabel(spokenRow(y))
            }
            VStack(alignment: .leading) {
                Text(L("result.total")).font(.headline)
                Text(verbatim: half + " : " + (comparison.half.available ? shownAmount(comparison.half.total) : "—"))
                Text(verbatim: full + " : " + (comparison.full.available ? shownAmount(comparison.full.total) : "—"))
            }
            .accessibilityElement(children: .ignore)
            .accessibilityLabel(spokenTotal)
        }
    }

    private func shown(_ cell: AidCell?, _ row: OptionRow) -> String {
        guard row.available, let cell else { return "—" }
        return shownAmount(cell.amount) + (cell.maximum ? " *" : "")
    }

    private func spoken(_ cell: AidCell?, _ row: OptionRow) -> String {
        guard row.available, let cell else { return L("result.unavailableShort") }
        return spokenAmount(cell.amount, lang) + (cell.maximum ? ", " + L("result.maximum") : "")
    }

    private func spokenRow(_ y: ComparisonYear) -> String {
        L("comparison.rowSpoken", Int(y.year), half, spoken(y.half, comparison.half), full, spoken(y.full, comparison.full))
    }

    private var spokenTotal: String {
        L(
            "comparison.totalSpoken",
            half, comparison.half.available ? spokenAmount(comparison.half.total, lang) : L("result.unavailableShort"),
            full, comparison.full.available ? spokenAmount(comparison.full.total, lang) : L("result.unavailableShort")
        )
    }

    /// Why an option is unavailable, or its objective.
    private func notes(_ row: OptionRow) -> some View {
        Section(lang.pick(row.labelFr, row.labelEn)) {
            if !row.available {
                let why = lang.pick(row.unavailableFr, row.unavailableEn)
                SymbolLine(symbol: "✗", text: why.map { L("result.unavailable", $0) } ?? L("result.unavailableShort"))
            } else {
                if let objective = lang.pick(row.objectiveFr, row.objectiveEn) {
                    Text(objective).font(.callout)
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
