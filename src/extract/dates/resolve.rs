//! Resolution: the document's reference date and event day, year inference, relative
//! expressions. See the module docs of `dates` for the rule.

use super::grammar::{Expr, Part, Raw, RelUnit};
use crate::date::{Date, days_in_month};
use crate::facts::{DateKind, DateModifier};
use crate::timex::{Point, Timex, Unit};

/// A date the document is read against, and whether it was inferred.
#[derive(Debug, Clone, Copy)]
pub(super) struct Anchor {
    pub(super) date: Date,
    pub(super) inferred: bool,
}

/// Days since 1970-01-01 (proleptic Gregorian).
pub(super) fn days(date: Date) -> i64 {
    let (y, m, d) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `n` days after 1970-01-01.
pub(super) fn from_days(n: i64) -> Option<Date> {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Date::new(
        u16::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

fn add_days(date: Date, n: i64) -> Option<Date> {
    from_days(days(date) + n)
}

/// The ISO week (week-year, week) of a date.
fn iso_week(date: Date) -> Option<(u16, u8)> {
    let n = days(date);
    // 1970-01-01 was a Thursday; Monday is 0.
    let weekday = (n + 3).rem_euclid(7);
    let thursday = from_days(n - weekday + 3)?;
    let jan1 = Date::new(thursday.year(), 1, 1)?;
    let week = (days(thursday) - days(jan1)) / 7 + 1;
    Some((thursday.year(), u8::try_from(week).ok()?))
}

/// A day of the year standing for a part: its middle, in days since 1970.
fn middle(year: u16, unit: Unit, lunar: bool) -> Option<i64> {
    let day = |m: u8, d: u8| Date::new(year, m, d).map(days);
    let mid = match unit {
        Unit::Year | Unit::Decade => day(7, 1)?,
        Unit::Half(h) => day(if h == 1 { 4 } else { 10 }, 1)?,
        Unit::Quarter(q) => day(q * 3 - 1, 15)?,
        Unit::Month(m) => day(m, 15)?,
        Unit::Week(_) | Unit::Clock(..) => return None,
        Unit::Day(m, d) | Unit::Minute(m, d, _, _) => day(m, d)?,
    };
    // A lunar date falls about a month after the same numbers in the solar calendar.
    Some(if lunar { mid + 30 } else { mid })
}

/// The last day of a part.
fn last_day(year: u16, unit: Unit) -> Option<Date> {
    let month_end = |m: u8| Date::new(year, m, days_in_month(year, m));
    match unit {
        Unit::Year | Unit::Decade => month_end(12),
        Unit::Half(h) => month_end(h * 6),
        Unit::Quarter(q) => month_end(q * 3),
        Unit::Month(m) => month_end(m),
        Unit::Day(m, d) | Unit::Minute(m, d, _, _) => Date::new(year, m, d),
        Unit::Week(_) | Unit::Clock(..) => None,
    }
}

/// The year, among the anchor's year and its neighbours, that puts `unit` nearest to the
/// anchor date.
pub(super) fn nearest_year(unit: Unit, lunar: bool, anchor: Date) -> Option<u16> {
    let target = days(anchor);
    let y = anchor.year();
    [y, y.saturating_sub(1), y.saturating_add(1)]
        .into_iter()
        .filter_map(|year| middle(year, unit, lunar).map(|m| (year, (m - target).abs())))
        .min_by_key(|&(_, distance)| distance)
        .map(|(year, _)| year)
}

/// The end of the period a review covers ("tổng kết công tác năm 2023" → 2023-12-31).
pub(super) fn period_end(part: Part) -> Option<Date> {
    last_day(part.year?, part.unit)
}

/// The reference day the event date stands for, when its year is written or inferred.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context {
    pub(super) reference: Option<Anchor>,
    pub(super) event: Option<Anchor>,
    /// The one year written in the sentence of each expression, when there is exactly one.
    pub(super) sentence_year: Option<u16>,
    /// Whether the sentence has a recurring expression ("hằng năm"): a year-less day in it
    /// recurs too ("tính đến ngày 30/4").
    pub(super) sentence_recurs: bool,
    /// The period the lead reviews ("sơ kết ... 6 tháng đầu năm 2024").
    pub(super) review: Option<Part>,
}

/// A resolved value: the value, and whether a year in it was inferred.
pub(super) struct Resolved {
    pub(super) value: Option<Timex>,
    pub(super) year_inferred: bool,
    pub(super) kind: DateKind,
    pub(super) modifier: Option<DateModifier>,
}

fn fill(part: Part, year: u16) -> Option<Point> {
    Point::new(Some(year), part.unit)
}

fn point(part: Part) -> Option<Point> {
    Point::new(part.year, part.unit)
}

/// The year for a year-less part: the sentence's only year for a bare "đầu năm" / "cuối
/// năm", else the nearest to the reference date.
fn infer(part: Part, raw: &Raw, ctx: &Context) -> Option<u16> {
    if let Some(index) = raw.can_chi {
        let reference = ctx.reference?.date.year();
        // The year of that name within 30 years of the reference.
        return (reference.saturating_sub(30)..reference.saturating_add(30))
            .find(|y| (i32::from(*y) - 4).rem_euclid(60) == i32::from(index));
    }
    match part.unit {
        Unit::Year => return ctx.sentence_year.or(ctx.reference.map(|r| r.date.year())),
        // "quý III", "6 tháng cuối năm": the reference year's.
        Unit::Half(_) | Unit::Quarter(_) => return ctx.reference.map(|r| r.date.year()),
        _ => {}
    }
    nearest_year(part.unit, raw.lunar, ctx.reference?.date)
}

pub(super) fn resolve(raw: &Raw, ctx: &Context) -> Resolved {
    let mut out = Resolved {
        value: None,
        year_inferred: false,
        kind: raw.kind,
        modifier: raw.modifier,
    };
    let reference = ctx.reference;
    match raw.expr {
        Expr::Abs(part)
            if ctx.sentence_recurs && part.year.is_none() && matches!(part.unit, Unit::Day(..)) =>
        {
            out.kind = DateKind::Recurring;
            out.modifier = None;
        }
        Expr::Abs(part) => {
            if part.year.is_some() {
                out.value = point(part).map(Timex::point);
            } else if let Some(y) = infer(part, raw, ctx) {
                out.value = fill(part, y).map(Timex::point);
                out.year_inferred = out.value.is_some();
            }
            if out.value.is_none() {
                out.value = point(part).map(Timex::point);
            }
        }
        Expr::Span(first, second) => {
            let (first, second, inferred) = match (first.year, second.year) {
                (Some(_), Some(_)) => (point(first), point(second), false),
                // "từ ngày 17/10 đến 18/11/2024": the year is written, once.
                (None, Some(y)) => (fill(first, y), point(second), false),
                (_, None) => match infer(first, raw, ctx) {
                    Some(y) => {
                        let second_year = match (first.unit, second.unit) {
                            // "từ 15/12 đến 15/1": the end is in the next year.
                            (Unit::Day(m1, _), Unit::Day(m2, _)) if m2 < m1 => y + 1,
                            _ => y,
                        };
                        (
                            fill(first, first.year.unwrap_or(y)),
                            fill(second, second_year),
                            true,
                        )
                    }
                    None => (point(first), point(second), false),
                },
            };
            if let (Some(a), Some(b)) = (first, second) {
                out.value = Some(Timex::range(a, b));
                out.year_inferred = inferred;
            }
        }
        Expr::SinceNow(start) => {
            if let Some(anchor) = reference {
                let start_point = match start.year {
                    Some(_) => point(start),
                    None => fill(start, anchor.date.year()),
                };
                if let Some(p) = start_point {
                    out.value = Some(Timex::range(p, Point::from_date(anchor.date)));
                    out.year_inferred = anchor.inferred || start.year.is_none();
                }
            }
            out.modifier = None;
        }
        Expr::Rel(unit, offset) => {
            if let Some(anchor) = reference {
                out.value = relative(anchor.date, unit, offset);
                out.year_inferred = anchor.inferred && out.value.is_some();
            }
        }
        Expr::RelYears(n) => {
            if let Some(anchor) = reference {
                let y = anchor.date.year();
                out.value = Point::of_year(y.saturating_sub(n))
                    .zip(Point::of_year(y))
                    .map(|(a, b)| Timex::range(a, b));
                out.year_inferred = anchor.inferred && out.value.is_some();
            }
        }
        Expr::RelHalfPast => {
            if let Some(anchor) = reference {
                let d = anchor.date;
                let (y, h) = if d.month() >= 7 {
                    (d.year(), 1)
                } else {
                    (d.year().saturating_sub(1), 2)
                };
                out.value = Point::new(Some(y), Unit::Half(h)).map(Timex::point);
                out.year_inferred = anchor.inferred && out.value.is_some();
            }
        }
        Expr::EventDay(time) => {
            let day = ctx.event;
            out.value = match (day, time) {
                (Some(e), Some((h, m))) => Point::new(
                    Some(e.date.year()),
                    Unit::Minute(e.date.month(), e.date.day(), h, m),
                ),
                (Some(e), None) => Some(Point::from_date(e.date)),
                (None, Some((h, m))) => Point::new(None, Unit::Clock(h, m)),
                (None, None) => None,
            }
            .map(Timex::point);
            out.year_inferred = day.is_some_and(|e| e.inferred);
        }
        Expr::SamePeriod => {
            if let Some(review) = ctx.review
                && let Some(y) = review.year
            {
                out.value = Point::new(Some(y.saturating_sub(1)), review.unit).map(Timex::point);
            }
        }
        Expr::Null => {}
    }
    out
}

fn relative(date: Date, unit: RelUnit, offset: i32) -> Option<Timex> {
    let offset = i64::from(offset);
    let point = match unit {
        RelUnit::Day => Point::from_date(add_days(date, offset)?),
        RelUnit::Week => {
            let (y, w) = iso_week(add_days(date, offset * 7)?)?;
            Point::new(Some(y), Unit::Week(w))?
        }
        RelUnit::Month => {
            let index = i64::from(date.year()) * 12 + i64::from(date.month()) - 1 + offset;
            let y = u16::try_from(index.div_euclid(12)).ok()?;
            let m = u8::try_from(index.rem_euclid(12) + 1).ok()?;
            Point::of_month(Some(y), m)?
        }
        RelUnit::Year => {
            let y = u16::try_from(i64::from(date.year()) + offset).ok()?;
            Point::of_year(y)?
        }
    };
    Some(Timex::point(point))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn day_numbers_round_trip() {
        for s in [
            "1970-01-01",
            "2024-02-29",
            "2000-03-01",
            "1899-12-31",
            "2025-02-20",
        ] {
            assert_eq!(from_days(days(date(s))), Some(date(s)));
        }
        assert_eq!(days(date("1970-01-02")), 1);
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(iso_week(date("2025-02-27")), Some((2025, 9)));
        assert_eq!(iso_week(date("2024-12-30")), Some((2025, 1)));
        assert_eq!(iso_week(date("2021-01-03")), Some((2020, 53)));
    }

    #[test]
    fn nearest_years() {
        assert_eq!(
            nearest_year(Unit::Day(1, 11), false, date("2023-12-31")),
            Some(2024)
        );
        assert_eq!(
            nearest_year(Unit::Day(12, 9), false, date("2024-12-31")),
            Some(2024)
        );
        assert_eq!(
            nearest_year(Unit::Quarter(4), false, date("2024-07-05")),
            Some(2024)
        );
    }
}
