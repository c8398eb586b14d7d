// Pure Compose (no Android import): compiled and UI-tested on the JVM.
package fr.assistmed.demo.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Warning
import androidx.compose.material3.Card
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import fr.assistmed.core.VueLigne
import fr.assistmed.core.VueMontant

/** A section title, announced as a heading by screen readers. */
@Composable
fun SectionTitle(text: String, modifier: Modifier = Modifier) {
    Text(
        text = text,
        style = MaterialTheme.typography.titleMedium,
        modifier = modifier.padding(top = 16.dp, bottom = 4.dp).semantics { heading() },
    )
}

/** A card with the standard inner padding. */
@Composable
fun InfoCard(modifier: Modifier = Modifier, content: @Composable () -> Unit) {
    Card(modifier = modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) { content() }
    }
}

/**
 * A label and an amount on one line. Screen readers say the core's spoken form instead
 * (« Année 1 : 19000 euros, maximum »: no digit grouping read as a pause); the texts stay in the
 * merged semantics, where the UI tests read them.
 */
@Composable
fun AmountLine(line: VueMontant, modifier: Modifier = Modifier, emphasized: Boolean = false) {
    val style = if (emphasized) MaterialTheme.typography.titleMedium else MaterialTheme.typography.bodyLarge
    Row(
        modifier = modifier.fillMaxWidth().padding(vertical = 2.dp).semantics(mergeDescendants = true) { contentDescription = line.spoken },
        horizontalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Text(line.label, style = style, modifier = Modifier.weight(1f))
        Text(line.amount, style = style)
    }
}

/** A warning: an icon and a text, never colour alone; announced when it appears. */
@Composable
fun WarningLine(text: String, modifier: Modifier = Modifier) {
    Row(
        modifier = modifier.semantics(mergeDescendants = true) { liveRegion = LiveRegionMode.Polite },
        horizontalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Icon(Icons.Filled.Warning, contentDescription = null, tint = MaterialTheme.colorScheme.error)
        Text(text, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.error)
    }
}

/** A line with a leading symbol (✓, ✗, →, •, !); screen readers say what the symbol means. */
@Composable
fun BulletLine(line: VueLigne, modifier: Modifier = Modifier) {
    Row(
        modifier = modifier.fillMaxWidth().clearAndSetSemantics { contentDescription = line.spoken },
        horizontalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        if (line.symbol.isNotEmpty()) Text(line.symbol, style = MaterialTheme.typography.bodyLarge)
        Text(line.text, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.weight(1f))
    }
}

/** Plain body text. */
@Composable
fun Body(text: String, modifier: Modifier = Modifier) {
    Text(text, style = MaterialTheme.typography.bodyMedium, modifier = modifier)
}
