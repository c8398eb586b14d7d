//! Options and amounts: which option is open, and the yearly aid of a contract year.
//!
//! The amounts are tables (§3 of the reference), read cell by cell; never derived by formula.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Resultat;
use crate::explain::{Motif, Raison};
use crate::provenance::{pire, Lecteur};
use crate::rules::ids::{self, ParamId};
use crate::rules::Grade;
use crate::situation::{Formule, Situation, Tranche, Zone};
use crate::Langue;

/// Row of the amounts table, from the doctor's starting percentile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Ligne {
    /// Below P90.
    Standard,
    /// Between P90 and P94: higher year-3+ amount.
    P90P94,
    /// P95 and above: the year-1 amount every year.
    P95Plus,
}

impl Ligne {
    pub fn depuis_tranche(t: Tranche) -> Ligne {
        match t {
            Tranche::P95Plus => Ligne::P95Plus,
            Tranche::P90P95 => Ligne::P90P94,
            _ => Ligne::Standard,
        }
    }
}

/// Column of the amounts table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colonne {
    Annee1,
    Annee2,
    Annee3Plus,
    Annee3PlusP90P94,
    P95Plus,
}

impl Colonne {
    pub const TOUTES: [Colonne; 5] = [
        Colonne::Annee1,
        Colonne::Annee2,
        Colonne::Annee3Plus,
        Colonne::Annee3PlusP90P94,
        Colonne::P95Plus,
    ];

    /// The cell for contract year `annee` (1-based) on row `ligne`.
    pub fn pour(annee: i32, ligne: Ligne) -> Colonne {
        match (ligne, annee) {
            (Ligne::P95Plus, _) => Colonne::P95Plus,
            (_, 1) => Colonne::Annee1,
            (_, 2) => Colonne::Annee2,
            (Ligne::P90P94, _) => Colonne::Annee3PlusP90P94,
            (Ligne::Standard, _) => Colonne::Annee3Plus,
        }
    }
}

fn rang_formule(f: Formule) -> usize {
    match f {
        Formule::Tiers => 0,
        Formule::Demi => 1,
        Formule::Plein => 2,
    }
}

/// The parameter holding the amount of cell (`f`, `c`) (ids in `ids::MONTANTS`).
pub fn id_montant(f: Formule, c: Colonne) -> &'static ParamId {
    let colonne = match c {
        Colonne::Annee1 => 0,
        Colonne::Annee2 => 1,
        Colonne::Annee3Plus => 2,
        Colonne::Annee3PlusP90P94 => 3,
        Colonne::P95Plus => 4,
    };
    ids::MONTANTS[rang_formule(f)][colonne]
}

/// The parameter saying whether option `f` is open to new contracts.
pub fn id_ouverture(f: Formule) -> &'static ParamId {
    ids::OUVERTURE[rang_formule(f)]
}

/// The parameter holding the 2019-style required increase for option `f` from band `t`
/// (absent below P30, where no contract is signed on the grid).
pub fn id_hausse(f: Formule, t: Tranche) -> Option<&'static ParamId> {
    let colonne = match t {
        Tranche::SousP30 => return None,
        Tranche::P30P50 => 0,
        Tranche::P50P70 => 1,
        Tranche::P70P90 => 2,
        Tranche::P90P95 => 3,
        Tranche::P95Plus => 4,
    };
    Some(ids::HAUSSES[rang_formule(f)][colonne])
}

/// An amount with the grade of the values it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Montant {
    pub montant: Option<Decimal>,
    pub grade: Grade,
}

/// The aid for contract year `annee` on `ligne`, under the reader's version.
pub fn montant(l: &mut Lecteur<'_>, f: Formule, annee: i32, ligne: Ligne) -> Resultat<Montant> {
    montant_de(l, f, Colonne::pour(annee, ligne))
}

/// The aid in cell (`f`, `c`) of the amounts table, under the reader's version.
pub fn montant_de(l: &mut Lecteur<'_>, f: Formule, c: Colonne) -> Resultat<Montant> {
    let lu = l.decimal(id_montant(f, c))?;
    Ok(Montant {
        montant: lu.valeur,
        grade: lu.grade,
    })
}

/// Whether an option is open to a new contract signed under the reader's version, and why not.
pub fn disponibilite(
    l: &mut Lecteur<'_>,
    s: &Situation,
    f: Formule,
    langue: Langue,
) -> Resultat<(bool, Vec<Raison>)> {
    let id = id_ouverture(f);
    let ouverte = l.booleen(id)?;
    if ouverte.valeur != Some(true) {
        return Ok((
            false,
            vec![Motif::FormuleFermee(f).rendre(l.citations(&[id]), ouverte.grade, langue)],
        ));
    }
    if f == Formule::Plein {
        let id_zone = ids::PLEIN_ZONE_SOUS_DENSE_REQUISE;
        let requise = l.booleen(id_zone)?;
        if requise.valeur == Some(true) {
            let zone = s.zone.ok_or_else(|| {
                crate::eligibility::zone_requise(
                    "pour ce contrat, la formule 1 ETP dépend de la zone du cabinet",
                    "for this contract the 1 FTE option depends on the practice's zone",
                )
            })?;
            let zones = l.codes(ids::ZONES_SOUS_DENSES)?;
            let grade = pire([requise.grade, zones.grade]);
            let dans_zone = zones
                .valeur
                .is_some_and(|z| z.iter().any(|c| c == zone.code()));
            if !dans_zone {
                let refs = l.citations(&[id_zone, ids::ZONES_SOUS_DENSES]);
                return Ok((
                    false,
                    vec![Motif::FormuleReserveeZoneSousDense {
                        formule: f,
                        zones: zones
                            .valeur
                            .unwrap_or_default()
                            .iter()
                            .filter_map(|c| Zone::depuis_code(Zone::CHAMP, c).ok())
                            .collect(),
                    }
                    .rendre(refs, grade, langue)],
                ));
            }
        }
    }
    Ok((true, Vec::new()))
}
