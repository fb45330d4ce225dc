//! An arena Penn Treebank tree: one label/word buffer, flat node and child arrays.
//!
//! Built by [`crate::parse_ptb`] / [`Tree::parse_into`]. All storage is reused by
//! `parse_into`, so parsing a stream of sentences into one `Tree` allocates only
//! while the buffers are still growing.

use std::fmt::Write as _;
use std::ops::Range;

/// Index of a node in its [`Tree`]. Ids are assigned in pre-order, so the root is
/// `NodeId(0)` and a node's descendants have larger ids than the node itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub u32);

impl NodeId {
    /// The id as a `usize` index.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Marks "no parent" in [`Node::parent`].
pub(crate) const NO_PARENT: u32 = u32::MAX;

/// One constituent or preterminal. Strings live in the tree's buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Node {
    pub(crate) label_start: u32,
    pub(crate) label_end: u32,
    /// `word_start == word_end` means no word (words are never empty).
    pub(crate) word_start: u32,
    pub(crate) word_end: u32,
    pub(crate) parent: u32,
    /// One past the last descendant: ids are pre-order, so the subtree is
    /// `id .. end` and the next sibling (if any) is `end`. Children need no list.
    pub(crate) end: u32,
    /// Tokens covered: `leaves[first_leaf .. leaf_end]`.
    pub(crate) first_leaf: u32,
    pub(crate) leaf_end: u32,
    /// Number of ancestors (0 for the root).
    pub(crate) depth: u32,
}

impl Node {
    pub(crate) fn new(
        label_start: u32,
        label_end: u32,
        parent: Option<NodeId>,
        depth: usize,
    ) -> Node {
        Node {
            label_start,
            label_end,
            word_start: 0,
            word_end: 0,
            parent: parent.map_or(NO_PARENT, |p| p.0),
            end: 0,
            first_leaf: 0,
            leaf_end: 0,
            depth: depth as u32,
        }
    }
}

/// Scratch stack used while parsing; kept in the tree so it is reused.
#[derive(Clone, Debug, Default)]
pub(crate) struct Scratch {
    /// Open phrase nodes, outermost first.
    pub(crate) open: Vec<NodeId>,
}

/// A parsed Penn Treebank tree.
///
/// A preterminal such as `(NNP Arnor)` is a single node with label `NNP` and word
/// `Arnor`; its position in [`Tree::leaves`] is its token index. Traces such as
/// `(-NONE- *T*-1)` are ordinary preterminals and count as tokens.
///
/// Accessors index like slices: they panic on a [`NodeId`] that is out of range
/// for this tree (ids from [`Tree::root`], [`Tree::children`], [`Tree::leaves`] and
/// [`Tree::node_ids`] of the same tree are always valid).
#[derive(Clone, Debug, Default)]
pub struct Tree {
    /// All labels and words, concatenated.
    pub(crate) buf: String,
    pub(crate) nodes: Vec<Node>,
    pub(crate) leaves: Vec<NodeId>,
    pub(crate) scratch: Scratch,
}

impl PartialEq for Tree {
    fn eq(&self, other: &Tree) -> bool {
        // Compare structure and strings, not buffer layout or scratch space.
        self.nodes.len() == other.nodes.len()
            && self.leaves == other.leaves
            && self.node_ids().all(|id: NodeId| {
                self.label(id) == other.label(id)
                    && self.word(id) == other.word(id)
                    && self.parent(id) == other.parent(id)
                    && self.node(id).end == other.node(id).end
            })
    }
}

impl Eq for Tree {}

impl Tree {
    /// An empty tree (no nodes), ready for [`Tree::parse_into`].
    pub fn new() -> Tree {
        Tree::default()
    }

    /// Removes all nodes, keeping allocated capacity.
    pub fn clear(&mut self) {
        self.buf.clear();
        self.nodes.clear();
        self.leaves.clear();
        self.scratch.open.clear();
    }

