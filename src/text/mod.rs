//! The text layer: bytes to text, normalization with an offset map, folding, segmentation,
//! and the Vietnamese-specific pieces (tone marks, look-alikes, legacy encodings).

pub mod decode;
pub mod fold;
pub(crate) mod fxhash;
pub mod legacy;
pub mod lookalike;
pub(crate) mod lower;
pub mod marks;
pub mod normalize;
pub mod offsets;
pub mod segment;
pub mod tone;

/// `c.is_alphanumeric()`, answered without the Unicode tables for ASCII and the Latin letters
/// Vietnamese is written in (most of every report): the tables cost a search per char.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{D7}' | '\u{F7}' => false,
        '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// `c.is_alphabetic()`, with the same fast paths as [`is_alnum`].
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphabetic(),
        '\u{D7}' | '\u{F7}' => false,
        '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphabetic(),
    }
}

/// Whether `word` is `keyword` (given in lower case), ignoring the case of `word`.
///
/// Vietnamese letters are as long in UTF-8 in both cases, so the length refuses most
/// candidates before any case folding; a word that starts with a lower-case ASCII letter and
/// differs from the keyword is another word ("tHÁNG" is not read as "tháng"). This runs for
/// nearly every word of every report, in the number and date grammars.
pub(crate) fn eq_lower(word: &str, keyword: &str) -> bool {
    if word.len() != keyword.len() {
        return false;
    }
    if word == keyword {
        return true;
    }
    if word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(keyword);
    }
    let mut a = word.chars().flat_map(char::to_lowercase);
    let mut b = keyword.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn case_insensitive_comparison_with_a_lower_case_keyword() {
        for (word, keyword, same) in [
            ("tháng", "tháng", true),
            ("Tháng", "tháng", true),
            ("THÁNG", "tháng", true),
            ("HAI", "hai", true),
            ("thang", "tháng", false),
            ("tHÁNG", "tháng", false),
            ("Triệu", "triệu", true),
            ("ĐẦU", "đầu", true),
            ("", "", true),
            ("a", "", false),
        ] {
            assert_eq!(super::eq_lower(word, keyword), same, "{word} {keyword}");
        }
    }

    #[test]
    fn fast_letter_tests_agree_with_unicode() {
        for c in ('\u{0}'..='\u{3000}').chain('\u{1E00}'..='\u{1F00}') {
            assert_eq!(super::is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(super::is_alpha(c), c.is_alphabetic(), "{c:?}");
        }
    }
}
