//! `assistmed bundle …`: the rule maintainers' tools. Keys are read from files, never built in.

use std::path::{Path, PathBuf};

use assistmed_core::bundle::{self, cle_privee, cle_publique, differences, hex, liste_de_cles};
use assistmed_core::error::citer;
use assistmed_core::{CodeErreur, Erreur};
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum Commande {
    /// Signe un bundle avec une clé privée (fichier hexadécimal) et écrit la signature détachée.
    /// Sign a bundle with a private key file (hex) and write the detached signature.
    Sign {
        /// Bundle (document JSON des règles) / bundle (rule JSON document).
        bundle: PathBuf,
        /// Fichier de clé privée (64 caractères hexadécimaux) / private key file (64 hex chars).
        #[arg(long)]
        key: PathBuf,
        /// Fichier de signature écrit (défaut : BUNDLE.sig) / signature file (default BUNDLE.sig).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Vérifie la signature puis chaque contrôle d'intégrité d'un bundle.
    /// Verify a bundle's signature, then every integrity check.
    Verify {
        bundle: PathBuf,
        /// Signature (défaut : BUNDLE.sig) / signature (default BUNDLE.sig).
        #[arg(long)]
        sig: Option<PathBuf>,
        /// Clé(s) publique(s) : fichier, une clé hexadécimale par ligne (défaut : clés de ce binaire).
        /// Public key file(s), one hex key per line (default: the keys this binary trusts).
        #[arg(long)]
        pubkey: Vec<PathBuf>,
    },
    /// Liste les paramètres et valeurs qui changent entre deux bundles, avec dates et références.
    /// List the parameters and values that change between two bundles, with dates and references.
    Diff {
        /// Ancien bundle, ou `embedded` pour les règles embarquées / old bundle, or `embedded`.
        old: String,
        new: PathBuf,
    },
    /// Écrit le document des règles embarquées (assemblé depuis core/rules/, un fichier par
    /// paramètre) : le bundle à signer après une correction.
    /// Write the embedded rule document (assembled from core/rules/, one file per parameter):
    /// the bundle to sign after a correction.
    Export {
        /// Fichier écrit (défaut : sortie standard) / file written (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Crée une paire de clés (privée et publique) dans un dossier hors ligne.
    /// Create a key pair (private and public) in an offline folder.
    Keygen {
        #[arg(long)]
        out_dir: PathBuf,
    },
}

/// Largest key or signature file read (a signature is 128 hex characters and a newline).
const TAILLE_MAX_CLE: usize = 4096;

/// Reads at most `max` bytes: a bigger file (or `/dev/zero`) is refused without reading it all.
fn lire_borne(chemin: &Path, max: usize) -> Result<Vec<u8>, Erreur> {
    use std::io::Read;
    let f = std::fs::File::open(chemin).map_err(|e| fichier(chemin, e))?;
    let mut octets = Vec::new();
    f.take(max as u64 + 1)
        .read_to_end(&mut octets)
        .map_err(|e| fichier(chemin, e))?;
    if octets.len() > max {
        return Err(Erreur::trop_volumineux(
            Some(&citer(&chemin.display().to_string())),
            "fichier",
            "file",
            octets.len(),
            max,
        ));
    }
    Ok(octets)
}

fn lire(chemin: &Path) -> Result<Vec<u8>, Erreur> {
    lire_borne(chemin, bundle::TAILLE_MAX_BUNDLE)
}

fn fichier(chemin: &Path, e: std::io::Error) -> Erreur {
    let c = citer(&chemin.display().to_string());
    let raison = match e.kind() {
        std::io::ErrorKind::NotFound => "fichier introuvable",
        std::io::ErrorKind::PermissionDenied => "accès refusé",
        std::io::ErrorKind::AlreadyExists => "le fichier existe déjà",
        _ => "erreur d'entrée-sortie",
    };
    Erreur {
        code: CodeErreur::BundleIllisible,
        champ: Some(c.clone()),
        message_fr: format!("{c} : {raison}"),
        message_en: format!("{c}: {e}"),
    }
}

fn texte(chemin: &Path) -> Result<String, Erreur> {
    String::from_utf8(lire_borne(chemin, TAILLE_MAX_CLE)?).map_err(|_| Erreur {
        code: CodeErreur::CleInvalide,
        champ: Some(citer(&chemin.display().to_string())),
        message_fr: "texte UTF-8 attendu".into(),
        message_en: "UTF-8 text expected".into(),
    })
}

/// Creates `chemin` with `contenu`, never overwriting and never following a symlink
/// (`create_new` is O_CREAT|O_EXCL: it fails on any existing path, a dangling link included);
/// on Unix the file is created with mode `mode` from the start, not restricted afterwards.
fn creer(chemin: &Path, contenu: &str, mode: u32) -> Result<(), Erreur> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let mut f = options.open(chemin).map_err(|e| {
        let mut err = fichier(chemin, e);
        err.code = CodeErreur::CleInvalide;
        err
    })?;
    f.write_all(contenu.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(|e| fichier(chemin, e))
}

fn signature_par_defaut(bundle: &Path, sig: &Option<PathBuf>) -> PathBuf {
    sig.clone().unwrap_or_else(|| {
        let mut s = bundle.as_os_str().to_owned();
        s.push(".sig");
        s.into()
    })
}

pub fn executer(c: &Commande) -> Result<String, Erreur> {
    match c {
        Commande::Sign {
            bundle: chemin,
            key,
            out,
        } => {
            let octets = lire(chemin)?;
            // Refuse to sign what a store would refuse to install.
            let regles = bundle::lire(&octets)?;
            let cle = cle_privee(&texte(key)?)?;
            let signature = bundle::signer(&octets, &cle);
            let sortie = signature_par_defaut(chemin, out);
            std::fs::write(&sortie, format!("{}\n", hex::encoder(&signature)))
                .map_err(|e| fichier(&sortie, e))?;
            Ok(format!(
                "bundle {} (version {}, publié le {}) signé par la clé {} → {}",
                chemin.display(),
                regles.bundle_version,
                regles.published,
                hex::encoder(cle.verifying_key().as_bytes()),
                sortie.display()
            ))
        }
        Commande::Verify {
            bundle: chemin,
            sig,
            pubkey,
        } => {
            let octets = lire(chemin)?;
            let sig_chemin = signature_par_defaut(chemin, sig);
            let signature = hex::decoder(
                "signature",
                &texte(&sig_chemin)?,
                CodeErreur::SignatureInvalide,
            )?;
            let cles = if pubkey.is_empty() {
                bundle::cles_de_confiance()?
            } else {
                let mut v = Vec::new();
                for p in pubkey {
                    v.extend(liste_de_cles(&texte(p)?)?);
                }
                v
            };
            if cles.is_empty() {
                return Err(Erreur {
                    code: CodeErreur::CleInvalide,
                    champ: Some("pubkey".into()),
                    message_fr: "aucune clé de confiance dans ce binaire : indiquez --pubkey"
                        .into(),
                    message_en: "no trusted key in this binary: pass --pubkey".into(),
                });
            }
            bundle::verifier_signature(&octets, &signature, &cles)?;
            let regles = bundle::lire(&octets)?;
            Ok(format!(
                "OK : signature valide, schéma {}, bundle version {} publié le {}, {} versions ({}), {} paramètres, intégrité vérifiée",
                regles.schema_version,
                regles.bundle_version,
                regles.published,
                regles.versions.len(),
                regles.versions.iter().map(|v| v.id.as_str()).collect::<Vec<_>>().join(", "),
                regles.parametres().count()
            ))
        }
        Commande::Diff { old, new } => {
            let avant = if old == "embedded" {
                assistmed_core::regles()?.clone()
            } else {
                bundle::lire(&lire(&PathBuf::from(old))?)?
            };
            let apres = bundle::lire(&lire(new)?)?;
            let d = differences(&avant, &apres);
            let mut out = format!("{} différence(s) / difference(s)\n", d.len());
            for x in d {
                out.push_str(&format!("{} {}\n", x.kind, x.subject));
                if let Some(b) = x.before {
                    out.push_str(&format!("    - {b}\n"));
                }
                if let Some(a) = x.after {
                    out.push_str(&format!("    + {a}\n"));
                }
            }
            Ok(out)
        }
        Commande::Export { out } => {
            let document: serde_json::Value =
                serde_json::from_str(assistmed_core::rules::regles_embarquees_json()?)
                    .map_err(Erreur::regles_invalides)?;
            let texte =
                serde_json::to_string_pretty(&document).map_err(Erreur::regles_invalides)?;
            match out {
                None => Ok(texte),
                Some(chemin) => {
                    std::fs::write(chemin, format!("{texte}\n")).map_err(|e| fichier(chemin, e))?;
                    Ok(format!(
                        "règles embarquées (bundle version {}) écrites dans {}",
                        assistmed_core::regles()?.bundle_version,
                        chemin.display()
                    ))
                }
            }
        }
        Commande::Keygen { out_dir } => {
            let mut graine = [0u8; 32];
            getrandom::fill(&mut graine).map_err(|e| Erreur {
                code: CodeErreur::CleInvalide,
                champ: None,
                message_fr: format!("aléa système indisponible : {e}"),
                message_en: format!("system randomness unavailable: {e}"),
            })?;
            let cle = cle_privee(&hex::encoder(&graine))?;
            std::fs::create_dir_all(out_dir).map_err(|e| fichier(out_dir, e))?;
            let privee = out_dir.join("assistmed-signing-key.hex");
            let publique = out_dir.join("assistmed-public-key.hex");
            for f in [&privee, &publique] {
                if std::fs::symlink_metadata(f).is_ok() {
                    return Err(Erreur {
                        code: CodeErreur::CleInvalide,
                        champ: Some(citer(&f.display().to_string())),
                        message_fr: format!(
                            "{} existe déjà : refus de l'écraser",
                            citer(&f.display().to_string())
                        ),
                        message_en: format!(
                            "{} already exists: refusing to overwrite it",
                            citer(&f.display().to_string())
                        ),
                    });
                }
            }
            // 0600 from creation; refuses an existing file or link (the old code wrote 0644 and
            // followed a dangling symlink).
            creer(&privee, &format!("{}\n", hex::encoder(&graine)), 0o600)?;
            let pk = hex::encoder(cle.verifying_key().as_bytes());
            creer(&publique, &format!("{pk}\n"), 0o644)?;
            let _ = cle_publique(&pk)?;
            Ok(format!(
                "clé privée : {} (à garder hors ligne)\nclé publique : {pk} ({})",
                privee.display(),
                publique.display()
            ))
        }
    }
}
