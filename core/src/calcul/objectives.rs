//! Objectives (engagements): how many patients the doctor must gain, by when (§5).
//!
//! Only the 2019 grid is public; the 2023 and 2024 grids are GAPs, answered with "to confirm with
//! your CPAM" and never with a made-up number.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::amounts;
use crate::error::{Erreur, Resultat};
use crate::explain::{Liste, Ordinal, Pct, Prefixe};
use crate::format;
use crate::message::Message;
use crate::money;
use crate::percentile::Positionnement;
use crate::provenance::{pire, Lecteur};
use crate::rules::citations::{Citations, Recueil};
use crate::rules::ids::{self, ParamId};
use crate::rules::{Grade, Specialite, Valeur};
use crate::situation::{Formule, Situation, Tranche};
use crate::texte::Texte;
use crate::timeline::fin_annee;
use crate::Langue;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum StatutObjectif {
    /// Targets computed from published rules.
    Computed,
    /// The rule is not published (GAP) or the CPAM sets it: "to confirm with your CPAM".
    ToConfirm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum NatureObjectif {
    /// Raise the patient list by a percentage (grid by starting band).
    Hausse,
    /// Newly installed: reach the specialty median.
    Mediane,
    /// Doctor aged 65 or more (2024): keep the patient list, with a tolerance.
    Maintien,
    /// ALD / RQTH: the CPAM adjusts the contract. Kept in the contract's list of codes, but no
    /// longer produced: such a doctor gets no objective at all (`objective: null`).
    AdapteCpam,
}

/// Activity indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Indicateur {
    /// Patientèle médecin traitant.
    #[serde(rename = "patientele_mt")]
    Pmt,
    /// File active.
    #[serde(rename = "file_active")]
    Fa,
}

impl Indicateur {
    fn depuis_code(code: &str) -> Resultat<Indicateur> {
        match code {
            "pmt" => Ok(Indicateur::Pmt),
            "fa" => Ok(Indicateur::Fa),
            autre => Err(Erreur::regles_invalides(format!(
                "indicateur inconnu / unknown indicator `{autre}`"
            ))),
        }
    }

    pub fn libelle_fr(self) -> &'static str {
        match self {
            Indicateur::Pmt => "patientèle médecin traitant",
            Indicateur::Fa => "file active",
        }
    }

    pub fn libelle_en(self) -> &'static str {
        match self {
            Indicateur::Pmt => "médecin-traitant patient list",
            Indicateur::Fa => "file active (patients seen in 12 months)",
        }
    }
}

/// Target for one indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Cible {
    pub indicator: Indicateur,
    /// Starting value, when the doctor gave it.
    pub baseline: Option<i32>,
    /// Value to reach (absent: to confirm with the CPAM, or baseline missing).
    pub target: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Objectif {
    pub status: StatutObjectif,
    pub kind: NatureObjectif,
    /// Required increase as a ratio ("0.25" = +25 %), for `hausse`.
    #[serde(with = "money::taux_option")]
    pub increase: Option<Decimal>,
    pub indicators: Vec<Cible>,
    #[serde(serialize_with = "crate::rules::date::serialiser_option")]
    pub deadline: Option<NaiveDate>,
    /// The weakest grade of the objective: its targets and its deadline.
    pub confidence: Grade,
    /// The weakest grade of the target figures alone (the rate, the band, the rounding), without
    /// the deadline's: what a tracked contract's prefilled target rests on.
    pub target_confidence: Grade,
    /// In the language of the call.
    pub message: Message,
    pub references: Citations,
}

const A_CONFIRMER_FR: &str = "à confirmer avec votre CPAM";
const A_CONFIRMER_EN: &str = "to confirm with your CPAM";

fn base(s: &Situation, i: Indicateur) -> Option<i32> {
    match i {
        Indicateur::Pmt => s.patientele_mt,
        Indicateur::Fa => s.file_active,
    }
}

