//! Tokens of one line: words and punctuation marks with their byte ranges, each with the
//! number of its folded word in the lexicons' vocabulary, and with abbreviations expanded in
//! place ("UBND" becomes the four tokens of "Ủy ban nhân dân", each pointing at the surface
//! "UBND").
//!
//! A line is read in one pass over its chars: the word's case and its folded spelling are
//! worked out as the chars go by, the folded spelling is looked up once, and no token holds a
//! string of its own. The buffers are kept from line to line ([`Tokenizer`]).

use std::ops::Range;
use std::sync::LazyLock;

use super::lexicon::{Abbreviation, Keyword, Lexicons, Packed, WordId, WordKey};
use crate::text::fold::fold_char;

/// How a word is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// "Trần", "A": an upper-case letter, then lower-case ones.
    Cap,
    /// "UBND", "CỤC": two or more letters, all upper case.
    Upper,
    /// "thành", "ủy".
    Lower,
    /// "35", "2024".
    Digit,
    /// "ThS", "4a".
    Mixed,
    /// A punctuation mark.
    Punct,
}

/// One token of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok<'l> {
    /// Where it stands in the normalized text; for an expanded abbreviation, the whole
    /// abbreviation.
    pub(crate) range: Range<usize>,
    /// Its folded spelling's number in the vocabulary ([`WordId::UNKNOWN`] for a word no list
    /// holds).
    pub(crate) word: WordId,
    /// The bits of the lists that have a phrase starting with its word.
    pub(crate) starts: u16,
    pub(crate) case: Case,
    /// Whether a space stands before it.
    pub(crate) space_before: bool,
    /// For tokens of an expanded abbreviation: the expansion (on the first token only) and
    /// the mark itself.
    pub(crate) expansion: Option<&'l str>,
    pub(crate) abbr: bool,
}

impl Tok<'_> {
    pub(crate) fn is_word(&self) -> bool {
        self.case != Case::Punct
    }

    /// Written with a capital, as names and proper nouns are (an abbreviation counts).
    pub(crate) fn is_capitalized(&self) -> bool {
        matches!(self.case, Case::Cap | Case::Upper)
    }

    /// Whether its folded spelling is `keyword`'s.
    pub(crate) fn is(&self, keyword: Keyword) -> bool {
        self.word == keyword.id()
    }

    /// Whether its folded spelling is one of a set of keywords ([`Keyword::set`]).
    pub(crate) fn is_any(&self, keywords: u64) -> bool {
        self.word.in_set(keywords)
    }

    /// Whether it is one of the punctuation `marks`.
    pub(crate) fn is_mark(&self, marks: &[Keyword]) -> bool {
        self.case == Case::Punct && marks.iter().any(|&mark| self.is(mark))
    }
}

/// The byte ranges of the words (runs of letters, digits and combining marks) and the
/// punctuation marks (one char each) of `text`; spaces separate and are skipped.
pub(crate) fn raw_pieces(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (start, c) = chars.next()?;
            if c.is_whitespace() {
                continue;
            }
            if !is_word_char(c) {
                return Some(start..start + c.len_utf8());
            }
            let mut end = start + c.len_utf8();
            while let Some(&(at, next)) = chars.peek() {
                if !is_word_char(next) {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
            return Some(start..end);
        }
    })
}

/// Whether `c` belongs to a word: a letter, a digit or a combining mark.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    crate::text::is_alnum(c) || matches!(c, '\u{300}'..='\u{36F}')
}

/// What reading a line needs to know of a char, in one word: the char it folds to (what
/// [`fold_char`] gives) in the low bits, and flags above them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CharClass(u32);

/// The low bits: the folded char.
const FOLDED: u32 = (1 << 21) - 1;
/// It folds to a char (a lone combining mark folds to nothing).
const FOLDS: u32 = 1 << 21;
const SPACE: u32 = 1 << 22;
const WORD: u32 = 1 << 23;
const UPPER: u32 = 1 << 24;
const LOWER: u32 = 1 << 25;
const ASCII_DIGIT: u32 = 1 << 26;

impl CharClass {
    /// Answered by the Unicode tables.
    fn of(c: char) -> CharClass {
        let flag = |yes: bool, bit: u32| if yes { bit } else { 0 };
        let folded = fold_char(c).map_or(0, |f| f as u32 | FOLDS);
        CharClass(
            folded
                | flag(c.is_whitespace(), SPACE)
                | flag(is_word_char(c), WORD)
                | flag(c.is_uppercase(), UPPER)
                | flag(c.is_lowercase(), LOWER)
                | flag(c.is_ascii_digit(), ASCII_DIGIT),
        )
    }

