//! Hardening (issue 9): each class of bad input found by trying the library as an attacker and as
//! a careless user gets a typed error (code, field, French and English message) or a refusal with
//! the previous rules still answering — never a panic, never a silent rounding.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use assistmed_core::bundle::{self, cle_privee, cle_publique, hex, RuleStore};
use assistmed_core::{evaluer, CodeErreur, Erreur, Situation};
use ed25519_dalek::{SigningKey, VerifyingKey};
use serde_json::Value;

const CLE_TEST: &str = include_str!("../keys/test-only/TEST-ONLY-signing-key.hex");

fn cle_test() -> SigningKey {
    cle_privee(CLE_TEST).unwrap()
}

fn document(f: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut doc: Value =
        serde_json::from_str(assistmed_core::rules::regles_embarquees_json().unwrap()).unwrap();
    f(&mut doc);
    serde_json::to_vec_pretty(&doc).unwrap()
}

/// The embedded document as version `v`, changed by `f`.
fn version(v: u64, f: impl FnOnce(&mut Value)) -> Vec<u8> {
    document(|d| {
        d["bundle_version"] = v.into();
        f(d)
    })
}

fn parametre<'a>(d: &'a mut Value, id: &str) -> &'a mut Value {
    d["parameters"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == id)
        .unwrap()
}

fn signe(octets: &[u8]) -> Vec<u8> {
    bundle::signer(octets, &cle_test()).to_vec()
}

fn installer(octets: &[u8]) -> Result<RuleStore, Erreur> {
    RuleStore::embarque()
        .unwrap()
        .installer(octets, &signe(octets))
}

/// A signed, otherwise valid bundle whose change `f` must be refused as `code`.
fn refuse(code: CodeErreur, f: impl FnOnce(&mut Value)) -> Erreur {
    let e = installer(&version(2, f)).expect_err("bundle accepted");
    assert_eq!(e.code, code, "{e}");
    assert!(!e.message_fr.is_empty() && !e.message_en.is_empty());
    e
}

const GP: &str = r#""signature_date":"2025-01-15","specialty":"01","sector":"secteur_1","patientele_mt":1200,"percentile_band":"p50_p70""#;

fn situation(extra: &str) -> Result<Situation, Erreur> {
    let sep = if extra.is_empty() { "" } else { "," };
    Situation::depuis_json(&format!("{{{GP}{sep}{extra}}}"))
}

/// `texte` must be refused with `code` on `champ`, with a French message free of serde's
/// English wording.
fn erreur_de(texte: &str, code: CodeErreur, champ: &str) -> Erreur {
    let e = Situation::depuis_json(texte).expect_err("accepted");
    assert_eq!(e.code, code, "{texte}: {e}");
    assert_eq!(e.champ.as_deref(), Some(champ), "{texte}: {e}");
    for anglais in ["invalid type", "expected", "unknown field", "duplicate"] {
        assert!(!e.message_fr.contains(anglais), "English in French: {e}");
    }
    assert!(
        e.message_fr.contains(champ) && e.message_en.contains(champ),
        "{e}"
    );
    e
}

// D1 — an amount at Decimal::MAX passed every check and made every assessment panic.
#[test]
fn d1_un_montant_demesure_est_refuse_par_les_controles() {
    let e = refuse(CodeErreur::ReglesInvalides, |d| {
        parametre(d, "montant.demi.annee_1")["values"][2]["value"] =
            "79228162514264337593543950335".into();
    });
    assert!(e.message_en.contains("montant.demi.annee_1"), "{e}");
    // A plausible correction still installs.
    installer(&version(2, |d| {
        parametre(d, "montant.demi.annee_1")["values"][2]["value"] = "19500.50".into();
    }))
    .unwrap();
}

