//! Who held it, chaired it, attended and spoke: officials and organizations linked to the role
//! verbs of `meeting_roles.txt` by span — the mention that lies in the clause of the verb.
//!
//! - Organizers: the lead's subject, between the place and the title ("Ban Tuyên giáo Thành ủy
//!   và Ban Chỉ đạo 35 thành phố tổ chức Hội nghị ..."), less a "do X làm Trưởng đoàn" inside it.
//! - Chairs: the subject of "chủ trì hội nghị" (a meeting word must follow: "chủ trì rà soát"
//!   is a task), the list after "Chủ tọa kỳ họp gồm ...", "do X làm Trưởng đoàn",
//!   "dưới sự chủ trì của X". Officials only.
//! - Attendees: the list after "Tham dự hội nghị có ...", or before "... dự hội nghị", clause
//!   by clause (";"): a clause's officials, or its organizations when it names no official.
//! - Speakers: the subject after a fronted verb ("Phát biểu khai mạc, bà X cho biết"), the
//!   agent of "do X trình bày", the subject of a verb at the clause's end ("X phát biểu tại hội
//!   nghị"). Officials only, in the order they speak.
//!
//! A cue right after a word of `meeting_cue_blockers.txt` ("theo báo cáo", "ý kiến phát
//! biểu", "đi dự") or inside a directive is not a role.

use std::ops::Range;

use super::Doc;
use super::directives::Found;
use super::lexicon::{self, BLOCKERS, HOLDING_VERBS, Hit, REFS, ROLES, Role, word_positions};
use super::location::parts;
use super::mentions::Mentions;
use super::title::Lead;
use crate::facts::FactId;

/// How far after a fronted verb its comma may stand, and how far after that comma the
/// speaker's mention may start (bytes).
const FRONTED_VERB_REACH: usize = 80;
const FRONTED_SUBJECT_REACH: usize = 60;

/// The roles found in the body.
#[derive(Debug, Default)]
pub(super) struct People {
    pub(super) chairs: Vec<FactId>,
    pub(super) attendees: Vec<FactId>,
    /// Each speaker with where the cue stands (normalized text), in text order.
    pub(super) speaking: Vec<(usize, FactId)>,
    /// The sentences that say who attended or how many were present.
    pub(super) attendance_sentences: Vec<Range<usize>>,
}

/// The organizers: who the lead says held the event.
pub(super) fn organizers(
    doc: &Doc<'_, '_>,
    lead: &Lead,
    location: Option<Range<usize>>,
    mentions: &Mentions<'_>,
) -> Vec<FactId> {
    let lower = doc.lower();
    let sentence = lead.sentence.clone();
    let end = if lead.in_headline {
        match HOLDING_VERBS.find_in(lower, sentence.clone()).next() {
            Some(verb) => verb.start,
            None => return Vec::new(),
        }
    } else {
        lead.title.start
    };
    let start = location
        .map(|place| place.end)
        .filter(|&place_end| place_end <= end)
        .unwrap_or(sentence.start);
    let mut end = end;
    // "Đoàn kiểm tra ... do đồng chí X ... làm Trưởng đoàn đã có buổi làm việc": X chairs.
    if let Some(at) = word_positions(lower, start..end, "do").find(|&at| {
        ROLES
            .find_in(lower, at..end)
            .any(|hit| matches!(hit.value, Role::Chair | Role::ChairDo))
    }) {
        end = at;
    }
    let mut found: Vec<FactId> = parts(lower, start..end)
        .into_iter()
        .flat_map(|part| mentions.named(doc.caller(part)))
        .cloned()
        .collect();
    if found.is_empty() && !lead.in_headline {
        // "Hội nghị X do UBND huyện tổ chức."
        let after = lead.title.end..sentence.end;
        if let Some(at) = word_positions(lower, after.clone(), "do").next()
            && let Some(verb) = HOLDING_VERBS.find_in(lower, at..after.end).next()
        {
            found = mentions
                .named(doc.caller(at..verb.start))
                .into_iter()
                .cloned()
                .collect();
        }
    }
    found
}

