//! Rule data: dated, sourced parameter histories in the OpenFisca manner, and the legal versions.
//!
//! The data lives in `core/rules/` (one file per parameter in `parametres/`, assembled by `build.rs`), embedded in the binary and parsed once. Code holds
//! logic; this data holds every number, date, list and reference the logic uses.

pub mod bundle;
pub mod citations;
mod compact;
pub mod ids;
pub(crate) mod integrity;
pub mod provenance;

pub use integrity::PREFIXE_CALENDAIRE;

/// Accepted calendar range of every date (signature, contract start, "today", and the dates of
/// a rule document): wide enough for any contract of the scheme, narrow enough that year
/// arithmetic cannot overflow (`9999-12-31` used to print `+10000-12-30`). Input bounds, not
/// rule dates.
pub const DATE_MIN: &str = "2000-01-01";
pub const DATE_MAX: &str = "2099-12-31";

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Erreur, Resultat};
use crate::rules::citations::{Citations, Recueil, Table, Vie};
use crate::texte::Texte;

/// The rule document shipped in the binary (the offline default): the files of `rules/` assembled into one document, minified
/// and deflated by the build script. The rule set is read from its compiled form
/// (`compact.rs`); this JSON form is for the tools that export the document.
const REGLES_COMPRESSEES: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/regles.min.json.deflate"));
/// The same document compiled by the build script (`compact.rs`), deflated.
const REGLES_COMPACTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/regles.compact.deflate"));
// The inflated sizes of both, `TAILLE_JSON` and `TAILLE_COMPACTE`, written by the build script.
include!(concat!(env!("OUT_DIR"), "/tailles.rs"));

/// Inflates the embedded JSON document (done once per process by `regles_embarquees_json`).
pub fn decompresser_regles_embarquees() -> Resultat<String> {
    decompresser(REGLES_COMPRESSEES, TAILLE_JSON)
}

/// Inflates an embedded document of `taille` bytes, in one pass.
fn decompresser(comprime: &[u8], taille: usize) -> Resultat<String> {
    let mut octets = Vec::new();
    inflater(comprime, taille, &mut octets)?;
    octets.truncate(taille);
    String::from_utf8(octets).map_err(Erreur::regles_invalides)
}

/// Inflates `comprime`, a document of `taille` bytes, into `octets` (a buffer of a previous
/// call is reused as it is: the inflater writes every byte it reads back); returns the document.
fn inflater<'t>(comprime: &[u8], taille: usize, octets: &'t mut Vec<u8>) -> Resultat<&'t [u8]> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    // The inflater's fast loop needs room for a longest match (258 bytes) after what it writes:
    // without it, the end of the document goes through its slow path.
    let place = taille.saturating_add(258);
    if octets.len() != place {
        // Zeroed by the allocator (a fresh mapping needs no writing).
        *octets = vec![0u8; place];
    }
    let mut etat = Box::<DecompressorOxide>::default();
    let (statut, _, ecrits) = decompress(
        &mut etat,
        comprime,
        octets,
        0,
        inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
    );
    match octets.get(..ecrits) {
        Some(document) if statut == TINFLStatus::Done && ecrits == taille => Ok(document),
        _ => Err(Erreur::regles_invalides(format!(
            "règles embarquées corrompues / corrupt embedded rules: {statut:?}, {ecrits} octets / bytes"
        ))),
    }
}

static TEXTE_EMBARQUE: Lazy<Resultat<String>> = Lazy::new(decompresser_regles_embarquees);

/// The embedded rule document as JSON text.
pub fn regles_embarquees_json() -> Resultat<&'static str> {
    TEXTE_EMBARQUE
        .as_ref()
        .map(String::as_str)
        .map_err(Clone::clone)
}

/// The compiled document, inflated once per process: the rule sets read from it borrow it.
static TEXTE_COMPACT: Lazy<Resultat<String>> =
    Lazy::new(|| decompresser(REGLES_COMPACTES, TAILLE_COMPACTE));

/// The process's embedded rules, never dropped: their tables are `Vie::Processus`.
static EMBARQUEES: Lazy<Resultat<Arc<RuleSet>>> =
    Lazy::new(|| lire_embarquees(Vie::Processus).map(Arc::new));

/// Reads the embedded rules anew from the process's inflated compiled document: a rule set of
/// its own (for tests that need one; the process's is `embarquees`), freed when dropped.
pub fn charger_embarquees() -> Resultat<RuleSet> {
    lire_embarquees(Vie::Partagee)
}

/// The embedded rules read from the process's inflated compiled document, living as `vie` says.
fn lire_embarquees(vie: Vie) -> Resultat<RuleSet> {
    let texte = TEXTE_COMPACT.as_ref().map_err(Clone::clone)?;
    RuleSet::typer_embarquees(texte, vie)
}

/// The work of the first call of `embarquees`, once per process, as the benchmarks measure a
/// cold start on memory that their calls reuse: the compiled document inflated into `tampon`
/// and checked as UTF-8, and the rules read from the process's inflated text, the same bytes
/// (a rule set's strings borrow a text kept for the process). The first call's own page
/// faults on fresh memory are not in it (nor were they before).
#[doc(hidden)]
pub fn charger_embarquees_au_demarrage(tampon: &mut Vec<u8>) -> Resultat<RuleSet> {
    let octets = inflater(REGLES_COMPACTES, TAILLE_COMPACTE, tampon)?;
    let texte = std::str::from_utf8(octets).map_err(Erreur::regles_invalides)?;
    let statique = TEXTE_COMPACT.as_ref().map_err(Clone::clone)?;
    debug_assert_eq!(texte, statique.as_str());
    // Its tables reference counted, not kept for the process (the benchmarks load it again and
    // again): the same work, one allocation a table either way.
    RuleSet::typer_embarquees(statique, Vie::Partagee)
}

/// The embedded rules, parsed and checked once per process.
pub fn embarquees() -> Resultat<&'static RuleSet> {
    EMBARQUEES.as_ref().map(|r| &**r).map_err(Clone::clone)
}

/// The same embedded rules, shared (stores hold them without copying).
pub fn embarquees_partagees() -> Resultat<Arc<RuleSet>> {
    EMBARQUEES.as_ref().map(Arc::clone).map_err(Clone::clone)
}

/// Confidence grade of a value, from the domain reference (A best, GAP unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Grade {
    /// Not found in any public source: never computed from.
    #[serde(rename = "GAP")]
    Gap,
    /// Single secondary or commercial source, or an inference.
    C,
    /// Reliable secondary source consistent with others.
    B,
    /// Official Assurance Maladie or Légifrance page.
    A,
}

