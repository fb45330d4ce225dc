//! Date expressions in a sentence: explicit dates, weekdays, relative phrases, years.

use super::ResolvedDate;
use super::calendar::{DatePrecision, SimpleDate, months_back, previous_month};
use crate::words::Word;

pub(super) fn month_number(word: &str) -> Option<u32> {
    let month: u32 = match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(month)
}

pub(super) fn weekday_number(word: &str) -> Option<u32> {
    let day: u32 = match word {
        "monday" => 0,
        "tuesday" => 1,
        "wednesday" => 2,
        "thursday" => 3,
        "friday" => 4,
        "saturday" => 5,
        "sunday" => 6,
        _ => return None,
    };
    Some(day)
}

pub(super) fn day_number(word: &Word<'_>) -> Option<u32> {
    // Trimming suffixes keeps the first byte, which must be a digit: most words stop here.
    if !word
        .lower
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let digits: &str = word
        .lower
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    if digits.is_empty() || digits.len() > 2 || !digits.chars().all(|c: char| c.is_ascii_digit()) {
        return None;
    }
    digits
        .parse::<u32>()
        .ok()
        .filter(|d: &u32| (1..=31).contains(d))
}

pub(super) fn year_number(word: &Word<'_>) -> Option<i32> {
    if word.text.len() == 4 && word.text.chars().all(|c: char| c.is_ascii_digit()) {
        return word
            .text
            .parse::<i32>()
            .ok()
            .filter(|y: &i32| (1800..=2199).contains(y));
    }
    None
}

/// Two-digit wire years ("3 JAN 90"): 30–99 → 19xx, else 20xx.
pub(super) fn short_year(word: &Word<'_>) -> Option<i32> {
    if word.text.len() == 2 && word.text.chars().all(|c: char| c.is_ascii_digit()) {
        let yy: i32 = word.text.parse().ok()?;
        return Some(if yy >= 30 { 1900 + yy } else { 2000 + yy });
    }
    None
}

/// Latest date with this month/day that is not after the report date (plus a week).
pub(super) fn past_month_day(report: SimpleDate, month: u32, day: u32) -> Option<SimpleDate> {
    let this_year: Option<SimpleDate> = SimpleDate::new(report.year, month, day);
    match this_year {
        Some(date) if date.to_days() <= report.to_days() + 7 => Some(date),
        _ => SimpleDate::new(report.year - 1, month, day),
    }
}

/// One date expression in a sentence: its word range and its resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpression {
    pub first: usize,
    pub end: usize,
    pub resolved: ResolvedDate,
    /// A bare year used as a noun modifier ("the 2020 war"): describes a thing, not when
    /// the event happened, unless a time preposition precedes it.
    pub modifier: bool,
}

