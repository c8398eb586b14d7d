//! The assessment: eligibility, options × years, objectives, second assistant, caveats and the
//! references behind every figure, for one situation.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::amounts;
use crate::eligibility::{self, Eligibilite, Statut};
use crate::error::{Erreur, Resultat};
use crate::explain::{valeur_lisible, Avertissement, Motif, Ordinal, Raison, AVIS_EN, AVIS_FR};
use crate::format::{date_longue, DateLongue};
use crate::message::Message;
use crate::money;
use crate::objectives::{self, Objectif, StatutObjectif};
use crate::percentile::{self, Origine, Positionnement};
use crate::provenance::{Lecteur, Trace};
use crate::rules::citations::{Citations, Recueil};
use crate::rules::ids::{self, ParamId};
use crate::rules::{Grade, Reference, RuleSet, Valeur, Version};
use crate::second_assistant::{self, SecondAssistant};
use crate::situation::{Formule, Situation};
use crate::texte::Texte;
use crate::timeline::{self, AnneeContrat, Echeancier};
use crate::Langue;

/// The version applied, with the rule bundle it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VersionAppliquee {
    pub id: Texte,
    /// In the language of the call.
    pub title: Texte,
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub start: NaiveDate,
    #[serde(serialize_with = "crate::rules::date::serialiser_option")]
    pub end_exclusive: Option<NaiveDate>,
    pub references: Citations,
    pub bundle_version: u64,
    #[serde(serialize_with = "crate::rules::date::serialiser")]
    pub bundle_published: NaiveDate,
    /// `embedded` or `update` (a signed bundle installed after the release).
    pub bundle_origin: crate::rules::OrigineRegles,
}

impl VersionAppliquee {
    pub(crate) fn new(rules: &RuleSet, v: &Version, langue: Langue) -> Self {
        VersionAppliquee {
            id: v.id.clone(),
            title: selon!(langue, v.title_fr.clone(), v.title_en.clone()),
            start: v.start,
            end_exclusive: v.end_exclusive,
            references: Citations::de_la_version(rules, v),
            bundle_version: rules.bundle_version,
            bundle_published: rules.published,
            bundle_origin: rules.origine,
        }
    }
}

/// A cited reference, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReferenceCitee {
    pub id: Texte,
    #[serde(flatten)]
    pub reference: Reference,
}

/// One option (1/3, 1/2 or 1 ETP) for this doctor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OptionResultat {
    pub option: Formule,
    /// In the language of the call.
    pub label: Texte,
    pub available: bool,
    pub unavailable_reasons: Vec<Raison>,
    /// Aid for contract years 1–5 (empty when the option is unavailable, and for a doctor in
    /// ALD or with RQTH, whose aid the CPAM sets).
    pub aid: Vec<AnneeContrat>,
    #[serde(with = "money::option")]
    pub total: Option<Decimal>,
    /// absent when unavailable, and in ALD or with RQTH (the CPAM sets the objective).
    pub objective: Option<Objectif>,
    /// For a doctor in ALD or with RQTH only: the version's standard table, shown as
    /// information and never as that doctor's aid (policy §0.3 of the reference); absent
    /// otherwise.
    pub standard_table_for_information: Option<Vec<AnneeContrat>>,
}

/// The full answer for one situation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Evaluation {
    pub rules: VersionAppliquee,
    pub situation: Situation,
    pub eligibility: Eligibilite,
    pub percentile: Option<Positionnement>,
    pub options: Vec<OptionResultat>,
    pub second_assistant: Option<SecondAssistant>,
    pub caveats: Vec<Avertissement>,
    /// Ids of the conditions worth knowing, not computed (assistant qualification, payment
    /// timing…): rule data. A notice id names a topic with one text per version: resolve it
    /// among the notices whose `versions` hold `rules.id` (`assessment::notices_citees`; the
    /// SDK's `RuleStore.notices()` lists them all).
    pub notices: Citations,
    /// Ids of every reference the result rests on, sorted: rule data, resolved with
    /// `RuleSet::reference` (the SDK's `RuleStore.references()`), never copied into results.
    pub references: Citations,
    /// In the language of the call.
    pub disclaimer: Texte,
}

/// A timeline with the version it starts under, its caveats and references.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Chronologie {
    pub rules: VersionAppliquee,
    #[serde(flatten)]
    pub echeancier: Echeancier,
    pub caveats: Vec<Avertissement>,
    /// Ids of the references, sorted (see `Evaluation::references`).
    pub references: Citations,
}

