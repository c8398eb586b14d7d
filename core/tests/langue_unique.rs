//! One language per result: every entry point, called in French and in English on every golden,
//! tracking and economics case, gives the same result (same structure, same figures, same
//! codes) with its texts in the language of the call: no English in a French text, no French in
//! an English one. Also the app: after a language change it shows what an app started in that
//! language shows, on every screen.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

#[path = "support/golden.rs"]
mod support;

use std::collections::BTreeMap;

use assistmed_core::app::{Application, Ecran, Evenement, PREFIXE_CONTRAT};
use assistmed_core::bundle::RuleStore;
use assistmed_core::economie::{self, EntreeEconomie, Hypotheses};
use assistmed_core::questionnaire::{questionnaire, vue_resultat, Reponses};
use assistmed_core::situation::lire_date;
use assistmed_core::suivi::{self, SaisieSuivi};
use assistmed_core::{
    chronologie, evaluer, regles, second_assistant_seul, Formule, Langue, Saisie,
};
use serde::Serialize;
use serde_json::Value;

/// Words only an English sentence has (spaces included: whole words).
const ANGLAIS: &[&str] = &[
    " the ", "The ", " of ", " is ", " and ", " with ", " to ", " from ", "Year ", " year",
];
/// Words and letters only a French sentence has.
const FRANCAIS: &[&str] = &[
    " le ", " les ", " des ", " est ", " une ", " du ", " à ", " pas ", " et ", " pour ", "Année",
    " année", "é", "è", "ê", "à", "ù", "ç",
];
/// French terms the English texts keep on purpose (names of the Assurance Maladie's own
/// notions, as the doctor reads them on amelipro).
const TERMES_FRANCAIS: &[&str] = &[
    "Médecin-traitant",
    "médecin-traitant",
    "médecin traitant",
    // Diplomas (the rule data's notice on the assistant's qualification).
    "CQP assistant médical",
    "auxiliaire de puériculture",
];

