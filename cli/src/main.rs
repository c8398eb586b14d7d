//! `assistmed`: the simulator on the command line. Parses arguments, calls the core, formats.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod bundle;
mod economie;
mod lot;
mod rendu;
mod suivi;

use std::io::{Read, Write};
use std::process::ExitCode;

use assistmed_core::situation::{lire_booleen, lire_date, lire_entier, SaisieContrat};
use assistmed_core::{CodeErreur, Erreur, Formule, Langue, RuleSet, Saisie};
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Simulateur hors ligne de l'aide à l'emploi d'un assistant médical (Assurance Maladie).
/// Offline simulator of the French medical-assistant employment aid.
#[derive(Parser, Debug)]
#[command(name = "assistmed", version, about, long_about = None, after_help = EXEMPLES)]
struct Cli {
    #[command(subcommand)]
    commande: Commande,
}

const EXEMPLES: &str = "Exemples / examples:
  assistmed simulate --signature-date 2025-01-15 --specialty 01 --sector secteur_1 --patientele-mt 1200
  echo '{\"signature_date\":\"2023-09-01\",\"specialty\":\"01\",\"sector\":\"secteur_1\",\"patientele_mt\":1100,\"percentile_band\":\"p50_p70\"}' | assistmed simulate --input - --json
  assistmed timeline --option demi --start 2023-09-01 --specialty 01 --sector secteur_1 --percentile-band p50_p70
  assistmed track --signature-date 2024-09-01 --specialty 01 --sector secteur_1 --option plein --start 2024-09-01 --baseline-pmt 1300 --target-pmt 1560 --current-pmt 1450 --on 2026-12-01
  assistmed specialties --json
  assistmed rules";

#[derive(Subcommand, Debug)]
enum Commande {
    /// Évalue une situation : éligibilité, formules × années, objectif, motifs, références.
    /// Assess a situation: eligibility, options × years, objective, reasons, references.
    Simulate {
        /// Lot : une situation JSON par ligne (--input FICHIER, ou l'entrée standard), une réponse
        /// JSON par ligne, dans l'ordre ; les drapeaux de situation s'appliquent à chaque ligne.
        /// Batch: one JSON situation per line (--input FILE, or standard input), one JSON answer
        /// per line, in order; situation flags apply to every line.
        #[arg(long)]
        jsonl: bool,
        #[command(flatten)]
        situation: SituationArgs,
        #[command(flatten)]
        sortie: Sortie,
    },
    /// Échéancier d'un contrat : années, dates, version appliquée, montant.
    /// Contract timeline: years, dates, version applied, amount.
    Timeline {
        /// Formule du contrat : tiers, demi ou plein / contract option.
        #[arg(long, value_name = "tiers|demi|plein")]
        option: String,
        /// Début du contrat (AAAA-MM-JJ) ; par défaut la date de signature. Contract start.
        #[arg(long)]
        start: Option<String>,
        #[command(flatten)]
        situation: SituationArgs,
        #[command(flatten)]
        sortie: Sortie,
    },
    /// Coût employeur, solde aide − coût et point mort en patients / employer cost, net, break-even.
    Economics(Box<economie::Economics>),
    /// Liste les spécialités (codes Assurance Maladie) / list specialties.
    Specialties {
        #[command(flatten)]
        sortie: Sortie,
    },
    /// Liste les versions des règles et leurs dates / list rule versions and their dates.
    Rules {
        #[command(flatten)]
        sortie: Sortie,
    },
    /// Suivi d'un contrat en cours : année, progression, objectif atteint ou non, aide dès la 3e année.
    /// Follow a running contract: year, progress, objective met or not, aid from year 3.
    Track(suivi::TrackArgs),
    /// Outils des mainteneurs de règles : signer, vérifier, comparer des bundles.
    /// Rule maintainers' tools: sign, verify, compare rule bundles.
    #[command(subcommand)]
    Bundle(bundle::Commande),
}

