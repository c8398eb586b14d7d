//! Hardening of the command line (issue 9): flag errors are the core's typed errors (JSON with
//! `--json`, exit 2), input is bounded, key files are created safely.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn assistmed(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_assistmed"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

const GP: &[&str] = &[
    "simulate",
    "--signature-date",
    "2025-01-15",
    "--specialty",
    "01",
    "--sector",
    "secteur_1",
    "--json",
];

/// Runs `GP + extra` (or `args` alone) and returns the JSON error on stderr, after checking
/// exit code 2 and the code and field.
fn erreur_json(args: &[&str], code: &str, champ: Option<&str>) -> Value {
    let o = assistmed(args);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    let v: Value = serde_json::from_str(err.trim())
        .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {err}"));
    let e = &v["error"];
    assert_eq!(e["code"], code, "{args:?}: {err}");
    assert_eq!(e["field"].as_str(), champ, "{args:?}: {err}");
    assert!(e["message_fr"].as_str().is_some_and(|m| !m.is_empty()));
    assert!(e["message_en"].as_str().is_some_and(|m| !m.is_empty()));
    v
}

fn avec(extra: &[&'static str]) -> Vec<&'static str> {
    GP.iter().chain(extra).copied().collect()
}

#[test]
fn les_erreurs_de_drapeaux_sont_typees_en_json() {
    erreur_json(
        &avec(&["--patientele-mt", "abc"]),
        "hors_bornes",
        Some("patientele_mt"),
    );
    erreur_json(
        &avec(&["--patientele-mt", "1e3"]),
        "hors_bornes",
        Some("patientele_mt"),
    );
    erreur_json(
        &avec(&["--patientele-mt", "-5"]),
        "hors_bornes",
        Some("patientele_mt"),
    );
    erreur_json(
        &avec(&["--age", "99999999999999999999999"]),
        "hors_bornes",
        Some("age"),
    );
    erreur_json(
        &avec(&["--coordinated", "peut-etre"]),
        "valeur_inconnue",
        Some("coordinated"),
    );
    erreur_json(
        &avec(&["--clinical-fee-share", "0.79999999999999999999999999999"]),
        "hors_bornes",
        Some("clinical_fee_share"),
    );
    erreur_json(&avec(&["--lang", "de"]), "valeur_inconnue", Some("lang"));
    erreur_json(&avec(&["--surprise"]), "valeur_inconnue", Some("surprise"));
    erreur_json(
        &[
            "simulate",
            "--signature-date",
            "9999-12-31",
            "--specialty",
            "01",
            "--sector",
            "secteur_1",
            "--json",
        ],
        "date_invalide",
        Some("signature_date"),
    );
    erreur_json(
        &[
            "timeline",
            "--option",
            "quart",
            "--start",
            "2024-09-01",
            "--specialty",
            "01",
            "--sector",
            "secteur_1",
            "--json",
        ],
        "valeur_inconnue",
        Some("option"),
    );
    erreur_json(&["timeline", "--json"], "champ_requis", Some("option"));
}

#[test]
fn la_virgule_francaise_est_acceptee() {
    let mut args = avec(&[
        "--clinical-fee-share",
        "0,85",
        "--percentile-band",
        "p50_p70",
    ]);
    args[4] = "41"; // a specialty subject to the clinical-share rule (surgery)
    let o = assistmed(&args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["situation"]["clinical_fee_share"], "0.85");
}

#[test]
fn une_entree_sans_fin_echoue_vite() {
    let debut = Instant::now();
    let o = assistmed(&["simulate", "--input", "/dev/zero", "--json"]);
    assert!(debut.elapsed() < Duration::from_secs(10));
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&o.stderr).unwrap();
    assert_eq!(v["error"]["code"], "trop_volumineux");
    assert_eq!(v["error"]["field"], "input");
}

fn dossier(nom: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("assistmed-robustesse-{nom}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[cfg(unix)]
#[test]
fn keygen_cree_la_cle_privee_en_0600_sans_ecraser_ni_suivre_un_lien() {
    use std::os::unix::fs::PermissionsExt;
    let d = dossier("keygen");
    let ds = d.to_str().unwrap();
    let o = assistmed(&["bundle", "keygen", "--out-dir", ds]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let privee = d.join("assistmed-signing-key.hex");
    let mode = std::fs::metadata(&privee).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // A second run refuses to overwrite.
    let avant = std::fs::read(&privee).unwrap();
    assert_eq!(
        assistmed(&["bundle", "keygen", "--out-dir", ds])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(std::fs::read(&privee).unwrap(), avant);

    // A dangling symlink planted where the key goes is not followed.
    let d2 = dossier("keygen-lien");
    let cible = d2.join("ailleurs");
    std::os::unix::fs::symlink(&cible, d2.join("assistmed-signing-key.hex")).unwrap();
    let o = assistmed(&["bundle", "keygen", "--out-dir", d2.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!cible.exists(), "the symlink was followed");
    let _ = std::fs::remove_dir_all(&d);
    let _ = std::fs::remove_dir_all(&d2);
}

#[test]
fn verify_refuse_une_cle_faible_et_la_signature_constante() {
    let d = dossier("faible");
    let racine = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let bundle = d.join("b.json");
    std::fs::write(
        &bundle,
        assistmed_core::rules::regles_embarquees_json().unwrap(),
    )
    .unwrap();
    std::fs::write(d.join("b.json.sig"), format!("01{}\n", "0".repeat(126))).unwrap();
    let pk = d.join("faible.hex");
    std::fs::write(&pk, format!("01{}\n", "0".repeat(62))).unwrap();
    let o = assistmed(&[
        "bundle",
        "verify",
        bundle.to_str().unwrap(),
        "--pubkey",
        pk.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cle_invalide"));
    // Upper-case hex is refused too.
    let test = std::fs::read_to_string(racine.join("core/keys/test-only/TEST-ONLY-public-key.hex"))
        .unwrap();
    std::fs::write(&pk, test.to_uppercase()).unwrap();
    let o = assistmed(&[
        "bundle",
        "verify",
        bundle.to_str().unwrap(),
        "--pubkey",
        pk.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cle_invalide"));
    // An endless signature file fails fast.
    let o = assistmed(&[
        "bundle",
        "verify",
        bundle.to_str().unwrap(),
        "--sig",
        "/dev/zero",
        "--pubkey",
        pk.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("trop_volumineux"));
    let _ = std::fs::remove_dir_all(&d);
}
