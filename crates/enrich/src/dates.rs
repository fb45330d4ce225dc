//! Event dates from the report date and the sentence.
//!
//! Everything is resolved relative to the report date with a **past bias** (news reports
//! what happened): "on Tuesday" is the most recent Tuesday on or before the report date,
//! "last November" the most recent November before the report month, a bare "Nov. 16"
//! the latest such day not after the report date (plus a week of slack for previews).
//!
//! `event_date` stays a `YYYY-MM-DD` string; how much of it is known travels separately
//! as [`DatePrecision`]: a year is encoded as `YYYY-01-01` with [`DatePrecision::Year`],
//! a month as `YYYY-MM-01` with [`DatePrecision::Month`], "last week" as the day seven
//! days before the report with [`DatePrecision::Week`].
//!
//! An event is **background** when the text places it in the past as context: its date
//! ends more than 31 days before the report date ("in 2020", "last year", "last
//! November", "during the 2020 war"), its clause starts with "since", or its verb is in
//! the past perfect ("had fought") outside reported speech. Past perfect after "said
//! that" / "as saying" / "reported that" is the usual back-shift of reported speech and
//! stays foreground.

use crate::words::{Word, split_words};

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

/// A date expression found in a sentence and resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedDate {
    pub date: SimpleDate,
    pub precision: DatePrecision,
    /// Byte span of the expression in the document (`None` for the report-date default).
    pub span: Option<(usize, usize)>,
    /// Which rule produced it ("weekday", "explicit", "yesterday", "report-date", ...).
    pub rule: &'static str,
}

/// The date of one event with its background flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDate {
    /// `None` when the text places the event in an unknown past.
    pub date: Option<ResolvedDate>,
    pub background: bool,
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

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
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

