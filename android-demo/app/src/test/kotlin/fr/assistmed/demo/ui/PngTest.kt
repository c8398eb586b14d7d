// Each screen of a few representative cases, saved as PNG under target/android-demo-ui/ for
// review (a person looks at them; the figures themselves are checked by GoldenUiTest).
package fr.assistmed.demo.ui

import androidx.compose.ui.test.junit4.v2.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performClick
import fr.assistmed.core.Ecran
import fr.assistmed.core.Evenement
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.runner.RunWith
import org.junit.runners.Parameterized

@RunWith(Parameterized::class)
class PngTest(private val name: String) {
    companion object {
        /** A GP under the 2024 rules, a 2019 case, a specialist, a second assistant, a refusal. */
        val REPRESENTATIVE = listOf(
            "001-gp-2024-standard.json",
            "007-gp-2019-p30-p50.json",
            "010-gp-2019-p30-threshold-missed.json",
        )

        @JvmStatic
        @Parameterized.Parameters(name = "{0}")
        fun cases(): List<Array<Any>> {
            val all = loadCases().map { it.file }
            val extra = listOfNotNull(
                all.firstOrNull { it.contains("second") },
                all.firstOrNull { it.contains("specialist") || it.contains("-spe") },
            )
            return (REPRESENTATIVE.filter { it in all } + extra).distinct().map { arrayOf<Any>(it) }
        }
    }

    @get:Rule
    val rule = createComposeRule()

    @Test
    fun everyScreen() {
        val case = loadCases().first { it.file == name }
        val answers = answersOf(case.input) ?: return
        val host = Host()
        rule.setContent { Phone(host) }
        val stem = name.removeSuffix(".json")
        rule.png("$stem-0-questionnaire-empty")
        rule.enter(host, answers)
        rule.png("$stem-1-questionnaire")
        rule.onNodeWithTag("show-result").performClick()
        assertEquals(Ecran.RESULTAT, host.view.screen)
        val saved = mutableListOf(rule.png("$stem-2-result"))
        for ((i, s) in listOf(Ecran.COMPARAISON, Ecran.BASE_LEGALE, Ecran.A_PROPOS).withIndex()) {
            host.send(Evenement.Ouvrir(s))
            rule.waitForIdle()
            if (host.view.screen == s) saved += rule.png("$stem-${i + 3}-${s.name.lowercase()}")
            host.send(Evenement.Retour)
        }
        assertTrue(saved.all { it.length() > 5_000 })
    }
}
