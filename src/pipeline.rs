//! The fixed order of stages: decode -> segment (text) or html (HTML) -> classify ->
//! dedupe (within the page, then across the batch when there is one) -> metadata (HTML)
//! -> record.
//!
//! Nothing else lives here. A [`Pipeline`] holds only settings and compiled patterns, so
//! one value serves every rayon worker; all per-page state travels in the data.

use crate::batch::Batch;
use crate::classify::{Classifier, Layout};
use crate::decode::{decode, DecodeError};
use crate::dedupe::Deduper;
use crate::document::{Block, Format, Label};
use crate::facts::url::resolve;
use crate::facts::Facts;
use crate::html::{declared_charset, looks_like_html, HtmlReader};
use crate::metadata;
use crate::norm::language;
use crate::record::{Fields, Image, Record};
use crate::segment::Segmenter;
use std::io::Read;
use std::path::Path;

/// One page to clean: its identity and raw bytes.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    /// The record's `id`: the file stem, or the id the input gave.
    pub id: String,
    /// The record's `source`: the path as given.
    pub source: String,
    pub bytes: &'a [u8],
    /// The page's address, when known.
    pub url: Option<String>,
    /// How to read the page; `None` sniffs it from the bytes.
    pub format: Option<Format>,
    /// The charset its transport declares (an HTTP header's), which the page's own
    /// `<meta charset>` does not overrule; trusted only where the bytes decode under it.
    pub charset: Option<String>,
}

impl<'a> Page<'a> {
    /// A page of unknown format and address.
    pub fn new(id: impl Into<String>, source: impl Into<String>, bytes: &'a [u8]) -> Page<'a> {
        Page { id: id.into(), source: source.into(), bytes, url: None, format: None, charset: None }
    }

    /// A page read from a file: named by the file's stem (`-`, standard input, by
    /// `stdin`), its source the path as given, its format told by its extension. The
    /// caller reads the bytes, with the limits it sets.
    pub fn from_path(path: &Path, bytes: &'a [u8]) -> Page<'a> {
        let mut page = Page::new(Page::id_of(path), path.to_string_lossy(), bytes);
        page.format = Format::from_path(path);
        page
    }

    /// The `id` of the page a file holds (the id of an error record for it, too).
    pub fn id_of(path: &Path) -> String {
        if path.as_os_str() == "-" {
            return "stdin".to_owned();
        }
        path.file_stem().map_or_else(|| path.to_string_lossy(), |s| s.to_string_lossy()).into_owned()
    }
}

/// Why a page yielded an error record instead of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    Decode(DecodeError),
    Read(String),
    /// A compressed page that inflates past MAX_DECOMPRESSED_BYTES.
    TooLarge {
        limit: u64,
    },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Decode(e) => write!(f, "decode: {e}"),
            Error::Read(e) => write!(f, "read: {e}"),
            Error::TooLarge { limit } => write!(f, "read: page inflates to over {limit} bytes"),
        }
    }
}

impl std::error::Error for Error {}

/// Decompressed pages larger than this are refused: a gzip bomb must not take the
/// machine's memory.
pub const MAX_DECOMPRESSED_BYTES: u64 = 256 << 20;
/// The cleaning pipeline. Cheap to share: `&Pipeline` is all a worker needs.
#[derive(Debug, Default)]
pub struct Pipeline {
    segmenter: Segmenter,
    html: HtmlReader,
    classifier: Classifier,
    facts: Facts,
    deduper: Deduper,
}

impl Pipeline {
    /// The pipeline, its patterns compiled: the classifier's and the HTML stage's side by
    /// side when the current rayon pool has a second thread (start-up is some 40 M
    /// instructions, most of a one-page run).
    pub fn new() -> Pipeline {
        let (classifier, html) = rayon::join(Classifier::default, HtmlReader::default);
        Pipeline { segmenter: Segmenter, html, classifier, facts: Facts::default(), deduper: Deduper }
    }

    /// The pipeline printing, on stderr, what the HTML stage measured of each candidate
    /// container and what the classifier measured of each block: for a person tuning a
    /// rule on one page. Records do not change.
    pub fn traced(mut self, on: bool) -> Pipeline {
        self.html.trace = on;
        self.classifier.trace = on;
        self
    }

    /// Cleans one page given as bytes in any common encoding, text or HTML, possibly
    /// gzip-compressed.
    pub fn clean(&self, page: &Page) -> Result<Record, Error> {
        self.clean_in(page, None)
    }

    /// Cleans one page of a batch: with the batch's table, blocks that recur across its
    /// pages are removed and a near-duplicate of an earlier page names it.
    pub fn clean_in(&self, page: &Page, batch: Option<&Batch>) -> Result<Record, Error> {
        let inflated = gunzip(page.bytes)?;
        let bytes = inflated.as_deref().unwrap_or(page.bytes);
        let format = match page.format {
            // Named HTML but without a single tag: parsed as HTML, its lines would run
            // together into one paragraph.
            Some(Format::Html) if memchr::memchr(b'<', bytes).is_none() => Format::Text,
            Some(format) => format,
            None if looks_like_html(bytes) => Format::Html,
            None => Format::Text,
        };
        let (mut record, signature) = match format {
            Format::Text => {
                let decoded = decode(bytes, page.charset.as_deref()).map_err(Error::Decode)?;
                let (mut record, signature) = self.clean_text_in(&decoded.text, batch);
                if record.stats.blocks == 0 {
                    // Only whitespace, Unicode's included: nothing to clean.
                    return Err(Error::Decode(DecodeError::Empty));
                }
                record.encoding = decoded.encoding.to_owned();
                record.stats.replacements = decoded.replacements;
                (record, signature)
            }
            Format::Html => self.clean_html(bytes, batch, page.url.as_deref(), page.charset.as_deref())?,
        };
        record.id = page.id.clone();
        record.source = page.source.clone();
        if let (Some(batch), Some(signature)) = (batch, signature) {
            if let Some((original, similarity)) = batch.original_of(&page.source, &signature) {
                record.duplicate_of = Some(original);
                record.similarity = Some((similarity * 1000.0).round() / 1000.0);
            }
        }
        if page.url.is_some() {
            record.url = page.url.clone();
        }
        Ok(record)
    }

