//! What a line or an address states: publication dates, bylines and credits, and the
//! facts an address carries.
//!
//! Takes one line of text (or one address) and returns what it states, or nothing. It
//! never labels a block and never chooses among candidates: `classify` asks which lines
//! are metadata, `html` reads the markup's values with it, and `metadata` chooses the
//! record's date and author among the lines that state one. It imports none of them.
//!
//! - [`date`]: dates in Chinese, numeric and named-month forms, date lines, time stamps;
//! - [`numerals`]: dates written in Chinese numerals or in the Republic of China's years;
//! - [`byline`]: bylines, reporter credits, author and source labels, names;
//! - [`url`]: the day an address names, relative addresses, a site's bare address.

pub mod byline;
pub mod date;
mod numerals;
pub mod url;

pub use byline::BylineFinder;
pub use date::{DateFinder, FoundDate};

/// The finders of both kinds, compiled once per process and shared by copies.
#[derive(Debug, Clone, Copy, Default)]
pub struct Facts {
    pub dates: DateFinder,
    pub bylines: BylineFinder,
}
