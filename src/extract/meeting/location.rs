//! Where it was held: the lead's "tại ..." phrase.
//!
//! The phrase opens after "tại" and is cut into comma-separated parts (a parenthesis stays in
//! its part). The first part is the place ("phòng họp tầng 2"); each next part belongs to it
//! only when it opens with a place word of `meeting_places.txt` ("nhà văn hóa thành phố",
//! "số 8 đường 30/4", "thành phố Hoài Sơn") and holds no holding verb: the first part that
//! does not ("Ban Tuyên giáo Thành ủy tổ chức ...") opens the organizer clause. A part ends at a
//! title stop too ("tại hội trường X để ..."). An online conference without a "tại" in its lead
//! sentence is placed at its main bridge point ("điểm cầu chính tại Hội trường UBND tỉnh"), when
//! the lead paragraph names one.

use std::ops::Range;

use super::Doc;
use super::lexicon::{HOLDING_VERBS, PLACES, Stop, TITLE_STOPS, word_positions};
use super::title::{Lead, trimmed_end};

/// The byte range of the place, or `None` when the lead names none.
pub(super) fn find(doc: &Doc<'_, '_>, lead: &Lead) -> Option<Range<usize>> {
    let lower = doc.lower();
    let sentence = lead.sentence.clone();
    let title = (!lead.in_headline).then(|| lead.title.clone());
    let tai = word_positions(lower, sentence.clone(), "tại").find(|&pos| {
        title
            .as_ref()
            .is_none_or(|title| pos < title.start || pos >= title.end)
    });
    let Some(tai) = tai else {
        return bridge_point(doc, lead);
    };
    let start = tai + "tại ".len();
    let end = match &title {
        Some(title) if title.start > tai => title.start,
        _ => trimmed_end(doc, &sentence),
    };
    let mut place_end = None;
    for (index, part) in parts(lower, start..end).into_iter().enumerate() {
        let cut = cut_part(lower, part.clone());
        if index > 0 && (PLACES.at(lower, part.start).is_none() || cut.end < part.end) {
            break;
        }
        place_end = Some(cut.end);
        if cut.end < part.end {
            break;
        }
    }
    let range = start..place_end?;
    let text = doc.slice(range.clone()).trim_end_matches([' ', ',']);
    (!text.is_empty()).then(|| range.start..range.start + text.len())
}

/// The comma-separated parts of `lower[range]`, a parenthesis kept whole.
pub(super) fn parts(lower: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = range.start;
    let text = lower.get(range.clone()).unwrap_or_default();
    for (i, c) in text.char_indices() {
        let pos = range.start + i;
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(start..pos);
                start = pos + 1;
                while lower.get(start..start + 1) == Some(" ") {
                    start += 1;
                }
            }
            _ => {}
        }
    }
    if start < range.end {
        parts.push(start..range.end);
    }
    parts
}

/// A part up to the first holding verb or title stop in it (other than the part's own start).
fn cut_part(lower: &str, part: Range<usize>) -> Range<usize> {
    // The place word itself is never a cut ("phòng họp").
    let head_end = PLACES
        .at(lower, part.start)
        .map_or(part.start, |hit| hit.end);
    let verb = HOLDING_VERBS
        .find_in(lower, head_end..part.end)
        .map(|hit| hit.start);
    let stop = TITLE_STOPS
        .find_in(lower, part.clone())
        .filter(|hit| hit.value == Stop::Any && hit.start > part.start)
        // A parenthesis in a place is its address ("(số 12 đường Lê Lợi, ...)").
        .filter(|hit| lower.get(hit.start..hit.end) != Some("("))
        .map(|hit| hit.start);
    let end = verb
        .into_iter()
        .chain(stop)
        .filter(|&pos| pos > part.start)
        .min()
        .unwrap_or(part.end);
    let text = lower.get(part.start..end).unwrap_or_default().trim_end();
    part.start..part.start + text.len()
}

/// "điểm cầu chính tại X" in the lead's paragraph, up to "tới", "đến", "và" or a comma.
fn bridge_point(doc: &Doc<'_, '_>, lead: &Lead) -> Option<Range<usize>> {
    const CUE: &str = "điểm cầu chính tại ";
    let lower = doc.lower();
    let paragraph_end = lower
        .get(lead.sentence.start..)?
        .find('\n')
        .map_or(lower.len(), |i| lead.sentence.start + i);
    let start = lead.sentence.start + lower.get(lead.sentence.start..paragraph_end)?.find(CUE)?;
    let place = start + CUE.len();
    let rest = lower.get(place..paragraph_end)?;
    let end = [" tới ", " đến ", " và ", ",", ";", "."]
        .iter()
        .filter_map(|stop| rest.find(stop))
        .min()
        .map_or(paragraph_end, |i| place + i);
    (end > place).then_some(start..end)
}
