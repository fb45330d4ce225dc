//! Actor and agent resolution inside `(NE` phrases (PETRARCH `assign_NEcodes` /
//! `check_NEphrase`): the first actor found in the phrase gives the base code; agents
//! anywhere else in the phrase are added as prefixes or suffixes.

use annalist_dict::{DateRestriction, DictDate};

use crate::compile::{Compiled, NO_WORD, NamePat};
use crate::parselist::{Lab, Pi};

/// Does the name `pat` (whose first word is `frag[0]`) match at the start of `frag`?
/// Returns the number of phrase items consumed. A blank connector lets other words
/// intervene; `_` requires the next word directly. As in PETRARCH, a name without a
/// trailing `_` does not need its final word when it has three or more words.
pub(crate) fn name_match(pat: &NamePat, frag: &[u32]) -> Option<usize> {
    let rest: &[u32] = &pat.rest;
    if rest.is_empty() {
        return Some(1);
    }
    if frag.len() <= 1 {
        return None;
    }
    let exact: usize = usize::from(pat.conn.last().copied().unwrap_or(false));
    let needed: usize = (rest.len() + exact).saturating_sub(1).max(1);
    let mut connector: bool = pat.conn.first().copied().unwrap_or(false);
    let mut kfrag: usize = 1;
    let mut kp: usize = 0;
    let mut matched: usize = 0;
    loop {
        if kp >= rest.len() {
            return Some(frag.len());
        }
        if frag[kfrag] == rest[kp] {
            connector = pat.conn.get(kp + 1).copied().unwrap_or(false);
            kfrag += 1;
            kp += 1;
            matched += 1;
            if matched >= needed {
                return Some(kfrag);
            }
        } else if connector {
            return None;
        } else {
            kfrag += 1;
        }
        if kfrag >= frag.len() {
            return None;
        }
    }
}

/// The code of actor `entry` on `date`: the first date restriction containing the
/// date, else the (last) unrestricted code, else the null code.
pub(crate) fn actor_code(c: &Compiled, entry: u32, date: Option<DictDate>) -> &str {
    let Some(info) = c.actor_info.get(entry as usize) else {
        return "---";
    };
    if let Some(d) = date {
        for (r, code) in &info.codes {
            if *r != DateRestriction::Always && r.contains(d) {
                return code;
            }
        }
    }
    let mut found: Option<&str> = None;
    for (r, code) in &info.codes {
        if *r == DateRestriction::Always {
            found = Some(code);
        }
    }
    found.unwrap_or("---")
}

/// PETRARCH `check_NEphrase`: `None` when neither actor nor agent was found; else the
/// code is written into `code` (reused across phrases, so no allocation) and the actor
/// entry that supplied the base code, if any, is returned.
pub(crate) fn resolve_phrase(
    c: &Compiled,
    phrase: &[u32],
    date: Option<DictDate>,
    code: &mut String,
) -> Option<Option<u32>> {
    let mut base: Option<&str> = None;
    let mut actor: Option<u32> = None;
    let mut actor_span: (usize, usize) = (usize::MAX, usize::MAX);
    for k in 0..phrase.len() {
        if let Some((pat, n)) = c.actors.first_match(&phrase[k..]) {
            actor_span = (k, k + n);
            base = Some(actor_code(c, pat.target, date));
            actor = Some(pat.target);
        }
        if base.is_some() {
            break;
        }
    }
    // Agents are applied as they are found (no list to allocate): the code is
    // started at the first one, or here when an actor was found.
    let mut started: bool = false;
    if let Some(b) = base {
        code.clear();
        code.push_str(b);
        started = true;
    }
    // False once an agent repeats one already in the code, or "former" made it an elite.
    let mut adding: bool = true;
    let mut first_agent: bool = true;
    let mut k: usize = 0;
    while k < phrase.len() {
        if k >= actor_span.0 && k < actor_span.1 {
            k += 1;
            continue;
        }
        if let Some((pat, n)) = c.agents.first_match(&phrase[k..]) {
            if !started {
                code.clear();
                code.push_str("---");
                started = true;
            }
            if first_agent {
                first_agent = false;
                if phrase.contains(&c.special.former) {
                    // TABARI: a "former" office holder is coded as an elite, whatever
                    // the office.
                    code.push_str("ELI");
                    adding = false;
                }
            }
            if adding {
                adding = add_agent(c, pat.target, code);
            }
            k += n - 1;
        }
        k += 1;
    }
    if !started {
        return None;
    }
    Some(actor)
}

/// Add agent `agent`'s code to `code` as prefix or suffix. Returns false when the code
/// already holds it at a 3-character boundary: no further agents are added then.
fn add_agent(c: &Compiled, agent: u32, code: &mut String) -> bool {
    let Some(info) = c.agent_info.get(agent as usize) else {
        return true;
    };
    let agc: &str = &info.code;
    if agc.is_empty() {
        return true;
    }
    let mut ka: usize = 0;
    while ka + agc.len() <= code.len() {
        if code.get(ka..ka + agc.len()) == Some(agc) {
            return false;
        }
        ka += 3;
    }
    if info.prefix {
        code.insert_str(0, agc);
    } else {
        code.push_str(agc);
    }
    true
}

