//! The parser's working tree: nodes in one reusable arena, children as linked
//! lists, built bottom-up from a stack of finished constituents. Speculative
//! parses roll back by truncating the arena and the stack.

use crate::tag::Tag;
use crate::tree::Tree;

/// "No node / no token".
pub(crate) const NONE: u32 = u32::MAX;

/// One constituent or token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PNode {
    pub(crate) label: &'static str,
    /// Token index for a preterminal, `NONE` for a phrase.
    pub(crate) token: u32,
    pub(crate) first_child: u32,
    pub(crate) next_sibling: u32,
}

/// Arena plus the stack of finished constituents waiting for a parent.
#[derive(Clone, Debug, Default)]
pub(crate) struct Arena {
    pub(crate) nodes: Vec<PNode>,
    pub(crate) stack: Vec<u32>,
}

/// A point to roll back to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Checkpoint {
    nodes: usize,
    stack: usize,
}

impl Arena {
    pub(crate) fn clear(&mut self) {
        self.nodes.clear();
        self.stack.clear();
    }

    pub(crate) fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            nodes: self.nodes.len(),
            stack: self.stack.len(),
        }
    }

    pub(crate) fn rollback(&mut self, checkpoint: Checkpoint) {
        self.nodes.truncate(checkpoint.nodes);
        self.stack.truncate(checkpoint.stack);
    }

    /// Pushes a preterminal for token `token` onto the stack.
    pub(crate) fn leaf(&mut self, token: usize) {
        let id: u32 = self.nodes.len() as u32;
        self.nodes.push(PNode {
            label: "",
            token: token as u32,
            first_child: NONE,
            next_sibling: NONE,
        });
        self.stack.push(id);
    }

    /// Stack height, to mark where a constituent's children begin.
    pub(crate) fn mark(&self) -> usize {
        self.stack.len()
    }

    /// Replaces the stack entries above `mark` by one phrase holding them.
    /// Does nothing when there are none (phrases are never empty).
    pub(crate) fn reduce(&mut self, label: &'static str, mark: usize) {
        if self.stack.len() <= mark {
            return;
        }
        let id: u32 = self.nodes.len() as u32;
        let first: u32 = self.stack[mark];
        for pair in mark..self.stack.len() - 1 {
            let (this, next) = (self.stack[pair], self.stack[pair + 1]);
            self.nodes[this as usize].next_sibling = next;
        }
        if let Some(&last) = self.stack.last() {
            self.nodes[last as usize].next_sibling = NONE;
        }
        self.nodes.push(PNode {
            label,
            token: NONE,
            first_child: first,
            next_sibling: NONE,
        });
        self.stack.truncate(mark);
        self.stack.push(id);
    }

    /// Label of the constituent on top of the stack, if any.
    pub(crate) fn top_label(&self) -> Option<&'static str> {
        self.stack
            .last()
            .map(|&id: &u32| self.nodes[id as usize].label)
    }

    /// Writes the constituent `id` into `tree` (pre-order, explicit stack).
    /// `work` is scratch space (reused to avoid allocation).
    pub(crate) fn emit(
        &self,
        root: u32,
        words: &[&str],
        tags: &[Tag],
        tree: &mut Tree,
        work: &mut Vec<(u32, bool)>,
    ) {
        // (node, entering) pairs; phrases are closed when popped with entering=false.
        work.clear();
        work.push((root, true));
        while let Some((id, entering)) = work.pop() {
            if !entering {
                tree.close_phrase();
                continue;
            }
            let node: PNode = self.nodes[id as usize];
            if node.token != NONE {
                let index: usize = node.token as usize;
                let tag: &str = tags.get(index).map_or("NN", |tag: &Tag| tag.as_str());
                tree.push_leaf(tag, words.get(index).copied().unwrap_or("-NONE-"));
                continue;
            }
            tree.open_phrase(node.label);
            work.push((id, false));
            let start: usize = work.len();
            let mut child: u32 = node.first_child;
            while child != NONE {
                work.push((child, true));
                child = self.nodes[child as usize].next_sibling;
            }
            work[start..].reverse();
        }
    }
}
