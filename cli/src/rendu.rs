//! Readable text for the terminal, in French (default) or English.

use std::fmt::Write as _;

use assistmed_core::eligibility::Statut;
use assistmed_core::explain::Effet;
use assistmed_core::format;
use assistmed_core::objectives::StatutObjectif;
use assistmed_core::second_assistant::StatutSecondAssistant;
use assistmed_core::{
    Chronologie, Citations, Evaluation, Langue, RuleSet, Texte, VersionAppliquee,
};
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

fn t<'a>(l: Langue, fr: &'a str, en: &'a str) -> &'a str {
    match l {
        Langue::Fr => fr,
        Langue::En => en,
    }
}

/// « 19 000 € » in French, "€19,000" in English: the core's one formatter.
pub fn euros(d: Decimal, l: Langue) -> String {
    format::montant(d, l)
}

fn date(d: NaiveDate, l: Langue) -> String {
    format::date_longue(d, l)
}

fn nombre(n: i32, l: Langue) -> String {
    format::nombre(i64::from(n), l)
}

/// The title of a version, by id (the id itself if the rules do not know it).
fn titre_version(rules: &RuleSet, id: &str, l: Langue) -> String {
    rules.version(id).map_or_else(
        || id.to_owned(),
        |v| t(l, &v.title_fr, &v.title_en).to_owned(),
    )
}

/// Colon with French or English spacing.
fn dp(l: Langue) -> &'static str {
    t(l, " :", ":")
}

fn refs<'a>(ids: impl IntoIterator<Item = &'a Texte>) -> String {
    let mut s = String::new();
    for (i, id) in ids.into_iter().enumerate() {
        s.push_str(if i == 0 { " [" } else { ", " });
        s.push_str(id);
    }
    if !s.is_empty() {
        s.push(']');
    }
    s
}

fn version(v: &VersionAppliquee, l: Langue) -> String {
    let titre = &v.title;
    // Shown as an inclusive range: the last day is the day before the next version starts.
    let dernier = v
        .end_exclusive
        .and_then(|fin| fin.checked_sub_days(Days::new(1)));
    let periode = match dernier {
        Some(fin) => match l {
            Langue::Fr => format!(
                "contrats signés du {} au {}",
                date(v.start, l),
                date(fin, l)
            ),
            Langue::En => format!(
                "contracts signed from {} to {}",
                date(v.start, l),
                date(fin, l)
            ),
        },
        None => match l {
            Langue::Fr => format!("contrats signés à partir du {}", date(v.start, l)),
            Langue::En => format!("contracts signed from {}", date(v.start, l)),
        },
    };
    format!(
        "{}{} {titre}, {periode}{}\n{}{} {} ({} {})\n",
        t(l, "Règles appliquées", "Rules applied"),
        dp(l),
        refs(&v.references),
        t(l, "Données de règles, version", "Rule data, version"),
        dp(l),
        v.bundle_version,
        t(l, "publiée le", "published on"),
        date(v.bundle_published, l)
    )
}

