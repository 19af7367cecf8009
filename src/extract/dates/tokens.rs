//! Tokens of a sentence and the word tests the grammar is written with.
//!
//! A token is a run of ASCII digits, a run of letters, or one other non-space char; `glued`
//! says that no space separates it from the token before (`11-1` is three glued tokens,
//! `14h` two). One pass over the sentence, no allocation but the reused token vector.

use std::ops::Range;

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
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

fn is_letter(c: char) -> bool {
    crate::text::is_alpha(c) || is_mark(c)
}

/// The tokens of `text[range]` into `out` (cleared first). Offsets are byte offsets of `text`.
pub(super) fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Tok>) {
    out.clear();
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let base = range.start;
    let mut glued = false;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            glued = false;
            continue;
        }
        let start = base + i;
        let mut end = start + c.len_utf8();
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
                end = base + j + 1;
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
                end = base + j + d.len_utf8();
                chars.next();
            }
            Kind::Word
        } else {
            Kind::Punct(c)
        };
        out.push(Tok {
            start,
            end,
            kind,
            glued,
        });
        glued = true;
    }
}

pub(super) use crate::text::eq_lower as eq_ci;

/// Reads tokens of one sentence.
pub(super) struct Toks<'a> {
    pub(super) text: &'a str,
    pub(super) t: &'a [Tok],
}

impl<'a> Toks<'a> {
    pub(super) fn len(&self) -> usize {
        self.t.len()
    }

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

    pub(super) fn is(&self, i: usize, keyword: &str) -> bool {
        self.word(i).is_some_and(|w| eq_ci(w, keyword))
    }

    pub(super) fn any(&self, i: usize, keywords: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|w| keywords.iter().any(|k| eq_ci(w, k)))
    }

    /// The index of `keywords` the word at `i` is, if any.
    pub(super) fn which(&self, i: usize, keywords: &[&str]) -> Option<usize> {
        let w = self.word(i)?;
        keywords.iter().position(|k| eq_ci(w, k))
    }

    /// Whether the word at `i` starts with an upper-case letter.
    pub(super) fn capitalized(&self, i: usize) -> bool {
        self.word(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// The end index when the words from `i` are `words`.
    pub(super) fn seq(&self, i: usize, words: &[&str]) -> Option<usize> {
        for (k, w) in words.iter().enumerate() {
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
    use super::*;

    #[test]
    fn tokens_and_glue() {
        let text = "Sáng 11-1, lúc 8h30";
        let mut toks = Vec::new();
        tokenize(text, 0..text.len(), &mut toks);
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
        assert!(eq_ci("THÁNG", "tháng"));
        assert!(!eq_ci("thang", "tháng"));
    }
}
