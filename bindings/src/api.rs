//! The [`RuleStore`] object and the two situation JSON functions. Each call validates its input
//! with the core and converts the core's answer; nothing is computed here.

use std::sync::Arc;

use assistmed_core::bundle::RuleStore as CoreStore;
use assistmed_core::questionnaire::{questionnaire, vue_resultat};
use assistmed_core::situation::{lire_date, Saisie};
use assistmed_core::{chronologie, evaluer, second_assistant_seul, RuleSet};

use crate::bundle::{BundleWarning, ExportedBundle, RulesProvenance};
use crate::error::AssistmedError;
use crate::screens::{answers_map, Answer, Questionnaire, ResultView};
use crate::types::{
    Assessment, ContractOption, RuleVersion, SecondAssistant, Situation, Specialty, Timeline,
};

type Result<T> = std::result::Result<T, AssistmedError>;

/// Validates an FFI situation with the core (every bad value is a typed error naming its field).
pub(crate) fn validate(situation: &Situation) -> Result<assistmed_core::Situation> {
    Ok(Saisie::from(situation).valider()?)
}

/// Reads and validates a situation from its JSON document (the format of `assistmed simulate`,
/// and of [`situation_to_json`]): to restore a saved simulation.
#[uniffi::export]
pub fn situation_from_json(json: String) -> Result<Situation> {
    Ok(assistmed_core::Situation::depuis_json(&json)?.into())
}

/// Validates a situation and writes it as a JSON document that [`situation_from_json`] reads
/// back: to save a simulation.
#[uniffi::export]
pub fn situation_to_json(situation: Situation) -> Result<String> {
    validate(&situation)?;
    serde_json::to_string(&Saisie::from(&situation)).map_err(AssistmedError::internal)
}

/// The active rules — embedded in the library, or a signed update — and every call on them.
///
/// Immutable and `Send + Sync`: share one instance between threads freely; installing an update
/// returns a new store and leaves this one unchanged.
#[derive(Debug, uniffi::Object)]
pub struct RuleStore {
    store: CoreStore,
    /// Why [`RuleStore::restore`] fell back to the embedded rules, if it did.
    warning: Option<BundleWarning>,
}

// Compile-time proof that a store can be shared across threads.
const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    shared::<RuleStore>();
};

impl RuleStore {
    fn new(store: CoreStore, warning: Option<BundleWarning>) -> Arc<Self> {
        Arc::new(RuleStore { store, warning })
    }

    pub(crate) fn rules(&self) -> &RuleSet {
        self.store.regles()
    }
}

#[uniffi::export]
impl RuleStore {
    /// The rules embedded in the library.
    #[uniffi::constructor]
    pub fn embedded() -> Result<Arc<Self>> {
        Ok(Self::new(CoreStore::embarque()?, None))
    }

    /// At start-up: the bundle and signature the app stored (from [`RuleStore::export_active`]),
    /// or `None` for both when it stored nothing. Any problem — one part missing, corrupted or
    /// truncated bytes, a bad signature, an unsupported schema, a bundle not newer than the
    /// embedded rules — falls back to the embedded rules, with the reason in
    /// [`RuleStore::startup_warning`]. Fails only if the embedded rules themselves fail.
    ///
    /// `high_water_mark` is the highest bundle version the app ever installed (kept apart from
    /// the bundle, from [`ExportedBundle::high_water_mark`]): a stored or later-installed bundle
    /// below it is refused (`bundle_sous_plancher`), even if the newer bundle file was lost —
    /// then the embedded rules answer, with a warning, until a bundle at or above the mark
    /// comes. `None` (the default) means no mark known.
    #[uniffi::constructor(default(high_water_mark = None))]
    pub fn restore(
        bundle: Option<Vec<u8>>,
        signature: Option<Vec<u8>>,
        high_water_mark: Option<u64>,
    ) -> Result<Arc<Self>> {
        let (store, warning) = CoreStore::embarque()?
            .avec_plancher(high_water_mark.unwrap_or(0))
            .restaurer(bundle.as_deref(), signature.as_deref());
        Ok(Self::new(store, warning.map(Into::into)))
    }

