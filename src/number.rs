//! Numbers as Vietnamese text writes them: in digits, in words, mixed, and
//! as Roman numerals.
//!
//! Callers are extractors scanning normalized text (NFC, single spaces). The
//! word readers compare case-insensitively and accept both spellings where
//! Vietnamese has two (`tỷ`/`tỉ`, `nghìn`/`ngàn`, `bảy`/`bẩy`, `lăm`/`nhăm`,
//! `linh`/`lẻ`, `khóa`/`khoá`, `quý`/`quí`, `kỳ`/`kì`, `thế kỷ`/`thế kỉ`).
//! A non-breaking space counts as a word separator like a plain space.
//!
//! # Digits
//!
//! Vietnamese notation groups thousands with `.` and writes the decimal point
//! as `,`: `17.279` is 17 279, `2.000.000` is two million, `1.234,5` is
//! 1 234.5 and `0,5` is one half. Choices on ambiguous input:
//!
//! * A single `.` followed by one or two digits is an English-style decimal
//!   point (`95.45`); followed by exactly three digits it groups thousands
//!   (`1.500` is 1 500), except after a lone `0` (`0.125` is 0.125: no grouped
//!   number starts with the group `0`). Anything else after a single dot
//!   (`1.2345`, `1234.567`) is ambiguous and is not read.
//! * `,` then `.` (`1,234.5`, English grouping) is not read.
//! * A leading zero is accepted on integer parts of at most three digits
//!   (`03`, `007`, as administrative documents write counts); longer ones
//!   (`0123`, `0912345678`) are codes or phone numbers and are not read.
//! * At most 19 decimal places; the integer part must fit `u64`.
//! * There is no sign: `-5` is read from the `5` on; the caller sees the `-`.
//! * [`scan_number`] reads the whole run of digits, `.` and `,`; a trailing
//!   `.` or `,` is sentence punctuation (`năm 2023.` gives 2023). A run that
//!   does not parse as a whole gives `None`, never a partial number
//!   (`15.3.2024`). A run glued to a letter (`12a`, `A12`), joined by `/` or
//!   `:` to another token (`15/3`, `12/NQ-CP`, `10:30`, `2:1`), or separated by
//!   a single space from another run of digits (`0912 345 678`, `2 000 000`)
//!   gives `None`.
//! * Context words before digits are not checked: `thứ 2` and `tháng 3` give
//!   2 and 3 (digits are unambiguous; the caller knows what they count).
//!
//! # Words
//!
//! `một` … `chín`, `mười`, `mươi`, `trăm`, `linh`/`lẻ`, `chục`, `nghìn`,
//! `triệu`, `tỷ` and `rưỡi` combine as usual (`một nghìn chín trăm chín mươi`
//! is 1 990, `hai triệu rưỡi` is 2 500 000, `một nghìn tỷ` is 10¹²). A
//! number in digits can take the same multiplier words (`1,5 triệu`,
//! `2 tỷ 300 triệu`, `5 chục`), which makes it [`NumberForm::Mixed`].
//! Choices:
//!
//! * `mốt` counts only after `mươi`; `tư` only after `mươi`, `mười` (`mười tư`
//!   is 14, as spoken) or `linh`/`lẻ` (`một trăm linh tư` is 104); `lăm`/`nhăm`
//!   only after `mươi`/`mười`; `rưỡi` only after `chục`, `trăm`, a
//!   multiplier (`nghìn`, `triệu`, `tỷ`) or a unit (below); `không` only as
//!   `không trăm` after a multiplier (`hai nghìn không trăm hai mươi ba` is
//!   2 023).
//! * `năm` is five only before `mươi`, `trăm`, `chục` or a multiplier, or after
//!   `linh`/`lẻ`; after `mươi`/`mười` only when a multiplier follows
//!   (`hai mươi năm nghìn` is 25 000). Elsewhere it is "year": `hai mươi năm`
//!   gives 20 ending before `năm`, `một trăm năm` gives 100, and a standalone
//!   `năm` (`năm 2023`, `năm nay`, even `năm người`) is never a number.
//! * A number never starts with `trăm`, `nghìn`, `triệu`, `tỷ`, `chục`,
//!   `mươi`, `nửa` (`hàng nghìn`, `nửa triệu` are not read).
//! * Not numbers: a number word right after `thứ` (weekdays and ordinals:
//!   `thứ hai`, `lần thứ ba`) or `tháng` (months: `tháng tư`, `tháng mười hai`);
//!   `một` in `một số`, `một cách`, `một trong`, `một khi`, `một vài`,
//!   `một chút`, `một ít`, `một mình`, `một loạt`, `một lúc`, `một nửa`,
//!   `một thời`, `một phần`, `một cửa`; `ba mẹ`, `ba má`, `ba hoa`,
//!   `chín chắn`, `chín muồi`. A capitalised (title-case) number word right
//!   after another word (`Nguyễn Văn Tư`, `anh Ba`, `quận Ba Đình`) or before
//!   a capitalised word that is not a number word (`Hai Bà Trưng`) is a name.
//!   All-capital text (`HAI TRIỆU`) is read.
//! * After a multiplier, a following word number below a thousand is added
//!   (`hai triệu năm trăm` is 2 000 500, the dictionary reading). A single
//!   unit word (2–9) closing the number before punctuation or the end of text
//!   is the spoken short form: `hai triệu ba.` is 2 300 000, `hai trăm ba.` is
//!   230, and `2 tỷ 3.` is 2 300 000 000. Otherwise the unit is left out
//!   (`hai triệu một tháng`, "two million a month", gives 2 000 000 ending
//!   after `triệu`), as is a bare run of digits after a multiplier
//!   (`2 triệu 500` gives 2 000 000: formal or short reading cannot be told).
//! * `rưỡi` right after a lone unit word or an integer in digits adds a half
//!   (`hai rưỡi` is 2.5, `12 rưỡi` is 12.5).
//! * Decimal words and fractions are not read: a number followed by `phẩy`
//!   (`hai phẩy năm`) or by `phần` and a number word (`hai phần ba`) gives
//!   `None` rather than a wrong value.
//!
//! # Roman numerals
//!
//! [`parse_roman`] takes canonical upper-case forms only (I..MMMCMXCIX).
//! [`scan_roman_ordinal`] reads one only right after one of: `khóa`, `Đại hội`,
//! `quý`, `phần`, `chương`, `mục`, `thứ` (so `lần thứ`, `kỳ họp thứ`),
//! `thế kỷ`, `kỳ`, `giai đoạn`, `phụ lục`, separated by exactly one space and
//! followed by a non-alphanumeric character or the end.
//!
//! # Example
//!
//! ```
//! use vietfacts::number::{NumberForm, Numeral, parse_numeral, parse_roman, scan_number};
//!
//! assert_eq!(parse_numeral("17.279"), Some(Numeral::Integer(17_279)));
//! assert_eq!(parse_numeral("1.234,5"), Some(Numeral::Decimal(1234.5)));
//! assert_eq!(parse_numeral("15.3.2024"), None);
//! assert_eq!(parse_roman("XIV"), Some(14));
//!
//! let text = "Tổng vốn 2 tỷ 300 triệu đồng.";
//! let found = text.find('2').and_then(|i| scan_number(text, i));
//! assert_eq!(
//!     found.map(|m| (m.value, m.form)),
//!     Some((Numeral::Integer(2_300_000_000), NumberForm::Mixed))
//! );
//! assert_eq!(found.and_then(|m| text.get(m.start..m.end)), Some("2 tỷ 300 triệu"));
//! ```

/// A number read from text.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Numeral {
    /// A whole number.
    Integer(u64),
    /// A number written with a decimal point (`1,5`, `1,0`), or a mixed or
    /// word number that is not whole (`1,23456789 triệu`, `hai rưỡi`).
    Decimal(f64),
}

impl Numeral {
    /// The value as a float (integers above 2⁵³ are rounded).
    #[must_use]
    pub fn as_f64(self) -> f64 {
        match self {
            Self::Integer(n) => n as f64,
            Self::Decimal(f) => f,
        }
    }

    /// The value as an integer: `Some` for [`Numeral::Integer`], and for a
    /// [`Numeral::Decimal`] with no fractional part that fits `u64`
    /// (`1,0` gives `Some(1)`).
    #[must_use]
    pub fn as_integer(self) -> Option<u64> {
        /// 2⁶⁴, exactly representable as a float.
        const LIMIT: f64 = 18_446_744_073_709_551_616.0;
        match self {
            Self::Integer(n) => Some(n),
            Self::Decimal(f) => ((0.0..LIMIT).contains(&f) && f.fract() == 0.0).then_some(f as u64),
        }
    }
}

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NumberForm {
    /// Only digits (`17.279`, `3,2`).
    Digits,
    /// Only words (`hai mươi mốt`).
    Words,
    /// Digits with multiplier words (`1,5 triệu`, `2 tỷ 300 triệu`).
    Mixed,
}

/// A number found in text: its value and where it ends.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct NumberMatch {
    /// The value read.
    pub value: Numeral,
    /// Byte offset where the number begins (the `start` asked for).
    pub start: usize,
    /// Byte offset just past the last character of the number (trailing
    /// punctuation excluded).
    pub end: usize,
    /// How it was written.
    pub form: NumberForm,
}

/// The whole string must be one numeral in digits, Vietnamese notation
/// (`.` groups thousands, `,` is the decimal point; see the module docs for
/// the ambiguous cases). A numeral written with a decimal point gives
/// [`Numeral::Decimal`] even when its fraction is zero.
///
/// ```
/// use vietfacts::number::{Numeral, parse_numeral};
/// assert_eq!(parse_numeral("2.000.000"), Some(Numeral::Integer(2_000_000)));
/// assert_eq!(parse_numeral("95,45"), Some(Numeral::Decimal(95.45)));
/// assert_eq!(parse_numeral("0912345678"), None);
/// ```
#[must_use]
pub fn parse_numeral(s: &str) -> Option<Numeral> {
    let (value, decimal) = parse_digits(s.as_bytes())?;
    value.to_numeral(decimal)
}

