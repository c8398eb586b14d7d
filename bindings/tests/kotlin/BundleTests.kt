// Signed rule updates from Kotlin (issue #5, "done when"): install a newer signed bundle and see
// a changed figure; install a tampered one and get the typed error and the old figure; persist
// what exportActive() gives and restore it at the next start.
//
// The bundles are written by bindings/scripts/make-test-fixtures.sh into $ASSISTMED_TEST_BUNDLES:
// regles-v2.json (bundle_version 2, 1/2 ETP year 1 from 2024-06-22 at 19 500 instead of 19 000)
// and regles-v1.json (the embedded version), each with its `.sig` (hex text, as `assistmed bundle
// sign` writes it), signed by the TEST-ONLY key. A library built with the `test-keys` feature
// trusts that key ($ASSISTMED_TEST_KEYS=1, the debug library of test-kotlin.sh); a shipped build
// must refuse those bundles (ASSISTMED_FFI_PROFILE=release).
package fr.assistmed.sdk.tests

import fr.assistmed.testing.*

import fr.assistmed.core.CodeErreur
import fr.assistmed.core.Formule
import fr.assistmed.core.Langue
import fr.assistmed.core.OrigineRegles
import fr.assistmed.core.AssistmedException
import fr.assistmed.sdk.RuleStore
import java.io.File
import java.math.BigDecimal

/** A signature file's bytes: 64 bytes written as 128 hex characters (and a newline). */
fun hexBytes(text: String): ByteArray {
    val t = text.trim()
    ensure(t.length % 2 == 0 && t.all { it in '0'..'9' || it in 'a'..'f' || it in 'A'..'F' }) { "not hex: ${t.take(20)}…" }
    return ByteArray(t.length / 2) { i -> t.substring(2 * i, 2 * i + 2).toInt(16).toByte() }
}

class TestBundles(dir: File) {
    val v2: ByteArray = File(dir, "regles-v2.json").readBytes()
    val v2Signature: ByteArray = hexBytes(File(dir, "regles-v2.json.sig").readText())
    val v2SignatureHex: String = File(dir, "regles-v2.json.sig").readText().trim().lowercase()
    val v1: ByteArray = File(dir, "regles-v1.json").readBytes()
    val v1Signature: ByteArray = hexBytes(File(dir, "regles-v1.json.sig").readText())
}

/** Year-1 aid of the 1/2 ETP option for the reference GP (golden case 001), in euros and cents. */
fun demiYear1(store: RuleStore): BigDecimal? =
    store.assess(GP_2025, Langue.FR).options.first { it.option == Formule.DEMI }.aid.first().amount?.setScale(2)

val OLD_FIGURE = BigDecimal("19000.00")
val NEW_FIGURE = BigDecimal("19500.00")

/** The bytes with one digit changed (the signature no longer matches). */
fun tampered(bytes: ByteArray): ByteArray = bytes.copyOf().also { b ->
    val i = b.indexOfFirst { it == '9'.code.toByte() }
    ensure(i >= 0) { "no digit 9 to change" }
    b[i] = '8'.code.toByte()
}

