// The typed API beyond the golden cases: errors from Kotlin inputs (kind, field, text in the
// caller's language), catalogue calls that cannot fail, JSON round trip, dates as LocalDate,
// money as BigDecimal, and a fuzz run showing that no input gets past the typed errors.
package fr.assistmed.sdk.tests

import fr.assistmed.testing.*

import com.google.gson.JsonParser
import fr.assistmed.core.CodeErreur
import fr.assistmed.core.ContratEnCours
import fr.assistmed.core.Exercice
import fr.assistmed.core.Formule
import fr.assistmed.core.Grade
import fr.assistmed.core.GroupeSpecialite
import fr.assistmed.core.Langue
import fr.assistmed.core.Secteur
import fr.assistmed.core.Situation
import fr.assistmed.core.Tranche
import fr.assistmed.core.Zone
import fr.assistmed.core.AssistmedException
import fr.assistmed.sdk.RuleStore
import fr.assistmed.sdk.situationFromJson
import fr.assistmed.sdk.situationToJson
import java.math.BigDecimal
import java.time.LocalDate
import java.util.Random

val JAN_15_2025: LocalDate = LocalDate.of(2025, 1, 15)

/** A GP in 2025, P50–P70: the reference situation of these tests (golden case 001). */
val GP_2025 = Situation(
    signatureDate = JAN_15_2025,
    specialty = "01",
    sector = Secteur.SECTEUR1,
    mep = false,
    zone = null,
    practice = null,
    coordinated = null,
    patienteleMt = 1200,
    fileActive = null,
    percentileBand = Tranche.P50P70,
    clinicalFeeShare = null,
    newlyInstalled = false,
    age = null,
    aldOrRqth = false,
    currentContract = null,
)

/** The exception `call` throws (or null). */
inline fun thrown(call: () -> Unit): Throwable? = try {
    call()
    null
} catch (t: Throwable) {
    t
}

inline fun expectError(code: String, field: String?, langue: Langue? = null, call: () -> Unit) {
    ensureTypedError(thrown(call), code, field, langue)
}

/** The situation document of GP_2025 with `extra` fields set or replaced (raw JSON values). */
fun gpJson(vararg extra: Pair<String, String>): String {
    val o = JsonParser.parseString(situationToJson(GP_2025, Langue.EN)).asJsonObject
    for ((k, v) in extra) o.add(k, JsonParser.parseString(v))
    return o.toString()
}