// D2 — small-order keys and non-strict verification.
#[test]
fn d2_une_cle_faible_est_refusee_et_la_verification_est_stricte() {
    let identite = format!("01{}", "0".repeat(62));
    let e = cle_publique(&identite).unwrap_err();
    assert_eq!(e.code, CodeErreur::CleInvalide);
    assert_eq!(
        bundle::liste_de_cles(&identite).unwrap_err().code,
        CodeErreur::CleInvalide
    );
    // Even handed a weak key directly, the constant signature never verifies.
    let mut octets = [0u8; 32];
    octets[0] = 1;
    let faible = VerifyingKey::from_bytes(&octets).unwrap();
    let mut sig = [0u8; 64];
    sig[0] = 1;
    let e = bundle::verifier_signature(b"any document", &sig, &[faible]).unwrap_err();
    assert_eq!(e.code, CodeErreur::SignatureRefusee);
}

// D3 — rollback after the stored copy is lost.
#[test]
fn d3_le_plancher_de_version_survit_a_la_perte_du_bundle() {
    let v2 = version(2, |_| {});
    let v3 = version(3, |_| {});
    let store = RuleStore::embarque().unwrap();
    let s3 = store.installer(&v3, &signe(&v3)).unwrap();
    assert_eq!(s3.plancher(), 3);
    // The stored copy is lost: the app restores with its high-water mark only.
    let (depart, alerte) = RuleStore::embarque()
        .unwrap()
        .avec_plancher(3)
        .restaurer(None, None);
    assert_eq!(alerte.unwrap().code, CodeErreur::BundleSousPlancher);
    assert_eq!(depart.regles().bundle_version, 1, "embedded rules answer");
    let e = depart.installer(&v2, &signe(&v2)).unwrap_err();
    assert_eq!(e.code, CodeErreur::BundleSousPlancher, "{e}");
    assert_eq!(e.champ.as_deref(), Some("bundle_version"));
    // A replayed v2 at start-up is refused the same way; v3 itself may come back.
    let (_, alerte) = RuleStore::embarque()
        .unwrap()
        .avec_plancher(3)
        .restaurer(Some(&v2), Some(&signe(&v2)));
    assert_eq!(alerte.unwrap().code, CodeErreur::BundleSousPlancher);
    let (retour, alerte) = RuleStore::embarque()
        .unwrap()
        .avec_plancher(3)
        .restaurer(Some(&v3), Some(&signe(&v3)));
    assert!(alerte.is_none());
    assert_eq!(retour.regles().bundle_version, 3);
    // The mark never goes down.
    assert_eq!(retour.avec_plancher(1).plancher(), 3);
}

// D5 — bundle size, checked before the signature.
#[test]
fn d5_un_bundle_trop_gros_est_refuse_avant_la_signature() {
    let gros = vec![b' '; bundle::TAILLE_MAX_BUNDLE + 1];
    let e = RuleStore::embarque()
        .unwrap()
        .installer(&gros, &[0u8; 64])
        .unwrap_err();
    assert_eq!(e.code, CodeErreur::TropVolumineux, "{e}");
    let e = bundle::lire(&gros).unwrap_err();
    assert_eq!(e.code, CodeErreur::TropVolumineux, "{e}");
}

// D5 — counts and string lengths inside a signed bundle.
#[test]
fn d5_les_comptes_et_longueurs_dans_un_bundle_sont_bornes() {
    refuse(CodeErreur::TropVolumineux, |d| {
        d["title"] = "x".repeat(100_000).into();
    });
    refuse(CodeErreur::TropVolumineux, |d| {
        let refs = d["references"].as_object_mut().unwrap();
        let modele = refs.values().next().unwrap().clone();
        for i in 0..5_000 {
            refs.insert(format!("R{i}"), modele.clone());
        }
    });
}

