//! `newsclean clean`: pages in, records out, in sorted input order whatever `--jobs` is.
//!
//! Pages are cleaned in chunks: each chunk in parallel (rayon's indexed collect keeps its
//! order), then written in order through one buffered writer, so memory holds one chunk
//! of records at most and output bytes never depend on the thread count.

use super::args::{CleanArgs, InputFormat, OutputFormat, StatsArgs};
use super::walk;
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use newsclean::batch::{Batch, Table, Tally, TABLE_VERSION};
use newsclean::warc::{self, WarcPage, WarcReader};
use newsclean::Format;
use newsclean::{ErrorRecord, Page, Pipeline, Record};
use rayon::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Pages cleaned between two writes: enough to keep every core busy, few enough that
/// their records stay small in memory.
const CHUNK: usize = 512;

type Outcome = Result<Record, ErrorRecord>;

/// Context of a batch's counting errors, which are mostly the temporary folder's.
const COUNTING: &str =
    "counting the batch (set TMPDIR to a writable folder with space, or clean page by page with --no-batch)";

/// One unit of work: a page file, one line of a JSON Lines input, or one page record of
/// a WARC file.
enum Job {
    File(PathBuf),
    Line { source: String, stem: String, number: usize, line: String },
    Warc(WarcPage),
    Failed(ErrorRecord),
}

/// Where the pages of a run come from: walked once to count them, then once per pass.
struct Source {
    paths: Vec<PathBuf>,
    /// The file the run writes, never read as a page.
    output: Option<PathBuf>,
    globs: Option<walk::Globs>,
    pages: u64,
    /// Files that are no pages, by why.
    skipped: BTreeMap<String, usize>,
    format: InputFormat,
    from_stdin: bool,
    /// Standard input written to a temporary file, so that a batch can read it twice:
    /// JSON Lines or WARC on stdin.
    spool: Option<tempfile::NamedTempFile>,
    /// An input holds many pages (WARC, JSON Lines): their number is known only once read.
    containers: bool,
    /// WARC records that are no pages, by kind, in the pass that counts them.
    skipped_records: RefCell<BTreeMap<String, usize>>,
    max_bytes: u64,
}

impl Source {
    fn new(
        paths: &[PathBuf],
        output: Option<&Path>,
        globs: Option<walk::Globs>,
        format: InputFormat,
        max_bytes: u64,
    ) -> Source {
        let from_stdin = paths.is_empty() || paths.iter().all(|p| p.as_os_str() == "-");
        let paths = if from_stdin { vec![PathBuf::from("-")] } else { paths.to_vec() };
        let output = output.map(Path::to_path_buf);
        let (mut pages, mut skipped, mut containers) = (0, BTreeMap::new(), format != InputFormat::Pages);
        for entry in walk::Walk::new(&paths, output.as_deref(), globs.as_ref()) {
            match entry {
                walk::Entry::Page(path) => {
                    pages += 1;
                    containers |= is_warc(&path) || is_jsonl(&path);
                }
                walk::Entry::Skipped(why) => *skipped.entry(why).or_insert(0) += 1,
                walk::Entry::Unreadable(..) => {}
            }
        }
        let skipped_records = RefCell::default();
        Source {
            paths,
            output,
            globs,
            pages,
            skipped,
            format,
            from_stdin,
            spool: None,
            containers,
            skipped_records,
            max_bytes,
        }
    }

    /// Writes standard input to a temporary file (streamed: memory does not grow with
    /// it), to be read once a pass as the same lines in a file would be.
    fn spool_stdin(&mut self) -> Result<()> {
        let mut spool = tempfile::NamedTempFile::new().context("a temporary file for stdin (set TMPDIR)")?;
        io::copy(&mut io::stdin().lock(), &mut spool).context("writing stdin to a temporary file")?;
        self.spool = Some(spool);
        Ok(())
    }

    /// An input to read: a file, or standard input (spooled, where it was).
    fn open(&self, path: &Path) -> io::Result<Box<dyn BufRead>> {
        Ok(match (&self.spool, path.as_os_str() == "-") {
            (Some(spool), true) => Box::new(io::BufReader::with_capacity(1 << 16, spool.reopen()?)),
            (None, true) => Box::new(io::BufReader::new(io::stdin())),
            (_, false) => Box::new(io::BufReader::with_capacity(1 << 16, fs::File::open(path)?)),
        })
    }

    fn total(&self) -> Option<u64> {
        (!self.containers).then_some(self.pages)
    }

