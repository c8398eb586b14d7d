//! The app state both demo apps render (the "crux" way): events in, one view model out, every
//! text already in the chosen language. The apps keep only platform glue: they draw the view
//! model, send the user's taps and keys back as [`Evenement`]s, and store the files of bytes
//! [`Application::ecritures`] hands them (and hand them back at start-up).
//!
//! What lives here, once for both apps: the answers and their saved form, the navigation, the
//! confirmation before erasing, the rule updates (restore at start-up, import of a signed file),
//! and the display texts (amounts « 19 000 € » and their spoken form, dates « 1er septembre
//! 2024 », labels instead of field ids in validation messages).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::bundle::{hex, RuleStore};
use crate::eligibility::Statut;
use crate::error::{CodeErreur, Erreur};
use crate::explain::Effet;
use crate::format::{date_longue, montant, montant_parle};
use crate::questionnaire::{
    ids, questionnaire, vue_resultat, Choix, LigneFormule, Questionnaire, Reponses, TypeQuestion,
    VueResultat,
};
use crate::rules::{OrigineRegles, RuleSet};
use crate::situation::{lire_date, Formule};
use crate::Langue;

mod ecrans;
use ecrans::{EtatContrat, EtatCoutNet};
pub use ecrans::{
    VueCoutNet, VueIndicateur, VueMonContrat, VueSuiviApp, VueVerdictContrat, CHAMP_BRUT,
    PREFIXE_CONTRAT,
};

/// The saved simulation: the doctor's answers (never the pre-filled defaults).
pub const FICHIER_SIMULATION: &str = "simulation.json";
/// The installed rule update: exactly what `RuleStore::exporter` gives.
pub const FICHIER_REGLES: &str = "rules/update.json";
pub const FICHIER_SIGNATURE: &str = "rules/update.sig";
/// The rollback floor: the highest rule-bundle version ever installed, as decimal text. Kept
/// apart from the bundle, so that losing or corrupting the stored bundle cannot reopen the door
/// to an older genuine one (README, trust model).
pub const FICHIER_PLANCHER: &str = "rules/high-water-mark";
/// A stored update that failed its checks at start-up, set aside for diagnosis (never used).
pub const FICHIER_REJETE_REGLES: &str = "rules/rejected.json";
pub const FICHIER_REJETE_SIGNATURE: &str = "rules/rejected.sig";
/// The running contract of « Mon contrat »: exactly what `crate::suivi::enregistrer` gives.
pub const FICHIER_CONTRAT: &str = "contract/tracked.json";
/// Every file the app stores for the core, in the order it should read them back. A new one is
/// one more name here; the apps need no change.
pub const FICHIERS: [&str; 7] = [
    FICHIER_SIMULATION,
    FICHIER_PLANCHER,
    FICHIER_REGLES,
    FICHIER_SIGNATURE,
    FICHIER_REJETE_REGLES,
    FICHIER_REJETE_SIGNATURE,
    FICHIER_CONTRAT,
];

/// The files an app hands back at start-up, by name (`Application::demarrer`): a sorted map or
/// the hash map the SDK receives, as is (sorting it into a B-tree of files costs the library
/// about 4.6 KB).
pub trait FichiersStockes {
    fn fichier(&self, nom: &str) -> Option<&[u8]>;
}

impl FichiersStockes for BTreeMap<String, Vec<u8>> {
    fn fichier(&self, nom: &str) -> Option<&[u8]> {
        self.get(nom).map(Vec::as_slice)
    }
}

impl<S: std::hash::BuildHasher> FichiersStockes for std::collections::HashMap<String, Vec<u8>, S> {
    fn fichier(&self, nom: &str) -> Option<&[u8]> {
        self.get(nom).map(Vec::as_slice)
    }
}

/// The stored high-water mark (0 when absent or unreadable: the bundle's own version and the
/// embedded rules' still bound it from below).
fn lire_plancher(octets: Option<&[u8]>) -> u64 {
    octets
        .and_then(|o| std::str::from_utf8(o).ok())
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(0)
}

fn ecrire_plancher(plancher: u64) -> Ecriture {
    Ecriture {
        nom: FICHIER_PLANCHER.to_string(),
        octets: Some(format!("{plancher}\n").into_bytes()),
    }
}

const FORMAT_CLE: &str = "$format";
const FORMAT: &str = "1";
/// Up to this many choices, radio buttons (one tap); more: a drop-down.
const RADIO_MAX: usize = 3;

fn t(l: Langue, fr: &str, en: &str) -> String {
    match l {
        Langue::Fr => fr.to_owned(),
        Langue::En => en.to_owned(),
    }
}

fn pick<T>(l: Langue, fr: T, en: T) -> T {
    match l {
        Langue::Fr => fr,
        Langue::En => en,
    }
}

/// The language of the texts for a device language code ("fr", "en-GB"…): English only when the
/// device is in English, French otherwise (the app's first language).
pub fn langue_de(code: &str) -> Langue {
    if code.to_ascii_lowercase().starts_with("en") {
        Langue::En
    } else {
        Langue::Fr
    }
}

/// The screens of both apps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Ecran {
    Questionnaire,
    Resultat,
    Comparaison,
    BaseLegale,
    APropos,
    /// « Coût net »: the economics of hiring for the current answers (needs a result).
    CoutNet,
    /// « Mon contrat »: a running contract, kept on the device (reachable without a result).
    MonContrat,
}

/// One user action.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Evenement {
    /// Sets (or, with absent or blank text, clears) the answer to a question.
    Repondre {
        id: String,
        valeur: Option<String>,
    },
    /// Keeps the pre-filled answer of a question as the doctor's own.
    ConfirmerPrerempli {
        id: String,
    },
    VoirResultat,
    Ouvrir {
        ecran: Ecran,
    },
    Retour,
    /// « Nouvelle simulation »: asks for confirmation first.
    NouvelleSimulation,
    /// Confirms the pending destructive action.
    Confirmer,
    Annuler,
    /// The device language changed (a code such as "fr" or "en-GB").
    Langue {
        code: String,
    },
    /// Files the user picked to import a rule update (the bundle and its `.sig`).
    ImporterRegles {
        fichiers: Vec<FichierImporte>,
    },
}

