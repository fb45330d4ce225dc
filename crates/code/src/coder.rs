//! The coder: dictionaries compiled once, then a pure function from one parsed sentence
//! to its events.

use std::borrow::Cow;
use std::fmt;

use annalist_dict::{DictDate, Dictionaries, VerbDialect};
use annalist_text::{Aligner, Span, Tree, parse_ptb};

use crate::acled_index::{ALL_CUES, AcledIndex};
use crate::actors::{SlotInfo, assign_codes};
use crate::commas::check_commas;
use crate::compile::{Compiled, Discard, EvCode, IssueKind, NO_WORD, Origin, WordPhrase};
use crate::directed;
use crate::event::{Acled, Actor, Event, EventIdHash, PatternRef, Plover, Verb};
use crate::options::CodingOptions;
use crate::parselist::{self, Irregular, Lab, Pi, Rt};
use crate::reciprocal;
use crate::spans;
use crate::transform;
use crate::uncoded;
use crate::verbs::{self, Loc, SItem};
use crate::voice::{self, Voice};

/// One sentence to code.
#[derive(Debug, Clone, Copy)]
pub struct SentenceInput<'a> {
    /// Document (story) id.
    pub doc_id: &'a str,
    /// Sentence id (unique within the document).
    pub sentence_id: &'a str,
    /// Report date as `YYYYMMDD` (or `YYMMDD`, or `YYYY-MM-DD`); selects date-restricted
    /// actor codes.
    pub date: Option<&'a str>,
    /// The sentence text as it stands in the document.
    pub text: &'a str,
    /// The Penn Treebank parse of the sentence.
    pub parse: &'a str,
}

/// Why a sentence produced no events other than "nothing matched".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    /// The parse tree could not be read.
    BadTree {
        doc_id: String,
        sentence_id: String,
        message: String,
    },
    /// PETRARCH's irregular-input checks rejected the record (`dateline`,
    /// `bad_input_parse`, ...).
    Irregular {
        doc_id: String,
        sentence_id: String,
        kind: Irregular,
    },
    /// A discard phrase was found: the sentence (or, when `story`, the whole story) is
    /// not coded.
    Discarded {
        doc_id: String,
        sentence_id: String,
        phrase: String,
        story: bool,
    },
}

impl CodeError {
    /// PETRARCH's name for the condition (`dateline`, `sentencediscard`, ...).
    pub fn kind_name(&self) -> &'static str {
        match self {
            CodeError::BadTree { .. } => "bad_input_parse",
            CodeError::Irregular { kind, .. } => kind.name(),
            CodeError::Discarded { story: true, .. } => "storydiscard",
            CodeError::Discarded { story: false, .. } => "sentencediscard",
        }
    }
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::BadTree {
                doc_id,
                sentence_id,
                message,
            } => write!(
                f,
                "{doc_id}/{sentence_id}: unreadable parse tree: {message}"
            ),
            CodeError::Irregular {
                doc_id,
                sentence_id,
                kind,
            } => write!(f, "{doc_id}/{sentence_id}: record skipped: {}", kind.name()),
            CodeError::Discarded {
                doc_id,
                sentence_id,
                phrase,
                story,
            } => write!(
                f,
                "{doc_id}/{sentence_id}: {} discard on \"{phrase}\"",
                if *story { "story" } else { "sentence" }
            ),
        }
    }
}

impl std::error::Error for CodeError {}

/// Result of coding a batch: all events in input order, and the sentences that were
/// skipped with the reason.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchOutput {
    pub events: Vec<Event>,
    pub errors: Vec<CodeError>,
}

/// The event coder: dictionaries compiled into matchers.
#[derive(Debug)]
pub struct Coder {
    pub(crate) c: Compiled,
    acled: AcledIndex,
    /// Codebook facts for every event code the verb dictionary can produce.
    code_info: crate::compile::HashMap<Box<str>, CodeInfo>,
    /// Word ids that begin a discard or an issue phrase: `read_words` notes where they
    /// occur, so neither phrase search passes over every word.
    phrase_starts: Vec<u64>,
}

/// Codebook facts about one event code, looked up once.
#[derive(Debug)]
struct CodeInfo {
    /// Whether some transformation rule can take an event with this code.
    transform_candidate: bool,
    cameo: Option<&'static annalist_codebook::CameoCode>,
    plover: Option<annalist_codebook::Plover>,
    acled_rules: Vec<u16>,
    /// Whether classifying needs the sentence's ACLED cues.
    acled_needs_cues: bool,
    /// The cue table that holds the cues these rules read.
    acled_table: u16,
}

/// Can some transformation rule take an event with code `code` as its outer event?
fn transform_candidate(rules: &[transform::Rule], code: &str) -> bool {
    rules.iter().any(|r| match &r.lhs[2] {
        transform::Term::Verb(v) => transform::code_matches(v, code),
        _ => true,
    })
}

impl CodeInfo {
    fn new(code: &str, acled: &AcledIndex, rules: &[transform::Rule]) -> CodeInfo {
        let acled_rules: Vec<u16> = acled.rules_for(code);
        CodeInfo {
            transform_candidate: transform_candidate(rules, code),
            cameo: annalist_codebook::lookup(code),
            plover: annalist_codebook::plover(code),
            acled_needs_cues: acled.needs_cues(&acled_rules),
            acled_table: acled.table_for(&acled_rules),
            acled_rules,
        }
    }
}

/// Parse `YYYYMMDD`, `YYMMDD` (00-30 → 20xx) or `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<DictDate> {
    // Digits without the dashes, read in place (this runs once per sentence).
    let mut digits: [u8; 8] = [0; 8];
    let mut n: usize = 0;
    for &b in s.trim().as_bytes() {
        if b == b'-' {
            continue;
        }
        if !b.is_ascii_digit() || n == digits.len() {
            return None;
        }
        digits[n] = b - b'0';
        n += 1;
    }
    let number = |ds: &[u8]| -> u32 { ds.iter().fold(0, |acc, d| acc * 10 + u32::from(*d)) };
    let value: u32 = match n {
        8 => number(&digits[..8]),
        6 => {
            let yy: u32 = number(&digits[..2]);
            let rest: u32 = number(&digits[2..6]);
            let year: u32 = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            year * 10_000 + rest
        }
        _ => return None,
    };
    Some(DictDate(value))
}

/// Word `i` of the sentence, upper-cased as the coder keeps it ("" when out of range).
fn upper_word<'t>(text: &'t [u8], ranges: &[(u32, u32)], i: u32) -> &'t str {
    ranges
        .get(i as usize)
        .and_then(|&(a, b)| text.get(a as usize..b as usize))
        .and_then(|t: &[u8]| std::str::from_utf8(t).ok())
        .unwrap_or("")
}

/// `YYYY-MM-DD`, the form of an event record's `report_date`.
pub fn date_string(d: DictDate) -> String {
    /// The last `digits.len()` decimal digits of `n`, into `digits`.
    fn put(digits: &mut [u8], mut n: u32) {
        for d in digits.iter_mut().rev() {
            *d = b'0' + (n % 10) as u8;
            n /= 10;
        }
    }
    // Written into an array, then one copy (no power and `push` per digit).
    let mut text: [u8; 10] = *b"0000-00-00";
    put(&mut text[..4], d.year());
    put(&mut text[5..7], d.month());
    put(&mut text[8..], d.day());
    String::from_utf8(text.to_vec()).unwrap_or_default()
}

/// A label as PETRARCH writes it.
fn lab_name(l: &Lab) -> String {
    match l {
        Lab::Tag(t) => t.name().to_string(),
        Lab::Ne => "NE".to_string(),
        Lab::Nec => "NEC".to_string(),
        Lab::NecN(n) => format!("NEC{n}"),
        Lab::NpN(n) => format!("NP{n}"),
        Lab::VpN(n) => format!("VP{n}"),
        Lab::Sbr => "SBR".to_string(),
    }
}

/// A transformation's result, owned.
struct Rewrite {
    source: (String, Option<u32>),
    target: (String, Option<u32>),
    code: String,
}

/// What coding the item at a ParseList position gave.
enum VpStep {
    /// Not a verb phrase that codes: go on with the next item.
    Next,
    /// A coded verb phrase, ending at `vpend`.
    Coded { vpend: usize },
}

/// One coded triple before it becomes an [`Event`].
#[derive(Debug, Clone)]
struct RawEvent<'c> {
    source: String,
    target: String,
    code: String,
    source_slot: Option<u32>,
    target_slot: Option<u32>,
    /// Leaf range of the verb (first, last).
    verb: (u32, u32),
    /// A reciprocal event's coordinated subject ("Canada and Costa Rica"), as a leaf
    /// range (first, last): it names both sides.
    pair: Option<(u32, u32)>,
    origin: &'c Origin,
}

/// The leaf ranges (first, last) naming an event's source and target.
type NamedSides = (Option<(usize, usize)>, Option<(usize, usize)>);

thread_local! {
    /// Parse tree buffers reused by [`Coder::code_sentence`] on this thread.
    static TREE: std::cell::RefCell<Tree> = std::cell::RefCell::new(Tree::new());
    /// Working buffers reused by every sentence coded on this thread.
    static WORK: std::cell::RefCell<Work> = std::cell::RefCell::new(Work::default());
}

