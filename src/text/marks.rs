//! Combining marks typed in an order that does not compose.
//!
//! Some old input methods write a Vietnamese letter as base + tone mark + vowel mark:
//! "a" + U+0301 (acute) + U+0302 (circumflex) for "ấ". The circumflex U+0302, the breve
//! U+0306 and the tone marks grave U+0300, acute U+0301, tilde U+0303 and hook above
//! U+0309 all have canonical combining class 230, so Unicode normalization keeps their
//! order, and NFC makes "á" + U+0302 ("á̂") instead of "ấ", which no search or dictionary
//! matches. The vowel mark has to come first: precomposed Vietnamese letters decompose
//! as base + vowel mark + tone mark ("ấ" is "a" U+0302 U+0301).
//!
//! [`reorder_marks`] puts the circumflex and the breve before the other class-230 marks
//! of each run of combining marks; the caller then applies NFC. The horn U+031B (class
//! 216) and the dot below U+0323 (class 220) need no help: canonical ordering already
//! puts them first ("o" U+0300 U+031B is "ờ" after NFC).
//!
//! ```
//! use unicode_normalization::UnicodeNormalization;
//! use vietfacts::text::marks::reorder_marks;
//!
//! let fixed = reorder_marks("a\u{301}\u{302}").unwrap_or_default();
//! assert_eq!(fixed.nfc().collect::<String>(), "ấ");
//! assert_eq!(reorder_marks("Hội"), None);
//! ```

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

/// The sort key of a combining mark: its canonical combining class, then (within a
/// class) the vowel marks U+0302 (circumflex: â ê ô), U+0306 (breve: ă) and U+031B
/// (horn: ơ ư) before the rest, tone marks included.
fn mark_key(c: char) -> (u8, u8) {
    let vowel_mark = matches!(c, '\u{0302}' | '\u{0306}' | '\u{031B}');
    (canonical_combining_class(c), u8::from(!vowel_mark))
}

/// `word` with Vietnamese combining marks put in the order that composes, None when
/// nothing changes.
///
/// A word without a combining mark in U+0300..=U+036F returns None at once. Otherwise
/// the word is decomposed (NFD), and in each run of combining marks the circumflex and
/// the breve are moved before the tone marks. When a mark moved, the result is returned
/// in NFD for the caller to compose; when none had to ("e" U+0323 U+0302, an already
/// correct NFD word), the answer is None, even though the input may not be NFC: NFC of
/// the input is then already right.
///
/// ```
/// use unicode_normalization::UnicodeNormalization;
/// use vietfacts::text::marks::reorder_marks;
///
/// // "é" (precomposed) + circumflex: decomposed and reordered.
/// let fixed = reorder_marks("Vi\u{e9}\u{302}t").unwrap_or_default();
/// assert_eq!(fixed.nfc().collect::<String>(), "Viết".nfc().collect::<String>());
/// assert_eq!(reorder_marks("Viet"), None);
/// ```
pub fn reorder_marks(word: &str) -> Option<String> {
    if !word.chars().any(|c| matches!(c, '\u{0300}'..='\u{036F}')) {
        return None;
    }
    let mut chars: Vec<char> = word.nfd().collect();
    let mut moved = false;
    // Runs of non-starters: a starter is a group of its own.
    for group in chars.chunk_by_mut(|&a, &b| {
        canonical_combining_class(a) != 0 && canonical_combining_class(b) != 0
    }) {
        if !group.is_sorted_by_key(|&c| mark_key(c)) {
            group.sort_by_key(|&c| mark_key(c));
            moved = true;
        }
    }
    moved.then(|| chars.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nfc(s: &str) -> String {
        s.nfc().collect()
    }

    /// The NFC the caller gets: reordered when something moved, else the input.
    fn composed(word: &str) -> String {
        nfc(&reorder_marks(word).unwrap_or_else(|| word.to_owned()))
    }

    #[test]
    fn tone_before_vowel_mark_is_reordered() {
        let cases = [
            ("a\u{301}\u{302}", "ấ"),
            ("a\u{300}\u{306}", "ằ"),
            ("A\u{309}\u{302}", "Ẩ"),
            ("e\u{303}\u{302}", "ễ"),
            ("o\u{301}\u{302}", "ố"),
            // Already precomposed with the tone: "á" + circumflex.
            ("\u{e1}\u{302}", "ấ"),
            ("Vi\u{e9}\u{302}t", "Viết"),
            ("ngh\u{ec}\u{302}n", "ngh\u{ee}\u{300}n"),
            ("Nguy\u{1ebd}\u{302}n", "Nguyễn"),
            ("a\u{301}\u{308}\u{302}", "ấ\u{308}"),
        ];
        for (input, expected) in cases {
            assert!(reorder_marks(input).is_some(), "{input:?}");
            assert_eq!(composed(input), nfc(expected), "{input:?}");
        }
    }

    #[test]
    fn composing_orders_need_nothing() {
        let cases = [
            ("e\u{323}\u{302}", "ệ"),
            ("e\u{302}\u{323}", "ệ"),
            ("a\u{302}\u{301}", "ấ"),
            ("o\u{31b}\u{300}", "ờ"),
            // Horn (class 216) after a tone mark: canonical ordering fixes it.
            ("o\u{300}\u{31b}", "ờ"),
            ("u\u{303}\u{31b}", "ữ"),
            ("u\u{31b}", "ư"),
            ("a\u{306}\u{323}", "ặ"),
            // "ạ" + circumflex: the dot below (class 220) already comes first.
            ("\u{1ea1}\u{302}", "ậ"),
            ("Ho\u{302}\u{323}i", "Hội"),
            ("y\u{306}", "y\u{306}"),
            ("\u{301}", "\u{301}"),
        ];
        for (input, expected) in cases {
            assert_eq!(reorder_marks(input), None, "{input:?}");
            assert_eq!(composed(input), nfc(expected), "{input:?}");
        }
    }

    #[test]
    fn no_marks_is_none() {
        for word in ["", "Hội", "nghị", "UBND", "35-NQ/TW", "ấ", "Москва"] {
            assert_eq!(reorder_marks(word), None, "{word}");
        }
    }

    #[test]
    fn idempotent_after_nfc() {
        for word in [
            "a\u{301}\u{302}",
            "\u{e1}\u{302}",
            "a\u{301}\u{308}\u{302}",
            "o\u{300}\u{31b}",
            "e\u{301}\u{302}\u{303}",
            "\u{301}\u{302}x",
        ] {
            let once = composed(word);
            assert_eq!(reorder_marks(&once), None, "{word:?}");
        }
    }
}
