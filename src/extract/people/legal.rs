//! Cited legal documents: a type of the lexicon ("Nghị quyết", "Quyết định"), "số" or not, a
//! number with its codes ("35-NQ/TW", "1234/QĐ-UBND", "100/2019/NĐ-CP"), and a date when
//! written ("ngày 15/3/2024"); plenums and congresses named instead of a number ("Nghị quyết
//! Trung ương 4 khóa XII", "Nghị quyết Đại hội lần thứ XXIV"); and a release's own number
//! ("Số: 45/TC-CTK").
//!
//! The number is read only from the code that follows the type, so a ratio, a date or a count
//! is never a document number.

use std::ops::Range;

use super::lexicon::{Keyword, Lexicons};
use super::tokens::{Case, Tok, span_of};
use crate::date::Date;
use crate::number::scan_roman_ordinal;

/// A document found in a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Citation {
    pub(crate) range: Range<usize>,
    pub(crate) doc_type: String,
    pub(crate) number: Option<String>,
    pub(crate) issuer: Option<String>,
    pub(crate) date: Option<String>,
}

/// A number code split: (number, type code, issuer).
fn parse_code(code: &str) -> Option<(String, Option<String>, String)> {
    let code = code.trim_end_matches(['.', '-', '/']);
    let is_code = |s: &str| {
        !s.is_empty() && s.chars().any(char::is_uppercase) && s.chars().all(crate::text::is_alnum)
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mut parts = code.split('/');
    let first = parts.next()?;
    if let Some((number, kind)) = first.split_once('-') {
        // 35-NQ/TW
        let issuer = parts.next()?;
        return (digits(number) && is_code(kind) && is_code(issuer) && parts.next().is_none())
            .then(|| (number.to_owned(), Some(kind.to_owned()), issuer.to_owned()));
    }
    if !digits(first) {
        return None;
    }
    let mut number = first.to_owned();
    let mut rest = parts.next()?;
    if digits(rest) && rest.len() == 4 {
        // 100/2019/NĐ-CP
        number = format!("{number}/{rest}");
        rest = parts.next()?;
    }
    if parts.next().is_some() {
        return None;
    }
    match rest.split_once('-') {
        Some((kind, issuer)) if is_code(kind) && issuer.split('-').all(is_code) => {
            Some((number, Some(kind.to_owned()), issuer.to_owned()))
        }
        None if is_code(rest) => Some((number, None, rest.to_owned())),
        _ => None,
    }
}

/// The run of tokens glued together from `toks[k]` ("1234/QĐ-UBND"), as text and end.
fn glued(text: &str, toks: &[Tok<'_>], k: usize) -> Option<(String, usize)> {
    let mut end = k + 1;
    while toks.get(end).is_some_and(|t| {
        !t.space_before
            && (t.is_word() || t.is_mark(&[Keyword::Slash, Keyword::Hyphen, Keyword::Period]))
    }) {
        end += 1;
    }
    let range = span_of(toks, k, end)?;
    Some((text.get(range)?.to_owned(), end))
}

/// A date written after a citation ("ngày 15/3/2024", "ngày 8-12-2021", "ngày 25 tháng 10 năm
/// 2023"), as `YYYY-MM-DD`, and where it ends.
fn date_after(text: &str, toks: &[Tok<'_>], k: usize) -> Option<(String, usize)> {
    if !toks.get(k)?.is(Keyword::Ngay) {
        return None;
    }
    let number = |i: usize| -> Option<u32> {
        let t = toks.get(i)?;
        (t.case == Case::Digit).then(|| text.get(t.range.clone())?.parse().ok())?
    };
    let day = number(k + 1)?;
    let (month, year, end) = if toks.get(k + 2)?.is_mark(&[Keyword::Slash, Keyword::Hyphen]) {
        let sep = toks.get(k + 2)?.word;
        let month = number(k + 3)?;
        if toks.get(k + 4)?.word != sep {
            return None;
        }
        (month, number(k + 5)?, k + 6)
    } else if toks.get(k + 2)?.is(Keyword::Thang) && toks.get(k + 4)?.is(Keyword::Nam) {
        (number(k + 3)?, number(k + 5)?, k + 6)
    } else {
        return None;
    };
    let date = Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )?;
    Some((date.to_string(), end))
}

/// The citations of one line (tokens without abbreviations expanded). A citation starts with
/// a type of the list, or is a release's own "Số:" first on the line: `starts` are the tokens
/// that may ([`super::tokens::Tokenizer::citation_starts`]); no other is looked at.
pub(crate) fn citations(
    text: &str,
    toks: &[Tok<'_>],
    starts: &[usize],
    lexicons: &Lexicons,
) -> Vec<Citation> {
    let mut out = Vec::new();
    // Tokens before `next` belong to a citation found already.
    let mut next = 0;
    for &i in starts {
        if i < next {
            continue;
        }
        if let Some((citation, end)) = citation_at(text, toks, i, lexicons) {
            out.push(citation);
            next = end.max(i + 1);
        }
    }
    out
}

fn citation_at(
    text: &str,
    toks: &[Tok<'_>],
    i: usize,
    lexicons: &Lexicons,
) -> Option<(Citation, usize)> {
    let first = toks.get(i)?;
    if first.case == Case::Punct {
        return None;
    }
    let typed = lexicons.document_types.at(toks, i);
    // "Số: 45/TC-CTK" at the start of a line: the type comes from the code.
    let own_number = typed.is_none() && i == 0 && first.is(Keyword::So);
    if typed.is_none() && !own_number {
        return None;
    }
    let mut k = i + typed.map_or(0, |(len, _)| len);
    let mut said_number = own_number;
    if toks
        .get(k)
        .is_some_and(|t| t.is(Keyword::So) && t.case != Case::Punct)
    {
        k += 1;
        said_number = true;
    }
    if toks.get(k).is_some_and(|t| t.is_mark(&[Keyword::Colon])) {
        k += 1;
    }
    if toks.get(k).is_some_and(|t| t.case == Case::Digit) {
        let (code, mut end) = glued(text, toks, k)?;
        let (number, issuer, kind) = match parse_code(&code) {
            Some((number, kind, issuer)) => (number, Some(issuer), kind),
            None if said_number && code.bytes().all(|b| b.is_ascii_digit()) => (code, None, None),
            None => return None,
        };
        let doc_type = match typed {
            Some((_, doc_type)) => doc_type.clone(),
            None => lexicons.document_codes.get(kind.as_deref()?)?.clone(),
        };
        let date = date_after(text, toks, end).map(|(date, date_end)| {
            end = date_end;
            date
        });
        let range = span_of(toks, i, end)?;
        return Some((
            Citation {
                range,
                doc_type,
                number: Some(number),
                issuer,
                date,
            },
            end,
        ));
    }
    // A plenum or a congress instead of a number.
    let (_, doc_type) = typed?;
    if said_number {
        return None;
    }
    let end = plenum_or_congress(text, toks, k)?;
    let range = span_of(toks, i, end)?;
    Some((
        Citation {
            range,
            doc_type: doc_type.clone(),
            number: None,
            issuer: None,
            date: None,
        },
        end,
    ))
}

/// "Trung ương 4 [khóa XII]", "Đại hội [lần thứ] XIII": where it ends.
fn plenum_or_congress(text: &str, toks: &[Tok<'_>], k: usize) -> Option<usize> {
    let word = |i: usize, keyword: Keyword| toks.get(i).is_some_and(|t| t.is(keyword));
    let roman = |i: usize| -> Option<usize> {
        let t = toks.get(i)?;
        let (_, end) = scan_roman_ordinal(text, t.range.start)?;
        Some(
            i + toks
                .get(i..)?
                .iter()
                .take_while(|t| t.range.end <= end)
                .count(),
        )
    };
    let mut end = if word(k, Keyword::Trung) && word(k + 1, Keyword::Uong) {
        toks.get(k + 2).filter(|t| t.case == Case::Digit)?;
        k + 3
    } else if word(k, Keyword::Dai) && word(k + 1, Keyword::Hoi) {
        let at = if word(k + 2, Keyword::Lan) && word(k + 3, Keyword::Thu) {
            k + 4
        } else {
            k + 2
        };
        roman(at)?
    } else {
        return None;
    };
    if word(end, Keyword::Khoa)
        && let Some(after) = roman(end + 1)
    {
        end = after;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people::tokens::Tokenizer;

    type Row = (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );

    fn cite(text: &str) -> Vec<Row> {
        let mut tokenizer = Tokenizer::new(Lexicons::builtin());
        tokenizer.read(text, 0..text.len(), &|_| 0);
        let starts = tokenizer.citation_starts();
        let found = citations(text, tokenizer.plain(), starts, Lexicons::builtin());
        let every: Vec<usize> = (0..tokenizer.plain().len()).collect();
        let everywhere = citations(text, tokenizer.plain(), &every, Lexicons::builtin());
        assert_eq!(found, everywhere, "{text}");
        found
            .into_iter()
            .map(|c| {
                (
                    text.get(c.range).unwrap_or_default().to_owned(),
                    c.doc_type,
                    c.number,
                    c.issuer,
                    c.date,
                )
            })
            .collect()
    }

    fn one(
        text: &str,
        doc_type: &str,
        number: Option<&str>,
        issuer: Option<&str>,
        date: Option<&str>,
    ) -> Row {
        (
            text.to_owned(),
            doc_type.to_owned(),
            number.map(str::to_owned),
            issuer.map(str::to_owned),
            date.map(str::to_owned),
        )
    }

    #[test]
    fn citations_with_numbers() {
        assert_eq!(
            cite("thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị"),
            [one(
                "Nghị quyết số 35-NQ/TW",
                "nghị quyết",
                Some("35"),
                Some("TW"),
                None
            )]
        );
        assert_eq!(
            cite("Quyết định số 1234/QĐ-UBND ngày 15/3/2024 của"),
            [one(
                "Quyết định số 1234/QĐ-UBND ngày 15/3/2024",
                "quyết định",
                Some("1234"),
                Some("UBND"),
                Some("2024-03-15")
            )]
        );
        assert_eq!(
            cite("theo Nghị định 100/2019/NĐ-CP và"),
            [one(
                "Nghị định 100/2019/NĐ-CP",
                "nghị định",
                Some("100/2019"),
                Some("CP"),
                None
            )]
        );
        assert_eq!(
            cite("Nghị quyết số 27/2021/NQ-HĐND ngày 8-12-2021 của"),
            [one(
                "Nghị quyết số 27/2021/NQ-HĐND ngày 8-12-2021",
                "nghị quyết",
                Some("27/2021"),
                Some("HĐND"),
                Some("2021-12-08")
            )]
        );
        assert_eq!(
            cite("Số: 45/TC-CTK"),
            [one(
                "Số: 45/TC-CTK",
                "thông cáo",
                Some("45"),
                Some("CTK"),
                None
            )]
        );
        assert_eq!(
            cite("Quyết định số 1235/QĐ-TTg ngày 25/10/2023"),
            [one(
                "Quyết định số 1235/QĐ-TTg ngày 25/10/2023",
                "quyết định",
                Some("1235"),
                Some("TTg"),
                Some("2023-10-25")
            )]
        );
    }

    #[test]
    fn citations_without_numbers() {
        assert_eq!(
            cite("Nghị quyết Trung ương 4 khóa XII về"),
            [one(
                "Nghị quyết Trung ương 4 khóa XII",
                "nghị quyết",
                None,
                None,
                None
            )]
        );
        assert_eq!(
            cite("mà Nghị quyết Đại hội lần thứ XXIV đề ra"),
            [one(
                "Nghị quyết Đại hội lần thứ XXIV",
                "nghị quyết",
                None,
                None,
                None
            )]
        );
    }

    #[test]
    fn not_citations() {
        for text in [
            "các nghị quyết, kết luận",
            "Kế hoạch thực hiện Nghị quyết.",
            "hoàn thành 12/12 chỉ tiêu",
            "Kết luận hội nghị, Chủ tịch",
            "Quyết định 12/12 chỉ tiêu",
        ] {
            assert!(cite(text).is_empty(), "{text}");
        }
    }
}
