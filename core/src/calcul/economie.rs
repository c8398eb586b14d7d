//! Economics of hiring: the assistant's employer cost, the net cost of each contract year (aid −
//! cost), and the break-even in extra patients (§7 of the domain reference).
//!
//! - **Employer cost**, month by month, for a practice with fewer than 11 employees: gross salary +
//!   employer contributions − general reduction (réduction générale in 2025, RGDU from 2026), at the
//!   rates in force on the first day of each contract month (`economie.*` parameters, dated on
//!   calendar dates, read from URSSAF's open model `modele-social`, which is the test oracle).
//! - **Rounding**: each contribution line and the reduction are rounded to the cent, half away from
//!   zero, every month; the reduction coefficient to 4 decimals (as the law and URSSAF do); the
//!   yearly cost is the sum of the 12 rounded months. The reduction is computed month by month
//!   (the year-end regularisation is not simulated; it only matters when the pay changes).
//! - **Months after the last published values** (from 1 January after the latest dated value) use
//!   the latest values, and the result says so.
//! - **Net** = aid − employer cost, exactly; a maximum aid (year 3+) makes the net a maximum, a GAP
//!   aid makes it unknown. **Break-even** = extra patients whose value (contacts a year × G +
//!   forfait médecin traitant) covers the net cost; every assumption is listed with its value,
//!   grade and sources, and can be replaced by the caller.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::assessment::chronologie;
use crate::error::{Erreur, Resultat};
use crate::explain::Avertissement;
use crate::format;
use crate::money;
use crate::provenance::{pire, Trace};
use crate::rules::citations::Recueil;
use crate::rules::ids::{self, ParamId};
use crate::rules::{Grade, RuleSet, Valeur};
use crate::situation::{Formule, Situation, Zone};
use crate::texte::Texte;
use crate::Langue;

/// Parameters of the employer cost: the months they all cover are the months that can be costed.
const PARAMETRES_COUT: &[&ParamId] = &[
    ids::ECONOMIE_DUREE_LEGALE_HEBDO,
    ids::ECONOMIE_SEMAINES_PAR_AN,
    ids::ECONOMIE_SMIC_HORAIRE,
    ids::ECONOMIE_GRILLE_NIVEAU_5,
    ids::ECONOMIE_PSS,
    ids::ECONOMIE_TAUX_MALADIE,
    ids::ECONOMIE_TAUX_ALLOCATIONS_FAMILIALES,
    ids::ECONOMIE_TAUX_VIEILLESSE_DEPLAFONNEE,
    ids::ECONOMIE_TAUX_VIEILLESSE_PLAFONNEE,
    ids::ECONOMIE_TAUX_ATMP,
    ids::ECONOMIE_TAUX_CSA,
    ids::ECONOMIE_TAUX_FNAL,
    ids::ECONOMIE_TAUX_CHOMAGE,
    ids::ECONOMIE_TAUX_AGS,
    ids::ECONOMIE_TAUX_RETRAITE_COMPLEMENTAIRE_T1,
    ids::ECONOMIE_TAUX_CEG_T1,
    ids::ECONOMIE_TAUX_FORMATION_PROFESSIONNELLE,
    ids::ECONOMIE_TAUX_DIALOGUE_SOCIAL,
    ids::ECONOMIE_MUTUELLE_MONTANT,
];

/// Accepted gross monthly salary: a sanity range for an input, not a rule (every ceiling of the
/// contributions is applied, so any salary in it is computed correctly).
pub const BRUT_MIN: Decimal = Decimal::from_parts(1, 0, 0, false, 2);
pub const BRUT_MAX: Decimal = Decimal::from_parts(20_000, 0, 0, false, 0);

/// Age band of the extra patient, for the forfait médecin traitant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BandeFmt {
    #[default]
    #[serde(rename = "7_74_sans_ald")]
    SansAld7a74,
    #[serde(rename = "moins_7_ou_75_79")]
    Moins7Ou75a79,
    #[serde(rename = "80_plus_ou_ald")]
    Plus80OuAld,
    #[serde(rename = "ald_80_plus")]
    Ald80Plus,
}

impl BandeFmt {
    pub const TOUTES: [BandeFmt; 4] = [
        BandeFmt::SansAld7a74,
        BandeFmt::Moins7Ou75a79,
        BandeFmt::Plus80OuAld,
        BandeFmt::Ald80Plus,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BandeFmt::SansAld7a74 => "7_74_sans_ald",
            BandeFmt::Moins7Ou75a79 => "moins_7_ou_75_79",
            BandeFmt::Plus80OuAld => "80_plus_ou_ald",
            BandeFmt::Ald80Plus => "ald_80_plus",
        }
    }

    pub fn depuis_code(code: &str) -> Resultat<BandeFmt> {
        Self::TOUTES
            .into_iter()
            .find(|b| b.code() == code)
            .ok_or_else(|| {
                Erreur::valeur_inconnue(
                    "fmt_band",
                    code,
                    "7_74_sans_ald, moins_7_ou_75_79, 80_plus_ou_ald, ald_80_plus",
                )
            })
    }

    fn parametre(self) -> &'static ParamId {
        match self {
            BandeFmt::SansAld7a74 => ids::ECONOMIE_PATIENT_FMT_SANS_ALD_7_74,
            BandeFmt::Moins7Ou75a79 => ids::ECONOMIE_PATIENT_FMT_MOINS_7_OU_75_79,
            BandeFmt::Plus80OuAld => ids::ECONOMIE_PATIENT_FMT_80_PLUS_OU_ALD,
            BandeFmt::Ald80Plus => ids::ECONOMIE_PATIENT_FMT_ALD_80_PLUS,
        }
    }
}

/// Assumptions the caller may replace (absent: the rule data's value).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Hypotheses {
    pub contacts_par_an: Option<Decimal>,
    pub consultation: Option<Decimal>,
    pub bande_fmt: BandeFmt,
    pub forfait_mt: Option<Decimal>,
    pub jours_travailles: Option<Decimal>,
    pub taux_atmp: Option<Decimal>,
    pub mutuelle_mensuelle: Option<Decimal>,
}

/// What to compute: one option, its start, the salary (absent: the floor of §7).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Demande {
    pub option: Formule,
    pub debut: Option<NaiveDate>,
    pub brut_mensuel: Option<Decimal>,
    pub hypotheses: Hypotheses,
}

/// The employer cost of one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MoisCout {
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub month: NaiveDate,
    #[serde(with = "money::montant")]
    pub gross: Decimal,
    #[serde(with = "money::montant")]
    pub contributions: Decimal,
    #[serde(with = "money::montant")]
    pub reduction: Decimal,
    #[serde(with = "money::montant")]
    pub employer_cost: Decimal,
    /// `reduction_generale` (2025) or `rgdu` (2026 on).
    pub reduction_kind: String,
    /// The gross salary was raised to the SMIC this month.
    pub raised_to_smic: bool,
    /// This month uses the latest published values (none known yet for it).
    pub latest_values: bool,
}

/// One contract year: aid, employer cost, net and break-even.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnneeEconomie {
    pub year: i32,
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub start: NaiveDate,
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub end: NaiveDate,
    pub rules_id: Texte,
    #[serde(with = "money::option")]
    pub aid: Option<Decimal>,
    pub aid_maximum: bool,
    pub aid_confidence: Grade,
    #[serde(with = "money::montant")]
    pub employer_cost: Decimal,
    pub employer_cost_confidence: Grade,
    #[serde(with = "money::montant")]
    pub gross_salary: Decimal,
    #[serde(with = "money::montant")]
    pub contributions: Decimal,
    #[serde(with = "money::montant")]
    pub reduction: Decimal,
    /// aid − employer_cost; absent when the aid is a GAP.
    #[serde(with = "money::option")]
    pub net: Option<Decimal>,
    /// The aid is a maximum, so the net is at best this figure.
    pub net_maximum: bool,
    pub net_confidence: Grade,
    #[serde(with = "money::montant")]
    pub patient_value: Decimal,
    /// Extra patients that cover this year's net cost (0 when the aid covers it).
    pub extra_patients: Option<i32>,
    #[serde(with = "money::taux_option")]
    pub extra_consultations_per_working_day: Option<Decimal>,
    pub break_even_confidence: Grade,
    pub latest_values_used: bool,
    pub months: Vec<MoisCout>,
}

/// Totals over the contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TotalEconomie {
    #[serde(with = "money::option")]
    pub aid: Option<Decimal>,
    #[serde(with = "money::montant")]
    pub employer_cost: Decimal,
    #[serde(with = "money::option")]
    pub net: Option<Decimal>,
    pub net_maximum: bool,
    pub net_confidence: Grade,
}

