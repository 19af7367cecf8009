//! Mapping positions in normalized text back to the caller's text.
//!
//! The normalizer copies most of the input unchanged and replaces a few pieces (a
//! decomposed letter, a run of spaces, a CRLF). [`OffsetMap`] records only the replaced
//! pieces, as pairs of ranges; between them the two texts agree byte for byte, so a position
//! there maps by a constant shift. A span whose end falls inside a replaced piece grows to
//! cover all of it in the input, so a span never points at half a character.
//!
//! [`CharIndex`] converts byte offsets of a text into char offsets (what Python indexes by)
//! in constant time per query after one pass over the bytes.

use std::ops::Range;

/// One replaced piece: `normalized[norm]` stands for `input[orig]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    norm_start: usize,
    norm_end: usize,
    orig_start: usize,
    orig_end: usize,
}

/// Where each part of a normalized text came from in the input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// Sorted and non-overlapping in both texts; edits may touch.
    edits: Vec<Edit>,
}

impl OffsetMap {
    /// A map with no edits: the normalized text is the input.
    pub const fn identity() -> OffsetMap {
        OffsetMap { edits: Vec::new() }
    }

    /// Whether the normalized text is byte for byte the input.
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// How many replaced pieces there are.
    pub fn edit_count(&self) -> usize {
        self.edits.len()
    }

    /// Records that `normalized[norm]` replaces `input[orig]`. Edits arrive in order.
    ///
    /// Touching edits are kept apart, not merged: a span that starts at the second of two
    /// touching edits must not grow back over the first.
    pub(crate) fn push(&mut self, norm: Range<usize>, orig: Range<usize>) {
        self.edits.push(Edit {
            norm_start: norm.start,
            norm_end: norm.end,
            orig_start: orig.start,
            orig_end: orig.end,
        });
    }

    /// The edits that contain or touch normalized position `pos` (a replacement ending at
    /// it, deletions at it, a replacement starting at it), in order, and the index of the
    /// first of them.
    fn around(&self, pos: usize) -> (usize, impl Iterator<Item = &Edit>) {
        let index = self.edits.partition_point(|e| e.norm_end < pos);
        let touching = self
            .edits
            .get(index..)
            .unwrap_or_default()
            .iter()
            .take_while(move |e| e.norm_start <= pos);
        (index, touching)
    }

    /// Identity shift after the edits before `index`.
    fn shifted(&self, pos: usize, index: usize) -> usize {
        match index.checked_sub(1).and_then(|i| self.edits.get(i)) {
            Some(prev) => pos - prev.norm_end + prev.orig_end,
            None => pos,
        }
    }

    /// The input position where a span starting at normalized `pos` starts.
    pub fn start_to_original(&self, pos: usize) -> usize {
        let (index, touching) = self.around(pos);
        let mut after_ending = None;
        for edit in touching {
            if edit.norm_start <= pos && pos < edit.norm_end {
                // Inside a replaced piece, or at its start: the span covers all of it.
                return edit.orig_start;
            }
            // A piece ending here (or a deletion here): the span starts past it.
            after_ending = Some(edit.orig_end);
        }
        after_ending.unwrap_or_else(|| self.shifted(pos, index))
    }

    /// The input position where a span ending at normalized `pos` ends.
    pub fn end_to_original(&self, pos: usize) -> usize {
        let (index, mut touching) = self.around(pos);
        match touching.next() {
            // Inside a replaced piece, or at its end: the span covers all of it.
            Some(edit) if edit.norm_start < pos => edit.orig_end,
            // A deletion here, or a piece starting here: the span ends before it.
            Some(edit) => edit.orig_start,
            None => self.shifted(pos, index),
        }
    }

    /// The input range that normalized `range` stands for. Never inverted: an empty range
    /// maps to an empty range.
    pub fn range_to_original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.start_to_original(range.start);
        let end = self.end_to_original(range.end);
        if range.start >= range.end || end < start {
            let at = self.end_to_original(range.start);
            return at..at;
        }
        start..end
    }
}

/// Byte offsets to char offsets, for one text.
#[derive(Debug, Clone)]
pub struct CharIndex<'a> {
    bytes: &'a [u8],
    /// `checkpoints[k]`: how many chars start before byte `k * STRIDE`.
    checkpoints: Vec<usize>,
}

/// Bytes between checkpoints: a query counts at most this many bytes, eight at a time, and
/// the checkpoints cost one `usize` per stride (an eighth of the text's size at 64).
const STRIDE: usize = 64;

/// Eight copies of the byte `b`.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// How many chars start in `bytes`: every byte but the UTF-8 continuation bytes (10xxxxxx),
/// counted eight at a time.
pub(crate) fn count_char_starts(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut continuations = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_ne_bytes(word);
        // Bit 7 set and bit 6 clear, byte by byte.
        continuations += (word & !(word << 1) & splat(0x80)).count_ones() as usize;
    }
    let rest = chunks.remainder();
    let rest_continuations = rest.iter().filter(|&&b| b & 0xC0 == 0x80).count();
    bytes.len() - continuations - rest_continuations
}

