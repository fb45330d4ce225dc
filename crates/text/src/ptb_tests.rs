//! Unit tests for the tree reader and accessors.

use crate::{NodeId, Tree, TreeErrorKind, parse_ptb};

const ARNOR: &str =
    "(ROOT (S  \n  (NP-SBJ-1 (NNP Arnor)\n    )\t(VP (VBZ is) (ADJP (JJ angry)))  (. .)\n) )";

fn parsed(src: &str) -> Tree {
    match parse_ptb(src) {
        Ok(tree) => tree,
        Err(error) => panic!("{src:?}: {error}"),
    }
}

fn kind_of(src: &str) -> TreeErrorKind {
    match parse_ptb(src) {
        Ok(tree) => panic!("{src:?} parsed as {}", tree.to_bracketed()),
        Err(error) => error.kind,
    }
}

#[test]
fn structure_and_accessors() {
    let tree: Tree = parsed(ARNOR);
    let root: NodeId = tree.root();
    assert_eq!(tree.label(root), "ROOT");
    assert_eq!(tree.parent(root), None);
    let s: NodeId = tree.top();
    assert_eq!(tree.label(s), "S");
    assert_eq!(tree.parent(s), Some(root));
    let kids: Vec<&str> = tree.children(s).map(|c| tree.label(c)).collect();
    assert_eq!(kids, ["NP-SBJ-1", "VP", "."]);
    let np: NodeId = tree.children(s).next().expect("a child");
    assert_eq!(tree.base_label(np), "NP");
    assert!(!tree.is_preterminal(np));
    assert_eq!(tree.word(np), None);
    let nnp: NodeId = tree.children(np).next().expect("a child");
    assert!(tree.is_preterminal(nnp));
    assert_eq!((tree.label(nnp), tree.word(nnp)), ("NNP", Some("Arnor")));
    assert_eq!(tree.children(nnp).count(), 0);
    assert_eq!(tree.ancestors(nnp).collect::<Vec<_>>(), vec![np, s, root]);
    assert_eq!(
        tree.words().collect::<Vec<_>>(),
        ["Arnor", "is", "angry", "."]
    );
    assert!(tree.word_bytes().eq(tree.words().map(str::as_bytes)));
    assert_eq!(tree.leaves().len(), 4);
    assert_eq!(tree.leaf_range(root), 0..4);
    assert_eq!(tree.leaf_range(np), 0..1);
    let vp: NodeId = tree.children(s).nth(1).expect("two children");
    assert_eq!(tree.leaf_range(vp), 1..3);
    assert_eq!(tree.leaf_range(tree.leaves()[3]), 3..4);
    assert_eq!(tree.node_count(), 9);
    assert_eq!(
        tree.to_bracketed(),
        "(ROOT (S (NP-SBJ-1 (NNP Arnor)) (VP (VBZ is) (ADJP (JJ angry))) (. .)))"
    );
}

#[test]
fn node_ids_are_preorder() {
    let tree: Tree = parsed(ARNOR);
    for id in tree.node_ids() {
        for child in tree.children(id) {
            assert!(child > id);
            assert_eq!(tree.parent(child), Some(id));
        }
    }
}

#[test]
fn preorder_matches_the_per_id_accessors() {
    let tree: Tree = parsed(ARNOR);
    assert_eq!(tree.preorder().len(), tree.node_count());
    for (node, id) in tree.preorder().zip(tree.node_ids()) {
        assert_eq!(node.id, id);
        assert_eq!(node.parent, tree.parent(id));
        assert_eq!(node.label, tree.label(id).as_bytes());
        assert_eq!(node.preterminal, tree.is_preterminal(id));
        assert_eq!(node.depth as usize, tree.ancestors(id).count());
        let range: std::ops::Range<usize> = tree.leaf_range(id);
        assert_eq!(
            (node.first_leaf as usize, node.leaf_end as usize),
            (range.start, range.end)
        );
        // The subtree is `id .. end`: every node in it descends from `id`, the next does not.
        for inner in id.0 + 1..node.end {
            assert!(tree.ancestors(NodeId(inner)).any(|a| a == id));
        }
        if let Some(next) = ((node.end as usize) < tree.node_count()).then_some(NodeId(node.end)) {
            assert!(!tree.ancestors(next).any(|a| a == id));
        }
    }
}

#[test]
fn bare_root_wrapper() {
    let tree: Tree = parsed("( (S (NP (DT The) (NN stopover)) (VP (VBD came)) (. .)) )");
    assert_eq!(tree.label(tree.root()), "");
    assert_eq!(tree.label(tree.top()), "S");
    assert_eq!(
        tree.to_bracketed(),
        "( (S (NP (DT The) (NN stopover)) (VP (VBD came)) (. .)))"
    );
    assert_eq!(parsed(&tree.to_bracketed()), tree);
}

