//! Greedy averaged-perceptron POS tagger (Honnibal's feature set), scoring hashed
//! features against the embedded model. No strings are built per token.

use crate::tag::Tag;
use crate::tagger_hash::{
    Template, feature1, feature2, lower_hash, str_hash, suffix3, template_seed,
};
use crate::tagger_model::{DENSE, Model, SCORE_LANES};

/// Context padding before the first and after the last word, as in the original.
const START: [&[u8]; 2] = [b"-START-", b"-START2-"];
const END: [&[u8]; 2] = [b"-END-", b"-END2-"];

/// Tags token sequences with the Penn tagset. Holds scratch buffers, so keep one
/// per thread and reuse it; the model itself is shared and loaded once.
#[derive(Debug)]
pub struct Tagger {
    model: &'static Model,
    /// Hash of each class label, then `-START-`, `-START2-`.
    tag_hashes: Vec<u64>,
    /// Per context position (2 padding + words + 2 padding): normalized word hash.
    context_word: Vec<u64>,
    /// Per context position: hash of the last 3 bytes of the normalized word.
    context_suffix: Vec<u64>,
    /// Class index of each word predicted so far.
    classes: Vec<usize>,
    /// Per (previous tag, tag before it): the summed weights of the four features that
    /// depend on nothing else (bias, both tags, the tag pair), so a prediction adds one
    /// row instead of four. Filled on first use; integer sums, so the scores are exact.
    tag_context_rows: Vec<[i32; SCORE_LANES]>,
    tag_context_filled: Vec<bool>,
}

impl Default for Tagger {
    fn default() -> Tagger {
        Tagger::new()
    }
}

/// Hashes of a normalized word and of its 3-byte suffix (`_normalize` in the original).
fn normalized_hashes(word: &[u8]) -> (u64, u64) {
    let special: Option<&[u8]> = if word.contains(&b'-') && word.first() != Some(&b'-') {
        Some(b"!HYPHEN")
    } else if word.len() == 4 && word.iter().all(u8::is_ascii_digit) {
        Some(b"!YEAR")
    } else if word.first().is_some_and(u8::is_ascii_digit) {
        Some(b"!DIGITS")
    } else {
        None
    };
    match special {
        Some(form) => (str_hash(form), str_hash(suffix3(form))),
        None => (lower_hash(word), lower_hash(suffix3(word))),
    }
}

/// Adds the weights of one looked-up feature (`None`: not in the model) to `scores`.
#[inline]
fn add_feature(model: &Model, scores: &mut [i32; SCORE_LANES], packed: Option<u32>) {
    let Some(packed) = packed else {
        return;
    };
    if packed & DENSE != 0 {
        if let Some(row) = model.dense.get(((packed & !DENSE) >> 8) as usize) {
            for (score, weight) in scores.iter_mut().zip(row) {
                *score += weight;
            }
        }
        return;
    }
    let offset: usize = (packed >> 8) as usize;
    let count: usize = (packed & 0xff) as usize;
    let Some(weights) = model.weights.get(offset..offset + count) else {
        return;
    };
    for weight in weights {
        scores[weight.class as usize & (SCORE_LANES - 1)] += i32::from(weight.value);
    }
}

impl Tagger {
    /// A tagger using the embedded model.
    pub fn new() -> Tagger {
        let model: &'static Model = Model::embedded();
        let mut tag_hashes: Vec<u64> = model
            .classes
            .iter()
            .map(|tag: &Tag| str_hash(tag.as_str().as_bytes()))
            .collect();
        tag_hashes.extend(START.iter().map(|form: &&[u8]| str_hash(form)));
        Tagger {
            model,
            tag_hashes,
            context_word: Vec::new(),
            context_suffix: Vec::new(),
            classes: Vec::new(),
            tag_context_rows: Vec::new(),
            tag_context_filled: Vec::new(),
        }
    }

    /// Whether the embedded model loaded (it always should; checked by tests).
    pub fn has_model(&self) -> bool {
        !self.model.classes.is_empty()
    }

