//! Page chrome: the lines of a web page around a report (visitor counters, share and print
//! labels) that are not part of it. Their numbers and words are never facts.
//!
//! A line is chrome when, folded, it is one of the labels of `lexicon/page_chrome.txt`,
//! optionally followed by a colon and a number ("Trực tuyến: 219", "Hôm nay: 1387",
//! "Lượt xem 12.034", "Chia sẻ").

use crate::text::fxhash::FxHashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::text::fold::fold;

static LABELS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    include_str!("../lexicon/page_chrome.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(fold)
        .collect()
});

/// The byte ranges of the lines of `text` that are page chrome, in order.
pub(crate) fn chrome_lines(text: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        if is_chrome_line(line) {
            lines.push(start..end);
        }
        start = end + 1;
    }
    lines
}

fn is_chrome_line(line: &str) -> bool {
    let line = line.trim();
    // Labels are short; a long line is prose even when it starts with one.
    if line.is_empty() || line.len() > 60 {
        return false;
    }
    let label = line
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',' || c == ' ')
        .trim_end_matches([':', '|', ' ']);
    LABELS.contains(&fold(label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_and_labels_are_chrome() {
        for line in [
            "Trực tuyến: 219",
            "Hôm nay: 1387",
            "Hôm nay: 2.047",
            "Tổng truy cập: 3.915.602",
            "Lượt xem 12.034",
            "Chia sẻ",
            "In bài",
            "TRỰC TUYẾN: 17",
        ] {
            assert!(is_chrome_line(line), "{line}");
        }
    }

    #[test]
    fn prose_is_not_chrome() {
        for line in [
            "Hôm nay, hội nghị đã thông qua 12/12 chỉ tiêu.",
            "Trực tuyến và trực tiếp: 246 điểm cầu tham dự",
            "Năm 2024",
            "Minh Hòa – Lê Thanh",
            "",
        ] {
            assert!(!is_chrome_line(line), "{line}");
        }
    }

    #[test]
    fn lines_are_located() {
        let text = "Báo cáo.\nMinh Hòa\nTrực tuyến: 219\nHôm nay: 1387";
        let lines = chrome_lines(text);
        let found: Vec<&str> = lines.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, ["Trực tuyến: 219", "Hôm nay: 1387"]);
    }
}
