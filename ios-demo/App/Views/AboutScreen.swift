import Assistmed
import SwiftUI

/// « À propos »: the rule versions and the contracts each governs, where the active rules come
/// from, a rule update set aside at start-up, and the import of a signed update from files.
struct AboutScreen: View {
    let about: VueAPropos
    let pickRuleFiles: () -> Void

    var body: some View {
        List {
            Section { Text(about.offline).font(.footnote) }
            Section(about.versionsTitle) {
                ForEach(Array(about.versions.enumerated()), id: \.offset) { _, version in
                    VStack(alignment: .leading) {
                        Text(version.title).font(.headline)
                        Text(version.period).font(.callout)
                    }
                }
                if let applied = about.applied { Text(applied).font(.callout) }
            }
            Section(about.provenanceTitle) {
                Text(about.origin).font(.headline)
                Text(about.dataVersion).font(.callout)
                if let warning = about.warning { WarningLabel(text: warning) }
            }
            Section {
                Button(about.importLabel, action: pickRuleFiles)
                if let outcome = about.importOutcome { BulletLine(line: outcome) }
            }
        }
    }
}
