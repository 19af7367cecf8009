//! Numbers that are never facts: names ("Ban chỉ đạo 35", "nhóm Mocha 35"), ordinals ("lần
//! thứ 3", "Hội nghị Trung ương 6, 7, 8"), places ("tầng 2", "số 12 đường ..."), dates and
//! times ("ngày 15", "lúc 8 giờ"), document and road codes ("05-CT/TW", "ĐH.07", "Km 45+300"),
//! phone numbers, and the related headlines that close a web page.
//!
//! Counts come before their noun in Vietnamese ("35 thành phố" would be 35 cities); a number
//! after a noun is its label. The label words are the data file `not_fact_contexts.txt`; a
//! title-case word right before a number (a proper name) is one too.

use super::lexicon::{LABEL_CONTEXTS, LabelReason, RELATED_NEWS_LABELS};
use super::words::{Doc, char_at, char_before, is_title_case, prev_char};

/// What kind of label a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Label {
    /// A name, an ordinal or a place: the numbers listed after it are labels too
    /// ("Trung ương 6, 7, 8", "thôn 3 và 5").
    Listed,
    /// A code, a date, a time: "chiều 9-12, 11 lượt đại biểu" goes on with a count.
    Single,
}

/// Whether the number at `start..end` is a label or a code rather than a figure, and which.
/// `last_listed_end` is the end of the previous number found to be a listed label.
pub(super) fn label(
    doc: Doc<'_>,
    start: usize,
    end: usize,
    last_listed_end: Option<usize>,
) -> Option<Label> {
    let text = doc.text;
    if is_code(text, start, end) {
        return Some(Label::Single);
    }
    if continues_a_label_list(text, start, last_listed_end) || name_before(doc, start) {
        return Some(Label::Listed);
    }
    match label_word_before(doc, start)? {
        LabelReason::Name | LabelReason::Ordinal | LabelReason::Place => Some(Label::Listed),
        _ => Some(Label::Single),
    }
}

/// A number glued into a code: "05-CT/TW", "ĐH.07", "Km 45+300", "1234/QĐ-UBND".
fn is_code(text: &str, start: usize, end: usize) -> bool {
    let glued_after = match (
        char_at(text, end),
        text.get(end..).and_then(|s| s.chars().nth(1)),
    ) {
        (Some('-' | '/' | '+' | '_'), Some(next)) => {
            crate::text::is_alpha(next)
                || (next.is_ascii_digit() && char_at(text, end) == Some('+'))
        }
        (Some('.'), Some(next)) => crate::text::is_alpha(next) && next.is_lowercase(),
        _ => false,
    };
    let glued_before = match char_before(text, start) {
        Some('.' | '-' | '/' | '+' | '_') => text
            .get(..start)
            .and_then(|head| head.chars().rev().nth(1))
            .is_some_and(crate::text::is_alnum),
        _ => false,
    };
    glued_after || glued_before
}

/// "6, 7, 8" after "Trung ương 6"; "thứ 5, thứ 6" is caught by its own word.
fn continues_a_label_list(text: &str, start: usize, last_label_end: Option<usize>) -> bool {
    let Some(last) = last_label_end else {
        return false;
    };
    let Some(between) = text.get(last..start) else {
        return false;
    };
    matches!(between, ", " | " và " | " hoặc " | ",")
}

/// A label word right before the number: "tầng", "lần thứ", "Ban chỉ đạo", "ngày".
fn label_word_before(doc: Doc<'_>, start: usize) -> Option<LabelReason> {
    LABEL_CONTEXTS
        .longest_before(doc, start)
        .map(|(reason, _)| *reason)
        .filter(|reason| *reason != LabelReason::NotALabel)
}

/// The grades of a prize ("giải Nhất", "giải Khuyến khích", "giải A").
const PRIZE_GRADES: &[&str] = &[
    "Nhất", "Nhì", "Ba", "Tư", "Năm", "A", "B", "C", "D", "Đặc", "Khuyến",
];

/// A proper name right before the number ("Mocha 35", "Tam Điệp 2", "Km 45"), unless that
/// word opens its sentence ("Trong 5 năm").
fn name_before(doc: Doc<'_>, start: usize) -> bool {
    let text = doc.text;
    let Some(word) = doc.word_before(start) else {
        return false;
    };
    let written = text.get(word.clone()).unwrap_or_default();
    if !is_title_case(written) {
        return false;
    }
    // A prize grade is capitalized but names no one: "giải Nhì 3 triệu đồng".
    if PRIZE_GRADES.contains(&written)
        && doc
            .word_before(word.start)
            .and_then(|w| text.get(w))
            .is_some_and(|w| w.eq_ignore_ascii_case("giải"))
    {
        return false;
    }
    let opens_sentence = match prev_char(text, word.start) {
        None => true,
        Some((_, c)) => matches!(
            c,
            '.' | '!' | '?' | ':' | '\n' | '“' | '"' | '(' | '…' | ';'
        ),
    };
    !opens_sentence
}

