//! Runs the language-neutral economics golden cases of `tests/economics/` against the core, and
//! checks the economics invariants (net = aid − cost exactly, months, rounding, errors).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

#[path = "support/golden.rs"]
mod support;

use std::path::{Path, PathBuf};

use assistmed_core::economie::{self, Demande, EntreeEconomie, Hypotheses};
use assistmed_core::{regles, CodeErreur, Erreur, Formule, Langue, Saisie};
use rust_decimal::Decimal;
use serde_json::Value;
use support::verifier_sortie;

fn cas() -> Vec<(PathBuf, Value)> {
    let dossier = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/economics");
    let mut chemins: Vec<PathBuf> = std::fs::read_dir(dossier)
        .expect("tests/economics")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    chemins.sort();
    chemins
        .into_iter()
        .map(|c| {
            let v = serde_json::from_str(&std::fs::read_to_string(&c).unwrap()).unwrap();
            (c, v)
        })
        .collect()
}

fn executer(cas: &Value) -> Result<Value, Erreur> {
    let entree = EntreeEconomie::depuis_json(&cas["input"].to_string())?;
    let (s, d) = entree.valider()?;
    let e = economie::calculer(regles()?, &s, &d, Langue::Fr)?;
    Ok(serde_json::to_value(e).unwrap())
}

#[test]
fn cas_economie() {
    let tous = cas();
    assert!(tous.len() >= 10, "economics golden cases missing");
    let mut echecs = Vec::new();
    for (chemin, c) in &tous {
        assert!(
            c["source"].as_str().is_some_and(|s| !s.is_empty()),
            "{chemin:?}: every case cites its source"
        );
        let attendu = &c["expect"];
        let r = match (executer(c), attendu.get("error")) {
            (Ok(sortie), None) => verifier_sortie(attendu, &sortie),
            (Ok(_), Some(e)) => Err(format!("expected error {e}, got an output")),
            (Err(err), Some(e)) => {
                if err.code.as_str() == e["code"].as_str().unwrap_or_default()
                    && err.champ.as_deref() == e["field"].as_str()
                {
                    assert!(!err.message_fr.is_empty() && !err.message_en.is_empty());
                    Ok(())
                } else {
                    Err(format!("expected {e}, got {err}"))
                }
            }
            (Err(err), None) => Err(format!("unexpected error {err}")),
        };
        if let Err(m) = r {
            echecs.push(format!("{}: {m}", chemin.display()));
        }
    }
    assert!(echecs.is_empty(), "{}", echecs.join("\n"));
}

fn gp(date: &str) -> assistmed_core::Situation {
    Saisie::depuis_json(&format!(
        r#"{{"signature_date": "{date}", "specialty": "01", "sector": "secteur_1", "percentile_band": "p50_p70"}}"#
    ))
    .unwrap()
    .valider()
    .unwrap()
}

fn demande(option: Formule, debut: &str, brut: Option<&str>) -> Demande {
    Demande {
        option,
        debut: Some(debut.parse().unwrap()),
        brut_mensuel: brut.map(|b| b.parse().unwrap()),
        hypotheses: Hypotheses::default(),
    }
}

#[test]
fn net_egale_aide_moins_cout_et_mois_arrondis() {
    let rules = regles().unwrap();
    for (f, brut) in [(Formule::Plein, Some("2345.67")), (Formule::Demi, None)] {
        let e = economie::calculer(
            rules,
            &gp("2026-03-15"),
            &demande(f, "2026-03-15", brut),
            Langue::Fr,
        )
        .unwrap();
        assert_eq!(e.years.len(), 5);
        for y in &e.years {
            assert_eq!(y.months.len(), 12);
            assert_eq!(y.months[0].month, y.start);
            let somme: Decimal = y.months.iter().map(|m| m.employer_cost).sum();
            assert_eq!(somme, y.employer_cost);
            for m in &y.months {
                assert_eq!(m.employer_cost, m.gross + m.contributions - m.reduction);
                assert_eq!(m.employer_cost.round_dp(2), m.employer_cost, "cents");
            }
            assert_eq!(y.net, y.aid.map(|a| a - y.employer_cost));
        }
        let aide: Decimal = e.years.iter().filter_map(|y| y.aid).sum();
        assert_eq!(e.total.aid, Some(aide));
        assert_eq!(e.total.net, Some(aide - e.total.employer_cost));
    }
}

