//! Signed rule bundles: correcting the rules without an app release, offline-first.
//!
//! A bundle is the rule document (the one assembled from `rules/` is shipped in the binary) plus a
//! detached ed25519 signature over its exact bytes. [`RuleStore`] starts from the embedded rules
//! and accepts a candidate only if, in this order: the signature verifies against a public key
//! compiled into the library; the schema version is supported; the bundle version is newer than
//! the active one; the data passes every integrity check. Otherwise it says which check failed and
//! the current rules keep answering. Stores are immutable: installing returns a new store.

use std::fmt;
use std::sync::Arc;

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use crate::error::{CodeErreur, Erreur, Resultat};
use crate::rules::{OrigineRegles, RuleSet, SCHEMA_VERSION};

/// Public keys of the rule publishers, one hex key per line (`#` starts a comment).
const CLES_PRODUCTION: &str = include_str!("../../keys/trusted-production-keys.txt");
/// The TEST-ONLY key, trusted only in builds with the `test-keys` feature.
#[cfg(feature = "test-keys")]
const CLE_TEST: &str = include_str!("../../keys/test-only/TEST-ONLY-public-key.hex");

/// Length of an ed25519 signature in bytes.
pub const LONGUEUR_SIGNATURE: usize = 64;

/// Largest bundle accepted, in bytes, checked before the signature is even computed (a signed
/// 200 MB bundle used to be accepted and re-verified at every start).
pub const TAILLE_MAX_BUNDLE: usize = crate::rules::LIMITES_DOCUMENT.octets;

fn verifier_taille(octets: &[u8]) -> Resultat<()> {
    if octets.len() > TAILLE_MAX_BUNDLE {
        return Err(Erreur::trop_volumineux(
            Some("bundle"),
            "bundle",
            "bundle",
            octets.len(),
            TAILLE_MAX_BUNDLE,
        ));
    }
    Ok(())
}

pub mod hex {
    //! Lower-case hex, for keys and signatures in text files.
    use crate::error::{CodeErreur, Resultat};

    pub fn encoder(octets: &[u8]) -> String {
        octets.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Longest hex text read (a signature is 128 characters).
    const LONGUEUR_MAX: usize = 1024;

    /// Decodes lower-case hex (`0-9`, `a-f`, even length); surrounding white space (the final
    /// newline of a file) is ignored, nothing else: no sign, no upper case, no inner space.
    pub fn decoder(champ: &str, texte: &str, code: CodeErreur) -> Resultat<Vec<u8>> {
        let t = texte.trim_matches(|c: char| c.is_ascii_whitespace());
        let erreur = || {
            super::erreur_bundle(
                code,
                champ,
                format!("« {champ} » : hexadécimal en minuscules attendu (0-9, a-f), longueur paire, au plus {LONGUEUR_MAX} caractères"),
                format!("`{champ}`: expected lower-case hexadecimal (0-9, a-f), even length, at most {LONGUEUR_MAX} characters"),
            )
        };
        let chiffre = |b: u8| match b {
            b'0'..=b'9' => Some(b - b'0'),
            b'a'..=b'f' => Some(b - b'a' + 10),
            _ => None,
        };
        if t.len() % 2 != 0 || t.len() > LONGUEUR_MAX {
            return Err(erreur());
        }
        t.as_bytes()
            .chunks(2)
            .map(|p| match p {
                [h, l] => chiffre(*h)
                    .zip(chiffre(*l))
                    .map(|(h, l)| (h << 4) | l)
                    .ok_or_else(erreur),
                _ => Err(erreur()),
            })
            .collect()
    }
}

fn erreur_bundle(code: CodeErreur, champ: &str, fr: String, en: String) -> Erreur {
    Erreur {
        code,
        champ: Some(champ.to_owned()),
        message_fr: fr,
        message_en: en,
    }
}

/// Reads a public key written as 64 hex characters.
pub fn cle_publique(texte: &str) -> Resultat<VerifyingKey> {
    let octets = hex::decoder("public_key", texte, CodeErreur::CleInvalide)?;
    let tableau: [u8; 32] = octets.as_slice().try_into().map_err(|_| {
        erreur_bundle(
            CodeErreur::CleInvalide,
            "public_key",
            "clé publique : 32 octets (64 caractères hexadécimaux) attendus".into(),
            "public key: 32 bytes (64 hex characters) expected".into(),
        )
    })?;
    let invalide = || {
        erreur_bundle(
            CodeErreur::CleInvalide,
            "public_key",
            "clé publique ed25519 invalide ou faible (d'ordre petit : elle validerait des signatures forgées)".into(),
            "invalid or weak (small-order) ed25519 public key: it would accept forged signatures".into(),
        )
    };
    let cle = VerifyingKey::from_bytes(&tableau).map_err(|_| invalide())?;
    if cle.is_weak() {
        return Err(invalide());
    }
    Ok(cle)
}

/// Reads a private signing key written as 64 hex characters (the 32-byte seed).
pub fn cle_privee(texte: &str) -> Resultat<SigningKey> {
    let octets = hex::decoder("private_key", texte, CodeErreur::CleInvalide)?;
    let graine: [u8; 32] = octets.as_slice().try_into().map_err(|_| {
        erreur_bundle(
            CodeErreur::CleInvalide,
            "private_key",
            "clé privée : 32 octets (64 caractères hexadécimaux) attendus".into(),
            "private key: 32 bytes (64 hex characters) expected".into(),
        )
    })?;
    Ok(SigningKey::from_bytes(&graine))
}

/// Reads a key list: one hex key per line, blank lines and `#` comments ignored.
pub fn liste_de_cles(texte: &str) -> Resultat<Vec<VerifyingKey>> {
    texte
        .lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty())
        .map(cle_publique)
        .collect()
}

