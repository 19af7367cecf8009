//! Titles: a role of the roles lexicon followed by the organization it is held in ("Phó Bí
//! thư Thường trực" + "Thành ủy"), and the names of bodies themselves ("Ban Tuyên giáo Thành
//! ủy", "UBND tỉnh Hoài Sơn", "Sở Thông tin và Truyền thông").
//!
//! A body is a head of the organizations lexicon and what follows it: administrative levels
//! ("tỉnh", "huyện"), numbers ("Ban Chỉ đạo 35"), other heads ("Thành ủy"), capitalized words
//! (a place, a proper name), and, inside a proper name that follows the head directly, a few
//! lower-case words ("Cục Cảnh sát giao thông"). It ends at punctuation, at a clause word
//! ("dự", "cho biết", "của"), at another role, or at a lower-case word after a place.

use super::lexicon::{Keyword, Lexicons, OrgHead, Role};
use super::tokens::{Case, Tok, group_end, push_expanded, starts_group};
use crate::text::fold::fold_char;

/// Administrative levels that follow the name of a body ("UBND tỉnh", "Huyện ủy" has none):
/// each word as written and folded.
const ADMIN_LEVELS: [&[(&str, Keyword)]; 14] = [
    &[("tỉnh", Keyword::Tinh)],
    &[("thành", Keyword::Thanh), ("phố", Keyword::Pho)],
    &[("huyện", Keyword::Huyen)],
    &[("quận", Keyword::Quan)],
    &[("xã", Keyword::Xa)],
    &[("phường", Keyword::Phuong)],
    &[("thị", Keyword::Thi), ("xã", Keyword::Xa)],
    &[("thị", Keyword::Thi), ("trấn", Keyword::Tran)],
    &[("thôn", Keyword::Thon)],
    &[("bản", Keyword::Ban)],
    &[("ấp", Keyword::Ap)],
    &[
        ("tổ", Keyword::To),
        ("dân", Keyword::Dan),
        ("phố", Keyword::Pho),
    ],
    &[("khu", Keyword::Khu), ("phố", Keyword::Pho)],
    &[("cơ", Keyword::Co), ("sở", Keyword::So)],
];

/// The first words of [`ADMIN_LEVELS`]: a word that starts none is refused before the levels
/// are compared.
const ADMIN_FIRST_WORDS: u64 = Keyword::set(&[
    Keyword::Tinh,
    Keyword::Thanh,
    Keyword::Huyen,
    Keyword::Quan,
    Keyword::Xa,
    Keyword::Phuong,
    Keyword::Thi,
    Keyword::Thon,
    Keyword::Ban,
    Keyword::Ap,
    Keyword::To,
    Keyword::Khu,
    Keyword::Co,
]);

/// Lower-case words a proper name inside a body may hold in a row ("sát giao thông").
const MAX_LOWER_RUN: usize = 3;
/// The longest body, in tokens.
const MAX_ORG_TOKENS: usize = 18;

/// A body found in the text.
#[derive(Debug, Clone)]
pub(crate) struct OrgMatch<'l> {
    pub(crate) start: usize,
    pub(crate) head_end: usize,
    pub(crate) end: usize,
    pub(crate) head: &'l OrgHead,
}