    fn is(self, bit: u32) -> bool {
        self.0 & bit != 0
    }

    /// `folded` with the char this one folds to appended, as UTF-8.
    #[inline(always)]
    fn fold_into(self, folded: Packed) -> Packed {
        let code = self.0 & FOLDED;
        if code < 0x80 {
            if self.is(FOLDS) {
                return folded.push(code as u8);
            }
            return folded;
        }
        let mut buffer = [0; 4];
        let bytes = char::from_u32(code).map_or(&[][..], |f| f.encode_utf8(&mut buffer).as_bytes());
        bytes.iter().fold(folded, |folded, &byte| folded.push(byte))
    }
}

/// The chars most of every report is written in: ASCII and Latin-1 to Latin Extended-B
/// (0..0x250), and Latin Extended Additional (ạ … ỹ).
const LATIN_END: u32 = 0x250;
const EXTENDED: Range<u32> = 0x1E00..0x1F00;

/// [`CharClass::of`] for those chars, made once: the Unicode tables cost a search per char
/// and per question.
static CHAR_CLASSES: LazyLock<Vec<CharClass>> = LazyLock::new(|| {
    (0..LATIN_END)
        .chain(EXTENDED)
        .map(|code| char::from_u32(code).map_or(CharClass(0), CharClass::of))
        .collect()
});

/// [`CharClass::of`] the char of code point `code`, from `table` ([`CHAR_CLASSES`]) where it
/// can.
#[inline(always)]
fn class_of(table: &[CharClass], code: u32) -> CharClass {
    let index = if code < LATIN_END {
        code
    } else if EXTENDED.contains(&code) {
        code - EXTENDED.start + LATIN_END
    } else {
        return char::from_u32(code).map_or(CharClass(0), CharClass::of);
    };
    table
        .get(index as usize)
        .copied()
        .unwrap_or_else(|| char::from_u32(code).map_or(CharClass(0), CharClass::of))
}

/// The class and the UTF-8 length of the char that starts at byte `at` of `bytes` (valid
/// UTF-8, `at` on a char boundary), decoded by hand: ASCII in one step.
#[inline(always)]
fn class_at(table: &[CharClass], bytes: &[u8], at: usize) -> Option<(CharClass, usize)> {
    let lead = u32::from(*bytes.get(at)?);
    if lead < 0x80 {
        return Some((table.get(lead as usize).copied()?, 1));
    }
    let next = |k: usize| bytes.get(at + k).map(|&b| u32::from(b) & 0x3F);
    let (code, len) = if lead < 0xE0 {
        (((lead & 0x1F) << 6) | next(1)?, 2)
    } else if lead < 0xF0 {
        (((lead & 0x0F) << 12) | (next(1)? << 6) | next(2)?, 3)
    } else {
        let code = ((lead & 0x07) << 18) | (next(1)? << 12) | (next(2)? << 6) | next(3)?;
        (code, 4)
    };
    Some((class_of(table, code), len))
}

/// A word as [`read_word`] reads it.
struct WordScan {
    /// Where it ends, in the line.
    end: usize,
    case: Case,
    folded: Packed,
}

/// Reads the word whose first char, of class `first`, ends at `at` of `bytes`, with plain
/// values for state (kept in registers).
#[inline(always)]
fn read_word(table: &[CharClass], bytes: &[u8], mut at: usize, first: CharClass) -> WordScan {
    let mut shape = Shape::new(first);
    let mut folded = first.fold_into(Packed::default());
    loop {
        // Most chars of a word are lower-case ASCII letters, whose class is known.
        if let Some(&byte) = bytes.get(at).filter(|b| b.is_ascii_lowercase()) {
            shape.add(ascii_lowercase_class(byte));
            folded = folded.push(byte);
            at += 1;
            continue;
        }
        let Some((next, len)) = class_at(table, bytes, at) else {
            break;
        };
        if !next.is(WORD) {
            break;
        }
        shape.add(next);
        folded = next.fold_into(folded);
        at += len;
    }
    WordScan {
        end: at,
        case: shape.case(),
        folded,
    }
}

/// The class of a lower-case ASCII letter: a word char, lower case, folding to itself.
#[inline(always)]
fn ascii_lowercase_class(byte: u8) -> CharClass {
    CharClass(WORD | LOWER | FOLDS | u32::from(byte))
}

