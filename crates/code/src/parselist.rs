//! The PETRARCH-1 "ParseList": a linear token form of the parse tree in which simple
//! noun phrases are collapsed into `(NE code words ~NE` actor slots, compound noun
//! phrases are marked `(NEC ... ~NEC`, and verb phrases are numbered so the end of each
//! can be found. The verb patterns of the TABARI dialect are matched against this
//! linear form, so its quirks are reproduced on purpose: the dictionaries were written
//! for it.

use annalist_text::Tree;

/// FNV-1a (32 bit) of a label, usable in constants.
#[inline(always)]
pub(crate) const fn label_hash(s: &str) -> u32 {
    label_hash_bytes(s.as_bytes())
}

/// [`label_hash`] of a label's bytes.
#[inline(always)]
const fn label_hash_bytes(b: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut i: usize = 0;
    while i < b.len() {
        h ^= b[i] as u32;
        h = h.wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

const F_CC: u16 = 1;
const F_JJ: u16 = 1 << 1;
const F_N: u16 = 1 << 2;
const F_NN: u16 = 1 << 3;
const F_NP: u16 = 1 << 4;
const F_PP: u16 = 1 << 5;
const F_S: u16 = 1 << 6;
const F_VB: u16 = 1 << 7;
const F_VP: u16 = 1 << 8;
const F_NEC: u16 = 1 << 9;
const F_NE: u16 = 1 << 10;
/// The label is `POS` / `SBAR` (by hash, as [`Lab::is_tag`] compares).
const F_POS: u16 = 1 << 11;
const F_SBAR: u16 = 1 << 12;
/// The label is `,` (by hash): the comma rules need the commas' positions.
const F_COMMA: u16 = 1 << 13;

/// A treebank label reduced to what the coder asks of it: its identity (a hash) and
/// the prefix tests PETRARCH makes. Copy and lifetime-free, so buffers can be reused
/// across sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tag {
    hash: u32,
    flags: u16,
    /// The [`Summary::info`] bits the label gives its ancestors.
    below: u8,
}

/// Treebank labels, for showing a [`Tag`] (which keeps only a hash of its label).
const KNOWN_LABELS: [&str; 78] = [
    "", "ROOT", "TOP", "S", "SBAR", "SBARQ", "SINV", "SQ", "ADJP", "ADVP", "CONJP", "FRAG", "INTJ",
    "LST", "NAC", "NP", "NX", "PP", "PRN", "PRT", "QP", "RRC", "UCP", "VP", "WHADJP", "WHADVP",
    "WHNP", "WHPP", "X", "CC", "CCP", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD",
    "NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO",
    "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", ",", ".", ":", "``",
    "''", "-LRB-", "-RRB-", "#", "$", "NP-TMP", "-NONE-", "NEC",
];

impl Tag {
    /// The label text, when it is a standard treebank label (else `?`).
    pub(crate) fn name(&self) -> &'static str {
        KNOWN_LABELS
            .iter()
            .find(|l| label_hash(l) == self.hash)
            .copied()
            .unwrap_or("?")
    }

    /// The tag of a label given as bytes (const, so fixed labels are built once).
    pub(crate) const fn new(b: &[u8]) -> Tag {
        let first: u8 = if b.is_empty() { 0 } else { b[0] };
        let second: u8 = if b.len() > 1 { b[1] } else { 0 };
        let mut flags: u16 = match first {
            b'C' if second == b'C' => F_CC,
            b'J' if second == b'J' => F_JJ,
            b'N' => {
                F_N | match second {
                    b'N' => F_NN,
                    b'P' => F_NP,
                    b'E' => F_NE,
                    _ => 0,
                }
            }
            b'P' if second == b'P' => F_PP,
            b'S' => F_S,
            b'V' => match second {
                b'B' => F_VB,
                b'P' => F_VP,
                _ => 0,
            },
            _ => 0,
        };
        let mut i: usize = 0;
        while i + 3 <= b.len() {
            if b[i] == b'N' && b[i + 1] == b'E' && b[i + 2] == b'C' {
                flags |= F_NEC;
                break;
            }
            i += 1;
        }
        let hash: u32 = label_hash_bytes(b);
        if hash == label_hash("POS") {
            flags |= F_POS;
        }
        if hash == label_hash("SBAR") {
            flags |= F_SBAR;
        }
        if hash == label_hash(",") {
            flags |= F_COMMA;
        }
        let mut tag: Tag = Tag {
            hash,
            flags,
            below: 0,
        };
        tag.below = tag_below_bits(tag);
        tag
    }

    #[inline(always)]
    fn starts_with(self, prefix: &str) -> bool {
        let f: u16 = match prefix {
            "CC" => F_CC,
            "JJ" => F_JJ,
            "N" => F_N,
            "NN" => F_NN,
            "NP" => F_NP,
            "PP" => F_PP,
            "S" => F_S,
            "VB" => F_VB,
            "VP" => F_VP,
            "NE" => F_NE,
            _ => return false,
        };
        self.flags & f != 0
    }
}

/// Labels the ParseList writes itself.
const CCP_TAG: Tag = Tag::new(b"CCP");
const NP_TAG: Tag = Tag::new(b"NP");

/// A phrase label in the linear form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lab {
    /// A treebank label as written in the tree (possibly renamed, e.g. `CCP`).
    Tag(Tag),
    /// `(NE`: an actor slot; the item after it is its code.
    Ne,
    /// `(NEC` without index: a compound marked inside the tree or an actor slot.
    Nec,
    /// `(NEC<n>`: a top-level compound.
    NecN(u16),
    /// `(NP<n>`: a complex noun phrase that was not collapsed.
    NpN(u16),
    /// `(VP<n>`: a verb phrase.
    VpN(u16),
    /// `(SBR`: a relative clause flattened to words inside a noun phrase.
    Sbr,
}

