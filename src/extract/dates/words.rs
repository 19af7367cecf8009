//! The words the date grammar names, each with a small id.
//!
//! A word token is looked up once, when it is read (one probe of a small table with its lower
//! case, taken from `Input::lower`), and the grammar then compares ids: `s.is(j, w!("tháng"))`
//! is one integer comparison where a case-insensitive string comparison cost a call.
//!
//! A token gets a word's id exactly when `text::eq_lower(token, word)` holds: its lower case
//! (same offsets) is the word, and it does not start with a lower-case ASCII letter unless it
//! is the word as written ("tHÁNG" is not "tháng").

/// A word the grammar names or a phrase lexicon holds; [`Word::NONE`] for any other token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word(u16);

impl Word {
    /// Any other word, and every token that is not a word.
    pub(super) const NONE: Word = Word(0);

    /// The id of a word of [`GRAMMAR`], at compile time (`w!`): a keyword missing from the
    /// list does not compile.
    pub(super) const fn of(word: &str) -> Word {
        let mut i = 0;
        while i < GRAMMAR.len() {
            if same_bytes(GRAMMAR[i].as_bytes(), word.as_bytes()) {
                return Word(i as u16 + 1);
            }
            i += 1;
        }
        panic!("a keyword of the date grammar is missing from words::GRAMMAR");
    }

    /// The id as an index (0 for [`Word::NONE`]).
    pub(super) fn index(self) -> usize {
        usize::from(self.0)
    }
}

const fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The id of a grammar word: `w!("tháng")`.
macro_rules! w {
    ($word:literal) => {
        const { $crate::extract::dates::words::Word::of($word) }
    };
}

/// The ids of grammar words, as an array: `ws!["hôm", "ngày"]`.
macro_rules! ws {
    ($($word:literal),+ $(,)?) => {
        const { [$($crate::extract::dates::words::Word::of($word)),+] }
    };
}

pub(super) use {w, ws};

/// Every word the grammar tests for, in lower case. The order gives the ids.
pub(super) const GRAMMAR: [&str; 114] = [
    // Cues and prepositions.
    "tính",
    "đến",
    "kể",
    "từ",
    "ngay",
    "trong",
    "vào",
    "lúc",
    "tới",
    "trước",
    "sau",
    "hết",
    "những",
    "và",
    "vừa",
    "hằng",
    "hiện",
    "nay",
    "qua",
    "mai",
    "kia",
    "ngoái",
    "này",
    "họp",
    // Parts of the day.
    "sáng",
    "trưa",
    "chiều",
    "tối",
    "đêm",
    "khuya",
    // Days, weeks, months, years and their parts.
    "chủ",
    "nhật",
    "thứ",
    "ngày",
    "hôm",
    "cùng",
    "kỳ",
    "kì",
    "tuần",
    "tháng",
    "năm",
    "học",
    "quý",
    "quí",
    "nửa",
    "đầu",
    "giữa",
    "cuối",
    "cả",
    "nhiệm",
    "giai",
    "đoạn",
    "thời",
    "niên",
    "khóa",
    "giờ",
    "phút",
    "âm",
    "lịch",
    // Number words of months and weekdays.
    "một",
    "hai",
    "ba",
    "tư",
    "sáu",
    "bảy",
    "bẩy",
    "tám",
    "chín",
    "mười",
    // The lunar calendar.
    "tết",
    "mùng",
    "mồng",
    "rằm",
    "giêng",
    "chạp",
    "nguyên",
    "đán",
    "trung",
    "thu",
    "đoan",
    "ngọ",
    "giáp",
    "ất",
    "bính",
    "đinh",
    "mậu",
    "kỷ",
    "canh",
    "tân",
    "nhâm",
    "tý",
    "sửu",
    "dần",
    "mão",
    "mẹo",
    "thìn",
    "tỵ",
    "mùi",
    "thân",
    "dậu",
    "tuất",
    "hợi",
    // Words before a number pair that is no date.
    "số",
    "đường",
    "phố",
    "trang",
    "tầng",
    "phòng",
    "lô",
    "km",
    "quốc",
    "ql",
    "tl",
    "tỉnh",
];

/// `bytes[at..at + n]` (n ≤ 8) as a little-endian number, zero above the `n` bytes: a word of
/// up to eight bytes held whole (no word holds a zero byte).
#[inline]
pub(super) fn short_key(bytes: &[u8], at: usize, n: usize) -> u64 {
    let mask = if n >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    };
    if let Some(eight) = bytes
        .get(at..at + 8)
        .and_then(|s| <[u8; 8]>::try_from(s).ok())
    {
        return u64::from_le_bytes(eight) & mask;
    }
    // Near the end of the text: fewer than eight bytes to read.
    let mut eight = [0u8; 8];
    for (to, from) in eight.iter_mut().zip(bytes.get(at..).unwrap_or_default()) {
        *to = *from;
    }
    u64::from_le_bytes(eight) & mask
}

