//! Contract timeline: each contract year with its dates, the version whose amount applies and the
//! amount. A later version that revalues running contracts (convention 2024) applies to every
//! contract year starting on or after the first anniversary falling on or after its start (§3).

use chrono::{Datelike, NaiveDate};
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

/// The `k`-th anniversary of `debut` (`k >= 0`): the same month and day `k` years later, 29 February
/// becoming 28 February in a common year, as chrono's `checked_add_months(12 k)` gives, without
/// its generic month arithmetic (about 65 instructions instead of 168, measured).
fn anniversaire(debut: NaiveDate, k: i32) -> Option<NaiveDate> {
    // The same bound as `12 k` months in a `u32`: beyond it, no date is in chrono's range anyway.
    k.checked_mul(12).filter(|m| *m >= 0)?;
    let annee = debut.year().checked_add(k)?;
    debut.with_year(annee).or_else(|| {
        // Only 29 February can be missing in another year: clamped to the month's last day.
        (debut.month() == 2 && debut.day() == 29)
            .then(|| NaiveDate::from_ymd_opt(annee, 2, 28))
            .flatten()
    })
}

/// Start of contract year `annee` (1-based): the `annee - 1`-th anniversary of `debut`.
pub fn debut_annee(debut: NaiveDate, annee: i32) -> Resultat<NaiveDate> {
    annee
        .checked_sub(1)
        .and_then(|k| anniversaire(debut, k))
        .ok_or_else(|| date_erreur("start"))
}

/// Last day of contract year `annee`.
pub fn fin_annee(debut: NaiveDate, annee: i32) -> Resultat<NaiveDate> {
    anniversaire(debut, annee)
        .and_then(|d| d.pred_opt())
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
    // Year 1 starts on `debut` (its 0th anniversary).
    let mut start = debut;
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
        let suivant = anniversaire(debut, annee).ok_or_else(|| date_erreur("start"))?;
        let end = suivant.pred_opt().ok_or_else(|| date_erreur("start"))?;
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use chrono::{Days, Months};

    use super::*;

    /// The definitions `anniversaire` replaces: chrono's month arithmetic.
    fn debut_par_mois(debut: NaiveDate, annee: i32) -> Option<NaiveDate> {
        annee
            .checked_sub(1)
            .and_then(|a| a.checked_mul(12))
            .and_then(|m| u32::try_from(m).ok())
            .and_then(|m| debut.checked_add_months(Months::new(m)))
    }

    fn fin_par_mois(debut: NaiveDate, annee: i32) -> Option<NaiveDate> {
        annee
            .checked_mul(12)
            .and_then(|m| u32::try_from(m).ok())
            .and_then(|m| debut.checked_add_months(Months::new(m)))
            .and_then(|d| d.checked_sub_days(Days::new(1)))
    }

    fn date(a: i32, m: u32, j: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(a, m, j).unwrap()
    }

    #[test]
    fn les_anniversaires_sont_ceux_de_l_arithmetique_des_mois() {
        let mut debuts = vec![
            NaiveDate::MIN,
            NaiveDate::MAX,
            date(NaiveDate::MAX.year(), 1, 1),
            date(NaiveDate::MIN.year(), 12, 31),
            date(-4, 2, 29),
            date(0, 2, 29),
        ];
        // Every day of a leap year and of the years around it (29 February among them).
        let mut d = date(2023, 1, 1);
        while d < date(2026, 1, 1) {
            debuts.push(d);
            d = d.succ_opt().unwrap();
        }
        debuts.extend([date(1900, 2, 28), date(2000, 2, 29), date(2100, 3, 1)]);
        let annees = (-3..=12)
            .chain([100, 101, 400, 262_143, 524_288, 178_956_970, 178_956_971])
            .chain([178_956_972, i32::MAX / 12, i32::MAX - 1, i32::MAX, i32::MIN]);
        let annees: Vec<i32> = annees.collect();
        for &debut in &debuts {
            for &annee in &annees {
                assert_eq!(
                    debut_annee(debut, annee).ok(),
                    debut_par_mois(debut, annee),
                    "debut_annee({debut}, {annee})"
                );
                assert_eq!(
                    fin_annee(debut, annee).ok(),
                    fin_par_mois(debut, annee),
                    "fin_annee({debut}, {annee})"
                );
            }
        }
        // 29 February: 28 February in a common year, 29 again in the next leap year.
        let bissextile = date(2024, 2, 29);
        assert_eq!(debut_annee(bissextile, 2).unwrap(), date(2025, 2, 28));
        assert_eq!(debut_annee(bissextile, 5).unwrap(), date(2028, 2, 29));
        assert_eq!(fin_annee(bissextile, 1).unwrap(), date(2025, 2, 27));
        assert_eq!(fin_annee(bissextile, 4).unwrap(), date(2028, 2, 28));
        // Out of range: the same typed error as before.
        let e = debut_annee(NaiveDate::MAX, 2).unwrap_err();
        assert_eq!(e, date_erreur("start"));
        assert_eq!(
            fin_annee(NaiveDate::MIN, 0).unwrap_err(),
            date_erreur("start")
        );
    }
}
