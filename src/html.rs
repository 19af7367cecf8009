//! The facts of a document drawn over its text, as one self-contained HTML page (the CLI's
//! `--format html`; the crate feature `html`, on with `cli`).
//!
//! Every fact is highlighted where it stands, each kind in its own colour with a legend, and
//! carries its typed value in `title` (shown on hover) and `aria-label` (read by screen
//! readers), in Vietnamese: `2024-01-11 · sáng · năm suy ra`, `117/120 = 97,5 %`,
//! `trên 210 văn bản · tài liệu`. Above the text, a panel gives the meeting record, the
//! warnings (each linked to the facts it concerns) and the officials with their titles (each
//! linked to their mentions; all mentions of one official share a class and light up
//! together on hover).
//!
//! The page fetches nothing: the stylesheet is inline, there is no script, and a
//! Content-Security-Policy forbids everything else. The report is untrusted: every character
//! of it, and of every label made from it, is escaped, so a report holding `<script>` shows
//! those characters and runs nothing.
//!
//! Spans are byte offsets into the text the document was made from (for bytes, the decoded
//! text, see [`crate::text::decode::decode`]); a span that does not fit `text` is left out
//! and counted in the page, never a panic.
//!
//! ```
//! let text = "Sáng 11-1, Ban Tuyên giáo tổ chức hội nghị; 117/120 khu dân cư đạt chuẩn.";
//! let document = vietfacts::Extractor::new()
//!     .reference_date("2024-01-11".parse().ok())
//!     .document("lead.txt", text);
//! let page = vietfacts::html::render(text, &document);
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains(r#"title="117/120 = 97,5 %"#));
//! ```
//!
//! Several documents go on one page as [`head`], a [`section`] per document, and [`tail`].

mod label;
mod tree;

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use crate::facts::{Document, DocumentError, Facts, Meeting, Span, Statistic, WarningKind};
use tree::Mark;

/// The stylesheet, inlined in every page; every rule is scoped under `.vf`, so a page shown
/// inside a notebook does not restyle the notebook.
const STYLE: &str = include_str!("html/style.css");

/// A kind of highlight: its CSS class (`vf-<class>`), its name in the legend, and its rank
/// among marks with the same span (lower is the outer element).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Directive,
    Official,
    Organization,
    Legal,
    Date,
    Money,
    Count,
    Ratio,
    Percent,
    Duration,
    Author,
}

impl Kind {
    const ALL: [Kind; 11] = [
        Kind::Date,
        Kind::Official,
        Kind::Organization,
        Kind::Legal,
        Kind::Ratio,
        Kind::Percent,
        Kind::Count,
        Kind::Money,
        Kind::Duration,
        Kind::Author,
        Kind::Directive,
    ];

    const fn class(self) -> &'static str {
        match self {
            Kind::Directive => "directive",
            Kind::Official => "official",
            Kind::Organization => "organization",
            Kind::Legal => "document",
            Kind::Date => "date",
            Kind::Money => "money",
            Kind::Count => "count",
            Kind::Ratio => "ratio",
            Kind::Percent => "percent",
            Kind::Duration => "duration",
            Kind::Author => "author",
        }
    }

    const fn legend(self) -> &'static str {
        match self {
            Kind::Directive => "nhiệm vụ được giao",
            Kind::Official => "cán bộ",
            Kind::Organization => "cơ quan, tổ chức",
            Kind::Legal => "văn bản",
            Kind::Date => "thời gian",
            Kind::Money => "số tiền",
            Kind::Count => "số lượng",
            Kind::Ratio => "tỷ số",
            Kind::Percent => "tỷ lệ phần trăm",
            Kind::Duration => "khoảng thời gian",
            Kind::Author => "tác giả",
        }
    }

    const fn rank(self) -> u8 {
        self as u8
    }
}

