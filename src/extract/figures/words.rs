//! Words around a figure: the syllables right before and after a number, and phrase lookups in
//! the lexicons on them. Everything here looks at a handful of words, never at the whole text.
//!
//! Nothing here allocates on the way: the words are byte ranges on the stack ([`Words`]), and a
//! word's lower case is a slice of the document's lower-case copy ([`Doc::lower_of`]), not a
//! new string.

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::{Deref, Range};

use crate::number::{alnum_len_at, alnum_len_before};

use crate::text::fxhash::{FxHashMap, FxHashSet};

/// At most this many words are looked at on either side of a figure.
const WINDOW: usize = 16;

/// The text a figure is read from, and its lower-case copy with every char at the same byte
/// offset (`Input::lower`).
#[derive(Clone, Copy)]
pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    pub(super) lower: &'a str,
    /// Before this offset the copy is the text's lower case as `str::to_lowercase` writes it
    /// (what the lexicons are keyed by): there a word's lower case is its slice of the copy.
    exact_until: usize,
    memo: &'a WordMemo,
}

/// The last word found after an offset and the last found before one: the checks around one
/// figure ask for the words next to it many times.
#[derive(Default)]
pub(super) struct WordMemo {
    /// `[offset, start, end]`; `start == end` when no word is there.
    after: Cell<Option<[usize; 3]>>,
    before: Cell<Option<[usize; 3]>>,
}

impl WordMemo {
    fn word(
        slot: &Cell<Option<[usize; 3]>>,
        pos: usize,
        find: impl FnOnce() -> Option<Range<usize>>,
    ) -> Option<Range<usize>> {
        if let Some([at, start, end]) = slot.get()
            && at == pos
        {
            return (start < end).then_some(start..end);
        }
        let word = find();
        let (start, end) = word.as_ref().map_or((pos, pos), |w| (w.start, w.end));
        slot.set(Some([pos, start, end]));
        word
    }
}

impl<'a> Doc<'a> {
    /// `text` and `lower`, its lower-case copy with the same offsets. No char of the copy
    /// before `exact_until` is one that [`inexact_at`] finds (0 when unknown: then every slice
    /// is checked).
    pub(super) fn new(
        text: &'a str,
        lower: &'a str,
        exact_until: usize,
        memo: &'a WordMemo,
    ) -> Doc<'a> {
        Doc {
            text,
            lower,
            exact_until,
            memo,
        }
    }

    /// The first word after byte `pos` ([`WordsAfter`]).
    pub(super) fn word_after(&self, pos: usize) -> Option<Range<usize>> {
        WordMemo::word(&self.memo.after, pos, || iter_after(self.text, pos).next())
    }

    /// The last word before byte `pos` ([`WordsBefore`]).
    pub(super) fn word_before(&self, pos: usize) -> Option<Range<usize>> {
        WordMemo::word(&self.memo.before, pos, || {
            iter_before(self.text, pos).next()
        })
    }

    /// Whether the lower case of `range` needs no check.
    fn known_exact(&self, range: &Range<usize>) -> bool {
        range.end <= self.exact_until
    }

    /// What `str::to_lowercase` makes of the text of `range`: the slice of the lower-case copy,
    /// unless the copy had to keep a char as it was there; then the text lower-cased anew.
    pub(super) fn lower_of(&self, range: Range<usize>) -> Cow<'a, str> {
        let lower = self.lower.get(range.clone()).unwrap_or_default();
        if self.known_exact(&range) || !may_be_inexact(lower) || is_plain_lower(lower) {
            Cow::Borrowed(lower)
        } else {
            Cow::Owned(self.text.get(range).unwrap_or_default().to_lowercase())
        }
    }

    /// Whether the word at `range` is `word` (lower case, Vietnamese), in any case.
    pub(super) fn word_is(&self, range: &Range<usize>, word: &str) -> bool {
        let lower = self.lower.get(range.clone()).unwrap_or_default();
        lower == word
            || (!self.known_exact(range)
                && may_be_inexact(lower)
                && self.lower_of(range.clone()) == word)
    }

    /// Whether `words`, lower-cased and joined by single spaces, are `phrase`.
    pub(super) fn phrase_is(&self, words: &[Range<usize>], phrase: &str) -> bool {
        if words.is_empty() {
            return phrase.is_empty();
        }
        let mut rest = Some(phrase);
        words.iter().all(|w| {
            let Some(pieces) = rest else {
                return false;
            };
            let (piece, tail) = match pieces.as_bytes().iter().position(|&b| b == b' ') {
                Some(i) => (pieces.get(..i).unwrap_or_default(), pieces.get(i + 1..)),
                None => (pieces, None),
            };
            rest = tail;
            self.word_is(w, piece)
        }) && rest.is_none()
    }

    /// `words` lower-cased and joined by single spaces: a slice of the lower-case copy when
    /// single spaces already join them.
    pub(super) fn phrase_of(&self, words: &[Range<usize>]) -> Cow<'a, str> {
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return Cow::Borrowed("");
        };
        let bytes = self.text.as_bytes();
        let single_spaced = words.windows(2).all(|pair| match pair {
            [a, b] => b.start == a.end + 1 && bytes.get(a.end) == Some(&b' '),
            _ => true,
        });
        if single_spaced {
            return self.lower_of(first.start..last.end);
        }
        let mut out = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&self.lower_of(w.clone()));
        }
        Cow::Owned(out)
    }
}

