//! ACLED classification with the codebook's rules, evaluated against cue sets found in
//! one pass over the sentence. `annalist_codebook::acled` lower-cases and searches the
//! sentence again for every cue of every rule it tries; with one lower-casing and one
//! scan per sentence the same answer costs a fraction of that. The rules and their
//! semantics (a cue counts when it starts at a word boundary) are the codebook's.

use std::borrow::Cow;

use annalist_codebook::{ACLED_RULES, resolve};

use crate::event::Acled;

/// The codebook's ACLED rules, indexed by cue.
#[derive(Debug)]
pub(crate) struct AcledIndex {
    cues: Vec<&'static str>,
    /// Cue indices by first byte.
    by_first: Vec<Vec<u16>>,
    /// Each cue, lower-cased.
    lower: Vec<Box<[u8]>>,
    /// Cue tables for the scan: [`ALL_CUES`] first, then one per set of cues that the
    /// candidate rules of some event code read ([`AcledIndex::add_table`]).
    tables: Vec<CueTable>,
    /// Each cue's bytes after the first eight, as chunks.
    tails: Vec<Box<[Chunk]>>,
    /// Per rule: cue groups (each needs one present cue) and veto cues, as sets.
    rules: Vec<(Vec<RuleCues>, RuleCues)>,
    fallback: annalist_codebook::Acled,
}

/// The table of every cue: its scan answers for any rule.
pub(crate) const ALL_CUES: u16 = 0;

/// Some of the cues, by where they can start: a scan for the cues that an event code's
/// rules read (most codes' rules read a few dozen of the ~250 cues) finds a candidate
/// at few word starts, and passes over the others with one lookup.
#[derive(Debug)]
struct CueTable {
    /// The cues in the table.
    cues: CueSet,
    /// Cues of two bytes or more by [`pair_key`] of their first two bytes, so a word
    /// start is compared only with the few cues that can match there; each with its
    /// first eight bytes as a [`Chunk`], which rejects nearly every candidate in one test.
    by_pair: Vec<Vec<(u16, Chunk)>>,
    /// One-byte cues, by that byte (in either case).
    short: Vec<Vec<u16>>,
}

impl CueTable {
    /// The table of the cues in `cues` (indices into `lower`, the lower-cased cues).
    fn of(cues: &CueSet, lower: &[Box<[u8]>]) -> CueTable {
        let mut by_pair: Vec<Vec<(u16, Chunk)>> = vec![Vec::new(); PAIR_KEYS];
        let mut short: Vec<Vec<u16>> = vec![Vec::new(); 256];
        for (i, c) in lower.iter().enumerate() {
            let i: u16 = u16::try_from(i).unwrap_or(u16::MAX);
            if !cues.contains(i) {
                continue;
            }
            match &c[..] {
                [] => {}
                [b] => {
                    short[b.to_ascii_lowercase() as usize].push(i);
                    if b.to_ascii_uppercase() != b.to_ascii_lowercase() {
                        short[b.to_ascii_uppercase() as usize].push(i);
                    }
                }
                [a, b, ..] => by_pair[pair_key(*a, *b)].push((i, Chunk::of(c))),
            }
        }
        CueTable {
            cues: cues.clone(),
            by_pair,
            short,
        }
    }
}

/// A set of cue indices, one bit each: a rule's cue group is tested against the
/// sentence's cues with a few word operations instead of a lookup per cue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CueSet(Vec<u64>);

impl CueSet {
    /// Empty, with room for cues `0..cues`.
    pub(crate) fn reset(&mut self, cues: usize) {
        self.0.clear();
        self.0.resize(cues.div_ceil(64), 0);
    }

    /// Empty and sized for no cue: nothing meets it.
    pub(crate) fn clear(&mut self) {
        self.0.clear();
    }

    fn insert(&mut self, cue: u16) {
        if let Some(word) = self.0.get_mut(usize::from(cue) / 64) {
            *word |= 1u64 << (cue % 64);
        }
    }

    fn contains(&self, cue: u16) -> bool {
        self.0
            .get(usize::from(cue) / 64)
            .is_some_and(|w: &u64| w >> (cue % 64) & 1 == 1)
    }