/// One page showing `document`'s facts over `text`, the text it was made from.
pub fn render(text: &str, document: &Document) -> String {
    let mut page = head(&format!("vietfacts · {}", document.id));
    page.push_str(&section(1, text, document));
    page.push_str(tail());
    page
}

/// The start of a page: the doctype, the inline stylesheet and the opening of the body.
/// `title` is the page's title (escaped here).
pub fn head(title: &str) -> String {
    let mut out = String::with_capacity(STYLE.len() + 512);
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    escape_into(&mut out, title);
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<div class=\"vf\">\n");
    out
}

/// The end of a page.
pub fn tail() -> &'static str {
    "</div>\n</body>\n</html>\n"
}

/// One document's part of a page: its summary panel, legend and highlighted text.
/// `number` (from 1) keeps the anchors of several sections on one page apart.
pub fn section(number: usize, text: &str, document: &Document) -> String {
    let prefix = format!("v{number}");
    let mut out = String::with_capacity(text.len() * 4 + 4096);
    out.push_str("<section class=\"vf-doc\" id=\"");
    out.push_str(&prefix);
    out.push_str("\">\n<h1>");
    escape_into(&mut out, &document.id);
    out.push_str("</h1>\n");
    match document.facts() {
        Some(facts) => Section::new(&prefix, text, facts).write(document, &mut out),
        None => {
            if let Some(error) = document.error() {
                write_error(error, &mut out);
            }
            if !text.is_empty() {
                out.push_str("<div class=\"vf-text\" lang=\"vi\">");
                escape_into(&mut out, text);
                out.push_str("</div>\n");
            }
        }
    }
    out.push_str("</section>\n");
    out
}

fn write_error(error: &DocumentError, out: &mut String) {
    out.push_str(
        "<p class=\"vf-error\" role=\"alert\"><strong>Không đọc được đầu vào này</strong> (",
    );
    escape_into(out, &snake_case(&error.kind));
    if let Some(offset) = error.offset {
        let _ = write!(out, ", byte {offset}");
    }
    out.push_str("): ");
    escape_into(out, &error.message);
    out.push_str("</p>\n");
}

/// A fact the panel links to: the anchor of its (first) highlight, when it has one, and the
/// words the link shows.
struct Target {
    anchor: Option<String>,
    text: String,
}

/// What one document's section is made of, before it is written.
struct Section<'a> {
    prefix: &'a str,
    text: &'a str,
    facts: &'a Facts,
    marks: Vec<Mark>,
    /// By fact id.
    targets: HashMap<&'a str, Target>,
    /// How many highlights of each kind, in [`Kind::ALL`] order.
    counts: [usize; Kind::ALL.len()],
    /// Spans that do not fit the text.
    misplaced: usize,
}