    /// Whether the tree has no nodes (never true after a successful parse).
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// All node ids in pre-order (document order of their opening parens).
    pub fn node_ids(&self) -> impl ExactSizeIterator<Item = NodeId> + use<> {
        (0..self.nodes.len() as u32).map(NodeId)
    }

    /// The outermost node: `ROOT` for `(ROOT ...)`, the empty-label node for `( (S ...) )`.
    ///
    /// # Panics
    /// On an empty tree (see [`Tree::is_empty`]).
    pub fn root(&self) -> NodeId {
        assert!(!self.nodes.is_empty(), "root() of an empty Tree");
        NodeId(0)
    }

    /// The first real constituent: skips wrapper roots (label `ROOT`, `TOP` or empty)
    /// that have exactly one child which is not a preterminal.
    pub fn top(&self) -> NodeId {
        let mut id: NodeId = self.root();
        loop {
            let label: &str = self.label(id);
            let is_wrapper: bool = matches!(label, "" | "ROOT" | "TOP");
            let mut children = self.children(id);
            match (children.next(), children.next()) {
                (Some(only), None) if is_wrapper && !self.is_preterminal(only) => id = only,
                _ => return id,
            }
        }
    }

    fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// Full label, e.g. `NP-SBJ-1`, `NNP`, `-NONE-`, or `""` for a bare root.
    pub fn label(&self, id: NodeId) -> &str {
        let node: &Node = self.node(id);
        &self.buf[node.label_start as usize..node.label_end as usize]
    }

    /// Label without function tags or indices: `NP-SBJ-1` → `NP`, `NP=2` → `NP`.
    /// Labels starting with `-` (`-NONE-`, `-LRB-`) are returned whole.
    pub fn base_label(&self, id: NodeId) -> &str {
        base_label(self.label(id))
    }

    /// The word of a preterminal, `None` for phrase nodes.
    pub fn word(&self, id: NodeId) -> Option<&str> {
        let node: &Node = self.node(id);
        (node.word_end > node.word_start)
            .then(|| &self.buf[node.word_start as usize..node.word_end as usize])
    }

    /// Whether the node is a preterminal (label + word, no children).
    pub fn is_preterminal(&self, id: NodeId) -> bool {
        let node: &Node = self.node(id);
        node.word_end > node.word_start
    }