    /// Adds the cues of `rule` (a group or veto set).
    fn add(&mut self, rule: &RuleCues) {
        for (w, r) in self.0.iter_mut().skip(rule.first).zip(&rule.words) {
            *w |= r;
        }
    }
}

/// A rule's cue group or veto set: the words of a [`CueSet`] from the first to the last
/// non-zero one, so a test reads only the one or two words the group's cues fall in.
#[derive(Debug, Clone, Default)]
struct RuleCues {
    first: usize,
    words: Box<[u64]>,
}

impl RuleCues {
    fn of(set: &CueSet) -> RuleCues {
        let first: usize = set.0.iter().position(|&w: &u64| w != 0).unwrap_or(0);
        let end: usize = set
            .0
            .iter()
            .rposition(|&w: &u64| w != 0)
            .map_or(first, |i| i + 1);
        RuleCues {
            first,
            words: set.0.get(first..end).unwrap_or(&[]).into(),
        }
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether the sentence's cues `present` include one of these.
    #[inline]
    fn meets(&self, present: &CueSet) -> bool {
        let present: &[u64] = present.0.get(self.first..).unwrap_or(&[]);
        self.words.iter().zip(present).any(|(a, b)| a & b != 0)
    }
}

/// Number of [`pair_key`] values.
const PAIR_KEYS: usize = 27 * 27;

/// Letter class of each byte: 1..=26 for an ASCII letter (either case), else 0.
const CLASS: [u8; 256] = {
    let mut t: [u8; 256] = [0; 256];
    let mut b: usize = 0;
    while b < 256 {
        let l: u8 = (b as u8).to_ascii_lowercase();
        if l.is_ascii_lowercase() {
            t[b] = l - b'a' + 1;
        }
        b += 1;
    }
    t
};

/// ASCII letters and digits.
const ALNUM: [bool; 256] = {
    let mut t: [bool; 256] = [false; 256];
    let mut b: usize = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Key of two leading bytes: each ASCII letter (either case) is its own class, every
/// other byte class 0. Equal keys are necessary for a case-insensitive match.
#[inline]
fn pair_key(a: u8, b: u8) -> usize {
    usize::from(CLASS[a as usize]) * 27 + usize::from(CLASS[b as usize])
}

/// Up to eight cue bytes, compared with eight text bytes in one operation:
/// `text & mask == value`. A letter's mask clears the case bit (the value is the upper-case
/// letter), so it matches either case as `to_ascii_lowercase` would; any other cue byte
/// must be equal; bytes past the cue's end are masked out.
#[derive(Debug, Clone, Copy, Default)]
struct Chunk {
    mask: u64,
    value: u64,
}

impl Chunk {
    /// The chunk of `bytes` (at most eight, lower-case ASCII cue bytes).
    fn of(bytes: &[u8]) -> Chunk {
        let mut chunk: Chunk = Chunk::default();
        for (i, &b) in bytes.iter().take(8).enumerate() {
            let (mask, value): (u8, u8) = if b.is_ascii_alphabetic() {
                (0xDF, b.to_ascii_uppercase())
            } else {
                (0xFF, b)
            };
            chunk.mask |= u64::from(mask) << (8 * i);
            chunk.value |= u64::from(value) << (8 * i);
        }
        chunk
    }

    #[inline]
    fn matches(self, text: u64) -> bool {
        text & self.mask == self.value
    }
}

/// Eight bytes of `bytes` from `at`, little-endian, zero past the end. A cue byte is
/// never zero, so the padding matches none.
#[inline]
fn load8(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(window) => {
            let mut word: [u8; 8] = [0; 8];
            word.copy_from_slice(window);
            u64::from_le_bytes(word)
        }
        None => {
            let mut word: [u8; 8] = [0; 8];
            let tail: &[u8] = bytes.get(at..).unwrap_or(&[]);
            word[..tail.len()].copy_from_slice(tail);
            u64::from_le_bytes(word)
        }
    }
}

impl AcledIndex {
    pub(crate) fn new() -> AcledIndex {
        let mut cues: Vec<&'static str> = Vec::new();
        let id = |cue: &'static str, cues: &mut Vec<&'static str>| -> u16 {
            match cues.iter().position(|c| *c == cue) {
                Some(i) => u16::try_from(i).unwrap_or(u16::MAX),
                None => {
                    cues.push(cue);
                    u16::try_from(cues.len() - 1).unwrap_or(u16::MAX)
                }
            }
        };
        let mut lists: Vec<(Vec<Vec<u16>>, Vec<u16>)> = Vec::with_capacity(ACLED_RULES.len());
        for rule in ACLED_RULES {
            let groups: Vec<Vec<u16>> = rule
                .cues
                .iter()
                .map(|g| g.iter().map(|c| id(c, &mut cues)).collect())
                .collect();
            let unless: Vec<u16> = rule.unless.iter().map(|c| id(c, &mut cues)).collect();
            lists.push((groups, unless));
        }
        // Sets sized once every cue has its index.
        let set_of = |ids: &[u16]| -> RuleCues {
            let mut set: CueSet = CueSet::default();
            set.reset(cues.len());
            for &i in ids {
                set.insert(i);
            }
            RuleCues::of(&set)
        };
        let rules: Vec<(Vec<RuleCues>, RuleCues)> = lists
            .iter()
            .map(|(groups, unless)| (groups.iter().map(|g| set_of(g)).collect(), set_of(unless)))
            .collect();
        let mut by_first: Vec<Vec<u16>> = vec![Vec::new(); 256];
        for (i, c) in cues.iter().enumerate() {
            if let Some(&b) = c.as_bytes().first() {
                by_first[b as usize].push(u16::try_from(i).unwrap_or(u16::MAX));
            }
        }
        let lower: Vec<Box<[u8]>> = cues
            .iter()
            .map(|c| c.as_bytes().to_ascii_lowercase().into())
            .collect();
        let mut all: CueSet = CueSet::default();
        all.reset(cues.len());
        for i in 0..cues.len() {
            all.insert(u16::try_from(i).unwrap_or(u16::MAX));
        }
        let tables: Vec<CueTable> = vec![CueTable::of(&all, &lower)];
        let tails: Vec<Box<[Chunk]>> = lower
            .iter()
            .map(|c| c.get(8..).unwrap_or(&[]).chunks(8).map(Chunk::of).collect())
            .collect();
        AcledIndex {
            cues,
            by_first,
            lower,
            tables,
            tails,
            rules,
            fallback: annalist_codebook::acled("", ""),
        }
    }

