//! Legacy (pre-Unicode) Vietnamese encodings: decoding, encoding, detection, and repair of
//! text that was already decoded the wrong way ("mojibake").
//!
//! # The encodings
//!
//! * **Windows-1258** ([`LegacyEncoding::Cp1258`]): Microsoft's Vietnamese code page. It
//!   has single bytes for the base letters `ă â ê ô ơ ư đ` (and their capitals) and for the
//!   toned letters that Latin-1 already had (`à á è é í ó ù ú` and capitals), and writes
//!   every other toned letter as base letter + one of five combining tone-mark bytes (0xCC grave,
//!   0xD2 hook, 0xDE tilde, 0xEC acute, 0xF2 dot below). Decoding goes through
//!   [`encoding_rs::WINDOWS_1258`] and is then put in NFC, so `e` `0xEA` `0xF2` gives `ệ`.
//! * **TCVN3** ([`LegacyEncoding::Tcvn3`], also called ABC; fonts `.VnTime`, `.VnArial`
//!   for lower case and `.VnTimeH`, `.VnArialH` for capitals). This is table VN3 of
//!   TCVN 5712:1993: the 67 toned and untoned lower-case letters that ASCII lacks sit in
//!   0xA8–0xFE, the capitals `Ă Â Ê Ô Ơ Ư Đ` in 0xA1–0xA7. VN3 has **no precomposed
//!   capital toned letters**: capital text was typed with the `…H` fonts, which draw the
//!   lower-case codes as capitals. The bytes do not say which font was used, so decoding
//!   keeps the case the bytes carry: a heading typed as `CéNG HOµ` in `.VnTimeH` decodes
//!   to `CộNG HOà`, not `CỘNG HOÀ`. For the same reason [`encode_legacy`] returns `None`
//!   for a capital toned letter (`Ế`, `Ủ`...) in TCVN3.
//!
//!   Bytes that VN3 leaves free: 0x80–0x9F are read as Windows-1252 (curly quotes,
//!   dashes, `…`: what Word wrote into `.VnTime` documents), 0xA0 as no-break space and
//!   0xB0–0xB4 as `° ± ² ³ ´`. The sixteen gaps in 0xA0–0xFF where the sister tables VN1
//!   and VN2 of the same standard put capital toned letters (0xAF `Ằ`, 0xBA `Ẳ`, 0xBF
//!   `Ẵ`, 0xC0–0xC5 `Ắ Ầ Ẩ Ẫ Ấ Ề`, 0xCD `Ể`, 0xD9–0xDB `Ễ Ế Ồ`, 0xE0 `Ổ`, 0xF0 `Ỗ`,
//!   0xFF `Ố`) are decoded as those capitals. The other VN1 capitals, in the C0 control
//!   range (0x01, 0x02, 0x04–0x06, 0x11–0x17) and in 0x80–0x9F, clash with control
//!   characters and with the Windows punctuation above and are **not** decoded: files in
//!   full VN1 lose those capitals.
//! * **VNI-Windows** ([`LegacyEncoding::Vni`]; fonts `VNI-Times`, `VNI-Helve`...). Most
//!   letters are an ASCII base letter followed by a mark byte that the font draws over
//!   it: lower-case marks 0xF8 grave, 0xFB hook, 0xF5 tilde, 0xF9 acute, 0xEF dot below,
//!   0xE2 circumflex, 0xEA breve, and combined circumflex + tone (0xE0 0xE5 0xE3 0xE1
//!   0xE4) and breve + tone (0xE8 0xFA 0xFC 0xE9 0xEB). Single bytes: `ơ` 0xF4, `ư` 0xF6,
//!   `đ` 0xF1, `ì ỉ ĩ í ị` 0xEC 0xE6 0xF3 0xED 0xF2, `ỵ` 0xEE. Every capital form is the
//!   lower-case byte minus 0x20 (`Ơ` 0xD4, mark 0xD9 acute...). Decoding composes a base
//!   and a following mark of the same case into the precomposed letter (`e` 0xE4 gives
//!   `ệ`; `O` 0xC2 gives `Ô`). A mark byte that cannot go on what precedes it (after a
//!   consonant, a toned letter, or a letter of the other case) is kept as its Windows-1252
//!   character, which is what a reader without the font sees; so are the bytes VNI does
//!   not use (0x80–0xBF, 0xC7, 0xD0, 0xD7, 0xDD–0xDF, 0xE7, 0xF0, 0xF7, 0xFD–0xFF).
//!
//! Every byte of every encoding decodes to something, so decoding cannot fail, and the
//! output is NFC. Decoding is one table lookup per byte (plus, for VNI, one composition
//! per mark; for CP1258, one NFC pass).
//!
//! # How detection scores
//!
//! [`vietnamese_score`] splits text at white space, trims punctuation and digits from each
//! token, splits it at hyphens, and checks each word against the shape of a Vietnamese
//! syllable: only Vietnamese letters (no `f j w z`, no letters foreign to Vietnamese, no
//! symbol or control character inside), at most one tone mark, a known initial consonant
//! (`ngh`, `tr`, `qu`, `gi`...), a known vowel nucleus (`ươ`, `uyê`, `oai`...), a known
//! final (`c ch m n ng nh p t`), the rules that tie them (`ă`/`â`/`iê`/`uô`/`ươ`... need a
//! final; `ai`/`ao`/`ưu`/`iêu`... take none; `c ch p t` take only the acute or dot-below
//! tone; `gh`/`ngh` only before `e ê i`), and a sane letter case. A valid syllable with
//! Vietnamese letters counts 1, a valid plain-ASCII one (`con`, `the`) counts 0.4, anything
//! else 0; the score is the average plus a bonus of 0.25 × the share of very frequent
//! syllables (`của`, `và`, `các`, `được`...), capped at 1. Real Vietnamese scores about
//! 0.9–1.0, English about 0.1–0.2, random bytes decoded in any of the encodings about 0.
//!
//! [`guess_legacy`] decodes the first 256 KiB in each encoding and keeps the best score.
//! It answers `None` unless that score is at least 0.5 (`MIN_SCORE`) **and** the
//! confidence is at least 0.5 (`MIN_CONFIDENCE`), where confidence = score × evidence ×
//! separation: evidence is `1 − 0.5^n` for `n` valid Vietnamese words with diacritics
//! (one word gives 0.5, five give 0.97), and separation is the lead over the second-best
//! encoding divided by 0.3, capped at 1 (a tie gives 0).
//!
//! [`detect_mojibake`] maps each word of a text back to Windows-1252 bytes and decodes
//! them in each legacy encoding. It names an encoding only when words that were not
//! Vietnamese become valid Vietnamese syllables (at least one such word of three or more
//! letters, or two shorter ones), at most half as many changed words are still not
//! Vietnamese after the repair, the text has at least two words, and the repaired text
//! scores at least 0.5 and 0.1 more than before. Correct Vietnamese cannot fire (its
//! words are already valid, and most of them cannot be mapped to Windows-1252), nor can
//! French, German, Icelandic or English text (repairing it does not give Vietnamese).

use std::sync::LazyLock;

use encoding_rs::WINDOWS_1258;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// A legacy (pre-Unicode) Vietnamese encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LegacyEncoding {
    /// Windows-1258, Microsoft's Vietnamese code page (base letters plus combining tone
    /// marks).
    Cp1258,
    /// TCVN3 (ABC), table VN3 of TCVN 5712:1993, used with the `.VnTime` fonts; it has no
    /// precomposed capital toned letters.
    Tcvn3,
    /// VNI-Windows, used with the `VNI-Times` fonts: base letters followed by mark bytes.
    Vni,
}

impl LegacyEncoding {
    /// All of them, in detection order (the first wins a tie).
    pub const ALL: [LegacyEncoding; 3] = [
        LegacyEncoding::Cp1258,
        LegacyEncoding::Tcvn3,
        LegacyEncoding::Vni,
    ];

    /// The name used in output and on the command line: "cp1258", "tcvn3", "vni".
    pub const fn name(self) -> &'static str {
        match self {
            LegacyEncoding::Cp1258 => "cp1258",
            LegacyEncoding::Tcvn3 => "tcvn3",
            LegacyEncoding::Vni => "vni",
        }
    }
}

// ---------------------------------------------------------------------------------------
// Vietnamese vowels
// ---------------------------------------------------------------------------------------

// Vowel shapes, the row order of the vowel tables.
const A: u8 = 0;
const A_BREVE: u8 = 1;
const A_CIRC: u8 = 2;
const E: u8 = 3;
const E_CIRC: u8 = 4;
const I: u8 = 5;
const O: u8 = 6;
const O_CIRC: u8 = 7;
const O_HORN: u8 = 8;
const U: u8 = 9;
const U_HORN: u8 = 10;
const Y: u8 = 11;

// Tones, the column order of the vowel tables.
const GRAVE: u8 = 1;
const HOOK: u8 = 2;
const TILDE: u8 = 3;
const ACUTE: u8 = 4;
const DOT: u8 = 5;

