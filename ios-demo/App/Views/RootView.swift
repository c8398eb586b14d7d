import Assistmed
import AssistmedDemoKit
import SwiftUI
import UniformTypeIdentifiers

/// The current screen of the core's view, its top bar and the confirmation dialog. Navigation
/// is the core's: the back button sends `.retour`, the toolbar actions `.ouvrir` and
/// `.nouvelleSimulation`.
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
                            Button { store.send(.retour) } label: { Label(back, systemImage: "chevron.backward") }
                        } else if let label = view.newSimulation {
                            Button(label) { store.send(.nouvelleSimulation) }
                        }
                    }
                    ToolbarItemGroup(placement: .navigationBarTrailing) {
                        if let label = view.edit {
                            Button { store.send(.ouvrir(ecran: .questionnaire)) } label: { Label(label, systemImage: "pencil") }
                        }
                        if let label = view.myContract {
                            Button { store.send(.ouvrir(ecran: .monContrat)) } label: { Label(label, systemImage: "calendar") }
                        }
                        if let label = view.about {
                            Button { store.send(.ouvrir(ecran: .aPropos)) } label: { Label(label, systemImage: "info.circle") }
                        }
                    }
                }
        }
        .alert(
            view.confirmation?.title ?? "",
            isPresented: Binding(get: { store.view.confirmation != nil }, set: { if !$0 { store.send(.annuler) } }),
            presenting: view.confirmation
        ) { c in
            Button(c.confirm, role: .destructive) { store.send(.confirmer) }
            Button(c.cancel, role: .cancel) { store.send(.annuler) }
        } message: { c in
            Text(c.message)
        }
        .fileImporter(isPresented: $picking, allowedContentTypes: [.data], allowsMultipleSelection: true) { picked in
            if case let .success(urls) = picked { store.importRules(urls) }
        }
    }

    @ViewBuilder
    private func screen(_ view: VueApp) -> some View {
        switch view.screen {
        case .questionnaire:
            QuestionnaireScreen(questionnaire: view.questionnaire) { store.send($0) }
        case .resultat:
            if let result = view.result { ResultScreen(result: result) { store.send($0) } }
        case .comparaison:
            if let comparison = view.comparison { ComparisonScreen(comparison: comparison) }
        case .baseLegale:
            if let legal = view.legalBasis { LegalBasisScreen(legal: legal) }
        case .aPropos:
            AboutScreen(about: view.aboutScreen) { picking = true }
        case .coutNet:
            if let netCost = view.netCost { NetCostScreen(netCost: netCost) { store.send($0) } }
        case .monContrat:
            MyContractScreen(contract: view.contract) { store.send($0) }
        }
    }
}
