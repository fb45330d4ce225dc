//! Actor code brackets: `CODE`, `CODE <date`, `CODE >date`, `CODE date-date`.

use crate::code::{DateRestriction, DictDate};
use crate::phrase::upper;

/// Days in `month` of `year` (Gregorian), 0 for an invalid month.
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// Parse `YYYYMMDD` or `YYMMDD` (TABARI: `00`-`30` → 20YY, else 19YY). The date must be
/// a real calendar date.
pub fn parse_date(s: &str) -> Result<DictDate, String> {
    let s: &str = s.trim();
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("date `{s}` is not all digits"));
    }
    let number = |part: &str| -> u32 { part.parse::<u32>().unwrap_or(0) };
    let (year, month, day): (u32, u32, u32) = match s.len() {
        8 => (number(&s[..4]), number(&s[4..6]), number(&s[6..])),
        6 => {
            let yy: u32 = number(&s[..2]);
            let year: u32 = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            (year, number(&s[2..4]), number(&s[4..]))
        }
        n => {
            return Err(format!(
                "date `{s}` has {n} digits; expected YYYYMMDD or YYMMDD"
            ));
        }
    };
    if day == 0 || day > days_in_month(year, month) {
        return Err(format!("date `{s}` is not a valid calendar date"));
    }
    Ok(DictDate(year * 10_000 + month * 100 + day))
}

/// Parse the text inside an actor code bracket into the code(s) and the restriction.
pub fn parse_actor_code(inner: &str) -> Result<(Vec<String>, DateRestriction), String> {
    let inner: &str = inner.trim();
    let (code, rest): (&str, &str) = match inner.find(char::is_whitespace) {
        Some(pos) => (&inner[..pos], inner[pos..].trim()),
        None => (inner, ""),
    };
    if code.is_empty() {
        return Err("empty code `[]`".to_string());
    }
    if code.starts_with(|c: char| c.is_ascii_digit() || c == '<' || c == '>') {
        return Err(format!("code missing before date restriction `{inner}`"));
    }
    let codes: Vec<String> = code
        .split('/')
        .filter(|c| !c.is_empty())
        .map(upper)
        .collect();
    if codes.is_empty() {
        return Err(format!("no code in `{inner}`"));
    }
    let restriction: DateRestriction = parse_restriction(rest)?;
    Ok((codes, restriction))
}

/// Parse `""`, `<date`, `>date`, `date-date` (blanks allowed around the operators).
fn parse_restriction(rest: &str) -> Result<DateRestriction, String> {
    let rest: &str = rest.trim();
    if rest.is_empty() {
        return Ok(DateRestriction::Always);
    }
    if let Some(date) = rest.strip_prefix('<') {
        return Ok(DateRestriction::Before(parse_date(date)?));
    }
    if let Some(date) = rest.strip_prefix('>') {
        return Ok(DateRestriction::After(parse_date(date)?));
    }
    match rest.split_once('-') {
        Some((from, to)) => {
            let from: DictDate = parse_date(from)?;
            let to: DictDate = parse_date(to)?;
            if from > to {
                return Err(format!("date range `{rest}` ends before it starts"));
            }
            Ok(DateRestriction::Between(from, to))
        }
        None => Err(format!(
            "date restriction `{rest}` is not <date, >date or date-date"
        )),
    }
}
