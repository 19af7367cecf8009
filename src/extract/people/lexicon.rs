//! The lexicons of the people extractor, built from the data files under `src/lexicon/` and,
//! at run time, from extra files an analyst adds (same names, same line format).
//!
//! Every list is matched on tokens (see [`super::tokens`]): a phrase is a sequence of folded
//! words and punctuation, and the longest phrase that starts at a token wins. Every folded
//! word of every list is numbered once ([`Vocabulary`]); a token is looked up there once and
//! carries its word's number and the lists it starts a phrase in, so a list refuses most
//! tokens with one bit test and compares phrases number by number.

use crate::text::fxhash::FxHashMap;
use std::path::Path;
use std::sync::LazyLock;

use super::tokens::{Tok, is_word_char, raw_pieces};
use crate::text::fold::fold;

#[allow(dead_code)] // the lead's `--lexicon DIR` wiring reads it
/// The lexicon files, by the name an extra lexicon directory uses for them.
pub(crate) const FILES: [&str; 8] = [
    "surnames.txt",
    "roles.txt",
    "organizations.txt",
    "abbreviations.txt",
    "honorifics.txt",
    "clause_verbs.txt",
    "legal_document_types.txt",
    "not_names.txt",
];

const BUILTIN: [&str; 8] = [
    include_str!("../../lexicon/surnames.txt"),
    include_str!("../../lexicon/roles.txt"),
    include_str!("../../lexicon/organizations.txt"),
    include_str!("../../lexicon/abbreviations.txt"),
    include_str!("../../lexicon/honorifics.txt"),
    include_str!("../../lexicon/clause_verbs.txt"),
    include_str!("../../lexicon/legal_document_types.txt"),
    include_str!("../../lexicon/not_names.txt"),
];

static BUILTIN_LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| Lexicons::from_texts(&BUILTIN));

/// A folded word of the lexicons, by number: a token carries its word's number, and a phrase
/// is a sequence of numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordId(u32);

impl WordId {
    /// The number of every word that no list holds (never a keyword's).
    pub(crate) const UNKNOWN: WordId = WordId(u32::MAX);

    fn index(self) -> usize {
        self.0 as usize
    }

    /// Whether it is one of a set of keywords ([`Keyword::set`]).
    pub(crate) fn in_set(self, keywords: u64) -> bool {
        self.0 < 64 && (keywords >> self.0) & 1 == 1
    }
}

/// Words the grammar itself names (rather than a data file), folded. They are numbered first,
/// in this order, so comparing a token with one compares two numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keyword {
    Cac,
    Nhung,
    Quy,
    Comma,
    Hyphen,
    EnDash,
    Ampersand,
    Slash,
    Period,
    Colon,
    Lam,
    Giu,
    Chuc,
    Va,
    So,
    Ngay,
    Thang,
    Nam,
    Trung,
    Uong,
    Dai,
    Hoi,
    Lan,
    Thu,
    Khoa,
    Tinh,
    Thanh,
    Pho,
    Huyen,
    Quan,
    Xa,
    Phuong,
    Thi,
    Tran,
    Thon,
    Ban,
    Ap,
    To,
    Dan,
    Khu,
    Co,
}