/// A file the user picked: its display name and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FichierImporte {
    pub nom: String,
    pub octets: Vec<u8>,
}

/// A file to write (bytes) or delete (absent) in the app's private storage.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Ecriture {
    pub nom: String,
    pub octets: Option<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Import {
    PaireAttendue,
    Installe(u64),
    Refuse(Erreur),
}

/// The state of one app session.
#[derive(Debug)]
pub struct Application {
    store: RuleStore,
    langue: Langue,
    aujourd_hui: Option<NaiveDate>,
    reponses: Reponses,
    pile: Vec<Ecran>,
    confirmation: bool,
    avertissement: Option<Erreur>,
    import: Option<Import>,
    ecritures: Vec<Ecriture>,
    questionnaire: Questionnaire,
    resultat: Option<Result<VueResultat, Erreur>>,
    contrat: EtatContrat,
    cout_net: EtatCoutNet,
}

impl Application {
    /// Starts from the files the app stored (name → bytes, as listed in `FICHIERS`; a missing
    /// file is simply absent). A stored update that no longer passes every check is set aside
    /// (the embedded rules answer, the reason is shown in « À propos ») and deleted; unreadable
    /// saved answers start a new simulation. `aujourd_hui` pre-fills the signature date.
    pub fn demarrer(
        base: RuleStore,
        fichiers: &dyn FichiersStockes,
        aujourd_hui: Option<NaiveDate>,
        langue: Langue,
    ) -> Application {
        let lire = |nom: &str| fichiers.fichier(nom);
        let plancher = lire_plancher(lire(FICHIER_PLANCHER));
        let depart = base.avec_plancher(plancher);
        let (store, avertissement) =
            depart.restaurer(lire(FICHIER_REGLES), lire(FICHIER_SIGNATURE));
        let mut ecritures = Vec::new();
        if avertissement.is_some() {
            // Set aside for diagnosis, not deleted: the refused pair moves to `rejected.*`.
            for (de, vers) in [
                (FICHIER_REGLES, FICHIER_REJETE_REGLES),
                (FICHIER_SIGNATURE, FICHIER_REJETE_SIGNATURE),
            ] {
                if let Some(o) = lire(de) {
                    ecritures.push(Ecriture {
                        nom: vers.to_string(),
                        octets: Some(o.to_vec()),
                    });
                    ecritures.push(Ecriture {
                        nom: de.to_string(),
                        octets: None,
                    });
                }
            }
        }
        // A mark above the stored one (a bundle stored before marks were kept): keep it.
        if store.plancher() > depart.plancher() {
            ecritures.push(ecrire_plancher(store.plancher()));
        }
        let reponses = match lire(FICHIER_SIMULATION) {
            Some(o) => lire_reponses(o).unwrap_or_else(|| {
                ecritures.push(Ecriture {
                    nom: FICHIER_SIMULATION.to_string(),
                    octets: None,
                });
                Reponses::new()
            }),
            None => Reponses::new(),
        };
        let contrat = match lire(FICHIER_CONTRAT) {
            Some(o) => EtatContrat::relire(o).unwrap_or_else(|| {
                // Edited or truncated on the device: set aside, the form starts empty.
                ecritures.push(Ecriture {
                    nom: FICHIER_CONTRAT.to_string(),
                    octets: None,
                });
                EtatContrat::default()
            }),
            None => EtatContrat::default(),
        };
        let mut app = Application {
            questionnaire: questionnaire(store.regles(), &reponses, aujourd_hui, langue),
            store,
            langue,
            aujourd_hui,
            reponses,
            pile: vec![Ecran::Questionnaire],
            confirmation: false,
            avertissement,
            import: None,
            ecritures,
            resultat: None,
            contrat,
            cout_net: EtatCoutNet::default(),
        };
        app.recalculer();
        app.recalculer_contrat(false);
        // The last simulation, if it was complete, opens on its result: zero taps to see it again.
        if app.peut_voir_resultat() {
            app.pile.push(Ecran::Resultat);
        }
        app
    }

    pub fn ecran(&self) -> Ecran {
        *self.pile.last().unwrap_or(&Ecran::Questionnaire)
    }

    /// The doctor's answers (pre-filled defaults not included).
    pub fn reponses(&self) -> &Reponses {
        &self.reponses
    }

    pub fn store(&self) -> &RuleStore {
        &self.store
    }

    /// The files to write or delete since the last call (the app stores them as opaque bytes).
    pub fn ecritures(&mut self) -> Vec<Ecriture> {
        std::mem::take(&mut self.ecritures)
    }

    /// Handles one user action.
    pub fn traiter(&mut self, e: Evenement) {
        match e {
            Evenement::Repondre { id, valeur } if id == CHAMP_BRUT => self.repondre_brut(valeur),
            Evenement::Repondre { id, valeur } if id.starts_with(PREFIXE_CONTRAT) => {
                self.repondre_contrat(&id, valeur)
            }
            Evenement::Repondre { id, valeur } => {
                let valeur = valeur.map(|v| self.normaliser(&id, v));
                match valeur {
                    Some(v) if !v.trim().is_empty() => {
                        self.reponses.insert(id, v);
                    }
                    _ => {
                        self.reponses.remove(&id);
                    }
                }
                self.apres_reponse();
            }
            Evenement::ConfirmerPrerempli { id } => {
                let prerempli = self
                    .questionnaire
                    .questions
                    .iter()
                    .find(|q| q.id == id && q.prefilled)
                    .and_then(|q| q.answer.clone());
                if let Some(v) = prerempli {
                    self.reponses.insert(id, v);
                    self.apres_reponse();
                }
            }
            Evenement::VoirResultat => {
                if self.peut_voir_resultat() {
                    self.pile.retain(|e| *e == Ecran::Questionnaire);
                    self.pile.push(Ecran::Resultat);
                }
            }
            Evenement::Ouvrir { ecran } => self.ouvrir(ecran),
            Evenement::Retour => {
                if self.confirmation {
                    self.confirmation = false;
                } else if self.pile.len() > 1 {
                    self.pile.pop();
                    self.recalculer_cout_net();
                }
            }
            Evenement::NouvelleSimulation => self.confirmation = true,
            Evenement::Annuler => self.confirmation = false,
            Evenement::Confirmer => {
                if self.confirmation {
                    self.confirmation = false;
                    self.reponses.clear();
                    self.ecritures.push(Ecriture {
                        nom: FICHIER_SIMULATION.to_string(),
                        octets: None,
                    });
                    self.recalculer();
                    self.pile = vec![Ecran::Questionnaire];
                }
            }
            Evenement::Langue { code } => {
                // Every text of the state is in one language: render it again.
                self.langue = langue_de(&code);
                self.recalculer();
            }
            Evenement::ImporterRegles { fichiers } => self.importer(fichiers),
        }
    }