fn references(rules: &RuleSet, ids: &Citations, l: Langue, out: &mut String) {
    let _ = writeln!(out, "\n{}", t(l, "Références", "References"));
    for r in assistmed_core::assessment::references_citees(rules, ids) {
        let article = r
            .reference
            .article
            .as_deref()
            .map(|a| format!(", {a}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  [{}] {}{article} — {}",
            r.id, r.reference.title, r.reference.url
        );
    }
}

fn avertissements(cs: &[assistmed_core::explain::Avertissement], l: Langue, out: &mut String) {
    if cs.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", t(l, "Avertissements", "Caveats"));
    for c in cs {
        let _ = writeln!(
            out,
            "  ! [{}] {}{}",
            c.confidence,
            &c.message,
            refs(&c.references)
        );
    }
}

/// Which marks a table used, for its legend.
#[derive(Default)]
struct Marques {
    maximum: bool,
    bascule: bool,
    grade_c: bool,
}

impl Marques {
    fn legende(&self, l: Langue, out: &mut String) {
        if self.maximum {
            let _ = writeln!(
                out,
                "  * {}",
                t(
                    l,
                    "montant maximal, modulé selon l'atteinte de l'objectif",
                    "maximum amount, modulated by objective achievement"
                )
            );
        }
        if self.bascule {
            let _ = writeln!(
                out,
                "  † {}",
                t(
                    l,
                    "montant revalorisé par une version ultérieure (contrat en cours)",
                    "amount revalued by a later version (running contract)"
                )
            );
        }
        if self.grade_c {
            let _ = writeln!(
                out,
                "  C {}",
                t(
                    l,
                    "montant de grade C : il repose sur une valeur peu sûre (voir les avertissements)",
                    "grade-C amount: it rests on an uncertain value (see the caveats)"
                )
            );
        }
    }
}

/// One row of the options × years table.
fn ligne_aide(
    nom: &str,
    annees: &[assistmed_core::timeline::AnneeContrat],
    total: Option<Decimal>,
    version_signature: &str,
    l: Langue,
    vues: &mut Marques,
) -> String {
    let mut ligne = format!("  {nom:<9}");
    for a in annees {
        let m = a.amount.map_or_else(|| "?".to_owned(), |m| euros(m, l));
        let mut marques = String::new();
        if a.maximum {
            marques.push('*');
            vues.maximum = true;
        }
        if a.rules_id != version_signature {
            marques.push('†');
            vues.bascule = true;
        }
        if a.confidence.a_signaler() {
            marques.push('C');
            vues.grade_c = true;
        }
        let _ = write!(ligne, "{m:>11}{marques:<3}");
    }
    let total = total.map_or_else(|| "?".to_owned(), |m| euros(m, l));
    let _ = write!(ligne, "{total:>12}");
    ligne
}

/// The assessment as a readable summary.
pub fn evaluation(e: &Evaluation, rules: &RuleSet, l: Langue) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n",
        t(
            l,
            "Simulation — aide à l'emploi d'un assistant médical",
            "Simulation — medical assistant employment aid"
        )
    );
    out.push_str(&version(&e.rules, l));

    let verdict = match e.eligibility.status {
        Statut::Eligible => t(l, "ÉLIGIBLE", "ELIGIBLE"),
        Statut::NotEligible => t(l, "NON ÉLIGIBLE", "NOT ELIGIBLE"),
        Statut::ReferToCpam => t(l, "À VOIR AVEC VOTRE CPAM", "CONTACT YOUR CPAM"),
    };
    let _ = writeln!(
        out,
        "\n{}{} {verdict}",
        t(l, "Éligibilité", "Eligibility"),
        dp(l)
    );
    for r in &e.eligibility.reasons {
        let signe = match r.effect {
            Effet::Satisfied => "✓",
            Effet::Blocking => "✗",
            Effet::ReferToCpam => "→",
            Effet::Condition => "!",
        };
        let _ = writeln!(out, "  {signe} {}{}", &r.message, refs(&r.references));
    }
    if let Some(p) = &e.percentile {
        let band = p.band.map_or(
            t(
                l,
                "entre P50 et P90 (non précisée)",
                "between P50 and P90 (not precise)",
            ),
            |b| match l {
                Langue::Fr => b.libelle_fr(),
                Langue::En => b.libelle_en(),
            },
        );
        let source = match p.source {
            assistmed_core::percentile::Origine::Declared => t(l, "déclarée", "declared"),
            assistmed_core::percentile::Origine::Derived => t(l, "déduite", "derived"),
        };
        let _ = writeln!(
            out,
            "  {}{} {band} ({source}, grade {})",
            t(l, "Tranche de départ", "Starting band"),
            dp(l),
            p.confidence
        );
    }

    let _ = writeln!(
        out,
        "\n{}",
        t(l, "Aide par année de contrat", "Aid per contract year")
    );
    let mut entete = format!("  {:<9}", t(l, "Formule", "Option"));
    for an in 1..=5 {
        let _ = write!(
            entete,
            "{:>11}   ",
            format!("{} {an}", t(l, "Année", "Year"))
        );
    }
    let _ = write!(entete, "{:>12}", "Total");
    let _ = writeln!(out, "{entete}");
    let mut marques_vues = Marques::default();
    let mut indicatif = Vec::new();
    for o in &e.options {
        let nom = &o.label;
        if !o.available {
            let _ = write!(
                out,
                "  {nom:<9}  {} — ",
                t(l, "non disponible", "not available")
            );
            if let Some(r) = o.unavailable_reasons.first() {
                let _ = write!(out, "{}", r.message);
            }
            let _ = writeln!(out);
            continue;
        }
        if let Some(bareme) = &o.standard_table_for_information {
            let _ = writeln!(
                out,
                "  {nom:<9}  {}",
                t(l, "aide fixée par votre CPAM", "aid set by your CPAM")
            );
            indicatif.push((nom, bareme));
            continue;
        }
        let _ = writeln!(
            out,
            "{}",
            ligne_aide(nom, &o.aid, o.total, &e.rules.id, l, &mut marques_vues)
        );
    }
    if !indicatif.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            t(
                l,
                "Barème standard, pour information seulement (ce n'est pas votre aide : votre CPAM fixe le contrat)",
                "Standard table, for information only (not your aid: your CPAM sets the contract)"
            )
        );
        for (nom, bareme) in indicatif {
            let total = bareme
                .iter()
                .try_fold(Decimal::ZERO, |acc, a| a.amount.map(|m| acc + m));
            let _ = writeln!(
                out,
                "{}",
                ligne_aide(nom, bareme, total, &e.rules.id, l, &mut marques_vues)
            );
        }
    }
    marques_vues.legende(l, &mut out);

    let objectifs: Vec<_> = e
        .options
        .iter()
        .filter_map(|o| o.objective.as_ref().map(|obj| (o, obj)))
        .collect();
    if !objectifs.is_empty() {
        let _ = writeln!(out, "\n{}", t(l, "Objectif", "Objective"));
        for (o, obj) in objectifs {
            let etat = match obj.status {
                StatutObjectif::Computed => "",
                StatutObjectif::ToConfirm => t(l, " (à confirmer)", " (to confirm)"),
            };
            let _ = writeln!(
                out,
                "  {}{etat} [grade {}]{} {}{}",
                &o.label,
                obj.confidence,
                dp(l),
                &obj.message,
                refs(&obj.references)
            );
            for c in &obj.indicators {
                let nom = match l {
                    Langue::Fr => c.indicator.libelle_fr(),
                    Langue::En => c.indicator.libelle_en(),
                };
                let depart = c.baseline.map_or_else(
                    || t(l, "non indiquée", "not given").to_owned(),
                    |b| nombre(b, l),
                );
                let cible = c.target.map_or_else(
                    || t(l, "à confirmer", "to confirm").to_owned(),
                    |b| nombre(b, l),
                );
                let _ = writeln!(out, "      {nom}{} {depart} → {cible}", dp(l));
            }
            if let Some(d) = obj.deadline {
                let _ = writeln!(
                    out,
                    "      {} {}",
                    t(l, "à atteindre au plus tard le", "to reach by"),
                    date(d, l)
                );
            }
        }
    }

    if let Some(sa) = &e.second_assistant {
        let verdict = match sa.status {
            StatutSecondAssistant::EligibleInPrinciple => "✓",
            StatutSecondAssistant::NotEligible => "✗",
        };
        let _ = writeln!(
            out,
            "\n{}",
            t(
                l,
                "Second assistant (1,5 / 2 ETP)",
                "Second assistant (1.5 / 2 FTE)"
            )
        );
        let _ = writeln!(out, "  {verdict} {}", &sa.message);
        for c in &sa.conditions {
            let _ = writeln!(
                out,
                "    {} {}{}",
                if c.satisfied { "✓" } else { "✗" },
                &c.message,
                refs(&c.references)
            );
        }
    }

    avertissements(&e.caveats, l, &mut out);
    if !e.notices.is_empty() {
        let _ = writeln!(out, "\n{}", t(l, "À savoir", "Good to know"));
        for n in assistmed_core::assessment::notices_citees(rules, &e.rules.id, &e.notices) {
            let _ = writeln!(
                out,
                "  • {} [grade {}]{}",
                t(l, &n.text_fr, &n.text_en),
                n.grade,
                refs(&n.references)
            );
        }
    }
    references(rules, &e.references, l, &mut out);
    let _ = writeln!(out, "\n{}", &e.disclaimer);
    out
}

