//! Look-alike letters inside Vietnamese (and other Latin-script) words.
//!
//! Text that went through old fonts, converters or copy-paste from PDFs sometimes holds
//! letters that look like the right ones but are other characters, so that a search for
//! "Đồng" or "Hội nghị" misses them:
//!
//! - Ð U+00D0 / ð U+00F0 (Icelandic eth) written for Đ U+0110 / đ U+0111. They are
//!   replaced only where the word then is Vietnamese: the letter run, after the swap,
//!   is a Vietnamese syllable ("Ðồng" → "Đồng", "ðã" → "đã"), or it is an upper-case
//!   acronym with no vowel ("HÐND" → "HĐND", "ÐBSCL" → "ĐBSCL"; a lone "Ð" as in
//!   "Ð/c" → "Đ/c"). Icelandic stays as it is ("við", "síðan", "eða", "Ðórður").
//! - Cyrillic and Greek letters drawn like Latin ones, inside a letter run that also has
//!   Latin letters and no other Cyrillic or Greek letter ("Hội nghị" typed with a
//!   Cyrillic о, "Internеt" with a Cyrillic е). A run written wholly in Cyrillic or Greek
//!   ("Москва", "Αθήνα") is left alone, and so is one with a Cyrillic or Greek letter
//!   that has no Latin twin ("Hаж"): it is not a Latin word with a stray letter. The
//!   letter may carry marks that NFC could not compose onto it (Cyrillic о + U+0300):
//!   the run is decomposed, the base letters mapped, and the result given in NFC ("ò").
//!
//! ```
//! use vietfacts::text::lookalike::fix_lookalikes;
//!
//! assert_eq!(fix_lookalikes("Ðồng").as_deref(), Some("Đồng"));
//! assert_eq!(fix_lookalikes("við"), None);
//! // "Hội" with a Cyrillic о (U+043E) carrying the dot below and circumflex.
//! assert_eq!(fix_lookalikes("H\u{43e}\u{323}\u{302}i").as_deref(), Some("Hội"));
//! assert_eq!(fix_lookalikes("Москва"), None);
//! ```
//!
//! The look-alikes mapped, by script (see `latin_twin`):
//!
//! - Cyrillic small: а е о р с х у і ј ѕ һ ԁ ԛ ԝ → a e o p c x y i j s h d q w;
//! - Cyrillic capital: А В Е К М Н О Р С Т Х У І Ј Ѕ Һ Ԛ Ԝ → A B E K M H O P C T X Y I J S
//!   H Q W;
//! - Greek: ο and the capitals Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ → o A B E Z H I K M N O P T Y X.
//!
//! Their precomposed forms (Cyrillic ѐ ё ї, Greek ό Ό) are covered by decomposition.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::tone::{ToneStyle, is_vietnamese_syllable, letter_runs, place_tone};

/// The Latin letter `c` is drawn like, for the Cyrillic and Greek look-alikes mapped.
fn latin_twin(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic small letters: а е о р с х у і ј ѕ һ ԁ ԛ ԝ.
        '\u{0430}' => 'a',
        '\u{0435}' => 'e',
        '\u{043E}' => 'o',
        '\u{0440}' => 'p',
        '\u{0441}' => 'c',
        '\u{0445}' => 'x',
        '\u{0443}' => 'y',
        '\u{0456}' => 'i',
        '\u{0458}' => 'j',
        '\u{0455}' => 's',
        '\u{04BB}' => 'h',
        '\u{0501}' => 'd',
        '\u{051B}' => 'q',
        '\u{051D}' => 'w',
        // Cyrillic capitals: А В Е К М Н О Р С Т Х У І Ј Ѕ Һ Ԛ Ԝ.
        '\u{0410}' => 'A',
        '\u{0412}' => 'B',
        '\u{0415}' => 'E',
        '\u{041A}' => 'K',
        '\u{041C}' => 'M',
        '\u{041D}' => 'H',
        '\u{041E}' => 'O',
        '\u{0420}' => 'P',
        '\u{0421}' => 'C',
        '\u{0422}' => 'T',
        '\u{0425}' => 'X',
        '\u{0423}' => 'Y',
        '\u{0406}' => 'I',
        '\u{0408}' => 'J',
        '\u{0405}' => 'S',
        '\u{04BA}' => 'H',
        '\u{051A}' => 'Q',
        '\u{051C}' => 'W',
        // Greek small omicron ο, and capitals Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ.
        '\u{03BF}' => 'o',
        '\u{0391}' => 'A',
        '\u{0392}' => 'B',
        '\u{0395}' => 'E',
        '\u{0396}' => 'Z',
        '\u{0397}' => 'H',
        '\u{0399}' => 'I',
        '\u{039A}' => 'K',
        '\u{039C}' => 'M',
        '\u{039D}' => 'N',
        '\u{039F}' => 'O',
        '\u{03A1}' => 'P',
        '\u{03A4}' => 'T',
        '\u{03A5}' => 'Y',
        '\u{03A7}' => 'X',
        _ => return None,
    })
}

