//! Content hashing for document identity.
//!
//! FNV-1a 128: no dependency, stable across platforms and releases, and only ever compared
//! between versions of the *same* document id, so cryptographic strength is not needed.

const FNV128_OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const FNV128_PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

/// Hex FNV-1a 128 of `bytes` (32 lowercase hex digits).
pub fn content_hash(bytes: &[u8]) -> String {
    let mut hash: u128 = FNV128_OFFSET;
    for byte in bytes {
        hash ^= u128::from(*byte);
        hash = hash.wrapping_mul(FNV128_PRIME);
    }
    format!("{hash:032x}")
}

#[cfg(test)]
mod tests {
    use super::content_hash;

    #[test]
    fn differs_for_different_text_and_is_stable() {
        let a: String = content_hash(b"Russia attacked Ukraine.");
        let b: String = content_hash(b"Russia attacked Ukraine!");
        assert_ne!(a, b);
        assert_eq!(a, content_hash(b"Russia attacked Ukraine."));
        assert_eq!(a.len(), 32);
        // Published FNV-1a 128 test vector for the empty input.
        assert_eq!(content_hash(b""), "6c62272e07bb014262b821756295c58d");
    }
}