/// A contract timeline as a table.
pub fn chronologie(c: &Chronologie, rules: &RuleSet, l: Langue) -> String {
    let mut out = String::new();
    let ech = &c.echeancier;
    let _ = writeln!(
        out,
        "{} — {}, {} {}\n",
        t(l, "Échéancier du contrat", "Contract timeline"),
        t(l, ech.option.libelle_fr(), ech.option.libelle_en()),
        t(l, "début le", "starting on"),
        date(ech.start, l)
    );
    out.push_str(&version(&c.rules, l));
    let titres: Vec<String> = ech
        .years
        .iter()
        .map(|a| titre_version(rules, &a.rules_id, l))
        .collect();
    let large = titres
        .iter()
        .map(|x| x.chars().count())
        .max()
        .unwrap_or(0)
        .max(6)
        + 2;
    let _ = writeln!(
        out,
        "\n  {:<7}{:<20}{:<20}{:<large$}{:>11}",
        t(l, "Année", "Year"),
        t(l, "Du", "From"),
        t(l, "Au", "To"),
        t(l, "Règles", "Rules"),
        t(l, "Montant", "Amount")
    );
    let mut vues = Marques::default();
    for (a, titre) in ech.years.iter().zip(&titres) {
        let m = a.amount.map_or_else(|| "?".to_owned(), |m| euros(m, l));
        let mut marques = String::new();
        if a.maximum {
            marques.push('*');
            vues.maximum = true;
        }
        if a.confidence.a_signaler() {
            marques.push('C');
            vues.grade_c = true;
        }
        let _ = writeln!(
            out,
            "  {:<7}{:<20}{:<20}{titre:<large$}{m:>11}{marques}",
            a.year,
            date(a.start, l),
            date(a.end, l),
        );
    }
    if let Some(total) = ech.total {
        let _ = writeln!(
            out,
            "  {:<w$}{:>11}",
            "Total",
            euros(total, l),
            w = 7 + 20 + 20 + large
        );
    }
    vues.legende(l, &mut out);
    avertissements(&c.caveats, l, &mut out);
    references(rules, &c.references, l, &mut out);
    out
}

