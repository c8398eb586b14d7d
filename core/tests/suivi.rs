//! Following a running contract: the golden cases of `tests/tracking/`, the « Mon contrat » view
//! model, the saved form, and proof that the rule and the assessment year are data.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

#[path = "support/golden.rs"]
mod golden;

use assistmed_core::situation::lire_date;
use assistmed_core::suivi::{self, ecran, ContratSuivi, SaisieSuivi};
use assistmed_core::{regles, CodeErreur, Erreur, Langue, RuleSet};
use serde_json::Value;

fn executer(rules: &RuleSet, cas: &Value) -> Result<Value, Erreur> {
    let c = SaisieSuivi::depuis_json(&cas["contract"].to_string())?.valider()?;
    let on = lire_date("on", cas["on"].as_str().unwrap_or_default())?;
    serde_json::to_value(suivi::suivre(rules, &c, on, Langue::Fr)?).map_err(Erreur::json_invalide)
}

fn verifier(rules: &RuleSet, cas: &Value) -> Result<(), String> {
    let attendu = &cas["expect"];
    match (executer(rules, cas), attendu.get("error")) {
        (Ok(sortie), None) => golden::verifier_sortie(attendu, &sortie),
        (Ok(_), Some(e)) => Err(format!("expected error {e}, got an output")),
        (Err(err), Some(e)) => {
            let code = e["code"].as_str().unwrap_or_default();
            let champ = e["field"].as_str();
            if err.code.as_str() != code || err.champ.as_deref() != champ {
                return Err(format!(
                    "expected error {code} on {champ:?}, got {} on {:?}: {err}",
                    err.code, err.champ
                ));
            }
            // The message names the field, in both languages.
            let f = champ.unwrap_or_default();
            if !err.message_fr.contains(f) || !err.message_en.contains(f) {
                return Err(format!("messages do not name `{f}`: {err}"));
            }
            Ok(())
        }
        (Err(err), None) => Err(format!("unexpected error: {err}")),
    }
}

#[test]
fn tous_les_cas_de_suivi_passent() {
    let rules = regles().unwrap();
    let tous = golden::cas_de("tracking");
    assert!(tous.len() >= 15, "tracking cases: {}", tous.len());
    let mut echecs = Vec::new();
    for (chemin, c) in &tous {
        let source = c["source"].as_str().unwrap_or_default();
        assert!(
            rules.reference(source).is_some(),
            "{}: unknown source `{source}`",
            chemin.display()
        );
        if let Err(e) = verifier(rules, c) {
            echecs.push(format!("{}: {e}", chemin.display()));
        }
    }
    assert!(echecs.is_empty(), "{}", echecs.join("\n"));
}

fn cas(id: &str) -> Value {
    golden::cas_de("tracking")
        .into_iter()
        .map(|(_, v)| v)
        .find(|v| v["id"] == id)
        .unwrap_or_else(|| panic!("case {id}"))
}

fn contrat(id: &str) -> (ContratSuivi, chrono::NaiveDate) {
    let c = cas(id);
    (
        ContratSuivi::depuis_json(&c["contract"].to_string()).unwrap(),
        lire_date("on", c["on"].as_str().unwrap()).unwrap(),
    )
}

const NNBSP: char = '\u{202F}';
const NBSP: char = '\u{A0}';