    /// The high-water mark of this store: the highest bundle version installed (or passed to
    /// [`RuleStore::restore`]). Bundles below it are refused.
    pub fn high_water_mark(&self) -> u64 {
        self.store.plancher()
    }

    /// Why [`RuleStore::restore`] fell back to the embedded rules (`None` when it did not).
    pub fn startup_warning(&self) -> Option<BundleWarning> {
        self.warning.clone()
    }

    /// Checks a signed bundle — signature against the keys compiled into the library, readable
    /// JSON, schema, newer version, not below the high-water mark, integrity, in this order —
    /// and returns a new store using it. On failure the typed error names the failed check
    /// (`trop_volumineux`, `signature_invalide`, `signature_refusee`, `bundle_illisible`,
    /// `schema_non_supporte`, `bundle_non_plus_recent`, `bundle_sous_plancher`,
    /// `regles_invalides`); this store is unchanged either way.
    pub fn install(&self, bundle: Vec<u8>, signature: Vec<u8>) -> Result<Arc<RuleStore>> {
        Ok(Self::new(self.store.installer(&bundle, &signature)?, None))
    }

    /// What the app should persist and hand back to [`RuleStore::restore`]: the active update's
    /// bytes and signature, and the high-water mark to keep beside them. `None` for the
    /// embedded rules (nothing to store; [`RuleStore::high_water_mark`] still gives the mark).
    pub fn export_active(&self) -> Option<ExportedBundle> {
        let high_water_mark = self.store.plancher();
        self.store
            .exporter()
            .map(|(bundle, signature)| ExportedBundle {
                bundle,
                signature,
                high_water_mark,
            })
    }

    /// Where the active rules come from: origin, bundle version and date, signature.
    pub fn provenance(&self) -> RulesProvenance {
        self.store.provenance().into()
    }

    /// Assesses a situation under the rules in force on its signature date: eligibility,
    /// options and yearly amounts, objectives, second assistant, caveats and references.
    pub fn assess(&self, situation: Situation) -> Result<Assessment> {
        let s = validate(&situation)?;
        Ok(evaluer(self.rules(), &s)?.into())
    }

    /// The timeline of a contract with `option`, starting on `start` (`"YYYY-MM-DD"`; the
    /// signature date when `None`).
    #[uniffi::method(default(start = None))]
    pub fn timeline(
        &self,
        situation: Situation,
        option: ContractOption,
        start: Option<String>,
    ) -> Result<Timeline> {
        let s = validate(&situation)?;
        let start = start.map(|t| lire_date("start", &t)).transpose()?;
        Ok(chronologie(self.rules(), &s, option.into(), start)?.into())
    }

    /// The second-assistant answer alone (the situation must give `current_contract`).
    pub fn second_assistant(&self, situation: Situation) -> Result<SecondAssistant> {
        let s = validate(&situation)?;
        Ok(second_assistant_seul(self.rules(), &s)?.into())
    }

    /// The specialties of the rule data, by code.
    pub fn specialties(&self) -> Result<Vec<Specialty>> {
        Ok(self.rules().specialites.iter().map(Into::into).collect())
    }

    /// The legal versions of the scheme, oldest first.
    pub fn rule_versions(&self) -> Result<Vec<RuleVersion>> {
        Ok(self.rules().versions.iter().map(Into::into).collect())
    }

    /// [`RuleStore::assess`] from and to JSON: reads the input document of `assistmed simulate`
    /// (as [`situation_from_json`] does) and returns exactly the core's JSON output, the bytes
    /// `serde_json::to_string` gives (the CLI pretty-prints the same tree).
    pub fn assess_json(&self, input_json: String) -> Result<String> {
        let s = assistmed_core::Situation::depuis_json(&input_json)?;
        serde_json::to_string(&evaluer(self.rules(), &s)?).map_err(AssistmedError::internal)
    }

