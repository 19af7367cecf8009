//! The typed result model: what [`extract`](crate::extract) returns and what the CLI prints.
//!
//! The JSON shape of these types is the contract of schema version [`SCHEMA_VERSION`]; a JSON
//! Schema for it ships in the repository (`schema/vietfacts-1.schema.json`) and a test checks
//! the serialized output against it.
//!
//! Conventions shared by every fact:
//!
//! - `text` is the surface as it stands in the normalized text; expanded forms go in
//!   `canonical`.
//! - `span` points into the caller's text (the decoded `&str`), never into the normalized
//!   text: [`Span::start`]/[`Span::end`] are byte offsets, [`Span::char_start`]/
//!   [`Span::char_end`] are offsets in Unicode scalar values (what Python's `str` and pandas
//!   index by).
//! - Facts refer to each other by [`FactId`] (`d1`, `o1`, `s1`, ...), unique within a
//!   document.
//! - Numbers are JSON numbers, already converted from Vietnamese notation (`17.279` → 17279,
//!   `95,45` → 95.45): see [`Numeral`].
//! - Closed vocabularies are snake_case enums with an `other` member.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use crate::number::Numeral;

/// The version of the JSON contract these types serialize to.
pub const SCHEMA_VERSION: u32 = 1;

/// One input and what was found in it, or why it could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// Always [`SCHEMA_VERSION`] when produced by this version of the library.
    pub schema_version: u32,
    /// The input's identity: its path, `-` for standard input, or the caller's id.
    pub id: String,
    /// How the input's bytes were decoded; `None` when the caller passed text, not bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<EncodingInfo>,
    /// The date the text is read against (given by the caller, or a dateline found in the
    /// text), as `YYYY-MM-DD`; `None` when there is none.
    #[serde(default)]
    pub reference_date: Option<crate::date::Date>,
    /// The facts, or the error that kept the input from being read.
    #[serde(flatten)]
    pub outcome: Outcome,
}

impl Document {
    /// A document holding facts.
    pub fn with_facts(id: impl Into<String>, facts: Facts) -> Document {
        Document {
            schema_version: SCHEMA_VERSION,
            id: id.into(),
            encoding: None,
            reference_date: None,
            outcome: Outcome::Facts(Box::new(facts)),
        }
    }

    /// A document recording why an input could not be read.
    pub fn with_error(id: impl Into<String>, error: DocumentError) -> Document {
        Document {
            schema_version: SCHEMA_VERSION,
            id: id.into(),
            encoding: None,
            reference_date: None,
            outcome: Outcome::Error(error),
        }
    }

    /// The facts, when the input could be read.
    pub fn facts(&self) -> Option<&Facts> {
        match &self.outcome {
            Outcome::Facts(facts) => Some(facts.as_ref()),
            Outcome::Error(_) => None,
        }
    }

    /// The error, when the input could not be read.
    pub fn error(&self) -> Option<&DocumentError> {
        match &self.outcome {
            Outcome::Facts(_) => None,
            Outcome::Error(error) => Some(error),
        }
    }
}

/// Either the facts of a document or the error that kept it from being read. In JSON this is
/// a `"facts"` or an `"error"` member of the document object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Outcome {
    /// The input was read; these are its facts.
    #[serde(rename = "facts")]
    Facts(Box<Facts>),
    /// The input could not be read.
    #[serde(rename = "error")]
    Error(DocumentError),
}

/// Why an input could not be read, as the JSON contract records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentError {
    /// What went wrong, as a closed vocabulary.
    pub kind: ErrorKind,
    /// The byte offset in the input where decoding failed, when that is what went wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<usize>,
    /// A sentence a person can read.
    pub message: String,
}

impl DocumentError {
    /// An error of `kind` with a message a person can read.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> DocumentError {
        DocumentError {
            kind,
            offset: None,
            message: message.into(),
        }
    }
}

/// The kinds of [`DocumentError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not valid in the encoding that was asked for or detected.
    InvalidEncoding,
    /// The file does not exist.
    NotFound,
    /// The file exists but could not be read (permissions, a directory, a device error).
    Io,
    /// A record of a JSON Lines input that is not an object with a string `text`.
    InvalidInput,
    /// The input looks like a binary file (NUL bytes), not text.
    Binary,
    /// The input is over the size limit.
    TooLarge,
    /// Anything else.
    Other,
}

