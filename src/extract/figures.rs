//! Ratios, percentages, counts, money and durations. (Placeholder until the figures
//! extractor lands.)

use super::Input;
use crate::facts::{Count, Duration, Money, Statistic, Warning};

/// What the figures extractor finds.
#[derive(Debug, Default)]
pub(crate) struct Figures {
    pub(crate) statistics: Vec<Statistic>,
    pub(crate) counts: Vec<Count>,
    pub(crate) money: Vec<Money>,
    pub(crate) durations: Vec<Duration>,
    pub(crate) warnings: Vec<Warning>,
}

/// Every figure of the input.
pub(crate) fn extract(_input: &Input<'_>) -> Figures {
    Figures::default()
}
