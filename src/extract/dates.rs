//! Dates and time expressions. (Placeholder until the dates extractor lands.)

use super::Input;
use crate::facts::DateFact;

/// Every date and time expression of the input, ordered by span start.
pub(crate) fn extract(_input: &Input<'_>) -> Vec<DateFact> {
    Vec::new()
}
