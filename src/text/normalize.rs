//! Normalization: one form for text that reaches the library written many ways, with an
//! offset map back to the caller's text.
//!
//! The steps, each switchable in [`NormalizeOptions`]:
//!
//! 1. **Line breaks**: CRLF, CR, and the Unicode line and paragraph separators become LF.
//!    Line breaks are kept: headlines, captions, bylines and page chrome live on their own
//!    lines.
//! 2. **Spaces**: NBSP, tabs and the other horizontal spaces become one ASCII space; runs
//!    collapse to one; spaces at the start and end of a line are dropped.
//! 3. **Invisibles**: zero-width spaces and joiners, word joiners, soft hyphens and stray
//!    byte-order marks are removed.
//! 4. **Unicode NFC**, word by word; combining marks typed in an order that does not compose
//!    (a tone mark before a circumflex) are reordered first.
//! 5. **Look-alikes**: an Icelandic eth (Ð) or a Cyrillic or Greek letter inside a Vietnamese
//!    word becomes the Vietnamese letter.
//! 6. **Tone-mark placement** in one style ([`ToneStyle`]): "hoà" → "hòa" by default.
//! 7. **Mojibake repair** (off by default): text that was decoded as Windows-1252 but is
//!    really TCVN3 or VNI is repaired word by word.
//!
//! Typographic quotes and dashes stay in the text; extractors match them as plain ones.
//!
//! The work is done one word (a run of non-space characters) at a time, and only where a
//! word needs it: a word of ASCII, or of precomposed Vietnamese letters already in the chosen
//! tone style, is copied as it is. Normalizing twice gives the same text as normalizing once.
//!
//! Most text needs nothing, so a scan finds where work starts before any word is looked at:
//! eight bytes at a time, it passes over printable ASCII, single spaces and line feeds, and
//! looks up each char outside ASCII in a table (is it a space, invisible, a look-alike, not
//! known to be NFC, a vowel with a tone mark?). A tone mark is looked at only when it sits
//! next to another vowel, and then its neighbours settle most words ("của", "toàn", "quả");
//! the rest are placed by the rules, with a cache of recent words. Decomposed Vietnamese is
//! composed by a lookup per letter; any other text needing NFC goes through ICU.
//!
//! ```
//! use vietfacts::text::normalize::normalize;
//!
//! let input = "Ho\u{300}a\u{a0}\u{a0}Bi\u{300}nh\r\nThành uỷ";
//! let normalized = normalize(input);
//! assert_eq!(normalized.text(), "Hòa Bình\nThành ủy");
//! // Spans in the normalized text map back to the input.
//! let span = normalized.span(0..normalized.text().find(' ').unwrap());
//! assert_eq!(&input[span.range()], "Ho\u{300}a");
//! assert_eq!((span.char_start, span.char_end), (0, 4));
//! ```

use std::borrow::Cow;
use std::cell::RefCell;
use std::hash::Hasher;
use std::ops::Range;
use std::sync::OnceLock;

use icu_normalizer::ComposingNormalizerBorrowed;

use super::fxhash::FxHasher;
use super::legacy::{self, LegacyEncoding};
use super::offsets::{CharIndex, OffsetMap};
use super::tone::ToneStyle;
use super::{lookalike, marks, tone};
use crate::facts::Span;

/// Which normalization steps run. Plain data: `NormalizeOptions::new()` is the default and
/// can be a `static`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct NormalizeOptions {
    /// CRLF, CR and Unicode line separators become LF.
    pub line_breaks: bool,
    /// Horizontal spaces become one space; runs collapse; line ends are trimmed.
    pub spaces: bool,
    /// Zero-width characters, soft hyphens and stray BOMs are removed.
    pub invisibles: bool,
    /// Unicode NFC, after reordering combining marks that would not compose.
    pub nfc: bool,
    /// Look-alike letters inside Vietnamese words become Vietnamese letters.
    pub lookalikes: bool,
    /// The tone-mark style to write; `None` leaves marks where they are.
    pub tone_style: Option<ToneStyle>,
    /// Repair text decoded as Windows-1252 that is really TCVN3 or VNI.
    pub mojibake: bool,
}

impl Default for NormalizeOptions {
    fn default() -> NormalizeOptions {
        NormalizeOptions::new()
    }
}

impl NormalizeOptions {
    /// Every step on, tone marks in the traditional style, mojibake repair off.
    pub const fn new() -> NormalizeOptions {
        NormalizeOptions {
            line_breaks: true,
            spaces: true,
            invisibles: true,
            nfc: true,
            lookalikes: true,
            tone_style: Some(ToneStyle::Traditional),
            mojibake: false,
        }
    }

    /// Every step off: the text comes out as it went in.
    pub const fn none() -> NormalizeOptions {
        NormalizeOptions {
            line_breaks: false,
            spaces: false,
            invisibles: false,
            nfc: false,
            lookalikes: false,
            tone_style: None,
            mojibake: false,
        }
    }

    /// Set [`NormalizeOptions::line_breaks`].
    pub const fn line_breaks(mut self, yes: bool) -> Self {
        self.line_breaks = yes;
        self
    }

    /// Set [`NormalizeOptions::spaces`].
    pub const fn spaces(mut self, yes: bool) -> Self {
        self.spaces = yes;
        self
    }

    /// Set [`NormalizeOptions::invisibles`].
    pub const fn invisibles(mut self, yes: bool) -> Self {
        self.invisibles = yes;
        self
    }

    /// Set [`NormalizeOptions::nfc`].
    pub const fn nfc(mut self, yes: bool) -> Self {
        self.nfc = yes;
        self
    }

    /// Set [`NormalizeOptions::lookalikes`].
    pub const fn lookalikes(mut self, yes: bool) -> Self {
        self.lookalikes = yes;
        self
    }

    /// Set [`NormalizeOptions::tone_style`].
    pub const fn tone_style(mut self, style: Option<ToneStyle>) -> Self {
        self.tone_style = style;
        self
    }

    /// Set [`NormalizeOptions::mojibake`].
    pub const fn mojibake(mut self, yes: bool) -> Self {
        self.mojibake = yes;
        self
    }
}

/// Normalized text, the input it came from, and the map between them.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    input: &'a str,
    text: Cow<'a, str>,
    map: OffsetMap,
    input_chars: OnceLock<CharIndex<'a>>,
    repaired_from: Option<LegacyEncoding>,
}

