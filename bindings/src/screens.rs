//! Records of the screen logic the core shares with both apps: the questionnaire (which questions,
//! in which order, pre-filled and validated) and the view model of the result screen.
//!
//! Field names are the core's (`assistmed_core::questionnaire`); conversions destructure the core
//! types without `..`, so a field added to the core is a compile error here until the FFI has it.

use assistmed_core::questionnaire::{
    CelluleAide, Choix, LigneFormule, MessageValidation, Question as CoreQuestion,
    Questionnaire as CoreQuestionnaire, Reponses, TypeQuestion, Verdict as CoreVerdict,
    VueResultat,
};

use crate::error::AssistmedError;
use crate::money::Amount;
use crate::types::{
    iso, Caveat, ContractOption, EligibilityStatus, Notice, Reason, Reference, RuleVersionApplied,
};

/// One answer of the questionnaire, as the app stores it: the question id and the value as text
/// (dates `"YYYY-MM-DD"`, whole numbers, percentages 0–100, `"true"`/`"false"`, choice codes).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Answer {
    pub id: String,
    pub value: String,
}

/// The answers keyed by question id (a later answer to the same question wins).
pub(crate) fn answers_map(answers: Vec<Answer>) -> Reponses {
    answers.into_iter().map(|a| (a.id, a.value)).collect()
}

/// Kind of answer a question expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum QuestionKind {
    /// One of `choices` (its `value`).
    Choice,
    /// A whole number between `min` and `max`.
    Count,
    /// A percentage between `min` and `max` (0–100).
    Percentage,
    /// A date, `"YYYY-MM-DD"`.
    Date,
    /// `"true"` or `"false"` (also listed in `choices`, with labels).
    YesNo,
}

impl From<TypeQuestion> for QuestionKind {
    fn from(t: TypeQuestion) -> Self {
        match t {
            TypeQuestion::Choice => QuestionKind::Choice,
            TypeQuestion::Count => QuestionKind::Count,
            TypeQuestion::Percentage => QuestionKind::Percentage,
            TypeQuestion::Date => QuestionKind::Date,
            TypeQuestion::YesNo => QuestionKind::YesNo,
        }
    }
}

/// An allowed value of a choice (or yes/no) question.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Choice {
    /// The code to store as the answer.
    pub value: String,
    pub label_fr: String,
    pub label_en: String,
}

impl From<Choix> for Choice {
    fn from(c: Choix) -> Self {
        let Choix {
            value,
            label_fr,
            label_en,
        } = c;
        Choice {
            value,
            label_fr,
            label_en,
        }
    }
}

/// Why an answer is not accepted ("hors_bornes", "nombre_attendu", "date_invalide"…).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ValidationMessage {
    pub code: String,
    pub message_fr: String,
    pub message_en: String,
}

impl From<MessageValidation> for ValidationMessage {
    fn from(m: MessageValidation) -> Self {
        let MessageValidation {
            code,
            message_fr,
            message_en,
        } = m;
        ValidationMessage {
            code: code.to_owned(),
            message_fr,
            message_en,
        }
    }
}

/// One question, as the apps render it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Question {
    /// Stable id, the key of its [`Answer`] ("signature_date", "patientele_mt",
    /// "current_contract.start"…).
    pub id: String,
    pub kind: QuestionKind,
    pub label_fr: String,
    pub label_en: String,
    pub help_fr: String,
    pub help_en: String,
    pub required: bool,
    /// Allowed values of a choice or yes/no question (empty otherwise).
    pub choices: Vec<Choice>,
    /// Bounds of a count or percentage.
    pub min: Option<i64>,
    pub max: Option<i64>,
    /// The current answer, or the default the app should pre-fill.
    pub answer: Option<String>,
    /// `answer` is a default the app pre-fills, not an answer the doctor gave.
    pub prefilled: bool,
    /// Why the current answer is not accepted.
    pub error: Option<ValidationMessage>,
}

impl From<CoreQuestion> for Question {
    fn from(q: CoreQuestion) -> Self {
        let CoreQuestion {
            id,
            kind,
            label_fr,
            label_en,
            help_fr,
            help_en,
            required,
            choices,
            min,
            max,
            answer,
            prefilled,
            error,
        } = q;
        Question {
            id: id.to_owned(),
            kind: kind.into(),
            label_fr: label_fr.to_owned(),
            label_en: label_en.to_owned(),
            help_fr: help_fr.to_owned(),
            help_en: help_en.to_owned(),
            required,
            choices: choices.into_iter().map(Into::into).collect(),
            min,
            max,
            answer,
            prefilled,
            error: error.map(Into::into),
        }
    }
}

/// The ordered questions for the current answers.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Questionnaire {
    pub questions: Vec<Question>,
    /// Every visible required question has a valid answer: `result_view` will succeed.
    pub complete: bool,
    /// Ids of the questions still to answer or to fix, in screen order.
    pub pending: Vec<String>,
    /// Why the simulation cannot run when no question is at fault (e.g. broken rule data).
    pub blocking_error: Option<ValidationMessage>,
    /// The rule version the answers fall under, once the date is known.
    pub rules_id: Option<String>,
}

