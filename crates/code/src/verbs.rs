//! Verb finding and TABARI/PETRARCH-1 pattern matching over the ParseList.
//!
//! For each verb phrase whose first child is a verb in the dictionary, the words before
//! the verb (the "upper" sequence, read outwards from the verb back to the start of
//! the clause) and after it (the "lower" sequence, to the end of the verb phrase) are
//! matched against the patterns of the verb's group, in dictionary order. The first
//! pattern that matches gives the event code and possibly the source (`$`), target
//! (`+`) or compound (`%`); otherwise the verb's own code applies. Missing actors are
//! then filled in: source = first coded actor of the clause, target = first coded actor
//! after the verb.

use crate::compile::{
    CPattern, Compiled, EvCode, HashMap, NO_WORD, Origin, PElem, PTok, VerbForm, WordMask,
    in_bitset,
};
use crate::parselist::{Lab, Pi};

/// An item of an upper or lower sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SItem {
    /// A word: sentence word index and dictionary id.
    Word {
        w: u32,
        id: u32,
    },
    /// Start of an actor slot (`(NE`).
    Ne {
        slot: u32,
    },
    NeEnd,
    /// Start of a compound (`(NEC`).
    Nec,
    NecEnd,
}

/// Where an actor was found: in which sequence and at what index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Loc {
    pub(crate) upper: bool,
    pub(crate) at: usize,
}

/// Words ignored when checking the words of a multi-word verb.
fn skip_word(c: &Compiled, id: u32) -> bool {
    in_bitset(&c.skip_words, id)
}

/// An upper or lower sequence with what the pattern filter needs, gathered while it is
/// built (one pass over the ParseList per verb).
#[derive(Debug, Default)]
pub(crate) struct Seq {
    pub(crate) items: Vec<SItem>,
    /// Dictionary ids of the words in `items`, in the same order.
    words: Vec<u32>,
    /// The words' [`WordMask`] bits plus those of the synsets whose members may match
    /// here (by the member's word at this end).
    mask: WordMask,
}

impl Seq {
    pub(crate) fn clear(&mut self) {
        self.items.clear();
        self.words.clear();
        self.mask = WordMask::default();
    }

    /// Add word `w` with dictionary id `id`; `ends` maps a word to the synsets having a
    /// member that ends with it on the verb's side.
    #[inline(always)]
    fn push_word(&mut self, c: &Compiled, ends: &HashMap<u32, WordMask>, w: u32, id: u32) {
        self.items.push(SItem::Word { w, id });
        self.words.push(id);
        self.mask.insert(id);
        if in_bitset(&c.synset_edge_bits, id)
            && let Some(syn) = ends.get(&id)
        {
            self.mask.union(syn);
        }
    }
}

/// Build the upper sequence from `from` back to `start` (stopping at a comma close),
/// nearest the verb first.
pub(crate) fn upper_seq(
    c: &Compiled,
    pl: &[Pi],
    (from, start): (isize, usize),
    ids: &[u32],
    out: &mut Seq,
) {
    out.clear();
    let mut k: isize = from;
    while k >= start as isize {
        let p: Pi = pl[k as usize];
        match p {
            Pi::Close(l) if l.is_tag(",") => break,
            Pi::Open(Lab::Ne) => {
                if let Some(Pi::Code(slot)) = pl.get(k as usize + 1) {
                    out.items.push(SItem::Ne { slot: *slot });
                }
            }
            Pi::Open(l) if l.has_nec() => out.items.push(SItem::Nec),
            Pi::Close(l) if l.has_nec() => out.items.push(SItem::NecEnd),
            Pi::Close(Lab::Ne) => out.items.push(SItem::NeEnd),
            Pi::Word(w) => {
                let id: u32 = ids.get(w as usize).copied().unwrap_or(NO_WORD);
                out.push_word(c, &c.synset_last_mask, w, id);
            }
            _ => {}
        }
        k -= 1;
    }
}

