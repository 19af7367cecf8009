//! Tokens of one line: words and punctuation marks with their byte ranges, each with the
//! number of its folded word in the lexicons' vocabulary, and with abbreviations expanded in
//! place ("UBND" becomes the four tokens of "Ủy ban nhân dân", each pointing at the surface
//! "UBND").
//!
//! A line is read in one pass over its chars: the word's case and its folded spelling are
//! worked out as the chars go by, the folded spelling is looked up once, and no token holds a
//! string of its own. The buffers are kept from line to line ([`Tokenizer`]).

use std::ops::Range;

use super::lexicon::{Abbreviation, Keyword, Lexicons, Vocabulary, WordId};
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
pub(crate) fn is_word_char(c: char) -> bool {
    crate::text::is_alnum(c) || matches!(c, '\u{300}'..='\u{36F}')
}

/// `(c.is_uppercase(), c.is_lowercase())`, answered without the Unicode tables for ASCII and
/// the letters Vietnamese is written in.
fn letter_case(c: char) -> (bool, bool) {
    match c {
        'A'..='Z' => (true, false),
        'a'..='z' => (false, true),
        _ if c.is_ascii() => (false, false),
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{DE}' => (true, false),
        '\u{DF}'..='\u{F6}' | '\u{F8}'..='\u{FF}' => (false, true),
        // Latin Extended Additional from Ạ: capital at the even code point, small at the odd
        // one after it.
        '\u{1EA0}'..='\u{1EFF}' => {
            let capital = (c as u32).is_multiple_of(2);
            (capital, !capital)
        }
        'Ă' | 'Đ' | 'Ĩ' | 'Ũ' | 'Ơ' | 'Ư' => (true, false),
        'ă' | 'đ' | 'ĩ' | 'ũ' | 'ơ' | 'ư' => (false, true),
        _ => (c.is_uppercase(), c.is_lowercase()),
    }
}

/// The case of a word, worked out char by char as it is read.
#[derive(Debug, Clone, Copy)]
struct Shape {
    first_upper: bool,
    first_lower: bool,
    all_digits: bool,
    /// Whether a char after the first is upper case, lower case, an ASCII digit.
    rest_upper: bool,
    rest_lower: bool,
    rest_digit: bool,
}

impl Shape {
    fn new(first: char) -> Shape {
        let (upper, lower) = letter_case(first);
        Shape {
            first_upper: upper,
            first_lower: lower,
            all_digits: first.is_ascii_digit(),
            rest_upper: false,
            rest_lower: false,
            rest_digit: false,
        }
    }

    fn add(&mut self, c: char) {
        let (upper, lower) = letter_case(c);
        let digit = c.is_ascii_digit();
        self.all_digits &= digit;
        self.rest_upper |= upper;
        self.rest_lower |= lower;
        self.rest_digit |= digit;
    }

    fn case(self) -> Case {
        if self.all_digits {
            return Case::Digit;
        }
        let rest_lower = !self.rest_upper && !self.rest_digit;
        let rest_upper = !self.rest_lower && !self.rest_digit;
        if self.first_upper && rest_lower {
            Case::Cap
        } else if self.first_upper && rest_upper {
            Case::Upper
        } else if self.first_lower && rest_lower {
            Case::Lower
        } else {
            Case::Mixed
        }
    }
}

/// Appends the folded form of `c` (what [`crate::text::fold::fold`] writes for it).
fn push_folded(folded: &mut String, c: char) {
    if c.is_ascii() {
        folded.push(c.to_ascii_lowercase());
    } else if let Some(f) = fold_char(c) {
        folded.push(f);
    }
}

/// Reads lines into tokens, keeping its buffers from one line to the next.
#[derive(Debug)]
pub(crate) struct Tokenizer<'l> {
    lexicons: &'l Lexicons,
    /// The folded spelling of the word being read.
    folded: String,
    plain: Vec<Tok<'l>>,
    expanded: Vec<Tok<'l>>,
    /// Whether the line holds an abbreviation (else the expanded tokens are the plain ones).
    abbreviated: bool,
}

