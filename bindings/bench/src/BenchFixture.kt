// The one file of the benchmark that touches the SDK's API (bindings/scripts/bench-jvm.sh).
// When the API changes, adapt these few calls; AssessBench.java only calls what is here.
@file:JvmName("BenchFixture")

package fr.assistmed.bench

import fr.assistmed.core.Langue
import fr.assistmed.core.Secteur
import fr.assistmed.core.Situation
import fr.assistmed.core.Tranche
import fr.assistmed.sdk.RuleStore
import fr.assistmed.sdk.situationToJson
import java.time.LocalDate

/** The common GP case of the README's Kotlin example: a GP, 1 200 patients, signed 2025-01-15. */
fun gpSituation(): Situation =
    Situation(signatureDate = LocalDate.of(2025, 1, 15), specialty = "01", sector = Secteur.SECTEUR1,
              mep = false, zone = null, practice = null, coordinated = null, patienteleMt = 1200,
              fileActive = null, percentileBand = Tranche.P50P70, clinicalFeeShare = null,
              newlyInstalled = false, age = null, aldOrRqth = false, currentContract = null)

/** The same situation as the JSON document of `assistmed simulate --input -`. */
fun gpJson(): String = situationToJson(gpSituation(), Langue.FR)

fun newStore(): RuleStore = RuleStore.embedded()

/** One Kotlin→Rust→Kotlin round trip: the typed assessment (texts in French), lifted into Kotlin records. */
fun assess(store: RuleStore, situation: Situation): Any = store.assess(situation, Langue.FR)

/** The JSON entry point, for comparison: one string in, one string out. */
fun assessJson(store: RuleStore, json: String): Any = store.assessJson(json, Langue.FR)

/** The cheapest call that crosses the FFI (an accessor returning a small record): the fixed cost. */
fun provenance(store: RuleStore): Any = store.provenance()

/** Sanity check before measuring: the figures the benchmark moves are the real ones. */
fun describe(store: RuleStore): String {
    val a = store.assess(gpSituation(), Langue.FR)
    return "options " + a.options.joinToString { "${it.label}=${it.total ?: "-"}" }
}
