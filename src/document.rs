//! Plain data flowing through the stages: [`Block`], [`Label`] and [`Removal`].
//!
//! A block is one non-blank line of a text page (or one text block of an HTML page) with
//! its 1-based line number and the page's own text, trimmed. Stages only ever add labels:
//! no stage rewrites or drops a block, which is what makes "nothing lost" checkable.

use crate::rules::Rule;

/// How the page reached us.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    Html,
}

impl Format {
    /// The format a file's extension tells (`.html`, `.htm`, `.shtml`, `.xhtml`, `.txt`),
    /// looking through a trailing `.gz`; `None` when it tells nothing.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "html" | "htm" | "shtml" | "xhtml" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }
}

/// One unit of page text.
#[derive(Debug, Clone)]
pub struct Block {
    /// 1-based line of the page where the block starts.
    pub line: usize,
    /// The page's own text, trimmed of surrounding whitespace (full-width included).
    pub text: String,
    /// `norm::units(text)`, measured once: every stage weighs blocks by it.
    pub units: usize,
    pub label: Label,
    /// Where the block stands relative to the article, set by the classifier.
    pub region: Region,
}

/// Where a block stands relative to the article's core paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Region {
    /// Before the first core paragraph.
    Head,
    /// From the first to the last core paragraph.
    #[default]
    Inside,
    /// After the last core paragraph (or after the title on a page without a core).
    Tail,
}

impl Block {
    pub fn new(line: usize, text: impl Into<String>) -> Block {
        let text = text.into();
        let units = crate::norm::units(&text);
        Block::measured(line, text, units)
    }

    /// A block whose `units` the caller has measured already.
    pub fn measured(line: usize, text: impl Into<String>, units: usize) -> Block {
        Block { line, text: text.into(), units, label: Label::Unlabelled, region: Region::default() }
    }

    pub fn is_body(&self) -> bool {
        matches!(self.label, Label::Body)
    }

    pub fn remove(&mut self, rule: &'static Rule, reason: String) {
        self.label = Label::Removed(Removal { rule, reason });
    }
}

/// Where a block ends up in the record.
#[derive(Debug, Clone, PartialEq)]
pub enum Label {
    /// Not yet decided; the classifier labels every block, so none reaches the record.
    Unlabelled,
    Title,
    Lead,
    Body,
    /// An image placeholder or caption (`(资料图)`, `[图片]`, `Photo: ...`).
    Image,
    /// A tag line; the tags it names.
    Tags(Vec<String>),
    Removed(Removal),
}

/// Why a block was judged noise: the rule and a message with the measured value.
#[derive(Debug, Clone, PartialEq)]
pub struct Removal {
    pub rule: &'static Rule,
    pub reason: String,
}
