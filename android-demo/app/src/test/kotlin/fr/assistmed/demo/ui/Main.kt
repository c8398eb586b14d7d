// Runs the JVM UI tests on JUnit 4 and prints the closing line CI counts, `N passed, N failed`
// (one line per failure before it). android-demo/scripts/test-jvm.sh calls it.
package fr.assistmed.demo.ui

import fr.assistmed.testing.runJUnit
import kotlin.system.exitProcess

fun main() {
    exitProcess(runJUnit(GoldenUiTest::class.java, ScreensUiTest::class.java, PngTest::class.java, StaticChecksTest::class.java, NetCostUiTest::class.java, MyContractUiTest::class.java))
}
