//! `Citations`: the ids of the references a result rests on, kept as their ranks in the rule
//! set's table of references (shared with it) instead of copies of the ids. A list of a dozen
//! ids is then a few numbers inline: no allocation, no reference count per id, and deduping or
//! sorting compares numbers (the table is in `str` order, so rank order is the ids' order).
//!
//! A `Citations` reads, compares, prints (`Debug`), serializes and crosses the FFI exactly as
//! the list of its ids (Kotlin and Swift see a list of strings).

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use once_cell::sync::OnceCell;
use serde::{Serialize, Serializer};

use super::{RuleSet, Version};
use crate::texte::Texte;

/// Ranks kept inline, a byte each (ranks below `ENSEMBLE * 64`): more than any list of a
/// reason, an objective or a caveat cites, and as many as keep a `Citations` five words (the
/// table's pointer, the set of the ranks, the count and the ranks).
const COURTS: usize = 13;

/// Words of a collection's set of ranks: 1 024 ids, more than a document may hold (its objects
/// have at most 1 000 entries); a rank beyond goes the way of an id without a rank.
const MOTS: usize = 16;

/// The ids of the references cited, in the order of the list they were made from.
pub struct Citations(Forme);

/// A short list of the process's embedded rules (the usual kind: a reason's, an objective's or
/// a caveat's) is copied inline, five words and no reference count; any other kind by the
/// derived clone. The derived one for every kind was a call and three matches, 38 instructions
/// a copy (about ten copies an assessment).
impl Clone for Citations {
    #[inline(always)]
    fn clone(&self) -> Self {
        if let Forme::Rangs {
            table: Table(None),
            rangs: Rangs::Courts { n, r, masque },
        } = &self.0
        {
            return Citations(Forme::Rangs {
                table: Table(None),
                rangs: Rangs::Courts {
                    n: *n,
                    r: *r,
                    masque: *masque,
                },
            });
        }
        self.copie()
    }
}

impl Citations {
    /// `clone` for every other kind.
    #[inline(never)]
    fn copie(&self) -> Self {
        Citations(self.0.clone())
    }
}

#[derive(Clone)]
enum Forme {
    /// Ranks in `table`, the ids of a rule set's references in `str` order.
    Rangs { table: Table, rangs: Rangs },
    /// Ids of their own: lifted from the FFI, or not all in the table of a rule set.
    Ids(Vec<Texte>),
}

#[derive(Clone)]
enum Rangs {
    /// At most `COURTS` ranks below `ENSEMBLE * 64`, in order, with the set of them: merged into
    /// a set by two `or`s instead of a loop over the ranks.
    Courts {
        n: u8,
        r: [u8; COURTS],
        masque: [u64; ENSEMBLE],
    },
    Longs(Box<[u16]>),
    /// A sorted list of ranks below `ENSEMBLE * 64`, as the set of them: a result's whole list
    /// (some twenty ids of a table of about sixty) without an allocation.
    Ensemble([u64; ENSEMBLE]),
}

/// A rule set's table of reference ids in `str` order (or a version's notices), shared with the
/// results that cite it: one word, no reference count for the process's embedded rules.
#[derive(Clone)]
pub(crate) struct Table(
    /// `None`: the process's embedded rules' table (`TABLE_DU_PROCESSUS`), so that copying or
    /// dropping a result's citations copies or forgets a word, where a reference count is an
    /// atomic operation each time (about 30 an assessment). `Some`: any other rule set's.
    Option<Arc<Vec<Texte>>>,
);

/// The reference table of the process's embedded rules (`Vie::Processus`), set as they are read,
/// once: a static, as they are.
static TABLE_DU_PROCESSUS: OnceCell<Vec<Texte>> = OnceCell::new();

/// How long a rule set lives, which decides the kind of its reference table (`Table`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Vie {
    /// As long as the process: the embedded rules of `embarquees`, kept in a static.
    Processus,
    /// Until its last holder drops it: a bundle's, or a rule set read again.
    Partagee,
}

impl Table {
    /// The table of a rule set's reference ids (a version's notices are `Vie::Partagee`).
    pub(crate) fn new(ids: Vec<Texte>, vie: Vie) -> Self {
        match vie {
            Vie::Processus => match TABLE_DU_PROCESSUS.set(ids) {
                Ok(()) => Table(None),
                // (Read once per process: never the case.)
                Err(ids) => Table(Some(Arc::new(ids))),
            },
            Vie::Partagee => Table(Some(Arc::new(ids))),
        }
    }

    /// The same table (not an equal one): ranks of one are ranks of the other. One comparison
    /// of words (the process's table is the null pointer).
    #[inline(always)]
    pub(crate) fn meme(&self, autre: &Table) -> bool {
        let adresse = |t: &Table| t.0.as_ref().map_or(std::ptr::null(), Arc::as_ptr);
        std::ptr::eq(adresse(self), adresse(autre))
    }
}

impl Deref for Table {
    type Target = [Texte];

    fn deref(&self) -> &[Texte] {
        match &self.0 {
            // Set before the first `Table(None)` exists.
            None => TABLE_DU_PROCESSUS.get().map_or(&[], Vec::as_slice),
            Some(ids) => ids,
        }
    }
}

