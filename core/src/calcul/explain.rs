//! Reasons and caveats: values (a code and its parameters) rendered in French and English here,
//! in one place. Codes are stable and part of the public contract.

use std::fmt::{self, Write as _};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::format;
use crate::message::Message;
use crate::rules::citations::Citations;
use crate::rules::{Grade, RuleSet, Unite, Valeur};
use crate::situation::{Formule, Secteur, Tranche, Zone};
use crate::texte::Texte;
use crate::Langue;

/// What a reason does to the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Effet {
    /// The criterion is met.
    Satisfied,
    /// The criterion is not met: not eligible (or option unavailable).
    Blocking,
    /// The rules leave it to the CPAM.
    ReferToCpam,
    /// Met, under a commitment the doctor must keep.
    Condition,
}

/// Why an eligibility or availability decision was taken: the figures of the reason's message,
/// names shared with the rules, written out only when the message is read.
#[derive(Debug, Clone, PartialEq)]
pub enum Motif {
    SecteurAdmis(Secteur),
    SecteurNonAdmis {
        secteur: Secteur,
        admis: Vec<Secteur>,
    },
    SpecialiteAdmise(NomSpecialite),
    SpecialiteExclue(NomSpecialite),
    // The rare reasons keep their names boxed: every reason is as big as the biggest.
    SpecialiteSelonTerritoire {
        nom: Box<NomSpecialite>,
        version: Box<NomVersion>,
    },
    /// The official list cannot tell whether the specialty is excluded stomatology or surgery
    /// admitted under the clinical-fee rule: both readings, the CPAM decides (policy §0.5).
    SpecialiteIncertaine {
        nom: Box<NomSpecialite>,
        code: Texte,
        seuil: Option<Decimal>,
        inclus: Option<bool>,
    },
    PartCliniqueSuffisante {
        part: Decimal,
        seuil: Decimal,
    },
    PartCliniqueInsuffisante {
        part: Decimal,
        seuil: Decimal,
        inclus: bool,
    },
    PartCliniqueNonPubliee,
    ActiviteSuffisante {
        patients: i32,
        seuil: i32,
    },
    ActiviteInsuffisante {
        patients: i32,
        seuil: i32,
    },
    TrancheSuffisante(Tranche),
    TrancheInsuffisante,
    /// Below the threshold, but in ALD or with RQTH: RQTH may be exempt (`rqth_exempte`), the
    /// ALD rule is not published; the CPAM adjusts the contract.
    ActiviteSousSeuilAldRqth {
        /// Patients and threshold, when both are known (GP); absent for a declared band.
        detail: Option<(i32, i32)>,
        rqth_exempte: Option<bool>,
    },
    SeuilNonPublie,
    InstallationRecente,
    InstallationRecenteNonPubliee,
    ExerciceGroupe,
    DerogationZoneSousDense(Zone),
    EngagementExerciceGroupe {
        annees: Option<i32>,
        /// Zones where a solo doctor qualifies without the commitment.
        zones_derogation: Vec<Zone>,
    },
    ExerciceCoordonne,
    ExerciceCoordonneRequis {
        annees: Option<i32>,
        version: Box<NomVersion>,
    },
    AldRqth,
    MedecinNonEligible,
    FormuleFermee(Formule),
    FormuleReserveeZoneSousDense {
        formule: Formule,
        zones: Vec<Zone>,
    },
}

/// A version's titles, for messages that name the rules of the contract (shared with the rule
/// data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NomVersion {
    pub fr: Texte,
    pub en: Texte,
}

impl From<&crate::rules::Version> for NomVersion {
    fn from(v: &crate::rules::Version) -> Self {
        NomVersion {
            fr: v.title_fr.clone(),
            en: v.title_en.clone(),
        }
    }
}

/// A specialty's names, for messages in both languages (shared with the rule data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NomSpecialite {
    pub fr: Texte,
    pub en: Texte,
}

impl From<&crate::rules::Specialite> for NomSpecialite {
    fn from(s: &crate::rules::Specialite) -> Self {
        NomSpecialite {
            fr: s.name.clone(),
            en: s.name_en.clone(),
        }
    }
}

