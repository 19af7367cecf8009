//! What was asked for next: one directive per clause after "đề nghị", "yêu cầu", "nhấn mạnh",
//! "chỉ đạo" (`meeting_directive_cues.txt`), with the speaker.
//!
//! A cue is a directive when a person stands before it in its clause (an official's mention, or
//! a word of `meeting_person_words.txt`: "đồng chí", "ông", "Chủ tịch", "Trưởng Ban" ...), when
//! no word of `meeting_cue_blockers.txt` stands right before it ("ý kiến chỉ đạo", "là yêu cầu
//! bắt buộc"), and when no meeting word follows it ("dự và chỉ đạo hội nghị" directs the
//! meeting, it asks for nothing). The text after the cue is cut at ";" into directives; the
//! next sentences of the same paragraph that open with a directive verb
//! (`meeting_directive_verbs.txt`: "Tiếp tục ...", "Tăng cường ...") add theirs. The speaker is
//! the official named before the cue in its clause, or else the last speaker before it.

use std::ops::Range;

use super::Doc;
use super::lexicon::{self, BLOCKERS, DIRECTIVE_CUES, DIRECTIVE_VERBS, Hit, PERSON_WORDS, REFS};
use super::mentions::Mentions;
use super::roles::clauses;
use super::title::Lead;
use crate::facts::{Directive, FactId};

/// Connectives that may open a continuing sentence before its verb.
const CONNECTIVES: [&str; 3] = ["trong đó, ", "đồng thời, ", "bên cạnh đó, "];

/// One directive cue and the text it asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Cue {
    /// The cue word.
    pub(super) cue: Range<usize>,
    /// Where the cue's clause starts (its subject is read there).
    pub(super) clause_start: usize,
    /// The directives' text, one range per clause.
    pub(super) parts: Vec<Range<usize>>,
}

/// The directive cues of a document, and the text they cover.
#[derive(Debug, Default)]
pub(super) struct Found {
    pub(super) cues: Vec<Cue>,
    covered: Vec<Range<usize>>,
}

impl Found {
    /// Whether `pos` lies in the text of a directive (a role verb there is part of a task).
    pub(super) fn covers(&self, pos: usize) -> bool {
        let index = self.covered.partition_point(|range| range.end <= pos);
        self.covered
            .get(index)
            .is_some_and(|range| range.start <= pos)
    }
}

/// A directive with its speaker, and the speaker when the clause names them.
pub(super) struct Resolved {
    pub(super) directive: Directive,
    /// Where the cue stands and the official named before it, when one is.
    pub(super) explicit: Option<(usize, FactId)>,
}

/// The directive cues after the lead, in `body` (the sentences from the lead on), from the
/// text (and officials' mentions, when there are).
pub(super) fn find(
    doc: &Doc<'_, '_>,
    lead: &Lead,
    body: &[Range<usize>],
    mentions: &Mentions<'_>,
) -> Found {
    let lower = doc.lower();
    let mut found = Found::default();
    let mut previous_end: Option<usize> = None;
    let mut continuing = false;
    let after_lead = body.partition_point(|sentence| sentence.start < lead.sentence.end);
    let sentences = body.get(after_lead..).unwrap_or_default();
    let hits = DIRECTIVE_CUES.find_in_each(lower, sentences);
    for (sentence, cues) in lexicon::by_sentence(&hits, sentences) {
        let same_paragraph =
            previous_end.is_some_and(|end| !doc.line_break_between(end, sentence.start));
        previous_end = Some(sentence.end);
        if continuing
            && same_paragraph
            && let Some(verb) = continuing_verb(lower, sentence.start)
            && let Some(cue) = found.cues.last_mut()
        {
            let parts = split(doc, verb..sentence.end);
            found.covered.push(verb..sentence.end);
            cue.parts.extend(parts);
            continue;
        }
        continuing = false;
        if let Some(cue) = cue_in(doc, sentence.clone(), cues, mentions) {
            found.covered.push(cue.cue.end..sentence.end);
            found.cues.push(cue);
            continuing = true;
        }
    }
    found
}

