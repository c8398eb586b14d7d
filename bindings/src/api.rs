//! Exported functions and the [`Simulator`] object. Each call validates its input with the core
//! and converts the core's answer; nothing is computed here.

use std::sync::Arc;

use assistmed_core::situation::{lire_date, Formule, Saisie};
use assistmed_core::{chronologie, evaluer, second_assistant_seul, RuleSet};
use serde::Serialize;

use crate::error::AssistmedError;
use crate::types::{
    Assessment, ContractOption, RuleVersion, SecondAssistant, Situation, Specialty, Timeline,
};

type Result<T> = std::result::Result<T, AssistmedError>;

/// The rules embedded in the library, parsed and checked once per process.
fn embedded_rules() -> Result<&'static RuleSet> {
    Ok(assistmed_core::regles()?)
}

/// Validates an FFI situation with the core (every bad value is a typed error naming its field).
fn validate(situation: &Situation) -> Result<assistmed_core::Situation> {
    Ok(Saisie::from(situation).valider()?)
}

fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(AssistmedError::internal)
}

fn assess_with(rules: &RuleSet, situation: &Situation) -> Result<Assessment> {
    let s = validate(situation)?;
    Ok(evaluer(rules, &s)?.into())
}

fn timeline_with(
    rules: &RuleSet,
    situation: &Situation,
    option: ContractOption,
    start: Option<&str>,
) -> Result<Timeline> {
    let s = validate(situation)?;
    let start = start.map(|t| lire_date("start", t)).transpose()?;
    Ok(chronologie(rules, &s, option.into(), start)?.into())
}

fn second_assistant_with(rules: &RuleSet, situation: &Situation) -> Result<SecondAssistant> {
    let s = validate(situation)?;
    Ok(second_assistant_seul(rules, &s)?.into())
}

fn specialties_of(rules: &RuleSet) -> Vec<Specialty> {
    rules.specialites.iter().map(Into::into).collect()
}

fn rule_versions_of(rules: &RuleSet) -> Vec<RuleVersion> {
    rules.versions.iter().map(Into::into).collect()
}

// ---------------------------------------------------------------------------------------------
// Typed API, on the embedded rules
// ---------------------------------------------------------------------------------------------

/// Assesses a situation under the rules in force on its signature date: eligibility, options
/// and yearly amounts, objectives, second assistant, caveats and references.
#[uniffi::export]
pub fn assess(situation: Situation) -> Result<Assessment> {
    assess_with(embedded_rules()?, &situation)
}

/// The timeline of a contract with `option`, starting on `start` (`"YYYY-MM-DD"`; the signature
/// date when `None`).
#[uniffi::export(default(start = None))]
pub fn timeline(
    situation: Situation,
    option: ContractOption,
    start: Option<String>,
) -> Result<Timeline> {
    timeline_with(embedded_rules()?, &situation, option, start.as_deref())
}

/// The second-assistant answer alone (the situation must give `current_contract`).
#[uniffi::export]
pub fn second_assistant(situation: Situation) -> Result<SecondAssistant> {
    second_assistant_with(embedded_rules()?, &situation)
}

/// The specialties of the rule data, by code.
#[uniffi::export]
pub fn specialties() -> Result<Vec<Specialty>> {
    Ok(specialties_of(embedded_rules()?))
}

/// The legal versions of the scheme, oldest first.
#[uniffi::export]
pub fn rule_versions() -> Result<Vec<RuleVersion>> {
    Ok(rule_versions_of(embedded_rules()?))
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
    to_json(&Saisie::from(&situation))
}

// ---------------------------------------------------------------------------------------------
// JSON API: the core's own JSON output, byte for byte (what `assistmed` prints)
// ---------------------------------------------------------------------------------------------

/// [`assess`] from and to JSON: the input document of `assistmed simulate`, and exactly the
/// core's JSON output.
#[uniffi::export]
pub fn assess_json(input_json: String) -> Result<String> {
    let rules = embedded_rules()?;
    let s = assistmed_core::Situation::depuis_json(&input_json)?;
    to_json(&evaluer(rules, &s)?)
}

