//! Calendar dates as written in PETRARCH records (`YYYYMMDD`).

use std::fmt;

/// A calendar date. Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2008.
    pub year: i32,
    /// Month 1..=12.
    pub month: u32,
    /// Day 1..=31 (valid for the month).
    pub day: u32,
}

impl Date {
    /// A date, or `None` if it does not exist in the proleptic Gregorian calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid: bool =
            (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses exactly eight ASCII digits `YYYYMMDD` (surrounding whitespace allowed).
    pub fn parse_yyyymmdd(text: &str) -> Option<Date> {
        let digits: &str = text.trim();
        if digits.len() != 8 || !digits.bytes().all(|b: u8| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = digits[0..4].parse().ok()?;
        let month: u32 = digits[4..6].parse().ok()?;
        let day: u32 = digits[6..8].parse().ok()?;
        Date::new(year, month, day)
    }
}

impl std::str::FromStr for Date {
    type Err = String;

    /// `YYYY-MM-DD` or `YYYYMMDD` (a `--date` flag value).
    fn from_str(text: &str) -> Result<Date, String> {
        let trimmed: &str = text.trim();
        let digits: String = if trimmed.len() == 10
            && trimmed.as_bytes()[4] == b'-'
            && trimmed.as_bytes()[7] == b'-'
        {
            trimmed.replace('-', "")
        } else {
            trimmed.to_string()
        };
        Date::parse_yyyymmdd(&digits)
            .ok_or_else(|| format!("not a calendar date (want YYYY-MM-DD): {text:?}"))
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let leap: bool = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_dates() {
        assert_eq!(Date::parse_yyyymmdd("20080804"), Date::new(2008, 8, 4));
        assert_eq!(Date::parse_yyyymmdd(" 20000229 "), Date::new(2000, 2, 29));
        assert_eq!(
            Date::new(2008, 8, 4).map(|d| d.to_string()),
            Some("2008-08-04".to_string())
        );
    }

    #[test]
    fn parses_flag_values() {
        assert_eq!(
            "2024-03-12".parse::<Date>(),
            Ok(Date {
                year: 2024,
                month: 3,
                day: 12
            })
        );
        assert_eq!(
            "20240312".parse::<Date>(),
            Ok(Date {
                year: 2024,
                month: 3,
                day: 12
            })
        );
        for bad in [
            "2024-3-12",
            "2024-02-30",
            "2024/03/12",
            "12-03-2024",
            "",
            "2024-03-1é",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn rejects_invalid_dates() {
        for bad in [
            "",
            "2008084",
            "200808040",
            "2008-8-4",
            "20081304",
            "20080832",
            "19000229",
            "+2008080",
            "２００８０８０４",
        ] {
            assert_eq!(Date::parse_yyyymmdd(bad), None, "{bad:?}");
        }
    }
}
