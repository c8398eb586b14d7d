//! Contract timeline: each contract year with its dates, the version whose amount applies and the
//! amount. A later version that revalues running contracts (convention 2024) applies to every
//! contract year starting on or after the first anniversary falling on or after its start (§3).

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::amounts::{self, Colonne, Ligne, Montant};
use crate::error::{Erreur, Resultat};
use crate::money;
use crate::provenance::{Lecteur, Lu};
use crate::rules::{ids, Grade, Version};
use crate::situation::Formule;
use crate::texte::Texte;

/// One contract year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnneeContrat {
    pub year: i32,
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub start: NaiveDate,
    /// Last day of the contract year (inclusive).
    #[serde(serialize_with = "crate::rules::date::serialiser")]
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
    #[serde(serialize_with = "crate::rules::date::serialiser")]
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

/// The sum of the years' amounts, `None` when one is unknown; `Err` when it overflows (checked:
/// the integrity checks bound every amount, but a sum must never panic).
///
/// The amounts of a table share their scale (cents): their mantissas are summed as integers,
/// where rust_decimal's `checked_add` aligned the scales of every sum (about 47 instructions a
/// year, measured). The same total, scale included; any other case takes `checked_add`.
fn total(years: &[AnneeContrat]) -> Result<Option<Decimal>, ()> {
    let Some(echelle) = years.first().and_then(|a| a.amount).map(|m| m.scale()) else {
        return total_general(years);
    };
    let mut somme: i128 = 0;
    for a in years {
        match a.amount {
            // Below 2^96 each, a few of them: no overflow of an `i128`.
            Some(m) if m.scale() == echelle => somme += m.mantissa(),
            _ => return total_general(years),
        }
    }
    match Decimal::try_from_i128_with_scale(somme, echelle) {
        Ok(t) => Ok(Some(t)),
        // Beyond 96 bits: `checked_add` decides (a smaller scale, or an overflow).
        Err(_) => total_general(years),
    }
}

/// `total`, sum by sum.
fn total_general(years: &[AnneeContrat]) -> Result<Option<Decimal>, ()> {
    years
        .iter()
        .try_fold(Some(Decimal::ZERO), |acc, a| match (acc, a.amount) {
            (Some(acc), Some(m)) => acc.checked_add(m).map(Some).ok_or(()),
            _ => Ok(None),
        })
}

/// The amount of cell (`f`, `colonne`) under `version` (the reader's own when `signature`): the
/// previous year's (`precedent`) when it is the same cell of the same version, a read the trace
/// already holds (years 3 and after), else read.
#[inline(always)]
fn montant_annee<'r>(
    l: &mut Lecteur<'r>,
    f: Formule,
    colonne: Colonne,
    version: &'r Version,
    signature: bool,
    precedent: Option<(&'r Version, Colonne, Montant)>,
) -> Resultat<Montant> {
    match precedent {
        Some((v, c, m)) if std::ptr::eq(v, version) && c == colonne => Ok(m),
        _ if signature => amounts::montant_de(l, f, colonne),
        _ => l.sous_version(version, |autre| amounts::montant_de(autre, f, colonne)),
    }
}

/// Whether two versions are the same: the same object (the usual case, both taken from the reader's
/// rule set, a pointer test) or the same id.
fn meme_version(a: &Version, b: &Version) -> bool {
    std::ptr::eq(a, b) || a.id == b.id
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

/// Contract years a calendar keeps: more than the rule data's contract lasts (5 years); a longer
/// contract is computed year by year for every option.
const ANNEES_CALENDRIER: usize = 8;

/// What a contract year is whatever the option: its dates, the version of its amount and the
/// grade of the rule that maps the year to that version.
#[derive(Clone, Copy)]
struct AnneeCalendrier<'r> {
    start: NaiveDate,
    end: NaiveDate,
    /// The next year's start.
    suivant: NaiveDate,
    version: &'r Version,
    /// Whether `version` is the signature's.
    signature: bool,
    grade_bascule: Grade,
}

impl<'r> AnneeCalendrier<'r> {
    /// Contract year `annee` with its amount `m`: its grade the weakest of the amount's, the
    /// contract length's (`grade_duree`), the row's and the switch rule's.
    #[inline(always)]
    fn contrat(
        &self,
        annee: i32,
        m: Montant,
        grade_duree: Grade,
        modulation: Option<i32>,
        grade_ligne: Grade,
    ) -> AnneeContrat {
        AnneeContrat {
            year: annee,
            start: self.start,
            end: self.end,
            rules_id: self.version.id.clone(),
            amount: m.montant,
            maximum: modulation.is_some_and(|debut| annee >= debut),
            // `pire` of the four without its iterator: 54 instructions a year fewer (measured).
            confidence: m
                .grade
                .min(grade_duree)
                .min(grade_ligne)
                .min(self.grade_bascule),
        }
    }
}

