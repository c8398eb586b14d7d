//! Second assistant (1.5 / 2 ETP, convention 2024): conditions checked one by one. Amounts and
//! objectives are GAPs, and the official simulator does not compute them either: the answer is
//! "eligible in principle, contact your CPAM" or the failed conditions.

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::Resultat;
use crate::explain::{liste, ordinal};
use crate::format::date_longue;
use crate::message::Message;
use crate::money;
use crate::provenance::Lecteur;
use crate::rules::citations::Citations;
use crate::rules::ids::{self, ParamId};
use crate::rules::{Grade, Specialite};
use crate::situation::{ContratEnCours, Formule, Situation, Zone};
use crate::texte::Texte;
use crate::timeline::debut_annee;
use crate::Langue;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum StatutSecondAssistant {
    EligibleInPrinciple,
    NotEligible,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Condition {
    pub code: Texte,
    pub satisfied: bool,
    /// In the language of the call.
    pub message: Message,
    pub references: Citations,
    pub confidence: Grade,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OptionSecondAssistant {
    /// "1.5" or "2" ETP in all.
    pub fte: Texte,
    /// Not published: always absent until the rule data has it.
    #[serde(with = "money::option")]
    pub amount: Option<rust_decimal::Decimal>,
    pub confidence: Grade,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SecondAssistant {
    pub status: StatutSecondAssistant,
    pub conditions: Vec<Condition>,
    pub options: Vec<OptionSecondAssistant>,
    /// In the language of the call.
    pub message: Message,
}

/// Contract year (1-based) in progress on `date` for a contract started on `debut`.
pub fn annee_en_cours(debut: NaiveDate, date: NaiveDate) -> Resultat<i32> {
    let mut annee = 1;
    while debut_annee(debut, annee + 1)? <= date {
        annee += 1;
    }
    Ok(annee)
}

fn condition(
    l: &mut Lecteur<'_>,
    id: &ParamId,
    code: &'static str,
    ok: bool,
    fr: String,
    en: String,
    langue: Langue,
) -> Resultat<Condition> {
    let grade = l.lire(id)?.grade;
    Ok(Condition {
        code: Texte::statique(code),
        satisfied: ok,
        message: selon!(langue, fr, en).into(),
        references: l.citations(&[id]),
        confidence: grade,
    })
}

/// Checks the second-assistant conditions for the running contract `c`.
pub fn evaluer(
    l: &mut Lecteur<'_>,
    s: &Situation,
    spe: &Specialite,
    c: &ContratEnCours,
    langue: Langue,
) -> Resultat<SecondAssistant> {
    // A running contract started before the scheme (year 0…) is no contract of the scheme.
    l.rules.version_a(c.start, "current_contract.start")?;
    let mut conditions = Vec::new();
    let ouvert = l.booleen(ids::SECOND_ASSISTANT_OUVERT)?.valeur == Some(true);
    let signe_fr = date_longue(s.signature_date, Langue::Fr);
    let signe_en = date_longue(s.signature_date, Langue::En);
    let (fr, en) = if ouvert {
        (
            format!(
                "Options 1,5 et 2 ETP ouvertes pour un contrat signé le {signe_fr} ({}).",
                l.version.title_fr
            ),
            format!(
                "1.5 and 2 FTE options open to a contract signed on {signe_en} ({}).",
                l.version.title_en
            ),
        )
    } else {
        (
            format!(
                "Options 1,5 et 2 ETP non ouvertes pour un contrat signé le {signe_fr} ({}).",
                l.version.title_fr
            ),
            format!(
                "1.5 and 2 FTE options not open to a contract signed on {signe_en} ({}).",
                l.version.title_en
            ),
        )
    };
    conditions.push(condition(
        l,
        ids::SECOND_ASSISTANT_OUVERT,
        "second_assistant_ouvert",
        ouvert,
        fr,
        en,
        langue,
    )?);
    if ouvert {
        if l.booleen(ids::SECOND_ASSISTANT_GENERALISTE_REQUIS)?.valeur == Some(true) {
            conditions.push(condition(
                l,
                ids::SECOND_ASSISTANT_GENERALISTE_REQUIS,
                "second_assistant_generaliste",
                spe.est_generaliste(),
                format!("Réservé aux médecins généralistes (vous : {}).", spe.name),
                format!("Restricted to GPs (you: {}).", spe.name_en),
                langue,
            )?);
        }
        if l.booleen(ids::SECOND_ASSISTANT_MEP_EXCLU)?.valeur == Some(true) {
            conditions.push(condition(
                l,
                ids::SECOND_ASSISTANT_MEP_EXCLU,
                "second_assistant_hors_mep",
                !s.mep,
                "Médecin sans mode d'exercice particulier (MEP).".into(),
                "Doctor without a particular practice mode (MEP).".into(),
                langue,
            )?);
        }
        let formules: Vec<Formule> = l
            .codes(ids::SECOND_ASSISTANT_FORMULE_REQUISE)?
            .valeur
            .unwrap_or_default()
            .iter()
            .filter_map(|f| Formule::depuis_code(Formule::CHAMP, f).ok())
            .collect();
        let noms_fr: Vec<&str> = formules.iter().map(|f| f.libelle_fr()).collect();
        let noms_en: Vec<&str> = formules.iter().map(|f| f.libelle_en()).collect();
        conditions.push(condition(
            l,
            ids::SECOND_ASSISTANT_FORMULE_REQUISE,
            "second_assistant_contrat_plein",
            formules.contains(&c.option),
            format!(
                "Contrat en cours à {} (vous : {}).",
                liste(&noms_fr, Langue::Fr),
                c.option.libelle_fr()
            ),
            format!(
                "Running {} contract (you: {}).",
                liste(&noms_en, Langue::En),
                c.option.libelle_en()
            ),
            langue,
        )?);
        if let Some(min) = l.nombre(ids::SECOND_ASSISTANT_ANNEE_CONTRAT_MIN)?.valeur {
            let annee = annee_en_cours(c.start, s.signature_date)?;
            conditions.push(condition(
                l,
                ids::SECOND_ASSISTANT_ANNEE_CONTRAT_MIN,
                "second_assistant_annee_contrat",
                annee >= min,
                format!(
                    "Au moins en {} année du contrat en cours (vous : {} année au {signe_fr}).",
                    ordinal(min, Langue::Fr),
                    ordinal(annee, Langue::Fr)
                ),
                format!(
                    "At least in the {} year of the running contract (you: {} year on {signe_en}).",
                    ordinal(min, Langue::En),
                    ordinal(annee, Langue::En)
                ),
                langue,
            )?);
        }
        let zones: Vec<Zone> = l
            .codes(ids::SECOND_ASSISTANT_ZONES)?
            .valeur
            .unwrap_or_default()
            .iter()
            .filter_map(|z| Zone::depuis_code(Zone::CHAMP, z).ok())
            .collect();
        let zone = s.zone.ok_or_else(|| {
            crate::eligibility::zone_requise(
                "le second assistant dépend de la zone du cabinet",
                "a second assistant depends on the practice's zone",
            )
        })?;
        let zones_fr: Vec<&str> = zones.iter().map(|z| z.libelle_fr()).collect();
        let zones_en: Vec<&str> = zones.iter().map(|z| z.libelle_en()).collect();
        conditions.push(condition(
            l,
            ids::SECOND_ASSISTANT_ZONES,
            "second_assistant_zone",
            zones.contains(&zone),
            format!(
                "Exercice en {} (vous : {}).",
                liste(&zones_fr, Langue::Fr),
                zone.libelle_fr()
            ),
            format!(
                "Practice in a {} (you: {}).",
                liste(&zones_en, Langue::En),
                zone.libelle_en()
            ),
            langue,
        )?);
        if l.booleen(ids::SECOND_ASSISTANT_OBJECTIFS_ATTEINTS_REQUIS)?
            .valeur
            == Some(true)
        {
            conditions.push(condition(
                l,
                ids::SECOND_ASSISTANT_OBJECTIFS_ATTEINTS_REQUIS,
                "second_assistant_objectifs_atteints",
                c.objectives_reached,
                "Objectifs du contrat en cours atteints.".into(),
                "Objectives of the running contract reached.".into(),
                langue,
            )?);
        }
    }
    let mut options = Vec::new();
    if ouvert {
        for (fte, id) in [
            ("1.5", ids::MONTANT_SECOND_ASSISTANT_UN_ET_DEMI),
            ("2", ids::MONTANT_SECOND_ASSISTANT_DEUX),
        ] {
            let m = l.decimal(id)?;
            options.push(OptionSecondAssistant {
                fte: Texte::statique(fte),
                amount: m.valeur,
                confidence: m.grade,
            });
        }
    }
    let ok = conditions.iter().all(|c| c.satisfied);
    let (status, fr, en) = if ok {
        (
            StatutSecondAssistant::EligibleInPrinciple,
            "Éligible en principe à un second assistant (1,5 ou 2 ETP) : contactez votre CPAM, qui fixe l'aide et l'objectif.",
            "Eligible in principle for a second assistant (1.5 or 2 FTE): contact your CPAM, which sets the aid and the objective.",
        )
    } else {
        (
            StatutSecondAssistant::NotEligible,
            "Pas de second assistant possible : au moins une condition n'est pas remplie.",
            "No second assistant possible: at least one condition is not met.",
        )
    };
    Ok(SecondAssistant {
        status,
        conditions,
        options,
        message: selon!(langue, fr, en).into(),
    })
}
