// The one file of the benchmark that touches the SDK's API (bindings/scripts/bench-jvm.sh).
// When the API changes, adapt these few calls; AssessBench.java only calls what is here.
@file:JvmName("BenchFixture")

package fr.assistmed.bench

import fr.assistmed.core.*

/** The common GP case of the README's Kotlin example: a GP, 1 200 patients, signed 2025-01-15. */
fun gpSituation(): Situation =
    Situation(signatureDate = "2025-01-15", specialty = "01", sector = Sector.SECTEUR1,
              patienteleMt = 1200L, percentileBand = PercentileBand.P50P70)

/** The same situation as the JSON document of `assistmed simulate --input -`. */
fun gpJson(): String = situationToJson(gpSituation())

fun newStore(): RuleStore = RuleStore.embedded()

/** One Kotlin→Rust→Kotlin round trip: the typed assessment, lifted into Kotlin records. */
fun assess(store: RuleStore, situation: Situation): Any = store.assess(situation)

/** The JSON entry point, for comparison: one string in, one string out. */
fun assessJson(store: RuleStore, json: String): Any = store.assessJson(json)

/** The cheapest call that crosses the FFI (an accessor returning a small record): the fixed cost. */
fun provenance(store: RuleStore): Any = store.provenance()

/** Sanity check before measuring: the figures the benchmark moves are the real ones. */
fun describe(store: RuleStore): String {
    val a = store.assess(gpSituation())
    return "options " + a.options.joinToString { "${it.option.code()}=${it.total ?: "-"}" }
}
