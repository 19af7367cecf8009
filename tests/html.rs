//! The HTML view: untrusted text stays text, highlights nest and split into well-formed
//! elements, every fact has an element carrying its value, nothing is fetched, errors show.

#![cfg(feature = "html")]

use std::collections::HashMap;

use vietfacts::Extractor;
use vietfacts::facts::{Document, DocumentError, ErrorKind, Statistic};
use vietfacts::html;

/// The element names a page may hold: those the renderer writes, nothing from the report.
const OWN_ELEMENTS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "div", "section", "h1", "h2", "p", "strong",
    "dl", "dt", "dd", "ol", "ul", "li", "a", "span", "mark",
];
/// The attribute names the renderer writes.
const OWN_ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "http-equiv",
    "content",
    "name",
    "class",
    "id",
    "href",
    "role",
    "aria-label",
    "title",
    "data-kind",
    "data-fact",
    "data-value",
    "data-cont",
];

/// One tag of a page: its name (with `/` for a closing tag) and its attributes.
#[derive(Debug)]
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// The tags of `page`, checked to be of the renderer's own vocabulary with every attribute
/// value double-quoted and free of `"`, `<` and `>`; the text inside `<style>` is skipped.
/// Panics (failing the test) on anything else.
fn tags(page: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut rest = page.strip_prefix("<!DOCTYPE html>").expect("a doctype");
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let close = rest.find('>').expect("an unclosed tag");
        let inside = &rest[..close];
        rest = &rest[close + 1..];
        let (name, mut attributes_text) = inside.split_once(' ').unwrap_or((inside, ""));
        let bare = name.trim_start_matches('/');
        assert!(
            OWN_ELEMENTS.contains(&bare),
            "an element not written by the renderer: <{inside}>"
        );
        let mut attributes = Vec::new();
        while !attributes_text.is_empty() {
            let (attribute, after) = attributes_text
                .split_once("=\"")
                .expect("a quoted attribute");
            let (value, after) = after.split_once('"').expect("a closed attribute value");
            assert!(
                OWN_ATTRIBUTES.contains(&attribute),
                "attribute {attribute} in <{inside}>"
            );
            assert!(!value.contains('<') && !value.contains('>'), "<{inside}>");
            attributes.push((attribute.to_string(), unescape(value)));
            attributes_text = after.strip_prefix(' ').unwrap_or(after);
        }
        if name == "style" {
            let end = rest.find("</style>").expect("a closed style");
            rest = &rest[end..];
        }
        tags.push(Tag {
            name: name.to_string(),
            attributes,
        });
    }
    tags
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

impl Tag {
    fn get(&self, attribute: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(name, _)| name == attribute)
            .map(|(_, value)| value.as_str())
    }
}

