//! The lead and the event's own name.
//!
//! The lead is the first or second sentence of the body (after a dateline and a headline) that
//! holds an event noun ("Hội nghị", "Kỳ họp", "Lễ", "Lớp bồi dưỡng", "buổi làm việc", from
//! `meeting_events.txt`) and a verb that holds it ("tổ chức", "khai giảng", "có buổi", from
//! `meeting_holding_verbs.txt`). The title runs from the event noun (the first one after the
//! verb) to the end of the sentence or the first stop word (`meeting_title_stops.txt`: "(",
//! ", nhân", ", theo", " để ", " tại " ...). A headline that opens with an event noun (or has one
//! after such a verb) gives the title when the lead has none. No lead, no meeting.

use std::ops::Range;

use super::Doc;
use super::lexicon::{EVENTS, HOLDING_VERBS, Stop, TITLE_STOPS};
use crate::facts::MeetingKind;

/// How many sentences from the top are looked at, and how many of them may be body sentences
/// (not a dateline or a headline) before the search gives up.
const MAX_SENTENCES: usize = 8;
const MAX_BODY_SENTENCES: usize = 2;

/// The lead of a report about a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Lead {
    /// The lead sentence: where the date, the place and the organizers are read.
    pub(super) sentence: Range<usize>,
    /// The event's own name (in the lead sentence, or in a headline).
    pub(super) title: Range<usize>,
    /// The kind its event noun names.
    pub(super) kind: MeetingKind,
    /// Whether the title stands in a headline rather than in the lead sentence.
    pub(super) in_headline: bool,
}

/// The lead, or `None` when the top of the report names no event held.
pub(super) fn find(doc: &Doc<'_, '_>) -> Option<Lead> {
    let mut headline: Option<(Range<usize>, MeetingKind)> = None;
    let mut body = 0;
    for sentence in doc.sentences().take(MAX_SENTENCES) {
        if is_headline(doc, &sentence) {
            if headline.is_none() {
                headline = event_in(doc, &sentence, true);
            }
            continue;
        }
        if let Some((title, kind)) = event_in(doc, &sentence, false) {
            // A headline that names the same event more fully gives its name: "Khai mạc Kỳ họp
            // thứ 7 HĐND tỉnh khóa XVII" over the lead's "khai mạc kỳ họp giữa năm".
            if let Some((full, full_kind)) = headline.clone()
                && full_kind == kind
                && words(doc, &full) > words(doc, &title)
            {
                return Some(Lead {
                    sentence,
                    title: full,
                    kind,
                    in_headline: true,
                });
            }
            return Some(Lead {
                sentence,
                title,
                kind,
                in_headline: false,
            });
        }
        if let Some((title, kind)) = headline {
            return Some(Lead {
                sentence,
                title,
                kind,
                in_headline: true,
            });
        }
        body += 1;
        if body >= MAX_BODY_SENTENCES {
            return None;
        }
    }
    None
}

fn words(doc: &Doc<'_, '_>, range: &Range<usize>) -> usize {
    doc.slice(range.clone()).split_whitespace().count()
}

/// A line of its own without a closing full stop, followed by more text: a dateline or a
/// headline.
fn is_headline(doc: &Doc<'_, '_>, sentence: &Range<usize>) -> bool {
    let text = doc.text();
    let before = text.get(..sentence.start).unwrap_or_default();
    let after = text.get(sentence.end..).unwrap_or_default();
    let starts_line = before.trim_end_matches([' ', '\t']).is_empty()
        || before.trim_end_matches([' ', '\t']).ends_with('\n');
    let rest_of_line = after.split('\n').next().unwrap_or_default();
    let more_follows = after
        .split_once('\n')
        .is_some_and(|(_, rest)| !rest.trim().is_empty());
    let unfinished = !doc
        .slice(sentence.clone())
        .trim_end()
        .ends_with(['.', '!', '?', '…']);
    starts_line && rest_of_line.trim().is_empty() && more_follows && unfinished
}

/// The title and kind of the event named in `sentence`: the first event noun after a holding
/// verb (or the first at all); a headline needs no verb when it opens with the noun.
fn event_in(
    doc: &Doc<'_, '_>,
    sentence: &Range<usize>,
    headline: bool,
) -> Option<(Range<usize>, MeetingKind)> {
    let lower = doc.lower();
    let verb = HOLDING_VERBS.find_in(lower, sentence.clone()).next();
    let mut events = EVENTS
        .find_in(lower, sentence.clone())
        .filter_map(|hit| hit.value.map(|kind| (hit.start, hit.end, kind)));
    let (start, end, kind) = match verb {
        Some(verb) => {
            let all: Vec<_> = events.collect();
            all.iter()
                .find(|(start, _, _)| *start > verb.start)
                .or_else(|| all.first())
                .copied()?
        }
        None if headline => events
            .next()
            .filter(|(start, _, _)| *start == sentence.start)?,
        None => return None,
    };
    let limit = trimmed_end(doc, sentence);
    let stop = TITLE_STOPS
        .find_in(lower, end..limit)
        .find(|hit| match hit.value {
            Stop::Any => true,
            Stop::AfterComma => lower
                .get(..hit.start)
                .is_some_and(|before| before.ends_with(", ")),
        })
        .map_or(limit, |hit| hit.start);
    let text = doc.slice(start..stop);
    let title_end = start + text.trim_end_matches([' ', ',', ';', ':', '-', '–']).len();
    (title_end >= end).then_some((start..title_end, kind))
}

/// The end of a sentence without its closing punctuation and spaces.
pub(super) fn trimmed_end(doc: &Doc<'_, '_>, sentence: &Range<usize>) -> usize {
    let text = doc.slice(sentence.clone());
    sentence.start
        + text
            .trim_end_matches(['.', '!', '?', '…', ' ', ';', ':'])
            .len()
}
