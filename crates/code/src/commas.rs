//! Comma-delimited clause removal (PETRARCH `check_commas`): short initial, terminal
//! and internal clauses set off by commas are deleted before verbs are matched, so a
//! parenthetical "five years after crowds burned down its embassy" does not supply
//! the actors of the main verb.

use crate::options::CodingOptions;
use crate::parselist::{Lab, Pi};

/// Is the open item a comma (`(,`)?
fn is_comma(p: &Pi) -> bool {
    p.is_open_tag(",")
}

fn index_from(pl: &[Pi], from: usize, pred: impl Fn(&Pi) -> bool) -> Option<usize> {
    (from..pl.len()).find(|&k| pred(&pl[k]))
}

/// Positions of the comma opens in the list, in order: as [`crate::parselist::build`]
/// wrote them, and found again only after the list changed, instead of a scan per
/// question.
struct Commas<'a> {
    at: &'a mut Vec<u32>,
}

impl Commas<'_> {
    /// Find the commas of `pl` (after a deletion, or first).
    fn find(&mut self, pl: &[Pi]) {
        self.at.clear();
        for (k, p) in pl.iter().enumerate() {
            if is_comma(p) {
                self.at.push(k as u32);
            }
        }
    }

    /// The first comma at or after `from` (as `index_from(pl, from, is_comma)`).
    fn first_from(&self, from: usize) -> Option<usize> {
        self.at.iter().map(|&k| k as usize).find(|&k| k >= from)
    }

    /// Where PETRARCH's backward search for the last comma stops: it steps down from
    /// `start` while above 2 and the item is no comma, then tests the item it stopped
    /// at, so a comma at 1 is found as well (and only `start` itself when below 2).
    fn last_from(&self, start: usize) -> Option<usize> {
        let lowest: usize = start.min(1);
        self.at
            .iter()
            .rev()
            .map(|&k| k as usize)
            .find(|&k| k <= start)
            .filter(|&k| k >= lowest)
    }
}

/// Words between `lo` and `hi` (exclusive) that start with a letter; NE code slots are
/// not words.
fn count_words(pl: &[Pi], lo: usize, hi: usize, alpha: &impl Fn(u32) -> bool) -> usize {
    pl.get(lo..hi.min(pl.len())).map_or(0, |items: &[Pi]| {
        items
            .iter()
            .filter(|p: &&Pi| matches!(**p, Pi::Word(w) if alpha(w)))
            .count()
    })
}

/// The item before the last non-closing item (the tag of the final punctuation).
fn find_end(pl: &[Pi]) -> usize {
    let mut k: usize = pl.len().saturating_sub(1);
    while k >= 2 && matches!(pl[k], Pi::Close(_)) {
        k -= 1;
    }
    k.saturating_sub(1)
}

/// Remove every complete phrase that lies inside `[lo, hi)`.
fn delete_phrases(pl: &mut Vec<Pi>, stack: &mut Vec<Lab>, lo: usize, hi: usize) {
    stack.clear();
    let mut k: isize = hi.min(pl.len()) as isize - 1;
    while k >= lo as isize {
        let ku: usize = k as usize;
        match pl[ku] {
            Pi::Close(l) => stack.push(l),
            Pi::Open(l) if stack.last() == Some(&l) => {
                if let Some(end) = index_from(pl, ku + 1, |p| *p == Pi::Close(l)) {
                    pl.drain(ku..=end);
                }
                stack.pop();
            }
            _ => {}
        }
        k -= 1;
    }
}

/// Does a finite verb phrase follow the comma opening at `k` (only closing brackets and
/// an adverb phrase between)? Then what follows is the clause's predicate ("..., the Afghan
/// president, criticized", "..., supported by allies, have carried out"), not an aside
/// like ", officials said" or ", killing five".
fn finite_vp_follows(pl: &[Pi], k: usize) -> bool {
    if !pl.get(k).is_some_and(is_comma) {
        return false;
    }
    let mut j: usize = k + 3;
    while let Some(Pi::Close(_)) = pl.get(j) {
        j += 1;
    }
    if pl.get(j).is_some_and(|p: &Pi| p.is_open_tag("ADVP")) {
        j = index_from(pl, j + 1, |p: &Pi| p.is_close_tag("ADVP")).map_or(j, |e| e + 1);
    }
    if !pl.get(j).is_some_and(|p: &Pi| p.is_open_prefix("VP")) {
        return false;
    }
    index_from(pl, j + 1, |p: &Pi| {
        matches!(p, Pi::Open(_)) && !p.is_open_prefix("VP")
    })
    .and_then(|v| pl.get(v))
    .is_some_and(|p: &Pi| ["VBD", "VBZ", "VBP", "MD"].iter().any(|t| p.is_open_tag(t)))
}

