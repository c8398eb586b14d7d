//! Integrity of the rule data: versions neither overlap nor leave gaps, every value is referenced,
//! every table is complete, and the amounts are exactly the reference tables (§3, source S10).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use assistmed_core::amounts::{id_montant, Colonne};
use assistmed_core::rules::{RuleSet, Valeur};
use assistmed_core::{regles, CodeErreur, Formule};
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde_json::Value;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn les_regles_embarquees_sont_valides() {
    let r = regles().unwrap();
    assert_eq!(r.versions.len(), 3);
    assert_eq!(r.versions[0].id, "avenant-7-2019");
    assert_eq!(r.versions[0].start, date("2019-09-01"));
}

#[test]
fn balayage_mensuel_de_2019_a_deux_ans_apres_aujourd_hui() {
    let r = regles().unwrap();
    let aujourd_hui = chrono::DateTime::from_timestamp(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64,
        0,
    )
    .unwrap()
    .date_naive();
    let fin = aujourd_hui + Months::new(24);
    let mut d = date("2019-09-01");
    let mut mois = 0;
    while d <= fin {
        let v = r
            .version_a(d, "signature_date")
            .unwrap_or_else(|e| panic!("{d}: {e}"));
        assert!(v.contient(d));
        // Calendar-dated economics parameters are checked month by month in tests/economie.rs.
        for (id, _) in assistmed_core::rules::ids::requis()
            .filter(|(id, _)| !id.starts_with(assistmed_core::rules::PREFIXE_CALENDAIRE))
        {
            assert!(
                r.parametre(id).unwrap().a_la_date(v.start).is_some(),
                "{id} has no value under {}",
                v.id
            );
        }
        d = d + Months::new(1);
        mois += 1;
    }
    assert!(mois > 80);
    let avant = r
        .version_a(date("2019-08-31"), "signature_date")
        .unwrap_err();
    assert_eq!(avant.code, CodeErreur::HorsPeriode);
    assert_eq!(avant.champ.as_deref(), Some("signature_date"));
}

#[test]
fn chaque_valeur_a_une_reference_connue() {
    let r = regles().unwrap();
    let mut n = 0;
    for p in r.parametres() {
        for v in &p.valeurs {
            assert!(!v.references.is_empty(), "{} @ {}", p.id, v.from);
            for id in &v.references {
                assert!(r.reference(id).is_some(), "{} @ {}: {id}", p.id, v.from);
            }
            n += 1;
        }
    }
    assert!(n > 200, "{n} values");
}

/// The tables of §3 of the reference (S2, S10), row by row: (option, version start, cells).
const TABLES: &[(Formule, &str, [Option<u32>; 5])] = &[
    (
        Formule::Tiers,
        "2019-09-01",
        [Some(12000), Some(9000), Some(7000), Some(8350), Some(12000)],
    ),
    (
        Formule::Demi,
        "2019-09-01",
        [
            Some(18000),
            Some(13500),
            Some(10500),
            Some(12500),
            Some(18000),
        ],
    ),
    (
        Formule::Plein,
        "2019-09-01",
        [
            Some(36000),
            Some(27000),
            Some(21000),
            Some(25000),
            Some(36000),
        ],
    ),
    (
        Formule::Demi,
        "2023-05-01",
        [
            Some(18000),
            Some(13500),
            Some(10500),
            Some(12500),
            Some(18000),
        ],
    ),
    (
        Formule::Plein,
        "2023-05-01",
        [
            Some(36000),
            Some(27000),
            Some(21000),
            Some(25000),
            Some(36000),
        ],
    ),
    (
        Formule::Demi,
        "2024-06-22",
        [
            Some(19000),
            Some(14000),
            Some(11000),
            Some(13000),
            Some(19000),
        ],
    ),
    (
        Formule::Plein,
        "2024-06-22",
        [
            Some(38000),
            Some(28000),
            Some(22000),
            Some(26000),
            Some(38000),
        ],
    ),
    (
        Formule::Tiers,
        "2024-06-22",
        [None, Some(9450), Some(7350), Some(8767), Some(12600)],
    ),
];

#[test]
fn les_montants_sont_exactement_les_tableaux_publies() {
    let r = regles().unwrap();
    for (f, debut, cellules) in TABLES {
        for (c, attendu) in Colonne::TOUTES.iter().zip(cellules) {
            let id = id_montant(*f, *c);
            let v = r.parametre(id).unwrap().a_la_date(date(debut)).unwrap();
            match attendu {
                Some(m) => assert_eq!(
                    v.valeur,
                    Valeur::Montant(Decimal::from(*m)),
                    "{id} @ {debut}"
                ),
                None => assert_eq!(v.valeur, Valeur::SansObjet, "{id} @ {debut}"),
            }
        }
    }
}

