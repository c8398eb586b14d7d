//! The rule-data layer (`core/src/rules/`) knows nothing of the computation or the presentation:
//! its files may name only `crate::rules` and `crate::error` (shared plumbing).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::path::Path;

const PERMIS: &[&str] = &["rules", "error"];

/// Module names after every `crate::` in `texte` (in `use` lines and in paths alike).
fn modules_nommes(texte: &str) -> Vec<String> {
    texte
        .match_indices("crate::")
        .map(|(i, m)| {
            texte[i + m.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '{')
                .collect::<String>()
        })
        .collect()
}

#[test]
fn la_couche_des_regles_n_importe_ni_le_calcul_ni_la_presentation() {
    let dossier = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut fautes = Vec::new();
    let mut fichiers = 0;
    for entree in std::fs::read_dir(&dossier).unwrap() {
        let chemin = entree.unwrap().path();
        if chemin.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        fichiers += 1;
        let texte = std::fs::read_to_string(&chemin).unwrap();
        for m in modules_nommes(&texte) {
            if !PERMIS.contains(&m.as_str()) {
                fautes.push(format!("{}: crate::{m}", chemin.display()));
            }
        }
        assert!(
            !texte.contains("super::super"),
            "{}: reaches outside rules/ through super::super",
            chemin.display()
        );
    }
    assert!(fichiers >= 3, "rules/ has mod.rs, ids.rs, integrity.rs");
    assert!(
        fautes.is_empty(),
        "rules/ imports other layers:\n{}",
        fautes.join("\n")
    );
}

#[test]
fn le_detecteur_voit_les_imports_interdits() {
    let exemple =
        "use crate::error::Erreur;\nuse crate::{amounts, rules};\nlet x = crate::explain::pct(d);";
    assert_eq!(modules_nommes(exemple), ["error", "{amounts", "explain"]);
    // A grouped `use crate::{…}` counts as foreign: it is not one of the permitted names.
    assert!(!PERMIS.contains(&"{amounts"));
}
