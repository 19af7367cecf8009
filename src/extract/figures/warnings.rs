//! Where the report's own figures disagree:
//!
//! - `percent_mismatch`: a stated percent differs from the quotient of the ratio it states by
//!   more than its own rounding allows, half a unit of its last digit ("2/3, đạt 67%" is
//!   fine; 17.279/18.121 is 95,35%, not the stated 95,45%);
//! - `numerator_above_denominator`: more reached than the whole ("đạt 13/12");
//! - `share_above_hundred`: a share above 100%;
//! - `parts_exceed_total`: "tổng số 120 đại biểu, trong đó 80 ..., 50 ...": parts after
//!   "trong đó" that add up to more than the total before it, in the same sentence.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::words::Doc;
use super::{Hits, PercentHit};
use crate::extract::Input;
use crate::facts::{CountCategory, Currency, FactId, PercentRole, Warning, WarningKind};

/// The ids given to the hits, index for index.
pub(super) struct Ids {
    pub(super) ratios: Vec<FactId>,
    pub(super) percents: Vec<FactId>,
    pub(super) counts: Vec<FactId>,
    pub(super) money: Vec<FactId>,
}

/// Every warning, in the order of the first fact each involves.
pub(super) fn check(input: &Input<'_>, doc: Doc<'_>, hits: &Hits, ids: &Ids) -> Vec<Warning> {
    let mut found: Vec<(usize, Warning)> = Vec::new();
    let text_of = |range: &Range<usize>| input.slice(range.clone()).to_string();
    for (p, percent) in hits.percents.iter().enumerate() {
        let percent_id = ids
            .percents
            .get(p)
            .cloned()
            .unwrap_or_else(|| FactId::new('s', 0));
        if let Some(r) = percent.states {
            let (Some(ratio), Some(ratio_id)) = (hits.ratios.get(r), ids.ratios.get(r)) else {
                continue;
            };
            let denominator = ratio.denominator.as_f64();
            if denominator != 0.0 {
                let exact = ratio.numerator.as_f64() / denominator * 100.0;
                let stated = percent.value.as_f64();
                if (exact - stated).abs() > tolerance(input, percent) {
                    found.push((
                        ratio.range.start,
                        Warning {
                            kind: WarningKind::PercentMismatch,
                            facts: vec![ratio_id.clone(), percent_id.clone()],
                            message: format!(
                                "{} is {:.2}%, but the text says {}",
                                text_of(&ratio.range),
                                exact,
                                text_of(&percent.range)
                            ),
                        },
                    ));
                }
            }
        }
        if percent.role == PercentRole::Share && percent.value.as_f64() > 100.0 {
            found.push((
                percent.range.start,
                Warning {
                    kind: WarningKind::ShareAboveHundred,
                    facts: vec![percent_id.clone()],
                    message: format!("{} is a share above 100%", text_of(&percent.range)),
                },
            ));
        }
    }
    // Which ratios a percent restates, computed once: asking the percents for every ratio
    // would be quadratic in a report full of figures.
    let mut restated = vec![false; hits.ratios.len()];
    for percent in hits.percents.iter().filter(|p| p.restates) {
        if let Some(flag) = percent.states.and_then(|r| restated.get_mut(r)) {
            *flag = true;
        }
    }
    for (r, ratio) in hits.ratios.iter().enumerate() {
        let stated = restated.get(r).copied().unwrap_or(false);
        if (ratio.reached || stated) && ratio.numerator.as_f64() > ratio.denominator.as_f64() {
            let id = ids
                .ratios
                .get(r)
                .cloned()
                .unwrap_or_else(|| FactId::new('s', 0));
            found.push((
                ratio.range.start,
                Warning {
                    kind: WarningKind::NumeratorAboveDenominator,
                    facts: vec![id],
                    message: format!(
                        "{} reaches more than the whole: the numerator is above the denominator",
                        text_of(&ratio.range)
                    ),
                },
            ));
        }
    }
    parts_exceed_total(input, doc, hits, ids, &mut found);
    found.sort_by_key(|(start, _)| *start);
    found.into_iter().map(|(_, w)| w).collect()
}