    /// Cleans one page that is already text. The record's identity fields are left empty
    /// and `encoding` says `UTF-8`.
    pub fn clean_text(&self, text: &str) -> Record {
        self.clean_text_in(text, None).0
    }

    /// A text page's record, and in a batch the MinHash signature of its body.
    fn clean_text_in(&self, text: &str, batch: Option<&Batch>) -> (Record, Option<Vec<u32>>) {
        let mut blocks = self.segmenter.segment(text);
        let own = self.classifier.classify(&mut blocks, Layout::Text);
        self.deduper.dedupe(&mut blocks);
        let (signature, candidates) = Self::in_batch(batch, &mut blocks);
        let chosen = metadata::of_text(&mut blocks, own);
        let fields = Fields {
            format: Format::Text,
            encoding: "UTF-8".to_owned(),
            language: language(text).to_owned(),
            chosen,
            ..Fields::default()
        };
        let mut record = Record::assemble(blocks, fields);
        record.batch_lines = candidates.unwrap_or_default();
        (record, signature)
    }

    /// What a batch does to a page's blocks: in a first pass's counting batch, nothing
    /// (no signature is computed: the batch holds none to compare with), and the hashes
    /// of the blocks a second pass may remove are returned; in a counted batch, B001 and
    /// the body's signature.
    fn in_batch(batch: Option<&Batch>, blocks: &mut [Block]) -> (Option<Vec<u32>>, Option<Vec<u64>>) {
        match batch {
            Some(batch) if batch.is_counting() => (None, Some(Batch::candidates(blocks))),
            Some(batch) => (Some(batch.mark_boilerplate(blocks)), None),
            None => (None, None),
        }
    }

    /// An HTML page's record, and in a batch the MinHash signature of its body.
    /// `url` is the page's own address, when the input gives it.
    fn clean_html(
        &self,
        bytes: &[u8],
        batch: Option<&Batch>,
        url: Option<&str>,
        transport: Option<&str>,
    ) -> Result<(Record, Option<Vec<u32>>), Error> {
        let declared = transport.map(str::to_owned).or_else(|| declared_charset(bytes));
        let decoded = decode(bytes, declared.as_deref()).map_err(Error::Decode)?;
        let mut page = self.html.read(&decoded.text);
        let mut blocks = page.blocks;
        // The article's blocks go through the same stages as a text page's.
        let inside: Vec<usize> = (0..blocks.len()).filter(|&i| blocks[i].label == Label::Unlabelled).collect();
        let mut article: Vec<Block> =
            inside.iter().map(|&i| std::mem::replace(&mut blocks[i], Block::new(0, ""))).collect();
        // The markup names the headline or nothing does: no paragraph is promoted to title.
        let headline = page.meta.title.as_deref().unwrap_or("");
        let own = self.classifier.classify(&mut article, Layout::Html { headline });
        self.deduper.dedupe(&mut article);
        let (signature, candidates) = Self::in_batch(batch, &mut article);
        let titled = article.iter().any(|b| b.label == Label::Title);
        let language = metadata::html_language(page.meta.language.take(), &article);
        for (i, block) in inside.into_iter().zip(article) {
            blocks[i] = block;
        }
        // Image addresses resolved against the page's base: its `<base href>`, else its
        // own address, else the address it names for itself.
        let base = page.meta.base.take().or_else(|| url.map(str::to_owned)).or_else(|| page.meta.url.clone());
        let images = page
            .images
            .into_iter()
            .map(|image| Image {
                line: image.at + 1,
                text: image.caption.unwrap_or_default(),
                src: Some(match &base {
                    Some(base) => resolve(base, &image.src),
                    None => image.src,
                }),
            })
            .collect();
        let script_date = || self.html.script_date(&decoded.text);
        let chosen = metadata::of_html(&self.facts, &mut blocks, own, page.meta, &page.bylines, titled, script_date);
        let fields = Fields {
            format: Format::Html,
            encoding: decoded.encoding.to_owned(),
            language,
            replacements: decoded.replacements,
            flattened_tags: page.flattened,
            chosen,
            images,
        };
        let mut record = Record::assemble(blocks, fields);
        record.batch_lines = candidates.unwrap_or_default();
        Ok((record, signature))
    }
}

/// The bytes of a gzip-compressed page inflated, or `None` when the page is not gzip.
fn gunzip(bytes: &[u8]) -> Result<Option<Vec<u8>>, Error> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(None);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(MAX_DECOMPRESSED_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| Error::Read(format!("gzip: {e}")))?;
    if out.len() as u64 > MAX_DECOMPRESSED_BYTES {
        return Err(Error::TooLarge { limit: MAX_DECOMPRESSED_BYTES });
    }
    Ok(Some(out))
}
