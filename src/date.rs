//! Calendar dates that keep their precision.
//!
//! Sources often give only a month ("the memorandum was signed in May 2010")
//! or a year. A [`Date`] keeps exactly what was given: `2010-05` is shown as
//! `2010-05`, never as `2010-05-01`. An imprecise date stands for a range of
//! days ([`Date::first_day`] ..= [`Date::last_day`]); queries use that range
//! to say when an answer is uncertain instead of guessing.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, ErrorKind};

/// How much of a [`Date`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year is known, e.g. `2008`.
    Year,
    /// The year and month are known, e.g. `2010-05`.
    Month,
    /// The exact day is known, e.g. `2017-06-09`.
    Day,
}

impl Precision {
    /// The lowercase name used in machine-readable output.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A calendar date (proleptic Gregorian) of day, month or year precision.
///
/// The derived order sorts by year, then month, then day, with an imprecise
/// date sorting before the days it contains (`2010-05` < `2010-05-01`). Use
/// [`Date::first_day`] and [`Date::last_day`] to compare ranges.
///
/// # Example
///
/// ```
/// use igo_graph::{Date, Precision};
///
/// let may: Date = "2010-05".parse()?;
/// assert_eq!(may.precision(), Precision::Month);
/// assert_eq!(may.to_string(), "2010-05");
/// assert_eq!(may.last_day().to_string(), "2010-05-31");
/// assert!("2023-02-30".parse::<Date>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Years 1 to 9999 fit; four bytes a date keep spans small.
    year: i16,
    /// 1-12, or 0 when unknown.
    month: u8,
    /// 1-31, or 0 when unknown.
    day: u8,
}

/// Why a text is not a [`Date`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Malformed,
    /// Well formed, but no such day or month exists (`2023-02-30`).
    Impossible,
    /// A day given without its month (`2010-00-15`): the precision
    /// contradicts itself.
    Contradictory,
}

impl DateError {
    fn message(self, s: &str) -> String {
        match self {
            DateError::Malformed => format!(
                "`{s}` is not a date: write YYYY-MM-DD, or YYYY-MM / YYYY \
                 when the source gives no day"
            ),
            DateError::Impossible => {
                format!("`{s}` is not a day of the calendar")
            }
            DateError::Contradictory => format!(
                "`{s}` gives a day but no month: write the year alone, or \
                 the month too"
            ),
        }
    }
}

impl Date {
    /// A day-precision date, or `None` if no such day exists.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::Date;
    ///
    /// assert!(Date::from_ymd(2024, 2, 29).is_some());
    /// assert!(Date::from_ymd(2023, 2, 29).is_none());
    /// ```
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(Date { year: year as i16, month: month as u8, day: day as u8 })
    }

    /// A month-precision date, or `None` if the month is out of range.
    pub fn from_ym(year: i32, month: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        Some(Date { year: year as i16, month: month as u8, day: 0 })
    }

    /// A year-precision date, or `None` outside years 1 to 9999.
    pub fn from_year(year: i32) -> Option<Date> {
        if !(1..=9999).contains(&year) {
            return None;
        }
        Some(Date { year: year as i16, month: 0, day: 0 })
    }

    fn from_naive(d: NaiveDate) -> Date {
        Date {
            year: d.year() as i16,
            month: d.month() as u8,
            day: d.day() as u8,
        }
    }

    fn to_naive(self) -> NaiveDate {
        let first = self.first_day();
        NaiveDate::from_ymd_opt(
            i32::from(first.year),
            u32::from(first.month),
            u32::from(first.day),
        )
        .expect("a Date is always a valid calendar date")
    }

    /// The year.
    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    /// The month (1-12), if known.
    pub fn month(self) -> Option<u32> {
        (self.month != 0).then_some(u32::from(self.month))
    }

    /// The day of the month (1-31), if known.
    pub fn day(self) -> Option<u32> {
        (self.day != 0).then_some(u32::from(self.day))
    }

    /// How much of the date is known.
    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// Whether the exact day is known.
    pub fn is_day(self) -> bool {
        self.precision() == Precision::Day
    }

    /// The first day this date can stand for.
    pub fn first_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month.max(1),
            day: self.day.max(1),
        }
    }

    /// The last day this date can stand for.
    pub fn last_day(self) -> Date {
        match self.precision() {
            Precision::Day => self,
            Precision::Year => Date { year: self.year, month: 12, day: 31 },
            Precision::Month => {
                let next = if self.month == 12 {
                    NaiveDate::from_ymd_opt(self.year() + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(
                        self.year(),
                        u32::from(self.month) + 1,
                        1,
                    )
                };
                let last = next
                    .and_then(|n| n.pred_opt())
                    .expect("month ends are valid dates");
                Date::from_naive(last)
            }
        }
    }

    /// The day after this one (for a day-precision date), or after its
    /// last day (for an imprecise one).
    pub fn next_day(self) -> Option<Date> {
        self.last_day().to_naive().succ_opt().map(Date::from_naive)
    }

    /// The day before this one (for a day-precision date), or before its
    /// first day (for an imprecise one).
    pub fn previous_day(self) -> Option<Date> {
        self.first_day().to_naive().pred_opt().map(Date::from_naive)
    }

    /// The first day as a day number (days since 1970-01-01), for indexing.
    pub(crate) fn day_number(self) -> i32 {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
        (self.first_day().to_naive() - epoch).num_days() as i32
    }

    /// Whether `day` (compared by its first day) lies in the range of days
    /// this date stands for.
    pub fn contains(self, day: Date) -> bool {
        let d = day.first_day();
        self.first_day() <= d && d <= self.last_day()
    }

    /// Whether every day of `self` is before every day of `other`.
    pub fn certainly_before(self, other: Date) -> bool {
        self.last_day() < other.first_day()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision() {
            Precision::Year => write!(f, "{:04}", self.year),
            Precision::Month => {
                write!(f, "{:04}-{:02}", self.year, self.month)
            }
            Precision::Day => {
                write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
            }
        }
    }
}