/// The text of the highlighted report (inside `<div class="vf-text">`), tags removed and
/// entities decoded, after checking that its `<mark>` elements are balanced.
fn shown_text(page: &str) -> String {
    let start = page
        .find("<div class=\"vf-text\" lang=\"vi\">")
        .expect("the text")
        + 31;
    let end = start + page[start..].find("</div>").expect("the end of the text");
    let body = &page[start..end];
    let mut depth = 0i32;
    let mut text = String::new();
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let close = open + rest[open..].find('>').expect("a closed tag");
        let tag = &rest[open..=close];
        if tag == "</mark>" {
            depth -= 1;
            assert!(depth >= 0, "a </mark> without its element");
        } else {
            assert!(
                tag.starts_with("<mark "),
                "only highlights in the text: {tag}"
            );
            depth += 1;
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    assert_eq!(depth, 0, "unclosed highlights");
    unescape(&text)
}

fn marks(page: &str) -> Vec<Tag> {
    tags(page)
        .into_iter()
        .filter(|tag| tag.name == "mark")
        .collect()
}

fn document(json: &str) -> Document {
    serde_json::from_str(json).expect("a valid document")
}

fn span(text: &str, part: &str, nth: usize) -> String {
    let start = text.match_indices(part).nth(nth).expect("the part").0;
    let end = start + part.len();
    let char_start = text[..start].chars().count();
    let char_end = char_start + part.chars().count();
    format!(r#"{{"start":{start},"end":{end},"char_start":{char_start},"char_end":{char_end}}}"#)
}

const INJECTION: &str = include_str!("../fixtures/html/injection.txt");

#[test]
fn the_injection_fixture_produces_no_element_from_its_text() {
    let document = Extractor::new().document("fixtures/html/injection.txt", INJECTION);
    let page = html::render(INJECTION, &document);
    // Every tag is the renderer's own (a <script>, <img>, <svg> or <a href=javascript:>
    // from the text would fail here), and the text reads back exactly.
    let tags = tags(&page);
    // The stylesheet and the officials' hover rules: no <style> from the text.
    assert_eq!(tags.iter().filter(|t| t.name == "style").count(), 2);
    assert!(
        tags.iter()
            .all(|t| t.get("href").is_none_or(|h| h.starts_with('#')))
    );
    assert_eq!(shown_text(&page), INJECTION);
    for shown in [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
        "&#39;&gt;&lt;svg onload=alert(2)&gt;",
        "&lt;/style&gt;&lt;script&gt;alert(3)&lt;/script&gt;",
        "&amp;amp;",
        "&lt;!-- chú thích --&gt;",
    ] {
        assert!(page.contains(shown), "{shown}");
    }
    // The panel repeats the report's words (the place holds a <script>): escaped too.
    let facts = document.facts().expect("facts");
    let place = facts
        .meeting
        .as_ref()
        .and_then(|m| m.location.as_deref())
        .unwrap_or("");
    assert!(
        place.contains("<script>"),
        "the fixture puts markup in the place: {place}"
    );
    assert!(page.contains("hội trường &lt;script&gt;alert(1)&lt;/script&gt; tầng 3"));
}

#[test]
fn labels_and_ids_made_of_markup_stay_text_inside_attributes() {
    let text = "Đồng chí X phát biểu; 117/120 khu.";
    let json = format!(
        r#"{{"schema_version":1,"id":"<b>id</b>","facts":{{
          "officials":[{{"id":"\"><script>","name":"\"><img src=x onerror=alert(1)>",
            "titles":[{{"text":"t","canonical":"' onmouseover='alert(1)"}}],
            "mentions":[{}]}}],
          "statistics":[{{"kind":"ratio","id":"s1' x='","text":"117/120","span":{},
            "numerator":117,"denominator":120,"percent":97.5,"subject":"</style><script>"}}],
          "warnings":[{{"kind":"other","facts":["s1' x='","\"><script>"],"message":"<i>m</i>"}}]}}}}"#,
        span(text, "X", 0),
        span(text, "117/120", 0),
    );
    let page = html::render(text, &document(&json));
    let marks = marks(&page);
    assert_eq!(marks.len(), 2);
    assert_eq!(
        marks[0].get("title"),
        Some("\"><img src=x onerror=alert(1)> · ' onmouseover='alert(1)")
    );
    assert_eq!(
        marks[1].get("aria-label"),
        Some("117/120 = 97,5 % · </style><script>")
    );
    assert_eq!(marks[1].get("data-fact"), Some("s1' x='"));
    // Anchors made from ids hold only letters, digits and dashes.
    for tag in tags(&page) {
        if let Some(id) = tag.get("id") {
            assert!(
                id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "{id}"
            );
        }
    }
    assert!(page.contains("&lt;i&gt;m&lt;/i&gt;"));
    assert!(page.contains("<title>vietfacts · &lt;b&gt;id&lt;/b&gt;</title>"));
}

/// A highlight to place: its kind (`date` or `count`), its id, its byte range.
type Highlight = (&'static str, &'static str, (usize, usize));

/// A document with the given highlights over `text`: counts and dates.
fn spans_document(text: &str, spans: &[Highlight]) -> Document {
    let mut dates = Vec::new();
    let mut counts = Vec::new();
    for &(kind, id, (start, end)) in spans {
        let part = &text[start..end];
        let span = format!(
            r#"{{"start":{start},"end":{end},"char_start":{},"char_end":{}}}"#,
            text[..start].chars().count(),
            text[..end].chars().count()
        );
        match kind {
            "date" => dates.push(format!(
                r#"{{"id":"{id}","text":"{part}","span":{span},"value":"2024-01-11","granularity":"day","kind":"point","calendar":"gregorian","year_inferred":false}}"#
            )),
            _ => counts.push(format!(
                r#"{{"id":"{id}","text":"{part}","span":{span},"value":117,"unit":"khu","category":"residential_area","qualifier":"exact"}}"#
            )),
        }
    }
    document(&format!(
        r#"{{"schema_version":1,"id":"t","facts":{{"dates":[{}],"counts":[{}]}}}}"#,
        dates.join(","),
        counts.join(",")
    ))
}

