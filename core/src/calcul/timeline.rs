//! Contract timeline: each contract year with its dates, the version whose amount applies and the
//! amount. A later version that revalues running contracts (convention 2024) applies to every
//! contract year starting on or after the first anniversary falling on or after its start (§3).

use chrono::{Days, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::amounts::{self, Ligne};
use crate::error::{Erreur, Resultat};
use crate::money;
use crate::provenance::{pire, Lecteur};
use crate::rules::{ids, Grade, Version};
use crate::situation::Formule;
use crate::texte::Texte;

/// One contract year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnneeContrat {
    pub year: i32,
    pub start: NaiveDate,
    /// Last day of the contract year (inclusive).
    pub end: NaiveDate,
    /// The version whose amount applies to this year.
    pub rules_id: Texte,
    #[serde(with = "money::option")]
    pub amount: Option<Decimal>,
    /// From year 3 the amount is a maximum, modulated by the objective's achievement.
    pub maximum: bool,
    pub confidence: Grade,
}

/// A contract's years, amounts and total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Echeancier {
    pub option: Formule,
    pub start: NaiveDate,
    /// The version governing the contract (by signature date).
    pub signature_rules_id: Texte,
    pub row: Ligne,
    pub years: Vec<AnneeContrat>,
    #[serde(with = "money::option")]
    pub total: Option<Decimal>,
}

fn date_erreur(champ: &str) -> Erreur {
    Erreur::hors_bornes(
        champ,
        "date",
        crate::situation::DATE_MIN,
        crate::situation::DATE_MAX,
    )
}

/// Start of contract year `annee` (1-based): the `annee - 1`-th anniversary of `debut`.
pub fn debut_annee(debut: NaiveDate, annee: i32) -> Resultat<NaiveDate> {
    annee
        .checked_sub(1)
        .and_then(|a| a.checked_mul(12))
        .and_then(|m| u32::try_from(m).ok())
        .and_then(|m| debut.checked_add_months(Months::new(m)))
        .ok_or_else(|| date_erreur("start"))
}

/// Last day of contract year `annee`.
pub fn fin_annee(debut: NaiveDate, annee: i32) -> Resultat<NaiveDate> {
    annee
        .checked_mul(12)
        .and_then(|m| u32::try_from(m).ok())
        .and_then(|m| debut.checked_add_months(Months::new(m)))
        .and_then(|d| d.checked_sub_days(Days::new(1)))
        .ok_or_else(|| date_erreur("start"))
}

/// The version whose amounts apply to a contract year starting on `debut_annee`.
fn version_du_montant<'r>(l: &Lecteur<'r>, annee: i32, debut_annee: NaiveDate) -> &'r Version {
    let signature = l.version;
    let mut retenue = signature;
    if annee >= 2 {
        for v in &l.rules.versions {
            if v.start > signature.start && v.revalues_running_contracts && v.start <= debut_annee {
                retenue = v;
            }
        }
    }
    retenue
}

/// Computes the timeline of a contract governed by the reader's version, starting on `debut`.
/// Values read under later versions are added to the reader's trace. `grade_ligne` is the grade
/// of the choice of row: a row chosen through a band derived from grade-C values makes every
/// amount read on it grade C (a figure inherits the weakest grade it rests on, §0.6).
pub fn calculer(
    l: &mut Lecteur<'_>,
    f: Formule,
    debut: NaiveDate,
    ligne: Ligne,
    grade_ligne: Grade,
) -> Resultat<Echeancier> {
    let duree = l.nombre(ids::CONTRAT_DUREE_ANNEES)?;
    // From this contract year the aid is a maximum, modulated by the objective's achievement.
    let modulation = l.nombre(ids::MODULATION_ANNEE_DEBUT)?;
    let nb_annees = duree
        .valeur
        .ok_or_else(|| Erreur::regles_invalides("contrat.duree_annees inconnue / unknown"))?;
    let mut years = Vec::with_capacity(usize::try_from(nb_annees).unwrap_or(0).min(16));
    let mut start = debut_annee(debut, 1)?;
    let mut bascule: Option<(&Version, Grade)> = None;
    for annee in 1..=nb_annees {
        let version = version_du_montant(l, annee, start);
        // A year under a later, revaluing version also rests on the rule that maps contract
        // years to it (switch at the anniversary: S12, B), read under that version.
        let (m, grade_bascule) = if version.id == l.version.id {
            (amounts::montant(l, f, annee, ligne)?, Grade::A)
        } else {
            l.sous_version(version, |autre| -> Resultat<_> {
                let m = amounts::montant(autre, f, annee, ligne)?;
                // The switch rule of a version, read (and traced) for its first year only:
                // the same value again for the years after.
                let grade = match bascule {
                    Some((v, g)) if v.id == version.id => g,
                    _ => autre.booleen(ids::TRANSITION_BASCULE_ANNIVERSAIRE)?.grade,
                };
                bascule = Some((version, grade));
                Ok((m, grade))
            })?
        };
        // The next year's start, the day after this year's end (`fin_annee`), computed once.
        let suivant = annee
            .checked_add(1)
            .ok_or_else(|| date_erreur("start"))
            .and_then(|a| debut_annee(debut, a))?;
        let end = suivant
            .checked_sub_days(Days::new(1))
            .ok_or_else(|| date_erreur("start"))?;
        years.push(AnneeContrat {
            year: annee,
            start,
            end,
            rules_id: version.id.clone(),
            amount: m.montant,
            maximum: modulation.valeur.is_some_and(|debut| annee >= debut),
            confidence: pire([m.grade, duree.grade, grade_ligne, grade_bascule]),
        });
        start = suivant;
    }
    // Checked: the integrity checks bound every amount, but a sum must never panic.
    let total = match years
        .iter()
        .try_fold(Some(Decimal::ZERO), |acc, a| match (acc, a.amount) {
            (Some(acc), Some(m)) => acc.checked_add(m).map(Some).ok_or(()),
            _ => Ok(None),
        }) {
        Ok(t) => t,
        Err(()) => {
            return Err(Erreur::regles_invalides(
                "total des montants hors limites / amounts total overflows",
            ))
        }
    };
    Ok(Echeancier {
        option: f,
        start: debut,
        signature_rules_id: l.version.id.clone(),
        row: ligne,
        years,
        total,
    })
}
