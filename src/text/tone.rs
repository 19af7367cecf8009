//! Tone-mark placement in Vietnamese syllables.
//!
//! A Vietnamese syllable carries at most one tone mark (huyền `à`, sắc `á`, hỏi `ả`,
//! ngã `ã`, nặng `ạ`), and orthography fixes which vowel of the syllable takes it. Two
//! styles are in use, and they differ only on open syllables (no final consonant) whose
//! vowels are `oa`, `oe` or `uy`:
//!
//! - [`ToneStyle::Traditional`] puts the mark on the first vowel: `hòa`, `khỏe`, `thủy`,
//!   `Ủy ban` (most newspapers, many government documents);
//! - [`ToneStyle::Modern`] puts it on the second: `hoà`, `khoẻ`, `thuỷ`, `Uỷ ban` (school
//!   textbooks since 2018).
//!
//! The same report often mixes both, so the normalizer rewrites every syllable into one
//! style; otherwise `hòa` and `hoà` would be two different words to a search or a fact
//! extractor. Marks that fit neither style (`hòang`, `mừơi`, `qúy`, typed by hand or by
//! an old input method) are moved to their place as well.
//!
//! ```
//! use vietfacts::text::tone::{place_tone, ToneStyle};
//!
//! assert_eq!(place_tone("hoà", ToneStyle::Traditional).as_deref(), Some("hòa"));
//! assert_eq!(place_tone("Thủy", ToneStyle::Modern).as_deref(), Some("Thuỷ"));
//! assert_eq!(place_tone("(hòang,", ToneStyle::Modern).as_deref(), Some("(hoàng,"));
//! // Both styles agree on closed syllables and on the u of "qu": nothing to do.
//! assert_eq!(place_tone("hoàng", ToneStyle::Traditional), None);
//! assert_eq!(place_tone("quý", ToneStyle::Modern), None);
//! ```
//!
//! # Syllable model
//!
//! A letter run (letters, possibly followed by combining marks) is parsed as
//! onset + vowel cluster + coda, all in lower case with tone marks stripped:
//!
//! - onset: `ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x` or none;
//!   `qu` always takes its `u` (`quý`, `quả`), `gi` takes its `i` only when a vowel
//!   follows (`giữa`, `giá`; but `gì`, `gìn`: g + i);
//! - vowel cluster (medial + nucleus + final glide): one of the `CLUSTERS` table, each
//!   with whether it needs, allows or forbids a final consonant (`iê` needs one: `tiếng`;
//!   `ai` forbids one);
//! - coda: none or `c ch m n ng nh p t`; after `c ch p t` only sắc and nặng are allowed.
//!
//! Where the mark goes (see `mark_index`): on `ơ` if present (`ươ`: `người`), else on the
//! vowel with a diacritic `â ă ê ô ư` (`tiếng`, `muốn`, `giữa`); else before a final
//! consonant on the last vowel (`toán`, `huỳnh`); else, in an open syllable, on the
//! middle vowel of three (`ngoài`, `khuya`), on the first of two (`mía`, `của`, `tái`),
//! except `oa oe uy`, where the style decides.
//!
//! Anything that does not parse (English words, acronyms, codes, words with a letter
//! outside the Vietnamese alphabet, runs with two tone marks) is left exactly as it is.

use unicode_normalization::char::is_combining_mark;

/// Where the tone mark goes in the open syllables oa, oe, uy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[non_exhaustive]
pub enum ToneStyle {
    /// "hòa", "khỏe", "thủy", "Ủy ban": the mark on the first vowel of open oa/oe/uy
    /// (most newspapers, many government documents). Default.
    #[default]
    Traditional,
    /// "hoà", "khoẻ", "thuỷ", "Uỷ ban": the style prescribed for school textbooks since
    /// 2018.
    Modern,
}

/// The tones by column of [`LOWER`] and [`UPPER`]: 0 none, then huyền (grave), sắc
/// (acute), hỏi (hook above), ngã (tilde), nặng (dot below).
const GRAVE: usize = 1;
/// Hỏi: `ả`.
const HOOK: usize = 3;
/// Ngã: `ã`.
const TILDE: usize = 4;

/// The twelve lower-case vowels, one row each, by tone (none, `à`, `á`, `ả`, `ã`, `ạ`).
const LOWER: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];

/// [`LOWER`] in capitals, row for row.
const UPPER: [[char; 6]; 12] = [
    ['A', 'À', 'Á', 'Ả', 'Ã', 'Ạ'],
    ['Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ'],
    ['Â', 'Ầ', 'Ấ', 'Ẩ', 'Ẫ', 'Ậ'],
    ['E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'],
    ['Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ'],
    ['I', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị'],
    ['O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'],
    ['Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ'],
    ['Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ'],
    ['U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'],
    ['Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', 'Ự'],
    ['Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'],
];

/// The longest letter run that can be a syllable: "nghiêng", "khuyếch" have 7 letters.
const MAX_LETTERS: usize = 8;

/// Whether a vowel cluster takes a final consonant after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Coda {
    /// Only open: "ai" (tai), never "ain".
    Never,
    /// Only closed: "iê" (tiếng, việt), never bare "iê".
    Needed,
    /// Either: "oa" (hòa, hoàng).
    Either,
}

