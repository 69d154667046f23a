//! newsclean from Python: the compiled half of the `newsclean` package.
//!
//! Records cross into Python as the JSON text the command line writes, which the
//! package's `__init__.py` loads: one serialiser for both, so a record is the same
//! whichever way it came. Pages are cleaned on a rayon pool with the interpreter released;
//! the pool cleans the next chunk while Python reads the records of this one.

use newsclean::batch::{Batch, Table, Tally, TABLE_VERSION};
use newsclean::input::{InputFormat, Inputs, Job, Jobs, Outcome, Select, MAX_BYTES};
use newsclean::{ErrorRecord, Format, Page, Pipeline};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyIterator, PyString};
use rayon::prelude::*;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, Mutex};

pyo3::create_exception!(
    _newsclean,
    NewscleanError,
    PyValueError,
    "A bad argument: an unknown format, input format or type, jobs below 1, a glob that is no glob, a table that is not newsclean's."
);

/// Pages handed to the pool at once, and chunks in flight: the pool cleans one chunk while
/// Python takes the records of the one before, and none waits on the other.
const CHUNK: usize = 256;
const IN_FLIGHT: usize = 2;

/// A page taken from Python: its bytes copied, so the pool can clean it without the
/// interpreter.
struct Owned {
    id: String,
    source: String,
    bytes: Vec<u8>,
    url: Option<String>,
    format: Option<Format>,
    /// `utf-8` for a `str`: the text is already decoded, whatever its `<meta>` says.
    charset: Option<&'static str>,
}

impl Owned {
    /// A page from `bytes`, `str` or a dict as JSON Lines carry pages (`html` or `text`,
    /// `id`, `url`, `source`); `at` is its position in the input, its id when none is given.
    fn from_py(page: &Bound<'_, PyAny>, at: usize, given: &Given) -> PyResult<Owned> {
        let mut owned = Owned {
            id: at.to_string(),
            source: String::new(),
            bytes: Vec::new(),
            url: None,
            format: given.format,
            charset: None,
        };
        if let Ok(dict) = page.cast::<PyDict>() {
            let field = |key: &str| -> PyResult<Option<String>> {
                match dict.get_item(key)? {
                    None => Ok(None),
                    Some(value) if value.is_none() => Ok(None),
                    Some(value) => Ok(Some(value.str()?.to_cow()?.into_owned())),
                }
            };
            let (content, format) = match (dict.get_item("html")?, dict.get_item("text")?) {
                (Some(html), _) if !html.is_none() => (html, Format::Html),
                (_, Some(text)) if !text.is_none() => (text, Format::Text),
                _ => return Err(PyTypeError::new_err("a page dict has an \"html\" or a \"text\" key")),
            };
            owned.set_content(&content)?;
            owned.format = Some(format);
            owned.id = field("id")?.unwrap_or(owned.id);
            owned.url = field("url")?;
            owned.source = field("source")?.unwrap_or_default();
        } else {
            owned.set_content(page)?;
        }
        if let Some(id) = &given.id {
            owned.id.clone_from(id);
        }
        if let Some(url) = &given.url {
            owned.url = Some(url.clone());
        }
        if let Some(source) = &given.source {
            owned.source.clone_from(source);
        }
        if owned.source.is_empty() {
            owned.source.clone_from(&owned.id);
        }
        Ok(owned)
    }

    fn set_content(&mut self, content: &Bound<'_, PyAny>) -> PyResult<()> {
        if let Ok(bytes) = content.cast::<PyBytes>() {
            self.bytes = bytes.as_bytes().to_vec();
        } else if let Ok(text) = content.cast::<PyString>() {
            self.bytes = text.to_cow()?.into_owned().into_bytes();
            self.charset = Some("utf-8");
        } else {
            let kind = content.get_type().name()?;
            return Err(PyTypeError::new_err(format!("a page is bytes, str or a dict, not {kind}")));
        }
        Ok(())
    }