impl FromStr for Date {
    type Err = Error;

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    ///
    /// # Errors
    ///
    /// An [`Error`] of kind [`ErrorKind::Date`] saying what is wrong.
    fn from_str(s: &str) -> Result<Date, Error> {
        parse(s).map_err(|e| Error::parse(ErrorKind::Date, e.message(s)))
    }
}

fn parse(s: &str) -> Result<Date, DateError> {
    {
        let malformed = || DateError::Malformed;
        let impossible = || DateError::Impossible;
        let parts: Vec<&str> = s.split('-').collect();
        let widths = [4, 2, 2];
        if parts.is_empty() || parts.len() > 3 {
            return Err(malformed());
        }
        let mut nums = [0u32; 3];
        for (i, part) in parts.iter().enumerate() {
            if part.len() != widths[i]
                || !part.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(malformed());
            }
            nums[i] = part.parse().map_err(|_| malformed())?;
        }
        let year = nums[0] as i32;
        if parts.len() == 3 && nums[1] == 0 && nums[2] != 0 {
            return Err(DateError::Contradictory);
        }
        let date = match parts.len() {
            1 => Date::from_year(year),
            2 => Date::from_ym(year, nums[1]),
            _ => Date::from_ymd(year, nums[1], nums[2]),
        };
        date.ok_or_else(impossible)
    }
}

/// As text (`2010-05`) in readable formats; as its three numbers in binary
/// ones (the bundled data), which read back without parsing.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            (self.year, self.month, self.day).serialize(s)
        }
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Date, D::Error> {
        if d.is_human_readable() {
            let s = String::deserialize(d)?;
            return parse(&s)
                .map_err(|e| serde::de::Error::custom(e.message(&s)));
        }
        let (year, month, day) = <(i16, u8, u8)>::deserialize(d)?;
        // A binary date is checked as a text one would be.
        let (y, m, dd) = (i32::from(year), u32::from(month), u32::from(day));
        let date = match (month, day) {
            (0, 0) => Date::from_year(y),
            (_, 0) => Date::from_ym(y, m),
            _ => Date::from_ymd(y, m, dd),
        };
        date.ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{year}-{month}-{day} is not a date"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(d("2017-06-09").precision(), Precision::Day);
        assert_eq!(d("2010-05").precision(), Precision::Month);
        assert_eq!(d("2008").precision(), Precision::Year);
    }

    #[test]
    fn rejects_malformed_and_impossible() {
        for bad in ["", "17-06-09", "2017-6-9", "2017/06/09", "2017-06-09-1"] {
            assert!(matches!(parse(bad), Err(DateError::Malformed)), "{bad}");
        }
        assert!(matches!(parse("2024-00-10"), Err(DateError::Contradictory)));
        for bad in ["2023-02-30", "2024-13", "2024-00-00", "0000"] {
            assert!(matches!(parse(bad), Err(DateError::Impossible)), "{bad}");
        }
    }

    #[test]
    fn ranges_of_imprecise_dates() {
        assert_eq!(d("2024-02").last_day(), d("2024-02-29"));
        assert_eq!(d("2023-12").last_day(), d("2023-12-31"));
        assert_eq!(d("2008").first_day(), d("2008-01-01"));
        assert_eq!(d("2010-05").next_day(), Some(d("2010-06-01")));
        assert!(d("2010-05").contains(d("2010-05-10")));
        assert!(!d("2010-05").contains(d("2010-06-01")));
        assert!(d("2010-04").certainly_before(d("2010-05-01")));
        assert!(!d("2010").certainly_before(d("2010-05-01")));
    }
}
