//! Shared by the tracking golden-case runners of the core and the CLI (`#[path]`-included):
//! the cases of `tests/tracking/` (format: `tests/README.md`, "Tracking cases").
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

pub fn dossier_suivi() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/tracking")
}

/// Every tracking case file, sorted.
pub fn cas_suivi() -> Vec<(PathBuf, Value)> {
    let mut chemins: Vec<PathBuf> = std::fs::read_dir(dossier_suivi())
        .expect("tests/tracking")
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
