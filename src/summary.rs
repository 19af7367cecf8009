//! A short human-readable block per document (the CLI's `--format summary`): the meeting's
//! title, date, place, the people with their titles, the figures and the warnings.
//!
//! ```
//! let document = vietfacts::Extractor::new().document(
//!     "lead.txt",
//!     "Sáng 9-1, tại hội trường tầng 3, UBND xã tổ chức Hội nghị tổng kết năm 2024.",
//! );
//! let block = vietfacts::summary::render(&document);
//! assert!(block.contains("Hội nghị tổng kết năm 2024 (conference)"));
//! assert!(block.contains("hội trường tầng 3"));
//! ```

use std::collections::HashMap;
use std::fmt::Write;

use crate::facts::{Document, FactId, Facts, Meeting, Official, Statistic};

/// How wide a line of figures may grow before it wraps, and how many directives are shown.
const WIDTH: usize = 96;
const MAX_DIRECTIVES: usize = 5;
const MAX_DIRECTIVE_CHARS: usize = 90;

/// The summary block of one document, ending with a blank line.
pub fn render(document: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "== {}", document.id);
    match (document.facts(), document.error()) {
        (Some(facts), _) => render_facts(&mut out, document, facts),
        (None, Some(error)) => {
            let _ = writeln!(out, "error: {}", error.message);
        }
        (None, None) => {}
    }
    out.push('\n');
    out
}

fn render_facts(out: &mut String, document: &Document, facts: &Facts) {
    let names = Names::new(facts);
    match &facts.meeting {
        Some(meeting) => render_meeting(out, meeting, facts, &names),
        None => {
            line(out, "Meeting", "none (the report is not about a meeting)");
            if let Some(date) = document.reference_date {
                line(out, "Date", &date.to_string());
            }
            let people: Vec<String> = facts.officials.iter().map(person).collect();
            list(out, "People", &people);
        }
    }
    figures(out, facts);
    for warning in &facts.warnings {
        line(out, "Warning", &warning.message);
    }
}

fn render_meeting(out: &mut String, meeting: &Meeting, facts: &Facts, names: &Names<'_>) {
    let title = meeting.title.as_deref().unwrap_or("(untitled)");
    line(out, "Meeting", &format!("{title} ({})", kind_name(meeting)));
    let date = meeting
        .date
        .as_ref()
        .and_then(|id| facts.dates.iter().find(|d| &d.id == id));
    if let Some(date) = date {
        let mut text = date.text.clone();
        if let Some(value) = &date.value {
            let _ = write!(text, " → {value}");
        }
        if date.year_inferred {
            text.push_str(" (year inferred)");
        }
        line(out, "Date", &text);
    }
    if let Some(place) = &meeting.location {
        line(out, "Place", place);
    }
    list(out, "Organizers", &names.all(&meeting.organizers));
    list(out, "Chairs", &names.all(&meeting.chairs));
    list(out, "Speakers", &names.all(&meeting.speakers));
    list(out, "Attendees", &names.all(&meeting.attendees));
    list(out, "Attendance", &names.all(&meeting.attendance));
    for (i, directive) in meeting.directives.iter().enumerate() {
        if i == MAX_DIRECTIVES {
            let more = meeting.directives.len() - MAX_DIRECTIVES;
            line(out, "", &format!("… and {more} more"));
            break;
        }
        let mut text = shorten(&directive.text, MAX_DIRECTIVE_CHARS);
        if let Some(name) = directive.speaker.as_ref().and_then(|id| names.short(id)) {
            text = format!("{text} — {name}");
        }
        line(out, if i == 0 { "Asked for" } else { "" }, &text);
    }
}

fn kind_name(meeting: &Meeting) -> String {
    serde_json::to_value(meeting.kind)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_else(|| "other".to_owned())
}

/// The figures: statistics, counts and money, as written, wrapped.
fn figures(out: &mut String, facts: &Facts) {
    let mut items: Vec<(usize, String)> = Vec::new();
    for statistic in &facts.statistics {
        let text = match statistic {
            Statistic::Ratio(ratio) => match ratio.percent {
                Some(percent) => format!("{} ({percent}%)", ratio.text),
                None => ratio.text.clone(),
            },
            Statistic::Percent(percent) => percent.text.clone(),
            #[allow(unreachable_patterns)] // the enum is non_exhaustive
            _ => continue,
        };
        items.push((statistic.span().start, text));
    }
    items.extend(facts.counts.iter().map(|c| (c.span.start, c.text.clone())));
    items.extend(facts.money.iter().map(|m| (m.span.start, m.text.clone())));
    items.sort_by_key(|(start, _)| *start);
    let texts: Vec<String> = items.into_iter().map(|(_, text)| text).collect();
    list(out, "Figures", &texts);
}

