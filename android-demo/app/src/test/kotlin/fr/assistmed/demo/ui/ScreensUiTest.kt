// What a doctor sees, beyond the figures: the pre-filled date to confirm, the confirmation
// before erasing, headings and spoken texts for screen readers, large fonts, no internal id —
// and a PNG of every screen of a few representative cases under target/ for review.
package fr.assistmed.demo.ui

import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.test.assert
import androidx.compose.ui.test.assertIsDisplayed
import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.hasContentDescription
import androidx.compose.ui.test.isDialog
import androidx.compose.ui.test.isHeading
import androidx.compose.ui.test.junit4.ComposeContentTestRule
import androidx.compose.ui.test.junit4.v2.createComposeRule
import androidx.compose.ui.test.onAllNodesWithTag
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onRoot
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextReplacement
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import fr.assistmed.core.Ecran
import fr.assistmed.core.Evenement
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test

/** GP, 2024 rules, 1 200 patients, P50–P70 (golden case 001). */
private val GP_2024 = listOf("signature_date" to "2025-01-15", "patientele_mt" to "1200", "percentile_band" to "p50_p70")

/** Every text of the current screens (merged semantics), to look for what must not be shown. */
private fun ComposeContentTestRule.allTexts(): String {
    val out = StringBuilder()
    fun walk(n: androidx.compose.ui.semantics.SemanticsNode) {
        n.config.getOrElse(SemanticsProperties.Text) { emptyList() }.forEach { out.append(it.text).append('\n') }
        n.config.getOrElse(SemanticsProperties.ContentDescription) { emptyList() }.forEach { out.append(it).append('\n') }
        n.children.forEach(::walk)
    }
    walk(onRoot(useUnmergedTree = true).fetchSemanticsNode())
    return out.toString()
}

class ScreensUiTest {
    @get:Rule
    val rule = createComposeRule()

    @Test
    fun theSignatureDateIsPrefilledAndMustBeConfirmed() {
        val host = Host()
        rule.setContent { Phone(host) }
        rule.onNodeWithTag("q:signature_date:confirm").assertIsDisplayed()
        rule.enter(host, GP_2024.drop(1))
        rule.onNodeWithTag("show-result").assertIsNotEnabled()
        rule.onNodeWithTag("pending").assertIsDisplayed()
        rule.png("prefilled-date-to-confirm")
        rule.onNodeWithTag("q:signature_date:confirm").performScrollTo().performClick()
        rule.onNodeWithTag("show-result").assertIsEnabled()
        assertTrue(host.model.takeWrites().any { it.nom == "simulation.json" && it.octets != null })
    }

    @Test
    fun aValidationMessageNamesTheQuestionNotItsKey() {
        val host = Host()
        rule.setContent { Phone(host) }
        rule.enter(host, listOf("signature_date" to "2025-01-15"))
        rule.onNodeWithTag("q:patientele_mt:field").performScrollTo().performTextReplacement("9999999")
        val error = rule.onNodeWithTag("q:patientele_mt:error").performScrollTo().texts().joinToString()
        assertTrue(error, error.startsWith("À corriger"))
        assertFalse(error, error.contains("patientele_mt"))
        rule.png("validation-message")
    }

    @Test
    fun newSimulationAsksBeforeErasing() {
        val host = Host()
        rule.setContent { Phone(host) }
        rule.enter(host, GP_2024)
        rule.onNodeWithTag("new-simulation").performClick()
        rule.onNodeWithTag("confirm").assertIsDisplayed()
        rule.png("new-simulation-confirmation", rule.onNode(isDialog()))
        rule.onNodeWithTag("cancel").performClick()
        assertNull(host.view.confirmation)
        rule.onNodeWithTag("show-result").assertIsEnabled()
        rule.onNodeWithTag("new-simulation").performClick()
        rule.onNodeWithTag("confirm").performClick()
        rule.onNodeWithTag("show-result").assertIsNotEnabled()
        assertEquals(Ecran.QUESTIONNAIRE, host.view.screen)
    }

    @Test
    fun headingsAndSpokenTexts() {
        val host = Host()
        rule.setContent { Phone(host) }
        rule.enter(host, GP_2024)
        rule.onNodeWithTag("show-result").performClick()
        rule.onNodeWithTag("title").assert(isHeading()).assertIsDisplayed()
        assertEquals(listOf("Résultat"), rule.onNodeWithTag("title").texts())
        rule.onNodeWithTag("verdict").assert(isHeading())
        rule.onNodeWithTag("back").assert(hasContentDescription("Retour"))
        rule.onNodeWithTag("about").assert(hasContentDescription("À propos"))
        rule.onNodeWithTag("edit").assert(hasContentDescription("Modifier les réponses"))
        // Each option is a heading; each amount says its figure without digit grouping.
        assertTrue(rule.onAllNodesWithTag("option:1").fetchSemanticsNodes().isNotEmpty())
        assertEquals("Année 1 : 19000 euros", rule.onNodeWithTag("option:1:year:0").performScrollTo().spoken())
        assertTrue(rule.onNodeWithTag("option:1:year:2").spoken().endsWith(", maximum"))
        rule.onNodeWithTag("compare").performScrollTo().performClick()
        val row = rule.onNodeWithTag("comparison:0").spoken()
        assertTrue(row, row.startsWith("Année 1 : ") && row.contains("19000 euros"))
    }

    @Test
    fun noInternalIdOrPathOnAnyScreen() {
        val host = Host()
        rule.setContent { Phone(host) }
        rule.enter(host, GP_2024)
        rule.onNodeWithTag("show-result").performClick()
        val seen = StringBuilder(rule.allTexts())
        for (s in listOf(Ecran.COMPARAISON, Ecran.BASE_LEGALE, Ecran.A_PROPOS)) {
            host.send(Evenement.Ouvrir(s))
            rule.waitForIdle()
            seen.append(rule.allTexts())
        }
        for (internal in listOf("convention-2024", "reglement-arbitral-2023", "avenant-7-2019", "core/rules", "patientele_mt", "secteur_1", "p50_p70")) {
            assertFalse("« $internal » shown", seen.contains(internal))
        }
        assertTrue(seen.contains("1er"))
    }

    @Test
    fun twiceTheFontSizeStillShowsEveryFigure() {
        val host = Host()
        var scale by mutableStateOf(1f)
        rule.setContent { Phone(host, fontScale = scale) }
        rule.enter(host, GP_2024)
        rule.onNodeWithTag("show-result").performClick()
        val total = rule.onNodeWithTag("option:1:total").performScrollTo()
        val at1x = total.texts()
        val height1x = total.fetchSemanticsNode().size.height
        scale = 2f
        rule.waitForIdle()
        val total2x = rule.onNodeWithTag("option:1:total").performScrollTo()
        total2x.assertIsDisplayed()
        assertEquals("same texts at 2x", at1x, total2x.texts())
        val height2x = total2x.fetchSemanticsNode().size.height
        assertTrue("the total line grows with the font ($height1x px -> $height2x px)", height2x >= height1x * 3 / 2)
        // The label and the amount share the width: with large fonts they wrap, never overflow.
        val phone = rule.onNodeWithTag("phone").fetchSemanticsNode().boundsInRoot
        for (y in 0 until host.view.result!!.options[1].years.size) {
            val b = rule.onNodeWithTag("option:1:year:$y").performScrollTo().fetchSemanticsNode().boundsInRoot
            assertTrue("year ${y + 1} inside the screen: $b in $phone", b.right <= phone.right && b.left >= phone.left)
        }
        rule.png("result-font-2x")
    }
}
