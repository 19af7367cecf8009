//! The meeting lexicons (`src/lexicon/meeting_*.txt`): phrases matched case-insensitively on
//! whole words of the lower-cased text, each with a value, built once.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{
    AhoCorasick, AhoCorasickKind, Anchored, Input as AcInput, MatchKind, StartKind,
};

use crate::facts::MeetingKind;
use crate::text::fxhash::FxHashSet;

/// A set of phrases with a value each, searched with Aho-Corasick (leftmost-longest).
pub(super) struct Phrases<V> {
    automaton: Option<AhoCorasick>,
    values: Vec<V>,
    /// The last words of the phrases (their closing runs of letters and digits), when every
    /// phrase ends with one: a text whose last word is none of them ends with no phrase.
    last_words: Option<FxHashSet<String>>,
}

/// Where a lexicon is searched: a whole text, which a prefilter (a vectorized search for the
/// phrases' first bytes) and a compiled automaton speed up, or short spans, where building
/// them costs more than they save.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Searched {
    Texts,
    Spans,
}

/// One match of a phrase: byte offsets in the searched text, and the phrase's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit<V> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: V,
}

/// The hits of a [`Phrases::find_in_each`] search grouped by sentence: each sentence with
/// the hits inside it, in order (hits come sorted, so this is one walk over both lists).
pub(super) fn by_sentence<'a, V>(
    hits: &'a [Hit<V>],
    sentences: &'a [Range<usize>],
) -> impl Iterator<Item = (Range<usize>, &'a [Hit<V>])> + 'a {
    let mut rest = hits;
    sentences.iter().map(move |sentence| {
        let count = rest
            .iter()
            .take_while(|hit| hit.start < sentence.end)
            .count();
        let (inside, after) = rest.split_at(count);
        rest = after;
        (sentence.clone(), inside)
    })
}

impl<V: Copy> Phrases<V> {
    /// Phrases from a lexicon file: `phrase` or `phrase | value`, `#` comments. A line whose
    /// value `parse` rejects is left out (a test checks that every line is read).
    fn load(data: &str, searched: Searched, parse: impl Fn(&str) -> Option<V>) -> Phrases<V> {
        let mut phrases = Vec::new();
        let mut values = Vec::new();
        for line in lines(data) {
            let (phrase, value) = match line.split_once(" | ") {
                Some((phrase, value)) => (phrase.trim(), value.trim()),
                None => (line, ""),
            };
            if let Some(value) = parse(value).filter(|_| !phrase.is_empty()) {
                phrases.push(lowercase(phrase));
                values.push(value);
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .prefilter(searched == Searched::Texts)
            .kind((searched == Searched::Spans).then_some(AhoCorasickKind::NoncontiguousNFA))
            .build(&phrases)
            .ok();
        let last_words = phrases
            .iter()
            .map(|phrase| {
                let word = last_word(phrase);
                (!word.is_empty()).then(|| word.to_owned())
            })
            .collect();
        Phrases {
            automaton,
            values,
            last_words,
        }
    }

    /// How many phrases were read.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.values.len()
    }

    /// Whole-word matches in `lower[range]` (offsets into `lower`), left to right.
    pub(super) fn find_in<'a>(
        &'a self,
        lower: &'a str,
        range: Range<usize>,
    ) -> impl Iterator<Item = Hit<V>> + 'a {
        let range = clamp(lower, range);
        self.automaton
            .iter()
            .flat_map(move |automaton| automaton.find_iter(AcInput::new(lower).span(range.clone())))
            .filter(move |m| whole_words(lower, m.start(), m.end()))
            .filter_map(move |m| {
                self.values.get(m.pattern().as_usize()).map(|&value| Hit {
                    start: m.start(),
                    end: m.end(),
                    value,
                })
            })
    }

    /// The whole-word matches in each of `sentences` (ranges of `lower`, in order, apart), in
    /// order: what [`Phrases::find_in`] finds in each, with one search over the text they span
    /// instead of one per sentence.
    ///
    /// The two agree unless a match of the one search runs over the edge of a sentence (a
    /// phrase would have to hold the sentence break): then each sentence is searched alone.
    pub(super) fn find_in_each(&self, lower: &str, sentences: &[Range<usize>]) -> Vec<Hit<V>> {
        let (Some(automaton), Some(first), Some(last)) =
            (&self.automaton, sentences.first(), sentences.last())
        else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        let mut index = 0;
        let span = clamp(lower, first.start..last.end);
        for m in automaton.find_iter(AcInput::new(lower).span(span)) {
            while sentences.get(index).is_some_and(|s| s.end <= m.start()) {
                index += 1;
            }
            let Some(sentence) = sentences.get(index) else {
                break;
            };
            if m.start() < sentence.start {
                // Between sentences (or in one left out): no hit, unless it reaches in.
                if m.end() > sentence.start {
                    return self.find_in_one_by_one(lower, sentences);
                }
                continue;
            }
            if m.end() > sentence.end {
                return self.find_in_one_by_one(lower, sentences);
            }
            if whole_words(lower, m.start(), m.end())
                && let Some(&value) = self.values.get(m.pattern().as_usize())
            {
                hits.push(Hit {
                    start: m.start(),
                    end: m.end(),
                    value,
                });
            }
        }
        hits
    }

    fn find_in_one_by_one(&self, lower: &str, sentences: &[Range<usize>]) -> Vec<Hit<V>> {
        sentences
            .iter()
            .flat_map(|sentence| self.find_in(lower, sentence.clone()))
            .collect()
    }

    /// The longest phrase that starts at `pos` of `lower` and ends on a word boundary.
    pub(super) fn at(&self, lower: &str, pos: usize) -> Option<Hit<V>> {
        let automaton = self.automaton.as_ref()?;
        if pos > lower.len() || !lower.is_char_boundary(pos) {
            return None;
        }
        let input = AcInput::new(lower)
            .span(pos..lower.len())
            .anchored(Anchored::Yes);
        let m = automaton.find(input)?;
        if !whole_words(lower, m.start(), m.end()) {
            return None;
        }
        let value = *self.values.get(m.pattern().as_usize())?;
        Some(Hit {
            start: m.start(),
            end: m.end(),
            value,
        })
    }

    /// Whether `lower[..pos]`, less trailing spaces and commas, ends with one of the phrases
    /// as a whole word.
    pub(super) fn ends_before(&self, lower: &str, pos: usize) -> bool {
        let Some(before) = lower.get(..pos) else {
            return false;
        };
        let before = before.trim_end_matches([' ', ',']);
        // A phrase that ends there ends with the text's last word.
        if let Some(last_words) = &self.last_words
            && !last_words.contains(last_word(before))
        {
            return false;
        }
        self.searched_ends_before(lower, before)
    }

    /// [`Phrases::ends_before`] by a search of the last words of `before` (a prefix of
    /// `lower`, trimmed).
    fn searched_ends_before(&self, lower: &str, before: &str) -> bool {
        // The phrases are short: look at the last few words only.
        let from = before
            .char_indices()
            .rev()
            .filter(|&(_, c)| c == ' ')
            .nth(3)
            .map_or(0, |(i, _)| i + 1);
        self.find_in(lower, from..before.len())
            .any(|hit| hit.end == before.len())
    }
}