/// How many slots the table of short words has (a power of two; its keys fill 32 KiB).
const SHORT_BITS: u32 = 12;
const SHORT_SLOTS: usize = 1 << SHORT_BITS;

/// The words with an id: the grammar's ([`GRAMMAR`], ids in its order) and those added with
/// [`WordsBuilder::add`]. Made by [`WordsBuilder::build`], then only read.
pub(super) struct Words {
    /// How many words have an id.
    count: usize,
    /// The words longer than eight bytes, with their ids.
    long: Vec<(String, Word)>,
    /// The words of up to eight bytes by [`short_key`]: a slot each, at the top bits of the key
    /// times `multiplier`.
    keys: Box<[u64; SHORT_SLOTS]>,
    ids: Box<[Word; SHORT_SLOTS]>,
    multiplier: u64,
    /// The short words when no multiplier gives each its own slot (never for the lexicons
    /// compiled in: a test checks it), searched one by one.
    unplaced: Option<Vec<(u64, Word)>>,
}

/// The words being given ids, before [`WordsBuilder::build`].
pub(super) struct WordsBuilder {
    list: Vec<String>,
}

/// The slot of `key` with `multiplier`.
#[inline]
fn slot(key: u64, multiplier: u64) -> usize {
    (key.wrapping_mul(multiplier) >> (64 - SHORT_BITS)) as usize
}

impl WordsBuilder {
    /// The id of `word` (lower case), given a new one if it has none.
    pub(super) fn add(&mut self, word: &str) -> Option<Word> {
        let index = match self.list.iter().position(|w| w == word) {
            Some(index) => index,
            None => {
                self.list.push(word.to_owned());
                self.list.len() - 1
            }
        };
        u16::try_from(index + 1).ok().map(Word)
    }

    /// The lookup of every word added: a table of the short words in which no two share a
    /// slot (the multiplier is searched for, from a fixed seed: the same table every time).
    pub(super) fn build(self) -> Words {
        let id_of = |i: usize| Word(u16::try_from(i + 1).unwrap_or(0));
        let short: Vec<(u64, Word)> = self
            .list
            .iter()
            .enumerate()
            .filter(|(_, w)| !w.is_empty() && w.len() <= 8)
            .map(|(i, w)| (short_key(w.as_bytes(), 0, w.len()), id_of(i)))
            .collect();
        let long = self
            .list
            .iter()
            .enumerate()
            .filter(|(_, w)| w.len() > 8)
            .map(|(i, w)| (w.clone(), id_of(i)))
            .collect();
        let mut keys = Box::new([0u64; SHORT_SLOTS]);
        let mut ids = Box::new([Word::NONE; SHORT_SLOTS]);
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..100_000 {
            // splitmix64: a fresh odd multiplier each try.
            seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = seed;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            let multiplier = (z ^ (z >> 31)) | 1;
            keys.fill(0);
            ids.fill(Word::NONE);
            let placed = short.iter().all(|&(key, id)| {
                let at = slot(key, multiplier);
                match (keys.get_mut(at), ids.get_mut(at)) {
                    (Some(k), Some(i)) if *i == Word::NONE => {
                        *k = key;
                        *i = id;
                        true
                    }
                    _ => false,
                }
            });
            if placed {
                return Words {
                    count: self.list.len(),
                    long,
                    keys,
                    ids,
                    multiplier,
                    unplaced: None,
                };
            }
        }
        keys.fill(0);
        ids.fill(Word::NONE);
        Words {
            count: self.list.len(),
            long,
            keys,
            ids,
            multiplier: 0,
            unplaced: Some(short),
        }
    }
}

impl Words {
    /// The grammar's words, to which phrase words may be added.
    pub(super) fn builder() -> WordsBuilder {
        WordsBuilder {
            list: GRAMMAR.iter().map(|w| (*w).to_owned()).collect(),
        }
    }

    /// How many ids there are, [`Word::NONE`] included: ids index a table of this length.
    pub(super) fn len(&self) -> usize {
        self.count + 1
    }

    /// The id of a word of up to eight bytes by its [`short_key`] (lower case).
    #[inline]
    pub(super) fn short(&self, key: u64) -> Word {
        if let Some(unplaced) = &self.unplaced {
            return unplaced
                .iter()
                .find(|&&(k, _)| k == key)
                .map_or(Word::NONE, |&(_, id)| id);
        }
        let at = slot(key, self.multiplier);
        match (self.keys.get(at), self.ids.get(at)) {
            (Some(&k), Some(&id)) if k == key => id,
            _ => Word::NONE,
        }
    }

