//! The CLI as a person uses it: flags or JSON on stdin, French or English, exit codes, and every
//! golden case of tests/cases run through `assistmed … --json`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

#[path = "../../core/tests/support/golden.rs"]
mod support;

mod commun;

use commun::{assistmed, texte};

use serde_json::Value;

const GP_2024: &[&str] = &[
    "simulate",
    "--signature-date",
    "2025-01-15",
    "--specialty",
    "01",
    "--sector",
    "secteur_1",
    "--patientele-mt",
    "1200",
    "--percentile-band",
    "p50_p70",
];

#[test]
fn simulation_en_francais_par_drapeaux() {
    let o = assistmed(GP_2024, None);
    assert_eq!(o.status.code(), Some(0), "{}", texte(&o.stderr));
    let s = texte(&o.stdout);
    assert!(s.contains("Éligibilité : ÉLIGIBLE"), "{s}");
    assert!(
        s.contains("19\u{202f}000\u{a0}€") && s.contains("38\u{202f}000\u{a0}€"),
        "{s}"
    );
    // Labels and long dates for the reader; codes and ISO dates stay in --json.
    assert!(
        s.contains("Convention médicale 2024-2029, contrats signés à partir du 22 juin 2024"),
        "{s}"
    );
    assert!(
        !s.contains("convention-2024") && !s.contains("2024-06-22"),
        "{s}"
    );
    assert!(
        s.contains("Simulation indicative, qui n'engage pas l'Assurance Maladie."),
        "{s}"
    );
    assert!(s.contains("[S10]"), "references are listed: {s}");
}

#[test]
fn simulation_en_anglais() {
    let mut args = GP_2024.to_vec();
    args.extend(["--lang", "en"]);
    let s = texte(&assistmed(&args, None).stdout);
    assert!(
        s.contains("Eligibility: ELIGIBLE") && s.contains("€19,000") && s.contains("22 June 2024"),
        "{s}"
    );
}

/// `--json` gives one text per field (`message`, `disclaimer`…), in the `--lang` language; an
/// error keeps both of its messages whatever the language.
#[test]
fn le_json_est_dans_la_langue_de_lang() {
    for (lang, avis, version) in [
        (
            "fr",
            "Simulation indicative, qui n'engage pas l'Assurance Maladie.",
            "22 juin 2024",
        ),
        (
            "en",
            "Indicative simulation, not binding on the Assurance Maladie.",
            "22 June 2024",
        ),
    ] {
        let mut args = GP_2024.to_vec();
        args.extend(["--json", "--lang", lang]);
        let o = assistmed(&args, None);
        assert_eq!(o.status.code(), Some(0), "{}", texte(&o.stderr));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["disclaimer"], avis, "{lang}");
        assert!(v.get("disclaimer_fr").is_none() && v.get("disclaimer_en").is_none());
        let raison = &v["eligibility"]["reasons"][0];
        assert!(
            raison["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{raison}"
        );
        assert!(raison.get("message_fr").is_none(), "{raison}");
        // The text output of the same call names the rules by the same title.
        let titre = v["rules"]["title"].as_str().unwrap();
        args.retain(|a| *a != "--json");
        let s = texte(&assistmed(&args, None).stdout);
        assert!(
            s.contains(titre) && s.contains(version),
            "{lang}: {titre}\n{s}"
        );

        // 1/3 ETP is closed to new contracts since 2024 (S10): the error is bilingual.
        let o = assistmed(
            &[
                "timeline",
                "--option",
                "tiers",
                "--signature-date",
                "2025-01-15",
                "--specialty",
                "01",
                "--sector",
                "secteur_1",
                "--percentile-band",
                "p50_p70",
                "--json",
                "--lang",
                lang,
            ],
            None,
        );
        assert_eq!(o.status.code(), Some(2));
        let e: Value = serde_json::from_slice(&o.stderr).unwrap();
        assert_eq!(e["error"]["code"], "formule_indisponible");
        let (fr, en) = (
            e["error"]["message_fr"].as_str().unwrap(),
            e["error"]["message_en"].as_str().unwrap(),
        );
        assert!(
            fr.contains("1/3 ETP") && !fr.contains("FTE"),
            "{lang}: {fr}"
        );
        assert!(
            en.contains("1/3 FTE") && !en.contains("ETP"),
            "{lang}: {en}"
        );
    }
}

