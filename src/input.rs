//! Where pages come from: files as given, folders walked in sorted order (what is no page
//! skipped and counted), JSON Lines, WARC and WET files, and standard input. Each page is
//! a [`Job`] that cleans into its record or its error record: the command line and the
//! Python package read their inputs through here, so both give the same records.

use crate::batch::Batch;
use crate::walk::{self, Walk};
use crate::warc::{self, WarcPage, WarcReader};
use crate::{ErrorRecord, Format, Page, Pipeline, Record};
use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub use crate::walk::{Select, TYPES};

/// The largest page read by default (`--max-bytes`): a larger one is an error record.
pub const MAX_BYTES: u64 = 64 << 20;

/// A page's record, or the error record that stands in its place.
pub type Outcome = Result<Record, ErrorRecord>;

/// How the files given are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Each file is one page (text or HTML, told by extension or content); WARC and JSON
    /// Lines files, told by their names, hold many.
    #[default]
    Pages,
    /// Each line is a record `{"id", "url", "html" | "text"}`.
    Jsonl,
    /// Each file is a WARC or WET file, whatever its name.
    Warc,
}

/// One unit of work: a page file, one line of a JSON Lines input, or one page record of
/// a WARC file; or the error record of an input that could not be read.
pub struct Job(Work);

enum Work {
    File { path: PathBuf, max_bytes: u64 },
    Line { source: String, stem: String, number: usize, line: String, max_bytes: u64 },
    Warc(WarcPage),
    Failed(ErrorRecord),
}

impl Job {
    /// Line `number` of the JSON Lines input at `path` (`-`: standard input): a page
    /// record `{"id", "url", "source", "html" | "text"}`, named as the command line names it.
    pub fn line(path: &Path, number: usize, line: String, max_bytes: u64) -> Job {
        let (name, stem) = (path.to_string_lossy(), Page::id_of(path));
        Job(Work::Line { source: format!("{name}:{number}"), stem, number, line, max_bytes })
    }

    /// Where the job's page is: `FILE`, `FILE:LINE` or `FILE#OFFSET`. The same inputs give
    /// the same places in every pass.
    pub fn place(&self) -> std::borrow::Cow<'_, str> {
        match &self.0 {
            Work::File { path, .. } => path.to_string_lossy(),
            Work::Line { source, .. } => source.as_str().into(),
            Work::Warc(warc) => warc.source.as_str().into(),
            Work::Failed(error) => error.source.as_str().into(),
        }
    }

    /// Whether the job is a blank line, which is no page.
    pub fn is_blank(&self) -> bool {
        matches!(&self.0, Work::Line { line, .. } if line.trim().is_empty())
    }

    /// The page's record, cleaned alone or in `batch`.
    pub fn clean(&self, pipeline: &Pipeline, batch: Option<&Batch>) -> Outcome {
        match &self.0 {
            Work::File { path, max_bytes } => clean_path(pipeline, path, *max_bytes, batch),
            Work::Line { source, stem, number, line, max_bytes } => {
                clean_line(pipeline, source, stem, *number, line, *max_bytes, batch)
            }
            Work::Warc(warc) => pipeline.clean_in(&warc.page(), batch).map_err(|e| ErrorRecord {
                id: warc.id.clone(),
                source: warc.source.clone(),
                error: e.to_string(),
            }),
            Work::Failed(error) => Err(error.clone()),
        }
    }
}

/// The jobs of one pass over the inputs, in order.
pub type Jobs = Box<dyn Iterator<Item = Job> + Send>;

/// The pages of a run's inputs: walked once to count them, then once a pass.
pub struct Inputs {
    paths: Vec<PathBuf>,
    /// The file the run writes, never read as a page.
    output: Option<PathBuf>,
    select: Select,
    pages: u64,
    /// Files that are no pages, by why.
    skipped: BTreeMap<String, usize>,
    format: InputFormat,
    from_stdin: bool,
    /// Standard input written to a temporary file, so that a batch can read it twice:
    /// JSON Lines or WARC on stdin.
    spool: Option<Arc<tempfile::NamedTempFile>>,
    /// An input holds many pages (WARC, JSON Lines): their number is known only once read.
    containers: bool,
    /// WARC records that are no pages, by kind, as the passes meet them.
    skipped_records: Arc<Mutex<BTreeMap<String, usize>>>,
    max_bytes: u64,
}

