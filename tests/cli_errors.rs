//! Every way an input can be bad, through the CLI: a clear message on stderr naming the
//! input, an error document in its place, the other inputs still read, exit code 1.

use std::path::PathBuf;
use std::process::{Command, Output};

fn vietfacts(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vietfacts"))
        .args(args)
        .output()
        .unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vietfacts-errors-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `extract --format jsonl` on a good file and `bad`, and returns the bad one's
/// document and stderr, after checking the good one was read and the exit code is 1.
fn batch_with(bad: &std::path::Path, extra: &[&str]) -> (serde_json::Value, String) {
    let dir = bad.parent().unwrap();
    let good = dir.join("good.txt");
    std::fs::write(&good, "Sáng 9-1, hội nghị tổng kết.").unwrap();
    let mut args = vec!["extract", "--format", "jsonl"];
    args.extend_from_slice(extra);
    args.push(bad.to_str().unwrap());
    args.push(good.to_str().unwrap());
    let output = vietfacts(&args);
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[1]["facts"].is_object(),
        "the good file after the bad one is read"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(bad.to_str().unwrap()),
        "stderr names the input: {stderr}"
    );
    (lines[0].clone(), stderr)
}

#[test]
fn a_missing_file_names_its_path() {
    let dir = temp_dir("missing");
    let (document, stderr) = batch_with(&dir.join("nowhere.txt"), &[]);
    assert_eq!(document["error"]["kind"], "not_found");
    assert!(stderr.contains("No such file"), "{stderr}");
}

#[test]
fn a_directory_without_recursive_says_how() {
    let dir = temp_dir("directory");
    let sub = dir.join("reports");
    std::fs::create_dir_all(&sub).unwrap();
    let (document, stderr) = batch_with(&sub, &[]);
    assert_eq!(document["error"]["kind"], "io");
    assert!(stderr.contains("--recursive"), "{stderr}");
}

#[test]
fn invalid_utf8_names_the_offset_and_suggests_encoding() {
    let dir = temp_dir("utf8");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"Ng\xC3\xA0y 15/3 \xC3").unwrap();
    let (document, stderr) = batch_with(&bad, &["--encoding", "utf-8"]);
    assert_eq!(document["error"]["kind"], "invalid_encoding");
    assert_eq!(document["error"]["offset"], 11);
    assert!(
        stderr.contains("byte 11") && stderr.contains("--encoding"),
        "{stderr}"
    );
}

#[test]
fn a_binary_file_is_refused_unless_forced() {
    let dir = temp_dir("binary");
    let bad = dir.join("image.txt");
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00").unwrap();
    let (document, stderr) = batch_with(&bad, &[]);
    assert_eq!(document["error"]["kind"], "binary");
    assert!(stderr.contains("--force"), "{stderr}");

    let text_with_nul = dir.join("nul.txt");
    std::fs::write(&text_with_nul, b"Chi\xE1\xBB\x81u 21/3\x00").unwrap();
    let output = vietfacts(&[
        "extract",
        "--format",
        "jsonl",
        "--force",
        text_with_nul.to_str().unwrap(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn an_empty_file_has_empty_facts_not_an_error() {
    let dir = temp_dir("empty");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let output = vietfacts(&["extract", "--format", "jsonl", empty.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(document["facts"]["dates"].as_array().unwrap().is_empty());
    assert!(document.get("error").is_none());
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let dir = temp_dir("large");
    let big = dir.join("big.txt");
    std::fs::write(&big, "Hội nghị tổng kết. ".repeat(100)).unwrap();
    let (document, stderr) = batch_with(&big, &["--max-bytes", "1000"]);
    assert_eq!(document["error"]["kind"], "too_large");
    assert!(
        stderr.contains("--max-bytes") && stderr.contains("1000"),
        "{stderr}"
    );
}
