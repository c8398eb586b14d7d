import Assistmed

/// What the questionnaire and result screens show, as plain text — byte for byte the output of
/// the Android app's `ScreenTranscript.kt`. The Kotlin tests write it for every golden case to
/// `android-demo/app/src/test/resources/golden-screens.txt`; the Swift tests compare theirs with
/// that file: the two apps show the same questions, answers and figures.
///
/// Displayed amounts are written with every space-like character as a plain space: the exact
/// separators (U+202F, U+00A0) are the platform's and are tested on each side.
public enum ScreenTranscript {
    public static func of(_ q: Questionnaire, _ r: ResultView?) -> String {
        var out = ""
        func line(_ s: String) { out += s + "\n" }
        line("rules=\(q.rulesId ?? "-") complete=\(q.complete)")
        for x in q.questions {
            let shown = x.answerLabel(.fr) ?? "-"
            line("question \(x.id) \(kind(x.kind)) required=\(x.required) answer=\(x.answer ?? "-") shown=\(shown) error=\(x.error?.code ?? "-")")
        }
        guard let r else {
            line("result none")
            return out
        }
        line("verdict \(status(r.verdict.status)) \(r.verdict.symbol) rules=\(r.rules.id)")
        for o in r.options {
            line("option \(option(o.option)) available=\(o.available) total=\(o.total ?? "-") shown=\(shown(o.total))"
                + " objective_to_confirm=\(o.objectiveToConfirm) deadline=\(o.deadline ?? "-")")
            for c in o.cells {
                line("  year \(c.year) amount=\(c.amount ?? "-") shown=\(shown(c.amount)) maximum=\(c.maximum) revalued=\(c.revalued) rules=\(c.rulesId)")
            }
        }
        line("second_assistant=\(r.secondAssistantFr != nil)")
        line("reasons=\(r.reasons.map(\.code).joined(separator: ","))")
        line("caveats=\(r.caveats.map(\.code).joined(separator: ","))")
        line("references=\(r.references.map(\.id).joined(separator: ","))")
        return out
    }

    private static func shown(_ a: Amount?) -> String {
        guard let a else { return "-" }
        return AmountFormat.display(a)
            .replacingOccurrences(of: "\u{202F}", with: " ")
            .replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    private static func kind(_ k: QuestionKind) -> String {
        switch k {
        case .choice: return "choice"
        case .count: return "count"
        case .percentage: return "percentage"
        case .date: return "date"
        case .yesNo: return "yes_no"
        }
    }

    private static func status(_ s: EligibilityStatus) -> String {
        switch s {
        case .eligible: return "eligible"
        case .notEligible: return "not_eligible"
        case .referToCpam: return "refer_to_cpam"
        }
    }

    private static func option(_ o: ContractOption) -> String {
        switch o {
        case .tiers: return "tiers"
        case .demi: return "demi"
        case .plein: return "plein"
        }
    }
}
