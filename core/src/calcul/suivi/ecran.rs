//! The « Mon contrat » screen: what the apps show for a tracked contract, every text rendered
//! here in French and English (amounts and dates through [`crate::format`]), with a spoken text
//! for screen readers wherever a line holds figures. The apps render these fields as they are.

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::{
    suivre, ContratSuivi, IssueAide, Periode, PerspectiveAide, RegleAtteinte, SourceCible, Suivi,
    SuiviIndicateur,
};
use crate::error::Resultat;
use crate::explain::Avertissement;
use crate::format::{date_longue, montant, montant_parle, nombre, ESPACE_GROUPE};
use crate::money;
use crate::objectives::Indicateur;
use crate::rules::{Grade, RuleSet};
use crate::texte::Texte;
use crate::Langue;

/// One indicator's progress, as shown and as spoken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LigneIndicateur {
    #[serde(with = "super::serde_indicateur")]
    pub indicator: Indicateur,
    /// In the language of the call.
    pub label: String,
    /// In the language of the call.
    pub text: String,
    /// In the language of the call.
    pub spoken: String,
    /// Exact progress, as in the tracking result.
    #[serde(with = "money::taux_option")]
    pub progress: Option<Decimal>,
    /// The progress kept within [0, 1], for a gauge.
    #[serde(with = "money::taux_option")]
    pub gauge: Option<Decimal>,
    pub reached: bool,
    /// ✓ reached, ✗ not reached, … not measured (never colour only).
    pub symbol: String,
}

/// Whether the objective is met, and under which rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VerdictContrat {
    pub met: bool,
    pub symbol: String,
    /// In the language of the call.
    pub title: String,
    /// In the language of the call.
    pub rule: String,
    pub confidence: Grade,
}

/// One year-3+ amount and what the objective's reading means for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LignePerspective {
    pub year: i32,
    pub period: Periode,
    pub outcome: IssueAide,
    #[serde(with = "money::option")]
    pub maximum_amount: Option<Decimal>,
    #[serde(with = "money::option")]
    pub usual_reading_amount: Option<Decimal>,
    /// In the language of the call.
    pub text: String,
    /// In the language of the call.
    pub spoken: String,
}

/// What the « Mon contrat » screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueContrat {
    /// In the language of the call.
    pub title: String,
    pub contract_year: i32,
    /// In the language of the call.
    pub year: String,
    pub indicators: Vec<LigneIndicateur>,
    pub verdict: VerdictContrat,
    /// In the language of the call.
    pub assessment: String,
    /// In the language of the call.
    pub outlook_title: String,
    pub outlook: Vec<LignePerspective>,
    pub caveats: Vec<Avertissement>,
    /// Ids of the references, sorted (resolved with `RuleSet::reference`).
    pub references: Vec<Texte>,
    /// In the language of the call.
    pub disclaimer: Texte,
}

/// The screen for contract `c` on date `on` (given by the app: today).
pub fn vue(
    rules: &RuleSet,
    c: &ContratSuivi,
    on: NaiveDate,
    langue: Langue,
) -> Resultat<VueContrat> {
    Ok(vue_contrat(&suivre(rules, c, on, langue)?, langue))
}

fn ordinal_fr(n: i32) -> String {
    if n == 1 {
        "1re".to_owned()
    } else {
        format!("{n}e")
    }
}

