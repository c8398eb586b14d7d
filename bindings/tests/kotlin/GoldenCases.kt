// Every golden case of tests/cases/ through the bindings, on one RuleStore:
//   1. the JSON API (assessJson, `simulate` cases), parsed with Gson;
//   2. the typed API on a situation read by situationFromJson;
//   3. the typed API on a Situation record built field by field in Kotlin;
// then the typed result, turned into a JSON tree, must equal EXACTLY the core's own JSON output
// for the case: what the CLI prints (`assistmed simulate --input - --json`, `assistmed timeline
// … --json`), written by bindings/scripts/make-test-fixtures.sh into $ASSISTMED_CORE_JSON. So
// does the output of assessJson. (`second_assistant` cases have no CLI command: their record is
// compared exactly inside the `simulate` cases that have a running contract.)
// Paths 1 and 2 ask for French, path 3 for English: an expected error must come in that language.
package fr.assistmed.sdk.tests

import fr.assistmed.testing.*

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import fr.assistmed.core.CodeErreur
import fr.assistmed.core.Langue
import fr.assistmed.core.Situation
import fr.assistmed.core.AssistmedException
import fr.assistmed.sdk.RuleStore
import fr.assistmed.sdk.situationFromJson
import java.io.File

class GoldenCase(
    val file: String,
    val id: String,
    val command: String,
    val input: JsonObject,
    val option: String?,
    val start: String?,
    val expect: JsonObject,
) {
    /** The input document, as sent to the JSON API and to situationFromJson. */
    val inputText: String get() = input.toString()
}

fun loadCases(dir: File): List<GoldenCase> {
    val files = dir.listFiles { f -> f.isFile && f.name.endsWith(".json") }?.sortedBy { it.name }
        ?: throw IllegalArgumentException("golden cases directory not found: $dir")
    return files.map { f ->
        val o = JsonParser.parseString(f.readText()).asJsonObject
        fun str(k: String): String? = o.get(k)?.takeUnless { it.isJsonNull }?.asString
        GoldenCase(
            file = f.name,
            id = str("id") ?: f.nameWithoutExtension,
            command = str("command") ?: "simulate",
            input = o.getAsJsonObject("input") ?: JsonObject(),
            option = str("option"),
            start = str("start"),
            expect = o.getAsJsonObject("expect") ?: JsonObject(),
        )
    }
}

/** Words that only a French text has (an English message of the core has none of them). */
private val FRENCH = Regex("""\b(attendu|attendue|entre|est|le|la|les|du|des|une?|pour|avant|après|doit|sans|inconnu|inconnue|manquant|champ|valeur|vaut|ligne|requis|illisible)\b|[éèàç«»]""")

/**
 * Checks that `e` is the SDK's exception for `code` on `field`, its text in `langue`: the kind,
 * `code()`, `field()`, and `message` = `text()` = the record's text.
 */
fun ensureTypedError(e: Throwable?, code: String, field: String?, langue: Langue? = null) {
    if (e == null) fail("expected error $code on $field, got a result")
    if (e !is AssistmedException.Failure) fail("expected AssistmedException.Failure ($code on $field), got ${e.javaClass.name}: ${e.message}")
    ensureEquals(code, e.kind.jsonCode(), "error kind")
    ensureEquals(code, e.code(), "code()")
    ensureEquals(e.kind, e.kind(), "kind()")
    ensureEquals(field, e.field, "error field")
    ensureEquals(field, e.field(), "field()")
    ensureEquals(e.text, e.message, "message")
    ensureEquals(e.text, e.text(), "text()")
    ensure(e.text.isNotBlank()) { "empty message" }
    when (langue) {
        Langue.FR -> ensure(FRENCH.containsMatchIn(e.text)) { "not French: ${e.text}" }
        // (English texts may quote French domain terms and values: checked against the French
        // text of the same error instead, see runGoldenCases.)
        Langue.EN, null -> {}
    }
}

/** Checks an outcome against the case's `expect` (output subset, caveats, or error). */
fun verify(case: GoldenCase, outcome: Result<JsonElement>, langue: Langue) {
    val error = case.expect.get("error")?.takeUnless { it.isJsonNull }?.asJsonObject
    if (error != null) {
        val code = error.get("code").asString
        val field = error.get("field")?.takeUnless { it.isJsonNull }?.asString
        ensureTypedError(outcome.exceptionOrNull(), code, field, langue)
        return
    }
    val out = outcome.getOrThrow()
    case.expect.get("output")?.let { expected -> subsetMismatch(expected, out)?.let { fail(it) } }
    case.expect.get("caveats_include")?.asJsonArray?.let { codes ->
        val present = out.asJsonObject.getAsJsonArray("caveats").map { it.asJsonObject.get("code").asString }
        for (c in codes.map { it.asString }) ensure(c in present) { "caveat `$c` missing; present: $present" }
    }
}

