//! The extractors, and what they all read.
//!
//! Each extractor is a plain function over an [`Input`] that returns its own fact type and
//! imports no other extractor. Resolution (year inference, coreference, links between facts,
//! consistency checks, the meeting record) runs after all of them, in [`resolve`].

mod chrome;
mod dates;
mod figures;
mod meeting;
mod people;
mod resolve;

use std::ops::Range;

use crate::Kinds;
use crate::date::Date;
use crate::facts::{Facts, Span};
use crate::text::normalize::Normalized;
use crate::text::segment::sentences;
pub(crate) use people::Lexicons;

/// What every extractor reads: the normalized text, its sentences, the lines that are page
/// chrome, and the caller's reference date.
pub(crate) struct Input<'a> {
    normalized: Normalized<'a>,
    sentences: Vec<Range<usize>>,
    chrome: Vec<Range<usize>>,
    reference_date: Option<Date>,
    lower: std::cell::OnceCell<String>,
}

#[allow(dead_code)] // the extractors use these as they land
impl<'a> Input<'a> {
    pub(crate) fn new(normalized: Normalized<'a>, reference_date: Option<Date>) -> Input<'a> {
        let sentences = sentences(normalized.text());
        let chrome = chrome::chrome_lines(normalized.text());
        Input {
            normalized,
            sentences,
            chrome,
            reference_date,
            lower: std::cell::OnceCell::new(),
        }
    }

    /// The normalized text in lower case, every char at the same byte offset as in
    /// [`Input::text`]: compare `lower()[range]` with a lower-case keyword instead of
    /// lower-casing each token. Made on first use, once per document.
    pub(crate) fn lower(&self) -> &str {
        self.lower
            .get_or_init(|| crate::text::lower::lowercase_same_offsets(self.text()))
    }

    /// The normalized text; every range an extractor works with is a byte range of it.
    pub(crate) fn text(&self) -> &str {
        self.normalized.text()
    }

    /// The sentences of the normalized text, in order (a line break always ends one).
    pub(crate) fn sentences(&self) -> &[Range<usize>] {
        &self.sentences
    }

    /// The sentence that contains byte `pos` of the normalized text.
    pub(crate) fn sentence_at(&self, pos: usize) -> Option<Range<usize>> {
        let index = self.sentences.partition_point(|s| s.end <= pos);
        self.sentences
            .get(index)
            .filter(|s| s.start <= pos)
            .cloned()
    }

    /// Whether byte `pos` of the normalized text lies in page chrome (a visitor counter, a
    /// share label): nothing there is a fact.
    pub(crate) fn in_chrome(&self, pos: usize) -> bool {
        let index = self.chrome.partition_point(|line| line.end < pos);
        self.chrome
            .get(index)
            .is_some_and(|line| line.start <= pos && pos <= line.end)
    }

    /// The span, in the caller's text, of a byte range of the normalized text.
    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        self.normalized.span(range)
    }

    /// The byte range, in the caller's text, of a byte range of the normalized text (the
    /// byte offsets of [`Input::span`], without counting chars).
    pub(crate) fn caller_range(&self, range: Range<usize>) -> Range<usize> {
        self.normalized.input_range(range)
    }

    /// The caller's text (spans index it).
    pub(crate) fn original(&self) -> &str {
        self.normalized.input()
    }

    /// The normalized text of a byte range (empty when the range is not on char boundaries).
    pub(crate) fn slice(&self, range: Range<usize>) -> &str {
        self.text().get(range).unwrap_or_default()
    }

    /// The caller's reference date, if any (a dateline found in the text is the dates
    /// extractor's business).
    pub(crate) fn reference_date(&self) -> Option<Date> {
        self.reference_date
    }
}

/// The spans ([`Input::span`]) of ranges taken in ascending order, for an extractor that
/// makes its facts in text order: the char offsets are counted on from the last span's end
/// instead of from a checkpoint of the text each time. A range before the last one starts
/// the count over, so any order gives the right spans.
pub(crate) struct SpansInOrder<'a, 'i> {
    input: &'a Input<'i>,
    /// A byte offset of the caller's text and how many chars come before it.
    counted: std::cell::Cell<(usize, usize)>,
}

