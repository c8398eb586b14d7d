//! The embedded rule document in its compiled form: what a process reads at its start.
//!
//! `build.rs` writes the same document as the JSON one (the files of `rules/`, assembled) with
//! the same fields in a fixed order, so that reading it scans no string for its end, matches
//! no key, and looks up no reference id. Signed updates stay JSON (`RuleSet::from_json`):
//! this form is the build's, never exchanged. Both readings build the same `brut::Document`,
//! type each dated value with the same `brut::Valeur::typer` and assemble the rule set with the
//! same `brut::Document::assembler`; a test checks they give equal rule sets
//! (`lecture_compacte_egale_lecture_json`).
//!
//! The text is valid UTF-8 by construction (ASCII markers and the document's strings), so each
//! string is a slice of it: the rule set's strings borrow the process's static text.
//!
//! A reading keeps its first error and goes on with empty values (a list stops at once), which
//! it returns at the end: a field's read has no error path of its own, which keeps the reader
//! small (it is in the size-bound FFI library).
//!
//! | Item | Written |
//! |---|---|
//! | string | its length in bytes, `:`, its bytes |
//! | natural number | its digits, `;` |
//! | date | its day number from 1 January of year 1 (day 1), a natural number |
//! | boolean | `T` or `F` |
//! | optional string or date | `-`, or `+` and the string or date |
//! | list | its length, `[`, its items |
//! | reference id in a list | its rank in the table of references (a natural number) |
//! | parameter value | `n` (null), `T`/`F`, `i` and a number, `s` and a string, `l` and a list |
//!
//! Fields come in their declaration order in `brut` and in `Reference`, `Version`,
//! `Specialite` and `Notice`, the document's table of references before its lists.

use chrono::NaiveDate;
use serde::de::IntoDeserializer;
use serde::Deserialize;
use serde_json::Value;

use super::{
    brut, Grade, GroupeSpecialite, Notice, Parametre, Reference, Specialite, Unite, Valeur,
    ValeurDatee, Version,
};
use crate::error::{Erreur, Resultat};
use crate::texte::Texte;

/// A reading of the compiled text.
struct Lecture {
    texte: &'static str,
    /// Where the reading is, in bytes: always after an ASCII marker or a whole string, so at a
    /// char boundary.
    position: usize,
    /// The table's ids in rank order, for the lists that cite them by rank.
    ids: Vec<Texte>,
    /// The first error.
    erreur: Option<Erreur>,
}

impl Lecture {
    /// Notes the first error; the reading goes on with empty values.
    fn refuser(&mut self, quoi: &str) {
        if self.erreur.is_none() {
            let position = self.position;
            self.erreur = Some(Erreur::regles_invalides(format!(
                "règles embarquées corrompues, octet {position} / corrupt embedded rules, byte {position}: {quoi}"
            )));
        }
    }

    fn octet(&mut self) -> u8 {
        match self.texte.as_bytes().get(self.position) {
            Some(&b) if self.erreur.is_none() => {
                self.position += 1;
                b
            }
            _ => {
                self.refuser("fin / end");
                0
            }
        }
    }

    /// The digits before `fin`: at most nine (a count, a length or a value of the document
    /// has fewer), so that the number cannot overflow.
    fn nombre(&mut self, fin: u8) -> usize {
        let suite = self
            .texte
            .as_bytes()
            .get(self.position..)
            .unwrap_or_default();
        let mut n: usize = 0;
        for (i, &c) in suite.iter().enumerate().take(10) {
            match c {
                b'0'..=b'9' if i < 9 => n = n * 10 + usize::from(c - b'0'),
                _ if c == fin && i > 0 && self.erreur.is_none() => {
                    self.position += i + 1;
                    return n;
                }
                _ => break,
            }
        }
        self.refuser("nombre / number");
        0
    }