/// `events` emptied, as a list of another lifetime with the same allocation: the
/// standard library collects a list into its own source's allocation when the item
/// types have one layout.
// `filter_map`, not `filter`: it is what changes the lifetime of the items.
#[allow(clippy::unnecessary_filter_map)]
fn recycle<'a, 'b>(events: Vec<RawEvent<'a>>) -> Vec<RawEvent<'b>> {
    events
        .into_iter()
        .filter_map(|_| None::<RawEvent<'b>>)
        .collect()
}

/// Per-sentence working state.
#[derive(Default)]
struct Work {
    toks: Vec<Rt>,
    /// Scratch space for building the ParseList.
    parse: parselist::Scratch,
    pl: Vec<Pi>,
    /// Dictionary id of each word (leaf).
    ids: Vec<u32>,
    /// Positions of the words that may begin a discard or an issue phrase, in order.
    phrase_at: Vec<u32>,
    /// [`WORD_ALPHA`] and [`WORD_ASCII`] of each word.
    word_flags: Vec<u8>,
    slots: Vec<SlotInfo>,
    upper: verbs::Seq,
    lower: verbs::Seq,
    scratch: Vec<u32>,
    /// Upper-cased words, concatenated (UTF-8, split at word boundaries only);
    /// `ranges[i]` is word `i`.
    text: Vec<u8>,
    ranges: Vec<(u32, u32)>,
    /// Coding a participle adjunct ([`Coder::code_participle_adjunct`]): its subject is
    /// the outer verb's, so the object is looked for without one.
    adjunct: bool,
    /// Recently seen words and their dictionary ids.
    cache: WordCache,
    /// Index of the matching close of each open in `pl`.
    close_of: Vec<u32>,
    /// Tags of recently seen tree labels.
    tags: parselist::TagCache,
    /// First and last word of each actor slot, for event records.
    slot_ranges: Vec<Option<(usize, usize)>>,
    /// Byte spans of the words, for event records.
    spans: Vec<Option<Span>>,
    /// The leaves naming each event's source and target, for event records.
    named: Vec<NamedSides>,
    /// ACLED cues present in the sentence.
    cues: crate::acled_index::CueSet,
    /// Open items while matching closes in the ParseList.
    open_stack: Vec<usize>,
    /// ParseList positions of the verb phrase opens, in order.
    vp_opens: Vec<u32>,
    /// ParseList positions of the commas, for the comma rules.
    commas: Vec<u32>,
    /// Labels of the closes met by the comma rules' deletions.
    comma_labels: Vec<parselist::Lab>,
    /// Source and target codes (with their slots) of the verb phrase being coded.
    srcs: Vec<(String, Option<u32>)>,
    tgts: Vec<(String, Option<u32>)>,
    /// Actor codes built while the span rules look for the words naming a side.
    side_code: String,
    /// The coded triples' and nested clauses' lists, empty between sentences: their
    /// allocations serve the next sentence ([`recycle`]).
    raw_events: Vec<RawEvent<'static>>,
    inner_events: Vec<RawEvent<'static>>,
}

/// A small two-way cache in front of the (large) vocabulary table: news text repeats
/// its words, and the small table stays in the processor's cache. A word of at most 16
/// bytes is its own key (two padded little-endian halves and the length), so a probe
/// compares three integers; longer words are compared in full.
#[derive(Default)]
struct WordCache {
    /// Key and id by slot: one probe reads one entry.
    entries: Vec<(WordKey, u32)>,
    /// Words longer than 16 bytes, by slot (empty for short words).
    long: Vec<Box<[u8]>>,
}

/// A word's cache key: its first 16 bytes, zero-padded, and its length.
#[derive(Clone, Copy, PartialEq, Eq)]
struct WordKey {
    lo: u64,
    hi: u64,
    len: u64,
}

impl WordKey {
    /// No word has this key (words are never empty).
    const NONE: WordKey = WordKey {
        lo: 0,
        hi: 0,
        len: 0,
    };

    fn of(word: &[u8]) -> WordKey {
        // Little-endian halves built with shifts: no buffer copy (a `memcpy` call per word).
        let half = |h: &[u8]| -> u64 {
            match h.first_chunk::<8>() {
                Some(chunk) => u64::from_le_bytes(*chunk),
                None => h
                    .iter()
                    .rev()
                    .fold(0u64, |acc: u64, &b: &u8| (acc << 8) | u64::from(b)),
            }
        };
        let (lo, hi) = word.split_at(word.len().min(8));
        WordKey {
            lo: half(lo),
            hi: half(&hi[..hi.len().min(8)]),
            len: word.len() as u64,
        }
    }

    /// The key of a word of `len` <= 16 bytes held zero-padded in `block`: the same
    /// key as [`WordKey::of`], read without a per-byte loop.
    fn of_block(block: &[u8; 16], len: usize) -> WordKey {
        let (lo, hi) = block.split_at(8);
        let half = |h: &[u8]| -> u64 { h.first_chunk::<8>().map_or(0, |c| u64::from_le_bytes(*c)) };
        WordKey {
            lo: half(lo),
            hi: half(hi),
            len: len as u64,
        }
    }

    /// Slot of a key: the multiplicative hash mixes best into its high bits.
    fn slot(&self) -> usize {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let h: u64 =
            ((self.lo.wrapping_mul(K) ^ self.hi).wrapping_mul(K) ^ self.len).wrapping_mul(K);
        (h >> (64 - WORD_CACHE_BITS)) as usize
    }
}

const WORD_CACHE_BITS: u32 = 12;
const WORD_CACHE_SIZE: usize = 1 << WORD_CACHE_BITS;

impl WordCache {
    /// The dictionary id of `word` (upper-cased UTF-8).
    #[inline]
    fn lookup(&mut self, c: &Compiled, word: &[u8]) -> u32 {
        self.lookup_keyed(c, WordKey::of(word), word)
    }

    /// Allocate the table on first use: once per sentence, not per lookup (a lookup
    /// without it is still right, only uncached).
    fn ready(&mut self) {
        if self.entries.len() != WORD_CACHE_SIZE {
            self.entries = vec![(WordKey::NONE, NO_WORD); WORD_CACHE_SIZE];
            self.long = vec![Box::default(); WORD_CACHE_SIZE];
        }
    }

    /// [`WordCache::lookup`] of a word whose key is known.
    #[inline(always)]
    fn lookup_keyed(&mut self, c: &Compiled, key: WordKey, word: &[u8]) -> u32 {
        let short: bool = word.len() <= 16;
        // Two ways: `i` (most recent) and `i + 1`.
        let i: usize = key.slot() & !1;
        for k in [i, i + 1] {
            if let Some(&(have, id)) = self.entries.get(k)
                && have == key
                && (short || self.long.get(k).is_some_and(|l| **l == *word))
            {
                return id;
            }
        }
        // Words are cut from valid UTF-8 at word boundaries.
        let id: u32 = std::str::from_utf8(word).map_or(NO_WORD, |w: &str| c.vocab.get(w));
        if i + 1 < self.entries.len() {
            self.entries.swap(i, i + 1);
            self.long.swap(i, i + 1);
            self.entries[i] = (key, id);
            if short {
                if !self.long[i].is_empty() {
                    self.long[i] = Box::default();
                }
            } else {
                self.long[i] = Box::from(word);
            }
        }
        id
    }
}

/// `bytes` (at most 16 of them) zero-padded to 16, read with overlapping loads instead
/// of a `memcpy` call of variable length; `None` for a longer word.
fn load_block(bytes: &[u8]) -> Option<[u8; 16]> {
    let n: usize = bytes.len();
    let le8 = |at: usize| -> u64 {
        bytes
            .get(at..)
            .and_then(<[u8]>::first_chunk::<8>)
            .map_or(0, |c| u64::from_le_bytes(*c))
    };
    let le4 = |at: usize| -> u64 {
        bytes
            .get(at..)
            .and_then(<[u8]>::first_chunk::<4>)
            .map_or(0, |c| u64::from(u32::from_le_bytes(*c)))
    };
    let (lo, hi): (u64, u64) = match n {
        0 => (0, 0),
        // The first, middle and last byte cover every length up to three (no byte loop).
        1..=3 => {
            let byte = |at: usize| -> u64 { u64::from(bytes.get(at).copied().unwrap_or(0)) };
            let mid: usize = n / 2;
            (
                byte(0) | (byte(mid) << (8 * mid)) | (byte(n - 1) << (8 * (n - 1))),
                0,
            )
        }
        4..=7 => (le4(0) | (le4(n - 4) << (8 * (n - 4))), 0),
        8 => (le8(0), 0),
        // The second load ends at the word's end; its first `16 - n` bytes are the
        // first half's.
        9..=16 => (le8(0), le8(n - 8) >> (8 * (16 - n))),
        _ => return None,
    };
    let mut block: [u8; 16] = [0; 16];
    let (first, second) = block.split_at_mut(8);
    first.copy_from_slice(&lo.to_le_bytes());
    second.copy_from_slice(&hi.to_le_bytes());
    Some(block)
}

/// Whether all 16 bytes are ASCII.
fn block_is_ascii(block: &[u8; 16]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (lo, hi) = block.split_at(8);
    let half = |h: &[u8]| -> u64 { h.first_chunk::<8>().map_or(0, |c| u64::from_le_bytes(*c)) };
    (half(lo) | half(hi)) & HIGH == 0
}

/// ASCII upper-casing of the `len` bytes of a zero-padded block of ASCII bytes, eight at
/// a time: a byte loop cost more than the rest of reading a word.
fn ascii_upper_block(block: [u8; 16], len: usize) -> [u8; 16] {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let upper = |x: u64| -> u64 {
        // Bytes below 0x80 add without carries: the high bit says `>= b'a'` and
        // `> b'z'`; a lower-case letter loses 0x20.
        let at_least_a: u64 = x.wrapping_add(ONES * (0x80 - u64::from(b'a')));
        let above_z: u64 = x.wrapping_add(ONES * (0x80 - u64::from(b'z') - 1));
        let lower: u64 = at_least_a & !above_z & HIGH;
        x - (lower >> 2)
    };
    let (lo, hi) = block.split_at(8);
    let half = |h: &[u8]| -> u64 { h.first_chunk::<8>().map_or(0, |c| u64::from_le_bytes(*c)) };
    let mut out: [u8; 16] = [0; 16];
    out[..8].copy_from_slice(&upper(half(lo)).to_le_bytes());
    // The high half of a word of up to eight bytes (most words) is zero padding.
    if len > 8 {
        out[8..].copy_from_slice(&upper(half(hi)).to_le_bytes());
    }
    out
}

/// A word flag: the word starts with a letter.
const WORD_ALPHA: u8 = 1;
/// A word flag: the word is ASCII (its upper-cased text is its ASCII upper-casing).
const WORD_ASCII: u8 = 2;

/// The sentence's words upper-cased (`text`, `ranges`), their dictionary ids and flags,
/// and where a word id of `phrase_starts` occurs (`phrase_at`).
fn read_words(c: &Compiled, phrase_starts: &[u64], tree: &Tree, w: &mut Work) {
    let n: usize = tree.leaves().len();
    w.cache.ready();
    w.ids.reserve(n);
    w.ranges.reserve(n);
    w.word_flags.reserve(n);
    for bytes in tree.word_bytes() {
        let begin: usize = w.text.len();
        let first: u8 = bytes.first().copied().unwrap_or(0);
        // Most words: read into a zero-padded block, which is tested for ASCII in two
        // word operations (no byte loop), upper-cased, and is then also the cache key.
        let block: Option<[u8; 16]> = load_block(bytes).filter(block_is_ascii);
        let (id, flags): (u32, u8) = if let Some(block) = block {
            // Copied whole (a fixed-size copy, no `memcpy` call); the text is then cut
            // back to the word.
            let upper: [u8; 16] = ascii_upper_block(block, bytes.len());
            w.text.extend_from_slice(&upper);
            w.text.truncate(begin + bytes.len());
            let key: WordKey = WordKey::of_block(&upper, bytes.len());
            let alpha: u8 = if first.is_ascii_alphabetic() {
                WORD_ALPHA
            } else {
                0
            };
            (
                w.cache.lookup_keyed(c, key, &upper[..bytes.len()]),
                alpha | WORD_ASCII,
            )
        } else {
            let flags: u8 = if bytes.is_ascii() {
                w.text.extend(bytes.iter().map(u8::to_ascii_uppercase));
                WORD_ASCII
                    | if first.is_ascii_alphabetic() {
                        WORD_ALPHA
                    } else {
                        0
                    }
            } else {
                // A tree's words are valid UTF-8 (see `Tree::word_bytes`).
                let word: &str = std::str::from_utf8(bytes).unwrap_or_default();
                let mut buf: [u8; 4] = [0; 4];
                for ch in word.chars().flat_map(char::to_uppercase) {
                    w.text
                        .extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                if word.chars().next().is_some_and(char::is_alphabetic) {
                    WORD_ALPHA
                } else {
                    0
                }
            };
            let id: u32 = match w.text.get(begin..) {
                Some(upper) => w.cache.lookup(c, upper),
                None => NO_WORD,
            };
            (id, flags)
        };
        let end: usize = w.text.len();
        if crate::compile::in_bitset(phrase_starts, id) {
            w.phrase_at.push(w.ids.len() as u32);
        }
        w.ids.push(id);
        w.ranges.push((begin as u32, end as u32));
        w.word_flags.push(flags);
    }
}

impl Work {
    fn clear(&mut self) {
        self.toks.clear();
        self.pl.clear();
        self.ids.clear();
        self.phrase_at.clear();
        self.word_flags.clear();
        self.upper.clear();
        self.lower.clear();
        self.scratch.clear();
        self.text.clear();
        self.ranges.clear();
        self.adjunct = false;
    }
}

impl Coder {
    /// Compile the dictionaries.
    pub fn new(dicts: &Dictionaries) -> Coder {
        let c: Compiled = Compiled::build(dicts);
        let mut acled: AcledIndex = AcledIndex::new();
        let mut code_info: crate::compile::HashMap<Box<str>, CodeInfo> =
            crate::compile::HashMap::default();
        for code in c.event_codes() {
            if !code_info.contains_key(code) {
                acled.add_table(&acled.rules_for(code));
                code_info.insert(code.into(), CodeInfo::new(code, &acled, &c.transforms));
            }
        }
        let phrase_starts: Vec<u64> = c
            .discard_starts
            .iter()
            .zip(&c.issue_starts)
            .map(|(d, i): (&u64, &u64)| d | i)
            .collect();
        Coder {
            c,
            acled,
            code_info,
            phrase_starts,
        }
    }

    /// Which verb dialect the verb dictionary was read in.
    pub fn dialect(&self) -> VerbDialect {
        self.c.dialect
    }

    /// Parse the sentence's tree and code it.
    pub fn code_sentence(
        &self,
        input: &SentenceInput<'_>,
        options: &CodingOptions,
    ) -> Result<Vec<Event>, CodeError> {
        TREE.with(|cell| {
            let mut fresh: Tree;
            let mut borrowed = cell.try_borrow_mut();
            let tree: &mut Tree = match borrowed.as_mut() {
                Ok(t) => t,
                Err(_) => {
                    fresh = Tree::new();
                    &mut fresh
                }
            };
            tree.parse_into(input.parse)
                .map_err(|e| CodeError::BadTree {
                    doc_id: input.doc_id.to_string(),
                    sentence_id: input.sentence_id.to_string(),
                    message: format!("{} at byte {}", e.message(), e.offset),
                })?;
            self.code_tree(input, tree, options)
        })
    }

    /// Code a batch: each sentence independently, events in input order.
    pub fn code_batch(&self, inputs: &[SentenceInput<'_>], options: &CodingOptions) -> BatchOutput {
        let mut out: BatchOutput = BatchOutput::default();
        // News sentences give about one event each: avoid regrowing a large vector.
        out.events.reserve(inputs.len());
        let mut tree: Tree = Tree::new();
        let mut discarded_story: Option<&str> = None;
        for input in inputs {
            if discarded_story == Some(input.doc_id) {
                continue;
            }
            if let Err(e) = tree.parse_into(input.parse) {
                out.errors.push(CodeError::BadTree {
                    doc_id: input.doc_id.to_string(),
                    sentence_id: input.sentence_id.to_string(),
                    message: format!("{} at byte {}", e.message(), e.offset),
                });
                continue;
            }
            match self.code_into(input, &tree, options, &mut out.events) {
                Ok(()) => {}
                Err(e) => {
                    if let CodeError::Discarded { story: true, .. } = e {
                        discarded_story = Some(input.doc_id);
                    }
                    out.errors.push(e);
                }
            }
        }
        out
    }

    /// Code an already parsed sentence.
    pub fn code_tree(
        &self,
        input: &SentenceInput<'_>,
        tree: &Tree,
        options: &CodingOptions,
    ) -> Result<Vec<Event>, CodeError> {
        let mut out: Vec<Event> = Vec::new();
        self.code_into(input, tree, options, &mut out)?;
        Ok(out)
    }

    /// Code an already parsed sentence, appending its events to `out`.
    fn code_into(
        &self,
        input: &SentenceInput<'_>,
        tree: &Tree,
        options: &CodingOptions,
        out: &mut Vec<Event>,
    ) -> Result<(), CodeError> {
        WORK.with(|cell| match cell.try_borrow_mut() {
            Ok(mut w) => self.code_with(&mut w, input, tree, options, out),
            Err(_) => self.code_with(&mut Work::default(), input, tree, options, out),
        })
    }

    /// Words, discards, ParseList, comma rules and actor codes; returns where coding
    /// starts in the ParseList.
    fn prepare(
        &self,
        w: &mut Work,
        input: &SentenceInput<'_>,
        tree: &Tree,
        options: &CodingOptions,
        date: Option<DictDate>,
    ) -> Result<usize, CodeError> {
        let irregular = |kind: Irregular| CodeError::Irregular {
            doc_id: input.doc_id.to_string(),
            sentence_id: input.sentence_id.to_string(),
            kind,
        };
        w.clear();
        read_words(&self.c, &self.phrase_starts, tree, w);
        if let Some(d) = self.discard(&w.ids, &w.phrase_at) {
            return Err(CodeError::Discarded {
                doc_id: input.doc_id.to_string(),
                sentence_id: input.sentence_id.to_string(),
                phrase: d.text.as_ref().to_owned(),
                story: d.story,
            });
        }
        parselist::tokens_from_tree(tree, &mut w.toks, &mut w.tags, &mut w.parse.summary);
        let nslots: u32 = parselist::build(&mut w.toks, &mut w.parse, &mut w.pl, &mut w.commas)
            .map_err(irregular)?;
        for i in 0..nslots as usize {
            match w.slots.get_mut(i) {
                Some(s) => {
                    s.code.clear();
                    s.code.push_str("---");
                    s.actor = None;
                }
                None => w.slots.push(SlotInfo {
                    code: "---".to_string(),
                    actor: None,
                }),
            }
        }
        w.slots.truncate(nslots as usize);
        let start: usize = parselist::parse_start(&w.pl);
        {
            let flags: &[u8] = &w.word_flags;
            let is_alpha = |i: u32| flags.get(i as usize).is_some_and(|f| f & WORD_ALPHA != 0);
            if !check_commas(
                &mut w.pl,
                options,
                &is_alpha,
                &mut w.commas,
                &mut w.comma_labels,
            ) {
                return Err(irregular(Irregular::BadFinalParse));
            }
        }
        assign_codes(
            &self.c,
            &mut w.pl,
            start,
            &mut w.slots,
            &w.ids,
            date,
            &mut w.scratch,
        );
        Ok(start)
    }

    /// PETRARCH's linear form of the sentence after comma removal and actor coding,
    /// one item per line (`(NE`, its code, words, `~NE`, ...): for finding out why a
    /// record codes as it does.
    pub fn explain(
        &self,
        input: &SentenceInput<'_>,
        options: &CodingOptions,
    ) -> Result<String, CodeError> {
        let tree: Tree = parse_ptb(input.parse).map_err(|e| CodeError::BadTree {
            doc_id: input.doc_id.to_string(),
            sentence_id: input.sentence_id.to_string(),
            message: format!("{} at byte {}", e.message(), e.offset),
        })?;
        let mut w: Work = Work::default();
        let date: Option<DictDate> = input.date.and_then(parse_date);
        self.prepare(&mut w, input, &tree, options, date)?;
        let mut out: String = String::new();
        let mut depth: usize = 0;
        for p in &w.pl {
            let item: String = match *p {
                Pi::Open(l) => format!("({}", lab_name(&l)),
                Pi::Close(l) => format!("~{}", lab_name(&l)),
                Pi::Word(i) => upper_word(&w.text, &w.ranges, i).to_string(),
                Pi::Code(slot) => w
                    .slots
                    .get(slot as usize)
                    .map_or_else(String::new, |s| format!("[{}]", s.code)),
            };
            if matches!(p, Pi::Close(_)) {
                depth = depth.saturating_sub(1);
            }
            out.push_str(&"  ".repeat(depth.min(40)));
            out.push_str(&item);
            out.push('\n');
            if matches!(p, Pi::Open(_)) {
                depth += 1;
            }
        }
        Ok(out)
    }

    fn code_with(
        &self,
        w: &mut Work,
        input: &SentenceInput<'_>,
        tree: &Tree,
        options: &CodingOptions,
        out: &mut Vec<Event>,
    ) -> Result<(), CodeError> {
        let date: Option<DictDate> = input.date.and_then(parse_date);
        let start: usize = self.prepare(w, input, tree, options, date)?;
        let mut raw: Vec<RawEvent<'_>> = self.check_verbs(w, start, options);
        if options.require_dyad {
            raw.retain(|e| e.source != "---" && e.target != "---");
        }
        // Repeated triples dropped in place, the first kept: the kept ones move to the
        // front in order (no second list).
        let mut kept: usize = 0;
        for i in 0..raw.len() {
            let (front, rest) = raw.split_at(i);
            let repeated: bool = rest.first().is_some_and(|e| {
                front[..kept]
                    .iter()
                    .any(|u| u.source == e.source && u.target == e.target && u.code == e.code)
            });
            if !repeated {
                raw.swap(kept, i);
                kept += 1;
            }
        }
        raw.truncate(kept);
        if !raw.is_empty() {
            self.finish(
                input,
                tree,
                w,
                (date, options.uncoded_actors),
                &mut raw,
                out,
            );
        }
        w.raw_events = recycle(raw);
        Ok(())
    }

    /// The discard phrase found in the sentence, story discards first, then the
    /// earliest in the file. `at`: where a phrase may begin ([`Work::phrase_at`]).
    fn discard(&self, ids: &[u32], at: &[u32]) -> Option<&Discard> {
        if self.c.discards.is_empty() {
            return None;
        }
        let mut best: Option<&WordPhrase<Discard>> = None;
        for_each_phrase(&self.c.discards, &self.c.discard_starts, ids, at, |p| {
            let better: bool = match best {
                None => true,
                Some(b) => {
                    (p.value.story, std::cmp::Reverse(p.order))
                        > (b.value.story, std::cmp::Reverse(b.order))
                }
            };
            if better {
                best = Some(p);
            }
        });
        best.map(|p| &p.value)
    }

    fn check_verbs<'c>(
        &'c self,
        w: &mut Work,
        start: usize,
        options: &CodingOptions,
    ) -> Vec<RawEvent<'c>> {
        let c: &Compiled = &self.c;
        let mut events: Vec<RawEvent<'c>> = recycle(std::mem::take(&mut w.raw_events));
        // Matching close of every open, found once, and where verb phrases open.
        w.close_of.clear();
        w.close_of.resize(w.pl.len(), 0);
        w.vp_opens.clear();
        let stack: &mut Vec<usize> = &mut w.open_stack;
        stack.clear();
        for (k, p) in w.pl.iter().enumerate() {
            match p {
                Pi::Open(l) => {
                    if l.starts_with("VP") {
                        w.vp_opens.push(k as u32);
                    }
                    stack.push(k);
                }
                Pi::Close(_) => {
                    if let Some(o) = stack.pop() {
                        w.close_of[o] = u32::try_from(k).unwrap_or(u32::MAX);
                    }
                }
                _ => {}
            }
        }
        // Passive voice needs "by": skip the test in sentences without one.
        let has_by: bool = w.ids.contains(&c.special.by);
        let mut kitem: usize = start;
        let mut inner: Vec<RawEvent<'c>> = recycle(std::mem::take(&mut w.inner_events));
        // Inside a statement's reported clause: (clause start, end of the statement's VP).
        let mut reported: Option<(usize, usize)> = None;
        // Statements whose reported clause is being coded, innermost last.
        let mut pending: Vec<PendingStatement> = Vec::new();
        // Only items that open a verb phrase can code (`code_vp` steps over the others
        // without effect): go from one to the next.
        let mut next_vp: usize = 0;
        loop {
            while w
                .vp_opens
                .get(next_vp)
                .is_some_and(|&k| (k as usize) < kitem)
            {
                next_vp += 1;
            }
            match w.vp_opens.get(next_vp) {
                Some(&k) if k as usize + 2 < w.pl.len() => kitem = k as usize,
                _ => break,
            }
            while let Some(p) = pending.last().copied().filter(|p| kitem > p.vpend) {
                pending.pop();
                drop_statement_with_news(&mut events, p, |s: u32| self.slot_is_pronoun(w, s));
            }
            let first: usize = events.len();
            let from: usize = match reported {
                Some((clause, end)) if kitem <= end => clause,
                _ => start,
            };
            match self.code_vp(w, kitem, from, has_by, options, &mut events) {
                VpStep::Next => kitem += 1,
                VpStep::Coded { vpend } => {
                    if !c.transforms.is_empty() && events.len() > first {
                        self.transform_nested(
                            w,
                            (kitem, vpend),
                            has_by,
                            options,
                            &mut events,
                            first,
                            &mut inner,
                        );
                    }
                    if options.one_sided && events.len() > first {
                        self.refine_intent(
                            w,
                            (kitem, vpend),
                            has_by,
                            options,
                            &mut events,
                            first,
                            &mut inner,
                        );
                    }
                    // A coded verb phrase is finished: resume after it; in news text a
                    // statement's reported clause is coded too ("the parliament added that
                    // 12 soldiers had been captured by Azerbaijan").
                    // (Not a participle adjunct: "voiced concern, urging X to ...".)
                    let adjunct: Option<usize> = options
                        .one_sided
                        .then(|| participle_adjunct(&w.pl, &w.close_of, (kitem, vpend)))
                        .flatten();
                    let clause: Option<usize> = (options.one_sided && reports(&events[first..]))
                        .then(|| complement_clause(&w.pl, kitem, vpend))
                        .flatten()
                        .filter(|&c| adjunct != Some(c));
                    match clause {
                        Some(clause) => {
                            reported = Some((clause + 1, vpend));
                            pending.push(PendingStatement {
                                events: (first, events.len()),
                                vpend,
                            });
                            kitem += 1;
                        }
                        None => {
                            if let Some(adjunct) = adjunct
                                && events.len() > first
                            {
                                self.code_participle_adjunct(
                                    w,
                                    adjunct,
                                    has_by,
                                    options,
                                    &mut events,
                                    first,
                                    &mut inner,
                                );
                            }
                            kitem = vpend + 1;
                        }
                    }
                }
            }
        }
        while let Some(p) = pending.pop() {
            drop_statement_with_news(&mut events, p, |s: u32| self.slot_is_pronoun(w, s));
        }
        w.inner_events = recycle(inner);
        events
    }

    /// Code the verb phrase opening at `kitem` (if it is one headed by a dictionary
    /// verb), appending its events. Called for every ParseList item: most open no verb
    /// phrase, which is decided here without the call to the large function.
    #[inline(always)]
    fn code_vp<'c>(
        &'c self,
        w: &mut Work,
        kitem: usize,
        start: usize,
        has_by: bool,
        options: &CodingOptions,
        events: &mut Vec<RawEvent<'c>>,
    ) -> VpStep {
        if !matches!(w.pl.get(kitem), Some(Pi::Open(l)) if l.starts_with("VP")) {
            return VpStep::Next;
        }
        self.code_verb_phrase(w, kitem, start, has_by, options, events)
    }

    /// [`Coder::code_vp`] of an item that opens a verb phrase.
    fn code_verb_phrase<'c>(
        &'c self,
        w: &mut Work,
        kitem: usize,
        start: usize,
        has_by: bool,
        options: &CodingOptions,
        events: &mut Vec<RawEvent<'c>>,
    ) -> VpStep {
        let c: &'c Compiled = &self.c;
        let is_vp: bool = matches!(w.pl.get(kitem), Some(Pi::Open(l)) if l.starts_with("VP"))
            && matches!(w.pl.get(kitem + 1), Some(Pi::Open(l)) if l.starts_with("VB"));
        if !is_vp {
            return VpStep::Next;
        }
        let vpstart: usize = kitem;
        let Pi::Open(vplab) = w.pl[vpstart] else {
            return VpStep::Next;
        };
        let endtag: Pi = Pi::Close(vplab);
        let vpend: usize = match w.close_of.get(vpstart) {
            Some(&e) if w.pl.get(e as usize) == Some(&endtag) => e as usize,
            _ => return VpStep::Next,
        };
        let passive: Option<usize> = if has_by {
            verbs::passive_verb(c, &w.pl, &w.ids, kitem, vpend)
        } else {
            None
        };
        let voice: Voice = if passive.is_none() && options.one_sided {
            voice::participle_voice(c, &w.pl, &w.ids, kitem, vpend)
        } else {
            Voice::Active
        };
        if voice == Voice::Adjectival {
            return VpStep::Next;
        }
        let verb_at: usize = match passive {
            Some(pv) => pv,
            None => kitem + 2,
        };
        let Some(Pi::Word(vw)) = w.pl.get(verb_at).copied() else {
            return VpStep::Next;
        };
        let vid: u32 = w.ids.get(vw as usize).copied().unwrap_or(NO_WORD);
        let Some(forms) = c.verbs.get(&vid) else {
            return VpStep::Next;
        };
        let mut chosen = None;
        for f in forms {
            if let Some(span) = verbs::multiword_span(c, f, &w.pl, &w.ids, verb_at) {
                chosen = Some((f, span));
                break;
            }
        }
        let Some((form, (vstart, vend))) = chosen else {
            return VpStep::Next;
        };
        verbs::upper_seq(c, &w.pl, (vstart as isize - 1, start), &w.ids, &mut w.upper);
        // News: a participle adjunct after a comma is coded on its own, not as this verb's
        // object ([`participle_adjunct`]).
        let lower_end: usize = if options.one_sided {
            participle_adjunct(&w.pl, &w.close_of, (vpstart, vpend))
                .and_then(|s| (vend + 1..s).rev().find(|&k| w.pl[k].is_open_tag(",")))
                .unwrap_or(vpend)
        } else {
            vpend
        };
        verbs::lower_seq(c, &w.pl, (vend + 1, lower_end), &w.ids, &mut w.lower);
        let hit = verbs::code_verb(c, form, &w.upper, &w.lower);
        let Some(hit) = hit else {
            return VpStep::Next;
        };
        let slots: &[SlotInfo] = &w.slots;
        let coded = |s: u32| slots.get(s as usize).is_some_and(|i| i.code != "---");
        // Borrowed: `find_target` compares codes several times per verb phrase.
        let code_str = |s: u32| -> &str { slots.get(s as usize).map_or("", |i| i.code.as_str()) };
        let mut source: Option<Loc> = hit.assign.source;
        let mut target: Option<Loc> = hit.assign.target;
        if source.is_none() {
            source = verbs::find_source(&w.upper.items, &coded);
        }
        // A participle adjunct has no subject of its own but still has an object.
        if target.is_none() && voice != Voice::Agentless && (source.is_some() || w.adjunct) {
            // News: an uncoded source ("---") does not rule out agent-only targets
            // ("the movement urged the government to ...").
            let src_code: Option<&str> = source
                .and_then(|src: Loc| {
                    let seq: &[SItem] = if src.upper {
                        &w.upper.items
                    } else {
                        &w.lower.items
                    };
                    verbs::slot_at(seq, src.at).map(code_str)
                })
                .filter(|c| !(options.uncoded_actors && *c == "---"));
            target = verbs::find_target(
                &w.upper.items,
                &w.lower.items,
                source,
                src_code,
                &coded,
                &code_str,
            );
        }
        if options.uncoded_actors && hit.assign.target.is_none() {
            // The fallback target is reported by its words: it must be the object.
            let word_of = |i: u32| -> &str { upper_word(&w.text, &w.ranges, i) };
            let timeish = |slot: u32| uncoded::not_object(&w.pl, vend, slot, &word_of);
            let unnamed = |slot: u32| code_str(slot).starts_with("---");
            let to = |i: u32| word_of(i) == "TO";
            target = uncoded::news_target(
                target,
                (&w.upper.items, &w.lower.items),
                hit.assign.lower_end,
                (&coded, &unnamed),
                (&timeish, &to),
            );
        }
        // News: the party a given, agreed or launched thing is directed at ("returned
        // artifacts to Iraq"); in the passive the phrase after the verb is the source.
        if options.uncoded_actors
            && passive.is_none()
            && voice == Voice::Active
            && let EvCode::One(code) = hit.code
        {
            let word_of = |i: u32| -> &str { upper_word(&w.text, &w.ranges, i) };
            let time = |slot: u32| {
                w.pl.iter()
                    .position(|p| *p == Pi::Code(slot))
                    .is_none_or(|at| uncoded::time_or_number(&w.pl, at, &word_of))
            };
            let sentence = directed::Sentence {
                pl: &w.pl,
                after_verb: (vend + 1, vpend),
                code_of: &code_str,
                time: &time,
                word: &word_of,
            };
            let lower_end: usize = hit.assign.lower_end;
            if let Some(party) =
                directed::directed_party(code, &w.lower.items, target, lower_end, &sentence)
            {
                target = Some(party);
            }
        }
        let passive: bool = passive.is_some() || voice != Voice::Active;
        let verb_leaves: (u32, u32) = (leaf_of(&w.pl, vstart), leaf_of(&w.pl, vend));
        if (source.is_none() || target.is_none()) && !options.one_sided {
            return VpStep::Coded { vpend };
        }
        let mut slot_buf: Vec<u32> = std::mem::take(&mut w.scratch);
        let mut srcs: Vec<(String, Option<u32>)> = std::mem::take(&mut w.srcs);
        let mut tgts: Vec<(String, Option<u32>)> = std::mem::take(&mut w.tgts);
        for (loc, out) in [(source, &mut srcs), (target, &mut tgts)] {
            match loc {
                Some(loc) => self.loc_codes(w, loc, options, &mut slot_buf, out),
                None => {
                    out.clear();
                    out.push(("---".to_string(), None));
                }
            }
        }
        w.scratch = slot_buf;
        let pair: Option<(u32, u32)> = if options.uncoded_actors && !passive {
            self.reciprocal_pair(w, (source, target), hit.code, (vstart, vend), &srcs)
        } else {
            None
        };
        if pair.is_some() {
            // Each member acts on the others: the compound is both sides.
            tgts.clone_from(&srcs);
        }
        let first: usize = events.len();
        let null = |codes: &[(String, Option<u32>)]| codes.iter().all(|(c, _)| c == "---");
        if options.one_sided && null(&srcs) && null(&tgts) {
            // Neither side coded ("the strikes killed five fighters", "six Jesuits were
            // murdered"): one event with both actors null.
            let mut event: Option<RawEvent<'c>> =
                actorless_event(hit.code, hit.origin, verb_leaves);
            if options.uncoded_actors
                && let Some(e) = event.as_mut()
            {
                // The uncoded noun phrases still give the sides their words.
                let (s, t) = (
                    srcs.first().and_then(|s| s.1),
                    tgts.first().and_then(|t| t.1),
                );
                (e.source_slot, e.target_slot) = if passive { (t, s) } else { (s, t) };
            }
            events.extend(event);
        } else {
            self.make_events(
                events,
                &mut srcs,
                &mut tgts,
                hit.code,
                passive,
                verb_leaves,
                hit.origin,
            );
        }
        if pair.is_some() {
            for e in &mut events[first..] {
                e.pair = pair;
            }
        }
        w.srcs = srcs;
        w.tgts = tgts;
        VpStep::Coded { vpend }
    }

    /// PETRARCH-2 transformations: the verb phrase `vp` gave `events[first..]`; when a
    /// verb phrase inside it (its complement clause) codes too, each outer event has
    /// that clause's event as its target, and the first rule matching such a pair
    /// replaces the outer event. Without a match the outer events stay as they are.
    #[allow(clippy::too_many_arguments)]
    fn transform_nested<'c>(
        &'c self,
        w: &mut Work,
        vp: (usize, usize),
        has_by: bool,
        options: &CodingOptions,
        events: &mut [RawEvent<'c>],
        first: usize,
        inner: &mut Vec<RawEvent<'c>>,
    ) {
        let rules: &'c [transform::Rule] = &self.c.transforms;
        // Only outer codes some rule can take.
        // Known codes carry the answer, found once when the coder was built.
        let candidate = |code: &str| match self.code_info.get(code) {
            Some(info) => info.transform_candidate,
            None => transform_candidate(rules, code),
        };
        if !events[first..].iter().any(|e| candidate(&e.code)) {
            return;
        }
        // The complement clause: the first clause (`S`, `SBAR`, ...) inside the verb
        // phrase. Its verb phrases are coded as the clause's own: the source is looked
        // for back to the clause start only.
        let Some(clause) = complement_clause(&w.pl, vp.0, vp.1) else {
            return;
        };
        inner.clear();
        let mut k: usize = clause + 1;
        while k < vp.1 {
            match self.code_vp(w, k, clause + 1, has_by, options, inner) {
                VpStep::Next => k += 1,
                VpStep::Coded { .. } => break,
            }
        }
        if inner.is_empty() {
            return;
        }
        // A clause whose subject is a personal pronoun ("it", "they") speaks of the
        // reporting subject.
        if let Some(outer) = events.get(first) {
            let speaker = (outer.source.as_str(), outer.source_slot);
            give_pronouns_the_speaker(inner, speaker, |s: u32| self.slot_is_pronoun(w, s));
        }
        for outer in &mut events[first..] {
            let mut found: Option<(Rewrite, &'c Origin)> = None;
            'pairs: for i in inner.iter() {
                let sub: transform::Nested<'_> = transform::Nested {
                    source: (&i.source, i.source_slot),
                    target: transform::Target::Actor(&i.target, i.target_slot),
                    code: &i.code,
                };
                let nested: transform::Nested<'_> = transform::Nested {
                    source: (&outer.source, outer.source_slot),
                    target: transform::Target::Event(&sub),
                    code: &outer.code,
                };
                for rule in rules {
                    if let Some(r) = transform::apply(rule, &nested) {
                        let owned: Rewrite = Rewrite {
                            source: (r.source.0.to_string(), r.source.1),
                            target: (r.target.0.to_string(), r.target.1),
                            code: r.code.to_string(),
                        };
                        found = Some((owned, &rule.origin));
                        break 'pairs;
                    }
                }
            }
            if let Some((r, origin)) = found {
                outer.pair = None;
                (outer.source, outer.source_slot) = r.source;
                (outer.target, outer.target_slot) = r.target;
                outer.code = r.code;
                outer.origin = origin;
            }
        }
    }

    /// News coding: "Iran voiced concern over the clashes, urging the two neighbors to
    /// exercise restraint": a participle clause closing the coded verb phrase after a comma
    /// is a second act of the same subject. Its verb phrase is coded with the clause's
    /// words only, and its events take the outer events' source.
    #[allow(clippy::too_many_arguments)]
    fn code_participle_adjunct<'c>(
        &'c self,
        w: &mut Work,
        clause: usize,
        has_by: bool,
        options: &CodingOptions,
        events: &mut Vec<RawEvent<'c>>,
        first: usize,
        inner: &mut Vec<RawEvent<'c>>,
    ) {
        inner.clear();
        w.adjunct = true;
        let step: VpStep = self.code_vp(w, clause + 1, clause + 1, has_by, options, inner);
        w.adjunct = false;
        if let VpStep::Next = step {
            return;
        }
        let (source, source_slot) = (events[first].source.clone(), events[first].source_slot);
        // "struck Gaza, killing five": the same act told twice.
        let root = |code: &str| code.get(..2).map(str::to_string);
        let outer_end: usize = events.len();
        for mut e in inner.drain(..) {
            let repeated: bool = events[first..outer_end]
                .iter()
                .any(|outer| root(&outer.code) == root(&e.code));
            if e.source == "---" && !repeated {
                e.source.clone_from(&source);
                e.source_slot = source_slot;
                events.push(e);
            }
        }
    }

    /// News coding: the leaf range of the coordinated subject when the event is one its
    /// members do to each other ([`reciprocal`]): the source is a compound of two or more
    /// coded actors, no other party stands as the object, and the event is reciprocal by
    /// nature. `srcs`: the source's codes.
    fn reciprocal_pair(
        &self,
        w: &Work,
        (source, target): (Option<Loc>, Option<Loc>),
        code: &EvCode,
        (vstart, vend): (usize, usize),
        srcs: &[(String, Option<u32>)],
    ) -> Option<(u32, u32)> {
        let source: Loc = source?;
        let seq: &[SItem] = if source.upper {
            &w.upper.items
        } else {
            &w.lower.items
        };
        if seq.get(source.at) != Some(&SItem::Nec) {
            return None;
        }
        let word_of = |i: u32| -> &str { upper_word(&w.text, &w.ranges, i) };
        if source.upper && !nearest_subject(seq, &word_of) {
            return None;
        }
        // Two members with codes of their own: "Kuwait's minister of commerce and
        // industry" (KWTGOV, KWTGOVBUS) is one actor split at its "and".
        let codes: Vec<&str> = srcs
            .iter()
            .map(|(c, _)| c.as_str())
            .filter(|c| *c != "---")
            .collect();
        let distinct = |a: &str, b: &str| !a.starts_with(b) && !b.starts_with(a);
        if !codes
            .iter()
            .enumerate()
            .any(|(i, a)| codes[i + 1..].iter().any(|b| distinct(a, b)))
        {
            return None;
        }
        let mut slots: Vec<u32> = Vec::new();
        let mut third_party: bool = false;
        if let Some(t) = target.filter(|t: &Loc| *t != source && !t.upper) {
            // The word before the object: none when it follows the verb directly.
            let before: Option<&str> = w.lower.items.get(..t.at).and_then(|items: &[SItem]| {
                items.iter().rev().find_map(|item: &SItem| match *item {
                    SItem::Word { w, .. } => Some(word_of(w)),
                    _ => None,
                })
            });
            verbs::loc_slots(&w.lower.items, t.at, false, &mut slots);
            let code_of = |s: &u32| w.slots.get(*s as usize).map_or("---", |i| i.code.as_str());
            let named: bool = slots.iter().any(|s: &u32| !code_of(s).starts_with("---"));
            let agent: bool = slots.iter().any(|s: &u32| code_of(s) != "---");
            // "A and B met C", "signed an agreement with C": C is a party.
            let party: bool = if named {
                !before.is_some_and(reciprocal::topic_preposition)
            } else {
                before == Some("WITH") || (agent && before.is_none())
            };
            if party {
                return None;
            }
            third_party = named;
        }
        let words = |from: usize, to: usize| -> Vec<&str> {
            w.pl.get(from..=to)
                .unwrap_or(&[])
                .iter()
                .filter_map(|p: &Pi| match *p {
                    Pi::Word(i) => Some(word_of(i)),
                    _ => None,
                })
                .collect()
        };
        let verb: Vec<&str> = words(vstart, vend);
        let after: Vec<&str> = w
            .lower
            .items
            .iter()
            .filter_map(|item: &SItem| match *item {
                SItem::Word { w, .. } => Some(word_of(w)),
                _ => None,
            })
            .collect();
        if !reciprocal::reciprocal_event(code, &verb, &after, third_party) {
            return None;
        }
        verbs::loc_slots(seq, source.at, source.upper, &mut slots);
        reciprocal::slots_leaf_range(&w.pl, &slots)
    }

    /// "Iran is ready to help the two sides settle differences": an intent (root 03) is
    /// coded from its verb phrase's first pattern ("ready to help": 033), but when the
    /// verb phrase inside its complement clause codes as an intent of its own ("help X
    /// settle": 039, offer to mediate) that code is the more specific one. The outer
    /// source stays; the inner target replaces the outer one when it is coded.
    #[allow(clippy::too_many_arguments)]
    fn refine_intent<'c>(
        &'c self,
        w: &mut Work,
        vp: (usize, usize),
        has_by: bool,
        options: &CodingOptions,
        events: &mut [RawEvent<'c>],
        first: usize,
        inner: &mut Vec<RawEvent<'c>>,
    ) {
        if !events[first..].iter().all(|e| e.code.starts_with("03")) {
            return;
        }
        let Some(clause) = complement_clause(&w.pl, vp.0, vp.1) else {
            return;
        };
        inner.clear();
        let mut k: usize = clause + 1;
        while k < vp.1 && inner.is_empty() {
            match self.code_vp(w, k, clause + 1, has_by, options, inner) {
                VpStep::Next => k += 1,
                VpStep::Coded { vpend } => k = vpend + 1,
            }
        }
        let Some(intent) = inner.iter().find(|i| i.code.starts_with("03")) else {
            return;
        };
        for outer in &mut events[first..] {
            if outer.code == intent.code {
                continue;
            }
            outer.code.clone_from(&intent.code);
            outer.origin = intent.origin;
            if intent.target != "---" {
                outer.target.clone_from(&intent.target);
                outer.target_slot = intent.target_slot;
            }
        }
    }

    /// Is actor slot `slot` a lone personal pronoun?
    fn slot_is_pronoun(&self, w: &Work, slot: u32) -> bool {
        let Some(at) = w.pl.iter().position(|p| *p == Pi::Code(slot)) else {
            return false;
        };
        let mut words = w.pl[at + 1..]
            .iter()
            .take_while(|p| **p != Pi::Close(Lab::Ne))
            .filter_map(|p| match p {
                Pi::Word(i) => w.ids.get(*i as usize),
                _ => None,
            });
        match (words.next(), words.next()) {
            (Some(id), None) => self.c.special.pronouns.contains(id),
            _ => false,
        }
    }

    /// Codes (and their NE slots) of the actor at `loc`.
    fn loc_codes(
        &self,
        w: &Work,
        loc: Loc,
        options: &CodingOptions,
        tmp: &mut Vec<u32>,
        out: &mut Vec<(String, Option<u32>)>,
    ) {
        let seq: &[SItem] = if loc.upper {
            &w.upper.items
        } else {
            &w.lower.items
        };
        verbs::loc_slots(seq, loc.at, loc.upper, tmp);
        // `out`'s strings are overwritten in place: their buffers outlive the verb phrase.
        let mut used: usize = 0;
        for &slot in tmp.iter() {
            let code: &str = w
                .slots
                .get(slot as usize)
                .map_or("---", |s| s.code.as_str());
            if code != "---" {
                // Most codes are one code: no splitting then.
                if code.as_bytes().contains(&b'/') {
                    for part in code.split('/') {
                        put_code(out, &mut used, part, Some(slot));
                    }
                } else {
                    put_code(out, &mut used, code, Some(slot));
                }
            } else if options.new_actor_length > 0 {
                let at: Option<usize> = seq.iter().position(|s| *s == SItem::Ne { slot });
                let text: String = match at {
                    Some(at) => self.ne_text(w, seq, at, loc.upper),
                    None => String::new(),
                };
                let spaces: usize = text.matches(' ').count();
                if !text.is_empty()
                    && spaces + 1 < options.new_actor_length + 1
                    && spaces < options.new_actor_length
                {
                    put_code(out, &mut used, &format!("\"{text}\""), Some(slot));
                } else {
                    put_code(out, &mut used, "---", Some(slot));
                }
            }
        }
        if used == 0 {
            put_code(out, &mut used, "---", tmp.first().copied());
        }
        out.truncate(used);
    }

    fn ne_text(&self, w: &Work, seq: &[SItem], at: usize, upper: bool) -> String {
        let mut words: Vec<u32> = Vec::new();
        verbs::ne_words(seq, at, upper, &mut words);
        let mut out: String = String::new();
        for &i in &words {
            if let Some(&(a, b)) = w.ranges.get(i as usize) {
                if !out.is_empty() {
                    out.push(' ');
                }
                let word: Option<&str> = w
                    .text
                    .get(a as usize..b as usize)
                    .and_then(|t: &[u8]| std::str::from_utf8(t).ok());
                out.push_str(word.unwrap_or(""));
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn make_events<'c>(
        &self,
        events: &mut Vec<RawEvent<'c>>,
        srcs: &mut Vec<(String, Option<u32>)>,
        tgts: &mut Vec<(String, Option<u32>)>,
        code: &EvCode,
        passive: bool,
        verb: (u32, u32),
        origin: &'c Origin,
    ) {
        let mut emit = |s: &[(String, Option<u32>)], t: &[(String, Option<u32>)], code: &str| {
            for (sc, ss) in s {
                for (tc, ts) in t {
                    if sc == tc {
                        continue;
                    }
                    let (a, asl, b, bsl) = if passive {
                        (tc, ts, sc, ss)
                    } else {
                        (sc, ss, tc, ts)
                    };
                    events.push(RawEvent {
                        source: a.clone(),
                        target: b.clone(),
                        code: code.to_string(),
                        source_slot: *asl,
                        target_slot: *bsl,
                        verb,
                        pair: None,
                        origin,
                    });
                }
            }
        };
        match code {
            EvCode::Null => {}
            EvCode::One(c) => emit(srcs, tgts, c),
            EvCode::Pair(a, b) => {
                let s0: bool = srcs.first().is_some_and(|s| s.0 == "---");
                let t0: bool = tgts.first().is_some_and(|t| t.0 == "---");
                if s0 || t0 {
                    if t0 {
                        tgts.clone_from(srcs);
                    } else {
                        srcs.clone_from(tgts);
                    }
                }
                if let Some(a) = a {
                    emit(srcs, tgts, a);
                }
                if let Some(b) = b {
                    emit(tgts, srcs, b);
                }
            }
        }
    }

    /// Turn coded triples into full event records.
    fn finish(
        &self,
        input: &SentenceInput<'_>,
        tree: &Tree,
        w: &mut Work,
        (date, uncoded): (Option<DictDate>, bool),
        raw: &mut Vec<RawEvent<'_>>,
        out: &mut Vec<Event>,
    ) {
        let leaves: &[annalist_text::NodeId] = tree.leaves();
        let word = |i: usize| -> &str {
            leaves
                .get(i)
                .and_then(|&leaf| tree.word(leaf))
                .unwrap_or_default()
        };
        // First and last word of every actor slot, in one pass.
        let ranges: &mut Vec<Option<(usize, usize)>> = &mut w.slot_ranges;
        ranges.clear();
        ranges.resize(w.slots.len(), None);
        // A slot's words follow its code up to the next close of an NE or code; the
        // items outside every slot are skipped with a test of their kind only.
        let pl: &[Pi] = &w.pl;
        let mut k: usize = 0;
        while let Some(off) = pl
            .get(k..)
            .and_then(|rest: &[Pi]| rest.iter().position(|p| matches!(p, Pi::Code(_))))
        {
            k += off;
            let mut range: Option<&mut Option<(usize, usize)>> = match pl.get(k) {
                Some(&Pi::Code(slot)) => ranges.get_mut(slot as usize),
                _ => None,
            };
            k += 1;
            while let Some(p) = pl.get(k) {
                match *p {
                    Pi::Code(_) => break,
                    Pi::Close(Lab::Ne) => {
                        k += 1;
                        break;
                    }
                    Pi::Word(wi) => {
                        if let Some(r) = range.as_deref_mut() {
                            let wi: usize = wi as usize;
                            *r = Some(r.map_or((wi, wi), |(a, b)| (a.min(wi), b.max(wi))));
                        }
                    }
                    _ => {}
                }
                k += 1;
            }
        }
        let ranges: &[Option<(usize, usize)>] = ranges;
        let slot_range =
            |slot: u32| -> Option<(usize, usize)> { ranges.get(slot as usize).copied().flatten() };
        // Words upper-cased by `read_words`, for the span rules; empty unless ASCII.
        let (text, word_ranges, flags) = (&w.text, &w.ranges, &w.word_flags);
        let upper = |i: usize| -> &[u8] {
            match (flags.get(i), word_ranges.get(i)) {
                (Some(f), Some(&(a, b))) if f & WORD_ASCII != 0 => {
                    text.get(a as usize..b as usize).unwrap_or_default()
                }
                _ => &[],
            }
        };
        let scratch: &mut String = &mut w.side_code;
        let mut naming = |range: Option<(usize, usize)>, side: spans::Side| {
            let range: (usize, usize) = range?;
            Some(spans::naming_range(
                &self.c, tree, &w.ids, &upper, range, side, date, scratch,
            ))
        };
        // The words that name each event's sides, first: only the words up to the last
        // one an event refers to are aligned.
        let named: &mut Vec<NamedSides> = &mut w.named;
        named.clear();
        let mut slot_last: usize = 0;
        let mut last_leaf: usize = 0;
        for e in raw.iter() {
            slot_last = slot_last.max(e.verb.1 as usize);
            for slot in [e.source_slot, e.target_slot].into_iter().flatten() {
                if let Some((_, b)) = slot_range(slot) {
                    slot_last = slot_last.max(b);
                }
            }
            let verb: usize = e.verb.0 as usize;
            let sides: NamedSides = match e.pair {
                // The coordinated phrase names both sides of a reciprocal event.
                Some((a, b)) => {
                    let pair = naming(Some((a as usize, b as usize)), spans::Side::Source { verb });
                    (pair, pair)
                }
                None => (
                    naming(
                        e.source_slot.and_then(slot_range),
                        spans::Side::Source { verb },
                    ),
                    naming(e.target_slot.and_then(slot_range), spans::Side::Target),
                ),
            };
            last_leaf = [sides.0, sides.1]
                .into_iter()
                .flatten()
                .fold(last_leaf.max(e.verb.1 as usize), |m, (_, b)| m.max(b));
            named.push(sides);
        }
        let named: &[NamedSides] = named;
        let spans: &mut Vec<Option<Span>> = &mut w.spans;
        spans.clear();
        {
            let mut aligner: Aligner<'_> = Aligner::new(input.text);
            // No further than before the sides were known: at most eight words past the
            // last slot word (a word past the aligned ones has no span).
            let n: usize = (last_leaf + 1).min(slot_last + 9).min(leaves.len());
            spans.extend((0..n).map(|i| aligner.next_span(word(i))));
        }
        let spans: &[Option<Span>] = spans;
        let report_date: Option<String> = date.map(date_string);
        let leaf_text = |a: usize, b: usize| -> String {
            if a == b {
                // Most verbs are one word: no length pass.
                return word(a).to_owned();
            }
            let mut text: String = String::new();
            if a <= b && b < leaves.len() {
                text.reserve((a..=b).map(|i| word(i).len() + 1).sum());
                for i in a..=b {
                    if i > a {
                        text.push(' ');
                    }
                    text.push_str(word(i));
                }
            }
            text
        };
        let leaf_span = |a: usize, b: usize| -> Option<Span> {
            let first: Span = (a..=b).find_map(|i| spans.get(i).copied().flatten())?;
            let last: Span = (a..=b)
                .rev()
                .find_map(|i| spans.get(i).copied().flatten())?;
            Some(first.cover(last))
        };
        let sentence_span: Option<Span> = Span::from_usize(0, input.text.len());
        let mut issues: Vec<String> = self.issues(&w.ids, &w.phrase_at);
        let cues: &mut crate::acled_index::CueSet = &mut w.cues;
        cues.clear();
        // The cue table scanned, if any.
        let mut scanned: Option<u16> = None;
        out.reserve(raw.len());
        let count: usize = raw.len();
        let mut report_date: Option<String> = report_date;
        // `event_id` of document, sentence, triple and verb: the first two hashed once.
        let id_prefix: EventIdHash = EventIdHash::new()
            .part(input.doc_id.as_bytes())
            .part(input.sentence_id.as_bytes());
        for (n, e) in raw.drain(..).enumerate() {
            let (source_range, target_range) = named.get(n).copied().unwrap_or_default();
            // The codes are moved into the record: they were built for it.
            let actor = |code: Option<String>, range: Option<(usize, usize)>| -> Actor {
                let (text, span) = match range {
                    Some((a, b)) => {
                        let span: Option<Span> = leaf_span(a, b);
                        let text: String = match span.and_then(|s| s.slice(input.text)) {
                            Some(t) => t.to_string(),
                            None => leaf_text(a, b),
                        };
                        (text, span)
                    }
                    None => (String::new(), None),
                };
                let code_text: &str = code.as_deref().unwrap_or("");
                let plain: bool = !code_text.starts_with('"') && code_text.len() >= 3;
                let country: Option<String> = if plain {
                    code_text
                        .get(..3)
                        .filter(|c| *c != "---")
                        .map(str::to_string)
                } else {
                    None
                };
                let sector: Option<String> = if plain && code_text.len() > 3 {
                    code_text.get(3..).map(str::to_string)
                } else {
                    None
                };
                Actor {
                    text,
                    code,
                    country,
                    sector,
                    span,
                }
            };
            // The null actor `---` is an unknown side, or (news) an uncoded noun phrase.
            let side = |code: String, range: Option<(usize, usize)>| match (code.as_str(), range) {
                ("---", Some(r)) if uncoded => Some((None, Some(r))),
                ("---", _) => None,
                _ => Some((Some(code), range)),
            };
            let (va, vb) = (e.verb.0 as usize, e.verb.1 as usize);
            let verb: Verb = Verb {
                text: leaf_text(va, vb),
                span: leaf_span(va, vb),
            };
            let id: String = id_prefix
                .part(e.source.as_bytes())
                .part(e.target.as_bytes())
                .part(e.code.as_bytes())
                .part(&e.verb.0.to_le_bytes())
                .part(&e.verb.1.to_le_bytes())
                .finish();
            let computed: CodeInfo;
            let info: &CodeInfo = match self.code_info.get(e.code.as_str()) {
                Some(i) => i,
                None => {
                    computed = CodeInfo::new(&e.code, &self.acled, &self.c.transforms);
                    &computed
                }
            };
            let cameo = info.cameo;
            // Codebook text is borrowed: no allocation per event.
            let root: Cow<'static, str> = cameo.map_or_else(
                || Cow::Owned(e.code.chars().take(2).collect()),
                |c| Cow::Borrowed(c.root),
            );
            let plover = info.plover.map(|p| Plover {
                event: Cow::Borrowed(p.event),
                mode: p.mode.map(Cow::Borrowed),
            });
            // One scan per sentence, for the cues its code's rules read, and only when a
            // rule asks; an event whose rules read other cues scans again for all of them.
            if cameo.is_some()
                && info.acled_needs_cues
                && scanned.is_none_or(|t| t != info.acled_table && t != ALL_CUES)
            {
                let table: u16 = if scanned.is_none() {
                    info.acled_table
                } else {
                    ALL_CUES
                };
                self.acled.scan(table, input.text, cues);
                scanned = Some(table);
            }
            let acled: Option<Acled> =
                cameo.map(|_| self.acled.classify_rules(&info.acled_rules, cues));
            // The last record takes the sentence's strings instead of a copy.
            let last: bool = n + 1 == count;
            out.push(Event {
                id,
                doc_id: input.doc_id.to_string(),
                sentence_id: input.sentence_id.to_string(),
                report_date: if last {
                    report_date.take()
                } else {
                    report_date.clone()
                },
                event_date: None,
                source: side(e.source, source_range).map(|(c, r)| actor(c, r)),
                target: side(e.target, target_range).map(|(c, r)| actor(c, r)),
                cameo: e.code,
                cameo_root: root,
                cameo_name: cameo.map(|c| Cow::Borrowed(c.name)),
                goldstein: cameo.map(|c| c.goldstein),
                quad_class: cameo.map(|c| c.quad_class),
                penta_class: cameo.map(|c| c.penta_class),
                plover,
                acled,
                fatalities: None,
                injured: None,
                captured: None,
                location: None,
                attribution: Vec::new(),
                verb: Some(verb),
                sentence: input.text.to_string(),
                sentence_span,
                pattern: Some(PatternRef {
                    // `str::to_owned`: `Arc<str>::to_string` goes through `Display`.
                    file: e.origin.file.as_ref().to_owned(),
                    line: e.origin.line,
                    text: e.origin.text.clone(),
                }),
                background: false,
                issues: if last {
                    std::mem::take(&mut issues)
                } else {
                    issues.clone()
                },
            });
        }
    }

    /// Issue codes found in the sentence, in dictionary order (none when an ignore
    /// phrase is present). `at`: where a phrase may begin ([`Work::phrase_at`]).
    fn issues(&self, ids: &[u32], at: &[u32]) -> Vec<String> {
        if self.c.issues.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(u32, &str)> = Vec::new();
        let mut ignore: bool = false;
        for_each_phrase(
            &self.c.issues,
            &self.c.issue_starts,
            ids,
            at,
            |p| match &p.value {
                IssueKind::Ignore => ignore = true,
                IssueKind::Code(code) => found.push((p.order, code)),
            },
        );
        if ignore {
            return Vec::new();
        }
        found.sort_unstable();
        let mut out: Vec<String> = Vec::new();
        for (_, code) in found {
            if !out.iter().any(|f| f == code) {
                out.push(code.to_string());
            }
        }
        out
    }
}

