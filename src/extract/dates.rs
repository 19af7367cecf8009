//! Dates and time expressions, resolved to TIMEX3 values ([`Timex`]).
//!
//! # What is read
//!
//! Full dates ("ngày 15/3/2024", "15-3-2024", "15.3.2024", "ngày 15 tháng 3 năm 2024"), with a
//! weekday ("Thứ 5, 14/03/2024") or a part of the day ("Sáng 11-1") in front and a clock time
//! after ("21/03/2024 | 09:30"); days without a year ("chiều 21/3", "(15/3)"); months
//! ("tháng 3/2024", "tháng Ba"); years ("năm 2023", "năm 2023-2024"); periods ("nhiệm kỳ
//! 2020-2025", "năm học 2023-2024", "từ năm 2020 đến năm 2023", "từ đầu năm 2023 đến nay");
//! parts of a year ("Quý I/2024", "6 tháng đầu năm 2024", "9 tháng năm 2024", "cuối năm");
//! clock times ("lúc 8 giờ 30", "14h", "09:30"); relative expressions ("hôm qua", "tuần tới",
//! "năm ngoái", "5 năm trước"); the lunar calendar ("Tết Nguyên đán Ất Tỵ", "rằm tháng
//! Giêng", "mùng 1 Tết"), whose values stay lunar; vague and recurring phrases
//! (`lexicon/dates_vague.txt`, `lexicon/dates_recurring.txt`) with no value.
//!
//! A day-month written without "ngày", a part of day or a weekday ("12/12", "4/9", "30/4") is
//! a date only after a cue ("từ", "đến", "trước", "sau", "vào", "lúc", "tính đến", an opening
//! parenthesis) and when no word but a date word follows it: "12/12 chỉ tiêu", "48/50 đại
//! biểu" are ratios, "đường 30/4" an address, "Trang 1/2" a page. A number glued to a code
//! ("35-NQ/TW", "1234/QĐ-UBND", "100/2019/NĐ-CP") is never a date. Days and months are
//! validated (no 31/2). Page chrome and the related-articles list after a byline are skipped.
//!
//! # The reference date and year inference
//!
//! The rule, in order:
//!
//! 1. **The reference date** is the caller's; else a **dateline**: a line among the first six
//!    whose only date is a full date with a year ("Thứ 5, 14/03/2024 | 09:30", "Cập nhật:
//!    12/01/2024", "Hoài Sơn, ngày 15 tháng 7 năm 2024"), with at most six other words and no
//!    other number ([`dateline`]).
//! 2. **The event day** is the first day (a point or the start of a range) among the first
//!    three sentences after the dateline: the day the report is about ("Sáng 11-1, ...").
//!    With a reference date, its year is the one nearest to the reference. Without one:
//!    - written with its year, it becomes the reference date;
//!    - written without a year, its year is inferred from the lead sentence when that
//!      sentence reviews a period ("tổng kết công tác **năm 2023**", "sơ kết ... **6 tháng
//!      đầu năm 2024**", "kết quả thực hiện nhiệm vụ **năm 2024**": the first period with a
//!      written year after "tổng kết", "sơ kết", "kết quả" or "đánh giá") or is a congress
//!      opening a term ("Đại hội ... **nhiệm kỳ 2025-2030**"): the year, among that period's
//!      end year and its neighbours, that puts the day nearest to the end of the reviewed
//!      period (the start of the term). "Sáng 11-1" after a review of 2023 is 2024-01-11; "9
//!      và 10-12" after a review of 2024 is December 2024. The inferred event day is then the
//!      reference date, with every year taken from it marked inferred.
//!    - Otherwise nothing is inferred.
//! 3. **A year-less expression** takes the year that puts it nearest to the reference date
//!    (a lunar date counted a month later); a quarter or half ("quý III", "6 tháng cuối năm")
//!    takes the reference year; a bare "đầu năm" / "cuối năm" / "cả năm" takes the one year
//!    written in the year expressions of its sentence, else the reference year. A year-less
//!    day in a sentence with a recurring phrase ("hằng năm, ... tính đến ngày 30/4") recurs:
//!    no value. "cùng kỳ" is the lead's reviewed period one year earlier. Without a reference date the year
//!    stays `XXXX`. `year_inferred` is true whenever a year of the value is not written in the
//!    expression (for relative expressions: when the reference date itself was inferred).
//! 4. **Relative expressions** ("hôm qua", "năm nay", "từ ... đến nay") are computed from the
//!    reference date, and have no value without one. A clock time without a day ("lúc 14h",
//!    "lúc 8 giờ 30 cùng ngày") is on the event day.

mod grammar;
mod resolve;
mod tokens;
mod words;

use std::ops::Range;

