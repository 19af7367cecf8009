//! Ratios, percentages, counts, money and durations, and the places where the report's own
//! figures disagree.
//!
//! One pass over the text finds every number (`crate::number::scan_number` reads digits,
//! words and mixed forms; a slash pair is read here as two numbers) and decides what it is
//! from the words around it:
//!
//! 1. a label, never a fact: a name, an ordinal, a place, a date, a code ([`negatives`]);
//! 2. a percentage ("95,45%", "12 phần trăm") with its role and subject ([`percents`]);
//! 3. money, when a currency follows ([`money`]);
//! 4. a duration, when a time unit follows; an age is nothing ([`durations`]);
//! 5. a ratio: a slash pair that is not a date, or "48 trên 50 đại biểu" ([`ratios`]);
//! 6. a count, when a counted noun of the lexicon follows ([`counts`]).
//!
//! A number with none of these around it is not reported: a bare number is not a fact.
//! Then percentages are linked to the ratio they restate, ids are given in span order, and
//! the consistency checks run ([`warnings`]). Page chrome and the related headlines that
//! close a page are skipped.

mod counts;
mod durations;
mod lexicon;
mod money;
mod negatives;
mod percents;
mod phrases;
mod qualifiers;
mod ratios;
mod warnings;
mod words;

use std::ops::Range;
use std::sync::LazyLock;

use super::Input;
use crate::facts::{
    Count, CountCategory, Currency, Duration, DurationUnit, FactId, Money, Percent, PercentRole,
    Qualifier, Ratio, Statistic, Warning,
};
use crate::number::{NumberForm, NumberGate, NumberMatch, Numeral, parse_numeral, scan_number};
use words::{Doc, WordMemo, char_at};

/// What the figures extractor finds.
#[derive(Debug, Default)]
pub(crate) struct Figures {
    pub(crate) statistics: Vec<Statistic>,
    pub(crate) counts: Vec<Count>,
    pub(crate) money: Vec<Money>,
    pub(crate) durations: Vec<Duration>,
    pub(crate) warnings: Vec<Warning>,
}

/// A ratio found in the text (byte ranges of the normalized text).
struct RatioHit {
    range: Range<usize>,
    numerator: Numeral,
    denominator: Numeral,
    subject: Option<Range<usize>>,
    /// The counted noun right after it, lower case, with its category.
    unit: Option<(String, CountCategory)>,
    /// "đạt" before it: the numerator is what was reached.
    reached: bool,
}

struct PercentHit {
    range: Range<usize>,
    value: Numeral,
    role: PercentRole,
    subject: Option<Range<usize>>,
    restates: bool,
    /// The index of the ratio it states.
    states: Option<usize>,
}

struct CountHit {
    range: Range<usize>,
    value: Numeral,
    unit: Range<usize>,
    category: CountCategory,
    qualifier: Qualifier,
    per: Option<String>,
}

struct MoneyHit {
    range: Range<usize>,
    value: Numeral,
    currency: Currency,
    qualifier: Qualifier,
    subject: Option<Range<usize>>,
    per: Option<String>,
}

struct DurationHit {
    range: Range<usize>,
    value: Numeral,
    unit: DurationUnit,
}

#[derive(Default)]
struct Hits {
    ratios: Vec<RatioHit>,
    percents: Vec<PercentHit>,
    counts: Vec<CountHit>,
    money: Vec<MoneyHit>,
    durations: Vec<DurationHit>,
}

/// Every figure of the input.
pub(crate) fn extract(input: &Input<'_>) -> Figures {
    let text = input.text();
    let lower = input.lower();
    let memo = WordMemo::default();
    let limit = negatives::related_news_start(Doc::new(text, lower, 0, &memo));
    let (starts, exact_until) = number_starts(input, lower, limit);
    let doc = Doc::new(text, lower, exact_until, &memo);
    let mut scanner = Scanner {
        input,
        doc,
        text,
        hits: Hits::default(),
        last_listed_end: None,
    };
    // A number read whole is not read again from inside ("2 tỷ 300 triệu").
    let mut read_until = 0;
    for pos in starts {
        if pos < read_until {
            continue;
        }
        let first = text.as_bytes().get(pos).copied().unwrap_or(0);
        if let Some(next) = scanner.at(pos, first).filter(|&next| next > pos) {
            read_until = next;
        }
    }
    assemble(input, doc, scanner.hits)
}