/// The years of a contract signed under a reader's version and starting on a date, as the
/// timeline of its first option computed them: the next option of the same contract (an
/// assessment's) takes them instead of reading and computing them again, its amounts alone read.
/// The reads the years rest on are in the reader's trace already, so the trace is the same.
pub struct Calendrier<'r> {
    signature: &'r Version,
    debut: NaiveDate,
    duree: Lu<i32>,
    modulation: Option<i32>,
    /// The first `remplies` hold the contract's years, in order.
    annees: [AnneeCalendrier<'r>; ANNEES_CALENDRIER],
    remplies: usize,
}

impl<'r> Calendrier<'r> {
    /// Every year of the contract, when the calendar holds them all (a contract of at most
    /// `ANNEES_CALENDRIER` years, its first timeline computed whole).
    fn annees_entieres(&self) -> Option<&[AnneeCalendrier<'r>]> {
        let n = usize::try_from(self.duree.valeur?).ok()?;
        self.annees.get(..n).filter(|_| n <= self.remplies)
    }
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
    calculer_avec(l, None, f, debut, ligne, grade_ligne)
}

/// `calculer`, for options of one contract in turn: `calendrier` keeps the years of the first
/// (`None` before it) and gives them to the next, when it is the same contract (the reader's
/// version, `debut`); the same timelines and trace as `calculer` for each.
pub fn calculer_avec<'r>(
    l: &mut Lecteur<'r>,
    calendrier: Option<&mut Option<Calendrier<'r>>>,
    f: Formule,
    debut: NaiveDate,
    ligne: Ligne,
    grade_ligne: Grade,
) -> Resultat<Echeancier> {
    // The calendar taken up, or the place to keep this contract's in (none for a timeline alone).
    let place = match calendrier {
        Some(Some(c)) if c.debut == debut && std::ptr::eq(c.signature, l.version) => {
            if let Some(annees) = c.annees_entieres() {
                let c = &*c;
                return selon_calendrier(l, c, annees, f, ligne, grade_ligne);
            }
            // A contract longer than the calendar keeps: computed whole again, its reads found
            // in the trace (the same years and trace).
            None
        }
        place => place,
    };
    let (duree, modulation) = (
        l.nombre(ids::CONTRAT_DUREE_ANNEES)?,
        // From this contract year the aid is a maximum, modulated by the objective's
        // achievement.
        l.nombre(ids::MODULATION_ANNEE_DEBUT)?.valeur,
    );
    let mut garde = place.map(|p| {
        p.insert(Calendrier {
            signature: l.version,
            debut,
            duree,
            modulation,
            // Placeholders until the years are computed (`remplies`).
            annees: [AnneeCalendrier {
                start: debut,
                end: debut,
                suivant: debut,
                version: l.version,
                signature: true,
                grade_bascule: Grade::A,
            }; ANNEES_CALENDRIER],
            remplies: 0,
        })
    });
    let nb_annees = duree
        .valeur
        .ok_or_else(|| Erreur::regles_invalides("contrat.duree_annees inconnue / unknown"))?;
    let mut years = Vec::with_capacity(usize::try_from(nb_annees).unwrap_or(0).min(16));
    // Year 1 starts on `debut` (its 0th anniversary).
    let mut start = debut;
    let mut bascule: Option<(&Version, Grade)> = None;
    // The previous year's version and amount with its cell (`montant_annee`), and whether that
    // version is the signature's (set at the first year).
    let mut precedent: Option<(&Version, Colonne, Montant)> = None;
    let mut signature = true;
    for (i, annee) in (1..=nb_annees).enumerate() {
        let version = version_du_montant(l, annee, start);
        // The version changes at most once or twice in a timeline: compared (by id, a string)
        // only when it does.
        signature = match precedent {
            Some((v, ..)) if std::ptr::eq(v, version) => signature,
            _ => meme_version(version, l.version),
        };
        let colonne = Colonne::pour(annee, ligne);
        let m = montant_annee(l, f, colonne, version, signature, precedent)?;
        precedent = Some((version, colonne, m));
        // A year under a later, revaluing version also rests on the rule that maps contract
        // years to it (switch at the anniversary: S12, B), read under that version.
        let grade_bascule = match bascule {
            _ if signature => Grade::A,
            // The switch rule of a version, read (and traced) for its first year only: the same
            // value again for the years after.
            Some((v, g)) if meme_version(v, version) => g,
            _ => {
                let g = l
                    .sous_version(version, |autre| {
                        autre.booleen(ids::TRANSITION_BASCULE_ANNIVERSAIRE)
                    })?
                    .grade;
                bascule = Some((version, g));
                g
            }
        };
        // The next year's start, the day after this year's end (`fin_annee`), computed once.
        let suivant = anniversaire(debut, annee).ok_or_else(|| date_erreur("start"))?;
        let a = AnneeCalendrier {
            start,
            end: suivant.pred_opt().ok_or_else(|| date_erreur("start"))?,
            suivant,
            version,
            signature,
            grade_bascule,
        };
        if let Some(c) = garde.as_mut() {
            if let Some(place) = c.annees.get_mut(i) {
                *place = a;
                c.remplies = i + 1;
            }
        }
        years.push(a.contrat(annee, m, duree.grade, modulation, grade_ligne));
        start = a.suivant;
    }
    echeancier(l, f, debut, ligne, years)
}

