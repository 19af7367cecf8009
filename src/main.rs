//! The `vietfacts` command: reads files or standard input, prints normalized text or facts.
//! Glue only: arguments become options, options go to the library; no extraction here.

use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use vietfacts::facts::{Document, EncodingName};
use vietfacts::text::decode::{DecodeOptions, decode};
use vietfacts::{Extractor, NormalizeOptions, ToneStyle};

const EXIT_CODES: &str = "\
Exit codes:
  0  every input was read
  1  some input could not be read (it is reported on stderr and, for extract, as an error document)
  2  usage error (unknown option, bad value)";

const EXAMPLES: &str = "\
Examples:
  vietfacts extract fixtures/reports/hoi-nghi-tong-ket-2024.txt
  vietfacts extract --format jsonl reports/*.txt > facts.jsonl
  vietfacts extract --reference-date 2024-01-11 - < report.txt
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
    /// Print the facts of each input as JSON documents (schema_version 1).
    #[command(after_help = format!("{EXAMPLES}\n\n{EXIT_CODES}"))]
    Extract(ExtractArgs),
    /// Print each input normalized: NFC, one tone style, single spaces, LF line ends.
    #[command(after_help = EXIT_CODES)]
    Normalize(NormalizeArgs),
}

#[derive(Debug, Args)]
struct InputArgs {
    /// Files to read; standard input when none is given or for `-`.
    files: Vec<PathBuf>,
    /// The encoding of the inputs; `auto` detects it (byte-order mark, UTF-8, legacy Vietnamese).
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    encoding: EncodingArg,
    /// Replace invalid bytes with U+FFFD instead of reporting the input as unreadable.
    #[arg(long)]
    lossy: bool,
    /// Where the tone mark goes in oa, oe, uy: traditional "hòa", modern "hoà", or keep as written.
    #[arg(long, value_enum, default_value_t = ToneArg::Traditional)]
    tone_style: ToneArg,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format: `json` (an array of documents), `jsonl` (one document per line) or
    /// `summary` (a short block per document for a person reading in a terminal).
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// The date the reports are read against (YYYY-MM-DD), for years that are not written.
    #[arg(long, value_name = "YYYY-MM-DD")]
    reference_date: Option<vietfacts::date::Date>,
}

#[derive(Debug, Args)]
struct NormalizeArgs {
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Jsonl,
    Summary,
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
        DecodeOptions::new().encoding(encoding).lossy(self.lossy)
    }

    fn normalize_options(&self) -> NormalizeOptions {
        let style = match self.tone_style {
            ToneArg::Traditional => Some(ToneStyle::Traditional),
            ToneArg::Modern => Some(ToneStyle::Modern),
            ToneArg::Keep => None,
        };
        // `auto` also repairs text that was decoded as Windows-1252 but is TCVN3 or VNI.
        NormalizeOptions::new()
            .tone_style(style)
            .mojibake(self.encoding == EncodingArg::Auto)
    }

    /// The inputs, standard input (`-`) when no file is named.
    fn sources(&self) -> Vec<PathBuf> {
        if self.files.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            self.files.clone()
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => run_extract(&args),
        Command::Normalize(args) => run_normalize(&args),
    };
    match result {
        Ok(all_read) if all_read => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("vietfacts: cannot write the output: {error}");
            ExitCode::from(1)
        }
    }
}

/// The bytes of one input: a file, or standard input for `-`.
fn read_source(path: &Path) -> Result<Vec<u8>, vietfacts::Error> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| vietfacts::Error::io("standard input", e))?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(|e| vietfacts::Error::io(path, e))
    }
}

fn id_of(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Prints a document per input; returns whether every input was read.
fn run_extract(args: &ExtractArgs) -> io::Result<bool> {
    let extractor = Extractor::new()
        .reference_date(args.reference_date)
        .normalize_options(args.input.normalize_options())
        .decode_options(args.input.decode_options());
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut all_read = true;
    let mut first = true;
    if args.format == Format::Json {
        out.write_all(b"[")?;
    }
    for path in args.input.sources() {
        let id = id_of(&path);
        let document = match read_source(&path) {
            Ok(bytes) => extractor.document_from_bytes(id, &bytes),
            Err(error) => Document::with_error(id, error.to_document_error()),
        };
        if let Some(error) = document.error() {
            eprintln!("vietfacts: {}: {}", document.id, error.message);
            all_read = false;
        }
        match args.format {
            Format::Json => {
                out.write_all(if first { b"\n" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut out, &document)?;
            }
            Format::Jsonl => {
                serde_json::to_writer(&mut out, &document)?;
                out.write_all(b"\n")?;
                // A line is complete as soon as its document is: downstream pipes see it now.
                out.flush()?;
            }
            Format::Summary => out.write_all(vietfacts::summary::render(&document).as_bytes())?,
        }
        first = false;
    }
    if args.format == Format::Json {
        out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
    }
    out.flush()?;
    Ok(all_read)
}

/// Prints each input normalized; returns whether every input was read.
fn run_normalize(args: &NormalizeArgs) -> io::Result<bool> {
    let options = args.input.normalize_options();
    let decode_options = args.input.decode_options();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut all_read = true;
    for path in args.input.sources() {
        let text = read_source(&path).and_then(|bytes| {
            decode(&bytes, decode_options)
                .map(|decoded| vietfacts::normalize_with(&decoded.text, options).into_text())
        });
        match text {
            Ok(text) => out.write_all(text.as_bytes())?,
            Err(error) => {
                eprintln!("vietfacts: {}: {error}", path.display());
                all_read = false;
            }
        }
    }
    out.flush()?;
    Ok(all_read)
}
