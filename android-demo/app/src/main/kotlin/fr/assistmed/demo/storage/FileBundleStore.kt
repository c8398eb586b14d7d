package fr.assistmed.demo.storage

import android.util.AtomicFile
import fr.assistmed.demo.state.BundleStore
import fr.assistmed.demo.state.StoredBundle
import java.io.File
import java.io.IOException

/**
 * The installed rule update (exactly `RuleStore.exportActive()`) as two files in the app's
 * private files directory. Each is written atomically; a torn pair (one file from an older
 * update) is caught at start-up by `RuleStore.restore`, which re-checks the signature.
 */
class FileBundleStore(filesDir: File) : BundleStore {
    private val dir = File(filesDir, "rules")
    private val bundleFile = AtomicFile(File(dir, "update.json"))
    private val signatureFile = AtomicFile(File(dir, "update.sig"))

    override fun load(): StoredBundle? = try {
        if (!bundleFile.baseFile.exists() || !signatureFile.baseFile.exists()) {
            null
        } else {
            StoredBundle(bundleFile.readFully(), signatureFile.readFully())
        }
    } catch (e: IOException) {
        null
    }

    override fun save(bundle: StoredBundle) {
        dir.mkdirs()
        write(bundleFile, bundle.bundle)
        write(signatureFile, bundle.signature)
    }

    override fun clear() {
        bundleFile.delete()
        signatureFile.delete()
    }

    private fun write(file: AtomicFile, bytes: ByteArray) {
        val out = file.startWrite()
        try {
            out.write(bytes)
            file.finishWrite(out)
        } catch (e: IOException) {
            file.failWrite(out)
            throw e
        }
    }
}
