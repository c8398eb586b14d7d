//! Every rule figure a message quotes comes from its parameter: change the parameter in a rule
//! document and the message changes with it (and the old figure is gone).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use assistmed_core::rules::ids;
use assistmed_core::{evaluer, Evaluation, Langue, RuleSet, Situation};
use serde_json::{json, Value};

/// The embedded rules with the value of `id` dated `from` replaced by `valeur`.
fn regles_avec(id: &str, from: &str, valeur: Value) -> RuleSet {
    let mut doc: Value =
        serde_json::from_str(assistmed_core::rules::regles_embarquees_json().unwrap()).unwrap();
    let p = doc["parameters"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no parameter {id}"));
    let v = p["values"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|v| v["from"] == from)
        .unwrap_or_else(|| panic!("{id} has no value from {from}"));
    v["value"] = valeur;
    RuleSet::from_json(&doc.to_string()).unwrap()
}

fn evaluer_json(r: &RuleSet, situation: &Value, l: Langue) -> Evaluation {
    evaluer(
        r,
        &Situation::depuis_json(&situation.to_string()).unwrap(),
        l,
    )
    .unwrap()
}

/// All French and English texts of the assessment of `situation` (one assessment per language),
/// one per line.
fn textes(r: &RuleSet, situation: &Value) -> String {
    [Langue::Fr, Langue::En]
        .into_iter()
        .map(|l| textes_de(&evaluer_json(r, situation, l)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The texts of one assessment, in its language, one per line.
fn textes_de(e: &Evaluation) -> String {
    let mut t = Vec::new();
    for r in &e.eligibility.reasons {
        t.push(r.message.to_string());
    }
    for o in &e.options {
        for r in &o.unavailable_reasons {
            t.push(r.message.to_string());
        }
        if let Some(obj) = &o.objective {
            t.push(obj.message.to_string());
        }
    }
    for c in &e.caveats {
        t.push(c.message.to_string());
    }
    if let Some(sa) = &e.second_assistant {
        for c in &sa.conditions {
            t.push(c.message.to_string());
        }
    }
    t.join("\n")
}

/// With the embedded value the text has `avant`; with the changed value it has `apres` and no
/// longer `avant`.
fn verifier(id: &str, from: &str, nouvelle: Value, situation: Value, avant: &str, apres: &str) {
    let embarquees = assistmed_core::regles().unwrap();
    let t0 = textes(embarquees, &situation);
    assert!(t0.contains(avant), "{id}: `{avant}` not in:\n{t0}");
    let t1 = textes(&regles_avec(id, from, nouvelle), &situation);
    assert!(t1.contains(apres), "{id}: `{apres}` not in:\n{t1}");
    assert!(!t1.contains(avant), "{id}: `{avant}` still in:\n{t1}");
}

fn gp_2020(extra: Value) -> Value {
    let mut s = json!({"signature_date": "2020-06-01", "specialty": "01", "sector": "secteur_1",
        "patientele_mt": 1200, "percentile_band": "p50_p70", "practice": "groupe",
        "coordinated": true, "zone": "zip"});
    for (k, v) in extra.as_object().unwrap() {
        s[k] = v.clone();
    }
    s
}

fn gp_2025(extra: Value) -> Value {
    let mut s = json!({"signature_date": "2025-01-06", "specialty": "01", "sector": "secteur_1",
        "patientele_mt": 1200, "percentile_band": "p50_p70"});
    for (k, v) in extra.as_object().unwrap() {
        s[k] = v.clone();
    }
    s
}

#[test]
fn delai_pour_rejoindre_un_exercice_coordonne() {
    verifier(
        ids::DELAI_ENGAGEMENT_COORDONNE_ANNEES,
        "2019-09-01",
        json!(3),
        gp_2020(json!({"coordinated": false})),
        "dans les 2 ans",
        "dans les 3 ans",
    );
}

#[test]
fn delai_pour_rejoindre_un_exercice_regroupe() {
    verifier(
        ids::DELAI_ENGAGEMENT_ANNEES,
        "2019-09-01",
        json!(4),
        gp_2020(json!({"practice": "solo", "zone": "hors_zone"})),
        "within 2 years",
        "within 4 years",
    );
}

#[test]
fn zones_de_derogation_du_medecin_seul() {
    verifier(
        ids::EXERCICE_SEUL_ZONES_DEROGATION,
        "2019-09-01",
        json!(["zip", "zac"]),
        gp_2020(json!({"practice": "solo", "zone": "hors_zone"})),
        "Exercice seul hors zone d'intervention prioritaire (ZIP) :",
        "Exercice seul hors zone d'intervention prioritaire (ZIP) et zone d'action complémentaire (ZAC) :",
    );
}

#[test]
fn annee_de_debut_de_la_modulation() {
    verifier(
        ids::MODULATION_ANNEE_DEBUT,
        "2024-06-22",
        json!(4),
        gp_2025(json!({})),
        "À partir de la 3e année",
        "À partir de la 4e année",
    );
}

#[test]
fn annee_d_evaluation_de_l_objectif() {
    verifier(
        ids::OBJECTIF_EVALUATION_ANNEE_DEBUT,
        "2024-06-22",
        json!(2),
        gp_2025(json!({})),
        "évalué à partir de la 3e année",
        "évalué à partir de la 2e année",
    );
}

#[test]
fn liste_des_secteurs_admis() {
    verifier(
        ids::SECTEURS,
        "2024-06-22",
        json!(["secteur_1", "secteur_2_optam"]),
        gp_2025(json!({"sector": "secteur_2"})),
        "réservé au secteur 1, au secteur 2 avec OPTAM et au secteur 2 avec OPTAM-CO ;",
        "réservé au secteur 1 et au secteur 2 avec OPTAM ;",
    );
}

#[test]
fn age_du_maintien_de_patientele() {
    verifier(
        ids::AGE_MAINTIEN_AGE_MIN,
        "2024-06-22",
        json!(67),
        gp_2025(json!({"age": 68})),
        "à partir de 65 ans",
        "à partir de 67 ans",
    );
}

#[test]
fn tolerance_du_maintien_de_patientele() {
    verifier(
        ids::AGE_MAINTIEN_TOLERANCE,
        "2024-06-22",
        json!("0.125"),
        gp_2025(json!({"age": 68})),
        "baisse tolérée de 10 %",
        "baisse tolérée de 12,5 %",
    );
}

#[test]
fn seuil_de_part_d_honoraires_cliniques() {
    verifier(
        ids::PART_CLINIQUE_MIN,
        "2024-06-22",
        json!("0.75"),
        json!({"signature_date": "2025-01-06", "specialty": "41", "sector": "secteur_1",
            "clinical_fee_share": "0.70", "percentile_band": "p50_p70"}),
        "il en faut au moins 80 %",
        "il en faut au moins 75 %",
    );
}

#[test]
fn deux_lectures_des_codes_incertains_citent_le_seuil() {
    verifier(
        ids::PART_CLINIQUE_MIN,
        "2024-06-22",
        json!("0.85"),
        json!({"signature_date": "2025-01-06", "specialty": "45", "sector": "secteur_1",
            "percentile_band": "p50_p70"}),
        "au moins 80 % de ses honoraires",
        "au moins 85 % de ses honoraires",
    );
}

#[test]
fn zones_de_la_formule_plein_en_2019() {
    verifier(
        ids::ZONES_SOUS_DENSES,
        "2019-09-01",
        json!(["zip"]),
        gp_2020(json!({"zone": "hors_zone"})),
        "zones sous-denses : zone d'intervention prioritaire (ZIP) et zone d'action complémentaire (ZAC).",
        "zones sous-denses : zone d'intervention prioritaire (ZIP).",
    );
}

#[test]
fn annee_minimale_du_second_assistant() {
    verifier(
        ids::SECOND_ASSISTANT_ANNEE_CONTRAT_MIN,
        "2024-06-22",
        json!(4),
        gp_2025(json!({"zone": "zip", "current_contract":
            {"option": "plein", "start": "2021-03-01", "objectives_reached": true}})),
        "Au moins en 3e année",
        "Au moins en 4e année",
    );
}

#[test]
fn les_aides_du_questionnaire_citent_les_parametres() {
    use assistmed_core::questionnaire::{questionnaire, Reponses};
    let aide = |r: &RuleSet, id: &str| {
        let reponses: Reponses = [("signature_date", "2025-01-15"), ("specialty", "01")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        [Langue::Fr, Langue::En]
            .into_iter()
            .map(|l| {
                let q = questionnaire(r, &reponses, None, l);
                q.questions
                    .iter()
                    .find(|q| q.id == id)
                    .unwrap()
                    .help
                    .clone()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    // S35: from 65 the objective is to keep the patient list (2024).
    let avant = aide(assistmed_core::regles().unwrap(), "age");
    assert!(
        avant.contains("À partir de 65 ans") && avant.contains("From 65,"),
        "{avant}"
    );
    let r = regles_avec(ids::AGE_MAINTIEN_AGE_MIN, "2024-06-22", json!(67));
    let apres = aide(&r, "age");
    assert!(
        apres.contains("À partir de 67 ans") && !apres.contains("65"),
        "{apres}"
    );
    // The first version's start, in words, on the signature date question.
    let date = aide(assistmed_core::regles().unwrap(), "signature_date");
    assert!(
        date.contains("1er septembre 2019") && date.contains("1 September 2019"),
        "{date}"
    );
}
