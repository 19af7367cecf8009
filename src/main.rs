//! The `vietfacts` command: reads files, directories, standard input or JSON Lines records,
//! prints normalized text or facts. Glue only: arguments become options, options go to the
//! library; no extraction here.

mod inputs;
mod output;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use vietfacts::facts::{Document, EncodingName};
use vietfacts::text::decode::{DecodeOptions, decode};
use vietfacts::{Extractor, Kinds, NormalizeOptions, ToneStyle};

use inputs::{Item, Source};
use output::{Format, Sink};

const EXIT_CODES: &str = "\
Exit codes:
  0  every input was read
  1  some input could not be read (reported on stderr and, for extract, as an error document)
  2  usage error (unknown option, bad value)";

const EXAMPLES: &str = "\
Examples:
  vietfacts extract fixtures/reports/hoi-nghi-tong-ket-2024.txt
  vietfacts extract --format jsonl --recursive reports/ > facts.jsonl
  vietfacts extract --format csv --recursive reports/ > facts.csv
  vietfacts extract --input jsonl < records.jsonl > facts.jsonl     # {\"id\": ..., \"text\": ...} per line
  vietfacts extract --reference-date 2024-01-11 - < report.txt
  vietfacts extract --format html report.txt > view.html          # facts highlighted in the text
  vietfacts normalize old-report.txt > normalized.txt";

/// Facts from Vietnamese meeting reports: dates, officials, figures, the meeting itself.
#[derive(Debug, Parser)]
#[command(name = "vietfacts", version, about, after_help = format!("{EXAMPLES}\n\n{EXIT_CODES}"))]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the facts of each input as documents (schema_version 1), in input order.
    #[command(after_help = format!("{EXAMPLES}\n\n{EXIT_CODES}"))]
    Extract(ExtractArgs),
    /// Print each input normalized: NFC, one tone style, single spaces, LF line ends.
    #[command(after_help = EXIT_CODES)]
    Normalize(NormalizeArgs),
    /// Compare the facts of DIR/reports/*.txt with DIR/expected/*.json, print the differences
    /// and precision/recall per fact kind.
    #[command(after_help = CHECK_HELP)]
    Check(CheckArgs),
}

const CHECK_HELP: &str = "\
Layout: DIR/reports/NAME.txt (and encoded copies NAME.VARIANT.txt), DIR/expected/NAME.json,
DIR/known-gaps.json (differences that are known and tolerated). See docs/check.md.

Examples:
  vietfacts check fixtures
  vietfacts check fixtures --update-gaps   # then review the \"why\" of new gaps

Exit codes:
  0  every difference is a listed known gap (or there is none)
  1  a difference that is not a known gap, or a known gap that now passes
  2  usage error, or an unreadable or malformed expected or known-gaps file";

#[derive(Debug, Args)]
struct CheckArgs {
    /// The directory holding reports/, expected/ and known-gaps.json.
    dir: PathBuf,
    /// Write today's output as the expected file of each report, for a person to review.
    #[arg(long, conflicts_with = "update_gaps")]
    bless: bool,
    /// Rewrite known-gaps.json with today's differences (keeping the "why" of gaps that remain).
    #[arg(long)]
    update_gaps: bool,
    /// Also list the differences that are known gaps.
    #[arg(long, short)]
    verbose: bool,
}

#[derive(Debug, Args)]
struct InputArgs {
    /// Files or directories to read; standard input when none is given or for `-`.
    inputs: Vec<PathBuf>,
    /// Read directories and everything below them (files matching --glob).
    #[arg(short, long)]
    recursive: bool,
    /// Which files of a directory to read, by name (`*` and `?` wildcards).
    #[arg(long, default_value = "*.txt", value_name = "PATTERN")]
    glob: String,
    /// The encoding of the inputs; `auto` detects it (byte-order mark, UTF-8, legacy
    /// Vietnamese) and repairs TCVN3/VNI text that was decoded as Windows-1252.
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    encoding: EncodingArg,
    /// Replace invalid bytes with U+FFFD instead of reporting the input as unreadable.
    #[arg(long)]
    lossy: bool,
    /// Where the tone mark goes in oa, oe, uy: traditional "hòa", modern "hoà", or keep as written.
    #[arg(long, value_enum, default_value_t = ToneArg::Traditional)]
    tone_style: ToneArg,
    /// Read inputs that look binary (NUL bytes) instead of refusing them.
    #[arg(long)]
    force: bool,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 256 * 1024 * 1024)]
    max_bytes: u64,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output: `json` (an array), `jsonl` (a document per line), `csv` (a fact per row),
    /// `summary` (a short block per document for a person reading in a terminal), or `html`
    /// (one self-contained page, a section per document, every fact highlighted in its text).
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// What the inputs hold: `text` (reports), or `jsonl` (one {"id": ..., "text": ...} record
    /// per line; each record gives one document with its id).
    #[arg(long = "input", value_enum, default_value_t = InputKind::Text)]
    input_kind: InputKind,
    /// The date the reports are read against (YYYY-MM-DD), for years that are not written.
    #[arg(long, value_name = "YYYY-MM-DD")]
    reference_date: Option<vietfacts::date::Date>,
    /// How many inputs to work on at once (default: every core). Output order never changes.
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// A directory of extra lexicon files (surnames.txt, roles.txt, organizations.txt,
    /// abbreviations.txt, ...) that extend the built-in ones; see the README.
    #[arg(long, value_name = "DIR")]
    lexicon: Option<PathBuf>,
    /// No progress bar (it only ever shows on a terminal's stderr).
    #[arg(short, long)]
    quiet: bool,
    /// Which facts to read, comma-separated (default: all of them). The others are left empty
    /// and cost nothing: `--kinds dates` reads dates only, at several times the speed.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND,...")]
    kinds: Vec<KindArg>,
}

