//! Readable text for the terminal, in French (default) or English.

use std::fmt::Write as _;

use assistmed_core::eligibility::Statut;
use assistmed_core::explain::Effet;
use assistmed_core::money;
use assistmed_core::objectives::StatutObjectif;
use assistmed_core::second_assistant::StatutSecondAssistant;
use assistmed_core::{Chronologie, Evaluation, Langue, ReferenceCitee, RuleSet, VersionAppliquee};
use rust_decimal::Decimal;

fn t<'a>(l: Langue, fr: &'a str, en: &'a str) -> &'a str {
    match l {
        Langue::Fr => fr,
        Langue::En => en,
    }
}

/// "19 000,00 €" in French, "€19,000.00" in English.
pub fn euros(d: Decimal, l: Langue) -> String {
    let texte = money::euros(d);
    let (entier, decimales) = texte.split_once('.').unwrap_or((texte.as_str(), "00"));
    let (signe, chiffres) = entier.strip_prefix('-').map_or(("", entier), |c| ("-", c));
    let sep = t(l, " ", ",");
    let mut groupes = Vec::new();
    let octets = chiffres.as_bytes();
    let mut fin = octets.len();
    while fin > 3 {
        groupes.push(&chiffres[fin - 3..fin]);
        fin -= 3;
    }
    groupes.push(&chiffres[..fin]);
    groupes.reverse();
    let groupe = groupes.join(sep);
    match l {
        Langue::Fr => format!("{signe}{groupe},{decimales} €"),
        Langue::En => format!("{signe}€{groupe}.{decimales}"),
    }
}

/// Colon with French or English spacing.
fn dp(l: Langue) -> &'static str {
    t(l, " :", ":")
}

fn message<'a>(l: Langue, fr: &'a str, en: &'a str) -> &'a str {
    t(l, fr, en)
}

fn refs(ids: &[String]) -> String {
    if ids.is_empty() {
        String::new()
    } else {
        format!(" [{}]", ids.join(", "))
    }
}

fn version(v: &VersionAppliquee, l: Langue) -> String {
    let titre = t(l, &v.title_fr, &v.title_en);
    let periode = match v.end_exclusive {
        Some(fin) => match l {
            Langue::Fr => format!("contrats signés du {} au {fin} exclu", v.start),
            Langue::En => format!("contracts signed from {} to {fin} (exclusive)", v.start),
        },
        None => match l {
            Langue::Fr => format!("contrats signés à partir du {}", v.start),
            Langue::En => format!("contracts signed from {}", v.start),
        },
    };
    format!(
        "{}{} {titre} ({}), {periode}{}\n{}{} {} ({})\n",
        t(l, "Règles appliquées", "Rules applied"),
        dp(l),
        v.id,
        refs(&v.references),
        t(l, "Données de règles, version", "Rule data, version"),
        dp(l),
        v.bundle_version,
        v.bundle_published
    )
}

fn references(rs: &[ReferenceCitee], l: Langue, out: &mut String) {
    let _ = writeln!(out, "\n{}", t(l, "Références", "References"));
    for r in rs {
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
            message(l, &c.message_fr, &c.message_en),
            refs(&c.references)
        );
    }
}