/// Pairs (path, French text, English text) of the string leaves of two results; a difference of
/// structure or of a non-text value (number, boolean, null) is a fault.
fn feuilles(
    fr: &Value,
    en: &Value,
    chemin: &str,
    textes: &mut Vec<(String, String, String)>,
    fautes: &mut Vec<String>,
) {
    match (fr, en) {
        (Value::Object(a), Value::Object(b)) => {
            if a.keys().ne(b.keys()) {
                fautes.push(format!(
                    "{chemin}: keys {:?} ≠ {:?}",
                    a.keys().collect::<Vec<_>>(),
                    b.keys().collect::<Vec<_>>()
                ));
            }
            for (k, v) in a {
                if let Some(w) = b.get(k) {
                    feuilles(v, w, &format!("{chemin}.{k}"), textes, fautes);
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                fautes.push(format!(
                    "{chemin}: {} elements in French, {} in English",
                    a.len(),
                    b.len()
                ));
            }
            for (i, (v, w)) in a.iter().zip(b).enumerate() {
                feuilles(v, w, &format!("{chemin}[{i}]"), textes, fautes);
            }
        }
        (Value::String(a), Value::String(b)) => textes.push((chemin.into(), a.clone(), b.clone())),
        (a, b) if a == b => {}
        (a, b) => fautes.push(format!("{chemin}: {a} in French, {b} in English")),
    }
}

/// Rule data stays bilingual (`text_fr`/`text_en` of notices…), the situation is the input and
/// references are sources' own titles: only the rendered texts are checked.
fn rendu(chemin: &str) -> bool {
    !(chemin.contains("_fr")
        || chemin.contains("_en")
        || chemin.contains("references")
        || chemin.contains("situation"))
}

/// The faults of the French and English results of one call.
fn comparer(nom: &str, fr: &Value, en: &Value, fautes: &mut Vec<String>) -> usize {
    let mut textes = Vec::new();
    let mut structure = Vec::new();
    feuilles(fr, en, "$", &mut textes, &mut structure);
    fautes.extend(structure.into_iter().map(|f| format!("{nom}: {f}")));
    let mut n = 0;
    for (chemin, f, e) in textes.iter().filter(|(c, _, _)| rendu(c)) {
        n += 1;
        for mot in ANGLAIS.iter().filter(|m| f.contains(*m)) {
            fautes.push(format!("{nom} {chemin}: English `{mot}` in « {f} »"));
        }
        let sans_termes = TERMES_FRANCAIS
            .iter()
            .fold(e.clone(), |t, terme| t.replace(terme, ""));
        for mot in FRANCAIS.iter().filter(|m| sans_termes.contains(*m)) {
            fautes.push(format!("{nom} {chemin}: French `{mot}` in « {e} »"));
        }
    }
    n
}

fn deux<T: Serialize>(f: impl Fn(Langue) -> T) -> (Value, Value) {
    (
        serde_json::to_value(f(Langue::Fr)).unwrap(),
        serde_json::to_value(f(Langue::En)).unwrap(),
    )
}

/// A golden case's input as the questionnaire's answers (a running contract left out).
fn reponses(entree: &Value) -> Reponses {
    entree
        .as_object()
        .unwrap()
        .iter()
        .filter_map(|(k, v)| match v {
            Value::String(s) => Some((k.clone(), s.clone())),
            Value::Object(_) => None,
            autre => Some((k.clone(), autre.to_string())),
        })
        .collect()
}

#[test]
fn chaque_resultat_est_dans_la_langue_de_l_appel() {
    let r = regles().unwrap();
    let mut fautes = Vec::new();
    let mut textes = 0;
    for (nom, cas) in support::cas()
        .into_iter()
        .map(|(p, v)| (p.file_name().unwrap().to_string_lossy().into_owned(), v))
    {
        let rep = reponses(&cas["input"]);
        let (a, b) = deux(|l| questionnaire(r, &rep, None, l));
        textes += comparer(&format!("{nom} questionnaire"), &a, &b, &mut fautes);
        let (a, b) = deux(|l| vue_resultat(r, &rep, None, l).ok());
        textes += comparer(&format!("{nom} vue_resultat"), &a, &b, &mut fautes);
        let Ok(s) = Saisie::depuis_json(&cas["input"].to_string()).and_then(|s| s.valider()) else {
            continue;
        };
        let (a, b) = deux(|l| evaluer(r, &s, l).ok());
        textes += comparer(&format!("{nom} evaluer"), &a, &b, &mut fautes);
        for &f in Formule::TOUTES {
            let (a, b) = deux(|l| chronologie(r, &s, f, None, l).ok());
            textes += comparer(&format!("{nom} chronologie {f:?}"), &a, &b, &mut fautes);
        }
        let (a, b) = deux(|l| second_assistant_seul(r, &s, l).ok());
        textes += comparer(&format!("{nom} second_assistant"), &a, &b, &mut fautes);
        let comparaison = |l| {
            economie::comparer(
                r,
                &s,
                None,
                Some("2000".parse().unwrap()),
                &Hypotheses::default(),
                l,
            )
            .ok()
        };
        let (a, b) = deux(comparaison);
        textes += comparer(&format!("{nom} comparer"), &a, &b, &mut fautes);
        let (a, b) =
            deux(|l| comparaison(l).map(|c| economie::vue_comparaison(regles().unwrap(), &c, l)));
        textes += comparer(&format!("{nom} vue_comparaison"), &a, &b, &mut fautes);
    }
    for (nom, cas) in support::cas_de("tracking")
        .into_iter()
        .map(|(p, v)| (p.file_name().unwrap().to_string_lossy().into_owned(), v))
    {
        let Ok(c) =
            SaisieSuivi::depuis_json(&cas["contract"].to_string()).and_then(|s| s.valider())
        else {
            continue;
        };
        let on = lire_date("on", cas["on"].as_str().unwrap()).unwrap();
        let (a, b) = deux(|l| suivi::suivre(r, &c, on, l).ok());
        textes += comparer(&format!("{nom} suivre"), &a, &b, &mut fautes);
        let (a, b) = deux(|l| suivi::ecran::vue(r, &c, on, l).ok());
        textes += comparer(&format!("{nom} vue du contrat"), &a, &b, &mut fautes);
    }
    for (nom, cas) in support::cas_de("economics")
        .into_iter()
        .map(|(p, v)| (p.file_name().unwrap().to_string_lossy().into_owned(), v))
    {
        let Ok((s, d)) =
            EntreeEconomie::depuis_json(&cas["input"].to_string()).and_then(|e| e.valider())
        else {
            continue;
        };
        let (a, b) = deux(|l| economie::calculer(r, &s, &d, l).ok());
        textes += comparer(&format!("{nom} calculer"), &a, &b, &mut fautes);
        let (a, b) = deux(|l| {
            economie::calculer(r, &s, &d, l)
                .ok()
                .map(|e| economie::vue(regles().unwrap(), &[e], l))
        });
        textes += comparer(&format!("{nom} vue economie"), &a, &b, &mut fautes);
    }
    assert!(textes > 20_000, "{textes} texts compared");
    assert!(fautes.is_empty(), "{}", fautes.join("\n"));
}

/// Golden case 001 (S10) typed in, and tests/tracking/001's contract (S37).
fn saisir(a: &mut Application) {
    for (id, v) in [
        ("signature_date", "15/01/2025"),
        ("patientele_mt", "1200"),
        ("percentile_band", "p50_p70"),
    ] {
        a.traiter(Evenement::Repondre {
            id: id.into(),
            valeur: Some(v.into()),
        });
    }
    for (id, v) in [
        ("signature_date", "01/09/2024"),
        ("specialty", "01"),
        ("sector", "secteur_1"),
        ("option", "plein"),
        ("start", "01/09/2024"),
        ("percentile_band", "p50_p70"),
        ("baseline_pmt", "1300"),
        ("target_pmt", "1560"),
        ("current_pmt", "1450"),
    ] {
        a.traiter(Evenement::Repondre {
            id: format!("{PREFIXE_CONTRAT}{id}"),
            valeur: Some(v.into()),
        });
    }
}

#[test]
fn l_app_change_de_langue_sur_chaque_ecran() {
    let demarrer = |l| {
        Application::demarrer(
            RuleStore::embarque().unwrap(),
            &BTreeMap::new(),
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1),
            l,
        )
    };
    let mut fautes = Vec::new();
    for ecran in [
        Ecran::Questionnaire,
        Ecran::Resultat,
        Ecran::Comparaison,
        Ecran::BaseLegale,
        Ecran::APropos,
        Ecran::CoutNet,
        Ecran::MonContrat,
    ] {
        let ouvrir = |a: &mut Application| {
            saisir(a);
            a.traiter(Evenement::VoirResultat);
            a.traiter(Evenement::Ouvrir { ecran });
            a.traiter(Evenement::Repondre {
                id: "economie.gross_monthly".into(),
                valeur: Some("2000".into()),
            });
        };
        let mut fr = demarrer(Langue::Fr);
        ouvrir(&mut fr);
        let mut en = demarrer(Langue::En);
        ouvrir(&mut en);
        assert_eq!(fr.ecran(), ecran);
        let (vf, ve) = (fr.vue(), en.vue());
        comparer(
            &format!("{ecran:?}"),
            &serde_json::to_value(&vf).unwrap(),
            &serde_json::to_value(&ve).unwrap(),
            &mut fautes,
        );
        // A language change renders the whole state again, both ways.
        fr.traiter(Evenement::Langue { code: "en".into() });
        assert_eq!(fr.vue(), ve, "{ecran:?}: French app switched to English");
        en.traiter(Evenement::Langue { code: "fr".into() });
        assert_eq!(en.vue(), vf, "{ecran:?}: English app switched to French");
    }
    assert!(fautes.is_empty(), "{}", fautes.join("\n"));
}

