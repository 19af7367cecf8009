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
use std::ops::Range;
use std::sync::OnceLock;

use icu_normalizer::ComposingNormalizerBorrowed;

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
    let mut writer = Writer {
        input,
        out: String::new(),
        copied_until: 0,
        map: OffsetMap::identity(),
    };
    let mut pos = 0;
    let mut chars = input.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if is_space_class(c) {
            let mut run = SpaceRun::default();
            while let Some(&(i, c)) = chars.peek() {
                if !is_space_class(c) {
                    break;
                }
                run.add(c);
                pos = i + c.len_utf8();
                chars.next();
            }
            let at_text_end = chars.peek().is_none();
            writer.space_run(start..pos, &run, at_text_end, options);
        } else {
            let mut word = WordFlags::default();
            while let Some(&(i, c)) = chars.peek() {
                if is_space_class(c) && !is_invisible(c) {
                    break;
                }
                word.add(c);
                pos = i + c.len_utf8();
                chars.next();
            }
            writer.word(start..pos, word, options, repaired_from);
        }
    }
    let Writer {
        out,
        copied_until,
        map,
        ..
    } = writer;
    let text = if map.is_identity() {
        Cow::Borrowed(input)
    } else {
        let mut out = out;
        out.push_str(input.get(copied_until..).unwrap_or_default());
        Cow::Owned(out)
    };
    Normalized {
        input,
        text,
        map,
        input_chars: OnceLock::new(),
        repaired_from,
    }
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

impl Writer<'_> {
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
        if flags.ascii && mojibake.is_none() {
            return;
        }
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
    if options.invisibles && flags.invisible {
        current = Cow::Owned(current.chars().filter(|&c| !is_invisible(c)).collect());
    }
    // NFC can turn a char of another block into a look-alike ("Ή" U+1FCB becomes U+0389), so
    // a word NFC changed is checked for look-alikes too: otherwise a second pass would find
    // what the first did not.
    let mut composed_anew = false;
    if options.nfc && (flags.needs_nfc_check || repaired) {
        if let Some(reordered) = marks::reorder_marks(&current) {
            current = Cow::Owned(reordered);
            composed_anew = true;
        }
        if let Cow::Owned(composed) = nfc().normalize(&current) {
            current = Cow::Owned(composed);
            composed_anew = true;
        }
    }
    if options.lookalikes
        && (flags.lookalike || repaired || composed_anew)
        && let Some(fixed) = lookalike::fix_lookalikes(&current)
    {
        current = Cow::Owned(fixed);
    }
    if let Some(style) = options.tone_style
        && !flags.ascii
        && may_need_tone_placement(&current)
        && let Some(placed) = place_tone_cached(&current, style)
    {
        current = Cow::Owned(placed);
    }
    match current {
        Cow::Owned(text) if text != word => Some(text),
        _ => None,
    }
}

/// Whether a word has a tone mark next to a second vowel: the only words where the two
/// styles differ (open oa, oe, uy) or a mark can be misplaced ("nghìên", "hòang"). A word with
/// one vowel, or with no tone mark, is already right. Errs on the side of yes.
fn may_need_tone_placement(word: &str) -> bool {
    let mut toned = false;
    let mut adjacent_vowels = false;
    let mut previous_vowel = false;
    for c in word.chars() {
        if matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}') {
            // A combining tone mark (text that was not composed) is part of its letter.
            toned = true;
            continue;
        }
        let vowel = is_vowel_letter(c);
        toned |= is_toned_letter(c);
        adjacent_vowels |= vowel && previous_vowel;
        previous_vowel = vowel;
    }
    toned && adjacent_vowels
}

/// Vietnamese vowel letters, with any marks (and a few other Latin-1 letters: harmless).
fn is_vowel_letter(c: char) -> bool {
    matches!(
        c,
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'
            | '\u{C0}'..='\u{FF}'
            | '\u{102}' | '\u{103}' | '\u{128}' | '\u{129}' | '\u{168}' | '\u{169}'
            | '\u{1A0}' | '\u{1A1}' | '\u{1AF}' | '\u{1B0}'
            | '\u{1EA0}'..='\u{1EF9}'
    )
}

/// Letters that carry a tone mark (and a few other Latin-1 letters: harmless).
fn is_toned_letter(c: char) -> bool {
    match c {
        '\u{C2}' | '\u{CA}' | '\u{D4}' | '\u{E2}' | '\u{EA}' | '\u{F4}' => false,
        '\u{C0}'..='\u{FF}' | '\u{128}' | '\u{129}' | '\u{168}' | '\u{169}' => true,
        '\u{1EA0}'..='\u{1EF9}' => true,
        _ => false,
    }
}