impl<'a> Normalized<'a> {
    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The caller's text it came from.
    pub fn input(&self) -> &'a str {
        self.input
    }

    /// The normalized text, owned.
    pub fn into_text(self) -> String {
        self.text.into_owned()
    }

    /// The map from normalized offsets to input offsets.
    pub fn offset_map(&self) -> &OffsetMap {
        &self.map
    }

    /// The legacy encoding the text was repaired from, when mojibake repair fired.
    pub fn repaired_from(&self) -> Option<LegacyEncoding> {
        self.repaired_from
    }

    /// The input byte range that the normalized byte range `range` stands for.
    pub fn input_range(&self, range: Range<usize>) -> Range<usize> {
        self.map.range_to_original(range)
    }

    /// The [`Span`] (byte and char offsets into the input) of the normalized byte range
    /// `range`. A range that cuts a replaced piece grows to cover it.
    pub fn span(&self, range: Range<usize>) -> Span {
        let bytes = self.input_range(range);
        let chars = self.input_chars.get_or_init(|| CharIndex::new(self.input));
        Span::new(
            bytes.start,
            bytes.end,
            chars.char_offset(bytes.start),
            chars.char_offset(bytes.end),
        )
    }
}

/// Normalizes `input` with the default options.
pub fn normalize(input: &str) -> Normalized<'_> {
    normalize_with(input, NormalizeOptions::new())
}

/// Normalizes `input` with `options`.
pub fn normalize_with(input: &str, options: NormalizeOptions) -> Normalized<'_> {
    let repaired_from = if options.mojibake {
        legacy::detect_mojibake(input)
    } else {
        None
    };
    let mut writer = Writer::new(input);
    let mut pos = 0;
    while pos < input.len() {
        // Mojibake repair rewrites any word outside ASCII: then every token is looked at.
        let work = match repaired_from {
            Some(_) => Work {
                restart: pos,
                at: input.len(),
            },
            None => match next_work(input, pos, options.tone_style) {
                Some(work) => work,
                None => break,
            },
        };
        pos = work.restart;
        while pos <= work.at && pos < input.len() {
            pos = writer.token(pos, options, repaired_from);
        }
    }
    let (text, map) = writer.finish();
    Normalized {
        input,
        text,
        map,
        input_chars: OnceLock::new(),
        repaired_from,
    }
}

/// Where the text needs work: the token that holds byte `at` may change, and `restart`, at or
/// before it, is where a token starts with nothing before it to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Work {
    restart: usize,
    at: usize,
}

/// Eight bytes as the lanes of a `u64`, lane `k` in bits `8k..8k + 8`.
const LANES: u64 = 0x0101_0101_0101_0101;
/// The top bit of every lane: where the lane tests below answer.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The lanes of `word` that hold `byte`.
#[inline(always)]
fn lanes_equal(word: u64, byte: u8) -> u64 {
    let differ = word ^ (LANES * u64::from(byte));
    !(((differ & !HIGH) + !HIGH) | differ) & HIGH
}

/// The lanes of `word` that hold an ASCII byte below `bound` (at most 0x80).
#[inline(always)]
fn lanes_below(word: u64, bound: u8) -> u64 {
    // Each lane is at least 0x80 before the subtraction: no borrow crosses lanes.
    !(((word | HIGH) - LANES * u64::from(bound)) | word) & HIGH
}

/// Whether `byte` is a space or a line feed.
fn is_blank(byte: u8) -> bool {
    byte == b' ' || byte == b'\n'
}

/// The [`Work`] for the byte `at`, where the scan from `from` stopped: the token path starts
/// at the word that holds it when it is a word char (`in_word`), else at the space run before
/// that word, where the space or control char at `at` belongs.
fn work_at(bytes: &[u8], from: usize, at: usize, in_word: bool) -> Work {
    let mut restart = at;
    while restart > from && bytes.get(restart - 1).is_some_and(|&b| !is_blank(b)) {
        restart -= 1;
    }
    if !in_word {
        while restart > from && bytes.get(restart - 1).copied().is_some_and(is_blank) {
            restart -= 1;
        }
    }
    Work { restart, at }
}

/// The first place from byte `from` on (where a token starts) where the text may need work;
/// None when it needs none to its end.
///
/// Eight bytes at a time, without a branch per byte: printable ASCII is passed over, single
/// spaces between words and runs of line feeds need nothing, and only three kinds of byte are
/// looked at one by one: control chars, a space next to a space or a line feed (or at either
/// end of the text), and the first byte of each char outside ASCII, whose flags are a table
/// lookup. It stops at a space or control char that the space step rewrites, at a char that
/// may need NFC, is a look-alike or invisible, and at a word whose tone mark moves in `style`
/// (a word where [`tone::pair_may_move`] accepts two neighbours, looked up in the cache).
/// Where it stops is not necessarily changed: the token path decides, as for any token.
// Not inlined: the loop gets the registers to itself.
#[inline(never)]
fn next_work(input: &str, from: usize, style: Option<ToneStyle>) -> Option<Work> {
    let bytes = input.as_bytes();
    // A space at the start of the text is dropped: as if a line feed came before it.
    let mut blank_before = from == 0;
    let mut space_before = false;
    // The last char outside ASCII: where it ends, and its tone class.
    let mut previous = (usize::MAX, 0);
    // Words up to here have been looked up in the tone cache.
    let mut checked_until = from;
    let mut at = from;
    while at < bytes.len() {
        let (word, taken, valid) = match bytes.get(at..at + 8).map(<[u8; 8]>::try_from) {
            Some(Ok(eight)) => (u64::from_le_bytes(eight), 8, HIGH),
            // The last few bytes, in lanes of their own.
            _ => {
                let rest = bytes.get(at..).unwrap_or_default();
                let word = rest
                    .iter()
                    .rev()
                    .fold(0, |word, &b| (word << 8) | u64::from(b));
                let taken = rest.len().min(8);
                (word, taken, HIGH & ((1 << (8 * taken)) - 1))
            }
        };
        let space = lanes_equal(word, b' ') & valid;
        let blank = (space | lanes_equal(word, b'\n')) & valid;
        let control = lanes_below(word, 0x21) & valid & !blank;
        // A space next to a space or a line feed, on either side.
        let blank_before_lanes = (blank << 8) | if blank_before { 0x80 } else { 0 };
        let space_before_lanes = (space << 8) | if space_before { 0x80 } else { 0 };
        let bad_spacing = (space & blank_before_lanes) | (blank & space_before_lanes);
        // Lead bytes: bits 7 and 6 set.
        let leads = word & (word << 1) & HIGH & valid;
        let mut lanes = control | bad_spacing | leads;
        while lanes != 0 {
            let lane = lanes.trailing_zeros() / 8;
            lanes &= lanes - 1;
            let bit = 0x80_u64 << (8 * lane);
            let p = at + lane as usize;
            if bit & bad_spacing != 0 {
                return Some(work_at(bytes, from, p, false));
            }
            if bit & control != 0 {
                // Tabs, carriage returns and the like are rewritten; other control chars are
                // part of a word.
                if bytes
                    .get(p)
                    .is_some_and(|&b| ascii_flags(b) & (flag::ENDS_WORD | flag::INVISIBLE) != 0)
                {
                    return Some(work_at(bytes, from, p, false));
                }
                continue;
            }
            let (flags, len) = non_ascii_flags_at(input, p);
            if flags & (flag::ENDS_WORD | flag::INVISIBLE) != 0 {
                return Some(work_at(bytes, from, p, false));
            }
            if flags & !flag::TONE != 0 {
                return Some(work_at(bytes, from, p, true));
            }
            // The neighbours' classes, chosen without a branch (ASCII or not comes at random).
            // A char outside ASCII before this one was the last one looked at; one after it is
            // judged with this one before it, when its turn comes.
            let tone = flags & flag::TONE;
            let byte_before = match p.checked_sub(1) {
                Some(q) if q >= from => bytes.get(q).copied().unwrap_or(b' '),
                _ => b' ',
            };
            let other_before = if previous.0 == p { previous.1 } else { 0 };
            let before = if byte_before.is_ascii() {
                ascii_flags(byte_before) & flag::TONE
            } else {
                other_before
            };
            let byte_after = bytes.get(p + len).copied().unwrap_or(b' ');
            let after = if byte_after.is_ascii() {
                ascii_flags(byte_after) & flag::TONE
            } else {
                0
            };
            let char_before = previous;
            previous = (p + len, tone);
            if (tone::pair_may_move(before, tone) | tone::pair_may_move(tone, after))
                && p >= checked_until
                && let Some(style) = style
                && !mark_in_place(input, from, p..p + len, char_before, style)
            {
                let start = work_at(bytes, from, p, true).restart;
                let end = bytes
                    .get(p..)
                    .and_then(|rest| rest.iter().position(|&b| is_blank(b)))
                    .map_or(bytes.len(), |offset| p + offset);
                // Chars that end a word before `end` stop the scan when they come, and the
                // word is looked at again; a mark that moves in the word moves in this
                // stretch too (tone placement works on letter runs).
                if input
                    .get(start..end)
                    .is_some_and(|word| place_tone_cached(word, style).is_some())
                {
                    return Some(Work {
                        restart: start,
                        at: start,
                    });
                }
                checked_until = end;
            }
        }
        blank_before = blank & (0x80 << 56) != 0;
        space_before = space & (0x80 << 56) != 0;
        at += taken;
    }
    // A space at the end of the text is dropped.
    (bytes.last() == Some(&b' ') && bytes.len() > from)
        .then(|| work_at(bytes, from, bytes.len() - 1, false))
}