/// Call `f` for every phrase of `index` that occurs in the word sequence `ids`, trying
/// only the positions `at` (in order; every word that begins some phrase of `index`).
fn for_each_phrase<'p, T>(
    index: &'p crate::compile::HashMap<u32, Vec<WordPhrase<T>>>,
    starts: &[u64],
    ids: &[u32],
    at: &[u32],
    mut f: impl FnMut(&'p WordPhrase<T>),
) {
    for &i in at {
        let i: usize = i as usize;
        let Some(id) = ids.get(i) else { continue };
        if !crate::compile::in_bitset(starts, *id) {
            continue;
        }
        let Some(list) = index.get(id) else { continue };
        let after: &[u32] = &ids[i + 1..];
        for p in list {
            // Most phrases of a common first word ("UNITED") differ at the second word:
            // test it inline before comparing the whole rest.
            let matches: bool = match (p.rest.first(), after.first()) {
                (None, _) => true,
                (Some(a), Some(b)) => a == b && after.starts_with(&p.rest),
                (Some(_), None) => false,
            };
            if matches {
                f(p);
            }
        }
    }
}

/// Is the first compound of the upper sequence `upper` the verb's subject, the nearest
/// phrase before it? In "Tensions between Yerevan and Baku remain high after the arch-foes
/// fought", "the arch-foes" fought. A time ("on Wednesday") or a parenthesis may stand
/// between. Read from the verb outwards, a phrase's end marker comes first.
fn nearest_subject<'a>(upper: &[SItem], word_of: &dyn Fn(u32) -> &'a str) -> bool {
    let mut phrase_words: Vec<&str> = Vec::new();
    for (i, item) in upper.iter().enumerate() {
        match *item {
            SItem::NecEnd => return true,
            SItem::Ne { .. } => {
                let before: &str = match upper.get(i + 1) {
                    Some(SItem::Word { w, .. }) => word_of(*w),
                    _ => "",
                };
                let timeish: bool = phrase_words
                    .first()
                    .is_some_and(|w| uncoded::is_time_word(w));
                if !timeish && !matches!(before, "(" | "-LRB-") {
                    return false;
                }
                phrase_words.clear();
            }
            SItem::Word { w, .. } => phrase_words.push(word_of(w)),
            _ => {}
        }
    }
    false
}

