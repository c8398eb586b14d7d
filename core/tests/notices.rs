//! Results cite notices by id; an id names a topic with one text per version, so a result's
//! notices resolve among its own version's (regression: resolving by id alone gave a 2024
//! contract the 2019 texts too, e.g. the CQP « dans les 3 ans » beside « dans les 2 ans »).

use assistmed_core::assessment::notices_citees;
use assistmed_core::{evaluer, regles, Langue, Situation};

#[test]
fn a_result_s_notices_are_those_of_its_version_once_each() {
    let r = regles().unwrap();
    for date in ["2020-03-01", "2023-09-01", "2025-01-15"] {
        let s = Situation::depuis_json(&format!(
            r#"{{"signature_date": "{date}", "specialty": "01", "sector": "secteur_1",
                "patientele_mt": 1200, "percentile_band": "p50_p70", "practice": "groupe", "coordinated": true, "zone": "hors_zone"}}"#
        ))
        .unwrap();
        let e = evaluer(r, &s, Langue::Fr).unwrap();
        let resolues = notices_citees(r, &e.rules.id, &e.notices);
        let attendues = r.notices_de(&e.rules.id);
        assert_eq!(resolues, attendues, "{date}");
        assert_eq!(
            resolues.len(),
            e.notices.len(),
            "{date}: one text per cited id"
        );
        for n in &resolues {
            assert!(n.versions.contains(&e.rules.id), "{date}: {}", n.id);
        }
    }
    // The 2024 convention's CQP deadline (S13: 2 years), never the 2019 one (3 years).
    let s = Situation::depuis_json(
        r#"{"signature_date": "2025-01-15", "specialty": "01", "sector": "secteur_1",
            "patientele_mt": 1200, "percentile_band": "p50_p70"}"#,
    )
    .unwrap();
    let e = evaluer(r, &s, Langue::Fr).unwrap();
    let textes: Vec<&str> = notices_citees(r, &e.rules.id, &e.notices)
        .iter()
        .map(|n| n.text_fr.as_str())
        .collect();
    assert!(
        textes.iter().any(|t| t.contains("dans les 2 ans")),
        "{textes:?}"
    );
    assert!(
        !textes.iter().any(|t| t.contains("dans les 3 ans")),
        "{textes:?}"
    );
}
