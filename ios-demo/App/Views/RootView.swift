import Assistmed
import AssistmedDemoKit
import SwiftUI
import UniformTypeIdentifiers

/// The current screen of the core's view, its top bar and the confirmation dialog. Navigation
/// is the core's: the back button sends `.back`, the toolbar actions `.open` and
/// `.newSimulation`.
struct RootView: View {
    @ObservedObject var store: AppStore
    @State private var picking = false

    var body: some View {
        let view = store.view
        NavigationStack {
            screen(view)
                .navigationTitle(view.title)
                .navigationBarTitleDisplayMode(.inline)
                .navigationBarBackButtonHidden(true)
                .toolbar {
                    ToolbarItem(placement: .navigationBarLeading) {
                        if let back = view.back {
                            Button { store.send(.back) } label: { Label(back, systemImage: "chevron.backward") }
                        } else if let label = view.newSimulation {
                            Button(label) { store.send(.newSimulation) }
                        }
                    }
                    ToolbarItemGroup(placement: .navigationBarTrailing) {
                        if let label = view.edit {
                            Button { store.send(.open(screen: .questionnaire)) } label: { Label(label, systemImage: "pencil") }
                        }
                        if let label = view.myContract {
                            Button { store.send(.open(screen: .myContract)) } label: { Label(label, systemImage: "calendar") }
                        }
                        if let label = view.about {
                            Button { store.send(.open(screen: .about)) } label: { Label(label, systemImage: "info.circle") }
                        }
                    }
                }
        }
        .alert(
            view.confirmation?.title ?? "",
            isPresented: Binding(get: { store.view.confirmation != nil }, set: { if !$0 { store.send(.cancel) } }),
            presenting: view.confirmation
        ) { c in
            Button(c.confirm, role: .destructive) { store.send(.confirm) }
            Button(c.cancel, role: .cancel) { store.send(.cancel) }
        } message: { c in
            Text(c.message)
        }
        .fileImporter(isPresented: $picking, allowedContentTypes: [.data], allowsMultipleSelection: true) { picked in
            if case let .success(urls) = picked { store.importRules(urls) }
        }
    }

    @ViewBuilder
    private func screen(_ view: AppView) -> some View {
        switch view.screen {
        case .questionnaire:
            QuestionnaireScreen(questionnaire: view.questionnaire) { store.send($0) }
        case .result:
            if let result = view.result { ResultScreen(result: result) { store.send($0) } }
        case .comparison:
            if let comparison = view.comparison { ComparisonScreen(comparison: comparison) }
        case .legalBasis:
            if let legal = view.legalBasis { LegalBasisScreen(legal: legal) }
        case .about:
            AboutScreen(about: view.aboutScreen) { picking = true }
        case .netCost:
            if let netCost = view.netCost { NetCostScreen(netCost: netCost) { store.send($0) } }
        case .myContract:
            MyContractScreen(contract: view.contract) { store.send($0) }
        }
    }
}
