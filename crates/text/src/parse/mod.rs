//! A deterministic rule parser from POS tags to CoreNLP-shaped phrase structure
//! (NP, VP, PP, SBAR, S, ADJP, ADVP, PRT, PRN under `(ROOT (S ...))`): a
//! recursive descent over the tag sequence with bounded, rolled-back lookahead.

mod arena;
mod clauses;
mod phrases;
mod verbs;
mod words;

use crate::tag::Tag;
use crate::tree::Tree;
use arena::Arena;
use words::{WordList, word_masks};

/// Nesting depth after which the parser stops building structure and attaches
/// the rest flat (keeps hostile input from exhausting the stack).
const MAX_DEPTH: usize = 48;

/// Work allowed per token before speculative parses are switched off.
const SPECULATION_STEPS_PER_TOKEN: usize = 24;

/// Reusable rule parser: keep one per thread.
#[derive(Clone, Debug, Default)]
pub struct Parser {
    arena: Arena,
    work: Vec<(u32, bool)>,
    /// Per token: the mask of the word lists holding it.
    masks: Vec<u32>,
}

/// Parses one tagged sentence into a fresh tree. `words` are the PTB forms that
/// become the tree's leaves; `tags` must be as long as `words` (extra entries
/// on either side are ignored).
pub fn parse_tags(words: &[&str], tags: &[Tag]) -> Tree {
    let mut tree: Tree = Tree::new();
    Parser::new().parse_into(words, tags, &mut tree);
    tree
}

impl Parser {
    /// A parser with empty buffers.
    pub fn new() -> Parser {
        Parser::default()
    }

    /// Parses a tagged sentence into `tree`, replacing its contents. An empty
    /// sentence gives an empty tree.
    pub fn parse_into(&mut self, words: &[&str], tags: &[Tag], tree: &mut Tree) {
        let len: usize = words.len().min(tags.len());
        tree.start_building();
        if len == 0 {
            return;
        }
        self.arena.clear();
        word_masks(&words[..len], &mut self.masks);
        let mut grammar: Grammar<'_> = Grammar {
            words: &words[..len],
            masks: &self.masks,
            tags: &tags[..len],
            arena: &mut self.arena,
            depth: 0,
            end: len,
            in_subject: false,
            clause_level: 0,
            steps: 0,
            budget: SPECULATION_STEPS_PER_TOKEN * len + 256,
        };
        grammar.sentence();
        let Some(&root) = self.arena.stack.last() else {
            return;
        };
        self.arena
            .emit(root, &words[..len], &tags[..len], tree, &mut self.work);
        tree.finish_building();
    }
}

/// Parsing state for one sentence.
pub(crate) struct Grammar<'a> {
    pub(crate) words: &'a [&'a str],
    /// Per token: the mask of the word lists holding it (see `words`).
    pub(crate) masks: &'a [u32],
    pub(crate) tags: &'a [Tag],
    pub(crate) arena: &'a mut Arena,
    pub(crate) depth: usize,
    /// Tokens at or after `end` are invisible: the window of the constituent
    /// being parsed (e.g. the quoted clause before ", the ministry said").
    pub(crate) end: usize,
    /// Parsing a clause's subject (its verb not yet seen).
    pub(crate) in_subject: bool,
    /// How many clauses enclose the current position.
    pub(crate) clause_level: usize,
    /// NPs parsed so far, including speculative parses that were rolled back.
    pub(crate) steps: usize,
    /// Past this many steps no more speculation: keeps the parse linear on
    /// pathological input ("the man of X , the man of X , ..." × 100).
    pub(crate) budget: usize,
}

impl Grammar<'_> {
    /// End of the visible window.
    pub(crate) fn len(&self) -> usize {
        self.end
    }

    /// The tag at `index`, `None` at or past the window end.
    pub(crate) fn tag(&self, index: usize) -> Option<Tag> {
        if index >= self.end {
            return None;
        }
        self.tags.get(index).copied()
    }

    /// Whether the tag at `index` satisfies `test`.
    pub(crate) fn tag_is(&self, index: usize, test: impl Fn(Tag) -> bool) -> bool {
        self.tag(index).is_some_and(test)
    }

    /// Whether the word at `index` is in `list` (ASCII case-insensitive).
    pub(crate) fn word_is(&self, index: usize, list: WordList) -> bool {
        index < self.end
            && self
                .masks
                .get(index)
                .is_some_and(|mask: &u32| mask & list.bit != 0)
    }

    /// Pushes `count` tokens from `*pos` as leaves.
    pub(crate) fn take(&mut self, pos: &mut usize, count: usize) {
        for _ in 0..count {
            if *pos < self.len() {
                self.arena.leaf(*pos);
                *pos += 1;
            }
        }
    }

    /// Pushes `(label (tag word))`.
    pub(crate) fn wrap_one(&mut self, label: &'static str, pos: &mut usize) {
        let mark: usize = self.arena.mark();
        self.take(pos, 1);
        self.arena.reduce(label, mark);
    }

    /// Enters a nested constituent; `false` when too deep (the caller then
    /// attaches tokens flat).
    pub(crate) fn enter(&mut self) -> bool {
        self.depth += 1;
        self.depth <= MAX_DEPTH
    }

    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Whether a parse that may be rolled back is still affordable.
    pub(crate) fn may_speculate(&self) -> bool {
        self.steps < self.budget
    }
}

#[cfg(test)]
mod tests;
