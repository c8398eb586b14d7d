//! Assembles the rule document from its source files and embeds it deflated, twice: as JSON and
//! compiled.
//!
//! Maintainers edit one file per parameter, OpenFisca style (`rules/parametres/<id>.json`: unit,
//! descriptions and the dated value history, each value with grade and references), so that each
//! value has its own `git log` and a correction is a two-line diff. Versions, references,
//! specialties and notices have a file each; `rules/bundle.json` holds the document header
//! (schema, bundle version, publication date). The build puts them together into the one bundle
//! format that signed updates also use (minified JSON: 124 KB, 19.6 KB deflated, for the tools
//! that export it), and into its compiled form (`compact` below: 95 KB, 19.7 KB deflated), which
//! the rule set is read from at a cold start in half the time. A malformed file, a file whose
//! name is not its parameter id, or a field the compiled form does not know fails the build
//! here rather than at run time; every other check runs on load (`src/rules/integrity.rs`).

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

const DOSSIER: &str = "rules";

fn lire(chemin: &Path) -> Value {
    let texte = fs::read_to_string(chemin).unwrap_or_else(|e| panic!("{}: {e}", chemin.display()));
    serde_json::from_str(&texte)
        .unwrap_or_else(|e| panic!("{}: invalid JSON: {e}", chemin.display()))
}

/// The parameters, one per file, in file-name order (stable across machines).
fn parametres(dossier: &Path) -> Vec<Value> {
    let mut fichiers: Vec<PathBuf> = fs::read_dir(dossier)
        .unwrap_or_else(|e| panic!("{}: {e}", dossier.display()))
        .map(|entree| {
            entree
                .unwrap_or_else(|e| panic!("{}: {e}", dossier.display()))
                .path()
        })
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    fichiers.sort();
    fichiers
        .iter()
        .map(|chemin| {
            let parametre = lire(chemin);
            let id = parametre.get("id").and_then(Value::as_str);
            let nom = chemin.file_stem().and_then(|s| s.to_str());
            if id.is_none() || id != nom {
                panic!(
                    "{}: the file must be named after its parameter id (found id {id:?})",
                    chemin.display()
                );
            }
            parametre
        })
        .collect()
}

/// The rule document in the bundle format (`schema_version`, …, `parameters`).
fn assembler(racine: &Path) -> Value {
    let Value::Object(mut document) = lire(&racine.join("bundle.json")) else {
        panic!("{DOSSIER}/bundle.json: expected an object");
    };
    let parties = [
        ("references", "references.json"),
        ("versions", "versions.json"),
        ("specialties", "specialites.json"),
        ("notices", "notices.json"),
    ];
    for (cle, fichier) in parties {
        if document
            .insert(cle.to_owned(), lire(&racine.join(fichier)))
            .is_some()
        {
            panic!("{DOSSIER}/bundle.json: `{cle}` belongs in {DOSSIER}/{fichier}");
        }
    }
    // File names are unique and each is its parameter's id: ids cannot repeat.
    let parametres = parametres(&racine.join("parametres"));
    document.insert("parameters".to_owned(), Value::Array(parametres));
    Value::Object(document)
}

/// The compiled form of the document that a process reads at its start (`src/rules/compact.rs`
/// reads it back; the format is described there): the same fields in a fixed order, each
/// string after its length, so that reading it never scans a string for its end, and a cited
/// reference as its rank in the table. Every field of the document must be known here: a field
/// added to the rule files and not to both sides fails the build.
mod compact {
    use std::collections::BTreeMap;
    use std::fmt::Write;

    use serde_json::{Map, Value};

    pub struct Ecrit {
        pub texte: String,
        /// Rank of each reference id in the table (its place in `str` order).
        rangs: BTreeMap<String, usize>,
    }

