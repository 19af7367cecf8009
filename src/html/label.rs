//! The values shown on hover and to screen readers, in Vietnamese, with Vietnamese number
//! formatting (`17.279`, `97,6`).

use std::fmt::Write;

use crate::facts::{
    Calendar, Count, CountCategory, Currency, DateFact, DateKind, DateModifier, Duration,
    DurationUnit, LegalDocument, MeetingKind, Money, Numeral, Official, PartOfDay, Percent,
    PercentRole, Qualifier, Ratio,
};

/// Where parts of a label are joined.
const SEP: &str = " · ";

/// A number as Vietnamese writes it: `.` between thousands, `,` before decimals.
pub(crate) fn number(value: Numeral) -> String {
    match value {
        Numeral::Integer(n) => group(&n.to_string()),
        Numeral::Decimal(x) => decimal(x),
    }
}

/// A float in Vietnamese notation, with as many decimals as its shortest form has.
pub(crate) fn decimal(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    // Rust's `Display` for f64 is the shortest form that reads back, never with an exponent.
    let plain = x.abs().to_string();
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = String::with_capacity(plain.len() + plain.len() / 3 + 1);
    if x.is_sign_negative() && x != 0.0 {
        out.push('-');
    }
    out.push_str(&group(whole));
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// `1234567` → `1.234.567` (the digits of a whole number).
fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    let first = digits.len() % 3;
    for (i, c) in digits.chars().enumerate() {
        if i != 0 && (i + 3 - first).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

pub(crate) fn date(date: &DateFact) -> String {
    let mut out = match &date.value {
        Some(value) => value.to_string(),
        None => match date.kind {
            DateKind::Vague => "không xác định (mơ hồ)".to_string(),
            DateKind::Recurring => "lặp lại".to_string(),
            _ => "không có giá trị".to_string(),
        },
    };
    if date.kind == DateKind::AcademicYear {
        push(&mut out, "năm học");
    }
    if let Some(part) = date.part_of_day {
        push(&mut out, part_of_day(part));
    }
    if let Some(modifier) = date.modifier {
        push(&mut out, date_modifier(modifier));
    }
    if date.calendar == Calendar::Lunar {
        push(&mut out, "âm lịch");
    }
    if date.year_inferred {
        push(&mut out, "năm suy ra");
    }
    out
}

fn part_of_day(part: PartOfDay) -> &'static str {
    match part {
        PartOfDay::Morning => "sáng",
        PartOfDay::Noon => "trưa",
        PartOfDay::Afternoon => "chiều",
        PartOfDay::Evening => "tối",
        PartOfDay::Night => "đêm",
        _ => "buổi khác",
    }
}

fn date_modifier(modifier: DateModifier) -> &'static str {
    match modifier {
        DateModifier::Start => "đầu kỳ",
        DateModifier::Mid => "giữa kỳ",
        DateModifier::End => "cuối kỳ",
        DateModifier::Before => "trước mốc",
        DateModifier::After => "sau mốc",
        DateModifier::By => "hạn đến",
        DateModifier::Until => "tính đến",
        _ => "bổ ngữ khác",
    }
}

pub(crate) fn ratio(ratio: &Ratio) -> String {
    let mut out = format!("{}/{}", number(ratio.numerator), number(ratio.denominator));
    if let Some(percent) = ratio.percent {
        let _ = write!(out, " = {} %", decimal(percent));
    }
    if let Some(subject) = &ratio.subject {
        push(&mut out, subject);
    }
    out
}

pub(crate) fn percent(percent: &Percent) -> String {
    let mut out = format!("{} %", number(percent.value));
    push(&mut out, percent_role(percent.role));
    if let Some(subject) = &percent.subject {
        push(&mut out, subject);
    }
    out
}

fn percent_role(role: PercentRole) -> &'static str {
    match role {
        PercentRole::Level => "mức đạt",
        PercentRole::Share => "tỷ trọng",
        PercentRole::OfPlan => "so với kế hoạch",
        PercentRole::AbovePlan => "vượt kế hoạch",
        PercentRole::OfReference => "so với cùng kỳ",
        PercentRole::Increase => "mức tăng",
        PercentRole::Decrease => "mức giảm",
        PercentRole::Rate => "tốc độ mỗi kỳ",
        PercentRole::Target => "mục tiêu",
        PercentRole::Threshold => "ngưỡng",
        _ => "khác",
    }
}

/// The word before a figure that says how exact it is ("trên", "khoảng"); none for exact.
fn qualifier(qualifier: Qualifier) -> Option<&'static str> {
    match qualifier {
        Qualifier::Exact => None,
        Qualifier::MoreThan => Some("trên"),
        Qualifier::LessThan => Some("dưới"),
        Qualifier::Almost => Some("gần"),
        Qualifier::Approximately => Some("khoảng"),
        Qualifier::Estimated => Some("ước"),
        Qualifier::AtLeast => Some("ít nhất"),
        Qualifier::AtMost => Some("không quá"),
        _ => Some("xấp xỉ"),
    }
}