/// The row of [`tone`]'s vowel tables of an ASCII vowel (all bare: a, e, i, o, u, y).
fn bare_vowel(byte: u8) -> Option<u8> {
    Some(match byte.to_ascii_lowercase() {
        b'a' => tone::row::A,
        b'e' => tone::row::E,
        b'i' => tone::row::I,
        b'o' => tone::row::O,
        b'u' => tone::row::U,
        b'y' => tone::row::Y,
        _ => return None,
    })
}

/// Whether the open clusters oa, oe, uy (where the styles differ) are `first` and `second`.
fn styles_differ(first: u8, second: u8) -> bool {
    use tone::row::{A, E, O, U, Y};
    matches!((first, second), (O, A) | (O, E) | (U, Y))
}

/// Whether the mark of the marked a, e, i, o, u or y at bytes `marked` of `input` is where
/// `style` puts it, as its neighbours alone tell (none before `from`, where a token starts);
/// false when they do not settle it. `before` is where the last char outside ASCII before it
/// ends, and its [`tone::class`].
///
/// Most words whose mark sits next to another vowel have one of three shapes, and in each
/// the vowel cluster is known without parsing the syllable:
/// - a consonant or no letter, the marked vowel, a bare vowel, no letter ("của", "ngày"): an
///   open cluster of two with the mark on the first vowel, its place but for oa, oe and uy in
///   the modern style;
/// - a consonant or no letter, a bare vowel, the marked vowel, then an ASCII consonant
///   ("toàn", "hoạch": the last vowel before a final consonant), or no letter for oa, oe and
///   uy in the modern style;
/// - "qu" or "gi" at the start of a run, the marked vowel, no vowel ("quả", "giá"): the
///   only vowel after the onset.
///
/// q before u and g before i may make an onset with it, so they do not count as a consonant
/// there; a run whose letters do not make a syllable is left as it is, so a shape that fails
/// to parse is in place too.
fn mark_in_place(
    input: &str,
    from: usize,
    marked: Range<usize>,
    before: (usize, u8),
    style: ToneStyle,
) -> bool {
    let bytes = input.as_bytes();
    // The byte at `i`; None outside the text or before `from`.
    let byte = |i: usize| (i >= from).then(|| bytes.get(i).copied()).flatten();
    let byte_before = |i: usize| i.checked_sub(1).and_then(byte);
    let Some(row) = input
        .get(marked.clone())
        .and_then(|c| c.chars().next())
        .and_then(tone::vowel_letter)
        .map(|v| v.row)
    else {
        return false;
    };
    // "qu" and "gi": onsets with a vowel in them.
    let makes_onset = |b: u8, vowel: u8| {
        matches!(
            (b, vowel),
            (b'q' | b'Q', tone::row::U) | (b'g' | b'G', tone::row::I)
        )
    };
    // No letter at all, for sure.
    let no_letter = |b: Option<u8>| b.is_none_or(|b| b.is_ascii() && !b.is_ascii_alphabetic());
    // A consonant or no letter before byte `end`, where the vowel `vowel` starts, that does
    // not make an onset with it.
    let consonant_or_nothing = |end: usize, vowel: u8| match byte_before(end) {
        None => true,
        Some(b) if b.is_ascii() => bare_vowel(b).is_none() && !makes_onset(b, vowel),
        // A char outside ASCII: the one looked at last, if it ends here.
        Some(_) => before.0 == end && before.1 & tone::class::VOWEL == 0,
    };
    let after = byte(marked.end);
    // Marked vowel, bare vowel, no letter.
    if let Some(next) = after.and_then(bare_vowel)
        && no_letter(byte(marked.end + 1))
        && consonant_or_nothing(marked.start, row)
    {
        return !(style == ToneStyle::Modern && styles_differ(row, next));
    }
    let Some(previous) = byte_before(marked.start).and_then(bare_vowel) else {
        return false;
    };
    let consonant_after = after.is_some_and(|b| b.is_ascii_alphabetic() && bare_vowel(b).is_none());
    if !(consonant_after || no_letter(after)) {
        return false;
    }
    let onset = marked.start.checked_sub(2).and_then(byte);
    if onset.is_some_and(|b| makes_onset(b, previous))
        && no_letter(marked.start.checked_sub(3).and_then(byte))
    {
        return true;
    }
    consonant_or_nothing(marked.start - 1, previous)
        && (consonant_after || style == ToneStyle::Modern && styles_differ(previous, row))
}

