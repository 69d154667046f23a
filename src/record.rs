//! The JSON record: one object per page, one line each (JSON Lines).
//!
//! Every field, its type and meaning, with a worked example for the seed page
//! (`fixtures/text/seed.txt`), abridged:
//!
//! ```json
//! {"id":"seed","source":"fixtures/text/seed.txt","format":"text","encoding":"UTF-8",
//!  "language":"zh","title":"加大先行先试探索,临港新片区深化产教融合试点城市建设",
//!  "lead":"3月23日,临港新片区举行加快推进国家产教融合试点城市建设大会,公布新一轮支持临港新片区加大先行先试...",
//!  "published":null,"author":null,"site":null,"url":null,"duplicate_of":null,"similarity":null,
//!  "body":["3月23日,临港新片区举行...","..."],
//!  "images":[{"line":3,"text":"(资料图)","src":null}],"tags":[],
//!  "removed":[{"line":12,"text":"标签:","rule":"M001","reason":"tag line with no tags: ends the article"},"..."],
//!  "stats":{"blocks":21,"tag_lines":0,"body_blocks":7,"removed":11,"chars_in":1980,"chars_body":1376,"replacements":0,"flattened_tags":0}}
//! ```
//!
//! - `id` (string): the file stem, or the id the input gave.
//! - `source` (string): the path as given (`-` for stdin); for JSON Lines input the
//!   record's own `source` or `id`, else `FILE:LINE`.
//! - `format` (`"text"` | `"html"`): how the page was read.
//! - `encoding` (string): WHATWG name of the encoding used (`UTF-8`, `gb18030`, `Big5`, `UTF-16LE`).
//! - `language` (string): `zh`, `ja`, `ko`, `en`, or `und` when undecided.
//! - `title` (string | null): the article's headline (an HTML page's from its markup, else the
//!   headline-shaped line just above the article).
//! - `lead` (string | null): the article's own teaser, kept once.
//! - `published` (string | null): ISO 8601 date or date-time the page states (with the
//!   offset from UTC it states): in its markup, a date line, a script, or (an HTML page)
//!   the day its address names (`/2023-11/30/`).
//! - `author` (string | null): from a byline.
//! - `site` (string | null): the markup's site name, a source line (`来源：新华网`), or the
//!   site an HTML page's `<title>` names after the headline.
//! - `url` (string | null): the page's address, when the input gave one.
//! - `duplicate_of` (string | null): in a batch, the `source` of an earlier page in sorted
//!   order whose body is nearly the same (MinHash similarity of at least 0.7).
//! - `similarity` (number | null): that similarity.
//! - `body` (array of strings): the article's paragraphs in page order, the page's own text, trimmed.
//! - `images` (array): `{"line", "text", "src"}` for each image placeholder or credit of a
//!   text page (`src` null), and each image of an HTML page's main content (`text` its
//!   caption or alt text, `line` the block it stands before).
//! - `tags` (array of strings): an HTML page's keywords, then the tags of its tag lines, each
//!   once.
//! - `removed` (array): every block not kept, in page order: `{"line", "text", "rule", "reason"}`,
//!   where `rule` is a code (`newsclean explain CODE`) and `reason` carries the measured value.
//! - `stats` (object): `blocks` (non-blank lines), `tag_lines`, `body_blocks`, `removed`, `chars_in` (characters
//!   in all blocks), `chars_body`, `replacements` (U+FFFD inserted by decoding: 0 unless the
//!   encoding could not be determined), `flattened_tags` (HTML start tags nested deeper
//!   than 512 levels, dropped before parsing; their text stays).
//!
//! Nothing is lost: every block lands in exactly one of title, lead, body, images, tags
//! (its tag line), removed, so `blocks` = title + lead + `body_blocks` + images +
//! `tag_lines` + `removed`. An error record has `id`, `source` and `error` only.