#[test]
fn nested_touching_and_overlapping_spans_are_well_formed() {
    let text = "Sáng 11-1 có 117 khu dân cư đạt chuẩn";
    let at = |part: &str| {
        let start = text.find(part).unwrap();
        (start, start + part.len())
    };
    // (spans, how many elements, which facts are split)
    let cases: Vec<(Vec<Highlight>, usize, Vec<&str>)> = vec![
        // A count inside a date-bearing phrase: one element inside the other.
        (
            vec![
                ("date", "d1", at("Sáng 11-1 có 117 khu")),
                ("count", "c1", at("117 khu")),
            ],
            2,
            vec![],
        ),
        // Touching: two siblings, nothing split.
        (
            vec![
                ("date", "d1", at("Sáng 11-1")),
                ("count", "c1", at(" có 117")),
            ],
            2,
            vec![],
        ),
        // Partly overlapping: the later one is split where the earlier ends.
        (
            vec![
                ("date", "d1", at("Sáng 11-1 có")),
                ("count", "c1", at("có 117 khu")),
            ],
            3,
            vec!["c1"],
        ),
        // The same span twice: nested, nothing split.
        (
            vec![
                ("date", "d1", at("117 khu")),
                ("count", "c1", at("117 khu")),
            ],
            2,
            vec![],
        ),
        // A chain: d1 ⊃ c1, c2 crosses d1's end, d2 nested in c2's rest.
        (
            vec![
                ("date", "d1", at("Sáng 11-1 có 117")),
                ("count", "c1", at("11-1")),
                ("count", "c2", at("có 117 khu dân")),
                ("date", "d2", at("dân")),
            ],
            5,
            vec!["c2"],
        ),
    ];
    for (spans, elements, split) in cases {
        let page = html::render(text, &spans_document(text, &spans));
        assert_eq!(shown_text(&page), text, "{spans:?}");
        let marks = marks(&page);
        assert_eq!(marks.len(), elements, "{spans:?}");
        for (_, id, _) in &spans {
            let pieces: Vec<&Tag> = marks
                .iter()
                .filter(|m| m.get("data-fact") == Some(id))
                .collect();
            let expected = if split.contains(id) { 2 } else { 1 };
            assert_eq!(pieces.len(), expected, "{id} in {spans:?}");
            // The first piece carries the anchor, a continuation says it is one.
            assert!(pieces[0].get("id").is_some() && pieces[0].get("data-cont").is_none());
            assert!(
                pieces[1..]
                    .iter()
                    .all(|p| p.get("data-cont").is_some() && p.get("id").is_none())
            );
        }
    }
}

#[test]
fn spans_that_do_not_fit_the_text_are_left_out_and_said() {
    let text = "Hòa Bình";
    // 2..3 starts inside "ò"'s two bytes; 5..99 runs past the end.
    let json = r#"{"schema_version":1,"id":"t","facts":{"counts":[
        {"id":"c1","text":"x","span":{"start":2,"end":3,"char_start":1,"char_end":2},"value":1,"unit":"","category":"other","qualifier":"exact"},
        {"id":"c2","text":"y","span":{"start":5,"end":99,"char_start":4,"char_end":9},"value":1,"unit":"","category":"other","qualifier":"exact"},
        {"id":"c3","text":"Bình","span":{"start":5,"end":10,"char_start":4,"char_end":8},"value":1,"unit":"","category":"other","qualifier":"exact"}]}}"#;
    let page = html::render(text, &document(json));
    assert_eq!(shown_text(&page), text);
    assert_eq!(marks(&page).len(), 1);
    assert!(page.contains("2 vị trí nằm ngoài văn bản"));
}

