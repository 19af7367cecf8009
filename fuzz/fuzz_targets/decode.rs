//! Any bytes, any options: decoding returns text or an error whose offset lies inside the
//! input; it never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vietfacts::facts::EncodingName;
use vietfacts::text::decode::{DecodeOptions, decode};

fuzz_target!(|data: &[u8]| {
    let encodings = [
        None,
        Some(EncodingName::Utf8),
        Some(EncodingName::Utf16Le),
        Some(EncodingName::Utf16Be),
        Some(EncodingName::Cp1258),
        Some(EncodingName::Tcvn3),
        Some(EncodingName::Vni),
    ];
    for encoding in encodings {
        for lossy in [false, true] {
            let options = DecodeOptions::new().encoding(encoding).lossy(lossy);
            match decode(data, options) {
                Ok(decoded) => assert!(decoded.encoding.confidence <= 1.0),
                Err(error) => {
                    if let Some(offset) = error.offset() {
                        assert!(offset <= data.len());
                    }
                }
            }
        }
    }
});