fn indisponible(f: Formule, raisons: Vec<Raison>, langue: Langue) -> OptionResultat {
    OptionResultat {
        option: f,
        label: selon!(langue, f.libelle_fr(), f.libelle_en()).into(),
        available: false,
        unavailable_reasons: raisons,
        aid: Vec::new(),
        total: None,
        objective: None,
        standard_table_for_information: None,
    }
}

/// The grade of the choice of the amounts row: a declared band is the doctor's own (the CPAM's)
/// figure; a derived one carries the grade of the thresholds it was derived from.
pub(crate) fn grade_ligne(pos: &Positionnement) -> Grade {
    match pos.source {
        Origine::Declared => Grade::A,
        Origine::Derived => pos.confidence,
    }
}

/// Assesses a situation under the rules in force on its signature date.
pub fn evaluer(rules: &RuleSet, s: &Situation, langue: Langue) -> Resultat<Evaluation> {
    let version = rules.version_a(s.signature_date, "signature_date")?;
    let spe = rules.specialite(&s.specialty)?;
    let mut l = Lecteur::new(rules, version);

    let mut raisons = eligibility::criteres_de_base(&mut l, s, spe, langue)?;
    let mut pos = None;
    if eligibility::statut(&raisons) != Statut::NotEligible {
        let p = percentile::determiner(&mut l, s, spe)?;
        raisons.push(eligibility::critere_activite(&mut l, s, spe, &p, langue)?);
        pos = Some(p);
    }
    let status = eligibility::statut(&raisons);

    // Sized once: three options, and rarely more than six caveats (six is also the most the
    // allocator's per-thread cache serves: 960 bytes; eight took its slow path).
    let mut options = Vec::with_capacity(Formule::TOUTES.len());
    let mut caveats = Vec::with_capacity(6);
    // The version's citations, collected once: the applied version and the reasons and caveats
    // that rest on the version alone cite them.
    let appliquee = VersionAppliquee::new(rules, version, langue);
    let refs_version = &appliquee.references;
    // What the options' objectives share, read for the first.
    let mut communs = objectives::Communs::default();
    // The contract's years, computed for the first available option.
    let mut calendrier = None;
    for &f in Formule::TOUTES {
        let Some(pos) = pos.as_ref().filter(|_| status != Statut::NotEligible) else {
            let r = Motif::MedecinNonEligible.rendre(refs_version.clone(), Grade::A, langue);
            options.push(indisponible(f, vec![r], langue));
            continue;
        };
        let (dispo, pourquoi) = amounts::disponibilite(&mut l, s, f, langue)?;
        if !dispo {
            options.push(indisponible(f, pourquoi, langue));
            continue;
        }
        let ech = timeline::calculer_avec(
            &mut l,
            Some(&mut calendrier),
            f,
            s.signature_date,
            pos.row,
            grade_ligne(pos),
        )?;
        if s.ald_or_rqth {
            // The CPAM sets the contract: no personal amount and no objective (policy §0.3).
            options.push(OptionResultat {
                option: f,
                label: selon!(langue, f.libelle_fr(), f.libelle_en()).into(),
                available: true,
                unavailable_reasons: Vec::new(),
                aid: Vec::new(),
                total: None,
                objective: None,
                standard_table_for_information: Some(ech.years),
            });
            continue;
        }
        let objective = objectives::objectif_parmi(
            &mut l,
            &mut communs,
            s,
            spe,
            f,
            pos,
            s.signature_date,
            langue,
        )?;
        options.push(OptionResultat {
            option: f,
            label: selon!(langue, f.libelle_fr(), f.libelle_en()).into(),
            available: true,
            unavailable_reasons: Vec::new(),
            total: ech.total,
            aid: ech.years,
            objective: Some(objective),
            standard_table_for_information: None,
        });
    }
    if let Some(p) = pos.as_ref().filter(|_| status != Statut::NotEligible) {
        caveats.extend(eligibility::avertissement_avenant_8(&mut l, s, p, langue)?);
    }

    let second_assistant = match &s.current_contract {
        Some(c) => Some(second_assistant::evaluer(&mut l, s, spe, c, langue)?),
        None => None,
    };

    let aides = options.iter().flat_map(|o| {
        o.aid
            .iter()
            .chain(o.standard_table_for_information.iter().flatten())
    });
    avertissements_metier(rules, version, aides, pos.as_ref(), langue, &mut caveats);
    if options
        .iter()
        .filter_map(|o| o.objective.as_ref())
        .any(|o| o.status == StatutObjectif::ToConfirm)
    {
        caveats.push(Avertissement::nouveau(
            "objectif_a_confirmer",
            Grade::Gap, selon!(langue, "Objectif à confirmer avec votre CPAM : la grille applicable n'est pas publiée, ou la règle ne donne pas d'objectif dans votre situation.", "Objective to confirm with your CPAM: the applicable grid is not published, or the rule gives no objective in your situation."),
            refs_version.clone(),
        ));
    }
    avertissements_donnees(rules, &l.usages, langue, &mut caveats);

    let eligibility = Eligibilite {
        status,
        reasons: raisons,
    };
    // The version's notices and their citations, set once per rule set.
    let (notices, refs_notices) = rules.notices_citees(version);
    // About 60 citations, merged as ranks.
    let mut cites = Recueil::pour_trier(rules);
    cites.ajouter(refs_version);
    for r in &eligibility.reasons {
        cites.ajouter(&r.references);
    }
    for o in &options {
        for r in &o.unavailable_reasons {
            cites.ajouter(&r.references);
        }
        if let Some(obj) = &o.objective {
            cites.ajouter(&obj.references);
        }
    }
    for c in second_assistant.iter().flat_map(|sa| &sa.conditions) {
        cites.ajouter(&c.references);
    }
    for c in &caveats {
        cites.ajouter(&c.references);
    }
    cites.ajouter(&refs_notices);
    let references = cites.triees();

    Ok(Evaluation {
        rules: appliquee,
        // `spe.code` reads as `s.specialty` (it was found by it).
        situation: s.avec_specialite(spe.code.clone()),
        eligibility,
        percentile: pos,
        options,
        second_assistant,
        caveats,
        notices,
        references,
        disclaimer: selon!(langue, AVIS_FR, AVIS_EN).into(),
    })
}

