//! The grammar of date expressions, over the tokens of one sentence.
//!
//! [`Grammar::parse`] tries, at one token, the longest expression that starts there and
//! returns it unresolved ([`Raw`]): a year may be missing, a relative expression has no value
//! yet. Resolution (reference date, year inference) is `resolve.rs`'s business.
//!
//! Each attempt looks a bounded number of tokens ahead, so a scan of a sentence is linear.

use std::sync::LazyLock;

use super::tokens::{Kind, Tok, Tokens, Toks, tokenize};
use super::words::{Word, Words, w, ws};
use crate::facts::{DateKind, DateModifier, PartOfDay};
use crate::timex::{Point, Unit};

/// A point whose year may be missing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Part {
    pub(super) year: Option<u16>,
    pub(super) unit: Unit,
}

impl Part {
    fn new(year: Option<u16>, unit: Unit) -> Option<Part> {
        // Validate as the final value will be (with the year unknown, 29/2 may exist).
        Point::new(year, unit).map(|_| Part { year, unit })
    }
}

/// What an expression says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Expr {
    /// A point ("ngày 15/3/2024", "Sáng 11-1", "năm 2023").
    Abs(Part),
    /// A range; a missing part of the first end comes from the second.
    Span(Part, Part),
    /// From a point to the document's date ("từ đầu năm 2023 đến nay").
    SinceNow(Part),
    /// A unit offset from the reference date: (unit, offset) — "hôm qua" is (Day, -1).
    Rel(RelUnit, i32),
    /// The last N years up to the reference year ("trong 5 năm qua").
    RelYears(u16),
    /// The half year before the reference date ("6 tháng qua").
    RelHalfPast,
    /// The document's event day, with a clock time when one is given ("lúc 14h",
    /// "chiều cùng ngày").
    EventDay(Option<(u8, u8)>),
    /// The same period one year earlier than the period the report reviews ("so với cùng
    /// kỳ").
    SamePeriod,
    /// No value: the kind says vague or recurring.
    Null,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RelUnit {
    Day,
    Week,
    Month,
    Year,
}

/// An expression found in the text, unresolved.
#[derive(Debug, Clone, Copy)]
pub(super) struct Raw {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) expr: Expr,
    pub(super) kind: DateKind,
    pub(super) part_of_day: Option<PartOfDay>,
    pub(super) modifier: Option<DateModifier>,
    pub(super) lunar: bool,
    /// The can-chi year name (0..60, 0 = Giáp Tý) of a lunar expression, when written.
    pub(super) can_chi: Option<u8>,
}

// ---------------------------------------------------------------------------------------
// Phrase lexicons (vague and recurring expressions) and the words that start an expression.

struct Phrase {
    /// Tokens after the first word: words, or a punctuation char.
    rest: Vec<PhraseTok>,
    kind: DateKind,
}

enum PhraseTok {
    Word(Word),
    Punct(char),
}

/// The forms of an expression after its cues, as bits: which of `Grammar::weekday`,
/// `named_day`, `relative`, `lunar` and `core` may read a token as their first.
struct Form;

impl Form {
    const WEEKDAY: u8 = 1;
    const NAMED_DAY: u8 = 2;
    const RELATIVE: u8 = 4;
    const LUNAR: u8 = 8;
    const CORE: u8 = 16;

    /// The first words each form tests for (a number may start a relative expression or a
    /// core too), read off the first tests of the forms.
    const FIRST_WORDS: [(u8, &'static [Word]); 5] = [
        (Form::WEEKDAY, &ws!["chủ", "thứ"]),
        (Form::NAMED_DAY, &ws!["ngày"]),
        (
            Form::RELATIVE,
            &ws!["cùng", "hôm", "ngày", "tuần", "tháng", "năm"],
        ),
        (Form::LUNAR, &ws!["tết", "mùng", "mồng", "rằm"]),
        (
            Form::CORE,
            &ws![
                // Named periods, the sides of a period, halves, whole years.
                "nhiệm", "giai", "thời", "năm", "niên", "đầu", "giữa", "cuối", "nửa", "cả",
                // Months of a year, quarters, months, days.
                "ba", "sáu", "chín", "quý", "quí", "tháng", "ngày", "hôm", "mùng", "mồng",
            ],
        ),
    ];
}

/// The words tokens are looked up in, the phrases, and the words an expression may start
/// with.
pub(super) struct Lexicon {
    /// The grammar's words and the phrases' words.
    pub(super) words: Words,
    /// The phrases by the id of their first word, longest first.
    phrases: Vec<Vec<Phrase>>,
    /// By id: whether an expression may start with the word ([`STARTS`], and the first words
    /// of the phrases).
    pub(super) starts: Vec<bool>,
    /// By id: the forms ([`Form`]) whose first token the word may be.
    forms: Vec<u8>,
}

/// The lexicon of the grammar, built once.
pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut words = Words::builder();
    let files = [
        (
            include_str!("../../lexicon/dates_vague.txt"),
            DateKind::Vague,
        ),
        (
            include_str!("../../lexicon/dates_recurring.txt"),
            DateKind::Recurring,
        ),
    ];
    let mut by_first: Vec<(Word, Phrase)> = Vec::new();
    let mut toks = Tokens::default();
    // The phrases' words get ids as they are read: tokens need none yet.
    let no_words = Words::builder().build();
    for (file, kind) in files {
        for line in file.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let lower = crate::text::lower::lowercase_same_offsets(line);
            tokenize(line, &lower, &no_words, &[], 0..line.len(), &mut toks);
            let mut rest = Vec::new();
            let mut first = None;
            for t in &toks.all {
                let token = match t.kind {
                    Kind::Punct(c) => PhraseTok::Punct(c),
                    _ => {
                        let word = line.get(t.start..t.end).unwrap_or_default();
                        // A word too long to hold an id never matches (a test keeps the
                        // lexicons clear of one).
                        PhraseTok::Word(words.add(&word.to_lowercase()).unwrap_or(Word::NONE))
                    }
                };
                match (first, token) {
                    (None, PhraseTok::Word(word)) => first = Some(word),
                    (None, PhraseTok::Punct(_)) => break,
                    (Some(_), token) => rest.push(token),
                }
            }
            if let Some(first) = first {
                by_first.push((first, Phrase { rest, kind }));
            }
        }
    }
    let words = words.build();
    let mut phrases: Vec<Vec<Phrase>> = (0..words.len()).map(|_| Vec::new()).collect();
    let mut starts = vec![false; words.len()];
    for (first, phrase) in by_first {
        if let Some(list) = phrases.get_mut(first.index()) {
            list.push(phrase);
        }
        if let Some(start) = starts.get_mut(first.index()) {
            *start = first != Word::NONE;
        }
    }
    for list in &mut phrases {
        list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
    }
    for word in STARTS {
        if let Some(start) = starts.get_mut(word.index()) {
            *start = true;
        }
    }
    let mut forms = vec![0u8; words.len()];
    for (form, first) in Form::FIRST_WORDS {
        for word in first {
            if let Some(bits) = forms.get_mut(word.index()) {
                *bits |= form;
            }
        }
    }
    Lexicon {
        words,
        phrases,
        starts,
        forms,
    }
});