/// A reason, as found in results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Raison {
    pub code: Texte,
    pub effect: Effet,
    /// In the language of the call.
    pub message: Message,
    /// Ids of the references the decision rests on (resolved in `Assessment::references`).
    pub references: Citations,
    pub confidence: Grade,
}

/// A ratio as a percentage figure, with a decimal comma in French ("12,5").
pub fn pct(d: Decimal, langue: Langue) -> String {
    Pct(d, langue).to_string()
}

/// `pct` as a `Display` value: formatted in place inside a message, no String of its own.
#[derive(Debug, Clone, Copy)]
pub struct Pct(pub Decimal, pub Langue);

impl fmt::Display for Pct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let texte = (self.0 * Decimal::ONE_HUNDRED).normalize();
        match self.1 {
            Langue::Fr => write!(Virgule(f), "{texte}"),
            Langue::En => write!(f, "{texte}"),
        }
    }
}

/// Writes through to a formatter with the decimal point as a French comma.
struct Virgule<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl fmt::Write for Virgule<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut morceaux = s.split('.');
        if let Some(premier) = morceaux.next() {
            self.0.write_str(premier)?;
        }
        for m in morceaux {
            self.0.write_char(',')?;
            self.0.write_str(m)?;
        }
        Ok(())
    }
}

/// "a, b et c" / "a, b and c".
pub fn liste(elements: &[&str], langue: Langue) -> String {
    Liste(elements.iter(), langue).to_string()
}

/// `liste` as a `Display` value over any list of displayable items (no intermediate strings).
#[derive(Debug, Clone)]
pub struct Liste<I>(pub I, pub Langue);

impl<I> fmt::Display for Liste<I>
where
    I: ExactSizeIterator + Clone,
    I::Item: fmt::Display,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        let et = selon!(self.1, " et ", " and ");
        for (i, x) in self.0.clone().enumerate() {
            if i > 0 {
                f.write_str(if i + 1 == n { et } else { ", " })?;
            }
            x.fmt(f)?;
        }
        Ok(())
    }
}

/// A word and its prefix, displayed together: « au secteur 1 ».
#[derive(Debug, Clone, Copy)]
pub struct Prefixe<'a>(pub &'static str, pub &'a str);

impl fmt::Display for Prefixe<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)?;
        f.write_str(self.1)
    }
}

/// "ZIP, ZAC" style list of zone labels.
#[derive(Debug, Clone, Copy)]
struct Zones<'a>(&'a [Zone], Langue);

impl fmt::Display for Zones<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let langue = self.1;
        let noms = self.0.iter().map(|z| match langue {
            Langue::Fr => z.libelle_fr(),
            Langue::En => z.libelle_en(),
        });
        Liste(noms, langue).fmt(f)
    }
}

/// Ordinal of a contract year: « 3e » / "3rd".
pub fn ordinal(n: i32, langue: Langue) -> String {
    Ordinal(n, langue).to_string()
}

/// `ordinal` as a `Display` value, formatted in place inside a message.
#[derive(Debug, Clone, Copy)]
pub struct Ordinal(pub i32, pub Langue);

impl fmt::Display for Ordinal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        match self.1 {
            Langue::Fr if n == 1 => f.write_str("1re"),
            Langue::Fr => write!(f, "{n}e"),
            Langue::En => {
                let suffixe = match (n % 10, n % 100) {
                    (1, r) if r != 11 => "st",
                    (2, r) if r != 12 => "nd",
                    (3, r) if r != 13 => "rd",
                    _ => "th",
                };
                write!(f, "{n}{suffixe}")
            }
        }
    }
}

/// Lower bound of a band, as its percentile name ("P50" for `p50_p70`).
pub fn borne_basse(t: Tranche) -> &'static str {
    match t {
        Tranche::SousP30 => "P0",
        Tranche::P30P50 => "P30",
        Tranche::P50P70 => "P50",
        Tranche::P70P90 => "P70",
        Tranche::P90P95 => "P90",
        Tranche::P95Plus => "P95",
    }
}

