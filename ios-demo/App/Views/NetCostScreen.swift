import Assistmed
import SwiftUI

/// « Coût net »: the salary field, then ½ ETP and 1 ETP side by side, year by year (aid,
/// employer cost, net, break-even: the core's texts and column names), totals, break-even,
/// assumptions with grade and source, caveats and references. Nothing computed here.
struct NetCostScreen: View {
    let netCost: VueCoutNet
    let send: (Evenement) -> Void

    var body: some View {
        Form {
            Section { Text(netCost.intro).font(.footnote) }
            QuestionSection(question: netCost.salary, send: send)
            if let error = netCost.error { Section { WarningLabel(text: error) } }
            if let economics = netCost.economics {
                Section(economics.title) {
                    ForEach(economics.options, id: \.title) { option in
                        Text(option.title + " — " + option.salary).font(.footnote)
                    }
                }
                ForEach(Array(rowsOf(economics).enumerated()), id: \.offset) { _, rows in
                    YearSection(columns: economics.columns, titles: economics.options.map(\.title), rows: rows)
                }
                Section {
                    ForEach(economics.options, id: \.title) { option in
                        Text(option.title + " : " + option.breakEven)
                    }
                }
                Section {
                    ForEach(economics.assumptions + economics.caveats + economics.secondAssistant + economics.references, id: \.self) {
                        Text($0).font(.footnote)
                    }
                    Text(economics.disclaimer).font(.footnote)
                }
            }
        }
    }

    /// Each year's row of every option, then the totals: the rows as the core gave them.
    private func rowsOf(_ e: VueEconomie) -> [[LigneEconomie]] {
        let years = e.options.map(\.rows.count).max() ?? 0
        let perYear = (0..<years).map { y in e.options.compactMap { $0.rows.indices.contains(y) ? $0.rows[y] : nil } }
        return perYear + [e.options.map(\.total)]
    }
}

private struct YearSection: View {
    let columns: [String]
    let titles: [String]
    let rows: [LigneEconomie]

    var body: some View {
        Section {
            figure(2, \.aid)
            figure(3, \.employerCost)
            figure(4, \.net)
            figure(5, \.breakEven)
        } header: {
            Text([rows.first?.year, rows.first?.period].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · "))
                .accessibilityAddTraits(.isHeader)
        }
        .accessibilityElement(children: .ignore)
        .accessibilityLabel(rows.map(\.spoken).joined(separator: ". "))
    }

    private func figure(_ column: Int, _ value: KeyPath<LigneEconomie, String>) -> some View {
        VStack(alignment: .leading) {
            Text(columns.indices.contains(column) ? columns[column] : "").font(.subheadline)
            ForEach(Array(zip(titles, rows).enumerated()), id: \.offset) { _, pair in
                HStack { Text(pair.0); Spacer(); Text(pair.1[keyPath: value]) }
            }
        }
    }
}
