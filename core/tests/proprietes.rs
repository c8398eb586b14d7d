//! Properties over arbitrary inputs: no input panics; every result is an answer or a typed error;
//! every amount paid is a cell of the published tables; totals add up.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use assistmed_core::amounts::{id_montant, Colonne};
use assistmed_core::rules::Valeur;
use assistmed_core::{evaluer, regles, Formule, Saisie};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn cellules() -> Vec<Decimal> {
    let r = regles().unwrap();
    let mut v = Vec::new();
    for &f in Formule::TOUTES {
        for c in Colonne::TOUTES {
            for val in &r.parametre(id_montant(f, c)).unwrap().valeurs {
                if let Valeur::Montant(m) = val.valeur {
                    v.push(m);
                }
            }
        }
    }
    v
}

fn saisie() -> impl Strategy<Value = Saisie> {
    let date =
        (2017i32..2031, 1u32..13, 1u32..32).prop_map(|(a, m, j)| format!("{a:04}-{m:02}-{j:02}"));
    let specialite = prop::sample::select(vec![
        "01", "02", "03", "06", "07", "11", "12", "41", "70", "72", "99", "x",
    ]);
    let secteur = prop::sample::select(vec![
        "secteur_1",
        "secteur_2_optam",
        "secteur_2_optam_co",
        "secteur_2",
        "non_conventionne",
        "?",
    ]);
    let zone = prop::option::of(prop::sample::select(vec![
        "zip",
        "zac",
        "hors_zone",
        "nowhere",
    ]));
    let exercice = prop::option::of(prop::sample::select(vec!["solo", "groupe", "duo"]));
    let tranche = prop::option::of(prop::sample::select(vec![
        "below_p30",
        "p30_p50",
        "p50_p70",
        "p70_p90",
        "p90_p95",
        "p95_plus",
        "p99",
    ]));
    let part = prop::option::of(prop::sample::select(vec![
        "0", "0.5", "0.79", "0.8", "0.81", "1", "1.01", "-0.1", "abc",
    ]));
    let contrat = prop::option::of((
        prop::sample::select(vec!["tiers", "demi", "plein"]),
        (2019i32..2027),
        any::<bool>(),
    ));
    (
        (
            date,
            specialite,
            secteur,
            zone,
            exercice,
            prop::option::of(any::<bool>()),
        ),
        (
            prop::option::of(-50i64..25_000),
            prop::option::of(-50i64..25_000),
            tranche,
            part,
            prop::option::of(any::<bool>()),
            prop::option::of(10i64..110),
            prop::option::of(any::<bool>()),
            contrat,
        ),
    )
        .prop_map(
            |((d, sp, se, z, e, c), (pmt, fa, t, p, ni, age, ald, ct))| Saisie {
                signature_date: Some(d),
                specialty: Some(sp.into()),
                sector: Some(se.into()),
                mep: None,
                zone: z.map(Into::into),
                practice: e.map(Into::into),
                coordinated: c,
                patientele_mt: pmt,
                file_active: fa,
                percentile_band: t.map(Into::into),
                clinical_fee_share: p.map(Into::into),
                newly_installed: ni,
                age,
                ald_or_rqth: ald,
                current_contract: ct.map(|(o, a, r)| assistmed_core::situation::SaisieContrat {
                    option: Some(o.into()),
                    start: Some(format!("{a}-03-01")),
                    objectives_reached: Some(r),
                }),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// The options of an assessment share the reads their objectives have in common
    /// (`objectives::Communs`): each objective is the one computed alone, with its own reader.
    #[test]
    fn chaque_objectif_est_celui_de_son_option_calculee_seule(s in saisie()) {
        let r = regles().unwrap();
        let Ok(s) = s.valider() else { return Ok(()) };
        for langue in [assistmed_core::Langue::Fr, assistmed_core::Langue::En] {
            let Ok(ev) = evaluer(r, &s, langue) else { continue };
            let version = r.version_a(s.signature_date, "signature_date").unwrap();
            let spe = r.specialite(&s.specialty).unwrap();
            for o in &ev.options {
                let (Some(obj), Some(pos)) = (&o.objective, &ev.percentile) else { continue };
                let mut l = assistmed_core::provenance::Lecteur::new(r, version);
                let seul = assistmed_core::objectives::objectif(
                    &mut l, &s, spe, o.option, pos, s.signature_date, langue,
                ).unwrap();
                prop_assert_eq!(obj, &seul);
                prop_assert_eq!(obj.message.to_string(), seul.message.to_string());
            }
        }
    }

    /// A result echoes its situation field for field (`Situation::avec_specialite`), its
    /// specialty the embedded rules' own static text (a copy without an allocation).
    #[test]
    fn le_resultat_reprend_la_situation_telle_quelle(s in saisie()) {
        let r = regles().unwrap();
        let Ok(s) = s.valider() else { return Ok(()) };
        prop_assert!(!s.specialty.est_statique());
        let Ok(ev) = evaluer(r, &s, assistmed_core::Langue::Fr) else { return Ok(()) };
        prop_assert_eq!(&ev.situation, &s);
        prop_assert!(ev.situation.specialty.est_statique());
    }

    #[test]
    fn aucune_saisie_ne_panique_et_les_montants_viennent_des_tableaux(s in saisie()) {
        let r = regles().unwrap();
        let cellules = cellules();
        match s.valider().and_then(|s| evaluer(r, &s, assistmed_core::Langue::Fr)) {
            Err(e) => {
                prop_assert!(!e.message_fr.is_empty() && !e.message_en.is_empty());
            }
            Ok(ev) => {
                for o in &ev.options {
                    if ev.situation.ald_or_rqth {
                        // The CPAM sets the contract: no personal amount, no objective; the
                        // standard table only as information (policy §0.3).
                        prop_assert!(o.aid.is_empty() && o.total.is_none() && o.objective.is_none());
                        prop_assert_eq!(o.available, o.standard_table_for_information.is_some());
                        for a in o.standard_table_for_information.iter().flatten() {
                            prop_assert!(cellules.contains(&a.amount.unwrap()));
                        }
                        continue;
                    }
                    prop_assert!(o.standard_table_for_information.is_none());
                    prop_assert_eq!(o.available, !o.aid.is_empty());
                    let mut somme = Decimal::ZERO;
                    for a in &o.aid {
                        let m = a.amount.unwrap();
                        prop_assert!(cellules.contains(&m), "{} not a table cell", m);
                        somme += m;
                    }
                    if o.available {
                        prop_assert_eq!(o.total, Some(somme));
                    }
                }
                // JSON output never fails.
                prop_assert!(serde_json::to_string(&ev).is_ok());
            }
        }
    }
}