/// Words longer than this are not cached: they are rare, and a syllable is at most 7 letters.
const CACHED_WORD_BYTES: usize = 32;
/// The cache is cleared when it holds this many words; a report has a few thousand distinct
/// syllables, so this bounds memory without losing the benefit.
const CACHED_WORDS: usize = 1 << 14;

/// Each distinct word's tone placement (`None`: unchanged).
type ToneCache = std::collections::HashMap<Box<str>, Option<Box<str>>>;

thread_local! {
    /// Tone placement per distinct word, per style: most words of a report repeat, and the
    /// placement rules cost far more than a hash lookup.
    static TONE_CACHE: std::cell::RefCell<[ToneCache; 2]> =
        std::cell::RefCell::new(Default::default());
}

fn place_tone_cached(word: &str, style: ToneStyle) -> Option<String> {
    if word.len() > CACHED_WORD_BYTES {
        return tone::place_tone(word, style);
    }
    let slot = match style {
        ToneStyle::Modern => 1,
        _ => 0,
    };
    TONE_CACHE.with(|cache| {
        let mut caches = cache.borrow_mut();
        let map = caches.get_mut(slot)?;
        if let Some(known) = map.get(word) {
            return known.as_deref().map(str::to_string);
        }
        let placed = tone::place_tone(word, style);
        if map.len() >= CACHED_WORDS {
            map.clear();
        }
        map.insert(word.into(), placed.as_deref().map(Box::from));
        placed
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

/// What a word holds, gathered while scanning it, so that most words need no second look.
#[derive(Debug, Clone, Copy)]
struct WordFlags {
    ascii: bool,
    invisible: bool,
    /// A character outside the ranges known to be NFC and not to compose (ASCII,
    /// precomposed Latin letters, common punctuation).
    needs_nfc_check: bool,
    /// An eth, or a Cyrillic or Greek letter.
    lookalike: bool,
}

impl Default for WordFlags {
    fn default() -> WordFlags {
        WordFlags {
            ascii: true,
            invisible: false,
            needs_nfc_check: false,
            lookalike: false,
        }
    }
}

impl WordFlags {
    fn add(&mut self, c: char) {
        if c.is_ascii() {
            return;
        }
        self.ascii = false;
        match c {
            _ if is_invisible(c) => self.invisible = true,
            '\u{D0}' | '\u{F0}' => self.lookalike = true,
            // Latin-1 letters and symbols, Latin Extended-A and B, Latin Extended Additional
            // (every precomposed Vietnamese letter), general punctuation: NFC as they stand,
            // and none of them composes with a following base character.
            '\u{A1}'..='\u{24F}'
            | '\u{1E00}'..='\u{1EFF}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}' => {}
            '\u{370}'..='\u{3FF}' | '\u{400}'..='\u{52F}' | '\u{1F00}'..='\u{1FFF}' => {
                self.lookalike = true;
                self.needs_nfc_check = true;
            }
            _ => self.needs_nfc_check = true,
        }
    }
}

/// Spaces, line breaks, and the invisible characters that may sit among them.
fn is_space_class(c: char) -> bool {
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
fn is_invisible(c: char) -> bool {
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

    #[test]
    fn the_tone_prefilter_never_skips_a_word_that_changes() {
        // Every word of up to three letters over onsets, vowels in every tone and codas, and
        // a set of longer syllables: when tone placement would change a word, the prefilter
        // lets it through.
        let letters: Vec<char> =
            "hngqtrkcđoauyeiơưâêôăàáảãạòóỏõọùúủũụỳýỷỹỵèéẻẽẹìíỉĩịờớởỡợừứửữựầấẩẫậềếểễệồốổỗộằắẳẵặOÀUỶ"
                .chars()
                .collect();
        let mut words: Vec<String> = Vec::new();
        for &a in &letters {
            words.push(a.to_string());
            for &b in &letters {
                words.push([a, b].iter().collect());
                for &c in &letters {
                    words.push([a, b, c].iter().collect());
                }
            }
        }
        for syllable in [
            "nghìên", "hòang", "tóan", "qúy", "mừơi", "khuỳnh", "thuở", "hoà", "Thuỷ", "ngoặt",
            "giặc", "gìa",
        ] {
            words.push(syllable.to_string());
        }
        for word in &words {
            for style in [ToneStyle::Traditional, ToneStyle::Modern] {
                if tone::place_tone(word, style).is_some() {
                    assert!(
                        may_need_tone_placement(word),
                        "{word} changes but was skipped"
                    );
                }
            }
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