/// A kind of facts `--kinds` can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum KindArg {
    /// Dates and time expressions.
    Dates,
    /// Officials, authors, organizations, cited documents.
    People,
    /// Ratios, percentages, counts, money, durations and their warnings.
    Figures,
    /// The meeting record (title, date, place, organizers, roles).
    Meeting,
}

/// The extractors `--kinds` asks for (all of them when it is not given).
fn kinds(asked: &[KindArg]) -> Kinds {
    if asked.is_empty() {
        return Kinds::ALL;
    }
    Kinds::NONE
        .dates(asked.contains(&KindArg::Dates))
        .people(asked.contains(&KindArg::People))
        .figures(asked.contains(&KindArg::Figures))
        .meeting(asked.contains(&KindArg::Meeting))
}

#[derive(Debug, Args)]
struct NormalizeArgs {
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputKind {
    Text,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum EncodingArg {
    Auto,
    #[value(name = "utf-8")]
    Utf8,
    #[value(name = "utf-16le")]
    Utf16le,
    #[value(name = "utf-16be")]
    Utf16be,
    Cp1258,
    Tcvn3,
    Vni,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ToneArg {
    Traditional,
    Modern,
    Keep,
}

impl InputArgs {
    fn decode_options(&self) -> DecodeOptions {
        let encoding = match self.encoding {
            EncodingArg::Auto => None,
            EncodingArg::Utf8 => Some(EncodingName::Utf8),
            EncodingArg::Utf16le => Some(EncodingName::Utf16Le),
            EncodingArg::Utf16be => Some(EncodingName::Utf16Be),
            EncodingArg::Cp1258 => Some(EncodingName::Cp1258),
            EncodingArg::Tcvn3 => Some(EncodingName::Tcvn3),
            EncodingArg::Vni => Some(EncodingName::Vni),
        };
        DecodeOptions::new()
            .encoding(encoding)
            .lossy(self.lossy)
            .allow_binary(self.force)
    }

    fn normalize_options(&self) -> NormalizeOptions {
        let style = match self.tone_style {
            ToneArg::Traditional => Some(ToneStyle::Traditional),
            ToneArg::Modern => Some(ToneStyle::Modern),
            ToneArg::Keep => None,
        };
        NormalizeOptions::new()
            .tone_style(style)
            .mojibake(self.encoding == EncodingArg::Auto)
    }

    fn sources(&self) -> Vec<Source> {
        inputs::expand(&self.inputs, self.recursive, &self.glob)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => return run_check(&args),
        Command::Extract(args) => run_extract(&args),
        Command::Normalize(args) => run_normalize(&args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("vietfacts: {error}");
            ExitCode::from(1)
        }
    }
}

/// How many items are worked on between two writes: enough to keep every thread busy, few
/// enough that memory stays bounded whatever the input's length.
fn batch_size(jobs: usize) -> usize {
    (jobs * 8).max(8)
}

/// Prints a document per input, in input order; returns whether every input was read.
fn run_extract(args: &ExtractArgs) -> io::Result<bool> {
    let mut extractor = Extractor::new()
        .kinds(kinds(&args.kinds))
        .reference_date(args.reference_date)
        .normalize_options(args.input.normalize_options())
        .decode_options(args.input.decode_options());
    if let Some(dir) = &args.lexicon {
        extractor = match extractor.lexicon_dir(dir) {
            Ok(extractor) => extractor,
            Err(error) => {
                // Like a bad option value: nothing was read yet.
                eprintln!("vietfacts: --lexicon: {error}");
                std::process::exit(2);
            }
        };
    }
    let jobs = args.jobs.unwrap_or_else(rayon::current_num_threads).max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(io::Error::other)?;

    let sources = args.input.sources();
    let progress = output::progress(
        args.quiet || !io::stderr().is_terminal(),
        (args.input_kind == InputKind::Text).then_some(sources.len()),
    );
    let stdout = io::stdout();
    let mut sink = Sink::new(BufWriter::new(stdout.lock()), args.format)?;
    let mut all_read = true;
    let mut items = inputs::items(sources, args.input_kind == InputKind::Jsonl);
    loop {
        let batch: Vec<Item> = items.by_ref().take(batch_size(jobs)).collect();
        if batch.is_empty() {
            break;
        }
        let with_text = args.format == Format::Html;
        let documents: Vec<(Document, Option<String>)> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|item| extract_item(item, &extractor, args, with_text))
                .collect()
        });
        for (document, text) in &documents {
            if let Some(error) = document.error() {
                progress.suspend(|| eprintln!("vietfacts: {}: {}", document.id, error.message));
                all_read = false;
            }
            sink.write(document, text.as_deref())?;
            progress.inc(1);
        }
        // A batch is complete: downstream pipes see its lines now.
        sink.flush()?;
    }
    progress.finish_and_clear();
    sink.finish()?;
    Ok(all_read)
}

