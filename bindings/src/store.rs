//! [`RuleStore`]: the active rules and every call on them, plus the situation and contract
//! helpers. Each call checks its input with the core and returns the core's own answer; nothing
//! is computed or converted here.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;

use assistmed_core::bundle::{Provenance, RuleStore as CoreStore};
use assistmed_core::economie::{self, Demande, Economie, VueEconomie};
use assistmed_core::questionnaire::{self, Questionnaire, VueResultat};
use assistmed_core::rules::{Notice, Version};
use assistmed_core::second_assistant::SecondAssistant;
use assistmed_core::suivi::ecran::VueContrat;
use assistmed_core::suivi::{self, ContratSuivi, Suivi};
use assistmed_core::{
    chronologie, evaluer, second_assistant_seul, Chronologie, CodeErreur, Erreur, Evaluation,
    Formule, Langue, ReferenceCitee, RuleSet, Situation, Specialite,
};

use crate::AssistmedError;

type Result<T> = std::result::Result<T, AssistmedError>;

/// Runs a core call and renders its error, if any, in `langue`.
fn en<T>(langue: Langue, r: assistmed_core::Resultat<T>) -> Result<T> {
    r.map_err(|e| AssistmedError::en(e, langue))
}

/// A date the caller passed, checked as a typed one (2000-01-01 to 2099-12-31, `DateInvalide`
/// naming `champ`): uniffi lifts any calendar date.
fn jour(champ: &str, d: NaiveDate) -> assistmed_core::Resultat<NaiveDate> {
    assistmed_core::situation::lire_date(champ, &d.to_string())
}

/// A map from the foreign side, in key order (answers by question id, files by name: the same
/// outcome whatever order the caller gave). Inserted one by one: `collect()` into a B-tree
/// compiles a stable sort for the type (library size).
pub(crate) fn trier<V>(m: HashMap<String, V>) -> BTreeMap<String, V> {
    let mut trie = BTreeMap::new();
    for (cle, valeur) in m {
        trie.insert(cle, valeur);
    }
    trie
}

/// Reads and checks a situation from its JSON document (the input of `assistmed simulate`, and
/// what `situation_to_json` writes): to restore a saved simulation.
#[uniffi::export]
pub fn situation_from_json(json: String, langue: Langue) -> Result<Situation> {
    en(langue, Situation::depuis_json(&json))
}

/// The JSON document of a situation, after the same checks as every call.
#[uniffi::export]
pub fn situation_to_json(situation: Situation, langue: Langue) -> Result<String> {
    let s = en(langue, situation.verifier())?;
    en(
        langue,
        serde_json::to_string(&s.saisie()).map_err(Erreur::json_invalide),
    )
}

/// The saved form of a contract and its measurements (UTF-8 JSON): what the app stores on the
/// device as opaque bytes and hands back to `tracked_contract_from_bytes`. Checked first.
#[uniffi::export]
pub fn tracked_contract_to_bytes(contract: ContratSuivi, langue: Langue) -> Result<Vec<u8>> {
    let c = en(langue, contract.verifier())?;
    Ok(en(langue, suivi::enregistrer(&c))?.into_bytes())
}

/// Reads back what `tracked_contract_to_bytes` wrote. Corrupted, truncated or foreign bytes
/// give `JsonInvalide`; an edited value gives the error of that field.
#[uniffi::export]
pub fn tracked_contract_from_bytes(bytes: Vec<u8>, langue: Langue) -> Result<ContratSuivi> {
    let texte = std::str::from_utf8(&bytes).map_err(|e| {
        Erreur::json_invalide(format!(
            "contrat enregistré non UTF-8 / saved contract not UTF-8: {e}"
        ))
    });
    en(langue, texte.and_then(suivi::relire))
}

/// What the app persists after an update, to hand back to `RuleStore::restore`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExportedBundle {
    /// The bundle's exact bytes.
    pub bundle: Vec<u8>,
    /// The 64-byte ed25519 signature (raw bytes, not hex).
    pub signature: Vec<u8>,
    /// The highest bundle version ever installed: store it apart from the bundle (it must
    /// survive losing the bundle file) and pass it to `restore`; a bundle below it is refused
    /// (`BundleSousPlancher`).
    pub high_water_mark: u64,
}

