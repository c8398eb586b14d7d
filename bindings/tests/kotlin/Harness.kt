// A tiny test harness (no JUnit needed): named checks, one line per failure, and the closing
// line `N passed, N failed` that CI counts.
package fr.assistmed.core.tests

import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonObject
import com.google.gson.JsonPrimitive
import fr.assistmed.core.AssistmedException

class CheckFailed(message: String) : Exception(message)

fun fail(message: String): Nothing = throw CheckFailed(message)

fun ensure(condition: Boolean, message: () -> String) {
    if (!condition) fail(message())
}

fun <T> ensureEquals(expected: T, actual: T, what: String) {
    if (expected != actual) fail("$what: expected <$expected>, got <$actual>")
}

class Harness {
    var passed = 0
        private set
    var failed = 0
        private set

    /** Runs one named check; any exception or failed assertion counts as a failure. */
    fun check(name: String, body: () -> Unit) {
        try {
            body()
            passed++
        } catch (e: CheckFailed) {
            failed++
            println("FAIL $name: ${e.message}")
        } catch (e: AssistmedException) {
            failed++
            println("FAIL $name: unexpected ${e.javaClass.simpleName}: ${e.errorCode()} ${e.errorField()} ${e.messageIn(fr.assistmed.core.Language.EN)}")
        } catch (e: Throwable) {
            failed++
            println("FAIL $name: unexpected ${e.javaClass.name}: ${e.message}")
        }
    }
}

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