/// The vowel clusters (medial + nucleus + final glide) of Vietnamese, after the onset
/// (so "quý" is qu + "y", "giữa" is gi + "ưa"), with an example each.
const CLUSTERS: &[(&str, Coda)] = &[
    // One vowel.
    ("a", Coda::Either), // ba, bàn
    ("ă", Coda::Needed), // ăn, bắt
    ("â", Coda::Needed), // ân, bật
    ("e", Coda::Either), // xe, bén
    ("ê", Coda::Either), // về, bến
    ("i", Coda::Either), // đi, tìm
    ("o", Coda::Either), // có, con
    ("ô", Coda::Either), // cô, không
    ("ơ", Coda::Either), // cờ, lớn
    ("u", Coda::Either), // thu, cùng
    ("ư", Coda::Either), // tư, những
    ("y", Coda::Either), // ý, quýt (qu + y + t)
    // Two vowels.
    ("ai", Coda::Never),  // tái
    ("ao", Coda::Never),  // báo
    ("au", Coda::Never),  // sau
    ("ay", Coda::Never),  // này
    ("âu", Coda::Never),  // đầu
    ("ây", Coda::Never),  // đây
    ("eo", Coda::Never),  // kéo
    ("êu", Coda::Never),  // nêu
    ("ia", Coda::Never),  // mía, nghĩa
    ("iu", Coda::Never),  // dịu
    ("iê", Coda::Needed), // tiếng, việt
    ("oa", Coda::Either), // hòa / hoà, hoàng
    ("oă", Coda::Needed), // xoăn, hoặc
    ("oe", Coda::Either), // khỏe / khoẻ, khoét
    ("oi", Coda::Never),  // nói
    ("ôi", Coda::Never),  // tối
    ("ơi", Coda::Never),  // mới
    ("oo", Coda::Needed), // xoong, moóc
    ("ua", Coda::Never),  // của, mùa
    ("uâ", Coda::Needed), // tuần
    ("uê", Coda::Either), // thuế, huênh
    ("ui", Coda::Never),  // vui
    ("uô", Coda::Needed), // muốn
    ("uơ", Coda::Never),  // thuở
    ("uy", Coda::Either), // thủy / thuỷ, huỳnh
    ("ưa", Coda::Never),  // mưa, giữa (gi + ưa)
    ("ưi", Coda::Never),  // gửi
    ("ươ", Coda::Needed), // được
    ("ưu", Coda::Never),  // cứu
    ("yê", Coda::Needed), // yên, quyết (qu + yê + t)
    // Three vowels.
    ("iêu", Coda::Never),  // tiêu
    ("yêu", Coda::Never),  // yếu
    ("oai", Coda::Never),  // ngoài
    ("oay", Coda::Never),  // xoáy
    ("oao", Coda::Never),  // ngoáo
    ("oeo", Coda::Never),  // ngoẹo
    ("uây", Coda::Never),  // khuấy
    ("uôi", Coda::Never),  // tuổi
    ("ươi", Coda::Never),  // người
    ("ươu", Coda::Never),  // rượu
    ("uya", Coda::Never),  // khuya
    ("uyê", Coda::Needed), // chuyện, nguyễn
    ("uyu", Coda::Never),  // khuỷu
];

/// One letter of a run: its lower-case base (tone stripped, vowel diacritics kept), its
/// tone (column of [`LOWER`]), its case and the char it was written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Letter {
    /// Lower case, no tone: 'a', 'ă', 'đ', 'n'.
    base: char,
    /// 0 for none, else a column of [`LOWER`].
    tone: usize,
    /// Written in capitals.
    upper: bool,
    /// The char as written.
    orig: char,
}

impl Letter {
    /// Filler for the fixed-size buffers.
    const BLANK: Letter = Letter {
        base: ' ',
        tone: 0,
        upper: false,
        orig: ' ',
    };
}

/// The letter `c` is, if it is one of the Vietnamese alphabet's (or another ASCII
/// letter: those fail the onset and coda tables instead).
fn decode(c: char) -> Option<Letter> {
    if let Some(vowel) = vowel_letter(c) {
        let [base, ..] = *LOWER.get(usize::from(vowel.row))?;
        return Some(Letter {
            base,
            tone: usize::from(vowel.tone),
            upper: vowel.upper,
            orig: c,
        });
    }
    match c {
        _ if c.is_ascii_alphabetic() => Some(Letter {
            base: c.to_ascii_lowercase(),
            tone: 0,
            upper: c.is_ascii_uppercase(),
            orig: c,
        }),
        'đ' | 'Đ' => Some(Letter {
            base: 'đ',
            tone: 0,
            upper: c == 'Đ',
            orig: c,
        }),
        _ => None,
    }
}

/// A vowel letter as its place in [`LOWER`] / [`UPPER`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct VowelLetter {
    /// The row: the vowel without its tone (a, ă, â, e, ê, i, o, ô, ơ, u, ư, y).
    pub(crate) row: u8,
    /// The column: 0 for none, then huyền, sắc, hỏi, ngã, nặng.
    pub(crate) tone: u8,
    /// Written in capitals.
    pub(crate) upper: bool,
}

/// The rows of [`LOWER`] that [`VowelLetter::row`] names.
pub(crate) mod row {
    /// a
    pub(crate) const A: u8 = 0;
    /// ă
    pub(crate) const A_BREVE: u8 = 1;
    /// â
    pub(crate) const A_CIRCUMFLEX: u8 = 2;
    /// e
    pub(crate) const E: u8 = 3;
    /// ê
    pub(crate) const E_CIRCUMFLEX: u8 = 4;
    /// i
    pub(crate) const I: u8 = 5;
    /// o
    pub(crate) const O: u8 = 6;
    /// ô
    pub(crate) const O_CIRCUMFLEX: u8 = 7;
    /// ơ
    pub(crate) const O_HORN: u8 = 8;
    /// u
    pub(crate) const U: u8 = 9;
    /// ư
    pub(crate) const U_HORN: u8 = 10;
    /// y
    pub(crate) const Y: u8 = 11;
}