impl Grade {
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::Gap => "GAP",
        }
    }

    /// Grade C and GAP values must be flagged in any result that rests on them.
    pub fn a_signaler(self) -> bool {
        self <= Grade::C
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A source or legal text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Reference {
    pub title: Texte,
    #[serde(default)]
    pub article: Option<Texte>,
    pub url: Texte,
    pub date: Texte,
    pub kind: Texte,
}

/// A legal version of the scheme: governs contracts signed in `[start, end_exclusive)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Version {
    pub id: Texte,
    pub title_fr: Texte,
    pub title_en: Texte,
    #[serde(deserialize_with = "date::lire")]
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub start: NaiveDate,
    #[serde(default, deserialize_with = "date::lire_option")]
    #[serde(serialize_with = "crate::rules::date::serialiser_option")]
    pub end_exclusive: Option<NaiveDate>,
    #[serde(deserialize_with = "interne::liste")]
    pub references: Vec<Texte>,
    pub grade: Grade,
    /// Whether this version's amounts also apply to running contracts signed earlier, from their
    /// first anniversary on or after `start` (convention 2024, §3 of the reference).
    pub revalues_running_contracts: bool,
    #[serde(default)]
    pub note: Texte,
}

impl Version {
    pub fn contient(&self, date: NaiveDate) -> bool {
        date >= self.start && self.end_exclusive.is_none_or(|fin| date < fin)
    }
}

/// Unit of a parameter; decides how its JSON values are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Unite {
    Eur,
    Patients,
    Ratio,
    Bool,
    Codes,
    Years,
    Rounding,
    /// Hours (decimal), e.g. a working week.
    Hours,
    /// A dimensionless decimal that is not a ratio in [0, 1] (a multiplier, an exponent, a count).
    Number,
}

/// A typed parameter value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Valeur {
    Montant(Decimal),
    Nombre(u32),
    Taux(Decimal),
    Booleen(bool),
    Codes(Vec<String>),
    Texte(String),
    /// A decimal quantity that is neither money nor a ratio (hours, multipliers, counts).
    Quantite(Decimal),
    /// GAP: not found in any public source.
    Inconnue,
    /// The parameter does not apply in this version (e.g. year-1 amount of a closed option).
    SansObjet,
}

impl fmt::Display for Valeur {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Valeur::Montant(d) | Valeur::Taux(d) | Valeur::Quantite(d) => write!(f, "{d}"),
            Valeur::Nombre(n) => write!(f, "{n}"),
            Valeur::Booleen(b) => write!(f, "{b}"),
            Valeur::Codes(c) => write!(f, "[{}]", c.join(", ")),
            Valeur::Texte(t) => f.write_str(t),
            Valeur::Inconnue => f.write_str("GAP"),
            Valeur::SansObjet => f.write_str("—"),
        }
    }
}

/// One dated value of a parameter: applies from `from` until the next value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValeurDatee {
    pub from: NaiveDate,
    pub valeur: Valeur,
    pub grade: Grade,
    pub references: Vec<Texte>,
    pub article: Option<Texte>,
    /// Why the value is what it is (a reading, a caveat), in French and in English: both or
    /// neither (the integrity checks refuse one alone); shown in the language of the call.
    pub note: Option<Texte>,
    pub note_en: Option<Texte>,
}

/// A parameter: its unit, descriptions and dated value history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parametre {
    pub id: Texte,
    pub unite: Unite,
    pub description_fr: Texte,
    pub description_en: Texte,
    pub valeurs: Vec<ValeurDatee>,
}

impl Parametre {
    /// The value in force on `date`: the last one whose `from` is on or before it.
    pub fn a_la_date(&self, date: NaiveDate) -> Option<&ValeurDatee> {
        self.rang_a_la_date(date).and_then(|i| self.valeurs.get(i))
    }

    /// The index in `Parametre::valeurs` of the value in force on `date`.
    pub fn rang_a_la_date(&self, date: NaiveDate) -> Option<usize> {
        self.valeurs.iter().rposition(|v| v.from <= date)
    }
}

/// Specialty group, for the rules that name groups rather than codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum GroupeSpecialite {
    Generaliste,
    Chirurgie,
    Orl,
    Gynecologie,
    Autre,
}

impl GroupeSpecialite {
    pub fn as_str(self) -> &'static str {
        match self {
            GroupeSpecialite::Generaliste => "generaliste",
            GroupeSpecialite::Chirurgie => "chirurgie",
            GroupeSpecialite::Orl => "orl",
            GroupeSpecialite::Gynecologie => "gynecologie",
            GroupeSpecialite::Autre => "autre",
        }
    }
}

/// A medical specialty of the Assurance Maladie nomenclature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Specialite {
    pub code: Texte,
    pub name: Texte,
    pub name_en: Texte,
    pub group: GroupeSpecialite,
    #[serde(deserialize_with = "interne::liste")]
    pub references: Vec<Texte>,
}

impl Specialite {
    pub fn est_generaliste(&self) -> bool {
        self.group == GroupeSpecialite::Generaliste
    }
}

/// Information worth showing with a result but not computed (assistant qualification, payment
/// timing, …), for the versions listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Notice {
    pub id: Texte,
    pub versions: Vec<Texte>,
    pub grade: Grade,
    #[serde(deserialize_with = "interne::liste")]
    pub references: Vec<Texte>,
    pub text_fr: Texte,
    pub text_en: Texte,
}

/// Where a rule set comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum OrigineRegles {
    /// Shipped in the binary: the offline default.
    #[default]
    Embedded,
    /// A signed bundle installed after the release.
    Update,
}

/// The whole rule set: versions, parameters, specialties and references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    pub origine: OrigineRegles,
    pub schema_version: u32,
    pub bundle_version: u64,
    pub published: NaiveDate,
    pub title: String,
    pub provenance: String,
    pub references: BTreeMap<Texte, Reference>,
    pub versions: Vec<Version>,
    pub specialites: Vec<Specialite>,
    pub notices: Vec<Notice>,
    /// Sorted by id (the order of `RuleSet::parametres`); a string lookup is a binary search.
    parametres: Vec<Parametre>,
    /// For each rank of `ids::TOUS`, the position of that parameter in `parametres`
    /// (`ABSENT` if the document lacks it, which the integrity check refuses): the logic's
    /// reads are an index, not a string lookup.
    positions: Vec<u16>,
    /// For each position in `parametres`, the number of dated values before it: with a value's
    /// index, a number unique to one dated value of the document (the trace's dedupe key).
    valeurs_avant: Vec<u16>,
    /// The rank of each id of `references`, found from a cited text by its address.
    rangs: RangsReferences,
    /// What results cite of each version of `versions`, in its order (set when the rule set
    /// is built: `RuleSet::citations_de_version`, `RuleSet::notices_citees`).
    cite_par_version: Vec<CiteDeVersion>,
    /// The references of each dated value, by `RuleSet::rang_de_valeur`, as results cite them
    /// (`RuleSet::citations_de_valeur`).
    citations_valeurs: Vec<Citations>,
    /// For each version of `versions`, in its order, the value of each known parameter in force
    /// at its start, by the rank of the id in `ids::TOUS` (`RuleSet::en_vigueur`).
    en_vigueur: Vec<Vec<EnVigueur>>,
}