    /// Children in order (none for preterminals): the first is `id + 1`, each next
    /// one starts where the previous subtree ends.
    pub fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let end: u32 = self.node(id).end;
        let mut next: u32 = id.0 + 1;
        std::iter::from_fn(move || {
            let child: u32 = next;
            if child >= end {
                return None;
            }
            next = self
                .nodes
                .get(child as usize)
                .map_or(end, |node: &Node| node.end);
            Some(NodeId(child))
        })
    }

    /// The parent, `None` for the root.
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        let parent: u32 = self.node(id).parent;
        (parent != NO_PARENT).then_some(NodeId(parent))
    }

    /// Parent, grandparent, ... up to the root (excluding `id` itself).
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), |&node: &NodeId| self.parent(node))
    }

    /// Preterminals in sentence order; the index of each is its token index.
    pub fn leaves(&self) -> &[NodeId] {
        &self.leaves
    }

    /// Words in sentence order.
    pub fn words(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.leaves
            .iter()
            .map(|&leaf: &NodeId| self.word(leaf).unwrap_or_default())
    }

    /// Words in sentence order as UTF-8 bytes: for readers that test bytes, without
    /// the UTF-8 boundary checks of [`Tree::words`] (a word's ends are always at
    /// boundaries, so the bytes are valid UTF-8).
    pub fn word_bytes(&self) -> impl ExactSizeIterator<Item = &[u8]> + '_ {
        let buf: &[u8] = self.buf.as_bytes();
        self.leaves.iter().map(move |&leaf: &NodeId| {
            self.nodes
                .get(leaf.index())
                .and_then(|node: &Node| buf.get(node.word_start as usize..node.word_end as usize))
                .unwrap_or_default()
        })
    }

    /// Every node in pre-order (id order) with its parent, label bytes and kind: one
    /// pass over the arena for consumers that flatten the whole tree, without a
    /// lookup and a UTF-8 boundary check per node and field.
    pub fn preorder(&self) -> impl ExactSizeIterator<Item = PreorderNode<'_>> + '_ {
        let buf: &[u8] = self.buf.as_bytes();
        self.nodes
            .iter()
            .enumerate()
            .map(move |(i, node): (usize, &Node)| PreorderNode {
                id: NodeId(i as u32),
                parent: (node.parent != NO_PARENT).then_some(NodeId(node.parent)),
                label: buf
                    .get(node.label_start as usize..node.label_end as usize)
                    .unwrap_or_default(),
                preterminal: node.word_end > node.word_start,
                depth: node.depth,
                end: node.end,
                first_leaf: node.first_leaf,
                leaf_end: node.leaf_end,
            })
    }

    /// Token indices covered by the node: `first..last + 1`.
    pub fn leaf_range(&self, id: NodeId) -> Range<usize> {
        let node: &Node = self.node(id);
        node.first_leaf as usize..node.leaf_end as usize
    }

    /// Prints the tree on one line, e.g. `(ROOT (S (NP (NNP Arnor)) (VP (VBZ is))))`.
    /// Parsing the result gives an equal tree.
    pub fn to_bracketed(&self) -> String {
        let mut out: String = String::with_capacity(self.buf.len() + 4 * self.nodes.len());
        if !self.nodes.is_empty() {
            self.write_bracketed(self.root(), &mut out);
        }
        out
    }

    /// Appends the bracketed form of the subtree at `id` to `out`.
    pub fn write_bracketed(&self, id: NodeId, out: &mut String) {
        out.push('(');
        out.push_str(self.label(id));
        if let Some(word) = self.word(id) {
            out.push(' ');
            out.push_str(word);
        }
        for child in self.children(id) {
            out.push(' ');
            self.write_bracketed(child, out);
        }
        out.push(')');
    }

    /// An indented multi-line rendering, for debugging and test failure messages.
    pub fn to_pretty(&self) -> String {
        let mut out: String = String::new();
        if !self.nodes.is_empty() {
            self.write_pretty(self.root(), 0, &mut out);
        }
        out
    }

    fn write_pretty(&self, id: NodeId, depth: usize, out: &mut String) {
        let _ = write!(out, "{:indent$}({}", "", self.label(id), indent = depth * 2);
        if let Some(word) = self.word(id) {
            let _ = write!(out, " {word})");
            out.push('\n');
            return;
        }
        out.push('\n');
        for child in self.children(id) {
            self.write_pretty(child, depth + 1, out);
        }
        let _ = writeln!(out, "{:indent$})", "", indent = depth * 2);
    }
}

/// One node as [`Tree::preorder`] yields it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PreorderNode<'t> {
    pub id: NodeId,
    pub parent: Option<NodeId>,
    /// The label's bytes (UTF-8, as [`Tree::label`]).
    pub label: &'t [u8],
    /// Whether the node is a preterminal (label and word, no children).
    pub preterminal: bool,
    /// Number of ancestors (0 for the root).
    pub depth: u32,
    /// One past the id of the last descendant (`id + 1` for a preterminal).
    pub end: u32,
    /// Tokens covered: `first_leaf .. leaf_end`, as [`Tree::leaf_range`].
    pub first_leaf: u32,
    pub leaf_end: u32,
}

/// See [`Tree::base_label`].
pub fn base_label(label: &str) -> &str {
    let bytes: &[u8] = label.as_bytes();
    if bytes.first() == Some(&b'-') {
        return label;
    }
    // A byte search: the two-char pattern searcher costs several times as much on
    // these few-byte labels, and span rules ask for them per word.
    match bytes.iter().position(|&b: &u8| b == b'-' || b == b'=') {
        Some(cut) => label.get(..cut).unwrap_or(label),
        None => label,
    }
}
