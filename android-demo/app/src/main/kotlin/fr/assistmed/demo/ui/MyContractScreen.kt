// Pure Compose (no Android import): compiled and UI-tested on the JVM.
package fr.assistmed.demo.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import fr.assistmed.core.Evenement
import fr.assistmed.core.VueMonContrat
import fr.assistmed.core.VueSuiviApp

/**
 * « Mon contrat »: once the contract is valid, where it stands (year, progress per indicator
 * with a gauge, verdict under the version's rule, when it is assessed, the year-3+ outlook),
 * then the form (the core's fields; each keystroke is an answer, the core saves the contract).
 */
@Composable
fun MyContractScreen(c: VueMonContrat, onEvent: (Evenement) -> Unit) {
    Column(
        Modifier.fillMaxSize().imePadding().verticalScroll(rememberScrollState()).padding(16.dp).testTag("my-contract"),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Body(c.intro)
        c.contract?.let { Status(it) }
        c.error?.let { WarningLine(it, Modifier.testTag("contract:error")) }
        for (q in c.questions) QuestionCard(q, onEvent)
    }
}

@Composable
private fun Status(s: VueSuiviApp) {
    InfoCard(Modifier.testTag("contract:status")) {
        Text(s.title, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        Body(s.year, Modifier.testTag("contract:year"))
        for (i in s.indicators) {
            Column(Modifier.fillMaxWidth().testTag("contract:indicator:${i.indicator}").clearAndSetSemantics { contentDescription = i.spoken }) {
                Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    Text(i.symbol, style = MaterialTheme.typography.bodyLarge)
                    Text(i.text, style = MaterialTheme.typography.bodyMedium)
                }
                i.gaugePercent?.let { LinearProgressIndicator(progress = { it.toInt() / 100f }, modifier = Modifier.fillMaxWidth().padding(vertical = 4.dp)) }
            }
        }
        Row(Modifier.semantics(mergeDescendants = true) { heading() }.testTag("contract:verdict"), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(s.verdict.symbol, style = MaterialTheme.typography.titleLarge)
            Text(s.verdict.title, style = MaterialTheme.typography.titleMedium)
        }
        Body(s.verdict.rule)
        Body(s.assessment)
        SectionTitle(s.outlookTitle)
        s.outlook.forEachIndexed { y, line -> BulletLine(line, Modifier.testTag("contract:outlook:$y")) }
        for (x in s.caveats) BulletLine(x)
        HorizontalDivider(Modifier.padding(vertical = 8.dp))
        Text(s.disclaimer, style = MaterialTheme.typography.bodySmall)
    }
}