/// The timeline of a contract whose years a calendar holds (`annees`, all of them): only the
/// amounts read, the reads of the years already in the trace.
fn selon_calendrier<'r>(
    l: &mut Lecteur<'r>,
    c: &Calendrier<'r>,
    annees: &[AnneeCalendrier<'r>],
    f: Formule,
    ligne: Ligne,
    grade_ligne: Grade,
) -> Resultat<Echeancier> {
    let mut years = Vec::with_capacity(annees.len());
    let mut precedent: Option<(&Version, Colonne, Montant)> = None;
    for (annee, a) in (1..).zip(annees) {
        let colonne = Colonne::pour(annee, ligne);
        let m = montant_annee(l, f, colonne, a.version, a.signature, precedent)?;
        precedent = Some((a.version, colonne, m));
        years.push(a.contrat(annee, m, c.duree.grade, c.modulation, grade_ligne));
    }
    echeancier(l, f, c.debut, ligne, years)
}

/// The timeline of the years computed, with their total.
fn echeancier(
    l: &Lecteur<'_>,
    f: Formule,
    debut: NaiveDate,
    ligne: Ligne,
    years: Vec<AnneeContrat>,
) -> Resultat<Echeancier> {
    let Ok(total) = total(&years) else {
        return Err(Erreur::regles_invalides(
            "total des montants hors limites / amounts total overflows",
        ));
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

    /// `total` gives what summing with `checked_add` gives, scale and overflow included.
    #[test]
    fn total_comme_checked_add() {
        let annees = |montants: &[Option<Decimal>]| -> Vec<AnneeContrat> {
            montants
                .iter()
                .zip(1..)
                .map(|(&amount, year)| AnneeContrat {
                    year,
                    start: NaiveDate::MIN,
                    end: NaiveDate::MIN,
                    rules_id: Texte::statique("v"),
                    amount,
                    maximum: false,
                    confidence: Grade::A,
                })
                .collect()
        };
        let d = |s: &str| Some(s.parse::<Decimal>().unwrap());
        let grand = Some(Decimal::MAX);
        let cas: [&[Option<Decimal>]; 9] = [
            &[],
            &[
                d("36000.00"),
                d("28000.00"),
                d("22000.00"),
                d("22000.00"),
                d("22000.00"),
            ],
            &[d("0.00"), d("0.00")],
            &[d("15000"), d("10500.5"), d("7000.25")],
            &[d("1.5"), None, d("2.5")],
            &[None, d("1")],
            &[grand, d("1")],
            &[grand, grand],
            &[d("79228162514264337593543950.335"), d("0.001")],
        ];
        for montants in cas {
            let a = annees(montants);
            let attendu = total_general(&a);
            assert_eq!(total(&a), attendu, "{montants:?}");
            if let (Ok(Some(t)), Ok(Some(u))) = (total(&a), attendu) {
                assert_eq!(t.scale(), u.scale(), "{montants:?}");
            }
        }
        assert_eq!(total(&annees(&[grand, grand])), Err(()));
    }

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

    /// The years as the loop read them before it reused a year's reads: every cell read again,
    /// versions compared by id.
    fn annees_lues_chaque_annee(
        l: &mut Lecteur<'_>,
        f: Formule,
        debut: NaiveDate,
        ligne: Ligne,
    ) -> Vec<(Texte, Option<Decimal>, Grade)> {
        let duree = l.nombre(ids::CONTRAT_DUREE_ANNEES).unwrap();
        l.nombre(ids::MODULATION_ANNEE_DEBUT).unwrap();
        let mut annees = Vec::new();
        let mut bascule: Option<(&Version, Grade)> = None;
        for annee in 1..=duree.valeur.unwrap() {
            let start = debut_annee(debut, annee).unwrap();
            let version = version_du_montant(l, annee, start);
            let (m, g) = if version.id == l.version.id {
                (amounts::montant(l, f, annee, ligne).unwrap(), Grade::A)
            } else {
                l.sous_version(version, |autre| {
                    let m = amounts::montant(autre, f, annee, ligne).unwrap();
                    let g = match bascule {
                        Some((v, g)) if v.id == version.id => g,
                        _ => {
                            let b = autre.booleen(ids::TRANSITION_BASCULE_ANNIVERSAIRE);
                            b.unwrap().grade
                        }
                    };
                    bascule = Some((version, g));
                    (m, g)
                })
            };
            let grade = crate::provenance::pire([m.grade, duree.grade, Grade::B, g]);
            annees.push((version.id.clone(), m.montant, grade));
        }
        annees
    }

    #[test]
    fn une_lecture_par_cellule_donne_les_memes_annees_et_la_meme_trace() {
        let rules = crate::rules::charger_embarquees().unwrap();
        let (mut calculees, mut revalorisees) = (0, 0);
        let mut debut = date(2019, 9, 1);
        while debut < date(2027, 1, 1) {
            let Some(version) = rules.versions.iter().rev().find(|v| v.contient(debut)) else {
                debut = debut.checked_add_days(Days::new(45)).unwrap();
                continue;
            };
            for &f in Formule::TOUTES {
                for ligne in [Ligne::Standard, Ligne::P90P94, Ligne::P95Plus] {
                    let mut l = Lecteur::new(&rules, version);
                    let Ok(e) = calculer(&mut l, f, debut, ligne, Grade::B) else {
                        continue; // an option without amounts under this version
                    };
                    let mut attendu = Lecteur::new(&rules, version);
                    let annees = annees_lues_chaque_annee(&mut attendu, f, debut, ligne);
                    let lues: Vec<_> = e
                        .years
                        .iter()
                        .map(|a| (a.rules_id.clone(), a.amount, a.confidence))
                        .collect();
                    assert_eq!(lues, annees, "{f:?} {ligne:?} {debut}");
                    assert_eq!(*l.usages, *attendu.usages, "{f:?} {ligne:?} {debut}");
                    calculees += 1;
                    revalorisees += e.years.iter().filter(|a| a.rules_id != version.id).count();
                }
            }
            debut = debut.checked_add_days(Days::new(45)).unwrap();
        }
        assert!(
            calculees > 50 && revalorisees > 50,
            "{calculees} {revalorisees}"
        );
    }

    #[test]
    fn les_options_d_un_contrat_partagent_son_calendrier_sans_rien_changer() {
        let rules = crate::rules::charger_embarquees().unwrap();
        let (mut repris, mut revalorises) = (0, 0);
        let mut debut = date(2019, 9, 1);
        while debut < date(2027, 1, 1) {
            if let Some(version) = rules.versions.iter().rev().find(|v| v.contient(debut)) {
                for ligne in [Ligne::Standard, Ligne::P90P94, Ligne::P95Plus] {
                    // The options in turn on one reader: each alone, then with the calendar of
                    // the first (and a calendar of another start, which is not taken).
                    let mut seul = Lecteur::new(&rules, version);
                    let mut partage = Lecteur::new(&rules, version);
                    let mut calendrier = None;
                    for &f in Formule::TOUTES {
                        let attendu = calculer(&mut seul, f, debut, ligne, Grade::B);
                        let avant = calendrier.is_some();
                        let e = calculer_avec(
                            &mut partage,
                            Some(&mut calendrier),
                            f,
                            debut,
                            ligne,
                            Grade::B,
                        );
                        assert_eq!(e, attendu, "{f:?} {ligne:?} {debut}");
                        assert_eq!(*partage.usages, *seul.usages, "{f:?} {ligne:?} {debut}");
                        if let Ok(e) = e {
                            repris += usize::from(avant);
                            revalorises +=
                                e.years.iter().filter(|a| a.rules_id != version.id).count();
                        }
                    }
                    let autre_debut = debut.checked_add_days(Days::new(1)).unwrap();
                    let f = Formule::Demi;
                    assert_eq!(
                        calculer_avec(
                            &mut partage,
                            Some(&mut calendrier),
                            f,
                            autre_debut,
                            ligne,
                            Grade::B
                        ),
                        calculer(&mut seul, f, autre_debut, ligne, Grade::B),
                        "{ligne:?} {autre_debut}"
                    );
                    assert_eq!(*partage.usages, *seul.usages, "{ligne:?} {autre_debut}");
                }
            }
            debut = debut.checked_add_days(Days::new(45)).unwrap();
        }
        assert!(repris > 50 && revalorises > 50, "{repris} {revalorises}");
    }
}
