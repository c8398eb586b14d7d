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
    pub start: NaiveDate,
    pub end_exclusive: Option<NaiveDate>,
    pub references: Vec<Texte>,
    pub bundle_version: u64,
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
            references: v.references.clone(),
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
    pub notices: Vec<Texte>,
    /// Ids of every reference the result rests on, sorted: rule data, resolved with
    /// `RuleSet::reference` (the SDK's `RuleStore.references()`), never copied into results.
    pub references: Vec<Texte>,
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
    pub references: Vec<Texte>,
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

    let mut options = Vec::new();
    let mut caveats = Vec::new();
    for &f in Formule::TOUTES {
        let Some(pos) = pos.as_ref().filter(|_| status != Statut::NotEligible) else {
            let r = Motif::MedecinNonEligible.rendre(version.references.clone(), Grade::A, langue);
            options.push(indisponible(f, vec![r], langue));
            continue;
        };
        let (dispo, pourquoi) = amounts::disponibilite(&mut l, s, f, langue)?;
        if !dispo {
            options.push(indisponible(f, pourquoi, langue));
            continue;
        }
        let ech = timeline::calculer(&mut l, f, s.signature_date, pos.row, grade_ligne(pos))?;
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
        let objective = objectives::objectif(&mut l, s, spe, f, pos, s.signature_date, langue)?;
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
    caveats.extend(avertissements_metier(
        rules,
        version,
        aides,
        pos.as_ref(),
        langue,
    ));
    if options
        .iter()
        .filter_map(|o| o.objective.as_ref())
        .any(|o| o.status == StatutObjectif::ToConfirm)
    {
        caveats.push(Avertissement::nouveau(
            "objectif_a_confirmer",
            Grade::Gap, selon!(langue, "Objectif à confirmer avec votre CPAM : la grille applicable n'est pas publiée, ou la règle ne donne pas d'objectif dans votre situation.", "Objective to confirm with your CPAM: the applicable grid is not published, or the rule gives no objective in your situation."),
            version.references.clone(),
        ));
    }
    caveats.extend(avertissements_donnees(rules, &l.usages, langue));

    let eligibility = Eligibilite {
        status,
        reasons: raisons,
    };
    let notices_version = rules.notices_de(&version.id);
    let notices = notices_version.iter().map(|n| n.id.clone()).collect();
    // About 60 citations, walked in place (no list of them is built).
    fn refs(r: &Raison) -> std::slice::Iter<'_, Texte> {
        r.references.iter()
    }
    let cites = version
        .references
        .iter()
        .chain(eligibility.reasons.iter().flat_map(refs))
        .chain(options.iter().flat_map(|o| {
            o.unavailable_reasons
                .iter()
                .flat_map(refs)
                .chain(o.objective.iter().flat_map(|obj| obj.references.iter()))
        }))
        .chain(
            second_assistant
                .iter()
                .flat_map(|sa| sa.conditions.iter().flat_map(|c| c.references.iter())),
        )
        .chain(caveats.iter().flat_map(|c| c.references.iter()))
        .chain(notices_version.iter().flat_map(|n| n.references.iter()));
    let references = resoudre_dans(rules, cites);

    Ok(Evaluation {
        rules: VersionAppliquee::new(rules, version, langue),
        situation: s.clone(),
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
    let mut caveats = avertissements_metier(rules, version, &echeancier.years, Some(&pos), langue);
    caveats.extend(avertissements_donnees(rules, &l.usages, langue));
    let cites = version
        .references
        .iter()
        .chain(caveats.iter().flat_map(|c| c.references.iter()));
    let references = resoudre_dans(rules, cites);
    Ok(Chronologie {
        rules: VersionAppliquee::new(rules, version, langue),
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

/// The ids of the references cited, sorted and unique: results refer to rule data by id.
pub(crate) fn resoudre<'a>(ids: impl IntoIterator<Item = &'a Texte>) -> Vec<Texte> {
    // About 60 citations of a few dozen ids, each a few bytes ("S12", "NOS-G100"): packed into a
    // number whose order is the order of the strings, each is looked up in the sorted list of
    // those seen and inserted in place when new (a hash set and a string sort were a seventh
    // of the assessment).
    let mut uniques: Vec<(u128, &Texte)> = Vec::with_capacity(32);
    let mut longs: Vec<&Texte> = Vec::new();
    for id in ids {
        let Some(k) = cle_de_tri(id) else {
            longs.push(id);
            continue;
        };
        if let Err(place) = uniques.binary_search_by(|&(u, _)| u.cmp(&k)) {
            uniques.insert(place, (k, id));
        }
    }
    if longs.is_empty() {
        return uniques.into_iter().map(|(_, id)| id.clone()).collect();
    }
    // An id too long to pack (none in the embedded rules): sorted as strings with the others.
    let mut tous: Vec<&Texte> = uniques.into_iter().map(|(_, id)| id).collect();
    tous.extend(longs);
    tous.sort_unstable();
    tous.dedup();
    // Every id cited comes from the rule data, whose integrity checks refuse an unknown one.
    tous.into_iter().cloned().collect()
}

/// Words of `resoudre_dans`'s set of ranks: 1 024 ids, more than a document may hold (its
/// objects have at most 1 000 entries); a rank beyond goes the way of an unknown id.
const MOTS_DE_RANGS: usize = 16;

/// `resoudre` for the ids cited from `rules`' data (the same list): each id's rank in the
/// reference table (`RuleSet::rang_de_reference`, found from the text's address) is a bit of a
/// set, read in order at the end; only the unique ids are copied. An id the table lacks, or a
/// bigger table's, is sorted as a string with the others, as `resoudre` does.
pub(crate) fn resoudre_dans<'a>(
    rules: &RuleSet,
    ids: impl IntoIterator<Item = &'a Texte>,
) -> Vec<Texte> {
    let mut rangs = [0u64; MOTS_DE_RANGS];
    let mut autres: Vec<&Texte> = Vec::new();
    for id in ids {
        let mot = rules
            .rang_de_reference(id)
            .and_then(|r| Some((rangs.get_mut(r / 64)?, r % 64)));
        match mot {
            Some((mot, bit)) => *mot |= 1u64 << bit,
            None => autres.push(id),
        }
    }
    lire_les_rangs(rules, &rangs, autres)
}

/// The ids of the set of ranks, in order, with `autres` (ids without a rank) sorted among them.
fn lire_les_rangs(
    rules: &RuleSet,
    rangs: &[u64; MOTS_DE_RANGS],
    autres: Vec<&Texte>,
) -> Vec<Texte> {
    let n = rangs.iter().map(|m| m.count_ones() as usize).sum();
    let mut tries = Vec::with_capacity(n);
    for (i, &mot) in rangs.iter().enumerate() {
        let mut reste = mot;
        while reste != 0 {
            let rang = i * 64 + reste.trailing_zeros() as usize;
            reste &= reste - 1;
            if let Some(id) = rules.reference_de_rang(rang) {
                tries.push(id.clone());
            }
        }
    }
    if autres.is_empty() {
        return tries;
    }
    // Ranks are in `str` order: the others are sorted as strings with them.
    let mut tous: Vec<&Texte> = tries.iter().chain(autres).collect();
    tous.sort_unstable();
    tous.dedup();
    tous.into_iter().cloned().collect()
}

/// Places of `uniques_dans_l_ordre`'s kept ids, on the stack (a result cites a dozen ids at
/// most); more take a scan of strings.
const PLACES: usize = 16;

/// `refs` in their first-seen order, each once, for a result: each id's fingerprint is compared
/// with those of the ids kept (one number; the strings are compared only when they are equal,
/// and two copies of one id of the rule data share their bytes then).
pub(crate) fn uniques_dans_l_ordre(refs: &[&Texte]) -> Vec<Texte> {
    let Some(&premier) = refs.first() else {
        return Vec::new();
    };
    let mut empreintes = [0u64; PLACES];
    let mut gardes: [&Texte; PLACES] = [premier; PLACES];
    let mut n = 0;
    'refs: for &r in refs {
        let s = r.as_str();
        let e = empreinte(s);
        let vues = empreintes.get(..n).unwrap_or_default();
        for (k, &x) in vues.iter().enumerate() {
            if x == e && gardes.get(k).is_some_and(|u| meme(u, s)) {
                continue 'refs;
            }
        }
        match (empreintes.get_mut(n), gardes.get_mut(n)) {
            (Some(x), Some(u)) => {
                *x = e;
                *u = r;
                n += 1;
            }
            _ => return uniques_par_chaines(refs),
        }
    }
    // Copied once each, into a list of their number.
    let gardes = gardes.get(..n).unwrap_or_default();
    gardes.iter().map(|&u| u.clone()).collect()
}

/// `uniques_dans_l_ordre` by a scan of the kept strings, for lists of many different ids.
fn uniques_par_chaines(refs: &[&Texte]) -> Vec<Texte> {
    let mut uniques: Vec<Texte> = Vec::with_capacity(refs.len());
    for r in refs {
        if !uniques.iter().any(|u| meme(u, r)) {
            uniques.push((*r).clone());
        }
    }
    uniques
}

/// Whether two ids are equal: the same bytes at the same address are (copies of one text).
fn meme(a: &str, b: &str) -> bool {
    a.len() == b.len() && (std::ptr::eq(a.as_ptr(), b.as_ptr()) || a.as_bytes() == b.as_bytes())
}

/// A number equal for equal strings, from their length and at most 16 of their bytes (the
/// first and last 8, 4 or 1 and the middle one): different for almost all different ids, read
/// in a few instructions.
fn empreinte(s: &str) -> u64 {
    let o = s.as_bytes();
    let (a, b) = match (o.first_chunk::<8>(), o.last_chunk::<8>()) {
        (Some(a), Some(b)) => (u64::from_le_bytes(*a), u64::from_le_bytes(*b)),
        _ => match (o.first_chunk::<4>(), o.last_chunk::<4>()) {
            (Some(a), Some(b)) => (
                u64::from(u32::from_le_bytes(*a)),
                u64::from(u32::from_le_bytes(*b)),
            ),
            _ => {
                let octet = |i: usize| o.get(i).map_or(0, |&x| u64::from(x));
                (
                    octet(0) | octet(o.len() / 2) << 8,
                    octet(o.len().wrapping_sub(1)),
                )
            }
        },
    };
    (a ^ b.rotate_left(32) ^ o.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// `id`'s bytes, big-endian and zero-padded, as one number: for ids of at most 16 bytes not
/// ending with a zero byte (the one case where padding could make two ids equal), comparing
/// the numbers compares the strings (a prefix sorts first, as with `str`).
fn cle_de_tri(id: &str) -> Option<u128> {
    let octets = id.as_bytes();
    if octets.len() > 16 || octets.last() == Some(&0) {
        return None;
    }
    let mut cle = [0u8; 16];
    cle.get_mut(..octets.len())?.copy_from_slice(octets);
    Some(u128::from_be_bytes(cle))
}

/// The references of `ids` (a result's `references`), resolved in the rule set, in order.
pub fn references_citees(rules: &RuleSet, ids: &[Texte]) -> Vec<ReferenceCitee> {
    ids.iter()
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
pub fn notices_citees<'r>(
    rules: &'r RuleSet,
    version: &str,
    ids: &[Texte],
) -> Vec<&'r crate::rules::Notice> {
    rules
        .notices_de(version)
        .into_iter()
        .filter(|n| ids.contains(&n.id))
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
/// derived percentile band.
pub(crate) fn avertissements_metier<'a>(
    rules: &RuleSet,
    signature: &Version,
    annees: impl IntoIterator<Item = &'a AnneeContrat> + Clone,
    pos: Option<&Positionnement>,
    langue: Langue,
) -> Vec<Avertissement> {
    let mut v = Vec::with_capacity(4);
    // Grade and references of a parameter value under version `v`, for a caveat about it.
    let source = |id: &ParamId, v: &Version| {
        rules
            .parametre_connu(id)
            .ok()
            .and_then(|p| p.a_la_date(v.start))
            .map(|x| (x.grade, x.references.as_slice()))
    };
    if let Some(premiere) = annees
        .clone()
        .into_iter()
        .filter(|a| a.maximum)
        .map(|a| a.year)
        .min()
    {
        // The year comes from `aide.modulation.annee_debut`, which set `maximum` on the years.
        let (grade, refs) = source(ids::MODULATION_ANNEE_DEBUT, signature)
            .unwrap_or((Grade::Gap, signature.references.as_slice()));
        v.push(Avertissement::nouveau(
            "montant_maximal_module",
            grade,
            Message::avertissement(
                MessageAvertissement::MontantMaximal { annee: premiere },
                langue,
            ),
            refs.to_vec(),
        ));
    }
    let bascule = annees
        .into_iter()
        .find(|a| a.rules_id != signature.id)
        .and_then(|a| rules.version(&a.rules_id).map(|v| (a, v)));
    if let Some((annee, version)) = bascule {
        let (grade, inchanges) = source(ids::TRANSITION_OBJECTIFS_INCHANGES, version)
            .unwrap_or((Grade::Gap, version.references.as_slice()));
        // The year mapping of the switch (S12) is cited beside the unchanged objectives.
        let bascule =
            source(ids::TRANSITION_BASCULE_ANNIVERSAIRE, version).map_or(&[][..], |(_, r)| r);
        let mut refs: Vec<Texte> = Vec::with_capacity(inchanges.len() + bascule.len());
        refs.extend(inchanges.iter().cloned());
        refs.extend(bascule.iter().filter(|x| !inchanges.contains(x)).cloned());
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
            signature.references.clone(),
        ));
    }
    v
}

