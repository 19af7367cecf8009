//! The noun phrase a figure counts or measures: "hộ gia đình" in "17.279/18.121 hộ gia đình
//! đăng ký ...", "các đảng bộ phường, xã" in "100% các đảng bộ phường, xã đã xuất bản ...".

use std::ops::Range;
use std::sync::LazyLock;

use super::lexicon::UNITS;
use super::words::{PhraseMap, lower_phrase, words_after};

static STOPS: LazyLock<PhraseMap<()>> = LazyLock::new(|| {
    PhraseMap::new(
        include_str!("../../lexicon/phrase_stops.txt")
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(|line| (line.to_string(), ())),
    )
});

/// At most this many words in a subject.
const MAX_WORDS: usize = 7;

/// The noun phrase that starts at the first word after `pos`: up to a stop word, punctuation
/// or seven words. A comma followed by another counted noun continues it ("phường, xã").
pub(super) fn noun_phrase_after(text: &str, pos: usize) -> Option<Range<usize>> {
    let mut start = None;
    let mut end = pos;
    let mut at = pos;
    let mut taken = 0;
    loop {
        let mut stopped = false;
        for word in words_after(text, at, MAX_WORDS) {
            let stop = STOPS
                .longest_after(text, word.start)
                .is_some_and(|(_, r)| r.start == word.start);
            if taken >= MAX_WORDS || stop {
                stopped = true;
                break;
            }
            start.get_or_insert(word.start);
            end = word.end;
            taken += 1;
        }
        if stopped || taken == 0 || taken >= MAX_WORDS {
            break;
        }
        // ", xã" after "phường": one more counted noun continues the phrase.
        let after_comma = text.get(end..).is_some_and(|rest| rest.starts_with(", "));
        let next = words_after(text, end + 1, 1);
        let continues = after_comma
            && next.first().is_some_and(|w| {
                UNITS
                    .get(&lower_phrase(text, std::slice::from_ref(w)))
                    .is_some()
            });
        if !continues {
            break;
        }
        at = end + 1;
    }
    start.map(|s| s..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases() {
        for (text, expected) in [
            (" hộ gia đình đăng ký đạt danh hiệu", Some("hộ gia đình")),
            (
                " khu dân cư đạt văn hóa; có",
                Some("khu dân cư đạt văn hóa"),
            ),
            (
                " các đảng bộ phường, xã đã xuất bản",
                Some("các đảng bộ phường, xã"),
            ),
            (" chỉ tiêu đã đề ra", Some("chỉ tiêu")),
            (", đạt", None),
            (" được", None),
        ] {
            let got = noun_phrase_after(text, 0).map(|r| &text[r]);
            assert_eq!(got, expected, "{text}");
        }
    }
}
