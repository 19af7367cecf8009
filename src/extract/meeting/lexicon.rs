//! The meeting lexicons (`src/lexicon/meeting_*.txt`): phrases matched case-insensitively on
//! whole words of the lower-cased text, each with a value, built once.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input as AcInput, MatchKind, StartKind};

use crate::facts::MeetingKind;

/// A set of phrases with a value each, searched with Aho-Corasick (leftmost-longest).
pub(super) struct Phrases<V> {
    automaton: Option<AhoCorasick>,
    values: Vec<V>,
}

/// One match of a phrase: byte offsets in the searched text, and the phrase's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit<V> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: V,
}

impl<V: Copy> Phrases<V> {
    /// Phrases from a lexicon file: `phrase` or `phrase | value`, `#` comments. A line whose
    /// value `parse` rejects is left out (a test checks that every line is read).
    fn load(data: &str, parse: impl Fn(&str) -> Option<V>) -> Phrases<V> {
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
            .build(&phrases)
            .ok();
        Phrases { automaton, values }
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
    Phrases::load(include_str!("../../lexicon/meeting_events.txt"), |v| {
        if v == "-" {
            Some(None)
        } else {
            kind(v).map(Some)
        }
    })
});

pub(super) static KIND_CUES: LazyLock<Phrases<MeetingKind>> =
    LazyLock::new(|| Phrases::load(include_str!("../../lexicon/meeting_kind_cues.txt"), kind));

pub(super) static HOLDING_VERBS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_holding_verbs.txt"),
        unit,
    )
});

pub(super) static TITLE_STOPS: LazyLock<Phrases<Stop>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_title_stops.txt"),
        |v| match v {
            "any" => Some(Stop::Any),
            "comma" => Some(Stop::AfterComma),
            _ => None,
        },
    )
});

pub(super) static PLACES: LazyLock<Phrases<()>> =
    LazyLock::new(|| Phrases::load(include_str!("../../lexicon/meeting_places.txt"), unit));

pub(super) static ROLES: LazyLock<Phrases<Role>> = LazyLock::new(|| {
    Phrases::load(include_str!("../../lexicon/meeting_roles.txt"), |v| {
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
    })
});

pub(super) static REFS: LazyLock<Phrases<()>> =
    LazyLock::new(|| Phrases::load(include_str!("../../lexicon/meeting_refs.txt"), unit));

pub(super) static BLOCKERS: LazyLock<Phrases<()>> =
    LazyLock::new(|| Phrases::load(include_str!("../../lexicon/meeting_cue_blockers.txt"), unit));

pub(super) static DIRECTIVE_CUES: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_directive_cues.txt"),
        unit,
    )
});

pub(super) static DIRECTIVE_VERBS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_directive_verbs.txt"),
        unit,
    )
});

pub(super) static PERSON_WORDS: LazyLock<Phrases<()>> =
    LazyLock::new(|| Phrases::load(include_str!("../../lexicon/meeting_person_words.txt"), unit));

pub(super) static ATTENDANCE: LazyLock<Phrases<Attendance>> = LazyLock::new(|| {
    Phrases::load(
        include_str!("../../lexicon/meeting_attendance.txt"),
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
