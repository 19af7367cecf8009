//! Percentages: "95,45%", "95.45 %", "100%", "12 phần trăm", what each says (its role), and
//! what it is a percentage of (its subject). The role cues are the data file
//! `percent_cues.txt`.
//!
//! "điểm phần trăm" (percentage points) is not a percentage: the number is followed by
//! "điểm", not by "phần trăm".

use std::ops::Range;

use super::lexicon::PERCENT_CUES_MAP;
use super::phrases::{clause_before, noun_phrase_after};
use super::words::{Doc, char_at, char_before, words_after, words_before};
use crate::facts::PercentRole;

/// Where the percent sign (or "phần trăm") after a number ending at `end` ends.
pub(super) fn sign_after(doc: Doc<'_>, end: usize) -> Option<usize> {
    let rest = doc.text.get(end..)?;
    for sign in ["%", " %", "\u{a0}%"] {
        if rest.starts_with(sign) {
            return Some(end + sign.len());
        }
    }
    // "phần trăm" after one space; most numbers have another word there, or none.
    if !rest.starts_with(' ') {
        return None;
    }
    let first = doc.word_after(end).filter(|w| w.start == end + 1)?;
    if !doc.word_is(&first, "phần") {
        return None;
    }
    let words = words_after(doc.text, end, 2);
    doc.phrase_is(&words, "phần trăm")
        .then(|| words.last().map(|w| w.end))
        .flatten()
}

/// How a percentage was read.
pub(super) struct Reading {
    pub(super) role: PercentRole,
    /// "đạt", "bằng", "tương ứng" or parentheses: the figure restates what comes before it,
    /// so it may state the ratio just before it.
    pub(super) restates: bool,
}

/// Words after which a percentage takes the role of the change cue before them ("giảm 214
/// hộ, tương ứng 20,86%").
const RESTATING: &[&str] = &["tương ứng", "tương đương", "tức"];

/// The role of the percentage whose figure (with its qualifier) starts at `start` and whose
/// sign ends at `end`. `sentence_head` is the sentence up to the figure, in lower case.
pub(super) fn read(doc: Doc<'_>, start: usize, end: usize, sentence_head: &str) -> Reading {
    let text = doc.text;
    let cues = &*PERCENT_CUES_MAP;
    let in_parentheses = char_before(text, start) == Some('(');
    let mut before = cues
        .before
        .longest_before(doc, start)
        .map(|(role, _)| *role);
    let before_words = words_before(text, start, 2);
    let last_word = before_words
        .last()
        .map(|w| doc.lower_of(w.clone()))
        .unwrap_or_default();
    // "giảm từ 4,35% xuống còn 1,28%": a level before and after; "giảm từ 5-10%": a fall.
    if last_word == "từ" {
        let after_first = words_after(text, end, 1)
            .first()
            .map(|w| doc.lower_of(w.clone()))
            .unwrap_or_default();
        let from = before_words.last().map_or(start, |w| w.start);
        let further = cues.before.longest_before(doc, from).map(|(role, _)| *role);
        before = if matches!(&*after_first, "xuống" | "lên" | "đến") {
            Some(PercentRole::Level)
        } else {
            further
        };
    }
    let before_text = doc.phrase_of(&before_words);
    let restating = RESTATING.iter().any(|r| before_text.ends_with(r));
    if restating {
        before = last_change(sentence_head).or(before);
    }
    let after = if text.get(end..).is_some_and(|rest| rest.starts_with("/năm")) {
        Some(PercentRole::Rate)
    } else {
        cues.after
            .longest_after(doc, end)
            .filter(|(_, range)| range.start == end + 1)
            .map(|(role, _)| *role)
    };
    let mut role = match (before, after) {
        (Some(r @ (PercentRole::Increase | PercentRole::Decrease | PercentRole::AbovePlan)), _) => {
            r
        }
        (Some(PercentRole::Share), Some(PercentRole::Threshold) | None) => PercentRole::Share,
        (_, Some(after)) => after,
        (Some(before), None) => before,
        (None, None) => PercentRole::Level,
    };
    if matches!(
        role,
        PercentRole::Level | PercentRole::Share | PercentRole::Threshold | PercentRole::OfPlan
    ) && (sentence_head.contains("mục tiêu") || sentence_head.contains("phấn đấu"))
    {
        role = PercentRole::Target;
    }
    let restates = in_parentheses || restating || matches!(&*last_word, "đạt" | "bằng");
    Reading { role, restates }
}

