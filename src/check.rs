//! Checking extraction against reviewed expected documents: the machinery behind
//! `vietfacts check DIR` and the project's golden test, for any test suite to use.
//!
//! # Layout
//!
//! ```text
//! DIR/reports/NAME.txt            a report, any encoding the library reads
//! DIR/reports/NAME.VARIANT.txt    an encoded copy of NAME.txt (NAME.tcvn3.txt, NAME.nfd-crlf.txt)
//! DIR/expected/NAME.json          the expected document of NAME.txt and of its copies
//! DIR/known-gaps.json             differences that are known and tolerated (optional)
//! ```
//!
//! A report `NAME.VARIANT.txt` uses `expected/NAME.VARIANT.json` when there is one, else
//! `expected/NAME.json`. A report with no expected file is not checked (it is listed in
//! [`CheckReport::unchecked`]).
//!
//! Each report is read as bytes and extracted the way the CLI does with `--encoding auto`
//! ([`extractor`]: encoding detection, mojibake repair on), then compared with its expected
//! document by [`compare`].
//!
//! # The matching rule
//!
//! Facts are compared kind by kind (`dates`, `officials`, `statistics`, ...):
//!
//! 1. **Pairing.** An expected fact and an extracted fact of the same kind are paired when
//!    their spans overlap in the caller's text; when several overlap, the pair with the same
//!    span, then the same text, then the longest overlap wins, and each fact is paired at most
//!    once. Officials are paired by `name` instead; organizations by `canonical`, else by an
//!    overlapping mention; warnings by their `kind` and the facts they name; the meeting with
//!    the meeting.
//! 2. **Fields.** The fields of a pair are compared one by one (`text`, `span`, `value`,
//!    `role`, `titles`, `mentions`, ...); numbers are compared as numbers (17279 = 17279.0).
//!    A `text` or `span` that differs inside an overlap is a field difference, not a missing
//!    fact. Warning messages are prose and are not compared. A `subject` (of a statistic or
//!    an amount of money) is a noun phrase whose extent is a matter of judgement, so two
//!    subjects agree when, folded ([`fold`](crate::text::fold::fold): marks removed, lower
//!    case), one contains the other as whole words ("hộ nghèo" and "tỷ lệ hộ nghèo" agree,
//!    "hộ" and "thoát nghèo" do not); a missing subject agrees only with a missing one. Every
//!    other field is compared exactly.
//! 3. **References.** Ids (`d1`, `s2`) are not compared as such: a reference
//!    (`percent.states`, `meeting.date`, `meeting.speakers`, `directive.speaker`,
//!    `warning.facts`, ...) agrees when it points at the extracted fact paired with the
//!    expected fact it names. Lists of references are compared in order.
//! 4. **Document.** `reference_date` is compared; `encoding` only when the expected document
//!    has one and the report is not an encoded copy (copies share the original's expected
//!    file). A report that cannot be decoded is one difference (`document`, field `error`).
//!
//! An expected fact with no partner is **missing**, an extracted fact with no partner is
//! **extra**, a pair with a field that disagrees **differs**. A fact is **correct** when it is
//! paired and all its fields agree; per kind, precision is correct / extracted and recall is
//! correct / expected, summed over all reports (micro-averaged). The meeting record is also
//! scored field by field ([`Comparison::meeting_fields`]), since the record is correct only
//! when all ten of its fields are.
//!
//! An expected file is validated against its report: every `text` must be what its span
//! covers (an author's `name` up to letter case, since a byline in capitals records the name
//! as a name is written).
//!
//! Spans of an encoded copy are compared after moving the expected spans from the original
//! (`NAME.txt`, when it is there) to the copy through the normalized text, which both share.
//!
//! # Known gaps
//!
//! `known-gaps.json` is a list of `{ "file", "kind", "fact", "field", "why" }`: `file` the
//! report's file name, `kind` the fact kind (or `document`), `fact` the fact's text (an
//! official's name, a warning's description, the meeting's title), `field` the field that
//! differs or `null` for a missing or extra fact. A difference with the same four values is
//! tolerated; a listed gap that no longer occurs fails the check, so the list only shrinks as
//! the extractors improve.
//!
//! # Example
//!
//! ```no_run
//! let report = vietfacts::check::check_dir("tests/fixtures").unwrap();
//! println!("{}", report.scores_table());
//! assert!(report.passed(), "{report}");
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::date::Date;
use crate::facts::{
    Document, DocumentError, EncodingInfo, FactId, Facts, Numeral, Outcome, SCHEMA_VERSION, Span,
    Statistic,
};
use crate::text::decode::decode;
use crate::{Extractor, NormalizeOptions, Normalized, normalize_with};

/// The extractor `check` uses by default: what `vietfacts extract --encoding auto` does
/// (encoding detection, traditional tone style, mojibake repair on).
pub fn extractor() -> Extractor {
    Extractor::new().normalize_options(NormalizeOptions::new().mojibake(true))
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/// An expected file or a known-gaps file that cannot be read or is malformed, or a directory
/// that is not laid out for checking.
///
/// The message names the file and, for a malformed file, the field (a JSON path such as
/// `facts.dates[2].value`) and serde_json's line and column.
#[derive(Debug)]
pub struct CheckError {
    path: PathBuf,
    field: Option<String>,
    position: Option<(usize, usize)>,
    message: String,
    source: Option<std::io::Error>,
}

impl CheckError {
    fn io(path: &Path, source: std::io::Error) -> CheckError {
        CheckError {
            path: path.to_path_buf(),
            field: None,
            position: None,
            message: format!("cannot read or write it: {source}"),
            source: Some(source),
        }
    }

    fn invalid(path: &Path, field: impl Into<String>, message: impl Into<String>) -> CheckError {
        let field = field.into();
        CheckError {
            path: path.to_path_buf(),
            field: (!field.is_empty()).then_some(field),
            position: None,
            message: message.into(),
            source: None,
        }
    }

    fn json(path: &Path, text: &str, error: &serde_json::Error) -> CheckError {
        let (line, column) = (error.line(), error.column());
        let field = json_path_at(text, line, column);
        CheckError {
            path: path.to_path_buf(),
            field: (!field.is_empty()).then_some(field),
            position: (line > 0).then_some((line, column)),
            message: error.to_string(),
            source: None,
        }
    }

    /// The file (or directory) at fault.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The field at fault, as a JSON path (`facts.dates[2].value`), when the file is malformed.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The line (1-based) of the fault, when serde_json gave one.
    pub fn line(&self) -> Option<usize> {
        self.position.map(|(line, _)| line)
    }

    /// The column (1-based) of the fault, when serde_json gave one.
    pub fn column(&self) -> Option<usize> {
        self.position.map(|(_, column)| column)
    }

    /// Whether a file or directory could not be read or written (rather than being malformed).
    pub fn is_io(&self) -> bool {
        self.source.is_some()
    }
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for CheckError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// The JSON path (`facts.dates[2].value`) of the value at serde_json's `line`:`column` in
/// `text`: the member being read when the error was raised. One pass over the bytes.
fn json_path_at(text: &str, line: usize, column: usize) -> String {
    enum Frame {
        Object { key: Option<String>, want_key: bool },
        Array { index: usize },
    }
    // serde_json counts lines from 1 and columns in bytes from 1.
    let mut line_start = 0;
    if line > 1 {
        let mut seen = 1;
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                seen += 1;
                if seen == line {
                    line_start = i + 1;
                    break;
                }
            }
        }
    }
    let stop = (line_start + column).min(text.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut string = String::new();
    for (i, c) in text.char_indices() {
        if i >= stop {
            break;
        }
        if in_string {
            if escaped {
                escaped = false;
                string.push(c);
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                if let Some(Frame::Object { key, want_key }) = stack.last_mut()
                    && *want_key
                {
                    *key = Some(std::mem::take(&mut string));
                    *want_key = false;
                }
            } else {
                string.push(c);
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                string.clear();
            }
            '{' => stack.push(Frame::Object {
                key: None,
                want_key: true,
            }),
            '[' => stack.push(Frame::Array { index: 0 }),
            '}' | ']' => {
                stack.pop();
            }
            ',' => match stack.last_mut() {
                Some(Frame::Object { want_key, .. }) => *want_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                let _ = write!(path, "[{index}]");
            }
        }
    }
    path
}

// ---------------------------------------------------------------------------------------
// Differences and scores
// ---------------------------------------------------------------------------------------

/// The kinds of facts, as `known-gaps.json` and the score table name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FactKind {
    /// The document itself: `encoding`, `reference_date`, a decoding `error`.
    Document,
    /// The meeting record.
    Meeting,
    /// `facts.dates`.
    Dates,
    /// `facts.officials`.
    Officials,
    /// `facts.authors`.
    Authors,
    /// `facts.organizations`.
    Organizations,
    /// `facts.documents` (cited legal documents).
    Documents,
    /// `facts.statistics`.
    Statistics,
    /// `facts.counts`.
    Counts,
    /// `facts.money`.
    Money,
    /// `facts.durations`.
    Durations,
    /// `facts.warnings`.
    Warnings,
}

