//! Tokens of one line: words and punctuation marks with their byte ranges, folded for
//! matching, with abbreviations expanded in place ("UBND" becomes the four tokens of "Ủy ban
//! nhân dân", each pointing at the surface "UBND").

use std::ops::Range;

use super::lexicon::Lexicons;
use crate::text::fold::fold;

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
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Folded (marks removed, lower case) for lexicon matching.
    pub(crate) folded: String,
    /// Where it stands in the normalized text; for an expanded abbreviation, the whole
    /// abbreviation.
    pub(crate) range: Range<usize>,
    pub(crate) case: Case,
    /// Whether a space stands before it.
    pub(crate) space_before: bool,
    /// For tokens of an expanded abbreviation: the expansion (on the first token only) and
    /// the mark itself.
    pub(crate) expansion: Option<String>,
    pub(crate) abbr: bool,
}

impl Tok {
    pub(crate) fn is_word(&self) -> bool {
        self.case != Case::Punct
    }

    /// Written with a capital, as names and proper nouns are (an abbreviation counts).
    pub(crate) fn is_capitalized(&self) -> bool {
        matches!(self.case, Case::Cap | Case::Upper)
    }

    pub(crate) fn is_punct(&self, marks: &[&str]) -> bool {
        self.case == Case::Punct && marks.contains(&self.folded.as_str())
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

fn is_word_char(c: char) -> bool {
    crate::text::is_alnum(c) || matches!(c, '\u{300}'..='\u{36F}')
}

fn case_of(word: &str) -> Case {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Case::Punct;
    };
    if !is_word_char(first) {
        return Case::Punct;
    }
    if word.chars().all(|c| c.is_ascii_digit()) {
        return Case::Digit;
    }
    let rest_lower = chars
        .clone()
        .all(|c| !c.is_uppercase() && !c.is_ascii_digit());
    let rest_upper = chars
        .clone()
        .all(|c| !c.is_lowercase() && !c.is_ascii_digit());
    if first.is_uppercase() && rest_lower {
        Case::Cap
    } else if first.is_uppercase() && rest_upper {
        Case::Upper
    } else if first.is_lowercase() && rest_lower {
        Case::Lower
    } else {
        Case::Mixed
    }
}

/// A surface token before expansion.
struct Raw<'a> {
    text: &'a str,
    range: Range<usize>,
    space_before: bool,
}

/// The tokens of `range` of `text`, abbreviations expanded. `choose` picks among an
/// abbreviation's expansions (by the document's context).
pub(crate) fn tokenize(
    text: &str,
    range: Range<usize>,
    lexicons: Option<&Lexicons>,
    choose: &dyn Fn(&[String]) -> usize,
) -> Vec<Tok> {
    tokenize_both(text, range, lexicons, choose).0
}

