// The golden cases of tests/cases/ as the apps' answers (the questionnaire's vocabulary): the
// same mapping as `vers_reponses` in core/tests/questionnaire.rs.
package fr.assistmed.demo.state

import fr.assistmed.testing.*

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import com.google.gson.JsonPrimitive
import fr.assistmed.core.Answer
import java.io.File
import java.math.BigDecimal

class GoldenCase(val file: String, val command: String, val input: JsonObject, val expectsError: Boolean)

fun loadCases(dir: File): List<GoldenCase> {
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

/** Case input → answers, or null when the questionnaire cannot express it (e.g. a running
 * 1/2 ETP contract: the questionnaire asks only about a 1 ETP one). */
fun answersOf(input: JsonObject): List<Answer>? {
    val out = ArrayList<Answer>()
    for ((k, v) in input.entrySet()) {
        when {
            k == "current_contract" -> {
                val c = v as? JsonObject ?: return null
                if (c.get("option")?.asString != "plein") return null
                out += Answer("current_contract", "true")
                out += Answer("current_contract.start", c.get("start")?.asString ?: return null)
                out += Answer("current_contract.objectives_reached", text(c.get("objectives_reached") ?: return null))
            }
            k == "clinical_fee_share" && v is JsonPrimitive && v.isString -> {
                val d = v.asString.toBigDecimalOrNull() ?: return null
                out += Answer(k, d.multiply(BigDecimal(100)).stripTrailingZeros().toPlainString())
            }
            else -> out += Answer(k, text(v))
        }
    }
    return out
}

/** A JSON scalar as the text an app stores ("1200", "true", "p50_p70"). */
private fun text(v: JsonElement): String =
    if (v is JsonPrimitive && v.isString) v.asString else v.toString()
