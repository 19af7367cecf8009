//! How many attended: the counts and ratios of participants ("đại biểu", "học viên", from
//! `meeting_attendance.txt`) in the sentences that say who attended or who was present
//! ("46/49 đại biểu HĐND thành phố có mặt", "hơn 3.200 đại biểu tham dự", "cùng 72 học viên").
//! A figure followed in its clause by a vote word ("45/46 đại biểu có mặt tán thành") is a
//! vote, not attendance.

use std::ops::Range;

use super::Doc;
use super::lexicon::{ATTENDANCE, Attendance, lowercase};
use crate::facts::{FactId, Facts, Span, Statistic};

/// How far after a ratio its counted noun may start (bytes).
const NOUN_REACH: usize = 24;

/// The ids of the attendance figures, in text order.
pub(super) fn find(doc: &Doc<'_, '_>, sentences: &[Range<usize>], facts: &Facts) -> Vec<FactId> {
    let mut found: Vec<(usize, FactId)> = Vec::new();
    for sentence in sentences {
        let region = doc.caller(sentence.clone());
        for count in in_region(&facts.counts, &region, |count| count.span) {
            let participant = ATTENDANCE
                .find_in(&lowercase(&count.unit), 0..count.unit.len())
                .any(|hit| hit.value == Attendance::Participant);
            if participant && !is_vote(doc, sentence, &count.text, count.span) {
                found.push((count.span.start, count.id.clone()));
            }
        }
        for statistic in in_region(&facts.statistics, &region, Statistic::span) {
            let Statistic::Ratio(ratio) = statistic else {
                continue;
            };
            let participant = ratio.subject.as_deref().is_some_and(|subject| {
                let subject = lowercase(subject);
                ATTENDANCE
                    .find_in(&subject, 0..subject.len())
                    .any(|hit| hit.start == 0 && hit.value == Attendance::Participant)
            }) || noun_follows(doc, sentence, &ratio.text, ratio.span);
            if participant && !is_vote(doc, sentence, &ratio.text, ratio.span) {
                found.push((ratio.span.start, ratio.id.clone()));
            }
        }
    }
    found.sort_by_key(|(start, _)| *start);
    found.into_iter().map(|(_, id)| id).collect()
}

/// The facts of a list ordered by span start that lie in `region` (caller's bytes).
fn in_region<'f, T>(
    facts: &'f [T],
    region: &Range<usize>,
    span: impl Fn(&T) -> Span + Copy + 'f,
) -> impl Iterator<Item = &'f T> {
    let first = facts.partition_point(|fact| span(fact).start < region.start);
    let end = region.end;
    facts
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(move |fact| span(fact).start < end)
        .filter(move |fact| span(fact).end <= end)
}

/// Where a fact stands in the normalized text: the occurrence of its text in the sentence
/// whose span starts where the fact's does.
fn locate(
    doc: &Doc<'_, '_>,
    sentence: &Range<usize>,
    text: &str,
    span: Span,
) -> Option<Range<usize>> {
    if text.is_empty() {
        return None;
    }
    doc.slice(sentence.clone())
        .match_indices(text)
        .map(|(i, _)| sentence.start + i..sentence.start + i + text.len())
        .find(|range| doc.caller(range.clone()).start == span.start)
}

/// Whether a participant noun follows the fact closely ("46/49 đại biểu").
fn noun_follows(doc: &Doc<'_, '_>, sentence: &Range<usize>, text: &str, span: Span) -> bool {
    let Some(range) = locate(doc, sentence, text, span) else {
        return false;
    };
    let lower = doc.lower();
    ATTENDANCE
        .find_in(lower, range.end..sentence.end)
        .next()
        .is_some_and(|hit| {
            hit.value == Attendance::Participant && hit.start <= range.end + NOUN_REACH
        })
}

/// Whether the rest of the fact's clause holds a vote word.
fn is_vote(doc: &Doc<'_, '_>, sentence: &Range<usize>, text: &str, span: Span) -> bool {
    let lower = doc.lower();
    let (from, to) = match locate(doc, sentence, text, span) {
        Some(range) => {
            let rest = lower.get(range.end..sentence.end).unwrap_or_default();
            let end = rest
                .find([';', ','])
                .map_or(sentence.end, |i| range.end + i);
            (range.end, end)
        }
        None => (sentence.start, sentence.end),
    };
    ATTENDANCE
        .find_in(lower, from..to)
        .any(|hit| hit.value == Attendance::Vote)
}
