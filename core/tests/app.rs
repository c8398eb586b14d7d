//! The app state both apps render: events in, view model out. Amounts are checked against the
//! official 2024 table (golden case 001, source S10: 1/2 ETP year 1 = 19 000 €, 1 ETP year 1 =
//! 38 000 €... as in tests/cases/001-gp-2024-standard.json).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::collections::BTreeMap;

use assistmed_core::app::{
    ecrire_reponses, lire_reponses, Application, Ecran, Ecriture, Evenement, FichierImporte,
    FICHIERS, FICHIER_PLANCHER, FICHIER_REGLES, FICHIER_REJETE_REGLES, FICHIER_REJETE_SIGNATURE,
    FICHIER_SIGNATURE, FICHIER_SIMULATION,
};
use assistmed_core::bundle::{self, cle_privee, RuleStore};
use assistmed_core::Langue;
use chrono::NaiveDate;
use serde_json::Value;

const CLE_TEST: &str = include_str!("../keys/test-only/TEST-ONLY-signing-key.hex");
const NNBSP: char = '\u{202F}';
const NBSP: char = '\u{A0}';

fn aujourd_hui() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 12, 1)
}

fn app_avec(fichiers: &BTreeMap<String, Vec<u8>>, langue: Langue) -> Application {
    Application::demarrer(
        RuleStore::embarque().unwrap(),
        fichiers,
        aujourd_hui(),
        langue,
    )
}

fn app() -> Application {
    app_avec(&BTreeMap::new(), Langue::Fr)
}

fn repondre(a: &mut Application, id: &str, v: &str) {
    a.traiter(Evenement::Repondre {
        id: id.into(),
        valeur: Some(v.into()),
    });
}

/// Golden case 001 (GP, 2025-01-15, 1 200 patients, P50–P70), as a doctor types it.
fn cas_001(a: &mut Application) {
    repondre(a, "signature_date", "15/01/2025");
    repondre(a, "patientele_mt", "1200");
    repondre(a, "percentile_band", "p50_p70");
}

fn eur(n: &str) -> String {
    format!("{}{NBSP}€", n.replace(' ', &NNBSP.to_string()))
}

/// A picked file, as the import event carries it.
fn fichier(nom: &str, octets: Vec<u8>) -> FichierImporte {
    FichierImporte {
        nom: nom.to_owned(),
        octets,
    }
}

/// The files an app would hold after applying every write, as it would at the next start.
fn appliquer(fichiers: &mut BTreeMap<String, Vec<u8>>, ecritures: Vec<Ecriture>) {
    for e in ecritures {
        match e.octets {
            Some(o) => fichiers.insert(e.nom.to_owned(), o),
            None => fichiers.remove(&e.nom),
        };
    }
}

#[test]
fn la_date_du_jour_est_pre_remplie_et_doit_etre_confirmee() {
    let mut a = app();
    let v = a.vue();
    let q = &v.questionnaire.questions[0];
    assert_eq!(q.id, "signature_date");
    assert_eq!(q.value, "01/12/2026");
    assert_eq!(q.shown.as_deref(), Some("1er décembre 2026"));
    assert!(q.prefilled.as_deref().unwrap().contains("date du jour"));
    assert!(q.confirm.is_some());
    repondre(&mut a, "patientele_mt", "1200");
    repondre(&mut a, "percentile_band", "p50_p70");
    let v = a.vue();
    assert!(
        !v.questionnaire.can_show_result,
        "an unconfirmed date gives no result"
    );
    assert_eq!(
        v.questionnaire.first_pending.as_deref(),
        Some("signature_date")
    );
    a.traiter(Evenement::ConfirmerPrerempli {
        id: "signature_date".into(),
    });
    let v = a.vue();
    assert!(v.questionnaire.can_show_result);
    assert!(v.questionnaire.questions[0].prefilled.is_none());
    assert_eq!(a.reponses()["signature_date"], "2026-12-01");
}