/// The [`tone::class`] of the char before byte `at` in the word that starts at
/// `word_start`; `previous` says where the last char outside ASCII ends and its class, which
/// spares decoding it again.
#[inline]
fn tone_before(input: &str, word_start: usize, at: usize, previous: (usize, u8)) -> u8 {
    match at.checked_sub(1).and_then(|p| input.as_bytes().get(p)) {
        _ if at <= word_start => 0,
        Some(&byte) if byte.is_ascii() => ascii_flags(byte) & flag::TONE,
        _ if previous.0 == at => previous.1,
        _ => input
            .get(word_start..at)
            .and_then(|head| head.chars().next_back())
            .map_or(0, |c| flags_of(c) & flag::TONE),
    }
}

/// Whether the mark of a toned char of [`tone::class`] `tone`, with a char of class `before`
/// before it and the next char starting at byte `next`, may move to or from a neighbour.
#[inline]
fn toned_char_may_move(input: &str, before: u8, tone: u8, next: usize) -> bool {
    if tone::pair_may_move(before, tone) {
        return true;
    }
    let after = match input.as_bytes().get(next) {
        Some(&byte) if byte.is_ascii() => ascii_flags(byte),
        Some(_) => non_ascii_flags_at(input, next).0,
        None => 0,
    };
    tone::pair_may_move(tone, after & flag::TONE)
}

/// Builds the normalized text: copies unchanged input lazily, in as few pieces as possible,
/// and records each replacement in the offset map.
struct Writer<'a> {
    input: &'a str,
    out: String,
    /// Input before this offset is already in `out`.
    copied_until: usize,
    map: OffsetMap,
}

impl<'a> Writer<'a> {
    fn new(input: &'a str) -> Writer<'a> {
        Writer {
            input,
            out: String::new(),
            copied_until: 0,
            map: OffsetMap::identity(),
        }
    }

    /// The normalized text (the input itself when nothing changed) and the offset map.
    fn finish(self) -> (Cow<'a, str>, OffsetMap) {
        let Writer {
            input,
            mut out,
            copied_until,
            map,
        } = self;
        if map.is_identity() {
            return (Cow::Borrowed(input), map);
        }
        out.push_str(input.get(copied_until..).unwrap_or_default());
        (Cow::Owned(out), map)
    }

    /// `input[range]` is to be written as `replacement`.
    fn replace(&mut self, range: Range<usize>, replacement: &str) {
        let original = self.input.get(range.clone()).unwrap_or_default();
        if original == replacement {
            return;
        }
        if self.out.capacity() == 0 {
            self.out.reserve(self.input.len() + 16);
        }
        // Record only the part that differs, so a span next to a change stays exact.
        let prefix = common_prefix(original, replacement);
        let suffix = common_suffix(
            original.get(prefix..).unwrap_or_default(),
            replacement.get(prefix..).unwrap_or_default(),
        );
        let orig_start = range.start + prefix;
        let orig_end = range.end - suffix;
        let changed = replacement
            .get(prefix..replacement.len() - suffix)
            .unwrap_or_default();
        self.out.push_str(
            self.input
                .get(self.copied_until..orig_start)
                .unwrap_or_default(),
        );
        let norm_start = self.out.len();
        self.out.push_str(changed);
        self.map
            .push(norm_start..self.out.len(), orig_start..orig_end);
        self.copied_until = orig_end;
    }

    /// Normalizes the token (a space run or a word) that starts at byte `pos`; returns where
    /// it ends.
    fn token(
        &mut self,
        pos: usize,
        options: NormalizeOptions,
        mojibake: Option<LegacyEncoding>,
    ) -> usize {
        let input = self.input;
        let starts_space_run = flags_at(input, pos).0 & (flag::ENDS_WORD | flag::INVISIBLE) != 0;
        let end = if starts_space_run {
            let (end, run) = scan_space_run(input, pos);
            self.space_run(pos..end, &run, end == input.len(), options);
            end
        } else {
            let (end, word) = scan_word(input, pos);
            if !word.ascii() && (mojibake.is_some() || word.may_change()) {
                self.word(pos..end, word, options, mojibake);
            }
            end
        };
        // Each token holds a char at least; never stall, whatever the input.
        end.max(pos + 1)
    }

    fn space_run(
        &mut self,
        range: Range<usize>,
        run: &SpaceRun,
        at_text_end: bool,
        options: NormalizeOptions,
    ) {
        let original = self.input.get(range.clone()).unwrap_or_default();
        if original == " " && !at_text_end && range.start != 0 || !options.any_spacing() {
            return;
        }
        // Line feeds alone stay as they are under every option.
        if original.bytes().all(|b| b == b'\n') {
            return;
        }
        let replacement: Cow<'_, str> =
            if options.line_breaks && options.spaces && options.invisibles {
                if run.breaks > 0 {
                    Cow::Owned("\n".repeat(run.breaks))
                } else if run.spaces > 0 && range.start != 0 && !at_text_end {
                    Cow::Borrowed(" ")
                } else {
                    Cow::Borrowed("")
                }
            } else {
                Cow::Owned(rewrite_space_run(
                    original,
                    range.start == 0,
                    at_text_end,
                    options,
                ))
            };
        self.replace(range, &replacement);
    }

    fn word(
        &mut self,
        range: Range<usize>,
        flags: WordFlags,
        options: NormalizeOptions,
        mojibake: Option<LegacyEncoding>,
    ) {
        let original = self.input.get(range.clone()).unwrap_or_default();
        if let Some(replacement) = normalize_word(original, flags, options, mojibake) {
            self.replace(range, &replacement);
        }
    }
}

impl NormalizeOptions {
    fn any_spacing(&self) -> bool {
        self.line_breaks || self.spaces || self.invisibles
    }
}

/// A space run under partial options: each enabled step applied on its own.
fn rewrite_space_run(
    run: &str,
    at_text_start: bool,
    at_text_end: bool,
    options: NormalizeOptions,
) -> String {
    let mut out = String::with_capacity(run.len());
    let mut chars = run.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        if is_invisible(c) {
            if !options.invisibles {
                out.push(c);
            }
        } else if is_line_break(c) {
            if options.line_breaks {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            } else {
                out.push(c);
            }
            pending_space = false;
        } else if options.spaces {
            pending_space = true;
            // Emitted lazily: a space before a line break or at the text's end is dropped.
            if chars
                .peek()
                .is_none_or(|next| !is_line_break(*next) && !is_space_class(*next))
            {
                let after_break = out.ends_with('\n') || out.ends_with('\r');
                let at_start = at_text_start && out.is_empty();
                if !after_break && !at_start && !at_text_end {
                    out.push(' ');
                }
                pending_space = false;
            }
        } else {
            out.push(c);
        }
    }
    let _ = pending_space;
    out
}

