import Assistmed
import AssistmedDemoKit
import SwiftUI
import UniformTypeIdentifiers

/// "À propos": the rule versions and the contracts they govern, where the active rules come
/// from (embedded, or a signed update: version, date, signature), a rule update set aside at
/// start-up, and the import of a signed update from files (no download).
struct AboutScreen: View {
    @ObservedObject var model: SimulationModel
    private let lang = Lang.app
    @State private var importing = false
    @State private var outcome: ImportOutcome?

    var body: some View {
        let about = model.about()
        List {
            Section {
                Text(L("about.offline")).font(.callout)
            }
            Section(L("about.versions")) {
                ForEach(about.versions, id: \.id) { version in
                    VStack(alignment: .leading, spacing: 4) {
                        Text(lang.pick(version.titleFr, version.titleEn)).font(.headline)
                        Text(L("about.versionFrom", Dates.long(version.start, lang: lang)))
                        if let end = version.endExclusive {
                            Text(L("about.versionUntil", Dates.long(end, lang: lang)))
                        } else {
                            Text(L("about.versionInForce"))
                        }
                        Text(verbatim: version.id).font(.footnote).foregroundStyle(.secondary)
                    }
                }
                if let applied = about.applied {
                    Text(L("about.applied", lang.pick(applied.titleFr, applied.titleEn))).font(.callout)
                }
            }
            Section(L("about.provenance")) {
                let p = about.provenance
                Text(L(p.origin == .embedded ? "about.originEmbedded" : "about.originUpdate")).font(.headline)
                Text(L("about.bundleVersion", String(p.bundleVersion), Dates.long(p.published, lang: lang)))
                Text(p.provenance).font(.footnote)
                if let signature = p.signatureHex {
                    Text(L("about.signature", signature)).font(.footnote).textSelection(.enabled)
                }
                if let warning = about.warning {
                    WarningLabel(text: L("about.warning", warning.text(lang)))
                }
            }
            Section {
                Button(L("action.importRules")) { importing = true }
                switch outcome {
                case .none:
                    EmptyView()
                case .some(.needBundleAndSignature):
                    WarningLabel(text: L("import.needPair"))
                case .some(.installed(let provenance)):
                    Text(L("import.installed", String(provenance.bundleVersion)))
                case .some(.refused(let error)):
                    WarningLabel(text: L("import.refused", error.messageIn(language: lang.core)))
                }
            }
        }
        .navigationTitle(L("screen.about"))
        .fileImporter(isPresented: $importing, allowedContentTypes: [.data], allowsMultipleSelection: true) { picked in
            guard case .success(let urls) = picked else { return }
            outcome = RuleUpdates.importFiles(urls.compactMap(Self.read), into: model, bundles: FileBundleStore())
        }
    }

    /// (file name, bytes) of a picked file, inside its security scope.
    private static func read(_ url: URL) -> (name: String, data: Data)? {
        let scoped = url.startAccessingSecurityScopedResource()
        defer { if scoped { url.stopAccessingSecurityScopedResource() } }
        guard let data = try? Data(contentsOf: url) else { return nil }
        return (url.lastPathComponent, data)
    }
}