/// Build the lower sequence from `from` up to (not including) `end`.
pub(crate) fn lower_seq(
    c: &Compiled,
    pl: &[Pi],
    (from, end): (usize, usize),
    ids: &[u32],
    out: &mut Seq,
) {
    out.clear();
    let mut k: usize = from;
    while k < end.min(pl.len()) {
        match pl[k] {
            Pi::Open(Lab::Ne) => {
                if let Some(Pi::Code(slot)) = pl.get(k + 1) {
                    out.items.push(SItem::Ne { slot: *slot });
                    k += 1;
                }
            }
            Pi::Open(l) if l.has_nec() => out.items.push(SItem::Nec),
            Pi::Close(l) if l.has_nec() => out.items.push(SItem::NecEnd),
            Pi::Close(Lab::Ne) => out.items.push(SItem::NeEnd),
            Pi::Word(w) => {
                let id: u32 = ids.get(w as usize).copied().unwrap_or(NO_WORD);
                out.push_word(c, &c.synset_first_mask, w, id);
            }
            _ => {}
        }
        k += 1;
    }
}

/// What a successful pattern match assigned.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Assign {
    pub(crate) source: Option<Loc>,
    pub(crate) target: Option<Loc>,
    /// `%` seen before the verb: the compound is both source and target.
    pub(crate) compound_upper: bool,
    /// Lower-sequence index just past the pattern's last word after the verb (0 when
    /// the pattern has none): a noun phrase before it is part of the pattern ("launched
    /// an attack on"), not the target.
    pub(crate) lower_end: usize,
}

/// Index of the NE/NEC start marker of the phrase containing position `k`.
fn find_ne_start(seq: &[SItem], k: usize, upper: bool, nec: bool) -> Option<usize> {
    let want = |s: &SItem| {
        if nec {
            *s == SItem::Nec
        } else {
            matches!(s, SItem::Ne { .. })
        }
    };
    if upper {
        (k..seq.len()).find(|&i| want(&seq[i]))
    } else {
        (0..=k).rev().find(|&i| want(&seq[i]))
    }
}

/// Match a synset member at `ks`; returns the index of its last word.
fn synset_match(c: &Compiled, syn: u32, seq: &[SItem], ks: usize, upper: bool) -> Option<usize> {
    let members = c.synsets.get(syn as usize)?;
    let SItem::Word { id: here, .. } = seq[ks] else {
        return None;
    };
    // Most words begin and end no member: one bit test instead of a hash probe.
    if !in_bitset(&c.synset_edge_bits, here) {
        return None;
    }
    let index = if upper {
        c.synset_last.get(syn as usize)?
    } else {
        c.synset_first.get(syn as usize)?
    };
    'member: for &mi in index.get(&here)? {
        let m: &[u32] = &members[mi as usize];
        let n: usize = m.len();
        if ks + n > seq.len() {
            continue;
        }
        for j in 1..n {
            let want: u32 = if upper { m[n - 1 - j] } else { m[j] };
            match seq[ks + j] {
                SItem::Word { id, .. } if id == want => {}
                _ => continue 'member,
            }
        }
        return Some(ks + n - 1);
    }
    None
}

