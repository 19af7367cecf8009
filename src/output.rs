//! How the CLI writes documents: a JSON array, JSON Lines, CSV rows, a summary or an HTML page;
//! and the progress bar.

use std::io::{self, Write};

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use vietfacts::facts::Document;

/// The output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A JSON array of documents, pretty-printed.
    Json,
    /// One document per line.
    Jsonl,
    /// One fact per row, with a header (see `vietfacts::table`).
    Csv,
    /// A short block per document for a person reading in a terminal.
    Summary,
    /// One self-contained HTML page with a section per document (see `vietfacts::html`).
    Html,
}

/// Writes documents in one format.
pub struct Sink<W: Write> {
    format: Format,
    out: W,
    written: usize,
}

impl<W: Write> Sink<W> {
    /// Starts the output (the array's bracket, the CSV header).
    pub fn new(mut out: W, format: Format) -> io::Result<Sink<W>> {
        match format {
            Format::Json => out.write_all(b"[")?,
            Format::Jsonl | Format::Summary => {}
            Format::Html => out.write_all(vietfacts::html::head("vietfacts").as_bytes())?,
            Format::Csv => {
                let mut header = csv_writer();
                header
                    .write_record(vietfacts::table::COLUMNS)
                    .map_err(io::Error::other)?;
                out.write_all(&header.into_inner().map_err(io::Error::other)?)?;
            }
        }
        Ok(Sink {
            format,
            out,
            written: 0,
        })
    }

    /// Writes one document; `text` is the decoded text it was made from, which only the HTML
    /// page shows (its spans point into it).
    pub fn write(&mut self, document: &Document, text: Option<&str>) -> io::Result<()> {
        match self.format {
            Format::Html => {
                let section =
                    vietfacts::html::section(self.written + 1, text.unwrap_or(""), document);
                self.out.write_all(section.as_bytes())?;
            }
            Format::Json => {
                self.out
                    .write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut self.out, document)?;
            }
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, document)?;
                self.out.write_all(b"\n")?;
            }
            Format::Summary => {
                self.out
                    .write_all(vietfacts::summary::render(document).as_bytes())?;
            }
            Format::Csv => {
                let mut rows = csv_writer();
                for row in vietfacts::table::rows(document) {
                    rows.serialize(row).map_err(io::Error::other)?;
                }
                self.out
                    .write_all(&rows.into_inner().map_err(io::Error::other)?)?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Pushes what is written so far to the output.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// Ends the output (the array's closing bracket).
    pub fn finish(mut self) -> io::Result<()> {
        self.flush()?;
        match self.format {
            Format::Json => {
                self.out
                    .write_all(if self.written == 0 { b"]\n" } else { b"\n]\n" })?
            }
            Format::Html => self.out.write_all(vietfacts::html::tail().as_bytes())?,
            Format::Jsonl | Format::Csv | Format::Summary => {}
        }
        self.out.flush()
    }
}

/// A CSV writer into memory, without a header (the sink writes it once).
fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new())
}

/// A progress bar on stderr, or nothing when `hidden` (not a terminal, or --quiet) or when
/// the batch is short. `total` is `None` when the count is not known (JSON Lines).
pub fn progress(hidden: bool, total: Option<usize>) -> ProgressBar {
    if hidden || total.is_some_and(|n| n <= 4) {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(n) => ProgressBar::new(n as u64).with_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} documents · {per_sec} · {eta} left")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {pos} documents · {per_sec}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar
}
