//! The assessment: eligibility, options × years, objectives, second assistant, caveats and the
//! references behind every figure, for one situation.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::amounts;
use crate::eligibility::{self, Eligibilite, Statut};
use crate::error::{Erreur, Resultat};
use crate::explain::{Avertissement, Motif, Raison, AVIS_EN, AVIS_FR};
use crate::money;
use crate::objectives::{self, Objectif, StatutObjectif};
use crate::percentile::{self, Origine, Positionnement};
use crate::provenance::{Lecteur, Usage};
use crate::rules::{Grade, Reference, RuleSet, Valeur, Version};
use crate::second_assistant::{self, SecondAssistant};
use crate::situation::{Formule, Situation};
use crate::timeline::{self, AnneeContrat, Echeancier};

/// The version applied, with the rule bundle it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionAppliquee {
    pub id: String,
    pub title_fr: String,
    pub title_en: String,
    pub start: NaiveDate,
    pub end_exclusive: Option<NaiveDate>,
    pub references: Vec<String>,
    pub bundle_version: u64,
    pub bundle_published: NaiveDate,
    /// `embedded` or `update` (a signed bundle installed after the release).
    pub bundle_origin: crate::rules::OrigineRegles,
}

impl VersionAppliquee {
    pub(crate) fn new(rules: &RuleSet, v: &Version) -> Self {
        VersionAppliquee {
            id: v.id.clone(),
            title_fr: v.title_fr.clone(),
            title_en: v.title_en.clone(),
            start: v.start,
            end_exclusive: v.end_exclusive,
            references: v.references.clone(),
            bundle_version: rules.bundle_version,
            bundle_published: rules.published,
            bundle_origin: rules.origine,
        }
    }
}

/// A cited reference, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReferenceCitee {
    pub id: String,
    #[serde(flatten)]
    pub reference: Reference,
}

/// One option (1/3, 1/2 or 1 ETP) for this doctor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionResultat {
    pub option: Formule,
    pub label_fr: &'static str,
    pub label_en: &'static str,
    pub available: bool,
    pub unavailable_reasons: Vec<Raison>,
    /// Aid for contract years 1–5 (empty when the option is unavailable).
    pub aid: Vec<AnneeContrat>,
    #[serde(with = "money::option")]
    pub total: Option<Decimal>,
    pub objective: Option<Objectif>,
}

/// The full answer for one situation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub rules: VersionAppliquee,
    pub situation: Situation,
    pub eligibility: Eligibilite,
    pub percentile: Option<Positionnement>,
    pub options: Vec<OptionResultat>,
    pub second_assistant: Option<SecondAssistant>,
    pub caveats: Vec<Avertissement>,
    /// Conditions worth knowing, not computed (assistant qualification, payment timing…).
    pub notices: Vec<crate::rules::Notice>,
    pub references: Vec<ReferenceCitee>,
    pub disclaimer_fr: &'static str,
    pub disclaimer_en: &'static str,
}

/// A timeline with the version it starts under, its caveats and references.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chronologie {
    pub rules: VersionAppliquee,
    #[serde(flatten)]
    pub echeancier: Echeancier,
    pub caveats: Vec<Avertissement>,
    pub references: Vec<ReferenceCitee>,
}

fn indisponible(f: Formule, raisons: Vec<Raison>) -> OptionResultat {
    OptionResultat {
        option: f,
        label_fr: f.libelle_fr(),
        label_en: f.libelle_en(),
        available: false,
        unavailable_reasons: raisons,
        aid: Vec::new(),
        total: None,
        objective: None,
    }
}