/// Where the value of a parameter in force at a version's start is: the parameter's position,
/// the value's index in its history and its rank (`RuleSet::rang_de_valeur`); `position` is
/// `ABSENT` when the document lacks the parameter or it has no value at that date. Set when the
/// rule set is built, so that a read under one of its versions is an index, not a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EnVigueur {
    pub position: u16,
    pub valeur: u16,
    pub rang: u16,
}

impl EnVigueur {
    const ABSENTE: EnVigueur = EnVigueur {
        position: ABSENT,
        valeur: 0,
        rang: 0,
    };

    pub(crate) fn trouvee(&self) -> Option<(usize, usize, usize)> {
        (self.position != ABSENT).then_some((
            usize::from(self.position),
            usize::from(self.valeur),
            usize::from(self.rang),
        ))
    }
}

/// Position of a known id that the document lacks.
const ABSENT: u16 = u16::MAX;

/// Schema versions this build can read.
pub const SCHEMA_VERSION: u32 = 1;

/// Bounds of a rule document (embedded or a bundle), checked while parsing: 1 MiB (the
/// embedded document is about 70 KB), strings of at most 4 000 characters, lists and objects of
/// at most 1 000 entries (parameters, values, references, specialties, codes), depth 16.
pub const LIMITES_DOCUMENT: crate::json::Limites = crate::json::Limites {
    octets: 1 << 20,
    chaine: 4_000,
    elements: 1_000,
    profondeur: 16,
};

impl RuleSet {
    /// Parses and checks a rule document. Every integrity failure is an error, never a panic.
    pub fn from_json(texte: &str) -> Resultat<RuleSet> {
        // Strict reading first (size, duplicate keys, string and list bounds), then the typed
        // shape from the same text, which refuses unknown fields at every level. (Typing from
        // the text rather than from the checked value keeps one deserializer in the library:
        // 30 KB less than `from_value`.)
        crate::json::lire(texte, LIMITES_DOCUMENT, Some("bundle")).map_err(|e| {
            if e.code == crate::error::CodeErreur::JsonInvalide {
                Erreur {
                    code: crate::error::CodeErreur::ReglesInvalides,
                    ..e
                }
            } else {
                e
            }
        })?;
        RuleSet::typer_et_verifier(texte)
    }

    /// The typed reading and every integrity check (of a document that passed `from_json`'s
    /// strict reading).
    fn typer_et_verifier(texte: &str) -> Resultat<RuleSet> {
        let rules = RuleSet::typer(texte)?;
        integrity::verifier(&rules)?;
        Ok(rules)
    }

    /// The typed shape of a document, unchecked.
    fn typer(texte: &str) -> Resultat<RuleSet> {
        let brut: brut::Document =
            interne::pendant(|| serde_json::from_str(texte)).map_err(|e| Erreur {
            code: crate::error::CodeErreur::ReglesInvalides,
            champ: None,
            message_fr: format!(
                "données de règles invalides : structure du document incorrecte (champ inconnu, manquant ou de mauvais type), ligne {} colonne {} ; détail dans le message anglais",
                e.line(),
                e.column()
            ),
            message_en: format!("invalid rule data: {}", crate::error::citer_long(&e.to_string())),
        })?;
        brut.en_regles()
    }

    /// The embedded document, read from its compiled form (`compact.rs`: the build wrote it
    /// from the same files, so there is no strict pass and no duplicate key to look for), typed
    /// as a JSON document is. Its integrity checks run in debug builds only: the document is a
    /// constant of the library and the tests run every check on these very bytes
    /// (`core/tests/regles.rs`, `le_document_intact_passe`, and every debug build's load), so a
    /// release cold start does not pay for them again.
    fn typer_embarquees(texte: &'static str, vie: Vie) -> Resultat<RuleSet> {
        let (document, parametres) = compact::lire(texte)?;
        let rules = document.assembler(parametres, vie)?;
        if cfg!(debug_assertions) {
            integrity::verifier(&rules)?;
        }
        Ok(rules)
    }

    /// The version governing a contract signed on `date`.
    pub fn version_a(&self, date: NaiveDate, champ: &str) -> Resultat<&Version> {
        if let Some(v) = self.versions.iter().find(|v| v.contient(date)) {
            return Ok(v);
        }
        match self.versions.first() {
            Some(premiere) => Err(Erreur::hors_periode(champ, date, premiere.start)),
            None => Err(Erreur::regles_invalides("aucune version / no version")),
        }
    }

    pub fn version(&self, id: &str) -> Option<&Version> {
        self.versions.iter().find(|v| v.id == id)
    }

    /// A parameter by its id string, known to the logic or not (a binary search: for tools and
    /// tests; the logic reads known ids with `RuleSet::parametre_connu`).
    pub fn parametre(&self, id: &str) -> Resultat<&Parametre> {
        self.position(id)
            .and_then(|i| self.parametres.get(i))
            .ok_or_else(|| manquant(id))
    }

    /// `RuleSet::parametre` with its position (the index of `RuleSet::parametre_a`).
    pub fn chercher(&self, id: &str) -> Resultat<(usize, &Parametre)> {
        self.position(id)
            .and_then(|i| Some((i, self.parametres.get(i)?)))
            .ok_or_else(|| manquant(id))
    }

    /// `RuleSet::parametre_connu` with its position.
    pub fn chercher_connu(&self, id: &ids::ParamId) -> Resultat<(usize, &Parametre)> {
        self.position_connue(id)
            .and_then(|i| Some((i, self.parametres.get(i)?)))
            .ok_or_else(|| manquant(id))
    }

    /// A parameter the logic reads, by its rank: no string is compared.
    pub fn parametre_connu(&self, id: &ids::ParamId) -> Resultat<&Parametre> {
        self.position_connue(id)
            .and_then(|i| self.parametres.get(i))
            .ok_or_else(|| manquant(id))
    }

    /// Where the parameter `id` sits in this rule set (the index of `RuleSet::parametre_a`).
    pub fn position(&self, id: &str) -> Option<usize> {
        self.parametres
            .binary_search_by(|p| p.id.as_str().cmp(id))
            .ok()
    }

    /// `RuleSet::position` of a known id, by its rank.
    pub fn position_connue(&self, id: &ids::ParamId) -> Option<usize> {
        match self.positions.get(id.rang()) {
            Some(&i) if i != ABSENT => Some(usize::from(i)),
            _ => None,
        }
    }

