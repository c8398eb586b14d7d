//! `assistmed track`: every tracking golden case of tests/tracking through `track --input -
//! --json`, the example by flags in French and English, and the errors.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

#[path = "../../core/tests/support/golden.rs"]
mod golden;

mod commun;

use commun::{assistmed, texte};

use serde_json::Value;

#[test]
fn tous_les_cas_de_suivi_par_la_ligne_de_commande() {
    let mut echecs = Vec::new();
    let tous = golden::cas_de("tracking");
    assert!(tous.len() >= 15);
    for (chemin, c) in &tous {
        let on = c["on"].as_str().unwrap();
        let o = assistmed(
            &["track", "--input", "-", "--on", on, "--json"],
            Some(&c["contract"].to_string()),
        );
        let attendu = &c["expect"];
        let r = match attendu.get("error") {
            None if o.status.code() == Some(0) => {
                let sortie: Value = serde_json::from_slice(&o.stdout).unwrap();
                golden::verifier_sortie(attendu, &sortie)
            }
            None => Err(format!("exit {:?}: {}", o.status.code(), texte(&o.stderr))),
            Some(e) => {
                let err: Value = serde_json::from_slice(&o.stderr).unwrap_or(Value::Null);
                if o.status.code() == Some(2)
                    && err["error"]["code"] == e["code"]
                    && err["error"]["field"] == e["field"]
                {
                    Ok(())
                } else {
                    Err(format!(
                        "expected {e}, got exit {:?}: {}",
                        o.status.code(),
                        texte(&o.stderr)
                    ))
                }
            }
        };
        if let Err(e) = r {
            echecs.push(format!("{}: {e}", chemin.display()));
        }
    }
    assert!(echecs.is_empty(), "{}", echecs.join("\n"));
}

const EXEMPLE: &[&str] = &[
    "track",
    "--signature-date",
    "2024-09-01",
    "--specialty",
    "01",
    "--sector",
    "secteur_1",
    "--option",
    "plein",
    "--start",
    "2024-09-01",
    "--percentile-band",
    "p50_p70",
    "--baseline-pmt",
    "1300",
    "--target-pmt",
    "1560",
    "--current-pmt",
    "1450",
    "--on",
    "2026-12-01",
];

#[test]
fn l_exemple_du_ticket_par_drapeaux_en_francais() {
    // 2024, 1 ETP, +150 of +260 PMT in year 3: 22 000 € (S10) at most, one of the two is
    // enough (S37), usual reading 22 000 × 150 ÷ 260 = 12 692,31 € (grade C).
    let o = assistmed(EXEMPLE, None);
    assert_eq!(o.status.code(), Some(0), "{}", texte(&o.stderr));
    let s = texte(&o.stdout);
    for attendu in [
        "Mon contrat : 1 ETP signé le 1er septembre 2024",
        "3e année du contrat (du 1er septembre 2026 au 31 août 2027), au 1er décembre 2026",
        "+150 sur +260, soit 58\u{202F}%",
        "✗ Objectif pas encore atteint",
        "une des deux cibles suffit",
        "22\u{202F}000\u{A0}€ au maximum ; objectif non atteint : modulé, formule non publiée",
        "Lecture usuelle (hypothèse, grade C) : 12\u{202F}692,31\u{A0}€",
        "La file active n'est pas suivie ici",
        "[S37]",
        "Simulation indicative, qui n'engage pas l'Assurance Maladie.",
    ] {
        assert!(s.contains(attendu), "missing «{attendu}» in:\n{s}");
    }
    assert_eq!(s.matches("Année ").count(), 3, "years 3, 4 and 5: {s}");
}

#[test]
fn l_exemple_en_anglais_et_en_json() {
    let mut args = EXEMPLE.to_vec();
    args.extend(["--lang", "en"]);
    let s = texte(&assistmed(&args, None).stdout);
    assert!(
        s.contains("Contract year 3") && s.contains("+150 of +260, 58%"),
        "{s}"
    );
    assert!(
        s.contains("Usual reading (assumption, grade C): €12,692.31"),
        "{s}"
    );
    let mut args = EXEMPLE.to_vec();
    args.push("--json");
    let v: Value = serde_json::from_slice(&assistmed(&args, None).stdout).unwrap();
    assert_eq!(v["contract_year"], 3);
    assert_eq!(v["rule"], "one_of_two");
    assert_eq!(v["met"], false);
    assert_eq!(v["indicators"][0]["indicator"], "pmt");
    assert_eq!(
        v["indicators"][0]["progress"],
        "0.5769230769230769230769230769"
    );
    assert_eq!(v["aid_outlook"][0]["maximum_amount"], "22000.00");
}

#[test]
fn un_compte_actuel_manquant_ou_absurde_sort_en_2() {
    let sans: Vec<&str> = EXEMPLE
        .iter()
        .copied()
        .filter(|a| *a != "--current-pmt" && *a != "1450")
        .collect();
    let o = assistmed(&sans, None);
    assert_eq!(o.status.code(), Some(2));
    let e = texte(&o.stderr);
    assert!(
        e.contains("champ_requis") && e.contains("current_pmt"),
        "{e}"
    );
    let mut args: Vec<&str> = EXEMPLE
        .iter()
        .map(|a| if *a == "1450" { "20001" } else { a })
        .collect();
    args.push("--json");
    let o = assistmed(&args, None);
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&o.stderr).unwrap();
    assert_eq!(v["error"]["code"], "hors_bornes");
    assert_eq!(v["error"]["field"], "measurements[0].pmt");
    let args: Vec<&str> = EXEMPLE
        .iter()
        .map(|a| if *a == "2026-12-01" { "2026-13-01" } else { a })
        .collect();
    let e = texte(&assistmed(&args, None).stderr);
    assert!(e.contains("date_invalide") && e.contains("« on »"), "{e}");
}

#[test]
fn l_aide_decrit_la_commande() {
    let s = texte(&assistmed(&["track", "--help"], None).stdout);
    for drapeau in [
        "--signature-date",
        "--option",
        "--baseline-pmt",
        "--target-pmt",
        "--current-pmt",
        "--baseline-fa",
        "--current-fa",
        "--percentile-band",
        "--on",
        "--input",
        "--json",
        "--lang",
    ] {
        assert!(s.contains(drapeau), "{drapeau} missing from --help:\n{s}");
    }
    let s = texte(&assistmed(&["--help"], None).stdout);
    assert!(s.contains("track"), "{s}");
}