/// Whether `c` is Greek or Cyrillic (precomposed forms included): the scripts whose
/// look-alikes are mapped.
fn is_greek_or_cyrillic(c: char) -> bool {
    matches!(c, '\u{0370}'..='\u{03FF}' | '\u{0400}'..='\u{052F}' | '\u{1F00}'..='\u{1FFF}')
}

/// Whether `c` is an eth, the look-alike of Đ / đ.
fn is_eth(c: char) -> bool {
    matches!(c, 'Ð' | 'ð')
}

/// Whether `c` is a Latin letter (ASCII, Latin-1, Latin Extended-A/B, Latin Extended
/// Additional).
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
            && crate::text::is_alpha(c))
}

/// The word with look-alike letters inside a Vietnamese word replaced by the Vietnamese
/// letter; None when nothing changes.
///
/// Works on each letter run of the word (letters and combining marks, so "Ð/c" has the
/// runs "Ð" and "c"). Input is NFC; a changed run is returned in NFC. A word without
/// eth, Cyrillic or Greek returns None without allocating.
///
/// ```
/// use vietfacts::text::lookalike::fix_lookalikes;
///
/// assert_eq!(fix_lookalikes("(ðã,").as_deref(), Some("(đã,"));
/// assert_eq!(fix_lookalikes("HÐND").as_deref(), Some("HĐND"));
/// assert_eq!(fix_lookalikes("síðan"), None);
/// // "Internet" with a Cyrillic е (U+0435).
/// assert_eq!(fix_lookalikes("Intern\u{435}t").as_deref(), Some("Internet"));
/// ```
pub fn fix_lookalikes(word: &str) -> Option<String> {
    if word.is_ascii() || !word.chars().any(|c| is_eth(c) || is_greek_or_cyrillic(c)) {
        return None;
    }
    let mut out: Option<String> = None;
    let mut copied = 0;
    for (start, end) in letter_runs(word) {
        let Some(run) = word.get(start..end) else {
            continue;
        };
        let Some(fixed) = fix_run(run) else {
            continue;
        };
        let text = out.get_or_insert_with(|| String::with_capacity(word.len() + 4));
        text.push_str(word.get(copied..start).unwrap_or_default());
        text.push_str(&fixed);
        copied = end;
    }
    let mut text = out?;
    text.push_str(word.get(copied..).unwrap_or_default());
    Some(text)
}

/// One letter run with its look-alikes fixed; None when nothing changes.
fn fix_run(run: &str) -> Option<String> {
    let mut text = Cow::Borrowed(run);
    if text.chars().any(is_greek_or_cyrillic)
        && let Some(mapped) = map_mixed_script(&text)
    {
        text = Cow::Owned(mapped);
    }
    if text.chars().any(is_eth)
        && let Some(swapped) = swap_eth(&text)
    {
        text = Cow::Owned(swapped);
    }
    match text {
        Cow::Owned(fixed) if fixed != run => Some(fixed),
        _ => None,
    }
}

/// `run` with its Cyrillic and Greek look-alikes in Latin, in NFC; None unless the run
/// mixes them with Latin letters and has no other Cyrillic or Greek letter.
fn map_mixed_script(run: &str) -> Option<String> {
    let decomposed: Vec<char> = run.nfd().collect();
    let mut latin = false;
    let mut twins = false;
    for &c in &decomposed {
        if is_combining_mark(c) {
            continue;
        }
        if latin_twin(c).is_some() {
            twins = true;
        } else if is_latin_letter(c) {
            latin = true;
        } else {
            // "Hаж": a Cyrillic letter without a Latin twin; not a stray letter.
            return None;
        }
    }
    if !(latin && twins) {
        return None;
    }
    Some(
        decomposed
            .iter()
            .map(|&c| latin_twin(c).unwrap_or(c))
            .nfc()
            .collect(),
    )
}