#[test]
fn plancher_par_defaut_et_smic() {
    let rules = regles().unwrap();
    // 2025: the grid minimum (1 815,79 €, E3) is above the SMIC (1 801,80 €, E4).
    let e = economie::calculer(
        rules,
        &gp("2025-01-01"),
        &demande(Formule::Plein, "2025-01-01", None),
        Langue::Fr,
    )
    .unwrap();
    assert_eq!(
        e.years[0].months[0].gross,
        "1815.79".parse::<Decimal>().unwrap()
    );
    // 1/2 ETP: prorated (1 815,79 / 2 = 907,895 → 907,90).
    let e = economie::calculer(
        rules,
        &gp("2025-01-01"),
        &demande(Formule::Demi, "2025-01-01", None),
        Langue::Fr,
    )
    .unwrap();
    assert_eq!(
        e.years[0].months[0].gross,
        "907.90".parse::<Decimal>().unwrap()
    );
    // 2026: the SMIC (12,02 € × 151,67 h = 1 823,03 €, E4) is above the grid minimum.
    let e = economie::calculer(
        rules,
        &gp("2026-01-01"),
        &demande(Formule::Plein, "2026-01-01", None),
        Langue::Fr,
    )
    .unwrap();
    assert_eq!(
        e.years[0].months[0].gross,
        "1823.03".parse::<Decimal>().unwrap()
    );
    // A salary below the SMIC is raised to it, and the result says so.
    let e = economie::calculer(
        rules,
        &gp("2026-01-01"),
        &demande(Formule::Plein, "2026-01-01", Some("1500")),
        Langue::Fr,
    )
    .unwrap();
    assert!(e.years[0].months.iter().all(|m| m.raised_to_smic));
    assert!(e
        .caveats
        .iter()
        .any(|c| c.code == "economie_releve_au_smic"));
}

/// The reference's orders of magnitude (§7, E6: computed with modele-social for 2026, fewer than
/// 5 employees, grade C), to the euro. They hold only with the 2026 SMIC of the reference
/// (1 823,03 € all year): a SMIC raised in June 2026 moves them by about 300 € (full time).
#[test]
fn ordres_de_grandeur_2026_du_referentiel() {
    let rules = regles().unwrap();
    for (f, brut, attendu) in [
        (Formule::Plein, "1823.03", 22_791),
        (Formule::Plein, "2000", 26_982),
        (Formule::Demi, "911.52", 11_516),
        (Formule::Demi, "1000", 13_611),
    ] {
        let e = economie::calculer(
            rules,
            &gp("2026-01-01"),
            &demande(f, "2026-01-01", Some(brut)),
            Langue::Fr,
        )
        .unwrap();
        let ecart = (e.years[0].employer_cost - Decimal::from(attendu)).abs();
        assert!(
            ecart <= Decimal::ONE,
            "{f:?} at {brut} €: {} € a year, the reference says {attendu} €",
            e.years[0].employer_cost
        );
    }
}

#[test]
fn comparaison_et_vue_dans_les_deux_langues() {
    let rules = regles().unwrap();
    let s = gp("2026-09-01");
    let comparer = |l: Langue| {
        economie::comparer(
            rules,
            &s,
            None,
            Some("2000".parse().unwrap()),
            &Hypotheses::default(),
            l,
        )
        .unwrap()
    };
    for l in [Langue::Fr, Langue::En] {
        let c = comparer(l);
        assert_eq!(c.options.len(), 2);
        assert_eq!(c.options[0].option, Formule::Demi);
        assert_eq!(c.options[0].gross_monthly, Some("1000.00".parse().unwrap()));
        let v = economie::vue(regles().unwrap(), &c.options, l);
        assert_eq!(v.options.len(), 2);
        assert_eq!(v.options[1].rows.len(), 5);
        let t = v.texte();
        assert!(t.contains(if l == Langue::Fr {
            "Coût employeur"
        } else {
            "Employer cost"
        }));
        assert!(t.contains(if l == Langue::Fr {
            "1er septembre 2026"
        } else {
            "1 September 2026"
        }));
    }
    let fr = economie::vue(regles().unwrap(), &comparer(Langue::Fr).options, Langue::Fr);
    assert!(
        fr.options[1].rows[0].aid.contains("38\u{202f}000\u{a0}€"),
        "{}",
        fr.options[1].rows[0].aid
    );
    assert!(fr.options[1].rows[2].aid.ends_with('*'));
}

#[test]
fn erreurs_typees() {
    let rules = regles().unwrap();
    let s = gp("2026-01-01");
    let mut d = demande(Formule::Plein, "2026-01-01", Some("2000"));
    d.hypotheses.jours_travailles = Some(Decimal::ZERO);
    let e = economie::calculer(rules, &s, &d, Langue::Fr).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.champ.as_deref()),
        ("hors_bornes", Some("working_days"))
    );
    let mut d = demande(Formule::Plein, "2026-01-01", Some("2000"));
    d.hypotheses.taux_atmp = Some(Decimal::TWO);
    let e = economie::calculer(rules, &s, &d, Langue::Fr).unwrap_err();
    assert_eq!(e.champ.as_deref(), Some("atmp_rate"));
    assert!(economie::BandeFmt::depuis_code("adulte").is_err());
}

