//! Facts from Vietnamese meeting reports, as typed values.
//!
//! vietfacts reads Vietnamese meeting reports and the news about them and returns the facts
//! in them: when (dates and time expressions, resolved), who (officials with their titles,
//! authors), how much (ratios, percentages, counts, money), and the meeting itself. It
//! normalizes the text first (Unicode forms, tone-mark placement, look-alike letters,
//! spacing) and keeps every span pointing at the caller's original text.
//!
//! # Overview
//!
//! ```text
//! bytes ──decode──▶ &str ──normalize──▶ Normalized ──extractors──▶ Facts ──▶ JSON / JSONL
//! ```
//!
//! - [`text::decode`] turns bytes into text (UTF-8, UTF-16 with a byte-order mark, the legacy
//!   Vietnamese encodings), with an [`Error`] that names the byte offset when it cannot.
//! - [`normalize`] puts the text in one form and keeps an offset map back to the input.
//! - [`extract`] (or an [`Extractor`] with options) returns [`facts::Facts`]. Extraction
//!   never fails and never panics, whatever the `&str`.
//! - [`number`] reads Vietnamese numerals: `17.279` → 17279, `95,45` → 95.45.
//!
//! # Usage
//!
//! ```
//! use vietfacts::{normalize, Extractor};
//!
//! // Normalization: NFD letters composed, the traditional tone style, spaces collapsed.
//! let input = "Ho\u{300}a  Bi\u{300}nh, Thành uỷ";
//! let normalized = normalize(input);
//! assert_eq!(normalized.text(), "Hòa Bình, Thành ủy");
//! // Every span points at the caller's text.
//! let span = normalized.span(0..4);
//! assert_eq!(&input[span.range()], "Ho\u{300}a");
//!
//! // Extraction: a document per input, as the JSON contract describes.
//! let extractor = Extractor::new().reference_date("2024-01-11".parse().ok());
//! let document = extractor.document("example", "Sáng 11-1, tại hội trường tầng 3, ...");
//! assert_eq!(document.schema_version, vietfacts::facts::SCHEMA_VERSION);
//! let json = serde_json::to_string(&document).unwrap();
//! assert!(json.contains("\"reference_date\":\"2024-01-11\""));
//! ```
//!
//! # Closed vocabularies
//!
//! Every closed vocabulary of the JSON contract is an enum in [`facts`] with an `other`
//! member, serialized in snake_case: [`facts::Granularity`], [`facts::DateKind`],
//! [`facts::PartOfDay`], [`facts::DateModifier`], [`facts::Calendar`],
//! [`facts::PercentRole`], [`facts::CountCategory`], [`facts::Qualifier`],
//! [`facts::Currency`] (ISO codes), [`facts::DurationUnit`], [`facts::WarningKind`],
//! [`facts::MeetingKind`], [`facts::ErrorKind`].
//!
//! # Crate features
//!
//! - `cli` (default): the `vietfacts` command-line tool and its dependencies (clap, rayon,
//!   csv, indicatif). Library users who do not need it depend with
//!   `default-features = false`.
//! - `html` (on with `cli`): [`html::render`], a self-contained page of a report with every
//!   fact highlighted in place.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod check;
pub mod date;
mod error;
mod extract;
pub mod facts;
#[cfg(feature = "html")]
pub mod html;
pub mod number;
pub mod summary;
pub mod table;
pub mod text;
pub mod timex;

pub use error::Error;

// The README's examples compile and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
pub use text::normalize::{NormalizeOptions, Normalized, normalize, normalize_with};
pub use text::tone::ToneStyle;

use date::Date;
use facts::{Document, Facts};
use text::decode::{DecodeOptions, decode};

/// Which extractors run. All of them by default; turning some off makes extraction faster
/// when only some facts are needed (the meeting record links to the others' facts, so it is
/// poorer without them).
///
/// ```
/// use vietfacts::{Extractor, Kinds};
///
/// let only_dates = Extractor::new().kinds(Kinds::NONE.dates(true));
/// let facts = only_dates.extract("Sáng 11-1, hội nghị tổng kết năm 2023 có 117/120 khu dân cư đạt chuẩn.");
/// assert!(!facts.dates.is_empty());
/// assert!(facts.statistics.is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Kinds {
    /// Dates and time expressions.
    pub dates: bool,
    /// Officials, authors, organizations, cited documents.
    pub people: bool,
    /// Ratios, percentages, counts, money, durations, consistency warnings.
    pub figures: bool,
    /// The meeting record.
    pub meeting: bool,
}

impl Kinds {
    /// Every extractor.
    pub const ALL: Kinds = Kinds {
        dates: true,
        people: true,
        figures: true,
        meeting: true,
    };

    /// No extractor (set the ones you want).
    pub const NONE: Kinds = Kinds {
        dates: false,
        people: false,
        figures: false,
        meeting: false,
    };

    /// Set [`Kinds::dates`].
    pub const fn dates(mut self, on: bool) -> Kinds {
        self.dates = on;
        self
    }

    /// Set [`Kinds::people`].
    pub const fn people(mut self, on: bool) -> Kinds {
        self.people = on;
        self
    }