/// Every offset before `limit` where a number may start: a word, outside page chrome, that
/// the [`NumberGate`] lets through. And how far the lower-case copy is exact ([`Doc::new`]):
/// up to the first char of it that [`words::inexact_at`] finds, or to `limit`. One pass over
/// the bytes of the copy (its ASCII bytes are the text's, lower-cased), most of which are
/// refused on a table.
fn number_starts(input: &Input<'_>, lower: &str, limit: usize) -> (Vec<usize>, usize) {
    let text = input.text();
    let gate = NumberGate::get();
    let classes: &[ByteClass; 256] = &BYTE_CLASSES;
    let bytes = lower.as_bytes();
    let mut starts = Vec::new();
    let mut exact_until = limit;
    for (pos, &b) in bytes.get(..limit).unwrap_or_default().iter().enumerate() {
        match classes[usize::from(b)] {
            ByteClass::Other => {}
            ByteClass::MayBeginNumber => {
                // A word starts here unless a letter or a digit comes right before.
                let inside = match pos.checked_sub(1).and_then(|i| bytes.get(i)) {
                    None => false,
                    Some(prev) if prev.is_ascii() => prev.is_ascii_alphanumeric(),
                    Some(_) => starts_after_alnum(text, pos),
                };
                if !inside && gate.may_start(text, lower, pos) && !input.in_chrome(pos) {
                    starts.push(pos);
                }
            }
            ByteClass::MayBeInexact => {
                if exact_until == limit && words::inexact_at(bytes, pos) {
                    exact_until = pos;
                }
            }
        }
    }
    (starts, exact_until)
}

/// What [`number_starts`] does at a byte of the lower-case copy.
#[derive(Clone, Copy)]
enum ByteClass {
    Other,
    /// A digit, or the first letter of a number word ([`NumberGate::may_begin`]).
    MayBeginNumber,
    /// The first byte of a char [`words::inexact_at`] may find.
    MayBeInexact,
}

static BYTE_CLASSES: LazyLock<[ByteClass; 256]> = LazyLock::new(|| {
    let gate = NumberGate::get();
    let mut classes = [ByteClass::Other; 256];
    for (b, class) in (0..=u8::MAX).zip(classes.iter_mut()) {
        if gate.may_begin(b) {
            *class = ByteClass::MayBeginNumber;
        } else if words::may_start_inexact(b) {
            *class = ByteClass::MayBeInexact;
        }
    }
    classes
});

/// Whether the char before byte `pos` is a letter or a digit: `pos` is inside a word.
fn starts_after_alnum(text: &str, pos: usize) -> bool {
    crate::number::alnum_len_before(text, pos).is_some()
}

struct Scanner<'i, 't> {
    input: &'i Input<'t>,
    doc: Doc<'i>,
    text: &'i str,
    hits: Hits,
    /// The end of the last number found to be a label ("Trung ương 6"), for the list after it.
    last_listed_end: Option<usize>,
}

impl Scanner<'_, '_> {
    /// Reads what starts at `pos`; the offset to go on from, or `None` when no number starts
    /// there.
    fn at(&mut self, pos: usize, first: u8) -> Option<usize> {
        let text = self.text;
        if first.is_ascii_digit() {
            if let Some(token) = ratios::slash_token(text, pos) {
                if let Some(pair) = token.pair {
                    self.pair(pair);
                }
                return Some(token.end);
            }
            if let Some((value, digits_end, end)) = money::glued_dong(text, pos) {
                if !self.label(pos, digits_end) {
                    self.money(pos, value, Currency::Vnd, end, None);
                }
                return Some(end);
            }
        }
        let m = scan_number(text, pos)?;
        Some(self.number(m))
    }