pub fn specialites(rules: &RuleSet, l: Langue) -> String {
    let mut out = String::new();
    for s in &rules.specialites {
        let _ = writeln!(out, "{}  {}", s.code, t(l, &s.name, &s.name_en));
    }
    out
}

pub fn versions(rules: &RuleSet, l: Langue) -> String {
    let mut out = String::new();
    for v in &rules.versions {
        let fin = v
            .end_exclusive
            .and_then(|d| d.checked_sub_days(Days::new(1)))
            .map_or_else(|| "…".to_owned(), |d| date(d, l));
        let _ = writeln!(
            out,
            "{:<26}{:<20} → {fin:<20}{}{}",
            v.id,
            date(v.start, l),
            t(l, &v.title_fr, &v.title_en),
            refs(&v.references)
        );
    }
    let _ = writeln!(
        out,
        "\n{} {} ({} {}, {})",
        t(l, "Données de règles, version", "Rule data, version"),
        rules.bundle_version,
        t(l, "publiée le", "published on"),
        date(rules.published, l),
        rules.provenance
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euros_et_dates_viennent_du_format_du_coeur() {
        let d: Decimal = "19000".parse().unwrap();
        assert_eq!(euros(d, Langue::Fr), "19\u{202f}000\u{a0}€");
        assert_eq!(euros(d, Langue::En), "€19,000");
        let jour = NaiveDate::from_ymd_opt(2024, 9, 1).unwrap();
        assert_eq!(date(jour, Langue::Fr), "1er septembre 2024");
    }

    /// Every golden case, rendered in both languages, reads without a glossary: no internal
    /// code, no ISO date (those stay in `--json`).
    #[test]
    fn le_texte_des_cas_dores_n_a_ni_code_ni_date_iso() {
        let dossier = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases");
        let r = assistmed_core::regles().unwrap();
        let mut n = 0;
        for f in std::fs::read_dir(dossier).unwrap() {
            let chemin = f.unwrap().path();
            let cas: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&chemin).unwrap()).unwrap();
            if cas["command"] != "simulate" || cas["expect"].get("error").is_some() {
                continue;
            }
            let s = assistmed_core::Saisie::depuis_json(&cas["input"].to_string())
                .unwrap()
                .valider()
                .unwrap();
            for l in [Langue::Fr, Langue::En] {
                let e = assistmed_core::evaluer(r, &s, l).unwrap();
                let texte = evaluation(&e, r, l);
                n += 1;
                for code in [
                    "hors_zone",
                    "secteur_1",
                    "p50_p70",
                    "= [",
                    "avenant-7-2019",
                    "reglement-arbitral-2023",
                    "convention-2024",
                ] {
                    assert!(
                        !texte.contains(code),
                        "{}: `{code}` in\n{texte}",
                        chemin.display()
                    );
                }
                let b = texte.as_bytes();
                let iso = (0..b.len().saturating_sub(9)).any(|i| {
                    let w = &b[i..i + 10];
                    w[..4].iter().all(u8::is_ascii_digit)
                        && w[4] == b'-'
                        && w[5..7].iter().all(u8::is_ascii_digit)
                        && w[7] == b'-'
                        && w[8..].iter().all(u8::is_ascii_digit)
                });
                assert!(!iso, "{}: ISO date in\n{texte}", chemin.display());
            }
        }
        assert!(n > 80, "{n} renderings");
    }
}
