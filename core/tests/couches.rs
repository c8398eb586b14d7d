//! The layers point one way: rule data (`core/src/rules/`) → computation (`core/src/calcul/`) →
//! presentation (`core/src/vues/`). The rule-data layer may name only `crate::rules`,
//! `crate::error`, `crate::json`, `crate::money` and `crate::texte` (shared plumbing); the computation may not name the presentation.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::path::Path;

// `json` (the strict JSON reader), `money` (the decimal grammar) and `texte` (the strings of
// results) are shared plumbing, like `error`.
const PERMIS: &[&str] = &["rules", "error", "json", "money", "texte"];

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

/// The `.rs` files under `dossier`, recursively.
fn sources(dossier: &Path) -> Vec<std::path::PathBuf> {
    let mut v = Vec::new();
    for entree in std::fs::read_dir(dossier).unwrap() {
        let chemin = entree.unwrap().path();
        if chemin.is_dir() {
            v.extend(sources(&chemin));
        } else if chemin.extension().is_some_and(|e| e == "rs") {
            v.push(chemin);
        }
    }
    v
}

/// Presentation modules, under their short paths (`crate::app`) and their layer (`crate::vues`).
const PRESENTATION: &[&str] = &["vues", "app", "questionnaire"];

/// Every module named after `crate::`, grouped imports (`crate::{a, b::c}`) included.
fn modules_importes(texte: &str) -> Vec<String> {
    let mut v = Vec::new();
    for (i, m) in texte.match_indices("crate::") {
        let reste = &texte[i + m.len()..];
        let tete = |t: &str| {
            t.trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        };
        match reste.strip_prefix('{') {
            Some(groupe) => {
                let fin = groupe.find('}').unwrap_or(groupe.len());
                v.extend(groupe[..fin].split(',').map(tete));
            }
            None => v.push(tete(reste)),
        }
    }
    v
}

#[test]
fn le_calcul_n_importe_pas_la_presentation() {
    let racine = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let fichiers = sources(&racine.join("calcul"));
    assert!(
        fichiers.len() >= 12,
        "calcul/ holds the computation modules"
    );
    let mut fautes = Vec::new();
    for chemin in fichiers {
        let texte = std::fs::read_to_string(&chemin).unwrap();
        for m in modules_importes(&texte) {
            if PRESENTATION.contains(&m.as_str()) {
                fautes.push(format!("{}: crate::{m}", chemin.display()));
            }
        }
    }
    assert!(
        fautes.is_empty(),
        "calcul/ imports the presentation:\n{}",
        fautes.join("\n")
    );
}

#[test]
fn le_detecteur_voit_les_imports_groupes() {
    let exemple = "use crate::{amounts, vues::app};\nlet q = crate::questionnaire::x();";
    assert_eq!(
        modules_importes(exemple),
        ["amounts", "vues", "questionnaire"]
    );
}

#[test]
fn la_couche_des_regles_n_importe_ni_le_calcul_ni_la_presentation() {
    let dossier = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut fautes = Vec::new();
    let mut fichiers = 0;
    for chemin in sources(&dossier) {
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
    assert!(
        fichiers >= 5,
        "rules/ has mod.rs, ids.rs, integrity.rs, provenance.rs, bundle.rs"
    );
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