fn indicateurs(
    l: &mut Lecteur<'_>,
    spe: &Specialite,
) -> Resultat<(Indicateurs, Grade, &'static [&'static ParamId])> {
    let pediatre = match &l.consulter(ids::INDICATEURS_PEDIATRIE_SPECIALITES)?.valeur {
        Valeur::Codes(c) => !spe.est_generaliste() && c.iter().any(|x| *x == *spe.code),
        _ => false,
    };
    let (ids_lus, mut grades): (&'static [&'static ParamId], _) = if spe.est_generaliste() {
        (&[ids::INDICATEURS_GENERALISTE], Grades::de([]))
    } else if pediatre {
        // Paediatricians have a médecin-traitant objective too (S40, C).
        let g = l.codes(ids::INDICATEURS_PEDIATRIE_SPECIALITES)?.grade;
        (
            &[
                ids::INDICATEURS_PEDIATRIE,
                ids::INDICATEURS_PEDIATRIE_SPECIALITES,
            ],
            Grades::de([g]),
        )
    } else {
        (&[ids::INDICATEURS_SPECIALISTE], Grades::de([]))
    };
    // Each list above starts with the indicators parameter itself.
    let premier = ids_lus
        .first()
        .copied()
        .unwrap_or(ids::INDICATEURS_SPECIALISTE);
    let lu = l.codes(premier)?;
    grades.push(lu.grade);
    let mut liste = Indicateurs::Courts([Indicateur::Pmt; 2], 0);
    for c in lu.valeur.unwrap_or_default() {
        liste.push(Indicateur::depuis_code(c)?);
    }
    Ok((liste, grades.0, ids_lus))
}

/// The weakest grade of the values read so far for a figure (`pire` of them, kept as they come
/// instead of in a list).
#[derive(Debug, Clone, Copy)]
struct Grades(Grade);

impl Grades {
    fn de<const N: usize>(grades: [Grade; N]) -> Self {
        Grades(pire(grades))
    }

    fn push(&mut self, g: Grade) {
        self.0 = pire([self.0, g]);
    }
}

/// How the targets combine when there are several, and from which contract year the objective
/// is assessed: the sentences that end an objective's message, with the references of the
/// values they rest on.
fn precisions<'r>(l: &mut Lecteur<'r>, inds: &[Indicateur]) -> Resultat<PrecisionsLues<'r>> {
    let mut p = PrecisionsLues {
        precisions: Precisions::default(),
        cites: [None; 2],
    };
    let mut places = p.cites.iter_mut();
    if let [a, b] = inds {
        let suffit = l.booleen(ids::OBJECTIF_UNE_CIBLE_SUFFIT)?;
        if let Some(place) = places.next() {
            *place = Some(l.references(ids::OBJECTIF_UNE_CIBLE_SUFFIT));
        }
        p.precisions.paire = Some((*a, *b, suffit.valeur));
    }
    let evaluation = l.nombre(ids::OBJECTIF_EVALUATION_ANNEE_DEBUT)?;
    if let Some(n) = evaluation.valeur {
        if let Some(place) = places.next() {
            *place = Some(l.references(ids::OBJECTIF_EVALUATION_ANNEE_DEBUT));
        }
        p.precisions.evaluation = Some(n);
    }
    Ok(p)
}

/// What the objectives of one assessment share whatever their option: the indicators, the
/// closing sentences (`precisions`) and the references of the values they rest on. Read for
/// the first objective, then reused by the next options' objectives, which read and cite them
/// again no more. A trace holds each value once, so the reads skipped leave it as it was.
#[derive(Default)]
pub struct Communs<'r> {
    indicateurs: Option<IndicateursLus<'r>>,
    precisions: Option<PrecisionsLues<'r>>,
}

/// The indicators read, their weakest grade and the references of the values read for them,
/// in the order `Lecteur::citer` cites them.
#[derive(Clone)]
struct IndicateursLus<'r> {
    liste: Indicateurs,
    grade: Grade,
    cites: [Option<&'r Citations>; 2],
}

impl<'r> IndicateursLus<'r> {
    fn citer(&self, refs: &mut Recueil<'r>) {
        for c in self.cites.iter().flatten() {
            refs.ajouter(c);
        }
    }
}

/// The closing sentences read, with the references `precisions` cites for them, in order.
#[derive(Clone, Copy)]
struct PrecisionsLues<'r> {
    precisions: Precisions,
    cites: [Option<&'r Citations>; 2],
}