use super::{Input, SpansInOrder};
use crate::date::Date;
use crate::facts::{Calendar, DateFact, DateKind, FactId, Granularity};
use crate::timex::{Timex, Unit};
use grammar::{Expr, Grammar, LEXICON, Raw};
use resolve::{Anchor, Context, nearest_year, period_end};
use tokens::{Tokens, Toks, tokenize};

/// Lines that open a list of other articles: nothing after them belongs to the report.
const RELATED_HEADERS: [&str; 10] = [
    "tin cùng chuyên mục",
    "tin liên quan",
    "bài viết liên quan",
    "bài liên quan",
    "các tin khác",
    "tin khác",
    "tin mới",
    "tin đã đưa",
    "xem thêm",
    "đọc thêm",
];

/// How many lines from the top a dateline may stand on.
const DATELINE_LINES: usize = 6;

/// One expression with the sentence it stands in.
struct Found {
    raw: Raw,
    sentence: usize,
}

/// Every date and time expression of the input, ordered by span start.
pub(crate) fn extract(input: &Input<'_>) -> Vec<DateFact> {
    let text = input.text();
    let cut = related_list_start(text);
    let mut toks = Tokens::default();
    let mut found: Vec<Found> = Vec::new();
    for (index, sentence) in input.sentences().iter().enumerate() {
        if sentence.start >= cut || input.in_chrome(sentence.start) {
            continue;
        }
        scan(input, sentence.clone(), &mut toks, |raw| {
            found.push(Found {
                raw,
                sentence: index,
            });
        });
    }
    let dateline = find_dateline(input);
    let reference = input
        .reference_date()
        .or(dateline.as_ref().map(|d| d.date))
        .map(|date| Anchor {
            date,
            inferred: false,
        });
    let (event, reference) = event_day(input, &found, dateline.as_ref(), reference);
    let mut facts = Vec::with_capacity(found.len());
    let review = found
        .iter()
        .find(|f| {
            dateline
                .as_ref()
                .is_none_or(|d| d.range.start != f.raw.start)
        })
        .and_then(|f| reviewed_period(input, &found, f.sentence));
    // What the current sentence says, computed once per sentence.
    let mut sentence: (usize, Option<u16>, bool) = (usize::MAX, None, false);
    let spans = SpansInOrder::new(input);
    for f in &found {
        if sentence.0 != f.sentence {
            // A recurring phrase ("hằng năm"), not a yearly day that names its own date.
            let recurs = in_sentence(&found, f.sentence).any(|g| {
                g.raw.kind == DateKind::Recurring
                    && !input
                        .slice(g.raw.start..g.raw.end)
                        .bytes()
                        .any(|b| b.is_ascii_digit())
            });
            sentence = (f.sentence, only_year(&found, f.sentence), recurs);
        }
        let ctx = Context {
            reference,
            event,
            sentence_year: sentence.1,
            sentence_recurs: sentence.2,
            review,
        };
        let resolved = resolve::resolve(&f.raw, &ctx);
        let range = f.raw.start..f.raw.end;
        facts.push(DateFact {
            id: date_id(facts.len() + 1),
            text: input.slice(range.clone()).to_string(),
            span: spans.span(range),
            granularity: granularity(resolved.value),
            value: resolved.value,
            kind: resolved.kind,
            part_of_day: f.raw.part_of_day,
            modifier: resolved.modifier,
            calendar: if f.raw.lunar {
                Calendar::Lunar
            } else {
                Calendar::Gregorian
            },
            year_inferred: resolved.year_inferred,
        });
    }
    facts
}

/// The document's dateline date, if it has one ("Thứ 5, 14/03/2024 | 09:30" on a line of its
/// own near the top): the reference date found in the text.
#[allow(dead_code)] // wired by the lead into `Document::reference_date`
pub(crate) fn dateline(input: &Input<'_>) -> Option<Date> {
    find_dateline(input).map(|d| d.date)
}

struct Dateline {
    date: Date,
    /// Where the dateline's expression stands.
    range: Range<usize>,
}

fn find_dateline(input: &Input<'_>) -> Option<Dateline> {
    let text = input.text();
    let mut toks = Tokens::default();
    let mut start = 0;
    for line in text.split('\n').take(DATELINE_LINES) {
        let range = start..start + line.len();
        start = range.end + 1;
        if line.trim().is_empty() || line.len() > 80 {
            continue;
        }
        let mut raws = Vec::new();
        scan(input, range.clone(), &mut toks, |raw| raws.push(raw));
        let [raw] = raws.as_slice() else {
            continue;
        };
        let Expr::Abs(part) = raw.expr else {
            continue;
        };
        let (Some(year), Unit::Day(m, d) | Unit::Minute(m, d, _, _)) = (part.year, part.unit)
        else {
            continue;
        };
        // The rest of the line: a few words (a place, "Cập nhật"), no other number.
        let others = toks
            .all
            .iter()
            .filter(|t| t.end <= raw.start || t.start >= raw.end)
            .filter(|t| !matches!(t.kind, tokens::Kind::Punct(_)))
            .count();
        let numbers = toks
            .all
            .iter()
            .filter(|t| t.end <= raw.start || t.start >= raw.end)
            .any(|t| matches!(t.kind, tokens::Kind::Num { .. }));
        if others > 6 || numbers {
            continue;
        }
        if let Some(date) = Date::new(year, m, d) {
            return Some(Dateline {
                date,
                range: raw.start..raw.end,
            });
        }
    }
    None
}

