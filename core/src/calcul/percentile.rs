//! The doctor's starting percentile band: declared (the CPAM and amelipro tell doctors their
//! band) or, for GPs, derived from the médecin-traitant patient list where the thresholds are known.

use serde::Serialize;

use crate::amounts::Ligne;
use crate::error::{Erreur, Resultat};
use crate::format;
use crate::provenance::{pire, Lecteur};
use crate::rules::{ids, Grade, Specialite};
use crate::situation::{Situation, Tranche};
use crate::Langue;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Origine {
    Declared,
    Derived,
}

/// Where the doctor stands, and which row of the amounts table follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Positionnement {
    /// absent when only the row is known (a GP between P50 and P90 whose P70 is not published).
    pub band: Option<Tranche>,
    pub row: Ligne,
    pub source: Origine,
    pub confidence: Grade,
}

fn tranche_requise() -> Erreur {
    Erreur::champ_requis(
        "percentile_band",
        "votre tranche de percentile ne peut pas être déduite pour ce contrat ; votre CPAM ou amelipro vous l'indique : sous le P30 (below_p30), entre P30 et P50 (p30_p50), entre P50 et P70 (p50_p70), entre P70 et P90 (p70_p90), entre P90 et P95 (p90_p95) ou au-delà du P95 (p95_plus)",
        "your percentile band cannot be derived for this version (given by your CPAM or on amelipro: below_p30, p30_p50, p50_p70, p70_p90, p90_p95, p95_plus)",
    )
}

/// Determines the band. Declared bands win, after a consistency check against the P30 threshold.
pub fn determiner(
    l: &mut Lecteur<'_>,
    s: &Situation,
    spe: &Specialite,
) -> Resultat<Positionnement> {
    let gp_pmt = if spe.est_generaliste() {
        s.patientele_mt
    } else {
        None
    };
    if let Some(band) = s.percentile_band {
        if let Some(pmt) = gp_pmt {
            if let Some(p30) = l.nombre(ids::P30_GENERALISTE_PMT)?.valeur {
                let sous = pmt < p30;
                if sous != (band == Tranche::SousP30) {
                    return Err(Erreur::incoherence(
                        "percentile_band",
                        format!(
                            "la tranche « {} » ne correspond pas à une patientèle médecin traitant de {} (seuil P30 : {}) ; corrigez la tranche ou la patientèle",
                            band.libelle_fr(),
                            format::nombre(i64::from(pmt), Langue::Fr),
                            format::nombre(i64::from(p30), Langue::Fr)
                        ),
                        format!(
                            "the band “{}” does not match a médecin-traitant patient list of {} (P30 threshold: {}); correct the band or the patient count",
                            band.libelle_en(),
                            format::nombre(i64::from(pmt), Langue::En),
                            format::nombre(i64::from(p30), Langue::En)
                        ),
                    ));
                }
            }
        }
        return Ok(Positionnement {
            band: Some(band),
            row: Ligne::depuis_tranche(band),
            source: Origine::Declared,
            confidence: Grade::A,
        });
    }
    let Some(pmt) = gp_pmt else {
        if spe.est_generaliste() {
            return Err(Erreur::champ_requis(
                "patientele_mt",
                "la patientèle médecin traitant (ou la tranche de percentile) est nécessaire pour un généraliste",
                "the médecin-traitant patient list (or the percentile band) is needed for a GP",
            ));
        }
        return Err(tranche_requise());
    };
    let p30 = l.nombre(ids::P30_GENERALISTE_PMT)?;
    if let Some(seuil) = p30.valeur {
        if pmt < seuil {
            return Ok(Positionnement {
                band: Some(Tranche::SousP30),
                row: Ligne::Standard,
                source: Origine::Derived,
                confidence: p30.grade,
            });
        }
    }
    let p95 = l.nombre(ids::P95_GENERALISTE_PMT)?;
    let p90 = l.nombre(ids::P90_GENERALISTE_PMT)?;
    let (Some(s95), Some(s90)) = (p95.valeur, p90.valeur) else {
        return Err(tranche_requise());
    };
    let deduit = |band, row, grade| {
        Ok(Positionnement {
            band,
            row,
            source: Origine::Derived,
            confidence: grade,
        })
    };
    if pmt >= s95 {
        return deduit(Some(Tranche::P95Plus), Ligne::P95Plus, p95.grade);
    }
    if pmt >= s90 {
        return deduit(
            Some(Tranche::P90P95),
            Ligne::P90P94,
            pire([p90.grade, p95.grade]),
        );
    }
    let p50 = l.nombre(ids::P50_GENERALISTE_PMT)?;
    let band = match p50.valeur {
        Some(s50) if pmt < s50 => Some(Tranche::P30P50),
        _ => None,
    };
    deduit(
        band,
        Ligne::Standard,
        pire([p30.grade, p50.grade, p90.grade, p95.grade]),
    )
}
