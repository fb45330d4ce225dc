//! Verb phrases: modal and auxiliary chains with negation, to-infinitives,
//! complements (objects, particles, PPs, clausal complements), VP coordination.

use super::Grammar;
use super::phrases::NpRole;
use super::words::{ABOUT, ACCORDING, NEGATIONS, THAT, TIME_LINKS, TIME_MEASURES, WordList};
use crate::tag::Tag;

/// Forms of be / have / do that take a verb phrase complement.
pub(crate) const AUXILIARIES: WordList = WordList {
    bit: 1 << 6,
    words: &[
        "is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'m", "has", "have",
        "had", "having", "'ve", "'d", "do", "does", "did",
    ],
};

/// Verbs that take a clause without `that`: "said the talks would resume".
pub(crate) const CLAUSE_VERBS: WordList = WordList {
    bit: 1 << 5,
    words: &[
        "said",
        "say",
        "says",
        "saying",
        "told",
        "tell",
        "tells",
        "added",
        "adds",
        "stated",
        "states",
        "announced",
        "announces",
        "reported",
        "reports",
        "warned",
        "warns",
        "insisted",
        "insists",
        "noted",
        "notes",
        "explained",
        "claimed",
        "claims",
        "declared",
        "confirmed",
        "stressed",
        "believe",
        "believes",
        "believed",
        "think",
        "thinks",
        "thought",
        "hope",
        "hopes",
        "hoped",
        "expect",
        "expects",
        "expected",
        "fear",
        "fears",
        "feared",
        "argued",
        "argues",
        "denied",
        "denies",
        "acknowledged",
        "admitted",
        "agreed",
        "knew",
        "know",
        "knows",
        "suggested",
        "indicated",
        "predicted",
        "promised",
        "vowed",
        "threatened",
        "estimated",
        "charged",
        "alleged",
        "alleging",
        "claiming",
        "warning",
        "insisting",
        "noting",
        "arguing",
        "suggesting",
        "adding",
        "stating",
        "believing",
        "fearing",
        "hoping",
        "announcing",
        "confirming",
        "denying",
        "proving",
        "showing",
        "shows",
        "showed",
        "show",
        "indicating",
        "meaning",
        "means",
    ],
};

/// Verbs taking an object plus a bare infinitive: "helped militants join".
pub(crate) const SMALL_CLAUSE_VERBS: WordList = WordList {
    bit: 1 << 7,
    words: &[
        "help", "helps", "helped", "helping", "let", "lets", "letting", "make", "makes", "made",
        "making", "see", "saw", "seen", "watch", "watched", "hear", "heard",
    ],
};

/// Verbs taking an object plus a to-infinitive: "urged Eriador to respond".
pub(crate) const OBJECT_CONTROL_VERBS: WordList = WordList {
    bit: 1 << 8,
    words: &[
        "urge",
        "urges",
        "urged",
        "urging",
        "ask",
        "asks",
        "asked",
        "asking",
        "tell",
        "tells",
        "told",
        "telling",
        "order",
        "orders",
        "ordered",
        "ordering",
        "force",
        "forces",
        "forced",
        "forcing",
        "allow",
        "allows",
        "allowed",
        "allowing",
        "encourage",
        "encourages",
        "encouraged",
        "invite",
        "invites",
        "invited",
        "inviting",
        "persuade",
        "persuaded",
        "press",
        "pressed",
        "pressing",
        "want",
        "wants",
        "wanted",
        "expect",
        "expects",
        "expected",
        "call",
        "called",
        "warn",
        "warns",
        "warned",
        "advise",
        "advised",
        "authorize",
        "authorized",
        "permit",
        "permitted",
        "request",
        "requested",
        "require",
        "required",
        "instruct",
        "instructed",
    ],
};

/// Words that introduce an adverbial or complement clause.
pub(crate) const SUBORDINATORS: WordList = WordList {
    bit: 1 << 0,
    words: &[
        "after", "before", "because", "although", "though", "while", "if", "unless", "since",
        "until", "till", "once", "whereas", "as", "whether", "when", "where", "that", "so",
    ],
};

