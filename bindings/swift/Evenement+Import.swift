// Hand-written part of the Swift SDK, compiled into the same module as the generated
// Assistmed.swift and AssistmedCore.swift (bindings/scripts/build-xcframework.sh copies it).
import Foundation

extension Evenement {
    /// « Importer une mise à jour des règles »: the files the user picked (display name → bytes,
    /// the bundle and its `.sig`), as the core's event. Built here, in the SDK, so that the apps
    /// never construct a record (`FichierImporte`); sorted by name, so the picker's order does
    /// not matter.
    public static func importRules(files: [String: Data]) -> Evenement {
        .importerRegles(fichiers: files.keys.sorted().map { FichierImporte(nom: $0, octets: files[$0] ?? Data()) })
    }
}