impl<'a> Section<'a> {
    fn new(prefix: &'a str, text: &'a str, facts: &'a Facts) -> Section<'a> {
        let mut section = Section {
            prefix,
            text,
            facts,
            marks: Vec::new(),
            targets: HashMap::new(),
            counts: [0; Kind::ALL.len()],
            misplaced: 0,
        };
        section.collect();
        section
    }

    /// A mark for every fact with a span, and the targets the panel links to.
    fn collect(&mut self) {
        let facts = self.facts;
        let warned: HashSet<&str> = facts
            .warnings
            .iter()
            .flat_map(|w| w.facts.iter().map(|id| id.as_str()))
            .collect();
        for date in &facts.dates {
            let value = date.value.map(|v| v.to_string()).unwrap_or_default();
            let one = One::new(Kind::Date, date.id.as_str(), &value, &label::date(date));
            self.add(date.id.as_str(), one.warned(&warned), date.span, &date.text);
        }
        for (i, official) in facts.officials.iter().enumerate() {
            let class = format!("{}-p{}", self.prefix, i + 1);
            let label = label::official(official);
            let mut first = None;
            for (k, mention) in official.mentions.iter().enumerate() {
                let one = One::new(Kind::Official, official.id.as_str(), &official.name, &label)
                    .class(&class)
                    .anchor(format!("{}-o{}-{}", self.prefix, i + 1, k + 1));
                if let Some(anchor) = self.mark(one.warned(&warned), *mention) {
                    first.get_or_insert(anchor);
                }
            }
            self.target(official.id.as_str(), first, &official.name);
        }
        for author in &facts.authors {
            let label = format!("tác giả · {}", author.name);
            let one = One::new(Kind::Author, "", &author.name, &label);
            self.mark(one, author.span);
        }
        for (i, organization) in facts.organizations.iter().enumerate() {
            let class = format!("{}-g{}", self.prefix, i + 1);
            let mut first = None;
            for (k, mention) in organization.mentions.iter().enumerate() {
                let one = One::new(
                    Kind::Organization,
                    organization.id.as_str(),
                    &organization.canonical,
                    &organization.canonical,
                )
                .class(&class)
                .anchor(format!("{}-g{}-{}", self.prefix, i + 1, k + 1));
                if let Some(anchor) = self.mark(one.warned(&warned), *mention) {
                    first.get_or_insert(anchor);
                }
            }
            self.target(organization.id.as_str(), first, &organization.canonical);
        }
        for document in &facts.documents {
            let value = document.number.as_deref().unwrap_or_default();
            let label = label::legal_document(document);
            let one = One::new(Kind::Legal, document.id.as_str(), value, &label);
            self.add(
                document.id.as_str(),
                one.warned(&warned),
                document.span,
                &document.text,
            );
        }
        for statistic in &facts.statistics {
            let (one, text) = match statistic {
                Statistic::Ratio(ratio) => {
                    let value = format!("{}/{}", json(&ratio.numerator), json(&ratio.denominator));
                    let one =
                        One::new(Kind::Ratio, ratio.id.as_str(), &value, &label::ratio(ratio));
                    (one, &ratio.text)
                }
                Statistic::Percent(percent) => {
                    let value = json(&percent.value);
                    let label = label::percent(percent);
                    (
                        One::new(Kind::Percent, percent.id.as_str(), &value, &label),
                        &percent.text,
                    )
                }
                #[allow(unreachable_patterns)] // the enum is non_exhaustive
                _ => continue,
            };
            self.add(
                statistic.id().as_str(),
                one.warned(&warned),
                statistic.span(),
                text,
            );
        }
        for count in &facts.counts {
            let one = One::new(
                Kind::Count,
                count.id.as_str(),
                &json(&count.value),
                &label::count(count),
            );
            self.add(
                count.id.as_str(),
                one.warned(&warned),
                count.span,
                &count.text,
            );
        }
        for money in &facts.money {
            let one = One::new(
                Kind::Money,
                money.id.as_str(),
                &json(&money.value),
                &label::money(money),
            );
            self.add(
                money.id.as_str(),
                one.warned(&warned),
                money.span,
                &money.text,
            );
        }
        for duration in &facts.durations {
            let label = label::duration(duration);
            let one = One::new(
                Kind::Duration,
                duration.id.as_str(),
                &json(&duration.value),
                &label,
            );
            self.add(
                duration.id.as_str(),
                one.warned(&warned),
                duration.span,
                &duration.text,
            );
        }
        if let Some(meeting) = &facts.meeting {
            let speakers: HashMap<&str, &str> = facts
                .officials
                .iter()
                .map(|o| (o.id.as_str(), o.name.as_str()))
                .collect();
            for directive in &meeting.directives {
                let speaker = directive
                    .speaker
                    .as_ref()
                    .and_then(|id| speakers.get(id.as_str()).copied())
                    .unwrap_or_default();
                let mut label = "nhiệm vụ được giao".to_string();
                if !speaker.is_empty() {
                    let _ = write!(label, " · {speaker}");
                }
                self.mark(
                    One::new(Kind::Directive, "", speaker, &label),
                    directive.span,
                );
            }
        }
    }

    /// A mark for a fact with one span, anchored by its id, and its target.
    fn add(&mut self, id: &'a str, one: One, span: Span, text: &str) {
        let anchor = format!("{}-{}", self.prefix, safe_id(id));
        let anchor = self.mark(one.anchor(anchor), span);
        self.target(id, anchor, text);
    }

    fn target(&mut self, id: &'a str, anchor: Option<String>, text: &str) {
        self.targets.insert(
            id,
            Target {
                anchor,
                text: text.to_string(),
            },
        );
    }

    /// Adds a mark when `span` fits the text; returns its anchor.
    fn mark(&mut self, one: One, span: Span) -> Option<String> {
        let fits = span.start < span.end
            && span.end <= self.text.len()
            && self.text.is_char_boundary(span.start)
            && self.text.is_char_boundary(span.end);
        if !fits {
            self.misplaced += 1;
            return None;
        }
        if let Some(slot) = Kind::ALL
            .iter()
            .position(|&k| k == one.kind)
            .and_then(|i| self.counts.get_mut(i))
        {
            *slot += 1;
        }
        let anchor = one.anchor.clone();
        self.marks.push(Mark {
            start: span.start,
            end: span.end,
            rank: one.kind.rank(),
            attrs: one.attrs(),
            anchor: one.anchor,
        });
        anchor
    }

    fn write(self, document: &Document, out: &mut String) {
        let mut body = String::with_capacity(self.text.len() * 3);
        let drawn = tree::render(self.text, &self.marks, &mut body);
        let facts = self.facts;

        out.push_str("<p class=\"vf-meta\">");
        let _ = write!(out, "{} dữ kiện được đánh dấu", self.marks.len());
        if let Some(encoding) = &document.encoding {
            let _ = write!(out, " · mã hóa {}", encoding.name);
        }
        if let Some(date) = document.reference_date {
            let _ = write!(out, " · ngày tham chiếu {date}");
        }
        if drawn.split > 0 {
            let _ = write!(out, " · {} dữ kiện chồng lấn được tách", drawn.split);
        }
        out.push_str("</p>\n");
        if self.misplaced > 0 || drawn.dropped > 0 {
            let _ = writeln!(
                out,
                "<p class=\"vf-error\" role=\"alert\">{} vị trí nằm ngoài văn bản và {} đánh dấu lồng quá sâu không được vẽ (văn bản có đúng là văn bản đã trích xuất không?).</p>",
                self.misplaced, drawn.dropped
            );
        }

        out.push_str("<div class=\"vf-panel\">\n");
        match &facts.meeting {
            Some(meeting) => self.write_meeting(meeting, out),
            None => out.push_str(
                "<div class=\"vf-meeting\"><h2>Cuộc họp</h2><p>Văn bản không tường thuật một cuộc họp.</p></div>\n",
            ),
        }
        self.write_warnings(out);
        self.write_officials(out);
        out.push_str("</div>\n");

        // All mentions of one official light up together when one is hovered or targeted.
        if !facts.officials.is_empty() {
            out.push_str("<style>\n");
            for i in 1..=facts.officials.len() {
                let c = format!("{}-p{i}", self.prefix);
                let _ = writeln!(
                    out,
                    ".vf-doc:has(.{c}:hover) .{c}, .vf-doc:has(.{c}:target) .{c}, .vf-doc:has(#{c}:target) .{c} {{ outline: 2px solid #9a3412; }}"
                );
            }
            out.push_str("</style>\n");
        }

        out.push_str("<ul class=\"vf-legend\" aria-label=\"Chú giải\">");
        for (kind, count) in Kind::ALL.iter().zip(self.counts) {
            let _ = write!(
                out,
                "<li><span class=\"vf-swatch vf-{}\"></span>{} <span class=\"vf-n\">{count}</span></li>",
                kind.class(),
                kind.legend()
            );
        }
        out.push_str("</ul>\n<div class=\"vf-text\" lang=\"vi\">");
        out.push_str(&body);
        out.push_str("</div>\n");
    }

    /// A link to a fact's highlight, or its words alone when it has none.
    fn link(&self, id: &str, out: &mut String) {
        match self.targets.get(id) {
            Some(Target {
                anchor: Some(anchor),
                text,
            }) => {
                out.push_str("<a href=\"#");
                escape_into(out, anchor);
                out.push_str("\">");
                escape_into(out, text);
                out.push_str("</a>");
            }
            Some(Target { anchor: None, text }) => escape_into(out, text),
            None => escape_into(out, id),
        }
    }

    fn links(&self, ids: &[crate::facts::FactId], out: &mut String) {
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            self.link(id.as_str(), out);
        }
    }

