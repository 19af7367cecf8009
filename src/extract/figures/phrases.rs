//! The noun phrase a figure counts or measures: "hộ gia đình" in "17.279/18.121 hộ gia đình
//! đăng ký ...", "các đảng bộ phường, xã" in "100% các đảng bộ phường, xã đã xuất bản ...".

use std::ops::Range;
use std::sync::LazyLock;

use super::lexicon::UNITS;
use super::words::{Doc, PhraseMap, is_title_case, words_after, words_before};

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
pub(super) fn noun_phrase_after(doc: Doc<'_>, pos: usize) -> Option<Range<usize>> {
    let text = doc.text;
    let mut start = None;
    let mut end = pos;
    let mut at = pos;
    let mut taken = 0;
    loop {
        let mut stopped = false;
        for word in words_after(text, at, MAX_WORDS).iter() {
            let stop = STOPS
                .longest_after(doc, word.start)
                .is_some_and(|(_, r)| r.start == word.start);
            let written = text.get(word.clone()).unwrap_or_default();
            // A name ("... chỉ tiêu mà Nghị quyết ...") or a number ends the phrase.
            let ends = taken > 0
                && (is_title_case(written) || written.starts_with(|c: char| c.is_ascii_digit()));
            if taken >= MAX_WORDS || stop || ends {
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
        let continues = after_comma
            && doc
                .word_after(end + 1)
                .is_some_and(|w| UNITS.get(&doc.lower_of(w)).is_some());
        if !continues {
            break;
        }
        at = end + 1;
    }
    start.map(|s| s..end)
}

/// Words cut from the end of the clause before a figure: verbs of reaching, qualifiers,
/// numbers, date words ("thu ngân sách ... năm 2024 ước đạt").
const FILLERS: &[&str] = &[
    "đạt", "ước", "là", "với", "mức", "trị", "giá", "gồm", "có", "được", "đã", "thêm", "và",
    "khoảng", "hơn", "trên", "gần", "xuống", "tới", "đến", "còn", "tính", "mỗi", "từ", "chiếm",
    "bằng", "năm", "tháng", "ngày", "tăng", "giảm", "ở", "mới", "chỉ",
];

/// What a figure at `start` is about when the clause before it says so: the clause's words
/// (up to punctuation) without the verbs of reaching and the qualifiers at its end, at most
/// `max_words` words ("thu ngân sách nhà nước trên địa bàn | ước đạt 1.250 tỷ đồng").
pub(super) fn clause_before(doc: Doc<'_>, start: usize, max_words: usize) -> Option<Range<usize>> {
    let mut before = words_before(doc.text, start, 16);
    let mut after_number = false;
    while let Some(last) = before.last() {
        let lower = doc.lower_of(last.clone());
        let number = lower.bytes().any(|b| b.is_ascii_digit());
        // "năm" goes with the year it introduces ("năm 2024 đạt"), not in "cả năm".
        let date_word = matches!(&*lower, "năm" | "tháng" | "ngày");
        if number || (FILLERS.contains(&&*lower) && (!date_word || after_number)) {
            before.pop();
            after_number = number;
        } else {
            break;
        }
    }
    // "mỗi giải B trị giá": the rate's unit is not the subject.
    if let Some(i) = before.iter().rposition(|w| doc.word_is(w, "mỗi")) {
        before.truncate(i);
    }
    let keep = before.len().saturating_sub(max_words);
    let before = before.get(keep..)?;
    Some(before.first()?.start..before.last()?.end)
}

#[cfg(test)]
mod tests {
    use super::super::words::tests::with_doc;
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
            let got = with_doc(text, |doc| noun_phrase_after(doc, 0)).map(|r| &text[r]);
            assert_eq!(got, expected, "{text}");
        }
    }
}
