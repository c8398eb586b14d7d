// Checks on the apps' files rather than on behaviour: airplane mode (no networking anywhere),
// plain Kotlin for the state package, French + English strings complete on both apps.
package fr.assistmed.demo.state

import fr.assistmed.testing.*

import java.io.File
import java.util.zip.ZipFile

private fun filesUnder(dir: File, vararg ext: String): List<File> =
    dir.walkTopDown().filter { f -> f.isFile && ext.any { f.name.endsWith(it) } }.sortedBy { it.path }.toList()

/** `"name" → text` of an Android strings.xml (string entries only). */
private fun androidStrings(f: File): Map<String, String> =
    Regex("<string\\s+name=\"([^\"]+)\"[^>]*>(.*?)</string>", RegexOption.DOT_MATCHES_ALL)
        .findAll(f.readText()).associate { it.groupValues[1] to it.groupValues[2] }

/** Keys of an Apple Localizable.strings file (`"key" = "value";`). */
private fun appleStrings(f: File): Map<String, String> =
    Regex("^\\s*\"((?:[^\"\\\\]|\\\\.)+)\"\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*;", RegexOption.MULTILINE)
        .findAll(f.readText()).associate { it.groupValues[1] to it.groupValues[2] }

/** Format placeholders of a string (`%1$s`, `%d`, `%@`, `%lld`…), in order. */
private fun placeholders(s: String): List<String> =
    Regex("%(\\d+\\$)?(lld|ld|d|s|@|f)").findAll(s).map { it.value }.toList()

