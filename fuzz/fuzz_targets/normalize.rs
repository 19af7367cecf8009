//! Any text: normalization is idempotent and every span maps inside the input, on char
//! boundaries, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vietfacts::{NormalizeOptions, ToneStyle, normalize_with};

fuzz_target!(|text: &str| {
    for options in [
        NormalizeOptions::new(),
        NormalizeOptions::new().tone_style(Some(ToneStyle::Modern)),
        NormalizeOptions::new().mojibake(true),
    ] {
        let once = normalize_with(text, options);
        let twice = normalize_with(once.text(), options);
        if !options.mojibake {
            assert_eq!(twice.text(), once.text(), "not idempotent");
        }
        let normalized = once.text();
        let mut previous = 0;
        for (i, _) in normalized.char_indices().chain([(normalized.len(), ' ')]) {
            let span = once.span(i..normalized.len());
            assert!(span.start <= span.end && span.end <= text.len());
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert!(span.start >= previous, "spans out of order");
            previous = span.start;
        }
    }
});
