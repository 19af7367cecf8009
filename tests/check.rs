//! `vietfacts::check` and `vietfacts check DIR`: passing, failing with a readable diff, known
//! gaps (tolerated, and failing once they pass), malformed expected and known-gaps files, and
//! the exit codes of the command.
//!
//! Expected files are made with `bless` (today's output) and then changed by hand, so the
//! tests hold whatever the extractors find.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};
use vietfacts::check::{self, Change, FactKind};
use vietfacts::facts::Document;

const REPORT: &str = "Sáng 9-1, tại hội trường tầng 3, Ban Tuyên giáo Thành ủy tổ chức hội nghị tổng kết.\nĐồng chí Trưởng Ban phát biểu.\n";

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vietfacts-check-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("reports")).unwrap();
    dir
}

/// A directory with one report and its blessed expected file.
fn blessed(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    std::fs::write(dir.join("reports/a.txt"), REPORT).unwrap();
    let written = check::bless(&dir).unwrap();
    assert_eq!(written, vec![dir.join("expected/a.json")]);
    dir
}

fn expected_json(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("expected/a.json")).unwrap()).unwrap()
}

fn write_expected(dir: &Path, value: &Value) {
    std::fs::write(
        dir.join("expected/a.json"),
        serde_json::to_string_pretty(value).unwrap(),
    )
    .unwrap();
}

/// The span of the first `needle` in `text`, as JSON.
fn span_of(text: &str, needle: &str) -> Value {
    let start = text.find(needle).unwrap();
    let end = start + needle.len();
    json!({ "start": start, "end": end,
            "char_start": text[..start].chars().count(), "char_end": text[..end].chars().count() })
}

/// Adds to the expected file a count that no extractor finds: "hội trường" is no number.
fn add_impossible_count(dir: &Path) {
    let mut value = expected_json(dir);
    let counts = value["facts"]["counts"].as_array_mut().unwrap();
    counts.push(
        json!({ "id": "c999", "text": "hội trường", "span": span_of(REPORT, "hội trường"),
                        "value": 1, "unit": "hội trường", "category": "facility",
                        "qualifier": "exact" }),
    );
    write_expected(dir, &value);
}

fn write_gaps(dir: &Path, gaps: Value) {
    std::fs::write(dir.join("known-gaps.json"), gaps.to_string()).unwrap();
}

