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

mod calendar;
mod expressions;
#[cfg(test)]
mod tests;

pub use calendar::{DatePrecision, SimpleDate, parse_iso_date};
pub use expressions::{DateExpression, find_date_expressions};

use calendar::days_in_month;
use expressions::lower_at;

use crate::words::{Word, split_words};

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

/// The last day a resolved date can stand for (end of its year/month/week).
pub(super) fn period_end(resolved: &ResolvedDate) -> SimpleDate {
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
    date_event_in_words(&words, verb, report)
}

/// As [`date_event`], over the sentence's words already split.
pub fn date_event_in_words(
    words: &[Word<'_>],
    verb: Option<(usize, usize)>,
    report: Option<SimpleDate>,
) -> EventDate {
    let expressions: Vec<DateExpression> = find_date_expressions(words, report);
    date_event_with_expressions(words, &expressions, verb, report)
}

/// [`date_event_in_words`] with the sentence's date expressions already found (they
/// depend only on the words and the report date, so a sentence with several events or
/// casualty counts finds them once).
pub fn date_event_with_expressions(
    words: &[Word<'_>],
    expressions: &[DateExpression],
    verb: Option<(usize, usize)>,
    report: Option<SimpleDate>,
) -> EventDate {
    let verb_index: Option<usize> =
        verb.and_then(|(start, _)| words.iter().position(|w: &Word<'_>| w.start >= start));

    // "a year after X": an event inside X happened a year before the sentence's time.
    if let (Some(v), Some(report)) = (verb_index, report)
        && let Some(shift) = after_clause_shift(words, v)
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

    let chosen: Option<&DateExpression> = choose_expression(expressions, verb_index);
    // "clashes erupted a year after the 2020 war": X is dated, the event is X + N years.
    if chosen.is_none()
        && let Some(v) = verb_index
        && let Some(resolved) = dated_after_clause(words, expressions, v)
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
    let since: bool = clause_starts_with_since(words, verb_index);
    let past_perfect: bool = verb_index.is_some_and(|v: usize| is_past_perfect(words, v));
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
pub(super) fn choose_expression(
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
pub(super) fn dated_after_clause(
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
pub(super) fn after_clause_shift(words: &[Word<'_>], verb: usize) -> Option<i32> {
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

pub(super) fn clause_starts_with_since(words: &[Word<'_>], verb: Option<usize>) -> bool {
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
pub(super) fn is_past_perfect(words: &[Word<'_>], verb: usize) -> bool {
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
        .any(|w: &Word<'_>| SPEECH_WORDS.contains(&w.lower.as_ref()))
}