/// Where the block of related headlines at the end of a page starts ("Tin cùng chuyên mục:"
/// on a line of its own in the second half of the text), or the text's length.
pub(super) fn related_news_start(doc: Doc<'_>) -> usize {
    let text = doc.text;
    let half = text.len() / 2;
    // The first line that starts in the second half: a line starts after a line break.
    let Some(mut offset) = half.checked_sub(1).map_or(Some(0), |before| {
        let rest = text.as_bytes().get(before..)?;
        rest.iter().position(|&b| b == b'\n').map(|i| half + i)
    }) else {
        return text.len();
    };
    for line in text.get(offset..).unwrap_or_default().split('\n') {
        let start = offset;
        offset += line.len() + 1;
        if line.len() > 60 {
            continue;
        }
        let trimmed = line.trim_start();
        let label_start = start + (line.len() - trimmed.len());
        let label = trimmed.trim_end().trim_end_matches([':', ' ']);
        if !label.is_empty()
            && RELATED_NEWS_LABELS
                .get(&doc.lower_of(label_start..label_start + label.len()))
                .is_some()
        {
            return start;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::super::words::tests::with_doc;
    use super::*;

    fn is_label_at(text: &str, number: &str) -> bool {
        let start = text.find(number).unwrap_or(0);
        with_doc(text, |doc| label(doc, start, start + number.len(), None)).is_some()
    }

    #[test]
    fn labels_and_codes() {
        for (text, number) in [
            ("Trưởng Ban chỉ đạo 35 thành phố", "35"),
            ("duy trì nhóm Mocha 35;", "35"),
            ("Khu công nghiệp Tam Điệp 2, khó khăn", "2"),
            ("tại phòng họp tầng 2, nhà văn hóa", "2"),
            ("Chỉ thị 05-CT/TW của Bộ Chính trị", "05"),
            ("tuyến đường ĐH.07 chậm", "07"),
            ("Trạm Km 45+300 trên tuyến", "45"),
            ("kỳ họp thứ 5 Quốc hội", "5"),
        ] {
            assert!(is_label_at(text, number), "{text}");
        }
        for (text, number) in [
            ("Trong 5 năm qua", "5"),
            ("ban hành trên 210 văn bản", "210"),
            ("với tổng số 3.200 đại biểu", "3.200"),
            ("Chủ tịch UBND 18 xã", "18"),
        ] {
            assert!(!is_label_at(text, number), "{text}");
        }
    }

    #[test]
    fn lists_go_on_after_names_only() {
        let text = "Hội nghị Trung ương 6, 7, 8 khóa XIII";
        let six = text.find('6').unwrap_or(0);
        let label_at =
            |text: &str, start, end, last| with_doc(text, |doc| label(doc, start, end, last));
        assert_eq!(label_at(text, six, six + 1, None), Some(Label::Listed));
        let eight = text.find('8').unwrap_or(0);
        assert_eq!(
            label_at(text, eight, eight + 1, Some(eight - 2)),
            Some(Label::Listed)
        );
        let text = "chiều 9-12, 11 lượt đại biểu";
        let eleven = text.find("11").unwrap_or(0);
        assert_eq!(label_at(text, eleven, eleven + 2, None), None);
    }

    #[test]
    fn related_headlines_close_the_page() {
        let text = "Một đoạn văn dài của bài báo, đủ dài.\nTin cùng chuyên mục:\nCó 12 sản phẩm";
        assert_eq!(
            with_doc(text, related_news_start),
            text.find("Tin").unwrap_or(0)
        );
        let text = "Một đoạn văn dài của bài báo, đủ dài.\n  TIN LIÊN QUAN :\nCó 12 sản phẩm";
        assert_eq!(
            with_doc(text, related_news_start),
            text.find("  TIN").unwrap_or(0)
        );
        assert_eq!(
            with_doc("Tin liên quan\nx", related_news_start),
            "Tin liên quan\nx".len()
        );
    }

    /// Only lines that start in the second half count, wherever the half falls: the search
    /// that starts at the half agrees with a look at every line.
    #[test]
    fn related_headlines_start_in_the_second_half() {
        let every_line = |text: &str| {
            let mut offset = 0;
            for line in text.split('\n') {
                let start = offset;
                offset += line.len() + 1;
                let label = line.trim().trim_end_matches([':', ' ']).to_lowercase();
                if start >= text.len() / 2 && line.len() <= 60 && label == "tin liên quan" {
                    return start;
                }
            }
            text.len()
        };
        for before in 0..40 {
            for after in 0..40 {
                let text = format!(
                    "{}\nTin liên quan:\n{}",
                    "a".repeat(before),
                    "b".repeat(after)
                );
                assert_eq!(
                    with_doc(&text, related_news_start),
                    every_line(&text),
                    "{text}"
                );
            }
        }
        assert_eq!(with_doc("", related_news_start), 0);
        assert_eq!(with_doc("\n", related_news_start), 1);
    }
}