/// The reader's label of a code found in rule data (zone, sector, option, band, practice,
/// indicator, specialty group or specialty), so that no internal code reaches a message.
pub fn libelle_code(rules: &RuleSet, code: &str, langue: Langue) -> String {
    let fr = langue == Langue::Fr;
    let choisir = |f: &'static str, e: &'static str| if fr { f } else { e };
    // Codes of the closed lists are disjoint, so the first list that knows the code names it.
    let connu = Zone::depuis_code("", code)
        .map(|v| choisir(v.libelle_fr(), v.libelle_en()))
        .or_else(|_| {
            Secteur::depuis_code("", code).map(|v| choisir(v.libelle_fr(), v.libelle_en()))
        })
        .or_else(|_| {
            Formule::depuis_code("", code).map(|v| choisir(v.libelle_fr(), v.libelle_en()))
        })
        .or_else(|_| {
            Tranche::depuis_code("", code).map(|v| choisir(v.libelle_fr(), v.libelle_en()))
        })
        .ok();
    let autre = match code {
        "pmt" => Some(choisir(
            "patientèle médecin traitant",
            "médecin-traitant patient list",
        )),
        "fa" => Some(choisir(
            "file active",
            "file active (patients seen in 12 months)",
        )),
        "chirurgie" => Some(choisir("chirurgie", "surgery")),
        "orl" => Some(choisir("ORL", "ENT")),
        "gynecologie" => Some(choisir("gynécologie", "gynaecology")),
        _ => None,
    };
    if let Some(l) = connu.or(autre) {
        return l.to_owned();
    }
    match rules.specialites.iter().find(|s| s.code == code) {
        Some(s) => format!("{} ({code})", if fr { &s.name } else { &s.name_en }),
        None => code.to_owned(),
    }
}

/// A rule value as a reader reads it: « 19 000 € », « 80 % », « 1 045 patients », labels
/// instead of codes, « oui » / « non ».
pub fn valeur_lisible(rules: &RuleSet, unite: Unite, v: &Valeur, langue: Langue) -> String {
    let fr = langue == Langue::Fr;
    match v {
        Valeur::Montant(d) => format::montant(*d, langue),
        Valeur::Taux(d) => match langue {
            Langue::Fr => format!("{} %", pct(*d, langue)),
            Langue::En => format!("{}%", pct(*d, langue)),
        },
        Valeur::Quantite(d) => {
            let texte = d.normalize().to_string();
            let texte = if fr { texte.replace('.', ",") } else { texte };
            match unite {
                Unite::Hours => format!("{texte} h"),
                _ => texte,
            }
        }
        Valeur::Nombre(n) => {
            let n_txt = format::nombre(i64::from(*n), langue);
            match unite {
                Unite::Patients => format!("{n_txt} patients"),
                _ => n_txt,
            }
        }
        Valeur::Booleen(b) => match (b, fr) {
            (true, true) => "oui",
            (false, true) => "non",
            (true, false) => "yes",
            (false, false) => "no",
        }
        .to_owned(),
        Valeur::Codes(c) => {
            let noms: Vec<String> = c.iter().map(|x| libelle_code(rules, x, langue)).collect();
            let refs: Vec<&str> = noms.iter().map(String::as_str).collect();
            liste(&refs, langue)
        }
        // The rounding mode of targets, the only text value.
        Valeur::Texte(t) => match (t.as_str(), fr) {
            ("superieur", true) => "arrondi au patient supérieur".to_owned(),
            ("superieur", false) => "rounded up to a whole patient".to_owned(),
            (autre, _) => autre.to_owned(),
        },
        Valeur::Inconnue => match langue {
            Langue::Fr => "non publiée".to_owned(),
            Langue::En => "not published".to_owned(),
        },
        Valeur::SansObjet => "—".to_owned(),
    }
}

