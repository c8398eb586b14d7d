//! Reading parameters for one version while recording what was read.
//!
//! Every figure of an assessment knows the parameters it rests on; the grade-C and GAP ones turn
//! into caveats (product policy §0.2 of the reference). The reader is the only way logic reaches
//! rule values, so nothing can be used without being traced.

use std::ops::Deref;

use rust_decimal::Decimal;

use crate::error::{Erreur, Resultat};
use crate::rules::citations::{Citations, Recueil};
use crate::rules::ids::ParamId;
use crate::rules::{manquant, EnVigueur, Grade, Parametre, RuleSet, Valeur, ValeurDatee, Version};

/// A parameter value that a result rests on: indices into the rule set it was read from (no
/// string per use; `Usage::parametre_de` and `Usage::valeur_de` resolve them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// Position of the parameter in its rule set (`RuleSet::parametre_a`).
    pub parametre: u16,
    /// Index of the value in the parameter's history.
    pub valeur: u16,
    pub grade: Grade,
}

impl Usage {
    /// The parameter used, in the rule set the trace was taken from.
    pub fn parametre_de<'r>(&self, rules: &'r RuleSet) -> Option<&'r Parametre> {
        rules.parametre_a(usize::from(self.parametre))
    }

    /// The dated value used, in the rule set the trace was taken from.
    pub fn valeur_de<'r>(&self, rules: &'r RuleSet) -> Option<&'r ValeurDatee> {
        self.parametre_de(rules)?
            .valeurs
            .get(usize::from(self.valeur))
    }

    /// The id of the parameter used (empty if `rules` is not the trace's rule set).
    pub fn id<'r>(&self, rules: &'r RuleSet) -> &'r str {
        self.parametre_de(rules).map_or("", |p| p.id.as_str())
    }
}

/// Dated values covered by the trace's bit set: the embedded document has about 300; a bigger
/// bundle falls back to a scan beyond it.
const BITS: usize = 1024;
/// Uses kept inline before a trace takes a list of its own (6 bytes a use): more than an
/// assessment reads (about 25).
const COURTS: usize = 32;

/// The placeholder of the uses not noted yet (never read): all zero bits (`Grade::Gap` is 0),
/// so that a new trace is a zeroing in place, where another grade made it built apart and
/// copied (86 instructions an assessment, measured).
const AUCUN: Usage = Usage {
    parametre: 0,
    valeur: 0,
    grade: Grade::Gap,
};

/// The uses of a result, in the order of first use, each dated value once.
#[derive(Clone)]
pub struct Trace {
    /// The first uses, inline (`n` of them): no allocation, and a use noted with no call.
    courts: [Usage; COURTS],
    n: usize,
    /// Every use, once more are noted than `courts` holds.
    longs: Vec<Usage>,
    /// Bit `rules.rang_de_valeur(…)` set once that value is in the trace: the dedupe is one
    /// test, not a scan of the uses.
    vus: [u64; BITS / 64],
}

impl Default for Trace {
    fn default() -> Self {
        Trace {
            courts: [AUCUN; COURTS],
            n: 0,
            longs: Vec::new(),
            vus: [0; BITS / 64],
        }
    }
}

impl Deref for Trace {
    type Target = [Usage];

    fn deref(&self) -> &[Usage] {
        if self.longs.is_empty() {
            self.courts.get(..self.n).unwrap_or(&[])
        } else {
            &self.longs
        }
    }
}

/// Equal when they hold the same uses in the same order.
impl PartialEq for Trace {
    fn eq(&self, autre: &Self) -> bool {
        **self == **autre
    }
}

impl Eq for Trace {}

/// As the list of its uses.
impl std::fmt::Debug for Trace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Trace {
    /// Records that a result rests on the `valeur`-th value of the parameter at `position` in
    /// `rules` (once per dated value): the one place where the trace grows, for the version
    /// reader below and for calendar-dated readers.
    pub fn noter(&mut self, rules: &RuleSet, position: usize, valeur: usize, grade: Grade) {
        self.noter_au_rang(
            rules.rang_de_valeur(position, valeur),
            position,
            valeur,
            grade,
        );
    }