    /// Whether the number at `start..end` is a label; remembers it for the list after it.
    fn label(&mut self, start: usize, end: usize) -> bool {
        let label = negatives::label(self.doc, start, end, self.last_listed_end);
        if label == Some(negatives::Label::Listed) {
            self.last_listed_end = Some(end);
        }
        label.is_some()
    }

    /// Classifies one number; returns where to go on.
    fn number(&mut self, m: NumberMatch) -> usize {
        let doc = self.doc;
        if self.label(m.start, m.end) {
            return m.end;
        }
        // "một" is also the article "a" ("một nghị quyết chuyên đề").
        if m.form == NumberForm::Words && m.value == Numeral::Integer(1) {
            return m.end;
        }
        if let Some(sign_end) = percents::sign_after(doc, m.end) {
            self.percent(m.start, m.value, sign_end, None);
            return sign_end;
        }
        if let Some(next) = self.percent_range(&m) {
            return next;
        }
        if let Some((currency, end, per)) = money::currency_after(doc, m.end) {
            self.money(m.start, m.value, currency, end, per);
            return end;
        }
        self.borrowed_money(&m);
        if durations::is_age(doc, m.end) {
            return m.end;
        }
        match durations::after(doc, m.end) {
            Some(durations::Time::Duration(unit, end)) => {
                self.hits.durations.push(DurationHit {
                    range: m.start..end,
                    value: m.value,
                    unit,
                });
                return end;
            }
            Some(durations::Time::NotDuration) => return m.end,
            None => {}
        }
        if let Some(end) = self.ratio_over(&m) {
            return end;
        }
        if let Some((category, unit)) = counts::unit_after(doc, m.end) {
            let (mut qualifier, from) = qualifiers::before(doc, m.start);
            // The words before the count, read once for an average and for a rate's unit.
            let before = words::words_before(doc.text, from, counts::AVERAGE_WORDS);
            if counts::is_average(doc, &before) {
                return unit.end;
            }
            let mut end = unit.end;
            if qualifiers::at_least(doc, from, unit.end) {
                qualifier = Qualifier::AtLeast;
                end = qualifiers::at_least_end(doc, unit.end).unwrap_or(end);
            }
            self.hits.counts.push(CountHit {
                range: from..end,
                value: m.value,
                unit: unit.clone(),
                category,
                qualifier,
                per: money::per_in(doc, &before),
            });
            return unit.end;
        }
        m.end
    }

    /// A percentage whose number starts at `start` and whose sign ends at `sign_end`.
    /// `range_start` is where a range "5-10%" begins, when the figure ends one.
    fn percent(
        &mut self,
        start: usize,
        value: Numeral,
        sign_end: usize,
        range_start: Option<usize>,
    ) {
        let doc = self.doc;
        let (_, from) = qualifiers::before(doc, range_start.unwrap_or(start));
        let sentence = self.input.sentence_at(from).map_or(0, |s| s.start);
        let head = doc.lower_of(sentence..from);
        let reading = percents::read(doc, from, sign_end, &head);
        let subject = percents::subject(doc, from, sign_end, reading.role);
        self.hits.percents.push(PercentHit {
            range: start..sign_end,
            value,
            role: reading.role,
            subject,
            restates: reading.restates,
            states: None,
        });
    }

    /// "5-10%": both ends are percentages, with the role of the whole.
    fn percent_range(&mut self, m: &NumberMatch) -> Option<usize> {
        let text = self.text;
        let dash = char_at(text, m.end).filter(|c| matches!(c, '-' | '–'))?;
        let second = scan_number(text, m.end + dash.len_utf8())?;
        let sign_end = percents::sign_after(self.doc, second.end)?;
        self.percent(m.start, m.value, sign_end, Some(m.start));
        if let Some(first) = self.hits.percents.last_mut() {
            first.range = m.start..m.end;
        }
        self.percent(second.start, second.value, sign_end, Some(m.start));
        Some(sign_end)
    }