impl Lab {
    /// True for labels whose text begins with `prefix` (as PETRARCH's substring tests do
    /// on `"(" + label`).
    #[inline(always)]
    pub(crate) fn starts_with(&self, prefix: &str) -> bool {
        match self {
            Lab::Tag(t) => t.starts_with(prefix),
            Lab::Ne => "NE".starts_with(prefix),
            Lab::Nec | Lab::NecN(_) => "NEC".starts_with(prefix),
            Lab::NpN(_) => "NP".starts_with(prefix),
            Lab::VpN(_) => "VP".starts_with(prefix),
            Lab::Sbr => "SBR".starts_with(prefix),
        }
    }

    /// True when the label text contains `NEC`.
    #[inline(always)]
    pub(crate) fn has_nec(&self) -> bool {
        match self {
            Lab::Nec | Lab::NecN(_) => true,
            Lab::Tag(t) => t.flags & F_NEC != 0,
            _ => false,
        }
    }

    #[inline(always)]
    pub(crate) fn is_tag(&self, name: &str) -> bool {
        matches!(self, Lab::Tag(t) if t.hash == label_hash(name))
    }
}

/// A token of the bracketed tree while it is being rewritten: the ParseList's own item
/// type, so stretches that need no rewriting are copied over whole.
pub(crate) type Rt = Pi;

/// An item of the finished ParseList: opens, closes (carrying the label they close:
/// a relabelled open relabels its close too), words (indices into the sentence's word
/// table) and NE code slots (indices into its code table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pi {
    Open(Lab),
    Close(Lab),
    Word(u32),
    Code(u32),
}

impl Pi {
    #[inline(always)]
    pub(crate) fn is_open_tag(&self, name: &str) -> bool {
        matches!(self, Pi::Open(l) if l.is_tag(name))
    }
    /// An open whose label begins with `prefix` (one of [`Tag::starts_with`]'s).
    #[inline(always)]
    pub(crate) fn is_open_prefix(&self, prefix: &str) -> bool {
        matches!(self, Pi::Open(l) if l.starts_with(prefix))
    }
    #[inline(always)]
    pub(crate) fn is_close_tag(&self, name: &str) -> bool {
        matches!(self, Pi::Close(l) if l.is_tag(name))
    }
}

/// Why a record could not be coded (PETRARCH's `check_irregulars` names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Irregular {
    /// The tree is not balanced or could not be read.
    BadInputParse,
    /// The linear form came out unbalanced.
    BadFinalParse,
    /// A dateline (`CITY: -- ...`) was detected: `(ROOT (NE (NEC`.
    Dateline,
}

impl Irregular {
    pub fn name(self) -> &'static str {
        match self {
            Irregular::BadInputParse => "bad_input_parse",
            Irregular::BadFinalParse => "bad_final_parse",
            Irregular::Dateline => "dateline",
        }
    }
}

/// Flatten a tree into bracket tokens: `Open(label)`, words, `Close(label)`.
/// Words are numbered by leaf order. Fills `summary` for the tokens on the way.
///
/// Node ids are in pre-order, so one pass over them emits the bracketing: before a
/// node opens, the open phrases deeper than its depth close.
pub(crate) fn tokens_from_tree(
    tree: &Tree,
    out: &mut Vec<Rt>,
    tags: &mut TagCache,
    summary: &mut Summary,
) {
    out.clear();
    // Opens and closes are two tokens per node, plus one per word.
    let tokens: usize = 2 * tree.node_count() + tree.leaves().len();
    out.reserve(tokens);
    summary.clear(tokens);
    for node in tree.preorder() {
        while summary.stack.len() > node.depth as usize {
            close_phrase(out, summary);
        }
        let tag: Tag = tags.get(node.label);
        let k: usize = out.len();
        // One test for the labels whose positions the summary lists.
        if tag.flags & (F_CC | F_COMMA | F_PP | F_POS) != 0 {
            summary.list(k, tag.flags);
        }
        if node.preterminal {
            out.extend_from_slice(&[
                Rt::Open(Lab::Tag(tag)),
                Rt::Word(node.first_leaf),
                Rt::Close(Lab::Tag(tag)),
            ]);
            let parent: u32 = match summary.stack.last_mut() {
                Some(parent) => {
                    parent.1 |= tag.below;
                    parent.0
                }
                None => NO_PARENT,
            };
            if let Some(info) = summary.info.get_mut(k) {
                *info = ((k + 2) as u32, parent, 0);
            }
        } else {
            if tag.flags & (F_NP | F_VP) != 0 {
                summary.phrase_at.push(k as u32);
            }
            summary.open(k, tag.below);
            out.push(Rt::Open(Lab::Tag(tag)));
        }
    }
    while !summary.stack.is_empty() {
        close_phrase(out, summary);
    }
}

/// Closes the innermost open phrase of [`tokens_from_tree`]: the close carries its
/// open's label.
#[inline(always)]
fn close_phrase(out: &mut Vec<Rt>, summary: &mut Summary) {
    if let Some(open) = summary.close(out.len())
        && let Some(&Rt::Open(label)) = out.get(open as usize)
    {
        out.push(Rt::Close(label));
    }
}

/// Recently seen labels and their [`Tag`]s: a tree repeats a few dozen labels, and a
/// probe is cheaper than hashing the label again.
pub(crate) struct TagCache {
    /// Label bytes packed with their length (labels of at most 7 bytes), and the tag.
    entries: Box<[(u64, Tag); TAG_CACHE_SIZE]>,
}

const TAG_CACHE_BITS: u32 = 10;
const TAG_CACHE_SIZE: usize = 1 << TAG_CACHE_BITS;

impl Default for TagCache {
    fn default() -> TagCache {
        TagCache {
            entries: Box::new(
                [(
                    u64::MAX,
                    Tag {
                        hash: 0,
                        flags: 0,
                        below: 0,
                    },
                ); TAG_CACHE_SIZE],
            ),
        }
    }
}