impl<'a, 'i> SpansInOrder<'a, 'i> {
    pub(crate) fn new(input: &'a Input<'i>) -> SpansInOrder<'a, 'i> {
        SpansInOrder {
            input,
            counted: std::cell::Cell::new((0, 0)),
        }
    }

    /// The span of a byte range of the normalized text, as [`Input::span`] gives it.
    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        let bytes = self.input.caller_range(range);
        let char_start = self.chars_before(bytes.start);
        let char_end = self.chars_before(bytes.end);
        Span::new(bytes.start, bytes.end, char_start, char_end)
    }

    /// How many chars of the caller's text come before byte `offset` (all of them past its
    /// end).
    fn chars_before(&self, offset: usize) -> usize {
        let text = self.input.original().as_bytes();
        let offset = offset.min(text.len());
        let (mut byte, mut chars) = self.counted.get();
        if offset < byte {
            (byte, chars) = (0, 0);
        }
        chars +=
            crate::text::offsets::count_char_starts(text.get(byte..offset).unwrap_or_default());
        self.counted.set((offset, chars));
        chars
    }
}

/// A warning for each title-only mention that more than one official could be: it stays
/// unresolved rather than guessed, and the analyst is told.
fn ambiguous_references(
    input: &Input<'_>,
    facts: &Facts,
    ambiguous: Vec<(Span, Vec<crate::facts::FactId>)>,
) -> Vec<crate::facts::Warning> {
    ambiguous
        .into_iter()
        .map(|(span, candidates)| {
            let names: Vec<&str> = candidates
                .iter()
                .filter_map(|id| facts.officials.iter().find(|o| &o.id == id))
                .map(|o| o.name.as_str())
                .collect();
            // The mention as normalized text, so that the message is the same whether the
            // caller passed raw or normalized text.
            let mention = crate::text::normalize::normalize(
                input.original().get(span.range()).unwrap_or_default(),
            )
            .into_text();
            crate::facts::Warning {
                kind: crate::facts::WarningKind::AmbiguousReference,
                facts: candidates,
                // No offsets in the message: they belong to one text, and the same facts read
                // from the normalized text must give the same warning.
                message: format!(
                    "\"{mention}\" could refer to {}; left unresolved",
                    names.join(" or ")
                ),
            }
        })
        .collect()
}

/// What one run of the extractors gives: the facts, and the reference date they were read
/// against (the caller's, or a dateline found in the text).
pub(crate) struct Extraction {
    pub(crate) facts: Facts,
    pub(crate) reference_date: Option<Date>,
}

/// Every fact of the normalized text, of the kinds asked for. `lexicons` are the people
/// extractor's (the built-in ones when `None`).
pub(crate) fn extract(
    normalized: Normalized<'_>,
    reference_date: Option<Date>,
    lexicons: Option<&Lexicons>,
    kinds: Kinds,
) -> Extraction {
    let input = Input::new(normalized, reference_date);
    let reference_date = reference_date.or_else(|| dates::dateline(&input));
    let mut facts = Facts::default();
    let mut ambiguous = Vec::new();
    if kinds.dates {
        facts.dates = dates::extract(&input);
    }
    if kinds.people {
        let people = match lexicons {
            Some(lexicons) => people::extract_with(&input, lexicons),
            None => people::extract(&input),
        };
        facts.officials = people.officials;
        facts.authors = people.authors;
        facts.organizations = people.organizations;
        facts.documents = people.documents;
        ambiguous = people.ambiguous;
    }
    if kinds.figures {
        let figures = figures::extract(&input);
        facts.statistics = figures.statistics;
        facts.counts = figures.counts;
        facts.money = figures.money;
        facts.durations = figures.durations;
        facts.warnings = figures.warnings;
    }
    facts
        .warnings
        .extend(ambiguous_references(&input, &facts, ambiguous));
    if kinds.meeting {
        resolve::resolve(&input, &mut facts);
    }
    Extraction {
        facts,
        reference_date,
    }
}
