//! Economics of hiring through the FFI: employer cost, net per contract year, break-even, and the
//! side-by-side screen, all computed and rendered by the core (`assistmed_core::economie`). This
//! file only converts. A second `#[uniffi::export] impl RuleStore` block: uniffi merges them.

use assistmed_core::economie::{self as eco, EntreeHypotheses};
use assistmed_core::Langue;

use crate::api::{validate, RuleStore};
use crate::error::{AssistmedError, Language};
use crate::money::{Amount, Ratio};
use crate::types::{Caveat, ContractOption, Grade, Reference, Situation};

type Result<T> = std::result::Result<T, AssistmedError>;

/// What to compute. Decimal inputs are plain strings ("2000", "911.52") so that a typo is the
/// typed error `valeur_inconnue` naming its field; `None` takes the rule data's value.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EconomicsRequest {
    pub option: ContractOption,
    /// Contract start, "YYYY-MM-DD"; the signature date when `None`.
    #[uniffi(default = None)]
    pub start: Option<String>,
    /// Gross monthly salary for this option (0.01 to 20000); `None`: the floor (grid level 5,
    /// never below the SMIC, prorated). In `economics_comparison`: the full-time salary.
    #[uniffi(default = None)]
    pub gross_monthly: Option<String>,
    #[uniffi(default = None)]
    pub contacts_per_year: Option<String>,
    #[uniffi(default = None)]
    pub consultation_fee: Option<String>,
    /// "7_74_sans_ald" (default), "moins_7_ou_75_79", "80_plus_ou_ald", "ald_80_plus".
    #[uniffi(default = None)]
    pub fmt_band: Option<String>,
    #[uniffi(default = None)]
    pub fmt: Option<String>,
    #[uniffi(default = None)]
    pub working_days: Option<String>,
    #[uniffi(default = None)]
    pub atmp_rate: Option<String>,
    #[uniffi(default = None)]
    pub health_insurance_monthly: Option<String>,
}

/// One contract year: aid, employer cost, net (aid − cost, exactly) and break-even.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EconomicsYear {
    pub year: u32,
    pub start: String,
    pub end: String,
    pub rules_id: String,
    pub aid: Option<Amount>,
    pub aid_maximum: bool,
    pub aid_confidence: Grade,
    pub employer_cost: Amount,
    pub employer_cost_confidence: Grade,
    pub gross_salary: Amount,
    pub contributions: Amount,
    pub reduction: Amount,
    /// `None` when the aid is unpublished (GAP).
    pub net: Option<Amount>,
    /// The aid is a maximum (year 3+), so the net is at best this figure.
    pub net_maximum: bool,
    pub net_confidence: Grade,
    pub patient_value: Amount,
    pub extra_patients: Option<u32>,
    pub extra_consultations_per_working_day: Option<Ratio>,
    pub break_even_confidence: Grade,
    pub latest_values_used: bool,
}

/// Totals over the contract and the constant yearly break-even.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EconomicsTotal {
    pub aid: Option<Amount>,
    pub employer_cost: Amount,
    pub net: Option<Amount>,
    pub net_maximum: bool,
    pub net_confidence: Grade,
    pub extra_patients_per_year: Option<u32>,
    pub extra_consultations_per_working_day: Option<Ratio>,
    pub break_even_confidence: Grade,
}

/// One assumption with its value, grade and sources; `source` is "rules" or "user".
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EconomicsAssumption {
    pub code: String,
    pub parameter: Option<String>,
    pub value: String,
    pub unit: String,
    pub grade: Grade,
    pub source: String,
    pub references: Vec<String>,
    pub label_fr: String,
    pub label_en: String,
}

/// The economics of one option.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Economics {
    pub option: ContractOption,
    pub start: String,
    pub gross_monthly: Option<Amount>,
    pub hours_per_week: Option<Ratio>,
    pub years: Vec<EconomicsYear>,
    pub total: EconomicsTotal,
    pub assumptions: Vec<EconomicsAssumption>,
    pub caveats: Vec<Caveat>,
    pub references: Vec<Reference>,
}

/// One displayed row (texts rendered by the core, in one language).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EconomicsRow {
    pub year: String,
    pub period: String,
    pub aid: String,
    pub employer_cost: String,
    pub net: String,
    pub break_even: String,
    pub confidence: Grade,
    pub spoken: String,
}

/// One option's displayed table.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EconomicsOptionView {
    pub option: ContractOption,
    pub title: String,
    pub salary: String,
    pub rows: Vec<EconomicsRow>,
    pub total: EconomicsRow,
    pub break_even: String,
}

/// The economics screen: 1/2 ETP and 1 ETP side by side, every text ready to show.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EconomicsView {
    pub title: String,
    pub columns: Vec<String>,
    pub options: Vec<EconomicsOptionView>,
    pub assumptions: Vec<String>,
    pub caveats: Vec<String>,
    /// The second assistant's conditions (no amounts: unpublished), when the situation gives a
    /// running contract.
    pub second_assistant: Vec<String>,
    pub references: Vec<String>,
    pub disclaimer: String,
}

fn langue(l: Language) -> Langue {
    match l {
        Language::Fr => Langue::Fr,
        Language::En => Langue::En,
    }
}

