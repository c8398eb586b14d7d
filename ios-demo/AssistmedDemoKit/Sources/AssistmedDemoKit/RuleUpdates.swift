import Assistmed
import Foundation

/// What became of the files picked in "Importer une mise à jour des règles".
public enum ImportOutcome: Equatable {
    /// Not exactly one bundle and one `.sig` file: nothing was tried.
    case needBundleAndSignature
    case installed(RulesProvenance)
    /// The core refused the update (its typed error says which check failed); rules unchanged.
    case refused(AssistmedError)
}

/// Signed rule updates on the device, offline: the core checks everything (signature against
/// the keys compiled into the library, schema, newer version, integrity); the app only stores
/// and hands back bytes. No download: an update is a file the user opens. Mirrors `RuleUpdates.kt`.
public enum RuleUpdates {
    /// At start-up: the stored update if it still passes every check, else the embedded rules
    /// with the reason as a warning (shown in "À propos"). A rejected update is deleted.
    public static func open(_ bundles: BundleStore) throws -> (RuleStore, BundleWarning?) {
        let saved = bundles.load()
        let store = try RuleStore.restore(bundle: saved?.bundle, signature: saved?.signature)
        let warning = store.startupWarning()
        if saved != nil, warning != nil { bundles.clear() }
        return (store, warning)
    }

    /// Installs an update on top of `current` and stores what the new store exports. Throws the
    /// core's typed error and changes nothing then.
    public static func install(_ current: RuleStore, bundle: Data, signature: Data, bundles: BundleStore) throws -> RuleStore {
        let next = try current.install(bundle: bundle, signature: signature)
        if let exported = next.exportActive() {
            bundles.save(StoredBundle(bundle: exported.bundle, signature: exported.signature))
        }
        return next
    }

    /// The import action: installs the picked update, stores it, recomputes the simulation.
    @MainActor
    public static func importFiles(_ files: [(name: String, data: Data)], into model: SimulationModel, bundles: BundleStore) -> ImportOutcome {
        guard let picked = pair(files) else { return .needBundleAndSignature }
        do {
            let next = try install(model.rules, bundle: picked.0, signature: picked.1, bundles: bundles)
            model.replaceRules(next)
            return .installed(next.provenance())
        } catch let error as AssistmedError {
            return .refused(error)
        } catch {
            return .refused(.Internal(code: "interne", field: nil, messageFr: "\(error)", messageEn: "\(error)"))
        }
    }

    /// Among picked files, the bundle and its detached signature (the one named `*.sig`, as
    /// `assistmed bundle sign` writes it). Nil unless exactly one of each.
    public static func pair(_ files: [(name: String, data: Data)]) -> (Data, Data)? {
        let sigs = files.filter { $0.name.lowercased().hasSuffix(".sig") }
        let others = files.filter { !$0.name.lowercased().hasSuffix(".sig") }
        guard sigs.count == 1, others.count == 1 else { return nil }
        return (others[0].data, signatureBytes(sigs[0].data))
    }

    /// A signature file's bytes: 128 hex characters (+ newline) as `assistmed bundle sign`
    /// writes them, or raw bytes passed through (the core rejects a wrong length itself).
    public static func signatureBytes(_ file: Data) -> Data {
        guard let text = String(data: file, encoding: .ascii)?.trimmingCharacters(in: .whitespacesAndNewlines),
              text.count == 128, text.allSatisfy(\.isHexDigit)
        else { return file }
        var out = Data(capacity: 64)
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index ..< next], radix: 16) else { return file }
            out.append(byte)
            index = next
        }
        return out
    }
}
