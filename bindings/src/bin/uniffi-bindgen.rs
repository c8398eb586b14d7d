//! The uniffi bindings generator, pinned to the same uniffi as the library.
//!
//! `cargo build -p assistmed-ffi --features cli --bin uniffi-bindgen`, then
//! `uniffi-bindgen generate --no-format --language kotlin --out-dir <dir> <unstripped lib>`.
//!
//! One change to uniffi's Kotlin output, made here so that every script gets it: uniffi builds
//! an error's Kotlin `message` from all its fields ("kind=…, field=…, text=…"). For
//! `AssistmedException` the message is its `text`, the sentence a person reads (Kotlin's
//! `e.message`, like Swift's `localizedDescription`); `kind()` and `field()` stay beside it.

use std::fs;
use std::path::{Path, PathBuf};

/// uniffi 0.32's generated getter for `AssistmedError::Failure`, and ours.
const MESSAGE_UNIFFI: &str = "get() = \"kind=${ `kind` }, field=${ `field` }, text=${ `text` }\"";
const MESSAGE_TEXTE: &str = "get() = `text`";

fn main() {
    uniffi::uniffi_bindgen_main();
    let args: Vec<String> = std::env::args().collect();
    let valeur = |nom: &str| {
        args.iter()
            .position(|a| a == nom)
            .and_then(|i| args.get(i + 1))
    };
    if valeur("--language").map(String::as_str) != Some("kotlin") {
        return;
    }
    let Some(dossier) = valeur("--out-dir") else {
        return;
    };
    let mut fichiers = Vec::new();
    lister_kt(Path::new(dossier), &mut fichiers);
    let mut corrige = false;
    for f in fichiers {
        let Ok(texte) = fs::read_to_string(&f) else {
            continue;
        };
        if texte.contains(MESSAGE_UNIFFI) {
            if let Err(e) = fs::write(&f, texte.replace(MESSAGE_UNIFFI, MESSAGE_TEXTE)) {
                eprintln!("uniffi-bindgen: cannot write {}: {e}", f.display());
                std::process::exit(1);
            }
            corrige = true;
        }
    }
    if !corrige {
        // uniffi changed its template: fail loudly rather than ship the field dump.
        eprintln!("uniffi-bindgen: AssistmedException's message getter not found in {dossier}");
        std::process::exit(1);
    }
}

fn lister_kt(dossier: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entrees) = fs::read_dir(dossier) else {
        return;
    };
    for e in entrees.flatten() {
        let p = e.path();
        if p.is_dir() {
            lister_kt(&p, out);
        } else if p.extension().is_some_and(|x| x == "kt") {
            out.push(p);
        }
    }
}