/// The keys this build trusts for rule updates.
pub fn cles_de_confiance() -> Resultat<Vec<VerifyingKey>> {
    #[allow(unused_mut)]
    let mut cles = liste_de_cles(CLES_PRODUCTION)?;
    #[cfg(feature = "test-keys")]
    cles.extend(liste_de_cles(CLE_TEST)?);
    Ok(cles)
}

/// Signs a bundle's exact bytes (maintainers' tool).
pub fn signer(octets: &[u8], cle: &SigningKey) -> [u8; LONGUEUR_SIGNATURE] {
    cle.sign(octets).to_bytes()
}

/// Verifies a detached signature against any of `cles`.
pub fn verifier_signature(octets: &[u8], signature: &[u8], cles: &[VerifyingKey]) -> Resultat<()> {
    let tableau: [u8; LONGUEUR_SIGNATURE] = signature.try_into().map_err(|_| {
        erreur_bundle(
            CodeErreur::SignatureInvalide,
            "signature",
            format!(
                "signature de {} octets au lieu de {LONGUEUR_SIGNATURE}",
                signature.len()
            ),
            format!(
                "signature of {} bytes instead of {LONGUEUR_SIGNATURE}",
                signature.len()
            ),
        )
    })?;
    let sig = Signature::from_bytes(&tableau);
    // Strict verification (no malleable or small-order cases), and a weak key never counts even
    // if one was handed in directly.
    if cles
        .iter()
        .any(|k| !k.is_weak() && k.verify_strict(octets, &sig).is_ok())
    {
        Ok(())
    } else {
        Err(erreur_bundle(
            CodeErreur::SignatureRefusee,
            "signature",
            "la signature ne correspond à aucune clé de confiance (bundle modifié ou signé par une autre clé)".into(),
            "the signature matches no trusted key (bundle altered or signed by another key)".into(),
        ))
    }
}

/// The header read before the full document, so that a future schema gets its own error.
#[derive(Deserialize)]
struct Entete {
    schema_version: u32,
    bundle_version: u64,
}