#[test]
fn le_resultat_montre_les_montants_du_bareme_a_la_francaise() {
    let mut a = app();
    cas_001(&mut a);
    assert_eq!(
        a.reponses()["signature_date"],
        "2025-01-15",
        "typed date stored as ISO"
    );
    a.traiter(Evenement::VoirResultat);
    assert_eq!(a.ecran(), Ecran::Resultat);
    let v = a.vue();
    assert_eq!(v.title, "Résultat");
    let r = v.result.unwrap();
    assert_eq!(r.verdict.symbol, "✓");
    let demi = r.options.iter().find(|o| o.label.contains("1/2")).unwrap();
    assert_eq!(demi.years[0].amount, eur("19 000"));
    assert_eq!(demi.years[0].spoken, "Année 1 : 19000 euros");
    assert_eq!(demi.years[0].label, "Année 1");
    assert!(demi.years[2].label.contains("maximum"));
    let tiers = &r.options[0];
    assert!(!tiers.available);
    assert!(tiers
        .unavailable
        .as_ref()
        .unwrap()
        .text
        .starts_with("Non disponible"));
    // The comparison shows the same cells.
    let c = v.comparison.unwrap();
    assert_eq!(c.rows[0].half, eur("19 000"));
    assert!(c.rows[0].spoken.starts_with("Année 1 : "));
}

#[test]
fn aucun_identifiant_interne_ni_genre_anglais_a_l_ecran() {
    let mut a = app();
    cas_001(&mut a);
    a.traiter(Evenement::VoirResultat);
    let v = a.vue();
    let texte = serde_json::to_string(&(&v.result, &v.legal_basis, &v.about_screen)).unwrap();
    for interne in [
        "convention-2024",
        "reglement-arbitral-2023",
        "avenant-7-2019",
        "core/rules",
        "\"legal\"",
        "\"press\"",
        "official",
    ] {
        assert!(!texte.contains(interne), "{interne} shown: {texte}");
    }
    // A contract signed under the 2023 rules, revalued by the 2024 ones from its anniversary:
    // the engine's caveat names both versions and a date, the screen their titles and words.
    let mut b = app();
    repondre(&mut b, "signature_date", "01/09/2023");
    repondre(&mut b, "patientele_mt", "1200");
    repondre(&mut b, "percentile_band", "p50_p70");
    b.traiter(Evenement::VoirResultat);
    let w = b.vue();
    let r = serde_json::to_string(&(&w.result, &w.comparison)).unwrap();
    assert!(r.contains("revalorisé"), "{r}");
    for interne in ["convention-2024", "reglement-arbitral-2023", "2024-09-01"] {
        assert!(!r.contains(interne), "{interne} shown: {r}");
    }
    let refs = &v.legal_basis.unwrap().references;
    assert!(!refs.is_empty());
    assert!(refs
        .iter()
        .all(|r| !r.source.is_empty() && !r.title.is_empty()));
}

#[test]
fn un_message_de_validation_nomme_la_question_et_ecrit_la_date() {
    let mut a = app();
    repondre(&mut a, "signature_date", "2025-01-15");
    repondre(&mut a, "patientele_mt", "9999999");
    let v = a.vue();
    let q = v
        .questionnaire
        .questions
        .iter()
        .find(|q| q.id == "patientele_mt")
        .unwrap();
    let e = q.error.as_deref().unwrap();
    assert!(e.starts_with("À corriger : "), "{e}");
    assert!(!e.contains("patientele_mt"), "{e}");
    repondre(&mut a, "patientele_mt", "1200");
    repondre(&mut a, "signature_date", "2019-08-31");
    let v = a.vue();
    let e = v.questionnaire.questions[0].error.clone().unwrap();
    assert!(!e.contains("2019-09-01"), "ISO date in {e}");
    assert!(!e.contains("signature_date"), "{e}");
}

#[test]
fn les_reponses_sont_enregistrees_et_relues_au_demarrage() {
    let mut a = app();
    let mut fichiers = BTreeMap::new();
    appliquer(&mut fichiers, a.ecritures());
    assert!(fichiers.is_empty(), "nothing to store before an answer");
    cas_001(&mut a);
    appliquer(&mut fichiers, a.ecritures());
    assert_eq!(fichiers.keys().collect::<Vec<_>>(), [FICHIER_SIMULATION]);
    // The pre-filled defaults are not saved, only the doctor's answers.
    let saved = lire_reponses(&fichiers[FICHIER_SIMULATION]).unwrap();
    assert_eq!(&saved, a.reponses());
    assert!(!saved.contains_key("specialty"));
    let b = app_avec(&fichiers, Langue::Fr);
    assert_eq!(b.reponses(), a.reponses());
    assert_eq!(
        b.ecran(),
        Ecran::Resultat,
        "a complete simulation reopens on its result"
    );
    assert!(FICHIERS.contains(&FICHIER_SIMULATION));
}

