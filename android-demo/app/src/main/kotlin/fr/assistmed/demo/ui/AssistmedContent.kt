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
import fr.assistmed.core.Ecran
import fr.assistmed.core.Evenement
import fr.assistmed.core.VueApp

/**
 * The whole app for one [VueApp] of the core: top bar, the current screen, the confirmation
 * dialog. Every text comes from the view; every tap and keystroke is one [onEvent]. The
 * platform shell (MainActivity on Android, the tests on the JVM) keeps the view as state, and
 * opens the file picker on [onPickRuleFiles].
 */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun AssistmedContent(view: VueApp, onEvent: (Evenement) -> Unit, onPickRuleFiles: () -> Unit, modifier: Modifier = Modifier) {
    Scaffold(
        modifier = modifier,
        topBar = {
            TopAppBar(
                title = { Text(view.title, modifier = Modifier.semantics { heading() }.testTag("title")) },
                navigationIcon = {
                    view.back?.let { label ->
                        IconButton(onClick = { onEvent(Evenement.Retour) }, modifier = Modifier.testTag("back")) {
                            Icon(Icons.AutoMirrored.Filled.ArrowBack, contentDescription = label)
                        }
                    }
                },
                actions = {
                    view.newSimulation?.let { label ->
                        IconButton(onClick = { onEvent(Evenement.NouvelleSimulation) }, modifier = Modifier.testTag("new-simulation")) {
                            Icon(Icons.Filled.Refresh, contentDescription = label)
                        }
                    }
                    view.edit?.let { label ->
                        IconButton(onClick = { onEvent(Evenement.Ouvrir(Ecran.QUESTIONNAIRE)) }, modifier = Modifier.testTag("edit")) {
                            Icon(Icons.Filled.Edit, contentDescription = label)
                        }
                    }
                    view.myContract?.let { label ->
                        IconButton(onClick = { onEvent(Evenement.Ouvrir(Ecran.MON_CONTRAT)) }, modifier = Modifier.testTag("my-contract")) {
                            Icon(Icons.Filled.DateRange, contentDescription = label)
                        }
                    }
                    view.about?.let { label ->
                        IconButton(onClick = { onEvent(Evenement.Ouvrir(Ecran.A_PROPOS)) }, modifier = Modifier.testTag("about")) {
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
                Ecran.QUESTIONNAIRE -> QuestionnaireScreen(view.questionnaire, onEvent)
                Ecran.RESULTAT -> if (result != null) ResultScreen(result, onEvent)
                Ecran.COMPARAISON -> if (comparison != null) ComparisonScreen(comparison)
                Ecran.BASE_LEGALE -> if (legal != null) LegalBasisScreen(legal)
                Ecran.A_PROPOS -> AboutScreen(view.aboutScreen, onPickRuleFiles)
                Ecran.COUT_NET -> view.netCost?.let { NetCostScreen(it, onEvent) }
                Ecran.MON_CONTRAT -> MyContractScreen(view.contract, onEvent)
            }
        }
    }
    view.confirmation?.let { c ->
        AlertDialog(
            onDismissRequest = { onEvent(Evenement.Annuler) },
            title = { Text(c.title, modifier = Modifier.semantics { heading() }) },
            text = { Text(c.message) },
            confirmButton = {
                TextButton(onClick = { onEvent(Evenement.Confirmer) }, modifier = Modifier.testTag("confirm")) { Text(c.confirm) }
            },
            dismissButton = {
                TextButton(onClick = { onEvent(Evenement.Annuler) }, modifier = Modifier.testTag("cancel")) { Text(c.cancel) }
            },
        )
    }
}