fn majuscule(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(p) => p.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Whole percentage of a ratio, rounded half to even (the figure of the gauge's label).
fn pourcent(r: Decimal) -> i64 {
    (r * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(0, RoundingStrategy::MidpointNearestEven)
        .to_i64()
        .unwrap_or(0)
}

fn pourcent_texte(r: Decimal, l: Langue) -> String {
    match l {
        // French sets « % » apart with a narrow no-break space, as it groups digits.
        Langue::Fr => format!("{}{ESPACE_GROUPE}%", nombre(pourcent(r), l)),
        Langue::En => format!("{}%", nombre(pourcent(r), l)),
    }
}

fn signe(n: i64, l: Langue) -> String {
    if n >= 0 {
        format!("+{}", nombre(n, l))
    } else {
        nombre(n, l)
    }
}

fn patients(n: i64, l: Langue) -> &'static str {
    let pluriel = match l {
        Langue::Fr => n.abs() >= 2,
        Langue::En => n.abs() != 1,
    };
    if pluriel {
        "patients"
    } else {
        "patient"
    }
}

fn periode(debut: NaiveDate, fin: NaiveDate, l: Langue) -> String {
    match l {
        Langue::Fr => format!("du {} au {}", date_longue(debut, l), date_longue(fin, l)),
        Langue::En => format!("{} to {}", date_longue(debut, l), date_longue(fin, l)),
    }
}

fn refs(ids: &[Texte]) -> String {
    ids.join(", ")
}

fn ligne_indicateur(x: &SuiviIndicateur, langue: Langue) -> LigneIndicateur {
    let texte = |l: Langue| {
        let fr = l == Langue::Fr;
        let nom = majuscule(if fr {
            x.indicator.libelle_fr()
        } else {
            x.indicator.libelle_en()
        });
        let base = nombre(i64::from(x.baseline), l);
        let cible = nombre(i64::from(x.target), l);
        let pre = match (x.target_source, fr) {
            (SourceCible::Grid, true) => " (cible pré-remplie d'après la grille, à vérifier)",
            (SourceCible::Grid, false) => " (target prefilled from the grid, to check)",
            (SourceCible::Contract, _) => "",
        };
        let etat = match (x.reached, fr) {
            (true, true) => "cible atteinte",
            (false, true) => "cible pas encore atteinte",
            (true, false) => "target reached",
            (false, false) => "target not reached yet",
        };
        let requis = i64::from(x.required);
        match (x.current, x.gained, x.progress) {
            (Some(cur), Some(g), Some(p)) => {
                let cur = nombre(i64::from(cur), l);
                let (texte, parle) = if fr {
                    (
                        format!("{nom} : {cur} (départ {base}, cible {cible}{pre}), {} sur {}, soit {} — {etat}", signe(g, l), signe(requis, l), pourcent_texte(p, l)),
                        if g >= 0 {
                            format!("{nom} : {g} {} gagnés sur {requis} demandés, soit {} pour cent. {}.", patients(g, l), pourcent(p), majuscule(etat))
                        } else {
                            format!("{nom} : {} {} perdus, pour {requis} demandés. {}.", -g, patients(g, l), majuscule(etat))
                        },
                    )
                } else {
                    (
                        format!("{nom}: {cur} (baseline {base}, target {cible}{pre}), {} of {}, {} — {etat}", signe(g, l), signe(requis, l), pourcent_texte(p, l)),
                        if g >= 0 {
                            format!("{nom}: {g} {} gained of {requis} required, {} percent. {}.", patients(g, l), pourcent(p), majuscule(etat))
                        } else {
                            format!("{nom}: {} {} lost, for {requis} required. {}.", -g, patients(g, l), majuscule(etat))
                        },
                    )
                };
                (nom, texte, parle)
            }
            _ => {
                let t = if fr {
                    format!("{nom} : pas encore de mesure (départ {base}, cible {cible}{pre})")
                } else {
                    format!("{nom}: no measurement yet (baseline {base}, target {cible}{pre})")
                };
                (nom, t.clone(), t)
            }
        }
    };
    let (label, text, spoken) = texte(langue);
    LigneIndicateur {
        indicator: x.indicator,
        label,
        text,
        spoken,
        progress: x.progress,
        gauge: x.progress.map(|p| p.clamp(Decimal::ZERO, Decimal::ONE)),
        reached: x.reached,
        symbol: match (x.current, x.reached) {
            (None, _) => "…".to_string(),
            (Some(_), true) => "✓".to_string(),
            (Some(_), false) => "✗".to_owned(),
        },
    }
}

fn ligne_perspective(s: &Suivi, p: &PerspectiveAide, langue: Langue) -> LignePerspective {
    let texte = |l: Langue, parle: bool| {
        let fr = l == Langue::Fr;
        let somme = |d: Decimal| {
            if parle {
                montant_parle(d, l)
            } else {
                montant(d, l)
            }
        };
        let tete = if fr {
            format!("Année {} ({})", p.year, periode(p.start, p.end, l))
        } else {
            format!("Year {} ({})", p.year, periode(p.start, p.end, l))
        };
        let revalue = if p.rules_id != s.rules.id {
            if fr {
                format!(", montant de « {} »", p.rules_id)
            } else {
                format!(", amount of `{}`", p.rules_id)
            }
        } else {
            String::new()
        };
        let Some(max) = p.maximum_amount else {
            return if fr {
                format!("{tete} : montant non publié, à confirmer avec votre CPAM")
            } else {
                format!("{tete}: amount not published, to confirm with your CPAM")
            };
        };
        match (p.outcome, p.usual_reading_amount, fr) {
            (IssueAide::Maximum, _, true) => format!(
                "{tete} : {} (le maximum{revalue} : objectif atteint)",
                somme(max)
            ),
            (IssueAide::Maximum, _, false) => format!(
                "{tete}: {} (the maximum{revalue}: objective met)",
                somme(max)
            ),
            (IssueAide::Modulated, u, true) => {
                let usuelle = u.map_or_else(String::new, |u| {
                    format!(". Lecture usuelle (hypothèse, grade C) : {}", somme(u))
                });
                format!("{tete} : {} au maximum{revalue} ; objectif non atteint : modulé, formule non publiée{usuelle}", somme(max))
            }
            (IssueAide::Modulated, u, false) => {
                let usuelle = u.map_or_else(String::new, |u| {
                    format!(". Usual reading (assumption, grade C): {}", somme(u))
                });
                format!("{tete}: {} at most{revalue}; objective not met: modulated, formula not published{usuelle}", somme(max))
            }
        }
    };
    LignePerspective {
        year: p.year,
        period: p.period,
        outcome: p.outcome,
        maximum_amount: p.maximum_amount,
        usual_reading_amount: p.usual_reading_amount,
        text: selon!(langue, texte(Langue::Fr, false), texte(Langue::En, false)),
        spoken: selon!(langue, texte(Langue::Fr, true), texte(Langue::En, true)),
    }
}

/// The screen's view model for a tracking result.
pub fn vue_contrat(s: &Suivi, langue: Langue) -> VueContrat {
    let a = &s.assessment;
    let un_seul = s.indicators.len() + s.unfollowed_indicators.len() == 1;
    let regle = |l: Langue| {
        let fr = l == Langue::Fr;
        let corps = match (s.rule, un_seul, fr) {
            (_, true, true) => "la cible de l'indicateur doit être atteinte",
            (_, true, false) => "the indicator must reach its target",
            (RegleAtteinte::Both, false, true) => "les deux cibles doivent être atteintes",
            (RegleAtteinte::Both, false, false) => "both targets must be reached",
            (RegleAtteinte::OneOfTwo, false, true) => "une des deux cibles suffit",
            (RegleAtteinte::OneOfTwo, false, false) => "one of the two targets is enough",
        };
        if fr {
            format!(
                "Règle de votre contrat (« {} ») : {corps} [grade {} ; {}]",
                s.rules.id,
                s.rule_confidence,
                refs(&s.rule_references)
            )
        } else {
            format!(
                "Rule of your contract (`{}`): {corps} [grade {}; {}]",
                s.rules.id,
                s.rule_confidence,
                refs(&s.rule_references)
            )
        }
    };
    let evaluation = |l: Langue| {
        let fr = l == Langue::Fr;
        let echeance = a.deadline.map_or_else(String::new, |d| {
            if fr {
                format!(
                    " Échéance publiée pour atteindre l'objectif : {}.",
                    date_longue(d, l)
                )
            } else {
                format!(
                    " Published deadline to reach the objective: {}.",
                    date_longue(d, l)
                )
            }
        });
        let corps = match (a.from_year, a.from_date, a.assessed, fr) {
            (Some(n), Some(d), true, true) => format!(
                "Objectif évalué à partir de la {} année, commencée le {} : l'aide de cette année et des suivantes en dépend [grade {} ; {}].",
                ordinal_fr(n), date_longue(d, l), a.confidence, refs(&a.references)
            ),
            (Some(n), Some(d), false, true) => format!(
                "Pas encore évalué : l'objectif le sera à partir de la {} année, qui commence le {} [grade {} ; {}].",
                ordinal_fr(n), date_longue(d, l), a.confidence, refs(&a.references)
            ),
            (Some(n), Some(d), true, false) => format!(
                "Objective assessed from contract year {n}, which began on {}: the aid of that year and later depends on it [grade {}; {}].",
                date_longue(d, l), a.confidence, refs(&a.references)
            ),
            (Some(n), Some(d), false, false) => format!(
                "Not assessed yet: the objective will be from contract year {n}, which starts on {} [grade {}; {}].",
                date_longue(d, l), a.confidence, refs(&a.references)
            ),
            (_, _, _, true) => "Année d'évaluation de l'objectif non publiée : à confirmer avec votre CPAM.".to_owned(),
            (_, _, _, false) => "Year from which the objective is assessed not published: to confirm with your CPAM.".to_owned(),
        };
        format!("{corps}{echeance}")
    };
    let premiere = s.aid_outlook.first().map_or(0, |p| p.year);
    VueContrat {
        title: selon!(
            langue,
            format!(
                "Mon contrat : {} signé le {}",
                s.option.libelle_fr(),
                date_longue(s.signature_date, Langue::Fr)
            ),
            format!(
                "My contract: {} signed on {}",
                s.option.libelle_en(),
                date_longue(s.signature_date, Langue::En)
            )
        ),
        contract_year: s.contract_year,
        year: selon!(
            langue,
            format!(
                "{} année du contrat ({}), au {}",
                ordinal_fr(s.contract_year),
                periode(s.year_start, s.year_end, Langue::Fr),
                date_longue(s.on, Langue::Fr)
            ),
            format!(
                "Contract year {} ({}), on {}",
                s.contract_year,
                periode(s.year_start, s.year_end, Langue::En),
                date_longue(s.on, Langue::En)
            )
        ),
        indicators: s
            .indicators
            .iter()
            .map(|x| ligne_indicateur(x, langue))
            .collect(),
        verdict: VerdictContrat {
            met: s.met,
            symbol: if s.met {
                "✓".to_string()
            } else {
                "✗".to_string()
            },
            title: selon!(
                langue,
                if s.met {
                    "Objectif atteint à cette date".to_owned()
                } else {
                    "Objectif pas encore atteint".to_owned()
                },
                if s.met {
                    "Objective met on this date".to_owned()
                } else {
                    "Objective not met yet".to_owned()
                }
            ),
            rule: selon!(langue, regle(Langue::Fr), regle(Langue::En)),
            confidence: s.met_confidence,
        },
        assessment: selon!(langue, evaluation(Langue::Fr), evaluation(Langue::En)),
        outlook_title: selon!(
            langue,
            format!("Aide à partir de la {} année", ordinal_fr(premiere)),
            format!("Aid from contract year {premiere}")
        ),
        outlook: s
            .aid_outlook
            .iter()
            .map(|p| ligne_perspective(s, p, langue))
            .collect(),
        caveats: s.caveats.clone(),
        references: s.references.clone(),
        disclaimer: s.disclaimer.clone(),
    }
}