impl Inputs {
    /// The inputs at `paths` (none, or only `-`: standard input). `output` is the file the
    /// run writes, never read; `select` chooses the files found in folders; a page over
    /// `max_bytes` is an error record.
    pub fn new(
        paths: &[PathBuf],
        output: Option<&Path>,
        select: Select,
        format: InputFormat,
        max_bytes: u64,
    ) -> Inputs {
        let from_stdin = paths.is_empty() || paths.iter().all(|p| p.as_os_str() == "-");
        let paths = if from_stdin { vec![PathBuf::from("-")] } else { paths.to_vec() };
        let output = output.map(Path::to_path_buf);
        let (mut pages, mut skipped, mut containers) = (0, BTreeMap::new(), format != InputFormat::Pages);
        for entry in Walk::new(&paths, output.as_deref(), &select) {
            match entry {
                walk::Entry::Page(path) => {
                    pages += 1;
                    containers |= is_warc(&path) || is_jsonl(&path);
                }
                walk::Entry::Skipped(why) => *skipped.entry(why).or_insert(0) += 1,
                walk::Entry::Unreadable(..) => {}
            }
        }
        Inputs {
            paths,
            output,
            select,
            pages,
            skipped,
            format,
            from_stdin,
            spool: None,
            containers,
            skipped_records: Arc::default(),
            max_bytes,
        }
    }

    /// The paths as given (`-` for standard input).
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// Files found to be pages or files of pages (the number of pages where no input
    /// holds many).
    pub fn files(&self) -> u64 {
        self.pages
    }

    /// Files found that are no pages, by why (`.js`, `robots.txt`, `the run's output`).
    pub fn skipped(&self) -> &BTreeMap<String, usize> {
        &self.skipped
    }