/// The 72 lower-case Vietnamese vowels: rows a ă â e ê i o ô ơ u ư y; columns no tone,
/// grave (huyền), hook above (hỏi), tilde (ngã), acute (sắc), dot below (nặng).
static LOWER_VOWELS: [[char; 6]; 12] = [
    ['a', 'à', 'ả', 'ã', 'á', 'ạ'],
    ['ă', 'ằ', 'ẳ', 'ẵ', 'ắ', 'ặ'],
    ['â', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ'],
    ['e', 'è', 'ẻ', 'ẽ', 'é', 'ẹ'],
    ['ê', 'ề', 'ể', 'ễ', 'ế', 'ệ'],
    ['i', 'ì', 'ỉ', 'ĩ', 'í', 'ị'],
    ['o', 'ò', 'ỏ', 'õ', 'ó', 'ọ'],
    ['ô', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ'],
    ['ơ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ'],
    ['u', 'ù', 'ủ', 'ũ', 'ú', 'ụ'],
    ['ư', 'ừ', 'ử', 'ữ', 'ứ', 'ự'],
    ['y', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ'],
];

/// The 72 capital Vietnamese vowels, in the order of [`LOWER_VOWELS`].
static UPPER_VOWELS: [[char; 6]; 12] = [
    ['A', 'À', 'Ả', 'Ã', 'Á', 'Ạ'],
    ['Ă', 'Ằ', 'Ẳ', 'Ẵ', 'Ắ', 'Ặ'],
    ['Â', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ậ'],
    ['E', 'È', 'Ẻ', 'Ẽ', 'É', 'Ẹ'],
    ['Ê', 'Ề', 'Ể', 'Ễ', 'Ế', 'Ệ'],
    ['I', 'Ì', 'Ỉ', 'Ĩ', 'Í', 'Ị'],
    ['O', 'Ò', 'Ỏ', 'Õ', 'Ó', 'Ọ'],
    ['Ô', 'Ồ', 'Ổ', 'Ỗ', 'Ố', 'Ộ'],
    ['Ơ', 'Ờ', 'Ở', 'Ỡ', 'Ớ', 'Ợ'],
    ['U', 'Ù', 'Ủ', 'Ũ', 'Ú', 'Ụ'],
    ['Ư', 'Ừ', 'Ử', 'Ữ', 'Ứ', 'Ự'],
    ['Y', 'Ỳ', 'Ỷ', 'Ỹ', 'Ý', 'Ỵ'],
];

/// A Vietnamese vowel taken apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Vowel {
    shape: u8,
    tone: u8,
    upper: bool,
}

/// The vowel of this shape, tone and case.
fn vowel_char(shape: u8, tone: u8, upper: bool) -> Option<char> {
    let table = if upper { &UPPER_VOWELS } else { &LOWER_VOWELS };
    table
        .get(usize::from(shape))?
        .get(usize::from(tone))
        .copied()
}

/// Every vowel with its parts, sorted by char for binary search.
static VOWEL_INDEX: LazyLock<Vec<(char, Vowel)>> = LazyLock::new(|| {
    let mut index = Vec::with_capacity(144);
    for (upper, table) in [(false, &LOWER_VOWELS), (true, &UPPER_VOWELS)] {
        for (shape, row) in (0u8..).zip(table.iter()) {
            for (tone, &c) in (0u8..).zip(row.iter()) {
                index.push((c, Vowel { shape, tone, upper }));
            }
        }
    }
    index.sort_unstable_by_key(|&(c, _)| c);
    index
});

/// The parts of a Vietnamese vowel, or `None` for anything else.
fn vowel_info(c: char) -> Option<Vowel> {
    let index = &*VOWEL_INDEX;
    let found = index.binary_search_by_key(&c, |&(k, _)| k).ok()?;
    index.get(found).map(|&(_, v)| v)
}

// ---------------------------------------------------------------------------------------
// Windows-1252 (shared by TCVN3 and VNI, and used to undo mojibake)
// ---------------------------------------------------------------------------------------

/// Windows-1252 bytes 0x80–0x9F (Microsoft's code page chart; the five bytes it leaves
/// undefined map to the C1 control of the same number, as in the WHATWG index).
static WIN1252_80: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
    '\u{8F}', //
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The Windows-1252 (or Latin-1) byte that reads as `c`, if any.
fn cp1252_byte(c: char) -> Option<u8> {
    if let Ok(byte) = u8::try_from(c) {
        // ASCII, Latin-1 (0xA0–0xFF), and C1 controls from a Latin-1 reading of 0x80–0x9F.
        return Some(byte);
    }
    let position = WIN1252_80.iter().position(|&w| w == c)?;
    u8::try_from(0x80 + position).ok()
}

// ---------------------------------------------------------------------------------------
// TCVN3
// ---------------------------------------------------------------------------------------

/// TCVN3 bytes 0x80–0xFF. Letters from table VN3 of TCVN 5712:1993 (the TCVN3/ABC chart
/// of the `.VnTime` fonts), checked against glibc's `TCVN5712-1` converter, whose table
/// agrees with VN3 on every lower-case letter and on `Ă Â Ê Ô Ơ Ư Đ`. Marked `VN1`: the
/// capitals that VN1/VN2 put in gaps of VN3. 0x80–0x9F: Windows-1252. 0xA0, 0xB0–0xB4:
/// Latin-1.
static TCVN3_HIGH: [char; 128] = [
    // 0x80–0x9F: Windows-1252 punctuation.
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
    '\u{8F}', //
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž',
    'Ÿ', //
    // 0xA0–0xAF: no-break space, Ă Â Ê Ô Ơ Ư Đ, ă â ê ô ơ ư đ, Ằ (VN1).
    '\u{A0}', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ',
    // 0xB0–0xBF: ° ± ² ³ ´ (Latin-1), à ả ã á ạ, Ẳ (VN1), ằ ẳ ẵ ắ, Ẵ (VN1).
    '°', '±', '²', '³', '´', 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ', 'ẵ', 'ắ', 'Ẵ',
    // 0xC0–0xCF: Ắ Ầ Ẩ Ẫ Ấ Ề (VN1), ặ, ầ ẩ ẫ ấ ậ, è, Ể (VN1), ẻ ẽ.
    'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ',
    // 0xD0–0xDF: é ẹ, ề ể ễ ế ệ, ì ỉ, Ễ Ế Ồ (VN1), ĩ í ị, ò.
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò',
    // 0xE0–0xEF: Ổ (VN1), ỏ õ ó ọ, ồ ổ ỗ ố ộ, ờ ở ỡ ớ ợ, ù.
    'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù',
    // 0xF0–0xFF: Ỗ (VN1), ủ ũ ú ụ, ừ ử ữ ứ ự, ỳ ỷ ỹ ý ỵ, Ố (VN1).
    'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố',
];

/// The char of one TCVN3 byte.
fn tcvn3_char(byte: u8) -> char {
    match byte.checked_sub(0x80) {
        None => char::from(byte),
        Some(high) => TCVN3_HIGH
            .get(usize::from(high))
            .copied()
            .unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

fn decode_tcvn3(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    out.extend(bytes.iter().map(|&b| tcvn3_char(b)));
    out
}

/// The TCVN3 byte for `c`: VN3 has no capital toned letters, so those give `None` even
/// where a VN1 capital is decoded.
fn tcvn3_byte(c: char) -> Option<u8> {
    if c.is_ascii() {
        return u8::try_from(c).ok();
    }
    if vowel_info(c).is_some_and(|v| v.upper && v.tone != 0) {
        return None;
    }
    let position = TCVN3_HIGH.iter().position(|&t| t == c)?;
    u8::try_from(0x80 + position).ok()
}

// ---------------------------------------------------------------------------------------
// VNI-Windows
// ---------------------------------------------------------------------------------------

/// What a VNI mark byte adds to the letter before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modifier {
    /// Only a tone.
    Plain,
    /// Circumflex (a→â, e→ê, o→ô), maybe with a tone.
    Circumflex,
    /// Breve (a→ă), maybe with a tone.
    Breve,
}

/// A VNI mark byte: the font draws it over the previous letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    upper: bool,
    modifier: Modifier,
    tone: u8,
}

/// One VNI byte in 0x80–0xFF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VniByte {
    /// A character on its own.
    Char(char),
    /// A mark for the previous letter; alone, it reads as its Windows-1252 character.
    Mark(Mark),
}

const fn ch(c: char) -> VniByte {
    VniByte::Char(c)
}

const fn lo(modifier: Modifier, tone: u8) -> VniByte {
    VniByte::Mark(Mark {
        upper: false,
        modifier,
        tone,
    })
}

const fn up(modifier: Modifier, tone: u8) -> VniByte {
    VniByte::Mark(Mark {
        upper: true,
        modifier,
        tone,
    })
}

use Modifier::{Breve, Circumflex, Plain};

/// VNI-Windows bytes 0x80–0xFF, from the VNI-Windows font chart (the VNI column of
/// UniKey's and xvnkb's conversion tables agree with it). Bytes VNI does not use keep
/// their Windows-1252 character.
static VNI_HIGH: [VniByte; 128] = [
    // 0x80–0x9F: Windows-1252 punctuation.
    ch('€'),
    ch('\u{81}'),
    ch('‚'),
    ch('ƒ'),
    ch('„'),
    ch('…'),
    ch('†'),
    ch('‡'),
    ch('ˆ'),
    ch('‰'),
    ch('Š'),
    ch('‹'),
    ch('Œ'),
    ch('\u{8D}'),
    ch('Ž'),
    ch('\u{8F}'),
    ch('\u{90}'),
    ch('‘'),
    ch('’'),
    ch('“'),
    ch('”'),
    ch('•'),
    ch('–'),
    ch('—'),
    ch('˜'),
    ch('™'),
    ch('š'),
    ch('›'),
    ch('œ'),
    ch('\u{9D}'),
    ch('ž'),
    ch('Ÿ'),
    // 0xA0–0xBF: Latin-1 symbols.
    ch('\u{A0}'),
    ch('¡'),
    ch('¢'),
    ch('£'),
    ch('¤'),
    ch('¥'),
    ch('¦'),
    ch('§'),
    ch('¨'),
    ch('©'),
    ch('ª'),
    ch('«'),
    ch('¬'),
    ch('\u{AD}'),
    ch('®'),
    ch('¯'),
    ch('°'),
    ch('±'),
    ch('²'),
    ch('³'),
    ch('´'),
    ch('µ'),
    ch('¶'),
    ch('·'),
    ch('¸'),
    ch('¹'),
    ch('º'),
    ch('»'),
    ch('¼'),
    ch('½'),
    ch('¾'),
    ch('¿'),
    // 0xC0–0xCF: capital marks and capital single letters.
    up(Circumflex, GRAVE), // 0xC0 À
    up(Circumflex, ACUTE), // 0xC1 Á
    up(Circumflex, 0),     // 0xC2 Â
    up(Circumflex, TILDE), // 0xC3 Ã
    up(Circumflex, DOT),   // 0xC4 Ä
    up(Circumflex, HOOK),  // 0xC5 Å
    ch('Ỉ'),               // 0xC6 Æ
    ch('Ç'),               // 0xC7 unused
    up(Breve, GRAVE),      // 0xC8 È
    up(Breve, ACUTE),      // 0xC9 É
    up(Breve, 0),          // 0xCA Ê
    up(Breve, DOT),        // 0xCB Ë
    ch('Ì'),               // 0xCC Ì
    ch('Í'),               // 0xCD Í
    ch('Ỵ'),               // 0xCE Î
    up(Plain, DOT),        // 0xCF Ï
    // 0xD0–0xDF
    ch('Ð'),          // 0xD0 unused
    ch('Đ'),          // 0xD1 Ñ
    ch('Ị'),          // 0xD2 Ò
    ch('Ĩ'),          // 0xD3 Ó
    ch('Ơ'),          // 0xD4 Ô
    up(Plain, TILDE), // 0xD5 Õ
    ch('Ư'),          // 0xD6 Ö
    ch('×'),          // 0xD7 unused
    up(Plain, GRAVE), // 0xD8 Ø
    up(Plain, ACUTE), // 0xD9 Ù
    up(Breve, HOOK),  // 0xDA Ú
    up(Plain, HOOK),  // 0xDB Û
    up(Breve, TILDE), // 0xDC Ü
    ch('Ý'),          // 0xDD unused
    ch('Þ'),          // 0xDE unused
    ch('ß'),          // 0xDF unused
    // 0xE0–0xEF: lower-case marks and lower-case single letters.
    lo(Circumflex, GRAVE), // 0xE0 à
    lo(Circumflex, ACUTE), // 0xE1 á
    lo(Circumflex, 0),     // 0xE2 â
    lo(Circumflex, TILDE), // 0xE3 ã
    lo(Circumflex, DOT),   // 0xE4 ä
    lo(Circumflex, HOOK),  // 0xE5 å
    ch('ỉ'),               // 0xE6 æ
    ch('ç'),               // 0xE7 unused
    lo(Breve, GRAVE),      // 0xE8 è
    lo(Breve, ACUTE),      // 0xE9 é
    lo(Breve, 0),          // 0xEA ê
    lo(Breve, DOT),        // 0xEB ë
    ch('ì'),               // 0xEC ì
    ch('í'),               // 0xED í
    ch('ỵ'),               // 0xEE î
    lo(Plain, DOT),        // 0xEF ï
    // 0xF0–0xFF
    ch('ð'),          // 0xF0 unused
    ch('đ'),          // 0xF1 ñ
    ch('ị'),          // 0xF2 ò
    ch('ĩ'),          // 0xF3 ó
    ch('ơ'),          // 0xF4 ô
    lo(Plain, TILDE), // 0xF5 õ
    ch('ư'),          // 0xF6 ö
    ch('÷'),          // 0xF7 unused
    lo(Plain, GRAVE), // 0xF8 ø
    lo(Plain, ACUTE), // 0xF9 ù
    lo(Breve, HOOK),  // 0xFA ú
    lo(Plain, HOOK),  // 0xFB û
    lo(Breve, TILDE), // 0xFC ü
    ch('ý'),          // 0xFD unused
    ch('þ'),          // 0xFE unused
    ch('ÿ'),          // 0xFF unused
];

/// Lower-case VNI mark bytes for a plain vowel, by tone (index 0 unused).
static VNI_TONE: [u8; 6] = [0, 0xF8, 0xFB, 0xF5, 0xF9, 0xEF];
/// Lower-case VNI mark bytes for â ê ô, by tone (index 0: the circumflex alone).
static VNI_CIRCUMFLEX: [u8; 6] = [0xE2, 0xE0, 0xE5, 0xE3, 0xE1, 0xE4];
/// Lower-case VNI mark bytes for ă, by tone (index 0: the breve alone).
static VNI_BREVE: [u8; 6] = [0xEA, 0xE8, 0xFA, 0xFC, 0xE9, 0xEB];
/// Lower-case VNI single bytes for i with a tone (index 0 unused).
static VNI_I: [u8; 6] = [b'i', 0xEC, 0xE6, 0xF3, 0xED, 0xF2];
/// VNI capitals are the lower-case bytes minus this.
const VNI_CASE_OFFSET: u8 = 0x20;

fn vni_byte(byte: u8) -> VniByte {
    match byte.checked_sub(0x80) {
        None => VniByte::Char(char::from(byte)),
        Some(high) => VNI_HIGH
            .get(usize::from(high))
            .copied()
            .unwrap_or(VniByte::Char(char::REPLACEMENT_CHARACTER)),
    }
}

/// The letter `mark` makes of `previous`, if it goes on it.
fn vni_compose(previous: char, mark: Mark) -> Option<char> {
    let vowel = vowel_info(previous)?;
    if vowel.upper != mark.upper || vowel.tone != 0 {
        return None;
    }
    let shape = match (mark.modifier, vowel.shape) {
        (Plain, shape) => shape,
        (Circumflex, A) => A_CIRC,
        (Circumflex, E) => E_CIRC,
        (Circumflex, O) => O_CIRC,
        (Breve, A) => A_BREVE,
        _ => return None,
    };
    vowel_char(shape, mark.tone, vowel.upper)
}

fn decode_vni(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    // The last char pushed, while a mark may still go on it.
    let mut previous: Option<char> = None;
    for &byte in bytes {
        match vni_byte(byte) {
            VniByte::Char(c) => {
                out.push(c);
                previous = Some(c);
            }
            VniByte::Mark(mark) => {
                let composed = previous.and_then(|p| vni_compose(p, mark));
                if let Some(letter) = composed {
                    out.pop();
                    out.push(letter);
                    previous = Some(letter);
                } else {
                    // A stray mark: its Windows-1252 character, and nothing goes on it.
                    out.push(char::from(byte));
                    previous = None;
                }
            }
        }
    }
    out
}

fn encode_vni_char(c: char, out: &mut Vec<u8>) -> Option<()> {
    if c.is_ascii() {
        out.push(u8::try_from(c).ok()?);
        return Some(());
    }
    let case = |byte: u8, upper: bool| {
        if upper {
            byte.checked_sub(VNI_CASE_OFFSET)
        } else {
            Some(byte)
        }
    };
    if let Some(vowel) = vowel_info(c) {
        let tone = usize::from(vowel.tone);
        let upper = vowel.upper;
        if vowel.shape == I && vowel.tone != 0 {
            out.push(case(*VNI_I.get(tone)?, upper)?);
            return Some(());
        }
        if vowel.shape == Y && vowel.tone == DOT {
            out.push(case(0xEE, upper)?);
            return Some(());
        }
        let base = match vowel.shape {
            A | A_BREVE | A_CIRC => b'a',
            E | E_CIRC => b'e',
            I => b'i',
            O | O_CIRC => b'o',
            O_HORN => 0xF4,
            U => b'u',
            U_HORN => 0xF6,
            _ => b'y',
        };
        out.push(case(base, upper)?);
        let mark = match vowel.shape {
            A_CIRC | E_CIRC | O_CIRC => Some(*VNI_CIRCUMFLEX.get(tone)?),
            A_BREVE => Some(*VNI_BREVE.get(tone)?),
            _ if tone != 0 => Some(*VNI_TONE.get(tone)?),
            _ => None,
        };
        if let Some(mark) = mark {
            out.push(case(mark, upper)?);
        }
        return Some(());
    }
    // Any other character only where VNI has it as a character of its own (not as the
    // Windows-1252 reading of a mark byte, which would join the letter before it).
    let position = VNI_HIGH.iter().position(|&v| v == VniByte::Char(c))?;
    out.push(u8::try_from(0x80 + position).ok()?);
    Some(())
}

// ---------------------------------------------------------------------------------------
// Windows-1258
// ---------------------------------------------------------------------------------------

/// Windows-1258 bytes 0x80–0xFF, read from `encoding_rs` once (for encoding).
static CP1258_HIGH: LazyLock<[char; 128]> = LazyLock::new(|| {
    let mut table = [char::REPLACEMENT_CHARACTER; 128];
    for (slot, byte) in table.iter_mut().zip(0x80u8..=0xFF) {
        let one = [byte];
        let (text, _) = WINDOWS_1258.decode_without_bom_handling(&one);
        if let Some(c) = text.chars().next() {
            *slot = c;
        }
    }
    table
});

/// The Windows-1258 combining tone-mark bytes, by tone (index 0 unused).
static CP1258_TONE: [u8; 6] = [0, 0xCC, 0xD2, 0xDE, 0xEC, 0xF2];

fn cp1258_byte(c: char) -> Option<u8> {
    if c.is_ascii() {
        return u8::try_from(c).ok();
    }
    let position = CP1258_HIGH.iter().position(|&t| t == c)?;
    u8::try_from(0x80 + position).ok()
}

fn encode_cp1258_char(c: char, out: &mut Vec<u8>) -> Option<()> {
    // A precomposed letter where the code page has one (á is 0xE1, as Windows writes it),
    // otherwise the untoned letter and a combining tone mark (ấ is 0xE2 0xEC).
    if let Some(byte) = cp1258_byte(c) {
        out.push(byte);
        return Some(());
    }
    let vowel = vowel_info(c)?;
    let base = vowel_char(vowel.shape, 0, vowel.upper)?;
    out.push(cp1258_byte(base)?);
    out.push(*CP1258_TONE.get(usize::from(vowel.tone))?);
    Some(())
}

// ---------------------------------------------------------------------------------------
// Decoding and encoding
// ---------------------------------------------------------------------------------------

/// Decodes `bytes` in `encoding`. Every byte maps to something, so this cannot fail. The
/// output is NFC: VNI's base + mark pairs and CP1258's base + combining tone mark come
/// out as precomposed letters. TCVN3 keeps the case the bytes carry (see the module
/// documentation).
pub fn decode_legacy(bytes: &[u8], encoding: LegacyEncoding) -> String {
    match encoding {
        LegacyEncoding::Cp1258 => {
            let (text, _) = WINDOWS_1258.decode_without_bom_handling(bytes);
            if is_nfc_quick(text.chars()) == IsNormalized::Yes {
                text.into_owned()
            } else {
                text.nfc().collect()
            }
        }
        LegacyEncoding::Tcvn3 => decode_tcvn3(bytes),
        LegacyEncoding::Vni => decode_vni(bytes),
    }
}

/// Encodes `text` (NFC) in `encoding`, for fixtures and tests; `None` when a character
/// cannot be written in it. TCVN3 cannot write capital toned letters (`Ế`, `Ủ`...: its
/// fonts drew them from the lower-case codes), CP1258 writes a toned letter as one byte
/// where the code page has it and as base + combining tone mark otherwise, VNI as base +
/// mark byte. What this writes, [`decode_legacy`] reads back unchanged.
pub fn encode_legacy(text: &str, encoding: LegacyEncoding) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 2);
    for c in text.chars() {
        match encoding {
            LegacyEncoding::Cp1258 => encode_cp1258_char(c, &mut out)?,
            LegacyEncoding::Tcvn3 => out.push(tcvn3_byte(c)?),
            LegacyEncoding::Vni => encode_vni_char(c, &mut out)?,
        }
    }
    Some(out)
}

