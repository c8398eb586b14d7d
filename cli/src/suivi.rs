//! `assistmed track`: follow a running contract — the objective written in it, the counts
//! measured, whether it is met under the version's rule, and the year-3+ outlook. The text
//! output is the « Mon contrat » view model of the core, as the apps show it.

use std::fmt::Write as _;
use std::io::Read;
use std::time::{SystemTime, UNIX_EPOCH};

use assistmed_core::situation::lire_date;
use assistmed_core::suivi::{self, ecran, SaisieMesure, SaisieSuivi};
use assistmed_core::{Erreur, Langue, RuleSet};
use chrono::{Days, NaiveDate};
use clap::Args;

const EXEMPLE: &str = "Exemple / example (2024, 1 ETP, +150 patients sur +260 en 3e année):
  assistmed track --signature-date 2024-09-01 --specialty 01 --sector secteur_1 --option plein \\
    --start 2024-09-01 --percentile-band p50_p70 --baseline-pmt 1300 --target-pmt 1560 \\
    --current-pmt 1450 --on 2026-12-01

Requis / required: --signature-date, --specialty, --sector, --option, and for each indicator
followed its baseline, target and current count (PMT and FA under avenant 7; one of the two is
enough from 2023-05-01; other specialties: FA only). A 2019 target left out is prefilled from the
published grid where it gives one (check it against your contract).";

/// Follow a running contract (flags, or the contract document as JSON with --input).
#[derive(Args, Debug, Clone)]
#[command(after_help = EXEMPLE)]
pub struct TrackArgs {
    /// Contrat en JSON (fichier, ou - pour l'entrée standard), avec ses mesures ; les drapeaux
    /// priment / contract document as JSON (file or - for stdin), with its measurements.
    #[arg(long, value_name = "FICHIER|-")]
    input: Option<String>,
    /// Date de signature du contrat ; choisit la version des règles / signature date.
    #[arg(long, value_name = "AAAA-MM-JJ")]
    signature_date: Option<String>,
    /// Code de spécialité (01 = médecine générale) ; voir `assistmed specialties`.
    #[arg(long, value_name = "CODE")]
    specialty: Option<String>,
    /// Secteur : secteur_1, secteur_2_optam, secteur_2_optam_co.
    #[arg(long)]
    sector: Option<String>,
    /// Formule du contrat / contract option.
    #[arg(long, value_name = "tiers|demi|plein")]
    option: Option<String>,
    /// Début du contrat ; par défaut la date de signature / contract start (default: signature date).
    #[arg(long, value_name = "AAAA-MM-JJ")]
    start: Option<String>,
    /// Tranche de percentile de départ (ligne des montants) : below_p30 … p95_plus.
    #[arg(long)]
    percentile_band: Option<String>,
    /// Patientèle médecin traitant au départ (0 à 20 000) / PMT baseline.
    #[arg(long, allow_negative_numbers = true)]
    baseline_pmt: Option<i64>,
    /// Patientèle médecin traitant à atteindre, écrite au contrat / PMT target.
    #[arg(long, allow_negative_numbers = true)]
    target_pmt: Option<i64>,
    /// Patientèle médecin traitant mesurée à la date --on / PMT count on --on.
    #[arg(long, allow_negative_numbers = true)]
    current_pmt: Option<i64>,
    /// File active au départ (0 à 20 000) / FA baseline.
    #[arg(long, allow_negative_numbers = true)]
    baseline_fa: Option<i64>,
    /// File active à atteindre, écrite au contrat / FA target.
    #[arg(long, allow_negative_numbers = true)]
    target_fa: Option<i64>,
    /// File active mesurée à la date --on / FA count on --on.
    #[arg(long, allow_negative_numbers = true)]
    current_fa: Option<i64>,
    /// Date de lecture ; par défaut aujourd'hui (UTC) / evaluation date (default: today, UTC).
    #[arg(long, value_name = "AAAA-MM-JJ")]
    on: Option<String>,
    #[command(flatten)]
    pub(crate) sortie: super::Sortie,
}

/// Today's calendar date (UTC). The core never reads the clock: the CLI gives it `on`.
fn aujourd_hui() -> NaiveDate {
    let jours = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(jours)))
        .unwrap_or_default()
}

