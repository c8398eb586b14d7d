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
        store.send(.repondre(id: "signature_date", valeur: "15/01/2025"))
        store.send(.repondre(id: "patientele_mt", valeur: "1200"))
        store.send(.repondre(id: "percentile_band", valeur: "p50_p70"))
        XCTAssertTrue(store.view.questionnaire.canShowResult)
        store.send(.voirResultat)
        XCTAssertEqual(store.view.result?.options[1].years[0].amount, "19\u{202F}000\u{A0}€")

        let again = try AppStore(directory: dir, today: "2026-12-02", language: "en")
        XCTAssertEqual(again.view.screen, .resultat)
        XCTAssertEqual(again.view.title, "Result")

        again.send(.nouvelleSimulation)
        XCTAssertNotNil(again.view.confirmation)
        again.send(.confirmer)
        XCTAssertFalse(again.view.questionnaire.canShowResult)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("simulation.json").path))
    }
}
