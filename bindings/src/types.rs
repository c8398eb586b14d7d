//! Records and enums of the FFI, and their conversions from (and, for inputs, to) the core types.
//!
//! Field names are those of the JSON contract (snake_case here; uniffi makes them camelCase in
//! Kotlin and Swift). Dates are ISO `"YYYY-MM-DD"` strings; money is [`Amount`], ratios
//! [`Ratio`]. Conversions destructure the core types without `..`, so a field added to the core
//! is a compile error here until the FFI carries it.

use crate::money::{Amount, Ratio};
use assistmed_core::amounts::Ligne;
use assistmed_core::eligibility::{Eligibilite, Statut};
use assistmed_core::explain::{Avertissement, Effet, Raison};
use assistmed_core::objectives::{Cible, Indicateur, NatureObjectif, Objectif, StatutObjectif};
use assistmed_core::percentile::{Origine, Positionnement};
use assistmed_core::rules::{
    GroupeSpecialite, Notice as CoreNotice, OrigineRegles, Specialite, Version,
};
use assistmed_core::second_assistant::{
    Condition as CoreCondition, OptionSecondAssistant, SecondAssistant as CoreSecondAssistant,
    StatutSecondAssistant,
};
use assistmed_core::situation::{
    ContratEnCours, Exercice, Formule, Saisie, SaisieContrat, Secteur, Situation as CoreSituation,
    Tranche, Zone as CoreZone,
};
use assistmed_core::timeline::{AnneeContrat, Echeancier};
use assistmed_core::{Chronologie, Evaluation, Grade as CoreGrade};
use assistmed_core::{OptionResultat, ReferenceCitee, VersionAppliquee};