impl<'r> Communs<'r> {
    fn indicateurs(
        &mut self,
        l: &mut Lecteur<'r>,
        spe: &Specialite,
    ) -> Resultat<IndicateursLus<'r>> {
        if let Some(lus) = &self.indicateurs {
            return Ok(lus.clone());
        }
        let (liste, grade, ids_lus) = indicateurs(l, spe)?;
        let mut cites = [None; 2];
        for (place, id) in cites.iter_mut().zip(ids_lus) {
            *place = Some(l.references(id));
        }
        let lus = IndicateursLus {
            liste,
            grade,
            cites,
        };
        self.indicateurs = Some(lus.clone());
        Ok(lus)
    }

    /// `precisions` for indicators `inds` (the same for every objective of the assessment),
    /// their references added to `refs`.
    fn precisions(
        &mut self,
        l: &mut Lecteur<'r>,
        inds: &[Indicateur],
        refs: &mut Recueil<'r>,
    ) -> Resultat<Precisions> {
        let lues = match self.precisions {
            Some(lues) => lues,
            None => *self.precisions.insert(precisions(l, inds)?),
        };
        for c in lues.cites.iter().flatten() {
            refs.ajouter(c);
        }
        Ok(lues.precisions)
    }
}

/// The figures of the sentences `precisions` adds to an objective's message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Precisions {
    /// Two indicators, and whether reaching one target is enough (absent: not published).
    paire: Option<(Indicateur, Indicateur, Option<bool>)>,
    /// The contract year from which the objective is assessed.
    evaluation: Option<i32>,
}

impl Precisions {
    fn ecrire(&self, f: &mut fmt::Formatter<'_>, langue: Langue) -> fmt::Result {
        if let Some((a, b, suffit)) = self.paire {
            let (a, b) = (
                Noms(std::slice::from_ref(&a), langue),
                Noms(std::slice::from_ref(&b), langue),
            );
            match (suffit, langue) {
                (Some(true), Langue::Fr) => write!(f, " Atteindre l'objectif de {a} ou celui de {b} suffit."),
                (Some(true), Langue::En) => write!(f, " Reaching the target for {a} or the one for {b} is enough."),
                (Some(false), Langue::Fr) => write!(f, " Les deux objectifs, de {a} et de {b}, doivent être atteints."),
                (Some(false), Langue::En) => write!(f, " Both targets, for {a} and for {b}, must be reached."),
                (None, Langue::Fr) => write!(f, " Objectifs de {a} et de {b} : la règle ne dit pas si en atteindre un seul suffit (à confirmer avec votre CPAM)."),
                (None, Langue::En) => write!(f, " Targets for {a} and for {b}: the rule does not say whether reaching one is enough (to confirm with your CPAM)."),
            }?;
        }
        if let Some(n) = self.evaluation {
            let rang = Ordinal(n, langue);
            selon!(
                langue,
                write!(
                    f,
                    " L'objectif est évalué à partir de la {rang} année du contrat."
                ),
                write!(
                    f,
                    " The objective is assessed from the {rang} contract year."
                )
            )?;
        }
        Ok(())
    }
}

/// The indicators of an objective, kept without a list of their own when there are one or two
/// (the rule data has two: patientèle médecin traitant and file active).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Indicateurs {
    Courts([Indicateur; 2], u8),
    Longs(Vec<Indicateur>),
}

impl Indicateurs {
    fn push(&mut self, i: Indicateur) {
        match self {
            Indicateurs::Courts(t, n) if usize::from(*n) < t.len() => {
                if let Some(place) = t.get_mut(usize::from(*n)) {
                    *place = i;
                }
                *n += 1;
            }
            Indicateurs::Courts(t, _) => {
                let mut v = t.to_vec();
                v.push(i);
                *self = Indicateurs::Longs(v);
            }
            Indicateurs::Longs(v) => v.push(i),
        }
    }

    fn liste(&self) -> &[Indicateur] {
        match self {
            Indicateurs::Courts(t, n) => t.get(..usize::from(*n)).unwrap_or(&[]),
            Indicateurs::Longs(v) => v,
        }
    }
}