/// Positions of `word` as a whole word in `lower[range]`.
pub(super) fn word_positions<'a>(
    lower: &'a str,
    range: Range<usize>,
    word: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    let base = range.start;
    lower
        .get(range)
        .unwrap_or_default()
        .match_indices(word)
        .map(move |(i, _)| base + i)
        .filter(move |&pos| whole_words(lower, pos, pos + word.len()))
}

/// The run of letters and digits `text` ends with (empty when it ends with another char).
fn last_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| crate::text::is_alnum(c))
        .last()
        .map_or(text.len(), |(i, _)| i);
    text.get(start..).unwrap_or_default()
}

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn clamp(text: &str, range: Range<usize>) -> Range<usize> {
    let end = range.end.min(text.len());
    let start = range.start.min(end);
    start..end
}

/// Whether `text[start..end]` neither starts nor ends inside a word.
pub(super) fn whole_words(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(inner), Some(after)) =
        (text.get(..start), text.get(start..end), text.get(end..))
    else {
        return false;
    };
    let starts_word = inner.chars().next().is_some_and(crate::text::is_alnum);
    let ends_word = inner.chars().next_back().is_some_and(crate::text::is_alnum);
    let joined_before = before
        .chars()
        .next_back()
        .is_some_and(crate::text::is_alnum);
    let joined_after = after.chars().next().is_some_and(crate::text::is_alnum);
    let cuts_a_word = (starts_word && joined_before) || (ends_word && joined_after);
    !cuts_a_word
}