/// The 2023 and 2024 grids are GAPs: the objective is "to confirm", and its message gives the
/// reference's known hints (§5.3): +260 patients for a GP at 1 300 in 1 ETP (S36), the 2026
/// collective contract's +260 / +110 per ETP (S15), the +8.5 % average objective of the first
/// 402 GP contracts (E10), with those sources.
#[test]
fn les_grilles_2023_et_2024_donnent_les_indices_du_referentiel() {
    let r = regles().unwrap();
    for date in ["2023-09-01", "2025-01-06"] {
        let s = assistmed_core::Saisie::depuis_json(&format!(
            r#"{{"signature_date": "{date}", "specialty": "01", "sector": "secteur_1", "patientele_mt": 1200, "file_active": 1800, "percentile_band": "p50_p70"}}"#
        ))
        .unwrap()
        .valider()
        .unwrap();
        // The hints of §5.3 (S36, S15), in the language of the call: the English reader gets
        // them too.
        for (langue, indices) in [
            (
                assistmed_core::Langue::Fr,
                ["+260 patients (+20 %)", "1 300 patients", "+110", "+8,5 %"],
            ),
            (
                assistmed_core::Langue::En,
                ["+260 patients (+20%)", "1,300 patients", "+110", "+8.5%"],
            ),
        ] {
            let e = assistmed_core::evaluer(r, &s, langue).unwrap();
            for o in e.options.iter().filter(|o| o.available) {
                let obj = o.objective.as_ref().unwrap();
                for indice in indices {
                    assert!(
                        obj.message.to_string().contains(indice),
                        "{date}: {}",
                        obj.message
                    );
                }
            }
        }
        let e = assistmed_core::evaluer(r, &s, assistmed_core::Langue::Fr).unwrap();
        for o in e.options.iter().filter(|o| o.available) {
            let obj = o.objective.as_ref().unwrap();
            for source in ["S36", "S15", "E10"] {
                assert!(
                    obj.references.iter().any(|x| x == source),
                    "{date}: {source}"
                );
            }
        }
    }
}

/// Applies `f` to the embedded document and parses the result.
fn muter(f: impl FnOnce(&mut Value)) -> Result<RuleSet, assistmed_core::Erreur> {
    let mut doc: Value =
        serde_json::from_str(assistmed_core::rules::regles_embarquees_json().unwrap()).unwrap();
    f(&mut doc);
    RuleSet::from_json(&doc.to_string())
}

fn refusee(f: impl FnOnce(&mut Value), attendu: &str) {
    let e = muter(f).unwrap_err();
    assert_eq!(e.code, CodeErreur::ReglesInvalides);
    assert!(
        e.message_fr.contains(attendu) || e.message_en.contains(attendu),
        "expected `{attendu}` in: {e}"
    );
}

fn parametre<'a>(doc: &'a mut Value, id: &str) -> &'a mut Value {
    doc["parameters"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == id)
        .unwrap()
}

#[test]
fn le_document_intact_passe() {
    assert!(muter(|_| {}).is_ok());
}

#[test]
fn un_trou_entre_versions_est_refuse() {
    refusee(
        |d| d["versions"][0]["end_exclusive"] = "2023-04-01".into(),
        "trou",
    );
}

#[test]
fn un_chevauchement_est_refuse() {
    refusee(
        |d| d["versions"][1]["end_exclusive"] = "2024-07-01".into(),
        "chevauchement",
    );
}

#[test]
fn une_version_ouverte_suivie_d_une_autre_est_refusee() {
    refusee(
        |d| d["versions"][0]["end_exclusive"] = Value::Null,
        "sans fin",
    );
}

#[test]
fn une_valeur_sans_reference_est_refusee() {
    refusee(
        |d| parametre(d, "montant.demi.annee_1")["values"][0]["references"] = serde_json::json!([]),
        "aucune référence",
    );
}

#[test]
fn une_note_sans_sa_traduction_est_refusee() {
    refusee(
        |d| {
            let v = &mut parametre(d, "objectif.arrondi")["values"][0];
            v.as_object_mut().unwrap().remove("note_en");
        },
        "`note_en`",
    );
    refusee(
        |d| {
            let v = &mut parametre(d, "montant.demi.annee_1")["values"][0];
            v["note_en"] = serde_json::json!("An English note alone.");
        },
        "`note_en`",
    );
}

#[test]
fn une_reference_inconnue_est_refusee() {
    refusee(
        |d| {
            parametre(d, "montant.demi.annee_1")["values"][0]["references"] =
                serde_json::json!(["S999"])
        },
        "S999",
    );
}

#[test]
fn un_montant_negatif_est_refuse() {
    refusee(
        |d| parametre(d, "montant.plein.annee_2")["values"][2]["value"] = "-1".into(),
        "négatif",
    );
}

#[test]
fn un_parametre_manquant_est_refuse() {
    refusee(
        |d| {
            d["parameters"]
                .as_array_mut()
                .unwrap()
                .retain(|p| p["id"] != "montant.plein.p95_plus")
        },
        "montant.plein.p95_plus",
    );
}

#[test]
fn une_date_hors_debut_de_version_est_refusee() {
    refusee(
        |d| parametre(d, "seuil.p30.generaliste_pmt")["values"][2]["from"] = "2024-07-01".into(),
        "aucune version",
    );
}

#[test]
fn un_type_incompatible_est_refuse() {
    refusee(
        |d| parametre(d, "seuil.p30.generaliste_pmt")["values"][1]["value"] = "775".into(),
        "incompatible",
    );
}

#[test]
fn un_schema_futur_est_refuse() {
    refusee(|d| d["schema_version"] = 2.into(), "schema_version");
}

#[test]
fn un_gap_avec_une_valeur_est_refuse() {
    refusee(
        |d| parametre(d, "seuil.p50.generaliste_pmt")["values"][0]["value"] = 900.into(),
        "GAP",
    );
}

#[test]
fn les_regles_embarquees_passent_aussi_la_lecture_stricte() {
    // The cold start skips the strict pass for the embedded document (build.rs wrote it from a
    // JSON map); this proves it would pass it, and that both readings give the same rules.
    let texte = assistmed_core::rules::regles_embarquees_json().unwrap();
    let strict = assistmed_core::RuleSet::from_json(texte).unwrap();
    assert_eq!(&strict, assistmed_core::regles().unwrap());
    assert_eq!(strict, assistmed_core::rules::charger_embarquees().unwrap());
}
