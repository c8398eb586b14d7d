import AssistmedDemoKit
import SwiftUI

/// Assistmed demo: an offline simulator of the Assurance Maladie's aid for hiring a medical
/// assistant. Every rule, figure and text about the rules comes from the Rust core (module
/// `Assistmed`); this app only renders the core's view models. No networking code at all.
@main
struct AssistmedDemoApp: App {
    @StateObject private var launcher = Launcher()

    var body: some Scene {
        WindowGroup {
            if let model = launcher.model {
                RootView(model: model)
            } else {
                // Only if even the rules embedded in the library cannot be read (a broken build).
                Label(L("app.startFailed", launcher.failure), systemImage: "exclamationmark.triangle.fill")
                    .padding()
            }
        }
    }
}

/// Builds the model once: stored rule update (or the embedded rules) and the last answers.
@MainActor
final class Launcher: ObservableObject {
    let model: SimulationModel?
    let failure: String

    init() {
        do {
            model = try SimulationModel.live()
            failure = ""
        } catch {
            model = nil
            failure = "\(error)"
        }
    }
}
