//! Clauses and sentences: fronted adverbials and subordinate clauses, subject +
//! predicate, clause coordination, reporting clauses ("..., the ministry said"),
//! "according to X", and a flat fallback that always makes progress.

use super::Grammar;
use super::arena::NONE;
use super::phrases::{NpRole, TIME_WORDS};
use super::verbs::SUBORDINATORS;
use super::words::{ACCORDING, WordList};
use crate::tag::Tag;

/// Verbs of saying that head a trailing reporting clause.
pub(crate) const REPORTING_VERBS: WordList = WordList {
    bit: 1 << 1,
    words: &[
        "said",
        "says",
        "say",
        "told",
        "added",
        "adds",
        "stated",
        "announced",
        "reported",
        "warned",
        "insisted",
        "noted",
        "explained",
        "claimed",
        "declared",
        "confirmed",
        "stressed",
        "quoted",
        "wrote",
        "writes",
        "asserted",
        "charged",
        "alleged",
        "argued",
        "predicted",
    ],
};

impl Grammar<'_> {
    /// The whole sentence: `(ROOT (S ...))`, final punctuation last in the S.
    pub(crate) fn sentence(&mut self) {
        let total: usize = self.end;
        let mut body_end: usize = total;
        while body_end > 0
            && matches!(
                self.tags[body_end - 1],
                Tag::Period | Tag::CloseQuote | Tag::Colon
            )
        {
            body_end -= 1;
        }
        if body_end == 0 {
            body_end = total;
        }
        let mark: usize = self.arena.mark();
        self.end = body_end;
        let mut pos: usize = 0;
        self.clause_sequence(&mut pos);
        while pos < self.end {
            self.constituent(&mut pos);
        }
        self.end = total;
        self.splice_single_clause(mark);
        let rest: usize = total - pos;
        self.take(&mut pos, rest);
        self.arena.reduce("S", mark);
        self.arena.reduce("ROOT", mark);
    }

    /// When the top level holds exactly one S, its children stand in for it.
    fn splice_single_clause(&mut self, mark: usize) {
        if self.arena.mark() != mark + 1 || self.arena.top_label() != Some("S") {
            return;
        }
        let Some(only) = self.arena.stack.pop() else {
            return;
        };
        let mut child: u32 = self.arena.nodes[only as usize].first_child;
        while child != NONE {
            self.arena.stack.push(child);
            child = self.arena.nodes[child as usize].next_sibling;
        }
    }

    /// Clauses joined by reporting frames and conjunctions, pushed as siblings.
    fn clause_sequence(&mut self, pos: &mut usize) {
        if let Some(comma) = self.reporting_comma(*pos) {
            let saved_end: usize = self.end;
            self.end = comma;
            let mark: usize = self.arena.mark();
            self.clause_sequence(pos);
            while *pos < self.end {
                self.constituent(pos);
            }
            self.splice_single_clause(mark);
            self.arena.reduce("S", mark);
            self.end = saved_end;
            self.take(pos, 1);
            self.np(pos, NpRole::Subject);
            self.predicate(pos);
            return;
        }
        self.clause(pos);
        loop {
            let at: usize = *pos;
            let joiner: usize = match self.tag(at) {
                Some(Tag::CC) => 1,
                Some(Tag::Comma | Tag::Colon) if self.tag(at + 1) == Some(Tag::CC) => 2,
                Some(Tag::Colon) => 1,
                _ => 0,
            };
            if joiner == 0 || !self.starts_clause(at + joiner) {
                break;
            }
            self.take(pos, joiner);
            self.clause(pos);
        }
        self.trailing_attribution(pos);
    }

    /// Whether a full clause (possibly with fronted material) starts at `index`.
    fn starts_clause(&self, index: usize) -> bool {
        self.clause_ahead(index)
            || (self.tag(index) == Some(Tag::IN) && self.word_is(index, SUBORDINATORS))
            || (self.tag_is(index, Tag::is_adverb) && self.clause_ahead(index + 1))
    }

    /// `, according to X` at the end of a clause.
    fn trailing_attribution(&mut self, pos: &mut usize) {
        let at: usize = *pos;
        if self.tag(at) == Some(Tag::Comma) && self.word_is(at + 1, ACCORDING) {
            self.take(pos, 1);
            self.according_to(pos);
        }
    }

    /// `(PP (VBG according) (PP (TO to) (NP ...)))`.
    fn according_to(&mut self, pos: &mut usize) {
        let mark: usize = self.arena.mark();
        self.take(pos, 1);
        if self.tag_is(*pos, |t: Tag| matches!(t, Tag::TO | Tag::IN)) {
            self.pp(pos);
        }
        self.arena.reduce("PP", mark);
    }

    /// The comma of a trailing `, NP said ...` reporting frame, if any.
    fn reporting_comma(&mut self, start: usize) -> Option<usize> {
        if !self.may_speculate() {
            return None;
        }
        let mut tried: usize = 0;
        let mut comma: usize = self.end;
        while comma > start + 2 && tried < 4 {
            comma -= 1;
            if self.tag(comma) != Some(Tag::Comma) {
                continue;
            }
            tried += 1;
            if !self.starts_np(comma + 1) {
                continue;
            }
            let checkpoint = self.arena.checkpoint();
            let mut after: usize = comma + 1;
            self.np(&mut after, NpRole::Subject);
            self.arena.rollback(checkpoint);
            while self.tag_is(after, Tag::is_adverb) {
                after += 1;
            }
            let reports: bool =
                self.tag_is(after, Tag::is_verb) && self.word_is(after, REPORTING_VERBS);
            // What is reported needs a verb of its own: "In Colombia, the ELN declared a
            // ceasefire" is a fronted phrase, not a report.
            let reported_clause: bool =
                (start..comma).any(|i: usize| self.tag_is(i, Tag::is_finite));
            if reports && reported_clause {
                return Some(comma);
            }
        }
        None
    }

    /// One clause as an `S`: fronted material, subject, predicate.
    pub(crate) fn clause(&mut self, pos: &mut usize) {
        let mark: usize = self.arena.mark();
        if !self.enter() {
            self.leave();
            self.wrap_one("S", pos);
            return;
        }
        self.clause_level += 1;
        self.fronted(pos);
        if self.starts_np(*pos) {
            let outer: bool = self.in_subject;
            self.in_subject = true;
            self.np(pos, NpRole::Subject);
            self.in_subject = outer;
            self.between_subject_and_verb(pos);
        }
        self.predicate(pos);
        self.trailing_attribution(pos);
        if self.arena.mark() == mark {
            self.constituent(pos);
        }
        // A subject without a predicate is just that NP, not a clause.
        let lone_np: bool = self.arena.mark() == mark + 1 && self.arena.top_label() == Some("NP");
        if !lone_np {
            self.arena.reduce("S", mark);
        }
        self.clause_level -= 1;
        self.leave();
    }

    /// `France on Wednesday condemned`, `lawmakers Tuesday endorsed`: temporal PPs
    /// and NPs between a subject and its verb belong to the clause.
    fn between_subject_and_verb(&mut self, pos: &mut usize) {
        let mut guard: usize = 0;
        while guard < 3 {
            guard += 1;
            let at: usize = *pos;
            if self.tag(at) == Some(Tag::IN) && self.word_is(at + 1, TIME_WORDS) {
                self.pp(pos);
            } else if self.word_is(at, TIME_WORDS) && self.starts_np(at) {
                self.np(pos, NpRole::Inner);
            } else {
                return;
            }
        }
    }

    /// Conjunctions, adverbs, PPs, subordinate clauses and commas before the subject.
    fn fronted(&mut self, pos: &mut usize) {
        let mut guard: usize = 0;
        while guard < 8 {
            guard += 1;
            let at: usize = *pos;
            let Some(tag) = self.tag(at) else {
                return;
            };
            match tag {
                Tag::CC if guard == 1 => self.take(pos, 1),
                Tag::Comma | Tag::OpenQuote | Tag::CloseQuote => self.take(pos, 1),
                _ if self.word_is(at, ACCORDING) && self.tag(at + 1) == Some(Tag::TO) => {
                    self.according_to(pos)
                }
                _ if self.subordinate_clause_ahead(at) => {
                    let mark: usize = self.arena.mark();
                    self.complementizer(pos);
                    self.clause(pos);
                    self.arena.reduce("SBAR", mark);
                }
                Tag::IN | Tag::TO
                    if self.starts_np(at + 1) || self.tag(at + 1) == Some(Tag::VBG) =>
                {
                    self.pp(pos)
                }
                Tag::RB | Tag::RBR | Tag::RBS if !self.clause_ahead(at) => self.advp(pos),
                Tag::VBG | Tag::VBN
                    if at == 0 || self.tag(at.wrapping_sub(1)) == Some(Tag::Comma) =>
                {
                    if self.clause_ahead(at) {
                        return;
                    }
                    let mark: usize = self.arena.mark();
                    self.vp(pos);
                    self.arena.reduce("S", mark);
                }
                _ => return,
            }
        }
    }

    /// Any one constituent at `*pos`; always consumes at least one token.
    pub(crate) fn constituent(&mut self, pos: &mut usize) {
        let at: usize = *pos;
        let Some(tag) = self.tag(at) else {
            self.take(pos, 1);
            return;
        };
        if !self.enter() {
            self.leave();
            self.take(pos, 1);
            return;
        }
        match tag {
            _ if self.subordinate_clause_ahead(at) => {
                let mark: usize = self.arena.mark();
                self.complementizer(pos);
                self.clause(pos);
                self.arena.reduce("SBAR", mark);
            }
            _ if self.time_clause_ahead(at) => self.time_clause(pos),
            _ if self.clause_ahead(at) => self.clause(pos),
            _ if self.starts_np(at) => self.np(pos, NpRole::Object),
            _ if tag.is_verb() || tag == Tag::MD => self.vp(pos),
            Tag::TO if self.tag(at + 1) == Some(Tag::VB) => self.infinitive_clause(pos),
            Tag::IN | Tag::TO if self.starts_np(at + 1) => self.pp(pos),
            Tag::JJ | Tag::JJR | Tag::JJS => self.adjp(pos),
            Tag::RB | Tag::RBR | Tag::RBS => self.advp(pos),
            Tag::LeftParen => self.parenthetical(pos),
            _ => self.take(pos, 1),
        }
        if *pos == at {
            self.take(pos, 1);
        }
        self.leave();
    }
}
