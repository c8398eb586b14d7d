import AssistmedDemoKit
import SwiftUI

/// The navigation stack: the questionnaire at the root, the other screens pushed on it. The
/// stack is the model's `path`, so the model (and its tests) know which screen is shown.
struct RootView: View {
    @ObservedObject var model: SimulationModel

    var body: some View {
        NavigationStack(path: $model.path) {
            QuestionnaireScreen(model: model)
                .navigationDestination(for: Screen.self) { screen in
                    destination(screen)
                }
        }
    }

    @ViewBuilder
    private func destination(_ screen: Screen) -> some View {
        switch screen {
        case .questionnaire:
            QuestionnaireScreen(model: model)
        case .result:
            if let result = model.result {
                ResultScreen(model: model, result: result)
            }
        case .comparison:
            if let comparison = model.comparison {
                ComparisonScreen(comparison: comparison)
            }
        case .legalBasis:
            if let result = model.result {
                LegalBasisScreen(references: result.references)
            }
        case .about:
            AboutScreen(model: model)
        }
    }
}