impl Motif {
    pub fn effet(&self) -> Effet {
        use Motif::*;
        match self {
            SecteurAdmis(_)
            | SpecialiteAdmise(_)
            | PartCliniqueSuffisante { .. }
            | ActiviteSuffisante { .. }
            | TrancheSuffisante(_)
            | InstallationRecente
            | ExerciceGroupe
            | DerogationZoneSousDense(_)
            | ExerciceCoordonne => Effet::Satisfied,
            SecteurNonAdmis { .. }
            | SpecialiteExclue(_)
            | PartCliniqueInsuffisante { .. }
            | ActiviteInsuffisante { .. }
            | TrancheInsuffisante
            | ExerciceCoordonneRequis { .. }
            | MedecinNonEligible
            | FormuleFermee(_)
            | FormuleReserveeZoneSousDense { .. } => Effet::Blocking,
            SpecialiteSelonTerritoire { .. }
            | SpecialiteIncertaine { .. }
            | PartCliniqueNonPubliee
            | SeuilNonPublie
            | ActiviteSousSeuilAldRqth { .. }
            | InstallationRecenteNonPubliee
            | AldRqth => Effet::ReferToCpam,
            EngagementExerciceGroupe { .. } => Effet::Condition,
        }
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        use Motif::*;
        match self {
            SecteurAdmis(_) => "secteur_admis",
            SecteurNonAdmis { .. } => "secteur_non_admis",
            SpecialiteAdmise(_) => "specialite_admise",
            SpecialiteExclue(_) => "specialite_exclue",
            SpecialiteSelonTerritoire { .. } => "specialite_selon_territoire",
            SpecialiteIncertaine { .. } => "specialite_incertaine",
            PartCliniqueSuffisante { .. } => "part_clinique_suffisante",
            PartCliniqueInsuffisante { .. } => "part_clinique_insuffisante",
            PartCliniqueNonPubliee => "part_clinique_non_publiee",
            ActiviteSuffisante { .. } => "activite_suffisante",
            ActiviteInsuffisante { .. } => "activite_insuffisante",
            TrancheSuffisante(_) => "tranche_suffisante",
            TrancheInsuffisante => "tranche_insuffisante",
            ActiviteSousSeuilAldRqth { .. } => "activite_sous_seuil_ald_rqth",
            SeuilNonPublie => "seuil_non_publie",
            InstallationRecente => "installation_recente",
            InstallationRecenteNonPubliee => "installation_recente_non_publiee",
            ExerciceGroupe => "exercice_groupe",
            DerogationZoneSousDense(_) => "derogation_zone_sous_dense",
            EngagementExerciceGroupe { .. } => "engagement_exercice_groupe",
            ExerciceCoordonne => "exercice_coordonne",
            ExerciceCoordonneRequis { .. } => "exercice_coordonne_requis",
            AldRqth => "ald_rqth",
            MedecinNonEligible => "medecin_non_eligible",
            FormuleFermee(_) => "formule_fermee",
            FormuleReserveeZoneSousDense { .. } => "formule_reservee_zone_sous_dense",
        }
    }

