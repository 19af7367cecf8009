//! TIMEX3 / ISO 8601 (EDTF) date values that can only hold valid values.
//!
//! A [`Timex`] is what a date expression resolves to: a point at some precision (a day, a
//! month, a quarter, ...) or a range `START/END` whose ends each keep their own precision
//! (`2020/2025`, `2023/2024-01-11`). The year may be unknown (`XXXX-01-11`) when the text does
//! not give it and nothing allows inferring it. Values are `Copy`, print as their TIMEX3 string
//! ([`Display`](std::fmt::Display)), parse back ([`FromStr`]), serialize as that string, and
//! give their parts without string parsing.
//!
//! | value               | precision                                            |
//! |---------------------|------------------------------------------------------|
//! | `2024-01-11`        | a day                                                |
//! | `2024-01-11T09:30`  | a minute of a day                                    |
//! | `XXXX-XX-XXT14:00`  | a clock time on an unknown day                       |
//! | `2025-W09`          | an ISO week                                          |
//! | `2024-03`           | a month                                              |
//! | `2024-Q2`           | a quarter                                            |
//! | `2024-H1`           | a half year                                          |
//! | `2024`              | a year                                               |
//! | `199X`              | a decade                                             |
//! | `2020/2025`         | a range; each end is one of the points above         |
//!
//! ```
//! use vietfacts::timex::{Point, Timex};
//!
//! let day: Timex = "2024-01-11".parse()?;
//! assert_eq!((day.year(), day.month(), day.day()), (Some(2024), Some(1), Some(11)));
//! assert_eq!(day.quarter(), Some(1));
//!
//! let term = Timex::range(Point::of_year(2020).unwrap(), Point::of_year(2025).unwrap());
//! assert_eq!(term.to_string(), "2020/2025");
//! assert_eq!(term.end().and_then(|end| end.year()), Some(2025));
//!
//! let unknown_year = Timex::point(Point::of_day(None, 1, 11).unwrap());
//! assert_eq!(unknown_year.to_string(), "XXXX-01-11");
//! assert!(Point::of_day(Some(2023), 2, 29).is_none());
//! # Ok::<(), vietfacts::timex::TimexParseError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::{Date, days_in_month};

/// The precision of a [`Point`], with the parts below the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Unit {
    /// A decade: the point's year is its first year (1990 for `199X`).
    Decade,
    /// A whole year.
    Year,
    /// A half year, 1 or 2.
    Half(u8),
    /// A quarter, 1 to 4.
    Quarter(u8),
    /// A month, 1 to 12.
    Month(u8),
    /// An ISO 8601 week, 1 to 53 (the point's year is the ISO week-year).
    Week(u8),
    /// A day: month and day.
    Day(u8, u8),
    /// A minute of a day: month, day, hour (0 to 24), minute (0 to 59).
    Minute(u8, u8, u8, u8),
    /// A clock time on an unknown day: hour (0 to 24), minute (0 to 59). The point's year is
    /// always unknown.
    Clock(u8, u8),
}

/// One point of time at its own precision; the year may be unknown (`XXXX`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Point {
    year: Option<u16>,
    unit: Unit,
}

const fn year_ok(year: Option<u16>) -> bool {
    match year {
        Some(y) => y <= 9999,
        None => true,
    }
}

const fn day_ok(year: Option<u16>, month: u8, day: u8) -> bool {
    if month == 0 || month > 12 || day == 0 {
        return false;
    }
    // With the year unknown, 29 February may exist.
    let max = match year {
        Some(y) => days_in_month(y, month),
        None => days_in_month(2000, month),
    };
    day <= max
}

const fn clock_ok(hour: u8, minute: u8) -> bool {
    (hour < 24 && minute < 60) || (hour == 24 && minute == 0)
}

impl Point {
    /// A year.
    pub const fn of_year(year: u16) -> Option<Point> {
        Point::new(Some(year), Unit::Year)
    }