    fn ouvrir(&mut self, ecran: Ecran) {
        match ecran {
            Ecran::Questionnaire => {
                self.pile.retain(|e| *e == Ecran::Questionnaire);
                return;
            }
            Ecran::Resultat => return self.traiter(Evenement::VoirResultat),
            Ecran::Comparaison | Ecran::BaseLegale | Ecran::CoutNet
                if !self.peut_voir_resultat() =>
            {
                return
            }
            _ => {}
        }
        if ecran == Ecran::APropos {
            self.import = None;
        }
        if self.ecran() != ecran {
            // One instance of a screen on the stack: opening it again goes back to it.
            if let Some(i) = self.pile.iter().position(|e| *e == ecran) {
                self.pile.truncate(i);
            }
            self.pile.push(ecran);
        }
        self.recalculer_cout_net();
    }

    /// A date typed as « 15/01/2025 » is stored as "2025-01-15"; other text as typed.
    fn normaliser(&self, id: &str, v: String) -> String {
        let date = self
            .questionnaire
            .questions
            .iter()
            .any(|q| q.id == id && q.kind == TypeQuestion::Date);
        if date {
            if let Some(d) = date_jj_mm_aaaa(&v) {
                return d.to_string();
            }
        }
        v
    }

    fn apres_reponse(&mut self) {
        self.recalculer();
        self.ecritures.push(Ecriture {
            nom: FICHIER_SIMULATION.to_string(),
            octets: Some(ecrire_reponses(&self.reponses).into_bytes()),
        });
    }

    fn recalculer(&mut self) {
        self.questionnaire = questionnaire(
            self.store.regles(),
            &self.reponses,
            self.aujourd_hui,
            self.langue,
        );
        self.resultat = self.questionnaire.complete.then(|| {
            vue_resultat(
                self.store.regles(),
                &self.reponses,
                self.aujourd_hui,
                self.langue,
            )
        });
        if !self.peut_voir_resultat() {
            // Result-based screens cannot stay open without a result.
            self.pile
                .retain(|e| matches!(e, Ecran::Questionnaire | Ecran::APropos | Ecran::MonContrat));
            if self.pile.is_empty() {
                self.pile.push(Ecran::Questionnaire);
            }
        }
        self.recalculer_cout_net();
        // Rules imported or answers changed: the specialty pre-filled in the contract may too.
        self.recalculer_contrat(false);
    }

    /// The signature date selects the rules: while it is only today's date pre-filled, the
    /// doctor must confirm it before seeing a result.
    fn date_a_confirmer(&self) -> bool {
        !self.reponses.contains_key(ids::SIGNATURE_DATE)
    }

    fn peut_voir_resultat(&self) -> bool {
        matches!(self.resultat, Some(Ok(_))) && !self.date_a_confirmer()
    }

    fn importer(&mut self, fichiers: Vec<FichierImporte>) {
        // Exactly two files, one of them a `.sig` (in either order).
        let est_sig = |f: &FichierImporte| f.nom.to_ascii_lowercase().ends_with(".sig");
        let (sig, octets) = match fichiers.as_slice() {
            [a, b] if est_sig(a) && !est_sig(b) => (&a.octets, &b.octets),
            [a, b] if est_sig(b) && !est_sig(a) => (&b.octets, &a.octets),
            _ => {
                self.import = Some(Import::PaireAttendue);
                return;
            }
        };
        let sig = signature_de(sig);
        self.import = Some(match self.store.installer(octets, &sig) {
            Ok(nouveau) => {
                if let Some((o, s)) = nouveau.exporter() {
                    self.ecritures.push(Ecriture {
                        nom: FICHIER_REGLES.to_string(),
                        octets: Some(o),
                    });
                    self.ecritures.push(Ecriture {
                        nom: FICHIER_SIGNATURE.to_string(),
                        octets: Some(s),
                    });
                }
                // The mark first in spirit: it outlives the bundle files if those are lost.
                self.ecritures.push(ecrire_plancher(nouveau.plancher()));
                let version = nouveau.regles().bundle_version;
                self.store = nouveau;
                self.avertissement = None;
                self.recalculer();
                Import::Installe(version)
            }
            Err(e) => Import::Refuse(e),
        });
    }

    /// The view model of the current state, every text in the current language.
    ///
    /// Each screen's builder is `#[inline(never)]`: inlined here they made one 36 KB function
    /// whose spills outweighed the calls (library size).
    pub fn vue(&self) -> VueApp {
        let l = self.langue;
        let ecran = self.ecran();
        let resultat = match &self.resultat {
            Some(Ok(r)) if self.peut_voir_resultat() => Some(r),
            _ => None,
        };
        VueApp {
            screen: ecran,
            title: titre(ecran, l),
            back: (self.pile.len() > 1).then(|| t(l, "Retour", "Back")),
            new_simulation: (ecran == Ecran::Questionnaire)
                .then(|| t(l, "Nouvelle simulation", "New simulation")),
            edit: (ecran == Ecran::Resultat).then(|| t(l, "Modifier les réponses", "Edit answers")),
            about: (ecran != Ecran::APropos).then(|| t(l, "À propos", "About")),
            my_contract: (ecran != Ecran::MonContrat).then(|| t(l, "Mon contrat", "My contract")),
            confirmation: self.confirmation.then(|| VueConfirmation {
                title: t(l, "Nouvelle simulation ?", "New simulation?"),
                message: t(
                    l,
                    "Toutes les réponses de la simulation en cours seront effacées.",
                    "Every answer of the current simulation will be erased.",
                ),
                confirm: t(l, "Effacer les réponses", "Erase the answers"),
                cancel: t(l, "Annuler", "Cancel"),
            }),
            questionnaire: self.vue_questionnaire(),
            result: resultat.map(|r| vue_resultat_app(r, self.store.regles(), l)),
            comparison: resultat.and_then(|r| vue_comparaison(r, self.store.regles(), l)),
            legal_basis: resultat.map(|r| vue_base_legale(r, self.store.regles(), l)),
            about_screen: self.vue_a_propos(resultat),
            net_cost: self.vue_cout_net(),
            contract: self.vue_mon_contrat(),
        }
    }

