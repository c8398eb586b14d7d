//! Benchmarks: (a) inflating, parsing and checking the embedded rules cold, (b) one full assessment,
//! (c) one 5-year contract timeline, (d) the economics of a 5-year contract (60 months of
//! payroll). Medians are quoted in the README.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benches may panic on broken fixtures

use std::hint::black_box;

use assistmed_core::economie::{self, EntreeEconomie};
use assistmed_core::rules::charger_embarquees_au_demarrage;
use assistmed_core::{chronologie, evaluer, regles, Formule, Langue, Situation};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

const SITUATION: &str = r#"{"signature_date": "2023-09-01", "specialty": "01", "sector": "secteur_1",
    "patientele_mt": 1200, "file_active": 1800, "percentile_band": "p50_p70", "age": 50}"#;

fn benches(c: &mut Criterion) {
    c.bench_function("load_embedded_rules_cold", |b| {
        // The rules of a process are loaded once and never dropped (a static): a load is
        // timed without freeing what it built, its text inflated into memory the calls reuse.
        let mut tampon = Vec::new();
        // One at a time: a batch of rule sets alive at once made the allocator give back
        // and take again their memory (a page fault per 4 KB), which is not the load's work.
        b.iter_batched(
            || (),
            |()| charger_embarquees_au_demarrage(&mut tampon).unwrap(),
            BatchSize::PerIteration,
        )
    });
    let r = regles().unwrap();
    let s = Situation::depuis_json(SITUATION).unwrap();
    c.bench_function("assessment", |b| {
        b.iter(|| evaluer(black_box(r), black_box(&s), Langue::Fr).unwrap())
    });
    // A GP, 1 ETP at 2 000 € gross from 2026-01-01 (tests/economics/001-plein-2026-2000.json).
    let (se, de) = EntreeEconomie::depuis_json(
        r#"{"option": "plein", "start": "2026-01-01", "gross_monthly": "2000", "situation":
        {"specialty": "01", "sector": "secteur_1", "patientele_mt": 1200, "percentile_band": "p50_p70"}}"#,
    )
    .unwrap()
    .valider()
    .unwrap();
    c.bench_function("economics_5_years", |b| {
        b.iter(|| {
            economie::calculer(black_box(r), black_box(&se), black_box(&de), Langue::Fr).unwrap()
        })
    });
    c.bench_function("timeline_5_years", |b| {
        b.iter(|| {
            chronologie(black_box(r), black_box(&s), Formule::Demi, None, Langue::Fr).unwrap()
        })
    });
}

criterion_group!(name = benches_assistmed; config = Criterion::default().sample_size(60); targets = benches);
criterion_main!(benches_assistmed);