impl OrgMatch<'_> {
    /// Whether its head is written as an abbreviation ("UBND").
    fn head_abbreviated(&self, toks: &[Tok<'_>]) -> bool {
        toks.get(self.start..self.head_end)
            .unwrap_or_default()
            .iter()
            .any(|t| t.abbr)
    }

    /// The body as the contract shows it: the head in its lexicon spelling and the rest as
    /// written; an abbreviated head stays as written ("UBND tỉnh").
    pub(crate) fn display(&self, text: &str, toks: &[Tok<'_>]) -> String {
        let surface = |from: usize| {
            let range = super::tokens::span_of(toks, from, self.end);
            range.and_then(|r| text.get(r)).unwrap_or_default()
        };
        if self.head_abbreviated(toks) {
            return surface(self.start).to_owned();
        }
        let rest = if self.end > self.head_end {
            surface(self.head_end)
        } else {
            ""
        };
        let mut out = String::with_capacity(self.head.spelling.len() + 1 + rest.len());
        out.push_str(&self.head.spelling);
        if self.end > self.head_end {
            out.push(' ');
            out.push_str(rest);
        }
        out
    }

    /// The body with abbreviations expanded and the head in its lexicon spelling.
    pub(crate) fn canonical(&self, text: &str, toks: &[Tok<'_>]) -> String {
        // Room for the head's spelling and the rest as written: expansions may need more.
        let written = super::tokens::span_of(toks, self.start, self.end).map_or(0, |r| r.len());
        let mut out = String::with_capacity(self.head.spelling.len() + 1 + written);
        if self.head_abbreviated(toks) {
            push_expanded(&mut out, text, toks, self.start, self.head_end);
        } else {
            out.push_str(&self.head.spelling);
        }
        if self.end > self.head_end {
            out.push(' ');
            push_expanded(&mut out, text, toks, self.head_end, self.end);
        }
        out
    }
}

/// A title found in the text.
#[derive(Debug, Clone)]
pub(crate) struct TitleMatch<'l> {
    pub(crate) start: usize,
    pub(crate) role_end: usize,
    pub(crate) end: usize,
    pub(crate) role: &'l Role,
    pub(crate) org: Option<OrgMatch<'l>>,
    /// Whether the organization starts inside the role ("Trưởng [Ban] Tuyên giáo").
    pub(crate) shares_words: bool,
}

/// The length of the administrative level at `toks[k]`, if one is written there in lower
/// case ("tỉnh", "thành phố"; "TP" expanded).
fn admin_level_at(text: &str, toks: &[Tok<'_>], k: usize) -> Option<usize> {
    if !toks.get(k)?.is_any(ADMIN_FIRST_WORDS) {
        return None;
    }
    ADMIN_LEVELS.iter().find_map(|words| {
        let all = words.iter().enumerate().all(|(n, &(word, folded))| {
            // The folded word first: a word written as the level folds as it does.
            toks.get(k + n).is_some_and(|t| {
                t.is(folded)
                    && (t.abbr
                        || (t.case == Case::Lower && text.get(t.range.clone()) == Some(word)))
            })
        });
        all.then_some(words.len())
    })
}

/// Whether a clause word starts at `toks[k]` (written in lower case).
fn clause_word_at(toks: &[Tok<'_>], k: usize, lexicons: &Lexicons) -> bool {
    toks.get(k).is_some_and(|t| t.case == Case::Lower)
        && lexicons.clause_words.at(toks, k).is_some()
}

/// The body that starts at `toks[i]`. With `capitalized`, its first word must be written
/// with a capital (a body named in prose); inside a title any case is read ("Trưởng phòng
/// Tài chính").
pub(crate) fn org_at<'l>(
    text: &str,
    toks: &[Tok<'_>],
    i: usize,
    lexicons: &'l Lexicons,
    capitalized: bool,
) -> Option<OrgMatch<'l>> {
    let first = toks.get(i)?;
    if !starts_group(toks, i) || (capitalized && !first.is_capitalized()) {
        return None;
    }
    // A code inside a document number ("07-NQ/TU", "1234/QĐ-UBND") names no body here.
    let glued = !first.space_before
        && i.checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| p.is_mark(&[Keyword::Slash, Keyword::Hyphen]));
    if glued {
        return None;
    }
    let (len, head) = lexicons.organizations.at(toks, i)?;
    // A generic head is written with a capital, not in an all-caps heading ("BÁO CHÍ").
    if capitalized && head.generic && first.case != Case::Cap {
        return None;
    }
    let head_end = group_end(toks, i + len);
    let mut k = head_end;
    // Lower-case words may follow only inside a proper name right after the head.
    let mut in_name = false;
    let mut closed = false;
    let mut lower_run = 0;
    while k < toks.len() && k - i < MAX_ORG_TOKENS {
        let Some(tok) = toks.get(k) else { break };
        if tok.case == Case::Punct {
            let joins = tok.is_mark(&[Keyword::Hyphen, Keyword::EnDash, Keyword::Ampersand]);
            let next_ok = toks.get(k + 1).is_some_and(|n| n.case == Case::Cap)
                && lexicons.roles.at(toks, k + 1).is_none()
                && lexicons.organizations.at(toks, k + 1).is_none();
            if joins && in_name && next_ok {
                k += 1;
                continue;
            }
            break;
        }
        if let Some(n) = admin_level_at(text, toks, k) {
            k += n;
            in_name = false;
            closed = true;
            lower_run = 0;
            continue;
        }
        if clause_word_at(toks, k, lexicons) {
            break;
        }
        if tok.is_capitalized() && lexicons.roles.at(toks, k).is_some() {
            break;
        }
        if tok.case == Case::Lower && lexicons.honorifics.at(toks, k).is_some() {
            break;
        }
        if let Some((n, inner)) = lexicons.organizations.at(toks, k)
            && !inner.generic
            && tok.is_capitalized()
            && starts_group(toks, k)
        {
            k = group_end(toks, k + n);
            in_name = false;
            closed = true;
            lower_run = 0;
            continue;
        }
        match tok.case {
            Case::Digit => {
                k += 1;
                in_name = false;
                lower_run = 0;
            }
            Case::Cap | Case::Upper | Case::Mixed => {
                k = group_end(toks, k + 1);
                in_name = !closed;
                lower_run = 0;
            }
            Case::Lower
                if tok.is(Keyword::So)
                    && toks.get(k + 1).is_some_and(|n| n.case == Case::Digit) =>
            {
                k += 1;
            }
            Case::Lower if tok.is(Keyword::Va) => {
                let next_ok = toks.get(k + 1).is_some_and(|n| n.case == Case::Cap)
                    && lexicons.organizations.at(toks, k + 1).is_none()
                    && lexicons.roles.at(toks, k + 1).is_none();
                if in_name && next_ok {
                    k += 1;
                } else {
                    break;
                }
            }
            Case::Lower if in_name && lower_run < MAX_LOWER_RUN => {
                k += 1;
                lower_run += 1;
            }
            _ => break,
        }
    }
    if head.generic {
        // A generic head needs a modifier: a capitalized word, a place level or a number.
        let modified = toks.get(head_end).is_some_and(|t| {
            t.is_capitalized()
                || t.case == Case::Digit
                || admin_level_at(text, toks, head_end).is_some()
        });
        if !modified || k == head_end {
            return None;
        }
    }
    Some(OrgMatch {
        start: i,
        head_end,
        end: k,
        head,
    })
}

/// The role that starts at `toks[i]`, if any, and where it ends.
pub(crate) fn role_at<'l>(
    toks: &[Tok<'_>],
    i: usize,
    lexicons: &'l Lexicons,
) -> Option<(usize, &'l Role)> {
    if !lexicons.roles.may_start(toks.get(i)?) || !starts_group(toks, i) {
        return None;
    }
    let (len, role) = lexicons.roles.at(toks, i)?;
    Some((group_end(toks, i + len), role))
}

/// The title that starts at `toks[i]`: a role and, when one follows, its organization. With
/// `capitalized`, the role must be written with a capital (a title in prose; after a name
/// and a comma any case is read: "giảng viên Trường Chính trị tỉnh").
pub(crate) fn title_at<'l>(
    text: &str,
    toks: &[Tok<'_>],
    i: usize,
    lexicons: &'l Lexicons,
    capitalized: bool,
) -> Option<TitleMatch<'l>> {
    let (role_end, role) = role_at(toks, i, lexicons)?;
    if capitalized && !toks.get(i).is_some_and(Tok::is_capitalized) {
        return None;
    }
    let mut shares_words = false;
    let org = if role.organization.is_some() {
        None
    } else {
        org_at(text, toks, role_end, lexicons, false).or_else(|| {
            let shared_start = role_end
                .checked_sub(role.shared)
                .filter(|_| role.shared > 0)?;
            shares_words = true;
            org_at(text, toks, shared_start, lexicons, false)
        })
    };
    let end = org.as_ref().map_or(role_end, |o| o.end.max(role_end));
    Some(TitleMatch {
        start: i,
        role_end,
        end,
        role,
        org,
        shares_words,
    })
}

