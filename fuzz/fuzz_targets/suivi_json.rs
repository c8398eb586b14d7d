//! A tracked contract (`assistmed track --input`, the bindings' `track`, the app's saved
//! « Mon contrat » file) on arbitrary bytes: strict reading, validation, the follow-up at a date
//! taken from the bytes, and the saved form's round trip. Nothing may panic; a refusal is a typed
//! error.
#![no_main]

#[path = "commun.rs"]
mod commun;

use assistmed_core::regles;
use assistmed_core::suivi::{self, SaisieSuivi};
use libfuzzer_sys::fuzz_target;

const DATES: &[&str] = &[
    "2019-09-01", "2021-09-01", "2023-05-01", "2024-06-22", "2024-09-01", "2026-08-31",
    "2026-09-01", "2026-12-01", "2029-08-31", "2099-12-31",
];

fuzz_target!(|data: &[u8]| {
    let Some((&choix, reste)) = data.split_first() else {
        return;
    };
    let Ok(texte) = std::str::from_utf8(reste) else {
        return;
    };
    let Ok(rules) = regles() else {
        panic!("embedded rules do not load");
    };
    // The same bytes also go through the reader of the saved form.
    if let Err(e) = suivi::relire(texte) {
        commun::verifier_erreur(&e);
    }
    let contrat = match SaisieSuivi::depuis_json(texte).and_then(|s| s.valider()) {
        Ok(c) => c,
        Err(e) => return commun::verifier_erreur(&e),
    };
    let on = DATES[usize::from(choix) % DATES.len()]
        .parse()
        .unwrap_or_else(|e| panic!("{e}"));
    if let Err(e) = suivi::suivre(rules, &contrat, on, commun::langue(data)) {
        commun::verifier_erreur(&e);
    }
    let enregistre = suivi::enregistrer(&contrat).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(suivi::relire(&enregistre).as_ref(), Ok(&contrat), "{enregistre}");
});
