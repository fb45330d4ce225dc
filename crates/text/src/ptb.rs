//! Reader for bracketed Penn Treebank trees (`(ROOT (S (NP (NNP Arnor)) ...))`).
//!
//! A single forward pass over the bytes with explicit stacks: no recursion, so
//! hostile input cannot overflow the call stack, and no panics on any input.

use std::fmt;

use crate::tree::{NO_PARENT, Node, NodeId, Tree};

/// Deepest nesting accepted. Real parses stay far below this; the limit keeps
/// recursive consumers of [`Tree`] (printers, coders) safe from hostile input.
pub const MAX_DEPTH: usize = 512;

/// What went wrong while reading a tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeErrorKind {
    /// The input holds nothing but whitespace.
    Empty,
    /// The input does not start with `(`.
    ExpectedOpenParen,
    /// The input ended while constituents were still open.
    MissingCloseParen,
    /// Text follows the closing paren of the outermost node.
    TrailingGarbage,
    /// A word appears where only `(` or `)` may: a leaf without a label.
    LeafWithoutLabel,
    /// A preterminal `(TAG word ...)` holds more than one word.
    ExtraWord,
    /// A preterminal `(TAG word (...))` also has children.
    WordWithChildren,
    /// `(LABEL)` or `()`: a node with neither word nor children.
    EmptyConstituent,
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Input longer than `u32::MAX` bytes.
    TooLarge,
}

impl TreeErrorKind {
    /// A human-readable description.
    pub fn message(self) -> &'static str {
        match self {
            TreeErrorKind::Empty => "empty tree",
            TreeErrorKind::ExpectedOpenParen => "expected '(' at the start of a tree",
            TreeErrorKind::MissingCloseParen => "unbalanced parentheses: missing ')'",
            TreeErrorKind::TrailingGarbage => "unexpected text after the end of the tree",
            TreeErrorKind::LeafWithoutLabel => "leaf without label (word outside a preterminal)",
            TreeErrorKind::ExtraWord => "preterminal has more than one word",
            TreeErrorKind::WordWithChildren => "preterminal has both a word and children",
            TreeErrorKind::EmptyConstituent => "constituent with neither word nor children",
            TreeErrorKind::TooDeep => "tree nested too deeply",
            TreeErrorKind::TooLarge => "tree text longer than 4 GiB",
        }
    }
}

/// A tree that could not be read: what and where (byte offset into the input).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TreeError {
    /// Byte offset into the parsed text where the problem was found.
    pub offset: usize,
    /// What went wrong.
    pub kind: TreeErrorKind,
}

impl TreeError {
    /// A human-readable description (without the offset).
    pub fn message(&self) -> &'static str {
        self.kind.message()
    }
}

impl fmt::Display for TreeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.kind.message(), self.offset)
    }
}

impl std::error::Error for TreeError {}

/// Parses one bracketed tree. See [`Tree::parse_into`] to reuse buffers.
pub fn parse_ptb(src: &str) -> Result<Tree, TreeError> {
    let mut tree: Tree = Tree::new();
    tree.parse_into(src)?;
    Ok(tree)
}

/// ASCII whitespace separates tokens; other bytes (including UTF-8) belong to tokens.
const fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Bytes that end a label or word.
const DELIMITER: [bool; 256] = {
    let mut table: [bool; 256] = [false; 256];
    let mut byte: usize = 0;
    while byte < 256 {
        table[byte] = is_space(byte as u8) || byte == b'(' as usize || byte == b')' as usize;
        byte += 1;
    }
    table
};

/// Whitespace bytes, as a table: a lookup is cheaper than six comparisons.
const SPACE: [bool; 256] = {
    let mut table: [bool; 256] = [false; 256];
    let mut byte: usize = 0;
    while byte < 256 {
        table[byte] = is_space(byte as u8);
        byte += 1;
    }
    table
};

fn skip_space(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(&b) = bytes.get(pos)
        && SPACE[b as usize]
    {
        pos += 1;
    }
    pos
}

fn token_end(bytes: &[u8], mut pos: usize) -> usize {
    // Eight bytes per bounds check (the loop over the array unrolls): most labels
    // and words end within the first eight.
    while let Some(chunk) = bytes
        .get(pos..pos + 8)
        .and_then(|chunk: &[u8]| <&[u8; 8]>::try_from(chunk).ok())
    {
        for (i, &b) in chunk.iter().enumerate() {
            if DELIMITER[b as usize] {
                return pos + i;
            }
        }
        pos += 8;
    }
    while let Some(&b) = bytes.get(pos)
        && !DELIMITER[b as usize]
    {
        pos += 1;
    }
    pos
}

fn fail(offset: usize, kind: TreeErrorKind) -> Result<(), TreeError> {
    Err(TreeError { offset, kind })
}

/// The open phrases while reading: the innermost one and how many there are. The
/// nodes' parent links are the stack of open phrases, so none is kept apart.
struct OpenPhrases {
    /// Id of the innermost open phrase, [`NO_PARENT`] when none is open.
    innermost: u32,
    depth: usize,
}

