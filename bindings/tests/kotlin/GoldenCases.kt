// Every golden case of tests/cases/ through the bindings, on one RuleStore:
//   1. the JSON API (assessJson, `simulate` cases), parsed with Gson;
//   2. the typed API on a situation read by situationFromJson;
//   3. the typed API on a Situation record built field by field in Kotlin;
// then the typed result, turned into a JSON tree, must equal EXACTLY the core's own JSON output
// for the case: what the CLI prints (`assistmed simulate --input - --json`, `assistmed timeline
// … --json`), written by bindings/scripts/make-test-fixtures.sh into $ASSISTMED_CORE_JSON. So
// does the output of assessJson. (`second_assistant` cases have no CLI command: their record is
// compared exactly inside the `simulate` cases that have a running contract.)
package fr.assistmed.core.tests

import fr.assistmed.testing.*

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import fr.assistmed.core.AssistmedException
import fr.assistmed.core.Language
import fr.assistmed.core.RuleStore
import fr.assistmed.core.Situation
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

/** Code, field and both messages of any variant (exhaustive: a new variant breaks the build). */
fun errorParts(e: AssistmedException): List<String?> = when (e) {
    is AssistmedException.RequiredField -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.OutOfRange -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.UnknownValue -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.InvalidDate -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.OutOfPeriod -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.Inconsistent -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.OptionUnavailable -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.InvalidJson -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.InvalidRules -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.SignatureInvalid -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.SignatureRejected -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.BundleUnreadable -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.UnsupportedSchema -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.BundleNotNewer -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.InvalidKey -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.TooLarge -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.BundleBelowFloor -> listOf(e.code, e.field, e.messageFr, e.messageEn)
    is AssistmedException.Internal -> listOf(e.code, e.field, e.messageFr, e.messageEn)
}

/** Stable code → the Kotlin exception class that must carry it. */
val ERROR_CLASSES: Map<String, Class<out AssistmedException>> = mapOf(
    "champ_requis" to AssistmedException.RequiredField::class.java,
    "hors_bornes" to AssistmedException.OutOfRange::class.java,
    "valeur_inconnue" to AssistmedException.UnknownValue::class.java,
    "date_invalide" to AssistmedException.InvalidDate::class.java,
    "hors_periode" to AssistmedException.OutOfPeriod::class.java,
    "incoherence" to AssistmedException.Inconsistent::class.java,
    "formule_indisponible" to AssistmedException.OptionUnavailable::class.java,
    "json_invalide" to AssistmedException.InvalidJson::class.java,
    "regles_invalides" to AssistmedException.InvalidRules::class.java,
    "signature_invalide" to AssistmedException.SignatureInvalid::class.java,
    "signature_refusee" to AssistmedException.SignatureRejected::class.java,
    "bundle_illisible" to AssistmedException.BundleUnreadable::class.java,
    "schema_non_supporte" to AssistmedException.UnsupportedSchema::class.java,
    "bundle_non_plus_recent" to AssistmedException.BundleNotNewer::class.java,
    "cle_invalide" to AssistmedException.InvalidKey::class.java,
    "trop_volumineux" to AssistmedException.TooLarge::class.java,
    "bundle_sous_plancher" to AssistmedException.BundleBelowFloor::class.java,
    "interne" to AssistmedException.Internal::class.java,
)

/** Checks that `e` is the typed exception for `code` on `field`, with both messages. */
fun ensureTypedError(e: Throwable?, code: String, field: String?) {
    if (e == null) fail("expected error $code on $field, got a result")
    if (e !is AssistmedException) fail("expected AssistmedException ($code on $field), got ${e.javaClass.name}: ${e.message}")
    val (c, f, fr, en) = errorParts(e)
    ensureEquals(code, c, "error code")
    ensureEquals(field, f, "error field")
    ensureEquals(c, e.errorCode(), "errorCode()")
    ensureEquals(f, e.errorField(), "errorField()")
    ensureEquals(fr, e.messageIn(Language.FR), "messageIn(FR)")
    ensureEquals(en, e.messageIn(Language.EN), "messageIn(EN)")
    ensure(!fr.isNullOrBlank() && !en.isNullOrBlank()) { "empty message: fr=<$fr> en=<$en>" }
    val cls = ERROR_CLASSES[code] ?: fail("unknown error code $code")
    ensure(cls.isInstance(e)) { "code $code carried by ${e.javaClass.simpleName}, expected ${cls.simpleName}" }
}

/** Checks an outcome against the case's `expect` (output subset, caveats, or error). */
fun verify(case: GoldenCase, outcome: Result<JsonElement>) {
    val error = case.expect.get("error")?.takeUnless { it.isJsonNull }?.asJsonObject
    if (error != null) {
        val code = error.get("code").asString
        val field = error.get("field")?.takeUnless { it.isJsonNull }?.asString
        ensureTypedError(outcome.exceptionOrNull(), code, field)
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

fun typedApi(case: GoldenCase, store: RuleStore, s: Situation): JsonElement = when (case.command) {
    "simulate" -> store.assess(s).toJson()
    "timeline" -> {
        val option = contractOptionOf(case.option ?: "") ?: fail("option `${case.option}` is not a ContractOption code")
        store.timeline(s, option, case.start).toJson()
    }
    "second_assistant" -> store.secondAssistant(s).toJson()
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
            runCatching { JsonParser.parseString(store.assessJson(case.inputText)) }.also {
                h.check("$tag [assessJson]") { verify(case, it) }
            }
        } else {
            null
        }

        val viaTyped = runCatching { typedApi(case, store, fr.assistmed.core.situationFromJson(case.inputText)) }
        h.check("$tag [typed api, situationFromJson]") { verify(case, viaTyped) }

        val record = situationOf(case.input)
        if (record == null) {
            // Unknown enum code or missing required field: the typed API cannot even express it.
            unrepresentable++
            h.check("$tag [typed record]") {
                ensure(case.expect.has("error")) { "input cannot be built as a Situation record but no error is expected" }
            }
        } else {
            val viaRecord = runCatching { typedApi(case, store, record) }
            h.check("$tag [typed record]") { verify(case, viaRecord) }
        }

        if (case.command != "second_assistant" && !case.expect.has("error") && coreJsonDir != null) {
            val core = coreJson(coreJsonDir, case)
            h.check("$tag [typed = core json, exact]") {
                if (core == null) fail("the CLI refused the case (no ${case.file} in $coreJsonDir)")
                exactMismatch(core, viaTyped.getOrThrow())?.let { fail(it) }
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