    /// Tags `words` (PTB-tokenized forms such as `n't`, `-LRB-`, ` `` `); writes one
    /// tag per word into `tags` (cleared first).
    pub fn tag<S: AsRef<str>>(&mut self, words: &[S], tags: &mut Vec<Tag>) {
        tags.clear();
        if !self.has_model() {
            tags.resize(words.len(), Tag::NN);
            return;
        }
        self.context_word.clear();
        self.context_suffix.clear();
        for form in START {
            self.context_word.push(str_hash(form));
            self.context_suffix.push(str_hash(suffix3(form)));
        }
        for word in words {
            let (word_hash, suffix_hash) = normalized_hashes(word.as_ref().as_bytes());
            self.context_word.push(word_hash);
            self.context_suffix.push(suffix_hash);
        }
        for form in END {
            self.context_word.push(str_hash(form));
            self.context_suffix.push(str_hash(suffix3(form)));
        }
        self.classes.clear();
        let start: usize = self.model.classes.len();
        let (mut prev, mut prev2): (usize, usize) = (start, start + 1);
        for (index, word) in words.iter().enumerate() {
            let bytes: &[u8] = word.as_ref().as_bytes();
            let class: usize = match self.model.tagdict.get(str_hash(bytes)) {
                Some(class) => class as usize,
                None => self.predict(index + 2, bytes, prev, prev2),
            };
            self.classes.push(class);
            tags.push(self.model.classes[class]);
            prev2 = prev;
            prev = class;
        }
    }

    /// The summed weights of the features that depend only on `prev` and `prev2`.
    fn tag_context_row(&mut self, prev: usize, prev2: usize) -> &[i32; SCORE_LANES] {
        let contexts: usize = self.tag_hashes.len();
        if self.tag_context_rows.is_empty() {
            self.tag_context_rows = vec![[0; SCORE_LANES]; contexts * contexts];
            self.tag_context_filled = vec![false; contexts * contexts];
        }
        let index: usize = prev * contexts + prev2;
        if !self.tag_context_filled[index] {
            let prev_tag: u64 = self.tag_hashes[prev];
            let prev2_tag: u64 = self.tag_hashes[prev2];
            let features: [u64; 4] = [
                template_seed(Template::Bias),
                feature1(Template::PrevTag, prev_tag),
                feature1(Template::Prev2Tag, prev2_tag),
                feature2(Template::TagPair, prev_tag, prev2_tag),
            ];
            let mut row: [i32; SCORE_LANES] = [0; SCORE_LANES];
            for feature in features {
                add_feature(self.model, &mut row, self.model.features.get(feature));
            }
            self.tag_context_rows[index] = row;
            self.tag_context_filled[index] = true;
        }
        &self.tag_context_rows[index]
    }

    /// Scores all classes for the word at context position `at`.
    fn predict(&mut self, at: usize, word: &[u8], prev: usize, prev2: usize) -> usize {
        let prev_tag: u64 = self.tag_hashes[prev];
        let first_byte: &[u8] = &word[..word.len().min(1)];
        let features: [u64; 10] = [
            feature1(Template::Suffix, str_hash(suffix3(word))),
            feature1(Template::Pref1, str_hash(first_byte)),
            feature1(Template::Word, self.context_word[at]),
            feature2(Template::PrevTagWord, prev_tag, self.context_word[at]),
            feature1(Template::PrevWord, self.context_word[at - 1]),
            feature1(Template::PrevSuffix, self.context_suffix[at - 1]),
            feature1(Template::Prev2Word, self.context_word[at - 2]),
            feature1(Template::NextWord, self.context_word[at + 1]),
            feature1(Template::NextSuffix, self.context_suffix[at + 1]),
            feature1(Template::Next2Word, self.context_word[at + 2]),
        ];
        let model: &'static Model = self.model;
        // Look every feature up first: the independent loads overlap in the CPU.
        let mut found: [Option<u32>; 10] = [None; 10];
        for (slot, feature) in found.iter_mut().zip(features) {
            *slot = model.features.get(feature);
        }
        let mut scores: [i32; SCORE_LANES] = *self.tag_context_row(prev, prev2);
        for packed in found {
            add_feature(model, &mut scores, packed);
        }
        // Ties go to the larger label, as in the original `max(classes, key=(score, label))`.
        let mut best: usize = 0;
        for class in 1..model.classes.len().min(SCORE_LANES) {
            if scores[class] >= scores[best] {
                best = class;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag_words(words: &[&str]) -> Vec<&'static str> {
        let mut tagger: Tagger = Tagger::new();
        let mut tags: Vec<Tag> = Vec::new();
        tagger.tag(words, &mut tags);
        tags.iter().map(|tag: &Tag| tag.as_str()).collect()
    }

    #[test]
    fn model_loads() {
        assert!(Tagger::new().has_model());
        assert_eq!(Model::embedded().classes.len(), 45);
    }

    #[test]
    fn tags_a_simple_sentence() {
        let tags = tag_words(&[
            "The", "minister", "did", "n't", "resign", "on", "Monday", ".",
        ]);
        assert_eq!(tags, ["DT", "NN", "VBD", "RB", "VB", "IN", "NNP", "."]);
    }

    #[test]
    fn empty_and_odd_words() {
        assert!(tag_words(&[]).is_empty());
        assert_eq!(tag_words(&["", "é", "-", "1999"]).len(), 4);
    }
}