/// Words of a sorted list kept as a set inline (`Rangs::Ensemble`): tables of up to 128 ids.
const ENSEMBLE: usize = 2;

impl Rangs {
    /// The ranks, in order. Inline: a call per list cited cost more than its match.
    #[inline(always)]
    fn iter(&self) -> IterRangs<'_> {
        match self {
            Rangs::Courts { n, r, .. } => {
                IterRangs::Octets(r.get(..usize::from(*n)).unwrap_or(&[]).iter())
            }
            Rangs::Longs(v) => IterRangs::Liste(v.iter()),
            Rangs::Ensemble(mots) => IterRangs::Ensemble {
                mots: *mots,
                mot: 0,
            },
        }
    }

    fn len(&self) -> usize {
        match self {
            Rangs::Courts { n, .. } => usize::from(*n),
            Rangs::Longs(v) => v.len(),
            Rangs::Ensemble(mots) => mots.iter().map(|m| m.count_ones() as usize).sum(),
        }
    }

    fn de(rangs: &[u16]) -> Self {
        Rangs::courts(rangs).unwrap_or_else(|| Rangs::Longs(Box::from(rangs)))
    }

    /// `rangs` inline, if there are at most `COURTS` of them, each below `ENSEMBLE * 64`.
    fn courts(rangs: &[u16]) -> Option<Self> {
        let n = u8::try_from(rangs.len())
            .ok()
            .filter(|_| rangs.len() <= COURTS)?;
        let mut r = [0u8; COURTS];
        let mut masque = [0u64; ENSEMBLE];
        for (place, &rang) in r.iter_mut().zip(rangs) {
            let mot = masque.get_mut(usize::from(rang) / 64)?;
            *mot |= 1 << (rang % 64);
            *place = u8::try_from(rang).ok()?;
        }
        Some(Rangs::Courts { n, r, masque })
    }
}

impl Citations {
    /// The references of version `v` of `rules`, as a result cites them.
    pub fn de_la_version(rules: &RuleSet, v: &Version) -> Self {
        match rules.citations_de_version(v) {
            Some(c) => c.clone(),
            None => Citations::de_la_liste(rules, &v.references),
        }
    }

    /// The ids of a list of the rule data of `rules` as a result cites them, each once in order:
    /// what a `Recueil` gives (inline, with the set of their ranks, for a list of the data).
    pub(crate) fn de_la_liste(rules: &RuleSet, ids: &[Texte]) -> Self {
        Recueil::new(rules).citer(ids).dans_l_ordre_cite()
    }

    /// The ids of a list of a rule set's own that results cite whole (a version's notices),
    /// shared: the list is the table, its ranks all of it, and a copy a reference count.
    pub(crate) fn partagees(ids: Vec<Texte>) -> Self {
        let rangs: Vec<u16> = (0..ids.len())
            .filter_map(|i| u16::try_from(i).ok())
            .collect();
        if rangs.len() != ids.len() {
            return Citations::from(ids);
        }
        Citations(Forme::Rangs {
            table: Table::new(ids, Vie::Partagee),
            rangs: Rangs::de(&rangs),
        })
    }

    /// No citation, borrowed: what a lookup that finds no list returns.
    pub(crate) fn aucune_ref() -> &'static Citations {
        static AUCUNE: Citations = Citations::aucune();
        &AUCUNE
    }

    /// No citation.
    pub const fn aucune() -> Self {
        Citations(Forme::Ids(Vec::new()))
    }

    /// The ids cited, in order.
    pub fn iter(&self) -> Iter<'_> {
        match &self.0 {
            Forme::Rangs { table, rangs } => Iter(IterForme::Rangs(table, rangs.iter())),
            Forme::Ids(ids) => Iter(IterForme::Ids(ids.iter())),
        }
    }

    pub fn len(&self) -> usize {
        match &self.0 {
            Forme::Rangs { rangs, .. } => rangs.len(),
            Forme::Ids(ids) => ids.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn first(&self) -> Option<&Texte> {
        self.iter().next()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.iter().any(|x| x.as_str() == id)
    }

    /// The ids joined by `separateur`.
    pub fn join(&self, separateur: &str) -> String {
        let mut s = String::new();
        for (i, id) in self.iter().enumerate() {
            if i > 0 {
                s.push_str(separateur);
            }
            s.push_str(id);
        }
        s
    }

    /// The ids, as a list of their own.
    pub fn to_vec(&self) -> Vec<Texte> {
        self.iter().cloned().collect()
    }
}

impl Default for Citations {
    fn default() -> Self {
        Citations::aucune()
    }
}

impl From<Vec<Texte>> for Citations {
    fn from(ids: Vec<Texte>) -> Self {
        Citations(Forme::Ids(ids))
    }
}

impl From<Citations> for Vec<Texte> {
    fn from(c: Citations) -> Self {
        match c.0 {
            Forme::Ids(ids) => ids,
            Forme::Rangs { .. } => c.to_vec(),
        }
    }
}

/// The ranks of a `Rangs`, in order.
#[derive(Clone)]
enum IterRangs<'a> {
    Liste(std::slice::Iter<'a, u16>),
    Octets(std::slice::Iter<'a, u8>),
    /// The bits left of the set, from word `mot`.
    Ensemble {
        mots: [u64; ENSEMBLE],
        mot: usize,
    },
}

impl Iterator for IterRangs<'_> {
    type Item = u16;

    #[inline(always)]
    fn next(&mut self) -> Option<u16> {
        match self {
            IterRangs::Liste(l) => l.next().copied(),
            IterRangs::Octets(l) => l.next().map(|&r| u16::from(r)),
            IterRangs::Ensemble { mots, mot } => loop {
                let m = mots.get_mut(*mot)?;
                if *m == 0 {
                    *mot += 1;
                    continue;
                }
                let bit = m.trailing_zeros() as usize;
                *m &= *m - 1;
                // Below ENSEMBLE * 64: a u16.
                return u16::try_from(*mot * 64 + bit).ok();
            },
        }
    }
}

/// The ids of a `Citations`, in order.
pub struct Iter<'a>(IterForme<'a>);

