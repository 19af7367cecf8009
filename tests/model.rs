//! The JSON contract: documents round-trip through the typed model, and what the library
//! prints validates against the JSON Schema that ships in `schema/`.

use serde_json::Value;
use vietfacts::facts::{Document, SCHEMA_VERSION};

mod schema_check;

/// A document with every fact kind filled, written as a user of the contract would.
const FULL_DOCUMENT: &str = r#"{
  "schema_version": 1,
  "id": "fixtures/reports/hoi-nghi-tong-ket-2024.txt",
  "encoding": { "name": "utf-8", "confidence": 1.0 },
  "reference_date": "2025-01-09",
  "facts": {
    "meeting": { "title": "Hội nghị Tổng kết công tác năm 2024", "kind": "conference", "date": "d1",
                 "location": "hội trường tầng 3, Trung tâm Văn hóa thành phố", "organizers": ["g1"],
                 "chairs": [], "attendees": ["o2"], "speakers": ["o1", "o2"], "attendance": ["c2"],
                 "directives": [ { "text": "tiếp tục đổi mới phương thức tuyên truyền",
                                   "span": { "start": 900, "end": 950, "char_start": 800, "char_end": 843 },
                                   "speaker": "o1" } ] },
    "dates": [ { "id": "d1", "text": "Sáng 9-1",
                 "span": { "start": 0, "end": 10, "char_start": 0, "char_end": 8 },
                 "value": "2025-01-09", "granularity": "day", "kind": "point",
                 "part_of_day": "morning", "modifier": null, "calendar": "gregorian",
                 "year_inferred": true },
               { "id": "d2", "text": "thời gian tới",
                 "span": { "start": 40, "end": 55, "char_start": 38, "char_end": 51 },
                 "value": null, "granularity": "other", "kind": "vague",
                 "part_of_day": null, "modifier": null, "calendar": "gregorian",
                 "year_inferred": false } ],
    "officials": [ { "id": "o1", "name": "Phan Thị Hồng Nhung", "honorific": "đồng chí",
                     "titles": [ { "text": "UVBTV Thành ủy", "canonical": "Ủy viên Ban Thường vụ Thành ủy",
                                   "role": "Ủy viên Ban Thường vụ", "organization": "Thành ủy" } ],
                     "mentions": [ { "start": 100, "end": 125, "char_start": 95, "char_end": 114 } ] } ],
    "authors": [ { "name": "Minh Châu", "span": { "start": 2000, "end": 2010, "char_start": 1800, "char_end": 1809 } } ],
    "organizations": [ { "id": "g1", "text": "Ban Tuyên giáo Thành ủy", "canonical": "Ban Tuyên giáo Thành ủy",
                         "mentions": [ { "start": 60, "end": 88, "char_start": 56, "char_end": 79 } ] } ],
    "documents": [ { "id": "l1", "text": "Nghị quyết số 35-NQ/TW", "type": "nghị quyết", "number": "35",
                     "issuer": "TW", "date": null,
                     "span": { "start": 300, "end": 325, "char_start": 280, "char_end": 302 } } ],
    "statistics": [ { "kind": "ratio", "id": "s1", "text": "8.412/9.035",
                      "span": { "start": 400, "end": 411, "char_start": 370, "char_end": 381 },
                      "numerator": 8412, "denominator": 9035, "percent": 93.1, "subject": "hộ gia đình" },
                    { "kind": "percent", "id": "s2", "text": "94,1%",
                      "span": { "start": 430, "end": 435, "char_start": 398, "char_end": 403 },
                      "value": 94.1, "role": "level", "subject": "hộ gia đình", "states": "s1" } ],
    "counts": [ { "id": "c1", "text": "trên 180 văn bản",
                  "span": { "start": 500, "end": 518, "char_start": 460, "char_end": 476 },
                  "value": 180, "unit": "văn bản", "category": "document", "qualifier": "more_than" },
                { "id": "c2", "text": "hơn 200 đại biểu",
                  "span": { "start": 520, "end": 538, "char_start": 477, "char_end": 493 },
                  "value": 200, "unit": "đại biểu", "category": "participant", "qualifier": "more_than" } ],
    "money": [ { "id": "m1", "text": "1.250 tỷ đồng",
                 "span": { "start": 600, "end": 615, "char_start": 550, "char_end": 563 },
                 "value": 1250000000000, "currency": "VND", "qualifier": "exact", "subject": "thu ngân sách" } ],
    "durations": [ { "id": "u1", "text": "10 năm",
                     "span": { "start": 700, "end": 707, "char_start": 640, "char_end": 646 },
                     "value": 10, "unit": "year" } ],
    "warnings": [ { "kind": "percent_mismatch", "facts": ["s1", "s2"],
                    "message": "8.412/9.035 is 93,10 %, but the text says 94,1 %" } ]
  }
}"#;

