// Pure Compose (no Android import): compiled and UI-tested on the JVM (Compose Multiplatform
// desktop) by android-demo/scripts/test-jvm.sh, and compiled for Android by Gradle.
package fr.assistmed.demo.ui

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.ArrowBack
import androidx.compose.material.icons.filled.DateRange
import androidx.compose.material.icons.filled.Edit
import androidx.compose.material.icons.filled.Info
import androidx.compose.material.icons.filled.Refresh
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import fr.assistmed.core.AppEvent
import fr.assistmed.core.AppView
import fr.assistmed.core.Screen

/**
 * The whole app for one [AppView] of the core: top bar, the current screen, the confirmation
 * dialog. Every text comes from the view; every tap and keystroke is one [onEvent]. The
 * platform shell (MainActivity on Android, the tests on the JVM) keeps the view as state, and
 * opens the file picker on [onPickRuleFiles].
 */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun AssistmedContent(view: AppView, onEvent: (AppEvent) -> Unit, onPickRuleFiles: () -> Unit, modifier: Modifier = Modifier) {
    Scaffold(
        modifier = modifier,
        topBar = {
            TopAppBar(
                title = { Text(view.title, modifier = Modifier.semantics { heading() }.testTag("title")) },
                navigationIcon = {
                    view.back?.let { label ->
                        IconButton(onClick = { onEvent(AppEvent.Back) }, modifier = Modifier.testTag("back")) {
                            Icon(Icons.AutoMirrored.Filled.ArrowBack, contentDescription = label)
                        }
                    }
                },
                actions = {
                    view.newSimulation?.let { label ->
                        IconButton(onClick = { onEvent(AppEvent.NewSimulation) }, modifier = Modifier.testTag("new-simulation")) {
                            Icon(Icons.Filled.Refresh, contentDescription = label)
                        }
                    }
                    view.edit?.let { label ->
                        IconButton(onClick = { onEvent(AppEvent.Open(Screen.QUESTIONNAIRE)) }, modifier = Modifier.testTag("edit")) {
                            Icon(Icons.Filled.Edit, contentDescription = label)
                        }
                    }
                    view.myContract?.let { label ->
                        IconButton(onClick = { onEvent(AppEvent.Open(Screen.MY_CONTRACT)) }, modifier = Modifier.testTag("my-contract")) {
                            Icon(Icons.Filled.DateRange, contentDescription = label)
                        }
                    }
                    view.about?.let { label ->
                        IconButton(onClick = { onEvent(AppEvent.Open(Screen.ABOUT)) }, modifier = Modifier.testTag("about")) {
                            Icon(Icons.Filled.Info, contentDescription = label)
                        }
                    }
                },
            )
        },
    ) { padding ->
        Box(Modifier.fillMaxSize().padding(padding)) {
            val result = view.result
            val comparison = view.comparison
            val legal = view.legalBasis
            when (view.screen) {
                Screen.QUESTIONNAIRE -> QuestionnaireScreen(view.questionnaire, onEvent)
                Screen.RESULT -> if (result != null) ResultScreen(result, onEvent)
                Screen.COMPARISON -> if (comparison != null) ComparisonScreen(comparison)
                Screen.LEGAL_BASIS -> if (legal != null) LegalBasisScreen(legal)
                Screen.ABOUT -> AboutScreen(view.aboutScreen, onPickRuleFiles)
                Screen.NET_COST -> view.netCost?.let { NetCostScreen(it, onEvent) }
                Screen.MY_CONTRACT -> MyContractScreen(view.contract, onEvent)
            }
        }
    }
    view.confirmation?.let { c ->
        AlertDialog(
            onDismissRequest = { onEvent(AppEvent.Cancel) },
            title = { Text(c.title, modifier = Modifier.semantics { heading() }) },
            text = { Text(c.message) },
            confirmButton = {
                TextButton(onClick = { onEvent(AppEvent.Confirm) }, modifier = Modifier.testTag("confirm")) { Text(c.confirm) }
            },
            dismissButton = {
                TextButton(onClick = { onEvent(AppEvent.Cancel) }, modifier = Modifier.testTag("cancel")) { Text(c.cancel) }
            },
        )
    }
}