/// A [`VowelLetter`] packed in a byte (row, tone, case), for the lookup tables.
const fn pack(row: usize, tone: usize, upper: bool) -> u8 {
    ((row as u8) << 4) | ((tone as u8) << 1) | upper as u8
}

/// What the lookup tables hold for a char that is no vowel letter.
const NOT_A_VOWEL: u8 = 0xFF;

/// `c` looked up in [`LOWER`] and [`UPPER`], packed; [`NOT_A_VOWEL`] when it is in neither.
/// The definition the lookup tables are built from at compile time.
const fn find_vowel(c: char) -> u8 {
    // Every vowel letter is in one of two blocks: ASCII to Latin Extended-B (up to ư U+01B0),
    // and Latin Extended Additional.
    if !matches!(c, '\0'..='\u{1B0}' | '\u{1EA0}'..='\u{1EF9}') {
        return NOT_A_VOWEL;
    }
    let mut row = 0;
    while row < LOWER.len() {
        let mut tone = 0;
        while tone < LOWER[row].len() {
            if LOWER[row][tone] == c {
                return pack(row, tone, false);
            }
            if UPPER[row][tone] == c {
                return pack(row, tone, true);
            }
            tone += 1;
        }
        row += 1;
    }
    NOT_A_VOWEL
}

/// [`find_vowel`] for the `N` chars from `first` on.
const fn vowel_table<const N: usize>(first: u32) -> [u8; N] {
    let mut table = [NOT_A_VOWEL; N];
    let mut i = 0;
    while i < N {
        if let Some(c) = char::from_u32(first + i as u32) {
            table[i] = find_vowel(c);
        }
        i += 1;
    }
    table
}

/// [`find_vowel`] of the two blocks where the vowel letters are.
static VOWELS_LATIN: [u8; 0x1B1] = vowel_table(0);
/// See [`VOWELS_LATIN`].
static VOWELS_ADDITIONAL: [u8; 0x5A] = vowel_table(0x1EA0);

/// `c` packed as [`find_vowel`] does, by a table lookup.
fn packed_vowel(c: char) -> u8 {
    let code = c as u32;
    let packed = match code {
        0..=0x1B0 => VOWELS_LATIN.get(code as usize),
        0x1EA0..=0x1EF9 => VOWELS_ADDITIONAL.get((code - 0x1EA0) as usize),
        _ => None,
    };
    packed.copied().unwrap_or(NOT_A_VOWEL)
}

/// The vowel letter `c` is, None for any other char.
pub(crate) fn vowel_letter(c: char) -> Option<VowelLetter> {
    let packed = packed_vowel(c);
    (packed != NOT_A_VOWEL).then_some(VowelLetter {
        row: packed >> 4,
        tone: (packed >> 1) & 7,
        upper: packed & 1 == 1,
    })
}

/// The vowel letter of `row` with `tone`, in capitals when `upper`.
pub(crate) fn vowel_char(row: u8, tone: u8, upper: bool) -> Option<char> {
    let table = if upper { &UPPER } else { &LOWER };
    table.get(usize::from(row))?.get(usize::from(tone)).copied()
}

/// How a char can take part in a tone mark that [`place_tone`] moves, as bits for
/// [`may_move_tone`]: any vowel letter, and three kinds of vowel among them.
pub(crate) mod class {
    /// A vowel letter, with or without marks.
    pub(crate) const VOWEL: u8 = 1;
    /// A with a tone mark, e, i, o, u or y: the mark may belong on a neighbour.
    pub(crate) const TONED_PLAIN: u8 = 2;
    /// ư with a tone mark: the mark belongs on an ơ after it ("mừơi").
    pub(crate) const TONED_U_HORN: u8 = 4;
    /// ơ, with or without a tone mark.
    pub(crate) const O_HORN: u8 = 8;
}

/// The [`class`] bits of a packed vowel.
const fn class_of_packed(packed: u8) -> u8 {
    if packed == NOT_A_VOWEL {
        return 0;
    }
    let (row, toned) = (packed >> 4, (packed >> 1) & 7 != 0);
    let kind = match row {
        row::A | row::E | row::I | row::O | row::U | row::Y if toned => class::TONED_PLAIN,
        row::U_HORN if toned => class::TONED_U_HORN,
        row::O_HORN => class::O_HORN,
        _ => 0,
    };
    class::VOWEL | kind
}

/// The [`class`] bits of `c`, computed from the tables of letters: for lookup tables built
/// at compile time.
pub(crate) const fn tone_class(c: char) -> u8 {
    class_of_packed(find_vowel(c))
}

/// Whether two neighbouring chars of these [`class`]es can hold a mark [`place_tone`] moves.
///
/// A mark moves only inside a vowel cluster of two or three letters (the u of "qu" and the
/// i of "gi" included), so the marked vowel has a vowel beside it. And it moves only from a,
/// e, i, o, u or y, or from ư onto the ơ after it: the rules put the mark on ơ whenever a
/// cluster has one, and else on the one vowel of the cluster with a circumflex, breve or
/// horn, which is where a mark on â, ă, ê, ô or ư already sits. Errs on the side of yes.
pub(crate) fn pair_may_move(before: u8, after: u8) -> bool {
    PAIRS_THAT_MAY_MOVE[usize::from(before & 0xF)] & (1 << (after & 0xF)) != 0
}