impl TagCache {
    #[inline]
    pub(crate) fn get(&mut self, label: &[u8]) -> Tag {
        let b: &[u8] = label;
        if b.len() > 7 {
            return Tag::new(label);
        }
        // The usual two- and three-byte labels without a loop.
        let key: u64 = match *b {
            [x, y] => (2 << 16) | (u64::from(x) << 8) | u64::from(y),
            [x, y, z] => (3 << 24) | (u64::from(x) << 16) | (u64::from(y) << 8) | u64::from(z),
            _ => {
                let mut key: u64 = b.len() as u64;
                for &c in b {
                    key = (key << 8) | u64::from(c);
                }
                key
            }
        };
        let slot: usize =
            (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TAG_CACHE_BITS)) as usize;
        let entry: &mut (u64, Tag) = &mut self.entries[slot];
        if entry.0 != key {
            *entry = (key, Tag::new(label));
        }
        entry.1
    }
}

/// Index of the `Close` matching the `Open` at `i` (or the last index when unbalanced).
pub(crate) fn span_end(toks: &[Rt], i: usize) -> usize {
    let mut depth: usize = 0;
    let mut k: usize = i;
    while k < toks.len() {
        match toks[k] {
            Rt::Open(_) => depth += 1,
            Rt::Close(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
        k += 1;
    }
    toks.len().saturating_sub(1)
}

/// Index of the `Open` of the phrase that encloses position `i`.
fn enclosing(toks: &[Rt], i: usize) -> Option<usize> {
    let mut depth: i64 = 0;
    let mut k: usize = i;
    while k > 0 {
        k -= 1;
        match toks[k] {
            Rt::Open(_) => {
                if depth == 0 {
                    return Some(k);
                }
                depth -= 1;
            }
            Rt::Close(_) => depth += 1,
            _ => {}
        }
    }
    None
}

/// Mark compounds: a `CC` whose phrase holds a verb phrase or clause becomes `CCP`; a
/// noun phrase with a single `CC` and at least two further noun tags becomes `NEC`.
/// Visits only the `CC` opens the summary recorded (marking keeps them `CC`-prefixed).
fn mark_compounds(toks: &mut [Rt], summary: &Summary) {
    for &ka in &summary.cc_at {
        let ka: usize = ka as usize;
        if matches!(toks.get(ka), Some(Rt::Open(l)) if l.starts_with("CC"))
            && let Some(p) = parent_of(toks, summary, ka)
        {
            let pend: usize = end_of(toks, summary, p);
            let span: &[Rt] = &toks[p..=pend];
            let is_clause =
                |t: &Rt| matches!(t, Rt::Open(l) if l.starts_with("VP") || l.starts_with("S"));
            // From the summary (marking keeps it valid): the phrase's own label, the bits
            // below it, and the recorded `CC` opens inside it; no walk over the phrase.
            let (has_clause, n_cc): (bool, usize) = match summary.info.get(p) {
                Some(&(_, _, below)) if summary.describes(toks) => (
                    is_clause(&toks[p]) || below & BELOW_CLAUSE != 0,
                    summary
                        .cc_at
                        .iter()
                        .filter(|&&k| (p..=pend).contains(&(k as usize)))
                        .count(),
                ),
                _ => (
                    span.iter().any(is_clause),
                    span.iter()
                        .filter(|t| matches!(t, Rt::Open(l) if l.starts_with("CC")))
                        .count(),
                ),
            };
            if has_clause {
                let ka_end: usize = end_of(toks, summary, ka);
                toks[ka] = Rt::Open(Lab::Tag(CCP_TAG));
                toks[ka_end] = Rt::Close(Lab::Tag(CCP_TAG));
            } else if n_cc > 1 {
                // PETRARCH garbles the conjunction word here; the effect that
                // matters is that the phrase is not marked as a compound.
            } else if matches!(toks[p], Rt::Open(l) if l.starts_with("NP")) {
                let n_noun: usize = span
                    .iter()
                    .filter(|t| matches!(t, Rt::Open(l) if l.starts_with("N")))
                    .count();
                if n_noun >= 3 {
                    toks[p] = Rt::Open(Lab::Nec);
                    toks[pend] = Rt::Close(Lab::Nec);
                }
            }
        }
    }
}

/// Replace every `SBAR` inside the noun phrase at `np` by a flat `(SBR words )`, in
/// place. `summary` describes `toks` as they are on entry: a phrase's end is read
/// from it, shifted by the items removed before the phrase.
fn reduce_sbars(toks: &mut Vec<Rt>, summary: &Summary, np: usize) {
    let mut end: usize = end_of(toks, summary, np);
    let mut removed: usize = 0;
    let mut k: usize = np + 1;
    while k < end {
        if matches!(toks[k], Rt::Open(l) if l.is_tag("SBAR")) {
            let send: usize = match summary.info.get(k + removed) {
                Some(&(e, _, _)) if e as usize >= k + removed => e as usize - removed,
                _ => span_end(toks, k),
            };
            // The words move up behind the new open; the rest of the clause goes.
            let mut w: usize = k + 1;
            for i in k + 1..=send {
                if let Rt::Word(_) = toks[i] {
                    toks[w] = toks[i];
                    w += 1;
                }
            }
            toks[k] = Rt::Open(Lab::Sbr);
            toks[w] = Rt::Close(Lab::Sbr);
            toks.drain(w + 1..=send);
            removed += send - w;
            end -= send - w;
            k = w + 1;
        } else {
            k += 1;
        }
    }
}

/// PETRARCH `get_NE`: an `(NE --- ... )` holding the words of `seg[1..]` plus any
/// `(NEC` sub-phrase with its markup.
fn push_ne(seg: &[Rt], codes: &mut u32, out: &mut Emit<'_>) {
    out.push(Rt::Open(Lab::Ne));
    out.push(Rt::Code(*codes));
    *codes += 1;
    let mut k: usize = 1;
    while k < seg.len() {
        match seg[k] {
            Rt::Open(Lab::Nec) => {
                let e: usize = span_end(seg, k);
                out.extend(&seg[k..=e]);
                k = e + 1;
            }
            Rt::Word(_) => {
                out.push(seg[k]);
                k += 1;
            }
            _ => k += 1,
        }
    }
    out.push(Rt::Close(Lab::Ne));
}

/// PETRARCH `process_preposition`: `(NP (NP a) (PP (IN of) (NP b)))` becomes one NE
/// `a of b`; anything more complex gives `None`.
/// The result is written to `seg` (scratch reused across phrases).
fn process_preposition(toks: &[Rt], summary: &Summary, pp: usize, seg: &mut Vec<Rt>) -> Option<()> {
    seg.clear();
    let parent: usize = parent_of(toks, summary, pp)?;
    let pend: usize = end_of(toks, summary, parent);
    if !matches!(toks[parent], Rt::Open(l) if l.starts_with("NP")) {
        return None;
    }
    let first: usize = parent + 1;
    seg.push(Rt::Open(Lab::Tag(NP_TAG)));
    let first_end: usize = match toks.get(first)? {
        Rt::Open(l) if l.starts_with("NP") => {
            let e: usize = end_of(toks, summary, first);
            seg.extend_from_slice(&toks[first + 1..e]);
            e
        }
        Rt::Open(Lab::Nec) => {
            let e: usize = end_of(toks, summary, first);
            seg.extend_from_slice(&toks[first..=e]);
            e
        }
        _ => return None,
    };
    let prep: usize =
        (first_end + 1..toks.len()).find(|&k| matches!(toks[k], Rt::Open(l) if l.is_tag("IN")))?;
    let prep_end: usize = end_of(toks, summary, prep);
    seg.extend_from_slice(&toks[prep..=prep_end]);
    let second: usize = (prep + 1..pend)
        .find(|&k| matches!(toks[k], Rt::Open(l) if l.is_tag("NP") || l == Lab::Nec))?;
    let second_end: usize = end_of(toks, summary, second);
    if toks[second..=second_end]
        .iter()
        .any(|t| matches!(t, Rt::Open(l) if l.starts_with("PP")))
    {
        return None;
    }
    if matches!(toks[second], Rt::Open(Lab::Nec)) {
        seg.extend_from_slice(&toks[second..=second_end]);
    } else {
        seg.extend_from_slice(&toks[second + 1..second_end]);
    }
    // PETRARCH looks for a flattened relative clause anywhere after the phrase; there is
    // none unless one was made.
    if summary.has_sbr
        && let Some(sbr) =
            (second_end + 1..toks.len()).find(|&k| matches!(toks[k], Rt::Open(Lab::Sbr)))
    {
        let e: usize = end_of(toks, summary, sbr);
        seg.extend_from_slice(&toks[sbr..=e]);
    }
    seg.push(Rt::Close(Lab::Tag(NP_TAG)));
    Some(())
}

/// PETRARCH `resolve_compounds`: each noun of a marked compound becomes its own NE;
/// adjectives before the first noun are copied into every element. The compound
/// was opened in the output as `label`.
fn resolve_compound(
    toks: &[Rt],
    summary: &Summary,
    (nec, label): (usize, Lab),
    codes: &mut u32,
    adjs: &mut Vec<Rt>,
    out: &mut Emit<'_>,
) -> usize {
    let end: usize = end_of(toks, summary, nec);
    let is_noun = |t: &Rt| matches!(t, Rt::Open(l) if l.starts_with("NP") || l.starts_with("NN"));
    adjs.clear();
    let mut k: usize = nec + 1;
    while k < end && !is_noun(&toks[k]) {
        if matches!(toks[k], Rt::Open(l) if l.starts_with("JJ")) {
            let e: usize = end_of(toks, summary, k);
            adjs.extend_from_slice(&toks[k..=e]);
        }
        k += 1;
    }
    while k < end {
        if is_noun(&toks[k]) {
            let e: usize = end_of(toks, summary, k);
            if matches!(toks[k], Rt::Open(l) if l.starts_with("NN")) {
                out.push(Rt::Open(Lab::Ne));
                out.push(Rt::Code(*codes));
                *codes += 1;
                out.extend(adjs);
                if let Some(w) = toks[k..=e].iter().find(|t| matches!(t, Rt::Word(_))) {
                    out.push(*w);
                }
                out.push(Rt::Close(Lab::Ne));
            } else {
                push_ne(&toks[k..=e], codes, out);
            }
            k = e + 1;
        } else {
            k += 1;
        }
    }
    out.push(Rt::Close(label));
    end + 1
}

/// One pass over a noun phrase: its end and the first position of the labels that
/// decide how it is collapsed.
struct NpScan {
    end: usize,
    pos: Option<usize>,
    pp: Option<usize>,
    has_np: bool,
    has_sbar: bool,
}

impl NpScan {
    /// The scan of the phrase opening at `np`, from the [`Summary`] when no label below
    /// needs a position (the common simple phrase), else by walking the phrase.
    fn at(toks: &[Rt], np: usize, summary: &Summary) -> NpScan {
        let Some(&(end, _, below)) = summary.info.get(np) else {
            return NpScan::of(toks, np);
        };
        let mut scan: NpScan = NpScan {
            end: end as usize,
            pos: None,
            pp: None,
            has_np: below & BELOW_NP != 0,
            has_sbar: below & BELOW_SBAR != 0,
        };
        // The first `POS` and `PP` inside, from the summary's lists, only when there is one.
        if below & BELOW_POS != 0 {
            scan.pos = first_between(&summary.pos_at, np, scan.end);
        }
        if below & BELOW_PP != 0 {
            scan.pp = first_between(&summary.pp_at, np, scan.end);
        }
        scan
    }

    fn of(toks: &[Rt], np: usize) -> NpScan {
        let mut scan: NpScan = NpScan {
            end: toks.len().saturating_sub(1),
            pos: None,
            pp: None,
            has_np: false,
            has_sbar: false,
        };
        let mut depth: usize = 0;
        for (k, t) in toks.iter().enumerate().skip(np) {
            match t {
                Rt::Open(l) => {
                    depth += 1;
                    if k > np {
                        if scan.pos.is_none() && l.is_tag("POS") {
                            scan.pos = Some(k);
                        }
                        if scan.pp.is_none() && l.starts_with("PP") {
                            scan.pp = Some(k);
                        }
                        if l.starts_with("NP") || l.has_nec() {
                            scan.has_np = true;
                        }
                        if l.is_tag("SBAR") {
                            scan.has_sbar = true;
                        }
                    }
                }
                Rt::Close(_) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        scan.end = k;
                        break;
                    }
                }
                _ => {}
            }
        }
        scan
    }
}