fun runBundleTests(h: Harness, embedded: RuleStore, dir: File?, testKeyTrusted: Boolean) {
    val bundles = try {
        TestBundles(dir ?: fail("\$ASSISTMED_TEST_BUNDLES is not set (run bindings/scripts/test-kotlin.sh)"))
    } catch (e: Throwable) {
        h.check("bundles: test bundles readable in $dir") { throw e }
        return
    }
    h.check("bundles: embedded store, nothing to persist") {
        ensureEquals(OLD_FIGURE, demiYear1(embedded), "embedded figure")
        ensureEquals(null, embedded.exportActive(), "exportActive()")
        ensureEquals(null, embedded.startupWarning(Langue.FR), "startupWarning(Langue.FR)")
        val p = embedded.provenance()
        ensureEquals(OrigineRegles.EMBEDDED, p.origin, "origin")
        ensureEquals(1uL, p.bundleVersion, "bundle version")
        ensureEquals(null, p.signature, "signature")
        ensure(p.published.year in 2024..2099) { "published: ${p.published}" }
    }
    if (!testKeyTrusted) {
        // A shipped build (no `test-keys`): the TEST-ONLY key is not trusted.
        h.check("bundles: this build refuses bundles signed by the TEST-ONLY key") {
            expectError("signature_refusee", "signature") { embedded.install(bundles.v2, bundles.v2Signature, Langue.FR) }
            RuleStore.restore(bundles.v2, bundles.v2Signature).use { s ->
                ensureEquals("signature_refusee", s.startupWarning(Langue.FR)?.kind?.jsonCode(), "startup warning")
                ensureEquals(OLD_FIGURE, demiYear1(s), "figure")
            }
        }
        return
    }
    h.check("bundles: install a newer signed bundle → changed figure, version 2, origin UPDATE") {
        embedded.install(bundles.v2, bundles.v2Signature, Langue.FR).use { updated ->
            ensureEquals(NEW_FIGURE, demiYear1(updated), "figure after install")
            val rules = updated.assess(GP_2025, Langue.FR).rules
            ensureEquals(2uL, rules.bundleVersion, "assessment.rules.bundleVersion")
            ensureEquals(OrigineRegles.UPDATE, rules.bundleOrigin, "assessment.rules.bundleOrigin")
            val p = updated.provenance()
            ensureEquals(OrigineRegles.UPDATE, p.origin, "provenance origin")
            ensureEquals(2uL, p.bundleVersion, "provenance version")
            ensureEquals(bundles.v2SignatureHex, p.signature, "provenance signature")
            ensureEquals(null, updated.startupWarning(Langue.FR), "no warning")
            ensureEquals(OLD_FIGURE, demiYear1(embedded), "the store installed on is unchanged")
        }
    }
    h.check("bundles: a tampered byte → SignatureRejected (signature_refusee), old figure") {
        try {
            embedded.install(tampered(bundles.v2), bundles.v2Signature, Langue.FR).close()
            fail("tampered bundle installed")
        } catch (e: AssistmedException) {
            ensureTypedError(e, "signature_refusee", "signature", Langue.FR)
        }
        ensureEquals(OLD_FIGURE, demiYear1(embedded), "figure after the refusal")
    }
    h.check("bundles: a truncated signature → SignatureInvalid (signature_invalide)") {
        expectError("signature_invalide", "signature") { embedded.install(bundles.v2, bundles.v2Signature.copyOf(40), Langue.FR) }
        expectError("signature_invalide", "signature") { embedded.install(bundles.v2, ByteArray(0), Langue.FR) }
        ensureEquals(OLD_FIGURE, demiYear1(embedded), "figure")
    }
    h.check("bundles: a bundle over 1 MiB → TooLarge (trop_volumineux), before the signature") {
        expectError("trop_volumineux", "bundle") { embedded.install(ByteArray(1_048_577) { ' '.code.toByte() }, bundles.v2Signature, Langue.FR) }
        RuleStore.restore(ByteArray(1_048_577), bundles.v2Signature).use { s ->
            ensureEquals("trop_volumineux", s.startupWarning(Langue.FR)?.kind?.jsonCode(), "startup warning")
            ensureEquals(OLD_FIGURE, demiYear1(s), "figure")
        }
    }
    h.check("bundles: a truncated bundle → signature_refusee") {
        expectError("signature_refusee", "signature") {
            embedded.install(bundles.v2.copyOf(bundles.v2.size / 2), bundles.v2Signature, Langue.FR)
        }
    }
    h.check("bundles: the same version, or installing twice → BundleNotNewer (bundle_non_plus_recent)") {
        expectError("bundle_non_plus_recent", "bundle_version") { embedded.install(bundles.v1, bundles.v1Signature, Langue.FR) }
        embedded.install(bundles.v2, bundles.v2Signature, Langue.FR).use { updated ->
            expectError("bundle_non_plus_recent", "bundle_version") { updated.install(bundles.v2, bundles.v2Signature, Langue.FR) }
            ensureEquals(NEW_FIGURE, demiYear1(updated), "figure kept")
        }
    }
    h.check("bundles: exportActive → restore gives the update again, without warning") {
        val saved = embedded.install(bundles.v2, bundles.v2Signature, Langue.FR).use { it.exportActive() } ?: fail("nothing exported")
        ensure(saved.bundle.contentEquals(bundles.v2)) { "exported bytes differ from the installed ones" }
        ensure(saved.signature.contentEquals(bundles.v2Signature)) { "exported signature differs" }
        RuleStore.restore(saved.bundle, saved.signature).use { restored ->
            ensureEquals(null, restored.startupWarning(Langue.FR), "startup warning")
            ensureEquals(NEW_FIGURE, demiYear1(restored), "figure after restore")
            ensureEquals(OrigineRegles.UPDATE, restored.provenance().origin, "origin")
        }
    }
    h.check("bundles: restore(corrupted) → embedded rules, warning signature_refusee") {
        RuleStore.restore(tampered(bundles.v2), bundles.v2Signature).use { s ->
            val w = s.startupWarning(Langue.FR) ?: fail("no startup warning")
            ensureEquals(CodeErreur.SIGNATURE_REFUSEE, w.kind, "warning kind")
            val en = s.startupWarning(Langue.EN) ?: fail("no startup warning in English")
            ensure(w.text.isNotBlank() && en.text.isNotBlank() && w.text != en.text) { "warning texts: <${w.text}> <${en.text}>" }
            ensureEquals(OLD_FIGURE, demiYear1(s), "figure")
            ensureEquals(OrigineRegles.EMBEDDED, s.provenance().origin, "origin")
            ensureEquals(null, s.exportActive(), "nothing to persist")
        }
        RuleStore.restore(bundles.v2.copyOf(100), bundles.v2Signature).use { s ->
            ensureEquals("signature_refusee", s.startupWarning(Langue.FR)?.kind?.jsonCode(), "truncated file")
        }
        RuleStore.restore(bundles.v2, bundles.v2Signature.copyOf(63)).use { s ->
            ensureEquals("signature_invalide", s.startupWarning(Langue.FR)?.kind?.jsonCode(), "truncated signature")
        }
        RuleStore.restore(bundles.v2, null).use { s ->
            ensureEquals("bundle_illisible", s.startupWarning(Langue.FR)?.kind?.jsonCode(), "signature missing")
            ensureEquals(OLD_FIGURE, demiYear1(s), "figure")
        }
    }
    h.check("bundles: restore(null, null) → embedded rules, no warning") {
        RuleStore.restore(null, null).use { s ->
            ensureEquals(null, s.startupWarning(Langue.FR), "startup warning")
            ensureEquals(OLD_FIGURE, demiYear1(s), "figure")
            ensureEquals(embedded.provenance(), s.provenance(), "provenance")
        }
    }
    h.check("bundles: high-water mark — a lost bundle does not reopen older versions (BundleBelowFloor)") {
        val saved = embedded.install(bundles.v2, bundles.v2Signature, Langue.FR).use { it.exportActive() } ?: fail("nothing exported")
        ensureEquals(2uL, saved.highWaterMark, "exported mark")
        ensureEquals(1uL, embedded.highWaterMark(), "embedded mark")
        // Version 3 was installed once and its file lost: the app restores with the mark only.
        RuleStore.restore(null, null, 3uL).use { s ->
            ensureEquals("bundle_sous_plancher", s.startupWarning(Langue.FR)?.kind?.jsonCode(), "warning")
            ensureEquals(OLD_FIGURE, demiYear1(s), "embedded rules answer")
            ensureEquals(3uL, s.highWaterMark(), "mark kept")
            try {
                s.install(bundles.v2, bundles.v2Signature, Langue.FR).close()
                fail("older bundle installed below the mark")
            } catch (e: AssistmedException) {
                ensureTypedError(e, "bundle_sous_plancher", "bundle_version", Langue.FR)
            }
        }
        RuleStore.restore(bundles.v2, bundles.v2Signature, 3uL).use { s ->
            ensureEquals("bundle_sous_plancher", s.startupWarning(Langue.FR)?.kind?.jsonCode(), "replayed v2 at start-up")
        }
        RuleStore.restore(bundles.v2, bundles.v2Signature, 2uL).use { s ->
            ensureEquals(null, s.startupWarning(Langue.FR), "v2 at mark 2")
            ensureEquals(NEW_FIGURE, demiYear1(s), "figure")
        }
    }
    h.check("bundles: README update flow") { readmeUpdateExample(bundles) }
}