/// The constant number of extra patients, every contract year, whose value covers the contract's
/// total net cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PointMort {
    pub extra_patients_per_year: Option<i32>,
    #[serde(with = "money::taux_option")]
    pub extra_consultations_per_working_day: Option<Decimal>,
    /// Value of one extra patient in the first contract year.
    #[serde(with = "money::montant")]
    pub patient_value: Decimal,
    /// The net it covers is a maximum (aid of year 3+ modulated).
    pub maximum: bool,
    pub confidence: Grade,
    /// For comparison: what signatories actually gained (CNAM evaluation).
    pub observed_gain_patients: Option<i32>,
    #[serde(with = "money::taux_option")]
    pub observed_extra_acts_per_working_day: Option<Decimal>,
}

/// One assumption of the figures, with its value, grade and sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Hypothese {
    pub code: String,
    pub parameter: Option<String>,
    pub value: String,
    pub unit: String,
    pub grade: Grade,
    /// `rules` (the rule data) or `user` (given by the caller).
    pub source: String,
    pub references: Vec<Texte>,
    /// In the language of the call.
    pub label: String,
}

/// The economics of one option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Economie {
    pub option: Formule,
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub start: NaiveDate,
    pub signature_rules_id: Texte,
    /// The gross monthly salary given, or absent for the floor (grid level 5, never below SMIC).
    #[serde(with = "money::option")]
    pub gross_monthly: Option<Decimal>,
    #[serde(with = "money::taux_option")]
    pub hours_per_week: Option<Decimal>,
    pub years: Vec<AnneeEconomie>,
    pub total: TotalEconomie,
    pub break_even: PointMort,
    pub assumptions: Vec<Hypothese>,
    pub caveats: Vec<Avertissement>,
    /// Ids of the references, sorted (resolved with `RuleSet::reference`).
    pub references: Vec<Texte>,
}

/// `x^p` for `x, p ≥ 0`, without rust_decimal's `maths` feature (it would cost the library
/// ~14 KB): the integer part of `p` by products, its fraction bit by bit with square roots.
/// 24 bits: for a fraction that is not a dyadic number (1.75 is), the exponent's error is below
/// 1e-7, far under the 4-decimal rounding of the coefficient it serves.
fn puissance(x: Decimal, p: Decimal) -> Option<Decimal> {
    if x.is_sign_negative() || p.is_sign_negative() {
        return None;
    }
    let mut r = Decimal::ONE;
    for _ in 0..p.trunc().to_i32()? {
        r = produit_verifie(r, x)?;
    }
    let mut fraction = p.fract();
    let mut racine = x;
    for _ in 0..24 {
        if fraction.is_zero() {
            break;
        }
        racine = racine_carree(racine)?;
        fraction *= Decimal::TWO;
        if fraction >= Decimal::ONE {
            r = produit_verifie(r, racine)?;
            fraction -= Decimal::ONE;
        }
    }
    Some(r)
}