enum IterForme<'a> {
    Rangs(&'a [Texte], IterRangs<'a>),
    Ids(std::slice::Iter<'a, Texte>),
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Texte;

    fn next(&mut self) -> Option<&'a Texte> {
        match &mut self.0 {
            // Every rank was taken from the table it is read in.
            IterForme::Rangs(table, rangs) => rangs.find_map(|r| table.get(usize::from(r))),
            IterForme::Ids(ids) => ids.next(),
        }
    }
}

impl<'a> IntoIterator for &'a Citations {
    type Item = &'a Texte;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// Equal when they cite the same ids in the same order.
impl PartialEq for Citations {
    fn eq(&self, autre: &Self) -> bool {
        match (&self.0, &autre.0) {
            (Forme::Rangs { table: a, rangs: x }, Forme::Rangs { table: b, rangs: y })
                if a.meme(b) =>
            {
                x.iter().eq(y.iter())
            }
            _ => self.iter().eq(autre.iter()),
        }
    }
}

impl Eq for Citations {}

impl<S: AsRef<str>> PartialEq<[S]> for Citations {
    fn eq(&self, autre: &[S]) -> bool {
        self.iter()
            .map(Texte::as_str)
            .eq(autre.iter().map(AsRef::as_ref))
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for Citations {
    fn eq(&self, autre: &Vec<S>) -> bool {
        *self == **autre
    }
}

/// As the list of ids.
impl fmt::Debug for Citations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Citations {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// Citations being collected for one result, from the rule data of `rules`, each id once.
///
/// The usual collection (ranks below 128, at most `COURTS` of them in order) is a set of two
/// words and a short list, inline and tested in a few instructions. Anything else (a bigger
/// table, a longer list, an id the table lacks) moves the collection to `General` for good,
/// which holds any number of ranks and ids.
pub struct Recueil<'r> {
    rules: &'r RuleSet,
    /// Bit `r` set once rank `r` is cited.
    vus: [u64; ENSEMBLE],
    /// Ranks in first-cited order (an ordered collection only).
    rangs: [u8; COURTS],
    n: u8,
    /// Whether the order of first citation is kept (`new`), or only the set (`pour_trier`).
    ordonne: bool,
    /// Every citation from the first one the above cannot hold on.
    general: Option<Box<General<'r>>>,
}

impl<'r> Recueil<'r> {
    pub fn new(rules: &'r RuleSet) -> Self {
        Recueil {
            rules,
            vus: [0; ENSEMBLE],
            rangs: [0; COURTS],
            n: 0,
            ordonne: true,
            general: None,
        }
    }

    /// A collection whose ids are only wanted sorted (`triees`): the set of ranks is all it
    /// keeps (a result's whole list, merged from about 50 lists).
    pub fn pour_trier(rules: &'r RuleSet) -> Self {
        Recueil {
            ordonne: false,
            ..Recueil::new(rules)
        }
    }

    /// Cites each id of `ids` not cited yet.
    pub fn citer(&mut self, ids: impl IntoIterator<Item = &'r Texte>) -> &mut Self {
        for id in ids {
            match self.rules.rang_de_reference(id) {
                Some(r) if self.general.is_none() && r < ENSEMBLE * 64 => self.citer_court(r),
                _ => self.general().citer_un(id),
            }
        }
        self
    }

    /// Cites each id of `c` not cited yet: by rank when `c` was collected from the same rule
    /// set (no id is looked up then).
    ///
    /// Inline for the usual merge, a short list of the same rule set into a set: two `or`s,
    /// where the call and its saved registers took three times as many instructions.
    #[inline(always)]
    pub fn ajouter(&mut self, c: &'r Citations) -> &mut Self {
        if let Forme::Rangs {
            table,
            rangs: Rangs::Courts { masque, .. },
        } = &c.0
        {
            if !self.ordonne
                && self.general.is_none()
                && table.meme(self.rules.table_des_references())
            {
                for (v, m) in self.vus.iter_mut().zip(masque) {
                    *v |= m;
                }
                return self;
            }
        }
        self.ajouter_autrement(c)
    }

    /// `ajouter` for every other case.
    #[inline(never)]
    fn ajouter_autrement(&mut self, c: &'r Citations) -> &mut Self {
        match &c.0 {
            Forme::Rangs { table, rangs } if table.meme(self.rules.table_des_references()) => {
                match (rangs, &mut self.general) {
                    // A set into a set: merged by words.
                    (Rangs::Ensemble(mots), None) if !self.ordonne => {
                        for (v, m) in self.vus.iter_mut().zip(mots) {
                            *v |= m;
                        }
                    }
                    // A short list into a list: nothing to do when its set is cited already
                    // (most lists repeat the version's references), else rank by rank.
                    (Rangs::Courts { n, r, masque }, None) if self.ordonne => {
                        // Into an empty collection (each reason's, objective's or caveat's
                        // first list): the list itself.
                        if self.n == 0 {
                            (self.n, self.rangs, self.vus) = (*n, *r, *masque);
                            return self;
                        }
                        if self.vus.iter().zip(masque).all(|(v, m)| m & !v == 0) {
                            return self;
                        }
                        for &rang in r.get(..usize::from(*n)).unwrap_or(&[]) {
                            self.citer_court(usize::from(rang));
                        }
                    }
                    (_, Some(g)) => {
                        for r in rangs.iter() {
                            g.citer_rang(r);
                        }
                    }
                    (_, None) => {
                        for r in rangs.iter() {
                            self.citer_rang(r);
                        }
                    }
                }
            }
            _ => {
                self.citer(c.iter());
            }
        }
        self
    }

    /// Cites the references of version `v`: by rank when `v` is one of the rule set's own.
    pub fn citer_version(&mut self, v: &'r Version) -> &mut Self {
        match self.rules.citations_de_version(v) {
            Some(c) => self.ajouter(c),
            None => self.citer(&v.references),
        }
    }

    /// The ids cited, each once, in the order of their first citation (sorted for a collection
    /// `pour_trier`).
    pub fn dans_l_ordre_cite(&self) -> Citations {
        match &self.general {
            Some(g) => g.dans_l_ordre_cite(),
            None if !self.ordonne => self.triees(),
            None => Citations(Forme::Rangs {
                table: self.rules.table_des_references().clone(),
                // The set of the list is the collection's own.
                rangs: Rangs::Courts {
                    n: self.n,
                    r: self.rangs,
                    masque: self.vus,
                },
            }),
        }
    }

    /// The ids cited, each once, sorted as strings (rank order is `str` order).
    pub fn triees(&self) -> Citations {
        match &self.general {
            Some(g) => g.triees(),
            None => Citations(Forme::Rangs {
                table: self.rules.table_des_references().clone(),
                rangs: Rangs::Ensemble(self.vus),
            }),
        }
    }

    /// A rank of the table, from a list of the same rule set.
    #[inline(always)]
    fn citer_rang(&mut self, rang: u16) {
        match &mut self.general {
            Some(g) => g.citer_rang(rang),
            None if usize::from(rang) < ENSEMBLE * 64 => self.citer_court(usize::from(rang)),
            None => self.general().citer_rang(rang),
        }
    }

    /// A rank below `ENSEMBLE * 64`, tested in the set, inline in the loops that cite (most
    /// citations repeat an id already cited); the collection not yet general.
    #[inline(always)]
    fn citer_court(&mut self, rang: usize) {
        let (mot, bit) = (rang / 64, 1u64 << (rang % 64));
        let Some(m) = self.vus.get_mut(mot) else {
            return;
        };
        if *m & bit != 0 {
            return;
        }
        if self.ordonne {
            match (self.rangs.get_mut(usize::from(self.n)), u8::try_from(rang)) {
                (Some(place), Ok(r)) => {
                    *place = r;
                    self.n += 1;
                }
                // One more than the list holds: from here on, the general collection.
                (_, Ok(r)) => return self.general().citer_rang(u16::from(r)),
                (_, Err(_)) => return,
            }
        }
        if let Some(m) = self.vus.get_mut(mot) {
            *m |= bit;
        }
    }

    /// The general collection, made the first time with what was cited so far.
    #[cold]
    #[inline(never)]
    fn general(&mut self) -> &mut General<'r> {
        let (rules, ordonne) = (self.rules, self.ordonne);
        let (vus, rangs) = (
            self.vus,
            self.rangs.get(..usize::from(self.n)).unwrap_or(&[]),
        );
        self.general.get_or_insert_with(|| {
            let mut g = Box::new(General::new(rules, ordonne));
            if ordonne {
                for &r in rangs {
                    g.citer_rang(u16::from(r));
                }
            } else {
                for r in (IterRangs::Ensemble { mots: vus, mot: 0 }) {
                    g.citer_rang(r);
                }
            }
            g
        })
    }
}

/// The general form of a `Recueil`: any number of ranks (a table of up to `MOTS * 64` ids), and
/// ids the table lacks (never in a checked rule set, but a result must not depend on it), which
/// turn the collection into texts of its own from there on.
struct General<'r> {
    rules: &'r RuleSet,
    /// Ranks in first-cited order.
    rangs: [u16; 32],
    n: usize,
    /// Bit `r` set once rank `r` is cited.
    vus: [u64; MOTS],
    /// Every rank cited, in order, once more are cited than `rangs` holds.
    debordement: Vec<u16>,
    /// Every id cited, in order, once one of them has no rank.
    propres: Option<Vec<&'r Texte>>,
    /// Whether the order of first citation is kept, or only the set.
    ordonne: bool,
}

impl<'r> General<'r> {
    fn new(rules: &'r RuleSet, ordonne: bool) -> Self {
        General {
            rules,
            rangs: [0; 32],
            n: 0,
            vus: [0; MOTS],
            debordement: Vec::new(),
            propres: None,
            ordonne,
        }
    }