/// The case of a word, worked out char by char as it is read.
#[derive(Debug, Clone, Copy)]
struct Shape {
    first: u32,
    /// The flags of the chars after the first, or-ed.
    rest: u32,
    /// The flags of all the chars, and-ed.
    all: u32,
}

impl Shape {
    fn new(first: CharClass) -> Shape {
        Shape {
            first: first.0,
            rest: 0,
            all: first.0,
        }
    }

    fn add(&mut self, next: CharClass) {
        self.rest |= next.0;
        self.all &= next.0;
    }

    fn case(self) -> Case {
        if self.all & ASCII_DIGIT != 0 {
            return Case::Digit;
        }
        let rest_lower = self.rest & (UPPER | ASCII_DIGIT) == 0;
        let rest_upper = self.rest & (LOWER | ASCII_DIGIT) == 0;
        let first_upper = self.first & UPPER != 0;
        if first_upper && rest_lower {
            Case::Cap
        } else if first_upper && rest_upper {
            Case::Upper
        } else if self.first & LOWER != 0 && rest_lower {
            Case::Lower
        } else {
            Case::Mixed
        }
    }
}

/// Reads lines into tokens, keeping its buffers from one line to the next.
#[derive(Debug)]
pub(crate) struct Tokenizer<'l> {
    lexicons: &'l Lexicons,
    /// The plain tokens that may start an abbreviation.
    candidates: Vec<usize>,
    /// The plain tokens that may start a citation ([`Tokenizer::citation_starts`]).
    citation_starts: Vec<usize>,
    plain: Vec<Tok<'l>>,
    expanded: Vec<Tok<'l>>,
    /// Whether the line holds an abbreviation (else the expanded tokens are the plain ones).
    abbreviated: bool,
}

