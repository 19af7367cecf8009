//! The lexicons of the people extractor, built from the data files under `src/lexicon/` and,
//! at run time, from extra files an analyst adds (same names, same line format).
//!
//! Every list is matched on tokens (see [`super::tokens`]): a phrase is a sequence of folded
//! words and punctuation, and the longest phrase that starts at a token wins.

use crate::text::fxhash::FxHashMap;
use std::path::Path;
use std::sync::LazyLock;

use super::tokens::{Tok, raw_pieces};
use crate::text::fold::fold;

#[allow(dead_code)] // the lead's `--lexicon DIR` wiring reads it
/// The lexicon files, by the name an extra lexicon directory uses for them.
pub(crate) const FILES: [&str; 8] = [
    "surnames.txt",
    "roles.txt",
    "organizations.txt",
    "abbreviations.txt",
    "honorifics.txt",
    "clause_verbs.txt",
    "legal_document_types.txt",
    "not_names.txt",
];

const BUILTIN: [&str; 8] = [
    include_str!("../../lexicon/surnames.txt"),
    include_str!("../../lexicon/roles.txt"),
    include_str!("../../lexicon/organizations.txt"),
    include_str!("../../lexicon/abbreviations.txt"),
    include_str!("../../lexicon/honorifics.txt"),
    include_str!("../../lexicon/clause_verbs.txt"),
    include_str!("../../lexicon/legal_document_types.txt"),
    include_str!("../../lexicon/not_names.txt"),
];

static BUILTIN_LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| Lexicons::from_texts(&BUILTIN));

/// A set of phrases, each a sequence of keys (folded words or raw surface tokens), with a
/// value; looked up by the first key, longest phrase first.
#[derive(Debug)]
pub(crate) struct PhraseSet<V> {
    by_first: FxHashMap<String, Vec<(Vec<String>, V)>>,
}

impl<V> Default for PhraseSet<V> {
    fn default() -> Self {
        PhraseSet {
            by_first: FxHashMap::default(),
        }
    }
}

impl<V> PhraseSet<V> {
    fn insert(&mut self, keys: Vec<String>, value: V) {
        let Some(first) = keys.first().cloned() else {
            return;
        };
        let entries = self.by_first.entry(first).or_default();
        if let Some(existing) = entries.iter_mut().find(|(k, _)| *k == keys) {
            // A later line (an analyst's extra file) overrides the built-in one.
            existing.1 = value;
        } else {
            entries.push((keys, value));
            entries.sort_by_key(|entry| std::cmp::Reverse(entry.0.len()));
        }
    }

    /// The longest phrase starting at `toks[i]`, read with `key`: its length in tokens and
    /// its value.
    pub(crate) fn longest<'t, T>(
        &self,
        toks: &'t [T],
        i: usize,
        key: impl Fn(&'t T) -> &'t str,
    ) -> Option<(usize, &V)> {
        let first = key(toks.get(i)?);
        let entries = self.by_first.get(first)?;
        entries.iter().find_map(|(keys, value)| {
            let matches = keys
                .iter()
                .enumerate()
                .all(|(k, want)| toks.get(i + k).is_some_and(|t| key(t) == want));
            matches.then_some((keys.len(), value))
        })
    }

    /// The longest phrase at `toks[i]` on folded tokens.
    pub(crate) fn at(&self, toks: &[Tok], i: usize) -> Option<(usize, &V)> {
        self.longest(toks, i, |t: &Tok| t.folded.as_str())
    }
}

/// A role of the roles lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Role {
    /// Its lexicon spelling.
    pub(crate) spelling: String,
    /// How many of its last words also start the organization ("Trưởng [Ban]": 1).
    pub(crate) shared: usize,
    /// The organization the role names by itself ("Huyện ủy viên": Huyện ủy).
    pub(crate) organization: Option<String>,
    /// Its expansion, when the role names its organization ("Ủy viên Ban Chấp hành Đảng bộ
    /// huyện").
    pub(crate) canonical: Option<String>,
}

