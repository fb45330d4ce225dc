//! Boilerplate: sentences that are not story text and must not be coded.
//!
//! Decided per *line* (captions, breadcrumbs, bylines and footers are lines of their own
//! in extracted article text) and then given to every sentence on that line:
//! * **captions**: a credit on the line ("(AFP photo)", "(Photo by Reuters)", "Photo:",
//!   "(File photo)", "AFP/Getty Images", "Image:"), a short line followed by a credit-only
//!   line, or a picture description mid-article (a present-tense picture verb such as
//!   "talks with", "take part", "poses" together with a full `on <Month> <day>, <year>`
//!   date that is not the report's);
//! * **bylines**: "By John Smith", "By John Smith, Reuters";
//! * **breadcrumbs**: short lines of short items separated by ">", "/", "»", "|", "›"
//!   ("Home > World > Asia", "News / Politics");
//! * **footers**: "©", "Copyright", "All rights reserved", "Follow us on", "Subscribe",
//!   "Read more", "Share this", cookie notices, "can also be accessed at", and every short
//!   unpunctuated line after the first footer line at the end of the page.
//!
//! Datelines ("BAKU, Nov 16 (Reuters) -") and headlines are kept.

use std::sync::OnceLock;

use annalist_text::Span;

/// Why a sentence is (not) codable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    Story,
    Caption,
    Byline,
    Breadcrumb,
    Footer,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Story => "story",
            Reason::Caption => "caption",
            Reason::Byline => "byline",
            Reason::Breadcrumb => "breadcrumb",
            Reason::Footer => "footer",
        }
    }
}

/// The verdict for one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub codable: bool,
    pub reason: Reason,
}

const CREDIT_MARKERS: &[&str] = &[
    "(afp photo)",
    "(photo by",
    "(reuters photo)",
    "(ap photo",
    "(file photo)",
    "(photo:",
    "photo:",
    "photo credit",
    "getty images",
    "afp/",
    "/afp",
    "/reuters",
    "reuters/",
    "(photo)",
    "image:",
    "picture:",
    "(epa)",
    "epa/",
    "(photo via",
    "photograph:",
    "(file)",
    "/ap photo",
    "ap photo/",
    "credit:",
    "(xinhua)",
    "xinhua/",
    "(anadolu",
    "shutterstock",
    "photo by ",
];

/// Markers that make a line a footer wherever they stand.
const FOOTER_MARKERS: &[&str] = &[
    "©",
    "all rights reserved",
    "can also be accessed at",
    "alternate addresses",
    "cookie policy",
    "privacy policy",
    "terms of use",
    "we use cookies",
    "uses cookies",
    "cookie settings",
    "download our app",
];

/// Markers that make a line a footer only when it starts with them or is very short
/// ("countries that subscribe to the treaty" is story text).
const FOOTER_OPENERS: &[&str] = &[
    "copyright",
    "follow us",
    "subscribe",
    "read more",
    "share this",
    "sign up",
    "newsletter",
    "click here",
    "related articles",
    "related stories",
    "related:",
    "advertisement",
    "also read",
    "more from",
    "share on",
    "join our",
];