    /// `noter` with the value's rank (`RuleSet::rang_de_valeur`) known, inlined in the version
    /// reader's reads: the dedupe test is a few instructions, a call and its saved registers
    /// cost as much (only a new use calls `pousser`).
    #[inline(always)]
    fn noter_au_rang(&mut self, rang: usize, position: usize, valeur: usize, grade: Grade) {
        let (Ok(parametre), Ok(valeur)) = (u16::try_from(position), u16::try_from(valeur)) else {
            return; // cannot happen: the rule set refuses more than u16::MAX values
        };
        let u = Usage {
            parametre,
            valeur,
            grade,
        };
        match self.vus.get_mut(rang / 64) {
            Some(mot) => {
                let bit = 1u64 << (rang % 64);
                if *mot & bit != 0 {
                    return;
                }
                *mot |= bit;
            }
            None => return self.noter_hors_des_bits(u),
        }
        self.pousser(u);
    }

    /// `u` beyond the bit set (a bundle of more than `BITS` values): deduped by a scan, apart
    /// so that the usual read does not lay `u` out in memory for it.
    #[cold]
    #[inline(never)]
    fn noter_hors_des_bits(&mut self, u: Usage) {
        if !self.contains(&u) {
            self.pousser(u);
        }
    }

    /// Appends a use not yet in the trace: inline while `courts` has room.
    #[inline(always)]
    fn pousser(&mut self, u: Usage) {
        match self.courts.get_mut(self.n) {
            // (`longs` is only used once `courts` is full)
            Some(place) => {
                *place = u;
                self.n += 1;
            }
            _ => self.pousser_long(u),
        }
    }

    /// A use beyond `courts`: the trace's own list from here on.
    #[cold]
    #[inline(never)]
    fn pousser_long(&mut self, u: Usage) {
        if self.longs.is_empty() {
            self.longs.reserve(2 * COURTS);
            self.longs
                .extend_from_slice(self.courts.get(..self.n).unwrap_or(&[]));
        }
        self.longs.push(u);
    }

    /// Adds the uses of another trace of the same rule set (a reader for another version).
    pub fn ajouter(&mut self, rules: &RuleSet, autre: &Trace) {
        for u in autre.iter() {
            self.noter(
                rules,
                usize::from(u.parametre),
                usize::from(u.valeur),
                u.grade,
            );
        }
    }
}

/// A value as read: absent when the value is a GAP or does not apply, with the grade either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lu<T> {
    pub valeur: Option<T>,
    pub grade: Grade,
}

/// Reads parameter values in force under one version, and keeps the trace.
#[derive(Debug)]
pub struct Lecteur<'r> {
    pub rules: &'r RuleSet,
    pub version: &'r Version,
    /// The values in force at `version`'s start, when it is one of `rules`' own versions.
    en_vigueur: Option<&'r [EnVigueur]>,
    /// `rules`' parameters, by position: one load fewer a read.
    parametres: &'r [Parametre],
    pub usages: Trace,
}

impl<'r> Lecteur<'r> {
    pub fn new(rules: &'r RuleSet, version: &'r Version) -> Self {
        Lecteur {
            rules,
            version,
            en_vigueur: rules.en_vigueur(version),
            parametres: &rules.parametres,
            usages: Trace::default(),
        }
    }

    /// The same reader for another version (amounts of a later version for a running contract).
    pub fn pour_version(&self, version: &'r Version) -> Lecteur<'r> {
        Lecteur::new(self.rules, version)
    }

    /// Runs `f` with this reader reading under `version` instead, its reads traced here: what
    /// a reader `pour_version` then `ajouter` give, without a second trace.
    pub fn sous_version<T>(
        &mut self,
        version: &'r Version,
        f: impl FnOnce(&mut Lecteur<'r>) -> T,
    ) -> T {
        let signature = std::mem::replace(&mut self.version, version);
        let table = std::mem::replace(&mut self.en_vigueur, self.rules.en_vigueur(version));
        let resultat = f(self);
        self.version = signature;
        self.en_vigueur = table;
        resultat
    }

    /// Adds the trace of a reader for another version of the same rules.
    pub fn ajouter(&mut self, autre: &Lecteur<'_>) {
        self.usages.ajouter(self.rules, &autre.usages);
    }

    /// The raw dated value in force at the version's start, recorded as used.
    pub fn lire(&mut self, id: &ParamId) -> Resultat<&'r ValeurDatee> {
        match self.lire_trace(id) {
            Some(v) => Ok(v),
            None => Err(self.introuvable(id)),
        }
    }

    /// `lire` with the error left to the caller (`introuvable`): a pointer comes back in a
    /// register, where a `Result` the size of an `Erreur` went through memory.
    #[inline(never)]
    fn lire_trace(&mut self, id: &ParamId) -> Option<&'r ValeurDatee> {
        let (position, index, rang, v) = self.trouver(id)?;
        self.usages.noter_au_rang(rang, position, index, v.grade);
        Some(v)
    }

