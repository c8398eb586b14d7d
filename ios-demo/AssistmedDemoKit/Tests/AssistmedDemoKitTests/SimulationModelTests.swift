// Tests of the iOS app's state holder — the same checks as the Android app's JVM tests
// (android-demo/app/src/test/kotlin/…/StateTests.kt, GoldenTests.kt). Run on a Mac:
//     cd ios-demo/AssistmedDemoKit && swift test
// (after bindings/scripts/build-xcframework.sh). They read tests/cases/ and the screen
// transcript written by the Kotlin tests, found from this file's path.
import Assistmed
@testable import AssistmedDemoKit
import XCTest

private let today = "2025-01-15"

/// The repository root: this file is ios-demo/AssistmedDemoKit/Tests/AssistmedDemoKitTests/….
private let repoRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// Drives a `SimulationModel` the way a finger drives the app, counting taps (as `Finger` in
/// the Kotlin tests): a text field costs 1 tap to focus plus 1 per key; a menu choice 2 (open,
/// pick); an inline choice, a yes/no segment or a button 1. Pre-filled defaults cost nothing.
@MainActor
private final class Finger {
    static let inlineMax = 3
    let model: SimulationModel
    private(set) var taps = 0
    private(set) var log: [String] = []

    init(_ model: SimulationModel) {
        self.model = model
    }

    func type(_ id: String, _ text: String) {
        tap("focus \(id)")
        var typed = ""
        for ch in text {
            typed.append(ch)
            model.setAnswer(id, typed)
            tap("key \(ch)")
        }
    }

    func choose(_ id: String, _ value: String) throws {
        let q = try XCTUnwrap(model.questionnaire.questions.first { $0.id == id })
        XCTAssertTrue(q.choices.contains { $0.value == value })
        tap("open \(id)")
        if q.choices.count > Finger.inlineMax { tap("pick \(value)") }
        model.setAnswer(id, value)
    }

    func press(_ what: String, _ action: () -> Bool) {
        tap(what)
        XCTAssertTrue(action(), "'\(what)' did nothing")
    }

    private func tap(_ what: String) {
        taps += 1
        log.append(what)
    }
}

@MainActor
final class SimulationModelTests: XCTestCase {
    private var rules: RuleStore!

    override func setUp() async throws {
        rules = try RuleStore.embedded()
    }

    func testCommonGPCaseReachesTheResultInSixTaps() throws {
        let model = SimulationModel(rules: rules, store: InMemorySimulationStore(), today: today)
        let finger = Finger(model)
        XCTAssertEqual(model.screen, .questionnaire)
        let q = Dictionary(uniqueKeysWithValues: model.questionnaire.questions.map { ($0.id, $0) })
        XCTAssertEqual(q["signature_date"]?.answer, today)
        XCTAssertEqual(q["specialty"]?.answer, "01")
        XCTAssertEqual(q["sector"]?.answer, "secteur_1")
        XCTAssertEqual(model.pending.map(\.id), ["patientele_mt"])
        XCTAssertFalse(model.showResult())

        finger.type("patientele_mt", "1200")
        finger.press("Voir le résultat") { model.showResult() }

        XCTAssertEqual(model.screen, .result)
        let r = try XCTUnwrap(model.result)
        XCTAssertEqual(r.verdict.status, .eligible)
        XCTAssertEqual(r.verdict.symbol, "✓")
        let demi = try XCTUnwrap(r.options.first { $0.option == .demi })
        let plein = try XCTUnwrap(r.options.first { $0.option == .plein })
        XCTAssertEqual(demi.cells.first?.amount, "19000.00")
        XCTAssertEqual(plein.total, "132000.00")
        XCTAssertEqual(finger.taps, 6, "\(finger.log)")
    }

    func testBandAndComparisonStayUnderTenTaps() throws {
        let model = SimulationModel(rules: rules, store: InMemorySimulationStore(), today: today)
        let finger = Finger(model)
        finger.type("patientele_mt", "1200")
        try finger.choose("percentile_band", "p50_p70")
        finger.press("Voir le résultat") { model.showResult() }
        finger.press("Comparer") { model.open(.comparison) }
        XCTAssertEqual(model.screen, .comparison)
        XCTAssertEqual(finger.taps, 9, "\(finger.log)")
        let c = try XCTUnwrap(model.comparison)
        XCTAssertEqual(c.years.map(\.year), [1, 2, 3, 4, 5])
        XCTAssertEqual(c.years[0].half?.amount, "19000.00")
        XCTAssertEqual(c.years[0].full?.amount, "38000.00")
    }

    func testSaveAndRestoreOnAnotherDay() throws {
        let store = InMemorySimulationStore()
        let first = SimulationModel(rules: rules, store: store, today: today)
        first.setAnswer("patientele_mt", "1200")
        first.setAnswer("age", "66")
        XCTAssertTrue(try XCTUnwrap(store.load()).contains("\"signature_date\":\"\(today)\""))
        let second = SimulationModel(rules: try RuleStore.embedded(), store: store, today: "2026-06-01")
        XCTAssertEqual(second.screen, .result)
        XCTAssertEqual(second.questionnaire, first.questionnaire)
        XCTAssertEqual(second.result, first.result)
        XCTAssertEqual(second.savedAnswers, first.savedAnswers)
    }

