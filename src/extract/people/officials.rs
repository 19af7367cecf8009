//! Mentions of people in one line: named ones with their honorific and titles, in both
//! orders ("đồng chí Lã Văn Thịnh, Phó Bí thư Thường trực Thành ủy"; "Chủ tịch UBND tỉnh Trần
//! Quang Vịnh"; "các Phó Chủ tịch HĐND tỉnh Nông Văn Sơn, Lý Thị Kim Oanh"), title-only ones
//! for coreference ("đồng chí Phó Bí thư Thường trực Thành ủy"), bare names, and the bodies
//! named on the way.
//!
//! Groups are not persons: an honorific or a title after "các" / "những" with no name after
//! it ("các đồng chí Ủy viên Ban Thường vụ Thành ủy") is skipped.

use std::ops::Range;

use super::lexicon::{Keyword, Lexicons};
use super::names::{NameMatch, name_at, name_ending_at};
use super::titles::{OrgMatch, TitleMatch, TitleRecord, org_at, title_at};
use super::tokens::{Case, Tok, group_end, span_of, starts_group};

/// Words before an honorific or a title that make it a group ("các đồng chí").
const GROUP_MARKERS: [Keyword; 3] = [Keyword::Cac, Keyword::Nhung, Keyword::Quy];
/// Separators between a name and its titles, and between titles.
const TITLE_SEPARATORS: [Keyword; 3] = [Keyword::Comma, Keyword::Hyphen, Keyword::EnDash];
/// How far after a name "làm" / "giữ chức" may introduce another title, in tokens.
const APPOINTMENT_WINDOW: usize = 10;

/// A person named in the text.
#[derive(Debug, Clone)]
pub(crate) struct NamedMention<'l> {
    pub(crate) name: String,
    pub(crate) range: Range<usize>,
    pub(crate) honorific: Option<String>,
    pub(crate) titles: Vec<TitleRecord<'l>>,
}

/// A title that names no person ("đồng chí Phó Bí thư Thường trực Thành ủy").
#[derive(Debug, Clone)]
pub(crate) struct TitleOnlyMention<'l> {
    pub(crate) range: Range<usize>,
    pub(crate) titles: Vec<TitleRecord<'l>>,
}

/// A body named in the text.
#[derive(Debug, Clone)]
pub(crate) struct OrgMention {
    pub(crate) range: Range<usize>,
    pub(crate) canonical: String,
}

/// What the lines of a document hold.
#[derive(Debug, Default)]
pub(crate) struct Findings<'l> {
    pub(crate) named: Vec<NamedMention<'l>>,
    /// Surname-led names with no honorific and no title: mentions of an official of the
    /// same name, if there is one.
    pub(crate) bare: Vec<(String, Range<usize>)>,
    pub(crate) title_only: Vec<TitleOnlyMention<'l>>,
    pub(crate) orgs: Vec<OrgMention>,
}

/// Reads the people and bodies of one line.
pub(crate) struct LineScanner<'a, 'l> {
    text: &'a str,
    toks: &'a [Tok<'l>],
    lexicons: &'l Lexicons,
    out: &'a mut Findings<'l>,
}

