//! Bytes to text: UTF-8 (with or without a byte-order mark) and UTF-16 (by its byte-order
//! mark, or when the caller names it).
//!
//! Decoding is strict by default: bytes that are not valid in the encoding give an
//! [`Error`] naming the byte offset and the encoding tried. Lossy decoding, which puts
//! U+FFFD in place of bad bytes, must be asked for, and reports how many it replaced.
//!
//! ```
//! use vietfacts::text::decode::{decode, DecodeOptions};
//!
//! let decoded = decode("Hội nghị".as_bytes(), DecodeOptions::new())?;
//! assert_eq!(decoded.text, "Hội nghị");
//!
//! let error = decode(b"H\xF4i", DecodeOptions::new().encoding(Some(vietfacts::facts::EncodingName::Utf8))).unwrap_err();
//! assert_eq!(error.offset(), Some(1));
//! # Ok::<(), vietfacts::Error>(())
//! ```

use std::borrow::Cow;

use crate::error::Error;
use crate::facts::{EncodingInfo, EncodingName};
use crate::text::legacy;

/// How to decode: which encoding (or detection), and whether bad bytes may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct DecodeOptions {
    /// The encoding to use; `None` detects it (a byte-order mark, then UTF-8, then the
    /// legacy Vietnamese encodings).
    pub encoding: Option<EncodingName>,
    /// Put U+FFFD in place of invalid bytes instead of failing.
    pub lossy: bool,
    /// Read bytes that look binary (NUL bytes, no byte-order mark) when detecting.
    pub allow_binary: bool,
}

impl DecodeOptions {
    /// Detect the encoding; fail on invalid bytes.
    pub const fn new() -> DecodeOptions {
        DecodeOptions {
            encoding: None,
            lossy: false,
            allow_binary: false,
        }
    }

    /// Use this encoding (`None`: detect).
    pub const fn encoding(mut self, encoding: Option<EncodingName>) -> DecodeOptions {
        self.encoding = encoding;
        self
    }

    /// Replace invalid bytes with U+FFFD instead of failing.
    pub const fn lossy(mut self, lossy: bool) -> DecodeOptions {
        self.lossy = lossy;
        self
    }

    /// Read bytes that look binary instead of refusing them.
    pub const fn allow_binary(mut self, allow: bool) -> DecodeOptions {
        self.allow_binary = allow;
        self
    }
}

/// Text decoded from bytes.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Decoded<'a> {
    /// The text, without a byte-order mark. Borrowed when the bytes were UTF-8 already.
    pub text: Cow<'a, str>,
    /// The encoding used and how sure the decoder is of it.
    pub encoding: EncodingInfo,
    /// How many invalid sequences were replaced by U+FFFD (only in lossy mode).
    pub replaced: usize,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

/// Decode `bytes` into text.
///
/// With [`DecodeOptions::encoding`] `None`, a byte-order mark decides; without one, valid
/// UTF-8 is UTF-8; otherwise the legacy Vietnamese encodings are scored and the most
/// plausible is kept with its confidence, and when none is plausible the result is the
/// UTF-8 error.
pub fn decode(bytes: &[u8], options: DecodeOptions) -> Result<Decoded<'_>, Error> {
    match options.encoding {
        Some(EncodingName::Utf8) => {
            let body = strip(bytes, UTF8_BOM);
            decode_utf8(body, bytes.len() - body.len(), options.lossy)
        }
        Some(EncodingName::Utf16Le) => decode_utf16(bytes, Endian::Little, options.lossy),
        Some(EncodingName::Utf16Be) => decode_utf16(bytes, Endian::Big, options.lossy),
        Some(legacy_name) => Ok(decode_legacy(bytes, legacy_name, 1.0)),
        None => detect(bytes, options),
    }
}

fn strip<'a>(bytes: &'a [u8], bom: &[u8]) -> &'a [u8] {
    bytes.strip_prefix(bom).unwrap_or(bytes)
}

/// How far into the input a NUL byte marks it as binary: text never has one, and a binary
/// format shows one early (headers, offsets, padding).
const BINARY_SNIFF_BYTES: usize = 8 * 1024;

fn detect(bytes: &[u8], options: DecodeOptions) -> Result<Decoded<'_>, Error> {
    let lossy = options.lossy;
    if bytes.starts_with(UTF8_BOM) {
        return decode_utf8(strip(bytes, UTF8_BOM), UTF8_BOM.len(), lossy);
    }
    if bytes.starts_with(UTF16LE_BOM) {
        return decode_utf16(bytes, Endian::Little, lossy);
    }
    if bytes.starts_with(UTF16BE_BOM) {
        return decode_utf16(bytes, Endian::Big, lossy);
    }
    if !options.allow_binary
        && let Some(offset) = bytes.iter().take(BINARY_SNIFF_BYTES).position(|&b| b == 0)
    {
        return Err(Error::binary(offset));
    }
    match decode_utf8(bytes, 0, false) {
        Ok(decoded) => Ok(decoded),
        Err(utf8_error) => {
            if let Some((encoding, confidence)) = legacy::guess_legacy(bytes) {
                return Ok(decode_legacy(bytes, encoding_name(encoding), confidence));
            }
            if lossy {
                return decode_utf8(bytes, 0, true);
            }
            Err(utf8_error.with_tried(vec![
                EncodingName::Utf8,
                EncodingName::Cp1258,
                EncodingName::Tcvn3,
                EncodingName::Vni,
            ]))
        }
    }
}