impl Grammar<'_> {
    /// Whether `index` holds a subordinator followed by a clause.
    pub(crate) fn subordinate_clause_ahead(&self, index: usize) -> bool {
        if !self.tag_is(index, |t: Tag| {
            matches!(t, Tag::IN | Tag::WRB | Tag::WDT | Tag::DT)
        }) || !self.word_is(index, SUBORDINATORS)
        {
            return false;
        }
        self.clause_ahead(index + 1)
            || (self.word_is(index, THAT)
                && self.starts_np(index + 1)
                && !self.tag_is(index + 1, |t: Tag| t.is_noun())
                && self.finite_verb_ahead(index + 2))
            || (self.word_is(index, THAT)
                && self.starts_np(index + 1)
                && self.tag(index) == Some(Tag::IN)
                && self.finite_verb_ahead(index + 2))
    }

    /// A finite verb or modal within the next stretch of the window (up to a
    /// semicolon, colon or dash).
    pub(crate) fn finite_verb_ahead(&self, from: usize) -> bool {
        let mut index: usize = from;
        while let Some(tag) = self.tag(index) {
            if tag.is_finite() {
                return true;
            }
            if tag == Tag::Colon || index > from + 40 {
                return false;
            }
            index += 1;
        }
        false
    }

    /// An auxiliary verb (be/have/do form or modal) followed by a verb group.
    fn is_auxiliary_chain(&self, index: usize) -> bool {
        let Some(tag) = self.tag(index) else {
            return false;
        };
        let auxiliary: bool = tag == Tag::MD || (tag.is_verb() && self.word_is(index, AUXILIARIES));
        if !auxiliary {
            return false;
        }
        let mut next: usize = index + 1;
        while self.tag_is(next, Tag::is_adverb) {
            next += 1;
        }
        if tag == Tag::MD {
            return true;
        }
        self.tag_is(next, Tag::is_verb)
            || (self.tag(next) == Some(Tag::TO) && self.tag_is(next + 1, |t: Tag| t == Tag::VB))
            || (self.word_is(next, ABOUT) && self.tag(next + 1) == Some(Tag::TO))
    }

    /// `, (especially) by/with/in X` continuing a VP (not `according to`, not a clause).
    fn comma_pp_ahead(&self, index: usize) -> bool {
        let prep: usize = index + usize::from(self.tag_is(index, Tag::is_adverb));
        self.tag_is(prep, |t: Tag| matches!(t, Tag::IN | Tag::TO))
            && !self.word_is(prep, SUBORDINATORS)
            && !self.word_is(prep, ACCORDING)
            && (self.starts_np(prep + 1) || self.tag(prep + 1) == Some(Tag::VBG))
            && !self.subordinate_clause_ahead(prep)
    }

    /// A finite verb ahead before the next comma, colon or clause boundary.
    pub(crate) fn finite_verb_before_comma(&self, from: usize) -> bool {
        let mut index: usize = from;
        while let Some(tag) = self.tag(index) {
            if tag.is_finite() {
                return true;
            }
            if matches!(tag, Tag::Comma | Tag::Colon | Tag::CC) || index > from + 30 {
                return false;
            }
            index += 1;
        }
        false
    }

    /// `said [a raft of officials accused of X] would ...`: a subject NP with
    /// post-modifiers too long for [`Grammar::clause_ahead`], then its verb.
    fn long_subject_clause_ahead(&self, index: usize) -> bool {
        let Some(end) = self.np_span_guess(index) else {
            return false;
        };
        self.tag_is(end, |t: Tag| {
            matches!(t, Tag::VBN | Tag::VBG | Tag::WDT | Tag::WP | Tag::IN)
        }) && !self.word_is(end, SUBORDINATORS)
            && self.finite_verb_before_comma(end)
    }

    /// `(almost) five years after X happened`: an NP measuring a subordinate clause.
    pub(crate) fn time_clause_ahead(&self, index: usize) -> bool {
        let Some(end) = self.base_np_end(index) else {
            return false;
        };
        let measure: bool = end > index && self.word_is(end - 1, TIME_MEASURES);
        measure && self.word_is(end, TIME_LINKS) && self.clause_ahead(end + 1)
    }

    /// `(SBAR (NP five years) (IN after) (S ...))`.
    pub(crate) fn time_clause(&mut self, pos: &mut usize) {
        let mark: usize = self.arena.mark();
        if let Some(end) = self.base_np_end(*pos) {
            let np: usize = self.arena.mark();
            let count: usize = end - *pos;
            self.take(pos, count);
            self.arena.reduce("NP", np);
        }
        self.take(pos, 1);
        self.clause(pos);
        self.arena.reduce("SBAR", mark);
    }

    /// The predicate of a clause: a VP if one starts at `*pos`.
    pub(crate) fn predicate(&mut self, pos: &mut usize) {
        if self.tag_is(*pos, |t: Tag| t.is_verb() || t == Tag::MD || t == Tag::TO) {
            self.vp(pos);
        } else {
            while self.tag_is(*pos, Tag::is_adverb) {
                self.advp(pos);
            }
            if self.tag_is(*pos, |t: Tag| t.is_verb() || t == Tag::MD) {
                self.vp(pos);
            }
        }
    }

    /// A VP starting at `*pos` (a verb, modal or `to`).
    pub(crate) fn vp(&mut self, pos: &mut usize) {
        let mark: usize = self.arena.mark();
        if !self.enter() {
            self.leave();
            self.wrap_one("VP", pos);
            return;
        }
        self.verb_group(pos);
        // Coordination: "met X and signed Y", "met X, and signed Y".
        loop {
            let at: usize = *pos;
            let comma: usize = usize::from(self.tag(at) == Some(Tag::Comma));
            // ", but said ..." belongs to the outermost clause's verb, not to one
            // inside a complement clause.
            if comma == 1 && self.clause_level > 1 {
                break;
            }
            let is_coordination: bool = self.tag(at + comma) == Some(Tag::CC)
                && self.tag_is(at + comma + 1, |t: Tag| t.is_verb() || t == Tag::MD);
            if !is_coordination {
                break;
            }
            self.take(pos, comma + 1);
            self.verb_group(pos);
            self.arena.reduce("VP", mark);
        }
        self.leave();
    }

    /// One verb group with its complements, reduced to a VP.
    fn verb_group(&mut self, pos: &mut usize) {
        let mark: usize = self.arena.mark();
        let verb_index: usize = *pos;
        if self.tag(verb_index) == Some(Tag::TO) {
            self.take(pos, 1);
            if self.tag_is(*pos, Tag::is_verb) {
                self.vp(pos);
            } else {
                self.complements(pos, verb_index);
            }
            self.arena.reduce("VP", mark);
            return;
        }
        if self.is_auxiliary_chain(verb_index) {
            self.take(pos, 1);
            while self.tag_is(*pos, Tag::is_adverb) {
                if self.word_is(*pos, NEGATIONS) {
                    self.take(pos, 1);
                } else {
                    self.advp(pos);
                }
            }
            if self.word_is(*pos, ABOUT) && self.tag(*pos + 1) == Some(Tag::TO) {
                // "is about to restore": (VP (IN about) (S (VP (TO to) ...)))
                let about: usize = self.arena.mark();
                self.take(pos, 1);
                self.infinitive_clause(pos);
                self.arena.reduce("VP", about);
            } else if self.tag(*pos) == Some(Tag::TO) {
                self.infinitive_clause(pos);
            } else if self.tag_is(*pos, Tag::is_verb) {
                self.vp(pos);
            } else {
                self.complements(pos, verb_index);
            }
            self.arena.reduce("VP", mark);
            return;
        }
        self.take(pos, 1);
        self.complements(pos, verb_index);
        self.arena.reduce("VP", mark);
    }

    /// `(S (VP (TO to) (VP ...)))`.
    pub(crate) fn infinitive_clause(&mut self, pos: &mut usize) {
        let mark: usize = self.arena.mark();
        self.vp(pos);
        self.arena.reduce("S", mark);
    }

    /// `(SBAR [(IN that)] (S ...))` for a clause starting at `*pos` (after any complementizer).
    fn complement_clause(&mut self, pos: &mut usize, with_complementizer: bool) {
        let mark: usize = self.arena.mark();
        if with_complementizer {
            self.complementizer(pos);
        }
        self.clause(pos);
        self.arena.reduce("SBAR", mark);
    }

    /// `that`, `because`, ... as a leaf; `when`/`where` as `(WHADVP (WRB when))`.
    pub(crate) fn complementizer(&mut self, pos: &mut usize) {
        if self.tag(*pos) == Some(Tag::WRB) {
            self.wrap_one("WHADVP", pos);
        } else {
            self.take(pos, 1);
        }
    }

    /// "ready to help the two sides settle differences": after the object of a bare
    /// infinitive "to help" outside a subject, a present-tense verb (VBP, the base form)
    /// is help's complement, not a new predicate ("efforts to help the refugees remain
    /// stalled" is parsed as a subject and keeps its predicate).
    fn bare_infinitive_tagged_present(&self, verb_index: usize, at: usize) -> bool {
        self.tag(at) == Some(Tag::VBP)
            && !self.word_is(at, AUXILIARIES)
            && !self.in_subject
            && self.tag(verb_index) == Some(Tag::VB)
            && verb_index
                .checked_sub(1)
                .is_some_and(|to: usize| self.tag(to) == Some(Tag::TO))
    }

    /// A form of "help", the one verb that also takes a bare infinitive without an
    /// object.
    fn is_help(&self, index: usize) -> bool {
        self.words.get(index).is_some_and(|w: &&str| {
            w.get(..4)
                .is_some_and(|h: &str| h.eq_ignore_ascii_case("help"))
        }) && self.word_is(index, SMALL_CLAUSE_VERBS)
    }

    /// Objects and other complements of the verb at `verb_index`.
    fn complements(&mut self, pos: &mut usize, verb_index: usize) {
        let clause_verb: bool = self.word_is(verb_index, CLAUSE_VERBS);
        let mut objects: usize = 0;
        let mut guard: usize = 0;
        while guard < 24 {
            guard += 1;
            let at: usize = *pos;
            let Some(tag) = self.tag(at) else {
                return;
            };
            match tag {
                Tag::RP => self.wrap_one("PRT", pos),
                _ if clause_verb
                    && (self.clause_ahead(at) || self.long_subject_clause_ahead(at)) =>
                {
                    self.complement_clause(pos, false)
                }
                _ if self.subordinate_clause_ahead(at) => self.complement_clause(pos, true),
                Tag::WDT | Tag::WP | Tag::WRB
                    if self.tag_is(at + 1, |t: Tag| t.is_finite()) || self.clause_ahead(at + 1) =>
                {
                    let mark: usize = self.arena.mark();
                    let label: &'static str = if tag == Tag::WRB { "WHADVP" } else { "WHNP" };
                    self.wrap_one(label, pos);
                    self.clause(pos);
                    self.arena.reduce("SBAR", mark);
                }
                _ if self.time_clause_ahead(at) => self.time_clause(pos),
                Tag::Comma if self.time_clause_ahead(at + 1) => {
                    self.take(pos, 1);
                    self.time_clause(pos);
                }
                _ if objects < 2 && self.starts_np(at) => {
                    let object: usize = self.arena.mark();
                    self.np(pos, NpRole::Object);
                    objects += 1;
                    let bare: bool = self.word_is(verb_index, SMALL_CLAUSE_VERBS)
                        && (self.tag(*pos) == Some(Tag::VB)
                            || self.bare_infinitive_tagged_present(verb_index, *pos));
                    let to_infinitive: bool = self.tag(*pos) == Some(Tag::TO)
                        && self.tag(*pos + 1) == Some(Tag::VB)
                        && self.word_is(verb_index, OBJECT_CONTROL_VERBS);
                    if bare || to_infinitive {
                        // "helping young militants join ...", "urged Eriador to respond":
                        // (S (NP ...) (VP ...)).
                        self.vp(pos);
                        self.arena.reduce("S", object);
                    }
                }
                Tag::TO if self.tag_is(at + 1, |t: Tag| t == Tag::VB) => {
                    self.infinitive_clause(pos)
                }
                // "asked Moscow to help defend its territory": help + bare infinitive.
                Tag::VB if objects == 0 && self.is_help(verb_index) => self.vp(pos),
                Tag::IN | Tag::TO => {
                    if self.word_is(at, THAT) {
                        return;
                    }
                    self.pp(pos);
                }
                Tag::VBG => self.infinitive_clause(pos),
                Tag::JJ | Tag::JJR | Tag::JJS => self.adjp(pos),
                Tag::RB | Tag::RBR | Tag::RBS => {
                    if self.tag_is(at + 1, Tag::is_adjective) {
                        self.adjp(pos);
                    } else if self.time_clause_ahead(at) {
                        self.time_clause(pos);
                    } else {
                        self.advp(pos);
                    }
                }
                Tag::OpenQuote | Tag::CloseQuote => self.take(pos, 1),
                Tag::LeftParen => self.parenthetical(pos),
                Tag::Comma
                    if self.tag(at + 1) == Some(Tag::VBG) && !self.word_is(at + 1, ACCORDING) =>
                {
                    self.take(pos, 1);
                    self.infinitive_clause(pos);
                }
                Tag::Comma if self.comma_pp_ahead(at + 1) => {
                    self.take(pos, 1);
                    self.pp(pos);
                }
                _ => return,
            }
        }
    }
}
