// The Kotlin test runner shared by the bindings' and the Android demo's JVM tests, on JUnit 4
// (from Maven Central):
//
//  - JUnit test classes (@Test, @RunWith(Parameterized::class)…) run with [runJUnit];
//  - checks written in the harness style — `h.check("name") { ensure(…); ensureEquals(…) }` in a
//    `fun runSomethingTests(h: Harness, …)` called from Main.kt — run with [runChecks]: each
//    check is reported to JUnit as one test, and `ensure`/`ensureEquals`/`fail` are thin
//    wrappers over JUnit's assertions. Adding such a file = one call in Main.kt's register block.
//
// Both print one `FAIL name: message` line per failure and the closing line CI counts,
// `N passed, N failed`; their return value is the process exit status.
package fr.assistmed.testing

import fr.assistmed.core.AssistmedException
import org.junit.Assert
import org.junit.runner.Description
import org.junit.runner.JUnitCore
import org.junit.runner.Request
import org.junit.runner.Runner
import org.junit.runner.notification.Failure
import org.junit.runner.notification.RunListener
import org.junit.runner.notification.RunNotifier

/** A failed check (a JUnit assertion failure, not an error). */
class CheckFailed(message: String) : AssertionError(message)

fun fail(message: String): Nothing = throw CheckFailed(message)

fun ensure(condition: Boolean, message: () -> String) {
    if (!condition) fail(message())
}

fun <T> ensureEquals(expected: T, actual: T, what: String) {
    Assert.assertEquals(what, expected, actual)
}

/**
 * Named checks. Under [runChecks] each one is a JUnit test (started, failed, finished); created
 * alone (`Harness()`), it just counts and prints, as the old harness did.
 */
class Harness internal constructor(private val notifier: RunNotifier?, private val suite: String) {
    constructor() : this(null, "checks")

    var passed = 0
        private set
    var failed = 0
        private set

    /** Runs one named check; any exception or failed assertion counts as a failure. */
    fun check(name: String, body: () -> Unit) {
        val d = Description.createTestDescription(suite, name)
        notifier?.fireTestStarted(d)
        try {
            body()
            passed++
            if (System.getenv("ASSISTMED_VERBOSE") != null) println("ok   $name")
        } catch (e: Throwable) {
            failed++
            val why = if (e is AssistmedException) {
                AssertionError("unexpected AssistmedException: ${e.code()} ${e.field()} ${e.text()}", e)
            } else {
                e
            }
            if (notifier != null) notifier.fireTestFailure(Failure(d, why)) else report(name, why)
        } finally {
            notifier?.fireTestFinished(d)
        }
    }

    /** The closing line CI reads. */
    fun summary(): String = "$passed passed, $failed failed"
}

private fun report(name: String, e: Throwable) {
    if (e is AssertionError && e.cause == null) {
        println("FAIL $name: ${e.message}")
    } else {
        println("FAIL $name: ${e.javaClass.name}: ${e.message}")
        e.printStackTrace(System.out)
    }
}

/** Harness-style checks as one JUnit runner. */
private class ChecksRunner(private val suite: String, private val register: (Harness) -> Unit) : Runner() {
    override fun getDescription(): Description = Description.createSuiteDescription(suite)

    override fun run(notifier: RunNotifier) {
        val h = Harness(notifier, suite)
        try {
            register(h)
        } catch (e: Throwable) {
            // Outside any check (e.g. fixtures unreadable): one failed test says so.
            val d = Description.createTestDescription(suite, "setup")
            notifier.fireTestStarted(d)
            notifier.fireTestFailure(Failure(d, e))
            notifier.fireTestFinished(d)
        }
    }
}

private class Counter : RunListener() {
    var finished = 0
    var failed = 0
    var skipped = 0

    override fun testFinished(description: Description) {
        finished++
    }

    override fun testFailure(failure: Failure) {
        failed++
        report(failure.description.displayName, failure.exception)
    }

    override fun testIgnored(description: Description) {
        skipped++
    }

    override fun testAssumptionFailure(failure: Failure) {
        skipped++
    }
}

private fun run(requests: List<Request>): Int {
    val core = JUnitCore()
    val c = Counter()
    core.addListener(c)
    for (r in requests) core.run(r)
    val passed = c.finished - c.failed - c.skipped
    println(if (c.skipped > 0) "$passed passed, ${c.failed} failed, ${c.skipped} skipped" else "$passed passed, ${c.failed} failed")
    return if (c.failed == 0 && c.finished > 0) 0 else 1
}

/** Runs JUnit test classes. */
fun runJUnit(vararg classes: Class<*>): Int = run(classes.map { Request.aClass(it) })

/** Runs the harness-style checks [register] makes (then any JUnit classes) on JUnit. */
fun runChecks(suite: String, vararg classes: Class<*>, register: (Harness) -> Unit): Int =
    run(listOf(Request.runner(ChecksRunner(suite, register))) + classes.map { Request.aClass(it) })