    fn write_meeting(&self, meeting: &Meeting, out: &mut String) {
        out.push_str("<div class=\"vf-meeting\"><h2>Cuộc họp</h2>\n<dl>\n");
        if let Some(title) = &meeting.title {
            row(out, "Tên", |out| escape_into(out, title));
        }
        row(out, "Loại", |out| {
            out.push_str(label::meeting_kind(meeting.kind))
        });
        if let Some(id) = &meeting.date {
            row(out, "Thời gian", |out| {
                self.link(id.as_str(), out);
                if let Some(date) = self.facts.dates.iter().find(|d| &d.id == id) {
                    out.push_str(" → ");
                    escape_into(out, &label::date(date));
                }
            });
        }
        if let Some(place) = &meeting.location {
            row(out, "Địa điểm", |out| escape_into(out, place));
        }
        for (name, ids) in [
            ("Tổ chức", &meeting.organizers),
            ("Chủ trì", &meeting.chairs),
            ("Phát biểu", &meeting.speakers),
            ("Tham dự", &meeting.attendees),
            ("Số người dự", &meeting.attendance),
        ] {
            if !ids.is_empty() {
                row(out, name, |out| self.links(ids, out));
            }
        }
        out.push_str("</dl></div>\n");
    }

    fn write_warnings(&self, out: &mut String) {
        let warnings = &self.facts.warnings;
        let _ = writeln!(
            out,
            "<div class=\"vf-warnings\"><h2>Cảnh báo ({})</h2>",
            warnings.len()
        );
        if warnings.is_empty() {
            out.push_str("<p>Không có cảnh báo.</p>");
        } else {
            out.push_str("<ol>\n");
            for warning in warnings {
                out.push_str("<li><span class=\"vf-wkind\">");
                out.push_str(warning_kind(warning.kind));
                out.push_str("</span> ");
                escape_into(out, &warning.message);
                out.push_str(" <span class=\"vf-wfacts\">→ ");
                self.links(&warning.facts, out);
                out.push_str("</span></li>\n");
            }
            out.push_str("</ol>");
        }
        out.push_str("</div>\n");
    }