    /// Writes the message in `langue` only: the other language is never formatted.
    pub fn ecrire(&self, f: &mut fmt::Formatter<'_>, langue: Langue) -> fmt::Result {
        use Langue::{En, Fr};
        use Motif::*;
        let n = |x: i32, l: Langue| format::Nombre(i64::from(x), l);
        let fr = langue == Fr;
        match self {
            SecteurAdmis(s) => selon!(langue, write!(f, "Secteur admis : {}.", s.libelle_fr()), write!(f, "Eligible sector: {}.", s.libelle_en())),
            SecteurNonAdmis { secteur, admis } => selon!(
                langue,
                write!(
                    f,
                    "Le dispositif est réservé {} ; vous êtes en {}.",
                    Liste(admis.iter().map(|s| Prefixe("au ", s.libelle_fr())), Fr),
                    secteur.libelle_fr()
                ),
                write!(
                    f,
                    "The scheme is for {}; you are in {}.",
                    Liste(admis.iter().map(|s| s.libelle_en()), En),
                    secteur.libelle_en()
                )
            ),
            SpecialiteAdmise(nom) => selon!(langue, write!(f, "Spécialité admise : {}.", nom.fr), write!(f, "Eligible specialty: {}.", nom.en)),
            SpecialiteExclue(nom) => selon!(
                langue,
                write!(f, "Spécialité exclue du dispositif (spécialités techniques) : {}.", nom.fr),
                write!(f, "Specialty excluded from the scheme (technical specialties): {}.", nom.en)
            ),
            SpecialiteSelonTerritoire { nom, version } => selon!(
                langue,
                write!(f, "{} : les spécialistes ({}) sont admis selon les besoins du territoire, dont la liste n'est pas publiée ; à confirmer avec votre CPAM.", version.fr, nom.fr),
                write!(f, "{}: specialists ({}) are admitted depending on local needs, whose list is not published; to confirm with your CPAM.", version.en, nom.en)
            ),
            SpecialiteIncertaine { nom, code, seuil, inclus } => {
                let regle = ReglePartClinique { seuil: *seuil, inclus: *inclus, langue };
                selon!(
                    langue,
                    write!(f, "{} (code {code}) : la liste officielle ne permet pas de trancher. Lue comme de la stomatologie, la spécialité est exclue du dispositif ; lue comme de la chirurgie, elle est admise {regle}. Votre CPAM dira quelle lecture s'applique.", nom.fr),
                    write!(f, "{} (code {code}): the official list does not settle it. Read as stomatology, the specialty is excluded from the scheme; read as surgery, it is admitted {regle}. Your CPAM will say which reading applies.", nom.en)
                )
            }
            PartCliniqueSuffisante { part, seuil } => selon!(
                langue,
                write!(f, "Honoraires cliniques : {} % de vos honoraires, pour un seuil de {} %.", Pct(*part, Fr), Pct(*seuil, Fr)),
                write!(f, "Clinical fees: {}% of your fees, against a threshold of {}%.", Pct(*part, En), Pct(*seuil, En))
            ),
            PartCliniqueInsuffisante { part, seuil, inclus } => selon!(
                langue,
                write!(
                    f,
                    "Honoraires cliniques : {} % de vos honoraires ; il en faut {} {} %.",
                    Pct(*part, Fr),
                    if *inclus { "au moins" } else { "plus de" },
                    Pct(*seuil, Fr)
                ),
                write!(
                    f,
                    "Clinical fees: {}% of your fees; {} {}% are required.",
                    Pct(*part, En),
                    if *inclus { "at least" } else { "more than" },
                    Pct(*seuil, En)
                )
            ),
            PartCliniqueNonPubliee => f.write_str(selon!(
                langue,
                "La règle de part d'honoraires cliniques pour cette période n'est pas publiée : à confirmer avec votre CPAM.",
                "The clinical-fee share rule for this period is not published: to confirm with your CPAM."
            )),
            ActiviteSuffisante { patients, seuil } => selon!(
                langue,
                write!(f, "Patientèle médecin traitant : {}, au moins égale au seuil minimal d'activité (P30) de {}.", n(*patients, Fr), n(*seuil, Fr)),
                write!(f, "Médecin-traitant patient list: {}, at or above the minimum-activity threshold (P30) of {}.", n(*patients, En), n(*seuil, En))
            ),
            ActiviteInsuffisante { patients, seuil } => selon!(
                langue,
                write!(f, "Patientèle médecin traitant : {}, sous le seuil minimal d'activité (P30) de {}.", n(*patients, Fr), n(*seuil, Fr)),
                write!(f, "Médecin-traitant patient list: {}, below the minimum-activity threshold (P30) of {}.", n(*patients, En), n(*seuil, En))
            ),
            TrancheSuffisante(t) => selon!(
                langue,
                write!(f, "Activité {} de la spécialité : au moins au P30.", t.libelle_fr()),
                write!(f, "Activity {} of the specialty: at least P30.", t.libelle_en())
            ),
            TrancheInsuffisante => f.write_str(selon!(
                langue,
                "Activité sous le P30 de la spécialité (seuil minimal d'activité).",
                "Activity below the specialty's P30 (minimum activity threshold)."
            )),
            ActiviteSousSeuilAldRqth { detail, rqth_exempte } => {
                let suite = match (rqth_exempte, fr) {
                    (Some(true), true) => "Un médecin avec RQTH est dispensé de ce seuil ; pour un médecin en ALD, la règle n'est pas publiée : à confirmer avec votre CPAM",
                    (Some(true), false) => "A doctor with RQTH is exempt from this threshold; for a doctor in ALD the rule is not published: to confirm with your CPAM",
                    (_, true) => "Pour un médecin en ALD ou avec RQTH, votre CPAM adapte le contrat et dit si ce seuil s'applique",
                    (_, false) => "For a doctor in ALD or with RQTH, your CPAM adjusts the contract and says whether this threshold applies",
                };
                match (detail, fr) {
                    (Some((p, s)), true) => write!(f, "Patientèle médecin traitant : {}, sous le seuil minimal d'activité (P30) de {}", n(*p, Fr), n(*s, Fr)),
                    (Some((p, s)), false) => write!(f, "Médecin-traitant patient list: {}, below the minimum-activity threshold (P30) of {}", n(*p, En), n(*s, En)),
                    (None, true) => f.write_str("Activité sous le P30 de la spécialité (seuil minimal d'activité)"),
                    (None, false) => f.write_str("Activity below the specialty's P30 (minimum activity threshold)"),
                }?;
                f.write_str(". ")?;
                f.write_str(suite)?;
                f.write_str(".")
            }
            SeuilNonPublie => f.write_str(selon!(
                langue,
                "Le seuil d'activité (P30) n'est pas publié pour cette période : à confirmer avec votre CPAM.",
                "The activity threshold (P30) is not published for this period: to confirm with your CPAM."
            )),
            InstallationRecente => f.write_str(selon!(
                langue,
                "Médecin nouvellement installé : pas de seuil d'activité.",
                "Newly installed doctor: no activity threshold."
            )),
            InstallationRecenteNonPubliee => f.write_str(selon!(
                langue,
                "Règle pour les médecins nouvellement installés non publiée pour cette période : à confirmer avec votre CPAM.",
                "Rule for newly installed doctors not published for this period: to confirm with your CPAM."
            )),
            ExerciceGroupe => f.write_str(selon!(langue, "Exercice regroupé.", "Group practice.")),
            DerogationZoneSousDense(z) => selon!(
                langue,
                write!(f, "Exercice seul admis par dérogation en {}.", z.libelle_fr()),
                write!(f, "Solo practice allowed by derogation in a {}.", z.libelle_en())
            ),
            EngagementExerciceGroupe { annees, zones_derogation } => {
                f.write_str(selon!(langue, "Exercice seul", "Solo practice"))?;
                if !zones_derogation.is_empty() {
                    write!(f, "{}{}", selon!(langue, " hors ", " outside a "), Zones(zones_derogation, langue))?;
                }
                f.write_str(selon!(
                    langue,
                    " : admis si vous vous engagez à rejoindre un exercice regroupé ",
                    ": admitted if you commit to joining a group practice "
                ))?;
                match (annees, fr) {
                    (Some(a), true) => write!(f, "dans les {a} ans."),
                    (Some(a), false) => write!(f, "within {a} years."),
                    (None, true) => f.write_str("dans un délai à confirmer avec votre CPAM."),
                    (None, false) => f.write_str("within a time to confirm with your CPAM."),
                }
            }
            ExerciceCoordonne => f.write_str(selon!(
                langue,
                "Exercice coordonné (ESP, MSP ou CPTS) ou engagement à en rejoindre un.",
                "Coordinated practice (ESP, MSP or CPTS) or commitment to join one."
            )),
            ExerciceCoordonneRequis { annees, version } => {
                selon!(
                    langue,
                    write!(f, "{} : exercice coordonné (ESP, MSP ou CPTS) exigé, ou l'engagement d'en rejoindre un", version.fr),
                    write!(f, "{}: coordinated practice (ESP, MSP or CPTS) is required, or a commitment to join one", version.en)
                )?;
                if let Some(a) = annees {
                    selon!(langue, write!(f, " dans les {a} ans"), write!(f, " within {a} years"))?;
                }
                f.write_str(".")
            }
            AldRqth => f.write_str(selon!(
                langue,
                "Médecin en ALD ou avec RQTH : votre CPAM fixe le contrat, l'aide et l'objectif ; le simulateur ne calcule donc ni aide ni objectif pour vous. Le barème standard de la version ne vaut qu'à titre d'information.",
                "Doctor in ALD or with RQTH: your CPAM sets the contract, the aid and the objective, so the simulator computes neither aid nor objective for you. The version's standard table is for information only."
            )),
            MedecinNonEligible => f.write_str(selon!(
                langue,
                "Conditions d'éligibilité non remplies.",
                "Eligibility conditions not met."
            )),
            FormuleFermee(formule) => selon!(
                langue,
                write!(f, "La formule {} n'est plus ouverte aux nouveaux contrats (les contrats en cours continuent).", formule.libelle_fr()),
                write!(f, "The {} option is closed to new contracts (running contracts continue).", formule.libelle_en())
            ),
            FormuleReserveeZoneSousDense { formule, zones: z } => selon!(
                langue,
                write!(f, "Pour ce contrat, la formule {} est réservée aux zones sous-denses : {}.", formule.libelle_fr(), Zones(z, Fr)),
                write!(f, "For this contract, the {} option is restricted to under-served zones: {}.", formule.libelle_en(), Zones(z, En))
            ),
        }
    }

