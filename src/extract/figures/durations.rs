//! Lengths of time: "trong 3 ngày", "giai đoạn 10 năm", "kỷ niệm 50 năm ngày thành lập",
//! "sau gần 4 tháng". They are never counts. Ages ("từ 15 tuổi trở lên") are neither.
//! The unit words are the data file `duration_units.txt`.

use super::lexicon::{DURATION_WORDS, UNITS};
use super::words::{char_at, lower_phrase, words_after};
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
pub(super) fn after(text: &str, end: usize) -> Option<Time> {
    if char_at(text, end) != Some(' ') {
        return None;
    }
    let (unit, range) = DURATION_WORDS.longest_after(text, end)?;
    if range.start != end + 1 {
        return None;
    }
    let next = words_after(text, range.end, 2);
    let next_word = next
        .first()
        .map(|w| lower_phrase(text, std::slice::from_ref(w)))
        .unwrap_or_default();
    let glued_next = char_at(text, range.end).is_some_and(|c| c == '/' || crate::text::is_alnum(c));
    // "52.000 ngày công" (workdays) is counted; "37 ngày tuổi" is an age.
    let counted = UNITS
        .longest_after(text, end)
        .is_some_and(|(_, u)| u.start == range.start && u.end > range.end);
    let not_a_length = glued_next
        || counted
        || next_word == "tuổi"
        || (*unit == DurationUnit::Hour && next_word.starts_with(|c: char| c.is_ascii_digit()))
        || (next.len() == 1 && matches!(next_word.as_str(), "trước" | "sau"))
        || (*unit == DurationUnit::Month && matches!(next_word.as_str(), "đầu" | "cuối" | "năm"))
        // "23 tháng Chạp", "mùng 6 tháng Giêng": a day of a lunar month, not a length.
        || (*unit == DurationUnit::Month && matches!(next_word.as_str(), "chạp" | "giêng"))
        || (*unit == DurationUnit::Hour
            && matches!(
                next_word.as_str(),
                "ngày" | "sáng" | "chiều" | "tối" | "đêm" | "trưa"
            ));
    Some(if not_a_length {
        Time::NotDuration
    } else {
        Time::Duration(*unit, range.end)
    })
}

/// "15 tuổi": an age, never a fact.
pub(super) fn is_age(text: &str, end: usize) -> bool {
    let next = words_after(text, end, 1);
    next.first().is_some_and(|w| {
        w.start == end + 1 && lower_phrase(text, std::slice::from_ref(w)) == "tuổi"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(text: &str) -> Option<DurationUnit> {
        let end = text.find(' ').unwrap_or(0);
        match after(text, end) {
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
        assert!(is_age("15 tuổi trở lên", 2));
        assert_eq!(unit("37 ngày tuổi"), None);
        assert_eq!(unit("52 ngày công"), None);
    }
}