/// One checked product and one checked quotient, not inlined: rust_decimal's checked
/// operations inline their whole long-multiplication and division bodies at each call (size).
#[inline(never)]
fn produit_verifie(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

#[inline(never)]
fn quotient_verifie(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}

/// Square root by Newton's method, to the precision of `Decimal`.
fn racine_carree(x: Decimal) -> Option<Decimal> {
    if x.is_zero() {
        return Some(x);
    }
    let mut g = if x > Decimal::ONE {
        x / Decimal::TWO
    } else {
        Decimal::ONE
    };
    for _ in 0..200 {
        let suivant = (g + quotient_verifie(x, g)?) / Decimal::TWO;
        if (suivant - g).abs() <= Decimal::new(1, 24) {
            return Some(suivant);
        }
        g = suivant;
    }
    Some(g)
}

/// One product, not inlined: the cost formulas multiply a lot, and the library's size counts.
#[inline(never)]
fn fois(a: Decimal, b: Decimal) -> Decimal {
    a * b
}

#[inline(never)]
fn arrondi_centime(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Reads `economie.*` values at calendar dates, keeping the trace like the tracing reader.
struct LecteurDate<'r> {
    rules: &'r RuleSet,
    usages: Trace,
}

impl<'r> LecteurDate<'r> {
    fn new(rules: &'r RuleSet) -> Self {
        LecteurDate {
            rules,
            usages: Trace::default(),
        }
    }

    /// The value in force on `date` (absent: not applicable then), recorded as used.
    #[inline(never)]
    fn option(&mut self, id: &ParamId, date: NaiveDate) -> Resultat<Option<Decimal>> {
        let (position, p) = self.rules.chercher_connu(id)?;
        let Some((index, v)) = p
            .rang_a_la_date(date)
            .and_then(|i| Some((i, p.valeurs.get(i)?)))
        else {
            return Ok(None);
        };
        self.usages.noter(self.rules, position, index, v.grade);
        match &v.valeur {
            Valeur::Montant(d) | Valeur::Taux(d) | Valeur::Quantite(d) => Ok(Some(*d)),
            Valeur::Nombre(n) => Ok(Some(Decimal::from(*n))),
            Valeur::SansObjet => Ok(None),
            Valeur::Inconnue => Err(Erreur::regles_invalides(format!(
                "`{id}` au {date} : valeur inconnue (GAP) / unknown value"
            ))),
            _ => Err(Erreur::regles_invalides(format!(
                "`{id}` : décimal attendu / expected a decimal"
            ))),
        }
    }

    fn valeur(&mut self, id: &ParamId, date: NaiveDate) -> Resultat<Decimal> {
        self.option(id, date)?.ok_or_else(|| {
            Erreur::regles_invalides(format!("`{id}` sans valeur au {date} / no value"))
        })
    }

    /// Like `valeur`, but a date before the first value takes the first value (flagged).
    fn valeur_ou_premiere(&mut self, id: &ParamId, date: NaiveDate) -> Resultat<(Decimal, bool)> {
        let p = self.rules.parametre_connu(id)?;
        match p.valeurs.first() {
            Some(premiere) if date < premiere.from => Ok((self.valeur(id, premiere.from)?, true)),
            _ => Ok((self.valeur(id, date)?, false)),
        }
    }

    fn references(&self, id: &ParamId, date: NaiveDate) -> Vec<Texte> {
        self.rules
            .parametre_connu(id)
            .ok()
            .and_then(|p| p.a_la_date(date).or(p.valeurs.first()))
            .map(|v| v.references.clone())
            .unwrap_or_default()
    }

    fn grade(&self, id: &ParamId, date: NaiveDate) -> Grade {
        self.rules
            .parametre_connu(id)
            .ok()
            .and_then(|p| p.a_la_date(date).or(p.valeurs.first()))
            .map_or(Grade::Gap, |v| v.grade)
    }
}

/// First month that can be costed: when every cost parameter has a value.
pub fn premier_mois_couvert(rules: &RuleSet) -> Resultat<NaiveDate> {
    let mut debut = NaiveDate::MIN;
    for id in PARAMETRES_COUT {
        let p = rules.parametre_connu(id)?;
        let premiere = p
            .valeurs
            .first()
            .ok_or_else(|| Erreur::regles_invalides(format!("`{id}` sans valeur / no value")))?;
        debut = debut.max(premiere.from);
    }
    Ok(debut)
}

/// First day of the first calendar year with no published value yet: months from it use the
/// latest values (rates and the SMIC are revised each January).
pub fn horizon_publie(rules: &RuleSet) -> NaiveDate {
    let dernier = rules
        .parametres()
        .filter(|p| p.id.starts_with("economie."))
        .filter_map(|p| p.valeurs.last().map(|v| v.from))
        .max()
        .unwrap_or(NaiveDate::MIN);
    NaiveDate::from_ymd_opt(dernier.year().saturating_add(1), 1, 1).unwrap_or(NaiveDate::MAX)
}

#[inline(never)]
fn heures_hebdo(l: &mut LecteurDate<'_>, f: Formule, date: NaiveDate) -> Resultat<Decimal> {
    let id = match f {
        Formule::Demi => ids::ECONOMIE_DUREE_HEBDO_DEMI,
        Formule::Plein => ids::ECONOMIE_DUREE_HEBDO_PLEIN,
        Formule::Tiers => {
            return Err(Erreur::formule_indisponible(
                "option",
                "le coût employeur est calculé pour les formules 1/2 ETP et 1 ETP ; la formule 1/3 ETP est fermée aux nouveaux contrats et les taux des années où elle était ouverte ne sont pas dans les données ; valeurs attendues : demi, plein".into(),
                "the employer cost is computed for the 1/2 FTE and 1 FTE options; the 1/3 FTE option is closed to new contracts and the rates of the years it was open are not in the data; expected: demi, plein".into(),
            ))
        }
    };
    l.valeur(id, date)
}

/// Inputs of one month's cost that the caller may replace.
struct Reglages {
    taux_atmp: Option<Decimal>,
    mutuelle: Option<Decimal>,
}

/// The employer cost of one month starting on `date`, for `heures` a week and a gross salary
/// (absent: the floor). Returns the month and the floor in force.
#[inline(never)]
fn cout_du_mois(
    l: &mut LecteurDate<'_>,
    date: NaiveDate,
    heures: Decimal,
    brut: Option<Decimal>,
    reglages: &Reglages,
    horizon: NaiveDate,
) -> Resultat<MoisCout> {
    let legale = l.valeur(ids::ECONOMIE_DUREE_LEGALE_HEBDO, date)?;
    let semaines = l.valeur(ids::ECONOMIE_SEMAINES_PAR_AN, date)?;
    let douze = Decimal::from(12);
    let quotite = heures / legale;
    let heures_mois = heures * semaines / douze;
    // The SMIC for this working time (exact, as the reduction formulas use it).
    let smic = l.valeur(ids::ECONOMIE_SMIC_HORAIRE, date)? * heures_mois;
    let grille = arrondi_centime(l.valeur(ids::ECONOMIE_GRILLE_NIVEAU_5, date)? * quotite);
    let smic_paye = arrondi_centime(smic);
    let (gross, raised_to_smic) = match brut {
        Some(b) if b < smic_paye => (smic_paye, true),
        Some(b) => (b, false),
        None => (grille.max(smic_paye), false),
    };
    let pss = l.valeur(ids::ECONOMIE_PSS, date)? * quotite;
    let a = gross;
    let taux_plein_ou_reduit = |l: &mut LecteurDate<'_>,
                                plein: &ParamId,
                                reduit: &ParamId,
                                plafond: &ParamId|
     -> Resultat<Decimal> {
        let t = l.valeur(plein, date)?;
        match (l.option(reduit, date)?, l.option(plafond, date)?) {
            (Some(r), Some(n)) if a < n * smic => Ok(r),
            _ => Ok(t),
        }
    };
    let maladie = taux_plein_ou_reduit(
        l,
        ids::ECONOMIE_TAUX_MALADIE,
        ids::ECONOMIE_TAUX_MALADIE_REDUIT,
        ids::ECONOMIE_MALADIE_REDUIT_PLAFOND_SMIC,
    )?;
    let af = taux_plein_ou_reduit(
        l,
        ids::ECONOMIE_TAUX_ALLOCATIONS_FAMILIALES,
        ids::ECONOMIE_TAUX_ALLOCATIONS_FAMILIALES_REDUIT,
        ids::ECONOMIE_ALLOCATIONS_FAMILIALES_REDUIT_PLAFOND_SMIC,
    )?;
    let plafonne = a.min(pss);
    let chomage_assiette = a.min(fois(
        pss,
        l.valeur(ids::ECONOMIE_PLAFOND_CHOMAGE_PSS, date)?,
    ));
    let limite_t2 = fois(
        pss,
        l.valeur(ids::ECONOMIE_PLAFOND_RETRAITE_COMPLEMENTAIRE_PSS, date)?,
    );
    let tranche_2 = (a.min(limite_t2) - pss).max(Decimal::ZERO);
    // (base, rate parameter) of each employer line; one reading and one product per line.
    let mut assiettes: Vec<(Decimal, &ParamId)> = vec![
        (a, ids::ECONOMIE_TAUX_VIEILLESSE_DEPLAFONNEE),
        (plafonne, ids::ECONOMIE_TAUX_VIEILLESSE_PLAFONNEE),
        (a, ids::ECONOMIE_TAUX_CSA),
        (plafonne, ids::ECONOMIE_TAUX_FNAL),
        (chomage_assiette, ids::ECONOMIE_TAUX_CHOMAGE),
        (chomage_assiette, ids::ECONOMIE_TAUX_AGS),
        (plafonne, ids::ECONOMIE_TAUX_RETRAITE_COMPLEMENTAIRE_T1),
        (plafonne, ids::ECONOMIE_TAUX_CEG_T1),
        (a, ids::ECONOMIE_TAUX_FORMATION_PROFESSIONNELLE),
        (a, ids::ECONOMIE_TAUX_TAXE_APPRENTISSAGE),
        (a, ids::ECONOMIE_TAUX_TAXE_APPRENTISSAGE_SOLDE),
        (a, ids::ECONOMIE_TAUX_DIALOGUE_SOCIAL),
    ];
    if !tranche_2.is_zero() {
        assiettes.push((tranche_2, ids::ECONOMIE_TAUX_RETRAITE_COMPLEMENTAIRE_T2));
        assiettes.push((tranche_2, ids::ECONOMIE_TAUX_CEG_T2));
        assiettes.push((a.min(limite_t2), ids::ECONOMIE_TAUX_CET));
    }
    let atmp = match reglages.taux_atmp {
        Some(t) => t,
        None => l.valeur(ids::ECONOMIE_TAUX_ATMP, date)?,
    };
    let mutuelle = match reglages.mutuelle {
        Some(m) => m,
        None => l.valeur(ids::ECONOMIE_MUTUELLE_MONTANT, date)?,
    };
    let mut lignes: Vec<(Decimal, Decimal)> = vec![
        (a, maladie),
        (a, af),
        (a, atmp),
        (
            mutuelle,
            l.valeur(ids::ECONOMIE_MUTUELLE_PART_EMPLOYEUR, date)?,
        ),
    ];
    for (base, id) in assiettes {
        lignes.push((base, l.valeur(id, date)?));
    }
    let contributions: Decimal = lignes
        .into_iter()
        .map(|(base, taux)| arrondi_centime(fois(base, taux)))
        .sum();

    let (coefficient, reduction_kind) = coefficient_reduction(l, date, a, smic)?;
    let coefficient = coefficient.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    let reduction = arrondi_centime(a * coefficient).min(contributions);
    Ok(MoisCout {
        month: date,
        gross,
        contributions,
        reduction,
        employer_cost: gross + contributions - reduction,
        reduction_kind: reduction_kind.to_string(),
        raised_to_smic,
        latest_values: date >= horizon,
    })
}

/// The general reduction's coefficient for pay `a` against the SMIC `smic` of the same working
/// time: the 2025 réduction générale or, where its parameters apply, the RGDU.
#[inline(never)]
fn coefficient_reduction(
    l: &mut LecteurDate<'_>,
    date: NaiveDate,
    a: Decimal,
    smic: Decimal,
) -> Resultat<(Decimal, &'static str)> {
    if a <= Decimal::ZERO {
        return Ok((Decimal::ZERO, "none"));
    }
    if let Some(tmin) = l.option(ids::ECONOMIE_RGDU_TMIN, date)? {
        let tdelta = l.valeur(ids::ECONOMIE_RGDU_TDELTA, date)?;
        let p = l.valeur(ids::ECONOMIE_RGDU_PUISSANCE, date)?;
        let seuil = l.valeur(ids::ECONOMIE_RGDU_SEUIL_SMIC, date)?;
        let facteur = l.valeur(ids::ECONOMIE_RGDU_FACTEUR, date)?;
        if a >= seuil * smic {
            return Ok((Decimal::ZERO, "rgdu"));
        }
        let base = facteur * (seuil * smic / a - Decimal::ONE);
        let puissance = puissance(base, p).ok_or_else(|| {
            Erreur::regles_invalides("RGDU : puissance hors limites / out of range")
        })?;
        let c = (tmin + tdelta * puissance).min(tmin + tdelta);
        return Ok((c, "rgdu"));
    }
    if let Some(seuil) = l.option(ids::ECONOMIE_REDUCTION_GENERALE_SEUIL_SMIC, date)? {
        let diviseur = l.valeur(ids::ECONOMIE_REDUCTION_GENERALE_DIVISEUR, date)?;
        // T: the employer rates the reduction covers (article D241-7), reduced rates where they
        // exist, the minimum AT/MP rate.
        let mut t = Decimal::ZERO;
        for id in [
            ids::ECONOMIE_TAUX_VIEILLESSE_DEPLAFONNEE,
            ids::ECONOMIE_TAUX_VIEILLESSE_PLAFONNEE,
            ids::ECONOMIE_TAUX_CSA,
            ids::ECONOMIE_TAUX_ATMP_MINIMUM,
            ids::ECONOMIE_TAUX_FNAL,
            ids::ECONOMIE_TAUX_CHOMAGE,
            ids::ECONOMIE_TAUX_RETRAITE_COMPLEMENTAIRE_T1,
            ids::ECONOMIE_TAUX_CEG_T1,
        ] {
            t += l.valeur(id, date)?;
        }
        for (plein, reduit) in [
            (
                ids::ECONOMIE_TAUX_MALADIE,
                ids::ECONOMIE_TAUX_MALADIE_REDUIT,
            ),
            (
                ids::ECONOMIE_TAUX_ALLOCATIONS_FAMILIALES,
                ids::ECONOMIE_TAUX_ALLOCATIONS_FAMILIALES_REDUIT,
            ),
        ] {
            let taux = l.valeur(plein, date)?;
            t += l.option(reduit, date)?.map_or(taux, |r| r.min(taux));
        }
        if diviseur.is_zero() {
            return Err(Erreur::regles_invalides(
                "réduction générale : diviseur nul / zero divisor",
            ));
        }
        let c = (t / diviseur * (seuil * smic / a - Decimal::ONE))
            .max(Decimal::ZERO)
            .min(t);
        return Ok((c, "reduction_generale"));
    }
    Ok((Decimal::ZERO, "none"))
}

/// Every range error of the module through one instance of the generic `Erreur::hors_bornes`
/// (texts as their `Display` writes them; one instance per type triple cost ~550 bytes each).
#[inline(never)]
fn hors_bornes(champ: &str, valeur: String, min: String, max: String) -> Erreur {
    Erreur::hors_bornes(champ, valeur, min, max)
}

/// A start before the first month the rule data can cost (or a date past the calendar).
fn hors_periode(debut: NaiveDate, couvert: NaiveDate) -> Erreur {
    hors_bornes(
        "start",
        debut.to_string(),
        couvert.to_string(),
        "9999-12-31".to_owned(),
    )
}

fn erreur_brut(valeur: Decimal) -> Erreur {
    hors_bornes(
        "gross_monthly",
        money::euros(valeur),
        money::euros(BRUT_MIN),
        money::euros(BRUT_MAX),
    )
}

fn verifier_positif(champ: &str, v: Option<Decimal>, max: Decimal) -> Resultat<()> {
    match v {
        Some(d) if d.is_sign_negative() || d > max => Err(hors_bornes(
            champ,
            d.normalize().to_string(),
            "0".to_owned(),
            max.normalize().to_string(),
        )),
        _ => Ok(()),
    }
}

fn verifier_hypotheses(h: &Hypotheses) -> Resultat<()> {
    verifier_positif("contacts_per_year", h.contacts_par_an, Decimal::from(50))?;
    verifier_positif("consultation_fee", h.consultation, Decimal::from(1_000))?;
    verifier_positif("fmt", h.forfait_mt, Decimal::from(1_000))?;
    verifier_positif(
        "health_insurance_monthly",
        h.mutuelle_mensuelle,
        Decimal::from(1_000),
    )?;
    verifier_positif("atmp_rate", h.taux_atmp, Decimal::ONE)?;
    match h.jours_travailles {
        Some(j) if j < Decimal::ONE || j > Decimal::from(366) => Err(hors_bornes(
            "working_days",
            j.normalize().to_string(),
            "1".to_owned(),
            "366".to_owned(),
        )),
        _ => Ok(()),
    }
}

/// Value of one extra patient for a year starting on `date`, and whether a value known only later
/// was used.
struct ValeurPatient {
    valeur: Decimal,
    contacts: Decimal,
    anterieure: bool,
}

#[inline(never)]
fn valeur_patient(
    l: &mut LecteurDate<'_>,
    date: NaiveDate,
    h: &Hypotheses,
    zip: bool,
) -> Resultat<ValeurPatient> {
    let mut anterieure = false;
    let contacts = match h.contacts_par_an {
        Some(c) => c,
        None => {
            l.valeur_ou_premiere(ids::ECONOMIE_PATIENT_CONTACTS_PAR_AN, date)?
                .0
        }
    };
    let g = match h.consultation {
        Some(g) => g,
        None => {
            let (g, avant) = l.valeur_ou_premiere(ids::ECONOMIE_PATIENT_CONSULTATION_G, date)?;
            anterieure |= avant;
            g
        }
    };
    let fmt = match h.forfait_mt {
        Some(f) => f,
        None => {
            let (f, avant) = l.valeur_ou_premiere(h.bande_fmt.parametre(), date)?;
            anterieure |= avant;
            if zip {
                let (m, avant) =
                    l.valeur_ou_premiere(ids::ECONOMIE_PATIENT_FMT_MAJORATION_ZIP, date)?;
                anterieure |= avant;
                arrondi_centime(f * m)
            } else {
                f
            }
        }
    };
    Ok(ValeurPatient {
        valeur: contacts * g + fmt,
        contacts,
        anterieure,
    })
}

fn patients_pour(net: Decimal, valeur: Decimal) -> Option<i32> {
    if net >= Decimal::ZERO {
        return Some(0);
    }
    if valeur <= Decimal::ZERO {
        return None;
    }
    (-net / valeur).ceil().to_i32()
}

fn consultations_par_jour(patients: i32, contacts: Decimal, jours: Decimal) -> Option<Decimal> {
    if jours.is_zero() {
        return None;
    }
    Some(
        (Decimal::from(patients) * contacts / jours)
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
    )
}

/// Computes the economics of one option for a situation (its signature date, specialty and
/// percentile band set the aid).
///
/// Its steps (`cout_du_mois`, `coefficient_reduction`, `hypotheses`, …) are `#[inline(never)]`:
/// inlined, they made one 30 KB function that was larger than its parts (library size).
pub fn calculer(rules: &RuleSet, s: &Situation, d: &Demande, langue: Langue) -> Resultat<Economie> {
    if let Some(b) = d.brut_mensuel {
        if b < BRUT_MIN || b > BRUT_MAX {
            return Err(erreur_brut(b));
        }
    }
    verifier_hypotheses(&d.hypotheses)?;
    let chrono = chronologie(rules, s, d.option, d.debut, langue)?;
    let debut = chrono.echeancier.start;
    let couvert = premier_mois_couvert(rules)?;
    if debut < couvert {
        return Err(hors_periode(debut, couvert));
    }
    let horizon = horizon_publie(rules);
    let mut l = LecteurDate::new(rules);
    let heures = heures_hebdo(&mut l, d.option, debut)?;
    let reglages = Reglages {
        taux_atmp: d.hypotheses.taux_atmp,
        mutuelle: d.hypotheses.mutuelle_mensuelle,
    };
    let zip = s.zone == Some(Zone::Zip);
    let jours = match d.hypotheses.jours_travailles {
        Some(j) => j,
        None => l.valeur(ids::ECONOMIE_JOURS_TRAVAILLES_PAR_AN, debut)?,
    };
    let mut years = Vec::new();
    let mut fmt_anterieur = false;
    let mut sous_smic = false;
    let mut somme_valeurs = Decimal::ZERO;
    for a in &chrono.echeancier.years {
        let grades_avant = l.usages.len();
        let mut months = Vec::with_capacity(12);
        for m in 0..12 {
            let date = a
                .start
                .checked_add_months(Months::new(m))
                .ok_or_else(|| hors_periode(debut, couvert))?;
            months.push(cout_du_mois(
                &mut l,
                date,
                heures,
                d.brut_mensuel,
                &reglages,
                horizon,
            )?);
        }
        let cout_grade = pire(
            l.usages[grades_avant..]
                .iter()
                .filter(|u| !user_remplace(u.id(l.rules), &d.hypotheses))
                .map(|u| u.grade),
        );
        // Values read in earlier years count too (the reader records each value once).
        let cout_grade = pire([cout_grade, grade_cout_global(&l, &d.hypotheses)]);
        // One pass over the months (each sum from zero, in month order, as `sum()` adds).
        let mut employer_cost = Decimal::ZERO;
        let mut gross_salary = Decimal::ZERO;
        let mut contributions = Decimal::ZERO;
        let mut reduction = Decimal::ZERO;
        let mut latest_values_used = false;
        for m in &months {
            employer_cost += m.employer_cost;
            gross_salary += m.gross;
            contributions += m.contributions;
            reduction += m.reduction;
            sous_smic |= m.raised_to_smic;
            latest_values_used |= m.latest_values;
        }
        let vp = valeur_patient(&mut l, a.start, &d.hypotheses, zip)?;
        fmt_anterieur |= vp.anterieure;
        somme_valeurs += vp.valeur;
        let net = a.amount.map(|aide| aide - employer_cost);
        let net_confidence = if net.is_some() {
            pire([a.confidence, cout_grade])
        } else {
            Grade::Gap
        };
        let extra = net.and_then(|n| patients_pour(n, vp.valeur));
        years.push(AnneeEconomie {
            year: a.year,
            start: a.start,
            end: a.end,
            rules_id: a.rules_id.clone(),
            aid: a.amount,
            aid_maximum: a.maximum,
            aid_confidence: a.confidence,
            employer_cost,
            employer_cost_confidence: cout_grade,
            gross_salary,
            contributions,
            reduction,
            net,
            net_maximum: a.maximum,
            net_confidence,
            patient_value: vp.valeur,
            extra_patients: extra,
            extra_consultations_per_working_day: extra
                .and_then(|p| consultations_par_jour(p, vp.contacts, jours)),
            break_even_confidence: pire([net_confidence, Grade::C]),
            latest_values_used,
            months,
        });
    }
    let aid = years
        .iter()
        .try_fold(Decimal::ZERO, |acc, y| y.aid.map(|m| acc + m));
    let employer_cost: Decimal = years.iter().map(|y| y.employer_cost).sum();
    let net = aid.map(|a| a - employer_cost);
    let net_maximum = years.iter().any(|y| y.net_maximum);
    let net_confidence = pire(years.iter().map(|y| y.net_confidence));
    let total = TotalEconomie {
        aid,
        employer_cost,
        net,
        net_maximum,
        net_confidence,
    };
    let premiere_valeur = years.first().map_or(Decimal::ZERO, |y| y.patient_value);
    let contacts = match d.hypotheses.contacts_par_an {
        Some(c) => c,
        None => {
            l.valeur_ou_premiere(ids::ECONOMIE_PATIENT_CONTACTS_PAR_AN, debut)?
                .0
        }
    };
    let extra = net.and_then(|n| patients_pour(n, somme_valeurs));
    let gain = l.option(ids::ECONOMIE_BILAN_GAIN_PMT, debut)?;
    let actes = l.option(ids::ECONOMIE_BILAN_ACTES_PAR_JOUR, debut)?;
    let break_even = PointMort {
        extra_patients_per_year: extra,
        extra_consultations_per_working_day: extra
            .and_then(|p| consultations_par_jour(p, contacts, jours)),
        patient_value: premiere_valeur,
        maximum: net_maximum,
        confidence: pire([net_confidence, Grade::C]),
        observed_gain_patients: gain.and_then(|g| g.to_i32()),
        observed_extra_acts_per_working_day: actes.map(|a| a.normalize()),
    };
    let plancher = years.first().and_then(|y| y.months.first()).map(|m| {
        let id = if m.gross == grille_du_mois(&l, m.month, d) {
            ids::ECONOMIE_GRILLE_NIVEAU_5
        } else {
            ids::ECONOMIE_SMIC_HORAIRE
        };
        (id, m.gross)
    });
    let assumptions = hypotheses(&mut l, d, debut, premiere_valeur, zip, plancher, langue)?;
    let mut caveats = chrono.caveats.clone();
    caveats.extend(avertissements(
        &l,
        d,
        debut,
        horizon,
        &years,
        sous_smic,
        fmt_anterieur,
        langue,
    ));
    let mut cites = Recueil::pour_trier(rules);
    cites.ajouter(&chrono.references);
    for h in &assumptions {
        cites.citer(&h.references);
    }
    for c in &caveats {
        cites.ajouter(&c.references);
    }
    let references = cites.triees().into();
    Ok(Economie {
        option: d.option,
        start: debut,
        signature_rules_id: chrono.echeancier.signature_rules_id.clone(),
        gross_monthly: d.brut_mensuel,
        hours_per_week: Some(heures),
        years,
        total,
        break_even,
        assumptions,
        caveats,
        references,
    })
}

fn user_remplace(id: &str, h: &Hypotheses) -> bool {
    (id == "economie.taux.atmp" && h.taux_atmp.is_some())
        || (id == "economie.mutuelle.montant" && h.mutuelle_mensuelle.is_some())
}

/// The weakest grade among the cost parameters read so far (assumptions the caller replaced are
/// not read, so they do not count).
fn grade_cout_global(l: &LecteurDate<'_>, h: &Hypotheses) -> Grade {
    pire(
        l.usages
            .iter()
            .map(|u| (u.id(l.rules), u))
            .filter(|(id, _)| !id.starts_with("economie.patient."))
            .filter(|(id, _)| !id.starts_with("economie.bilan."))
            .filter(|(id, _)| *id != "economie.jours_travailles_par_an")
            .filter(|(id, _)| !user_remplace(id, h))
            .map(|(_, u)| u)
            .map(|u| u.grade),
    )
}

#[inline(never)]
fn hypotheses(
    l: &mut LecteurDate<'_>,
    d: &Demande,
    debut: NaiveDate,
    valeur: Decimal,
    zip: bool,
    plancher: Option<(&ParamId, Decimal)>,
    langue: Langue,
) -> Resultat<Vec<Hypothese>> {
    let h = &d.hypotheses;
    let majore = zip && h.forfait_mt.is_none();
    // Built in the language of the call only (one text, no `format!`: size).
    let forfait = [
        selon!(
            langue,
            "Forfait médecin traitant par patient et par an, tranche ",
            "Forfait médecin traitant per patient a year, band "
        ),
        h.bande_fmt.code(),
        match (majore, langue) {
            (false, _) => "",
            (true, Langue::Fr) => " (majoré en ZIP)",
            (true, Langue::En) => " (ZIP uplift)",
        },
    ]
    .concat();
    let salaire = match d.brut_mensuel {
        Some(_) => selon!(langue, "Salaire brut mensuel donné (relevé au SMIC les mois où il lui est inférieur)", "Gross monthly salary given (raised to the SMIC in months where it is lower)"),
        None => selon!(langue, "Salaire brut mensuel : minimum conventionnel niveau 5, jamais sous le SMIC, au prorata du temps de travail", "Gross monthly salary: collective-agreement minimum level 5, never below the SMIC, prorated to the working time"),
    };
    let id_heures = match d.option {
        Formule::Demi => ids::ECONOMIE_DUREE_HEBDO_DEMI,
        _ => ids::ECONOMIE_DUREE_HEBDO_PLEIN,
    };
    // One row per assumption, read by one loop (one inlined `Hypothese` instead of eight).
    let lignes: [(&str, &ParamId, Option<Decimal>, &str, &str); 8] = [
        ("salaire_plancher", ids::ECONOMIE_GRILLE_NIVEAU_5, d.brut_mensuel, "eur", salaire),
        ("temps_de_travail", id_heures, None, "hours_per_week",
            selon!(langue, "Temps de travail de l'assistant", "Assistant's working time")),
        ("taux_atmp", ids::ECONOMIE_TAUX_ATMP, h.taux_atmp, "ratio",
            selon!(langue, "Taux AT/MP (par défaut le taux moyen national ; le vôtre est sur votre compte AT/MP)", "Work-accident (AT/MP) rate (by default the national average; yours is on your AT/MP account)")),
        ("mutuelle", ids::ECONOMIE_MUTUELLE_MONTANT, h.mutuelle_mensuelle, "eur",
            selon!(langue, "Complémentaire santé, cotisation mensuelle totale (l'employeur en paie au moins la moitié)", "Company health insurance, total monthly premium (the employer pays at least half)")),
        ("contacts_par_an", ids::ECONOMIE_PATIENT_CONTACTS_PAR_AN, h.contacts_par_an, "per_year",
            selon!(langue, "Consultations d'un patient avec son généraliste par an", "A patient's consultations with their GP a year")),
        ("consultation_g", ids::ECONOMIE_PATIENT_CONSULTATION_G, h.consultation, "eur",
            selon!(langue, "Tarif de la consultation G", "G consultation fee")),
        ("forfait_medecin_traitant", h.bande_fmt.parametre(), h.forfait_mt, "eur", &forfait),
        ("jours_travailles", ids::ECONOMIE_JOURS_TRAVAILLES_PAR_AN, h.jours_travailles, "days_per_year",
            selon!(langue, "Jours travaillés par le médecin par an", "Doctor's working days a year")),
    ];
    let mut v = Vec::with_capacity(lignes.len() + 1);
    for (code, id, donnee, unit, label) in lignes {
        let (value, grade, source, references) = match donnee {
            Some(x) => (x, Grade::B, "user", Vec::new()),
            None => {
                let (x, _) = l.valeur_ou_premiere(id, debut)?;
                (x, l.grade(id, debut), "rules", l.references(id, debut))
            }
        };
        v.push(Hypothese {
            code: code.to_owned(),
            parameter: (source == "rules").then(|| id.id().to_owned()),
            value: if unit == "eur" {
                money::euros(value)
            } else {
                value.normalize().to_string()
            },
            unit: unit.to_owned(),
            grade,
            source: source.to_owned(),
            references,
            label: label.to_owned(),
        });
    }
    // Rows found by their place in `lignes` (no search by code: size). Salary first, then the
    // three parts of a patient's value, the forfait last of them.
    const SALAIRE: usize = 0;
    const PARTS_VALEUR: std::ops::Range<usize> = 4..7;
    const FORFAIT: usize = 6;
    // The salary actually used in the first month, and the figure it comes from.
    if let (None, Some((id, brut))) = (d.brut_mensuel, plancher) {
        if let Some(x) = v.get_mut(SALAIRE) {
            x.value = money::euros(brut);
            x.parameter = Some(id.id().to_owned());
            x.grade = l.grade(id, debut);
            x.references = l.references(id, debut);
        }
    }
    // In a ZIP, the forfait shown is the one used (with its uplift).
    if majore {
        let (m, _) = l.valeur_ou_premiere(ids::ECONOMIE_PATIENT_FMT_MAJORATION_ZIP, debut)?;
        if let Some(x) = v.get_mut(FORFAIT) {
            if let Ok(f) = x.value.parse::<Decimal>() {
                x.value = money::euros(arrondi_centime(f * m));
            }
        }
    }
    // The value of one patient: a combination, grade C at best (§7).
    let parts = v.get(PARTS_VALEUR).unwrap_or_default();
    let mut refs: Vec<Texte> = parts.iter().flat_map(|x| x.references.clone()).collect();
    refs.dedup();
    let grade_valeur = pire(parts.iter().map(|x| x.grade).chain([Grade::C]));
    v.push(Hypothese {
        code: "valeur_patient".to_string(),
        parameter: None,
        value: money::euros(valeur),
        unit: "eur_per_year".to_string(),
        grade: grade_valeur,
        source: "rules".to_string(),
        references: refs,
        label: selon!(langue, "Valeur d'un patient supplémentaire par an = consultations × G + forfait médecin traitant (1re année)", "Value of one extra patient a year = consultations × G + forfait médecin traitant (year 1)").to_owned(),
    });
    Ok(v)
}

// Each caveat depends on one of these inputs; a struct for them would only rename them.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn avertissements(
    l: &LecteurDate<'_>,
    d: &Demande,
    debut: NaiveDate,
    horizon: NaiveDate,
    years: &[AnneeEconomie],
    sous_smic: bool,
    fmt_anterieur: bool,
    langue: Langue,
) -> Vec<Avertissement> {
    let mut v = Vec::new();
    // One non-generic constructor for every caveat (size: one inlined record, not eight).
    let mut avertir = |code: &'static str,
                       parameter: Option<&ParamId>,
                       confidence: Grade,
                       message: Texte,
                       references: &[&'static str]| {
        v.push(Avertissement {
            code: Texte::statique(code),
            parameter: parameter.map(|p| Texte::statique(p.id())),
            confidence,
            message: message.into(),
            references: match parameter {
                Some(p) if references.is_empty() => l.references(p, debut),
                _ => references.iter().map(|r| Texte::statique(r)).collect(),
            }
            .into(),
        });
    };
    if years.iter().any(|y| y.latest_values_used) {
        let date = format::date_longue(horizon, langue);
        let message = [
            selon!(langue, "À partir du ", "From "),
            &date,
            selon!(langue, ", le SMIC, le plafond et les taux ne sont pas encore publiés : le coût reprend les dernières valeurs connues.", ", the SMIC, the ceiling and the rates are not published yet: the cost uses the latest known values."),
        ]
        .concat();
        avertir(
            "economie_dernieres_valeurs",
            None,
            Grade::C,
            message.into(),
            &["E6"],
        );
    }
    // Fixed texts: the program's own, never copied.
    let mut regle = |code: &'static str, id: &ParamId, fr: &'static str, en: &'static str| {
        let grade = l.grade(id, debut);
        avertir(code, Some(id), grade, selon!(langue, fr, en).into(), &[]);
    };
    if sous_smic {
        regle("economie_releve_au_smic", ids::ECONOMIE_SMIC_HORAIRE, "Le salaire donné est inférieur au SMIC de certains mois : ces mois-là, le calcul retient le SMIC, minimum légal.", "The salary given is below the SMIC in some months: in those months the cost uses the SMIC, the legal minimum.");
    }
    if let Some(b) = d.brut_mensuel {
        let sous_grille = years
            .iter()
            .flat_map(|y| y.months.iter())
            .any(|m| !m.raised_to_smic && m.gross == b && b < grille_du_mois(l, m.month, d));
        if sous_grille {
            regle("economie_sous_grille", ids::ECONOMIE_GRILLE_NIVEAU_5, "Le salaire donné est inférieur au minimum conventionnel du niveau 5 (convention des cabinets médicaux, IDCC 1147) au prorata du temps de travail.", "The salary given is below the collective-agreement minimum for level 5 (medical practices, IDCC 1147), prorated to the working time.");
        }
    }
    if d.hypotheses.taux_atmp.is_none() {
        regle("economie_taux_atmp", ids::ECONOMIE_TAUX_ATMP, "Taux AT/MP : le calcul retient le taux moyen national ; celui de votre cabinet figure sur votre compte AT/MP (net-entreprises.fr).", "AT/MP rate: the cost uses the national average; your practice's rate is on its AT/MP account (net-entreprises.fr).");
    }
    if d.hypotheses.mutuelle_mensuelle.is_none() {
        regle(
            "economie_mutuelle",
            ids::ECONOMIE_MUTUELLE_MONTANT,
            "Complémentaire santé : cotisation supposée ; celle de votre contrat peut différer.",
            "Company health insurance: an assumed premium; your contract's may differ.",
        );
    }
    let mut fixe =
        |code: &'static str, fr: &'static str, en: &'static str, references: &[&'static str]| {
            avertir(
                code,
                None,
                Grade::C,
                selon!(langue, fr, en).into(),
                references,
            );
        };
    fixe("economie_hors_calcul", "Non compté : la taxe sur les salaires (un cabinet non assujetti à la TVA peut la devoir selon l'ensemble de ses salaires), la prévoyance conventionnelle, la médecine du travail, le poste de travail et la formation.", "Not counted: the payroll tax (a practice outside VAT may owe it depending on all its salaries), collective-agreement provident cover, occupational health, workstation and training.", &["E6", "E1"]);
    if fmt_anterieur {
        fixe("economie_valeur_anterieure", "Pour les années qui commencent avant la première valeur connue du forfait médecin traitant ou de la consultation, la valeur d'un patient reprend cette première valeur.", "For years starting before the first known value of the forfait médecin traitant or the consultation fee, the value of a patient uses that first value.", &["E9", "E7"]);
    }
    fixe("economie_valeur_patient", "Le point mort est une estimation : la valeur d'un patient combine une moyenne nationale de consultations, le tarif G et le forfait médecin traitant ; modifiez ces hypothèses selon votre patientèle.", "The break-even is an estimate: a patient's value combines a national average of consultations, the G fee and the forfait médecin traitant; change these assumptions to match your patients.", &["E7", "E8", "E9"]);
    v
}