/// The role of the last "tăng" or "giảm" in a sentence head (lower case).
fn last_change(head: &str) -> Option<PercentRole> {
    let up = head.rfind("tăng");
    let down = head.rfind("giảm");
    match (up, down) {
        (Some(u), Some(d)) if u > d => Some(PercentRole::Increase),
        (_, Some(_)) => Some(PercentRole::Decrease),
        (Some(_), None) => Some(PercentRole::Increase),
        (None, None) => None,
    }
}

/// What the percentage is of: the noun phrase after the sign ("100% các đảng bộ phường, xã",
/// "98,7% số hộ"), or the one after "tỷ lệ" or "tốc độ" before the figure ("tỷ lệ hộ nghèo còn 2,14%").
pub(super) fn subject(
    doc: Doc<'_>,
    start: usize,
    end: usize,
    role: PercentRole,
) -> Option<Range<usize>> {
    let text = doc.text;
    let looks_after = matches!(
        role,
        PercentRole::Level | PercentRole::Share | PercentRole::Target | PercentRole::Threshold
    ) && char_at(text, end) == Some(' ');
    if looks_after {
        let words = words_after(text, end, 2);
        let first = words
            .first()
            .map(|w| doc.lower_of(w.clone()))
            .unwrap_or_default();
        let skip = match &*first {
            "số" => 1,
            "tổng" if doc.phrase_is(&words, "tổng số") => 2,
            "trở" | "so" | "kế" | "dự" | "cùng" => usize::MAX,
            _ => 0,
        };
        if skip != usize::MAX {
            let from = match skip {
                0 => end,
                n => words.get(n - 1).map_or(end, |w| w.end),
            };
            if let Some(range) = noun_phrase_after(doc, from) {
                return Some(range);
            }
        }
    }
    // "tỷ lệ hộ nghèo còn 2,14%", "tốc độ tăng trưởng ... đạt 9,2%/năm": the clause names
    // it after its head word; without one the clause is too loose to name it.
    let clause = clause_before(doc, start, 14)?;
    let words = words_after(text, clause.start, 16);
    let index = words.windows(2).position(|pair| match pair {
        [first, second] => RATE_HEADS
            .iter()
            .any(|(a, b)| doc.word_is(first, a) && doc.word_is(second, b)),
        _ => false,
    })?;
    let first = words.get(index + 2).filter(|w| w.start < clause.end)?;
    Some(first.start..clause.end)
}

/// Words that open a clause naming what a rate is of ("tỷ lệ", "tốc độ", ...).
const RATE_HEADS: &[(&str, &str)] = &[("tỷ", "lệ"), ("tốc", "độ"), ("tỷ", "trọng"), ("tỷ", "số")];

#[cfg(test)]
mod tests {
    use super::super::words::tests::with_doc;
    use super::*;

    fn role(text: &str) -> PercentRole {
        let start = text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
        let number_end = text[start..]
            .find(|c: char| !(c.is_ascii_digit() || c == ','))
            .map_or(text.len(), |i| start + i);
        with_doc(text, |doc| {
            let end = sign_after(doc, number_end).unwrap_or(number_end);
            read(doc, start, end, &doc.lower_of(0..start)).role
        })
    }

    #[test]
    fn roles() {
        use PercentRole::*;
        for (text, expected) in [
            ("đạt 95,45%;", Level),
            ("chiếm 30%", Share),
            ("tăng 12% so với cùng kỳ", Increase),
            ("giảm 3,2%", Decrease),
            ("bằng 105% kế hoạch", OfPlan),
            ("vượt 5% kế hoạch", AbovePlan),
            ("đạt 102% dự toán", OfPlan),
            ("bằng 112,4% cùng kỳ", OfReference),
            ("đạt 9,2%/năm", Rate),
            ("từ 95,65% trở lên", Threshold),
            ("có 98,7% số hộ", Share),
            ("giảm từ 4,35% xuống còn", Level),
            ("giảm 214 hộ, tương ứng 20,86%", Decrease),
            ("phấn đấu đạt 9% trở lên", Target),
            ("12 phần trăm", Level),
        ] {
            assert_eq!(role(text), expected, "{text}");
        }
    }

    #[test]
    fn signs() {
        let sign = |text: &str, end: usize| with_doc(text, |doc| sign_after(doc, end));
        assert_eq!(sign("95.45 %", 5), Some(7));
        assert_eq!(sign("12 phần trăm", 2), Some("12 phần trăm".len()));
        assert_eq!(sign("0,56 điểm phần trăm", 4), None);
        assert_eq!(sign("12\u{a0}phần trăm", 2), None);
    }
}
