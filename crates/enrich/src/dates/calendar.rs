//! Calendar arithmetic without dependencies: civil dates to and from day numbers.

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SimpleDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// How much of a resolved date the text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
}

impl DatePrecision {
    /// Lower-case name, for reports and JSON side channels.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

impl SimpleDate {
    /// A valid date or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<SimpleDate> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(SimpleDate { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    pub fn to_days(self) -> i64 {
        let year: i64 = i64::from(self.year) - i64::from(self.month <= 2);
        let era: i64 = year.div_euclid(400);
        let yoe: i64 = year - era * 400;
        let month: i64 = i64::from(self.month);
        let doy: i64 = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5
            + i64::from(self.day)
            - 1;
        let doe: i64 = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> SimpleDate {
        let z: i64 = days + 719_468;
        let era: i64 = z.div_euclid(146_097);
        let doe: i64 = z - era * 146_097;
        let yoe: i64 = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy: i64 = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp: i64 = (5 * doy + 2) / 153;
        let day: u32 = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month: u32 = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year: i64 = yoe + era * 400 + i64::from(month <= 2);
        SimpleDate {
            year: year as i32,
            month,
            day,
        }
    }

    /// Moves by whole days.
    pub fn add_days(self, days: i64) -> SimpleDate {
        SimpleDate::from_days(self.to_days() + days)
    }

    /// 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u32
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub(super) fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(super) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Parses `YYYY-MM-DD` (a longer ISO timestamp is cut to its date).
pub fn parse_iso_date(text: &str) -> Option<SimpleDate> {
    let date: &str = text.trim().get(..10)?;
    let mut parts = date.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    SimpleDate::new(year, month, day)
}

pub(super) fn previous_month(report: SimpleDate) -> SimpleDate {
    months_back(report, 1)
}

pub(super) fn months_back(report: SimpleDate, months: i64) -> SimpleDate {
    let index: i64 = i64::from(report.year) * 12 + i64::from(report.month) - 1 - months.min(60_000);
    SimpleDate {
        year: index.div_euclid(12) as i32,
        month: index.rem_euclid(12) as u32 + 1,
        day: 1,
    }
}