/// Per-NE information kept for event provenance.
#[derive(Debug, Clone, Default)]
pub(crate) struct SlotInfo {
    pub(crate) code: String,
    pub(crate) actor: Option<u32>,
}

/// PETRARCH `assign_NEcodes`: give every `(NE` its code, expanding NEs that contain a
/// compound into one NE per member (the rest of the phrase is copied into each).
pub(crate) fn assign_codes(
    c: &Compiled,
    pl: &mut Vec<Pi>,
    start: usize,
    slots: &mut Vec<SlotInfo>,
    word_ids: &[u32],
    date: Option<DictDate>,
    phrase: &mut Vec<u32>,
) {
    // The builder numbers slots in list order and the comma rules only delete items, so
    // once its last slot is coded no phrase of its own lies further on (the slots of an
    // expanded compound are numbered after it, and the scan goes on through them).
    let Some(last_built) = slots.len().checked_sub(1) else {
        return;
    };
    let mut kitem: usize = start;
    let mut guard: usize = 0;
    while kitem < pl.len() {
        // Straight to the next actor phrase; the guard still counts every item passed.
        let Some(skipped) = items_before_ne(&pl[kitem..]) else {
            return;
        };
        guard += skipped + 1;
        if guard > 100_000 {
            return;
        }
        kitem += skipped;
        let kstart: usize = kitem;
        let Some(Pi::Code(slot)) = pl.get(kstart + 1).copied() else {
            kitem += 1;
            continue;
        };
        // The phrase's words, read up to its close in the same pass.
        phrase.clear();
        let mut has_compound: bool = false;
        let mut kend: Option<usize> = None;
        for (k, p) in pl.iter().enumerate().skip(kstart + 2) {
            match p {
                Pi::Close(Lab::Ne) => {
                    kend = Some(k);
                    break;
                }
                Pi::Open(l) | Pi::Close(l) if l.starts_with("NN") => {}
                Pi::Word(w) => phrase.push(word_ids.get(*w as usize).copied().unwrap_or(NO_WORD)),
                Pi::Open(Lab::Nec) => {
                    has_compound = true;
                    phrase.push(NO_WORD);
                }
                _ => phrase.push(NO_WORD),
            }
        }
        let Some(kend) = kend else {
            return;
        };
        if has_compound {
            expand_compound(pl, kstart, kend, slots);
            // Process the new NEs (the item at kstart is now the compound's open).
            kitem = kstart + 1;
            continue;
        }
        if let Some(s) = slots.get_mut(slot as usize)
            && let Some(actor) = resolve_phrase(c, phrase, date, &mut s.code)
        {
            s.actor = actor;
        }
        if slot as usize == last_built {
            return;
        }
        kitem = kend + 1;
    }
}

/// How many items precede the first `(NE` of `pl`. Out of line: inside
/// [`assign_codes`] the scan kept several counters per item.
#[inline(never)]
fn items_before_ne(pl: &[Pi]) -> Option<usize> {
    pl.iter().position(|p| matches!(p, Pi::Open(Lab::Ne)))
}

/// Replace the NE at `kstart..=kend` that contains an `(NEC` by `(NEC (NE ..) (NE ..) ~NEC`.
fn expand_compound(pl: &mut Vec<Pi>, kstart: usize, kend: usize, slots: &mut Vec<SlotInfo>) {
    let Some(ncstart) = (kstart..kend).find(|&k| pl[k] == Pi::Open(Lab::Nec)) else {
        return;
    };
    let ncend: usize = matching_close(pl, ncstart).unwrap_or(kend).min(kend);
    let pre_end: usize = ncstart.saturating_sub(1).max(kstart + 1);
    let prelist: Vec<Pi> = pl[kstart + 1..pre_end].to_vec();
    let postlist: Vec<Pi> = pl[(ncend + 1).min(kend)..kend].to_vec();
    let mut newlist: Vec<Pi> = vec![Pi::Open(Lab::Nec)];
    let mut ka: usize = ncstart + 1;
    while ka + 1 < ncend {
        if let Pi::Open(l) = pl[ka]
            && l.starts_with("N")
        {
            let endtag: Pi = Pi::Close(l);
            let slot: u32 = u32::try_from(slots.len()).unwrap_or(u32::MAX);
            slots.push(SlotInfo {
                code: "---".to_string(),
                actor: None,
            });
            newlist.push(Pi::Open(Lab::Ne));
            newlist.push(Pi::Code(slot));
            newlist.extend(
                prelist
                    .iter()
                    .filter(|p| !matches!(p, Pi::Code(_)))
                    .copied(),
            );
            ka += 1;
            while ka < ncend && pl[ka] != endtag {
                newlist.push(pl[ka]);
                ka += 1;
            }
            newlist.extend_from_slice(&postlist);
            newlist.push(Pi::Close(Lab::Ne));
        }
        ka += 1;
    }
    newlist.push(Pi::Close(Lab::Nec));
    pl.splice(kstart..=kend, newlist);
}

/// Index of the close matching the open at `i`.
pub(crate) fn matching_close(pl: &[Pi], i: usize) -> Option<usize> {
    let mut depth: usize = 0;
    for (k, p) in pl.iter().enumerate().skip(i) {
        match p {
            Pi::Open(_) => depth += 1,
            Pi::Close(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(k);
                }
            }
            _ => {}
        }
    }
    None
}