    #[inline(never)]
    fn vue_questionnaire(&self) -> VueQuestionnaire {
        let l = self.langue;
        let q = &self.questionnaire;
        let libelles: Vec<(&str, &str)> = q
            .questions
            .iter()
            .map(|x| (x.id.as_str(), x.label.as_str()))
            .collect();
        let questions: Vec<VueQuestion> = q
            .questions
            .iter()
            .map(|x| {
                let valeur = x.answer.clone().unwrap_or_default();
                let est_date = x.kind == TypeQuestion::Date;
                let date = est_date
                    .then(|| lire_date("", &valeur).ok())
                    .flatten();
                let a_confirmer = x.prefilled && x.id == ids::SIGNATURE_DATE;
                let mut v = vue_question(
                    l,
                    [&x.id, &x.label, &x.help],
                    x.kind,
                    x.required,
                    &x.choices,
                    x.answer.as_ref(),
                    date,
                    valeur,
                );
                v.suffix = (x.kind == TypeQuestion::Percentage).then(|| "%".to_owned());
                v.bounds = match (x.min, x.max) {
                        (Some(a), Some(b)) => Some(match l {
                            Langue::Fr => format!("Entre {a} et {b}"),
                            Langue::En => format!("Between {a} and {b}"),
                        }),
                        _ => None,
                    };
                v.prefilled = a_confirmer.then(|| {
                        t(
                            l,
                            "Pré-remplie avec la date du jour : elle choisit les règles appliquées, confirmez-la ou corrigez-la.",
                            "Pre-filled with today's date: it selects the rules applied; confirm or correct it.",
                        )
                    });
                v.confirm = a_confirmer.then(|| t(l, "Confirmer cette date", "Confirm this date"));
                v.error = x.error.as_ref().map(|e| {
                        let m = lisible(&e.message, &libelles, l);
                        match l {
                            Langue::Fr => format!("À corriger : {m}"),
                            Langue::En => format!("To fix: {m}"),
                        }
                    });
                v
            })
            .collect();
        // How many to answer, fix or confirm, and the first of them (counted, not collected).
        let mut a_faire = 0;
        let mut premiere = None;
        for x in &questions {
            if q.pending.contains(&x.id) || (x.confirm.is_some() && x.error.is_none()) {
                a_faire += 1;
                premiere = premiere.or(Some(&x.id));
            }
        }
        let erreur_resultat = match &self.resultat {
            Some(Err(e)) => Some(pick(l, &e.message_fr, &e.message_en).clone()),
            _ => None,
        };
        VueQuestionnaire {
            intro: t(
                l,
                "Les réponses pré-remplies peuvent être modifiées. Tout reste sur cet appareil.",
                "Pre-filled answers can be changed. Everything stays on this device.",
            ),
            pending: (a_faire > 0).then(|| match l {
                Langue::Fr => format!("Questions à compléter : {a_faire} (voir la première)"),
                Langue::En => format!("Questions to complete: {a_faire} (see the first)"),
            }),
            first_pending: premiere.cloned(),
            blocking: q
                .blocking_error
                .as_ref()
                .map(|e| {
                    let m = &e.message;
                    match l {
                        Langue::Fr => format!(
                            "La simulation ne peut pas être faite avec les règles actives : {m} Importez une mise à jour des règles ou contactez votre CPAM."
                        ),
                        Langue::En => format!(
                            "The simulation cannot run on the active rules: {m} Import a rule update or contact your CPAM."
                        ),
                    }
                })
                .or_else(|| {
                    erreur_resultat.map(|m| match l {
                        Langue::Fr => format!("Le résultat n'a pas pu être calculé : {m}"),
                        Langue::En => format!("The result could not be computed: {m}"),
                    })
                }),
            show_result: t(l, "Voir le résultat", "Show the result"),
            can_show_result: self.peut_voir_resultat(),
            questions,
        }
    }

    #[inline(never)]
    fn vue_a_propos(&self, resultat: Option<&VueResultat>) -> VueAPropos {
        let l = self.langue;
        let regles = self.store.regles();
        let p = self.store.provenance();
        VueAPropos {
            offline: t(
                l,
                "Tout le calcul se fait sur cet appareil, sans connexion : aucune donnée n'est envoyée. Simulation indicative, qui n'engage pas l'Assurance Maladie.",
                "Everything is computed on this device, offline: no data is sent. Indicative simulation, not binding on the Assurance Maladie.",
            ),
            versions_title: t(l, "Versions des règles", "Rule versions"),
            versions: regles
                .versions
                .iter()
                .map(|v| VueVersion {
                    title: pick(l, &v.title_fr, &v.title_en).to_string(),
                    period: periode(v.start, v.end_exclusive, l),
                })
                .collect(),
            applied: resultat.map(|r| match l {
                Langue::Fr => format!("Résultat actuel calculé selon : {}", r.rules.title),
                Langue::En => format!("Current result computed under: {}", r.rules.title),
            }),
            provenance_title: t(l, "Provenance des données", "Data provenance"),
            origin: match p.origin {
                OrigineRegles::Embedded => {
                    t(l, "Règles intégrées à l'application", "Rules built into the app")
                }
                OrigineRegles::Update => {
                    t(l, "Mise à jour signée installée", "Signed update installed")
                }
            },
            data_version: match l {
                Langue::Fr => format!(
                    "Données version {}, publiées le {}",
                    p.bundle_version,
                    date_longue(p.published, l)
                ),
                Langue::En => format!(
                    "Data version {}, published {}",
                    p.bundle_version,
                    date_longue(p.published, l)
                ),
            },
            warning: self.avertissement.as_ref().map(|e| {
                let m = pick(l, &e.message_fr, &e.message_en);
                match l {
                    Langue::Fr => format!("Mise à jour des règles écartée : {m}"),
                    Langue::En => format!("Rule update set aside: {m}"),
                }
            }),
            import_label: t(
                l,
                "Importer une mise à jour des règles",
                "Import a rule update",
            ),
            import_outcome: self.import.as_ref().map(|i| match i {
                Import::PaireAttendue => VueLigne::new(
                    "!",
                    t(
                        l,
                        "Choisissez ensemble le fichier de règles et sa signature (.sig).",
                        "Pick the rule file and its signature (.sig) together.",
                    ),
                ),
                Import::Installe(v) => VueLigne::new(
                    "✓",
                    match l {
                        Langue::Fr => format!("Règles mises à jour : données version {v}."),
                        Langue::En => format!("Rules updated: data version {v}."),
                    },
                ),
                Import::Refuse(e) => VueLigne::new(
                    "✗",
                    match l {
                        Langue::Fr => format!("Mise à jour refusée : {}", e.message_fr),
                        Langue::En => format!("Update refused: {}", e.message_en),
                    },
                ),
            }),
        }
    }
}

