//! Prints the full result (Debug) of every golden, tracking and economics case, in French and in
//! English, for every command that applies: diffed before and after a refactor, it shows that the
//! results stay byte-identical (the golden cases only check a subset of each result).
//!
//! usage: cargo run --release -p assistmed-core --example instantane > before.txt

#![allow(clippy::unwrap_used, clippy::expect_used)] // a developer tool may panic on bad fixtures

#[path = "../tests/support/golden.rs"]
mod support;

use assistmed_core::economie::{self, EntreeEconomie};
use assistmed_core::suivi::{self, SaisieSuivi};
use assistmed_core::{
    chronologie, evaluer, regles, second_assistant_seul, Formule, Langue, Saisie,
};

fn main() {
    let r = regles().unwrap();
    for langue in [Langue::Fr, Langue::En] {
        for (chemin, c) in support::cas_de("cases") {
            let nom = chemin.display();
            let s = Saisie::depuis_json(&c["input"].to_string()).and_then(|s| s.valider());
            let Ok(s) = s else {
                println!("{nom} {langue:?} input {s:?}");
                continue;
            };
            println!("{nom} {langue:?} evaluer {:?}", evaluer(r, &s, langue));
            for &f in Formule::TOUTES {
                println!(
                    "{nom} {langue:?} chronologie {f:?} {:?}",
                    chronologie(r, &s, f, None, langue)
                );
            }
            println!(
                "{nom} {langue:?} second {:?}",
                second_assistant_seul(r, &s, langue)
            );
        }
        for (chemin, c) in support::cas_de("tracking") {
            let nom = chemin.display();
            let res = SaisieSuivi::depuis_json(&c["contract"].to_string())
                .and_then(|s| s.valider())
                .and_then(|contrat| {
                    let on = assistmed_core::situation::lire_date(
                        "on",
                        c["on"].as_str().unwrap_or_default(),
                    )?;
                    suivi::suivre(r, &contrat, on, langue)
                });
            println!("{nom} {langue:?} suivi {res:?}");
        }
        for (chemin, c) in support::cas_de("economics") {
            let nom = chemin.display();
            let res = EntreeEconomie::depuis_json(&c["input"].to_string())
                .and_then(|e| e.valider())
                .and_then(|(s, d)| economie::calculer(r, &s, &d, langue));
            println!("{nom} {langue:?} economie {res:?}");
        }
    }
}
