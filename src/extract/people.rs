//! Officials, authors, organizations and cited legal documents.
//!
//! Each line of the text (page chrome and the byline aside) is tokenized, with abbreviations
//! expanded ([`tokens`]); people are read in both orders, name first and title first
//! ([`officials`], with [`names`] and [`titles`]); title-only mentions are resolved to the one
//! official who holds the title ([`coreference`]); the byline gives the authors ([`byline`]);
//! bodies named anywhere are deduplicated into organizations; cited documents are read with
//! their numbers ([`legal`]). Every word list is a data file under `src/lexicon/`
//! ([`lexicon`]), extensible at run time.

mod byline;
mod coreference;
mod legal;
mod lexicon;
mod names;
mod officials;
mod titles;
mod tokens;

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use super::Input;
use crate::facts::{Author, FactId, LegalDocument, Official, Organization, Span, Title};
use crate::text::fxhash::FxHashMap;
use lexicon::Abbreviation;
#[allow(unused_imports)] // the lead's wiring of `--lexicon DIR` uses these
pub(crate) use lexicon::{FILES as LEXICON_FILES, Lexicons};
use officials::{Findings, LineScanner};
use tokens::Tokenizer;

/// What the people extractor finds.
#[derive(Debug, Default)]
pub(crate) struct People {
    pub(crate) officials: Vec<Official>,
    pub(crate) authors: Vec<Author>,
    pub(crate) organizations: Vec<Organization>,
    pub(crate) documents: Vec<LegalDocument>,
    /// Title-only mentions that more than one official could be (never guessed): a span and
    /// the ids of the candidates, for an `ambiguous_reference` warning.
    pub(crate) ambiguous: Vec<(Span, Vec<FactId>)>,
}

/// Officials, authors, organizations and cited documents of the input, with the built-in
/// lexicons.
pub(crate) fn extract(input: &Input<'_>) -> People {
    extract_with(input, Lexicons::builtin())
}

/// The same with the given lexicons (the built-in ones plus an analyst's extra files:
/// [`Lexicons::with_dir`]).
pub(crate) fn extract_with(input: &Input<'_>, lexicons: &Lexicons) -> People {
    let text = input.text();
    let choices: RefCell<FxHashMap<usize, usize>> = RefCell::new(FxHashMap::default());
    // "TU" is Tỉnh ủy or Thành ủy: the one the document writes out (searched once per
    // abbreviation, not per occurrence).
    let choose = |abbreviation: &Abbreviation| -> usize {
        let expansions = &abbreviation.expansions;
        if expansions.len() < 2 {
            return 0;
        }
        *choices
            .borrow_mut()
            .entry(abbreviation.index)
            .or_insert_with(|| {
                expansions
                    .iter()
                    .position(|e| text.contains(e.text.as_str()))
                    .unwrap_or(0)
            })
    };

    let byline = byline::find(text, &|pos| input.in_chrome(pos));
    let skip = |range: &Range<usize>| {
        byline.line.as_ref() == Some(range)
            || byline
                .signer
                .as_ref()
                .is_some_and(|(name, title)| name == range || title == range)
    };
    let mut findings = Findings::default();
    let mut citations = Vec::new();
    let mut tokenizer = Tokenizer::new(lexicons);
    let mut start = 0;
    for line in text.split('\n') {
        let range = start..start + line.len();
        start = range.end + 1;
        let trimmed = trim_range(text, range.clone());
        if trimmed.is_empty() || input.in_chrome(trimmed.start) || skip(&trimmed) {
            continue;
        }
        tokenizer.read(text, trimmed, &choose);
        LineScanner::new(text, tokenizer.expanded(), lexicons, &mut findings).scan();
        citations.extend(legal::citations(
            text,
            tokenizer.plain(),
            tokenizer.citation_starts(),
            lexicons,
        ));
    }
    if let Some((name, title)) = &byline.signer {
        signer(
            text,
            name.clone(),
            title.clone(),
            lexicons,
            &choose,
            &mut findings,
        );
    }

    let (drafts, ambiguous) =
        coreference::resolve(findings.named, findings.bare, findings.title_only);
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    order.sort_by_key(|&i| {
        drafts
            .get(i)
            .and_then(|d| d.mentions.first())
            .map(|r| r.start)
    });
    let mut ids = vec![0; drafts.len()];
    for (position, &i) in order.iter().enumerate() {
        if let Some(slot) = ids.get_mut(i) {
            *slot = position + 1;
        }
    }
    let mut officials: Vec<Official> = Vec::with_capacity(drafts.len());
    for &i in &order {
        let Some(draft) = drafts.get(i) else { continue };
        officials.push(Official {
            id: FactId::new('o', officials.len() + 1),
            name: draft.name.clone(),
            honorific: draft.honorific.clone(),
            titles: draft
                .titles
                .iter()
                .map(|t| Title {
                    text: t.text.clone(),
                    canonical: t.canonical.clone(),
                    role: Some(t.role.to_owned()),
                    organization: t.organization.clone(),
                })
                .collect(),
            mentions: draft
                .mentions
                .iter()
                .map(|r| input.span(r.clone()))
                .collect(),
        });
    }
    let ambiguous = ambiguous
        .into_iter()
        .map(|a| {
            let candidates = a
                .candidates
                .iter()
                .filter_map(|&c| ids.get(c))
                .map(|&n| FactId::new('o', n))
                .collect();
            (input.span(a.range), candidates)
        })
        .collect();

    People {
        officials,
        authors: byline
            .authors
            .into_iter()
            .map(|(name, range)| Author {
                name,
                span: input.span(range),
            })
            .collect(),
        organizations: organizations(input, findings.orgs),
        documents: documents(input, citations),
        ambiguous,
    }
}

