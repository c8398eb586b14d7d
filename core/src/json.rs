//! Strict JSON reading for every document that comes from outside (situations, rule bundles):
//! a size limit checked before parsing, duplicate keys refused (serde_json keeps the last one
//! silently), bounded string lengths, list and object sizes, and depth, and a French message
//! that never carries serde's English text.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::error::{citer, citer_long, Erreur, Resultat};

/// Bounds of a document.
#[derive(Debug, Clone, Copy)]
pub struct Limites {
    /// Bytes of the whole document.
    pub octets: usize,
    /// Characters of one string (keys included).
    pub chaine: usize,
    /// Elements of one list or members of one object.
    pub elements: usize,
    /// Nesting depth.
    pub profondeur: usize,
}

// Markers of our own refusals inside serde's error text, read back by `traduire`.
const DOUBLON: &str = "\u{1}doublon\u{1}";
const CHAINE: &str = "\u{1}chaine\u{1}";
const ELEMENTS: &str = "\u{1}elements\u{1}";
const PROFONDEUR: &str = "\u{1}profondeur\u{1}";

/// Parses `texte` as one JSON value within `limites`. `champ` names the document in errors
/// about the whole of it (absent for a situation, whose fields are the error fields).
pub fn lire(texte: &str, limites: Limites, champ: Option<&str>) -> Resultat<Value> {
    if texte.len() > limites.octets {
        return Err(Erreur::trop_volumineux(
            champ,
            "document",
            "document",
            texte.len(),
            limites.octets,
        ));
    }
    let mut d = serde_json::Deserializer::from_str(texte);
    let valeur = Graine {
        limites: &limites,
        chemin: &Chemin::Racine,
        profondeur: 0,
    }
    .deserialize(&mut d)
    .and_then(|v| d.end().map(|()| v))
    .map_err(|e| traduire(&e, &limites))?;
    Ok(valeur)
}

/// Parses `texte` as one JSON object within `limites`.
pub fn lire_objet(texte: &str, limites: Limites) -> Resultat<Map<String, Value>> {
    match lire(texte, limites, None)? {
        Value::Object(m) => Ok(m),
        autre => Err(Erreur::json_champ_absent(
            format!("document JSON : objet attendu, reçu {}", nature_fr(&autre)),
            format!("JSON document: object expected, got {}", nature_en(&autre)),
        )),
    }
}

/// Reads a typed input document (the economics request, a tracked contract): strict JSON within
/// `limites` (sizes, duplicate keys), then its fields; serde's refusal becomes a typed error that
/// names the field where serde does, with a French message free of serde's English text.
pub fn lire_type<T: serde::de::DeserializeOwned>(texte: &str, limites: Limites) -> Resultat<T> {
    lire_objet(texte, limites)?;
    // Typed from the text once it passed the strict reading, not from the checked value: the
    // rules are typed from text too (`RuleSet::from_json`), so the library holds one serde_json
    // deserializer instead of two, and every `Deserialize` impl is compiled once.
    serde_json::from_str(texte).map_err(|e| erreur_de_type(&e))
}

/// A typed-decoding refusal of serde as one of ours: unknown and missing fields are named; any
/// other refusal says a value has the wrong type (serde's detail stays in the English message).
fn erreur_de_type(e: &serde_json::Error) -> Erreur {
    // serde's own text, without the position a text deserializer appends (the field is named
    // where serde can; a position would only repeat the strict pass's).
    let texte = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    let detail = texte.strip_suffix(position.as_str()).unwrap_or(&texte);
    let cite = |t: &str| t.split('`').nth(1).map(citer);
    if let Some(champ) = detail.strip_prefix("unknown field ").and_then(cite) {
        return Erreur::json_champ(
            &champ,
            format!("champ « {champ} » inconnu dans ce document"),
            format!("unknown field `{champ}` in this document"),
        );
    }
    if let Some(champ) = detail.strip_prefix("missing field ").and_then(cite) {
        return Erreur::champ_requis(&champ, "il manque au document", "missing from the document");
    }
    Erreur::json_champ_absent(
        "document JSON : une valeur n'a pas le type attendu (texte, nombre entier, vrai/faux, liste ou objet)".to_owned(),
        format!("JSON document: {}", citer_long(detail)),
    )
}