/// The JSON text of a unit enum value of the core (its stable code): the test oracle of the
/// exported `code()` methods, which use the core's own `code()` tables (no serde at run time).
#[cfg(test)]
fn json_code<T: serde::Serialize>(v: T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        // Unit enums always serialize to strings; keep the FFI total anyway.
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

pub(crate) fn iso(d: impl ToString) -> String {
    d.to_string()
}

/// Declares an FFI enum mirroring a core enum, both conversions, and (in tests) `json_code()`,
/// the stable JSON code taken from the core's serde output.
macro_rules! ffi_enum {
    (
        $(#[$m:meta])*
        $ffi:ident <=> $core:ty { $( $(#[$vm:meta])* $v:ident <=> $cv:ident ),+ $(,)? }
    ) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
        pub enum $ffi { $( $(#[$vm])* $v ),+ }

        impl From<$core> for $ffi {
            fn from(v: $core) -> Self {
                match v { $( <$core>::$cv => $ffi::$v ),+ }
            }
        }

        impl From<$ffi> for $core {
            fn from(v: $ffi) -> Self {
                match v { $( $ffi::$v => <$core>::$cv ),+ }
            }
        }

        #[cfg(test)]
        impl $ffi {
            /// The stable code of this value in the JSON contract (Rust side).
            pub fn json_code(&self) -> String {
                json_code(<$core>::from(*self))
            }
        }
    };
}

/// Exports `code()` and French/English labels for an enum the apps show or send, from the
/// core's tables (`code()` equals the serde code: `core_codes_equal_the_json_codes`). Each
/// exported method costs ~1.8 KB of library: output-only enums do without.
macro_rules! coded {
    ($ffi:ident, $core:ty, $code:ident) => {
        #[uniffi::export]
        impl $ffi {
            /// The stable code of this value in the JSON contract.
            pub fn code(&self) -> String {
                <$core>::from(*self).$code().to_owned()
            }
        }
    };
    ($ffi:ident => $core:ty) => {
        coded!($ffi, $core, code);

        #[uniffi::export]
        impl $ffi {
            /// Label in French.
            pub fn label_fr(&self) -> String {
                <$core>::from(*self).libelle_fr().to_owned()
            }

            /// Label in English.
            pub fn label_en(&self) -> String {
                <$core>::from(*self).libelle_en().to_owned()
            }
        }
    };
}

ffi_enum!(
    /// Conventional sector of the doctor (codes "secteur_1", "secteur_2_optam"…).
    Sector <=> Secteur {
        Secteur1 <=> Secteur1,
        Secteur2Optam <=> Secteur2Optam,
        Secteur2OptamCo <=> Secteur2OptamCo,
        Secteur2 <=> Secteur2,
        NonConventionne <=> NonConventionne,
    }
);
coded!(Sector => Secteur);

ffi_enum!(
    /// Zone of the practice in the ARS zoning ("zip", "zac", "hors_zone").
    Zone <=> CoreZone {
        Zip <=> Zip,
        Zac <=> Zac,
        HorsZone <=> HorsZone,
    }
);
coded!(Zone => CoreZone);

ffi_enum!(
    /// Practice setting ("solo", "groupe").
    Practice <=> Exercice {
        Solo <=> Solo,
        Groupe <=> Groupe,
    }
);
coded!(Practice => Exercice);

ffi_enum!(
    /// Starting percentile band of the doctor's activity ("below_p30" … "p95_plus").
    PercentileBand <=> Tranche {
        BelowP30 <=> SousP30,
        P30P50 <=> P30P50,
        P50P70 <=> P50P70,
        P70P90 <=> P70P90,
        P90P95 <=> P90P95,
        P95Plus <=> P95Plus,
    }
);
coded!(PercentileBand => Tranche);

ffi_enum!(
    /// Contract option, the assistant's working time ("tiers" 1/3, "demi" 1/2, "plein" 1 FTE).
    ContractOption <=> Formule {
        Tiers <=> Tiers,
        Demi <=> Demi,
        Plein <=> Plein,
    }
);
coded!(ContractOption => Formule);

ffi_enum!(
    /// Confidence grade of a value: A official, B reliable secondary, C weak, GAP unpublished.
    Grade <=> CoreGrade {
        A <=> A,
        B <=> B,
        C <=> C,
        Gap <=> Gap,
    }
);
coded!(Grade, CoreGrade, as_str);

ffi_enum!(
    /// Where the active rules come from ("embedded" in the library, or a signed "update").
    BundleOrigin <=> OrigineRegles {
        Embedded <=> Embedded,
        Update <=> Update,
    }
);

ffi_enum!(
    /// Verdict on eligibility ("eligible", "not_eligible", "refer_to_cpam").
    EligibilityStatus <=> Statut {
        Eligible <=> Eligible,
        NotEligible <=> NotEligible,
        ReferToCpam <=> ReferToCpam,
    }
);

ffi_enum!(
    /// What a reason does to the verdict.
    ReasonEffect <=> Effet {
        Satisfied <=> Satisfied,
        Blocking <=> Blocking,
        ReferToCpam <=> ReferToCpam,
        Condition <=> Condition,
    }
);

ffi_enum!(
    /// Row of the amounts table ("standard", "p90_p94", "p95_plus").
    AmountRow <=> Ligne {
        Standard <=> Standard,
        P90P94 <=> P90P94,
        P95Plus <=> P95Plus,
    }
);

ffi_enum!(
    /// Whether the percentile band was declared or derived from the patient list.
    PercentileSource <=> Origine {
        Declared <=> Declared,
        Derived <=> Derived,
    }
);

ffi_enum!(
    /// Whether an objective is computed or to confirm with the CPAM.
    ObjectiveStatus <=> StatutObjectif {
        Computed <=> Computed,
        ToConfirm <=> ToConfirm,
    }
);

ffi_enum!(
    /// Kind of objective ("hausse", "mediane", "maintien", "adapte_cpam").
    ObjectiveKind <=> NatureObjectif {
        Hausse <=> Hausse,
        Mediane <=> Mediane,
        Maintien <=> Maintien,
        AdapteCpam <=> AdapteCpam,
    }
);

ffi_enum!(
    /// Activity indicator ("patientele_mt", "file_active").
    Indicator <=> Indicateur {
        PatienteleMt <=> Pmt,
        FileActive <=> Fa,
    }
);

ffi_enum!(
    /// Answer to the second-assistant question.
    SecondAssistantStatus <=> StatutSecondAssistant {
        EligibleInPrinciple <=> EligibleInPrinciple,
        NotEligible <=> NotEligible,
    }
);

ffi_enum!(
    /// Specialty group ("generaliste", "chirurgie", "orl", "gynecologie", "autre").
    SpecialtyGroup <=> GroupeSpecialite {
        Generaliste <=> Generaliste,
        Chirurgie <=> Chirurgie,
        Orl <=> Orl,
        Gynecologie <=> Gynecologie,
        Autre <=> Autre,
    }
);

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/// The doctor's running contract (for the second-assistant question).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CurrentContract {
    pub option: ContractOption,
    /// Start of the running contract, `"YYYY-MM-DD"`.
    pub start: String,
    pub objectives_reached: bool,
}

/// The doctor's situation, as entered. Validated by the core on every call: a bad value gives
/// a typed [`crate::AssistmedError`] naming the field (e.g. `hors_bornes` on `patientele_mt`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Situation {
    /// Contract signature date, `"YYYY-MM-DD"`: selects the rule version.
    pub signature_date: String,
    /// Two-digit Assurance Maladie specialty code ("01" general practice), see `specialties()`.
    pub specialty: String,
    pub sector: Sector,
    /// Particular practice mode (MEP).
    #[uniffi(default = false)]
    pub mep: bool,
    #[uniffi(default = None)]
    pub zone: Option<Zone>,
    #[uniffi(default = None)]
    pub practice: Option<Practice>,
    /// Member of (or committed to join) a coordinated practice (ESP, MSP, CPTS).
    #[uniffi(default = None)]
    pub coordinated: Option<bool>,
    /// Médecin-traitant patient count, 0 to 20 000.
    #[uniffi(default = None)]
    pub patientele_mt: Option<i64>,
    /// Patients seen in 12 months, 0 to 20 000.
    #[uniffi(default = None)]
    pub file_active: Option<i64>,
    #[uniffi(default = None)]
    pub percentile_band: Option<PercentileBand>,
    /// Share of clinical fees, a decimal between "0" and "1" (e.g. "0.85"), as text.
    #[uniffi(default = None)]
    pub clinical_fee_share: Option<String>,
    #[uniffi(default = false)]
    pub newly_installed: bool,
    /// Age of the doctor, 20 to 100.
    #[uniffi(default = None)]
    pub age: Option<i64>,
    /// Doctor with an ALD (long-term illness) or RQTH (disabled worker) status.
    #[uniffi(default = false)]
    pub ald_or_rqth: bool,
    #[uniffi(default = None)]
    pub current_contract: Option<CurrentContract>,
}

impl From<&Situation> for Saisie {
    fn from(s: &Situation) -> Self {
        let Situation {
            signature_date,
            specialty,
            sector,
            mep,
            zone,
            practice,
            coordinated,
            patientele_mt,
            file_active,
            percentile_band,
            clinical_fee_share,
            newly_installed,
            age,
            ald_or_rqth,
            current_contract,
        } = s;
        Saisie {
            signature_date: Some(signature_date.clone()),
            specialty: Some(specialty.clone()),
            sector: Some(Secteur::from(*sector).code().to_owned()),
            mep: Some(*mep),
            zone: zone.map(|z| CoreZone::from(z).code().to_owned()),
            practice: practice.map(|p| Exercice::from(p).code().to_owned()),
            coordinated: *coordinated,
            patientele_mt: *patientele_mt,
            file_active: *file_active,
            percentile_band: percentile_band.map(|b| Tranche::from(b).code().to_owned()),
            clinical_fee_share: clinical_fee_share.clone(),
            newly_installed: Some(*newly_installed),
            age: *age,
            ald_or_rqth: Some(*ald_or_rqth),
            current_contract: current_contract.as_ref().map(|c| SaisieContrat {
                option: Some(Formule::from(c.option).code().to_owned()),
                start: Some(c.start.clone()),
                objectives_reached: Some(c.objectives_reached),
            }),
        }
    }
}

impl From<ContratEnCours> for CurrentContract {
    fn from(c: ContratEnCours) -> Self {
        let ContratEnCours {
            option,
            start,
            objectives_reached,
        } = c;
        CurrentContract {
            option: option.into(),
            start: iso(start),
            objectives_reached,
        }
    }
}

impl From<CoreSituation> for Situation {
    fn from(s: CoreSituation) -> Self {
        let CoreSituation {
            signature_date,
            specialty,
            sector,
            mep,
            zone,
            practice,
            coordinated,
            patientele_mt,
            file_active,
            percentile_band,
            clinical_fee_share,
            newly_installed,
            age,
            ald_or_rqth,
            current_contract,
        } = s;
        Situation {
            signature_date: iso(signature_date),
            specialty,
            sector: sector.into(),
            mep,
            zone: zone.map(Into::into),
            practice: practice.map(Into::into),
            coordinated,
            patientele_mt: patientele_mt.map(i64::from),
            file_active: file_active.map(i64::from),
            percentile_band: percentile_band.map(Into::into),
            // Same text as the core's JSON (rust_decimal's `str_option`).
            clinical_fee_share: clinical_fee_share.map(|d| d.to_string()),
            newly_installed,
            age: age.map(i64::from),
            ald_or_rqth,
            current_contract: current_contract.map(Into::into),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/// The rule version applied, and the rule bundle it comes from.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RuleVersionApplied {
    pub id: String,
    pub title_fr: String,
    pub title_en: String,
    /// First signature date governed, `"YYYY-MM-DD"`.
    pub start: String,
    /// First signature date no longer governed, `"YYYY-MM-DD"`; `None` while in force.
    pub end_exclusive: Option<String>,
    /// Reference ids (resolved in `references` of the result).
    pub references: Vec<String>,
    pub bundle_version: u64,
    /// `"YYYY-MM-DD"`.
    pub bundle_published: String,
    /// Whether the rules are the embedded ones or a signed update.
    pub bundle_origin: BundleOrigin,
}

impl From<VersionAppliquee> for RuleVersionApplied {
    fn from(v: VersionAppliquee) -> Self {
        let VersionAppliquee {
            id,
            title_fr,
            title_en,
            start,
            end_exclusive,
            references,
            bundle_version,
            bundle_published,
            bundle_origin,
        } = v;
        RuleVersionApplied {
            id,
            title_fr,
            title_en,
            start: iso(start),
            end_exclusive: end_exclusive.map(iso),
            references,
            bundle_version,
            bundle_published: iso(bundle_published),
            bundle_origin: bundle_origin.into(),
        }
    }
}

/// Why an eligibility or availability decision was taken.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Reason {
    /// Stable reason code ("secteur_admis", "activite_insuffisante"…).
    pub code: String,
    pub effect: ReasonEffect,
    pub message_fr: String,
    pub message_en: String,
    pub references: Vec<String>,
    pub confidence: Grade,
}

impl From<Raison> for Reason {
    fn from(r: Raison) -> Self {
        let Raison {
            code,
            effect,
            message_fr,
            message_en,
            references,
            confidence,
        } = r;
        Reason {
            code: code.to_owned(),
            effect: effect.into(),
            message_fr,
            message_en,
            references,
            confidence: confidence.into(),
        }
    }
}

/// The eligibility verdict and the reasons behind it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Eligibility {
    pub status: EligibilityStatus,
    pub reasons: Vec<Reason>,
}

impl From<Eligibilite> for Eligibility {
    fn from(e: Eligibilite) -> Self {
        let Eligibilite { status, reasons } = e;
        Eligibility {
            status: status.into(),
            reasons: reasons.into_iter().map(Into::into).collect(),
        }
    }
}

/// Where the doctor stands in the activity distribution.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Percentile {
    /// `None` when only the row is known.
    pub band: Option<PercentileBand>,
    pub row: AmountRow,
    pub source: PercentileSource,
    pub confidence: Grade,
}

impl From<Positionnement> for Percentile {
    fn from(p: Positionnement) -> Self {
        let Positionnement {
            band,
            row,
            source,
            confidence,
        } = p;
        Percentile {
            band: band.map(Into::into),
            row: row.into(),
            source: source.into(),
            confidence: confidence.into(),
        }
    }
}

/// One contract year and its aid.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AidYear {
    /// 1 to 5.
    pub year: u32,
    /// `"YYYY-MM-DD"`.
    pub start: String,
    /// Last day of the contract year (inclusive), `"YYYY-MM-DD"`.
    pub end: String,
    /// The rule version whose amount applies to this year.
    pub rules_id: String,
    /// `None` when the amount is not published.
    pub amount: Option<Amount>,
    /// From year 3 the amount is a maximum, modulated by the objective's achievement.
    pub maximum: bool,
    pub confidence: Grade,
}

impl From<AnneeContrat> for AidYear {
    fn from(a: AnneeContrat) -> Self {
        let AnneeContrat {
            year,
            start,
            end,
            rules_id,
            amount,
            maximum,
            confidence,
        } = a;
        AidYear {
            year,
            start: iso(start),
            end: iso(end),
            rules_id,
            amount: amount.map(Amount),
            maximum,
            confidence: confidence.into(),
        }
    }
}

/// Target for one activity indicator.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ObjectiveTarget {
    pub indicator: Indicator,
    /// Starting value, when given.
    pub baseline: Option<u32>,
    /// Value to reach; `None` when to confirm with the CPAM or the baseline is missing.
    pub target: Option<u32>,
}

impl From<Cible> for ObjectiveTarget {
    fn from(c: Cible) -> Self {
        let Cible {
            indicator,
            baseline,
            target,
        } = c;
        ObjectiveTarget {
            indicator: indicator.into(),
            baseline,
            target,
        }
    }
}

/// The objective (engagement) of a contract option.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Objective {
    pub status: ObjectiveStatus,
    pub kind: ObjectiveKind,
    /// Required increase ("0.25" = +25 %), for `hausse`.
    pub increase: Option<Ratio>,
    pub indicators: Vec<ObjectiveTarget>,
    /// `"YYYY-MM-DD"`.
    pub deadline: Option<String>,
    pub confidence: Grade,
    pub message_fr: String,
    pub message_en: String,
    pub references: Vec<String>,
}

impl From<Objectif> for Objective {
    fn from(o: Objectif) -> Self {
        let Objectif {
            status,
            kind,
            increase,
            indicators,
            deadline,
            confidence,
            message_fr,
            message_en,
            references,
        } = o;
        Objective {
            status: status.into(),
            kind: kind.into(),
            increase: increase.map(Ratio),
            indicators: indicators.into_iter().map(Into::into).collect(),
            deadline: deadline.map(iso),
            confidence: confidence.into(),
            message_fr,
            message_en,
            references,
        }
    }
}

/// One contract option for this doctor.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OptionResult {
    pub option: ContractOption,
    pub label_fr: String,
    pub label_en: String,
    pub available: bool,
    pub unavailable_reasons: Vec<Reason>,
    /// Aid for contract years 1–5 (empty when the option is unavailable, and in ALD or with
    /// RQTH, where the CPAM sets the aid).
    pub aid: Vec<AidYear>,
    /// `None` when unavailable or when a year's amount is not published.
    pub total: Option<Amount>,
    /// `None` when unavailable, and in ALD or with RQTH (the CPAM sets the objective).
    pub objective: Option<Objective>,
    /// In ALD or with RQTH only: the version's standard table, as information, never as this
    /// doctor's aid (the CPAM sets the contract). `None` otherwise.
    pub standard_table_for_information: Option<Vec<AidYear>>,
}

