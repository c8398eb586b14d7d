// Pure Compose (no Android import): compiled and UI-tested on the JVM.
package fr.assistmed.demo.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.RowScope
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import fr.assistmed.core.VueComparaison
import fr.assistmed.core.VueLigneComparaison

/**
 * ½ ETP and 1 ETP side by side, year by year, then totals and objectives. The columns share the
 * width (weights): with a large font the texts wrap instead of being cut. Screen readers read
 * each row as one sentence (the core's spoken form).
 */
@Composable
fun ComparisonScreen(c: VueComparaison) {
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp).testTag("comparison"),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Row(Modifier.fillMaxWidth().semantics(mergeDescendants = true) { heading() }) {
            Cell(c.year, MaterialTheme.typography.titleSmall, weight = 1f, start = true)
            Cell(c.half, MaterialTheme.typography.titleSmall)
            Cell(c.full, MaterialTheme.typography.titleSmall)
        }
        HorizontalDivider()
        c.rows.forEachIndexed { i, row -> ComparisonRow(row, MaterialTheme.typography.bodyLarge, Modifier.testTag("comparison:$i")) }
        HorizontalDivider()
        ComparisonRow(c.total, MaterialTheme.typography.titleMedium, Modifier.testTag("comparison:total"))
        c.maximumNote?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
        for (n in c.notes) {
            SectionTitle(n.title)
            for (line in n.lines) BulletLine(line)
        }
    }
}

@Composable
private fun ComparisonRow(row: VueLigneComparaison, style: TextStyle, modifier: Modifier) {
    Row(modifier.fillMaxWidth().padding(vertical = 4.dp).semantics(mergeDescendants = true) { contentDescription = row.spoken }) {
        Cell(row.label, style, weight = 1f, start = true)
        Cell(row.half, style)
        Cell(row.full, style)
    }
}

@Composable
private fun RowScope.Cell(text: String, style: TextStyle, weight: Float = 2f, start: Boolean = false) {
    Text(text, style = style, textAlign = if (start) TextAlign.Start else TextAlign.End, modifier = Modifier.weight(weight))
}
