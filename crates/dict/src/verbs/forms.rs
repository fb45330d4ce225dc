//! Regular verb forms.

use crate::forms::{noun_plural, past_tense, present_participle};

/// Regular forms of an upper-case verb word, base first: base, 3rd person singular
/// (`S` / `ES` / `IES`), past (`ED` / `D` / `IED`), present participle (`ING`).
pub fn verb_forms(word: &str) -> Vec<String> {
    vec![
        word.to_string(),
        noun_plural(word),
        past_tense(word),
        present_participle(word),
    ]
}
