//! One error type for the whole core, with stable codes.
//!
//! Every variant names the input field at fault (when there is one) and what was expected, in
//! French and in English. The codes are part of the public contract (CLI, JSON, bindings): never
//! rename one, add new ones instead.

use std::fmt;

/// Stable machine-readable error codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CodeErreur {
    /// A required field is missing for this situation.
    ChampRequis,
    /// A number is outside its accepted range.
    HorsBornes,
    /// A value is not one of the accepted values (unknown specialty, sector…).
    ValeurInconnue,
    /// A date cannot be read (expected YYYY-MM-DD).
    DateInvalide,
    /// The date falls outside every rule version (before 2019-09-01).
    HorsPeriode,
    /// Two inputs contradict each other.
    Incoherence,
    /// The requested option cannot be simulated for this contract.
    FormuleIndisponible,
    /// The input document is not valid JSON or has the wrong shape.
    JsonInvalide,
    /// The rule data failed an integrity check.
    ReglesInvalides,
    /// A bundle signature is malformed (not 64 bytes).
    SignatureInvalide,
    /// A bundle signature matches no trusted key.
    SignatureRefusee,
    /// A bundle is not UTF-8 JSON with a header.
    BundleIllisible,
    /// A bundle uses a schema this build cannot read.
    SchemaNonSupporte,
    /// A bundle is not newer than the active rules.
    BundleNonPlusRecent,
    /// A key file is malformed.
    CleInvalide,
    /// An input (document, bundle, string, list) exceeds its size limit.
    TropVolumineux,
    /// A bundle is older than the highest version this app ever installed (rollback floor).
    BundleSousPlancher,
}

impl CodeErreur {
    pub const TOUS: [CodeErreur; 17] = [
        CodeErreur::ChampRequis,
        CodeErreur::HorsBornes,
        CodeErreur::ValeurInconnue,
        CodeErreur::DateInvalide,
        CodeErreur::HorsPeriode,
        CodeErreur::Incoherence,
        CodeErreur::FormuleIndisponible,
        CodeErreur::JsonInvalide,
        CodeErreur::ReglesInvalides,
        CodeErreur::SignatureInvalide,
        CodeErreur::SignatureRefusee,
        CodeErreur::BundleIllisible,
        CodeErreur::SchemaNonSupporte,
        CodeErreur::BundleNonPlusRecent,
        CodeErreur::CleInvalide,
        CodeErreur::TropVolumineux,
        CodeErreur::BundleSousPlancher,
    ];

    /// The code for a stable string code.
    pub fn depuis_code(code: &str) -> Option<CodeErreur> {
        Self::TOUS.into_iter().find(|c| c.as_str() == code)
    }

    /// The stable string code, as printed by the CLI and carried across the FFI.
    pub fn as_str(self) -> &'static str {
        match self {
            CodeErreur::ChampRequis => "champ_requis",
            CodeErreur::HorsBornes => "hors_bornes",
            CodeErreur::ValeurInconnue => "valeur_inconnue",
            CodeErreur::DateInvalide => "date_invalide",
            CodeErreur::HorsPeriode => "hors_periode",
            CodeErreur::Incoherence => "incoherence",
            CodeErreur::FormuleIndisponible => "formule_indisponible",
            CodeErreur::JsonInvalide => "json_invalide",
            CodeErreur::ReglesInvalides => "regles_invalides",
            CodeErreur::SignatureInvalide => "signature_invalide",
            CodeErreur::SignatureRefusee => "signature_refusee",
            CodeErreur::BundleIllisible => "bundle_illisible",
            CodeErreur::SchemaNonSupporte => "schema_non_supporte",
            CodeErreur::BundleNonPlusRecent => "bundle_non_plus_recent",
            CodeErreur::CleInvalide => "cle_invalide",
            CodeErreur::TropVolumineux => "trop_volumineux",
            CodeErreur::BundleSousPlancher => "bundle_sous_plancher",
        }
    }
}