    /// A day; `None` when the day does not exist (31/4, 29/2 of a common year).
    pub const fn of_day(year: Option<u16>, month: u8, day: u8) -> Option<Point> {
        Point::new(year, Unit::Day(month, day))
    }

    /// A month.
    pub const fn of_month(year: Option<u16>, month: u8) -> Option<Point> {
        Point::new(year, Unit::Month(month))
    }

    /// The point, or `None` when its parts are out of range. A decade needs its first year
    /// (a multiple of ten); a clock time on an unknown day takes no year.
    pub const fn new(year: Option<u16>, unit: Unit) -> Option<Point> {
        if !year_ok(year) {
            return None;
        }
        let ok = match unit {
            Unit::Year => true,
            Unit::Decade => match year {
                Some(y) => y % 10 == 0,
                None => false,
            },
            Unit::Half(h) => h == 1 || h == 2,
            Unit::Quarter(q) => q >= 1 && q <= 4,
            Unit::Month(m) => m >= 1 && m <= 12,
            Unit::Week(w) => w >= 1 && w <= 53,
            Unit::Day(m, d) => day_ok(year, m, d),
            Unit::Minute(m, d, h, min) => day_ok(year, m, d) && clock_ok(h, min),
            Unit::Clock(h, min) => year.is_none() && clock_ok(h, min),
        };
        if ok { Some(Point { year, unit }) } else { None }
    }

    /// A calendar date as a day point.
    pub const fn from_date(date: Date) -> Point {
        Point {
            year: Some(date.year()),
            unit: Unit::Day(date.month(), date.day()),
        }
    }

    /// The same point with the year set (a clock time on an unknown day stays as it is).
    pub const fn with_year(self, year: u16) -> Option<Point> {
        Point::new(Some(year), self.unit)
    }

    /// The year (the first year of a decade, the ISO week-year of a week); `None` when unknown.
    pub const fn year(self) -> Option<u16> {
        self.year
    }

    /// The precision and the parts below the year.
    pub const fn unit(self) -> Unit {
        self.unit
    }

    /// The month, when the point is a month, a day or finer.
    pub const fn month(self) -> Option<u8> {
        match self.unit {
            Unit::Month(m) | Unit::Day(m, _) | Unit::Minute(m, _, _, _) => Some(m),
            _ => None,
        }
    }

    /// The day of the month, when the point is a day or finer.
    pub const fn day(self) -> Option<u8> {
        match self.unit {
            Unit::Day(_, d) | Unit::Minute(_, d, _, _) => Some(d),
            _ => None,
        }
    }

    /// The quarter: of a quarter, or of the month a month or day falls in.
    pub const fn quarter(self) -> Option<u8> {
        match self.unit {
            Unit::Quarter(q) => Some(q),
            _ => match self.month() {
                Some(m) => Some((m - 1) / 3 + 1),
                None => None,
            },
        }
    }

    /// The half year: of a half, or of the quarter, month or day.
    pub const fn half(self) -> Option<u8> {
        match self.unit {
            Unit::Half(h) => Some(h),
            _ => match self.quarter() {
                Some(q) => Some((q - 1) / 2 + 1),
                None => None,
            },
        }
    }

    /// The ISO week, when the point is a week.
    pub const fn week(self) -> Option<u8> {
        match self.unit {
            Unit::Week(w) => Some(w),
            _ => None,
        }
    }

    /// Hour and minute, when the point has a clock time.
    pub const fn time(self) -> Option<(u8, u8)> {
        match self.unit {
            Unit::Minute(_, _, h, m) | Unit::Clock(h, m) => Some((h, m)),
            _ => None,
        }
    }

    /// The calendar date, when the point is a day (or finer) of a known year.
    pub const fn date(self) -> Option<Date> {
        match (self.year, self.unit) {
            (Some(y), Unit::Day(m, d) | Unit::Minute(m, d, _, _)) => Date::new(y, m, d),
            _ => None,
        }
    }
}