impl FactKind {
    /// The kinds that are scored, in table order.
    pub const SCORED: [FactKind; 11] = [
        FactKind::Meeting,
        FactKind::Dates,
        FactKind::Officials,
        FactKind::Authors,
        FactKind::Organizations,
        FactKind::Documents,
        FactKind::Statistics,
        FactKind::Counts,
        FactKind::Money,
        FactKind::Durations,
        FactKind::Warnings,
    ];

    /// The name used in JSON and in the output.
    pub const fn as_str(self) -> &'static str {
        match self {
            FactKind::Document => "document",
            FactKind::Meeting => "meeting",
            FactKind::Dates => "dates",
            FactKind::Officials => "officials",
            FactKind::Authors => "authors",
            FactKind::Organizations => "organizations",
            FactKind::Documents => "documents",
            FactKind::Statistics => "statistics",
            FactKind::Counts => "counts",
            FactKind::Money => "money",
            FactKind::Durations => "durations",
            FactKind::Warnings => "warnings",
        }
    }
}

impl fmt::Display for FactKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What is wrong with one fact.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Change {
    /// Expected, not extracted.
    Missing,
    /// Extracted, not expected.
    Extra,
    /// Paired, with a field that disagrees.
    Differs {
        /// The field (`value`, `titles`, `states`).
        field: String,
        /// The expected value, as compact JSON (references as the text of the fact).
        expected: String,
        /// The extracted value, the same way.
        actual: String,
    },
}

/// One difference between an expected and an extracted document.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Difference {
    /// The kind of fact.
    pub kind: FactKind,
    /// The fact's text (an official's name, the meeting's title, a warning's description).
    pub fact: String,
    /// Where the fact stands in the report (the expected fact's span when there is one).
    pub span: Option<Span>,
    /// What differs.
    pub change: Change,
    /// The `why` of the known gap that tolerates this difference, if one does.
    pub known_gap: Option<String>,
}

impl Difference {
    /// The field that differs; `None` for a missing or extra fact.
    pub fn field(&self) -> Option<&str> {
        match &self.change {
            Change::Differs { field, .. } => Some(field),
            Change::Missing | Change::Extra => None,
        }
    }

    /// Whether a known gap tolerates it.
    pub fn is_known(&self) -> bool {
        self.known_gap.is_some()
    }

    fn key(&self) -> (FactKind, &str, Option<&str>) {
        (self.kind, &self.fact, self.field())
    }
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.change {
            Change::Missing => "missing",
            Change::Extra => "extra",
            Change::Differs { .. } => "differs",
        };
        write!(f, "{label:<8} {} {:?}", self.kind, self.fact)?;
        if let Some(span) = self.span {
            write!(f, " at {}", show_span(span))?;
        }
        if let Change::Differs {
            field,
            expected,
            actual,
        } = &self.change
        {
            write!(f, ": {field}: expected {expected}, got {actual}")?;
        }
        Ok(())
    }
}

fn show_span(span: Span) -> String {
    format!(
        "{}..{} (chars {}..{})",
        span.start, span.end, span.char_start, span.char_end
    )
}

/// Counts for precision and recall of one fact kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Score {
    /// Facts in the expected documents.
    pub expected: usize,
    /// Facts extracted.
    pub actual: usize,
    /// Extracted facts paired with an expected fact, every field agreeing.
    pub correct: usize,
}

impl Score {
    /// correct / extracted; `None` when nothing was extracted.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.correct, self.actual)
    }

    /// correct / expected; `None` when nothing was expected.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.correct, self.expected)
    }

    fn add(&mut self, other: Score) {
        self.expected += other.expected;
        self.actual += other.actual;
        self.correct += other.correct;
    }
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The outcome of comparing one expected document with one extracted document.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Comparison {
    /// Every difference, kind by kind, in the order of the expected facts.
    pub differences: Vec<Difference>,
    /// Counts per fact kind.
    pub scores: BTreeMap<FactKind, Score>,
    /// Counts per field of the meeting record (`title`, `date`, `organizers`, ...): a field
    /// is expected or extracted when it is set (not null, not empty) and correct when both
    /// agree. The record as a whole is correct only when every field is, which says little of
    /// how close it is; these say which fields are right.
    pub meeting_fields: BTreeMap<&'static str, Score>,
}

/// The fields of the meeting record, in the order the scores table shows them.
pub const MEETING_FIELDS: [&str; 10] = [
    "title",
    "kind",
    "date",
    "location",
    "organizers",
    "chairs",
    "attendees",
    "speakers",
    "attendance",
    "directives",
];

// ---------------------------------------------------------------------------------------
// Comparing two documents
// ---------------------------------------------------------------------------------------

/// Compares an expected document with an extracted one, by the matching rule of this
/// module's documentation. Never fails.
pub fn compare(expected: &Document, actual: &Document) -> Comparison {
    let mut out = Comparison::default();
    let doc_name = expected.id.clone();
    let doc_diff = |field: &str, e: String, a: String| Difference {
        kind: FactKind::Document,
        fact: doc_name.clone(),
        span: None,
        change: Change::Differs {
            field: field.to_string(),
            expected: e,
            actual: a,
        },
        known_gap: None,
    };
    if let Some(e) = &expected.encoding
        && !same_encoding(e, actual.encoding.as_ref())
    {
        out.differences.push(doc_diff(
            "encoding",
            json(&expected.encoding),
            json(&actual.encoding),
        ));
    }
    if expected.reference_date != actual.reference_date {
        out.differences.push(doc_diff(
            "reference_date",
            json(&expected.reference_date),
            json(&actual.reference_date),
        ));
    }
    let empty = Facts::default();
    match (&expected.outcome, &actual.outcome) {
        (Outcome::Facts(e), Outcome::Facts(a)) => compare_facts(e, a, &mut out),
        (Outcome::Facts(e), Outcome::Error(error)) => {
            out.differences
                .push(doc_diff("error", "null".to_string(), json(&error.message)));
            // Every expected fact is missed; one difference says why.
            let mut scores = Comparison::default();
            compare_facts(e, &empty, &mut scores);
            out.scores = scores.scores;
            out.meeting_fields = scores.meeting_fields;
        }
        (Outcome::Error(e), Outcome::Facts(a)) => {
            out.differences
                .push(doc_diff("error", json(&e.message), "null".to_string()));
            let mut scores = Comparison::default();
            compare_facts(&empty, a, &mut scores);
            out.scores = scores.scores;
            out.meeting_fields = scores.meeting_fields;
        }
        (Outcome::Error(e), Outcome::Error(a)) => {
            if e.kind != a.kind {
                out.differences
                    .push(doc_diff("error", json(&e.kind), json(&a.kind)));
            }
        }
    }
    out
}

fn same_encoding(e: &EncodingInfo, a: Option<&EncodingInfo>) -> bool {
    a.is_some_and(|a| a.name == e.name && (a.confidence - e.confidence).abs() < 1e-6)
}

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "?".to_string())
}

/// One fact seen by the pairing step.
struct Item<'a> {
    id: Option<&'a FactId>,
    text: String,
    span: Option<Span>,
    /// Officials: the name; organizations: the canonical name; warnings: kind and facts.
    key: Option<String>,
    /// Extra spans that may overlap (mentions).
    mentions: &'a [Span],
    /// Paired by `key` only, never by span (officials).
    key_only: bool,
}

impl<'a> Item<'a> {
    fn spanned(id: &'a FactId, text: &str, span: Span) -> Item<'a> {
        Item {
            id: Some(id),
            text: text.to_string(),
            span: Some(span),
            key: None,
            mentions: &[],
            key_only: false,
        }
    }
}

/// Pairs expected items with actual items; `pairs[i]` is the actual partner of expected `i`.
fn pair_items(expected: &[Item<'_>], actual: &[Item<'_>]) -> Vec<Option<usize>> {
    let mut pairs: Vec<Option<usize>> = vec![None; expected.len()];
    let mut taken = vec![false; actual.len()];
    // Keys first (names, canonical names, warning descriptions).
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in actual.iter().enumerate() {
        if let Some(key) = &a.key {
            by_key.entry(key.as_str()).or_default().push(i);
        }
    }
    for (i, e) in expected.iter().enumerate() {
        let Some(key) = &e.key else { continue };
        if let Some(list) = by_key.get_mut(key.as_str())
            && let Some(pos) = list
                .iter()
                .position(|&a| !taken.get(a).copied().unwrap_or(true))
        {
            let a = list.remove(pos);
            if let (Some(slot), Some(t)) = (pairs.get_mut(i), taken.get_mut(a)) {
                *slot = Some(a);
                *t = true;
            }
        }
    }
    // Then spans: every overlapping pair, found by a sweep over starts, best pairs first.
    let spans_of = |item: &Item<'_>| -> Vec<Span> {
        if item.key_only {
            return Vec::new();
        }
        let mut spans: Vec<Span> = item.span.into_iter().collect();
        spans.extend_from_slice(item.mentions);
        spans
    };
    let mut e_spans: Vec<(Span, usize)> = Vec::new();
    for (i, e) in expected.iter().enumerate() {
        if pairs.get(i).copied().flatten().is_none() {
            e_spans.extend(spans_of(e).into_iter().map(|s| (s, i)));
        }
    }
    let mut a_spans: Vec<(Span, usize)> = Vec::new();
    for (i, a) in actual.iter().enumerate() {
        if !taken.get(i).copied().unwrap_or(true) {
            a_spans.extend(spans_of(a).into_iter().map(|s| (s, i)));
        }
    }
    e_spans.sort_by_key(|(s, _)| (s.start, s.end));
    a_spans.sort_by_key(|(s, _)| (s.start, s.end));
    let mut candidates: Vec<(bool, bool, usize, usize, usize)> = Vec::new();
    let mut active: Vec<(Span, usize)> = Vec::new();
    let mut next = 0;
    for &(es, ei) in &e_spans {
        while let Some(&(s, ai)) = a_spans.get(next) {
            if s.start < es.end || s == es {
                active.push((s, ai));
                next += 1;
            } else {
                break;
            }
        }
        active.retain(|(s, _)| s.end > es.start || *s == es);
        for &(s, ai) in &active {
            let overlap = s.end.min(es.end).saturating_sub(s.start.max(es.start));
            if overlap > 0 || s == es {
                let same_text = match (expected.get(ei), actual.get(ai)) {
                    (Some(e), Some(a)) => e.text == a.text,
                    _ => false,
                };
                candidates.push((s == es, same_text, overlap, ei, ai));
            }
        }
    }
    // Best first: same span, same text, longest overlap; then in text order.
    candidates.sort_by(|x, y| {
        (y.0, y.1, y.2)
            .cmp(&(x.0, x.1, x.2))
            .then((x.3, x.4).cmp(&(y.3, y.4)))
    });
    for (_, _, _, ei, ai) in candidates {
        let free_e = pairs.get(ei).is_some_and(|p| p.is_none());
        let free_a = taken.get(ai).is_some_and(|t| !t);
        if free_e && free_a {
            if let Some(slot) = pairs.get_mut(ei) {
                *slot = Some(ai);
            }
            if let Some(t) = taken.get_mut(ai) {
                *t = true;
            }
        }
    }
    pairs
}