/// Each keyword's folded spelling, in the order of [`Keyword`].
const KEYWORDS: [(Keyword, &str); 41] = [
    (Keyword::Cac, "cac"),
    (Keyword::Nhung, "nhung"),
    (Keyword::Quy, "quy"),
    (Keyword::Comma, ","),
    (Keyword::Hyphen, "-"),
    (Keyword::EnDash, "–"),
    (Keyword::Ampersand, "&"),
    (Keyword::Slash, "/"),
    (Keyword::Period, "."),
    (Keyword::Colon, ":"),
    (Keyword::Lam, "lam"),
    (Keyword::Giu, "giu"),
    (Keyword::Chuc, "chuc"),
    (Keyword::Va, "va"),
    (Keyword::So, "so"),
    (Keyword::Ngay, "ngay"),
    (Keyword::Thang, "thang"),
    (Keyword::Nam, "nam"),
    (Keyword::Trung, "trung"),
    (Keyword::Uong, "uong"),
    (Keyword::Dai, "dai"),
    (Keyword::Hoi, "hoi"),
    (Keyword::Lan, "lan"),
    (Keyword::Thu, "thu"),
    (Keyword::Khoa, "khoa"),
    (Keyword::Tinh, "tinh"),
    (Keyword::Thanh, "thanh"),
    (Keyword::Pho, "pho"),
    (Keyword::Huyen, "huyen"),
    (Keyword::Quan, "quan"),
    (Keyword::Xa, "xa"),
    (Keyword::Phuong, "phuong"),
    (Keyword::Thi, "thi"),
    (Keyword::Tran, "tran"),
    (Keyword::Thon, "thon"),
    (Keyword::Ban, "ban"),
    (Keyword::Ap, "ap"),
    (Keyword::To, "to"),
    (Keyword::Dan, "dan"),
    (Keyword::Khu, "khu"),
    (Keyword::Co, "co"),
];

impl Keyword {
    /// Its number in every vocabulary.
    pub(crate) fn id(self) -> WordId {
        WordId(self as u32)
    }

    /// A set of keywords as bits, for [`Tok::is_any`].
    pub(crate) const fn set(keywords: &[Keyword]) -> u64 {
        let mut bits = 0;
        let mut rest = keywords;
        while let [first, tail @ ..] = rest {
            bits |= 1 << (*first as u32);
            rest = tail;
        }
        bits
    }
}

/// The first sixteen bytes of a folded word (the whole of nearly every Vietnamese syllable),
/// packed in two words, and its length: hashing and comparing it costs a few instructions,
/// where a byte string would cost a loop or a call. A plain value, so the tokenizer keeps it
/// in registers while it reads a word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Packed {
    /// Bytes 0 to 7 and 8 to 15, little-endian, zero past the end.
    low: u64,
    high: u64,
    /// The length of the whole word, in bytes.
    len: usize,
}

/// How many bytes [`Packed`] holds.
const PACKED_BYTES: usize = 16;

impl Packed {
    /// With one more byte of the word.
    #[inline(always)]
    pub(crate) fn push(self, byte: u8) -> Packed {
        let byte = u64::from(byte);
        let (low, high) = if self.len < 8 {
            (self.low | byte << (8 * self.len), self.high)
        } else if self.len < PACKED_BYTES {
            (self.low, self.high | byte << (8 * (self.len - 8)))
        } else {
            (self.low, self.high)
        };
        Packed {
            low,
            high,
            len: self.len + 1,
        }
    }

    /// Whether it holds the whole word.
    pub(crate) fn is_whole(self) -> bool {
        self.len <= PACKED_BYTES
    }

    #[inline]
    fn hash(self) -> u64 {
        mix(mix(self.len as u64, self.low), self.high)
    }
}

#[inline]
fn mix(h: u64, word: u64) -> u64 {
    (h.rotate_left(5) ^ word).wrapping_mul(SEED)
}

/// A folded word of any length: [`Packed`], and the bytes after the sixteenth.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct WordKey {
    packed: Packed,
    tail: Vec<u8>,
}

impl WordKey {
    pub(crate) fn of(folded: &str) -> WordKey {
        let mut key = WordKey::default();
        for &byte in folded.as_bytes() {
            if !key.packed.push(byte).is_whole() {
                key.tail.push(byte);
            }
            key.packed = key.packed.push(byte);
        }
        key
    }

    fn hash(&self) -> u64 {
        self.tail
            .iter()
            .fold(self.packed.hash(), |h, &byte| mix(h, u64::from(byte)))
    }
}