fn month_number(word: &str) -> Option<u32> {
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

fn weekday_number(word: &str) -> Option<u32> {
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

fn day_number(word: &Word<'_>) -> Option<u32> {
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

fn year_number(word: &Word<'_>) -> Option<i32> {
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
fn short_year(word: &Word<'_>) -> Option<i32> {
    if word.text.len() == 2 && word.text.chars().all(|c: char| c.is_ascii_digit()) {
        let yy: i32 = word.text.parse().ok()?;
        return Some(if yy >= 30 { 1900 + yy } else { 2000 + yy });
    }
    None
}

/// Latest date with this month/day that is not after the report date (plus a week).
fn past_month_day(report: SimpleDate, month: u32, day: u32) -> Option<SimpleDate> {
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

fn expression(
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

fn lower_at<'a>(words: &'a [Word<'_>], index: usize) -> &'a str {
    words.get(index).map_or("", |w: &Word<'_>| w.lower.as_str())
}

/// Skips a "." after an abbreviated month ("Nov. 16").
fn skip_dot(words: &[Word<'_>], index: usize) -> usize {
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

fn expression_at(
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

fn previous_month(report: SimpleDate) -> SimpleDate {
    months_back(report, 1)
}

fn months_back(report: SimpleDate, months: i64) -> SimpleDate {
    let index: i64 = i64::from(report.year) * 12 + i64::from(report.month) - 1 - months.min(60_000);
    SimpleDate {
        year: index.div_euclid(12) as i32,
        month: index.rem_euclid(12) as u32 + 1,
        day: 1,
    }
}

/// The last day a resolved date can stand for (end of its year/month/week).
fn period_end(resolved: &ResolvedDate) -> SimpleDate {
    let date: SimpleDate = resolved.date;
    match resolved.precision {
        DatePrecision::Day => date,
        DatePrecision::Week => date.add_days(6),
        DatePrecision::Month => SimpleDate {
            day: days_in_month(date.year, date.month),
            ..date
        },
        DatePrecision::Year => SimpleDate {
            month: 12,
            day: 31,
            ..date
        },
    }
}

const SPEECH_WORDS: &[&str] = &[
    "said",
    "says",
    "saying",
    "told",
    "reported",
    "reports",
    "added",
    "stated",
    "announced",
    "claimed",
    "according",
    "that",
    "quoted",
    "cited",
];

/// Dates one event: `sentence` is the sentence text starting at byte `sentence_start` of
/// the document, `verb` the event verb's document byte span when known.
pub fn date_event(
    sentence: &str,
    sentence_start: usize,
    verb: Option<(usize, usize)>,
    report: Option<SimpleDate>,
) -> EventDate {
    let words: Vec<Word<'_>> = split_words(sentence, sentence_start);
    let expressions: Vec<DateExpression> = find_date_expressions(&words, report);
    let verb_index: Option<usize> =
        verb.and_then(|(start, _)| words.iter().position(|w: &Word<'_>| w.start >= start));

    // "a year after X": an event inside X happened a year before the sentence's time.
    if let (Some(v), Some(report)) = (verb_index, report)
        && let Some(shift) = after_clause_shift(&words, v)
    {
        let date: SimpleDate = SimpleDate {
            year: report.year - shift,
            month: 1,
            day: 1,
        };
        let resolved: ResolvedDate = ResolvedDate {
            date,
            precision: DatePrecision::Year,
            span: None,
            rule: "years-after",
        };
        return EventDate {
            date: Some(resolved),
            background: true,
        };
    }

    let chosen: Option<&DateExpression> = choose_expression(&expressions, verb_index);
    // "clashes erupted a year after the 2020 war": X is dated, the event is X + N years.
    if chosen.is_none()
        && let Some(v) = verb_index
        && let Some(resolved) = dated_after_clause(&words, &expressions, v)
    {
        let background: bool =
            report.is_some_and(|r: SimpleDate| period_end(&resolved).to_days() < r.to_days() - 31);
        return EventDate {
            date: Some(resolved),
            background,
        };
    }
    let mut background: bool = false;
    if let (Some(expr), Some(report)) = (chosen, report) {
        background = period_end(&expr.resolved).to_days() < report.to_days() - 31;
    }
    let since: bool = clause_starts_with_since(&words, verb_index);
    let past_perfect: bool = verb_index.is_some_and(|v: usize| is_past_perfect(&words, v));
    if since || past_perfect {
        background = true;
    }
    let date: Option<ResolvedDate> = match chosen {
        Some(expr) => Some(expr.resolved.clone()),
        None if background => None,
        None => report.map(|date: SimpleDate| ResolvedDate {
            date,
            precision: DatePrecision::Day,
            span: None,
            rule: "report-date",
        }),
    };
    EventDate { date, background }
}

/// The expression nearest the verb; noun-modifier years only when nothing else exists.
fn choose_expression(
    expressions: &[DateExpression],
    verb: Option<usize>,
) -> Option<&DateExpression> {
    let distance = |e: &DateExpression| -> usize {
        match verb {
            Some(v) if v < e.first => e.first - v,
            Some(v) if v >= e.end => v + 1 - e.end,
            Some(_) => 0,
            None => e.first,
        }
    };
    expressions
        .iter()
        .filter(|e: &&DateExpression| !e.modifier)
        .min_by_key(|e: &&DateExpression| distance(e))
}

/// "<verb> ... a year after <X with a year>": the year of X plus the shift.
fn dated_after_clause(
    words: &[Word<'_>],
    expressions: &[DateExpression],
    verb: usize,
) -> Option<ResolvedDate> {
    let after: usize = (verb + 1..words.len())
        .take_while(|&k: &usize| !matches!(lower_at(words, k), "." | ";"))
        .find(|&k: &usize| {
            lower_at(words, k) == "after"
                && matches!(lower_at(words, k.wrapping_sub(1)), "year" | "years")
        })?;
    let shift: i32 = after_clause_shift(words, after + 1)?;
    let dated: &DateExpression = expressions.iter().find(|e: &&DateExpression| {
        e.first > after && e.resolved.precision == DatePrecision::Year
    })?;
    let (start, _) = words
        .get(after.saturating_sub(2))
        .map(|w: &Word<'_>| (w.start, w.end))?;
    let end: usize = dated.resolved.span.map_or(start, |(_, e)| e);
    Some(ResolvedDate {
        date: SimpleDate {
            year: dated.resolved.date.year + shift,
            month: 1,
            day: 1,
        },
        precision: DatePrecision::Year,
        span: Some((start, end)),
        rule: "years-after-dated",
    })
}

/// "a year after X" / "two years after X" before the verb: returns the shift in years.
fn after_clause_shift(words: &[Word<'_>], verb: usize) -> Option<i32> {
    for k in (0..verb).rev() {
        let w: &str = lower_at(words, k);
        if matches!(w, "." | ";" | "," | "when" | "while") {
            return None;
        }
        if w == "after" && matches!(lower_at(words, k.wrapping_sub(1)), "year" | "years") {
            let n: &str = lower_at(words, k.wrapping_sub(2));
            let shift: i32 = match n {
                "a" | "one" => 1,
                _ => crate::numbers::parse_number_text(n)
                    .map(|m| m.value as i32)
                    .filter(|v| *v < 200)?,
            };
            return Some(shift);
        }
    }
    None
}

fn clause_starts_with_since(words: &[Word<'_>], verb: Option<usize>) -> bool {
    let Some(verb) = verb else { return false };
    for k in (0..verb).rev() {
        let w: &str = lower_at(words, k);
        if w == "since" {
            return true;
        }
        if matches!(w, ";" | "that" | "but") {
            return false;
        }
    }
    false
}

/// "had died", "had been captured", "had already fought" outside reported speech.
fn is_past_perfect(words: &[Word<'_>], verb: usize) -> bool {
    let mut had: Option<usize> = None;
    for k in (verb.saturating_sub(4)..verb).rev() {
        let w: &str = lower_at(words, k);
        if w == "had" || w == "'d" {
            had = Some(k);
            break;
        }
        if !matches!(
            w,
            "been" | "already" | "also" | "previously" | "earlier" | "not" | "never" | "reportedly"
        ) {
            break;
        }
    }
    let Some(had) = had else { return false };
    !words[..had]
        .iter()
        .any(|w: &Word<'_>| SPEECH_WORDS.contains(&w.lower.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Option<SimpleDate> {
        SimpleDate::new(2021, 11, 16)
    }

    fn date_of(sentence: &str, verb: &str) -> (Option<String>, bool) {
        let start: usize = sentence.find(verb).unwrap_or(0);
        let event: EventDate = date_event(sentence, 0, Some((start, start + verb.len())), report());
        (
            event.date.map(|d: ResolvedDate| d.date.iso()),
            event.background,
        )
    }

    #[test]
    fn calendar_arithmetic() {
        let date: SimpleDate = SimpleDate {
            year: 2021,
            month: 11,
            day: 16,
        };
        assert_eq!(SimpleDate::from_days(date.to_days()), date);
        assert_eq!(date.weekday(), 1, "2021-11-16 was a Tuesday");
        assert_eq!(date.add_days(-16).iso(), "2021-10-31");
        assert_eq!(SimpleDate::new(2021, 2, 29), None);
        assert_eq!(parse_iso_date("2021-11-16T10:00:00Z"), report());
    }

    #[test]
    fn explicit_dates() {
        assert_eq!(
            date_of("Clashes broke out on 16 November 2021 near Goris.", "broke")
                .0
                .as_deref(),
            Some("2021-11-16")
        );
        assert_eq!(
            date_of("Troops attacked the town on Nov. 14.", "attacked")
                .0
                .as_deref(),
            Some("2021-11-14")
        );
        assert_eq!(
            date_of("Troops attacked the town on November 14, 2019.", "attacked"),
            (Some("2019-11-14".into()), true)
        );
        assert_eq!(
            date_of("TERRORISTS ATTACKED THE TOWN ON 30 DECEMBER.", "ATTACKED")
                .0
                .as_deref(),
            Some("2020-12-30")
        );
        assert_eq!(
            date_of("SAN SALVADOR, 3 JAN 90 -- TROOPS ATTACKED.", "ATTACKED")
                .0
                .as_deref(),
            Some("1990-01-03")
        );
    }

    #[test]
    fn weekdays_are_past_biased() {
        assert_eq!(
            date_of("He said on Tuesday that talks failed.", "said")
                .0
                .as_deref(),
            Some("2021-11-16")
        );
        assert_eq!(
            date_of("Rebels attacked on Wednesday.", "attacked")
                .0
                .as_deref(),
            Some("2021-11-10")
        );
        assert_eq!(
            date_of("Rebels attacked on Sunday.", "attacked")
                .0
                .as_deref(),
            Some("2021-11-14")
        );
    }

    #[test]
    fn relative_expressions() {
        assert_eq!(
            date_of("Police arrested him yesterday.", "arrested")
                .0
                .as_deref(),
            Some("2021-11-15")
        );
        assert_eq!(
            date_of("Police arrested him last week.", "arrested")
                .0
                .as_deref(),
            Some("2021-11-09")
        );
        assert_eq!(
            date_of("The war ended last November.", "ended"),
            (Some("2020-11-01".into()), true)
        );
        assert_eq!(
            date_of("The war ended last March.", "ended"),
            (Some("2021-03-01".into()), true)
        );
        assert_eq!(
            date_of("Talks resumed earlier this month.", "resumed"),
            (Some("2021-11-01".into()), false)
        );
        assert_eq!(
            date_of("They fought a war in 2020.", "fought"),
            (Some("2020-01-01".into()), true)
        );
        assert_eq!(
            date_of("Thousands fled during the 2020 war.", "fled"),
            (Some("2020-01-01".into()), true)
        );
        assert_eq!(
            date_of("The two sides fought last year.", "fought"),
            (Some("2020-01-01".into()), true)
        );
        assert_eq!(
            date_of("Rebels seized the town three days ago.", "seized")
                .0
                .as_deref(),
            Some("2021-11-13")
        );
    }

    #[test]
    fn last_years_war_is_background() {
        let sentence: &str = "Azerbaijan regained the districts in last year's war.";
        assert_eq!(
            date_of(sentence, "regained"),
            (Some("2020-01-01".into()), true)
        );
        let precise: EventDate = date_event(sentence, 0, Some((11, 19)), report());
        assert_eq!(
            precise.date.map(|d: ResolvedDate| d.precision),
            Some(DatePrecision::Year)
        );
    }

    #[test]
    fn a_year_after() {
        let sentence: &str =
            "Tensions remain high a year after the arch-foes fought a war over the region.";
        assert_eq!(
            date_of(sentence, "fought"),
            (Some("2020-01-01".into()), true)
        );
        assert_eq!(
            date_of(sentence, "remain"),
            (Some("2021-11-16".into()), false)
        );
        let dated: &str = "Fighting flared a year after the 2019 ceasefire.";
        assert_eq!(date_of(dated, "flared"), (Some("2020-01-01".into()), true));
        let undated: &str = "Fighting flared a year after the ceasefire.";
        assert_eq!(
            date_of(undated, "flared"),
            (Some("2021-11-16".into()), false)
        );
    }

    #[test]
    fn background_cues() {
        let (date, background) = date_of(
            "Since the truce, the two sides have accused each other.",
            "accused",
        );
        assert_eq!((date, background), (None, true));
        assert!(
            date_of(
                "Azerbaijan had captured the town before the talks.",
                "captured"
            )
            .1
        );
        // Reported-speech back-shift stays foreground.
        let reported: &str =
            "Interfax cited the parliament as saying that 15 soldiers had died in clashes.";
        assert_eq!(
            date_of(reported, "died"),
            (Some("2021-11-16".into()), false)
        );
        // Noun-modifier years do not date the event.
        let modifier: &str = "Veterans of the 2020 war protested on Monday.";
        assert_eq!(
            date_of(modifier, "protested").0.as_deref(),
            Some("2021-11-15")
        );
    }
}
