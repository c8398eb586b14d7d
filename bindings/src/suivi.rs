//! Following a running contract (« Mon contrat »): the tracked contract as the app stores it, the
//! tracking result, the screen's view model, and the saved form the app keeps on the device as
//! opaque bytes. Translation only: everything is computed by `assistmed_core::suivi`.
//!
//! Conversions destructure the core types without `..`, so a field added to the core is a
//! compile error here until the FFI carries it.

use assistmed_core::situation::lire_date;
use assistmed_core::suivi::ecran::{LigneIndicateur, LignePerspective, VerdictContrat, VueContrat};
use assistmed_core::suivi::{
    self, ContratSuivi, EvaluationObjectif, IssueAide, Mesure, ObjectifContrat, Periode,
    PerspectiveAide, RegleAtteinte, SaisieMesure, SaisieSuivi, SourceCible, Suivi, SuiviIndicateur,
};

use crate::api::RuleStore;
use crate::error::AssistmedError;
use crate::money::{Amount, Ratio};
use crate::types::{
    iso, Caveat, ContractOption, Grade, Indicator, Percentile, PercentileBand, Reference,
    RuleVersionApplied, Sector,
};

type Result<T> = std::result::Result<T, AssistmedError>;

// ---------------------------------------------------------------------------------------------
// Input: the tracked contract
// ---------------------------------------------------------------------------------------------

/// Counts read on a date (amelipro, the practice software). At least one of `pmt`, `fa`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Measurement {
    /// `"YYYY-MM-DD"`, between the contract start and the evaluation date.
    pub date: String,
    /// Médecin-traitant patient count, 0 to 20 000.
    #[uniffi(default = None)]
    pub pmt: Option<i64>,
    /// File active, 0 to 20 000.
    #[uniffi(default = None)]
    pub fa: Option<i64>,
}

/// A signed contract, its objective as the CPAM set it, and the measurements. Validated by the
/// core on every call (typed errors name the field: `target_pmt`, `measurements[0].date`…).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TrackedContract {
    /// `"YYYY-MM-DD"`: selects the rule version.
    pub signature_date: String,
    pub specialty: String,
    pub sector: Sector,
    pub option: ContractOption,
    /// Contract start, `"YYYY-MM-DD"`; the signature date when `None`.
    #[uniffi(default = None)]
    pub start: Option<String>,
    /// Starting band (row of the amounts table); derived for a GP where the rules allow.
    #[uniffi(default = None)]
    pub percentile_band: Option<PercentileBand>,
    #[uniffi(default = None)]
    pub baseline_pmt: Option<i64>,
    /// `None` with a baseline: prefilled from the 2019 grid where it gives one, else required.
    #[uniffi(default = None)]
    pub target_pmt: Option<i64>,
    #[uniffi(default = None)]
    pub baseline_fa: Option<i64>,
    #[uniffi(default = None)]
    pub target_fa: Option<i64>,
    pub measurements: Vec<Measurement>,
}

impl From<&TrackedContract> for SaisieSuivi {
    fn from(c: &TrackedContract) -> Self {
        let TrackedContract {
            signature_date,
            specialty,
            sector,
            option,
            start,
            percentile_band,
            baseline_pmt,
            target_pmt,
            baseline_fa,
            target_fa,
            measurements,
        } = c;
        SaisieSuivi {
            signature_date: Some(signature_date.clone()),
            specialty: Some(specialty.clone()),
            sector: Some(
                assistmed_core::situation::Secteur::from(*sector)
                    .code()
                    .to_owned(),
            ),
            option: Some(assistmed_core::Formule::from(*option).code().to_owned()),
            start: start.clone(),
            percentile_band: percentile_band
                .map(|t| assistmed_core::Tranche::from(t).code().to_owned()),
            baseline_pmt: *baseline_pmt,
            target_pmt: *target_pmt,
            baseline_fa: *baseline_fa,
            target_fa: *target_fa,
            measurements: measurements
                .iter()
                .map(|m| SaisieMesure {
                    date: Some(m.date.clone()),
                    pmt: m.pmt,
                    fa: m.fa,
                })
                .collect(),
        }
    }
}

