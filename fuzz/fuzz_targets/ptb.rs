#![no_main]
//! Penn Treebank reader and leaf alignment: any text in, no panic, spans on char boundaries.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(tree) = annalist_text::parse_ptb(text) {
        let words: Vec<&str> = tree.words().collect();
        for span in annalist_text::align_leaves(text, &words).into_iter().flatten() {
            assert!(text.is_char_boundary(span.start as usize));
            assert!(text.is_char_boundary(span.end as usize));
        }
    }
});
