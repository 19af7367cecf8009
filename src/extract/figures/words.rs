//! Words around a figure: the syllables right before and after a number, and phrase lookups in
//! the lexicons on them. Everything here looks at a handful of words, never at the whole text.

use std::ops::Range;

use crate::text::fxhash::FxHashMap;

/// At most this many words are looked at on either side of a figure.
const WINDOW: usize = 16;

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}'
}

/// Whether `c` belongs to a word ("m2" and "ha" are words; "%" and "/" are not).
pub(super) fn is_word_char(c: char) -> bool {
    crate::text::is_alnum(c)
}

/// The words after byte `pos`, in order, separated by spaces only: punctuation ends the run.
/// The first word may start after spaces, or right at `pos`.
pub(super) fn words_after(text: &str, pos: usize, limit: usize) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let Some(rest) = text.get(pos..) else {
        return words;
    };
    let mut chars = rest.char_indices().peekable();
    while words.len() < limit.min(WINDOW) {
        while chars.next_if(|&(_, c)| is_space(c)).is_some() {}
        let Some(&(start, c)) = chars.peek() else {
            break;
        };
        if !is_word_char(c) {
            break;
        }
        let mut end = start;
        while let Some((i, c)) = chars.next_if(|&(_, c)| is_word_char(c)) {
            end = i + c.len_utf8();
        }
        words.push(pos + start..pos + end);
    }
    words
}

/// The words before byte `pos`, in text order (nearest last), separated by spaces only.
pub(super) fn words_before(text: &str, pos: usize, limit: usize) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let Some(head) = text.get(..pos) else {
        return words;
    };
    let mut chars = head.char_indices().rev().peekable();
    while words.len() < limit.min(WINDOW) {
        while chars.next_if(|&(_, c)| is_space(c)).is_some() {}
        let Some(&(last, c)) = chars.peek() else {
            break;
        };
        if !is_word_char(c) {
            break;
        }
        let end = last + c.len_utf8();
        let mut start = last;
        while let Some((i, _)) = chars.next_if(|&(_, c)| is_word_char(c)) {
            start = i;
        }
        words.push(start..end);
    }
    words.reverse();
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

/// The lower-cased words of `ranges`, joined by single spaces.
pub(super) fn lower_phrase(text: &str, ranges: &[Range<usize>]) -> String {
    let mut out = String::new();
    for (i, r) in ranges.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&text.get(r.clone()).unwrap_or_default().to_lowercase());
    }
    out
}

/// [`lower_phrase`] of all of `words`, and where each word ends in it: the phrase of the first
/// n words is its prefix up to `ends[n - 1]`, the phrase of the last ones a suffix.
fn lowered(text: &str, words: &[Range<usize>]) -> (String, Vec<usize>) {
    let mut out = String::new();
    let mut ends = Vec::with_capacity(words.len());
    for (i, r) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let word = text.get(r.clone()).unwrap_or_default();
        if word.is_ascii() {
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            out.push_str(&word.to_lowercase());
        }
        ends.push(out.len());
    }
    (out, ends)
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
    /// The longest key, in bytes: a longer candidate is not looked up.
    max_len: usize,
    max_words: usize,
}

impl<V> PhraseMap<V> {
    /// A map from `(phrase, value)` pairs; phrases are lower-cased, spaces collapsed.
    pub(super) fn new(pairs: impl IntoIterator<Item = (String, V)>) -> PhraseMap<V> {
        let mut entries = FxHashMap::default();
        let mut max_words = 1;
        let mut max_len = 0;
        for (phrase, value) in pairs {
            let key = phrase
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            max_words = max_words.max(key.split(' ').count());
            max_len = max_len.max(key.len());
            entries.insert(key, value);
        }
        PhraseMap {
            entries,
            max_words,
            max_len,
        }
    }

    /// The longest phrase starting with the first word after `pos`: its value and range.
    pub(super) fn longest_after(&self, text: &str, pos: usize) -> Option<(&V, Range<usize>)> {
        let words = words_after(text, pos, self.max_words);
        // The words lower-cased once, joined by spaces; `ends[n - 1]` ends the first n.
        let (phrase, ends) = lowered(text, &words);
        let first = words.first()?;
        (1..=words.len()).rev().find_map(|n| {
            let key = phrase.get(..*ends.get(n - 1)?)?;
            if key.len() > self.max_len {
                return None;
            }
            let value = self.entries.get(key)?;
            let last = words.get(n - 1)?;
            Some((value, first.start..last.end))
        })
    }

    /// The longest phrase ending with the last word before `pos`: its value and range.
    pub(super) fn longest_before(&self, text: &str, pos: usize) -> Option<(&V, Range<usize>)> {
        let words = words_before(text, pos, self.max_words);
        let len = words.len();
        let (phrase, ends) = lowered(text, &words);
        let last = words.last()?;
        (1..=len).rev().find_map(|n| {
            // The last n words start where word len - n does (after its space).
            let from = match len - n {
                0 => 0,
                k => ends.get(k - 1)? + 1,
            };
            let key = phrase.get(from..)?;
            if key.len() > self.max_len {
                return None;
            }
            let value = self.entries.get(key)?;
            Some((value, words.get(len - n)?.start..last.end))
        })
    }

    /// The value of exactly this phrase.
    pub(super) fn get(&self, phrase: &str) -> Option<&V> {
        self.entries.get(&phrase.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let (value, range) = map.longest_after(text, 2).unwrap_or((&0, 0..0));
        assert_eq!((*value, &text[range]), (2, "hộ gia đình"));
        assert!(is_title_case("Mocha") && !is_title_case("UBND") && !is_title_case("thôn"));
    }
}
