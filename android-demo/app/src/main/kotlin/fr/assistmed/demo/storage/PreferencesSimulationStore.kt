package fr.assistmed.demo.storage

import android.content.Context
import fr.assistmed.demo.state.SimulationStore

/**
 * The last simulation's answers in the app's private SharedPreferences (one JSON string,
 * `AnswersCodec`). `apply()` writes asynchronously, so saving at each keystroke costs nothing on
 * the main thread. Excluded from backups (see AndroidManifest.xml).
 */
class PreferencesSimulationStore(context: Context) : SimulationStore {
    private val prefs = context.applicationContext.getSharedPreferences(FILE, Context.MODE_PRIVATE)

    override fun load(): String? = prefs.getString(KEY, null)

    override fun save(json: String) {
        prefs.edit().putString(KEY, json).apply()
    }

    override fun clear() {
        prefs.edit().remove(KEY).apply()
    }

    private companion object {
        const val FILE = "simulation"
        const val KEY = "answers"
    }
}