    /// The cues that [`AcledIndex::classify_rules`] on `candidates` may read: those of
    /// the rules up to the first that needs none (it fires; no later rule is tried).
    fn cues_read(&self, candidates: &[u16]) -> CueSet {
        let mut read: CueSet = CueSet::default();
        read.reset(self.cues.len());
        for &ri in candidates {
            let Some((groups, unless)) = self.rules.get(ri as usize) else {
                continue;
            };
            for group in groups {
                read.add(group);
            }
            read.add(unless);
            if groups.is_empty() && unless.is_empty() {
                break;
            }
        }
        read
    }

    /// Makes (once) the cue table for the rules `candidates` and returns it, for
    /// [`AcledIndex::scan`].
    pub(crate) fn add_table(&mut self, candidates: &[u16]) -> u16 {
        let read: CueSet = self.cues_read(candidates);
        if let Some(t) = self.tables.iter().position(|t| t.cues == read) {
            return u16::try_from(t).unwrap_or(ALL_CUES);
        }
        self.tables.push(CueTable::of(&read, &self.lower));
        u16::try_from(self.tables.len() - 1).unwrap_or(ALL_CUES)
    }

    /// The cue table made for the rules `candidates`, or [`ALL_CUES`].
    pub(crate) fn table_for(&self, candidates: &[u16]) -> u16 {
        let read: CueSet = self.cues_read(candidates);
        self.tables
            .iter()
            .position(|t| t.cues == read)
            .and_then(|t| u16::try_from(t).ok())
            .unwrap_or(ALL_CUES)
    }