impl From<ContratSuivi> for TrackedContract {
    fn from(c: ContratSuivi) -> Self {
        let ContratSuivi {
            signature_date,
            specialty,
            sector,
            option,
            start,
            percentile_band,
            objectives,
            measurements,
        } = c;
        let obj = |i| {
            objectives
                .iter()
                .find(|o: &&ObjectifContrat| o.indicator == i)
        };
        let pmt = obj(assistmed_core::objectives::Indicateur::Pmt);
        let fa = obj(assistmed_core::objectives::Indicateur::Fa);
        TrackedContract {
            signature_date: iso(signature_date),
            specialty,
            sector: sector.into(),
            option: option.into(),
            start: Some(iso(start)),
            percentile_band: percentile_band.map(Into::into),
            baseline_pmt: pmt.map(|o| i64::from(o.baseline)),
            target_pmt: pmt.and_then(|o| o.target.map(i64::from)),
            baseline_fa: fa.map(|o| i64::from(o.baseline)),
            target_fa: fa.and_then(|o| o.target.map(i64::from)),
            measurements: measurements
                .into_iter()
                .map(|m| {
                    let Mesure { date, pmt, fa } = m;
                    Measurement {
                        date: iso(date),
                        pmt: pmt.map(i64::from),
                        fa: fa.map(i64::from),
                    }
                })
                .collect(),
        }
    }
}

fn validate(c: &TrackedContract) -> Result<ContratSuivi> {
    Ok(SaisieSuivi::from(c).valider()?)
}

/// The saved form of a contract and its measurements (UTF-8 JSON): what the app stores on the
/// device, as opaque bytes, and hands back to [`tracked_contract_from_bytes`]. Validated first.
#[uniffi::export]
pub fn tracked_contract_to_bytes(contract: TrackedContract) -> Result<Vec<u8>> {
    Ok(suivi::enregistrer(&validate(&contract)?)?.into_bytes())
}

/// Reads back what [`tracked_contract_to_bytes`] wrote. Corrupted, truncated or foreign bytes
/// give `json_invalide`; an edited value gives the error of that field.
#[uniffi::export]
pub fn tracked_contract_from_bytes(bytes: Vec<u8>) -> Result<TrackedContract> {
    let texte = std::str::from_utf8(&bytes).map_err(|e| {
        AssistmedError::from(assistmed_core::Erreur::json_invalide(format!(
            "contrat enregistré non UTF-8 / saved contract not UTF-8: {e}"
        )))
    })?;
    Ok(suivi::relire(texte)?.into())
}

// ---------------------------------------------------------------------------------------------
// Output: the tracking result
// ---------------------------------------------------------------------------------------------

/// How the objective is met: every indicator ("both", avenant 7) or one of the two
/// ("one_of_two", from 2023-05-01).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum AchievementRule {
    Both,
    OneOfTwo,
}

impl From<RegleAtteinte> for AchievementRule {
    fn from(r: RegleAtteinte) -> Self {
        match r {
            RegleAtteinte::Both => AchievementRule::Both,
            RegleAtteinte::OneOfTwo => AchievementRule::OneOfTwo,
        }
    }
}

/// Where a target comes from ("contract", or "grid": prefilled from the 2019 grid).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum TargetSource {
    Contract,
    Grid,
}

impl From<SourceCible> for TargetSource {
    fn from(s: SourceCible) -> Self {
        match s {
            SourceCible::Contract => TargetSource::Contract,
            SourceCible::Grid => TargetSource::Grid,
        }
    }
}

/// A contract year relative to the evaluation date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum YearPeriod {
    Past,
    Current,
    Future,
}

impl From<Periode> for YearPeriod {
    fn from(p: Periode) -> Self {
        match p {
            Periode::Past => YearPeriod::Past,
            Periode::Current => YearPeriod::Current,
            Periode::Future => YearPeriod::Future,
        }
    }
}

/// What the objective's reading means for a year-3+ amount ("maximum" if met, else
/// "modulated", by a formula that is not published).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum AidOutcome {
    Maximum,
    Modulated,
}

impl From<IssueAide> for AidOutcome {
    fn from(i: IssueAide) -> Self {
        match i {
            IssueAide::Maximum => AidOutcome::Maximum,
            IssueAide::Modulated => AidOutcome::Modulated,
        }
    }
}

/// One indicator on the evaluation date.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TrackedIndicator {
    pub indicator: Indicator,
    pub baseline: u32,
    pub target: u32,
    pub target_source: TargetSource,
    pub target_confidence: Grade,
    /// Latest count on or before the evaluation date (`None`: not measured yet).
    pub current: Option<u32>,
    pub measured_on: Option<String>,
    pub gained: Option<i64>,
    pub required: u32,
    /// (current − baseline) ÷ (target − baseline), exact decimal.
    pub progress: Option<Ratio>,
    pub reached: bool,
}