/// Reads the saved answers; absent for anything not written by `ecrire_reponses`.
pub fn lire_reponses(octets: &[u8]) -> Option<Reponses> {
    // from_str, not from_slice: one serde_json reader in the library (size).
    let mut m: BTreeMap<String, String> =
        serde_json::from_str(std::str::from_utf8(octets).ok()?).ok()?;
    (m.remove(FORMAT_CLE)? == FORMAT).then_some(m)
}

/// The saved form of the answers: one flat JSON object of strings,
/// `{"$format":"1","patientele_mt":"1200",…}` (the format the apps wrote before).
pub fn ecrire_reponses(r: &Reponses) -> String {
    // Written by hand, keys in order and `$format` in its sorted place: the text serde_json
    // gave for one B-tree of both, without a B-tree type of its own (library size).
    let texte = |t: &str| serde_json::to_string(t).unwrap_or_default();
    let mut format = Some(FORMAT_CLE);
    let mut s = String::from("{");
    let mut paire = |k: &str, v: &str| {
        if s.len() > 1 {
            s.push(',');
        }
        s.push_str(&texte(k));
        s.push(':');
        s.push_str(&texte(v));
    };
    for (k, v) in r {
        if k == FORMAT_CLE {
            continue;
        }
        if k.as_str() > FORMAT_CLE {
            if let Some(f) = format.take() {
                paire(f, FORMAT);
            }
        }
        paire(k, v);
    }
    if let Some(f) = format {
        paire(f, FORMAT);
    }
    s.push('}');
    s
}

/// « 15/01/2025 » (day/month/year, as typed on a French or British keyboard); chrono's format
/// parser is not used: it costs library size.
fn date_jj_mm_aaaa(texte: &str) -> Option<NaiveDate> {
    let mut parties = texte.trim().split('/');
    let mut nombre = |n: usize| {
        parties
            .next()
            .filter(|p| p.len() == n && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let (j, m, a) = (nombre(2)?, nombre(2)?, nombre(4)?);
    if parties.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(a).ok()?, m, j)
}

/// The parts of a question's view that the questionnaire and the contract form build alike
/// (`[id, label, help]`, the choices and the current answer); the caller sets the rest. One
/// copy of the record's construction instead of one per form (library size).
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn vue_question(
    l: Langue,
    [id, label, help]: [&str; 3],
    kind: TypeQuestion,
    requis: bool,
    choix: &[Choix],
    reponse: Option<&String>,
    date: Option<NaiveDate>,
    texte: String,
) -> VueQuestion {
    VueQuestion {
        id: id.to_owned(),
        kind,
        label: label.to_owned(),
        help: help.to_owned(),
        required: requis.then(|| t(l, "Obligatoire", "Required")),
        radio: choix.len() <= RADIO_MAX,
        choices: choix
            .iter()
            .map(|c| VueChoix {
                value: c.value.clone(),
                label: c.label.clone(),
                selected: Some(&c.value) == reponse,
            })
            .collect(),
        // A date is edited as « JJ/MM/AAAA »; what does not read as a date, as typed.
        value: match date {
            Some(d) => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
            None => texte,
        },
        shown: match kind {
            TypeQuestion::Choice | TypeQuestion::YesNo => choix
                .iter()
                .find(|c| Some(&c.value) == reponse)
                .map(|c| c.label.clone()),
            TypeQuestion::Date => date.map(|d| date_longue(d, l)),
            _ => None,
        },
        placeholder: match kind {
            TypeQuestion::Date => t(l, "JJ/MM/AAAA", "DD/MM/YYYY"),
            TypeQuestion::Choice => t(l, "Choisir", "Choose"),
            _ => String::new(),
        },
        suffix: None,
        bounds: None,
        prefilled: None,
        confirm: None,
        error: None,
    }
}

/// A signature file's bytes: `assistmed bundle sign` writes 64 bytes as 128 hex characters and
/// a newline; other content is passed as is (the store rejects a wrong length itself).
fn signature_de(fichier: &[u8]) -> Vec<u8> {
    let texte = String::from_utf8_lossy(fichier);
    let texte = texte.trim();
    if texte.len() == 128 {
        if let Ok(o) = hex::decoder("signature", texte, CodeErreur::SignatureInvalide) {
            return o;
        }
    }
    fichier.to_vec()
}

/// A validation message as a doctor reads it: « patientele_mt » becomes the question's label,
/// ISO dates become « 1er septembre 2024 ».
fn lisible(message: &str, libelles: &[(&str, &str)], l: Langue) -> String {
    let mut m = message.to_owned();
    for (id, libelle) in libelles {
        m = m
            .replace(&format!("« {id} »"), &format!("« {libelle} »"))
            .replace(&format!("`{id}`"), &format!("\"{libelle}\""));
    }
    let mut out = String::with_capacity(m.len());
    let mut reste = m.as_str();
    while let Some(i) = reste.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&reste[..i]);
        let r = &reste[i..];
        match r.get(..10).and_then(|s| lire_date("", s).ok()) {
            Some(d) => {
                out.push_str(&date_longue(d, l));
                reste = &r[10..];
            }
            None => {
                let n = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
                out.push_str(&r[..n]);
                reste = &r[n..];
            }
        }
    }
    out.push_str(reste);
    out
}

