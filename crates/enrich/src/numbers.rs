//! Numbers written in digits or words, with their hedges.
//!
//! "15", "6,500", "1.5 million", "twenty-five", "one hundred and twenty", "a dozen",
//! "two dozen". Vague plurals get a documented **lower bound** and `lower_bound: true`:
//!
//! | words | value |
//! |---|---|
//! | "dozens" | 24 (two dozen, the least that "dozens" can mean) |
//! | "scores" | 40 |
//! | "hundreds" | 200 |
//! | "thousands" | 2,000 |
//! | "tens of thousands" | 20,000 |
//!
//! Hedges before the number: "at least", "more than", "over", "upwards of" set
//! `lower_bound`; "about", "around", "some", "nearly", "almost", "roughly",
//! "approximately", "up to", "as many as" set `approximate`. Case is ignored, so old
//! ALL-CAPS wire copy reads the same.

use crate::words::Word;

/// A number found at some word position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberMention {
    /// The value (the lower bound for vague plurals).
    pub value: u32,
    /// The text says "at least" this many (or a vague plural such as "dozens").
    pub lower_bound: bool,
    /// The text hedges ("about", "nearly", "up to").
    pub approximate: bool,
    /// Index of the first word, hedge included.
    pub first: usize,
    /// Index one past the last word of the number.
    pub end: usize,
    /// Index of the first word of the number itself (after the hedge).
    pub number_first: usize,
}

fn unit_value(word: &str) -> Option<u64> {
    let value: u64 = match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(value)
}

fn scale_value(word: &str) -> Option<u64> {
    match word {
        "hundred" => Some(100),
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        _ => None,
    }
}

/// Value of one word written in letters: "six", "twenty-five", "dozen".
fn word_value(word: &str) -> Option<u64> {
    if let Some(value) = unit_value(word) {
        return Some(value);
    }
    let (tens, unit) = word.split_once('-')?;
    let tens: u64 = unit_value(tens).filter(|v: &u64| *v >= 20 && v.is_multiple_of(10))?;
    let unit: u64 = unit_value(unit).filter(|v: &u64| (1..10).contains(v))?;
    Some(tens + unit)
}

/// Parses digits: "15", "6,500", "1.5" (with a scale word after it).
fn digits_value(text: &str) -> Option<f64> {
    // Plain counts ("15", "6,500"): up to 15 digits are exact as an integer and as f64, so
    // the integer read gives the same value as the float parse below.
    let digits: usize = text.bytes().filter(u8::is_ascii_digit).count();
    if (1..=15).contains(&digits) && text.bytes().all(|b: u8| b.is_ascii_digit() || b == b',') {
        let value: u64 = text
            .bytes()
            .filter(u8::is_ascii_digit)
            .fold(0, |v: u64, b: u8| v * 10 + u64::from(b - b'0'));
        return Some(value as f64);
    }
    let cleaned: String = text.chars().filter(|c: &char| *c != ',').collect();
    if cleaned.is_empty()
        || !cleaned
            .chars()
            .all(|c: char| c.is_ascii_digit() || c == '.')
    {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v: &f64| v.is_finite())
}

/// Parses a whole phrase written as a number ("more than 6,500", "twenty-five", "dozens").
pub fn parse_number_text(text: &str) -> Option<NumberMention> {
    let words: Vec<Word<'_>> = crate::words::split_words(text, 0);
    let mention: NumberMention = parse_number_at(&words, 0)?;
    (mention.end == words.len()).then_some(mention)
}

const LOWER_BOUND_HEDGES: &[&[&str]] = &[
    &["at", "least"],
    &["more", "than"],
    &["upwards", "of"],
    &["over"],
    &["in", "excess", "of"],
];
const APPROXIMATE_HEDGES: &[&[&str]] = &[
    &["as", "many", "as"],
    &["up", "to"],
    &["about"],
    &["around"],
    &["some"],
    &["nearly"],
    &["almost"],
    &["roughly"],
    &["approximately"],
    &["an", "estimated"],
    &["approx"],
];

