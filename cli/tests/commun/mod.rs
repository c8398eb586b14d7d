//! Running the built `assistmed` as a person does, shared by the CLI test files.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `assistmed args…`, with `stdin` written to its standard input (closed either way).
pub fn assistmed(args: &[&str], stdin: Option<&str>) -> Output {
    let mut enfant = Command::new(env!("CARGO_BIN_EXE_assistmed"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(texte) = stdin {
        enfant
            .stdin
            .take()
            .unwrap()
            .write_all(texte.as_bytes())
            .unwrap();
    }
    drop(enfant.stdin.take());
    enfant.wait_with_output().unwrap()
}

/// An output stream as text.
pub fn texte(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}
