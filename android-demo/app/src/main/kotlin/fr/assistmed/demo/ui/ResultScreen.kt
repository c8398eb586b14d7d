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
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.unit.dp
import fr.assistmed.core.AidCell
import fr.assistmed.core.EligibilityStatus
import fr.assistmed.core.OptionRow
import fr.assistmed.core.ReasonEffect
import fr.assistmed.core.ResultView
import fr.assistmed.demo.R
import fr.assistmed.demo.state.Dates
import fr.assistmed.demo.state.Lang

/**
 * The result: verdict (symbol + words, the container colour only repeats them), the amounts of
 * each option year by year, objectives, reasons, second assistant, caveats, notices, disclaimer.
 * Everything comes from the core's `ResultView`; only amounts and dates are formatted here.
 */
@Composable
fun ResultScreen(
    result: ResultView,
    lang: Lang,
    onCompare: () -> Unit,
    onLegalBasis: () -> Unit,
    onEdit: () -> Unit,
) {
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Verdict(result, lang)

        SectionTitle(stringResource(R.string.result_options))
        for (row in result.options) OptionCard(row, lang)

        Button(onClick = onCompare, modifier = Modifier.fillMaxWidth()) { Text(stringResource(R.string.action_compare)) }
        OutlinedButton(onClick = onLegalBasis, modifier = Modifier.fillMaxWidth()) { Text(stringResource(R.string.action_legal_basis)) }
        OutlinedButton(onClick = onEdit, modifier = Modifier.fillMaxWidth()) { Text(stringResource(R.string.action_edit)) }

        SectionTitle(stringResource(R.string.result_reasons))
        for (r in result.reasons) {
            val (symbol, effect) = when (r.effect) {
                ReasonEffect.SATISFIED -> "✓" to stringResource(R.string.effect_satisfied)
                ReasonEffect.BLOCKING -> "✗" to stringResource(R.string.effect_blocking)
                ReasonEffect.REFER_TO_CPAM -> "→" to stringResource(R.string.effect_refer_to_cpam)
                ReasonEffect.CONDITION -> "•" to stringResource(R.string.effect_condition)
            }
            val message = lang.pick(r.messageFr, r.messageEn)
            BulletLine(symbol, message, spoken = "$effect : $message")
        }

        val secondAssistant = lang.pick(result.secondAssistantFr, result.secondAssistantEn)
        if (secondAssistant != null) {
            SectionTitle(stringResource(R.string.result_second_assistant))
            Text(secondAssistant, style = MaterialTheme.typography.bodyMedium)
        }

        if (result.caveats.isNotEmpty()) {
            SectionTitle(stringResource(R.string.result_caveats))
            for (c in result.caveats) BulletLine("!", lang.pick(c.messageFr, c.messageEn))
        }
        if (result.notices.isNotEmpty()) {
            SectionTitle(stringResource(R.string.result_notices))
            for (n in result.notices) BulletLine("•", lang.pick(n.textFr, n.textEn))
        }

        HorizontalDivider(Modifier.padding(vertical = 8.dp))
        Text(lang.pick(result.disclaimerFr, result.disclaimerEn), style = MaterialTheme.typography.bodySmall)
    }
}

@Composable
private fun Verdict(result: ResultView, lang: Lang) {
    val v = result.verdict
    val colors = when (v.status) {
        EligibilityStatus.ELIGIBLE -> CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.primaryContainer)
        EligibilityStatus.NOT_ELIGIBLE -> CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer)
        EligibilityStatus.REFER_TO_CPAM -> CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.tertiaryContainer)
    }
    val title = lang.pick(v.titleFr, v.titleEn)
    val rules = lang.pick(result.rules.titleFr, result.rules.titleEn)
    Card(colors = colors, modifier = Modifier.fillMaxWidth()) {
        Row(
            Modifier.padding(16.dp).clearAndSetSemantics {
                heading()
                contentDescription = title
            },
            verticalAlignment = Alignment.CenterVertically,
            horizontalArrangement = Arrangement.spacedBy(16.dp),
        ) {
            Text(v.symbol, style = MaterialTheme.typography.displaySmall)
            Text(title, style = MaterialTheme.typography.headlineSmall)
        }
        Text(
            stringResource(R.string.result_rules, rules),
            style = MaterialTheme.typography.bodyMedium,
            modifier = Modifier.padding(start = 16.dp, end = 16.dp, bottom = 16.dp),
        )
    }
}

/** What TalkBack says for one year: "Année 1 : 19000 euros, maximum, revalorisé (convention-2024)". */
@Composable
fun cellSpoken(cell: AidCell, lang: Lang): String {
    val parts = mutableListOf(amountSpoken(cell.amount, lang))
    if (cell.maximum) parts += stringResource(R.string.result_maximum)
    if (cell.revalued) parts += stringResource(R.string.result_revalued, cell.rulesId)
    return stringResource(R.string.result_year_a11y, cell.year.toInt(), parts.joinToString(", "))
}

@Composable
private fun OptionCard(row: OptionRow, lang: Lang) {
    InfoCard {
        Text(
            lang.pick(row.labelFr, row.labelEn),
            style = MaterialTheme.typography.titleMedium,
            modifier = Modifier.clearAndSetSemantics {
                heading()
                contentDescription = lang.pick(row.labelFr, row.labelEn)
            },
        )
        if (!row.available) {
            val why = lang.pick(row.unavailableFr, row.unavailableEn)
            BulletLine("✗", why?.let { stringResource(R.string.result_unavailable, it) } ?: stringResource(R.string.result_unavailable_short))
        } else {
            AvailableOption(row, lang)
        }
    }
}

@Composable
private fun AvailableOption(row: OptionRow, lang: Lang) {
    for (cell in row.cells) {
        val marks = buildList {
            if (cell.maximum) add(stringResource(R.string.result_maximum))
            if (cell.revalued) add(stringResource(R.string.result_revalued, cell.rulesId))
        }
        val label = stringResource(R.string.result_year, cell.year.toInt()) + marks.joinToString("") { " ($it)" }
        AmountLine(label, amountText(cell.amount), cellSpoken(cell, lang))
    }
    AmountLine(
        stringResource(R.string.result_total),
        amountText(row.total),
        stringResource(R.string.result_total_a11y, amountSpoken(row.total, lang)),
        emphasized = true,
    )
    if (row.cells.any { it.maximum }) {
        Text(stringResource(R.string.result_maximum_note), style = MaterialTheme.typography.bodySmall)
    }
    val objective = lang.pick(row.objectiveFr, row.objectiveEn)
    if (objective != null) {
        SectionTitle(stringResource(R.string.result_objective))
        Text(objective, style = MaterialTheme.typography.bodyMedium)
        for (t in lang.pick(row.targetsFr, row.targetsEn)) BulletLine("•", t)
        if (row.objectiveToConfirm) BulletLine("?", stringResource(R.string.result_objective_to_confirm))
        row.deadline?.let { Text(stringResource(R.string.result_deadline, Dates.long(it, lang)), style = MaterialTheme.typography.bodyMedium) }
    }
}