/// The kind of a JSON value, in French, for "expected …, got …" messages.
pub fn nature_fr(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "un booléen",
        Value::Number(n) if n.is_i64() || n.is_u64() => "un nombre entier",
        Value::Number(_) => "un nombre décimal",
        Value::String(_) => "un texte",
        Value::Array(_) => "une liste",
        Value::Object(_) => "un objet",
    }
}

pub fn nature_en(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "an integer",
        Value::Number(_) => "a decimal number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn traduire(e: &serde_json::Error, l: &Limites) -> Erreur {
    let texte = e.to_string();
    let marque = |m: &str| {
        texte.find(m).map(|i| {
            texte[i + m.len()..]
                .split('\u{1}')
                .next()
                .unwrap_or_default()
        })
    };
    if let Some(chemin) = marque(DOUBLON) {
        return Erreur::json_champ(
            chemin,
            format!(
                "« {chemin} » : clé présente deux fois ; chaque champ est attendu une seule fois"
            ),
            format!("`{chemin}`: duplicate key; each field is expected once"),
        );
    }
    if let Some(chemin) = marque(CHAINE) {
        return Erreur::trop_volumineux(Some(chemin), "texte", "string", l.chaine + 1, l.chaine);
    }
    if let Some(chemin) = marque(ELEMENTS) {
        return Erreur::trop_volumineux(
            Some(chemin),
            "liste ou objet",
            "list or object",
            l.elements + 1,
            l.elements,
        );
    }
    if let Some(chemin) = marque(PROFONDEUR) {
        return Erreur::trop_volumineux(
            Some(chemin),
            "imbrication",
            "nesting",
            l.profondeur + 1,
            l.profondeur,
        );
    }
    let nature = match e.classify() {
        serde_json::error::Category::Eof => "document incomplet (fin inattendue)",
        serde_json::error::Category::Syntax => "syntaxe JSON incorrecte",
        serde_json::error::Category::Data => "valeur illisible (nombre hors limites ?)",
        serde_json::error::Category::Io => "lecture impossible",
    };
    Erreur::json_champ_absent(
        format!(
            "document JSON illisible, ligne {} colonne {} : {nature}",
            e.line(),
            e.column()
        ),
        format!("unreadable JSON document: {}", citer(&texte)),
    )
}

/// Where a value sits in the document (`a.b[2]`), as links to its parent: the text is built only
/// for an error message, never for a value read without fault (the cold load of the rules reads
/// tens of thousands of them).
#[derive(Clone, Copy)]
enum Chemin<'c> {
    Racine,
    Cle(&'c Chemin<'c>, &'c str),
    Indice(&'c Chemin<'c>, usize),
}

impl Chemin<'_> {
    fn texte(&self) -> String {
        match self {
            Chemin::Racine => String::new(),
            Chemin::Cle(parent, cle) => match parent.texte() {
                p if p.is_empty() => (*cle).to_owned(),
                p => format!("{p}.{cle}"),
            },
            Chemin::Indice(parent, i) => format!("{}[{i}]", parent.texte()),
        }
    }

    /// The path, escaped and cut, between the markers `traduire` reads back.
    fn refus<E: de::Error>(&self, marque: &str) -> E {
        E::custom(format!("{marque}{}\u{1}", citer(&self.texte())))
    }
}

/// Builds a `serde_json::Value` while enforcing the limits and refusing duplicate keys.
struct Graine<'l, 'c> {
    limites: &'l Limites,
    chemin: &'c Chemin<'c>,
    profondeur: usize,
}

