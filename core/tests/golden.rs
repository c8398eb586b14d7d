//! Runs every language-neutral golden case of `tests/cases/` against the core.
//! Format: `tests/README.md`. Each case quotes the source of its expected figure.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

#[path = "support/golden.rs"]
mod support;

use std::path::Path;

use assistmed_core::{
    chronologie, evaluer, regles, second_assistant_seul, Erreur, Formule, Langue, Saisie,
};
use serde_json::Value;
use support::{cas, inclus, verifier_sortie};

fn executer(cas: &Value) -> Result<Value, Erreur> {
    let rules = regles()?;
    let saisie = Saisie::depuis_json(&cas["input"].to_string())?;
    let s = saisie.valider()?;
    match cas["command"].as_str() {
        Some("simulate") => {
            Ok(serde_json::to_value(evaluer(rules, &s, Langue::Fr)?)
                .map_err(Erreur::json_invalide)?)
        }
        Some("timeline") => {
            let option =
                Formule::depuis_code("option", cas["option"].as_str().unwrap_or_default())?;
            let debut = cas["start"]
                .as_str()
                .map(|d| assistmed_core::situation::lire_date("start", d))
                .transpose()?;
            Ok(
                serde_json::to_value(chronologie(rules, &s, option, debut, Langue::Fr)?)
                    .map_err(Erreur::json_invalide)?,
            )
        }
        Some("second_assistant") => {
            Ok(
                serde_json::to_value(second_assistant_seul(rules, &s, Langue::Fr)?)
                    .map_err(Erreur::json_invalide)?,
            )
        }
        autre => panic!("unknown command {autre:?}"),
    }
}

fn verifier(cas: &Value) -> Result<(), String> {
    let attendu = &cas["expect"];
    match (executer(cas), attendu.get("error")) {
        (Ok(sortie), None) => verifier_sortie(attendu, &sortie),
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
    let tous = cas();
    assert!(
        tous.len() >= 30,
        "at least 30 golden cases, found {}",
        tous.len()
    );
    let rules = regles().expect("embedded rules");
    let mut echecs = Vec::new();
    for (chemin, c) in &tous {
        let source = c["source"].as_str().unwrap_or_default();
        assert!(
            rules.reference(source).is_some(),
            "{}: unknown source `{source}`",
            chemin.display()
        );
        if let Err(e) = verifier(c) {
            echecs.push(format!("{}: {e}", Path::new(chemin).display()));
        }
    }
    assert!(
        echecs.is_empty(),
        "{} of {} golden cases failed:\n{}",
        echecs.len(),
        tous.len(),
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

#[test]
fn une_situation_doit_etre_un_objet_json() {
    for texte in ["[]", r#"["2025-01-15","01","secteur_1"]"#, "42", "null"] {
        let e = Saisie::depuis_json(texte).unwrap_err();
        assert_eq!(e.code, assistmed_core::CodeErreur::JsonInvalide, "{texte}");
    }
}

#[test]
fn les_dates_sont_au_format_iso_strict() {
    use assistmed_core::situation::lire_date;
    assert_eq!(
        lire_date("d", " 2024-02-29 ").unwrap().to_string(),
        "2024-02-29"
    );
    for mauvais in [
        "2023-02-29",
        "2024-13-01",
        "2024-1-01",
        "24-01-01",
        "2024/01/01",
        "2024-01-01T00",
        "",
        "２０２４-01-01",
        "+202-01-01",
    ] {
        let e = lire_date("signature_date", mauvais).unwrap_err();
        assert_eq!(
            e.code,
            assistmed_core::CodeErreur::DateInvalide,
            "{mauvais}"
        );
        assert_eq!(e.champ.as_deref(), Some("signature_date"));
    }
}
