// Checks on the apps' files rather than on behaviour: the screens are pure (no Android API, no
// Android resources: every text from the core), the shells are thin, and nothing can reach a
// network (airplane mode).
package fr.assistmed.demo.ui

import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import java.io.File

private fun filesUnder(dir: File, vararg ext: String): List<File> =
    dir.walkTopDown().filter { f -> f.isFile && ext.any { f.name.endsWith(it) } }.sortedBy { it.path }.toList()

/** Lines of code: neither blank nor a comment. */
private fun codeLines(f: File): Int = f.readLines().map { it.trim() }.count { it.isNotEmpty() && !it.startsWith("//") && !it.startsWith("*") && !it.startsWith("/*") }

class StaticChecksTest {
    private val android = File(REPO, "android-demo/app/src/main")
    private val ui = File(android, "kotlin/fr/assistmed/demo/ui")
    private val ios = File(REPO, "ios-demo")

    @Test
    fun screensUseNoAndroidApiNorResource() {
        val files = filesUnder(ui, ".kt")
        assertTrue(files.size >= 6)
        val hits = files.flatMap { f ->
            listOf("import android.", "R.string", "stringResource", "LocalContext", "import androidx.activity").filter { f.readText().contains(it) }.map { "${f.name}: $it" }
        }
        assertEquals(emptyList<String>(), hits)
    }

    @Test
    fun theAndroidShellIsUnder150LinesOfCode() {
        val shell = filesUnder(File(android, "kotlin"), ".kt").filter { !it.path.startsWith(ui.path) }
        val n = shell.sumOf(::codeLines)
        println("android shell: ${shell.map { it.name }}: $n lines of code")
        assertTrue("$n lines", n < 150)
    }

    @Test
    fun theIosShellIsUnder150LinesOfCode() {
        val views = File(ios, "App/Views")
        val shell = filesUnder(ios, ".swift").filter { !it.path.startsWith(views.path) && !it.path.contains("/Tests/") }
        val n = shell.sumOf(::codeLines)
        println("iOS shell: ${shell.map { it.name }}: $n lines of code")
        assertTrue("$n lines", n < 150)
    }

    @Test
    fun noAppStateLeftInTheShells() {
        // What the core owns now: a copy in an app would drift from it.
        val gone = listOf("AnswersCodec", "AmountFormat", "Comparison.of", "NumberFormat", "DateFormatter", "JSONSerialization", "JsonParser")
        val hits = (filesUnder(File(android, "kotlin"), ".kt") + filesUnder(ios, ".swift").filter { !it.path.contains("/Tests/") })
            .flatMap { f -> gone.filter { f.readText().contains(it) }.map { "${f.name}: $it" } }
        assertEquals(emptyList<String>(), hits)
    }

    @Test
    fun airplaneModeNoNetworkingAnywhere() {
        val forbidden = listOf("java.net", "HttpURLConnection", "okhttp", "retrofit", "ktor", "Socket(", "WebView", "URLSession", "URLRequest", "import Network", "NWConnection", "WKWebView", "openURL", "Link(")
        val hits = (filesUnder(android, ".kt", ".java") + filesUnder(ios, ".swift")).flatMap { f ->
            forbidden.filter { f.readText().contains(it) }.map { "${f.name}: $it" }
        }
        assertEquals(emptyList<String>(), hits)
        val manifest = File(android, "AndroidManifest.xml").readText()
        assertTrue("a <uses-permission> is declared", !manifest.contains("<uses-permission"))
        assertTrue("allowBackup decided explicitly", manifest.contains("android:allowBackup=\"false\""))
    }
}
