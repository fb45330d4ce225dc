//! Noun phrases (base NPs, possessives, post-modifiers, apposition, coordination),
//! prepositional, adjective and adverb phrases, and parentheticals.

use super::Grammar;
use super::verbs::{CLAUSE_VERBS, SUBORDINATORS};
use super::words::{AMPERSAND, NEGATIONS, OF, THAT, WordList};
use crate::tag::Tag;

/// Who is asking for an NP: decides how far PPs and modifiers attach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NpRole {
    Subject,
    Object,
    InPp,
    /// An appositive or conjunct: no further apposition.
    Inner,
}

/// Prepositions that attach to a preceding object noun rather than to the verb.
pub(crate) const NOUN_PREPOSITIONS: WordList = WordList {
    bit: 1 << 4,
    words: &["of", "between", "in", "for", "against", "from", "among"],
};

/// Temporal words: PPs and bare NPs made of them modify the clause, not a noun.
pub(crate) const TIME_WORDS: WordList = WordList {
    bit: 1 << 2,
    words: &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "tomorrow",
    ],
};

/// Determiners that form an NP on their own ("this", "all", "both").
pub(crate) const STANDALONE_DETERMINERS: WordList = WordList {
    bit: 1 << 3,
    words: &[
        "this", "that", "these", "those", "all", "some", "both", "each", "any", "none", "another",
        "either", "neither",
    ],
};