    /// Set [`Kinds::figures`].
    pub const fn figures(mut self, on: bool) -> Kinds {
        self.figures = on;
        self
    }

    /// Set [`Kinds::meeting`].
    pub const fn meeting(mut self, on: bool) -> Kinds {
        self.meeting = on;
        self
    }
}

impl Default for Kinds {
    fn default() -> Kinds {
        Kinds::ALL
    }
}

/// Extracts facts with a set of options. `Extractor::new()` is the default configuration.
///
/// The input goes to the method, not the constructor, so one extractor serves any number of
/// texts (and threads: it is `Sync`).
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    reference_date: Option<Date>,
    normalize: NormalizeOptions,
    decode: DecodeOptions,
    /// The people extractor's lexicons with an analyst's extra files; `None`: built in.
    lexicons: Option<std::sync::Arc<extract::Lexicons>>,
    kinds: Kinds,
}

impl Extractor {
    /// The default configuration: no reference date, default normalization, encoding
    /// detection without lossy replacement.
    pub const fn new() -> Extractor {
        Extractor {
            reference_date: None,
            normalize: NormalizeOptions::new(),
            decode: DecodeOptions::new(),
            lexicons: None,
            kinds: Kinds::ALL,
        }
    }

    /// The date texts are read against ("hôm nay", a year-less "Sáng 11-1"); a dateline in a
    /// text is used when none is given.
    pub const fn reference_date(mut self, date: Option<Date>) -> Extractor {
        self.reference_date = date;
        self
    }

    /// How text is normalized before extraction.
    pub const fn normalize_options(mut self, options: NormalizeOptions) -> Extractor {
        self.normalize = options;
        self
    }

    /// Which extractors run (all by default).
    pub const fn kinds(mut self, kinds: Kinds) -> Extractor {
        self.kinds = kinds;
        self
    }

    /// How bytes are decoded by [`Extractor::document_from_bytes`].
    pub const fn decode_options(mut self, options: DecodeOptions) -> Extractor {
        self.decode = options;
        self
    }

    /// Adds an analyst's lexicon files to the built-in ones: the files of `dir` named like
    /// the built-in lexicons (`surnames.txt`, `roles.txt`, `organizations.txt`,
    /// `abbreviations.txt`, `honorifics.txt`, `clause_verbs.txt`,
    /// `legal_document_types.txt`, `not_names.txt`), in the same format, extend or override
    /// them. Missing files are skipped; a file that cannot be read is an error naming it.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("vietfacts-doc-lexicon");
    /// std::fs::create_dir_all(&dir)?;
    /// std::fs::write(dir.join("surnames.txt"), "Khổng\n")?;
    /// let extractor = vietfacts::Extractor::new().lexicon_dir(&dir)?;
    /// # let _ = extractor;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lexicon_dir(mut self, dir: impl AsRef<std::path::Path>) -> Result<Extractor, Error> {
        let dir = dir.as_ref();
        if !dir.is_dir() {
            return Err(Error::io(
                dir,
                std::io::Error::new(std::io::ErrorKind::NotFound, "no such lexicon directory"),
            ));
        }
        let lexicons = extract::Lexicons::with_dir(dir).map_err(|e| Error::io(dir, e))?;
        self.lexicons = Some(std::sync::Arc::new(lexicons));
        Ok(self)
    }

    /// The facts in `text`. Never fails and never panics.
    pub fn extract(&self, text: &str) -> Facts {
        self.run(normalize_with(text, self.normalize)).facts
    }

    fn run(&self, normalized: Normalized<'_>) -> extract::Extraction {
        extract::extract(
            normalized,
            self.reference_date,
            self.lexicons.as_deref(),
            self.kinds,
        )
    }

    /// A [`Document`] for `text`, under the caller's `id`. Its `reference_date` is the one
    /// given to the extractor, or else a dateline found in the text.
    pub fn document(&self, id: impl Into<String>, text: &str) -> Document {
        let extraction = self.run(normalize_with(text, self.normalize));
        let mut document = Document::with_facts(id, extraction.facts);
        document.reference_date = extraction.reference_date;
        document
    }

    /// A [`Document`] for `bytes`: decoded, then extracted; bytes that cannot be decoded give
    /// a document with an error naming the offset.
    pub fn document_from_bytes(&self, id: impl Into<String>, bytes: &[u8]) -> Document {
        match decode(bytes, self.decode) {
            Ok(decoded) => {
                let extraction = self.run(normalize_with(&decoded.text, self.normalize));
                let mut document = Document::with_facts(id, extraction.facts);
                document.reference_date = extraction.reference_date;
                document.encoding = Some(decoded.encoding);
                document
            }
            Err(error) => Document::with_error(id, error.to_document_error()),
        }
    }
}

/// The facts in `text`, with the default options.
///
/// ```
/// let facts = vietfacts::extract("Sáng 11-1, tại hội trường tầng 3, ...");
/// assert!(facts.warnings.is_empty());
/// ```
pub fn extract(text: &str) -> Facts {
    Extractor::new().extract(text)
}