/// The figures of an objective's message, written out in the language of the call when read
/// (`crate::message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageObjectif {
    tete: Tete,
    precisions: Precisions,
}

/// The first sentence of an objective's message.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tete {
    /// 65 or older, the tolerance not published.
    MaintienSansTolerance {
        age: i32,
        min: i32,
    },
    Maintien {
        age: i32,
        min: i32,
        tolerance: Decimal,
    },
    /// Newly installed, already at the median on `indicateur`.
    MedianeAtteinte {
        indicateur: Indicateur,
        mediane: i32,
    },
    /// Newly installed: reach the median (`publiee`: its value is known), then the next
    /// objective's delay.
    Mediane {
        publiee: bool,
        suivante: Option<i32>,
    },
    TrancheInconnue,
    /// The grid of `formule` from `tranche` not published, with the value's note.
    GrilleNonPubliee {
        formule: Formule,
        tranche: Tranche,
        note: Option<Texte>,
    },
    Hausse {
        taux: Decimal,
        indicateurs: Indicateurs,
    },
}

impl MessageObjectif {
    pub(crate) fn ecrire(&self, f: &mut fmt::Formatter<'_>, langue: Langue) -> fmt::Result {
        let fr = langue == Langue::Fr;
        match &self.tete {
            Tete::MaintienSansTolerance { age, min } => selon!(
                langue,
                write!(f, "À {age} ans (maintien à partir de {min} ans), l'objectif est de maintenir votre patientèle ; tolérance {A_CONFIRMER_FR}."),
                write!(f, "At {age} (keeping applies from {min}), the objective is to keep your patient list; tolerance {A_CONFIRMER_EN}.")
            ),
            Tete::Maintien { age, min, tolerance } => selon!(
                langue,
                write!(
                    f,
                    "À {age} ans (maintien à partir de {min} ans), l'objectif est de maintenir votre patientèle, avec une baisse tolérée de {} %.",
                    Pct(*tolerance, Langue::Fr)
                ),
                write!(
                    f,
                    "At {age} (keeping applies from {min}), the objective is to keep your patient list, with an allowed decrease of {}%.",
                    Pct(*tolerance, Langue::En)
                )
            ),
            Tete::MedianeAtteinte { indicateur, mediane } => selon!(
                langue,
                write!(
                    f,
                    "Médecin nouvellement installé : votre {} atteint déjà la médiane de la spécialité (P50 = {}) ; « atteindre la médiane » n'est donc pas un objectif pour vous : objectif {A_CONFIRMER_FR}.",
                    indicateur.libelle_fr(),
                    format::Nombre(i64::from(*mediane), Langue::Fr)
                ),
                write!(
                    f,
                    "Newly installed doctor: your {} already reaches the specialty median (P50 = {}), so “reach the median” is no objective for you: objective {A_CONFIRMER_EN}.",
                    indicateur.libelle_en(),
                    format::Nombre(i64::from(*mediane), Langue::En)
                )
            ),
            Tete::Mediane { publiee, suivante } => {
                match (publiee, fr) {
                    (true, true) => f.write_str("Médecin nouvellement installé : atteindre la médiane (P50) de la spécialité, en patientèle médecin traitant ou en file active."),
                    (true, false) => f.write_str("Newly installed doctor: reach the specialty median (P50), in médecin-traitant patient list or file active."),
                    (false, true) => write!(f, "Médecin nouvellement installé : atteindre la médiane (P50) de la spécialité, dont la valeur n'est pas publiée : {A_CONFIRMER_FR}."),
                    (false, false) => write!(f, "Newly installed doctor: reach the specialty median (P50), whose value is not published: {A_CONFIRMER_EN}."),
                }?;
                if let Some(n) = suivante {
                    selon!(
                        langue,
                        write!(f, " L'objectif suivant, fixé à partir du niveau atteint, laisse {n} ans."),
                        write!(f, " The next objective, set from the level reached, allows {n} years.")
                    )?;
                }
                Ok(())
            }
            Tete::TrancheInconnue => selon!(
                langue,
                write!(f, "Tranche de départ non déterminée précisément : objectif {A_CONFIRMER_FR}."),
                write!(f, "Starting band not precisely known: objective {A_CONFIRMER_EN}.")
            ),
            Tete::GrilleNonPubliee { formule, tranche, note } => {
                selon!(
                    langue,
                    write!(
                        f,
                        "Objectif {A_CONFIRMER_FR} : la grille ({}, départ {}) n'est pas publiée.",
                        formule.libelle_fr(),
                        tranche.libelle_fr()
                    ),
                    write!(
                        f,
                        "Objective {A_CONFIRMER_EN}: the grid ({}, starting {}) is not published.",
                        formule.libelle_en(),
                        tranche.libelle_en()
                    )
                )?;
                if let Some(n) = note {
                    f.write_str(" ")?;
                    f.write_str(n)?;
                }
                Ok(())
            }
            Tete::Hausse { taux, indicateurs } => {
                let noms = Noms(indicateurs.liste(), langue);
                match (taux.is_zero(), langue) {
                    (true, Langue::Fr) => write!(f, "Maintenir {noms}."),
                    (true, Langue::En) => write!(f, "Keep {noms}."),
                    (false, Langue::Fr) => write!(f, "Augmenter de {} % {noms}.", Pct(*taux, langue)),
                    (false, Langue::En) => write!(f, "Increase {noms} by {}%.", Pct(*taux, langue)),
                }
            }
        }?;
        self.precisions.ecrire(f, langue)
    }
}

