import AssistmedDemoKit
import SwiftUI

/// Assistmed demo: an offline simulator of the Assurance Maladie's aid for hiring a medical
/// assistant. The whole app state and every text come from the Rust core's `AppModel` (module
/// `Assistmed`); this app renders its view and sends the user's actions. No networking code.
@main
struct AssistmedDemoApp: App {
    @StateObject private var launcher = Launcher()

    var body: some Scene {
        WindowGroup {
            if let store = launcher.store {
                RootView(store: store)
            } else {
                // Only if even the rules embedded in the library cannot be read (a broken build).
                Label(launcher.failure, systemImage: "exclamationmark.triangle.fill").padding()
            }
        }
    }
}

/// Builds the store once: the files the core stored last time, today's date, the language.
@MainActor
final class Launcher: ObservableObject {
    let store: AppStore?
    let failure: String

    init() {
        do {
            store = try AppStore()
            failure = ""
        } catch {
            store = nil
            failure = error.localizedDescription
        }
    }
}
