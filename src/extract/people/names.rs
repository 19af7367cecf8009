//! Personal names: 2 to 5 capitalized syllables ("Lã Văn Thịnh", "Bế Thị Hồng Nhung", "Âu
//! Dương Khải", "Hầu A Sùng"), checked against the family names of the surname lexicon.

use super::lexicon::Lexicons;
use super::tokens::{Case, Tok};

/// The longest name allowed, in syllables.
const MAX_SYLLABLES: usize = 5;

/// A name found at a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameMatch {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Whether it starts with a family name of the lexicon, followed by a given name.
    pub(crate) surname: bool,
}

/// Whether `toks[k]` can be a syllable of a name: a capitalized word written as such (not an
/// abbreviation), that starts no role and no body ("Chủ tịch", "Thành ủy").
fn is_name_syllable(toks: &[Tok<'_>], k: usize, lexicons: &Lexicons) -> bool {
    let Some(tok) = toks.get(k) else {
        return false;
    };
    tok.case == Case::Cap
        && !tok.abbr
        && lexicons.roles.at(toks, k).is_none()
        && !lexicons
            .organizations
            .at(toks, k)
            .is_some_and(|(len, head)| !head.generic && len > 1)
}

/// The name that starts at `toks[i]`, if any: the run of name syllables (at most five), when
/// it holds at least two.
pub(crate) fn name_at(toks: &[Tok<'_>], i: usize, lexicons: &Lexicons) -> Option<NameMatch> {
    // Two capitalized words, the second after a space, or no name: most capitalized words
    // (a sentence's first, a title's) are refused here, before the lexicons are asked.
    let two = toks.get(i).is_some_and(|t| t.case == Case::Cap)
        && toks
            .get(i + 1)
            .is_some_and(|t| t.case == Case::Cap && t.space_before);
    if !two {
        return None;
    }
    name_run(toks, i, lexicons)
}

/// [`name_at`] without its gate: the run of name syllables at `toks[i]`.
fn name_run(toks: &[Tok<'_>], i: usize, lexicons: &Lexicons) -> Option<NameMatch> {
    let mut end = i;
    while end < toks.len()
        && end - i < MAX_SYLLABLES + 1
        && is_name_syllable(toks, end, lexicons)
        && (end == i || toks.get(end).is_some_and(|t| t.space_before))
    {
        end += 1;
    }
    if end - i > MAX_SYLLABLES || end - i < 2 {
        return None;
    }
    let surname = lexicons
        .surnames
        .at(toks, i)
        .is_some_and(|(len, ())| i + len < end);
    if is_not_a_name(toks, i, end, lexicons) {
        return None;
    }
    Some(NameMatch {
        start: i,
        end,
        surname,
    })
}

/// Whether `toks[start..end]` is a place or a street that looks like a name ("Hồ Chí Minh").
pub(crate) fn is_not_a_name(
    toks: &[Tok<'_>],
    start: usize,
    end: usize,
    lexicons: &Lexicons,
) -> bool {
    lexicons
        .not_names
        .at(toks, start)
        .is_some_and(|(len, ())| start + len == end)
}

/// The name that ends at `end` inside a capitalized run that starts no earlier than `floor`
/// (a name written right after a title: "Chủ tịch UBND tỉnh Trần Quang Vịnh"): the earliest
/// start that gives a surname-led name of at most four syllables (five with a two-syllable
/// family name).
pub(crate) fn name_ending_at(
    toks: &[Tok<'_>],
    floor: usize,
    end: usize,
    lexicons: &Lexicons,
) -> Option<NameMatch> {
    let mut start = end;
    while start > floor
        && end - start < MAX_SYLLABLES
        && is_name_syllable(toks, start - 1, lexicons)
        && (start == end || toks.get(start).is_some_and(|t| t.space_before))
    {
        start -= 1;
    }
    (start..end.saturating_sub(1)).find_map(|s| {
        let (surname_len, ()) = lexicons.surnames.at(toks, s)?;
        let len = end - s;
        let fits = len > surname_len && (len <= 4 || surname_len > 1);
        (fits && !is_not_a_name(toks, s, end, lexicons)).then_some(NameMatch {
            start: s,
            end,
            surname: true,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people::tokens::tokenize;

    fn name(text: &str) -> Option<String> {
        let toks = tokenize(text, 0..text.len(), Lexicons::builtin(), &|_| 0);
        let m = name_at(&toks, 0, Lexicons::builtin())?;
        let range = toks.get(m.start)?.range.start..toks.get(m.end - 1)?.range.end;
        text.get(range).map(str::to_owned)
    }

    #[test]
    fn the_gate_refuses_no_name() {
        let lexicons = Lexicons::builtin();
        for text in [
            "Lã Văn Thịnh, Phó Bí thư; ông Hà A Sùng và bà Bế Thị Hồng Nhung (Báo) dự.",
            "Đoàn Chủ tịch UBND tỉnh Trần Quang Vịnh Hồ Chí Minh TP.HCM Âu Dương Khải",
            "A B c D E-F G\u{301}H Ông Hà-Nội X  Y",
        ] {
            let toks = tokenize(text, 0..text.len(), lexicons, &|_| 0);
            for i in 0..=toks.len() {
                assert_eq!(
                    name_at(&toks, i, lexicons),
                    name_run(&toks, i, lexicons),
                    "{text} at {i}"
                );
            }
        }
    }

    #[test]
    fn names_stop_before_titles_and_lower_case() {
        let cases = [
            ("Lã Văn Thịnh, Phó Bí thư", Some("Lã Văn Thịnh")),
            ("Bế Thị Hồng Nhung tiếp tục", Some("Bế Thị Hồng Nhung")),
            ("Hầu A Sùng (Báo)", Some("Hầu A Sùng")),
            ("Đào Lương Khải UVBTV Thành ủy", Some("Đào Lương Khải")),
            ("Nguyễn Văn An Chủ tịch UBND", Some("Nguyễn Văn An")),
            ("Trưởng Ban Tuyên Giáo", None),
            ("Đoàn Chủ tịch điều hành", None),
            ("Hồ Chí Minh", None),
            ("Tôn", None),
        ];
        for (text, want) in cases {
            assert_eq!(name(text).as_deref(), want, "{text}");
        }
    }
}