/// Events of a statement (CAMEO root 01: "said", "added", "reported"), whose reported
/// clause holds the news.
fn reports(events: &[RawEvent<'_>]) -> bool {
    !events.is_empty() && events.iter().all(|e| e.code.starts_with("01"))
}

/// A statement whose reported clause is being coded.
#[derive(Debug, Clone, Copy)]
struct PendingStatement {
    /// The statement's own events, `start..end` in the sentence's event list.
    events: (usize, usize),
    /// End of the statement's verb phrase (and so of its reported clause).
    vpend: usize,
}

/// "The parliament added that 12 soldiers had been captured", "X says it has seized the
/// oil fields": when the reported clause codes an event with an actor that is not itself
/// a statement, that event is the news and a plain statement (010) only its vehicle (the
/// speaker stays in the attribution), so the statement's events are dropped; a clause
/// subject that is a personal pronoun ("it", "they") is the speaker. Other root-01 codes
/// stay: a claim of responsibility (015, "claimed that they had attacked") is an event
/// type of its own, and "considering sending aid" is not sending it. Every event after
/// the statement's own ones came from its clause.
fn drop_statement_with_news(
    events: &mut Vec<RawEvent<'_>>,
    statement: PendingStatement,
    is_pronoun: impl Fn(u32) -> bool,
) {
    let (start, end) = statement.events;
    let Some(own) = events.get(start..end) else {
        return;
    };
    let speaker: Option<(String, Option<u32>)> =
        own.first().map(|e| (e.source.clone(), e.source_slot));
    let vehicle: bool = own.iter().all(|e| e.code == "010");
    let has_actor = |e: &RawEvent<'_>| {
        e.source != "---" || e.target != "---" || e.source_slot.is_some() || e.target_slot.is_some()
    };
    let news: bool = events.get(end..).is_some_and(|clause| {
        clause
            .iter()
            .any(|e| !e.code.starts_with("01") && has_actor(e))
    });
    if !(vehicle && news) {
        return;
    }
    if let Some((source, slot)) = speaker {
        give_pronouns_the_speaker(&mut events[end..], (&source, slot), is_pronoun);
    }
    events.drain(start..end);
}

