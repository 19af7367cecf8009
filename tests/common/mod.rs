//! What the integration tests share: running the CLI, scratch directories, the fixture
//! reports, and comparing facts without their spans.
// Each test binary uses its own part of this module.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Runs `vietfacts` with `args`, writing `stdin` to it from another thread (the child may
/// fill its stdout before it has read all of its input).
pub fn vietfacts(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vietfacts"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || pipe.write_all(&input));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
}

/// The child's stdout as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// The child's stdout as JSON Lines.
pub fn jsonl(output: &Output) -> Vec<serde_json::Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// An empty scratch directory of this test run.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vietfacts-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The UTF-8 fixture reports (`<stem>.txt`, not their encoded copies), sorted.
pub fn fixture_reports() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/reports");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .matches('.')
                .count()
                == 1
        })
        .collect();
    paths.sort();
    paths
}

/// The texts of [`fixture_reports`].
pub fn fixture_texts() -> Vec<String> {
    fixture_reports()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// A JSON value with every `span` and `mentions` member removed: for comparing the facts of
/// texts whose offsets differ (an encoded copy, the normalized text).
pub fn without_spans(mut value: serde_json::Value) -> serde_json::Value {
    match &mut value {
        serde_json::Value::Object(map) => {
            map.remove("span");
            map.remove("mentions");
            for member in map.values_mut() {
                *member = without_spans(member.take());
            }
        }
        serde_json::Value::Array(items) => {
            for item in items.iter_mut() {
                *item = without_spans(item.take());
            }
        }
        _ => {}
    }
    value
}