fn qualified(q: Qualifier, value: Numeral) -> String {
    match qualifier(q) {
        Some(word) => format!("{word} {}", number(value)),
        None => number(value),
    }
}

pub(crate) fn count(count: &Count) -> String {
    let mut out = qualified(count.qualifier, count.value);
    if !count.unit.is_empty() {
        out.push(' ');
        out.push_str(&count.unit);
    }
    push(&mut out, count_category(count.category));
    if let Some(per) = &count.per {
        push(&mut out, &format!("mỗi {per}"));
    }
    out
}

fn count_category(category: CountCategory) -> &'static str {
    match category {
        CountCategory::Document => "tài liệu",
        CountCategory::Class => "lớp học",
        CountCategory::Session => "buổi, cuộc",
        CountCategory::Participant => "người tham gia",
        CountCategory::Person => "người",
        CountCategory::Collective => "tập thể",
        CountCategory::Individual => "cá nhân",
        CountCategory::Household => "hộ",
        CountCategory::ResidentialArea => "khu dân cư",
        CountCategory::AdministrativeUnit => "đơn vị hành chính",
        CountCategory::Facility => "công trình",
        CountCategory::Target => "chỉ tiêu",
        CountCategory::PartyMember => "đảng viên",
        CountCategory::Organization => "tổ chức",
        CountCategory::Case => "vụ việc",
        CountCategory::Vehicle => "phương tiện",
        CountCategory::Work => "tác phẩm",
        CountCategory::Prize => "giải thưởng",
        CountCategory::Gift => "suất quà",
        CountCategory::Event => "sự kiện",
        CountCategory::Animal => "vật nuôi",
        CountCategory::Page => "trang",
        CountCategory::Area => "diện tích",
        CountCategory::Length => "chiều dài",
        _ => "loại khác",
    }
}

pub(crate) fn money(money: &Money) -> String {
    let mut out = qualified(money.qualifier, money.value);
    out.push(' ');
    out.push_str(match money.currency {
        Currency::Vnd => "đồng",
        Currency::Usd => "USD",
        Currency::Eur => "EUR",
        Currency::Cny => "CNY",
        Currency::Jpy => "JPY",
        Currency::Krw => "KRW",
        _ => "(ngoại tệ khác)",
    });
    if let Some(subject) = &money.subject {
        push(&mut out, subject);
    }
    if let Some(per) = &money.per {
        push(&mut out, &format!("mỗi {per}"));
    }
    out
}

pub(crate) fn duration(duration: &Duration) -> String {
    let unit = match duration.unit {
        DurationUnit::Year => "năm",
        DurationUnit::Month => "tháng",
        DurationUnit::Week => "tuần",
        DurationUnit::Day => "ngày",
        DurationUnit::Hour => "giờ",
        DurationUnit::Minute => "phút",
        _ => "đơn vị khác",
    };
    format!("{} {unit}", number(duration.value))
}

/// The official's name and every title the report gives them, expanded.
pub(crate) fn official(official: &Official) -> String {
    let mut out = official.name.clone();
    for (i, title) in official.titles.iter().enumerate() {
        out.push_str(if i == 0 { SEP } else { "; " });
        out.push_str(&title.canonical);
    }
    out
}

pub(crate) fn legal_document(document: &LegalDocument) -> String {
    let mut out = document.doc_type.clone();
    if let Some(number) = &document.number {
        push(&mut out, &format!("số {number}"));
    }
    if let Some(issuer) = &document.issuer {
        push(&mut out, &format!("cơ quan ban hành {issuer}"));
    }
    if let Some(date) = &document.date {
        push(&mut out, date);
    }
    out
}

pub(crate) fn meeting_kind(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::Conference => "hội nghị",
        MeetingKind::CouncilSession => "kỳ họp",
        MeetingKind::PartyCongress => "đại hội",
        MeetingKind::Ceremony => "lễ",
        MeetingKind::Training => "lớp bồi dưỡng, tập huấn",
        MeetingKind::Inspection => "kiểm tra, giám sát",
        _ => "sự kiện khác",
    }
}

fn push(out: &mut String, part: &str) {
    if !out.is_empty() {
        out.push_str(SEP);
    }
    out.push_str(part);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers() {
        for (value, expected) in [
            (Numeral::Integer(0), "0"),
            (Numeral::Integer(120), "120"),
            (Numeral::Integer(1234), "1.234"),
            (Numeral::Integer(17279), "17.279"),
            (Numeral::Integer(1_250_000_000_000), "1.250.000.000.000"),
            (Numeral::Decimal(97.5), "97,5"),
            (Numeral::Decimal(95.45), "95,45"),
            (Numeral::Decimal(1234.5), "1.234,5"),
            (Numeral::Decimal(2.0), "2"),
            (Numeral::Decimal(-3.2), "-3,2"),
        ] {
            assert_eq!(number(value), expected, "{value:?}");
        }
    }
}
