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
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import fr.assistmed.demo.R
import fr.assistmed.demo.state.AmountFormat
import fr.assistmed.demo.state.Lang
import java.math.BigDecimal

/** A section title, announced as a heading by TalkBack. */
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

/** "19 000 €" as shown; "non publié" when the amount is not published. */
@Composable
fun amountText(amount: BigDecimal?): String =
    amount?.let(AmountFormat::display) ?: stringResource(R.string.result_not_published)

/** "19000 euros" for TalkBack; "non publié" when the amount is not published. */
@Composable
fun amountSpoken(amount: BigDecimal?, lang: Lang): String =
    amount?.let { AmountFormat.spoken(it, lang) } ?: stringResource(R.string.result_not_published)

/**
 * A label and an amount on one line; TalkBack reads [spoken] instead of the two texts (e.g.
 * "Année 1 : 19000 euros, maximum").
 */
@Composable
fun AmountLine(label: String, amount: String, spoken: String, modifier: Modifier = Modifier, emphasized: Boolean = false) {
    val style = if (emphasized) MaterialTheme.typography.titleMedium else MaterialTheme.typography.bodyLarge
    Row(
        modifier = modifier.fillMaxWidth().padding(vertical = 2.dp).clearAndSetSemantics { contentDescription = spoken },
        horizontalArrangement = Arrangement.SpaceBetween,
    ) {
        Text(label, style = style, modifier = Modifier.weight(1f))
        Text(amount, style = style)
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

/** A line with a leading symbol (✓, ✗, →, •); TalkBack reads [spoken], which says in words what
 * the symbol means. */
@Composable
fun BulletLine(symbol: String, text: String, spoken: String = text) {
    Row(
        modifier = Modifier.fillMaxWidth().clearAndSetSemantics { contentDescription = spoken },
        horizontalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Text(symbol, style = MaterialTheme.typography.bodyLarge)
        Text(text, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.weight(1f))
    }
}
