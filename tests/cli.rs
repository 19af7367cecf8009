//! The command-line tool, run as a user runs it.

mod common;
use common::{stdout, temp_dir, vietfacts};

use std::process::Output;

#[test]
fn normalize_composes_collapses_and_unifies_line_ends() {
    let input = "Ho\u{302}\u{323}i nghi\u{323}\u{A0}\u{A0}to\u{302}\u{309}ng ke\u{302}\u{301}t\r\nThành  uỷ\r\n";
    let output = vietfacts(&["normalize"], input.as_bytes());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "Hội nghị tổng kết\nThành ủy\n");

    let dir = temp_dir("normalize");
    let file = dir.join("nfd.txt");
    std::fs::write(&file, input).unwrap();
    let output = vietfacts(
        &[
            "normalize",
            file.to_str().unwrap(),
            "--tone-style",
            "modern",
        ],
        b"",
    );
    assert_eq!(stdout(&output), "Hội nghị tổng kết\nThành uỷ\n");
}

#[test]
fn extract_prints_an_array_of_documents() {
    let dir = temp_dir("extract");
    let a = dir.join("a.txt");
    std::fs::write(
        &a,
        "Sáng 9-1, tại hội trường tầng 3, Ban Tuyên giáo tổ chức hội nghị.",
    )
    .unwrap();
    let output = vietfacts(
        &[
            "extract",
            a.to_str().unwrap(),
            "--reference-date",
            "2025-01-09",
        ],
        b"",
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let documents: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let documents = documents.as_array().unwrap();
    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0]["schema_version"], 1);
    assert_eq!(documents[0]["id"], a.to_str().unwrap());
    assert_eq!(documents[0]["reference_date"], "2025-01-09");
    assert_eq!(documents[0]["encoding"]["name"], "utf-8");
    assert!(documents[0]["facts"].is_object());
}

#[test]
fn a_missing_file_is_an_error_document_and_the_others_are_still_read() {
    let dir = temp_dir("missing");
    let good = dir.join("good.txt");
    std::fs::write(&good, "Chiều 21/3, hội nghị.").unwrap();
    let missing = dir.join("no-such-report.txt");
    let output = vietfacts(
        &[
            "extract",
            "--format",
            "jsonl",
            missing.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no-such-report.txt"),
        "stderr names the path: {stderr}"
    );
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "one line per input, in input order");
    assert_eq!(lines[0]["id"], missing.to_str().unwrap());
    assert_eq!(lines[0]["error"]["kind"], "not_found");
    assert!(lines[0].get("facts").is_none());
    assert_eq!(lines[1]["id"], good.to_str().unwrap());
    assert!(lines[1]["facts"].is_object());
}

#[test]
fn invalid_bytes_name_their_offset() {
    let output = vietfacts(
        &["extract", "--encoding", "utf-8", "-"],
        b"H\xC3\xB4i ngh\xFF",
    );
    assert_eq!(output.status.code(), Some(1));
    let documents: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(documents[0]["id"], "-");
    assert_eq!(documents[0]["error"]["kind"], "invalid_encoding");
    assert_eq!(documents[0]["error"]["offset"], 8);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("byte 8") && stderr.contains("--encoding"),
        "{stderr}"
    );

    let lossy = vietfacts(
        &["normalize", "--encoding", "utf-8", "--lossy"],
        b"H\xC3\xB4i ngh\xFF",
    );
    assert_eq!(lossy.status.code(), Some(0));
    assert_eq!(stdout(&lossy), "Hôi ngh\u{FFFD}");
}

#[test]
fn utf16_with_a_bom_is_read() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Thành ủy".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let output = vietfacts(&["extract", "--format", "jsonl"], &bytes);
    assert_eq!(output.status.code(), Some(0));
    let document: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(document["encoding"]["name"], "utf-16le");
}