#[derive(Args, Debug, Clone)]
struct Sortie {
    /// Sortie JSON / JSON output.
    #[arg(long)]
    json: bool,
    /// Langue des messages / message language.
    #[arg(long, value_enum, default_value_t = LangueArg::Fr)]
    lang: LangueArg,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum LangueArg {
    Fr,
    En,
}

/// The situation, as flags; `--input` reads the same fields as JSON (flags override them).
#[derive(Args, Debug, Clone, Default)]
struct SituationArgs {
    /// Situation en JSON (fichier, ou - pour l'entrée standard ; au plus 64 Kio) / situation as JSON (file or - for stdin; at most 64 KiB).
    #[arg(long, value_name = "FICHIER|-")]
    input: Option<String>,
    /// Date de signature du contrat (AAAA-MM-JJ) / contract signature date.
    #[arg(long, value_name = "AAAA-MM-JJ")]
    signature_date: Option<String>,
    /// Code de spécialité Assurance Maladie (01 = médecine générale) ; voir `assistmed specialties`.
    #[arg(long, value_name = "CODE")]
    specialty: Option<String>,
    /// Secteur : secteur_1, secteur_2_optam, secteur_2_optam_co, secteur_2, non_conventionne.
    #[arg(long)]
    sector: Option<String>,
    /// Médecin à exercice particulier (MEP).
    #[arg(long)]
    mep: bool,
    /// Zone : zip, zac, hors_zone.
    #[arg(long)]
    zone: Option<String>,
    /// Exercice : solo, groupe (2 médecins ou plus, MSP, centre).
    #[arg(long)]
    practice: Option<String>,
    // Numbers and booleans are taken as text and read by the core, so that a bad value is the
    // same typed error (code, field) as in JSON, not a clap message.
    /// Membre d'une ESP, MSP ou CPTS, ou engagé à en rejoindre une (true/false).
    #[arg(long, value_name = "true|false")]
    coordinated: Option<String>,
    /// Patientèle médecin traitant (0 à 20 000).
    #[arg(long, allow_negative_numbers = true)]
    patientele_mt: Option<String>,
    /// File active (0 à 20 000).
    #[arg(long, allow_negative_numbers = true)]
    file_active: Option<String>,
    /// Tranche de percentile : below_p30, p30_p50, p50_p70, p70_p90, p90_p95, p95_plus.
    #[arg(long)]
    percentile_band: Option<String>,
    /// Part des honoraires cliniques, décimal entre 0 et 1 (0.85 ou 0,85 ; au plus 6 décimales) ; chirurgiens, ORL, gynécologues.
    #[arg(long, allow_negative_numbers = true)]
    clinical_fee_share: Option<String>,
    /// Médecin nouvellement installé.
    #[arg(long)]
    newly_installed: bool,
    /// Âge du médecin (20 à 100).
    #[arg(long, allow_negative_numbers = true)]
    age: Option<String>,
    /// Médecin en ALD ou avec RQTH.
    #[arg(long)]
    ald_or_rqth: bool,
    /// Contrat en cours (question du second assistant) : formule tiers, demi ou plein.
    #[arg(long, value_name = "tiers|demi|plein")]
    current_option: Option<String>,
    /// Contrat en cours : date de début (AAAA-MM-JJ).
    #[arg(long)]
    current_start: Option<String>,
    /// Contrat en cours : objectifs atteints (true/false).
    #[arg(long, value_name = "true|false")]
    objectives_reached: Option<String>,
}

impl SituationArgs {
    /// Merges the JSON input (if any) and the flags into one raw input.
    fn saisie(&self) -> Result<Saisie, Erreur> {
        let mut s = match self.input.as_deref() {
            None => Saisie::default(),
            Some("-") => Saisie::depuis_json(&lire_borne(std::io::stdin().lock(), "-")?)?,
            Some(chemin) => {
                let f = std::fs::File::open(chemin).map_err(|e| erreur_fichier(chemin, &e))?;
                Saisie::depuis_json(&lire_borne(f, chemin)?)?
            }
        };
        self.surcharger(&mut s)?;
        Ok(s)
    }

