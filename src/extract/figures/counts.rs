//! Counts: a number and the noun it counts, "11 lớp", "551 lượt học viên", "hai lớp",
//! "ba nghìn lượt đoàn viên". The nouns and their categories are the data file
//! `count_units.txt`; the longest noun wins ("hộ gia đình" before "hộ").

use std::ops::Range;

use super::lexicon::UNITS;
use super::words::{Doc, char_at};
use crate::facts::CountCategory;

/// The counted noun right after the number that ends at `end` (one space between), with its
/// category. A noun followed by "/" is the first half of a rate ("261 người/km2", "3,45
/// người/hộ"): an average, not a count.
pub(super) fn unit_after(doc: Doc<'_>, end: usize) -> Option<(CountCategory, Range<usize>)> {
    if doc.text.as_bytes().get(end) != Some(&b' ') {
        return None;
    }
    let (category, range) = UNITS.longest_after(doc, end)?;
    if range.start != end + 1 || char_at(doc.text, range.end) == Some('/') {
        return None;
    }
    Some((*category, range))
}

/// "diện tích nhà ở bình quân đầu người đạt 27,4 m2": an average, not a count of things.
/// `words` are the [`AVERAGE_WORDS`] words before the figure (`words::words_before`).
pub(super) fn is_average(doc: Doc<'_>, words: &[Range<usize>]) -> bool {
    words
        .windows(2)
        .any(|pair| doc.phrase_is(pair, "bình quân"))
}

/// How many words before a count [`is_average`] looks at.
pub(super) const AVERAGE_WORDS: usize = 8;

#[cfg(test)]
mod tests {
    use super::super::words::tests::with_doc;
    use super::*;

    #[test]
    fn units() {
        for (text, expected) in [
            (
                "551 lượt học viên.",
                Some((CountCategory::Participant, "lượt học viên")),
            ),
            (
                "9 nhà văn hóa thôn",
                Some((CountCategory::Facility, "nhà văn hóa")),
            ),
            (
                "125 tập thể, 91",
                Some((CountCategory::Collective, "tập thể")),
            ),
            ("3 giải pháp", Some((CountCategory::Other, "giải pháp"))),
            ("261 người/km2", None),
            ("12 sao", None),
            ("12người", None),
        ] {
            let end = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
            let got = with_doc(text, |doc| unit_after(doc, end)).map(|(c, r)| (c, &text[r]));
            assert_eq!(got, expected, "{text}");
        }
    }
}
