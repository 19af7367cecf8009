//! The byline: the report's authors, on the last short line before the page chrome ("Kim
//! Dung – Lê Thanh", "Tin, ảnh: Minh Anh", "PV", "Bài và ảnh: Hoàng Yến", "Đức Anh (Trung tâm
//! Văn hóa huyện)"), and the signer of an official release ("PHÓ CỤC TRƯỞNG" / "(Đã ký)" /
//! a name), who is an official, not an author.
//!
//! Authors are separated by dashes, commas or "và"; a part with lower-case words after the
//! first author is their unit ("Tuấn Kiệt – Trung tâm Chính trị huyện"), and a parenthesis is
//! their workplace; neither is an author.

use std::ops::Range;

use super::tokens::raw_pieces;
use crate::text::fold::fold;

/// How many lines from the end the byline is looked for.
const LOOKBACK_LINES: usize = 12;
/// A byline line is short.
const MAX_BYLINE_CHARS: usize = 120;
/// A line of more words that ends like a sentence is prose.
const MAX_BYLINE_WORDS: usize = 4;
/// Words of the label before a colon ("Tin, ảnh:", "Bài và ảnh:"), folded.
const LABEL_WORDS: [&str; 9] = [
    "tin", "bai", "anh", "va", "video", "clip", "thuc", "hien", "nhom",
];
/// Abbreviations that stand for a newsroom author.
const NEWSROOM: [&str; 5] = ["PV", "CTV", "BTV", "TTXVN", "NV"];
/// Lines that stand between a signer's title and their name.
const SIGNED: [&str; 4] = [
    "(đã ký)",
    "(ký)",
    "(đã ký và đóng dấu)",
    "(ký tên, đóng dấu)",
];

/// The byline's line and its authors (name, byte range in the text).
#[derive(Debug, Default)]
pub(crate) struct Byline {
    pub(crate) line: Option<Range<usize>>,
    pub(crate) authors: Vec<(String, Range<usize>)>,
    /// A signature block: the name's line and the title's line above it.
    pub(crate) signer: Option<(Range<usize>, Range<usize>)>,
}

/// The last `n` lines of `text` that hold something, trimmed, as byte ranges in order, and
/// whether they start with the first such line of the text (read from the end: the byline is
/// looked for among the last lines only).
fn last_lines(text: &str, n: usize) -> (Vec<Range<usize>>, bool) {
    let mut out = Vec::new();
    let mut end = text.len();
    for line in text.rsplit('\n') {
        let start = end - line.len();
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            if out.len() == n {
                out.reverse();
                return (out, false);
            }
            out.push(start + lead..start + lead + trimmed.len());
        }
        end = start.saturating_sub(1);
    }
    out.reverse();
    (out, true)
}

/// Finds the byline (and a signature block) among the last lines of `text`; `is_chrome` says
/// which byte offsets are page chrome.
pub(crate) fn find(text: &str, is_chrome: &dyn Fn(usize) -> bool) -> Byline {
    // Two more than looked at: a signer's title stands two lines above their name.
    let (all, from_first) = last_lines(text, LOOKBACK_LINES + 2);
    let mut byline = Byline::default();
    for (index, range) in all.iter().enumerate().rev().take(LOOKBACK_LINES) {
        if is_chrome(range.start) {
            continue;
        }
        let line = text.get(range.clone()).unwrap_or_default();
        // Prose ends the search: the byline stands below the last sentence.
        let words = line.split_whitespace().count();
        let sentence = line.ends_with(['.', '!', '?', ';']) && words > MAX_BYLINE_WORDS;
        let first_line = from_first && index == 0;
        if line.chars().count() > MAX_BYLINE_CHARS || sentence || first_line {
            break;
        }
        let Some(authors) = authors_of(line) else {
            continue;
        };
        let above = |n: usize| index.checked_sub(n).and_then(|i| all.get(i));
        let signed = above(1)
            .and_then(|r| text.get(r.clone()))
            .is_some_and(|l| SIGNED.contains(&l.to_lowercase().as_str()));
        if signed {
            let title = above(2).cloned();
            byline.signer = title.map(|title| (range.clone(), title));
            break;
        }
        byline.line = Some(range.clone());
        byline.authors = authors
            .into_iter()
            .map(|r| {
                (
                    line.get(r.clone()).unwrap_or_default().to_owned(),
                    range.start + r.start..range.start + r.end,
                )
            })
            .collect();
        break;
    }
    byline
}