impl From<CoreQuestionnaire> for Questionnaire {
    fn from(q: CoreQuestionnaire) -> Self {
        let CoreQuestionnaire {
            questions,
            complete,
            pending,
            blocking_error,
            rules_id,
        } = q;
        Questionnaire {
            questions: questions.into_iter().map(Into::into).collect(),
            complete,
            pending: pending.into_iter().map(str::to_owned).collect(),
            blocking_error: blocking_error.map(Into::into),
            rules_id,
        }
    }
}

/// The verdict, worded for the result screen (never colour-only: a symbol and a title).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Verdict {
    pub status: EligibilityStatus,
    /// "✓", "✗" or "→".
    pub symbol: String,
    pub title_fr: String,
    pub title_en: String,
}

impl From<CoreVerdict> for Verdict {
    fn from(v: CoreVerdict) -> Self {
        let CoreVerdict {
            status,
            symbol,
            title_fr,
            title_en,
        } = v;
        Verdict {
            status: status.into(),
            symbol: symbol.to_owned(),
            title_fr: title_fr.to_owned(),
            title_en: title_en.to_owned(),
        }
    }
}

/// One cell of the options × years table.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AidCell {
    /// Contract year, 1 to 5.
    pub year: u32,
    /// `None` when the amount is not published.
    pub amount: Option<Amount>,
    /// From year 3 the amount is a maximum, modulated by the objective's achievement.
    pub maximum: bool,
    /// The amount comes from a later rule version (running contract revalued).
    pub revalued: bool,
    pub rules_id: String,
}

impl TryFrom<CelluleAide> for AidCell {
    type Error = AssistmedError;

    fn try_from(c: CelluleAide) -> Result<Self, AssistmedError> {
        let CelluleAide {
            year,
            amount: montant,
            maximum,
            revalued,
            rules_id,
        } = c;
        Ok(AidCell {
            year,
            amount: montant.map(Amount),
            maximum,
            revalued,
            rules_id,
        })
    }
}

/// One row of the table: a contract option.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OptionRow {
    pub option: ContractOption,
    pub label_fr: String,
    pub label_en: String,
    pub available: bool,
    /// Why the option is unavailable (the first reason).
    pub unavailable_fr: Option<String>,
    pub unavailable_en: Option<String>,
    /// Years 1–5 (empty when unavailable).
    pub cells: Vec<AidCell>,
    pub total: Option<Amount>,
    pub objective_fr: Option<String>,
    pub objective_en: Option<String>,
    /// The objective is to confirm with the CPAM.
    pub objective_to_confirm: bool,
    /// Targets as "indicator: start → target" lines.
    pub targets_fr: Vec<String>,
    pub targets_en: Vec<String>,
    /// Objective deadline, `"YYYY-MM-DD"`.
    pub deadline: Option<String>,
}

impl TryFrom<LigneFormule> for OptionRow {
    type Error = AssistmedError;

    fn try_from(l: LigneFormule) -> Result<Self, AssistmedError> {
        let LigneFormule {
            option,
            label_fr,
            label_en,
            available,
            unavailable_fr,
            unavailable_en,
            cells,
            total,
            objective_fr,
            objective_en,
            objective_to_confirm,
            targets_fr,
            targets_en,
            deadline,
        } = l;
        Ok(OptionRow {
            option: option.into(),
            label_fr: label_fr.to_owned(),
            label_en: label_en.to_owned(),
            available,
            unavailable_fr,
            unavailable_en,
            cells: cells
                .into_iter()
                .map(TryInto::try_into)
                .collect::<Result<_, _>>()?,
            total: total.map(Amount),
            objective_fr,
            objective_en,
            objective_to_confirm,
            targets_fr,
            targets_en,
            deadline: deadline.map(iso),
        })
    }
}

/// What the result screen shows.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ResultView {
    pub verdict: Verdict,
    pub rules: RuleVersionApplied,
    /// Why the verdict was reached.
    pub reasons: Vec<Reason>,
    /// The options × years table.
    pub options: Vec<OptionRow>,
    pub second_assistant_fr: Option<String>,
    pub second_assistant_en: Option<String>,
    pub caveats: Vec<Caveat>,
    pub notices: Vec<Notice>,
    pub references: Vec<Reference>,
    pub disclaimer_fr: String,
    pub disclaimer_en: String,
}

impl TryFrom<VueResultat> for ResultView {
    type Error = AssistmedError;

    fn try_from(v: VueResultat) -> Result<Self, AssistmedError> {
        let VueResultat {
            verdict,
            rules,
            reasons,
            options,
            second_assistant_fr,
            second_assistant_en,
            caveats,
            notices,
            references,
            disclaimer_fr,
            disclaimer_en,
        } = v;
        Ok(ResultView {
            verdict: verdict.into(),
            rules: rules.into(),
            reasons: reasons.into_iter().map(Into::into).collect(),
            options: options
                .into_iter()
                .map(TryInto::try_into)
                .collect::<Result<_, _>>()?,
            second_assistant_fr,
            second_assistant_en,
            caveats: caveats.into_iter().map(Into::into).collect(),
            notices: notices.into_iter().map(Into::into).collect(),
            references: references.into_iter().map(Into::into).collect(),
            disclaimer_fr: disclaimer_fr.to_owned(),
            disclaimer_en: disclaimer_en.to_owned(),
        })
    }
}
