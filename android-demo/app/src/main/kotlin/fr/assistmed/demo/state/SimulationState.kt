// Plain Kotlin (no Android import): compiled and tested on the JVM by android-demo/scripts/test-jvm.sh.
package fr.assistmed.demo.state

import fr.assistmed.core.Answer
import fr.assistmed.core.AssistmedException
import fr.assistmed.core.BundleWarning
import fr.assistmed.core.Question
import fr.assistmed.core.Questionnaire
import fr.assistmed.core.ResultView
import fr.assistmed.core.RuleStore
import fr.assistmed.core.RuleVersion
import fr.assistmed.core.RuleVersionApplied
import fr.assistmed.core.RulesProvenance

/** The screens of the app (the iOS app has the same ones). */
enum class Screen {
    QUESTIONNAIRE,
    RESULT,
    COMPARISON,
    LEGAL_BASIS,
    ABOUT,
}

/** "À propos": the rule versions and their dates, where the active rules come from. */
data class About(
    val versions: List<RuleVersion>,
    val provenance: RulesProvenance,
    val warning: BundleWarning?,
    /** The version the current result was computed under, if there is a result. */
    val applied: RuleVersionApplied?,
)

/** Everything a screen renders, as one immutable value (Compose state, SwiftUI @Published). */
data class SimulationSnapshot(
    val screen: Screen,
    val canGoBack: Boolean,
    val questionnaire: Questionnaire,
    /** Questions still to answer or to fix, in screen order (the button says how many). */
    val pending: List<Question>,
    val result: ResultView?,
    val comparison: Comparison?,
    /** An error of the core the result screen could not be built with (not expected). */
    val error: AssistmedException?,
)

/**
 * The state holder both apps are a thin skin over. It keeps the answers, asks the core for the
 * questionnaire (which questions, pre-filled defaults, validation) and, once complete, for the
 * result view model; it computes nothing itself. Every answer is saved at once to [store], so
 * the last simulation survives the app being killed, and is restored on the next launch.
 *
 * One method call = one user action (a tap or a keystroke), which is how the tests count taps.
 *
 * @param today the ISO date that pre-fills the signature date, fixed for the life of the
 *   state; it is saved with the answers, so a simulation restored on another day is unchanged.
 * Not thread-safe: call it from the UI thread (each call into the core takes well under a ms).
 */
class SimulationState(
    rules: RuleStore,
    private val store: SimulationStore,
    private val today: String?,
    rulesWarning: BundleWarning? = null,
) : AutoCloseable {
    var rules: RuleStore = rules
        private set

    /** Why a stored rule update was set aside at start-up (shown in "À propos"). */
    var rulesWarning: BundleWarning? = rulesWarning
        private set

    /** The user's answers, in the order given (pre-filled defaults are not in it). */
    private val answers = LinkedHashMap<String, String>()
    private val backStack = ArrayList<Screen>()

    var questionnaire: Questionnaire
        private set
    var result: ResultView? = null
        private set
    var error: AssistmedException? = null
        private set

    init {
        val saved = store.load()
        val restored = saved?.let(AnswersCodec::decode)
        if (saved != null && restored == null) store.clear()
        restored?.forEach { answers[it.id] = it.value }
        questionnaire = rules.questionnaire(answerList(), today)
        refreshResult()
        backStack += Screen.QUESTIONNAIRE
        // The last simulation, if it was complete, opens on its result: zero taps to see it again.
        if (result != null) backStack += Screen.RESULT
    }

    val screen: Screen get() = backStack.last()

    fun answerList(): List<Answer> = answers.map { (id, value) -> Answer(id = id, value = value) }

    /**
     * What is saved: the answers as shown (pre-filled defaults included, so that the date is
     * pinned), then the user's answers to questions that are not shown at the moment.
     */
    fun savedAnswers(): List<Answer> {
        val shown = questionnaire.questions.mapNotNull { q -> q.answer?.let { Answer(id = q.id, value = it) } }
        val ids = shown.mapTo(HashSet()) { it.id }
        return shown + answerList().filter { it.id !in ids }
    }

    /** Questions still to answer or to fix, in screen order: the core's list, as questions. */
    val pending: List<Question>
        get() = questionnaire.pending.mapNotNull { id -> questionnaire.questions.firstOrNull { it.id == id } }

    val comparison: Comparison? get() = result?.let(Comparison::of)

    fun snapshot(): SimulationSnapshot = SimulationSnapshot(
        screen = screen,
        canGoBack = backStack.size > 1,
        questionnaire = questionnaire,
        pending = pending,
        result = result,
        comparison = comparison,
        error = error,
    )

    /** Sets (or, with null or blank text, clears) the answer to question [id]. */
    fun setAnswer(id: String, value: String?) {
        if (value.isNullOrBlank()) answers.remove(id) else answers[id] = value
        recompute()
        store.save(AnswersCodec.encode(savedAnswers()))
    }

    /** The "Voir le résultat" button; false (and no change) while the questionnaire is incomplete. */
    fun showResult(): Boolean {
        if (result == null) return false
        backStack.retainAll { it == Screen.QUESTIONNAIRE }
        backStack += Screen.RESULT
        return true
    }

    /** Opens a screen on top of the current one; the result-based ones need a result. */
    fun open(screen: Screen): Boolean {
        when (screen) {
            Screen.QUESTIONNAIRE -> {
                backStack.retainAll { it == Screen.QUESTIONNAIRE }
                return true
            }
            Screen.RESULT -> return showResult()
            Screen.COMPARISON, Screen.LEGAL_BASIS -> if (result == null) return false
            Screen.ABOUT -> Unit
        }
        if (backStack.last() != screen) backStack += screen
        return true
    }

    /** The back button/gesture; false at the first screen (the app then closes). */
    fun back(): Boolean {
        if (backStack.size <= 1) return false
        backStack.removeAt(backStack.size - 1)
        return true
    }

    /** "Nouvelle simulation": forgets the answers (and the saved ones). */
    fun newSimulation() {
        answers.clear()
        store.clear()
        recompute()
        backStack.clear()
        backStack += Screen.QUESTIONNAIRE
    }

    fun about(): About = About(
        versions = rules.ruleVersions(),
        provenance = rules.provenance(),
        warning = rulesWarning,
        applied = result?.rules,
    )

    /** After a rule update was installed: the same answers under the new rules. */
    fun replaceRules(next: RuleStore) {
        val old = rules
        if (next === old) return
        rules = next
        rulesWarning = null
        recompute()
        old.close()
    }

    override fun close() {
        rules.close()
    }

    private fun recompute() {
        questionnaire = rules.questionnaire(answerList(), today)
        refreshResult()
        if (result == null) {
            // Result-based screens cannot stay open without a result.
            backStack.retainAll { it == Screen.QUESTIONNAIRE || it == Screen.ABOUT }
            if (backStack.isEmpty()) backStack += Screen.QUESTIONNAIRE
        }
    }

    private fun refreshResult() {
        error = null
        result = null
        if (!questionnaire.complete) return
        try {
            result = rules.resultView(answerList(), today)
        } catch (e: AssistmedException) {
            error = e
        }
    }
}
