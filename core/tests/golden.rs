//! Runs every language-neutral golden case of `tests/cases/` against the core.
//! Format: `tests/README.md`. Each case quotes the source of its expected figure.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::path::{Path, PathBuf};

use assistmed_core::{
    chronologie, evaluer, regles, second_assistant_seul, Erreur, Formule, Saisie,
};
use serde_json::Value;

fn dossier_cas() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases")
}

/// `attendu` must be a subset of `reel` (see tests/README.md); returns the first mismatch.
fn inclus(attendu: &Value, reel: &Value, chemin: &str) -> Result<(), String> {
    match (attendu, reel) {
        (Value::Object(a), Value::Object(r)) => {
            for (k, va) in a {
                let vr = r
                    .get(k)
                    .ok_or_else(|| format!("{chemin}.{k}: missing in output"))?;
                inclus(va, vr, &format!("{chemin}.{k}"))?;
            }
            Ok(())
        }
        (Value::Array(a), Value::Array(r)) => {
            if a.len() != r.len() {
                return Err(format!(
                    "{chemin}: expected {} elements, got {}: {reel}",
                    a.len(),
                    r.len(),
                    reel = Value::Array(r.clone())
                ));
            }
            for (i, (va, vr)) in a.iter().zip(r).enumerate() {
                inclus(va, vr, &format!("{chemin}[{i}]"))?;
            }
            Ok(())
        }
        (a, r) if a == r => Ok(()),
        (a, r) => Err(format!("{chemin}: expected {a}, got {r}")),
    }
}

fn executer(cas: &Value) -> Result<Value, Erreur> {
    let rules = regles()?;
    let saisie = Saisie::depuis_json(&cas["input"].to_string())?;
    let mut s = saisie.valider()?;
    match cas["command"].as_str() {
        Some("simulate") => {
            Ok(serde_json::to_value(evaluer(rules, &s)?).map_err(Erreur::json_invalide)?)
        }
        Some("timeline") => {
            let option =
                Formule::depuis_code("option", cas["option"].as_str().unwrap_or_default())?;
            let debut = cas["start"]
                .as_str()
                .map(|d| assistmed_core::situation::lire_date("start", d))
                .transpose()?;
            Ok(serde_json::to_value(chronologie(rules, &s, option, debut)?)
                .map_err(Erreur::json_invalide)?)
        }
        Some("second_assistant") => {
            s = s.clone();
            Ok(serde_json::to_value(second_assistant_seul(rules, &s)?)
                .map_err(Erreur::json_invalide)?)
        }
        autre => panic!("unknown command {autre:?}"),
    }
}

fn verifier(chemin: &Path) -> Result<(), String> {
    let texte = std::fs::read_to_string(chemin).map_err(|e| e.to_string())?;
    let cas: Value = serde_json::from_str(&texte).map_err(|e| e.to_string())?;
    let attendu = &cas["expect"];
    match (executer(&cas), attendu.get("error")) {
        (Ok(sortie), None) => {
            if let Some(a) = attendu.get("output") {
                inclus(a, &sortie, "$")?;
            }
            if let Some(codes) = attendu.get("caveats_include").and_then(Value::as_array) {
                let presents: Vec<&str> = sortie["caveats"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|c| c["code"].as_str())
                    .collect();
                for c in codes.iter().filter_map(Value::as_str) {
                    if !presents.contains(&c) {
                        return Err(format!("caveat `{c}` missing; present: {presents:?}"));
                    }
                }
            }
            Ok(())
        }
        (Ok(sortie), Some(e)) => Err(format!(
            "expected error {e}, got output {}",
            &sortie.to_string()[..200.min(sortie.to_string().len())]
        )),
        (Err(err), Some(e)) => {
            let code = e["code"].as_str().unwrap_or_default();
            let champ = e["field"].as_str();
            if err.code.as_str() != code || err.champ.as_deref() != champ {
                return Err(format!(
                    "expected error {code} on {champ:?}, got {} on {:?}: {}",
                    err.code, err.champ, err
                ));
            }
            // Errors must explain the field and what is expected, in both languages.
            assert!(!err.message_fr.is_empty() && !err.message_en.is_empty());
            Ok(())
        }
        (Err(err), None) => Err(format!("unexpected error: {err}")),
    }
}

#[test]
fn tous_les_cas_dores_passent() {
    let mut chemins: Vec<PathBuf> = std::fs::read_dir(dossier_cas())
        .expect("tests/cases")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    chemins.sort();
    assert!(
        chemins.len() >= 30,
        "at least 30 golden cases, found {}",
        chemins.len()
    );
    let rules = regles().expect("embedded rules");
    let mut echecs = Vec::new();
    for c in &chemins {
        let texte = std::fs::read_to_string(c).expect("read case");
        let cas: Value = serde_json::from_str(&texte).expect("case JSON");
        let source = cas["source"].as_str().unwrap_or_default();
        assert!(
            rules.reference(source).is_some(),
            "{}: unknown source `{source}`",
            c.display()
        );
        if let Err(e) = verifier(c) {
            echecs.push(format!(
                "{}: {e}",
                c.file_name()
                    .map(|f| f.to_string_lossy())
                    .unwrap_or_default()
            ));
        }
    }
    assert!(
        echecs.is_empty(),
        "{} of {} golden cases failed:\n{}",
        echecs.len(),
        chemins.len(),
        echecs.join("\n")
    );
}

#[test]
fn le_comparateur_detecte_les_ecarts() {
    let reel: Value = serde_json::json!({"a": [{"x": "1.00", "y": 2}], "b": null});
    assert!(inclus(&serde_json::json!({"a": [{"x": "1.00"}]}), &reel, "$").is_ok());
    assert!(inclus(&serde_json::json!({"a": [{"x": "1.0"}]}), &reel, "$").is_err());
    assert!(inclus(&serde_json::json!({"a": []}), &reel, "$").is_err());
    assert!(inclus(&serde_json::json!({"c": 1}), &reel, "$").is_err());
    assert!(inclus(&serde_json::json!({"b": null}), &reel, "$").is_ok());
}