// ---------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------

/// Longest Vietnamese syllable, in letters ("nghiêng").
const MAX_SYLLABLE_LETTERS: usize = 7;

/// Initial consonants (the empty one last).
static INITIALS: [&str; 28] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// Final consonants (the empty one last).
static FINALS: [&str; 9] = ["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];

/// Whether a vowel nucleus exists, and then whether it needs a final consonant and
/// whether it may take one.
fn nucleus_rule(nucleus: &str) -> Option<(bool, bool)> {
    const OPTIONAL: (bool, bool) = (false, true);
    const NEEDS_FINAL: (bool, bool) = (true, true);
    const NO_FINAL: (bool, bool) = (false, false);
    Some(match nucleus {
        "a" | "e" | "ê" | "i" | "o" | "ô" | "ơ" | "u" | "ư" | "y" | "oa" | "oe" | "uê" | "uy"
        | "ươ" => OPTIONAL,
        "ă" | "â" | "iê" | "yê" | "uô" | "uâ" | "oă" | "oo" | "uyê" => NEEDS_FINAL,
        "ai" | "ao" | "au" | "ay" | "âu" | "ây" | "eo" | "êu" | "ia" | "iu" | "oi" | "ôi"
        | "ơi" | "ua" | "ui" | "ưa" | "ưi" | "ưu" | "uơ" | "iêu" | "yêu" | "oai" | "oay"
        | "oao" | "oeo" | "uây" | "uôi" | "ươi" | "ươu" | "uya" | "uyu" => NO_FINAL,
        _ => return None,
    })
}

/// Whether the untoned lower-case letters `base`, with `tone`, spell a Vietnamese
/// syllable.
fn is_syllable(base: &str, tone: u8) -> bool {
    INITIALS.iter().any(|initial| {
        let Some(rest) = base.strip_prefix(initial) else {
            return false;
        };
        FINALS.iter().any(|fin| {
            let Some(nucleus) = rest.strip_suffix(fin) else {
                return false;
            };
            let Some((needs_final, takes_final)) = nucleus_rule(nucleus) else {
                return false;
            };
            if (fin.is_empty() && needs_final) || (!fin.is_empty() && !takes_final) {
                return false;
            }
            if matches!(*fin, "c" | "ch" | "p" | "t") && tone != ACUTE && tone != DOT {
                return false;
            }
            let first = nucleus.chars().next();
            let front = matches!(first, Some('e' | 'ê' | 'i'));
            match *initial {
                "gh" | "ngh" => front,
                "g" | "ng" => !matches!(first, Some('e' | 'ê')),
                "c" => !front && first != Some('y'),
                _ => true,
            }
        })
    })
}

/// How a word counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordClass {
    /// Not a word (digits, punctuation): not counted.
    Skip,
    /// Not a Vietnamese syllable.
    Bad,
    /// A Vietnamese syllable in plain ASCII.
    Plain,
    /// A Vietnamese syllable with Vietnamese letters.
    Vietnamese,
}

/// Punctuation and digits trimmed from the ends of a token.
fn is_edge_char(c: char) -> bool {
    c.is_ascii_punctuation()
        || c.is_ascii_digit()
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || matches!(c, '«' | '»')
}

/// A Vietnamese letter taken apart.
#[derive(Debug, Clone, Copy)]
struct Letter {
    /// Lower case, without its tone.
    base: char,
    /// Lower case, with its tone.
    lower: char,
    tone: u8,
    upper: bool,
}

/// The parts of a Vietnamese letter; `None` for anything else (`f j w z` included).
fn letter_parts(c: char) -> Option<Letter> {
    if c.is_ascii() {
        let lower = c.to_ascii_lowercase();
        return matches!(
            lower,
            'a' | 'b'
                | 'c'
                | 'd'
                | 'e'
                | 'g'
                | 'h'
                | 'i'
                | 'k'
                | 'l'
                | 'm'
                | 'n'
                | 'o'
                | 'p'
                | 'q'
                | 'r'
                | 's'
                | 't'
                | 'u'
                | 'v'
                | 'x'
                | 'y'
        )
        .then_some(Letter {
            base: lower,
            lower,
            tone: 0,
            upper: c.is_ascii_uppercase(),
        });
    }
    if let Some(vowel) = vowel_info(c) {
        return Some(Letter {
            base: vowel_char(vowel.shape, 0, false)?,
            lower: vowel_char(vowel.shape, vowel.tone, false)?,
            tone: vowel.tone,
            upper: vowel.upper,
        });
    }
    let upper = match c {
        'đ' => false,
        'Đ' => true,
        _ => return None,
    };
    Some(Letter {
        base: 'đ',
        lower: 'đ',
        tone: 0,
        upper,
    })
}

