// Pure Compose (no Android import): compiled and UI-tested on the JVM.
package fr.assistmed.demo.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import fr.assistmed.core.Ecran
import fr.assistmed.core.Evenement
import fr.assistmed.core.Statut
import fr.assistmed.core.VueOption
import fr.assistmed.core.VueResultatApp

/**
 * The result: verdict (symbol and words; the container colour only repeats them), each
 * option's amounts year by year, objectives, reasons, second assistant, caveats, notices,
 * disclaimer — all texts of the core's view.
 */
@Composable
fun ResultScreen(r: VueResultatApp, onEvent: (Evenement) -> Unit) {
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp).testTag("result"),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        val colors = when (r.verdict.status) {
            Statut.ELIGIBLE -> CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.primaryContainer)
            Statut.NOT_ELIGIBLE -> CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer)
            Statut.REFER_TO_CPAM -> CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.tertiaryContainer)
        }
        Card(colors = colors, modifier = Modifier.fillMaxWidth()) {
            Row(
                Modifier.padding(16.dp).semantics(mergeDescendants = true) { heading() }.testTag("verdict"),
                verticalAlignment = Alignment.CenterVertically,
                horizontalArrangement = Arrangement.spacedBy(16.dp),
            ) {
                Text(r.verdict.symbol, style = MaterialTheme.typography.displaySmall)
                Text(r.verdict.title, style = MaterialTheme.typography.headlineSmall)
            }
            Body(r.verdict.rules, Modifier.padding(start = 16.dp, end = 16.dp, bottom = 16.dp))
        }

        SectionTitle(r.optionsTitle)
        r.options.forEachIndexed { i, o -> OptionCard(o, i) }

        Button(onClick = { onEvent(Evenement.Ouvrir(Ecran.COMPARAISON)) }, modifier = Modifier.fillMaxWidth().testTag("compare")) { Text(r.compare) }
        Button(onClick = { onEvent(Evenement.Ouvrir(Ecran.COUT_NET)) }, modifier = Modifier.fillMaxWidth().testTag("net-cost")) { Text(r.netCost) }
        OutlinedButton(onClick = { onEvent(Evenement.Ouvrir(Ecran.BASE_LEGALE)) }, modifier = Modifier.fillMaxWidth().testTag("legal-basis")) {
            Text(r.legalBasis)
        }
        OutlinedButton(onClick = { onEvent(Evenement.Ouvrir(Ecran.QUESTIONNAIRE)) }, modifier = Modifier.fillMaxWidth()) { Text(r.edit) }

        SectionTitle(r.reasonsTitle)
        for (x in r.reasons) BulletLine(x)
        r.secondAssistant?.let {
            SectionTitle(it.title)
            Body(it.text)
        }
        if (r.caveats.isNotEmpty()) {
            SectionTitle(r.caveatsTitle)
            for (x in r.caveats) BulletLine(x)
        }
        if (r.notices.isNotEmpty()) {
            SectionTitle(r.noticesTitle)
            for (x in r.notices) BulletLine(x)
        }
        HorizontalDivider(Modifier.padding(vertical = 8.dp))
        Text(r.disclaimer, style = MaterialTheme.typography.bodySmall)
    }
}

@Composable
private fun OptionCard(o: VueOption, index: Int) {
    InfoCard(Modifier.testTag("option:$index")) {
        Text(o.label, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        o.unavailable?.let { BulletLine(it) }
        o.years.forEachIndexed { y, line -> AmountLine(line, Modifier.testTag("option:$index:year:$y")) }
        if (o.available) AmountLine(o.total, Modifier.testTag("option:$index:total"), emphasized = true)
        o.maximumNote?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
        o.objectiveTitle?.let { SectionTitle(it) }
        o.objective?.let { Body(it) }
        for (t in o.targets) Body("• $t")
        o.toConfirm?.let { Body("? $it") }
        o.deadline?.let { Body(it) }
    }
}