    /// An id's rank found from its text and tested in the set, inline in the loops that cite.
    #[inline(always)]
    fn citer_un(&mut self, id: &'r Texte) {
        let rang = self
            .rules
            .rang_de_reference(id)
            .and_then(|r| u16::try_from(r).ok())
            .filter(|&r| usize::from(r) < MOTS * 64);
        match rang {
            Some(r) => self.citer_rang(r),
            None => self.citer_sans_rang(id),
        }
    }

    /// An id the table lacks: from here on, the collection keeps texts of its own.
    #[cold]
    #[inline(never)]
    fn citer_sans_rang(&mut self, id: &'r Texte) {
        if self.propres.is_none() {
            let table: &'r [Texte] = self.rules.table_des_references();
            let deja: Vec<&'r Texte> = self
                .dans_l_ordre()
                .iter()
                .filter_map(|&r| table.get(usize::from(r)))
                .collect();
            self.propres = Some(deja);
        }
        if let Some(propres) = &mut self.propres {
            if !propres.iter().any(|p| p.as_str() == id.as_str()) {
                propres.push(id);
            }
        }
    }

    /// The set's test, inline in the loops that cite (a call per rank cost more than the test):
    /// most citations repeat an id already cited.
    #[inline(always)]
    fn citer_rang(&mut self, rang: u16) {
        let (mot, bit) = (usize::from(rang) / 64, 1u64 << (rang % 64));
        let Some(m) = self.vus.get_mut(mot) else {
            return;
        };
        if *m & bit != 0 {
            return;
        }
        *m |= bit;
        if self.ordonne {
            self.garder(rang);
        }
    }

