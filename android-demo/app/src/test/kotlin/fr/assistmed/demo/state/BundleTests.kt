// Signed rule updates end to end through the app's hooks: import (hex .sig file as written by
// `assistmed bundle sign`), storage of RuleStore.exportActive(), restore at the next launch,
// refusals. Uses the test bundles of bindings/scripts/make-test-fixtures.sh (regles-v2.json:
// bundle version 2, 2024 1/2 ETP year-1 amount 19500 instead of 19000), signed by the TEST-ONLY
// key that the debug library built with `--features test-keys` trusts.
package fr.assistmed.demo.state

import fr.assistmed.testing.*

import fr.assistmed.core.BundleOrigin
import fr.assistmed.core.ContractOption
import fr.assistmed.core.ResultView
import java.io.File
import java.math.BigDecimal

private fun halfYear1(r: ResultView?): BigDecimal? =
    r?.options?.firstOrNull { it.option == ContractOption.DEMI }?.cells?.firstOrNull()?.amount

fun runBundleTests(h: Harness) {
    val dir = System.getenv("ASSISTMED_TEST_BUNDLES")?.let(::File)
    val trusted = System.getenv("ASSISTMED_TEST_KEYS") == "1"
    fun files(name: String) = listOf(
        name to File(dir, name).readBytes(),
        "$name.sig" to File(dir, "$name.sig").readBytes(),
    )
    h.check("signed test bundles present (ASSISTMED_TEST_BUNDLES)") {
        ensure(dir != null && File(dir, "regles-v2.json.sig").isFile && File(dir, "regles-v1.json.sig").isFile) {
            "no test bundles in $dir (android-demo/scripts/test-jvm.sh writes them)"
        }
    }
    if (dir == null || !File(dir, "regles-v2.json.sig").isFile) return

    h.check("import a signed update: stored, the simulation recomputed, restored at the next launch") {
        val bundles = InMemoryBundleStore()
        val answers = InMemorySimulationStore()
        val opened = RuleUpdates.open(bundles)
        val s = SimulationState(opened.store, answers, TODAY, opened.warning)
        s.setAnswer("patientele_mt", "1200")
        ensureEquals(BigDecimal("19000.00"), halfYear1(s.result), "embedded 1/2 ETP year 1")
        val outcome = RuleUpdates.import(s, files("regles-v2.json"), bundles)
        if (!trusted) {
            ensure(outcome is ImportOutcome.Refused && outcome.error.errorCode() == "signature_refusee") { "outcome without the test key: $outcome" }
            return@check
        }
        ensure(outcome is ImportOutcome.Installed && outcome.provenance.bundleVersion == 2uL) { "outcome: $outcome" }
        ensureEquals(BundleOrigin.UPDATE, s.about().provenance.origin, "origin after import")
        ensure(s.about().provenance.signatureHex?.length == 128) { "signature shown in hex" }
        ensureEquals(BigDecimal("19500.00"), halfYear1(s.result), "1/2 ETP year 1 under the update")
        ensure(bundles.load() != null) { "the update is stored" }

        // Next launch, another day: the stored update is checked again and answers again.
        val again = RuleUpdates.open(bundles)
        ensureEquals(null, again.warning, "warning at the next launch")
        val s2 = SimulationState(again.store, answers, "2026-01-01", again.warning)
        ensureEquals(BundleOrigin.UPDATE, s2.about().provenance.origin, "origin at the next launch")
        ensureEquals(s.result, s2.result, "result at the next launch")
        ensureEquals(Screen.RESULT, s2.screen, "screen at the next launch")

        // The embedded version (v1) is not newer: refused, the update stays.
        val older = RuleUpdates.import(s2, files("regles-v1.json"), bundles)
        ensure(older is ImportOutcome.Refused && older.error.errorCode() == "bundle_non_plus_recent") { "outcome of v1: $older" }
        ensureEquals(BigDecimal("19500.00"), halfYear1(s2.result), "still the update")
    }

    h.check("a stored update altered on the device falls back to the embedded rules, with a warning") {
        if (!trusted) return@check
        val v2 = files("regles-v2.json")
        val bytes = v2[0].second.copyOf()
        val i = String(bytes, Charsets.UTF_8).indexOf("19500")
        ensure(i >= 0) { "19500 not found in regles-v2.json" }
        bytes[i + 1] = '8'.code.toByte() // 19500 → 18500: the signature no longer matches
        val bundles = InMemoryBundleStore(StoredBundle(bytes, RuleUpdates.signatureBytes(v2[1].second)))
        val opened = RuleUpdates.open(bundles)
        ensure(opened.warning?.code?.startsWith("signature") == true) { "warning: ${opened.warning}" }
        ensureEquals(BundleOrigin.EMBEDDED, opened.store.provenance().origin, "origin")
        ensureEquals(null, bundles.load(), "the altered update is deleted")
        val s = SimulationState(opened.store, InMemorySimulationStore(), TODAY, opened.warning)
        s.setAnswer("patientele_mt", "1200")
        ensureEquals(BigDecimal("19000.00"), halfYear1(s.result), "embedded amount")
    }
}
