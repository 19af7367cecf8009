//! The meeting record: what was held, when, where, by whom, who chaired, who spoke, and what
//! was asked for next.
//!
//! Built in the resolution step from the text and the facts the other extractors found: the
//! lead names the event ([`title`], [`kind`], [`location`]) and its date (the lead's first date
//! fact); officials and organizations are linked to roles by span ([`roles`]: the mention that
//! lies in the clause of a role verb); attendance figures are the counts and ratios of
//! participants in the attendance sentences ([`attendance`]); directives are the clauses after
//! "đề nghị", "yêu cầu", "nhấn mạnh", "chỉ đạo" said by a speaker ([`directives`]). A report
//! whose lead names no event held is not about a meeting: `None`.

mod attendance;
mod directives;
mod kind;
mod lexicon;
mod location;
mod mentions;
mod roles;
mod title;

use std::ops::Range;

use super::{Input, SpansInOrder};
use crate::facts::{DateKind, FactId, Facts, Meeting, Span};
use mentions::Mentions;

/// The text as the meeting rules read it: the normalized text and a lower-cased copy with the
/// same byte offsets.
pub(super) struct Doc<'a, 'i> {
    input: &'a Input<'i>,
    /// The record's spans, asked for in text order.
    spans: SpansInOrder<'a, 'i>,
}

impl<'a, 'i> Doc<'a, 'i> {
    fn new(input: &'a Input<'i>) -> Doc<'a, 'i> {
        Doc {
            input,
            spans: SpansInOrder::new(input),
        }
    }

    /// The normalized text.
    pub(super) fn text(&self) -> &'a str {
        self.input.text()
    }

    /// The lower-cased text (same byte offsets as [`Doc::text`]).
    pub(super) fn lower(&self) -> &'a str {
        self.input.lower()
    }

    /// The normalized text of `range`, empty when out of bounds.
    pub(super) fn slice(&self, range: Range<usize>) -> &'a str {
        self.input.slice(range)
    }

    /// The sentences that are not page chrome, in order.
    pub(super) fn sentences(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.input
            .sentences()
            .iter()
            .filter(|s| !self.input.in_chrome(s.start))
            .cloned()
    }

    /// The byte range, in the caller's text, of a range of the normalized text: what fact
    /// spans are compared with. (The byte offsets of [`Doc::caller_span`], without the char
    /// offsets it counts.)
    pub(super) fn caller(&self, range: Range<usize>) -> Range<usize> {
        self.input.caller_range(range)
    }

    /// The span, in the caller's text, of a range of the normalized text ([`Input::span`], its
    /// char offsets counted on from the last span's).
    pub(super) fn caller_span(&self, range: Range<usize>) -> Span {
        self.spans.span(range)
    }

    /// Whether a line break lies between two positions (they are in different paragraphs).
    pub(super) fn line_break_between(&self, from: usize, to: usize) -> bool {
        self.slice(from.min(to)..to.max(from)).contains('\n')
    }
}

/// The meeting the report is about, or `None` when its lead names no event held.
pub(crate) fn meeting(input: &Input<'_>, facts: &Facts) -> Option<Meeting> {
    let doc = Doc::new(input);
    let lead = title::find(&doc)?;
    let kind = kind::of(&doc, &lead);
    let location = location::find(&doc, &lead);
    let date = lead_date(&doc, &lead, location.clone(), facts);
    let mentions = Mentions::new(facts);
    let organizers = roles::organizers(&doc, &lead, location.clone(), &mentions);
    // The sentences from the lead on: where roles and directives are read.
    let body: Vec<Range<usize>> = doc
        .sentences()
        .filter(|sentence| sentence.start >= lead.sentence.start)
        .collect();
    let found = directives::find(&doc, &lead, &body, &mentions);
    let people = roles::scan(&doc, &lead, &body, &found, &mentions);
    let directives = directives::resolve(&doc, &found, &people.speaking, &mentions);
    let mut speaking = people.speaking;
    speaking.extend(directives.iter().filter_map(|d| d.explicit.clone()));
    speaking.sort_by_key(|(pos, _)| *pos);
    let attendance = attendance::find(&doc, &people.attendance_sentences, facts);
    Some(Meeting {
        title: Some(doc.slice(lead.title.clone()).to_owned()),
        kind,
        date,
        location: location.map(|range| doc.slice(range).to_owned()),
        organizers,
        chairs: dedup(people.chairs),
        attendees: dedup(people.attendees),
        speakers: dedup(speaking.into_iter().map(|(_, id)| id).collect()),
        attendance,
        directives: directives.into_iter().map(|d| d.directive).collect(),
    })
}

/// The id of the lead's first date that is not part of the title or the place and has a value
/// kind (not "thời gian tới", not "hằng năm").
fn lead_date(
    doc: &Doc<'_, '_>,
    lead: &title::Lead,
    location: Option<Range<usize>>,
    facts: &Facts,
) -> Option<FactId> {
    let sentence = doc.caller(lead.sentence.clone());
    let title = if lead.in_headline {
        0..0
    } else {
        doc.caller(lead.title.clone())
    };
    let location = location.map_or(0..0, |range| doc.caller(range));
    let inside = |outer: &Range<usize>, start: usize, end: usize| {
        outer.start <= start && end <= outer.end && outer.start < outer.end
    };
    let first = facts
        .dates
        .partition_point(|date| date.span.start < sentence.start);
    facts
        .dates
        .get(first..)?
        .iter()
        .take_while(|date| date.span.start < sentence.end)
        .filter(|date| date.span.end <= sentence.end)
        .filter(|date| !matches!(date.kind, DateKind::Vague | DateKind::Recurring))
        .find(|date| {
            !inside(&title, date.span.start, date.span.end)
                && !inside(&location, date.span.start, date.span.end)
        })
        .map(|date| date.id.clone())
}

/// The ids in first-seen order, each once.
fn dedup(ids: Vec<FactId>) -> Vec<FactId> {
    let mut seen = std::collections::HashSet::new();
    let first: Vec<bool> = ids.iter().map(|id| seen.insert(id.as_str())).collect();
    ids.iter()
        .zip(first)
        .filter(|&(_, first)| first)
        .map(|(id, _)| id.clone())
        .collect()
}

#[cfg(test)]
#[path = "meeting/tests.rs"]
mod tests;