    /// The reason, its message kept as figures until it is read.
    pub fn rendre(self, references: Citations, confidence: Grade, langue: Langue) -> Raison {
        Raison {
            code: Texte::statique(self.code()),
            effect: self.effet(),
            message: Message::motif(self, langue),
            references,
            confidence,
        }
    }
}

/// How a specialty the list cannot classify is admitted when read as surgery: « si ses
/// honoraires cliniques atteignent au moins 80 % de ses honoraires ».
struct ReglePartClinique {
    seuil: Option<Decimal>,
    inclus: Option<bool>,
    langue: Langue,
}

impl fmt::Display for ReglePartClinique {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Langue::{En, Fr};
        match (self.seuil, self.inclus, self.langue == Fr) {
            (Some(s), Some(true), true) => write!(
                f,
                "si ses honoraires cliniques atteignent au moins {} % de ses honoraires",
                Pct(s, Fr)
            ),
            (Some(s), Some(true), false) => {
                write!(f, "if clinical fees are at least {}% of fees", Pct(s, En))
            }
            (Some(s), _, true) => write!(
                f,
                "si ses honoraires cliniques dépassent {} % de ses honoraires",
                Pct(s, Fr)
            ),
            (Some(s), _, false) => write!(f, "if clinical fees exceed {}% of fees", Pct(s, En)),
            (None, _, true) => f.write_str("selon une part d'honoraires cliniques non publiée"),
            (None, _, false) => {
                f.write_str("depending on a clinical-fee share that is not published")
            }
        }
    }
}

/// A warning attached to a result: a figure rests on a grade-C value, a GAP, or an assumption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Avertissement {
    pub code: Texte,
    /// The rule parameter concerned, when there is one.
    pub parameter: Option<Texte>,
    pub confidence: Grade,
    /// In the language of the call.
    pub message: Message,
    pub references: Citations,
}

impl Avertissement {
    pub fn nouveau(
        code: &'static str,
        confidence: Grade,
        message: impl Into<Message>,
        references: Citations,
    ) -> Self {
        Avertissement {
            code: Texte::statique(code),
            parameter: None,
            confidence,
            message: message.into(),
            references,
        }
    }
}

/// The disclaimer every result carries.
pub const AVIS_FR: &str = "Simulation indicative, qui n'engage pas l'Assurance Maladie.";
pub const AVIS_EN: &str = "Indicative simulation, not binding on the Assurance Maladie.";