    /// WARC records met that are no pages, by kind, since the last call.
    pub fn take_skipped_records(&self) -> BTreeMap<String, usize> {
        std::mem::take(&mut self.skipped_records.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    /// The number of pages, where it is known before they are read.
    pub fn total(&self) -> Option<u64> {
        (!self.containers).then_some(self.pages)
    }

    /// Whether the pages are read from standard input.
    pub fn from_stdin(&self) -> bool {
        self.from_stdin
    }

    /// Whether an input holds many pages (WARC, JSON Lines).
    pub fn holds_many(&self) -> bool {
        self.containers
    }

    /// Whether the inputs are a batch: more than one page, read where each pass can read
    /// them (standard input only once spooled).
    pub fn is_batch(&self) -> bool {
        (!self.from_stdin || self.spool.is_some()) && (self.pages > 1 || self.containers)
    }

    /// Writes standard input to a temporary file (streamed: memory does not grow with
    /// it), to be read once a pass as the same lines in a file would be.
    pub fn spool_stdin(&mut self) -> io::Result<()> {
        let mut spool = tempfile::NamedTempFile::new()?;
        io::copy(&mut io::stdin().lock(), &mut spool)?;
        self.spool = Some(Arc::new(spool));
        Ok(())
    }

    /// The jobs of one pass, in order: a directory that cannot be listed is an error
    /// record where it stands. The jobs own what they read: a pass can run on any thread.
    pub fn jobs(&self) -> Jobs {
        let (format, max_bytes) = (self.format, self.max_bytes);
        let (spool, counts) = (self.spool.clone(), self.skipped_records.clone());
        let walk = Walk::new(&self.paths, self.output.as_deref(), &self.select);
        Box::new(walk.flat_map(move |entry| -> Jobs {
            let open = |path: &Path| open(spool.as_deref(), path);
            match (entry, format) {
                (walk::Entry::Page(path), InputFormat::Warc) => {
                    warc_records(open(&path), path, max_bytes, counts.clone())
                }
                (walk::Entry::Page(path), InputFormat::Pages) if is_warc(&path) => {
                    warc_records(open(&path), path, max_bytes, counts.clone())
                }
                (walk::Entry::Page(path), InputFormat::Pages) if is_jsonl(&path) => {
                    jsonl_lines(open(&path), path, max_bytes)
                }
                (walk::Entry::Page(path), InputFormat::Pages) => {
                    Box::new(std::iter::once(Job(Work::File { path, max_bytes })))
                }
                (walk::Entry::Page(path), InputFormat::Jsonl) => jsonl_lines(open(&path), path, max_bytes),
                (walk::Entry::Skipped(_), _) => Box::new(std::iter::empty()),
                (walk::Entry::Unreadable(dir, cause), _) => {
                    Box::new(std::iter::once(failed(&dir, format!("read: {cause}"))))
                }
            }
        }))
    }
}

type Input = Box<dyn BufRead + Send>;

/// An input to read: a file, or standard input (spooled, where it was).
fn open(spool: Option<&tempfile::NamedTempFile>, path: &Path) -> io::Result<Input> {
    Ok(match (spool, path.as_os_str() == "-") {
        (Some(spool), true) => Box::new(io::BufReader::with_capacity(1 << 16, spool.reopen()?)),
        (None, true) => Box::new(io::BufReader::new(io::stdin())),
        (_, false) => Box::new(io::BufReader::with_capacity(1 << 16, fs::File::open(path)?)),
    })
}

/// The page records of one WARC file, read as they are asked for; the others are
/// counted by kind.
fn warc_records(
    input: io::Result<Input>,
    path: PathBuf,
    max_bytes: u64,
    counts: Arc<Mutex<BTreeMap<String, usize>>>,
) -> Jobs {
    let input = match input {
        Ok(input) => input,
        Err(e) => return Box::new(std::iter::once(failed(&path, format!("read: {e}")))),
    };
    let name = path.to_string_lossy().into_owned();
    let stem = Page::id_of(&path);
    Box::new(WarcReader::new(input, name, max_bytes).filter_map(move |item| match item {
        warc::Item::Page(page) => Some(Job(Work::Warc(page))),
        warc::Item::Skipped(kind) => {
            *counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner).entry(kind).or_insert(0) += 1;
            None
        }
        warc::Item::Failed { source, error } => {
            Some(Job(Work::Failed(ErrorRecord { id: stem.clone(), source, error })))
        }
    }))
}

/// Whether a file is a WARC or WET file by its name.
fn is_warc(path: &Path) -> bool {
    path.file_name().is_some_and(|n| warc::is_warc_name(&n.to_string_lossy()))
}

/// Whether a file is JSON Lines by its name: `.jsonl`, `.ndjson`.
fn is_jsonl(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// The lines of one JSON Lines input, read lazily; a read error ends the file with an
/// error record naming the line it stopped at.
fn jsonl_lines(reader: io::Result<Input>, path: PathBuf, max_bytes: u64) -> Jobs {
    let reader = match reader {
        Ok(reader) => reader,
        Err(e) => return Box::new(std::iter::once(failed(&path, format!("read: {e}")))),
    };
    let mut broken = false;
    Box::new(
        reader
            .lines()
            .enumerate()
            .map_while(move |(i, line)| {
                if broken {
                    return None;
                }
                let number = i + 1;
                Some(match line {
                    Ok(line) => Job::line(&path, number, line, max_bytes),
                    Err(e) => {
                        broken = true;
                        let (name, stem) = (path.to_string_lossy(), Page::id_of(&path));
                        let (id, source) = (format!("{stem}:{number}"), format!("{name}:{number}"));
                        Job(Work::Failed(ErrorRecord { id, source, error: format!("read: {e}") }))
                    }
                })
            })
            .filter(|job| !job.is_blank()),
    )
}

/// Cleans one JSON Lines record: `{"id", "url", "source", "html" | "text"}`.
fn clean_line(
    pipeline: &Pipeline,
    source: &str,
    stem: &str,
    number: usize,
    line: &str,
    max_bytes: u64,
    batch: Option<&Batch>,
) -> Outcome {
    let fallback_id = format!("{stem}:{number}");
    let fail = |id: String, error: String| ErrorRecord { id, source: source.to_owned(), error };
    let value: serde_json::Value = serde_json::from_str(line)
        .map_err(|e| fail(fallback_id.clone(), format!("input: line {number}: invalid JSON: {e}")))?;
    let given_id = match &value["id"] {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    // A record names its page by its own `source` or `id`, so the same page gets the same
    // record (and batch identity) whichever file, partition or line carries it; FILE:LINE
    // names it only when it says nothing, and always names where an error was.
    let name =
        value["source"].as_str().map(str::to_owned).or_else(|| given_id.clone()).unwrap_or_else(|| source.to_owned());
    let id = given_id.unwrap_or(fallback_id);
    let (content, format) = match (&value["html"], &value["text"]) {
        (serde_json::Value::String(html), _) => (html, Format::Html),
        (_, serde_json::Value::String(text)) => (text, Format::Text),
        _ => return Err(fail(id, format!("input: line {number}: no \"html\" or \"text\" string"))),
    };
    if content.len() as u64 > max_bytes {
        return Err(fail(id, format!("read: page exceeds --max-bytes {max_bytes}")));
    }
    let mut page = Page::new(id.clone(), name, content.as_bytes());
    page.url = value["url"].as_str().map(str::to_owned);
    page.format = Some(format);
    pipeline.clean_in(&page, batch).map_err(|e| fail(id, e.to_string()))
}

fn error_record(path: &Path, error: String) -> ErrorRecord {
    ErrorRecord { id: Page::id_of(path), source: path.to_string_lossy().into_owned(), error }
}

/// The job of an input that could not be read.
fn failed(path: &Path, error: String) -> Job {
    Job(Work::Failed(error_record(path, error)))
}

fn read_page(path: &Path, max_bytes: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let reader: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        let file = fs::File::open(path).map_err(|e| format!("read: {e}"))?;
        // Sized from the file's length, a page is read in one call instead of a growing series.
        let len = file.metadata().map_or(0, |m| m.len()).min(max_bytes + 1);
        bytes.reserve_exact(usize::try_from(len).unwrap_or(0) + 1);
        Box::new(file)
    };
    reader.take(max_bytes + 1).read_to_end(&mut bytes).map_err(|e| format!("read: {e}"))?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!("read: page exceeds --max-bytes {max_bytes}"));
    }
    Ok(bytes)
}

fn clean_path(pipeline: &Pipeline, path: &Path, max_bytes: u64, batch: Option<&Batch>) -> Outcome {
    let bytes = read_page(path, max_bytes).map_err(|e| error_record(path, e))?;
    let page = Page::from_path(path, &bytes);
    pipeline.clean_in(&page, batch).map_err(|e| error_record(path, e.to_string()))
}