#[test]
fn un_fichier_illisible_redemarre_une_simulation_et_est_efface() {
    for octets in [&b"{"[..], b"{\"$format\":\"9\"}", b"[1]", b"\xff\xfe"] {
        let mut f = BTreeMap::new();
        f.insert(FICHIER_SIMULATION.to_owned(), octets.to_vec());
        let mut a = app_avec(&f, Langue::Fr);
        assert!(a.reponses().is_empty());
        assert_eq!(
            a.ecritures(),
            [Ecriture {
                nom: FICHIER_SIMULATION.to_owned(),
                octets: None
            }]
        );
    }
    let mut r = BTreeMap::new();
    r.insert("a\"b".to_owned(), "é\n\\".to_owned());
    assert_eq!(lire_reponses(ecrire_reponses(&r).as_bytes()).unwrap(), r);
}

/// The saved form is exactly serde_json's compact text of one sorted map of the answers and
/// `"$format":"1"` (what earlier versions wrote), whatever the keys: before or after `$format`,
/// `$format` itself among the answers, characters JSON escapes.
#[test]
fn la_forme_enregistree_est_celle_d_une_table_triee() {
    let cas: [&[(&str, &str)]; 5] = [
        &[],
        &[("patientele_mt", "1200"), ("age", "60")],
        &[("!avant", "x"), ("#", "y"), ("zz", "z")],
        &[("$format", "9"), ("$a", "1"), ("$g", "2")],
        &[("a\"b", "é\n\\"), ("\u{1}", "\u{7f}"), ("€", "\t")],
    ];
    for reponses in cas {
        let r: BTreeMap<String, String> = reponses
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let mut attendu: BTreeMap<&str, &str> = BTreeMap::new();
        for (k, v) in reponses {
            attendu.insert(k, v);
        }
        attendu.insert("$format", "1");
        assert_eq!(
            ecrire_reponses(&r),
            serde_json::to_string(&attendu).unwrap(),
            "{reponses:?}"
        );
    }
}

#[test]
fn nouvelle_simulation_demande_confirmation() {
    let mut a = app();
    cas_001(&mut a);
    a.ecritures();
    a.traiter(Evenement::NouvelleSimulation);
    let c = a.vue().confirmation.unwrap();
    assert!(c.message.contains("effacées"));
    assert_eq!(a.reponses().len(), 3, "nothing erased before confirmation");
    a.traiter(Evenement::Annuler);
    assert!(a.vue().confirmation.is_none());
    assert_eq!(a.reponses().len(), 3);
    a.traiter(Evenement::NouvelleSimulation);
    a.traiter(Evenement::Retour);
    assert_eq!(a.reponses().len(), 3, "back dismisses the dialog");
    a.traiter(Evenement::NouvelleSimulation);
    a.traiter(Evenement::Confirmer);
    assert!(a.reponses().is_empty());
    assert_eq!(
        a.ecritures(),
        [Ecriture {
            nom: FICHIER_SIMULATION.to_owned(),
            octets: None
        }]
    );
    // Confirming without a pending question does nothing.
    repondre(&mut a, "patientele_mt", "1");
    a.traiter(Evenement::Confirmer);
    assert_eq!(a.reponses().len(), 1);
}

