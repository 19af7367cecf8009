//! A small, fast hasher for maps keyed by short strings from a fixed lexicon (folded words,
//! lexicon phrases). std's SipHash costs more than the lookup itself on keys of a few bytes.
//!
//! Not DoS-resistant: use it only where the keys stored come from the lexicons (a document
//! only looks keys up; it never inserts them), so no input can crowd a bucket.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The multiplicative hash of rustc's `FxHasher`, eight bytes at a time.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            if let Some(head) = word.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A `HashSet` with [`FxHasher`].
pub(crate) type FxHashSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_stored_and_only_that() {
        let mut map: FxHashMap<String, usize> = FxHashMap::default();
        let keys = [
            "",
            "a",
            "uy",
            "ban nhan",
            "nguoi dan toc",
            "chủ tịch ủy ban nhân dân",
        ];
        for (i, key) in keys.iter().enumerate() {
            map.insert((*key).to_owned(), i);
        }
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(map.get(*key), Some(&i), "{key}");
        }
        for other in ["b", "uy ", "ban nha", "nguoi dan toc ", "chủ tịch"] {
            assert_eq!(map.get(other), None, "{other}");
        }
    }
}
