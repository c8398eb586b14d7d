//! The two screens after the result: « Coût net » (the economics of hiring, ½ ETP and 1 ETP side
//! by side, for the doctor's answers) and « Mon contrat » (a running contract entered once and
//! kept on the device). Both render the calcul layer's view models as they are
//! ([`economie::vue_comparaison`], [`suivi::ecran::vue`]): nothing is recomputed here, this
//! only holds the typed texts, routes the events and picks the language.

use super::{
    date_jj_mm_aaaa, lisible, pick, t, vue_question, Application, Ecriture, VueLigne, VueQuestion,
};
use super::{Ecran, FICHIER_CONTRAT};
use crate::economie::{self, Comparaison, Hypotheses, VueEconomie};
use crate::error::Erreur;
use crate::format::montant;
use crate::questionnaire::{
    choix_codes, choix_secteurs, choix_tranches, ids, partie, textes, Choix, TypeQuestion,
};
use crate::situation::Formule;
use crate::suivi::{self, SaisieMesure, SaisieSuivi};
use crate::Langue;
use serde::Serialize;

/// The field of the net-cost screen: the full-time gross monthly salary (empty: the floor).
pub const CHAMP_BRUT: &str = "economie.gross_monthly";
/// Ids of the contract form's fields start with this (sent as ordinary answers).
pub const PREFIXE_CONTRAT: &str = "contrat.";

/// One field of the contract form: its id in the app, the input field it fills in the tracking
/// input (what the core's errors name), its kind and texts.
struct Champ {
    id: &'static str,
    entree: &'static str,
    kind: TypeQuestion,
    requis: bool,
    /// Label fr, label en, help fr, help en, in one text (`textes!`: one pointer, not four).
    textes: &'static str,
}

impl Champ {
    fn label(&self, l: Langue) -> &'static str {
        partie(self.textes, pick(l, 0, 1))
    }

    fn aide(&self, l: Langue) -> &'static str {
        partie(self.textes, pick(l, 2, 3))
    }
}

macro_rules! champ {
    ($id:expr, $entree:expr, $kind:expr, $requis:expr, ($fr:literal, $en:literal $(,)?), ($aide_fr:literal, $aide_en:literal $(,)?) $(,)?) => {
        Champ {
            id: $id,
            entree: $entree,
            kind: $kind,
            requis: $requis,
            textes: textes!($fr, $en, $aide_fr, $aide_en),
        }
    };
}

use TypeQuestion::{Choice, Count, Date};

const CHAMPS: [Champ; 13] = [
    champ!(
        "contrat.signature_date",
        "signature_date",
        Date,
        true,
        ("Date de signature du contrat", "Contract signature date"),
        (
            "Elle choisit les règles de votre contrat.",
            "It selects the rules of your contract.",
        ),
    ),
    champ!(
        "contrat.specialty",
        "specialty",
        Choice,
        true,
        ("Spécialité", "Specialty"),
        ("Celle du contrat.", "The contract's."),
    ),
    champ!(
        "contrat.sector",
        "sector",
        Choice,
        true,
        ("Secteur conventionnel", "Conventional sector"),
        ("Celui du contrat.", "The contract's."),
    ),
    champ!(
        "contrat.option",
        "option",
        Choice,
        true,
        ("Option du contrat", "Contract option"),
        (
            "Temps de travail de l'assistant prévu au contrat.",
            "The assistant's working time in the contract.",
        ),
    ),
    champ!(
        "contrat.start",
        "start",
        Date,
        false,
        ("Début du contrat", "Contract start"),
        ("Vide : la date de signature.", "Empty: the signature date."),
    ),
    champ!(
        "contrat.percentile_band",
        "percentile_band",
        Choice,
        false,
        ("Tranche de patientèle au départ", "Starting patient band"),
        (
            "Elle fixe la ligne du barème des montants.",
            "It sets the row of the amounts table.",
        ),
    ),
    champ!(
        "contrat.baseline_pmt",
        "baseline_pmt",
        Count,
        false,
        (
            "Patientèle médecin traitant au départ",
            "Médecin-traitant patients at the start",
        ),
        ("Inscrite au contrat.", "Written in the contract."),
    ),
    champ!(
        "contrat.target_pmt",
        "target_pmt",
        Count,
        false,
        (
            "Patientèle médecin traitant visée",
            "Médecin-traitant patients targeted",
        ),
        (
            "L'objectif fixé par la CPAM, inscrit au contrat.",
            "The objective the CPAM set, written in the contract.",
        ),
    ),
    champ!(
        "contrat.current_pmt",
        "measurements[0].pmt",
        Count,
        false,
        (
            "Patientèle médecin traitant actuelle",
            "Médecin-traitant patients now",
        ),
        (
            "Lue sur amelipro ou votre logiciel.",
            "Read on amelipro or your practice software.",
        ),
    ),
    champ!(
        "contrat.baseline_fa",
        "baseline_fa",
        Count,
        false,
        ("File active au départ", "Active patients at the start"),
        ("Inscrite au contrat.", "Written in the contract."),
    ),
    champ!(
        "contrat.target_fa",
        "target_fa",
        Count,
        false,
        ("File active visée", "Active patients targeted"),
        (
            "L'objectif fixé par la CPAM, inscrit au contrat.",
            "The objective the CPAM set, written in the contract.",
        ),
    ),
    champ!(
        "contrat.current_fa",
        "measurements[0].fa",
        Count,
        false,
        ("File active actuelle", "Active patients now"),
        (
            "Lue sur amelipro ou votre logiciel.",
            "Read on amelipro or your practice software.",
        ),
    ),
    champ!(
        "contrat.measured_on",
        "measurements[0].date",
        Date,
        false,
        ("Date de la mesure", "Date of the counts"),
        (
            "Pré-remplie avec la date du jour.",
            "Pre-filled with today's date.",
        ),
    ),
];