/// The first directive cue of a sentence (among the cue words `hits` in it), with its text.
fn cue_in(
    doc: &Doc<'_, '_>,
    sentence: Range<usize>,
    hits: &[Hit<()>],
    mentions: &Mentions<'_>,
) -> Option<Cue> {
    if hits.is_empty() {
        return None;
    }
    let lower = doc.lower();
    let clauses = clauses(lower, sentence.clone());
    hits.iter().find_map(|hit| {
        let index = clauses.partition_point(|clause| clause.end <= hit.start);
        let clause_start = clauses.get(index).map_or(sentence.start, |c| c.start);
        let after = lower.get(hit.end..sentence.end)?;
        let next = after.trim_start();
        let next_at = hit.end + (after.len() - next.len());
        let emphasis = lower.get(hit.start..hit.end) == Some("nhấn mạnh");
        let person = PERSON_WORDS
            .find_in(lower, clause_start..hit.start)
            .next()
            .is_some()
            || mentions
                .first_official(doc.caller(clause_start..hit.start))
                .is_some();
        let blocked = BLOCKERS.ends_before(lower, hit.start)
                || REFS.at(lower, next_at).is_some()
                || (next.starts_with(',') && !emphasis)
                // "chỉ đạo của Trung ương", "yêu cầu của nhiệm vụ": a noun.
                || next.starts_with("của ");
        (person && !blocked).then(|| Cue {
            cue: hit.start..hit.end,
            clause_start,
            parts: split(doc, hit.end..sentence.end),
        })
    })
}

/// The start of a directive verb opening the sentence at `start` (after a connective).
fn continuing_verb(lower: &str, start: usize) -> Option<usize> {
    let rest = lower.get(start..)?;
    let skip = CONNECTIVES
        .iter()
        .find(|connective| rest.starts_with(*connective))
        .map_or(0, |connective| connective.len());
    let at = start + skip;
    DIRECTIVE_VERBS.at(lower, at).map(|_| at)
}

/// The clauses of `range` (split at ";"), each trimmed of punctuation; empty ones dropped.
fn split(doc: &Doc<'_, '_>, range: Range<usize>) -> Vec<Range<usize>> {
    let text = doc.slice(range.clone());
    let mut parts = Vec::new();
    let mut offset = 0;
    for piece in text.split(';') {
        let start = range.start + offset;
        offset += piece.len() + 1;
        let lead = piece.len() - piece.trim_start_matches([' ', ',', ':']).len();
        let trimmed = piece
            .trim_start_matches([' ', ',', ':'])
            .trim_end_matches([' ', '.', '…', ',', ':']);
        if trimmed.chars().any(crate::text::is_alnum) {
            parts.push(start + lead..start + lead + trimmed.len());
        }
    }
    parts
}

/// Each directive with its speaker: the official named before the cue in its clause (the
/// last one, nearest the verb), else the last speaker before the cue.
pub(super) fn resolve(
    doc: &Doc<'_, '_>,
    found: &Found,
    speaking: &[(usize, FactId)],
    mentions: &Mentions<'_>,
) -> Vec<Resolved> {
    let mut resolved = Vec::new();
    for cue in &found.cues {
        let explicit = mentions
            .last_official(doc.caller(cue.clause_start..cue.cue.start))
            .cloned();
        let before = speaking.partition_point(|(pos, _)| *pos < cue.cue.start);
        let last = before
            .checked_sub(1)
            .and_then(|i| speaking.get(i))
            .map(|(_, id)| id.clone());
        let speaker = explicit.clone().or(last);
        for part in &cue.parts {
            resolved.push(Resolved {
                directive: Directive {
                    text: doc.slice(part.clone()).to_owned(),
                    span: doc.caller_span(part.clone()),
                    speaker: speaker.clone(),
                },
                explicit: None,
            });
        }
        if let (Some(id), Some(first)) = (explicit, resolved.last_mut()) {
            first.explicit = Some((cue.cue.start, id));
        }
    }
    resolved
}