/// The number (digits, words, or mixed like `2 tỷ 300 triệu`, `1,5 triệu`)
/// that begins at byte `start` of `text`.
///
/// `None` when no number begins there, when `start` is out of range, not a
/// char boundary or inside a longer token, and in the cases the module docs
/// list. `text` is the whole text: the words before `start` are context
/// (`thứ hai` is not a number).
///
/// ```
/// use vietfacts::number::{Numeral, scan_number};
/// let text = "hơn hai trăm người";
/// let m = text.find("hai").and_then(|i| scan_number(text, i));
/// assert_eq!(m.map(|m| m.value), Some(Numeral::Integer(200)));
/// assert_eq!(m.and_then(|m| text.get(m.start..m.end)), Some("hai trăm"));
/// assert_eq!(scan_number(text, 0), None); // "hơn" is not a number
/// ```
#[must_use]
pub fn scan_number(text: &str, start: usize) -> Option<NumberMatch> {
    let before = text.get(..start)?;
    let first = text.get(start..)?.chars().next()?;
    if before
        .chars()
        .next_back()
        .is_some_and(crate::text::is_alnum)
    {
        return None;
    }
    // Most words are no number word: refuse them on the syllable itself before looking at
    // their context.
    let starts_ok = first.is_ascii_digit()
        || (crate::text::is_alpha(first)
            && syllable_at(text, start).is_some_and(|(s, _)| classify(s) != Wd::Other)
            && word_start_ok(text, before, start));
    if !starts_ok {
        return None;
    }
    let phrase = read_phrase(text, start)?;
    if fraction_follows(text, phrase.end) {
        return None;
    }
    let form = match (phrase.digits, phrase.words) {
        (true, false) => NumberForm::Digits,
        (false, _) => NumberForm::Words,
        (true, true) => NumberForm::Mixed,
    };
    let value = phrase
        .value
        .to_numeral(form == NumberForm::Digits && phrase.decimal)?;
    Some(NumberMatch {
        value,
        start,
        end: phrase.end,
        form,
    })
}

/// A Roman numeral in canonical upper-case form (I..MMMCMXCIX), the whole
/// string. `IIII`, `IC`, `iv` and the empty string give `None`.
///
/// ```
/// use vietfacts::number::parse_roman;
/// assert_eq!(parse_roman("MCMXC"), Some(1990));
/// assert_eq!(parse_roman("IIII"), None);
/// ```
#[must_use]
pub fn parse_roman(s: &str) -> Option<u32> {
    let mut rest = s;
    let mut total = 0;
    for place in ROMAN_PLACES {
        let found = place
            .iter()
            .find_map(|&(symbol, value)| rest.strip_prefix(symbol).map(|r| (r, value)));
        if let Some((r, value)) = found {
            rest = r;
            total += value;
        }
    }
    (rest.is_empty() && total > 0).then_some(total)
}

/// A Roman numeral used as an ordinal, beginning at byte `start`, right after
/// a word that uses them (`khóa XIII`, `Đại hội XIV`, `Quý II`, `lần thứ V`;
/// the list is in the module docs) and one space. The numeral must be
/// upper-case and canonical, and be followed by a non-alphanumeric character
/// or the end of text. Returns its value and the byte offset where it ends.
///
/// ```
/// use vietfacts::number::scan_roman_ordinal;
/// let text = "Quốc hội khóa XV.";
/// let start = text.find("XV").unwrap_or_default();
/// assert_eq!(scan_roman_ordinal(text, start), Some((15, start + 2)));
/// let name = "Nguyễn Văn V";
/// assert_eq!(scan_roman_ordinal(name, name.len() - 1), None);
/// ```
#[must_use]
pub fn scan_roman_ordinal(text: &str, start: usize) -> Option<(u32, usize)> {
    let rest = text.get(start..)?;
    let len = rest.bytes().take_while(|b| b"IVXLCDM".contains(b)).count();
    let numeral = rest.get(..len)?;
    if rest
        .get(len..)?
        .chars()
        .next()
        .is_some_and(crate::text::is_alnum)
    {
        return None;
    }
    let before = text.get(..start)?.strip_suffix(is_sep)?;
    let after_context = ROMAN_CONTEXT.iter().any(|word| {
        ends_with_ci(before, word).is_some_and(|at| {
            before
                .get(..at)
                .is_some_and(|b| !b.chars().next_back().is_some_and(crate::text::is_alnum))
        })
    });
    if !after_context {
        return None;
    }
    Some((parse_roman(numeral)?, start + len))
}

/// Where a number may start, judged in a few instructions so that a scanner can ask at every
/// byte of a text: [`NumberGate::may_begin`] on the byte, then [`NumberGate::may_start`] on
/// the word. Neither refuses a start where [`scan_number`] finds a number; a scanner calls
/// `scan_number` only where both say yes.
pub(crate) struct NumberGate {
    /// The bytes a number can start with: an ASCII digit, or an ASCII letter (in either case)
    /// that starts a number word.
    begins: [bool; 256],
    /// The number words (lower case) by their first two bytes: the row of the first letter
    /// (`a` to `z`) gives, for the second byte, the index of the words in `groups` (0: none).
    by_prefix: [[u8; 256]; 26],
    groups: Vec<Vec<&'static str>>,
}

impl NumberGate {
    /// The gate, built once.
    pub(crate) fn get() -> &'static NumberGate {
        static GATE: std::sync::LazyLock<NumberGate> = std::sync::LazyLock::new(|| {
            let mut by_prefix = [[0u8; 256]; 26];
            let mut groups: Vec<Vec<&'static str>> = vec![Vec::new()];
            let mut begins = [false; 256];
            for b in b'0'..=b'9' {
                if let Some(slot) = begins.get_mut(usize::from(b)) {
                    *slot = true;
                }
            }
            for (word, _) in WORDS {
                let [first, second, ..] = word.as_bytes() else {
                    continue;
                };
                let Some(row) = first
                    .checked_sub(b'a')
                    .and_then(|row| by_prefix.get_mut(usize::from(row)))
                else {
                    continue;
                };
                let Some(slot) = row.get_mut(usize::from(*second)) else {
                    continue;
                };
                if *slot == 0 {
                    *slot = u8::try_from(groups.len()).unwrap_or(0);
                    groups.push(Vec::new());
                }
                if let Some(group) = groups.get_mut(usize::from(*slot)) {
                    group.push(word);
                }
                for letter in [*first, first.to_ascii_uppercase()] {
                    if let Some(begin) = begins.get_mut(usize::from(letter)) {
                        *begin = true;
                    }
                }
            }
            NumberGate {
                begins,
                by_prefix,
                groups,
            }
        });
        &GATE
    }

    /// Whether a number can start with this byte of a text or of its lower-case copy.
    #[inline]
    pub(crate) fn may_begin(&self, byte: u8) -> bool {
        self.begins.get(usize::from(byte)).copied().unwrap_or(false)
    }

    /// Whether [`scan_number`] may find a number at byte `start` of `text`, judged on `lower`,
    /// the text's lower-case copy with every char at the same offset (`crate::text::lower`):
    /// an ASCII digit, or a word whose lower case is a number word (as `classify` reads one:
    /// the copy lower-cases every char a number word can be written with).
    pub(crate) fn may_start(&self, text: &str, lower: &str, start: usize) -> bool {
        let bytes = lower.as_bytes();
        let Some(&first) = bytes.get(start) else {
            return false;
        };
        if first.is_ascii_digit() {
            return true;
        }
        let second = bytes.get(start + 1).copied().unwrap_or(0);
        let group = first
            .checked_sub(b'a')
            .and_then(|row| self.by_prefix.get(usize::from(row)))
            .and_then(|row| row.get(usize::from(second)))
            .copied()
            .unwrap_or(0);
        let Some(words) = self.groups.get(usize::from(group)).filter(|_| group != 0) else {
            return false;
        };
        let rest = bytes.get(start..).unwrap_or_default();
        // The whole word, as `scan_number` cuts it, is the number word. (Words of a few bytes:
        // compared in line, most of them refused on their second byte.)
        words.iter().any(|word| {
            let word = word.as_bytes();
            rest.len() >= word.len()
                && word.iter().zip(rest).all(|(a, b)| a == b)
                && alnum_len_at(text, start + word.len()).is_none()
        })
    }
}

/// The first two bytes of every number word (lower case), as a bit set per first byte.
struct Prefixes {
    /// Bit `b` of row `a - b'a'`: a number word starts with the bytes `a`, `b`.
    rows: [[u64; 4]; 26],
}

impl Prefixes {
    fn contains(&self, first: u8, second: u8) -> bool {
        first
            .checked_sub(b'a')
            .and_then(|row| self.rows.get(usize::from(row)))
            .and_then(|row| row.get(usize::from(second / 64)))
            .is_some_and(|bits| bits & (1 << (second % 64)) != 0)
    }
}

static WORD_PREFIXES: std::sync::LazyLock<Prefixes> = std::sync::LazyLock::new(|| {
    let mut prefixes = Prefixes { rows: [[0; 4]; 26] };
    for (word, _) in WORDS {
        if let [first, second, ..] = word.as_bytes()
            && let Some(row) = first
                .checked_sub(b'a')
                .and_then(|row| prefixes.rows.get_mut(usize::from(row)))
            && let Some(bits) = row.get_mut(usize::from(second / 64))
        {
            *bits |= 1 << (second % 64);
        }
    }
    prefixes
});

