import Assistmed
import AssistmedDemoKit
import SwiftUI
import UIKit

/// Up to this many choices a question shows its choices inline (1 tap), more: a menu (2 taps).
/// Same threshold as the Android app and the tap-counting tests.
private let inlineChoicesMax = 3

/// The questions the core asks for the current answers, rendered generically by kind. Every
/// change is one `setAnswer` call; the core re-validates and may add or remove questions.
struct QuestionnaireScreen: View {
    @ObservedObject var model: SimulationModel
    private let lang = Lang.app

    var body: some View {
        ScrollViewReader { proxy in
            Form {
                Section {
                    Text(L("questionnaire.intro")).font(.footnote)
                }
                ForEach(model.questionnaire.questions, id: \.id) { question in
                    QuestionSection(question: question, lang: lang) { model.setAnswer(question.id, $0) }
                        .id(question.id)
                }
            }
            .safeAreaInset(edge: .bottom) {
                bottomBar(proxy)
            }
        }
        .navigationTitle(L("screen.questionnaire"))
        .toolbar {
            ToolbarItem(placement: .navigationBarLeading) {
                Button(L("action.newSimulation")) { model.newSimulation() }
            }
            ToolbarItem(placement: .navigationBarTrailing) {
                Button {
                    model.open(.about)
                } label: {
                    Label(L("action.about"), systemImage: "info.circle")
                }
            }
        }
    }

    private func bottomBar(_ proxy: ScrollViewProxy) -> some View {
        VStack(spacing: 8) {
            if let error = model.error {
                WarningLabel(text: L("result.error", error.messageIn(language: lang.core)))
            }
            if let first = model.pending.first {
                Button(L("questionnaire.pending", model.pending.count)) {
                    withAnimation { proxy.scrollTo(first.id, anchor: .top) }
                }
            }
            Button {
                model.showResult()
            } label: {
                Text(L("action.showResult")).frame(maxWidth: .infinity)
            }
            .buttonStyle(.borderedProminent)
            .controlSize(.large)
            .disabled(model.result == nil)
        }
        .padding()
        .background(.bar)
    }
}

/// One question: label, "Obligatoire", help, the input for its kind, the core's error.
private struct QuestionSection: View {
    let question: Question
    let lang: Lang
    let onAnswer: (String?) -> Void

    var body: some View {
        Section {
            VStack(alignment: .leading, spacing: 4) {
                Text(question.label(lang)).font(.headline)
                if question.required {
                    Text(L("questionnaire.required")).font(.caption)
                }
                Text(question.help(lang)).font(.footnote).foregroundStyle(.secondary)
            }
            input
            if let error = question.error {
                WarningLabel(text: L("questionnaire.error", error.text(lang)))
            }
        }
    }

    private var selection: Binding<String?> {
        Binding(get: { question.answer }, set: { onAnswer($0) })
    }

    @ViewBuilder
    private var input: some View {
        switch question.kind {
        case .choice where question.choices.count <= inlineChoicesMax:
            choicePicker.pickerStyle(.inline)
        case .choice:
            choicePicker.pickerStyle(.menu)
        case .yesNo:
            // Two segments "Oui" / "Non": a toggle cannot show "not answered yet", which a
            // required yes/no without default must show. VoiceOver says which one is selected.
            Picker(question.label(lang), selection: selection) {
                ForEach(question.choices, id: \.value) { choice in
                    Text(choice.label(lang)).tag(Optional(choice.value))
                }
            }
            .pickerStyle(.segmented)
            .labelsHidden()
        case .count:
            NumberInput(question: question, lang: lang, keyboard: .numberPad, suffix: nil, onAnswer: onAnswer)
        case .percentage:
            NumberInput(question: question, lang: lang, keyboard: .decimalPad, suffix: "%", onAnswer: onAnswer)
        case .date:
            DateInput(question: question, lang: lang, onAnswer: onAnswer)
        }
    }

    private var choicePicker: some View {
        Picker(question.label(lang), selection: selection) {
            if question.answer == nil {
                Text(L("questionnaire.choose")).tag(String?.none)
            }
            ForEach(question.choices, id: \.value) { choice in
                Text(choice.label(lang)).tag(Optional(choice.value))
            }
        }
        .labelsHidden()
    }
}

private struct NumberInput: View {
    let question: Question
    let lang: Lang
    let keyboard: UIKeyboardType
    let suffix: String?
    let onAnswer: (String?) -> Void

    var body: some View {
        HStack {
            TextField(
                question.label(lang),
                text: Binding(
                    get: { question.answer ?? "" },
                    set: { onAnswer($0.trimmingCharacters(in: .whitespaces)) }
                )
            )
            .keyboardType(keyboard)
            if let suffix {
                Text(suffix).accessibilityHidden(true)
            }
        }
        if let min = question.min, let max = question.max {
            Text(L("questionnaire.bounds", min, max)).font(.caption).foregroundStyle(.secondary)
        }
    }
}

private struct DateInput: View {
    let question: Question
    let lang: Lang
    let onAnswer: (String?) -> Void
    @State private var editing = false
    @State private var picked = Date()

    var body: some View {
        HStack {
            Text(question.answer.map { Dates.long($0, lang: lang) } ?? L("questionnaire.noDate"))
            Spacer()
            Button(L("action.chooseDate")) {
                picked = question.answer.flatMap(Dates.date) ?? Dates.date(Dates.today()) ?? Date()
                editing = true
            }
        }
        .sheet(isPresented: $editing) {
            NavigationStack {
                DatePicker(question.label(lang), selection: $picked, displayedComponents: .date)
                    .datePickerStyle(.graphical)
                    .environment(\.timeZone, Dates.pickerTimeZone)
                    .padding()
                    .navigationTitle(question.label(lang))
                    .navigationBarTitleDisplayMode(.inline)
                    .toolbar {
                        ToolbarItem(placement: .cancellationAction) {
                            Button(L("action.cancel")) { editing = false }
                        }
                        ToolbarItem(placement: .confirmationAction) {
                            Button(L("action.ok")) {
                                onAnswer(Dates.iso(picked))
                                editing = false
                            }
                        }
                    }
            }
            .presentationDetents([.medium, .large])
        }
    }
}