const ERROR_DOCUMENT: &str = r#"{
  "schema_version": 1,
  "id": "b.txt",
  "reference_date": null,
  "error": { "kind": "invalid_encoding", "offset": 3, "message": "not valid utf-8 at byte 3" }
}"#;

#[test]
fn json_round_trips_through_the_model() {
    for text in [FULL_DOCUMENT, ERROR_DOCUMENT] {
        let document: Document = serde_json::from_str(text).unwrap();
        let printed = serde_json::to_value(&document).unwrap();
        let expected: Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            printed, expected,
            "JSON → struct → JSON changed the document"
        );
        // And the typed values are what the JSON says.
        let again: Document = serde_json::from_value(printed).unwrap();
        assert_eq!(again, document);
    }
}

#[test]
fn typed_values_read_from_json() {
    let document: Document = serde_json::from_str(FULL_DOCUMENT).unwrap();
    let facts = document.facts().unwrap();
    assert_eq!(document.reference_date.unwrap().to_string(), "2025-01-09");
    let vietfacts::facts::Statistic::Ratio(ratio) = &facts.statistics[0] else {
        panic!("the first statistic is the ratio");
    };
    assert_eq!(ratio.numerator.as_integer(), Some(8412));
    assert_eq!(facts.money[0].value.as_integer(), Some(1_250_000_000_000));
    assert_eq!(facts.statistics[1].id().as_str(), "s2");
    let error: Document = serde_json::from_str(ERROR_DOCUMENT).unwrap();
    assert_eq!(error.error().unwrap().offset, Some(3));
    assert!(error.facts().is_none());
}

#[test]
fn integers_print_as_integers() {
    let document: Document = serde_json::from_str(FULL_DOCUMENT).unwrap();
    let printed = serde_json::to_string(&document).unwrap();
    assert!(printed.contains("\"numerator\":8412,"), "{printed}");
    assert!(printed.contains("\"value\":1250000000000,"));
    assert!(printed.contains("\"value\":94.1,"));
}

#[test]
fn the_schema_accepts_what_the_library_prints() {
    let schema = schema_check::load_schema();
    let extractor = vietfacts::Extractor::new().reference_date("2024-01-11".parse().ok());
    let printed = [
        serde_json::to_value(extractor.document("a.txt", "Sáng 11-1, tại hội trường.")).unwrap(),
        serde_json::to_value(extractor.document_from_bytes("b.txt", b"ab\xFF\xFE\x00\x01"))
            .unwrap(),
        serde_json::to_value(vietfacts::Extractor::new().document("c.txt", "")).unwrap(),
        serde_json::from_str(FULL_DOCUMENT).unwrap(),
        serde_json::from_str(ERROR_DOCUMENT).unwrap(),
    ];
    for document in &printed {
        assert_eq!(document["schema_version"], SCHEMA_VERSION);
        if let Err(problems) = schema_check::validate(&schema, document) {
            panic!(
                "{document}\ndoes not match the schema:\n{}",
                problems.join("\n")
            );
        }
    }
    // The round-tripped full document, as the library prints it, too.
    let typed: Document = serde_json::from_str(FULL_DOCUMENT).unwrap();
    schema_check::validate(&schema, &serde_json::to_value(typed).unwrap()).unwrap();
}

#[test]
fn the_schema_rejects_what_breaks_the_contract() {
    let schema = schema_check::load_schema();
    let full: Value = serde_json::from_str(FULL_DOCUMENT).unwrap();
    let broken = [
        ("/schema_version", Value::from(2)),
        ("/facts/counts/0/category", Value::from("documents")),
        ("/facts/statistics/0/numerator", Value::from("8.412")),
        ("/facts/dates/0/span/start", Value::from(-1)),
        ("/facts/officials/0/id", Value::from("official 1")),
        ("/facts/money/0/currency", Value::from("vnd")),
    ];
    for (pointer, value) in broken {
        let mut document = full.clone();
        *document.pointer_mut(pointer).unwrap() = value;
        assert!(
            schema_check::validate(&schema, &document).is_err(),
            "the schema accepted a broken {pointer}"
        );
    }
    let mut both = full.clone();
    both["error"] = serde_json::json!({ "kind": "io", "message": "x" });
    assert!(
        schema_check::validate(&schema, &both).is_err(),
        "facts and error together"
    );
    let mut unknown = full;
    unknown["facts"]["people"] = serde_json::json!([]);
    assert!(
        schema_check::validate(&schema, &unknown).is_err(),
        "an unknown member"
    );
}