/// Events of a reported clause whose subject is a lone personal pronoun ("X says it has
/// seized ...") take the speaker as their source.
fn give_pronouns_the_speaker(
    events: &mut [RawEvent<'_>],
    (source, slot): (&str, Option<u32>),
    is_pronoun: impl Fn(u32) -> bool,
) {
    for e in events {
        if e.source == "---" && e.source_slot.is_some_and(&is_pronoun) {
            e.source.replace_range(.., source);
            e.source_slot = slot;
        }
    }
}

/// The first clause (`S`, `SBAR`) inside the verb phrase `kitem..vpend`: its complement,
/// what a statement reports or an intent intends. Its verbs are coded with sources from
/// the clause only.
fn complement_clause(pl: &[Pi], kitem: usize, vpend: usize) -> Option<usize> {
    (kitem + 1..vpend.min(pl.len()))
        .find(|&k| matches!(pl[k], Pi::Open(Lab::Tag(_))) && pl[k].is_open_prefix("S"))
}

/// The participle clause `(S (VP (VBG ...)))` that is a direct child of the verb phrase
/// `kitem..vpend` right after a comma: ", urging X to ...", ", accusing X of ...". Its
/// ParseList position, or `None`.
pub(crate) fn participle_adjunct(
    pl: &[Pi],
    close_of: &[u32],
    (kitem, vpend): (usize, usize),
) -> Option<usize> {
    let end: usize = vpend.min(pl.len());
    let mut after_comma: bool = false;
    let mut k: usize = kitem + 1;
    // The verb phrase's children only: each open jumps to its close.
    while k < end {
        if let Pi::Open(_) = pl[k] {
            let participle: bool = after_comma
                && pl[k].is_open_prefix("S")
                && pl.get(k + 1).is_some_and(|p| p.is_open_prefix("VP"))
                && pl.get(k + 2).is_some_and(|p| p.is_open_tag("VBG"));
            if participle {
                return Some(k);
            }
            after_comma = pl[k].is_open_tag(",");
            k = match close_of.get(k) {
                Some(&close) if close as usize > k => close as usize + 1,
                _ => return None,
            };
        } else {
            k += 1;
        }
    }
    None
}

/// An event with neither side known ("six Jesuits were murdered"): the pipeline keeps it
/// only when enrichment gives it a casualty count.
fn actorless_event<'c>(
    code: &EvCode,
    origin: &'c Origin,
    verb: (u32, u32),
) -> Option<RawEvent<'c>> {
    let code: &str = match code {
        EvCode::Null => return None,
        EvCode::One(c) => c,
        EvCode::Pair(a, b) => a.as_deref().or(b.as_deref())?,
    };
    Some(RawEvent {
        source: "---".to_string(),
        target: "---".to_string(),
        code: code.to_string(),
        source_slot: None,
        target_slot: None,
        verb,
        pair: None,
        origin,
    })
}