    fn clean(&self, pipeline: &Pipeline, batch: Option<&Batch>) -> Outcome {
        pipeline.clean_in(&self.page(), batch).map_err(|e| ErrorRecord {
            id: self.id.clone(),
            source: self.source.clone(),
            error: e.to_string(),
        })
    }

    fn page(&self) -> Page<'_> {
        let mut page = Page::new(self.id.clone(), self.source.clone(), &self.bytes);
        page.url.clone_from(&self.url);
        page.format = self.format;
        page.charset = self.charset.map(str::to_owned);
        page
    }
}

/// What the caller said of every page of a call.
#[derive(Default)]
struct Given {
    id: Option<String>,
    url: Option<String>,
    source: Option<String>,
    format: Option<Format>,
    /// The pages are JSON Lines lines, read as the command line reads standard input.
    jsonl: bool,
}

impl Given {
    fn of_all(format: Option<&str>, jsonl: bool) -> PyResult<Given> {
        Ok(Given { format: format_of(format)?, jsonl, ..Given::default() })
    }
}

fn format_of(name: Option<&str>) -> PyResult<Option<Format>> {
    match name {
        None => Ok(None),
        Some(name) if name.eq_ignore_ascii_case("html") => Ok(Some(Format::Html)),
        Some(name) if name.eq_ignore_ascii_case("text") => Ok(Some(Format::Text)),
        Some(name) => Err(NewscleanError::new_err(format!("format is \"html\", \"text\" or None, not {name:?}"))),
    }
}

/// A page to clean: given by Python, or read as the command line reads its inputs.
enum Item {
    Given(Owned),
    Read(Job),
}

impl Item {
    /// Page `at` of a Python iterable: a page, or a JSON Lines line (None when blank).
    fn from_py(page: &Bound<'_, PyAny>, at: usize, given: &Given) -> PyResult<Option<Item>> {
        if !given.jsonl {
            return Owned::from_py(page, at, given).map(|page| Some(Item::Given(page)));
        }
        let line = if let Ok(bytes) = page.cast::<PyBytes>() {
            String::from_utf8_lossy(bytes.as_bytes()).into_owned()
        } else if let Ok(text) = page.cast::<PyString>() {
            text.to_cow()?.into_owned()
        } else {
            let kind = page.get_type().name()?;
            return Err(PyTypeError::new_err(format!("a JSON Lines line is str or bytes, not {kind}")));
        };
        let job = Job::line(Path::new("-"), at + 1, line, MAX_BYTES);
        Ok((!job.is_blank()).then_some(Item::Read(job)))
    }

    fn outcome(&self, pipeline: &Pipeline, batch: Option<&Batch>) -> Outcome {
        match self {
            Item::Given(page) => page.clean(pipeline, batch),
            Item::Read(job) => job.clean(pipeline, batch),
        }
    }

    /// The page's record, or its error record, as the command line writes it.
    fn json(&self, pipeline: &Pipeline, batch: Option<&Batch>) -> String {
        let json = match self.outcome(pipeline, batch) {
            Ok(record) => serde_json::to_string(&record),
            Err(error) => serde_json::to_string(&error),
        };
        json.expect("a record is plain data")
    }
}

fn pool(jobs: Option<usize>) -> PyResult<Arc<rayon::ThreadPool>> {
    if jobs == Some(0) {
        return Err(NewscleanError::new_err("jobs is at least 1 (None: one a core)"));
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs.unwrap_or(0)).build();
    pool.map(Arc::new).map_err(|e| PyRuntimeError::new_err(format!("starting {jobs:?} threads: {e}")))
}

fn counting(e: std::io::Error) -> PyErr {
    PyRuntimeError::new_err(format!("counting the batch (set TMPDIR to a writable folder with space): {e}"))
}

