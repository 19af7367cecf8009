//! Facts as flat rows, one per fact, for CSV and data frames.
//!
//! Every fact kind becomes the same columns: the document id, the kind, the fact's id, its
//! text and span, then `value`, `unit`, `category`, `subject` where the kind has them, and
//! the remaining fields as one JSON object in `extra`. A document that could not be read is
//! one row of kind `error`. [`COLUMNS`] names the columns in order.
//!
//! ```
//! let document = vietfacts::Extractor::new().document("a.txt", "Hội nghị.");
//! let rows = vietfacts::table::rows(&document);
//! assert!(rows.iter().all(|row| row.document == "a.txt"));
//! ```

use serde::Serialize;
use serde_json::{Map, Value};

use crate::facts::Document;

/// The column names, in the order of [`FactRow`]'s fields.
pub const COLUMNS: [&str; 13] = [
    "document",
    "kind",
    "id",
    "text",
    "start",
    "end",
    "char_start",
    "char_end",
    "value",
    "unit",
    "category",
    "subject",
    "extra",
];

/// One fact as a flat row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct FactRow {
    /// The document's id (its path).
    pub document: String,
    /// The fact kind, singular: `date`, `official`, `ratio`, `percent`, `count`, `money`, ...
    pub kind: String,
    /// The fact's id within the document (`d1`), empty for kinds without ids.
    pub id: String,
    /// The fact as written (an official's name, a meeting's title, an error's message).
    pub text: String,
    /// Byte offset of the span's start in the caller's text (the first mention for officials).
    pub start: Option<usize>,
    /// Byte offset of the span's end.
    pub end: Option<usize>,
    /// Char offset of the span's start.
    pub char_start: Option<usize>,
    /// Char offset of the span's end.
    pub char_end: Option<usize>,
    /// The value: a date's TIMEX3 value, a number, a ratio's percent.
    pub value: Option<String>,
    /// A count's unit, a duration's unit, a money amount's currency.
    pub unit: Option<String>,
    /// A count's category, a date's granularity, a percent's role, a meeting's kind.
    pub category: Option<String>,
    /// What a figure is about.
    pub subject: Option<String>,
    /// Every other field of the fact, as a JSON object.
    pub extra: String,
}

/// The rows of one document, kind by kind, each kind in the order of the document.
pub fn rows(document: &Document) -> Vec<FactRow> {
    let mut rows = Vec::new();
    if let Some(error) = document.error() {
        let mut row = empty_row(&document.id, "error");
        row.text = error.message.clone();
        row.category = serde_json::to_value(error.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string));
        row.start = error.offset;
        rows.push(row);
        return rows;
    }
    let Some(facts) = document.facts() else {
        return rows;
    };
    let Ok(Value::Object(mut facts)) = serde_json::to_value(facts) else {
        return rows;
    };
    // The contract's order, not the map's (alphabetical) order.
    for kind in KINDS {
        let Some(value) = facts.remove(kind) else {
            continue;
        };
        match value {
            Value::Array(items) => {
                for item in items {
                    if let Value::Object(fields) = item {
                        rows.push(row_of(&document.id, singular(kind), fields));
                    }
                }
            }
            Value::Object(fields) => rows.push(row_of(&document.id, "meeting", fields)),
            _ => {}
        }
    }
    rows
}

const KINDS: [&str; 11] = [
    "meeting",
    "dates",
    "officials",
    "authors",
    "organizations",
    "documents",
    "statistics",
    "counts",
    "money",
    "durations",
    "warnings",
];

fn singular(kind: &str) -> &str {
    match kind {
        "dates" => "date",
        "officials" => "official",
        "authors" => "author",
        "organizations" => "organization",
        "documents" => "document",
        "statistics" => "statistic",
        "counts" => "count",
        "durations" => "duration",
        "warnings" => "warning",
        other => other,
    }
}

fn empty_row(document: &str, kind: &str) -> FactRow {
    FactRow {
        document: document.to_string(),
        kind: kind.to_string(),
        id: String::new(),
        text: String::new(),
        start: None,
        end: None,
        char_start: None,
        char_end: None,
        value: None,
        unit: None,
        category: None,
        subject: None,
        extra: String::from("{}"),
    }
}