/// Ids of both documents, their texts, and the pairing between them.
#[derive(Default)]
struct Refs {
    expected_text: HashMap<FactId, String>,
    actual_text: HashMap<FactId, String>,
    actual_to_expected: HashMap<FactId, FactId>,
}

impl Refs {
    fn show_expected(&self, id: &FactId) -> String {
        match self.expected_text.get(id) {
            Some(text) => format!("{text:?}"),
            None => format!("<{id}>"),
        }
    }

    fn show_actual(&self, id: &FactId) -> String {
        match self.actual_text.get(id) {
            Some(text) if self.actual_to_expected.contains_key(id) => format!("{text:?}"),
            Some(text) => format!("{text:?} (not expected)"),
            None => format!("<{id}>"),
        }
    }

    /// Whether the actual references point at the partners of the expected ones, in order.
    fn agree(&self, expected: &[FactId], actual: &[FactId]) -> bool {
        expected.len() == actual.len()
            && expected
                .iter()
                .zip(actual)
                .all(|(e, a)| self.actual_to_expected.get(a) == Some(e))
    }

    fn field(
        &self,
        fields: &mut Vec<(String, String, String)>,
        name: &str,
        expected: &[FactId],
        actual: &[FactId],
    ) {
        if !self.agree(expected, actual) {
            let e: Vec<String> = expected.iter().map(|id| self.show_expected(id)).collect();
            let a: Vec<String> = actual.iter().map(|id| self.show_actual(id)).collect();
            fields.push((
                name.to_string(),
                format!("[{}]", e.join(", ")),
                format!("[{}]", a.join(", ")),
            ));
        }
    }

    fn field_opt(
        &self,
        fields: &mut Vec<(String, String, String)>,
        name: &str,
        expected: Option<&FactId>,
        actual: Option<&FactId>,
    ) {
        let e: Vec<FactId> = expected.into_iter().cloned().collect();
        let a: Vec<FactId> = actual.into_iter().cloned().collect();
        if !self.agree(&e, &a) {
            fields.push((
                name.to_string(),
                expected.map_or("null".to_string(), |id| self.show_expected(id)),
                actual.map_or("null".to_string(), |id| self.show_actual(id)),
            ));
        }
    }
}

/// Pushes a field difference when two serializable values differ.
fn field<T: Serialize + PartialEq + ?Sized>(
    fields: &mut Vec<(String, String, String)>,
    name: &str,
    expected: &T,
    actual: &T,
) {
    if expected != actual {
        fields.push((name.to_string(), json(expected), json(actual)));
    }
}

/// Pushes a `subject` difference unless the two subjects agree: both absent, or both present
/// and, folded, one contains the other on word boundaries (the extent of a noun phrase is
/// fuzzy; what it is about is not).
fn subject_field(
    fields: &mut Vec<(String, String, String)>,
    expected: &Option<String>,
    actual: &Option<String>,
) {
    let agree = match (expected, actual) {
        (None, None) => true,
        (Some(e), Some(a)) => subjects_agree(e, a),
        _ => false,
    };
    if !agree {
        fields.push(("subject".to_string(), json(expected), json(actual)));
    }
}

/// Whether two subjects agree: folded, one contains the other as whole words.
pub(crate) fn subjects_agree(expected: &str, actual: &str) -> bool {
    let (e, a) = (fold_words(expected), fold_words(actual));
    if e.is_empty() || a.is_empty() {
        return e == a;
    }
    let (short, long) = if e.len() <= a.len() {
        (&e, &a)
    } else {
        (&a, &e)
    };
    // Both are single-space-joined words, so a whole-word containment is a containment of
    // " short " in " long ".
    format!(" {long} ").contains(&format!(" {short} "))
}