fn starts_with(words: &[Word<'_>], at: usize, phrase: &[&str]) -> bool {
    phrase.iter().enumerate().all(|(k, part)| {
        words
            .get(at + k)
            .is_some_and(|w: &Word<'_>| w.lower == *part)
    })
}

/// Whether a number or its hedge can start with `word`: every word of every sentence is
/// tried, and nearly all are turned away here without testing each hedge and form.
fn may_start_number(word: &Word<'_>) -> bool {
    let lower: &str = word.lower.as_ref();
    word.text.as_bytes().first().is_some_and(u8::is_ascii_digit)
        // A byte search: `str::contains(char)` sets up a char searcher per word.
        || lower.as_bytes().contains(&b'-')
        || unit_value(lower).is_some()
        || matches!(
            lower,
            // Vague plurals and "a dozen".
            "tens" | "dozens" | "scores" | "hundreds" | "thousands" | "a" | "an"
            // First words of the hedges (a test keeps these in step with the lists).
            | "at" | "more" | "upwards" | "over" | "in" | "as" | "up" | "about" | "around"
            | "some" | "nearly" | "almost" | "roughly" | "approximately" | "approx"
        )
}

/// Parses a number (with an optional hedge) starting at word `at`.
#[inline]
pub fn parse_number_at(words: &[Word<'_>], at: usize) -> Option<NumberMention> {
    // Most words start no number: that answer is given inline, without a call.
    if !may_start_number(words.get(at)?) {
        return None;
    }
    parse_number_from(words, at)
}

/// [`parse_number_at`] at a word that may start a number.
#[inline(never)]
fn parse_number_from(words: &[Word<'_>], at: usize) -> Option<NumberMention> {
    let mut index: usize = at;
    let mut lower_bound: bool = false;
    let mut approximate: bool = false;
    for hedge in LOWER_BOUND_HEDGES {
        if starts_with(words, index, hedge) {
            index += hedge.len();
            lower_bound = true;
            break;
        }
    }
    if !lower_bound {
        for hedge in APPROXIMATE_HEDGES {
            if starts_with(words, index, hedge) {
                index += hedge.len();
                approximate = true;
                break;
            }
        }
    }
    let (value, end, vague) = parse_bare_number(words, index)?;
    Some(NumberMention {
        value,
        lower_bound: lower_bound || vague,
        approximate,
        first: at,
        end,
        number_first: index,
    })
}

/// The number itself: returns value, end index and whether it is a vague plural.
fn parse_bare_number(words: &[Word<'_>], at: usize) -> Option<(u32, usize, bool)> {
    let first: &Word<'_> = words.get(at)?;
    let lower: &str = first.lower.as_ref();
    // Vague plurals.
    if starts_with(words, at, &["tens", "of", "thousands"]) {
        return Some((20_000, at + 3, true));
    }
    let vague: Option<u32> = match lower {
        "dozens" => Some(24),
        "scores" => Some(40),
        "hundreds" => Some(200),
        "thousands" => Some(2_000),
        _ => None,
    };
    if let Some(value) = vague {
        return Some((value, at + 1, true));
    }
    // "a dozen", "a hundred", "a thousand".
    if lower == "a" || lower == "an" {
        let next: &Word<'_> = words.get(at + 1)?;
        return match next.lower.as_ref() {
            "dozen" => Some((12, at + 2, false)),
            "hundred" => Some((100, at + 2, false)),
            "thousand" => Some((1_000, at + 2, false)),
            _ => None,
        };
    }
    if first.is_numeric() {
        let scaled: bool = words
            .get(at + 1)
            .is_some_and(|w: &Word<'_>| scale_value(&w.lower).is_some());
        if first.text.contains('.') && !scaled {
            return None; // decimals without a scale are not head counts
        }
        let mut value: f64 = digits_value(first.text)?;
        let mut end: usize = at + 1;
        if let Some(scale) = words
            .get(end)
            .and_then(|w: &Word<'_>| scale_value(&w.lower))
        {
            value *= scale as f64;
            end += 1;
        } else if words
            .get(end)
            .is_some_and(|w: &Word<'_>| w.lower == "dozen")
        {
            value *= 12.0;
            end += 1;
        }
        if value > f64::from(u32::MAX) || value < 0.0 {
            return None;
        }
        return Some((value.round() as u32, end, false));
    }
    // Number words: "one hundred and twenty five", "two dozen".
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut index: usize = at;
    let mut seen: bool = false;
    while let Some(word) = words.get(index) {
        let w: &str = word.lower.as_ref();
        if let Some(value) = word_value(w) {
            current += value;
            seen = true;
            index += 1;
        } else if seen && w == "dozen" {
            current = current.max(1) * 12;
            index += 1;
        } else if seen && let Some(scale) = scale_value(w) {
            if scale == 100 {
                current = current.max(1) * 100;
            } else {
                total += current.max(1) * scale;
                current = 0;
            }
            index += 1;
        } else if seen
            && w == "and"
            && words
                .get(index + 1)
                .is_some_and(|n: &Word<'_>| word_value(&n.lower).is_some())
            && (current >= 100 || total > 0)
        {
            index += 1;
        } else if seen && w == "-" {
            // "twenty - five" split by the tokenizer never happens; stop cleanly.
            break;
        } else {
            break;
        }
        if total + current > u64::from(u32::MAX) {
            return None;
        }
    }
    if !seen {
        return None;
    }
    let value: u32 = u32::try_from(total + current).ok()?;
    Some((value, index, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_read_agrees_with_float_parse() {
        for text in [
            "0",
            "15",
            "6,500",
            "1,,2",
            "999999999999999",
            "1234567890123456",
            "1.5",
            ",",
            "",
        ] {
            let cleaned: String = text.chars().filter(|c: &char| *c != ',').collect();
            let float: Option<f64> = cleaned.parse::<f64>().ok();
            assert_eq!(digits_value(text), float, "{text}");
        }
    }

    fn value(text: &str) -> Option<(u32, bool)> {
        parse_number_text(text).map(|m: NumberMention| (m.value, m.lower_bound))
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(value("15"), Some((15, false)));
        assert_eq!(value("more than 6,500"), Some((6_500, true)));
        assert_eq!(value("1.5 million"), Some((1_500_000, false)));
        assert_eq!(value("two"), Some((2, false)));
        assert_eq!(value("TWENTY-FIVE"), Some((25, false)));
        assert_eq!(value("one hundred and twenty"), Some((120, false)));
        assert_eq!(value("three thousand four hundred"), Some((3_400, false)));
        assert_eq!(value("a dozen"), Some((12, false)));
        assert_eq!(value("two dozen"), Some((24, false)));
        assert_eq!(value("at least twelve"), Some((12, true)));
    }

    #[test]
    fn every_hedge_may_start_a_number() {
        for hedge in LOWER_BOUND_HEDGES.iter().chain(APPROXIMATE_HEDGES) {
            let words: Vec<Word<'_>> = crate::words::split_words(hedge[0], 0);
            assert!(may_start_number(&words[0]), "{hedge:?}");
        }
    }

    #[test]
    fn vague_plurals_are_lower_bounds() {
        assert_eq!(value("dozens"), Some((24, true)));
        assert_eq!(value("hundreds"), Some((200, true)));
        assert_eq!(value("thousands"), Some((2_000, true)));
        assert_eq!(value("tens of thousands"), Some((20_000, true)));
        assert_eq!(value("scores"), Some((40, true)));
    }

    #[test]
    fn rejects_non_numbers() {
        assert_eq!(value("soldiers"), None);
        assert_eq!(value("a"), None);
        assert_eq!(value("99999999999"), None);
        assert_eq!(value("3.5"), None);
        let approx: Option<NumberMention> = parse_number_text("about 40");
        assert!(approx.is_some_and(|m: NumberMention| m.approximate && m.value == 40));
    }
}
