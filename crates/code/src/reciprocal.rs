//! News coding: reciprocal events of a coordinated subject.
//!
//! "Canada and Costa Rica have agreed to start negotiations", "India and Pakistan agreed
//! to a cease-fire", "The US and China signed an agreement": the members of the
//! coordination act on each other. As GDELT/PETRARCH code "A and B met", the event is the
//! reciprocal dyad A→B and B→A; both sides are named by the whole coordinated phrase (it
//! names the pair), while the codes say who is on which side.
//!
//! An event is reciprocal when its subject coordinates two or more actors, its object (if
//! any) names no other party ("A and B met C" is not reciprocal, "A and B met in C" is),
//! and the event is one of a pair by nature: consultation and negotiation, signing an
//! agreement, cooperation, a ceasefire and its violation, agreeing, reaching (or failing
//! to reach) an agreement, clashing; or a cooperative event marked "joint", "bilateral",
//! "mutual", "together", "each other", "one another".

use crate::compile::EvCode;
use crate::parselist::{Lab, Pi};

/// CAMEO codes that need two parties acting on each other: intent to de-escalate, meet,
/// negotiate or settle (0356, 036, 037), consult, telephone, meet at a third place, negotiate (040, 041, 044,
/// 046), diplomatic cooperation and formal agreements (050, 057), material cooperation
/// (06), ceasefires (0871) and their violation (196). Visits, hosting and mediation
/// (042, 043, 045) have a direction.
fn reciprocal_code(code: &str) -> bool {
    matches!(
        code,
        "0356" | "036" | "037" | "040" | "041" | "044" | "046" | "050" | "057" | "0871" | "196"
    ) || code.starts_with("06")
}

/// "A and B agreed": to something between them, unless the agreement names a third party
/// ("Mexico and Canada agreed to lift tariffs on American products").
fn agree_verb(word: &str) -> bool {
    matches!(word, "AGREE" | "AGREES" | "AGREED" | "AGREEING")
}

/// Verbs whose coordinated subject acts on itself: "A and B met / negotiated / clashed /
/// cooperated". Upper-cased, as the coder keeps words.
fn reciprocal_verb(word: &str) -> bool {
    matches!(
        word,
        "MEET"
            | "MEETS"
            | "MET"
            | "MEETING"
            | "NEGOTIATE"
            | "NEGOTIATES"
            | "NEGOTIATED"
            | "NEGOTIATING"
            | "CLASH"
            | "CLASHES"
            | "CLASHED"
            | "CLASHING"
            | "FIGHT"
            | "FIGHTS"
            | "FOUGHT"
            | "FIGHTING"
            | "COOPERATE"
            | "COOPERATES"
            | "COOPERATED"
            | "COOPERATING"
            | "COLLABORATE"
            | "COLLABORATES"
            | "COLLABORATED"
            | "COLLABORATING"
            | "RECONCILE"
            | "RECONCILED"
    )
}

/// Words that make a cooperative event (roots 03-08) mutual: "a joint exercise",
/// "bilateral talks", "mutual assistance", "work together"; "each other", "one another"
/// as two-word markers.
fn marks_mutuality(words: &[&str]) -> bool {
    let single: bool = words.iter().any(|w: &&str| {
        matches!(
            *w,
            "JOINT" | "JOINTLY" | "BILATERAL" | "BILATERALLY" | "MUTUAL" | "MUTUALLY" | "TOGETHER"
        )
    });
    single
        || words
            .windows(2)
            .any(|pair: &[&str]| matches!(pair, ["EACH", "OTHER"] | ["ONE", "ANOTHER"]))
}

/// "reached an agreement", "failed to reach a deal": an agreement is between parties.
fn reaches_agreement(words: &[&str]) -> bool {
    let reach: Option<usize> = words
        .iter()
        .position(|w: &&str| matches!(*w, "REACH" | "REACHES" | "REACHED" | "REACHING"));
    reach.is_some_and(|at: usize| {
        words.iter().skip(at + 1).take(4).any(|w: &&str| {
            matches!(
                *w,
                "AGREEMENT" | "AGREEMENTS" | "DEAL" | "DEALS" | "ACCORD" | "SETTLEMENT" | "TRUCE"
            )
        })
    })
}

