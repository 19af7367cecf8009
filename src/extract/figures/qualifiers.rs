//! How exact a figure is: "trên 210 văn bản", "gần 340 bài viết", "ước đạt 1.250 tỷ đồng",
//! "từ 95,65% trở lên". The words are the data file `qualifiers.txt`.

use super::lexicon::QUALIFIER_WORDS;
use super::words::{Doc, words_after};
use crate::facts::Qualifier;

/// The qualifier written right before the figure at `start`, and where the figure's text
/// begins with it.
pub(super) fn before(doc: Doc<'_>, start: usize) -> (Qualifier, usize) {
    match QUALIFIER_WORDS.longest_before(doc, start) {
        Some((qualifier, range)) => (*qualifier, range.start),
        None => (Qualifier::Exact, start),
    }
}

/// "từ X ... trở lên": at least X. `start` is where the figure (and its qualifier) begins,
/// `end` where its unit ends.
pub(super) fn at_least(doc: Doc<'_>, start: usize, end: usize) -> bool {
    doc.word_before(start)
        .is_some_and(|w| doc.word_is(&w, "từ"))
        && doc.phrase_is(&words_after(doc.text, end, 2), "trở lên")
}

/// Where the text of a figure ends when "trở lên" closes it.
pub(super) fn at_least_end(doc: Doc<'_>, end: usize) -> Option<usize> {
    let after = words_after(doc.text, end, 2);
    doc.phrase_is(&after, "trở lên")
        .then(|| after.last().map(|w| w.end))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::super::words::tests::with_doc;
    use super::*;

    #[test]
    fn qualifiers() {
        for (text, expected) in [
            ("ban hành trên 210", Qualifier::MoreThan),
            ("phản bác gần 340", Qualifier::Almost),
            ("thu ước đạt 1.250", Qualifier::Estimated),
            ("đầu tư khoảng 68", Qualifier::Approximately),
            ("dài không quá 5", Qualifier::AtMost),
            ("lên đến 500", Qualifier::Exact),
            ("có 117", Qualifier::Exact),
        ] {
            let start = text.rfind(' ').map_or(0, |i| i + 1);
            assert_eq!(
                with_doc(text, |doc| before(doc, start).0),
                expected,
                "{text}"
            );
        }
        let text = "từ 15 tuổi trở lên";
        assert!(with_doc(text, |doc| at_least(
            doc,
            5,
            text.find(" trở").unwrap_or(0)
        )));
    }
}