/// Assesses a situation under the rules in force on its signature date.
pub fn evaluer(rules: &RuleSet, s: &Situation) -> Resultat<Evaluation> {
    let version = rules.version_a(s.signature_date, "signature_date")?;
    let spe = rules.specialite(&s.specialty)?;
    let mut l = Lecteur::new(rules, version);

    let mut raisons = eligibility::criteres_de_base(&mut l, s, spe)?;
    let mut pos = None;
    if eligibility::statut(&raisons) != Statut::NotEligible {
        let p = percentile::determiner(&mut l, s, spe)?;
        raisons.push(eligibility::critere_activite(&mut l, s, spe, &p)?);
        pos = Some(p);
    }
    let status = eligibility::statut(&raisons);

    let mut options = Vec::new();
    let mut caveats = Vec::new();
    for &f in Formule::TOUTES {
        let Some(pos) = pos.as_ref().filter(|_| status != Statut::NotEligible) else {
            let r = Motif::MedecinNonEligible.rendre(version.references.clone(), Grade::A);
            options.push(indisponible(f, vec![r]));
            continue;
        };
        let (dispo, pourquoi) = amounts::disponibilite(&mut l, s, f)?;
        if !dispo {
            options.push(indisponible(f, pourquoi));
            continue;
        }
        let ech = timeline::calculer(&mut l, f, s.signature_date, pos.row)?;
        let objective = objectives::objectif(&mut l, s, spe, f, pos, s.signature_date)?;
        options.push(OptionResultat {
            option: f,
            label_fr: f.libelle_fr(),
            label_en: f.libelle_en(),
            available: true,
            unavailable_reasons: Vec::new(),
            total: ech.total,
            aid: ech.years,
            objective: Some(objective),
        });
    }

    let second_assistant = match &s.current_contract {
        Some(c) => Some(second_assistant::evaluer(&mut l, s, spe, c)?),
        None => None,
    };

    let aides: Vec<&AnneeContrat> = options.iter().flat_map(|o| o.aid.iter()).collect();
    caveats.extend(avertissements_metier(rules, version, &aides, pos.as_ref()));
    if options
        .iter()
        .filter_map(|o| o.objective.as_ref())
        .any(|o| o.status == StatutObjectif::ToConfirm)
    {
        caveats.push(Avertissement::nouveau(
            "objectif_a_confirmer",
            Grade::Gap,
            "Objectif à confirmer avec votre CPAM : la grille applicable n'est pas publiée ou le contrat est adapté.".into(),
            "Objective to confirm with your CPAM: the applicable grid is not published or the contract is adjusted.".into(),
            version.references.clone(),
        ));
    }
    caveats.extend(avertissements_donnees(rules, &l.usages));

    let mut cites: Vec<&str> = version.references.iter().map(String::as_str).collect();
    let eligibility = Eligibilite {
        status,
        reasons: raisons,
    };
    for r in &eligibility.reasons {
        cites.extend(r.references.iter().map(String::as_str));
    }
    for o in &options {
        cites.extend(
            o.unavailable_reasons
                .iter()
                .flat_map(|r| r.references.iter().map(String::as_str)),
        );
        if let Some(obj) = &o.objective {
            cites.extend(obj.references.iter().map(String::as_str));
        }
    }
    if let Some(sa) = &second_assistant {
        cites.extend(
            sa.conditions
                .iter()
                .flat_map(|c| c.references.iter().map(String::as_str)),
        );
    }
    cites.extend(
        caveats
            .iter()
            .flat_map(|c| c.references.iter().map(String::as_str)),
    );
    let notices: Vec<crate::rules::Notice> =
        rules.notices_de(&version.id).into_iter().cloned().collect();
    cites.extend(
        notices
            .iter()
            .flat_map(|n| n.references.iter().map(String::as_str)),
    );
    let references = resoudre(rules, cites);

    Ok(Evaluation {
        rules: VersionAppliquee::new(rules, version),
        situation: s.clone(),
        eligibility,
        percentile: pos,
        options,
        second_assistant,
        caveats,
        notices,
        references,
        disclaimer_fr: AVIS_FR,
        disclaimer_en: AVIS_EN,
    })
}

/// The timeline of a contract signed on the situation's signature date, starting on `debut`
/// (the signature date when `None`), for option `f`.
pub fn chronologie(
    rules: &RuleSet,
    s: &Situation,
    f: Formule,
    debut: Option<NaiveDate>,
) -> Resultat<Chronologie> {
    let version = rules.version_a(s.signature_date, "signature_date")?;
    let spe = rules.specialite(&s.specialty)?;
    let debut = debut.unwrap_or(s.signature_date);
    if debut < s.signature_date {
        return Err(Erreur::incoherence(
            "start",
            format!("le contrat commence le {debut}, avant sa signature le {} ; date attendue à partir du {}", s.signature_date, s.signature_date),
            format!("the contract starts on {debut}, before its signature on {}; expected a date on or after {}", s.signature_date, s.signature_date),
        ));
    }
    let mut l = Lecteur::new(rules, version);
    let (dispo, pourquoi) = amounts::disponibilite(&mut l, s, f)?;
    if !dispo {
        let detail = pourquoi.first();
        return Err(Erreur::formule_indisponible(
            "option",
            detail.map(|r| r.message_fr.clone()).unwrap_or_default(),
            detail.map(|r| r.message_en.clone()).unwrap_or_default(),
        ));
    }
    let pos = percentile::determiner(&mut l, s, spe)?;
    let echeancier = timeline::calculer(&mut l, f, debut, pos.row)?;
    let annees: Vec<&AnneeContrat> = echeancier.years.iter().collect();
    let mut caveats = avertissements_metier(rules, version, &annees, Some(&pos));
    caveats.extend(avertissements_donnees(rules, &l.usages));
    let mut cites: Vec<&str> = version.references.iter().map(String::as_str).collect();
    cites.extend(
        caveats
            .iter()
            .flat_map(|c| c.references.iter().map(String::as_str)),
    );
    let references = resoudre(rules, cites);
    Ok(Chronologie {
        rules: VersionAppliquee::new(rules, version),
        echeancier,
        caveats,
        references,
    })
}

/// The second-assistant answer alone, for a situation that gives its running contract.
pub fn second_assistant_seul(rules: &RuleSet, s: &Situation) -> Resultat<SecondAssistant> {
    let version = rules.version_a(s.signature_date, "signature_date")?;
    let spe = rules.specialite(&s.specialty)?;
    let c = s.current_contract.as_ref().ok_or_else(|| {
        Erreur::champ_requis(
            "current_contract",
            "le contrat en cours (option, start, objectives_reached) est nécessaire pour la question du second assistant",
            "the running contract (option, start, objectives_reached) is needed for the second-assistant question",
        )
    })?;
    let mut l = Lecteur::new(rules, version);
    second_assistant::evaluer(&mut l, s, spe, c)
}

