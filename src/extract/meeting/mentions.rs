//! Every mention of an official or an organization, by span, so a clause of the text can ask
//! which of them it holds.

use std::ops::Range;

use crate::facts::{FactId, Facts};

/// One mention: where it stands in the caller's text, and whose it is.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mention<'f> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) id: &'f FactId,
    pub(super) official: bool,
}

/// The mentions of a document's officials and organizations, ordered by start (the longest
/// first among those starting together).
pub(super) struct Mentions<'f> {
    items: Vec<Mention<'f>>,
}

impl<'f> Mentions<'f> {
    pub(super) fn new(facts: &'f Facts) -> Mentions<'f> {
        let officials = facts.officials.iter().flat_map(|official| {
            official.mentions.iter().map(move |span| Mention {
                start: span.start,
                end: span.end,
                id: &official.id,
                official: true,
            })
        });
        let organizations = facts.organizations.iter().flat_map(|organization| {
            organization.mentions.iter().map(move |span| Mention {
                start: span.start,
                end: span.end,
                id: &organization.id,
                official: false,
            })
        });
        let mut items: Vec<Mention<'f>> = officials
            .chain(organizations)
            .filter(|m| m.start < m.end)
            .collect();
        items.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        Mentions { items }
    }

    /// The mentions that lie wholly in `region` (a byte range of the caller's text).
    pub(super) fn within(&self, region: Range<usize>) -> impl Iterator<Item = &Mention<'f>> {
        let first = self.items.partition_point(|m| m.start < region.start);
        self.items
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(move |m| m.start < region.end)
            .filter(move |m| m.end <= region.end)
    }

    /// The first official mentioned in `region`.
    pub(super) fn first_official(&self, region: Range<usize>) -> Option<&'f FactId> {
        self.within(region).find(|m| m.official).map(|m| m.id)
    }

    /// The last official mentioned in `region`.
    pub(super) fn last_official(&self, region: Range<usize>) -> Option<&'f FactId> {
        self.within(region)
            .filter(|m| m.official)
            .last()
            .map(|m| m.id)
    }

    /// The officials mentioned in `region`, in order.
    pub(super) fn officials(&self, region: Range<usize>) -> Vec<&'f FactId> {
        self.within(region)
            .filter(|m| m.official)
            .map(|m| m.id)
            .collect()
    }

    /// Who a list item names: its officials when it names any (an organization inside an
    /// official's title is not named for itself), else its organizations, each mention not
    /// nested in another.
    pub(super) fn named(&self, region: Range<usize>) -> Vec<&'f FactId> {
        let officials = self.officials(region.clone());
        if !officials.is_empty() {
            return officials;
        }
        let mut named = Vec::new();
        let mut covered_to = 0;
        for m in self.within(region) {
            if m.end <= covered_to {
                continue;
            }
            covered_to = m.end;
            named.push(m.id);
        }
        named
    }
}