/// Is the event of `code`, with verb words `verb` and the words after the verb `after`
/// (upper-cased), one that the members of a coordinated subject do to each other?
/// `third_party`: a named actor stands after the verb (as what the event is about).
pub(crate) fn reciprocal_event(
    code: &EvCode,
    verb: &[&str],
    after: &[&str],
    third_party: bool,
) -> bool {
    let codes: [Option<&str>; 2] = match code {
        EvCode::Null => return false,
        EvCode::One(c) => [Some(c), None],
        EvCode::Pair(a, b) => [a.as_deref(), b.as_deref()],
    };
    let mut codes = codes.into_iter().flatten();
    let Some(first) = codes.next() else {
        return false;
    };
    let cooperative: bool = matches!(
        first.get(..2),
        Some("03" | "04" | "05" | "06" | "07" | "08")
    );
    reciprocal_code(first)
        || verb.first().is_some_and(|w: &&str| reciprocal_verb(w))
        || (!third_party && verb.first().is_some_and(|w: &&str| agree_verb(w)))
        || reaches_agreement(verb)
        || reaches_agreement(after)
        || (cooperative && marks_mutuality(after))
}

/// Prepositions after which a named actor is what the event is about or where it takes
/// place, not a party to it: "agreed to share information on North Korea", "met in
/// Moscow", "a ceasefire over Nagorno-Karabakh".
pub(crate) fn topic_preposition(word: &str) -> bool {
    matches!(
        word,
        "ON" | "OVER"
            | "ABOUT"
            | "REGARDING"
            | "CONCERNING"
            | "IN"
            | "AT"
            | "INTO"
            | "NEAR"
            | "ACROSS"
            | "ALONG"
            | "AGAINST"
            | "FOR"
            | "OF"
            | "DURING"
    )
}

/// The first and last word (leaf) of the actor slots `slots` in the ParseList: the whole
/// coordinated phrase, since a compound's members also hold the words they share ("the
/// armies of Brazil and Argentina").
pub(crate) fn slots_leaf_range(pl: &[Pi], slots: &[u32]) -> Option<(u32, u32)> {
    let mut range: Option<(u32, u32)> = None;
    let mut inside: bool = false;
    for p in pl {
        match *p {
            Pi::Code(slot) => inside = slots.contains(&slot),
            Pi::Close(Lab::Ne) => inside = false,
            Pi::Word(w) if inside => {
                range = Some(range.map_or((w, w), |(a, b)| (a.min(w), b.max(w))));
            }
            _ => {}
        }
    }
    range
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(code: &str) -> EvCode {
        EvCode::One(code.into())
    }

    #[test]
    fn pairs_by_code_verb_or_marker() {
        let signed: &[&str] = &["AN", "AGREEMENT"];
        assert!(reciprocal_event(&one("057"), &["SIGNED"], signed, true));
        assert!(reciprocal_event(
            &one("030"),
            &["AGREED"],
            &["TO", "TALKS"],
            false
        ));
        let failed: &[&str] = &["TO", "REACH", "AGREEMENT"];
        assert!(reciprocal_event(&one("120"), &["FAILED"], failed, false));
        let joint: &[&str] = &["A", "JOINT", "EXERCISE"];
        assert!(reciprocal_event(&one("030"), &["PLANNED"], joint, false));
        assert!(reciprocal_event(&one("190"), &["CLASHED"], &[], false));
        // Directed events stay directed, even when done jointly.
        assert!(!reciprocal_event(&one("042"), &["VISITED"], &[], false));
        let attacks: &[&str] = &["JOINT", "ATTACKS"];
        assert!(!reciprocal_event(
            &one("190"),
            &["LAUNCHED"],
            attacks,
            false
        ));
        let statement: &[&str] = &["A", "JOINT", "STATEMENT"];
        assert!(!reciprocal_event(
            &one("010"),
            &["ISSUED"],
            statement,
            false
        ));
        assert!(!reciprocal_event(&EvCode::Null, &["MET"], &[], false));
        // An agreement to act on a third party is each member's own.
        let tariffs: &[&str] = &["TO", "LIFT", "TARIFFS", "ON", "AMERICAN", "PRODUCTS"];
        assert!(!reciprocal_event(&one("030"), &["AGREED"], tariffs, true));
    }

    #[test]
    fn coordination_covers_shared_words() {
        // (NE [0] THE ARMIES OF BRAZIL ~NE) (NE [1] THE ARMIES OF ARGENTINA ~NE)
        let pl: Vec<Pi> = vec![
            Pi::Open(Lab::Ne),
            Pi::Code(0),
            Pi::Word(0),
            Pi::Word(1),
            Pi::Word(2),
            Pi::Word(3),
            Pi::Close(Lab::Ne),
            Pi::Open(Lab::Ne),
            Pi::Code(1),
            Pi::Word(0),
            Pi::Word(1),
            Pi::Word(2),
            Pi::Word(5),
            Pi::Close(Lab::Ne),
            Pi::Open(Lab::Ne),
            Pi::Code(2),
            Pi::Word(7),
            Pi::Close(Lab::Ne),
        ];
        assert_eq!(slots_leaf_range(&pl, &[0, 1]), Some((0, 5)));
        assert_eq!(slots_leaf_range(&pl, &[2]), Some((7, 7)));
        assert_eq!(slots_leaf_range(&pl, &[9]), None);
    }
}