/// The folded words of all the lists and the keywords, numbered, with the lists each word
/// starts a phrase in: a token is looked up here once, and every list then answers from its
/// number.
///
/// An open-addressing table of its own rather than a `HashMap`: the lookup runs for every
/// word of every report.
#[derive(Debug)]
pub(crate) struct Vocabulary {
    /// Each word, by number.
    keys: Vec<WordKey>,
    /// Each word's hash, by number.
    hashes: Vec<u64>,
    /// For each word, the bits of the lists ([`PhraseSet`]) that have a phrase starting with
    /// it.
    starts: Vec<u16>,
    /// The table: a word's number plus one, or 0 for an empty slot. Its length is a power of
    /// two, at least twice the number of words.
    slots: Vec<u32>,
    /// The longest word, in bytes: a longer token is refused without hashing.
    longest: usize,
}

/// The multiplier of rustc's FxHasher.
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Default for Vocabulary {
    fn default() -> Self {
        let mut vocabulary = Vocabulary {
            keys: Vec::new(),
            hashes: Vec::new(),
            starts: Vec::new(),
            slots: vec![0; 64],
            longest: 0,
        };
        for (_, spelling) in KEYWORDS {
            vocabulary.intern(spelling);
        }
        vocabulary
    }
}

impl Vocabulary {
    /// The slot of the word that `same` accepts (of hash `h`), or the empty slot where it would
    /// go.
    #[inline]
    fn slot(&self, h: u64, same: impl Fn(&WordKey) -> bool) -> usize {
        let mask = self.slots.len() - 1;
        // The high bits of a multiplicative hash are the well-mixed ones.
        let mut at = (h >> 40) as usize & mask;
        loop {
            match self.slots.get(at).copied().unwrap_or(0) {
                0 => return at,
                n => {
                    let id = (n - 1) as usize;
                    if self.hashes.get(id) == Some(&h) && self.keys.get(id).is_some_and(&same) {
                        return at;
                    }
                }
            }
            at = (at + 1) & mask;
        }
    }

    fn intern(&mut self, folded: &str) -> WordId {
        let key = WordKey::of(folded);
        let h = key.hash();
        let at = self.slot(h, |k| *k == key);
        if let Some(&n) = self.slots.get(at)
            && n != 0
        {
            return WordId(n - 1);
        }
        let n = u32::try_from(self.keys.len() + 1).unwrap_or(u32::MAX);
        self.longest = self.longest.max(key.packed.len);
        self.keys.push(key);
        self.hashes.push(h);
        self.starts.push(0);
        if let Some(slot) = self.slots.get_mut(at) {
            *slot = n;
        }
        if self.keys.len() * 2 > self.slots.len() {
            self.grow();
        }
        WordId(n - 1)
    }

    /// Doubles the table and places every word again.
    fn grow(&mut self) {
        self.slots = vec![0; self.slots.len() * 2];
        for id in 0..self.keys.len() {
            let (Some(key), Some(&h)) = (self.keys.get(id), self.hashes.get(id)) else {
                continue;
            };
            let at = self.slot(h, |k| k == key);
            if let Some(slot) = self.slots.get_mut(at) {
                *slot = u32::try_from(id + 1).unwrap_or(u32::MAX);
            }
        }
    }

    /// The number of a folded word ([`WordId::UNKNOWN`] when no list holds it).
    #[cfg(test)]
    pub(crate) fn word(&self, folded: &str) -> WordId {
        self.word_of(&WordKey::of(folded))
    }

    /// The number of a folded word ([`WordId::UNKNOWN`] when no list holds it).
    pub(crate) fn word_of(&self, key: &WordKey) -> WordId {
        if key.packed.len > self.longest {
            return WordId::UNKNOWN;
        }
        self.id_at(self.slot(key.hash(), |k| k == key))
    }

    /// The number of a folded word that [`Packed`] holds whole.
    #[inline]
    pub(crate) fn word_of_packed(&self, packed: Packed) -> WordId {
        if packed.len > self.longest || !packed.is_whole() {
            return WordId::UNKNOWN;
        }
        self.id_at(self.slot(packed.hash(), |k| k.packed == packed))
    }

