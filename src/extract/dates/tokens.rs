//! Tokens of a sentence and the word tests the grammar is written with.
//!
//! A token is a run of ASCII digits, a run of letters, or one other non-space char; `glued`
//! says that no space separates it from the token before (`11-1` is three glued tokens,
//! `14h` two). A word token carries the id of the grammar word it is ([`Word`]), looked up
//! once here. One pass over the bytes of the sentence, no allocation but the reused vector.

use std::ops::Range;

use super::words::{Word, Words, as_written};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    /// A run of digits: its value (saturated) and how many digits it has.
    Num {
        value: u32,
        len: u8,
    },
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
    pub(super) glued: bool,
    /// The grammar word a word token is, if any.
    pub(super) word: Word,
}

fn is_letter(c: char) -> bool {
    crate::text::is_alpha(c) || matches!(c, '\u{300}'..='\u{36F}')
}

/// The char at byte `at` of `text` (a char boundary).
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

/// The length of the letter (or combining mark) that starts at byte `at` of `text`; 0 when
/// another char starts there. The Vietnamese letters are answered from their first bytes.
#[inline]
fn letter_len(text: &str, at: usize) -> usize {
    match text.as_bytes().get(at..) {
        Some([b, ..]) if b.is_ascii_alphabetic() => 1,
        Some([b, ..]) if b.is_ascii() => 0,
        // U+00C0..U+00FF but × and ÷, U+0100..U+023F, the marks U+0300..U+033F.
        Some([0xC3, 0x97 | 0xB7, ..]) => 0,
        Some([0xC3..=0xC8 | 0xCC, ..]) => 2,
        // U+1E00..U+1EFF: the letters with a tone mark.
        Some([0xE1, 0xB8..=0xBB, ..]) => 3,
        _ => match char_at(text, at) {
            Some(c) if is_letter(c) => c.len_utf8(),
            _ => 0,
        },
    }
}

/// Bytes that go on a word whatever follows them: ASCII letters, the first byte of a letter
/// of U+0100..U+023F or a mark of U+0300..U+033F, and continuation bytes (a word reaches one
/// only inside a letter it has taken). Any other byte is left to [`letter_len`].
const IN_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'a'..=b'z' | b'A'..=b'Z' | 0x80..=0xBF | 0xC4..=0xC8 | 0xCC);
        b += 1;
    }
    table
};

/// Where the run of letters that goes on at `from` ends: at the end of `bytes` (the text up to
/// the sentence's end) at the latest.
#[inline]
fn letters_end(text: &str, bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    loop {
        let stop = loop {
            match bytes.get(at) {
                Some(&b) if IN_WORD.get(usize::from(b)).copied().unwrap_or(false) => at += 1,
                Some(&b) => break b,
                None => return at,
            }
        };
        let len = match (stop, bytes.get(at + 1)) {
            (0..=0x7F, _) => return at,
            (0xC3, Some(0x97 | 0xB7)) => return at,
            (0xC3, _) => 2,
            (0xE1, Some(0xB8..=0xBB)) => 3,
            _ => letter_len(text, at),
        };
        if len == 0 {
            return at;
        }
        at += len;
    }
}

/// Eight bytes as a number, lanes in text order (the first byte lowest).
const LANES_HIGH: u64 = 0x8080_8080_8080_8080;
const LANES_LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// The length of the word that starts eight bytes `chunk` (read little-endian), and the mask
/// of its bytes, when those bytes decide it: it ends at an ASCII byte that is no letter among
/// them, and every other char before that is an ASCII letter or one of the Latin letters
/// [`letter_len`] answers from its first bytes. `None` sends the word to the char-by-char path.
///
/// Most Vietnamese syllables are shorter than eight bytes: this finds the end of a word with
/// a few operations on the eight bytes at once instead of a loop over them.
#[inline]
fn short_word(chunk: u64) -> Option<(usize, u64)> {
    // Bit 7 of a lane: set when the byte is ASCII / an ASCII letter.
    let ascii = !chunk & LANES_HIGH;
    let folded = (chunk | 0x2020_2020_2020_2020) & LANES_LOW;
    let from_a = (folded + 0x1F1F_1F1F_1F1F_1F1F) & LANES_HIGH;
    let past_z = (folded + 0x0505_0505_0505_0505) & LANES_HIGH;
    let stops = ascii & (!from_a | past_z);
    if stops == 0 {
        return None;
    }
    // The stop's bit 7 is bit 8 * len + 7.
    let shift = stops.trailing_zeros() & !7;
    if shift == 0 {
        return None;
    }
    let inside = (1u64 << shift) - 1;
    // The first bytes of the non-ASCII chars before the stop (bits 7 and 6 set).
    let mut leads = chunk & (chunk << 1) & LANES_HIGH & inside;
    while leads != 0 {
        // The lead byte and the byte after it (inside the word: it ends at an ASCII byte).
        let pair = chunk >> (leads.trailing_zeros() & !7);
        let fast = match pair as u8 {
            0xC4..=0xC8 | 0xCC => true,
            0xC3 => !matches!((pair >> 8) as u8, 0x97 | 0xB7),
            0xE1 => (pair >> 8) as u8 & 0xFC == 0xB8,
            _ => false,
        };
        if !fast {
            return None;
        }
        leads &= leads - 1;
    }
    Some(((shift / 8) as usize, inside))
}