    /// Which cues of table `table` (from [`AcledIndex::add_table`]) occur in the sentence
    /// at a word start. The set may hold other cues that occur, never one that does not.
    pub(crate) fn scan(&self, table: u16, sentence: &str, present: &mut CueSet) {
        present.reset(self.cues.len());
        let Some(table) = self.tables.get(usize::from(table)) else {
            return;
        };
        if sentence.is_ascii() {
            // Fast path: compare case-insensitively in place, at word starts only.
            let bytes: &[u8] = sentence.as_bytes();
            // `p` is always a word start (it follows a byte that is not a letter or digit).
            let mut p: usize = 0;
            while let Some(&b) = bytes.get(p) {
                let second: u8 = bytes.get(p + 1).copied().unwrap_or(0);
                let candidates: &[(u16, Chunk)] = &table.by_pair[pair_key(b, second)];
                if !candidates.is_empty() {
                    let head: u64 = load8(bytes, p);
                    for &(ci, first) in candidates {
                        if first.matches(head) && self.tail_matches(ci, bytes, p) {
                            present.insert(ci);
                        }
                    }
                }
                for &ci in &table.short[b as usize] {
                    present.insert(ci);
                }
                p += 1;
                if ALNUM[b as usize] {
                    // Over the rest of the word and the byte that ends it: neither starts one.
                    while bytes.get(p).is_some_and(|&c: &u8| ALNUM[c as usize]) {
                        p += 1;
                    }
                    p += 1;
                }
            }
            return;
        }
        let lower: String = sentence.to_lowercase();
        let bytes: &[u8] = lower.as_bytes();
        let mut prev_alnum: bool = false;
        for (p, ch) in lower.char_indices() {
            if !prev_alnum {
                let second: u8 = bytes.get(p + 1).copied().unwrap_or(0);
                for &ci in &self.by_first[bytes[p] as usize] {
                    let Some(cue) = self.cues.get(ci as usize) else {
                        continue;
                    };
                    let cb: &[u8] = cue.as_bytes();
                    if cb.get(1).is_none_or(|&c| c == second) && bytes[p..].starts_with(cb) {
                        present.insert(ci);
                    }
                }
            }
            prev_alnum = ch.is_alphanumeric();
        }
    }

    /// Whether cue `ci`'s bytes after the first eight follow at `bytes[p + 8..]`.
    #[inline]
    fn tail_matches(&self, ci: u16, bytes: &[u8], p: usize) -> bool {
        let tail: &[Chunk] = self.tails.get(ci as usize).map_or(&[], |t| &t[..]);
        tail.iter()
            .enumerate()
            .all(|(k, chunk): (usize, &Chunk)| chunk.matches(load8(bytes, p + 8 * (k + 1))))
    }

    /// The rules (in order) that can fire for CAMEO `code`.
    pub(crate) fn rules_for(&self, code: &str) -> Vec<u16> {
        let resolved: &str = resolve(code).map_or("", |r| r.entry.code);
        ACLED_RULES
            .iter()
            .enumerate()
            .filter(|(_, rule)| {
                rule.codes.is_empty()
                    || (!resolved.is_empty() && rule.codes.iter().any(|p| resolved.starts_with(p)))
            })
            .map(|(i, _)| u16::try_from(i).unwrap_or(u16::MAX))
            .collect()
    }

    /// Whether [`AcledIndex::classify_rules`] on `candidates` may look at cues: false
    /// when the first candidate rule fires unconditionally.
    pub(crate) fn needs_cues(&self, candidates: &[u16]) -> bool {
        for &ri in candidates {
            let Some((groups, unless)) = self.rules.get(ri as usize) else {
                continue;
            };
            return !(groups.is_empty() && unless.is_empty());
        }
        false
    }

    /// The ACLED type of an event with CAMEO `code` in a sentence whose cues are
    /// `present` (from [`AcledIndex::scan`]).
    #[cfg(test)]
    pub(crate) fn classify(&self, code: &str, present: &CueSet) -> Acled {
        self.classify_rules(&self.rules_for(code), present)
    }