#[test]
fn navigation_et_langue() {
    let mut a = app();
    assert!(a.vue().back.is_none());
    a.traiter(Evenement::Ouvrir {
        ecran: Ecran::Comparaison,
    });
    assert_eq!(
        a.ecran(),
        Ecran::Questionnaire,
        "no comparison without a result"
    );
    cas_001(&mut a);
    a.traiter(Evenement::VoirResultat);
    a.traiter(Evenement::Ouvrir {
        ecran: Ecran::Comparaison,
    });
    assert_eq!(a.ecran(), Ecran::Comparaison);
    a.traiter(Evenement::Langue {
        code: "en-GB".into(),
    });
    let v = a.vue();
    assert_eq!(v.back.as_deref(), Some("Back"));
    assert_eq!(v.comparison.unwrap().rows[0].half, "€19,000");
    a.traiter(Evenement::Retour);
    a.traiter(Evenement::Retour);
    assert_eq!(a.ecran(), Ecran::Questionnaire);
    a.traiter(Evenement::Ouvrir {
        ecran: Ecran::APropos,
    });
    let v = a.vue();
    assert_eq!(v.title, "About");
    assert!(v.about_screen.versions[0]
        .period
        .contains("1 September 2019"));
    a.traiter(Evenement::Langue { code: "fr".into() });
    assert!(a.vue().about_screen.versions[0]
        .period
        .contains("1er septembre 2019"));
    // Clearing an answer the result needs closes the result screens (the date falls back to
    // today's, pre-filled, to confirm).
    a.traiter(Evenement::Retour);
    a.traiter(Evenement::VoirResultat);
    assert_eq!(a.ecran(), Ecran::Resultat);
    a.traiter(Evenement::Repondre {
        id: "signature_date".into(),
        valeur: None,
    });
    assert_eq!(a.ecran(), Ecran::Questionnaire);
    assert!(a.vue().result.is_none());
}

fn bundle_v2() -> (Vec<u8>, Vec<u8>) {
    let mut doc: Value =
        serde_json::from_str(assistmed_core::rules::regles_embarquees_json().unwrap()).unwrap();
    doc["bundle_version"] = 2.into();
    doc["published"] = "2026-12-01".into();
    let octets = serde_json::to_vec(&doc).unwrap();
    let sig = bundle::signer(&octets, &cle_privee(CLE_TEST).unwrap());
    (octets, sig.to_vec())
}

#[test]
fn import_d_une_mise_a_jour_signee_puis_redemarrage() {
    let mut a = app();
    a.traiter(Evenement::Ouvrir {
        ecran: Ecran::APropos,
    });
    a.traiter(Evenement::ImporterRegles {
        fichiers: vec![fichier("r.json", b"{}".to_vec())],
    });
    assert!(a
        .vue()
        .about_screen
        .import_outcome
        .unwrap()
        .text
        .contains(".sig"));
    let (octets, sig) = bundle_v2();
    let mut faux = sig.clone();
    faux[0] ^= 1;
    a.traiter(Evenement::ImporterRegles {
        fichiers: vec![
            fichier("r.json", octets.clone()),
            fichier("r.json.sig", faux),
        ],
    });
    let o = a.vue().about_screen.import_outcome.unwrap();
    assert_eq!(o.symbol, "✗");
    assert!(a.ecritures().is_empty());
    // The signature as `assistmed bundle sign` writes it: hex and a newline.
    let hex = format!("{}\n", bundle::hex::encoder(&sig));
    a.traiter(Evenement::ImporterRegles {
        fichiers: vec![
            fichier("r.json", octets.clone()),
            fichier("r.json.sig", hex.into_bytes()),
        ],
    });
    let v = a.vue();
    assert_eq!(v.about_screen.import_outcome.unwrap().symbol, "✓");
    assert!(v.about_screen.data_version.contains("version 2"));
    let mut fichiers = BTreeMap::new();
    appliquer(&mut fichiers, a.ecritures());
    assert_eq!(fichiers[FICHIER_REGLES], octets);
    assert_eq!(fichiers[FICHIER_SIGNATURE], sig);
    let b = app_avec(&fichiers, Langue::Fr);
    assert!(b.vue().about_screen.data_version.contains("version 2"));
    assert!(b.vue().about_screen.warning.is_none());
    // The high-water mark is stored beside the bundle (issue 9: rollback floor).
    assert_eq!(fichiers[FICHIER_PLANCHER], b"2\n");
    // A corrupted stored update: embedded rules, the reason shown, the pair set aside for
    // diagnosis (not deleted), the mark kept.
    fichiers.get_mut(FICHIER_REGLES).unwrap()[10] ^= 1;
    let abime = fichiers[FICHIER_REGLES].clone();
    let mut c = app_avec(&fichiers, Langue::Fr);
    let v = c.vue();
    assert!(v
        .about_screen
        .warning
        .unwrap()
        .starts_with("Mise à jour des règles écartée"));
    assert!(v.about_screen.data_version.contains("version 1"));
    appliquer(&mut fichiers, c.ecritures());
    assert!(!fichiers.contains_key(FICHIER_REGLES) && !fichiers.contains_key(FICHIER_SIGNATURE));
    assert_eq!(fichiers[FICHIER_REJETE_REGLES], abime);
    assert_eq!(fichiers[FICHIER_REJETE_SIGNATURE], sig);
    assert_eq!(fichiers[FICHIER_PLANCHER], b"2\n");
    // The bundle lost, the mark still says version 2 was installed: the start-up says so, and
    // the same genuine version 2 installs again (at the mark, not below it).
    let mut d = app_avec(&fichiers, Langue::Fr);
    assert!(d.vue().about_screen.warning.is_some());
    d.traiter(Evenement::ImporterRegles {
        fichiers: vec![
            fichier("r.json", octets.clone()),
            fichier("r.json.sig", sig.clone()),
        ],
    });
    assert_eq!(d.vue().about_screen.import_outcome.unwrap().symbol, "✓");
}