/// Reused buffers for [`classify_word`].
#[derive(Debug, Default)]
struct Scratch {
    /// The word's untoned lower-case letters.
    base: String,
    /// The word in lower case.
    lower: String,
}

/// Classifies one word (no white space, no hyphen); after a valid syllable,
/// `scratch.lower` holds it in lower case.
fn classify_word(word: &str, scratch: &mut Scratch) -> WordClass {
    if word.is_empty() {
        return WordClass::Skip;
    }
    if word.chars().any(char::is_control) {
        return WordClass::Bad;
    }
    if !word.chars().any(crate::text::is_alpha) {
        return if word.chars().all(is_edge_char) {
            WordClass::Skip
        } else {
            WordClass::Bad
        };
    }
    scratch.base.clear();
    scratch.lower.clear();
    let mut letters = 0;
    let mut tone = 0;
    let mut tones = 0;
    let mut first_ok_for_caps = false;
    let mut rest_upper = false;
    let mut rest_ascii_lower = false;
    let mut diacritics = false;
    for (i, c) in word.chars().enumerate() {
        letters += 1;
        if letters > MAX_SYLLABLE_LETTERS {
            return WordClass::Bad;
        }
        let Some(letter) = letter_parts(c) else {
            return WordClass::Bad;
        };
        let upper = letter.upper;
        if letter.tone != 0 {
            tones += 1;
            tone = letter.tone;
        }
        diacritics |= !c.is_ascii();
        if i == 0 {
            // A capital, or a TCVN3 lower-case toned letter typed in a capital font.
            first_ok_for_caps = upper || !c.is_ascii();
        } else if upper {
            rest_upper = true;
        } else if c.is_ascii() {
            rest_ascii_lower = true;
        }
        scratch.base.push(letter.base);
        scratch.lower.push(letter.lower);
    }
    // Lower case, Capitalized, or ALL CAPS (where TCVN3 capitals may come out lower-case).
    let case_ok = !rest_upper || (first_ok_for_caps && !rest_ascii_lower);
    if tones > 1 || !case_ok || !is_syllable(&scratch.base, tone) {
        WordClass::Bad
    } else if diacritics {
        WordClass::Vietnamese
    } else {
        WordClass::Plain
    }
}

/// Very frequent Vietnamese syllables.
static FREQUENT: [&str; 30] = [
    "của", "và", "các", "được", "trong", "năm", "người", "là", "có", "đã", "với", "cho", "những",
    "này", "một", "không", "để", "theo", "đến", "tại", "về", "khi", "ngày", "đồng", "thì", "cũng",
    "nhà", "nước", "ra", "từ",
];

/// Word counts behind a score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Stats {
    /// Words counted (not skipped).
    words: u32,
    /// Valid syllables with Vietnamese letters.
    vietnamese: u32,
    /// Valid syllables in plain ASCII.
    plain: u32,
    /// Valid syllables among the very frequent ones.
    frequent: u32,
}

impl Stats {
    fn bad(self) -> u32 {
        self.words
            .saturating_sub(self.vietnamese)
            .saturating_sub(self.plain)
    }

    fn add(&mut self, other: Stats) {
        self.words = self.words.saturating_add(other.words);
        self.vietnamese = self.vietnamese.saturating_add(other.vietnamese);
        self.plain = self.plain.saturating_add(other.plain);
        self.frequent = self.frequent.saturating_add(other.frequent);
    }

    fn score(self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        let words = f64::from(self.words);
        let valid = f64::from(self.vietnamese) + PLAIN_WEIGHT * f64::from(self.plain);
        let bonus = FREQUENT_BONUS * f64::from(self.frequent) / words;
        (valid / words + bonus).clamp(0.0, 1.0)
    }
}

/// What a valid plain-ASCII syllable counts for.
const PLAIN_WEIGHT: f64 = 0.4;
/// The bonus per share of very frequent syllables.
const FREQUENT_BONUS: f64 = 0.25;

/// The counts of one white-space-separated token.
fn token_stats(token: &str, scratch: &mut Scratch) -> Stats {
    let mut stats = Stats::default();
    let core = token.trim_matches(is_edge_char);
    for word in core.split('-') {
        let class = classify_word(word, scratch);
        if class == WordClass::Skip {
            continue;
        }
        let valid = matches!(class, WordClass::Vietnamese | WordClass::Plain);
        stats.add(Stats {
            words: 1,
            vietnamese: u32::from(class == WordClass::Vietnamese),
            plain: u32::from(class == WordClass::Plain),
            frequent: u32::from(valid && FREQUENT.contains(&scratch.lower.as_str())),
        });
    }
    stats
}

fn text_stats(text: &str) -> Stats {
    let mut scratch = Scratch::default();
    let mut stats = Stats::default();
    for token in text.split_whitespace() {
        stats.add(token_stats(token, &mut scratch));
    }
    stats
}

/// How much `text` looks like Vietnamese, in 0.0..=1.0: the share of words that are
/// plausible Vietnamese syllables (a syllable with Vietnamese letters counts 1, a plain
/// ASCII one 0.4; foreign letters, symbols or control characters inside a word, two tone
/// marks, or an impossible spelling count 0), plus a bonus for very frequent syllables
/// such as "của", "và", "các". Real Vietnamese scores about 0.9–1.0, English about
/// 0.1–0.2, random bytes decoded in any legacy encoding about 0; text with no words
/// scores 0. See the module documentation for the rules.
pub fn vietnamese_score(text: &str) -> f64 {
    text_stats(text).score()
}

// ---------------------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------------------

/// How much of the input [`guess_legacy`] reads.
const GUESS_SAMPLE_BYTES: usize = 256 * 1024;
/// The least score the best decoding must reach.
const MIN_SCORE: f64 = 0.5;
/// The least confidence [`guess_legacy`] answers with.
const MIN_CONFIDENCE: f64 = 0.5;
/// The lead over the second-best decoding that counts as fully separated.
const SEPARATION_FULL: f64 = 0.3;

/// For bytes that are not valid UTF-8: decodes them in each legacy encoding, scores each
/// decoding with [`vietnamese_score`], and returns the best encoding with a confidence in
/// 0.0..=1.0, or `None` when nothing is plausible.
///
/// The confidence is score × evidence × separation: evidence grows with the number of
/// Vietnamese words with diacritics (`1 − 0.5^n`), separation is the lead over the
/// second-best encoding divided by 0.3 (capped at 1). The answer is `None` below a best
/// score of 0.5 or a confidence of 0.5, so random or binary bytes, text with no
/// Vietnamese letters, and bytes that read equally well in two encodings give `None`.
/// Only the first 256 KiB are read.
pub fn guess_legacy(bytes: &[u8]) -> Option<(LegacyEncoding, f64)> {
    let sample = bytes.get(..GUESS_SAMPLE_BYTES).unwrap_or(bytes);
    let mut best: Option<(LegacyEncoding, Stats, f64)> = None;
    let mut second = 0.0_f64;
    for encoding in LegacyEncoding::ALL {
        let stats = text_stats(&decode_legacy(sample, encoding));
        let score = stats.score();
        match best {
            Some((_, _, best_score)) if score <= best_score => second = second.max(score),
            _ => {
                if let Some((_, _, best_score)) = best {
                    second = second.max(best_score);
                }
                best = Some((encoding, stats, score));
            }
        }
    }
    let (encoding, stats, score) = best?;
    if score < MIN_SCORE {
        return None;
    }
    let words = i32::try_from(stats.vietnamese.min(64)).unwrap_or(64);
    let evidence = 1.0 - 0.5_f64.powi(words);
    let separation = ((score - second) / SEPARATION_FULL).clamp(0.0, 1.0);
    let confidence = (score * evidence * separation).clamp(0.0, 1.0);
    (confidence >= MIN_CONFIDENCE).then_some((encoding, confidence))
}

/// Repairs one word (a run of non-white-space chars) of text that was decoded as
/// Windows-1252 or Latin-1 but is really in `encoding`: maps each char back to its byte,
/// decodes the bytes in `encoding`, and returns the NFC result. `None` when a char has no
/// Windows-1252 byte (the word was not read that way) or the word comes out unchanged.
pub fn repair_mojibake_word(word: &str, encoding: LegacyEncoding) -> Option<String> {
    if word.is_ascii() {
        // ASCII reads the same in every one of these encodings.
        return None;
    }
    let bytes = word.chars().map(cp1252_byte).collect::<Option<Vec<u8>>>()?;
    let repaired = decode_legacy(&bytes, encoding);
    (repaired != word).then_some(repaired)
}

/// The fewest words [`detect_mojibake`] judges: one word alone is too ambiguous.
const MOJIBAKE_MIN_WORDS: u32 = 2;
/// How much repairing must lift the score.
const MOJIBAKE_MIN_GAIN: f64 = 0.1;

/// The order [`detect_mojibake`] tries the encodings in: the two font encodings that
/// Windows-1252 readers mangle most, then CP1258.
const MOJIBAKE_ORDER: [LegacyEncoding; 3] = [
    LegacyEncoding::Tcvn3,
    LegacyEncoding::Vni,
    LegacyEncoding::Cp1258,
];

/// A char that Windows-1252 decodes to and proper Vietnamese text does not contain: a Latin-1
/// letter or symbol outside the Vietnamese alphabet, or one of Windows-1252's extra letters.
/// (Typographic quotes, dashes, the ellipsis, NBSP and the degree sign are left out: real
/// text has them.)
const fn foreign_to_vietnamese(c: char) -> bool {
    match c {
        '\u{A1}'..='\u{FF}' => !matches!(
            c,
            '°' | 'À'
                | 'Á'
                | 'Â'
                | 'Ã'
                | 'È'
                | 'É'
                | 'Ê'
                | 'Ì'
                | 'Í'
                | 'Ò'
                | 'Ó'
                | 'Ô'
                | 'Õ'
                | 'Ù'
                | 'Ú'
                | 'Ý'
                | 'à'
                | 'á'
                | 'â'
                | 'ã'
                | 'è'
                | 'é'
                | 'ê'
                | 'ì'
                | 'í'
                | 'ò'
                | 'ó'
                | 'ô'
                | 'õ'
                | 'ù'
                | 'ú'
                | 'ý'
        ),
        'Œ' | 'œ' | 'Š' | 'š' | 'Ÿ' | 'Ž' | 'ž' | 'ƒ' | 'ˆ' | '˜' | '‰' | '‹' | '›' | '†' | '‡' => {
            true
        }
        _ => false,
    }
}

/// The lead bytes of the UTF-8 form of every char [`foreign_to_vietnamese`] accepts.
static FOREIGN_LEAD: [bool; 256] = {
    let mut table = [false; 256];
    table[0xC2] = true;
    table[0xC3] = true;
    table[0xC5] = true;
    table[0xC6] = true;
    table[0xCB] = true;
    table[0xE2] = true;
    table
};

/// [`foreign_to_vietnamese`] of U+0080..=U+00FF, whose UTF-8 lead bytes are 0xC2 and 0xC3.
static FOREIGN_LATIN1: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < 128 {
        if let Some(c) = char::from_u32(0x80 + i as u32) {
            table[i] = foreign_to_vietnamese(c);
        }
        i += 1;
    }
    table
};