/// Why `RuleStore::restore` set the stored update aside and answers with the embedded rules.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BundleWarning {
    /// The check that failed (`SignatureRefusee`, `BundleIllisible`…).
    pub kind: CodeErreur,
    /// What failed, in the language asked for.
    pub text: String,
}

/// The active rules — embedded in the library, or a signed update — and every call on them.
///
/// Immutable and `Send + Sync`: share one instance between threads; installing an update returns
/// a new store and leaves this one unchanged. Every call that renders text takes the language
/// of the answer (`Langue.FR` / `Langue.EN`); its error comes in the same language.
#[derive(Debug, uniffi::Object)]
pub struct RuleStore {
    store: CoreStore,
    /// Why `RuleStore::restore` fell back to the embedded rules, if it did.
    warning: Option<Erreur>,
}

// Compile-time proof that a store can be shared across threads.
const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    shared::<RuleStore>();
};

impl RuleStore {
    fn rules(&self) -> &RuleSet {
        self.store.regles()
    }
}

#[uniffi::export]
impl RuleStore {
    /// The rules embedded in the library. Fails only if the library itself is broken.
    #[uniffi::constructor]
    pub fn embedded() -> Result<Arc<Self>> {
        let store = en(Langue::En, CoreStore::embarque())?;
        Ok(Arc::new(RuleStore {
            store,
            warning: None,
        }))
    }

    /// At start-up: the bundle and signature the app stored (from `RuleStore::export_active`),
    /// absent for both when it stored nothing, and the high-water mark it kept. Any problem with
    /// the stored update (a part missing, corrupted bytes, a bad signature, an unsupported
    /// schema, a bundle not newer than the embedded rules or below the mark) falls back to the
    /// embedded rules, with the reason in `RuleStore::startup_warning`.
    #[uniffi::constructor(default(high_water_mark = None))]
    pub fn restore(
        bundle: Option<Vec<u8>>,
        signature: Option<Vec<u8>>,
        high_water_mark: Option<u64>,
    ) -> Result<Arc<Self>> {
        let (store, warning) = en(Langue::En, CoreStore::embarque())?
            .avec_plancher(high_water_mark.unwrap_or(0))
            .restaurer(bundle.as_deref(), signature.as_deref());
        Ok(Arc::new(RuleStore { store, warning }))
    }

    /// The highest bundle version installed (or passed to `restore`): bundles below it are
    /// refused.
    pub fn high_water_mark(&self) -> u64 {
        self.store.plancher()
    }

    /// Why `restore` fell back to the embedded rules, in `langue` (absent when it did not).
    pub fn startup_warning(&self, langue: Langue) -> Option<BundleWarning> {
        self.warning.clone().map(|e| BundleWarning {
            kind: e.code,
            text: langue.choisir(e.message_fr, e.message_en),
        })
    }

    /// Checks a signed bundle (signature against the keys compiled into the library, readable
    /// JSON, schema, newer version, not below the high-water mark, integrity, in this order) and
    /// returns a new store using it; this store is unchanged either way.
    pub fn install(
        &self,
        bundle: Vec<u8>,
        signature: Vec<u8>,
        langue: Langue,
    ) -> Result<Arc<RuleStore>> {
        let store = en(langue, self.store.installer(&bundle, &signature))?;
        Ok(Arc::new(RuleStore {
            store,
            warning: None,
        }))
    }

    /// What the app should persist and hand back to `restore`; absent for the embedded rules
    /// (nothing to store; `RuleStore::high_water_mark` still gives the mark).
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
    pub fn provenance(&self) -> Provenance {
        self.store.provenance()
    }

    /// The specialties of the rule data, by code.
    pub fn specialties(&self) -> Vec<Specialite> {
        self.rules().specialites.clone()
    }

    /// The legal versions of the scheme, oldest first.
    pub fn rule_versions(&self) -> Vec<Version> {
        self.rules().versions.clone()
    }

    /// Every reference of the rules, by id: results cite references by id only (their
    /// `references` fields), so an app fetches this list once per store and looks ids up in it.
    pub fn references(&self) -> Vec<ReferenceCitee> {
        assistmed_core::assessment::toutes_les_references(self.rules())
    }

