//! Eligibility: each criterion of §2 checked for the version governing the contract, each giving
//! a reason. Criteria whose rule is a GAP send the doctor to the CPAM rather than guess.

use serde::Serialize;

use crate::error::{Erreur, Resultat};
use crate::explain::{borne_basse, Avertissement, Effet, Motif, Raison};
use crate::percentile::Positionnement;
use crate::provenance::{pire, Lecteur};
use crate::rules::citations::Recueil;
use crate::rules::ids::{self, ParamId};
use crate::rules::{Grade, Specialite, Valeur};
use crate::situation::{Exercice, Secteur, Situation, Tranche, Zone};
use crate::Langue;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Statut {
    Eligible,
    NotEligible,
    ReferToCpam,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

fn raison(l: &Lecteur<'_>, m: Motif, ids: &[&ParamId], grade: Grade, langue: Langue) -> Raison {
    let refs = l.citations(ids);
    let refs = if refs.is_empty() {
        l.citations_de_la_version()
    } else {
        refs
    };
    m.rendre(refs, grade, langue)
}

/// Criteria that do not depend on the activity level: sector, specialty, clinical-fee share,
/// grouped and coordinated practice, ALD/RQTH.
pub fn criteres_de_base(
    l: &mut Lecteur<'_>,
    s: &Situation,
    spe: &Specialite,
    langue: Langue,
) -> Resultat<Vec<Raison>> {
    // Sized once: four or five criteria, and the activity's, which the assessment adds.
    let mut raisons = Vec::with_capacity(6);

    let secteurs = l.codes(ids::SECTEURS)?;
    let admis = secteurs
        .valeur
        .is_some_and(|c| c.iter().any(|x| x == s.sector.code()));
    let m = if admis {
        Motif::SecteurAdmis(s.sector)
    } else {
        Motif::SecteurNonAdmis {
            secteur: s.sector,
            admis: secteurs
                .valeur
                .unwrap_or_default()
                .iter()
                .filter_map(|c| Secteur::depuis_code(Secteur::CHAMP, c).ok())
                .collect(),
        }
    };
    raisons.push(raison(l, m, &[ids::SECTEURS], secteurs.grade, langue));

    if spe.est_generaliste() {
        raisons.push(m_spe(
            l,
            spe,
            Motif::SpecialiteAdmise(spe.into()),
            Grade::A,
            langue,
        ));
    } else {
        let exclues = l.codes(ids::SPECIALITES_EXCLUES)?;
        let incertaine = match &l.consulter(ids::SPECIALITES_INCERTAINES)?.valeur {
            Valeur::Codes(c) => exclues.valeur.is_some() && c.iter().any(|x| *x == *spe.code),
            _ => false,
        };
        if incertaine {
            specialite_incertaine(l, s, spe, langue, &mut raisons)?;
            return Ok(raisons);
        }
        let m = match exclues.valeur {
            None => Motif::SpecialiteSelonTerritoire {
                nom: Box::new(spe.into()),
                version: Box::new(l.version.into()),
            },
            Some(c) if c.iter().any(|x| *x == *spe.code) => Motif::SpecialiteExclue(spe.into()),
            Some(_) => Motif::SpecialiteAdmise(spe.into()),
        };
        raisons.push(raison(
            l,
            m,
            &[ids::SPECIALITES_EXCLUES],
            exclues.grade,
            langue,
        ));
    }

    if let Some(r) = part_clinique(l, s, spe, false, langue)? {
        raisons.push(r);
    }
    suite_criteres(l, s, langue, &mut raisons)?;
    Ok(raisons)
}

/// Codes 45 and 69: stomatology (excluded) or surgery (clinical-fee rule)? Both readings are
/// stated and the CPAM decides; the clinical-fee share is not asked for. When the doctor gives
/// it anyway and it fails the surgery reading too, both readings agree: not eligible.
fn specialite_incertaine(
    l: &mut Lecteur<'_>,
    s: &Situation,
    spe: &Specialite,
    langue: Langue,
    raisons: &mut Vec<Raison>,
) -> Resultat<()> {
    let incertaines = l.codes(ids::SPECIALITES_INCERTAINES)?;
    let min = l.decimal(ids::PART_CLINIQUE_MIN)?;
    let inclus = l.booleen(ids::PART_CLINIQUE_SEUIL_INCLUS)?;
    let m = Motif::SpecialiteIncertaine {
        nom: Box::new(spe.into()),
        code: spe.code.clone(),
        seuil: min.valeur,
        inclus: inclus.valeur,
    };
    raisons.push(raison(
        l,
        m,
        &[ids::SPECIALITES_INCERTAINES, ids::PART_CLINIQUE_MIN],
        pire([incertaines.grade, min.grade, inclus.grade]),
        langue,
    ));
    if s.clinical_fee_share.is_some() {
        raisons.extend(part_clinique(l, s, spe, true, langue)?);
    }
    suite_criteres(l, s, langue, raisons)
}

/// Grouped and coordinated practice, then ALD/RQTH.
fn suite_criteres(
    l: &mut Lecteur<'_>,
    s: &Situation,
    langue: Langue,
    raisons: &mut Vec<Raison>,
) -> Resultat<()> {
    exercice(l, s, langue, raisons)?;
    if s.ald_or_rqth {
        let adapte = l.booleen(ids::ALD_RQTH_CONTRAT_ADAPTE)?;
        raisons.push(raison(
            l,
            Motif::AldRqth,
            &[ids::ALD_RQTH_CONTRAT_ADAPTE],
            adapte.grade,
            langue,
        ));
    }
    Ok(())
}

fn m_spe(l: &Lecteur<'_>, spe: &Specialite, m: Motif, grade: Grade, langue: Langue) -> Raison {
    let refs = Recueil::new(l.rules)
        .citer_version(l.version)
        .citer(&spe.references)
        .dans_l_ordre_cite();
    m.rendre(refs, grade, langue)
}

/// Surgeons, ENT and gynaecologists: clinical fees must reach the threshold (2023 and 2024 rules).
/// `lecture_chirurgie`: a specialty the list cannot classify, read as surgery.
fn part_clinique(
    l: &mut Lecteur<'_>,
    s: &Situation,
    spe: &Specialite,
    lecture_chirurgie: bool,
    langue: Langue,
) -> Resultat<Option<Raison>> {
    let groupes = l.consulter(ids::GROUPES_PART_CLINIQUE)?;
    let concerne = match &groupes.valeur {
        Valeur::Codes(c) => lecture_chirurgie || c.iter().any(|g| g == spe.group.as_str()),
        // Rule unknown for this version: the specialty criterion already refers specialists.
        _ => false,
    };
    if !concerne {
        return Ok(None);
    }
    let groupes = l.codes(ids::GROUPES_PART_CLINIQUE)?;
    let min = l.decimal(ids::PART_CLINIQUE_MIN)?;
    let inclus = l.booleen(ids::PART_CLINIQUE_SEUIL_INCLUS)?;
    let ids = [ids::PART_CLINIQUE_MIN, ids::PART_CLINIQUE_SEUIL_INCLUS];
    let (Some(seuil), Some(inclus_v)) = (min.valeur, inclus.valeur) else {
        return Ok(Some(raison(
            l,
            Motif::PartCliniqueNonPubliee,
            &ids,
            pire([min.grade, inclus.grade]),
            langue,
        )));
    };
    let part = s.clinical_fee_share.ok_or_else(|| {
        Erreur::champ_requis(
            "clinical_fee_share",
            "la part des honoraires cliniques dans vos honoraires (nombre décimal entre 0 et 1, par exemple 0,85 pour 85 %) est nécessaire pour un chirurgien, un ORL ou un gynécologue",
            "the share of clinical fees in your fees (decimal between 0 and 1, e.g. 0.85 for 85%) is needed for a surgeon, an ENT or a gynaecologist",
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
        langue,
    )))
}

/// Grouped and coordinated practice (avenant 7 only; removed in 2023).
fn exercice(
    l: &mut Lecteur<'_>,
    s: &Situation,
    langue: Langue,
    raisons: &mut Vec<Raison>,
) -> Resultat<()> {
    let groupe = l.booleen(ids::EXERCICE_GROUPE_REQUIS)?;
    if groupe.valeur == Some(true) {
        let practice = s.practice.ok_or_else(|| {
            Erreur::champ_requis(
                "practice",
                "ce contrat exige en principe un exercice regroupé ; indiquez si vous exercez seul (solo) ou en groupe (groupe)",
                "this contract requires group practice in principle; say whether you practise alone (solo) or in a group (groupe)",
            )
        })?;
        let id = ids::EXERCICE_GROUPE_REQUIS;
        match practice {
            Exercice::Groupe => raisons.push(raison(
                l,
                Motif::ExerciceGroupe,
                &[id],
                groupe.grade,
                langue,
            )),
            Exercice::Solo => {
                let zone = s.zone.ok_or_else(|| {
                    zone_requise(
                        "un médecin qui exerce seul peut être admis selon la zone de son cabinet",
                        "a solo doctor may qualify depending on the practice's zone",
                    )
                })?;
                let zones = l.codes(ids::EXERCICE_SEUL_ZONES_DEROGATION)?;
                let derogation: Vec<Zone> = zones
                    .valeur
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|c| Zone::depuis_code(Zone::CHAMP, c).ok())
                    .collect();
                if derogation.contains(&zone) {
                    raisons.push(raison(
                        l,
                        Motif::DerogationZoneSousDense(zone),
                        &[id, ids::EXERCICE_SEUL_ZONES_DEROGATION],
                        pire([groupe.grade, zones.grade]),
                        langue,
                    ));
                } else {
                    let delai = l.nombre(ids::DELAI_ENGAGEMENT_ANNEES)?;
                    raisons.push(raison(
                        l,
                        Motif::EngagementExerciceGroupe {
                            annees: delai.valeur,
                            zones_derogation: derogation,
                        },
                        &[
                            id,
                            ids::EXERCICE_SEUL_ZONES_DEROGATION,
                            ids::DELAI_ENGAGEMENT_ANNEES,
                        ],
                        pire([groupe.grade, zones.grade, delai.grade]),
                        langue,
                    ));
                }
            }
        }
    }
    let coordonne = l.booleen(ids::EXERCICE_COORDONNE_REQUIS)?;
    if coordonne.valeur == Some(true) {
        let membre = s.coordinated.ok_or_else(|| {
            Erreur::champ_requis(
                "coordinated",
                "ce contrat exige un exercice coordonné (ESP, MSP ou CPTS) ou l'engagement d'en rejoindre un ; répondez true (oui) ou false (non)",
                "this contract requires coordinated practice (ESP, MSP or CPTS) or a commitment to join one; answer true or false",
            )
        })?;
        let (m, ids_m, grade) = if membre {
            (
                Motif::ExerciceCoordonne,
                &[ids::EXERCICE_COORDONNE_REQUIS][..],
                coordonne.grade,
            )
        } else {
            let delai = l.nombre(ids::DELAI_ENGAGEMENT_COORDONNE_ANNEES)?;
            (
                Motif::ExerciceCoordonneRequis {
                    annees: delai.valeur,
                    version: Box::new(l.version.into()),
                },
                &[
                    ids::EXERCICE_COORDONNE_REQUIS,
                    ids::DELAI_ENGAGEMENT_COORDONNE_ANNEES,
                ][..],
                pire([coordonne.grade, delai.grade]),
            )
        };
        raisons.push(raison(l, m, ids_m, grade, langue));
    }
    Ok(())
}

