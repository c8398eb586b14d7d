// Plain Kotlin (no Android import): compiled and tested on the JVM by android-demo/scripts/test-jvm.sh.
package fr.assistmed.demo.state

import fr.assistmed.core.ContractOption
import fr.assistmed.core.EligibilityStatus
import fr.assistmed.core.QuestionKind
import fr.assistmed.core.Questionnaire
import fr.assistmed.core.ResultView
import java.math.BigDecimal

/**
 * What the questionnaire and result screens show, as plain text: question ids, kinds, answers
 * (and the label shown for a choice), verdict, and every figure both raw and as displayed.
 *
 * The iOS app has the same function (`ScreenTranscript.swift`, same output byte for byte). The
 * Kotlin tests write the transcript of every golden case to
 * `app/src/test/resources/golden-screens.txt`; the Swift tests (`swift test` on a Mac) compare
 * theirs with that file: the two apps show the same questions, answers and figures.
 *
 * Displayed amounts are written with every space-like character as a plain space: the exact
 * separators (U+202F, U+00A0) are the platform's and are tested on each side.
 */
object ScreenTranscript {
    fun of(q: Questionnaire, r: ResultView?): String {
        val out = StringBuilder()
        fun line(s: String) {
            out.append(s).append('\n')
        }
        line("rules=${q.rulesId ?: "-"} complete=${q.complete}")
        for (x in q.questions) {
            val shown = x.answerLabel(Lang.FR) ?: "-"
            line("question ${x.id} ${kind(x.kind)} required=${x.required} answer=${x.answer ?: "-"} shown=$shown error=${x.error?.code ?: "-"}")
        }
        if (r == null) {
            line("result none")
            return out.toString()
        }
        line("verdict ${status(r.verdict.status)} ${r.verdict.symbol} rules=${r.rules.id}")
        for (o in r.options) {
            line(
                "option ${option(o.option)} available=${o.available} total=${raw(o.total)} shown=${shown(o.total)}" +
                    " objective_to_confirm=${o.objectiveToConfirm} deadline=${o.deadline ?: "-"}",
            )
            for (c in o.cells) {
                line("  year ${c.year} amount=${raw(c.amount)} shown=${shown(c.amount)} maximum=${c.maximum} revalued=${c.revalued} rules=${c.rulesId}")
            }
        }
        line("second_assistant=${r.secondAssistantFr != null}")
        line("reasons=${r.reasons.joinToString(",") { it.code }}")
        line("caveats=${r.caveats.joinToString(",") { it.code }}")
        line("references=${r.references.joinToString(",") { it.id }}")
        return out.toString()
    }

    private fun raw(a: BigDecimal?): String = a?.toPlainString() ?: "-"

    private fun shown(a: BigDecimal?): String =
        a?.let { AmountFormat.display(it).replace('\u202F', ' ').replace('\u00A0', ' ') } ?: "-"

    private fun kind(k: QuestionKind): String = when (k) {
        QuestionKind.CHOICE -> "choice"
        QuestionKind.COUNT -> "count"
        QuestionKind.PERCENTAGE -> "percentage"
        QuestionKind.DATE -> "date"
        QuestionKind.YES_NO -> "yes_no"
    }

    private fun status(s: EligibilityStatus): String = when (s) {
        EligibilityStatus.ELIGIBLE -> "eligible"
        EligibilityStatus.NOT_ELIGIBLE -> "not_eligible"
        EligibilityStatus.REFER_TO_CPAM -> "refer_to_cpam"
    }

    private fun option(o: ContractOption): String = when (o) {
        ContractOption.TIERS -> "tiers"
        ContractOption.DEMI -> "demi"
        ContractOption.PLEIN -> "plein"
    }
}