    /// The id of the word `text[start..end]`, read from its lower case `lower[start..end]`
    /// (`lower` has the offsets of `text`).
    #[inline]
    pub(super) fn find(&self, text: &[u8], lower: &[u8], start: usize, end: usize) -> Word {
        let len = end.saturating_sub(start);
        let id = if len <= 8 {
            self.short(short_key(lower, start, len))
        } else {
            let word = lower.get(start..end).unwrap_or_default();
            self.long
                .iter()
                .find(|(w, _)| w.as_bytes() == word)
                .map_or(Word::NONE, |&(_, id)| id)
        };
        if id == Word::NONE {
            return id;
        }
        as_written(text, lower, start, end, id)
    }
}

/// `id` for the word `text[start..end]` whose lower case has it, unless the word starts with
/// a lower-case ASCII letter and is not written in lower case: "tHÁNG" is not "tháng".
#[inline]
pub(super) fn as_written(text: &[u8], lower: &[u8], start: usize, end: usize, id: Word) -> Word {
    if text.get(start).is_some_and(u8::is_ascii_lowercase)
        && text.get(start..end) != lower.get(start..end)
    {
        return Word::NONE;
    }
    id
}

/// Panics unless a lookup in the lower-case copy finds each of `keywords` (lower case)
/// exactly where `text::eq_lower` does.
///
/// The copy keeps a char whose lower case has another length ("K" the Kelvin sign, "İ");
/// `eq_lower` lower-cases it fully. They agree on a keyword when its chars are their own lower
/// case and no such char lower-cases to text the keyword holds unless it shrinks in doing so:
/// a word whose kept chars only shrink is longer than its lower case, which `eq_lower` refuses.
#[cfg(test)]
pub(super) fn check_keywords(keywords: &[&str]) {
    let kept: Vec<(char, String)> = (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|&c| {
            let mut lower = c.to_lowercase();
            !matches!((lower.next(), lower.next()),
                (Some(l), None) if l == crate::text::lower::lower_same_len(c))
        })
        .map(|c| (c, c.to_lowercase().collect()))
        .collect();
    assert!(
        kept.iter().any(|(c, _)| *c == '\u{212A}'),
        "the Kelvin sign is kept"
    );
    for keyword in keywords {
        for c in keyword.chars() {
            assert_eq!(
                crate::text::lower::lower_same_len(c),
                c,
                "{keyword}: {c:?} is not lower case"
            );
        }
        for (c, full) in &kept {
            if keyword.contains(full.as_str()) {
                assert!(full.len() < c.len_utf8(), "{keyword}: {c:?}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_grammar_word_has_its_own_id() {
        let words = Words::builder().build();
        assert!(
            words.unplaced.is_none(),
            "no multiplier gives every word its own slot"
        );
        assert_eq!(words.len(), GRAMMAR.len() + 1);
        for (i, word) in GRAMMAR.iter().enumerate() {
            assert_eq!(Word::of(word), Word(i as u16 + 1), "{word}");
            let bytes = word.as_bytes();
            assert_eq!(words.find(bytes, bytes, 0, bytes.len()), Word::of(word));
            assert_eq!(word.to_lowercase(), *word, "{word}");
        }
    }

    #[test]
    fn finds_what_eq_lower_finds_and_only_that() {
        let words = Words::builder().build();
        let text = "THÁNG Tháng tHÁNG tháng thang THÁNGG ĐƯỜNG Đường KM ql Ql Ất";
        let lower = crate::text::lower::lowercase_same_offsets(text);
        let mut start = 0;
        for token in text.split(' ') {
            let end = start + token.len();
            let found = words.find(text.as_bytes(), lower.as_bytes(), start, end);
            let expected = GRAMMAR
                .iter()
                .position(|w| crate::text::eq_lower(token, w))
                .map_or(Word::NONE, |i| Word(i as u16 + 1));
            assert_eq!(found, expected, "{token}");
            start = end + 1;
        }
    }

    #[test]
    fn added_words_get_new_ids_and_long_words_are_found() {
        let mut builder = Words::builder();
        let gian = builder.add("gian");
        assert_eq!(builder.add("gian"), gian);
        assert_eq!(builder.add("tháng"), Some(Word::of("tháng")));
        for i in 0..300 {
            assert!(builder.add(&format!("w{i}")).is_some());
        }
        let words = builder.build();
        assert_eq!(words.len(), GRAMMAR.len() + 302);
        let text = "w299 gian đường ĐƯỜNG đườngg xw299 w2990";
        let lower = crate::text::lower::lowercase_same_offsets(text);
        let found: Vec<Word> = text
            .split(' ')
            .scan(0, |start, token| {
                let at = *start;
                *start += token.len() + 1;
                Some(words.find(text.as_bytes(), lower.as_bytes(), at, at + token.len()))
            })
            .collect();
        assert_ne!(found[0], Word::NONE);
        assert_eq!(found[1], gian.unwrap_or(Word::NONE));
        assert_eq!(found[2], Word::of("đường"));
        assert_eq!(found[3], Word::of("đường"));
        assert_eq!(&found[4..], [Word::NONE; 3]);
    }

    #[test]
    fn every_grammar_word_matches_as_eq_lower_says() {
        check_keywords(&GRAMMAR);
    }
}
