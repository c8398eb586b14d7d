// XCTest of the Swift bindings (module `Assistmed`), on one `RuleStore`: every golden case of
// tests/cases/ through the typed Swift API, whose JSON trees must equal exactly the core's own
// JSON output; typed errors; signed rule updates; the questionnaire and result view; concurrent
// calls from 8 threads.
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

import Assistmed
import Foundation
import XCTest

// MARK: - JSON values

/// A JSON tree, to compare typed results with the expected output of the golden cases.
enum JSONValue: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

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
    default:
        return expected == actual ? nil : "\(path): expected \(expected), got \(actual)"
    }
}

// MARK: - Typed records → JSON trees (names of the JSON contract)

private func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
private func number<T: BinaryInteger>(_ value: T?) -> JSONValue {
    guard let value = value else { return .null }
    return JSONValue.number(Decimal(string: String(value)) ?? .nan)
}
private func bool(_ value: Bool?) -> JSONValue { value.map(JSONValue.bool) ?? .null }
private func texts(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

// Output-only enums have no exported code() (each exported method costs library size): their
// JSON codes are written here by hand, and the exact typed = JSON comparison checks them.

extension EligibilityStatus {
    var jsonCode: String {
        switch self {
        case .eligible: return "eligible"
        case .notEligible: return "not_eligible"
        case .referToCpam: return "refer_to_cpam"
        }
    }
}

extension ReasonEffect {
    var jsonCode: String {
        switch self {
        case .satisfied: return "satisfied"
        case .blocking: return "blocking"
        case .referToCpam: return "refer_to_cpam"
        case .condition: return "condition"
        }
    }
}

extension AmountRow {
    var jsonCode: String {
        switch self {
        case .standard: return "standard"
        case .p90p94: return "p90_p94"
        case .p95Plus: return "p95_plus"
        }
    }
}

extension PercentileSource {
    var jsonCode: String {
        switch self {
        case .declared: return "declared"
        case .derived: return "derived"
        }
    }
}

extension ObjectiveStatus {
    var jsonCode: String {
        switch self {
        case .computed: return "computed"
        case .toConfirm: return "to_confirm"
        }
    }
}

extension ObjectiveKind {
    var jsonCode: String {
        switch self {
        case .hausse: return "hausse"
        case .mediane: return "mediane"
        case .maintien: return "maintien"
        case .adapteCpam: return "adapte_cpam"
        }
    }
}

extension Indicator {
    var jsonCode: String {
        switch self {
        case .patienteleMt: return "patientele_mt"
        case .fileActive: return "file_active"
        }
    }
}

extension SecondAssistantStatus {
    var jsonCode: String {
        switch self {
        case .eligibleInPrinciple: return "eligible_in_principle"
        case .notEligible: return "not_eligible"
        }
    }
}

extension SpecialtyGroup {
    var jsonCode: String {
        switch self {
        case .generaliste: return "generaliste"
        case .chirurgie: return "chirurgie"
        case .orl: return "orl"
        case .gynecologie: return "gynecologie"
        case .autre: return "autre"
        }
    }
}

extension BundleOrigin {
    var jsonCode: String {
        switch self {
        case .embedded: return "embedded"
        case .update: return "update"
        }
    }
}
extension Situation {
    var json: JSONValue {
        .object([
            "signature_date": text(signatureDate),
            "specialty": text(specialty),
            "sector": text(sector.code()),
            "mep": bool(mep),
            "zone": text(zone?.code()),
            "practice": text(practice?.code()),
            "coordinated": bool(coordinated),
            "patientele_mt": number(patienteleMt),
            "file_active": number(fileActive),
            "percentile_band": text(percentileBand?.code()),
            "clinical_fee_share": text(clinicalFeeShare),
            "newly_installed": bool(newlyInstalled),
            "age": number(age),
            "ald_or_rqth": bool(aldOrRqth),
            "current_contract": currentContract?.json ?? .null,
        ])
    }
}

extension CurrentContract {
    var json: JSONValue {
        .object(["option": text(option.code()), "start": text(start), "objectives_reached": bool(objectivesReached)])
    }
}

extension RuleVersionApplied {
    var json: JSONValue {
        .object([
            "id": text(id),
            "title_fr": text(titleFr),
            "title_en": text(titleEn),
            "start": text(start),
            "end_exclusive": text(endExclusive),
            "references": texts(references),
            "bundle_version": number(bundleVersion),
            "bundle_published": text(bundlePublished),
            "bundle_origin": text(bundleOrigin.jsonCode),
        ])
    }
}

extension Reason {
    var json: JSONValue {
        .object([
            "code": text(code),
            "effect": text(effect.jsonCode),
            "message_fr": text(messageFr),
            "message_en": text(messageEn),
            "references": texts(references),
            "confidence": text(confidence.code()),
        ])
    }
}

extension Eligibility {
    var json: JSONValue {
        .object(["status": text(status.jsonCode), "reasons": .array(reasons.map(\.json))])
    }
}

extension Percentile {
    var json: JSONValue {
        .object([
            "band": text(band?.code()),
            "row": text(row.jsonCode),
            "source": text(source.jsonCode),
            "confidence": text(confidence.code()),
        ])
    }
}

extension AidYear {
    var json: JSONValue {
        .object([
            "year": number(year),
            "start": text(start),
            "end": text(end),
            "rules_id": text(rulesId),
            "amount": text(amount),
            "maximum": bool(maximum),
            "confidence": text(confidence.code()),
        ])
    }
}

extension ObjectiveTarget {
    var json: JSONValue {
        .object(["indicator": text(indicator.jsonCode), "baseline": number(baseline), "target": number(target)])
    }
}

extension Objective {
    var json: JSONValue {
        .object([
            "status": text(status.jsonCode),
            "kind": text(kind.jsonCode),
            "increase": text(increase),
            "indicators": .array(indicators.map(\.json)),
            "deadline": text(deadline),
            "confidence": text(confidence.code()),
            "message_fr": text(messageFr),
            "message_en": text(messageEn),
            "references": texts(references),
        ])
    }
}

extension OptionResult {
    var json: JSONValue {
        .object([
            "option": text(option.code()),
            "label_fr": text(labelFr),
            "label_en": text(labelEn),
            "available": bool(available),
            "unavailable_reasons": .array(unavailableReasons.map(\.json)),
            "aid": .array(aid.map(\.json)),
            "total": text(total),
            "objective": objective?.json ?? .null,
        ])
    }
}

extension Condition {
    var json: JSONValue {
        .object([
            "code": text(code),
            "satisfied": bool(satisfied),
            "message_fr": text(messageFr),
            "message_en": text(messageEn),
            "references": texts(references),
            "confidence": text(confidence.code()),
        ])
    }
}

extension SecondAssistantOption {
    var json: JSONValue {
        .object(["fte": text(fte), "amount": text(amount), "confidence": text(confidence.code())])
    }
}

extension SecondAssistant {
    var json: JSONValue {
        .object([
            "status": text(status.jsonCode),
            "conditions": .array(conditions.map(\.json)),
            "options": .array(options.map(\.json)),
            "message_fr": text(messageFr),
            "message_en": text(messageEn),
        ])
    }
}

extension Caveat {
    var json: JSONValue {
        .object([
            "code": text(code),
            "parameter": text(parameter),
            "confidence": text(confidence.code()),
            "message_fr": text(messageFr),
            "message_en": text(messageEn),
            "references": texts(references),
        ])
    }
}

extension Notice {
    var json: JSONValue {
        .object([
            "id": text(id),
            "versions": texts(versions),
            "grade": text(grade.code()),
            "references": texts(references),
            "text_fr": text(textFr),
            "text_en": text(textEn),
        ])
    }
}

extension Reference {
    var json: JSONValue {
        .object([
            "id": text(id),
            "title": text(title),
            "article": text(article),
            "url": text(url),
            "date": text(date),
            "kind": text(kind),
        ])
    }
}

extension Assessment {
    var json: JSONValue {
        .object([
            "rules": rules.json,
            "situation": situation.json,
            "eligibility": eligibility.json,
            "percentile": percentile?.json ?? .null,
            "options": .array(options.map(\.json)),
            "second_assistant": secondAssistant?.json ?? .null,
            "caveats": .array(caveats.map(\.json)),
            "notices": .array(notices.map(\.json)),
            "references": .array(references.map(\.json)),
            "disclaimer_fr": text(disclaimerFr),
            "disclaimer_en": text(disclaimerEn),
        ])
    }
}

extension Timeline {
    var json: JSONValue {
        .object([
            "rules": rules.json,
            "option": text(option.code()),
            "start": text(start),
            "signature_rules_id": text(signatureRulesId),
            "row": text(row.jsonCode),
            "years": .array(years.map(\.json)),
            "total": text(total),
            "caveats": .array(caveats.map(\.json)),
            "references": .array(references.map(\.json)),
        ])
    }
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

    /// Runs the case through the typed API on `store`.
    func runTyped(on store: RuleStore) throws -> JSONValue {
        let situation = try situationFromJson(json: inputText)
        switch command {
        case "simulate":
            return try store.assess(situation: situation).json
        case "timeline":
            guard let code = option, let contractOption = ContractOption.withCode(code) else {
                throw GoldenCaseError.malformed("\(file): option `\(option ?? "nil")` is not a contract option")
            }
            return try store.timeline(situation: situation, option: contractOption, start: start).json
        case "second_assistant":
            return try store.secondAssistant(situation: situation).json
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
            if error.errorCode() != expected.code || error.errorField() != expected.field {
                failures.append("expected \(expected.code) on \(expected.field ?? "nil"), got \(error.errorCode()) on \(error.errorField() ?? "nil")")
            }
            if error.messageIn(language: .fr).isEmpty || error.messageIn(language: .en).isEmpty {
                failures.append("empty error message")
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

extension ContractOption {
    static func withCode(_ code: String) -> ContractOption? {
        allCases.first { $0.code() == code }
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

/// A golden-case input as app answers: the mapping of `vers_reponses` in
/// core/tests/questionnaire.rs. Nil when the questionnaire cannot express it.
func appAnswers(of input: JSONValue) -> [Answer]? {
    guard case let .object(fields) = input else { return nil }
    var out: [Answer] = []
    for (key, value) in fields {
        switch (key, value) {
        case let ("current_contract", .object(contract)):
            guard contract["option"] == .string("plein"), case let .string(start)? = contract["start"] else { return nil }
            out.append(Answer(id: "current_contract", value: "true"))
            out.append(Answer(id: "current_contract.start", value: start))
            out.append(Answer(id: "current_contract.objectives_reached", value: (contract["objectives_reached"] ?? .null).description))
        case ("current_contract", _):
            return nil
        case let ("clinical_fee_share", .string(share)):
            guard let decimal = Decimal(string: share, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            out.append(Answer(id: key, value: "\(decimal * 100)"))
        case let (_, .string(text)):
            out.append(Answer(id: key, value: text))
        default:
            out.append(Answer(id: key, value: value.description))
        }
    }
    return out
}

// MARK: - Tests

final class AssistmedTests: XCTestCase {
    /// A GP in 2025, P50–P70: the reference situation of these tests (golden case 001).
    let gp2025 = Situation(
        signatureDate: "2025-01-15",
        specialty: "01",
        sector: .secteur1,
        patienteleMt: 1200,
        percentileBand: .p50p70
    )

    /// Year-1 aid of the 1/2 ETP option for `gp2025`.
    func demiYear1(_ store: RuleStore) throws -> String? {
        try store.assess(situation: gp2025).options.first { $0.option == .demi }?.aid.first?.amount
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
                let viaJson = outcome { try JSONValue(parsing: store.assessJson(inputJson: goldenCase.inputText)) }
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

    func testNegativeCountIsATypedErrorNamingTheField() throws {
        let store = try RuleStore.embedded()
        let bad = Situation(signatureDate: "2025-01-15", specialty: "01", sector: .secteur1, patienteleMt: -5)
        XCTAssertThrowsError(try store.assess(situation: bad)) { error in
            guard case let AssistmedError.OutOfRange(code, field, messageFr, messageEn) = error else {
                return XCTFail("expected AssistmedError.OutOfRange, got \(error)")
            }
            XCTAssertEqual(code, "hors_bornes")
            XCTAssertEqual(field, "patientele_mt")
            XCTAssertTrue(messageFr.contains("patientele_mt"))
            XCTAssertTrue(messageEn.contains("patientele_mt"))
        }
    }

    func testBadInputsGiveTypedErrors() throws {
        let store = try RuleStore.embedded()
        let cases: [(Situation, String, String)] = [
            (Situation(signatureDate: "2025-02-30", specialty: "01", sector: .secteur1), "date_invalide", "signature_date"),
            (Situation(signatureDate: "2019-08-31", specialty: "01", sector: .secteur1), "hors_periode", "signature_date"),
            (Situation(signatureDate: "2025-01-15", specialty: "99", sector: .secteur1), "valeur_inconnue", "specialty"),
            (Situation(signatureDate: "2025-01-15", specialty: "41", sector: .secteur1, clinicalFeeShare: "0,85"), "hors_bornes", "clinical_fee_share"),
            (Situation(signatureDate: "2025-01-15", specialty: "01", sector: .secteur1, age: 12), "hors_bornes", "age"),
        ]
        for (situation, code, field) in cases {
            XCTAssertThrowsError(try store.assess(situation: situation)) { error in
                guard let error = error as? AssistmedError else { return XCTFail("not an AssistmedError: \(error)") }
                XCTAssertEqual(error.errorCode(), code)
                XCTAssertEqual(error.errorField(), field)
            }
        }
        XCTAssertThrowsError(try store.timeline(situation: gp2025, option: .demi, start: "tomorrow")) { error in
            XCTAssertEqual((error as? AssistmedError)?.errorField(), "start")
        }
        for json in ["{", "[]", "42", "null"] {
            XCTAssertThrowsError(try situationFromJson(json: json)) { error in
                guard case AssistmedError.InvalidJson = error else { return XCTFail("expected InvalidJson, got \(error)") }
            }
            XCTAssertThrowsError(try store.assessJson(inputJson: json)) { error in
                XCTAssertEqual((error as? AssistmedError)?.errorCode(), "json_invalide")
            }
        }
    }

    // MARK: Catalogue, enums, money, JSON round trip

    func testEnumCodesAreUniqueAndRoundTrip() throws {
        XCTAssertEqual(Grade.allCases.map { $0.code() }, ["A", "B", "C", "GAP"])
        XCTAssertEqual(Sector.secteur2OptamCo.code(), "secteur_2_optam_co")
        XCTAssertEqual(Set(Sector.allCases.map { $0.code() }).count, Sector.allCases.count)
        for sector in Sector.allCases {
            XCTAssertFalse(sector.labelFr().isEmpty)
            let situation = Situation(signatureDate: "2025-01-15", specialty: "01", sector: sector)
            XCTAssertEqual(try situationFromJson(json: situationToJson(situation: situation)).sector, sector)
        }
    }

    func testCatalogue() throws {
        let store = try RuleStore.embedded()
        XCTAssertTrue(try store.specialties().contains { $0.code == "01" && $0.group == .generaliste })
        XCTAssertEqual(try store.ruleVersions().map(\.id), ["avenant-7-2019", "reglement-arbitral-2023", "convention-2024"])
        XCTAssertEqual(try store.timeline(situation: gp2025, option: .plein), try store.timeline(situation: gp2025, option: .plein, start: nil))
    }

    func testAmountsAreCanonicalDecimalText() throws {
        let assessment = try RuleStore.embedded().assess(situation: gp2025)
        let demi = try XCTUnwrap(assessment.options.first { $0.option == .demi })
        XCTAssertEqual(demi.total, "66000.00")
        let years = demi.aid.compactMap { Decimal(string: $0.amount ?? "", locale: Locale(identifier: "en_US_POSIX")) }
        XCTAssertEqual(years.count, 5)
        XCTAssertEqual(years.reduce(0, +), Decimal(string: "66000", locale: Locale(identifier: "en_US_POSIX")))
    }

    func testSituationJsonRoundTrip() throws {
        let full = Situation(
            signatureDate: "2026-03-01", specialty: "01", sector: .secteur2OptamCo, mep: false, zone: .zip,
            practice: .groupe, coordinated: true, patienteleMt: 1500, fileActive: 2500, percentileBand: .p70p90,
            clinicalFeeShare: "0.85", newlyInstalled: false, age: 66, aldOrRqth: false,
            currentContract: CurrentContract(option: .plein, start: "2023-01-15", objectivesReached: true)
        )
        for situation in [gp2025, full] {
            XCTAssertEqual(try situationFromJson(json: situationToJson(situation: situation)), situation)
        }
    }

    // MARK: Signed rule updates

    func testEmbeddedStoreHasNothingToPersist() throws {
        let store = try RuleStore.embedded()
        XCTAssertEqual(try demiYear1(store), "19000.00")
        XCTAssertNil(store.exportActive())
        XCTAssertNil(store.startupWarning())
        let provenance = store.provenance()
        XCTAssertEqual(provenance.origin, .embedded)
        XCTAssertEqual(provenance.bundleVersion, 1)
        XCTAssertNil(provenance.signatureHex)
    }

    func testInstallingANewerSignedBundleChangesTheFigure() throws {
        let bundles = try TestBundles.load()
        let embedded = try RuleStore.embedded()
        guard environment("ASSISTMED_TEST_KEYS") == "1" else {
            // A shipped build: the TEST-ONLY key is not trusted.
            XCTAssertThrowsError(try embedded.install(bundle: bundles.v2, signature: bundles.v2Signature)) { error in
                XCTAssertEqual((error as? AssistmedError)?.errorCode(), "signature_refusee")
            }
            return
        }
        let updated = try embedded.install(bundle: bundles.v2, signature: bundles.v2Signature)
        XCTAssertEqual(try demiYear1(updated), "19500.00")
        let rules = try updated.assess(situation: gp2025).rules
        XCTAssertEqual(rules.bundleVersion, 2)
        XCTAssertEqual(rules.bundleOrigin, .update)
        XCTAssertEqual(updated.provenance().origin, .update)
        XCTAssertEqual(updated.provenance().signatureHex, bundles.v2SignatureHex)
        XCTAssertEqual(try demiYear1(embedded), "19000.00", "the store installed on is unchanged")
    }

    func testATamperedBundleIsRefusedAndTheOldFigureStays() throws {
        let bundles = try TestBundles.load()
        let embedded = try RuleStore.embedded()
        XCTAssertThrowsError(try embedded.install(bundle: tampered(bundles.v2), signature: bundles.v2Signature)) { error in
            guard case let AssistmedError.SignatureRejected(code, field, _, _) = error else {
                return XCTFail("expected AssistmedError.SignatureRejected, got \(error)")
            }
            XCTAssertEqual(code, "signature_refusee")
            XCTAssertEqual(field, "signature")
        }
        XCTAssertThrowsError(try embedded.install(bundle: bundles.v2, signature: bundles.v2Signature.prefix(40))) { error in
            XCTAssertEqual((error as? AssistmedError)?.errorCode(), "signature_invalide")
        }
        if environment("ASSISTMED_TEST_KEYS") == "1" {
            XCTAssertThrowsError(try embedded.install(bundle: bundles.v1, signature: bundles.v1Signature)) { error in
                XCTAssertEqual((error as? AssistmedError)?.errorCode(), "bundle_non_plus_recent")
            }
        }
        XCTAssertEqual(try demiYear1(embedded), "19000.00")
    }

    func testRestoreFallsBackToTheEmbeddedRulesWithAWarning() throws {
        let bundles = try TestBundles.load()
        let corrupted = try RuleStore.restore(bundle: tampered(bundles.v2), signature: bundles.v2Signature)
        XCTAssertEqual(corrupted.startupWarning()?.code, "signature_refusee")
        XCTAssertEqual(try demiYear1(corrupted), "19000.00")
        XCTAssertEqual(corrupted.provenance().origin, .embedded)
        let half = try RuleStore.restore(bundle: bundles.v2, signature: nil)
        XCTAssertEqual(half.startupWarning()?.code, "bundle_illisible")
        let nothing = try RuleStore.restore(bundle: nil, signature: nil)
        XCTAssertNil(nothing.startupWarning())
        XCTAssertEqual(try demiYear1(nothing), "19000.00")
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
        if let w = store.startupWarning() { print("update set aside: \(w.code): \(w.messageEn)") }
        // When the user opens an update file and its signature: a new store, or a typed error.
        let next = try store.install(bundle: bundleBytes, signature: signatureBytes)
        // Keep the high-water mark apart from the bundle: it outlives a lost or corrupted bundle file.
        if let saved = next.exportActive() { prefs.save(bundle: saved.bundle, signature: saved.signature, highWaterMark: saved.highWaterMark) }
        // README-UPDATE-END
        XCTAssertEqual(try demiYear1(next), "19500.00")
        let secondStart = try RuleStore.restore(bundle: prefs.bundle, signature: prefs.signature, highWaterMark: prefs.highWaterMark)
        XCTAssertNil(secondStart.startupWarning())
        XCTAssertEqual(try demiYear1(secondStart), "19500.00")
    }

    // MARK: Questionnaire and result view

    func testQuestionnaireOfTheCommonCase() throws {
        let store = try RuleStore.embedded()
        let empty = try store.questionnaire(answers: [], today: "2025-01-15")
        XCTAssertFalse(empty.complete)
        XCTAssertEqual(empty.rulesId, "convention-2024")
        let count = try XCTUnwrap(empty.questions.first { $0.id == "patientele_mt" })
        XCTAssertTrue(count.required)
        XCTAssertNil(count.answer)
        XCTAssertEqual(count.kind, .count)

        let answers = [Answer(id: "patientele_mt", value: "1200")]
        let complete = try store.questionnaire(answers: answers, today: "2025-01-15")
        XCTAssertTrue(complete.complete)
        XCTAssertEqual(complete.questions.map(\.id), [
            "signature_date", "specialty", "sector", "patientele_mt", "file_active", "percentile_band",
            "newly_installed", "age", "ald_or_rqth", "mep", "current_contract",
        ])
        let view = try store.resultView(answers: answers, today: "2025-01-15")
        XCTAssertEqual(view.verdict.status, .eligible)
        XCTAssertEqual(view.options.first { $0.option == .demi }?.cells.first?.amount, "19000.00")
    }

    func testQuestionnaireValidation() throws {
        let store = try RuleStore.embedded()
        let bad = try store.questionnaire(answers: [Answer(id: "age", value: "12")], today: "2025-01-15")
        XCTAssertEqual(bad.questions.first { $0.id == "age" }?.error?.code, "hors_bornes")
        XCTAssertThrowsError(try store.questionnaire(answers: [], today: "15/01/2025")) { error in
            XCTAssertEqual((error as? AssistmedError)?.errorCode(), "date_invalide")
            XCTAssertEqual((error as? AssistmedError)?.errorField(), "today")
        }
        XCTAssertThrowsError(try store.resultView(answers: [], today: "2025-01-15")) { error in
            XCTAssertEqual((error as? AssistmedError)?.errorCode(), "champ_requis")
            XCTAssertEqual((error as? AssistmedError)?.errorField(), "patientele_mt")
        }
    }

    func testResultViewShowsTheEngineAmountsForEveryGoldenCase() throws {
        let store = try RuleStore.embedded()
        var compared = 0
        for goldenCase in try GoldenCase.loadAll() where goldenCase.command == "simulate" && goldenCase.expectedError == nil {
            guard let answers = appAnswers(of: goldenCase.input) else { continue }
            let expected = try store.assess(situation: situationFromJson(json: goldenCase.inputText))
            let view = try store.resultView(answers: answers, today: nil)
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
        let s = Situation(signatureDate: "2025-01-15", specialty: "01", sector: .secteur1,
                          patienteleMt: 1200, percentileBand: .p50p70)
        do { for o in try RuleStore.embedded().assess(situation: s).options { print(o.option.code(), o.total ?? "—") } }
        catch let e as AssistmedError { print(e.errorCode(), e.errorField() ?? "-", e.messageIn(language: .fr)) }
        catch { print(error) }
        // README-END
    }

    func testConcurrentCallsFromEightThreadsOnOneStoreGiveIdenticalResults() throws {
        let store = try RuleStore.embedded()
        let reference = try store.assess(situation: gp2025)
        let answers = [Answer(id: "patientele_mt", value: "1200")]
        let referenceView = try store.resultView(answers: answers, today: "2025-01-15")
        let situation = gp2025
        let differences = Tally()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for call in 0..<50 {
                if (thread + call) % 4 == 0 {
                    if (try? store.resultView(answers: answers, today: "2025-01-15")) != referenceView { differences.increment() }
                } else if (try? store.assess(situation: situation)) != reference {
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
        _ = m.send(event: .answer(id: "signature_date", value: "15/01/2025"))
        _ = m.send(event: .answer(id: "patientele_mt", value: "1200"))
        _ = m.send(event: .answer(id: "percentile_band", value: "p50_p70"))
        let v = m.send(event: .showResult)
        XCTAssertEqual(v.screen, .result)
        // Golden case 001 (source S10): 1/2 ETP year 1 = 19 000 €.
        XCTAssertEqual(v.result?.options[1].years[0].amount, "19\u{202F}000\u{A0}€")
        var files: [String: Data] = [:]
        for w in m.takeWrites() {
            if let bytes = w.bytes { files[w.name] = bytes }
        }
        XCTAssertEqual(Array(files.keys), ["simulation.json"])
        XCTAssertTrue(appFileNames().contains("simulation.json"))
        let again = try AppModel(files: files, today: "2026-12-02", language: "en")
        XCTAssertEqual(again.view().screen, .result)
        XCTAssertEqual(again.view().result?.options[1].years[0].amount, "€19,000")
        XCTAssertNotNil(again.send(event: .newSimulation).confirmation)
        XCTAssertTrue(again.send(event: .cancel).questionnaire.canShowResult)
        _ = again.send(event: .newSimulation)
        XCTAssertFalse(again.send(event: .confirm).questionnaire.canShowResult)
        XCTAssertThrowsError(try AppModel(files: [:], today: "2026-13-01", language: "fr"))
    }
}