    fn texte(&mut self) -> &'static str {
        let n = self.nombre(b':');
        let texte: &'static str = self.texte;
        // `get` refuses a range that would not end at a char boundary.
        match (self.position.checked_add(n)).and_then(|fin| texte.get(self.position..fin)) {
            Some(s) => {
                self.position += n;
                s
            }
            None => {
                self.refuser("chaîne / string");
                ""
            }
        }
    }

    /// A string as a rule set keeps it: a slice of the process's text, copied with no count.
    fn statique(&mut self) -> Texte {
        Texte::statique(self.texte())
    }

    fn chaine(&mut self) -> String {
        self.texte().to_owned()
    }

    fn booleen(&mut self) -> bool {
        match self.octet() {
            b'T' => true,
            b'F' => false,
            _ => {
                self.refuser("booléen / boolean");
                false
            }
        }
    }

    /// An optional field: `-` absent, `+` followed by what `lire` reads.
    fn option<T>(&mut self, lire: impl FnOnce(&mut Self) -> T) -> Option<T> {
        match self.octet() {
            b'-' => None,
            b'+' => Some(lire(self)),
            _ => {
                self.refuser("option");
                None
            }
        }
    }

    fn liste<T>(&mut self, mut element: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let n = self.nombre(b'[');
        // Bounded by what is left: a corrupt count cannot reserve without limit.
        let mut v = Vec::with_capacity(n.min(self.texte.len() - self.position));
        for _ in 0..n {
            if self.erreur.is_some() {
                break;
            }
            v.push(element(self));
        }
        v
    }

    /// A list of reference ids, given by rank: the table's own texts (one per id, as the JSON
    /// reading shares them).
    fn ids(&mut self) -> Vec<Texte> {
        self.liste(|l| {
            let rang = l.nombre(b';');
            match l.ids.get(rang) {
                Some(id) => id.clone(),
                None => {
                    l.refuser("rang / rank");
                    Texte::default()
                }
            }
        })
    }

    /// A date, as its day number from 1 January of year 1 (day 1).
    fn date(&mut self) -> NaiveDate {
        let jour = i32::try_from(self.nombre(b';')).ok();
        match jour.and_then(NaiveDate::from_num_days_from_ce_opt) {
            Some(d) => d,
            None => {
                self.refuser("date");
                NaiveDate::MIN
            }
        }
    }

    /// An enum by its JSON name, read by its own `Deserialize` (one spelling of each name);
    /// `sinon` stands in for it in a refused reading.
    fn nom<T: for<'de> Deserialize<'de>>(&mut self, sinon: T) -> T {
        let s = self.texte();
        T::deserialize(s.into_deserializer()).unwrap_or_else(|_: serde::de::value::Error| {
            self.refuser("nom / name");
            sinon
        })
    }

    fn valeur(&mut self) -> Value {
        match self.octet() {
            b'n' => Value::Null,
            b'T' => Value::Bool(true),
            b'F' => Value::Bool(false),
            b'i' => Value::from(self.nombre(b';')),
            b's' => Value::String(self.chaine()),
            b'l' => Value::Array(self.liste(Self::valeur)),
            _ => {
                self.refuser("valeur / value");
                Value::Null
            }
        }
    }

    fn reference(&mut self) -> (Texte, Reference) {
        let id = self.statique();
        let reference = Reference {
            title: self.statique(),
            article: self.option(Self::statique),
            url: self.statique(),
            date: self.statique(),
            kind: self.statique(),
        };
        (id, reference)
    }

    fn version(&mut self) -> Version {
        Version {
            id: self.statique(),
            title_fr: self.statique(),
            title_en: self.statique(),
            start: self.date(),
            end_exclusive: self.option(Self::date),
            references: self.ids(),
            grade: self.nom(Grade::Gap),
            revalues_running_contracts: self.booleen(),
            note: self.statique(),
        }
    }

    fn specialite(&mut self) -> Specialite {
        Specialite {
            code: self.statique(),
            name: self.statique(),
            name_en: self.statique(),
            group: self.nom(GroupeSpecialite::Autre),
            references: self.ids(),
        }
    }

    /// A dated value, typed by the JSON reading's own `typer` as soon as it is read.
    fn valeur_datee(&mut self, id: &str, unite: Unite) -> ValeurDatee {
        let brute = brut::Valeur {
            from: self.date(),
            value: self.valeur(),
            grade: self.nom(Grade::Gap),
            not_applicable: self.booleen(),
            references: self.ids(),
            article: self.option(Self::statique),
            note: self.option(Self::statique),
            note_en: self.option(Self::statique),
        };
        let from = brute.from;
        match brute.typer(id, unite) {
            Ok(v) => v,
            Err(e) => {
                if self.erreur.is_none() {
                    self.erreur = Some(e);
                }
                ValeurDatee {
                    from,
                    valeur: Valeur::Inconnue,
                    grade: Grade::Gap,
                    references: Vec::new(),
                    article: None,
                    note: None,
                    note_en: None,
                }
            }
        }
    }

    fn parametre(&mut self) -> Parametre {
        let id = self.statique();
        let unite = self.nom(Unite::Bool);
        Parametre {
            description_fr: self.statique(),
            description_en: self.statique(),
            valeurs: self.liste(|l| l.valeur_datee(&id, unite)),
            id,
            unite,
        }
    }

    fn notice(&mut self) -> Notice {
        Notice {
            id: self.statique(),
            versions: self.liste(Self::statique),
            grade: self.nom(Grade::Gap),
            references: self.ids(),
            text_fr: self.statique(),
            text_en: self.statique(),
        }
    }
}

/// Reads the compiled document `texte` (a static text: the rule set's strings borrow it): its
/// header, tables and lists, and its parameters, typed.
pub(super) fn lire(texte: &'static str) -> Resultat<(brut::Document, Vec<Parametre>)> {
    let mut l = Lecture {
        texte,
        position: 0,
        ids: Vec::new(),
        erreur: None,
    };
    let schema_version = l.nombre(b';');
    let bundle_version = l.nombre(b';');
    let published = l.date();
    let title = l.chaine();
    let provenance = l.chaine();
    let table = l.liste(Lecture::reference);
    l.ids = table.iter().map(|(id, _)| id.clone()).collect();
    // Inserted one by one, as the JSON reading does (the same code, in a size-bound library).
    let mut references = std::collections::BTreeMap::new();
    for (id, r) in table {
        references.insert(id, r);
    }
    let versions = l.liste(Lecture::version);
    let specialties = l.liste(Lecture::specialite);
    let parametres = l.liste(Lecture::parametre);
    let document = brut::Document {
        schema_version: u32::try_from(schema_version).unwrap_or(u32::MAX),
        bundle_version: bundle_version as u64,
        published,
        title,
        provenance,
        references,
        versions,
        specialties,
        parameters: Vec::new(),
        notices: l.liste(Lecture::notice),
    };
    if l.position != texte.len() {
        l.refuser("texte en trop / trailing text");
    }
    match l.erreur {
        None => Ok((document, parametres)),
        Some(e) => Err(e),
    }
}