    /// The notices of the rules (conditions worth knowing, in French and English), by id:
    /// results list the ids of those of their version (`notices` fields).
    pub fn notices(&self) -> Vec<Notice> {
        self.rules().notices.clone()
    }

    /// Assesses a situation under the rules in force on its signature date: eligibility,
    /// options and yearly amounts, objectives, second assistant, caveats and references.
    pub fn assess(&self, situation: Situation, langue: Langue) -> Result<Evaluation> {
        let s = en(langue, situation.verifier())?;
        en(langue, evaluer(self.rules(), &s, langue))
    }

    /// `RuleStore::assess` from and to JSON: the input document of `assistmed simulate` in,
    /// exactly the core's JSON output out (the CLI pretty-prints the same tree).
    pub fn assess_json(&self, input_json: String, langue: Langue) -> Result<String> {
        let s = en(langue, Situation::depuis_json(&input_json))?;
        let e = en(langue, evaluer(self.rules(), &s, langue))?;
        en(
            langue,
            serde_json::to_string(&e).map_err(Erreur::json_invalide),
        )
    }

    /// The timeline of a contract with `option`, starting on `start` (the signature date when
    /// absent).
    #[uniffi::method(default(start = None))]
    pub fn timeline(
        &self,
        situation: Situation,
        option: Formule,
        langue: Langue,
        start: Option<NaiveDate>,
    ) -> Result<Chronologie> {
        let s = en(langue, situation.verifier())?;
        let start = en(langue, start.map(|d| jour("start", d)).transpose())?;
        en(langue, chronologie(self.rules(), &s, option, start, langue))
    }

    /// The second-assistant answer alone (the situation must give `current_contract`).
    pub fn second_assistant(
        &self,
        situation: Situation,
        langue: Langue,
    ) -> Result<SecondAssistant> {
        let s = en(langue, situation.verifier())?;
        en(langue, second_assistant_seul(self.rules(), &s, langue))
    }

    /// The economics of one option: employer cost month by month, aid − cost per contract year,
    /// totals and break-even, with every assumption.
    pub fn economics(
        &self,
        situation: Situation,
        request: Demande,
        langue: Langue,
    ) -> Result<Economie> {
        let s = en(langue, situation.verifier())?;
        let d = en(langue, request.verifier())?;
        en(langue, economie::calculer(self.rules(), &s, &d, langue))
    }

    /// The net-cost screen: 1/2 ETP and 1 ETP side by side (`request.option` is ignored; the
    /// salary is the full-time one, prorated for 1/2 ETP), rendered in `langue`.
    pub fn economics_view(
        &self,
        situation: Situation,
        request: Demande,
        langue: Langue,
    ) -> Result<VueEconomie> {
        let s = en(langue, situation.verifier())?;
        let d = en(langue, request.verifier())?;
        let c = en(
            langue,
            economie::comparer(
                self.rules(),
                &s,
                d.debut,
                d.brut_mensuel,
                &d.hypotheses,
                langue,
            ),
        )?;
        Ok(economie::vue_comparaison(self.rules(), &c, langue))
    }

    /// A tracked contract on `on` (given by the app: today; the core never reads the clock):
    /// contract year, progress per indicator, objective met under the version's rule, outlook
    /// of every year-3+ amount.
    pub fn track(&self, contract: ContratSuivi, on: NaiveDate, langue: Langue) -> Result<Suivi> {
        let c = en(langue, contract.verifier())?;
        let on = en(langue, jour("on", on))?;
        en(langue, suivi::suivre(self.rules(), &c, on, langue))
    }

    /// The « Mon contrat » screen for `contract` on `on` (same inputs and errors as `track`).
    pub fn contract_view(
        &self,
        contract: ContratSuivi,
        on: NaiveDate,
        langue: Langue,
    ) -> Result<VueContrat> {
        let c = en(langue, contract.verifier())?;
        let on = en(langue, jour("on", on))?;
        en(langue, suivi::ecran::vue(self.rules(), &c, on, langue))
    }