/// Every word an expression can start with: the cues of `expression`, the first words of
/// every core, relative, lunar and weekday form (the first words of the phrases are added in
/// [`LEXICON`]). Any other word, and any punctuation mark, starts nothing; a number may start
/// a day, a clock time or a count of months.
const STARTS: [Word; 45] = ws![
    // Cues before a date (`expression`).
    "tính", "kể", "ngay", "trong", "vào", "lúc", "từ", "đến", "tới", "trước", "sau", "hết",
    "những", // Parts of the day.
    "sáng", "trưa", "chiều", "tối", "đêm", "khuya", // Weekdays, named days, relative days.
    "chủ", "thứ", "ngày", "hôm", "cùng", "tuần", "tháng", "năm", // Lunar.
    "tết", "mùng", "mồng", "rằm", // Named periods and the forms of `core`.
    "nhiệm", "giai", "thời", "niên", "đầu", "giữa", "cuối", "nửa", "cả", "ba", "sáu", "chín",
    "quý", "quí",
];

// ---------------------------------------------------------------------------------------
// Word lists.

const PARTS_OF_DAY: [PartOfDay; 6] = [
    PartOfDay::Morning,
    PartOfDay::Noon,
    PartOfDay::Afternoon,
    PartOfDay::Evening,
    PartOfDay::Night,
    PartOfDay::Night,
];

/// The words of [`PARTS_OF_DAY`].
const PARTS_OF_DAY_WORDS: [Word; 6] = ws!["sáng", "trưa", "chiều", "tối", "đêm", "khuya"];

/// Month names after "tháng", January first; "giêng" and "chạp" are lunar month names.
const MONTH_WORDS: [Word; 10] = ws![
    "một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
];

const WEEKDAY_WORDS: [Word; 7] = ws!["hai", "ba", "tư", "năm", "sáu", "bảy", "bẩy"];

const CAN: [Word; 10] = ws![
    "giáp", "ất", "bính", "đinh", "mậu", "kỷ", "canh", "tân", "nhâm", "quý",
];
const CHI: [Word; 12] = ws![
    "tý", "sửu", "dần", "mão", "thìn", "tỵ", "ngọ", "mùi", "thân", "dậu", "tuất", "hợi",
];

/// Words that may follow a day-month written without "ngày" (after "từ", "đến", "(" ...):
/// anything else after it makes the pair a ratio or a code ("từ 5-10 người").
const AFTER_BARE_DAY: [Word; 14] = ws![
    "đến", "tới", "và", "năm", "sáng", "trưa", "chiều", "tối", "đêm", "lúc", "cùng", "vừa", "hằng",
    "âm",
];

/// Words before a number pair that make it an address, a page, a floor or a code.
const NOT_BEFORE_DAY: [Word; 12] = ws![
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

/// Modifiers and cues written before a date.
#[derive(Debug, Default, Clone, Copy)]
struct Lead {
    /// "từ": the start of a range, or the start modifier.
    from: bool,
    /// "đến", "tới": a target (by) or an end (until).
    to: bool,
    modifier: Option<DateModifier>,
    /// A cue that makes a bare day-month a date ("từ", "trước", "(", ...).
    weak_cue: bool,
    /// "ngày", "hôm", "mùng", a part of day or a weekday before the numbers.
    strong_cue: bool,
    part_of_day: Option<PartOfDay>,
}

pub(super) struct Grammar<'a> {
    pub(super) s: Toks<'a>,
    pub(super) lexicon: &'a Lexicon,
}

/// A core: its end token, the expression, and what it adds.
#[derive(Debug, Clone, Copy)]
struct Core {
    end: usize,
    expr: Expr,
    kind: DateKind,
    modifier: Option<DateModifier>,
    lunar: bool,
    can_chi: Option<u8>,
    /// Whether the core is a bare day-month (no year, no "ngày" inside).
    bare_day: bool,
    part_of_day: Option<PartOfDay>,
}

impl Core {
    fn new(end: usize, expr: Expr) -> Core {
        Core {
            end,
            expr,
            kind: match expr {
                Expr::Span(..) => DateKind::Range,
                _ => DateKind::Point,
            },
            modifier: None,
            lunar: false,
            can_chi: None,
            bare_day: false,
            part_of_day: None,
        }
    }
}

fn abs(year: Option<u16>, unit: Unit) -> Option<Expr> {
    Part::new(year, unit).map(Expr::Abs)
}

