//! Resolution: what needs more than one extractor's facts (links between facts, the meeting
//! record). Runs once, after every extractor.

use super::Input;
use super::meeting::meeting;
use crate::facts::Facts;

/// Links and completes the facts in place.
pub(crate) fn resolve(input: &Input<'_>, facts: &mut Facts) {
    facts.meeting = meeting(input, facts);
}