// ---------------------------------------------------------------------------------------------
// « Coût net » and « Mon contrat »
// ---------------------------------------------------------------------------------------------

mod ecrans {
    use super::*;
    use assistmed_core::app::{FICHIER_CONTRAT, PREFIXE_CONTRAT};
    use assistmed_core::economie::{comparer, vue_comparaison, Hypotheses};
    use assistmed_core::suivi::{self, ContratSuivi};
    use assistmed_core::Saisie;
    use rust_decimal::Decimal;

    /// Golden case 001's situation as the engine reads it (tests/cases/001-gp-2024-standard).
    fn economie_attendue(brut: Option<&str>, l: Langue) -> assistmed_core::economie::VueEconomie {
        let store = RuleStore::embarque().unwrap();
        let s = Saisie::depuis_json(
            r#"{"signature_date":"2025-01-15","specialty":"01","sector":"secteur_1","patientele_mt":1200,"percentile_band":"p50_p70"}"#,
        )
        .unwrap()
        .valider()
        .unwrap();
        let brut = brut.map(|b| b.parse::<Decimal>().unwrap());
        let c = comparer(store.regles(), &s, None, brut, &Hypotheses::default(), l).unwrap();
        vue_comparaison(store.regles(), &c, l)
    }

    #[test]
    fn le_cout_net_s_ouvre_depuis_le_resultat_avec_les_chiffres_de_l_economie() {
        let mut a = app();
        a.traiter(Evenement::Ouvrir {
            ecran: Ecran::CoutNet,
        });
        assert_eq!(a.ecran(), Ecran::Questionnaire, "no result, no net cost");
        cas_001(&mut a);
        a.traiter(Evenement::VoirResultat);
        assert_eq!(a.vue().result.unwrap().net_cost, "Coût net de l'assistant");
        assert!(a.vue().net_cost.is_none(), "computed only while open");
        a.traiter(Evenement::Ouvrir {
            ecran: Ecran::CoutNet,
        });
        let v = a.vue();
        assert_eq!((v.screen, v.title.as_str()), (Ecran::CoutNet, "Coût net"));
        let n = v.net_cost.unwrap();
        assert_eq!(
            n.economics.as_ref(),
            Some(&economie_attendue(None, Langue::Fr))
        );
        assert_eq!(n.salary.value, "");
        // The 1 ETP year 1 aid of the 2024 table (S10).
        let plein = &n.economics.unwrap().options[1];
        assert_eq!(plein.rows[0].aid, eur("38 000"));

        a.traiter(Evenement::Repondre {
            id: "economie.gross_monthly".into(),
            valeur: Some("2000".into()),
        });
        let n = a.vue().net_cost.unwrap();
        assert_eq!(n.salary.value, "2000");
        assert_eq!(
            n.economics,
            Some(economie_attendue(Some("2000"), Langue::Fr))
        );
        assert_ne!(n.economics, Some(economie_attendue(None, Langue::Fr)));
        a.traiter(Evenement::Langue { code: "en".into() });
        let n = a.vue().net_cost.unwrap();
        assert_eq!(
            n.economics,
            Some(economie_attendue(Some("2000"), Langue::En))
        );
        a.traiter(Evenement::Langue { code: "fr".into() });

        // A bad salary: the error is on the field, with its label, not its JSON key.
        for bad in ["abc", "0", "50000"] {
            a.traiter(Evenement::Repondre {
                id: "economie.gross_monthly".into(),
                valeur: Some(bad.into()),
            });
            let n = a.vue().net_cost.unwrap();
            let e = n.salary.error.expect(bad);
            assert!(e.starts_with("À corriger : "), "{e}");
            assert!(e.contains("Salaire brut mensuel à temps plein"), "{e}");
            assert!(!e.contains("gross_monthly"), "{e}");
            assert!(n.economics.is_none() && n.error.is_none());
        }
        // The answers nothing saved for the salary; back leaves the screen.
        assert!(a.ecritures().iter().all(|e| e.nom == FICHIER_SIMULATION));
        a.traiter(Evenement::Retour);
        assert_eq!(a.ecran(), Ecran::Resultat);
        assert!(a.vue().net_cost.is_none());
    }

