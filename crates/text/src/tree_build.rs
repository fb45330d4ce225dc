//! Building a [`Tree`] directly, node by node in pre-order, without going through
//! bracketed text (the front end's parser uses this; labels and words are copied
//! into the tree's buffer, so nothing else is allocated once buffers have grown).

use crate::tree::{Node, NodeId, Tree};

impl Tree {
    /// Starts building a new tree in place: clears the tree, keeping capacity.
    /// Follow with [`Tree::open_phrase`], [`Tree::push_leaf`] and [`Tree::close_phrase`].
    pub fn start_building(&mut self) {
        self.clear();
    }

    /// Opens a phrase node labelled `label` under the innermost open phrase.
    pub fn open_phrase(&mut self, label: &str) {
        let parent: Option<NodeId> = self.scratch.open.last().copied();
        let id: NodeId = NodeId(self.nodes.len() as u32);
        let label_start: u32 = self.buf.len() as u32;
        self.buf.push_str(label);
        let depth: usize = self.scratch.open.len();
        let mut node: Node = Node::new(label_start, self.buf.len() as u32, parent, depth);
        node.first_leaf = self.leaves.len() as u32;
        self.nodes.push(node);
        self.scratch.open.push(id);
    }

    /// Adds a preterminal `(tag word)` under the innermost open phrase. An empty
    /// word is stored as `-NONE-` so that the node stays a preterminal.
    pub fn push_leaf(&mut self, tag: &str, word: &str) {
        let parent: Option<NodeId> = self.scratch.open.last().copied();
        let id: NodeId = NodeId(self.nodes.len() as u32);
        let label_start: u32 = self.buf.len() as u32;
        self.buf.push_str(tag);
        let depth: usize = self.scratch.open.len();
        let mut node: Node = Node::new(label_start, self.buf.len() as u32, parent, depth);
        node.word_start = self.buf.len() as u32;
        self.buf
            .push_str(if word.is_empty() { "-NONE-" } else { word });
        node.word_end = self.buf.len() as u32;
        node.first_leaf = self.leaves.len() as u32;
        self.leaves.push(id);
        node.leaf_end = self.leaves.len() as u32;
        node.end = id.0 + 1;
        self.nodes.push(node);
    }

    /// Closes the innermost open phrase. Does nothing when no phrase is open.
    pub fn close_phrase(&mut self) {
        let Some(id) = self.scratch.open.pop() else {
            return;
        };
        let end: u32 = self.nodes.len() as u32;
        let leaf_end: u32 = self.leaves.len() as u32;
        let node: &mut Node = &mut self.nodes[id.index()];
        node.end = end;
        node.leaf_end = leaf_end;
    }

    /// Closes every phrase still open.
    pub fn finish_building(&mut self) {
        while !self.scratch.open.is_empty() {
            self.close_phrase();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Tree, parse_ptb};

    #[test]
    fn builds_the_same_tree_as_the_reader() {
        let mut tree: Tree = Tree::new();
        tree.start_building();
        tree.open_phrase("ROOT");
        tree.open_phrase("S");
        tree.open_phrase("NP");
        tree.push_leaf("NNP", "Arnor");
        tree.close_phrase();
        tree.open_phrase("VP");
        tree.push_leaf("VBD", "left");
        tree.close_phrase();
        tree.push_leaf(".", ".");
        tree.finish_building();
        let expected: Tree =
            parse_ptb("(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .)))").expect("parses");
        assert_eq!(tree, expected);
        assert_eq!(tree.leaf_range(tree.root()), 0..3);
    }
}
