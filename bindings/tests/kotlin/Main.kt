// Kotlin tests of the Assistmed bindings, run on the JVM against the host library through JNA.
//
// usage: java -Djna.library.path=<dir of libassistmed_ffi.so> -cp … fr.assistmed.core.tests.MainKt <tests/cases>
// Prints one line per failed check and ends with `N passed, N failed`; exit status 1 on failure.
package fr.assistmed.core.tests

import fr.assistmed.core.AssistmedException
import fr.assistmed.core.Language
import fr.assistmed.core.PercentileBand
import fr.assistmed.core.Sector
import fr.assistmed.core.Simulator
import fr.assistmed.core.Situation
import fr.assistmed.core.assess
import java.io.File
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.system.exitProcess

const val THREADS = 8
const val CALLS_PER_THREAD = 150
const val TIMING_WARMUP = 2_000
const val TIMING_CALLS = 2_000

/** 8 threads at once, sharing one Simulator and the top-level functions; every answer must
 * equal the one computed alone beforehand. */
fun runConcurrency(h: Harness, cases: List<GoldenCase>, simulator: Simulator) {
    h.check("concurrency: $THREADS threads × $CALLS_PER_THREAD calls, identical results") {
        // (situation, expected tree or expected error code) computed on this thread first.
        val work = cases.mapNotNull { c -> situationOf(c.input)?.let { c to it } }
        ensure(work.isNotEmpty()) { "no case to run" }
        val expected = work.map { (c, s) ->
            runCatching { typedApi(c, TopLevelApi, s).toString() }.fold({ it }, { e -> "error:" + ((e as? AssistmedException)?.errorCode() ?: e.javaClass.name) })
        }
        val pool = Executors.newFixedThreadPool(THREADS)
        val start = CountDownLatch(1)
        try {
            val futures = (0 until THREADS).map { t ->
                pool.submit(Callable {
                    start.await()
                    val api = if (t % 2 == 0) SimulatorApi(simulator) else TopLevelApi
                    val mismatches = mutableListOf<String>()
                    for (i in 0 until CALLS_PER_THREAD) {
                        val k = (i * 7 + t) % work.size
                        val (c, s) = work[k]
                        val got = runCatching { typedApi(c, api, s).toString() }
                            .fold({ it }, { e -> "error:" + ((e as? AssistmedException)?.errorCode() ?: e.javaClass.name) })
                        if (got != expected[k]) mismatches += "thread $t call $i (${c.id}): ${got.take(120)}"
                    }
                    mismatches
                })
            }
            start.countDown()
            val all = futures.flatMap { it.get(300, TimeUnit.SECONDS) }
            ensure(all.isEmpty()) { "${all.size} different answers, first: ${all.first()}" }
        } finally {
            pool.shutdownNow()
        }
    }
}

/** The Kotlin example of bindings/README.md, verbatim between the markers. */
fun readmeUsageExample() {
    // README-BEGIN
    val s = Situation(signatureDate = "2025-01-15", specialty = "01", sector = Sector.SECTEUR1,
                      patienteleMt = 1200L, percentileBand = PercentileBand.P50P70)
    try { assess(s).options.forEach { println("${it.option.code()}: ${it.total ?: "—"} €") } }
    catch (e: AssistmedException) { println("${e.errorCode()} on ${e.errorField()}: ${e.messageIn(Language.FR)}") }
    // README-END
}

/** Mean time of one `assess` call from Kotlin, records lowered and lifted (informational). */
fun runTiming(h: Harness) {
    h.check("timing: assess round trip") {
        repeat(TIMING_WARMUP) { assess(GP_2025) }
        val t0 = System.nanoTime()
        repeat(TIMING_CALLS) { assess(GP_2025) }
        val micros = (System.nanoTime() - t0) / 1_000.0 / TIMING_CALLS
        println("kotlin→rust assess round trip: ${"%.1f".format(java.util.Locale.ROOT, micros)} µs/call ($TIMING_CALLS calls)")
        // For comparison: the same work returned as one JSON string (no record lifting).
        val json = fr.assistmed.core.situationToJson(GP_2025)
        repeat(TIMING_WARMUP) { fr.assistmed.core.assessJson(json) }
        val t1 = System.nanoTime()
        repeat(TIMING_CALLS) { fr.assistmed.core.assessJson(json) }
        val jsonMicros = (System.nanoTime() - t1) / 1_000.0 / TIMING_CALLS
        println("(info) kotlin→rust assessJson round trip: ${"%.1f".format(java.util.Locale.ROOT, jsonMicros)} µs/call ($TIMING_CALLS calls)")
    }
}

fun main(args: Array<String>) {
    val casesDir = File(args.firstOrNull() ?: System.getenv("ASSISTMED_CASES_DIR") ?: "tests/cases")
    val h = Harness()
    val cases = try {
        loadCases(casesDir)
    } catch (e: Exception) {
        println("FAIL loading golden cases from $casesDir: ${e.message}")
        println("0 passed, 1 failed")
        exitProcess(1)
    }
    h.check("golden cases present in $casesDir") { ensure(cases.isNotEmpty()) { "no *.json case" } }

    Simulator.embedded().use { simulator ->
        val unrepresentable = runGoldenCases(h, cases, simulator)
        println("golden cases: ${cases.size} run through the bindings ($unrepresentable inputs not expressible as typed records, all expecting errors)")
        runErrorTests(h)
        runApiTests(h, simulator)
        runFuzz(h, iterations = 500)
        runConcurrency(h, cases, simulator)
        h.check("README usage example") { readmeUsageExample() }
        runTiming(h)
    }

    println("${h.passed} passed, ${h.failed} failed")
    exitProcess(if (h.failed == 0) 0 else 1)
}