/// How an input's bytes were decoded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EncodingInfo {
    /// The encoding used.
    pub name: EncodingName,
    /// How sure the decoder is, from 0.0 to 1.0: 1.0 for valid UTF-8 or a byte-order mark.
    pub confidence: f64,
}

/// The encodings the decoder knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum EncodingName {
    /// UTF-8, with or without a byte-order mark.
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-16, little-endian.
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian.
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// Windows-1258.
    #[serde(rename = "cp1258")]
    Cp1258,
    /// TCVN3 (ABC), the .VnTime font encoding.
    #[serde(rename = "tcvn3")]
    Tcvn3,
    /// VNI-Windows, the VNI-Times font encoding.
    #[serde(rename = "vni")]
    Vni,
}

impl EncodingName {
    /// The name used in JSON and on the command line.
    pub const fn as_str(self) -> &'static str {
        match self {
            EncodingName::Utf8 => "utf-8",
            EncodingName::Utf16Le => "utf-16le",
            EncodingName::Utf16Be => "utf-16be",
            EncodingName::Cp1258 => "cp1258",
            EncodingName::Tcvn3 => "tcvn3",
            EncodingName::Vni => "vni",
        }
    }
}

impl std::fmt::Display for EncodingName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a fact stands in the caller's text.
///
/// `start..end` are byte offsets on char boundaries (`&input[span.start..span.end]` in Rust);
/// `char_start..char_end` count Unicode scalar values (Python's `str` indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// Offset of the first char, in chars.
    pub char_start: usize,
    /// Offset just past the last char, in chars.
    pub char_end: usize,
}

impl Span {
    /// A span from byte and char offsets.
    pub const fn new(start: usize, end: usize, char_start: usize, char_end: usize) -> Span {
        Span {
            start,
            end,
            char_start,
            char_end,
        }
    }

    /// The byte range, for slicing the caller's text.
    pub const fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Whether the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }
}

/// The id of a fact within its document: a kind letter and a number (`d1`, `o2`, `s3`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FactId(pub String);

impl FactId {
    /// The id made of a kind prefix and a 1-based number: `FactId::new('d', 1)` is `d1`.
    pub fn new(prefix: char, number: usize) -> FactId {
        FactId(format!("{prefix}{number}"))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for FactId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Everything found in one document, each kind ordered by span start.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Facts {
    /// The meeting the report is about; `None` when it is not about a meeting.
    #[serde(default)]
    pub meeting: Option<Meeting>,
    /// Dates and time expressions.
    #[serde(default)]
    pub dates: Vec<DateFact>,
    /// Named officials with their titles and every mention of them.
    #[serde(default)]
    pub officials: Vec<Official>,
    /// The report's authors (its byline).
    #[serde(default)]
    pub authors: Vec<Author>,
    /// Organizations named in the report.
    #[serde(default)]
    pub organizations: Vec<Organization>,
    /// Cited legal documents.
    #[serde(default)]
    pub documents: Vec<LegalDocument>,
    /// Ratios and percentages.
    #[serde(default)]
    pub statistics: Vec<Statistic>,
    /// Counted things.
    #[serde(default)]
    pub counts: Vec<Count>,
    /// Amounts of money.
    #[serde(default)]
    pub money: Vec<Money>,
    /// Lengths of time.
    #[serde(default)]
    pub durations: Vec<Duration>,
    /// Places where the report's own facts disagree.
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

impl Facts {
    /// Whether nothing at all was found.
    pub fn is_empty(&self) -> bool {
        self.meeting.is_none()
            && self.dates.is_empty()
            && self.officials.is_empty()
            && self.authors.is_empty()
            && self.organizations.is_empty()
            && self.documents.is_empty()
            && self.statistics.is_empty()
            && self.counts.is_empty()
            && self.money.is_empty()
            && self.durations.is_empty()
            && self.warnings.is_empty()
    }
}

/// A date or time expression and the value it resolves to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DateFact {
    /// `d1`, `d2`, ...
    pub id: FactId,
    /// The expression as written.
    pub text: String,
    /// Where it stands.
    pub span: Span,
    /// The TIMEX3 / ISO 8601 (EDTF) value: `2024-01-11`, `2024-01`, `2023`, `2024-Q1`,
    /// `2024-H1`, a range `2020/2025`, `XXXX-01-11` when the year is unknown; `None` for a
    /// vague or recurring expression. Serialized as its TIMEX3 string.
    pub value: Option<crate::timex::Timex>,
    /// The unit of the value.
    pub granularity: Granularity,
    /// What sort of time expression it is.
    pub kind: DateKind,
    /// "sáng", "chiều", ... when the expression names one.
    #[serde(default)]
    pub part_of_day: Option<PartOfDay>,
    /// "đầu", "giữa", "cuối" (start, middle, end) when the expression has one.
    #[serde(default)]
    pub modifier: Option<DateModifier>,
    /// The calendar the expression is written in.
    pub calendar: Calendar,
    /// Whether the year was not written and was inferred.
    pub year_inferred: bool,
}

/// The unit of a date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Granularity {
    /// A calendar day.
    Day,
    /// An ISO 8601 week (`2025-W09`).
    Week,
    /// A month.
    Month,
    /// A quarter (`2024-Q1`).
    Quarter,
    /// A half year (`2024-H1`).
    Half,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A range between two values.
    Range,
    /// A time of day.
    Time,
    /// Anything else.
    Other,
}

/// What sort of time expression a [`DateFact`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateKind {
    /// One point or unit of time.
    Point,
    /// A period between two points ("nhiệm kỳ 2020-2025").
    Range,
    /// An academic year ("năm học 2023-2024").
    AcademicYear,
    /// A vague expression with no value ("thời gian tới").
    Vague,
    /// A recurring expression with no single value ("hằng năm", "đầu tháng").
    Recurring,
    /// Anything else.
    Other,
}