impl Grammar<'_> {
    /// Whether an expression may start at token `i`: false only where [`Grammar::parse`]
    /// finds none, answered from the token and the one after it instead of the whole grammar.
    ///
    /// A word starts one only when it is a start word ([`Lexicon::starts`]): every keyword
    /// test compares word ids. A number starts one only as a day ("15/3", "11-1", "15.3.2024",
    /// "15 tháng 3"), a clock time ("09:30", "14h", "8g", "8 giờ") or a count of months or
    /// years ("6 tháng đầu năm", "5 năm trước"): each of them reads the token after the
    /// number, and these are all it accepts there.
    pub(super) fn may_start(&self, i: usize) -> bool {
        let Some(tok) = self.s.tok(i) else {
            return false;
        };
        match tok.kind {
            Kind::Word => self
                .lexicon
                .starts
                .get(tok.word.index())
                .copied()
                .unwrap_or(false),
            Kind::Num { .. } => {
                let next = i + 1;
                matches!(self.s.punct(next), Some(':' | '/' | '-' | '.'))
                    || self.s.any(next, &ws!["tháng", "năm", "giờ"])
                    || self.s.word(next).is_some_and(|w| w == "h" || w == "g")
            }
            Kind::Punct(_) => false,
        }
    }

    /// The forms ([`Form`]) whose first token the token at `j` may be.
    fn forms(&self, j: usize) -> u8 {
        match self.s.tok(j).map(|t| t.kind) {
            Some(Kind::Num { .. }) => Form::RELATIVE | Form::CORE,
            Some(Kind::Word) => self.s.tok(j).map_or(0, |t| {
                self.lexicon.forms.get(t.word.index()).copied().unwrap_or(0)
            }),
            _ => 0,
        }
    }

    /// The expression that starts at token `i`, if any.
    pub(super) fn parse(&self, i: usize) -> Option<Raw> {
        self.expression(i).or_else(|| self.phrase(i))
    }

    fn raw(&self, start: usize, core: Core, lead: Lead) -> Option<Raw> {
        let bytes = self.s.bytes(start, core.end)?;
        let modifier = core.modifier.or(lead.modifier).or({
            if lead.to {
                Some(match core.expr {
                    Expr::Abs(Part {
                        unit: Unit::Year, ..
                    }) => DateModifier::By,
                    _ => DateModifier::Until,
                })
            } else if lead.from && matches!(core.expr, Expr::Abs(_)) {
                Some(DateModifier::Start)
            } else {
                None
            }
        });
        Some(Raw {
            start: bytes.start,
            end: bytes.end,
            expr: core.expr,
            kind: core.kind,
            part_of_day: core.part_of_day.or(lead.part_of_day),
            modifier,
            lunar: core.lunar,
            can_chi: core.can_chi,
        })
    }

    /// A vague or recurring phrase from the lexicons.
    fn phrase(&self, i: usize) -> Option<Raw> {
        let first = self.s.tok(i)?.word;
        let phrases = self.lexicon.phrases.get(first.index())?;
        'phrases: for phrase in phrases {
            for (k, p) in phrase.rest.iter().enumerate() {
                let at = i + 1 + k;
                let ok = match p {
                    PhraseTok::Word(w) => self.s.is(at, *w),
                    PhraseTok::Punct(c) => self.s.is_punct(at, *c),
                };
                if !ok {
                    continue 'phrases;
                }
            }
            let end = i + 1 + phrase.rest.len();
            // "đầu tháng 11" is a month, not a recurring phrase.
            if self.s.num(end).is_some() {
                continue;
            }
            let mut core = Core::new(end, Expr::Null);
            core.kind = phrase.kind;
            return self.raw(i, core, Lead::default());
        }
        None
    }

    fn expression(&self, i: usize) -> Option<Raw> {
        let s = &self.s;
        let mut lead = Lead {
            weak_cue: i > 0 && s.is_punct(i - 1, '('),
            ..Lead::default()
        };
        let mut j = i;
        // Prepositions and cues: "ngay trong", "tính đến", "từ", "trước", ...
        for _ in 0..3 {
            if let Some(k) = s.seq(j, &ws!["tính", "đến"]) {
                lead.modifier = Some(DateModifier::Until);
                lead.weak_cue = true;
                j = k;
                continue;
            }
            if let Some(k) = s.seq(j, &ws!["kể", "từ"]) {
                lead.from = true;
                lead.weak_cue = true;
                j = k;
                continue;
            }
            match s.which(
                j,
                &ws![
                    "ngay", "trong", "vào", "lúc", "từ", "đến", "tới", "trước", "sau", "hết",
                ],
            ) {
                Some(0) => {
                    if !s.any(j + 1, &ws!["trong", "từ", "sau", "vào"]) {
                        break;
                    }
                }
                Some(1..=3) | Some(9) => lead.weak_cue = true,
                Some(4) => {
                    lead.from = true;
                    lead.weak_cue = true;
                }
                // "Đoàn đến lúc 14h" (arrived at), "người đến trong 5 năm qua": a verb.
                Some(5 | 6) if s.any(j + 1, &ws!["lúc", "trong", "vào", "ngay", "từ"]) => break,
                Some(5 | 6) => {
                    lead.to = true;
                    lead.weak_cue = true;
                }
                Some(7) => {
                    lead.modifier = Some(DateModifier::Before);
                    lead.weak_cue = true;
                }
                Some(8) => {
                    lead.modifier = Some(DateModifier::After);
                    lead.weak_cue = true;
                }
                _ => break,
            }
            j += 1;
        }
        // "những ngày đầu năm 2025"
        if s.seq(j, &ws!["những", "ngày"]).is_some() && s.any(j + 2, &ws!["đầu", "cuối"]) {
            j += 2;
        }
        // A part of the day.
        if let Some(p) = s.which(j, &PARTS_OF_DAY_WORDS) {
            // "sáng nay", "tối qua", "chiều mai", "chiều cùng ngày"
            let pod = PARTS_OF_DAY.get(p).copied();
            let after = j + 1;
            let rel = match s.which(after, &ws!["nay", "qua", "mai"]) {
                Some(0) => Some(0),
                Some(1) => Some(-1),
                Some(2) => Some(1),
                _ => None,
            };
            if let Some(offset) = rel {
                let mut core = Core::new(after + 1, Expr::Rel(RelUnit::Day, offset));
                core.part_of_day = pod;
                return self.raw(i, core, lead);
            }
            if let Some(end) = s.seq(after, &ws!["cùng", "ngày"]) {
                let mut core = Core::new(end, Expr::EventDay(None));
                core.part_of_day = pod;
                return self.raw(i, core, lead);
            }
            lead.part_of_day = pod;
            lead.strong_cue = true;
            j = after;
        }
        // The forms that may start at `j`: the others would refuse its first token.
        let forms = self.forms(j);
        if forms == 0 {
            return None;
        }
        // A weekday before a date: "Thứ 5, 14/03/2024", "thứ Hai (8/1)", "Chủ nhật, ngày 7-1".
        if let Some(k) = (forms & Form::WEEKDAY != 0)
            .then(|| self.weekday(j))
            .flatten()
        {
            let mut k = k;
            if s.is_punct(k, ',') {
                k += 1;
            }
            let paren = s.is_punct(k, '(');
            let at = if paren { k + 1 } else { k };
            let mut day_lead = lead;
            day_lead.strong_cue = true;
            let core = self.day_expression(at, day_lead)?;
            let mut core = core;
            if paren {
                if !s.is_punct(core.end, ')') {
                    return None;
                }
                core.end += 1;
            }
            return self.raw(i, core, day_lead);
        }
        // A named yearly day: "Ngày Báo chí Cách mạng Việt Nam 21/6".
        if forms & Form::NAMED_DAY != 0
            && let Some(core) = self.named_day(j)
        {
            return self.raw(i, core, Lead::default());
        }
        // Relative expressions.
        if forms & Form::RELATIVE != 0
            && let Some(core) = self.relative(j)
        {
            return self.raw(i, core, lead);
        }
        if forms & Form::LUNAR != 0
            && let Some(core) = self.lunar(j)
        {
            return self.raw(i, core, lead);
        }
        if forms & Form::CORE == 0 {
            return None;
        }
        let core = self.core(j, lead)?;
        // "từ X đến Y", "từ X đến nay"
        let core = if lead.from {
            self.range_tail(core, lead).unwrap_or(core)
        } else {
            core
        };
        if core.bare_day && !self.bare_day_ok(i, j, core.end, lead) {
            return None;
        }
        if matches!(core.expr, Expr::Span(..) | Expr::SinceNow(_)) {
            lead.from = false;
            lead.to = false;
        }
        self.raw(i, core, lead)
    }

    /// "Ngày" and a name that starts with a capital, then a day-month without a year: a yearly holiday
    /// ("Ngày Báo chí Cách mạng Việt Nam 21/6", "Ngày Quốc tế Phụ nữ 8/3"): recurring.
    fn named_day(&self, j: usize) -> Option<Core> {
        let s = &self.s;
        if !(s.is(j, w!("ngày")) && s.capitalized(j) && s.capitalized(j + 1)) {
            return None;
        }
        let mut k = j + 1;
        while k < j + 10 && s.word(k).is_some() {
            k += 1;
        }
        let (end, _, _, year, _) = self.day_month(k)?;
        if year.is_some() || k == j + 1 {
            return None;
        }
        let mut core = Core::new(end, Expr::Null);
        core.kind = DateKind::Recurring;
        Some(core)
    }

    /// "thứ Hai", "thứ 5", "Chủ nhật": the end of the weekday.
    fn weekday(&self, j: usize) -> Option<usize> {
        let s = &self.s;
        if let Some(end) = s.seq(j, &ws!["chủ", "nhật"]) {
            return Some(end);
        }
        if !s.is(j, w!("thứ")) {
            return None;
        }
        if s.any(j + 1, &WEEKDAY_WORDS) {
            return Some(j + 2);
        }
        match s.num(j + 1) {
            Some((2..=7, 1)) => Some(j + 2),
            _ => None,
        }
    }

    fn year4(&self, j: usize) -> Option<u16> {
        match self.s.num(j)? {
            (y @ 1000..=2999, 4) => u16::try_from(y).ok(),
            _ => None,
        }
    }

    /// "/2024", "-2024" glued, or " năm 2024": (end, year).
    fn year_suffix(&self, k: usize) -> Option<(usize, u16)> {
        let s = &self.s;
        if matches!(s.punct(k), Some('/' | '-')) && s.glued(k) && s.glued(k + 1) {
            let y = self.year4(k + 1)?;
            if self.code_follows(k + 2) {
                return None;
            }
            return Some((k + 2, y));
        }
        if s.is(k, w!("năm")) {
            return Some((k + 2, self.year4(k + 1)?));
        }
        None
    }

    /// Whether a glued "/" or "-" and more follow: a document number or a code, not a date
    /// ("15/2024/NQ-HĐND", "35-NQ/TW").
    fn code_follows(&self, k: usize) -> bool {
        let s = &self.s;
        matches!(s.punct(k), Some('/' | '-' | '.')) && s.glued(k) && s.glued(k + 1) && {
            s.num(k + 1).is_some() || s.word(k + 1).is_some()
        }
    }

    /// A year range "2020-2025", "2021 - 2026", "2020 đến 2025": (end, first, last).
    fn year_range(&self, j: usize) -> Option<(usize, u16, u16)> {
        let s = &self.s;
        let y1 = self.year4(j)?;
        let k = j + 1;
        let k = if matches!(s.punct(k), Some('-' | '–' | '—' | '/')) || s.is(k, w!("đến")) {
            k + 1
        } else {
            return None;
        };
        let y2 = self.year4(k)?;
        if y2 < y1 || y2 - y1 > 30 || self.code_follows(k + 1) {
            return None;
        }
        Some((k + 1, y1, y2))
    }

    /// "năm 2023", "năm 2023-2024", "nhiệm kỳ 2020-2025", "quý II/2024", "tháng 3/2024",
    /// "6 tháng đầu năm 2024", "đầu năm 2023", a day or a clock time.
    fn core(&self, j: usize, lead: Lead) -> Option<Core> {
        let s = &self.s;
        // Named periods.
        for (words, kind) in [
            (&ws!["nhiệm", "kỳ"][..], DateKind::Range),
            (&ws!["nhiệm", "kì"][..], DateKind::Range),
            (&ws!["giai", "đoạn"][..], DateKind::Range),
            (&ws!["thời", "kỳ"][..], DateKind::Range),
            (&ws!["năm", "học"][..], DateKind::AcademicYear),
            (&ws!["niên", "khóa"][..], DateKind::AcademicYear),
            (&ws!["niên", "học"][..], DateKind::AcademicYear),
        ] {
            if let Some(k) = s.seq(j, words) {
                let (end, y1, y2) = self.year_range(k)?;
                let mut core = Core::new(
                    end,
                    Expr::Span(
                        Part::new(Some(y1), Unit::Year)?,
                        Part::new(Some(y2), Unit::Year)?,
                    ),
                );
                core.kind = kind;
                return Some(core);
            }
        }
        // "đầu năm 2023", "cuối tháng 10", "giữa năm", "cuối quý III"
        if let Some(m) = s.which(j, &ws!["đầu", "giữa", "cuối"]) {
            let modifier = [DateModifier::Start, DateModifier::Mid, DateModifier::End]
                .get(m)
                .copied();
            let k = j + 1;
            let mut core = if s.is(k, w!("năm")) {
                match self.year4(k + 1) {
                    Some(y) => Core::new(k + 2, abs(Some(y), Unit::Year)?),
                    // "cuối năm": the year comes from the document. Not "cuối năm học".
                    None if s.num(k + 1).is_none() && !s.is(k + 1, w!("học")) => {
                        Core::new(k + 1, abs(None, Unit::Year)?)
                    }
                    None => return None,
                }
            } else if s.is(k, w!("tháng")) {
                match self.month(k) {
                    Some(core) => core,
                    None if s.num(k + 1).is_none() => {
                        let mut core = Core::new(k + 1, Expr::Null);
                        core.kind = DateKind::Recurring;
                        return Some(core);
                    }
                    None => return None,
                }
            } else if s.any(k, &ws!["quý", "quí"]) {
                self.quarter(k)?
            } else if s.is(k, w!("tuần")) {
                let mut core = Core::new(k + 1, Expr::Null);
                core.kind = DateKind::Recurring;
                return Some(core);
            } else {
                return None;
            };
            core.modifier = modifier;
            return Some(core);
        }
        // "nửa đầu năm 2024", "nửa cuối năm"
        if s.is(j, w!("nửa"))
            && let Some(h) = s.which(j + 1, &ws!["đầu", "cuối"])
            && s.is(j + 2, w!("năm"))
        {
            let h = u8::try_from(h + 1).ok()?;
            let (end, year) = match self.year4(j + 3) {
                Some(y) => (j + 4, Some(y)),
                None => (j + 3, None),
            };
            return Some(Core::new(end, abs(year, Unit::Half(h))?));
        }
        // "cả năm": the whole year of the document.
        if let Some(k) = s.seq(j, &ws!["cả", "năm"]) {
            return match self.year4(k) {
                Some(y) => Some(Core::new(k + 1, abs(Some(y), Unit::Year)?)),
                None if s.num(k).is_none() && !s.any(k, &ws!["học", "qua", "nay"]) => {
                    Some(Core::new(k, abs(None, Unit::Year)?))
                }
                None => None,
            };
        }
        if let Some(core) = self.months_of_year(j) {
            return Some(core);
        }
        if s.any(j, &ws!["quý", "quí"]) {
            return self.quarter(j);
        }
        if s.is(j, w!("tháng")) {
            return self.month(j);
        }
        if s.is(j, w!("năm")) {
            if let Some((end, y1, y2)) = self.year_range(j + 1) {
                return Some(Core::new(
                    end,
                    Expr::Span(
                        Part::new(Some(y1), Unit::Year)?,
                        Part::new(Some(y2), Unit::Year)?,
                    ),
                ));
            }
            let y = self.year4(j + 1)?;
            if self.code_follows(j + 2) {
                return None;
            }
            return Some(Core::new(j + 2, abs(Some(y), Unit::Year)?));
        }
        if let Some(core) = self.clock_expression(j, lead) {
            return Some(core);
        }
        self.day_expression(j, lead)
    }

    /// "6 tháng đầu năm 2024" (H1), "6 tháng cuối năm" (H2), "3 tháng đầu năm" (Q1),
    /// "9 tháng năm 2024" (January to September).
    fn months_of_year(&self, j: usize) -> Option<Core> {
        let s = &self.s;
        let n = match s.num(j) {
            Some((n @ 1..=11, 1 | 2)) => u8::try_from(n).ok()?,
            _ => u8::try_from(s.which(j, &ws!["ba", "sáu", "chín"])? * 3 + 3).ok()?,
        };
        if !s.is(j + 1, w!("tháng")) {
            return None;
        }
        let (side, k) = match s.which(j + 2, &ws!["đầu", "cuối"]) {
            Some(side) => (Some(side), j + 3),
            None => (None, j + 2),
        };
        if !s.is(k, w!("năm")) {
            return None;
        }
        let (end, year) = match self.year4(k + 1) {
            Some(y) => (k + 2, Some(y)),
            // "9 tháng năm" without a year says nothing; "6 tháng đầu năm" does.
            None if side.is_some() && s.num(k + 1).is_none() => (k + 1, None),
            None => return None,
        };
        let expr = match (side, n) {
            (Some(0), 6) => abs(year, Unit::Half(1))?,
            (Some(1), 6) => abs(year, Unit::Half(2))?,
            (Some(0), 3) => abs(year, Unit::Quarter(1))?,
            (Some(1), 3) => abs(year, Unit::Quarter(4))?,
            (Some(1), n) => Expr::Span(
                Part::new(year, Unit::Month(13 - n))?,
                Part::new(year, Unit::Month(12))?,
            ),
            (_, n) => Expr::Span(
                Part::new(year, Unit::Month(1))?,
                Part::new(year, Unit::Month(n))?,
            ),
        };
        let mut core = Core::new(end, expr);
        if matches!(expr, Expr::Span(..)) {
            core.kind = DateKind::Range;
        }
        Some(core)
    }

    /// "quý II/2024", "Quý I năm 2024", "quý 3": `j` is at "quý".
    fn quarter(&self, j: usize) -> Option<Core> {
        let s = &self.s;
        let q = match s.word(j + 1) {
            Some("I") => 1,
            Some("II") => 2,
            Some("III") => 3,
            Some("IV") => 4,
            _ => match s.num(j + 1) {
                Some((q @ 1..=4, 1)) => u8::try_from(q).ok()?,
                _ => return None,
            },
        };
        let (end, year) = match self.year_suffix(j + 2) {
            Some((end, y)) => (end, Some(y)),
            None => (j + 2, None),
        };
        Some(Core::new(end, abs(year, Unit::Quarter(q))?))
    }

    /// A month number or name after "tháng" at `k`: (end, month, lunar).
    fn month_number(&self, k: usize) -> Option<(usize, u8, bool)> {
        let s = &self.s;
        if let Some((m @ 1..=12, 1 | 2)) = s.num(k) {
            return Some((k + 1, u8::try_from(m).ok()?, false));
        }
        if s.is(k, w!("giêng")) {
            return Some((k + 1, 1, true));
        }
        if s.is(k, w!("chạp")) {
            return Some((k + 1, 12, true));
        }
        // Month names: "tháng Ba", "tháng Mười Hai"; lower case only when a year follows.
        let m = s.which(k, &MONTH_WORDS)?;
        let mut m = u8::try_from(m + 1).ok()?;
        let mut end = k + 1;
        if m == 10 {
            if s.is(end, w!("một")) {
                m = 11;
                end += 1;
            } else if s.is(end, w!("hai")) {
                m = 12;
                end += 1;
            }
        }
        if s.capitalized(k) || self.year_suffix(end).is_some() {
            Some((end, m, false))
        } else {
            None
        }
    }

    /// "tháng 3/2024", "tháng 3 năm 2024", "tháng Ba", "tháng 12", "tháng Giêng": `j` is at
    /// "tháng".
    fn month(&self, j: usize) -> Option<Core> {
        let s = &self.s;
        let (k, m, lunar) = self.month_number(j + 1)?;
        // "tháng 3/2024"; "tháng 12/12" and "tháng 3-5" are not months.
        let (end, year) = match self.year_suffix(k) {
            Some((end, y)) => (end, Some(y)),
            None if self.code_follows(k) => return None,
            None => (k, None),
        };
        let (end, lunar) = match s.seq(end, &ws!["âm", "lịch"]) {
            Some(e) => (e, true),
            None => (end, lunar),
        };
        let mut core = Core::new(end, abs(year, Unit::Month(m))?);
        core.lunar = lunar;
        Some(core)
    }

    /// A day and month with an optional year: "15/3/2024", "11-1", "15.3.2024",
    /// "15 tháng 3 năm 2024": (end, day, month, year, lunar).
    fn day_month(&self, j: usize) -> Option<(usize, u8, u8, Option<u16>, bool)> {
        let s = &self.s;
        let d = match s.num(j)? {
            (d @ 1..=31, 1 | 2) => u8::try_from(d).ok()?,
            _ => return None,
        };
        // Not the tail of a longer number or code ("17.279/18.121", "A12/3").
        if s.glued(j) && j > 0 && s.word(j - 1).is_none() && !s.is_punct(j - 1, '(') {
            return None;
        }
        if s.glued(j) && s.word(j - 1).is_some() {
            return None;
        }
        let k = j + 1;
        if let Some(sep @ ('/' | '-' | '.')) = s.punct(k) {
            if !(s.glued(k) && s.glued(k + 1)) {
                return None;
            }
            let m = match s.num(k + 1)? {
                (m @ 1..=12, 1 | 2) => u8::try_from(m).ok()?,
                _ => return None,
            };
            let mut end = k + 2;
            let mut year = None;
            if s.punct(end) == Some(sep) && s.glued(end) && s.glued(end + 1) {
                year = Some(self.year4(end + 1)?);
                end += 2;
            } else if sep == '.' {
                return None;
            }
            if self.code_follows(end) {
                return None;
            }
            let (end, lunar) = match s.seq(end, &ws!["âm", "lịch"]) {
                Some(e) => (e, true),
                None => (end, false),
            };
            return Some((end, d, m, year, lunar));
        }
        if s.is(k, w!("tháng")) {
            let (end, m, lunar) = self.month_number(k + 1)?;
            let (end, year) = match s.is(end, w!("năm")).then(|| self.year4(end + 1)).flatten() {
                Some(y) => (end + 2, Some(y)),
                None => (end, None),
            };
            let (end, lunar) = match s.seq(end, &ws!["âm", "lịch"]) {
                Some(e) => (e, true),
                None => (end, lunar),
            };
            return Some((end, d, m, year, lunar));
        }
        None
    }

    /// A day expression: "ngày 15/3/2024", "mùng 5 tháng 2", "11-1", "ngày 9 và 10-12",
    /// "ngày 15 đến 17/8/2024", with a clock time after it ("21/03/2024 | 09:30").
    fn day_expression(&self, j: usize, lead: Lead) -> Option<Core> {
        let s = &self.s;
        let mut k = j;
        let mut strong = lead.strong_cue;
        if s.any(k, &ws!["ngày", "hôm"]) {
            k += 1;
            strong = true;
        }
        if s.any(k, &ws!["mùng", "mồng"]) {
            k += 1;
            strong = true;
        }
        // "ngày 9 và 10-12", "ngày 15 đến 17/8/2024", "ngày 15-17/8"
        if strong
            && let Some((d1 @ 1..=31, 1 | 2)) = s.num(k)
            && (s.any(k + 1, &ws!["và", "đến", "tới"]) || s.is_punct(k + 1, '–'))
            && let Some((end, d2, m, year, lunar)) = self.day_month(k + 2)
        {
            let d1 = u8::try_from(d1).ok()?;
            if d1 < d2 {
                let first = Part::new(year, Unit::Day(m, d1))?;
                let second = Part::new(year, Unit::Day(m, d2))?;
                let mut core = Core::new(end, Expr::Span(first, second));
                core.lunar = lunar;
                return Some(core);
            }
        }
        let (end, d, m, year, lunar) = self.day_month(k)?;
        let part = Part::new(year, Unit::Day(m, d))?;
        let mut core = Core::new(end, Expr::Abs(part));
        core.lunar = lunar;
        core.bare_day = !strong && year.is_none();
        // A parenthesised or following weekday: "Tối 21/6 (thứ Sáu)".
        if s.is_punct(core.end, '(')
            && let Some(w) = self.weekday(core.end + 1)
            && s.is_punct(w, ')')
        {
            core.end = w + 1;
        }
        // A clock time after the date: "21/03/2024 | 09:30", "20/02/2025 07:45".
        let t = if matches!(s.punct(core.end), Some('|' | ',' | '-')) {
            core.end + 1
        } else {
            core.end
        };
        if let Some((t_end, h, min)) = self.clock(t, true)
            && let Some(with_time) = Part::new(year, Unit::Minute(m, d, h, min))
        {
            core.end = t_end;
            core.expr = Expr::Abs(with_time);
        }
        Some(core)
    }

    /// A clock time at `j`: "8 giờ 30", "14 giờ", "8h30", "14h", "09:30". `cued` allows the
    /// "N giờ" form, which is otherwise a duration.
    fn clock(&self, j: usize, cued: bool) -> Option<(usize, u8, u8)> {
        let s = &self.s;
        let (h, _) = s.num(j)?;
        if h > 24 || (s.glued(j) && j > 0 && s.num(j - 1).is_some()) {
            return None;
        }
        let h = u8::try_from(h).ok()?;
        let minutes = |k: usize, glued: bool| -> Option<(usize, u8)> {
            match s.num(k) {
                Some((m @ 0..=59, 1 | 2)) if !glued || s.glued(k) => {
                    Some((k + 1, u8::try_from(m).ok()?))
                }
                _ => None,
            }
        };
        // "09:30"
        if s.is_punct(j + 1, ':') && s.glued(j + 1) && s.glued(j + 2) {
            return match s.num(j + 2) {
                Some((m @ 0..=59, 2)) if !self.code_follows(j + 3) => {
                    Some((j + 3, h, u8::try_from(m).ok()?))
                }
                _ => None,
            };
        }
        // "14h", "8h30"
        if s.glued(j + 1) && s.word(j + 1).is_some_and(|w| w == "h" || w == "g") {
            let (end, m) = minutes(j + 2, true).unwrap_or((j + 2, 0));
            if s.word(end).is_some() && s.glued(end) {
                return None;
            }
            return Some((end, h, m));
        }
        // "8 giờ 30 (phút)", "14 giờ"
        if cued && s.is(j + 1, w!("giờ")) {
            let (end, m) = match minutes(j + 2, false) {
                Some((end, m)) if s.is(end, w!("phút")) => (end + 1, m),
                Some((end, m)) => (end, m),
                None => (j + 2, 0),
            };
            return Some((end, h, m));
        }
        None
    }

    /// A clock time as an expression: "lúc 8 giờ 30 cùng ngày", "0 giờ ngày 1/4/2024",
    /// "lúc 14h", "từ 16h đến 20h" (a daily window: recurring).
    fn clock_expression(&self, j: usize, lead: Lead) -> Option<Core> {
        let s = &self.s;
        let (end, h, m) = self.clock(j, true)?;
        let giờ_form = s.is(j + 1, w!("giờ"));
        // "N giờ" needs a cue: "lúc", "vào", a date or "cùng ngày" after it.
        let mut end = end;
        let mut h = h;
        let mut pod = None;
        if let Some(p) = s.which(end, &PARTS_OF_DAY_WORDS) {
            pod = PARTS_OF_DAY.get(p).copied();
            if matches!(
                pod,
                Some(PartOfDay::Afternoon | PartOfDay::Evening | PartOfDay::Night)
            ) && (1..12).contains(&h)
            {
                h += 12;
            }
            end += 1;
        }
        if let Some(e) = s.seq(end, &ws!["cùng", "ngày"]) {
            let mut core = Core::new(e, Expr::EventDay(Some((h, m))));
            core.part_of_day = pod;
            return Some(core);
        }
        let date_at = if s.is_punct(end, ',') { end + 1 } else { end };
        if s.is(date_at, w!("ngày"))
            && let Some((e, d, mo, year, _)) = self.day_month(date_at + 1)
        {
            let mut core = Core::new(e, abs(year, Unit::Minute(mo, d, h, m))?);
            core.part_of_day = pod;
            return Some(core);
        }
        if giờ_form && !lead.weak_cue && pod.is_none() {
            return None;
        }
        if lead.from
            && s.any(end, &ws!["đến", "tới"])
            && let Some((e, _, _)) = self.clock(end + 1, true)
        {
            let mut core = Core::new(e, Expr::Null);
            core.kind = DateKind::Recurring;
            return Some(core);
        }
        let mut core = Core::new(end, Expr::EventDay(Some((h, m))));
        core.part_of_day = pod;
        Some(core)
    }

    /// After "từ X": "đến Y" makes a range, "đến nay" a range to the document's date.
    fn range_tail(&self, first: Core, lead: Lead) -> Option<Core> {
        let s = &self.s;
        let Expr::Abs(start) = first.expr else {
            return None;
        };
        if !s.any(first.end, &ws!["đến", "tới"]) {
            return None;
        }
        let mut k = first.end + 1;
        if s.is(k, w!("hết")) {
            k += 1;
        }
        if let Some(end) = s
            .seq(k, &ws!["nay"])
            .or_else(|| s.seq(k, &ws!["hiện", "nay"]))
        {
            let mut core = Core::new(end, Expr::SinceNow(start));
            core.kind = DateKind::Range;
            return Some(core);
        }
        let second = self.core(
            k,
            Lead {
                strong_cue: lead.strong_cue,
                weak_cue: true,
                ..Lead::default()
            },
        )?;
        let Expr::Abs(end_part) = second.expr else {
            return None;
        };
        let mut core = Core::new(second.end, Expr::Span(start, end_part));
        core.lunar = first.lunar || second.lunar;
        Some(core)
    }

    /// Whether a day-month written without "ngày" is a date here: it needs a cue before it
    /// ("từ", "trước", "(", ...), no address word before it, and no counted noun after it
    /// ("12/12 chỉ tiêu" is a ratio).
    fn bare_day_ok(&self, i: usize, j: usize, end: usize, lead: Lead) -> bool {
        let s = &self.s;
        if !lead.weak_cue {
            return false;
        }
        if j == i && i > 0 && s.any(i - 1, &NOT_BEFORE_DAY) {
            return false;
        }
        match s.tok(end) {
            None => true,
            Some(Tok {
                kind: Kind::Punct(c),
                ..
            }) => c != '%',
            Some(Tok {
                kind: Kind::Word, ..
            }) => s.any(end, &AFTER_BARE_DAY),
            Some(_) => false,
        }
    }

    /// Relative expressions: "hôm nay", "ngày mai", "tuần tới", "năm ngoái", "5 năm trước",
    /// "trong 5 năm qua", "6 tháng qua"; a date in parentheses after one gives its value
    /// ("Hôm qua (19/2)").
    fn relative(&self, j: usize) -> Option<Core> {
        let s = &self.s;
        let mut core = if let Some(end) = s.seq(j, &ws!["cùng", "kỳ"]) {
            if s.any(end, &ws!["họp", "này"]) {
                return None;
            }
            let end = s
                .seq(end, &ws!["năm", "trước"])
                .or_else(|| s.seq(end, &ws!["năm", "ngoái"]))
                .unwrap_or(end);
            Core::new(end, Expr::SamePeriod)
        } else if let Some(w) = s.which(j, &ws!["hôm", "ngày"]) {
            let offset = match (w, s.which(j + 1, &ws!["nay", "qua", "kia", "mai"])?) {
                (0, 0) => 0,
                (0, 1) => -1,
                (0, 2) => -2,
                (1, 3) => 1,
                (1, 2) => 2,
                _ => return None,
            };
            Core::new(j + 2, Expr::Rel(RelUnit::Day, offset))
        } else if let Some(unit) = s.which(j, &ws!["tuần", "tháng", "năm"]) {
            let unit = [RelUnit::Week, RelUnit::Month, RelUnit::Year]
                .get(unit)
                .copied()?;
            let offset = match s.which(
                j + 1,
                &ws!["này", "nay", "tới", "sau", "trước", "qua", "ngoái"],
            )? {
                0 | 1 => 0,
                2 | 3 => 1,
                _ => -1,
            };
            if s.any(j + 1, &ws!["nay", "ngoái"]) && unit != RelUnit::Year {
                return None;
            }
            Core::new(j + 2, Expr::Rel(unit, offset))
        } else if let Some((n @ 1..=99, 1 | 2)) = s.num(j) {
            let unit = s.which(j + 1, &ws!["năm", "tháng"])?;
            let dir = s.which(j + 2, &ws!["trước", "qua"])?;
            let n = u16::try_from(n).ok()?;
            let expr = match (unit, dir) {
                (0, 0) => Expr::Rel(RelUnit::Year, -i32::from(n)),
                (0, _) => Expr::RelYears(n),
                (_, 1) if n == 6 => Expr::RelHalfPast,
                (_, 0) => Expr::Rel(RelUnit::Month, -i32::from(n)),
                _ => return None,
            };
            let mut core = Core::new(j + 3, expr);
            if matches!(expr, Expr::RelYears(_)) {
                core.kind = DateKind::Range;
            }
            core
        } else {
            return None;
        };
        // "Hôm qua (19/2)": the date in parentheses is the value.
        if s.is_punct(core.end, '(') {
            let lead = Lead {
                strong_cue: true,
                ..Lead::default()
            };
            if let Some(inner) = self.day_expression(core.end + 1, lead)
                && s.is_punct(inner.end, ')')
                && matches!(inner.expr, Expr::Abs(_))
            {
                core.expr = inner.expr;
                core.end = inner.end + 1;
            }
        }
        Some(core)
    }

    /// A can-chi year name at `j` ("Ất Tỵ"): (end, index 0..60).
    fn can_chi(&self, j: usize) -> Option<(usize, u8)> {
        let s = &self.s;
        let can = s.which(j, &CAN)?;
        let chi = s
            .which(j + 1, &CHI)
            .or_else(|| s.is(j + 1, w!("mẹo")).then_some(3))?;
        (0u8..60)
            .find(|k| usize::from(k % 10) == can && usize::from(k % 12) == chi)
            .map(|k| (j + 2, k))
    }

    /// Lunar expressions: "Tết Nguyên đán (Ất Tỵ)", "mùng 1 Tết", "rằm tháng Giêng",
    /// "Tết Trung thu"; a day in a lunar month is read by `day_expression`.
    fn lunar(&self, j: usize) -> Option<Core> {
        let s = &self.s;
        let mut core = if s.is(j, w!("tết")) {
            let (end, m, d) = if let Some(e) = s.seq(j + 1, &ws!["nguyên", "đán"]) {
                (e, 1, 1)
            } else if let Some(e) = s.seq(j + 1, &ws!["trung", "thu"]) {
                (e, 8, 15)
            } else if let Some(e) = s.seq(j + 1, &ws!["đoan", "ngọ"]) {
                (e, 5, 5)
            } else if self.can_chi(j + 1).is_some() {
                (j + 1, 1, 1)
            } else {
                return None;
            };
            Core::new(end, abs(None, Unit::Day(m, d))?)
        } else if s.any(j, &ws!["mùng", "mồng"])
            && let Some((d @ 1..=10, 1 | 2)) = s.num(j + 1)
            && s.is(j + 2, w!("tết"))
        {
            Core::new(j + 3, abs(None, Unit::Day(1, u8::try_from(d).ok()?))?)
        } else if s.is(j, w!("rằm")) {
            let k = if s.is(j + 1, w!("tháng")) {
                j + 2
            } else {
                return None;
            };
            let (end, m, _) = self.month_number(k)?;
            Core::new(end, abs(None, Unit::Day(m, 15))?)
        } else {
            return None;
        };
        core.lunar = true;
        if let Some((end, index)) = self.can_chi(core.end) {
            core.end = end;
            core.can_chi = Some(index);
        } else if s.is(core.end, w!("năm"))
            && let Some(y) = self.year4(core.end + 1)
            && let Expr::Abs(part) = core.expr
        {
            core.expr = Expr::Abs(Part::new(Some(y), part.unit)?);
            core.end += 2;
        }
        Some(core)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every expression the grammar reads in `text` starts where `may_start` says one may.
    fn check_gate(text: &str) -> usize {
        let lower = crate::text::lower::lowercase_same_offsets(text);
        let mut toks = Tokens::default();
        let mut found = 0;
        let mut start = 0;
        for line in text.split('\n') {
            tokenize(
                text,
                &lower,
                &LEXICON.words,
                &LEXICON.starts,
                start..start + line.len(),
                &mut toks,
            );
            start += line.len() + 1;
            let grammar = Grammar {
                s: Toks { text, t: &toks.all },
                lexicon: &LEXICON,
            };
            for i in 0..toks.all.len() {
                if grammar.parse(i).is_some() {
                    found += 1;
                    let at = toks.all.get(i).map(|t| t.start).unwrap_or_default();
                    assert!(
                        grammar.may_start(i) && toks.openers.contains(&i),
                        "an expression at byte {at} of {:?}",
                        text.get(at..)
                            .unwrap_or_default()
                            .chars()
                            .take(40)
                            .collect::<String>()
                    );
                }
            }
        }
        found
    }

    #[test]
    fn the_start_gate_lets_every_expression_through() {
        let cases = [
            "Sáng 11-1, lúc 8h30, THÁNG 3/2024 và Tháng Ba năm 2025",
            "Hôm nay, ngày mai, tuần tới, năm ngoái, 5 năm trước, trong 5 năm qua",
            "Tết Nguyên đán Ất Tỵ, mùng 1 Tết, rằm tháng Giêng, Tết Trung thu",
            "NHIỆM KỲ 2020-2025, giai đoạn 2021 - 2025, niên khóa 2024-2025",
            "Đầu năm 2023, cuối quý III, nửa đầu năm 2024, cả năm, 6 tháng đầu năm",
            "Chủ nhật, ngày 7-1; thứ Hai (8/1); Thứ 5, 14/03/2024; từ 16h đến 20h",
            "tính đến hết ngày 31/12, kể từ 1/7, Ngày Báo chí Cách mạng Việt Nam 21/6",
            "thời gian tới, thời gian qua, hằng năm, hằng tháng, những ngày đầu năm 2025",
            "(15/3) 15.3.2024 8g 8 giờ 30 14h 09:30 (12/12) 3 tháng đầu năm, 9 tháng năm 2024",
            "lúc 8 GIỜ, 6 THÁNG cuối năm, 2 NĂM trước, 10 H, 7G, Ngày 5 Tháng 6",
        ];
        let mut found = 0;
        for text in cases {
            found += check_gate(text);
            found += check_gate(&text.to_uppercase());
            found += check_gate(&text.to_lowercase());
        }
        assert!(found > 90, "only {found} expressions");
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/reports");
        let mut reports = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                check_gate(&text);
                check_gate(&text.to_uppercase());
                check_gate(&text.to_lowercase());
                reports += 1;
            }
        }
        assert!(reports > 0, "no fixture report read");
    }

    /// Each form reads a token as its first only when [`Form::FIRST_WORDS`] says it may: any
    /// grammar word (in three cases) or number, before tails that complete each form.
    #[test]
    fn a_form_starts_only_with_its_first_words() {
        let tails = [
            "",
            "nhật, ngày 7/1",
            "Hai (8/1)",
            "5, 14/03/2024",
            "Báo chí Cách mạng 21/6",
            "nay",
            "qua",
            "mai",
            "kỳ",
            "kỳ năm trước",
            "tới",
            "ngoái",
            "1 Tết",
            "Nguyên đán",
            "Trung thu",
            "tháng Giêng",
            "kỳ 2020-2025",
            "đoạn 2021 - 2025",
            "học 2023-2024",
            "khóa 2024-2025",
            "năm 2023",
            "năm",
            "tháng 10",
            "quý III",
            "tuần",
            "đầu năm 2024",
            "năm 2024",
            "II/2024",
            "3/2024",
            "Ba năm 2025",
            "2023-2024",
            "2024",
            "tháng đầu năm",
            "tháng năm 2024",
            "giờ 30",
            "h30",
            ":30",
            "/3/2024",
            "-1",
            "tháng 3 năm 2024",
            "và 10-12",
            "đến 17/8/2024",
            "5 Tết",
            "(19/2)",
            "năm trước",
            "năm qua",
            "15/3",
            "5 tháng 2",
            "mùng 5 tháng 2",
            "15/3/2024 lúc 8 giờ",
        ];
        let mut firsts: Vec<String> = super::super::words::GRAMMAR
            .iter()
            .flat_map(|w| {
                let mut title = w.chars();
                let title: String = title
                    .next()
                    .map(|c| c.to_uppercase().chain(title).collect())
                    .unwrap_or_default();
                [(*w).to_owned(), w.to_uppercase(), title]
            })
            .collect();
        firsts.extend(["2", "5", "6", "9", "14", "15", "2024", "x", "(", ","].map(String::from));
        let mut toks = Tokens::default();
        let mut found = 0;
        for first in &firsts {
            for tail in tails {
                let text = format!("{first} {tail}");
                let lower = crate::text::lower::lowercase_same_offsets(&text);
                tokenize(&text, &lower, &LEXICON.words, &[], 0..text.len(), &mut toks);
                let grammar = Grammar {
                    s: Toks {
                        text: &text,
                        t: &toks.all,
                    },
                    lexicon: &LEXICON,
                };
                let forms = grammar.forms(0);
                for (form, read) in [
                    (Form::WEEKDAY, grammar.weekday(0).is_some()),
                    (Form::NAMED_DAY, grammar.named_day(0).is_some()),
                    (Form::RELATIVE, grammar.relative(0).is_some()),
                    (Form::LUNAR, grammar.lunar(0).is_some()),
                    (Form::CORE, grammar.core(0, Lead::default()).is_some()),
                    (
                        Form::CORE,
                        grammar
                            .core(
                                0,
                                Lead {
                                    weak_cue: true,
                                    strong_cue: true,
                                    ..Lead::default()
                                },
                            )
                            .is_some(),
                    ),
                ] {
                    if read {
                        found += 1;
                        assert_ne!(forms & form, 0, "{text:?} is read by form {form}");
                    }
                }
            }
        }
        assert!(found > 200, "only {found} forms read");
    }

    #[test]
    fn every_phrase_word_has_an_id() {
        let files = [
            include_str!("../../lexicon/dates_vague.txt"),
            include_str!("../../lexicon/dates_recurring.txt"),
        ];
        let mut phrases = 0;
        let mut keywords = Vec::new();
        for line in files.iter().flat_map(|f| f.lines()).map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            phrases += 1;
            for word in line.split([' ', ',']).filter(|w| !w.is_empty()) {
                let lower = word.to_lowercase();
                let bytes = lower.as_bytes();
                assert_ne!(
                    LEXICON.words.find(bytes, bytes, 0, bytes.len()),
                    Word::NONE,
                    "{word}"
                );
                keywords.push(lower);
            }
        }
        let keywords: Vec<&str> = keywords.iter().map(String::as_str).collect();
        super::super::words::check_keywords(&keywords);
        let read: usize = LEXICON.phrases.iter().map(Vec::len).sum();
        assert_eq!(read, phrases);
    }
}