impl From<OptionResultat> for OptionResult {
    fn from(o: OptionResultat) -> Self {
        let OptionResultat {
            option,
            label_fr,
            label_en,
            available,
            unavailable_reasons,
            aid,
            total,
            objective,
            standard_table_for_information,
        } = o;
        OptionResult {
            option: option.into(),
            label_fr: label_fr.to_owned(),
            label_en: label_en.to_owned(),
            available,
            unavailable_reasons: unavailable_reasons.into_iter().map(Into::into).collect(),
            aid: aid.into_iter().map(Into::into).collect(),
            total: total.map(Amount),
            objective: objective.map(Into::into),
            standard_table_for_information: standard_table_for_information
                .map(|a| a.into_iter().map(Into::into).collect()),
        }
    }
}

/// One condition of the second-assistant question.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Condition {
    pub code: String,
    pub satisfied: bool,
    pub message_fr: String,
    pub message_en: String,
    pub references: Vec<String>,
    pub confidence: Grade,
}

impl From<CoreCondition> for Condition {
    fn from(c: CoreCondition) -> Self {
        let CoreCondition {
            code,
            satisfied,
            message_fr,
            message_en,
            references,
            confidence,
        } = c;
        Condition {
            code: code.to_owned(),
            satisfied,
            message_fr,
            message_en,
            references,
            confidence: confidence.into(),
        }
    }
}