impl Grammar<'_> {
    /// End (exclusive) of the base NP starting at `start`, if one starts there.
    pub(crate) fn base_np_end(&self, start: usize) -> Option<usize> {
        let first: Tag = self.tag(start)?;
        match first {
            Tag::PRP | Tag::EX => return Some(start + 1),
            Tag::WP | Tag::WDT | Tag::WRB => return None,
            _ => {}
        }
        let mut index: usize = start;
        if first.is_adverb() && self.tag_is(start + 1, |t: Tag| t == Tag::CD || t == Tag::Dollar) {
            index += 1;
        }
        if self.tag(index) == Some(Tag::PDT) {
            index += 1;
        }
        let determiner: bool =
            self.tag_is(index, |t: Tag| matches!(t, Tag::DT | Tag::PRPS | Tag::WPS));
        if determiner {
            index += 1;
        }
        let body_start: usize = index;
        let mut has_noun: bool = false;
        let mut last_adjective: bool = false;
        while let Some(tag) = self.tag(index) {
            let accept: bool = match tag {
                Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS => {
                    // "lawmakers Tuesday endorsed": a day name after a noun starts its own NP.
                    !(has_noun && self.word_is(index, TIME_WORDS))
                }
                // "Resolution 1441" continues a noun; "Gondor five years" does not.
                Tag::CD | Tag::Dollar | Tag::Hash => {
                    !has_noun || !self.tag_is(index + 1, Tag::is_noun)
                }
                Tag::JJ | Tag::JJR | Tag::JJS => {
                    // "the evil Arnor awful Gondor": an adjective after a noun
                    // continues the NP only when another noun follows.
                    !has_noun || (tag == Tag::JJ && self.tag_is(index + 1, Tag::is_noun))
                }
                Tag::VBG | Tag::VBN => {
                    (index > start) && !has_noun && self.tag_is(index + 1, Tag::is_noun)
                }
                // "complete, full diplomatic ties": a comma between prenominal adjectives.
                Tag::Comma => {
                    !has_noun
                        && last_adjective
                        && self.tag_is(index + 1, Tag::is_adjective)
                        && self.tag_is(index + 2, |t: Tag| t.is_noun() || t.is_adjective())
                }
                Tag::CC => {
                    // "AT & T" inside names; "political and economic ties".
                    (self.word_is(index, AMPERSAND)
                        && has_noun
                        && self.tag_is(index + 1, Tag::is_proper))
                        || (!has_noun
                            && last_adjective
                            && self.tag_is(index + 1, Tag::is_adjective)
                            && self.tag_is(index + 2, |t: Tag| t.is_noun() || t.is_adjective()))
                }
                Tag::RB | Tag::RBR | Tag::RBS => {
                    !has_noun
                        && (index > body_start || determiner)
                        && self.tag_is(index + 1, |t: Tag| t.is_adjective() || t == Tag::CD)
                }
                _ => false,
            };
            if !accept {
                break;
            }
            has_noun |= tag.is_noun();
            last_adjective = tag.is_adjective();
            index += 1;
        }
        if index == start {
            return None;
        }
        if index == body_start {
            // A determiner alone.
            let alone: bool = index == start + 1 && self.word_is(start, STANDALONE_DETERMINERS);
            return alone.then_some(index);
        }
        if !has_noun
            && last_adjective
            && !determiner
            && !self.tag_is(index - 1, |t: Tag| t == Tag::CD)
        {
            return None; // a bare adjective: ADJP
        }
        Some(index)
    }

    /// The tokens of a base NP up to `end`, grouping `very senior` and
    /// `political and economic` into ADJPs as CoreNLP does.
    fn base_tokens(&mut self, pos: &mut usize, end: usize) {
        while *pos < end {
            let at: usize = *pos;
            let adverb_adjective: bool = self.tag_is(at, Tag::is_adverb)
                && self.tag_is(at + 1, Tag::is_adjective)
                && at + 2 < end;
            let coordinated: bool = self.tag_is(at, Tag::is_adjective)
                && self.tag(at + 1) == Some(Tag::CC)
                && self.tag_is(at + 2, Tag::is_adjective)
                && at + 3 < end;
            if adverb_adjective || coordinated {
                let mark: usize = self.arena.mark();
                let width: usize = if coordinated { 3 } else { 2 };
                self.take(pos, width);
                self.arena.reduce("ADJP", mark);
            } else {
                self.take(pos, 1);
            }
        }
    }

    /// Whether an NP starts at `index`.
    pub(crate) fn starts_np(&self, index: usize) -> bool {
        self.base_np_end(index).is_some()
    }

    /// Rough end of the NP at `start` including possessives and one or two PPs:
    /// used to look for the verb of a clause.
    pub(crate) fn np_span_guess(&self, start: usize) -> Option<usize> {
        let mut end: usize = self.base_np_end(start)?;
        while self.tag(end) == Some(Tag::POS) {
            end = self.base_np_end(end + 1).unwrap_or(end + 1);
        }
        if self.tag(end) == Some(Tag::CC)
            && let Some(next) = self.base_np_end(end + 1)
        {
            end = next;
        }
        for _ in 0..2 {
            if self.tag(end) == Some(Tag::IN) && !self.word_is(end, THAT) {
                match self.base_np_end(end + 1) {
                    Some(next) => end = next,
                    None => break,
                }
            } else {
                break;
            }
        }
        Some(end)
    }

    /// A clause (subject NP then a finite verb or modal) starts at `index`.
    pub(crate) fn clause_ahead(&self, index: usize) -> bool {
        let Some(mut after) = self.np_span_guess(index) else {
            return false;
        };
        while self.tag_is(after, Tag::is_adverb) {
            after += 1;
        }
        self.tag_is(after, Tag::is_finite)
    }

    /// Parses an NP at `*pos` (the caller checked [`Grammar::starts_np`]).
    pub(crate) fn np(&mut self, pos: &mut usize, role: NpRole) {
        self.steps += 1;
        let mark: usize = self.arena.mark();
        let Some(end) = self.base_np_end(*pos) else {
            self.wrap_one("NP", pos);
            return;
        };
        self.base_tokens(pos, end);
        // Possessives: (NP (NP (NNP Arnor) (POS 's)) (NN army)).
        while self.tag(*pos) == Some(Tag::POS) {
            self.take(pos, 1);
            self.arena.reduce("NP", mark);
            if let Some(end) = self.base_np_end(*pos) {
                self.base_tokens(pos, end);
            }
        }
        self.arena.reduce("NP", mark);
        if !self.enter() {
            self.leave();
            return;
        }
        self.np_modifiers(pos, role, mark);
        self.leave();
    }

    fn np_modifiers(&mut self, pos: &mut usize, role: NpRole, mark: usize) {
        let mut guard: usize = 0;
        while guard < 16 {
            guard += 1;
            let Some(tag) = self.tag(*pos) else {
                return;
            };
            let attached: bool = match tag {
                Tag::IN | Tag::TO => self.np_pp(pos, role),
                Tag::WDT | Tag::WP | Tag::WPS => self.relative_clause(pos),
                Tag::WRB => {
                    // "where"/"when" clauses attach to the verb phrase in CoreNLP's trees.
                    false
                }
                Tag::VBN | Tag::VBG | Tag::VBD => self.reduced_relative(pos, role),
                Tag::LeftParen => {
                    self.parenthetical(pos);
                    true
                }
                Tag::CC => self.np_coordination(pos, role, mark),
                Tag::Comma => self.np_comma(pos, role, mark),
                _ => false,
            };
            if !attached {
                return;
            }
            self.arena.reduce("NP", mark);
        }
    }

    /// A PP (or a to-infinitive) after a noun.
    fn np_pp(&mut self, pos: &mut usize, role: NpRole) -> bool {
        let at: usize = *pos;
        let common_head: bool = at > 0 && matches!(self.tags[at - 1], Tag::NN | Tag::NNS);
        if self.tag(at) == Some(Tag::TO)
            && common_head
            && self.tag_is(at + 1, |t: Tag| t == Tag::VB)
        {
            // "plans to attack": (NP (NP plans) (S (VP (TO to) (VP ...))))
            let mark: usize = self.arena.mark();
            self.vp(pos);
            self.arena.reduce("S", mark);
            return true;
        }
        if self.word_is(at, THAT) {
            return self.tag(at) != Some(Tag::IN) && self.relative_clause(pos);
        }
        let attaches: bool = match role {
            NpRole::Subject => {
                !self.word_is(at + 1, TIME_WORDS) && !self.word_is(at + 2, TIME_WORDS)
            }
            NpRole::Object | NpRole::Inner => {
                self.word_is(at, OF) || (common_head && self.word_is(at, NOUN_PREPOSITIONS))
            }
            NpRole::InPp => {
                self.word_is(at, OF) || (common_head && self.word_is(at, NOUN_PREPOSITIONS))
            }
        };
        if !attaches || !self.starts_np(at + 1) || self.subordinate_clause_ahead(at) {
            return false;
        }
        self.pp(pos);
        true
    }

    /// A PP: preposition plus NP, gerund clause, or another PP.
    pub(crate) fn pp(&mut self, pos: &mut usize) {
        let mark: usize = self.arena.mark();
        if self.tag_is(*pos, Tag::is_adverb)
            && self.tag_is(*pos + 1, |t: Tag| matches!(t, Tag::IN | Tag::TO))
        {
            self.wrap_one("ADVP", pos);
        }
        self.take(pos, 1);
        if self.enter() {
            match self.tag(*pos) {
                Some(Tag::VBG) => {
                    let clause: usize = self.arena.mark();
                    self.vp(pos);
                    self.arena.reduce("S", clause);
                }
                Some(Tag::IN | Tag::TO) if !self.starts_np(*pos) => self.pp(pos),
                Some(tag) if tag.is_adverb() && !self.starts_np(*pos) => self.advp(pos),
                _ if self.starts_np(*pos) => self.np(pos, NpRole::InPp),
                _ => {}
            }
        }
        self.leave();
        self.arena.reduce("PP", mark);
    }

    /// `which/who/that ... ` after a noun.
    pub(crate) fn relative_clause(&mut self, pos: &mut usize) -> bool {
        let at: usize = *pos;
        let verb_next: bool = self.tag_is(at + 1, |t: Tag| t.is_verb() || t == Tag::MD)
            || (self.tag_is(at + 1, Tag::is_adverb)
                && self.tag_is(at + 2, |t: Tag| t.is_verb() || t == Tag::MD));
        let clause_next: bool = self.clause_ahead(at + 1);
        if !verb_next && !clause_next {
            return false;
        }
        let mark: usize = self.arena.mark();
        let wh_label: &'static str = if self.tag(at) == Some(Tag::WRB) {
            "WHADVP"
        } else {
            "WHNP"
        };
        self.wrap_one(wh_label, pos);
        let clause: usize = self.arena.mark();
        if clause_next {
            self.np(pos, NpRole::Subject);
        }
        self.predicate(pos);
        self.arena.reduce("S", clause);
        self.arena.reduce("SBAR", mark);
        true
    }

    /// `men sought in ...`, `people carrying flags`: a participle VP after an object noun.
    fn reduced_relative(&mut self, pos: &mut usize, role: NpRole) -> bool {
        let at: usize = *pos;
        if matches!(role, NpRole::Subject) {
            // "A report released Tuesday in Kigali alleged ...": a participle followed
            // by a preposition or time word, with the clause's own verb still to come.
            let participle: bool = self.words.get(at).is_some_and(|w: &&str| w.ends_with("ed"))
                && !self.word_is(at, CLAUSE_VERBS)
                && ((self.tag_is(at + 1, |t: Tag| t == Tag::IN)
                    && !self.word_is(at + 1, SUBORDINATORS))
                    || self.word_is(at + 1, TIME_WORDS))
                && self.finite_verb_before_comma(at + 1);
            if !participle {
                return false;
            }
            self.vp(pos);
            return true;
        }
        if self.tag(at) == Some(Tag::VBD) {
            return false;
        }
        let follows: bool = self.tag_is(at + 1, |t: Tag| {
            matches!(t, Tag::IN | Tag::TO | Tag::DT | Tag::RB)
        }) || self.tag(at + 1).is_none();
        if !follows {
            return false;
        }
        self.vp(pos);
        true
    }

    /// `X and Y` / `X, Y and Z`; rolls back if the second conjunct starts a clause.
    fn np_coordination(&mut self, pos: &mut usize, role: NpRole, _mark: usize) -> bool {
        let at: usize = *pos;
        // Inside a subject (before its verb) "X and Y may ..." is still one NP.
        let subject: bool = role == NpRole::Subject || self.in_subject;
        if role == NpRole::Inner
            || !self.may_speculate()
            || !self.starts_np(at + 1)
            || (!subject && self.clause_ahead(at + 1))
        {
            return false;
        }
        let checkpoint = self.arena.checkpoint();
        self.take(pos, 1);
        self.np(pos, NpRole::Inner);
        if !subject && self.tag_is(*pos, Tag::is_finite) {
            self.arena.rollback(checkpoint);
            *pos = at;
            return false;
        }
        true
    }

    /// After `NP ,`: a list (`A, B and C`) or an apposition (`Kupfer, the envoy,`).
    fn np_comma(&mut self, pos: &mut usize, role: NpRole, _mark: usize) -> bool {
        let at: usize = *pos;
        if !self.may_speculate() {
            return false;
        }
        if self.tag_is(at + 1, |t: Tag| matches!(t, Tag::WDT | Tag::WP | Tag::WPS))
            && !self.word_is(at + 1, THAT)
        {
            let checkpoint = self.arena.checkpoint();
            self.take(pos, 1);
            if self.relative_clause(pos) {
                if self.tag(*pos) == Some(Tag::Comma) {
                    self.take(pos, 1);
                }
                return true;
            }
            self.arena.rollback(checkpoint);
            *pos = at;
            return false;
        }
        // Inside a subject, an apposition after a PP belongs to the whole subject:
        // "The US commander in Iraq, General David Petraeus, said".
        let leave_to_outer: bool = role == NpRole::InPp && self.in_subject;
        // In a subject, "X, Y and Z attacked" is a list even though "Z attacked" looks like a clause.
        let subject: bool = role == NpRole::Subject || self.in_subject;
        let clause_at =
            |grammar: &Self, index: usize| -> bool { !subject && grammar.clause_ahead(index) };
        if role == NpRole::Inner || !self.starts_np(at + 1) || clause_at(self, at + 1) {
            return false;
        }
        let checkpoint = self.arena.checkpoint();
        self.take(pos, 1);
        self.np(pos, NpRole::Inner);
        // A list: more ", NP" then "and NP".
        let mut list_pos: usize = *pos;
        let list_checkpoint = self.arena.checkpoint();
        while self.tag(list_pos) == Some(Tag::Comma)
            && self.starts_np(list_pos + 1)
            && !clause_at(self, list_pos + 1)
        {
            self.take(&mut list_pos, 1);
            self.np(&mut list_pos, NpRole::Inner);
        }
        if self.tag(list_pos) == Some(Tag::Comma) && self.tag(list_pos + 1) == Some(Tag::CC) {
            self.take(&mut list_pos, 1);
        }
        if self.tag(list_pos) == Some(Tag::CC)
            && self.starts_np(list_pos + 1)
            && !clause_at(self, list_pos + 1)
        {
            self.take(&mut list_pos, 1);
            self.np(&mut list_pos, NpRole::Inner);
            *pos = list_pos;
            return true;
        }
        self.arena.rollback(list_checkpoint);
        if leave_to_outer {
            self.arena.rollback(checkpoint);
            *pos = at;
            return false;
        }
        // An apposition closed by a comma, or running to the end of the window.
        let closed: bool = self.tag(*pos) == Some(Tag::Comma);
        let at_end: bool = self
            .tag(*pos)
            .is_none_or(|t: Tag| matches!(t, Tag::Period | Tag::CloseQuote));
        if closed
            && (role != NpRole::Subject
                || self.tag_is(*pos + 1, |t: Tag| t.is_finite() || t.is_adverb()))
        {
            self.take(pos, 1);
            return true;
        }
        if at_end && role != NpRole::Subject {
            return true;
        }
        self.arena.rollback(checkpoint);
        *pos = at;
        false
    }

    /// `( ... )` as PRN.
    pub(crate) fn parenthetical(&mut self, pos: &mut usize) {
        let mark: usize = self.arena.mark();
        self.take(pos, 1);
        let saved_end: usize = self.end;
        let mut close: usize = *pos;
        while close < self.end && self.tags[close] != Tag::RightParen {
            close += 1;
        }
        self.end = close;
        while *pos < self.end {
            self.constituent(pos);
        }
        self.end = saved_end;
        if self.tag(*pos) == Some(Tag::RightParen) {
            self.take(pos, 1);
        }
        self.arena.reduce("PRN", mark);
    }

    /// Consecutive adverbs (not negation) as one ADVP.
    pub(crate) fn advp(&mut self, pos: &mut usize) {
        let mark: usize = self.arena.mark();
        self.take(pos, 1);
        while self.tag_is(*pos, Tag::is_adverb)
            && !self.word_is(*pos, NEGATIONS)
            && !self.tag_is(*pos + 1, Tag::is_adjective)
        {
            self.take(pos, 1);
        }
        self.arena.reduce("ADVP", mark);
    }

    /// `very angry (about ...)` as ADJP.
    pub(crate) fn adjp(&mut self, pos: &mut usize) {
        let mark: usize = self.arena.mark();
        while self.tag_is(*pos, Tag::is_adverb)
            && self.tag_is(*pos + 1, |t: Tag| t.is_adverb() || t.is_adjective())
        {
            self.take(pos, 1);
        }
        self.take(pos, 1);
        if self.tag(*pos) == Some(Tag::IN) && self.starts_np(*pos + 1) {
            if self.enter() {
                self.pp(pos);
            }
            self.leave();
        }
        self.arena.reduce("ADJP", mark);
    }
}