    fn money(
        &mut self,
        start: usize,
        value: Numeral,
        currency: Currency,
        end: usize,
        per: Option<String>,
    ) {
        let doc = self.doc;
        let (qualifier, from) = qualifiers::before(doc, start);
        let per = per.or_else(|| money::per_before(doc, from));
        self.hits.money.push(MoneyHit {
            range: from..end,
            value,
            currency,
            qualifier,
            subject: money::subject(doc, from, end),
            per,
        });
    }

    /// "từ 1,2 lên 1,5 triệu đồng/người/tháng": the first figure takes the second's
    /// multiplier and currency.
    fn borrowed_money(&mut self, m: &NumberMatch) {
        let doc = self.doc;
        let text = doc.text;
        if m.form != NumberForm::Digits {
            return;
        }
        let Some(link) = doc.word_after(m.end).filter(|w| w.start == m.end + 1) else {
            return;
        };
        if !matches!(
            &*doc.lower_of(link.clone()),
            "lên" | "đến" | "tới" | "xuống"
        ) {
            return;
        }
        let Some(second) = scan_number(text, link.end + 1) else {
            return;
        };
        let Some((currency, _, per)) = money::currency_after(doc, second.end) else {
            return;
        };
        let digits_end = text
            .get(second.start..)
            .and_then(|rest| rest.find(' '))
            .map_or(second.end, |i| second.start + i);
        let Some(written) = text.get(second.start..digits_end).and_then(parse_numeral) else {
            return;
        };
        if second.form != NumberForm::Mixed || written.as_f64() == 0.0 {
            return;
        }
        let factor = second.value.as_f64() / written.as_f64();
        let value = numeral(m.value.as_f64() * factor);
        let (qualifier, from) = qualifiers::before(doc, m.start);
        self.hits.money.push(MoneyHit {
            range: from..m.end,
            value,
            currency,
            qualifier,
            subject: money::subject(doc, from, m.end),
            per,
        });
    }

    /// "48 trên 50 đại biểu": a ratio written with "trên".
    fn ratio_over(&mut self, m: &NumberMatch) -> Option<usize> {
        let doc = self.doc;
        let text = doc.text;
        let link = doc.word_after(m.end).filter(|w| w.start == m.end + 1)?;
        if !doc.word_is(&link, "trên") {
            return None;
        }
        let second = scan_number(text, link.end + 1)?;
        let (category, unit) = counts::unit_after(doc, second.end)?;
        self.hits.ratios.push(RatioHit {
            range: m.start..second.end,
            numerator: m.value,
            denominator: second.value,
            subject: phrases::noun_phrase_after(doc, second.end),
            unit: Some((doc.lower_of(unit.clone()).into_owned(), category)),
            reached: ratios::reached_before(doc, m.start),
        });
        Some(unit.end)
    }

    /// A slash pair: a ratio unless it is a label or a date; with a shared money unit
    /// ("96,3/187,5 tỷ đồng") two amounts as well.
    fn pair(&mut self, pair: ratios::Pair) {
        let doc = self.doc;
        if self.label(pair.range.start, pair.range.end) || ratios::is_date(doc, &pair) {
            return;
        }
        let end = pair.range.end;
        let shared = self.shared_money(&pair);
        let unit = counts::unit_after(doc, end);
        let subject = if shared {
            None
        } else {
            phrases::noun_phrase_after(doc, end)
        };
        self.hits.ratios.push(RatioHit {
            range: pair.range.clone(),
            numerator: pair.numerator,
            denominator: pair.denominator,
            subject,
            unit: unit.map(|(category, range)| (doc.lower_of(range).into_owned(), category)),
            reached: ratios::reached_before(doc, pair.range.start),
        });
    }