/// `1234567` → `1.234.567`.
fn vietnamese_integer(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn vietnamese_number(value: f64) -> String {
    if value.fract() == 0.0 && value >= 0.0 {
        vietnamese_integer(value as u64)
    } else {
        let whole = value.trunc() as u64;
        let fraction = value.to_string();
        let fraction = fraction.split_once('.').map(|(_, f)| f).unwrap_or("");
        format!("{},{fraction}", vietnamese_integer(whole))
    }
}

#[test]
fn the_labels_read_as_the_issue_shows_them() {
    let text =
        "Sáng 11-1, hội nghị tổng kết: 117/120 khu dân cư đạt chuẩn; ban hành trên 210 văn bản.";
    let document = Extractor::new()
        .reference_date("2024-01-20".parse().ok())
        .document("t", text);
    let page = html::render(text, &document);
    let marks = marks(&page);
    let label = |surface: &str| {
        let facts = document.facts().unwrap();
        let id = facts
            .dates
            .iter()
            .map(|d| (d.id.as_str(), d.text.as_str()))
            .chain(facts.statistics.iter().map(|s| match s {
                Statistic::Ratio(r) => (r.id.as_str(), r.text.as_str()),
                Statistic::Percent(p) => (p.id.as_str(), p.text.as_str()),
                _ => ("", ""),
            }))
            .chain(
                facts
                    .counts
                    .iter()
                    .map(|c| (c.id.as_str(), c.text.as_str())),
            )
            .find(|(_, t)| *t == surface)
            .map(|(id, _)| id)
            .unwrap_or_else(|| panic!("no fact {surface:?}"));
        let mark = marks
            .iter()
            .find(|m| m.get("data-fact") == Some(id))
            .unwrap();
        assert_eq!(mark.get("title"), mark.get("aria-label"));
        mark.get("title").unwrap().to_string()
    };
    for (surface, expected) in [
        ("Sáng 11-1", "2024-01-11 · sáng · năm suy ra"),
        ("117/120", "117/120 = 97,5 %"),
        ("trên 210 văn bản", "trên 210 văn bản · tài liệu"),
    ] {
        // What follows the value is the subject the extractor found, if any.
        let label = label(surface);
        assert!(
            label == expected || label.starts_with(&format!("{expected} · ")),
            "{label:?} should read {expected:?}"
        );
    }
}

#[test]
fn every_fact_of_every_fixture_report_is_an_element_with_its_value() {
    let mut checked = 0;
    let mut paths: Vec<_> = std::fs::read_dir("fixtures/reports")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let bytes = std::fs::read(&path).unwrap();
        let extractor = Extractor::new();
        let document = extractor.document_from_bytes(path.display().to_string(), &bytes);
        let text = vietfacts::text::decode::decode(&bytes, Default::default())
            .unwrap()
            .text;
        let page = html::render(&text, &document);
        assert_eq!(shown_text(&page), text, "{}", path.display());
        let marks = marks(&page);
        let mut by_fact: HashMap<&str, Vec<&Tag>> = HashMap::new();
        for mark in &marks {
            if mark.get("data-cont").is_none() {
                by_fact
                    .entry(mark.get("data-fact").unwrap())
                    .or_default()
                    .push(mark);
            }
        }
        let facts = document.facts().unwrap();
        let one = |id: &str, kind: &str, value: &str, shown: &str| {
            let found = by_fact.get(id).map(Vec::as_slice).unwrap_or_default();
            assert_eq!(found.len(), 1, "{id} in {}", path.display());
            let mark = found[0];
            assert_eq!(mark.get("data-kind"), Some(kind), "{id}");
            assert_eq!(mark.get("data-value"), Some(value), "{id}");
            let title = mark.get("title").unwrap();
            assert!(
                title.contains(shown),
                "{id}: {title:?} should show {shown:?}"
            );
        };
        for date in &facts.dates {
            let value = date.value.map(|v| v.to_string()).unwrap_or_default();
            one(date.id.as_str(), "date", &value, &value);
            checked += 1;
        }
        for statistic in &facts.statistics {
            match statistic {
                Statistic::Ratio(r) => {
                    let (n, d) = (r.numerator.as_f64(), r.denominator.as_f64());
                    let value = format!("{n}/{d}");
                    let shown = format!("{}/{}", vietnamese_number(n), vietnamese_number(d));
                    one(r.id.as_str(), "ratio", &value, &shown);
                }
                Statistic::Percent(p) => {
                    let v = p.value.as_f64();
                    one(
                        p.id.as_str(),
                        "percent",
                        &v.to_string(),
                        &format!("{} %", vietnamese_number(v)),
                    );
                }
                _ => unreachable!(),
            }
            checked += 1;
        }
        for count in &facts.counts {
            let v = count.value.as_f64();
            one(
                count.id.as_str(),
                "count",
                &v.to_string(),
                &vietnamese_number(v),
            );
            checked += 1;
        }
        for money in &facts.money {
            let v = money.value.as_f64();
            one(
                money.id.as_str(),
                "money",
                &v.to_string(),
                &vietnamese_number(v),
            );
            checked += 1;
        }
        for duration in &facts.durations {
            let v = duration.value.as_f64();
            one(
                duration.id.as_str(),
                "duration",
                &v.to_string(),
                &vietnamese_number(v),
            );
            checked += 1;
        }
        for legal in &facts.documents {
            let number = legal.number.clone().unwrap_or_default();
            one(legal.id.as_str(), "document", &number, &legal.doc_type);
            checked += 1;
        }
        // Every mention of an official is an element naming them, all sharing one class.
        for official in &facts.officials {
            let found = by_fact
                .get(official.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or_default();
            assert_eq!(found.len(), official.mentions.len(), "{}", official.name);
            let classes: Vec<&str> = found.iter().map(|m| m.get("class").unwrap()).collect();
            assert!(classes.windows(2).all(|w| w[0] == w[1]), "{classes:?}");
            assert!(
                found
                    .iter()
                    .all(|m| m.get("data-value") == Some(official.name.as_str()))
            );
            // The officials list links to the first mention.
            let anchor = found[0].get("id").unwrap();
            assert!(
                page.contains(&format!("<a href=\"#{anchor}\">")),
                "{anchor}"
            );
            checked += official.mentions.len();
        }
        for organization in &facts.organizations {
            let found = by_fact
                .get(organization.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or_default();
            assert_eq!(
                found.len(),
                organization.mentions.len(),
                "{}",
                organization.canonical
            );
        }
        // Each warning links to the highlight of each fact it concerns.
        for warning in &facts.warnings {
            for id in &warning.facts {
                let Some(first) = by_fact.get(id.as_str()).and_then(|f| f.first()) else {
                    panic!("warning fact {id} has no element");
                };
                let anchor = first.get("id").unwrap();
                assert!(
                    page.contains(&format!("<a href=\"#{anchor}\">")),
                    "{anchor}"
                );
            }
        }
    }
    assert!(checked > 300, "only {checked} facts checked");
}

#[test]
fn the_page_fetches_nothing() {
    let bytes = std::fs::read("fixtures/reports/hoi-nghi-tong-ket-2024.txt").unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let document = Extractor::new().document("r", &text);
    let page = html::render(&text, &document);
    for forbidden in [
        "http:", "https:", "//", "src=", "url(", "@import", "<script", "<link",
    ] {
        assert!(!page.contains(forbidden), "{forbidden}");
    }
    assert!(page.contains(
        "Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\""
    ));
    for tag in tags(&page) {
        if let Some(href) = tag.get("href") {
            let target = href.strip_prefix('#').expect("in-page links only");
            assert!(
                page.contains(&format!(" id=\"{target}\"")),
                "a link to nothing: {href}"
            );
        }
    }
}

#[test]
fn an_error_document_shows_its_error() {
    let mut error = DocumentError::new(ErrorKind::InvalidEncoding, "byte 3 is not UTF-8 <here>");
    error.offset = Some(3);
    let page = html::render("", &Document::with_error("b.txt", error));
    tags(&page);
    assert!(page.contains(
        "<p class=\"vf-error\" role=\"alert\"><strong>Không đọc được đầu vào này</strong> (invalid_encoding, byte 3): byte 3 is not UTF-8 &lt;here&gt;</p>"
    ));
    assert!(marks(&page).is_empty());
}

#[test]
fn several_documents_share_one_page_with_their_own_anchors() {
    let first = "Sáng 11-1, 117/120 khu đạt chuẩn.";
    let second = "Năm 2024 có 12 lớp.";
    let extractor = Extractor::new().reference_date("2024-01-11".parse().ok());
    let mut page = html::head("two");
    page.push_str(&html::section(1, first, &extractor.document("a", first)));
    page.push_str(&html::section(2, second, &extractor.document("b", second)));
    page.push_str(html::tail());
    let tags = tags(&page);
    let ids: Vec<&str> = tags.iter().filter_map(|t| t.get("id")).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
    assert!(ids.contains(&"v1-d1") && ids.contains(&"v2-d1"));
}

#[test]
fn the_cli_writes_one_page_per_run_and_shows_unreadable_inputs() {
    let dir = std::env::temp_dir().join(format!("vietfacts-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, [b'a', 0xff, 0xfe, 0x00, b'b']).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_vietfacts"))
        .args(["extract", "--format", "html", "fixtures/html/injection.txt"])
        .arg(&bad)
        .arg(dir.join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let page = String::from_utf8(output.stdout).unwrap();
    assert_eq!(page.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(page.matches("<section class=\"vf-doc\"").count(), 3);
    assert_eq!(page.matches("role=\"alert\"").count(), 2);
    assert!(page.contains("(not_found)"));
    let tags = tags(&page);
    assert!(tags.iter().any(|t| t.name == "mark"));
    // The text the spans point into is the decoded file: it reads back exactly.
    assert_eq!(shown_text(&page), INJECTION);
    std::fs::remove_dir_all(&dir).ok();
}