    #[inline]
    fn id_at(&self, slot: usize) -> WordId {
        match self.slots.get(slot) {
            Some(&n) if n != 0 => WordId(n - 1),
            _ => WordId::UNKNOWN,
        }
    }

    /// The bits of the lists that have a phrase starting with `word`.
    #[inline]
    pub(crate) fn starts(&self, word: WordId) -> u16 {
        self.starts.get(word.index()).copied().unwrap_or(0)
    }
}

/// A set of phrases, each a sequence of folded words, with a value; looked up by the first
/// word, longest phrase first.
#[derive(Debug)]
pub(crate) struct PhraseSet<V> {
    /// This list's bit in [`Vocabulary::starts`] and in each token's `starts`.
    bit: u16,
    /// By the number of the first word: the phrases, longest first.
    by_first: Vec<Vec<(Box<[WordId]>, V)>>,
}

impl<V> PhraseSet<V> {
    fn new(bit: u16) -> Self {
        PhraseSet {
            bit,
            by_first: Vec::new(),
        }
    }

    fn insert(&mut self, vocabulary: &mut Vocabulary, words: &[String], value: V) {
        let keys: Box<[WordId]> = words.iter().map(|w| vocabulary.intern(w)).collect();
        let Some(&first) = keys.first() else {
            return;
        };
        if let Some(bits) = vocabulary.starts.get_mut(first.index()) {
            *bits |= self.bit;
        }
        if self.by_first.len() <= first.index() {
            self.by_first.resize_with(first.index() + 1, Vec::new);
        }
        let Some(entries) = self.by_first.get_mut(first.index()) else {
            return;
        };
        if let Some(existing) = entries.iter_mut().find(|(k, _)| *k == keys) {
            // A later line (an analyst's extra file) overrides the built-in one.
            existing.1 = value;
        } else {
            entries.push((keys, value));
            entries.sort_by_key(|entry| std::cmp::Reverse(entry.0.len()));
        }
    }

    /// Whether a phrase of this list may start at `tok`: one bit test, which refuses most
    /// tokens before any lookup.
    pub(crate) fn may_start(&self, tok: &Tok<'_>) -> bool {
        self.may_start_with(tok.starts)
    }

    /// The same for a token's [`Tok::starts`] bits.
    pub(crate) fn may_start_with(&self, starts: u16) -> bool {
        starts & self.bit != 0
    }

    /// The longest phrase starting at `toks[i]`: its length in tokens and its value.
    pub(crate) fn at(&self, toks: &[Tok<'_>], i: usize) -> Option<(usize, &V)> {
        let first = toks.get(i)?;
        if !self.may_start(first) {
            return None;
        }
        let entries = self.by_first.get(first.word.index())?;
        entries.iter().find_map(|(keys, value)| {
            let matches = keys
                .iter()
                .enumerate()
                .all(|(k, want)| toks.get(i + k).is_some_and(|t| t.word == *want));
            matches.then_some((keys.len(), value))
        })
    }
}

/// An abbreviation's surface tokens, and what it stands for.
type SurfacePhrase = (Box<[Box<str>]>, Abbreviation);

/// The abbreviations, matched on the surface tokens as written (case-sensitive).
#[derive(Debug)]
pub(crate) struct AbbreviationSet {
    /// Its bit in the tokens' `starts`, set on the folded first word of each abbreviation: a
    /// token written as an abbreviation folds as it does, so a token without the bit is
    /// refused before its surface is compared.
    bit: u16,
    by_first: FxHashMap<Box<str>, Vec<SurfacePhrase>>,
    count: usize,
}

impl AbbreviationSet {
    fn new(bit: u16) -> Self {
        AbbreviationSet {
            bit,
            by_first: FxHashMap::default(),
            count: 0,
        }
    }