    /// "96,3/187,5 tỷ đồng": the multiplier and currency after the denominator apply to both.
    fn shared_money(&mut self, pair: &ratios::Pair) -> bool {
        let doc = self.doc;
        let text = doc.text;
        let end = pair.range.end;
        let Some(word) = doc.word_after(end).filter(|w| w.start == end + 1) else {
            return false;
        };
        // The multiplier word's value, read by `scan_number` on "1 <word>".
        let probe = format!("1 {}", text.get(word.clone()).unwrap_or_default());
        let factor = scan_number(&probe, 0)
            .filter(|m| m.end == probe.len() && m.form == NumberForm::Mixed)
            .map_or(1.0, |m| m.value.as_f64());
        let unit_end = if factor > 1.0 { word.end } else { end };
        let Some((currency, money_end, per)) = money::currency_after(doc, unit_end) else {
            return false;
        };
        let numerator_end = pair.denominator_start - 1;
        for (range, value) in [
            (pair.range.start..numerator_end, pair.numerator),
            (pair.denominator_start..money_end, pair.denominator),
        ] {
            self.hits.money.push(MoneyHit {
                subject: money::subject(doc, pair.range.start, money_end),
                range,
                value: numeral(value.as_f64() * factor),
                currency,
                qualifier: Qualifier::Exact,
                per: per.clone(),
            });
        }
        true
    }
}

/// A float as a numeral: an integer when it is one (to a millionth).
fn numeral(x: f64) -> Numeral {
    let rounded = x.round();
    if (x - rounded).abs() < 1e-6 * x.abs().max(1.0) && (0.0..9.0e15).contains(&rounded) {
        Numeral::Integer(rounded as u64)
    } else {
        Numeral::Decimal(x)
    }
}

/// Ids in span order, percent → ratio links, warnings, and the facts of the contract.
fn assemble(input: &Input<'_>, doc: Doc<'_>, mut hits: Hits) -> Figures {
    hits.ratios.sort_by_key(|h| h.range.start);
    hits.percents.sort_by_key(|h| h.range.start);
    hits.counts.sort_by_key(|h| h.range.start);
    hits.money.sort_by_key(|h| h.range.start);
    hits.durations.sort_by_key(|h| h.range.start);
    link_percents(input, &mut hits);

    // Statistics: ratios and percents share one id sequence, in span order.
    let mut order: Vec<(usize, bool, usize)> = hits
        .ratios
        .iter()
        .enumerate()
        .map(|(i, h)| (h.range.start, true, i))
        .chain(
            hits.percents
                .iter()
                .enumerate()
                .map(|(i, h)| (h.range.start, false, i)),
        )
        .collect();
    order.sort_unstable();
    let mut ratio_ids = vec![FactId::new('s', 0); hits.ratios.len()];
    let mut percent_ids = vec![FactId::new('s', 0); hits.percents.len()];
    for (n, &(_, is_ratio, i)) in order.iter().enumerate() {
        let ids = if is_ratio {
            &mut ratio_ids
        } else {
            &mut percent_ids
        };
        if let Some(slot) = ids.get_mut(i) {
            *slot = FactId::new('s', n + 1);
        }
    }
    let ids = warnings::Ids {
        ratios: ratio_ids,
        percents: percent_ids,
        counts: (1..=hits.counts.len())
            .map(|n| FactId::new('c', n))
            .collect(),
        money: (1..=hits.money.len())
            .map(|n| FactId::new('m', n))
            .collect(),
    };
    let warnings = warnings::check(input, doc, &hits, &ids);

    let text_of = |range: &Range<usize>| input.slice(range.clone()).to_string();
    let subject_of =
        |range: &Option<Range<usize>>| range.as_ref().map(text_of).filter(|s| !s.is_empty());
    let mut statistics = Vec::with_capacity(order.len());
    for &(_, is_ratio, i) in &order {
        if is_ratio {
            let (Some(h), Some(id)) = (hits.ratios.get(i), ids.ratios.get(i)) else {
                continue;
            };
            statistics.push(Statistic::Ratio(Ratio {
                id: id.clone(),
                text: text_of(&h.range),
                span: input.span(h.range.clone()),
                numerator: h.numerator,
                denominator: h.denominator,
                percent: ratios::percent(h.numerator, h.denominator),
                subject: subject_of(&h.subject),
            }));
        } else {
            let (Some(h), Some(id)) = (hits.percents.get(i), ids.percents.get(i)) else {
                continue;
            };
            let stated = h.states.and_then(|r| hits.ratios.get(r));
            statistics.push(Statistic::Percent(Percent {
                id: id.clone(),
                text: text_of(&h.range),
                span: input.span(h.range.clone()),
                value: h.value,
                role: h.role,
                subject: stated
                    .and_then(|r| subject_of(&r.subject))
                    .or_else(|| subject_of(&h.subject)),
                states: h.states.and_then(|r| ids.ratios.get(r).cloned()),
            }));
        }
    }
    let counts = hits
        .counts
        .iter()
        .zip(&ids.counts)
        .map(|(h, id)| Count {
            id: id.clone(),
            text: text_of(&h.range),
            span: input.span(h.range.clone()),
            value: h.value,
            unit: text_of(&h.unit),
            category: h.category,
            qualifier: h.qualifier,
            per: h.per.clone(),
        })
        .collect();
    let money = hits
        .money
        .iter()
        .zip(&ids.money)
        .map(|(h, id)| Money {
            id: id.clone(),
            text: text_of(&h.range),
            span: input.span(h.range.clone()),
            value: h.value,
            currency: h.currency,
            qualifier: h.qualifier,
            subject: subject_of(&h.subject),
            per: h.per.clone(),
        })
        .collect();
    let durations = hits
        .durations
        .iter()
        .enumerate()
        .map(|(n, h)| Duration {
            id: FactId::new('u', n + 1),
            text: text_of(&h.range),
            span: input.span(h.range.clone()),
            value: h.value,
            unit: h.unit,
        })
        .collect();
    Figures {
        statistics,
        counts,
        money,
        durations,
        warnings,
    }
}

