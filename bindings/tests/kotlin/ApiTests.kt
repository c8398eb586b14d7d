// The typed API beyond the golden cases: errors from Kotlin inputs, catalogue calls, JSON round
// trip, enums, money, and a fuzz run showing that no input gets past the typed errors.
package fr.assistmed.core.tests

import fr.assistmed.testing.*

import com.google.gson.JsonParser
import fr.assistmed.core.AssistmedException
import fr.assistmed.core.ContractOption
import fr.assistmed.core.CurrentContract
import fr.assistmed.core.Grade
import fr.assistmed.core.Language
import fr.assistmed.core.PercentileBand
import fr.assistmed.core.Practice
import fr.assistmed.core.RuleStore
import fr.assistmed.core.Sector
import fr.assistmed.core.Situation
import fr.assistmed.core.Zone
import fr.assistmed.core.situationFromJson
import fr.assistmed.core.situationToJson
import java.math.BigDecimal
import java.util.Random

/** A GP in 2025, P50–P70: the reference situation of these tests. */
val GP_2025 = Situation(
    signatureDate = "2025-01-15",
    specialty = "01",
    sector = Sector.SECTEUR1,
    patienteleMt = 1200L,
    percentileBand = PercentileBand.P50P70,
)

inline fun expectError(code: String, field: String?, call: () -> Unit) {
    val e = try {
        call()
        null
    } catch (t: Throwable) {
        t
    }
    ensureTypedError(e, code, field)
}

fun runErrorTests(h: Harness, store: RuleStore) {
    h.check("error: negative patientele_mt → OutOfRange on patientele_mt") {
        expectError("hors_bornes", "patientele_mt") { store.assess(GP_2025.copy(patienteleMt = -5L)) }
        try {
            store.assess(GP_2025.copy(patienteleMt = -5L))
        } catch (e: AssistmedException.OutOfRange) {
            ensureEquals("hors_bornes", e.code, "OutOfRange.code")
            ensureEquals("patientele_mt", e.field, "OutOfRange.field")
            ensure(e.messageEn.contains("patientele_mt")) { "message should name the field: ${e.messageEn}" }
            ensure(e.message.contains("hors_bornes")) { "Throwable.message should carry the code: ${e.message}" }
        }
    }
    h.check("error: Long.MAX_VALUE / MIN_VALUE counts → OutOfRange") {
        expectError("hors_bornes", "patientele_mt") { store.assess(GP_2025.copy(patienteleMt = Long.MAX_VALUE)) }
        expectError("hors_bornes", "file_active") { store.assess(GP_2025.copy(fileActive = Long.MIN_VALUE)) }
        expectError("hors_bornes", "age") { store.assess(GP_2025.copy(age = 19L)) }
    }
    h.check("error: bad signature date → InvalidDate on signature_date") {
        for (bad in listOf("2025-13-45", "2025-02-30", "15/01/2025", "", "2025-01-15T00:00:00", "\u0000")) {
            expectError("date_invalide", "signature_date") { store.assess(GP_2025.copy(signatureDate = bad)) }
        }
    }
    h.check("error: date before the scheme → OutOfPeriod") {
        expectError("hors_periode", "signature_date") { store.assess(GP_2025.copy(signatureDate = "2019-08-31")) }
    }
    h.check("error: unknown specialty → UnknownValue on specialty") {
        expectError("valeur_inconnue", "specialty") { store.assess(GP_2025.copy(specialty = "99")) }
        expectError("valeur_inconnue", "specialty") { store.assess(GP_2025.copy(specialty = "é\uD83D\uDE00")) }
    }
    h.check("error: malformed clinical_fee_share → OutOfRange on clinical_fee_share") {
        val surgeon = GP_2025.copy(specialty = "41", patienteleMt = null)
        // "0,85" (the French comma) is accepted since issue 9; exponents and a 29th digit are not.
        for (bad in listOf("8.5e-1", "0.79999999999999999999999999999", "abc", "", "NaN", "1.5", "-0.1", "85%", ".85", "0_85")) {
            expectError("hors_bornes", "clinical_fee_share") { store.assess(surgeon.copy(clinicalFeeShare = bad)) }
        }
        expectError("champ_requis", "clinical_fee_share") { store.assess(surgeon) }
    }
    h.check("error: timeline start not a date → InvalidDate on start") {
        expectError("date_invalide", "start") { store.timeline(GP_2025, ContractOption.DEMI, "tomorrow") }
        expectError("incoherence", "start") { store.timeline(GP_2025, ContractOption.DEMI, "2025-01-14") }
        expectError("formule_indisponible", "option") { store.timeline(GP_2025, ContractOption.TIERS) }
    }
    h.check("error: running contract → fields named with their path") {
        val contract = CurrentContract(option = ContractOption.PLEIN, start = "2023-13-01", objectivesReached = true)
        expectError("date_invalide", "current_contract.start") { store.secondAssistant(GP_2025.copy(currentContract = contract)) }
        val later = contract.copy(start = "2026-01-01")
        expectError("incoherence", "current_contract.start") { store.secondAssistant(GP_2025.copy(currentContract = later)) }
        expectError("champ_requis", "current_contract") { store.secondAssistant(GP_2025) }
    }
    h.check("error: situationFromJson on malformed documents → InvalidJson, no field") {
        for (bad in listOf("", "{", "null", "42", "[]", "\"x\"", "[1,", "\uFFFF")) {
            try {
                expectError("json_invalide", null) { situationFromJson(bad) }
            } catch (e: CheckFailed) {
                fail("input <${bad.take(20)}>: ${e.message}")
            }
        }
        // Issue 9: a wrong type, an unknown field or a duplicate key names its field.
        expectError("json_invalide", "signature_date") { situationFromJson("{\"signature_date\": 5}") }
        expectError("json_invalide", "unknown") { situationFromJson("{\"unknown\": 1}") }
        expectError("json_invalide", "current_contract") { situationFromJson("{\"current_contract\": []}") }
        expectError("json_invalide", "age") { situationFromJson("{\"age\": 40, \"age\": 41}") }
        // Sizes are bounded: a 100 000-bracket document is refused before it is parsed.
        expectError("trop_volumineux", null) { situationFromJson("[".repeat(100_000)) }
        expectError("json_invalide", null) { store.assessJson("{\"signature_date\": \"2025-01-15\",") }
        expectError("json_invalide", null) { store.assessJson("[\"2025-01-15\", \"01\", \"secteur_1\"]") }
    }
    h.check("error: situationFromJson validates (unknown sector, missing field)") {
        expectError("valeur_inconnue", "sector") {
            situationFromJson("""{"signature_date":"2025-01-15","specialty":"01","sector":"secteur_3"}""")
        }
        expectError("champ_requis", "sector") { situationFromJson("""{"signature_date":"2025-01-15","specialty":"01"}""") }
    }
    h.check("error: Throwable.message and messageIn carry the explanation") {
        try {
            store.assess(GP_2025.copy(signatureDate = "2025-02-30"))
            fail("no error")
        } catch (e: AssistmedException) {
            ensure(e.messageIn(Language.FR).contains("AAAA-MM-JJ")) { "fr: ${e.messageIn(Language.FR)}" }
            ensure(e.messageIn(Language.EN).contains("YYYY-MM-DD")) { "en: ${e.messageIn(Language.EN)}" }
        }
    }
}

