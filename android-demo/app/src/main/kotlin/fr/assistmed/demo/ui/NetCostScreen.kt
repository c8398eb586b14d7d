// Pure Compose (no Android import): compiled and UI-tested on the JVM.
package fr.assistmed.demo.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.RowScope
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.imePadding
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
import fr.assistmed.core.Evenement
import fr.assistmed.core.LigneEconomie
import fr.assistmed.core.VueCoutNet
import fr.assistmed.core.VueEconomie

/**
 * « Coût net »: the salary field, then ½ ETP and 1 ETP side by side, year by year (aid,
 * employer cost, net, break-even: the core's texts and column names), totals, each option's
 * break-even, the assumptions with grade and source, caveats and references. Each year is one
 * spoken sentence per option (the core's).
 */
@Composable
fun NetCostScreen(n: VueCoutNet, onEvent: (Evenement) -> Unit) {
    Column(
        Modifier.fillMaxSize().imePadding().verticalScroll(rememberScrollState()).padding(16.dp).testTag("net-cost"),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Body(n.intro)
        QuestionCard(n.salary, onEvent)
        n.error?.let { WarningLine(it, Modifier.testTag("net-cost:error")) }
        n.economics?.let { Economics(it) }
    }
}

@Composable
private fun Economics(e: VueEconomie) {
    SectionTitle(e.title)
    for ((o, opt) in e.options.withIndex()) Body(opt.title + " — " + opt.salary, Modifier.testTag("eco:$o:salary"))
    val years = e.options.maxOfOrNull { it.rows.size } ?: 0
    for (y in 0 until years) {
        val first = e.options.firstNotNullOfOrNull { it.rows.getOrNull(y) } ?: continue
        YearTable("${first.year} · ${first.period}", e, y) { it.rows.getOrNull(y) }
    }
    YearTable(e.options.firstOrNull()?.total?.year ?: "", e, -1) { it.total }
    for ((o, opt) in e.options.withIndex()) {
        Body(opt.title + " : " + opt.breakEven, Modifier.testTag("eco:$o:break-even"))
    }
    for (lines in listOf(e.assumptions, e.caveats, e.secondAssistant, e.references)) {
        if (lines.isEmpty()) continue
        HorizontalDivider(Modifier.padding(vertical = 4.dp))
        for (line in lines) Text(line, style = MaterialTheme.typography.bodySmall)
    }
    HorizontalDivider(Modifier.padding(vertical = 8.dp))
    Text(e.disclaimer, style = MaterialTheme.typography.bodySmall)
}

/** One year (or the totals, y = -1): a row per figure, a column per option. */
@Composable
private fun YearTable(heading: String, e: VueEconomie, y: Int, row: (fr.assistmed.core.OptionEconomie) -> LigneEconomie?) {
    val key = if (y < 0) "total" else "$y"
    InfoCard(Modifier.testTag("eco:year:$key")) {
        Text(heading, style = MaterialTheme.typography.titleSmall, modifier = Modifier.semantics { heading() })
        Row(Modifier.fillMaxWidth()) {
            Cell("", MaterialTheme.typography.labelMedium, weight = 3f, start = true)
            for (o in e.options) Cell(o.title, MaterialTheme.typography.labelMedium)
        }
        val figures = listOf<Pair<String, (LigneEconomie) -> String>>(
            "aid" to { it.aid }, "cost" to { it.employerCost }, "net" to { it.net }, "be" to { it.breakEven },
        )
        for ((i, f) in figures.withIndex()) {
            val (name, get) = f
            Row(Modifier.fillMaxWidth().padding(vertical = 2.dp)) {
                Cell(e.columns.getOrElse(i + 2) { "" }, MaterialTheme.typography.bodyMedium, weight = 3f, start = true)
                for ((o, opt) in e.options.withIndex()) {
                    val r = row(opt)
                    Cell(r?.let(get) ?: "—", MaterialTheme.typography.bodyMedium, Modifier.testTag("eco:$o:$key:$name").semantics { r?.let { contentDescription = it.spoken } })
                }
            }
        }
    }
}

@Composable
private fun RowScope.Cell(text: String, style: TextStyle, modifier: Modifier = Modifier, weight: Float = 2f, start: Boolean = false) {
    Text(text, style = style, textAlign = if (start) TextAlign.Start else TextAlign.End, modifier = modifier.weight(weight))
}
