//! The text layer: bytes to text, normalization with an offset map, folding, segmentation,
//! and the Vietnamese-specific pieces (tone marks, look-alikes, legacy encodings).

pub mod decode;
pub mod fold;
pub(crate) mod fxhash;
pub mod legacy;
pub mod lookalike;
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

#[cfg(test)]
mod tests {
    #[test]
    fn fast_letter_tests_agree_with_unicode() {
        for c in ('\u{0}'..='\u{3000}').chain('\u{1E00}'..='\u{1F00}') {
            assert_eq!(super::is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(super::is_alpha(c), c.is_alphabetic(), "{c:?}");
        }
    }
}