/// Whether a char of the lower-case copy that is not the text's lower case as
/// `str::to_lowercase` writes it may start at byte `pos` of the copy: a char whose lower case
/// has another length in UTF-8, which the copy keeps as it is ("İ", "ẞ", "Ⱥ", the Kelvin
/// sign, Latin Extended-C and -D), or the sigma (`str::to_lowercase` writes "ς" at a word's
/// end). Told from their first bytes, which Vietnamese words do not have: a unit test checks
/// every char.
#[inline]
pub(super) fn inexact_at(lower: &[u8], pos: usize) -> bool {
    let next = lower.get(pos + 1).copied();
    match lower.get(pos) {
        Some(0xC8 | 0xCF | 0xEA) => true,
        Some(0xC4) => next == Some(0xB0),
        Some(0xE1) => next == Some(0xBA) && lower.get(pos + 2) == Some(&0x9E),
        Some(0xE2) => matches!(next, Some(0x84 | 0xB1)),
        _ => false,
    }
}

/// Whether [`inexact_at`] may find a char that starts with this byte.
pub(super) fn may_start_inexact(first: u8) -> bool {
    matches!(first, 0xC4 | 0xC8 | 0xCF | 0xE1 | 0xE2 | 0xEA)
}

/// Whether some byte of a slice of the lower-case copy is [`inexact_at`].
fn may_be_inexact(lower: &str) -> bool {
    let bytes = lower.as_bytes();
    (0..bytes.len()).any(|i| inexact_at(bytes, i))
}

/// Whether a slice of the lower-case copy is the text's lower case as `str::to_lowercase`
/// writes it: every char is its own lower case, and none is a sigma.
fn is_plain_lower(lower: &str) -> bool {
    lower.chars().all(|c| {
        let mut small = c.to_lowercase();
        small.next() == Some(c) && small.next().is_none() && c != 'σ'
    })
}

/// Up to [`WINDOW`] word ranges, on the stack; a slice of them through `Deref`.
pub(super) struct Words {
    ranges: [Range<usize>; WINDOW],
    len: usize,
}

impl Words {
    fn new() -> Words {
        Words {
            ranges: [const { 0..0 }; WINDOW],
            len: 0,
        }
    }

    fn push(&mut self, range: Range<usize>) {
        if let Some(slot) = self.ranges.get_mut(self.len) {
            *slot = range;
            self.len += 1;
        }
    }

    /// Drops the last word.
    pub(super) fn pop(&mut self) {
        self.len = self.len.saturating_sub(1);
    }

    /// Keeps the first `len` words.
    pub(super) fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }
}

impl Deref for Words {
    type Target = [Range<usize>];

    fn deref(&self) -> &[Range<usize>] {
        self.ranges.get(..self.len).unwrap_or_default()
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}'
}

/// The end of the run of word chars that starts at byte `pos`.
fn word_end(text: &str, mut pos: usize) -> usize {
    while let Some(len) = alnum_len_at(text, pos) {
        pos += len;
    }
    pos
}

/// The start of the run of word chars that ends at byte `pos`.
fn word_start(text: &str, mut pos: usize) -> usize {
    while let Some(len) = alnum_len_before(text, pos) {
        pos -= len;
    }
    pos
}

