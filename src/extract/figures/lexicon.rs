//! The figures extractor's lexicons: data files under `src/lexicon/`, read once.
//!
//! Every file has one entry a line, `#` comments, and fields separated by `|`.

use std::sync::LazyLock;

use super::words::PhraseMap;
use crate::facts::{CountCategory, Currency, DurationUnit, PercentRole, Qualifier};

/// The fields of each entry of a lexicon file.
fn entries(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split('|').map(str::trim).collect())
}

/// `phrase | value` entries whose value parses; a line that does not is skipped (a unit test
/// checks that none is).
fn pairs<V>(data: &'static str, parse: fn(&str) -> Option<V>) -> PhraseMap<V> {
    PhraseMap::new(entries(data).filter_map(|fields| match fields.as_slice() {
        [phrase, value] => Some((phrase.to_string(), parse(value)?)),
        _ => None,
    }))
}

/// A snake_case member of one of the model's enums, read through serde so the data files
/// and the JSON contract spell it the same way.
fn member<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
}

const COUNT_UNITS: &str = include_str!("../../lexicon/count_units.txt");
const QUALIFIERS: &str = include_str!("../../lexicon/qualifiers.txt");
const CURRENCIES: &str = include_str!("../../lexicon/currencies.txt");
const NOT_FACT_CONTEXTS: &str = include_str!("../../lexicon/not_fact_contexts.txt");
const DURATION_UNITS: &str = include_str!("../../lexicon/duration_units.txt");
const PERCENT_CUES: &str = include_str!("../../lexicon/percent_cues.txt");
const RELATED_NEWS: &str = include_str!("../../lexicon/related_news.txt");

/// Counted nouns and their categories.
pub(super) static UNITS: LazyLock<PhraseMap<CountCategory>> =
    LazyLock::new(|| pairs(COUNT_UNITS, member));

/// Words before a figure that say how exact it is.
pub(super) static QUALIFIER_WORDS: LazyLock<PhraseMap<Qualifier>> =
    LazyLock::new(|| pairs(QUALIFIERS, member));

/// Currency words.
pub(super) static CURRENCY_WORDS: LazyLock<PhraseMap<Currency>> =
    LazyLock::new(|| pairs(CURRENCIES, member));

/// Why a number after these words is a label, not a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LabelReason {
    Name,
    Ordinal,
    Place,
    Date,
    Time,
    Document,
    Phone,
    /// "tổng số 120": the words look like a label ("số 12") but introduce a count.
    NotALabel,
}

fn label_reason(name: &str) -> Option<LabelReason> {
    Some(match name {
        "name" => LabelReason::Name,
        "ordinal" => LabelReason::Ordinal,
        "place" => LabelReason::Place,
        "date" => LabelReason::Date,
        "time" => LabelReason::Time,
        "document" => LabelReason::Document,
        "phone" => LabelReason::Phone,
        "count" => LabelReason::NotALabel,
        _ => return None,
    })
}

/// Words before a number that make it a name, an ordinal, a place, a date.
pub(super) static LABEL_CONTEXTS: LazyLock<PhraseMap<LabelReason>> =
    LazyLock::new(|| pairs(NOT_FACT_CONTEXTS, label_reason));

/// Words after a number that make it a length of time.
pub(super) static DURATION_WORDS: LazyLock<PhraseMap<DurationUnit>> =
    LazyLock::new(|| pairs(DURATION_UNITS, member));

/// The cues of a percentage's role, before the figure and after the "%".
pub(super) struct PercentCues {
    pub(super) before: PhraseMap<PercentRole>,
    pub(super) after: PhraseMap<PercentRole>,
}

pub(super) static PERCENT_CUES_MAP: LazyLock<PercentCues> = LazyLock::new(|| {
    let cues: Vec<(&str, String, PercentRole)> = entries(PERCENT_CUES)
        .filter_map(|fields| match fields.as_slice() {
            [place, words, role] => Some((*place, words.to_string(), member(role)?)),
            _ => None,
        })
        .collect();
    let pick = |wanted: &str| {
        PhraseMap::new(
            cues.iter()
                .filter(|(place, _, _)| *place == wanted)
                .map(|(_, words, role)| (words.clone(), *role)),
        )
    };
    PercentCues {
        before: pick("before"),
        after: pick("after"),
    }
});

/// Labels of a line that starts a block of related headlines at the end of a page.
pub(super) static RELATED_NEWS_LABELS: LazyLock<PhraseMap<()>> = LazyLock::new(|| {
    PhraseMap::new(
        entries(RELATED_NEWS).filter_map(|fields| Some((fields.first()?.to_string(), ()))),
    )
});

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of every lexicon is read: a typo in a category or a qualifier would
    /// otherwise silently drop the entry.
    #[test]
    fn every_entry_parses() {
        let check =
            |name: &str, data: &'static str, fields: usize, ok: &dyn Fn(&[&str]) -> bool| {
                for entry in entries(data) {
                    assert_eq!(entry.len(), fields, "{name}: {entry:?}");
                    assert!(ok(&entry), "{name}: {entry:?} does not parse");
                }
            };
        check("count_units", COUNT_UNITS, 2, &|f| {
            member::<CountCategory>(f[1]).is_some()
        });
        check("qualifiers", QUALIFIERS, 2, &|f| {
            member::<Qualifier>(f[1]).is_some()
        });
        check("currencies", CURRENCIES, 2, &|f| {
            member::<Currency>(f[1]).is_some()
        });
        check("contexts", NOT_FACT_CONTEXTS, 2, &|f| {
            label_reason(f[1]).is_some()
        });
        check("durations", DURATION_UNITS, 2, &|f| {
            member::<DurationUnit>(f[1]).is_some()
        });
        check("percent_cues", PERCENT_CUES, 3, &|f| {
            matches!(f[0], "before" | "after") && member::<PercentRole>(f[2]).is_some()
        });
        check("related_news", RELATED_NEWS, 1, &|_| true);
    }

    #[test]
    fn lookups() {
        assert_eq!(
            UNITS.get("lượt học viên"),
            Some(&CountCategory::Participant)
        );
        assert_eq!(QUALIFIER_WORDS.get("trên"), Some(&Qualifier::MoreThan));
        assert_eq!(CURRENCY_WORDS.get("usd"), Some(&Currency::Usd));
        assert_eq!(LABEL_CONTEXTS.get("ban chỉ đạo"), Some(&LabelReason::Name));
    }
}