/// `range` of `text` without the spaces around it.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let line = text.get(range.clone()).unwrap_or_default();
    let lead = line.len() - line.trim_start().len();
    let kept = line.trim().len();
    range.start + lead..range.start + lead + kept
}

/// The signer of a release: the name under "(Đã ký)", with the title written above it.
fn signer<'l>(
    text: &str,
    name: Range<usize>,
    title: Range<usize>,
    lexicons: &'l Lexicons,
    choose: &dyn Fn(&Abbreviation) -> usize,
    findings: &mut Findings<'l>,
) {
    let toks = tokens::tokenize(text, title, lexicons, choose);
    let titles: Vec<titles::TitleRecord<'l>> = titles::title_at(text, &toks, 0, lexicons, true)
        .filter(|t| t.end == toks.len())
        .map(|t| titles::TitleRecord::new(text, &toks, &t))
        .into_iter()
        .collect();
    let name_toks = tokens::tokenize(text, name.clone(), lexicons, choose);
    let whole = names::name_at(&name_toks, 0, lexicons).is_some_and(|n| n.end == name_toks.len());
    if whole {
        findings.named.push(officials::NamedMention {
            name: text.get(name.clone()).unwrap_or_default().to_owned(),
            range: name,
            honorific: None,
            titles,
        });
    }
}

/// The bodies named, deduplicated by their canonical form, ids in order of first mention.
fn organizations(input: &Input<'_>, mut mentions: Vec<officials::OrgMention>) -> Vec<Organization> {
    mentions.sort_by_key(|m| (m.range.start, m.range.end));
    let mut out: Vec<Organization> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // A body is named the same way again and again: its canonical form is folded once.
    let mut by_canonical: HashMap<String, usize> = HashMap::new();
    for mention in mentions {
        let span = input.span(mention.range.clone());
        let found = by_canonical.get(&mention.canonical).copied().or_else(|| {
            let index = by_key
                .get(&crate::text::fold::fold(&mention.canonical))
                .copied();
            if let Some(index) = index {
                by_canonical.insert(mention.canonical.clone(), index);
            }
            index
        });
        match found.and_then(|i| out.get_mut(i)) {
            Some(org) => {
                // Mentions arrive sorted, so a repeat is the last one pushed: comparing with it
                // (not searching them all) keeps this linear in a report that names one body
                // thousands of times.
                if org.mentions.last() != Some(&span) {
                    org.mentions.push(span);
                }
            }
            None => {
                by_key.insert(crate::text::fold::fold(&mention.canonical), out.len());
                by_canonical.insert(mention.canonical.clone(), out.len());
                out.push(Organization {
                    id: FactId::new('g', out.len() + 1),
                    text: input.slice(mention.range.clone()).to_owned(),
                    canonical: mention.canonical,
                    mentions: vec![span],
                });
            }
        }
    }
    out
}

/// The cited documents, each once (by type, number and issuer; a later citation may add the
/// date), ids in order.
fn documents(input: &Input<'_>, citations: Vec<legal::Citation>) -> Vec<LegalDocument> {
    let mut out: Vec<LegalDocument> = Vec::new();
    let mut by_key: HashMap<(String, Option<String>, Option<String>), usize> = HashMap::new();
    for citation in citations {
        let key = (
            citation.doc_type.clone(),
            citation.number.clone(),
            citation.issuer.clone(),
        );
        let numbered = citation.number.is_some();
        match by_key.get(&key).and_then(|&i| out.get_mut(i)) {
            Some(document) if numbered => {
                if document.date.is_none() {
                    document.date = citation.date;
                }
            }
            _ => {
                by_key.insert(key, out.len());
                out.push(LegalDocument {
                    id: FactId::new('l', out.len() + 1),
                    text: input.slice(citation.range.clone()).to_owned(),
                    doc_type: citation.doc_type,
                    number: citation.number,
                    issuer: citation.issuer,
                    date: citation.date,
                    span: input.span(citation.range),
                });
            }
        }
    }
    out
}