    /// As [`AcledIndex::classify`], with the code's candidate rules precomputed.
    pub(crate) fn classify_rules(&self, candidates: &[u16], present: &CueSet) -> Acled {
        for &ri in candidates {
            let (Some(rule), Some((groups, unless))) =
                (ACLED_RULES.get(ri as usize), self.rules.get(ri as usize))
            else {
                continue;
            };
            if groups.iter().all(|g| g.meets(present)) && !unless.meets(present) {
                return Acled {
                    event_type: Cow::Borrowed(rule.acled.event_type),
                    sub_event_type: Cow::Borrowed(rule.acled.sub_event_type),
                };
            }
        }
        Acled {
            event_type: Cow::Borrowed(self.fallback.event_type),
            sub_event_type: Cow::Borrowed(self.fallback.sub_event_type),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cues at every word start, found the plain way: a start follows a byte that
    /// is not an ASCII letter or digit.
    fn cues_reference(index: &AcledIndex, sentence: &str) -> CueSet {
        let lower: Vec<u8> = sentence.as_bytes().to_ascii_lowercase();
        let mut set: CueSet = CueSet::default();
        set.reset(index.cues.len());
        for p in 0..lower.len() {
            if p > 0 && lower[p - 1].is_ascii_alphanumeric() {
                continue;
            }
            for (ci, cue) in index.cues.iter().enumerate() {
                if lower[p..].starts_with(cue.to_ascii_lowercase().as_bytes()) {
                    set.insert(ci as u16);
                }
            }
        }
        set
    }

    /// The scan of all cues finds the plain scan's cues, up to the sentence end.
    #[test]
    fn scan_finds_the_cues_at_every_word_start() {
        let index: AcledIndex = AcledIndex::new();
        let pieces: [&str; 15] = [
            "police",
            "Clashed",
            " ",
            ", ",
            "-",
            "ied",
            "bomb",
            "x",
            "9",
            "shelled",
            "tear gas",
            "died",
            "  ",
            ".",
            "Demonstrations",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut present: CueSet = CueSet::default();
        for _ in 0..3000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut sentence: String = String::new();
            for k in 0..(state % 12) {
                let pick: u64 = state.rotate_left(k as u32 * 5) % pieces.len() as u64;
                sentence.push_str(pieces[pick as usize]);
            }
            index.scan(ALL_CUES, &sentence, &mut present);
            assert_eq!(present, cues_reference(&index, &sentence), "{sentence:?}");
        }
    }

    /// Same answers as the codebook's own function.
    #[test]
    fn agrees_with_codebook() {
        let index: AcledIndex = AcledIndex::new();
        let sentences: [&str; 12] = [
            // Cues longer than eight bytes, in mixed case, and cut short by the end.
            "PROTESTERS WERE KILLED as Riot Police Opened Fire On them",
            "Rioters clashed with polic",
            "they clashed with police",
            "Protesters clashed with police in the capital after a bomb exploded.",
            "Rebels shelled the town, killing three civilians.",
            "The minister said talks would resume.",
            "Troops seized the airport; an IED was found nearby.",
            "Students vandalised the office to demonstrate against the results.",
            "Loyalists of a local leader attacked an activist; two factions clashed.",
            "Police fired tear gas to disperse a procession and arrested 12.",
            "Gunmen shot dead a farmer; a crude bomb exploded nearby.",
            "",
        ];
        let codes: [&str; 12] = [
            "190", "1823", "141", "145", "010", "---", "183", "200", "1712", "175", "172", "1041",
        ];
        let mut index: AcledIndex = index;
        let tables: Vec<u16> = codes
            .iter()
            .map(|c| index.add_table(&index.rules_for(c)))
            .collect();
        // Codes' rules read fewer cues than there are, and not all the same ones.
        assert!(tables.iter().all(|&t| t != ALL_CUES));
        assert!(tables.iter().any(|&t| t != tables[0]));
        let mut present: CueSet = CueSet::default();
        for s in sentences {
            for (c, &table) in codes.iter().zip(&tables) {
                let want = annalist_codebook::acled(c, s);
                // Scanned for the code's own cues, and for all of them.
                for table in [table, ALL_CUES] {
                    index.scan(table, s, &mut present);
                    let got: Acled = index.classify(c, &present);
                    assert_eq!(got.event_type, want.event_type, "{c} {s}");
                    assert_eq!(got.sub_event_type, want.sub_event_type, "{c} {s}");
                }
            }
        }
    }
}
