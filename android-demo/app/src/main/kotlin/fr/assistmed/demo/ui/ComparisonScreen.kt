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
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import fr.assistmed.core.AidCell
import fr.assistmed.core.OptionRow
import fr.assistmed.demo.R
import fr.assistmed.demo.state.Comparison
import fr.assistmed.demo.state.Dates
import fr.assistmed.demo.state.Lang

/**
 * ½ ETP and 1 ETP side by side, year by year, then totals and objectives. Columns share the
 * width (weights), so with a large font size the texts wrap instead of being cut. Each row is
 * read by TalkBack as one sentence.
 */
@Composable
fun ComparisonScreen(c: Comparison, lang: Lang) {
    val half = lang.pick(c.half.labelFr, c.half.labelEn)
    val full = lang.pick(c.full.labelFr, c.full.labelEn)
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Row(Modifier.fillMaxWidth().semantics { heading() }) {
            Cell(stringResource(R.string.comparison_year), MaterialTheme.typography.titleSmall, weight = 1f, start = true)
            Cell(half, MaterialTheme.typography.titleSmall)
            Cell(full, MaterialTheme.typography.titleSmall)
        }
        HorizontalDivider()
        for (y in c.years) {
            val spoken = stringResource(
                R.string.comparison_row_a11y,
                y.year.toInt(),
                half,
                spokenCell(y.half, c.half, lang),
                full,
                spokenCell(y.full, c.full, lang),
            )
            Row(Modifier.fillMaxWidth().padding(vertical = 4.dp).clearAndSetSemantics { contentDescription = spoken }) {
                Cell(y.year.toString(), MaterialTheme.typography.bodyLarge, weight = 1f, start = true)
                Cell(shownCell(y.half, c.half), MaterialTheme.typography.bodyLarge)
                Cell(shownCell(y.full, c.full), MaterialTheme.typography.bodyLarge)
            }
        }
        HorizontalDivider()
        val totalSpoken = stringResource(
            R.string.comparison_total_a11y,
            half,
            if (c.half.available) amountSpoken(c.half.total, lang) else stringResource(R.string.result_unavailable_short),
            full,
            if (c.full.available) amountSpoken(c.full.total, lang) else stringResource(R.string.result_unavailable_short),
        )
        Row(Modifier.fillMaxWidth().clearAndSetSemantics { contentDescription = totalSpoken }) {
            Cell(stringResource(R.string.result_total), MaterialTheme.typography.titleMedium, weight = 1f, start = true)
            Cell(if (c.half.available) amountText(c.half.total) else "—", MaterialTheme.typography.titleMedium)
            Cell(if (c.full.available) amountText(c.full.total) else "—", MaterialTheme.typography.titleMedium)
        }
        if (c.years.any { it.half?.maximum == true || it.full?.maximum == true }) {
            Text(stringResource(R.string.result_maximum_note), style = MaterialTheme.typography.bodySmall)
        }
        OptionNotes(c.half, lang)
        OptionNotes(c.full, lang)
    }
}

@Composable
private fun RowScope.Cell(text: String, style: TextStyle, weight: Float = 2f, start: Boolean = false) {
    Text(text, style = style, textAlign = if (start) TextAlign.Start else TextAlign.End, modifier = Modifier.weight(weight))
}

@Composable
private fun shownCell(cell: AidCell?, row: OptionRow): String = when {
    !row.available || cell == null -> "—"
    cell.maximum -> amountText(cell.amount) + " *"
    else -> amountText(cell.amount)
}

@Composable
private fun spokenCell(cell: AidCell?, row: OptionRow, lang: Lang): String = when {
    !row.available || cell == null -> stringResource(R.string.result_unavailable_short)
    cell.maximum -> amountSpoken(cell.amount, lang) + ", " + stringResource(R.string.result_maximum)
    else -> amountSpoken(cell.amount, lang)
}

/** Why an option is unavailable, or its objective. */
@Composable
private fun OptionNotes(row: OptionRow, lang: Lang) {
    SectionTitle(lang.pick(row.labelFr, row.labelEn))
    if (!row.available) {
        val why = lang.pick(row.unavailableFr, row.unavailableEn)
        BulletLine("✗", why?.let { stringResource(R.string.result_unavailable, it) } ?: stringResource(R.string.result_unavailable_short))
    } else {
        lang.pick(row.objectiveFr, row.objectiveEn)?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
        if (row.objectiveToConfirm) BulletLine("?", stringResource(R.string.result_objective_to_confirm))
        row.deadline?.let { Text(stringResource(R.string.result_deadline, Dates.long(it, lang)), style = MaterialTheme.typography.bodyMedium) }
    }
}