#[test]
fn json_sur_l_entree_standard_et_drapeaux_prioritaires() {
    let entree = r#"{"signature_date":"2023-09-01","specialty":"01","sector":"secteur_1","patientele_mt":1100,"percentile_band":"p50_p70"}"#;
    let o = assistmed(
        &[
            "simulate",
            "--input",
            "-",
            "--json",
            "--signature-date",
            "2025-01-15",
        ],
        Some(entree),
    );
    assert_eq!(o.status.code(), Some(0), "{}", texte(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["rules"]["id"], "convention-2024",
        "the flag overrides the JSON date"
    );
    assert_eq!(v["options"][1]["aid"][0]["amount"], "19000.00");
}

#[test]
fn non_eligible_est_une_reponse() {
    let o = assistmed(
        &[
            "simulate",
            "--signature-date",
            "2025-01-15",
            "--specialty",
            "06",
            "--sector",
            "secteur_1",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(texte(&o.stdout).contains("NON ÉLIGIBLE"));
}

#[test]
fn mauvaise_saisie_sort_en_2_avec_le_champ() {
    let o = assistmed(
        &[
            "simulate",
            "--signature-date",
            "2025-01-15",
            "--specialty",
            "01",
            "--sector",
            "secteur_1",
            "--patientele-mt",
            "-3",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let e = texte(&o.stderr);
    assert!(
        e.contains("hors_bornes") && e.contains("patientele_mt") && e.contains("0 et 20000"),
        "{e}"
    );
    assert!(o.stdout.is_empty());

    let o = assistmed(
        &[
            "simulate",
            "--json",
            "--signature-date",
            "2019-01-01",
            "--specialty",
            "01",
            "--sector",
            "secteur_1",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&o.stderr).unwrap();
    assert_eq!(v["error"]["code"], "hors_periode");
    assert_eq!(v["error"]["field"], "signature_date");

    let o = assistmed(&["simulate", "--input", "-"], Some("{not json"));
    assert_eq!(o.status.code(), Some(2));
    assert!(texte(&o.stderr).contains("json_invalide"));
}

#[test]
fn echeancier_avec_bascule() {
    let args = [
        "timeline",
        "--option",
        "demi",
        "--start",
        "2023-09-01",
        "--specialty",
        "01",
        "--sector",
        "secteur_1",
        "--percentile-band",
        "p50_p70",
    ];
    let mut json = args.to_vec();
    json.push("--json");
    let o = assistmed(&json, None);
    assert_eq!(o.status.code(), Some(0), "{}", texte(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let ans: Vec<(&str, &str)> = v["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["rules_id"].as_str().unwrap(),
                a["amount"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(ans[0], ("reglement-arbitral-2023", "18000.00"));
    assert_eq!(ans[1], ("convention-2024", "14000.00"));
    let o = assistmed(&args, None);
    let s = texte(&o.stdout);
    assert!(s.contains("1er septembre 2024"), "{s}");
    assert!(!s.contains("2024-09-01"), "{s}");
}

#[test]
fn specialites_et_versions() {
    let o = assistmed(&["specialties", "--json"], None);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let gp = v
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "01")
        .unwrap();
    assert_eq!(gp["name"], "Médecine générale");
    let s = texte(&assistmed(&["rules"], None).stdout);
    assert!(
        s.contains("avenant-7-2019")
            && s.contains("1er septembre 2019")
            && s.contains("22 juin 2024"),
        "{s}"
    );
    let aide = texte(&assistmed(&["--help"], None).stdout);
    assert!(
        aide.contains("simulate") && aide.contains("timeline"),
        "{aide}"
    );
}

#[test]
fn cas_dores_par_la_ligne_de_commande() {
    let mut echecs = Vec::new();
    let mut n = 0;
    for (chemin, c) in support::cas() {
        let entree = c["input"].to_string();
        let mut args: Vec<String> = match c["command"].as_str().unwrap() {
            "simulate" | "second_assistant" => vec!["simulate".into()],
            "timeline" => vec![
                "timeline".into(),
                "--option".into(),
                c["option"].as_str().unwrap().into(),
            ],
            autre => panic!("{autre}"),
        };
        if let Some(d) = c["start"].as_str() {
            args.extend(["--start".into(), d.into()]);
        }
        args.extend(["--input".into(), "-".into(), "--json".into()]);
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = assistmed(&refs, Some(&entree));
        let attendu = &c["expect"];
        let nom = chemin.file_name().unwrap().to_string_lossy().into_owned();
        let resultat = match (o.status.code(), attendu.get("error")) {
            (Some(0), None) => {
                let mut v: Value = serde_json::from_slice(&o.stdout).unwrap();
                if c["command"] == "second_assistant" {
                    v = v["second_assistant"].clone();
                }
                support::verifier_sortie(attendu, &v)
            }
            (Some(2), Some(e)) => {
                let v: Value = serde_json::from_slice(&o.stderr).unwrap();
                if v["error"]["code"] == e["code"] && v["error"]["field"] == e["field"] {
                    Ok(())
                } else {
                    Err(format!("expected {e}, got {v}"))
                }
            }
            (code, _) => Err(format!("exit {code:?}: {}", texte(&o.stderr))),
        };
        n += 1;
        if let Err(e) = resultat {
            echecs.push(format!("{nom}: {e}"));
        }
    }
    assert!(n >= 30);
    assert!(echecs.is_empty(), "{}", echecs.join("\n"));
}

#[test]
fn bundle_signe_verifie_compare_et_falsifie() {
    let dir = std::env::temp_dir().join(format!("assistmed-cli-bundle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let racine = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut doc: Value =
        serde_json::from_str(assistmed_core::rules::regles_embarquees_json().unwrap()).unwrap();
    doc["bundle_version"] = 2.into();
    let p = doc["parameters"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == "seuil.p30.generaliste_pmt")
        .unwrap();
    p["values"][2]["value"] = 780.into();
    let b = dir.join("b2.json");
    std::fs::write(&b, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();
    let cle = racine.join("core/keys/test-only/TEST-ONLY-signing-key.hex");
    let bs = b.to_str().unwrap();

    let o = assistmed(
        &["bundle", "sign", bs, "--key", cle.to_str().unwrap()],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", texte(&o.stderr));
    assert!(dir.join("b2.json.sig").exists());
    let pk = racine.join("core/keys/test-only/TEST-ONLY-public-key.hex");
    let o = assistmed(
        &["bundle", "verify", bs, "--pubkey", pk.to_str().unwrap()],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", texte(&o.stderr));
    assert!(texte(&o.stdout).contains("bundle version 2"));

    let d = texte(&assistmed(&["bundle", "diff", "embedded", bs], None).stdout);
    assert!(
        d.contains("seuil.p30.generaliste_pmt @ 2024-06-22")
            && d.contains("- 775")
            && d.contains("+ 780"),
        "{d}"
    );

    // One byte changed after signing: refused, exit 2.
    let mut octets = std::fs::read(&b).unwrap();
    let i = octets.windows(3).position(|w| w == b"780").unwrap();
    octets[i + 2] = b'1';
    std::fs::write(&b, octets).unwrap();
    let o = assistmed(
        &["bundle", "verify", bs, "--pubkey", pk.to_str().unwrap()],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(texte(&o.stderr).contains("signature_refusee"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lot_jsonl_une_reponse_par_ligne_et_drapeaux_appliques_a_chaque_ligne() {
    // Two GPs without a signature date: the flag gives it to both; the third line is refused
    // with its line number, and the run still answers every line (exit code 0).
    let entree = concat!(
        r#"{"specialty":"01","sector":"secteur_1","patientele_mt":1200,"percentile_band":"p50_p70"}"#,
        "\n",
        r#"{"specialty":"01","sector":"secteur_1","patientele_mt":1600,"percentile_band":"p90_p95"}"#,
        "\n",
        r#"{"specialty":"01","sector":"secteur_9"}"#,
        "\n"
    );
    let o = assistmed(
        &["simulate", "--jsonl", "--signature-date", "2025-01-15"],
        Some(entree),
    );
    assert_eq!(o.status.code(), Some(0), "{}", texte(&o.stderr));
    let lignes: Vec<Value> = texte(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lignes.len(), 3);
    // S10: 2024 table, 1/2 ETP year 1 = 19 000; P90–P94 year 3+ = 13 000.
    let demi = |l: &Value| {
        l["options"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["option"] == "demi")
            .unwrap()
            .clone()
    };
    assert_eq!(demi(&lignes[0])["aid"][0]["amount"], "19000.00");
    assert_eq!(demi(&lignes[1])["aid"][2]["amount"], "13000.00");
    assert_eq!(lignes[2]["line"], 3);
    assert_eq!(lignes[2]["error"]["field"], "sector");
    assert!(texte(&o.stderr).contains("3 situations, 1 refusée(s)"));
}