fun runErrorTests(h: Harness, store: RuleStore) {
    h.check("error: patientele_mt over 20 000 → hors_bornes on patientele_mt, text naming the field") {
        expectError("hors_bornes", "patientele_mt", Langue.EN) { store.assess(GP_2025.copy(patienteleMt = 20_001), Langue.EN) }
        val e = thrown { store.assess(GP_2025.copy(patienteleMt = 20_001), Langue.EN) } as AssistmedException.Failure
        ensureEquals(CodeErreur.HORS_BORNES, e.kind, "kind")
        ensure(e.text.contains("patientele_mt") && e.text.contains("20000")) { "text should name the field and the bound: ${e.text}" }
        ensureEquals(e.text, e.message, "Throwable.message is the text, not a field dump")
        ensure(!e.message.contains("kind=")) { "field dump in the message: ${e.message}" }
    }
    h.check("error then success on one thread: the per-thread call status is reset (kotlin-call-status.py)") {
        repeat(3) {
            expectError("hors_bornes", "patientele_mt", Langue.FR) { store.assess(GP_2025.copy(patienteleMt = 20_001), Langue.FR) }
            ensure(store.assess(GP_2025, Langue.FR).options.isNotEmpty()) { "no option in the assessment after an error" }
            expectError("json_invalide", null, Langue.EN) { situationFromJson("{", Langue.EN) }
            ensure(store.provenance().toString().isNotEmpty()) { "provenance after an error" }
        }
    }
    h.check("error: negative counts → hors_bornes on their field, typed or JSON") {
        expectError("hors_bornes", "patientele_mt", Langue.FR) { store.assess(GP_2025.copy(patienteleMt = -5), Langue.FR) }
        expectError("hors_bornes", "file_active", Langue.EN) { store.assess(GP_2025.copy(fileActive = Int.MIN_VALUE), Langue.EN) }
        expectError("hors_bornes", "patientele_mt", Langue.FR) { store.assessJson(gpJson("patientele_mt" to "-5"), Langue.FR) }
        expectError("hors_bornes", "file_active", Langue.FR) { situationFromJson(gpJson("file_active" to "-9223372036854775808"), Langue.FR) }
    }
    h.check("error: Int.MAX_VALUE counts, age 19 → hors_bornes") {
        expectError("hors_bornes", "patientele_mt") { store.assess(GP_2025.copy(patienteleMt = Int.MAX_VALUE), Langue.FR) }
        expectError("hors_bornes", "file_active") { store.assess(GP_2025.copy(fileActive = Int.MAX_VALUE), Langue.FR) }
        expectError("hors_bornes", "age") { store.assess(GP_2025.copy(age = 19), Langue.FR) }
        expectError("hors_bornes", "age") { store.assess(GP_2025.copy(age = 101), Langue.EN) }
    }
    h.check("error: bad signature date (JSON entry point) → date_invalide on signature_date") {
        // A LocalDate cannot hold these: they can only come as text, through the JSON entry points.
        for (bad in listOf("2025-13-45", "2025-02-30", "15/01/2025", "", "2025-01-15T00:00:00", "\u0000")) {
            expectError("date_invalide", "signature_date", Langue.FR) {
                situationFromJson(gpJson("signature_date" to "\"" + bad.replace("\u0000", "\\u0000") + "\""), Langue.FR)
            }
        }
    }
    h.check("error: date before the scheme → hors_periode") {
        expectError("hors_periode", "signature_date", Langue.FR) { store.assess(GP_2025.copy(signatureDate = LocalDate.of(2019, 8, 31)), Langue.FR) }
    }
    h.check("error: unknown specialty → valeur_inconnue on specialty") {
        expectError("valeur_inconnue", "specialty", Langue.FR) { store.assess(GP_2025.copy(specialty = "99"), Langue.FR) }
        expectError("valeur_inconnue", "specialty", Langue.EN) { store.assess(GP_2025.copy(specialty = "é\uD83D\uDE00"), Langue.EN) }
    }
    h.check("error: clinical_fee_share out of [0, 1] or malformed → hors_bornes on clinical_fee_share") {
        val surgeon = GP_2025.copy(specialty = "41", patienteleMt = null)
        for (bad in listOf("1.5", "-0.1", "1.0000001")) {
            expectError("hors_bornes", "clinical_fee_share") { store.assess(surgeon.copy(clinicalFeeShare = BigDecimal(bad)), Langue.FR) }
        }
        // Text no BigDecimal holds: through the JSON entry point ("0,85", the French comma, is accepted).
        val surgeonJson = JsonParser.parseString(situationToJson(surgeon, Langue.EN)).asJsonObject
        for (bad in listOf("8.5e-1", "0.79999999999999999999999999999", "abc", "", "NaN", "85%", ".85", "0_85")) {
            surgeonJson.addProperty("clinical_fee_share", bad)
            expectError("hors_bornes", "clinical_fee_share", Langue.FR) { situationFromJson(surgeonJson.toString(), Langue.FR) }
        }
        surgeonJson.addProperty("clinical_fee_share", "0,85")
        ensureEquals(BigDecimal("0.85"), situationFromJson(surgeonJson.toString(), Langue.FR).clinicalFeeShare, "French comma")
        expectError("champ_requis", "clinical_fee_share") { store.assess(surgeon, Langue.FR) }
    }
    h.check("error: timeline start before the signature, unavailable option") {
        expectError("incoherence", "start", Langue.FR) { store.timeline(GP_2025, Formule.DEMI, Langue.FR, LocalDate.of(2025, 1, 14)) }
        expectError("formule_indisponible", "option", Langue.EN) { store.timeline(GP_2025, Formule.TIERS, Langue.EN) }
    }
    h.check("error: running contract → fields named with their path") {
        val contract = ContratEnCours(option = Formule.PLEIN, start = LocalDate.of(2026, 1, 1), objectivesReached = true)
        expectError("incoherence", "current_contract.start") { store.secondAssistant(GP_2025.copy(currentContract = contract), Langue.FR) }
        expectError("champ_requis", "current_contract") { store.secondAssistant(GP_2025, Langue.FR) }
        val badStart = gpJson("current_contract" to """{"option": "plein", "start": "2023-13-01", "objectives_reached": true}""")
        expectError("date_invalide", "current_contract.start", Langue.FR) { situationFromJson(badStart, Langue.FR) }
    }
    h.check("error: situationFromJson on malformed documents → json_invalide, no field") {
        for (bad in listOf("", "{", "null", "42", "[]", "\"x\"", "[1,", "\uFFFF")) {
            try {
                expectError("json_invalide", null, Langue.FR) { situationFromJson(bad, Langue.FR) }
            } catch (e: AssertionError) {
                fail("input <${bad.take(20)}>: ${e.message}")
            }
        }
        // A wrong type, an unknown field or a duplicate key names its field.
        expectError("json_invalide", "signature_date") { situationFromJson("{\"signature_date\": 5}", Langue.FR) }
        expectError("json_invalide", "unknown") { situationFromJson("{\"unknown\": 1}", Langue.FR) }
        expectError("json_invalide", "current_contract") { situationFromJson("{\"current_contract\": []}", Langue.FR) }
        expectError("json_invalide", "age") { situationFromJson("{\"age\": 40, \"age\": 41}", Langue.FR) }
        // Sizes are bounded: a 100 000-bracket document is refused before it is parsed.
        expectError("trop_volumineux", null) { situationFromJson("[".repeat(100_000), Langue.FR) }
        expectError("json_invalide", null, Langue.EN) { store.assessJson("{\"signature_date\": \"2025-01-15\",", Langue.EN) }
        expectError("json_invalide", null) { store.assessJson("[\"2025-01-15\", \"01\", \"secteur_1\"]", Langue.EN) }
    }
    h.check("error: situationFromJson validates (unknown sector, missing field)") {
        expectError("valeur_inconnue", "sector", Langue.FR) {
            situationFromJson("""{"signature_date":"2025-01-15","specialty":"01","sector":"secteur_3"}""", Langue.FR)
        }
        expectError("champ_requis", "sector", Langue.EN) { situationFromJson("""{"signature_date":"2025-01-15","specialty":"01"}""", Langue.EN) }
    }
    // Issue 10, item 2: one error type; `message` is the text in the caller's language.
    h.check("error: e.message is the French text with Langue.FR, the English one with Langue.EN") {
        val bad = GP_2025.copy(age = 19)
        val fr = thrown { store.assess(bad, Langue.FR) } as? AssistmedException ?: fail("no AssistmedException")
        val en = thrown { store.assess(bad, Langue.EN) } as? AssistmedException ?: fail("no AssistmedException")
        println("(info) age 19, FR: ${fr.message}")
        println("(info) age 19, EN: ${en.message}")
        ensure(fr.message != en.message) { "same text in both languages: ${fr.message}" }
        // Both name the field and the accepted range (bounds 20 and 100, core/src/calcul/situation.rs).
        for (e in listOf(fr, en)) ensure(e.message!!.contains("age") && e.message!!.contains("20") && e.message!!.contains("100")) { "${e.message}" }
        ensure(Regex("""\b(attendu|entre|doit)\b""").containsMatchIn(fr.message!!)) { "not French: ${fr.message}" }
        ensure(Regex("""\b(expected|between|must)\b""").containsMatchIn(en.message!!)) { "not English: ${en.message}" }
        ensureEquals(fr.message, fr.text(), "text() = message")
        ensureEquals(fr.message, fr.localizedMessage, "localizedMessage")
        // The date error names the expected format in each language.
        val dateFr = thrown { situationFromJson(gpJson("signature_date" to "\"2025-02-30\""), Langue.FR) } as AssistmedException
        val dateEn = thrown { situationFromJson(gpJson("signature_date" to "\"2025-02-30\""), Langue.EN) } as AssistmedException
        ensure(dateFr.message!!.contains("AAAA-MM-JJ")) { "fr: ${dateFr.message}" }
        ensure(dateEn.message!!.contains("YYYY-MM-DD")) { "en: ${dateEn.message}" }
    }
    h.check("error: e.kind() / e.field() / e.code() on the base class, exhaustive when over kinds") {
        val e: AssistmedException = thrown { store.assess(GP_2025.copy(specialty = "99"), Langue.EN) } as? AssistmedException ?: fail("no error")
        ensureEquals(CodeErreur.VALEUR_INCONNUE, e.kind(), "kind()")
        ensureEquals("specialty", e.field(), "field()")
        ensureEquals("valeur_inconnue", e.code(), "code()")
        // An app switches on the kind (the stable code), not on a subclass.
        val what = when (e.kind()) {
            CodeErreur.CHAMP_REQUIS, CodeErreur.HORS_BORNES, CodeErreur.VALEUR_INCONNUE, CodeErreur.DATE_INVALIDE,
            CodeErreur.HORS_PERIODE, CodeErreur.INCOHERENCE, CodeErreur.FORMULE_INDISPONIBLE, CodeErreur.JSON_INVALIDE,
            CodeErreur.TROP_VOLUMINEUX -> "input"
            CodeErreur.REGLES_INVALIDES, CodeErreur.SIGNATURE_INVALIDE, CodeErreur.SIGNATURE_REFUSEE, CodeErreur.BUNDLE_ILLISIBLE,
            CodeErreur.SCHEMA_NON_SUPPORTE, CodeErreur.BUNDLE_NON_PLUS_RECENT, CodeErreur.CLE_INVALIDE,
            CodeErreur.BUNDLE_SOUS_PLANCHER -> "rules"
        }
        ensureEquals("input", what, "kind group")
        // No field when the error is not about one.
        val json = thrown { situationFromJson("{", Langue.EN) } as AssistmedException
        ensureEquals(null, json.field(), "field() of a syntax error")
        ensureEquals(CodeErreur.JSON_INVALIDE, json.kind(), "kind() of a syntax error")
    }
}