impl TrackArgs {
    /// The contract document: `--input` (if any), then the flags over it, then the current
    /// counts as one measurement dated `on`.
    fn saisie(&self, on: NaiveDate) -> Result<SaisieSuivi, Erreur> {
        let mut s = match self.input.as_deref() {
            None => SaisieSuivi::default(),
            Some("-") => {
                let mut texte = String::new();
                std::io::stdin()
                    .read_to_string(&mut texte)
                    .map_err(|e| Erreur::json_invalide(format!("entrée standard / stdin: {e}")))?;
                SaisieSuivi::depuis_json(&texte)?
            }
            Some(chemin) => {
                let texte = std::fs::read_to_string(chemin)
                    .map_err(|e| Erreur::json_invalide(format!("{chemin}: {e}")))?;
                SaisieSuivi::depuis_json(&texte)?
            }
        };
        macro_rules! surcharge {
            ($($champ:ident),*) => { $(if let Some(v) = &self.$champ { s.$champ = Some(v.clone()); })* };
        }
        surcharge!(
            signature_date,
            specialty,
            sector,
            start,
            percentile_band,
            baseline_pmt,
            target_pmt,
            baseline_fa,
            target_fa
        );
        if let Some(o) = &self.option {
            s.option = Some(o.clone());
        }
        let date = on.to_string();
        if self.current_pmt.is_some() || self.current_fa.is_some() {
            // The counts given on the command line are read on `on` (replacing that date's).
            s.measurements
                .retain(|m| m.date.as_deref() != Some(date.as_str()));
            s.measurements.push(SaisieMesure {
                date: Some(date),
                pmt: self.current_pmt,
                fa: self.current_fa,
            });
        }
        for (base, mesure, champ, nom_fr, nom_en) in [
            (
                s.baseline_pmt,
                s.measurements.iter().any(|m| m.pmt.is_some()),
                "current_pmt",
                "patientèle médecin traitant",
                "médecin-traitant patient list",
            ),
            (
                s.baseline_fa,
                s.measurements.iter().any(|m| m.fa.is_some()),
                "current_fa",
                "file active",
                "file active",
            ),
        ] {
            // Flags alone describe today's reading; a document may hold no measurement yet.
            if self.input.is_none() && base.is_some() && !mesure {
                return Err(Erreur::champ_requis(
                    champ,
                    &format!("le compte actuel de {nom_fr} est nécessaire pour suivre son objectif (0 à 20 000)"),
                    &format!("the current {nom_en} count is needed to follow its objective (0 to 20,000)"),
                ));
            }
        }
        Ok(s)
    }
}

/// Runs `track`: JSON (`--json`) or the « Mon contrat » screen as text.
pub fn executer(a: &TrackArgs, rules: &RuleSet) -> Result<String, Erreur> {
    let on = match a.on.as_deref() {
        Some(d) => lire_date("on", d)?,
        None => aujourd_hui(),
    };
    let contrat = a.saisie(on)?.valider()?;
    let resultat = suivi::suivre(rules, &contrat, on, super::langue(a.sortie.lang))?;
    if a.sortie.json {
        return serde_json::to_string_pretty(&resultat).map_err(Erreur::json_invalide);
    }
    Ok(rendre(
        &ecran::vue_contrat(&resultat, super::langue(a.sortie.lang)),
        &resultat,
        rules,
        super::langue(a.sortie.lang),
    ))
}

fn t<'a>(l: Langue, fr: &'a str, en: &'a str) -> &'a str {
    match l {
        Langue::Fr => fr,
        Langue::En => en,
    }
}

/// The screen as text, in one language.
fn rendre(v: &ecran::VueContrat, s: &suivi::Suivi, rules: &RuleSet, l: Langue) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}", &v.title);
    let r = &s.rules;
    let _ = writeln!(
        o,
        "{} {} ({}) [{}]",
        t(l, "Règles appliquées :", "Rules applied:"),
        &r.title,
        r.id,
        r.references.join(", ")
    );
    let _ = writeln!(o, "{}\n", &v.year);
    let _ = writeln!(o, "{}", t(l, "Progression", "Progress"));
    for i in &v.indicators {
        let _ = writeln!(o, "  {} {}", i.symbol, &i.text);
    }
    let d = &v.verdict;
    let _ = writeln!(o, "\n{} {}", d.symbol, &d.title);
    let _ = writeln!(o, "  {}", &d.rule);
    let _ = writeln!(o, "  {}", &v.assessment);
    let _ = writeln!(o, "\n{}", &v.outlook_title);
    for p in &v.outlook {
        let _ = writeln!(o, "  {}", &p.text);
    }
    if !v.caveats.is_empty() {
        let _ = writeln!(o, "\n{}", t(l, "Avertissements", "Caveats"));
        for c in &v.caveats {
            let _ = writeln!(
                o,
                "  ! [{}] {} [{}]",
                c.confidence,
                &c.message,
                c.references.join(", ")
            );
        }
    }
    let _ = writeln!(o, "\n{}", t(l, "Références", "References"));
    for r in assistmed_core::assessment::references_citees(rules, &v.references) {
        let _ = writeln!(
            o,
            "  [{}] {} — {}",
            r.id, r.reference.title, r.reference.url
        );
    }
    let _ = write!(o, "\n{}", &v.disclaimer);
    o
}