/// At most this many chars between a ratio and the percent that restates it.
const LINK_DISTANCE: usize = 120;

/// A percent that restates ("đạt", "bằng", parentheses) states the ratio right before it in
/// the same sentence, when no other statistic stands between them. Only the first percent
/// after a ratio can ("45/46 ..., đạt 97,83% ... và bằng 91,84% tổng số ..." links 97,83%).
fn link_percents(input: &Input<'_>, hits: &mut Hits) {
    let text = input.text();
    let count_starts: Vec<usize> = hits.counts.iter().map(|h| h.range.start).collect();
    let money_starts: Vec<usize> = hits.money.iter().map(|h| h.range.start).collect();
    let mut ratio = 0;
    let mut candidate: Option<usize> = None;
    for p in 0..hits.percents.len() {
        let Some(start) = hits.percents.get(p).map(|h| h.range.start) else {
            continue;
        };
        while hits.ratios.get(ratio).is_some_and(|r| r.range.end <= start) {
            candidate = Some(ratio);
            ratio += 1;
        }
        let Some(r) = candidate.take() else {
            continue;
        };
        let Some(ratio_hit) = hits.ratios.get(r) else {
            continue;
        };
        // "70/72 học viên ..., 18 học viên đạt loại giỏi (25%)": the count in between is
        // what the percent restates, not the ratio.
        let between = ratio_hit.range.end..start;
        let figure_between =
            starts_within(&count_starts, &between) || starts_within(&money_starts, &between);
        let same_sentence =
            !figure_between && input.sentence_at(ratio_hit.range.start) == input.sentence_at(start);
        let near = text
            .get(ratio_hit.range.end..start)
            .is_some_and(|between| between.chars().count() <= LINK_DISTANCE);
        if let Some(percent) = hits
            .percents
            .get_mut(p)
            .filter(|h| h.restates && same_sentence && near)
        {
            percent.states = Some(r);
        }
    }
}

/// Whether one of the sorted offsets lies in `range`.
fn starts_within(sorted: &[usize], range: &Range<usize>) -> bool {
    let i = sorted.partition_point(|&s| s < range.start);
    sorted.get(i).is_some_and(|&s| s < range.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_from_floats() {
        assert_eq!(numeral(1.2 * 1_000_000.0), Numeral::Integer(1_200_000));
        assert_eq!(numeral(96.3 * 1e9), Numeral::Integer(96_300_000_000));
        assert_eq!(numeral(2.5), Numeral::Decimal(2.5));
    }
}
