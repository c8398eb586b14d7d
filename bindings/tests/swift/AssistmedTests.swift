// XCTest of the Swift SDK (module `Assistmed`: the generated Assistmed.swift and AssistmedCore.swift
// plus bindings/swift/*.swift), on one `RuleStore`: every golden case of tests/cases/ through the
// typed Swift API, whose JSON trees must equal exactly the core's own JSON output; typed errors in
// the caller's language; signed rule updates; the questionnaire and result view; the app model;
// concurrent calls from 8 threads.
//
// Like the apps, this file never constructs a uniffi record: inputs come from the core's own
// entry points (`situationFromJson`, answers as `[String: String]`, the event enum), outputs are
// only read (a record field added in the core cannot break a call here).
//
// Inputs, from the environment (bindings/scripts/test-swift.sh sets them; the fixtures are written
// by bindings/scripts/make-test-fixtures.sh):
//   ASSISTMED_CASES_DIR     golden cases (default: the first `tests/cases` folder above this file)
//   ASSISTMED_CORE_JSON     the core's JSON output of each golden case (the CLI's `--json`)
//   ASSISTMED_TEST_BUNDLES  regles-v2.json(.sig) and regles-v1.json(.sig), signed by the TEST-ONLY key
//   ASSISTMED_TEST_KEYS     "1" when the library trusts the TEST-ONLY key (built with `test-keys`)
// Tests that need a missing input are skipped (XCTSkip) with the variable to set.
//
// Run by bindings/scripts/test-swift.sh (a temporary SwiftPM package linking the host library)
// or by bindings/scripts/build-xcframework.sh (package AssistmedSwift) on a Mac.
//
// Money is `Foundation.Decimal`, always written with its module: the SDK's own `Decimal` is a
// typealias of it, and the qualified name can never be ambiguous.

import Assistmed
import Foundation
import XCTest

private let posix = Locale(identifier: "en_US_POSIX")

/// A decimal from its JSON text ("19000.00"), as the core writes money.
func posixDecimal(_ text: String) -> Foundation.Decimal? {
    Foundation.Decimal(string: text, locale: posix)
}

// MARK: - JSON values

/// A JSON tree, to compare typed results with the expected output of the golden cases.
enum JSONValue: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Foundation.Decimal)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
    /// A typed money or ratio value: equal to the JSON text of the same decimal ("19000.00").
    case decimal(Foundation.Decimal)

    /// Converts what `JSONSerialization` returns (booleans are NSNumbers of type "c").
    init(foundation value: Any) throws {
        switch value {
        case is NSNull:
            self = .null
        case let text as String:
            self = .string(text)
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.decimalValue)
            }
        case let list as [Any]:
            self = .array(try list.map { try JSONValue(foundation: $0) })
        case let dictionary as [String: Any]:
            self = .object(try dictionary.mapValues { try JSONValue(foundation: $0) })
        default:
            throw GoldenCaseError.malformed("unsupported JSON value \(value)")
        }
    }

    /// Parses a JSON document.
    init(parsing text: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        try self.init(foundation: object)
    }

    var description: String {
        switch self {
        case .null: return "null"
        case let .bool(value): return value ? "true" : "false"
        case let .number(value): return "\(value)"
        case let .decimal(value): return "decimal(\(value))"
        case let .string(value): return "\"\(value)\""
        case let .array(values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case let .object(fields):
            let members = fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }
            return "{" + members.joined(separator: ", ") + "}"
        }
    }

    subscript(key: String) -> JSONValue? {
        if case let .object(fields) = self { return fields[key] }
        return nil
    }

    var stringValue: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case let .array(values) = self { return values }
        return nil
    }
}

/// The first difference when `expected` must be a subset of `actual` (or equal, when `exact`).
func mismatch(_ expected: JSONValue, _ actual: JSONValue, path: String = "$", exact: Bool = false) -> String? {
    switch (expected, actual) {
    case let (.object(e), .object(a)):
        for (key, expectedValue) in e.sorted(by: { $0.key < $1.key }) {
            guard let value = a[key] else { return "\(path).\(key): missing in output" }
            if let difference = mismatch(expectedValue, value, path: "\(path).\(key)", exact: exact) {
                return difference
            }
        }
        if exact {
            let extra = Set(a.keys).subtracting(e.keys)
            if !extra.isEmpty { return "\(path): unexpected keys \(extra.sorted())" }
        }
        return nil
    case let (.array(e), .array(a)):
        guard e.count == a.count else { return "\(path): expected \(e.count) elements, got \(a.count)" }
        for (index, pair) in zip(e, a).enumerated() {
            if let difference = mismatch(pair.0, pair.1, path: "\(path)[\(index)]", exact: exact) {
                return difference
            }
        }
        return nil
    case let (.string(e), .decimal(a)):
        // The core writes money as its exact decimal text; the typed API gives Foundation.Decimal.
        return posixDecimal(e) == a ? nil : "\(path): expected \(e), got \(a)"
    default:
        return expected == actual ? nil : "\(path): expected \(expected), got \(actual)"
    }
}

// MARK: - Typed records → JSON trees (the names of the core's JSON)

