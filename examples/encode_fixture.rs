//! Writes the encoded variants of a UTF-8 fixture report beside it, for the encoding tests:
//! `<stem>.cp1258.txt`, `<stem>.tcvn3.txt`, `<stem>.vni.txt` (legacy bytes from the
//! character charts), `<stem>.utf16le.txt` (with a BOM), `<stem>.nfd-crlf.txt` (decomposed
//! letters, the other tone style, NBSP and zero-width spaces, CRLF) and
//! `<stem>.tcvn3-mojibake.txt` (TCVN3 bytes that were decoded as Windows-1252 and saved as
//! UTF-8, as happens when an old file goes through a tool that guessed wrong).
//!
//! ```sh
//! cargo run --example encode_fixture -- fixtures/reports/lop-boi-duong-chinh-tri.txt
//! ```

use std::path::Path;

use unicode_normalization::UnicodeNormalization;
use vietfacts::text::legacy::{LegacyEncoding, encode_legacy};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: encode_fixture REPORT.txt");
        std::process::exit(2);
    };
    let path = Path::new(&path);
    let text = std::fs::read_to_string(path)?;
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or("the report has no file name")?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let write = |suffix: &str, bytes: &[u8]| -> std::io::Result<()> {
        let target = dir.join(format!("{stem}.{suffix}.txt"));
        std::fs::write(&target, bytes)?;
        println!("wrote {}", target.display());
        Ok(())
    };
    for encoding in LegacyEncoding::ALL {
        let bytes = encode_legacy(&text, encoding)
            .ok_or_else(|| format!("the report cannot be written in {}", encoding.name()))?;
        write(encoding.name(), &bytes)?;
        if encoding == LegacyEncoding::Tcvn3 {
            let (mojibake, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
            write("tcvn3-mojibake", mojibake.as_bytes())?;
        }
    }
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    write("utf16le", &utf16)?;
    let modern = vietfacts::normalize_with(
        &text,
        vietfacts::NormalizeOptions::new().tone_style(Some(vietfacts::ToneStyle::Modern)),
    )
    .into_text();
    let messy: String = modern
        .replace(", ", ",\u{A0}")
        .replace(" và ", " và\u{200B} ")
        .replace('\n', "\r\n")
        .nfd()
        .collect();
    write("nfd-crlf", messy.as_bytes())?;
    Ok(())
}