#[test]
fn l_ecran_mon_contrat_de_l_exemple_du_ticket() {
    // 2024, 1 ETP, +150 of +260 PMT in year 3: the figures come from the case (S36's hint) and
    // the 2024 table (S10: 22 000), the usual reading is 22 000 × 150 ÷ 260 = 12 692.31.
    let (c, on) = contrat("2024-plein-issue-example");
    let v = ecran::vue(regles().unwrap(), &c, on, Langue::Fr).unwrap();
    let en = ecran::vue(regles().unwrap(), &c, on, Langue::En).unwrap();
    assert_eq!(v.contract_year, 3);
    assert!(
        v.year
            .starts_with("3e année du contrat (du 1er septembre 2026 au 31 août 2027)"),
        "{}",
        v.year
    );
    let pmt = &v.indicators[0];
    assert!(
        pmt.text.contains(&format!(
            "1{NNBSP}450 (départ 1{NNBSP}300, cible 1{NNBSP}560), +150 sur +260, soit 58{NNBSP}%"
        )),
        "{}",
        pmt.text
    );
    assert!(
        pmt.text.ends_with("cible pas encore atteinte"),
        "{}",
        pmt.text
    );
    assert!(
        pmt.spoken
            .contains("150 patients gagnés sur 260 demandés, soit 58 pour cent"),
        "{}",
        pmt.spoken
    );
    let pmt_en = &en.indicators[0];
    assert!(pmt_en.text.contains("+150 of +260, 58%"), "{}", pmt_en.text);
    assert_eq!(pmt.symbol, "✗");
    assert_eq!(
        pmt.gauge.map(|g| g.to_string()),
        pmt.progress.map(|p| p.to_string())
    );
    assert!(!v.verdict.met);
    assert!(
        v.verdict.rule.contains("une des deux cibles suffit"),
        "{}",
        v.verdict.rule
    );
    assert!(v.verdict.rule.contains("S37"), "{}", v.verdict.rule);
    assert!(
        v.assessment.starts_with(
            "Objectif évalué à partir de la 3e année, commencée le 1er septembre 2026"
        ),
        "{}",
        v.assessment
    );
    assert_eq!(v.outlook.len(), 3);
    let a3 = &v.outlook[0].text;
    assert!(
        a3.starts_with("Année 3 (du 1er septembre 2026 au 31 août 2027) : "),
        "{a3}"
    );
    assert!(
        a3.contains(&format!("22{NNBSP}000{NBSP}€ au maximum")),
        "{a3}"
    );
    assert!(
        a3.contains("objectif non atteint : modulé, formule non publiée"),
        "{a3}"
    );
    assert!(
        a3.contains(&format!(
            "Lecture usuelle (hypothèse, grade C) : 12{NNBSP}692,31{NBSP}€"
        )),
        "{a3}"
    );
    assert!(
        v.outlook[0].spoken.contains("12692 euros et 31 centimes"),
        "{}",
        v.outlook[0].spoken
    );
    assert!(en.outlook[0]
        .text
        .contains("Usual reading (assumption, grade C): €12,692.31"));
    let codes: Vec<&str> = v.caveats.iter().map(|c| c.code.as_str()).collect();
    assert!(codes.contains(&"indicateur_non_suivi"), "{codes:?}");
}

#[test]
fn pas_encore_evalue_la_veille_de_l_anniversaire() {
    let (c, on) = contrat("eve-of-anniversary");
    let v = ecran::vue(regles().unwrap(), &c, on, Langue::Fr).unwrap();
    assert!(v.year.starts_with("2e année"), "{}", v.year);
    assert!(v.assessment.starts_with("Pas encore évalué : l'objectif le sera à partir de la 3e année, qui commence le 1er septembre 2026"), "{}", v.assessment);
    let en = ecran::vue(regles().unwrap(), &c, on, Langue::En).unwrap();
    assert!(
        en.assessment.starts_with("Not assessed yet"),
        "{}",
        en.assessment
    );
    assert_eq!(v.indicators[0].symbol, "✓");
    assert!(v.verdict.met);
    assert!(
        v.outlook[0]
            .text
            .contains("(le maximum : objectif atteint)"),
        "{}",
        v.outlook[0].text
    );
}

#[test]
fn un_contrat_2019_dit_les_deux_cibles_et_son_echeance() {
    let (c, on) = contrat("2019-demi-one-met");
    let v = ecran::vue(regles().unwrap(), &c, on, Langue::Fr).unwrap();
    assert!(
        v.verdict
            .rule
            .contains("les deux cibles doivent être atteintes"),
        "{}",
        v.verdict.rule
    );
    assert_eq!(v.verdict.title, "Objectif pas encore atteint");
    // Year 5 is revalued (2024 transition, S10): the line says which rules its amount is from.
    assert!(
        v.outlook[2].text.contains("montant de « convention-2024 »"),
        "{}",
        v.outlook[2].text
    );
    let (c, on) = contrat("2019-demi-both-met-prefilled");
    let v = ecran::vue(regles().unwrap(), &c, on, Langue::Fr).unwrap();
    assert!(
        v.assessment
            .contains("Échéance publiée pour atteindre l'objectif : 28 février 2023."),
        "{}",
        v.assessment
    );
    assert!(v.indicators[0]
        .text
        .contains("cible pré-remplie d'après la grille, à vérifier"));
}