/// No number word is longer than "không" or "triệu" in UTF-8.
const MAX_WORD_LEN: usize = 8;

// ---------------------------------------------------------------------------
// Tables

/// Canonical Roman numeral symbols by place, longest first where they share a
/// prefix.
const ROMAN_PLACES: [&[(&str, u32)]; 4] = [
    &[("MMM", 3000), ("MM", 2000), ("M", 1000)],
    &[
        ("CM", 900),
        ("CD", 400),
        ("DCCC", 800),
        ("DCC", 700),
        ("DC", 600),
        ("D", 500),
        ("CCC", 300),
        ("CC", 200),
        ("C", 100),
    ],
    &[
        ("XC", 90),
        ("XL", 40),
        ("LXXX", 80),
        ("LXX", 70),
        ("LX", 60),
        ("L", 50),
        ("XXX", 30),
        ("XX", 20),
        ("X", 10),
    ],
    &[
        ("IX", 9),
        ("IV", 4),
        ("VIII", 8),
        ("VII", 7),
        ("VI", 6),
        ("V", 5),
        ("III", 3),
        ("II", 2),
        ("I", 1),
    ],
];

/// Words after which a Roman numeral is an ordinal (lower case).
const ROMAN_CONTEXT: &[&str] = &[
    "khóa",
    "khoá",
    "đại hội",
    "quý",
    "quí",
    "phần",
    "chương",
    "mục",
    "thứ",
    "thế kỷ",
    "thế kỉ",
    "kỳ",
    "kì",
    "giai đoạn",
    "phụ lục",
];

/// Words after which a number word is an ordinal, a weekday or a month.
const ORDINAL_CONTEXT: &[&str] = &["thứ", "tháng"];

/// A number word followed by one of these words is not a number.
const NOT_NUMBER_AFTER: &[(&str, &[&str])] = &[
    (
        "một",
        &[
            "số", "cách", "trong", "khi", "vài", "chút", "ít", "mình", "loạt", "lúc", "nửa",
            "thời", "phần", "cửa",
        ],
    ),
    ("ba", &["mẹ", "má", "hoa"]),
    ("chín", &["chắn", "muồi"]),
];

/// What a syllable is to the number grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wd {
    /// một … chín, except năm.
    Unit(u8),
    /// năm: five or "year".
    Nam,
    /// mốt: one after mươi.
    Mot,
    /// tư: four after a tens word or linh.
    Tu,
    /// lăm/nhăm: five after a tens word.
    Lam,
    /// mười: ten.
    Muoi10,
    /// mươi: the tens marker.
    Muoi,
    /// chục: ten (as a multiplier).
    Chuc,
    /// trăm: hundred.
    Tram,
    /// nghìn/ngàn, triệu, tỷ/tỉ: a power of ten (the exponent).
    Scale(u32),
    /// linh/lẻ: "and zero tens".
    Linh,
    /// rưỡi: and a half.
    Ruoi,
    /// không: zero (only in `không trăm`).
    Khong,
    /// Anything else.
    Other,
}

/// The number words (lower case, NFC).
const WORDS: &[(&str, Wd)] = &[
    ("một", Wd::Unit(1)),
    ("hai", Wd::Unit(2)),
    ("ba", Wd::Unit(3)),
    ("bốn", Wd::Unit(4)),
    ("năm", Wd::Nam),
    ("sáu", Wd::Unit(6)),
    ("bảy", Wd::Unit(7)),
    ("bẩy", Wd::Unit(7)),
    ("tám", Wd::Unit(8)),
    ("chín", Wd::Unit(9)),
    ("mốt", Wd::Mot),
    ("tư", Wd::Tu),
    ("lăm", Wd::Lam),
    ("nhăm", Wd::Lam),
    ("mười", Wd::Muoi10),
    ("mươi", Wd::Muoi),
    ("chục", Wd::Chuc),
    ("trăm", Wd::Tram),
    ("nghìn", Wd::Scale(3)),
    ("ngàn", Wd::Scale(3)),
    ("triệu", Wd::Scale(6)),
    ("tỷ", Wd::Scale(9)),
    ("tỉ", Wd::Scale(9)),
    ("linh", Wd::Linh),
    ("lẻ", Wd::Linh),
    ("rưỡi", Wd::Ruoi),
    ("rưởi", Wd::Ruoi),
    ("không", Wd::Khong),
];

// ---------------------------------------------------------------------------
// Exact decimal arithmetic

/// The exact value `num / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Exact {
    num: u128,
    scale: u32,
}

impl Exact {
    const ZERO: Self = Self { num: 0, scale: 0 };

    fn int(n: u64) -> Self {
        Self {
            num: u128::from(n),
            scale: 0,
        }
    }

    /// `self × 10^e`.
    fn shift(self, e: u32) -> Option<Self> {
        match self.scale.checked_sub(e) {
            Some(scale) => Some(Self {
                num: self.num,
                scale,
            }),
            None => Some(Self {
                num: self.num.checked_mul(10u128.checked_pow(e - self.scale)?)?,
                scale: 0,
            }),
        }
    }

    /// The numerator at a scale at least `self.scale`.
    fn num_at(self, scale: u32) -> Option<u128> {
        self.num
            .checked_mul(10u128.checked_pow(scale.checked_sub(self.scale)?)?)
    }

    fn add(self, other: Self) -> Option<Self> {
        let scale = self.scale.max(other.scale);
        Some(Self {
            num: self.num_at(scale)?.checked_add(other.num_at(scale)?)?,
            scale,
        })
    }

    /// `self < 10^e`.
    fn lt_pow10(self, e: u32) -> bool {
        match e
            .checked_add(self.scale)
            .and_then(|p| 10u128.checked_pow(p))
        {
            Some(bound) => self.num < bound,
            // 10^39 exceeds every u128.
            None => true,
        }
    }

    fn normalized(mut self) -> Self {
        while self.scale > 0 && self.num.is_multiple_of(10) {
            self.num /= 10;
            self.scale -= 1;
        }
        self
    }

    /// `Integer` when whole (unless `keep_decimal`), else `Decimal`; `None`
    /// when the integer part overflows `u64`.
    fn to_numeral(self, keep_decimal: bool) -> Option<Numeral> {
        let n = self.normalized();
        // Most numbers are whole: no 128-bit division for them.
        let whole = match n.scale {
            0 => n.num,
            scale => n.num / 10u128.checked_pow(scale)?,
        };
        let int_part = u64::try_from(whole).ok()?;
        if n.scale == 0 && !keep_decimal {
            Some(Numeral::Integer(int_part))
        } else {
            Some(Numeral::Decimal(n.to_f64()))
        }
    }

    /// The nearest float: exact by one division when both operands are exact
    /// floats, else through the standard (correctly rounded) float parser.
    fn to_f64(self) -> f64 {
        let approx = self.num as f64 / 10f64.powi(i32::try_from(self.scale).unwrap_or(i32::MAX));
        if self.num < (1 << 53) && self.scale <= 22 {
            return approx;
        }
        decimal_text_to_f64(self.num, self.scale).unwrap_or(approx)
    }
}

/// Writes `num / 10^scale` as decimal text on the stack and parses it.
fn decimal_text_to_f64(num: u128, scale: u32) -> Option<f64> {
    let mut buf = [b'0'; 80];
    let mut pos = buf.len();
    let mut n = num;
    let mut written = 0u32;
    while n > 0 || written <= scale {
        if written == scale && scale > 0 {
            pos = pos.checked_sub(1)?;
            *buf.get_mut(pos)? = b'.';
        }
        pos = pos.checked_sub(1)?;
        *buf.get_mut(pos)? = b'0' + (n % 10) as u8;
        n /= 10;
        written += 1;
    }
    core::str::from_utf8(buf.get(pos..)?).ok()?.parse().ok()
}

// ---------------------------------------------------------------------------
// Digits

/// Digits with an optional leading-zero allowance: no dots, fits `u64`.
fn plain_int(p: &[u8]) -> Option<u64> {
    if p.is_empty() || (p.len() > 3 && p.first() == Some(&b'0')) {
        return None;
    }
    push_digits(0, p)
}

/// `acc` followed by the digits `p`.
fn push_digits(acc: u64, p: &[u8]) -> Option<u64> {
    p.iter().try_fold(acc, |acc, &b| {
        if !b.is_ascii_digit() {
            return None;
        }
        acc.checked_mul(10)?.checked_add(u64::from(b - b'0'))
    })
}

/// `1.234.567`: a first group of 1–3 digits not starting with 0, then groups
/// of exactly three.
fn grouped_int(p: &[u8]) -> Option<u64> {
    let mut acc = 0;
    for (i, group) in p.split(|&b| b == b'.').enumerate() {
        let ok = if i == 0 {
            (1..=3).contains(&group.len()) && group.first() != Some(&b'0')
        } else {
            group.len() == 3
        };
        if !ok {
            return None;
        }
        acc = push_digits(acc, group)?;
    }
    Some(acc)
}

/// An integer part, grouped or plain.
fn int_part(p: &[u8]) -> Option<u64> {
    if p.contains(&b'.') {
        grouped_int(p)
    } else {
        plain_int(p)
    }
}

/// `int` plus the fraction digits `frac` (1–19 digits).
fn with_fraction(int: u64, frac: &[u8]) -> Option<Exact> {
    if frac.is_empty() || frac.len() > 19 {
        return None;
    }
    let digits = push_digits(0, frac)?;
    let scale = u32::try_from(frac.len()).ok()?;
    let num = u128::from(int)
        .checked_mul(10u128.checked_pow(scale)?)?
        .checked_add(u128::from(digits))?;
    Some(Exact { num, scale })
}

