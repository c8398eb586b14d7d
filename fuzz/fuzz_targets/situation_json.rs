//! `Situation::depuis_json` on arbitrary bytes (the input of `assistmed simulate --input`, of the
//! bindings' `situation_from_json` and `assess_json`), then, for every situation accepted, the
//! assessment and the timeline of each option. Nothing may panic; a refusal is a typed error.
#![no_main]

#[path = "commun.rs"]
mod commun;

use assistmed_core::{chronologie, evaluer, regles, Formule, Saisie, Situation};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let langue = commun::langue(data);
    let Ok(texte) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(rules) = regles() else {
        panic!("embedded rules do not load");
    };
    match Saisie::depuis_json(texte) {
        Err(e) => commun::verifier_erreur(&e),
        Ok(saisie) => match saisie.valider() {
            Err(e) => commun::verifier_erreur(&e),
            Ok(s) => {
                // The raw input written back reads back to the same situation.
                let json = serde_json::to_string(&saisie).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(Situation::depuis_json(&json).as_ref(), Ok(&s), "{json}");
                if let Err(e) = evaluer(rules, &s, langue) {
                    commun::verifier_erreur(&e);
                }
                for &f in Formule::TOUTES {
                    if let Err(e) = chronologie(rules, &s, f, None, langue) {
                        commun::verifier_erreur(&e);
                    }
                }
            }
        },
    }
});
