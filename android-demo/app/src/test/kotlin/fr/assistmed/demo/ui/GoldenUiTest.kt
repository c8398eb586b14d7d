// Every golden case the questionnaire can express, entered by taps and keys through the Compose
// screens against the real Rust library: the figures on screen must be the engine's
// (RuleStore.assess on the case's input), year by year and in total, shown and spoken.
package fr.assistmed.demo.ui

import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.junit4.v2.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import fr.assistmed.core.Ecran
import fr.assistmed.core.Langue
import fr.assistmed.sdk.RuleStore
import fr.assistmed.sdk.situationFromJson
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.runner.RunWith
import org.junit.runners.Parameterized
import java.math.BigDecimal

const val MIN_GOLDEN_CASES = 25

@RunWith(Parameterized::class)
class GoldenUiTest(private val name: String, private val case: GoldenCase, private val answers: List<Pair<String, String>>) {
    companion object {
        private val rules by lazy { RuleStore.embedded() }

        @JvmStatic
        @Parameterized.Parameters(name = "{0}")
        fun cases(): List<Array<Any>> {
            val out = loadCases()
                .filter { it.command == "simulate" && !it.expectsError }
                .mapNotNull { c -> answersOf(c.input)?.let { arrayOf<Any>(c.file, c, it) } }
            check(out.size >= MIN_GOLDEN_CASES) { "only ${out.size} golden cases expressible by the questionnaire" }
            return out
        }
    }

    @get:Rule
    val rule = createComposeRule()

    @Test
    fun sameFiguresOnScreenAsTheEngine() {
        val host = Host()
        rule.setContent { Phone(host) }
        rule.enter(host, answers)
        rule.onNodeWithTag("show-result").assertIsEnabled().performClick()
        rule.waitForIdle()
        assertEquals(Ecran.RESULTAT, host.view.screen)

        val expected = rules.assess(situationFromJson(case.input.toString(), Langue.FR), Langue.FR)
        assertEquals("options", expected.options.size, host.view.result!!.options.size)
        expected.options.forEachIndexed { i, o ->
            o.aid.forEachIndexed { y, cell ->
                val node = rule.onNodeWithTag("option:$i:year:$y").performScrollTo()
                val (label, amount) = node.texts()
                assertTrue("$label", label.startsWith("Année ${cell.year}"))
                assertFigure("${o.option} year ${cell.year}", cell.amount, amount, node.spoken())
            }
            if (o.available) {
                val node = rule.onNodeWithTag("option:$i:total").performScrollTo()
                assertFigure("${o.option} total", o.total, node.texts()[1], node.spoken())
            }
        }
    }

    private fun assertFigure(what: String, engine: BigDecimal?, shown: String, spoken: String) {
        if (engine == null) {
            assertEquals(what, "non publié", shown)
            return
        }
        assertTrue("$what: « $shown » has French spacing", shown.endsWith("\u00A0€"))
        assertEquals("$what shown « $shown »", 0, engine.compareTo(shownNumber(shown)))
        // Spoken without digit grouping: « 19000 euros ».
        val spokenNumber = Regex("(\\d+) euro").find(spoken)?.groupValues?.get(1)?.toBigDecimal()
        assertEquals("$what spoken « $spoken »", 0, engine.setScale(0, java.math.RoundingMode.DOWN).compareTo(spokenNumber))
    }
}