/// Write `code` and `slot` as entry `used` of `codes`, reusing the string there.
fn put_code(
    codes: &mut Vec<(String, Option<u32>)>,
    used: &mut usize,
    code: &str,
    slot: Option<u32>,
) {
    match codes.get_mut(*used) {
        Some(entry) => {
            entry.0.clear();
            entry.0.push_str(code);
            entry.1 = slot;
        }
        None => codes.push((code.to_string(), slot)),
    }
    *used += 1;
}

/// The leaf index of the word at ParseList position `k` (0 when not a word).
fn leaf_of(pl: &[Pi], k: usize) -> u32 {
    match pl.get(k) {
        Some(Pi::Word(w)) => *w,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recycled_event_lists_keep_their_allocation() {
        let mut kept: Vec<RawEvent<'static>> = Vec::with_capacity(8);
        let address: *const RawEvent<'static> = kept.as_ptr();
        let reused: Vec<RawEvent<'_>> = recycle(std::mem::take(&mut kept));
        assert!(reused.is_empty());
        assert!(reused.capacity() >= 8);
        assert_eq!(reused.as_ptr().cast(), address);
    }

    #[test]
    fn dates_in_three_forms() {
        assert_eq!(parse_date("20080806"), Some(DictDate(20_080_806)));
        assert_eq!(parse_date(" 2008-08-06 "), Some(DictDate(20_080_806)));
        assert_eq!(parse_date("080806"), Some(DictDate(20_080_806)));
        assert_eq!(parse_date("950806"), Some(DictDate(19_950_806)));
        assert_eq!(parse_date("2008080"), None);
        assert_eq!(parse_date("200808061"), None);
        assert_eq!(parse_date("2008O806"), None);
        assert_eq!(parse_date(""), None);
        assert_eq!(date_string(DictDate(20_080_806)), "2008-08-06");
        assert_eq!(date_string(DictDate(9_991_231)), "0999-12-31");
    }

    #[test]
    fn block_upper_casing_is_ascii_upper_casing() {
        for start in 0u8..0x80 {
            let mut block: [u8; 16] = [0; 16];
            for (i, b) in block.iter_mut().enumerate() {
                *b = start.wrapping_add(i as u8 * 7) & 0x7f;
            }
            let mut want: [u8; 16] = block;
            want.make_ascii_uppercase();
            assert_eq!(ascii_upper_block(block, 16), want, "{block:?}");
            let mut short: [u8; 16] = block;
            short[8..].fill(0);
            let mut want_short: [u8; 16] = short;
            want_short.make_ascii_uppercase();
            assert_eq!(ascii_upper_block(short, 8), want_short, "{short:?}");
        }
    }

    #[test]
    fn loaded_blocks_are_the_words_zero_padded() {
        let text: &[u8] = b"0123456789abcdefg";
        for n in 0..=text.len() {
            let word: &[u8] = &text[..n];
            let want: Option<[u8; 16]> = (n <= 16).then(|| {
                let mut block: [u8; 16] = [0; 16];
                block[..n].copy_from_slice(word);
                block
            });
            assert_eq!(load_block(word), want, "{n}");
        }
    }

    #[test]
    fn block_ascii_test_is_the_byte_test() {
        for (at, byte) in [(0, b'a'), (7, 0x80), (8, 0xc3), (15, 0xff), (15, 0x7f)] {
            let mut block: [u8; 16] = *b"SIXTEEN-BYTES-XY";
            block[at] = byte;
            assert_eq!(block_is_ascii(&block), block.is_ascii(), "{block:?}");
        }
    }

    #[test]
    fn block_keys_are_the_keys_of_the_words() {
        for word in ["A", "SAID", "GOVERNMENT", "EIGHTCHR", "SIXTEEN-BYTES-XY"] {
            let mut block: [u8; 16] = [0; 16];
            block[..word.len()].copy_from_slice(word.as_bytes());
            assert!(
                WordKey::of_block(&block, word.len()) == WordKey::of(word.as_bytes()),
                "{word}"
            );
        }
    }
}
