//! [`AppModel`]: the whole app state of the demo apps (core `app` module), as one object. The
//! apps send the user's actions ([`AppEvent`]) and draw the [`AppView`] they get back; they store
//! the files [`AppModel::take_writes`] hands them and give them back to [`AppModel::new`] at the
//! next start. Every text of the view is in the chosen language: the apps format nothing.
//!
//! The records here are read-only for the apps (Swift and Kotlin never construct them); the
//! conversions destructure the core types without `..`, so a field added to the core is a
//! compile error here until the FFI has it.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};

use assistmed_core::app::{self as core_app, Application, Ecran, Evenement};
use assistmed_core::bundle::RuleStore as CoreStore;
use assistmed_core::situation::lire_date;

use crate::economie::{EconomicsOptionView, EconomicsRow, EconomicsView};
use crate::error::AssistmedError;
use crate::screens::QuestionKind;
use crate::types::EligibilityStatus;

/// The names of the files the app stores for the core (read them all at start-up).
#[uniffi::export]
pub fn app_file_names() -> Vec<String> {
    core_app::FICHIERS.iter().map(|s| (*s).to_owned()).collect()
}

/// The screens of the apps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Screen {
    Questionnaire,
    Result,
    Comparison,
    LegalBasis,
    About,
    /// « Coût net »: the economics of hiring for the answers (needs a result).
    NetCost,
    /// « Mon contrat »: a running contract kept on the device.
    MyContract,
}

impl From<Ecran> for Screen {
    fn from(e: Ecran) -> Self {
        match e {
            Ecran::Questionnaire => Screen::Questionnaire,
            Ecran::Resultat => Screen::Result,
            Ecran::Comparaison => Screen::Comparison,
            Ecran::BaseLegale => Screen::LegalBasis,
            Ecran::APropos => Screen::About,
            Ecran::CoutNet => Screen::NetCost,
            Ecran::MonContrat => Screen::MyContract,
        }
    }
}

impl From<Screen> for Ecran {
    fn from(e: Screen) -> Self {
        match e {
            Screen::Questionnaire => Ecran::Questionnaire,
            Screen::Result => Ecran::Resultat,
            Screen::Comparison => Ecran::Comparaison,
            Screen::LegalBasis => Ecran::BaseLegale,
            Screen::About => Ecran::APropos,
            Screen::NetCost => Ecran::CoutNet,
            Screen::MyContract => Ecran::MonContrat,
        }
    }
}

/// One user action.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum AppEvent {
    /// A tap on a choice or a keystroke in a field (`None` or blank clears the answer): the
    /// questionnaire's, the net-cost salary's and the contract form's fields alike.
    Answer {
        id: String,
        value: Option<String>,
    },
    /// Keeps a pre-filled answer (the signature date) as the doctor's own.
    ConfirmPrefilled {
        id: String,
    },
    ShowResult,
    Open {
        screen: Screen,
    },
    /// The back button or gesture (also dismisses a confirmation dialog).
    Back,
    /// « Nouvelle simulation »: opens the confirmation dialog.
    NewSimulation,
    Confirm,
    Cancel,
    /// The device language ("fr", "en-GB"…).
    Language {
        code: String,
    },
    /// Files the user picked to import a rule update: display name → bytes.
    ImportRules {
        files: HashMap<String, Vec<u8>>,
    },
}

impl From<AppEvent> for Evenement {
    fn from(e: AppEvent) -> Self {
        match e {
            AppEvent::Answer { id, value } => Evenement::Repondre { id, valeur: value },
            AppEvent::ConfirmPrefilled { id } => Evenement::ConfirmerPrerempli { id },
            AppEvent::ShowResult => Evenement::VoirResultat,
            AppEvent::Open { screen } => Evenement::Ouvrir(screen.into()),
            AppEvent::Back => Evenement::Retour,
            AppEvent::NewSimulation => Evenement::NouvelleSimulation,
            AppEvent::Confirm => Evenement::Confirmer,
            AppEvent::Cancel => Evenement::Annuler,
            AppEvent::Language { code } => Evenement::Langue(code),
            AppEvent::ImportRules { files } => {
                // Sorted by name: the same outcome whatever order the picker gave.
                let sorted: BTreeMap<String, Vec<u8>> = files.into_iter().collect();
                Evenement::ImporterRegles(sorted.into_iter().collect())
            }
        }
    }
}