/// The tokens of `range` of `text` with abbreviations expanded (as [`tokenize`] gives them),
/// and as written, without expansion (as `tokenize` with no lexicons gives them): each word
/// folded and classified once for both.
pub(crate) fn tokenize_both(
    text: &str,
    range: Range<usize>,
    lexicons: Option<&Lexicons>,
    choose: &dyn Fn(&[String]) -> usize,
) -> (Vec<Tok>, Vec<Tok>) {
    let Some(line) = text.get(range.clone()) else {
        return (Vec::new(), Vec::new());
    };
    let mut raws = Vec::new();
    let mut previous_end = 0;
    for piece in raw_pieces(line) {
        let space_before = piece.start > previous_end
            || (piece.start == 0
                && text
                    .get(..range.start)
                    .is_some_and(|before| before.ends_with(' ')));
        previous_end = piece.end;
        raws.push(Raw {
            text: line.get(piece.clone()).unwrap_or_default(),
            range: range.start + piece.start..range.start + piece.end,
            space_before,
        });
    }
    let plain: Vec<Tok> = raws
        .iter()
        .map(|raw| Tok {
            folded: fold(raw.text),
            range: raw.range.clone(),
            case: case_of(raw.text),
            space_before: raw.space_before,
            expansion: None,
            abbr: false,
        })
        .collect();
    let mut toks = Vec::with_capacity(raws.len());
    let mut i = 0;
    while let Some(raw) = raws.get(i) {
        let abbreviation = lexicons
            .and_then(|lexicons| {
                lexicons
                    .abbreviations
                    .longest(&raws, i, |r: &Raw<'_>| r.text)
            })
            .filter(|(len, _)| {
                // Written as one mark ("KT-XH"), and not glued to a longer word.
                (1..*len).all(|k| raws.get(i + k).is_some_and(|r| !r.space_before))
            });
        if let Some((len, abbreviation)) = abbreviation {
            let last = raws.get(i + len - 1).map_or(raw.range.end, |r| r.range.end);
            let whole = raw.range.start..last;
            let choice = choose(&abbreviation.expansions);
            let expansion = abbreviation
                .expansions
                .get(choice)
                .or(abbreviation.expansions.first())
                .cloned()
                .unwrap_or_default();
            let mut first = true;
            for piece in raw_pieces(&expansion) {
                let word = expansion.get(piece).unwrap_or_default();
                toks.push(Tok {
                    folded: fold(word),
                    range: whole.clone(),
                    case: if case_of(word) == Case::Punct {
                        Case::Punct
                    } else {
                        Case::Upper
                    },
                    space_before: if first { raw.space_before } else { true },
                    expansion: first.then(|| expansion.clone()),
                    abbr: true,
                });
                first = false;
            }
            i += len;
            continue;
        }
        if let Some(tok) = plain.get(i) {
            toks.push(tok.clone());
        }
        i += 1;
    }
    (toks, plain)
}

/// Whether `toks[i]` starts a surface token (is not inside an expanded abbreviation).
pub(crate) fn starts_group(toks: &[Tok], i: usize) -> bool {
    match (i.checked_sub(1).and_then(|p| toks.get(p)), toks.get(i)) {
        (Some(previous), Some(tok)) => previous.range != tok.range,
        (None, Some(_)) => true,
        _ => false,
    }
}

/// `end` moved past the rest of the abbreviation `toks[end - 1]` belongs to, so a match
/// never stops inside one.
pub(crate) fn group_end(toks: &[Tok], mut end: usize) -> usize {
    while end > 0 && !starts_group(toks, end) && end < toks.len() {
        end += 1;
    }
    end
}

/// The byte range covered by `toks[start..end]`.
pub(crate) fn span_of(toks: &[Tok], start: usize, end: usize) -> Option<Range<usize>> {
    let first = toks.get(start)?;
    let last = toks.get(end.checked_sub(1)?)?;
    (end > start).then_some(first.range.start..last.range.end)
}

/// `toks[start..end]` written with abbreviations expanded.
pub(crate) fn expanded(text: &str, toks: &[Tok], start: usize, end: usize) -> String {
    let mut out = String::new();
    let mut previous: Option<&Range<usize>> = None;
    for tok in toks.get(start..end).unwrap_or_default() {
        if previous == Some(&tok.range) {
            continue;
        }
        if previous.is_some() && tok.space_before {
            out.push(' ');
        }
        match &tok.expansion {
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

    fn toks(text: &str) -> Vec<Tok> {
        tokenize(text, 0..text.len(), Some(Lexicons::builtin()), &|_| 0)
    }

    #[test]
    fn words_and_marks() {
        let text = "Đ/c Đào Lương Khải, UVBTV Thành ủy";
        let got: Vec<String> = toks(text).into_iter().map(|t| t.folded).collect();
        let want = [
            "d", "/", "c", "dao", "luong", "khai", ",", "uy", "vien", "ban", "thuong", "vu",
            "thanh", "uy",
        ];
        assert_eq!(got, want);
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
        assert_eq!(case_of("Trần"), Case::Cap);
        assert_eq!(case_of("A"), Case::Cap);
        assert_eq!(case_of("HĐND"), Case::Upper);
        assert_eq!(case_of("ủy"), Case::Lower);
        assert_eq!(case_of("35"), Case::Digit);
        assert_eq!(case_of("ThS"), Case::Mixed);
    }
}
