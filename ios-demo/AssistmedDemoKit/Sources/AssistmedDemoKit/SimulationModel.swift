import Assistmed
import Combine
import Foundation

/// The screens of the app (the Android app has the same ones). The questionnaire is the root of
/// the navigation stack; the others are pushed on it.
public enum Screen: Hashable {
    case questionnaire
    case result
    case comparison
    case legalBasis
    case about
}

/// "À propos": the rule versions and their dates, where the active rules come from.
public struct About: Equatable {
    public let versions: [RuleVersion]
    public let provenance: RulesProvenance
    public let warning: BundleWarning?
    /// The version the current result was computed under, if there is a result.
    public let applied: RuleVersionApplied?
}

/// The state holder the SwiftUI views are a thin skin over — the same logic, method for
/// method, as the Android app's `SimulationState.kt`. It keeps the answers, asks the core for
/// the questionnaire (questions, pre-filled defaults, validation) and, once complete, for the
/// result view model; it computes nothing itself. Every answer is saved at once, so the last
/// simulation survives the app being killed and is restored at the next launch.
///
/// One method call = one user action (a tap or a keystroke), which is how the tests count taps.
@MainActor
public final class SimulationModel: ObservableObject {
    public private(set) var rules: RuleStore
    private let store: SimulationStore
    /// The ISO date that pre-fills the signature date, fixed for the life of the model and
    /// saved with the answers (a simulation restored on another day is unchanged).
    private let today: String?
    /// The user's answers, in the order given (pre-filled defaults are not in it).
    private var answers: [(id: String, value: String)] = []

    @Published public private(set) var questionnaire: Questionnaire
    @Published public private(set) var result: ResultView? = nil
    /// An error of the core the screens could not be built with (not expected).
    @Published public private(set) var error: AssistmedError? = nil
    /// Why a stored rule update was set aside at start-up (shown in "À propos").
    @Published public private(set) var rulesWarning: BundleWarning?
    /// The screens above the questionnaire (bound to the `NavigationStack`).
    @Published public var path: [Screen] = []

    public init(rules: RuleStore, store: SimulationStore, today: String?, rulesWarning: BundleWarning? = nil) {
        self.rules = rules
        self.store = store
        self.today = today
        self.rulesWarning = rulesWarning
        questionnaire = Questionnaire(questions: [], complete: false, rulesId: nil)
        let saved = store.load()
        let restored = saved.flatMap(AnswersCodec.decode)
        if saved != nil, restored == nil { store.clear() }
        answers = (restored ?? []).map { (id: $0.id, value: $0.value) }
        recompute()
        // The last simulation, if it was complete, opens on its result: zero taps to see it again.
        if result != nil { path = [.result] }
    }

    /// The app's model: stored rule update and last answers from the device, today's date.
    public static func live() throws -> SimulationModel {
        let (rules, warning) = try RuleUpdates.open(FileBundleStore())
        return SimulationModel(rules: rules, store: FileSimulationStore(), today: Dates.today(), rulesWarning: warning)
    }

    public var screen: Screen { path.last ?? .questionnaire }

    public var canGoBack: Bool { !path.isEmpty }

    public var answerList: [Answer] { answers.map { Answer(id: $0.id, value: $0.value) } }

    /// What is saved: the answers as shown (pre-filled defaults included, so that the date is
    /// pinned), then the user's answers to questions not shown at the moment.
    public var savedAnswers: [Answer] {
        let shown = questionnaire.questions.compactMap { q in q.answer.map { Answer(id: q.id, value: $0) } }
        let ids = Set(shown.map(\.id))
        return shown + answerList.filter { !ids.contains($0.id) }
    }

    /// Questions still to answer or to fix, in screen order (the button says how many).
    public var pending: [Question] {
        questionnaire.pending.compactMap { id in questionnaire.questions.first { $0.id == id } }
    }

    public var comparison: Comparison? { result.flatMap(Comparison.init) }

    /// Sets (or, with nil or blank text, clears) the answer to question `id`.
    public func setAnswer(_ id: String, _ value: String?) {
        let blank = value?.trimmingCharacters(in: .whitespaces).isEmpty ?? true
        if let index = answers.firstIndex(where: { $0.id == id }) {
            if blank { answers.remove(at: index) } else if let value { answers[index].value = value }
        } else if !blank, let value {
            answers.append((id: id, value: value))
        }
        recompute()
        store.save(AnswersCodec.encode(savedAnswers))
    }

    /// The "Voir le résultat" button; false (and no change) while the questionnaire is incomplete.
    @discardableResult
    public func showResult() -> Bool {
        guard result != nil else { return false }
        path = [.result]
        return true
    }

    /// Opens a screen on top of the current one; the result-based ones need a result.
    @discardableResult
    public func open(_ screen: Screen) -> Bool {
        switch screen {
        case .questionnaire:
            path = []
            return true
        case .result:
            return showResult()
        case .comparison, .legalBasis:
            guard result != nil else { return false }
        case .about:
            break
        }
        if path.last != screen { path.append(screen) }
        return true
    }

    /// The back button; false at the first screen.
    @discardableResult
    public func back() -> Bool {
        guard !path.isEmpty else { return false }
        path.removeLast()
        return true
    }

    /// "Nouvelle simulation": forgets the answers (and the saved ones).
    public func newSimulation() {
        answers = []
        store.clear()
        recompute()
        path = []
    }

    public func about() -> About {
        About(
            versions: (try? rules.ruleVersions()) ?? [],
            provenance: rules.provenance(),
            warning: rulesWarning,
            applied: result?.rules
        )
    }

    /// After a rule update was installed: the same answers under the new rules.
    public func replaceRules(_ next: RuleStore) {
        guard next !== rules else { return }
        rules = next
        rulesWarning = nil
        recompute()
    }

    private func recompute() {
        error = nil
        result = nil
        do {
            questionnaire = try rules.questionnaire(answers: answerList, today: today)
            if questionnaire.complete {
                result = try rules.resultView(answers: answerList, today: today)
            }
        } catch let e as AssistmedError {
            error = e
        } catch {
            self.error = .Internal(code: "interne", field: nil, messageFr: "\(error)", messageEn: "\(error)")
        }
        if result == nil {
            // Result-based screens cannot stay open without a result.
            path.removeAll { $0 != .about }
        }
    }
}