impl<'l> Tokenizer<'l> {
    pub(crate) fn new(lexicons: &'l Lexicons) -> Tokenizer<'l> {
        Tokenizer {
            lexicons,
            candidates: Vec::new(),
            citation_starts: Vec::new(),
            plain: Vec::new(),
            expanded: Vec::new(),
            abbreviated: false,
        }
    }

    /// The tokens of the last line read, as written.
    pub(crate) fn plain(&self) -> &[Tok<'l>] {
        &self.plain
    }

    /// The plain tokens of the last line read that may start a citation: a word that starts
    /// a document type of the list, or "Số" first on the line (a release's own number).
    pub(crate) fn citation_starts(&self) -> &[usize] {
        &self.citation_starts
    }

    /// The tokens of the last line read, abbreviations expanded.
    pub(crate) fn expanded(&self) -> &[Tok<'l>] {
        if self.abbreviated {
            &self.expanded
        } else {
            &self.plain
        }
    }

    /// Reads `range` of `text`. `choose` picks among an abbreviation's expansions (by the
    /// document's context).
    pub(crate) fn read(
        &mut self,
        text: &str,
        range: Range<usize>,
        choose: &dyn Fn(&Abbreviation) -> usize,
    ) {
        self.read_plain(text, range);
        self.expand(text, choose);
    }

    fn read_plain(&mut self, text: &str, range: Range<usize>) {
        self.plain.clear();
        self.candidates.clear();
        self.citation_starts.clear();
        let Some(line) = text.get(range.clone()) else {
            return;
        };
        let vocabulary = &self.lexicons.vocabulary;
        let abbreviations = &self.lexicons.abbreviations;
        let document_types = &self.lexicons.document_types;
        let mut space_before = text
            .get(..range.start)
            .is_some_and(|before| before.ends_with(' '));
        let table = CHAR_CLASSES.as_slice();
        let bytes = line.as_bytes();
        let mut at = 0;
        loop {
            // Words are separated by one ASCII space, most of the time.
            if bytes.get(at) == Some(&b' ') {
                space_before = true;
                at += 1;
                continue;
            }
            let Some((class, len)) = class_at(table, bytes, at) else {
                break;
            };
            if class.is(SPACE) {
                space_before = true;
                at += len;
                continue;
            }
            let start = at;
            at += len;
            let (case, folded) = if class.is(WORD) {
                let scan = read_word(table, bytes, at, class);
                at = scan.end;
                (scan.case, scan.folded)
            } else {
                (Case::Punct, class.fold_into(Packed::default()))
            };
            let word = if folded.is_whole() {
                vocabulary.word_of_packed(folded)
            } else {
                // Longer than sixteen bytes folded: rare enough to fold it again, whole.
                let surface = line.get(start..at).unwrap_or_default();
                vocabulary.word_of(&WordKey::of(&crate::text::fold::fold(surface)))
            };
            let starts = vocabulary.starts(word);
            if abbreviations.may_start(starts) {
                self.candidates.push(self.plain.len());
            }
            let cites = document_types.may_start_with(starts)
                || (self.plain.is_empty() && word == Keyword::So.id());
            if cites && case != Case::Punct {
                self.citation_starts.push(self.plain.len());
            }
            self.plain.push(Tok {
                range: range.start + start..range.start + at,
                word,
                starts,
                case,
                space_before,
                expansion: None,
                abbr: false,
            });
            space_before = false;
        }
    }

    /// The plain tokens with each abbreviation written as one mark ("KT-XH", not glued to a
    /// longer word) replaced by the tokens of its expansion. Only the tokens marked while
    /// reading are looked at; a line without one keeps its plain tokens.
    fn expand(&mut self, text: &str, choose: &dyn Fn(&Abbreviation) -> usize) {
        self.expanded.clear();
        self.abbreviated = false;
        let vocabulary = &self.lexicons.vocabulary;
        let abbreviations = &self.lexicons.abbreviations;
        let plain = &self.plain;
        // Plain tokens before `copied` are in `expanded` already (or stand for an abbreviation).
        let mut copied = 0;
        for &i in &self.candidates {
            let Some(tok) = plain.get(i).filter(|_| i >= copied) else {
                continue;
            };
            let found = abbreviations.at(text, plain, i).filter(|(len, _)| {
                (1..*len).all(|k| plain.get(i + k).is_some_and(|r| !r.space_before))
            });
            let Some((len, abbreviation)) = found else {
                continue;
            };
            self.abbreviated = true;
            self.expanded
                .extend_from_slice(plain.get(copied..i).unwrap_or_default());
            let last = plain
                .get(i + len - 1)
                .map_or(tok.range.end, |r| r.range.end);
            let whole = tok.range.start..last;
            let choice = choose(abbreviation);
            let expansion = abbreviation
                .expansions
                .get(choice)
                .or(abbreviation.expansions.first());
            let words = expansion.map_or(&[][..], |e| &e.words);
            for (n, &(word, mark)) in words.iter().enumerate() {
                self.expanded.push(Tok {
                    range: whole.clone(),
                    word,
                    starts: vocabulary.starts(word),
                    case: if mark { Case::Punct } else { Case::Upper },
                    space_before: n > 0 || tok.space_before,
                    expansion: expansion.filter(|_| n == 0).map(|e| e.text.as_str()),
                    abbr: true,
                });
            }
            copied = i + len;
        }
        if self.abbreviated {
            self.expanded
                .extend_from_slice(plain.get(copied..).unwrap_or_default());
        }
    }
}

/// The tokens of `range` of `text`, abbreviations expanded (for a line read on its own).
pub(crate) fn tokenize<'l>(
    text: &str,
    range: Range<usize>,
    lexicons: &'l Lexicons,
    choose: &dyn Fn(&Abbreviation) -> usize,
) -> Vec<Tok<'l>> {
    let mut tokenizer = Tokenizer::new(lexicons);
    tokenizer.read(text, range, choose);
    tokenizer.expanded().to_vec()
}