pub(super) fn expression(
    words: &[Word<'_>],
    first: usize,
    end: usize,
    date: SimpleDate,
    precision: DatePrecision,
    rule: &'static str,
) -> DateExpression {
    let start: usize = words.get(first).map_or(0, |w: &Word<'_>| w.start);
    let stop: usize = words
        .get(end.saturating_sub(1))
        .map_or(start, |w: &Word<'_>| w.end);
    DateExpression {
        first,
        end,
        resolved: ResolvedDate {
            date,
            precision,
            span: Some((start, stop)),
            rule,
        },
        modifier: false,
    }
}

pub(super) fn lower_at<'a>(words: &'a [Word<'_>], index: usize) -> &'a str {
    words.get(index).map_or("", |w: &Word<'_>| w.lower.as_ref())
}

/// Skips a "." after an abbreviated month ("Nov. 16").
pub(super) fn skip_dot(words: &[Word<'_>], index: usize) -> usize {
    if lower_at(words, index) == "." {
        index + 1
    } else {
        index
    }
}

/// Finds and resolves all date expressions in `words` (one sentence).
pub fn find_date_expressions(
    words: &[Word<'_>],
    report: Option<SimpleDate>,
) -> Vec<DateExpression> {
    let mut found: Vec<DateExpression> = Vec::new();
    let mut i: usize = 0;
    while i < words.len() {
        if let Some(expr) = expression_at(words, i, report) {
            i = expr.end.max(i + 1);
            found.push(expr);
        } else {
            i += 1;
        }
    }
    found
}

pub(super) fn expression_at(
    words: &[Word<'_>],
    i: usize,
    report: Option<SimpleDate>,
) -> Option<DateExpression> {
    let w: &str = lower_at(words, i);
    // "16 November 2021", "16 Nov", "3 JAN 90".
    if let Some(day) = words.get(i).and_then(day_number)
        && let Some(month) = month_number(lower_at(words, i + 1))
    {
        let after: usize = skip_dot(words, i + 2);
        if let Some(year) = words
            .get(after)
            .and_then(|w| year_number(w).or_else(|| short_year(w)))
        {
            let date: SimpleDate = SimpleDate::new(year, month, day)?;
            return Some(expression(
                words,
                i,
                after + 1,
                date,
                DatePrecision::Day,
                "explicit",
            ));
        }
        let date: SimpleDate = past_month_day(report?, month, day)?;
        return Some(expression(
            words,
            i,
            after,
            date,
            DatePrecision::Day,
            "explicit",
        ));
    }
    if let Some(month) = month_number(w) {
        // "may" is also a verb: only as a month when a day or year follows.
        let after: usize = skip_dot(words, i + 1);
        if let Some(day) = words.get(after).and_then(day_number) {
            let mut end: usize = after + 1;
            if lower_at(words, end) == "," {
                end += 1;
            }
            if let Some(year) = words.get(end).and_then(year_number) {
                let date: SimpleDate = SimpleDate::new(year, month, day)?;
                return Some(expression(
                    words,
                    i,
                    end + 1,
                    date,
                    DatePrecision::Day,
                    "explicit",
                ));
            }
            let date: SimpleDate = past_month_day(report?, month, day)?;
            return Some(expression(
                words,
                i,
                after + 1,
                date,
                DatePrecision::Day,
                "explicit",
            ));
        }
        if let Some(year) = words.get(after).and_then(year_number) {
            let date: SimpleDate = SimpleDate::new(year, month, 1)?;
            return Some(expression(
                words,
                i,
                after + 1,
                date,
                DatePrecision::Month,
                "explicit",
            ));
        }
        return None;
    }
    if let Some(year) = words.get(i).and_then(year_number) {
        let date: SimpleDate = SimpleDate::new(year, 1, 1)?;
        let mut expr: DateExpression =
            expression(words, i, i + 1, date, DatePrecision::Year, "year");
        let before: &str = lower_at(words, i.wrapping_sub(1));
        let time_preposition: bool =
            matches!(before, "in" | "since" | "during" | "until" | "by" | "of")
                || (matches!(before, "the")
                    && matches!(
                        lower_at(words, i.wrapping_sub(2)),
                        "during" | "since" | "in"
                    ));
        let next: Option<&Word<'_>> = words.get(i + 1);
        let noun_follows: bool = next.is_some_and(|n: &Word<'_>| !n.is_punct() && !n.is_numeric());
        expr.modifier = noun_follows && !time_preposition;
        return Some(expr);
    }
    let report: SimpleDate = report?;
    if let Some(weekday) = weekday_number(w) {
        let back: i64 = i64::from((report.weekday() + 7 - weekday) % 7);
        let date: SimpleDate = report.add_days(-back);
        return Some(expression(
            words,
            i,
            i + 1,
            date,
            DatePrecision::Day,
            "weekday",
        ));
    }
    match w {
        "yesterday" => {
            return Some(expression(
                words,
                i,
                i + 1,
                report.add_days(-1),
                DatePrecision::Day,
                "yesterday",
            ));
        }
        "today" | "tonight" => {
            return Some(expression(
                words,
                i,
                i + 1,
                report,
                DatePrecision::Day,
                "today",
            ));
        }
        _ => {}
    }
    let next: &str = lower_at(words, i + 1);
    match (w, next) {
        ("this", "morning" | "afternoon" | "evening" | "week") => {
            return Some(expression(
                words,
                i,
                i + 2,
                report,
                DatePrecision::Day,
                "today",
            ));
        }
        ("last", "night") => {
            return Some(expression(
                words,
                i,
                i + 2,
                report.add_days(-1),
                DatePrecision::Day,
                "yesterday",
            ));
        }
        ("last", "week") => {
            return Some(expression(
                words,
                i,
                i + 2,
                report.add_days(-7),
                DatePrecision::Week,
                "last-week",
            ));
        }
        ("last", "month") => {
            let date: SimpleDate = previous_month(report);
            return Some(expression(
                words,
                i,
                i + 2,
                date,
                DatePrecision::Month,
                "last-month",
            ));
        }
        ("last", "year") => {
            let date: SimpleDate = SimpleDate {
                year: report.year - 1,
                month: 1,
                day: 1,
            };
            return Some(expression(
                words,
                i,
                i + 2,
                date,
                DatePrecision::Year,
                "last-year",
            ));
        }
        ("this", "month") | ("earlier", "this") | ("later", "this") => {
            let end: usize = if w == "this" { i + 2 } else { i + 3 };
            let unit: &str = if w == "this" {
                "month"
            } else {
                lower_at(words, i + 2)
            };
            if unit == "month" {
                let date: SimpleDate = SimpleDate {
                    year: report.year,
                    month: report.month,
                    day: 1,
                };
                return Some(expression(
                    words,
                    i,
                    end,
                    date,
                    DatePrecision::Month,
                    "this-month",
                ));
            }
            if unit == "year" {
                let date: SimpleDate = SimpleDate {
                    year: report.year,
                    month: 1,
                    day: 1,
                };
                return Some(expression(
                    words,
                    i,
                    end,
                    date,
                    DatePrecision::Year,
                    "this-year",
                ));
            }
            if unit == "week" {
                return Some(expression(
                    words,
                    i,
                    end,
                    report,
                    DatePrecision::Week,
                    "this-week",
                ));
            }
        }
        ("last", month_word) if month_number(month_word).is_some() => {
            let month: u32 = month_number(month_word)?;
            let year: i32 = if month < report.month {
                report.year
            } else {
                report.year - 1
            };
            let date: SimpleDate = SimpleDate {
                year,
                month,
                day: 1,
            };
            return Some(expression(
                words,
                i,
                i + 2,
                date,
                DatePrecision::Month,
                "last-month-name",
            ));
        }
        _ => {}
    }
    // "N days/weeks/months/years ago", "a year ago".
    if let Some(number) = crate::numbers::parse_number_at(words, i).or_else(|| {
        (w == "a" || w == "an").then_some(crate::numbers::NumberMention {
            value: 1,
            lower_bound: false,
            approximate: false,
            first: i,
            end: i + 1,
            number_first: i,
        })
    }) {
        let unit: &str = lower_at(words, number.end);
        if lower_at(words, number.end + 1) == "ago" {
            let n: i64 = i64::from(number.value);
            let (date, precision) = match unit {
                "day" | "days" => (report.add_days(-n), DatePrecision::Day),
                "week" | "weeks" => (report.add_days(-7 * n), DatePrecision::Week),
                "month" | "months" => (months_back(report, n), DatePrecision::Month),
                "year" | "years" => (
                    SimpleDate {
                        year: report.year - n.min(5000) as i32,
                        month: 1,
                        day: 1,
                    },
                    DatePrecision::Year,
                ),
                _ => return None,
            };
            return Some(expression(words, i, number.end + 2, date, precision, "ago"));
        }
    }
    None
}