/// `text` lower-cased char by char where that keeps the byte length (every Vietnamese
/// letter), so byte offsets into the result are byte offsets into `text`.
pub(super) fn lowercase(text: &str) -> String {
    crate::text::lower::lowercase_same_offsets(text)
}

fn unit(value: &str) -> Option<()> {
    value.is_empty().then_some(())
}

fn kind(value: &str) -> Option<MeetingKind> {
    Some(match value {
        "conference" => MeetingKind::Conference,
        "council_session" => MeetingKind::CouncilSession,
        "party_congress" => MeetingKind::PartyCongress,
        "ceremony" => MeetingKind::Ceremony,
        "training" => MeetingKind::Training,
        "inspection" => MeetingKind::Inspection,
        "other" => MeetingKind::Other,
        _ => return None,
    })
}

/// What an event noun names: a kind of event, or nothing (a place that holds the noun).
pub(super) type EventNoun = Option<MeetingKind>;

/// Where a title stop counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
    /// Anywhere after the event noun.
    Any,
    /// Only right after ", ".
    AfterComma,
}

/// What a role cue says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Chair,
    ChairDo,
    ChairOf,
    Attendee,
    Presence,
    Speaker,
    /// A longer phrase that hides a cue.
    None,
}

/// What an attendance word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Attendance {
    Participant,
    Vote,
}

pub(super) static EVENTS: LazyLock<Phrases<EventNoun>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_events.txt"),
        Searched::Spans,
        |v| {
            if v == "-" {
                Some(None)
            } else {
                kind(v).map(Some)
            }
        },
    )
});

pub(super) static KIND_CUES: LazyLock<Phrases<MeetingKind>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_kind_cues.txt"),
        Searched::Spans,
        kind,
    )
});

pub(super) static HOLDING_VERBS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_holding_verbs.txt"),
        Searched::Spans,
        unit,
    )
});

pub(super) static TITLE_STOPS: LazyLock<Phrases<Stop>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_title_stops.txt"),
        Searched::Spans,
        |v| match v {
            "any" => Some(Stop::Any),
            "comma" => Some(Stop::AfterComma),
            _ => None,
        },
    )
});

pub(super) static PLACES: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_places.txt"),
        Searched::Spans,
        unit,
    )
});

pub(super) static ROLES: LazyLock<Phrases<Role>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_roles.txt"),
        Searched::Texts,
        |v| {
            Some(match v {
                "chair" => Role::Chair,
                "chair_do" => Role::ChairDo,
                "chair_of" => Role::ChairOf,
                "attendee" => Role::Attendee,
                "presence" => Role::Presence,
                "speaker" => Role::Speaker,
                "-" => Role::None,
                _ => return None,
            })
        },
    )
});

pub(super) static REFS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_refs.txt"),
        Searched::Spans,
        unit,
    )
});

pub(super) static BLOCKERS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_cue_blockers.txt"),
        Searched::Spans,
        unit,
    )
});

pub(super) static DIRECTIVE_CUES: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_directive_cues.txt"),
        Searched::Texts,
        unit,
    )
});

pub(super) static DIRECTIVE_VERBS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_directive_verbs.txt"),
        Searched::Spans,
        unit,
    )
});

pub(super) static PERSON_WORDS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_person_words.txt"),
        Searched::Spans,
        unit,
    )
});