/// A TIMEX3 value: a point, or a range between two points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timex {
    start: Point,
    end: Option<Point>,
}

impl Timex {
    /// A single point.
    pub const fn point(point: Point) -> Timex {
        Timex {
            start: point,
            end: None,
        }
    }

    /// A range from `start` to `end`, each at its own precision.
    pub const fn range(start: Point, end: Point) -> Timex {
        Timex {
            start,
            end: Some(end),
        }
    }

    /// Whether the value is a range `START/END`.
    pub const fn is_range(self) -> bool {
        self.end.is_some()
    }

    /// The point, or the start of a range.
    pub const fn start(self) -> Point {
        self.start
    }

    /// The end of a range; `None` for a point.
    pub const fn end(self) -> Option<Point> {
        self.end
    }

    /// The year (of the start, for a range); `None` when unknown.
    pub const fn year(self) -> Option<u16> {
        self.start.year
    }

    /// The month (of the start, for a range), when there is one.
    pub const fn month(self) -> Option<u8> {
        self.start.month()
    }

    /// The day of the month (of the start, for a range), when there is one.
    pub const fn day(self) -> Option<u8> {
        self.start.day()
    }

    /// The quarter (of the start, for a range), when the precision allows one.
    pub const fn quarter(self) -> Option<u8> {
        self.start.quarter()
    }

    /// The half year (of the start, for a range), when the precision allows one.
    pub const fn half(self) -> Option<u8> {
        self.start.half()
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Unit::Clock(h, m) = self.unit {
            return write!(f, "XXXX-XX-XXT{h:02}:{m:02}");
        }
        match (self.year, self.unit) {
            (Some(y), Unit::Decade) => return write!(f, "{:03}X", y / 10),
            (Some(y), _) => write!(f, "{y:04}")?,
            (None, _) => f.write_str("XXXX")?,
        }
        match self.unit {
            Unit::Year | Unit::Decade | Unit::Clock(..) => Ok(()),
            Unit::Half(h) => write!(f, "-H{h}"),
            Unit::Quarter(q) => write!(f, "-Q{q}"),
            Unit::Month(m) => write!(f, "-{m:02}"),
            Unit::Week(w) => write!(f, "-W{w:02}"),
            Unit::Day(m, d) => write!(f, "-{m:02}-{d:02}"),
            Unit::Minute(m, d, h, min) => write!(f, "-{m:02}-{d:02}T{h:02}:{min:02}"),
        }
    }
}

impl fmt::Display for Timex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.start)?;
        if let Some(end) = self.end {
            write!(f, "/{end}")?;
        }
        Ok(())
    }
}

/// Why a string is not a TIMEX3 value this crate writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimexParseError {
    input: String,
}

impl fmt::Display for TimexParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a TIMEX3 value: expected forms such as 2024-01-11, 2024-03, 2024-Q1, \
             2024-H1, 2024, 202X, XXXX-01-11 or a range 2020/2025",
            self.input
        )
    }
}

impl std::error::Error for TimexParseError {}

