@file:OptIn(ExperimentalMaterial3Api::class)

package fr.assistmed.demo.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.lazy.rememberLazyListState
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Button
import androidx.compose.material3.DatePicker
import androidx.compose.material3.DatePickerDialog
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.ExposedDropdownMenuBox
import androidx.compose.material3.ExposedDropdownMenuDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.MenuAnchorType
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.SegmentedButton
import androidx.compose.material3.SegmentedButtonDefaults
import androidx.compose.material3.SingleChoiceSegmentedButtonRow
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.rememberDatePickerState
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import fr.assistmed.core.AssistmedException
import fr.assistmed.core.Language
import fr.assistmed.core.Question
import fr.assistmed.core.QuestionKind
import fr.assistmed.core.Questionnaire
import fr.assistmed.demo.R
import fr.assistmed.demo.state.Dates
import fr.assistmed.demo.state.Lang
import fr.assistmed.demo.state.answerLabel
import fr.assistmed.demo.state.help
import fr.assistmed.demo.state.label
import fr.assistmed.demo.state.text
import kotlinx.coroutines.launch

/** Up to this many choices a question shows radio buttons (1 tap), more: a drop-down (2 taps).
 * Same threshold as the tap-counting tests (`Finger.RADIO_MAX`) and the iOS app. */
private const val RADIO_MAX = 3

/**
 * The questions the core asks for the current answers, rendered generically by kind. Every
 * change is one `onAnswer` call; the core re-validates and may add or remove questions.
 */