private func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
private func number<T: BinaryInteger>(_ value: T?) -> JSONValue {
    guard let value = value else { return .null }
    return JSONValue.number(Foundation.Decimal(string: String(value)) ?? .nan)
}
private func decimal(_ value: Foundation.Decimal?) -> JSONValue { value.map(JSONValue.decimal) ?? .null }
private func bool(_ value: Bool?) -> JSONValue { value.map(JSONValue.bool) ?? .null }
private func texts(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

// The enums' JSON codes (the core's serde names) and each record's JSON fields, for the records
// an assessment, a timeline and a second-assistant answer hold. Written from the generated Swift
// (field and case names, in declaration order) and core/src (serde renames, `flatten` of
// Chronologie.echeancier); bindings/tests/swift/check_json_mapping.py checks them against the
// generated Swift and the core's JSON output of every golden case (test-swift.sh runs it). The
// exact typed = JSON comparison below checks every value through the FFI.

extension Effet {
    var jsonCode: String {
        switch self {
        case .satisfied: return "satisfied"
        case .blocking: return "blocking"
        case .referToCpam: return "refer_to_cpam"
        case .condition: return "condition"
        }
    }
}

extension Exercice {
    var jsonCode: String {
        switch self {
        case .solo: return "solo"
        case .groupe: return "groupe"
        }
    }
}

extension Formule {
    var jsonCode: String {
        switch self {
        case .tiers: return "tiers"
        case .demi: return "demi"
        case .plein: return "plein"
        }
    }
}

extension Grade {
    var jsonCode: String {
        switch self {
        case .gap: return "GAP"
        case .c: return "C"
        case .b: return "B"
        case .a: return "A"
        }
    }
}

extension Indicateur {
    var jsonCode: String {
        switch self {
        case .pmt: return "patientele_mt"
        case .fa: return "file_active"
        }
    }
}

extension Ligne {
    var jsonCode: String {
        switch self {
        case .standard: return "standard"
        case .p90p94: return "p90_p94"
        case .p95Plus: return "p95_plus"
        }
    }
}

extension NatureObjectif {
    var jsonCode: String {
        switch self {
        case .hausse: return "hausse"
        case .mediane: return "mediane"
        case .maintien: return "maintien"
        case .adapteCpam: return "adapte_cpam"
        }
    }
}

extension Origine {
    var jsonCode: String {
        switch self {
        case .declared: return "declared"
        case .derived: return "derived"
        }
    }
}

extension OrigineRegles {
    var jsonCode: String {
        switch self {
        case .embedded: return "embedded"
        case .update: return "update"
        }
    }
}

extension Secteur {
    var jsonCode: String {
        switch self {
        case .secteur1: return "secteur_1"
        case .secteur2Optam: return "secteur_2_optam"
        case .secteur2OptamCo: return "secteur_2_optam_co"
        case .secteur2: return "secteur_2"
        case .nonConventionne: return "non_conventionne"
        }
    }
}

extension Statut {
    var jsonCode: String {
        switch self {
        case .eligible: return "eligible"
        case .notEligible: return "not_eligible"
        case .referToCpam: return "refer_to_cpam"
        }
    }
}

extension StatutObjectif {
    var jsonCode: String {
        switch self {
        case .computed: return "computed"
        case .toConfirm: return "to_confirm"
        }
    }
}

extension StatutSecondAssistant {
    var jsonCode: String {
        switch self {
        case .eligibleInPrinciple: return "eligible_in_principle"
        case .notEligible: return "not_eligible"
        }
    }
}

extension Tranche {
    var jsonCode: String {
        switch self {
        case .sousP30: return "below_p30"
        case .p30p50: return "p30_p50"
        case .p50p70: return "p50_p70"
        case .p70p90: return "p70_p90"
        case .p90p95: return "p90_p95"
        case .p95Plus: return "p95_plus"
        }
    }
}

extension Zone {
    var jsonCode: String {
        switch self {
        case .zip: return "zip"
        case .zac: return "zac"
        case .horsZone: return "hors_zone"
        }
    }
}

extension Evaluation {
    var fields: [String: JSONValue] {
        [
            "rules": rules.json,
            "situation": situation.json,
            "eligibility": eligibility.json,
            "percentile": percentile?.json ?? .null,
            "options": .array(options.map(\.json)),
            "second_assistant": secondAssistant?.json ?? .null,
            "caveats": .array(caveats.map(\.json)),
            "notices": texts(notices),
            "references": texts(references),
            "disclaimer": text(disclaimer),
        ]
    }

    var json: JSONValue { .object(fields) }
}

extension VersionAppliquee {
    var fields: [String: JSONValue] {
        [
            "id": text(id),
            "title": text(title),
            "start": text(start),
            "end_exclusive": text(endExclusive),
            "references": texts(references),
            "bundle_version": number(bundleVersion),
            "bundle_published": text(bundlePublished),
            "bundle_origin": text(bundleOrigin.jsonCode),
        ]
    }

    var json: JSONValue { .object(fields) }
}

extension Situation {
    var fields: [String: JSONValue] {
        [
            "signature_date": text(signatureDate),
            "specialty": text(specialty),
            "sector": text(sector.jsonCode),
            "mep": bool(mep),
            "zone": text(zone?.jsonCode),
            "practice": text(practice?.jsonCode),
            "coordinated": bool(coordinated),
            "patientele_mt": number(patienteleMt),
            "file_active": number(fileActive),
            "percentile_band": text(percentileBand?.jsonCode),
            "clinical_fee_share": decimal(clinicalFeeShare),
            "newly_installed": bool(newlyInstalled),
            "age": number(age),
            "ald_or_rqth": bool(aldOrRqth),
            "current_contract": currentContract?.json ?? .null,
        ]
    }

    var json: JSONValue { .object(fields) }
}

extension ContratEnCours {
    var fields: [String: JSONValue] {
        [
            "option": text(option.jsonCode),
            "start": text(start),
            "objectives_reached": bool(objectivesReached),
        ]
    }

    var json: JSONValue { .object(fields) }
}

extension Eligibilite {
    var fields: [String: JSONValue] {
        [
            "status": text(status.jsonCode),
            "reasons": .array(reasons.map(\.json)),
        ]
    }

    var json: JSONValue { .object(fields) }
}

extension Raison {
    var fields: [String: JSONValue] {
        [
            "code": text(code),
            "effect": text(effect.jsonCode),
            "message": text(message),
            "references": texts(references),
            "confidence": text(confidence.jsonCode),
        ]
    }

    var json: JSONValue { .object(fields) }
}

extension Positionnement {
    var fields: [String: JSONValue] {
        [
            "band": text(band?.jsonCode),
            "row": text(row.jsonCode),
            "source": text(source.jsonCode),
            "confidence": text(confidence.jsonCode),
        ]
    }

    var json: JSONValue { .object(fields) }
}

extension OptionResultat {
    var fields: [String: JSONValue] {
        [
            "option": text(option.jsonCode),
            "label": text(label),
            "available": bool(available),
            "unavailable_reasons": .array(unavailableReasons.map(\.json)),
            "aid": .array(aid.map(\.json)),
            "total": decimal(total),
            "objective": objective?.json ?? .null,
            "standard_table_for_information": standardTableForInformation.map { JSONValue.array($0.map(\.json)) } ?? .null,
        ]
    }

    var json: JSONValue { .object(fields) }
}

extension AnneeContrat {
    var fields: [String: JSONValue] {
        [
            "year": number(year),
            "start": text(start),
            "end": text(end),
            "rules_id": text(rulesId),
            "amount": decimal(amount),
            "maximum": bool(maximum),
            "confidence": text(confidence.jsonCode),
        ]
    }

    var json: JSONValue { .object(fields) }
}

extension Objectif {
    var fields: [String: JSONValue] {
        [
            "status": text(status.jsonCode),
            "kind": text(kind.jsonCode),
            "increase": decimal(increase),
            "indicators": .array(indicators.map(\.json)),
            "deadline": text(deadline),
            "confidence": text(confidence.jsonCode),
            "target_confidence": text(targetConfidence.jsonCode),
            "message": text(message),
            "references": texts(references),
        ]
    }

    var json: JSONValue { .object(fields) }
}

extension Cible {
    var fields: [String: JSONValue] {
        [
            "indicator": text(indicator.jsonCode),
            "baseline": number(baseline),
            "target": number(target),
        ]
    }

    var json: JSONValue { .object(fields) }
}

extension SecondAssistant {
    var fields: [String: JSONValue] {
        [
            "status": text(status.jsonCode),
            "conditions": .array(conditions.map(\.json)),
            "options": .array(options.map(\.json)),
            "message": text(message),
        ]
    }

    var json: JSONValue { .object(fields) }
}

extension Condition {
    var fields: [String: JSONValue] {
        [
            "code": text(code),
            "satisfied": bool(satisfied),
            "message": text(message),
            "references": texts(references),
            "confidence": text(confidence.jsonCode),
        ]
    }

    var json: JSONValue { .object(fields) }
}

extension OptionSecondAssistant {
    var fields: [String: JSONValue] {
        [
            "fte": text(fte),
            "amount": decimal(amount),
            "confidence": text(confidence.jsonCode),
        ]
    }

    var json: JSONValue { .object(fields) }
}

extension Avertissement {
    var fields: [String: JSONValue] {
        [
            "code": text(code),
            "parameter": text(parameter),
            "confidence": text(confidence.jsonCode),
            "message": text(message),
            "references": texts(references),
        ]
    }

    var json: JSONValue { .object(fields) }
}

extension Chronologie {
    var fields: [String: JSONValue] {
        let own: [String: JSONValue] = [
            "rules": rules.json,
            "caveats": .array(caveats.map(\.json)),
            "references": texts(references),
        ]
        return own.merging(echeancier.fields) { mine, _ in mine }
    }

    var json: JSONValue { .object(fields) }
}

extension Echeancier {
    var fields: [String: JSONValue] {
        [
            "option": text(option.jsonCode),
            "start": text(start),
            "signature_rules_id": text(signatureRulesId),
            "row": text(row.jsonCode),
            "years": .array(years.map(\.json)),
            "total": decimal(total),
        ]
    }

    var json: JSONValue { .object(fields) }
}

// MARK: - Golden cases

enum GoldenCaseError: Error, CustomStringConvertible {
    case malformed(String)

    var description: String {
        switch self {
        case let .malformed(detail): return "malformed golden case: \(detail)"
        }
    }
}

struct GoldenCase {
    let file: String
    let id: String
    let command: String
    let input: JSONValue
    let inputText: String
    let option: String?
    let start: String?
    let expect: JSONValue

    /// The directory of the golden cases: $ASSISTMED_CASES_DIR, or `tests/cases` above this file.
    static func directory() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["ASSISTMED_CASES_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("tests/cases", isDirectory: true)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        throw GoldenCaseError.malformed("tests/cases not found above \(#filePath); set ASSISTMED_CASES_DIR")
    }

    static func loadAll() throws -> [GoldenCase] {
        let folder = try directory()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        return try files.map { name -> GoldenCase in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            guard let document = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let input = document["input"] as? [String: Any]
            else {
                throw GoldenCaseError.malformed("\(name): not an object with an `input` object")
            }
            let inputData = try JSONSerialization.data(withJSONObject: input)
            return GoldenCase(
                file: name,
                id: document["id"] as? String ?? name,
                command: document["command"] as? String ?? "simulate",
                input: try JSONValue(foundation: input),
                inputText: String(decoding: inputData, as: UTF8.self),
                option: document["option"] as? String,
                start: document["start"] as? String,
                expect: try JSONValue(foundation: document["expect"] ?? [String: Any]())
            )
        }
    }

    /// The expected error (code, field), if the case expects one.
    var expectedError: (code: String, field: String?)? {
        guard let error = expect["error"], let code = error["code"]?.stringValue else { return nil }
        return (code, error["field"]?.stringValue)
    }

    /// Runs the case through the typed API on `store`, its texts and errors in `langue`.
    func runTyped(on store: RuleStore, langue: Langue = .en) throws -> JSONValue {
        let situation = try situationFromJson(json: inputText, langue: langue)
        switch command {
        case "simulate":
            return try store.assess(situation: situation, langue: langue).json
        case "timeline":
            guard let code = option, let formule = Formule.allCases.first(where: { $0.jsonCode == code }) else {
                throw GoldenCaseError.malformed("\(file): option `\(option ?? "nil")` is not a contract option")
            }
            return try store.timeline(situation: situation, option: formule, langue: langue, start: start).json
        case "second_assistant":
            return try store.secondAssistant(situation: situation, langue: langue).json
        default:
            throw GoldenCaseError.malformed("\(file): unknown command \(command)")
        }
    }

    /// The core's JSON output for this case (make-test-fixtures.sh, through the CLI), or nil
    /// when the core refused it or has no command for it (`second_assistant`).
    func coreJson(in folder: URL) throws -> JSONValue? {
        let file = folder.appendingPathComponent(self.file)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return try JSONValue(parsing: String(decoding: try Data(contentsOf: file), as: UTF8.self))
    }

    /// Checks an outcome against `expect`; returns the failures.
    func verify(_ outcome: Result<JSONValue, Error>) -> [String] {
        switch (outcome, expectedError) {
        case let (.failure(error), expected?):
            guard let error = error as? AssistmedError else {
                return ["expected AssistmedError \(expected.code), got \(error)"]
            }
            var failures: [String] = []
            if error.code() != expected.code || error.field() != expected.field {
                failures.append("expected \(expected.code) on \(expected.field ?? "nil"), got \(error.code()) on \(error.field() ?? "nil")")
            }
            if error.text().isEmpty {
                failures.append("empty error text")
            }
            // bindings/swift/AssistmedError+Text.swift: the text, not a dump of the case.
            if error.localizedDescription != error.text() {
                failures.append("localizedDescription « \(error.localizedDescription) » is not the text « \(error.text()) »")
            }
            return failures
        case let (.failure(error), nil):
            return ["unexpected error: \(error)"]
        case (.success, let expected?):
            return ["expected error \(expected.code) on \(expected.field ?? "nil"), got a result"]
        case let (.success(output), nil):
            var failures: [String] = []
            if let expectedOutput = expect["output"], let difference = mismatch(expectedOutput, output) {
                failures.append(difference)
            }
            let present = output["caveats"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
            for code in expect["caveats_include"]?.arrayValue?.compactMap(\.stringValue) ?? [] where !present.contains(code) {
                failures.append("caveat `\(code)` missing; present: \(present)")
            }
            return failures
        }
    }
}

private func outcome(_ body: () throws -> JSONValue) -> Result<JSONValue, Error> {
    Result { try body() }
}

/// A counter shared by threads.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

// MARK: - Fixtures from the environment

private func environment(_ name: String) -> String? {
    guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
    return value
}

/// Bytes of a signature file: 64 bytes written as 128 hex characters (and a newline).
func hexBytes(_ text: String) -> Data? {
    let hex = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
    guard hex.count % 2 == 0 else { return nil }
    var data = Data(capacity: hex.count / 2)
    var index = 0
    while index < hex.count {
        guard let byte = UInt8(String(decoding: hex[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
        data.append(byte)
        index += 2
    }
    return data
}

/// The signed test bundles of make-test-fixtures.sh, from $ASSISTMED_TEST_BUNDLES.
struct TestBundles {
    let v2: Data
    let v2Signature: Data
    let v2SignatureFile: Data
    let v2SignatureHex: String
    let v1: Data
    let v1Signature: Data

    static func load() throws -> TestBundles {
        guard let path = environment("ASSISTMED_TEST_BUNDLES") else {
            throw XCTSkip("set ASSISTMED_TEST_BUNDLES (bindings/scripts/test-swift.sh writes the bundles and sets it)")
        }
        let folder = URL(fileURLWithPath: path, isDirectory: true)
        func data(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }
        func signature(_ name: String) throws -> Data {
            guard let bytes = hexBytes(String(decoding: try data(name), as: UTF8.self)) else {
                throw GoldenCaseError.malformed("\(name): not hex")
            }
            return bytes
        }
        return TestBundles(
            v2: try data("regles-v2.json"),
            v2Signature: try signature("regles-v2.json.sig"),
            v2SignatureFile: try data("regles-v2.json.sig"),
            v2SignatureHex: String(decoding: try data("regles-v2.json.sig"), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines).lowercased(),
            v1: try data("regles-v1.json"),
            v1Signature: try signature("regles-v1.json.sig")
        )
    }
}

/// The bytes with one digit changed: the signature no longer matches.
func tampered(_ bytes: Data) -> Data {
    var copy = bytes
    if let index = copy.firstIndex(of: UInt8(ascii: "9")) {
        copy[index] = UInt8(ascii: "8")
    }
    return copy
}

/// What an app persists (UserDefaults, files…): here, in memory.
final class Prefs {
    private(set) var bundle: Data?
    private(set) var signature: Data?
    private(set) var highWaterMark: UInt64?

    func save(bundle: Data, signature: Data, highWaterMark: UInt64) {
        self.bundle = bundle
        self.signature = signature
        self.highWaterMark = highWaterMark
    }
}

/// A golden-case input as app answers (question id → text): the mapping of `vers_reponses` in
/// core/tests/questionnaire.rs. Nil when the questionnaire cannot express it.
func appAnswers(of input: JSONValue) -> [String: String]? {
    guard case let .object(fields) = input else { return nil }
    var out: [String: String] = [:]
    for (key, value) in fields {
        switch (key, value) {
        case let ("current_contract", .object(contract)):
            guard contract["option"] == .string("plein"), case let .string(start)? = contract["start"] else { return nil }
            out["current_contract"] = "true"
            out["current_contract.start"] = start
            out["current_contract.objectives_reached"] = (contract["objectives_reached"] ?? .null).description
        case ("current_contract", _):
            return nil
        case let ("clinical_fee_share", .string(share)):
            guard let share = posixDecimal(share) else { return nil }
            out[key] = "\(share * 100)"
        case let (_, .string(text)):
            out[key] = text
        default:
            out[key] = value.description
        }
    }
    return out
}

/// A situation from the JSON document of `assistmed simulate` (the core checks it).
func situation(_ json: String) throws -> Situation {
    try situationFromJson(json: json, langue: .en)
}

// MARK: - Tests

final class AssistmedTests: XCTestCase {
    /// A GP in 2025, P50–P70: the reference situation of these tests (golden case 001).
    let gp2025Json = #"{"signature_date": "2025-01-15", "specialty": "01", "sector": "secteur_1", "patientele_mt": 1200, "percentile_band": "p50_p70"}"#

    func gp2025() throws -> Situation { try situation(gp2025Json) }

    /// Year-1 aid of the 1/2 ETP option for `gp2025` (golden case 001, source S10: 19 000 €).
    func demiYear1(_ store: RuleStore) throws -> Foundation.Decimal? {
        try store.assess(situation: gp2025(), langue: .en).options.first { $0.option == .demi }?.aid.first?.amount
    }

    // MARK: Golden cases

    func testEveryGoldenCaseThroughTheTypedApi() throws {
        let cases = try GoldenCase.loadAll()
        XCTAssertFalse(cases.isEmpty, "no golden case found")
        let store = try RuleStore.embedded()
        for goldenCase in cases {
            for failure in goldenCase.verify(outcome { try goldenCase.runTyped(on: store) }) {
                XCTFail("\(goldenCase.file) [typed]: \(failure)")
            }
            // An expected error also comes in French, with its own text.
            guard goldenCase.expectedError != nil else { continue }
            for failure in goldenCase.verify(outcome { try goldenCase.runTyped(on: store, langue: .fr) }) {
                XCTFail("\(goldenCase.file) [typed, fr]: \(failure)")
            }
            do {
                _ = try goldenCase.runTyped(on: store, langue: .fr)
            } catch let fr as AssistmedError {
                do {
                    _ = try goldenCase.runTyped(on: store, langue: .en)
                } catch let en as AssistmedError {
                    XCTAssertEqual(fr.kind(), en.kind(), goldenCase.file)
                    XCTAssertNotEqual(fr.text(), en.text(), "\(goldenCase.file): one text for both languages")
                }
            }
        }
    }

    func testTypedResultsEqualTheCoreJsonExactly() throws {
        guard let path = environment("ASSISTMED_CORE_JSON") else {
            throw XCTSkip("set ASSISTMED_CORE_JSON (bindings/scripts/test-swift.sh writes the core's JSON outputs and sets it)")
        }
        let folder = URL(fileURLWithPath: path, isDirectory: true)
        let store = try RuleStore.embedded()
        var compared = 0
        for goldenCase in try GoldenCase.loadAll() where goldenCase.command != "second_assistant" && goldenCase.expectedError == nil {
            guard let core = try goldenCase.coreJson(in: folder) else {
                XCTFail("\(goldenCase.file): no core JSON output in \(path)")
                continue
            }
            if case let .success(typed) = outcome({ try goldenCase.runTyped(on: store) }) {
                if let difference = mismatch(core, typed, exact: true) {
                    XCTFail("\(goldenCase.file) [typed = core json]: \(difference)")
                }
            } else {
                XCTFail("\(goldenCase.file): the typed API failed where the core succeeded")
            }
            if goldenCase.command == "simulate" {
                let viaJson = outcome { try JSONValue(parsing: store.assessJson(inputJson: goldenCase.inputText, langue: .en)) }
                for failure in goldenCase.verify(viaJson) {
                    XCTFail("\(goldenCase.file) [assessJson]: \(failure)")
                }
                if case let .success(json) = viaJson, let difference = mismatch(core, json, exact: true) {
                    XCTFail("\(goldenCase.file) [assessJson = core json]: \(difference)")
                }
            }
            compared += 1
        }
        XCTAssertGreaterThan(compared, 30)
    }

    // MARK: Errors

    func testNegativeCountIsATypedErrorNamingTheFieldInTheCallersLanguage() throws {
        let bad = #"{"signature_date": "2025-01-15", "specialty": "01", "sector": "secteur_1", "patientele_mt": -5}"#
        for langue in [Langue.fr, .en] {
            XCTAssertThrowsError(try situationFromJson(json: bad, langue: langue)) { error in
                guard let error = error as? AssistmedError else {
                    return XCTFail("expected AssistmedError, got \(error)")
                }
                XCTAssertEqual(error.kind(), .horsBornes)
                XCTAssertEqual(error.code(), "hors_bornes")
                XCTAssertEqual(error.field(), "patientele_mt")
                XCTAssertTrue(error.text().contains("patientele_mt"), error.text())
                XCTAssertTrue(error.text().contains(langue == .fr ? "valeur attendue" : "expected"), error.text())
                XCTAssertEqual(error.localizedDescription, error.text())
            }
        }
    }

    func testBadInputsGiveTypedErrors() throws {
        let store = try RuleStore.embedded()
        let cases: [(String, String, String)] = [
            (#"{"signature_date": "2025-02-30", "specialty": "01", "sector": "secteur_1"}"#, "date_invalide", "signature_date"),
            (#"{"signature_date": "2019-08-31", "specialty": "01", "sector": "secteur_1"}"#, "hors_periode", "signature_date"),
            (#"{"signature_date": "2025-01-15", "specialty": "99", "sector": "secteur_1"}"#, "valeur_inconnue", "specialty"),
            (#"{"signature_date": "2025-01-15", "specialty": "41", "sector": "secteur_1", "percentile_band": "p50_p70", "clinical_fee_share": "1.5"}"#, "hors_bornes", "clinical_fee_share"),
            (#"{"signature_date": "2025-01-15", "specialty": "01", "sector": "secteur_1", "age": 12}"#, "hors_bornes", "age"),
        ]
        for (json, code, field) in cases {
            XCTAssertThrowsError(try store.assess(situation: situationFromJson(json: json, langue: .fr), langue: .fr)) { error in
                guard let error = error as? AssistmedError else { return XCTFail("not an AssistmedError: \(error)") }
                XCTAssertEqual(error.code(), code, json)
                XCTAssertEqual(error.field(), field, json)
            }
        }
        // A start before the signature (golden case 026), on the typed timeline.
        XCTAssertThrowsError(try store.timeline(situation: gp2025(), option: .demi, langue: .en, start: "2025-01-01")) { error in
            XCTAssertEqual((error as? AssistmedError)?.kind(), .incoherence)
            XCTAssertEqual((error as? AssistmedError)?.field(), "start")
        }
        for json in ["{", "[]", "42", "null"] {
            XCTAssertThrowsError(try situationFromJson(json: json, langue: .en)) { error in
                XCTAssertEqual((error as? AssistmedError)?.kind(), .jsonInvalide, "\(error)")
            }
            XCTAssertThrowsError(try store.assessJson(inputJson: json, langue: .en)) { error in
                XCTAssertEqual((error as? AssistmedError)?.code(), "json_invalide")
            }
        }
    }

    // MARK: Catalogue, enums, money, JSON round trip

    func testEnumCasesReadFromTheirJsonCodesAndRoundTrip() throws {
        XCTAssertEqual(Set(Secteur.allCases.map(\.jsonCode)).count, Secteur.allCases.count)
        for sector in Secteur.allCases {
            let read = try situation(#"{"signature_date": "2025-01-15", "specialty": "01", "sector": "\#(sector.jsonCode)"}"#)
            XCTAssertEqual(read.sector, sector)
            XCTAssertEqual(try situationFromJson(json: situationToJson(situation: read, langue: .en), langue: .en), read)
        }
        for band in Tranche.allCases {
            let read = try situation(#"{"signature_date": "2025-01-15", "specialty": "01", "sector": "secteur_1", "percentile_band": "\#(band.jsonCode)"}"#)
            XCTAssertEqual(read.percentileBand, band)
        }
    }

    func testCatalogue() throws {
        let store = try RuleStore.embedded()
        // Infallible: no `try`.
        XCTAssertTrue(store.specialties().contains { $0.code == "01" && $0.group == .generaliste })
        XCTAssertEqual(store.ruleVersions().map(\.id), ["avenant-7-2019", "reglement-arbitral-2023", "convention-2024"])
        let s = try gp2025()
        XCTAssertEqual(try store.timeline(situation: s, option: .plein, langue: .en), try store.timeline(situation: s, option: .plein, langue: .en, start: nil))
    }

    func testAmountsAreExactDecimals() throws {
        let store = try RuleStore.embedded()
        let assessment = try store.assess(situation: gp2025(), langue: .fr)
        let demi = try XCTUnwrap(assessment.options.first { $0.option == .demi })
        // Golden case 001 (source S10): 19 000 + 15 000 + 12 000 + 10 000 + 10 000 = 66 000 €.
        XCTAssertEqual(demi.total, Foundation.Decimal(66000))
        let years = demi.aid.compactMap(\.amount)
        XCTAssertEqual(years.count, 5)
        XCTAssertEqual(years.reduce(0, +), demi.total)
        // The JSON entry point keeps the core's exact text.
        let json = try JSONValue(parsing: store.assessJson(inputJson: gp2025Json, langue: .fr))
        XCTAssertEqual(json["options"]?.arrayValue?.first { $0["option"] == .string("demi") }?["total"], .string("66000.00"))
    }

    func testOneLanguagePerCallAndReferencesById() throws {
        let store = try RuleStore.embedded()
        let fr = try store.assess(situation: gp2025(), langue: .fr)
        let en = try store.assess(situation: gp2025(), langue: .en)
        // The same figures, each text in the language of its call.
        XCTAssertEqual(fr.options.map(\.total), en.options.map(\.total))
        XCTAssertEqual(fr.references, en.references)
        XCTAssertNotEqual(fr.disclaimer, en.disclaimer)
        XCTAssertNotEqual(fr.options.map(\.label), en.options.map(\.label))
        // References and notices are ids, resolved once from the store.
        let known = Set(store.references().map(\.id))
        XCTAssertFalse(fr.references.isEmpty)
        XCTAssertTrue(Set(fr.references).isSubset(of: known), "\(Set(fr.references).subtracting(known))")
        // A notice id names a topic with one text per version: resolve it within the result's.
        let ofVersion = store.notices().filter { $0.versions.contains(fr.rules.id) }
        for id in fr.notices {
            XCTAssertEqual(ofVersion.filter { $0.id == id }.count, 1, id)
        }
    }

    func testSituationJsonRoundTrip() throws {
        let full = try situation(#"""
            {"signature_date": "2026-03-01", "specialty": "01", "sector": "secteur_2_optam_co", "mep": false,
             "zone": "zip", "practice": "groupe", "coordinated": true, "patientele_mt": 1500, "file_active": 2500,
             "percentile_band": "p70_p90", "clinical_fee_share": "0.85", "newly_installed": false, "age": 66,
             "ald_or_rqth": false, "current_contract": {"option": "plein", "start": "2023-01-15", "objectives_reached": true}}
            """#)
        XCTAssertEqual(full.clinicalFeeShare, posixDecimal("0.85"))
        XCTAssertEqual(full.currentContract?.option, .plein)
        XCTAssertEqual(full.currentContract?.start, "2023-01-15")
        XCTAssertEqual(full.zone, .zip)
        for s in [try gp2025(), full] {
            XCTAssertEqual(try situationFromJson(json: situationToJson(situation: s, langue: .en), langue: .en), s)
        }
    }

    // MARK: Signed rule updates

    func testEmbeddedStoreHasNothingToPersist() throws {
        let store = try RuleStore.embedded()
        XCTAssertEqual(try demiYear1(store), Foundation.Decimal(19000))
        XCTAssertNil(store.exportActive())
        XCTAssertNil(store.startupWarning(langue: .en))
        let provenance = store.provenance()
        XCTAssertEqual(provenance.origin, .embedded)
        XCTAssertEqual(provenance.bundleVersion, 1)
        XCTAssertNil(provenance.signature)
    }

    func testInstallingANewerSignedBundleChangesTheFigure() throws {
        let bundles = try TestBundles.load()
        let embedded = try RuleStore.embedded()
        guard environment("ASSISTMED_TEST_KEYS") == "1" else {
            // A shipped build: the TEST-ONLY key is not trusted.
            XCTAssertThrowsError(try embedded.install(bundle: bundles.v2, signature: bundles.v2Signature, langue: .en)) { error in
                XCTAssertEqual((error as? AssistmedError)?.kind(), .signatureRefusee)
            }
            return
        }
        let updated = try embedded.install(bundle: bundles.v2, signature: bundles.v2Signature, langue: .en)
        XCTAssertEqual(try demiYear1(updated), Foundation.Decimal(19500))
        let rules = try updated.assess(situation: gp2025(), langue: .en).rules
        XCTAssertEqual(rules.bundleVersion, 2)
        XCTAssertEqual(rules.bundleOrigin, .update)
        XCTAssertEqual(updated.provenance().origin, .update)
        XCTAssertEqual(updated.provenance().signature?.lowercased(), bundles.v2SignatureHex)
        XCTAssertEqual(try demiYear1(embedded), Foundation.Decimal(19000), "the store installed on is unchanged")
    }

    func testATamperedBundleIsRefusedAndTheOldFigureStays() throws {
        let bundles = try TestBundles.load()
        let embedded = try RuleStore.embedded()
        XCTAssertThrowsError(try embedded.install(bundle: tampered(bundles.v2), signature: bundles.v2Signature, langue: .fr)) { error in
            guard let error = error as? AssistmedError else { return XCTFail("expected AssistmedError, got \(error)") }
            XCTAssertEqual(error.kind(), .signatureRefusee)
            XCTAssertEqual(error.code(), "signature_refusee")
            XCTAssertEqual(error.field(), "signature")
        }
        XCTAssertThrowsError(try embedded.install(bundle: bundles.v2, signature: bundles.v2Signature.prefix(40), langue: .en)) { error in
            XCTAssertEqual((error as? AssistmedError)?.code(), "signature_invalide")
        }
        if environment("ASSISTMED_TEST_KEYS") == "1" {
            XCTAssertThrowsError(try embedded.install(bundle: bundles.v1, signature: bundles.v1Signature, langue: .en)) { error in
                XCTAssertEqual((error as? AssistmedError)?.code(), "bundle_non_plus_recent")
            }
        }
        XCTAssertEqual(try demiYear1(embedded), Foundation.Decimal(19000))
    }

    func testRestoreFallsBackToTheEmbeddedRulesWithAWarning() throws {
        let bundles = try TestBundles.load()
        let corrupted = try RuleStore.restore(bundle: tampered(bundles.v2), signature: bundles.v2Signature)
        XCTAssertEqual(corrupted.startupWarning(langue: .en)?.kind, .signatureRefusee)
        XCTAssertNotEqual(corrupted.startupWarning(langue: .fr)?.text, corrupted.startupWarning(langue: .en)?.text)
        XCTAssertEqual(try demiYear1(corrupted), Foundation.Decimal(19000))
        XCTAssertEqual(corrupted.provenance().origin, .embedded)
        let half = try RuleStore.restore(bundle: bundles.v2, signature: nil)
        XCTAssertEqual(half.startupWarning(langue: .en)?.kind, .bundleIllisible)
        let nothing = try RuleStore.restore(bundle: nil, signature: nil)
        XCTAssertNil(nothing.startupWarning(langue: .en))
        XCTAssertEqual(try demiYear1(nothing), Foundation.Decimal(19000))
    }

    /// The update flow of bindings/README.md, verbatim between the markers: two starts.
    func testReadmeUpdateFlow() throws {
        let bundles = try TestBundles.load()
        guard environment("ASSISTMED_TEST_KEYS") == "1" else { throw XCTSkip("needs a library built with `test-keys`") }
        let prefs = Prefs()
        let bundleBytes = bundles.v2
        let signatureBytes = bundles.v2Signature
        // README-UPDATE-BEGIN
        // At start-up: what was stored last time (nil, nil, nil on the first start).
        let store = try RuleStore.restore(bundle: prefs.bundle, signature: prefs.signature, highWaterMark: prefs.highWaterMark)
        if let w = store.startupWarning(langue: .en) { print("update set aside: \(w.kind): \(w.text)") }
        // When the user opens an update file and its signature: a new store, or a typed error.
        let next = try store.install(bundle: bundleBytes, signature: signatureBytes, langue: .en)
        // Keep the high-water mark apart from the bundle: it outlives a lost or corrupted bundle file.
        if let saved = next.exportActive() { prefs.save(bundle: saved.bundle, signature: saved.signature, highWaterMark: saved.highWaterMark) }
        // README-UPDATE-END
        XCTAssertEqual(try demiYear1(next), Foundation.Decimal(19500))
        let secondStart = try RuleStore.restore(bundle: prefs.bundle, signature: prefs.signature, highWaterMark: prefs.highWaterMark)
        XCTAssertNil(secondStart.startupWarning(langue: .en))
        XCTAssertEqual(try demiYear1(secondStart), Foundation.Decimal(19500))
    }

    // MARK: Questionnaire and result view

    func testQuestionnaireOfTheCommonCase() throws {
        let store = try RuleStore.embedded()
        let empty = try store.questionnaire(answers: [:], langue: .fr, today: "2025-01-15")
        XCTAssertFalse(empty.complete)
        XCTAssertEqual(empty.rulesId, "convention-2024")
        let count = try XCTUnwrap(empty.questions.first { $0.id == "patientele_mt" })
        XCTAssertTrue(count.required)
        XCTAssertNil(count.answer)
        XCTAssertEqual(count.kind, .count)

        let answers = ["patientele_mt": "1200"]
        let complete = try store.questionnaire(answers: answers, langue: .fr, today: "2025-01-15")
        XCTAssertTrue(complete.complete)
        XCTAssertEqual(complete.questions.map(\.id), [
            "signature_date", "specialty", "sector", "patientele_mt", "file_active", "percentile_band",
            "newly_installed", "age", "ald_or_rqth", "mep", "current_contract",
        ])
        let view = try store.resultView(answers: answers, langue: .fr, today: "2025-01-15")
        XCTAssertEqual(view.verdict.status, .eligible)
        XCTAssertEqual(view.options.first { $0.option == .demi }?.cells.first?.amount, Foundation.Decimal(19000))
    }

    func testQuestionnaireValidation() throws {
        let store = try RuleStore.embedded()
        let bad = try store.questionnaire(answers: ["age": "12"], langue: .en, today: "2025-01-15")
        XCTAssertEqual(bad.questions.first { $0.id == "age" }?.error?.code, "hors_bornes")
        XCTAssertThrowsError(try store.resultView(answers: [:], langue: .en, today: "2025-01-15")) { error in
            XCTAssertEqual((error as? AssistmedError)?.kind(), .champRequis)
            XCTAssertEqual((error as? AssistmedError)?.field(), "patientele_mt")
        }
    }

    func testResultViewShowsTheEngineAmountsForEveryGoldenCase() throws {
        let store = try RuleStore.embedded()
        var compared = 0
        for goldenCase in try GoldenCase.loadAll() where goldenCase.command == "simulate" && goldenCase.expectedError == nil {
            guard let answers = appAnswers(of: goldenCase.input) else { continue }
            let expected = try store.assess(situation: situation(goldenCase.inputText), langue: .fr)
            let view = try store.resultView(answers: answers, langue: .fr, today: nil)
            XCTAssertEqual(view.verdict.status, expected.eligibility.status, goldenCase.file)
            XCTAssertEqual(view.rules, expected.rules, goldenCase.file)
            XCTAssertEqual(view.options.map(\.option), expected.options.map(\.option), goldenCase.file)
            for (row, option) in zip(view.options, expected.options) {
                XCTAssertEqual(row.cells.map(\.amount), option.aid.map(\.amount), "\(goldenCase.file) \(option.option)")
                XCTAssertEqual(row.total, option.total, "\(goldenCase.file) \(option.option)")
            }
            compared += 1
        }
        XCTAssertGreaterThanOrEqual(compared, 25)
    }

    // MARK: README, threads

    /// The Swift example of bindings/README.md, verbatim between the markers.
    func testReadmeUsageExample() {
        // README-BEGIN
        let json = #"{"signature_date": "2025-01-15", "specialty": "01", "sector": "secteur_1", "patientele_mt": 1200, "percentile_band": "p50_p70"}"#
        do {
            let store = try RuleStore.embedded()
            let result = try store.assess(situation: situationFromJson(json: json, langue: .fr), langue: .fr)
            for o in result.options { print(o.label, o.total.map { "\($0) €" } ?? "—") }  // total: Foundation.Decimal
        } catch let e as AssistmedError {
            print(e.code(), e.field() ?? "-", e.localizedDescription)  // the text, in the call's language
        } catch { print(error) }
        // README-END
    }

    func testConcurrentCallsFromEightThreadsOnOneStoreGiveIdenticalResults() throws {
        let store = try RuleStore.embedded()
        let situation = try gp2025()
        let reference = try store.assess(situation: situation, langue: .fr)
        let answers = ["patientele_mt": "1200"]
        let referenceView = try store.resultView(answers: answers, langue: .fr, today: "2025-01-15")
        let differences = Tally()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for call in 0..<50 {
                if (thread + call) % 4 == 0 {
                    if (try? store.resultView(answers: answers, langue: .fr, today: "2025-01-15")) != referenceView { differences.increment() }
                } else if (try? store.assess(situation: situation, langue: .fr)) != reference {
                    differences.increment()
                }
            }
        }
        XCTAssertEqual(differences.value, 0)
    }

    // MARK: AppModel (the apps' state)

    /// Events in, view out, files of bytes out and back in; the record fields are only read.
    func testAppModelSavesRestoresAndAsksBeforeErasing() throws {
        let m = try AppModel(files: [:], today: "2026-12-01", language: "fr-FR")
        XCTAssertEqual(m.view().questionnaire.questions.first?.id, "signature_date")
        XCTAssertNotNil(m.view().questionnaire.questions.first?.confirm)
        _ = m.send(event: .repondre(id: "signature_date", valeur: "15/01/2025"))
        _ = m.send(event: .repondre(id: "patientele_mt", valeur: "1200"))
        _ = m.send(event: .repondre(id: "percentile_band", valeur: "p50_p70"))
        let v = m.send(event: .voirResultat)
        XCTAssertEqual(v.screen, .resultat)
        // Golden case 001 (source S10): 1/2 ETP year 1 = 19 000 €.
        XCTAssertEqual(v.result?.options[1].years[0].amount, "19\u{202F}000\u{A0}€")
        var files: [String: Data] = [:]
        for w in m.takeWrites() {
            if let bytes = w.octets { files[w.nom] = bytes }
        }
        XCTAssertEqual(Array(files.keys), ["simulation.json"])
        XCTAssertTrue(appFileNames().contains("simulation.json"))
        let again = try AppModel(files: files, today: "2026-12-02", language: "en")
        XCTAssertEqual(again.view().screen, .resultat)
        XCTAssertEqual(again.view().result?.options[1].years[0].amount, "€19,000")
        XCTAssertNotNil(again.send(event: .nouvelleSimulation).confirmation)
        XCTAssertTrue(again.send(event: .annuler).questionnaire.canShowResult)
        _ = again.send(event: .nouvelleSimulation)
        XCTAssertFalse(again.send(event: .confirmer).questionnaire.canShowResult)
        // A malformed date is refused (uniffi's own error: `today` is ISO text, not a typed input).
        XCTAssertThrowsError(try AppModel(files: [:], today: "2026-13-01", language: "fr"))
    }

    /// The SDK's import event (bindings/swift/Evenement+Import.swift): one file is not a pair;
    /// a signed bundle and its `.sig` are installed and handed back as files to store.
    func testImportRulesEventFromPickedFiles() throws {
        let m = try AppModel(files: [:], today: "2026-12-01", language: "en")
        let single = m.send(event: .importRules(files: ["regles.json": Data("{}".utf8)]))
        XCTAssertNotNil(single.aboutScreen.importOutcome)
        XCTAssertTrue(m.takeWrites().isEmpty)
        let bundles = try TestBundles.load()
        guard environment("ASSISTMED_TEST_KEYS") == "1" else { throw XCTSkip("needs a library built with `test-keys`") }
        _ = m.send(event: .importRules(files: ["regles-v2.json.sig": bundles.v2SignatureFile, "regles-v2.json": bundles.v2]))
        let writes = m.takeWrites()
        XCTAssertFalse(writes.isEmpty)
        XCTAssertTrue(writes.allSatisfy { appFileNames().contains($0.nom) && $0.octets != nil }, "\(writes.map(\.nom))")
    }
}