/// The authors of a byline line (byte ranges in the line), or `None` when it is not one.
fn authors_of(line: &str) -> Option<Vec<Range<usize>>> {
    let mut start = 0;
    if let Some(colon) = line.find(':') {
        let label = line.get(..colon).unwrap_or_default();
        let is_label = raw_pieces(label)
            .filter_map(|r| label.get(r))
            .all(|w| w == "," || LABEL_WORDS.contains(&fold(w).as_str()));
        if !is_label {
            return None;
        }
        start = colon + 1;
    }
    let mut end = line.len();
    if let Some(open) = line.find('(')
        && open > start
        && line.trim_end().ends_with(')')
    {
        end = open;
    }
    let body = line.get(start..end)?;
    let body = body.strip_suffix('.').unwrap_or(body);
    let mut authors = Vec::new();
    let mut part_start = 0;
    let mut parts = Vec::new();
    for (at, sep) in separators(body) {
        parts.push(part_start..at);
        part_start = at + sep;
    }
    parts.push(part_start..body.len());
    for (n, part) in parts.into_iter().enumerate() {
        let text = body.get(part.clone()).unwrap_or_default();
        let trimmed = text.trim();
        let lead = text.len() - text.trim_start().len();
        if is_author(trimmed) {
            let from = start + part.start + lead;
            authors.push(from..from + trimmed.len());
        } else if n == 0 {
            return None;
        } else {
            // A unit after the authors ("– Trung tâm Chính trị huyện"): the byline ends.
            break;
        }
    }
    (!authors.is_empty()).then_some(authors)
}

/// The separators between authors in `body`: (byte offset, length).
fn separators(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (at, c) in body.char_indices() {
        if matches!(c, '–' | '—' | ',' | ';' | '&')
            || (c == '-' && body.get(at + 1..).is_some_and(|r| r.starts_with(' ')))
        {
            out.push((at, c.len_utf8()));
        }
    }
    let mut from = 0;
    while let Some(found) = body.get(from..).and_then(|r| r.find(" và ")) {
        out.push((from + found, " và ".len()));
        from += found + " và ".len();
    }
    out.sort_unstable();
    out
}

/// Whether `part` is an author's name: one to four capitalized words (two or more unless it
/// is a newsroom mark such as "PV").
fn is_author(part: &str) -> bool {
    if NEWSROOM.contains(&part) {
        return true;
    }
    let words: Vec<&str> = part.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_lowercase())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authors(line: &str) -> Vec<&str> {
        authors_of(line)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|r| line.get(r))
            .collect()
    }

    #[test]
    fn bylines() {
        let cases: [(&str, &[&str]); 10] = [
            ("Minh Hòa – Lê Thanh", &["Minh Hòa", "Lê Thanh"]),
            ("Hoàng Yến - Quốc Việt", &["Hoàng Yến", "Quốc Việt"]),
            ("Tin, ảnh: Minh Anh", &["Minh Anh"]),
            ("Bài và ảnh: Thu Hà", &["Thu Hà"]),
            ("PV", &["PV"]),
            ("Hải Nam", &["Hải Nam"]),
            (
                "Tuấn Kiệt – Trung tâm Chính trị huyện Lạc Điền",
                &["Tuấn Kiệt"],
            ),
            (
                "Đức Anh (Trung tâm Văn hóa - Thông tin và Thể thao huyện Yên Khê)",
                &["Đức Anh"],
            ),
            ("Tin cùng chuyên mục:", &[]),
            ("Từ khóa: kiểm tra, lễ hội, Sơn Vĩ", &[]),
        ];
        for (line, want) in cases {
            assert_eq!(authors(line), want, "{line}");
        }
    }

    /// The lines as the first version listed them: every line of the text.
    fn all_lines(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            let lead = line.len() - line.trim_start().len();
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                out.push(start + lead..start + lead + trimmed.len());
            }
            start += line.len() + 1;
        }
        out
    }

    #[test]
    fn the_last_lines_are_the_tail_of_all_lines() {
        for text in [
            "",
            "\n\n",
            "a",
            " a \n\n b\n",
            "x\ny\nz\n\n  w  \nv",
            "\n\n1\n2\n3\n4\n",
        ] {
            let all = all_lines(text);
            for n in 0..6 {
                let (last, from_first) = last_lines(text, n);
                let skip = all.len().saturating_sub(n);
                assert_eq!(last, all.get(skip..).unwrap_or_default(), "{text:?} {n}");
                assert_eq!(from_first, skip == 0, "{text:?} {n}");
            }
        }
    }

    #[test]
    fn signer_is_not_an_author() {
        let text = "Nội dung.\nKT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\n(Đã ký)\nLò Thị Hạnh\nTrang 2/2";
        let found = find(text, &|_| false);
        assert!(found.authors.is_empty());
        let signer = found
            .signer
            .and_then(|(name, title)| Some((text.get(name)?, text.get(title)?)));
        assert_eq!(signer, Some(("Lò Thị Hạnh", "PHÓ CỤC TRƯỞNG")));
    }
}