/// Is the comma at `k` followed by a participle clause `(S (VP (VBG ...`?
fn participle_follows(pl: &[Pi], k: usize) -> bool {
    pl.get(k).is_some_and(is_comma)
        && pl.get(k + 3).is_some_and(|p: &Pi| p.is_open_prefix("S"))
        && pl.get(k + 4).is_some_and(|p: &Pi| p.is_open_prefix("VP"))
        && pl.get(k + 5).is_some_and(|p: &Pi| p.is_open_tag("VBG"))
}

/// Is there a clause verb before `k`? A terminal aside (", officials said") follows a
/// clause; after a fronted adverbial ("In September, Russia attacked ...") the comma opens
/// the main clause itself. VBN counts: taggers often read a past tense as a participle.
fn clause_verb_before(pl: &[Pi], k: usize) -> bool {
    pl[..k.min(pl.len())].iter().any(|p: &Pi| {
        (p.is_open_prefix("VB")
            && ["VBD", "VBZ", "VBP", "VBN"]
                .iter()
                .any(|t| p.is_open_tag(t)))
            || p.is_open_tag("MD")
    })
}

/// Is the part between the commas at `ka` and `kb` a clause of the sentence's own ("Last
/// week, Myanmar's government rejected any cooperation with the ICC, to which ...", "...,
/// and Kinshasa freed 30 fighters, according to ...")? It has a finite verb, is no relative
/// clause, no verb phrase follows it (", officials said, killed ..." is an aside between a
/// subject and its verb), and it either opens with a conjunction or no clause came before
/// (after "Russia fired missiles, officials said, ..." the report is an aside).
fn main_clause_between(pl: &[Pi], ka: usize, kb: usize) -> bool {
    let inside: &[Pi] = &pl[ka.min(pl.len())..kb.min(pl.len())];
    let finite: bool = inside
        .iter()
        .any(|p: &Pi| ["VBD", "VBZ", "VBP", "MD"].iter().any(|t| p.is_open_tag(t)));
    let relative: bool = inside.iter().any(|p: &Pi| {
        matches!(p, Pi::Open(Lab::Sbr))
            || ["SBAR", "WDT", "WP", "WRB"]
                .iter()
                .any(|t| p.is_open_tag(t))
    });
    let conjoined: bool = inside.get(3).is_some_and(|p: &Pi| p.is_open_prefix("CC"));
    finite && !relative && !finite_vp_follows(pl, kb) && (conjoined || !clause_verb_before(pl, ka))
}