    fn write_officials(&self, out: &mut String) {
        let officials = &self.facts.officials;
        let _ = write!(
            out,
            "<div class=\"vf-officials\"><h2>Cán bộ được nêu tên ({})</h2>\n<ul>\n",
            officials.len()
        );
        for (i, official) in officials.iter().enumerate() {
            let class = format!("{}-p{}", self.prefix, i + 1);
            let _ = write!(out, "<li id=\"{class}\">");
            self.link(official.id.as_str(), out);
            for (k, title) in official.titles.iter().enumerate() {
                out.push_str(if k == 0 { " — " } else { "; " });
                escape_into(out, &title.canonical);
            }
            let mentions = official.mentions.len();
            if mentions > 1 {
                let _ = write!(out, " <span class=\"vf-n\">{mentions} lần:</span>");
                for k in 1..=mentions {
                    let _ = write!(out, " <a href=\"#{}-o{}-{k}\">{k}</a>", self.prefix, i + 1);
                }
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul></div>\n");
    }
}

fn row(out: &mut String, name: &str, value: impl FnOnce(&mut String)) {
    out.push_str("<dt>");
    out.push_str(name);
    out.push_str("</dt><dd>");
    value(out);
    out.push_str("</dd>\n");
}

/// One highlight's description, before it becomes attributes.
struct One {
    kind: Kind,
    fact: String,
    value: String,
    label: String,
    class: Option<String>,
    warned: bool,
    anchor: Option<String>,
}

impl One {
    fn new(kind: Kind, fact: &str, value: &str, label: &str) -> One {
        One {
            kind,
            fact: fact.to_string(),
            value: value.to_string(),
            label: label.to_string(),
            class: None,
            warned: false,
            anchor: None,
        }
    }

    fn class(mut self, class: &str) -> One {
        self.class = Some(class.to_string());
        self
    }

    fn anchor(mut self, anchor: String) -> One {
        self.anchor = Some(anchor);
        self
    }

    fn warned(mut self, warned: &HashSet<&str>) -> One {
        self.warned = warned.contains(self.fact.as_str());
        self
    }

    /// The element's attributes, every value escaped.
    fn attrs(&self) -> String {
        let mut out = String::with_capacity(self.label.len() * 2 + self.value.len() + 96);
        out.push_str(" class=\"vf-m vf-");
        out.push_str(self.kind.class());
        if let Some(class) = &self.class {
            out.push(' ');
            escape_into(&mut out, class);
        }
        if self.warned {
            out.push_str(" vf-warned");
        }
        out.push_str("\" data-kind=\"");
        out.push_str(self.kind.class());
        out.push_str("\" data-fact=\"");
        escape_into(&mut out, &self.fact);
        out.push_str("\" data-value=\"");
        escape_into(&mut out, &self.value);
        out.push_str("\" title=\"");
        escape_into(&mut out, &self.label);
        out.push_str("\" aria-label=\"");
        escape_into(&mut out, &self.label);
        out.push('"');
        out
    }
}

/// A fact id made safe for an `id` attribute and a CSS selector: ASCII letters and digits
/// only (ids come from the document, which may have been read from anywhere).
fn safe_id(id: &str) -> String {
    let safe: String = id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(32)
        .collect();
    if safe.is_empty() {
        "x".to_string()
    } else {
        safe
    }
}

/// A number as the JSON output writes it (`17279`, `97.6`), for `data-value`.
fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A closed-vocabulary value's snake_case name.
fn snake_case<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => "other".to_string(),
    }
}

fn warning_kind(kind: WarningKind) -> &'static str {
    match kind {
        WarningKind::PercentMismatch => "tỷ lệ không khớp",
        WarningKind::NumeratorAboveDenominator => "tử số lớn hơn mẫu số",
        WarningKind::ShareAboveHundred => "tỷ trọng trên 100 %",
        WarningKind::PartsExceedTotal => "các phần vượt tổng",
        WarningKind::AmbiguousReference => "tham chiếu mơ hồ",
        _ => "khác",
    }
}

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped: safe in element content and in
/// quoted attribute values alike.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // The five are ASCII, so `i` is a char boundary.
        out.push_str(text.get(last..i).unwrap_or_default());
        out.push_str(entity);
        last = i + 1;
    }
    out.push_str(text.get(last..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five() {
        let mut out = String::new();
        escape_into(&mut out, "a&b<c>d\"e'f — Hòa");
        assert_eq!(out, "a&amp;b&lt;c&gt;d&quot;e&#39;f — Hòa");
    }

    #[test]
    fn safe_ids() {
        assert_eq!(safe_id("d1"), "d1");
        assert_eq!(safe_id("\"><script>"), "script");
        assert_eq!(safe_id("\"<>"), "x");
    }
}