pub(crate) fn resoudre<'a>(
    rules: &RuleSet,
    ids: impl IntoIterator<Item = &'a str>,
) -> Vec<ReferenceCitee> {
    let uniques: BTreeSet<&str> = ids.into_iter().collect();
    uniques
        .into_iter()
        .filter_map(|id| {
            rules.reference(id).map(|r| ReferenceCitee {
                id: id.to_owned(),
                reference: r.clone(),
            })
        })
        .collect()
}

/// Caveats about the shape of the figures: maxima from year 3, switch of running contracts,
/// derived percentile band.
pub(crate) fn avertissements_metier(
    rules: &RuleSet,
    signature: &Version,
    annees: &[&AnneeContrat],
    pos: Option<&Positionnement>,
) -> Vec<Avertissement> {
    let mut v = Vec::new();
    // Grade and references of a parameter value under version `v`, for a caveat about it.
    let source = |id: &str, v: &Version| {
        rules
            .parametre(id)
            .ok()
            .and_then(|p| p.a_la_date(v.start))
            .map(|x| (x.grade, x.references.clone()))
    };
    if annees.iter().any(|a| a.maximum) {
        let (grade, refs) = source("aide.modulation.annee_debut", signature)
            .unwrap_or((Grade::Gap, signature.references.clone()));
        v.push(Avertissement::nouveau(
            "montant_maximal_module",
            grade,
            "À partir de la 3e année, les montants sont des maxima, modulés selon l'atteinte de l'objectif ; la formule de modulation n'est pas publiée.".into(),
            "From year 3 the amounts are maxima, modulated by how far the objective is reached; the modulation formula is not published.".into(),
            refs,
        ));
    }
    let bascule = annees
        .iter()
        .find(|a| a.rules_id != signature.id)
        .and_then(|a| rules.version(&a.rules_id).map(|v| (a, v)));
    if let Some((annee, version)) = bascule {
        let (grade, refs) = source("transition.objectifs_inchanges", version)
            .unwrap_or((Grade::Gap, version.references.clone()));
        v.push(Avertissement::nouveau(
            "bascule_contrat_en_cours",
            grade,
            format!(
                "Contrat en cours : les montants de « {} » s'appliquent à partir de l'année qui commence le {} ; les objectifs du contrat ne changent pas automatiquement (à confirmer avec votre CPAM).",
                version.id, annee.start
            ),
            format!(
                "Running contract: the amounts of `{}` apply from the year starting on {}; the contract's objectives do not change automatically (to confirm with your CPAM).",
                version.id, annee.start
            ),
            refs,
        ));
    }
    if let Some(p) = pos.filter(|p| p.source == Origine::Derived && p.confidence.a_signaler()) {
        v.push(Avertissement::nouveau(
            "tranche_deduite",
            p.confidence,
            "Tranche de percentile déduite de votre patientèle médecin traitant avec des seuils peu sûrs : vérifiez-la auprès de votre CPAM ou sur amelipro.".into(),
            "Percentile band derived from your médecin-traitant patient list with uncertain thresholds: check it with your CPAM or on amelipro.".into(),
            signature.references.clone(),
        ));
    }
    v
}

/// One caveat per grade-C or GAP value a result rests on.
pub(crate) fn avertissements_donnees(rules: &RuleSet, usages: &[Usage]) -> Vec<Avertissement> {
    let mut vus = BTreeSet::new();
    let mut v = Vec::new();
    for u in usages.iter().filter(|u| u.grade.a_signaler()) {
        if !vus.insert((u.parametre.as_str(), u.from)) {
            continue;
        }
        let Ok(p) = rules.parametre(&u.parametre) else {
            continue;
        };
        let Some(val) = p.valeurs.iter().find(|x| x.from == u.from) else {
            continue;
        };
        let note = val
            .note
            .as_deref()
            .map(|n| format!(" ({})", n.trim_end_matches('.')))
            .unwrap_or_default();
        let (code, fr, en) = match (&val.valeur, u.grade) {
            (Valeur::Inconnue, _) | (_, Grade::Gap) => (
                "valeur_non_publiee",
                format!("« {} » : valeur non publiée{note}. À confirmer avec votre CPAM.", p.description_fr),
                format!("“{}”: value not published. To confirm with your CPAM.", p.description_en),
            ),
            (valeur, _) => (
                "valeur_grade_c",
                format!("« {} » = {valeur} repose sur une source peu sûre (grade C){note}. À confirmer avec votre CPAM.", p.description_fr),
                format!("“{}” = {valeur} rests on a weak source (grade C). To confirm with your CPAM.", p.description_en),
            ),
        };
        v.push(Avertissement {
            code,
            parameter: Some(u.parametre.clone()),
            confidence: u.grade,
            message_fr: fr,
            message_en: en,
            references: val.references.clone(),
        });
    }
    v
}