    /// The parameter at `position` (from `RuleSet::position` or a trace).
    pub fn parametre_a(&self, position: usize) -> Option<&Parametre> {
        self.parametres.get(position)
    }

    /// A number unique to the `valeur`-th value of the parameter at `position` in this rule set,
    /// below `RuleSet::nombre_de_valeurs`.
    pub fn rang_de_valeur(&self, position: usize, valeur: usize) -> usize {
        self.valeurs_avant
            .get(position)
            .map_or(usize::MAX, |&n| usize::from(n) + valeur)
    }

    /// The references of the `valeur`-th value of the parameter at `position`, as results cite
    /// them (each id once, in order, as ranks): set when the rule set was built, so that citing
    /// a value looks no id up.
    pub(crate) fn citations_de_valeur(&self, position: usize, valeur: usize) -> &Citations {
        self.citations_par_rang(self.rang_de_valeur(position, valeur))
    }

    /// `citations_de_valeur` of the value of rank `rang` (`RuleSet::rang_de_valeur`).
    pub(crate) fn citations_par_rang(&self, rang: usize) -> &Citations {
        (self.citations_valeurs)
            .get(rang)
            .unwrap_or(Citations::aucune_ref())
    }

    /// The number of dated values of the document.
    pub fn nombre_de_valeurs(&self) -> usize {
        self.parametres.iter().map(|p| p.valeurs.len()).sum()
    }

    /// Every parameter, sorted by id.
    pub fn parametres(&self) -> impl Iterator<Item = &Parametre> {
        self.parametres.iter()
    }

    pub fn specialite(&self, code: &str) -> Resultat<&Specialite> {
        self.specialites
            .iter()
            .find(|s| s.code == code)
            .ok_or_else(|| {
                Erreur::valeur_inconnue_decrite(
                "specialty",
                code,
                "code de spécialité Assurance Maladie à 2 chiffres, voir `assistmed specialties`",
                "2-digit Assurance Maladie specialty code, see `assistmed specialties`",
            )
            })
    }

    /// The notices that apply to contracts under `version`.
    pub fn notices_de(&self, version: &str) -> Vec<&Notice> {
        self.notices
            .iter()
            .filter(|n| n.versions.iter().any(|v| v == version))
            .collect()
    }

    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.references.get(id)
    }

    /// The place of reference `id` among the ids of `RuleSet::references` in `str` order, as
    /// loaded: from the text's address when it is the rule data's own (a few instructions),
    /// by string otherwise.
    #[inline(always)]
    pub(crate) fn rang_de_reference(&self, id: &str) -> Option<usize> {
        self.rangs.rang(id)
    }

    /// The references of version `v` as results cite them (each id once, in order), set when the
    /// rule set was built: `None` for a version that is not one of its own (a copy). A rule set
    /// is not changed once built (results share it through an `Arc`).
    pub(crate) fn citations_de_version(&self, v: &Version) -> Option<&Citations> {
        self.cite_de_version(v).map(|c| &c.references)
    }

    /// The ids of the notices of version `v` (those of `RuleSet::notices_de`, in order) and
    /// their references, each once, as a result cites them: copied from the lists set when the
    /// rule set was built when `v` is one of its own versions, collected otherwise.
    pub(crate) fn notices_citees(&self, v: &Version) -> (Citations, Citations) {
        match self.cite_de_version(v) {
            Some(c) => (c.notices.clone(), c.references_notices.clone()),
            None => {
                let (ids, references) = self.recueillir_notices(v);
                (Citations::from(ids), references)
            }
        }
    }

    /// The values in force at the start of version `v`, by id rank, when `v` is one of the rule
    /// set's own (found by address: a copy is not, and is read by searching its histories).
    pub(crate) fn en_vigueur(&self, v: &Version) -> Option<&[EnVigueur]> {
        self.en_vigueur
            .get(self.rang_de_version(v)?)
            .map(Vec::as_slice)
    }

    /// The place of `v` in `versions` when it is one of them (by address: a copy is not),
    /// from its distance to the first: no scan, and no id compared.
    fn rang_de_version(&self, v: &Version) -> Option<usize> {
        let ecart = (v as *const Version as usize).wrapping_sub(self.versions.as_ptr() as usize);
        let i = ecart / std::mem::size_of::<Version>().max(1);
        self.versions
            .get(i)
            .filter(|x| std::ptr::eq(*x, v))
            .map(|_| i)
    }

    /// What results cite of version `v`, when it is one of the rule set's own (found by
    /// address: a copy is not).
    fn cite_de_version(&self, v: &Version) -> Option<&CiteDeVersion> {
        self.cite_par_version.get(self.rang_de_version(v)?)
    }

    fn recueillir_notices(&self, v: &Version) -> (Vec<Texte>, Citations) {
        let notices = self.notices_de(&v.id);
        let mut cites = Recueil::new(self);
        for n in &notices {
            cites.citer(&n.references);
        }
        let ids = notices.iter().map(|n| n.id.clone()).collect();
        (ids, cites.dans_l_ordre_cite())
    }

    /// The ids of the references in `str` order (rank `i` is the `i`-th), shared with results.
    pub(crate) fn table_des_references(&self) -> &Table {
        &self.rangs.ids
    }
}

/// What results cite of one version of a rule set, set when the rule set is built.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CiteDeVersion {
    /// The version's references.
    references: Citations,
    /// The ids of its notices (`RuleSet::notices_de`, in order), shared with every result (a
    /// copy is a reference count, not a list), and their references.
    notices: Citations,
    references_notices: Citations,
}

/// The reference ids of a rule set with their ranks (their places in `str` order), so that the
/// ids a result cites are sorted as numbers, and found from their texts without reading them:
/// a document's reading shares one text per id between the table and every list that cites it
/// (`interne`), so that a cited id's address is its table entry's.
#[derive(Clone)]
struct RangsReferences {
    /// The ids of the table in `str` order: rank `i` is `ids[i]`. Holding these texts keeps
    /// their addresses theirs: no other string can be found at one of them. Shared with the
    /// results that cite them (`Citations`).
    ids: Table,
    /// Open addressing by address, a power of two at least twice the ids: `adresse` 0 is empty.
    cases: Vec<Case>,
    /// `usize::BITS` less the log2 of `cases.len()`: the top bits of the hash are the slot.
    decalage: u32,
}

#[derive(Clone, Copy, Default)]
struct Case {
    adresse: usize,
    longueur: u32,
    rang: u32,
}