/// A batch's first pass over one chunk: each page cleaned alone, counted in order.
fn count(
    py: Python<'_>,
    pool: &rayon::ThreadPool,
    pipeline: &Pipeline,
    tally: &mut Tally,
    chunk: &[Item],
) -> PyResult<()> {
    py.detach(|| {
        pool.install(|| {
            let outcomes: Vec<Outcome> = chunk.par_iter().map(|item| item.outcome(pipeline, None)).collect();
            outcomes.iter().flatten().try_for_each(|record| tally.count(record))
        })
    })
    .map_err(counting)
}

/// A batch's first pass over all of an input.
fn count_all(py: Python<'_>, pool: &rayon::ThreadPool, pipeline: &Pipeline, mut input: Input) -> PyResult<Tally> {
    let mut tally = Tally::default();
    loop {
        let chunk = input.take(py)?;
        if chunk.is_empty() {
            return Ok(tally);
        }
        count(py, pool, pipeline, &mut tally, &chunk)?;
    }
}

/// A table `Pipeline.table` or `merge_tables` wrote.
fn table_of(json: &str) -> PyResult<Table> {
    let table: Table =
        serde_json::from_str(json).map_err(|e| NewscleanError::new_err(format!("not a newsclean table: {e}")))?;
    if table.version != TABLE_VERSION {
        return Err(NewscleanError::new_err(format!("a table of version {}, not {TABLE_VERSION}", table.version)));
    }
    Ok(table)
}

fn table_json(table: &Table) -> String {
    serde_json::to_string(table).expect("a table is plain data")
}

/// The cleaning pipeline, its patterns compiled once. Shared by every thread.
#[pyclass(frozen, module = "newsclean._newsclean")]
struct Cleaner {
    pipeline: Arc<Pipeline>,
}

#[pymethods]
impl Cleaner {
    #[new]
    fn new(py: Python<'_>) -> Cleaner {
        Cleaner { pipeline: Arc::new(py.detach(Pipeline::new)) }
    }

    /// One page's record (or error record) as JSON.
    #[pyo3(signature = (page, *, url=None, format=None, id=None, source=None))]
    fn clean(
        &self,
        py: Python<'_>,
        page: &Bound<'_, PyAny>,
        url: Option<String>,
        format: Option<&str>,
        id: Option<String>,
        source: Option<String>,
    ) -> PyResult<String> {
        let given = Given { id, url, source, format: format_of(format)?, jsonl: false };
        let page = Item::Given(Owned::from_py(page, 0, &given)?);
        Ok(py.detach(|| page.json(&self.pipeline, None)))
    }

    /// The records of many pages, in their order, as JSON: an iterator that cleans on
    /// `jobs` threads (None: one a core) a chunk ahead of its reader; with a `table`, in
    /// the batch it counts.
    #[pyo3(signature = (pages, *, jobs=None, format=None, jsonl=false, table=None))]
    fn clean_many(
        &self,
        pages: &Bound<'_, PyAny>,
        jobs: Option<usize>,
        format: Option<&str>,
        jsonl: bool,
        table: Option<&str>,
    ) -> PyResult<Records> {
        let input = Input::python(pages, Given::of_all(format, jsonl)?)?;
        let batch = table.map(table_of).transpose()?.map(|table| Arc::new(Batch::new(table)));
        Ok(Records::new(input, self.pipeline.clone(), pool(jobs)?, batch))
    }

    /// The records of a batch, in the pages' order, as JSON: every page is cleaned once
    /// alone to count what recurs across them (the cross-page rules B001 and
    /// `duplicate_of`), then again with the batch's table as the records are read.
    #[pyo3(signature = (pages, *, jobs=None, format=None, jsonl=false))]
    fn clean_batch(
        &self,
        py: Python<'_>,
        pages: &Bound<'_, PyAny>,
        jobs: Option<usize>,
        format: Option<&str>,
        jsonl: bool,
    ) -> PyResult<Records> {
        let given = Given::of_all(format, jsonl)?;
        let mut items = Vec::new();
        for (at, page) in pages.try_iter()?.enumerate() {
            items.extend(Item::from_py(&page?, at, &given)?);
        }
        let pool = pool(jobs)?;
        let mut tally = Tally::default();
        for chunk in items.chunks(CHUNK) {
            count(py, &pool, &self.pipeline, &mut tally, chunk)?;
        }
        let batch = Arc::new(py.detach(|| tally.batch()).map_err(counting)?);
        Ok(Records::new(Input::Owned(items.into_iter()), self.pipeline.clone(), pool, Some(batch)))
    }