const MESURE: &str = "contrat.measured_on";

/// The contract form and what the core made of it.
#[derive(Debug, Default)]
pub(super) struct EtatContrat {
    /// Form field id → text as typed (dates already "AAAA-MM-JJ" when they read as dates).
    valeurs: Valeurs,
    /// The contract's view, or the error of its input, once something is entered.
    vue: Option<Result<suivi::ecran::VueContrat, Erreur>>,
}

/// The contract form's texts by field id: at most one per field of `CHAMPS`, a short list (a
/// B-tree of its own type cost library size).
#[derive(Debug, Default)]
struct Valeurs(Vec<(&'static str, String)>);

impl Valeurs {
    fn get(&self, id: &str) -> Option<&String> {
        self.0.iter().find(|(k, _)| *k == id).map(|(_, v)| v)
    }

    fn insert(&mut self, id: &'static str, v: String) {
        self.remove(id);
        self.0.push((id, v));
    }

    fn remove(&mut self, id: &str) {
        self.0.retain(|(k, _)| *k != id);
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The net-cost screen's state: the salary as typed and the economics of the current answers.
#[derive(Debug, Default)]
pub(super) struct EtatCoutNet {
    brut: String,
    comparaison: Option<Result<Comparaison, Erreur>>,
}

impl EtatContrat {
    /// The form filled from the saved bytes (the last measurement's counts as « actuelle »).
    pub(super) fn relire(octets: &[u8]) -> Option<EtatContrat> {
        let c = suivi::relire(std::str::from_utf8(octets).ok()?).ok()?;
        let s = c.saisie();
        let mut v = Valeurs::default();
        let mut mettre = |id: &'static str, x: Option<String>| {
            if let Some(x) = x {
                v.insert(id, x);
            }
        };
        mettre("contrat.signature_date", s.signature_date);
        mettre("contrat.specialty", s.specialty);
        mettre("contrat.sector", s.sector);
        mettre("contrat.option", s.option);
        mettre("contrat.start", s.start);
        mettre("contrat.percentile_band", s.percentile_band);
        mettre(
            "contrat.baseline_pmt",
            s.baseline_pmt.map(|n| n.to_string()),
        );
        mettre("contrat.target_pmt", s.target_pmt.map(|n| n.to_string()));
        mettre("contrat.baseline_fa", s.baseline_fa.map(|n| n.to_string()));
        mettre("contrat.target_fa", s.target_fa.map(|n| n.to_string()));
        if let Some(m) = s.measurements.last() {
            mettre(MESURE, m.date.clone());
            mettre("contrat.current_pmt", m.pmt.map(|n| n.to_string()));
            mettre("contrat.current_fa", m.fa.map(|n| n.to_string()));
        }
        Some(EtatContrat {
            valeurs: v,
            vue: None,
        })
    }
}

/// A count typed in a field: an integer, else the core's « unknown value » error naming it.
fn compte(entree: &str, texte: Option<&String>) -> Result<Option<i64>, Erreur> {
    texte
        .map(|x| {
            x.trim().parse::<i64>().map_err(|_| {
                Erreur::valeur_inconnue(entree, x, "nombre entier, ex. 1300 / whole number")
            })
        })
        .transpose()
}

impl Application {
    /// The value a contract field shows: typed, else pre-filled (from the simulation's answers,
    /// the measurement date from today).
    fn valeur_contrat(&self, id: &str) -> Option<String> {
        if let Some(v) = self.contrat.valeurs.get(id) {
            return Some(v.clone());
        }
        let simulation = |q: &str| {
            self.questionnaire
                .questions
                .iter()
                .find(|x| x.id == q)
                .and_then(|x| x.answer.clone())
        };
        match id {
            "contrat.specialty" => simulation(ids::SPECIALTY),
            "contrat.sector" => simulation(ids::SECTOR),
            "contrat.percentile_band" => simulation(ids::PERCENTILE_BAND),
            MESURE => self.aujourd_hui.map(|d| d.to_string()),
            // The contract starts on its signature unless it says otherwise (as saved).
            "contrat.start" => self.contrat.valeurs.get("contrat.signature_date").cloned(),
            _ => None,
        }
    }

    fn saisie_contrat(&self) -> Result<SaisieSuivi, Erreur> {
        let v = |id: &str| self.valeur_contrat(id);
        let n = |id: &str| -> Result<Option<i64>, Erreur> {
            let entree = CHAMPS.iter().find(|c| c.id == id).map_or(id, |c| c.entree);
            compte(entree, v(id).as_ref())
        };
        let (pmt, fa) = (n("contrat.current_pmt")?, n("contrat.current_fa")?);
        Ok(SaisieSuivi {
            signature_date: v("contrat.signature_date"),
            specialty: v("contrat.specialty"),
            sector: v("contrat.sector"),
            option: v("contrat.option"),
            start: v("contrat.start"),
            percentile_band: v("contrat.percentile_band"),
            baseline_pmt: n("contrat.baseline_pmt")?,
            target_pmt: n("contrat.target_pmt")?,
            baseline_fa: n("contrat.baseline_fa")?,
            target_fa: n("contrat.target_fa")?,
            measurements: if pmt.is_some() || fa.is_some() {
                vec![SaisieMesure {
                    date: v(MESURE),
                    pmt,
                    fa,
                }]
            } else {
                Vec::new()
            },
        })
    }

    /// Recomputes the contract's view from the form (on `today`); with `enregistrer`, a valid
    /// contract is handed to the app to store (the last valid one stays stored otherwise).
    pub(super) fn recalculer_contrat(&mut self, enregistrer: bool) {
        if self.contrat.valeurs.is_empty() {
            self.contrat.vue = None;
            return;
        }
        let jour = self.aujourd_hui;
        let resultat = self.saisie_contrat().and_then(|s| {
            let c = s.valider()?;
            let on = match jour {
                Some(d) => d,
                None => c.measurements.last().map_or(c.start, |m| m.date),
            };
            let vue = suivi::ecran::vue(self.store.regles(), &c, on, self.langue)?;
            Ok((c, vue))
        });
        self.contrat.vue = Some(match resultat {
            Ok((c, vue)) => {
                if enregistrer {
                    if let Ok(texte) = suivi::enregistrer(&c) {
                        self.ecritures.push(Ecriture {
                            nom: FICHIER_CONTRAT.to_string(),
                            octets: Some(texte.into_bytes()),
                        });
                    }
                }
                Ok(vue)
            }
            Err(e) => Err(e),
        });
    }

    /// A keystroke or a tap in the contract form.
    pub(super) fn repondre_contrat(&mut self, id: &str, valeur: Option<String>) {
        let Some(c) = CHAMPS.iter().find(|c| c.id == id) else {
            return;
        };
        match valeur.filter(|v| !v.trim().is_empty()) {
            Some(v) => {
                let v = match (c.kind, date_jj_mm_aaaa(&v)) {
                    (Date, Some(d)) => d.to_string(),
                    _ => v.trim().to_owned(),
                };
                self.contrat.valeurs.insert(c.id, v);
            }
            None => {
                self.contrat.valeurs.remove(c.id);
            }
        }
        self.recalculer_contrat(true);
    }

    /// The salary typed on the net-cost screen.
    pub(super) fn repondre_brut(&mut self, valeur: Option<String>) {
        self.cout_net.brut = valeur.unwrap_or_default().trim().to_owned();
        self.recalculer_cout_net();
    }

    /// The economics of the current answers, while the net-cost screen is open (the 5-year
    /// month-by-month employer cost is not worth computing on every keystroke elsewhere).
    pub(super) fn recalculer_cout_net(&mut self) {
        if !self.pile.contains(&Ecran::CoutNet) || !self.peut_voir_resultat() {
            self.cout_net.comparaison = None;
            return;
        }
        let brut = &self.cout_net.brut;
        let regles = self.store.regles();
        let r = (|| {
            let brut = (!brut.is_empty())
                .then(|| economie::lire_decimal("gross_monthly", &brut.replace(',', ".")))
                .transpose()?;
            let s = crate::questionnaire::situation(
                regles,
                &self.reponses,
                self.aujourd_hui,
                self.langue,
            )?;
            economie::comparer(regles, &s, None, brut, &Hypotheses::default(), self.langue)
        })();
        self.cout_net.comparaison = Some(r);
    }

    #[inline(never)]
    pub(super) fn vue_cout_net(&self) -> Option<VueCoutNet> {
        let l = self.langue;
        let comparaison = self.cout_net.comparaison.as_ref()?;
        let erreur = comparaison.as_ref().err().map(|e| {
            let m = pick(l, &e.message_fr, &e.message_en);
            let libelle = t(
                l,
                "Salaire brut mensuel à temps plein",
                "Full-time gross monthly salary",
            );
            let m = lisible(m, &[("gross_monthly", libelle.as_str())], l);
            pick(l, format!("À corriger : {m}"), format!("To fix: {m}"))
        });
        let sur_salaire = comparaison
            .as_ref()
            .err()
            .is_some_and(|e| e.champ.as_deref() == Some("gross_monthly"));
        Some(VueCoutNet {
            intro: t(
                l,
                "Ce que l'assistant coûte et ce que l'aide en couvre, pour vos réponses. Changez le salaire pour voir l'effet.",
                "What the assistant costs and how much of it the aid covers, for your answers. Change the salary to see the effect.",
            ),
            salary: {
                let libelle = t(
                    l,
                    "Salaire brut mensuel à temps plein",
                    "Full-time gross monthly salary",
                );
                let aide = pick(
                    l,
                    "Vide : le plancher de la grille (jamais sous le SMIC). Proratisé pour ½ ETP.",
                    "Empty: the grid's floor (never below the SMIC). Prorated for ½ FTE.",
                );
                let mut q = vue_question(
                    l,
                    [CHAMP_BRUT, &libelle, aide],
                    TypeQuestion::Percentage,
                    false,
                    &[],
                    None,
                    None,
                    self.cout_net.brut.clone(),
                );
                q.radio = false;
                q.placeholder = t(l, "Plancher", "Floor");
                q.suffix = Some("€".to_owned());
                q.bounds = Some(match l {
                    Langue::Fr => format!(
                        "Entre {} et {}",
                        montant(economie::BRUT_MIN, l),
                        montant(economie::BRUT_MAX, l)
                    ),
                    Langue::En => format!(
                        "Between {} and {}",
                        montant(economie::BRUT_MIN, l),
                        montant(economie::BRUT_MAX, l)
                    ),
                });
                q.error = erreur.clone().filter(|_| sur_salaire);
                q
            },
            economics: comparaison
                .as_ref()
                .ok()
                .map(|c| economie::vue_comparaison(self.store.regles(), c, l)),
            error: erreur.filter(|_| !sur_salaire),
        })
    }

    #[inline(never)]
    pub(super) fn vue_mon_contrat(&self) -> VueMonContrat {
        let l = self.langue;
        let libelles: Vec<(&str, &str)> = CHAMPS.iter().map(|c| (c.entree, c.label(l))).collect();
        let lire = |e: &Erreur| {
            let m = lisible(pick(l, &e.message_fr, &e.message_en), &libelles, l);
            pick(l, format!("À corriger : {m}"), format!("To fix: {m}"))
        };
        let erreur = self.contrat.vue.as_ref().and_then(|r| r.as_ref().err());
        let champ_erreur = erreur
            .and_then(|e| e.champ.as_deref())
            .and_then(|f| CHAMPS.iter().find(|c| c.entree == f))
            .map(|c| c.id);
        let simulation = |q: &str| self.questionnaire.questions.iter().find(|x| x.id == q);
        let questions = CHAMPS
            .iter()
            .map(|c| {
                let valeur = self.valeur_contrat(c.id);
                let choix: Vec<Choix> = match c.id {
                    "contrat.specialty" => simulation(ids::SPECIALTY)
                        .map(|q| q.choices.clone())
                        .unwrap_or_default(),
                    "contrat.sector" => choix_secteurs(l),
                    "contrat.option" => choix_codes(
                        &mut Formule::TOUTES
                            .iter()
                            .map(|v| [v.code(), v.libelle_fr(), v.libelle_en()]),
                        l,
                    ),
                    "contrat.percentile_band" => choix_tranches(l),
                    _ => Vec::new(),
                };
                let date = (c.kind == Date)
                    .then(|| {
                        valeur
                            .as_deref()
                            .and_then(|v| crate::rules::date::analyser(v).ok())
                    })
                    .flatten();
                // A choice shows its label, never its code, in the text field.
                let texte = match c.kind {
                    Choice => String::new(),
                    _ => valeur.clone().unwrap_or_default(),
                };
                let mut q = vue_question(
                    l,
                    [c.id, c.label(l), c.aide(l)],
                    c.kind,
                    c.requis,
                    &choix,
                    valeur.as_ref(),
                    date,
                    texte,
                );
                q.error = erreur.filter(|_| champ_erreur == Some(c.id)).map(lire);
                q
            })
            .collect();
        let vue = self.contrat.vue.as_ref().and_then(|r| r.as_ref().ok());
        VueMonContrat {
            intro: t(
                l,
                "Saisissez une fois votre contrat signé et son objectif, puis vos chiffres actuels. Tout reste sur cet appareil.",
                "Enter your signed contract and its objective once, then your current counts. Everything stays on this device.",
            ),
            questions,
            error: erreur.filter(|_| champ_erreur.is_none()).map(lire),
            contract: vue.map(vue_suivi),
        }
    }
}

#[inline(never)]
fn vue_suivi(v: &suivi::ecran::VueContrat) -> VueSuiviApp {
    VueSuiviApp {
        title: v.title.clone(),
        contract_year: v.contract_year,
        year: v.year.clone(),
        indicators: v
            .indicators
            .iter()
            .map(|i| VueIndicateur {
                indicator: suivi::code_indicateur(i.indicator).to_owned(),
                label: i.label.clone(),
                symbol: i.symbol.to_owned(),
                text: i.text.clone(),
                spoken: i.spoken.clone(),
                progress: i.progress.map(|p| p.to_string()),
                gauge_percent: i.gauge.and_then(|g| {
                    use rust_decimal::prelude::ToPrimitive;
                    (g * rust_decimal::Decimal::ONE_HUNDRED).round().to_i32()
                }),
                reached: i.reached,
            })
            .collect(),
        verdict: VueVerdictContrat {
            met: v.verdict.met,
            symbol: v.verdict.symbol.to_owned(),
            title: v.verdict.title.clone(),
            rule: v.verdict.rule.clone(),
        },
        assessment: v.assessment.clone(),
        outlook_title: v.outlook_title.clone(),
        outlook: v
            .outlook
            .iter()
            .map(|o| VueLigne {
                symbol: "•".to_owned(),
                text: o.text.clone(),
                spoken: o.spoken.clone(),
            })
            .collect(),
        caveats: v
            .caveats
            .iter()
            .map(|c| VueLigne::new("!", c.message.to_string()))
            .collect(),
        disclaimer: v.disclaimer.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// The view model of both screens
// ---------------------------------------------------------------------------------------------

/// « Coût net »: the salary field and the economics screen of the calcul layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueCoutNet {
    pub intro: String,
    /// Sent back as an answer with id `CHAMP_BRUT`.
    pub salary: VueQuestion,
    pub economics: Option<VueEconomie>,
    /// Why the figures cannot be computed, when not the salary's fault.
    pub error: Option<String>,
}

/// « Mon contrat »: the form (answers with ids `contrat.*`) and the contract's view once valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueMonContrat {
    pub intro: String,
    pub questions: Vec<VueQuestion>,
    /// An error of the contract not tied to one field.
    pub error: Option<String>,
    pub contract: Option<VueSuiviApp>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueIndicateur {
    /// "pmt" or "fa".
    pub indicator: String,
    pub label: String,
    /// ✓ reached, ✗ not reached, … not measured.
    pub symbol: String,
    pub text: String,
    pub spoken: String,
    /// Exact progress (decimal string), as in the tracking result.
    pub progress: Option<String>,
    /// The progress within 0–100, for a gauge.
    pub gauge_percent: Option<i32>,
    pub reached: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueVerdictContrat {
    pub met: bool,
    pub symbol: String,
    pub title: String,
    /// The rule of the contract's version, with its grade and references.
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueSuiviApp {
    pub title: String,
    pub contract_year: i32,
    pub year: String,
    pub indicators: Vec<VueIndicateur>,
    pub verdict: VueVerdictContrat,
    pub assessment: String,
    pub outlook_title: String,
    /// Each year-3+ amount: the maximum if met, else modulated, with the usual reading labelled.
    pub outlook: Vec<VueLigne>,
    pub caveats: Vec<VueLigne>,
    pub disclaimer: String,
}