impl fmt::Display for CodeErreur {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Longest echo of an input value in a message, in characters (then « … »).
pub const CITATION_MAX: usize = 40;

/// An input value as echoed in a message: control and bidirectional-override characters escaped
/// (`\u{1b}`), cut after `CITATION_MAX` characters with « … », so that a hostile or huge value
/// can neither forge terminal output nor flood a log.
pub fn citer(valeur: &str) -> String {
    let mut out = String::new();
    for (i, c) in valeur.chars().enumerate() {
        if i == CITATION_MAX {
            out.push('…');
            break;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control()
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}') =>
            {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// Like `citer`, for a longer diagnostic (a parser's detail): cut after 300 characters.
pub fn citer_long(valeur: &str) -> String {
    let court: String = valeur.chars().take(300).collect();
    let mut out: String = court
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if valeur.chars().nth(300).is_some() {
        out.push('…');
    }
    out
}

/// An error with its code, the field at fault and a message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("[{code}] {message_fr} / {message_en}")]
pub struct Erreur {
    pub code: CodeErreur,
    /// Input field (JSON name) at fault, when the error is about one field.
    pub champ: Option<String>,
    pub message_fr: String,
    pub message_en: String,
}

impl Erreur {
    fn new(code: CodeErreur, champ: Option<&str>, fr: String, en: String) -> Self {
        Erreur {
            code,
            champ: champ.map(str::to_owned),
            message_fr: fr,
            message_en: en,
        }
    }

    pub fn champ_requis(champ: &str, pourquoi_fr: &str, why_en: &str) -> Self {
        Self::new(
            CodeErreur::ChampRequis,
            Some(champ),
            format!("le champ « {champ} » est requis : {pourquoi_fr}"),
            format!("field `{champ}` is required: {why_en}"),
        )
    }

    pub fn hors_bornes(
        champ: &str,
        valeur: impl fmt::Display,
        min: impl fmt::Display,
        max: impl fmt::Display,
    ) -> Self {
        Self::new(
            CodeErreur::HorsBornes,
            Some(champ),
            format!(
                "« {champ} » vaut {valeur} : valeur attendue entre {min} et {max}",
                valeur = citer(&valeur.to_string())
            ),
            format!(
                "`{champ}` is {valeur}: expected a value between {min} and {max}",
                valeur = citer(&valeur.to_string())
            ),
        )
    }

    /// A number written outside the accepted grammar or range: `attendu_fr`/`expected_en` say
    /// what is accepted.
    pub fn nombre_invalide(champ: &str, valeur: &str, attendu_fr: &str, expected_en: &str) -> Self {
        let v = citer(valeur);
        Self::new(
            CodeErreur::HorsBornes,
            Some(champ),
            format!("« {champ} » vaut « {v} » : {attendu_fr}"),
            format!("`{champ}` is `{v}`: {expected_en}"),
        )
    }

    /// A JSON value of the wrong type (or a field that is not part of the document).
    pub fn json_champ(champ: &str, fr: String, en: String) -> Self {
        Self::new(CodeErreur::JsonInvalide, Some(champ), fr, en)
    }

    /// A JSON document that cannot be read at all (syntax), so no field to name.
    pub fn json_champ_absent(fr: String, en: String) -> Self {
        Self::new(CodeErreur::JsonInvalide, None, fr, en)
    }

    /// An input over its size limit (`quoi_fr`/`what_en`: "document", "texte"…).
    pub fn trop_volumineux(
        champ: Option<&str>,
        quoi_fr: &str,
        what_en: &str,
        taille: usize,
        max: usize,
    ) -> Self {
        let ou_fr = champ.map(|c| format!("« {c} » : ")).unwrap_or_default();
        let ou_en = champ.map(|c| format!("`{c}`: ")).unwrap_or_default();
        Self::new(
            CodeErreur::TropVolumineux,
            champ,
            format!("{ou_fr}{quoi_fr} trop volumineux ({taille} au moins) : au plus {max} attendu"),
            format!("{ou_en}{what_en} too large ({taille} or more): at most {max} expected"),
        )
    }

    pub fn valeur_inconnue(champ: &str, valeur: &str, attendues: &str) -> Self {
        Self::valeur_inconnue_decrite(champ, valeur, attendues, attendues)
    }

    /// Like `valeur_inconnue`, when what is expected is said in words (one text per language).
    pub fn valeur_inconnue_decrite(
        champ: &str,
        valeur: &str,
        attendues_fr: &str,
        expected_en: &str,
    ) -> Self {
        let valeur = citer(valeur);
        Self::new(
            CodeErreur::ValeurInconnue,
            Some(champ),
            format!(
                "« {champ} » : valeur « {valeur} » inconnue ; valeurs possibles : {attendues_fr}"
            ),
            format!("`{champ}`: unknown value `{valeur}`; expected one of: {expected_en}"),
        )
    }

    pub fn date_invalide(champ: &str, valeur: &str) -> Self {
        let valeur = citer(valeur);
        let (min, max) = (crate::situation::DATE_MIN, crate::situation::DATE_MAX);
        Self::new(
            CodeErreur::DateInvalide,
            Some(champ),
            format!("« {champ} » : date « {valeur} » illisible ou hors limites ; date attendue au format AAAA-MM-JJ, du {min} au {max}"),
            format!("`{champ}`: cannot read date `{valeur}` or out of bounds; expected YYYY-MM-DD, from {min} to {max}"),
        )
    }

    pub fn hors_periode(champ: &str, valeur: impl fmt::Display, debut: impl fmt::Display) -> Self {
        Self::new(
            CodeErreur::HorsPeriode,
            Some(champ),
            format!(
                "« {champ} » vaut {valeur} : le dispositif s'applique aux contrats signés à partir du {debut} ; date attendue à partir du {debut}"
            ),
            format!("`{champ}` is {valeur}: the scheme covers contracts signed from {debut}; expected a date on or after {debut}"),
        )
    }

    pub fn incoherence(champ: &str, fr: String, en: String) -> Self {
        Self::new(CodeErreur::Incoherence, Some(champ), fr, en)
    }

    pub fn formule_indisponible(champ: &str, fr: String, en: String) -> Self {
        Self::new(CodeErreur::FormuleIndisponible, Some(champ), fr, en)
    }

    pub fn json_invalide(detail: impl fmt::Display) -> Self {
        Self::new(
            CodeErreur::JsonInvalide,
            None,
            format!("document JSON invalide : {detail}"),
            format!("invalid JSON document: {detail}"),
        )
    }

    pub fn regles_invalides(detail: impl fmt::Display) -> Self {
        Self::new(
            CodeErreur::ReglesInvalides,
            None,
            format!("données de règles invalides : {detail}"),
            format!("invalid rule data: {detail}"),
        )
    }

    /// The message in the requested language.
    pub fn message(&self, langue: crate::Langue) -> &str {
        match langue {
            crate::Langue::Fr => &self.message_fr,
            crate::Langue::En => &self.message_en,
        }
    }
}

pub type Resultat<T> = Result<T, Erreur>;