/// A file to write (`bytes`) or delete (`bytes == None`) in the app's private storage.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FileWrite {
    pub name: String,
    pub bytes: Option<Vec<u8>>,
}

/// The app state. Thread-safe (one lock); every call takes well under a millisecond.
#[derive(Debug, uniffi::Object)]
pub struct AppModel {
    state: Mutex<Application>,
}

impl AppModel {
    fn state(&self) -> MutexGuard<'_, Application> {
        // A poisoned lock only means an earlier call panicked; the state itself is whole.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[uniffi::export]
impl AppModel {
    /// Starts from the files the app stored (name → bytes, names from [`app_file_names`]),
    /// `today` ("YYYY-MM-DD", pre-fills the signature date) and the device language.
    #[uniffi::constructor]
    pub fn new(
        files: HashMap<String, Vec<u8>>,
        today: Option<String>,
        language: String,
    ) -> Result<Arc<Self>, AssistmedError> {
        let today = today
            .map(|t| lire_date("today", &t))
            .transpose()
            .map_err(AssistmedError::from)?;
        let files: BTreeMap<String, Vec<u8>> = files.into_iter().collect();
        let app = Application::demarrer(
            CoreStore::embarque()?,
            &files,
            today,
            core_app::langue_de(&language),
        );
        Ok(Arc::new(AppModel {
            state: Mutex::new(app),
        }))
    }

    /// The view of the current state.
    pub fn view(&self) -> AppView {
        self.state().vue().into()
    }

    /// Handles one user action and returns the new view.
    pub fn send(&self, event: AppEvent) -> AppView {
        let mut s = self.state();
        s.traiter(event.into());
        s.vue().into()
    }

