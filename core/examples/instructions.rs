//! Workload for the instruction-count benchmark (`scripts/bench-instructions.sh`): runs one
//! operation N times on the same inputs as the criterion benches (`benches/assessment.rs`), so
//! that callgrind's totals for N and for 0 give the instructions of one call, a figure that does
//! not move with the load of a shared machine.
//!
//! usage: instructions charger|evaluer|chronologie|economie N

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark workload may panic on bad args

use std::hint::black_box;

use assistmed_core::economie::{self, EntreeEconomie};
use assistmed_core::rules::charger_embarquees_au_demarrage;
use assistmed_core::{chronologie, evaluer, regles, Formule, Langue, Situation};

/// A GP taking a full-time assistant at 2 000 € gross a month from 2026-01-01 (the economics
/// golden case `tests/economics/001-plein-2026-2000.json`).
const ECONOMIE: &str = r#"{"option": "plein", "start": "2026-01-01", "gross_monthly": "2000",
    "situation": {"specialty": "01", "sector": "secteur_1", "patientele_mt": 1200,
    "percentile_band": "p50_p70"}}"#;

const SITUATION: &str = r#"{"signature_date": "2023-09-01", "specialty": "01", "sector": "secteur_1",
    "patientele_mt": 1200, "file_active": 1800, "percentile_band": "p50_p70", "age": 50}"#;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let operation = args.get(1).map(String::as_str).unwrap_or("evaluer");
    let n: u64 = args.get(2).map_or(1, |n| n.parse().unwrap());
    // Setup outside the measured difference: the rules and the situation exist for every N.
    let r = regles().unwrap();
    let s = Situation::depuis_json(SITUATION).unwrap();
    let (se, de) = EntreeEconomie::depuis_json(ECONOMIE)
        .unwrap()
        .valider()
        .unwrap();
    // One call of each kind before counting, in the runs for 0 and for N alike: the allocator's
    // first growth is setup, not the cost of a call.
    black_box(evaluer(r, &s, Langue::Fr).unwrap());
    black_box(chronologie(r, &s, Formule::Demi, None, Langue::Fr).unwrap());
    black_box(economie::calculer(r, &se, &de, Langue::Fr).unwrap());
    // The text a load inflates, into memory the loads reuse.
    let mut tampon = Vec::new();
    for _ in 0..n {
        match operation {
            "charger" => {
                // The rules of a process are loaded once and never dropped (a static):
                // a load is counted without freeing what it built.
                let regles = charger_embarquees_au_demarrage(&mut tampon).unwrap();
                std::mem::forget(black_box(regles));
            }
            "evaluer" => {
                black_box(evaluer(black_box(r), black_box(&s), Langue::Fr).unwrap());
            }
            "chronologie" => {
                black_box(
                    chronologie(black_box(r), black_box(&s), Formule::Demi, None, Langue::Fr)
                        .unwrap(),
                );
            }
            "economie" => {
                black_box(
                    economie::calculer(black_box(r), black_box(&se), black_box(&de), Langue::Fr)
                        .unwrap(),
                );
            }
            autre => panic!("unknown operation {autre}"),
        }
    }
}