fn titre(e: Ecran, l: Langue) -> String {
    match e {
        Ecran::Questionnaire => t(l, "Simulation", "Simulation"),
        Ecran::Resultat => t(l, "Résultat", "Result"),
        Ecran::Comparaison => t(l, "½ ETP ou 1 ETP", "½ FTE or 1 FTE"),
        Ecran::BaseLegale => t(l, "Base légale", "Legal basis"),
        Ecran::APropos => t(l, "À propos", "About"),
        Ecran::CoutNet => t(l, "Coût net", "Net cost"),
        Ecran::MonContrat => t(l, "Mon contrat", "My contract"),
    }
}

fn periode(debut: NaiveDate, fin: Option<NaiveDate>, l: Langue) -> String {
    match (l, fin) {
        (Langue::Fr, Some(f)) => format!(
            "Contrats signés à partir du {} et avant le {}",
            date_longue(debut, l),
            date_longue(f, l)
        ),
        (Langue::Fr, None) => format!(
            "Contrats signés à partir du {} (en vigueur)",
            date_longue(debut, l)
        ),
        (Langue::En, Some(f)) => format!(
            "Contracts signed from {} and before {}",
            date_longue(debut, l),
            date_longue(f, l)
        ),
        (Langue::En, None) => format!("Contracts signed from {} (in force)", date_longue(debut, l)),
    }
}

fn non_publie(l: Langue) -> String {
    t(l, "non publié", "not published")
}

fn affiche(m: Option<Decimal>, l: Langue) -> String {
    m.map_or_else(|| non_publie(l), |d| montant(d, l))
}

fn parle(m: Option<Decimal>, l: Langue) -> String {
    m.map_or_else(|| non_publie(l), |d| montant_parle(d, l))
}

fn annee(n: i32, l: Langue) -> String {
    match l {
        Langue::Fr => format!("Année {n}"),
        Langue::En => format!("Year {n}"),
    }
}

/// The note under a table whose amounts are maxima from year `depuis` (the rule data's
/// modulation start, as carried by the cells).
fn note_maximum(depuis: i32, l: Langue) -> String {
    match l {
        Langue::Fr => format!(
            "* Montant maximal à partir de la {} année, modulé selon l'atteinte de l'objectif.",
            crate::explain::ordinal(depuis, l)
        ),
        Langue::En => format!(
            "* Maximum amount from year {depuis}, modulated by how far the objective is reached."
        ),
    }
}

fn indisponible(row: &LigneFormule, a: &Affichage, l: Langue) -> VueLigne {
    let texte = match &row.unavailable.as_deref().map(|x| a.texte(x)) {
        Some(why) => match l {
            Langue::Fr => format!("Non disponible : {why}"),
            Langue::En => format!("Not available: {why}"),
        },
        None => t(l, "Non disponible", "Not available"),
    };
    VueLigne::new("✗", texte)
}

/// A text of the engine as shown: rule version ids become their titles, ISO dates words.
struct Affichage<'r> {
    versions: Vec<(&'r str, &'r str)>,
    langue: Langue,
}

impl<'r> Affichage<'r> {
    fn new(regles: &'r RuleSet, l: Langue) -> Affichage<'r> {
        Affichage {
            versions: regles
                .versions
                .iter()
                .map(|v| {
                    (
                        v.id.as_str(),
                        pick(l, v.title_fr.as_str(), v.title_en.as_str()),
                    )
                })
                .collect(),
            langue: l,
        }
    }

    fn texte(&self, m: &str) -> String {
        let mut m = m.to_owned();
        for (id, titre) in &self.versions {
            m = m.replace(id, titre);
        }
        lisible(&m, &[], self.langue)
    }

    fn titre(&self, id: &str) -> Option<&'r str> {
        self.versions
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, t)| *t)
    }
}

#[inline(never)]
fn vue_resultat_app(r: &VueResultat, regles: &RuleSet, l: Langue) -> VueResultatApp {
    let a = Affichage::new(regles, l);
    let options = r
        .options
        .iter()
        .map(|row| {
            let years = row
                .cells
                .iter()
                .map(|c| {
                    let annee = annee(c.year, l);
                    let mut label = annee.clone();
                    let mut spoken = parle(c.amount, l);
                    // Each mark « (m) » after the label and « , m » after the spoken amount.
                    let mut marquer = |m: &str| {
                        label.push_str(" (");
                        label.push_str(m);
                        label.push(')');
                        spoken.push_str(", ");
                        spoken.push_str(m);
                    };
                    if c.maximum {
                        marquer("maximum");
                    }
                    if c.revalued {
                        // The version's title when known; never its internal id.
                        let revalorise = pick(l, "revalorisé", "revalued");
                        match a.titre(&c.rules_id) {
                            Some(v) => marquer(&format!("{revalorise}, {v}")),
                            None => marquer(revalorise),
                        }
                    }
                    VueMontant {
                        label,
                        amount: affiche(c.amount, l),
                        spoken: format!("{annee} : {spoken}").replace(" : ", pick(l, " : ", ": ")),
                    }
                })
                .collect();
            let objective = row.objective.as_deref().map(|x| a.texte(x));
            VueOption {
                label: row.label.to_string(),
                available: row.available,
                unavailable: (!row.available).then(|| indisponible(row, &a, l)),
                years,
                total: VueMontant {
                    label: t(l, "Total", "Total"),
                    amount: affiche(row.total, l),
                    spoken: format!("{}{}", t(l, "Total : ", "Total: "), parle(row.total, l)),
                },
                maximum_note: row
                    .cells
                    .iter()
                    .find(|c| c.maximum)
                    .map(|c| note_maximum(c.year, l)),
                objective_title: objective.as_ref().map(|_| t(l, "Objectif", "Objective")),
                objective,
                targets: row.targets.clone(),
                to_confirm: row.objective_to_confirm.then(|| {
                    t(
                        l,
                        "Objectif à confirmer avec votre CPAM",
                        "Objective to confirm with your CPAM",
                    )
                }),
                deadline: row.deadline.map(|d| match l {
                    Langue::Fr => format!("Échéance : {}", date_longue(d, l)),
                    Langue::En => format!("Deadline: {}", date_longue(d, l)),
                }),
            }
        })
        .collect();
    let reasons = r
        .reasons
        .iter()
        .map(|x| {
            let (symbole, effet) = match x.effect {
                Effet::Satisfied => ("✓", t(l, "Condition remplie", "Condition met")),
                Effet::Blocking => ("✗", t(l, "Condition non remplie", "Condition not met")),
                Effet::ReferToCpam => {
                    ("→", t(l, "À voir avec votre CPAM", "To see with your CPAM"))
                }
                Effet::Condition => ("•", t(l, "Condition à respecter", "Condition to keep")),
            };
            let m = a.texte(&x.message.to_string());
            VueLigne {
                symbol: symbole.to_owned(),
                spoken: format!("{effet}{}{m}", pick(l, " : ", ": ")),
                text: m,
            }
        })
        .collect();
    let (symbol, status) = (r.verdict.symbol.to_owned(), r.verdict.status);
    VueResultatApp {
        verdict: VueVerdict {
            status,
            symbol,
            title: r.verdict.title.clone(),
            rules: match l {
                Langue::Fr => format!("Règles appliquées : {}", r.rules.title),
                Langue::En => format!("Rules applied: {}", r.rules.title),
            },
        },
        options_title: t(
            l,
            "Montants de l'aide, année par année",
            "Aid amounts, year by year",
        ),
        options,
        compare: t(l, "Comparer ½ ETP et 1 ETP", "Compare ½ FTE and 1 FTE"),
        net_cost: t(l, "Coût net de l'assistant", "Net cost of the assistant"),
        legal_basis: t(l, "Base légale", "Legal basis"),
        edit: t(l, "Modifier les réponses", "Edit answers"),
        reasons_title: t(l, "Pourquoi", "Why"),
        reasons,
        second_assistant: r.second_assistant.as_deref().map(|text| VueSection {
            title: t(l, "Second assistant", "Second assistant"),
            text: a.texte(text),
        }),
        caveats_title: t(l, "À savoir", "Good to know"),
        caveats: r
            .caveats
            .iter()
            .map(|c| VueLigne::new("!", a.texte(&c.message.to_string())))
            .collect(),
        notices_title: t(l, "Informations", "Information"),
        notices: crate::assessment::notices_citees(regles, &r.rules.id, &r.notices)
            .into_iter()
            .map(|n| VueLigne::new("•", a.texte(pick(l, &n.text_fr, &n.text_en))))
            .collect(),
        disclaimer: r.disclaimer.to_string(),
    }
}