/// The first bytes a word may start with: an ASCII letter, or the first byte of a char of
/// two bytes or more (whether it is a letter is for [`short_word`] or [`letter_len`]).
const STARTS_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'a'..=b'z' | b'A'..=b'Z' | 0xC0..=0xFF);
        b += 1;
    }
    table
};

/// The eight bytes of `bytes` from `at`, if there are eight.
#[inline]
fn chunk_at(bytes: &[u8], at: usize) -> Option<u64> {
    // `at` indexes a slice, so it is far from overflowing.
    let eight = bytes.get(at..at + 8)?;
    <[u8; 8]>::try_from(eight).ok().map(u64::from_le_bytes)
}

/// The tokens of `text[range]` into `out` (cleared first), with the ids of the grammar words
/// among them (`lower` is `text` in lower case, same offsets), and the numbers and the words
/// `starts` marks (by id) as openers. Offsets are byte offsets of `text`.
pub(super) fn tokenize(
    text: &str,
    lower: &str,
    words: &Words,
    starts: &[bool],
    range: Range<usize>,
    out: &mut Tokens,
) {
    out.all.clear();
    out.openers.clear();
    if text.get(range.clone()).is_none() {
        return;
    }
    let Tokens { all: out, openers } = out;
    let Some(bytes) = text.as_bytes().get(..range.end) else {
        return;
    };
    let lower = lower.as_bytes();
    let mut at = range.start;
    let mut glued = false;
    while let Some(&b) = bytes.get(at) {
        let start = at;
        if STARTS_WORD.get(usize::from(b)).copied().unwrap_or(false)
            && let Some(chunk) = chunk_at(bytes, at)
            && let Some((len, inside)) = short_word(chunk)
        {
            at += len;
            // The word's lower case, whole: its id in one probe.
            let mut word = words.short(chunk_at(lower, start).unwrap_or(0) & inside);
            if word != Word::NONE {
                word = as_written(bytes, lower, start, at, word);
                if starts.get(word.index()).copied().unwrap_or(false) {
                    openers.push(out.len());
                }
            }
            out.push(Tok {
                start,
                end: at,
                kind: Kind::Word,
                glued,
                word,
            });
            // The space after most words.
            glued = bytes.get(at) != Some(&b' ');
            at += usize::from(!glued);
            continue;
        }
        let kind = match b {
            b'a'..=b'z' | b'A'..=b'Z' => {
                at = letters_end(text, bytes, at + 1);
                Kind::Word
            }
            b'0'..=b'9' => {
                let mut value = 0u64;
                while let Some(&d) = bytes.get(at).filter(|d| d.is_ascii_digit()) {
                    value = value.saturating_mul(10).saturating_add(u64::from(d - b'0'));
                    at += 1;
                }
                Kind::Num {
                    value: u32::try_from(value).unwrap_or(u32::MAX),
                    len: u8::try_from(at - start).unwrap_or(u8::MAX),
                }
            }
            // The ASCII chars `char::is_whitespace` holds for.
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => {
                at += 1;
                glued = false;
                continue;
            }
            0..=0x7F => {
                at += 1;
                Kind::Punct(char::from(b))
            }
            _ => match letter_len(text, at) {
                0 => {
                    let Some(c) = char_at(text, at) else {
                        break;
                    };
                    at += c.len_utf8();
                    if c.is_whitespace() {
                        glued = false;
                        continue;
                    }
                    Kind::Punct(c)
                }
                len => {
                    at = letters_end(text, bytes, at + len);
                    Kind::Word
                }
            },
        };
        let word = if kind == Kind::Word {
            words.find(text.as_bytes(), lower, start, at)
        } else {
            Word::NONE
        };
        let opens = match kind {
            Kind::Word => starts.get(word.index()).copied().unwrap_or(false),
            Kind::Num { .. } => true,
            Kind::Punct(_) => false,
        };
        if opens {
            openers.push(out.len());
        }
        out.push(Tok {
            start,
            end: at,
            kind,
            glued,
            word,
        });
        glued = true;
    }
}