/// The first of the ordered positions `at` after `after` and before `before`.
fn first_between(at: &[u32], after: usize, before: usize) -> Option<usize> {
    let i: usize = at.partition_point(|&k| k as usize <= after);
    at.get(i).map(|&k| k as usize).filter(|&k| k < before)
}

/// [`Summary::info`] bits: which of the labels [`NpScan`] asks about occur below an open.
const BELOW_POS: u8 = 1;
const BELOW_PP: u8 = 1 << 1;
const BELOW_NP: u8 = 1 << 2;
const BELOW_SBAR: u8 = 1 << 3;
/// A label beginning with `VP` or `S` (a clause, for marking compounds).
const BELOW_CLAUSE: u8 = 1 << 4;

/// The [`Summary::below`] bits a label contributes to its ancestors.
fn below_bits(l: Lab) -> u8 {
    let mut bits: u8 = 0;
    if l.is_tag("POS") {
        bits |= BELOW_POS;
    }
    if l.starts_with("PP") {
        bits |= BELOW_PP;
    }
    if l.starts_with("NP") || l.has_nec() {
        bits |= BELOW_NP;
    }
    if l.is_tag("SBAR") {
        bits |= BELOW_SBAR;
    }
    if l.starts_with("VP") || l.starts_with("S") {
        bits |= BELOW_CLAUSE;
    }
    bits
}

