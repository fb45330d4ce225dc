//! Property tests: the tree reader and the aligner never panic, spans are always
//! valid, and generated trees round-trip.

use annalist_text::{NodeId, Span, Tree, align_leaves, parse_ptb};
use proptest::prelude::*;

/// Random well-formed bracketed trees.
fn tree_text() -> impl Strategy<Value = String> {
    let label = "[A-Z$.,:-]{0,4}(-[A-Z]{1,3})?";
    let word = "[a-zA-Z0-9.,'`$%&*\\\\/-]{1,6}|é|日本";
    let leaf = (label, word).prop_map(|(l, w)| {
        let l: String = if l.is_empty() { "X".to_string() } else { l };
        format!("({l} {w})")
    });
    leaf.prop_recursive(6, 64, 5, |inner| {
        (
            "[A-Z]{0,4}",
            proptest::collection::vec(inner, 1..5),
            "[ \t\n]{1,3}",
        )
            .prop_map(|(label, children, space)| {
                format!("({label}{space}{})", children.join(&space))
            })
    })
}

fn check_invariants(tree: &Tree) {
    let mut leaves_seen: usize = 0;
    for id in tree.node_ids() {
        let range = tree.leaf_range(id);
        assert!(range.start <= range.end && range.end <= tree.leaves().len());
        if tree.is_preterminal(id) {
            assert_eq!(tree.leaves()[leaves_seen], id);
            assert_eq!(range, leaves_seen..leaves_seen + 1);
            leaves_seen += 1;
        }
        for child in tree.children(id) {
            assert_eq!(tree.parent(child), Some(id));
        }
    }
    assert_eq!(leaves_seen, tree.leaves().len());
    let root: NodeId = tree.root();
    assert_eq!(tree.leaf_range(root), 0..tree.leaves().len());
}

fn assert_spans_valid(text: &str, spans: &[Option<Span>]) {
    let mut previous_end: u32 = 0;
    for span in spans.iter().flatten() {
        assert!(span.start <= span.end);
        assert!(
            span.slice(text).is_some(),
            "{span:?} not on char boundaries of {text:?}"
        );
        assert!(span.start >= previous_end, "spans out of order");
        previous_end = span.end;
    }
}

proptest! {
    #[test]
    fn parse_never_panics(src in "\\PC{0,200}") {
        if let Ok(tree) = parse_ptb(&src) {
            check_invariants(&tree);
            prop_assert_eq!(parse_ptb(&tree.to_bracketed()).ok(), Some(tree));
        }
    }

    #[test]
    fn parse_never_panics_on_paren_soup(src in "[() a-zA-Z\\n\\t-]{0,120}") {
        let mut reused: Tree = Tree::new();
        match (parse_ptb(&src), reused.parse_into(&src)) {
            (Ok(tree), Ok(())) => {
                check_invariants(&tree);
                prop_assert_eq!(&reused, &tree);
            }
            (Err(first), Err(second)) => {
                prop_assert_eq!(first, second);
                prop_assert!(first.offset <= src.len());
                prop_assert!(reused.is_empty());
            }
            _ => prop_assert!(false, "parse_ptb and parse_into disagree"),
        }
    }

    #[test]
    fn generated_trees_round_trip(src in tree_text()) {
        let tree: Tree = parse_ptb(&src).map_err(|e| TestCaseError::fail(format!("{src:?}: {e}")))?;
        check_invariants(&tree);
        let printed: String = tree.to_bracketed();
        let again: Tree = parse_ptb(&printed).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&again, &tree);
        prop_assert_eq!(again.to_bracketed(), printed);
    }

    #[test]
    fn generated_trees_align_to_their_own_words(src in tree_text(), gap in "[ \\n\\t]{0,2}") {
        let tree: Tree = parse_ptb(&src).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let words: Vec<&str> = tree.words().collect();
        let text: String = words.join(&gap);
        let spans: Vec<Option<Span>> = align_leaves(&text, &words);
        assert_spans_valid(&text, &spans);
        if !gap.is_empty() {
            for (span, word) in spans.iter().zip(&words) {
                let found: Option<&str> = span.and_then(|s| s.slice(&text));
                prop_assert_eq!(found, Some(*word));
            }
        }
    }

    #[test]
    fn align_never_panics(text in "\\PC{0,120}", words in proptest::collection::vec("\\PC{0,6}", 0..20)) {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let spans: Vec<Option<Span>> = align_leaves(&text, &words);
        prop_assert_eq!(spans.len(), words.len());
        assert_spans_valid(&text, &spans);
    }

    #[test]
    fn align_never_panics_on_quotes_and_escapes(
        text in "[\"'`“”‘’—–…()\\[\\]{} a-c.-]{0,60}",
        words in proptest::collection::vec("``|''|`|'|--|\\.\\.\\.|-LRB-|-RRB-|-LSB-|-RCB-|n't|'s|[a-c]{1,2}|\\\\/", 0..20),
    ) {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let spans: Vec<Option<Span>> = align_leaves(&text, &words);
        assert_spans_valid(&text, &spans);
    }
}