fun runStaticChecks(h: Harness, repo: File, stateJar: File?) {
    val android = File(repo, "android-demo/app/src/main")
    val stateDir = File(android, "kotlin/fr/assistmed/demo/state")
    val ios = File(repo, "ios-demo")

    h.check("airplane mode: no class of the state package references java.net (bytecode)") {
        val jar = stateJar ?: fail("state jar not given (-Dassistmed.stateJar)")
        ZipFile(jar).use { z ->
            val classes = z.entries().toList().filter { it.name.endsWith(".class") }
            ensure(classes.isNotEmpty()) { "no class in $jar" }
            val offenders = classes.filter { e ->
                String(z.getInputStream(e).readBytes(), Charsets.ISO_8859_1).contains("java/net/")
            }
            ensure(offenders.isEmpty()) { "java/net referenced by ${offenders.map { it.name }}" }
        }
    }

    h.check("airplane mode: no networking API in the Android app's sources") {
        val forbidden = listOf("java.net", "HttpURLConnection", "okhttp", "retrofit", "ktor", "Socket(", "WebView")
        val hits = filesUnder(android, ".kt", ".java").flatMap { f ->
            forbidden.filter { f.readText().contains(it) }.map { "${f.name}: $it" }
        }
        ensure(hits.isEmpty()) { hits.joinToString() }
    }

    h.check("airplane mode: the Android manifest asks for no permission at all (so no INTERNET)") {
        val manifest = File(android, "AndroidManifest.xml").readText()
        ensure(!Regex("<uses-permission").containsMatchIn(manifest)) { "a <uses-permission> is declared" }
        ensure(manifest.contains("android:allowBackup")) { "allowBackup decided explicitly" }
    }

    h.check("airplane mode: no networking API nor network entitlement in the iOS app") {
        val forbidden = listOf("URLSession", "URLRequest", "import Network", "NWConnection", "WKWebView", "openURL", "Link(")
        val hits = filesUnder(ios, ".swift").flatMap { f ->
            forbidden.filter { f.readText().contains(it) }.map { "${f.name}: $it" }
        } + filesUnder(ios, ".entitlements", ".plist", ".yml").filter { it.readText().contains("network") }.map { "${it.name}: network" }
        ensure(filesUnder(ios, ".swift").isNotEmpty()) { "no Swift file under $ios" }
        ensure(hits.isEmpty()) { hits.joinToString() }
    }

    h.check("Android UI sources: no Kotlin syntax error (kotlinc without the Android SDK: syntax only)") {
        val report = System.getProperty("assistmed.androidSyntaxReport")?.let(::File) ?: fail("no report given (-Dassistmed.androidSyntaxReport)")
        ensure(report.isFile) { "report missing: $report" }
        val lines = report.readLines()
        val syntax = lines.filter { it.contains("syntax error") }
        ensure(syntax.isEmpty()) { syntax.joinToString(" | ") }
        // The check must have seen the files: kotlinc reports the Android types it cannot resolve.
        ensure(lines.any { it.contains("unresolved reference") }) { "kotlinc did not analyse the UI sources: ${lines.take(3)}" }
    }

    h.check("the tap model of the tests matches both UIs (inline choices up to ${Finger.RADIO_MAX}, one answer per keystroke)") {
        val compose = File(android, "kotlin/fr/assistmed/demo/ui/QuestionnaireScreen.kt").readText()
        ensure(compose.contains("private const val RADIO_MAX = ${Finger.RADIO_MAX}")) { "Android threshold differs" }
        ensure(compose.contains("onValueChange = { onAnswer(q.id, it.trim()) }")) { "Android text fields do not answer at each keystroke" }
        val swiftUi = File(ios, "App/Views/QuestionnaireScreen.swift").readText()
        ensure(swiftUi.contains("private let inlineChoicesMax = ${Finger.RADIO_MAX}")) { "iOS threshold differs" }
        ensure(swiftUi.contains("set: { onAnswer(\$0.trimmingCharacters(in: .whitespaces)) }")) { "iOS text fields do not answer at each keystroke" }
    }

    h.check("the state package is plain Kotlin: no android/androidx import") {
        val files = filesUnder(stateDir, ".kt")
        ensure(files.isNotEmpty()) { "no source in $stateDir" }
        val hits = files.filter { Regex("^import (android|androidx)\\.", RegexOption.MULTILINE).containsMatchIn(it.readText()) }
        ensure(hits.isEmpty()) { hits.joinToString { it.name } }
    }

    h.check("Android strings: French (default) and English have the same keys and placeholders") {
        val fr = androidStrings(File(android, "res/values/strings.xml"))
        val en = androidStrings(File(android, "res/values-en/strings.xml"))
        ensure(fr.size >= 20) { "only ${fr.size} French strings" }
        ensureEquals(fr.keys.sorted(), en.keys.sorted(), "keys")
        val diff = fr.keys.filter { placeholders(fr.getValue(it)) != placeholders(en.getValue(it)) }
        ensure(diff.isEmpty()) { "placeholders differ: $diff" }
    }

    h.check("Android strings: every R.string used by the app exists") {
        val fr = androidStrings(File(android, "res/values/strings.xml")).keys
        val used = filesUnder(android, ".kt").flatMap { f -> Regex("R\\.string\\.(\\w+)").findAll(f.readText()).map { it.groupValues[1] } }.toSet()
        ensure(used.isNotEmpty()) { "no R.string use found" }
        val missing = used - fr
        ensure(missing.isEmpty()) { "missing: $missing" }
    }

    h.check("iOS strings: French and English Localizable.strings have the same keys and placeholders") {
        val fr = appleStrings(File(ios, "App/Resources/fr.lproj/Localizable.strings"))
        val en = appleStrings(File(ios, "App/Resources/en.lproj/Localizable.strings"))
        ensure(fr.size >= 20) { "only ${fr.size} French strings" }
        ensureEquals(fr.keys.sorted(), en.keys.sorted(), "keys")
        val diff = fr.keys.filter { placeholders(fr.getValue(it)) != placeholders(en.getValue(it)) }
        ensure(diff.isEmpty()) { "placeholders differ: $diff" }
    }

    h.check("iOS strings: every key the SwiftUI code uses exists") {
        val fr = appleStrings(File(ios, "App/Resources/fr.lproj/Localizable.strings")).keys
        // Keys are dotted identifiers ("result.verdict"), used as literals (SF Symbol names,
        // after `systemImage:`, are not keys).
        val used = filesUnder(ios, ".swift").flatMap { f ->
            Regex("(?<!systemImage: )\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9_]+)+)\"").findAll(f.readText()).map { it.groupValues[1] }
        }.filter { !it.startsWith("fr.assistmed") && !it.endsWith(".json") && !it.endsWith(".sig") && !it.endsWith(".txt") }.toSet()
        ensure(used.isNotEmpty()) { "no key found in the Swift sources" }
        val missing = used - fr
        ensure(missing.isEmpty()) { "missing: $missing" }
    }
}
