// JVM tests of the Android app's state holder (plain Kotlin), against the host Rust library
// through the generated bindings and JNA. Run by android-demo/scripts/test-jvm.sh:
//
//   java -Djna.library.path=target/debug -Dassistmed.stateJar=<state jar> -cp … fr.assistmed.demo.state.MainKt <repo root>
//
// Prints one line per failed check and ends with `N passed, N failed`; exit status 1 on failure.
package fr.assistmed.demo.state

import fr.assistmed.testing.*

import java.io.File
import kotlin.system.exitProcess

fun main(args: Array<String>) {
    val repo = File(args.firstOrNull() ?: ".").absoluteFile
    val cases = File(System.getenv("ASSISTMED_CASES_DIR") ?: File(repo, "tests/cases").path)
    val screens = File(repo, "android-demo/app/src/test/resources/golden-screens.txt")
    val stateJar = System.getProperty("assistmed.stateJar")?.let(::File)
    val h = Harness()
    runStateTests(h)
    runBundleTests(h)
    runGoldenTests(h, cases, screens)
    runStaticChecks(h, repo, stateJar)
    println(h.summary())
    exitProcess(if (h.failed == 0) 0 else 1)
}
