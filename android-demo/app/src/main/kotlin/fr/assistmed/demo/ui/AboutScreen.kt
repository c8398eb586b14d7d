package fr.assistmed.demo.ui

import android.content.Context
import android.net.Uri
import android.provider.OpenableColumns
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.selection.SelectionContainer
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.assistmed.core.BundleOrigin
import fr.assistmed.core.Language
import fr.assistmed.demo.R
import fr.assistmed.demo.state.About
import fr.assistmed.demo.state.Dates
import fr.assistmed.demo.state.ImportOutcome
import fr.assistmed.demo.state.Lang
import fr.assistmed.demo.state.text
import java.io.IOException

/**
 * "À propos": the rule versions and the contracts they govern, where the active rules come
 * from (embedded, or a signed update: version, date, signature), a rule update set aside at
 * start-up, and the import of a signed update from files (no download: the app has no
 * network access).
 */
@Composable
fun AboutScreen(about: About, lang: Lang, importOutcome: ImportOutcome?, onImport: (List<Pair<String, ByteArray>>) -> Unit) {
    val context = LocalContext.current
    val picker = rememberLauncherForActivityResult(ActivityResultContracts.OpenMultipleDocuments()) { uris ->
        if (uris.isNotEmpty()) onImport(uris.mapNotNull { readPicked(context, it) })
    }
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Text(stringResource(R.string.about_offline), style = MaterialTheme.typography.bodyMedium)

        SectionTitle(stringResource(R.string.about_versions))
        for (v in about.versions) {
            InfoCard {
                Text(lang.pick(v.titleFr, v.titleEn), style = MaterialTheme.typography.titleSmall)
                Text(stringResource(R.string.about_version_from, Dates.long(v.start, lang)), style = MaterialTheme.typography.bodyMedium)
                val end = v.endExclusive
                Text(
                    if (end != null) stringResource(R.string.about_version_until, Dates.long(end, lang)) else stringResource(R.string.about_version_in_force),
                    style = MaterialTheme.typography.bodyMedium,
                )
                Text(v.id, style = MaterialTheme.typography.bodySmall)
            }
        }
        about.applied?.let { Text(stringResource(R.string.about_applied, lang.pick(it.titleFr, it.titleEn)), style = MaterialTheme.typography.bodyMedium) }

        SectionTitle(stringResource(R.string.about_provenance))
        val p = about.provenance
        InfoCard {
            Text(
                stringResource(if (p.origin == BundleOrigin.EMBEDDED) R.string.about_origin_embedded else R.string.about_origin_update),
                style = MaterialTheme.typography.titleSmall,
            )
            Text(stringResource(R.string.about_bundle_version, p.bundleVersion.toString(), Dates.long(p.published, lang)), style = MaterialTheme.typography.bodyMedium)
            Text(p.provenance, style = MaterialTheme.typography.bodySmall)
            p.signatureHex?.let { SelectionContainer { Text(stringResource(R.string.about_signature, it), style = MaterialTheme.typography.bodySmall) } }
        }
        about.warning?.let { WarningLine(stringResource(R.string.about_warning, it.text(lang))) }

        OutlinedButton(onClick = { picker.launch(arrayOf("*/*")) }, modifier = Modifier.fillMaxWidth()) {
            Text(stringResource(R.string.action_import_rules))
        }
        when (importOutcome) {
            null -> Unit
            ImportOutcome.NeedBundleAndSignature -> WarningLine(stringResource(R.string.import_need_pair))
            is ImportOutcome.Installed -> Text(
                stringResource(R.string.import_installed, importOutcome.provenance.bundleVersion.toString()),
                style = MaterialTheme.typography.bodyMedium,
            )
            is ImportOutcome.Refused -> WarningLine(
                stringResource(R.string.import_refused, importOutcome.error.messageIn(if (lang == Lang.EN) Language.EN else Language.FR)),
            )
        }
    }
}

/** (display name, bytes) of a picked document; null if it cannot be read. */
private fun readPicked(context: Context, uri: Uri): Pair<String, ByteArray>? = try {
    val name = context.contentResolver.query(uri, arrayOf(OpenableColumns.DISPLAY_NAME), null, null, null)?.use { c ->
        if (c.moveToFirst()) c.getString(0) else null
    } ?: uri.lastPathSegment ?: ""
    val bytes = context.contentResolver.openInputStream(uri)?.use { it.readBytes() }
    bytes?.let { name to it }
} catch (e: IOException) {
    null
} catch (e: SecurityException) {
    null
}