// D6 — integrity gaps.
#[test]
fn d6_les_trous_des_controles_d_integrite() {
    refuse(CodeErreur::ReglesInvalides, |d| {
        for v in parametre(d, "objectif.arrondi")["values"]
            .as_array_mut()
            .unwrap()
        {
            v["value"] = "au_hasard".into();
        }
    });
    for duree in [0u64, u64::from(u32::MAX)] {
        refuse(CodeErreur::ReglesInvalides, |d| {
            parametre(d, "contrat.duree_annees")["values"][2]["value"] = duree.into();
        });
    }
    for montant in ["1e4", "19_500", "19500.005", "+19500", " 19500", "0x10"] {
        refuse(CodeErreur::ReglesInvalides, |d| {
            parametre(d, "montant.demi.annee_1")["values"][2]["value"] = montant.into();
        });
    }
    refuse(CodeErreur::ReglesInvalides, |d| {
        parametre(d, "eligibilite.part_clinique_min")["values"][0]["value"] = "0.1234567".into();
    });
    // Unknown fields, at every level.
    refuse(CodeErreur::ReglesInvalides, |d| {
        d["versions"][0]["surprise"] = true.into();
    });
    refuse(CodeErreur::ReglesInvalides, |d| {
        d["specialties"][0]["surprise"] = true.into();
    });
    refuse(CodeErreur::ReglesInvalides, |d| {
        let r = d["references"].as_object_mut().unwrap();
        r.values_mut().next().unwrap()["surprise"] = true.into();
    });
    // A version date far in the future.
    refuse(CodeErreur::ReglesInvalides, |d| {
        d["published"] = "9999-12-31".into();
    });
}

#[test]
fn d6_une_cle_en_double_dans_un_bundle_est_refusee() {
    // Nested maps (references by id) used to be last-wins.
    let doc: Value = serde_json::from_slice(&version(2, |_| {})).unwrap();
    let (id, r) = doc["references"]
        .as_object()
        .unwrap()
        .iter()
        .next()
        .unwrap();
    let texte = String::from_utf8(version(2, |_| {})).unwrap();
    let double = texte.replacen(
        "\"references\": {",
        &format!("\"references\": {{ \"{id}\": {r},"),
        1,
    );
    assert_ne!(texte, double);
    let e = installer(double.as_bytes()).expect_err("accepted");
    assert_eq!(e.code, CodeErreur::ReglesInvalides, "{e}");
    assert!(e.message_en.contains(id.as_str()), "{e}");
}

// D7 — wrong JSON types name their field, in real French.
#[test]
fn d7_un_type_faux_nomme_son_champ() {
    erreur_de(
        r#"{"signature_date":"2025-01-15","specialty":"01","sector":"secteur_1","patientele_mt":"abc"}"#,
        CodeErreur::JsonInvalide,
        "patientele_mt",
    );
    erreur_de(
        r#"{"signature_date":20250115,"specialty":"01","sector":"secteur_1"}"#,
        CodeErreur::JsonInvalide,
        "signature_date",
    );
    erreur_de(
        r#"{"signature_date":"2025-01-15","specialty":"01","sector":"secteur_1","patientele_mt":1200.5}"#,
        CodeErreur::JsonInvalide,
        "patientele_mt",
    );
    erreur_de(
        r#"{"signature_date":"2025-01-15","specialty":"01","sector":"secteur_1","mep":"oui"}"#,
        CodeErreur::JsonInvalide,
        "mep",
    );
    erreur_de(
        r#"{"signature_date":"2025-01-15","specialty":"01","sector":"secteur_1","current_contract":[]}"#,
        CodeErreur::JsonInvalide,
        "current_contract",
    );
    erreur_de(
        r#"{"signature_date":"2025-01-15","specialty":"01","sector":"secteur_1","current_contract":{"option":"plein","start":"2024-01-01","objectives_reached":"yes"}}"#,
        CodeErreur::JsonInvalide,
        "current_contract.objectives_reached",
    );
    erreur_de(
        r#"{"signature_date":"2025-01-15","specialty":"01","sector":"secteur_1","surprise":1}"#,
        CodeErreur::JsonInvalide,
        "surprise",
    );
    // Syntax errors: no field, but a French message with the position.
    let e = Situation::depuis_json("{\"signature_date\": ").unwrap_err();
    assert_eq!(e.code, CodeErreur::JsonInvalide);
    assert!(e.message_fr.contains("ligne"), "{e}");
    assert!(!e.message_fr.contains("EOF"), "{e}");
}

