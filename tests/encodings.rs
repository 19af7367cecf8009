//! One report in every encoding and every messy form it reaches the library in: each is
//! detected, decoded and normalized to the same text, and gives the same facts.

mod common;
use common::without_spans;

use std::path::{Path, PathBuf};
use std::process::Command;

use vietfacts::facts::EncodingName;
use vietfacts::text::decode::{DecodeOptions, decode};
use vietfacts::{Extractor, NormalizeOptions, normalize, normalize_with};

const REPORT: &str = "lop-boi-duong-chinh-tri";

fn fixture(suffix: &str) -> PathBuf {
    let name = if suffix.is_empty() {
        format!("{REPORT}.txt")
    } else {
        format!("{REPORT}.{suffix}.txt")
    };
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/reports")
        .join(name)
}

/// (variant, the encoding detection must find, whether mojibake repair is needed)
const VARIANTS: &[(&str, EncodingName, bool)] = &[
    ("cp1258", EncodingName::Cp1258, false),
    ("tcvn3", EncodingName::Tcvn3, false),
    ("vni", EncodingName::Vni, false),
    ("utf16le", EncodingName::Utf16Le, false),
    ("nfd-crlf", EncodingName::Utf8, false),
    ("tcvn3-mojibake", EncodingName::Utf8, true),
];

#[test]
fn every_variant_normalizes_to_the_original_text() {
    let original = std::fs::read_to_string(fixture("")).unwrap();
    let expected = normalize(&original).into_text();
    for &(suffix, encoding, mojibake) in VARIANTS {
        let bytes = std::fs::read(fixture(suffix)).unwrap();
        let decoded = decode(&bytes, DecodeOptions::new()).unwrap();
        assert_eq!(decoded.encoding.name, encoding, "{suffix}");
        assert!(
            decoded.encoding.confidence >= 0.9,
            "{suffix}: {:?}",
            decoded.encoding
        );
        let normalized = normalize_with(&decoded.text, NormalizeOptions::new().mojibake(mojibake));
        assert_eq!(normalized.text(), expected, "{suffix}");
        if mojibake {
            assert!(normalized.repaired_from().is_some());
            // Without repair (the library's default), the mojibake stays.
            assert_ne!(normalize(&decoded.text).text(), expected);
        }
    }
}

#[test]
fn every_variant_gives_the_same_facts() {
    let extractor = Extractor::new().normalize_options(NormalizeOptions::new().mojibake(true));
    let original = extractor.document_from_bytes("r", &std::fs::read(fixture("")).unwrap());
    let expected = serde_json::to_value(original.facts().unwrap()).unwrap();
    for &(suffix, _, _) in VARIANTS {
        let document = extractor.document_from_bytes("r", &std::fs::read(fixture(suffix)).unwrap());
        let facts = serde_json::to_value(document.facts().unwrap()).unwrap();
        // Spans point into each variant's own decoded text, so compare everything else.
        assert_eq!(
            without_spans(facts),
            without_spans(expected.clone()),
            "{suffix}"
        );
    }
}

#[test]
fn the_cli_detects_each_encoding() {
    let paths: Vec<PathBuf> = VARIANTS
        .iter()
        .map(|(suffix, _, _)| fixture(suffix))
        .collect();
    let output = Command::new(env!("CARGO_BIN_EXE_vietfacts"))
        .args(["extract", "--format", "jsonl"])
        .args(&paths)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let names: Vec<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let document: serde_json::Value = serde_json::from_str(line).unwrap();
            document["encoding"]["name"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(
        names,
        ["cp1258", "tcvn3", "vni", "utf-16le", "utf-8", "utf-8"]
    );

    // The CLI's `auto` repairs mojibake, so `normalize` prints the original text.
    let output = Command::new(env!("CARGO_BIN_EXE_vietfacts"))
        .arg("normalize")
        .arg(fixture("tcvn3-mojibake"))
        .output()
        .unwrap();
    let original = std::fs::read_to_string(fixture("")).unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        normalize(&original).text()
    );
}

#[test]
fn random_bytes_are_refused_with_the_offset() {
    // A deterministic xorshift stream: no encoding makes Vietnamese of it. (No NUL bytes:
    // those make it a binary file, refused as such; see tests/cli_errors.rs.)
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            ((state >> 24) as u8).max(1)
        })
        .collect();
    let error = decode(&bytes, DecodeOptions::new()).unwrap_err();
    assert!(error.is_encoding());
    let first_invalid = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
    assert_eq!(error.offset(), Some(first_invalid));
    let message = error.to_string();
    for needed in ["utf-8", "cp1258", "tcvn3", "vni", "--encoding"] {
        assert!(message.contains(needed), "{message}");
    }

    let dir = std::env::temp_dir().join(format!("vietfacts-random-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("random.bin");
    std::fs::write(&path, &bytes).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_vietfacts"))
        .args(["extract", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document["error"]["kind"], "invalid_encoding");
    assert_eq!(document["error"]["offset"], first_invalid);
}

#[test]
fn a_forced_encoding_is_used_as_asked() {
    let bytes = std::fs::read(fixture("vni")).unwrap();
    let decoded = decode(
        &bytes,
        DecodeOptions::new().encoding(Some(EncodingName::Vni)),
    )
    .unwrap();
    assert_eq!(decoded.encoding.name, EncodingName::Vni);
    assert_eq!(decoded.encoding.confidence, 1.0);
    let original = std::fs::read_to_string(fixture("")).unwrap();
    assert_eq!(normalize(&decoded.text).text(), normalize(&original).text());
}
