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

/// The marker lists, as tags of one combined [`MarkerSet`].
const CREDIT: u8 = 0;
const FOOTER: u8 = 1;
const OPENER: u8 = 2;
const PICTURE: u8 = 3;

/// Every marker list in one set: a line is scanned once for all of them.
fn line_markers() -> &'static MarkerSet {
    static SET: OnceLock<MarkerSet> = OnceLock::new();
    SET.get_or_init(|| {
        MarkerSet::tagged(&[
            (CREDIT_MARKERS, CREDIT),
            (FOOTER_MARKERS, FOOTER),
            (FOOTER_OPENERS, OPENER),
            (PICTURE_VERBS, PICTURE),
        ])
    })
}

/// Fixed lists of substrings to look for in one pass over a line. Markers of four bytes or
/// more are found through a filter on the line's 4-byte windows (a bit per hashed window:
/// "the " or " to " costs one bit test, not a comparison); shorter ones ("©") through their
/// first byte.
struct MarkerSet {
    /// Markers of at least four bytes, sorted.
    long: Vec<Marker>,
    /// The first four bytes of each of `long` as a big-endian integer (sorted too).
    heads: Vec<u32>,
    /// Bit [`window_hash`] of each long marker's first four bytes.
    windows: Box<[u64; WINDOW_WORDS]>,
    /// Markers of one to three bytes.
    short: Vec<Marker>,
    /// Bit `b` is set when a short marker starts with byte `b`.
    short_firsts: [u64; 4],
    /// Every short marker starts with a non-ASCII byte ("©"): none is in an ASCII line.
    short_non_ascii: bool,
}