// D8 — duplicate keys were last-wins.
#[test]
fn d8_une_cle_en_double_est_refusee() {
    erreur_de(
        &format!("{{{GP},\"patientele_mt\":50}}"),
        CodeErreur::JsonInvalide,
        "patientele_mt",
    );
    erreur_de(
        r#"{"signature_date":"2025-01-15","specialty":"01","sector":"secteur_1","current_contract":{"option":"plein","option":"demi","start":"2024-01-01","objectives_reached":true}}"#,
        CodeErreur::JsonInvalide,
        "current_contract.option",
    );
}

// D9 — decimals: strict grammar, bounded decimals, never rounded; the French comma accepted.
#[test]
fn d9_grammaire_decimale_stricte() {
    for texte in [
        "0.79999999999999999999999999999",
        "0.8000001",
        "1e-1",
        "0_8",
        ".8",
        "8.",
        "0.8.1",
        "+0.8",
        "",
        "NaN",
        "0.8 ",
        "79228162514264337593543950335",
    ] {
        let e = situation(&format!("\"clinical_fee_share\":{}", Value::from(texte)))
            .err()
            .unwrap_or_else(|| panic!("{texte:?} accepted"));
        assert_eq!(e.code, CodeErreur::HorsBornes, "{texte:?}: {e}");
        assert_eq!(e.champ.as_deref(), Some("clinical_fee_share"));
    }
    for (texte, attendu) in [
        ("0,85", "0.85"),
        ("0.85", "0.85"),
        ("1", "1"),
        ("0.123456", "0.123456"),
    ] {
        let s = situation(&format!("\"clinical_fee_share\":\"{texte}\"")).unwrap();
        assert_eq!(
            s.clinical_fee_share.unwrap().to_string(),
            attendu,
            "{texte}"
        );
    }
}

