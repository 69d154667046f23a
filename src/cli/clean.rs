//! `newsclean clean`: pages in, records out, in sorted input order whatever `--jobs` is.
//!
//! Pages are cleaned in chunks: each chunk in parallel (rayon's indexed collect keeps its
//! order), then written in order through one buffered writer while the next is cleaned,
//! so memory holds two chunks of records at most and output bytes never depend on the
//! thread count. In a batch the second pass writes the first pass's records (`kept`)
//! where the batch cannot change them, and cleans the rest again.

use super::args::{CleanArgs, OutputFormat, RunArgs, StatsArgs};
use super::kept::{self, Kept};
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use newsclean::batch::{Batch, PageStats, Table, Tally, TABLE_VERSION};
use newsclean::input::{Inputs, Outcome, Select};
use newsclean::Pipeline;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Pages cleaned between two writes: enough to keep every core busy, few enough that
/// their records stay small in memory.
const CHUNK: usize = 512;
/// The first chunk's size: see for_each_outcome.
const FIRST_CHUNK: usize = 32;

/// Context of a batch's keeping and counting errors, which are mostly the temporary
/// folder's.
const KEEPING: &str = "keeping the first pass's records (set TMPDIR to a writable folder with space, or clean page by page with --no-batch)";
const COUNTING: &str =
    "counting the batch (set TMPDIR to a writable folder with space, or clean page by page with --no-batch)";

/// Runs jobs in parallel chunks and hands each outcome, in input order, to `sink`;
/// `sink` returns false to stop early.
///
/// Three things overlap: the pool cleans a chunk; the next chunk is read (a WARC file is
/// inflated and split there); and this thread hands the chunk before to `sink`, so no
/// worker waits while records are written. With several workers one of them reads and
/// then joins the cleaning, so the reading takes a worker's time rather than a thread
/// beside them all (at 2 jobs on 2 cores, 8% faster on a `.warc.gz`); a lone worker has
/// the reading beside it, on a thread of its own.
fn for_each_outcome<J: Send, O: Send>(
    pool: &rayon::ThreadPool,
    mut jobs: impl Iterator<Item = J> + Send,
    work: impl Fn(J) -> O + Sync,
    mut sink: impl FnMut(O) -> Result<bool>,
) -> Result<()> {
    let read = |jobs: &mut dyn Iterator<Item = J>, size: usize| jobs.take(size).collect::<Vec<J>>();
    let clean = |chunk: Vec<J>| chunk.into_par_iter().map(&work).collect::<Vec<O>>();
    let lone = pool.current_num_threads() == 1;
    // The first chunk is read before anything overlaps: small, so the pool starts soon
    // (half the reading of a 1,000-record WARC file was the first 512 records'). Chunks
    // double from there.
    let mut size = FIRST_CHUNK;
    let mut next = read(&mut jobs, size);
    let mut cleaned: Vec<O> = Vec::new();
    while !next.is_empty() || !cleaned.is_empty() {
        size = (size * 2).min(CHUNK);
        let chunk = std::mem::take(&mut next);
        let to_sink = std::mem::take(&mut cleaned);
        let stopped = std::thread::scope(|scope| -> Result<bool> {
            let (cleaning, reading) = if lone {
                (
                    scope.spawn(|| (pool.install(|| clean(chunk)), Vec::new())),
                    Some(scope.spawn(|| read(&mut jobs, size))),
                )
            } else {
                (scope.spawn(|| pool.install(|| rayon::join(|| clean(chunk), || read(&mut jobs, size)))), None)
            };
            let mut stopped = false;
            for outcome in to_sink {
                if !sink(outcome)? {
                    stopped = true;
                    break;
                }
            }
            (cleaned, next) = joined(cleaning);
            if let Some(reading) = reading {
                next = joined(reading);
            }
            Ok(stopped)
        })?;
        if stopped {
            return Ok(());
        }
    }
    Ok(())
}

