// A tiny test harness shared by the Kotlin test programs (bindings, Android demo), no JUnit
// needed: named checks, one line per failure, and the closing line `N passed, N failed` that CI
// counts.
package fr.assistmed.testing

import fr.assistmed.core.AssistmedException
import fr.assistmed.core.Language

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
            if (System.getenv("ASSISTMED_VERBOSE") != null) println("ok   $name")
        } catch (e: CheckFailed) {
            failed++
            println("FAIL $name: ${e.message}")
        } catch (e: AssistmedException) {
            failed++
            println("FAIL $name: unexpected ${e.javaClass.simpleName}: ${e.errorCode()} ${e.errorField()} ${e.messageIn(Language.EN)}")
        } catch (e: Throwable) {
            failed++
            println("FAIL $name: unexpected ${e.javaClass.name}: ${e.message}")
            e.printStackTrace(System.out)
        }
    }

    /** The closing line CI reads. */
    fun summary(): String = "$passed passed, $failed failed"
}
