package fr.assistmed.demo.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.text.selection.SelectionContainer
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.assistmed.core.Reference
import fr.assistmed.demo.R

/**
 * "Base légale": the texts and sources the result rests on (id, title, article, date, kind,
 * address). Addresses are selectable text, not links: the app opens nothing on the network.
 */
@Composable
fun LegalBasisScreen(references: List<Reference>) {
    LazyColumn(
        modifier = Modifier.fillMaxSize(),
        contentPadding = PaddingValues(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        item { Text(stringResource(R.string.legal_intro), style = MaterialTheme.typography.bodyMedium) }
        items(references, key = { it.id }) { r ->
            InfoCard {
                Text("${r.id} — ${r.title}", style = MaterialTheme.typography.titleSmall)
                r.article?.let { Text(stringResource(R.string.legal_article, it), style = MaterialTheme.typography.bodyMedium) }
                Text(stringResource(R.string.legal_date_kind, r.date, r.kind), style = MaterialTheme.typography.bodySmall)
                SelectionContainer { Text(r.url, style = MaterialTheme.typography.bodySmall) }
            }
        }
    }
}