/** The core's JSON output for `case` (make-test-fixtures.sh), or null when the core refused it. */
fun coreJson(dir: File, case: GoldenCase): JsonElement? =
    File(dir, case.file).takeIf { it.isFile }?.let { JsonParser.parseString(it.readText()) }

/** Whether the case's own arguments (timeline option and start) can be typed; the situation aside. */
fun argumentsTypable(case: GoldenCase): Boolean =
    case.command != "timeline" || (formuleOf(case.option) != null && (case.start == null || isoDate(case.start) != null))

fun typedApi(case: GoldenCase, store: RuleStore, s: Situation, langue: Langue = Langue.FR): JsonElement = when (case.command) {
    "simulate" -> store.assess(s, langue).toJson()
    "timeline" -> {
        val option = formuleOf(case.option) ?: fail("option `${case.option}` is not a Formule code")
        val start = case.start?.let { isoDate(it) ?: fail("start `${case.start}` is not a date") }
        store.timeline(s, option, langue, start).toJson()
    }
    "second_assistant" -> store.secondAssistant(s, langue).toJson()
    else -> fail("unknown command ${case.command}")
}

/** Runs every case; returns how many inputs could not be expressed as typed records. */
fun runGoldenCases(h: Harness, cases: List<GoldenCase>, store: RuleStore, coreJsonDir: File?): Int {
    var unrepresentable = 0
    h.check("core JSON outputs present (\$ASSISTMED_CORE_JSON = $coreJsonDir)") {
        ensure(coreJsonDir != null && coreJsonDir.isDirectory) { "run bindings/scripts/test-kotlin.sh (it writes them)" }
    }
    for (case in cases) {
        val tag = "${case.file} (${case.id})"
        val viaJson = if (case.command == "simulate") {
            runCatching { JsonParser.parseString(store.assessJson(case.inputText, Langue.FR)) }.also {
                h.check("$tag [assessJson]") { verify(case, it, Langue.FR) }
            }
        } else {
            null
        }

        val typable = argumentsTypable(case)
        val viaTyped = if (typable) {
            runCatching { typedApi(case, store, situationFromJson(case.inputText, Langue.FR), Langue.FR) }
        } else {
            // A timeline start that is not a date: no LocalDate can carry it (its own typed error
            // is the core's, checked in core/tests and through the CLI).
            null
        }
        h.check("$tag [typed api, situationFromJson]") {
            if (viaTyped == null) {
                ensure(case.expect.has("error")) { "arguments not typable but no error expected" }
            } else {
                verify(case, viaTyped, Langue.FR)
            }
        }

        val record = if (typable) situationOf(case.input) else null
        if (record == null) {
            // Unknown enum code, missing required field, a date or count no typed field can hold.
            unrepresentable++
            h.check("$tag [typed record]") {
                ensure(case.expect.has("error")) { "input cannot be built as a Situation record but no error is expected" }
            }
        } else {
            val viaRecord = runCatching { typedApi(case, store, record, Langue.EN) }
            h.check("$tag [typed record]") {
                verify(case, viaRecord, Langue.EN)
                // The same error asked in English and in French: two different texts.
                val en = viaRecord.exceptionOrNull() as? AssistmedException
                val fr = viaTyped?.exceptionOrNull() as? AssistmedException
                if (en != null && fr != null) ensure(en.text() != fr.text()) { "same text in English and French: ${en.text()}" }
            }
        }

        if (case.command != "second_assistant" && !case.expect.has("error") && coreJsonDir != null) {
            val core = coreJson(coreJsonDir, case)
            h.check("$tag [typed = core json, exact]") {
                if (core == null) fail("the CLI refused the case (no ${case.file} in $coreJsonDir)")
                exactMismatch(core, (viaTyped ?: fail("not typable")).getOrThrow())?.let { fail(it) }
            }
            if (viaJson != null) {
                h.check("$tag [assessJson = core json, exact]") {
                    if (core == null) fail("the CLI refused the case")
                    exactMismatch(core, viaJson.getOrThrow())?.let { fail(it) }
                }
            }
        }
    }
    return unrepresentable
}

/** Every stable code has its kind (exhaustive `when`: a new kind breaks the build). */
val ALL_CODES: List<String> = CodeErreur.values().map { it.jsonCode() }