    /// The ordered questions for `answers` (question id → answer text), pre-filled and checked
    /// (a wrong answer is a question's `error`, not a failure); `today` pre-fills the signature
    /// date. It throws only when a foreign caller's `today` cannot be read as a date at all (in
    /// Swift, where a date is text), which uniffi reports before the core is called: a
    /// non-throwing call would crash the app there.
    #[uniffi::method(default(today = None))]
    pub fn questionnaire(
        &self,
        answers: HashMap<String, String>,
        langue: Langue,
        today: Option<NaiveDate>,
    ) -> Result<Questionnaire> {
        let reponses = trier(answers);
        Ok(questionnaire::questionnaire(
            self.rules(),
            &reponses,
            today,
            langue,
        ))
    }

    #[uniffi::method(default(today = None))]
    pub fn result_view(
        &self,
        answers: HashMap<String, String>,
        langue: Langue,
        today: Option<NaiveDate>,
    ) -> Result<VueResultat> {
        let reponses = trier(answers);
        en(
            langue,
            questionnaire::vue_resultat(self.rules(), &reponses, today, langue),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Golden case 001: a GP in 2025, P50–P70.
    fn gp() -> Situation {
        Situation::depuis_json(
            r#"{"signature_date": "2025-01-15", "specialty": "01", "sector": "secteur_1",
                "patientele_mt": 1200, "percentile_band": "p50_p70"}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_typed_input_is_checked_like_a_typed_one_and_the_error_speaks_the_call_s_language() {
        let store = RuleStore::embedded().unwrap_or_else(|e| panic!("{e}"));
        let mut s = gp();
        s.patientele_mt = Some(50_000);
        let fr = store.assess(s.clone(), Langue::Fr).err();
        let en = store.assess(s, Langue::En).err();
        let (Some(fr), Some(en)) = (fr, en) else {
            panic!("50 000 patients must be refused");
        };
        assert_eq!(fr.kind(), CodeErreur::HorsBornes);
        assert_eq!(fr.field().as_deref(), Some("patientele_mt"));
        assert!(
            fr.text().contains("valeur attendue entre 0 et 20000"),
            "{}",
            fr.text()
        );
        assert!(
            en.text().contains("expected a value between 0 and 20000"),
            "{}",
            en.text()
        );
        assert_eq!(fr.code(), "hors_bornes");
    }

    #[test]
    fn a_date_out_of_the_accepted_range_is_a_typed_error_not_a_lifting_failure() {
        let store = RuleStore::embedded().unwrap_or_else(|e| panic!("{e}"));
        let hors = NaiveDate::from_ymd_opt(2150, 1, 1).unwrap_or_default();
        let e = store
            .timeline(gp(), Formule::Plein, Langue::En, Some(hors))
            .err()
            .unwrap_or_else(|| panic!("2150 must be refused"));
        assert_eq!(
            (e.kind(), e.field().as_deref()),
            (CodeErreur::DateInvalide, Some("start"))
        );
        // As `today`, it only pre-fills the signature date, which the questionnaire flags.
        let q = store
            .questionnaire(HashMap::new(), Langue::Fr, Some(hors))
            .unwrap_or_else(|e| panic!("{e}"));
        let date = q.questions.iter().find(|x| x.id == "signature_date");
        assert!(
            date.is_some_and(|x| x.error.is_some()),
            "{:?}",
            date.map(|x| (&x.answer, &x.error))
        );
    }

    #[test]
    fn a_result_is_in_one_language_and_cites_references_the_store_resolves() {
        let store = RuleStore::embedded().unwrap_or_else(|e| panic!("{e}"));
        let fr = store
            .assess(gp(), Langue::Fr)
            .unwrap_or_else(|e| panic!("{e}"));
        let en = store
            .assess(gp(), Langue::En)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(fr.rules.id, "convention-2024");
        assert!(fr.disclaimer.starts_with("Simulation indicative"));
        assert!(en.disclaimer.starts_with("Indicative simulation"));
        assert_eq!(fr.options.len(), en.options.len());
        let toutes = store.references();
        assert!(!fr.references.is_empty());
        for id in &fr.references {
            assert!(
                toutes.iter().any(|r| &r.id == id),
                "{id} not in references()"
            );
        }
        let notices = store.notices();
        for id in &fr.notices {
            assert!(notices.iter().any(|n| &n.id == id), "{id} not in notices()");
        }
        assert!(!store.specialties().is_empty());
        assert_eq!(store.rule_versions().len(), 3);
    }
}
