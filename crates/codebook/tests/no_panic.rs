//! No public function panics on any string.

use annalist_codebook::{acled, lookup, plover, resolve, root_of};
use proptest::prelude::*;

proptest! {
    #[test]
    fn arbitrary_strings_never_panic(code in any::<String>(), sentence in any::<String>()) {
        let resolved = resolve(&code);
        let _ = lookup(&code);
        let _ = root_of(&code);
        let _ = plover(&code);
        let _ = acled(&code, &sentence);
        if let Some(found) = resolved {
            prop_assert!(code.trim().starts_with(&found.entry.code[..2]));
        }
    }

    #[test]
    fn code_like_strings_never_panic(code in "[0-9]{0,6}[A-Za-z-]{0,3}", sentence in "\\PC{0,200}") {
        if let Some(found) = resolve(&code) {
            prop_assert!(code.starts_with(found.entry.code));
            prop_assert_eq!(found.fell_back, found.entry.code.len() != code.len());
        }
        let _ = acled(&code, &sentence);
    }
}