/// `label  value` on one line.
fn line(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(out, "{label:<11}{value}");
}

/// A labelled list joined by " · ", wrapped at [`WIDTH`]; nothing when empty.
fn list(out: &mut String, label: &str, items: &[String]) {
    let mut current = String::new();
    let mut first = true;
    for item in items {
        if !current.is_empty() && current.chars().count() + item.chars().count() + 3 > WIDTH {
            line(out, if first { label } else { "" }, &current);
            first = false;
            current.clear();
        }
        if !current.is_empty() {
            current.push_str(" · ");
        }
        current.push_str(item);
    }
    if !current.is_empty() {
        line(out, if first { label } else { "" }, &current);
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max).collect();
    short.push('…');
    short
}

/// An official with their titles: "Lã Văn Thịnh (Phó Bí thư Thành ủy; Trưởng Ban ...)".
fn person(official: &Official) -> String {
    if official.titles.is_empty() {
        return official.name.clone();
    }
    let titles: Vec<&str> = official
        .titles
        .iter()
        .map(|title| title.canonical.as_str())
        .collect();
    format!("{} ({})", official.name, titles.join("; "))
}

/// What an id stands for, as a reader wants to see it.
struct Names<'f> {
    long: HashMap<&'f FactId, String>,
    short: HashMap<&'f FactId, &'f str>,
}

impl<'f> Names<'f> {
    fn new(facts: &'f Facts) -> Names<'f> {
        let mut long = HashMap::new();
        let mut short = HashMap::new();
        for official in &facts.officials {
            long.insert(&official.id, person(official));
            short.insert(&official.id, official.name.as_str());
        }
        for organization in &facts.organizations {
            long.insert(&organization.id, organization.canonical.clone());
            short.insert(&organization.id, organization.text.as_str());
        }
        for count in &facts.counts {
            long.insert(&count.id, count.text.clone());
        }
        for statistic in &facts.statistics {
            let text = match statistic {
                Statistic::Ratio(ratio) => ratio.text.clone(),
                Statistic::Percent(percent) => percent.text.clone(),
                #[allow(unreachable_patterns)] // the enum is non_exhaustive
                _ => continue,
            };
            long.insert(statistic.id(), text);
        }
        Names { long, short }
    }

    fn all(&self, ids: &[FactId]) -> Vec<String> {
        ids.iter()
            .map(|id| self.long.get(id).cloned().unwrap_or_else(|| id.to_string()))
            .collect()
    }

    fn short(&self, id: &FactId) -> Option<&'f str> {
        self.short.get(id).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Document, DocumentError, ErrorKind, Official, Title};

    #[test]
    fn a_meeting_block_names_people_with_their_titles() {
        let text = "Sáng 9-1, tại hội trường tầng 3, UBND xã tổ chức Hội nghị tổng kết năm 2024.\nPhát biểu kết luận, đồng chí Lê An đề nghị các thôn làm tốt công tác tuyên truyền.";
        let mut facts = crate::extract(text);
        let start = text.find("Lê An").unwrap_or_default();
        facts.officials.push(Official {
            id: FactId::new('o', 1),
            name: "Lê An".to_owned(),
            honorific: None,
            titles: vec![Title {
                text: "Chủ tịch UBND xã".to_owned(),
                canonical: "Chủ tịch Ủy ban nhân dân xã".to_owned(),
                role: None,
                organization: None,
            }],
            mentions: vec![crate::facts::Span::new(start, start + "Lê An".len(), 0, 0)],
        });
        if let Some(meeting) = facts.meeting.as_mut() {
            meeting.speakers = vec![FactId::new('o', 1)];
            for directive in &mut meeting.directives {
                directive.speaker = Some(FactId::new('o', 1));
            }
        }
        let block = render(&Document::with_facts("a.txt", facts));
        assert!(block.starts_with("== a.txt\n"));
        assert!(block.contains("Meeting    Hội nghị tổng kết năm 2024 (conference)\n"));
        assert!(block.contains("Place      hội trường tầng 3\n"));
        assert!(block.contains("Speakers   Lê An (Chủ tịch Ủy ban nhân dân xã)\n"));
        assert!(block.contains("Asked for  các thôn làm tốt công tác tuyên truyền — Lê An\n"));
    }

    #[test]
    fn a_report_without_a_meeting_and_an_unreadable_input() {
        let block = render(&Document::with_facts(
            "b.txt",
            crate::extract("Năm 2024, dân số tỉnh tăng."),
        ));
        assert!(block.contains("Meeting    none"));
        let error = DocumentError {
            kind: ErrorKind::NotFound,
            offset: None,
            message: "no such file".to_owned(),
        };
        let block = render(&Document::with_error("c.txt", error));
        assert_eq!(block, "== c.txt\nerror: no such file\n\n");
    }
}
