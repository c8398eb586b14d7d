//! `assistmed simulate --jsonl`: many doctors in one run, for analysts (a CPAM, an ARS, a union).
//!
//! One situation per input line (the `simulate --input` JSON), one answer per line out, in the same
//! order, streaming: the assessment as `simulate --json` gives it (on one line), or
//! `{"line": N, "error": {code, field, message_fr, message_en}}` for a line the core refuses. The
//! rules are loaded once for the whole run, so the cost per situation is the assessment itself.

use std::io::{self, BufRead, Write};

use assistmed_core::{evaluer, Erreur, Langue, RuleSet, Saisie};

/// Longest input line read (bytes): a situation is a few hundred bytes; a longer line is refused
/// with a typed error and skipped, never buffered without bound.
pub const LIGNE_MAX: usize = 64 * 1024;

/// What a run did, for the summary on stderr.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Bilan {
    /// Situations read (non-blank lines).
    pub situations: u64,
    /// Of which refused with a typed error.
    pub erreurs: u64,
}

/// Reads one line into `ligne` (without its end of line), at most [`LIGNE_MAX`] bytes; the rest
/// of a longer line is discarded. `Ok(None)` at the end of the input, `Ok(Some(trop_longue))`
/// otherwise.
fn lire_ligne<R: BufRead>(entree: &mut R, ligne: &mut Vec<u8>) -> io::Result<Option<bool>> {
    ligne.clear();
    let mut lu_quelque_chose = false;
    let mut trop_longue = false;
    loop {
        let tampon = entree.fill_buf()?;
        if tampon.is_empty() {
            return Ok(lu_quelque_chose.then_some(trop_longue));
        }
        lu_quelque_chose = true;
        let (morceau, fin) = match tampon.iter().position(|&b| b == b'\n') {
            Some(i) => (&tampon[..i], Some(i + 1)),
            None => (tampon, None),
        };
        let place = LIGNE_MAX.saturating_sub(ligne.len());
        if morceau.len() > place {
            trop_longue = true;
        }
        ligne.extend_from_slice(&morceau[..morceau.len().min(place)]);
        let consomme = fin.unwrap_or(tampon.len());
        entree.consume(consomme);
        if fin.is_some() {
            if ligne.last() == Some(&b'\r') {
                ligne.pop();
            }
            return Ok(Some(trop_longue));
        }
    }
}

fn ligne_trop_longue() -> Erreur {
    Erreur::json_invalide(format!(
        "ligne de plus de {LIGNE_MAX} octets / line longer than {LIGNE_MAX} bytes"
    ))
}

/// Assesses one line: the situation JSON, with `surcharge` applied (the command's flags).
fn evaluer_ligne(
    rules: &RuleSet,
    ligne: &[u8],
    surcharge: &dyn Fn(&mut Saisie) -> Result<(), Erreur>,
    langue: Langue,
) -> Result<assistmed_core::Evaluation, Erreur> {
    let texte = std::str::from_utf8(ligne).map_err(|_| {
        Erreur::json_invalide("la ligne n'est pas en UTF-8 / the line is not UTF-8")
    })?;
    let mut saisie = Saisie::depuis_json(texte)?;
    surcharge(&mut saisie)?;
    evaluer(rules, &saisie.valider()?, langue)
}

fn ecrire_erreur<W: Write>(sortie: &mut W, numero: u64, e: &Erreur) -> io::Result<()> {
    let objet = serde_json::json!({ "line": numero, "error": {
        "code": e.code.as_str(), "field": e.champ, "message_fr": e.message_fr, "message_en": e.message_en } });
    serde_json::to_writer(&mut *sortie, &objet)?;
    sortie.write_all(b"\n")
}

