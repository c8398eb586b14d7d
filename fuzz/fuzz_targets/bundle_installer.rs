//! `RuleStore::installer` / `restaurer` on arbitrary bytes, and the engine on whatever rules get
//! installed. The first input byte picks the mode:
//!
//! * even: **raw** — the rest is `bundle bytes ‖ signature` (the signature is the last 64 bytes,
//!   or everything when shorter). Exercises the signature check (length, malformed points, wrong
//!   key) and `restaurer` with every combination of stored data, as an app's start-up would.
//! * odd: **signed** — the rest is the bundle, signed here with the TEST-ONLY key (trusted by this
//!   `test-keys` build), so that mutations reach the schema, version and integrity checks; when
//!   the bundle is accepted, the engine (`evaluer`, `chronologie`, `second_assistant_seul`) runs
//!   on fixed situations against the installed rules.
//!
//! Nothing may panic; every refusal leaves the previous rules answering.
#![no_main]

use std::sync::LazyLock;

use assistmed_core::bundle::{self, LONGUEUR_SIGNATURE};
use assistmed_core::rules::OrigineRegles;
use assistmed_core::{
    chronologie, evaluer, second_assistant_seul, CodeErreur, Formule, Langue, RuleStore, Situation,
};
use ed25519_dalek::SigningKey;
use libfuzzer_sys::fuzz_target;

const CLE_TEST: &str = include_str!("../../core/keys/test-only/TEST-ONLY-signing-key.hex");

/// The store on the embedded rules, trusting the production keys and the TEST-ONLY key.
static STORE: LazyLock<RuleStore> =
    LazyLock::new(|| RuleStore::embarque().unwrap_or_else(|e| panic!("embedded store: {e}")));

static CLE: LazyLock<SigningKey> = LazyLock::new(|| {
    bundle::cle_privee(CLE_TEST).unwrap_or_else(|e| panic!("TEST-ONLY signing key: {e}"))
});

/// Fixed situations, one per rule version and the second-assistant question (golden cases 001,
/// 007 and 041).
static SITUATIONS: LazyLock<Vec<Situation>> = LazyLock::new(|| {
    [
        r#"{"signature_date":"2025-01-15","specialty":"01","sector":"secteur_1","patientele_mt":1200,"percentile_band":"p50_p70"}"#,
        r#"{"signature_date":"2020-03-01","specialty":"01","sector":"secteur_1","patientele_mt":1000,"file_active":1500,"percentile_band":"p30_p50","practice":"groupe","coordinated":true,"zone":"zip"}"#,
        r#"{"signature_date":"2026-03-01","specialty":"01","sector":"secteur_1","patientele_mt":1500,"percentile_band":"p70_p90","zone":"zip","current_contract":{"option":"plein","start":"2023-01-15","objectives_reached":true}}"#,
    ]
    .iter()
    .map(|j| Situation::depuis_json(j).unwrap_or_else(|e| panic!("fixed situation: {e}")))
    .collect()
});

fuzz_target!(|data: &[u8]| {
    let Some((&mode, reste)) = data.split_first() else {
        return;
    };
    if mode & 1 == 0 {
        brut(reste);
    } else {
        signe(reste);
    }
});

/// Raw mode: the fuzzer chooses the signature too.
fn brut(reste: &[u8]) {
    let store = &*STORE;
    let coupe = reste.len().saturating_sub(LONGUEUR_SIGNATURE);
    let (octets, signature) = reste.split_at(coupe);
    let installe = store.installer(octets, signature);
    let (restaure, avertissement) = store.restaurer(Some(octets), Some(signature));
    match &installe {
        Ok(nouveau) => {
            assert!(avertissement.is_none());
            assert_eq!(restaure.provenance(), nouveau.provenance());
            moteur(nouveau);
        }
        Err(e) => {
            assert!(!e.message_fr.is_empty() && !e.message_en.is_empty());
            assert_eq!(avertissement.as_ref().map(|a| a.code), Some(e.code));
            assert_eq!(restaure.provenance(), store.provenance());
        }
    }
    // Half a stored bundle falls back to the current rules with a warning.
    for (o, s) in [(Some(octets), None), (None, Some(signature))] {
        let (r, a) = store.restaurer(o, s);
        assert_eq!(a.map(|a| a.code), Some(CodeErreur::BundleIllisible));
        assert_eq!(r.provenance(), store.provenance());
    }
}

/// Signed mode: past the signature check, into the parser and the engine.
fn signe(octets: &[u8]) {
    let store = &*STORE;
    let signature = bundle::signer(octets, &CLE);
    match store.installer(octets, &signature) {
        Ok(nouveau) => {
            let p = nouveau.provenance();
            assert_eq!(p.origin, OrigineRegles::Update);
            assert!(p.bundle_version > store.provenance().bundle_version);
            // What the app persists restores to the same rules.
            let exporte = nouveau.exporter();
            let Some((o, s)) = exporte.as_ref() else {
                panic!("an installed update exports nothing");
            };
            assert_eq!(o.as_slice(), octets);
            let (restaure, avertissement) = store.restaurer(Some(o), Some(s));
            assert!(avertissement.is_none(), "{avertissement:?}");
            assert_eq!(restaure.provenance(), p);
            let _ = bundle::differences(store.regles(), nouveau.regles());
            moteur(&nouveau);
        }
        Err(e) => {
            // Signed with a trusted key: refused for what it says, never for its signature.
            assert!(
                !matches!(
                    e.code,
                    CodeErreur::SignatureInvalide | CodeErreur::SignatureRefusee
                ),
                "{e:?}"
            );
            assert!(!e.message_fr.is_empty() && !e.message_en.is_empty());
        }
    }
}

/// The engine on installed rules: answers or typed errors, never a panic.
fn moteur(store: &RuleStore) {
    let regles = store.regles();
    for (i, s) in SITUATIONS.iter().enumerate() {
        // Both languages' texts, one situation in two each.
        let langue = if i % 2 == 0 { Langue::Fr } else { Langue::En };
        if let Ok(e) = evaluer(regles, s, langue) {
            assert_eq!(e.rules.bundle_version, regles.bundle_version);
        }
        for &f in Formule::TOUTES {
            let _ = chronologie(regles, s, f, None, langue);
        }
        if s.current_contract.is_some() {
            let _ = second_assistant_seul(regles, s, langue);
        }
    }
}
