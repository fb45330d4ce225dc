#![no_main]
//! The English front end: any UTF-8 in, no panic, every span on char boundaries and
//! equal to its token's text.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text: String = String::from_utf8_lossy(data).into_owned();
    for sentence in annalist_text::analyze(&text) {
        for token in &sentence.tokens {
            let (start, end) = (token.span.start as usize, token.span.end as usize);
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            assert_eq!(&text[start..end], token.text);
        }
    }
});