/// A second-assistant option (1.5 or 2 FTE in all).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SecondAssistantOption {
    /// "1.5" or "2".
    pub fte: String,
    /// Not published: `None` until the rule data has it.
    pub amount: Option<Amount>,
    pub confidence: Grade,
}

impl From<OptionSecondAssistant> for SecondAssistantOption {
    fn from(o: OptionSecondAssistant) -> Self {
        let OptionSecondAssistant {
            fte,
            amount,
            confidence,
        } = o;
        SecondAssistantOption {
            fte: fte.to_owned(),
            amount: amount.map(Amount),
            confidence: confidence.into(),
        }
    }
}

/// The answer to the second-assistant question.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SecondAssistant {
    pub status: SecondAssistantStatus,
    pub conditions: Vec<Condition>,
    pub options: Vec<SecondAssistantOption>,
    pub message_fr: String,
    pub message_en: String,
}

impl From<CoreSecondAssistant> for SecondAssistant {
    fn from(s: CoreSecondAssistant) -> Self {
        let CoreSecondAssistant {
            status,
            conditions,
            options,
            message_fr,
            message_en,
        } = s;
        SecondAssistant {
            status: status.into(),
            conditions: conditions.into_iter().map(Into::into).collect(),
            options: options.into_iter().map(Into::into).collect(),
            message_fr,
            message_en,
        }
    }
}