/// The part of the day an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PartOfDay {
    /// "sáng".
    Morning,
    /// "trưa".
    Noon,
    /// "chiều".
    Afternoon,
    /// "tối".
    Evening,
    /// "đêm".
    Night,
    /// Anything else.
    Other,
}

/// A modifier on a date: "đầu năm", "giữa năm", "cuối năm", "trước ngày", "đến năm".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateModifier {
    /// "đầu": the start of the unit.
    Start,
    /// "giữa": the middle of the unit.
    Mid,
    /// "cuối": the end of the unit.
    End,
    /// "trước": before the value ("trước ngày 30/6/2024").
    Before,
    /// "sau": after the value ("sau ngày 15/3").
    After,
    /// "đến năm": on or before the value, a target or deadline ("đến năm 2030").
    By,
    /// "đến ngày", "tính đến": up to and including the value ("đến ngày 30/6/2024").
    Until,
    /// Anything else.
    Other,
}

/// The calendar an expression is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Calendar {
    /// The solar (Gregorian) calendar.
    Gregorian,
    /// The lunar calendar ("âm lịch", "Tết Nguyên đán"); values are not converted.
    Lunar,
    /// Anything else.
    Other,
}

/// A named official.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Official {
    /// `o1`, `o2`, ...
    pub id: FactId,
    /// The person's full name.
    pub name: String,
    /// How the text addresses them ("đồng chí", "ông", "bà", a rank), when it does.
    #[serde(default)]
    pub honorific: Option<String>,
    /// Every title the document gives them, without duplicates.
    #[serde(default)]
    pub titles: Vec<Title>,
    /// Every mention: by name, and by title alone where it resolves to them.
    #[serde(default)]
    pub mentions: Vec<Span>,
}

/// A title: a role in an organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Title {
    /// The title as written ("UVBTV Thành ủy").
    pub text: String,
    /// The title with abbreviations expanded ("Ủy viên Ban Thường vụ Thành ủy").
    pub canonical: String,
    /// The role, in its lexicon spelling ("Ủy viên Ban Thường vụ").
    #[serde(default)]
    pub role: Option<String>,
    /// The organization, in its lexicon spelling ("Thành ủy").
    #[serde(default)]
    pub organization: Option<String>,
}

