//! `Texte`: the strings of results, shared with the rule data and the program instead of copied.
//!
//! An assessment cites some 60 reference ids, names its version, its codes, labels and fixed
//! messages: as `String`s, each was an allocation, a copy and a free (issue 14: about a third
//! of an assessment was the allocator). A `Texte` is one of three things:
//! - a text of the program (a code, a label, a fixed message): a `&'static str`, never allocated;
//! - a text of the rule data (an id, a title), read once per rule set: an `Arc<str>`, so that a
//!   copy into a result is a reference count — or, for the process's embedded rules, a slice of
//!   their static compiled document (`rules/compact.rs`), copied with no count at all;
//! - a text made for one result (a message with figures): its own `Box<str>`.
//!
//! It reads, compares, orders, hashes and serializes as the `str` it holds, whatever its kind,
//! and crosses the FFI as a plain string (Kotlin and Swift see `String`).

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A string of a result: static, shared with the rule data, or owned (see the module).
#[derive(Clone)]
pub struct Texte(Forme);

#[derive(Clone)]
enum Forme {
    Statique(&'static str),
    Partage(Arc<str>),
    /// A `Box<str>` rather than a `String`: every variant is two words, so that the variant is a
    /// plain tag and a copy or a drop of the usual kinds is a test and a move (measured: a clone
    /// of a shared text was 36 instructions with `String`'s niche in the layout).
    Propre(Box<str>),
}

impl Texte {
    /// A text of the program: no allocation, now or when copied.
    pub const fn statique(s: &'static str) -> Self {
        Texte(Forme::Statique(s))
    }

    /// A text of the rule data, to be copied into many results: one allocation, here.
    pub fn partage(s: &str) -> Self {
        Texte(Forme::Partage(Arc::from(s)))
    }

    /// Whether the text is the program's or a static document's (copied and dropped without a
    /// reference count).
    pub fn est_statique(&self) -> bool {
        matches!(self.0, Forme::Statique(_))
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Forme::Statique(s) => s,
            Forme::Partage(s) => s,
            Forme::Propre(s) => s,
        }
    }

    /// The text as a `String` (no copy when it is a result's own).
    pub fn into_string(self) -> String {
        match self.0 {
            Forme::Propre(s) => s.into_string(),
            Forme::Statique(s) => s.to_owned(),
            Forme::Partage(s) => s.as_ref().to_owned(),
        }
    }
}

impl Default for Texte {
    fn default() -> Self {
        Texte::statique("")
    }
}

impl Deref for Texte {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Texte {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Texte {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&'static str> for Texte {
    fn from(s: &'static str) -> Self {
        Texte::statique(s)
    }
}

impl From<String> for Texte {
    fn from(s: String) -> Self {
        Texte(Forme::Propre(s.into_boxed_str()))
    }
}

impl From<Texte> for String {
    fn from(t: Texte) -> Self {
        t.into_string()
    }
}

impl PartialEq for Texte {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.as_str(), other.as_str());
        // The same text of the same rule set (an id copied into a result, compared with its
        // source) is the same bytes at the same address: no byte compared.
        (a.len() == b.len() && a.as_ptr() == b.as_ptr()) || a == b
    }
}

impl Eq for Texte {}

impl PartialEq<str> for Texte {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Texte {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Texte {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Texte> for str {
    fn eq(&self, other: &Texte) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Texte> for &str {
    fn eq(&self, other: &Texte) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Texte> for String {
    fn eq(&self, other: &Texte) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialOrd for Texte {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Texte {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Texte {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Display for Texte {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Texte {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Serialize for Texte {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Read from rule data (and from inputs): shared, since a rule text is copied into results.
impl<'de> Deserialize<'de> for Texte {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visiteur;
        impl serde::de::Visitor<'_> for Visiteur {
            type Value = Texte;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Texte, E> {
                Ok(Texte::partage(s))
            }
        }
        d.deserialize_str(Visiteur)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn un_texte_se_lit_se_compare_et_s_ecrit_comme_sa_chaine_quelle_que_soit_sa_forme() {
        let formes = [
            Texte::statique("S12"),
            Texte::partage("S12"),
            Texte::from("S12".to_string()),
        ];
        for a in &formes {
            for b in &formes {
                assert_eq!(a, b);
                assert_eq!(a.cmp(b), std::cmp::Ordering::Equal);
            }
            assert_eq!(a, "S12");
            assert_eq!(a.len(), 3);
            assert_eq!(format!("{a} {a:?}"), "S12 \"S12\"");
            assert_eq!(serde_json::to_string(a).unwrap(), "\"S12\"");
            assert_eq!(a.clone().into_string(), "S12");
        }
        assert!(Texte::statique("S10") < Texte::partage("S2"));
        let lu: Texte = serde_json::from_str("\"NOS-G100\"").unwrap();
        assert_eq!(lu, Texte::statique("NOS-G100"));
        assert!(serde_json::from_str::<Texte>("12").is_err());
    }

    #[test]
    fn une_copie_d_un_texte_partage_ne_copie_pas_la_chaine() {
        let a = Texte::partage("convention-2024");
        let b = a.clone();
        assert!(std::ptr::eq(a.as_str().as_ptr(), b.as_str().as_ptr()));
        let s = Texte::statique("secteur_admis");
        assert!(std::ptr::eq(s.clone().as_str(), "secteur_admis"));
    }
}
