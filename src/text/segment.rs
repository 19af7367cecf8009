//! Sentence and syllable segmentation of normalized Vietnamese text.
//!
//! Both functions take text that has already been normalized (Unicode NFC,
//! `"\n"` line ends, horizontal whitespace collapsed to single spaces, lines
//! trimmed) and return **byte ranges** into that same text, so extractors can
//! map matches back to the original positions without copying. Neither
//! function panics on any `&str`, normalized or not, and both run in time
//! linear in the length of the input.
//!
//! # Sentences
//!
//! Extractors use sentences to bound their patterns: a title such as
//! "PGS. TS." must stay attached to the name that follows it, and a headline,
//! caption or byline on its own line must not run into the paragraph below.
//! [`sentences`] therefore applies these rules, in order:
//!
//! 1. **A line break always ends a sentence**, with or without punctuation.
//!    Headlines, captions, bylines and page-chrome lines are their own
//!    sentences. Empty lines produce nothing. (`"\r"` is treated as a line
//!    break too, so un-normalized `"\r\n"` input still behaves.)
//! 2. **Terminators** are `.`, `!`, `?` and `…`, in runs of any length
//!    (`"..."`, `"?!"`). Closing quotes and brackets written right after the
//!    run (`” ’ " ' ) ] } » ›`) belong to the sentence, so
//!    `"… thực chất”. Tiếp"` splits after `”.` and `"“Đúng.” Sau"` after `.”`.
//! 3. A terminator run ends the sentence only when it is followed by the end
//!    of the text, a line break, or a space and then an upper-case letter, a
//!    digit, or an opening quote/bracket. Hence:
//!    * numbers with dots are not ends (`"17.279 hộ"`, `"15.3.2024"`,
//!      `"1.250 tỷ"`): the dot is followed by a digit, not a space;
//!    * an ellipsis glued to the next word (`"xã hội…chú trọng"`) is not an
//!      end, and neither is any terminator followed by a space and a
//!      lower-case word (`"v.v. và"`).
//! 4. A **single `.`** does not end the sentence when the space-separated
//!    token before it (leading opening quotes/brackets removed) is
//!    * listed in `src/lexicon/sentence_abbreviations.txt` (`TP.`, `TS.`,
//!      `PGS.`, `ThS.`, `Đ/c`, `v.v.`, …; the trailing dot of an entry is
//!      optional), compared case-sensitively;
//!    * a single upper-case letter, i.e. an initial (`"Nguyễn V. An"`);
//!    * a list marker at the very start of the sentence: digits and dots
//!      (`"1."`, `"2.1."`), a Roman numeral (`"II."`) or a single letter
//!      (`"a."`), so that `"1. Kết quả đạt được"` stays one sentence.
//!
//!    Tokens such as `"PGS.TS"` or `"TP.HCM"` contain their inner dots with no
//!    space and are therefore never split inside; a final dot after them is
//!    judged like any other (`"TP.HCM. Ngày"` does split, `"PGS.TS. Lê"` does
//!    not because `PGS.TS.` is listed).
//!
//! The list trades a few missed boundaries for never cutting a title from its
//! name: `"v.v. Ngoài ra"` is **not** split, and neither is a sentence that
//! happens to end in a single capital letter (`"loại A. Năm nay"`).
//!
//! Every returned range is trimmed of surrounding whitespace and is never
//! empty; ranges are in order and do not overlap.
//!
//! # Syllables
//!
//! Vietnamese writes one syllable per space-separated unit, so the UAX #29
//! word boundaries of `unicode-segmentation` give syllables directly;
//! [`syllables`] keeps the segments that contain an alphanumeric character
//! and drops spaces and punctuation. UAX #29 keeps numbers with inner dots or
//! commas together (`"17.279"`) and also letters joined by a dot (`"TP.HCM"`,
//! `"v.v"`), but splits at `/`, so `"Đ/c"` yields the two syllables `"Đ"` and
//! `"c"`. Multi-syllable words are not recognised.
//!
//! # Implementation
//!
//! [`sentences`] is a single forward byte scan: almost every byte is not one
//! of `.`, `!`, `?`, `\n`, `\r` or the lead byte of `…`, and only those bytes
//! trigger any work; the scan between them tests eight bytes at a time. The
//! abbreviation check looks back only over the token just before a candidate
//! dot (a token that contains no space, so distinct candidates never look back
//! over the same bytes), keeping the whole scan linear. All slicing goes
//! through `str::get`.