/// Reads a bundle's header: UTF-8 JSON with a supported schema. Returns the text and the bundle
/// version, before the whole document is parsed.
fn lire_entete(octets: &[u8]) -> Resultat<(&str, u64)> {
    let texte = std::str::from_utf8(octets).map_err(|e| {
        erreur_bundle(
            CodeErreur::BundleIllisible,
            "bundle",
            format!("bundle illisible : UTF-8 invalide ({e})"),
            format!("unreadable bundle: invalid UTF-8 ({e})"),
        )
    })?;
    let entete: Entete = serde_json::from_str(texte).map_err(|e| {
        erreur_bundle(
            CodeErreur::BundleIllisible,
            "bundle",
            format!(
                "bundle illisible : document JSON incorrect ou sans en-tête (schema_version, bundle_version), ligne {} colonne {}",
                e.line(),
                e.column()
            ),
            format!("unreadable bundle: {}", crate::error::citer_long(&e.to_string())),
        )
    })?;
    if entete.schema_version != SCHEMA_VERSION {
        return Err(erreur_bundle(
            CodeErreur::SchemaNonSupporte,
            "schema_version",
            format!(
                "schéma {} non pris en charge par cette version de l'application (attendu {SCHEMA_VERSION}) : mettez l'application à jour",
                entete.schema_version
            ),
            format!("schema {} not supported by this app version (expected {SCHEMA_VERSION}): update the app", entete.schema_version),
        ));
    }
    Ok((texte, entete.bundle_version))
}

/// Parses a bundle's bytes (after its signature was checked): UTF-8, JSON, schema, integrity.
pub fn lire(octets: &[u8]) -> Resultat<RuleSet> {
    verifier_taille(octets)?;
    let (texte, _) = lire_entete(octets)?;
    RuleSet::from_json(texte)
}

/// Where the active rules come from, for display and for every assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Provenance {
    pub origin: OrigineRegles,
    pub bundle_version: u64,
    pub published: chrono::NaiveDate,
    pub provenance: String,
    /// Hex of the signature for an installed update, absent for the embedded rules.
    pub signature: Option<String>,
}

/// The active rule set and how it got there. Immutable and cheap to clone; `Send + Sync`.
#[derive(Clone)]
pub struct RuleStore {
    regles: Arc<RuleSet>,
    octets: Arc<[u8]>,
    signature: Option<[u8; LONGUEUR_SIGNATURE]>,
    cles: Arc<[VerifyingKey]>,
    /// High-water mark: the highest bundle version ever installed, as the app remembers it
    /// (and at least the active version). A bundle below it is refused, even after the stored
    /// copy of the newer one is lost.
    plancher: u64,
}

impl fmt::Debug for RuleStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RuleStore")
            .field("bundle_version", &self.regles.bundle_version)
            .field("origin", &self.regles.origine)
            .field("trusted_keys", &self.cles.len())
            .field("high_water_mark", &self.plancher)
            .finish()
    }
}

impl RuleStore {
    /// The store on the embedded rules, trusting the keys compiled into this build.
    pub fn embarque() -> Resultat<RuleStore> {
        Self::avec_cles(cles_de_confiance()?)
    }

    /// The store on the embedded rules, trusting `cles` (maintainers' tools, tests).
    pub fn avec_cles(cles: Vec<VerifyingKey>) -> Resultat<RuleStore> {
        Ok(RuleStore {
            regles: crate::rules::embarquees_partagees()?,
            // The embedded rules are never exported: no bytes to keep.
            octets: Arc::from(&[][..]),
            signature: None,
            cles: cles.into(),
            plancher: 0,
        }
        .avec_plancher(0))
    }

    /// The same store with the app's high-water mark (the highest bundle version it ever
    /// installed, kept beside the stored bundle): bundles below it are refused from now on
    /// (`bundle_sous_plancher`). The mark never goes down: it is at least the active version
    /// and the mark already held.
    pub fn avec_plancher(&self, plancher: u64) -> RuleStore {
        let mut s = self.clone();
        s.plancher = plancher.max(self.plancher).max(self.regles.bundle_version);
        s
    }

