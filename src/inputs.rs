//! What the CLI reads: files, directories (with --recursive), standard input, and JSON Lines
//! records, turned into work items in input order.

use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use vietfacts::Extractor;
use vietfacts::facts::{Document, DocumentError, ErrorKind};

/// One named input.
#[derive(Debug)]
pub enum Source {
    /// Standard input, named `-`.
    Stdin,
    /// A file.
    File(PathBuf),
    /// An input that cannot be read at all (a directory without --recursive).
    Unreadable(PathBuf, String),
}

impl Source {
    /// The id of its documents: the path as given, `-` for standard input.
    pub fn id(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(path) | Source::Unreadable(path, _) => path.to_string_lossy().into_owned(),
        }
    }

    /// All of its bytes, refusing more than `max_bytes`.
    pub fn read(&self, max_bytes: u64) -> Result<Vec<u8>, vietfacts::Error> {
        match self {
            Source::Stdin => {
                let mut bytes = Vec::new();
                io::stdin()
                    .lock()
                    .take(max_bytes.saturating_add(1))
                    .read_to_end(&mut bytes)
                    .map_err(|e| vietfacts::Error::io("standard input", e))?;
                if bytes.len() as u64 > max_bytes {
                    return Err(vietfacts::Error::too_large(
                        "standard input",
                        bytes.len() as u64,
                        max_bytes,
                    ));
                }
                Ok(bytes)
            }
            Source::File(path) => {
                let size = std::fs::metadata(path)
                    .map_err(|e| vietfacts::Error::io(path, e))?
                    .len();
                if size > max_bytes {
                    return Err(vietfacts::Error::too_large(path, size, max_bytes));
                }
                std::fs::read(path).map_err(|e| vietfacts::Error::io(path, e))
            }
            Source::Unreadable(path, why) => {
                Err(vietfacts::Error::io(path, io::Error::other(why.clone())))
            }
        }
    }

    /// Its lines, one at a time, for JSON Lines input.
    fn lines(&self) -> Result<Box<dyn Iterator<Item = io::Result<String>>>, vietfacts::Error> {
        match self {
            Source::Stdin => Ok(Box::new(BufReader::new(io::stdin()).lines())),
            Source::File(path) => {
                let file = std::fs::File::open(path).map_err(|e| vietfacts::Error::io(path, e))?;
                Ok(Box::new(BufReader::new(file).lines()))
            }
            Source::Unreadable(..) => self
                .read(0)
                .map(|_| -> Box<dyn Iterator<Item = _>> { Box::new(std::iter::empty()) }),
        }
    }
}

/// The sources named on the command line, directories expanded (sorted by name, so the
/// output order does not depend on the file system).
pub fn expand(inputs: &[PathBuf], recursive: bool, glob: &str) -> Vec<Source> {
    if inputs.is_empty() {
        return vec![Source::Stdin];
    }
    let mut sources = Vec::new();
    for input in inputs {
        if input == Path::new("-") {
            sources.push(Source::Stdin);
        } else if input.is_dir() {
            if recursive {
                walk(input, glob, &mut sources);
            } else {
                sources.push(Source::Unreadable(
                    input.clone(),
                    "is a directory (use --recursive to read the files in it)".to_string(),
                ));
            }
        } else {
            sources.push(Source::File(input.clone()));
        }
    }
    sources
}

fn walk(dir: &Path, glob: &str, sources: &mut Vec<Source>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            sources.push(Source::Unreadable(dir.to_path_buf(), error.to_string()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, glob, sources);
        } else if path
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| glob_matches(glob, name))
        {
            sources.push(Source::File(path));
        }
    }
}

/// Whether `name` matches `pattern`, where `*` is any run of chars and `?` any one char.
pub fn glob_matches(pattern: &str, name: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let name: Vec<char> = name.chars().collect();
    // Iterative matching with one backtrack point: linear in practice, never exponential.
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, n));
                p += 1;
            }
            Some(&c) if c == '?' || Some(&c) == name.get(n) => {
                p += 1;
                n += 1;
            }
            _ => match star {
                Some((star_p, star_n)) => {
                    p = star_p + 1;
                    n = star_n + 1;
                    star = Some((star_p, star_n + 1));
                }
                None => return false,
            },
        }
    }
    pattern
        .get(p..)
        .unwrap_or_default()
        .iter()
        .all(|&c| c == '*')
}

