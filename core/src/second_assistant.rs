//! Second assistant (1.5 / 2 ETP, convention 2024): conditions checked one by one. Amounts and
//! objectives are GAPs, and the official simulator does not compute them either: the answer is
//! "eligible in principle, contact your CPAM" or the failed conditions.

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{Erreur, Resultat};
use crate::money;
use crate::provenance::Lecteur;
use crate::rules::{Grade, Specialite};
use crate::situation::{ContratEnCours, Situation};
use crate::timeline::debut_annee;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatutSecondAssistant {
    EligibleInPrinciple,
    NotEligible,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Condition {
    pub code: &'static str,
    pub satisfied: bool,
    pub message_fr: String,
    pub message_en: String,
    pub references: Vec<String>,
    pub confidence: Grade,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionSecondAssistant {
    /// "1.5" or "2" ETP in all.
    pub fte: &'static str,
    /// Not published: always `None` until the rule data has it.
    #[serde(with = "money::option")]
    pub amount: Option<rust_decimal::Decimal>,
    pub confidence: Grade,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SecondAssistant {
    pub status: StatutSecondAssistant,
    pub conditions: Vec<Condition>,
    pub options: Vec<OptionSecondAssistant>,
    pub message_fr: String,
    pub message_en: String,
}

/// Contract year (1-based) in progress on `date` for a contract started on `debut`.
pub fn annee_en_cours(debut: NaiveDate, date: NaiveDate) -> Resultat<u32> {
    let mut annee = 1;
    while debut_annee(debut, annee + 1)? <= date {
        annee += 1;
    }
    Ok(annee)
}

fn condition(
    l: &mut Lecteur<'_>,
    id: &str,
    code: &'static str,
    ok: bool,
    fr: String,
    en: String,
) -> Resultat<Condition> {
    let grade = l.lire(id)?.grade;
    Ok(Condition {
        code,
        satisfied: ok,
        message_fr: fr,
        message_en: en,
        references: l.references(id),
        confidence: grade,
    })
}

/// Checks the second-assistant conditions for the running contract `c`.
pub fn evaluer(
    l: &mut Lecteur<'_>,
    s: &Situation,
    spe: &Specialite,
    c: &ContratEnCours,
) -> Resultat<SecondAssistant> {
    // A running contract started before the scheme (year 0…) is no contract of the scheme.
    l.rules.version_a(c.start, "current_contract.start")?;
    let mut conditions = Vec::new();
    let ouvert = l.booleen("second_assistant.ouvert")?.valeur == Some(true);
    conditions.push(condition(
        l,
        "second_assistant.ouvert",
        "second_assistant_ouvert",
        ouvert,
        format!(
            "Options 1,5 et 2 ETP ouvertes par la convention 2024 (contrat signé le {}).",
            s.signature_date
        ),
        format!(
            "1.5 and 2 FTE options opened by the 2024 agreement (contract signed on {}).",
            s.signature_date
        ),
    )?);
    if ouvert {
        if l.booleen("second_assistant.generaliste_requis")?.valeur == Some(true) {
            conditions.push(condition(
                l,
                "second_assistant.generaliste_requis",
                "second_assistant_generaliste",
                spe.est_generaliste(),
                format!("Réservé aux médecins généralistes (vous : {}).", spe.name),
                format!("Restricted to GPs (you: {}).", spe.name_en),
            )?);
        }
        if l.booleen("second_assistant.mep_exclu")?.valeur == Some(true) {
            conditions.push(condition(
                l,
                "second_assistant.mep_exclu",
                "second_assistant_hors_mep",
                !s.mep,
                "Médecin sans mode d'exercice particulier (MEP).".into(),
                "Doctor without a particular practice mode (MEP).".into(),
            )?);
        }
        let formules = l
            .codes("second_assistant.formule_requise")?
            .valeur
            .unwrap_or_default();
        conditions.push(condition(
            l,
            "second_assistant.formule_requise",
            "second_assistant_contrat_plein",
            formules.iter().any(|f| f == c.option.code()),
            format!(
                "Contrat en cours à 1 ETP (vous : {}).",
                c.option.libelle_fr()
            ),
            format!("Running 1 FTE contract (you: {}).", c.option.libelle_en()),
        )?);
        if let Some(min) = l.nombre("second_assistant.annee_contrat_min")?.valeur {
            let annee = annee_en_cours(c.start, s.signature_date)?;
            conditions.push(condition(
                l,
                "second_assistant.annee_contrat_min",
                "second_assistant_annee_contrat",
                annee >= min,
                format!(
                    "Au moins en {min}e année du contrat en cours (vous : {annee}e année au {}).",
                    s.signature_date
                ),
                format!(
                    "At least in year {min} of the running contract (you: year {annee} on {}).",
                    s.signature_date
                ),
            )?);
        }
        let zones = l
            .codes("second_assistant.zones")?
            .valeur
            .unwrap_or_default();
        let zone = s.zone.ok_or_else(|| {
            Erreur::champ_requis(
                "zone",
                "le second assistant est réservé à certaines zones (zip, zac ou hors_zone)",
                "a second assistant is restricted to some zones (zip, zac or hors_zone)",
            )
        })?;
        conditions.push(condition(
            l,
            "second_assistant.zones",
            "second_assistant_zone",
            zones.iter().any(|z| z == zone.code()),
            format!(
                "Exercice en zone d'intervention prioritaire (vous : {}).",
                zone.libelle_fr()
            ),
            format!(
                "Practice in a priority intervention zone (you: {}).",
                zone.libelle_en()
            ),
        )?);
        if l.booleen("second_assistant.objectifs_atteints_requis")?
            .valeur
            == Some(true)
        {
            conditions.push(condition(
                l,
                "second_assistant.objectifs_atteints_requis",
                "second_assistant_objectifs_atteints",
                c.objectives_reached,
                "Objectifs du contrat en cours atteints.".into(),
                "Objectives of the running contract reached.".into(),
            )?);
        }
    }
    let mut options = Vec::new();
    if ouvert {
        for (fte, id) in [
            ("1.5", "montant.second_assistant.un_et_demi"),
            ("2", "montant.second_assistant.deux"),
        ] {
            let m = l.decimal(id)?;
            options.push(OptionSecondAssistant {
                fte,
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
        message_fr: fr.into(),
        message_en: en.into(),
    })
}
