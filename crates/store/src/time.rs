//! UTC timestamps and calendar helpers without a date-time dependency.

use std::time::{SystemTime, UNIX_EPOCH};

/// Now as `YYYY-MM-DDThh:mm:ssZ`.
pub fn utc_now_rfc3339() -> String {
    let secs: i64 = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0);
    rfc3339_from_unix(secs)
}

/// `secs` since the Unix epoch as `YYYY-MM-DDThh:mm:ssZ`.
pub fn rfc3339_from_unix(secs: i64) -> String {
    let days: i64 = secs.div_euclid(86_400);
    let rem: i64 = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z: i64 = days + 719_468;
    let era: i64 = z.div_euclid(146_097);
    let doe: i64 = z.rem_euclid(146_097);
    let yoe: i64 = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy: i64 = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp: i64 = (5 * doy + 2) / 153;
    let day: i64 = doy - (153 * mp + 2) / 5 + 1;
    let month: i64 = if mp < 10 { mp + 3 } else { mp - 9 };
    let year: i64 = yoe + era * 400 + i64::from(month <= 2);
    (year, month as u32, day as u32)
}

/// A `YYYY-MM-DD` prefix of `text` when it is a plausible calendar date, else `None`.
///
/// Accepts a full timestamp (`2024-03-01T10:00:00Z`) by taking its date part, so that date
/// filters and buckets (plain string comparison in SQL) stay correct.
pub fn normalise_date(text: &str) -> Option<String> {
    let head: &str = text.trim().get(..10)?;
    let bytes: &[u8] = head.as_bytes();
    let digits_ok: bool = bytes.iter().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            *b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    if !digits_ok {
        return None;
    }
    let year: u32 = head[..4].parse().ok()?;
    let month: u32 = head[5..7].parse().ok()?;
    let day: u32 = head[8..10].parse().ok()?;
    ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
        .then(|| head.to_string())
}

/// Days in `month` (1-12) of `year`, Gregorian.
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

/// Day of the year (1-366) of a `YYYY-MM-DD` date already checked by [`normalise_date`].
pub fn day_of_year(date: &str) -> Option<u32> {
    let year: u32 = date.get(..4)?.parse().ok()?;
    let month: u32 = date.get(5..7)?.parse().ok()?;
    let day: u32 = date.get(8..10)?.parse().ok()?;
    let before: u32 = (1..month).map(|m| days_in_month(year, m)).sum();
    Some(before + day)
}

#[cfg(test)]
mod tests {
    use super::{day_of_year, normalise_date, rfc3339_from_unix};

    #[test]
    fn counts_days_of_year() {
        assert_eq!(day_of_year("2024-01-01"), Some(1));
        assert_eq!(day_of_year("2024-03-01"), Some(61));
        assert_eq!(day_of_year("2023-12-31"), Some(365));
    }

    #[test]
    fn formats_unix_times() {
        assert_eq!(rfc3339_from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_from_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339_from_unix(1_798_761_599), "2026-12-31T23:59:59Z");
    }

    #[test]
    fn normalises_dates() {
        assert_eq!(normalise_date("2024-03-01"), Some("2024-03-01".to_string()));
        assert_eq!(
            normalise_date("2024-03-01T10:00Z"),
            Some("2024-03-01".to_string())
        );
        assert_eq!(normalise_date("2024-13-01"), None);
        assert_eq!(normalise_date("2023-02-29"), None);
        assert_eq!(normalise_date("2024-02-29"), Some("2024-02-29".to_string()));
        assert_eq!(normalise_date("20240301"), None);
        assert_eq!(normalise_date("2024-0é-01"), None);
        assert_eq!(normalise_date(""), None);
    }
}
