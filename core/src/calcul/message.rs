//! A result's message: a text, or the code's typed figures, formatted in the language of the call
//! only when the message is read (shown, serialized, lowered across the FFI). Computing a result
//! formats no sentence: the reasons, objectives and caveats of an assessment keep their figures
//! (a few words each) and write them out once, straight into whatever reads them.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::assessment::MessageAvertissement;
use crate::explain::Motif;
use crate::objectives::MessageObjectif;
use crate::texte::Texte;
use crate::Langue;

/// A message in one language. It compares, serializes, prints (`Display` and `Debug`) and
/// crosses the FFI exactly as the text it renders to; `texte()` gives that text.
#[derive(Clone)]
pub struct Message(Contenu);

#[derive(Clone)]
enum Contenu {
    Texte(Texte),
    Motif(Motif, Langue),
    Objectif(MessageObjectif, Langue),
    Avertissement(MessageAvertissement, Langue),
}

impl Message {
    pub(crate) fn motif(m: Motif, langue: Langue) -> Self {
        Message(Contenu::Motif(m, langue))
    }

    pub(crate) fn objectif(m: MessageObjectif, langue: Langue) -> Self {
        Message(Contenu::Objectif(m, langue))
    }

    pub(crate) fn avertissement(m: MessageAvertissement, langue: Langue) -> Self {
        Message(Contenu::Avertissement(m, langue))
    }

    /// The rendered text (a copy of a text message is shared, not formatted again).
    pub fn texte(&self) -> Texte {
        match &self.0 {
            Contenu::Texte(t) => t.clone(),
            _ => Texte::from(self.to_string()),
        }
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Contenu::Texte(t) => f.write_str(t),
            Contenu::Motif(m, langue) => m.ecrire(f, *langue),
            Contenu::Objectif(m, langue) => m.ecrire(f, *langue),
            Contenu::Avertissement(m, langue) => m.ecrire(f, *langue),
        }
    }
}

/// As the text: results print the same as when their messages were strings.
impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Contenu::Texte(t) => fmt::Debug::fmt(t.as_str(), f),
            _ => fmt::Debug::fmt(self.to_string().as_str(), f),
        }
    }
}

/// Two messages are equal when they read the same.
impl PartialEq for Message {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Contenu::Texte(a), Contenu::Texte(b)) => a == b,
            _ => self.to_string() == other.to_string(),
        }
    }
}

impl Eq for Message {}

impl PartialEq<str> for Message {
    fn eq(&self, other: &str) -> bool {
        match &self.0 {
            Contenu::Texte(t) => t.as_str() == other,
            _ => self.to_string().as_str() == other,
        }
    }
}

impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

/// Written straight into the output: a serialized result holds no copy of its messages.
impl Serialize for Message {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl From<Texte> for Message {
    fn from(t: Texte) -> Self {
        Message(Contenu::Texte(t))
    }
}

impl From<&'static str> for Message {
    fn from(s: &'static str) -> Self {
        Message(Contenu::Texte(Texte::statique(s)))
    }
}

impl From<String> for Message {
    fn from(s: String) -> Self {
        Message(Contenu::Texte(Texte::from(s)))
    }
}

impl From<Message> for String {
    fn from(m: Message) -> Self {
        match m.0 {
            Contenu::Texte(t) => t.into_string(),
            _ => {
                // Room for the longest usual sentence at once: `to_string` grows a message from 8
                // bytes, five or six reallocations each.
                let mut s = String::with_capacity(384);
                // (writing into a String cannot fail)
                let _ = fmt::Write::write_fmt(&mut s, format_args!("{m}"));
                s
            }
        }
    }
}
