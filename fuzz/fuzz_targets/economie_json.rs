//! The economics request (`assistmed economics --input`, the bindings' `economics`) on arbitrary
//! bytes: strict reading, validation, then the employer cost month by month, the net per year
//! and the break-even, for every request accepted. Nothing may panic; a refusal is a typed error;
//! `net = aid − employer_cost` exactly wherever both are known.
#![no_main]

#[path = "commun.rs"]
mod commun;

use assistmed_core::economie::{self, EntreeEconomie};
use assistmed_core::regles;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(texte) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(rules) = regles() else {
        panic!("embedded rules do not load");
    };
    let entree = match EntreeEconomie::depuis_json(texte) {
        Ok(e) => e,
        Err(e) => return commun::verifier_erreur(&e),
    };
    let (s, d) = match entree.valider() {
        Ok(v) => v,
        Err(e) => return commun::verifier_erreur(&e),
    };
    match economie::calculer(rules, &s, &d, commun::langue(data)) {
        Err(e) => commun::verifier_erreur(&e),
        Ok(e) => {
            let v = serde_json::to_value(&e).unwrap_or_else(|x| panic!("{x}"));
            for annee in v["years"].as_array().into_iter().flatten() {
                let lire = |k: &str| annee[k].as_str().and_then(|t| t.parse::<rust_decimal::Decimal>().ok());
                if let (Some(aide), Some(cout), Some(net)) = (lire("aid"), lire("employer_cost"), lire("net")) {
                    assert_eq!(aide - cout, net, "{annee}");
                }
            }
        }
    }
});
