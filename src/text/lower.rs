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
pub(crate) fn lowercase_same_offsets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of ASCII (spaces, digits, most of the letters) go through a byte loop.
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        let (run, tail) = rest.split_at_checked(ascii).unwrap_or((rest, ""));
        out.extend(run.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            out.push(lower_same_len(c));
        }
        rest = chars.as_str();
    }
    out
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