    /// The table of a batch (what `newsclean stats` writes) as JSON: for `merge_tables`
    /// and `clean_many(table=...)`, as a shard of a corpus bigger than one machine.
    #[pyo3(signature = (pages, *, jobs=None, format=None, jsonl=false))]
    fn table(
        &self,
        py: Python<'_>,
        pages: &Bound<'_, PyAny>,
        jobs: Option<usize>,
        format: Option<&str>,
        jsonl: bool,
    ) -> PyResult<String> {
        let input = Input::python(pages, Given::of_all(format, jsonl)?)?;
        let tally = count_all(py, &*pool(jobs)?, &self.pipeline, input)?;
        let table = py.detach(|| tally.table()).map_err(counting)?;
        Ok(table_json(&table))
    }

    /// The records of the pages at `paths` as `newsclean clean PATHS` writes them: files,
    /// folders (walked in sorted order, what is no page skipped), JSON Lines, WARC and WET
    /// files; a batch when they hold more than one page, unless `batch` is False.
    #[allow(clippy::too_many_arguments)] // Python's keyword arguments, each with a default
    #[pyo3(signature = (paths, *, batch=true, jobs=None, glob=Vec::new(), types=Vec::new(), input_format=None, max_bytes=MAX_BYTES))]
    fn clean_paths(
        &self,
        py: Python<'_>,
        paths: Vec<PathBuf>,
        batch: bool,
        jobs: Option<usize>,
        glob: Vec<String>,
        types: Vec<String>,
        input_format: Option<&str>,
        max_bytes: u64,
    ) -> PyResult<Records> {
        let format = match input_format {
            None | Some("pages") => InputFormat::Pages,
            Some("jsonl") => InputFormat::Jsonl,
            Some("warc") => InputFormat::Warc,
            Some(other) => {
                return Err(NewscleanError::new_err(format!(
                    "input_format is \"pages\", \"jsonl\" or \"warc\", not {other:?}"
                )))
            }
        };
        if paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-") {
            return Err(NewscleanError::new_err("paths names files or folders (standard input is the command line's)"));
        }
        let select = Select::new(&glob, &types).map_err(NewscleanError::new_err)?;
        let inputs = Inputs::new(&paths, None, select, format, max_bytes);
        let pool = pool(jobs)?;
        let batch = if batch && inputs.is_batch() {
            let tally = count_all(py, &pool, &self.pipeline, Input::Read(inputs.jobs()))?;
            Some(Arc::new(py.detach(|| tally.batch()).map_err(counting)?))
        } else {
            None
        };
        Ok(Records::new(Input::Read(inputs.jobs()), self.pipeline.clone(), pool, batch))
    }
}

/// Tables of disjoint shards merged into one (what `newsclean stats --merge` writes).
#[pyfunction]
fn merge_tables(py: Python<'_>, tables: Vec<String>) -> PyResult<String> {
    let tables = tables.iter().map(|json| table_of(json)).collect::<PyResult<Vec<_>>>()?;
    let merged = py.detach(|| Table::merge(tables)).map_err(counting)?;
    Ok(table_json(&merged))
}

/// Where an iterator's pages come from.
enum Input {
    /// A Python iterable, read a chunk at a time with the interpreter held.
    Python { pages: Py<PyIterator>, at: usize, given: Given },
    /// Pages already taken, as a batch's second pass has them.
    Owned(std::vec::IntoIter<Item>),
    /// Pages read from files, on this thread with the interpreter released.
    Read(Jobs),
}

