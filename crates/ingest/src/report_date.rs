//! Report dates from the forms inputs write them in, normalised to
//! `YYYY-MM-DD`. A timestamp keeps the calendar date of its own offset (the
//! date the publisher printed), not the UTC date.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use crate::date::Date;

/// `YYYY-MM-DD` for `2024-03-12`, `2024-03-12T08:00:00+02:00`,
/// `2024-03-12 08:00`, `2024/03/12`, `20240312` or an RFC 2822 date
/// (`Tue, 12 Mar 2024 08:00:00 GMT`); `None` for anything else.
pub(crate) fn normalize_date(value: &str) -> Option<String> {
    let value: &str = value.trim();
    if let Some(date) = leading_iso_date(value) {
        return Some(date.to_string());
    }
    if let Some(date) = Date::parse_yyyymmdd(value) {
        return Some(date.to_string());
    }
    let parsed: DateTime<FixedOffset> = DateTime::parse_from_rfc2822(value).ok()?;
    naive_to_string(parsed.date_naive())
}

/// `YYYY-MM-DD` for a chrono date.
pub(crate) fn naive_to_string(date: NaiveDate) -> Option<String> {
    Date::new(date.year(), date.month(), date.day()).map(|date: Date| date.to_string())
}

/// A valid `YYYY-MM-DD` or `YYYY/MM/DD` prefix followed by nothing, `T` or a space.
fn leading_iso_date(value: &str) -> Option<Date> {
    let bytes: &[u8] = value.as_bytes();
    if bytes.len() < 10 {
        return None;
    }
    let separator: u8 = bytes[4];
    let shaped: bool = matches!(separator, b'-' | b'/')
        && bytes[7] == separator
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&index: &usize| bytes[index].is_ascii_digit());
    let ends_cleanly: bool = matches!(bytes.get(10), None | Some(b'T' | b't' | b' '));
    if !shaped || !ends_cleanly {
        return None;
    }
    let year: i32 = value.get(0..4)?.parse().ok()?;
    let month: u32 = value.get(5..7)?.parse().ok()?;
    let day: u32 = value.get(8..10)?.parse().ok()?;
    Date::new(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::normalize_date;

    #[test]
    fn accepted_forms() {
        for (input, expected) in [
            ("2024-03-12", "2024-03-12"),
            (" 2024-03-12T23:30:00-05:00 ", "2024-03-12"),
            ("2024-03-12 08:00", "2024-03-12"),
            ("2024/03/12", "2024-03-12"),
            ("20240312", "2024-03-12"),
            ("Tue, 12 Mar 2024 08:00:00 GMT", "2024-03-12"),
        ] {
            assert_eq!(normalize_date(input).as_deref(), Some(expected), "{input}");
        }
    }

    #[test]
    fn rejected_forms() {
        for input in [
            "",
            "yesterday",
            "2024-02-30",
            "2024-03-12x",
            "12/03/2024",
            "2024-3-12",
        ] {
            assert_eq!(normalize_date(input), None, "{input}");
        }
    }
}