/// [`pair_may_move`] by its definition.
const fn pair_may_move_by_rules(before: u8, after: u8) -> bool {
    (before & class::TONED_PLAIN != 0 && after & class::VOWEL != 0)
        || (after & class::TONED_PLAIN != 0 && before & class::VOWEL != 0)
        || (before & class::TONED_U_HORN != 0 && after & class::O_HORN != 0)
        || (after & class::TONED_U_HORN != 0 && before & class::O_HORN != 0)
}

/// [`pair_may_move_by_rules`] of every pair of classes: a row per class before, a bit per
/// class after.
const PAIRS_THAT_MAY_MOVE: [u16; 16] = {
    let mut rows = [0; 16];
    let mut before = 0;
    while before < 16 {
        let mut after = 0;
        while after < 16 {
            if pair_may_move_by_rules(before as u8, after as u8) {
                rows[before] |= 1 << after;
            }
            after += 1;
        }
        before += 1;
    }
    rows
};

/// Whether [`place_tone`] may change `word`: two neighbouring chars [`pair_may_move`]
/// accepts. Most words with a tone mark are refused: a mark on the only vowel ("những"),
/// on ơ ("người") or on the vowel with a circumflex, breve or horn ("hội", "việt").
pub(crate) fn may_move_tone(word: &str) -> bool {
    let mut before = 0;
    for c in word.chars() {
        let class = if c.is_ascii() {
            // No tone mark: only a vowel next to a marked one counts.
            u8::from(matches!(
                c,
                'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'
            ))
        } else {
            class_of_packed(packed_vowel(c))
        };
        if pair_may_move(before, class) {
            return true;
        }
        before = class;
    }
    false
}

/// `letter` written with `tone` (0: none), in its own case.
fn encode(letter: Letter, tone: usize) -> char {
    for (lower, upper) in LOWER.iter().zip(UPPER.iter()) {
        let [base, ..] = *lower;
        if base == letter.base {
            let row = if letter.upper { upper } else { lower };
            return row.get(tone).copied().unwrap_or(letter.orig);
        }
    }
    letter.orig
}

/// Whether `c` (a lower-case base) is a vowel letter.
fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// Whether `c` is a precomposed vowel with a tone mark: the fast test before any work.
fn has_tone(c: char) -> bool {
    vowel_letter(c).is_some_and(|v| v.tone != 0)
}

/// How many letters of `bases` (lower case, toneless) the onset takes; None when the
/// run does not start like a Vietnamese syllable.
fn onset_len(bases: &[char]) -> Option<usize> {
    let vowel_at = |i: usize| bases.get(i).is_some_and(|&c| is_vowel(c));
    Some(match bases {
        // "quý", "quả", "quyết": the u belongs to the onset.
        ['q', 'u', ..] => 2,
        // "giữa", "giá", "giếng": gi + vowel; "gì", "gìn": g + i.
        ['g', 'i', ..] if vowel_at(2) => 2,
        ['n', 'g', 'h', ..] => 3,
        ['n' | 'g' | 'c' | 'k' | 'p' | 't', 'h', ..] | ['n', 'g', ..] | ['t', 'r', ..] => 2,
        [
            'b' | 'c' | 'd' | 'đ' | 'g' | 'h' | 'k' | 'l' | 'm' | 'n' | 'p' | 'r' | 's' | 't' | 'v'
            | 'x',
            ..,
        ] => 1,
        [c, ..] if is_vowel(*c) => 0,
        _ => return None,
    })
}

/// The kind of final consonant `coda` is; None when it is not one.
fn coda_kind(coda: &[char]) -> Option<Final> {
    match coda {
        [] => Some(Final::Open),
        ['c'] | ['c', 'h'] | ['p'] | ['t'] => Some(Final::Stop),
        ['m'] | ['n'] | ['n', 'g'] | ['n', 'h'] => Some(Final::Nasal),
        _ => None,
    }
}

/// What ends a syllable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Final {
    /// No consonant: "hòa", "tai".
    Open,
    /// c, ch, p, t: only sắc or nặng ("tốt", "học"; "hoàt" is no syllable).
    Stop,
    /// m, n, ng, nh.
    Nasal,
}

/// Index inside the vowel `cluster` of the vowel that takes the tone mark.
fn mark_index(cluster: &[char], closed: bool, style: ToneStyle) -> usize {
    // ươ, uơ, ơi: on ơ ("người", "thuở", "mới").
    if let Some(i) = cluster.iter().position(|&c| c == 'ơ') {
        return i;
    }
    // A vowel with a diacritic takes it: "tiếng", "muốn", "giữa", "tuần", "khuấy".
    if let Some(i) = cluster
        .iter()
        .position(|&c| matches!(c, 'â' | 'ă' | 'ê' | 'ô' | 'ư'))
    {
        return i;
    }
    // Before a final consonant, the last vowel: "toán", "hoạch", "huỳnh", "moóc".
    if closed {
        return cluster.len().saturating_sub(1);
    }
    match cluster {
        // The only difference between the styles: "hòa"/"hoà", "khỏe"/"khoẻ",
        // "thủy"/"thuỷ".
        ['o', 'a'] | ['o', 'e'] | ['u', 'y'] => match style {
            ToneStyle::Traditional => 0,
            ToneStyle::Modern => 1,
        },
        // Medial + vowel + glide: "ngoài", "xoáy", "ngoẹo", "khuỷu", "khuya" (uýa).
        [_, _, _] => 1,
        // Vowel + glide, and ia/ua: "tái", "báo", "mía", "của", "vui".
        _ => 0,
    }
}