fn row_of(document: &str, kind: &str, mut fields: Map<String, Value>) -> FactRow {
    // A statistic's own kind (ratio, percent) is more useful than "statistic".
    let kind = match fields.remove("kind") {
        Some(Value::String(own)) if kind == "statistic" => own,
        Some(other) => {
            fields.insert("kind".into(), other);
            kind.to_string()
        }
        None => kind.to_string(),
    };
    let mut row = empty_row(document, &kind);
    row.id = take_text(&mut fields, "id").unwrap_or_default();
    row.text = take_text(&mut fields, "text")
        .or_else(|| take_text(&mut fields, "name"))
        .or_else(|| take_text(&mut fields, "title"))
        .or_else(|| take_text(&mut fields, "message"))
        .unwrap_or_default();
    let span = fields.remove("span").or_else(|| {
        fields
            .get("mentions")
            .and_then(|m| m.as_array())
            .and_then(|m| m.first())
            .cloned()
    });
    if let Some(span) = span {
        let offset = |key: &str| span.get(key).and_then(Value::as_u64).map(|n| n as usize);
        row.start = offset("start");
        row.end = offset("end");
        row.char_start = offset("char_start");
        row.char_end = offset("char_end");
    }
    row.value = match kind.as_str() {
        "ratio" => take_text(&mut fields, "percent"),
        _ => take_text(&mut fields, "value"),
    };
    row.unit = take_text(&mut fields, "unit").or_else(|| take_text(&mut fields, "currency"));
    row.category = ["category", "granularity", "role"]
        .iter()
        .find_map(|key| take_text(&mut fields, key))
        .or_else(|| match kind.as_str() {
            "meeting" | "warning" => take_text(&mut fields, "kind"),
            _ => None,
        });
    row.subject = take_text(&mut fields, "subject");
    row.extra = Value::Object(fields).to_string();
    row
}

/// Removes `key` and returns it as text: strings as they are, numbers and booleans printed,
/// null as `None`; arrays and objects stay in the map (they belong in `extra`).
fn take_text(fields: &mut Map<String, Value>, key: &str) -> Option<String> {
    match fields.get(key)? {
        Value::Array(_) | Value::Object(_) => None,
        _ => match fields.remove(key)? {
            Value::String(text) => Some(text),
            Value::Null => None,
            other => Some(other.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCUMENT: &str = r#"{
      "schema_version": 1, "id": "r.txt", "reference_date": null,
      "facts": {
        "meeting": null,
        "dates": [ { "id": "d1", "text": "Sáng 9-1", "span": { "start": 0, "end": 9, "char_start": 0, "char_end": 8 },
                     "value": "2025-01-09", "granularity": "day", "kind": "point", "part_of_day": "morning",
                     "modifier": null, "calendar": "gregorian", "year_inferred": true } ],
        "officials": [ { "id": "o1", "name": "Phan Đức Hạnh", "honorific": "đồng chí", "titles": [],
                         "mentions": [ { "start": 20, "end": 34, "char_start": 18, "char_end": 31 } ] } ],
        "authors": [], "organizations": [], "documents": [],
        "statistics": [ { "kind": "ratio", "id": "s1", "text": "98/103", "span": { "start": 40, "end": 46, "char_start": 36, "char_end": 42 },
                          "numerator": 98, "denominator": 103, "percent": 95.15, "subject": "khu dân cư" } ],
        "counts": [ { "id": "c1", "text": "trên 180 văn bản", "span": { "start": 50, "end": 68, "char_start": 45, "char_end": 61 },
                      "value": 180, "unit": "văn bản", "category": "document", "qualifier": "more_than" } ],
        "money": [], "durations": [], "warnings": []
      }
    }"#;

    #[test]
    fn one_row_per_fact_with_the_common_columns() {
        let document: Document = serde_json::from_str(DOCUMENT).unwrap();
        let rows = rows(&document);
        let kinds: Vec<&str> = rows.iter().map(|r| r.kind.as_str()).collect();
        assert_eq!(kinds, ["date", "official", "ratio", "count"]);
        let date = &rows[0];
        assert_eq!((date.id.as_str(), date.text.as_str()), ("d1", "Sáng 9-1"));
        assert_eq!(date.value.as_deref(), Some("2025-01-09"));
        assert_eq!(date.category.as_deref(), Some("day"));
        assert!(date.extra.contains("\"part_of_day\":\"morning\""));
        let official = &rows[1];
        assert_eq!(official.text, "Phan Đức Hạnh");
        assert_eq!((official.start, official.end), (Some(20), Some(34)));
        let ratio = &rows[2];
        assert_eq!(ratio.value.as_deref(), Some("95.15"));
        assert_eq!(ratio.subject.as_deref(), Some("khu dân cư"));
        assert!(ratio.extra.contains("\"numerator\":98"));
        let count = &rows[3];
        assert_eq!(count.value.as_deref(), Some("180"));
        assert_eq!(count.unit.as_deref(), Some("văn bản"));
        assert_eq!(count.category.as_deref(), Some("document"));
        assert!(count.extra.contains("more_than"));
    }

    #[test]
    fn an_unreadable_document_is_one_error_row() {
        let document =
            crate::Extractor::new().document_from_bytes("bad.txt", b"ab\xFF\xFE\x01\x02");
        let rows = rows(&document);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].kind, "error");
        assert_eq!(rows[0].category.as_deref(), Some("invalid_encoding"));
        assert_eq!(rows[0].start, Some(2));
    }
}