/// The [`Summary::info`] bits a tree label contributes to its ancestors (the same as
/// [`below_bits`], read from the flags computed once per label).
#[inline]
const fn tag_below_bits(t: Tag) -> u8 {
    let mut bits: u8 = 0;
    if t.flags & F_POS != 0 {
        bits |= BELOW_POS;
    }
    if t.flags & F_PP != 0 {
        bits |= BELOW_PP;
    }
    if t.flags & (F_NP | F_NEC) != 0 {
        bits |= BELOW_NP;
    }
    if t.flags & F_SBAR != 0 {
        bits |= BELOW_SBAR;
    }
    if t.flags & (F_VP | F_S) != 0 {
        bits |= BELOW_CLAUSE;
    }
    bits
}

/// For every open token: the index of its close and what lies below it, found in one
/// pass so that noun phrases need not each be walked to their end. Marking compounds
/// keeps it valid (`NP` → `NEC` and `CC` → `CCP` keep their bits); splicing does not.
#[derive(Default)]
pub(crate) struct Summary {
    /// Per token: for an open, the index of its close, of its parent's open
    /// ([`NO_PARENT`] for the outermost) and the `BELOW_*` bits of the labels inside it.
    info: Vec<(u32, u32, u8)>,
    /// Positions of the opens whose label begins with `CC`, in order.
    cc_at: Vec<u32>,
    /// Positions of the phrase opens [`build`] may rewrite (labels beginning with `NP`
    /// or `VP`, and `(NEC`), in order: the tokens between them are copied whole.
    phrase_at: Vec<u32>,
    /// Positions of the comma opens (`(,`), in order: [`build`] hands them on to the
    /// comma rules, so those need no pass of their own to find them.
    comma_at: Vec<u32>,
    /// Positions of the opens whose label begins with `PP`, and of the `POS` opens, in
    /// order: where a noun phrase's first of each lies, without walking the phrase.
    pp_at: Vec<u32>,
    pos_at: Vec<u32>,
    /// Whether an `(SBR` (a flattened relative clause) is among the tokens.
    has_sbr: bool,
    /// Open tokens: position, the bits gathered below so far and the bits of its own
    /// label (given to the parent when it closes).
    stack: Vec<(u32, u8, u8)>,
}

impl Summary {
    /// Start over for `tokens` tokens.
    fn clear(&mut self, tokens: usize) {
        // Only the entries of opens are read, and every open is written when it closes
        // (unclosed opens make the caller fail): older entries need no reset.
        self.info.truncate(tokens);
        self.info.resize(tokens, (0, NO_PARENT, 0));
        self.cc_at.clear();
        self.phrase_at.clear();
        self.comma_at.clear();
        self.pp_at.clear();
        self.pos_at.clear();
        self.has_sbr = false;
        self.stack.clear();
    }

    /// Token `k` opens a label with `flags` among [`F_CC`], [`F_COMMA`], [`F_PP`] and
    /// [`F_POS`]: its position goes in those lists.
    #[inline(never)]
    fn list(&mut self, k: usize, flags: u16) {
        if flags & F_CC != 0 {
            self.cc_at.push(k as u32);
        }
        if flags & F_COMMA != 0 {
            self.comma_at.push(k as u32);
        }
        if flags & F_PP != 0 {
            self.pp_at.push(k as u32);
        }
        if flags & F_POS != 0 {
            self.pos_at.push(k as u32);
        }
    }

    /// Token `k` opens a phrase whose own label gives `own` bits to its ancestors.
    #[inline]
    fn open(&mut self, k: usize, own: u8) {
        self.stack.push((k as u32, 0, own));
    }