/// A warning attached to a result (grade-C or unpublished value, assumption…).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Caveat {
    /// Stable caveat code ("montant_maximal_module", "valeur_non_publiee"…).
    pub code: String,
    /// The rule parameter concerned, when there is one.
    pub parameter: Option<String>,
    pub confidence: Grade,
    pub message_fr: String,
    pub message_en: String,
    pub references: Vec<String>,
}

impl From<Avertissement> for Caveat {
    fn from(a: Avertissement) -> Self {
        let Avertissement {
            code,
            parameter,
            confidence,
            message_fr,
            message_en,
            references,
        } = a;
        Caveat {
            code: code.to_owned(),
            parameter,
            confidence: confidence.into(),
            message_fr,
            message_en,
            references,
        }
    }
}

/// Information worth showing with a result but not computed (assistant qualification, payment
/// timing…).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Notice {
    pub id: String,
    /// Ids of the rule versions it applies to.
    pub versions: Vec<String>,
    pub grade: Grade,
    pub references: Vec<String>,
    pub text_fr: String,
    pub text_en: String,
}

impl From<CoreNotice> for Notice {
    fn from(n: CoreNotice) -> Self {
        let CoreNotice {
            id,
            versions,
            grade,
            references,
            text_fr,
            text_en,
        } = n;
        Notice {
            id,
            versions,
            grade: grade.into(),
            references,
            text_fr,
            text_en,
        }
    }
}

