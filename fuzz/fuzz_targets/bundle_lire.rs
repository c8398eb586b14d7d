//! `bundle::lire` on arbitrary bytes: the parser behind every rule update (UTF-8, JSON header,
//! schema version, full document, integrity checks). It must never panic: any input is either a
//! rule set or a typed error with both messages.
#![no_main]

use std::sync::LazyLock;

use assistmed_core::bundle;
use assistmed_core::rules::SCHEMA_VERSION;
use assistmed_core::{regles, RuleSet};
use libfuzzer_sys::fuzz_target;

/// The embedded rules, parsed once, to diff every accepted bundle against.
static EMBARQUEES: LazyLock<&'static RuleSet> =
    LazyLock::new(|| regles().unwrap_or_else(|e| panic!("embedded rules: {e}")));

fuzz_target!(|data: &[u8]| {
    match bundle::lire(data) {
        Ok(regles) => {
            // An accepted bundle passed the schema check and every integrity check.
            assert_eq!(regles.schema_version, SCHEMA_VERSION);
            // The maintainers' review of it (`assistmed bundle diff`) must not panic either.
            let _ = bundle::differences(*EMBARQUEES, &regles);
        }
        Err(e) => {
            assert!(
                !e.message_fr.is_empty() && !e.message_en.is_empty(),
                "error without a message: {e:?}"
            );
        }
    }
});