/// Runs the batch: reads `entree` to its end, writes one line per situation to `sortie`. Blank
/// lines are skipped. `progression` is called every 1 000 situations with the count so far.
pub fn traiter<R: BufRead, W: Write>(
    rules: &RuleSet,
    mut entree: R,
    mut sortie: W,
    surcharge: &dyn Fn(&mut Saisie) -> Result<(), Erreur>,
    progression: &mut dyn FnMut(u64),
    langue: Langue,
) -> io::Result<Bilan> {
    let mut bilan = Bilan::default();
    let mut ligne = Vec::with_capacity(1024);
    let mut numero = 0u64;
    while let Some(trop_longue) = lire_ligne(&mut entree, &mut ligne)? {
        numero += 1;
        if !trop_longue && ligne.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        bilan.situations += 1;
        let resultat = if trop_longue {
            Err(ligne_trop_longue())
        } else {
            evaluer_ligne(rules, &ligne, surcharge, langue)
        };
        match resultat {
            Ok(e) => {
                serde_json::to_writer(&mut sortie, &e)?;
                sortie.write_all(b"\n")?;
            }
            Err(e) => {
                bilan.erreurs += 1;
                ecrire_erreur(&mut sortie, numero, &e)?;
            }
        }
        if bilan.situations % 1000 == 0 {
            progression(bilan.situations);
        }
    }
    sortie.flush()?;
    Ok(bilan)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lancer(entree: &str) -> (Bilan, Vec<serde_json::Value>) {
        let rules = assistmed_core::regles().unwrap();
        let mut sortie = Vec::new();
        let bilan = traiter(
            rules,
            entree.as_bytes(),
            &mut sortie,
            &|_| Ok(()),
            &mut |_| {},
            Langue::Fr,
        )
        .unwrap();
        let lignes = String::from_utf8(sortie)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (bilan, lignes)
    }

    const MG: &str = r#"{"signature_date":"2025-01-15","specialty":"01","sector":"secteur_1","patientele_mt":1200,"percentile_band":"p50_p70"}"#;

    #[test]
    fn une_reponse_par_ligne_dans_l_ordre_erreurs_numerotees() {
        let entree = format!("{MG}\n\n{{\"specialty\":\"01\"}}\r\npas du json\n{MG}");
        let (bilan, lignes) = lancer(&entree);
        assert_eq!(
            bilan,
            Bilan {
                situations: 4,
                erreurs: 2
            }
        );
        assert_eq!(lignes.len(), 4);
        assert_eq!(lignes[0]["rules"]["id"], "convention-2024");
        assert_eq!(lignes[1]["line"], 3);
        assert_eq!(lignes[1]["error"]["code"], "champ_requis");
        assert_eq!(lignes[2]["line"], 4);
        assert_eq!(lignes[2]["error"]["code"], "json_invalide");
        assert_eq!(lignes[3], lignes[0]);
    }

    #[test]
    fn le_resultat_est_celui_de_simulate() {
        let (_, lignes) = lancer(MG);
        let rules = assistmed_core::regles().unwrap();
        let seul = evaluer(
            rules,
            &Saisie::depuis_json(MG).unwrap().valider().unwrap(),
            Langue::Fr,
        )
        .unwrap();
        assert_eq!(lignes[0], serde_json::to_value(&seul).unwrap());
    }

    #[test]
    fn une_ligne_trop_longue_est_refusee_sans_tout_lire() {
        let longue = format!("{{\"specialty\":\"{}\"}}", "x".repeat(LIGNE_MAX * 2));
        let (bilan, lignes) = lancer(&format!("{longue}\n{MG}\n"));
        assert_eq!(bilan.erreurs, 1);
        assert_eq!(lignes[0]["line"], 1);
        assert_eq!(lignes[0]["error"]["code"], "json_invalide");
        assert_eq!(lignes[1]["rules"]["id"], "convention-2024");
    }

    #[test]
    fn la_progression_est_signalee_tous_les_mille() {
        let entree = format!("{MG}\n").repeat(2500);
        let rules = assistmed_core::regles().unwrap();
        let mut vus = Vec::new();
        let bilan = traiter(
            rules,
            entree.as_bytes(),
            io::sink(),
            &|_| Ok(()),
            &mut |n| vus.push(n),
            Langue::Fr,
        )
        .unwrap();
        assert_eq!(bilan.situations, 2500);
        assert_eq!(vus, vec![1000, 2000]);
    }
}
