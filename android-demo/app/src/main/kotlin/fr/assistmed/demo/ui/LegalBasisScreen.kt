// Pure Compose (no Android import): compiled and UI-tested on the JVM.
package fr.assistmed.demo.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.selection.SelectionContainer
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import fr.assistmed.core.VueBaseLegale

/**
 * « Base légale »: the texts and sources the result rests on. Addresses are selectable text, not
 * links: the app opens nothing on the network.
 */
@Composable
fun LegalBasisScreen(l: VueBaseLegale) {
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp).testTag("legal"),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Body(l.intro)
        for (r in l.references) {
            InfoCard {
                Text(r.title, style = MaterialTheme.typography.titleSmall, modifier = Modifier.semantics { heading() })
                r.article?.let { Body(it) }
                Text(r.source, style = MaterialTheme.typography.bodySmall)
                SelectionContainer { Text(r.url, style = MaterialTheme.typography.bodySmall) }
            }
        }
    }
}