fn vietfacts(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vietfacts"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn blessed_output_passes() {
    let dir = blessed("pass");
    let report = check::check_dir(&dir).unwrap();
    assert!(report.passed(), "{report}");
    assert_eq!(report.files.len(), 1);
    assert!(report.files[0].differences.is_empty());
    let output = vietfacts(&["check", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    assert!(text(&output.stdout).contains("precision"));
}

#[test]
fn a_missing_fact_fails_with_a_readable_diff() {
    let dir = blessed("missing");
    add_impossible_count(&dir);
    let report = check::check_dir(&dir).unwrap();
    assert!(!report.passed());
    let unlisted: Vec<_> = report.unlisted().collect();
    assert_eq!(unlisted.len(), 1, "{report}");
    let (file, difference) = unlisted[0];
    assert_eq!(file, "a.txt");
    assert_eq!(difference.kind, FactKind::Counts);
    assert_eq!(difference.fact, "hội trường");
    assert_eq!(difference.change, Change::Missing);
    let counts = report.scores[&FactKind::Counts];
    assert_eq!(counts.expected, 1);
    assert_eq!(counts.recall(), Some(0.0));

    let output = vietfacts(&["check", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("a.txt"), "{stdout}");
    let at = REPORT.find("hội trường").unwrap();
    let line = format!(
        "missing  counts \"hội trường\" at {at}..{}",
        at + "hội trường".len()
    );
    assert!(stdout.contains(&line), "{stdout}");
}

#[test]
fn a_listed_gap_is_tolerated_and_fails_once_it_passes() {
    let dir = blessed("gaps");
    add_impossible_count(&dir);
    let gap = json!([{ "file": "a.txt", "kind": "counts", "fact": "hội trường", "field": null,
                       "why": "no number in it: the expected file is wrong on purpose" }]);
    write_gaps(&dir, gap);
    let report = check::check_dir(&dir).unwrap();
    assert!(report.passed(), "{report}");
    assert_eq!(
        report.files[0].differences[0].known_gap.as_deref(),
        Some("no number in it: the expected file is wrong on purpose")
    );
    assert_eq!(
        vietfacts(&["check", dir.to_str().unwrap()]).status.code(),
        Some(0)
    );

    // The expected file is put right: the gap now passes, which fails the check.
    check::bless(&dir).unwrap();
    let report = check::check_dir(&dir).unwrap();
    assert!(!report.passed());
    assert_eq!(report.stale_gaps.len(), 1);
    let output = vietfacts(&["check", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stdout).contains(
            "gap now passes: remove it from known-gaps.json: a.txt counts \"hội trường\""
        ),
        "{}",
        text(&output.stdout)
    );
}

#[test]
fn update_gaps_lists_todays_differences_and_keeps_reviewed_reasons() {
    let dir = blessed("update");
    add_impossible_count(&dir);
    let output = vietfacts(&["check", dir.to_str().unwrap(), "--update-gaps"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let gaps = check::read_known_gaps(dir.join("known-gaps.json")).unwrap();
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].why, check::NOT_REVIEWED);
    assert!(check::check_dir(&dir).unwrap().passed());

    // A reviewed reason survives the next update; a gap that no longer occurs is dropped.
    write_gaps(
        &dir,
        json!([{ "file": "a.txt", "kind": "counts", "fact": "hội trường", "field": null, "why": "reviewed" },
               { "file": "a.txt", "kind": "dates", "fact": "gone", "field": "value", "why": "old" }]),
    );
    let gaps = check::update_known_gaps(&dir).unwrap();
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].why, "reviewed");
}

#[test]
fn fields_and_references_are_compared_through_the_facts_they_point_at() {
    let text = "Có 17.279/18.121 hộ, đạt 95,45%.";
    let ratio = span_of(text, "17.279/18.121");
    let percent = span_of(text, "95,45%");
    let document = |ratio_id: &str, percent_id: &str, value: f64, states: Value| -> Document {
        serde_json::from_value(json!({
            "schema_version": 1, "id": "x",
            "facts": { "statistics": [
                { "kind": "ratio", "id": ratio_id, "text": "17.279/18.121", "span": ratio,
                  "numerator": 17279, "denominator": 18121, "percent": 95.35, "subject": "hộ" },
                { "kind": "percent", "id": percent_id, "text": "95,45%", "span": percent,
                  "value": value, "role": "level", "subject": "hộ", "states": states } ] }
        }))
        .unwrap()
    };
    // Other ids, same facts: no difference.
    let expected = document("s1", "s2", 95.45, json!("s1"));
    let same = document("s7", "s8", 95.45, json!("s7"));
    let comparison = check::compare(&expected, &same);
    assert!(
        comparison.differences.is_empty(),
        "{:?}",
        comparison.differences
    );
    assert_eq!(comparison.scores[&FactKind::Statistics].correct, 2);

    // A value and a reference that differ.
    let wrong = document("s1", "s2", 95.35, json!(null));
    let comparison = check::compare(&expected, &wrong);
    let fields: Vec<(&str, String)> = comparison
        .differences
        .iter()
        .map(|d| (d.field().unwrap(), d.to_string()))
        .collect();
    assert_eq!(fields.len(), 2, "{fields:?}");
    assert_eq!(fields[0].0, "value");
    assert!(
        fields[0].1.contains("expected 95.45, got 95.35"),
        "{}",
        fields[0].1
    );
    assert_eq!(fields[1].0, "states");
    assert!(
        fields[1].1.contains("expected \"17.279/18.121\", got null"),
        "{}",
        fields[1].1
    );
    let score = comparison.scores[&FactKind::Statistics];
    assert_eq!((score.expected, score.actual, score.correct), (2, 2, 1));
    assert_eq!(score.precision(), Some(0.5));
}

#[test]
fn a_malformed_expected_file_names_the_file_and_the_field() {
    let dir = blessed("malformed");
    let mut value = expected_json(&dir);
    value["facts"]["counts"] = json!([{ "id": "c1", "text": "hội trường",
        "span": span_of(REPORT, "hội trường"), "value": "một", "unit": "x",
        "category": "facility", "qualifier": "exact" }]);
    write_expected(&dir, &value);
    let error = check::check_dir(&dir).unwrap_err();
    assert_eq!(error.path(), dir.join("expected/a.json"));
    assert_eq!(error.field(), Some("facts.counts[0].value"));
    assert!(error.line().is_some());
    let message = error.to_string();
    assert!(message.contains("a.json"), "{message}");
    assert!(message.contains("facts.counts[0].value"), "{message}");

    let output = vietfacts(&["check", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("a.json") && stderr.contains("facts.counts[0].value"),
        "{stderr}"
    );
}

#[test]
fn wrong_expected_files_are_refused_with_the_field_at_fault() {
    // (what to change in the blessed file, the field the error must name)
    type Edit = fn(&mut Value);
    let cases: [(Edit, &str); 5] = [
        (
            |v| v["facts"]["meeting"] = json!({ "kind": "conference", "date": "d99" }),
            "facts.meeting.date",
        ),
        (
            |v| {
                v["facts"]["dates"] = json!([{ "id": "d1", "text": "Sáng 9-1",
                    "span": span_of(REPORT, "Sáng 9-1"), "value": "2025-01-09",
                    "granularity": "day", "kind": "point", "part_of_dya": "morning",
                    "calendar": "gregorian", "year_inferred": true }])
            },
            "facts.dates[0].part_of_dya",
        ),
        (
            |v| {
                v["facts"]["durations"] = json!([{ "id": "u1", "text": "tầng 3",
                    "span": span_of(REPORT, "hội trường"), "value": 3, "unit": "other" }])
            },
            "facts.durations[0].span",
        ),
        (
            |v| v["facts"]["dates"] = json!([{ "id": "d1", "text": "Sáng 9-1" }]),
            "facts.dates[0]",
        ),
        (|v| v["schema_version"] = json!(2), "schema_version"),
    ];
    for (edit, field) in cases {
        let dir = blessed("wrong");
        let mut value = expected_json(&dir);
        edit(&mut value);
        write_expected(&dir, &value);
        let error = check::check_dir(&dir).unwrap_err();
        assert_eq!(error.field(), Some(field), "{error}");
        assert!(error.to_string().contains("a.json"), "{error}");
    }
}

#[test]
fn a_malformed_known_gaps_file_names_the_field() {
    let dir = blessed("badgaps");
    write_gaps(
        &dir,
        json!([{ "file": "a.txt", "kind": "datez", "fact": "x", "field": null, "why": "?" }]),
    );
    let error = check::check_dir(&dir).unwrap_err();
    assert_eq!(error.path(), dir.join("known-gaps.json"));
    assert_eq!(error.field(), Some("[0].kind"), "{error}");
    assert_eq!(
        vietfacts(&["check", dir.to_str().unwrap()]).status.code(),
        Some(2)
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(vietfacts(&["check"]).status.code(), Some(2));
    let missing = std::env::temp_dir().join("vietfacts-check-no-such-dir");
    let output = vietfacts(&["check", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("reports"));
    let dir = blessed("conflict");
    let output = vietfacts(&["check", dir.to_str().unwrap(), "--bless", "--update-gaps"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn an_encoded_copy_shares_the_expected_file_and_its_spans_move_with_the_text() {
    use unicode_normalization::UnicodeNormalization;
    let dir = blessed("copy");
    let copy: String = REPORT.nfd().collect::<String>().replace('\n', "\r\n");
    std::fs::write(dir.join("reports/a.nfd-crlf.txt"), &copy).unwrap();
    // bless leaves the copy alone: it shares a.json.
    assert_eq!(check::bless(&dir).unwrap().len(), 1);
    let report = check::check_dir(&dir).unwrap();
    assert!(report.passed(), "{report}");
    assert_eq!(report.files.len(), 2);

    add_impossible_count(&dir);
    let report = check::check_dir(&dir).unwrap();
    let in_copy = report
        .files
        .iter()
        .find(|f| f.report == "a.nfd-crlf.txt")
        .unwrap();
    assert_eq!(in_copy.differences.len(), 1, "{report}");
    let span = in_copy.differences[0].span.unwrap();
    let covered: String = copy[span.range()].nfc().collect();
    assert_eq!(covered, "hội trường");
    assert_eq!(
        span.char_end - span.char_start,
        copy[span.range()].chars().count()
    );
}

#[test]
fn subjects_agree_when_one_contains_the_other_folded_and_other_fields_stay_exact() {
    let text = "Tỷ lệ hộ nghèo còn 2,14%.";
    let percent = span_of(text, "2,14%");
    let document = |subject: Value, role: &str| -> Document {
        serde_json::from_value(json!({
            "schema_version": 1, "id": "x",
            "facts": { "statistics": [
                { "kind": "percent", "id": "s1", "text": "2,14%", "span": percent,
                  "value": 2.14, "role": role, "subject": subject, "states": null } ] }
        }))
        .unwrap()
    };
    let expected = document(json!("hộ nghèo"), "level");
    // (actual subject, agrees?)
    let cases = [
        (json!("hộ nghèo"), true),
        (json!("tỷ lệ hộ nghèo"), true), // longer, contains the expected one
        (json!("HỘ NGHÈO"), true),       // folded: case and marks do not count
        (json!("ho ngheo"), true),       // folded
        (json!("nghèo"), true),          // shorter, inside the expected one
        (json!("hộ nghèo đa chiều"), true),
        (json!("hộ cận nghèo"), false), // not a containment
        (json!("thoát nghèo"), false),  // "nghèo" is inside, "hộ nghèo" is not
        (json!("ngh"), false),          // whole words only
        (json!(""), false),
        (json!(null), false),
    ];
    for (actual, agrees) in cases {
        let comparison = check::compare(&expected, &document(actual.clone(), "level"));
        let differs: Vec<_> = comparison
            .differences
            .iter()
            .filter(|d| d.field() == Some("subject"))
            .collect();
        assert_eq!(differs.is_empty(), agrees, "subject {actual}: {differs:?}");
    }
    // A missing subject agrees only with a missing one.
    let none = document(json!(null), "level");
    assert!(check::compare(&none, &none).differences.is_empty());
    // The role is still compared exactly, whatever the subject.
    let comparison = check::compare(&expected, &document(json!("tỷ lệ hộ nghèo"), "share"));
    let fields: Vec<_> = comparison.differences.iter().map(|d| d.field()).collect();
    assert_eq!(fields, [Some("role")]);
}

#[test]
fn a_per_unit_of_counts_and_money_is_compared() {
    let text = "Hỗ trợ 50 triệu đồng/căn cho 12 hộ.";
    let money = span_of(text, "50 triệu đồng/căn");
    let document = |per: Value| -> Document {
        serde_json::from_value(json!({
            "schema_version": 1, "id": "x",
            "facts": { "money": [
                { "id": "m1", "text": "50 triệu đồng/căn", "span": money, "value": 50000000,
                  "currency": "VND", "qualifier": "exact", "subject": null, "per": per } ] }
        }))
        .unwrap()
    };
    let expected = document(json!("căn"));
    assert!(
        check::compare(&expected, &document(json!("căn")))
            .differences
            .is_empty()
    );
    for actual in [json!(null), json!("hộ")] {
        let comparison = check::compare(&expected, &document(actual));
        let fields: Vec<_> = comparison.differences.iter().map(|d| d.field()).collect();
        assert_eq!(fields, [Some("per")]);
    }
}

#[test]
fn an_author_in_a_capitalized_byline_is_recorded_as_a_name_and_still_validated() {
    let dir = blessed("author-case");
    // "BAN TUYÊN GIÁO" stands in for a byline in capitals: its span may carry the name in
    // normal case, but not another name.
    let upper = "Sáng 9-1, tại hội trường tầng 3, BAN TUYÊN GIÁO Thành ủy tổ chức hội nghị tổng kết.\nĐồng chí Trưởng Ban phát biểu.\n";
    std::fs::write(dir.join("reports/a.txt"), upper).unwrap();
    let mut value = expected_json(&dir);
    value["facts"]["authors"] =
        json!([{ "name": "Ban Tuyên Giáo", "span": span_of(upper, "BAN TUYÊN GIÁO") }]);
    write_expected(&dir, &value);
    check::read_expected(dir.join("expected/a.json")).unwrap();
    let report = check::check_dir(&dir).unwrap();
    assert!(report.unchecked.is_empty());

    value["facts"]["authors"] =
        json!([{ "name": "Ban Dân Vận", "span": span_of(upper, "BAN TUYÊN GIÁO") }]);
    write_expected(&dir, &value);
    let error = check::check_dir(&dir).unwrap_err();
    assert_eq!(error.field(), Some("facts.authors[0].span"));
    assert!(
        error.to_string().contains("the name is \"Ban Dân Vận\""),
        "{error}"
    );
}

#[test]
fn the_meeting_record_is_scored_field_by_field() {
    let meeting = |title: Option<&str>, location: Option<&str>| -> Document {
        serde_json::from_value(json!({
            "schema_version": 1, "id": "x",
            "facts": { "meeting": { "title": title, "kind": "conference", "date": null,
                                    "location": location } }
        }))
        .unwrap()
    };
    let expected = meeting(Some("Hội nghị tổng kết"), Some("hội trường tầng 3"));
    let actual = meeting(Some("Hội nghị tổng kết"), Some("hội trường"));
    let comparison = check::compare(&expected, &actual);
    // The record as a whole is wrong, but its title and kind are right.
    assert_eq!(comparison.scores[&FactKind::Meeting].correct, 0);
    let field = |name: &str| {
        let s = comparison.meeting_fields[name];
        (s.expected, s.actual, s.correct)
    };
    assert_eq!(field("title"), (1, 1, 1));
    assert_eq!(field("kind"), (1, 1, 1));
    assert_eq!(field("location"), (1, 1, 0));
    assert_eq!(field("date"), (0, 0, 0));
    assert_eq!(field("organizers"), (0, 0, 0));

    // No record extracted: every field that was expected is missed.
    let none: Document =
        serde_json::from_value(json!({ "schema_version": 1, "id": "x", "facts": {} })).unwrap();
    let comparison = check::compare(&expected, &none);
    assert_eq!(comparison.meeting_fields["title"].expected, 1);
    assert_eq!(comparison.meeting_fields["title"].recall(), Some(0.0));
    assert_eq!(comparison.meeting_fields["date"].expected, 0);

    // The table shows the fields under the kinds.
    let dir = blessed("meeting-fields");
    let report = check::check_dir(&dir).unwrap();
    let table = report.scores_table();
    let fields_at = table.find("meeting record, field by field").unwrap();
    assert!(table[fields_at..].contains("  title"), "{table}");
    assert!(table[fields_at..].contains("  directives"), "{table}");
}
