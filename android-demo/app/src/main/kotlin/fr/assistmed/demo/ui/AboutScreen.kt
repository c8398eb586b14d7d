// Pure Compose (no Android import): compiled and UI-tested on the JVM.
package fr.assistmed.demo.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.unit.dp
import fr.assistmed.core.VueAPropos

/**
 * « À propos »: the rule versions and the contracts each governs, where the active rules come
 * from, a rule update set aside at start-up, and the import of a signed update from files (the
 * platform shell opens its file picker on [onPickRuleFiles]; the app has no network access).
 */
@Composable
fun AboutScreen(a: VueAPropos, onPickRuleFiles: () -> Unit) {
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp).testTag("about-screen"),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Body(a.offline)
        SectionTitle(a.versionsTitle)
        for (v in a.versions) {
            InfoCard {
                Text(v.title, style = MaterialTheme.typography.titleSmall)
                Body(v.period)
            }
        }
        a.applied?.let { Body(it) }
        SectionTitle(a.provenanceTitle)
        InfoCard {
            Text(a.origin, style = MaterialTheme.typography.titleSmall)
            Body(a.dataVersion)
        }
        a.warning?.let { WarningLine(it) }
        OutlinedButton(onClick = onPickRuleFiles, modifier = Modifier.fillMaxWidth().testTag("import")) { Text(a.importLabel) }
        a.importOutcome?.let { BulletLine(it, Modifier.testTag("import-outcome")) }
    }
}
