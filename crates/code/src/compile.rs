//! Compile the dictionary AST (annalist-dict) into flat matchers: every dictionary word
//! is interned once, phrases become `u32` sequences keyed by their first word, and
//! verb patterns become element lists ordered from the verb outwards.

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use annalist_dict::{
    AgentPosition, DateRestriction, Dictionaries, DiscardScope, IssueAction, PatternToken, Phrase,
    VerbCode, VerbDialect,
};

/// A small fast hasher (the rustc "Fx" mix) for maps keyed by ids and short words.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const FX_K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(FX_K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b: [u8; 8] = [0; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest: &[u8] = chunks.remainder();
        if !rest.is_empty() {
            let mut b: [u8; 8] = [0; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash map with the fast hasher.
pub(crate) type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A bitset over word ids.
fn bitset<'a>(words: usize, ids: impl Iterator<Item = &'a u32>) -> Vec<u64> {
    let mut bits: Vec<u64> = vec![0; words / 64 + 1];
    for id in ids {
        let i: usize = *id as usize;
        if let Some(b) = bits.get_mut(i / 64) {
            *b |= 1 << (i % 64);
        }
    }
    bits
}

/// Is `id` in the bitset?
#[inline]
pub(crate) fn in_bitset(bits: &[u64], id: u32) -> bool {
    let i: usize = id as usize;
    bits.get(i / 64).is_some_and(|b| b & (1 << (i % 64)) != 0)
}

/// Id of a word that is not in any dictionary.
pub(crate) const NO_WORD: u32 = u32::MAX;

/// Interned upper-case words.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    map: HashMap<Box<str>, u32>,
}

impl Vocab {
    pub(crate) fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.map.get(w) {
            return id;
        }
        let id: u32 = u32::try_from(self.map.len()).unwrap_or(NO_WORD - 1);
        self.map.insert(w.into(), id);
        id
    }
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }
    pub(crate) fn get(&self, w: &str) -> u32 {
        self.map.get(w).copied().unwrap_or(NO_WORD)
    }
}

/// Where a dictionary entry was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Origin {
    pub(crate) file: Arc<str>,
    pub(crate) line: u32,
    pub(crate) text: String,
}

/// A multi-word name (actor or agent) after its first word.
#[derive(Debug, Clone)]
pub(crate) struct NamePat {
    /// Words after the first.
    pub(crate) rest: Box<[u32]>,
    /// `conn[i]`: `_` after word `i` (0 = the first word); the last entry is the
    /// trailing `_` (exact) flag.
    pub(crate) conn: Box<[bool]>,
    /// Index of the actor entry or agent code.
    pub(crate) target: u32,
    /// Position in the first word's candidate order (earlier wins).
    pub(crate) rank: u32,
}

/// Names (actors or agents) indexed for lookup: the names beginning with a word are
/// found by its id directly (no hashing). Names whose second word must follow the first
/// directly are kept by that second word too, so a common first word ("INTERNATIONAL",
/// "PRESIDENT") does not mean trying hundreds of names.
#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    /// Per word id: index in `names` of the names it begins, or `NO_NAMES`.
    first_of: Vec<u32>,
    names: Vec<FirstWordNames>,
    /// Names by first word while the dictionaries are read.
    by_first: HashMap<u32, FirstWordNames>,
}

/// [`NameIndex::first_of`] of a word that begins no name.
const NO_NAMES: u32 = u32::MAX;

/// The names beginning with one word (boxed slices: one per word in the dictionaries,
/// so their size is most of the index's).
#[derive(Debug, Default)]
struct FirstWordNames {
    /// Names whose second word need not follow directly (and one-word names), in
    /// priority order.
    loose: Box<[NamePat]>,
    /// Names whose second word follows directly, by second word (sorted), each list in
    /// priority order.
    tight: Box<[(u32, Box<[NamePat]>)]>,
    /// Bit `w % 64` of every second word in `tight`: most next words miss it, and one
    /// bit test spares them the binary search.
    tight_seconds: u64,
}