/// Linear TABARI-style match of `elems` against `seq`.
fn match_seq(c: &Compiled, elems: &[PElem], seq: &[SItem], upper: bool, a: &mut Assign) -> bool {
    if elems.is_empty() {
        return true;
    }
    let mut kp: usize = 0;
    let mut ks: usize = 0;
    let mut ne_depth: i32 = 0;
    let mut nec_depth: i32 = 0;
    while ks < seq.len() {
        let e: PElem = elems[kp];
        let item: SItem = seq[ks];
        // Markers move the position without consuming pattern elements. Read from the
        // verb outwards, the upper sequence meets a phrase's end marker first.
        let (ne_step, nec_step): (i32, i32) = match item {
            SItem::Word { id, .. } => {
                if let PTok::Word(w) = e.tok
                    && id != w
                {
                    // The common miss, decided here.
                    if e.adjacent {
                        return false;
                    }
                    ks += 1;
                    continue;
                }
                (0, 0)
            }
            SItem::Ne { .. } => (if upper { -1 } else { 1 }, 0),
            SItem::NeEnd => (if upper { 1 } else { -1 }, 0),
            SItem::Nec => (0, if upper { -1 } else { 1 }),
            SItem::NecEnd => (0, if upper { 1 } else { -1 }),
        };
        if ne_step != 0 || nec_step != 0 {
            ne_depth = (ne_depth + ne_step).max(0);
            nec_depth = (nec_depth + nec_step).max(0);
            ks += 1;
            continue;
        }
        let matched_to: Option<usize> = match e.tok {
            PTok::Word(w) => match item {
                SItem::Word { id, .. } if id == w => Some(ks),
                _ => None,
            },
            PTok::Synset(s) => synset_match(c, s, seq, ks, upper),
            PTok::Source | PTok::Target if ne_depth > 0 => {
                let start: Option<usize> = find_ne_start(seq, ks, upper, false);
                let loc: Option<Loc> = start.map(|at| Loc { upper, at });
                if e.tok == PTok::Source {
                    a.source = loc;
                } else {
                    a.target = loc;
                }
                Some(ks)
            }
            PTok::Skip if ne_depth > 0 => {
                // Jump to the far end of the actor phrase.
                let far: Option<usize> = if upper {
                    (ks..seq.len()).find(|&i| matches!(seq[i], SItem::Ne { .. }))
                } else {
                    (ks..seq.len()).find(|&i| seq[i] == SItem::NeEnd)
                };
                match far {
                    Some(f) => {
                        ne_depth = (ne_depth - 1).max(0);
                        Some(f)
                    }
                    None => None,
                }
            }
            PTok::Compound if nec_depth > 0 => {
                let start: Option<usize> = find_ne_start(seq, ks, upper, true);
                let loc: Option<Loc> = start.map(|at| Loc { upper, at });
                if upper {
                    a.source = loc;
                    a.target = loc;
                    a.compound_upper = true;
                } else {
                    a.target = loc;
                }
                // Continue after the compound.
                let far: Option<usize> = if upper {
                    start
                } else {
                    (ks..seq.len()).find(|&i| seq[i] == SItem::NecEnd)
                };
                match far {
                    Some(f) => {
                        ne_depth = 0;
                        nec_depth = (nec_depth - 1).max(0);
                        Some(f)
                    }
                    None => None,
                }
            }
            _ => None,
        };
        match matched_to {
            Some(last) => {
                kp += 1;
                if kp >= elems.len() {
                    if !upper {
                        a.lower_end = last + 1;
                    }
                    return true;
                }
                ks = last + 1;
            }
            None => {
                if e.adjacent || e.tok == PTok::Unsupported {
                    return false;
                }
                ks += 1;
            }
        }
    }
    false
}

/// Does every literal word of `elems` occur in `words`? A pattern cannot match otherwise.
fn words_present(elems: &[PElem], words: &[u32]) -> bool {
    elems.iter().all(|e| match e.tok {
        PTok::Word(want) => words.contains(&want),
        _ => true,
    })
}

/// Try one pattern against the two sequences.
pub(crate) fn match_pattern(
    c: &Compiled,
    p: &CPattern,
    upper: &[SItem],
    lower: &[SItem],
) -> Option<Assign> {
    let mut a: Assign = Assign::default();
    if !match_seq(c, &p.before, upper, true, &mut a) {
        return None;
    }
    if !match_seq(c, &p.after, lower, false, &mut a) {
        return None;
    }
    Some(a)
}

/// Check the extra words of a multi-word verb around the anchor at `at`; returns the
/// ParseList range covered by the verb.
pub(crate) fn multiword_span(
    c: &Compiled,
    f: &VerbForm,
    pl: &[Pi],
    ids: &[u32],
    at: usize,
) -> Option<(usize, usize)> {
    let word_id = |p: &Pi| -> Option<u32> {
        match p {
            Pi::Word(w) => Some(ids.get(*w as usize).copied().unwrap_or(NO_WORD)),
            _ => None,
        }
    };
    let mut end: usize = at;
    let mut k: usize = at + 1;
    for &want in f.after.iter() {
        loop {
            let p: &Pi = pl.get(k)?;
            match word_id(p) {
                None => k += 1,
                Some(id) if id == want => {
                    end = k;
                    k += 1;
                    break;
                }
                Some(id) if skip_word(c, id) => k += 1,
                Some(_) => return None,
            }
        }
    }
    let mut start: usize = at;
    let mut k: isize = at as isize - 1;
    for &want in f.before.iter() {
        loop {
            if k < 0 {
                return None;
            }
            let p: &Pi = &pl[k as usize];
            match word_id(p) {
                None => k -= 1,
                Some(id) if id == want => {
                    start = k as usize;
                    k -= 1;
                    break;
                }
                Some(id) if skip_word(c, id) => k -= 1,
                Some(_) => return None,
            }
        }
    }
    Some((start, end))
}

