// XCTest of the Swift bindings (module `Assistmed`): every golden case of tests/cases/ through
// the typed Swift API and the JSON API, typed errors, the Simulator object, concurrent calls.
//
// Golden cases are read from $ASSISTMED_CASES_DIR, or from the first `tests/cases` folder found
// above this file. Format: tests/README.md.
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
        var fields: [String: JSONValue] = [
            "code": text(code),
            "confidence": text(confidence.code()),
            "message_fr": text(messageFr),
            "message_en": text(messageEn),
            "references": texts(references),
        ]
        // The core omits `parameter` when there is none.
        if let parameter = parameter { fields["parameter"] = .string(parameter) }
        return .object(fields)
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
        var fields: [String: JSONValue] = [
            "id": text(id),
            "title": text(title),
            "url": text(url),
            "date": text(date),
            "kind": text(kind),
        ]
        // The core omits `article` when there is none.
        if let article = article { fields["article"] = .string(article) }
        return .object(fields)
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

    /// Runs the case through the typed API, on the top-level functions or on a simulator.
    func runTyped(on simulator: Simulator? = nil) throws -> JSONValue {
        let situation = try situationFromJson(json: inputText)
        switch command {
        case "simulate":
            return try (simulator?.assess(situation: situation) ?? assess(situation: situation)).json
        case "timeline":
            guard let code = option, let contractOption = ContractOption.withCode(code) else {
                throw GoldenCaseError.malformed("\(file): option `\(option ?? "nil")` is not a contract option")
            }
            let result = try simulator?.timeline(situation: situation, option: contractOption, start: start)
                ?? timeline(situation: situation, option: contractOption, start: start)
            return result.json
        case "second_assistant":
            return try (simulator?.secondAssistant(situation: situation) ?? secondAssistant(situation: situation)).json
        default:
            throw GoldenCaseError.malformed("\(file): unknown command \(command)")
        }
    }

    /// Runs the case through the JSON API (the core's own JSON output).
    func runJson() throws -> JSONValue {
        switch command {
        case "simulate":
            return try JSONValue(parsing: assessJson(inputJson: inputText))
        case "timeline":
            return try JSONValue(parsing: timelineJson(inputJson: inputText, option: option ?? "", start: start))
        case "second_assistant":
            return try JSONValue(parsing: secondAssistantJson(inputJson: inputText))
        default:
            throw GoldenCaseError.malformed("\(file): unknown command \(command)")
        }
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

// MARK: - Tests

final class AssistmedTests: XCTestCase {
    /// A GP in 2025, P50–P70: the reference situation of these tests.
    let gp2025 = Situation(
        signatureDate: "2025-01-15",
        specialty: "01",
        sector: .secteur1,
        patienteleMt: 1200,
        percentileBand: .p50p70
    )

    func testEveryGoldenCaseThroughTheTypedApi() throws {
        let cases = try GoldenCase.loadAll()
        XCTAssertFalse(cases.isEmpty, "no golden case found")
        let simulator = try Simulator.embedded()
        for goldenCase in cases {
            for failure in goldenCase.verify(outcome { try goldenCase.runTyped() }) {
                XCTFail("\(goldenCase.file) [typed]: \(failure)")
            }
            for failure in goldenCase.verify(outcome { try goldenCase.runTyped(on: simulator) }) {
                XCTFail("\(goldenCase.file) [typed, Simulator]: \(failure)")
            }
        }
    }

    func testEveryGoldenCaseThroughTheJsonApiEqualsTheTypedApi() throws {
        for goldenCase in try GoldenCase.loadAll() {
            let viaJson = outcome { try goldenCase.runJson() }
            for failure in goldenCase.verify(viaJson) {
                XCTFail("\(goldenCase.file) [json]: \(failure)")
            }
            if case let .success(json) = viaJson, case let .success(typed) = outcome({ try goldenCase.runTyped() }) {
                if let difference = mismatch(json, typed, exact: true) {
                    XCTFail("\(goldenCase.file) [typed = json]: \(difference)")
                }
            }
        }
    }

    func testNegativeCountIsATypedErrorNamingTheField() {
        let bad = Situation(signatureDate: "2025-01-15", specialty: "01", sector: .secteur1, patienteleMt: -5)
        XCTAssertThrowsError(try assess(situation: bad)) { error in
            guard case let AssistmedError.OutOfRange(code, field, messageFr, messageEn) = error else {
                return XCTFail("expected AssistmedError.OutOfRange, got \(error)")
            }
            XCTAssertEqual(code, "hors_bornes")
            XCTAssertEqual(field, "patientele_mt")
            XCTAssertTrue(messageFr.contains("patientele_mt"))
            XCTAssertTrue(messageEn.contains("patientele_mt"))
        }
    }

    func testBadInputsGiveTypedErrors() {
        let cases: [(Situation, String, String)] = [
            (Situation(signatureDate: "2025-02-30", specialty: "01", sector: .secteur1), "date_invalide", "signature_date"),
            (Situation(signatureDate: "2019-08-31", specialty: "01", sector: .secteur1), "hors_periode", "signature_date"),
            (Situation(signatureDate: "2025-01-15", specialty: "99", sector: .secteur1), "valeur_inconnue", "specialty"),
            (Situation(signatureDate: "2025-01-15", specialty: "41", sector: .secteur1, clinicalFeeShare: "0,85"), "hors_bornes", "clinical_fee_share"),
            (Situation(signatureDate: "2025-01-15", specialty: "01", sector: .secteur1, age: 12), "hors_bornes", "age"),
        ]
        for (situation, code, field) in cases {
            XCTAssertThrowsError(try assess(situation: situation)) { error in
                guard let error = error as? AssistmedError else { return XCTFail("not an AssistmedError: \(error)") }
                XCTAssertEqual(error.errorCode(), code)
                XCTAssertEqual(error.errorField(), field)
            }
        }
        XCTAssertThrowsError(try timeline(situation: gp2025, option: .demi, start: "tomorrow")) { error in
            XCTAssertEqual((error as? AssistmedError)?.errorField(), "start")
        }
        XCTAssertThrowsError(try situationFromJson(json: "{")) { error in
            guard case AssistmedError.InvalidJson = error else { return XCTFail("expected InvalidJson, got \(error)") }
        }
    }

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

    func testSimulatorAndTopLevelFunctionsAgree() throws {
        let simulator = try Simulator.embedded()
        XCTAssertEqual(try simulator.assess(situation: gp2025), try assess(situation: gp2025))
        XCTAssertEqual(try simulator.specialties(), try specialties())
        XCTAssertEqual(try simulator.ruleVersions().map(\.id), ["avenant-7-2019", "reglement-arbitral-2023", "convention-2024"])
        XCTAssertGreaterThan(simulator.bundleVersion(), 0)
    }

    func testAmountsAreCanonicalDecimalText() throws {
        let assessment = try assess(situation: gp2025)
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

    /// The Swift example of bindings/README.md, verbatim between the markers.
    func testReadmeUsageExample() {
        // README-BEGIN
        let s = Situation(signatureDate: "2025-01-15", specialty: "01", sector: .secteur1,
                          patienteleMt: 1200, percentileBand: .p50p70)
        do { for o in try assess(situation: s).options { print(o.option.code(), o.total ?? "—") } }
        catch let e as AssistmedError { print(e.errorCode(), e.errorField() ?? "-", e.messageIn(language: .fr)) }
        catch { print(error) }
        // README-END
    }

    func testConcurrentCallsFromEightThreadsGiveIdenticalResults() throws {
        let simulator = try Simulator.embedded()
        let reference = try assess(situation: gp2025)
        let situation = gp2025
        let differences = Tally()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for _ in 0..<50 {
                let result = thread % 2 == 0
                    ? try? simulator.assess(situation: situation)
                    : try? assess(situation: situation)
                if result != reference { differences.increment() }
            }
        }
        XCTAssertEqual(differences.value, 0)
    }
}
