// Hand-written part of the Swift SDK, compiled into the same module as the generated
// Assistmed.swift and AssistmedCore.swift (bindings/scripts/build-xcframework.sh copies it).
import Foundation

/// `localizedDescription` is the error's text, in the language of the call that failed
/// (bindings/uniffi.toml turns uniffi's own conformance off: it would give
/// `String(reflecting:)`, a dump of the case and its fields).
extension AssistmedError: LocalizedError {
    public var errorDescription: String? { text() }
}
