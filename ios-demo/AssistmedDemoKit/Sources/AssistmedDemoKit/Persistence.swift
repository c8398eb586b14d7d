import Foundation

/// Where the last simulation is kept on the device (nothing is sent anywhere).
public protocol SimulationStore: AnyObject {
    /// The saved answers (`AnswersCodec` JSON text), or nil when none.
    func load() -> String?
    func save(_ json: String)
    func clear()
}

/// A rule update as stored on the device: the bundle's exact bytes and its detached signature.
public struct StoredBundle: Equatable {
    public let bundle: Data
    public let signature: Data

    public init(bundle: Data, signature: Data) {
        self.bundle = bundle
        self.signature = signature
    }
}

/// Where the active rule update is kept: exactly `RuleStore.exportActive()`, handed back to
/// `RuleStore.restore` at start-up, which checks the signature again.
public protocol BundleStore: AnyObject {
    func load() -> StoredBundle?
    func save(_ bundle: StoredBundle)
    func clear()
}

public final class InMemorySimulationStore: SimulationStore {
    private var json: String?
    public private(set) var saves = 0

    public init(_ json: String? = nil) {
        self.json = json
    }

    public func load() -> String? { json }

    public func save(_ json: String) {
        self.json = json
        saves += 1
    }

    public func clear() { json = nil }
}

public final class InMemoryBundleStore: BundleStore {
    private var stored: StoredBundle?

    public init(_ stored: StoredBundle? = nil) {
        self.stored = stored
    }

    public func load() -> StoredBundle? { stored }
    public func save(_ bundle: StoredBundle) { stored = bundle }
    public func clear() { stored = nil }
}

/// Files in the app's Application Support folder, excluded from iCloud and iTunes backups: the
/// answers include the doctor's own health status (ALD / RQTH) and age, and stay on this device
/// (the Android app sets `allowBackup="false"` for the same reason).
enum PrivateFiles {
    static func directory(_ name: String) -> URL? {
        let fm = FileManager.default
        guard let base = fm.urls(for: .applicationSupportDirectory, in: .userDomainMask).first else { return nil }
        var dir = base.appendingPathComponent(name, isDirectory: true)
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            var values = URLResourceValues()
            values.isExcludedFromBackup = true
            try dir.setResourceValues(values)
        } catch {
            return nil
        }
        return dir
    }

    static func write(_ data: Data, to url: URL) {
        try? data.write(to: url, options: [.atomic])
    }
}

/// The last simulation's answers in `Application Support/Simulation/answers.json`.
public final class FileSimulationStore: SimulationStore {
    private let url: URL?

    public init() {
        url = PrivateFiles.directory("Simulation")?.appendingPathComponent("answers.json")
    }

    public func load() -> String? {
        guard let url, let data = try? Data(contentsOf: url) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    public func save(_ json: String) {
        guard let url else { return }
        PrivateFiles.write(Data(json.utf8), to: url)
    }

    public func clear() {
        guard let url else { return }
        try? FileManager.default.removeItem(at: url)
    }
}

/// The installed rule update in `Application Support/Rules/update.json` and `update.sig`.
public final class FileBundleStore: BundleStore {
    private let bundleURL: URL?
    private let signatureURL: URL?

    public init() {
        let dir = PrivateFiles.directory("Rules")
        bundleURL = dir?.appendingPathComponent("update.json")
        signatureURL = dir?.appendingPathComponent("update.sig")
    }

    public func load() -> StoredBundle? {
        guard let bundleURL, let signatureURL,
              let bundle = try? Data(contentsOf: bundleURL),
              let signature = try? Data(contentsOf: signatureURL)
        else { return nil }
        return StoredBundle(bundle: bundle, signature: signature)
    }

    public func save(_ stored: StoredBundle) {
        guard let bundleURL, let signatureURL else { return }
        PrivateFiles.write(stored.bundle, to: bundleURL)
        PrivateFiles.write(stored.signature, to: signatureURL)
    }

    public func clear() {
        for url in [bundleURL, signatureURL].compactMap({ $0 }) {
            try? FileManager.default.removeItem(at: url)
        }
    }
}