/** What an app persists (SharedPreferences, files…): here, in memory. */
class Prefs {
    var bundle: ByteArray? = null
    var signature: ByteArray? = null
    var highWaterMark: ULong? = null
    fun save(bundle: ByteArray, signature: ByteArray, highWaterMark: ULong) {
        this.bundle = bundle
        this.signature = signature
        this.highWaterMark = highWaterMark
    }
}

/** The update flow of bindings/README.md, verbatim between the markers, run twice (two starts). */
fun readmeUpdateExample(bundles: TestBundles) {
    val prefs = Prefs()
    val bundleBytes = bundles.v2
    val signatureBytes = bundles.v2Signature
    // README-UPDATE-BEGIN
    // At start-up: what was stored last time (null, null, null on the first start).
    val store = RuleStore.restore(prefs.bundle, prefs.signature, prefs.highWaterMark)
    store.startupWarning(Langue.FR)?.let { println("mise à jour écartée : ${it.text}") }
    // When the user opens an update file and its signature: a new store, or an AssistmedException
    // (e.kind() SIGNATURE_REFUSEE…, e.message in the language asked).
    val next = store.install(bundleBytes, signatureBytes, Langue.FR)
    // Keep the high-water mark apart from the bundle: it outlives a lost or corrupted bundle file.
    next.exportActive()?.let { prefs.save(it.bundle, it.signature, it.highWaterMark) }
    // README-UPDATE-END
    ensureEquals(NEW_FIGURE, demiYear1(next), "figure after install")
    store.close()
    next.close()
    ensureEquals(2uL, prefs.highWaterMark, "high-water mark stored")
    RuleStore.restore(prefs.bundle, prefs.signature, prefs.highWaterMark).use { second ->
        ensureEquals(null, second.startupWarning(Langue.FR), "second start: warning")
        ensureEquals(NEW_FIGURE, demiYear1(second), "second start: figure")
    }
    // Third start: the bundle file was lost, the mark was not; the old bundle cannot come back.
    RuleStore.restore(null, null, prefs.highWaterMark).use { third ->
        ensureEquals("bundle_sous_plancher", third.startupWarning(Langue.FR)?.kind?.jsonCode(), "bundle lost: embedded rules, with the reason")
        ensureEquals(OLD_FIGURE, demiYear1(third), "third start: embedded figure")
        ensureEquals(2uL, third.highWaterMark(), "mark kept")
    }
}