/// The folded words of a phrase, joined by single spaces (punctuation other than inside a
/// word is a separator).
fn fold_words(text: &str) -> String {
    let folded = crate::text::fold::fold(text);
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn span_field(fields: &mut Vec<(String, String, String)>, expected: Span, actual: Span) {
    if expected != actual {
        fields.push(("span".to_string(), show_span(expected), show_span(actual)));
    }
}

fn same_number(e: f64, a: f64) -> bool {
    (e - a).abs() <= 1e-9 * e.abs().max(a.abs()).max(1.0)
}

fn numeral_field(fields: &mut Vec<(String, String, String)>, name: &str, e: Numeral, a: Numeral) {
    if !same_number(e.as_f64(), a.as_f64()) {
        fields.push((name.to_string(), json(&e), json(&a)));
    }
}

fn spans_field(fields: &mut Vec<(String, String, String)>, name: &str, e: &[Span], a: &[Span]) {
    let mut e_sorted: Vec<(usize, usize)> = e.iter().map(|s| (s.start, s.end)).collect();
    let mut a_sorted: Vec<(usize, usize)> = a.iter().map(|s| (s.start, s.end)).collect();
    e_sorted.sort_unstable();
    e_sorted.dedup();
    a_sorted.sort_unstable();
    a_sorted.dedup();
    if e_sorted != a_sorted {
        let show = |list: &[(usize, usize)]| {
            let parts: Vec<String> = list.iter().map(|(s, e)| format!("{s}..{e}")).collect();
            format!("[{}]", parts.join(", "))
        };
        fields.push((name.to_string(), show(&e_sorted), show(&a_sorted)));
    }
}

type Fields = Vec<(String, String, String)>;

/// Compares the paired facts of one kind, records differences and the score.
#[allow(clippy::too_many_arguments)]
fn report_kind<E, A>(
    out: &mut Comparison,
    kind: FactKind,
    expected: &[E],
    actual: &[A],
    e_items: &[Item<'_>],
    a_items: &[Item<'_>],
    pairs: &[Option<usize>],
    mut compare_fields: impl FnMut(&E, &A) -> Fields,
) {
    let mut score = Score {
        expected: expected.len(),
        actual: actual.len(),
        correct: 0,
    };
    let mut paired = vec![false; actual.len()];
    for (i, e) in expected.iter().enumerate() {
        let item = e_items.get(i);
        let text = item.map(|it| it.text.clone()).unwrap_or_default();
        let span = item.and_then(|it| it.span.or_else(|| it.mentions.first().copied()));
        match pairs.get(i).copied().flatten() {
            Some(ai) => {
                if let Some(p) = paired.get_mut(ai) {
                    *p = true;
                }
                let Some(a) = actual.get(ai) else { continue };
                let fields = compare_fields(e, a);
                if fields.is_empty() {
                    score.correct += 1;
                }
                for (field, expected, actual) in fields {
                    out.differences.push(Difference {
                        kind,
                        fact: text.clone(),
                        span,
                        change: Change::Differs {
                            field,
                            expected,
                            actual,
                        },
                        known_gap: None,
                    });
                }
            }
            None => out.differences.push(Difference {
                kind,
                fact: text,
                span,
                change: Change::Missing,
                known_gap: None,
            }),
        }
    }
    for (i, was_paired) in paired.iter().enumerate() {
        if !was_paired && let Some(item) = a_items.get(i) {
            out.differences.push(Difference {
                kind,
                fact: item.text.clone(),
                span: item.span.or_else(|| item.mentions.first().copied()),
                change: Change::Extra,
                known_gap: None,
            });
        }
    }
    out.scores.entry(kind).or_default().add(score);
}

fn pairs_into_refs(
    refs: &mut Refs,
    e_items: &[Item<'_>],
    a_items: &[Item<'_>],
    pairs: &[Option<usize>],
) {
    for item in e_items {
        if let Some(id) = item.id {
            refs.expected_text.insert(id.clone(), item.text.clone());
        }
    }
    for item in a_items {
        if let Some(id) = item.id {
            refs.actual_text.insert(id.clone(), item.text.clone());
        }
    }
    for (ei, ai) in pairs.iter().enumerate() {
        let e_id = e_items.get(ei).and_then(|it| it.id);
        let a_id = ai.and_then(|ai| a_items.get(ai)).and_then(|it| it.id);
        if let (Some(e), Some(a)) = (e_id, a_id) {
            refs.actual_to_expected.insert(a.clone(), e.clone());
        }
    }
}

fn compare_facts(e: &Facts, a: &Facts, out: &mut Comparison) {
    let mut refs = Refs::default();

    // Pair every kind that others refer to before comparing any fields.
    fn items(facts: &Facts) -> Vec<Vec<Item<'_>>> {
        vec![
            facts
                .dates
                .iter()
                .map(|d| Item::spanned(&d.id, &d.text, d.span))
                .collect(),
            facts
                .officials
                .iter()
                .map(|o| Item {
                    id: Some(&o.id),
                    text: o.name.clone(),
                    span: None,
                    key: Some(o.name.clone()),
                    mentions: &o.mentions,
                    key_only: true,
                })
                .collect(),
            facts
                .organizations
                .iter()
                .map(|g| Item {
                    id: Some(&g.id),
                    text: g.text.clone(),
                    span: None,
                    key: Some(g.canonical.clone()),
                    mentions: &g.mentions,
                    key_only: false,
                })
                .collect(),
            facts
                .documents
                .iter()
                .map(|l| Item::spanned(&l.id, &l.text, l.span))
                .collect(),
            facts
                .statistics
                .iter()
                .map(|s| {
                    let text = match s {
                        Statistic::Ratio(r) => r.text.as_str(),
                        Statistic::Percent(p) => p.text.as_str(),
                    };
                    Item::spanned(s.id(), text, s.span())
                })
                .collect(),
            facts
                .counts
                .iter()
                .map(|c| Item::spanned(&c.id, &c.text, c.span))
                .collect(),
            facts
                .money
                .iter()
                .map(|m| Item::spanned(&m.id, &m.text, m.span))
                .collect(),
            facts
                .durations
                .iter()
                .map(|u| Item::spanned(&u.id, &u.text, u.span))
                .collect(),
            facts
                .authors
                .iter()
                .map(|au| Item {
                    id: None,
                    text: au.name.clone(),
                    span: Some(au.span),
                    key: None,
                    mentions: &[],
                    key_only: false,
                })
                .collect(),
        ]
    }
    let e_items = items(e);
    let a_items = items(a);
    let empty: Vec<Item<'_>> = Vec::new();
    let mut pairs: Vec<Vec<Option<usize>>> = Vec::new();
    for (k, e_list) in e_items.iter().enumerate() {
        let a_list = a_items.get(k).unwrap_or(&empty);
        let p = pair_items(e_list, a_list);
        pairs_into_refs(&mut refs, e_list, a_list, &p);
        pairs.push(p);
    }
    let ei = |k: usize| e_items.get(k).map_or(&[][..], Vec::as_slice);
    let ai = |k: usize| a_items.get(k).map_or(&[][..], Vec::as_slice);
    let pk = |k: usize| pairs.get(k).map_or(&[][..], Vec::as_slice);

    // The meeting first: it is the report's headline.
    compare_meeting(e, a, &refs, out);

    report_kind(
        out,
        FactKind::Dates,
        &e.dates,
        &a.dates,
        ei(0),
        ai(0),
        pk(0),
        |e, a| {
            let mut f = Fields::new();
            field(&mut f, "text", &e.text, &a.text);
            span_field(&mut f, e.span, a.span);
            field(&mut f, "value", &e.value, &a.value);
            field(&mut f, "granularity", &e.granularity, &a.granularity);
            field(&mut f, "kind", &e.kind, &a.kind);
            field(&mut f, "part_of_day", &e.part_of_day, &a.part_of_day);
            field(&mut f, "modifier", &e.modifier, &a.modifier);
            field(&mut f, "calendar", &e.calendar, &a.calendar);
            field(&mut f, "year_inferred", &e.year_inferred, &a.year_inferred);
            f
        },
    );
    report_kind(
        out,
        FactKind::Officials,
        &e.officials,
        &a.officials,
        ei(1),
        ai(1),
        pk(1),
        |e, a| {
            let mut f = Fields::new();
            field(&mut f, "honorific", &e.honorific, &a.honorific);
            let mut e_titles: Vec<String> = e.titles.iter().map(json).collect();
            let mut a_titles: Vec<String> = a.titles.iter().map(json).collect();
            e_titles.sort();
            a_titles.sort();
            if e_titles != a_titles {
                f.push(("titles".to_string(), json(&e.titles), json(&a.titles)));
            }
            spans_field(&mut f, "mentions", &e.mentions, &a.mentions);
            f
        },
    );
    report_kind(
        out,
        FactKind::Authors,
        &e.authors,
        &a.authors,
        ei(8),
        ai(8),
        pk(8),
        |e, a| {
            let mut f = Fields::new();
            field(&mut f, "name", &e.name, &a.name);
            span_field(&mut f, e.span, a.span);
            f
        },
    );
    report_kind(
        out,
        FactKind::Organizations,
        &e.organizations,
        &a.organizations,
        ei(2),
        ai(2),
        pk(2),
        |e, a| {
            let mut f = Fields::new();
            field(&mut f, "text", &e.text, &a.text);
            field(&mut f, "canonical", &e.canonical, &a.canonical);
            spans_field(&mut f, "mentions", &e.mentions, &a.mentions);
            f
        },
    );
    report_kind(
        out,
        FactKind::Documents,
        &e.documents,
        &a.documents,
        ei(3),
        ai(3),
        pk(3),
        |e, a| {
            let mut f = Fields::new();
            field(&mut f, "text", &e.text, &a.text);
            span_field(&mut f, e.span, a.span);
            field(&mut f, "type", &e.doc_type, &a.doc_type);
            field(&mut f, "number", &e.number, &a.number);
            field(&mut f, "issuer", &e.issuer, &a.issuer);
            field(&mut f, "date", &e.date, &a.date);
            f
        },
    );
    report_kind(
        out,
        FactKind::Statistics,
        &e.statistics,
        &a.statistics,
        ei(4),
        ai(4),
        pk(4),
        |e, a| compare_statistic(e, a, &refs),
    );
    report_kind(
        out,
        FactKind::Counts,
        &e.counts,
        &a.counts,
        ei(5),
        ai(5),
        pk(5),
        |e, a| {
            let mut f = Fields::new();
            field(&mut f, "text", &e.text, &a.text);
            span_field(&mut f, e.span, a.span);
            numeral_field(&mut f, "value", e.value, a.value);
            field(&mut f, "unit", &e.unit, &a.unit);
            field(&mut f, "category", &e.category, &a.category);
            field(&mut f, "qualifier", &e.qualifier, &a.qualifier);
            field(&mut f, "per", &e.per, &a.per);
            f
        },
    );
    report_kind(
        out,
        FactKind::Money,
        &e.money,
        &a.money,
        ei(6),
        ai(6),
        pk(6),
        |e, a| {
            let mut f = Fields::new();
            field(&mut f, "text", &e.text, &a.text);
            span_field(&mut f, e.span, a.span);
            numeral_field(&mut f, "value", e.value, a.value);
            field(&mut f, "currency", &e.currency, &a.currency);
            field(&mut f, "qualifier", &e.qualifier, &a.qualifier);
            subject_field(&mut f, &e.subject, &a.subject);
            field(&mut f, "per", &e.per, &a.per);
            f
        },
    );
    report_kind(
        out,
        FactKind::Durations,
        &e.durations,
        &a.durations,
        ei(7),
        ai(7),
        pk(7),
        |e, a| {
            let mut f = Fields::new();
            field(&mut f, "text", &e.text, &a.text);
            span_field(&mut f, e.span, a.span);
            numeral_field(&mut f, "value", e.value, a.value);
            field(&mut f, "unit", &e.unit, &a.unit);
            f
        },
    );

    // Warnings: paired by kind and the facts they name (through the pairing above).
    let describe = |w: &crate::facts::Warning, texts: &HashMap<FactId, String>| -> String {
        let names: Vec<String> = w
            .facts
            .iter()
            .map(|id| texts.get(id).cloned().unwrap_or_else(|| id.to_string()))
            .collect();
        format!("{}: {}", json(&w.kind).trim_matches('"'), names.join(", "))
    };
    let e_warn: Vec<Item<'_>> = e
        .warnings
        .iter()
        .map(|w| {
            let text = describe(w, &refs.expected_text);
            Item {
                id: None,
                key: Some(text.clone()),
                text,
                span: None,
                mentions: &[],
                key_only: true,
            }
        })
        .collect();
    let a_warn: Vec<Item<'_>> = a
        .warnings
        .iter()
        .map(|w| {
            // The key is written in the expected document's terms, so pairs compare ids.
            let mapped: Vec<String> = w
                .facts
                .iter()
                .map(|id| match refs.actual_to_expected.get(id) {
                    Some(e_id) => refs
                        .expected_text
                        .get(e_id)
                        .cloned()
                        .unwrap_or_else(|| e_id.to_string()),
                    None => format!(
                        "{} (not expected)",
                        refs.actual_text
                            .get(id)
                            .cloned()
                            .unwrap_or_else(|| id.to_string())
                    ),
                })
                .collect();
            let key = format!("{}: {}", json(&w.kind).trim_matches('"'), mapped.join(", "));
            Item {
                id: None,
                text: describe(w, &refs.actual_text),
                key: Some(key),
                span: None,
                mentions: &[],
                key_only: true,
            }
        })
        .collect();
    let warn_pairs = pair_items(&e_warn, &a_warn);
    report_kind(
        out,
        FactKind::Warnings,
        &e.warnings,
        &a.warnings,
        &e_warn,
        &a_warn,
        &warn_pairs,
        |_, _| Fields::new(),
    );
}

fn compare_statistic(e: &Statistic, a: &Statistic, refs: &Refs) -> Fields {
    let mut f = Fields::new();
    match (e, a) {
        (Statistic::Ratio(e), Statistic::Ratio(a)) => {
            field(&mut f, "text", &e.text, &a.text);
            span_field(&mut f, e.span, a.span);
            numeral_field(&mut f, "numerator", e.numerator, a.numerator);
            numeral_field(&mut f, "denominator", e.denominator, a.denominator);
            let same_percent = match (e.percent, a.percent) {
                (Some(x), Some(y)) => (x - y).abs() < 0.005 + 1e-9,
                (None, None) => true,
                _ => false,
            };
            if !same_percent {
                f.push(("percent".to_string(), json(&e.percent), json(&a.percent)));
            }
            subject_field(&mut f, &e.subject, &a.subject);
        }
        (Statistic::Percent(e), Statistic::Percent(a)) => {
            field(&mut f, "text", &e.text, &a.text);
            span_field(&mut f, e.span, a.span);
            numeral_field(&mut f, "value", e.value, a.value);
            field(&mut f, "role", &e.role, &a.role);
            subject_field(&mut f, &e.subject, &a.subject);
            refs.field_opt(&mut f, "states", e.states.as_ref(), a.states.as_ref());
        }
        _ => {
            let kind = |s: &Statistic| match s {
                Statistic::Ratio(_) => "\"ratio\"",
                Statistic::Percent(_) => "\"percent\"",
            };
            f.push(("kind".to_string(), kind(e).to_string(), kind(a).to_string()));
        }
    }
    f
}

fn compare_meeting(e: &Facts, a: &Facts, refs: &Refs, out: &mut Comparison) {
    let title = |m: &crate::facts::Meeting| m.title.clone().unwrap_or_else(|| "(meeting)".into());
    let mut score = Score {
        expected: usize::from(e.meeting.is_some()),
        actual: usize::from(a.meeting.is_some()),
        correct: 0,
    };
    let mut push = |fact: String, change: Change| {
        out.differences.push(Difference {
            kind: FactKind::Meeting,
            fact,
            span: None,
            change,
            known_gap: None,
        });
    };
    match (&e.meeting, &a.meeting) {
        (Some(em), Some(am)) => {
            let mut f = Fields::new();
            field(&mut f, "title", &em.title, &am.title);
            field(&mut f, "kind", &em.kind, &am.kind);
            refs.field_opt(&mut f, "date", em.date.as_ref(), am.date.as_ref());
            field(&mut f, "location", &em.location, &am.location);
            refs.field(&mut f, "organizers", &em.organizers, &am.organizers);
            refs.field(&mut f, "chairs", &em.chairs, &am.chairs);
            refs.field(&mut f, "attendees", &em.attendees, &am.attendees);
            refs.field(&mut f, "speakers", &em.speakers, &am.speakers);
            refs.field(&mut f, "attendance", &em.attendance, &am.attendance);
            let show = |ds: &[crate::facts::Directive], by_expected: bool| -> Vec<String> {
                ds.iter()
                    .map(|d| {
                        let who = d.speaker.as_ref().map(|id| {
                            if by_expected {
                                refs.show_expected(id)
                            } else {
                                refs.actual_to_expected
                                    .get(id)
                                    .map_or_else(|| refs.show_actual(id), |e| refs.show_expected(e))
                            }
                        });
                        format!(
                            "{:?} ({}) by {}",
                            d.text,
                            show_span(d.span),
                            who.unwrap_or_else(|| "null".into())
                        )
                    })
                    .collect()
            };
            let (ed, ad) = (show(&em.directives, true), show(&am.directives, false));
            if ed != ad {
                f.push((
                    "directives".to_string(),
                    format!("[{}]", ed.join("; ")),
                    format!("[{}]", ad.join("; ")),
                ));
            }
            if f.is_empty() {
                score.correct = 1;
            }
            for name in MEETING_FIELDS {
                let differs = f.iter().any(|(field, _, _)| field == name);
                let (in_e, in_a) = (meeting_field_set(em, name), meeting_field_set(am, name));
                out.meeting_fields.entry(name).or_default().add(Score {
                    expected: usize::from(in_e),
                    actual: usize::from(in_a),
                    correct: usize::from(in_e && in_a && !differs),
                });
            }
            for (field, expected, actual) in f {
                push(
                    title(em),
                    Change::Differs {
                        field,
                        expected,
                        actual,
                    },
                );
            }
        }
        (Some(em), None) => {
            for name in MEETING_FIELDS {
                let expected = usize::from(meeting_field_set(em, name));
                out.meeting_fields.entry(name).or_default().expected += expected;
            }
            push(title(em), Change::Missing)
        }
        (None, Some(am)) => {
            for name in MEETING_FIELDS {
                let actual = usize::from(meeting_field_set(am, name));
                out.meeting_fields.entry(name).or_default().actual += actual;
            }
            push(title(am), Change::Extra)
        }
        (None, None) => {}
    }
    out.scores.entry(FactKind::Meeting).or_default().add(score);
}

/// Whether the meeting record's field `name` (one of [`MEETING_FIELDS`]) holds something.
fn meeting_field_set(meeting: &crate::facts::Meeting, name: &str) -> bool {
    match name {
        "title" => meeting.title.is_some(),
        // Every record has a kind; `other` says no more than an absent one.
        "kind" => meeting.kind != crate::facts::MeetingKind::Other,
        "date" => meeting.date.is_some(),
        "location" => meeting.location.is_some(),
        "organizers" => !meeting.organizers.is_empty(),
        "chairs" => !meeting.chairs.is_empty(),
        "attendees" => !meeting.attendees.is_empty(),
        "speakers" => !meeting.speakers.is_empty(),
        "attendance" => !meeting.attendance.is_empty(),
        "directives" => !meeting.directives.is_empty(),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------
// Known gaps
// ---------------------------------------------------------------------------------------

/// A difference that is known and tolerated, as `known-gaps.json` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct KnownGap {
    /// The report's file name (`lop-boi-duong-chinh-tri.tcvn3.txt`).
    pub file: String,
    /// The fact kind, or `document`.
    pub kind: FactKind,
    /// The fact's text, as the difference names it.
    pub fact: String,
    /// The field that differs; `None` for a missing or extra fact.
    pub field: Option<String>,
    /// Why the program gets it wrong (for a person to read).
    pub why: String,
}

impl KnownGap {
    /// A gap for a difference in `file`.
    pub fn new(file: impl Into<String>, difference: &Difference, why: impl Into<String>) -> Self {
        KnownGap {
            file: file.into(),
            kind: difference.kind,
            fact: difference.fact.clone(),
            field: difference.field().map(str::to_string),
            why: why.into(),
        }
    }

    fn matches(&self, file: &str, difference: &Difference) -> bool {
        self.file == file
            && (self.kind, self.fact.as_str(), self.field.as_deref()) == difference.key()
    }
}

/// What `why` says for a gap nobody has reviewed.
pub const NOT_REVIEWED: &str = "not reviewed yet";

/// Reads a known-gaps file; a missing file is an empty list.
pub fn read_known_gaps(path: impl AsRef<Path>) -> Result<Vec<KnownGap>, CheckError> {
    let path = path.as_ref();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(CheckError::io(path, e)),
    };
    serde_json::from_str(&text).map_err(|e| CheckError::json(path, &text, &e))
}

/// Writes a known-gaps file (pretty JSON, one gap per object, a final newline).
pub fn write_known_gaps(path: impl AsRef<Path>, gaps: &[KnownGap]) -> Result<(), CheckError> {
    let path = path.as_ref();
    let mut text = serde_json::to_string_pretty(gaps)
        .map_err(|e| CheckError::invalid(path, "", e.to_string()))?;
    text.push('\n');
    std::fs::write(path, text).map_err(|e| CheckError::io(path, e))
}

// ---------------------------------------------------------------------------------------
// Expected files
// ---------------------------------------------------------------------------------------

/// The expected file as written: the document without `flatten`, so that serde_json's
/// position (and so the field named in an error) is the member at fault.
#[derive(Deserialize)]
struct ExpectedFile {
    schema_version: u32,
    id: String,
    #[serde(default)]
    encoding: Option<EncodingInfo>,
    #[serde(default)]
    reference_date: Option<Date>,
    #[serde(default)]
    facts: Option<Facts>,
    #[serde(default)]
    error: Option<DocumentError>,
}

/// Reads and validates an expected document: well-formed JSON of the contract, no unknown
/// members, schema version 1, unique ids, references that resolve, spans that are ranges.
pub fn read_expected(path: impl AsRef<Path>) -> Result<Document, CheckError> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|e| CheckError::io(path, e))?;
    parse_expected(path, &text)
}

fn parse_expected(path: &Path, text: &str) -> Result<Document, CheckError> {
    let file: ExpectedFile =
        serde_json::from_str(text).map_err(|e| CheckError::json(path, text, &e))?;
    if file.schema_version != SCHEMA_VERSION {
        return Err(CheckError::invalid(
            path,
            "schema_version",
            format!("expected {SCHEMA_VERSION}, found {}", file.schema_version),
        ));
    }
    let mut document = match (file.facts, file.error) {
        (Some(facts), None) => Document::with_facts(file.id, facts),
        (None, Some(error)) => Document::with_error(file.id, error),
        (Some(_), Some(_)) => {
            return Err(CheckError::invalid(
                path,
                "error",
                "a document has `facts` or `error`, not both",
            ));
        }
        (None, None) => {
            return Err(CheckError::invalid(
                path,
                "facts",
                "missing: a document has `facts` (or `error`)",
            ));
        }
    };
    document.encoding = file.encoding;
    document.reference_date = file.reference_date;
    // Members the model does not know (a misspelt "valeu") would be dropped silently.
    if let (Ok(original), Ok(read_back)) = (
        serde_json::from_str::<Value>(text),
        serde_json::to_value(&document),
    ) && let Some(field) = unknown_member(&original, &read_back, "")
    {
        return Err(CheckError::invalid(
            path,
            field,
            "unknown field (misspelt, or not in the JSON contract)",
        ));
    }
    if let Some(facts) = document.facts() {
        validate_facts(facts)
            .map_err(|(field, message)| CheckError::invalid(path, field, message))?;
    }
    Ok(document)
}

/// The path of the first member of `original` that `read_back` does not have (null members
/// aside: the model may skip writing them).
fn unknown_member(original: &Value, read_back: &Value, path: &str) -> Option<String> {
    match (original, read_back) {
        (Value::Object(o), Value::Object(r)) => {
            for (key, value) in o {
                let here = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match r.get(key) {
                    Some(inner) => {
                        if let Some(found) = unknown_member(value, inner, &here) {
                            return Some(found);
                        }
                    }
                    None if value.is_null() => {}
                    None => return Some(here),
                }
            }
            None
        }
        (Value::Array(o), Value::Array(r)) => o
            .iter()
            .zip(r)
            .enumerate()
            .find_map(|(i, (o, r))| unknown_member(o, r, &format!("{path}[{i}]"))),
        _ => None,
    }
}

/// Ids unique, references resolving to facts of the right kind, spans not inverted.
fn validate_facts(facts: &Facts) -> Result<(), (String, String)> {
    let mut ids: HashMap<&FactId, &'static str> = HashMap::new();
    let mut spans: Vec<(String, Span)> = Vec::new();
    let mut seen: Vec<(&FactId, &'static str, String)> = Vec::new();
    for (i, d) in facts.dates.iter().enumerate() {
        seen.push((&d.id, "dates", format!("facts.dates[{i}].id")));
        spans.push((format!("facts.dates[{i}].span"), d.span));
    }
    for (i, o) in facts.officials.iter().enumerate() {
        seen.push((&o.id, "officials", format!("facts.officials[{i}].id")));
        for (j, m) in o.mentions.iter().enumerate() {
            spans.push((format!("facts.officials[{i}].mentions[{j}]"), *m));
        }
    }
    for (i, au) in facts.authors.iter().enumerate() {
        spans.push((format!("facts.authors[{i}].span"), au.span));
    }
    for (i, g) in facts.organizations.iter().enumerate() {
        seen.push((
            &g.id,
            "organizations",
            format!("facts.organizations[{i}].id"),
        ));
        for (j, m) in g.mentions.iter().enumerate() {
            spans.push((format!("facts.organizations[{i}].mentions[{j}]"), *m));
        }
    }
    for (i, l) in facts.documents.iter().enumerate() {
        seen.push((&l.id, "documents", format!("facts.documents[{i}].id")));
        spans.push((format!("facts.documents[{i}].span"), l.span));
    }
    for (i, s) in facts.statistics.iter().enumerate() {
        let kind = match s {
            Statistic::Ratio(_) => "ratio",
            _ => "statistics",
        };
        seen.push((s.id(), kind, format!("facts.statistics[{i}].id")));
        spans.push((format!("facts.statistics[{i}].span"), s.span()));
    }
    for (i, c) in facts.counts.iter().enumerate() {
        seen.push((&c.id, "counts", format!("facts.counts[{i}].id")));
        spans.push((format!("facts.counts[{i}].span"), c.span));
    }
    for (i, m) in facts.money.iter().enumerate() {
        seen.push((&m.id, "money", format!("facts.money[{i}].id")));
        spans.push((format!("facts.money[{i}].span"), m.span));
    }
    for (i, u) in facts.durations.iter().enumerate() {
        seen.push((&u.id, "durations", format!("facts.durations[{i}].id")));
        spans.push((format!("facts.durations[{i}].span"), u.span));
    }
    for (id, kind, path) in seen {
        if ids.insert(id, kind).is_some() {
            return Err((path, format!("the id {id:?} is used twice")));
        }
    }
    for (path, span) in spans {
        if span.end < span.start || span.char_end < span.char_start {
            return Err((path, format!("an inverted span: {}", show_span(span))));
        }
    }
    let check = |path: String, id: &FactId, allowed: &[&str]| -> Result<(), (String, String)> {
        match ids.get(id) {
            Some(kind) if allowed.contains(kind) => Ok(()),
            Some(kind) => Err((
                path,
                format!(
                    "{id:?} is a fact of {kind}; expected one of {}",
                    allowed.join(", ")
                ),
            )),
            None => Err((path, format!("no fact has the id {id:?}"))),
        }
    };
    for (i, s) in facts.statistics.iter().enumerate() {
        if let Statistic::Percent(p) = s
            && let Some(id) = &p.states
        {
            check(format!("facts.statistics[{i}].states"), id, &["ratio"])?;
        }
    }
    for (i, w) in facts.warnings.iter().enumerate() {
        for (j, id) in w.facts.iter().enumerate() {
            let any = [
                "dates",
                "officials",
                "organizations",
                "documents",
                "ratio",
                "statistics",
                "counts",
                "money",
                "durations",
            ];
            check(format!("facts.warnings[{i}].facts[{j}]"), id, &any)?;
        }
    }
    if let Some(m) = &facts.meeting {
        if let Some(id) = &m.date {
            check("facts.meeting.date".into(), id, &["dates"])?;
        }
        let people = ["officials", "organizations"];
        for (name, list) in [
            ("organizers", &m.organizers),
            ("chairs", &m.chairs),
            ("attendees", &m.attendees),
            ("speakers", &m.speakers),
        ] {
            for (j, id) in list.iter().enumerate() {
                check(format!("facts.meeting.{name}[{j}]"), id, &people)?;
            }
        }
        for (j, id) in m.attendance.iter().enumerate() {
            check(
                format!("facts.meeting.attendance[{j}]"),
                id,
                &["counts", "ratio", "statistics"],
            )?;
        }
        for (j, d) in m.directives.iter().enumerate() {
            if let Some(id) = &d.speaker {
                check(
                    format!("facts.meeting.directives[{j}].speaker"),
                    id,
                    &["officials"],
                )?;
            }
        }
    }
    Ok(())
}

/// Checks that the text of every spanned fact is what its span covers in the report.
fn validate_against_report(
    path: &Path,
    facts: &Facts,
    report: &str,
    options: NormalizeOptions,
) -> Result<(), CheckError> {
    let covered = |span: Span| -> Option<String> {
        report
            .get(span.range())
            .map(|s| normalize_with(s, options).into_text())
    };
    let chars = crate::text::offsets::CharIndex::new(report);
    let check = |field: String, text: Option<&str>, span: Span| -> Result<(), CheckError> {
        let Some(slice) = covered(span) else {
            return Err(CheckError::invalid(
                path,
                field,
                format!(
                    "the span {} is not a range of the report ({} bytes) on char boundaries",
                    show_span(span),
                    report.len()
                ),
            ));
        };
        if chars.char_offset(span.start) != span.char_start
            || chars.char_offset(span.end) != span.char_end
        {
            return Err(CheckError::invalid(
                path,
                field,
                format!(
                    "char offsets do not match the byte offsets: {} should be chars {}..{}",
                    show_span(span),
                    chars.char_offset(span.start),
                    chars.char_offset(span.end)
                ),
            ));
        }
        if let Some(text) = text
            && slice != text
        {
            return Err(CheckError::invalid(
                path,
                field,
                format!("the span covers {slice:?}, the text is {text:?}"),
            ));
        }
        Ok(())
    };
    for (i, d) in facts.dates.iter().enumerate() {
        check(format!("facts.dates[{i}].span"), Some(&d.text), d.span)?;
    }
    for (i, o) in facts.officials.iter().enumerate() {
        for (j, m) in o.mentions.iter().enumerate() {
            check(format!("facts.officials[{i}].mentions[{j}]"), None, *m)?;
        }
    }
    for (i, au) in facts.authors.iter().enumerate() {
        // A byline in capitals ("QUANG THẮNG") records the name as a name is written ("Quang
        // Thắng"): the span must cover the name up to letter case.
        let field = format!("facts.authors[{i}].span");
        check(field.clone(), None, au.span)?;
        if let Some(slice) = covered(au.span)
            && slice.to_lowercase() != au.name.to_lowercase()
        {
            return Err(CheckError::invalid(
                path,
                field,
                format!("the span covers {slice:?}, the name is {:?}", au.name),
            ));
        }
    }
    for (i, g) in facts.organizations.iter().enumerate() {
        for (j, m) in g.mentions.iter().enumerate() {
            check(format!("facts.organizations[{i}].mentions[{j}]"), None, *m)?;
        }
    }
    for (i, l) in facts.documents.iter().enumerate() {
        check(format!("facts.documents[{i}].span"), Some(&l.text), l.span)?;
    }
    for (i, s) in facts.statistics.iter().enumerate() {
        let text = match s {
            Statistic::Ratio(r) => Some(r.text.as_str()),
            Statistic::Percent(p) => Some(p.text.as_str()),
        };
        check(format!("facts.statistics[{i}].span"), text, s.span())?;
    }
    for (i, c) in facts.counts.iter().enumerate() {
        check(format!("facts.counts[{i}].span"), Some(&c.text), c.span)?;
    }
    for (i, m) in facts.money.iter().enumerate() {
        check(format!("facts.money[{i}].span"), Some(&m.text), m.span)?;
    }
    for (i, u) in facts.durations.iter().enumerate() {
        check(format!("facts.durations[{i}].span"), Some(&u.text), u.span)?;
    }
    if let Some(m) = &facts.meeting {
        for (j, d) in m.directives.iter().enumerate() {
            check(
                format!("facts.meeting.directives[{j}].span"),
                Some(&d.text),
                d.span,
            )?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Encoded copies: expected spans moved from the original to the copy
// ---------------------------------------------------------------------------------------

/// The normalized position where a span starting (or ending) at `orig` in the input starts
/// (ends): the first position that maps at or past it. Binary search: the map is monotone.
fn to_normalized(normalized: &Normalized<'_>, orig: usize, end: bool) -> usize {
    let text = normalized.text();
    if normalized.offset_map().is_identity() {
        return orig.min(text.len());
    }
    let map = normalized.offset_map();
    let (mut lo, mut hi) = (0, text.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let at = if end {
            map.end_to_original(mid)
        } else {
            map.start_to_original(mid)
        };
        if at < orig {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    while lo < text.len() && !text.is_char_boundary(lo) {
        lo += 1;
    }
    lo
}

/// Every span of `facts`, for rewriting.
fn for_each_span(facts: &mut Facts, mut f: impl FnMut(&mut Span)) {
    facts.dates.iter_mut().for_each(|d| f(&mut d.span));
    for o in &mut facts.officials {
        o.mentions.iter_mut().for_each(&mut f);
    }
    facts.authors.iter_mut().for_each(|a| f(&mut a.span));
    for g in &mut facts.organizations {
        g.mentions.iter_mut().for_each(&mut f);
    }
    facts.documents.iter_mut().for_each(|l| f(&mut l.span));
    for s in &mut facts.statistics {
        match s {
            Statistic::Ratio(r) => f(&mut r.span),
            Statistic::Percent(p) => f(&mut p.span),
        }
    }
    facts.counts.iter_mut().for_each(|c| f(&mut c.span));
    facts.money.iter_mut().for_each(|m| f(&mut m.span));
    facts.durations.iter_mut().for_each(|u| f(&mut u.span));
    if let Some(m) = &mut facts.meeting {
        m.directives.iter_mut().for_each(|d| f(&mut d.span));
    }
}

/// Moves the spans of `facts` from the original's text to the copy's, through the
/// normalized text. `Err(byte)`: the normalized texts differ first at that byte.
fn move_spans(facts: &mut Facts, from: &Normalized<'_>, to: &Normalized<'_>) -> Result<(), usize> {
    let (a, b) = (from.text(), to.text());
    if a != b {
        let first = a
            .bytes()
            .zip(b.bytes())
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()));
        return Err(first);
    }
    for_each_span(facts, |span| {
        let start = to_normalized(from, span.start, false);
        let end = to_normalized(from, span.end, true).max(start);
        *span = to.span(start..end);
    });
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Checking a directory
// ---------------------------------------------------------------------------------------

/// The differences of one report.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct FileReport {
    /// The report's file name (`lop-boi-duong-chinh-tri.tcvn3.txt`).
    pub report: String,
    /// The expected file it was compared with.
    pub expected: PathBuf,
    /// Its differences, known gaps included.
    pub differences: Vec<Difference>,
}

impl FileReport {
    /// The differences no known gap tolerates.
    pub fn unlisted(&self) -> impl Iterator<Item = &Difference> {
        self.differences.iter().filter(|d| !d.is_known())
    }
}

/// The outcome of checking a directory: differences per report, known gaps that now pass,
/// and the counts for precision and recall per fact kind.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CheckReport {
    /// One entry per checked report, in file-name order.
    pub files: Vec<FileReport>,
    /// Counts per fact kind, summed over every checked report (micro-averaging).
    pub scores: BTreeMap<FactKind, Score>,
    /// Counts per field of the meeting record, summed over every checked report (see
    /// [`Comparison::meeting_fields`]).
    pub meeting_fields: BTreeMap<&'static str, Score>,
    /// Known gaps that no longer occur: remove them from `known-gaps.json`.
    pub stale_gaps: Vec<KnownGap>,
    /// Reports with no expected file, not checked.
    pub unchecked: Vec<String>,
}

impl CheckReport {
    /// Whether every difference is a known gap and every known gap still occurs.
    pub fn passed(&self) -> bool {
        self.stale_gaps.is_empty() && self.files.iter().all(|f| f.unlisted().next().is_none())
    }

    /// Every difference no known gap tolerates, with its report's file name.
    pub fn unlisted(&self) -> impl Iterator<Item = (&str, &Difference)> {
        self.files
            .iter()
            .flat_map(|f| f.unlisted().map(move |d| (f.report.as_str(), d)))
    }

    /// Counts over every kind.
    pub fn total(&self) -> Score {
        let mut total = Score::default();
        for score in self.scores.values() {
            total.add(*score);
        }
        total
    }

    /// The known-gaps list that makes this report pass: one gap per distinct difference,
    /// keeping the `why` of the `previous` gap with the same file, kind, fact and field, and
    /// [`NOT_REVIEWED`] for new ones.
    pub fn known_gaps(&self, previous: &[KnownGap]) -> Vec<KnownGap> {
        let mut seen = HashSet::new();
        let mut gaps = Vec::new();
        for file in &self.files {
            for d in &file.differences {
                let (kind, fact, field) = d.key();
                if !seen.insert((file.report.as_str(), kind, fact, field)) {
                    continue;
                }
                let why = previous
                    .iter()
                    .find(|g| g.matches(&file.report, d))
                    .map_or(NOT_REVIEWED, |g| g.why.as_str());
                gaps.push(KnownGap::new(file.report.clone(), d, why));
            }
        }
        gaps
    }

    /// The differences as text: each report with an unlisted difference, then its
    /// differences; with `known`, the tolerated ones too (marked with their `why`).
    pub fn render(&self, known: bool) -> String {
        let mut out = String::new();
        for file in &self.files {
            let unlisted = file.unlisted().count();
            let tolerated = file.differences.len() - unlisted;
            if unlisted == 0 && !(known && tolerated > 0) {
                continue;
            }
            let _ = writeln!(
                out,
                "{} (expected: {})",
                file.report,
                file.expected.display()
            );
            for d in &file.differences {
                match &d.known_gap {
                    None => {
                        let _ = writeln!(out, "  {d}");
                    }
                    Some(why) if known => {
                        let _ = writeln!(out, "  {d}  [known gap: {why}]");
                    }
                    Some(_) => {}
                }
            }
            if !known && tolerated > 0 {
                let _ = writeln!(out, "  (and {tolerated} known gaps)");
            }
        }
        for gap in &self.stale_gaps {
            let field = gap
                .field
                .as_deref()
                .map_or(String::new(), |f| format!(" field {f}"));
            let _ = writeln!(
                out,
                "gap now passes: remove it from known-gaps.json: {} {} {:?}{field}",
                gap.file, gap.kind, gap.fact
            );
        }
        for name in &self.unchecked {
            let _ = writeln!(out, "not checked (no expected file): {name}");
        }
        let all: usize = self.files.iter().map(|f| f.differences.len()).sum();
        let unlisted = self.unlisted().count();
        let _ = writeln!(
            out,
            "{} reports checked: {all} differences, {} of them known gaps, {unlisted} unlisted; {} known gaps now pass",
            self.files.len(),
            all - unlisted,
            self.stale_gaps.len()
        );
        out
    }

    /// Precision and recall per fact kind, as a table; then, when a meeting record was
    /// compared, the same for each of its fields.
    pub fn scores_table(&self) -> String {
        let show = |x: Option<f64>| x.map_or("-".to_string(), |x| format!("{x:.2}"));
        let row = |out: &mut String, name: &str, s: Score| {
            let _ = writeln!(
                out,
                "{name:<14} {:>8} {:>9} {:>7} {:>9} {:>6}",
                s.expected,
                s.actual,
                s.correct,
                show(s.precision()),
                show(s.recall())
            );
        };
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<14} {:>8} {:>9} {:>7} {:>9} {:>6}",
            "kind", "expected", "extracted", "correct", "precision", "recall"
        );
        for kind in FactKind::SCORED {
            let score = self.scores.get(&kind).copied().unwrap_or_default();
            row(&mut out, kind.as_str(), score);
        }
        row(&mut out, "all", self.total());
        if !self.meeting_fields.is_empty() {
            let _ = writeln!(out, "meeting record, field by field:");
            for name in MEETING_FIELDS {
                if let Some(score) = self.meeting_fields.get(name) {
                    row(&mut out, &format!("  {name}"), *score);
                }
            }
        }
        out
    }

    fn apply_gaps(&mut self, gaps: &[KnownGap]) {
        let mut index: HashMap<(&str, FactKind, &str, Option<&str>), usize> = HashMap::new();
        for (i, gap) in gaps.iter().enumerate() {
            index
                .entry((&gap.file, gap.kind, &gap.fact, gap.field.as_deref()))
                .or_insert(i);
        }
        let mut used = vec![false; gaps.len()];
        for file in &mut self.files {
            for d in &mut file.differences {
                let (kind, fact, field) = d.key();
                if let Some(&i) = index.get(&(file.report.as_str(), kind, fact, field)) {
                    if let Some(u) = used.get_mut(i) {
                        *u = true;
                    }
                    d.known_gap = gaps.get(i).map(|g| g.why.clone());
                }
            }
        }
        // A duplicate entry shares the fate of the first one with its key.
        self.stale_gaps = gaps
            .iter()
            .filter(|g| {
                index
                    .get(&(g.file.as_str(), g.kind, g.fact.as_str(), g.field.as_deref()))
                    .is_some_and(|&i| !used.get(i).copied().unwrap_or(false))
            })
            .cloned()
            .collect();
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))?;
        f.write_str(&self.scores_table())
    }
}

/// The reports of `dir/reports` (`*.txt`), by file name.
fn report_names(dir: &Path) -> Result<Vec<String>, CheckError> {
    let reports = dir.join("reports");
    let entries = std::fs::read_dir(&reports).map_err(|e| CheckError::io(&reports, e))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| CheckError::io(&reports, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") && entry.path().is_file() {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// The original a report is a copy of: `NAME` for `NAME.VARIANT.txt` when
/// `reports/NAME.txt` exists.
fn original_of(dir: &Path, name: &str) -> Option<String> {
    let stem = name.strip_suffix(".txt")?;
    let (base, _) = stem.split_once('.')?;
    let original = format!("{base}.txt");
    dir.join("reports")
        .join(&original)
        .is_file()
        .then_some(original)
}

/// The expected file of a report, and whether it is the original's (shared by a copy).
fn expected_of(dir: &Path, name: &str) -> Option<(PathBuf, bool)> {
    let stem = name.strip_suffix(".txt").unwrap_or(name);
    let own = dir.join("expected").join(format!("{stem}.json"));
    if own.is_file() {
        return Some((own, false));
    }
    let (base, _) = stem.split_once('.')?;
    let shared = dir.join("expected").join(format!("{base}.json"));
    shared.is_file().then_some((shared, true))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, CheckError> {
    std::fs::read(path).map_err(|e| CheckError::io(path, e))
}

/// Checks every report of `dir` with the default [`extractor`]; see the module docs.
pub fn check_dir(dir: impl AsRef<Path>) -> Result<CheckReport, CheckError> {
    check_dir_with(dir, &extractor())
}

/// Checks every report of `dir` with `extractor`, applying `dir/known-gaps.json`.
pub fn check_dir_with(
    dir: impl AsRef<Path>,
    extractor: &Extractor,
) -> Result<CheckReport, CheckError> {
    let dir = dir.as_ref();
    let gaps = read_known_gaps(dir.join("known-gaps.json"))?;
    let mut report = compare_dir(dir, extractor)?;
    report.apply_gaps(&gaps);
    Ok(report)
}

fn compare_dir(dir: &Path, extractor: &Extractor) -> Result<CheckReport, CheckError> {
    let mut report = CheckReport::default();
    let mut expected_cache: HashMap<PathBuf, Document> = HashMap::new();
    let reports = dir.join("reports");
    for name in report_names(dir)? {
        let Some((expected_path, shared)) = expected_of(dir, &name) else {
            report.unchecked.push(name);
            continue;
        };
        let bytes = read_bytes(&reports.join(&name))?;
        let id = format!("reports/{name}");
        let actual = extractor.document_from_bytes(id.clone(), &bytes);
        let mut expected = match expected_cache.get(&expected_path) {
            Some(document) => document.clone(),
            None => {
                let document = read_expected(&expected_path)?;
                expected_cache.insert(expected_path.clone(), document.clone());
                document
            }
        };
        expected.id = id;
        let decoded = decode(&bytes, extractor.decode).ok();
        let mut differences = Vec::new();
        if !shared {
            if let (Some(decoded), Some(facts)) = (&decoded, expected.facts()) {
                validate_against_report(&expected_path, facts, &decoded.text, extractor.normalize)?;
            }
        } else {
            // A copy: its encoding is its own; its spans are the original's, moved over.
            expected.encoding = None;
            let original = original_of(dir, &name)
                .map(|o| read_bytes(&reports.join(o)))
                .transpose()?;
            let original_text = original
                .as_deref()
                .and_then(|b| decode(b, extractor.decode).ok());
            if let (Some(from), Some(to), Outcome::Facts(facts)) =
                (&original_text, &decoded, &mut expected.outcome)
            {
                let from_n = normalize_with(&from.text, extractor.normalize);
                let to_n = normalize_with(&to.text, extractor.normalize);
                if let Err(at) = move_spans(facts, &from_n, &to_n) {
                    differences.push(Difference {
                        kind: FactKind::Document,
                        fact: format!("reports/{name}"),
                        span: None,
                        change: Change::Differs {
                            field: "normalized_text".to_string(),
                            expected: "the normalized text of the original".to_string(),
                            actual: format!("a text that differs from byte {at}"),
                        },
                        known_gap: None,
                    });
                }
            }
        }
        let comparison = compare(&expected, &actual);
        differences.extend(comparison.differences);
        for (kind, score) in comparison.scores {
            report.scores.entry(kind).or_default().add(score);
        }
        for (field, score) in comparison.meeting_fields {
            report.meeting_fields.entry(field).or_default().add(score);
        }
        report.files.push(FileReport {
            report: name,
            expected: expected_path,
            differences,
        });
    }
    Ok(report)
}

/// Rewrites `dir/known-gaps.json` with every difference of today's check (with the default
/// [`extractor`]), keeping the `why` of the gaps that remain; returns the new list.
pub fn update_known_gaps(dir: impl AsRef<Path>) -> Result<Vec<KnownGap>, CheckError> {
    update_known_gaps_with(dir, &extractor())
}

/// [`update_known_gaps`] with `extractor`.
pub fn update_known_gaps_with(
    dir: impl AsRef<Path>,
    extractor: &Extractor,
) -> Result<Vec<KnownGap>, CheckError> {
    let dir = dir.as_ref();
    let path = dir.join("known-gaps.json");
    let previous = read_known_gaps(&path)?;
    let report = compare_dir(dir, extractor)?;
    let gaps = report.known_gaps(&previous);
    write_known_gaps(&path, &gaps)?;
    Ok(gaps)
}

/// Writes today's output as the expected file of each report (`expected/NAME.json` for
/// `reports/NAME.txt`; encoded copies of an original are skipped: they share its file), for
/// a person to review. Returns the files written.
pub fn bless(dir: impl AsRef<Path>) -> Result<Vec<PathBuf>, CheckError> {
    bless_with(dir, &extractor())
}

/// [`bless`] with `extractor`.
pub fn bless_with(
    dir: impl AsRef<Path>,
    extractor: &Extractor,
) -> Result<Vec<PathBuf>, CheckError> {
    let dir = dir.as_ref();
    let expected_dir = dir.join("expected");
    std::fs::create_dir_all(&expected_dir).map_err(|e| CheckError::io(&expected_dir, e))?;
    let mut written = Vec::new();
    for name in report_names(dir)? {
        let stem = name.strip_suffix(".txt").unwrap_or(&name);
        let own = expected_dir.join(format!("{stem}.json"));
        if original_of(dir, &name).is_some() && !own.is_file() {
            continue;
        }
        let bytes = read_bytes(&dir.join("reports").join(&name))?;
        let document = extractor.document_from_bytes(format!("reports/{name}"), &bytes);
        let mut text = serde_json::to_string_pretty(&document)
            .map_err(|e| CheckError::invalid(&own, "", e.to_string()))?;
        text.push('\n');
        std::fs::write(&own, text).map_err(|e| CheckError::io(&own, e))?;
        written.push(own);
    }
    Ok(written)
}