    /// Keeps a rank cited for the first time, in order.
    fn garder(&mut self, rang: u16) {
        if let Some(propres) = &mut self.propres {
            let table: &'r [Texte] = self.rules.table_des_references();
            propres.extend(table.get(usize::from(rang)));
        }
        match self.rangs.get_mut(self.n) {
            Some(place) if self.debordement.is_empty() => {
                *place = rang;
                self.n += 1;
            }
            _ => {
                if self.debordement.is_empty() {
                    self.debordement
                        .extend_from_slice(self.rangs.get(..self.n).unwrap_or(&[]));
                }
                self.debordement.push(rang);
            }
        }
    }

    fn dans_l_ordre(&self) -> &[u16] {
        if self.debordement.is_empty() {
            self.rangs.get(..self.n).unwrap_or(&[])
        } else {
            &self.debordement
        }
    }

    /// The ids cited, each once, in the order of their first citation (sorted for a collection
    /// `pour_trier`).
    fn dans_l_ordre_cite(&self) -> Citations {
        if !self.ordonne {
            return self.triees();
        }
        match &self.propres {
            None => Citations(Forme::Rangs {
                table: self.rules.table_des_references().clone(),
                rangs: Rangs::de(self.dans_l_ordre()),
            }),
            Some(propres) => Citations(Forme::Ids(propres.iter().map(|t| (*t).clone()).collect())),
        }
    }