fn digits(s: &str, len: usize) -> Option<u16> {
    if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn small(s: &str, len: usize) -> Option<u8> {
    digits(s, len).and_then(|n| u8::try_from(n).ok())
}

fn parse_point(s: &str) -> Option<Point> {
    if let Some(clock) = s.strip_prefix("XXXX-XX-XXT") {
        let (h, m) = clock.split_once(':')?;
        return Point::new(None, Unit::Clock(small(h, 2)?, small(m, 2)?));
    }
    let year_part = s.get(..4)?;
    let rest = s.get(4..)?;
    if let Some(decade) = year_part.strip_suffix('X')
        && rest.is_empty()
        && decade != "XXX"
    {
        return Point::new(Some(digits(decade, 3)? * 10), Unit::Decade);
    }
    let year = if year_part == "XXXX" {
        None
    } else {
        Some(digits(year_part, 4)?)
    };
    if rest.is_empty() {
        return if year.is_some() {
            Point::new(year, Unit::Year)
        } else {
            None
        };
    }
    let rest = rest.strip_prefix('-')?;
    let unit = if let Some(h) = rest.strip_prefix('H') {
        Unit::Half(small(h, 1)?)
    } else if let Some(q) = rest.strip_prefix('Q') {
        Unit::Quarter(small(q, 1)?)
    } else if let Some(w) = rest.strip_prefix('W') {
        Unit::Week(small(w, 2)?)
    } else {
        let (date, time) = match rest.split_once('T') {
            Some((date, time)) => (date, Some(time)),
            None => (rest, None),
        };
        match (date.split_once('-'), time) {
            (None, None) => Unit::Month(small(date, 2)?),
            (Some((m, d)), None) => Unit::Day(small(m, 2)?, small(d, 2)?),
            (Some((m, d)), Some(time)) => {
                let (h, min) = time.split_once(':')?;
                Unit::Minute(small(m, 2)?, small(d, 2)?, small(h, 2)?, small(min, 2)?)
            }
            (None, Some(_)) => return None,
        }
    };
    Point::new(year, unit)
}

impl FromStr for Point {
    type Err = TimexParseError;

    fn from_str(s: &str) -> Result<Point, TimexParseError> {
        parse_point(s).ok_or_else(|| TimexParseError {
            input: s.to_string(),
        })
    }
}

impl FromStr for Timex {
    type Err = TimexParseError;

    fn from_str(s: &str) -> Result<Timex, TimexParseError> {
        let error = || TimexParseError {
            input: s.to_string(),
        };
        match s.split_once('/') {
            Some((start, end)) => Ok(Timex::range(
                parse_point(start).ok_or_else(error)?,
                parse_point(end).ok_or_else(error)?,
            )),
            None => Ok(Timex::point(parse_point(s).ok_or_else(error)?)),
        }
    }
}

impl Serialize for Timex {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timex {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip() {
        for text in [
            "2024-01-11",
            "2024-01-11T09:30",
            "XXXX-XX-XXT14:00",
            "2025-W09",
            "2024-03",
            "2024-Q2",
            "2024-H1",
            "2024",
            "199X",
            "XXXX-01-11",
            "XXXX-02-29",
            "XXXX-06",
            "2020/2025",
            "2023/2024-01-11",
            "2024-01/2024-09",
            "2024-10-17/2024-11-18",
        ] {
            let value: Timex = text.parse().unwrap();
            assert_eq!(value.to_string(), text);
        }
    }

    #[test]
    fn invalid_values_are_refused() {
        for text in [
            "2023-02-29",
            "2024-04-31",
            "2024-13",
            "2024-Q5",
            "2024-H3",
            "2024-W54",
            "XXXX",
            "XXXX-02-30",
            "2024-01-11T25:00",
            "2024-01-11T10:60",
            "24",
            "",
            "2024/",
            "/2024",
            "2024-1-11",
            "XXXX-XX-XXT9:00",
            "XXXX-XX-XX",
        ] {
            assert!(text.parse::<Timex>().is_err(), "{text}");
        }
    }

    #[test]
    fn parts_without_parsing() {
        let day = Timex::point(Point::of_day(Some(2024), 8, 15).unwrap());
        assert_eq!(day.quarter(), Some(3));
        assert_eq!(day.half(), Some(2));
        let quarter = Timex::point(Point::new(Some(2024), Unit::Quarter(2)).unwrap());
        assert_eq!(
            (quarter.year(), quarter.month(), quarter.quarter()),
            (Some(2024), None, Some(2))
        );
        let range: Timex = "2023/2024-01-11".parse().unwrap();
        assert_eq!(range.end().and_then(Point::date), Date::new(2024, 1, 11));
    }
}