/// One unit of work: a whole text input, or one JSON Lines record.
pub enum Item {
    /// A file or standard input holding one report.
    Text(Source),
    /// A record's id and text.
    Record(String, String),
    /// An input that gives no text: its id and the error.
    Failed(String, DocumentError),
}

impl Item {
    /// The document of this item; a text input over `max_bytes` is refused.
    pub fn extract(self, extractor: &Extractor, max_bytes: u64) -> Document {
        match self {
            Item::Text(source) => match source.read(max_bytes) {
                Ok(bytes) => extractor.document_from_bytes(source.id(), &bytes),
                Err(error) => Document::with_error(source.id(), error.to_document_error()),
            },
            Item::Record(id, text) => extractor.document(id, &text),
            Item::Failed(id, error) => Document::with_error(id, error),
        }
    }
}

/// The work items of `sources`, lazily: JSON Lines are read one line at a time.
pub fn items(sources: Vec<Source>, jsonl: bool) -> Box<dyn Iterator<Item = Item>> {
    if !jsonl {
        return Box::new(sources.into_iter().map(Item::Text));
    }
    Box::new(
        sources
            .into_iter()
            .flat_map(|source| -> Box<dyn Iterator<Item = Item>> {
                let name = source.id();
                match source.lines() {
                    Err(error) => Box::new(std::iter::once(Item::Failed(
                        name,
                        error.to_document_error(),
                    ))),
                    Ok(lines) => Box::new(
                        lines
                            .enumerate()
                            .filter(|(_, line)| {
                                line.as_ref().map_or(true, |l| !l.trim().is_empty())
                            })
                            .map(move |(index, line)| record(&name, index + 1, line)),
                    ),
                }
            }),
    )
}

/// A JSON Lines record: `{"id": ..., "text": ...}`; the id may be a string or a number and
/// defaults to `SOURCE:LINE`.
fn record(source: &str, line_number: usize, line: io::Result<String>) -> Item {
    let fallback_id = format!("{source}:{line_number}");
    let line = match line {
        Ok(line) => line,
        Err(error) => {
            let message = format!("line {line_number} cannot be read: {error}");
            return Item::Failed(fallback_id, DocumentError::new(ErrorKind::Io, message));
        }
    };
    let value: serde_json::Value = match serde_json::from_str(&line) {
        Ok(value) => value,
        Err(error) => {
            let message = format!("line {line_number} is not JSON: {error}");
            return Item::Failed(
                fallback_id,
                DocumentError::new(ErrorKind::InvalidInput, message),
            );
        }
    };
    let id = match value.get("id") {
        Some(serde_json::Value::String(id)) => id.clone(),
        Some(id @ serde_json::Value::Number(_)) => id.to_string(),
        _ => fallback_id,
    };
    match value.get("text").and_then(|text| text.as_str()) {
        Some(text) => Item::Record(id, text.to_string()),
        None => Item::Failed(
            id,
            DocumentError::new(
                ErrorKind::InvalidInput,
                format!("line {line_number} has no string \"text\" member"),
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::glob_matches;

    #[test]
    fn globs() {
        for (pattern, name, expected) in [
            ("*.txt", "a.txt", true),
            ("*.txt", "a.tcvn3.txt", true),
            ("*.txt", "a.json", false),
            ("report-??.txt", "report-01.txt", true),
            ("report-??.txt", "report-1.txt", false),
            ("*", "anything", true),
            ("a*b*c", "aXbYc", true),
            ("a*b*c", "aXbY", false),
            ("*.txt", ".txt", true),
        ] {
            assert_eq!(glob_matches(pattern, name), expected, "{pattern} {name}");
        }
    }
}
