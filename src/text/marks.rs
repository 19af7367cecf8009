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
//!
//! Decomposed Vietnamese, where every mark sits on a vowel and makes a Vietnamese letter with
//! it, is composed by a table lookup per letter (`compose_vietnamese`); any other word takes
//! the general path, [`reorder_marks`] and then NFC.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use super::tone::{VowelLetter, row, vowel_char, vowel_letter};

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

/// Chars that are NFC as they stand and that no char before them composes with: ASCII,
/// Latin-1 letters and symbols, Latin Extended-A and B, Latin Extended Additional (every
/// precomposed Vietnamese letter), general punctuation.
pub(crate) const fn is_stable_starter(c: char) -> bool {
    c.is_ascii()
        || matches!(
            c,
            '\u{A1}'..='\u{24F}'
                | '\u{1E00}'..='\u{1EFF}'
                | '\u{2010}'..='\u{2027}'
                | '\u{2030}'..='\u{205E}'
        )
}

/// The row of [`super::tone`]'s vowel tables that `row` takes with a circumflex U+0302, a
/// breve U+0306 or a horn U+031B; None when Vietnamese has no such letter.
fn with_vowel_mark(vowel_row: u8, mark: char) -> Option<u8> {
    Some(match (vowel_row, mark) {
        (row::A, '\u{306}') => row::A_BREVE,
        (row::A, '\u{302}') => row::A_CIRCUMFLEX,
        (row::E, '\u{302}') => row::E_CIRCUMFLEX,
        (row::O, '\u{302}') => row::O_CIRCUMFLEX,
        (row::O, '\u{31B}') => row::O_HORN,
        (row::U, '\u{31B}') => row::U_HORN,
        _ => return None,
    })
}

/// The tone column of a combining tone mark: grave, acute, hook above, tilde, dot below.
fn tone_of_mark(mark: char) -> Option<u8> {
    Some(match mark {
        '\u{300}' => 1,
        '\u{301}' => 2,
        '\u{309}' => 3,
        '\u{303}' => 4,
        '\u{323}' => 5,
        _ => return None,
    })
}

/// `word` composed as [`reorder_marks`] and NFC compose it, when that is a lookup per letter:
/// every combining mark is a Vietnamese vowel or tone mark on a vowel (at most one of each
/// per letter, counting the marks of a precomposed vowel) and every other char a
/// [stable starter](is_stable_starter). None for any other word: it needs the general path.
pub(crate) fn compose_vietnamese(word: &str) -> Option<String> {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if !is_stable_starter(c) {
            return None;
        }
        let marked = chars
            .peek()
            .is_some_and(|&next| matches!(next, '\u{300}'..='\u{36F}'));
        if !marked {
            out.push(c);
            continue;
        }
        let VowelLetter {
            row: mut vowel_row,
            mut tone,
            upper,
        } = vowel_letter(c)?;
        while let Some(&mark) = chars.peek() {
            if let Some(mark_tone) = tone_of_mark(mark) {
                if tone != 0 {
                    return None;
                }
                tone = mark_tone;
            } else if matches!(mark, '\u{302}' | '\u{306}' | '\u{31B}') {
                vowel_row = with_vowel_mark(vowel_row, mark)?;
            } else {
                // Another char: a starter is judged on the next round, any other mark fails it.
                break;
            }
            chars.next();
        }
        out.push(vowel_char(vowel_row, tone, upper)?);
    }
    Some(out)
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
    fn the_vietnamese_composer_agrees_with_the_general_path() {
        // Every starter that can carry marks (every vowel letter, and a few others) with every
        // sequence of up to three combining marks among the Vietnamese ones and two others.
        let marks = [
            '\u{300}', '\u{301}', '\u{302}', '\u{303}', '\u{306}', '\u{309}', '\u{31B}', '\u{323}',
            '\u{308}', '\u{340}',
        ];
        let mut sequences: Vec<Vec<char>> = vec![vec![]];
        for length in 1..=3 {
            let shorter: Vec<Vec<char>> = sequences
                .iter()
                .filter(|s| s.len() == length - 1)
                .cloned()
                .collect();
            for s in shorter {
                for &m in &marks {
                    let mut longer = s.clone();
                    longer.push(m);
                    sequences.push(longer);
                }
            }
        }
        let starters: Vec<char> = ('\u{0}'..='\u{24F}')
            .chain('\u{1E00}'..='\u{1EFF}')
            .chain([
                '\u{2013}', '\u{201C}', '\u{3B1}', '\u{43E}', '\u{1F71}', '😀',
            ])
            .filter(|&c| vowel_letter(c).is_some() || "dnDđĐçÇ-".contains(c))
            .collect();
        let mut composed_here = 0;
        for &starter in &starters {
            for sequence in &sequences {
                let word: String = std::iter::once(starter)
                    .chain(sequence.iter().copied())
                    .collect();
                for text in [word.clone(), format!("x{word}ng"), format!("{word}{word}")] {
                    if let Some(fast) = compose_vietnamese(&text) {
                        assert_eq!(fast, composed(&text), "{text:?}");
                        composed_here += 1;
                    }
                }
            }
        }
        assert!(composed_here > 1000, "{composed_here}");
        // Marks alone, or on a char that is no vowel, are left to the general path.
        for word in [
            "\u{301}",
            "n\u{301}",
            "\u{3B1}\u{301}",
            "a\u{308}",
            "i\u{302}",
        ] {
            assert_eq!(compose_vietnamese(word), None, "{word:?}");
        }
    }

    #[test]
    fn stable_starters_are_nfc_alone_and_after_any_letter() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_stable_starter(c))
        {
            let alone = c.to_string();
            assert_eq!(nfc(&alone), alone, "{c:?}");
            for before in ['a', 'e', 'o', 'u', 'A', 'ơ', 'ê', 'ạ', 'n'] {
                let pair = format!("{before}{c}");
                assert_eq!(nfc(&pair), pair, "{c:?} after {before:?}");
            }
            assert_eq!(compose_vietnamese(&alone).as_deref(), Some(alone.as_str()));
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