/// A title as the contract records it, with the keys coreference compares.
#[derive(Debug, Clone)]
pub(crate) struct TitleRecord<'l> {
    pub(crate) text: String,
    pub(crate) canonical: String,
    /// The role's spelling, from the lexicon.
    pub(crate) role: &'l str,
    pub(crate) organization: Option<String>,
    /// The role, folded.
    pub(crate) role_key: &'l str,
    /// The organization's canonical words, folded.
    pub(crate) org_key: FoldedWords,
}

/// The words of a text folded and joined by single spaces, and how many there are: titles are
/// compared by their first words, and a prefix of the joined words is a slice of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FoldedWords {
    joined: String,
    count: usize,
}

impl FoldedWords {
    /// The whitespace-separated words of `text`, each folded.
    pub(crate) fn new(text: &str) -> FoldedWords {
        let mut joined = String::with_capacity(text.len());
        let mut count = 0;
        for word in text.split_whitespace() {
            if count > 0 {
                joined.push(' ');
            }
            // A word holds no space once folded: no char but the space folds to one.
            joined.extend(word.chars().filter_map(fold_char));
            count += 1;
        }
        FoldedWords { joined, count }
    }

    pub(crate) fn len(&self) -> usize {
        self.count
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The first `n` words (all of them when there are fewer), joined by spaces.
    pub(crate) fn first(&self, n: usize) -> &str {
        first_words(&self.joined, n)
    }
}

/// The first `n` words of `words` (separated by single spaces), or all of them.
fn first_words(words: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    // A byte loop: these are a few words long, and a searcher costs more to set up.
    let mut spaces = 0;
    let end = words
        .bytes()
        .position(|b| {
            spaces += usize::from(b == b' ');
            spaces == n
        })
        .unwrap_or(words.len());
    words.get(..end).unwrap_or_default()
}

impl<'l> TitleRecord<'l> {
    pub(crate) fn new(text: &str, toks: &[Tok<'_>], title: &TitleMatch<'l>) -> TitleRecord<'l> {
        let surface = super::tokens::span_of(toks, title.start, title.end)
            .and_then(|r| text.get(r))
            .unwrap_or_default()
            .to_owned();
        let role: &'l str = &title.role.spelling;
        let (organization, org_canonical) = match (&title.org, &title.role.organization) {
            (Some(org), _) => (
                Some(org.display(text, toks)),
                Some(org.canonical(text, toks)),
            ),
            (None, Some(implied)) => (Some(implied.clone()), Some(implied.clone())),
            (None, None) => (None, None),
        };
        let canonical = if let Some(canonical) = &title.role.canonical {
            canonical.clone()
        } else {
            let words = role.split(' ').count();
            let kept = if title.shares_words {
                words.saturating_sub(title.role.shared)
            } else {
                words
            };
            let role_part = first_words(role, kept);
            match &org_canonical {
                Some(org) if role_part.is_empty() => org.clone(),
                Some(org) => {
                    let mut canonical = String::with_capacity(role_part.len() + 1 + org.len());
                    canonical.push_str(role_part);
                    canonical.push(' ');
                    canonical.push_str(org);
                    canonical
                }
                None => role.to_owned(),
            }
        };
        let org_key = org_canonical
            .as_deref()
            .map(FoldedWords::new)
            .unwrap_or_default();
        TitleRecord {
            text: surface,
            canonical,
            role_key: &title.role.key,
            role,
            organization,
            org_key,
        }
    }

