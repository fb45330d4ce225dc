//! The report date a plain-text article writes in its dateline:
//! `YEREVAN, April 20, 2024 —`, `KYIV, 3 March 2025 (Reuters) -`, `GOMA, Jan. 27, 2025 -`.
//!
//! Only the opening of the text is searched, and only a full date (day, month name,
//! four-digit year) is taken, so a date mentioned later in the story is never mistaken
//! for the report date.

use crate::date::Date;

/// How far into the text a dateline may reach, in bytes.
const DATELINE_REACH: usize = 160;

/// `YYYY-MM-DD` of the dateline at the start of `text`, if it has a full date.
pub(crate) fn dateline_date(text: &str) -> Option<String> {
    let end: usize = (0..=DATELINE_REACH.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let opening: &str = text[..end].lines().next().unwrap_or("");
    let words: Vec<&str> = opening
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let Some(month) = month_number(word) else {
            continue;
        };
        // Month Day Year  |  Day Month Year
        let after: (Option<&&str>, Option<&&str>) = (words.get(i + 1), words.get(i + 2));
        if let (Some(day), Some(year)) = after
            && let Some(date) = build(year, month, day)
        {
            return Some(date);
        }
        if let (Some(day), Some(year)) = (
            i.checked_sub(1).and_then(|j| words.get(j)),
            words.get(i + 1),
        ) && let Some(date) = build(year, month, day)
        {
            return Some(date);
        }
    }
    None
}

fn build(year: &str, month: u32, day: &str) -> Option<String> {
    let year: i32 = digits(year)?
        .parse()
        .ok()
        .filter(|y: &i32| (1900..=2100).contains(y))?;
    let day: u32 = digits(day)?.parse().ok()?;
    Date::new(year, month, day).map(|d: Date| d.to_string())
}

/// The word without trailing punctuation, when all digits (`20,` `2024` `3rd` is refused).
fn digits(word: &str) -> Option<&str> {
    let trimmed: &str = word.trim_end_matches(['.', ',', ';', ':']);
    (!trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit())).then_some(trimmed)
}

fn month_number(word: &str) -> Option<u32> {
    let word: String = word.trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [(&str, &str); 12] = [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may", "may"),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ];
    MONTHS
        .iter()
        .position(|(full, short)| {
            word == *full || word == *short || (word == "sept" && *short == "sep")
        })
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::dateline_date;

    #[test]
    fn datelines_in_common_styles() {
        assert_eq!(
            dateline_date("YEREVAN, April 20, 2024 — Armenia and ...").as_deref(),
            Some("2024-04-20")
        );
        assert_eq!(
            dateline_date("KYIV, 3 March 2025 (Reuters) - Russia ...").as_deref(),
            Some("2025-03-03")
        );
        assert_eq!(
            dateline_date("GOMA, Jan. 27, 2025 - M23 rebels ...").as_deref(),
            Some("2025-01-27")
        );
        assert_eq!(
            dateline_date("NAIROBI, Sept. 9, 2024 -").as_deref(),
            Some("2024-09-09")
        );
    }

    #[test]
    fn no_full_date_no_report_date() {
        assert_eq!(
            dateline_date("BAKU, Nov 16 (Reuters) - Azerbaijan said ..."),
            None
        );
        assert_eq!(
            dateline_date("Troops entered the town.\nOn March 3, 2020 the war began."),
            None
        );
        assert_eq!(dateline_date("May 40, 2024"), None);
        assert_eq!(dateline_date(""), None);
        assert_eq!(
            dateline_date(
                "ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ May 2, 2024"
            ),
            None
        );
    }
}