fn grille_du_mois(l: &LecteurDate<'_>, date: NaiveDate, d: &Demande) -> Decimal {
    let lire = |id: &ParamId| -> Option<Decimal> {
        match &l.rules.parametre_connu(id).ok()?.a_la_date(date)?.valeur {
            Valeur::Montant(x) | Valeur::Quantite(x) => Some(*x),
            _ => None,
        }
    };
    let id = match d.option {
        Formule::Demi => ids::ECONOMIE_DUREE_HEBDO_DEMI,
        _ => ids::ECONOMIE_DUREE_HEBDO_PLEIN,
    };
    match (
        lire(ids::ECONOMIE_GRILLE_NIVEAU_5),
        lire(id),
        lire(ids::ECONOMIE_DUREE_LEGALE_HEBDO),
    ) {
        (Some(g), Some(h), Some(leg)) if !leg.is_zero() => arrondi_centime(g * h / leg),
        _ => Decimal::ZERO,
    }
}

/// Reads a decimal input (`"2000"`, `"911.52"`); a typo is a typed error naming the field.
pub fn lire_decimal(champ: &str, texte: &str) -> Resultat<Decimal> {
    texte.trim().parse::<Decimal>().map_err(|_| {
        Erreur::valeur_inconnue(
            champ,
            texte,
            "nombre décimal avec un point, ex. 2000 ou 911.52 / decimal number with a dot",
        )
    })
}