fn encoding_name(encoding: legacy::LegacyEncoding) -> EncodingName {
    match encoding {
        legacy::LegacyEncoding::Cp1258 => EncodingName::Cp1258,
        legacy::LegacyEncoding::Tcvn3 => EncodingName::Tcvn3,
        legacy::LegacyEncoding::Vni => EncodingName::Vni,
    }
}

fn decode_legacy(bytes: &[u8], name: EncodingName, confidence: f64) -> Decoded<'_> {
    let encoding = match name {
        EncodingName::Tcvn3 => legacy::LegacyEncoding::Tcvn3,
        EncodingName::Vni => legacy::LegacyEncoding::Vni,
        _ => legacy::LegacyEncoding::Cp1258,
    };
    Decoded {
        text: Cow::Owned(legacy::decode_legacy(bytes, encoding)),
        encoding: EncodingInfo { name, confidence },
        replaced: 0,
    }
}

/// `bytes` as UTF-8; `skipped` is how many bytes (a BOM) came before them in the input, so
/// that error offsets count from the start of the input.
fn decode_utf8(bytes: &[u8], skipped: usize, lossy: bool) -> Result<Decoded<'_>, Error> {
    let info = EncodingInfo {
        name: EncodingName::Utf8,
        confidence: 1.0,
    };
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: info,
            replaced: 0,
        }),
        Err(error) if !lossy => Err(Error::encoding(
            EncodingName::Utf8,
            skipped + error.valid_up_to(),
            if error.error_len().is_none() {
                "the input ends in the middle of a character"
            } else {
                "this byte cannot start or continue a character here"
            },
        )),
        Err(_) => {
            let mut text = String::with_capacity(bytes.len());
            let mut replaced = 0;
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    text.push(char::REPLACEMENT_CHARACTER);
                    replaced += 1;
                }
            }
            Ok(Decoded {
                text: Cow::Owned(text),
                encoding: info,
                replaced,
            })
        }
    }
}

#[derive(Clone, Copy)]
enum Endian {
    Little,
    Big,
}