    /// The high-water mark to store beside the bundle (see `RuleStore::avec_plancher`).
    pub fn plancher(&self) -> u64 {
        self.plancher
    }

    pub fn regles(&self) -> &RuleSet {
        &self.regles
    }

    pub fn provenance(&self) -> Provenance {
        Provenance {
            origin: self.regles.origine,
            bundle_version: self.regles.bundle_version,
            published: self.regles.published,
            provenance: self.regles.provenance.clone(),
            signature: self.signature.map(|s| hex::encoder(&s)),
        }
    }

    /// Checks a candidate bundle and returns the store that uses it; on any failure, the error
    /// names the failed check and `self` is unchanged (the current rules keep answering).
    pub fn installer(&self, octets: &[u8], signature: &[u8]) -> Resultat<RuleStore> {
        verifier_taille(octets)?;
        verifier_signature(octets, signature, &self.cles)?;
        let (texte, version) = lire_entete(octets)?;
        if version <= self.regles.bundle_version {
            return Err(erreur_bundle(
                CodeErreur::BundleNonPlusRecent,
                "bundle_version",
                format!(
                    "bundle version {version} : pas plus récent que les règles actives (version {}) ; version attendue supérieure à {}",
                    self.regles.bundle_version, self.regles.bundle_version
                ),
                format!(
                    "bundle version {version}: not newer than the active rules (version {}); expected a version above {}",
                    self.regles.bundle_version, self.regles.bundle_version
                ),
            ));
        }
        if version < self.plancher {
            return Err(erreur_bundle(
                CodeErreur::BundleSousPlancher,
                "bundle_version",
                format!(
                    "bundle version {version} : plus ancien que la version {} déjà installée sur cet appareil (retour en arrière refusé) ; version attendue {} ou plus",
                    self.plancher, self.plancher
                ),
                format!(
                    "bundle version {version}: older than version {} already installed on this device (rollback refused); expected version {} or above",
                    self.plancher, self.plancher
                ),
            ));
        }
        let mut regles = RuleSet::from_json(texte)?;
        regles.origine = OrigineRegles::Update;
        let mut sig = [0u8; LONGUEUR_SIGNATURE];
        sig.copy_from_slice(signature);
        Ok(RuleStore {
            regles: Arc::new(regles),
            octets: Arc::from(octets),
            signature: Some(sig),
            cles: self.cles.clone(),
            plancher: self.plancher.max(version),
        })
    }

    /// At start-up: the app hands back what it stored. Anything missing, corrupted, truncated,
    /// badly signed, older than the embedded rules or below the high-water mark (call
    /// `RuleStore::avec_plancher` first with the mark the app kept) falls back to `self`
    /// (normally the embedded store) with the reason as a warning; never an empty rule set. The
    /// returned store keeps the mark, so an older bundle cannot be installed after it either.
    pub fn restaurer(
        &self,
        octets: Option<&[u8]>,
        signature: Option<&[u8]>,
    ) -> (RuleStore, Option<Erreur>) {
        match (octets, signature) {
            (Some(o), Some(s)) => match self.installer(o, s) {
                Ok(store) => (store, None),
                Err(e) => (self.clone(), Some(e)),
            },
            // Nothing stored although a newer bundle was installed once: the copy was lost.
            (None, None) if self.plancher > self.regles.bundle_version => (
                self.clone(),
                Some(erreur_bundle(
                    CodeErreur::BundleSousPlancher,
                    "bundle",
                    format!(
                        "bundle enregistré introuvable alors que la version {} a été installée : règles embarquées (version {}) utilisées ; seul un bundle de version {} ou plus sera accepté",
                        self.plancher, self.regles.bundle_version, self.plancher
                    ),
                    format!(
                        "stored bundle missing although version {} was installed: embedded rules (version {}) used; only a bundle of version {} or above will be accepted",
                        self.plancher, self.regles.bundle_version, self.plancher
                    ),
                )),
            ),
            (None, None) => (self.clone(), None),
            _ => (
                self.clone(),
                Some(erreur_bundle(
                    CodeErreur::BundleIllisible,
                    "bundle",
                    "bundle enregistré incomplet (données ou signature manquante) : règles embarquées utilisées".into(),
                    "stored bundle incomplete (data or signature missing): embedded rules used".into(),
                )),
            ),
        }
    }