    func testCorruptSavedAnswersStartANewSimulation() {
        let store = InMemorySimulationStore("{\"$format\":\"1\",\"patientele_mt\":")
        let model = SimulationModel(rules: rules, store: store, today: today)
        XCTAssertEqual(model.screen, .questionnaire)
        XCTAssertTrue(model.answerList.isEmpty)
        XCTAssertNil(store.load())
    }

    func testNavigation() {
        let store = InMemorySimulationStore()
        let model = SimulationModel(rules: rules, store: store, today: today)
        XCTAssertFalse(model.open(.comparison))
        XCTAssertTrue(model.open(.about))
        XCTAssertTrue(model.back())
        XCTAssertFalse(model.back())
        model.setAnswer("patientele_mt", "1200")
        XCTAssertTrue(model.showResult() && model.open(.legalBasis))
        XCTAssertFalse(model.result?.references.isEmpty ?? true)
        model.setAnswer("patientele_mt", nil)
        XCTAssertEqual(model.screen, .questionnaire)
        model.setAnswer("patientele_mt", "1200")
        model.newSimulation()
        XCTAssertNil(store.load())
        XCTAssertNil(model.result)
    }

    func testAbout() {
        let model = SimulationModel(rules: rules, store: InMemorySimulationStore(), today: today)
        let about = model.about()
        XCTAssertGreaterThanOrEqual(about.versions.count, 3)
        XCTAssertEqual(about.provenance.origin, .embedded)
        XCTAssertNil(about.provenance.signatureHex)
        model.setAnswer("patientele_mt", "1200")
        XCTAssertEqual(model.about().applied?.id, "convention-2024")
    }

    func testRuleUpdates() throws {
        let (embedded, warning) = try RuleUpdates.open(InMemoryBundleStore())
        XCTAssertNil(warning)
        XCTAssertNil(embedded.exportActive())
        let bundles = InMemoryBundleStore(StoredBundle(bundle: Data("{}".utf8), signature: Data(count: 64)))
        let (fallback, setAside) = try RuleUpdates.open(bundles)
        XCTAssertNotNil(setAside)
        XCTAssertEqual(fallback.provenance().origin, .embedded)
        XCTAssertNil(bundles.load())

        let model = SimulationModel(rules: rules, store: InMemorySimulationStore(), today: today)
        model.setAnswer("patientele_mt", "1200")
        let before = model.result
        XCTAssertEqual(RuleUpdates.importFiles([("r.json", Data("{}".utf8))], into: model, bundles: bundles), .needBundleAndSignature)
        let sig = Data((String(repeating: "ab", count: 64) + "\n").utf8)
        let outcome = RuleUpdates.importFiles([("r.json", Data("{}".utf8)), ("r.json.sig", sig)], into: model, bundles: bundles)
        guard case .refused = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(model.result, before)
        XCTAssertEqual(RuleUpdates.signatureBytes(sig).count, 64)
        XCTAssertEqual(RuleUpdates.signatureBytes(sig).first, 0xAB)
    }

    func testAmountsShownWithTheFrenchCurrencyFormatter() {
        XCTAssertEqual(AmountFormat.display("19000.00"), "19\u{202F}000\u{00A0}€")
        XCTAssertEqual(AmountFormat.display("132000.00"), "132\u{202F}000\u{00A0}€")
        XCTAssertEqual(AmountFormat.display("7000.50"), "7\u{202F}000,50\u{00A0}€")
        XCTAssertEqual(AmountFormat.display("0.00"), "0\u{00A0}€")
    }

    func testAmountsSpoken() {
        XCTAssertEqual(AmountFormat.spoken("19000.00", lang: .fr), "19000 euros")
        XCTAssertEqual(AmountFormat.spoken("19000.00", lang: .en), "19000 euros")
        XCTAssertEqual(AmountFormat.spoken("1.00", lang: .fr), "1 euro")
        XCTAssertEqual(AmountFormat.spoken("0.00", lang: .fr), "0 euro")
        XCTAssertEqual(AmountFormat.spoken("0.00", lang: .en), "0 euros")
        XCTAssertEqual(AmountFormat.spoken("7000.50", lang: .fr), "7000 euros et 50 centimes")
        XCTAssertEqual(AmountFormat.spoken("7000.01", lang: .en), "7000 euros and 1 cent")
    }

    func testDates() {
        XCTAssertEqual(Dates.long("2025-01-15", lang: .fr), "15 janvier 2025")
        XCTAssertEqual(Dates.long("2019-09-01", lang: .en), "1 September 2019")
        XCTAssertEqual(Dates.long("demain", lang: .fr), "demain")
        XCTAssertNil(Dates.date("2025-02-30"))
        XCTAssertEqual(Dates.iso(Dates.date("2024-02-29")!), "2024-02-29")
    }