/// Both options side by side, and the second assistant's conditions when a running contract is
/// given (conditions only: its amounts are not published).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Comparaison {
    pub options: Vec<Economie>,
    pub second_assistant: Option<crate::second_assistant::SecondAssistant>,
}

/// The economics of 1/2 ETP and 1 ETP. `brut_temps_plein` is the full-time gross salary (prorated
/// to the 1/2 ETP working time), absent for the floor.
pub fn comparer(
    rules: &RuleSet,
    s: &Situation,
    debut: Option<NaiveDate>,
    brut_temps_plein: Option<Decimal>,
    h: &Hypotheses,
    langue: Langue,
) -> Resultat<Comparaison> {
    let mut options = Vec::new();
    for f in [Formule::Demi, Formule::Plein] {
        let brut = match brut_temps_plein {
            Some(b) => {
                let date = debut.unwrap_or(s.signature_date);
                let mut l = LecteurDate::new(rules);
                let legale = l.valeur(ids::ECONOMIE_DUREE_LEGALE_HEBDO, date)?;
                let heures = heures_hebdo(&mut l, f, date)?;
                Some(arrondi_centime(b * heures / legale))
            }
            None => None,
        };
        options.push(calculer(
            rules,
            s,
            &Demande {
                option: f,
                debut,
                brut_mensuel: brut,
                hypotheses: h.clone(),
            },
            langue,
        )?);
    }
    let second_assistant = match s.current_contract {
        Some(_) => Some(crate::assessment::second_assistant_seul(rules, s, langue)?),
        None => None,
    };
    Ok(Comparaison {
        options,
        second_assistant,
    })
}