/// An author of the report, from its byline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Author {
    /// The name as the byline gives it.
    pub name: String,
    /// Where it stands.
    pub span: Span,
}

/// An organization named in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Organization {
    /// `g1`, `g2`, ...
    pub id: FactId,
    /// The name as first written.
    pub text: String,
    /// The name with abbreviations expanded, in its lexicon spelling.
    pub canonical: String,
    /// Every mention.
    #[serde(default)]
    pub mentions: Vec<Span>,
}

/// A cited legal document ("Nghị quyết số 35-NQ/TW").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LegalDocument {
    /// `l1`, `l2`, ...
    pub id: FactId,
    /// The citation as written.
    pub text: String,
    /// The document type, lower case ("nghị quyết", "quyết định").
    #[serde(rename = "type")]
    pub doc_type: String,
    /// Its number ("35", "1234").
    #[serde(default)]
    pub number: Option<String>,
    /// The issuer code: what follows the document-type code ("TW" in "35-NQ/TW", "UBND" in
    /// "1234/QĐ-UBND", "CP" in "100/2019/NĐ-CP").
    #[serde(default)]
    pub issuer: Option<String>,
    /// Its date or year where written, as a TIMEX3 value.
    #[serde(default)]
    pub date: Option<String>,
    /// Where it stands.
    pub span: Span,
}

/// A ratio or a percentage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Statistic {
    /// "117/120", "17.279/18.121 hộ", "48 trên 50".
    Ratio(Ratio),
    /// "95,45%", "12 phần trăm".
    Percent(Percent),
}

impl Statistic {
    /// The statistic's id.
    pub fn id(&self) -> &FactId {
        match self {
            Statistic::Ratio(ratio) => &ratio.id,
            Statistic::Percent(percent) => &percent.id,
        }
    }

    /// Where the statistic stands.
    pub fn span(&self) -> Span {
        match self {
            Statistic::Ratio(ratio) => ratio.span,
            Statistic::Percent(percent) => percent.span,
        }
    }
}

/// A ratio of two counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Ratio {
    /// `s1`, `s2`, ...
    pub id: FactId,
    /// The ratio as written.
    pub text: String,
    /// Where it stands.
    pub span: Span,
    /// The part.
    pub numerator: Numeral,
    /// The whole.
    pub denominator: Numeral,
    /// `numerator / denominator` in percent, rounded to two decimals; `None` when the
    /// denominator is zero.
    pub percent: Option<f64>,
    /// What is counted ("hộ gia đình", "chỉ tiêu").
    #[serde(default)]
    pub subject: Option<String>,
}

/// A percentage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Percent {
    /// `s1`, `s2`, ...
    pub id: FactId,
    /// The percentage as written.
    pub text: String,
    /// Where it stands.
    pub span: Span,
    /// The figure, in percent (95,45% → 95.45).
    pub value: Numeral,
    /// What the figure says.
    pub role: PercentRole,
    /// What it is a percentage of.
    #[serde(default)]
    pub subject: Option<String>,
    /// The ratio this percentage states, when the text gives both.
    #[serde(default)]
    pub states: Option<FactId>,
}

/// What a percentage says.
///
/// Richer than "level or change": an analyst comparing reports needs to tell a share of a
/// whole from a share of a plan, a comparison with last year from a yearly rate, and a goal
/// from a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PercentRole {
    /// A rate reached ("đạt 95,45%", "100% chi bộ", "tỷ lệ hộ nghèo còn 2,14%").
    Level,
    /// A part of a whole ("chiếm 30%", "98,7% số hộ").
    Share,
    /// A share of a plan or estimate ("bằng 105% kế hoạch", "đạt 102% dự toán").
    OfPlan,
    /// An excess over a plan ("vượt 5% kế hoạch").
    AbovePlan,
    /// A level against a reference period ("bằng 112,4% cùng kỳ").
    OfReference,
    /// A rise ("tăng 12% so với cùng kỳ").
    Increase,
    /// A fall ("giảm 3,2%").
    Decrease,
    /// A rate per period ("9,2%/năm").
    Rate,
    /// A goal ("phấn đấu đạt 9%", "mục tiêu ... 100% ...").
    Target,
    /// A floor or ceiling ("từ 95,65% trở lên").
    Threshold,
    /// Anything else.
    Other,
}

