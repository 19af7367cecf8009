//! The text layer: bytes to text, normalization with an offset map, folding, segmentation,
//! and the Vietnamese-specific pieces (tone marks, look-alikes, legacy encodings).

pub mod decode;
pub mod fold;
pub mod legacy;
pub mod lookalike;
pub mod marks;
pub mod normalize;
pub mod offsets;
pub mod segment;
pub mod tone;