/// A head of the organizations lexicon.
#[derive(Debug, Clone)]
pub(crate) struct OrgHead {
    /// Its lexicon spelling.
    pub(crate) spelling: String,
    /// Whether it names a body only with a modifier after it ("Sở …").
    pub(crate) generic: bool,
}

/// An abbreviation and its expansions (the first whose text the document contains is used).
#[derive(Debug, Clone)]
pub(crate) struct Abbreviation {
    pub(crate) expansions: Vec<String>,
}

/// Everything the people extractor looks words up in. Built once from the built-in files
/// ([`Lexicons::builtin`]), or from them plus extra files ([`Lexicons::with_dir`]).
#[derive(Default)]
pub(crate) struct Lexicons {
    pub(crate) surnames: PhraseSet<()>,
    pub(crate) roles: PhraseSet<Role>,
    pub(crate) organizations: PhraseSet<OrgHead>,
    /// Keyed by raw surface tokens: abbreviations are case-sensitive.
    pub(crate) abbreviations: PhraseSet<Abbreviation>,
    /// Value: the honorific's spelling.
    pub(crate) honorifics: PhraseSet<String>,
    pub(crate) clause_words: PhraseSet<()>,
    /// Value: the type, lower case.
    pub(crate) document_types: PhraseSet<String>,
    /// Document codes ("NQ") to types ("nghị quyết"); the first line of a code wins.
    pub(crate) document_codes: FxHashMap<String, String>,
    pub(crate) not_names: PhraseSet<()>,
}

impl std::fmt::Debug for Lexicons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicons")
            .field("roles", &self.roles.by_first.len())
            .field("organizations", &self.organizations.by_first.len())
            .finish_non_exhaustive()
    }
}

/// The folded tokens of a lexicon phrase ("Ủy ban nhân dân" → uy, ban, nhan, dan).
fn folded_keys(phrase: &str) -> Vec<String> {
    raw_pieces(phrase)
        .filter_map(|r| phrase.get(r))
        .map(fold)
        .collect()
}

/// The surface tokens of a phrase, as written.
fn raw_keys(phrase: &str) -> Vec<String> {
    raw_pieces(phrase)
        .filter_map(|r| phrase.get(r))
        .map(str::to_owned)
        .collect()
}

/// The lines of a lexicon file that hold an entry, trimmed.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