/// The timeline of a contract signed on the situation's signature date, starting on `debut`
/// (the signature date when absent), for option `f`.
pub fn chronologie(
    rules: &RuleSet,
    s: &Situation,
    f: Formule,
    debut: Option<NaiveDate>,
    langue: Langue,
) -> Resultat<Chronologie> {
    let version = rules.version_a(s.signature_date, "signature_date")?;
    let spe = rules.specialite(&s.specialty)?;
    let debut = debut.unwrap_or(s.signature_date);
    if debut < s.signature_date {
        return Err(Erreur::incoherence(
            "start",
            format!(
                "le contrat commencerait le {}, avant sa signature le {} ; indiquez un début à partir du {}",
                date_longue(debut, Langue::Fr),
                date_longue(s.signature_date, Langue::Fr),
                date_longue(s.signature_date, Langue::Fr)
            ),
            format!(
                "the contract would start on {}, before its signature on {}; give a start on or after {}",
                date_longue(debut, Langue::En),
                date_longue(s.signature_date, Langue::En),
                date_longue(s.signature_date, Langue::En)
            ),
        ));
    }
    let mut l = Lecteur::new(rules, version);
    let (dispo, pourquoi) = amounts::disponibilite(&mut l, s, f, langue)?;
    if !dispo {
        // An error stays bilingual: the reason rendered again in the other language.
        let autre = langue.autre();
        let (_, ailleurs) = amounts::disponibilite(&mut Lecteur::new(rules, version), s, f, autre)?;
        let texte = |p: &[Raison]| p.first().map(|r| r.message.to_string()).unwrap_or_default();
        let (fr, en) = selon!(
            langue,
            (texte(&pourquoi), texte(&ailleurs)),
            (texte(&ailleurs), texte(&pourquoi))
        );
        return Err(Erreur::formule_indisponible("option", fr, en));
    }
    let pos = percentile::determiner(&mut l, s, spe)?;
    let echeancier = timeline::calculer(&mut l, f, debut, pos.row, grade_ligne(&pos))?;
    let mut caveats = Vec::with_capacity(4);
    avertissements_metier(
        rules,
        version,
        &echeancier.years,
        Some(&pos),
        langue,
        &mut caveats,
    );
    avertissements_donnees(rules, &l.usages, langue, &mut caveats);
    let appliquee = VersionAppliquee::new(rules, version, langue);
    let mut cites = Recueil::pour_trier(rules);
    cites.ajouter(&appliquee.references);
    for c in &caveats {
        cites.ajouter(&c.references);
    }
    let references = cites.triees();
    Ok(Chronologie {
        rules: appliquee,
        echeancier,
        caveats,
        references,
    })
}

/// The second-assistant answer alone, for a situation that gives its running contract.
pub fn second_assistant_seul(
    rules: &RuleSet,
    s: &Situation,
    langue: Langue,
) -> Resultat<SecondAssistant> {
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
    second_assistant::evaluer(&mut l, s, spe, c, langue)
}

