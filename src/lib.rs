//! newsclean cleans scraped news pages: it separates the article from the noise spliced
//! into it and explains every removal.
//!
//! Data flows one way, one stage a module:
//!
//! bytes -> `decode` -> text -> `segment` (text pages) or `html` (HTML pages) -> blocks
//! -> `classify` -> labelled blocks -> `dedupe` (and [`batch`] across pages) ->
//! `metadata` (title, date, author, site) -> [`record`] -> one JSON line.
//!
//! Below `classify` and `html` lies `facts`: what a line or an address states (dates,
//! bylines, the day an address names), used by both and importing neither. Around the
//! pipeline: [`rules`] lists every rule with its explanation, [`check`] compares pages
//! with expected records, [`eval`] scores against ground truth, [`schema`] is the JSON
//! Schema of the output.
//!
//! The interface is [`Pipeline`], [`Page`] and the [`Record`] it returns (or the
//! [`Error`] of a page that yields an error record); [`batch`] for the cross-page rules,
//! with [`Pipeline::clean_in`]. The stages themselves are the crate's own.
//!
//! ```
//! use newsclean::{Page, Pipeline};
//!
//! let text = "临港新片区深化产教融合试点城市建设\n\
//!             (资料图)\n\
//!             3月23日，临港新片区举行加快推进国家产教融合试点城市建设大会，公布新一轮支持措施。\n\
//!             新片区产教融合联盟正式成立，首批联盟单位84家，覆盖企业、院校、科研机构、行业协会等。\n\
//!             相关阅读\n\
//!             河北省第八届梅花鉴赏节在安平举行\n";
//! let page = Page::new("demo", "-", text.as_bytes());
//! let record = Pipeline::new().clean(&page).unwrap();
//! assert_eq!(record.title.as_deref(), Some("临港新片区深化产教融合试点城市建设"));
//! assert_eq!(record.body.len(), 2);
//! assert_eq!(record.images[0].text, "(资料图)");
//! assert_eq!(record.removed.iter().map(|r| r.rule).collect::<Vec<_>>(), ["M001", "M002"]);
//! ```

pub mod batch;
pub mod check;
pub mod eval;
pub mod input;
pub mod record;
pub mod rules;
pub mod schema;
pub mod warc;

mod classify;
mod decode;
mod dedupe;
mod document;
mod facts;
mod html;
mod metadata;
mod norm;
mod pipeline;
mod segment;
mod spill;
mod walk;

pub use decode::DecodeError;
pub use document::Format;
pub use pipeline::{Error, Page, Pipeline, MAX_DECOMPRESSED_BYTES};
pub use record::{ErrorRecord, Record};

/// The stages one by one, for the benchmarks and fuzz targets that measure or shake each
/// alone. Not part of the library's interface: their types change as the stages do.
#[doc(hidden)]
pub mod stages {
    pub use crate::batch::signature;
    pub use crate::classify::{Classifier, Layout};
    pub use crate::decode::decode;
    pub use crate::dedupe::Deduper;
    pub use crate::html::{declared_charset, prepare, HtmlReader};
    pub use crate::segment::Segmenter;
}