#[inline(never)]
fn vue_comparaison(r: &VueResultat, regles: &RuleSet, l: Langue) -> Option<VueComparaison> {
    let a = Affichage::new(regles, l);
    let demi = r.options.iter().find(|o| o.option == Formule::Demi)?;
    let plein = r.options.iter().find(|o| o.option == Formule::Plein)?;
    let nom = |o: &LigneFormule| o.label.to_string();
    // The years of both rows, sorted, each once: inserted in place (a handful of years; a sort
    // would compile its own 3 KB quicksort for i32).
    let mut annees: Vec<i32> = Vec::new();
    for c in demi.cells.iter().chain(&plein.cells) {
        if let Err(i) = annees.binary_search(&c.year) {
            annees.insert(i, c.year);
        }
    }
    let cellule = |o: &LigneFormule, y: i32| -> (String, String) {
        match o.cells.iter().find(|c| c.year == y).filter(|_| o.available) {
            None => ("—".to_owned(), t(l, "non disponible", "not available")),
            Some(c) if c.maximum => (
                format!("{} *", affiche(c.amount, l)),
                format!("{}, maximum", parle(c.amount, l)),
            ),
            Some(c) => (affiche(c.amount, l), parle(c.amount, l)),
        }
    };
    let sep = pick(l, " : ", ": ");
    let rows = annees
        .iter()
        .map(|&y| {
            let (a, pa) = cellule(demi, y);
            let (b, pb) = cellule(plein, y);
            VueLigneComparaison {
                label: y.to_string(),
                half: a,
                full: b,
                spoken: format!(
                    "{}{sep}{}, {pa} ; {}, {pb}",
                    annee(y, l),
                    nom(demi),
                    nom(plein)
                ),
            }
        })
        .collect();
    let total = |o: &LigneFormule| -> (String, String) {
        if o.available {
            (affiche(o.total, l), parle(o.total, l))
        } else {
            ("—".to_owned(), t(l, "non disponible", "not available"))
        }
    };
    let ((ta, pa), (tb, pb)) = (total(demi), total(plein));
    let notes = [demi, plein]
        .iter()
        .map(|o| {
            let mut lines = Vec::new();
            if !o.available {
                lines.push(indisponible(o, &a, l));
            } else {
                if let Some(x) = &o.objective {
                    lines.push(VueLigne::new("", a.texte(x)));
                }
                if o.objective_to_confirm {
                    lines.push(VueLigne::new(
                        "?",
                        t(
                            l,
                            "Objectif à confirmer avec votre CPAM",
                            "Objective to confirm with your CPAM",
                        ),
                    ));
                }
                if let Some(d) = o.deadline {
                    lines.push(VueLigne::new(
                        "",
                        format!("{}{}", t(l, "Échéance : ", "Deadline: "), date_longue(d, l)),
                    ));
                }
            }
            VueNotes {
                title: nom(o),
                lines,
            }
        })
        .collect();
    Some(VueComparaison {
        year: t(l, "Année", "Year"),
        half: nom(demi),
        full: nom(plein),
        rows,
        total: VueLigneComparaison {
            label: t(l, "Total", "Total"),
            half: ta,
            full: tb,
            spoken: format!("Total{sep}{}, {pa} ; {}, {pb}", nom(demi), nom(plein)),
        },
        maximum_note: demi
            .cells
            .iter()
            .chain(&plein.cells)
            .filter(|c| c.maximum)
            .map(|c| c.year)
            .min()
            .map(|depuis| note_maximum(depuis, l)),
        notes,
    })
}

fn genre(kind: &str, l: Langue) -> String {
    match kind {
        "legal" => t(l, "Texte officiel", "Legal text"),
        "official" => t(l, "Source officielle", "Official source"),
        "nomenclature" => t(l, "Nomenclature", "Nomenclature"),
        "union" => t(l, "Syndicat", "Union"),
        "press" => t(l, "Presse", "Press"),
        "association" => t(l, "Association", "Association"),
        "commercial" => t(l, "Source commerciale", "Commercial source"),
        _ => t(l, "Source", "Source"),
    }
}

