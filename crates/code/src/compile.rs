//! Compile the dictionary AST (annalist-dict) into flat matchers: every dictionary word
//! is interned once, phrases become `u32` sequences keyed by their first word, and
//! verb patterns become element lists ordered from the verb outwards.

use std::collections::HashMap;
use std::sync::Arc;

use annalist_dict::{
    AgentPosition, DateRestriction, Dictionaries, DiscardScope, IssueAction, PatternToken,
    Phrase, VerbCode, VerbDialect,
};

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
        }
    }
    pub(crate) fn word_count(&self) -> usize {
        self.rest.len() + 1
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ActorInfo {
    pub(crate) codes: Vec<(DateRestriction, Box<str>)>,
    pub(crate) origin: Origin,
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

/// A discard or issue phrase matched against the sentence text.
#[derive(Debug, Clone)]
pub(crate) struct TextPhrase {
    pub(crate) words: Vec<Box<str>>,
    pub(crate) exact: bool,
}

#[derive(Debug, Clone)]
pub(crate) enum IssueKind {
    Code(Box<str>),
    Ignore,
}

/// The compiled dictionaries.
#[derive(Debug, Default)]
pub(crate) struct Compiled {
    pub(crate) vocab: Vocab,
    /// Actor names keyed by first word, longest first.
    pub(crate) actors: HashMap<u32, Vec<NamePat>>,
    pub(crate) actor_info: Vec<ActorInfo>,
    /// Agent names keyed by first word, in file order.
    pub(crate) agents: HashMap<u32, Vec<NamePat>>,
    pub(crate) agent_info: Vec<AgentInfo>,
    /// Verb forms keyed by anchor word.
    pub(crate) verbs: HashMap<u32, Vec<VerbForm>>,
    /// Pattern ids of each verb group (verbs sharing a primary verb).
    pub(crate) groups: Vec<Vec<u32>>,
    pub(crate) patterns: Vec<CPattern>,
    /// Synset members as word sequences.
    pub(crate) synsets: Vec<Vec<Box<[u32]>>>,
    pub(crate) discards: Vec<(TextPhrase, bool)>,
    pub(crate) issues: Vec<(TextPhrase, IssueKind)>,
    pub(crate) dialect: VerbDialect,
}

fn intern_phrase(vocab: &mut Vocab, p: &Phrase) -> Vec<u32> {
    p.words.iter().map(|w| vocab.intern(w)).collect()
}

impl Compiled {
    pub(crate) fn build(d: &Dictionaries) -> Compiled {
        let mut c: Compiled = Compiled {
            dialect: d.verbs.dialect,
            ..Compiled::default()
        };
        c.build_actors(d);
        c.build_agents(d);
        c.build_synsets(d);
        c.build_verbs(d);
        for e in &d.discards.entries {
            let words: Vec<Box<str>> = e.phrase.words.iter().map(|w| w.as_str().into()).collect();
            if !words.is_empty() {
                c.discards.push((
                    TextPhrase {
                        words,
                        exact: e.phrase.exact,
                    },
                    e.scope == DiscardScope::Story,
                ));
            }
        }
        if let Some(issues) = &d.issues {
            for e in &issues.entries {
                let kind: IssueKind = match &e.action {
                    IssueAction::Code(code) => IssueKind::Code(code.as_str().into()),
                    IssueAction::Ignore(_) => IssueKind::Ignore,
                };
                for f in &e.forms {
                    if f.words.is_empty() {
                        continue;
                    }
                    c.issues.push((
                        TextPhrase {
                            words: f.words.iter().map(|w| w.as_str().into()).collect(),
                            exact: true,
                        },
                        kind.clone(),
                    ));
                }
            }
        }
        c
    }

    fn build_actors(&mut self, d: &Dictionaries) {
        for entry in &d.actors.entries {
            let target: u32 = u32::try_from(self.actor_info.len()).unwrap_or(u32::MAX);
            let codes: Vec<(DateRestriction, Box<str>)> = entry
                .codes
                .iter()
                .map(|ac| (ac.restriction, ac.codes.join("/").into_boxed_str()))
                .collect();
            let origin: Origin = Origin {
                file: entry.loc.file.clone(),
                line: entry.loc.line,
                text: entry.primary().map(|n| n.raw.clone()).unwrap_or_default(),
            };
            self.actor_info.push(ActorInfo { codes, origin });
            for name in &entry.names {
                if name.phrase.is_empty() {
                    continue;
                }
                let ids: Vec<u32> = intern_phrase(&mut self.vocab, &name.phrase);
                let pat: NamePat = NamePat::new(&ids, &name.phrase, target);
                self.actors.entry(ids[0]).or_default().push(pat);
            }
        }
        for list in self.actors.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.word_count()));
        }
    }

    fn build_agents(&mut self, d: &Dictionaries) {
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
                self.agents.entry(ids[0]).or_default().push(pat);
            }
        }
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
                        if let Some(&j) = index.get(r.as_str()) {
                            if !seen.contains(&j) {
                                seen.push(j);
                                todo.push(j);
                            }
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
        let mut group_of: HashMap<String, u32> = HashMap::new();
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
                    self.verbs.entry(ids[vi]).or_default().push(VerbForm {
                        before: before.into(),
                        after: after.into(),
                        group,
                        code: code.clone(),
                        origin: origin.clone(),
                    });
                }
            }
        }
        // Multi-word forms are tried before single words.
        for list in self.verbs.values_mut() {
            list.sort_by_key(|f| std::cmp::Reverse(f.before.len() + f.after.len()));
        }
    }

    fn compile_pattern(
        &mut self,
        p: &annalist_dict::VerbPattern,
        synsets: &HashMap<&str, u32>,
    ) -> CPattern {
        let mut tok = |t: &PatternToken, vocab: &mut Vocab| -> PTok {
            match t {
                PatternToken::Word(w) => PTok::Word(vocab.intern(w)),
                PatternToken::Synset(s) => match synsets.get(s.as_str()) {
                    Some(&i) => PTok::Synset(i),
                    None => PTok::Unsupported,
                },
                PatternToken::Source => PTok::Source,
                PatternToken::Target => PTok::Target,
                PatternToken::Compound => PTok::Compound,
                PatternToken::Skip => PTok::Skip,
                _ => PTok::Unsupported,
            }
        };
        // The AST's `lower` is before the verb (in order), `upper` after it.
        let n: usize = p.lower.len();
        let mut before: Vec<PElem> = Vec::with_capacity(n);
        for j in 0..n {
            let e = &p.lower[n - 1 - j];
            before.push(PElem {
                tok: tok(&e.token, &mut self.vocab),
                adjacent: e.connected_after,
            });
        }
        let mut after: Vec<PElem> = Vec::with_capacity(p.upper.len());
        for (i, e) in p.upper.iter().enumerate() {
            let adjacent: bool = if i == 0 {
                p.verb_connected_after
            } else {
                p.upper[i - 1].connected_after
            };
            after.push(PElem {
                tok: tok(&e.token, &mut self.vocab),
                adjacent,
            });
        }
        CPattern {
            code: EvCode::from_verb_code(&p.code),
            before,
            after,
            origin: Origin {
                file: p.loc.file.clone(),
                line: p.loc.line,
                text: p.raw.clone(),
            },
        }
    }
}
