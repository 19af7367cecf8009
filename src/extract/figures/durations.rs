//! Lengths of time: "trong 3 ngày", "giai đoạn 10 năm", "kỷ niệm 50 năm ngày thành lập",
//! "sau gần 4 tháng". They are never counts. Ages ("từ 15 tuổi trở lên") are neither.
//! The unit words are the data file `duration_units.txt`.

use super::lexicon::{DURATION_WORDS, UNITS};
use super::words::{Doc, char_at, words_after};
use crate::facts::DurationUnit;

/// What follows a number and a time unit.
pub(super) enum Time {
    /// A length of time, ending at the offset.
    Duration(DurationUnit, usize),
    /// A time-unit word that does not make a length here ("6 tháng đầu năm" is a date,
    /// "0 giờ ngày 1/4" a time of day, "5 năm trước." a point in the past): nothing to report.
    NotDuration,
}

/// The duration unit right after `end`, if any.
pub(super) fn after(doc: Doc<'_>, end: usize) -> Option<Time> {
    let text = doc.text;
    if text.as_bytes().get(end) != Some(&b' ') {
        return None;
    }
    let (unit, range) = DURATION_WORDS.longest_after(doc, end)?;
    if range.start != end + 1 {
        return None;
    }
    let next = words_after(text, range.end, 2);
    let next_word = next
        .first()
        .map(|w| doc.lower_of(w.clone()))
        .unwrap_or_default();
    let glued_next = char_at(text, range.end).is_some_and(|c| c == '/' || crate::text::is_alnum(c));
    // "52.000 ngày công" (workdays) is counted; "37 ngày tuổi" is an age.
    let counted = UNITS
        .longest_after(doc, end)
        .is_some_and(|(_, u)| u.start == range.start && u.end > range.end);
    let not_a_length = glued_next
        || counted
        || next_word == "tuổi"
        || (*unit == DurationUnit::Hour && next_word.starts_with(|c: char| c.is_ascii_digit()))
        || (next.len() == 1 && matches!(&*next_word, "trước" | "sau"))
        || (*unit == DurationUnit::Month && matches!(&*next_word, "đầu" | "cuối" | "năm"))
        // "23 tháng Chạp", "mùng 6 tháng Giêng": a day of a lunar month, not a length.
        || (*unit == DurationUnit::Month && matches!(&*next_word, "chạp" | "giêng"))
        || (*unit == DurationUnit::Hour
            && matches!(
                &*next_word,
                "ngày" | "sáng" | "chiều" | "tối" | "đêm" | "trưa"
            ));
    Some(if not_a_length {
        Time::NotDuration
    } else {
        Time::Duration(*unit, range.end)
    })
}

/// "15 tuổi": an age, never a fact.
pub(super) fn is_age(doc: Doc<'_>, end: usize) -> bool {
    doc.word_after(end)
        .is_some_and(|w| w.start == end + 1 && doc.word_is(&w, "tuổi"))
}

#[cfg(test)]
mod tests {
    use super::super::words::tests::with_doc;
    use super::*;

    fn unit(text: &str) -> Option<DurationUnit> {
        let end = text.find(' ').unwrap_or(0);
        match with_doc(text, |doc| after(doc, end)) {
            Some(Time::Duration(unit, _)) => Some(unit),
            _ => None,
        }
    }

    #[test]
    fn durations() {
        assert_eq!(unit("10 năm ngày thành lập"), Some(DurationUnit::Year));
        assert_eq!(unit("3 ngày, từ ngày 15"), Some(DurationUnit::Day));
        assert_eq!(unit("45 phút sau buổi học"), Some(DurationUnit::Minute));
        assert_eq!(unit("3 ngày sau."), None);
        assert_eq!(unit("23 tháng Chạp năm Giáp Thìn"), None);
        assert_eq!(unit("6 tháng Giêng"), None);
        assert_eq!(unit("6 tháng đầu năm 2024"), None);
        assert_eq!(unit("0 giờ ngày 1/4"), None);
        assert_eq!(unit("5 năm trước."), None);
        assert_eq!(unit("5 người"), None);
        assert!(with_doc("15 tuổi trở lên", |doc| is_age(doc, 2)));
        assert_eq!(unit("37 ngày tuổi"), None);
        assert_eq!(unit("52 ngày công"), None);
    }
}