/// Half a unit of the stated figure's last digit ("95,45" allows 0.005), and a hair more for
/// floating point.
fn tolerance(input: &Input<'_>, percent: &PercentHit) -> f64 {
    let written = input.slice(percent.range.clone());
    let figure = written.trim_end_matches(|c: char| !c.is_ascii_digit());
    let decimals = figure
        .rfind([',', '.'])
        .map_or(0, |i| figure.len() - i - 1)
        .min(6);
    // "95.45" is a decimal point; "1.250" would be a thousands dot, but percents do not group.
    0.5 * 10f64.powi(-(decimals as i32)) + 1e-9
}

/// One figure of a total/parts check: where it stands, its value, its id, and what it counts.
struct Figure<'a> {
    start: usize,
    end: usize,
    value: f64,
    id: FactId,
    what: What<'a>,
}

/// What a figure counts: parts add up to a total only when they count the same.
#[derive(PartialEq)]
enum What<'a> {
    /// A count's or a ratio's category and unit (lower case).
    Counted(CountCategory, Cow<'a, str>),
    Money(Currency),
}

/// "trong đó" ("of which"), found with a vectorized search rather than char by char.
static OF_WHICH: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::new(["trong đó"]).ok());

fn parts_exceed_total<'a>(
    input: &Input<'_>,
    doc: Doc<'a>,
    hits: &'a Hits,
    ids: &Ids,
    found: &mut Vec<(usize, Warning)>,
) {
    let text = doc.text;
    let mut figures: Vec<Figure> = Vec::new();
    for (i, c) in hits.counts.iter().enumerate() {
        let Some(id) = ids
            .counts
            .get(i)
            .filter(|_| text.get(c.unit.clone()).is_some())
        else {
            continue;
        };
        figures.push(Figure {
            start: c.range.start,
            end: c.range.end,
            value: c.value.as_f64(),
            id: id.clone(),
            what: What::Counted(c.category, doc.lower_of(c.unit.clone())),
        });
    }
    for (i, r) in hits.ratios.iter().enumerate() {
        let (Some(id), Some((unit, category))) = (ids.ratios.get(i), r.unit.as_ref()) else {
            continue;
        };
        figures.push(Figure {
            start: r.range.start,
            end: r.range.end,
            value: r.numerator.as_f64(),
            id: id.clone(),
            what: What::Counted(*category, Cow::Borrowed(unit)),
        });
    }
    for (i, m) in hits.money.iter().enumerate() {
        let Some(id) = ids.money.get(i).filter(|_| m.per.is_none()) else {
            continue;
        };
        figures.push(Figure {
            start: m.range.start,
            end: m.range.end,
            value: m.value.as_f64(),
            id: id.clone(),
            what: What::Money(m.currency),
        });
    }
    if figures.is_empty() {
        return;
    }
    figures.sort_by_key(|f| f.start);
    let Some(of_which) = OF_WHICH.as_ref() else {
        return;
    };
    // In the lower-case copy (same offsets), so that "Trong đó" after a colon counts too.
    for at in of_which.find_iter(input.lower()).map(|m| m.start()) {
        let Some(sentence) = input.sentence_at(at) else {
            continue;
        };
        let split = figures.partition_point(|f| f.end <= at);
        let Some(total) = split
            .checked_sub(1)
            .and_then(|i| figures.get(i))
            .filter(|f| f.start >= sentence.start)
        else {
            continue;
        };
        let parts: Vec<&Figure> = figures
            .get(split..)
            .unwrap_or_default()
            .iter()
            .take_while(|f| f.end <= sentence.end)
            // The parts of one total are a handful; a bound keeps a sentence of thousands of
            // "trong đó" linear.
            .take(MAX_PARTS)
            .filter(|f| f.what == total.what)
            .collect();
        let sum: f64 = parts.iter().map(|f| f.value).sum();
        if parts.len() >= 2 && sum > total.value * (1.0 + 1e-9) {
            let mut facts = vec![total.id.clone()];
            facts.extend(parts.iter().map(|f| f.id.clone()));
            found.push((
                total.start,
                Warning {
                    kind: WarningKind::PartsExceedTotal,
                    facts,
                    message: format!(
                        "the parts after \"trong đó\" add up to {}, more than the total {}",
                        trim_number(sum),
                        trim_number(total.value)
                    ),
                },
            ));
        }
    }
}

/// How many figures after "trong đó" are read as the parts of the total before it.
const MAX_PARTS: usize = 32;

fn trim_number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}