    fn objet<'a>(ou: &str, v: &'a Value, champs: &[&str]) -> &'a Map<String, Value> {
        let Value::Object(m) = v else {
            panic!("{ou}: expected an object");
        };
        if let Some(inconnu) = m.keys().find(|k| !champs.contains(&k.as_str())) {
            panic!("{ou}: field `{inconnu}` is unknown to the compiled form (build.rs, src/rules/compact.rs)");
        }
        m
    }

    fn exige<'a>(ou: &str, m: &'a Map<String, Value>, champ: &str) -> &'a Value {
        m.get(champ)
            .unwrap_or_else(|| panic!("{ou}: missing field `{champ}`"))
    }

    /// An absent field and `null` alike: what serde gives an `Option` field.
    fn present<'a>(m: &'a Map<String, Value>, champ: &str) -> Option<&'a Value> {
        m.get(champ).filter(|v| !v.is_null())
    }

    fn chaine<'a>(ou: &str, v: &'a Value) -> &'a str {
        v.as_str()
            .unwrap_or_else(|| panic!("{ou}: expected a string"))
    }

    fn tableau<'a>(ou: &str, v: &'a Value) -> &'a [Value] {
        v.as_array()
            .map(Vec::as_slice)
            .unwrap_or_else(|| panic!("{ou}: expected an array"))
    }

    impl Ecrit {
        fn texte(&mut self, s: &str) {
            assert!(
                s.len() < 1_000_000_000,
                "the compiled form holds strings below 10^9 bytes"
            );
            let _ = write!(self.texte, "{}:{s}", s.len());
        }

        /// A number of at most nine digits, as the reader takes them.
        fn entier(&mut self, n: u64) {
            assert!(
                n < 1_000_000_000,
                "{n}: the compiled form holds numbers below 10^9"
            );
            let _ = write!(self.texte, "{n};");
        }

        fn booleen(&mut self, b: bool) {
            self.texte.push(if b { 'T' } else { 'F' });
        }

        fn compte(&mut self, n: usize) {
            assert!(
                n < 1_000_000_000,
                "{n}: the compiled form holds lists below 10^9 items"
            );
            let _ = write!(self.texte, "{n}[");
        }

        /// A `YYYY-MM-DD` date (the only form the JSON reading takes) as its day number from
        /// 1 January of year 1 (day 1).
        fn date(&mut self, ou: &str, s: &str) {
            let forme = s.len() == 10
                && s.bytes().enumerate().all(|(i, c)| match i {
                    4 | 7 => c == b'-',
                    _ => c.is_ascii_digit(),
                });
            let jour = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .filter(|_| forme)
                .map(|d| chrono::Datelike::num_days_from_ce(&d))
                .and_then(|n| u64::try_from(n).ok())
                .unwrap_or_else(|| panic!("{ou}: `{s}` is not a YYYY-MM-DD date from year 1"));
            self.entier(jour);
        }

        fn champ_date(&mut self, ou: &str, m: &Map<String, Value>, champ: &str) {
            let ou = format!("{ou}.{champ}");
            self.date(&ou, chaine(&ou, exige(&ou, m, champ)));
        }

        fn champ_texte(&mut self, ou: &str, m: &Map<String, Value>, champ: &str) {
            self.texte(chaine(&format!("{ou}.{champ}"), exige(ou, m, champ)));
        }

        /// An optional string field: `-` when absent, else `+` and what `ecrire` writes of
        /// the string (with the field's place, for its messages).
        fn champ_facultatif(
            &mut self,
            ou: &str,
            m: &Map<String, Value>,
            champ: &str,
            ecrire: impl FnOnce(&mut Self, &str, &str),
        ) {
            match present(m, champ) {
                None => self.texte.push('-'),
                Some(v) => {
                    self.texte.push('+');
                    let ou = format!("{ou}.{champ}");
                    ecrire(self, &ou, chaine(&ou, v));
                }
            }
        }

        fn champ_option(&mut self, ou: &str, m: &Map<String, Value>, champ: &str) {
            self.champ_facultatif(ou, m, champ, |e, _, s| e.texte(s));
        }

        fn champ_booleen(
            &mut self,
            ou: &str,
            m: &Map<String, Value>,
            champ: &str,
            defaut: Option<bool>,
        ) {
            let b = match (m.get(champ), defaut) {
                (None, Some(d)) => d,
                (v, _) => exige(ou, m, champ)
                    .as_bool()
                    .unwrap_or_else(|| panic!("{ou}.{champ}: expected a boolean {v:?}")),
            };
            self.booleen(b);
        }

        /// A list of reference ids, as their ranks.
        fn ids(&mut self, ou: &str, m: &Map<String, Value>, champ: &str, requis: bool) {
            let ids = match m.get(champ) {
                None if !requis => &[][..],
                _ => tableau(&format!("{ou}.{champ}"), exige(ou, m, champ)),
            };
            self.compte(ids.len());
            for id in ids {
                let id = chaine(&format!("{ou}.{champ}"), id);
                let rang = *self
                    .rangs
                    .get(id)
                    .unwrap_or_else(|| panic!("{ou}.{champ}: `{id}` is not in references.json"));
                self.entier(rang as u64);
            }
        }

        fn liste(
            &mut self,
            ou: &str,
            v: Option<&Value>,
            mut f: impl FnMut(&mut Self, &str, &Value),
        ) {
            let elements = v.map_or(&[][..], |v| tableau(ou, v));
            self.compte(elements.len());
            for (i, e) in elements.iter().enumerate() {
                f(self, &format!("{ou}[{i}]"), e);
            }
        }

        /// A value of any JSON type but a float or an object: `n`, `T`/`F`, `i` + integer,
        /// `s` + string, `l` + list.
        fn valeur(&mut self, ou: &str, v: &Value) {
            match v {
                Value::Null => self.texte.push('n'),
                Value::Bool(b) => self.booleen(*b),
                Value::Number(n) => {
                    let n = n
                        .as_u64()
                        .unwrap_or_else(|| panic!("{ou}: {n} is not a natural number"));
                    self.texte.push('i');
                    self.entier(n);
                }
                Value::String(s) => {
                    self.texte.push('s');
                    self.texte(s);
                }
                Value::Array(a) => {
                    self.texte.push('l');
                    self.compte(a.len());
                    for x in a {
                        self.valeur(ou, x);
                    }
                }
                Value::Object(_) => panic!("{ou}: an object is not a parameter value"),
            }
        }
    }

    /// The document in its compiled form, in the order `src/rules/compact.rs` reads it.
    pub fn ecrire(document: &Value) -> String {
        let d = objet(
            "document",
            document,
            &[
                "schema_version",
                "bundle_version",
                "published",
                "title",
                "provenance",
                "references",
                "versions",
                "specialties",
                "parameters",
                "notices",
            ],
        );
        let Value::Object(references) = exige("document", d, "references") else {
            panic!("references.json: expected an object");
        };
        // A rank is a place in the table as written here; the reader numbers it the same way.
        let rangs = references
            .keys()
            .enumerate()
            .map(|(i, id)| (id.clone(), i))
            .collect();
        let mut e = Ecrit {
            texte: String::new(),
            rangs,
        };
        for champ in ["schema_version", "bundle_version"] {
            let n = exige("document", d, champ).as_u64();
            e.entier(n.unwrap_or_else(|| panic!("document.{champ}: expected a natural number")));
        }
        e.champ_date("document", d, "published");
        for champ in ["title", "provenance"] {
            e.champ_texte("document", d, champ);
        }
        e.compte(references.len());
        for (id, r) in references {
            let ou = format!("references.{id}");
            let r = objet(&ou, r, &["title", "article", "url", "date", "kind"]);
            e.texte(id);
            e.champ_texte(&ou, r, "title");
            e.champ_option(&ou, r, "article");
            for champ in ["url", "date", "kind"] {
                e.champ_texte(&ou, r, champ);
            }
        }
        e.liste(
            "versions",
            Some(exige("document", d, "versions")),
            |e, ou, v| {
                let v = objet(
                    ou,
                    v,
                    &[
                        "id",
                        "title_fr",
                        "title_en",
                        "start",
                        "end_exclusive",
                        "references",
                        "grade",
                        "revalues_running_contracts",
                        "note",
                    ],
                );
                for champ in ["id", "title_fr", "title_en"] {
                    e.champ_texte(ou, v, champ);
                }
                e.champ_date(ou, v, "start");
                e.champ_facultatif(ou, v, "end_exclusive", |e, ou, s| e.date(ou, s));
                e.ids(ou, v, "references", true);
                e.champ_texte(ou, v, "grade");
                e.champ_booleen(ou, v, "revalues_running_contracts", None);
                e.texte(
                    v.get("note")
                        .map_or("", |n| chaine(&format!("{ou}.note"), n)),
                );
            },
        );
        e.liste(
            "specialties",
            Some(exige("document", d, "specialties")),
            |e, ou, s| {
                let s = objet(ou, s, &["code", "name", "name_en", "group", "references"]);
                for champ in ["code", "name", "name_en", "group"] {
                    e.champ_texte(ou, s, champ);
                }
                e.ids(ou, s, "references", true);
            },
        );
        e.liste(
            "parameters",
            Some(exige("document", d, "parameters")),
            |e, ou, p| {
                let p = objet(
                    ou,
                    p,
                    &["id", "unit", "description_fr", "description_en", "values"],
                );
                for champ in ["id", "unit", "description_fr", "description_en"] {
                    e.champ_texte(ou, p, champ);
                }
                e.liste(
                    &format!("{ou}.values"),
                    Some(exige(ou, p, "values")),
                    |e, ou, v| {
                        let v = objet(
                            ou,
                            v,
                            &[
                                "from",
                                "value",
                                "grade",
                                "not_applicable",
                                "references",
                                "article",
                                "note",
                                "note_en",
                            ],
                        );
                        e.champ_date(ou, v, "from");
                        e.valeur(&format!("{ou}.value"), exige(ou, v, "value"));
                        e.champ_texte(ou, v, "grade");
                        e.champ_booleen(ou, v, "not_applicable", Some(false));
                        e.ids(ou, v, "references", false);
                        for champ in ["article", "note", "note_en"] {
                            e.champ_option(ou, v, champ);
                        }
                    },
                );
            },
        );
        e.liste("notices", d.get("notices"), |e, ou, n| {
            let n = objet(
                ou,
                n,
                &[
                    "id",
                    "versions",
                    "grade",
                    "references",
                    "text_fr",
                    "text_en",
                ],
            );
            e.champ_texte(ou, n, "id");
            e.liste(
                &format!("{ou}.versions"),
                Some(exige(ou, n, "versions")),
                |e, ou, v| {
                    e.texte(chaine(ou, v));
                },
            );
            e.champ_texte(ou, n, "grade");
            e.ids(ou, n, "references", true);
            for champ in ["text_fr", "text_en"] {
                e.champ_texte(ou, n, champ);
            }
        });
        e.texte
    }
}

