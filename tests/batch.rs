//! Batches as analysts and pipelines run them: directories, parallel jobs, JSON Lines in and
//! out, CSV for pandas.

mod common;
use common::{fixture_reports, jsonl, temp_dir, vietfacts};

use std::path::Path;
use std::process::Command;

#[test]
fn a_directory_batch_with_a_bad_file_keeps_the_others_in_order() {
    let dir = temp_dir("dir");
    let nested = dir.join("b-nested");
    std::fs::create_dir_all(&nested).unwrap();
    let reports = fixture_reports();
    std::fs::copy(&reports[0], dir.join("a-first.txt")).unwrap();
    std::fs::write(dir.join("c-bad.txt"), b"H\xC3\xB4i ngh\xFF\xFE\x9D\x81\x90").unwrap();
    std::fs::copy(&reports[1], nested.join("d-second.txt")).unwrap();
    std::fs::copy(&reports[2], dir.join("e-third.txt")).unwrap();
    std::fs::write(dir.join("notes.md"), "not a report").unwrap();

    for jobs in ["1", "2", "4"] {
        let output = vietfacts(
            &[
                "extract",
                "--format",
                "jsonl",
                "--recursive",
                "--jobs",
                jobs,
                dir.to_str().unwrap(),
            ],
            b"",
        );
        assert_eq!(
            output.status.code(),
            Some(1),
            "one bad file makes the exit code 1"
        );
        let documents = jsonl(&output);
        let ids: Vec<String> = documents
            .iter()
            .map(|d| {
                let id = d["id"].as_str().unwrap();
                Path::new(id)
                    .strip_prefix(&dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(
            ids,
            [
                "a-first.txt",
                "b-nested/d-second.txt",
                "c-bad.txt",
                "e-third.txt"
            ],
            "jobs {jobs}"
        );
        assert!(documents[0]["facts"].is_object());
        assert_eq!(documents[2]["error"]["kind"], "invalid_encoding");
        assert!(documents[3]["facts"].is_object());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("c-bad.txt"), "{stderr}");
        assert!(
            !stderr.contains('\u{1b}'),
            "no progress bar when stderr is not a terminal"
        );
    }

    // --glob picks other files; a directory without --recursive is an error document.
    let output = vietfacts(
        &[
            "extract",
            "--format",
            "jsonl",
            "-r",
            "--glob",
            "*.md",
            dir.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(jsonl(&output).len(), 1);
    let output = vietfacts(
        &["extract", "--format", "jsonl", dir.to_str().unwrap()],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    let documents = jsonl(&output);
    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0]["error"]["kind"], "io");
    assert!(
        documents[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("--recursive")
    );
}

#[test]
fn json_lines_filter_over_ten_thousand_records() {
    let texts: Vec<String> = fixture_reports()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut input = String::new();
    for i in 0..10_000 {
        let text = &texts[i % texts.len()];
        // Short records mostly, a whole report every so often.
        let text = if i % 50 == 0 {
            text.as_str()
        } else {
            text.lines().next().unwrap()
        };
        let record = serde_json::json!({ "id": format!("doc-{i}"), "text": text });
        input.push_str(&record.to_string());
        input.push('\n');
    }
    input.push_str("{\"id\": 7, \"text\": \"Sáng 9-1.\"}\n");
    input.push_str("not json\n");
    input.push_str("{\"id\": \"no-text\"}\n");

    let output = vietfacts(
        &[
            "extract", "--input", "jsonl", "--format", "jsonl", "--jobs", "2",
        ],
        input.as_bytes(),
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "the two broken records make it 1"
    );
    let documents = jsonl(&output);
    assert_eq!(documents.len(), 10_003);
    for (i, document) in documents.iter().take(10_000).enumerate() {
        assert_eq!(document["id"], format!("doc-{i}"));
        assert!(document["facts"].is_object());
    }
    assert_eq!(documents[10_000]["id"], "7");
    assert_eq!(documents[10_001]["id"], "-:10002");
    assert_eq!(documents[10_001]["error"]["kind"], "invalid_input");
    assert_eq!(documents[10_002]["id"], "no-text");
    assert_eq!(documents[10_002]["error"]["kind"], "invalid_input");
}

#[test]
fn csv_reads_back_with_pythons_csv_module() {
    let reports = fixture_reports();
    let mut args: Vec<&str> = vec!["extract", "--format", "csv"];
    let paths: Vec<String> = reports
        .iter()
        .take(3)
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    args.extend(paths.iter().map(String::as_str));
    args.push("/no/such/report.txt");
    let output = vietfacts(&args, b"");
    assert_eq!(output.status.code(), Some(1));
    let dir = temp_dir("csv");
    let csv_path = dir.join("facts.csv");
    std::fs::write(&csv_path, &output.stdout).unwrap();

    // What the expected rows are, from the library itself (JSON Lines of the same inputs).
    let json_args: Vec<&str> = ["extract", "--format", "jsonl"]
        .into_iter()
        .chain(paths.iter().map(String::as_str))
        .chain(["/no/such/report.txt"])
        .collect();
    let documents: Vec<vietfacts::facts::Document> =
        String::from_utf8(vietfacts(&json_args, b"").stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
    let expected: Vec<vietfacts::table::FactRow> =
        documents.iter().flat_map(vietfacts::table::rows).collect();

    let script = r#"
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
print(json.dumps({"columns": list(rows[0].keys()) if rows else [], "rows": rows}))
"#;
    let python = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&csv_path)
        .output()
        .expect("python3 runs");
    assert!(
        python.status.success(),
        "{}",
        String::from_utf8_lossy(&python.stderr)
    );
    let read: serde_json::Value = serde_json::from_slice(&python.stdout).unwrap();
    let columns: Vec<&str> = read["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(columns, vietfacts::table::COLUMNS);
    let rows = read["rows"].as_array().unwrap();
    assert_eq!(rows.len(), expected.len());
    for (row, want) in rows.iter().zip(&expected) {
        assert_eq!(row["document"], want.document.as_str());
        assert_eq!(row["kind"], want.kind.as_str());
        assert_eq!(row["text"], want.text.as_str());
        assert_eq!(
            row["start"],
            want.start
                .map(|n| n.to_string())
                .unwrap_or_default()
                .as_str()
        );
        let extra: serde_json::Value =
            serde_json::from_str(row["extra"].as_str().unwrap()).unwrap();
        assert!(extra.is_object());
    }
    let last = rows.last().unwrap();
    assert_eq!(last["kind"], "error");
    assert_eq!(last["document"], "/no/such/report.txt");
}
