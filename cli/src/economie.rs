//! `assistmed economics`: employer cost, net cost and break-even of hiring the assistant.

use assistmed_core::economie::{self, BandeFmt, Demande, Hypotheses};
use assistmed_core::situation::lire_date;
use assistmed_core::{Erreur, Formule, RuleSet};
use clap::{Args, ValueEnum};
use rust_decimal::Decimal;

use crate::{json, langue, SituationArgs, Sortie};

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionEco {
    /// Refused by the core with a typed error (closed to new contracts since 2023).
    Tiers,
    Demi,
    Plein,
}

/// Coût employeur mois par mois (cabinet de moins de 11 salariés), aide − coût par année de
/// contrat, point mort en patients supplémentaires. Employer cost month by month (practice with
/// fewer than 11 employees), aid − cost per contract year, break-even in extra patients.
#[derive(Args, Debug, Clone)]
#[command(after_help = "Exemples / examples:
  assistmed economics --option plein --start 2026-09-01 --gross-monthly 2000 --specialty 01 --sector secteur_1 --percentile-band p50_p70
  assistmed economics --option demi --compare --specialty 01 --sector secteur_1 --patientele-mt 1200 --signature-date 2026-09-01 --json

Arrondis / rounding: chaque cotisation et la réduction au centime chaque mois, le coefficient de
réduction à 4 décimales ; l'année est la somme des 12 mois. Each contribution and the reduction to
the cent every month, the reduction coefficient to 4 decimals; a year is the sum of its 12 months.")]
pub struct Economics {
    /// Formule : demi (1/2 ETP, 17,5 h) ou plein (1 ETP, 35 h) / option.
    #[arg(long, value_enum)]
    option: OptionEco,
    /// Début du contrat (AAAA-MM-JJ) ; par défaut la date de signature. Contract start.
    #[arg(long)]
    start: Option<String>,
    /// Salaire brut mensuel de l'assistant pour cette formule (décimal, 0.01 à 20000) ; par défaut
    /// le minimum conventionnel niveau 5, jamais sous le SMIC. Gross monthly salary; default the floor.
    #[arg(long, value_name = "DECIMAL", allow_negative_numbers = true)]
    gross_monthly: Option<String>,
    /// Les deux formules côte à côte (--gross-monthly est alors le salaire à temps plein, au
    /// prorata pour 1/2 ETP). Both options side by side (--gross-monthly is then the full-time salary).
    #[arg(long)]
    compare: bool,
    /// Consultations d'un patient par an (défaut 3.3) / a patient's consultations a year.
    #[arg(long, value_name = "DECIMAL", allow_negative_numbers = true)]
    contacts_per_year: Option<String>,
    /// Tarif de la consultation (défaut G = 30) / consultation fee.
    #[arg(long, value_name = "DECIMAL", allow_negative_numbers = true)]
    consultation_fee: Option<String>,
    /// Tranche du forfait médecin traitant : 7_74_sans_ald (défaut), moins_7_ou_75_79, 80_plus_ou_ald, ald_80_plus.
    #[arg(long, value_name = "TRANCHE")]
    fmt_band: Option<String>,
    /// Forfait médecin traitant par patient et par an, à la place de la tranche / FMT amount.
    #[arg(long, value_name = "DECIMAL", allow_negative_numbers = true)]
    fmt: Option<String>,
    /// Jours travaillés par an (défaut 220) / working days a year.
    #[arg(long, value_name = "DECIMAL", allow_negative_numbers = true)]
    working_days: Option<String>,
    /// Taux AT/MP du cabinet (décimal, ex. 0.009) ; défaut le taux moyen national.
    #[arg(long, value_name = "DECIMAL", allow_negative_numbers = true)]
    atmp_rate: Option<String>,
    /// Complémentaire santé, cotisation mensuelle totale (défaut 40) / health insurance premium.
    #[arg(long, value_name = "DECIMAL", allow_negative_numbers = true)]
    health_insurance_monthly: Option<String>,
    #[command(flatten)]
    pub situation: SituationArgs,
    #[command(flatten)]
    pub sortie: Sortie,
}

fn decimal(champ: &str, v: &Option<String>) -> Result<Option<Decimal>, Erreur> {
    v.as_deref()
        .map(|t| economie::lire_decimal(champ, t))
        .transpose()
}

impl Economics {
    fn hypotheses(&self) -> Result<Hypotheses, Erreur> {
        Ok(Hypotheses {
            contacts_par_an: decimal("contacts_per_year", &self.contacts_per_year)?,
            consultation: decimal("consultation_fee", &self.consultation_fee)?,
            bande_fmt: match &self.fmt_band {
                Some(b) => BandeFmt::depuis_code(b)?,
                None => BandeFmt::default(),
            },
            forfait_mt: decimal("fmt", &self.fmt)?,
            jours_travailles: decimal("working_days", &self.working_days)?,
            taux_atmp: decimal("atmp_rate", &self.atmp_rate)?,
            mutuelle_mensuelle: decimal(
                "health_insurance_monthly",
                &self.health_insurance_monthly,
            )?,
        })
    }
}

pub fn executer(c: &Economics, rules: &RuleSet) -> Result<String, Erreur> {
    let mut saisie = c.situation.saisie()?;
    if saisie.signature_date.is_none() {
        saisie.signature_date = c.start.clone();
    }
    let debut = c
        .start
        .as_deref()
        .map(|d| lire_date("start", d))
        .transpose()?;
    let s = saisie.valider()?;
    let brut = decimal("gross_monthly", &c.gross_monthly)?;
    let hypotheses = c.hypotheses()?;
    let l = langue(c.sortie.lang);
    if c.compare {
        let cmp = economie::comparer(rules, &s, debut, brut, &hypotheses, l)?;
        return if c.sortie.json {
            json(&cmp)
        } else {
            Ok(economie::vue_comparaison(rules, &cmp, l).texte())
        };
    }
    let option = match c.option {
        OptionEco::Tiers => Formule::Tiers,
        OptionEco::Demi => Formule::Demi,
        OptionEco::Plein => Formule::Plein,
    };
    let e = economie::calculer(
        rules,
        &s,
        &Demande {
            option,
            debut,
            brut_mensuel: brut,
            hypotheses,
        },
        l,
    )?;
    if c.sortie.json {
        json(&e)
    } else {
        Ok(economie::vue(rules, std::slice::from_ref(&e), l).texte())
    }
}