    /// The value in force, without recording it (for checks that do not shape a result).
    pub fn consulter(&self, id: &ParamId) -> Resultat<&'r ValeurDatee> {
        match self.trouver(id) {
            Some((.., v)) => Ok(v),
            None => Err(self.introuvable(id)),
        }
    }

    /// The value in force with its position in the rule set, its index in the history and its
    /// rank (`RuleSet::rang_de_valeur`). An `Option`, the error built apart (`introuvable`): the
    /// `Result` of a read carried the error's size through every call (about 20 instructions a
    /// read, measured).
    #[inline(always)]
    fn trouver(&self, id: &ParamId) -> Option<(usize, usize, usize, &'r ValeurDatee)> {
        let rules: &'r RuleSet = self.rules;
        // Under one of the rule set's versions, where its value in force is was set at load.
        if let Some(table) = self.en_vigueur {
            let (position, index, rang) = table.get(id.rang())?.trouvee()?;
            let v = self.parametres.get(position)?.valeurs.get(index)?;
            return Some((position, index, rang, v));
        }
        let position = rules.position_connue(id)?;
        let p = self.parametres.get(position)?;
        // `Parametre::rang_a_la_date` (the last value from on or before the date), with the value
        // found by the same step, in a loop the compiler keeps inline (its `rposition` and
        // `rfind` stay calls at opt-level "z").
        let debut = self.version.start;
        let mut avant = p.valeurs.as_slice();
        while let Some((v, reste)) = avant.split_last() {
            if v.from <= debut {
                let index = reste.len();
                return Some((position, index, rules.rang_de_valeur(position, index), v));
            }
            avant = reste;
        }
        None
    }

    /// Why `trouver` found nothing: the parameter missing, or no value at the version's start.
    #[cold]
    #[inline(never)]
    fn introuvable(&self, id: &ParamId) -> Erreur {
        match self
            .rules
            .position_connue(id)
            .and_then(|i| self.rules.parametre_a(i))
        {
            None => manquant(id),
            Some(_) => sans_valeur(id, self.version),
        }
    }

    /// A typed read: the value in force, `None` for a GAP or a value that does not apply, and
    /// the errors built apart (`introuvable`, `mal_type`), so that a read carries no `Erreur`
    /// until it fails.
    #[inline(always)]
    fn typer<T>(
        &mut self,
        id: &ParamId,
        attendu: &str,
        f: impl Fn(&'r Valeur) -> Option<T>,
    ) -> Resultat<Lu<T>> {
        let Some(v) = self.lire_trace(id) else {
            return Err(self.introuvable(id));
        };
        let valeur = match &v.valeur {
            Valeur::Inconnue | Valeur::SansObjet => None,
            autre => match f(autre) {
                Some(t) => Some(t),
                None => return Err(mal_type(id, attendu)),
            },
        };
        Ok(Lu {
            valeur,
            grade: v.grade,
        })
    }

    pub fn booleen(&mut self, id: &ParamId) -> Resultat<Lu<bool>> {
        self.typer(id, "booléen", |v| match v {
            Valeur::Booleen(b) => Some(*b),
            _ => None,
        })
    }

    /// A whole number (patients, years): signed, as every count of the results (the rule data
    /// holds non-negative numbers; one beyond `i32::MAX` is refused as not a number).
    pub fn nombre(&mut self, id: &ParamId) -> Resultat<Lu<i32>> {
        self.typer(id, "nombre", |v| match v {
            Valeur::Nombre(n) => i32::try_from(*n).ok(),
            _ => None,
        })
    }

    pub fn decimal(&mut self, id: &ParamId) -> Resultat<Lu<Decimal>> {
        self.typer(id, "décimal", |v| match v {
            Valeur::Montant(d) | Valeur::Taux(d) | Valeur::Quantite(d) => Some(*d),
            _ => None,
        })
    }

    pub fn codes(&mut self, id: &ParamId) -> Resultat<Lu<&'r [String]>> {
        self.typer(id, "liste de codes", |v| match v {
            Valeur::Codes(c) => Some(c.as_slice()),
            _ => None,
        })
    }

    pub fn texte(&mut self, id: &ParamId) -> Resultat<Lu<&'r str>> {
        self.typer(id, "texte", |v| match v {
            Valeur::Texte(t) => Some(t.as_str()),
            _ => None,
        })
    }

    /// Cites in `r` the references of the values in force of `ids`.
    pub fn citer(&self, r: &mut Recueil<'r>, ids: &[&ParamId]) {
        for id in ids {
            r.ajouter(self.references(id));
        }
    }

    /// The references of the values in force of `ids`, each once, as a result cites them: a
    /// single value's are its own list, copied (ranks, and the table's count).
    pub fn citations(&self, ids: &[&ParamId]) -> Citations {
        if let [id] = ids {
            return self.references(id).clone();
        }
        let mut r = Recueil::new(self.rules);
        self.citer(&mut r, ids);
        r.dans_l_ordre_cite()
    }

    /// The references of the version read under, as a result cites them.
    pub fn citations_de_la_version(&self) -> Citations {
        Citations::de_la_version(self.rules, self.version)
    }

    /// References of the value in force (for citing it in a reason), borrowed from the rules:
    /// the steps of `consulter` without its error (none is reported here), as it is called once
    /// per citation.
    pub fn references(&self, id: &ParamId) -> &'r Citations {
        match self.trouver(id) {
            Some((_, _, rang, _)) => self.rules.citations_par_rang(rang),
            None => Citations::aucune_ref(),
        }
    }
}