/// A whole token of digits, `.` and `,`; the flag tells whether it has a
/// decimal point.
fn parse_digits(s: &[u8]) -> Option<(Exact, bool)> {
    // Most numbers are a plain run of digits.
    if s.iter().all(u8::is_ascii_digit) {
        return Some((Exact::int(plain_int(s)?), false));
    }
    if !s
        .iter()
        .all(|&b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let mut halves = s.split(|&b| b == b',');
    let int = halves.next()?;
    let frac = halves.next();
    if halves.next().is_some() {
        return None;
    }
    if let Some(frac) = frac {
        return Some((with_fraction(int_part(int)?, frac)?, true));
    }
    let mut dots = int.split(|&b| b == b'.');
    let (Some(a), Some(b), None) = (dots.next(), dots.next(), dots.next()) else {
        // No dot, or several: a plain or grouped integer.
        return Some((Exact::int(int_part(int)?), false));
    };
    if b.len() == 3 && (1..=3).contains(&a.len()) && a.first() != Some(&b'0') {
        Some((Exact::int(grouped_int(int)?), false))
    } else if a == b"0" || (1..=2).contains(&b.len()) {
        Some((with_fraction(plain_int(a)?, b)?, true))
    } else {
        None
    }
}

/// A digit token read by [`scan_number`].
struct DigitTok {
    value: Exact,
    decimal: bool,
    end: usize,
    /// The digit, when the token is a single digit.
    single: Option<u64>,
}

/// The token of digits beginning at `start`, with the boundary rules of the
/// module docs.
fn digit_token(text: &str, start: usize) -> Option<DigitTok> {
    let bytes = text.as_bytes();
    if !bytes.get(start)?.is_ascii_digit() {
        return None;
    }
    let mut back = text.get(..start)?.chars().rev();
    match back.next() {
        Some(c) if crate::text::is_alnum(c) => return None,
        Some('.' | ',') if back.next().is_some_and(|c| c.is_ascii_digit()) => return None,
        Some('/' | ':') if back.next().is_some_and(crate::text::is_alnum) => return None,
        Some(c) if is_sep(c) && back.next().is_some_and(|c| c.is_ascii_digit()) => return None,
        _ => {}
    }
    let run = bytes
        .get(start..)?
        .iter()
        .take_while(|&&b| b.is_ascii_digit() || b == b'.' || b == b',')
        .count();
    let run_end = start + run;
    let mut end = run_end;
    while end > start && matches!(bytes.get(end - 1), Some(b'.' | b',')) {
        end -= 1;
    }
    if end == run_end {
        let mut after = text.get(run_end..)?.chars();
        match after.next() {
            Some(c) if crate::text::is_alnum(c) => return None,
            Some('/' | ':') if after.next().is_some_and(crate::text::is_alnum) => return None,
            Some(c) if is_sep(c) && after.next().is_some_and(|c| c.is_ascii_digit()) => {
                return None;
            }
            _ => {}
        }
    }
    let token = bytes.get(start..end)?;
    let (value, decimal) = parse_digits(token)?;
    let single = match token {
        [d] => Some(u64::from(d.wrapping_sub(b'0'))),
        _ => None,
    };
    Some(DigitTok {
        value,
        decimal,
        end,
        single,
    })
}

// ---------------------------------------------------------------------------
// Syllables

/// `c` lower-cased is `lower` (every Vietnamese letter lower-cases to one
/// char).
fn lower_is(c: char, lower: char) -> bool {
    if c == lower {
        return true;
    }
    let mut l = c.to_lowercase();
    l.next() == Some(lower) && l.next().is_none()
}

use crate::text::eq_lower as eq_ci;

/// Where `hay` ends with the lower-case `needle`, ignoring case.
fn ends_with_ci(hay: &str, needle: &str) -> Option<usize> {
    let mut h = hay.char_indices().rev();
    let mut at = hay.len();
    for n in needle.chars().rev() {
        let (i, c) = h.next()?;
        if !lower_is(c, n) {
            return None;
        }
        at = i;
    }
    Some(at)
}

fn is_sep(c: char) -> bool {
    c == ' ' || c == '\u{a0}'
}

/// First letter upper-case, no other.
fn is_titlecase(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(char::is_uppercase) && !cs.any(char::is_uppercase)
}

/// The number words by their lower-case spelling: one hash lookup for the lower-case words
/// that make up most of a text, instead of a comparison with every number word.
static WORD_INDEX: std::sync::LazyLock<crate::text::fxhash::FxHashMap<&'static str, Wd>> =
    std::sync::LazyLock::new(|| WORDS.iter().copied().collect());

fn classify(syllable: &str) -> Wd {
    if syllable.len() > MAX_WORD_LEN || syllable.is_empty() {
        return Wd::Other;
    }
    if !may_be_number_word(syllable.as_bytes()) {
        return Wd::Other;
    }
    let first = syllable.as_bytes().first().copied().unwrap_or(0);
    if let Some(&kind) = WORD_INDEX.get(syllable) {
        return kind;
    }
    // Not found as written: a word that starts with a lower-case ASCII letter cannot be one
    // in another case either (the same rule as `eq_ci`); the rest ("Hai", "HAI") are looked
    // up in lower case. `lower_same_len` keeps a char whose lower case has another length
    // (the Kelvin sign) as it is, so such a word is no number word; nor is it for `eq_ci`,
    // which wants the lengths equal.
    if first.is_ascii_lowercase() {
        return Wd::Other;
    }
    let mut lower = [0u8; MAX_WORD_LEN];
    let mut len = 0;
    for c in syllable.chars() {
        let small = crate::text::lower::lower_same_len(c);
        let Some(slot) = lower.get_mut(len..len + small.len_utf8()) else {
            return Wd::Other;
        };
        small.encode_utf8(slot);
        len += small.len_utf8();
    }
    lower
        .get(..len)
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
        .and_then(|word| WORD_INDEX.get(word))
        .copied()
        .unwrap_or(Wd::Other)
}

/// The alphanumeric run beginning at `pos`, and its end.
fn syllable_at(text: &str, pos: usize) -> Option<(&str, usize)> {
    let mut end = pos;
    while let Some(len) = alnum_len_at(text, end) {
        end += len;
    }
    if end == pos {
        return None;
    }
    Some((text.get(pos..end)?, end))
}

/// The UTF-8 length of the char at byte `pos` of `text` when it is a letter or a digit
/// (`crate::text::is_alnum`); `None` for any other char, past the end, or inside a char. The
/// Latin letters Vietnamese is written in are told from their first bytes, without decoding.
#[inline(always)]
pub(crate) fn alnum_len_at(text: &str, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let first = *bytes.get(pos)?;
    if first.is_ascii() {
        return first.is_ascii_alphanumeric().then_some(1);
    }
    match (first, bytes.get(pos + 1).copied().unwrap_or(0)) {
        // U+00C0..U+024F but "×" and "÷".
        (0xC3, second) => (second != 0x97 && second != 0xB7).then_some(2),
        (0xC4..=0xC8, _) | (0xC9, 0x80..=0x8F) => Some(2),
        // U+1E00..U+1EFF: the Vietnamese letters with a tone mark, among others.
        (0xE1, 0xB8..=0xBB) => Some(3),
        _ => decoded_alnum_len(text.get(pos..)?.chars().next()),
    }
}

/// The UTF-8 length of the char that ends at byte `end` of `text` when it is a letter or a
/// digit ([`alnum_len_at`]); `None` for any other char, at the start, or inside a char.
#[inline(always)]
pub(crate) fn alnum_len_before(text: &str, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let last = *bytes.get(end.checked_sub(1)?)?;
    if last.is_ascii() {
        return last.is_ascii_alphanumeric().then_some(1);
    }
    if !text.is_char_boundary(end) {
        return None;
    }
    let before = |back: usize| end.checked_sub(back).and_then(|i| bytes.get(i)).copied();
    match (before(3), before(2), last) {
        (_, Some(0xC3), _) => (last != 0x97 && last != 0xB7).then_some(2),
        (_, Some(0xC4..=0xC8), _) => Some(2),
        (Some(0xE1), Some(0xB8..=0xBB), _) => Some(3),
        _ => decoded_alnum_len(text.get(..end)?.chars().next_back()),
    }
}

/// The UTF-8 length of `c` when it is a letter or a digit.
fn decoded_alnum_len(c: Option<char>) -> Option<usize> {
    c.filter(|&c| crate::text::is_alnum(c)).map(char::len_utf8)
}

/// Whether a word whose UTF-8 starts with `bytes` may be a number word in some case: its
/// first two bytes, ASCII letters lower-cased, start a number word. (A capital Vietnamese
/// letter has the first byte of its small letter, and no other char lower-cases to one.)
fn may_be_number_word(bytes: &[u8]) -> bool {
    match bytes {
        [first, second, ..] => {
            WORD_PREFIXES.contains(first.to_ascii_lowercase(), second.to_ascii_lowercase())
        }
        _ => false,
    }
}

/// Where the next token begins, when exactly one separator follows `end`.
fn after_sep(text: &str, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let next = match (bytes.get(end)?, bytes.get(end + 1)) {
        (b' ', _) => end + 1,
        (0xC2, Some(0xA0)) => end + 2,
        _ => return None,
    };
    alnum_len_at(text, next).map(|_| next)
}

/// The number word after one separator following `end`: its kind and end (`None` for any
/// other word).
fn next_word(text: &str, end: usize) -> Option<(Wd, usize)> {
    let start = after_sep(text, end)?;
    // Most words are no number word: refuse them on their first two bytes.
    if !may_be_number_word(text.as_bytes().get(start..).unwrap_or_default()) {
        return None;
    }
    let (syllable, e) = syllable_at(text, start)?;
    let kind = classify(syllable);
    (kind != Wd::Other).then_some((kind, e))
}

/// The word ending right before the separator that ends `before`.
fn prev_word(before: &str) -> Option<&str> {
    let b = before.strip_suffix(is_sep)?;
    let (at, _) = b
        .char_indices()
        .rev()
        .take_while(|&(_, c)| crate::text::is_alnum(c))
        .last()?;
    b.get(at..)
}

/// End of text, or punctuation (not a letter, digit or space) at `end`.
fn terminator_ok(text: &str, end: usize) -> bool {
    match text.get(end..).and_then(|r| r.chars().next()) {
        None => true,
        Some(c) => !crate::text::is_alnum(c) && !c.is_whitespace(),
    }
}

/// `phẩy` (decimal point in words: `hai phẩy năm`) or a fraction (`hai phần
/// ba`) after `end`: the number read so far would be wrong.
fn fraction_follows(text: &str, end: usize) -> bool {
    let Some(start) = after_sep(text, end) else {
        return false;
    };
    // Both words start with "p", which no other char lower-cases to.
    if !matches!(text.as_bytes().get(start), Some(b'p' | b'P')) {
        return false;
    }
    let Some((syllable, e)) = syllable_at(text, start) else {
        return false;
    };
    eq_ci(syllable, "phẩy")
        || (eq_ci(syllable, "phần")
            && matches!(
                next_word(text, e),
                Some((Wd::Unit(_) | Wd::Nam | Wd::Tu | Wd::Muoi10, _))
            ))
}

/// The context checks for a number word beginning at `start`.
fn word_start_ok(text: &str, before: &str, start: usize) -> bool {
    let Some((syllable, end)) = syllable_at(text, start) else {
        return false;
    };
    let prev = prev_word(before);
    if prev.is_some_and(|p| ORDINAL_CONTEXT.iter().any(|w| eq_ci(p, w))) {
        return false;
    }
    let next = after_sep(text, end).and_then(|p| syllable_at(text, p));
    if is_titlecase(syllable) {
        if prev.is_some_and(|p| p.chars().next_back().is_some_and(crate::text::is_alpha)) {
            return false;
        }
        if next.is_some_and(|(n, _)| is_titlecase(n) && classify(n) == Wd::Other) {
            return false;
        }
    }
    if let Some((n, _)) = next {
        let collocation = NOT_NUMBER_AFTER
            .iter()
            .any(|(w, list)| eq_ci(syllable, w) && list.iter().any(|x| eq_ci(n, x)));
        if collocation {
            return false;
        }
    }
    true
}

// ---------------------------------------------------------------------------
// Word grammar

/// How an amount (the part before a multiplier) was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One unit word (not năm) or one digit.
    Single(u64),
    /// A word number with tens, hundreds or a teen.
    Structured,
    /// Anything else.
    Other,
}