/// What a scoped thread returned; its panic goes on here.
fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// The first pass of a batch: every page cleaned alone and reduced to its stats; with
/// `keep`, each page's record also rendered as `format` writes it and kept for the second
/// pass, which cleans again only what the batch can change.
fn tally_of(
    pool: &rayon::ThreadPool,
    pipeline: &Pipeline,
    inputs: &Inputs,
    bar: &ProgressBar,
    mut keep: Option<(&mut kept::Writer, OutputFormat)>,
) -> Result<Tally> {
    let mut tally = Tally::default();
    let format = keep.as_ref().map(|(_, format)| *format);
    // Kept records carry the lines the second pass's B001 may remove.
    let counting = format.map(|_| Batch::counting());
    for_each_outcome(
        pool,
        inputs.jobs(),
        |job| {
            let place = format.map(|_| job.place().into_owned());
            let outcome = job.clean(pipeline, counting.as_ref());
            // Reduced here, on the pool, not where the counts are folded.
            let stats = outcome.as_ref().ok().map(PageStats::of);
            let kept = place.zip(format).map(|(place, format)| match &outcome {
                Ok(record) => {
                    let mut rendered = Vec::new();
                    render(&mut rendered, format, &outcome).map(|()| Kept::Record {
                        place,
                        source: record.source.clone(),
                        lines: record.batch_lines.clone(),
                        rendered,
                        rules: record.removed.iter().map(|r| r.rule).collect(),
                    })
                }
                Err(error) => Ok(Kept::Error { place, error: error.clone() }),
            });
            bar.inc(1);
            (stats, kept)
        },
        |(stats, kept)| {
            // Fold as we go: between the passes only hashes are kept (and the records, on disk).
            if let (Some((writer, _)), Some(kept)) = (keep.as_mut(), kept) {
                writer.push(&kept.context("rendering a record")?).context(KEEPING)?;
            }
            if let Some(stats) = stats {
                tally.add(stats).context(COUNTING)?;
            }
            Ok(true)
        },
    )?;
    Ok(tally)
}

