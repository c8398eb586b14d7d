package fr.assistmed.demo.ui

import androidx.activity.compose.BackHandler
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.consumeWindowInsets
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.ArrowBack
import androidx.compose.material.icons.filled.Edit
import androidx.compose.material.icons.filled.Info
import androidx.compose.material.icons.filled.Refresh
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalConfiguration
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.lifecycle.viewmodel.compose.viewModel
import fr.assistmed.demo.R
import fr.assistmed.demo.SimulationViewModel
import fr.assistmed.demo.state.Lang
import fr.assistmed.demo.state.Screen

/** Language of the core's texts: the one Android chose the resources for (fr default, en). */
@Composable
fun currentLang(): Lang = Lang.of(LocalConfiguration.current.locales[0])

@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun AssistmedApp(vm: SimulationViewModel = viewModel()) {
    val ui = vm.ui
    val lang = currentLang()
    BackHandler(enabled = ui.canGoBack) { vm.back() }

    val title = when (ui.screen) {
        Screen.QUESTIONNAIRE -> R.string.screen_questionnaire
        Screen.RESULT -> R.string.screen_result
        Screen.COMPARISON -> R.string.screen_comparison
        Screen.LEGAL_BASIS -> R.string.screen_legal_basis
        Screen.ABOUT -> R.string.screen_about
    }
    Scaffold(
        topBar = {
            TopAppBar(
                title = { Text(stringResource(title), modifier = Modifier.semantics { heading() }) },
                navigationIcon = {
                    if (ui.canGoBack) {
                        IconButton(onClick = { vm.back() }) {
                            Icon(Icons.AutoMirrored.Filled.ArrowBack, contentDescription = stringResource(R.string.action_back))
                        }
                    }
                },
                actions = {
                    when (ui.screen) {
                        Screen.QUESTIONNAIRE -> IconButton(onClick = { vm.newSimulation() }) {
                            Icon(Icons.Filled.Refresh, contentDescription = stringResource(R.string.action_new_simulation))
                        }
                        Screen.RESULT -> IconButton(onClick = { vm.open(Screen.QUESTIONNAIRE) }) {
                            Icon(Icons.Filled.Edit, contentDescription = stringResource(R.string.action_edit))
                        }
                        else -> Unit
                    }
                    if (ui.screen != Screen.ABOUT) {
                        IconButton(onClick = { vm.open(Screen.ABOUT) }) {
                            Icon(Icons.Filled.Info, contentDescription = stringResource(R.string.action_about))
                        }
                    }
                },
            )
        },
    ) { padding ->
        // consumeWindowInsets: the questionnaire's imePadding() then adds only what the bars do not.
        Box(Modifier.fillMaxSize().padding(padding).consumeWindowInsets(padding)) {
            val result = ui.result
            when (ui.screen) {
                Screen.QUESTIONNAIRE -> QuestionnaireScreen(
                    questionnaire = ui.questionnaire,
                    pending = ui.pending,
                    canShowResult = result != null,
                    error = ui.error,
                    lang = lang,
                    onAnswer = vm::setAnswer,
                    onShowResult = { vm.showResult() },
                )
                Screen.RESULT -> if (result != null) {
                    ResultScreen(
                        result = result,
                        lang = lang,
                        onCompare = { vm.open(Screen.COMPARISON) },
                        onLegalBasis = { vm.open(Screen.LEGAL_BASIS) },
                        onEdit = { vm.open(Screen.QUESTIONNAIRE) },
                    )
                }
                Screen.COMPARISON -> ui.comparison?.let { ComparisonScreen(it, lang) }
                Screen.LEGAL_BASIS -> if (result != null) LegalBasisScreen(result.references)
                Screen.ABOUT -> AboutScreen(
                    about = vm.about(),
                    lang = lang,
                    importOutcome = vm.importOutcome,
                    onImport = vm::importRules,
                )
            }
        }
    }
}
