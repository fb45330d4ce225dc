//! The voice of a verb phrase headed by a past participle, for news text
//! ([`crate::CodingOptions::one_sided`]): after a form of "be" ("six Jesuits were
//! murdered", "troops were reportedly attacked by drones") the phrase is passive; without
//! one it is read as active, since the tagger often takes a past tense for a participle.
//! PETRARCH's own passive test (`verbs::passive_verb`) only sees `was/is/been ... VBN ...
//! by` and is left as it is for PETRARCH's semantics.

use crate::compile::Compiled;
use crate::parselist::Pi;

/// How a `VBN`-headed verb phrase reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Voice {
    /// Not a participle phrase after "be".
    Active,
    /// Passive with a "by" agent inside the phrase: the object of "by" is the source.
    PassiveBy,
    /// Passive without an agent: the subject is the target, the source is unknown.
    Agentless,
    /// A participle modifying the object of a verb ("should respect internationally
    /// recognized borders"): no event.
    Adjectival,
}

/// The voice of the verb phrase opening at `kitem` (`(VP (VBN word ...`), ending at `vpend`.
pub(crate) fn participle_voice(
    c: &Compiled,
    pl: &[Pi],
    ids: &[u32],
    kitem: usize,
    vpend: usize,
) -> Voice {
    if !pl.get(kitem + 1).is_some_and(|p| p.is_open_tag("VBN")) {
        return Voice::Active;
    }
    let word_id = |k: usize| -> Option<u32> {
        match pl.get(k) {
            Some(Pi::Word(w)) => Some(ids.get(*w as usize).copied().unwrap_or(u32::MAX)),
            _ => None,
        }
    };
    // The auxiliary before the participle, over adverbs ("were reportedly killed").
    let mut k: usize = kitem;
    let mut adverbs: usize = 0;
    let mut be: bool = false;
    while k > 0 {
        k -= 1;
        let Some(id) = word_id(k) else { continue };
        let adverb: bool = k > 0 && (pl[k - 1].is_open_tag("RB") || pl[k - 1].is_open_tag("RBR"));
        if adverb && adverbs < 2 {
            adverbs += 1;
            continue;
        }
        be = c.special.be_forms.contains(&id);
        // "should respect internationally recognized borders": a participle right after
        // a verb's base form modifies that verb's object.
        let after_verb: bool =
            k > 0 && !c.special.have_forms.contains(&id) && pl[k - 1].is_open_tag("VB");
        if !be && after_verb {
            return Voice::Adjectival;
        }
        break;
    }
    if !be {
        return Voice::Active;
    }
    let by: bool = (kitem + 3..vpend.min(pl.len())).any(|k| word_id(k) == Some(c.special.by));
    if by {
        Voice::PassiveBy
    } else {
        Voice::Agentless
    }
}