    /// What the app should persist: the active update's bytes and signature (absent for the
    /// embedded rules, which need no storage).
    pub fn exporter(&self) -> Option<(Vec<u8>, Vec<u8>)> {
        self.signature.map(|s| (self.octets.to_vec(), s.to_vec()))
    }
}

/// One difference between two bundles, for review before publication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// `+` added, `-` removed, `~` changed.
    pub kind: char,
    pub subject: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

fn decrire(v: &crate::rules::ValeurDatee) -> String {
    let article = v
        .article
        .as_deref()
        .map(|a| format!(", {a}"))
        .unwrap_or_default();
    // A maintainers' tool: both texts of the note, so that a change to either one shows.
    let note = match (&v.note, &v.note_en) {
        (Some(fr), Some(en)) => format!(" — {fr} / {en}"),
        (Some(n), None) | (None, Some(n)) => format!(" — {n}"),
        (None, None) => String::new(),
    };
    format!(
        "{} (grade {}; {}{article}){note}",
        v.valeur,
        v.grade,
        v.references.join(", ")
    )
}

/// Which versions, parameters and values change between two rule sets.
pub fn differences(avant: &RuleSet, apres: &RuleSet) -> Vec<Difference> {
    let mut d = Vec::new();
    let mut pousser = |kind, subject: String, before: Option<String>, after: Option<String>| {
        if before != after {
            d.push(Difference {
                kind,
                subject,
                before,
                after,
            });
        }
    };
    pousser(
        '~',
        "bundle_version".into(),
        Some(avant.bundle_version.to_string()),
        Some(apres.bundle_version.to_string()),
    );
    pousser(
        '~',
        "published".into(),
        Some(avant.published.to_string()),
        Some(apres.published.to_string()),
    );
    let version = |v: &crate::rules::Version| {
        format!(
            "[{}, {}) {} ({})",
            v.start,
            v.end_exclusive.map_or("…".to_owned(), |d| d.to_string()),
            v.title_fr,
            v.references.join(", ")
        )
    };
    for v in &avant.versions {
        let autre = apres.version(&v.id);
        let kind = if autre.is_some() { '~' } else { '-' };
        pousser(
            kind,
            format!("version {}", v.id),
            Some(version(v)),
            autre.map(version),
        );
    }
    for v in apres
        .versions
        .iter()
        .filter(|v| avant.version(&v.id).is_none())
    {
        pousser('+', format!("version {}", v.id), None, Some(version(v)));
    }
    let ids: std::collections::BTreeSet<&str> = avant
        .parametres()
        .chain(apres.parametres())
        .map(|p| p.id.as_str())
        .collect();
    for id in ids {
        let (a, b) = (avant.parametre(id).ok(), apres.parametre(id).ok());
        let dates: std::collections::BTreeSet<_> = a
            .iter()
            .chain(b.iter())
            .flat_map(|p| p.valeurs.iter().map(|v| v.from))
            .collect();
        for date in dates {
            let va = a
                .and_then(|p| p.valeurs.iter().find(|v| v.from == date))
                .map(decrire);
            let vb = b
                .and_then(|p| p.valeurs.iter().find(|v| v.from == date))
                .map(decrire);
            let kind = match (&va, &vb) {
                (None, _) => '+',
                (_, None) => '-',
                _ => '~',
            };
            pousser(kind, format!("{id} @ {date}"), va, vb);
        }
    }
    for (id, r) in &apres.references {
        let avant_r = avant
            .references
            .get(id)
            .map(|x| format!("{} — {}", x.title, x.url));
        let kind = if avant_r.is_some() { '~' } else { '+' };
        pousser(
            kind,
            format!("reference {id}"),
            avant_r,
            Some(format!("{} — {}", r.title, r.url)),
        );
    }
    d
}