/// The assessment as a readable summary.
pub fn evaluation(e: &Evaluation, l: Langue) -> String {
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
        let _ = writeln!(
            out,
            "  {signe} {}{}",
            message(l, &r.message_fr, &r.message_en),
            refs(&r.references)
        );
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
        let _ = write!(entete, "{:>14}", format!("{} {an}", t(l, "Année", "Year")));
    }
    let _ = write!(entete, "{:>15}", "Total");
    let _ = writeln!(out, "{entete}");
    let mut bascule = false;
    for o in &e.options {
        let nom = t(l, o.label_fr, o.label_en);
        if !o.available {
            let pourquoi = o
                .unavailable_reasons
                .first()
                .map_or("", |r| message(l, &r.message_fr, &r.message_en));
            let _ = writeln!(
                out,
                "  {nom:<9}  {} — {pourquoi}",
                t(l, "non disponible", "not available")
            );
            continue;
        }
        let mut ligne = format!("  {nom:<9}");
        for a in &o.aid {
            let m = a.amount.map_or_else(|| "?".to_owned(), |m| euros(m, l));
            let mut marques = String::new();
            if a.maximum {
                marques.push('*');
            }
            if a.rules_id != e.rules.id {
                marques.push('†');
                bascule = true;
            }
            let _ = write!(ligne, "{m:>12}{marques:<2}");
        }
        let total = o.total.map_or_else(|| "?".to_owned(), |m| euros(m, l));
        let _ = write!(ligne, "{total:>13}");
        let _ = writeln!(out, "{ligne}");
    }
    let _ = writeln!(
        out,
        "  * {}",
        t(
            l,
            "montant maximal, modulé selon l'atteinte de l'objectif",
            "maximum amount, modulated by objective achievement"
        )
    );
    if bascule {
        let _ = writeln!(
            out,
            "  † {}",
            t(
                l,
                "montant revalorisé d'une version ultérieure (contrat en cours)",
                "revalued amount from a later version (running contract)"
            )
        );
    }

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
                t(l, o.label_fr, o.label_en),
                obj.confidence,
                dp(l),
                message(l, &obj.message_fr, &obj.message_en),
                refs(&obj.references)
            );
            for c in &obj.indicators {
                let nom = match l {
                    Langue::Fr => c.indicator.libelle_fr(),
                    Langue::En => c.indicator.libelle_en(),
                };
                let depart = c.baseline.map_or_else(|| "?".to_owned(), |b| b.to_string());
                let cible = c.target.map_or_else(
                    || t(l, "à confirmer", "to confirm").to_owned(),
                    |b| b.to_string(),
                );
                let _ = writeln!(out, "      {nom}{} {depart} → {cible}", dp(l));
            }
            if let Some(d) = obj.deadline {
                let _ = writeln!(out, "      {}{} {d}", t(l, "échéance", "deadline"), dp(l));
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
        let _ = writeln!(
            out,
            "  {verdict} {}",
            message(l, &sa.message_fr, &sa.message_en)
        );
        for c in &sa.conditions {
            let _ = writeln!(
                out,
                "    {} {}{}",
                if c.satisfied { "✓" } else { "✗" },
                message(l, &c.message_fr, &c.message_en),
                refs(&c.references)
            );
        }
    }

    avertissements(&e.caveats, l, &mut out);
    if !e.notices.is_empty() {
        let _ = writeln!(out, "\n{}", t(l, "À savoir", "Good to know"));
        for n in &e.notices {
            let _ = writeln!(
                out,
                "  • {} [grade {}]{}",
                t(l, &n.text_fr, &n.text_en),
                n.grade,
                refs(&n.references)
            );
        }
    }
    references(&e.references, l, &mut out);
    let _ = writeln!(out, "\n{}", t(l, e.disclaimer_fr, e.disclaimer_en));
    out
}

/// A contract timeline as a table.
pub fn chronologie(c: &Chronologie, l: Langue) -> String {
    let mut out = String::new();
    let ech = &c.echeancier;
    let _ = writeln!(
        out,
        "{} — {} {}\n",
        t(l, "Échéancier du contrat", "Contract timeline"),
        t(l, ech.option.libelle_fr(), ech.option.libelle_en()),
        ech.start
    );
    out.push_str(&version(&c.rules, l));
    let _ = writeln!(
        out,
        "\n  {:<7}{:<12}{:<12}{:<26}{:>12}",
        t(l, "Année", "Year"),
        t(l, "Du", "From"),
        t(l, "Au", "To"),
        t(l, "Règles", "Rules"),
        t(l, "Montant", "Amount")
    );
    for a in &ech.years {
        let m = a.amount.map_or_else(|| "?".to_owned(), |m| euros(m, l));
        let marque = if a.maximum { "*" } else { "" };
        let _ = writeln!(
            out,
            "  {:<7}{:<12}{:<12}{:<26}{m:>12}{marque}",
            a.year,
            a.start.to_string(),
            a.end.to_string(),
            a.rules_id
        );
    }
    if let Some(total) = ech.total {
        let _ = writeln!(out, "  {:<57}{:>12}", "Total", euros(total, l));
    }
    let _ = writeln!(
        out,
        "  * {}",
        t(
            l,
            "montant maximal, modulé selon l'atteinte de l'objectif",
            "maximum amount, modulated by objective achievement"
        )
    );
    avertissements(&c.caveats, l, &mut out);
    references(&c.references, l, &mut out);
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
            .map_or_else(|| "…".to_owned(), |d| d.to_string());
        let _ = writeln!(
            out,
            "{:<26}{} → {fin:<12}{}{}",
            v.id,
            v.start,
            t(l, &v.title_fr, &v.title_en),
            refs(&v.references)
        );
    }
    let _ = writeln!(
        out,
        "\n{} {} ({}, {})",
        t(l, "Données de règles", "Rule data"),
        rules.bundle_version,
        rules.published,
        rules.provenance
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euros_sont_groupes_a_la_francaise_et_a_l_anglaise() {
        let d: Decimal = "1234567.5".parse().unwrap();
        assert_eq!(euros(d, Langue::Fr), "1 234 567,50 €");
        assert_eq!(euros(d, Langue::En), "€1,234,567.50");
        assert_eq!(euros(Decimal::from(950), Langue::Fr), "950,00 €");
    }
}
