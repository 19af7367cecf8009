//! Properties of normalization on arbitrary text: the offset map is exact and monotonic,
//! spans land on char boundaries inside the input, and normalizing twice changes nothing.

use proptest::prelude::*;
use vietfacts::text::normalize::{NormalizeOptions, normalize_with};
use vietfacts::{ToneStyle, normalize};

/// Characters that exercise every step: Vietnamese letters precomposed and decomposed, both
/// tone styles, spaces of every kind, line breaks, invisibles, look-alikes, and others.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            'a', 'o', 'u', 'y', 'e', 'i', 'h', 'n', 'g', 'T', 'Đ', 'đ', 'ơ', 'ư', 'â', 'ê',
            'à', 'ò', 'ỏ', 'ủ', 'ỷ', 'ẻ', 'ệ', 'ộ', 'ế', 'ữ', '1', '7', '.', ',', '/', '-',
        ]),
        3 => prop::sample::select(vec![
            ' ', ' ', '\n', '\r', '\t', '\u{A0}', '\u{2009}', '\u{202F}', '\u{3000}', '\u{2028}',
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{AD}', '\u{B}',
        ]),
        2 => prop::sample::select(vec![
            '\u{300}', '\u{301}', '\u{302}', '\u{303}', '\u{306}', '\u{309}', '\u{31B}', '\u{323}',
        ]),
        1 => prop::sample::select(vec!['\u{D0}', '\u{F0}', 'о', 'а', 'е', 'Ο', '\u{1FCB}', '\u{1F71}', '😀', '“', '–', 'ß', '한', '\u{1100}', '\u{1161}']),
        1 => any::<char>(),
    ]
}

fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..60).prop_map(|chars| chars.into_iter().collect())
}

fn options() -> impl Strategy<Value = NormalizeOptions> {
    (
        any::<[bool; 5]>(),
        prop::sample::select(vec![
            None,
            Some(ToneStyle::Traditional),
            Some(ToneStyle::Modern),
        ]),
    )
        .prop_map(|(on, tone)| {
            NormalizeOptions::new()
                .line_breaks(on[0])
                .spaces(on[1])
                .invisibles(on[2])
                .nfc(on[3])
                .lookalikes(on[4])
                .tone_style(tone)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn normalizing_twice_changes_nothing(input in tricky_text()) {
        let once = normalize(&input).into_text();
        let twice = normalize(&once).into_text();
        prop_assert_eq!(&twice, &once, "input {:?}", input);
    }

    #[test]
    fn spans_are_in_bounds_on_boundaries_and_monotonic(input in tricky_text(), options in options()) {
        let normalized = normalize_with(&input, options);
        let text = normalized.text();
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let mut previous = (0, 0);
        for (n, &a) in boundaries.iter().enumerate() {
            let start = normalized.offset_map().start_to_original(a);
            let end = normalized.offset_map().end_to_original(a);
            prop_assert!(start <= input.len() && end <= input.len());
            prop_assert!(input.is_char_boundary(start) && input.is_char_boundary(end));
            prop_assert!(start >= previous.0 && end >= previous.1, "not monotonic at {} in {:?}", a, input);
            previous = (start, end);
            for &b in boundaries.iter().skip(n) {
                let span = normalized.span(a..b);
                prop_assert!(span.start <= span.end);
                prop_assert_eq!(span.char_start, input[..span.start].chars().count());
                prop_assert_eq!(span.char_end, input[..span.end].chars().count());
            }
        }
        let whole = normalized.span(0..text.len());
        prop_assert!(whole.end <= input.len());
    }

    #[test]
    fn unchanged_stretches_map_to_the_same_text(input in tricky_text()) {
        // Wherever the normalized text and the input agree on a stretch, a span over it
        // points at exactly that stretch in the input.
        let normalized = normalize(&input);
        let text = normalized.text();
        for (i, c) in text.char_indices() {
            let span = normalized.span(i..i + c.len_utf8());
            let source = &input[span.range()];
            let lookalike = |c: char| matches!(c, '\u{D0}' | '\u{F0}' | '\u{370}'..='\u{52F}' | '\u{1F00}'..='\u{1FFF}');
            if source.chars().count() == 1 && !source.chars().all(|c| c.is_whitespace() || lookalike(c)) {
                // The source char, normalized on its own, holds this char (a compatibility or
                // canonical decomposition can make one source char into several).
                let folded = |s: &str| vietfacts::text::fold::fold(s);
                let source_normalized = folded(normalize(source).text());
                prop_assert!(
                    source_normalized.contains(&folded(&c.to_string())),
                    "{:?} does not come from {:?}", c, source
                );
            }
        }
    }
}

#[test]
fn a_precomposed_char_that_decomposes_maps_back_whole() {
    // U+FB1F (Hebrew ligature yiddish yod yod patah) is excluded from composition: NFC makes
    // two chars of it, and both map back to the one input char.
    let input = "\u{FB1F}a";
    let normalized = normalize(input);
    assert_eq!(normalized.text(), "\u{5F2}\u{5B7}a");
    assert_eq!(normalized.span(0..2).range(), 0..3);
    assert_eq!(normalized.span(2..4).range(), 0..3);
    assert_eq!(normalized.span(4..5).range(), 3..4);
}

#[test]
fn a_large_mixed_text_round_trips_its_words() {
    // Every word of a long text maps back to a piece of input that normalizes to it.
    let input = "Ho\u{300}a\u{A0}Bi\u{300}nh, Thành uỷ;\r\n  \u{200B}Ðồng chí  Nguye\u{302}\u{303}n Văn Hải\t(15/3)\n".repeat(50);
    let normalized = normalize(&input);
    let text = normalized.text();
    let mut offset = 0;
    for word in text.split([' ', '\n']) {
        if !word.is_empty() {
            let span = normalized.span(offset..offset + word.len());
            assert_eq!(normalize(&input[span.range()]).text(), word, "{word}");
        }
        offset += word.len() + 1;
    }
}

#[test]
fn inputs_found_by_fuzzing_stay_fixed() {
    // Every crash input a fuzz target found, kept as a file and replayed here.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let once = normalize(&text).into_text();
        assert_eq!(normalize(&once).text(), once, "normalization is idempotent");
        let document = vietfacts::Extractor::new().document("fuzz", &text);
        assert!(document.facts().is_some());
        count += 1;
    }
    assert!(count > 0, "the regression inputs are there");
}