    /// Whether two records name the same title, one perhaps more precisely ("Bí thư Đảng ủy"
    /// and "Bí thư Đảng ủy xã").
    pub(crate) fn same_as(&self, other: &TitleRecord<'_>) -> bool {
        let n = self.org_key.len().min(other.org_key.len());
        self.role_key == other.role_key && self.org_key.first(n) == other.org_key.first(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people::tokens::tokenize;

    fn title(text: &str) -> Option<(String, String, String, Option<String>)> {
        let lexicons = Lexicons::builtin();
        let toks = tokenize(text, 0..text.len(), lexicons, &|_| 1);
        let t = title_at(text, &toks, 0, lexicons, false)?;
        let record = TitleRecord::new(text, &toks, &t);
        Some((
            record.text,
            record.canonical,
            record.role.to_owned(),
            record.organization,
        ))
    }

    #[test]
    fn titles_split_into_role_and_organization() {
        let cases = [
            (
                "Phó Bí thư Thường trực Thành ủy, Trưởng",
                "Phó Bí thư Thường trực Thành ủy",
                "Phó Bí thư Thường trực Thành ủy",
                "Phó Bí thư Thường trực",
                Some("Thành ủy"),
            ),
            (
                "Trưởng Ban Tuyên Giáo, Giám đốc",
                "Trưởng Ban Tuyên Giáo",
                "Trưởng Ban Tuyên giáo",
                "Trưởng Ban",
                Some("Ban Tuyên giáo"),
            ),
            (
                "Trưởng Ban chỉ đạo 35 thành phố dự và chỉ đạo",
                "Trưởng Ban chỉ đạo 35 thành phố",
                "Trưởng Ban Chỉ đạo 35 thành phố",
                "Trưởng Ban",
                Some("Ban Chỉ đạo 35 thành phố"),
            ),
            (
                "UVBTV Thành ủy, Trưởng",
                "UVBTV Thành ủy",
                "Ủy viên Ban Thường vụ Thành ủy",
                "Ủy viên Ban Thường vụ",
                Some("Thành ủy"),
            ),
            (
                "Chủ tịch HĐND xã trình bày",
                "Chủ tịch HĐND xã",
                "Chủ tịch Hội đồng nhân dân xã",
                "Chủ tịch",
                Some("HĐND xã"),
            ),
            (
                "Giám đốc Trung tâm Chính trị Thành ủy phát biểu",
                "Giám đốc Trung tâm Chính trị Thành ủy",
                "Giám đốc Trung tâm Chính trị Thành ủy",
                "Giám đốc",
                Some("Trung tâm Chính trị Thành ủy"),
            ),
            (
                "Phó Cục trưởng Cục Cảnh sát giao thông, Bộ Công an",
                "Phó Cục trưởng Cục Cảnh sát giao thông",
                "Phó Cục trưởng Cục Cảnh sát giao thông",
                "Phó Cục trưởng",
                Some("Cục Cảnh sát giao thông"),
            ),
            (
                "Trưởng phòng Tài chính – Kế hoạch huyện cho biết",
                "Trưởng phòng Tài chính – Kế hoạch huyện",
                "Trưởng Phòng Tài chính – Kế hoạch huyện",
                "Trưởng phòng",
                Some("Phòng Tài chính – Kế hoạch huyện"),
            ),
            (
                "Huyện ủy viên, Phó",
                "Huyện ủy viên",
                "Ủy viên Ban Chấp hành Đảng bộ huyện",
                "Huyện ủy viên",
                Some("Huyện ủy"),
            ),
            (
                "Chủ tịch Ủy ban MTTQ Việt Nam huyện, trong",
                "Chủ tịch Ủy ban MTTQ Việt Nam huyện",
                "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện",
                "Chủ tịch",
                Some("Ủy ban MTTQ Việt Nam huyện"),
            ),
            (
                "Trưởng Công an huyện cùng",
                "Trưởng Công an huyện",
                "Trưởng Công an huyện",
                "Trưởng Công an",
                Some("Công an huyện"),
            ),
            (
                "Phó Trưởng ban Thường trực Ban An toàn giao thông tỉnh;",
                "Phó Trưởng ban Thường trực Ban An toàn giao thông tỉnh",
                "Phó Trưởng Ban Thường trực Ban An toàn giao thông tỉnh",
                "Phó Trưởng Ban Thường trực",
                Some("Ban An toàn giao thông tỉnh"),
            ),
            (
                "Bí thư Thành ủy yêu cầu UBND",
                "Bí thư Thành ủy",
                "Bí thư Thành ủy",
                "Bí thư",
                Some("Thành ủy"),
            ),
            (
                "Giám đốc Sở Thông tin và Truyền thông cùng",
                "Giám đốc Sở Thông tin và Truyền thông",
                "Giám đốc Sở Thông tin và Truyền thông",
                "Giám đốc",
                Some("Sở Thông tin và Truyền thông"),
            ),
        ];
        for (text, surface, canonical, role, org) in cases {
            let got = title(text);
            assert_eq!(
                got,
                Some((
                    surface.to_owned(),
                    canonical.to_owned(),
                    role.to_owned(),
                    org.map(str::to_owned)
                )),
                "{text}"
            );
        }
    }

    #[test]
    fn folded_words_give_the_first_words_as_a_list_would() {
        for text in [
            "",
            "Ủy ban  nhân\tdân tỉnh",
            "Thành ủy",
            "a \u{301} b",
            "\u{301}",
            " x ",
        ] {
            let list: Vec<String> = text
                .split_whitespace()
                .map(crate::text::fold::fold)
                .collect();
            let words = FoldedWords::new(text);
            assert_eq!(words.len(), list.len(), "{text:?}");
            assert_eq!(words.is_empty(), list.is_empty(), "{text:?}");
            for n in 0..=list.len() + 1 {
                let want = list.get(..n.min(list.len())).unwrap_or_default().join(" ");
                assert_eq!(words.first(n), want, "{text:?} {n}");
            }
        }
        for (words, n, want) in [
            ("Phó Bí thư", 0, ""),
            ("Phó Bí thư", 2, "Phó Bí"),
            ("Phó", 5, "Phó"),
        ] {
            assert_eq!(first_words(words, n), want);
        }
    }

    #[test]
    fn no_char_but_the_space_folds_to_a_space() {
        for c in ('\u{0}'..='\u{3000}')
            .chain('\u{1E00}'..='\u{2100}')
            .chain('\u{FE00}'..='\u{FFFF}')
        {
            if fold_char(c) == Some(' ') {
                assert_eq!(c, ' ');
            }
        }
    }

    #[test]
    fn admin_levels_fold_to_their_keywords() {
        let vocabulary = &Lexicons::builtin().vocabulary;
        for level in ADMIN_LEVELS {
            for (n, &(word, keyword)) in level.iter().enumerate() {
                assert_eq!(
                    vocabulary.word(&crate::text::fold::fold(word)),
                    keyword.id(),
                    "{word}"
                );
                if n == 0 {
                    assert!(keyword.id().in_set(ADMIN_FIRST_WORDS), "{word}");
                }
            }
        }
    }

    #[test]
    fn bodies_end_at_clause_words_and_places() {
        let lexicons = Lexicons::builtin();
        let cases = [
            (
                "Ban Tuyên giáo Thành ủy tổ chức Hội nghị",
                Some("Ban Tuyên giáo Thành ủy"),
            ),
            (
                "UBND tỉnh Hoài Sơn tổ chức hội nghị",
                Some("UBND tỉnh Hoài Sơn"),
            ),
            ("Hội nghị Trung ương 6", None),
            ("Hội Nhà báo tỉnh phối hợp với", Some("Hội Nhà báo tỉnh")),
            (
                "Sở Giao thông vận tải chủ trì",
                Some("Sở Giao thông vận tải"),
            ),
            (
                "Trường Đại học Kỹ thuật Hoài Sơn, cùng",
                Some("Trường Đại học Kỹ thuật Hoài Sơn"),
            ),
            (
                "Ban Tuyên giáo Thành ủy và Ban Chỉ đạo 35",
                Some("Ban Tuyên giáo Thành ủy"),
            ),
        ];
        for (text, want) in cases {
            let toks = tokenize(text, 0..text.len(), lexicons, &|_| 0);
            let got = org_at(text, &toks, 0, lexicons, true)
                .and_then(|o| super::super::tokens::span_of(&toks, o.start, o.end))
                .and_then(|r| text.get(r));
            assert_eq!(got, want, "{text}");
        }
    }
}