#[test]
fn le_contrat_enregistre_se_relit_a_l_identique() {
    let (c, _) = contrat("2024-demi-one-met");
    let texte = suivi::enregistrer(&c).unwrap();
    assert!(
        texte.starts_with(r#"{"format":"assistmed-suivi","version":1,"#),
        "{texte}"
    );
    assert_eq!(suivi::relire(&texte).unwrap(), c);
    for abime in [
        &texte[..texte.len() / 2],
        "",
        "[]",
        r#"{"format":"autre","version":1,"contract":{}}"#,
    ] {
        let e = suivi::relire(abime).unwrap_err();
        assert_eq!(e.code, CodeErreur::JsonInvalide, "{abime}");
    }
    // An edited file is validated again, with the field at fault.
    let modifie = texte.replace(r#""baseline_pmt":900"#, r#""baseline_pmt":-4"#);
    let e = suivi::relire(&modifie).unwrap_err();
    assert_eq!(
        (e.code, e.champ.as_deref()),
        (CodeErreur::HorsBornes, Some("baseline_pmt"))
    );
    // Over the size limit: refused before parsing, with the code of every oversized input.
    let gros = " ".repeat(suivi::ENREGISTREMENT_TAILLE_MAX + 1);
    assert_eq!(
        suivi::relire(&gros).unwrap_err().code,
        CodeErreur::TropVolumineux
    );
}

#[test]
fn saisies_incoherentes() {
    let base = cas("2024-demi-one-met")["contract"].clone();
    let essai = |modif: &dyn Fn(&mut Value)| {
        let mut v = base.clone();
        modif(&mut v);
        SaisieSuivi::depuis_json(&v.to_string())
            .and_then(|s| s.valider())
            .unwrap_err()
    };
    let e = essai(&|v| v["start"] = "2025-01-01".into());
    assert_eq!(
        (e.code, e.champ.as_deref()),
        (CodeErreur::Incoherence, Some("start"))
    );
    let e = essai(&|v| {
        v.as_object_mut().unwrap().remove("baseline_fa");
    });
    assert_eq!(
        (e.code, e.champ.as_deref()),
        (CodeErreur::ChampRequis, Some("baseline_fa"))
    );
    let e = essai(&|v| v["measurements"][1]["date"] = "2026-06-01".into());
    assert_eq!(
        (e.code, e.champ.as_deref()),
        (CodeErreur::Incoherence, Some("measurements[1].date"))
    );
    let e = essai(&|v| v["measurements"][0] = serde_json::json!({"date": "2026-06-01"}));
    assert_eq!(
        (e.code, e.champ.as_deref()),
        (CodeErreur::ChampRequis, Some("measurements[0].pmt"))
    );
    let e = essai(&|v| v["measurements"][0]["fa"] = 20_001.into());
    assert_eq!(
        (e.code, e.champ.as_deref()),
        (CodeErreur::HorsBornes, Some("measurements[0].fa"))
    );
    assert!(e.message_fr.contains("0 et 20000"), "{}", e.message_fr);
    let e = essai(&|v| v["unknown"] = 1.into());
    assert_eq!(e.code, CodeErreur::JsonInvalide);
    let e = essai(&|v| {
        v["measurements"] = Value::Array(vec![
            serde_json::json!({"date": "2026-06-01", "pmt": 1});
            suivi::MESURES_MAX + 1
        ])
    });
    assert_eq!(
        (e.code, e.champ.as_deref()),
        (CodeErreur::HorsBornes, Some("measurements"))
    );
}

/// The embedded rules with one value changed (for proving a rule is read from data).
fn regles_modifiees(id: &str, from: &str, valeur: Value) -> RuleSet {
    let texte = assistmed_core::rules::regles_embarquees_json().unwrap();
    let mut doc: Value = serde_json::from_str(texte).unwrap();
    let p = doc["parameters"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == id)
        .unwrap();
    for v in p["values"].as_array_mut().unwrap() {
        if v["from"] == from {
            v["value"] = valeur.clone();
        }
    }
    RuleSet::from_json(&doc.to_string()).unwrap()
}

#[test]
fn la_regle_et_l_annee_d_evaluation_sont_des_donnees() {
    let (c, on) = contrat("2024-demi-one-met");
    assert!(
        suivi::suivre(regles().unwrap(), &c, on, Langue::Fr)
            .unwrap()
            .met
    );
    let deux = regles_modifiees("objectif.une_cible_suffit", "2024-06-22", false.into());
    let s = suivi::suivre(&deux, &c, on, Langue::Fr).unwrap();
    assert!(
        !s.met,
        "with `both`, PMT at half its gain fails the objective"
    );
    assert_eq!(s.rule, suivi::RegleAtteinte::Both);

    let (c, on) = contrat("eve-of-anniversary");
    assert!(
        !suivi::suivre(regles().unwrap(), &c, on, Langue::Fr)
            .unwrap()
            .assessment
            .assessed
    );
    let des_2 = regles_modifiees("objectif.evaluation.annee_debut", "2024-06-22", 2.into());
    let s = suivi::suivre(&des_2, &c, on, Langue::Fr).unwrap();
    assert!(s.assessment.assessed);
    assert_eq!(
        s.assessment.from_date.map(|d| d.to_string()).as_deref(),
        Some("2025-09-01")
    );
}

#[test]
fn une_perte_ne_donne_pas_de_montant_negatif() {
    let mut v = cas("2024-plein-issue-example")["contract"].clone();
    v["measurements"][0]["pmt"] = 1200.into();
    let c = ContratSuivi::depuis_json(&v.to_string()).unwrap();
    let s = suivi::suivre(
        regles().unwrap(),
        &c,
        lire_date("on", "2026-12-01").unwrap(),
        Langue::Fr,
    )
    .unwrap();
    assert_eq!(s.indicators[0].gained, Some(-100));
    assert!(s.indicators[0].progress.unwrap().is_sign_negative());
    assert_eq!(
        s.aid_outlook[0]
            .usual_reading_amount
            .map(assistmed_core::money::euros)
            .as_deref(),
        Some("0.00")
    );
    let vue = ecran::vue_contrat(&s, Langue::Fr);
    assert!(
        vue.indicators[0].spoken.contains("100 patients perdus"),
        "{}",
        vue.indicators[0].spoken
    );
    assert_eq!(
        vue.indicators[0].gauge.map(|g| g.to_string()).as_deref(),
        Some("0")
    );
}

#[test]
fn fin_du_contrat() {
    let (c, _) = contrat("2024-plein-issue-example");
    let rules = regles().unwrap();
    // The last day of year 5 is the last day of the contract; the day after is outside it.
    let s = suivi::suivre(
        rules,
        &c,
        lire_date("on", "2029-08-31").unwrap(),
        Langue::Fr,
    )
    .unwrap();
    assert_eq!(s.contract_year, 5);
    assert_eq!(
        s.aid_outlook.iter().map(|p| p.period).collect::<Vec<_>>(),
        vec![
            suivi::Periode::Past,
            suivi::Periode::Past,
            suivi::Periode::Current
        ]
    );
    let e = suivi::suivre(
        rules,
        &c,
        lire_date("on", "2029-09-01").unwrap(),
        Langue::Fr,
    )
    .unwrap_err();
    assert_eq!(
        (e.code, e.champ.as_deref()),
        (CodeErreur::HorsBornes, Some("on"))
    );
    assert!(
        e.message_fr.contains("2024-09-01 et 2029-08-31"),
        "{}",
        e.message_fr
    );
}

mod proprietes {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn date() -> impl Strategy<Value = String> {
        (2017i32..2032, 1u32..13, 1u32..32).prop_map(|(a, m, j)| format!("{a:04}-{m:02}-{j:02}"))
    }

    fn compte() -> impl Strategy<Value = Option<i64>> {
        prop::option::of(prop_oneof![-5i64..25_000, 500i64..2_500])
    }

    fn saisie() -> impl Strategy<Value = (SaisieSuivi, String)> {
        (
            (date(), prop::option::of(date()), date()),
            prop::sample::select(vec!["01", "03", "12", "06", "zz"]),
            prop::sample::select(vec!["tiers", "demi", "plein", "x"]),
            prop::option::of(prop::sample::select(vec![
                "below_p30",
                "p30_p50",
                "p50_p70",
                "p70_p90",
                "p90_p95",
                "p95_plus",
            ])),
            (compte(), compte(), compte(), compte()),
            prop::collection::vec((date(), compte(), compte()), 0..4),
        )
            .prop_map(
                |((sig, start, on), spe, opt, band, (bp, tp, bf, tf), mesures)| {
                    (
                        SaisieSuivi {
                            signature_date: Some(sig),
                            specialty: Some(spe.into()),
                            sector: Some("secteur_1".into()),
                            option: Some(opt.into()),
                            start,
                            percentile_band: band.map(Into::into),
                            baseline_pmt: bp,
                            target_pmt: tp,
                            baseline_fa: bf,
                            target_fa: tf,
                            measurements: mesures
                                .into_iter()
                                .map(|(d, pmt, fa)| suivi::SaisieMesure {
                                    date: Some(d),
                                    pmt,
                                    fa,
                                })
                                .collect(),
                        },
                        on,
                    )
                },
            )
    }

    /// What every answer satisfies, whatever the contract.
    fn coherent(r: &suivi::Suivi, on: chrono::NaiveDate) -> Result<(), TestCaseError> {
        prop_assert!((1..=5).contains(&r.contract_year));
        prop_assert!(r.year_start <= on && on <= r.year_end);
        let atteints = r.indicators.iter().filter(|x| x.reached).count();
        match r.rule {
            suivi::RegleAtteinte::Both => prop_assert_eq!(r.met, atteints == r.indicators.len()),
            suivi::RegleAtteinte::OneOfTwo => prop_assert_eq!(r.met, atteints > 0),
        }
        for x in &r.indicators {
            prop_assert!(x.target > x.baseline);
            if let (Some(g), Some(p)) = (x.gained, x.progress) {
                // progress = gained ÷ required, within Decimal's 28 digits.
                let ecart = (p * Decimal::from(x.required) - Decimal::from(g)).abs();
                prop_assert!(ecart < Decimal::new(1, 20), "{} {} {}", p, g, x.required);
                prop_assert_eq!(x.reached, p >= Decimal::ONE);
            }
        }
        for p in &r.aid_outlook {
            prop_assert!(p.year >= 3);
            if let (Some(u), Some(m)) = (p.usual_reading_amount, p.maximum_amount) {
                prop_assert!(u >= Decimal::ZERO && u <= m);
                prop_assert_eq!(p.usual_reading_confidence, Some(assistmed_core::Grade::C));
            }
            prop_assert_eq!(p.outcome == suivi::IssueAide::Maximum, r.met);
        }
        for l in [Langue::Fr, Langue::En] {
            let v = ecran::vue_contrat(r, l);
            prop_assert_eq!(v.outlook.len(), r.aid_outlook.len());
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// Any input is an answer or a typed error; an answer is consistent with itself.
        #[test]
        fn toute_saisie_donne_une_reponse_coherente_ou_une_erreur((s, on) in saisie()) {
            let rules = regles().unwrap();
            let Ok(c) = s.valider() else { return Ok(()); };
            // The saved form reads back to the same contract.
            prop_assert_eq!(suivi::relire(&suivi::enregistrer(&c).unwrap()).unwrap(), c.clone());
            let Ok(on) = lire_date("on", &on) else { return Ok(()); };
            let Ok(r) = suivi::suivre(rules, &c, on, Langue::Fr) else { return Ok(()); };
            coherent(&r, on)?;
        }

        /// A well-formed GP contract (both indicators, targets above baselines, measurements
        /// between the start and `on`) always gets an answer, which passes the checks above.
        #[test]
        fn un_contrat_bien_forme_a_toujours_une_reponse(
            annee in 2019i32..2027, jour in 0u64..365, duree in 0u64..1826,
            opt in prop::sample::select(vec!["demi", "plein"]),
            band in prop::sample::select(vec!["p30_p50", "p50_p70", "p70_p90", "p90_p95", "p95_plus"]),
            (bp, hp, bf, hf) in (800u32..3000, 1u32..600, 800u32..3000, 1u32..600),
            mesures in prop::collection::vec((0u64..1826, -100i64..700, -100i64..700), 0..4),
        ) {
            use chrono::{Days, NaiveDate};
            let debut = NaiveDate::from_ymd_opt(annee, 9, 1).unwrap().checked_add_days(Days::new(jour)).unwrap();
            let on = debut.checked_add_days(Days::new(duree)).unwrap();
            let mut dates = std::collections::BTreeSet::new();
            let s = SaisieSuivi {
                signature_date: Some(debut.to_string()),
                specialty: Some("01".into()),
                sector: Some("secteur_1".into()),
                option: Some(opt.into()),
                start: None,
                percentile_band: Some(band.into()),
                baseline_pmt: Some(bp.into()),
                target_pmt: Some((bp + hp).into()),
                baseline_fa: Some(bf.into()),
                target_fa: Some((bf + hf).into()),
                measurements: mesures
                    .into_iter()
                    .map(|(j, dp, df)| (debut.checked_add_days(Days::new(j.min(duree))).unwrap(), dp, df))
                    .filter(|(d, _, _)| dates.insert(*d))
                    .map(|(d, dp, df)| suivi::SaisieMesure {
                        date: Some(d.to_string()),
                        pmt: Some(i64::from(bp) + dp),
                        fa: Some(i64::from(bf) + df),
                    })
                    .collect(),
            };
            let c = s.valider().unwrap();
            let r = suivi::suivre(regles().unwrap(), &c, on, Langue::Fr);
            prop_assert!(r.is_ok(), "{:?}", r.err());
            let r = r.unwrap();
            prop_assert_eq!(r.indicators.len(), 2);
            prop_assert_eq!(r.aid_outlook.len(), 3);
            prop_assert!(r.aid_outlook.iter().all(|p| p.maximum_amount.is_some()));
            coherent(&r, on)?;
        }

        /// Arbitrary text is never a saved contract by accident, and never a panic.
        #[test]
        fn un_texte_quelconque_ne_fait_pas_paniquer_la_relecture(t in ".{0,200}") {
            let _ = suivi::relire(&t);
        }
    }
}

#[test]
fn le_document_du_contrat_est_lu_strictement_et_en_francais() {
    // Duplicate keys are refused (serde_json alone keeps the last one), unknown fields are
    // named, and the French message carries no serde English.
    let double = r#"{"signature_date":"2024-09-01","signature_date":"2019-09-01"}"#;
    let e = suivi::SaisieSuivi::depuis_json(double).unwrap_err();
    assert_eq!(e.code, CodeErreur::JsonInvalide);
    let e = suivi::SaisieSuivi::depuis_json(r#"{"signature_dat":"2024-09-01"}"#).unwrap_err();
    assert_eq!(
        (e.code, e.champ.as_deref()),
        (CodeErreur::JsonInvalide, Some("signature_dat"))
    );
    assert!(e.message_fr.contains("inconnu"), "{}", e.message_fr);
    let e = suivi::SaisieSuivi::depuis_json(r#"{"option":12}"#).unwrap_err();
    for anglais in ["invalid type", "expected"] {
        assert!(!e.message_fr.contains(anglais), "{}", e.message_fr);
    }
}