/// Chairs, attendees, speakers and attendance sentences, in `sentences` (from the lead on).
pub(super) fn scan(
    doc: &Doc<'_, '_>,
    lead: &Lead,
    sentences: &[Range<usize>],
    directives: &Found,
    mentions: &Mentions<'_>,
) -> People {
    let mut people = People::default();
    let hits = ROLES.find_in_each(doc.lower(), sentences);
    for (sentence, cues) in lexicon::by_sentence(&hits, sentences) {
        // A sentence without a role cue says nothing of roles.
        if !cues.is_empty() {
            scan_sentence(doc, lead, directives, mentions, sentence, cues, &mut people);
        }
    }
    people
}

/// One attendee verb: its clause, where its list starts (a "có"/"gồm" after it), where it
/// stands.
struct AttendeeCue {
    clause: usize,
    list: Option<usize>,
    at: usize,
}

/// The roles of one sentence, from its role cues (`cues`, in order).
fn scan_sentence(
    doc: &Doc<'_, '_>,
    lead: &Lead,
    directives: &Found,
    mentions: &Mentions<'_>,
    sentence: Range<usize>,
    cues: &[Hit<Role>],
    people: &mut People,
) {
    let lower = doc.lower();
    let clauses = clauses(lower, sentence.clone());
    let clause_of = |pos: usize| clauses.partition_point(|clause| clause.end <= pos);
    let mut chair_clauses = vec![false; clauses.len()];
    let mut attendee_cues = Vec::new();
    let mut attendance = false;
    let in_title = |pos: usize| !lead.in_headline && lead.title.contains(&pos);
    for &cue in cues {
        if cue.value == Role::None
            || in_title(cue.start)
            || directives.covers(cue.start)
            || BLOCKERS.ends_before(lower, cue.start)
        {
            continue;
        }
        let index = clause_of(cue.start);
        let Some(clause) = clauses.get(index).cloned() else {
            continue;
        };
        match cue.value {
            Role::Chair | Role::ChairDo => {
                let list = (cue.value == Role::Chair)
                    .then(|| list_follows(lower, cue.end, clause.end))
                    .flatten();
                let region = match list {
                    // "Chủ tọa kỳ họp gồm bà A, ...; ông B và bà C, ..."
                    Some(list) => list..sentence.end,
                    None if cue.value == Role::ChairDo || refers_on(lower, cue.end, clause.end) => {
                        after_do(lower, clause.start..cue.start)..cue.start
                    }
                    None => continue,
                };
                people
                    .chairs
                    .extend(mentions.officials(doc.caller(region)).into_iter().cloned());
                if let Some(flag) = chair_clauses.get_mut(index) {
                    *flag = true;
                }
            }
            Role::ChairOf => {
                if let Some(id) = mentions.first_official(doc.caller(cue.end..clause.end)) {
                    people.chairs.push(id.clone());
                }
                if let Some(flag) = chair_clauses.get_mut(index) {
                    *flag = true;
                }
            }
            Role::Attendee => {
                let list = list_follows(lower, cue.end, clause.end);
                if list.is_none() && !refers_on(lower, cue.end, clause.end) {
                    continue;
                }
                attendance = true;
                attendee_cues.push(AttendeeCue {
                    clause: index,
                    list,
                    at: cue.start,
                });
            }
            Role::Presence => attendance = true,
            Role::Speaker => {
                let speaker = if cue.start == sentence.start {
                    fronted_subject(doc, mentions, cue.end, sentence.end)
                } else {
                    let from = after_do(lower, clause.start..cue.start);
                    mentions.first_official(doc.caller(from..cue.start))
                };
                if let Some(id) = speaker {
                    people.speaking.push((cue.start, id.clone()));
                }
            }
            Role::None => {}
        }
    }
    for cue in attendee_cues {
        for (index, clause) in clauses.iter().enumerate() {
            if chair_clauses.get(index).copied().unwrap_or(false) {
                continue;
            }
            let region = match cue.list {
                Some(list) if index == cue.clause => list..clause.end,
                Some(_) if index > cue.clause => clause.clone(),
                None if index == cue.clause => clause.start..cue.at,
                None if index < cue.clause => clause.clone(),
                _ => continue,
            };
            people
                .attendees
                .extend(mentions.named(doc.caller(region)).into_iter().cloned());
        }
    }
    if attendance {
        people.attendance_sentences.push(sentence);
    }
}