/// A cited source or legal text.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Reference {
    /// Source id ("S10"…), as cited by reasons, objectives and caveats.
    pub id: String,
    pub title: String,
    pub article: Option<String>,
    pub url: String,
    pub date: String,
    pub kind: String,
}

impl From<ReferenceCitee> for Reference {
    fn from(r: ReferenceCitee) -> Self {
        let ReferenceCitee { id, reference } = r;
        let assistmed_core::rules::Reference {
            title,
            article,
            url,
            date,
            kind,
        } = reference;
        Reference {
            id,
            title,
            article,
            url,
            date,
            kind,
        }
    }
}

/// The full answer for one situation.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Assessment {
    pub rules: RuleVersionApplied,
    /// The situation as validated (defaults filled in).
    pub situation: Situation,
    pub eligibility: Eligibility,
    pub percentile: Option<Percentile>,
    pub options: Vec<OptionResult>,
    pub second_assistant: Option<SecondAssistant>,
    pub caveats: Vec<Caveat>,
    /// Conditions worth knowing, not computed.
    pub notices: Vec<Notice>,
    pub references: Vec<Reference>,
    pub disclaimer_fr: String,
    pub disclaimer_en: String,
}

impl From<Evaluation> for Assessment {
    fn from(e: Evaluation) -> Self {
        let Evaluation {
            rules,
            situation,
            eligibility,
            percentile,
            options,
            second_assistant,
            caveats,
            notices,
            references,
            disclaimer_fr,
            disclaimer_en,
        } = e;
        Assessment {
            rules: rules.into(),
            situation: situation.into(),
            eligibility: eligibility.into(),
            percentile: percentile.map(Into::into),
            options: options.into_iter().map(Into::into).collect(),
            second_assistant: second_assistant.map(Into::into),
            caveats: caveats.into_iter().map(Into::into).collect(),
            notices: notices.into_iter().map(Into::into).collect(),
            references: references.into_iter().map(Into::into).collect(),
            disclaimer_fr: disclaimer_fr.to_owned(),
            disclaimer_en: disclaimer_en.to_owned(),
        }
    }
}