/// Whether `text` holds a char [`foreign_to_vietnamese`] accepts. Every such char starts with
/// one of six UTF-8 lead bytes; the lead bytes of a block of eight are found at once (bits 7
/// and 6 set), and only those six are looked at further, the Latin-1 ones from their two
/// bytes. Proper Vietnamese text is mostly ASCII and the letters of U+1EA0..U+1EF9 (lead
/// byte 0xE1), never decoded.
fn has_foreign_char(text: &str) -> bool {
    let bytes = text.as_bytes();
    let foreign_at = |at: usize| match bytes.get(at..at + 2) {
        Some(&[lead @ (0xC2 | 0xC3), next]) => {
            let index = (usize::from(lead & 1) << 6) | usize::from(next & 0x3F);
            FOREIGN_LATIN1.get(index).copied().unwrap_or(false)
        }
        _ => text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(foreign_to_vietnamese),
    };
    let foreign_lead_at = |at: usize| {
        bytes
            .get(at)
            .is_some_and(|&byte| FOREIGN_LEAD[usize::from(byte)] && foreign_at(at))
    };
    let mut blocks = bytes.chunks_exact(8);
    let mut offset = 0;
    for block in &mut blocks {
        let mut word = [0u8; 8];
        word.copy_from_slice(block);
        let word = u64::from_le_bytes(word);
        let mut leads = word & (word << 1) & 0x8080_8080_8080_8080;
        while leads != 0 {
            let lane = leads.trailing_zeros() as usize / 8;
            leads &= leads - 1;
            if foreign_lead_at(offset + lane) {
                return true;
            }
        }
        offset += 8;
    }
    (offset..bytes.len()).any(foreign_lead_at)
}