    /// The jobs in order: a directory that cannot be listed is an error record where it
    /// stands.
    fn jobs(&self) -> impl Iterator<Item = Job> + '_ {
        walk::Walk::new(&self.paths, self.output.as_deref(), self.globs.as_ref()).flat_map(
            move |entry| -> Box<dyn Iterator<Item = Job>> {
                match (entry, self.format) {
                    (walk::Entry::Page(path), InputFormat::Warc) => self.warc_records(path),
                    (walk::Entry::Page(path), InputFormat::Pages) if is_warc(&path) => self.warc_records(path),
                    (walk::Entry::Page(path), InputFormat::Pages) if is_jsonl(&path) => self.jsonl_lines(path),
                    (walk::Entry::Page(path), InputFormat::Pages) => Box::new(std::iter::once(Job::File(path))),
                    (walk::Entry::Page(path), InputFormat::Jsonl) => self.jsonl_lines(path),
                    (walk::Entry::Skipped(_), _) => Box::new(std::iter::empty()),
                    (walk::Entry::Unreadable(dir, cause), _) => {
                        Box::new(std::iter::once(Job::Failed(error_record(&dir, format!("read: {cause}")))))
                    }
                }
            },
        )
    }

    /// The page records of one WARC file, read as they are asked for; the others are
    /// counted by kind.
    fn warc_records(&self, path: PathBuf) -> Box<dyn Iterator<Item = Job> + '_> {
        let name = path.to_string_lossy().into_owned();
        let input = match self.open(&path) {
            Ok(input) => input,
            Err(e) => return Box::new(std::iter::once(Job::Failed(error_record(&path, format!("read: {e}"))))),
        };
        let stem = Page::id_of(&path);
        Box::new(WarcReader::new(input, name, self.max_bytes).filter_map(move |item| match item {
            warc::Item::Page(page) => Some(Job::Warc(page)),
            warc::Item::Skipped(kind) => {
                *self.skipped_records.borrow_mut().entry(kind).or_insert(0) += 1;
                None
            }
            warc::Item::Failed { source, error } => Some(Job::Failed(ErrorRecord { id: stem.clone(), source, error })),
        }))
    }

    /// The lines of one JSON Lines input.
    fn jsonl_lines(&self, path: PathBuf) -> Box<dyn Iterator<Item = Job>> {
        jsonl_lines(self.open(&path), path)
    }
}

/// Whether a file is a WARC or WET file by its name.
fn is_warc(path: &Path) -> bool {
    path.file_name().is_some_and(|n| warc::is_warc_name(&n.to_string_lossy()))
}