/// The references of `ids` (a result's `references`), resolved in the rule set, in order.
pub fn references_citees<'a>(
    rules: &RuleSet,
    ids: impl IntoIterator<Item = &'a Texte>,
) -> Vec<ReferenceCitee> {
    ids.into_iter()
        .filter_map(|id| {
            rules.reference(id).map(|r| ReferenceCitee {
                id: id.clone(),
                reference: r.clone(),
            })
        })
        .collect()
}

/// The notices of `ids` (a result's `notices`) for the result's version `version` (its
/// `rules.id`): a notice id names a topic, with one text per version (`Notice::versions`).
/// `ids` is a result's list (`Citations`) or a view's (`Vec<Texte>`).
pub fn notices_citees<'r, 'i, I>(
    rules: &'r RuleSet,
    version: &str,
    ids: &'i I,
) -> Vec<&'r crate::rules::Notice>
where
    I: ?Sized,
    &'i I: IntoIterator<Item = &'i Texte>,
{
    rules
        .notices_de(version)
        .into_iter()
        .filter(|n| ids.into_iter().any(|id| *id == n.id))
        .collect()
}

/// Every reference of the rule set, by id (what the SDK hands once, to resolve results' ids).
pub fn toutes_les_references(rules: &RuleSet) -> Vec<ReferenceCitee> {
    rules
        .references
        .iter()
        .map(|(id, r)| ReferenceCitee {
            id: id.clone(),
            reference: r.clone(),
        })
        .collect()
}

/// Caveats about the shape of the figures: maxima from year 3, switch of running contracts,
/// derived percentile band; added to `v`.
pub(crate) fn avertissements_metier<'a>(
    rules: &RuleSet,
    signature: &Version,
    annees: impl IntoIterator<Item = &'a AnneeContrat> + Clone,
    pos: Option<&Positionnement>,
    langue: Langue,
    v: &mut Vec<Avertissement>,
) {
    // Grade and references of a parameter value under version `v`, for a caveat about it.
    let source = |id: &ParamId, v: &Version| {
        let position = rules.position_connue(id)?;
        let p = rules.parametre_a(position)?;
        let index = p.rang_a_la_date(v.start)?;
        let x = p.valeurs.get(index)?;
        Some((x.grade, rules.citations_de_valeur(position, index)))
    };
    if let Some(premiere) = annees
        .clone()
        .into_iter()
        .filter(|a| a.maximum)
        .map(|a| a.year)
        .min()
    {
        // The year comes from `aide.modulation.annee_debut`, which set `maximum` on the years.
        let (grade, refs) = match source(ids::MODULATION_ANNEE_DEBUT, signature) {
            Some((g, c)) => (g, c.clone()),
            None => (Grade::Gap, Citations::de_la_version(rules, signature)),
        };
        v.push(Avertissement::nouveau(
            "montant_maximal_module",
            grade,
            Message::avertissement(
                MessageAvertissement::MontantMaximal { annee: premiere },
                langue,
            ),
            refs,
        ));
    }
    let bascule = annees
        .into_iter()
        .find(|a| a.rules_id != signature.id)
        .and_then(|a| rules.version(&a.rules_id).map(|v| (a, v)));
    if let Some((annee, version)) = bascule {
        let inchanges = source(ids::TRANSITION_OBJECTIFS_INCHANGES, version);
        let grade = inchanges.map_or(Grade::Gap, |(g, _)| g);
        let mut refs = Recueil::new(rules);
        match inchanges {
            Some((_, c)) => refs.ajouter(c),
            None => refs.citer_version(version),
        };
        // The year mapping of the switch (S12) is cited beside the unchanged objectives.
        if let Some((_, c)) = source(ids::TRANSITION_BASCULE_ANNIVERSAIRE, version) {
            refs.ajouter(c);
        }
        let refs = refs.dans_l_ordre_cite();
        v.push(Avertissement::nouveau(
            "bascule_contrat_en_cours",
            grade,
            Message::avertissement(
                MessageAvertissement::Bascule {
                    version: selon!(langue, version.title_fr.clone(), version.title_en.clone()),
                    debut: annee.start,
                },
                langue,
            ),
            refs,
        ));
    }
    if let Some(p) = pos.filter(|p| p.source == Origine::Derived && p.confidence.a_signaler()) {
        v.push(Avertissement::nouveau(
            "tranche_deduite",
            p.confidence, selon!(langue, "Tranche de percentile déduite de votre patientèle médecin traitant avec des seuils peu sûrs : vérifiez-la auprès de votre CPAM ou sur amelipro.", "Percentile band derived from your médecin-traitant patient list with uncertain thresholds: check it with your CPAM or on amelipro."),
            Citations::de_la_version(rules, signature),
        ));
    }
}

