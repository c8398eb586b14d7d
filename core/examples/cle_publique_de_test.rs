//! Prints the public key of the TEST-ONLY signing key (to regenerate core/keys/test-only/).
fn main() {
    let texte = include_str!("../keys/test-only/TEST-ONLY-signing-key.hex");
    match assistmed_core::bundle::cle_privee(texte) {
        Ok(k) => println!(
            "{}",
            assistmed_core::bundle::hex::encoder(k.verifying_key().as_bytes())
        ),
        Err(e) => eprintln!("{e}"),
    }
}