/// For text that was already decoded wrongly as Windows-1252 or Latin-1 but is really in
/// a legacy encoding ("Céng hoµ x· héi chñ nghÜa" is TCVN3, "Vieät Nam" is VNI): which
/// encoding the whole text is in, or `None` when the text looks like proper Unicode
/// Vietnamese or anything else (French, German, Icelandic, English...).
///
/// It fires when repairing the words ([`repair_mojibake_word`]) turns words that were not
/// Vietnamese into valid Vietnamese syllables (one of three letters or more, or two
/// shorter ones), leaves at most half as many changed words that are still not
/// Vietnamese, and lifts the whole text's [`vietnamese_score`] to at least 0.5 and by at
/// least 0.1. A text of fewer than two words is not judged. TCVN3 and VNI are tried
/// first; CP1258 read as Windows-1252 is detected the same way.
pub fn detect_mojibake(text: &str) -> Option<LegacyEncoding> {
    // Mojibake of every kind shows a Windows-1252 char that Vietnamese never writes (TCVN3's
    // "µ ® ·", VNI's "ä ñ ø", CP1258's "ð Þ"); text without one is not looked at further, which
    // spares the scoring below for nearly every proper Vietnamese text.
    if !has_foreign_char(text) {
        return None;
    }
    let mut scratch = Scratch::default();
    let tokens: Vec<(&str, Stats)> = text
        .split_whitespace()
        .map(|token| (token, token_stats(token, &mut scratch)))
        .collect();
    let mut original = Stats::default();
    for &(_, stats) in &tokens {
        original.add(stats);
    }
    let original_score = original.score();
    if original_score + MOJIBAKE_MIN_GAIN > 1.0 {
        // Already Vietnamese: no repair can lift the score enough.
        return None;
    }
    let mut found: Option<(LegacyEncoding, u32, f64)> = None;
    for encoding in MOJIBAKE_ORDER {
        let mut repaired = Stats::default();
        // Changed words: not Vietnamese before and Vietnamese after (`improved`, `strong`
        // when three letters or more), or not Vietnamese after (`broken`).
        let mut improved = 0_u32;
        let mut strong = 0_u32;
        let mut broken = 0_u32;
        for &(token, before) in &tokens {
            let Some(fixed) = repair_mojibake_word(token, encoding) else {
                repaired.add(before);
                continue;
            };
            let after = token_stats(&fixed, &mut scratch);
            repaired.add(after);
            if after.bad() > 0 {
                broken += 1;
            } else if before.bad() > 0 && after.vietnamese > 0 {
                improved += 1;
                if fixed.chars().filter(|c| crate::text::is_alpha(*c)).count() >= 3 {
                    strong += 1;
                }
            }
        }
        let score = repaired.score();
        let fires = repaired.words >= MOJIBAKE_MIN_WORDS
            && (strong >= 1 || improved >= 2)
            && improved >= broken.saturating_mul(2)
            && score >= MIN_SCORE
            && score >= original_score + MOJIBAKE_MIN_GAIN;
        if fires && found.is_none_or(|(_, n, s)| improved > n || (improved == n && score > s)) {
            found = Some((encoding, improved, score));
        }
    }
    found.map(|(encoding, _, _)| encoding)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    // Byte values from the charts, not from this module's tables: the TCVN3 rows are
    // glibc's `TCVN5712-1` converter (VN1, which agrees with VN3 on these letters), the
    // CP1258 rows glibc's `CP1258` converter, the VNI rows the VNI-Windows chart as
    // written out in xvnkb's `vni.h`. Every vowel shape × every tone, lower case, capitals
    // where the encoding has them, and Đ/đ.
    static TCVN3_CHART: [(&str, &[u8]); 86] = [
        ("a", b"a"),
        ("à", b"\xb5"),
        ("ả", b"\xb6"),
        ("ã", b"\xb7"),
        ("á", b"\xb8"),
        ("ạ", b"\xb9"),
        ("ă", b"\xa8"),
        ("ằ", b"\xbb"),
        ("ẳ", b"\xbc"),
        ("ẵ", b"\xbd"),
        ("ắ", b"\xbe"),
        ("ặ", b"\xc6"),
        ("â", b"\xa9"),
        ("ầ", b"\xc7"),
        ("ẩ", b"\xc8"),
        ("ẫ", b"\xc9"),
        ("ấ", b"\xca"),
        ("ậ", b"\xcb"),
        ("e", b"e"),
        ("è", b"\xcc"),
        ("ẻ", b"\xce"),
        ("ẽ", b"\xcf"),
        ("é", b"\xd0"),
        ("ẹ", b"\xd1"),
        ("ê", b"\xaa"),
        ("ề", b"\xd2"),
        ("ể", b"\xd3"),
        ("ễ", b"\xd4"),
        ("ế", b"\xd5"),
        ("ệ", b"\xd6"),
        ("i", b"i"),
        ("ì", b"\xd7"),
        ("ỉ", b"\xd8"),
        ("ĩ", b"\xdc"),
        ("í", b"\xdd"),
        ("ị", b"\xde"),
        ("o", b"o"),
        ("ò", b"\xdf"),
        ("ỏ", b"\xe1"),
        ("õ", b"\xe2"),
        ("ó", b"\xe3"),
        ("ọ", b"\xe4"),
        ("ô", b"\xab"),
        ("ồ", b"\xe5"),
        ("ổ", b"\xe6"),
        ("ỗ", b"\xe7"),
        ("ố", b"\xe8"),
        ("ộ", b"\xe9"),
        ("ơ", b"\xac"),
        ("ờ", b"\xea"),
        ("ở", b"\xeb"),
        ("ỡ", b"\xec"),
        ("ớ", b"\xed"),
        ("ợ", b"\xee"),
        ("u", b"u"),
        ("ù", b"\xef"),
        ("ủ", b"\xf1"),
        ("ũ", b"\xf2"),
        ("ú", b"\xf3"),
        ("ụ", b"\xf4"),
        ("ư", b"\xad"),
        ("ừ", b"\xf5"),
        ("ử", b"\xf6"),
        ("ữ", b"\xf7"),
        ("ứ", b"\xf8"),
        ("ự", b"\xf9"),
        ("y", b"y"),
        ("ỳ", b"\xfa"),
        ("ỷ", b"\xfb"),
        ("ỹ", b"\xfc"),
        ("ý", b"\xfd"),
        ("ỵ", b"\xfe"),
        ("đ", b"\xae"),
        ("A", b"A"),
        ("Ă", b"\xa1"),
        ("Â", b"\xa2"),
        ("E", b"E"),
        ("Ê", b"\xa3"),
        ("I", b"I"),
        ("O", b"O"),
        ("Ô", b"\xa4"),
        ("Ơ", b"\xa5"),
        ("U", b"U"),
        ("Ư", b"\xa6"),
        ("Y", b"Y"),
        ("Đ", b"\xa7"),
    ];
    static CP1258_CHART: [(&str, &[u8]); 146] = [
        ("a", b"a"),
        ("à", b"\xe0"),
        ("ả", b"a\xd2"),
        ("ã", b"a\xde"),
        ("á", b"\xe1"),
        ("ạ", b"a\xf2"),
        ("ă", b"\xe3"),
        ("ằ", b"\xe3\xcc"),
        ("ẳ", b"\xe3\xd2"),
        ("ẵ", b"\xe3\xde"),
        ("ắ", b"\xe3\xec"),
        ("ặ", b"\xe3\xf2"),
        ("â", b"\xe2"),
        ("ầ", b"\xe2\xcc"),
        ("ẩ", b"\xe2\xd2"),
        ("ẫ", b"\xe2\xde"),
        ("ấ", b"\xe2\xec"),
        ("ậ", b"\xe2\xf2"),
        ("e", b"e"),
        ("è", b"\xe8"),
        ("ẻ", b"e\xd2"),
        ("ẽ", b"e\xde"),
        ("é", b"\xe9"),
        ("ẹ", b"e\xf2"),
        ("ê", b"\xea"),
        ("ề", b"\xea\xcc"),
        ("ể", b"\xea\xd2"),
        ("ễ", b"\xea\xde"),
        ("ế", b"\xea\xec"),
        ("ệ", b"\xea\xf2"),
        ("i", b"i"),
        ("ì", b"i\xcc"),
        ("ỉ", b"i\xd2"),
        ("ĩ", b"i\xde"),
        ("í", b"\xed"),
        ("ị", b"i\xf2"),
        ("o", b"o"),
        ("ò", b"o\xcc"),
        ("ỏ", b"o\xd2"),
        ("õ", b"o\xde"),
        ("ó", b"\xf3"),
        ("ọ", b"o\xf2"),
        ("ô", b"\xf4"),
        ("ồ", b"\xf4\xcc"),
        ("ổ", b"\xf4\xd2"),
        ("ỗ", b"\xf4\xde"),
        ("ố", b"\xf4\xec"),
        ("ộ", b"\xf4\xf2"),
        ("ơ", b"\xf5"),
        ("ờ", b"\xf5\xcc"),
        ("ở", b"\xf5\xd2"),
        ("ỡ", b"\xf5\xde"),
        ("ớ", b"\xf5\xec"),
        ("ợ", b"\xf5\xf2"),
        ("u", b"u"),
        ("ù", b"\xf9"),
        ("ủ", b"u\xd2"),
        ("ũ", b"u\xde"),
        ("ú", b"\xfa"),
        ("ụ", b"u\xf2"),
        ("ư", b"\xfd"),
        ("ừ", b"\xfd\xcc"),
        ("ử", b"\xfd\xd2"),
        ("ữ", b"\xfd\xde"),
        ("ứ", b"\xfd\xec"),
        ("ự", b"\xfd\xf2"),
        ("y", b"y"),
        ("ỳ", b"y\xcc"),
        ("ỷ", b"y\xd2"),
        ("ỹ", b"y\xde"),
        ("ý", b"y\xec"),
        ("ỵ", b"y\xf2"),
        ("đ", b"\xf0"),
        ("A", b"A"),
        ("À", b"\xc0"),
        ("Ả", b"A\xd2"),
        ("Ã", b"A\xde"),
        ("Á", b"\xc1"),
        ("Ạ", b"A\xf2"),
        ("Ă", b"\xc3"),
        ("Ằ", b"\xc3\xcc"),
        ("Ẳ", b"\xc3\xd2"),
        ("Ẵ", b"\xc3\xde"),
        ("Ắ", b"\xc3\xec"),
        ("Ặ", b"\xc3\xf2"),
        ("Â", b"\xc2"),
        ("Ầ", b"\xc2\xcc"),
        ("Ẩ", b"\xc2\xd2"),
        ("Ẫ", b"\xc2\xde"),
        ("Ấ", b"\xc2\xec"),
        ("Ậ", b"\xc2\xf2"),
        ("E", b"E"),
        ("È", b"\xc8"),
        ("Ẻ", b"E\xd2"),
        ("Ẽ", b"E\xde"),
        ("É", b"\xc9"),
        ("Ẹ", b"E\xf2"),
        ("Ê", b"\xca"),
        ("Ề", b"\xca\xcc"),
        ("Ể", b"\xca\xd2"),
        ("Ễ", b"\xca\xde"),
        ("Ế", b"\xca\xec"),
        ("Ệ", b"\xca\xf2"),
        ("I", b"I"),
        ("Ì", b"I\xcc"),
        ("Ỉ", b"I\xd2"),
        ("Ĩ", b"I\xde"),
        ("Í", b"\xcd"),
        ("Ị", b"I\xf2"),
        ("O", b"O"),
        ("Ò", b"O\xcc"),
        ("Ỏ", b"O\xd2"),
        ("Õ", b"O\xde"),
        ("Ó", b"\xd3"),
        ("Ọ", b"O\xf2"),
        ("Ô", b"\xd4"),
        ("Ồ", b"\xd4\xcc"),
        ("Ổ", b"\xd4\xd2"),
        ("Ỗ", b"\xd4\xde"),
        ("Ố", b"\xd4\xec"),
        ("Ộ", b"\xd4\xf2"),
        ("Ơ", b"\xd5"),
        ("Ờ", b"\xd5\xcc"),
        ("Ở", b"\xd5\xd2"),
        ("Ỡ", b"\xd5\xde"),
        ("Ớ", b"\xd5\xec"),
        ("Ợ", b"\xd5\xf2"),
        ("U", b"U"),
        ("Ù", b"\xd9"),
        ("Ủ", b"U\xd2"),
        ("Ũ", b"U\xde"),
        ("Ú", b"\xda"),
        ("Ụ", b"U\xf2"),
        ("Ư", b"\xdd"),
        ("Ừ", b"\xdd\xcc"),
        ("Ử", b"\xdd\xd2"),
        ("Ữ", b"\xdd\xde"),
        ("Ứ", b"\xdd\xec"),
        ("Ự", b"\xdd\xf2"),
        ("Y", b"Y"),
        ("Ỳ", b"Y\xcc"),
        ("Ỷ", b"Y\xd2"),
        ("Ỹ", b"Y\xde"),
        ("Ý", b"Y\xec"),
        ("Ỵ", b"Y\xf2"),
        ("Đ", b"\xd0"),
    ];
    static VNI_CHART: [(&str, &[u8]); 146] = [
        ("a", b"a"),
        ("à", b"a\xf8"),
        ("ả", b"a\xfb"),
        ("ã", b"a\xf5"),
        ("á", b"a\xf9"),
        ("ạ", b"a\xef"),
        ("ă", b"a\xea"),
        ("ằ", b"a\xe8"),
        ("ẳ", b"a\xfa"),
        ("ẵ", b"a\xfc"),
        ("ắ", b"a\xe9"),
        ("ặ", b"a\xeb"),
        ("â", b"a\xe2"),
        ("ầ", b"a\xe0"),
        ("ẩ", b"a\xe5"),
        ("ẫ", b"a\xe3"),
        ("ấ", b"a\xe1"),
        ("ậ", b"a\xe4"),
        ("e", b"e"),
        ("è", b"e\xf8"),
        ("ẻ", b"e\xfb"),
        ("ẽ", b"e\xf5"),
        ("é", b"e\xf9"),
        ("ẹ", b"e\xef"),
        ("ê", b"e\xe2"),
        ("ề", b"e\xe0"),
        ("ể", b"e\xe5"),
        ("ễ", b"e\xe3"),
        ("ế", b"e\xe1"),
        ("ệ", b"e\xe4"),
        ("i", b"i"),
        ("ì", b"\xec"),
        ("ỉ", b"\xe6"),
        ("ĩ", b"\xf3"),
        ("í", b"\xed"),
        ("ị", b"\xf2"),
        ("o", b"o"),
        ("ò", b"o\xf8"),
        ("ỏ", b"o\xfb"),
        ("õ", b"o\xf5"),
        ("ó", b"o\xf9"),
        ("ọ", b"o\xef"),
        ("ô", b"o\xe2"),
        ("ồ", b"o\xe0"),
        ("ổ", b"o\xe5"),
        ("ỗ", b"o\xe3"),
        ("ố", b"o\xe1"),
        ("ộ", b"o\xe4"),
        ("ơ", b"\xf4"),
        ("ờ", b"\xf4\xf8"),
        ("ở", b"\xf4\xfb"),
        ("ỡ", b"\xf4\xf5"),
        ("ớ", b"\xf4\xf9"),
        ("ợ", b"\xf4\xef"),
        ("u", b"u"),
        ("ù", b"u\xf8"),
        ("ủ", b"u\xfb"),
        ("ũ", b"u\xf5"),
        ("ú", b"u\xf9"),
        ("ụ", b"u\xef"),
        ("ư", b"\xf6"),
        ("ừ", b"\xf6\xf8"),
        ("ử", b"\xf6\xfb"),
        ("ữ", b"\xf6\xf5"),
        ("ứ", b"\xf6\xf9"),
        ("ự", b"\xf6\xef"),
        ("y", b"y"),
        ("ỳ", b"y\xf8"),
        ("ỷ", b"y\xfb"),
        ("ỹ", b"y\xf5"),
        ("ý", b"y\xf9"),
        ("ỵ", b"\xee"),
        ("đ", b"\xf1"),
        ("A", b"A"),
        ("À", b"A\xd8"),
        ("Ả", b"A\xdb"),
        ("Ã", b"A\xd5"),
        ("Á", b"A\xd9"),
        ("Ạ", b"A\xcf"),
        ("Ă", b"A\xca"),
        ("Ằ", b"A\xc8"),
        ("Ẳ", b"A\xda"),
        ("Ẵ", b"A\xdc"),
        ("Ắ", b"A\xc9"),
        ("Ặ", b"A\xcb"),
        ("Â", b"A\xc2"),
        ("Ầ", b"A\xc0"),
        ("Ẩ", b"A\xc5"),
        ("Ẫ", b"A\xc3"),
        ("Ấ", b"A\xc1"),
        ("Ậ", b"A\xc4"),
        ("E", b"E"),
        ("È", b"E\xd8"),
        ("Ẻ", b"E\xdb"),
        ("Ẽ", b"E\xd5"),
        ("É", b"E\xd9"),
        ("Ẹ", b"E\xcf"),
        ("Ê", b"E\xc2"),
        ("Ề", b"E\xc0"),
        ("Ể", b"E\xc5"),
        ("Ễ", b"E\xc3"),
        ("Ế", b"E\xc1"),
        ("Ệ", b"E\xc4"),
        ("I", b"I"),
        ("Ì", b"\xcc"),
        ("Ỉ", b"\xc6"),
        ("Ĩ", b"\xd3"),
        ("Í", b"\xcd"),
        ("Ị", b"\xd2"),
        ("O", b"O"),
        ("Ò", b"O\xd8"),
        ("Ỏ", b"O\xdb"),
        ("Õ", b"O\xd5"),
        ("Ó", b"O\xd9"),
        ("Ọ", b"O\xcf"),
        ("Ô", b"O\xc2"),
        ("Ồ", b"O\xc0"),
        ("Ổ", b"O\xc5"),
        ("Ỗ", b"O\xc3"),
        ("Ố", b"O\xc1"),
        ("Ộ", b"O\xc4"),
        ("Ơ", b"\xd4"),
        ("Ờ", b"\xd4\xd8"),
        ("Ở", b"\xd4\xdb"),
        ("Ỡ", b"\xd4\xd5"),
        ("Ớ", b"\xd4\xd9"),
        ("Ợ", b"\xd4\xcf"),
        ("U", b"U"),
        ("Ù", b"U\xd8"),
        ("Ủ", b"U\xdb"),
        ("Ũ", b"U\xd5"),
        ("Ú", b"U\xd9"),
        ("Ụ", b"U\xcf"),
        ("Ư", b"\xd6"),
        ("Ừ", b"\xd6\xd8"),
        ("Ử", b"\xd6\xdb"),
        ("Ữ", b"\xd6\xd5"),
        ("Ứ", b"\xd6\xd9"),
        ("Ự", b"\xd6\xcf"),
        ("Y", b"Y"),
        ("Ỳ", b"Y\xd8"),
        ("Ỷ", b"Y\xdb"),
        ("Ỹ", b"Y\xd5"),
        ("Ý", b"Y\xd9"),
        ("Ỵ", b"\xce"),
        ("Đ", b"\xd1"),
    ];

    /// A meeting-report paragraph with no capital toned letter (TCVN3 can write it).
    const PARAGRAPH: &str = "Hội nghị đã thông qua kế hoạch phát triển kinh tế của tỉnh trong năm 2024. Các đại biểu nhất trí với báo cáo, những người dự họp cho rằng việc này được chuẩn bị kỹ lưỡng.";

    /// [`PARAGRAPH`] in TCVN3, from glibc's `iconv -t TCVN5712-1`.
    const PARAGRAPH_TCVN3: &[u8] = b"H\xe9i ngh\xde \xae\xb7 th\xabng qua k\xd5 ho\xb9ch ph\xb8t tri\xd3n kinh t\xd5 c\xf1a t\xd8nh trong n\xa8m 2024. C\xb8c \xae\xb9i bi\xd3u nh\xcat tr\xdd v\xedi b\xb8o c\xb8o, nh\xf7ng ng\xad\xeai d\xf9 h\xe4p cho r\xbbng vi\xd6c n\xb5y \xae\xad\xeec chu\xc8n b\xde k\xfc l\xad\xecng.";

    /// [`PARAGRAPH`] in CP1258, from glibc's `iconv -t CP1258`.
    const PARAGRAPH_CP1258: &[u8] = b"H\xf4\xf2i nghi\xf2 \xf0a\xde th\xf4ng qua k\xea\xec hoa\xf2ch ph\xe1t tri\xea\xd2n kinh t\xea\xec cu\xd2a ti\xd2nh trong n\xe3m 2024. C\xe1c \xf0a\xf2i bi\xea\xd2u nh\xe2\xect tr\xed v\xf5\xeci b\xe1o c\xe1o, nh\xfd\xdeng ng\xfd\xf5\xcci d\xfd\xf2 ho\xf2p cho r\xe3\xccng vi\xea\xf2c n\xe0y \xf0\xfd\xf5\xf2c chu\xe2\xd2n bi\xf2 ky\xde l\xfd\xf5\xdeng.";

    /// [`PARAGRAPH`] in VNI, written out from the VNI-Windows chart.
    const PARAGRAPH_VNI: &[u8] = b"Ho\xe4i ngh\xf2 \xf1a\xf5 tho\xe2ng qua ke\xe1 hoa\xefch pha\xf9t trie\xe5n kinh te\xe1 cu\xfba t\xe6nh trong na\xeam 2024. Ca\xf9c \xf1a\xefi bie\xe5u nha\xe1t tr\xed v\xf4\xf9i ba\xf9o ca\xf9o, nh\xf6\xf5ng ng\xf6\xf4\xf8i d\xf6\xef ho\xefp cho ra\xe8ng vie\xe4c na\xf8y \xf1\xf6\xf4\xefc chua\xe5n b\xf2 ky\xf5 l\xf6\xf4\xf5ng.";

    /// A second sentence, with Ô and Đ capitals.
    const SENTENCE: &str =
        "Ông Nguyễn Văn Đức, Phó Chủ tịch UBND tỉnh, chủ trì cuộc họp về kế hoạch năm 2024.";
    const SENTENCE_TCVN3: &[u8] = b"\xa4ng Nguy\xd4n V\xa8n \xa7\xf8c, Ph\xe3 Ch\xf1 t\xdech UBND t\xd8nh, ch\xf1 tr\xd7 cu\xe9c h\xe4p v\xd2 k\xd5 ho\xb9ch n\xa8m 2024.";
    const SENTENCE_CP1258: &[u8] = b"\xd4ng Nguy\xea\xden V\xe3n \xd0\xfd\xecc, Ph\xf3 Chu\xd2 ti\xf2ch UBND ti\xd2nh, chu\xd2 tri\xcc cu\xf4\xf2c ho\xf2p v\xea\xcc k\xea\xec hoa\xf2ch n\xe3m 2024.";
    const SENTENCE_VNI: &[u8] = b"O\xc2ng Nguye\xe3n Va\xean \xd1\xf6\xf9c, Pho\xf9 Chu\xfb t\xf2ch UBND t\xe6nh, chu\xfb tr\xec cuo\xe4c ho\xefp ve\xe0 ke\xe1 hoa\xefch na\xeam 2024.";

    /// Capital toned letters, which CP1258 and VNI can write and TCVN3 cannot.
    const CAPITALS: &str = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI. BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024; Ở ĐÂY, ĐỒNG CHÍ ĐỨNG ĐẦU.";

    fn xorshift_bytes(len: usize, mut state: u64) -> Vec<u8> {
        let mut out = Vec::with_capacity(len);
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            out.push(state.to_le_bytes()[3]);
        }
        out
    }

    /// Bytes read as Windows-1252, through encoding_rs (not this module's table).
    fn as_cp1252(bytes: &[u8]) -> String {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    }

    /// Repairs every space-separated word.
    fn repair_text(text: &str, encoding: LegacyEncoding) -> String {
        text.split(' ')
            .map(|word| repair_mojibake_word(word, encoding).unwrap_or_else(|| word.to_owned()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn check_chart(chart: &[(&str, &[u8])], encoding: LegacyEncoding) {
        for &(text, bytes) in chart {
            assert_eq!(
                decode_legacy(bytes, encoding),
                text,
                "{} {bytes:x?}",
                encoding.name()
            );
            assert_eq!(
                encode_legacy(text, encoding).as_deref(),
                Some(bytes),
                "{} {text}",
                encoding.name()
            );
        }
    }

    #[test]
    fn names_and_detection_order() {
        let names: Vec<&str> = LegacyEncoding::ALL.iter().map(|e| e.name()).collect();
        assert_eq!(names, ["cp1258", "tcvn3", "vni"]);
    }

    #[test]
    fn vowel_tables_agree_with_unicode_composition() {
        let bases = [
            "a", "a\u{306}", "a\u{302}", "e", "e\u{302}", "i", "o", "o\u{302}", "o\u{31B}", "u",
            "u\u{31B}", "y",
        ];
        let tones = ["", "\u{300}", "\u{309}", "\u{303}", "\u{301}", "\u{323}"];
        for (shape, base) in bases.iter().enumerate() {
            for (tone, mark) in tones.iter().enumerate() {
                let lower: String = format!("{base}{mark}").nfc().collect();
                let upper: String = format!("{}{mark}", base.to_uppercase()).nfc().collect();
                let shape = u8::try_from(shape).unwrap_or(u8::MAX);
                let tone = u8::try_from(tone).unwrap_or(u8::MAX);
                assert_eq!(
                    vowel_char(shape, tone, false).map(String::from),
                    Some(lower)
                );
                assert_eq!(vowel_char(shape, tone, true).map(String::from), Some(upper));
            }
        }
        assert_eq!(VOWEL_INDEX.len(), 144);
    }

    #[test]
    fn tcvn3_matches_the_chart() {
        check_chart(&TCVN3_CHART, LegacyEncoding::Tcvn3);
    }

    #[test]
    fn cp1258_matches_the_chart() {
        check_chart(&CP1258_CHART, LegacyEncoding::Cp1258);
        // Letters the code page has precomposed also decode from base + tone mark.
        for (bytes, text) in [
            (&b"a\xec"[..], "á"),
            (b"a\xcc", "à"),
            (b"A\xec", "Á"),
            (b"e\xec", "é"),
            (b"u\xcc", "ù"),
            (b"\xd0\xd5\xcc", "ĐỜ"),
            (b"\xfe", "₫"),
        ] {
            assert_eq!(decode_legacy(bytes, LegacyEncoding::Cp1258), text);
        }
    }

    #[test]
    fn vni_matches_the_chart() {
        check_chart(&VNI_CHART, LegacyEncoding::Vni);
    }

    #[test]
    fn tcvn3_has_no_capital_toned_letters() {
        for row in &UPPER_VOWELS {
            for &c in row.iter().skip(1) {
                assert_eq!(
                    encode_legacy(&c.to_string(), LegacyEncoding::Tcvn3),
                    None,
                    "{c}"
                );
            }
        }
        assert_eq!(encode_legacy(CAPITALS, LegacyEncoding::Tcvn3), None);
        // A .VnTimeH heading: the bytes carry lower-case toned letters, and so does the text.
        assert_eq!(
            decode_legacy(b"C\xe9NG HO\xb5 X\xb7 H\xe9I", LegacyEncoding::Tcvn3),
            "CộNG HOà Xã HộI"
        );
    }

    #[test]
    fn tcvn3_bytes_outside_vn3() {
        // VN1 capitals in gaps of VN3 (TCVN 5712:1993 VN1 chart, as glibc's TCVN5712-1).
        let vn1 = [
            (0xAF, 'Ằ'),
            (0xBA, 'Ẳ'),
            (0xBF, 'Ẵ'),
            (0xC0, 'Ắ'),
            (0xC1, 'Ầ'),
            (0xC2, 'Ẩ'),
            (0xC3, 'Ẫ'),
            (0xC4, 'Ấ'),
            (0xC5, 'Ề'),
            (0xCD, 'Ể'),
            (0xD9, 'Ễ'),
            (0xDA, 'Ế'),
            (0xDB, 'Ồ'),
            (0xE0, 'Ổ'),
            (0xF0, 'Ỗ'),
            (0xFF, 'Ố'),
        ];
        for (byte, c) in vn1 {
            assert_eq!(decode_legacy(&[byte], LegacyEncoding::Tcvn3), c.to_string());
        }
        // Windows-1252 and Latin-1 where VN3 has nothing; C0 controls stay controls.
        let free = [
            (0x85, '…'),
            (0x91, '‘'),
            (0x92, '’'),
            (0x93, '“'),
            (0x94, '”'),
            (0x96, '–'),
            (0x97, '—'),
            (0x80, '€'),
            (0xA0, '\u{A0}'),
            (0xB0, '°'),
            (0xB4, '´'),
            (0x01, '\u{1}'),
            (0x11, '\u{11}'),
            (0x0A, '\n'),
        ];
        for (byte, c) in free {
            assert_eq!(decode_legacy(&[byte], LegacyEncoding::Tcvn3), c.to_string());
            assert_eq!(
                encode_legacy(&c.to_string(), LegacyEncoding::Tcvn3),
                Some(vec![byte])
            );
        }
        // Every byte outside the VN1 gaps reads back as itself.
        let mut seen = std::collections::HashSet::new();
        for byte in 0..=u8::MAX {
            let text = decode_legacy(&[byte], LegacyEncoding::Tcvn3);
            assert!(
                seen.insert(text.clone()),
                "{byte:#x} decodes like another byte"
            );
            if !vn1.iter().any(|&(b, _)| b == byte) {
                assert_eq!(
                    encode_legacy(&text, LegacyEncoding::Tcvn3),
                    Some(vec![byte])
                );
            }
        }
    }

    #[test]
    fn vni_stray_marks_and_case() {
        let cases: [(&[u8], &str); 10] = [
            (b"\xe1", "á"),          // a mark with nothing under it
            (b"t\xe2", "tâ"),        // after a consonant
            (b"A\xf9", "Aù"),        // lower-case mark on a capital
            (b"a\xd9", "aÙ"),        // capital mark on a lower-case letter
            (b"a\xf9\xf9", "áù"),    // a second tone
            (b"\xe2\xf9", "âù"),     // a mark on a stray mark
            (b"u\xea", "uê"),        // breve on u
            (b"a\xe2\xf9", "ấ"),     // circumflex, then tone
            (b"\xf6\xf4\xf8", "ườ"), // marks on the single-byte ơ
            (b"\xd0\xdd", "ÐÝ"),     // bytes VNI does not use
        ];
        for (bytes, text) in cases {
            assert_eq!(
                decode_legacy(bytes, LegacyEncoding::Vni),
                text,
                "{bytes:x?}"
            );
        }
        // Characters that only exist as the Windows-1252 reading of a mark are not written.
        for c in ["ë", "ä", "å", "ü", "û", "ø", "ï", "ñ", "ö"] {
            assert_eq!(encode_legacy(c, LegacyEncoding::Vni), None, "{c}");
        }
        assert_eq!(
            encode_legacy("ç×ÿ“”", LegacyEncoding::Vni),
            Some(b"\xe7\xd7\xff\x93\x94".to_vec())
        );
    }

    #[test]
    fn encode_refuses_what_cannot_be_written() {
        for encoding in LegacyEncoding::ALL {
            assert_eq!(encode_legacy("中文", encoding), None);
            assert_eq!(
                encode_legacy("e\u{301}", encoding).is_some(),
                encoding == LegacyEncoding::Cp1258
            );
            assert_eq!(encode_legacy("", encoding), Some(Vec::new()));
        }
    }

    #[test]
    fn paragraph_bytes_decode_to_the_sentence() {
        let cases = [
            (PARAGRAPH_TCVN3, LegacyEncoding::Tcvn3),
            (PARAGRAPH_CP1258, LegacyEncoding::Cp1258),
            (PARAGRAPH_VNI, LegacyEncoding::Vni),
        ];
        for (bytes, encoding) in cases {
            assert_eq!(
                decode_legacy(bytes, encoding),
                PARAGRAPH,
                "{}",
                encoding.name()
            );
            assert_eq!(encode_legacy(PARAGRAPH, encoding).as_deref(), Some(bytes));
        }
        let cases = [
            (SENTENCE_TCVN3, LegacyEncoding::Tcvn3),
            (SENTENCE_CP1258, LegacyEncoding::Cp1258),
            (SENTENCE_VNI, LegacyEncoding::Vni),
        ];
        for (bytes, encoding) in cases {
            assert_eq!(
                decode_legacy(bytes, encoding),
                SENTENCE,
                "{}",
                encoding.name()
            );
            assert_eq!(encode_legacy(SENTENCE, encoding).as_deref(), Some(bytes));
        }
    }

    #[test]
    fn round_trips() {
        let text = format!("{PARAGRAPH}\n{SENTENCE}\t“Trích” – 50% … ");
        for encoding in LegacyEncoding::ALL {
            let bytes = encode_legacy(&text, encoding);
            assert_eq!(
                bytes.map(|b| decode_legacy(&b, encoding)).as_deref(),
                Some(text.as_str())
            );
        }
        for encoding in [LegacyEncoding::Cp1258, LegacyEncoding::Vni] {
            let bytes = encode_legacy(CAPITALS, encoding);
            assert_eq!(
                bytes.map(|b| decode_legacy(&b, encoding)).as_deref(),
                Some(CAPITALS)
            );
        }
        // Every Vietnamese letter, each encoding that has it.
        for table in [&LOWER_VOWELS, &UPPER_VOWELS] {
            for &c in table.iter().flatten() {
                for encoding in LegacyEncoding::ALL {
                    if let Some(bytes) = encode_legacy(&c.to_string(), encoding) {
                        assert_eq!(decode_legacy(&bytes, encoding), c.to_string());
                    }
                }
            }
        }
    }

    #[test]
    fn decoding_is_total_and_nfc() {
        let mut pair = [0u8; 2];
        for first in 0..=u8::MAX {
            for second in 0..=u8::MAX {
                pair[0] = first;
                pair[1] = second;
                for encoding in LegacyEncoding::ALL {
                    let text = decode_legacy(&pair, encoding);
                    assert!(is_nfc(&text), "{pair:x?} {}", encoding.name());
                    assert!(!text.is_empty() && text.chars().count() <= 2);
                }
            }
        }
        let noise = xorshift_bytes(4096, 0x5EED);
        for encoding in LegacyEncoding::ALL {
            assert!(is_nfc(&decode_legacy(&noise, encoding)));
        }
        assert_eq!(decode_legacy(b"", LegacyEncoding::Vni), "");
    }

    #[test]
    fn syllable_rules() {
        let mut scratch = Scratch::default();
        let good = [
            "nghiêng",
            "người",
            "khuya",
            "khuỷu",
            "quốc",
            "quyết",
            "gì",
            "giường",
            "hoặc",
            "xoong",
            "Việt",
            "VIỆT",
            "Cộng",
            "CộNG",
            "ủY",
            "được",
            "thuở",
            "rượu",
            "huỳnh",
            "oai",
            "yêu",
            "ích",
            "ấy",
            "uống",
            "chuyện",
            "tuần",
            "khỏe",
            "ghi",
            "nghe",
            "kỹ",
            "anh",
        ];
        for word in good {
            assert!(
                matches!(
                    classify_word(word, &mut scratch),
                    WordClass::Vietnamese | WordClass::Plain
                ),
                "{word}"
            );
        }
        let bad = [
            "ViÖt", "hoµ", "x·", "héi", "nghÜa", "cat", "Vieọt", "lỔ", "gha", "ngay2", "ảá",
            "strength", "face", "năm-", "ce", "ghá", "tiê", "ăn̉", "hoaǹ", "a\u{1}", "©", "wifi",
            "taiêu",
        ];
        for word in bad {
            assert_eq!(classify_word(word, &mut scratch), WordClass::Bad, "{word}");
        }
        for word in ["", "2024", "12/3", "..."] {
            assert_eq!(classify_word(word, &mut scratch), WordClass::Skip, "{word}");
        }
    }

    #[test]
    fn scores() {
        assert!(vietnamese_score(PARAGRAPH) >= 0.9);
        assert!(vietnamese_score(SENTENCE) >= 0.8);
        assert!(vietnamese_score(CAPITALS) >= 0.8);
        let english = "The committee met on Tuesday to review the budget report and asked the staff to publish it.";
        assert!(
            vietnamese_score(english) <= 0.3,
            "{}",
            vietnamese_score(english)
        );
        // Short French with a word that is also Vietnamese ("là") stays below MIN_SCORE.
        assert!(vietnamese_score("Le déjà-vu était là") < MIN_SCORE);
        let french = "Après la réunion, les délégués ont approuvé le budget à l'unanimité.";
        assert!(
            vietnamese_score(french) <= 0.3,
            "{}",
            vietnamese_score(french)
        );
        assert_eq!(vietnamese_score(""), 0.0);
        assert_eq!(vietnamese_score("2024 - 12/3 ..."), 0.0);
        for seed in [1, 2, 3, 0x9E37_79B9_7F4A_7C15] {
            let noise = xorshift_bytes(2048, seed);
            for encoding in LegacyEncoding::ALL {
                let score = vietnamese_score(&decode_legacy(&noise, encoding));
                assert!(score <= 0.15, "{} {seed} {score}", encoding.name());
            }
        }
        for (bytes, encoding) in [
            (PARAGRAPH_TCVN3, LegacyEncoding::Tcvn3),
            (PARAGRAPH_CP1258, LegacyEncoding::Cp1258),
            (PARAGRAPH_VNI, LegacyEncoding::Vni),
        ] {
            for other in LegacyEncoding::ALL {
                if other != encoding {
                    assert!(vietnamese_score(&decode_legacy(bytes, other)) <= 0.4);
                }
            }
        }
    }

    #[test]
    fn guesses_each_encoding() {
        let text = format!("{PARAGRAPH} {SENTENCE}");
        for encoding in LegacyEncoding::ALL {
            for bytes in [
                encode_legacy(PARAGRAPH, encoding),
                encode_legacy(&text, encoding),
            ] {
                let guess = bytes.as_deref().and_then(guess_legacy);
                assert!(
                    guess.is_some_and(|(e, confidence)| e == encoding && confidence >= 0.9),
                    "{} {guess:?}",
                    encoding.name()
                );
            }
        }
        for encoding in [LegacyEncoding::Cp1258, LegacyEncoding::Vni] {
            let guess = encode_legacy(CAPITALS, encoding)
                .as_deref()
                .and_then(guess_legacy);
            assert_eq!(guess.map(|(e, _)| e), Some(encoding));
        }
        assert_eq!(
            guess_legacy(b"H\xb5 N\xe9i").map(|(e, _)| e),
            Some(LegacyEncoding::Tcvn3)
        );
    }

    #[test]
    fn guess_rejects_noise_and_foreign_text() {
        for seed in [1, 2, 3, 42, 0x9E37_79B9_7F4A_7C15, 0xDEAD_BEEF] {
            assert_eq!(guess_legacy(&xorshift_bytes(2048, seed)), None, "{seed}");
        }
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\nIDATx\x9cc\xf8\x0f\0\x01\x01\x01\0\x18\xdd\x8d\xb0\0\0\0\0IEND\xaeB`\x82";
        assert_eq!(guess_legacy(png), None);
        assert_eq!(guess_legacy(b""), None);
        assert_eq!(guess_legacy(b"Plain ASCII text about the budget."), None);
        assert_eq!(guess_legacy(b"\xe9"), None);
        assert_eq!(
            guess_legacy(b"Le d\xe9j\xe0-vu \xe9tait l\xe0, o\xf9 il vit."),
            None
        );
        assert_eq!(guess_legacy(b"Stra\xdfe \xfcber die Br\xfccke"), None);
        // Vietnamese in UTF-8 is not mistaken for a legacy encoding.
        assert_eq!(guess_legacy(PARAGRAPH.as_bytes()), None);
        assert_eq!(guess_legacy(CAPITALS.as_bytes()), None);
    }

    #[test]
    fn mojibake_tcvn3() {
        let text = "Céng hoµ x· héi chñ nghÜa ViÖt Nam";
        assert_eq!(detect_mojibake(text), Some(LegacyEncoding::Tcvn3));
        assert_eq!(
            repair_text(text, LegacyEncoding::Tcvn3),
            "Cộng hoà xã hội chủ nghĩa Việt Nam"
        );
        let text = as_cp1252(PARAGRAPH_TCVN3);
        assert_eq!(detect_mojibake(&text), Some(LegacyEncoding::Tcvn3));
        assert_eq!(repair_text(&text, LegacyEncoding::Tcvn3), PARAGRAPH);
        // A heading typed in .VnTimeH: repaired with the case the bytes carry.
        let text = "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM";
        assert_eq!(detect_mojibake(text), Some(LegacyEncoding::Tcvn3));
        assert_eq!(
            repair_text(text, LegacyEncoding::Tcvn3),
            "CộNG HOà Xã HộI CHủ NGHĩA VIệT NAM"
        );
        // One word alone is not judged.
        assert_eq!(detect_mojibake("ViÖt"), None);
    }

    #[test]
    fn mojibake_vni() {
        assert_eq!(as_cp1252(b"Vie\xe4t Nam"), "Vieät Nam");
        assert_eq!(detect_mojibake("Vieät Nam"), Some(LegacyEncoding::Vni));
        assert_eq!(repair_text("Vieät Nam", LegacyEncoding::Vni), "Việt Nam");
        let text = as_cp1252(PARAGRAPH_VNI);
        assert!(text.starts_with("Hoäi nghò ñaõ thoâng qua keá hoaïch"));
        assert_eq!(detect_mojibake(&text), Some(LegacyEncoding::Vni));
        assert_eq!(repair_text(&text, LegacyEncoding::Vni), PARAGRAPH);
        let text = as_cp1252(SENTENCE_VNI);
        assert_eq!(detect_mojibake(&text), Some(LegacyEncoding::Vni));
        assert_eq!(repair_text(&text, LegacyEncoding::Vni), SENTENCE);
    }

    #[test]
    fn mojibake_cp1258() {
        let text = as_cp1252(PARAGRAPH_CP1258);
        assert_eq!(detect_mojibake(&text), Some(LegacyEncoding::Cp1258));
        assert_eq!(repair_text(&text, LegacyEncoding::Cp1258), PARAGRAPH);
    }

    #[test]
    fn the_lead_byte_prefilter_sees_every_foreign_char() {
        // Every char `foreign_to_vietnamese` accepts is found, alone and inside text.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let alone = c.to_string();
            assert_eq!(has_foreign_char(&alone), foreign_to_vietnamese(c), "{c:?}");
            if foreign_to_vietnamese(c) {
                assert!(has_foreign_char(&format!("Hội nghị {c}x")), "{c:?}");
            }
        }
        assert!(!has_foreign_char("Hội nghị “Đồng Tháp” – 15°C…"));
    }

    #[test]
    fn mojibake_does_not_fire_on_proper_text() {
        let texts = [
            PARAGRAPH,
            SENTENCE,
            CAPITALS,
            "Tôi là sinh viên, tôi ở Hà Nội.",
            "Le déjà-vu était là",
            "Après la réunion, les délégués ont approuvé le budget à l'unanimité, où chacun a pu s'exprimer.",
            "Straße über",
            "Die Sitzung wurde geschlossen, nachdem alle Mitglieder zugestimmt hatten. Grüße aus Köln.",
            "Þórður síðan",
            "Það var gott veður í gær og við fórum í sund.",
            "The committee met on Tuesday to review the budget report.",
            "El señor Muñoz habló con el niño.",
            "Ele não está aqui, mas a irmã está lá.",
            "très tôt",
            "tôt",
            "Le pays où il vit",
            "Raphaël et Moïse, un naïf aérien à l'hôtel, dû au coût du goût.",
            "où",
            "",
        ];
        for text in texts {
            assert_eq!(detect_mojibake(text), None, "{text}");
        }
    }

    #[test]
    fn repair_word_edges() {
        assert_eq!(
            repair_mojibake_word("ViÖt,", LegacyEncoding::Tcvn3).as_deref(),
            Some("Việt,")
        );
        assert_eq!(repair_mojibake_word("Nam", LegacyEncoding::Tcvn3), None);
        assert_eq!(repair_mojibake_word("Việt", LegacyEncoding::Tcvn3), None);
        assert_eq!(repair_mojibake_word("là", LegacyEncoding::Vni), None);
        assert_eq!(
            repair_mojibake_word("“ng\u{AD}êi”", LegacyEncoding::Tcvn3).as_deref(),
            Some("“người”")
        );
        assert_eq!(repair_mojibake_word("", LegacyEncoding::Vni), None);
        // A Latin-1 reading (C1 controls) maps back as well as a Windows-1252 one.
        assert_eq!(
            repair_mojibake_word("\u{93}x·\u{94}", LegacyEncoding::Tcvn3).as_deref(),
            Some("“xã”")
        );
    }
}