/// `run` with Ð / ð as Đ / đ, when that makes it Vietnamese: a syllable ("Ðồng"), one
/// with its tone mark misplaced ("ðựơc"), or an upper-case acronym without a vowel
/// ("HÐND", "Ð"). None otherwise ("við" → "viđ" is no syllable).
fn swap_eth(run: &str) -> Option<String> {
    let swapped: String = run
        .chars()
        .map(|c| match c {
            'Ð' => 'Đ',
            'ð' => 'đ',
            other => other,
        })
        .collect();
    let vietnamese = is_vietnamese_syllable(&swapped)
        || place_tone(&swapped, ToneStyle::Traditional).is_some_and(|p| is_vietnamese_syllable(&p))
        || is_eth_acronym(run);
    vietnamese.then_some(swapped)
}

/// Whether `run` is an upper-case acronym with an eth and no vowel: "HÐND", "ÐBSCL",
/// "Ð" (of "Ð/c"). Icelandic words have vowels ("VIÐ", "EÐA").
fn is_eth_acronym(run: &str) -> bool {
    run.contains('Ð')
        && run.chars().all(|c| {
            c == 'Ð' || (c.is_ascii_uppercase() && !matches!(c, 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, expected): the words that change.
    const FIXED: &[(&str, &str)] = &[
        ("Ðồng", "Đồng"),
        ("ðã", "đã"),
        ("Ðà", "Đà"),
        ("ðồng", "đồng"),
        ("(ðã,", "(đã,"),
        ("ÐẢNG", "ĐẢNG"),
        ("ðiều", "điều"),
        ("ðựơc", "đựơc"),
        ("ðó", "đó"),
        ("ðộ", "độ"),
        ("ðông", "đông"),
        ("Ðại", "Đại"),
        ("ðể", "để"),
        ("HÐND", "HĐND"),
        ("ÐBSCL", "ĐBSCL"),
        ("Ð/c", "Đ/c"),
        ("Thành-ðoàn", "Thành-đoàn"),
        // Cyrillic о in "Hội": precomposed base replaced, marks composed.
        ("H\u{43e}\u{323}\u{302}i", "Hội"),
        // Cyrillic о + grave that NFC could not compose onto it.
        ("h\u{43e}\u{300}a", "hòa"),
        ("ngh\u{456}\u{323}", "nghị"),
        // Cyrillic е + grave composes (NFC) to U+0450 ѐ: decomposed and mapped.
        ("kh\u{450}n", "khèn"),
        ("Intern\u{435}t", "Internet"),
        ("\u{41d}\u{1ed9}i", "Hội"),
        ("\u{421}h\u{1ee7}", "Chủ"),
        ("T\u{443}", "Ty"),
        // Greek omicron with tonos (U+03CC) decomposes to ο + acute.
        ("t\u{3cc}c", "tóc"),
        ("\u{39c}\u{1ed9}t", "Một"),
        ("UB\u{39d}D", "UBND"),
        ("M\u{422}TQ", "MTTQ"),
        ("x\u{43e}-\u{43e}n", "xo-on"),
        ("ðã/\u{41d}\u{1ed9}i", "đã/Hội"),
    ];

    /// Words left alone.
    const KEPT: &[&str] = &[
        "Ðórður",
        "síðan",
        "við",
        "eða",
        "VIÐ",
        "EÐA",
        "það",
        "með",
        "ð",
        "Москва",
        "Αθήνα",
        "\u{43e}",
        "Hội",
        "Đồng",
        "UBND",
        "Internet",
        "",
        "(",
        "H\u{436}i",
        "H\u{3b1}i",
        "\u{41c}\u{41e}\u{421}\u{41a}\u{412}\u{410}",
        "35-NQ/TW",
    ];

    #[test]
    fn fixes_lookalikes() {
        for &(input, expected) in FIXED {
            assert_eq!(fix_lookalikes(input).as_deref(), Some(expected), "{input}");
        }
    }

    #[test]
    fn keeps_the_rest() {
        for &word in KEPT {
            assert_eq!(fix_lookalikes(word), None, "{word}");
        }
    }

    #[test]
    fn idempotent() {
        for word in FIXED
            .iter()
            .map(|&(input, _)| input)
            .chain(KEPT.iter().copied())
        {
            let once = fix_lookalikes(word).unwrap_or_else(|| word.to_owned());
            assert_eq!(fix_lookalikes(&once), None, "{word}");
        }
    }

    #[test]
    fn eth_in_acronyms_only_without_vowels() {
        assert!(is_eth_acronym("HÐND"));
        assert!(is_eth_acronym("Ð"));
        assert!(!is_eth_acronym("VIÐ"));
        assert!(!is_eth_acronym("ð"));
        assert!(!is_eth_acronym("HÐNd"));
    }
}