impl<'a> CharIndex<'a> {
    /// Indexes `text` in one pass over its bytes.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 2);
        let mut total = 0;
        checkpoints.push(0);
        for block in bytes.chunks(STRIDE) {
            total += count_char_starts(block);
            checkpoints.push(total);
        }
        CharIndex { bytes, checkpoints }
    }

    /// How many chars come before byte `offset` (offsets past the end count the whole text).
    pub fn char_offset(&self, offset: usize) -> usize {
        let offset = offset.min(self.bytes.len());
        let block = offset / STRIDE;
        let before = self.checkpoints.get(block).copied().unwrap_or(0);
        let rest = self.bytes.get(block * STRIDE..offset).unwrap_or_default();
        before + count_char_starts(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_are_counted_as_str_counts_them() {
        let mut text = String::new();
        for (i, c) in ('\u{0}'..='\u{3000}').chain(['\u{1F600}', 'ế']).enumerate() {
            text.push(c);
            if i % 7 == 0 {
                text.push_str("ạ\u{10FFFF}");
            }
        }
        for end in (0..=text.len()).filter(|&end| text.is_char_boundary(end)) {
            let prefix = &text[..end];
            assert_eq!(count_char_starts(prefix.as_bytes()), prefix.chars().count());
        }
        let long = "ngày ".repeat(2000);
        assert_eq!(count_char_starts(long.as_bytes()), long.chars().count());
    }

    #[test]
    fn identity_maps_every_position_to_itself() {
        let map = OffsetMap::identity();
        for pos in 0..10 {
            assert_eq!(map.start_to_original(pos), pos);
            assert_eq!(map.end_to_original(pos), pos);
        }
    }

    #[test]
    fn replacement_grows_spans_to_cover_it() {
        // input "ho\u{300}a x" (bytes: h o CC 80 a ' ' x), normalized "hòa x" (h C3 B2 a ' ' x)
        let mut map = OffsetMap::identity();
        map.push(1..3, 1..4);
        assert_eq!(map.range_to_original(0..4), 0..5, "the whole word");
        assert_eq!(map.range_to_original(1..3), 1..4, "just the letter");
        assert_eq!(map.range_to_original(3..4), 4..5, "after the letter");
        assert_eq!(map.range_to_original(5..6), 6..7, "shifted by one after it");
        assert_eq!(map.range_to_original(0..1), 0..1, "before it");
    }

    #[test]
    fn deletions_are_skipped_at_both_ends() {
        // input "a\u{200B}b", normalized "ab": the zero-width space (3 bytes) is deleted.
        let mut map = OffsetMap::identity();
        map.push(1..1, 1..4);
        assert_eq!(map.range_to_original(0..1), 0..1);
        assert_eq!(map.range_to_original(1..2), 4..5);
        assert_eq!(map.range_to_original(0..2), 0..5);
        assert_eq!(map.range_to_original(1..1), 1..1);
    }

    #[test]
    fn touching_edits_stay_apart() {
        // input "\r\n\u{200B}Ðx" (2 + 3 + 2 + 1 bytes), normalized "\nĐx": a space run and the
        // next word were both replaced; a span over the word must not reach back into the run.
        let mut map = OffsetMap::identity();
        map.push(0..1, 0..5);
        map.push(1..3, 5..7);
        assert_eq!(map.edit_count(), 2);
        assert_eq!(map.range_to_original(1..4), 5..8);
        assert_eq!(map.range_to_original(0..1), 0..5);
        assert_eq!(map.range_to_original(0..4), 0..8);
        // A deletion between two replacements.
        let mut map = OffsetMap::identity();
        map.push(0..2, 0..1);
        map.push(2..2, 1..4);
        map.push(2..3, 4..6);
        assert_eq!(map.range_to_original(0..2), 0..1);
        assert_eq!(map.range_to_original(2..3), 4..6);
        assert_eq!(map.range_to_original(0..3), 0..6);
    }

    #[test]
    fn char_offsets_count_scalar_values() {
        let text = "Sáng 11-1, Hội nghị 😀 x".repeat(200);
        let index = CharIndex::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(byte), chars);
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
        assert_eq!(index.char_offset(usize::MAX), text.chars().count());
    }

    #[test]
    fn char_starts_are_counted_at_every_length_and_alignment() {
        let text = "aà\u{1EA1}😀 \u{10FFFF}x".repeat(20);
        let bytes = text.as_bytes();
        for start in 0..16 {
            for end in start..bytes.len() {
                let slow = bytes[start..end]
                    .iter()
                    .filter(|&&b| b & 0xC0 != 0x80)
                    .count();
                assert_eq!(
                    count_char_starts(&bytes[start..end]),
                    slow,
                    "{start}..{end}"
                );
            }
        }
    }
}