/// The word in normal form, or `None` when it already is.
fn normalize_word(
    word: &str,
    flags: WordFlags,
    options: NormalizeOptions,
    mojibake: Option<LegacyEncoding>,
) -> Option<String> {
    let mut current: Cow<'_, str> = Cow::Borrowed(word);
    if let Some(encoding) = mojibake
        && let Some(repaired) = legacy::repair_mojibake_word(&current, encoding)
    {
        current = Cow::Owned(repaired);
    }
    let repaired = matches!(current, Cow::Owned(_));
    if options.invisibles && flags.has(flag::INVISIBLE) {
        current = Cow::Owned(current.chars().filter(|&c| !is_invisible(c)).collect());
    }
    // NFC can turn a char of another block into a look-alike ("Ή" U+1FCB becomes U+0389), so
    // a word NFC changed is checked for look-alikes too: otherwise a second pass would find
    // what the first did not.
    let mut composed_anew = false;
    if options.nfc && (flags.has(flag::NEEDS_NFC) || repaired) {
        if let Some(composed) = marks::compose_vietnamese(&current) {
            // Vietnamese letters and the word's own chars: no look-alike the word did not have.
            if composed != *current {
                current = Cow::Owned(composed);
            }
        } else if let Some(composed) = compose(&current) {
            current = Cow::Owned(composed);
            composed_anew = true;
        }
    }
    if options.lookalikes
        && (flags.has(flag::LOOKALIKE) || repaired || composed_anew)
        && let Some(fixed) = lookalike::fix_lookalikes(&current)
    {
        current = Cow::Owned(fixed);
    }
    if let Some(style) = options.tone_style
        && !flags.ascii()
        && tone::may_move_tone(&current)
        && let Some(placed) = place_tone_cached(&current, style)
    {
        current = Cow::Owned(placed);
    }
    match current {
        Cow::Owned(text) if text != word => Some(text),
        _ => None,
    }
}

/// `word` in NFC, after putting combining marks in the order that composes; None when it
/// already is.
fn compose(word: &str) -> Option<String> {
    let reordered = marks::reorder_marks(word);
    match nfc().normalize(reordered.as_deref().unwrap_or(word)) {
        Cow::Owned(composed) => Some(composed),
        Cow::Borrowed(_) => reordered,
    }
}

/// Words longer than this are not cached: they are rare, and a syllable is at most 7 letters.
const CACHED_WORD_BYTES: usize = 32;
/// Slots in the cache of each style, a power of two: a report has a few hundred distinct
/// words whose mark may move.
const CACHE_SLOTS: usize = 1 << 11;

/// Recent words and their tone placement, a word to a slot chosen by its hash. A word whose slot holds another word is placed anew and takes the slot, so a lookup
/// costs one hash and one comparison whatever the text: no input can make it slow.
struct ToneCache {
    slots: Vec<Option<CachedWord>>,
}

/// A word, and its tone placement (`None`: unchanged).
#[derive(Clone)]
struct CachedWord {
    word: Box<str>,
    placed: Option<Box<str>>,
}

impl ToneCache {
    fn place(&mut self, word: &str, style: ToneStyle) -> Option<String> {
        if self.slots.is_empty() {
            self.slots.resize(CACHE_SLOTS, None);
        }
        let mut hasher = FxHasher::default();
        hasher.write(word.as_bytes());
        // The high bits: the multiplication leaves the low ones poorly mixed.
        let index = (hasher.finish() >> (64 - CACHE_SLOTS.trailing_zeros())) as usize;
        let slot = self.slots.get_mut(index)?;
        if let Some(cached) = slot
            && *cached.word == *word
        {
            return cached.placed.as_deref().map(str::to_string);
        }
        let placed = tone::place_tone(word, style);
        *slot = Some(CachedWord {
            word: word.into(),
            placed: placed.as_deref().map(Box::from),
        });
        placed
    }
}

thread_local! {
    /// Tone placement of recent words, per style: most words of a report repeat, and the
    /// placement rules cost far more than a hash.
    static TONE_CACHE: RefCell<[ToneCache; 2]> = const {
        RefCell::new([ToneCache { slots: Vec::new() }, ToneCache { slots: Vec::new() }])
    };
}

#[inline(never)]
fn place_tone_cached(word: &str, style: ToneStyle) -> Option<String> {
    if word.len() > CACHED_WORD_BYTES {
        return tone::place_tone(word, style);
    }
    let slot = match style {
        ToneStyle::Modern => 1,
        _ => 0,
    };
    TONE_CACHE.with(|cache| match cache.try_borrow_mut() {
        Ok(mut caches) => caches.get_mut(slot)?.place(word, style),
        Err(_) => tone::place_tone(word, style),
    })
}

fn nfc() -> ComposingNormalizerBorrowed<'static> {
    ComposingNormalizerBorrowed::new_nfc()
}

fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(n) {
        n -= 1;
    }
    n
}

fn common_suffix(a: &str, b: &str) -> usize {
    let mut n = a
        .bytes()
        .rev()
        .zip(b.bytes().rev())
        .take_while(|(x, y)| x == y)
        .count();
    while !a.is_char_boundary(a.len() - n) {
        n -= 1;
    }
    n
}

/// What a run of space-class characters holds.
#[derive(Debug, Default)]
struct SpaceRun {
    /// Line breaks, CRLF counted once.
    breaks: usize,
    /// Horizontal spaces.
    spaces: usize,
    previous_cr: bool,
}

impl SpaceRun {
    fn add(&mut self, c: char) {
        if c == '\n' && self.previous_cr {
            self.previous_cr = false;
            return;
        }
        self.previous_cr = c == '\r';
        if is_line_break(c) {
            self.breaks += 1;
        } else if !is_invisible(c) {
            self.spaces += 1;
        }
    }
}

/// What the scan needs to know of a char, as bits; the low four are its
/// [`tone::class`] bits.
mod flag {
    /// The [`super::tone::class`] bits.
    pub(super) const TONE: u8 = 0x0F;
    /// A space or a line break: ends a word.
    pub(super) const ENDS_WORD: u8 = 0x10;
    /// Removed by the invisibles step. Starts a space run, but does not end a word.
    pub(super) const INVISIBLE: u8 = 0x20;
    /// Not known to be NFC and to compose with nothing: the word goes through NFC.
    pub(super) const NEEDS_NFC: u8 = 0x40;
    /// An eth, or a Cyrillic or Greek letter.
    pub(super) const LOOKALIKE: u8 = 0x80;
}