/// A run parsed as a syllable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Syllable {
    /// The tone (column of [`LOWER`]), 0 for none.
    tone: usize,
    /// Which letter carries it now.
    tone_at: Option<usize>,
    /// Which letter should carry it in [`ToneStyle::Traditional`].
    traditional: usize,
    /// Which letter should carry it in [`ToneStyle::Modern`].
    modern: usize,
}

impl Syllable {
    /// Where the mark goes in `style`.
    fn target(&self, style: ToneStyle) -> usize {
        match style {
            ToneStyle::Traditional => self.traditional,
            ToneStyle::Modern => self.modern,
        }
    }
}

/// `letters` parsed as one syllable with at most one tone mark, wherever it is.
fn parse(letters: &[Letter]) -> Option<Syllable> {
    let mut buffer = [' '; MAX_LETTERS];
    let mut tone = 0;
    let mut tone_at = None;
    if letters.len() > MAX_LETTERS {
        return None;
    }
    for (i, (slot, letter)) in buffer.iter_mut().zip(letters).enumerate() {
        *slot = letter.base;
        if letter.tone != 0 {
            if tone_at.is_some() {
                return None;
            }
            tone = letter.tone;
            tone_at = Some(i);
        }
    }
    let bases = buffer.get(..letters.len())?;
    let onset = onset_len(bases)?;
    let rest = bases.get(onset..)?;
    let vowels = rest.iter().take_while(|&&c| is_vowel(c)).count();
    let (cluster, coda) = rest.split_at_checked(vowels)?;
    if cluster.is_empty() {
        return None;
    }
    let kind = coda_kind(coda)?;
    let rule = CLUSTERS
        .iter()
        .find(|(text, _)| text.chars().eq(cluster.iter().copied()))
        .map(|&(_, rule)| rule)?;
    match (rule, kind) {
        (Coda::Either, _) | (Coda::Never, Final::Open) => {}
        (Coda::Needed, Final::Stop | Final::Nasal) => {}
        _ => return None,
    }
    // "tốt", "học", never "tồt": a stop final takes sắc or nặng only.
    if kind == Final::Stop && matches!(tone, GRAVE | HOOK | TILDE) {
        return None;
    }
    let closed = kind != Final::Open;
    Some(Syllable {
        tone,
        tone_at,
        traditional: onset + mark_index(cluster, closed, ToneStyle::Traditional),
        modern: onset + mark_index(cluster, closed, ToneStyle::Modern),
    })
}

/// The letters of `run`, in a stack buffer, with how many there are; None when a char
/// is not a letter of the alphabet or the run is too long to be a syllable.
fn letters_of(run: &str) -> Option<([Letter; MAX_LETTERS], usize)> {
    let mut letters = [Letter::BLANK; MAX_LETTERS];
    let mut count = 0;
    for c in run.chars() {
        *letters.get_mut(count)? = decode(c)?;
        count += 1;
    }
    Some((letters, count))
}

/// `run` rewritten with its mark where `style` puts it; None when it already is there,
/// or the run is not a syllable with exactly one tone mark.
fn fix_run(run: &str, style: ToneStyle) -> Option<([char; MAX_LETTERS], usize)> {
    let (letters, count) = letters_of(run)?;
    let letters = letters.get(..count)?;
    let syllable = parse(letters)?;
    let now = syllable.tone_at?;
    let target = syllable.target(style);
    if now == target {
        return None;
    }
    let mut out = [' '; MAX_LETTERS];
    for (i, (slot, &letter)) in out.iter_mut().zip(letters).enumerate() {
        *slot = if i == target {
            encode(letter, syllable.tone)
        } else if letter.tone != 0 {
            encode(letter, 0)
        } else {
            letter.orig
        };
    }
    Some((out, count))
}

/// Whether `c` belongs to a letter run: a letter, or a combining mark after one.
fn is_run_char(c: char) -> bool {
    crate::text::is_alpha(c) || is_combining_mark(c)
}

/// The byte ranges of the letter runs of `s` (maximal runs of letters and combining
/// marks): "(Thành-uỷ," has "Thành" and "uỷ".
pub(crate) fn letter_runs(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = s.char_indices().chain(std::iter::once((s.len(), ' ')));
    let mut start = None;
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            match (start, is_run_char(c)) {
                (None, true) => start = Some(i),
                (Some(begin), false) => {
                    start = None;
                    return Some((begin, i));
                }
                _ => {}
            }
        }
        None
    })
}

/// The word with every Vietnamese syllable in it written in `style`; None when nothing
/// changes. Input is NFC.
///
/// Each letter run of the word that parses as a Vietnamese syllable with exactly one
/// tone mark gets the mark moved to the vowel `style` puts it on, each letter keeping
/// its case; everything else, punctuation included, is kept as it is. A word without a
/// tone mark returns None without allocating.
///
/// ```
/// use vietfacts::text::tone::{place_tone, ToneStyle};
///
/// assert_eq!(place_tone("HOÀ", ToneStyle::Traditional).as_deref(), Some("HÒA"));
/// assert_eq!(place_tone("Thành-uỷ", ToneStyle::Traditional).as_deref(), Some("Thành-ủy"));
/// assert_eq!(place_tone("ngừơi", ToneStyle::Modern).as_deref(), Some("người"));
/// assert_eq!(place_tone("Internet", ToneStyle::Modern), None);
/// ```
pub fn place_tone(word: &str, style: ToneStyle) -> Option<String> {
    if word.is_ascii() || !word.chars().any(has_tone) {
        return None;
    }
    let mut out: Option<String> = None;
    let mut copied = 0;
    for (start, end) in letter_runs(word) {
        let Some(run) = word.get(start..end) else {
            continue;
        };
        let Some((chars, count)) = fix_run(run, style) else {
            continue;
        };
        let text = out.get_or_insert_with(|| String::with_capacity(word.len() + 2));
        text.push_str(word.get(copied..start).unwrap_or_default());
        text.extend(chars.iter().take(count));
        copied = end;
    }
    let mut text = out?;
    text.push_str(word.get(copied..).unwrap_or_default());
    Some(text)
}

