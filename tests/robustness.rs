//! Extraction on fixture text with random edits: never a panic, every span inside the input
//! on char boundaries, each quotation's span holding its text, and the same facts from the
//! normalized text as from the raw text.

mod common;
use common::{fixture_texts, without_spans};

use proptest::prelude::*;
use vietfacts::facts::{Document, Span};
use vietfacts::text::fold::fold;
use vietfacts::{Extractor, normalize};

/// An edit: at a fraction of the text, delete some chars and insert a piece.
#[derive(Debug, Clone)]
struct Edit {
    at: f64,
    delete: usize,
    insert: String,
}

fn edit() -> impl Strategy<Value = Edit> {
    let pieces = prop::sample::select(vec![
        "",
        " ",
        "\n",
        "\r\n",
        "\u{A0}",
        "\u{200B}",
        "\u{301}",
        "\u{309}",
        "/",
        "%",
        ",",
        ".",
        "-",
        "12",
        "17.279/18.121",
        "95,45%",
        "ngày 15/3/2024",
        "đồng chí ",
        "Ban chỉ đạo 35",
        "hoà",
        "Ðồng",
        "Trực tuyến: 219\n",
        "tỷ đồng",
        "trên ",
        "lúc 8h30",
        "(",
        ")",
        "“",
        "Đ/c ",
        "Thành uỷ",
        "năm",
        "XIII",
        "😀",
        "\u{0}",
    ]);
    (0.0..1.0f64, 0usize..12, pieces).prop_map(|(at, delete, insert)| Edit {
        at,
        delete,
        insert: insert.to_string(),
    })
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for edit in edits {
        let at = ((chars.len() as f64) * edit.at) as usize;
        let end = (at + edit.delete).min(chars.len());
        chars.splice(at..end, edit.insert.chars());
    }
    chars.into_iter().collect()
}

/// Every span of a document with the fact's text where the fact quotes the report.
fn quotations(document: &Document) -> Vec<(Span, String)> {
    let facts = document.facts().unwrap();
    let mut out = Vec::new();
    out.extend(facts.dates.iter().map(|f| (f.span, f.text.clone())));
    out.extend(facts.counts.iter().map(|f| (f.span, f.text.clone())));
    out.extend(facts.money.iter().map(|f| (f.span, f.text.clone())));
    out.extend(facts.durations.iter().map(|f| (f.span, f.text.clone())));
    out.extend(facts.statistics.iter().map(|s| {
        let text = match s {
            vietfacts::facts::Statistic::Ratio(r) => r.text.clone(),
            vietfacts::facts::Statistic::Percent(p) => p.text.clone(),
            _ => String::new(),
        };
        (s.span(), text)
    }));
    out.extend(facts.authors.iter().map(|a| (a.span, a.name.clone())));
    out
}

fn all_spans(document: &Document) -> Vec<Span> {
    let facts = document.facts().unwrap();
    let mut spans: Vec<Span> = quotations(document).into_iter().map(|(s, _)| s).collect();
    for official in &facts.officials {
        spans.extend(official.mentions.iter().copied());
    }
    for organization in &facts.organizations {
        spans.extend(organization.mentions.iter().copied());
    }
    spans.extend(facts.documents.iter().map(|d| d.span));
    spans
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn edited_reports_give_sound_facts(index in 0usize..64, edits in prop::collection::vec(edit(), 0..12)) {
        let texts = fixture_texts();
        let text = apply(&texts[index % texts.len()], &edits);
        let extractor = Extractor::new().reference_date("2024-06-01".parse().ok());
        let document = extractor.document("edited", &text);
        for span in all_spans(&document) {
            prop_assert!(span.start <= span.end && span.end <= text.len(), "{:?}", span);
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert_eq!(span.char_start, text[..span.start].chars().count());
            prop_assert_eq!(span.char_end, text[..span.end].chars().count());
        }
        for (span, quoted) in quotations(&document) {
            let source = normalize(&text[span.range()]).into_text();
            prop_assert_eq!(fold(&source), fold(&quoted), "span {:?}", span);
        }
    }

    #[test]
    fn the_normalized_text_gives_the_same_facts(index in 0usize..64, edits in prop::collection::vec(edit(), 0..6)) {
        let texts = fixture_texts();
        let raw = apply(&texts[index % texts.len()], &edits);
        let normalized = normalize(&raw).into_text();
        let extractor = Extractor::new().reference_date("2024-06-01".parse().ok());
        let from_raw = serde_json::to_value(extractor.extract(&raw)).unwrap();
        let from_normalized = serde_json::to_value(extractor.extract(&normalized)).unwrap();
        prop_assert_eq!(without_spans(from_raw), without_spans(from_normalized));
    }
}

#[test]
fn hostile_inputs_finish_without_panic() {
    let extractor = Extractor::new();
    let inputs = [
        "đồng chí ".repeat(20_000),
        "1".repeat(200_000),
        "/".repeat(100_000),
        format!("a{}", "\u{301}".repeat(50_000)),
        "17.279/18.121 ".repeat(10_000),
        "Ban chỉ đạo 35, ".repeat(10_000),
        "ngày 15/3/2024 ".repeat(10_000),
        "(".repeat(50_000),
        "Phó Chủ tịch HĐND tỉnh ".repeat(5_000),
        "\n".repeat(100_000),
    ];
    for input in &inputs {
        let document = extractor.document("hostile", input);
        for span in all_spans(&document) {
            assert!(
                span.end <= input.len()
                    && input.is_char_boundary(span.start)
                    && input.is_char_boundary(span.end)
            );
        }
    }
}