impl From<SuiviIndicateur> for TrackedIndicator {
    fn from(x: SuiviIndicateur) -> Self {
        let SuiviIndicateur {
            indicator,
            baseline,
            target,
            target_source,
            target_confidence,
            current,
            measured_on,
            gained,
            required,
            progress,
            reached,
        } = x;
        TrackedIndicator {
            indicator: indicator.into(),
            baseline,
            target,
            target_source: target_source.into(),
            target_confidence: target_confidence.into(),
            current,
            measured_on: measured_on.map(iso),
            gained,
            required,
            progress: progress.map(Ratio),
            reached,
        }
    }
}

/// When the objective is assessed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ObjectiveAssessment {
    pub from_year: Option<u32>,
    pub from_date: Option<String>,
    pub assessed: bool,
    /// Published deadline (2019: end of year 3), else `None`.
    pub deadline: Option<String>,
    pub confidence: Grade,
    pub references: Vec<String>,
}

impl From<EvaluationObjectif> for ObjectiveAssessment {
    fn from(e: EvaluationObjectif) -> Self {
        let EvaluationObjectif {
            from_year,
            from_date,
            assessed,
            deadline,
            confidence,
            references,
        } = e;
        ObjectiveAssessment {
            from_year,
            from_date: from_date.map(iso),
            assessed,
            deadline: deadline.map(iso),
            confidence: confidence.into(),
            references,
        }
    }
}

/// The outlook of one year-3+ amount.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AidOutlook {
    pub year: u32,
    pub start: String,
    pub end: String,
    pub rules_id: String,
    /// That year's maximum aid, from the band's row.
    pub maximum_amount: Option<Amount>,
    pub confidence: Grade,
    pub period: YearPeriod,
    pub outcome: AidOutcome,
    /// `maximum × min(1, gained ÷ required)`: an assumption (grade C), only when not met.
    pub usual_reading_amount: Option<Amount>,
    pub usual_reading_confidence: Option<Grade>,
}

impl From<PerspectiveAide> for AidOutlook {
    fn from(p: PerspectiveAide) -> Self {
        let PerspectiveAide {
            year,
            start,
            end,
            rules_id,
            maximum_amount,
            confidence,
            period,
            outcome,
            usual_reading_amount,
            usual_reading_confidence,
        } = p;
        AidOutlook {
            year,
            start: iso(start),
            end: iso(end),
            rules_id,
            maximum_amount: maximum_amount.map(Amount),
            confidence: confidence.into(),
            period: period.into(),
            outcome: outcome.into(),
            usual_reading_amount: usual_reading_amount.map(Amount),
            usual_reading_confidence: usual_reading_confidence.map(Into::into),
        }
    }
}

/// A tracked contract on the evaluation date (the JSON of `assistmed track --json`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Tracking {
    pub rules: RuleVersionApplied,
    pub on: String,
    pub option: ContractOption,
    pub signature_date: String,
    pub start: String,
    pub end: String,
    pub contract_year: u32,
    pub year_start: String,
    pub year_end: String,
    pub percentile: Percentile,
    pub indicators: Vec<TrackedIndicator>,
    pub unfollowed_indicators: Vec<Indicator>,
    pub met: bool,
    pub met_confidence: Grade,
    pub rule: AchievementRule,
    pub rule_confidence: Grade,
    pub rule_references: Vec<String>,
    pub assessment: ObjectiveAssessment,
    pub aid_outlook: Vec<AidOutlook>,
    pub caveats: Vec<Caveat>,
    pub references: Vec<Reference>,
    pub disclaimer_fr: String,
    pub disclaimer_en: String,
}