    /// Token `k` closes the innermost open phrase. Returns the position of its open
    /// (none without one).
    #[inline]
    fn close(&mut self, k: usize) -> Option<u32> {
        let (open, bits, own) = self.stack.pop()?;
        let parent: u32 = match self.stack.last_mut() {
            Some(parent) => {
                parent.1 |= bits | own;
                parent.0
            }
            None => NO_PARENT,
        };
        if let Some(info) = self.info.get_mut(open as usize) {
            *info = (k as u32, parent, bits);
        }
        Some(open)
    }

    /// Whether the summary describes `toks` (it does unless they were spliced since).
    fn describes(&self, toks: &[Rt]) -> bool {
        self.info.len() == toks.len()
    }
}

/// Marks "no enclosing phrase" in [`Summary::info`].
const NO_PARENT: u32 = u32::MAX;

/// [`span_end`] of an open, read from the summary when it describes `toks`.
fn end_of(toks: &[Rt], s: &Summary, i: usize) -> usize {
    match (toks.get(i), s.info.get(i)) {
        (Some(Rt::Open(_)), Some(&(end, _, _))) if s.describes(toks) => end as usize,
        _ => span_end(toks, i),
    }
}

/// [`enclosing`] of an open, read from the summary when it describes `toks`.
fn parent_of(toks: &[Rt], s: &Summary, i: usize) -> Option<usize> {
    match (toks.get(i), s.info.get(i)) {
        (Some(Rt::Open(_)), Some(&(_, parent, _))) if s.describes(toks) => {
            (parent != NO_PARENT).then_some(parent as usize)
        }
        _ => enclosing(toks, i),
    }
}

impl Summary {
    /// Recompute for `toks`. Returns false when the tokens do not balance.
    fn compute(&mut self, toks: &[Rt]) -> bool {
        self.clear(toks.len());
        for (k, t) in toks.iter().enumerate() {
            match t {
                Rt::Open(l) => {
                    if l.starts_with("CC") {
                        self.cc_at.push(k as u32);
                    }
                    if l.is_tag(",") {
                        self.comma_at.push(k as u32);
                    }
                    if l.starts_with("PP") {
                        self.pp_at.push(k as u32);
                    }
                    if l.is_tag("POS") {
                        self.pos_at.push(k as u32);
                    }
                    if l.starts_with("NP") || l.starts_with("VP") || *l == Lab::Nec {
                        self.phrase_at.push(k as u32);
                    }
                    self.has_sbr |= *l == Lab::Sbr;
                    self.open(k, below_bits(*l));
                }
                Rt::Close(_) if self.close(k).is_none() => return false,
                _ => {}
            }
        }
        self.stack.is_empty()
    }
}

/// Scratch space for [`build`], reused across sentences.
#[derive(Default)]
pub(crate) struct Scratch {
    /// Filled by [`tokens_from_tree`].
    pub(crate) summary: Summary,
    /// A phrase being collapsed into an NE.
    seg: Vec<Rt>,
    /// Adjectives copied into each member of a compound.
    adjs: Vec<Rt>,
}

/// Writes the ParseList and the positions of its commas.
struct Emit<'a> {
    out: &'a mut Vec<Pi>,
    /// Positions in `out` of the comma opens, in order.
    commas: &'a mut Vec<u32>,
    /// Index into [`Summary::comma_at`] of the first comma not yet passed.
    next_comma: usize,
}

impl Emit<'_> {
    /// Pushes an item that is no comma (a phrase open or close, a word, a code).
    #[inline(always)]
    fn push(&mut self, t: Rt) {
        self.out.push(t);
    }

    /// Copies a few items that may hold commas (phrases kept with their markup inside a
    /// noun phrase): rare, so they are looked at one by one.
    #[inline(always)]
    fn extend(&mut self, ts: &[Rt]) {
        for t in ts {
            if t.is_open_tag(",") {
                self.commas.push(self.out.len() as u32);
            }
            self.out.push(*t);
        }
    }

    /// Copies `toks[from..to]` whole; its commas are known from the summary's
    /// `comma_at` (positions in `toks`), so no item is looked at.
    #[inline(always)]
    fn copy(&mut self, toks: &[Rt], from: usize, to: usize, comma_at: &[u32]) {
        // Commas before `from` went with a collapsed phrase.
        while let Some(&k) = comma_at.get(self.next_comma)
            && (k as usize) < to
        {
            if k as usize >= from {
                self.commas
                    .push((self.out.len() + k as usize - from) as u32);
            }
            self.next_comma += 1;
        }
        self.out
            .extend_from_slice(toks.get(from..to).unwrap_or_default());
    }

    /// `(NE code words ~NE` for a noun phrase with no phrase kept inside: its words, in
    /// `seg`, are consecutive word ids (leaf order; rewrites keep every word of a
    /// phrase), so only the first and last are looked up.
    #[inline(always)]
    fn simple_ne(&mut self, seg: &[Rt], codes: &mut u32) {
        self.out.push(Rt::Open(Lab::Ne));
        self.out.push(Rt::Code(*codes));
        *codes += 1;
        // The first word is usually two items in (`(NP (DT the`), the last two from the
        // end (`army ~NN ~NP`).
        let mut first: usize = 1;
        while first < seg.len() && !matches!(seg[first], Rt::Word(_)) {
            first += 1;
        }
        let mut last: usize = seg.len().saturating_sub(1);
        while last > first && !matches!(seg[last], Rt::Word(_)) {
            last -= 1;
        }
        if let (Some(&Rt::Word(a)), Some(&Rt::Word(b))) = (seg.get(first), seg.get(last)) {
            let mut w: u32 = a;
            while w <= b {
                self.out.push(Rt::Word(w));
                w += 1;
            }
        }
        self.out.push(Rt::Close(Lab::Ne));
    }
}