/// Avenant 8 (S38): a solo doctor in a ZAC at or above the specialty's P50 no longer needs to
/// commit to join a group. Its date is not published, so the commitment stays a condition and
/// this caveat says it may be waived.
pub fn avertissement_avenant_8(
    l: &mut Lecteur<'_>,
    s: &Situation,
    pos: &Positionnement,
    langue: Langue,
) -> Resultat<Option<Avertissement>> {
    let (Some(Exercice::Solo), Some(zone)) = (s.practice, s.zone) else {
        return Ok(None);
    };
    let zones = match &l.consulter(ids::AVENANT_8_ZONES_SANS_ENGAGEMENT)?.valeur {
        Valeur::Codes(c) => c.clone(),
        _ => return Ok(None),
    };
    if !zones.iter().any(|c| c == zone.code()) {
        return Ok(None);
    }
    let tranches = l.codes(ids::AVENANT_8_TRANCHES_SANS_ENGAGEMENT)?;
    let admises: Vec<Tranche> = tranches
        .valeur
        .unwrap_or_default()
        .iter()
        .filter_map(|c| Tranche::depuis_code(Tranche::CHAMP, c).ok())
        .collect();
    if !pos.band.is_some_and(|t| admises.contains(&t)) {
        return Ok(None);
    }
    // Recorded as used: the caveat rests on both values.
    l.codes(ids::AVENANT_8_ZONES_SANS_ENGAGEMENT)?;
    let zone_fr = zone.libelle_fr();
    let zone_en = zone.libelle_en();
    let min = admises.iter().min().map_or("P50", |t| borne_basse(*t));
    let refs = l.citations(&[
        ids::AVENANT_8_ZONES_SANS_ENGAGEMENT,
        ids::AVENANT_8_TRANCHES_SANS_ENGAGEMENT,
    ]);
    Ok(Some(Avertissement::nouveau(
        "avenant_8_sans_engagement",
        // The rule itself is B (S38), but the date it applies from is not published.
        Grade::Gap, selon!(langue, format!("L'avenant 8, dont la date d'entrée en vigueur n'est pas publiée, dispense de l'engagement de rejoindre un exercice regroupé le médecin seul en {zone_fr} dont l'activité atteint au moins le {min} de sa spécialité. Selon la date de votre contrat, cet engagement peut donc ne pas s'appliquer : à confirmer avec votre CPAM."), format!("Amendment 8, whose date of effect is not published, exempts a solo doctor in a {zone_en} whose activity is at least the specialty's {min} from the commitment to join a group practice. Depending on your contract's date, the commitment may not apply: to confirm with your CPAM.")),
        refs,
    )))
}