impl From<Suivi> for Tracking {
    fn from(s: Suivi) -> Self {
        let Suivi {
            rules,
            on,
            option,
            signature_date,
            start,
            end,
            contract_year,
            year_start,
            year_end,
            percentile,
            indicators,
            unfollowed_indicators,
            met,
            met_confidence,
            rule,
            rule_confidence,
            rule_references,
            assessment,
            aid_outlook,
            caveats,
            references,
            disclaimer_fr,
            disclaimer_en,
        } = s;
        Tracking {
            rules: rules.into(),
            on: iso(on),
            option: option.into(),
            signature_date: iso(signature_date),
            start: iso(start),
            end: iso(end),
            contract_year,
            year_start: iso(year_start),
            year_end: iso(year_end),
            percentile: percentile.into(),
            indicators: indicators.into_iter().map(Into::into).collect(),
            unfollowed_indicators: unfollowed_indicators.into_iter().map(Into::into).collect(),
            met,
            met_confidence: met_confidence.into(),
            rule: rule.into(),
            rule_confidence: rule_confidence.into(),
            rule_references,
            assessment: assessment.into(),
            aid_outlook: aid_outlook.into_iter().map(Into::into).collect(),
            caveats: caveats.into_iter().map(Into::into).collect(),
            references: references.into_iter().map(Into::into).collect(),
            disclaimer_fr: disclaimer_fr.to_owned(),
            disclaimer_en: disclaimer_en.to_owned(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Output: the « Mon contrat » screen
// ---------------------------------------------------------------------------------------------

/// One indicator's line: shown text, spoken text, gauge.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IndicatorLine {
    pub indicator: Indicator,
    pub label_fr: String,
    pub label_en: String,
    pub text_fr: String,
    pub text_en: String,
    pub spoken_fr: String,
    pub spoken_en: String,
    pub progress: Option<Ratio>,
    /// The progress kept within [0, 1], for a progress bar.
    pub gauge: Option<Ratio>,
    pub reached: bool,
    /// ✓, ✗ or … (not measured): never colour only.
    pub symbol: String,
}

impl From<LigneIndicateur> for IndicatorLine {
    fn from(x: LigneIndicateur) -> Self {
        let LigneIndicateur {
            indicator,
            label_fr,
            label_en,
            text_fr,
            text_en,
            spoken_fr,
            spoken_en,
            progress,
            gauge,
            reached,
            symbol,
        } = x;
        IndicatorLine {
            indicator: indicator.into(),
            label_fr,
            label_en,
            text_fr,
            text_en,
            spoken_fr,
            spoken_en,
            progress: progress.map(Ratio),
            gauge: gauge.map(Ratio),
            reached,
            symbol: symbol.to_owned(),
        }
    }
}

/// Whether the objective is met, and the rule of the version.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ContractVerdict {
    pub met: bool,
    pub symbol: String,
    pub title_fr: String,
    pub title_en: String,
    pub rule_fr: String,
    pub rule_en: String,
    pub confidence: Grade,
}

impl From<VerdictContrat> for ContractVerdict {
    fn from(v: VerdictContrat) -> Self {
        let VerdictContrat {
            met,
            symbol,
            title_fr,
            title_en,
            rule_fr,
            rule_en,
            confidence,
        } = v;
        ContractVerdict {
            met,
            symbol: symbol.to_owned(),
            title_fr,
            title_en,
            rule_fr,
            rule_en,
            confidence: confidence.into(),
        }
    }
}

/// One year-3+ amount's line.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OutlookLine {
    pub year: u32,
    pub period: YearPeriod,
    pub outcome: AidOutcome,
    pub maximum_amount: Option<Amount>,
    pub usual_reading_amount: Option<Amount>,
    pub text_fr: String,
    pub text_en: String,
    pub spoken_fr: String,
    pub spoken_en: String,
}

impl From<LignePerspective> for OutlookLine {
    fn from(p: LignePerspective) -> Self {
        let LignePerspective {
            year,
            period,
            outcome,
            maximum_amount,
            usual_reading_amount,
            text_fr,
            text_en,
            spoken_fr,
            spoken_en,
        } = p;
        OutlookLine {
            year,
            period: period.into(),
            outcome: outcome.into(),
            maximum_amount: maximum_amount.map(Amount),
            usual_reading_amount: usual_reading_amount.map(Amount),
            text_fr,
            text_en,
            spoken_fr,
            spoken_en,
        }
    }
}

/// What the « Mon contrat » screen shows, every text in French and English.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ContractView {
    pub title_fr: String,
    pub title_en: String,
    pub contract_year: u32,
    pub year_fr: String,
    pub year_en: String,
    pub indicators: Vec<IndicatorLine>,
    pub verdict: ContractVerdict,
    pub assessment_fr: String,
    pub assessment_en: String,
    pub outlook_title_fr: String,
    pub outlook_title_en: String,
    pub outlook: Vec<OutlookLine>,
    pub caveats: Vec<Caveat>,
    pub references: Vec<Reference>,
    pub disclaimer_fr: String,
    pub disclaimer_en: String,
}

