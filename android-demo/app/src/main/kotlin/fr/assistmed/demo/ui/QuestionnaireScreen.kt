// Pure Compose (no Android import): compiled and UI-tested on the JVM.
package fr.assistmed.demo.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.DropdownMenu
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateMapOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.layout.onGloballyPositioned
import androidx.compose.ui.layout.positionInParent
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import fr.assistmed.core.Evenement
import fr.assistmed.core.TypeQuestion
import fr.assistmed.core.VueQuestion
import fr.assistmed.core.VueQuestionnaire
import kotlinx.coroutines.launch

/**
 * The questions the core asks for the current answers, rendered by kind. Every tap or keystroke
 * is one [Evenement.Answer]; the core re-validates and may add or remove questions.
 */
@Composable
fun QuestionnaireScreen(q: VueQuestionnaire, onEvent: (Evenement) -> Unit) {
    val scroll = rememberScrollState()
    val scope = rememberCoroutineScope()
    val offsets = remember { mutableStateMapOf<String, Int>() }
    Column(Modifier.fillMaxSize().imePadding()) {
        Column(
            Modifier.weight(1f).verticalScroll(scroll).padding(16.dp).testTag("questions"),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            Body(q.intro)
            for (x in q.questions) {
                QuestionCard(x, onEvent, Modifier.onGloballyPositioned { offsets[x.id] = it.positionInParent().y.toInt() })
            }
        }
        Surface(tonalElevation = 3.dp) {
            Column(Modifier.fillMaxWidth().padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                q.blocking?.let { WarningLine(it, Modifier.testTag("blocking")) }
                val pending = q.pending
                if (pending != null) {
                    TextButton(
                        onClick = { scope.launch { scroll.animateScrollTo(offsets[q.firstPending] ?: 0) } },
                        modifier = Modifier.testTag("pending"),
                    ) { Text(pending) }
                }
                Button(
                    onClick = { onEvent(Evenement.VoirResultat) },
                    enabled = q.canShowResult,
                    modifier = Modifier.fillMaxWidth().testTag("show-result"),
                ) { Text(q.showResult) }
            }
        }
    }
}

/** One field as the core describes it; shared by the questionnaire, « Coût net » and « Mon contrat ». */
@Composable
fun QuestionCard(q: VueQuestion, onEvent: (Evenement) -> Unit, modifier: Modifier = Modifier) {
    InfoCard(modifier.testTag("q:${q.id}")) {
        Text(q.label, style = MaterialTheme.typography.titleSmall, modifier = Modifier.semantics { heading() })
        q.required?.let { Text(it, style = MaterialTheme.typography.labelMedium) }
        Text(q.help, style = MaterialTheme.typography.bodySmall)
        val answer = { v: String? -> onEvent(Evenement.Repondre(q.id, v)) }
        when (q.kind) {
            TypeQuestion.CHOICE, TypeQuestion.YES_NO -> if (q.radio) RadioChoice(q, answer) else DropdownChoice(q, answer)
            TypeQuestion.COUNT -> TextAnswer(q, KeyboardType.Number, answer)
            TypeQuestion.PERCENTAGE -> TextAnswer(q, KeyboardType.Decimal, answer)
            TypeQuestion.DATE -> TextAnswer(q, KeyboardType.Number, answer)
        }
        q.prefilled?.let { note ->
            Body(note)
            q.confirm?.let { label ->
                OutlinedButton(onClick = { onEvent(Evenement.ConfirmerPrerempli(q.id)) }, modifier = Modifier.testTag("q:${q.id}:confirm")) {
                    Text(label)
                }
            }
        }
        q.error?.let { WarningLine(it, Modifier.testTag("q:${q.id}:error")) }
    }
}

@Composable
private fun RadioChoice(q: VueQuestion, answer: (String?) -> Unit) {
    Column(Modifier.selectableGroup()) {
        for (c in q.choices) {
            Row(
                modifier = Modifier
                    .fillMaxWidth()
                    .selectable(selected = c.selected, role = Role.RadioButton, onClick = { answer(c.value) })
                    .padding(vertical = 8.dp)
                    .testTag("q:${q.id}:${c.value}"),
                verticalAlignment = Alignment.CenterVertically,
            ) {
                RadioButton(selected = c.selected, onClick = null)
                Text(c.label, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(start = 12.dp))
            }
        }
    }
}

/** Many choices (specialties, bands): a button showing the answer, opening a menu. */
@Composable
private fun DropdownChoice(q: VueQuestion, answer: (String?) -> Unit) {
    var expanded by remember { mutableStateOf(false) }
    Box {
        OutlinedButton(onClick = { expanded = true }, modifier = Modifier.fillMaxWidth().testTag("q:${q.id}:field")) {
            Text(q.shown ?: q.placeholder, modifier = Modifier.weight(1f))
            Text("▾")
        }
        DropdownMenu(expanded = expanded, onDismissRequest = { expanded = false }) {
            for (c in q.choices) {
                DropdownMenuItem(
                    text = { Text(c.label) },
                    onClick = {
                        expanded = false
                        answer(c.value)
                    },
                    modifier = Modifier.testTag("q:${q.id}:${c.value}"),
                )
            }
        }
    }
}

/** Counts, percentages and dates (typed « JJ/MM/AAAA »; the core reads and checks them). */
@Composable
private fun TextAnswer(q: VueQuestion, keyboard: KeyboardType, answer: (String?) -> Unit) {
    OutlinedTextField(
        value = q.value,
        onValueChange = { answer(it.trim()) },
        label = { Text(q.label) },
        placeholder = { Text(q.placeholder) },
        suffix = q.suffix?.let { s -> @Composable { Text(s) } },
        singleLine = true,
        isError = q.error != null,
        keyboardOptions = KeyboardOptions(keyboardType = keyboard),
        supportingText = (q.shown ?: q.bounds)?.let { s -> @Composable { Text(s) } },
        modifier = Modifier.fillMaxWidth().testTag("q:${q.id}:field"),
    )
}
