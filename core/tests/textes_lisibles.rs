//! The texts a doctor reads (reasons, objectives, caveats, second-assistant conditions) carry
//! labels and long dates, never the internal codes or ISO dates of the JSON contract.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

#[path = "support/golden.rs"]
mod support;

use assistmed_core::{evaluer, regles, Evaluation, Langue, Saisie};

/// Internal codes that must not reach a message.
const CODES: &[&str] = &[
    "hors_zone",
    "secteur_1",
    "secteur_2",
    "non_conventionne",
    "below_p30",
    "p30_p50",
    "p50_p70",
    "p70_p90",
    "p90_p95",
    "p95_plus",
    "= [",
    "[pmt",
    "[zip",
    "avenant-7-2019",
    "reglement-arbitral-2023",
    "convention-2024",
    "eligibilite.",
    "objectif.",
    "seuil.",
    "montant.",
];

/// Whether `t` holds a date written YYYY-MM-DD.
pub fn date_iso(t: &str) -> Option<&str> {
    let b = t.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let chiffres = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
        (chiffres(0..4) && w[4] == b'-' && chiffres(5..7) && w[7] == b'-' && chiffres(8..10))
            .then(|| &t[i..i + 10])
    })
}

/// The texts of one assessment, in its language.
fn textes(e: &Evaluation) -> Vec<String> {
    let mut t = Vec::new();
    for r in &e.eligibility.reasons {
        t.push(r.message.to_string());
    }
    for o in &e.options {
        for r in &o.unavailable_reasons {
            t.push(r.message.to_string());
        }
        if let Some(obj) = &o.objective {
            t.push(obj.message.to_string());
        }
    }
    for c in &e.caveats {
        t.push(c.message.to_string());
    }
    if let Some(sa) = &e.second_assistant {
        t.push(sa.message.to_string());
        for c in &sa.conditions {
            t.push(c.message.to_string());
        }
    }
    t
}

#[test]
fn les_messages_des_cas_dores_sont_lisibles_sans_glossaire() {
    let r = regles().unwrap();
    let mut vus = 0;
    let mut fautes = Vec::new();
    for (chemin, cas) in support::cas() {
        if cas["command"] != "simulate" || cas["expect"].get("error").is_some() {
            continue;
        }
        let s = Saisie::depuis_json(&cas["input"].to_string())
            .unwrap()
            .valider()
            .unwrap();
        let deux_langues = [Langue::Fr, Langue::En]
            .into_iter()
            .flat_map(|l| textes(&evaluer(r, &s, l).unwrap()));
        for texte in deux_langues {
            vus += 1;
            for code in CODES {
                if texte.contains(code) {
                    fautes.push(format!("{}: `{code}` in « {texte} »", chemin.display()));
                }
            }
            if let Some(d) = date_iso(&texte) {
                fautes.push(format!("{}: ISO date {d} in « {texte} »", chemin.display()));
            }
            if texte.contains("regroupé (solo ou groupe)") {
                fautes.push(format!(
                    "{}: contradiction in « {texte} »",
                    chemin.display()
                ));
            }
        }
    }
    assert!(vus > 500, "{vus} texts");
    assert!(fautes.is_empty(), "{}", fautes.join("\n"));
}

#[test]
fn le_detecteur_de_dates_iso_fonctionne() {
    assert_eq!(date_iso("le 2024-09-01."), Some("2024-09-01"));
    assert_eq!(date_iso("le 1er septembre 2024"), None);
    assert_eq!(date_iso("2024-9-01"), None);
}