impl RangsReferences {
    fn new(table: &BTreeMap<Texte, Reference>, vie: Vie) -> Self {
        let ids = Table::new(table.keys().cloned().collect(), vie);
        let taille = ids.len().saturating_mul(2).next_power_of_two().max(2);
        let decalage = usize::BITS - taille.trailing_zeros();
        let mut cases = vec![Case::default(); taille];
        for (rang, id) in ids.iter().enumerate() {
            let (Ok(longueur), Ok(rang)) = (u32::try_from(id.len()), u32::try_from(rang)) else {
                continue; // beyond any document's bounds: found by string
            };
            let adresse = id.as_ptr() as usize;
            let mut i = place(adresse, decalage);
            // Fewer ids than slots: a free slot exists.
            while let Some(c) = cases.get_mut(i) {
                if c.adresse == 0 {
                    *c = Case {
                        adresse,
                        longueur,
                        rang,
                    };
                    break;
                }
                i = (i + 1) & (taille - 1);
            }
        }
        RangsReferences {
            ids,
            cases,
            decalage,
        }
    }

    #[inline(always)]
    fn rang(&self, id: &str) -> Option<usize> {
        let adresse = id.as_ptr() as usize;
        let masque = self.cases.len().wrapping_sub(1);
        let mut i = place(adresse, self.decalage);
        while let Some(c) = self.cases.get(i) {
            if c.adresse == adresse && c.longueur as usize == id.len() {
                return Some(c.rang as usize);
            }
            if c.adresse == 0 {
                break;
            }
            i = (i + 1) & masque;
        }
        self.rang_par_chaine(id)
    }

    /// Not the table's own text (a copy made elsewhere, or an unknown id): by string.
    #[cold]
    #[inline(never)]
    fn rang_par_chaine(&self, id: &str) -> Option<usize> {
        self.ids.binary_search_by(|t| t.as_str().cmp(id)).ok()
    }
}

/// The slot of an address: the top bits of a multiplicative hash (Fibonacci hashing).
fn place(adresse: usize, decalage: u32) -> usize {
    (adresse.wrapping_mul(0x9E37_79B9_7F4A_7C15_u64 as usize)) >> decalage
}

/// Derived from the table: equal when the ids are (the addresses are of one load).
impl PartialEq for RangsReferences {
    fn eq(&self, autre: &Self) -> bool {
        *self.ids == *autre.ids
    }
}

impl Eq for RangsReferences {}

impl fmt::Debug for RangsReferences {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RangsReferences({})", self.ids.len())
    }
}

/// One text per reference id for the reading of a whole document: the table's key and every
/// list's citation of an id share it (about 900 citations of 57 ids in the embedded document:
/// as many allocations saved at load), and a cited id's address finds its rank
/// (`RangsReferences`). Outside `pendant` (a type read on its own), each id is its own text.
mod interne {
    use std::cell::RefCell;
    use std::collections::{BTreeMap, HashSet};
    use std::fmt;
    use std::hash::BuildHasherDefault;

    use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
    use serde::Deserialize;

    use super::integrity::Fnv;
    use super::Reference;
    use crate::texte::Texte;

    type Ensemble = HashSet<Texte, BuildHasherDefault<Fnv>>;

    thread_local! {
        static COURANT: RefCell<Option<Ensemble>> = const { RefCell::new(None) };
    }

    /// Runs `f`, the reading of one document, with its own set of ids.
    pub fn pendant<T>(f: impl FnOnce() -> T) -> T {
        let avant = COURANT.with(|c| c.replace(Some(Ensemble::default())));
        let resultat = f();
        COURANT.with(|c| c.replace(avant));
        resultat
    }

    fn texte(s: &str) -> Texte {
        COURANT.with(|c| match c.try_borrow_mut() {
            Ok(mut courant) => match courant.as_mut() {
                Some(ensemble) => match ensemble.get(s) {
                    Some(t) => t.clone(),
                    None => {
                        let t = Texte::partage(s);
                        ensemble.insert(t.clone());
                        t
                    }
                },
                None => Texte::partage(s),
            },
            Err(_) => Texte::partage(s),
        })
    }

    /// A reference id, read as `Texte` is (same errors), shared within a document.
    struct Id(Texte);

    impl<'de> Deserialize<'de> for Id {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl Visitor<'_> for V {
                type Value = Id;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a string")
                }
                fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Id, E> {
                    Ok(Id(texte(s)))
                }
            }
            d.deserialize_str(V)
        }
    }

    /// A list of reference ids (read as `Vec<Texte>` is).
    pub fn liste<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Texte>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Vec<Texte>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Texte>, A::Error> {
                let mut v = Vec::new();
                while let Some(Id(t)) = seq.next_element()? {
                    v.push(t);
                }
                Ok(v)
            }
        }
        d.deserialize_seq(V)
    }

    /// The reference table (read as `BTreeMap<Texte, Reference>` is).
    pub fn table<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<Texte, Reference>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = BTreeMap<Texte, Reference>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                let mut table = BTreeMap::new();
                while let Some((Id(id), r)) = m.next_entry()? {
                    table.insert(id, r);
                }
                Ok(table)
            }
        }
        d.deserialize_map(V)
    }
}

pub(crate) fn manquant(id: &str) -> Erreur {
    Erreur::regles_invalides(format!("paramètre manquant / missing parameter `{id}`"))
}

/// Dates of a rule document, read without chrono's general format parser: a `YYYY-MM-DD` date
/// is built from its digits (every date of the document has that shape; about 5 % of a cold
/// load went to the parser); anything else goes to chrono, for the same value or error.
pub(crate) mod date {
    use chrono::NaiveDate;
    use serde::de::{self, Deserializer, Visitor};
    use serde::Deserialize;