/// PETRARCH `check_passive`: for a VP `aux ... VBN ... BY`, the location of the
/// participle. A "by" after a later finite verb belongs to that verb's own conjunct
/// ("is recognized as part of X but has been populated by Armenians").
pub(crate) fn passive_verb(
    c: &Compiled,
    pl: &[Pi],
    ids: &[u32],
    kitem: usize,
    end: usize,
) -> Option<usize> {
    let end: usize = end.min(pl.len());
    let lo: usize = kitem + 3;
    if lo >= end || !pl[lo..end].iter().any(|p| p.is_open_tag("VBN")) {
        return None;
    }
    // Slice scans: the index ranges these replace bounds-checked every item.
    let ppv: usize = lo + pl[lo..].iter().position(|p| p.is_close_tag("VBN"))?;
    let word_is = |k: usize, want: u32| matches!(pl.get(k), Some(Pi::Word(w)) if ids.get(*w as usize) == Some(&want));
    let finite = |p: &Pi| {
        p.is_open_tag("VBZ") || p.is_open_tag("VBD") || p.is_open_tag("VBP") || p.is_open_tag("MD")
    };
    let own_end: usize = pl
        .get(ppv + 1..end)
        .and_then(|after: &[Pi]| after.iter().position(finite))
        .map_or(end, |i: usize| ppv + 1 + i);
    let by: u32 = c.special.by;
    let has_by: bool = pl.get(ppv + 3..own_end).is_some_and(|span: &[Pi]| {
        span.iter()
            .any(|p: &Pi| matches!(p, Pi::Word(w) if ids.get(*w as usize) == Some(&by)))
    });
    if !has_by {
        return None;
    }
    let mut ka: usize = ppv.saturating_sub(3);
    while ka > kitem {
        if matches!(pl[ka], Pi::Close(l) if l.starts_with("VB"))
            && (word_is(ka - 1, c.special.was)
                || word_is(ka - 1, c.special.is)
                || word_is(ka - 1, c.special.been))
        {
            return Some(ppv - 1);
        }
        ka -= 1;
    }
    None
}

/// The verb that was coded and the code it gives.
pub(crate) struct VerbHit<'c> {
    pub(crate) code: &'c EvCode,
    pub(crate) origin: &'c Origin,
    pub(crate) assign: Assign,
}

/// Choose the event code for a verb: the first matching pattern of its group, else the
/// verb's own code. `None` when nothing codes (or a null-coded pattern matched).
pub(crate) fn code_verb<'c>(
    c: &'c Compiled,
    form: &'c VerbForm,
    upper: &Seq,
    lower: &Seq,
) -> Option<VerbHit<'c>> {
    if let (Some(group), Some(masks)) = (
        c.groups.get(form.group as usize),
        c.group_masks.get(form.group as usize),
    ) {
        let lower_fold: u64 = lower.mask.fold();
        for (&pid, m) in group.iter().zip(masks) {
            // Most patterns have words after the verb: those tests fail first.
            if m.after_fold & !lower_fold != 0
                || !m.after.within(&lower.mask)
                || !m.before.within(&upper.mask)
            {
                continue;
            }
            let Some(p) = c.patterns.get(pid as usize) else {
                continue;
            };
            // A group has ~70 patterns and the masks compare words by their low bits
            // only: most that pass lack a word. Test the words themselves before the
            // costlier match.
            if !words_present(&p.after, &lower.words) || !words_present(&p.before, &upper.words) {
                continue;
            }
            // (TABARI's `[+++]`/`[###]` review flags were left out of the groups.)
            if let Some(assign) = match_pattern(c, p, &upper.items, &lower.items) {
                if p.code.is_null() {
                    return None;
                }
                return Some(VerbHit {
                    code: &p.code,
                    origin: &p.origin,
                    assign,
                });
            }
        }
    }
    if form.code.is_null() {
        return None;
    }
    Some(VerbHit {
        code: &form.code,
        origin: &form.origin,
        assign: Assign::default(),
    })
}

/// Code of the NE at a sequence position (`None` for a compound marker).
pub(crate) fn slot_at(seq: &[SItem], at: usize) -> Option<u32> {
    match seq.get(at) {
        Some(SItem::Ne { slot }) => Some(*slot),
        _ => None,
    }
}

/// PETRARCH `find_source`: the first compound or coded actor of the upper sequence in
/// sentence order, else the first uncoded one.
pub(crate) fn find_source(upper: &[SItem], code_of: &impl Fn(u32) -> bool) -> Option<Loc> {
    for i in (0..upper.len()).rev() {
        match upper[i] {
            SItem::Nec => return Some(Loc { upper: true, at: i }),
            SItem::Ne { slot } if code_of(slot) => return Some(Loc { upper: true, at: i }),
            _ => {}
        }
    }
    for i in (0..upper.len()).rev() {
        if let SItem::Ne { .. } = upper[i] {
            return Some(Loc { upper: true, at: i });
        }
    }
    None
}

