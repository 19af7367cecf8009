//! Folding for matching: marks removed, đ → d, lower case.
//!
//! Lexicons and comparisons match folded text, so "Ủy ban", "Uỷ Ban" and "UY BAN" meet.
//!
//! ```
//! use vietfacts::text::fold::fold;
//!
//! assert_eq!(fold("Ủy ban Nhân dân"), "uy ban nhan dan");
//! assert_eq!(fold("ĐẢNG BỘ"), "dang bo");
//! ```

use unicode_normalization::char::decompose_canonical;

/// `text` lower-cased, with diacritics removed and đ/Đ written d.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// One char folded: what [`fold`] writes for it (nothing for a lone combining mark).
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    // The Latin letters Vietnamese is written in, answered from a table built once with the
    // slow path below (a decomposition and a case mapping per char otherwise).
    let code = c as usize;
    let table = &*TABLE;
    if let Some(&folded) = table.latin.get(code) {
        return folded;
    }
    if let Some(&folded) = code
        .checked_sub(EXTENDED_START)
        .and_then(|i| table.extended.get(i))
    {
        return folded;
    }
    fold_char_slow(c)
}

/// Latin-1 to Latin Extended-B, and Latin Extended Additional (ạ … ỹ).
const LATIN_END: usize = 0x250;
const EXTENDED_START: usize = 0x1E00;
const EXTENDED_END: usize = 0x1F00;

struct Table {
    latin: Vec<Option<char>>,
    extended: Vec<Option<char>>,
}

static TABLE: std::sync::LazyLock<Table> = std::sync::LazyLock::new(|| {
    let fold_range = |range: std::ops::Range<usize>| {
        range
            .map(|code| {
                u32::try_from(code)
                    .ok()
                    .and_then(char::from_u32)
                    .and_then(fold_char_slow)
            })
            .collect()
    };
    Table {
        latin: fold_range(0..LATIN_END),
        extended: fold_range(EXTENDED_START..EXTENDED_END),
    }
});

fn fold_char_slow(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if matches!(c, 'đ' | 'Đ' | '\u{D0}' | '\u{F0}') {
        return Some('d');
    }
    if is_combining_mark(c) {
        return None;
    }
    let mut base = c;
    let mut first = true;
    decompose_canonical(c, |d| {
        if first {
            base = d;
            first = false;
        }
    });
    base.to_lowercase().next()
}

fn push_folded(c: char, out: &mut String) {
    if let Some(folded) = fold_char(c) {
        out.push(folded);
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_answers_as_the_slow_path_does() {
        for code in 0..0x2000u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            assert_eq!(fold_char(c), fold_char_slow(c), "U+{code:04X}");
        }
    }

    #[test]
    fn folds_vietnamese_letters() {
        let cases = [
            ("Ủy ban Nhân dân", "uy ban nhan dan"),
            ("Uỷ Ban", "uy ban"),
            ("ĐỒNG CHÍ", "dong chi"),
            ("Người được", "nguoi duoc"),
            ("Nguye\u{302}\u{303}n", "nguyen"),
            ("hội nghị 17.279/18.121", "hoi nghi 17.279/18.121"),
            ("“Gia đình”", "“gia dinh”"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(fold(input), expected, "{input}");
        }
    }

    #[test]
    fn every_vietnamese_vowel_folds_to_its_base() {
        let rows = [
            ("aàáảãạăằắẳẵặâầấẩẫậ", 'a'),
            ("eèéẻẽẹêềếểễệ", 'e'),
            ("iìíỉĩị", 'i'),
            ("oòóỏõọôồốổỗộơờớởỡợ", 'o'),
            ("uùúủũụưừứửữự", 'u'),
            ("yỳýỷỹỵ", 'y'),
        ];
        for (letters, base) in rows {
            for c in letters.chars().chain(letters.to_uppercase().chars()) {
                assert_eq!(fold_char(c), Some(base), "{c}");
            }
        }
    }
}