/// One caveat per grade-C or GAP value a result rests on.
pub(crate) fn avertissements_donnees(
    rules: &RuleSet,
    usages: &Trace,
    langue: Langue,
) -> Vec<Avertissement> {
    let mut v = Vec::new();
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
        let valeur = (!non_publiee).then(|| valeur_lisible(rules, p.unite, &val.valeur, langue));
        let message = Message::avertissement(
            MessageAvertissement::Valeur {
                description,
                valeur,
                note,
            },
            langue,
        );
        if v.capacity() == 0 {
            v.reserve(4);
        }
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
            references: val.references.clone(),
        });
    }
    v
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
        valeur: Option<String>,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain reading of "sorted and unique", against which the packed keys are checked.
    fn attendu(ids: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = ids.iter().map(|s| (*s).to_owned()).collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn les_references_sont_triees_comme_des_chaines_et_uniques() {
        let cas: [&[&str]; 5] = [
            &[
                "S6", "RA2023", "S6", "S12", "S1", "S12", "NOS-G100", "E10", "S",
            ],
            // A prefix sorts first; bytes above ASCII and 16-byte ids pack too.
            &[
                "AB",
                "A",
                "ABC",
                "Aé",
                "A~",
                "0123456789abcdef",
                "0123456789abcdee",
            ],
            // Longer than 16 bytes, or with a NUL byte: sorted as strings with the others.
            &[
                "S2",
                "un-identifiant-bien-trop-long",
                "S10",
                "a\0b",
                "a",
                "S2",
                "a\0",
                "a\0\0",
            ],
            &[],
            &["S1"],
        ];
        // Ids as the rule data holds them (shared texts).
        let textes =
            |ids: &[&str]| -> Vec<Texte> { ids.iter().map(|s| Texte::partage(s)).collect() };
        for ids in cas {
            let t = textes(ids);
            assert_eq!(resoudre(t.iter()), attendu(ids), "{ids:?}");
        }
        for ids in cas {
            let mut vus: Vec<&str> = Vec::new();
            for id in ids {
                if !vus.contains(id) {
                    vus.push(id);
                }
            }
            let t = textes(ids);
            let refs: Vec<&Texte> = t.iter().collect();
            assert_eq!(uniques_dans_l_ordre(&refs), vus, "{ids:?}");
        }
        // Many unique ids (more than the 16 keys of `uniques_dans_l_ordre`), each cited twice,
        // in a scrambled order.
        let beaucoup: Vec<String> = (0..600).map(|i| format!("S{}", (i * 7919) % 300)).collect();
        let beaucoup: Vec<&str> = beaucoup.iter().map(String::as_str).collect();
        let t = textes(&beaucoup);
        assert_eq!(resoudre(t.iter()), attendu(&beaucoup));
        assert_eq!(attendu(&beaucoup).len(), 300);
        let premiers: Vec<String> = (0..300).map(|i| format!("S{}", (i * 7919) % 300)).collect();
        let refs: Vec<&Texte> = t.iter().collect();
        assert_eq!(uniques_dans_l_ordre(&refs), premiers);

        // The ranks of a rule set (`resoudre_dans`), against the same plain reading: in the
        // embedded rules and in a document with other ids (prefixes, bytes above ASCII, ids
        // longer than 16 bytes), for ids cited as the rule data's own texts (found by address),
        // as copies (found by string) and unknown to the table (sorted as strings among them).
        let mut doc: serde_json::Value =
            serde_json::from_str(crate::rules::regles_embarquees_json().unwrap()).unwrap();
        let table = doc["references"].as_object_mut().unwrap();
        let modele = table.values().next().unwrap().clone();
        for id in [
            "A",
            "AB",
            "ABC",
            "Aé",
            "A~",
            "0123456789abcdef",
            "0123456789abcdee",
            "un-identifiant-bien-trop-long",
            "S2",
            "S10",
            "a",
        ] {
            table.insert(id.into(), modele.clone());
        }
        let autre = RuleSet::from_json(&doc.to_string()).unwrap();
        for rules in [crate::rules::embarquees().unwrap(), &autre] {
            let table: Vec<&Texte> = rules.references.keys().collect();
            for (i, id) in table.iter().enumerate() {
                assert_eq!(rules.rang_de_reference(id), Some(i), "{id}");
                assert_eq!(rules.rang_de_reference(&Texte::partage(id)), Some(i));
                assert_eq!(rules.reference_de_rang(i), Some(*id));
            }
            // The lists of the rule data share the table's texts: their ids are found by address.
            let propre = |r: &Texte| {
                rules
                    .references
                    .get_key_value(r.as_str())
                    .is_some_and(|(k, _)| std::ptr::eq(k.as_ptr(), r.as_ptr()))
            };
            let listes = rules
                .versions
                .iter()
                .map(|v| &v.references)
                .chain(rules.specialites.iter().map(|s| &s.references))
                .chain(rules.notices.iter().map(|n| &n.references))
                .chain(
                    rules
                        .parametres()
                        .flat_map(|p| p.valeurs.iter().map(|v| &v.references)),
                );
            for liste in listes {
                assert!(liste.iter().all(propre), "{liste:?}");
            }
            let tous: Vec<&str> = table.iter().map(|t| t.as_str()).collect();
            let melanges: Vec<&str> = tous.iter().rev().chain(&tous).copied().collect();
            for ids in cas.iter().copied().chain([&tous[..], &melanges, &beaucoup]) {
                // Every other citation of a known id is the table's own text, the rest copies.
                let t: Vec<Texte> = ids
                    .iter()
                    .enumerate()
                    .map(|(i, s)| match rules.references.get_key_value(*s) {
                        Some((k, _)) if i % 2 == 0 => k.clone(),
                        _ => Texte::from((*s).to_owned()),
                    })
                    .collect();
                assert_eq!(resoudre_dans(rules, t.iter()), attendu(ids), "{ids:?}");
                assert_eq!(resoudre_dans(rules, t.iter()), resoudre(t.iter()));
            }
        }
    }

    #[test]
    fn les_references_d_un_resultat_gardent_l_ordre_de_leur_premiere_citation() {
        // One text per id, as in the rule data (copies share their bytes), or a text per citation;
        // two ids of one length and the same first and last 8 bytes (one fingerprint); more
        // different ids than `PLACES`, with repeats after them.
        let longs = [
            "un-identifiant-bien-trop-long",
            "un-identifiant-XXXX-trop-long",
        ];
        let plus: Vec<String> = (0..PLACES + 3)
            .map(|i| format!("S{i}"))
            .chain((0..PLACES + 3).rev().map(|i| format!("S{i}")))
            .collect();
        let plus: Vec<&str> = plus.iter().map(String::as_str).collect();
        let cas: [&[&str]; 6] = [
            &[
                "S6", "S12", "S6", "", "S12", "S1", "", "NOS-G100", "E10", "S1",
            ],
            &[longs[0], longs[1], longs[0], longs[1], "un-identifiant"],
            &plus[..PLACES],
            &plus[..PLACES + 1],
            &plus,
            &[],
        ];
        for ids in cas {
            let mut vus: Vec<&str> = Vec::new();
            for id in ids {
                if !vus.contains(id) {
                    vus.push(id);
                }
            }
            let par_citation: Vec<Texte> = ids.iter().map(|s| Texte::partage(s)).collect();
            let mut par_id: Vec<Texte> = Vec::new();
            for s in ids {
                let t = par_id
                    .iter()
                    .find(|t| t.as_str() == *s)
                    .cloned()
                    .unwrap_or_else(|| Texte::partage(s));
                par_id.push(t);
            }
            for textes in [&par_citation, &par_id] {
                let refs: Vec<&Texte> = textes.iter().collect();
                assert_eq!(uniques_dans_l_ordre(&refs), vus, "{ids:?}");
            }
        }
    }
}