/// PETRARCH `find_target`: first coded actor after the verb whose code does not begin
/// with the source's, then the first uncoded one; then the same before the verb.
pub(crate) fn find_target<'s>(
    upper: &[SItem],
    lower: &[SItem],
    source: Option<Loc>,
    src_code: Option<&str>,
    coded: &impl Fn(u32) -> bool,
    code_str: &impl Fn(u32) -> &'s str,
) -> Option<Loc> {
    let differs = |slot: u32| -> bool {
        match src_code {
            Some(s) => !code_str(slot).starts_with(s),
            None => true,
        }
    };
    for (i, s) in lower.iter().enumerate() {
        match *s {
            SItem::Nec => {
                return Some(Loc {
                    upper: false,
                    at: i,
                });
            }
            SItem::Ne { slot } if coded(slot) && differs(slot) => {
                return Some(Loc {
                    upper: false,
                    at: i,
                });
            }
            _ => {}
        }
    }
    for (i, s) in lower.iter().enumerate() {
        if let SItem::Ne { slot } = *s
            && !coded(slot)
        {
            return Some(Loc {
                upper: false,
                at: i,
            });
        }
    }
    for (i, s) in upper.iter().enumerate() {
        match *s {
            SItem::Nec => return Some(Loc { upper: true, at: i }),
            SItem::Ne { slot } if coded(slot) && differs(slot) => {
                return Some(Loc { upper: true, at: i });
            }
            _ => {}
        }
    }
    for (i, s) in upper.iter().enumerate() {
        if let SItem::Ne { slot } = *s
            && !coded(slot)
            && source != Some(Loc { upper: true, at: i })
        {
            return Some(Loc { upper: true, at: i });
        }
    }
    None
}

/// The NE slots of a location: the members of a compound, or the single NE.
pub(crate) fn loc_slots(seq: &[SItem], at: usize, upper: bool, out: &mut Vec<u32>) {
    out.clear();
    match seq.get(at) {
        Some(SItem::Ne { slot }) => out.push(*slot),
        Some(SItem::Nec) => {
            // In the upper sequence the compound's members lie towards the verb.
            let mut depth: i32 = 0;
            if upper {
                let mut i: isize = at as isize - 1;
                let mut tmp: Vec<u32> = Vec::new();
                while i >= 0 {
                    match seq[i as usize] {
                        SItem::Nec => depth += 1,
                        SItem::NecEnd => {
                            if depth == 0 {
                                break;
                            }
                            depth -= 1;
                        }
                        SItem::Ne { slot } => tmp.push(slot),
                        _ => {}
                    }
                    i -= 1;
                }
                out.extend(tmp);
            } else {
                for s in &seq[at + 1..] {
                    match *s {
                        SItem::Nec => depth += 1,
                        SItem::NecEnd => {
                            if depth == 0 {
                                break;
                            }
                            depth -= 1;
                        }
                        SItem::Ne { slot } => out.push(slot),
                        _ => {}
                    }
                }
            }
        }
        _ => {}
    }
}

/// Words of the NE starting at `at` (for new-actor text), in sentence order.
pub(crate) fn ne_words(seq: &[SItem], at: usize, upper: bool, out: &mut Vec<u32>) {
    out.clear();
    if upper {
        let mut i: isize = at as isize - 1;
        while i >= 0 {
            match seq[i as usize] {
                SItem::Word { w, .. } => out.push(w),
                _ => break,
            }
            i -= 1;
        }
    } else {
        for s in &seq[at + 1..] {
            match *s {
                SItem::Word { w, .. } => out.push(w),
                _ => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn elem(tok: PTok) -> PElem {
        PElem {
            tok,
            adjacent: false,
        }
    }

    #[test]
    fn a_pattern_is_passed_over_only_when_one_of_its_words_is_missing() {
        let elems: [PElem; 3] = [elem(PTok::Word(4)), elem(PTok::Target), elem(PTok::Word(9))];
        assert!(words_present(&elems, &[NO_WORD, 9, 2, 4]));
        assert!(!words_present(&elems, &[4, NO_WORD, 2]));
        assert!(words_present(&[elem(PTok::Source)], &[]));
    }
}
