//! Reading parameters for one version while recording what was read.
//!
//! Every figure of an assessment knows the parameters it rests on; the grade-C and GAP ones turn
//! into caveats (product policy §0.2 of the reference). The reader is the only way logic reaches
//! rule values, so nothing can be used without being traced.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::error::{Erreur, Resultat};
use crate::rules::{Grade, RuleSet, Valeur, ValeurDatee, Version};

/// A parameter value that a result rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Usage {
    pub parametre: String,
    pub from: NaiveDate,
    pub grade: Grade,
}

/// A value as read: `None` when the value is a GAP or does not apply, with the grade either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lu<T> {
    pub valeur: Option<T>,
    pub grade: Grade,
}

/// Records that a result rests on `v`, the value of `id` (once per dated value): the one place
/// where the trace grows, for the version reader below and for calendar-dated readers.
pub fn noter(usages: &mut Vec<Usage>, id: &str, v: &ValeurDatee) {
    if !usages.iter().any(|u| u.parametre == id && u.from == v.from) {
        usages.push(Usage {
            parametre: id.to_owned(),
            from: v.from,
            grade: v.grade,
        });
    }
}

/// Reads parameter values in force under one version, and keeps the trace.
#[derive(Debug)]
pub struct Lecteur<'r> {
    pub rules: &'r RuleSet,
    pub version: &'r Version,
    pub usages: Vec<Usage>,
}

impl<'r> Lecteur<'r> {
    pub fn new(rules: &'r RuleSet, version: &'r Version) -> Self {
        Lecteur {
            rules,
            version,
            usages: Vec::new(),
        }
    }

    /// The same reader for another version (amounts of a later version for a running contract).
    pub fn pour_version(&self, version: &'r Version) -> Lecteur<'r> {
        Lecteur::new(self.rules, version)
    }

    /// The raw dated value in force at the version's start, recorded as used.
    pub fn lire(&mut self, id: &str) -> Resultat<&'r ValeurDatee> {
        let v = self.consulter(id)?;
        noter(&mut self.usages, id, v);
        Ok(v)
    }

    /// The value in force, without recording it (for checks that do not shape a result).
    pub fn consulter(&self, id: &str) -> Resultat<&'r ValeurDatee> {
        let rules: &'r RuleSet = self.rules;
        rules
            .parametre(id)?
            .a_la_date(self.version.start)
            .ok_or_else(|| {
                Erreur::regles_invalides(format!(
                    "`{id}` sans valeur au {} / no value",
                    self.version.start
                ))
            })
    }

    fn typer<T>(
        &mut self,
        id: &str,
        attendu: &str,
        f: impl Fn(&'r Valeur) -> Option<T>,
    ) -> Resultat<Lu<T>> {
        let v = self.lire(id)?;
        let valeur = match &v.valeur {
            Valeur::Inconnue | Valeur::SansObjet => None,
            autre => Some(f(autre).ok_or_else(|| {
                Erreur::regles_invalides(format!("`{id}` : {attendu} attendu / expected {attendu}"))
            })?),
        };
        Ok(Lu {
            valeur,
            grade: v.grade,
        })
    }

    pub fn booleen(&mut self, id: &str) -> Resultat<Lu<bool>> {
        self.typer(id, "booléen", |v| match v {
            Valeur::Booleen(b) => Some(*b),
            _ => None,
        })
    }

    pub fn nombre(&mut self, id: &str) -> Resultat<Lu<u32>> {
        self.typer(id, "nombre", |v| match v {
            Valeur::Nombre(n) => Some(*n),
            _ => None,
        })
    }

    pub fn decimal(&mut self, id: &str) -> Resultat<Lu<Decimal>> {
        self.typer(id, "décimal", |v| match v {
            Valeur::Montant(d) | Valeur::Taux(d) | Valeur::Quantite(d) => Some(*d),
            _ => None,
        })
    }

    pub fn codes(&mut self, id: &str) -> Resultat<Lu<&'r [String]>> {
        self.typer(id, "liste de codes", |v| match v {
            Valeur::Codes(c) => Some(c.as_slice()),
            _ => None,
        })
    }

    pub fn texte(&mut self, id: &str) -> Resultat<Lu<&'r str>> {
        self.typer(id, "texte", |v| match v {
            Valeur::Texte(t) => Some(t.as_str()),
            _ => None,
        })
    }

    /// References of the value in force (for citing it in a reason).
    pub fn references(&self, id: &str) -> Vec<String> {
        self.consulter(id)
            .map(|v| v.references.clone())
            .unwrap_or_default()
    }
}

/// The weakest grade of several.
pub fn pire(grades: impl IntoIterator<Item = Grade>) -> Grade {
    grades.into_iter().min().unwrap_or(Grade::A)
}
