//! The assessment and the timeline on situations built field by field from the fuzzer's bytes
//! (libFuzzer's `Unstructured`): mostly valid codes and dates, with extreme ones mixed in (dates
//! 2000-01-01…2099-12-31 and beyond, counts up to i64, decimals with 28 and 29 digits), so that
//! the engine itself — eligibility, amounts, objectives, second assistant, timeline with any
//! start date — is exercised far more than through JSON. Nothing may panic.
#![no_main]

#[path = "commun.rs"]
mod commun;

use assistmed_core::situation::{Exercice, SaisieContrat, Secteur, Tranche, Zone};
use assistmed_core::{chronologie, evaluer, regles, second_assistant_seul, Formule, Saisie};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

const DATES_EXTREMES: &[&str] = &[
    "0000-01-01", "1999-12-31", "2000-01-01", "2019-08-31", "2019-09-01", "2023-04-30",
    "2023-05-01", "2024-06-21", "2024-06-22", "2024-02-29", "2023-02-29", "2099-12-31",
    "2100-01-01", "9999-12-31", "+2025-01-15", "2025-13-01",
];
const DECIMAUX: &[&str] = &[
    "0", "1", "0.5", "0,85", "0.8", "0.79999", "0.799999", "0.7999999",
    "0.79999999999999999999999999999", "0.7999999999999999999999999999",
    "79228162514264337593543950335", "1e4", "19_500", "-0", "-0.1", "1.000001",
];
const ENTIERS: &[i64] = &[0, 1, 639, 640, 775, 1045, 1200, 1503, 1721, 20_000, 20_001, -1, i64::MAX, i64::MIN];

fn choisir<'a, T: Copy>(u: &mut Unstructured<'a>, extremes: &[T], libre: impl FnOnce(&mut Unstructured<'a>) -> Result<T>) -> Result<T> {
    if u.ratio(1, 4)? {
        libre(u)
    } else {
        Ok(*u.choose(extremes)?)
    }
}

fn date(u: &mut Unstructured<'_>) -> Result<String> {
    if u.ratio(1, 3)? {
        return Ok((*u.choose(DATES_EXTREMES)?).to_owned());
    }
    let a = u.int_in_range(1995..=2105)?;
    let m = u.int_in_range(1..=12)?;
    let j = u.int_in_range(1..=31)?;
    Ok(format!("{a:04}-{m:02}-{j:02}"))
}

fn code<T: Copy>(u: &mut Unstructured<'_>, toutes: &[T], code: fn(T) -> &'static str) -> Result<Option<String>> {
    Ok(match u.int_in_range(0..=9)? {
        0 => None,
        1 => Some(u.arbitrary::<String>()?),
        _ => Some(code(*u.choose(toutes)?).to_owned()),
    })
}

fn saisie(u: &mut Unstructured<'_>, specialites: &[String]) -> Result<Saisie> {
    let specialty = if u.ratio(1, 10)? {
        u.arbitrary::<String>()?
    } else {
        u.choose(specialites)?.clone()
    };
    let entier = |u: &mut Unstructured<'_>| -> Result<Option<i64>> {
        Ok(if u.ratio(1, 3)? { None } else { Some(choisir(u, ENTIERS, |u| u.int_in_range(0..=25_000))?) })
    };
    Ok(Saisie {
        signature_date: Some(date(u)?),
        specialty: Some(specialty),
        sector: code(u, Secteur::TOUTES, Secteur::code)?,
        mep: u.arbitrary()?,
        zone: code(u, Zone::TOUTES, Zone::code)?,
        practice: code(u, Exercice::TOUTES, Exercice::code)?,
        coordinated: u.arbitrary()?,
        patientele_mt: entier(u)?,
        file_active: entier(u)?,
        percentile_band: code(u, Tranche::TOUTES, Tranche::code)?,
        clinical_fee_share: if u.ratio(1, 2)? { None } else { Some((*u.choose(DECIMAUX)?).to_owned()) },
        newly_installed: u.arbitrary()?,
        age: if u.ratio(1, 2)? { None } else { Some(choisir(u, &[20, 64, 65, 100, 101, 0], |u| u.int_in_range(0..=120))?) },
        ald_or_rqth: u.arbitrary()?,
        current_contract: if u.ratio(1, 2)? {
            None
        } else {
            Some(SaisieContrat {
                option: code(u, Formule::TOUTES, Formule::code)?,
                start: Some(date(u)?),
                objectives_reached: u.arbitrary()?,
            })
        },
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(rules) = regles() else {
        panic!("embedded rules do not load");
    };
    let specialites: Vec<String> = rules.specialites.iter().map(|s| s.code.clone()).collect();
    let langue = commun::langue(data);
    let mut u = Unstructured::new(data);
    let Ok(saisie) = saisie(&mut u, &specialites) else {
        return;
    };
    let debut = date(&mut u).ok().and_then(|d| assistmed_core::situation::lire_date("start", &d).ok());
    let s = match saisie.valider() {
        Ok(s) => s,
        Err(e) => return commun::verifier_erreur(&e),
    };
    if let Err(e) = evaluer(rules, &s, langue) {
        commun::verifier_erreur(&e);
    }
    for &f in Formule::TOUTES {
        if let Err(e) = chronologie(rules, &s, f, debut, langue) {
            commun::verifier_erreur(&e);
        }
    }
    if let Err(e) = second_assistant_seul(rules, &s, langue) {
        commun::verifier_erreur(&e);
    }
});
