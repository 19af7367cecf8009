//! A calendar date that can only hold valid values.
//!
//! [`Date`] is what a reference date is (the day a report is read against): `Copy`, built by
//! the fallible [`Date::new`], printed and parsed as ISO 8601 `YYYY-MM-DD`, and serialized as
//! that string.
//!
//! ```
//! use vietfacts::date::Date;
//!
//! let date: Date = "2024-01-11".parse()?;
//! assert_eq!((date.year(), date.month(), date.day()), (2024, 1, 11));
//! assert_eq!(date.to_string(), "2024-01-11");
//! assert!(Date::new(2023, 2, 29).is_none());
//! # Ok::<(), vietfacts::date::DateParseError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the proleptic Gregorian calendar, years 1 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, or `None` when it does not exist (`Date::new(2023, 2, 29)`).
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if year == 0 || year > 9999 || month == 0 || month > 12 || day == 0 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The year.
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub const fn day(self) -> u8 {
        self.day
    }
}

/// How many days `month` of `year` has (0 for a month outside 1..=12).
pub const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Whether `year` has a 29 February.
pub const fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why a string is not a `YYYY-MM-DD` date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateParseError {
    input: String,
}

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a date: expected YYYY-MM-DD, such as 2024-01-11",
            self.input
        )
    }
}

impl std::error::Error for DateParseError {}

impl FromStr for Date {
    type Err = DateParseError;

    fn from_str(s: &str) -> Result<Date, DateParseError> {
        let error = || DateParseError {
            input: s.to_string(),
        };
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(error());
        };
        let all_digits =
            |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y, 4) && all_digits(m, 2) && all_digits(d, 2)) {
            return Err(error());
        }
        let (Ok(year), Ok(month), Ok(day)) = (y.parse(), m.parse(), d.parse()) else {
            return Err(error());
        };
        Date::new(year, month, day).ok_or_else(error)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_dates_print_as_iso() {
        for (y, m, d, text) in [
            (2024, 1, 11, "2024-01-11"),
            (2024, 2, 29, "2024-02-29"),
            (2000, 2, 29, "2000-02-29"),
            (1, 12, 31, "0001-12-31"),
        ] {
            let date = Date::new(y, m, d).unwrap();
            assert_eq!(date.to_string(), text);
            assert_eq!(text.parse::<Date>().unwrap(), date);
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        for (y, m, d) in [
            (2023, 2, 29),
            (1900, 2, 29),
            (2024, 4, 31),
            (2024, 13, 1),
            (2024, 0, 1),
            (0, 1, 1),
            (2024, 1, 0),
        ] {
            assert_eq!(Date::new(y, m, d), None, "{y}-{m}-{d}");
        }
        for text in [
            "2024-1-11",
            "2024-01-11x",
            "24-01-11",
            "2024/01/11",
            "",
            "2024-02-30",
            "２０２４-01-01",
        ] {
            assert!(text.parse::<Date>().is_err(), "{text}");
        }
    }
}
