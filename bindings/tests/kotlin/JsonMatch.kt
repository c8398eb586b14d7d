// JSON tree comparison for the golden cases (the check harness itself is shared:
// tests/harness/kotlin/Harness.kt).
package fr.assistmed.sdk.tests

import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonObject
import com.google.gson.JsonPrimitive
import java.math.BigDecimal

/**
 * `expected` must be a subset of `actual` (tests/README.md): objects — every expected key exists
 * with a matching value; arrays — same length, element by element; scalars — equal (numbers by
 * value). Returns the first mismatch, or null.
 */
fun subsetMismatch(expected: JsonElement, actual: JsonElement, path: String = "$"): String? =
    compare(expected, actual, path, exact = false)

/** Exact equality of two trees (key order ignored, numbers by value). */
fun exactMismatch(expected: JsonElement, actual: JsonElement, path: String = "$"): String? =
    compare(expected, actual, path, exact = true)

private fun compare(e: JsonElement, a: JsonElement, path: String, exact: Boolean): String? {
    when {
        e is JsonObject -> {
            if (a !is JsonObject) return "$path: expected an object, got ${short(a)}"
            for ((k, ve) in e.entrySet()) {
                val va = a.get(k) ?: return "$path.$k: missing in output"
                compare(ve, va, "$path.$k", exact)?.let { return it }
            }
            if (exact) {
                val extra = a.keySet() - e.keySet()
                if (extra.isNotEmpty()) return "$path: unexpected keys $extra"
            }
            return null
        }
        e is JsonArray -> {
            if (a !is JsonArray) return "$path: expected an array, got ${short(a)}"
            if (e.size() != a.size()) return "$path: expected ${e.size()} elements, got ${a.size()}: ${short(a)}"
            for (i in 0 until e.size()) compare(e[i], a[i], "$path[$i]", exact)?.let { return it }
            return null
        }
        e.isJsonNull -> return if (a.isJsonNull) null else "$path: expected null, got ${short(a)}"
        e is JsonPrimitive -> {
            if (a !is JsonPrimitive) return "$path: expected $e, got ${short(a)}"
            val same = when {
                // Money and ratios of the typed records (JsonTree.decimal): the core writes them
                // as decimal text; the BigDecimal must have that value (its scale may differ).
                e.isString && a.isNumber && a.asNumber is BigDecimal ->
                    e.asString.toBigDecimalOrNull()?.let { it.compareTo(a.asBigDecimal) == 0 } ?: false
                e.isNumber && a.isNumber -> e.asBigDecimal.compareTo(a.asBigDecimal) == 0
                e.isNumber || a.isNumber -> false
                else -> e == a
            }
            return if (same) null else "$path: expected $e, got $a"
        }
        else -> return "$path: unsupported expected value $e"
    }
}

private fun short(v: JsonElement): String = v.toString().let { if (it.length > 160) it.take(160) + "…" else it }
