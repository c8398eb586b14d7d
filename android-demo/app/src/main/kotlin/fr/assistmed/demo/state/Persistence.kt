// Plain Kotlin (no Android import): compiled and tested on the JVM by android-demo/scripts/test-jvm.sh.
package fr.assistmed.demo.state

/**
 * Where the last simulation is kept on the device (the app works offline: nothing is sent
 * anywhere). The Android app implements it with SharedPreferences
 * (`PreferencesSimulationStore`); the tests with [InMemorySimulationStore].
 */
interface SimulationStore {
    /** The saved answers ([AnswersCodec] JSON text), or null when none. */
    fun load(): String?

    fun save(json: String)

    fun clear()
}

/** A rule update as stored on the device: the bundle's exact bytes and its detached signature. */
class StoredBundle(val bundle: ByteArray, val signature: ByteArray)

/**
 * Where the active rule update is kept (nothing is stored for the embedded rules). What is stored
 * is exactly `RuleStore.exportActive()`; at start-up it goes back through `RuleStore.restore`,
 * which checks the signature again and falls back to the embedded rules if anything is wrong.
 * Android: two files in the app's private files directory (`FileBundleStore`).
 */
interface BundleStore {
    fun load(): StoredBundle?

    fun save(bundle: StoredBundle)

    fun clear()
}

class InMemorySimulationStore(private var json: String? = null) : SimulationStore {
    var saves = 0
        private set

    override fun load(): String? = json

    override fun save(json: String) {
        this.json = json
        saves++
    }

    override fun clear() {
        json = null
    }
}

class InMemoryBundleStore(private var stored: StoredBundle? = null) : BundleStore {
    override fun load(): StoredBundle? = stored

    override fun save(bundle: StoredBundle) {
        stored = bundle
    }

    override fun clear() {
        stored = null
    }
}