pub(super) static ATTENDANCE: LazyLock<Phrases<Attendance>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_attendance.txt"),
        Searched::Spans,
        |v| match v {
            "participant" => Some(Attendance::Participant),
            "vote" => Some(Attendance::Vote),
            _ => None,
        },
    )
});

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(data: &str) -> usize {
        lines(data).count()
    }

    #[test]
    fn every_lexicon_line_is_read() {
        let files = [
            (
                EVENTS.len(),
                include_str!("../../lexicon/meeting_events.txt"),
            ),
            (
                KIND_CUES.len(),
                include_str!("../../lexicon/meeting_kind_cues.txt"),
            ),
            (
                HOLDING_VERBS.len(),
                include_str!("../../lexicon/meeting_holding_verbs.txt"),
            ),
            (
                TITLE_STOPS.len(),
                include_str!("../../lexicon/meeting_title_stops.txt"),
            ),
            (
                PLACES.len(),
                include_str!("../../lexicon/meeting_places.txt"),
            ),
            (ROLES.len(), include_str!("../../lexicon/meeting_roles.txt")),
            (REFS.len(), include_str!("../../lexicon/meeting_refs.txt")),
            (
                BLOCKERS.len(),
                include_str!("../../lexicon/meeting_cue_blockers.txt"),
            ),
            (
                DIRECTIVE_CUES.len(),
                include_str!("../../lexicon/meeting_directive_cues.txt"),
            ),
            (
                DIRECTIVE_VERBS.len(),
                include_str!("../../lexicon/meeting_directive_verbs.txt"),
            ),
            (
                PERSON_WORDS.len(),
                include_str!("../../lexicon/meeting_person_words.txt"),
            ),
            (
                ATTENDANCE.len(),
                include_str!("../../lexicon/meeting_attendance.txt"),
            ),
        ];
        for (read, data) in files {
            assert_eq!(
                read,
                entries(data),
                "a line of a meeting lexicon was not read"
            );
        }
    }

    #[test]
    fn matches_whole_words_only_and_the_longest_phrase() {
        let text = lowercase("Không đồng chí nào dự án; Ông X dự hội nghị");
        let persons: Vec<_> = PERSON_WORDS.find_in(&text, 0..text.len()).collect();
        // "ông" inside "Không" is not a word; "Ông" is.
        assert_eq!(persons.len(), 2);
        let roles: Vec<Role> = ROLES
            .find_in(&text, 0..text.len())
            .map(|h| h.value)
            .collect();
        assert_eq!(roles, [Role::None, Role::Attendee]);
    }

    #[test]
    fn lowercase_keeps_byte_offsets() {
        let text = "ỦY BAN Đảng Bộ İ";
        assert_eq!(lowercase(text).len(), text.len());
        assert!(lowercase(text).starts_with("ủy ban đảng bộ"));
    }

    fn same_hits<V: Copy + PartialEq + std::fmt::Debug>(
        phrases: &Phrases<V>,
        lower: &str,
        sentences: &[Range<usize>],
    ) -> usize {
        let one_by_one = phrases.find_in_one_by_one(lower, sentences);
        assert_eq!(phrases.find_in_each(lower, sentences), one_by_one);
        one_by_one.len()
    }

    #[test]
    fn one_search_finds_what_one_per_sentence_finds() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/reports");
        let mut found = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let lower = lowercase(&text);
            let sentences = crate::text::segment::sentences(&text);
            // Every sentence, every other one, and sentences cut short.
            let every_other: Vec<_> = sentences.iter().step_by(2).cloned().collect();
            let cut: Vec<_> = sentences
                .iter()
                .map(|s| s.start..(s.start + (s.end - s.start) / 2))
                .filter(|s| lower.is_char_boundary(s.end))
                .collect();
            for set in [&sentences, &every_other, &cut] {
                found += same_hits(&ROLES, &lower, set);
                found += same_hits(&DIRECTIVE_CUES, &lower, set);
                found += same_hits(&PERSON_WORDS, &lower, set);
            }
        }
        assert!(found > 100, "only {found} hits");
    }

    #[test]
    fn the_last_word_check_agrees_with_the_search() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/reports");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let lower = lowercase(&text);
            for (pos, _) in lower.char_indices() {
                let before = lower[..pos].trim_end_matches([' ', ',']);
                for phrases in [&*BLOCKERS, &*PERSON_WORDS, &*REFS] {
                    assert_eq!(
                        phrases.ends_before(&lower, pos),
                        phrases.searched_ends_before(&lower, before),
                        "{:?}",
                        &lower[pos.saturating_sub(30)..pos]
                    );
                }
                checked += 1;
            }
        }
        assert!(checked > 10_000);
        assert!(BLOCKERS.last_words.is_some());
    }

    #[test]
    fn ends_before_ignores_commas() {
        let text = lowercase("công tác lãnh đạo, chỉ đạo");
        let pos = text.find("chỉ").unwrap_or_default();
        assert!(BLOCKERS.ends_before(&text, pos));
        let text = lowercase("đồng chí đề nghị");
        let pos = text.find("đề").unwrap_or_default();
        assert!(!BLOCKERS.ends_before(&text, pos));
    }
}
