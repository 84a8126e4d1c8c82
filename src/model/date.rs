//! Calendar dates as they appear in map files: `"2026-11-23"`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date (proleptic Gregorian), saved as `"YYYY-MM-DD"`.
///
/// Parsed when the file is read, so a bad date is reported with its line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date, if it exists on the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days_in_month).contains(&day).then_some(Date { year, month, day })
    }

    /// The day `days` after 1970-01-01 (a Unix timestamp divided by 86,400).
    pub fn from_unix_days(days: i64) -> Date {
        // Civil date from days since 1970 (Howard Hinnant's algorithm).
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)).clamp(0, 9999) as u16;
        Date { year, month, day }
    }

    /// The same day `months` later, or the month's last day when it is shorter (31 January
    /// plus one month is 28 or 29 February).
    pub fn plus_months(self, months: u32) -> Date {
        let total = u32::from(self.month) - 1 + months;
        let year = u16::try_from(u32::from(self.year) + total / 12).unwrap_or(9999).min(9999);
        let month = (total % 12) as u8 + 1;
        (1..=self.day).rev().find_map(|day| Date::new(year, month, day)).unwrap_or(Date { year, month, day: 1 })
    }

    /// Today where the user is: the system clock in the system's time zone.
    pub fn today() -> Date {
        Date::local(std::time::SystemTime::now()).0
    }

    /// The local date, hour and minute of `t`, in the system's time zone (UTC when the zone
    /// cannot be found).
    pub fn local(t: std::time::SystemTime) -> (Date, u8, u8) {
        let utc = || {
            let secs = t.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
            (Date::from_unix_days((secs / 86_400) as i64), ((secs % 86_400) / 3600) as u8, ((secs % 3600) / 60) as u8)
        };
        let Ok(stamp) = jiff::Timestamp::try_from(t) else { return utc() };
        let zoned = stamp.to_zoned_datetime(jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC));
        let date = zoned.date();
        let (Ok(year), Ok(month), Ok(day)) =
            (u16::try_from(date.year()), u8::try_from(date.month()), u8::try_from(date.day()))
        else {
            return utc();
        };
        match Date::new(year, month, day) {
            Some(d) => (d, u8::try_from(zoned.hour()).unwrap_or(0), u8::try_from(zoned.minute()).unwrap_or(0)),
            None => utc(),
        }
    }

    /// A moment as readers of `language` write it, in local time: "2026-12-01 14:05" or
    /// "1.12.2026 klo 14.05".
    pub fn moment_in(t: std::time::SystemTime, language: super::Language) -> String {
        let (date, h, m) = Date::local(t);
        match language {
            super::Language::English => format!("{date} {h:02}:{m:02}"),
            super::Language::Finnish => format!("{} klo {h}.{m:02}", date.in_language(language)),
        }
    }

    /// Parses a date as people type it: `YYYY-MM-DD`, or the Finnish `D.M.YYYY` (a trailing
    /// dot allowed), with spaces around ignored.
    pub fn parse_typed(s: &str) -> Option<Date> {
        let s = s.trim();
        if let Some(d) = Date::parse(s) {
            return Some(d);
        }
        let mut parts = s.trim_end_matches('.').split('.');
        let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
        let small = |t: &str| (1..=2).contains(&t.len()) && t.bytes().all(|c| c.is_ascii_digit());
        if parts.next().is_some() || !small(day) || !small(month) || year.len() != 4 {
            return None;
        }
        if !year.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// The date as readers of `language` write it: 2027-03-31 or 31.3.2027.
    pub fn in_language(self, language: super::Language) -> String {
        match language {
            super::Language::English => self.to_string(),
            super::Language::Finnish => format!("{}.{}.{}", self.day, self.month, self.year),
        }
    }

    /// Parses `YYYY-MM-DD` exactly (no time, no other separators).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(range)?;
            if part.bytes().all(|c| c.is_ascii_digit()) { part.parse().ok() } else { None }
        };
        let year = num(0..4)?;
        let month = u8::try_from(num(5..7)?).ok()?;
        let day = u8::try_from(num(8..10)?).ok()?;
        Date::new(year, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        Date::parse(&s).ok_or_else(|| format!("\"{s}\" is not a date written as YYYY-MM-DD"))
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_months_keeps_the_day_or_takes_the_months_last() {
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(d(2026, 5, 3).plus_months(6), d(2026, 11, 3));
        assert_eq!(d(2026, 11, 30).plus_months(3), d(2027, 2, 28));
        assert_eq!(d(2027, 8, 31).plus_months(6), d(2028, 2, 29), "a leap year");
        assert_eq!(d(2026, 12, 1).plus_months(36), d(2029, 12, 1));
    }

    #[test]
    fn dates_parse_and_print_as_iso_days() {
        let d = Date::parse("2024-02-29").unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
    }

    #[test]
    fn unix_days_become_calendar_dates() {
        assert_eq!(Date::from_unix_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_unix_days(20_423).to_string(), "2025-12-01");
        assert_eq!(Date::from_unix_days(19_782).to_string(), "2024-02-29");
    }

    #[test]
    fn typed_dates_may_be_iso_or_finnish_and_print_in_the_readers_language() {
        let d = Date::new(2027, 3, 31).unwrap();
        for typed in ["2027-03-31", " 31.3.2027", "31.03.2027.", "31.3.2027 "] {
            assert_eq!(Date::parse_typed(typed), Some(d), "{typed}");
        }
        for bad in ["31.3.27", "31.3", "32.1.2027", "1.13.2027", "31.3.2027.1", "a.3.2027", "2027-3-31", ""] {
            assert_eq!(Date::parse_typed(bad), None, "{bad}");
        }
        assert_eq!(d.in_language(super::super::Language::Finnish), "31.3.2027");
        assert_eq!(d.in_language(super::super::Language::English), "2027-03-31");
    }

    #[test]
    fn a_moment_is_written_the_readers_way() {
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(20_423 * 86_400 + 12 * 3600 + 5 * 60);
        let en = Date::moment_in(t, super::super::Language::English);
        let fi = Date::moment_in(t, super::super::Language::Finnish);
        // Local time: the hour depends on the machine's zone, the shape does not.
        assert!(en.len() == 16 && en.as_bytes()[4] == b'-' && en.ends_with(":05"), "{en}");
        assert!(fi.contains(".2025 klo ") && fi.ends_with(".05"), "{fi}");
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for bad in ["2023-02-29", "2024-13-01", "2024-00-10", "2024-1-1", "24-01-01", "2024/01/01", "2024-01-+1"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }
}