/// One row of the economics table, as displayed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LigneEconomie {
    pub year: String,
    pub period: String,
    pub aid: String,
    pub employer_cost: String,
    pub net: String,
    pub break_even: String,
    pub confidence: Grade,
    /// The same row as a screen reader should say it.
    pub spoken: String,
}

/// One option's table, as displayed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OptionEconomie {
    pub option: Formule,
    pub title: String,
    pub salary: String,
    pub rows: Vec<LigneEconomie>,
    pub total: LigneEconomie,
    pub break_even: String,
}

/// The economics screen in one language: every text rendered here, nothing left to the apps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VueEconomie {
    pub title: String,
    pub columns: Vec<String>,
    pub options: Vec<OptionEconomie>,
    pub assumptions: Vec<String>,
    pub caveats: Vec<String>,
    /// The second assistant's answer and conditions (no amounts: unpublished), when the
    /// situation gives a running contract.
    pub second_assistant: Vec<String>,
    pub references: Vec<String>,
    pub disclaimer: String,
}

fn txt(l: Langue, fr: &str, en: &str) -> String {
    match l {
        Langue::Fr => fr.to_owned(),
        Langue::En => en.to_owned(),
    }
}

fn texte_net(net: Option<Decimal>, maximum: bool, l: Langue) -> String {
    match net {
        None => txt(
            l,
            "à confirmer avec votre CPAM",
            "to be confirmed with your CPAM",
        ),
        Some(n) => {
            let m = format::montant(n, l);
            if maximum {
                format!("{m}{}", txt(l, " au mieux", " at best"))
            } else {
                m
            }
        }
    }
}