/// The zone is needed (`pourquoi`: why, in each language): the error lists the accepted codes
/// with their labels.
pub fn zone_requise(pourquoi_fr: &str, why_en: &str) -> Erreur {
    Erreur::champ_requis(
        "zone",
        &format!("{pourquoi_fr} ; indiquez-la : zone d'intervention prioritaire (zip), zone d'action complémentaire (zac) ou hors zone sous-dense (hors_zone)"),
        &format!("{why_en}; give it: priority intervention zone (zip), complementary action zone (zac) or outside under-served zones (hors_zone)"),
    )
}

/// Minimum activity (P30), waived for newly installed doctors.
pub fn critere_activite(
    l: &mut Lecteur<'_>,
    s: &Situation,
    spe: &Specialite,
    pos: &Positionnement,
    langue: Langue,
) -> Resultat<Raison> {
    if s.newly_installed {
        let id = ids::INSTALLATION_RECENTE_SANS_SEUIL;
        let sans_seuil = l.booleen(id)?;
        match sans_seuil.valeur {
            Some(true) => {
                return Ok(raison(
                    l,
                    Motif::InstallationRecente,
                    &[id],
                    sans_seuil.grade,
                    langue,
                ))
            }
            None => {
                return Ok(raison(
                    l,
                    Motif::InstallationRecenteNonPubliee,
                    &[id],
                    sans_seuil.grade,
                    langue,
                ))
            }
            Some(false) => {}
        }
    }
    if spe.est_generaliste() {
        if let Some(pmt) = s.patientele_mt {
            let id = ids::P30_GENERALISTE_PMT;
            let p30 = l.nombre(id)?;
            if let Some(seuil) = p30.valeur {
                if pmt < seuil && s.ald_or_rqth {
                    return sous_seuil_ald_rqth(l, Some((pmt, seuil)), &[id], p30.grade, langue);
                }
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
                return Ok(raison(l, m, &[id], p30.grade, langue));
            }
        }
    }
    let id_p30 = if spe.est_generaliste() {
        ids::P30_GENERALISTE_PMT
    } else {
        ids::P30_SPECIALISTE_FA
    };
    if s.ald_or_rqth && pos.band == Some(Tranche::SousP30) {
        return sous_seuil_ald_rqth(l, None, &[id_p30], pos.confidence, langue);
    }
    // Specialists (P30 values not published) and declared bands: the band the CPAM gave decides.
    let m = match pos.band {
        Some(Tranche::SousP30) => Motif::TrancheInsuffisante,
        Some(t) => Motif::TrancheSuffisante(t),
        None => Motif::SeuilNonPublie,
    };
    let refs = Recueil::new(l.rules)
        .citer_version(l.version)
        .ajouter(l.references(id_p30))
        .dans_l_ordre_cite();
    Ok(m.rendre(refs, pos.confidence, langue))
}

/// Below the threshold in ALD or with RQTH: a doctor with RQTH may be exempt (2019, S39); the
/// single input flag cannot tell RQTH from ALD, so both readings are given and the CPAM decides.
fn sous_seuil_ald_rqth(
    l: &mut Lecteur<'_>,
    detail: Option<(i32, i32)>,
    ids_seuil: &[&ParamId],
    grade_seuil: Grade,
    langue: Langue,
) -> Resultat<Raison> {
    let exempte = l.booleen(ids::RQTH_SANS_SEUIL_ACTIVITE)?;
    let mut ids_r = vec![ids::RQTH_SANS_SEUIL_ACTIVITE];
    ids_r.extend_from_slice(ids_seuil);
    Ok(raison(
        l,
        Motif::ActiviteSousSeuilAldRqth {
            detail,
            rqth_exempte: exempte.valeur,
        },
        &ids_r,
        pire([exempte.grade, grade_seuil]),
        langue,
    ))
}
