//! The questionnaire and result view models the apps render: which questions appear when, how
//! answers are validated, and that the result view shows exactly the engine's figures for every
//! golden case.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

#[path = "support/golden.rs"]
mod support;

use assistmed_core::questionnaire::{questionnaire, vue_resultat, Reponses};
use assistmed_core::{evaluer, regles, Langue, Saisie, Statut};
use chrono::NaiveDate;
use serde_json::Value;

fn jour(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn reponses(paires: &[(&str, &str)]) -> Reponses {
    paires
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn ids(q: &assistmed_core::questionnaire::Questionnaire) -> Vec<&str> {
    q.questions.iter().map(|x| x.id.as_str()).collect()
}

#[test]
fn cas_courant_du_generaliste_en_une_saisie() {
    // Defaults pre-fill today's date, general practice, sector 1 and "no": only the patient list
    // is typed. Launch → type PMT → result: well under ten taps.
    let r = regles().unwrap();
    let vide = questionnaire(r, &Reponses::new(), jour("2025-01-15"), Langue::Fr);
    assert!(!vide.complete);
    assert_eq!(vide.rules_id.as_deref(), Some("convention-2024"));
    let pmt = vide
        .questions
        .iter()
        .find(|q| q.id == "patientele_mt")
        .unwrap();
    assert!(pmt.required && pmt.answer.is_none());

    let q = questionnaire(
        r,
        &reponses(&[("patientele_mt", "1200")]),
        jour("2025-01-15"),
        Langue::Fr,
    );
    assert!(
        q.complete,
        "{:#?}",
        q.questions
            .iter()
            .filter(|x| x.error.is_some())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        ids(&q),
        vec![
            "signature_date",
            "specialty",
            "sector",
            "patientele_mt",
            "file_active",
            "percentile_band",
            "newly_installed",
            "age",
            "ald_or_rqth",
            "mep",
            "current_contract"
        ]
    );
    let v = vue_resultat(
        r,
        &reponses(&[("patientele_mt", "1200")]),
        jour("2025-01-15"),
        Langue::Fr,
    )
    .unwrap();
    assert_eq!(v.verdict.status, Statut::Eligible);
    assert_eq!(v.verdict.symbol, "✓");
    assert_eq!(
        v.options[1].cells[0].amount,
        Some(rust_decimal::Decimal::from(19000))
    );
    assert_eq!(
        v.options[2].total,
        Some(rust_decimal::Decimal::from(132000))
    );
    assert!(v.options[1].objective_to_confirm);
    assert_eq!(
        v.disclaimer,
        "Simulation indicative, qui n'engage pas l'Assurance Maladie."
    );
}

#[test]
fn la_part_clinique_seulement_pour_chirurgiens_orl_gynecologues() {
    let r = regles().unwrap();
    for (spe, attendu) in [
        ("41", true),
        ("11", true),
        ("70", true),
        ("01", false),
        ("12", false),
    ] {
        let q = questionnaire(
            r,
            &reponses(&[("specialty", spe)]),
            jour("2025-01-15"),
            Langue::Fr,
        );
        assert_eq!(ids(&q).contains(&"clinical_fee_share"), attendu, "{spe}");
    }
    // Not asked under avenant 7, whose rule is not published.
    let q = questionnaire(
        r,
        &reponses(&[("specialty", "41")]),
        jour("2020-01-15"),
        Langue::Fr,
    );
    assert!(!ids(&q).contains(&"clinical_fee_share"));
}

#[test]
fn zone_et_exercice_seulement_sous_l_avenant_7() {
    let r = regles().unwrap();
    let q2019 = questionnaire(
        r,
        &reponses(&[("patientele_mt", "1200")]),
        jour("2020-01-15"),
        Langue::Fr,
    );
    for id in ["zone", "practice", "coordinated"] {
        let x = q2019
            .questions
            .iter()
            .find(|q| q.id == id)
            .unwrap_or_else(|| panic!("{id} missing"));
        assert!(x.required);
    }
    assert!(!ids(&q2019).contains(&"age") && !ids(&q2019).contains(&"current_contract"));
    let q2024 = questionnaire(
        r,
        &reponses(&[("patientele_mt", "1200")]),
        jour("2025-01-15"),
        Langue::Fr,
    );
    for id in ["zone", "practice", "coordinated"] {
        assert!(!ids(&q2024).contains(&id), "{id}");
    }
}

#[test]
fn questions_du_second_assistant_seulement_pour_un_generaliste_a_1_etp() {
    let r = regles().unwrap();
    let q = questionnaire(
        r,
        &reponses(&[("patientele_mt", "1500"), ("current_contract", "true")]),
        jour("2026-03-01"),
        Langue::Fr,
    );
    for id in [
        "zone",
        "current_contract.start",
        "current_contract.objectives_reached",
    ] {
        assert!(ids(&q).contains(&id), "{id}");
    }
    assert!(!q.complete);
    let complet = reponses(&[
        ("patientele_mt", "1500"),
        ("percentile_band", "p70_p90"),
        ("current_contract", "true"),
        ("current_contract.start", "2023-01-15"),
        ("current_contract.objectives_reached", "true"),
        ("zone", "zip"),
    ]);
    let v = vue_resultat(r, &complet, jour("2026-03-01"), Langue::Fr).unwrap();
    assert!(v.second_assistant.unwrap().contains("contactez votre CPAM"));
    // A specialist is not asked.
    let q = questionnaire(
        r,
        &reponses(&[("specialty", "14"), ("current_contract", "true")]),
        jour("2026-03-01"),
        Langue::Fr,
    );
    assert!(!ids(&q).contains(&"current_contract.start"));
}

#[test]
fn les_reponses_invalides_sont_signalees_sur_leur_question() {
    let r = regles().unwrap();
    let invalides = |l: Langue| {
        questionnaire(
            r,
            &reponses(&[("patientele_mt", "abc"), ("age", "12")]),
            jour("2025-01-15"),
            l,
        )
    };
    let q = invalides(Langue::Fr);
    assert!(!q.complete);
    let e = |id: &str| {
        q.questions
            .iter()
            .find(|x| x.id == id)
            .unwrap()
            .error
            .clone()
    };
    assert_eq!(e("patientele_mt").unwrap().code, "nombre_attendu");
    let age = e("age").unwrap();
    assert_eq!(age.code, "hors_bornes");
    assert!(age.message.contains("20"), "{}", age.message);
    let age_en = invalides(Langue::En)
        .questions
        .iter()
        .find(|x| x.id == "age")
        .unwrap()
        .error
        .clone()
        .unwrap();
    assert_eq!(age_en.code, "hors_bornes");
    assert!(age_en.message.contains("100"), "{}", age_en.message);
    let q = questionnaire(
        r,
        &reponses(&[("patientele_mt", "-5"), ("signature_date", "2018-01-01")]),
        None,
        Langue::Fr,
    );
    let e = |id: &str| {
        q.questions
            .iter()
            .find(|x| x.id == id)
            .unwrap()
            .error
            .clone()
    };
    assert_eq!(e("signature_date").unwrap().code, "hors_periode");
    assert_eq!(e("patientele_mt").unwrap().code, "hors_bornes");
    assert_eq!(q.pending, vec!["signature_date", "patientele_mt"]);
    // The result view keeps the answer's own error code.
    let e = vue_resultat(
        r,
        &reponses(&[("patientele_mt", "-5")]),
        jour("2025-01-15"),
        Langue::Fr,
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.champ.as_deref()),
        ("hors_bornes", Some("patientele_mt"))
    );
}

#[test]
fn la_tranche_devient_requise_quand_la_version_ne_permet_pas_de_la_deduire() {
    let r = regles().unwrap();
    let base = [
        ("patientele_mt", "1200"),
        ("zone", "zip"),
        ("practice", "groupe"),
        ("coordinated", "true"),
    ];
    let q = questionnaire(r, &reponses(&base), jour("2020-01-15"), Langue::Fr);
    assert!(!q.complete);
    assert!(
        q.questions
            .iter()
            .find(|x| x.id == "percentile_band")
            .unwrap()
            .required
    );
    let mut avec = base.to_vec();
    avec.push(("percentile_band", "p30_p50"));
    assert!(questionnaire(r, &reponses(&avec), jour("2020-01-15"), Langue::Fr).complete);
}

/// Golden-case input → app answers (the questionnaire's vocabulary).
fn vers_reponses(entree: &Value) -> Option<Reponses> {
    let mut r = Reponses::new();
    for (k, v) in entree.as_object()? {
        match (k.as_str(), v) {
            ("current_contract", c) => {
                if c["option"] != "plein" {
                    return None; // the questionnaire asks only about a 1 ETP contract
                }
                r.insert("current_contract".into(), "true".into());
                r.insert("current_contract.start".into(), c["start"].as_str()?.into());
                r.insert(
                    "current_contract.objectives_reached".into(),
                    c["objectives_reached"].to_string(),
                );
            }
            ("clinical_fee_share", Value::String(p)) => {
                let d: rust_decimal::Decimal = p.parse().ok()?;
                r.insert(
                    k.clone(),
                    (d * rust_decimal::Decimal::ONE_HUNDRED)
                        .normalize()
                        .to_string(),
                );
            }
            (_, Value::String(s)) => {
                r.insert(k.clone(), s.clone());
            }
            (_, other) => {
                r.insert(k.clone(), other.to_string());
            }
        }
    }
    Some(r)
}

#[test]
fn la_vue_resultat_montre_exactement_les_chiffres_du_moteur_pour_les_cas_dores() {
    let r = regles().unwrap();
    let mut n = 0;
    for (chemin, cas) in support::cas() {
        if cas["command"] != "simulate" || cas["expect"].get("error").is_some() {
            continue;
        }
        let Some(rep) = vers_reponses(&cas["input"]) else {
            continue;
        };
        let nom = chemin.display().to_string();
        let attendu = evaluer(
            r,
            &Saisie::depuis_json(&cas["input"].to_string())
                .unwrap()
                .valider()
                .unwrap(),
            Langue::Fr,
        )
        .unwrap();
        let q = questionnaire(r, &rep, None, Langue::Fr);
        assert!(
            q.complete,
            "{nom}: {:#?}",
            q.questions
                .iter()
                .filter(|x| x.error.is_some() || (x.required && x.answer.is_none()))
                .collect::<Vec<_>>()
        );
        let v = vue_resultat(r, &rep, None, Langue::Fr).unwrap();
        assert_eq!(v.verdict.status, attendu.eligibility.status, "{nom}");
        assert_eq!(v.rules.id, attendu.rules.id, "{nom}");
        for (ligne, o) in v.options.iter().zip(&attendu.options) {
            assert_eq!(ligne.available, o.available, "{nom}");
            let montants: Vec<_> = o.aid.iter().map(|a| a.amount).collect();
            assert_eq!(
                ligne.cells.iter().map(|c| c.amount).collect::<Vec<_>>(),
                montants,
                "{nom}"
            );
        }
        n += 1;
    }
    assert!(n >= 25, "{n} golden cases through the questionnaire");
}