impl Tree {
    /// Parses `src` into this tree, replacing its contents and reusing its buffers.
    /// On error the tree is left empty.
    pub fn parse_into(&mut self, src: &str) -> Result<(), TreeError> {
        self.clear();
        let result: Result<(), TreeError> = self.parse_nodes(src);
        if result.is_err() {
            self.clear();
        }
        result
    }

    fn parse_nodes(&mut self, src: &str) -> Result<(), TreeError> {
        let bytes: &[u8] = src.as_bytes();
        if bytes.len() >= u32::MAX as usize {
            return fail(0, TreeErrorKind::TooLarge);
        }
        // Labels and words are slices of the source: copy it once, whole, and point
        // into the copy (one memcpy instead of two small ones per node).
        self.buf.push_str(src);
        let mut pos: usize = skip_space(bytes, 0);
        if pos == bytes.len() {
            return fail(pos, TreeErrorKind::Empty);
        }
        if bytes[pos] != b'(' {
            return fail(pos, TreeErrorKind::ExpectedOpenParen);
        }
        let mut open: OpenPhrases = OpenPhrases {
            innermost: NO_PARENT,
            depth: 0,
        };
        loop {
            let Some(&byte) = bytes.get(pos) else {
                return fail(pos, TreeErrorKind::MissingCloseParen);
            };
            let closed_root: bool = match byte {
                b'(' => self.open_node(src, &mut pos, &mut open)?,
                b')' => self.close_node(&mut pos, &mut open)?,
                _ => return fail(pos, TreeErrorKind::LeafWithoutLabel),
            };
            pos = skip_space(bytes, pos);
            if closed_root {
                if pos < bytes.len() {
                    return fail(pos, TreeErrorKind::TrailingGarbage);
                }
                return Ok(());
            }
        }
    }

    /// Reads `(LABEL` and, for a preterminal, ` word)`. Returns whether that
    /// closed the outermost node.
    fn open_node(
        &mut self,
        src: &str,
        pos: &mut usize,
        open: &mut OpenPhrases,
    ) -> Result<bool, TreeError> {
        let bytes: &[u8] = src.as_bytes();
        if open.depth >= MAX_DEPTH {
            fail(*pos, TreeErrorKind::TooDeep)?;
        }
        let label_from: usize = *pos + 1;
        let label_to: usize = token_end(bytes, label_from);
        // `buf` holds a copy of `src` (see `parse_nodes`), so source offsets index it.
        let label_start: u32 = label_from as u32;
        let label_end: u32 = label_to as u32;

        let parent: Option<NodeId> =
            (open.innermost != NO_PARENT).then_some(NodeId(open.innermost));
        let id: NodeId = NodeId(self.nodes.len() as u32);
        let mut node: Node = Node::new(label_start, label_end, parent, open.depth);
        node.first_leaf = self.leaves.len() as u32;

        *pos = skip_space(bytes, label_to);
        let starts_word: bool = bytes
            .get(*pos)
            .is_some_and(|&byte: &u8| byte != b'(' && byte != b')');
        if !starts_word {
            // `end` and `leaf_end` are set when the phrase closes.
            self.nodes.push(node);
            open.innermost = id.0;
            open.depth += 1;
            return Ok(false);
        }
        if label_start == label_end {
            fail(*pos, TreeErrorKind::LeafWithoutLabel)?;
        }
        let word_to: usize = token_end(bytes, *pos);
        node.word_start = *pos as u32;
        node.word_end = word_to as u32;
        node.end = id.0 + 1;
        self.leaves.push(id);
        node.leaf_end = self.leaves.len() as u32;
        self.nodes.push(node);

        *pos = skip_space(bytes, word_to);
        match bytes.get(*pos) {
            Some(b')') => {
                *pos += 1;
                Ok(open.depth == 0)
            }
            Some(b'(') => Err(TreeError {
                offset: *pos,
                kind: TreeErrorKind::WordWithChildren,
            }),
            Some(_) => Err(TreeError {
                offset: *pos,
                kind: TreeErrorKind::ExtraWord,
            }),
            None => Err(TreeError {
                offset: *pos,
                kind: TreeErrorKind::MissingCloseParen,
            }),
        }
    }

    /// Reads `)` closing a phrase node. Returns whether it was the outermost node.
    fn close_node(&mut self, pos: &mut usize, open: &mut OpenPhrases) -> Result<bool, TreeError> {
        // The caller only loops while a node is open; an empty stack would mean
        // a stray ')' after the root, which is reported as trailing garbage.
        let id: u32 = open.innermost;
        // Ids are pre-order: the nodes added since this one opened are its subtree.
        let end: u32 = self.nodes.len() as u32;
        let leaf_end: u32 = self.leaves.len() as u32;
        let Some(node) = self.nodes.get_mut(id as usize) else {
            return Err(TreeError {
                offset: *pos,
                kind: TreeErrorKind::TrailingGarbage,
            });
        };
        if end == id + 1 {
            fail(*pos, TreeErrorKind::EmptyConstituent)?;
        }
        node.end = end;
        node.leaf_end = leaf_end;
        open.innermost = node.parent;
        open.depth = open.depth.saturating_sub(1);
        *pos += 1;
        Ok(open.depth == 0)
    }
}
