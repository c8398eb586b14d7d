//! Signed rule bundles: every tampering is refused with its own error and the previous rules keep
//! answering; a valid newer bundle changes the answer of a golden case as expected.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use assistmed_core::bundle::{self, cle_privee, differences, RuleStore};
use assistmed_core::rules::OrigineRegles;
use assistmed_core::{evaluer, CodeErreur, Situation};
use ed25519_dalek::SigningKey;
use serde_json::Value;

const CLE_TEST: &str = include_str!("../keys/test-only/TEST-ONLY-signing-key.hex");

fn cle_test() -> SigningKey {
    cle_privee(CLE_TEST).unwrap()
}

/// The embedded document, changed by `f`, as bytes.
fn document(f: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut doc: Value =
        serde_json::from_str(assistmed_core::rules::regles_embarquees_json().unwrap()).unwrap();
    f(&mut doc);
    serde_json::to_vec_pretty(&doc).unwrap()
}

/// A newer bundle (version 2) where the 2024 1/2 ETP year-1 amount becomes 19 500.
fn bundle_v2() -> Vec<u8> {
    document(|d| {
        d["bundle_version"] = 2.into();
        d["published"] = "2026-12-01".into();
        let p = d["parameters"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|p| p["id"] == "montant.demi.annee_1")
            .unwrap();
        let v = p["values"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|v| v["from"] == "2024-06-22")
            .unwrap();
        v["value"] = "19500".into();
        v["note"] = "Correction publiée (test)".into();
    })
}

fn signe(octets: &[u8]) -> Vec<u8> {
    bundle::signer(octets, &cle_test()).to_vec()
}

/// Year-1 aid of the 1/2 ETP option in golden case 001 (GP, 2025-01-15).
fn aide_demi_annee_1(store: &RuleStore) -> String {
    let s = Situation::depuis_json(
        r#"{"signature_date":"2025-01-15","specialty":"01","sector":"secteur_1","patientele_mt":1200,"percentile_band":"p50_p70"}"#,
    )
    .unwrap();
    let e = evaluer(store.regles(), &s, assistmed_core::Langue::Fr).unwrap();
    assert_eq!(
        e.rules.bundle_version,
        store.regles().bundle_version,
        "the bundle version appears in every assessment"
    );
    e.options[1].aid[0].amount.unwrap().to_string()
}

fn refuse(store: &RuleStore, octets: &[u8], signature: &[u8], code: CodeErreur) {
    let e = store.installer(octets, signature).unwrap_err();
    assert_eq!(e.code, code, "{e}");
    assert!(!e.message_fr.is_empty() && !e.message_en.is_empty());
    // The previous rules still answer.
    assert_eq!(aide_demi_annee_1(store), "19000");
}

#[test]
fn un_bundle_valide_et_plus_recent_change_la_reponse() {
    let store = RuleStore::embarque().unwrap();
    assert_eq!(aide_demi_annee_1(&store), "19000");
    assert_eq!(store.provenance().origin, OrigineRegles::Embedded);
    let octets = bundle_v2();
    let nouveau = store.installer(&octets, &signe(&octets)).unwrap();
    assert_eq!(aide_demi_annee_1(&nouveau), "19500");
    assert_eq!(nouveau.provenance().bundle_version, 2);
    assert_eq!(nouveau.provenance().origin, OrigineRegles::Update);
    assert!(nouveau.provenance().signature.is_some());
    // The store installed on is untouched (immutable).
    assert_eq!(aide_demi_annee_1(&store), "19000");
}

#[test]
fn signe_par_une_autre_cle() {
    let autre = SigningKey::from_bytes(&[7u8; 32]);
    let octets = bundle_v2();
    refuse(
        &RuleStore::embarque().unwrap(),
        &octets,
        &bundle::signer(&octets, &autre),
        CodeErreur::SignatureRefusee,
    );
}

#[test]
fn un_octet_modifie() {
    let octets = bundle_v2();
    let sig = signe(&octets);
    let mut falsifie = octets.clone();
    let i = falsifie.iter().position(|&b| b == b'9').unwrap();
    falsifie[i] = b'8';
    refuse(
        &RuleStore::embarque().unwrap(),
        &falsifie,
        &sig,
        CodeErreur::SignatureRefusee,
    );
}

#[test]
fn un_fichier_tronque() {
    let octets = bundle_v2();
    let sig = signe(&octets);
    let store = RuleStore::embarque().unwrap();
    refuse(
        &store,
        &octets[..octets.len() / 2],
        &sig,
        CodeErreur::SignatureRefusee,
    );
    refuse(&store, &octets, &sig[..40], CodeErreur::SignatureInvalide);
}

#[test]
fn une_version_plus_ancienne_ou_egale() {
    let store = RuleStore::embarque().unwrap();
    let meme = document(|_| {});
    refuse(
        &store,
        &meme,
        &signe(&meme),
        CodeErreur::BundleNonPlusRecent,
    );
    let v2 = bundle_v2();
    let installe = store.installer(&v2, &signe(&v2)).unwrap();
    let v1 = document(|d| d["bundle_version"] = 1.into());
    let e = installe.installer(&v1, &signe(&v1)).unwrap_err();
    assert_eq!(e.code, CodeErreur::BundleNonPlusRecent);
    assert_eq!(aide_demi_annee_1(&installe), "19500");
}