use crate::text::fxhash::FxHashSet;
use std::ops::Range;
use std::sync::LazyLock;

use unicode_segmentation::UnicodeSegmentation;

/// Raw contents of the abbreviation lexicon.
const ABBREVIATIONS_SOURCE: &str = include_str!("../lexicon/sentence_abbreviations.txt");

/// Abbreviations (without their final dot) after which a `.` does not end a
/// sentence, parsed once from [`ABBREVIATIONS_SOURCE`].
static ABBREVIATIONS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| parse_abbreviations(ABBREVIATIONS_SOURCE));

/// Parses the lexicon format: one entry per line, `#` comment lines and blank
/// lines ignored, surrounding whitespace and one trailing `.` removed.
fn parse_abbreviations(source: &str) -> FxHashSet<&str> {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.strip_suffix('.').unwrap_or(line))
        .filter(|entry| !entry.is_empty())
        .collect()
}

/// Byte ranges of the sentences of `text`, in order, not overlapping, each
/// trimmed of surrounding spaces/newlines, never empty.
///
/// `text` should be normalized (NFC, `"\n"` line ends, single spaces); any
/// other `&str` is accepted without panicking. See the [module
/// documentation](self) for the rules.
///
/// ```
/// use vietfacts::text::segment::sentences;
///
/// let text = "TP. Hồ Chí Minh có 17.279 hộ. Tiếp theo\nẢnh: PV";
/// let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(got, ["TP. Hồ Chí Minh có 17.279 hộ.", "Tiếp theo", "Ảnh: PV"]);
/// ```
#[must_use]
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(at) = next_candidate(bytes, i) {
        match bytes.get(at) {
            Some(b'\n' | b'\r') => {
                push_trimmed(text, start..at, &mut out);
                i = at + 1;
                start = i;
            }
            // Another char of U+2000..U+2FFF (a quote, a dash): not "…".
            Some(0xE2) if bytes.get(at + 1..at + 3) != Some(ELLIPSIS_TAIL) => i = at + 1,
            _ => match terminator_at(text, start, at) {
                Some(Step { end, ends: true }) => {
                    push_trimmed(text, start..end, &mut out);
                    start = end;
                    i = end;
                }
                Some(Step { end, ends: false }) => i = end,
                None => i = at + 1,
            },
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// The bytes of "…" (U+2026) after its lead byte 0xE2.
const ELLIPSIS_TAIL: &[u8] = &[0x80, 0xA6];

/// The bytes where a sentence may end: line breaks, `.`, `!`, `?`, and 0xE2, the lead byte
/// of "…".
static CANDIDATE: [bool; 256] = {
    let mut table = [false; 256];
    table[b'\n' as usize] = true;
    table[b'\r' as usize] = true;
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[0xE2] = true;
    table
};

/// The first candidate byte at or after `from`. Eight bytes are tested at a time without a
/// branch: a report has a candidate every forty bytes or so.
fn next_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let is_candidate = |&b: &u8| CANDIDATE[usize::from(b)];
    let mut chunks = rest.chunks_exact(8);
    let mut offset = from;
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, b| any | is_candidate(b)) {
            return chunk.iter().position(is_candidate).map(|p| offset + p);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(is_candidate)
        .map(|p| offset + p)
}

/// Byte ranges of the syllables of `text`: the UAX #29 word segments that
/// contain at least one alphanumeric character, in order.
///
/// Spaces and punctuation are skipped. Numbers keep their inner dots and
/// commas (`"17.279"`), letters joined by a dot stay together (`"TP.HCM"`),
/// and `"Đ/c"` gives two syllables, `"Đ"` and `"c"`. Multi-syllable words are
/// not recognised.
pub fn syllables(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    text.split_word_bound_indices()
        .filter(|(_, segment)| segment.chars().any(crate::text::is_alnum))
        .map(|(offset, segment)| offset..offset + segment.len())
}

/// Outcome of examining a terminator run.
struct Step {
    /// Byte offset just past the run and any closing quotes/brackets after it.
    end: usize,
    /// Whether the sentence ends at `end`.
    ends: bool,
}

/// Examines the terminator run starting at byte `at` of a sentence that
/// started at `start`. Returns `None` if no terminator starts at `at`.
fn terminator_at(text: &str, start: usize, at: usize) -> Option<Step> {
    let first = char_at(text, at).filter(|&c| is_terminator(c))?;
    let mut pos = at + first.len_utf8();
    while let Some(c) = char_at(text, pos).filter(|&c| is_terminator(c)) {
        pos += c.len_utf8();
    }
    let single_dot = first == '.' && pos == at + 1;
    while let Some(c) = char_at(text, pos).filter(|&c| is_closer(c)) {
        pos += c.len_utf8();
    }
    let end = pos;

    let mut had_space = false;
    while let Some(c) = char_at(text, pos).filter(|&c| c.is_whitespace() && !is_line_break(c)) {
        had_space = true;
        pos += c.len_utf8();
    }
    let ends = match char_at(text, pos) {
        None => true,
        Some(c) if is_line_break(c) => true,
        Some(c) => {
            had_space
                && (c.is_uppercase() || c.is_numeric() || is_opener(c))
                && !(single_dot && dot_is_not_an_end(text, start, at))
        }
    };
    Some(Step { end, ends })
}

/// Whether the `.` at byte `dot` closes an abbreviation, an initial or a
/// leading list marker rather than the sentence that started at `start`.
fn dot_is_not_an_end(text: &str, start: usize, dot: usize) -> bool {
    let head = text.get(start..dot).unwrap_or("");
    let token_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(p, c)| p + c.len_utf8());
    let raw_token = head.get(token_start..).unwrap_or("");
    let token = raw_token.trim_start_matches(is_opener);
    if token.is_empty() {
        return false;
    }
    if ABBREVIATIONS.contains(token) || is_single_char(token, char::is_uppercase) {
        return true;
    }
    // `trim_end` stops at the previous token, so the look-back stays local.
    is_list_marker(raw_token)
        && head
            .get(..token_start)
            .is_some_and(|s| s.trim_end().is_empty())
}