@Composable
fun QuestionnaireScreen(
    questionnaire: Questionnaire,
    pending: List<Question>,
    canShowResult: Boolean,
    error: AssistmedException?,
    lang: Lang,
    onAnswer: (String, String?) -> Unit,
    onShowResult: () -> Unit,
) {
    val listState = rememberLazyListState()
    val scope = rememberCoroutineScope()
    Column(Modifier.fillMaxSize().imePadding()) {
        LazyColumn(
            state = listState,
            modifier = Modifier.weight(1f),
            contentPadding = PaddingValues(16.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            item {
                Text(stringResource(R.string.questionnaire_intro), style = MaterialTheme.typography.bodyMedium)
            }
            items(questionnaire.questions, key = { it.id }) { q ->
                QuestionCard(q, lang, onAnswer)
            }
        }
        Surface(tonalElevation = 3.dp) {
            Column(Modifier.fillMaxWidth().padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                if (error != null) {
                    WarningLine(stringResource(R.string.result_error, error.messageIn(if (lang == Lang.EN) Language.EN else Language.FR)))
                }
                if (pending.isNotEmpty()) {
                    val first = questionnaire.questions.indexOfFirst { it.id == pending.first().id }
                    TextButton(onClick = { scope.launch { listState.animateScrollToItem(first + 1) } }) {
                        Text(stringResource(R.string.pending_count, pending.size))
                    }
                }
                Button(onClick = onShowResult, enabled = canShowResult, modifier = Modifier.fillMaxWidth()) {
                    Text(stringResource(R.string.action_show_result))
                }
            }
        }
    }
}

@Composable
private fun QuestionCard(q: Question, lang: Lang, onAnswer: (String, String?) -> Unit) {
    InfoCard {
        Text(q.label(lang), style = MaterialTheme.typography.titleSmall)
        if (q.required) {
            Text(stringResource(R.string.required), style = MaterialTheme.typography.labelMedium)
        }
        Text(q.help(lang), style = MaterialTheme.typography.bodySmall)
        when (q.kind) {
            QuestionKind.CHOICE -> if (q.choices.size <= RADIO_MAX) RadioChoice(q, lang, onAnswer) else DropdownChoice(q, lang, onAnswer)
            QuestionKind.YES_NO -> YesNo(q, lang, onAnswer)
            QuestionKind.COUNT -> NumberField(q, lang, KeyboardType.Number, suffix = null, onAnswer = onAnswer)
            QuestionKind.PERCENTAGE -> NumberField(q, lang, KeyboardType.Decimal, suffix = "%", onAnswer = onAnswer)
            QuestionKind.DATE -> DateField(q, lang, onAnswer)
        }
        q.error?.let { WarningLine(stringResource(R.string.error_prefix, it.text(lang))) }
    }
}

@Composable
private fun RadioChoice(q: Question, lang: Lang, onAnswer: (String, String?) -> Unit) {
    Column(Modifier.selectableGroup()) {
        for (c in q.choices) {
            val selected = q.answer == c.value
            Row(
                modifier = Modifier
                    .fillMaxWidth()
                    .selectable(selected = selected, role = Role.RadioButton, onClick = { onAnswer(q.id, c.value) })
                    .padding(vertical = 8.dp),
                verticalAlignment = Alignment.CenterVertically,
            ) {
                RadioButton(selected = selected, onClick = null)
                Text(c.label(lang), style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(start = 12.dp))
            }
        }
    }
}

@Composable
private fun DropdownChoice(q: Question, lang: Lang, onAnswer: (String, String?) -> Unit) {
    var expanded by remember { mutableStateOf(false) }
    ExposedDropdownMenuBox(expanded = expanded, onExpandedChange = { expanded = it }) {
        OutlinedTextField(
            value = q.answerLabel(lang) ?: "",
            onValueChange = {},
            readOnly = true,
            label = { Text(stringResource(R.string.choice_select)) },
            trailingIcon = { ExposedDropdownMenuDefaults.TrailingIcon(expanded = expanded) },
            modifier = Modifier.menuAnchor(MenuAnchorType.PrimaryNotEditable).fillMaxWidth(),
        )
        ExposedDropdownMenu(expanded = expanded, onDismissRequest = { expanded = false }) {
            for (c in q.choices) {
                DropdownMenuItem(
                    text = { Text(c.label(lang)) },
                    onClick = {
                        expanded = false
                        onAnswer(q.id, c.value)
                    },
                )
            }
        }
    }
}

/**
 * Yes/no as two segmented buttons "Oui" / "Non" (the selected one shows a check mark, not only a
 * colour). Not a switch: a switch cannot show "not answered yet", which a required yes/no
 * without default (e.g. coordinated practice under the 2019 rules) must show.
 */
@Composable
private fun YesNo(q: Question, lang: Lang, onAnswer: (String, String?) -> Unit) {
    SingleChoiceSegmentedButtonRow(Modifier.fillMaxWidth()) {
        q.choices.forEachIndexed { index, c ->
            SegmentedButton(
                selected = q.answer == c.value,
                onClick = { onAnswer(q.id, c.value) },
                shape = SegmentedButtonDefaults.itemShape(index = index, count = q.choices.size),
            ) {
                Text(c.label(lang))
            }
        }
    }
}

@Composable
private fun NumberField(q: Question, lang: Lang, keyboard: KeyboardType, suffix: String?, onAnswer: (String, String?) -> Unit) {
    OutlinedTextField(
        value = q.answer ?: "",
        onValueChange = { onAnswer(q.id, it.trim()) },
        label = { Text(q.label(lang)) },
        suffix = suffix?.let { s -> @Composable { Text(s) } },
        singleLine = true,
        isError = q.error != null,
        keyboardOptions = KeyboardOptions(keyboardType = keyboard),
        supportingText = {
            val min = q.min
            val max = q.max
            if (min != null && max != null) Text(stringResource(R.string.bounds, min, max))
        },
        modifier = Modifier.fillMaxWidth(),
    )
}

@Composable
private fun DateField(q: Question, lang: Lang, onAnswer: (String, String?) -> Unit) {
    var open by remember { mutableStateOf(false) }
    val answer = q.answer
    Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(12.dp)) {
        Text(
            text = answer?.let { Dates.long(it, lang) } ?: stringResource(R.string.date_not_set),
            style = MaterialTheme.typography.bodyLarge,
            modifier = Modifier.weight(1f),
        )
        OutlinedButton(onClick = { open = true }) { Text(stringResource(R.string.action_choose_date)) }
    }
    if (open) {
        val picker = rememberDatePickerState(initialSelectedDateMillis = answer?.let(Dates::utcMillis))
        DatePickerDialog(
            onDismissRequest = { open = false },
            confirmButton = {
                TextButton(onClick = {
                    picker.selectedDateMillis?.let { onAnswer(q.id, Dates.fromUtcMillis(it)) }
                    open = false
                }) { Text(stringResource(R.string.action_ok)) }
            },
            dismissButton = { TextButton(onClick = { open = false }) { Text(stringResource(R.string.action_cancel)) } },
        ) {
            DatePicker(state = picker)
        }
    }
}