    /// The ordered questions for `answers`, pre-filled and validated. `today` (`"YYYY-MM-DD"`)
    /// pre-fills the signature date; a bad `today` is `date_invalide` on field `today`.
    #[uniffi::method(default(today = None))]
    pub fn questionnaire(
        &self,
        answers: Vec<Answer>,
        today: Option<String>,
    ) -> Result<Questionnaire> {
        let today = today.map(|t| lire_date("today", &t)).transpose()?;
        Ok(questionnaire(self.rules(), &answers_map(answers), today).into())
    }

    /// The result screen for complete answers; incomplete ones are an error naming the first
    /// question to answer or fix (`champ_requis` on its id).
    #[uniffi::method(default(today = None))]
    pub fn result_view(&self, answers: Vec<Answer>, today: Option<String>) -> Result<ResultView> {
        let today = today.map(|t| lire_date("today", &t)).transpose()?;
        vue_resultat(self.rules(), &answers_map(answers), today)?.try_into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{PercentileBand, Sector};
    use assistmed_core::bundle::{cle_privee, signer};
    use serde_json::Value;

    /// Golden case 001: a GP in 2025, P50–P70.
    fn gp() -> Situation {
        Situation {
            signature_date: "2025-01-15".into(),
            specialty: "01".into(),
            sector: Sector::Secteur1,
            mep: false,
            zone: None,
            practice: None,
            coordinated: None,
            patientele_mt: Some(1200),
            file_active: None,
            percentile_band: Some(PercentileBand::P50P70),
            clinical_fee_share: None,
            newly_installed: false,
            age: None,
            ald_or_rqth: false,
            current_contract: None,
        }
    }

    fn store() -> Arc<RuleStore> {
        RuleStore::embedded().unwrap_or_else(|e| panic!("{e}"))
    }

    /// Year-1 aid of the 1/2 ETP option for [`gp`].
    fn demi_year_1(store: &RuleStore) -> Result<String> {
        let a = store.assess(gp())?;
        let demi = a.options.iter().find(|o| o.option == ContractOption::Demi);
        Ok(demi
            .and_then(|o| o.aid.first())
            .and_then(|y| y.amount)
            .map(|m| m.canonical())
            .unwrap_or_default())
    }

    /// The embedded rules with bundle version 2 and the 2024 1/2 ETP year-1 amount at 19 500,
    /// and its signature with the TEST-ONLY key (trusted: dev-dependency with `test-keys`).
    fn bundle_v2() -> (Vec<u8>, Vec<u8>) {
        let text =
            assistmed_core::rules::regles_embarquees_json().unwrap_or_else(|e| panic!("{e}"));
        let mut doc: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}"));
        doc["bundle_version"] = 2.into();
        let values = doc["parameters"]
            .as_array_mut()
            .and_then(|ps| ps.iter_mut().find(|p| p["id"] == "montant.demi.annee_1"))
            .and_then(|p| p["values"].as_array_mut())
            .unwrap_or_else(|| panic!("montant.demi.annee_1 not found"));
        for v in values.iter_mut().filter(|v| v["from"] == "2024-06-22") {
            v["value"] = "19500".into();
        }
        let bytes = serde_json::to_vec(&doc).unwrap_or_else(|e| panic!("{e}"));
        let key = cle_privee(include_str!(
            "../../core/keys/test-only/TEST-ONLY-signing-key.hex"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        let signature = signer(&bytes, &key).to_vec();
        (bytes, signature)
    }

    fn code_of<T>(r: Result<T>) -> Option<(String, Option<String>)> {
        r.err().map(|e| (e.error_code(), e.error_field()))
    }

    #[test]
    fn typed_and_json_apis_agree() -> Result<()> {
        let store = store();
        let json = situation_to_json(gp())?;
        assert_eq!(situation_from_json(json.clone())?, gp());
        let typed = store.assess(gp())?;
        let core = evaluer(
            store.rules(),
            &assistmed_core::Situation::depuis_json(&json)?,
        )?;
        assert_eq!(
            store.assess_json(json)?,
            serde_json::to_string(&core).map_err(AssistmedError::internal)?
        );
        assert_eq!(typed, Assessment::from(core));
        Ok(())
    }

    #[test]
    fn bad_inputs_are_typed_errors_naming_the_field() {
        let store = store();
        let negative = Situation {
            patientele_mt: Some(-5),
            ..gp()
        };
        match store.assess(negative) {
            Err(AssistmedError::OutOfRange { code, field, .. }) => {
                assert_eq!(code, "hors_bornes");
                assert_eq!(field.as_deref(), Some("patientele_mt"));
            }
            other => panic!("expected OutOfRange, got {other:?}"),
        }
        // The French comma is accepted (issue 8); an exponent or a 29th digit is refused.
        let comma = Situation {
            specialty: "41".into(),
            clinical_fee_share: Some("0,85".into()),
            ..gp()
        };
        assert!(store.assess(comma).is_ok());
        let share = Situation {
            specialty: "41".into(),
            clinical_fee_share: Some("8.5e-1".into()),
            ..gp()
        };
        assert_eq!(
            code_of(store.assess(share)),
            Some(("hors_bornes".into(), Some("clinical_fee_share".into())))
        );
        let e = store.timeline(gp(), ContractOption::Demi, Some("demain".into()));
        assert_eq!(
            code_of(e),
            Some(("date_invalide".into(), Some("start".into())))
        );
        assert_eq!(
            code_of(store.assess_json("[1]".into())),
            Some(("json_invalide".into(), None))
        );
    }

    #[test]
    fn a_signed_newer_bundle_changes_the_figure_and_a_tampered_one_is_refused() -> Result<()> {
        let embedded = store();
        assert_eq!(demi_year_1(&embedded)?, "19000.00");
        assert_eq!(embedded.export_active(), None);
        assert_eq!(embedded.provenance().signature_hex, None);
        let (bytes, signature) = bundle_v2();

        let updated = embedded.install(bytes.clone(), signature.clone())?;
        assert_eq!(demi_year_1(&updated)?, "19500.00");
        let rules = updated.assess(gp())?.rules;
        assert_eq!(
            (rules.bundle_version, rules.bundle_origin),
            (2, crate::BundleOrigin::Update)
        );
        let provenance = updated.provenance();
        assert_eq!(provenance.origin, crate::BundleOrigin::Update);
        assert_eq!(provenance.signature_hex.map(|h| h.len()), Some(128));
        assert_eq!(demi_year_1(&embedded)?, "19000.00", "self unchanged");

        let mut tampered = bytes.clone();
        if let Some(b) = tampered.iter_mut().find(|b| **b == b'9') {
            *b = b'8';
        }
        let e = embedded.install(tampered.clone(), signature.clone());
        assert!(matches!(e, Err(AssistmedError::SignatureRejected { .. })));
        assert_eq!(
            code_of(embedded.install(bytes.clone(), signature[..40].to_vec())),
            Some(("signature_invalide".into(), Some("signature".into())))
        );
        assert_eq!(
            code_of(updated.install(bytes.clone(), signature.clone())),
            Some((
                "bundle_non_plus_recent".into(),
                Some("bundle_version".into())
            ))
        );
        assert_eq!(demi_year_1(&embedded)?, "19000.00");

        // Persistence: what the app stores, restored at the next start.
        let stored = updated
            .export_active()
            .unwrap_or_else(|| panic!("no export"));
        assert_eq!((&stored.bundle, &stored.signature), (&bytes, &signature));
        let restored = RuleStore::restore(Some(stored.bundle), Some(stored.signature), None)?;
        assert_eq!(restored.startup_warning(), None);
        assert_eq!(demi_year_1(&restored)?, "19500.00");

        let fallback = RuleStore::restore(Some(tampered), Some(signature.clone()), None)?;
        assert_eq!(
            fallback.startup_warning().map(|w| w.code),
            Some("signature_refusee".into())
        );
        assert_eq!(demi_year_1(&fallback)?, "19000.00");
        let half = RuleStore::restore(Some(bytes.clone()), None, None)?;
        assert_eq!(
            half.startup_warning().map(|w| w.code),
            Some("bundle_illisible".into())
        );
        let nothing = RuleStore::restore(None, None, None)?;
        assert_eq!(nothing.startup_warning(), None);
        assert_eq!(nothing.provenance(), embedded.provenance());

        // Rollback floor: the mark exported with v2 survives losing the bundle file; a store
        // restored with mark 3 refuses v2 (typed), and the embedded rules answer meanwhile.
        assert_eq!(stored.high_water_mark, 2);
        let lost = RuleStore::restore(None, None, Some(3))?;
        assert_eq!(
            lost.startup_warning().map(|w| w.code),
            Some("bundle_sous_plancher".into())
        );
        assert_eq!(lost.high_water_mark(), 3);
        assert_eq!(demi_year_1(&lost)?, "19000.00");
        let e = lost.install(bytes.clone(), signature.clone());
        assert_eq!(
            code_of(e),
            Some(("bundle_sous_plancher".into(), Some("bundle_version".into())))
        );
        let replay = RuleStore::restore(Some(bytes.clone()), Some(signature.clone()), Some(3))?;
        assert_eq!(
            replay.startup_warning().map(|w| w.code),
            Some("bundle_sous_plancher".into())
        );
        let same = RuleStore::restore(Some(bytes), Some(signature), Some(2))?;
        assert_eq!(same.startup_warning(), None);
        assert_eq!(demi_year_1(&same)?, "19500.00");
        Ok(())
    }

    fn answers(pairs: &[(&str, &str)]) -> Vec<Answer> {
        pairs
            .iter()
            .map(|(id, value)| Answer {
                id: (*id).into(),
                value: (*value).into(),
            })
            .collect()
    }

    #[test]
    fn questionnaire_and_result_view() -> Result<()> {
        let store = store();
        let today = Some("2025-01-15".to_owned());
        let empty = store.questionnaire(Vec::new(), today.clone())?;
        assert!(!empty.complete);
        assert_eq!(empty.rules_id.as_deref(), Some("convention-2024"));
        let pmt = empty.questions.iter().find(|q| q.id == "patientele_mt");
        assert_eq!(
            pmt.map(|q| (q.required, q.answer.clone())),
            Some((true, None))
        );

        let q = store.questionnaire(answers(&[("patientele_mt", "1200")]), today.clone())?;
        assert!(q.complete);
        let view = store.result_view(answers(&[("patientele_mt", "1200")]), today.clone())?;
        assert_eq!(view.verdict.status, crate::EligibilityStatus::Eligible);
        let demi = &view.options[1];
        assert_eq!(demi.option, ContractOption::Demi);
        assert_eq!(
            demi.cells[0].amount.map(|a| a.canonical()).as_deref(),
            Some("19000.00")
        );

        let bad = store.questionnaire(answers(&[("age", "12")]), today.clone())?;
        let age = bad.questions.iter().find(|q| q.id == "age");
        assert_eq!(
            age.and_then(|q| q.error.clone()).map(|e| e.code),
            Some("hors_bornes".into())
        );
        assert_eq!(
            code_of(store.questionnaire(Vec::new(), Some("15/01/2025".into()))),
            Some(("date_invalide".into(), Some("today".into())))
        );
        assert_eq!(
            code_of(store.result_view(Vec::new(), today)),
            Some(("champ_requis".into(), Some("patientele_mt".into())))
        );
        Ok(())
    }
}
