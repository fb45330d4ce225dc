//! Feature hashing shared with `tools/convert_tagger.py`: the converted model stores
//! 64-bit hashes of feature strings, and the tagger rebuilds them from per-token parts
//! without ever formatting a string.

const K: u64 = 0x517c_c1b7_2722_0a95;
const SEED: u64 = 0x9e37_79b9_7f4a_7c15;

/// One FxHash step.
#[inline]
pub(crate) fn mix(hash: u64, value: u64) -> u64 {
    (hash.rotate_left(5) ^ value).wrapping_mul(K)
}

/// Hash of a byte string (with a terminator, so `"ab" + "c"` ≠ `"a" + "bc"`).
#[inline]
pub(crate) fn str_hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0;
    for &byte in bytes {
        hash = mix(hash, u64::from(byte));
    }
    mix(hash, 0xff)
}

/// Hash of the ASCII-lower-cased bytes (Python 2 `str.lower()` on byte strings).
#[inline]
pub(crate) fn lower_hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0;
    for &byte in bytes {
        hash = mix(hash, u64::from(byte.to_ascii_lowercase()));
    }
    mix(hash, 0xff)
}

/// Feature templates, in the order used for their seeds by the converter.
#[derive(Clone, Copy, Debug)]
#[repr(u64)]
pub(crate) enum Template {
    Bias = 0,
    Suffix = 1,
    Pref1 = 2,
    PrevTag = 3,
    Prev2Tag = 4,
    TagPair = 5,
    Word = 6,
    PrevTagWord = 7,
    PrevWord = 8,
    PrevSuffix = 9,
    Prev2Word = 10,
    NextWord = 11,
    NextSuffix = 12,
    Next2Word = 13,
}

/// The starting hash of a template's features.
#[inline]
pub(crate) fn template_seed(template: Template) -> u64 {
    mix(SEED, template as u64 + 1)
}

/// Hash of a one-argument feature.
#[inline]
pub(crate) fn feature1(template: Template, arg: u64) -> u64 {
    mix(template_seed(template), arg)
}

/// Hash of a two-argument feature.
#[inline]
pub(crate) fn feature2(template: Template, first: u64, second: u64) -> u64 {
    mix(mix(template_seed(template), first), second)
}

/// The last (up to) three bytes, as Python 2 `word[-3:]` on byte strings.
#[inline]
pub(crate) fn suffix3(bytes: &[u8]) -> &[u8] {
    &bytes[bytes.len().saturating_sub(3)..]
}