/// The faults of a bilingual error: English in its French message, French in its English one.
fn fautes_erreur(nom: &str, e: &assistmed_core::Erreur, fautes: &mut Vec<String>) {
    comparer(
        nom,
        &Value::String(e.message_fr.clone()),
        &Value::String(e.message_en.clone()),
        fautes,
    );
}

/// An error stays bilingual (`Erreur.message_fr` / `message_en`, the CLI's `--json` prints
/// both): the same error whatever the language of the call, each message in its language.
#[test]
fn une_erreur_reste_bilingue_quelle_que_soit_la_langue_de_l_appel() {
    let r = regles().unwrap();
    let mut fautes = Vec::new();
    // Golden case 001's situation (2025): the 1/3 ETP option is closed to new contracts (S10).
    let s = Saisie::depuis_json(&support::cas()[0].1["input"].to_string())
        .unwrap()
        .valider()
        .unwrap();
    let (fr, en) = (
        chronologie(r, &s, Formule::Tiers, None, Langue::Fr).unwrap_err(),
        chronologie(r, &s, Formule::Tiers, None, Langue::En).unwrap_err(),
    );
    assert_eq!(fr, en, "timeline of a closed option");
    fautes_erreur("chronologie tiers", &fr, &mut fautes);
    // The questionnaire's situation: an answer out of bounds, then a required answer missing.
    let jour = chrono::NaiveDate::from_ymd_opt(2025, 1, 15);
    for paires in [&[("patientele_mt", "-5")][..], &[]] {
        let rep: Reponses = paires
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let (fr, en) = (
            assistmed_core::questionnaire::situation(r, &rep, jour, Langue::Fr).unwrap_err(),
            assistmed_core::questionnaire::situation(r, &rep, jour, Langue::En).unwrap_err(),
        );
        assert_eq!(fr, en, "{paires:?}");
        assert_eq!(fr.champ.as_deref(), Some("patientele_mt"));
        fautes_erreur(&format!("situation {paires:?}"), &fr, &mut fautes);
        // The result view refuses with the same error.
        assert_eq!(vue_resultat(r, &rep, jour, Langue::En).unwrap_err(), fr);
    }
    assert!(fautes.is_empty(), "{}", fautes.join("\n"));
}