/// A number below a thousand in words, or a run of digits, possibly with
/// `chục`/`trăm` (and `rưỡi`) after the digits.
#[derive(Debug, Clone, Copy)]
struct Amount {
    value: Exact,
    end: usize,
    kind: Kind,
    /// Ends with `rưỡi`: nothing may follow.
    closed: bool,
    digits: bool,
    words: bool,
    decimal: bool,
}

impl Amount {
    fn words(value: u64, end: usize, kind: Kind, closed: bool) -> Self {
        Self {
            value: Exact::int(value),
            end,
            kind,
            closed,
            digits: false,
            words: true,
            decimal: false,
        }
    }
}

fn read_amount(text: &str, pos: usize, later: bool) -> Option<Amount> {
    let first = text.get(pos..)?.chars().next()?;
    if first.is_ascii_digit() {
        digit_amount(text, pos)
    } else {
        word_amount(text, pos, later)
    }
}

fn digit_amount(text: &str, pos: usize) -> Option<Amount> {
    let token = digit_token(text, pos)?;
    let mut amount = Amount {
        value: token.value,
        end: token.end,
        kind: token.single.map_or(Kind::Other, Kind::Single),
        closed: false,
        digits: true,
        words: false,
        decimal: token.decimal,
    };
    let sub = match next_word(text, token.end) {
        Some((Wd::Chuc, e)) => Some((1, 5, e)),
        Some((Wd::Tram, e)) => Some((2, 50, e)),
        _ => None,
    };
    if let Some((exponent, half, e)) = sub {
        amount.value = amount.value.shift(exponent)?;
        amount.end = e;
        amount.kind = Kind::Other;
        amount.words = true;
        if let Some((Wd::Ruoi, r)) = next_word(text, e) {
            amount.value = amount.value.add(Exact::int(half))?;
            amount.end = r;
            amount.closed = true;
        }
    }
    Some(amount)
}

/// A word number below a thousand beginning at `pos`. `later`: after a
/// multiplier, where `không trăm` is allowed.
fn word_amount(text: &str, pos: usize, later: bool) -> Option<Amount> {
    let (syllable, e1) = syllable_at(text, pos)?;
    let w1 = classify(syllable);
    let lead: u64 = match w1 {
        Wd::Unit(u) => u64::from(u),
        Wd::Nam => 5,
        Wd::Khong if later => 0,
        Wd::Muoi10 => {
            let (value, end) = teen(text, e1);
            return Some(Amount::words(value, end, Kind::Structured, false));
        }
        _ => return None,
    };
    match next_word(text, e1) {
        Some((Wd::Tram, e2)) => {
            let hundreds = lead * 100;
            if let Some((rest, e3)) = after_hundred(text, e2) {
                let value = hundreds + rest;
                return (value > 0).then_some(Amount::words(value, e3, Kind::Structured, false));
            }
            if lead == 0 {
                return None;
            }
            if let Some((Wd::Ruoi, e3)) = next_word(text, e2) {
                return Some(Amount::words(hundreds + 50, e3, Kind::Structured, true));
            }
            Some(Amount::words(hundreds, e2, Kind::Structured, false))
        }
        Some((Wd::Muoi, e2)) if lead >= 2 => {
            let (unit, end) = unit_after_tens(text, e2, true).unwrap_or((0, e2));
            Some(Amount::words(
                lead * 10 + unit,
                end,
                Kind::Structured,
                false,
            ))
        }
        Some((Wd::Chuc, e2)) if lead >= 1 => {
            if let Some((Wd::Ruoi, e3)) = next_word(text, e2) {
                return Some(Amount::words(lead * 10 + 5, e3, Kind::Structured, true));
            }
            Some(Amount::words(lead * 10, e2, Kind::Structured, false))
        }
        Some((Wd::Scale(_), _)) if lead >= 1 => {
            let kind = if w1 == Wd::Nam {
                Kind::Other
            } else {
                Kind::Single(lead)
            };
            Some(Amount::words(lead, e1, kind, false))
        }
        _ => match w1 {
            Wd::Unit(_) => Some(Amount::words(lead, e1, Kind::Single(lead), false)),
            _ => None,
        },
    }
}

/// True when a multiplier word follows `end`.
fn scale_follows(text: &str, end: usize) -> bool {
    matches!(next_word(text, end), Some((Wd::Scale(_), _)))
}

/// The unit after `mươi` (`allow_mot`) or `mười`.
fn unit_after_tens(text: &str, end: usize, allow_mot: bool) -> Option<(u64, usize)> {
    let (w, e) = next_word(text, end)?;
    let unit = match w {
        Wd::Unit(u) => u64::from(u),
        Wd::Mot if allow_mot => 1,
        Wd::Tu => 4,
        Wd::Lam => 5,
        Wd::Nam if scale_follows(text, e) => 5,
        _ => return None,
    };
    Some((unit, e))
}

/// `mười` (ending at `end`) and its unit.
fn teen(text: &str, end: usize) -> (u64, usize) {
    match unit_after_tens(text, end, false) {
        Some((unit, e)) => (10 + unit, e),
        None => (10, end),
    }
}

/// The unit after `linh`/`lẻ` (ending at `end`).
fn linh_unit(text: &str, end: usize) -> Option<(u64, usize)> {
    match next_word(text, end)? {
        (Wd::Unit(u), e) => Some((u64::from(u), e)),
        (Wd::Nam, e) => Some((5, e)),
        (Wd::Tu, e) => Some((4, e)),
        _ => None,
    }
}

/// What follows `trăm` (ending at `end`): tens and units.
fn after_hundred(text: &str, end: usize) -> Option<(u64, usize)> {
    let (w, e) = next_word(text, end)?;
    let tens = match w {
        Wd::Linh => return linh_unit(text, e),
        Wd::Muoi10 => return Some(teen(text, e)),
        Wd::Unit(u) => u64::from(u),
        Wd::Nam => 5,
        _ => return None,
    };
    match next_word(text, e) {
        Some((Wd::Muoi, e2)) if tens >= 2 => {
            let (unit, e3) = unit_after_tens(text, e2, true).unwrap_or((0, e2));
            Some((tens * 10 + unit, e3))
        }
        // The spoken short form "hai trăm ba" = 230, only closing the number.
        _ if w != Wd::Nam && tens >= 2 && terminator_ok(text, e) => Some((tens * 10, e)),
        _ => None,
    }
}

/// A number read by [`read_phrase`].
struct Phrase {
    value: Exact,
    end: usize,
    digits: bool,
    words: bool,
    /// The first token is digits with a decimal point.
    decimal: bool,
}

