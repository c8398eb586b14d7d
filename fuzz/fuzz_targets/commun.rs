//! Shared checks of the API fuzz targets (`#[path]`-included): every refusal is a typed error
//! with a listed code and two non-empty messages free of control characters (echoed values are
//! escaped and cut).

use assistmed_core::{CodeErreur, Erreur, Langue};

/// The language of the call, from the input's length: every target runs both languages' texts
/// (a result holds only one), and the existing corpus keeps its meaning.
pub fn langue(data: &[u8]) -> Langue {
    if data.len() % 2 == 0 {
        Langue::Fr
    } else {
        Langue::En
    }
}

pub fn verifier_erreur(e: &Erreur) {
    assert!(CodeErreur::TOUS.contains(&e.code), "unlisted code: {e:?}");
    for m in [&e.message_fr, &e.message_en] {
        assert!(!m.is_empty(), "error without a message: {e:?}");
        assert!(!m.chars().any(char::is_control), "control character in a message: {e:?}");
        assert!(m.chars().count() < 2_000, "message not cut: {} chars", m.chars().count());
    }
    if let Some(c) = &e.champ {
        // Cited: at most 40 characters, each escaped to at most 10 (`\u{10ffff}`), and « … ».
        assert!(c.chars().count() <= 420, "field name not cut: {c:?}");
    }
}