impl NameIndex {
    /// Index lists of names keyed by first word, each list in priority order.
    fn new(lists: HashMap<u32, Vec<NamePat>>) -> NameIndex {
        let mut index: NameIndex = NameIndex::default();
        for (first, list) in lists {
            let mut loose: Vec<NamePat> = Vec::new();
            let mut tight: Vec<(u32, NamePat)> = Vec::new();
            for (i, mut pat) in list.into_iter().enumerate() {
                pat.rank = u32::try_from(i).unwrap_or(u32::MAX);
                match pat.rest.first() {
                    Some(&second) if pat.conn.first().copied().unwrap_or(false) => {
                        tight.push((second, pat));
                    }
                    _ => loose.push(pat),
                }
            }
            // Stable: each second word's names stay in priority order.
            tight.sort_by_key(|(second, _)| *second);
            let mut by_second: Vec<(u32, Vec<NamePat>)> = Vec::new();
            let mut tight_seconds: u64 = 0;
            for (second, pat) in tight {
                tight_seconds |= 1u64 << (second % 64);
                match by_second.last_mut() {
                    Some((last, same)) if *last == second => same.push(pat),
                    _ => by_second.push((second, vec![pat])),
                }
            }
            let names: FirstWordNames = FirstWordNames {
                loose: loose.into_boxed_slice(),
                tight: by_second
                    .into_iter()
                    .map(|(second, pats)| (second, pats.into_boxed_slice()))
                    .collect(),
                tight_seconds,
            };
            index.by_first.insert(first, names);
        }
        index
    }

    /// Index the names by first word once the vocabulary (`words` ids) is complete.
    fn index_starts(&mut self, words: usize) {
        // Taken: the build-time map's table is freed, not kept empty.
        let mut by_first: Vec<(u32, FirstWordNames)> =
            std::mem::take(&mut self.by_first).into_iter().collect();
        by_first.sort_unstable_by_key(|(first, _)| *first);
        self.first_of = vec![NO_NAMES; words];
        self.names = Vec::with_capacity(by_first.len());
        for (first, names) in by_first {
            if let Some(slot) = self.first_of.get_mut(first as usize) {
                *slot = u32::try_from(self.names.len()).unwrap_or(NO_NAMES);
                self.names.push(names);
            }
        }
    }

    /// The highest-priority name matching at the start of `frag`, with the number of
    /// phrase items it covers.
    #[inline(always)]
    pub(crate) fn first_match(&self, frag: &[u32]) -> Option<(&NamePat, usize)> {
        let w: u32 = *frag.first()?;
        match self.first_of.get(w as usize) {
            Some(&i) if i != NO_NAMES => self.match_names(i, frag),
            _ => None,
        }
    }

    /// [`NameIndex::first_match`] for a first word that begins names (kept out of line:
    /// most words begin no name).
    #[inline(never)]
    fn match_names(&self, i: u32, frag: &[u32]) -> Option<(&NamePat, usize)> {
        let names: &FirstWordNames = self.names.get(i as usize)?;
        let a: &[NamePat] = &names.loose;
        let b: &[NamePat] = match frag.get(1) {
            Some(&next) if names.tight_seconds & (1u64 << (next % 64)) != 0 => names
                .tight
                .binary_search_by_key(&next, |(second, _)| *second)
                .map_or(&[], |i| &names.tight[i].1[..]),
            _ => &[],
        };
        let (mut i, mut j) = (0usize, 0usize);
        while i < a.len() || j < b.len() {
            let take_a: bool = j >= b.len() || (i < a.len() && a[i].rank < b[j].rank);
            let pat: &NamePat = if take_a { &a[i] } else { &b[j] };
            if take_a {
                i += 1;
            } else {
                j += 1;
            }
            if let Some(n) = crate::actors::name_match(pat, frag) {
                return Some((pat, n));
            }
        }
        None
    }
}

