//! Officials from mentions: named mentions merged by name (titles merged without
//! duplicates), bare names attached to the official of that name, and title-only mentions
//! attached to the one official who holds every title they give.
//!
//! A title-only mention matches an official's title when the roles are the same and the
//! mention's organization is the official's or its beginning ("Bí thư Thành ủy" matches "Bí
//! thư Thành ủy Nam Khê"; "Trưởng Ban Tuyên giáo Thành ủy" never matches "Phó Trưởng Ban
//! Tuyên giáo Thành ủy"). When two officials could match, the mention stays unresolved.
//!
//! Every official's title is indexed under each prefix of its organization, so a mention is
//! resolved with a few hash lookups: linear in the number of mentions.

use std::collections::HashMap;
use std::ops::Range;

use super::officials::{NamedMention, TitleOnlyMention};
use super::titles::TitleRecord;

/// How many candidates an index entry keeps: two already make a mention ambiguous, a few
/// more keep intersections right for mentions with several titles.
const MAX_CANDIDATES: usize = 8;

/// An official being assembled.
#[derive(Debug, Clone)]
pub(crate) struct OfficialDraft<'l> {
    pub(crate) name: String,
    pub(crate) honorific: Option<String>,
    pub(crate) titles: Vec<TitleRecord<'l>>,
    pub(crate) mentions: Vec<Range<usize>>,
}

/// A title-only mention that more than one official could be.
#[derive(Debug, Clone)]
pub(crate) struct Ambiguous {
    pub(crate) range: Range<usize>,
    /// Indexes into the officials.
    pub(crate) candidates: Vec<usize>,
}

fn merge_title<'l>(titles: &mut Vec<TitleRecord<'l>>, title: TitleRecord<'l>) {
    match titles.iter_mut().find(|t| t.same_as(&title)) {
        Some(existing) if title.org_key.len() > existing.org_key.len() => *existing = title,
        Some(_) => {}
        None => titles.push(title),
    }
}

/// The officials of the document, and the title-only mentions left unresolved.
pub(crate) fn resolve<'l>(
    named: Vec<NamedMention<'l>>,
    bare: Vec<(String, Range<usize>)>,
    title_only: Vec<TitleOnlyMention<'l>>,
) -> (Vec<OfficialDraft<'l>>, Vec<Ambiguous>) {
    let mut officials: Vec<OfficialDraft<'l>> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for mention in named {
        let index = *by_name.entry(mention.name.clone()).or_insert_with(|| {
            officials.push(OfficialDraft {
                name: mention.name.clone(),
                honorific: None,
                titles: Vec::new(),
                mentions: Vec::new(),
            });
            officials.len() - 1
        });
        let Some(official) = officials.get_mut(index) else {
            continue;
        };
        if official.honorific.is_none() {
            official.honorific = mention.honorific;
        }
        for title in mention.titles {
            merge_title(&mut official.titles, title);
        }
        official.mentions.push(mention.range);
    }
    for (name, range) in bare {
        if let Some(official) = by_name.get(&name).and_then(|&i| officials.get_mut(i)) {
            official.mentions.push(range);
        }
    }

    let mut index: HashMap<(&str, String), Vec<usize>> = HashMap::new();
    for (i, official) in officials.iter().enumerate() {
        for title in &official.titles {
            for n in 1..=title.org_key.len() {
                let key = (title.role_key, title.org_key.first(n).to_owned());
                let entry = index.entry(key).or_default();
                if !entry.contains(&i) && entry.len() < MAX_CANDIDATES {
                    entry.push(i);
                }
            }
        }
    }
    let mut ambiguous = Vec::new();
    for mention in title_only {
        let mut candidates: Option<Vec<usize>> = None;
        for title in mention.titles.iter().filter(|t| !t.org_key.is_empty()) {
            let key = (
                title.role_key,
                title.org_key.first(title.org_key.len()).to_owned(),
            );
            let found = index.get(&key).cloned().unwrap_or_default();
            candidates = Some(match candidates {
                None => found,
                Some(previous) => previous.into_iter().filter(|c| found.contains(c)).collect(),
            });
        }
        match candidates.as_deref() {
            Some([one]) => {
                if let Some(official) = officials.get_mut(*one) {
                    official.mentions.push(mention.range);
                }
            }
            Some(many) if many.len() > 1 => ambiguous.push(Ambiguous {
                range: mention.range,
                candidates: many.to_vec(),
            }),
            _ => {}
        }
    }
    for official in &mut officials {
        official.mentions.sort_by_key(|r| (r.start, r.end));
        official.mentions.dedup();
    }
    (officials, ambiguous)
}