#[test]
fn chaque_mois_couvert_a_ses_taux_jusqu_a_deux_ans_apres_aujourd_hui() {
    let rules = regles().unwrap();
    let debut = economie::premier_mois_couvert(rules).unwrap();
    assert_eq!(
        debut,
        "2025-01-01".parse().unwrap(),
        "rates read for 2025 and 2026"
    );
    let maintenant = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let aujourd_hui = chrono::DateTime::from_timestamp(maintenant, 0)
        .unwrap()
        .date_naive();
    // A contract starting two years from now ends five years later.
    let fin = aujourd_hui + chrono::Months::new(24 + 60);
    let mut d = debut;
    let mut mois = 0;
    while d <= fin {
        for id in assistmed_core::rules::ids::ECONOMIE {
            let p = rules.parametre(id).unwrap();
            // The patient's value takes its first value before it starts (flagged, see the
            // caveat `economie_valeur_anterieure`); every cost parameter has a value.
            if !id.starts_with("economie.patient.") {
                assert!(p.a_la_date(d).is_some(), "{id} has no value on {d}");
            }
        }
        d = d + chrono::Months::new(1);
        mois += 1;
    }
    assert!(mois > 60);
    // Horizon: months from 1 January after the latest dated value use the latest values.
    assert_eq!(
        economie::horizon_publie(rules),
        "2027-01-01".parse().unwrap()
    );
}

#[test]
fn la_demande_est_lue_strictement_et_en_francais() {
    let double = r#"{"option":"demi","option":"plein","situation":{}}"#;
    assert_eq!(
        EntreeEconomie::depuis_json(double).unwrap_err().code,
        CodeErreur::JsonInvalide
    );
    let e = EntreeEconomie::depuis_json(r#"{"option":"demi","situation":{},"salaire":"1"}"#)
        .unwrap_err();
    assert_eq!(e.champ.as_deref(), Some("salaire"));
    assert!(e.message_fr.contains("inconnu"), "{}", e.message_fr);
    let e = EntreeEconomie::depuis_json(r#"{"situation":{}}"#).unwrap_err();
    assert_eq!(
        (e.code, e.champ.as_deref()),
        (CodeErreur::ChampRequis, Some("option"))
    );
    let e = EntreeEconomie::depuis_json(&format!(r#"{{"option":"{}"}}"#, "x".repeat(70_000)))
        .unwrap_err();
    assert_eq!(e.code, CodeErreur::TropVolumineux);
}

/// A request built by a program is checked exactly as its typed text would be: the same
/// request back, or the same typed error naming the same field.
#[test]
fn une_demande_de_programme_est_verifiee_comme_son_texte() {
    use assistmed_core::economie::{BandeFmt, EntreeHypotheses};
    let texte = |d: Option<Decimal>| d.map(|x| x.to_string());
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    let mut demandes = Vec::new();
    for (_, c) in cas() {
        if let Ok((_, demande)) =
            EntreeEconomie::depuis_json(&c["input"].to_string()).and_then(|e| e.valider())
        {
            demandes.push(demande);
        }
    }
    let base = demandes[0].clone();
    for (brut, contacts, taux) in [
        (Some(d("-1")), None, None),
        (
            Some(d("0.001")),
            Some(d("0.0000000000000000000000000001")),
            None,
        ),
        (
            None,
            Some(d("79228162514264337593543950335")),
            Some(d("-0.5")),
        ),
        (None, None, Some(d("0.000000000000000000000000001"))),
    ] {
        let mut x = base.clone();
        x.brut_mensuel = brut;
        x.hypotheses.contacts_par_an = contacts;
        x.hypotheses.taux_atmp = taux;
        x.hypotheses.bande_fmt = BandeFmt::default();
        demandes.push(x);
    }
    assert!(demandes.len() > 8);
    for x in demandes {
        let h = &x.hypotheses;
        let comme_texte = (|| {
            Ok::<_, Erreur>(Demande {
                option: x.option,
                debut: x.debut,
                brut_mensuel: x
                    .brut_mensuel
                    .map(|b| economie::lire_decimal("gross_monthly", &b.to_string()))
                    .transpose()?,
                hypotheses: EntreeHypotheses {
                    contacts_per_year: texte(h.contacts_par_an),
                    consultation_fee: texte(h.consultation),
                    fmt_band: Some(h.bande_fmt.code().to_owned()),
                    fmt: texte(h.forfait_mt),
                    working_days: texte(h.jours_travailles),
                    atmp_rate: texte(h.taux_atmp),
                    health_insurance_monthly: texte(h.mutuelle_mensuelle),
                }
                .valider()?,
            })
        })();
        assert_eq!(x.verifier(), comme_texte, "{x:?}");
    }
}