impl<'de> DeserializeSeed<'de> for Graine<'_, '_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Graine<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        if v.chars().count() > self.limites.chaine {
            return Err(self.chemin.refus(CHAINE));
        }
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        if v.chars().count() > self.limites.chaine {
            return Err(self.chemin.refus(CHAINE));
        }
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.plus_profond::<A::Error>()?;
        let mut v = Vec::new();
        loop {
            let chemin = Chemin::Indice(self.chemin, v.len());
            let graine = Graine {
                limites: self.limites,
                chemin: &chemin,
                profondeur: self.profondeur + 1,
            };
            match seq.next_element_seed(graine)? {
                Some(x) => v.push(x),
                None => break,
            }
            if v.len() > self.limites.elements {
                return Err(self.chemin.refus(ELEMENTS));
            }
        }
        Ok(Value::Array(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.plus_profond::<A::Error>()?;
        let mut m = Map::new();
        while let Some(cle) = map.next_key::<String>()? {
            let chemin = Chemin::Cle(self.chemin, &cle);
            if cle.chars().count() > self.limites.chaine {
                return Err(chemin.refus(CHAINE));
            }
            if m.contains_key(&cle) {
                return Err(chemin.refus(DOUBLON));
            }
            let v = map.next_value_seed(Graine {
                limites: self.limites,
                chemin: &chemin,
                profondeur: self.profondeur + 1,
            })?;
            m.insert(cle, v);
            if m.len() > self.limites.elements {
                return Err(self.chemin.refus(ELEMENTS));
            }
        }
        Ok(Value::Object(m))
    }
}

impl Graine<'_, '_> {
    fn plus_profond<E: de::Error>(&self) -> Result<(), E> {
        if self.profondeur >= self.limites.profondeur {
            return Err(self.chemin.refus(PROFONDEUR));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const L: Limites = Limites {
        octets: 1000,
        chaine: 10,
        elements: 3,
        profondeur: 3,
    };

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        #[allow(dead_code)]
        n: u32,
    }

    #[test]
    fn lecture_typee_depuis_le_texte() {
        assert_eq!(lire_type::<Doc>(r#"{"n": 7}"#, L).unwrap().n, 7);
        // The strict pass still runs first: a duplicate key is ours, not serde's.
        let e = lire_type::<Doc>(r#"{"n":1,"n":2}"#, L).unwrap_err();
        assert_eq!(e.champ.as_deref(), Some("n"), "{e}");
        let e = lire_type::<Doc>(r#"{"n":1,"x":2}"#, L).unwrap_err();
        assert_eq!(e.champ.as_deref(), Some("x"), "{e}");
        let e = lire_type::<Doc>("{}", L).unwrap_err();
        assert_eq!(e.code, crate::CodeErreur::ChampRequis, "{e}");
        assert_eq!(e.champ.as_deref(), Some("n"), "{e}");
        // A wrong type: serde's text without the position a text deserializer appends.
        let e = lire_type::<Doc>(r#"{"n": "sept"}"#, L).unwrap_err();
        assert_eq!(
            e.message_en,
            r#"JSON document: invalid type: string "sept", expected u32"#
        );
    }

    #[test]
    fn doublons_limites_et_messages() {
        let e = lire(r#"{"a":{"b":1,"b":2}}"#, L, None).unwrap_err();
        assert_eq!(e.champ.as_deref(), Some("a.b"), "{e}");
        let e = lire(r#"{"a":"0123456789x"}"#, L, None).unwrap_err();
        assert_eq!(e.code, crate::CodeErreur::TropVolumineux);
        assert_eq!(e.champ.as_deref(), Some("a"), "{e}");
        let e = lire("[1,2,3,4]", L, None).unwrap_err();
        assert_eq!(e.code, crate::CodeErreur::TropVolumineux);
        let e = lire("[[[[1]]]]", L, None).unwrap_err();
        assert_eq!(e.code, crate::CodeErreur::TropVolumineux);
        let e = lire("{\"a\": ", L, None).unwrap_err();
        assert!(
            e.message_fr.starts_with("document JSON illisible, ligne 1"),
            "{e}"
        );
        assert!(lire("[1] x", L, None).is_err());
        assert_eq!(lire(r#"{"a":[1,2]}"#, L, None).unwrap()["a"][1], 2);
        // Found by fuzzing (situation_json): a key with a control character in the path of a
        // nesting or size error reached the message unescaped.
        for texte in ["{\"a\\rb\":[[[1]]]}", "{\"a\\rb\":[1,2,3,4]}"] {
            let e = lire(texte, L, None).unwrap_err();
            let champ = e.champ.clone().unwrap_or_default();
            assert!(
                !champ.contains('\r') && !e.message_fr.contains('\r'),
                "{e:?}"
            );
            assert!(champ.starts_with("a\\rb"), "{e:?}");
        }
    }
}