/// Runs the grammar over the sentence `range` of the text, calling `emit` for each
/// expression.
fn scan(input: &Input<'_>, range: Range<usize>, toks: &mut Tokens, mut emit: impl FnMut(Raw)) {
    let text = input.text();
    let lexicon = &*LEXICON;
    tokenize(
        text,
        input.lower(),
        &lexicon.words,
        &lexicon.starts,
        range,
        toks,
    );
    let grammar = Grammar {
        s: Toks { text, t: &toks.all },
        lexicon,
    };
    // Tokens before `next` are inside the last expression found.
    let mut next = 0;
    for &i in &toks.openers {
        if i < next || !grammar.may_start(i) {
            continue;
        }
        if let Some(raw) = grammar.parse(i) {
            emit(raw);
            // Go on after the expression's last token.
            next = toks
                .all
                .get(i..)
                .unwrap_or_default()
                .iter()
                .position(|t| t.start >= raw.end)
                .map_or(toks.all.len(), |p| i + p)
                .max(i + 1);
        }
    }
}

/// The byte offset where a related-articles list starts, or the end of the text. The list is
/// a header line ("Tin cùng chuyên mục:") followed by at most a few lines, at the end.
fn related_list_start(text: &str) -> usize {
    const MAX_LINES_AFTER: usize = 15;
    let mut start = 0;
    let mut header = None;
    let mut lines_after = 0;
    for line in text.split('\n') {
        let label = line.trim().trim_end_matches([':', ' ']);
        if start > 0
            && RELATED_HEADERS
                .iter()
                .any(|h| crate::text::eq_lower(label, h))
        {
            header = Some(start);
            lines_after = 0;
        } else if header.is_some() && !line.trim().is_empty() {
            lines_after += 1;
            if lines_after > MAX_LINES_AFTER {
                header = None;
            }
        }
        start += line.len() + 1;
    }
    header.unwrap_or(text.len())
}

/// The expressions of sentence `index`.
fn in_sentence(found: &[Found], index: usize) -> impl Iterator<Item = &Found> {
    let start = found.partition_point(|f| f.sentence < index);
    found
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(move |f| f.sentence == index)
}

/// The year written in the year expressions ("năm 2024", "cuối năm 2024") of sentence
/// `index`, when they write exactly one.
fn only_year(found: &[Found], index: usize) -> Option<u16> {
    let mut year = None;
    for f in in_sentence(found, index) {
        let y = match f.raw.expr {
            Expr::Abs(part) if part.unit == Unit::Year => part.year,
            _ => None,
        };
        match (year, y) {
            (_, None) => {}
            (None, Some(y)) => year = Some(y),
            (Some(a), Some(b)) if a == b => {}
            _ => return None,
        }
    }
    year
}

/// The event day and the reference date (the given one, or the event day when none is given).
fn event_day(
    input: &Input<'_>,
    found: &[Found],
    dateline: Option<&Dateline>,
    reference: Option<Anchor>,
) -> (Option<Anchor>, Option<Anchor>) {
    let mut first_sentence = None;
    let mut lead = None;
    for (position, f) in found.iter().enumerate() {
        if dateline.is_some_and(|d| d.range.start == f.raw.start) {
            continue;
        }
        let first = *first_sentence.get_or_insert(f.sentence);
        if f.sentence > first + 2 {
            break;
        }
        let day = match f.raw.expr {
            Expr::Abs(part) | Expr::Span(part, _) => match part.unit {
                Unit::Day(..) | Unit::Minute(..) if !f.raw.lunar => Some(part),
                _ => None,
            },
            _ => None,
        };
        if let Some(part) = day {
            lead = Some((position, part));
            break;
        }
    }
    let Some((position, part)) = lead else {
        return (None, reference);
    };
    let (Unit::Day(m, d) | Unit::Minute(m, d, _, _)) = part.unit else {
        return (None, reference);
    };
    let event = match (part.year, reference) {
        (Some(y), _) => Date::new(y, m, d).map(|date| Anchor {
            date,
            inferred: false,
        }),
        (None, Some(r)) => nearest_year(part.unit, false, r.date)
            .and_then(|y| Date::new(y, m, d))
            .map(|date| Anchor {
                date,
                inferred: true,
            }),
        (None, None) => lead_year(input, found, position, part).and_then(|y| {
            Date::new(y, m, d).map(|date| Anchor {
                date,
                inferred: true,
            })
        }),
    };
    (event, reference.or(event))
}