impl NamePat {
    fn new(ids: &[u32], phrase: &Phrase, target: u32) -> NamePat {
        let n: usize = ids.len();
        let mut conn: Vec<bool> = Vec::with_capacity(n);
        for i in 0..n {
            if i + 1 < n {
                conn.push(phrase.joined.get(i).copied().unwrap_or(false));
            } else {
                conn.push(phrase.exact);
            }
        }
        NamePat {
            rest: ids[1..].into(),
            conn: conn.into(),
            target,
            rank: 0,
        }
    }
    pub(crate) fn word_count(&self) -> usize {
        self.rest.len() + 1
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ActorInfo {
    pub(crate) codes: Vec<(DateRestriction, Box<str>)>,
}

#[derive(Debug, Clone)]
pub(crate) struct AgentInfo {
    pub(crate) code: Box<str>,
    pub(crate) prefix: bool,
}

/// An event code of a verb or pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EvCode {
    Null,
    One(Box<str>),
    /// `[a:b]`: the event and its reciprocal.
    Pair(Option<Box<str>>, Option<Box<str>>),
}

impl EvCode {
    pub(crate) fn from_verb_code(c: &VerbCode) -> EvCode {
        if c.compound {
            if c.primary.is_none() && c.secondary.is_none() {
                EvCode::Null
            } else {
                EvCode::Pair(
                    c.primary.as_deref().map(Into::into),
                    c.secondary.as_deref().map(Into::into),
                )
            }
        } else {
            match &c.primary {
                Some(p) => EvCode::One(p.as_str().into()),
                None => EvCode::Null,
            }
        }
    }
    pub(crate) fn is_null(&self) -> bool {
        matches!(self, EvCode::Null)
    }
    /// TABARI's complex (`+++`) and discard (`###`) markers.
    pub(crate) fn is_complex(&self) -> bool {
        matches!(self, EvCode::One(c) if &**c == "+++" || &**c == "###")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PTok {
    Word(u32),
    Synset(u32),
    Source,
    Target,
    Compound,
    Skip,
    /// A PETRARCH-2 phrase construct we do not match in the linear dialect.
    Unsupported,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct PElem {
    pub(crate) tok: PTok,
    /// Must follow the previously matched element (or the verb) directly.
    pub(crate) adjacent: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct CPattern {
    pub(crate) code: EvCode,
    /// Elements before the verb, nearest the verb first.
    pub(crate) before: Vec<PElem>,
    /// Elements after the verb, in order.
    pub(crate) after: Vec<PElem>,
    /// The literal words of the pattern before and after the verb.
    pub(crate) mask_before: WordMask,
    pub(crate) mask_after: WordMask,
    pub(crate) origin: Origin,
}

/// One surface form of a verb: the anchor word the parser tags as a verb, plus the
/// words of a multi-word verb around it.
#[derive(Debug, Clone)]
pub(crate) struct VerbForm {
    /// Words before the anchor, nearest first.
    pub(crate) before: Box<[u32]>,
    /// Words after the anchor, in order.
    pub(crate) after: Box<[u32]>,
    pub(crate) group: u32,
    pub(crate) code: EvCode,
    pub(crate) origin: Origin,
}

/// A discard or issue phrase: its words after the first (which is the index key).
#[derive(Debug, Clone)]
pub(crate) struct WordPhrase<T> {
    pub(crate) rest: Box<[u32]>,
    pub(crate) value: T,
    /// Position in the file, so the earliest entry wins among several matches.
    pub(crate) order: u32,
}

#[derive(Debug, Clone)]
pub(crate) enum IssueKind {
    Code(Box<str>),
    Ignore,
}

/// A discard: the phrase text and whether it discards the whole story.
#[derive(Debug, Clone)]
pub(crate) struct Discard {
    pub(crate) text: Box<str>,
    pub(crate) story: bool,
}

/// The compiled dictionaries.
#[derive(Debug, Default)]
pub(crate) struct Compiled {
    pub(crate) vocab: Vocab,
    /// Actor names keyed by first word, longest first.
    pub(crate) actors: NameIndex,
    pub(crate) actor_info: Vec<ActorInfo>,
    /// First words of discard phrases.
    pub(crate) discard_starts: Vec<u64>,
    /// First words of issue phrases.
    pub(crate) issue_starts: Vec<u64>,
    /// Agent names keyed by first word, in file order.
    pub(crate) agents: NameIndex,
    pub(crate) agent_info: Vec<AgentInfo>,
    /// Verb forms keyed by anchor word.
    pub(crate) verbs: HashMap<u32, Vec<VerbForm>>,
    /// Pattern ids of each verb group (verbs sharing a primary verb).
    pub(crate) groups: Vec<Vec<u32>>,
    /// Per group, parallel to `groups`: each pattern's literal-word masks, kept
    /// together so rejecting a pattern touches one small array.
    pub(crate) group_masks: Vec<Vec<PatternMasks>>,
    pub(crate) patterns: Vec<CPattern>,
    /// Synset members as word sequences.
    pub(crate) synsets: Vec<Vec<Box<[u32]>>>,
    /// Per synset: member indices by first word, and by last word (for matching
    /// backwards before the verb).
    pub(crate) synset_first: Vec<HashMap<u32, Vec<u32>>>,
    pub(crate) synset_last: Vec<HashMap<u32, Vec<u32>>>,
    /// Bit `id` set when word `id` is the first or last word of some synset member.
    pub(crate) synset_edge_bits: Vec<u64>,
    /// Per word: the mask bits ([`synset_bit`]) of the synsets having a member that
    /// starts with it (matched after the verb) ...
    pub(crate) synset_first_mask: HashMap<u32, WordMask>,
    /// ... or ends with it (matched before the verb, backwards).
    pub(crate) synset_last_mask: HashMap<u32, WordMask>,
    /// Discard phrases keyed by first word.
    pub(crate) discards: HashMap<u32, Vec<WordPhrase<Discard>>>,
    /// Issue phrases keyed by first word.
    pub(crate) issues: HashMap<u32, Vec<WordPhrase<IssueKind>>>,
    pub(crate) dialect: VerbDialect,
    /// Words PETRARCH skips when checking multi-word verbs (a bitset by word id).
    pub(crate) skip_words: Vec<u64>,
    /// Words that can start a time modifier (a bitset by word id; see
    /// [`crate::spans::TIME_MODIFIER_STARTS`]).
    pub(crate) time_modifier_starts: Vec<u64>,
    pub(crate) span_words: SpanWords,
    pub(crate) special: Specials,
    /// PETRARCH-2 transformation rules, in dictionary order.
    pub(crate) transforms: Vec<crate::transform::Rule>,
}

/// Ids of the words the passive-voice test looks for.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Specials {
    pub(crate) by: u32,
    pub(crate) was: u32,
    pub(crate) is: u32,
    pub(crate) been: u32,
    pub(crate) former: u32,
    /// Forms of "be" (and "got") that make a following participle passive.
    pub(crate) be_forms: [u32; 8],
    /// HAVE, HAS, HAD, HAVING: a participle after them is a perfect.
    pub(crate) have_forms: [u32; 4],
    /// Personal pronouns a reported clause may use for the reporting subject.
    pub(crate) pronouns: [u32; 6],
}

/// Word ids the span rules compare per word (interned after the dictionaries').
#[derive(Debug, Default)]
pub(crate) struct SpanWords {
    pub(crate) for_word: u32,
    pub(crate) of_word: u32,
}

const SKIP_WORDS: [&str; 30] = [
    "THE", "A", "AN", "IT", "HE", "THEY", "HER", "HAS", "HAD", "HAVE", "SOME", "FEW", "THAT",
    "HUNDRED", "THOUSAND", "MILLION", "BILLION", "TRILLION", "DOZEN", "ONE", "TWO", "THREE",
    "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "DOLLAR", "DUCAT",
];

fn intern_phrase(vocab: &mut Vocab, p: &Phrase) -> Vec<u32> {
    p.words.iter().map(|w| vocab.intern(w)).collect()
}

impl Compiled {
    /// Every event code that verbs and patterns can produce.
    pub(crate) fn event_codes(&self) -> Vec<&str> {
        fn add<'s>(code: &'s EvCode, out: &mut Vec<&'s str>) {
            match code {
                EvCode::Null => {}
                EvCode::One(c) => out.push(c),
                EvCode::Pair(a, b) => {
                    out.extend(a.as_deref());
                    out.extend(b.as_deref());
                }
            }
        }
        let mut out: Vec<&str> = Vec::new();
        for p in &self.patterns {
            add(&p.code, &mut out);
        }
        for forms in self.verbs.values() {
            for f in forms {
                add(&f.code, &mut out);
            }
        }
        out
    }

    pub(crate) fn build(d: &Dictionaries) -> Compiled {
        let mut c: Compiled = Compiled {
            dialect: d.verbs.dialect,
            ..Compiled::default()
        };
        c.special = Specials {
            by: c.vocab.intern("BY"),
            was: c.vocab.intern("WAS"),
            is: c.vocab.intern("IS"),
            been: c.vocab.intern("BEEN"),
            former: c.vocab.intern("FORMER"),
            be_forms: ["WAS", "WERE", "IS", "ARE", "BE", "BEEN", "BEING", "GOT"]
                .map(|w| c.vocab.intern(w)),
            have_forms: ["HAVE", "HAS", "HAD", "HAVING"].map(|w| c.vocab.intern(w)),
            pronouns: ["IT", "HE", "SHE", "THEY", "WE", "I"].map(|p| c.vocab.intern(p)),
        };
        let skip: Vec<u32> = SKIP_WORDS.iter().map(|w| c.vocab.intern(w)).collect();
        c.build_actors(d);
        c.build_agents(d);
        c.build_synsets(d);
        c.build_verbs(d);
        c.transforms = crate::transform::compile(&c, &d.verbs.transformations);
        for members in &c.synsets {
            let mut first: HashMap<u32, Vec<u32>> = HashMap::default();
            let mut last: HashMap<u32, Vec<u32>> = HashMap::default();
            for (i, m) in members.iter().enumerate() {
                let i: u32 = u32::try_from(i).unwrap_or(u32::MAX);
                if let (Some(&f), Some(&l)) = (m.first(), m.last()) {
                    first.entry(f).or_default().push(i);
                    last.entry(l).or_default().push(i);
                }
            }
            c.synset_first.push(first);
            c.synset_last.push(last);
        }
        for (si, members) in c.synsets.iter().enumerate() {
            let bit: u32 = synset_bit(u32::try_from(si).unwrap_or(u32::MAX));
            for m in members {
                if let (Some(&f), Some(&l)) = (m.first(), m.last()) {
                    c.synset_first_mask.entry(f).or_default().insert(bit);
                    c.synset_last_mask.entry(l).or_default().insert(bit);
                }
            }
        }
        // Patterns that can never match (an unsupported construct, which no sentence
        // item satisfies) or that TABARI only flags for review (`+++`, `###`) are never
        // chosen: leave them out of the groups so they cost nothing per verb.
        let patterns: &[CPattern] = &c.patterns;
        for group in &mut c.groups {
            group.retain(|&pid| {
                patterns.get(pid as usize).is_some_and(|p| {
                    !p.code.is_complex()
                        && !p
                            .before
                            .iter()
                            .chain(p.after.iter())
                            .any(|e| e.tok == PTok::Unsupported)
                })
            });
        }
        c.group_masks = c
            .groups
            .iter()
            .map(|g| {
                g.iter()
                    .filter_map(|&pid| patterns.get(pid as usize))
                    .map(|p| PatternMasks {
                        after_fold: p.mask_after.fold(),
                        before: p.mask_before,
                        after: p.mask_after,
                    })
                    .collect()
            })
            .collect();
        for (order, e) in d.discards.entries.iter().enumerate() {
            if e.phrase.is_empty() {
                continue;
            }
            let ids: Vec<u32> = intern_phrase(&mut c.vocab, &e.phrase);
            c.discards.entry(ids[0]).or_default().push(WordPhrase {
                rest: ids[1..].into(),
                value: Discard {
                    text: e.phrase.text().into(),
                    story: e.scope == DiscardScope::Story,
                },
                order: u32::try_from(order).unwrap_or(u32::MAX),
            });
        }
        if let Some(issues) = &d.issues {
            let mut order: u32 = 0;
            for e in &issues.entries {
                let kind: IssueKind = match &e.action {
                    IssueAction::Code(code) => IssueKind::Code(code.as_str().into()),
                    IssueAction::Ignore(_) => IssueKind::Ignore,
                };
                for f in &e.forms {
                    if f.words.is_empty() {
                        continue;
                    }
                    let ids: Vec<u32> = intern_phrase(&mut c.vocab, f);
                    c.issues.entry(ids[0]).or_default().push(WordPhrase {
                        rest: ids[1..].into(),
                        value: kind.clone(),
                        order,
                    });
                    order = order.saturating_add(1);
                }
            }
        }
        // Interned last: the dictionaries' word ids stay as they were.
        let time_starts: Vec<u32> = crate::spans::TIME_MODIFIER_STARTS
            .iter()
            .map(|w| c.vocab.intern(w))
            .collect();
        c.span_words = SpanWords {
            for_word: c.vocab.intern("FOR"),
            of_word: c.vocab.intern("OF"),
        };
        let words: usize = c.vocab.len();
        c.skip_words = bitset(words, skip.iter());
        c.time_modifier_starts = bitset(words, time_starts.iter());
        c.actors.index_starts(words);
        c.agents.index_starts(words);
        c.synset_edge_bits = bitset(
            words,
            c.synset_first_mask.keys().chain(c.synset_last_mask.keys()),
        );
        c.discard_starts = bitset(words, c.discards.keys());
        c.issue_starts = bitset(words, c.issues.keys());
        c
    }

    fn build_actors(&mut self, d: &Dictionaries) {
        let mut lists: HashMap<u32, Vec<NamePat>> = HashMap::default();
        for entry in &d.actors.entries {
            let target: u32 = u32::try_from(self.actor_info.len()).unwrap_or(u32::MAX);
            let codes: Vec<(DateRestriction, Box<str>)> = entry
                .codes
                .iter()
                .map(|ac| (ac.restriction, ac.codes.join("/").into_boxed_str()))
                .collect();
            self.actor_info.push(ActorInfo { codes });
            for name in &entry.names {
                if name.phrase.is_empty() {
                    continue;
                }
                let ids: Vec<u32> = intern_phrase(&mut self.vocab, &name.phrase);
                let pat: NamePat = NamePat::new(&ids, &name.phrase, target);
                lists.entry(ids[0]).or_default().push(pat);
            }
        }
        for list in lists.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.word_count()));
        }
        self.actors = NameIndex::new(lists);
    }

