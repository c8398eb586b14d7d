import Assistmed
import SwiftUI

/// ½ ETP and 1 ETP side by side, year by year, then totals and objectives. VoiceOver reads each
/// row as one sentence (the core's spoken form).
struct ComparisonScreen: View {
    let comparison: VueComparaison

    var body: some View {
        List {
            Section {
                Row(label: comparison.year, half: comparison.half, full: comparison.full)
                    .font(.subheadline.bold())
                    .accessibilityAddTraits(.isHeader)
                ForEach(Array(comparison.rows.enumerated()), id: \.offset) { _, row in
                    Row(label: row.label, half: row.half, full: row.full).accessibilityLabel(row.spoken)
                }
                Row(label: comparison.total.label, half: comparison.total.half, full: comparison.total.full)
                    .font(.headline)
                    .accessibilityLabel(comparison.total.spoken)
            } footer: {
                if let note = comparison.maximumNote { Text(note) }
            }
            ForEach(Array(comparison.notes.enumerated()), id: \.offset) { _, notes in
                Section(notes.title) {
                    ForEach(Array(notes.lines.enumerated()), id: \.offset) { BulletLine(line: $0.element) }
                }
            }
        }
    }
}

private struct Row: View {
    let label: String
    let half: String
    let full: String

    var body: some View {
        HStack {
            Text(label).frame(maxWidth: .infinity, alignment: .leading)
            Text(half).frame(maxWidth: .infinity, alignment: .trailing)
            Text(full).frame(maxWidth: .infinity, alignment: .trailing)
        }
        .accessibilityElement(children: .combine)
    }
}
