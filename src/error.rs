//! The library's one error type.
//!
//! Extraction never fails; only turning bytes into text and reading files can. Like jiff,
//! the error is one opaque type with predicates ([`Error::is_encoding`], [`Error::is_io`])
//! and accessors ([`Error::offset`], [`Error::path`]), so new internal kinds never break
//! callers.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::facts::{DocumentError, EncodingName, ErrorKind};

/// An input that could not be turned into text.
#[derive(Debug)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Debug)]
enum Inner {
    Encoding {
        encoding: EncodingName,
        offset: usize,
        detail: &'static str,
        tried: Vec<EncodingName>,
    },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Binary {
        offset: usize,
    },
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
}

impl Error {
    /// Bytes that are not valid in `encoding`, first going wrong at byte `offset`.
    pub(crate) fn encoding(encoding: EncodingName, offset: usize, detail: &'static str) -> Error {
        Error {
            inner: Box::new(Inner::Encoding {
                encoding,
                offset,
                detail,
                tried: Vec::new(),
            }),
        }
    }

    /// The same error, recording every encoding that was tried.
    #[allow(dead_code)] // used once detection tries several encodings
    pub(crate) fn with_tried(mut self, encodings: Vec<EncodingName>) -> Error {
        if let Inner::Encoding { tried, .. } = self.inner.as_mut() {
            *tried = encodings;
        }
        self
    }

    /// A file that could not be read.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error {
            inner: Box::new(Inner::Io {
                path: path.into(),
                source,
            }),
        }
    }

    /// Bytes that look like a binary file (a NUL byte at `offset`), not text.
    pub(crate) fn binary(offset: usize) -> Error {
        Error {
            inner: Box::new(Inner::Binary { offset }),
        }
    }

    /// An input of `size` bytes, over the `limit` the caller set.
    pub fn too_large(path: impl Into<PathBuf>, size: u64, limit: u64) -> Error {
        Error {
            inner: Box::new(Inner::TooLarge {
                path: path.into(),
                size,
                limit,
            }),
        }
    }

    /// Whether the input looks like a binary file rather than text.
    pub fn is_binary(&self) -> bool {
        matches!(*self.inner, Inner::Binary { .. })
    }

    /// Whether the input is over the size limit.
    pub fn is_too_large(&self) -> bool {
        matches!(*self.inner, Inner::TooLarge { .. })
    }

    /// Whether the bytes could not be decoded.
    pub fn is_encoding(&self) -> bool {
        matches!(*self.inner, Inner::Encoding { .. })
    }

    /// Whether a file could not be read.
    pub fn is_io(&self) -> bool {
        matches!(*self.inner, Inner::Io { .. })
    }

    /// Whether a file does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(&*self.inner, Inner::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
    }

    /// The byte offset where decoding went wrong.
    pub fn offset(&self) -> Option<usize> {
        match &*self.inner {
            Inner::Encoding { offset, .. } | Inner::Binary { offset } => Some(*offset),
            Inner::Io { .. } | Inner::TooLarge { .. } => None,
        }
    }

    /// The encoding that was tried when decoding went wrong.
    pub fn encoding_tried(&self) -> Option<EncodingName> {
        match &*self.inner {
            Inner::Encoding { encoding, .. } => Some(*encoding),
            _ => None,
        }
    }

    /// The file that could not be read.
    pub fn path(&self) -> Option<&Path> {
        match &*self.inner {
            Inner::Io { path, .. } | Inner::TooLarge { path, .. } => Some(path),
            Inner::Encoding { .. } | Inner::Binary { .. } => None,
        }
    }

    /// The error as the JSON contract records it in an error document.
    pub fn to_document_error(&self) -> DocumentError {
        let kind = match &*self.inner {
            Inner::Encoding { .. } => ErrorKind::InvalidEncoding,
            Inner::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                ErrorKind::NotFound
            }
            Inner::Io { .. } => ErrorKind::Io,
            Inner::Binary { .. } => ErrorKind::Binary,
            Inner::TooLarge { .. } => ErrorKind::TooLarge,
        };
        DocumentError {
            kind,
            offset: self.offset(),
            message: self.to_string(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.inner {
            Inner::Encoding {
                encoding,
                offset,
                detail,
                tried,
            } => {
                write!(f, "not valid {encoding} at byte {offset}: {detail}")?;
                if tried.len() > 1 {
                    let names: Vec<&str> = tried.iter().map(|e| e.as_str()).collect();
                    write!(f, " (tried {})", names.join(", "))?;
                }
                write!(
                    f,
                    "; if you know the encoding, name it (--encoding utf-16le, for instance)"
                )
            }
            Inner::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Inner::Binary { offset } => write!(
                f,
                "looks like a binary file, not text (a NUL byte at byte {offset}); if it is \
                 UTF-16 without a byte-order mark, name it (--encoding utf-16le or utf-16be), \
                 otherwise use --force to read it anyway"
            ),
            Inner::TooLarge { path, size, limit } => write!(
                f,
                "{} is {size} bytes, over the limit of {limit} (raise it with --max-bytes)",
                path.display()
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.inner {
            Inner::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