/// Whether `toks[i]` starts a surface token (is not inside an expanded abbreviation).
pub(crate) fn starts_group(toks: &[Tok<'_>], i: usize) -> bool {
    match (i.checked_sub(1).and_then(|p| toks.get(p)), toks.get(i)) {
        (Some(previous), Some(tok)) => previous.range != tok.range,
        (None, Some(_)) => true,
        _ => false,
    }
}

/// `end` moved past the rest of the abbreviation `toks[end - 1]` belongs to, so a match
/// never stops inside one.
pub(crate) fn group_end(toks: &[Tok<'_>], mut end: usize) -> usize {
    while end > 0 && !starts_group(toks, end) && end < toks.len() {
        end += 1;
    }
    end
}

/// The byte range covered by `toks[start..end]`.
pub(crate) fn span_of(toks: &[Tok<'_>], start: usize, end: usize) -> Option<Range<usize>> {
    let first = toks.get(start)?;
    let last = toks.get(end.checked_sub(1)?)?;
    (end > start).then_some(first.range.start..last.range.end)
}

/// Appends `toks[start..end]` written with abbreviations expanded.
pub(crate) fn push_expanded(
    out: &mut String,
    text: &str,
    toks: &[Tok<'_>],
    start: usize,
    end: usize,
) {
    let mut previous: Option<&Range<usize>> = None;
    for tok in toks.get(start..end).unwrap_or_default() {
        if previous == Some(&tok.range) {
            continue;
        }
        if previous.is_some() && tok.space_before {
            out.push(' ');
        }
        match tok.expansion {
            Some(expansion) => out.push_str(expansion),
            None => out.push_str(text.get(tok.range.clone()).unwrap_or_default()),
        }
        previous = Some(&tok.range);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::fold;

    fn toks(text: &str) -> Vec<Tok<'static>> {
        tokenize(text, 0..text.len(), Lexicons::builtin(), &|_| 0)
    }

    #[test]
    fn words_and_marks() {
        let text = "Đ/c Đào Lương Khải, UVBTV Thành ủy";
        let vocabulary = &Lexicons::builtin().vocabulary;
        let got: Vec<WordId> = toks(text).into_iter().map(|t| t.word).collect();
        let want: Vec<WordId> = [
            "d", "/", "c", "dao", "luong", "khai", ",", "uy", "vien", "ban", "thuong", "vu",
            "thanh", "uy",
        ]
        .into_iter()
        .map(|w| vocabulary.word(w))
        .collect();
        assert_eq!(got, want);
        let ranges: Vec<&str> = toks(text)
            .iter()
            .filter_map(|t| text.get(t.range.clone()))
            .collect();
        assert_eq!(
            ranges,
            [
                "Đ", "/", "c", "Đào", "Lương", "Khải", ",", "UVBTV", "UVBTV", "UVBTV", "UVBTV",
                "UVBTV", "Thành", "ủy"
            ]
        );
    }

    #[test]
    fn abbreviations_expand_in_canonical_form() {
        let text = "Chủ tịch UBND tỉnh, phát triển KT-XH";
        let all = toks(text);
        let mut expanded = String::new();
        push_expanded(&mut expanded, text, &all, 0, all.len());
        assert_eq!(
            expanded,
            "Chủ tịch Ủy ban nhân dân tỉnh, phát triển kinh tế - xã hội"
        );
        let lower = toks("tu sửa");
        assert_eq!(lower.len(), 2);
    }

    #[test]
    fn cases() {
        let case_of = |word: &str| toks(word).first().map(|t| t.case);
        let cases = [
            ("Trần", Case::Cap),
            ("A", Case::Cap),
            ("HĐND", Case::Upper),
            ("ủy", Case::Lower),
            ("35", Case::Digit),
            ("ThS", Case::Mixed),
            ("4a", Case::Mixed),
            ("A4", Case::Mixed),
            ("Ab4", Case::Mixed),
            ("a\u{301}", Case::Lower),
            ("\u{301}a", Case::Mixed),
            (",", Case::Punct),
        ];
        for (word, want) in cases {
            assert_eq!(case_of(word), Some(want), "{word}");
        }
    }

    #[test]
    fn the_table_of_char_classes_answers_as_unicode_does() {
        let table = CHAR_CLASSES.as_slice();
        for c in ('\u{0}'..='\u{3000}').chain('\u{1D00}'..='\u{2000}') {
            assert_eq!(class_of(table, c as u32), CharClass::of(c), "{c:?}");
            let text = format!("{c}x");
            let class = class_at(table, text.as_bytes(), 0);
            assert_eq!(class, Some((CharClass::of(c), c.len_utf8())), "{c:?}");
        }
        for byte in b'a'..=b'z' {
            assert_eq!(ascii_lowercase_class(byte), CharClass::of(char::from(byte)));
        }
        for c in ['\u{10000}', '𝐀', '\u{10FFFF}', '\u{FFFF}'] {
            let text = c.to_string();
            let class = class_at(table, text.as_bytes(), 0);
            assert_eq!(class, Some((CharClass::of(c), c.len_utf8())), "{c:?}");
        }
        let text = "Đặng“x”\u{301}ß";
        let folded = text.chars().fold(Packed::default(), |folded, c| {
            CharClass::of(c).fold_into(folded)
        });
        let want = crate::text::fold::fold(text)
            .bytes()
            .fold(Packed::default(), Packed::push);
        assert_eq!(folded, want);
    }

    /// The tokens as the first version read them: each piece folded into its own string,
    /// classified from its chars, and looked up by its string.
    fn reference(text: &str) -> Vec<(Range<usize>, WordId, Case, bool)> {
        let vocabulary = &Lexicons::builtin().vocabulary;
        let mut previous_end = 0;
        raw_pieces(text)
            .map(|piece| {
                let word = text.get(piece.clone()).unwrap_or_default();
                let space_before = piece.start > previous_end;
                previous_end = piece.end;
                let mut chars = word.chars();
                let first = chars.next().unwrap_or(' ');
                let rest_lower = chars
                    .clone()
                    .all(|c| !c.is_uppercase() && !c.is_ascii_digit());
                let rest_upper = chars.all(|c| !c.is_lowercase() && !c.is_ascii_digit());
                let case = if !is_word_char(first) {
                    Case::Punct
                } else if word.chars().all(|c| c.is_ascii_digit()) {
                    Case::Digit
                } else if first.is_uppercase() && rest_lower {
                    Case::Cap
                } else if first.is_uppercase() && rest_upper {
                    Case::Upper
                } else if first.is_lowercase() && rest_lower {
                    Case::Lower
                } else {
                    Case::Mixed
                };
                (piece, vocabulary.word(&fold(word)), case, space_before)
            })
            .collect()
    }

    #[test]
    fn one_pass_reading_agrees_with_piece_by_piece_reading() {
        let samples = [
            "Đồng chí NGUYỄN Văn An, Chủ tịch UBND tỉnh (Ủy ban) – 35-NQ/TW; ngày 15/3/2024.",
            "ÔNG Ủy ViÊn 4a ThS x\u{301}y \u{300}z Ǆemal ǅ ǆ \u{2160}\u{2170} ß ẞ İ \u{212A}",
            "  tab\there\u{a0}nbsp\u{3000}ideo “quoted” … Ⅻ ① ½ ٣ 𝐀𝐛 ꞵ Ꞵ ƀ Ɓ",
            "Thànhphốhồchíminhxyzabcdef 12345678901234567890 chủtịchủybannhândân",
            "",
        ];
        for text in samples {
            let got: Vec<_> = toks_plain(text)
                .into_iter()
                .map(|t| (t.range, t.word, t.case, t.space_before))
                .collect();
            assert_eq!(got, reference(text), "{text}");
        }
        // Every char of the ranges the fast paths answer, alone and inside a word.
        for c in ('\u{0}'..='\u{3000}').chain('\u{1E00}'..='\u{1F00}') {
            for text in [
                c.to_string(),
                format!("A{c}b"),
                format!("x{c}"),
                format!("{c}1"),
            ] {
                let got: Vec<_> = toks_plain(&text)
                    .into_iter()
                    .map(|t| (t.range, t.word, t.case, t.space_before))
                    .collect();
                assert_eq!(got, reference(&text), "{c:?}");
            }
        }
    }

    fn toks_plain(text: &str) -> Vec<Tok<'static>> {
        let mut tokenizer = Tokenizer::new(Lexicons::builtin());
        tokenizer.read(text, 0..text.len(), &|_| 0);
        tokenizer.plain().to_vec()
    }

    #[test]
    fn a_word_longer_than_the_packed_bytes_is_found_whole() {
        let long = "Nguyễnphúcvĩnhthụyđạihoàng";
        let lexicons = Lexicons::with_extra(&[("not_names.txt", long)]);
        let Some(lexicons) = lexicons.as_ref() else {
            return;
        };
        let id = lexicons.vocabulary.word(&crate::text::fold::fold(long));
        assert_ne!(id, WordId::UNKNOWN);
        let text = format!("ông {long}, {}", &long[..long.len() - 1]);
        let toks = tokenize(&text, 0..text.len(), lexicons, &|_| 0);
        let words: Vec<bool> = toks.iter().map(|t| t.word == id).collect();
        assert_eq!(words, [false, true, false, false]);
    }

    #[test]
    fn buffers_kept_between_lines_hold_nothing_of_the_last_line() {
        let text = "UBND tỉnh\nông Hà";
        let line_break = text.find('\n').unwrap_or_default();
        let mut tokenizer = Tokenizer::new(Lexicons::builtin());
        tokenizer.read(text, 0..line_break, &|_| 0);
        assert_eq!(tokenizer.expanded().len(), 5);
        tokenizer.read(text, line_break + 1..text.len(), &|_| 0);
        assert_eq!(tokenizer.expanded(), tokenizer.plain());
        assert_eq!(tokenizer.plain().len(), 2);
    }
}
