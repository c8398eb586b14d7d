import Assistmed
import AssistmedDemoKit
import XCTest

/// `swift test` on a Mac (macOS slice of the xcframework): the shell stores what the core hands
/// over and reads it back at the next start. The app state itself is tested in Rust
/// (core/tests/app.rs) and driven through the Compose screens on the JVM.
@MainActor
final class AppStoreTests: XCTestCase {
    func testAnswersSurviveARestartAndNewSimulationAsksFirst() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        let store = try AppStore(directory: dir, today: "2026-12-01", language: "fr")
        XCTAssertEqual(store.view.screen, .questionnaire)
        XCTAssertNotNil(store.view.questionnaire.questions.first?.confirm)
        store.send(.answer(id: "signature_date", value: "15/01/2025"))
        store.send(.answer(id: "patientele_mt", value: "1200"))
        store.send(.answer(id: "percentile_band", value: "p50_p70"))
        XCTAssertTrue(store.view.questionnaire.canShowResult)
        store.send(.showResult)
        XCTAssertEqual(store.view.result?.options[1].years[0].amount, "19\u{202F}000\u{A0}€")

        let again = try AppStore(directory: dir, today: "2026-12-02", language: "en")
        XCTAssertEqual(again.view.screen, .result)
        XCTAssertEqual(again.view.title, "Result")

        again.send(.newSimulation)
        XCTAssertNotNil(again.view.confirmation)
        again.send(.confirm)
        XCTAssertFalse(again.view.questionnaire.canShowResult)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("simulation.json").path))
    }
}
