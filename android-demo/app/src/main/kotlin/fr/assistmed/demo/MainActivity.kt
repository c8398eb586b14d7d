// The Android shell: lifecycle, file storage of the bytes the core hands over, the file picker,
// dynamic colours. Everything else — state, texts, validation, figures — is the core's AppModel,
// rendered by the pure composables of ui/ (compiled and UI-tested on the JVM).
package fr.assistmed.demo

import android.app.Application
import android.net.Uri
import android.os.Build
import android.os.Bundle
import android.provider.OpenableColumns
import android.util.AtomicFile
import androidx.activity.ComponentActivity
import androidx.activity.compose.BackHandler
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.dynamicDarkColorScheme
import androidx.compose.material3.dynamicLightColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.platform.LocalConfiguration
import androidx.compose.ui.platform.LocalContext
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewmodel.compose.viewModel
import fr.assistmed.core.Evenement
import fr.assistmed.core.FichierImporte
import fr.assistmed.core.VueApp
import fr.assistmed.demo.ui.AssistmedContent
import fr.assistmed.sdk.AppModel
import fr.assistmed.sdk.appFileNames
import java.io.File
import java.io.IOException
import java.time.LocalDate

class MainActivity : ComponentActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        enableEdgeToEdge()
        setContent {
            val vm: AppViewModel = viewModel()
            val language = LocalConfiguration.current.locales[0].toLanguageTag()
            if (vm.language != language) vm.send(Evenement.Langue(language))
            val context = LocalContext.current
            val picker = rememberLauncherForActivityResult(ActivityResultContracts.OpenMultipleDocuments()) { uris ->
                if (uris.isNotEmpty()) vm.send(Evenement.ImporterRegles(uris.mapNotNull { readPicked(it) }))
            }
            BackHandler(enabled = vm.view.back != null || vm.view.confirmation != null) { vm.send(Evenement.Retour) }
            val dark = isSystemInDarkTheme()
            val colors = when {
                Build.VERSION.SDK_INT >= Build.VERSION_CODES.S ->
                    if (dark) dynamicDarkColorScheme(context) else dynamicLightColorScheme(context)
                dark -> darkColorScheme()
                else -> lightColorScheme()
            }
            MaterialTheme(colorScheme = colors) {
                AssistmedContent(vm.view, vm::send, onPickRuleFiles = { picker.launch(arrayOf("*/*")) })
            }
        }
    }

    /** A picked document (display name, bytes); null if it cannot be read. */
    private fun readPicked(uri: Uri): FichierImporte? = try {
        val name = contentResolver.query(uri, arrayOf(OpenableColumns.DISPLAY_NAME), null, null, null)?.use { c ->
            if (c.moveToFirst()) c.getString(0) else null
        } ?: uri.lastPathSegment ?: ""
        contentResolver.openInputStream(uri)?.use { it.readBytes() }?.let { FichierImporte(name, it) }
    } catch (e: IOException) {
        null
    } catch (e: SecurityException) {
        null
    }
}

/**
 * Holds the core's AppModel across configuration changes and republishes its view as Compose
 * state. The files the core hands over are written at once (atomically) into the app's private
 * files directory, excluded from backups; the core calls take well under a millisecond.
 */
class AppViewModel(app: Application) : AndroidViewModel(app) {
    private val dir = File(app.filesDir, "assistmed")
    var language: String = app.resources.configuration.locales[0].toLanguageTag()
        private set
    private val model = AppModel(
        appFileNames().mapNotNull { name -> read(name)?.let { name to it } }.toMap(),
        LocalDate.now(),
        language,
    )
    var view: VueApp by mutableStateOf(model.view())
        private set

    init {
        store()
    }

    fun send(event: Evenement) {
        if (event is Evenement.Langue) language = event.code
        view = model.send(event)
        store()
    }

    private fun store() {
        for (w in model.takeWrites()) {
            val file = AtomicFile(File(dir, w.nom))
            val bytes = w.octets
            if (bytes == null) {
                file.delete()
                continue
            }
            file.baseFile.parentFile?.mkdirs()
            val out = file.startWrite()
            try {
                out.write(bytes)
                file.finishWrite(out)
            } catch (e: IOException) {
                file.failWrite(out)
            }
        }
    }

    private fun read(name: String): ByteArray? = try {
        AtomicFile(File(dir, name)).takeIf { it.baseFile.exists() }?.readFully()
    } catch (e: IOException) {
        null
    }

    override fun onCleared() {
        model.close()
    }
}