    fn build_agents(&mut self, d: &Dictionaries) {
        let mut lists: HashMap<u32, Vec<NamePat>> = HashMap::default();
        for entry in &d.agents.entries {
            let target: u32 = u32::try_from(self.agent_info.len()).unwrap_or(u32::MAX);
            self.agent_info.push(AgentInfo {
                code: entry.code.code.as_str().into(),
                prefix: entry.code.position == AgentPosition::Prefix,
            });
            let forms: &[Phrase] = if entry.forms.is_empty() {
                std::slice::from_ref(&entry.phrase)
            } else {
                &entry.forms
            };
            for f in forms {
                if f.is_empty() {
                    continue;
                }
                let ids: Vec<u32> = intern_phrase(&mut self.vocab, f);
                let pat: NamePat = NamePat::new(&ids, f, target);
                lists.entry(ids[0]).or_default().push(pat);
            }
        }
        self.agents = NameIndex::new(lists);
    }

    fn build_synsets(&mut self, d: &Dictionaries) {
        let index: HashMap<&str, usize> = d
            .verbs
            .synsets
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.as_str(), i))
            .collect();
        for (i, _) in d.verbs.synsets.iter().enumerate() {
            let mut members: Vec<Box<[u32]>> = Vec::new();
            let mut seen: Vec<usize> = vec![i];
            let mut todo: Vec<usize> = vec![i];
            while let Some(k) = todo.pop() {
                for m in &d.verbs.synsets[k].members {
                    if let Some(r) = &m.synset_ref {
                        if let Some(&j) = index.get(r.as_str())
                            && !seen.contains(&j)
                        {
                            seen.push(j);
                            todo.push(j);
                        }
                        continue;
                    }
                    let forms: &[Phrase] = if m.forms.is_empty() {
                        std::slice::from_ref(&m.phrase)
                    } else {
                        &m.forms
                    };
                    for f in forms {
                        if !f.is_empty() {
                            members.push(intern_phrase(&mut self.vocab, f).into());
                        }
                    }
                }
            }
            // Longer members first so "SWISS FRANCS" beats "FRANCS".
            members.sort_by_key(|m| std::cmp::Reverse(m.len()));
            self.synsets.push(members);
        }
    }

    fn build_verbs(&mut self, d: &Dictionaries) {
        let synset_index: HashMap<&str, u32> = d
            .verbs
            .synsets
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.as_str(), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let mut group_of: HashMap<String, u32> = HashMap::default();
        for block in &d.verbs.blocks {
            let key: String = block
                .verbs
                .first()
                .map(|v| v.phrase.text())
                .unwrap_or_else(|| block.name.clone());
            let next: u32 = u32::try_from(self.groups.len()).unwrap_or(u32::MAX);
            let group: u32 = *group_of.entry(key).or_insert(next);
            if group == next {
                self.groups.push(Vec::new());
            }
            for p in &block.patterns {
                let pid: u32 = u32::try_from(self.patterns.len()).unwrap_or(u32::MAX);
                let cp: CPattern = self.compile_pattern(p, &synset_index);
                self.patterns.push(cp);
                if let Some(g) = self.groups.get_mut(group as usize) {
                    g.push(pid);
                }
            }
            for v in &block.verbs {
                let code: EvCode = EvCode::from_verb_code(v.effective_code(block));
                let origin: Origin = Origin {
                    file: v.loc.file.clone(),
                    line: v.loc.line,
                    text: v.raw.clone(),
                };
                for f in &v.forms {
                    if f.is_empty() {
                        continue;
                    }
                    let ids: Vec<u32> = intern_phrase(&mut self.vocab, f);
                    let vi: usize = if v.marked_multiword {
                        v.verb_index.min(ids.len() - 1)
                    } else {
                        0
                    };
                    let before: Vec<u32> = ids[..vi].iter().rev().copied().collect();
                    let after: Vec<u32> = ids[vi + 1..].to_vec();
                    let form: VerbForm = VerbForm {
                        before: before.into(),
                        after: after.into(),
                        group,
                        code: code.clone(),
                        origin: origin.clone(),
                    };
                    let list: &mut Vec<VerbForm> = self.verbs.entry(ids[vi]).or_default();
                    // A verb defined again (in a later block) replaces the earlier
                    // definition, as in PETRARCH; its patterns stay merged by group.
                    match list
                        .iter_mut()
                        .find(|f| f.before == form.before && f.after == form.after)
                    {
                        Some(existing) => *existing = form,
                        None => list.push(form),
                    }
                }
            }
        }
        // Multi-word forms are tried before single words.
        for list in self.verbs.values_mut() {
            list.sort_by_key(|f| std::cmp::Reverse(f.before.len() + f.after.len()));
        }
    }

    /// Flatten pattern elements into linear tokens with their `_` flags. PETRARCH-2
    /// phrase constructs are approximated linearly: `{A B}` matches its words in order,
    /// `(PREP obj)` the preposition (any of `A/B`) followed by the object's words.
    fn flatten(
        &mut self,
        elems: &[annalist_dict::PatternElement],
        synsets: &HashMap<&str, u32>,
        out: &mut Vec<(PTok, bool)>,
    ) {
        for e in elems {
            match &e.token {
                PatternToken::Word(w) => {
                    out.push((PTok::Word(self.vocab.intern(w)), e.connected_after))
                }
                PatternToken::Synset(s) => {
                    let t: PTok = synsets
                        .get(s.as_str())
                        .map_or(PTok::Unsupported, |&i| PTok::Synset(i));
                    out.push((t, e.connected_after));
                }
                PatternToken::Source => out.push((PTok::Source, e.connected_after)),
                PatternToken::Target => out.push((PTok::Target, e.connected_after)),
                PatternToken::Compound => out.push((PTok::Compound, e.connected_after)),
                PatternToken::Skip => out.push((PTok::Skip, e.connected_after)),
                PatternToken::NounPhrase(inner) => {
                    self.flatten(inner, synsets, out);
                    if let Some(last) = out.last_mut() {
                        last.1 = e.connected_after;
                    }
                }
                PatternToken::PrepPhrase {
                    preposition,
                    object,
                } => {
                    let alts: Vec<&str> =
                        preposition.split('/').filter(|a| !a.is_empty()).collect();
                    let t: PTok = match alts.as_slice() {
                        [] => PTok::Unsupported,
                        [one] => PTok::Word(self.vocab.intern(one)),
                        many => {
                            let members: Vec<Box<[u32]>> = many
                                .iter()
                                .map(|a| vec![self.vocab.intern(a)].into_boxed_slice())
                                .collect();
                            let id: u32 = u32::try_from(self.synsets.len()).unwrap_or(u32::MAX);
                            self.synsets.push(members);
                            PTok::Synset(id)
                        }
                    };
                    out.push((t, false));
                    self.flatten(object, synsets, out);
                    if let Some(last) = out.last_mut() {
                        last.1 = e.connected_after;
                    }
                }
            }
        }
    }

    fn compile_pattern(
        &mut self,
        p: &annalist_dict::VerbPattern,
        synsets: &HashMap<&str, u32>,
    ) -> CPattern {
        let mut low: Vec<(PTok, bool)> = Vec::with_capacity(p.lower.len());
        self.flatten(&p.lower, synsets, &mut low);
        let mut up: Vec<(PTok, bool)> = Vec::with_capacity(p.upper.len());
        self.flatten(&p.upper, synsets, &mut up);
        // The AST's `lower` is before the verb (in order), `upper` after it. Before the
        // verb we match outwards from the verb, so the order is reversed and each
        // element's `_` links it to the element nearer the verb.
        let before: Vec<PElem> = low
            .iter()
            .rev()
            .map(|&(tok, connected_after)| PElem {
                tok,
                adjacent: connected_after,
            })
            .collect();
        let mut after: Vec<PElem> = Vec::with_capacity(up.len());
        for (i, &(tok, _)) in up.iter().enumerate() {
            let adjacent: bool = if i == 0 {
                p.verb_connected_after
            } else {
                up[i - 1].1
            };
            after.push(PElem { tok, adjacent });
        }
        let mask_of = |elems: &[PElem]| -> WordMask {
            let mut mask: WordMask = WordMask::default();
            for e in elems {
                match e.tok {
                    PTok::Word(w) => mask.insert(w),
                    PTok::Synset(syn) => mask.insert(synset_bit(syn)),
                    _ => {}
                }
            }
            mask
        };
        let mask_before: WordMask = mask_of(&before);
        let mask_after: WordMask = mask_of(&after);
        CPattern {
            code: EvCode::from_verb_code(&p.code),
            before,
            after,
            mask_before,
            mask_after,
            origin: Origin {
                file: p.loc.file.clone(),
                line: p.loc.line,
                text: p.raw.clone(),
            },
        }
    }
}