#[test]
fn usage_errors_exit_2_and_help_documents_exit_codes() {
    let output = vietfacts(&["extract", "--format", "xml"], b"");
    assert_eq!(output.status.code(), Some(2));
    let output = vietfacts(&["extract", "--reference-date", "2024-02-30"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("2024-02-30"));
    let output = vietfacts(&["frobnicate"], b"");
    assert_eq!(output.status.code(), Some(2));

    let help = vietfacts(&["extract", "--help"], b"");
    assert_eq!(help.status.code(), Some(0));
    let text = stdout(&help);
    assert!(
        text.contains("Exit codes") && text.contains("usage error") && text.contains("Examples"),
        "{text}"
    );
}

#[test]
fn normalize_unifies_tone_style_and_lookalikes_both_ways() {
    // NFC input in the modern style with an Icelandic eth, and the same in NFD.
    let modern = "Thành uỷ hoà thuỷ Uỷ ban Ðồng chí khoẻ\n";
    let nfd: String = {
        use unicode_normalization::UnicodeNormalization;
        modern.nfd().collect()
    };
    for input in [modern.to_string(), nfd] {
        let output = vietfacts(&["normalize"], input.as_bytes());
        assert_eq!(stdout(&output), "Thành ủy hòa thủy Ủy ban Đồng chí khỏe\n");
        let output = vietfacts(&["normalize", "--tone-style", "modern"], input.as_bytes());
        assert_eq!(stdout(&output), "Thành uỷ hoà thuỷ Uỷ ban Đồng chí khoẻ\n");
    }
    // Syllables where both styles agree are left as they are; Icelandic stays Icelandic.
    let agreed = "hoàng toán thuyền khuyết quý quả giữa của mùa người khoảng hoạt Þórður síðan\n";
    for style in ["traditional", "modern"] {
        let output = vietfacts(&["normalize", "--tone-style", style], agreed.as_bytes());
        assert_eq!(stdout(&output), agreed);
    }
    let output = vietfacts(&["normalize", "--tone-style", "keep"], modern.as_bytes());
    assert_eq!(stdout(&output), "Thành uỷ hoà thuỷ Uỷ ban Đồng chí khoẻ\n");
}

#[test]
fn extra_lexicon_files_extend_the_built_in_ones() {
    // "Ksor" (a Jarai family name) is not in the built-in surname list: without an honorific
    // the name is not taken for a person until an analyst's lexicon adds it.
    let dir = temp_dir("lexicon");
    let report = dir.join("report.txt");
    std::fs::write(
        &report,
        "Sáng 9-1, Phó Giám đốc Sở Tài chính Ksor Y Phun phát biểu tại hội nghị.\n",
    )
    .unwrap();
    let names = |output: &Output| -> Vec<String> {
        let documents: serde_json::Value = serde_json::from_str(&stdout(output)).unwrap();
        documents[0]["facts"]["officials"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap().to_string())
            .collect()
    };
    let without = vietfacts(&["extract", report.to_str().unwrap()], b"");
    assert!(names(&without).is_empty());

    let lexicons = dir.join("lexicons");
    std::fs::create_dir_all(&lexicons).unwrap();
    std::fs::write(
        lexicons.join("surnames.txt"),
        "# Central Highlands family names\nKsor\n",
    )
    .unwrap();
    let with = vietfacts(
        &[
            "extract",
            "--lexicon",
            lexicons.to_str().unwrap(),
            report.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(names(&with), ["Ksor Y Phun"]);

    let missing = vietfacts(
        &[
            "extract",
            "--lexicon",
            "/no/such/lexicons",
            report.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/no/such/lexicons"));
}

#[test]
fn summary_format_is_a_readable_block() {
    let report = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/reports/hoi-nghi-tong-ket-2024.txt"
    );
    let output = vietfacts(&["extract", "--format", "summary", report], b"");
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("Hội nghị tổng kết công tác tuyên giáo năm 2024"),
        "{text}"
    );
    assert!(text.contains("2025-01-09"), "{text}");
    assert!(text.contains("Phan Đức Hạnh"), "{text}");
}

#[test]
fn kinds_reads_only_the_facts_asked_for() {
    let text =
        "Sáng 9-1, đồng chí Nguyễn Văn Tâm, Chủ tịch UBND tỉnh, dự hội nghị; 45/50 xã đạt chuẩn.";
    let facts = |kinds: &[&str]| -> serde_json::Value {
        let mut args = vec![
            "extract",
            "--format",
            "jsonl",
            "--reference-date",
            "2025-01-09",
        ];
        args.extend_from_slice(kinds);
        let output = vietfacts(&args, text.as_bytes());
        assert_eq!(output.status.code(), Some(0));
        let document: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
        document["facts"].clone()
    };
    let count = |facts: &serde_json::Value, kind: &str| facts[kind].as_array().map_or(0, Vec::len);

    let all = facts(&[]);
    assert_eq!(count(&all, "dates"), 1);
    assert_eq!(count(&all, "officials"), 1);
    assert_eq!(count(&all, "statistics"), 1);

    let dates = facts(&["--kinds", "dates"]);
    assert_eq!(dates["dates"], all["dates"]);
    assert_eq!(count(&dates, "officials"), 0);
    assert_eq!(count(&dates, "statistics"), 0);
    assert!(dates["meeting"].is_null());

    let two = facts(&["--kinds", "people,figures"]);
    assert_eq!(count(&two, "dates"), 0);
    assert_eq!(two["officials"], all["officials"]);
    assert_eq!(two["statistics"], all["statistics"]);

    let refused = vietfacts(&["extract", "--kinds", "weather"], b"");
    assert_eq!(refused.status.code(), Some(2));
}