    fn contrat(a: &mut Application, champs: &[(&str, &str)]) {
        for (id, v) in champs {
            repondre(a, &format!("{PREFIXE_CONTRAT}{id}"), v);
        }
    }

    /// tests/tracking/001: 2024 1 ETP, +150 of +260 PMT in year 3, on 2026-12-01 (S37).
    const CAS_001: &[(&str, &str)] = &[
        ("signature_date", "01/09/2024"),
        ("specialty", "01"),
        ("sector", "secteur_1"),
        ("option", "plein"),
        ("start", "01/09/2024"),
        ("percentile_band", "p50_p70"),
        ("baseline_pmt", "1300"),
        ("target_pmt", "1560"),
        ("current_pmt", "1450"),
    ];

    fn suivi_attendu(l: Langue) -> (suivi::Suivi, suivi::ecran::VueContrat) {
        let store = RuleStore::embarque().unwrap();
        let texte = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/tracking/001-2024-plein-issue-example-150-of-260.json"
        ))
        .unwrap();
        let cas: Value = serde_json::from_str(&texte).unwrap();
        let c = ContratSuivi::depuis_json(&cas["contract"].to_string()).unwrap();
        let on = aujourd_hui().unwrap();
        assert_eq!(cas["on"], on.to_string());
        (
            suivi::suivre(store.regles(), &c, on, l).unwrap(),
            suivi::ecran::vue(store.regles(), &c, on, l).unwrap(),
        )
    }

    #[test]
    fn mon_contrat_montre_la_vue_du_suivi_et_survit_au_redemarrage() {
        let mut a = app();
        // Reachable from the questionnaire, without a result.
        a.traiter(Evenement::Ouvrir {
            ecran: Ecran::MonContrat,
        });
        let v = a.vue();
        assert_eq!(
            (v.screen, v.title.as_str()),
            (Ecran::MonContrat, "Mon contrat")
        );
        assert!(v.contract.contract.is_none() && v.contract.error.is_none());
        assert!(v.my_contract.is_none());
        let q = |v: &assistmed_core::app::VueApp, id: &str| {
            v.contract
                .questions
                .iter()
                .find(|q| q.id == format!("{PREFIXE_CONTRAT}{id}"))
                .cloned()
                .unwrap()
        };
        // The measurement date is today's; the specialty the simulation's default.
        assert_eq!(q(&v, "measured_on").value, "01/12/2026");
        assert_eq!(a.ecritures(), vec![]);

        contrat(&mut a, CAS_001);
        let (suivi, ecran) = suivi_attendu(Langue::Fr);
        let v = a.vue();
        let c = v.contract.contract.clone().expect("a valid contract");
        assert_eq!(c.contract_year, suivi.contract_year);
        assert_eq!(c.contract_year, 3);
        assert_eq!(c.year, ecran.year);
        assert_eq!(c.verdict.met, suivi.met);
        assert!(!c.verdict.met);
        assert_eq!(c.verdict.rule, ecran.verdict.rule);
        assert_eq!(c.indicators.len(), 1);
        assert_eq!(c.indicators[0].text, ecran.indicators[0].text);
        assert_eq!(c.indicators[0].spoken, ecran.indicators[0].spoken);
        assert_eq!(
            c.indicators[0].progress.as_deref(),
            Some("0.5769230769230769230769230769")
        );
        assert_eq!(c.indicators[0].gauge_percent, Some(58));
        let textes: Vec<&str> = c.outlook.iter().map(|l| l.text.as_str()).collect();
        let attendus: Vec<&str> = ecran.outlook.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(textes, attendus);
        assert_eq!(c.outlook.len(), 3);

        // Saved on every valid change, as the core's saved form; restart over the same files.
        let mut fichiers = BTreeMap::new();
        appliquer(&mut fichiers, a.ecritures());
        let octets = fichiers
            .get(FICHIER_CONTRAT)
            .expect("the contract is saved")
            .clone();
        let relu = suivi::relire(std::str::from_utf8(&octets).unwrap()).unwrap();
        assert_eq!(relu.measurements.len(), 1);
        let mut b = app_avec(&fichiers, Langue::Fr);
        assert_eq!(b.ecritures(), vec![], "nothing written at start-up");
        b.traiter(Evenement::Ouvrir {
            ecran: Ecran::MonContrat,
        });
        let w = b.vue();
        assert_eq!(w.contract, v.contract);
        assert_eq!(q(&w, "target_pmt").value, "1560");
        // In English, from the same saved contract.
        b.traiter(Evenement::Langue { code: "en".into() });
        let en = b.vue().contract.contract.unwrap();
        let (_, ecran_en) = suivi_attendu(Langue::En);
        assert_eq!(en.year, ecran_en.year);
        assert_eq!(en.indicators[0].text, ecran_en.indicators[0].text);

        // A target not above the baseline: the error on that field, labelled; the saved
        // contract stays the last valid one.
        b.traiter(Evenement::Langue { code: "fr".into() });
        contrat(&mut b, &[("target_pmt", "1200")]);
        let w = b.vue();
        assert!(w.contract.contract.is_none());
        let e = q(&w, "target_pmt").error.unwrap();
        assert!(e.contains("Patientèle médecin traitant visée"), "{e}");
        assert!(!e.contains("target_pmt"), "{e}");
        assert_eq!(b.ecritures(), vec![]);
        // A count that is not a number: also on its field.
        contrat(
            &mut b,
            &[("target_pmt", "1560"), ("current_pmt", "beaucoup")],
        );
        let e = q(&b.vue(), "current_pmt").error.unwrap();
        assert!(e.contains("Patientèle médecin traitant actuelle"), "{e}");

        // A saved file edited on the device is set aside: deleted, the form starts empty.
        let mut abime = fichiers.clone();
        abime.insert(FICHIER_CONTRAT.into(), octets[..20].to_vec());
        let mut c = app_avec(&abime, Langue::Fr);
        assert_eq!(
            c.ecritures(),
            vec![Ecriture {
                nom: FICHIER_CONTRAT.to_owned(),
                octets: None
            }]
        );
        assert!(c.vue().contract.contract.is_none());
        assert!(FICHIERS.contains(&FICHIER_CONTRAT));
    }

    #[test]
    fn mon_contrat_reste_ouvert_quand_les_reponses_changent() {
        let mut a = app();
        cas_001(&mut a);
        a.traiter(Evenement::VoirResultat);
        a.traiter(Evenement::Ouvrir {
            ecran: Ecran::MonContrat,
        });
        contrat(&mut a, CAS_001);
        // Clearing a simulation answer removes the result, not the contract screen.
        a.traiter(Evenement::Repondre {
            id: "signature_date".into(),
            valeur: None,
        });
        assert!(!a.vue().questionnaire.can_show_result);
        assert_eq!(a.ecran(), Ecran::MonContrat);
        assert!(a.vue().contract.contract.is_some());
        a.traiter(Evenement::Retour);
        assert_eq!(a.ecran(), Ecran::Questionnaire);
    }
}
