import Assistmed
import SwiftUI

/// The questions the core asks for the current answers, rendered by kind. Every tap or
/// keystroke is one `.repondre` event; the core re-validates and may add or remove questions.
struct QuestionnaireScreen: View {
    let questionnaire: VueQuestionnaire
    let send: (Evenement) -> Void

    var body: some View {
        ScrollViewReader { proxy in
            Form {
                Section { Text(questionnaire.intro).font(.footnote) }
                ForEach(questionnaire.questions, id: \.id) { question in
                    QuestionSection(question: question, send: send).id(question.id)
                }
            }
            .safeAreaInset(edge: .bottom) {
                VStack(spacing: 8) {
                    if let blocking = questionnaire.blocking { WarningLabel(text: blocking) }
                    if let pending = questionnaire.pending, let first = questionnaire.firstPending {
                        Button(pending) { withAnimation { proxy.scrollTo(first, anchor: .top) } }
                    }
                    Button { send(.voirResultat) } label: {
                        Text(questionnaire.voirResultat).frame(maxWidth: .infinity)
                    }
                    .buttonStyle(.borderedProminent)
                    .disabled(!questionnaire.canShowResult)
                }
                .padding()
                .background(.bar)
            }
        }
    }
}

/// One field as the core describes it; shared by the questionnaire, « Coût net » and « Mon contrat ».
struct QuestionSection: View {
    let question: VueQuestion
    let send: (Evenement) -> Void

    var body: some View {
        Section {
            switch question.kind {
            case .choice, .yesNo:
                if question.radio {
                    ForEach(question.choices, id: \.value) { choice in
                        Button { answer(choice.value) } label: {
                            HStack {
                                Text(choice.label)
                                Spacer()
                                if choice.selected { Image(systemName: "checkmark") }
                            }
                        }
                        .accessibilityAddTraits(choice.selected ? .isSelected : [])
                    }
                } else {
                    Picker(question.label, selection: Binding(
                        get: { question.choices.first(where: { $0.selected })?.value ?? "" },
                        set: { answer($0) }
                    )) {
                        Text(question.placeholder).tag("")
                        ForEach(question.choices, id: \.value) { Text($0.label).tag($0.value) }
                    }
                }
            case .count, .percentage, .date:
                HStack {
                    TextField(question.placeholder, text: Binding(get: { question.value }, set: { answer($0) }))
                        .keyboardType(question.kind == .date ? .numbersAndPunctuation : .decimalPad)
                    if let suffix = question.suffix { Text(suffix) }
                }
                if let shown = question.shown ?? question.bounds { Text(shown).font(.footnote) }
            }
            if let note = question.prefilled {
                Text(note).font(.footnote)
                if let confirm = question.confirm {
                    Button(confirm) { send(.confirmerPrerempli(id: question.id)) }
                }
            }
            if let error = question.error { WarningLabel(text: error) }
        } header: {
            Text(question.label).accessibilityAddTraits(.isHeader)
        } footer: {
            VStack(alignment: .leading) {
                if let required = question.required { Text(required) }
                Text(question.help)
            }
        }
    }

    private func answer(_ value: String) {
        send(.repondre(id: question.id, valeur: value))
    }
}
