//! Assembles the rule document from its source files and embeds it minified and deflated.
//!
//! Maintainers edit one file per parameter, OpenFisca style (`rules/parametres/<id>.json`: unit,
//! descriptions and the dated value history, each value with grade and references), so that each
//! value has its own `git log` and a correction is a two-line diff. Versions, references,
//! specialties and notices have a file each; `rules/bundle.json` holds the document header
//! (schema, bundle version, publication date). The build puts them together into the one bundle
//! format that signed updates also use, then ships it in about 9 KB instead of 80 KB. A malformed
//! file or a file whose name is not its parameter id fails the build here rather
//! than at run time; every other check runs on load (`src/rules/integrity.rs`).

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

const DOSSIER: &str = "rules";

fn lire(chemin: &Path) -> Value {
    let texte = fs::read_to_string(chemin).unwrap_or_else(|e| panic!("{}: {e}", chemin.display()));
    serde_json::from_str(&texte)
        .unwrap_or_else(|e| panic!("{}: invalid JSON: {e}", chemin.display()))
}

/// The parameters, one per file, in file-name order (stable across machines).
fn parametres(dossier: &Path) -> Vec<Value> {
    let mut fichiers: Vec<PathBuf> = fs::read_dir(dossier)
        .unwrap_or_else(|e| panic!("{}: {e}", dossier.display()))
        .map(|entree| {
            entree
                .unwrap_or_else(|e| panic!("{}: {e}", dossier.display()))
                .path()
        })
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    fichiers.sort();
    fichiers
        .iter()
        .map(|chemin| {
            let parametre = lire(chemin);
            let id = parametre.get("id").and_then(Value::as_str);
            let nom = chemin.file_stem().and_then(|s| s.to_str());
            if id.is_none() || id != nom {
                panic!(
                    "{}: the file must be named after its parameter id (found id {id:?})",
                    chemin.display()
                );
            }
            parametre
        })
        .collect()
}

/// The rule document in the bundle format (`schema_version`, …, `parameters`).
fn assembler(racine: &Path) -> Value {
    let Value::Object(mut document) = lire(&racine.join("bundle.json")) else {
        panic!("{DOSSIER}/bundle.json: expected an object");
    };
    let parties = [
        ("references", "references.json"),
        ("versions", "versions.json"),
        ("specialties", "specialites.json"),
        ("notices", "notices.json"),
    ];
    for (cle, fichier) in parties {
        if document
            .insert(cle.to_owned(), lire(&racine.join(fichier)))
            .is_some()
        {
            panic!("{DOSSIER}/bundle.json: `{cle}` belongs in {DOSSIER}/{fichier}");
        }
    }
    // File names are unique and each is its parameter's id: ids cannot repeat.
    let parametres = parametres(&racine.join("parametres"));
    document.insert("parameters".to_owned(), Value::Array(parametres));
    Value::Object(document)
}

fn main() {
    println!("cargo:rerun-if-changed={DOSSIER}");
    let document = assembler(Path::new(DOSSIER));
    let compact = serde_json::to_string(&document).unwrap_or_else(|e| panic!("{DOSSIER}: {e}"));
    let comprime = miniz_oxide::deflate::compress_to_vec(compact.as_bytes(), 10);
    let sortie = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}")))
        .join("regles.min.json.deflate");
    fs::write(&sortie, comprime).unwrap_or_else(|e| panic!("{}: {e}", sortie.display()));
}