impl Input {
    fn python(pages: &Bound<'_, PyAny>, given: Given) -> PyResult<Input> {
        Ok(Input::Python { pages: pages.try_iter()?.unbind(), at: 0, given })
    }

    fn take(&mut self, py: Python<'_>) -> PyResult<Vec<Item>> {
        match self {
            Input::Python { pages, at, given } => {
                let mut chunk = Vec::with_capacity(CHUNK);
                let pages = pages.bind(py);
                while chunk.len() < CHUNK {
                    let Some(page) = pages.clone().next() else { break };
                    chunk.extend(Item::from_py(&page?, *at, given)?);
                    *at += 1;
                }
                Ok(chunk)
            }
            Input::Owned(pages) => Ok(pages.by_ref().take(CHUNK).collect()),
            Input::Read(jobs) => Ok(py.detach(|| jobs.by_ref().take(CHUNK).map(Item::Read).collect())),
        }
    }
}

type Cleaned = Result<Vec<String>, String>;

struct State {
    input: Input,
    in_flight: VecDeque<mpsc::Receiver<Cleaned>>,
    ready: std::vec::IntoIter<String>,
    pipeline: Arc<Pipeline>,
    pool: Arc<rayon::ThreadPool>,
    batch: Option<Arc<Batch>>,
}

impl State {
    /// Hands a chunk to the pool; its records arrive on the receiver.
    fn submit(&mut self, chunk: Vec<Item>) {
        let (sender, receiver) = mpsc::sync_channel(1);
        let (pipeline, batch) = (self.pipeline.clone(), self.batch.clone());
        self.pool.spawn(move || {
            let cleaned = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                chunk.into_par_iter().map(|item| item.json(&pipeline, batch.as_deref())).collect()
            }));
            // A reader that went away no longer wants them.
            let _ = sender.send(cleaned.map_err(|panic| panic_message(&*panic)));
        });
        self.in_flight.push_back(receiver);
    }

    fn next(&mut self, py: Python<'_>) -> PyResult<Option<String>> {
        loop {
            if let Some(json) = self.ready.next() {
                return Ok(Some(json));
            }
            while self.in_flight.len() < IN_FLIGHT {
                let chunk = self.input.take(py)?;
                if chunk.is_empty() {
                    break;
                }
                self.submit(chunk);
            }
            let Some(receiver) = self.in_flight.pop_front() else { return Ok(None) };
            let cleaned = py.detach(move || receiver.recv());
            let records = cleaned
                .map_err(|_| PyRuntimeError::new_err("newsclean: a cleaning thread stopped"))?
                .map_err(|panic| PyRuntimeError::new_err(format!("newsclean panicked: {panic}")))?;
            self.ready = records.into_iter();
        }
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// Records as JSON, in their pages' order.
#[pyclass(module = "newsclean._newsclean")]
struct Records {
    state: Mutex<State>,
}

impl Records {
    fn new(input: Input, pipeline: Arc<Pipeline>, pool: Arc<rayon::ThreadPool>, batch: Option<Arc<Batch>>) -> Records {
        let state = State { input, in_flight: VecDeque::new(), ready: Vec::new().into_iter(), pipeline, pool, batch };
        Records { state: Mutex::new(state) }
    }
}

#[pymethods]
impl Records {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<String>> {
        // Another thread reading the same records waits for none: like a generator
        // already executing, it is told so.
        let mut state = self
            .state
            .try_lock()
            .map_err(|_| PyValueError::new_err("these records are being read by another thread"))?;
        state.next(py)
    }
}

/// What a rule does, as `newsclean explain CODE` says it; None for an unknown code.
#[pyfunction]
fn explain(code: &str) -> Option<String> {
    newsclean::rules::find(code).map(ToString::to_string)
}

#[pymodule]
fn _newsclean(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Cleaner>()?;
    m.add_class::<Records>()?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(merge_tables, m)?)?;
    m.add("NewscleanError", m.py().get_type::<NewscleanError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
