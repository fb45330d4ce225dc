//! Reader for bracketed Penn Treebank trees (`(ROOT (S (NP (NNP Arnor)) ...))`).
//!
//! A single forward pass over the bytes, the nodes' parent links as the stack: no
//! recursion, so hostile input cannot overflow the call stack, and no panics on any input.

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

    /// One turn per node: `(LABEL`, then either down into a phrase (the next byte is
    /// `(`) or a preterminal's ` word)` and the closes that follow it. The nodes'
    /// parent links are the stack of open phrases, so none is kept apart.
    fn parse_nodes(&mut self, src: &str) -> Result<(), TreeError> {
        let bytes: &[u8] = src.as_bytes();
        if bytes.len() >= u32::MAX as usize {
            return fail(0, TreeErrorKind::TooLarge);
        }
        // Labels and words are slices of the source: copy it once, whole, and point
        // into the copy (one memcpy instead of two small ones per node).
        self.buf.push_str(src);
        let mut pos: usize = skip_space(bytes, 0);
        match bytes.get(pos) {
            None => return fail(pos, TreeErrorKind::Empty),
            Some(b'(') => {}
            Some(_) => return fail(pos, TreeErrorKind::ExpectedOpenParen),
        }
        // The innermost open phrase ([`NO_PARENT`] when none) and how many are open.
        let mut innermost: u32 = NO_PARENT;
        let mut depth: u32 = 0;
        loop {
            // `pos` is at a `(`; `buf` holds a copy of `src`, so offsets index both.
            if depth as usize >= MAX_DEPTH {
                return fail(pos, TreeErrorKind::TooDeep);
            }
            let label_start: usize = pos + 1;
            let label_end: usize = token_end(bytes, label_start);
            pos = skip_space(bytes, label_end);
            match bytes.get(pos) {
                Some(b'(') => {
                    // A phrase: `end` and `leaf_end` are set when it closes.
                    let id: u32 = self.nodes.len() as u32;
                    self.nodes.push(Node {
                        label_start: label_start as u32,
                        label_end: label_end as u32,
                        word_start: 0,
                        word_end: 0,
                        parent: innermost,
                        end: 0,
                        first_leaf: self.leaves.len() as u32,
                        leaf_end: 0,
                        depth,
                    });
                    innermost = id;
                    depth += 1;
                    continue;
                }
                Some(b')') => return fail(pos, TreeErrorKind::EmptyConstituent),
                None => return fail(pos, TreeErrorKind::MissingCloseParen),
                Some(_) => {}
            }
            if label_start == label_end {
                return fail(pos, TreeErrorKind::LeafWithoutLabel);
            }
            let word_end: usize = token_end(bytes, pos);
            let id: u32 = self.nodes.len() as u32;
            let first_leaf: u32 = self.leaves.len() as u32;
            // The leaf before the node: fewer values live across the pushes (measured:
            // the other order spills registers, +6 % for the reader).
            self.leaves.push(NodeId(id));
            self.nodes.push(Node {
                label_start: label_start as u32,
                label_end: label_end as u32,
                word_start: pos as u32,
                word_end: word_end as u32,
                parent: innermost,
                end: id + 1,
                first_leaf,
                leaf_end: first_leaf + 1,
                depth,
            });
            pos = skip_space(bytes, word_end);
            match bytes.get(pos) {
                Some(b')') => pos += 1,
                Some(b'(') => return fail(pos, TreeErrorKind::WordWithChildren),
                Some(_) => return fail(pos, TreeErrorKind::ExtraWord),
                None => return fail(pos, TreeErrorKind::MissingCloseParen),
            }
            // Close the phrases that end here, up to the next `(`.
            loop {
                if depth == 0 {
                    pos = skip_space(bytes, pos);
                    // The outermost node is closed: only whitespace may follow.
                    if pos < bytes.len() {
                        return fail(pos, TreeErrorKind::TrailingGarbage);
                    }
                    return Ok(());
                }
                // Most closes follow a close directly: no space skip for them.
                if bytes.get(pos) != Some(&b')') {
                    pos = skip_space(bytes, pos);
                    match bytes.get(pos) {
                        Some(b')') => {}
                        Some(b'(') => break,
                        Some(_) => return fail(pos, TreeErrorKind::LeafWithoutLabel),
                        None => return fail(pos, TreeErrorKind::MissingCloseParen),
                    }
                }
                // Ids are pre-order: the nodes added since this one opened are its
                // subtree (never empty: a `)` right after a label failed above).
                let end: u32 = self.nodes.len() as u32;
                let leaf_end: u32 = self.leaves.len() as u32;
                if let Some(open) = self.nodes.get_mut(innermost as usize) {
                    open.end = end;
                    open.leaf_end = leaf_end;
                    innermost = open.parent;
                }
                depth -= 1;
                pos += 1;
            }
        }
    }
}
