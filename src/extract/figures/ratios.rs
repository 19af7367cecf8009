//! Ratios: "117/120", "17.279/18.121" (thousands dots), "96,3/187,5 tỷ đồng", "48 trên 50 đại
//! biểu". A pair written like a date is left alone unless something says it is a ratio.
//!
//! A slash pair is a date when it is day/month-shaped (day ≤ 31, month ≤ 12) and nothing marks
//! it as a ratio: "(15/3)" after a weekday, "ngày 2/9" (the word before is a label, see
//! `negatives`). It is a ratio when a counted noun follows ("12/12 chỉ tiêu", "4/9 thôn"),
//! when "đạt" comes before it, or when it cannot be a date (17/17, 3.418/3.502). A pair glued
//! to more ("15/3/2024", "100/2019/NĐ-CP") is a date or a code; month/year ("9/2024") a date.

use std::ops::Range;

use super::counts::unit_after;
use super::words::{Doc, char_at, char_before, words_before};
use crate::number::{Numeral, parse_numeral};

/// Two numbers joined by a slash, and where the whole token ends.
pub(super) struct SlashToken {
    /// Where the token (with anything glued to it) ends.
    pub(super) end: usize,
    /// The two numbers, when the token is exactly `a/b`.
    pub(super) pair: Option<Pair>,
}

/// `numerator/denominator` as written.
pub(super) struct Pair {
    pub(super) numerator: Numeral,
    pub(super) denominator: Numeral,
    pub(super) range: Range<usize>,
    /// Where the denominator starts.
    pub(super) denominator_start: usize,
}

fn digit_run(text: &str, start: usize) -> usize {
    text.get(start..).map_or(start, |rest| {
        start
            + rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                .unwrap_or(rest.len())
    })
}

/// The slash token that starts at `start` (a digit at a word boundary), if there is one.
pub(super) fn slash_token(text: &str, start: usize) -> Option<SlashToken> {
    let a_end = digit_run(text, start);
    if char_at(text, a_end) != Some('/') {
        return None;
    }
    let b_start = a_end + 1;
    let b_run = digit_run(text, b_start);
    if b_run == b_start {
        return None;
    }
    // A trailing "." or "," is punctuation ("... 12/12.").
    let b_end = text
        .get(b_start..b_run)
        .map_or(b_run, |b| b_start + b.trim_end_matches(['.', ',']).len());
    let glued = match char_at(text, b_end) {
        Some('/' | '_') => true,
        Some('-' | '–' | '+') => text
            .get(b_end..)
            .and_then(|rest| rest.chars().nth(1))
            .is_some_and(crate::text::is_alnum),
        Some(c) => crate::text::is_alnum(c),
        None => false,
    };
    if glued {
        let rest = text.get(b_end..).unwrap_or_default();
        let end = b_end + rest.find(char::is_whitespace).unwrap_or(rest.len());
        return Some(SlashToken { end, pair: None });
    }
    let pair = parse_numeral(text.get(start..a_end)?)
        .zip(parse_numeral(text.get(b_start..b_end)?))
        .map(|(numerator, denominator)| Pair {
            numerator,
            denominator,
            range: start..b_end,
            denominator_start: b_start,
        });
    Some(SlashToken { end: b_end, pair })
}

/// Whether "đạt" comes within three words before `start` ("đạt 17/17", "hoàn thành đạt và
/// vượt 12/12").
pub(super) fn reached_before(doc: Doc<'_>, start: usize) -> bool {
    words_before(doc.text, start, 4)
        .iter()
        .any(|w| doc.word_is(w, "đạt"))
}

/// Whether the pair is a date rather than a ratio (the label words before it are checked
/// by the caller).
pub(super) fn is_date(doc: Doc<'_>, pair: &Pair) -> bool {
    let text = doc.text;
    let (Some(a), Some(b)) = (pair.numerator.as_integer(), pair.denominator.as_integer()) else {
        return false;
    };
    let plain = |r: Range<usize>| {
        text.get(r)
            .is_some_and(|s| s.bytes().all(|b| b.is_ascii_digit()))
    };
    if !plain(pair.range.start..pair.denominator_start - 1)
        || !plain(pair.denominator_start..pair.range.end)
    {
        return false;
    }
    if (1..=12).contains(&a) && (1900..=2100).contains(&b) {
        return true; // month/year
    }
    let day_month = (1..=31).contains(&a) && (1..=12).contains(&b);
    if !day_month {
        return false;
    }
    let in_parentheses = char_before(text, pair.range.start) == Some('(');
    let counted = unit_after(doc, pair.range.end).is_some();
    in_parentheses || !(counted || reached_before(doc, pair.range.start))
}

/// `numerator / denominator` in percent, rounded half up to two decimals; `None` for a zero
/// denominator.
pub(super) fn percent(numerator: Numeral, denominator: Numeral) -> Option<f64> {
    let d = denominator.as_f64();
    (d != 0.0).then(|| round2(numerator.as_f64() / d * 100.0))
}

/// Rounded half up to two decimals, from the decimal the quotient is closest to.
pub(super) fn round2(x: f64) -> f64 {
    ((x * 100.0) + 1e-9).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::super::words::tests::with_doc;
    use super::*;

    fn token(text: &str) -> Option<(Option<(f64, f64)>, bool)> {
        let t = slash_token(text, 0)?;
        let pair = t
            .pair
            .as_ref()
            .map(|p| (p.numerator.as_f64(), p.denominator.as_f64()));
        let date = t
            .pair
            .as_ref()
            .is_some_and(|p| with_doc(text, |doc| is_date(doc, p)));
        Some((pair, date))
    }

    #[test]
    fn slash_tokens() {
        assert_eq!(
            token("17.279/18.121 hộ"),
            Some((Some((17279.0, 18121.0)), false))
        );
        assert_eq!(token("96,3/187,5 tỷ"), Some((Some((96.3, 187.5)), false)));
        assert_eq!(token("12/12 chỉ tiêu"), Some((Some((12.0, 12.0)), false)));
        assert_eq!(token("15/3 các"), Some((Some((15.0, 3.0)), true)));
        assert_eq!(token("9/2024)"), Some((Some((9.0, 2024.0)), true)));
        assert_eq!(token("15/3/2024").map(|t| t.0.is_none()), Some(true));
        assert_eq!(token("100/2019/NĐ-CP").map(|t| t.0.is_none()), Some(true));
        assert_eq!(token("1234/QĐ-UBND"), None);
        assert_eq!(
            percent(Numeral::Integer(17279), Numeral::Integer(18121)),
            Some(95.35)
        );
        assert_eq!(
            percent(Numeral::Integer(117), Numeral::Integer(120)),
            Some(97.5)
        );
        assert_eq!(percent(Numeral::Integer(1), Numeral::Integer(0)), None);
    }
}