#[inline(never)]
fn vue_base_legale(r: &VueResultat, regles: &RuleSet, l: Langue) -> VueBaseLegale {
    VueBaseLegale {
        intro: t(
            l,
            "Les textes et sources sur lesquels repose ce résultat.",
            "The texts and sources this result rests on.",
        ),
        // Borrowed from the rule set, in the result's order (no copy of each reference: size).
        references: r
            .references
            .iter()
            .filter_map(|id| regles.reference(id))
            .map(|x| {
                let date = lire_date("", &x.date)
                    .map_or_else(|_| x.date.to_string(), |d| date_longue(d, l));
                VueReference {
                    title: x.title.to_string(),
                    article: x.article.as_ref().map(|a| match l {
                        Langue::Fr => format!("Article : {a}"),
                        Langue::En => format!("Article: {a}"),
                    }),
                    source: format!("{} · {date}", genre(&x.kind, l)),
                    url: x.url.to_string(),
                }
            })
            .collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// The view model (plain data; every text in the chosen language)
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueApp {
    pub screen: Ecran,
    pub title: String,
    /// Label of the back action when there is somewhere to go back to.
    pub back: Option<String>,
    /// Toolbar actions of the current screen (label when shown).
    pub new_simulation: Option<String>,
    pub edit: Option<String>,
    pub about: Option<String>,
    /// Opens « Mon contrat » (every screen but that one).
    pub my_contract: Option<String>,
    /// A destructive action waiting for confirmation (a dialog).
    pub confirmation: Option<VueConfirmation>,
    pub questionnaire: VueQuestionnaire,
    pub result: Option<VueResultatApp>,
    pub comparison: Option<VueComparaison>,
    pub legal_basis: Option<VueBaseLegale>,
    pub about_screen: VueAPropos,
    /// « Coût net », while it is open.
    pub net_cost: Option<VueCoutNet>,
    /// « Mon contrat » (the form, and the contract's view once it is valid).
    pub contract: VueMonContrat,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueConfirmation {
    pub title: String,
    pub message: String,
    pub confirm: String,
    pub cancel: String,
}

/// A line with a leading symbol (✓, ✗, →, •, !); `spoken` says in words what the symbol means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueLigne {
    pub symbol: String,
    pub text: String,
    pub spoken: String,
}

impl VueLigne {
    fn new(symbol: &str, text: String) -> VueLigne {
        VueLigne {
            symbol: symbol.to_owned(),
            spoken: text.clone(),
            text,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueQuestionnaire {
    pub intro: String,
    pub questions: Vec<VueQuestion>,
    /// « Questions à compléter : N (voir la première) », when some are left.
    pub pending: Option<String>,
    /// The first question to answer, fix or confirm.
    pub first_pending: Option<String>,
    /// Why no result can be computed although no question is at fault.
    pub blocking: Option<String>,
    pub show_result: String,
    pub can_show_result: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueChoix {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueQuestion {
    pub id: String,
    pub kind: TypeQuestion,
    pub label: String,
    pub help: String,
    /// « Obligatoire » when required.
    pub required: Option<String>,
    /// Choices as radio buttons (few) or a drop-down (many).
    pub radio: bool,
    pub choices: Vec<VueChoix>,
    /// The text of a text field (dates as « JJ/MM/AAAA »).
    pub value: String,
    /// The answer as words (a choice's label, a date « 15 janvier 2025 »).
    pub shown: Option<String>,
    pub placeholder: String,
    pub suffix: Option<String>,
    pub bounds: Option<String>,
    /// Why a pre-filled answer needs the doctor's confirmation.
    pub prefilled: Option<String>,
    /// Label of the button that confirms it.
    pub confirm: Option<String>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueVerdict {
    pub status: Statut,
    pub symbol: String,
    pub title: String,
    pub rules: String,
}

/// A label and an amount on one line; `spoken` replaces both for screen readers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueMontant {
    pub label: String,
    pub amount: String,
    pub spoken: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueOption {
    pub label: String,
    pub available: bool,
    pub unavailable: Option<VueLigne>,
    pub years: Vec<VueMontant>,
    pub total: VueMontant,
    pub maximum_note: Option<String>,
    pub objective_title: Option<String>,
    pub objective: Option<String>,
    pub targets: Vec<String>,
    pub to_confirm: Option<String>,
    pub deadline: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueSection {
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueResultatApp {
    pub verdict: VueVerdict,
    pub options_title: String,
    pub options: Vec<VueOption>,
    pub compare: String,
    /// Label of the button opening « Coût net ».
    pub net_cost: String,
    pub legal_basis: String,
    pub edit: String,
    pub reasons_title: String,
    pub reasons: Vec<VueLigne>,
    pub second_assistant: Option<VueSection>,
    pub caveats_title: String,
    pub caveats: Vec<VueLigne>,
    pub notices_title: String,
    pub notices: Vec<VueLigne>,
    pub disclaimer: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueLigneComparaison {
    pub label: String,
    pub half: String,
    pub full: String,
    pub spoken: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueNotes {
    pub title: String,
    pub lines: Vec<VueLigne>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueComparaison {
    /// Column headings.
    pub year: String,
    pub half: String,
    pub full: String,
    pub rows: Vec<VueLigneComparaison>,
    pub total: VueLigneComparaison,
    pub maximum_note: Option<String>,
    pub notes: Vec<VueNotes>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueReference {
    pub title: String,
    pub article: Option<String>,
    /// Kind and date in words (« Texte officiel · 20 juin 2024 »).
    pub source: String,
    /// Shown as selectable text, never opened (the app has no network).
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueBaseLegale {
    pub intro: String,
    pub references: Vec<VueReference>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueVersion {
    pub title: String,
    pub period: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueAPropos {
    pub offline: String,
    pub versions_title: String,
    pub versions: Vec<VueVersion>,
    pub applied: Option<String>,
    pub provenance_title: String,
    pub origin: String,
    pub data_version: String,
    pub warning: Option<String>,
    pub import_label: String,
    pub import_outcome: Option<VueLigne>,
}
