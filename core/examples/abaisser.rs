//! Workload for the instruction count of an assessment lowered across the FFI
//! (`scripts/bench-instructions.sh`, operation `abaisser`): the assessment of
//! `examples/instructions.rs`, then its uniffi lowering, the bytes a Kotlin or Swift call
//! receives, N times; callgrind's totals for N and for 0 give the cost of one.
//!
//! usage: abaisser N [FILE]    (FILE: where to write the lowered bytes of one assessment)

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark workload may panic on bad args

use std::hint::black_box;

use assistmed_core::{evaluer, regles, Evaluation, Langue, Situation, UniFfiTag};
use uniffi::Lower;

/// The situation of `examples/instructions.rs` and `benches/assessment.rs`.
const SITUATION: &str = r#"{"signature_date": "2023-09-01", "specialty": "01", "sector": "secteur_1",
    "patientele_mt": 1200, "file_active": 1800, "percentile_band": "p50_p70", "age": 50}"#;

fn main() {
    let n: u64 = std::env::args().nth(1).map_or(1, |n| n.parse().unwrap());
    let r = regles().unwrap();
    let s = Situation::depuis_json(SITUATION).unwrap();
    // One call before counting (as `instructions`), and the buffer uniffi would start from.
    let mut buf = Vec::new();
    <Evaluation as Lower<UniFfiTag>>::write(evaluer(r, &s, Langue::Fr).unwrap(), &mut buf);
    if let Some(fichier) = std::env::args().nth(2) {
        std::fs::write(fichier, &buf).unwrap();
    }
    for _ in 0..n {
        let mut buf = Vec::new();
        let ev = evaluer(black_box(r), black_box(&s), Langue::Fr).unwrap();
        <Evaluation as Lower<UniFfiTag>>::write(ev, &mut buf);
        black_box(buf);
    }
}