/// The tokens of a sentence, and the ones an expression may start at.
#[derive(Debug, Default)]
pub(super) struct Tokens {
    pub(super) all: Vec<Tok>,
    /// The indices of the numbers and of the words `tokenize` was told may start one, in
    /// order: every token [`Grammar::may_start`](super::grammar::Grammar::may_start) lets
    /// through is one of them.
    pub(super) openers: Vec<usize>,
}

/// Reads tokens of one sentence.
pub(super) struct Toks<'a> {
    pub(super) text: &'a str,
    pub(super) t: &'a [Tok],
}

impl<'a> Toks<'a> {
    pub(super) fn tok(&self, i: usize) -> Option<Tok> {
        self.t.get(i).copied()
    }

    pub(super) fn word(&self, i: usize) -> Option<&'a str> {
        let tok = self.tok(i)?;
        if tok.kind == Kind::Word {
            self.text.get(tok.start..tok.end)
        } else {
            None
        }
    }

    /// The grammar word at `i` ([`Word::NONE`] for any other token or none).
    #[inline]
    fn id(&self, i: usize) -> Word {
        self.t.get(i).map_or(Word::NONE, |t| t.word)
    }

    /// Whether the token at `i` is the grammar word `keyword` (`w!("tháng")`).
    #[inline]
    pub(super) fn is(&self, i: usize, keyword: Word) -> bool {
        keyword != Word::NONE && self.id(i) == keyword
    }

    #[inline]
    pub(super) fn any(&self, i: usize, keywords: &[Word]) -> bool {
        self.which(i, keywords).is_some()
    }

    /// The index of `keywords` the word at `i` is, if any.
    #[inline]
    pub(super) fn which(&self, i: usize, keywords: &[Word]) -> Option<usize> {
        let id = self.id(i);
        if id == Word::NONE {
            return None;
        }
        keywords.iter().position(|&k| k == id)
    }

    /// Whether the word at `i` starts with an upper-case letter.
    pub(super) fn capitalized(&self, i: usize) -> bool {
        self.word(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// The end index when the words from `i` are `words`.
    #[inline]
    pub(super) fn seq(&self, i: usize, words: &[Word]) -> Option<usize> {
        for (k, &w) in words.iter().enumerate() {
            if !self.is(i + k, w) {
                return None;
            }
        }
        Some(i + words.len())
    }

    pub(super) fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.tok(i)?.kind {
            Kind::Num { value, len } => Some((value, len)),
            _ => None,
        }
    }

    pub(super) fn punct(&self, i: usize) -> Option<char> {
        match self.tok(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    pub(super) fn is_punct(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }

    pub(super) fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.glued)
    }

    /// Bytes from token `from` to the end of token `to - 1`.
    pub(super) fn bytes(&self, from: usize, to: usize) -> Option<Range<usize>> {
        let first = self.tok(from)?;
        let last = self.tok(to.checked_sub(1)?)?;
        Some(first.start..last.end)
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::w;
    use super::*;

    fn tokens(text: &str) -> Vec<Tok> {
        let lower = crate::text::lower::lowercase_same_offsets(text);
        let mut toks = Tokens::default();
        tokenize(
            text,
            &lower,
            &Words::builder().build(),
            &[],
            0..text.len(),
            &mut toks,
        );
        toks.all
    }

    #[test]
    fn tokens_and_glue() {
        let text = "Sáng 11-1, lúc 8h30";
        let toks = tokens(text);
        let shown: Vec<(&str, bool)> = toks
            .iter()
            .map(|t| (&text[t.start..t.end], t.glued))
            .collect();
        assert_eq!(
            shown,
            [
                ("Sáng", false),
                ("11", false),
                ("-", true),
                ("1", true),
                (",", true),
                ("lúc", false),
                ("8", false),
                ("h", true),
                ("30", true)
            ]
        );
        let ids: Vec<Word> = toks.iter().map(|t| t.word).collect();
        assert_eq!(ids[0], w!("sáng"));
        assert_eq!(ids[5], w!("lúc"));
        assert!(ids[1..5].iter().all(|&id| id == Word::NONE));
    }

    /// The char-by-char tokenizer this one replaced, for comparison.
    fn reference(text: &str) -> Vec<(usize, usize, Kind, bool)> {
        let mut out = Vec::new();
        let mut glued = false;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                glued = false;
                continue;
            }
            let mut end = i + c.len_utf8();
            let kind = if c.is_ascii_digit() {
                let mut value = u64::from(c as u8 - b'0');
                let mut len = 1usize;
                while let Some(&(j, d)) = chars.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    value = value
                        .saturating_mul(10)
                        .saturating_add(u64::from(d as u8 - b'0'));
                    len += 1;
                    end = j + 1;
                    chars.next();
                }
                Kind::Num {
                    value: u32::try_from(value).unwrap_or(u32::MAX),
                    len: u8::try_from(len).unwrap_or(u8::MAX),
                }
            } else if is_letter(c) {
                while let Some(&(j, d)) = chars.peek() {
                    if !is_letter(d) {
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                }
                Kind::Word
            } else {
                Kind::Punct(c)
            };
            out.push((i, end, kind, glued));
            glued = true;
        }
        out
    }

    #[test]
    fn agrees_with_the_char_by_char_tokenizer() {
        let mut texts = vec![
            "Sáng 11-1, lúc 8h30 (thứ Hai) 99999999999999 số 1.146\u{A0}người".to_owned(),
            "Ho\u{300}a\u{2003}Bình\u{85}x\u{B}y\u{C}z\u{1F}\r\n— “ngày” ×÷ ΑΒΓ Ǆ ⅰ ⓐ".to_owned(),
            "0123456789".repeat(40),
            String::new(),
        ];
        // Every char up to U+3000 between letters and digits.
        let all: String = ('\u{0}'..='\u{3000}')
            .flat_map(|c| [c, 'a', c, '1', c])
            .collect();
        texts.push(all);
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/reports");
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                texts.push(text);
            }
        }
        for text in &texts {
            let got: Vec<_> = tokens(text)
                .iter()
                .map(|t| (t.start, t.end, t.kind, t.glued))
                .collect();
            assert_eq!(got, reference(text));
        }
    }

    /// Every string of up to four chars over an alphabet of the chars the byte-level paths
    /// treat differently, and pseudo-random longer ones, over every sub-range.
    #[test]
    fn agrees_on_every_short_string_and_every_range() {
        let alphabet = [
            'a', 'Z', 'ế', 'Đ', 'ư', '\u{300}', '×', '\u{A0}', '—', 'ж', 'İ', '1', ' ',
        ];
        let mut texts = Vec::new();
        let n = alphabet.len();
        for len in 1..=4u32 {
            for mut code in 0..n.pow(len) {
                let mut text = String::new();
                for _ in 0..len {
                    text.push(alphabet[code % n]);
                    code /= n;
                }
                // With eight more bytes after it, a word takes the eight-byte path.
                texts.push(format!("{text}.xxxxxxxx"));
                texts.push(text);
            }
        }
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push(alphabet[(seed % n as u64) as usize]);
            }
            texts.push(text);
        }
        for text in &texts {
            let got: Vec<_> = tokens(text)
                .iter()
                .map(|t| (t.start, t.end, t.kind, t.glued))
                .collect();
            assert_eq!(got, reference(text), "{text:?}");
        }
        let lower_words = Words::builder().build();
        for text in texts.iter().filter(|t| t.chars().count() > 12).take(60) {
            let lower = crate::text::lower::lowercase_same_offsets(text);
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            for &from in &bounds {
                for &to in bounds.iter().filter(|&&to| to >= from) {
                    let mut toks = Tokens::default();
                    tokenize(text, &lower, &lower_words, &[], from..to, &mut toks);
                    let got: Vec<_> = toks
                        .all
                        .iter()
                        .map(|t| (t.start, t.end, t.kind, t.glued))
                        .collect();
                    let expected: Vec<_> = reference(&text[from..to])
                        .into_iter()
                        .map(|(s, e, k, g)| (s + from, e + from, k, g))
                        .collect();
                    assert_eq!(got, expected, "{text:?} {from}..{to}");
                }
            }
        }
    }

    #[test]
    fn a_range_is_tokenized_alone() {
        let text = "ngày 15/3/2024 và 16";
        let lower = crate::text::lower::lowercase_same_offsets(text);
        let mut toks = Tokens::default();
        tokenize(
            text,
            &lower,
            &Words::builder().build(),
            &[],
            5..10,
            &mut toks,
        );
        let shown: Vec<&str> = toks.all.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(shown, ["15", "/", "3"]);
        assert_eq!(toks.openers, [0, 2]);
        tokenize(
            text,
            &lower,
            &Words::builder().build(),
            &[],
            0..2,
            &mut toks,
        );
        assert_eq!(toks.all.len(), 1);
        assert_eq!(toks.all[0].end, 2);
        tokenize(
            text,
            &lower,
            &Words::builder().build(),
            &[],
            0..100,
            &mut toks,
        );
        assert!(toks.all.is_empty() && toks.openers.is_empty());
    }
}