/// Whether `token` is a list marker: digits and dots with at least one digit
/// (`1`, `2.1`), a short Roman numeral (`IV`) or a single letter (`a`).
fn is_list_marker(token: &str) -> bool {
    let numeric = token.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && token.bytes().any(|b| b.is_ascii_digit());
    let roman = !token.is_empty()
        && token.len() <= 8
        && token
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'));
    numeric || roman || is_single_char(token, crate::text::is_alpha)
}

/// Whether `s` is exactly one character and that character satisfies `pred`.
fn is_single_char(s: &str, pred: fn(char) -> bool) -> bool {
    let mut chars = s.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if pred(c))
}

/// The character starting at byte `pos`, if `pos` is a character boundary
/// inside `text`.
fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// Pushes `range` trimmed of surrounding whitespace, unless nothing is left.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let begin = range.start + (slice.len() - slice.trim_start().len());
        out.push(begin..begin + trimmed.len());
    }
}

/// Sentence-ending punctuation.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Characters that always end a sentence.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r')
}

/// Closing quotes and brackets that stay with the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '›' | '」' | '』'
    )
}

/// Opening quotes and brackets that may begin a sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '“' | '‘' | '«' | '‹' | '„' | '「' | '『'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_strs(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|r| text.get(r).unwrap_or("<bad range>"))
            .collect()
    }

    fn syllable_strs(text: &str) -> Vec<&str> {
        syllables(text)
            .map(|r| text.get(r).unwrap_or("<bad range>"))
            .collect()
    }

    /// Checks the structural promises of [`sentences`] on any input.
    fn assert_well_formed(text: &str) {
        let mut last_end = 0;
        for r in sentences(text) {
            assert!(r.start >= last_end, "overlap or disorder in {text:?}");
            assert!(r.start < r.end, "empty sentence in {text:?}");
            let s = text.get(r.clone());
            assert!(s.is_some(), "range {r:?} not on char boundaries");
            let s = s.unwrap_or_default();
            assert_eq!(s, s.trim(), "untrimmed sentence in {text:?}");
            last_end = r.end;
        }
        for r in syllables(text) {
            assert!(text.get(r).is_some());
        }
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            // Plain terminators.
            (
                "Hôm nay trời đẹp. Chúng tôi đi họp.",
                &["Hôm nay trời đẹp.", "Chúng tôi đi họp."],
            ),
            ("Có không? Có!", &["Có không?", "Có!"]),
            (
                "Thật sao?! Không thể tin được.",
                &["Thật sao?!", "Không thể tin được."],
            ),
            // Closing quotes/brackets stay with the sentence.
            (
                "Ông gọi đó là “thực chất”. Tiếp theo là phần hai.",
                &["Ông gọi đó là “thực chất”.", "Tiếp theo là phần hai."],
            ),
            (
                "Ông nói: “Đúng vậy.” Sau đó ông về.",
                &["Ông nói: “Đúng vậy.”", "Sau đó ông về."],
            ),
            ("Ông nói: “Tốt.” và ra về.", &["Ông nói: “Tốt.” và ra về."]),
            (
                "Dự án (giai đoạn 2). Tiếp theo là báo cáo.",
                &["Dự án (giai đoạn 2).", "Tiếp theo là báo cáo."],
            ),
            // Line breaks always end a sentence.
            (
                "UBND TỈNH BẾN TRE\nBáo cáo kết quả năm 2024",
                &["UBND TỈNH BẾN TRE", "Báo cáo kết quả năm 2024"],
            ),
            ("Ảnh: Minh Anh\n\nPV\n", &["Ảnh: Minh Anh", "PV"]),
            ("Câu một.\nCâu hai.", &["Câu một.", "Câu hai."]),
            (
                "tổ chức hội nghị\ntổng kết",
                &["tổ chức hội nghị", "tổng kết"],
            ),
            // Abbreviations from the lexicon.
            (
                "TP. Hồ Chí Minh tổ chức hội nghị. Tp. Cần Thơ cũng vậy.",
                &["TP. Hồ Chí Minh tổ chức hội nghị.", "Tp. Cần Thơ cũng vậy."],
            ),
            (
                "PGS. TS. Nguyễn Văn A phát biểu. GS. Trần B và ThS. Lê C dự.",
                &[
                    "PGS. TS. Nguyễn Văn A phát biểu.",
                    "GS. Trần B và ThS. Lê C dự.",
                ],
            ),
            (
                "BS. Nguyễn D, KS. Phạm E, CN. Hồ F tham dự.",
                &["BS. Nguyễn D, KS. Phạm E, CN. Hồ F tham dự."],
            ),
            (
                "Đ/c Nguyễn Văn An chủ trì. Ý kiến của đ/c. Lê Bình được ghi nhận.",
                &[
                    "Đ/c Nguyễn Văn An chủ trì.",
                    "Ý kiến của đ/c. Lê Bình được ghi nhận.",
                ],
            ),
            (
                "Tại TT. Phú Hòa, Q. 1, P. Bến Nghé có Th.S. Lan và Th.S Minh.",
                &["Tại TT. Phú Hòa, Q. 1, P. Bến Nghé có Th.S. Lan và Th.S Minh."],
            ),
            (
                "Sách của NXB. Trẻ viết về St. Paul.",
                &["Sách của NXB. Trẻ viết về St. Paul."],
            ),
            (
                "Gạo, rau v.v. và thịt. Rau, củ v.v. Ngoài ra còn cá.",
                &["Gạo, rau v.v. và thịt.", "Rau, củ v.v. Ngoài ra còn cá."],
            ),
            (
                "Hội thảo do (TS. Hà chủ trì). Kết thúc.",
                &["Hội thảo do (TS. Hà chủ trì).", "Kết thúc."],
            ),
            (
                "PGS.TS Nguyễn Văn A và PGS.TS. Lê B đến.",
                &["PGS.TS Nguyễn Văn A và PGS.TS. Lê B đến."],
            ),
            (
                "Hội nghị tại TP.HCM. Ngày mai bế mạc.",
                &["Hội nghị tại TP.HCM.", "Ngày mai bế mạc."],
            ),
            // Single capital initials.
            (
                "Ông Nguyễn V. An phát biểu. Bà Đ. Hoa ghi.",
                &["Ông Nguyễn V. An phát biểu.", "Bà Đ. Hoa ghi."],
            ),
            // Numbers with dots.
            (
                "Có 17.279 hộ, vốn 1.250 tỷ đồng. Ngày 15.3.2024 khai mạc.",
                &[
                    "Có 17.279 hộ, vốn 1.250 tỷ đồng.",
                    "Ngày 15.3.2024 khai mạc.",
                ],
            ),
            (
                "Kết quả đạt 95%. 17 xã về đích.",
                &["Kết quả đạt 95%.", "17 xã về đích."],
            ),
            // Lower-case after the terminator.
            (
                "Xem mục a. sau đó ký. Xong rồi? chưa đâu.",
                &["Xem mục a. sau đó ký.", "Xong rồi? chưa đâu."],
            ),
            // Ellipsis.
            (
                "Phát triển kinh tế - xã hội…chú trọng an sinh.",
                &["Phát triển kinh tế - xã hội…chú trọng an sinh."],
            ),
            (
                "Còn nhiều việc… Tuy nhiên kết quả khả quan.",
                &["Còn nhiều việc…", "Tuy nhiên kết quả khả quan."],
            ),
            (
                "Anh ngập ngừng... Rồi im lặng... rồi đi...về.",
                &["Anh ngập ngừng...", "Rồi im lặng... rồi đi...về."],
            ),
            // Opening quote/bracket after the space.
            (
                "Ông kết luận. “Phải làm ngay” là yêu cầu. (Ảnh: TTXVN)",
                &[
                    "Ông kết luận.",
                    "“Phải làm ngay” là yêu cầu.",
                    "(Ảnh: TTXVN)",
                ],
            ),
            // List markers at the start of a sentence.
            (
                "1. Kết quả đạt được\nII. Tồn tại, hạn chế\na. Nguyên nhân. 2.1. Giải pháp",
                &[
                    "1. Kết quả đạt được",
                    "II. Tồn tại, hạn chế",
                    "a. Nguyên nhân.",
                    "2.1. Giải pháp",
                ],
            ),
            // Trimming, empty input, no terminator.
            ("  Câu một.   Câu hai.  ", &["Câu một.", "Câu hai."]),
            ("Câu cuối không có dấu", &["Câu cuối không có dấu"]),
            ("", &[]),
            ("\n \n\n", &[]),
            ("...", &["..."]),
            // Un-normalized line ends and spacing.
            (
                "Dòng một\r\nDòng hai.\t Dòng ba",
                &["Dòng một", "Dòng hai.", "Dòng ba"],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(&sentence_strs(text), expected, "input: {text:?}");
            assert_well_formed(text);
        }
    }

    #[test]
    fn doc_example() {
        let text = "TP. Hồ Chí Minh có 17.279 hộ. Tiếp theo\nẢnh: PV";
        assert_eq!(
            sentence_strs(text),
            ["TP. Hồ Chí Minh có 17.279 hộ.", "Tiếp theo", "Ảnh: PV"]
        );
    }

    #[test]
    fn abbreviation_lexicon_parses() {
        for entry in ["TP", "Tp", "TS", "PGS", "GS", "ThS", "BS", "KS", "CN"] {
            assert!(ABBREVIATIONS.contains(entry), "missing {entry}");
        }
        for entry in ["Đ/c", "đ/c", "v.v", "TT", "Q", "P", "Th.S", "NXB", "St"] {
            assert!(ABBREVIATIONS.contains(entry), "missing {entry}");
        }
        assert!(
            ABBREVIATIONS.iter().all(|e| !e.is_empty()
                && !e.starts_with('#')
                && !e.ends_with('.')
                && e.trim() == *e)
        );
        let parsed = parse_abbreviations("# comment\n\n  TP. \nv.v.\n.\nĐ/c\n");
        let mut parsed: Vec<_> = parsed.into_iter().collect();
        parsed.sort_unstable();
        assert_eq!(parsed, ["TP", "v.v", "Đ/c"]);
    }

    #[test]
    fn syllable_cases() {
        assert_eq!(
            syllable_strs("Ủy ban nhân dân tỉnh"),
            ["Ủy", "ban", "nhân", "dân", "tỉnh"]
        );
        assert_eq!(
            syllable_strs("17.279/18.121 hộ"),
            ["17.279", "18.121", "hộ"]
        );
        assert_eq!(
            syllable_strs("Xin chào, thế giới! (năm 2024) – “tốt”…"),
            ["Xin", "chào", "thế", "giới", "năm", "2024", "tốt"]
        );
        // "/" is a word boundary: "Đ/c" is two syllables.
        assert_eq!(syllable_strs("Đ/c Lan"), ["Đ", "c", "Lan"]);
        // Letters joined by a dot stay one segment; the final dot is dropped.
        assert_eq!(syllable_strs("TP.HCM v.v."), ["TP.HCM", "v.v"]);
        assert_eq!(syllable_strs(""), Vec::<&str>::new());
        assert_eq!(syllable_strs(" ,.;\n"), Vec::<&str>::new());
        let text = "Hội nghị\nlần 2";
        let ranges: Vec<_> = syllables(text).collect();
        assert_eq!(ranges, [0..5, 6..12, 13..18, 19..20]);
    }

    #[test]
    fn never_panics_on_odd_input() {
        let alphabet = [
            ".", "!", "?", "…", "\n", "\r", " ", "\t", "a", "Ă", "Đ", "7", "“", "”", "\"", "(",
            ")", "TP", "v", "/", "\u{0301}", "\u{a0}", "🙂", "x", "I", "1",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut text = String::new();
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let len = (state >> 58) as usize;
            for _ in 0..len {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                let pick = (state >> 33) as usize % alphabet.len();
                text.push_str(alphabet.get(pick).copied().unwrap_or(""));
            }
            assert_well_formed(&text);
        }
    }

    /// The scan byte by byte, every byte offered to `terminator_at`: what [`sentences`]
    /// must agree with when it skips ahead.
    fn sentences_byte_by_byte(text: &str) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let (mut start, mut i) = (0, 0);
        while let Some(&byte) = bytes.get(i) {
            match byte {
                b'\n' | b'\r' => {
                    push_trimmed(text, start..i, &mut out);
                    i += 1;
                    start = i;
                }
                _ => match terminator_at(text, start, i) {
                    Some(Step { end, ends: true }) => {
                        push_trimmed(text, start..end, &mut out);
                        (start, i) = (end, end);
                    }
                    Some(Step { end, ends: false }) => i = end,
                    None => i += 1,
                },
            }
        }
        push_trimmed(text, start..text.len(), &mut out);
        out
    }

    #[test]
    fn skipping_ahead_finds_the_same_sentences() {
        let alphabet = [
            ".",
            "!",
            "?",
            "…",
            "“",
            "”",
            "–",
            "\n",
            "\r",
            " ",
            "a",
            "Ă",
            "Đ",
            "7",
            "TP",
            "v",
            "(",
            ")",
            "Hội nghị",
            "xã",
            "I",
            "1",
            "\u{2027}",
            "\u{E2}",
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..5000 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            for _ in 0..(state % 40) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(alphabet[(state >> 40) as usize % alphabet.len()]);
            }
            assert_eq!(sentences(&text), sentences_byte_by_byte(&text), "{text:?}");
        }
    }

    #[test]
    fn long_inputs_are_linear() {
        // Many candidate dots, and one huge token without spaces: both must
        // finish quickly (a quadratic scan would take minutes here).
        let many = "TP. a. B. ".repeat(100_000);
        assert_well_formed(&many);
        let token = "v.".repeat(200_000) + " Xong";
        assert_eq!(sentences(&token).len(), 2);
        let padded = " ".repeat(500_000) + "x" + &" 1. 2.".repeat(100_000);
        assert_eq!(sentences(&padded).len(), 100_001);
        let dots = ".".repeat(500_000) + " A";
        assert_eq!(sentences(&dots).len(), 2);
    }
}