/// Build the ParseList from the tokens and summary [`tokens_from_tree`] wrote (always
/// balanced). `toks` is consumed as scratch. Returns the number of NE code
/// slots created; `commas` gets the positions of the list's comma opens, in order.
pub(crate) fn build(
    toks: &mut Vec<Rt>,
    scratch: &mut Scratch,
    out: &mut Vec<Pi>,
    commas: &mut Vec<u32>,
) -> Result<u32, Irregular> {
    out.clear();
    commas.clear();
    if toks.is_empty() {
        return Err(Irregular::BadInputParse);
    }
    let Scratch { summary, seg, adjs } = scratch;
    // Only a `CC` can start a compound: most sentences need no second pass.
    if !summary.cc_at.is_empty() {
        mark_compounds(toks, summary);
    }
    out.reserve(toks.len());
    let mut emit: Emit<'_> = Emit {
        out,
        commas,
        next_comma: 0,
    };
    let mut codes: u32 = 0;
    let (mut npn, mut vpn, mut ncn): (u16, u16, u16) = (1, 1, 1);
    let mut ka: usize = 0;
    // Index into `summary.phrase_at` of the next phrase open at or after `ka`.
    let mut next: usize = 0;
    while ka < toks.len() {
        while summary
            .phrase_at
            .get(next)
            .is_some_and(|&k| (k as usize) < ka)
        {
            next += 1;
        }
        let stop: usize = summary
            .phrase_at
            .get(next)
            .map_or(toks.len(), |&k| k as usize);
        if stop > ka {
            // Nothing to rewrite before the next phrase open: copy the stretch.
            emit.copy(toks, ka, stop.min(toks.len()), &summary.comma_at);
            ka = stop;
            continue;
        }
        match toks[ka] {
            Rt::Open(l) if l.is_tag("NP") => {
                let mut scan: NpScan = NpScan::at(toks, ka, summary);
                if scan.has_sbar {
                    reduce_sbars(toks, summary, ka);
                    // Positions after the phrase moved.
                    if !summary.compute(toks) {
                        return Err(Irregular::BadInputParse);
                    }
                    next = 0;
                    emit.next_comma = 0;
                    // The summary describes the tokens again.
                    scan = NpScan::at(toks, ka, summary);
                }
                let end: usize = scan.end;
                let mut collapsed: bool = false;
                if let Some(pos) = scan.pos {
                    let pos_end: usize = end_of(toks, summary, pos);
                    seg.clear();
                    seg.extend_from_slice(&toks[ka + 1..pos]);
                    seg.extend_from_slice(&toks[(pos_end + 1).min(end + 1)..=end]);
                    collapsed = true;
                } else if let Some(pp) = scan.pp {
                    collapsed = process_preposition(toks, summary, pp, seg).is_some();
                } else if !scan.has_np {
                    // A simple noun phrase: the NE is written straight from the tokens.
                    emit.simple_ne(&toks[ka..=end], &mut codes);
                    ka = end + 1;
                    continue;
                }
                if collapsed && !seg.is_empty() {
                    push_ne(seg, &mut codes, &mut emit);
                    ka = end + 1;
                } else {
                    let label: Lab = Lab::NpN(npn);
                    emit.push(Rt::Open(label));
                    toks[end] = Rt::Close(label);
                    npn = npn.saturating_add(1);
                    ka += 1;
                }
            }
            Rt::Open(Lab::Nec) => {
                let label: Lab = Lab::NecN(ncn);
                emit.push(Rt::Open(label));
                ncn = ncn.saturating_add(1);
                ka = resolve_compound(toks, summary, (ka, label), &mut codes, adjs, &mut emit);
            }
            Rt::Open(l) if l.is_tag("VP") => {
                let label: Lab = Lab::VpN(vpn);
                emit.push(Rt::Open(label));
                let end: usize = end_of(toks, summary, ka);
                toks[end] = Rt::Close(label);
                vpn = vpn.saturating_add(1);
                ka += 1;
            }
            t => {
                emit.push(t);
                ka += 1;
            }
        }
    }
    // Balanced: the tokens are, and every rewrite replaces a whole phrase by a
    // balanced one.
    debug_assert!(balanced(emit.out), "unbalanced ParseList");
    debug_assert!(
        emit.commas.iter().copied().eq(emit
            .out
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_open_tag(","))
            .map(|(k, _)| k as u32)),
        "comma positions"
    );
    let mut opens = emit.out.iter().filter_map(|p| match p {
        Pi::Open(l) => Some(*l),
        _ => None,
    });
    if let (Some(a), Some(b), Some(c)) = (opens.next(), opens.next(), opens.next())
        && a.is_tag("ROOT")
        && b == Lab::Ne
        && c == Lab::Nec
    {
        return Err(Irregular::Dateline);
    }
    Ok(codes)
}

/// Where coding starts: after `(ROOT`, or after `( (` for a bare root.
pub(crate) fn parse_start(pl: &[Pi]) -> usize {
    match pl.first() {
        Some(Pi::Open(l)) if l.is_tag("") => 2,
        _ => 1,
    }
}