    func testAnswersCodec() {
        let tricky = [Answer(id: "a", value: "quote \" backslash \\ slash / é ✓ \n\t\r \u{01}"), Answer(id: "current_contract.start", value: "2023-01-15")]
        XCTAssertEqual(AnswersCodec.decode(AnswersCodec.encode(tricky)), tricky)
        // The exact text the Android app writes for the same answers.
        XCTAssertEqual(AnswersCodec.encode([Answer(id: "x", value: "é\"")]), "{\"$format\":\"1\",\"x\":\"é\\\"\"}")
        XCTAssertEqual(AnswersCodec.decode(" {\"$format\" : \"1\", \"x\":\"\\u00e9\"} "), [Answer(id: "x", value: "é")])
        for bad in ["", "[]", "{\"x\":\"1\"}", "{\"$format\":\"2\"}", "{\"$format\":\"1\",\"x\":1}", "{\"$format\":\"1\"} x"] {
            XCTAssertNil(AnswersCodec.decode(bad), bad)
        }
    }

    /// Every golden case the questionnaire can express, answer by answer through the model:
    /// the engine's figures, and the same screen transcript as the Android app.
    func testGoldenCasesShowTheEngineFiguresAndTheSameScreensAsAndroid() throws {
        let casesDir = repoRoot.appendingPathComponent("tests/cases")
        let files = try FileManager.default.contentsOfDirectory(at: casesDir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var transcript = ""
        var n = 0
        for file in files {
            let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            let expect = doc["expect"] as? [String: Any] ?? [:]
            guard (doc["command"] as? String ?? "simulate") == "simulate", expect["error"] == nil,
                  let input = doc["input"] as? [String: Any], let answers = answersOf(input)
            else { continue }
            n += 1
            let model = SimulationModel(rules: rules, store: InMemorySimulationStore(), today: nil)
            for a in answers { model.setAnswer(a.id, a.value) }
            XCTAssertTrue(model.questionnaire.complete, file.lastPathComponent)
            XCTAssertTrue(model.showResult(), file.lastPathComponent)
            let view = try XCTUnwrap(model.result)
            let json = try XCTUnwrap(String(data: JSONSerialization.data(withJSONObject: input), encoding: .utf8))
            let expected = try rules.assess(situation: situationFromJson(json: json))
            XCTAssertEqual(view.verdict.status, expected.eligibility.status, file.lastPathComponent)
            XCTAssertEqual(view.rules.id, expected.rules.id, file.lastPathComponent)
            for (row, o) in zip(view.options, expected.options) {
                XCTAssertEqual(row.available, o.available, file.lastPathComponent)
                XCTAssertEqual(row.cells.map(\.amount), o.aid.map(\.amount), file.lastPathComponent)
                XCTAssertEqual(row.total, o.total, file.lastPathComponent)
            }
            XCTAssertEqual(try rules.resultView(answers: model.answerList, today: nil), view)
            transcript += "== \(file.lastPathComponent)\n" + ScreenTranscript.of(model.questionnaire, view)
        }
        XCTAssertGreaterThanOrEqual(n, 25)
        let android = repoRoot.appendingPathComponent("android-demo/app/src/test/resources/golden-screens.txt")
        let want = try String(contentsOf: android, encoding: .utf8)
        if want != transcript {
            let a = want.components(separatedBy: "\n"), b = transcript.components(separatedBy: "\n")
            let i = (0 ..< max(a.count, b.count)).first { $0 >= a.count || $0 >= b.count || a[$0] != b[$0] } ?? 0
            XCTFail("line \(i + 1): Android <\(i < a.count ? a[i] : "")>, iOS <\(i < b.count ? b[i] : "")>")
        }
    }

    /// Case input → answers, as `answersOf` in the Kotlin tests and `vers_reponses` in
    /// core/tests/questionnaire.rs; nil when the questionnaire cannot express it.
    private func answersOf(_ input: [String: Any]) -> [Answer]? {
        var out: [Answer] = []
        for (k, v) in input {
            switch (k, v) {
            case ("current_contract", let c as [String: Any]):
                guard c["option"] as? String == "plein", let start = c["start"] as? String,
                      let reached = c["objectives_reached"] as? NSNumber
                else { return nil }
                out += [Answer(id: "current_contract", value: "true"),
                        Answer(id: "current_contract.start", value: start),
                        Answer(id: "current_contract.objectives_reached", value: text(reached))]
            case ("clinical_fee_share", let s as String):
                guard let d = Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
                out.append(Answer(id: k, value: "\(d * 100)"))
            case (_, let s as String):
                out.append(Answer(id: k, value: s))
            case (_, let n as NSNumber):
                out.append(Answer(id: k, value: text(n)))
            default:
                return nil
            }
        }
        return out
    }

    /// A JSON number or boolean as the text an app stores ("1200", "true").
    private func text(_ n: NSNumber) -> String {
        CFGetTypeID(n) == CFBooleanGetTypeID() ? (n.boolValue ? "true" : "false") : n.stringValue
    }
}