/// Whether `s` (NFC, one syllable, any case, no punctuation) is a well-formed Vietnamese
/// syllable: onset + (medial) + nucleus + (coda) with at most one tone mark, in either
/// tone style. Useful to others (encoding detection).
///
/// The tone mark, when there is one, must sit where one of the styles puts it ("hòa" and
/// "hoà" are syllables, "hòang" is not), and after a final c, ch, p or t only sắc and
/// nặng are allowed ("tốt", not "tồt"). A syllable without a tone mark ("ba", "không")
/// is accepted; one stripped of its vowel marks too is accepted only when the bare letters
/// still spell a syllable ("hoa" yes, "viet" no: "ie" is no vowel cluster).
///
/// ```
/// use vietfacts::text::tone::is_vietnamese_syllable;
///
/// assert!(is_vietnamese_syllable("Nguyễn"));
/// assert!(is_vietnamese_syllable("hoà") && is_vietnamese_syllable("hòa"));
/// assert!(!is_vietnamese_syllable("hòang"));
/// assert!(!is_vietnamese_syllable("UBND"));
/// ```
pub fn is_vietnamese_syllable(s: &str) -> bool {
    let Some((letters, count)) = letters_of(s) else {
        return false;
    };
    let Some(syllable) = letters.get(..count).and_then(parse) else {
        return false;
    };
    match syllable.tone_at {
        None => true,
        Some(at) => at == syllable.traditional || at == syllable.modern,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// Open oa / oe / uy syllables, (Traditional, Modern).
    const STYLED: &[(&str, &str)] = &[
        ("hòa", "hoà"),
        ("hóa", "hoá"),
        ("họa", "hoạ"),
        ("hỏa", "hoả"),
        ("khỏe", "khoẻ"),
        ("thủy", "thuỷ"),
        ("tùy", "tuỳ"),
        ("lũy", "luỹ"),
        ("ủy", "uỷ"),
        ("thúy", "thuý"),
        ("lòa", "loà"),
        ("xòe", "xoè"),
        ("òa", "oà"),
        ("tòa", "toà"),
        ("góa", "goá"),
        ("lõa", "loã"),
        ("khóa", "khoá"),
        ("thỏa", "thoả"),
        ("xóa", "xoá"),
        ("đóa", "đoá"),
        ("tọa", "toạ"),
        ("nhòa", "nhoà"),
        ("xõa", "xoã"),
        ("lóa", "loá"),
        ("khỏa", "khoả"),
        ("ngõa", "ngoã"),
        ("hòe", "hoè"),
        ("khóe", "khoé"),
        ("lóe", "loé"),
        ("tóe", "toé"),
        ("nhòe", "nhoè"),
        ("lòe", "loè"),
        ("ọe", "oẹ"),
        ("hủy", "huỷ"),
        ("tủy", "tuỷ"),
        ("lụy", "luỵ"),
        ("thụy", "thuỵ"),
        ("thùy", "thuỳ"),
        ("trụy", "truỵ"),
        ("nhụy", "nhuỵ"),
        ("ngụy", "nguỵ"),
        ("chùy", "chuỳ"),
        ("túy", "tuý"),
        ("súy", "suý"),
        ("xúy", "xuý"),
        // Upper and title case: each char keeps its case.
        ("HÒA", "HOÀ"),
        ("Hòa", "Hoà"),
        ("Ủy", "Uỷ"),
        ("ỦY", "UỶ"),
        ("THỦY", "THUỶ"),
        ("Khỏe", "Khoẻ"),
        ("TÙY", "TUỲ"),
        ("Thúy", "Thuý"),
    ];

    /// Syllables where the styles agree: never changed.
    const AGREED: &[&str] = &[
        "hoàng", "toán", "thuyền", "khuyết", "quý", "quả", "giữa", "của", "mùa", "người", "khoảng",
        "hoạt", "quyết", "chuyện", "nguyễn", "tiếng", "việt", "được", "mười", "thuở", "khuya",
        "hoàn", "toàn", "xoăn", "hoặc", "ngoài", "khoái", "xoáy", "khuỷu", "ngoẹo", "khuấy",
        "tuổi", "rượu", "yếu", "tiêu", "huỳnh", "huýt", "hoạch", "khoét", "moóc", "thuế", "huệ",
        "tuần", "muốn", "gửi", "cứu", "mía", "nghĩa", "gì", "gìn", "già", "giá", "giếng", "quà",
        "quỳnh", "quýt", "quyển", "quốc", "vùi", "nói", "tối", "mới", "báo", "tái", "này", "đầu",
        "đây", "kéo", "nêu", "dịu", "Nguyễn", "QUÝ", "HOÀNG", "Việt", "Đồng", "ý", "ở",
    ];

    /// Marks that fit neither style, and their place.
    const MISPLACED: &[(&str, &str)] = &[
        ("nghìên", "nghiền"),
        ("hòang", "hoàng"),
        ("tóan", "toán"),
        ("qúy", "quý"),
        ("qủa", "quả"),
        ("thùyên", "thuyền"),
        ("thuỳên", "thuyền"),
        ("mừơi", "mười"),
        ("ngừơi", "người"),
        ("đựơc", "được"),
        ("trứơc", "trước"),
        ("múôn", "muốn"),
        ("khỏang", "khoảng"),
        ("cuả", "của"),
        ("muà", "mùa"),
        ("gìa", "già"),
        ("giưã", "giữa"),
        ("nghĩên", "nghiễn"),
        ("kíêm", "kiếm"),
        ("ngòai", "ngoài"),
        ("xóay", "xoáy"),
        ("NGỪƠI", "NGƯỜI"),
        ("Hòang", "Hoàng"),
        ("Nguỹên", "Nguyễn"),
    ];

    /// Words that are not Vietnamese syllables (or are, without a mark to move).
    const FOREIGN: &[&str] = &[
        "Internet",
        "online",
        "Mocha",
        "UBND",
        "HĐND",
        "MTTQ",
        "KT-XH",
        "35-NQ/TW",
        "café",
        "très",
        "Bogotá",
        "où",
        "naïve",
        "São",
        "Đà",
        "hoàà",
        "hóà",
        "Москва",
        "Αθήνα",
        "",
        "(",
        "—",
        "x\u{301}",
        "hoàt",
        "hoàbc",
        "nghiêngg",
    ];

    fn both() -> [ToneStyle; 2] {
        [ToneStyle::Traditional, ToneStyle::Modern]
    }

    #[test]
    fn styled_syllables_both_directions() {
        for &(traditional, modern) in STYLED {
            assert_eq!(
                place_tone(modern, ToneStyle::Traditional).as_deref(),
                Some(traditional),
                "{modern} -> Traditional"
            );
            assert_eq!(
                place_tone(traditional, ToneStyle::Modern).as_deref(),
                Some(modern),
                "{traditional} -> Modern"
            );
            assert_eq!(place_tone(traditional, ToneStyle::Traditional), None);
            assert_eq!(place_tone(modern, ToneStyle::Modern), None);
            assert!(is_vietnamese_syllable(traditional), "{traditional}");
            assert!(is_vietnamese_syllable(modern), "{modern}");
        }
        assert!(STYLED.len() >= 50);
    }

    #[test]
    fn agreed_syllables_untouched() {
        for &word in AGREED {
            for style in both() {
                assert_eq!(place_tone(word, style), None, "{word} {style:?}");
            }
            assert!(is_vietnamese_syllable(word), "{word}");
        }
    }

    #[test]
    fn misplaced_marks_moved() {
        for &(wrong, right) in MISPLACED {
            for style in both() {
                assert_eq!(
                    place_tone(wrong, style).as_deref(),
                    Some(right),
                    "{wrong} {style:?}"
                );
            }
            assert!(!is_vietnamese_syllable(wrong), "{wrong}");
            assert!(is_vietnamese_syllable(right), "{right}");
        }
    }

    #[test]
    fn foreign_words_untouched() {
        for &word in FOREIGN {
            for style in both() {
                assert_eq!(place_tone(word, style), None, "{word} {style:?}");
            }
        }
    }

    #[test]
    fn punctuation_and_several_runs() {
        let t = ToneStyle::Traditional;
        let m = ToneStyle::Modern;
        assert_eq!(place_tone("(hoà,", t).as_deref(), Some("(hòa,"));
        assert_eq!(place_tone("(hòa,", m).as_deref(), Some("(hoà,"));
        assert_eq!(place_tone("Thành-uỷ", t).as_deref(), Some("Thành-ủy"));
        assert_eq!(place_tone("hoà-hoà", t).as_deref(), Some("hòa-hòa"));
        assert_eq!(place_tone("\"Khoẻ\".", t).as_deref(), Some("\"Khỏe\"."));
        assert_eq!(place_tone("UBND-uỷ", t).as_deref(), Some("UBND-ủy"));
        assert_eq!(place_tone("2hoà3", t).as_deref(), Some("2hòa3"));
        assert_eq!(place_tone("thủy/hòa", m).as_deref(), Some("thuỷ/hoà"));
        // A run with a foreign letter is not a syllable.
        assert_eq!(place_tone("hoàß", t), None);
    }

    #[test]
    fn idempotent() {
        let mut words: Vec<&str> = Vec::new();
        words.extend(STYLED.iter().flat_map(|&(a, b)| [a, b]));
        words.extend(AGREED);
        words.extend(MISPLACED.iter().flat_map(|&(a, b)| [a, b]));
        words.extend(FOREIGN);
        words.extend(["(hoà,", "Thành-uỷ", "hoà-hòang"]);
        for word in words {
            for style in both() {
                let once = place_tone(word, style).unwrap_or_else(|| word.to_owned());
                assert_eq!(place_tone(&once, style), None, "{word} {style:?}");
            }
        }
    }

    #[test]
    fn syllable_check() {
        for word in [
            "a",
            "ơ",
            "gì",
            "nghiêng",
            "khuyếch",
            "ươn",
            "quyên",
            "Đ\u{1ed3}ng",
            "hoa",
            "không",
            "HÒA",
            "hoà",
        ] {
            assert!(is_vietnamese_syllable(word), "{word}");
        }
        for word in [
            "",
            "viđ",
            "qu",
            "q",
            "ng",
            "hòang",
            "tồt",
            "hoạt\u{301}",
            "hoàà",
            "Internet",
            "UBND",
            "viet",
            "tiê",
            "ain",
            "hoa ",
            "h-oa",
            "nghiênggg",
            "thủyy",
            "fa",
            "za",
            "wá",
        ] {
            assert!(!is_vietnamese_syllable(word), "{word}");
        }
    }

    #[test]
    fn tables_are_consistent() {
        let marks = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];
        for (lower, upper) in LOWER.iter().zip(UPPER.iter()) {
            let [base, ..] = *lower;
            for (tone, (&l, &u)) in lower.iter().zip(upper.iter()).enumerate() {
                assert_eq!(u.to_lowercase().collect::<String>(), l.to_string());
                let nfd: Vec<char> = l.to_string().nfd().collect();
                let base_nfd: Vec<char> = base.to_string().nfd().collect();
                assert_eq!(l.to_string().nfc().collect::<String>(), l.to_string());
                if tone == 0 {
                    assert_eq!(nfd, base_nfd);
                } else {
                    assert_eq!(nfd.len(), base_nfd.len() + 1, "{l}");
                    assert!(nfd.contains(&marks[tone - 1]), "{l}");
                }
                assert_eq!(decode(l).map(|x| (x.base, x.tone)), Some((base, tone)));
                assert_eq!(
                    decode(u).map(|x| (x.base, x.tone, x.upper)),
                    Some((base, tone, true))
                );
            }
        }
    }

    #[test]
    fn the_tone_prefilter_never_skips_a_word_that_changes() {
        // Every word of up to three letters over onsets, vowels in every tone and codas, every
        // four-letter word over the letters of the clusters with two vowels after "qu", "gi"
        // and "ngh" (and a few), and a set of longer syllables: when tone placement would
        // change a word, the prefilter lets it through.
        let letters: Vec<char> =
            "hngqtrkcđoauyeiơưâêôăàáảãạòóỏõọùúủũụỳýỷỹỵèéẻẽẹìíỉĩịờớởỡợừứửữựầấẩẫậềếểễệồốổỗộằắẳẵặOÀUỶ\u{301}"
                .chars()
                .collect();
        let mut words: Vec<String> = Vec::new();
        for &a in &letters {
            words.push(a.to_string());
            for &b in &letters {
                words.push([a, b].iter().collect());
                for &c in &letters {
                    words.push([a, b, c].iter().collect());
                }
            }
        }
        let vowels: Vec<char> = "aoeuyiơưâêôàòùỳìừờốấềảỏủỷỉửởổẩểạọụỵịựợộậệ"
            .chars()
            .collect();
        for onset in ["qu", "gi", "ngh", "h", "", "("] {
            for &a in &vowels {
                for &b in &vowels {
                    for coda in ["", "n", "ng", "t", "i", ","] {
                        words.push(format!("{onset}{a}{b}{coda}"));
                    }
                }
            }
        }
        for syllable in [
            "nghìên",
            "hòang",
            "tóan",
            "qúy",
            "mừơi",
            "khuỳnh",
            "thuở",
            "hoà",
            "Thuỷ",
            "ngoặt",
            "giặc",
            "gìa",
            "ngòai",
            "khuỷu",
            "tuổi",
            "rượu",
            "mừơi,",
            "Thành-uỷ",
        ] {
            words.push(syllable.to_string());
        }
        let mut changed = 0;
        for word in &words {
            for style in both() {
                if place_tone(word, style).is_some() {
                    changed += 1;
                    assert!(may_move_tone(word), "{word} changes but was skipped");
                }
            }
        }
        assert!(changed > 1000, "{changed}");
        // And it refuses most words with a tone mark.
        for word in [
            "những", "người", "hội", "việt", "được", "Đà", "tỉnh", "quốc",
        ] {
            assert!(!may_move_tone(word), "{word}");
        }
    }

    #[test]
    fn the_lookup_tables_agree_with_the_letter_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(packed_vowel(c), find_vowel(c), "{c:?}");
            assert_eq!(class_of_packed(packed_vowel(c)), tone_class(c), "{c:?}");
        }
        for before in 0..16 {
            for after in 0..16 {
                assert_eq!(
                    pair_may_move(before, after),
                    pair_may_move_by_rules(before, after),
                    "{before} {after}"
                );
            }
        }
        for (row, (lower, upper)) in LOWER.iter().zip(UPPER.iter()).enumerate() {
            for (tone, (&l, &u)) in lower.iter().zip(upper.iter()).enumerate() {
                let (row, tone) = (row as u8, tone as u8);
                assert_eq!(
                    vowel_letter(l),
                    Some(VowelLetter {
                        row,
                        tone,
                        upper: false
                    })
                );
                assert_eq!(
                    vowel_letter(u),
                    Some(VowelLetter {
                        row,
                        tone,
                        upper: true
                    })
                );
                assert_eq!(vowel_char(row, tone, false), Some(l));
                assert_eq!(vowel_char(row, tone, true), Some(u));
            }
        }
    }

    #[test]
    fn runs() {
        let runs: Vec<_> = letter_runs("(Thành-uỷ,").collect();
        assert_eq!(runs, vec![(1, 7), (8, 12)]);
        assert_eq!(letter_runs("").count(), 0);
        assert_eq!(letter_runs("35/").count(), 0);
        assert_eq!(letter_runs("ab").collect::<Vec<_>>(), vec![(0, 2)]);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for word in [
            "\u{301}",
            "\u{301}\u{301}hoà",
            "àààààààààààààààààà",
            "ĐĐĐ",
            "𝔥𝔬𝔞",
            "ǅ",
            "İ",
            "hoà\u{0}",
            "\u{FFFD}",
            "ẞ",
        ] {
            for style in both() {
                let _ = place_tone(word, style);
            }
            let _ = is_vietnamese_syllable(word);
        }
    }
}