/// The [`flag`]s of `c`, by their definitions: the lookup tables are built from this.
const fn char_flags(c: char) -> u8 {
    if is_invisible(c) {
        return flag::INVISIBLE;
    }
    if is_space_class(c) {
        return flag::ENDS_WORD;
    }
    match c {
        '\u{D0}' | '\u{F0}' => flag::LOOKALIKE,
        _ if marks::is_stable_starter(c) => tone::tone_class(c),
        '\u{370}'..='\u{3FF}' | '\u{400}'..='\u{52F}' | '\u{1F00}'..='\u{1FFF}' => {
            flag::LOOKALIKE | flag::NEEDS_NFC
        }
        _ => flag::NEEDS_NFC,
    }
}

/// [`char_flags`] for the `N` chars from `first` on.
const fn flag_table<const N: usize>(first: u32) -> [u8; N] {
    let mut table = [flag::NEEDS_NFC; N];
    let mut i = 0;
    while i < N {
        if let Some(c) = char::from_u32(first + i as u32) {
            table[i] = char_flags(c);
        }
        i += 1;
    }
    table
}

/// Where the flags of U+1E00.. start in [`FLAGS`].
const ADDITIONAL_AT: usize = 0x250;

/// The flags of ASCII to Latin Extended-B (U+0000..U+024F), then of Latin Extended
/// Additional (U+1E00..U+1EFF): nearly every char of a Vietnamese text.
static FLAGS: [u8; ADDITIONAL_AT + 0x100] = {
    let latin: [u8; ADDITIONAL_AT] = flag_table(0);
    let additional: [u8; 0x100] = flag_table(0x1E00);
    let mut table = [0; ADDITIONAL_AT + 0x100];
    let mut i = 0;
    while i < table.len() {
        table[i] = if i < ADDITIONAL_AT {
            latin[i]
        } else {
            additional[i - ADDITIONAL_AT]
        };
        i += 1;
    }
    table
};

/// The [`flag`]s of `c`.
fn flags_of(c: char) -> u8 {
    let code = c as usize;
    let index = match code {
        0..ADDITIONAL_AT => Some(code),
        0x1E00..=0x1EFF => Some(code - 0x1E00 + ADDITIONAL_AT),
        _ => None,
    };
    index
        .and_then(|i| FLAGS.get(i).copied())
        .unwrap_or_else(|| char_flags(c))
}

/// The [`flag`]s of an ASCII char.
fn ascii_flags(byte: u8) -> u8 {
    FLAGS.get(usize::from(byte)).copied().unwrap_or(0)
}

/// The [`flag`]s of the char that starts at byte `at` of `text`, and its length in bytes;
/// flags 0 and length 1 where no char starts.
fn flags_at(text: &str, at: usize) -> (u8, usize) {
    match text.as_bytes().get(at) {
        Some(&byte) if byte.is_ascii() => (ascii_flags(byte), 1),
        _ => non_ascii_flags_at(text, at),
    }
}

/// [`flags_at`] for a char outside ASCII: those of [`FLAGS`] are looked up from their
/// bytes, without decoding.
#[inline(always)]
fn non_ascii_flags_at(text: &str, at: usize) -> (u8, usize) {
    let bytes = text.as_bytes();
    let byte = |k: usize| bytes.get(at + k).copied().unwrap_or(0);
    let (lead, second, third) = (byte(0), byte(1), byte(2));
    // U+0080..U+023F: C2..C8 xx; U+1E00..U+1EFF: E1 B8..BB xx.
    let two = lead.wrapping_sub(0xC2) < 7;
    let three = lead == 0xE1 && second & 0xFC == 0xB8;
    if !(two || three) {
        return text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .map_or((0, 1), |c| (flags_of(c), c.len_utf8()));
    }
    // Chosen without a branch: two- and three-byte letters come at random.
    let index_two = (usize::from(lead & 0x1F) << 6) | usize::from(second & 0x3F);
    let index_three =
        ADDITIONAL_AT + ((usize::from(second & 0x03) << 6) | usize::from(third & 0x3F));
    let index = if two { index_two } else { index_three };
    let len = if two { 2 } else { 3 };
    (FLAGS.get(index).copied().unwrap_or(0), len)
}

/// What a word holds, gathered while scanning it, so that most words need no second look.
#[derive(Debug, Clone, Copy, Default)]
struct WordFlags {
    /// A char outside ASCII.
    non_ascii: bool,
    /// The [`flag`]s of its chars, or'ed.
    flags: u8,
    /// Two neighbouring chars between which a tone mark may move ([`tone::pair_may_move`]).
    tone_may_move: bool,
}

impl WordFlags {
    fn ascii(self) -> bool {
        !self.non_ascii
    }