fn texte_point_mort(p: Option<i32>, c: Option<Decimal>, l: Langue) -> String {
    match (p, c) {
        (Some(0), _) => txt(l, "couvert par l'aide", "covered by the aid"),
        (Some(p), Some(c)) => {
            let n = format::nombre(i64::from(p), l);
            let c = match l {
                Langue::Fr => c.to_string().replace('.', ","),
                Langue::En => c.to_string(),
            };
            match l {
                Langue::Fr => format!("+{n} patients ({c} consultation(s) par jour)"),
                Langue::En => format!("+{n} patients ({c} consultation(s) a day)"),
            }
        }
        (Some(p), None) => format!("+{}", format::nombre(i64::from(p), l)),
        (None, _) => txt(l, "à confirmer", "to be confirmed"),
    }
}

fn parle(annee: &str, aide: &str, cout: &str, net: &str, l: Langue) -> String {
    match l {
        Langue::Fr => format!("{annee} : aide {aide}, coût {cout}, solde {net}"),
        Langue::En => format!("{annee}: aid {aide}, cost {cout}, net {net}"),
    }
}

/// Renders one or two options' economics in one language.
#[inline(never)]
pub fn vue(rules: &RuleSet, options: &[Economie], l: Langue) -> VueEconomie {
    let mut vues = Vec::new();
    let mut assumptions = Vec::new();
    let mut caveats: Vec<String> = Vec::new();
    let mut references: Vec<String> = Vec::new();
    for e in options {
        let libelle = match l {
            Langue::Fr => e.option.libelle_fr(),
            Langue::En => e.option.libelle_en(),
        };
        let mut rows = Vec::new();
        for y in &e.years {
            let aide = match y.aid {
                Some(a) => {
                    let m = format::montant(a, l);
                    if y.aid_maximum {
                        format!("{m}*")
                    } else {
                        m
                    }
                }
                None => txt(l, "à confirmer", "to be confirmed"),
            };
            let cout = format::montant(y.employer_cost, l);
            let net = texte_net(y.net, y.net_maximum, l);
            let annee = match l {
                Langue::Fr => format!("Année {}", y.year),
                Langue::En => format!("Year {}", y.year),
            };
            let aide_parle = y
                .aid
                .map_or_else(|| aide.clone(), |a| format::montant_parle(a, l));
            let net_parle = y
                .net
                .map_or_else(|| net.clone(), |n| format::montant_parle(n, l));
            rows.push(LigneEconomie {
                spoken: parle(
                    &annee,
                    &aide_parle,
                    &format::montant_parle(y.employer_cost, l),
                    &net_parle,
                    l,
                ),
                year: annee,
                period: format!(
                    "{} – {}",
                    format::date_longue(y.start, l),
                    format::date_longue(y.end, l)
                ),
                aid: aide,
                employer_cost: cout,
                net,
                break_even: texte_point_mort(
                    y.extra_patients,
                    y.extra_consultations_per_working_day,
                    l,
                ),
                confidence: y.net_confidence,
            });
        }
        let total_aide = e.total.aid.map_or_else(
            || txt(l, "à confirmer", "to be confirmed"),
            |a| format::montant(a, l),
        );
        let total_net = texte_net(e.total.net, e.total.net_maximum, l);
        let total = LigneEconomie {
            spoken: parle(
                "Total",
                &total_aide,
                &format::montant_parle(e.total.employer_cost, l),
                &total_net,
                l,
            ),
            year: "Total".into(),
            period: String::new(),
            aid: total_aide,
            employer_cost: format::montant(e.total.employer_cost, l),
            net: total_net,
            break_even: texte_point_mort(
                e.break_even.extra_patients_per_year,
                e.break_even.extra_consultations_per_working_day,
                l,
            ),
            confidence: e.total.net_confidence,
        };
        let salaire = match e.gross_monthly {
            Some(b) => match l {
                Langue::Fr => format!("Salaire brut mensuel : {}", format::montant(b, l)),
                Langue::En => format!("Gross monthly salary: {}", format::montant(b, l)),
            },
            None => txt(
                l,
                "Salaire brut mensuel : minimum conventionnel, jamais sous le SMIC",
                "Gross monthly salary: collective-agreement minimum, never below the SMIC",
            ),
        };
        let pm = &e.break_even;
        let point_mort = match (pm.extra_patients_per_year, l) {
            (Some(0), _) => txt(l, "L'aide couvre le coût sur la durée du contrat.", "The aid covers the cost over the contract."),
            (Some(p), Langue::Fr) => format!(
                "Point mort : +{} patients par an pendant tout le contrat (valeur d'un patient {} par an){} [{}]",
                format::nombre(i64::from(p), l),
                format::montant(pm.patient_value, l),
                if pm.maximum { ", aide des années 3 et suivantes au maximum" } else { "" },
                pm.confidence
            ),
            (Some(p), Langue::En) => format!(
                "Break-even: +{} patients a year for the whole contract (one patient is worth {} a year){} [{}]",
                format::nombre(i64::from(p), l),
                format::montant(pm.patient_value, l),
                if pm.maximum { ", with the year 3+ aid at its maximum" } else { "" },
                pm.confidence
            ),
            (None, _) => txt(l, "Point mort : à confirmer (aide inconnue).", "Break-even: to be confirmed (aid unknown)."),
        };
        vues.push(OptionEconomie {
            option: e.option,
            title: libelle.to_owned(),
            salary: salaire,
            rows,
            total,
            break_even: point_mort,
        });
        for h in &e.assumptions {
            let ligne = format!(
                "{} — {}{} {} [{}]{}",
                libelle,
                &h.label,
                txt(l, " :", ":"),
                valeur_affichee(h, l),
                h.grade,
                if h.references.is_empty() {
                    txt(l, " (votre valeur)", " (your value)")
                } else {
                    format!(" [{}]", h.references.join(", "))
                }
            );
            assumptions.push(ligne);
        }
        for c in &e.caveats {
            let m = &c.message;
            let ligne = format!("[{}] {} [{}]", c.confidence, m, c.references.join(", "));
            if !caveats.contains(&ligne) {
                caveats.push(ligne);
            }
        }
        // Borrowed from the rule set (no copy of each reference: size).
        for (id, r) in e
            .references
            .iter()
            .filter_map(|id| rules.reference(id).map(|r| (id, r)))
        {
            let ligne = format!("[{id}] {} — {}", r.title, r.url);
            if !references.contains(&ligne) {
                references.push(ligne);
            }
        }
    }
    VueEconomie {
        title: txt(l, "Coût et rentabilité de l'assistant médical", "Cost and payback of the medical assistant"),
        columns: match l {
            Langue::Fr => ["Année", "Période", "Aide", "Coût employeur", "Solde (aide − coût)", "Point mort"],
            Langue::En => ["Year", "Period", "Aid", "Employer cost", "Net (aid − cost)", "Break-even"],
        }
        .iter()
        .map(|s| (*s).to_owned())
        .collect(),
        options: vues,
        assumptions,
        caveats,
        second_assistant: Vec::new(),
        references,
        disclaimer: txt(
            l,
            "Simulation indicative, qui n'engage pas l'Assurance Maladie. * montant maximal, modulé selon l'atteinte de l'objectif.",
            "Indicative simulation, not binding on the Assurance Maladie. * maximum amount, modulated by the objective's achievement.",
        ),
    }
}

