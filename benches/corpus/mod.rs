//! The benchmark corpus: the fixture reports, repeated to a size where throughput is stable,
//! and variants of it that need normalization work.

use unicode_normalization::UnicodeNormalization;

/// The text of every UTF-8 fixture report (`<stem>.txt`, not the encoded copies).
pub fn report_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/reports");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures/reports exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        // `<stem>.txt` only: `<stem>.<variant>.txt` are encoded copies of the same reports.
        .filter(|path| {
            path.extension().is_some_and(|ext| ext == "txt")
                && path
                    .file_stem()
                    .and_then(|stem| stem.to_str())
                    .is_some_and(|stem| !stem.contains('.'))
        })
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect();
    assert!(
        !texts.is_empty(),
        "no fixture reports to build the corpus from"
    );
    texts
}

/// How many times the reports are repeated to make at least `min_bytes`.
#[allow(dead_code)] // each bench target uses its own part of this module
pub fn repeats(min_bytes: usize, texts: &[String]) -> usize {
    let total: usize = texts.iter().map(String::len).sum::<usize>().max(1);
    min_bytes.div_ceil(total)
}

/// At least `min_bytes` of report text: every UTF-8 fixture report, repeated.
#[allow(dead_code)]
pub fn reports(min_bytes: usize) -> String {
    let texts = report_texts();
    let mut corpus = String::with_capacity(min_bytes + 64 * 1024);
    while corpus.len() < min_bytes {
        for text in &texts {
            corpus.push_str(text);
            corpus.push('\n');
        }
    }
    corpus
}

#[allow(dead_code)]
/// Realistic text needing work: every tenth line decomposed (NFD), NBSP after commas, CRLF
/// line ends, and a few words in the other tone style.
pub fn needing_work(normal: &str) -> String {
    let mut out = String::with_capacity(normal.len() + normal.len() / 8);
    for (i, line) in normal.lines().enumerate() {
        let line = line
            .replace(", ", ",\u{A0}")
            .replace("hòa", "hoà")
            .replace("ủy", "uỷ");
        if i % 10 == 0 {
            out.extend(line.nfd());
        } else {
            out.push_str(&line);
        }
        out.push_str("\r\n");
    }
    out
}

#[allow(dead_code)]
/// Every letter decomposed.
pub fn fully_decomposed(normal: &str) -> String {
    normal.nfd().collect()
}

#[allow(dead_code)]
/// The text with every open oa/oe/uy syllable in the other tone style ("hòa" → "hoà"): what
/// normalization to the default style has to rewrite.
pub fn modern_tone_style(normal: &str) -> String {
    vietfacts::normalize_with(
        normal,
        vietfacts::NormalizeOptions::new().tone_style(Some(vietfacts::ToneStyle::Modern)),
    )
    .into_text()
}
