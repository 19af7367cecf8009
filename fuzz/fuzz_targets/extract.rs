//! Any text: extraction never panics, and every fact's span lies inside the input on char
//! boundaries, with char offsets that agree with the byte offsets.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let extractor = vietfacts::Extractor::new().reference_date("2024-01-11".parse().ok());
    let document = extractor.document("fuzz", text);
    for row in vietfacts::table::rows(&document) {
        if let (Some(start), Some(end)) = (row.start, row.end) {
            assert!(start <= end && end <= text.len(), "{row:?}");
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            let char_start = text[..start].chars().count();
            assert_eq!(row.char_start, Some(char_start));
        }
    }
});