/// The comparison screen: both options and the second assistant's conditions.
pub fn vue_comparaison(rules: &RuleSet, c: &Comparaison, l: Langue) -> VueEconomie {
    let mut v = vue(rules, &c.options, l);
    if let Some(sa) = &c.second_assistant {
        v.second_assistant.push(sa.message.to_string());
        for cond in &sa.conditions {
            let m = &cond.message;
            v.second_assistant
                .push(format!("{} {m}", if cond.satisfied { "✓" } else { "✗" }));
        }
    }
    v
}

/// An assumption's value as shown: « 2 000 € », « 2,08 % », « 17,5 h par semaine ».
fn valeur_affichee(h: &Hypothese, l: Langue) -> String {
    let d: Option<Decimal> = h.value.parse().ok();
    let nombre = |x: Decimal| match l {
        Langue::Fr => x.normalize().to_string().replace('.', ","),
        Langue::En => x.normalize().to_string(),
    };
    match (h.unit.as_str(), d) {
        ("eur", Some(x)) => format::montant(x, l),
        ("eur_per_year", Some(x)) => {
            format!("{}{}", format::montant(x, l), txt(l, " par an", " a year"))
        }
        ("ratio", Some(x)) => format!(
            "{}{}%",
            nombre(x * Decimal::ONE_HUNDRED),
            txt(l, "\u{a0}", "")
        ),
        ("hours_per_week", Some(x)) => {
            format!("{} h{}", nombre(x), txt(l, " par semaine", " a week"))
        }
        ("per_year", Some(x)) => format!("{}{}", nombre(x), txt(l, " par an", " a year")),
        ("days_per_year", Some(x)) => {
            format!("{}{}", nombre(x), txt(l, " jours par an", " days a year"))
        }
        _ => h.value.clone(),
    }
}

impl VueEconomie {
    /// The screen as plain text (the CLI's rendering).
    pub fn texte(&self) -> String {
        let mut s = format!("{}\n", self.title);
        for o in &self.options {
            s.push_str(&format!("\n{} — {}\n", o.title, o.salary));
            let c = &self.columns;
            s.push_str(&format!(
                "  {:<9} {:<44} {:>14} {:>16} {:>22}  {}\n",
                c[0], c[1], c[2], c[3], c[4], c[5]
            ));
            for r in o.rows.iter().chain(std::iter::once(&o.total)) {
                s.push_str(&format!(
                    "  {:<9} {:<44} {:>14} {:>16} {:>22}  {} [{}]\n",
                    r.year, r.period, r.aid, r.employer_cost, r.net, r.break_even, r.confidence
                ));
            }
            s.push_str(&format!("  {}\n", o.break_even));
        }
        for (titre, lignes) in [
            ("Hypothèses / assumptions", &self.assumptions),
            ("Second assistant", &self.second_assistant),
            ("Avertissements / caveats", &self.caveats),
            ("Références / references", &self.references),
        ] {
            if lignes.is_empty() {
                continue;
            }
            s.push_str(&format!("\n{titre}\n"));
            for l in lignes.iter() {
                s.push_str(&format!("  {l}\n"));
            }
        }
        s.push_str(&format!("\n{}", self.disclaimer));
        s
    }
}

/// The JSON input of an economics request (golden cases, apps saving a simulation): `option`,
/// `start`, `gross_monthly` (decimal string), `situation` (the simulate input) and `assumptions`
/// (`contacts_per_year`, `consultation_fee`, `fmt_band`, `fmt`, `working_days`, `atmp_rate`,
/// `health_insurance_monthly`, decimal strings). Unknown fields are refused.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntreeEconomie {
    pub option: String,
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub gross_monthly: Option<String>,
    pub situation: serde_json::Value,
    #[serde(default)]
    pub assumptions: EntreeHypotheses,
}

/// The caller's assumptions as text (see `EntreeEconomie`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EntreeHypotheses {
    pub contacts_per_year: Option<String>,
    pub consultation_fee: Option<String>,
    pub fmt_band: Option<String>,
    pub fmt: Option<String>,
    pub working_days: Option<String>,
    pub atmp_rate: Option<String>,
    pub health_insurance_monthly: Option<String>,
}

impl Demande {
    /// Checks a request built by a program (an app, through the SDK) as if it had been typed:
    /// the same bounds and the same typed errors naming the field.
    pub fn verifier(&self) -> Resultat<Demande> {
        // Each figure read again from its text, as typed, by one non-generic helper (the same
        // errors as `EntreeHypotheses::valider`, without building the text record: size).
        let h = &self.hypotheses;
        Ok(Demande {
            option: self.option,
            debut: self
                .debut
                .map(|d| crate::situation::lire_date("start", &d.to_string()))
                .transpose()?,
            brut_mensuel: relire_decimal("gross_monthly", self.brut_mensuel)?,
            hypotheses: Hypotheses {
                contacts_par_an: relire_decimal("contacts_per_year", h.contacts_par_an)?,
                consultation: relire_decimal("consultation_fee", h.consultation)?,
                bande_fmt: BandeFmt::depuis_code(h.bande_fmt.code())?,
                forfait_mt: relire_decimal("fmt", h.forfait_mt)?,
                jours_travailles: relire_decimal("working_days", h.jours_travailles)?,
                taux_atmp: relire_decimal("atmp_rate", h.taux_atmp)?,
                mutuelle_mensuelle: relire_decimal(
                    "health_insurance_monthly",
                    h.mutuelle_mensuelle,
                )?,
            },
        })
    }
}

/// A decimal given by a program, checked as if typed: its text read by `lire_decimal`.
#[inline(never)]
fn relire_decimal(champ: &str, d: Option<Decimal>) -> Resultat<Option<Decimal>> {
    d.map(|x| lire_decimal(champ, &x.to_string())).transpose()
}

impl EntreeHypotheses {
    pub fn valider(&self) -> Resultat<Hypotheses> {
        let d = |champ: &str, v: &Option<String>| -> Resultat<Option<Decimal>> {
            v.as_deref().map(|t| lire_decimal(champ, t)).transpose()
        };
        Ok(Hypotheses {
            contacts_par_an: d("contacts_per_year", &self.contacts_per_year)?,
            consultation: d("consultation_fee", &self.consultation_fee)?,
            bande_fmt: match &self.fmt_band {
                Some(b) => BandeFmt::depuis_code(b)?,
                None => BandeFmt::default(),
            },
            forfait_mt: d("fmt", &self.fmt)?,
            jours_travailles: d("working_days", &self.working_days)?,
            taux_atmp: d("atmp_rate", &self.atmp_rate)?,
            mutuelle_mensuelle: d("health_insurance_monthly", &self.health_insurance_monthly)?,
        })
    }
}

impl EntreeEconomie {
    pub fn depuis_json(texte: &str) -> Resultat<EntreeEconomie> {
        crate::json::lire_type(texte, crate::situation::LIMITES_JSON)
    }

    /// The validated situation and request (the start defaults to the signature date, and the
    /// signature date to the start).
    pub fn valider(&self) -> Resultat<(Situation, Demande)> {
        let mut saisie = crate::Saisie::depuis_json(&self.situation.to_string())?;
        if saisie.signature_date.is_none() {
            saisie.signature_date = self.start.clone();
        }
        let s = saisie.valider()?;
        let option = Formule::depuis_code("option", &self.option)?;
        let debut = self
            .start
            .as_deref()
            .map(|t| crate::situation::lire_date("start", t))
            .transpose()?;
        let brut_mensuel = self
            .gross_monthly
            .as_deref()
            .map(|t| lire_decimal("gross_monthly", t))
            .transpose()?;
        Ok((
            s,
            Demande {
                option,
                debut,
                brut_mensuel,
                hypotheses: self.assumptions.valider()?,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn puissance_et_racine() {
        assert_eq!(racine_carree(d("2.25")).unwrap().round_dp(20), d("1.5"));
        // 16^1.75 = 2^7 = 128; 0.5^1.75 = 2^-1.75 = 0.29730177875068…
        assert_eq!(
            puissance(d("16"), d("1.75")).unwrap().round_dp(18),
            d("128")
        );
        assert_eq!(
            puissance(d("0.5"), d("1.75")).unwrap().round_dp(12),
            d("0.297301778751")
        );
        assert_eq!(puissance(d("7"), d("0")).unwrap(), Decimal::ONE);
        assert_eq!(puissance(d("-1"), d("1.75")), None);
    }
}
