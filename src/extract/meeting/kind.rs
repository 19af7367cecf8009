//! What sort of event it is: the kind of the title's event noun (`meeting_events.txt`), or,
//! when that noun says nothing ("buổi làm việc"), a cue of the lead (`meeting_kind_cues.txt`:
//! "Đoàn kiểm tra" → inspection).

use super::Doc;
use super::lexicon::KIND_CUES;
use super::title::Lead;
use crate::facts::MeetingKind;

/// The kind of the meeting of `lead`.
pub(super) fn of(doc: &Doc<'_, '_>, lead: &Lead) -> MeetingKind {
    if lead.kind != MeetingKind::Other {
        return lead.kind;
    }
    let lower = doc.lower();
    KIND_CUES
        .find_in(lower, lead.title.clone())
        .chain(KIND_CUES.find_in(lower, lead.sentence.clone()))
        .map(|hit| hit.value)
        .next()
        .unwrap_or(MeetingKind::Other)
}