/// An objective's message: its first sentence, then those of `precisions` (none when absent).
fn message(tete: Tete, precisions: Option<Precisions>, langue: Langue) -> Message {
    Message::objectif(
        MessageObjectif {
            tete,
            precisions: precisions.unwrap_or_default(),
        },
        langue,
    )
}

/// Names of the indicators joined: « la patientèle médecin traitant et la file active ».
#[derive(Debug, Clone, Copy)]
struct Noms<'a>(&'a [Indicateur], Langue);

impl fmt::Display for Noms<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let langue = self.1;
        let noms = self.0.iter().map(|i| match langue {
            Langue::Fr => Prefixe("la ", i.libelle_fr()),
            Langue::En => Prefixe("the ", i.libelle_en()),
        });
        Liste(noms, langue).fmt(f)
    }
}

/// Rounds a target to whole patients with the rounding chosen in the data. The rounding rule is
/// only recorded (and so flagged) when it actually changed the figure.
fn arrondir(l: &mut Lecteur<'_>, x: Decimal, grades: &mut Grades) -> Resultat<Option<i32>> {
    if x.fract().is_zero() {
        return Ok(x.to_i32());
    }
    let mode = l.texte(ids::OBJECTIF_ARRONDI)?;
    grades.push(mode.grade);
    let strategie = match mode.valeur {
        Some("superieur") => RoundingStrategy::AwayFromZero,
        Some("inferieur") => RoundingStrategy::ToZero,
        Some("proche") => RoundingStrategy::MidpointAwayFromZero,
        autre => {
            return Err(Erreur::regles_invalides(format!(
                "objectif.arrondi : mode inconnu / unknown mode {autre:?}"
            )));
        }
    };
    Ok(x.round_dp_with_strategy(0, strategie).to_i32())
}

fn echeance(
    l: &mut Lecteur<'_>,
    id: &ParamId,
    debut: NaiveDate,
    grades: &mut Grades,
) -> Resultat<Option<NaiveDate>> {
    let n = l.nombre(id)?;
    grades.push(n.grade);
    n.valeur.map(|n| fin_annee(debut, n)).transpose()
}

fn a_confirmer(
    kind: NatureObjectif,
    grade: Grade,
    message: Message,
    references: Citations,
    indicators: Vec<Cible>,
) -> Objectif {
    Objectif {
        status: StatutObjectif::ToConfirm,
        kind,
        increase: None,
        indicators,
        deadline: None,
        confidence: grade,
        target_confidence: grade,
        message,
        references,
    }
}

/// The objective attached to option `f` for a contract starting on `debut`.
pub fn objectif<'r>(
    l: &mut Lecteur<'r>,
    s: &Situation,
    spe: &Specialite,
    f: Formule,
    pos: &Positionnement,
    debut: NaiveDate,
    langue: Langue,
) -> Resultat<Objectif> {
    objectif_parmi(l, &mut Communs::default(), s, spe, f, pos, debut, langue)
}

