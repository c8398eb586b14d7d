//! Eligibility: each criterion of §2 checked for the version governing the contract, each giving
//! a reason. Criteria whose rule is a GAP send the doctor to the CPAM rather than guess.

use serde::Serialize;

use crate::error::{Erreur, Resultat};
use crate::explain::{Effet, Motif, Raison};
use crate::percentile::Positionnement;
use crate::provenance::{pire, Lecteur};
use crate::rules::{Grade, Specialite};
use crate::situation::{Exercice, Situation, Tranche};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Statut {
    Eligible,
    NotEligible,
    ReferToCpam,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Eligibilite {
    pub status: Statut,
    pub reasons: Vec<Raison>,
}

/// The verdict from the reasons: any blocking reason wins, then any referral.
pub fn statut(raisons: &[Raison]) -> Statut {
    if raisons.iter().any(|r| r.effect == Effet::Blocking) {
        Statut::NotEligible
    } else if raisons.iter().any(|r| r.effect == Effet::ReferToCpam) {
        Statut::ReferToCpam
    } else {
        Statut::Eligible
    }
}

fn raison(l: &Lecteur<'_>, m: Motif, ids: &[&str], grade: Grade) -> Raison {
    let mut refs: Vec<String> = Vec::new();
    for id in ids {
        for r in l.references(id) {
            if !refs.contains(&r) {
                refs.push(r);
            }
        }
    }
    if refs.is_empty() {
        refs = l.version.references.clone();
    }
    m.rendre(refs, grade)
}

/// Criteria that do not depend on the activity level: sector, specialty, clinical-fee share,
/// grouped and coordinated practice, ALD/RQTH.
pub fn criteres_de_base(
    l: &mut Lecteur<'_>,
    s: &Situation,
    spe: &Specialite,
) -> Resultat<Vec<Raison>> {
    let mut raisons = Vec::new();

    let secteurs = l.codes("eligibilite.secteurs")?;
    let admis = secteurs
        .valeur
        .is_some_and(|c| c.iter().any(|x| x == s.sector.code()));
    let m = if admis {
        Motif::SecteurAdmis(s.sector)
    } else {
        Motif::SecteurNonAdmis(s.sector)
    };
    raisons.push(raison(l, m, &["eligibilite.secteurs"], secteurs.grade));

    if spe.est_generaliste() {
        raisons.push(m_spe(l, spe, Motif::SpecialiteAdmise(spe.into()), Grade::A));
    } else {
        let exclues = l.codes("eligibilite.specialites_exclues")?;
        let m = match exclues.valeur {
            None => Motif::SpecialiteSelonTerritoire(spe.into()),
            Some(c) if c.contains(&spe.code) => Motif::SpecialiteExclue(spe.into()),
            Some(_) => Motif::SpecialiteAdmise(spe.into()),
        };
        raisons.push(raison(
            l,
            m,
            &["eligibilite.specialites_exclues"],
            exclues.grade,
        ));
    }

    if let Some(r) = part_clinique(l, s, spe)? {
        raisons.push(r);
    }
    raisons.extend(exercice(l, s)?);

    if s.ald_or_rqth {
        let adapte = l.booleen("eligibilite.ald_rqth_contrat_adapte")?;
        raisons.push(raison(
            l,
            Motif::AldRqth,
            &["eligibilite.ald_rqth_contrat_adapte"],
            adapte.grade,
        ));
    }
    Ok(raisons)
}

fn m_spe(l: &Lecteur<'_>, spe: &Specialite, m: Motif, grade: Grade) -> Raison {
    let mut refs = l.version.references.clone();
    refs.extend(spe.references.iter().cloned());
    m.rendre(refs, grade)
}

/// Surgeons, ENT and gynaecologists: clinical fees must reach the threshold (2023 and 2024 rules).
fn part_clinique(l: &mut Lecteur<'_>, s: &Situation, spe: &Specialite) -> Resultat<Option<Raison>> {
    let groupes = l.consulter("eligibilite.groupes_part_clinique")?;
    let concerne = match &groupes.valeur {
        crate::rules::Valeur::Codes(c) => c.iter().any(|g| g == spe.group.as_str()),
        // Rule unknown for this version: the specialty criterion already refers specialists.
        _ => false,
    };
    if !concerne {
        return Ok(None);
    }
    let groupes = l.codes("eligibilite.groupes_part_clinique")?;
    let min = l.decimal("eligibilite.part_clinique_min")?;
    let inclus = l.booleen("eligibilite.part_clinique_seuil_inclus")?;
    let ids = [
        "eligibilite.part_clinique_min",
        "eligibilite.part_clinique_seuil_inclus",
    ];
    let (Some(seuil), Some(inclus_v)) = (min.valeur, inclus.valeur) else {
        return Ok(Some(raison(
            l,
            Motif::PartCliniqueNonPubliee,
            &ids,
            pire([min.grade, inclus.grade]),
        )));
    };
    let part = s.clinical_fee_share.ok_or_else(|| {
        Erreur::champ_requis(
            "clinical_fee_share",
            "part des honoraires cliniques (décimal entre 0 et 1, ex. \"0.85\") requise pour les chirurgiens, ORL et gynécologues",
            "share of clinical fees (decimal between 0 and 1, e.g. \"0.85\") required for surgeons, ENT and gynaecologists",
        )
    })?;
    let atteint = if inclus_v {
        part >= seuil
    } else {
        part > seuil
    };
    let m = if atteint {
        Motif::PartCliniqueSuffisante { part, seuil }
    } else {
        Motif::PartCliniqueInsuffisante {
            part,
            seuil,
            inclus: inclus_v,
        }
    };
    Ok(Some(raison(
        l,
        m,
        &ids,
        pire([groupes.grade, min.grade, inclus.grade]),
    )))
}

/// Grouped and coordinated practice (avenant 7 only; removed in 2023).
fn exercice(l: &mut Lecteur<'_>, s: &Situation) -> Resultat<Vec<Raison>> {
    let mut raisons = Vec::new();
    let groupe = l.booleen("eligibilite.exercice_groupe_requis")?;
    if groupe.valeur == Some(true) {
        let practice = s.practice.ok_or_else(|| {
            Erreur::champ_requis(
                "practice",
                "ce contrat exige un exercice regroupé (solo ou groupe)",
                "this contract requires group practice (solo or groupe)",
            )
        })?;
        let id = "eligibilite.exercice_groupe_requis";
        match practice {
            Exercice::Groupe => raisons.push(raison(l, Motif::ExerciceGroupe, &[id], groupe.grade)),
            Exercice::Solo => {
                let zone = s.zone.ok_or_else(|| {
                    Erreur::champ_requis(
                        "zone",
                        "un médecin seul peut déroger à l'exercice regroupé en zone sous-dense (zip, zac ou hors_zone)",
                        "a solo doctor may be exempt from group practice in an under-served zone (zip, zac or hors_zone)",
                    )
                })?;
                let zones = l.codes("zonage.zones_sous_denses")?;
                if zones
                    .valeur
                    .is_some_and(|z| z.iter().any(|c| c == zone.code()))
                {
                    raisons.push(raison(
                        l,
                        Motif::DerogationZoneSousDense(zone),
                        &[id, "zonage.zones_sous_denses"],
                        pire([groupe.grade, zones.grade]),
                    ));
                } else {
                    let delai = l.nombre("eligibilite.delai_engagement_annees")?;
                    raisons.push(raison(
                        l,
                        Motif::EngagementExerciceGroupe {
                            annees: delai.valeur,
                        },
                        &[id, "eligibilite.delai_engagement_annees"],
                        pire([groupe.grade, delai.grade]),
                    ));
                }
            }
        }
    }
    let coordonne = l.booleen("eligibilite.exercice_coordonne_requis")?;
    if coordonne.valeur == Some(true) {
        let membre = s.coordinated.ok_or_else(|| {
            Erreur::champ_requis(
                "coordinated",
                "ce contrat exige un exercice coordonné (ESP, MSP, CPTS) ou l'engagement d'en rejoindre un (true/false)",
                "this contract requires coordinated practice (ESP, MSP, CPTS) or a commitment to join one (true/false)",
            )
        })?;
        let m = if membre {
            Motif::ExerciceCoordonne
        } else {
            Motif::ExerciceCoordonneRequis
        };
        raisons.push(raison(
            l,
            m,
            &["eligibilite.exercice_coordonne_requis"],
            coordonne.grade,
        ));
    }
    Ok(raisons)
}

/// Minimum activity (P30), waived for newly installed doctors.
pub fn critere_activite(
    l: &mut Lecteur<'_>,
    s: &Situation,
    spe: &Specialite,
    pos: &Positionnement,
) -> Resultat<Raison> {
    if s.newly_installed {
        let id = "eligibilite.installation_recente_sans_seuil";
        let sans_seuil = l.booleen(id)?;
        match sans_seuil.valeur {
            Some(true) => {
                return Ok(raison(
                    l,
                    Motif::InstallationRecente,
                    &[id],
                    sans_seuil.grade,
                ))
            }
            None => {
                return Ok(raison(
                    l,
                    Motif::InstallationRecenteNonPubliee,
                    &[id],
                    sans_seuil.grade,
                ))
            }
            Some(false) => {}
        }
    }
    if spe.est_generaliste() {
        if let Some(pmt) = s.patientele_mt {
            let id = "seuil.p30.generaliste_pmt";
            let p30 = l.nombre(id)?;
            if let Some(seuil) = p30.valeur {
                let m = if pmt >= seuil {
                    Motif::ActiviteSuffisante {
                        patients: pmt,
                        seuil,
                    }
                } else {
                    Motif::ActiviteInsuffisante {
                        patients: pmt,
                        seuil,
                    }
                };
                return Ok(raison(l, m, &[id], p30.grade));
            }
        }
    }
    // Specialists (P30 values not published) and declared bands: the band the CPAM gave decides.
    let m = match pos.band {
        Some(Tranche::SousP30) => Motif::TrancheInsuffisante,
        Some(t) => Motif::TrancheSuffisante(t),
        None => Motif::SeuilNonPublie,
    };
    let mut refs = l.version.references.clone();
    refs.extend(l.references(if spe.est_generaliste() {
        "seuil.p30.generaliste_pmt"
    } else {
        "seuil.p30.specialiste_fa"
    }));
    Ok(m.rendre(refs, pos.confidence))
}