impl<'l> Tokenizer<'l> {
    pub(crate) fn new(lexicons: &'l Lexicons) -> Tokenizer<'l> {
        Tokenizer {
            lexicons,
            folded: String::new(),
            plain: Vec::new(),
            expanded: Vec::new(),
            abbreviated: false,
        }
    }

    /// The tokens of the last line read, as written.
    pub(crate) fn plain(&self) -> &[Tok<'l>] {
        &self.plain
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
        let Some(line) = text.get(range.clone()) else {
            return;
        };
        let vocabulary = &self.lexicons.vocabulary;
        let token = |vocabulary: &Vocabulary, range, word, case, space_before| Tok {
            range,
            word,
            starts: vocabulary.starts(word),
            case,
            space_before,
            expansion: None,
            abbr: false,
        };
        let mut space_before = text
            .get(..range.start)
            .is_some_and(|before| before.ends_with(' '));
        let mut chars = line.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                space_before = true;
                continue;
            }
            let from = range.start + start;
            self.folded.clear();
            push_folded(&mut self.folded, c);
            if !is_word_char(c) {
                let word = vocabulary.word(&self.folded);
                let tok = token(
                    vocabulary,
                    from..from + c.len_utf8(),
                    word,
                    Case::Punct,
                    space_before,
                );
                self.plain.push(tok);
                space_before = false;
                continue;
            }
            let mut shape = Shape::new(c);
            let mut end = start + c.len_utf8();
            while let Some(&(at, next)) = chars.peek() {
                if !is_word_char(next) {
                    break;
                }
                shape.add(next);
                push_folded(&mut self.folded, next);
                end = at + next.len_utf8();
                chars.next();
            }
            let word = vocabulary.word(&self.folded);
            let tok = token(
                vocabulary,
                from..range.start + end,
                word,
                shape.case(),
                space_before,
            );
            self.plain.push(tok);
            space_before = false;
        }
    }

    /// The plain tokens with each abbreviation written as one mark ("KT-XH", not glued to a
    /// longer word) replaced by the tokens of its expansion.
    fn expand(&mut self, text: &str, choose: &dyn Fn(&Abbreviation) -> usize) {
        self.expanded.clear();
        self.abbreviated = false;
        let vocabulary = &self.lexicons.vocabulary;
        let abbreviations = &self.lexicons.abbreviations;
        let plain = &self.plain;
        let mut i = 0;
        while let Some(tok) = plain.get(i) {
            let found = abbreviations.at(text, plain, i).filter(|(len, _)| {
                (1..*len).all(|k| plain.get(i + k).is_some_and(|r| !r.space_before))
            });
            let Some((len, abbreviation)) = found else {
                if self.abbreviated {
                    self.expanded.push(tok.clone());
                }
                i += 1;
                continue;
            };
            if !self.abbreviated {
                self.abbreviated = true;
                self.expanded
                    .extend_from_slice(plain.get(..i).unwrap_or_default());
            }
            let last = plain
                .get(i + len - 1)
                .map_or(tok.range.end, |r| r.range.end);
            let whole = tok.range.start..last;
            let choice = choose(abbreviation);
            let expansion = abbreviation
                .expansions
                .get(choice)
                .or(abbreviation.expansions.first());
            for (n, &(word, mark)) in expansion.map_or(&[][..], |e| &e.words).iter().enumerate() {
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
            i += len;
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

/// `toks[start..end]` written with abbreviations expanded.
pub(crate) fn expanded(text: &str, toks: &[Tok<'_>], start: usize, end: usize) -> String {
    let mut out = String::new();
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
    out
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
        assert_eq!(
            expanded(text, &all, 0, all.len()),
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
    fn the_fast_letter_case_agrees_with_unicode() {
        for c in ('\u{0}'..='\u{3000}').chain('\u{1E00}'..='\u{1F00}') {
            assert_eq!(
                letter_case(c),
                (c.is_uppercase(), c.is_lowercase()),
                "{c:?}"
            );
        }
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