/// The document of one item and, when `with_text` (the HTML page), the decoded text its
/// spans point into: decoded the same way `document_from_bytes` decodes it.
fn extract_item(
    item: Item,
    extractor: &Extractor,
    args: &ExtractArgs,
    with_text: bool,
) -> (Document, Option<String>) {
    let max_bytes = args.input.max_bytes;
    match item {
        Item::Text(source) if with_text => match source.read(max_bytes) {
            Ok(bytes) => {
                let document = extractor.document_from_bytes(source.id(), &bytes);
                let text = document
                    .error()
                    .is_none()
                    .then(|| decode(&bytes, args.input.decode_options()).ok())
                    .flatten()
                    .map(|decoded| decoded.text.into_owned());
                (document, text)
            }
            Err(error) => (
                Document::with_error(source.id(), error.to_document_error()),
                None,
            ),
        },
        Item::Record(id, text) if with_text => (extractor.document(id, &text), Some(text)),
        item => (item.extract(extractor, max_bytes), None),
    }
}

/// Prints each input normalized; returns whether every input was read.
fn run_normalize(args: &NormalizeArgs) -> io::Result<bool> {
    let options = args.input.normalize_options();
    let decode_options = args.input.decode_options();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut all_read = true;
    for source in args.input.sources() {
        let text = source.read(args.input.max_bytes).and_then(|bytes| {
            decode(&bytes, decode_options)
                .map(|decoded| vietfacts::normalize_with(&decoded.text, options).into_text())
        });
        match text {
            Ok(text) => out.write_all(text.as_bytes())?,
            Err(error) => {
                eprintln!("vietfacts: {}: {error}", source.id());
                all_read = false;
            }
        }
    }
    out.flush()?;
    Ok(all_read)
}

/// `vietfacts check`: 0 when everything matches or is a known gap, 1 otherwise, 2 when the
/// directory or an expected or known-gaps file cannot be read.
fn run_check(args: &CheckArgs) -> ExitCode {
    use vietfacts::check;
    let fail = |error: check::CheckError| {
        eprintln!("vietfacts: {error}");
        ExitCode::from(2)
    };
    if args.bless {
        return match check::bless(&args.dir) {
            Ok(written) => {
                for path in &written {
                    say(&format!("wrote {}\n", path.display()));
                }
                say(&format!(
                    "{} expected files written: review them before committing\n",
                    written.len()
                ));
                ExitCode::SUCCESS
            }
            Err(error) => fail(error),
        };
    }
    if args.update_gaps {
        return match check::update_known_gaps(&args.dir) {
            Ok(gaps) => {
                let new = gaps.iter().filter(|g| g.why == check::NOT_REVIEWED).count();
                say(&format!(
                    "wrote {} known gaps to {} ({new} not reviewed yet)\n",
                    gaps.len(),
                    args.dir.join("known-gaps.json").display()
                ));
                ExitCode::SUCCESS
            }
            Err(error) => fail(error),
        };
    }
    match check::check_dir(&args.dir) {
        Ok(report) => {
            say(&report.render(args.verbose));
            say(&report.scores_table());
            if report.passed() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(error) => fail(error),
    }
}

/// Prints to standard output; a closed pipe (`| head`) is the reader's choice, not an error.
fn say(text: &str) {
    let _ = io::stdout().lock().write_all(text.as_bytes());
}