use crate::document::{Block, Format, Label};
use crate::metadata::Chosen;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub id: String,
    pub source: String,
    pub format: Format,
    pub encoding: String,
    pub language: String,
    pub title: Option<String>,
    pub lead: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    /// In a batch, the `source` of an earlier page (sorted order) with nearly the same body.
    pub duplicate_of: Option<String>,
    /// The estimated similarity to `duplicate_of`'s body, 0 to 1.
    pub similarity: Option<f64>,
    pub body: Vec<String>,
    pub images: Vec<Image>,
    pub tags: Vec<String>,
    pub removed: Vec<Removed>,
    pub stats: Stats,
    /// Cleaned in a first pass's batch (`Batch::counting`): the hashes of the blocks a
    /// second pass's B001 may remove, for `Batch::may_change`. Not part of the output.
    #[serde(skip)]
    pub batch_lines: Vec<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Image {
    pub line: usize,
    pub text: String,
    /// The image's address on HTML pages; null for text pages.
    pub src: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Removed {
    pub line: usize,
    pub text: String,
    pub rule: &'static str,
    pub reason: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub blocks: usize,
    pub tag_lines: usize,
    pub body_blocks: usize,
    pub removed: usize,
    pub chars_in: usize,
    pub chars_body: usize,
    pub replacements: usize,
    /// HTML start tags dropped because they nested deeper than 512 levels (their text stays).
    pub flattened_tags: usize,
}

/// A page that could not be cleaned: which one, and why.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorRecord {
    pub id: String,
    pub source: String,
    pub error: String,
}

/// What a record says of its page besides its blocks: how the page was read, and the
/// metadata chosen for it.
#[derive(Debug, Default)]
pub struct Fields {
    pub format: Format,
    pub encoding: String,
    pub language: String,
    /// Characters the decoder replaced with U+FFFD.
    pub replacements: usize,
    pub flattened_tags: usize,
    pub chosen: Chosen,
    /// The markup's images, their addresses resolved, beside the blocks' placeholders.
    pub images: Vec<Image>,
}

impl Record {
    /// The record of a page from its labelled blocks and the rest of what it says; the
    /// caller fills in the page's identity (`id`, `source`, `url` as given, and in a
    /// batch `duplicate_of`).
    pub fn assemble(blocks: Vec<Block>, fields: Fields) -> Record {
        let mut record = Record::from_blocks(blocks);
        let chosen = fields.chosen;
        record.format = fields.format;
        record.encoding = fields.encoding;
        record.language = fields.language;
        record.stats.replacements = fields.replacements;
        record.stats.flattened_tags = fields.flattened_tags;
        // Else the block labelled as the title: the article's, or the one shown above it.
        record.title = chosen.title.or(record.title);
        record.published = chosen.published;
        record.author = chosen.author;
        record.site = chosen.site;
        record.url = chosen.url;
        // The markup's tags, then the tag lines'.
        let mut tags = Vec::new();
        add_tags(&mut tags, chosen.tags);
        add_tags(&mut tags, std::mem::take(&mut record.tags));
        record.tags = tags;
        if !fields.images.is_empty() {
            record.images.extend(fields.images);
            // A caption block is already the caption of its image.
            let captions: Vec<String> =
                record.images.iter().filter(|i| i.src.is_some()).map(|i| i.text.clone()).collect();
            record.images.retain(|i| i.src.is_some() || !captions.contains(&i.text));
            record.images.sort_by_key(|image| image.line);
        }
        record
    }

    /// The record's content fields from labelled blocks.
    fn from_blocks(blocks: Vec<Block>) -> Record {
        let mut r = Record {
            id: String::new(),
            source: String::new(),
            format: Format::Text,
            encoding: String::new(),
            language: String::new(),
            title: None,
            lead: None,
            published: None,
            author: None,
            site: None,
            url: None,
            duplicate_of: None,
            similarity: None,
            body: Vec::new(),
            images: Vec::new(),
            tags: Vec::new(),
            removed: Vec::new(),
            stats: Stats { blocks: blocks.len(), ..Stats::default() },
            batch_lines: Vec::new(),
        };
        for b in blocks {
            r.stats.chars_in += b.text.chars().count();
            match b.label {
                Label::Title if r.title.is_none() => r.title = Some(b.text),
                Label::Lead if r.lead.is_none() => r.lead = Some(b.text),
                Label::Body | Label::Unlabelled | Label::Title | Label::Lead => {
                    r.stats.chars_body += b.text.chars().count();
                    r.body.push(b.text);
                }
                Label::Image => r.images.push(Image { line: b.line, text: b.text, src: None }),
                Label::Tags(tags) => {
                    r.stats.tag_lines += 1;
                    add_tags(&mut r.tags, tags);
                }
                Label::Removed(removal) => r.removed.push(Removed {
                    line: b.line,
                    text: b.text,
                    rule: removal.rule.code,
                    reason: removal.reason,
                }),
            }
        }
        r.stats.body_blocks = r.body.len();
        r.stats.removed = r.removed.len();
        r
    }
}

/// `tags` added to `list`, each tag once, in the order first seen.
pub fn add_tags(list: &mut Vec<String>, tags: impl IntoIterator<Item = String>) {
    for tag in tags {
        if !list.contains(&tag) {
            list.push(tag);
        }
    }
}