#[test]
fn special_labels() {
    let tree: Tree = parsed("(S (-NONE- *T*-1) (-LRB- -LRB-) (NP=2 (PRP$ his)) (, ,))");
    let labels: Vec<&str> = tree.node_ids().map(|id| tree.base_label(id)).collect();
    assert_eq!(labels, ["S", "-NONE-", "-LRB-", "NP", "PRP$", ","]);
    assert_eq!(
        tree.words().collect::<Vec<_>>(),
        ["*T*-1", "-LRB-", "his", ","]
    );
}

#[test]
fn preterminal_root_and_unicode() {
    let tree: Tree = parsed("  (NNP Zürich)  ");
    assert_eq!(tree.word(tree.root()), Some("Zürich"));
    assert_eq!(tree.top(), tree.root());
    assert_eq!(tree.leaf_range(tree.root()), 0..1);
}

#[test]
fn errors_have_kind_and_offset() {
    assert_eq!(kind_of(""), TreeErrorKind::Empty);
    assert_eq!(kind_of(" \n\t"), TreeErrorKind::Empty);
    assert_eq!(kind_of("S (NP x)"), TreeErrorKind::ExpectedOpenParen);
    assert_eq!(kind_of("(S (NP (NN x))"), TreeErrorKind::MissingCloseParen);
    assert_eq!(kind_of("(S (NN x)))"), TreeErrorKind::TrailingGarbage);
    assert_eq!(
        kind_of("(S (NN x)) (S (NN y))"),
        TreeErrorKind::TrailingGarbage
    );
    assert_eq!(kind_of("(S (NN x) y)"), TreeErrorKind::LeafWithoutLabel);
    assert_eq!(kind_of("(S ( x))"), TreeErrorKind::LeafWithoutLabel);
    assert_eq!(kind_of("(S (NN x y))"), TreeErrorKind::ExtraWord);
    assert_eq!(
        kind_of("(S (NN x (NN y)))"),
        TreeErrorKind::WordWithChildren
    );
    assert_eq!(kind_of("(S (NP) (NN x))"), TreeErrorKind::EmptyConstituent);
    assert_eq!(kind_of("()"), TreeErrorKind::EmptyConstituent);
    assert_eq!(kind_of("(NN x"), TreeErrorKind::MissingCloseParen);
    let deep: String =
        "(A ".repeat(crate::MAX_DEPTH + 1) + "(B x)" + &")".repeat(crate::MAX_DEPTH + 1);
    assert_eq!(kind_of(&deep), TreeErrorKind::TooDeep);
    let error = parse_ptb("(S (NN x) y)").expect_err("bare word");
    assert_eq!(error.offset, 10);
    assert!(error.to_string().contains("at byte 10"));
}

#[test]
fn parse_into_reuses_and_recovers() {
    let mut tree: Tree = Tree::new();
    assert!(tree.is_empty());
    tree.parse_into(ARNOR).expect("first");
    let first: Tree = tree.clone();
    assert!(tree.parse_into("(S (NN x)").is_err());
    assert!(tree.is_empty());
    tree.parse_into("(S (NN y))").expect("second");
    assert_eq!(tree.words().collect::<Vec<_>>(), ["y"]);
    tree.parse_into(ARNOR).expect("third");
    assert_eq!(tree, first);
}

#[test]
fn round_trip_is_stable() {
    let tree: Tree = parsed(ARNOR);
    let printed: String = tree.to_bracketed();
    let again: Tree = parsed(&printed);
    assert_eq!(again, tree);
    assert_eq!(again.to_bracketed(), printed);
    assert!(tree.to_pretty().contains("  (S\n"));
}

#[test]
fn tokens_end_at_every_length_around_the_eight_byte_chunks() {
    // Token ends are found eight bytes at a time with a byte loop for the tail:
    // every length from 1 to 20, ended by a space, a paren, and the input's end.
    for len in 1..=20 {
        let word: String = "w".repeat(len);
        let label: String = "L".repeat(len);
        let tree: Tree = parsed(&format!("({label} ({label} {word})({label} {word} ))"));
        assert_eq!(tree.label(tree.root()), label);
        assert_eq!(
            tree.words().collect::<Vec<&str>>(),
            [word.as_str(), word.as_str()]
        );
        assert_eq!(
            kind_of(&format!("({label} {word}) {word}")),
            TreeErrorKind::TrailingGarbage
        );
    }
}

#[test]
fn errors_around_closes_have_their_offsets() {
    // The reader skips spaces only where no `)` follows directly: the offsets must
    // still name the offending byte.
    let at = |src: &str| -> (usize, TreeErrorKind) {
        let error = parse_ptb(src).expect_err(src);
        (error.offset, error.kind)
    };
    assert_eq!(
        at("(S (A (NN x)) \n z)"),
        (16, TreeErrorKind::LeafWithoutLabel)
    );
    assert_eq!(
        at("(S (A (NN x))) \t y"),
        (17, TreeErrorKind::TrailingGarbage)
    );
    assert_eq!(
        at("(S (A (NN x))  "),
        (15, TreeErrorKind::MissingCloseParen)
    );
    assert_eq!(at("(S (NP ) (NN x))"), (7, TreeErrorKind::EmptyConstituent));
    assert_eq!(at("(S (NN x )y)"), (10, TreeErrorKind::LeafWithoutLabel));
}