fun runApiTests(h: Harness, store: RuleStore) {
    h.check("specialties(): codes unique, GP present") {
        val list = store.specialties()
        ensure(list.isNotEmpty()) { "no specialties" }
        ensureEquals(list.size, list.map { it.code }.toSet().size, "unique codes")
        ensure(list.any { it.code == "01" && it.group.jsonCode() == "generaliste" }) { "no GP (01)" }
    }
    h.check("ruleVersions(): the three versions, dated, oldest first") {
        val versions = store.ruleVersions()
        ensureEquals(listOf("avenant-7-2019", "reglement-arbitral-2023", "convention-2024"), versions.map { it.id }, "ids")
        ensureEquals("2019-09-01", versions.first().start, "first start")
        ensureEquals(null, versions.last().endExclusive, "last end")
        for (v in versions) ensure(Regex("""\d{4}-\d{2}-\d{2}""").matches(v.start)) { "start not ISO: ${v.start}" }
    }
    h.check("several RuleStore instances, closed with use {}, give equal records") {
        val first = RuleStore.embedded().use { it.assess(GP_2025) }
        val second = RuleStore.embedded().use { it.assess(GP_2025) }
        ensureEquals(first, second, "assessments")
        ensureEquals(store.assess(GP_2025), first, "shared store")
        ensureEquals(store.timeline(GP_2025, ContractOption.PLEIN), store.timeline(GP_2025, ContractOption.PLEIN, null), "default start")
    }
    h.check("situationToJson → situationFromJson round trip") {
        val full = GP_2025.copy(
            mep = false, zone = Zone.ZIP, practice = Practice.GROUPE, coordinated = true, fileActive = 2500L,
            clinicalFeeShare = "0.85", newlyInstalled = false, age = 66L, aldOrRqth = false,
            currentContract = CurrentContract(ContractOption.PLEIN, "2023-01-15", true),
        )
        for (s in listOf(GP_2025, full)) {
            val json = situationToJson(s)
            ensure(JsonParser.parseString(json).isJsonObject) { "not a JSON object: $json" }
            ensureEquals(s, situationFromJson(json), "round trip of $json")
        }
    }
    h.check("situationToJson validates") {
        expectError("hors_bornes", "age") { situationToJson(GP_2025.copy(age = 101L)) }
    }
    h.check("assessment echoes the validated situation, defaults filled in") {
        val a = store.assess(GP_2025.copy(specialty = " 01 "))
        ensureEquals("01", a.situation.specialty, "trimmed specialty")
        ensureEquals(GP_2025, a.situation, "situation")
    }
    h.check("money is BigDecimal with the canonical scale, totals add up") {
        val a = store.assess(GP_2025)
        val demi = a.options.first { it.option == ContractOption.DEMI }
        val total = demi.total ?: fail("no total")
        ensureEquals("66000.00", total.toPlainString(), "total text")
        ensureEquals(2, total.scale(), "scale")
        val sum = demi.aid.mapNotNull { it.amount }.fold(BigDecimal.ZERO, BigDecimal::add)
        ensureEquals(0, sum.compareTo(total), "sum of years vs total ($sum)")
        ensureEquals(listOf(1u, 2u, 3u, 4u, 5u), demi.aid.map { it.year }, "years")
    }
    h.check("enum codes: unique, non-empty, round trip through JSON") {
        fun <T> codes(values: Array<T>, code: (T) -> String) {
            val all = values.map(code)
            ensure(all.all { it.isNotBlank() }) { "blank code in $all" }
            ensureEquals(all.size, all.toSet().size, "unique codes $all")
        }
        codes(Sector.values()) { it.code() }
        codes(Zone.values()) { it.code() }
        codes(Practice.values()) { it.code() }
        codes(PercentileBand.values()) { it.code() }
        codes(ContractOption.values()) { it.code() }
        codes(Grade.values()) { it.code() }
        ensureEquals(listOf("A", "B", "C", "GAP"), Grade.values().map { it.code() }, "grades")
        ensureEquals("secteur_2_optam_co", Sector.SECTEUR2_OPTAM_CO.code(), "sector code")
        for (s in Sector.values()) {
            ensure(s.labelFr().isNotBlank() && s.labelEn().isNotBlank()) { "labels of $s" }
            val json = situationToJson(GP_2025.copy(sector = s))
            ensureEquals(s, situationFromJson(json).sector, "sector round trip")
        }
    }
    h.check("typed records are immutable values (data classes, equal by value)") {
        val a = store.assess(GP_2025)
        val b = store.assess(GP_2025.copy())
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
        val goodDates = listOf("2019-09-01", "2020-06-30", "2023-04-25", "2024-12-21", "2024-12-31", "2025-01-15", "2026-03-01")
        val badDates = listOf("2019-08-31", "9999-12-31", "0001-01-01", "2025-02-29", "", "abc", "2025-1-5",
            " 2025-01-15 ", "\u0000", "２０２５-01-15")
        val goodSpecialties = store.specialties().map { it.code }
        val badSpecialties = listOf("", "99", "1", "001", "ab", "\uD83D\uDE00")
        val goodCounts = listOf(null, 0L, 499L, 500L, 800L, 1200L, 1800L, 2500L, 20_000L)
        val badCounts = listOf(20_001L, -1L, Long.MIN_VALUE, Long.MAX_VALUE)
        val goodAges = listOf(null, 20L, 45L, 64L, 65L, 100L)
        val badAges = listOf(19L, 101L, -1L, Long.MAX_VALUE)
        val goodShares = listOf(null, "0", "0.5", "0.85", "1", "-0", "1e-3")
        val badShares = listOf("1.0000001", "", "0,5", "NaN", "99999999999999999999999999999999")
        fun <T> pickFrom(good: List<T>, bad: List<T>): T = if (rnd.nextInt(10) == 0) bad[rnd.nextInt(bad.size)] else good[rnd.nextInt(good.size)]
        val dates = goodDates + badDates
        fun <T> pickOrNull(v: Array<T>): T? = if (rnd.nextInt(4) == 0) null else v[rnd.nextInt(v.size)]
        var ok = 0
        var typed = 0
        repeat(iterations) { i ->
            val contract = if (rnd.nextInt(3) == 0) {
                CurrentContract(ContractOption.values()[rnd.nextInt(3)], pickFrom(goodDates, badDates), rnd.nextBoolean())
            } else {
                null
            }
            val s = Situation(
                signatureDate = pickFrom(goodDates, badDates),
                specialty = pickFrom(goodSpecialties, badSpecialties),
                sector = Sector.values()[rnd.nextInt(Sector.values().size)],
                mep = rnd.nextBoolean(),
                zone = pickOrNull(Zone.values()),
                practice = pickOrNull(Practice.values()),
                coordinated = if (rnd.nextInt(3) == 0) null else rnd.nextBoolean(),
                patienteleMt = pickFrom(goodCounts, badCounts),
                fileActive = pickFrom(goodCounts, badCounts),
                percentileBand = pickOrNull(PercentileBand.values()),
                clinicalFeeShare = pickFrom(goodShares, badShares),
                newlyInstalled = rnd.nextBoolean(),
                age = pickFrom(goodAges, badAges),
                aldOrRqth = rnd.nextInt(5) == 0,
                currentContract = contract,
            )
            val option = ContractOption.values()[rnd.nextInt(3)]
            val start = if (rnd.nextBoolean()) null else dates[rnd.nextInt(dates.size)]
            val calls: List<() -> Any> = listOf(
                { store.assess(s) },
                { store.timeline(s, option, start) },
                { store.secondAssistant(s) },
                { situationToJson(s) },
            )
            for (call in calls) {
                try {
                    call()
                    ok++
                } catch (e: AssistmedException) {
                    ensure(e.errorCode() != "interne") { "internal error on #$i $s: ${e.messageIn(Language.EN)}" }
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