fun runApiTests(h: Harness, store: RuleStore) {
    // Issue 10, item 3: infallible functions do not throw (no @Throws, so no `throws` clause).
    h.check("specialties() and ruleVersions() do not throw; assess does") {
        val cls = RuleStore::class.java
        ensureEquals(0, cls.getMethod("specialties").exceptionTypes.size, "specialties() throws clause")
        ensureEquals(0, cls.getMethod("ruleVersions").exceptionTypes.size, "ruleVersions() throws clause")
        ensureEquals(0, cls.getMethod("references").exceptionTypes.size, "references() throws clause")
        ensureEquals(0, cls.getMethod("notices").exceptionTypes.size, "notices() throws clause")
        val assess = cls.getMethod("assess", Situation::class.java, Langue::class.java)
        ensure(AssistmedException::class.java in assess.exceptionTypes) { "assess() should declare AssistmedException" }
        // Called without any try: a plain list.
        val names = store.specialties().map { it.name }
        ensure(names.isNotEmpty()) { "no specialties" }
    }
    h.check("references() and notices(): every id a result cites is resolved, once") {
        val refs = store.references().associateBy { it.id }
        ensureEquals(store.references().size, refs.size, "unique reference ids")
        val a = store.assess(GP_2025.copy(zone = Zone.ZIP, currentContract = ContratEnCours(Formule.PLEIN, LocalDate.of(2022, 1, 15), true)), Langue.FR)
        val cited = a.references + a.options.flatMap { o -> o.objective?.references.orEmpty() } + a.caveats.flatMap { it.references }
        ensure(cited.isNotEmpty()) { "no reference cited" }
        for (id in cited) ensure(refs[id]?.reference?.title?.isNotBlank() == true) { "reference $id not resolved" }
        ensureEquals(a.references.sorted().distinct(), a.references, "assessment references: sorted, no duplicate")
        // A notice id names a topic with one text per version: resolve it within the result's.
        val ofVersion = store.notices().filter { a.rules.id in it.versions }
        for (id in a.notices) ensureEquals(1, ofVersion.count { it.id == id && it.textFr.isNotBlank() && it.textEn.isNotBlank() }, "notice $id of ${a.rules.id}")
        // Convention 2024 (S10) is cited by a 2025 assessment.
        ensure("S10" in a.references) { "S10 not cited: ${a.references}" }
        val t = store.timeline(GP_2025, Formule.DEMI, Langue.EN)
        for (id in t.references) ensure(id in refs) { "timeline reference $id not resolved" }
    }
    h.check("specialties(): codes unique, GP present") {
        val list = store.specialties()
        ensure(list.isNotEmpty()) { "no specialties" }
        ensureEquals(list.size, list.map { it.code }.toSet().size, "unique codes")
        ensure(list.any { it.code == "01" && it.group == GroupeSpecialite.GENERALISTE }) { "no GP (01)" }
    }
    h.check("ruleVersions(): the three versions, dated (LocalDate), oldest first") {
        val versions = store.ruleVersions()
        ensureEquals(listOf("avenant-7-2019", "reglement-arbitral-2023", "convention-2024"), versions.map { it.id }, "ids")
        // Avenant 7 applies to contracts from 2019-09-01 (reference sheet, avenant-7-2019: S1 S2).
        ensureEquals(LocalDate.of(2019, 9, 1), versions.first().start, "first start")
        ensureEquals(null, versions.last().endExclusive, "last end")
        for ((a, b) in versions.zipWithNext()) ensureEquals(b.start, a.endExclusive, "${a.id} ends where ${b.id} starts")
    }
    h.check("several RuleStore instances, closed with use {}, give equal records") {
        val first = RuleStore.embedded().use { it.assess(GP_2025, Langue.FR) }
        val second = RuleStore.embedded().use { it.assess(GP_2025, Langue.FR) }
        ensureEquals(first, second, "assessments")
        ensureEquals(store.assess(GP_2025, Langue.FR), first, "shared store")
        ensureEquals(store.timeline(GP_2025, Formule.PLEIN, Langue.FR), store.timeline(GP_2025, Formule.PLEIN, Langue.FR, null), "default start")
    }
    h.check("situationToJson → situationFromJson round trip") {
        val full = GP_2025.copy(
            mep = false, zone = Zone.ZIP, practice = Exercice.GROUPE, coordinated = true, fileActive = 2500,
            clinicalFeeShare = BigDecimal("0.85"), newlyInstalled = false, age = 66, aldOrRqth = false,
            currentContract = ContratEnCours(Formule.PLEIN, LocalDate.of(2023, 1, 15), true),
        )
        for (s in listOf(GP_2025, full)) {
            val json = situationToJson(s, Langue.FR)
            ensure(JsonParser.parseString(json).isJsonObject) { "not a JSON object: $json" }
            ensureEquals(s, situationFromJson(json, Langue.FR), "round trip of $json")
        }
    }
    h.check("situationToJson validates") {
        expectError("hors_bornes", "age", Langue.FR) { situationToJson(GP_2025.copy(age = 101), Langue.FR) }
    }
    h.check("assessment echoes the validated situation, defaults filled in") {
        val a = store.assess(GP_2025.copy(specialty = " 01 "), Langue.FR)
        ensureEquals("01", a.situation.specialty, "trimmed specialty")
        ensureEquals(GP_2025, a.situation, "situation")
    }
    h.check("LocalDate round trip: in as LocalDate, out as the same LocalDate, in JSON as ISO text") {
        val d = LocalDate.of(2024, 12, 31)
        val s = GP_2025.copy(signatureDate = d)
        ensureEquals(d, store.assess(s, Langue.FR).situation.signatureDate, "assessment echo")
        val json = JsonParser.parseString(situationToJson(s, Langue.FR)).asJsonObject
        ensureEquals("2024-12-31", json.get("signature_date").asString, "JSON text")
        ensureEquals(d, situationFromJson(json.toString(), Langue.FR).signatureDate, "from JSON")
        // Contract years run from anniversary to anniversary (reference sheet: year 2 at the
        // anniversary; 5-year contract): year n starts on start + (n-1) years.
        val start = LocalDate.of(2025, 2, 1)
        val years = store.timeline(GP_2025, Formule.DEMI, Langue.FR, start).echeancier.years
        ensureEquals(5, years.size, "years")
        for ((i, y) in years.withIndex()) {
            ensureEquals(start.plusYears(i.toLong()), y.start, "start of year ${y.year}")
            ensureEquals(start.plusYears(i + 1L).minusDays(1), y.end, "end of year ${y.year}")
        }
        val contract = ContratEnCours(Formule.PLEIN, LocalDate.of(2024, 2, 29), true)
        val withContract = GP_2025.copy(zone = Zone.ZIP, currentContract = contract)
        ensureEquals(contract, situationFromJson(situationToJson(withContract, Langue.FR), Langue.FR).currentContract, "leap day through JSON")
        ensureEquals(contract, store.assess(withContract, Langue.FR).situation.currentContract, "leap day echoed")
    }
    h.check("CalendarDate lift: each date's text read as LocalDate.parse reads it (core/uniffi.toml's digit-by-digit lift)") {
        fun lift(text: String): LocalDate {
            val bytes = text.toByteArray(Charsets.UTF_8)
            val buf = java.nio.ByteBuffer.allocate(4 + bytes.size).putInt(bytes.size).put(bytes)
            buf.flip()
            return fr.assistmed.core.FfiConverterTypeCalendarDate.read(buf)
        }
        var d = LocalDate.of(1999, 1, 1)
        while (d.year < 2102) {
            ensureEquals(d, lift(d.toString()), "lift of $d")
            d = d.plusDays(1)
        }
        for (text in listOf("0000-01-01", "0001-12-31", "9999-12-31", "+10000-01-01", "-0001-06-15")) {
            ensureEquals(LocalDate.parse(text), lift(text), "lift of $text")
        }
        // Not a date: the lift refuses it as LocalDate.of or LocalDate.parse does.
        for (text in listOf("2023-02-29", "2023-13-01", "2023-00-10", "2023-1-011")) {
            ensureEquals(true, runCatching { lift(text) }.isFailure, "lift of $text refused")
        }
    }
    h.check("BigDecimal round trip: in as BigDecimal, out by value, totals add up") {
        val share = BigDecimal("0.85")
        val surgeon = GP_2025.copy(specialty = "41", patienteleMt = null, clinicalFeeShare = share)
        ensureEquals(share, store.assess(surgeon, Langue.FR).situation.clinicalFeeShare, "share echoed")
        ensureEquals(share, situationFromJson(situationToJson(surgeon, Langue.FR), Langue.FR).clinicalFeeShare, "through JSON")
        val a = store.assess(GP_2025, Langue.FR)
        val demi = a.options.first { it.option == Formule.DEMI }
        val total = demi.total ?: fail("no total")
        // Golden case 001 (S10, convention-2024 table): 1/2 ETP, 19 000 + 14 000 + 3 × 11 000 = 66 000 €.
        ensureEquals(0, BigDecimal("66000.00").compareTo(total), "total ($total)")
        ensure(total.scale() >= 0 && total.stripTrailingZeros().scale() <= 2) { "cents at most: $total" }
        val sum = demi.aid.mapNotNull { it.amount }.fold(BigDecimal.ZERO, BigDecimal::add)
        ensureEquals(0, sum.compareTo(total), "sum of years vs total ($sum)")
        ensureEquals(listOf(1, 2, 3, 4, 5), demi.aid.map { it.year }, "years")
    }
    h.check("enum codes: unique, non-empty, round trip through JSON") {
        fun <T> codes(values: Array<T>, code: (T) -> String) {
            val all = values.map(code)
            ensure(all.all { it.isNotBlank() }) { "blank code in $all" }
            ensureEquals(all.size, all.toSet().size, "unique codes $all")
        }
        codes(Secteur.values()) { it.jsonCode() }
        codes(Zone.values()) { it.jsonCode() }
        codes(Exercice.values()) { it.jsonCode() }
        codes(Tranche.values()) { it.jsonCode() }
        codes(Formule.values()) { it.jsonCode() }
        codes(CodeErreur.values()) { it.jsonCode() }
        ensureEquals(listOf(Grade.GAP, Grade.C, Grade.B, Grade.A), Grade.values().toList(), "grades, weakest first")
        for (s in Secteur.values()) {
            val json = situationToJson(GP_2025.copy(sector = s), Langue.FR)
            ensureEquals(s.jsonCode(), JsonParser.parseString(json).asJsonObject.get("sector").asString, "sector code of $s")
            ensureEquals(s, situationFromJson(json, Langue.FR).sector, "sector round trip")
        }
        for (t in Tranche.values()) {
            val json = situationToJson(GP_2025.copy(percentileBand = t), Langue.FR)
            ensureEquals(t.jsonCode(), JsonParser.parseString(json).asJsonObject.get("percentile_band").asString, "band code of $t")
        }
    }
    h.check("typed records are immutable values (data classes, equal by value)") {
        val a = store.assess(GP_2025, Langue.FR)
        val b = store.assess(GP_2025.copy(), Langue.FR)
        ensureEquals(a, b, "equal assessments")
        ensureEquals(a.hashCode(), b.hashCode(), "hash codes")
    }
}

