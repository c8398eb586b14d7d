//! [`AppModel`]: the whole state of the demo apps (core `app` module), as one object. The apps
//! send the user's actions (`Evenement`) and draw the `VueApp` they get back; they store the
//! files [`AppModel::take_writes`] hands them and give them back to [`AppModel::new`] at the
//! next start. Every text of the view is in the chosen language: the apps format nothing.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;

use assistmed_core::app::{self as core_app, Application, Ecriture, Evenement, VueApp};
use assistmed_core::bundle::RuleStore as CoreStore;

use crate::AssistmedError;

/// The names of the files the app stores for the core (read them all at start-up).
#[uniffi::export]
pub fn app_file_names() -> Vec<String> {
    core_app::FICHIERS.iter().map(|s| (*s).to_owned()).collect()
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
    /// Starts from the files the app stored (name → bytes, names from `app_file_names`),
    /// `today` (pre-fills the signature date) and the device language ("fr", "en-GB"…).
    #[uniffi::constructor]
    pub fn new(
        files: HashMap<String, Vec<u8>>,
        today: Option<NaiveDate>,
        language: String,
    ) -> Result<Arc<Self>, AssistmedError> {
        let langue = core_app::langue_de(&language);
        let store = CoreStore::embarque().map_err(|e| AssistmedError::en(e, langue))?;
        let app = Application::demarrer(store, &files, today, langue);
        Ok(Arc::new(AppModel {
            state: Mutex::new(app),
        }))
    }

    /// The view of the current state.
    pub fn view(&self) -> VueApp {
        self.state().vue()
    }

    /// Handles one user action and returns the new view.
    pub fn send(&self, event: Evenement) -> VueApp {
        let mut s = self.state();
        s.traiter(event);
        s.vue()
    }

    /// The files to write or delete since the last call (store them as opaque bytes).
    pub fn take_writes(&self) -> Vec<Ecriture> {
        self.state().ecritures()
    }
}