impl From<VueContrat> for ContractView {
    fn from(v: VueContrat) -> Self {
        let VueContrat {
            title_fr,
            title_en,
            contract_year,
            year_fr,
            year_en,
            indicators,
            verdict,
            assessment_fr,
            assessment_en,
            outlook_title_fr,
            outlook_title_en,
            outlook,
            caveats,
            references,
            disclaimer_fr,
            disclaimer_en,
        } = v;
        ContractView {
            title_fr,
            title_en,
            contract_year,
            year_fr,
            year_en,
            indicators: indicators.into_iter().map(Into::into).collect(),
            verdict: verdict.into(),
            assessment_fr,
            assessment_en,
            outlook_title_fr,
            outlook_title_en,
            outlook: outlook.into_iter().map(Into::into).collect(),
            caveats: caveats.into_iter().map(Into::into).collect(),
            references: references.into_iter().map(Into::into).collect(),
            disclaimer_fr: disclaimer_fr.to_owned(),
            disclaimer_en: disclaimer_en.to_owned(),
        }
    }
}

#[uniffi::export]
impl RuleStore {
    /// A tracked contract on `on` (`"YYYY-MM-DD"`, given by the app: today; the core never reads
    /// the clock): contract year, progress per indicator, objective met under the version's
    /// rule, when it is assessed, outlook of every year-3+ amount.
    pub fn track(&self, contract: TrackedContract, on: String) -> Result<Tracking> {
        let c = validate(&contract)?;
        let on = lire_date("on", &on)?;
        Ok(suivi::suivre(self.rules(), &c, on)?.into())
    }

    /// The « Mon contrat » screen for `contract` on `on` (same inputs and errors as
    /// [`RuleStore::track`]).
    pub fn contract_view(&self, contract: TrackedContract, on: String) -> Result<ContractView> {
        let c = validate(&contract)?;
        let on = lire_date("on", &on)?;
        Ok(suivi::ecran::vue(self.rules(), &c, on)?.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tracking case 001 (the issue's example).
    fn exemple() -> TrackedContract {
        TrackedContract {
            signature_date: "2024-09-01".into(),
            specialty: "01".into(),
            sector: Sector::Secteur1,
            option: ContractOption::Plein,
            start: Some("2024-09-01".into()),
            percentile_band: Some(PercentileBand::P50P70),
            baseline_pmt: Some(1300),
            target_pmt: Some(1560),
            baseline_fa: None,
            target_fa: None,
            measurements: vec![Measurement {
                date: "2026-12-01".into(),
                pmt: Some(1450),
                fa: None,
            }],
        }
    }

    #[test]
    fn track_view_and_saved_form() -> Result<()> {
        let store = RuleStore::embedded()?;
        let t = store.track(exemple(), "2026-12-01".into())?;
        assert_eq!(t.contract_year, 3);
        assert_eq!(t.rule, AchievementRule::OneOfTwo);
        assert!(!t.met);
        assert_eq!(
            t.indicators[0].progress.map(|p| p.canonical()).as_deref(),
            Some("0.5769230769230769230769230769")
        );
        assert_eq!(
            t.aid_outlook[0]
                .maximum_amount
                .map(|a| a.canonical())
                .as_deref(),
            Some("22000.00")
        );
        let v = store.contract_view(exemple(), "2026-12-01".into())?;
        assert_eq!(v.outlook.len(), 3);
        assert!(v.indicators[0].text_en.contains("+150 of +260, 58%"));

        let bytes = tracked_contract_to_bytes(exemple())?;
        assert_eq!(tracked_contract_from_bytes(bytes.clone())?, exemple());
        let e = tracked_contract_from_bytes(bytes[..10].to_vec()).err();
        assert_eq!(e.map(|e| e.error_code()).as_deref(), Some("json_invalide"));
        let e = tracked_contract_from_bytes(vec![0xff, 0xfe]).err();
        assert_eq!(e.map(|e| e.error_code()).as_deref(), Some("json_invalide"));
        let e = store.track(exemple(), "01/12/2026".into()).err();
        assert_eq!(
            e.map(|e| (e.error_code(), e.error_field())),
            Some(("date_invalide".into(), Some("on".into())))
        );
        Ok(())
    }
}