/// The [`WordMask`] id standing for "some member of synset `syn` may be present".
pub(crate) fn synset_bit(syn: u32) -> u32 {
    // Spread synsets over the mask independently of word ids' low bits.
    syn.wrapping_mul(0x9E37_79B9) >> 8
}

/// A pattern's literal-word masks, for rejecting it before matching.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PatternMasks {
    /// `after` folded to one word ([`WordMask::fold`]): a group has ~70 patterns, and
    /// most are turned away by this one test.
    pub(crate) after_fold: u64,
    pub(crate) before: WordMask,
    pub(crate) after: WordMask,
}

/// A 256-bit set of word ids (by their low bits): a cheap necessary condition for a
/// pattern's literal words all being present.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordMask(pub(crate) [u64; 4]);

impl WordMask {
    pub(crate) fn insert(&mut self, id: u32) {
        if id != NO_WORD {
            let b: usize = (id & 255) as usize;
            self.0[b >> 6] |= 1u64 << (b & 63);
        }
    }
    /// Add every bit of `other`.
    pub(crate) fn union(&mut self, other: &WordMask) {
        for i in 0..4 {
            self.0[i] |= other.0[i];
        }
    }
    /// The four lanes OR-ed: when `a` is within `b`, `a.fold()` is within `b.fold()`.
    pub(crate) fn fold(&self) -> u64 {
        self.0[0] | self.0[1] | self.0[2] | self.0[3]
    }
    /// Every bit of `self` is in `other`.
    pub(crate) fn within(&self, other: &WordMask) -> bool {
        (0..4).all(|i| self.0[i] & !other.0[i] == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(words: &[u32], joined: bool, target: u32) -> NamePat {
        NamePat {
            rest: words[1..].into(),
            conn: vec![joined; words.len()].into(),
            target,
            rank: 0,
        }
    }

    #[test]
    fn names_keep_their_priority_across_loose_and_tight_lists() {
        // First word 7: a tight two-word name (7_8), then a loose one-word name (7).
        let mut lists: HashMap<u32, Vec<NamePat>> = HashMap::default();
        lists.insert(7, vec![name(&[7, 8], true, 1), name(&[7], false, 2)]);
        lists.insert(9, vec![name(&[9], false, 3)]);
        let mut index: NameIndex = NameIndex::new(lists);
        index.index_starts(16);
        let target = |frag: &[u32]| index.first_match(frag).map(|(p, n)| (p.target, n));
        assert_eq!(target(&[7, 8, 5]), Some((1, 2)));
        assert_eq!(target(&[7, 5]), Some((2, 1)));
        // 72 shares 8's bit in the second-word filter but begins no tight name.
        assert_eq!(target(&[7, 72]), Some((2, 1)));
        assert_eq!(target(&[9]), Some((3, 1)));
        assert_eq!(target(&[5, 7]), None);
        assert_eq!(target(&[NO_WORD]), None);
    }

    #[test]
    fn a_folded_mask_within_means_nothing_outside_it() {
        let (mut small, mut big): (WordMask, WordMask) = (WordMask::default(), WordMask::default());
        small.insert(3);
        big.insert(3 + 64);
        assert!(small.fold() & !big.fold() == 0 && !small.within(&big));
        big.insert(3);
        assert!(small.within(&big) && small.fold() & !big.fold() == 0);
        small.insert(200);
        assert!(small.fold() & !big.fold() != 0);
    }
}