    pub fn lire<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(Visiteur).map(|x| x.0)
    }

    pub fn lire_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<Date>::deserialize(d).map(|x| x.map(|x| x.0))
    }

    pub struct Date(NaiveDate);

    impl<'de> Deserialize<'de> for Date {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
            d.deserialize_str(Visiteur)
        }
    }

    struct Visiteur;

    impl Visitor<'_> for Visiteur {
        type Value = Date;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            // chrono's words, so that an error reads as before
            f.write_str("a formatted date string")
        }

        fn visit_str<E: de::Error>(self, s: &str) -> Result<Date, E> {
            analyser(s).map(Date).map_err(E::custom)
        }
    }

    /// Reads a `YYYY-MM-DD` calendar date, the only form of the rule document (and of the SDK's
    /// dates): by hand, so that chrono's general format parser (15.7 KB of the stripped library) is
    /// never linked. The errors keep chrono's words where it has them (invalid characters, out of
    /// range); any other shape is "not a YYYY-MM-DD date".
    pub fn analyser(s: &str) -> Result<NaiveDate, &'static str> {
        let &[a, b, c, d, b'-', e, f, b'-', g, h] = s.as_bytes() else {
            return Err("input is not a YYYY-MM-DD date");
        };
        let chiffres = [a, b, c, d, e, f, g, h];
        if !chiffres.iter().all(u8::is_ascii_digit) {
            return Err("input contains invalid characters");
        }
        let n = |x: &[u8]| x.iter().fold(0u32, |n, &c| n * 10 + u32::from(c - b'0'));
        let annee = i32::try_from(n(&chiffres[..4])).unwrap_or(i32::MAX);
        NaiveDate::from_ymd_opt(annee, n(&chiffres[4..6]), n(&chiffres[6..]))
            .ok_or("input is out of range")
    }

    /// The `YYYY-MM-DD` text of a date, the one chrono's `Display` gives, from its digits: a
    /// result crosses the FFI with some 25 dates, and chrono's formatting machinery was about
    /// 1 400 instructions a date there (callgrind). `None` for a year outside 0–9999 (no date of
    /// the product's range), which chrono writes in its own form ("+10000-01-01").
    pub fn iso(d: NaiveDate) -> Option<[u8; 10]> {
        use chrono::Datelike;
        let annee = u32::try_from(d.year()).ok().filter(|a| *a <= 9999)?;
        // (each `n % 10` is below 10: the cast keeps it)
        let chiffre = |n: u32| b'0' + (n % 10) as u8;
        let (m, j) = (d.month(), d.day());
        Some([
            chiffre(annee / 1000),
            chiffre(annee / 100),
            chiffre(annee / 10),
            chiffre(annee),
            b'-',
            chiffre(m / 10),
            chiffre(m),
            b'-',
            chiffre(j / 10),
            chiffre(j),
        ])
    }

    /// Serializes a date as chrono does (its `YYYY-MM-DD` text), from `iso`'s digits: for the
    /// results' `#[serde(serialize_with)]` (a JSON result of `simulate --jsonl` holds some 25
    /// dates; chrono's formatting was about 15 % of a line, callgrind).
    pub fn serialiser<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        match iso(*d) {
            // (ASCII digits and dashes: always UTF-8)
            Some(chiffres) => match std::str::from_utf8(&chiffres) {
                Ok(texte) => s.serialize_str(texte),
                Err(_) => s.collect_str(d),
            },
            None => s.collect_str(d),
        }
    }

    /// `serialiser` for an optional date (`null` when absent, as serde writes an `Option`).
    pub fn serialiser_option<S: serde::Serializer>(
        d: &Option<NaiveDate>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        struct Iso(NaiveDate);
        impl serde::Serialize for Iso {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serialiser(&self.0, s)
            }
        }
        match d {
            Some(d) => s.serialize_some(&Iso(*d)),
            None => s.serialize_none(),
        }
    }

    /// A date's `YYYY-MM-DD` text (`iso`), chrono's for any other year.
    #[cfg(feature = "uniffi")]
    pub fn ecrire(d: NaiveDate) -> String {
        match iso(d) {
            // (ASCII digits and dashes)
            Some(chiffres) => chiffres.iter().map(|&c| char::from(c)).collect(),
            None => d.to_string(),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::analyser;

        #[test]
        fn serialise_les_dates_comme_chrono() {
            #[derive(serde::Serialize)]
            struct Dates {
                #[serde(serialize_with = "super::serialiser")]
                d: chrono::NaiveDate,
                #[serde(serialize_with = "super::serialiser_option")]
                o: Option<chrono::NaiveDate>,
            }
            #[derive(serde::Serialize)]
            struct Chrono {
                d: chrono::NaiveDate,
                o: Option<chrono::NaiveDate>,
            }
            let mut dates: Vec<_> = (0..40_000)
                .filter_map(|n| chrono::NaiveDate::from_num_days_from_ce_opt(730_000 + n))
                .collect();
            dates.extend(
                [(0, 1, 1), (9999, 12, 31), (10000, 1, 1), (-44, 3, 15)]
                    .map(|(a, m, j)| chrono::NaiveDate::from_ymd_opt(a, m, j).unwrap()),
            );
            for d in dates {
                for o in [Some(d), None] {
                    assert_eq!(
                        serde_json::to_string(&Dates { d, o }).unwrap(),
                        serde_json::to_string(&Chrono { d, o }).unwrap()
                    );
                }
            }
        }

        #[test]
        #[cfg(feature = "uniffi")]
        fn ecrit_les_dates_comme_chrono() {
            use super::ecrire;
            let mut d = chrono::NaiveDate::from_ymd_opt(1999, 1, 1).unwrap();
            while chrono::Datelike::year(&d) < 2102 {
                assert_eq!(ecrire(d), d.to_string());
                assert_eq!(analyser(&ecrire(d)), Ok(d));
                d = d.succ_opt().unwrap();
            }
            for (a, m, j) in [
                (0, 1, 1),
                (1, 12, 31),
                (9999, 12, 31),
                (10000, 1, 1),
                (-1, 6, 15),
            ] {
                let d = chrono::NaiveDate::from_ymd_opt(a, m, j).unwrap();
                assert_eq!(ecrire(d), d.to_string(), "{a}");
            }
        }

        #[test]
        fn lit_les_dates_comme_chrono() {
            // In the strict form, the same dates as chrono, and the same refusals.
            for s in [
                "2024-01-01",
                "2019-09-01",
                "2099-12-31",
                "0001-01-01",
                "2024-02-29",
                "2023-02-29",
                "2024-13-01",
                "2024-00-10",
                "2024-01-32",
            ] {
                let chrono: Option<chrono::NaiveDate> = s.parse().ok();
                assert_eq!(analyser(s).ok(), chrono, "{s}");
            }
            // Anything else is refused, including forms chrono takes ("+2024-01-01").
            for s in [
                "2024-1-01",
                "+2024-01-01",
                "2024-01-01 ",
                "2024/01/01",
                "",
                "９９９９-01-01",
                "2024-01-0a",
            ] {
                assert!(analyser(s).is_err(), "{s}");
            }
        }
    }
}