/// The run's inputs: `paths`, less the file it writes and what `--glob` and `--type`
/// leave out.
fn inputs(paths: &[PathBuf], output: Option<&Path>, run: &RunArgs) -> Result<Inputs> {
    let select = Select::new(&run.glob, &run.types).map_err(anyhow::Error::msg)?;
    Ok(Inputs::new(paths, output, select, run.input_format.into(), run.max_bytes))
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
    let mut source = inputs(&args.paths, args.output.as_deref(), &args.run)?;
    // JSON Lines or WARC on stdin is a batch like the same lines in a file: spooled to a
    // temporary file that each pass reads. One page on stdin is cleaned alone.
    if source.from_stdin() && source.holds_many() && !args.no_batch && args.table.is_none() {
        source.spool_stdin().context("writing stdin to a temporary file (set TMPDIR)")?;
    }
    let batched = !args.no_batch && source.is_batch();
    // The first pass keeps each record, rendered, for the second, which cleans again only
    // the pages the batch can change (a page with a line on several pages, or with a
    // near-duplicate): 0 to 3% of a corpus folder's HTML pages.
    let mut kept = None;
    let batch = match (&args.table, batched) {
        (Some(path), _) if !args.no_batch => Some(Batch::new(read_table(path)?)),
        (_, true) => {
            let bar = progress(args.run.quiet, source.total(), "pages (pass 1 of 2)");
            let mut writer = kept::Writer::new().context(KEEPING)?;
            let tally = tally_of(&pool, &pipeline, &source, &bar, Some((&mut writer, args.format)))?;
            kept = Some(writer.into_reader().context(KEEPING)?);
            bar.finish_and_clear();
            // The second pass counts the skipped records again.
            source.take_skipped_records();
            Some(tally.batch().context(COUNTING)?)
        }
        _ => None,
    };

    let bar = progress(args.run.quiet, source.total(), "pages");
    let mut out = Output::open(args.output.as_deref(), args.format)?;
    let mut summary = Summary { skipped: source.skipped().clone(), ..Summary::default() };
    let mut broken_pipe = false;
    let mut written = |result: io::Result<()>| match result {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            broken_pipe = true;
            Ok(false)
        }
        Err(e) => Err(e).context("writing output"),
    };
    // Decided as the pages are read, so that a chunk holds no kept bytes it will not
    // write: a page whose record the batch may change, whose place differs from the
    // kept one's (an input changed between the passes), or with none kept, is cleaned
    // again.
    let unchanged = |kept: &Kept| match (kept, &batch) {
        (Kept::Record { source, lines, .. }, Some(batch)) => !batch.may_change(lines, source),
        (Kept::Error { .. }, _) => true,
        (Kept::Record { .. }, None) => false,
    };
    let jobs = source.jobs().map(|job| {
        let kept = kept.as_mut().and_then(Iterator::next).and_then(Result::ok);
        let kept = kept.filter(|kept| kept.place() == job.place() && unchanged(kept));
        (job, kept)
    });
    for_each_outcome(
        &pool,
        jobs,
        |(job, kept)| {
            let done = match kept {
                Some(Kept::Record { rendered, rules, .. }) => Done::Kept { rendered, rules },
                Some(Kept::Error { error, .. }) => Done::Cleaned(Box::new(Err(error))),
                None => Done::Cleaned(Box::new(job.clean(&pipeline, batch.as_ref()))),
            };
            bar.inc(1);
            done
        },
        |done| {
            let outcome = match done {
                Done::Kept { rendered, rules } => {
                    summary.add_kept(&rules);
                    return written(out.write_rendered(&rendered));
                }
                Done::Cleaned(outcome) => *outcome,
            };
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
            written(out.write(&outcome))
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
        summary.records_skipped = source.take_skipped_records();
        eprintln!("{}", summary.line(started.elapsed().as_secs_f64()));
    }
    if summary.pages == 0 {
        let inputs: Vec<String> = source.paths().iter().map(|p| p.display().to_string()).collect();
        eprintln!("newsclean: warning: no pages found in {}", inputs.join(", "));
        return Ok(ExitCode::from(1));
    }
    Ok(if summary.errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// A page of the second pass: its record as the first pass kept it, or cleaned again.
enum Done {
    Kept { rendered: Vec<u8>, rules: Vec<&'static str> },
    Cleaned(Box<Outcome>),
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
        let source = inputs(&args.paths, args.output.as_deref(), &args.run)?;
        let bar = progress(args.run.quiet, source.total(), "pages");
        let tally = tally_of(&pool, &pipeline, &source, &bar, None)?;
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

    /// A record the first pass kept: never a near-duplicate.
    fn add_kept(&mut self, rules: &[&'static str]) {
        self.pages += 1;
        for rule in rules {
            *self.by_rule.entry(rule).or_insert(0) += 1;
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
        self.separate()?;
        render(&mut self.writer, self.format, outcome)?;
        self.written += 1;
        Ok(())
    }

    /// A record `render` wrote before, in the same format.
    fn write_rendered(&mut self, rendered: &[u8]) -> io::Result<()> {
        self.separate()?;
        self.writer.write_all(rendered)?;
        self.written += 1;
        Ok(())
    }

    /// What stands between two records: a JSON array's comma.
    fn separate(&mut self) -> io::Result<()> {
        if self.format == OutputFormat::Json {
            self.writer.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        }
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

/// One record as `format` writes it, without what separates it from the next.
fn render(w: &mut impl Write, format: OutputFormat, outcome: &Outcome) -> io::Result<()> {
    match (format, outcome) {
        (OutputFormat::Jsonl, Ok(record)) => serde_json::to_writer(&mut *w, record)?,
        (OutputFormat::Jsonl, Err(error)) => serde_json::to_writer(&mut *w, error)?,
        (OutputFormat::Json, Ok(record)) => return Ok(serde_json::to_writer_pretty(w, record)?),
        (OutputFormat::Json, Err(error)) => return Ok(serde_json::to_writer_pretty(w, error)?),
        (OutputFormat::Text, _) => return write_text(w, outcome),
    }
    w.write_all(b"\n")
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
