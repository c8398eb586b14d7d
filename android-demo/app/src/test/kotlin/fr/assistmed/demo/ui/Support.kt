// What the UI tests share: the app host (the same two lines of state the Android ViewModel
// keeps), the golden cases as answers, and the gestures a doctor makes to enter them.
package fr.assistmed.demo.ui

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.size
import androidx.compose.material3.MaterialTheme
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.toAwtImage
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.test.SemanticsNodeInteraction
import androidx.compose.ui.test.captureToImage
import androidx.compose.ui.test.junit4.ComposeContentTestRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextReplacement
import androidx.compose.ui.unit.Density
import androidx.compose.ui.unit.dp
import com.google.gson.JsonElement
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import com.google.gson.JsonPrimitive
import fr.assistmed.core.Evenement
import fr.assistmed.core.TypeQuestion
import fr.assistmed.core.VueApp
import fr.assistmed.core.VueQuestion
import fr.assistmed.sdk.AppModel
import java.io.File
import java.math.BigDecimal
import java.time.LocalDate
import javax.imageio.ImageIO

val REPO: File = File(System.getProperty("assistmed.repo") ?: ".").absoluteFile
val PNG_DIR: File = File(System.getProperty("assistmed.pngDir") ?: "target/android-demo-ui")

/** The app as the Android shell runs it, minus the platform: one model, its view as state. */
class Host(val model: AppModel = AppModel(emptyMap(), LocalDate.of(2026, 12, 1), "fr")) {
    var view: VueApp by mutableStateOf(model.view())
        private set
    var events = 0
        private set

    fun send(e: Evenement) {
        events++
        view = model.send(e)
    }
}

/** A phone-sized frame (411 × 891 dp, a common Android size) at a given font scale. */
@Composable
fun Phone(host: Host, fontScale: Float = 1f) {
    val d = LocalDensity.current
    CompositionLocalProvider(LocalDensity provides Density(d.density, fontScale)) {
        MaterialTheme {
            Box(Modifier.size(411.dp, 891.dp).testTag("phone")) {
                AssistmedContent(host.view, host::send, onPickRuleFiles = {})
            }
        }
    }
}

class GoldenCase(val file: String, val command: String, val input: JsonObject, val expectsError: Boolean)

fun loadCases(): List<GoldenCase> {
    val dir = File(System.getenv("ASSISTMED_CASES_DIR") ?: File(REPO, "tests/cases").path)
    val files = dir.listFiles { f -> f.isFile && f.name.endsWith(".json") }?.sortedBy { it.name }
        ?: throw IllegalArgumentException("golden cases directory not found: $dir")
    return files.map { f ->
        val o = JsonParser.parseString(f.readText()).asJsonObject
        GoldenCase(
            file = f.name,
            command = o.get("command")?.takeUnless { it.isJsonNull }?.asString ?: "simulate",
            input = o.getAsJsonObject("input") ?: JsonObject(),
            expectsError = o.getAsJsonObject("expect")?.has("error") == true,
        )
    }
}

/** Case input → (question id, answer text) in the case's order, or null when the questionnaire
 * cannot express it (a running 1/2 ETP contract: it only asks about a 1 ETP one). */
fun answersOf(input: JsonObject): List<Pair<String, String>>? {
    val out = ArrayList<Pair<String, String>>()
    for ((k, v) in input.entrySet()) {
        when {
            k == "current_contract" -> {
                val c = v as? JsonObject ?: return null
                if (c.get("option")?.asString != "plein") return null
                out += "current_contract" to "true"
                out += "current_contract.start" to (c.get("start")?.asString ?: return null)
                out += "current_contract.objectives_reached" to text(c.get("objectives_reached") ?: return null)
            }
            k == "clinical_fee_share" && v is JsonPrimitive && v.isString -> {
                val d = v.asString.toBigDecimalOrNull() ?: return null
                out += k to d.multiply(BigDecimal(100)).stripTrailingZeros().toPlainString()
            }
            else -> out += k to text(v)
        }
    }
    return out
}

private fun text(v: JsonElement): String = if (v is JsonPrimitive && v.isString) v.asString else v.toString()

/** "2025-01-15" as typed in the date field: "15/01/2025". */
fun typedDate(iso: String): String = iso.split('-').let { (y, m, d) -> "$d/$m/$y" }

/**
 * Enters [answers] as a doctor does: a tap on a radio choice, a tap on a drop-down then on the
 * choice, or the text typed into a field. A question that is not shown yet (it depends on an
 * earlier answer) is answered once it appears. Returns the number of gestures.
 */
fun ComposeContentTestRule.enter(
    host: Host,
    answers: List<Pair<String, String>>,
    questions: () -> List<VueQuestion> = { host.view.questionnaire.questions },
): Int {
    var gestures = 0
    val left = answers.toMutableList()
    while (left.isNotEmpty()) {
        val shown = questions().associateBy { it.id }
        val next = left.firstOrNull { it.first in shown }
            ?: throw AssertionError("questions never shown: ${left.map { it.first }} (shown: ${shown.keys})")
        left.remove(next)
        val (id, value) = next
        val q = shown.getValue(id)
        when (q.kind) {
            TypeQuestion.CHOICE, TypeQuestion.YES_NO -> {
                if (!q.radio) {
                    onNodeWithTag("q:$id:field").performScrollTo().performClick()
                    gestures++
                    waitForIdle()
                }
                onNodeWithTag("q:$id:$value").performScrollTo().performClick()
            }
            TypeQuestion.DATE -> onNodeWithTag("q:$id:field").performScrollTo().performTextReplacement(typedDate(value))
            TypeQuestion.COUNT, TypeQuestion.PERCENTAGE ->
                onNodeWithTag("q:$id:field").performScrollTo().performTextReplacement(value)
        }
        gestures++
        waitForIdle()
    }
    return gestures
}

/** The texts of a node (merged: a label and its amount). */
fun SemanticsNodeInteraction.texts(): List<String> =
    fetchSemanticsNode().config.getOrElse(SemanticsProperties.Text) { emptyList() }.map { it.text }

fun SemanticsNodeInteraction.spoken(): String =
    fetchSemanticsNode().config.getOrElse(SemanticsProperties.ContentDescription) { emptyList() }.joinToString(" ")

/** The number in a displayed amount: « 19 000 € » → 19000, "€19,000.50" → 19000.50. */
fun shownNumber(s: String, french: Boolean = true): BigDecimal? {
    val kept = s.filter { it.isDigit() || it == (if (french) ',' else '.') }.replace(',', '.')
    return kept.toBigDecimalOrNull()
}

/** Saves what the phone frame (or [node], e.g. a dialog) shows as a PNG under [PNG_DIR]. */
fun ComposeContentTestRule.png(name: String, node: SemanticsNodeInteraction? = null): File {
    waitForIdle()
    PNG_DIR.mkdirs()
    val f = File(PNG_DIR, "$name.png")
    ImageIO.write((node ?: onNodeWithTag("phone")).captureToImage().toAwtImage(), "png", f)
    return f
}