/**
 * Random situations (valid and absurd values), through every call: each call either returns or
 * throws an AssistmedException. Anything else (uniffi's InternalException after a Rust panic, a
 * JVM error) fails the check.
 */
fun runFuzz(h: Harness, store: RuleStore, iterations: Int) {
    h.check("fuzz: $iterations random situations → result or typed error, never anything else") {
        val rnd = Random(20_241_122L)
        // Mostly plausible values (so that most calls go deep into the core), some absurd ones.
        // Dates stay within the calendar range the core reads (2000–2099): see the report on
        // dates outside it.
        val goodDates = listOf("2019-09-01", "2020-06-30", "2023-04-25", "2024-12-21", "2024-12-31", "2025-01-15", "2026-03-01")
        val badDates = listOf("2019-08-31", "2099-12-31", "2000-01-01", "2024-02-29", "2012-01-01")
        val goodSpecialties = store.specialties().map { it.code }
        val badSpecialties = listOf("", "99", "1", "001", "ab", "\uD83D\uDE00")
        val goodCounts = listOf(null, 0, 499, 500, 800, 1200, 1800, 2500, 20_000)
        val badCounts = listOf(20_001, -1, Int.MIN_VALUE, Int.MAX_VALUE)
        val goodAges = listOf(null, 20, 45, 64, 65, 100)
        val badAges = listOf(19, 101, 0, -1, Int.MAX_VALUE)
        val goodShares = listOf(null, "0", "0.5", "0.85", "1", "-0", "0.001")
        val badShares = listOf("1.0000001", "-1", "1000000")
        fun <T> pickFrom(good: List<T>, bad: List<T>): T = if (rnd.nextInt(10) == 0) bad[rnd.nextInt(bad.size)] else good[rnd.nextInt(good.size)]
        val dates = (goodDates + badDates).map(LocalDate::parse)
        fun date(): LocalDate = LocalDate.parse(pickFrom(goodDates, badDates))
        fun <T> pickOrNull(v: Array<T>): T? = if (rnd.nextInt(4) == 0) null else v[rnd.nextInt(v.size)]
        var ok = 0
        var typed = 0
        repeat(iterations) { i ->
            val contract = if (rnd.nextInt(3) == 0) ContratEnCours(Formule.values()[rnd.nextInt(3)], date(), rnd.nextBoolean()) else null
            val s = Situation(
                signatureDate = date(),
                specialty = pickFrom(goodSpecialties, badSpecialties),
                sector = Secteur.values()[rnd.nextInt(Secteur.values().size)],
                mep = rnd.nextBoolean(),
                zone = pickOrNull(Zone.values()),
                practice = pickOrNull(Exercice.values()),
                coordinated = if (rnd.nextInt(3) == 0) null else rnd.nextBoolean(),
                patienteleMt = pickFrom(goodCounts, badCounts),
                fileActive = pickFrom(goodCounts, badCounts),
                percentileBand = pickOrNull(Tranche.values()),
                clinicalFeeShare = pickFrom(goodShares, badShares)?.let(::BigDecimal),
                newlyInstalled = rnd.nextBoolean(),
                age = pickFrom(goodAges, badAges),
                aldOrRqth = rnd.nextInt(5) == 0,
                currentContract = contract,
            )
            val option = Formule.values()[rnd.nextInt(3)]
            val start = if (rnd.nextBoolean()) null else dates[rnd.nextInt(dates.size)]
            val langue = if (rnd.nextBoolean()) Langue.FR else Langue.EN
            val calls: List<() -> Any> = listOf(
                { store.assess(s, langue) },
                { store.timeline(s, option, langue, start) },
                { store.secondAssistant(s, langue) },
                { situationToJson(s, langue) },
            )
            for (call in calls) {
                try {
                    call()
                    ok++
                } catch (e: AssistmedException) {
                    ensure(e.text().isNotBlank()) { "empty text on #$i $s" }
                    typed++
                } catch (e: Throwable) {
                    fail("#$i: ${e.javaClass.name}: ${e.message} on $s (option $option, start $start)")
                }
            }
        }
        ensure(ok > 0 && typed > 0) { "fuzz should see both results ($ok) and errors ($typed)" }
        println("fuzz: $ok results, $typed typed errors, 0 crashes")
    }
}
