import Assistmed
import Foundation

/// The iOS shell around the core's `AppModel`: it republishes the core's view to SwiftUI, sends
/// the user's actions, and stores the files of bytes the core hands over (in Application
/// Support, excluded from backups) — nothing else. State, texts, validation and figures are the
/// core's; this code only reads view fields and calls core methods (it never builds a record).
@MainActor
public final class AppStore: ObservableObject {
    @Published public private(set) var view: VueApp
    private let model: AppModel
    private let directory: URL

    /// - Parameters:
    ///   - directory: where the core's files live (default: Application Support/Assistmed).
    ///   - today: pre-fills the signature date ("YYYY-MM-DD"; default: today, Gregorian).
    ///   - language: the device language (default: the first preferred one).
    public init(directory: URL? = nil, today: String? = nil, language: String? = nil) throws {
        let dir = directory ?? AppStore.defaultDirectory()
        var stored: [String: Data] = [:]
        for name in appFileNames() {
            if let data = try? Data(contentsOf: dir.appendingPathComponent(name)) {
                stored[name] = data
            }
        }
        let model = try AppModel(
            files: stored,
            today: today ?? AppStore.isoToday(),
            language: language ?? Locale.preferredLanguages.first ?? "fr"
        )
        self.model = model
        self.directory = dir
        self.view = model.view()
        store()
    }

    /// One user action (a tap, a keystroke, a picked file).
    public func send(_ event: Evenement) {
        view = model.send(event: event)
        store()
    }

    /// Files the user picked in « Importer une mise à jour des règles ».
    public func importRules(_ urls: [URL]) {
        var files: [String: Data] = [:]
        for url in urls {
            let scoped = url.startAccessingSecurityScopedResource()
            defer { if scoped { url.stopAccessingSecurityScopedResource() } }
            if let data = try? Data(contentsOf: url) {
                files[url.lastPathComponent] = data
            }
        }
        // The SDK's helper builds the event's records (bindings/swift/Evenement+Import.swift).
        send(.importRules(files: files))
    }

    private func store() {
        for write in model.takeWrites() {
            let url = directory.appendingPathComponent(write.nom)
            if let bytes = write.octets {
                try? FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? bytes.write(to: url, options: [.atomic, .completeFileProtection])
            } else {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }

    private static func defaultDirectory() -> URL {
        var url = FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask)[0]
            .appendingPathComponent("Assistmed", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try? url.setResourceValues(values)
        return url
    }

    private static func isoToday() -> String {
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