/// Check that opens and closes balance.
pub(crate) fn balanced(pl: &[Pi]) -> bool {
    let mut n: i64 = 0;
    for p in pl {
        match p {
            Pi::Open(_) => n += 1,
            Pi::Close(_) => n -= 1,
            _ => {}
        }
    }
    n == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ParseList of a bracketed tree, built as the coder builds it, and the
    /// positions of its commas as `build` gives them.
    fn parse_list_and_commas(src: &str) -> (Vec<Pi>, Vec<u32>) {
        let tree: Tree = annalist_text::parse_ptb(src).expect("a valid tree");
        let (mut toks, mut tags, mut scratch, mut out, mut commas) = (
            Vec::new(),
            TagCache::default(),
            Scratch::default(),
            Vec::new(),
            Vec::new(),
        );
        tokens_from_tree(&tree, &mut toks, &mut tags, &mut scratch.summary);
        build(&mut toks, &mut scratch, &mut out, &mut commas).expect("codable");
        (out, commas)
    }

    fn parse_list(src: &str) -> Vec<Pi> {
        parse_list_and_commas(src).0
    }

    #[test]
    fn build_gives_the_positions_of_the_commas() {
        let trees: [(&str, usize); 6] = [
            // Commas between phrases, inside a collapsed noun phrase, in a compound.
            (
                "(ROOT (S (PP (IN In) (NP (NNP May))) (, ,) (NP (NNP Arnor) (, ,) (NNP Rohan) (CC and) (NNP Gondor)) (VP (VBD met) (, ,) (S (VP (VBG saying) (NP (NN nothing))))) (. .)))",
                2,
            ),
            // An apposition: a complex noun phrase kept, its commas copied.
            (
                "(ROOT (S (NP (NP (NNP Ghani)) (, ,) (NP (DT the) (NN president)) (, ,)) (VP (VBD criticized) (NP (NNP Arnor))) (. .)))",
                2,
            ),
            // A compound after "of", copied with its markup (and comma) into the NE.
            (
                "(ROOT (S (NP (NP (DT the) (NNS forces)) (PP (IN of) (NP (NNP Arnor) (, ,) (NNP Rohan) (CC and) (NNP Gondor)))) (VP (VBD left)) (. .)))",
                1,
            ),
            // A possessive with a compound inside: PETRARCH drops the compound's markup.
            (
                "(ROOT (S (NP (NP (NNP Arnor) (, ,) (NNP Rohan) (CC and) (NNP Gondor) (POS 's)) (NNS forces)) (VP (VBD left)) (. .)))",
                0,
            ),
            // A flattened relative clause (the summary is recomputed).
            (
                "(ROOT (S (NP (NP (DT the) (NN army)) (, ,) (SBAR (WHNP (WDT that)) (S (VP (VBD left)))) (, ,)) (VP (VBD returned) (, ,) (ADVP (RB again))) (. .)))",
                1,
            ),
            ("(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .)))", 0),
        ];
        for (src, at_least) in trees {
            let (pl, commas) = parse_list_and_commas(src);
            let scanned: Vec<u32> = (0..pl.len())
                .filter(|&k| pl[k].is_open_tag(","))
                .map(|k| k as u32)
                .collect();
            assert_eq!(commas, scanned, "{src}");
            assert!(commas.len() >= at_least, "{src}: {commas:?}");
        }
    }

    #[test]
    fn a_simple_noun_phrase_keeps_all_its_words() {
        let pl: Vec<Pi> = parse_list(
            "(ROOT (S (NP (DT the) (ADJP (RB very) (JJ large)) (NN army)) (VP (VBD left)) (. .)))",
        );
        let ne: Vec<Pi> = pl.iter().copied().skip(2).take(7).collect();
        assert_eq!(
            ne,
            [
                Pi::Open(Lab::Ne),
                Pi::Code(0),
                Pi::Word(0),
                Pi::Word(1),
                Pi::Word(2),
                Pi::Word(3),
                Pi::Close(Lab::Ne)
            ]
        );
    }

    #[test]
    fn every_close_carries_the_label_of_its_open() {
        let trees: [&str; 4] = [
            "(ROOT (S (NP (NNP Arnor) (POS 's) (NN army)) (VP (VBD attacked) (NP (NP (DT the) (NN capital)) (PP (IN of) (NP (NNP Gondor))))) (. .)))",
            "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor) (NNS forces)) (VP (VBD met) (CC and) (VP (VBD talked))) (. .)))",
            "(ROOT (S (NP (NP (DT the) (NN army)) (SBAR (WHNP (WDT that)) (S (VP (VBD left))))) (VP (VBD returned)) (. .)))",
            "( (S (NP (DT The) (NN stopover)) (VP (VBD came)) (. .)) )",
        ];
        for src in trees {
            let pl: Vec<Pi> = parse_list(src);
            let mut open: Vec<Lab> = Vec::new();
            for p in &pl {
                match *p {
                    Pi::Open(l) => open.push(l),
                    Pi::Close(l) => assert_eq!(open.pop(), Some(l), "{src}"),
                    _ => {}
                }
            }
            assert!(open.is_empty(), "{src}");
            assert!(
                pl.iter().any(|p| matches!(p, Pi::Open(Lab::VpN(1)))),
                "{src}"
            );
            assert!(pl.iter().any(|p| matches!(p, Pi::Close(Lab::Ne))), "{src}");
        }
    }

    #[test]
    fn tokens_are_the_bracketing_of_the_tree() {
        let tree: Tree =
            annalist_text::parse_ptb("(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .)))")
                .expect("a valid tree");
        let (mut toks, mut tags, mut summary) =
            (Vec::new(), TagCache::default(), Summary::default());
        tokens_from_tree(&tree, &mut toks, &mut tags, &mut summary);
        let shown: Vec<String> = toks
            .iter()
            .map(|t| match t {
                Rt::Open(l) => format!("({}", lab_name_for_test(l)),
                Rt::Close(l) => format!("~{}", lab_name_for_test(l)),
                Rt::Word(w) => w.to_string(),
                Rt::Code(c) => format!("#{c}"),
            })
            .collect();
        assert_eq!(
            shown.join(" "),
            "(ROOT (S (NP (NNP 0 ~NNP ~NP (VP (VBD 1 ~VBD ~VP (. 2 ~. ~S ~ROOT"
        );
        // The summary knows each open's close and parent.
        assert_eq!(summary.info[2], (6, 1, 0));
        assert!(summary.describes(&toks));
    }

    fn lab_name_for_test(l: &Lab) -> &'static str {
        match l {
            Lab::Tag(t) => t.name(),
            _ => "?",
        }
    }
}
