//! Integrity checks run on every rule document before it is used (embedded or updated).
//!
//! Catala's discipline: versions neither overlap nor leave gaps; every value has a reference;
//! every parameter the code reads exists with the right unit, for every version.

use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use rust_decimal::Decimal;

use super::{ids, RuleSet, Unite, Valeur};
use crate::error::{Erreur, Resultat};
use crate::texte::Texte;

/// Prefix of the parameters dated on calendar dates (economics of hiring) rather than at version
/// starts.
pub const PREFIXE_CALENDAIRE: &str = "economie.";
/// Bounds that keep the economics arithmetic far from `Decimal` overflow, whatever a bundle says.
const QUANTITE_MAX: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);
const MONTANT_ECONOMIE_MAX: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// Largest amount a rule value may hold, in euros. The aid is a few tens of thousands of euros a
/// year; a million leaves room for any correction while keeping every sum and product of the
/// engine far from `Decimal`'s limits (a value at `Decimal::MAX` used to make every assessment
/// panic on "Addition overflowed").
pub const MONTANT_MAX: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);
/// Largest patient count a rule value may hold.
pub const PATIENTS_MAX_REGLES: u32 = 100_000;
/// Accepted range of a duration or age in years (a contract of 0 or 4 294 967 295 years used to
/// pass).
pub const ANNEES_MIN: u32 = 1;
pub const ANNEES_MAX: u32 = 120;
/// Rounding modes the objectives know (`objectif.arrondi`).
pub const MODES_ARRONDI: [&str; 3] = ["superieur", "inferieur", "proche"];

/// Every date of a rule document lies in the range accepted for input dates.
fn verifier_date(ou: Lieu<'_>, d: chrono::NaiveDate) -> Resultat<()> {
    use chrono::Datelike;
    let borne = |t: &str| t.get(..4).and_then(|a| a.parse::<i32>().ok());
    let (min, max) = (
        borne(super::DATE_MIN).unwrap_or(2000),
        borne(super::DATE_MAX).unwrap_or(2099),
    );
    if d.year() < min || d.year() > max {
        return Err(erreur(format!(
            "{ou} : date {d} hors de [{}, {}] / date out of range",
            super::DATE_MIN,
            super::DATE_MAX
        )));
    }
    Ok(())
}

pub(super) fn verifier(r: &RuleSet) -> Resultat<()> {
    // About a thousand reference citations are checked at each load: a hash set answers each
    // in one probe where the map's string comparisons cost 5 % of a cold load.
    let connues: Connues<'_> = r.references.keys().map(Texte::as_str).collect();
    verifier_date(Lieu::Texte("published"), r.published)?;
    for v in &r.versions {
        verifier_date(Lieu::Version(&v.id), v.start)?;
        if let Some(fin) = v.end_exclusive {
            verifier_date(Lieu::Version(&v.id), fin)?;
        }
    }
    verifier_versions(r, &connues)?;
    verifier_specialites(r, &connues)?;
    verifier_parametres(r, &connues)?;
    for n in &r.notices {
        verifier_references(&connues, &n.references, Lieu::Notice(&n.id))?;
        for v in &n.versions {
            if r.version(v).is_none() {
                return Err(erreur(format!(
                    "notice `{}` : version inconnue / unknown version `{v}`",
                    n.id
                )));
            }
        }
    }
    Ok(())
}