    fn insert(
        &mut self,
        vocabulary: &mut Vocabulary,
        keys: Vec<String>,
        expansions: Vec<Expansion>,
    ) {
        let Some(first) = keys.first() else {
            return;
        };
        let folded_first = vocabulary.intern(&fold(first));
        if let Some(bits) = vocabulary.starts.get_mut(folded_first.index()) {
            *bits |= self.bit;
        }
        let keys: Box<[Box<str>]> = keys.iter().map(|k| k.as_str().into()).collect();
        let entries = self.by_first.entry(first.as_str().into()).or_default();
        if let Some(existing) = entries.iter_mut().find(|(k, _)| *k == keys) {
            existing.1.expansions = expansions;
        } else {
            let index = self.count;
            self.count += 1;
            entries.push((keys, Abbreviation { index, expansions }));
            entries.sort_by_key(|entry| std::cmp::Reverse(entry.0.len()));
        }
    }

    /// Whether an abbreviation may be written at a token that starts the lists of `starts`
    /// (its [`Tok::starts`]): one bit test.
    pub(crate) fn may_start(&self, starts: u16) -> bool {
        starts & self.bit != 0
    }

    /// The longest abbreviation written at `toks[i]` (tokens of `text` as written): its length
    /// in tokens and the abbreviation.
    pub(crate) fn at(
        &self,
        text: &str,
        toks: &[Tok<'_>],
        i: usize,
    ) -> Option<(usize, &Abbreviation)> {
        let surface = |t: &Tok<'_>| text.get(t.range.clone());
        let first = toks.get(i)?;
        if !self.may_start(first.starts) {
            return None;
        }
        let entries = self.by_first.get(surface(first)?)?;
        entries.iter().find_map(|(keys, abbreviation)| {
            let matches = keys.iter().enumerate().all(|(k, want)| {
                toks.get(i + k)
                    .and_then(surface)
                    .is_some_and(|s| s == &**want)
            });
            matches.then_some((keys.len(), abbreviation))
        })
    }
}

/// A role of the roles lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Role {
    /// Its lexicon spelling.
    pub(crate) spelling: String,
    /// Its spelling folded: what coreference compares.
    pub(crate) key: String,
    /// How many of its last words also start the organization ("Trưởng [Ban]": 1).
    pub(crate) shared: usize,
    /// The organization the role names by itself ("Huyện ủy viên": Huyện ủy).
    pub(crate) organization: Option<String>,
    /// Its expansion, when the role names its organization ("Ủy viên Ban Chấp hành Đảng bộ
    /// huyện").
    pub(crate) canonical: Option<String>,
}

/// A head of the organizations lexicon.
#[derive(Debug, Clone)]
pub(crate) struct OrgHead {
    /// Its lexicon spelling.
    pub(crate) spelling: String,
    /// Whether it names a body only with a modifier after it ("Sở …").
    pub(crate) generic: bool,
}

/// An abbreviation and its expansions (the first whose text the document contains is used).
#[derive(Debug, Clone)]
pub(crate) struct Abbreviation {
    /// Its place in the list: the document's choice among its expansions is kept by it.
    pub(crate) index: usize,
    pub(crate) expansions: Vec<Expansion>,
}

/// One expansion of an abbreviation, with its words read once, when the list is loaded.
#[derive(Debug, Clone)]
pub(crate) struct Expansion {
    pub(crate) text: String,
    /// Each word's number, and whether it is a punctuation mark.
    pub(crate) words: Vec<(WordId, bool)>,
}

/// Everything the people extractor looks words up in. Built once from the built-in files
/// ([`Lexicons::builtin`]), or from them plus extra files ([`Lexicons::with_dir`]).
pub(crate) struct Lexicons {
    pub(crate) vocabulary: Vocabulary,
    pub(crate) surnames: PhraseSet<()>,
    pub(crate) roles: PhraseSet<Role>,
    pub(crate) organizations: PhraseSet<OrgHead>,
    /// Keyed by raw surface tokens: abbreviations are case-sensitive.
    pub(crate) abbreviations: AbbreviationSet,
    /// Value: the honorific's spelling.
    pub(crate) honorifics: PhraseSet<String>,
    pub(crate) clause_words: PhraseSet<()>,
    /// Value: the type, lower case.
    pub(crate) document_types: PhraseSet<String>,
    /// Document codes ("NQ") to types ("nghị quyết"); the first line of a code wins.
    pub(crate) document_codes: FxHashMap<String, String>,
    pub(crate) not_names: PhraseSet<()>,
}

impl std::fmt::Debug for Lexicons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicons")
            .field("words", &self.vocabulary.keys.len())
            .field("abbreviations", &self.abbreviations.count)
            .finish_non_exhaustive()
    }
}