fn ligne(r: eco::VueLigne) -> EconomicsRow {
    EconomicsRow {
        year: r.year,
        period: r.period,
        aid: r.aid,
        employer_cost: r.employer_cost,
        net: r.net,
        break_even: r.break_even,
        confidence: r.confidence.into(),
        spoken: r.spoken,
    }
}

impl From<eco::Economie> for Economics {
    fn from(e: eco::Economie) -> Self {
        let b = e.break_even;
        Economics {
            option: e.option.into(),
            start: e.start.to_string(),
            gross_monthly: e.gross_monthly.map(Amount),
            hours_per_week: e.hours_per_week.map(Ratio),
            years: e
                .years
                .into_iter()
                .map(|y| EconomicsYear {
                    year: y.year,
                    start: y.start.to_string(),
                    end: y.end.to_string(),
                    rules_id: y.rules_id,
                    aid: y.aid.map(Amount),
                    aid_maximum: y.aid_maximum,
                    aid_confidence: y.aid_confidence.into(),
                    employer_cost: Amount(y.employer_cost),
                    employer_cost_confidence: y.employer_cost_confidence.into(),
                    gross_salary: Amount(y.gross_salary),
                    contributions: Amount(y.contributions),
                    reduction: Amount(y.reduction),
                    net: y.net.map(Amount),
                    net_maximum: y.net_maximum,
                    net_confidence: y.net_confidence.into(),
                    patient_value: Amount(y.patient_value),
                    extra_patients: y.extra_patients,
                    extra_consultations_per_working_day: y
                        .extra_consultations_per_working_day
                        .map(Ratio),
                    break_even_confidence: y.break_even_confidence.into(),
                    latest_values_used: y.latest_values_used,
                })
                .collect(),
            total: EconomicsTotal {
                aid: e.total.aid.map(Amount),
                employer_cost: Amount(e.total.employer_cost),
                net: e.total.net.map(Amount),
                net_maximum: e.total.net_maximum,
                net_confidence: e.total.net_confidence.into(),
                extra_patients_per_year: b.extra_patients_per_year,
                extra_consultations_per_working_day: b
                    .extra_consultations_per_working_day
                    .map(Ratio),
                break_even_confidence: b.confidence.into(),
            },
            assumptions: e
                .assumptions
                .into_iter()
                .map(|h| EconomicsAssumption {
                    code: h.code.to_owned(),
                    parameter: h.parameter,
                    value: h.value,
                    unit: h.unit.to_owned(),
                    grade: h.grade.into(),
                    source: h.source.to_owned(),
                    references: h.references,
                    label_fr: h.label_fr,
                    label_en: h.label_en,
                })
                .collect(),
            caveats: e.caveats.into_iter().map(Caveat::from).collect(),
            references: e.references.into_iter().map(Reference::from).collect(),
        }
    }
}

impl EconomicsRequest {
    fn core(&self) -> Result<eco::Demande> {
        let start = self
            .start
            .as_deref()
            .map(|t| assistmed_core::situation::lire_date("start", t))
            .transpose()?;
        let brut = self
            .gross_monthly
            .as_deref()
            .map(|t| eco::lire_decimal("gross_monthly", t))
            .transpose()?;
        let h = EntreeHypotheses {
            contacts_per_year: self.contacts_per_year.clone(),
            consultation_fee: self.consultation_fee.clone(),
            fmt_band: self.fmt_band.clone(),
            fmt: self.fmt.clone(),
            working_days: self.working_days.clone(),
            atmp_rate: self.atmp_rate.clone(),
            health_insurance_monthly: self.health_insurance_monthly.clone(),
        }
        .valider()?;
        Ok(eco::Demande {
            option: self.option.into(),
            debut: start,
            brut_mensuel: brut,
            hypotheses: h,
        })
    }
}

#[uniffi::export]
impl RuleStore {
    /// The economics of one option: employer cost month by month (practice with fewer than 11
    /// employees), aid − cost per contract year, totals and break-even, with every assumption.
    pub fn economics(&self, situation: Situation, request: EconomicsRequest) -> Result<Economics> {
        let s = validate(&situation)?;
        let d = request.core()?;
        Ok(eco::calculer(self.rules(), &s, &d)?.into())
    }

    /// The economics screen: 1/2 ETP and 1 ETP side by side (`request.option` is ignored;
    /// `gross_monthly` is the full-time salary, prorated for 1/2 ETP), rendered in `language`.
    pub fn economics_view(
        &self,
        situation: Situation,
        request: EconomicsRequest,
        language: Language,
    ) -> Result<EconomicsView> {
        let s = validate(&situation)?;
        let d = request.core()?;
        let l = langue(language);
        let c = eco::comparer(self.rules(), &s, d.debut, d.brut_mensuel, &d.hypotheses)?;
        let v = eco::vue_comparaison(&c, l);
        Ok(EconomicsView {
            title: v.title,
            columns: v.columns,
            options: v
                .options
                .into_iter()
                .map(|o| EconomicsOptionView {
                    option: o.option.into(),
                    title: o.title,
                    salary: o.salary,
                    rows: o.rows.into_iter().map(ligne).collect(),
                    total: ligne(o.total),
                    break_even: o.break_even,
                })
                .collect(),
            assumptions: v.assumptions,
            caveats: v.caveats,
            second_assistant: v.second_assistant,
            references: v.references,
            disclaimer: v.disclaimer,
        })
    }
}