    /// The files to write or delete since the last call (store them as opaque bytes).
    pub fn take_writes(&self) -> Vec<FileWrite> {
        self.state()
            .ecritures()
            .into_iter()
            .map(|e| FileWrite {
                name: e.nom.to_owned(),
                bytes: e.octets,
            })
            .collect()
    }
}

macro_rules! mirror {
    ($(#[$m:meta])* $name:ident <= $core:ident { $($(#[$fm:meta])* $f:ident : $t:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
        pub struct $name { $($(#[$fm])* pub $f: $t),* }

        impl From<core_app::$core> for $name {
            fn from(v: core_app::$core) -> Self {
                let core_app::$core { $($f),* } = v;
                $name { $($f: Conv::conv($f)),* }
            }
        }
    };
}

/// Field conversion core → FFI (identity for plain data, `Into` inside containers).
trait Conv<T> {
    fn conv(self) -> T;
}

impl<T> Conv<T> for T {
    fn conv(self) -> T {
        self
    }
}

macro_rules! conv_into {
    ($($c:ty => $f:ty),* $(,)?) => {$(
        impl Conv<$f> for $c {
            fn conv(self) -> $f {
                self.into()
            }
        }
        impl Conv<Option<$f>> for Option<$c> {
            fn conv(self) -> Option<$f> {
                self.map(Into::into)
            }
        }
        impl Conv<Vec<$f>> for Vec<$c> {
            fn conv(self) -> Vec<$f> {
                self.into_iter().map(Into::into).collect()
            }
        }
    )*};
}

conv_into! {
    Ecran => Screen,
    assistmed_core::questionnaire::TypeQuestion => QuestionKind,
    assistmed_core::Statut => EligibilityStatus,
    core_app::VueConfirmation => ConfirmationView,
    core_app::VueLigne => LineView,
    core_app::VueQuestionnaire => QuestionnaireView,
    core_app::VueChoix => ChoiceView,
    core_app::VueQuestion => QuestionView,
    core_app::VueVerdict => VerdictView,
    core_app::VueMontant => AmountLineView,
    core_app::VueOption => OptionView,
    core_app::VueSection => SectionView,
    core_app::VueResultatApp => ResultScreenView,
    core_app::VueLigneComparaison => ComparisonRowView,
    core_app::VueNotes => NotesView,
    core_app::VueComparaison => ComparisonView,
    core_app::VueReference => ReferenceView,
    core_app::VueBaseLegale => LegalBasisView,
    core_app::VueVersion => VersionView,
    core_app::VueAPropos => AboutView,
    core_app::VueCoutNet => NetCostView,
    core_app::VueMonContrat => MyContractView,
    core_app::VueSuiviApp => ContractStatusView,
    core_app::VueIndicateur => IndicatorProgressView,
    core_app::VueVerdictContrat => ContractVerdictView,
}

/// The economics screen of the core, as `RuleStore.economicsView` gives it.
impl Conv<Option<EconomicsView>> for Option<assistmed_core::economie::VueEconomie> {
    fn conv(self) -> Option<EconomicsView> {
        use assistmed_core::economie::{VueEconomie, VueLigne, VueOption};
        let ligne = |r: VueLigne| {
            let VueLigne {
                year,
                period,
                aid,
                employer_cost,
                net,
                break_even,
                confidence,
                spoken,
            } = r;
            EconomicsRow {
                year,
                period,
                aid,
                employer_cost,
                net,
                break_even,
                confidence: confidence.into(),
                spoken,
            }
        };
        self.map(|v| {
            let VueEconomie {
                title,
                columns,
                options,
                assumptions,
                caveats,
                second_assistant,
                references,
                disclaimer,
            } = v;
            EconomicsView {
                title,
                columns,
                options: options
                    .into_iter()
                    .map(|o| {
                        let VueOption {
                            option,
                            title,
                            salary,
                            rows,
                            total,
                            break_even,
                        } = o;
                        EconomicsOptionView {
                            option: option.into(),
                            title,
                            salary,
                            rows: rows.into_iter().map(ligne).collect(),
                            total: ligne(total),
                            break_even,
                        }
                    })
                    .collect(),
                assumptions,
                caveats,
                second_assistant,
                references,
                disclaimer,
            }
        })
    }
}

mirror! {
    /// Everything the app draws, every text in the chosen language.
    AppView <= VueApp {
        screen: Screen,
        /// Title of the top bar.
        title: String,
        /// Label of the back action, when there is somewhere to go back to.
        back: Option<String>,
        /// Top-bar actions of the current screen (their label when shown).
        new_simulation: Option<String>,
        edit: Option<String>,
        about: Option<String>,
        /// Opens « Mon contrat » (send `Open { MyContract }`).
        my_contract: Option<String>,
        /// A destructive action waiting for confirmation: show a dialog.
        confirmation: Option<ConfirmationView>,
        questionnaire: QuestionnaireView,
        result: Option<ResultScreenView>,
        comparison: Option<ComparisonView>,
        legal_basis: Option<LegalBasisView>,
        about_screen: AboutView,
        /// « Coût net », while it is open.
        net_cost: Option<NetCostView>,
        /// « Mon contrat »: the form and, once valid, the contract's status.
        contract: MyContractView,
    }
}

mirror! {
    /// « Coût net »: the salary field (send `Answer { id: salary.id }`) and the core's
    /// economics screen (½ ETP and 1 ETP side by side), or why it cannot be computed.
    NetCostView <= VueCoutNet {
        intro: String,
        salary: QuestionView,
        economics: Option<EconomicsView>,
        error: Option<String>,
    }
}

mirror! {
    /// « Mon contrat »: the form (ids `contrat.*`, sent as `Answer`s; the core saves a valid
    /// contract as one more file) and the contract's status once it is valid.
    MyContractView <= VueMonContrat {
        intro: String,
        questions: Vec<QuestionView>,
        /// An error of the contract not tied to one field.
        error: Option<String>,
        contract: Option<ContractStatusView>,
    }
}

mirror! {
    ContractStatusView <= VueSuiviApp {
        title: String,
        contract_year: u32,
        /// « 3e année du contrat (du … au …), au … ».
        year: String,
        indicators: Vec<IndicatorProgressView>,
        verdict: ContractVerdictView,
        assessment: String,
        outlook_title: String,
        /// Each year-3+ amount: the maximum if met, else modulated, the usual reading labelled.
        outlook: Vec<LineView>,
        caveats: Vec<LineView>,
        disclaimer: String,
    }
}

mirror! {
    IndicatorProgressView <= VueIndicateur {
        /// "pmt" or "fa".
        indicator: String,
        label: String,
        symbol: String,
        text: String,
        spoken: String,
        /// Exact progress (decimal string), as `RuleStore.track` gives it.
        progress: Option<String>,
        /// Progress within 0–100, for a gauge.
        gauge_percent: Option<u8>,
        reached: bool,
    }
}

mirror! {
    ContractVerdictView <= VueVerdictContrat { met: bool, symbol: String, title: String, rule: String }
}

mirror! {
    ConfirmationView <= VueConfirmation { title: String, message: String, confirm: String, cancel: String }
}

mirror! {
    /// A line with a leading symbol (✓ ✗ → • ! ?); `spoken` is what a screen reader says.
    LineView <= VueLigne { symbol: String, text: String, spoken: String }
}

mirror! {
    QuestionnaireView <= VueQuestionnaire {
        intro: String,
        questions: Vec<QuestionView>,
        /// « Questions à compléter : N (voir la première) ».
        pending: Option<String>,
        /// Id of the first question to answer, fix or confirm.
        first_pending: Option<String>,
        /// Why no result can be computed although no question is at fault.
        blocking: Option<String>,
        show_result: String,
        can_show_result: bool,
    }
}

mirror! {
    ChoiceView <= VueChoix { value: String, label: String, selected: bool }
}

mirror! {
    QuestionView <= VueQuestion {
        id: String,
        kind: QuestionKind,
        label: String,
        help: String,
        /// « Obligatoire » when required.
        required: Option<String>,
        /// Radio buttons (few choices) rather than a drop-down.
        radio: bool,
        choices: Vec<ChoiceView>,
        /// Text of a text field (a date as « JJ/MM/AAAA »).
        value: String,
        /// The answer in words (a choice's label, « 15 janvier 2025 »).
        shown: Option<String>,
        placeholder: String,
        suffix: Option<String>,
        bounds: Option<String>,
        /// Why this pre-filled answer must be confirmed.
        prefilled: Option<String>,
        /// Label of the button that confirms it (send `ConfirmPrefilled`).
        confirm: Option<String>,
        error: Option<String>,
    }
}

mirror! {
    VerdictView <= VueVerdict { status: EligibilityStatus, symbol: String, title: String, rules: String }
}

mirror! {
    /// A label and an amount on one line; `spoken` replaces both for screen readers.
    AmountLineView <= VueMontant { label: String, amount: String, spoken: String }
}

mirror! {
    OptionView <= VueOption {
        label: String,
        available: bool,
        unavailable: Option<LineView>,
        years: Vec<AmountLineView>,
        total: AmountLineView,
        maximum_note: Option<String>,
        objective_title: Option<String>,
        objective: Option<String>,
        targets: Vec<String>,
        to_confirm: Option<String>,
        deadline: Option<String>,
    }
}

mirror! {
    SectionView <= VueSection { title: String, text: String }
}

mirror! {
    ResultScreenView <= VueResultatApp {
        verdict: VerdictView,
        options_title: String,
        options: Vec<OptionView>,
        compare: String,
        net_cost: String,
        legal_basis: String,
        edit: String,
        reasons_title: String,
        reasons: Vec<LineView>,
        second_assistant: Option<SectionView>,
        caveats_title: String,
        caveats: Vec<LineView>,
        notices_title: String,
        notices: Vec<LineView>,
        disclaimer: String,
    }
}

mirror! {
    ComparisonRowView <= VueLigneComparaison { label: String, half: String, full: String, spoken: String }
}

mirror! {
    NotesView <= VueNotes { title: String, lines: Vec<LineView> }
}

mirror! {
    ComparisonView <= VueComparaison {
        year: String,
        half: String,
        full: String,
        rows: Vec<ComparisonRowView>,
        total: ComparisonRowView,
        maximum_note: Option<String>,
        notes: Vec<NotesView>,
    }
}

mirror! {
    ReferenceView <= VueReference { title: String, article: Option<String>, source: String, url: String }
}

mirror! {
    LegalBasisView <= VueBaseLegale { intro: String, references: Vec<ReferenceView> }
}

mirror! {
    VersionView <= VueVersion { title: String, period: String }
}

mirror! {
    AboutView <= VueAPropos {
        offline: String,
        versions_title: String,
        versions: Vec<VersionView>,
        applied: Option<String>,
        provenance_title: String,
        origin: String,
        data_version: String,
        warning: Option<String>,
        import_label: String,
        import_outcome: Option<LineView>,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_in_view_out_and_files_out() -> Result<(), AssistmedError> {
        let m = AppModel::new(HashMap::new(), Some("2026-12-01".into()), "fr-FR".into())?;
        assert_eq!(m.view().screen, Screen::Questionnaire);
        for (id, v) in [
            ("signature_date", "15/01/2025"),
            ("patientele_mt", "1200"),
            ("percentile_band", "p50_p70"),
        ] {
            m.send(AppEvent::Answer {
                id: id.into(),
                value: Some(v.into()),
            });
        }
        let v = m.send(AppEvent::ShowResult);
        assert_eq!(v.screen, Screen::Result);
        let writes = m.take_writes();
        assert!(writes.iter().all(|w| w.name == "simulation.json"));
        let files: HashMap<String, Vec<u8>> = writes
            .into_iter()
            .filter_map(|w| w.bytes.map(|b| (w.name, b)))
            .collect();
        let again = AppModel::new(files, Some("2026-12-02".into()), "en".into())?;
        assert_eq!(again.view().screen, Screen::Result);
        assert_eq!(again.view().title, "Result");
        assert!(AppModel::new(HashMap::new(), Some("2026-13-01".into()), "fr".into()).is_err());
        assert_eq!(app_file_names()[0], "simulation.json");
        Ok(())
    }

    #[test]
    fn net_cost_and_my_contract_screens() -> Result<(), AssistmedError> {
        let m = AppModel::new(HashMap::new(), Some("2026-12-01".into()), "fr".into())?;
        let answer = |id: &str, v: &str| {
            m.send(AppEvent::Answer {
                id: id.into(),
                value: Some(v.into()),
            })
        };
        answer("signature_date", "15/01/2025");
        answer("patientele_mt", "1200");
        answer("percentile_band", "p50_p70");
        m.send(AppEvent::ShowResult);
        let v = m.send(AppEvent::Open {
            screen: Screen::NetCost,
        });
        assert_eq!(v.screen, Screen::NetCost);
        let n = v.net_cost.expect("open");
        assert_eq!(n.economics.map(|e| e.options.len()), Some(2));
        let v = answer(&n.salary.id, "deux mille");
        assert!(v.net_cost.and_then(|n| n.salary.error).is_some());

        m.send(AppEvent::Open {
            screen: Screen::MyContract,
        });
        for (id, v) in [
            ("signature_date", "01/09/2024"),
            ("option", "plein"),
            ("baseline_pmt", "1300"),
            ("target_pmt", "1560"),
            ("current_pmt", "1450"),
        ] {
            answer(&format!("contrat.{id}"), v);
        }
        let c = m.view().contract.contract.expect("valid contract");
        assert_eq!(c.contract_year, 3);
        assert!(!c.verdict.met);
        let writes = m.take_writes();
        let saved = writes
            .iter()
            .rev()
            .find(|w| w.name == "contract/tracked.json");
        assert!(saved.and_then(|w| w.bytes.as_ref()).is_some());
        assert!(app_file_names().contains(&"contract/tracked.json".to_owned()));
        Ok(())
    }
}