/// The words after a byte offset, nearest first, separated by spaces only: punctuation ends
/// them. The first word may start after spaces, or right at the offset.
pub(super) struct WordsAfter<'t> {
    text: &'t str,
    pos: usize,
}

impl Iterator for WordsAfter<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let bytes = self.text.as_bytes();
        let mut start = self.pos;
        loop {
            match (bytes.get(start), bytes.get(start + 1)) {
                (Some(b' '), _) => start += 1,
                (Some(0xC2), Some(0xA0)) => start += 2,
                _ => break,
            }
        }
        let end = word_end(self.text, start);
        self.pos = end;
        (end > start).then_some(start..end)
    }
}

/// The words before a byte offset, nearest first, separated by spaces only.
pub(super) struct WordsBefore<'t> {
    text: &'t str,
    pos: usize,
}

impl Iterator for WordsBefore<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let bytes = self.text.as_bytes();
        if !self.text.is_char_boundary(self.pos) {
            return None;
        }
        let mut end = self.pos;
        loop {
            match (
                end.checked_sub(2).and_then(|i| bytes.get(i)),
                end.checked_sub(1).and_then(|i| bytes.get(i)),
            ) {
                (_, Some(b' ')) => end -= 1,
                (Some(0xC2), Some(0xA0)) => end -= 2,
                _ => break,
            }
        }
        let start = word_start(self.text, end);
        self.pos = start;
        (start < end).then_some(start..end)
    }
}

/// The words after byte `pos` ([`WordsAfter`]), nearest first.
pub(super) fn iter_after(text: &str, pos: usize) -> WordsAfter<'_> {
    WordsAfter { text, pos }
}

/// The words before byte `pos` ([`WordsBefore`]), nearest first.
pub(super) fn iter_before(text: &str, pos: usize) -> WordsBefore<'_> {
    WordsBefore { text, pos }
}

/// The first `limit` words after byte `pos` ([`WordsAfter`]), in order.
pub(super) fn words_after(text: &str, pos: usize, limit: usize) -> Words {
    let mut words = Words::new();
    for word in iter_after(text, pos).take(limit.min(WINDOW)) {
        words.push(word);
    }
    words
}

/// The last `limit` words before byte `pos` ([`WordsBefore`]), in text order (nearest last).
pub(super) fn words_before(text: &str, pos: usize, limit: usize) -> Words {
    let mut words = Words::new();
    for word in iter_before(text, pos).take(limit.min(WINDOW)) {
        words.push(word);
    }
    if let Some(found) = words.ranges.get_mut(..words.len) {
        found.reverse();
    }
    words
}

/// The last non-space char before `pos`, with its offset.
pub(super) fn prev_char(text: &str, pos: usize) -> Option<(usize, char)> {
    let head = text.get(..pos)?;
    head.char_indices().rev().find(|&(_, c)| !is_space(c))
}

/// The char right at `pos` (no skipping).
pub(super) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The char right before `pos` (no skipping).
pub(super) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// Whether a word is written like a name: a capital then at least one lower-case letter
/// ("Mocha", "Điệp", "Km"), not an all-capital acronym ("UBND").
pub(super) fn is_title_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Phrases of a lexicon, looked up in lower case on whole words.
pub(super) struct PhraseMap<V> {
    entries: FxHashMap<String, V>,
    /// The first n words of every phrase, for every n: a lookup reads one more word only
    /// while the words so far begin a phrase, so most stop after one hash.
    prefixes: FxHashSet<String>,
    /// The last n words of every phrase, for the lookups that end at a word.
    suffixes: FxHashSet<String>,
    /// The most words in a phrase (a lookup never reads more than [`WINDOW`]).
    max_words: usize,
    /// The first bytes of the phrases' first words and of their last words, as bit sets: a
    /// word that starts with none is refused before it is read.
    first_bytes: [u64; 4],
    last_first_bytes: [u64; 4],
}

/// Adds the first byte of `word` to a bit set of bytes.
fn add_first_byte(set: &mut [u64; 4], word: &str) {
    if let Some(&b) = word.as_bytes().first()
        && let Some(bits) = set.get_mut(usize::from(b / 64))
    {
        *bits |= 1 << (b % 64);
    }
}