    /// Applies the flags over a raw input (flags override the JSON); a flag the core cannot
    /// read is a typed error naming it.
    fn surcharger(&self, s: &mut Saisie) -> Result<(), Erreur> {
        macro_rules! surcharge {
            ($($champ:ident),*) => { $(if let Some(v) = &self.$champ { s.$champ = Some(v.clone()); })* };
        }
        surcharge!(
            signature_date,
            specialty,
            sector,
            zone,
            practice,
            percentile_band,
            clinical_fee_share
        );
        if let Some(t) = &self.coordinated {
            s.coordinated = Some(lire_booleen("coordinated", t)?);
        }
        if let Some(t) = &self.patientele_mt {
            s.patientele_mt = Some(lire_entier("patientele_mt", t)?);
        }
        if let Some(t) = &self.file_active {
            s.file_active = Some(lire_entier("file_active", t)?);
        }
        if let Some(t) = &self.age {
            s.age = Some(lire_entier("age", t)?);
        }
        if self.mep {
            s.mep = Some(true);
        }
        if self.newly_installed {
            s.newly_installed = Some(true);
        }
        if self.ald_or_rqth {
            s.ald_or_rqth = Some(true);
        }
        if self.current_option.is_some()
            || self.current_start.is_some()
            || self.objectives_reached.is_some()
        {
            let c = s
                .current_contract
                .get_or_insert_with(SaisieContrat::default);
            if let Some(o) = &self.current_option {
                c.option = Some(o.clone());
            }
            if let Some(d) = &self.current_start {
                c.start = Some(d.clone());
            }
            if let Some(b) = &self.objectives_reached {
                c.objectives_reached =
                    Some(lire_booleen("current_contract.objectives_reached", b)?);
            }
        }
        Ok(())
    }
}

/// Largest situation document read from `--input` (the core refuses more anyway): the reading
/// stops there, so `--input /dev/zero` fails at once instead of filling the memory.
const TAILLE_MAX_ENTREE: usize = assistmed_core::situation::LIMITES_JSON.octets;

fn erreur_fichier(chemin: &str, e: &std::io::Error) -> Erreur {
    let c = assistmed_core::error::citer(chemin);
    Erreur {
        code: CodeErreur::JsonInvalide,
        champ: Some("input".into()),
        message_fr: format!("« input » : lecture de « {c} » impossible ({:?})", e.kind()),
        message_en: format!("`input`: cannot read `{c}`: {e}"),
    }
}

/// Reads at most [`TAILLE_MAX_ENTREE`] bytes of UTF-8 text.
fn lire_borne(r: impl Read, chemin: &str) -> Result<String, Erreur> {
    let mut octets = Vec::new();
    r.take(TAILLE_MAX_ENTREE as u64 + 1)
        .read_to_end(&mut octets)
        .map_err(|e| erreur_fichier(chemin, &e))?;
    if octets.len() > TAILLE_MAX_ENTREE {
        return Err(Erreur::trop_volumineux(
            Some("input"),
            "document",
            "document",
            octets.len(),
            TAILLE_MAX_ENTREE,
        ));
    }
    String::from_utf8(octets).map_err(|_| Erreur {
        code: CodeErreur::JsonInvalide,
        champ: Some("input".into()),
        message_fr: "« input » : texte UTF-8 attendu".into(),
        message_en: "`input`: UTF-8 text expected".into(),
    })
}

fn langue(l: LangueArg) -> Langue {
    match l {
        LangueArg::Fr => Langue::Fr,
        LangueArg::En => Langue::En,
    }
}

fn json<T: serde::Serialize>(v: &T) -> Result<String, Erreur> {
    serde_json::to_string_pretty(v).map_err(Erreur::json_invalide)
}

fn executer(cli: &Cli, rules: &RuleSet) -> Result<(String, Sortie), Erreur> {
    match &cli.commande {
        Commande::Simulate {
            situation, sortie, ..
        } => {
            let s = situation.saisie()?.valider()?;
            let e = assistmed_core::evaluer(rules, &s, langue(sortie.lang))?;
            let texte = if sortie.json {
                json(&e)?
            } else {
                rendu::evaluation(&e, rules, langue(sortie.lang))
            };
            Ok((texte, sortie.clone()))
        }
        Commande::Timeline {
            option,
            start,
            situation,
            sortie,
        } => {
            let mut saisie = situation.saisie()?;
            if saisie.signature_date.is_none() {
                saisie.signature_date = start.clone();
            }
            let debut = start
                .as_deref()
                .map(|d| lire_date("start", d))
                .transpose()?;
            let formule = Formule::depuis_code("option", option)?;
            let s = saisie.valider()?;
            let c = assistmed_core::chronologie(rules, &s, formule, debut, langue(sortie.lang))?;
            let texte = if sortie.json {
                json(&c)?
            } else {
                rendu::chronologie(&c, rules, langue(sortie.lang))
            };
            Ok((texte, sortie.clone()))
        }
        Commande::Economics(c) => Ok((economie::executer(c, rules)?, c.sortie.clone())),
        Commande::Specialties { sortie } => {
            let texte = if sortie.json {
                json(&rules.specialites)?
            } else {
                rendu::specialites(rules, langue(sortie.lang))
            };
            Ok((texte, sortie.clone()))
        }
        Commande::Track(a) => Ok((suivi::executer(a, rules)?, a.sortie.clone())),
        Commande::Bundle(c) => Ok((
            bundle::executer(c)?,
            Sortie {
                json: false,
                lang: LangueArg::Fr,
            },
        )),
        Commande::Rules { sortie } => {
            let texte = if sortie.json {
                json(&rules.versions)?
            } else {
                rendu::versions(rules, langue(sortie.lang))
            };
            Ok((texte, sortie.clone()))
        }
    }
}

fn sortie_de(cli: &Cli) -> Sortie {
    match &cli.commande {
        Commande::Simulate { sortie, .. }
        | Commande::Timeline { sortie, .. }
        | Commande::Specialties { sortie }
        | Commande::Rules { sortie } => sortie.clone(),
        Commande::Track(a) => a.sortie.clone(),
        Commande::Economics(c) => c.sortie.clone(),
        Commande::Bundle(_) => Sortie {
            json: false,
            lang: LangueArg::Fr,
        },
    }
}

/// `simulate --jsonl`: streams answers to stdout, the summary (and progress, on a terminal) to
/// stderr. Exit code 0 once every line is answered, refused lines included (their errors are in
/// the output, numbered); 2 if the input cannot be opened; 1 if the rule data is broken.
fn lancer_lot(situation: &SituationArgs, l: Langue) -> ExitCode {
    use std::io::{BufReader, BufWriter, IsTerminal};
    let erreur = |e: &Erreur| {
        let objet = serde_json::json!({ "error": {
            "code": e.code.as_str(), "field": e.champ, "message_fr": e.message_fr, "message_en": e.message_en } });
        eprintln!("{objet}");
    };
    let rules = match assistmed_core::regles() {
        Ok(r) => r,
        Err(e) => {
            erreur(&e);
            return ExitCode::from(1);
        }
    };
    let entree: Box<dyn std::io::BufRead> = match situation.input.as_deref() {
        None | Some("-") => Box::new(std::io::stdin().lock()),
        Some(chemin) => match std::fs::File::open(chemin) {
            Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
            Err(e) => {
                erreur(&Erreur::json_invalide(format!("{chemin}: {e}")));
                return ExitCode::from(2);
            }
        },
    };
    let sortie = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let terminal = std::io::stderr().is_terminal();
    let mut progression = |n: u64| {
        if terminal {
            eprint!("\r{n} situations…");
        }
    };
    // The flags are the same for every line: a bad one stops the run before the first line.
    if let Err(e) = situation.surcharger(&mut Saisie::default()) {
        erreur(&e);
        return ExitCode::from(2);
    }
    let surcharge = |s: &mut Saisie| situation.surcharger(s);
    match lot::traiter(rules, entree, sortie, &surcharge, &mut progression, l) {
        Ok(bilan) => {
            if terminal {
                eprint!("\r");
            }
            match l {
                Langue::Fr => eprintln!(
                    "{} situations, {} refusée(s)",
                    bilan.situations, bilan.erreurs
                ),
                Langue::En => {
                    eprintln!("{} situations, {} refused", bilan.situations, bilan.erreurs)
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            erreur(&Erreur::json_invalide(format!("entrée / input: {e}")));
            ExitCode::from(2)
        }
    }
}

/// `--json` and `--lang en` as typed, for reporting an argument error before parsing succeeds.
fn sortie_brute() -> Sortie {
    let args: Vec<String> = std::env::args().collect();
    let en = args.windows(2).any(|p| p[0] == "--lang" && p[1] == "en")
        || args.iter().any(|a| a == "--lang=en");
    Sortie {
        json: args.iter().any(|a| a == "--json"),
        lang: if en { LangueArg::En } else { LangueArg::Fr },
    }
}

/// A clap error as a typed error: the flag becomes the field (`--patientele-mt` →
/// `patientele_mt`), the French message is ours, the English one is clap's.
fn erreur_argument(e: &clap::Error) -> Erreur {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let arg = match e.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(a)) => Some(a.clone()),
        Some(ContextValue::Strings(a)) => a.first().cloned(),
        _ => None,
    };
    let champ = arg.as_deref().map(|a| {
        a.trim_start_matches('-')
            .split([' ', '='])
            .next()
            .unwrap_or_default()
            .replace('-', "_")
    });
    let valeur = match e.get(ContextKind::InvalidValue) {
        Some(ContextValue::String(v)) => assistmed_core::error::citer(v),
        _ => String::new(),
    };
    let a = assistmed_core::error::citer(arg.as_deref().unwrap_or("?"));
    let (code, fr) = match e.kind() {
        ErrorKind::MissingRequiredArgument => (
            CodeErreur::ChampRequis,
            format!("argument « {a} » requis ; voir `assistmed --help`"),
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => (
            CodeErreur::ValeurInconnue,
            format!("« {a} » : valeur « {valeur} » refusée ; voir `assistmed --help`"),
        ),
        ErrorKind::UnknownArgument => (
            CodeErreur::ValeurInconnue,
            format!("argument « {a} » inconnu ; voir `assistmed --help`"),
        ),
        ErrorKind::InvalidSubcommand | ErrorKind::MissingSubcommand => (
            CodeErreur::ValeurInconnue,
            "commande inconnue ou absente : simulate, timeline, specialties, rules ou bundle ; voir `assistmed --help`".to_owned(),
        ),
        _ => (
            CodeErreur::ValeurInconnue,
            format!("arguments incorrects ({a}) ; voir `assistmed --help`"),
        ),
    };
    let en = e.render().to_string();
    let en = en
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ");
    Erreur {
        code,
        champ,
        message_fr: fr,
        message_en: assistmed_core::error::citer_long(en),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e)
            if matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp
                    | clap::error::ErrorKind::DisplayVersion
                    | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) =>
        {
            e.exit()
        }
        Err(e) => return signaler(&erreur_argument(&e), &sortie_brute()),
    };
    if let Commande::Simulate {
        jsonl: true,
        situation,
        sortie,
    } = &cli.commande
    {
        return lancer_lot(situation, langue(sortie.lang));
    }
    let sortie = sortie_de(&cli);
    let resultat = assistmed_core::regles().and_then(|rules| executer(&cli, rules));
    match resultat {
        Ok((texte, _)) => {
            // A closed pipe (`assistmed … | head`) is not an error worth a panic.
            let mut sortie = std::io::stdout().lock();
            match writeln!(sortie, "{texte}").and_then(|()| sortie.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(1),
            }
        }
        Err(e) => signaler(&e, &sortie),
    }
}

/// Prints an error on stderr (JSON with `--json`) and gives the exit code: 2 for bad input, 1
/// for broken rule data.
fn signaler(e: &Erreur, sortie: &Sortie) -> ExitCode {
    let l = langue(sortie.lang);
    if sortie.json {
        let objet = serde_json::json!({ "error": {
            "code": e.code.as_str(), "field": e.champ, "message_fr": e.message_fr, "message_en": e.message_en } });
        eprintln!("{objet}");
    } else {
        let prefixe = if l == Langue::Fr { "erreur" } else { "error" };
        eprintln!("{prefixe} [{}] {}", e.code, e.message(l));
    }
    // Bad input is 2 (like clap's usage errors); broken rule data is an internal failure.
    if e.code == CodeErreur::ReglesInvalides {
        ExitCode::from(1)
    } else {
        ExitCode::from(2)
    }
}
