//! Shared by the golden-case runners of the core and the CLI (`#[path]`-included).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

pub fn dossier_cas() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases")
}

/// `attendu` must be a subset of `reel` (see tests/README.md); returns the first mismatch.
pub fn inclus(attendu: &Value, reel: &Value, chemin: &str) -> Result<(), String> {
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

/// Every case file, sorted.
pub fn cas() -> Vec<(PathBuf, Value)> {
    cas_de("cases")
}

/// Every case file of `tests/<dossier>` (`cases`, `tracking`, `economics`), sorted by name.
pub fn cas_de(dossier: &str) -> Vec<(PathBuf, Value)> {
    let dossier = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests")
        .join(dossier);
    let mut chemins: Vec<PathBuf> = std::fs::read_dir(&dossier)
        .unwrap_or_else(|e| panic!("{}: {e}", dossier.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    chemins.sort();
    chemins
        .into_iter()
        .map(|c| {
            let texte = std::fs::read_to_string(&c).expect("read case");
            let v: Value = serde_json::from_str(&texte).expect("case JSON");
            (c, v)
        })
        .collect()
}

/// Checks a successful output against `expect` (output subset and caveat codes).
pub fn verifier_sortie(attendu: &Value, sortie: &Value) -> Result<(), String> {
    if let Some(a) = attendu.get("output") {
        inclus(a, sortie, "$")?;
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