/// A value of another type than the read expects (`attendu`, as the message names it).
#[cold]
#[inline(never)]
fn mal_type(id: &ParamId, attendu: &str) -> Erreur {
    Erreur::regles_invalides(format!("`{id}` : {attendu} attendu / expected {attendu}"))
}

fn sans_valeur(id: &ParamId, version: &Version) -> Erreur {
    Erreur::regles_invalides(format!(
        "`{id}` sans valeur au {} / no value",
        version.start
    ))
}

/// The weakest grade of several.
pub fn pire(grades: impl IntoIterator<Item = Grade>) -> Grade {
    grades.into_iter().min().unwrap_or(Grade::A)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::rules::{charger_embarquees, ids};

    #[test]
    fn la_trace_garde_chaque_valeur_une_fois_dans_l_ordre_des_lectures() {
        let rules = charger_embarquees().unwrap();
        let v = rules.versions.first().unwrap();
        let mut l = Lecteur::new(&rules, v);
        l.nombre(ids::CONTRAT_DUREE_ANNEES).unwrap();
        l.codes(ids::SECTEURS).unwrap();
        l.nombre(ids::CONTRAT_DUREE_ANNEES).unwrap();
        l.lire(ids::SECTEURS).unwrap();
        let lus: Vec<&str> = l.usages.iter().map(|u| u.id(&rules)).collect();
        assert_eq!(lus, [ids::CONTRAT_DUREE_ANNEES.id(), ids::SECTEURS.id()]);
        // Each use resolves to the value in force at the version's start.
        for (u, id) in l
            .usages
            .iter()
            .zip([ids::CONTRAT_DUREE_ANNEES, ids::SECTEURS])
        {
            let attendu = rules.parametre(id).unwrap().a_la_date(v.start).unwrap();
            assert_eq!(u.valeur_de(&rules), Some(attendu));
            assert_eq!(u.grade, attendu.grade);
        }
        // Nothing read without tracing.
        l.consulter(ids::ZONES_SOUS_DENSES).unwrap();
        assert_eq!(l.usages.len(), 2);
    }

    #[test]
    fn sous_une_version_du_jeu_la_valeur_en_vigueur_est_celle_que_donne_la_recherche() {
        let rules = charger_embarquees().unwrap();
        let mut lues = 0;
        for v in &rules.versions {
            // A copy of the version is not the rule set's own: read by searching the histories.
            let copie = v.clone();
            let mut table = Lecteur::new(&rules, v);
            let mut recherche = Lecteur::new(&rules, &copie);
            assert!(table.en_vigueur.is_some() && recherche.en_vigueur.is_none());
            for id in ids::TOUS {
                let (a, b) = (table.lire(id), recherche.lire(id));
                assert_eq!(a, b, "{} {}", v.id, id.id());
                assert_eq!(
                    table.references(id),
                    recherche.references(id),
                    "{}",
                    id.id()
                );
                lues += usize::from(a.is_ok());
            }
            assert_eq!(*table.usages, *recherche.usages, "{}", v.id);
            // Under another version and back: the table follows the version read under.
            for autre in &rules.versions {
                let id = ids::CONTRAT_DUREE_ANNEES;
                let sous = table.sous_version(autre, |l| l.consulter(id).cloned());
                let attendu = rules.parametre(id).unwrap().a_la_date(autre.start).cloned();
                assert_eq!(sous.ok(), attendu);
            }
            assert!(std::ptr::eq(table.version, v) && table.en_vigueur.is_some());
        }
        assert!(lues > 100, "{lues}");
    }

    #[test]
    fn la_trace_d_une_autre_version_s_ajoute_sans_doublon() {
        let rules = charger_embarquees().unwrap();
        let (premiere, derniere) = (
            rules.versions.first().unwrap(),
            rules.versions.last().unwrap(),
        );
        assert_ne!(premiere.id, derniere.id);
        let mut l = Lecteur::new(&rules, premiere);
        l.decimal(ids::MONTANTS[1][0]).unwrap();
        let mut autre = l.pour_version(derniere);
        autre.decimal(ids::MONTANTS[1][0]).unwrap();
        autre.nombre(ids::CONTRAT_DUREE_ANNEES).unwrap();
        l.ajouter(&autre);
        l.ajouter(&autre);
        let p = rules.parametre(ids::MONTANTS[1][0]).unwrap();
        // Two dated values of the same parameter are two uses when they differ, one otherwise.
        let distinctes =
            usize::from(p.rang_a_la_date(premiere.start) != p.rang_a_la_date(derniere.start));
        assert_eq!(l.usages.len(), 2 + distinctes);
    }

    #[test]
    fn lire_sous_une_autre_version_trace_comme_un_second_lecteur() {
        let rules = charger_embarquees().unwrap();
        let (premiere, derniere) = (
            rules.versions.first().unwrap(),
            rules.versions.last().unwrap(),
        );
        let lire = |l: &mut Lecteur<'_>| {
            l.decimal(ids::MONTANTS[1][2]).unwrap();
            l.booleen(ids::TRANSITION_BASCULE_ANNIVERSAIRE).unwrap();
        };
        let mut attendu = Lecteur::new(&rules, premiere);
        attendu.decimal(ids::MONTANTS[1][0]).unwrap();
        let mut autre = attendu.pour_version(derniere);
        lire(&mut autre);
        attendu.ajouter(&autre);

        let mut l = Lecteur::new(&rules, premiere);
        l.decimal(ids::MONTANTS[1][0]).unwrap();
        let valeur = l.sous_version(derniere, |l| {
            lire(l);
            l.version.id.clone()
        });
        assert_eq!(valeur, derniere.id, "read under the other version");
        assert_eq!(
            l.version.id, premiere.id,
            "the reader's own version is back"
        );
        assert_eq!(*l.usages, *attendu.usages);
        assert!(l.usages.len() >= 2);
    }

    #[test]
    fn au_dela_de_ses_usages_en_ligne_la_trace_garde_l_ordre_et_chaque_valeur_une_fois() {
        let rules = charger_embarquees().unwrap();
        let mut t = Trace::default();
        let mut attendu = Vec::new();
        // Every dated value of the document, twice: more than the inline uses hold.
        for _ in 0..2 {
            for (position, p) in rules.parametres().enumerate() {
                for (i, v) in p.valeurs.iter().enumerate() {
                    t.noter(&rules, position, i, v.grade);
                    let u = Usage {
                        parametre: u16::try_from(position).unwrap(),
                        valeur: u16::try_from(i).unwrap(),
                        grade: v.grade,
                    };
                    if !attendu.contains(&u) {
                        attendu.push(u);
                    }
                }
            }
        }
        assert!(attendu.len() > 2 * COURTS);
        assert_eq!(*t, attendu[..]);
        let copie = t.clone();
        assert_eq!(copie, t);
        let mut court = Trace::default();
        court.noter(&rules, 0, 0, Grade::A);
        assert_ne!(court, t);
        let seule = [Usage {
            parametre: 0,
            valeur: 0,
            grade: Grade::A,
        }];
        assert_eq!(format!("{court:?}"), format!("{seule:?}"));
    }

    #[test]
    fn au_dela_du_jeu_de_bits_la_trace_dedoublonne_encore() {
        let rules = charger_embarquees().unwrap();
        assert!(
            rules.nombre_de_valeurs() < BITS,
            "the embedded document fits the bit set"
        );
        let mut t = Trace::default();
        // A position outside the bit set (a bundle with more values) takes the scan.
        t.noter(&rules, 60_000, 1, Grade::C);
        t.noter(&rules, 60_000, 1, Grade::C);
        t.noter(&rules, 60_000, 2, Grade::C);
        t.noter(&rules, 0, 0, Grade::A);
        t.noter(&rules, 0, 0, Grade::A);
        assert_eq!(t.len(), 3);
    }

    #[test]
    fn une_valeur_d_un_autre_type_est_une_erreur_typee_et_reste_tracee() {
        let rules = charger_embarquees().unwrap();
        let mut l = Lecteur::new(&rules, rules.versions.first().unwrap());
        let e = l.booleen(ids::CONTRAT_DUREE_ANNEES).unwrap_err();
        assert_eq!(
            e,
            Erreur::regles_invalides(format!(
                "`{}` : booléen attendu / expected booléen",
                ids::CONTRAT_DUREE_ANNEES
            ))
        );
        // The value was read (and traced) before its type was checked.
        let lus: Vec<&str> = l.usages.iter().map(|u| u.id(&rules)).collect();
        assert_eq!(lus, [ids::CONTRAT_DUREE_ANNEES.id()]);
    }

    #[test]
    fn un_identifiant_absent_est_une_erreur_typee() {
        let rules = charger_embarquees().unwrap();
        let mut l = Lecteur::new(&rules, rules.versions.first().unwrap());
        // Every known id is present in the embedded rules; an unknown rank is refused, not a panic.
        let inconnu = ParamId::pour_test("inconnu.test", crate::rules::Unite::Bool, 60_000);
        let e = l.booleen(&inconnu).unwrap_err();
        assert_eq!(e.code, crate::error::CodeErreur::ReglesInvalides);
        assert!(e.message_en.contains("inconnu.test"), "{}", e.message_en);
        assert!(l.usages.is_empty());
    }

    #[test]
    fn sans_valeur_a_la_date_de_la_version_l_erreur_est_typee() {
        let rules = charger_embarquees().unwrap();
        let mut trop_tot = rules.versions.first().unwrap().clone();
        trop_tot.start = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        let mut l = Lecteur::new(&rules, &trop_tot);
        let e = l.nombre(ids::CONTRAT_DUREE_ANNEES).unwrap_err();
        assert_eq!(e, sans_valeur(ids::CONTRAT_DUREE_ANNEES, &trop_tot));
        assert_eq!(l.consulter(ids::CONTRAT_DUREE_ANNEES).unwrap_err(), e);
        assert!(l.references(ids::CONTRAT_DUREE_ANNEES).is_empty());
        assert!(l.usages.is_empty());
        let inconnu = ParamId::pour_test("inconnu.test", crate::rules::Unite::Bool, 60_000);
        assert_eq!(l.consulter(&inconnu).unwrap_err(), manquant(&inconnu));
    }
}