/// The JSON shape of the rule document, before typing and checks.
mod brut {
    use super::*;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Document {
        pub(super) schema_version: u32,
        pub(super) bundle_version: u64,
        #[serde(deserialize_with = "super::date::lire")]
        pub(super) published: NaiveDate,
        pub(super) title: String,
        pub(super) provenance: String,
        #[serde(deserialize_with = "super::interne::table")]
        pub(super) references: BTreeMap<Texte, Reference>,
        pub(super) versions: Vec<Version>,
        pub(super) specialties: Vec<Specialite>,
        pub(super) parameters: Vec<Parametre>,
        #[serde(default)]
        pub(super) notices: Vec<Notice>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Parametre {
        pub(super) id: Texte,
        pub(super) unit: Unite,
        pub(super) description_fr: Texte,
        pub(super) description_en: Texte,
        pub(super) values: Vec<Valeur>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Valeur {
        #[serde(deserialize_with = "super::date::lire")]
        pub(super) from: NaiveDate,
        pub(super) value: serde_json::Value,
        pub(super) grade: Grade,
        #[serde(default)]
        pub(super) not_applicable: bool,
        #[serde(default, deserialize_with = "super::interne::liste")]
        pub(super) references: Vec<Texte>,
        #[serde(default)]
        pub(super) article: Option<Texte>,
        #[serde(default)]
        pub(super) note: Option<Texte>,
        #[serde(default)]
        pub(super) note_en: Option<Texte>,
    }

    impl Document {
        pub fn en_regles(mut self) -> Resultat<RuleSet> {
            let bruts = std::mem::take(&mut self.parameters);
            let mut parametres = Vec::with_capacity(bruts.len());
            for p in bruts {
                let valeurs = p
                    .values
                    .into_iter()
                    .map(|v| v.typer(&p.id, p.unit))
                    .collect::<Resultat<Vec<_>>>()?;
                parametres.push(super::Parametre {
                    id: p.id,
                    unite: p.unit,
                    description_fr: p.description_fr,
                    description_en: p.description_en,
                    valeurs,
                });
            }
            // A document read from JSON: a bundle's, or the embedded one read again.
            self.assembler(parametres, Vie::Partagee)
        }

        /// The rule set of this document's header, tables and lists, with its parameters
        /// typed (`self.parameters` is not read: the compiled reading types each value as it
        /// reads it, `compact.rs`).
        pub(super) fn assembler(
            self,
            mut parametres: Vec<super::Parametre>,
            vie: Vie,
        ) -> Resultat<RuleSet> {
            if self.schema_version != SCHEMA_VERSION {
                return Err(Erreur::regles_invalides(format!(
                    "schema_version {} non pris en charge (attendu {SCHEMA_VERSION}) / unsupported schema_version {} (expected {SCHEMA_VERSION})",
                    self.schema_version, self.schema_version
                )));
            }
            // The documents are written sorted by id (build.rs, `bundle export`): this sort is a
            // single pass then. Any sort puts a duplicate's copies side by side, where the check
            // below refuses them; the unstable one is the smaller code.
            parametres.sort_unstable_by(|a, b| a.id.cmp(&b.id));
            if let Some(double) = parametres.windows(2).find_map(|w| match w {
                [a, b] if a.id == b.id => Some(&a.id),
                _ => None,
            }) {
                return Err(Erreur::regles_invalides(format!(
                    "paramètre en double / duplicate parameter `{double}`"
                )));
            }
            let trop = || {
                Erreur::regles_invalides(
                    "trop de valeurs de paramètres / too many parameter values",
                )
            };
            let mut valeurs_avant = Vec::with_capacity(parametres.len());
            let mut n: u16 = 0;
            for p in &parametres {
                valeurs_avant.push(n);
                n = u16::try_from(p.valeurs.len())
                    .ok()
                    .and_then(|k| n.checked_add(k))
                    .filter(|&t| t < ABSENT)
                    .ok_or_else(trop)?;
            }
            let positions = ids::TOUS
                .iter()
                .map(|id| {
                    parametres
                        .binary_search_by(|p| p.id.as_str().cmp(id.id()))
                        .ok()
                        .and_then(|i| u16::try_from(i).ok())
                        .unwrap_or(ABSENT)
                })
                .collect();
            let mut rules = RuleSet {
                origine: OrigineRegles::Embedded,
                schema_version: self.schema_version,
                bundle_version: self.bundle_version,
                published: self.published,
                title: self.title,
                provenance: self.provenance,
                versions: self.versions,
                specialites: self.specialties,
                notices: self.notices,
                rangs: RangsReferences::new(&self.references, vie),
                cite_par_version: Vec::new(),
                citations_valeurs: Vec::new(),
                en_vigueur: Vec::new(),
                references: self.references,
                parametres,
                positions,
                valeurs_avant,
            };
            rules.en_vigueur = (rules.versions.iter())
                .map(|v| {
                    (rules.positions.iter())
                        .map(|&position| {
                            (rules.parametres.get(usize::from(position)))
                                .and_then(|p| p.rang_a_la_date(v.start))
                                .and_then(|i| {
                                    let rang = rules.rang_de_valeur(usize::from(position), i);
                                    Some(EnVigueur {
                                        position,
                                        valeur: u16::try_from(i).ok()?,
                                        rang: u16::try_from(rang).ok()?,
                                    })
                                })
                                .unwrap_or(EnVigueur::ABSENTE)
                        })
                        .collect()
                })
                .collect();
            // Each value's citations, now that the table of references exists.
            rules.citations_valeurs = (rules.parametres.iter())
                .flat_map(|p| &p.valeurs)
                .map(|v| Citations::de_la_liste(&rules, &v.references))
                .collect();
            rules.cite_par_version = (rules.versions.iter())
                .map(|v| {
                    let (notices, references_notices) = rules.recueillir_notices(v);
                    CiteDeVersion {
                        references: Citations::de_la_liste(&rules, &v.references),
                        notices: Citations::partagees(notices),
                        references_notices,
                    }
                })
                .collect();
            Ok(rules)
        }
    }

    impl Valeur {
        pub(super) fn typer(self, id: &str, unite: Unite) -> Resultat<ValeurDatee> {
            use serde_json::Value as J;
            let erreur = |attendu: &str| {
                Erreur::regles_invalides(format!(
                    "`{id}` au {} : valeur {} incompatible avec l'unité (attendu {attendu}) / value incompatible with unit",
                    self.from, crate::error::citer(&self.value.to_string())
                ))
            };
            let valeur = match (&self.value, unite) {
                (J::Null, _) if self.not_applicable => super::Valeur::SansObjet,
                (J::Null, _) if self.grade == Grade::Gap => super::Valeur::Inconnue,
                (J::Null, _) => return Err(erreur("une valeur, ou grade GAP, ou not_applicable")),
                (_, _) if self.grade == Grade::Gap || self.not_applicable => {
                    return Err(erreur("null pour une valeur GAP ou sans objet"))
                }
                (J::String(s), Unite::Eur) => super::Valeur::Montant(
                    crate::money::lire_decimal(id, s, crate::money::DECIMALES_MONTANT, false)
                        .map_err(|_| erreur("montant décimal, au plus 2 décimales"))?,
                ),
                (J::String(s), Unite::Ratio) => super::Valeur::Taux(
                    crate::money::lire_decimal(id, s, crate::money::DECIMALES_TAUX, false)
                        .map_err(|_| erreur("taux décimal, au plus 6 décimales"))?,
                ),
                (J::Number(n), Unite::Patients | Unite::Years) => super::Valeur::Nombre(
                    n.as_u64()
                        .and_then(|n| u32::try_from(n).ok())
                        .ok_or_else(|| erreur("entier positif"))?,
                ),
                (J::Bool(b), Unite::Bool) => super::Valeur::Booleen(*b),
                (J::Array(a), Unite::Codes) => super::Valeur::Codes(
                    a.iter()
                        .map(|c| {
                            c.as_str()
                                .map(str::to_owned)
                                .ok_or_else(|| erreur("liste de codes"))
                        })
                        .collect::<Resultat<_>>()?,
                ),
                (J::String(s), Unite::Rounding) => super::Valeur::Texte(s.clone()),
                (J::String(s), Unite::Hours | Unite::Number) => {
                    super::Valeur::Quantite(s.parse().map_err(|_| erreur("nombre décimal"))?)
                }
                _ => return Err(erreur("le type de l'unité")),
            };
            Ok(ValeurDatee {
                from: self.from,
                valeur,
                grade: self.grade,
                references: self.references,
                article: self.article,
                note: self.note,
                note_en: self.note_en,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    /// Every text of a rule set that a result may copy.
    fn textes(r: &RuleSet) -> Vec<Texte> {
        let mut v: Vec<Texte> = r.references.keys().cloned().collect();
        for x in &r.versions {
            v.extend([x.id.clone(), x.title_fr.clone(), x.title_en.clone()]);
            v.extend(x.references.iter().cloned());
        }
        for s in &r.specialites {
            v.extend([s.name.clone(), s.name_en.clone()]);
            v.extend(s.references.iter().cloned());
        }
        for n in &r.notices {
            v.push(n.id.clone());
            v.extend(n.references.iter().cloned());
        }
        for p in r.parametres() {
            v.extend([
                p.id.clone(),
                p.description_fr.clone(),
                p.description_en.clone(),
            ]);
            for x in &p.valeurs {
                v.extend(x.references.iter().cloned());
                v.extend(x.note.iter().chain(&x.note_en).cloned());
            }
        }
        v
    }

    #[test]
    fn lecture_compacte_egale_lecture_json() {
        // The compiled form against the JSON document of the same files, read as a signed
        // update is (strict pass, typing, every integrity check).
        let json = RuleSet::from_json(regles_embarquees_json().unwrap()).unwrap();
        let compacte = charger_embarquees().unwrap();
        assert_eq!(compacte, json, "the same rules from both forms");
        assert_eq!(*embarquees().unwrap(), json);
        let (a, b) = (textes(&compacte), textes(&json));
        assert!(a.len() > 1500, "{}", a.len());
        assert_eq!(a, b);
        // The compiled form's texts borrow the process's static text; a JSON document's are
        // shared copies.
        assert!(a.iter().all(Texte::est_statique));
        assert!(b.iter().all(|t| !t.est_statique()));
        // A cited id is the table's own text (its rank is found from its address).
        let table: Vec<*const u8> = compacte.references.keys().map(|k| k.as_ptr()).collect();
        for v in &compacte.versions {
            assert!(v.references.iter().all(|id| table.contains(&id.as_ptr())));
        }
        let valeurs = compacte.parametres().flat_map(|p| &p.valeurs);
        assert!(valeurs
            .flat_map(|x| &x.references)
            .all(|id| table.contains(&id.as_ptr())));
    }

    #[test]
    fn un_texte_compact_tronque_ou_altere_est_refuse_sans_panique() {
        let texte: &'static str = TEXTE_COMPACT.as_ref().unwrap();
        assert!(compact::lire(texte).is_ok());
        // Cut anywhere (a prime step, and the last bytes one by one): a typed error.
        let coupes = (0..texte.len())
            .step_by(97)
            .chain(texte.len() - 64..texte.len());
        for n in coupes {
            let Some(debut) = texte.get(..n) else {
                continue;
            };
            let e = compact::lire(debut).map(|_| ()).unwrap_err();
            assert_eq!(
                e.code,
                crate::error::CodeErreur::ReglesInvalides,
                "cut at {n}"
            );
        }
        // A changed marker or count: an error or a document, never a panic (each altered copy
        // is leaked, as the reader wants a static text: about 300 of 95 KB).
        let octets = texte.as_bytes();
        for i in (0..octets.len()).step_by(997) {
            if !octets[i].is_ascii() {
                continue;
            }
            for remplace in [b'9', b'[', b'x'] {
                let mut v = octets.to_vec();
                v[i] = remplace;
                let altere: &'static str =
                    Box::leak(String::from_utf8(v).unwrap().into_boxed_str());
                let _ = compact::lire(altere).and_then(|(d, p)| d.assembler(p, Vie::Partagee));
            }
        }
    }

    /// The embedded document as JSON, changed by `f`, then loaded.
    fn charger_modifie(f: impl FnOnce(&mut Vec<serde_json::Value>)) -> Resultat<RuleSet> {
        let mut doc: serde_json::Value =
            serde_json::from_str(regles_embarquees_json().unwrap()).unwrap();
        f(doc["parameters"].as_array_mut().unwrap());
        RuleSet::from_json(&doc.to_string())
    }

    #[test]
    fn chaque_rang_connu_mene_a_son_parametre() {
        let r = embarquees().unwrap();
        for id in ids::TOUS {
            assert_eq!(r.parametre_connu(id).unwrap().id, id.id());
            assert_eq!(r.position_connue(id), r.position(id));
        }
        let tries: Vec<&str> = r.parametres().map(|p| p.id.as_str()).collect();
        assert!(tries.windows(2).all(|w| w[0] < w[1]), "sorted by id");
        assert_eq!(
            r.nombre_de_valeurs(),
            r.parametres().map(|p| p.valeurs.len()).sum::<usize>()
        );
    }

    #[test]
    fn un_parametre_inconnu_du_code_se_charge_et_se_lit_par_son_nom() {
        let r = charger_modifie(|ps| {
            let mut p = ps[0].clone();
            p["id"] = "aaa.parametre_ajoute".into();
            ps.push(p);
        })
        .unwrap();
        assert_eq!(r.parametres().count(), ids::TOUS.len() + 1);
        assert_eq!(
            r.parametre("aaa.parametre_ajoute").unwrap().id,
            "aaa.parametre_ajoute"
        );
        // The known ids still find their own parameter: positions shifted by one.
        for id in ids::TOUS {
            assert_eq!(r.parametre_connu(id).unwrap().id, id.id());
        }
    }

    #[test]
    fn un_parametre_en_double_ou_manquant_est_refuse() {
        let e = charger_modifie(|ps| {
            let p = ps[3].clone();
            ps.push(p);
        })
        .unwrap_err();
        assert!(
            e.message_fr.contains("paramètre en double"),
            "{}",
            e.message_fr
        );
        let e = charger_modifie(|ps| {
            ps.retain(|p| p["id"] != ids::SECTEURS.id());
        })
        .unwrap_err();
        assert!(
            e.message_fr
                .contains(&format!("missing parameter `{}`", ids::SECTEURS)),
            "{}",
            e.message_fr
        );
    }
}
