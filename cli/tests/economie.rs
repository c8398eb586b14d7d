//! `assistmed economics` as a person uses it, and every golden case of tests/economics run
//! through `assistmed economics … --json` (the case's input turned into flags).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

#[path = "../../core/tests/support/golden.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn assistmed(args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_assistmed"))
        .args(args)
        .output()
        .unwrap()
}

fn drapeaux(entree: &Value) -> Vec<String> {
    let mut v: Vec<String> = vec!["economics".into(), "--json".into()];
    let mut ajouter = |nom: &str, val: &Value| {
        let texte = match val {
            Value::String(s) => s.clone(),
            Value::Bool(true) => {
                v.push(format!("--{}", nom.replace('_', "-")));
                return;
            }
            autre => autre.to_string(),
        };
        v.push(format!("--{}", nom.replace('_', "-")));
        v.push(texte);
    };
    for (k, val) in entree.as_object().unwrap() {
        match k.as_str() {
            "situation" | "assumptions" => {
                for (k2, val2) in val.as_object().unwrap() {
                    ajouter(k2, val2);
                }
            }
            _ => ajouter(k, val),
        }
    }
    v
}

#[test]
fn cas_economie_par_la_cli() {
    let dossier = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/economics");
    let mut chemins: Vec<PathBuf> = std::fs::read_dir(dossier)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    chemins.sort();
    assert!(chemins.len() >= 10);
    for chemin in chemins {
        let cas: Value = serde_json::from_str(&std::fs::read_to_string(&chemin).unwrap()).unwrap();
        let o = assistmed(&drapeaux(&cas["input"]));
        let attendu = &cas["expect"];
        match attendu.get("error") {
            Some(e) => {
                assert_eq!(o.status.code(), Some(2), "{chemin:?}");
                let err: Value = serde_json::from_slice(&o.stderr).unwrap();
                assert_eq!(err["error"]["code"], e["code"], "{chemin:?}");
                assert_eq!(err["error"]["field"], e["field"], "{chemin:?}");
            }
            None => {
                assert!(
                    o.status.success(),
                    "{chemin:?}: {}",
                    String::from_utf8_lossy(&o.stderr)
                );
                let sortie: Value = serde_json::from_slice(&o.stdout).unwrap();
                support::verifier_sortie(attendu, &sortie)
                    .unwrap_or_else(|m| panic!("{chemin:?}: {m}"));
                // The JSON contract: net = aid − employer_cost, to the cent, as decimal strings.
                for y in sortie["years"].as_array().unwrap() {
                    let d = |k: &str| {
                        y[k].as_str()
                            .unwrap()
                            .parse::<rust_decimal::Decimal>()
                            .unwrap()
                    };
                    assert_eq!(d("net"), d("aid") - d("employer_cost"));
                }
                assert!(sortie["break_even"]["extra_patients_per_year"].is_u64());
                assert!(sortie["assumptions"]
                    .as_array()
                    .is_some_and(|a| !a.is_empty()));
            }
        }
    }
}

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn texte_en_francais_et_en_anglais() {
    let base = [
        "economics",
        "--option",
        "plein",
        "--start",
        "2026-09-01",
        "--gross-monthly",
        "2000",
        "--specialty",
        "01",
        "--sector",
        "secteur_1",
        "--patientele-mt",
        "1200",
    ];
    let fr = assistmed(&args(&base));
    assert!(fr.status.success());
    let fr = String::from_utf8_lossy(&fr.stdout);
    assert!(
        fr.contains("Coût employeur") && fr.contains("Point mort") && fr.contains("Hypothèses"),
        "{fr}"
    );
    let mut en = args(&base);
    en.extend(args(&["--lang", "en"]));
    let en = assistmed(&en);
    let en = String::from_utf8_lossy(&en.stdout);
    assert!(
        en.contains("Employer cost") && en.contains("Break-even"),
        "{en}"
    );
    let mut cmp = args(&base);
    cmp.push("--compare".into());
    let cmp = assistmed(&cmp);
    assert!(cmp.status.success());
    let cmp = String::from_utf8_lossy(&cmp.stdout);
    assert!(cmp.contains("1/2 ETP") && cmp.contains("1 ETP"));
    let aide = assistmed(&args(&["economics", "--help"]));
    let aide = String::from_utf8_lossy(&aide.stdout);
    assert!(
        aide.contains("--gross-monthly")
            && aide.contains("--fmt-band")
            && aide.contains("Arrondis")
    );
}