/// One caveat per grade-C or GAP value a result rests on, added to `v`.
pub(crate) fn avertissements_donnees(
    rules: &RuleSet,
    usages: &Trace,
    langue: Langue,
    v: &mut Vec<Avertissement>,
) {
    // A trace holds each dated value once: one caveat each.
    for u in usages.iter() {
        if !u.grade.a_signaler() {
            continue;
        }
        let (Some(p), Some(val)) = (u.parametre_de(rules), u.valeur_de(rules)) else {
            continue;
        };
        // The value's description and note, in the language of the call.
        let description = selon!(langue, &p.description_fr, &p.description_en).clone();
        let note = selon!(langue, val.note.as_ref(), val.note_en.as_ref()).cloned();
        let non_publiee = matches!(
            (&val.valeur, u.grade),
            (Valeur::Inconnue, _) | (_, Grade::Gap)
        );
        // A grade-C value is shown: written now, since it may need the rule set's names.
        let valeur = (!non_publiee)
            .then(|| valeur_lisible(rules, p.unite, &val.valeur, langue).into_boxed_str());
        let message = Message::avertissement(
            MessageAvertissement::Valeur {
                description,
                valeur,
                note,
            },
            langue,
        );
        v.push(Avertissement {
            code: if non_publiee {
                "valeur_non_publiee"
            } else {
                "valeur_grade_c"
            }
            .into(),
            parameter: Some(p.id.clone()),
            confidence: u.grade,
            message,
            references: rules
                .citations_de_valeur(usize::from(u.parametre), usize::from(u.valeur))
                .clone(),
        });
    }
}

/// The figures of the caveats about the shape of the figures and about the data, written out
/// in the language of the call when read (`crate::message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessageAvertissement {
    /// From contract year `annee` the amounts are maxima.
    MontantMaximal { annee: i32 },
    /// A running contract switches to the amounts of `version` (its title) from the contract
    /// year starting on `debut`.
    Bascule { version: Texte, debut: NaiveDate },
    /// A grade-C value (`valeur`, as a reader reads it) or one not published (`None`), with the
    /// parameter's description and the value's note.
    Valeur {
        description: Texte,
        valeur: Option<Box<str>>,
        note: Option<Texte>,
    },
}

impl MessageAvertissement {
    pub(crate) fn ecrire(&self, f: &mut fmt::Formatter<'_>, langue: Langue) -> fmt::Result {
        match self {
            MessageAvertissement::MontantMaximal { annee } => {
                let rang = Ordinal(*annee, langue);
                selon!(
                    langue,
                    write!(f, "À partir de la {rang} année, les montants sont des maxima, modulés selon l'atteinte de l'objectif ; la formule de modulation n'est pas publiée."),
                    write!(f, "From the {rang} year the amounts are maxima, modulated by how far the objective is reached; the modulation formula is not published.")
                )
            }
            MessageAvertissement::Bascule { version, debut } => selon!(
                langue,
                write!(
                    f,
                    "Contrat en cours : les montants de la {version} s'appliquent à partir de l'année de contrat qui commence le {} ; les objectifs du contrat ne changent pas automatiquement (à confirmer avec votre CPAM).",
                    DateLongue(*debut, Langue::Fr)
                ),
                write!(
                    f,
                    "Running contract: the amounts of the {version} apply from the contract year starting on {}; the contract's objectives do not change automatically (to confirm with your CPAM).",
                    DateLongue(*debut, Langue::En)
                )
            ),
            MessageAvertissement::Valeur {
                description,
                valeur,
                note,
            } => {
                match (valeur, langue) {
                    (None, Langue::Fr) => write!(f, "« {description} » : valeur non publiée"),
                    (None, Langue::En) => write!(f, "“{description}”: value not published"),
                    (Some(v), Langue::Fr) => write!(
                        f,
                        "« {description} » : {v} ; valeur tirée d'une source peu sûre (grade C)"
                    ),
                    (Some(v), Langue::En) => {
                        write!(f, "“{description}”: {v}; value from a weak source (grade C)")
                    }
                }?;
                if let Some(n) = note {
                    write!(f, " ({})", n.trim_end_matches('.'))?;
                }
                f.write_str(selon!(
                    langue,
                    ". À confirmer avec votre CPAM.",
                    ". To confirm with your CPAM."
                ))
            }
        }
    }
}