/// Where a check failed, written out only for the error message (a `format!` per parameter and
/// per value used to be a third of the checks' cost at every cold start).
#[derive(Clone, Copy)]
enum Lieu<'a> {
    Texte(&'a str),
    Version(&'a str),
    Notice(&'a str),
    Specialite(&'a str),
    Parametre(&'a str),
    Valeur(&'a str, chrono::NaiveDate),
}

impl fmt::Display for Lieu<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lieu::Texte(t) => f.write_str(t),
            Lieu::Version(id) => write!(f, "version `{id}`"),
            Lieu::Notice(id) => write!(f, "notice `{id}`"),
            Lieu::Specialite(code) => write!(f, "spécialité `{code}`"),
            Lieu::Parametre(id) => write!(f, "paramètre `{id}`"),
            Lieu::Valeur(id, date) => write!(f, "paramètre `{id}` au {date}"),
        }
    }
}

fn erreur(detail: String) -> Erreur {
    Erreur::regles_invalides(detail)
}

/// A set of reference ids (a document's, or those a result cites).
pub(crate) type Connues<'a> = HashSet<&'a str, BuildHasherDefault<Fnv>>;

/// FNV-1a: a few instructions per byte for ids of a few bytes, where the default SipHash cost
/// more than the map it replaced. The keys come from a signed document and are a few dozen:
/// flooding is no concern.
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, octets: &[u8]) {
        for &o in octets {
            self.0 = (self.0 ^ u64::from(o)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

fn verifier_references(connues: &Connues<'_>, refs: &[Texte], ou: Lieu<'_>) -> Resultat<()> {
    if refs.is_empty() {
        return Err(erreur(format!("{ou} : aucune référence / no reference")));
    }
    for id in refs {
        if !connues.contains(id.as_str()) {
            return Err(erreur(format!(
                "{ou} : référence inconnue / unknown reference `{id}`"
            )));
        }
    }
    Ok(())
}

fn verifier_versions(r: &RuleSet, connues: &Connues<'_>) -> Resultat<()> {
    if r.versions.is_empty() {
        return Err(erreur("aucune version / no version".into()));
    }
    let mut ids = BTreeSet::new();
    for (i, v) in r.versions.iter().enumerate() {
        if !ids.insert(&v.id) {
            return Err(erreur(format!(
                "version en double / duplicate version `{}`",
                v.id
            )));
        }
        verifier_references(connues, &v.references, Lieu::Version(&v.id))?;
        match (v.end_exclusive, r.versions.get(i + 1)) {
            (Some(fin), _) if fin <= v.start => {
                return Err(erreur(format!(
                    "version `{}` : fin avant début / ends before it starts",
                    v.id
                )))
            }
            (Some(fin), Some(suivante)) if fin != suivante.start => {
                let nature = if fin < suivante.start {
                    "trou / gap"
                } else {
                    "chevauchement / overlap"
                };
                return Err(erreur(format!(
                    "versions `{}` et `{}` : {nature} ({fin} ≠ {})",
                    v.id, suivante.id, suivante.start
                )));
            }
            (None, Some(suivante)) => {
                return Err(erreur(format!(
                    "version `{}` sans fin suivie de `{}` / open-ended version followed by another",
                    v.id, suivante.id
                )))
            }
            _ => {}
        }
    }
    Ok(())
}

fn verifier_specialites(r: &RuleSet, connues: &Connues<'_>) -> Resultat<()> {
    let mut codes = BTreeSet::new();
    for s in &r.specialites {
        if s.code.len() != 2 || !s.code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(erreur(format!(
                "code de spécialité invalide / invalid specialty code `{}`",
                s.code
            )));
        }
        if !codes.insert(s.code.as_str()) {
            return Err(erreur(format!(
                "spécialité en double / duplicate specialty `{}`",
                s.code
            )));
        }
        if s.name.trim().is_empty() {
            return Err(erreur(format!(
                "spécialité `{}` sans nom / without a name",
                s.code
            )));
        }
        verifier_references(connues, &s.references, Lieu::Specialite(&s.code))?;
    }
    if !r.specialites.iter().any(|s| s.est_generaliste()) {
        return Err(erreur(
            "aucune spécialité de médecine générale / no general-practice specialty".into(),
        ));
    }
    Ok(())
}

fn verifier_parametres(r: &RuleSet, connues: &Connues<'_>) -> Resultat<()> {
    // Inserted one by one: `collect()` into a B-tree compiles a stable sort per type (size).
    let mut debuts = BTreeSet::new();
    for v in &r.versions {
        debuts.insert(v.start);
    }
    let premier = r.versions.first().map(|v| v.start);
    for p in r.parametres() {
        let ou = Lieu::Parametre(&p.id);
        let Some(premiere) = p.valeurs.first() else {
            return Err(erreur(format!("{ou} : aucune valeur / no value")));
        };
        // Economics parameters (salaries, contribution rates, fees) change on calendar dates, not
        // with the aid's versions: they may start at any date, still in increasing order.
        let calendaire = p.id.starts_with(PREFIXE_CALENDAIRE);
        if !calendaire && Some(premiere.from) != premier {
            return Err(erreur(format!(
                "{ou} : première valeur au {} au lieu du début de la première version / first value must start with the first version",
                premiere.from
            )));
        }
        for paire in p.valeurs.windows(2) {
            if let [a, b] = paire {
                if b.from <= a.from {
                    return Err(erreur(format!(
                        "{ou} : dates non croissantes / dates not increasing ({} → {})",
                        a.from, b.from
                    )));
                }
            }
        }
        for v in &p.valeurs {
            let ou = Lieu::Valeur(&p.id, v.from);
            if !calendaire && !debuts.contains(&v.from) {
                return Err(erreur(format!(
                    "{ou} : date qui n'est le début d'aucune version / date is no version's start"
                )));
            }
            verifier_references(connues, &v.references, ou)?;
            // A note is shown to the doctor in the language of the call: one without the other
            // would leave a reader without the caveat.
            if v.note.is_some() != v.note_en.is_some() {
                return Err(erreur(format!(
                    "{ou} : note sans sa traduction (`note` et `note_en` vont ensemble) / note without its translation (`note` and `note_en` go together)"
                )));
            }
            match &v.valeur {
                Valeur::Montant(m) if m.is_sign_negative() || *m > MONTANT_MAX => {
                    return Err(erreur(format!(
                        "{ou} : montant négatif ou supérieur à {MONTANT_MAX} / negative amount or above {MONTANT_MAX}: {m}"
                    )))
                }
                Valeur::Nombre(n) if p.unite == Unite::Patients && *n > PATIENTS_MAX_REGLES => {
                    return Err(erreur(format!(
                        "{ou} : nombre de patients hors de [0, {PATIENTS_MAX_REGLES}] / patient count out of range: {n}"
                    )))
                }
                Valeur::Nombre(n)
                    if p.unite == Unite::Years && !(ANNEES_MIN..=ANNEES_MAX).contains(n) =>
                {
                    return Err(erreur(format!(
                        "{ou} : durée hors de [{ANNEES_MIN}, {ANNEES_MAX}] ans / years out of range: {n}"
                    )))
                }
                Valeur::Texte(t) if p.unite == Unite::Rounding && !MODES_ARRONDI.contains(&t.as_str()) => {
                    return Err(erreur(format!(
                        "{ou} : mode d'arrondi inconnu / unknown rounding mode `{}` (attendu / expected {})",
                        crate::error::citer(t),
                        MODES_ARRONDI.join(", ")
                    )))
                }
                Valeur::Quantite(q) if q.is_sign_negative() || *q > QUANTITE_MAX => {
                    return Err(erreur(format!(
                        "{ou} : quantité hors de [0, {QUANTITE_MAX}] / quantity out of range: {q}"
                    )))
                }
                Valeur::Montant(m) if calendaire && *m > MONTANT_ECONOMIE_MAX => {
                    return Err(erreur(format!(
                        "{ou} : montant hors de [0, {MONTANT_ECONOMIE_MAX}] / amount out of range: {m}"
                    )))
                }
                Valeur::Taux(t) if t.is_sign_negative() || *t > Decimal::ONE => {
                    return Err(erreur(format!(
                        "{ou} : taux hors de [0, 1] / ratio outside [0, 1]: {t}"
                    )))
                }
                Valeur::Codes(codes) if p.id.contains("specialites") => {
                    for c in codes {
                        r.specialite(c).map_err(|_| {
                            erreur(format!(
                                "{ou} : spécialité inconnue / unknown specialty `{c}`"
                            ))
                        })?;
                    }
                }
                _ => {}
            }
        }
    }
    for (id, unite) in ids::requis() {
        let p = r.parametre(id)?;
        if p.unite != unite {
            return Err(erreur(format!(
                "paramètre `{id}` : unité {:?} au lieu de {unite:?} / wrong unit",
                p.unite
            )));
        }
    }
    Ok(())
}