/// Whether the byte at `pos` of `lower` is in a bit set of bytes.
fn starts_with_one_of(set: &[u64; 4], lower: &str, pos: usize) -> bool {
    lower.as_bytes().get(pos).is_some_and(|&b| {
        set.get(usize::from(b / 64))
            .is_some_and(|bits| bits & (1 << (b % 64)) != 0)
    })
}

impl<V> PhraseMap<V> {
    /// A map from `(phrase, value)` pairs; phrases are lower-cased, spaces collapsed.
    pub(super) fn new(pairs: impl IntoIterator<Item = (String, V)>) -> PhraseMap<V> {
        let mut map = PhraseMap {
            entries: FxHashMap::default(),
            prefixes: FxHashSet::default(),
            suffixes: FxHashSet::default(),
            max_words: 1,
            first_bytes: [0; 4],
            last_first_bytes: [0; 4],
        };
        for (phrase, value) in pairs {
            let key = phrase
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            for (i, _) in key.match_indices(' ') {
                map.prefixes
                    .insert(key.get(..i).unwrap_or_default().to_string());
                map.suffixes
                    .insert(key.get(i + 1..).unwrap_or_default().to_string());
            }
            map.prefixes.insert(key.clone());
            map.suffixes.insert(key.clone());
            add_first_byte(&mut map.first_bytes, &key);
            add_first_byte(
                &mut map.last_first_bytes,
                key.rsplit(' ').next().unwrap_or_default(),
            );
            map.max_words = map.max_words.max(key.split(' ').count());
            map.entries.insert(key, value);
        }
        map
    }

    /// The most words a lookup reads.
    fn word_limit(&self) -> usize {
        self.max_words.min(WINDOW)
    }

    /// The longest phrase starting with the first word after `pos`: its value and range.
    pub(super) fn longest_after(&self, doc: Doc<'_>, pos: usize) -> Option<(&V, Range<usize>)> {
        let bytes = doc.text.as_bytes();
        let first = doc.word_after(pos)?;
        // The copy's bytes are the lower case's unless the copy is inexact there.
        if doc.known_exact(&first) && !starts_with_one_of(&self.first_bytes, doc.lower, first.start)
        {
            return None;
        }
        let mut words = iter_after(doc.text, first.end).take(self.word_limit() - 1);
        let mut last = first.clone();
        let mut single_spaced = true;
        let mut found = None;
        for n in 1.. {
            let key = if single_spaced {
                doc.lower_of(first.start..last.end)
            } else {
                doc.phrase_of(&words_after(doc.text, pos, n))
            };
            if !self.prefixes.contains(&*key) {
                break;
            }
            if let Some(value) = self.entries.get(&*key) {
                found = Some((value, first.start..last.end));
            }
            let Some(next) = words.next() else {
                break;
            };
            single_spaced &= next.start == last.end + 1 && bytes.get(last.end) == Some(&b' ');
            last = next;
        }
        found
    }

    /// The longest phrase ending with the last word before `pos`: its value and range.
    pub(super) fn longest_before(&self, doc: Doc<'_>, pos: usize) -> Option<(&V, Range<usize>)> {
        let bytes = doc.text.as_bytes();
        let last = doc.word_before(pos)?;
        if doc.known_exact(&last)
            && !starts_with_one_of(&self.last_first_bytes, doc.lower, last.start)
        {
            return None;
        }
        let mut words = iter_before(doc.text, last.start).take(self.word_limit() - 1);
        let mut first = last.clone();
        let mut single_spaced = true;
        let mut found = None;
        for n in 1.. {
            let key = if single_spaced {
                doc.lower_of(first.start..last.end)
            } else {
                doc.phrase_of(&words_before(doc.text, pos, n))
            };
            if !self.suffixes.contains(&*key) {
                break;
            }
            if let Some(value) = self.entries.get(&*key) {
                found = Some((value, first.start..last.end));
            }
            let Some(next) = words.next() else {
                break;
            };
            single_spaced &= first.start == next.end + 1 && bytes.get(next.end) == Some(&b' ');
            first = next;
        }
        found
    }