// D10 — dates: strict grammar and bounds; a running contract must start within the scheme.
#[test]
fn d10_dates_bornees_et_contrat_en_cours_dans_le_dispositif() {
    for d in [
        "9999-12-31",
        "0000-01-01",
        "2100-01-01",
        "+2025-01-15",
        "2025-1-15",
        "2025-01-15T00:00",
    ] {
        let e = erreur_de(
            &format!(r#"{{"signature_date":"{d}","specialty":"01","sector":"secteur_1"}}"#),
            CodeErreur::DateInvalide,
            "signature_date",
        );
        assert!(e.message_fr.contains("2099-12-31"), "{e}");
    }
    let contrat = |debut: &str| {
        situation(&format!(
            r#""zone":"zip","current_contract":{{"option":"plein","start":"{debut}","objectives_reached":true}}"#
        ))
        .and_then(|s| evaluer(assistmed_core::regles().unwrap(), &s, assistmed_core::Langue::Fr))
    };
    let e = contrat("0000-06-01").unwrap_err();
    assert_eq!(e.code, CodeErreur::DateInvalide);
    assert_eq!(e.champ.as_deref(), Some("current_contract.start"));
    let e = contrat("2015-06-01").unwrap_err();
    assert_eq!(e.code, CodeErreur::HorsPeriode, "{e}");
    assert_eq!(e.champ.as_deref(), Some("current_contract.start"));
    let e = contrat("2025-06-01").unwrap_err();
    assert_eq!(e.code, CodeErreur::Incoherence);
    contrat("2022-03-01").unwrap();
}

// D11 — echoed values: control characters escaped, long values cut.
#[test]
fn d11_valeurs_citees_echappees_et_coupees() {
    let hostile = format!("\u{1b}[31mrouge\n\u{202e}{}", "x".repeat(150));
    let e = erreur_de(
        &format!(
            r#"{{"signature_date":"2025-01-15","specialty":"01","sector":{}}}"#,
            Value::from(hostile.as_str())
        ),
        CodeErreur::ValeurInconnue,
        "sector",
    );
    for m in [&e.message_fr, &e.message_en] {
        assert!(
            !m.chars().any(|c| c.is_control() || c == '\u{202e}'),
            "{m:?}"
        );
        assert!(m.contains('…') && m.contains("\\u{1b}"), "{m:?}");
        assert!(m.chars().count() < 400, "{} chars", m.chars().count());
    }
}

// D5 — situation documents and their strings are bounded too.
#[test]
fn d5_une_situation_demesuree_est_refusee() {
    let e = Situation::depuis_json(&" ".repeat(1 << 20)).unwrap_err();
    assert_eq!(e.code, CodeErreur::TropVolumineux, "{e}");
    let e = situation(&format!("\"zone\":\"{}\"", "z".repeat(5_000))).unwrap_err();
    assert_eq!(e.code, CodeErreur::TropVolumineux, "{e}");
    assert_eq!(e.champ.as_deref(), Some("zone"));
}

// D13 — the hex reader: lower-case digits only, exact length.
#[test]
fn d13_lecteur_hexadecimal_strict() {
    let bonne = hex::encoder(cle_test().verifying_key().as_bytes());
    cle_publique(&bonne).unwrap();
    cle_publique(&format!("{bonne}\n")).unwrap();
    for mauvaise in [
        bonne.to_uppercase(),
        format!("+{}", &bonne[1..]),
        format!("{bonne}00"),
        bonne[..62].to_owned(),
        format!("{} {}", &bonne[..32], &bonne[32..]),
    ] {
        let e = cle_publique(&mauvaise).unwrap_err();
        assert_eq!(e.code, CodeErreur::CleInvalide, "{mauvaise}");
    }
    assert!(hex::decoder("x", "+f", CodeErreur::CleInvalide).is_err());
    assert!(hex::decoder("x", "AB", CodeErreur::CleInvalide).is_err());
}

// Every code of the public list is distinct and round-trips.
#[test]
fn les_nouveaux_codes_sont_listes() {
    for c in [CodeErreur::TropVolumineux, CodeErreur::BundleSousPlancher] {
        assert!(CodeErreur::TOUS.contains(&c));
        assert_eq!(CodeErreur::depuis_code(c.as_str()), Some(c));
    }
}

mod proprietes {
    use assistmed_core::bundle::hex;
    use assistmed_core::money::lire_decimal;
    use assistmed_core::CodeErreur;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    proptest! {
        // Every decimal with at most 6 decimals reads back exactly, with a point or a comma.
        #[test]
        fn un_decimal_ecrit_se_relit_exactement(m in -10_000_000_000i64..10_000_000_000, e in 0u32..=6) {
            let d = Decimal::new(m, e);
            let t = d.to_string();
            prop_assert_eq!(lire_decimal("x", &t, 6, false), Ok(d));
            prop_assert_eq!(lire_decimal("x", &t.replace('.', ","), 6, true), Ok(d));
            if e > 2 && !d.fract().is_zero() && d.normalize().scale() > 2 {
                prop_assert!(lire_decimal("x", &d.normalize().to_string(), 2, false).is_err());
            }
        }

        // Any text: an exact value or a typed error, never a panic, never a rounding.
        #[test]
        fn un_texte_quelconque_donne_une_valeur_exacte_ou_une_erreur(t in "\\PC{0,40}") {
            match lire_decimal("x", &t, 6, true) {
                Ok(d) => prop_assert_eq!(d, t.replace(',', ".").parse::<Decimal>().unwrap()),
                Err(e) => prop_assert_eq!(e.code, CodeErreur::HorsBornes),
            }
        }

        #[test]
        fn l_hexadecimal_se_relit(octets in proptest::collection::vec(any::<u8>(), 0..64)) {
            prop_assert_eq!(hex::decoder("x", &hex::encoder(&octets), CodeErreur::CleInvalide), Ok(octets));
        }
    }
}