/// The folded tokens of a lexicon phrase ("Ủy ban nhân dân" → uy, ban, nhan, dan).
fn folded_keys(phrase: &str) -> Vec<String> {
    raw_pieces(phrase)
        .filter_map(|r| phrase.get(r))
        .map(fold)
        .collect()
}

/// An expansion with its words numbered.
fn expansion(vocabulary: &mut Vocabulary, text: &str) -> Expansion {
    let words = raw_pieces(text)
        .filter_map(|r| text.get(r))
        .map(|piece| {
            let mark = !piece.chars().next().is_some_and(is_word_char);
            (vocabulary.intern(&fold(piece)), mark)
        })
        .collect();
    Expansion {
        text: text.to_owned(),
        words,
    }
}

/// The surface tokens of a phrase, as written.
fn raw_keys(phrase: &str) -> Vec<String> {
    raw_pieces(phrase)
        .filter_map(|r| phrase.get(r))
        .map(str::to_owned)
        .collect()
}

/// The lines of a lexicon file that hold an entry, trimmed.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

#[allow(dead_code)] // `with_dir` and `with_extra` are for the lead's run-time wiring
impl Lexicons {
    /// The lexicons compiled into the crate.
    pub(crate) fn builtin() -> &'static Lexicons {
        &BUILTIN_LEXICONS
    }

    /// The built-in lexicons plus the files of `dir` that bear a lexicon's name
    /// ([`FILES`]): their lines are added to (or override) the built-in entries. A file that
    /// is missing is skipped; one that cannot be read is an error naming it.
    pub(crate) fn with_dir(dir: &Path) -> std::io::Result<Lexicons> {
        let mut lexicons = Lexicons::from_texts(&BUILTIN);
        for (index, name) in FILES.iter().enumerate() {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => lexicons.add(index, &text),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                Err(error) => {
                    return Err(std::io::Error::new(
                        error.kind(),
                        format!("{}: {error}", path.display()),
                    ));
                }
            }
        }
        Ok(lexicons)
    }

    /// The built-in lexicons plus extra entries given as text, by file name (one of
    /// [`FILES`]); `None` when the name is not a lexicon's.
    pub(crate) fn with_extra(extra: &[(&str, &str)]) -> Option<Lexicons> {
        let mut lexicons = Lexicons::from_texts(&BUILTIN);
        for (name, text) in extra {
            let index = FILES.iter().position(|file| file == name)?;
            lexicons.add(index, text);
        }
        Some(lexicons)
    }

    /// No entries yet; each list with its own bit.
    fn empty() -> Lexicons {
        Lexicons {
            vocabulary: Vocabulary::default(),
            surnames: PhraseSet::new(1),
            roles: PhraseSet::new(1 << 1),
            organizations: PhraseSet::new(1 << 2),
            abbreviations: AbbreviationSet::new(1 << 7),
            honorifics: PhraseSet::new(1 << 3),
            clause_words: PhraseSet::new(1 << 4),
            document_types: PhraseSet::new(1 << 5),
            document_codes: FxHashMap::default(),
            not_names: PhraseSet::new(1 << 6),
        }
    }

    fn from_texts(texts: &[&str; 8]) -> Lexicons {
        let mut lexicons = Lexicons::empty();
        for (index, text) in texts.iter().enumerate() {
            lexicons.add(index, text);
        }
        lexicons
    }

    /// Adds the entries of one file, `index` being its place in [`FILES`].
    fn add(&mut self, index: usize, text: &str) {
        for line in entries(text) {
            match index {
                0 => self
                    .surnames
                    .insert(&mut self.vocabulary, &folded_keys(line), ()),
                1 => self.add_role(line),
                2 => self.add_organization(line),
                3 => self.add_abbreviation(line),
                4 => self.add_honorific(line),
                5 => self
                    .clause_words
                    .insert(&mut self.vocabulary, &folded_keys(line), ()),
                6 => self.add_document_type(line),
                _ => self
                    .not_names
                    .insert(&mut self.vocabulary, &folded_keys(line), ()),
            }
        }
    }

    fn add_role(&mut self, line: &str) {
        let mut fields = line.split('|').map(str::trim);
        let written = fields.next().unwrap_or_default();
        let organization = fields.next().filter(|s| !s.is_empty()).map(str::to_owned);
        let canonical = fields.next().filter(|s| !s.is_empty()).map(str::to_owned);
        let shared = written
            .find('[')
            .and_then(|open| written.get(open..))
            .map_or(0, |inside| {
                folded_keys(&inside.replace(['[', ']'], " ")).len()
            });
        let spelling: String = written
            .chars()
            .filter(|c| !matches!(c, '[' | ']'))
            .collect();
        let spelling = spelling.split_whitespace().collect::<Vec<_>>().join(" ");
        let keys = folded_keys(&spelling);
        self.roles.insert(
            &mut self.vocabulary,
            &keys,
            Role {
                key: fold(&spelling),
                spelling,
                shared,
                organization,
                canonical,
            },
        );
    }

    fn add_organization(&mut self, line: &str) {
        let generic = line.ends_with('…') || line.ends_with("...");
        let spelling = line.trim_end_matches(['…', '.']).trim().to_owned();
        self.organizations.insert(
            &mut self.vocabulary,
            &folded_keys(&spelling),
            OrgHead { spelling, generic },
        );
    }

    fn add_abbreviation(&mut self, line: &str) {
        let Some((short, long)) = line.split_once('=') else {
            return;
        };
        let expansions: Vec<Expansion> = long
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|text| expansion(&mut self.vocabulary, text))
            .collect();
        if !expansions.is_empty() {
            self.abbreviations
                .insert(&mut self.vocabulary, raw_keys(short.trim()), expansions);
        }
    }

    fn add_honorific(&mut self, line: &str) {
        let (written, spelling) = match line.split_once('=') {
            Some((written, spelling)) => (written.trim(), spelling.trim()),
            None => (line, line),
        };
        self.honorifics.insert(
            &mut self.vocabulary,
            &folded_keys(written),
            spelling.to_owned(),
        );
    }

    fn add_document_type(&mut self, line: &str) {
        let (written, code) = match line.split_once('|') {
            Some((written, code)) => (written.trim(), Some(code.trim())),
            None => (line, None),
        };
        let lower = written.to_lowercase();
        if let Some(code) = code.filter(|c| !c.is_empty()) {
            self.document_codes
                .entry(code.to_owned())
                .or_insert_with(|| lower.clone());
        }
        self.document_types
            .insert(&mut self.vocabulary, &folded_keys(written), lower);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people::tokens::tokenize;

    #[test]
    fn builtin_lexicons_are_large_enough() {
        let count = |text: &str| entries(text).count();
        assert!(count(BUILTIN[1]) >= 60, "roles");
        assert!(count(BUILTIN[3]) >= 40, "abbreviations");
        assert!(count(BUILTIN[0]) >= 80, "surnames");
    }

    /// The role the whole of `phrase` names, read as the extractor reads text.
    fn role(lexicons: &Lexicons, phrase: &str) -> Option<(usize, Role)> {
        let toks = tokenize(phrase, 0..phrase.len(), lexicons, &|_| 0);
        let (len, role) = lexicons.roles.at(&toks, 0)?;
        Some((len, role.clone()))
    }

    #[test]
    fn shared_words_and_implied_organizations_are_read() {
        let lexicons = Lexicons::builtin();
        let role = role(lexicons, "Trưởng Ban").map(|(_, role)| role);
        assert_eq!(role.as_ref().map(|r| r.shared), Some(1));
        assert_eq!(role.map(|r| r.spelling), Some("Trưởng Ban".to_owned()));
        let role = super::tests::role(lexicons, "Huyện ủy viên");
        assert_eq!(
            role.and_then(|(_, r)| r.organization),
            Some("Huyện ủy".to_owned())
        );
    }

    #[test]
    fn extra_entries_extend_and_override() {
        let lexicons = Lexicons::with_extra(&[("roles.txt", "# extra\nTrưởng Tiểu ban\n")]);
        let found = lexicons
            .as_ref()
            .and_then(|l| role(l, "Trưởng Tiểu ban"))
            .map(|(len, _)| len);
        assert_eq!(found, Some(3));
        assert_eq!(
            role(Lexicons::builtin(), "Trưởng Tiểu ban").map(|(len, _)| len),
            None
        );
        assert!(Lexicons::with_extra(&[("unknown.txt", "x")]).is_none());
    }

    #[test]
    fn keywords_are_numbered_in_their_order() {
        let vocabulary = &Lexicons::builtin().vocabulary;
        for (index, (keyword, spelling)) in KEYWORDS.iter().enumerate() {
            assert_eq!(keyword.id(), WordId(index as u32), "{spelling}");
            assert_eq!(vocabulary.word(spelling), keyword.id(), "{spelling}");
        }
    }

    #[test]
    fn word_keys_tell_words_apart_at_every_length() {
        let words = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "abcdefgh",
            "abcdefgi",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "abcdefghijklmnopq",
            "abcdefghijklmnopr",
            "abcdefghijklmnopqr",
            "a\0",
            "\0a",
            "“",
            "–",
        ];
        for (i, a) in words.iter().enumerate() {
            for (j, b) in words.iter().enumerate() {
                assert_eq!(WordKey::of(a) == WordKey::of(b), i == j, "{a:?} {b:?}");
            }
            let packed = a.bytes().fold(Packed::default(), Packed::push);
            assert_eq!(packed, WordKey::of(a).packed, "{a:?}");
            assert_eq!(packed.is_whole(), a.len() <= 16, "{a:?}");
        }
        let mut vocabulary = Vocabulary::default();
        let ids: Vec<WordId> = words.iter().map(|w| vocabulary.intern(w)).collect();
        for (word, id) in words.iter().zip(&ids) {
            assert_eq!(vocabulary.word(word), *id, "{word:?}");
            let packed = word.bytes().fold(Packed::default(), Packed::push);
            let by_packed = vocabulary.word_of_packed(packed);
            assert_eq!(
                by_packed,
                if word.len() <= 16 {
                    *id
                } else {
                    WordId::UNKNOWN
                }
            );
        }
    }

    #[test]
    fn the_vocabulary_knows_the_words_of_the_lists_only() {
        let vocabulary = &Lexicons::builtin().vocabulary;
        for word in ["uy", "ban", "nhan", "dan", "nguyen", "chu", "tich"] {
            assert_ne!(vocabulary.word(word), WordId::UNKNOWN, "{word}");
        }
        let too_long = "a".repeat(vocabulary.longest + 1);
        for word in ["", "Ban", "ủy", "xyzzy", too_long.as_str()] {
            assert_eq!(vocabulary.word(word), WordId::UNKNOWN, "{word}");
        }
    }
}