#[test]
fn un_schema_futur() {
    let octets = document(|d| {
        d["bundle_version"] = 3.into();
        d["schema_version"] = 2.into();
    });
    refuse(
        &RuleStore::embarque().unwrap(),
        &octets,
        &signe(&octets),
        CodeErreur::SchemaNonSupporte,
    );
}

#[test]
fn un_chevauchement_de_versions() {
    let octets = document(|d| {
        d["bundle_version"] = 3.into();
        d["versions"][1]["end_exclusive"] = "2024-07-01".into();
    });
    refuse(
        &RuleStore::embarque().unwrap(),
        &octets,
        &signe(&octets),
        CodeErreur::ReglesInvalides,
    );
}

#[test]
fn une_reference_manquante() {
    let octets = document(|d| {
        d["bundle_version"] = 3.into();
        d["parameters"][0]["values"][0]["references"] = serde_json::json!([]);
    });
    refuse(
        &RuleStore::embarque().unwrap(),
        &octets,
        &signe(&octets),
        CodeErreur::ReglesInvalides,
    );
}

#[test]
fn un_document_illisible_mais_signe() {
    let octets = b"{\"schema_version\": 1, \"bundle_version\": ".to_vec();
    refuse(
        &RuleStore::embarque().unwrap(),
        &octets,
        &signe(&octets),
        CodeErreur::BundleIllisible,
    );
    let binaire = vec![0xff, 0xfe, 0x00];
    refuse(
        &RuleStore::embarque().unwrap(),
        &binaire,
        &signe(&binaire),
        CodeErreur::BundleIllisible,
    );
}

#[test]
fn export_puis_restauration() {
    let embarque = RuleStore::embarque().unwrap();
    assert!(
        embarque.exporter().is_none(),
        "embedded rules need no storage"
    );
    let octets = bundle_v2();
    let installe = embarque.installer(&octets, &signe(&octets)).unwrap();
    let (o, s) = installe.exporter().unwrap();
    let (restaure, alerte) = embarque.restaurer(Some(&o), Some(&s));
    assert!(alerte.is_none());
    assert_eq!(aide_demi_annee_1(&restaure), "19500");

    // A corrupted or truncated file falls back to the embedded rules with a warning.
    let (repli, alerte) = embarque.restaurer(Some(&o[..o.len() - 10]), Some(&s));
    assert_eq!(alerte.unwrap().code, CodeErreur::SignatureRefusee);
    assert_eq!(aide_demi_annee_1(&repli), "19000");
    let (repli, alerte) = embarque.restaurer(Some(&o), None);
    assert_eq!(alerte.unwrap().code, CodeErreur::BundleIllisible);
    assert_eq!(repli.regles().bundle_version, 1);
    let (rien, alerte) = embarque.restaurer(None, None);
    assert!(alerte.is_none());
    assert_eq!(rien.regles().bundle_version, 1);
}

#[test]
fn le_diff_montre_les_valeurs_changees() {
    let avant = RuleStore::embarque().unwrap();
    let octets = bundle_v2();
    let apres = avant.installer(&octets, &signe(&octets)).unwrap();
    let d = differences(avant.regles(), apres.regles());
    let sujets: Vec<&str> = d.iter().map(|x| x.subject.as_str()).collect();
    assert!(
        sujets.contains(&"montant.demi.annee_1 @ 2024-06-22"),
        "{sujets:?}"
    );
    assert!(sujets.contains(&"bundle_version"));
    assert_eq!(d.len(), 3, "{d:#?}");
    let m = d.iter().find(|x| x.subject.starts_with("montant")).unwrap();
    assert!(m.before.as_deref().unwrap().starts_with("19000 (grade A"));
    assert!(
        m.after.as_deref().unwrap().contains("19500")
            && m.after.as_deref().unwrap().contains("Correction")
    );
}

#[test]
fn les_cles_de_test_correspondent() {
    let publique = include_str!("../keys/test-only/TEST-ONLY-public-key.hex").trim();
    assert_eq!(
        bundle::hex::encoder(cle_test().verifying_key().as_bytes()),
        publique
    );
    // Tests are built with the `test-keys` feature: the test key is trusted here, and only here.
    assert!(bundle::cles_de_confiance()
        .unwrap()
        .contains(&cle_test().verifying_key()));
}

#[test]
fn l_ordre_des_controles_est_signature_schema_version_integrite() {
    let store = RuleStore::embarque().unwrap();
    // Not newer AND broken: the version check comes first.
    let vieux_et_casse = document(|d| d["versions"][1]["end_exclusive"] = "2024-07-01".into());
    refuse(
        &store,
        &vieux_et_casse,
        &signe(&vieux_et_casse),
        CodeErreur::BundleNonPlusRecent,
    );
    // Future schema AND older: the schema check comes first.
    let futur = document(|d| d["schema_version"] = 9.into());
    refuse(
        &store,
        &futur,
        &signe(&futur),
        CodeErreur::SchemaNonSupporte,
    );
    // Tampered AND older: the signature check comes first.
    let autre = SigningKey::from_bytes(&[9u8; 32]);
    refuse(
        &store,
        &futur,
        &bundle::signer(&futur, &autre),
        CodeErreur::SignatureRefusee,
    );
}
