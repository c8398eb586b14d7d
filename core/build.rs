//! Embeds the rule document minified and deflated: the readable `rules/regles.json` is the source
//! maintainers edit; every app ships the same data in about 9 KB instead of 80 KB. A document that
//! is not valid JSON fails the build here rather than at run time.

use std::path::PathBuf;

fn main() {
    let source = "rules/regles.json";
    println!("cargo:rerun-if-changed={source}");
    let texte = std::fs::read_to_string(source).unwrap_or_else(|e| panic!("{source}: {e}"));
    let valeur: serde_json::Value =
        serde_json::from_str(&texte).unwrap_or_else(|e| panic!("{source}: invalid JSON: {e}"));
    let compact = serde_json::to_string(&valeur).unwrap_or_else(|e| panic!("{source}: {e}"));
    let comprime = miniz_oxide::deflate::compress_to_vec(compact.as_bytes(), 10);
    let sortie = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}")))
        .join("regles.min.json.deflate");
    std::fs::write(&sortie, comprime).unwrap_or_else(|e| panic!("{}: {e}", sortie.display()));
}
