// Plain Kotlin (no Android import): compiled and tested on the JVM by android-demo/scripts/test-jvm.sh.
package fr.assistmed.demo.state

import fr.assistmed.core.AssistmedException
import fr.assistmed.core.BundleWarning
import fr.assistmed.core.RuleStore
import fr.assistmed.core.RulesProvenance

/** What became of the files the user picked in "Importer une mise à jour des règles". */
sealed class ImportOutcome {
    /** Not exactly one bundle and one `.sig` file: nothing was tried. */
    object NeedBundleAndSignature : ImportOutcome()

    data class Installed(val provenance: RulesProvenance) : ImportOutcome()

    /** The core refused the update (its typed error says which check failed); rules unchanged. */
    data class Refused(val error: AssistmedException) : ImportOutcome()
}

/** The rules the app answers with, and why a stored update was set aside (if it was). */
class OpenedRules(val store: RuleStore, val warning: BundleWarning?)

/**
 * Signed rule updates on the device, offline: the core checks everything (signature against the
 * keys compiled into the library, schema, newer version, integrity); the app only stores and
 * hands back bytes. No download: an update is a file the user opens (e.g. received by e-mail).
 */
object RuleUpdates {
    /**
     * At start-up: the stored update if it still passes every check, else the embedded rules with
     * the reason as a warning (shown in "À propos"). A rejected update is deleted, so the warning
     * is shown once.
     */
    @Throws(AssistmedException::class)
    fun open(bundles: BundleStore): OpenedRules {
        val saved = bundles.load()
        val store = RuleStore.restore(saved?.bundle, saved?.signature)
        val warning = store.startupWarning()
        if (saved != null && warning != null) bundles.clear()
        return OpenedRules(store, warning)
    }

    /**
     * Installs an update on top of [current] and stores what the new store exports. Throws the
     * core's typed error (signature, schema, not newer, integrity) and changes nothing then.
     */
    @Throws(AssistmedException::class)
    fun install(current: RuleStore, bundle: ByteArray, signature: ByteArray, bundles: BundleStore): RuleStore {
        val next = current.install(bundle, signature)
        val exported = next.exportActive()
        if (exported != null) bundles.save(StoredBundle(exported.bundle, exported.signature))
        return next
    }

    /**
     * The import action: installs the picked update on top of the state's rules, stores it, and
     * recomputes the current simulation under it.
     */
    fun import(state: SimulationState, files: List<Pair<String, ByteArray>>, bundles: BundleStore): ImportOutcome {
        val (bundle, signature) = pair(files) ?: return ImportOutcome.NeedBundleAndSignature
        return try {
            val next = install(state.rules, bundle, signature, bundles)
            state.replaceRules(next)
            ImportOutcome.Installed(next.provenance())
        } catch (e: AssistmedException) {
            ImportOutcome.Refused(e)
        }
    }

    /**
     * Among files the user picked, the bundle and its detached signature (the one named
     * `*.sig`, as `assistmed bundle sign` writes it). Null unless exactly one of each.
     */
    fun pair(files: List<Pair<String, ByteArray>>): Pair<ByteArray, ByteArray>? {
        val (sigs, others) = files.partition { it.first.lowercase().endsWith(".sig") }
        if (sigs.size != 1 || others.size != 1) return null
        return others[0].second to signatureBytes(sigs[0].second)
    }

    /**
     * A signature file's bytes: `assistmed bundle sign` writes 64 bytes as 128 hex characters
     * and a newline; raw bytes are passed through (the core rejects a wrong length itself).
     */
    fun signatureBytes(file: ByteArray): ByteArray {
        val text = String(file, Charsets.US_ASCII).trim()
        if (text.length != 128 || !text.all { it in '0'..'9' || it in 'a'..'f' || it in 'A'..'F' }) return file
        return ByteArray(64) { k -> text.substring(2 * k, 2 * k + 2).toInt(16).toByte() }
    }
}