/// A number of counted things ("trên 210 văn bản").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Count {
    /// `c1`, `c2`, ...
    pub id: FactId,
    /// The count as written.
    pub text: String,
    /// Where it stands.
    pub span: Span,
    /// How many.
    pub value: Numeral,
    /// The counted noun as written ("văn bản", "lượt học viên").
    pub unit: String,
    /// What kind of thing is counted.
    pub category: CountCategory,
    /// How exact the figure is.
    pub qualifier: Qualifier,
    /// What one such figure is per, when it is a rate ("mỗi học viên viết 01 bài": "học viên");
    /// absent for a total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
}

/// What kind of thing a [`Count`] counts. The units of each category are the data file
/// `src/lexicon/count_units.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CountCategory {
    /// Văn bản, nghị quyết, kế hoạch, báo cáo, tờ trình, tin, bài...
    Document,
    /// Lớp, khóa.
    Class,
    /// Buổi, cuộc, hội nghị, đợt, kỳ họp.
    Session,
    /// Học viên, đại biểu, lượt người, lượt du khách: people taking part.
    Participant,
    /// Người, đồng chí, lao động, đối tượng: people counted for themselves.
    Person,
    /// Tập thể.
    Collective,
    /// Cá nhân.
    Individual,
    /// Hộ, hộ gia đình.
    Household,
    /// Khu dân cư, thôn, tổ dân phố.
    ResidentialArea,
    /// Xã, phường, thị trấn, huyện.
    AdministrativeUnit,
    /// Nhà văn hóa, công trình, trường, căn nhà.
    Facility,
    /// Chỉ tiêu.
    Target,
    /// Đảng viên.
    PartyMember,
    /// Đơn vị, cơ sở, chi bộ, đảng bộ, doanh nghiệp.
    Organization,
    /// Vụ, trường hợp (incidents, violations).
    Case,
    /// Phương tiện, xe.
    Vehicle,
    /// Tác phẩm (journalistic or artistic works).
    Work,
    /// Giải.
    Prize,
    /// Suất quà, suất học bổng.
    Gift,
    /// Lễ hội, sự kiện.
    Event,
    /// Con (livestock).
    Animal,
    /// Trang.
    Page,
    /// Ha, m2, km2.
    Area,
    /// Km, m.
    Length,
    /// Anything else.
    Other,
}

/// How exact a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// As written.
    Exact,
    /// "trên", "hơn".
    MoreThan,
    /// "dưới", "chưa đến".
    LessThan,
    /// "gần".
    Almost,
    /// "khoảng", "chừng", "xấp xỉ": a rounded figure.
    Approximately,
    /// "ước", "ước đạt", "ước tính", "dự kiến": a provisional figure, to be confirmed.
    Estimated,
    /// "ít nhất", "tối thiểu".
    AtLeast,
    /// "không quá", "tối đa".
    AtMost,
    /// Anything else.
    Other,
}

/// An amount of money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Money {
    /// `m1`, `m2`, ...
    pub id: FactId,
    /// The amount as written.
    pub text: String,
    /// Where it stands.
    pub span: Span,
    /// The amount in units of the currency ("1.250 tỷ đồng" → 1250000000000).
    pub value: Numeral,
    /// The currency.
    pub currency: Currency,
    /// How exact the figure is.
    pub qualifier: Qualifier,
    /// What the money is for, where the sentence says ("thu ngân sách").
    #[serde(default)]
    pub subject: Option<String>,
    /// What the amount is per, when it is a rate ("50 triệu đồng/căn": "căn"; "mỗi hộ 40 triệu
    /// đồng": "hộ"); absent for a total. Summing amounts that have one gives nonsense.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
}

/// A currency, by its ISO 4217 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Currency {
    /// Vietnamese đồng.
    #[serde(rename = "VND")]
    Vnd,
    /// US dollar.
    #[serde(rename = "USD")]
    Usd,
    /// Euro.
    #[serde(rename = "EUR")]
    Eur,
    /// Chinese yuan.
    #[serde(rename = "CNY")]
    Cny,
    /// Japanese yen.
    #[serde(rename = "JPY")]
    Jpy,
    /// South Korean won.
    #[serde(rename = "KRW")]
    Krw,
    /// Anything else.
    #[serde(rename = "other")]
    Other,
}