/// [`timeline`] from and to JSON. `option` is a code ("tiers", "demi", "plein").
#[uniffi::export(default(start = None))]
pub fn timeline_json(input_json: String, option: String, start: Option<String>) -> Result<String> {
    let rules = embedded_rules()?;
    let s = assistmed_core::Situation::depuis_json(&input_json)?;
    let f = Formule::depuis_code("option", option.trim())?;
    let start = start
        .as_deref()
        .map(|t| lire_date("start", t))
        .transpose()?;
    to_json(&chronologie(rules, &s, f, start)?)
}

/// [`second_assistant`] from and to JSON.
#[uniffi::export]
pub fn second_assistant_json(input_json: String) -> Result<String> {
    let rules = embedded_rules()?;
    let s = assistmed_core::Situation::depuis_json(&input_json)?;
    to_json(&second_assistant_seul(rules, &s)?)
}

// ---------------------------------------------------------------------------------------------
// Simulator object
// ---------------------------------------------------------------------------------------------

/// A simulator bound to one rule set. Immutable, `Send + Sync`: share one instance between
/// threads freely. (Today only the embedded rules exist; signed rule updates will add a
/// constructor.)
#[derive(Debug, uniffi::Object)]
pub struct Simulator {
    rules: &'static RuleSet,
}

// Compile-time proof that a simulator can be shared across threads.
const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    shared::<Simulator>();
};

#[uniffi::export]
impl Simulator {
    /// A simulator on the rules embedded in the library.
    #[uniffi::constructor]
    pub fn embedded() -> Result<Arc<Self>> {
        Ok(Arc::new(Simulator {
            rules: embedded_rules()?,
        }))
    }

    /// See [`assess`].
    pub fn assess(&self, situation: Situation) -> Result<Assessment> {
        assess_with(self.rules, &situation)
    }

    /// See [`timeline`].
    #[uniffi::method(default(start = None))]
    pub fn timeline(
        &self,
        situation: Situation,
        option: ContractOption,
        start: Option<String>,
    ) -> Result<Timeline> {
        timeline_with(self.rules, &situation, option, start.as_deref())
    }

    /// See [`second_assistant`].
    pub fn second_assistant(&self, situation: Situation) -> Result<SecondAssistant> {
        second_assistant_with(self.rules, &situation)
    }

    /// See [`specialties`].
    pub fn specialties(&self) -> Result<Vec<Specialty>> {
        Ok(specialties_of(self.rules))
    }

    /// See [`rule_versions`].
    pub fn rule_versions(&self) -> Result<Vec<RuleVersion>> {
        Ok(rule_versions_of(self.rules))
    }

    /// Version number of the rule bundle.
    pub fn bundle_version(&self) -> u64 {
        self.rules.bundle_version
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{PercentileBand, Sector};

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

    #[test]
    fn typed_and_json_apis_agree() -> Result<()> {
        let json = situation_to_json(gp())?;
        assert_eq!(situation_from_json(json.clone())?, gp());
        let typed = assess(gp())?;
        let core = evaluer(
            embedded_rules()?,
            &assistmed_core::Situation::depuis_json(&json)?,
        )?;
        assert_eq!(assess_json(json)?, to_json(&core)?);
        assert_eq!(typed, Assessment::from(core));
        Ok(())
    }

    #[test]
    fn bad_inputs_are_typed_errors_naming_the_field() {
        let negative = Situation {
            patientele_mt: Some(-5),
            ..gp()
        };
        match assess(negative) {
            Err(AssistmedError::OutOfRange { code, field, .. }) => {
                assert_eq!(code, "hors_bornes");
                assert_eq!(field.as_deref(), Some("patientele_mt"));
            }
            other => panic!("expected OutOfRange, got {other:?}"),
        }
        let share = Situation {
            specialty: "41".into(),
            clinical_fee_share: Some("0,85".into()),
            ..gp()
        };
        let e = assess(share).err();
        assert_eq!(
            e.map(|e| (e.error_code(), e.error_field())),
            Some(("hors_bornes".into(), Some("clinical_fee_share".into())))
        );
        let e = timeline(gp(), ContractOption::Demi, Some("demain".into())).err();
        assert_eq!(e.and_then(|e| e.error_field()).as_deref(), Some("start"));
    }

    #[test]
    fn simulator_matches_the_top_level_functions() -> Result<()> {
        let simulator = Simulator::embedded()?;
        assert_eq!(simulator.assess(gp())?, assess(gp())?);
        assert_eq!(simulator.rule_versions()?, rule_versions()?);
        assert_eq!(simulator.specialties()?, specialties()?);
        Ok(())
    }
}