/// A marker's bytes and the tag of its list.
type Marker = (&'static [u8], u8);

/// Words of the window filter: 2^14 bits, so about one window in 150 passes by chance.
const WINDOW_WORDS: usize = 256;

/// A 4-byte window's bit in [`MarkerSet::windows`].
#[inline(always)]
fn window_hash(window: u32) -> usize {
    (window.wrapping_mul(0x9E37_79B1) >> 18) as usize
}

impl MarkerSet {
    #[cfg(test)]
    fn new(list: &[&'static str]) -> MarkerSet {
        MarkerSet::tagged(&[(list, 0)])
    }

    /// One set over several lists; a match reports its list's tag.
    fn tagged(lists: &[(&[&'static str], u8)]) -> MarkerSet {
        let all = lists
            .iter()
            .flat_map(|&(list, tag)| list.iter().map(move |m: &&'static str| (m.as_bytes(), tag)))
            // No list has an empty marker; one would match everywhere and has no first byte.
            .filter(|(m, _)| !m.is_empty());
        let (mut long, short): (Vec<Marker>, Vec<Marker>) = all.partition(|(m, _)| m.len() >= 4);
        long.sort();
        let heads: Vec<u32> = long.iter().map(|(m, _)| head_of(m)).collect();
        let mut windows: Box<[u64; WINDOW_WORDS]> = Box::new([0; WINDOW_WORDS]);
        for (marker, _) in &long {
            let bit: usize = window_hash(u32::from_le_bytes([
                marker[0], marker[1], marker[2], marker[3],
            ]));
            windows[bit >> 6] |= 1 << (bit & 63);
        }
        let mut short_firsts: [u64; 4] = [0; 4];
        for (marker, _) in &short {
            let first: usize = usize::from(marker[0]);
            short_firsts[first >> 6] |= 1 << (first & 63);
        }
        let short_non_ascii: bool = short.iter().all(|(m, _)| !m[0].is_ascii());
        MarkerSet {
            long,
            heads,
            windows,
            short,
            short_firsts,
            short_non_ascii,
        }
    }

    #[cfg(test)]
    fn found_in(&self, haystack: &str) -> bool {
        let mut found: bool = false;
        self.each_match(haystack.as_bytes(), |_, _, _| found = true);
        found
    }

    /// Calls `visit(position, length, tag)` for every occurrence of every marker in
    /// `bytes`, in no particular order.
    fn each_match(&self, bytes: &[u8], mut visit: impl FnMut(usize, usize, u8)) {
        for (i, window) in bytes.windows(4).enumerate() {
            if let &[b0, b1, b2, b3] = window {
                let bit: usize = window_hash(u32::from_le_bytes([b0, b1, b2, b3]));
                if self.windows[bit >> 6] & (1 << (bit & 63)) != 0 {
                    self.long_matches_at(bytes, i, &mut visit);
                }
            }
        }
        if self.short.is_empty() || (self.short_non_ascii && bytes.is_ascii()) {
            return;
        }
        for (i, &b) in bytes.iter().enumerate() {
            if self.short_firsts[usize::from(b >> 6)] & (1 << (b & 63)) != 0 {
                for &(marker, tag) in &self.short {
                    if bytes[i..].starts_with(marker) {
                        visit(i, marker.len(), tag);
                    }
                }
            }
        }
    }

    /// The long markers starting at `bytes[i..]` (rare: kept out of the scanning loop).
    #[inline(never)]
    fn long_matches_at(&self, bytes: &[u8], i: usize, visit: &mut impl FnMut(usize, usize, u8)) {
        let rest: &[u8] = bytes.get(i..).unwrap_or_default();
        let head: u32 = head_of(rest);
        let from: usize = self.heads.partition_point(|&h: &u32| h < head);
        for (&(marker, tag), _) in self.long[from..]
            .iter()
            .zip(&self.heads[from..])
            .take_while(|(_, h)| **h == head)
        {
            if rest.starts_with(marker) {
                visit(i, marker.len(), tag);
            }
        }
    }
}

/// The first four bytes of `bytes` (zero-padded) as a big-endian integer: long markers
/// sort by it as by their bytes.
fn head_of(bytes: &[u8]) -> u32 {
    let mut head: [u8; 4] = [0; 4];
    let take: usize = bytes.len().min(4);
    head[..take].copy_from_slice(&bytes[..take]);
    u32::from_be_bytes(head)
}

/// One line, lower-cased and scanned once for every marker list.
struct LineFacts {
    /// `" {lower} "`: the picture verbs are looked for with a space on either side.
    padded: String,
    /// The trimmed lower-cased line, as a byte range of `padded`.
    trimmed: (usize, usize),
    /// A credit marker in the lower-cased line.
    credit: bool,
    /// A credit marker inside the trimmed line.
    credit_trimmed: bool,
    /// A footer marker inside the trimmed line.
    footer: bool,
    /// A footer opener inside the trimmed line.
    opener: bool,
    /// The trimmed line starts with a footer opener.
    opener_first: bool,
    /// A picture verb in `padded`.
    picture_verb: bool,
}

impl LineFacts {
    fn new(line: &str) -> LineFacts {
        let mut padded: String = String::with_capacity(line.len() + 2);
        padded.push(' ');
        // ASCII lines (most) lower-case byte by byte: the same result, without Unicode tables.
        if line.is_ascii() {
            padded.push_str(line);
            padded.make_ascii_lowercase();
        } else {
            padded.push_str(&line.to_lowercase());
        }
        padded.push(' ');
        let lower: &str = &padded[1..padded.len() - 1];
        let from: usize = 1 + (lower.len() - lower.trim_start().len());
        let to: usize = (1 + lower.trim_end().len()).max(from);
        let line_end: usize = padded.len() - 1;
        let mut facts: LineFacts = LineFacts {
            padded: String::new(),
            trimmed: (from, to),
            credit: false,
            credit_trimmed: false,
            footer: false,
            opener: false,
            opener_first: false,
            picture_verb: false,
        };
        line_markers().each_match(padded.as_bytes(), |at: usize, len: usize, tag: u8| {
            let in_line: bool = at >= 1 && at + len <= line_end;
            let in_trimmed: bool = at >= from && at + len <= to;
            match tag {
                CREDIT => {
                    facts.credit |= in_line;
                    facts.credit_trimmed |= in_trimmed;
                }
                FOOTER => facts.footer |= in_trimmed,
                OPENER => {
                    facts.opener |= in_trimmed;
                    facts.opener_first |= in_trimmed && at == from;
                }
                _ => facts.picture_verb = true,
            }
        });
        facts.padded = padded;
        facts
    }

    /// The lower-cased line.
    fn lower(&self) -> &str {
        &self.padded[1..self.padded.len() - 1]
    }

    fn trimmed(&self) -> &str {
        &self.padded[self.trimmed.0..self.trimmed.1]
    }

    fn is_credit_only(&self) -> bool {
        let trimmed: &str = self.trimmed();
        trimmed.len() < 60
            && self.credit_trimmed
            && trimmed.split_whitespace().count() <= 4
            && !trimmed.ends_with('.')
    }

    fn is_footer(&self) -> bool {
        let trimmed: &str = self.trimmed();
        let strong: bool = trimmed.len() < 200 && self.footer;
        let opener: bool = if trimmed.len() < 40 {
            self.opener
        } else {
            self.opener_first
        };
        strong || opener
    }

    fn is_picture_description(&self, report_date: Option<&str>) -> bool {
        // A full date needs a day and a year in digits.
        if !self.picture_verb || !self.lower().bytes().any(|b: u8| b.is_ascii_digit()) {
            return false;
        }
        let dates: Vec<(u32, u32, i32)> = full_dates(self.lower());
        if dates.is_empty() {
            return false;
        }
        let report: Option<(u32, u32, i32)> = report_date
            .and_then(crate::dates::parse_iso_date)
            .map(|d| (d.month, d.day, d.year));
        dates.iter().all(|d: &(u32, u32, i32)| Some(*d) != report)
    }
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

/// The bytes a breadcrumb separator (`>`, `/`, `|`, `»`, `›`) ends with.
static SEPARATOR_BYTES: [bool; 256] = {
    let mut table: [bool; 256] = [false; 256];
    table[b'>' as usize] = true;
    table[b'/' as usize] = true;
    table[b'|' as usize] = true;
    table[0xBB] = true;
    table[0xBA] = true;
    table
};

fn is_breadcrumb(line: &str) -> bool {
    let trimmed: &str = line.trim();
    // No separator, no breadcrumb: most lines stop here without being split.
    // The separators' bytes ('»' and '›' end in 0xBB and 0xBA) are looked for first: a
    // byte loop, where `contains` decodes chars.
    if trimmed.len() > 100
        || trimmed.ends_with(['.', '!', '?'])
        || !trimmed.bytes().any(|b: u8| SEPARATOR_BYTES[usize::from(b)])
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
    // A newline byte is always a whole char in UTF-8: found with `memchr`, no decoding.
    for (i, _) in text.match_indices('\n') {
        lines.push((start, i));
        start = i + 1;
    }
    lines.push((start, text.len()));
    let contents: Vec<&str> = lines
        .iter()
        .map(|&(s, e)| text.get(s..e).unwrap_or(""))
        .collect();
    // Each non-blank line is lower-cased and scanned for markers once.
    let facts: Vec<Option<LineFacts>> = contents
        .iter()
        .map(|l: &&str| (!l.trim().is_empty()).then(|| LineFacts::new(l)))
        .collect();
    let mut reasons: Vec<Reason> = vec![Reason::Story; lines.len()];
    let mut footer_started: bool = false;
    // The next non-blank line, for "short line followed by a credit".
    let next_non_empty = |from: usize| -> Option<&LineFacts> {
        facts.get(from + 1..)?.iter().find_map(Option::as_ref)
    };
    for (i, (line, facts_here)) in contents.iter().zip(&facts).enumerate() {
        let Some(here) = facts_here else {
            continue;
        };
        let trimmed: &str = line.trim();
        let short_unpunctuated: bool =
            trimmed.len() < 60 && !trimmed.ends_with(['.', '!', '?', '"', '”']);
        reasons[i] = if footer_started && short_unpunctuated {
            Reason::Footer
        } else if here.is_footer() {
            footer_started = true;
            Reason::Footer
        } else if is_byline(line) {
            Reason::Byline
        } else if here.is_credit_only() {
            Reason::Caption
        } else if is_breadcrumb(line) {
            Reason::Breadcrumb
        } else if here.credit
            || (trimmed.len() < 200 && next_non_empty(i).is_some_and(LineFacts::is_credit_only))
            || here.is_picture_description(report_date)
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
            // Lines are in text order with distinct starts.
            let reason: Reason = lines
                .binary_search_by_key(&start, |((s, _), _)| *s)
                .map_or(Reason::Story, |found: usize| lines[found].1);
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
        let lines: [&str; 12] = [
            "soldiers walk past a checkpoint in stepanakert on november 16, 2021",
            "© 2021 example news",
            "abc©",
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
    fn one_scan_finds_what_separate_searches_find() {
        let lines: [&str; 9] = [
            "Photo by  ",
            "  (AFP Photo)  ",
            "Copyright 2021 Example News, a long line that goes on and on",
            "Read more",
            "© Example News",
            "Troops walk past a checkpoint on November 16, 2021",
            "talks with reporters",
            "The minister said talks would resume.",
            "",
        ];
        let any = |list: &[&str], hay: &str| list.iter().any(|m: &&str| hay.contains(m));
        for line in lines {
            let facts: LineFacts = LineFacts::new(line);
            let lower: String = line.to_lowercase();
            let trimmed: &str = lower.trim();
            assert_eq!(facts.lower(), lower);
            assert_eq!(facts.trimmed(), trimmed);
            assert_eq!(facts.credit, any(CREDIT_MARKERS, &lower), "{line:?}");
            assert_eq!(
                facts.credit_trimmed,
                any(CREDIT_MARKERS, trimmed),
                "{line:?}"
            );
            assert_eq!(facts.footer, any(FOOTER_MARKERS, trimmed), "{line:?}");
            assert_eq!(facts.opener, any(FOOTER_OPENERS, trimmed), "{line:?}");
            let first: bool = FOOTER_OPENERS.iter().any(|m: &&str| trimmed.starts_with(m));
            assert_eq!(facts.opener_first, first, "{line:?}");
            let padded: String = format!(" {lower} ");
            assert_eq!(facts.picture_verb, any(PICTURE_VERBS, &padded), "{line:?}");
        }
        // "photo by " needs the trailing space the trimmed line lacks.
        let photo_by: LineFacts = LineFacts::new("Photo by  ");
        assert!(photo_by.credit && !photo_by.credit_trimmed);
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