/// Writes `octets` deflated into `nom`, and returns the Rust constant of their inflated size.
fn ecrire_deflate(nom: &str, octets: &[u8], constante: &str) -> String {
    let comprime = miniz_oxide::deflate::compress_to_vec(octets, 10);
    fs::write(sortie(nom), comprime).unwrap_or_else(|e| panic!("{nom}: {e}"));
    format!("const {constante}: usize = {};\n", octets.len())
}

fn sortie(nom: &str) -> PathBuf {
    PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"))).join(nom)
}

fn main() {
    println!("cargo:rerun-if-changed={DOSSIER}");
    let document = assembler(Path::new(DOSSIER));
    // The document as JSON, for the tools that export it (`assistmed bundle`), and compiled, for
    // the rule set itself; their sizes, so that each is inflated into a buffer of its size.
    let json = serde_json::to_string(&document).unwrap_or_else(|e| panic!("{DOSSIER}: {e}"));
    let tailles = ecrire_deflate("regles.min.json.deflate", json.as_bytes(), "TAILLE_JSON")
        + &ecrire_deflate(
            "regles.compact.deflate",
            compact::ecrire(&document).as_bytes(),
            "TAILLE_COMPACTE",
        );
    fs::write(sortie("tailles.rs"), tailles).unwrap_or_else(|e| panic!("tailles.rs: {e}"));
}