/// Apply the comma rules to the ParseList in place. `commas` holds the positions of its
/// comma opens, in order, as [`crate::parselist::build`] gave them; it is then scratch,
/// as is `labels` (the closes met while deleting a clause, kept from sentence to
/// sentence for their allocation). Returns false when the result is unbalanced (the record is then skipped).
pub(crate) fn check_commas(
    pl: &mut Vec<Pi>,
    opt: &CodingOptions,
    alpha: &impl Fn(u32) -> bool,
    commas: &mut Vec<u32>,
    labels: &mut Vec<Lab>,
) -> bool {
    let mut commas: Commas<'_> = Commas { at: commas };
    debug_assert!(
        commas
            .at
            .iter()
            .map(|&k| k as usize)
            .eq((0..pl.len()).filter(|&k| is_comma(&pl[k]))),
        "comma positions"
    );
    let Some(first) = commas.first_from(0) else {
        return true;
    };
    // The list as built is balanced; only deletions can change that.
    let built_len: usize = pl.len();
    let mut deleted: bool = false;
    if opt.comma_bmax != 0 {
        let n: usize = count_words(pl, 2, first, alpha);
        if n >= opt.comma_bmin && n <= opt.comma_bmax {
            delete_phrases(pl, labels, 2, first);
            if pl.len() != built_len {
                deleted = true;
                commas.find(pl);
            }
        }
    }
    if opt.comma_emax != 0 {
        let kend: usize = find_end(pl);
        if let Some(k) = commas.last_from(kend.saturating_sub(1)) {
            let n: usize = count_words(pl, k, pl.len(), alpha);
            // The clause after a subject's apposition is the main verb phrase, not a
            // trailing aside.
            // News: ", urging X to ..." is an act of its own (coded by the coder as the
            // verb phrase's participle adjunct), not a clause to drop.
            let main_verb = || {
                opt.appositions
                    && (finite_vp_follows(pl, k)
                        || participle_follows(pl, k)
                        || !clause_verb_before(pl, k))
            };
            if n >= opt.comma_emin && n <= opt.comma_emax && !main_verb() {
                let before: usize = pl.len();
                delete_phrases(pl, labels, k + 3, kend);
                if pl.len() != before {
                    deleted = true;
                    commas.find(pl);
                }
            }
        }
    }
    // The commas that closed a deleted apposition before the verb, by their word.
    let mut closing_commas: Vec<Pi> = Vec::new();
    if opt.comma_max != 0
        && let Some(mut ka) = commas.first_from(0)
    {
        while let Some(kb) = commas.first_from(ka + 1) {
            let n: usize = count_words(pl, ka + 2, kb, alpha);
            if n >= opt.comma_min
                && n <= opt.comma_max
                && !(opt.appositions && main_clause_between(pl, ka, kb))
            {
                let before: usize = pl.len();
                delete_phrases(pl, labels, ka, kb);
                if pl.len() != before {
                    deleted = true;
                    commas.find(pl);
                }
                let closing: usize = kb - (before - pl.len());
                if opt.appositions && finite_vp_follows(pl, closing) {
                    closing_commas.extend(pl.get(closing + 1).copied());
                }
            }
            // PETRARCH continues from the old index even after a deletion.
            ka = kb;
            if ka >= pl.len() {
                break;
            }
        }
    }
    // "Ashraf Ghani, the Afghan president, criticized ...": with the apposition gone,
    // its closing comma would cut the subject off from its verb.
    for word in closing_commas {
        if let Some(at) = pl.iter().position(|p: &Pi| *p == word)
            && at >= 1
            && at + 2 <= pl.len()
        {
            pl.drain(at - 1..at + 2);
            deleted = true;
            commas.find(pl);
        }
    }
    // Dangling initial or terminal comma.
    if let Some(ka) = commas.first_from(0)
        && count_words(pl, 2, ka, alpha) == 0
        && ka + 3 <= pl.len()
    {
        pl.drain(ka..ka + 3);
        deleted = true;
        commas.find(pl);
    }
    let kend: usize = find_end(pl);
    if let Some(k) = commas.last_from(kend.saturating_sub(1))
        && count_words(pl, k + 1, kend, alpha) == 0
        && k + 3 <= pl.len()
    {
        pl.drain(k..k + 3);
        deleted = true;
    }
    !deleted || crate::parselist::balanced(pl)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parselist::Tag;

    /// PETRARCH's backward search, as it was written before the comma positions
    /// were kept: the item it stops at, when that is a comma.
    fn scanned_last(pl: &[Pi], start: usize) -> Option<usize> {
        let mut k: usize = start;
        while k >= 2 && !is_comma(&pl[k]) {
            k -= 1;
        }
        is_comma(&pl[k]).then_some(k)
    }

    #[test]
    fn kept_positions_answer_as_the_scans_do() {
        let comma: Pi = Pi::Open(crate::parselist::Lab::Tag(Tag::new(b",")));
        let other: Pi = Pi::Word(0);
        // Every placement of commas over six items.
        for mask in 0u32..64 {
            let pl: Vec<Pi> = (0..6)
                .map(|k| if mask & (1 << k) != 0 { comma } else { other })
                .collect();
            let mut at: Vec<u32> = Vec::new();
            let mut commas: Commas<'_> = Commas { at: &mut at };
            commas.find(&pl);
            for start in 0..pl.len() {
                assert_eq!(
                    commas.last_from(start),
                    scanned_last(&pl, start),
                    "{mask:b} {start}"
                );
                assert_eq!(
                    commas.first_from(start),
                    index_from(&pl, start, is_comma),
                    "{mask:b} {start}"
                );
            }
        }
    }
}