    /// The value of exactly this phrase, given in lower case.
    pub(super) fn get(&self, lower: &str) -> Option<&V> {
        self.entries.get(lower)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A document of `text`, with the lower-case copy it needs, for the unit tests.
    pub(crate) fn with_doc<R>(text: &str, f: impl FnOnce(Doc<'_>) -> R) -> R {
        let lower = crate::text::lower::lowercase_same_offsets(text);
        let memo = WordMemo::default();
        f(Doc::new(text, &lower, 0, &memo))
    }

    #[test]
    fn words_stop_at_punctuation() {
        let text = "có 125 tập thể, 91 cá nhân";
        let after = words_after(text, text.find(" tập").unwrap_or(0), 5);
        let got: Vec<&str> = after.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, ["tập", "thể"]);
        let before = words_before(text, text.find("91").unwrap_or(0), 3);
        assert!(before.is_empty());
        let before = words_before(text, text.find(" 125").unwrap_or(0), 3);
        let got: Vec<&str> = before.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, ["có"]);
    }

    #[test]
    fn longest_phrase_wins() {
        let map = PhraseMap::new([("hộ".to_string(), 1), ("hộ gia đình".to_string(), 2)]);
        let text = "17 hộ gia đình đăng ký";
        let found = with_doc(text, |doc| map.longest_after(doc, 2).map(|(v, r)| (*v, r)));
        let (value, range) = found.unwrap_or((0, 0..0));
        assert_eq!((value, &text[range]), (2, "hộ gia đình"));
        let text = "Có 17 Hộ\u{a0}Gia  Đình, 4";
        let found = with_doc(text, |doc| {
            map.longest_before(doc, text.find(',').unwrap_or(0))
                .map(|(v, r)| (*v, r))
        });
        let (value, range) = found.unwrap_or((0, 0..0));
        assert_eq!((value, &text[range]), (2, "Hộ\u{a0}Gia  Đình"));
        assert!(is_title_case("Mocha") && !is_title_case("UBND") && !is_title_case("thôn"));
    }

    /// The lower case of a word is `str::to_lowercase`'s, whatever char it holds: the slice of
    /// the lower-case copy where that copy is right, the word lower-cased anew where it is not.
    #[test]
    fn lower_case_of_words_is_unicode_lower_case() {
        let mut text = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            text.clear();
            text.push('A');
            text.push(c);
            with_doc(&text, |doc| {
                for range in [0..text.len(), 1..text.len()] {
                    let expected = text[range.clone()].to_lowercase();
                    assert_eq!(doc.lower_of(range), expected, "{c:?}");
                }
            });
        }
        // A final sigma is "ς" in `str::to_lowercase`, "σ" in the copy.
        assert!(may_be_inexact("οδοσ") && !may_be_inexact("đồng nai, “12” – x"));
        with_doc("ΟΔΟΣ ΣΑ", |doc| {
            assert_eq!(doc.lower_of(0..doc.text.len()), "οδος σα")
        });
    }

    /// [`may_be_inexact`] finds every char the lower-case copy may hold that is not its own
    /// lower case as `str::to_lowercase` writes it.
    #[test]
    fn inexact_chars_are_found() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let copied = crate::text::lower::lower_same_len(c);
            let mut utf8 = [0; 4];
            let copied_text = copied.encode_utf8(&mut utf8);
            assert!(
                is_plain_lower(copied_text) || may_be_inexact(copied_text),
                "{c:?} gives {copied:?}"
            );
        }
    }

    #[test]
    fn inexact_chars_start_with_their_first_bytes() {
        for first in 0..=u8::MAX {
            for second in [0x84, 0x9E, 0xB0, 0xB1, 0xBA] {
                for third in [0x9E, 0xAA] {
                    let bytes = [first, second, third];
                    assert!(
                        !inexact_at(&bytes, 0) || may_start_inexact(first),
                        "{bytes:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn phrases_compare_word_by_word() {
        let text = "Trở\u{a0}LÊN,  trở lên";
        with_doc(text, |doc| {
            let first = words_after(text, 0, 3);
            assert_eq!(first.len(), 2);
            assert!(doc.phrase_is(&first, "trở lên"));
            assert!(!doc.phrase_is(&first, "trở"));
            assert!(!doc.phrase_is(&first, "trở lên nữa"));
            assert!(doc.phrase_is(&[], ""));
            assert_eq!(doc.phrase_of(&first), "trở lên");
            let second = words_after(text, text.find(',').unwrap_or(0) + 1, 3);
            assert!(matches!(doc.phrase_of(&second), Cow::Borrowed("trở lên")));
        });
    }
}