/// The years and amounts of one contract, from its start.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Timeline {
    /// The version the contract is signed under.
    pub rules: RuleVersionApplied,
    pub option: ContractOption,
    /// `"YYYY-MM-DD"`.
    pub start: String,
    /// The version governing the contract (by signature date).
    pub signature_rules_id: String,
    pub row: AmountRow,
    pub years: Vec<AidYear>,
    pub total: Option<Amount>,
    pub caveats: Vec<Caveat>,
    pub references: Vec<Reference>,
}

impl From<Chronologie> for Timeline {
    fn from(c: Chronologie) -> Self {
        let Chronologie {
            rules,
            echeancier,
            caveats,
            references,
        } = c;
        let Echeancier {
            option,
            start,
            signature_rules_id,
            row,
            years,
            total,
        } = echeancier;
        Timeline {
            rules: rules.into(),
            option: option.into(),
            start: iso(start),
            signature_rules_id,
            row: row.into(),
            years: years.into_iter().map(Into::into).collect(),
            total: total.map(Amount),
            caveats: caveats.into_iter().map(Into::into).collect(),
            references: references.into_iter().map(Into::into).collect(),
        }
    }
}

/// A medical specialty of the Assurance Maladie nomenclature.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Specialty {
    /// Two-digit code ("01").
    pub code: String,
    /// French name.
    pub name: String,
    pub name_en: String,
    pub group: SpecialtyGroup,
    pub references: Vec<String>,
}

impl From<&Specialite> for Specialty {
    fn from(s: &Specialite) -> Self {
        let Specialite {
            code,
            name,
            name_en,
            group,
            references,
        } = s;
        Specialty {
            code: code.clone(),
            name: name.clone(),
            name_en: name_en.clone(),
            group: (*group).into(),
            references: references.clone(),
        }
    }
}

/// A legal version of the scheme: governs contracts signed in `[start, end_exclusive)`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RuleVersion {
    pub id: String,
    pub title_fr: String,
    pub title_en: String,
    /// `"YYYY-MM-DD"`.
    pub start: String,
    /// `"YYYY-MM-DD"`; `None` while in force.
    pub end_exclusive: Option<String>,
    pub references: Vec<String>,
    pub grade: Grade,
    /// Whether its amounts also apply to running contracts signed earlier, from their first
    /// anniversary on or after `start`.
    pub revalues_running_contracts: bool,
    pub note: String,
}

impl From<&Version> for RuleVersion {
    fn from(v: &Version) -> Self {
        let Version {
            id,
            title_fr,
            title_en,
            start,
            end_exclusive,
            references,
            grade,
            revalues_running_contracts,
            note,
        } = v;
        RuleVersion {
            id: id.clone(),
            title_fr: title_fr.clone(),
            title_en: title_en.clone(),
            start: iso(start),
            end_exclusive: end_exclusive.as_ref().map(iso),
            references: references.clone(),
            grade: (*grade).into(),
            revalues_running_contracts: *revalues_running_contracts,
            note: note.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inputs are sent to the core with its `code()`, outputs read with serde: both must agree.
    #[test]
    fn core_codes_equal_the_json_codes() {
        for s in Secteur::TOUTES {
            let v = Sector::from(*s);
            assert_eq!(
                (v.json_code(), v.code()),
                (s.code().into(), s.code().into())
            );
        }
        for z in CoreZone::TOUTES {
            let v = Zone::from(*z);
            assert_eq!(
                (v.json_code(), v.code()),
                (z.code().into(), z.code().into())
            );
        }
        for p in Exercice::TOUTES {
            let v = Practice::from(*p);
            assert_eq!(
                (v.json_code(), v.code()),
                (p.code().into(), p.code().into())
            );
        }
        for t in Tranche::TOUTES {
            let v = PercentileBand::from(*t);
            assert_eq!(
                (v.json_code(), v.code()),
                (t.code().into(), t.code().into())
            );
        }
        for f in Formule::TOUTES {
            let v = ContractOption::from(*f);
            assert_eq!(
                (v.json_code(), v.code()),
                (f.code().into(), f.code().into())
            );
        }
        for g in [Grade::A, Grade::B, Grade::C, Grade::Gap] {
            assert_eq!(g.code(), g.json_code());
        }
        assert_eq!(Grade::Gap.code(), "GAP");
        assert_eq!(Indicator::PatienteleMt.json_code(), "patientele_mt");
        assert_eq!(AmountRow::P90P94.json_code(), "p90_p94");
    }
}
