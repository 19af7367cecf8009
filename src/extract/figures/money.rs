//! Money: "1.250 tỷ đồng", "2 tỷ 300 triệu đồng", "hơn 12 tỷ đồng", "1,2 triệu USD",
//! "300.000đ", "50 triệu đồng/căn", "mỗi hộ 40 triệu đồng". The currency words are the data
//! file `currencies.txt`; the number (with its "triệu", "tỷ") is `scan_number`'s.

use std::ops::Range;

use super::lexicon::{CURRENCY_WORDS, UNITS};
use super::phrases::clause_before;
use super::words::{Doc, char_at, words_after, words_before};
use crate::facts::Currency;
use crate::number::{Numeral, parse_numeral};

/// The currency named right after `end`, and where its name (and a "/unit" rate after it)
/// ends, with the rate's unit.
pub(super) fn currency_after(
    doc: Doc<'_>,
    end: usize,
) -> Option<(Currency, usize, Option<String>)> {
    let text = doc.text;
    let (currency, range) = CURRENCY_WORDS.longest_after(doc, end)?;
    // "17 đồng chí", "hai đồng bào": a counted noun that starts like a currency.
    if UNITS
        .longest_after(doc, end)
        .is_some_and(|(_, unit)| unit.start == range.start && unit.end > range.end)
    {
        return None;
    }
    // The currency must follow the number after at most one space.
    let gap = text.get(end..range.start)?;
    if gap.len() > 1 || gap.chars().any(|c| c != ' ') {
        return None;
    }
    let (per, rate_end) =
        per_after(doc, range.end).map_or((None, range.end), |(p, e)| (Some(p), e));
    Some((*currency, rate_end, per))
}

/// "300.000đ": an amount glued to "đ", which `scan_number` does not read as a number.
/// The value, the end of the digits and the end of the "đ".
pub(super) fn glued_dong(text: &str, start: usize) -> Option<(Numeral, usize, usize)> {
    let rest = text.get(start..)?;
    let digits_len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let digits = rest.get(..digits_len)?;
    let after = rest.get(digits_len..)?;
    let mut chars = after.chars();
    if !matches!(chars.next(), Some('đ' | 'Đ')) || chars.next().is_some_and(crate::text::is_alnum)
    {
        return None;
    }
    let value = parse_numeral(digits)?;
    let digits_end = start + digits_len;
    Some((value, digits_end, digits_end + 'đ'.len_utf8()))
}

/// Words that end a rate's unit ("đồng/lượt ô tô | và ...").
const PER_STOPS: &[&str] = &[
    "và", "cho", "của", "với", "trong", "tại", "từ", "đến", "kèm", "áp", "để",
];

/// "/căn", "/người/tháng", "/lượt ô tô" right after a unit: the unit of the rate and where
/// it ends.
pub(super) fn per_after(doc: Doc<'_>, end: usize) -> Option<(String, usize)> {
    let text = doc.text;
    let mut at = end;
    let mut parts = Vec::new();
    while char_at(text, at) == Some('/') {
        let words = words_after(text, at + 1, 3);
        let first = words.first()?;
        if first.start != at + 1 {
            break;
        }
        let mut last = first.end;
        for word in words.iter() {
            let lower = doc.lower_of(word.clone());
            if PER_STOPS.contains(&&*lower) || lower.bytes().any(|b| b.is_ascii_digit()) {
                break;
            }
            last = word.end;
        }
        parts.push(text.get(first.start..last)?.to_string());
        at = last;
    }
    (!parts.is_empty()).then(|| (parts.join("/"), at))
}

/// Words between "mỗi X" and the figure ("mỗi suất gồm 500 nghìn đồng").
const PER_LINKS: &[&str] = &["gồm", "trị giá", "là", "được", "có"];

/// "mỗi hộ 40 triệu đồng", "mỗi giải B trị giá 7 triệu đồng": the unit of the rate written
/// before the figure that starts at `start`.
pub(super) fn per_before(doc: Doc<'_>, start: usize) -> Option<String> {
    per_in(doc, &words_before(doc.text, start, PER_WORDS))
}

/// How many words before a figure [`per_before`] reads.
const PER_WORDS: usize = 5;

/// [`per_before`] on the words before the figure (the last [`PER_WORDS`] of them count).
pub(super) fn per_in(doc: Doc<'_>, words: &[Range<usize>]) -> Option<String> {
    let text = doc.text;
    let words = words.get(words.len().saturating_sub(PER_WORDS)..)?;
    let index = words.iter().rposition(|w| doc.word_is(w, "mỗi"))?;
    let rest = words.get(index + 1..)?;
    // The unit is one or two words, then nothing or one link word.
    for unit_len in [1, 2] {
        let unit = rest.get(..unit_len)?;
        let tail = rest.get(unit_len..).unwrap_or_default();
        let tail_ok = tail.is_empty() || PER_LINKS.iter().any(|link| doc.phrase_is(tail, link));
        if tail_ok {
            return Some(text.get(unit.first()?.start..unit.last()?.end)?.to_string());
        }
    }
    None
}

/// Words that end the noun after an amount when it names what the money is ("342,18 tỷ đồng
/// vốn đầu tư công").
const SUBJECT_HEADS: &[&str] = &[
    "vốn",
    "tiền",
    "kinh phí",
    "ngân sách",
    "học bổng",
    "nguồn vốn",
];

/// What the amount at `start..end` is for: a money noun right after it, or the clause before
/// it, without its verbs of reaching.
pub(super) fn subject(doc: Doc<'_>, start: usize, end: usize) -> Option<Range<usize>> {
    let text = doc.text;
    let after = words_after(text, end, 6);
    if let Some(first) = after.first() {
        let gap_ok = text.get(end..first.start).is_some_and(|g| g == " ");
        let head = SUBJECT_HEADS.iter().any(|h| {
            let n = h.split(' ').count();
            after.get(..n).is_some_and(|ws| doc.phrase_is(ws, h))
        });
        if gap_ok && head {
            let last = after.last()?;
            return Some(first.start..last.end);
        }
    }
    clause_before(doc, start, 8)
}

#[cfg(test)]
mod tests {
    use super::super::words::tests::with_doc;
    use super::*;

    #[test]
    fn currencies_and_rates() {
        let text = "1,5 triệu đồng/người/tháng, áp dụng";
        let end = text.find(" đồng").unwrap_or(0);
        let (currency, rate_end, per) =
            with_doc(text, |doc| currency_after(doc, end)).unwrap_or((Currency::Other, 0, None));
        assert_eq!(currency, Currency::Vnd);
        assert_eq!(per.as_deref(), Some("người/tháng"));
        assert_eq!(&text[..rate_end], "1,5 triệu đồng/người/tháng");
        assert_eq!(
            glued_dong("300.000đ;", 0).map(|g| g.0),
            Some(Numeral::Integer(300_000))
        );
        assert_eq!(glued_dong("300.000đồng", 0), None);
        let per = |text: &str, start: usize| with_doc(text, |doc| per_before(doc, start));
        let text = "mỗi giải B trị giá 7";
        assert_eq!(per(text, text.len() - 1).as_deref(), Some("giải B"));
        let text = "mỗi hộ 40";
        assert_eq!(per(text, text.len() - 2).as_deref(), Some("hộ"));
        assert_eq!(per("có 40", 3), None);
    }
}