/// A length of time ("10 năm", "trong 3 ngày"), which is never a count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Duration {
    /// `u1`, `u2`, ...
    pub id: FactId,
    /// The duration as written.
    pub text: String,
    /// Where it stands.
    pub span: Span,
    /// How many units.
    pub value: Numeral,
    /// The unit.
    pub unit: DurationUnit,
}

/// The unit of a [`Duration`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DurationUnit {
    /// Năm.
    Year,
    /// Tháng.
    Month,
    /// Tuần.
    Week,
    /// Ngày.
    Day,
    /// Giờ, tiếng.
    Hour,
    /// Phút.
    Minute,
    /// Anything else.
    Other,
}

/// A place where the report's own figures disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Warning {
    /// What disagrees.
    pub kind: WarningKind,
    /// The ids of the facts involved.
    pub facts: Vec<FactId>,
    /// A sentence a person can read.
    pub message: String,
}

/// The kinds of [`Warning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A stated percent differs from its ratio's quotient by more than rounding allows.
    PercentMismatch,
    /// A numerator above its denominator where the text says it was reached.
    NumeratorAboveDenominator,
    /// A share above 100 %.
    ShareAboveHundred,
    /// Parts that add up to more than their stated total.
    PartsExceedTotal,
    /// A title-only mention that could refer to more than one official.
    AmbiguousReference,
    /// Anything else.
    Other,
}

/// The meeting a report is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Meeting {
    /// The event's own name.
    #[serde(default)]
    pub title: Option<String>,
    /// What sort of event it is.
    pub kind: MeetingKind,
    /// The id of the `dates` entry of the event itself.
    #[serde(default)]
    pub date: Option<FactId>,
    /// Where it was held (the lead's "tại ..." phrase).
    #[serde(default)]
    pub location: Option<String>,
    /// Who organized it: ids of officials or organizations.
    #[serde(default)]
    pub organizers: Vec<FactId>,
    /// Who chaired it.
    #[serde(default)]
    pub chairs: Vec<FactId>,
    /// Who attended.
    #[serde(default)]
    pub attendees: Vec<FactId>,
    /// Who spoke.
    #[serde(default)]
    pub speakers: Vec<FactId>,
    /// Attendance figures: ids of counts or statistics.
    #[serde(default)]
    pub attendance: Vec<FactId>,
    /// The tasks asked for the next period.
    #[serde(default)]
    pub directives: Vec<Directive>,
}

/// The kinds of [`Meeting`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MeetingKind {
    /// Hội nghị.
    Conference,
    /// Kỳ họp (of a People's Council).
    CouncilSession,
    /// Đại hội (of a party organization).
    PartyCongress,
    /// Lễ (an award, an inauguration).
    Ceremony,
    /// Lớp bồi dưỡng, tập huấn.
    Training,
    /// Kiểm tra, giám sát.
    Inspection,
    /// Anything else.
    Other,
}

/// A task a speaker asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Directive {
    /// The clause as written.
    pub text: String,
    /// Where it stands.
    pub span: Span,
    /// The official who asked for it.
    #[serde(default)]
    pub speaker: Option<FactId>,
}

// `Numeral` lives in `number` (it knows nothing of serde); its JSON form is a plain number:
// an integer for `Integer`, a float for `Decimal`, so `17.279` prints as 17279, not 17279.0.
impl Serialize for Numeral {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Numeral::Integer(n) => serializer.serialize_u64(n),
            Numeral::Decimal(x) => serializer.serialize_f64(x),
        }
    }
}

impl<'de> Deserialize<'de> for Numeral {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let number = serde_json::Number::deserialize(deserializer)?;
        if let Some(n) = number.as_u64() {
            Ok(Numeral::Integer(n))
        } else if let Some(x) = number.as_f64() {
            Ok(Numeral::Decimal(x))
        } else {
            Err(serde::de::Error::custom("a number out of range"))
        }
    }
}