impl<'a, 'l> LineScanner<'a, 'l> {
    pub(crate) fn new(
        text: &'a str,
        toks: &'a [Tok<'l>],
        lexicons: &'l Lexicons,
        out: &'a mut Findings<'l>,
    ) -> LineScanner<'a, 'l> {
        LineScanner {
            text,
            toks,
            lexicons,
            out,
        }
    }

    /// Reads the line: people first, then the bodies outside them.
    pub(crate) fn scan(mut self) {
        let n = self.toks.len();
        let mut covered = vec![false; n];
        let mut i = 0;
        while i < n {
            let end = if self.may_start_person(i) && starts_group(self.toks, i) {
                self.person_at(i)
            } else {
                None
            };
            match end {
                Some(end) if end > i => {
                    for flag in covered.get_mut(i..end).unwrap_or_default() {
                        *flag = true;
                    }
                    i = end;
                }
                _ => i += 1,
            }
        }
        let mut i = 0;
        while i < n {
            if self.may_start_org(i)
                && !covered.get(i).copied().unwrap_or(true)
                && let Some(org) = org_at(self.text, self.toks, i, self.lexicons, true)
            {
                self.record_org(&org);
                i = org.end.max(i + 1);
                continue;
            }
            i += 1;
        }
    }

    fn tok(&self, k: usize) -> Option<&'a Tok<'l>> {
        self.toks.get(k)
    }

    fn range(&self, start: usize, end: usize) -> Range<usize> {
        span_of(self.toks, start, end).unwrap_or_default()
    }

    fn slice(&self, start: usize, end: usize) -> String {
        self.text
            .get(self.range(start, end))
            .unwrap_or_default()
            .to_owned()
    }

    fn is_group(&self, i: usize) -> bool {
        i.checked_sub(1)
            .and_then(|p| self.tok(p))
            .is_some_and(|t| t.case == Case::Lower && GROUP_MARKERS.iter().any(|&m| t.is(m)))
    }

    fn is_separator(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| t.is_mark(&TITLE_SEPARATORS))
    }

    fn honorific_at(&self, k: usize) -> Option<(usize, String)> {
        let (len, spelling) = self.lexicons.honorifics.at(self.toks, k)?;
        let end = group_end(self.toks, k + len);
        // An honorific introduces a capitalized word: a name or a title.
        self.tok(end)
            .filter(|t| t.is_capitalized())
            .map(|_| (end, spelling.clone()))
    }

    /// Whether a person may start at `toks[i]`: every way [`Self::person_at`] reads one
    /// starts with an honorific, or with a capitalized word (a title in prose, a name), so
    /// a lower-case word that starts no honorific is refused here, without lookups.
    fn may_start_person(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.is_capitalized() || self.lexicons.honorifics.may_start(t))
    }

    /// Whether a body in prose may start at `toks[i]`: it starts with a capitalized head of
    /// the list, so the rest are refused here, without a call.
    fn may_start_org(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.is_capitalized() && self.lexicons.organizations.may_start(t))
    }

    /// A person (or a group, skipped) starting at `toks[i]`; the token where it ends.
    fn person_at(&mut self, i: usize) -> Option<usize> {
        let group = self.is_group(i);
        if let Some((j, honorific)) = self.honorific_at(i) {
            if group {
                return Some(self.skip_titles(j));
            }
            if let Some(name) = name_at(self.toks, j, self.lexicons) {
                return Some(self.name_first(name, Some(honorific)));
            }
            if let Some(end) = self.title_first(j, Some(honorific), false) {
                return Some(end);
            }
        }
        if title_at(self.text, self.toks, i, self.lexicons, true).is_some() {
            return self.title_first(i, None, group);
        }
        let name = name_at(self.toks, i, self.lexicons).filter(|n| n.surname)?;
        let apposition = self.is_separator(name.end)
            && title_at(self.text, self.toks, name.end + 1, self.lexicons, false).is_some();
        if apposition {
            return Some(self.name_first(name, None));
        }
        self.out.bare.push((
            self.slice(name.start, name.end),
            self.range(name.start, name.end),
        ));
        Some(name.end)
    }

    /// Skips the titles after a group's honorific ("các đồng chí Ủy viên Ban Thường vụ").
    fn skip_titles(&self, j: usize) -> usize {
        let mut k = j;
        while let Some(title) = title_at(self.text, self.toks, k, self.lexicons, false) {
            k = title.end;
            if !self.is_separator(k) {
                break;
            }
            k += 1;
        }
        k.max(j)
    }

    /// The titles written after a name, each after a comma or a dash.
    fn titles_after(&self, mut k: usize) -> (Vec<TitleMatch<'l>>, usize) {
        let mut titles = Vec::new();
        while self.is_separator(k) {
            let Some(title) = title_at(self.text, self.toks, k + 1, self.lexicons, false) else {
                break;
            };
            k = title.end;
            titles.push(title);
        }
        (titles, k)
    }

    /// A title given in the same clause by "làm" or "giữ chức" ("được bầu giữ chức Phó Bí thư
    /// Đảng ủy xã", "do đồng chí Lưu Thị Hạnh làm Chủ nhiệm").
    fn appointed_title(&self, from: usize) -> Option<TitleMatch<'l>> {
        let mut k = from;
        while k < from + APPOINTMENT_WINDOW {
            let tok = self.tok(k)?;
            if tok.case == Case::Punct || self.honorific_at(k).is_some() {
                return None;
            }
            let len = if tok.is(Keyword::Lam) && tok.case == Case::Lower {
                1
            } else if tok.is(Keyword::Giu) && self.tok(k + 1).is_some_and(|t| t.is(Keyword::Chuc)) {
                2
            } else {
                0
            };
            if len > 0 {
                return title_at(self.text, self.toks, k + len, self.lexicons, true);
            }
            k += 1;
        }
        None
    }

    /// Another name after "và" or a comma ("ông Tạ Văn Khải và bà Sầm Thị Bích Ngọc"), with
    /// its honorific; a name without one must start with a family name.
    fn next_name(&self, k: usize, commas: bool) -> Option<(NameMatch, Option<String>)> {
        let tok = self.tok(k)?;
        let joins = (tok.case == Case::Lower && tok.is(Keyword::Va))
            || (commas && tok.is_mark(&[Keyword::Comma]));
        if !joins {
            return None;
        }
        let (start, honorific) = match self.honorific_at(k + 1) {
            Some((end, honorific)) => (end, Some(honorific)),
            None => (k + 1, None),
        };
        let name = name_at(self.toks, start, self.lexicons)?;
        (name.surname || honorific.is_some()).then_some((name, honorific))
    }

    /// A name followed by its titles.
    fn name_first(&mut self, name: NameMatch, honorific: Option<String>) -> usize {
        let mut names = vec![(name, honorific)];
        let mut k = name.end;
        while let Some((next, honorific)) = self.next_name(k, false) {
            k = next.end;
            names.push((next, honorific));
        }
        let (mut titles, mut k) = self.titles_after(k);
        if let Some(title) = self.appointed_title(k) {
            k = title.end;
            titles.push(title);
        }
        let mut records = self.records(&titles);
        let last = names.len().saturating_sub(1);
        for (index, (name, honorific)) in names.into_iter().enumerate() {
            // The last name takes the records themselves: most mentions name one person.
            let own = if index == last {
                std::mem::take(&mut records)
            } else {
                records.clone()
            };
            self.push_named(name, honorific, own);
        }
        k
    }

    /// Titles followed by a name ("Chủ tịch UBND tỉnh Trần Quang Vịnh"), by several names
    /// ("các Phó Chủ tịch HĐND tỉnh Nông Văn Sơn, Lý Thị Kim Oanh"), or by none (a title-only
    /// mention, or a group).
    fn title_first(&mut self, i: usize, honorific: Option<String>, group: bool) -> Option<usize> {
        let first = title_at(self.text, self.toks, i, self.lexicons, true)?;
        let mut k = first.end;
        let mut titles = vec![first];
        while self.is_separator(k) {
            let Some(title) = title_at(self.text, self.toks, k + 1, self.lexicons, true) else {
                break;
            };
            k = title.end;
            titles.push(title);
        }
        let name = titles.last_mut().and_then(|last| self.split_name(last));
        let name = name.or_else(|| name_at(self.toks, k, self.lexicons).filter(|n| n.surname));
        let Some(name) = name else {
            if !group {
                let records = self.records(&titles);
                if records.iter().any(|r| r.organization.is_some()) {
                    let range = self.range(i, k);
                    self.out.title_only.push(TitleOnlyMention {
                        range,
                        titles: records,
                    });
                }
            }
            return Some(k);
        };
        let mut records = self.records(&titles);
        let mut names = vec![(name, honorific)];
        let mut k = name.end;
        while let Some((next, honorific)) = self.next_name(k, true) {
            k = next.end;
            names.push((next, honorific));
        }
        // More titles after the (last) name are its own ("Chủ tịch UBND tỉnh Trần A, Phó Bí
        // thư Tỉnh ủy").
        let (more, end) = self.titles_after(k);
        let mut more = self.records(&more);
        let last = names.len().saturating_sub(1);
        for (index, (name, honorific)) in names.into_iter().enumerate() {
            let own = if index == last {
                let mut own = std::mem::take(&mut records);
                own.append(&mut more);
                own
            } else {
                records.clone()
            };
            self.push_named(name, honorific, own);
        }
        Some(end)
    }

    /// The name at the end of a title's organization, cut from it ("UBND tỉnh | Trần Quang
    /// Vịnh").
    fn split_name(&self, title: &mut TitleMatch<'_>) -> Option<NameMatch> {
        let floor = title.org.as_ref().map_or(title.role_end, |o| o.head_end);
        let name = name_ending_at(self.toks, floor, title.end, self.lexicons)?;
        if let Some(org) = title.org.as_mut() {
            org.end = name.start;
            if org.end <= org.head_end && org.head.generic {
                title.org = None;
            }
        }
        title.end = title
            .org
            .as_ref()
            .map_or(title.role_end, |o: &OrgMatch<'_>| o.end.max(title.role_end));
        Some(name)
    }

    fn records(&mut self, titles: &[TitleMatch<'l>]) -> Vec<TitleRecord<'l>> {
        for title in titles {
            if let Some(org) = &title.org {
                self.record_org(org);
            }
        }
        titles
            .iter()
            .map(|t| TitleRecord::new(self.text, self.toks, t))
            .collect()
    }

    fn record_org(&mut self, org: &OrgMatch<'_>) {
        if org.end <= org.start {
            return;
        }
        self.out.orgs.push(OrgMention {
            range: self.range(org.start, org.end),
            canonical: org.canonical(self.text, self.toks),
        });
    }

    fn push_named(
        &mut self,
        name: NameMatch,
        honorific: Option<String>,
        titles: Vec<TitleRecord<'l>>,
    ) {
        self.out.named.push(NamedMention {
            name: self.slice(name.start, name.end),
            range: self.range(name.start, name.end),
            honorific,
            titles,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people::tokens::tokenize;

    #[test]
    fn the_gates_refuse_no_person_and_no_body() {
        let lexicons = Lexicons::builtin();
        for text in [
            "Dự hội nghị có đồng chí Phan Hữu Lộc, Phó Bí thư Thường trực Tỉnh ủy, Trưởng Ban Chỉ đạo 35 tỉnh.",
            "các đồng chí Ủy viên Ban Thường vụ Thành ủy; ông Tạ Văn Khải và bà Sầm Thị Bích Ngọc",
            "Chủ tịch UBND tỉnh Trần Quang Vịnh, giám đốc sở Y tế, đ/c Hà, anh Ba; BAN TUYÊN GIÁO",
            "được bầu giữ chức Phó Bí thư Đảng ủy xã do đồng chí Lưu Thị Hạnh làm Chủ nhiệm",
        ] {
            let toks = tokenize(text, 0..text.len(), lexicons, &|_| 0);
            let mut findings = Findings::default();
            for i in 0..toks.len() {
                let mut scanner = LineScanner::new(text, &toks, lexicons, &mut findings);
                if !scanner.may_start_person(i) {
                    assert_eq!(scanner.person_at(i), None, "{text} at {i}");
                }
                if !scanner.may_start_org(i) {
                    assert!(
                        org_at(text, &toks, i, lexicons, true).is_none(),
                        "{text} at {i}"
                    );
                }
            }
        }
    }
}
