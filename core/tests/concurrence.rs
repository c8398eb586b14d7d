//! One store shared by 8 threads gives, call for call, the answers a single thread gives — on
//! the embedded rules and on a store with an installed (test-signed) bundle (issue 9).
//!
//! 8 threads × 10 000 calls in release (`cargo test --release`); in debug builds 8 × 1 000 so
//! that `cargo test` stays under 10 s on 2 cores. `ASSISTMED_CONCURRENCY_CALLS` overrides the
//! count.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

#[path = "support/golden.rs"]
mod support;

use std::sync::{Arc, Barrier};

use assistmed_core::bundle::{self, cle_privee, RuleStore};
use assistmed_core::questionnaire::{questionnaire, Reponses};
use assistmed_core::{chronologie, evaluer, Formule, Langue, Situation};
use serde_json::Value;

const THREADS: usize = 8;

fn appels_par_thread() -> usize {
    std::env::var("ASSISTMED_CONCURRENCY_CALLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            1_000
        } else {
            10_000
        })
}

/// The golden-case inputs that are situations (errors included: they must be stable too).
fn situations() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(support::dossier_cas())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let cas: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            cas["input"].to_string()
        })
        .collect();
    v.sort();
    assert!(v.len() > 20, "golden cases not found");
    v
}

/// One call of kind `k % 3` on input `k`: assessment, timeline, or questionnaire; the answer (or
/// the error code and field) as text.
fn appel(store: &RuleStore, entrees: &[String], k: usize) -> String {
    let texte = &entrees[k % entrees.len()];
    let r = store.regles();
    let rendu = match k % 3 {
        0 => Situation::depuis_json(texte)
            .and_then(|s| evaluer(r, &s, Langue::Fr))
            .map(|e| serde_json::to_string(&e).unwrap()),
        1 => Situation::depuis_json(texte)
            .and_then(|s| chronologie(r, &s, Formule::TOUTES[(k / 3) % 3], None, Langue::Fr))
            .map(|c| serde_json::to_string(&c).unwrap()),
        _ => {
            let v: Value = serde_json::from_str(texte).unwrap();
            let reponses: Reponses = v
                .as_object()
                .map(|o| {
                    o.iter()
                        .filter_map(|(k, v)| match v {
                            Value::String(s) => Some((k.clone(), s.clone())),
                            Value::Number(n) => Some((k.clone(), n.to_string())),
                            Value::Bool(b) => Some((k.clone(), b.to_string())),
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            Ok(format!(
                "{:?}",
                questionnaire(r, &reponses, None, Langue::Fr)
            ))
        }
    };
    rendu.unwrap_or_else(|e| format!("error:{}:{:?}", e.code, e.champ))
}

fn comparer(store: RuleStore) {
    let entrees = situations();
    let n = appels_par_thread();
    // Expected answers, on this thread alone (one per (input, kind) pair).
    let cles = entrees.len() * 3;
    let attendu: Vec<String> = (0..cles).map(|k| appel(&store, &entrees, k)).collect();
    let store = Arc::new(store);
    let entrees = Arc::new(entrees);
    let attendu = Arc::new(attendu);
    let depart = Arc::new(Barrier::new(THREADS));
    let fils: Vec<_> = (0..THREADS)
        .map(|t| {
            let (store, entrees, attendu, depart) = (
                store.clone(),
                entrees.clone(),
                attendu.clone(),
                depart.clone(),
            );
            std::thread::spawn(move || {
                depart.wait();
                let mut ecarts = 0usize;
                for i in 0..n {
                    let k = (i * 7 + t * 13) % cles;
                    if appel(&store, &entrees, k) != attendu[k] {
                        ecarts += 1;
                    }
                }
                ecarts
            })
        })
        .collect();
    let ecarts: usize = fils.into_iter().map(|f| f.join().unwrap()).sum();
    assert_eq!(
        ecarts, 0,
        "{ecarts} answers differ from the single-thread ones"
    );
}

#[test]
fn huit_threads_sur_les_regles_embarquees() {
    comparer(RuleStore::embarque().unwrap());
}

#[test]
fn huit_threads_sur_un_bundle_installe() {
    let mut doc: Value =
        serde_json::from_str(assistmed_core::rules::regles_embarquees_json().unwrap()).unwrap();
    doc["bundle_version"] = 2.into();
    let octets = serde_json::to_vec(&doc).unwrap();
    let cle = cle_privee(include_str!("../keys/test-only/TEST-ONLY-signing-key.hex")).unwrap();
    let store = RuleStore::embarque()
        .unwrap()
        .installer(&octets, &bundle::signer(&octets, &cle))
        .unwrap();
    assert_eq!(store.regles().bundle_version, 2);
    comparer(store);
}
