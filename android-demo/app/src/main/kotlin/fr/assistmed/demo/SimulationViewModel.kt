package fr.assistmed.demo

import android.app.Application
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.lifecycle.AndroidViewModel
import fr.assistmed.demo.state.About
import fr.assistmed.demo.state.Dates
import fr.assistmed.demo.state.ImportOutcome
import fr.assistmed.demo.state.RuleUpdates
import fr.assistmed.demo.state.Screen
import fr.assistmed.demo.state.SimulationSnapshot
import fr.assistmed.demo.state.SimulationState
import fr.assistmed.demo.storage.FileBundleStore
import fr.assistmed.demo.storage.PreferencesSimulationStore

/**
 * Thin Android wrapper of [SimulationState] (plain Kotlin, tested on the JVM): it only builds it
 * with the Android stores and republishes its snapshot as Compose state after each action.
 * It survives configuration changes (rotation, font size, language); the answers themselves
 * are saved by the state holder at each change and survive the process being killed.
 *
 * The core is called on the main thread: each call takes well under a millisecond (measured on
 * the JVM: ~0.1 ms per assess round trip); the first one loads the library and the rules.
 */
class SimulationViewModel(app: Application) : AndroidViewModel(app) {
    private val bundles = FileBundleStore(app.filesDir)
    private val state: SimulationState

    init {
        val opened = RuleUpdates.open(bundles)
        state = SimulationState(opened.store, PreferencesSimulationStore(app), Dates.today(), opened.warning)
    }

    var ui: SimulationSnapshot by mutableStateOf(state.snapshot())
        private set

    /** The outcome of the last rule import, shown once on the "À propos" screen. */
    var importOutcome: ImportOutcome? by mutableStateOf<ImportOutcome?>(null)
        private set

    private inline fun <T> act(action: () -> T): T {
        val r = action()
        ui = state.snapshot()
        return r
    }

    fun setAnswer(id: String, value: String?) = act { state.setAnswer(id, value) }

    fun showResult(): Boolean = act { state.showResult() }

    fun open(screen: Screen): Boolean = act {
        if (screen == Screen.ABOUT) importOutcome = null
        state.open(screen)
    }

    fun back(): Boolean = act { state.back() }

    fun newSimulation() = act { state.newSimulation() }

    fun about(): About = state.about()

    /** Files picked in "Importer une mise à jour des règles": (display name, bytes). */
    fun importRules(files: List<Pair<String, ByteArray>>) = act {
        importOutcome = RuleUpdates.import(state, files, bundles)
    }

    override fun onCleared() {
        state.close()
    }
}
