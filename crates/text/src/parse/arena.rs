//! The parser's working tree: nodes in one reusable arena, each phrase's children
//! a run of one shared child array, built bottom-up from a stack of finished
//! constituents. Speculative parses roll back by truncating the arena and the stack.

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
    /// A phrase's children are `children[first_child .. first_child + child_count]`.
    pub(crate) first_child: u32,
    pub(crate) child_count: u32,
}

/// Arena plus the stack of finished constituents waiting for a parent.
#[derive(Clone, Debug, Default)]
pub(crate) struct Arena {
    pub(crate) nodes: Vec<PNode>,
    pub(crate) stack: Vec<u32>,
    /// Child ids of all phrases, one run per phrase (copied from the stack on reduce).
    pub(crate) children: Vec<u32>,
}

/// A point to roll back to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Checkpoint {
    nodes: usize,
    stack: usize,
    children: usize,
}

impl Arena {
    pub(crate) fn clear(&mut self) {
        self.nodes.clear();
        self.stack.clear();
        self.children.clear();
    }

    pub(crate) fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            nodes: self.nodes.len(),
            stack: self.stack.len(),
            children: self.children.len(),
        }
    }

    pub(crate) fn rollback(&mut self, checkpoint: Checkpoint) {
        self.nodes.truncate(checkpoint.nodes);
        self.stack.truncate(checkpoint.stack);
        self.children.truncate(checkpoint.children);
    }

    /// Pushes a preterminal for token `token` onto the stack.
    pub(crate) fn leaf(&mut self, token: usize) {
        let id: u32 = self.nodes.len() as u32;
        self.nodes.push(PNode {
            label: "",
            token: token as u32,
            first_child: 0,
            child_count: 0,
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
        let first_child: u32 = self.children.len() as u32;
        self.children.extend_from_slice(&self.stack[mark..]);
        self.nodes.push(PNode {
            label,
            token: NONE,
            first_child,
            child_count: (self.stack.len() - mark) as u32,
        });
        self.stack.truncate(mark);
        self.stack.push(id);
    }

    /// The child ids of phrase `id` (empty for a preterminal).
    pub(crate) fn children_of(&self, id: u32) -> &[u32] {
        let node: &PNode = &self.nodes[id as usize];
        let first: usize = node.first_child as usize;
        self.children
            .get(first..first + node.child_count as usize)
            .unwrap_or_default()
    }

    /// Pushes the children of phrase `id` onto the stack (splicing the phrase out).
    pub(crate) fn push_children_of(&mut self, id: u32) {
        let node: PNode = self.nodes[id as usize];
        let first: usize = node.first_child as usize;
        if let Some(children) = self.children.get(first..first + node.child_count as usize) {
            self.stack.extend_from_slice(children);
        }
    }

    /// Label of the constituent on top of the stack, if any.
    pub(crate) fn top_label(&self) -> Option<&'static str> {
        self.stack
            .last()
            .map(|&id: &u32| self.nodes[id as usize].label)
    }

    /// Writes the constituent `root` into `tree` (pre-order, explicit stack).
    /// `work` is scratch space (reused to avoid allocation): open phrases with the
    /// position of their next child.
    pub(crate) fn emit(
        &self,
        root: u32,
        words: &[&str],
        tags: &[Tag],
        tree: &mut Tree,
        work: &mut Vec<(u32, u32)>,
    ) {
        work.clear();
        if self.open(root, words, tags, tree) {
            work.push((root, 0));
        }
        while let Some(&mut (id, ref mut next)) = work.last_mut() {
            let Some(&child) = self.children_of(id).get(*next as usize) else {
                tree.close_phrase();
                work.pop();
                continue;
            };
            *next += 1;
            if self.open(child, words, tags, tree) {
                work.push((child, 0));
            }
        }
    }

    /// Writes a preterminal whole, or opens a phrase (`true`: its children follow).
    fn open(&self, id: u32, words: &[&str], tags: &[Tag], tree: &mut Tree) -> bool {
        let node: &PNode = &self.nodes[id as usize];
        if node.token != NONE {
            let index: usize = node.token as usize;
            let tag: &str = tags.get(index).map_or("NN", |tag: &Tag| tag.as_str());
            tree.push_leaf(tag, words.get(index).copied().unwrap_or("-NONE-"));
            return false;
        }
        tree.open_phrase(node.label);
        true
    }
}
