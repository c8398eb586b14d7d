//! Objectives (engagements): how many patients the doctor must gain, by when (§5).
//!
//! Only the 2019 grid is public; the 2023 and 2024 grids are GAPs, answered with "to confirm with
//! your CPAM" and never with a made-up number.

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::error::{Erreur, Resultat};
use crate::money;
use crate::percentile::Positionnement;
use crate::provenance::{pire, Lecteur};
use crate::rules::{Grade, Specialite};
use crate::situation::{Formule, Situation, Tranche};
use crate::timeline::fin_annee;

fn sans_doublons(mut refs: Vec<String>) -> Vec<String> {
    let mut vus = std::collections::BTreeSet::new();
    refs.retain(|r| vus.insert(r.clone()));
    refs
}

pub fn id_hausse(f: Formule, t: Tranche) -> String {
    format!("objectif.hausse.{}.{}", f.code(), t.code())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatutObjectif {
    /// Targets computed from published rules.
    Computed,
    /// The rule is not published (GAP) or the CPAM sets it: "to confirm with your CPAM".
    ToConfirm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NatureObjectif {
    /// Raise the patient list by a percentage (grid by starting band).
    Hausse,
    /// Newly installed: reach the specialty median.
    Mediane,
    /// Doctor aged 65 or more (2024): keep the patient list, with a tolerance.
    Maintien,
    /// ALD / RQTH: the CPAM adjusts the contract.
    AdapteCpam,
}

/// Activity indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
pub struct Cible {
    pub indicator: Indicateur,
    /// Starting value, when the doctor gave it.
    pub baseline: Option<u32>,
    /// Value to reach (`None`: to confirm with the CPAM, or baseline missing).
    pub target: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Objectif {
    pub status: StatutObjectif,
    pub kind: NatureObjectif,
    /// Required increase as a ratio ("0.25" = +25 %), for `hausse`.
    #[serde(with = "money::taux_option")]
    pub increase: Option<Decimal>,
    pub indicators: Vec<Cible>,
    pub deadline: Option<NaiveDate>,
    pub confidence: Grade,
    pub message_fr: String,
    pub message_en: String,
    pub references: Vec<String>,
}

const A_CONFIRMER_FR: &str = "à confirmer avec votre CPAM";
const A_CONFIRMER_EN: &str = "to confirm with your CPAM";

fn base(s: &Situation, i: Indicateur) -> Option<u32> {
    match i {
        Indicateur::Pmt => s.patientele_mt,
        Indicateur::Fa => s.file_active,
    }
}

fn indicateurs(
    l: &mut Lecteur<'_>,
    spe: &Specialite,
) -> Resultat<(Vec<Indicateur>, Grade, &'static str)> {
    let id = if spe.est_generaliste() {
        "objectif.indicateurs.generaliste"
    } else {
        "objectif.indicateurs.specialiste"
    };
    let lu = l.codes(id)?;
    let codes = lu.valeur.unwrap_or_default();
    let liste = codes
        .iter()
        .map(|c| Indicateur::depuis_code(c))
        .collect::<Resultat<Vec<_>>>()?;
    Ok((liste, lu.grade, id))
}

/// Rounds a target to whole patients with the rounding chosen in the data. The rounding rule is
/// only recorded (and so flagged) when it actually changed the figure.
fn arrondir(l: &mut Lecteur<'_>, x: Decimal, grades: &mut Vec<Grade>) -> Resultat<Option<u32>> {
    if x.fract().is_zero() {
        return Ok(x.to_u32());
    }
    let mode = l.texte("objectif.arrondi")?;
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
    Ok(x.round_dp_with_strategy(0, strategie).to_u32())
}

fn echeance(
    l: &mut Lecteur<'_>,
    id: &str,
    debut: NaiveDate,
    grades: &mut Vec<Grade>,
) -> Resultat<Option<NaiveDate>> {
    let n = l.nombre(id)?;
    grades.push(n.grade);
    n.valeur.map(|n| fin_annee(debut, n)).transpose()
}

fn a_confirmer(
    kind: NatureObjectif,
    grade: Grade,
    fr: String,
    en: String,
    references: Vec<String>,
    indicators: Vec<Cible>,
) -> Objectif {
    Objectif {
        status: StatutObjectif::ToConfirm,
        kind,
        increase: None,
        indicators,
        deadline: None,
        confidence: grade,
        message_fr: fr,
        message_en: en,
        references: sans_doublons(references),
    }
}

/// The objective attached to option `f` for a contract starting on `debut`.
pub fn objectif(
    l: &mut Lecteur<'_>,
    s: &Situation,
    spe: &Specialite,
    f: Formule,
    pos: &Positionnement,
    debut: NaiveDate,
) -> Resultat<Objectif> {
    let (inds, grade_inds, id_inds) = indicateurs(l, spe)?;
    let sans_cible = || {
        inds.iter()
            .map(|&i| Cible {
                indicator: i,
                baseline: base(s, i),
                target: None,
            })
            .collect::<Vec<_>>()
    };

    if s.ald_or_rqth {
        let id = "eligibilite.ald_rqth_contrat_adapte";
        let g = l.booleen(id)?.grade;
        return Ok(a_confirmer(
            NatureObjectif::AdapteCpam,
            g,
            format!("Objectif fixé par votre CPAM dans un contrat adapté (ALD, RQTH) : {A_CONFIRMER_FR}."),
            format!("Objective set by your CPAM in an adjusted contract (ALD, RQTH): {A_CONFIRMER_EN}."),
            l.references(id),
            sans_cible(),
        ));
    }

    if let Some(age) = s.age {
        let age_min = l.nombre("objectif.age_maintien.age_min")?;
        if let Some(min) = age_min.valeur.filter(|&min| age >= min) {
            let tol = l.decimal("objectif.age_maintien.tolerance")?;
            let mut grades = vec![age_min.grade, tol.grade, grade_inds];
            let mut refs = l.references("objectif.age_maintien.age_min");
            let Some(t) = tol.valeur else {
                return Ok(a_confirmer(
                    NatureObjectif::Maintien,
                    pire(grades),
                    format!("À {age} ans (≥ {min}), l'objectif est de maintenir votre patientèle ; tolérance {A_CONFIRMER_FR}."),
                    format!("At {age} (≥ {min}), the objective is to keep your patient list; tolerance {A_CONFIRMER_EN}."),
                    refs,
                    sans_cible(),
                ));
            };
            let mut cibles = Vec::new();
            for &i in &inds {
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
            let deadline = echeance_optionnelle(l, debut, &mut grades)?;
            refs.extend(l.references(id_inds));
            return Ok(Objectif {
                status: StatutObjectif::Computed,
                kind: NatureObjectif::Maintien,
                increase: Some(-t),
                indicators: cibles,
                deadline,
                confidence: pire(grades),
                message_fr: format!(
                    "À {age} ans (≥ {min}), objectif de maintien de la patientèle, avec une baisse tolérée de {} %.",
                    (t * Decimal::ONE_HUNDRED).normalize()
                ),
                message_en: format!(
                    "At {age} (≥ {min}), the objective is to keep the patient list, with an allowed decrease of {}%.",
                    (t * Decimal::ONE_HUNDRED).normalize()
                ),
                references: sans_doublons(refs),
            });
        }
    }

    if s.newly_installed {
        let mut grades = vec![grade_inds];
        let mut refs = l.references("objectif.installation.echeance_annees");
        let mut cibles = Vec::new();
        for &i in &inds {
            let id = match (spe.est_generaliste(), i) {
                (true, Indicateur::Pmt) => "seuil.p50.generaliste_pmt",
                (true, Indicateur::Fa) => "seuil.p50.generaliste_fa",
                (false, _) => "seuil.p50.specialiste_fa",
            };
            let p50 = l.nombre(id)?;
            grades.push(p50.grade);
            refs.extend(l.references(id));
            cibles.push(Cible {
                indicator: i,
                baseline: base(s, i),
                target: p50.valeur,
            });
        }
        let deadline = echeance(
            l,
            "objectif.installation.echeance_annees",
            debut,
            &mut grades,
        )?;
        let connu = cibles.iter().any(|c| c.target.is_some());
        let (status, fr, en) = if connu {
            (
                StatutObjectif::Computed,
                "Médecin nouvellement installé : atteindre la médiane (P50) de la spécialité, en patientèle médecin traitant ou en file active.".to_owned(),
                "Newly installed doctor: reach the specialty median (P50), in médecin-traitant patient list or file active.".to_owned(),
            )
        } else {
            (
                StatutObjectif::ToConfirm,
                format!("Médecin nouvellement installé : atteindre la médiane (P50) de la spécialité, dont la valeur n'est pas publiée : {A_CONFIRMER_FR}."),
                format!("Newly installed doctor: reach the specialty median (P50), whose value is not published: {A_CONFIRMER_EN}."),
            )
        };
        let suivante = l.nombre("objectif.installation.echeance_suivante_annees")?;
        let (fr, en) = match suivante.valeur {
            Some(n) => (
                format!(
                    "{fr} L'objectif suivant, fixé à partir du niveau atteint, laisse {n} ans."
                ),
                format!("{en} The next objective, set from the level reached, allows {n} years."),
            ),
            None => (fr, en),
        };
        return Ok(Objectif {
            status,
            kind: NatureObjectif::Mediane,
            increase: None,
            indicators: cibles,
            deadline,
            confidence: pire(grades),
            message_fr: fr,
            message_en: en,
            references: sans_doublons(refs),
        });
    }

    // The grid by starting band.
    let Some(band) = pos.band.filter(|b| *b != Tranche::SousP30) else {
        return Ok(a_confirmer(
            NatureObjectif::Hausse,
            pos.confidence,
            format!("Tranche de départ non déterminée précisément : objectif {A_CONFIRMER_FR}."),
            format!("Starting band not precisely known: objective {A_CONFIRMER_EN}."),
            l.version.references.clone(),
            sans_cible(),
        ));
    };
    let id = id_hausse(f, band);
    let hausse = l.decimal(&id)?;
    let mut refs = l.references(&id);
    let Some(taux) = hausse.valeur else {
        let note = l.consulter(&id)?.note.clone().unwrap_or_default();
        return Ok(a_confirmer(
            NatureObjectif::Hausse,
            hausse.grade,
            format!(
                "Objectif {A_CONFIRMER_FR} : la grille ({} / {}) n'est pas publiée. {note}",
                f.libelle_fr(),
                band.libelle_fr()
            ),
            format!(
                "Objective {A_CONFIRMER_EN}: the grid ({} / {}) is not published.",
                f.libelle_en(),
                band.libelle_en()
            ),
            refs,
            sans_cible(),
        ));
    };
    let mut grades = vec![hausse.grade, grade_inds, pos.confidence];
    let mut cibles = Vec::new();
    for &i in &inds {
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
    let deadline = echeance(l, "objectif.echeance_annees", debut, &mut grades)?;
    refs.extend(l.references(id_inds));
    let pc = (taux * Decimal::ONE_HUNDRED).normalize();
    let noms_fr = inds
        .iter()
        .map(|i| i.libelle_fr())
        .collect::<Vec<_>>()
        .join(" et/ou ");
    let noms_en = inds
        .iter()
        .map(|i| i.libelle_en())
        .collect::<Vec<_>>()
        .join(" and/or ");
    let (fr, en) = if taux.is_zero() {
        (
            format!("Maintenir la {noms_fr}."),
            format!("Keep the {noms_en}."),
        )
    } else {
        (
            format!("Augmenter la {noms_fr} de {pc} %."),
            format!("Increase the {noms_en} by {pc}%."),
        )
    };
    Ok(Objectif {
        status: StatutObjectif::Computed,
        kind: NatureObjectif::Hausse,
        increase: Some(taux),
        indicators: cibles,
        deadline,
        confidence: pire(grades),
        message_fr: fr,
        message_en: en,
        references: sans_doublons(refs),
    })
}

/// The general deadline, when the version publishes one (the age rule of 2024 does not).
fn echeance_optionnelle(
    l: &mut Lecteur<'_>,
    debut: NaiveDate,
    grades: &mut Vec<Grade>,
) -> Resultat<Option<NaiveDate>> {
    let n = l.nombre("objectif.echeance_annees")?;
    match n.valeur {
        Some(annees) => {
            grades.push(n.grade);
            fin_annee(debut, annees).map(Some)
        }
        None => Ok(None),
    }
}