/// Groups of amount and multipliers, descending (`2 tỷ 300 triệu`) or
/// stacked (`hai nghìn ba trăm tỷ`, `một nghìn tỷ`).
fn read_phrase(text: &str, start: usize) -> Option<Phrase> {
    let first = read_amount(text, start, false)?;
    let mut phrase = Phrase {
        value: first.value,
        end: first.end,
        digits: first.digits,
        words: first.words,
        decimal: first.decimal,
    };
    let mut total = Exact::ZERO;
    // Smallest multiplier exponent applied so far, and the largest.
    let mut min_e = u32::MAX;
    let mut top_e = 0;
    let mut grouped = false;
    let mut amount = first;
    loop {
        // The number word after the amount, looked up once for a multiplier or "rưỡi".
        let after = next_word(text, amount.end);
        let scale = match after {
            Some((Wd::Scale(e), end)) if !amount.closed => Some((e, end)),
            _ => None,
        };
        let Some((e, scale_end)) = scale else {
            if grouped {
                let tail = match amount.kind {
                    Kind::Structured => Some(amount.value),
                    Kind::Single(u) if u >= 2 && terminator_ok(text, amount.end) => {
                        Some(Exact::int(u).shift(min_e.saturating_sub(1))?)
                    }
                    _ => None,
                };
                if let Some(tail) = tail {
                    phrase.value = total.add(tail)?;
                    phrase.end = amount.end;
                    phrase.digits |= amount.digits;
                }
            } else if !amount.closed
                && !amount.decimal
                && (matches!(amount.kind, Kind::Single(_)) || (amount.digits && !amount.words))
                && let Some((Wd::Ruoi, end)) = after
            {
                // "hai rưỡi", "12 rưỡi": and a half.
                phrase.value = amount.value.add(Exact { num: 5, scale: 1 })?;
                phrase.end = end;
                phrase.words = true;
            }
            return Some(phrase);
        };
        let contribution = amount.value.shift(e)?;
        if e < min_e && (min_e == u32::MAX || contribution.lt_pow10(min_e)) {
            total = total.add(contribution)?;
            min_e = e;
            top_e = top_e.max(e);
        } else if grouped && e > top_e {
            total = total.add(amount.value)?.shift(e)?;
            min_e = e;
            top_e = e;
        } else {
            return Some(phrase);
        }
        grouped = true;
        phrase.end = scale_end;
        phrase.words = true;
        phrase.digits |= amount.digits;
        let mut last_e = e;
        while let Some((Wd::Scale(e2), end2)) = next_word(text, phrase.end) {
            if e2 <= top_e {
                break;
            }
            total = total.shift(e2)?;
            min_e = e2;
            top_e = e2;
            last_e = e2;
            phrase.end = end2;
        }
        phrase.value = total;
        match next_word(text, phrase.end) {
            Some((Wd::Ruoi, end)) => {
                phrase.value = total.add(Exact::int(5).shift(last_e.saturating_sub(1))?)?;
                phrase.end = end;
                return Some(phrase);
            }
            Some((Wd::Linh, end)) => {
                if let Some((unit, end)) = linh_unit(text, end) {
                    phrase.value = total.add(Exact::int(unit))?;
                    phrase.end = end;
                }
                return Some(phrase);
            }
            _ => {}
        }
        let Some(next) = after_sep(text, phrase.end) else {
            return Some(phrase);
        };
        match read_amount(text, next, true) {
            Some(a) => amount = a,
            None => return Some(phrase),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const I: fn(u64) -> Numeral = Numeral::Integer;
    const D: fn(f64) -> Numeral = Numeral::Decimal;

    /// The text with its `|` marker removed, and the marker's byte offset.
    fn at_marker(case: &str) -> (String, usize) {
        let Some(at) = case.find('|') else {
            panic!("no | marker in {case:?}");
        };
        (case.replacen('|', "", 1), at)
    }

    #[test]
    fn digits_table() {
        let cases: &[(&str, Option<Numeral>)] = &[
            ("17.279", Some(I(17_279))),
            ("2.000.000", Some(I(2_000_000))),
            ("95,45", Some(D(95.45))),
            ("1.234,5", Some(D(1234.5))),
            ("0,5", Some(D(0.5))),
            ("100", Some(I(100))),
            ("03", Some(I(3))),
            ("007", Some(I(7))),
            ("0", Some(I(0))),
            ("2023", Some(I(2023))),
            ("95.45", Some(D(95.45))),
            ("12.3", Some(D(12.3))),
            ("1.500", Some(I(1500))),
            ("0.5", Some(D(0.5))),
            ("0.125", Some(D(0.125))),
            ("1234,5", Some(D(1234.5))),
            ("1.000,50", Some(D(1000.5))),
            ("12.345.678,9", Some(D(12_345_678.9))),
            ("1,0", Some(D(1.0))),
            ("1.234.567.890", Some(I(1_234_567_890))),
            ("18446744073709551615", Some(I(u64::MAX))),
            ("18.446.744.073.709.551.615", Some(I(u64::MAX))),
            ("0,1234567890123456789", Some(D(0.123_456_789_012_345_68))),
            // Must not parse.
            ("1.23.4", None),
            ("12,", None),
            (",5", None),
            ("1..2", None),
            ("1.2345", None),
            ("1234.567", None),
            ("0912345678", None),
            ("0912.345.678", None),
            ("0912 345 678", None),
            ("0123", None),
            ("15.3.2024", None),
            ("1,2,3", None),
            ("1,2.3", None),
            ("1,234.5", None),
            ("", None),
            ("abc", None),
            ("12a", None),
            ("1.", None),
            (".5", None),
            ("0.", None),
            (" 12", None),
            ("12 ", None),
            ("-5", None),
            ("+5", None),
            ("18446744073709551616", None),
            ("99.999.999.999.999.999.999", None),
            ("0,12345678901234567890", None),
            ("０１２", None),
        ];
        assert!(cases.len() >= 30);
        for &(input, expected) in cases {
            assert_eq!(parse_numeral(input), expected, "parse_numeral({input:?})");
        }
    }

    #[test]
    fn words_table() {
        // `|` marks `start`; expected value and the matched text.
        let cases: &[(&str, Option<(u64, &str)>)] = &[
            ("|một", Some((1, "một"))),
            ("|chín", Some((9, "chín"))),
            ("|mười", Some((10, "mười"))),
            ("|mười một", Some((11, "mười một"))),
            ("|hai mươi", Some((20, "hai mươi"))),
            ("|hai mươi mốt", Some((21, "hai mươi mốt"))),
            ("|hai mươi một", Some((21, "hai mươi một"))),
            ("|mười lăm", Some((15, "mười lăm"))),
            ("|hai mươi tư", Some((24, "hai mươi tư"))),
            ("|mười tư", Some((14, "mười tư"))),
            ("|hai mươi lăm", Some((25, "hai mươi lăm"))),
            ("|ba mươi nhăm", Some((35, "ba mươi nhăm"))),
            ("|một trăm linh năm", Some((105, "một trăm linh năm"))),
            ("|một trăm lẻ năm", Some((105, "một trăm lẻ năm"))),
            ("|một trăm linh tư", Some((104, "một trăm linh tư"))),
            ("|một trăm mười lăm", Some((115, "một trăm mười lăm"))),
            ("|ba nghìn", Some((3000, "ba nghìn"))),
            ("|hai ngàn", Some((2000, "hai ngàn"))),
            ("|năm chục", Some((50, "năm chục"))),
            ("|hai triệu rưỡi", Some((2_500_000, "hai triệu rưỡi"))),
            ("|một tỷ", Some((1_000_000_000, "một tỷ"))),
            ("|một tỉ", Some((1_000_000_000, "một tỉ"))),
            ("|hai trăm năm mươi", Some((250, "hai trăm năm mươi"))),
            (
                "|một nghìn chín trăm chín mươi",
                Some((1990, "một nghìn chín trăm chín mươi")),
            ),
            (
                "|hai nghìn không trăm hai mươi ba",
                Some((2023, "hai nghìn không trăm hai mươi ba")),
            ),
            ("|hai nghìn lẻ một", Some((2001, "hai nghìn lẻ một"))),
            (
                "|chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
                Some((
                    999_999,
                    "chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
                )),
            ),
            (
                "|hai nghìn ba trăm tỷ",
                Some((2_300_000_000_000, "hai nghìn ba trăm tỷ")),
            ),
            ("|một nghìn tỷ", Some((1_000_000_000_000, "một nghìn tỷ"))),
            (
                "|hai tỷ năm trăm triệu",
                Some((2_500_000_000, "hai tỷ năm trăm triệu")),
            ),
            ("|ba trăm nghìn", Some((300_000, "ba trăm nghìn"))),
            ("|sáu chục nghìn", Some((60_000, "sáu chục nghìn"))),
            ("|hai trăm rưỡi", Some((250, "hai trăm rưỡi"))),
            ("|một chục rưỡi", Some((15, "một chục rưỡi"))),
            ("|hai mươi năm nghìn", Some((25_000, "hai mươi năm nghìn"))),
            ("|năm mươi", Some((50, "năm mươi"))),
            ("|năm trăm", Some((500, "năm trăm"))),
            ("|năm nghìn", Some((5000, "năm nghìn"))),
            ("|năm triệu người", Some((5_000_000, "năm triệu"))),
            ("|hai mươi năm qua", Some((20, "hai mươi"))),
            ("|mười năm", Some((10, "mười"))),
            ("|một trăm năm", Some((100, "một trăm"))),
            ("|ba năm", Some((3, "ba"))),
            ("|hai triệu ba.", Some((2_300_000, "hai triệu ba"))),
            ("|hai trăm ba", Some((230, "hai trăm ba"))),
            ("|hai triệu một tháng", Some((2_000_000, "hai triệu"))),
            ("|hai triệu ba người", Some((2_000_000, "hai triệu"))),
            ("|năm nghìn ba nghìn", Some((5000, "năm nghìn"))),
            ("hơn |hai trăm người", Some((200, "hai trăm"))),
            ("tổng |bốn mươi chín đại biểu", Some((49, "bốn mươi chín"))),
            ("năm |hai nghìn", Some((2000, "hai nghìn"))),
            ("|Hai đại biểu", Some((2, "Hai"))),
            ("|Mười hai người", Some((12, "Mười hai"))),
            ("|HAI TRIỆU", Some((2_000_000, "HAI TRIỆU"))),
            ("|bảy", Some((7, "bảy"))),
            ("|bẩy", Some((7, "bẩy"))),
            ("(|hai)", Some((2, "hai"))),
            ("|hai\u{a0}mươi", Some((20, "hai\u{a0}mươi"))),
            ("|hai phần", Some((2, "hai"))),
            ("một trong |hai", Some((2, "hai"))),
            // Not numbers.
            ("|một trong hai", None),
            ("|một khi", None),
            ("|một chút", None),
            ("|một mình", None),
            ("|ba má", None),
            ("|chín muồi", None),
            ("|Ba Vì", None),
            ("|Triệu Thị Trinh", None),
            ("hàng |trăm", None),
            ("|triệu người", None),
            ("|ngàn", None),
            ("|chục", None),
            ("|lẻ", None),
            ("|rưởi", None),
            ("|mấy chục", None),
            ("|vài trăm", None),
            ("|phẩy năm", None),
            ("thứ |hai mươi", None),
            ("tháng |Mười", None),
            ("THỨ |HAI", None),
            ("|hai phẩy năm", None),
            ("|hai phần ba", None),
            ("|một phần tư", None),
            ("thứ |hai", None),
            ("thứ |Ba", None),
            ("Thứ |Hai", None),
            ("thứ |tư", None),
            ("thứ |năm", None),
            ("lần thứ |hai", None),
            ("thứ |mười", None),
            ("tháng |tư", None),
            ("tháng |hai", None),
            ("tháng |Giêng", None),
            ("tháng |mười hai", None),
            ("|một số đại biểu", None),
            ("|Một số ý kiến", None),
            ("|một cách", None),
            ("|một vài", None),
            ("|một nửa", None),
            ("ông Nguyễn Văn |Tư", None),
            ("ông Lê Văn |Hai", None),
            ("anh |Ba nói", None),
            ("|Hai Bà Trưng", None),
            ("quận |Ba Đình", None),
            ("k|hai mạc", None),
            ("|khai mạc", None),
            ("|bao nhiêu", None),
            ("|năm 2023", None),
            ("|năm nay", None),
            ("|năm người", None),
            ("|năm năm", None),
            ("|hơn hai trăm", None),
            ("|tư", None),
            ("|mốt", None),
            ("|lăm", None),
            ("|nhăm", None),
            ("|rưỡi", None),
            ("|mươi", None),
            ("|linh", None),
            ("|trăm người", None),
            ("hàng |nghìn", None),
            ("|tỷ", None),
            ("|không", None),
            ("|không trăm", None),
            ("|nửa triệu", None),
            ("|chín chắn", None),
            ("|ba mẹ", None),
            ("|hai2", None),
            ("h|ai", None),
            ("hai|", None),
            ("| hai", None),
        ];
        let negatives = cases.iter().filter(|c| c.1.is_none()).count();
        assert!(cases.len() >= 60 && negatives * 2 >= cases.len());
        for &(case, expected) in cases {
            let (text, start) = at_marker(case);
            let got = scan_number(&text, start);
            let got = got.map(|m| (m.value, text.get(m.start..m.end), m.form));
            let expected = expected.map(|(v, s)| (I(v), Some(s), NumberForm::Words));
            assert_eq!(got, expected, "scan_number({case:?})");
        }
    }

    #[test]
    fn scan_digits_and_mixed_table() {
        use NumberForm::{Digits, Mixed};
        type Case<'a> = (&'a str, Option<(Numeral, &'a str, NumberForm)>);
        let cases: &[Case] = &[
            ("năm |2023.", Some((I(2023), "2023", Digits))),
            ("tăng |3,2%,", Some((D(3.2), "3,2", Digits))),
            ("số |12, 13", Some((I(12), "12", Digits))),
            ("|1.000.000.", Some((I(1_000_000), "1.000.000", Digits))),
            ("khoảng |5...", Some((I(5), "5", Digits))),
            ("|95.45%", Some((D(95.45), "95.45", Digits))),
            ("|03 đại biểu", Some((I(3), "03", Digits))),
            ("thứ |2", Some((I(2), "2", Digits))),
            ("|2020-2025", Some((I(2020), "2020", Digits))),
            ("2020-|2025", Some((I(2025), "2025", Digits))),
            ("|1.000 người", Some((I(1000), "1.000", Digits))),
            ("|1,5 triệu đồng", Some((I(1_500_000), "1,5 triệu", Mixed))),
            ("|1.5 triệu", Some((I(1_500_000), "1.5 triệu", Mixed))),
            ("|1.250 tỷ", Some((I(1_250_000_000_000), "1.250 tỷ", Mixed))),
            (
                "|2 tỷ 300 triệu đồng",
                Some((I(2_300_000_000), "2 tỷ 300 triệu", Mixed)),
            ),
            ("|12 tỷ.", Some((I(12_000_000_000), "12 tỷ", Mixed))),
            ("|3 nghìn", Some((I(3000), "3 nghìn", Mixed))),
            ("|3 ngàn", Some((I(3000), "3 ngàn", Mixed))),
            ("|5 chục", Some((I(50), "5 chục", Mixed))),
            ("|3 trăm nghìn", Some((I(300_000), "3 trăm nghìn", Mixed))),
            ("|2 triệu rưỡi", Some((I(2_500_000), "2 triệu rưỡi", Mixed))),
            (
                "|3 nghìn tỷ",
                Some((I(3_000_000_000_000), "3 nghìn tỷ", Mixed)),
            ),
            ("|2 tỷ 3.", Some((I(2_300_000_000), "2 tỷ 3", Mixed))),
            ("|2 tỷ 3 người", Some((I(2_000_000_000), "2 tỷ", Mixed))),
            ("|2 triệu 500", Some((I(2_000_000), "2 triệu", Mixed))),
            ("|5 triệu 3 triệu", Some((I(5_000_000), "5 triệu", Mixed))),
            ("|2 tỷ 1.500 triệu", Some((I(2_000_000_000), "2 tỷ", Mixed))),
            (
                "|1,23456789 triệu",
                Some((D(1_234_567.89), "1,23456789 triệu", Mixed)),
            ),
            (
                "|hai tỷ 300 triệu",
                Some((I(2_300_000_000), "hai tỷ 300 triệu", Mixed)),
            ),
            ("|hai rưỡi", Some((D(2.5), "hai rưỡi", NumberForm::Words))),
            ("|12 rưỡi", Some((D(12.5), "12 rưỡi", Mixed))),
            ("|1,5 rưỡi", Some((D(1.5), "1,5", Digits))),
            ("|2,5 phẩy", None),
            // Not numbers.
            ("|15.3.2024", None),
            ("|12a", None),
            ("A|12", None),
            ("1|23", None),
            ("1,|5", None),
            ("1.|000", None),
            ("|0912345678", None),
            ("|0912 345 678", None),
            ("0912 |345 678", None),
            ("|2 000 000", None),
            ("ngày |15/3", None),
            ("15/|3", None),
            ("|12/NQ-CP", None),
            ("|10:30", None),
            ("|1,2,3", None),
            ("|3nghìn", None),
            ("|-5", None),
            ("|. 5", None),
            ("|1.2345", None),
            ("|18446744073709551615 tỷ", None),
        ];
        for &(case, expected) in cases {
            let (text, start) = at_marker(case);
            let got = scan_number(&text, start);
            let got = got.map(|m| (m.value, text.get(m.start..m.end), m.form));
            let expected = expected.map(|(v, s, f)| (v, Some(s), f));
            assert_eq!(got, expected, "scan_number({case:?})");
        }
    }

    #[test]
    fn scan_reports_start_and_end() {
        let text = "Năm 2023, thu 1,5 tỷ.";
        // "Năm " is five bytes: `ă` takes two.
        assert_eq!(
            scan_number(text, 5),
            Some(NumberMatch {
                value: I(2023),
                start: 5,
                end: 9,
                form: NumberForm::Digits,
            })
        );
        let at = text.find("1,5").unwrap_or(usize::MAX);
        assert_eq!(
            scan_number(text, at).map(|m| (m.value, m.end)),
            Some((I(1_500_000_000), text.len() - 1))
        );
    }

    #[test]
    fn roman_tables() {
        let parse: &[(&str, Option<u32>)] = &[
            ("I", Some(1)),
            ("II", Some(2)),
            ("IV", Some(4)),
            ("IX", Some(9)),
            ("XIII", Some(13)),
            ("XIV", Some(14)),
            ("XL", Some(40)),
            ("LXXXVIII", Some(88)),
            ("XC", Some(90)),
            ("CD", Some(400)),
            ("CM", Some(900)),
            ("MCMXC", Some(1990)),
            ("MMXXIV", Some(2024)),
            ("MMMCMXCIX", Some(3999)),
            ("", None),
            ("IIII", None),
            ("IC", None),
            ("IIV", None),
            ("VX", None),
            ("VV", None),
            ("IL", None),
            ("XM", None),
            ("LL", None),
            ("DD", None),
            ("CMCM", None),
            ("MMMM", None),
            ("iv", None),
            ("Xiv", None),
            ("XIV ", None),
            ("ABC", None),
            ("Ⅳ", None),
        ];
        for &(input, expected) in parse {
            assert_eq!(parse_roman(input), expected, "parse_roman({input:?})");
        }

        let scan: &[(&str, Option<(u32, &str)>)] = &[
            ("Quốc hội khóa |XV", Some((15, "XV"))),
            ("khoá |XIII.", Some((13, "XIII"))),
            ("Khóa |XIV,", Some((14, "XIV"))),
            ("Đại hội |XIV của Đảng", Some((14, "XIV"))),
            ("ĐẠI HỘI |XIII", Some((13, "XIII"))),
            ("Quý |II/2024", Some((2, "II"))),
            ("quý |IV", Some((4, "IV"))),
            ("lần thứ |XIII", Some((13, "XIII"))),
            ("kỳ họp thứ |V", Some((5, "V"))),
            ("thế kỷ |XXI", Some((21, "XXI"))),
            ("Chương |III:", Some((3, "III"))),
            ("Phần |I.", Some((1, "I"))),
            ("học kỳ |II", Some((2, "II"))),
            ("Nguyễn Văn |V", None),
            ("|I think", None),
            ("and |I am", None),
            ("khóa |xiii", None),
            ("khóa  |XIII", None),
            ("khóa|XIII", None),
            ("khóa |XIIIA", None),
            ("khóa |XIV2", None),
            ("khóa |IIII", None),
            ("khóa X|III", None),
            ("mkhóa |X", None),
            ("Đại |XIV", None),
            ("quý |", None),
        ];
        for &(case, expected) in scan {
            let (text, start) = at_marker(case);
            let got = scan_roman_ordinal(&text, start).map(|(v, end)| (v, text.get(start..end)));
            let expected = expected.map(|(v, s)| (v, Some(s)));
            assert_eq!(got, expected, "scan_roman_ordinal({case:?})");
        }
    }

    #[test]
    fn numeral_conversions() {
        assert_eq!(I(7).as_f64(), 7.0);
        assert_eq!(D(2.5).as_f64(), 2.5);
        assert_eq!(I(7).as_integer(), Some(7));
        assert_eq!(D(3.0).as_integer(), Some(3));
        assert_eq!(D(3.5).as_integer(), None);
        assert_eq!(D(-1.0).as_integer(), None);
        assert_eq!(D(f64::NAN).as_integer(), None);
        assert_eq!(D(f64::INFINITY).as_integer(), None);
        assert_eq!(D(1e30).as_integer(), None);
        assert_eq!(parse_numeral("1,0").and_then(Numeral::as_integer), Some(1));
    }

    #[test]
    fn every_offset_is_safe() {
        let texts = [
            "Đại hội XIV, năm 2023 thu 2 tỷ 300 triệu (tăng 3,2%).",
            "hai nghìn không trăm hai mươi ba; 0912 345 678; 15.3.2024",
            "ông Nguyễn Văn Tư, thứ Hai, tháng Giêng, quý IV, khoá XIII",
            "1,5 triệu… 2 triệu rưỡi — một số 18446744073709551615 tỷ tỷ",
            "",
            "ư",
        ];
        for text in texts {
            for start in 0..text.len() + 3 {
                let found = scan_number(text, start);
                if let Some(m) = found {
                    assert!(m.start == start && m.end > start && m.end <= text.len());
                    assert!(text.get(m.start..m.end).is_some());
                }
                if let Some((_, end)) = scan_roman_ordinal(text, start) {
                    assert!(end > start && text.get(start..end).is_some());
                }
            }
            for (i, _) in text.char_indices() {
                for (j, _) in text.char_indices().skip_while(|&(j, _)| j < i) {
                    let s = text.get(i..j).unwrap_or_default();
                    let _ = parse_numeral(s);
                    let _ = parse_roman(s);
                }
            }
        }
    }

    /// Every start of `text` where [`scan_number`] reads a number passes the [`NumberGate`].
    fn assert_gate_lets_numbers_through(text: &str) {
        let lower = crate::text::lower::lowercase_same_offsets(text);
        for start in 0..=text.len() + 1 {
            if scan_number(text, start).is_some() {
                let first = text.as_bytes().get(start).copied().unwrap_or(0);
                let gate = NumberGate::get();
                assert!(
                    gate.may_begin(first) && gate.may_start(text, &lower, start),
                    "{text:?} at {start}"
                );
            }
        }
    }

    /// The start gate never refuses a number: every number word in every mix of cases, and
    /// with each of its chars replaced by any char whose lower case holds a letter of a
    /// number word (the Kelvin sign for "k", "İ" for "i", ...), alone and before the words
    /// that make it a number; and every offset of the texts of the tables above.
    #[test]
    fn number_gate_never_refuses_a_number() {
        let letters: std::collections::BTreeSet<char> =
            WORDS.iter().flat_map(|(w, _)| w.chars()).collect();
        let spellings: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().any(|l| letters.contains(&l)))
            .collect();
        let suffixes = ["", " trăm", " mươi", " nghìn"];
        for (word, _) in WORDS {
            let chars: Vec<char> = word.chars().collect();
            let mut variants: Vec<String> = Vec::new();
            for mask in 0..1u32 << chars.len() {
                let cased = chars.iter().enumerate().map(|(i, &c)| {
                    if mask & (1 << i) != 0 {
                        c.to_uppercase().collect::<String>()
                    } else {
                        c.to_string()
                    }
                });
                variants.push(cased.collect());
            }
            for i in 0..chars.len() {
                for &c in &spellings {
                    let mut spelled = chars.clone();
                    if let Some(slot) = spelled.get_mut(i) {
                        *slot = c;
                    }
                    variants.push(spelled.into_iter().collect());
                }
            }
            for variant in variants {
                for suffix in suffixes {
                    let text = format!("{variant}{suffix}");
                    if scan_number(&text, 0).is_some() {
                        let lower = crate::text::lower::lowercase_same_offsets(&text);
                        let first = text.as_bytes().first().copied().unwrap_or(0);
                        let gate = NumberGate::get();
                        assert!(
                            gate.may_begin(first) && gate.may_start(&text, &lower, 0),
                            "{text:?}"
                        );
                    }
                }
            }
        }
        let texts = [
            "Đại hội XIV, năm 2023 thu 2 tỷ 300 triệu (tăng 3,2%).",
            "hai nghìn không trăm hai mươi ba; 0912 345 678; 15.3.2024",
            "ông Nguyễn Văn Tư, thứ Hai, tháng Giêng, quý IV, khoá XIII",
            "1,5 triệu… 2 triệu rưỡi — một số 18446744073709551615 tỷ tỷ",
            "HAI TRIỆU, Mười hai người, (hai) hai\u{a0}mươi, “Năm mươi”, Bẩy-tám",
        ];
        for text in texts {
            assert_gate_lets_numbers_through(text);
        }
    }

    /// [`classify`] looks words up in lower case; it agrees with comparing the word with
    /// every number word case-insensitively, on the spellings of the gate's test.
    #[test]
    fn classify_agrees_with_case_insensitive_comparison() {
        let by_comparison = |syllable: &str| {
            WORDS
                .iter()
                .find(|(word, _)| eq_ci(syllable, word))
                .map_or(Wd::Other, |&(_, kind)| kind)
        };
        let letters: std::collections::BTreeSet<char> =
            WORDS.iter().flat_map(|(w, _)| w.chars()).collect();
        let spellings: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().any(|l| letters.contains(&l)))
            .collect();
        for (word, _) in WORDS {
            let chars: Vec<char> = word.chars().collect();
            for i in 0..chars.len() {
                for &c in spellings.iter().chain(&['\u{212A}', 'x', 'Đ']) {
                    for upper in [false, true] {
                        let variant: String = chars
                            .iter()
                            .enumerate()
                            .map(|(j, &d)| if j == i { c } else { d })
                            .flat_map(|d| {
                                let cased: Vec<char> = if upper {
                                    d.to_uppercase().collect()
                                } else {
                                    vec![d]
                                };
                                cased
                            })
                            .collect();
                        assert_eq!(classify(&variant), by_comparison(&variant), "{variant:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn number_gate_refuses_other_words() {
        let text = "trong các năm 2024 người tham dự, không có ai";
        let lower = crate::text::lower::lowercase_same_offsets(text);
        let passed: Vec<&str> = text
            .char_indices()
            .filter(|&(i, _)| NumberGate::get().may_start(text, &lower, i))
            .filter_map(|(i, _)| text.get(i..)?.split(' ').next())
            .collect();
        assert_eq!(passed, ["năm", "2024", "024", "24", "4", "không"]);
    }

    /// The letters and digits told by their first bytes are `is_alnum`'s, char for char,
    /// forward and backward, and no offset inside a char starts or ends one.
    #[test]
    fn alnum_lengths_agree_with_is_alnum() {
        let mut text = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            text.clear();
            text.push('a');
            text.push(c);
            text.push('.');
            let len = c.len_utf8();
            let expected = crate::text::is_alnum(c).then_some(len);
            assert_eq!(alnum_len_at(&text, 1), expected, "{c:?}");
            assert_eq!(alnum_len_before(&text, 1 + len), expected, "{c:?}");
            for inside in 2..1 + len {
                assert_eq!(alnum_len_at(&text, inside), None, "{c:?}");
                assert_eq!(alnum_len_before(&text, inside), None, "{c:?}");
            }
        }
        assert_eq!(alnum_len_before("a", 0), None);
        assert_eq!(alnum_len_at("a", 1), None);
    }

    #[test]
    fn phone_tokens_never_read() {
        let text = "gọi 0912 345 678 hoặc 0912.345.678 hoặc 0912345678";
        for start in 0..text.len() {
            assert_eq!(scan_number(text, start), None, "start {start}");
        }
    }
}