/// `objectif`, for one of the options of an assessment: what the objectives share is read
/// once, in `communs`.
#[allow(clippy::too_many_arguments)] // `objectif`'s inputs, and what its calls share
pub fn objectif_parmi<'r>(
    l: &mut Lecteur<'r>,
    communs: &mut Communs<'r>,
    s: &Situation,
    spe: &Specialite,
    f: Formule,
    pos: &Positionnement,
    debut: NaiveDate,
    langue: Langue,
) -> Resultat<Objectif> {
    let lus = communs.indicateurs(l, spe)?;
    let (indicateurs_lus, grade_inds) = (&lus.liste, lus.grade);
    let inds = indicateurs_lus.liste();
    let sans_cible = || {
        inds.iter()
            .map(|&i| Cible {
                indicator: i,
                baseline: base(s, i),
                target: None,
            })
            .collect::<Vec<_>>()
    };

    if let Some(age) = s.age {
        let age_min = l.nombre(ids::AGE_MAINTIEN_AGE_MIN)?;
        if let Some(min) = age_min.valeur.filter(|&min| age >= min) {
            let tol = l.decimal(ids::AGE_MAINTIEN_TOLERANCE)?;
            let mut grades = Grades::de([age_min.grade, tol.grade, grade_inds]);
            let mut refs = Recueil::new(l.rules);
            refs.ajouter(l.references(ids::AGE_MAINTIEN_AGE_MIN));
            let Some(t) = tol.valeur else {
                return Ok(a_confirmer(
                    NatureObjectif::Maintien,
                    grades.0,
                    message(Tete::MaintienSansTolerance { age, min }, None, langue),
                    refs.dans_l_ordre_cite(),
                    sans_cible(),
                ));
            };
            let mut cibles = Vec::new();
            for &i in inds {
                let b = base(s, i);
                let target = match b {
                    Some(b) => arrondir(l, Decimal::from(b) * (Decimal::ONE - t), &mut grades)?,
                    None => None,
                };
                cibles.push(Cible {
                    indicator: i,
                    baseline: b,
                    target,
                });
            }
            let target_confidence = grades.0;
            let deadline = echeance_optionnelle(l, debut, &mut grades)?;
            lus.citer(&mut refs);
            return Ok(Objectif {
                status: StatutObjectif::Computed,
                kind: NatureObjectif::Maintien,
                increase: Some(-t),
                indicators: cibles,
                deadline,
                confidence: grades.0,
                target_confidence,
                message: message(
                    Tete::Maintien {
                        age,
                        min,
                        tolerance: t,
                    },
                    None,
                    langue,
                ),
                references: refs.dans_l_ordre_cite(),
            });
        }
    }

    if s.newly_installed {
        let mut grades = Grades::de([grade_inds]);
        let mut refs = Recueil::new(l.rules);
        refs.ajouter(l.references(ids::INSTALLATION_ECHEANCE_ANNEES));
        let mut cibles = Vec::new();
        for &i in inds {
            let id = match (spe.est_generaliste(), i) {
                (true, Indicateur::Pmt) => ids::P50_GENERALISTE_PMT,
                (true, Indicateur::Fa) => ids::P50_GENERALISTE_FA,
                (false, _) => ids::P50_SPECIALISTE_FA,
            };
            let p50 = l.nombre(id)?;
            grades.push(p50.grade);
            refs.ajouter(l.references(id));
            cibles.push(Cible {
                indicator: i,
                baseline: base(s, i),
                target: p50.valeur,
            });
        }
        // Already at or above the median on one indicator: "reach the median" is no objective
        // then (the rule asks for PMT or FA); the CPAM sets one (policy of the reference, §5.4).
        let deja: Vec<(Indicateur, i32)> = cibles
            .iter()
            .filter_map(|c| match (c.baseline, c.target) {
                (Some(b), Some(m)) if b >= m => Some((c.indicator, m)),
                _ => None,
            })
            .collect();
        if let Some(&(i, m)) = deja.first() {
            let cibles = cibles
                .into_iter()
                .map(|c| Cible { target: None, ..c })
                .collect();
            return Ok(a_confirmer(
                NatureObjectif::Mediane,
                grades.0,
                message(
                    Tete::MedianeAtteinte {
                        indicateur: i,
                        mediane: m,
                    },
                    None,
                    langue,
                ),
                refs.dans_l_ordre_cite(),
                cibles,
            ));
        }
        let target_confidence = grades.0;
        let deadline = echeance(l, ids::INSTALLATION_ECHEANCE_ANNEES, debut, &mut grades)?;
        let connu = cibles.iter().any(|c| c.target.is_some());
        let status = if connu {
            StatutObjectif::Computed
        } else {
            StatutObjectif::ToConfirm
        };
        let suivante = l.nombre(ids::INSTALLATION_ECHEANCE_SUIVANTE_ANNEES)?;
        return Ok(Objectif {
            status,
            kind: NatureObjectif::Mediane,
            increase: None,
            indicators: cibles,
            deadline,
            confidence: grades.0,
            target_confidence,
            message: message(
                Tete::Mediane {
                    publiee: connu,
                    suivante: suivante.valeur,
                },
                None,
                langue,
            ),
            references: refs.dans_l_ordre_cite(),
        });
    }

    // The grid by starting band.
    let Some((band, id)) = pos
        .band
        .and_then(|b| amounts::id_hausse(f, b).map(|id| (b, id)))
    else {
        let mut refs = Recueil::new(l.rules);
        refs.citer_version(l.version);
        let p = communs.precisions(l, inds, &mut refs)?;
        return Ok(a_confirmer(
            NatureObjectif::Hausse,
            pos.confidence,
            message(Tete::TrancheInconnue, Some(p), langue),
            refs.dans_l_ordre_cite(),
            sans_cible(),
        ));
    };
    let hausse = l.decimal(id)?;
    let mut refs = Recueil::new(l.rules);
    refs.ajouter(l.references(id));
    let Some(taux) = hausse.valeur else {
        let valeur = l.consulter(id)?;
        let note = selon!(langue, valeur.note.as_ref(), valeur.note_en.as_ref()).cloned();
        lus.citer(&mut refs);
        let p = communs.precisions(l, inds, &mut refs)?;
        let tete = Tete::GrilleNonPubliee {
            formule: f,
            tranche: band,
            note,
        };
        return Ok(a_confirmer(
            NatureObjectif::Hausse,
            hausse.grade,
            message(tete, Some(p), langue),
            refs.dans_l_ordre_cite(),
            sans_cible(),
        ));
    };
    let mut grades = Grades::de([hausse.grade, grade_inds, pos.confidence]);
    let mut cibles = Vec::new();
    for &i in inds {
        let b = base(s, i);
        let target = match b {
            Some(b) => arrondir(l, Decimal::from(b) * (Decimal::ONE + taux), &mut grades)?,
            None => None,
        };
        cibles.push(Cible {
            indicator: i,
            baseline: b,
            target,
        });
    }
    let target_confidence = grades.0;
    let deadline = echeance(l, ids::OBJECTIF_ECHEANCE_ANNEES, debut, &mut grades)?;
    lus.citer(&mut refs);
    let p = communs.precisions(l, inds, &mut refs)?;
    let tete = Tete::Hausse {
        taux,
        indicateurs: indicateurs_lus.clone(),
    };
    Ok(Objectif {
        status: StatutObjectif::Computed,
        kind: NatureObjectif::Hausse,
        increase: Some(taux),
        indicators: cibles,
        deadline,
        confidence: grades.0,
        target_confidence,
        message: message(tete, Some(p), langue),
        references: refs.dans_l_ordre_cite(),
    })
}

/// The general deadline, when the version publishes one (the age rule of 2024 does not).
fn echeance_optionnelle(
    l: &mut Lecteur<'_>,
    debut: NaiveDate,
    grades: &mut Grades,
) -> Resultat<Option<NaiveDate>> {
    let n = l.nombre(ids::OBJECTIF_ECHEANCE_ANNEES)?;
    match n.valeur {
        Some(annees) => {
            grades.push(n.grade);
            fin_annee(debut, annees).map(Some)
        }
        None => Ok(None),
    }
}