/// The clauses of a sentence: its parts between ";".
pub(super) fn clauses(lower: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut clauses = Vec::new();
    let mut start = sentence.start;
    let text = lower.get(sentence.clone()).unwrap_or_default();
    for (i, _) in text.match_indices(';') {
        clauses.push(start..sentence.start + i);
        start = sentence.start + i + 1;
    }
    clauses.push(start..sentence.end);
    clauses
}

/// Where the words after `from` start (spaces skipped), up to `limit`.
fn skip_spaces(lower: &str, from: usize, limit: usize) -> usize {
    let rest = lower.get(from..limit).unwrap_or_default();
    from + (rest.len() - rest.trim_start().len())
}

/// The position after a "có" or "gồm" among the next few words: the verb opens a list
/// ("Tham dự hội nghị có ...", "Chủ tọa kỳ họp gồm ...").
fn list_follows(lower: &str, from: usize, limit: usize) -> Option<usize> {
    const WORDS: usize = 5;
    let rest = lower.get(from..limit)?;
    let mut offset = 0;
    for word in rest.split(' ').take(WORDS + 1) {
        let bare = word.trim_end_matches([',', ':']);
        if bare == "có" || bare == "gồm" {
            return Some(from + offset + word.len());
        }
        if word.ends_with([',', '.', ';']) {
            return None;
        }
        offset += word.len() + 1;
    }
    None
}

/// Whether a role verb is followed by a word for the meeting ("hội nghị", "buổi lễ"), by "và",
/// or by the end of its clause: then it is the meeting's role, not a task ("chủ trì rà soát").
fn refers_on(lower: &str, from: usize, limit: usize) -> bool {
    let at = skip_spaces(lower, from, limit);
    let rest = lower.get(at..limit).unwrap_or_default();
    rest.is_empty()
        || rest.starts_with(['.', ',', ';', ':', ')'])
        || rest.starts_with("và ")
        || REFS.at(lower, at).is_some()
}

/// Where the agent of a passive verb starts: after the last "do" of `region` ("báo cáo do
/// đồng chí X trình bày"), or the region's start.
fn after_do(lower: &str, region: Range<usize>) -> usize {
    word_positions(lower, region.clone(), "do")
        .last()
        .map_or(region.start, |at| at + "do".len())
}

/// The official right after the comma that closes a fronted verb phrase ("Phát biểu chỉ đạo
/// hội nghị, đồng chí X ...").
fn fronted_subject<'f>(
    doc: &Doc<'_, '_>,
    mentions: &Mentions<'f>,
    verb_end: usize,
    sentence_end: usize,
) -> Option<&'f FactId> {
    let lower = doc.lower();
    let comma = verb_end + lower.get(verb_end..sentence_end)?.find(',')?;
    if comma - verb_end > FRONTED_VERB_REACH
        || word_positions(lower, verb_end..comma, "do")
            .next()
            .is_some()
    {
        return None;
    }
    let mut reach = (comma + FRONTED_SUBJECT_REACH).min(sentence_end);
    while !lower.is_char_boundary(reach) {
        reach -= 1;
    }
    let subject_start = doc.caller(comma..reach).end;
    mentions
        .within(doc.caller(comma..sentence_end))
        .find(|m| m.official && m.start < subject_start)
        .map(|m| m.id)
}
