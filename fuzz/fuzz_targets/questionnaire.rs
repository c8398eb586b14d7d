//! The questionnaire entry points (`questionnaire`, `vue_resultat`: what the apps call at every
//! answer) on arbitrary answers. The input is lines `id=value` (the first line, if it is a date,
//! is "today"); ids are free text, so unknown ids, huge values and control characters get in.
//! Nothing may panic; an incomplete or wrong questionnaire is a typed error.
#![no_main]

#[path = "commun.rs"]
mod commun;

use assistmed_core::questionnaire::{questionnaire, vue_resultat, Reponses};
use assistmed_core::regles;
use assistmed_core::situation::lire_date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let langue = commun::langue(data);
    let texte = String::from_utf8_lossy(data);
    let Ok(rules) = regles() else {
        panic!("embedded rules do not load");
    };
    let mut lignes = texte.split('\n');
    let aujourd_hui = lignes.next().and_then(|l| lire_date("today", l).ok());
    let reponses: Reponses = lignes
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let q = questionnaire(rules, &reponses, aujourd_hui, langue);
    for question in &q.questions {
        if let Some(e) = &question.error {
            assert!(!e.message.is_empty());
        }
    }
    match vue_resultat(rules, &reponses, aujourd_hui, langue) {
        Ok(_) => assert!(q.complete, "a result view for an incomplete questionnaire"),
        Err(e) => commun::verifier_erreur(&e),
    }
});