    /// The ids cited, each once, sorted as strings (rank order is `str` order).
    fn triees(&self) -> Citations {
        if let Some(propres) = &self.propres {
            // The ranked ids from the set (a collection `pour_trier` keeps no others), with
            // those without a rank.
            let table = self.rules.table_des_references();
            let mut ids: Vec<&Texte> = (0..MOTS * 64)
                .filter(|&r| {
                    self.vus
                        .get(r / 64)
                        .is_some_and(|m| m & (1 << (r % 64)) != 0)
                })
                .filter_map(|r| table.get(r))
                .chain(propres.iter().copied())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            return Citations(Forme::Ids(ids.into_iter().cloned().collect()));
        }
        let table = self.rules.table_des_references().clone();
        if let (Some(debut), Some(reste)) = (self.vus.get(..ENSEMBLE), self.vus.get(ENSEMBLE..)) {
            if reste.iter().all(|&m| m == 0) {
                let mut mots = [0; ENSEMBLE];
                mots.copy_from_slice(debut);
                let rangs = Rangs::Ensemble(mots);
                return Citations(Forme::Rangs { table, rangs });
            }
        }
        let n: usize = self.vus.iter().map(|m| m.count_ones() as usize).sum();
        let mut courts = [0u16; COURTS];
        // Sized at once and written in place (a `push` per rank stays a call at opt-level "z").
        let mut longs: Vec<u16> = Vec::new();
        if n > COURTS {
            // Not `vec![0; n]`: its zeroed allocation is a `calloc`, four times a `malloc`.
            longs.reserve_exact(n);
            longs.resize(n, 0);
        }
        let places: &mut [u16] = if n > COURTS { &mut longs } else { &mut courts };
        let mut k = 0;
        for (i, &mot) in self.vus.iter().enumerate() {
            let mut reste = mot;
            while reste != 0 {
                let bit = reste.trailing_zeros() as usize;
                reste &= reste - 1;
                if let (Some(place), Ok(r)) = (places.get_mut(k), u16::try_from(i * 64 + bit)) {
                    *place = r;
                    k += 1;
                }
            }
        }
        let rangs = if k <= COURTS {
            Rangs::de(courts.get(..k).unwrap_or(&[]))
        } else {
            longs.truncate(k);
            Rangs::Longs(longs.into_boxed_slice())
        };
        Citations(Forme::Rangs { table, rangs })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    /// The plain readings: first-seen unique, and sorted unique, as strings.
    fn premiers(ids: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        for id in ids {
            if !v.iter().any(|x| x == id) {
                v.push((*id).to_owned());
            }
        }
        v
    }

    fn tries(ids: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = ids.iter().map(|s| (*s).to_owned()).collect();
        v.sort();
        v.dedup();
        v
    }

    /// The embedded rules with the references `ids` added to their table (each a copy of the
    /// first reference).
    fn avec_references(ids: impl IntoIterator<Item = String>) -> RuleSet {
        let mut doc: serde_json::Value =
            serde_json::from_str(crate::rules::regles_embarquees_json().unwrap()).unwrap();
        let table = doc["references"].as_object_mut().unwrap();
        let modele = table.values().next().unwrap().clone();
        for id in ids {
            table.insert(id, modele.clone());
        }
        RuleSet::from_json(&doc.to_string()).unwrap()
    }

    #[test]
    fn la_table_du_processus_n_est_pas_comptee_et_cite_comme_une_autre() {
        let processus = crate::rules::embarquees().unwrap();
        let relue = crate::rules::charger_embarquees().unwrap();
        // The process's rules share the static table; a rule set read again has its own.
        assert!(processus.table_des_references().0.is_none());
        assert!(relue.table_des_references().0.is_some());
        assert!(!processus
            .table_des_references()
            .meme(relue.table_des_references()));
        assert!(relue
            .table_des_references()
            .meme(relue.table_des_references()));
        assert_eq!(
            &**processus.table_des_references(),
            &**relue.table_des_references()
        );
        assert!(processus.table_des_references().len() > 50);
        // The same version's citations from both: the same ids, compared across tables.
        let mut ra = Recueil::pour_trier(processus);
        for v in &processus.versions {
            ra.citer_version(v);
        }
        let a = ra.triees();
        let mut rb = Recueil::pour_trier(&relue);
        for v in &relue.versions {
            rb.citer_version(v);
        }
        let b = rb.triees();
        assert!(a.len() >= processus.versions.len());
        assert!(a.iter().all(|id| processus.references.contains_key(id)));
        assert_eq!(a, b);
        assert_eq!(a.to_vec(), b.to_vec());
        // A copy outlives its rule set read again (reference counted), and reads the same.
        let copie = b.clone();
        drop(rb);
        drop(b);
        drop(relue);
        assert_eq!(copie, a);
    }

    #[test]
    fn les_citations_gardent_l_ordre_de_la_premiere_et_se_trient_comme_des_chaines() {
        // The embedded rules, and a document with other ids (prefixes, bytes above ASCII, an id
        // longer than 16 bytes) in its table.
        let autre = avec_references(
            [
                "A",
                "AB",
                "ABC",
                "Aé",
                "A~",
                "un-identifiant-bien-trop-long",
                "S2",
                "a",
            ]
            .map(String::from),
        );
        for rules in [crate::rules::embarquees().unwrap(), &autre] {
            let table: Vec<&Texte> = rules.references.keys().collect();
            for (i, id) in table.iter().enumerate() {
                assert_eq!(rules.rang_de_reference(id), Some(i), "{id}");
                assert_eq!(rules.rang_de_reference(&Texte::partage(id)), Some(i));
                assert_eq!(rules.table_des_references().get(i), Some(*id));
            }
            // The lists of the rule data share the table's texts: their ids are found by address.
            let propre = |r: &Texte| {
                rules
                    .references
                    .get_key_value(r.as_str())
                    .is_some_and(|(k, _)| std::ptr::eq(k.as_ptr(), r.as_ptr()))
            };
            let listes = rules
                .versions
                .iter()
                .map(|v| &v.references)
                .chain(rules.specialites.iter().map(|s| &s.references))
                .chain(rules.notices.iter().map(|n| &n.references))
                .chain(
                    rules
                        .parametres()
                        .flat_map(|p| p.valeurs.iter().map(|v| &v.references)),
                );
            for liste in listes {
                assert!(liste.iter().all(propre), "{liste:?}");
            }

            let tous: Vec<&str> = table.iter().map(|t| t.as_str()).collect();
            let melanges: Vec<&str> = tous.iter().rev().chain(&tous).copied().collect();
            let connus: Vec<&str> = tous.iter().step_by(3).copied().collect();
            // Ids the table lacks, among known ones and alone.
            let avec_inconnus: Vec<&str> = connus
                .iter()
                .copied()
                .chain(["inconnu-2", "S6", "inconnu-1", "inconnu-2"])
                .chain(connus.iter().rev().copied())
                .collect();
            let cas: [&[&str]; 8] = [
                &[
                    "S6", "RA2023", "S6", "S12", "S1", "S12", "NOS-G100", "E10", "S1",
                ],
                &tous,
                &melanges,
                &connus,
                &avec_inconnus,
                &["inconnu"],
                &["S1"],
                &[],
            ];
            for ids in cas {
                // Every other citation of a known id is the table's own text, the others copies.
                let t: Vec<Texte> = ids
                    .iter()
                    .enumerate()
                    .map(|(i, s)| match rules.references.get_key_value(*s) {
                        Some((k, _)) if i % 2 == 0 => k.clone(),
                        _ => Texte::from((*s).to_owned()),
                    })
                    .collect();
                let mut r = Recueil::new(rules);
                r.citer(&t);
                let (ordre, triees) = (r.dans_l_ordre_cite(), r.triees());
                assert_eq!(ordre, premiers(ids), "{ids:?}");
                assert_eq!(triees, tries(ids), "{ids:?}");
                // Read, printed and serialized as the lists of their ids.
                assert_eq!(ordre.to_vec(), premiers(ids));
                assert_eq!(format!("{triees:?}"), format!("{:?}", tries(ids)));
                assert_eq!(
                    serde_json::to_string(&ordre).unwrap(),
                    serde_json::to_string(&premiers(ids)).unwrap()
                );
                assert_eq!(ordre.len(), premiers(ids).len());
                // Collected only to be sorted: the same.
                let mut seul = Recueil::pour_trier(rules);
                seul.citer(&t);
                assert_eq!(seul.triees(), tries(ids), "{ids:?}");
                assert_eq!(seul.dans_l_ordre_cite(), tries(ids), "{ids:?}");
                // Merged again, by rank or as ids of their own: the same.
                let propres = Citations::from(t.clone());
                for c in [&ordre, &triees, &propres] {
                    let mut fusion = Recueil::new(rules);
                    fusion.ajouter(c);
                    assert_eq!(fusion.triees(), tries(ids), "{ids:?}");
                }
                let mut fusion = Recueil::new(rules);
                fusion.ajouter(&ordre).ajouter(&triees);
                assert_eq!(fusion.dans_l_ordre_cite(), premiers(ids), "{ids:?}");
            }
        }
    }

    #[test]
    fn les_listes_des_donnees_sont_citees_comme_un_recueil_les_cite() {
        let rules = crate::rules::embarquees().unwrap();
        let mut n = 0;
        for (position, p) in rules.parametres().enumerate() {
            for (i, v) in p.valeurs.iter().enumerate() {
                let attendu = Recueil::new(rules).citer(&v.references).dans_l_ordre_cite();
                let c = rules.citations_de_valeur(position, i);
                assert_eq!(*c, attendu, "{} {}", p.id, v.from);
                assert_eq!(
                    *c,
                    premiers(&v.references.iter().map(|t| t.as_str()).collect::<Vec<_>>())
                );
                assert!(matches!(c.0, Forme::Rangs { .. }), "{}: by rank", p.id);
                n += 1;
            }
        }
        assert_eq!(n, rules.nombre_de_valeurs());
        // Out of range: no citation rather than a panic.
        assert!(rules.citations_de_valeur(usize::MAX, 0).is_empty());
        for v in &rules.versions {
            let attendu = Recueil::new(rules).citer(&v.references).dans_l_ordre_cite();
            assert_eq!(rules.citations_de_version(v), Some(&attendu), "{}", v.id);
            // A copy of a version is not one of the rule set's own: collected, the same ids.
            let copie = v.clone();
            assert_eq!(rules.citations_de_version(&copie), None);
            assert_eq!(Citations::de_la_version(rules, &copie), attendu);
            let mut r = Recueil::new(rules);
            r.citer_version(&copie).citer_version(v);
            assert_eq!(r.dans_l_ordre_cite(), attendu);
            // The notices of the version, set once, as they are read from the notices.
            let notices = rules.notices_de(&v.id);
            let ids: Vec<&str> = notices.iter().map(|n| n.id.as_str()).collect();
            let refs: Vec<&str> = (notices.iter())
                .flat_map(|n| n.references.iter().map(Texte::as_str))
                .collect();
            for (n_ids, n_refs) in [rules.notices_citees(v), rules.notices_citees(&copie)] {
                assert_eq!(n_ids, ids, "{}", v.id);
                assert_eq!(n_refs, premiers(&refs), "{}", v.id);
            }
        }
        // A list with a repeated id and one without a rank, as `Recueil` reads them.
        let ids: Vec<Texte> = ["S6", "RA2023", "S6"].map(Texte::from).to_vec();
        assert_eq!(Citations::de_la_liste(rules, &ids), ["S6", "RA2023"][..]);
        let inconnu: Vec<Texte> = ["S6", "inconnu", "S6"].map(Texte::from).to_vec();
        let c = Citations::de_la_liste(rules, &inconnu);
        assert_eq!(c, ["S6", "inconnu"][..]);
        assert!(matches!(c.0, Forme::Ids(_)));
        let longue: Vec<Texte> = rules.references.keys().take(COURTS + 1).cloned().collect();
        assert_eq!(Citations::de_la_liste(rules, &longue), longue);
    }

    #[test]
    fn une_liste_triee_est_un_ensemble_jusqu_a_128_ids_et_une_liste_au_dela() {
        // A table of 300 ids: sorted lists of ranks below 128 are sets, the others lists.
        let rules = avec_references((0..300).map(|i| format!("Z{i:03}")));
        let ids: Vec<&Texte> = rules.references.keys().collect();
        assert!(ids.len() > 300);
        for choix in [
            ids.iter().take(40).step_by(2).copied().collect::<Vec<_>>(),
            ids.iter().take(128).copied().collect(),
            ids.iter().take(129).copied().collect(),
            ids.iter().rev().step_by(7).copied().collect(),
            ids.iter().skip(100).take(60).copied().collect(),
        ] {
            let noms: Vec<&str> = choix.iter().map(|t| t.as_str()).collect();
            let mut r = Recueil::pour_trier(&rules);
            r.citer(choix.iter().copied());
            let triees = r.triees();
            assert_eq!(triees, tries(&noms));
            assert_eq!(triees.len(), tries(&noms).len());
            let ensemble = matches!(
                &triees.0,
                Forme::Rangs {
                    rangs: Rangs::Ensemble(_),
                    ..
                }
            );
            let max = choix
                .iter()
                .filter_map(|t| rules.rang_de_reference(t))
                .max();
            assert_eq!(ensemble, max.is_some_and(|m| m < 128), "{noms:?}");
            // Merged into a sorted and into an ordered collection: the same ids.
            let mut fusion = Recueil::pour_trier(&rules);
            fusion.ajouter(&triees);
            assert_eq!(fusion.triees(), triees);
            let mut ordre = Recueil::new(&rules);
            ordre.ajouter(&triees);
            assert_eq!(ordre.dans_l_ordre_cite(), tries(&noms));
        }
    }

    #[test]
    fn un_recueil_cite_comme_les_lectures_simples_quoi_qu_on_lui_donne() {
        // Sequences drawn at random (a fixed LCG) from a table of about 360 ids and a few ids it
        // lacks, given id by id and as lists: the inline collection, its move to the general one
        // (a rank of 128 or more, a rank beyond the inline list in order, an unknown id) and the
        // general one read as the plain first-seen and sorted readings.
        let rules = avec_references((0..300).map(|i| format!("Z{i:03}")));
        let mut pool: Vec<Texte> = rules.references.keys().cloned().collect();
        pool.extend(["inconnu-a", "inconnu-b"].map(Texte::from));
        let mut graine: u64 = 0x2545_f491_4f6c_dd1d;
        let mut hasard = |n: usize| {
            graine = graine
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (graine >> 33) as usize % n
        };
        for _ in 0..2000 {
            // Mostly small ranks (the usual case), sometimes a big one or an unknown id.
            let longueur = hasard(20);
            let mut ids: Vec<&Texte> = Vec::new();
            for _ in 0..longueur {
                let i = match hasard(10) {
                    0 => hasard(pool.len()),
                    _ => hasard(70),
                };
                ids.push(&pool[i]);
            }
            let noms: Vec<&str> = ids.iter().map(|t| t.as_str()).collect();
            let coupe = hasard(ids.len() + 1);
            let (a, b) = ids.split_at(coupe);
            let liste: Citations =
                Citations::from(b.iter().map(|t| (*t).clone()).collect::<Vec<_>>());
            let rangee = {
                let mut r = Recueil::new(&rules);
                r.citer(b.iter().copied());
                r.dans_l_ordre_cite()
            };
            // A short list's set is the set of its ranks (what merges read instead of them).
            if let Forme::Rangs {
                rangs: Rangs::Courts { n, r, masque },
                ..
            } = &rangee.0
            {
                let mut attendu = [0u64; ENSEMBLE];
                for &rang in &r[..usize::from(*n)] {
                    attendu[usize::from(rang) / 64] |= 1 << (rang % 64);
                }
                assert_eq!(*masque, attendu, "{noms:?}");
            }
            for par_rang in [false, true] {
                let suite = if par_rang { &rangee } else { &liste };
                let mut ordre = Recueil::new(&rules);
                ordre.citer(a.iter().copied()).ajouter(suite);
                assert_eq!(ordre.dans_l_ordre_cite(), premiers(&noms), "{noms:?}");
                assert_eq!(ordre.triees(), tries(&noms), "{noms:?}");
                let mut tri = Recueil::pour_trier(&rules);
                tri.citer(a.iter().copied()).ajouter(suite);
                assert_eq!(tri.triees(), tries(&noms), "{noms:?}");
                assert_eq!(tri.dans_l_ordre_cite(), tries(&noms), "{noms:?}");
            }
        }
    }

    #[test]
    fn deux_citations_sont_egales_quand_elles_citent_les_memes_ids() {
        let rules = crate::rules::embarquees().unwrap();
        let ids: Vec<&Texte> = rules.references.keys().take(3).collect();
        let mut r = Recueil::new(rules);
        r.citer(ids.iter().copied());
        let propres = Citations::from(ids.iter().map(|t| (*t).clone()).collect::<Vec<_>>());
        assert_eq!(r.dans_l_ordre_cite(), propres);
        let mut inverse = Recueil::new(rules);
        inverse.citer(ids.iter().rev().copied());
        assert_ne!(inverse.dans_l_ordre_cite(), propres);
        assert_eq!(inverse.triees(), r.triees());
        assert!(Citations::aucune().is_empty());
        assert_eq!(Citations::aucune(), Citations::default());
    }
}