/// The year of a year-less event day from its lead sentence: nearest to the end of the
/// period the meeting reviews, or to the start of the term a congress opens.
fn lead_year(
    input: &Input<'_>,
    found: &[Found],
    position: usize,
    event: grammar::Part,
) -> Option<u16> {
    let event_found = found.get(position)?;
    let sentence = input.sentences().get(event_found.sentence)?.clone();
    let lower = input.lower().get(sentence.clone()).unwrap_or_default();
    // A congress opening a term: "Đại hội ... nhiệm kỳ 2025-2030".
    if lower.contains("đại hội") {
        for f in in_sentence(found, event_found.sentence) {
            if let Expr::Span(a, _) = f.raw.expr
                && f.raw.kind == DateKind::Range
                && input
                    .lower()
                    .get(f.raw.start..f.raw.end)
                    .is_some_and(|text| text.starts_with("nhiệm k"))
                && let Some(y) = a.year
            {
                let anchor = Date::new(y, 1, 1)?;
                return nearest_year(event.unit, false, anchor);
            }
        }
    }
    let end = period_end(reviewed_period(input, found, event_found.sentence)?)?;
    nearest_year(event.unit, false, end)
}

/// The period sentence `index` reviews: the first period with a written year after "tổng
/// kết", "sơ kết", "kết quả" or "đánh giá" ("sơ kết ... 6 tháng đầu năm 2024").
fn reviewed_period(input: &Input<'_>, found: &[Found], index: usize) -> Option<grammar::Part> {
    let sentence = input.sentences().get(index)?.clone();
    // The lower-case copy keeps every offset (`to_lowercase` would move them after an "İ").
    let lower = input.lower().get(sentence.clone()).unwrap_or_default();
    let cue = ["tổng kết", "sơ kết", "kết quả", "đánh giá"]
        .iter()
        .filter_map(|c| lower.find(c))
        .min()?;
    let cue = sentence.start + cue;
    in_sentence(found, index)
        .filter(|f| f.raw.start >= cue)
        .find_map(|f| match f.raw.expr {
            Expr::Abs(part) if part.year.is_some() => Some(part),
            _ => None,
        })
}

/// `FactId::new('d', number)`, without the formatting machinery (a tenth of the cost).
fn date_id(number: usize) -> FactId {
    let mut digits = [0u8; 20];
    let mut n = number;
    let mut at = digits.len();
    loop {
        at -= 1;
        if let Some(digit) = digits.get_mut(at) {
            *digit = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - at);
    id.push('d');
    id.extend(
        digits
            .get(at..)
            .unwrap_or_default()
            .iter()
            .map(|&d| char::from(d)),
    );
    FactId(id)
}

fn granularity(value: Option<Timex>) -> Granularity {
    let Some(value) = value else {
        return Granularity::Other;
    };
    if value.is_range() {
        return Granularity::Range;
    }
    match value.start().unit() {
        Unit::Decade => Granularity::Decade,
        Unit::Year => Granularity::Year,
        Unit::Half(_) => Granularity::Half,
        Unit::Quarter(_) => Granularity::Quarter,
        Unit::Month(_) => Granularity::Month,
        Unit::Week(_) => Granularity::Week,
        Unit::Day(..) => Granularity::Day,
        Unit::Minute(..) | Unit::Clock(..) => Granularity::Time,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_in_order_are_the_spans_of_input() {
        let text = "Sa\u{301}ng 11-1,\r\nta\u{323}i Ha\u{300} No\u{323}i\u{A0}\u{A0}ngày 15/3/2024 — \u{1F600} x";
        let normalized = crate::text::normalize::normalize(text);
        let input = Input::new(normalized, None);
        let bounds: Vec<usize> = input
            .text()
            .char_indices()
            .map(|(i, _)| i)
            .chain([input.text().len()])
            .collect();
        let spans = SpansInOrder::new(&input);
        // Every range, in ascending order of start and then going back.
        for (k, &start) in bounds.iter().enumerate() {
            for &end in bounds.get(k..).unwrap_or_default() {
                assert_eq!(
                    spans.span(start..end),
                    input.span(start..end),
                    "{start}..{end}"
                );
            }
        }
        for &start in bounds.iter().rev() {
            assert_eq!(spans.span(start..start), input.span(start..start));
        }
    }
}