    fn has(self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// Whether a step other than mojibake repair may change the word.
    fn may_change(self) -> bool {
        self.tone_may_move || self.has(flag::INVISIBLE | flag::NEEDS_NFC | flag::LOOKALIKE)
    }
}

/// The word that starts at byte `start` of `input` (a char that does not start a space run):
/// where it ends, and what it holds. A word runs to the next space or line break; invisible
/// chars are part of it.
#[inline]
fn scan_word(input: &str, start: usize) -> (usize, WordFlags) {
    let bytes = input.as_bytes();
    let mut word = WordFlags::default();
    // The last char outside ASCII: where it ends, and its tone class.
    let mut previous = (0, 0);
    let mut i = start;
    while let Some(&byte) = bytes.get(i) {
        if byte.is_ascii() {
            // Spaces and line breaks end the word; control chars are part of it, and printable
            // ASCII is, with nothing to note.
            if byte <= b' ' && ascii_flags(byte) & flag::ENDS_WORD != 0 {
                break;
            }
            i += 1;
            continue;
        }
        let (flags, len) = non_ascii_flags_at(input, i);
        if flags & flag::ENDS_WORD != 0 {
            break;
        }
        word.non_ascii = true;
        word.flags |= flags;
        let tone = flags & flag::TONE;
        // Only a char with a tone mark makes a pair where one moves: its neighbours are
        // looked at when it comes, not every pair of the word.
        if tone & (tone::class::TONED_PLAIN | tone::class::TONED_U_HORN) != 0 && !word.tone_may_move
        {
            let before = tone_before(input, start, i, previous);
            word.tone_may_move = toned_char_may_move(input, before, tone, i + len);
        }
        previous = (i + len, tone);
        i += len;
    }
    (i, word)
}

/// The run of spaces, line breaks and invisible chars that starts at byte `start` of `input`:
/// where it ends, and what it holds.
fn scan_space_run(input: &str, start: usize) -> (usize, SpaceRun) {
    let mut run = SpaceRun::default();
    let mut i = start;
    while let Some(c) = input.get(i..).and_then(|rest| rest.chars().next()) {
        if flags_of(c) & (flag::ENDS_WORD | flag::INVISIBLE) == 0 {
            break;
        }
        run.add(c);
        i += c.len_utf8();
    }
    (i, run)
}

/// Spaces, line breaks, and the invisible characters that may sit among them.
const fn is_space_class(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200D}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{2060}'
                | '\u{3000}'
                | '\u{FEFF}'
                | '\u{AD}'
    )
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Characters removed outright: they carry no text.
const fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize(s).into_text()
    }

    #[test]
    fn spacing_and_line_breaks() {
        let cases = [
            ("a  b", "a b"),
            ("a\u{A0}b", "a b"),
            ("a\t\tb", "a b"),
            ("a \u{A0}\u{2009} b", "a b"),
            ("a\r\nb", "a\nb"),
            ("a\rb", "a\nb"),
            ("a\r\n\r\nb", "a\n\nb"),
            ("a  \r\n  b", "a\nb"),
            ("  a b  ", "a b"),
            ("a\u{2028}b", "a\nb"),
            ("line one\nline two\n", "line one\nline two\n"),
            ("\n\nTitle", "\n\nTitle"),
            ("", ""),
            ("   ", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(norm(input), expected, "{input:?}");
        }
    }

    #[test]
    fn invisibles_are_removed() {
        let cases = [
            ("Th\u{200B}ành", "Thành"),
            ("a\u{200B} b", "a b"),
            ("a \u{200B} b", "a b"),
            ("\u{FEFF}Hội nghị", "Hội nghị"),
            ("tuyên\u{AD}truyền", "tuyêntruyền"),
            ("a\u{200D}\u{200C}\u{2060}b", "ab"),
        ];
        for (input, expected) in cases {
            assert_eq!(norm(input), expected, "{input:?}");
        }
    }

    #[test]
    fn nfc_composes_decomposed_letters() {
        let decomposed = "Ho\u{302}\u{323}i nghi\u{323} To\u{302}\u{309}ng ke\u{302}\u{301}t";
        assert_eq!(norm(decomposed), "Hội nghị Tổng kết");
        // A tone mark typed before the circumflex still composes.
        assert_eq!(norm("ke\u{301}\u{302}t"), "kết");
    }

    #[test]
    fn quotes_and_dashes_stay() {
        let text = "“Gia đình văn hóa” – Minh Hòa — ‘x’";
        assert_eq!(norm(text), text);
    }

    #[test]
    fn already_normal_text_is_borrowed() {
        let text =
            "Sáng 9-1, tại hội trường tầng 3, Ban Tuyên giáo Thành ủy tổ chức hội nghị.\nMinh Hòa";
        let normalized = normalize(text);
        assert!(matches!(normalized.text, Cow::Borrowed(_)));
        assert!(normalized.offset_map().is_identity());
    }

    #[test]
    fn spans_map_back_to_the_input() {
        let input = "\u{FEFF}Ho\u{300}a\u{A0}\u{A0}Bi\u{300}nh\r\nThu\u{309}y  ngày 15/3";
        let normalized = normalize(input);
        let text = normalized.text();
        assert_eq!(text, "Hòa Bình\nThủy ngày 15/3");
        for (needle, expected) in [
            ("Hòa", "Ho\u{300}a"),
            ("Bình", "Bi\u{300}nh"),
            ("Thủy", "Thu\u{309}y"),
            ("ngày 15/3", "ngày 15/3"),
            ("Hòa Bình", "Ho\u{300}a\u{A0}\u{A0}Bi\u{300}nh"),
        ] {
            let start = text.find(needle).unwrap();
            let span = normalized.span(start..start + needle.len());
            assert_eq!(&input[span.range()], expected, "{needle}");
            let chars: Vec<char> = input.chars().collect();
            let by_chars: String = chars[span.char_start..span.char_end].iter().collect();
            assert_eq!(by_chars, expected);
        }
    }

    /// Every word outside ASCII through every step, every space run through the space step,
    /// tokens found char by char: the definition that skipping ahead (whole stretches by
    /// [`next_work`], the steps a word's flags rule out) must agree with, text and map.
    fn normalize_every_word(input: &str, options: NormalizeOptions) -> (String, OffsetMap) {
        let repaired_from = options
            .mojibake
            .then(|| legacy::detect_mojibake(input))
            .flatten();
        let mut writer = Writer::new(input);
        let mut pos = 0;
        while let Some(rest) = input.get(pos..).filter(|rest| !rest.is_empty()) {
            let in_run = |c: char| is_space_class(c);
            let in_word = |c: char| !is_space_class(c) || is_invisible(c);
            if rest.starts_with(in_run) {
                let end = pos + rest.find(|c| !in_run(c)).unwrap_or(rest.len());
                let mut run = SpaceRun::default();
                input[pos..end].chars().for_each(|c| run.add(c));
                writer.space_run(pos..end, &run, end == input.len(), options);
                pos = end;
            } else {
                let end = pos + rest.find(|c| !in_word(c)).unwrap_or(rest.len());
                let every_step = WordFlags {
                    non_ascii: !input[pos..end].is_ascii(),
                    flags: !flag::TONE,
                    tone_may_move: true,
                };
                writer.word(pos..end, every_step, options, repaired_from);
                pos = end;
            }
        }
        let (text, map) = writer.finish();
        (text.into_owned(), map)
    }

    fn assert_same_as_every_word(input: &str, options: NormalizeOptions) {
        let normalized = normalize_with(input, options);
        let (text, map) = normalize_every_word(input, options);
        assert_eq!(normalized.text(), text, "{input:?} {options:?}");
        assert_eq!(normalized.offset_map(), &map, "{input:?} {options:?}");
    }

    #[test]
    fn skipping_ahead_changes_nothing_on_the_fixtures() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/reports");
        let mut texts = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let Ok(text) = std::fs::read_to_string(entry.unwrap().path()) else {
                continue;
            };
            let decomposed: String =
                unicode_normalization::UnicodeNormalization::nfd(text.as_str()).collect();
            let modern = normalize_with(
                &text,
                NormalizeOptions::new().tone_style(Some(ToneStyle::Modern)),
            )
            .into_text();
            for input in [&text, &decomposed, &text.replace('\n', "\r\n"), &modern] {
                assert_same_as_every_word(input, NormalizeOptions::new());
                assert_same_as_every_word(input, NormalizeOptions::new().mojibake(true));
            }
            texts += 1;
        }
        assert!(texts > 10);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn skipping_ahead_changes_nothing(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                // Letters and syllables, some with a mark to move or in the other style.
                "a", "o", "u", "y", "i", "q", "g", "h", "n", "T", "Đ", "ơ", "ư", "â", "à", "ỏ",
                "ủ", "ệ", "ộ", "ừ", "Ú", "mừơi", "ngừơi", "hoà", "hòa", "HOÀ", "qúy", "gìa",
                "nghìên", "Thuỷ", "ủy", "của", "cuả", "khỏe", "Hòang", "người", "uỷ", "ỦY",
                // Digits, punctuation, controls.
                "1", ".", "(", "-", "\u{7F}", "\u{1}", "“", "–",
                // Spaces, line breaks, invisibles.
                " ", " ", " ", "\n", "\n", "\r", "\t", "\u{A0}", "\u{2009}", "\u{200B}",
                "\u{FEFF}", "\u{AD}", "\u{85}",
                // Combining marks, look-alikes, other scripts.
                "\u{300}", "\u{301}", "\u{302}", "\u{309}", "\u{31B}", "\u{323}", "\u{308}",
                "\u{D0}", "\u{F0}", "о", "Ο", "\u{1FCB}", "ß", "ɐ", "\u{24F}", "\u{1E9E}", "한",
                "😀",
            ]), 0..30),
            on in proptest::prelude::any::<[bool; 6]>(),
            style in proptest::sample::select(vec![None, Some(ToneStyle::Traditional), Some(ToneStyle::Modern)]),
        ) {
            let input: String = pieces.concat();
            let options = NormalizeOptions::new()
                .line_breaks(on[0])
                .spaces(on[1])
                .invisibles(on[2])
                .nfc(on[3])
                .lookalikes(on[4])
                .mojibake(on[5])
                .tone_style(style);
            assert_same_as_every_word(&input, options);
            assert_same_as_every_word(&input, NormalizeOptions::new());
        }
    }

    #[test]
    fn skipping_ahead_changes_nothing_around_marks_that_move() {
        for word in [
            "mừơi",
            "ngừơi",
            "hoà",
            "hòa",
            "qúy",
            "gìa",
            "nghìên",
            "Thuỷ",
            "thủy",
            "cuả",
            "khoẻ",
            "Hòang",
            "(hoà,",
            "Thành-uỷ",
            "ỦY",
            "hoàà",
            "mừơ",
            "ừơ",
        ] {
            for input in [
                word.to_string(),
                format!("x {word} y"),
                format!("x\n{word}\ny"),
                format!("{word}{word} {word}"),
                format!("a \u{300}{word}"),
            ] {
                for style in [ToneStyle::Traditional, ToneStyle::Modern] {
                    assert_same_as_every_word(
                        &input,
                        NormalizeOptions::new().tone_style(Some(style)),
                    );
                }
            }
        }
    }

    #[test]
    fn the_scan_stops_at_every_mark_that_moves() {
        // Every text of up to three chars over onsets, vowels bare, marked and with other
        // marks, consonants and non-letters; of four and five over fewer: whenever placing
        // the marks changes the text, the scan stops (by the pairs of neighbours, then by
        // the shapes `mark_in_place` settles, then by the cache).
        fn texts(alphabet: &[char], length: usize, out: &mut Vec<String>) {
            let mut current = vec![String::new()];
            for _ in 0..length {
                current = current
                    .iter()
                    .flat_map(|prefix| alphabet.iter().map(move |c| format!("{prefix}{c}")))
                    .collect();
                out.extend(current.iter().cloned());
            }
        }
        let mut all = Vec::new();
        let wide: Vec<char> = "qgnhtđuioaeyUOAàáảãạòóỏọùúủũụìíỉỷỳýèẻẹÒÙƯơưâêôờừ-“,1 "
            .chars()
            .collect();
        texts(&wide, 3, &mut all);
        let narrow: Vec<char> = "qQgGnhđuioaeyàảạòỏùủỳỷêờừ ,“".chars().collect();
        texts(&narrow, 4, &mut all);
        let narrower: Vec<char> = "qgnuioayàạòùỷ ,".chars().collect();
        texts(&narrower, 5, &mut all);
        let mut moved = 0;
        for text in &all {
            for style in [ToneStyle::Traditional, ToneStyle::Modern] {
                if tone::place_tone(text, style).is_some() {
                    moved += 1;
                    assert!(
                        next_work(text, 0, Some(style)).is_some(),
                        "{text:?} {style:?}"
                    );
                }
            }
        }
        assert!(moved > 10_000, "{moved}");
        // And the shapes settle the common words without the cache.
        for text in [
            "của", "ngày", "đại", "toàn", "hoạch", "quả", "giá", "ủy", "hòa", "Đoàn",
        ] {
            let at = text
                .char_indices()
                .find(|&(_, c)| tone::vowel_letter(c).is_some_and(|v| v.tone != 0))
                .unwrap()
                .0;
            let len = text[at..].chars().next().unwrap().len_utf8();
            // The last char outside ASCII before the marked one.
            let before = text[..at]
                .char_indices()
                .rfind(|(_, c)| !c.is_ascii())
                .map_or((usize::MAX, 0), |(i, c)| {
                    (i + c.len_utf8(), flags_of(c) & flag::TONE)
                });
            assert!(
                mark_in_place(text, 0, at..at + len, before, ToneStyle::Traditional),
                "{text}"
            );
        }
    }

    #[test]
    fn the_flag_tables_agree_with_the_definitions() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(flags_of(c), char_flags(c), "{c:?}");
            let text = format!("{c}x");
            assert_eq!(flags_at(&text, 0), (char_flags(c), c.len_utf8()), "{c:?}");
        }
    }

    #[test]
    fn a_lookalike_that_nfc_makes_is_fixed_in_the_same_pass() {
        // Found by fuzzing: U+1FCB (Greek capital eta with oxia) decomposes to U+0389, a
        // Greek look-alike; the first pass must leave nothing for a second one to change.
        let once = norm("quyết đ\u{1FCB}nh");
        assert_eq!(once, "quyết đH\u{301}nh");
        assert_eq!(norm(&once), once);
    }

    #[test]
    fn steps_can_be_switched_off() {
        let input = "Ho\u{300}a\u{A0}\u{A0}hoà\r\nx\u{200B}y";
        assert_eq!(
            normalize_with(input, NormalizeOptions::none()).text(),
            input
        );
        let only_spaces = NormalizeOptions::none().spaces(true);
        assert_eq!(
            normalize_with(input, only_spaces).text(),
            "Ho\u{300}a hoà\r\nx\u{200B}y"
        );
        let only_breaks = NormalizeOptions::none().line_breaks(true);
        assert_eq!(
            normalize_with(input, only_breaks).text(),
            "Ho\u{300}a\u{A0}\u{A0}hoà\nx\u{200B}y"
        );
        let no_tone = NormalizeOptions::new().tone_style(None);
        assert_eq!(normalize_with(input, no_tone).text(), "Hòa hoà\nxy");
        let modern = NormalizeOptions::new().tone_style(Some(ToneStyle::Modern));
        assert_eq!(normalize_with(input, modern).text(), "Hoà hoà\nxy");
    }
}