#[allow(dead_code)] // `with_dir` and `with_extra` are for the lead's run-time wiring
impl Lexicons {
    /// The lexicons compiled into the crate.
    pub(crate) fn builtin() -> &'static Lexicons {
        &BUILTIN_LEXICONS
    }

    /// The built-in lexicons plus the files of `dir` that bear a lexicon's name
    /// ([`FILES`]): their lines are added to (or override) the built-in entries. A file that
    /// is missing is skipped; one that cannot be read is an error naming it.
    pub(crate) fn with_dir(dir: &Path) -> std::io::Result<Lexicons> {
        let mut lexicons = Lexicons::from_texts(&BUILTIN);
        for (index, name) in FILES.iter().enumerate() {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => lexicons.add(index, &text),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                Err(error) => {
                    return Err(std::io::Error::new(
                        error.kind(),
                        format!("{}: {error}", path.display()),
                    ));
                }
            }
        }
        Ok(lexicons)
    }

    /// The built-in lexicons plus extra entries given as text, by file name (one of
    /// [`FILES`]); `None` when the name is not a lexicon's.
    pub(crate) fn with_extra(extra: &[(&str, &str)]) -> Option<Lexicons> {
        let mut lexicons = Lexicons::from_texts(&BUILTIN);
        for (name, text) in extra {
            let index = FILES.iter().position(|file| file == name)?;
            lexicons.add(index, text);
        }
        Some(lexicons)
    }

    fn from_texts(texts: &[&str; 8]) -> Lexicons {
        let mut lexicons = Lexicons::default();
        for (index, text) in texts.iter().enumerate() {
            lexicons.add(index, text);
        }
        lexicons
    }

    /// Adds the entries of one file, `index` being its place in [`FILES`].
    fn add(&mut self, index: usize, text: &str) {
        for line in entries(text) {
            match index {
                0 => self.surnames.insert(folded_keys(line), ()),
                1 => self.add_role(line),
                2 => self.add_organization(line),
                3 => self.add_abbreviation(line),
                4 => self.add_honorific(line),
                5 => self.clause_words.insert(folded_keys(line), ()),
                6 => self.add_document_type(line),
                _ => self.not_names.insert(folded_keys(line), ()),
            }
        }
    }

    fn add_role(&mut self, line: &str) {
        let mut fields = line.split('|').map(str::trim);
        let written = fields.next().unwrap_or_default();
        let organization = fields.next().filter(|s| !s.is_empty()).map(str::to_owned);
        let canonical = fields.next().filter(|s| !s.is_empty()).map(str::to_owned);
        let shared = written
            .find('[')
            .and_then(|open| written.get(open..))
            .map_or(0, |inside| {
                folded_keys(&inside.replace(['[', ']'], " ")).len()
            });
        let spelling: String = written
            .chars()
            .filter(|c| !matches!(c, '[' | ']'))
            .collect();
        let spelling = spelling.split_whitespace().collect::<Vec<_>>().join(" ");
        let keys = folded_keys(&spelling);
        self.roles.insert(
            keys,
            Role {
                spelling,
                shared,
                organization,
                canonical,
            },
        );
    }

    fn add_organization(&mut self, line: &str) {
        let generic = line.ends_with('…') || line.ends_with("...");
        let spelling = line.trim_end_matches(['…', '.']).trim().to_owned();
        self.organizations
            .insert(folded_keys(&spelling), OrgHead { spelling, generic });
    }

    fn add_abbreviation(&mut self, line: &str) {
        let Some((short, long)) = line.split_once('=') else {
            return;
        };
        let expansions: Vec<String> = long
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        if !expansions.is_empty() {
            self.abbreviations
                .insert(raw_keys(short.trim()), Abbreviation { expansions });
        }
    }

    fn add_honorific(&mut self, line: &str) {
        let (written, spelling) = match line.split_once('=') {
            Some((written, spelling)) => (written.trim(), spelling.trim()),
            None => (line, line),
        };
        self.honorifics
            .insert(folded_keys(written), spelling.to_owned());
    }

    fn add_document_type(&mut self, line: &str) {
        let (written, code) = match line.split_once('|') {
            Some((written, code)) => (written.trim(), Some(code.trim())),
            None => (line, None),
        };
        let lower = written.to_lowercase();
        if let Some(code) = code.filter(|c| !c.is_empty()) {
            self.document_codes
                .entry(code.to_owned())
                .or_insert_with(|| lower.clone());
        }
        self.document_types.insert(folded_keys(written), lower);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_are_large_enough() {
        let count = |text: &str| entries(text).count();
        assert!(count(BUILTIN[1]) >= 60, "roles");
        assert!(count(BUILTIN[3]) >= 40, "abbreviations");
        assert!(count(BUILTIN[0]) >= 80, "surnames");
    }

    #[test]
    fn shared_words_and_implied_organizations_are_read() {
        let lexicons = Lexicons::builtin();
        let keys = folded_keys("Trưởng Ban");
        let role = lexicons
            .roles
            .longest(&keys, 0, String::as_str)
            .map(|(_, role)| role.clone());
        assert_eq!(role.as_ref().map(|r| r.shared), Some(1));
        assert_eq!(role.map(|r| r.spelling), Some("Trưởng Ban".to_owned()));
        let keys = folded_keys("Huyện ủy viên");
        let role = lexicons.roles.longest(&keys, 0, String::as_str);
        assert_eq!(
            role.and_then(|(_, r)| r.organization.clone()),
            Some("Huyện ủy".to_owned())
        );
    }

    #[test]
    fn extra_entries_extend_and_override() {
        let lexicons = Lexicons::with_extra(&[("roles.txt", "# extra\nTrưởng Tiểu ban\n")]);
        let keys = folded_keys("Trưởng Tiểu ban");
        let found = lexicons
            .as_ref()
            .and_then(|l| l.roles.longest(&keys, 0, String::as_str))
            .map(|(len, _)| len);
        assert_eq!(found, Some(3));
        assert!(Lexicons::with_extra(&[("unknown.txt", "x")]).is_none());
    }
}
