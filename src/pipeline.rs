//! The fixed order of stages: decode -> segment -> classify -> dedupe -> record.
//!
//! Nothing else lives here. A [`Pipeline`] holds only settings and compiled patterns, so
//! one value serves every rayon worker; all per-page state travels in the data.

use crate::classify::Classifier;
use crate::decode::{decode, DecodeError};
use crate::dedupe::Deduper;
use crate::document::Format;
use crate::norm::language;
use crate::record::Record;
use crate::segment::Segmenter;

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
}

/// Why a page yielded an error record instead of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    Decode(DecodeError),
    Read(String),
    TooLarge { bytes: u64, limit: u64 },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Decode(e) => write!(f, "decode: {e}"),
            Error::Read(e) => write!(f, "read: {e}"),
            Error::TooLarge { bytes, limit } => {
                write!(f, "read: page of {bytes} bytes exceeds --max-bytes {limit}")
            }
        }
    }
}

impl std::error::Error for Error {}

/// The cleaning pipeline. Cheap to share: `&Pipeline` is all a worker needs.
#[derive(Debug, Default)]
pub struct Pipeline {
    segmenter: Segmenter,
    classifier: Classifier,
    deduper: Deduper,
}

impl Pipeline {
    pub fn new() -> Pipeline {
        Pipeline::default()
    }

    /// Cleans one page given as bytes in any common encoding.
    pub fn clean(&self, page: &Page) -> Result<Record, Error> {
        let decoded = decode(page.bytes, None).map_err(Error::Decode)?;
        let mut record = self.clean_text(&decoded.text);
        record.encoding = decoded.encoding.to_owned();
        record.stats.replacements = decoded.replacements;
        record.id = page.id.clone();
        record.source = page.source.clone();
        record.url = page.url.clone();
        Ok(record)
    }

    /// Cleans one page that is already text. The record's identity fields are left empty
    /// and `encoding` says `UTF-8`.
    pub fn clean_text(&self, text: &str) -> Record {
        let mut blocks = self.segmenter.segment(text);
        let meta = self.classifier.classify(&mut blocks);
        self.deduper.dedupe(&mut blocks);
        let mut record = Record::from_blocks(blocks);
        record.format = Format::Text;
        record.encoding = "UTF-8".to_owned();
        record.language = language(text).to_owned();
        record.published = meta.published;
        record.author = meta.author;
        record.site = meta.site;
        record
    }
}