/// Whether a file is JSON Lines by its name: `.jsonl`, `.ndjson`.
fn is_jsonl(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// Runs jobs in parallel chunks and hands each outcome, in input order, to `sink`;
/// `sink` returns false to stop early.
fn for_each_outcome(
    pool: &rayon::ThreadPool,
    jobs: impl Iterator<Item = Job>,
    work: impl Fn(Job) -> Outcome + Sync,
    mut sink: impl FnMut(Outcome) -> Result<bool>,
) -> Result<()> {
    let mut jobs = jobs;
    let mut next: Vec<Job> = jobs.by_ref().take(CHUNK).collect();
    while !next.is_empty() {
        let chunk = std::mem::take(&mut next);
        // The next chunk is read while this one is cleaned: a WARC file is inflated and
        // split on this thread, and would otherwise keep the pool waiting.
        let outcomes: Vec<Outcome> = std::thread::scope(|scope| {
            let cleaning = scope.spawn(|| pool.install(|| chunk.into_par_iter().map(&work).collect()));
            next = jobs.by_ref().take(CHUNK).collect();
            cleaning.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        for outcome in outcomes {
            if !sink(outcome)? {
                return Ok(());
            }
        }
    }
    Ok(())
}

/// The first pass of a batch: every page cleaned alone and reduced to its stats.
fn tally_of(
    pool: &rayon::ThreadPool,
    pipeline: &Pipeline,
    source: &Source,
    max_bytes: u64,
    bar: &ProgressBar,
) -> Result<Tally> {
    let mut tally = Tally::default();
    for_each_outcome(
        pool,
        source.jobs(),
        |job| {
            let outcome = run_job(pipeline, job, max_bytes, None);
            bar.inc(1);
            outcome
        },
        |outcome| {
            // Fold as we go: between the passes only hashes are kept.
            if let Ok(record) = outcome {
                tally.count(&record).context(COUNTING)?;
            }
            Ok(true)
        },
    )?;
    Ok(tally)
}

fn progress(quiet: bool, total: Option<u64>, what: &str) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = total.map_or_else(ProgressBar::no_length, ProgressBar::new);
    bar.with_style(
        ProgressStyle::with_template(&format!("{{bar:40}} {{pos}}/{{len}} {what}  {{per_sec}}  eta {{eta}}"))
            .expect("valid template"),
    )
}

fn read_table(path: &Path) -> Result<Table> {
    let bytes = fs::read(path).with_context(|| format!("reading table {}", path.display()))?;
    let table: Table = serde_json::from_slice(&bytes).with_context(|| format!("parsing table {}", path.display()))?;
    anyhow::ensure!(
        table.version == TABLE_VERSION,
        "table {} has version {}, not {TABLE_VERSION}",
        path.display(),
        table.version
    );
    Ok(table)
}

pub fn run(args: &CleanArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.run.jobs.unwrap_or(0)).build()?;
    let pipeline = pool.install(super::pipeline);
    let mut source = Source::new(
        &args.paths,
        args.output.as_deref(),
        walk::Globs::new(&args.run.glob).map_err(anyhow::Error::msg)?,
        args.run.input_format,
        args.run.max_bytes,
    );
    // JSON Lines or WARC on stdin is a batch like the same lines in a file: spooled to a
    // temporary file that each pass reads. One page on stdin is cleaned alone.
    if source.from_stdin && source.containers && !args.no_batch && args.table.is_none() {
        source.spool_stdin()?;
    }
    let batched =
        !args.no_batch && (!source.from_stdin || source.spool.is_some()) && (source.pages > 1 || source.containers);
    let batch = match (&args.table, batched) {
        (Some(path), _) if !args.no_batch => Some(Batch::new(read_table(path)?)),
        (_, true) => {
            let bar = progress(args.run.quiet, source.total(), "pages (pass 1 of 2)");
            let tally = tally_of(&pool, &pipeline, &source, args.run.max_bytes, &bar)?;
            bar.finish_and_clear();
            // The second pass counts the skipped records again.
            source.skipped_records.borrow_mut().clear();
            Some(tally.batch().context(COUNTING)?)
        }
        _ => None,
    };

    let bar = progress(args.run.quiet, source.total(), "pages");
    let mut out = Output::open(args.output.as_deref(), args.format)?;
    let mut summary = Summary { skipped: source.skipped.clone(), ..Summary::default() };
    let mut broken_pipe = false;
    for_each_outcome(
        &pool,
        source.jobs(),
        |job| {
            let outcome = run_job(&pipeline, job, args.run.max_bytes, batch.as_ref());
            bar.inc(1);
            outcome
        },
        |outcome| {
            summary.add(&outcome);
            if let Err(error) = &outcome {
                if !args.run.quiet && (args.run.verbose || summary.errors <= FAILURES_NAMED) {
                    bar.suspend(|| eprintln!("newsclean: {}: {}", error.source, error.error));
                }
            }
            if args.drop_duplicates && outcome.as_ref().is_ok_and(|r| r.duplicate_of.is_some()) {
                summary.dropped += 1;
                return Ok(true);
            }
            match out.write(&outcome) {
                Ok(()) => Ok(true),
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                    broken_pipe = true;
                    Ok(false)
                }
                Err(e) => Err(e).context("writing output"),
            }
        },
    )?;
    if broken_pipe {
        return Ok(ExitCode::SUCCESS);
    }
    match out.finish() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        other => other.context("writing output")?,
    }
    bar.finish_and_clear();
    if !args.run.quiet {
        if summary.errors > FAILURES_NAMED && !args.run.verbose {
            eprintln!(
                "newsclean: ... and {} more failures (--verbose names them all)",
                summary.errors - FAILURES_NAMED
            );
        }
        summary.records_skipped = source.skipped_records.take();
        eprintln!("{}", summary.line(started.elapsed().as_secs_f64()));
    }
    if summary.pages == 0 {
        let inputs: Vec<String> = source.paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!("newsclean: warning: no pages found in {}", inputs.join(", "));
        return Ok(ExitCode::from(1));
    }
    Ok(if summary.errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Failed pages named on stderr as they come, before the rest are only counted.
const FAILURES_NAMED: usize = 5;

/// `newsclean stats`: the first pass alone, written as a table; or tables merged.
pub fn stats(args: &StatsArgs) -> Result<ExitCode> {
    let table = if args.merge {
        anyhow::ensure!(!args.paths.is_empty(), "--merge takes the table files to merge");
        Table::merge(args.paths.iter().map(|p| read_table(p)).collect::<Result<Vec<_>>>()?).context("merging tables")?
    } else {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(args.run.jobs.unwrap_or(0)).build()?;
        let pipeline = pool.install(super::pipeline);
        let source = Source::new(
            &args.paths,
            args.output.as_deref(),
            walk::Globs::new(&args.run.glob).map_err(anyhow::Error::msg)?,
            args.run.input_format,
            args.run.max_bytes,
        );
        let bar = progress(args.run.quiet, source.total(), "pages");
        let tally = tally_of(&pool, &pipeline, &source, args.run.max_bytes, &bar)?;
        bar.finish_and_clear();
        tally.table().context(COUNTING)?
    };
    let json = serde_json::to_vec(&table)?;
    match &args.output {
        Some(path) => {
            let temp = path.with_file_name(format!(
                ".{}.{}.tmp",
                path.file_name().context("no file name")?.to_string_lossy(),
                std::process::id()
            ));
            fs::write(&temp, &json).with_context(|| format!("writing {}", temp.display()))?;
            fs::rename(&temp, path).with_context(|| format!("writing {}", path.display()))?;
        }
        None => {
            let mut stdout = io::stdout().lock();
            stdout.write_all(&json)?;
            stdout.write_all(b"\n")?;
        }
    }
    if !args.run.quiet {
        eprintln!(
            "newsclean: table of {} pages, {} lines, {} signatures",
            table.pages,
            table.lines.len(),
            table.signatures.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn run_job(pipeline: &Pipeline, job: Job, max_bytes: u64, batch: Option<&Batch>) -> Outcome {
    match job {
        Job::File(path) => clean_path(pipeline, &path, max_bytes, batch),
        Job::Line { source, stem, number, line } => {
            clean_line(pipeline, source, &stem, number, &line, max_bytes, batch)
        }
        Job::Warc(warc) => pipeline.clean_in(&warc.page(), batch).map_err(|e| ErrorRecord {
            id: warc.id.clone(),
            source: warc.source.clone(),
            error: e.to_string(),
        }),
        Job::Failed(error) => Err(error),
    }
}

/// The lines of one JSON Lines input, read lazily; a read error ends the file with an
/// error record naming the line it stopped at.
fn jsonl_lines(reader: io::Result<Box<dyn BufRead>>, path: PathBuf) -> Box<dyn Iterator<Item = Job>> {
    let name = path.to_string_lossy().into_owned();
    let stem = Page::id_of(&path);
    let reader = match reader {
        Ok(reader) => reader,
        Err(e) => return Box::new(std::iter::once(Job::Failed(error_record(&path, format!("read: {e}"))))),
    };
    let mut failed = false;
    Box::new(
        reader
            .lines()
            .enumerate()
            .map_while(move |(i, line)| {
                if failed {
                    return None;
                }
                let number = i + 1;
                let source = format!("{name}:{number}");
                Some(match line {
                    Ok(line) => Job::Line { source, stem: stem.clone(), number, line },
                    Err(e) => {
                        failed = true;
                        Job::Failed(ErrorRecord { id: format!("{stem}:{number}"), source, error: format!("read: {e}") })
                    }
                })
            })
            .filter(|job| !matches!(job, Job::Line { line, .. } if line.trim().is_empty())),
    )
}

/// Cleans one JSON Lines record: `{"id", "url", "source", "html" | "text"}`.
fn clean_line(
    pipeline: &Pipeline,
    source: String,
    stem: &str,
    number: usize,
    line: &str,
    max_bytes: u64,
    batch: Option<&Batch>,
) -> Outcome {
    let fallback_id = format!("{stem}:{number}");
    let fail = |id: String, error: String| ErrorRecord { id, source: source.clone(), error };
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
        value["source"].as_str().map(str::to_owned).or_else(|| given_id.clone()).unwrap_or_else(|| source.clone());
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

/// Counts for the closing summary line.
#[derive(Debug, Default)]
struct Summary {
    pages: usize,
    duplicates: usize,
    dropped: usize,
    errors: usize,
    /// Files that are no pages, by why.
    skipped: BTreeMap<String, usize>,
    by_rule: BTreeMap<&'static str, usize>,
    /// WARC records that are no pages, by kind.
    records_skipped: BTreeMap<String, usize>,
}

impl Summary {
    fn add(&mut self, outcome: &Outcome) {
        self.pages += 1;
        match outcome {
            Ok(record) => {
                self.duplicates += usize::from(record.duplicate_of.is_some());
                for r in &record.removed {
                    *self.by_rule.entry(r.rule).or_insert(0) += 1;
                }
            }
            Err(_) => self.errors += 1,
        }
    }

    fn line(&self, seconds: f64) -> String {
        let removed: usize = self.by_rule.values().sum();
        let rules: Vec<String> = self.by_rule.iter().map(|(code, n)| format!("{code} {n}")).collect();
        format!(
            "newsclean: {} pages in {seconds:.2}s, {} errors, {}, {} near-duplicates ({} dropped); removed {removed} blocks ({})",
            self.pages,
            self.errors,
            self.skipped_line(),
            self.duplicates,
            self.dropped,
            if rules.is_empty() { "none".to_owned() } else { rules.join(", ") }
        ) + &self.records_line()
    }

    /// `3 skipped (.js 1, .png 1, robots.txt 1)`.
    fn skipped_line(&self) -> String {
        let count: usize = self.skipped.values().sum();
        if count == 0 {
            return "0 skipped".to_owned();
        }
        let why: Vec<String> = self.skipped.iter().map(|(why, n)| format!("{why} {n}")).collect();
        format!("{count} skipped ({})", why.join(", "))
    }

    /// The WARC records that were no pages, by kind: `; WARC records skipped: request 3, ...`.
    fn records_line(&self) -> String {
        if self.records_skipped.is_empty() {
            return String::new();
        }
        let kinds: Vec<String> = self.records_skipped.iter().map(|(kind, n)| format!("{kind} {n}")).collect();
        format!("; WARC records skipped: {}", kinds.join(", "))
    }
}

/// Where records go: stdout, or a temporary file renamed over the target at the end.
struct Output {
    writer: io::BufWriter<Box<dyn Write>>,
    format: OutputFormat,
    written: usize,
    /// (temporary, target) when writing to a file.
    rename: Option<(PathBuf, PathBuf)>,
}

impl Output {
    fn open(target: Option<&Path>, format: OutputFormat) -> Result<Output> {
        let (sink, rename): (Box<dyn Write>, _) = match target {
            None => (Box::new(io::stdout().lock()), None),
            Some(target) => {
                anyhow::ensure!(!target.is_dir(), "-o {}: is a folder; give a file path", target.display());
                let name = target.file_name().context("output path names no file")?.to_string_lossy();
                let temp = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
                let file = fs::File::create(&temp).with_context(|| format!("creating {}", temp.display()))?;
                (Box::new(file), Some((temp, target.to_path_buf())))
            }
        };
        let mut out = Output { writer: io::BufWriter::new(sink), format, written: 0, rename };
        if format == OutputFormat::Json {
            out.writer.write_all(b"[")?;
        }
        Ok(out)
    }

    fn write(&mut self, outcome: &Outcome) -> io::Result<()> {
        let w = &mut self.writer;
        match self.format {
            OutputFormat::Jsonl => {
                match outcome {
                    Ok(record) => serde_json::to_writer(&mut *w, record)?,
                    Err(error) => serde_json::to_writer(&mut *w, error)?,
                }
                w.write_all(b"\n")?;
            }
            OutputFormat::Json => {
                w.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
                match outcome {
                    Ok(record) => serde_json::to_writer_pretty(&mut *w, record)?,
                    Err(error) => serde_json::to_writer_pretty(&mut *w, error)?,
                }
            }
            OutputFormat::Text => write_text(w, outcome)?,
        }
        self.written += 1;
        Ok(())
    }

    fn finish(mut self) -> io::Result<()> {
        if self.format == OutputFormat::Json {
            self.writer.write_all(if self.written == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.writer.flush()?;
        if let Some((temp, target)) = self.rename.take() {
            if let Err(e) = fs::rename(&temp, &target) {
                let _ = fs::remove_file(&temp);
                return Err(e);
            }
        }
        Ok(())
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // Not finished (an error or a broken pipe): never leave a half-written target.
        if let Some((temp, _)) = &self.rename {
            let _ = fs::remove_file(temp);
        }
    }
}

fn write_text(w: &mut impl Write, outcome: &Outcome) -> io::Result<()> {
    match outcome {
        Err(e) => writeln!(w, "== {}\nerror: {}\n", e.source, e.error),
        Ok(r) => {
            writeln!(w, "== {}", r.source)?;
            writeln!(w, "{}", r.title.as_deref().unwrap_or("(no title)"))?;
            if let Some(date) = &r.published {
                writeln!(w, "{date}")?;
            }
            if let Some(lead) = &r.lead {
                writeln!(w, "\n{lead}")?;
            }
            for p in &r.body {
                writeln!(w, "\n{p}")?;
            }
            writeln!(w)
        }
    }
}
