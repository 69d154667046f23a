//! Command-line arguments. Only the binary sees clap; the library never does.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "newsclean",
    version,
    about = "Clean scraped news pages: the article without the noise, every removal explained"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Clean pages: files, directories (recursive, sorted) or `-` for stdin. JSON Lines out.
    Clean(CleanArgs),
    /// Count lines across pages into a page-frequency table (or merge tables) for `clean --table`.
    Stats(StatsArgs),
    /// Compare pages with their expected records `<name>.json` beside them.
    Check(CheckArgs),
    /// Score cleaning against a ground-truth folder (`<id>.<ext>` beside `<id>.json`).
    Eval(EvalArgs),
    /// Explain what a rule does.
    Explain { code: String },
    /// List every rule.
    Rules,
    /// Print the JSON Schema (draft 2020-12) of the output lines.
    Schema,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One JSON record a line.
    Jsonl,
    /// One JSON array of records, indented.
    Json,
    /// For a person: title, date, then the body paragraphs.
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Each file is one page (text or HTML, told by extension or content).
    Pages,
    /// Each line is a record `{"id", "url", "html" | "text"}`, as corpus tools carry pages.
    Jsonl,
    /// Each file is a WARC or WET file, plain or gzip, whatever its name (`.warc`,
    /// `.warc.gz`, `.wet`, `.wet.gz` are read so in any case).
    Warc,
}

impl From<InputFormat> for newsclean::input::InputFormat {
    fn from(format: InputFormat) -> Self {
        match format {
            InputFormat::Pages => newsclean::input::InputFormat::Pages,
            InputFormat::Jsonl => newsclean::input::InputFormat::Jsonl,
            InputFormat::Warc => newsclean::input::InputFormat::Warc,
        }
    }
}

#[derive(Debug, Parser)]
pub struct CleanArgs {
    /// Files or directories; `-` or nothing reads one page from stdin.
    pub paths: Vec<PathBuf>,
    /// Write to FILE atomically (a temporary file renamed at the end) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub run: RunArgs,
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    pub format: OutputFormat,
    /// Clean every page alone: no cross-page boilerplate, no near-duplicates.
    #[arg(long)]
    pub no_batch: bool,
    /// Use this page-frequency table (from `newsclean stats`) instead of a first pass.
    #[arg(long, value_name = "FILE")]
    pub table: Option<PathBuf>,
    /// Write no record for a page that is a near-duplicate of an earlier one.
    #[arg(long)]
    pub drop_duplicates: bool,
}

#[derive(Debug, Parser)]
pub struct StatsArgs {
    /// Pages to count (like `clean`), or with --merge the tables to merge.
    pub paths: Vec<PathBuf>,
    /// Merge tables of disjoint shards into one.
    #[arg(long)]
    pub merge: bool,
    /// Write the table to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub run: RunArgs,
}

/// How a run reads its pages and uses the machine; shared by `clean` and `stats`.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Worker threads (default: all cores). Output bytes are the same for every value.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar, no summary, no failures named on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// Name every failed page on stderr, not only the first few.
    #[arg(short, long, conflicts_with = "quiet")]
    pub verbose: bool,
    /// How inputs hold pages.
    #[arg(long, value_enum, default_value_t = InputFormat::Pages)]
    pub input_format: InputFormat,
    /// In a folder, read only the files whose path below it matches GLOB (`news/**`,
    /// `*.php`), whatever their extension; `!GLOB` leaves files out. Repeat for several.
    #[arg(short, long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// In a folder, read only the files of TYPE, by extension (`.gz` looked through):
    /// html (.html .htm .shtml .xhtml), text (.txt .text .md), jsonl (.jsonl .ndjson),
    /// warc (.warc .wet). Repeat for several; with --glob, a file must match both.
    #[arg(short = 't', long = "type", value_name = "TYPE")]
    pub types: Vec<String>,
    /// A page larger than this many bytes becomes an error record.
    #[arg(long, value_name = "BYTES", default_value_t = newsclean::input::MAX_BYTES)]
    pub max_bytes: u64,
}

#[derive(Debug, Parser)]
pub struct CheckArgs {
    /// Fixture directories (default: fixtures).
    pub dirs: Vec<PathBuf>,
    /// Write or rewrite the expected records, and say which.
    #[arg(long)]
    pub bless: bool,
}

#[derive(Debug, Parser)]
pub struct EvalArgs {
    /// Folders of pages with ground truth beside them: a line and the worst pages for each.
    #[arg(long, value_name = "DIR", num_args = 1.., required = true)]
    pub truth: Vec<PathBuf>,
    /// How many of the worst pages to show, for each folder.
    #[arg(long, default_value_t = 5)]
    pub worst: usize,
    /// Fail (exit 1) when a folder's body F1 is below this floor: `0.9` for every folder,
    /// `dragnet=0.91` for the folders whose path ends so. Repeat for several.
    #[arg(long, value_name = "[FOLDER=]F1", value_parser = floor)]
    pub min_f1: Vec<Floor>,
    /// Fail (exit 1) when a folder's share of exactly right pages is below this floor,
    /// written as for `--min-f1`.
    #[arg(long, value_name = "[FOLDER=]SHARE", value_parser = floor)]
    pub min_exact: Vec<Floor>,
    /// Clean the folder as one batch (cross-page boilerplate, near-duplicates), as
    /// `newsclean clean DIR` does, instead of page by page.
    #[arg(long)]
    pub batch: bool,
}

/// A floor on a figure, for every folder or for the folders whose path ends in `folder`.
#[derive(Debug, Clone)]
pub struct Floor {
    pub folder: Option<PathBuf>,
    pub value: f64,
}

impl Floor {
    /// Whether the floor holds for a folder at `dir`.
    pub fn applies_to(&self, dir: &std::path::Path) -> bool {
        self.folder.as_ref().is_none_or(|f| dir.ends_with(f))
    }
}

fn floor(s: &str) -> Result<Floor, String> {
    let (folder, value) = match s.rsplit_once('=') {
        Some((folder, value)) => (Some(PathBuf::from(folder)), value),
        None => (None, s),
    };
    let value = value.parse().map_err(|_| format!("'{value}' is not a number (write 0.9 or FOLDER=0.9)"))?;
    Ok(Floor { folder, value })
}