fn decode_utf16(bytes: &[u8], endian: Endian, lossy: bool) -> Result<Decoded<'_>, Error> {
    let (name, bom) = match endian {
        Endian::Little => (EncodingName::Utf16Le, UTF16LE_BOM),
        Endian::Big => (EncodingName::Utf16Be, UTF16BE_BOM),
    };
    let skipped = if bytes.starts_with(bom) { bom.len() } else { 0 };
    let body = bytes.get(skipped..).unwrap_or_default();
    let units = body.chunks_exact(2).map(|pair| match (endian, pair) {
        (Endian::Little, [lo, hi]) | (Endian::Big, [hi, lo]) => u16::from_le_bytes([*lo, *hi]),
        _ => 0, // chunks_exact(2) only yields pairs
    });
    let mut text = String::with_capacity(body.len());
    let mut replaced = 0;
    let mut offset = skipped;
    for unit in char::decode_utf16(units) {
        match unit {
            Ok(c) => {
                text.push(c);
                offset += 2 * c.len_utf16();
            }
            Err(_) if lossy => {
                text.push(char::REPLACEMENT_CHARACTER);
                replaced += 1;
                offset += 2;
            }
            Err(_) => {
                return Err(Error::encoding(
                    name,
                    offset,
                    "an unpaired surrogate (half of a character)",
                ));
            }
        }
    }
    if body.len() % 2 == 1 {
        if lossy {
            text.push(char::REPLACEMENT_CHARACTER);
            replaced += 1;
        } else {
            return Err(Error::encoding(
                name,
                bytes.len() - 1,
                "an odd number of bytes: the last character is cut",
            ));
        }
    }
    Ok(Decoded {
        text: Cow::Owned(text),
        encoding: EncodingInfo {
            name,
            confidence: 1.0,
        },
        replaced,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, endian: Endian, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = if bom { vec![0xFEFF] } else { vec![] };
        for unit in units.into_iter().chain(text.encode_utf16()) {
            match endian {
                Endian::Little => out.extend_from_slice(&unit.to_le_bytes()),
                Endian::Big => out.extend_from_slice(&unit.to_be_bytes()),
            }
        }
        out
    }

    const SAMPLE: &str = "Sáng 9-1, Hội nghị Tổng kết — “Đảng bộ” 😀";

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(SAMPLE.as_bytes(), DecodeOptions::new()).unwrap();
        assert_eq!(plain.text, SAMPLE);
        assert!(
            matches!(plain.text, Cow::Borrowed(_)),
            "valid UTF-8 is not copied"
        );
        assert_eq!(plain.encoding.name, EncodingName::Utf8);
        assert_eq!(plain.encoding.confidence, 1.0);

        let mut with_bom = UTF8_BOM.to_vec();
        with_bom.extend_from_slice(SAMPLE.as_bytes());
        let decoded = decode(&with_bom, DecodeOptions::new()).unwrap();
        assert_eq!(decoded.text, SAMPLE, "the BOM is not part of the text");
        let forced = decode(
            &with_bom,
            DecodeOptions::new().encoding(Some(EncodingName::Utf8)),
        )
        .unwrap();
        assert_eq!(forced.text, SAMPLE);
    }

    #[test]
    fn utf16_by_bom_and_by_name() {
        for (endian, name) in [
            (Endian::Little, EncodingName::Utf16Le),
            (Endian::Big, EncodingName::Utf16Be),
        ] {
            let with_bom = utf16(SAMPLE, endian, true);
            let decoded = decode(&with_bom, DecodeOptions::new()).unwrap();
            assert_eq!(decoded.text, SAMPLE);
            assert_eq!(decoded.encoding.name, name);

            let without_bom = utf16(SAMPLE, endian, false);
            let decoded = decode(&without_bom, DecodeOptions::new().encoding(Some(name))).unwrap();
            assert_eq!(decoded.text, SAMPLE);
        }
    }

    #[test]
    fn utf16_without_bom_is_not_guessed_as_utf16() {
        // "Hà" in UTF-16LE without a BOM: valid UTF-8 bytes (H, NUL, à's low byte...)? No:
        // 0xE0 0x00 is invalid UTF-8, so auto-detection must not silently produce UTF-16.
        let bytes = utf16("Hà Nội", Endian::Little, false);
        match decode(&bytes, DecodeOptions::new()) {
            Ok(decoded) => assert_ne!(decoded.encoding.name, EncodingName::Utf16Le),
            Err(error) => {
                assert!(error.is_binary() || error.is_encoding());
                assert!(error.to_string().contains("utf-16le"), "{error}");
            }
        }
    }

    #[test]
    fn invalid_utf8_names_the_offset_and_the_encoding() {
        let error = decode(
            b"abc\xFFdef",
            DecodeOptions::new().encoding(Some(EncodingName::Utf8)),
        )
        .unwrap_err();
        assert!(error.is_encoding());
        assert_eq!(error.offset(), Some(3));
        assert_eq!(error.encoding_tried(), Some(EncodingName::Utf8));
        let message = error.to_string();
        assert!(
            message.contains("byte 3") && message.contains("utf-8"),
            "{message}"
        );

        // The offset counts the BOM too: it is an offset into the caller's bytes.
        let error = decode(b"\xEF\xBB\xBFab\xC3", DecodeOptions::new()).unwrap_err();
        assert_eq!(error.offset(), Some(5));
        assert!(error.to_string().contains("ends in the middle"));
    }

    #[test]
    fn invalid_utf16_names_the_offset() {
        // "a", then an unpaired high surrogate, then "b", little-endian, with a BOM.
        let bytes = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0];
        let error = decode(&bytes, DecodeOptions::new()).unwrap_err();
        assert_eq!(error.offset(), Some(4));
        assert_eq!(error.encoding_tried(), Some(EncodingName::Utf16Le));

        let odd = [0xFE, 0xFF, 0, b'a', 0];
        let error = decode(&odd, DecodeOptions::new()).unwrap_err();
        assert_eq!(error.offset(), Some(4));
    }

    #[test]
    fn lossy_mode_replaces_and_counts() {
        let decoded = decode(
            b"ab\xFFc\xC3",
            DecodeOptions::new()
                .encoding(Some(EncodingName::Utf8))
                .lossy(true),
        )
        .unwrap();
        assert_eq!(decoded.text, "ab\u{FFFD}c\u{FFFD}");
        assert_eq!(decoded.replaced, 2);

        let bytes = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0, b'c'];
        let decoded = decode(&bytes, DecodeOptions::new().lossy(true)).unwrap();
        assert_eq!(decoded.text, "a\u{FFFD}b\u{FFFD}");
        assert_eq!(decoded.replaced, 2);
    }

    #[test]
    fn binary_bytes_are_refused_unless_allowed() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
        let error = decode(png, DecodeOptions::new()).unwrap_err();
        assert!(error.is_binary());
        assert_eq!(error.offset(), Some(8));
        assert!(error.to_string().contains("--force"));
        // Text with a NUL deep inside is still text... up to the sniffing window.
        let decoded = decode(b"abc\x00def", DecodeOptions::new().allow_binary(true)).unwrap();
        assert_eq!(decoded.text, "abc\u{0}def");
        // UTF-16 with a BOM has NUL bytes and is text.
        assert!(decode(b"\xFF\xFEa\x00", DecodeOptions::new()).is_ok());
    }

    #[test]
    fn empty_input_is_empty_text() {
        let decoded = decode(b"", DecodeOptions::new()).unwrap();
        assert_eq!(decoded.text, "");
    }
}
