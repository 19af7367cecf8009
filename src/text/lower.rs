//! A lower-case copy of a text with the same byte offsets as the text.
//!
//! Extractors match lexicons and keywords case-insensitively. Lower-casing each token as it is
//! looked at costs an allocation per token; one lower-case copy of the whole text, made once,
//! lets every extractor compare slices of it with the byte ranges it already has. For that the
//! copy must keep every char at its byte offset: a char whose lower case has another UTF-8
//! length (the Kelvin sign, "İ", "ẞ") or is more than one char is kept as it is.

/// The lower case of `c` when it is one char of the same UTF-8 length, else `c` itself.
#[inline]
pub(crate) fn lower_same_len(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        _ if c.is_ascii() => c,
        // Latin-1 capitals (but the multiplication sign) are their small letter minus 0x20.
        '\u{C0}'..='\u{DE}' if c != '\u{D7}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{DF}'..='\u{FF}' => c,
        // Vietnamese letters with a tone mark: capital at the even code point, small at the
        // odd one after it.
        '\u{1EA0}'..='\u{1EF9}' if (c as u32).is_multiple_of(2) => {
            char::from_u32(c as u32 + 1).unwrap_or(c)
        }
        '\u{1EA0}'..='\u{1EF9}' => c,
        'Ă' => 'ă',
        'Đ' => 'đ',
        'Ĩ' => 'ĩ',
        'Ũ' => 'ũ',
        'Ơ' => 'ơ',
        'Ư' => 'ư',
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        }
    }
}

/// `text` in lower case, byte for byte as long as `text`, every char at its own offset.
///
/// Every char is replaced by one of the same UTF-8 length, so the copy is changed in place,
/// byte by byte: ASCII and the Vietnamese letters (Latin-1 and U+1EA0–U+1EF9) by arithmetic
/// on their bytes, the rest through [`lower_same_len`]. This runs once per document over the
/// whole text, so it must cost a few instructions per byte, not a `push` per char.
pub(crate) fn lowercase_same_offsets(text: &str) -> String {
    let mut out = text.as_bytes().to_vec();
    let mut i = 0;
    while let Some(&lead) = out.get(i) {
        match lead {
            b'A'..=b'Z' => {
                if let Some(b) = out.get_mut(i) {
                    *b = lead | 0x20;
                }
                i += 1;
            }
            0..=0x7F => i += 1,
            // U+00C0–U+00DE (but U+00D7): the small letter is 0x20 further, in the last byte.
            0xC3 => {
                if let Some(b) = out.get_mut(i + 1)
                    && (0x80..=0x9E).contains(b)
                    && *b != 0x97
                {
                    *b += 0x20;
                }
                i += 2;
            }
            // U+1EA0–U+1EF9 (the letters with a tone mark): the capital is even, its small
            // letter the next code point, which never crosses into another last-byte block.
            0xE1 if is_toned_letter(&out, i) => {
                if let Some(b) = out.get_mut(i + 2)
                    && b.is_multiple_of(2)
                {
                    *b += 1;
                }
                i += 3;
            }
            _ => i += lower_char_at(text, &mut out, i),
        }
    }
    // Every replacement is a whole char of the same length, so the bytes stay UTF-8; were
    // they not, the char-by-char copy gives the same answer.
    String::from_utf8(out).unwrap_or_else(|_| text.chars().map(lower_same_len).collect())
}

/// Whether the 3-byte char at `i` (lead byte 0xE1) is in U+1EA0–U+1EF9.
fn is_toned_letter(bytes: &[u8], i: usize) -> bool {
    match (bytes.get(i + 1), bytes.get(i + 2)) {
        (Some(&second @ (0xBA | 0xBB)), Some(&third)) => {
            let code = 0x1000 + (u32::from(second & 0x3F) << 6) + u32::from(third & 0x3F);
            (0x1EA0..=0x1EF9).contains(&code)
        }
        _ => false,
    }
}

/// Lowers the char of `text` at byte `i` into `out` (a copy of `text`) through
/// [`lower_same_len`]; returns its length (1 past a byte that starts no char).
fn lower_char_at(text: &str, out: &mut [u8], i: usize) -> usize {
    let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
        return 1;
    };
    let lower = lower_same_len(c);
    if lower != c {
        let mut buf = [0; 4];
        let encoded = lower.encode_utf8(&mut buf).as_bytes();
        if let Some(target) = out.get_mut(i..i + encoded.len()) {
            target.copy_from_slice(encoded);
        }
    }
    c.len_utf8()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_unicode_wherever_the_length_allows() {
        for c in ('\u{0}'..='\u{3000}').chain('\u{1E00}'..='\u{1F00}') {
            let mut lower = c.to_lowercase();
            let expected = match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            };
            assert_eq!(lower_same_len(c), expected, "{c:?}");
        }
    }

    #[test]
    fn the_byte_arithmetic_agrees_with_char_by_char_lowering() {
        let mut text = String::new();
        for c in ('\u{0}'..='\u{3000}').chain('\u{1E00}'..='\u{1F00}') {
            text.push(c);
            text.push('x');
        }
        text.push_str("ẞ\u{212A}İ\u{10400}");
        let expected: String = text.chars().map(lower_same_len).collect();
        assert_eq!(lowercase_same_offsets(&text), expected);
    }

    #[test]
    fn keeps_every_offset() {
        for text in [
            "ỦY BAN NHÂN DÂN Tỉnh Đồng Nai",
            "Kelvin \u{212A} and İstanbul and ẞ",
            "ĐẠI HỘI ĐẢNG BỘ XÃ LẦN THỨ XV",
            "",
        ] {
            let lower = lowercase_same_offsets(text);
            assert_eq!(lower.len(), text.len(), "{text}");
            for (i, c) in text.char_indices() {
                assert_eq!(
                    lower
                        .get(i..)
                        .and_then(|s| s.chars().next())
                        .map(char::len_utf8),
                    Some(c.len_utf8()),
                    "{text} at {i}"
                );
            }
        }
        assert_eq!(
            lowercase_same_offsets("ỦY BAN Tỉnh ĐỒNG NAI"),
            "ủy ban tỉnh đồng nai"
        );
    }
}