const PICTURE_VERBS: &[&str] = &[
    " talks with ",
    " take part ",
    " takes part ",
    " poses ",
    " pose ",
    " stands ",
    " stand ",
    " walks ",
    " walk ",
    " looks on",
    " look on",
    " gestures",
    " is seen ",
    " are seen ",
    " arrives ",
    " arrive ",
    " waves ",
    " wave ",
    " attends ",
    " attend ",
    " holds ",
    " hold ",
    " speaks during ",
    " speaks at ",
    " react ",
    " reacts ",
    " sits ",
    " sit ",
    " shakes hands",
    " gather ",
    " gathers ",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn is_credit_line(lower: &str) -> bool {
    static SET: OnceLock<MarkerSet> = OnceLock::new();
    SET.get_or_init(|| MarkerSet::new(CREDIT_MARKERS))
        .found_in(lower)
}

/// A fixed list of substrings to look for in one pass over a line: each byte of the line
/// only tries the markers starting with that byte (cheaper than one search per marker).
struct MarkerSet {
    /// Markers sorted by first byte.
    markers: Vec<&'static [u8]>,
    /// `markers[starts[b]..starts[b + 1]]` start with byte `b`.
    starts: Vec<usize>,
    /// An empty marker matches everywhere.
    empty: bool,
    /// Bit `b0 << 8 | b1` is set when some marker starts with bytes `b0 b1` (every `b1`
    /// for a one-byte marker): most positions of a line are rejected by one bit test.
    pairs: Box<[u64; 1024]>,
}

impl MarkerSet {
    fn new(list: &[&'static str]) -> MarkerSet {
        let mut markers: Vec<&'static [u8]> = list
            .iter()
            .map(|m: &&'static str| m.as_bytes())
            .filter(|m: &&[u8]| !m.is_empty())
            .collect();
        let empty: bool = markers.len() < list.len();
        // Sorted whole, so the markers sharing their first two bytes are neighbours.
        markers.sort();
        let starts: Vec<usize> = (0..=256usize)
            .map(|byte: usize| markers.partition_point(|m: &&[u8]| usize::from(m[0]) < byte))
            .collect();
        let mut pairs: Box<[u64; 1024]> = Box::new([0; 1024]);
        for marker in &markers {
            let first: usize = usize::from(marker[0]) << 8;
            let seconds: Vec<usize> = match marker.get(1) {
                Some(&second) => vec![usize::from(second)],
                None => (0..256).collect(),
            };
            for second in seconds {
                let bit: usize = first | second;
                pairs[bit >> 6] |= 1 << (bit & 63);
            }
        }
        MarkerSet {
            markers,
            starts,
            empty,
            pairs,
        }
    }

    fn found_in(&self, haystack: &str) -> bool {
        if self.empty {
            return true;
        }
        let bytes: &[u8] = haystack.as_bytes();
        // Every line of every document is scanned: a window of two bytes slides along
        // (no bounds checks), and only a pair some marker starts with is looked at.
        for (i, pair) in bytes.windows(2).enumerate() {
            if let &[first, second] = pair
                && self.pair_starts_marker(first, second)
                && self.starts_here(bytes, i, usize::from(first))
            {
                return true;
            }
        }
        // Past the end the second byte reads as 0: one-byte markers set every pair.
        match bytes.last() {
            Some(&last) => {
                self.pair_starts_marker(last, 0)
                    && self.starts_here(bytes, bytes.len() - 1, usize::from(last))
            }
            None => false,
        }
    }

    #[inline(always)]
    fn pair_starts_marker(&self, first: u8, second: u8) -> bool {
        let bit: usize = usize::from(first) << 8 | usize::from(second);
        self.pairs[bit >> 6] & (1 << (bit & 63)) != 0
    }

    /// Whether a marker starting with byte `first` starts at `bytes[i..]` (rare: kept
    /// out of the scanning loop).
    #[inline(never)]
    fn starts_here(&self, bytes: &[u8], i: usize, first: usize) -> bool {
        let (from, to) = (self.starts[first], self.starts[first + 1]);
        let rest: &[u8] = bytes.get(i..).unwrap_or_default();
        let group: &[&'static [u8]] = &self.markers[from..to];
        // A one-byte marker sorts first and matches whatever follows.
        if group.first().is_some_and(|m: &&[u8]| m.len() == 1) {
            return true;
        }
        // Many markers share a first byte (" talks", " poses", ...): only those whose
        // second byte matches too are compared.
        let Some(&second) = rest.get(1) else {
            return false;
        };
        let begin: usize = group.partition_point(|m: &&[u8]| m[1] < second);
        group[begin..]
            .iter()
            .take_while(|m: &&&[u8]| m[1] == second)
            .any(|m: &&[u8]| rest.starts_with(m))
    }
}

fn is_credit_only(lower: &str) -> bool {
    let trimmed: &str = lower.trim();
    trimmed.len() < 60
        && is_credit_line(trimmed)
        && trimmed.split_whitespace().count() <= 4
        && !trimmed.ends_with('.')
}

fn is_byline(line: &str) -> bool {
    let trimmed: &str = line.trim();
    let Some(rest) = trimmed
        .strip_prefix("By ")
        .or_else(|| trimmed.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest
        .split([' ', ','])
        .filter(|w: &&str| !w.is_empty())
        .collect();
    trimmed.len() < 80
        && (2..=8).contains(&words.len())
        && words
            .iter()
            .filter(|w: &&&str| w.chars().next().is_some_and(char::is_uppercase))
            .count()
            * 2
            >= words.len()
        && !trimmed.ends_with('.')
}

fn is_breadcrumb(line: &str) -> bool {
    let trimmed: &str = line.trim();
    // No separator, no breadcrumb: most lines stop here without being split.
    if trimmed.len() > 100
        || trimmed.ends_with(['.', '!', '?'])
        || !trimmed.contains(['>', '/', '»', '|', '›'])
    {
        return false;
    }
    let parts: Vec<&str> = trimmed
        .split(['>', '/', '»', '|', '›'])
        .map(str::trim)
        .filter(|p: &&str| !p.is_empty())
        .collect();
    let separators: usize = trimmed
        .chars()
        .filter(|c: &char| matches!(c, '>' | '/' | '»' | '|' | '›'))
        .count();
    separators >= 1
        && parts.len() >= 2
        && parts
            .iter()
            .all(|p: &&str| p.split_whitespace().count() <= 3)
}

fn is_footer(lower: &str) -> bool {
    let trimmed: &str = lower.trim();
    static MARKERS: OnceLock<MarkerSet> = OnceLock::new();
    static OPENERS: OnceLock<MarkerSet> = OnceLock::new();
    let strong: bool = trimmed.len() < 200
        && MARKERS
            .get_or_init(|| MarkerSet::new(FOOTER_MARKERS))
            .found_in(trimmed);
    let opener: bool = if trimmed.len() < 40 {
        OPENERS
            .get_or_init(|| MarkerSet::new(FOOTER_OPENERS))
            .found_in(trimmed)
    } else {
        FOOTER_OPENERS.iter().any(|m: &&str| trimmed.starts_with(m))
    };
    strong || opener
}

/// A full date "<Month> <day>, <year>" or "<day> <Month> <year>" in the line, as text.
fn full_dates(lower: &str) -> Vec<(u32, u32, i32)> {
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w: &&str| !w.is_empty())
        .collect();
    let mut dates: Vec<(u32, u32, i32)> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if let Some(month) = MONTHS.iter().position(|m: &&str| m == word) {
            let day: Option<u32> = words.get(i + 1).and_then(|d: &&str| d.parse().ok());
            let year: Option<i32> = words.get(i + 2).and_then(|y: &&str| y.parse().ok());
            let day_before: Option<u32> =
                i.checked_sub(1).and_then(|k: usize| words[k].parse().ok());
            match (
                day,
                year,
                day_before,
                words.get(i + 1).and_then(|y: &&str| y.parse::<i32>().ok()),
            ) {
                (Some(d), Some(y), _, _) if d <= 31 && y > 1900 => {
                    dates.push((month as u32 + 1, d, y))
                }
                (_, _, Some(d), Some(y)) if d <= 31 && y > 1900 => {
                    dates.push((month as u32 + 1, d, y))
                }
                _ => {}
            }
        }
    }
    dates
}

fn is_picture_description(lower: &str, report_date: Option<&str>) -> bool {
    // A full date needs a day and a year in digits.
    if !lower.bytes().any(|b: u8| b.is_ascii_digit()) {
        return false;
    }
    let padded: String = format!(" {lower} ");
    static VERBS: OnceLock<MarkerSet> = OnceLock::new();
    if !VERBS
        .get_or_init(|| MarkerSet::new(PICTURE_VERBS))
        .found_in(&padded)
    {
        return false;
    }
    let dates: Vec<(u32, u32, i32)> = full_dates(lower);
    if dates.is_empty() {
        return false;
    }
    let report: Option<(u32, u32, i32)> = report_date
        .and_then(crate::dates::parse_iso_date)
        .map(|d| (d.month, d.day, d.year));
    dates.iter().all(|d: &(u32, u32, i32)| Some(*d) != report)
}

/// The line (byte range) holding `offset`.
fn line_bounds(text: &str, offset: usize) -> (usize, usize) {
    let offset: usize = offset.min(text.len());
    let start: usize = text
        .get(..offset)
        .and_then(|t: &str| t.rfind('\n'))
        .map_or(0, |i: usize| i + 1);
    let end: usize = text
        .get(offset..)
        .and_then(|t: &str| t.find('\n'))
        .map_or(text.len(), |i: usize| offset + i);
    (start, end)
}

/// Classifies every line of `text` (as byte range → reason).
fn classify_lines(text: &str, report_date: Option<&str>) -> Vec<((usize, usize), Reason)> {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut start: usize = 0;
    // A newline byte is always a whole char in UTF-8: no need to decode.
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            lines.push((start, i));
            start = i + 1;
        }
    }
    lines.push((start, text.len()));
    let contents: Vec<&str> = lines
        .iter()
        .map(|&(s, e)| text.get(s..e).unwrap_or(""))
        .collect();
    // ASCII lines (most) lower-case byte by byte: the same result, without Unicode tables.
    let lowers: Vec<String> = contents
        .iter()
        .map(|l: &&str| {
            if l.is_ascii() {
                l.to_ascii_lowercase()
            } else {
                l.to_lowercase()
            }
        })
        .collect();
    let mut reasons: Vec<Reason> = vec![Reason::Story; lines.len()];
    let mut footer_started: bool = false;
    // Index of the next non-empty line, for "short line followed by a credit".
    let next_non_empty = |from: usize| -> Option<usize> {
        (from + 1..lines.len()).find(|&j: &usize| !contents[j].trim().is_empty())
    };
    for i in 0..lines.len() {
        let line: &str = contents[i];
        let lower: &str = lowers[i].as_str();
        if line.trim().is_empty() {
            continue;
        }
        let short_unpunctuated: bool =
            line.trim().len() < 60 && !line.trim_end().ends_with(['.', '!', '?', '"', '”']);
        reasons[i] = if footer_started && short_unpunctuated {
            Reason::Footer
        } else if is_footer(lower) {
            footer_started = true;
            Reason::Footer
        } else if is_byline(line) {
            Reason::Byline
        } else if is_credit_only(lower) {
            Reason::Caption
        } else if is_breadcrumb(line) {
            Reason::Breadcrumb
        } else if is_credit_line(lower)
            || (line.trim().len() < 200
                && next_non_empty(i).is_some_and(|j: usize| is_credit_only(&lowers[j])))
            || is_picture_description(lower, report_date)
        {
            Reason::Caption
        } else {
            Reason::Story
        };
    }
    lines.into_iter().zip(reasons).collect()
}

/// One verdict per sentence span: `codable` is false for captions, bylines, breadcrumbs
/// and footers. `report_date` (`YYYY-MM-DD`) helps tell picture captions from story text.
pub fn classify_sentences(
    text: &str,
    sentences: &[Span],
    report_date: Option<&str>,
) -> Vec<Verdict> {
    let lines: Vec<((usize, usize), Reason)> = classify_lines(text, report_date);
    sentences
        .iter()
        .map(|span: &Span| {
            let (start, _) = line_bounds(text, span.start as usize);
            let reason: Reason = lines
                .iter()
                .find(|((s, _), _)| *s == start)
                .map_or(Reason::Story, |(_, r)| *r);
            Verdict {
                codable: reason == Reason::Story,
                reason,
            }
        })
        .collect()
}

/// Just the codable flags.
pub fn codable_mask(text: &str, sentences: &[Span], report_date: Option<&str>) -> Vec<bool> {
    classify_sentences(text, sentences, report_date)
        .iter()
        .map(|v: &Verdict| v.codable)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(text: &str) -> Vec<Reason> {
        let spans: Vec<Span> = text
            .split('\n')
            .scan(0usize, |offset: &mut usize, line: &str| {
                let span: Option<Span> = Span::from_usize(*offset, *offset + line.len());
                *offset += line.len() + 1;
                span
            })
            .filter(|s: &Span| !s.is_empty())
            .collect();
        classify_sentences(text, &spans, Some("2021-11-16"))
            .iter()
            .map(|v: &Verdict| v.reason)
            .collect()
    }

    #[test]
    fn marker_sets_agree_with_substring_search() {
        let lists: [&[&'static str]; 4] = [
            CREDIT_MARKERS,
            FOOTER_MARKERS,
            FOOTER_OPENERS,
            PICTURE_VERBS,
        ];
        let lines: [&str; 10] = [
            "soldiers walk past a checkpoint in stepanakert on november 16, 2021",
            "leaders take part in talks with the press as the pm stands by",
            "a photographer: afp/photo credit and reuters/ file",
            "(afp photo) / getty images",
            "© 2021 all rights reserved",
            "read more: related stories",
            "the minister said talks would resume.",
            "x",
            "",
            " p",
        ];
        for list in lists {
            let set: MarkerSet = MarkerSet::new(list);
            for line in lines {
                let padded: String = format!(" {line} ");
                for hay in [line, padded.as_str()] {
                    let expected: bool = list.iter().any(|m: &&str| hay.contains(m));
                    assert_eq!(set.found_in(hay), expected, "{hay:?}");
                }
            }
        }
        let one_byte: MarkerSet = MarkerSet::new(&["x", "ab"]);
        assert!(one_byte.found_in("yx"));
        assert!(one_byte.found_in("xab"));
        assert!(!one_byte.found_in("ya"));
    }

    #[test]
    fn marks_furniture() {
        let text: &str = "Home > World > Asia\n\
By John Smith\n\
BAKU, Nov 16 (Reuters) - Clashes broke out on the border.\n\
Soldiers patrol the border. (AFP photo)\n\
Troops patrol near Goris\n\
AFP/Getty Images\n\
US Rep. Ilhan Omar talks with Speaker Nancy Pelosi during a rally on March 08, 2019 in Washington.\n\
The ministry said two soldiers were wounded.\n\
© 2021 Example News. All rights reserved.\n\
Follow us on Twitter\n\
Example News Roku";
        assert_eq!(
            reasons(text),
            [
                Reason::Breadcrumb,
                Reason::Byline,
                Reason::Story,
                Reason::Caption,
                Reason::Caption,
                Reason::Caption,
                Reason::Caption,
                Reason::Story,
                Reason::Footer,
                Reason::Footer,
                Reason::Footer
            ]
        );
    }

    #[test]
    fn footer_words_inside_story_sentences_stay() {
        let text: &str = "Both countries subscribe to the 1994 treaty, the ministry said.\nRead more: Armenia votes\nSubscribe to our newsletter";
        assert_eq!(
            reasons(text),
            [Reason::Story, Reason::Footer, Reason::Footer]
        );
    }

    #[test]
    fn story_sentences_with_slashes_and_dates_stay() {
        let text: &str = "Talks on March 8, 2019 failed, officials said.\nThe 24/7 service resumed on Monday after the and/or clause was dropped.";
        assert_eq!(reasons(text), [Reason::Story, Reason::Story]);
    }
}
