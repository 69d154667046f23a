//! The fixed order of stages: decode -> segment (text) or html (HTML) -> classify ->
//! dedupe (within the page, then across the batch when there is one) -> record.
//!
//! Nothing else lives here. A [`Pipeline`] holds only settings and compiled patterns, so
//! one value serves every rayon worker; all per-page state travels in the data.

use crate::batch::Batch;
use crate::classify::meta::{is_bare_domain, plausible_author, tidy_name, FoundDate};
use crate::classify::{Classifier, Layout, TITLE_SENTENCE_MAX_UNITS};
use crate::decode::{decode, DecodeError};
use crate::dedupe::Deduper;
use crate::document::{Block, Format, Label, Region};
use crate::html::{declared_charset, looks_like_html, HtmlReader};
use crate::norm::{has_sentence_punct, language, normalize, units};
use crate::record::Record;
use crate::record::{add_tags, Image};
use crate::rules;
use crate::segment::Segmenter;
use std::io::Read;

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
}

impl<'a> Page<'a> {
    /// A page of unknown format and address.
    pub fn new(id: impl Into<String>, source: impl Into<String>, bytes: &'a [u8]) -> Page<'a> {
        Page { id: id.into(), source: source.into(), bytes, url: None, format: None }
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
/// On an HTML page whose markup and article name no author, a byline or author label
/// this many blocks above the article's start or below its end names it: a portal's
/// `作者：` line above the article's container, a blog's below its post.
pub const AUTHOR_WINDOW: usize = 8;
/// An element the markup marks as the byline names the author this many blocks from the
/// article's edges: between it and the article's first paragraph stand a timestamp,
/// share buttons, a picture and its caption.
pub const BYLINE_WINDOW: usize = 20;

/// The cleaning pipeline. Cheap to share: `&Pipeline` is all a worker needs.
#[derive(Debug, Default)]
pub struct Pipeline {
    segmenter: Segmenter,
    html: HtmlReader,
    classifier: Classifier,
    deduper: Deduper,
}

impl Pipeline {
    /// The pipeline, its patterns compiled: the classifier's and the HTML stage's side by
    /// side when the current rayon pool has a second thread (start-up is some 40 M
    /// instructions, most of a one-page run).
    pub fn new() -> Pipeline {
        let (classifier, html) = rayon::join(Classifier::default, HtmlReader::default);
        Pipeline { segmenter: Segmenter, html, classifier, deduper: Deduper }
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
                let decoded = decode(bytes, None).map_err(Error::Decode)?;
                let (mut record, signature) = self.clean_text_in(&decoded.text, batch);
                if record.stats.blocks == 0 {
                    // Only whitespace, Unicode's included: nothing to clean.
                    return Err(Error::Decode(DecodeError::Empty));
                }
                record.encoding = decoded.encoding.to_owned();
                record.stats.replacements = decoded.replacements;
                (record, signature)
            }
            Format::Html => self.clean_html(bytes, batch, page.url.as_deref())?,
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
        let meta = self.classifier.classify(&mut blocks, Layout::Text);
        self.deduper.dedupe(&mut blocks);
        let signature = batch.map(|batch| batch.mark_boilerplate(&mut blocks));
        let author = meta.author.filter(|a| plausible_author(a)).map(|a| tidy_name(&a));
        if let Some(author) = &author {
            mark_author_bio(&mut blocks, author);
        }
        let mut record = Record::from_blocks(blocks);
        record.format = Format::Text;
        record.encoding = "UTF-8".to_owned();
        record.language = language(text).to_owned();
        record.published = meta.published.or(meta.updated);
        record.author = author;
        record.site = meta.site;
        (record, signature)
    }

    /// The visible date line nearest block `start` (above it before below it) and the
    /// nearest one labelled as an update, each with its block.
    fn visible_dates(&self, blocks: &[Block], start: usize) -> (Option<DateLine>, Option<DateLine>) {
        let mut update = None;
        let above = (0..=start).rev().take_while(|&i| i < blocks.len());
        let line = above.chain(start + 1..blocks.len()).find_map(|i| {
            let date = self.classifier.visible_date(&blocks[i].text)?;
            if date.updated {
                update.get_or_insert((i, date));
                return None;
            }
            Some((i, date))
        });
        (line, update)
    }

    /// The block just above the article's first block `first` that reads as its
    /// headline, past date and byline lines: short, not ending a sentence, and no link's
    /// count (`CGI教程(5)`) or navigation trail (`首页 -> 读书`).
    fn headline_above(&self, blocks: &[Block], first: usize) -> Option<usize> {
        let metadata =
            |text: &str| self.classifier.visible_date(text).is_some() || self.classifier.stated_author(text).is_some();
        let mut above = (0..first).rev().filter(|&i| !blocks[i].text.is_empty()).take(HEADLINE_LOOKBACK);
        let i = above.find(|&i| !metadata(&blocks[i].text))?;
        let text = blocks[i].text.as_str();
        let counted = text
            .strip_suffix([')', '）'])
            .map(|t| t.trim_end_matches(|c: char| c.is_ascii_digit()))
            .is_some_and(|t| t.ends_with(['(', '（']));
        let ends_clause = text.ends_with(['。', '.', '；', ';', '，', ',', ':', '：']);
        let trail = ["->", ">>", "»", "|", "›"].iter().any(|sep| text.contains(sep));
        // Removed as chrome, not kept as an image's caption or a tag line.
        (matches!(blocks[i].label, Label::Removed(_))
            && (HEADLINE_MIN_UNITS..=TITLE_SENTENCE_MAX_UNITS).contains(&blocks[i].units)
            && !counted
            && !ends_clause
            && !trail)
            .then_some(i)
    }

    /// An HTML page's record, and in a batch the MinHash signature of its body.
    /// `url` is the page's own address, when the input gives it.
    fn clean_html(
        &self,
        bytes: &[u8],
        batch: Option<&Batch>,
        url: Option<&str>,
    ) -> Result<(Record, Option<Vec<u32>>), Error> {
        let declared = declared_charset(bytes);
        let decoded = decode(bytes, declared.as_deref()).map_err(Error::Decode)?;
        let mut page = self.html.read(&decoded.text);
        let mut blocks = page.blocks;
        // The article's blocks go through the same stages as a text page's.
        let inside: Vec<usize> = (0..blocks.len()).filter(|&i| blocks[i].label == Label::Unlabelled).collect();
        let mut article: Vec<Block> =
            inside.iter().map(|&i| std::mem::replace(&mut blocks[i], Block::new(0, ""))).collect();
        // The markup names the headline or nothing does: no paragraph is promoted to title.
        let headline = page.meta.title.as_deref().unwrap_or("");
        let mut meta = self.classifier.classify(&mut article, Layout::Html { headline });
        self.deduper.dedupe(&mut article);
        let signature = batch.map(|batch| batch.mark_boilerplate(&mut article));
        let titled = article.iter().any(|b| b.label == Label::Title);
        // The markup's language, unless the body is written in another script: templates
        // keep `<html lang="en">` on Chinese pages.
        let body: Vec<&str> = article.iter().filter(|b| b.is_body()).map(|b| b.text.as_str()).collect();
        let written = language(&body.join("\n"));
        let cjk = |lang: &str| matches!(lang, "zh" | "ja" | "ko");
        let language = match page.meta.language.take() {
            Some(marked) if cjk(&marked) == cjk(written) || written == "und" => marked,
            _ => written.to_owned(),
        };
        for (i, block) in inside.into_iter().zip(article) {
            blocks[i] = block;
        }
        let in_article = |b: &Block| matches!(b.label, Label::Body | Label::Title);
        let first = blocks.iter().position(in_article);
        // When the markup states no date, the visible date line nearest the article's start
        // counts, wherever it stands: portals print `发布时间：...` above the article, blogs
        // `发表于 ...` below it, both often outside the article's container. When the
        // markup states the day alone, that line gives its time, if it is of that day.
        // A date labelled as the page's update (`最后更新：…`) counts only when no other does.
        let stated = page.meta.published.take().or_else(|| meta.published.take());
        let (line, mut update_line) = match &stated {
            Some(date) if date.len() > DAY_LEN => (None, None),
            _ => self.visible_dates(&blocks, first.unwrap_or(0)),
        };
        let mut date_line = None;
        let published = match stated {
            Some(day) if day.len() == DAY_LEN => {
                let timed = line.filter(|(_, date)| {
                    date.iso.as_ref().is_some_and(|iso| iso.len() > DAY_LEN && iso.starts_with(&day))
                });
                Some(match timed {
                    Some((i, date)) => {
                        date_line = Some(i);
                        date.iso.unwrap_or(day)
                    }
                    None => day,
                })
            }
            Some(date) => Some(date),
            None => line.and_then(|(i, date)| {
                date_line = Some(i);
                date.iso
            }),
        }
        .or_else(|| self.html.script_date(&decoded.text))
        // The day the page's address files it under (`/2023-11/30/`).
        .or_else(|| page.meta.url.as_deref().and_then(crate::html::url_date))
        .or_else(|| meta.updated.take())
        .or_else(|| {
            let (i, date) = update_line.take()?;
            date_line = Some(i);
            date.iso
        })
        // Last, when the page changed: most pages are not edited after the day they
        // are published (Baidu's pages state only `dateUpdate`).
        .or_else(|| page.meta.modified.take());
        // Likewise the author: the byline or author label nearest the article, above its
        // start or below its end, within AUTHOR_WINDOW blocks. A name that is no one's,
        // or the site's (`<meta name="author" content="网易">` on 网易财经), is none.
        let sites = site_names([page.meta.site.as_deref(), meta.site.as_deref()], &page.meta.title_rest);
        let credible = |author: &String| {
            let name = normalize(author);
            plausible_author(author) && !sites.iter().any(|site| site.contains(&name))
        };
        // The article's first and last blocks.
        let article = first.zip(blocks.iter().rposition(in_article));
        // A user name (`devindra`) in the meta yields to a name the page writes out.
        let (handle, named) = match page.meta.author.take().filter(credible) {
            Some(author) if is_handle(&author) => (Some(author), None),
            named => (None, named),
        };
        let author = named
            .or_else(|| meta.author.take().filter(credible))
            // An element the markup marks as the byline: the one nearest the article, in it
            // or within BYLINE_WINDOW blocks of its edges (not a sidebar's columnists).
            .or_else(|| {
                let (start, end) = article?;
                let distance = |at: usize| start.saturating_sub(at) + at.saturating_sub(end);
                let mut near =
                    page.bylines.iter().filter(|(at, name)| distance(*at) <= BYLINE_WINDOW && credible(name));
                let (_, name) = near.clone().min_by_key(|(at, _)| distance(*at))?;
                // One of several names (`<a rel="author">` in `By A and B`): all of them.
                Some(near.find(|(_, all)| lists(all, name)).map_or(name, |(_, all)| all).clone())
            })
            .or_else(|| {
                let (start, end) = article?;
                let above = (start.saturating_sub(AUTHOR_WINDOW)..start).rev();
                let below = end + 1..(end + 1 + AUTHOR_WINDOW).min(blocks.len());
                above.chain(below).filter_map(|i| self.classifier.stated_author(&blocks[i].text)).find(credible)
            })
            // The line that gave the date, however far from the article: the page's
            // metadata line (`时间：2004年10月21日14:18 作者：郭励弘`, with related links
            // between it and the article).
            .or_else(|| self.classifier.stated_author(&blocks[date_line?].text).filter(credible))
            .or(handle)
            .map(|a| tidy_name(&a));
        if let Some(author) = &author {
            mark_author_bio(&mut blocks, author);
        }
        // A page whose markup names no headline (an archived page without `<title>` or
        // `<h1>`) shows it above the article, past the date and byline lines; so does a
        // page whose `<title>` alone names it, among the site's name and channels.
        if !titled && (page.meta.title.is_none() || !page.meta.title_parts.is_empty()) {
            if let Some(i) = first.and_then(|first| self.headline_above(&blocks, first)) {
                let parts = &page.meta.title_parts;
                let part = parts.iter().position(|part| *part == blocks[i].text);
                let named = match &page.meta.title {
                    None => true,
                    Some(title) => *title != blocks[i].text && part.is_some(),
                };
                if named {
                    // What `<title>` says after it is the site's name and channels.
                    if let Some(at) = part {
                        page.meta.title_rest = parts[at + 1..].to_vec();
                    }
                    blocks[i].label = Label::Title;
                    page.meta.title = None;
                }
            }
        }
        let mut record = Record::from_blocks(blocks);
        record.format = Format::Html;
        record.encoding = decoded.encoding.to_owned();
        record.stats.replacements = decoded.replacements;
        record.stats.flattened_tags = page.flattened;
        record.language = language;
        // Else the block labelled as the title: the article's, or the one shown above it.
        record.title = page.meta.title.or(record.title);
        record.published = published;
        record.author = author;
        record.site = page.meta.site.or(meta.site).or_else(|| title_site(&page.meta.title_rest));
        record.url = page.meta.url;
        // The meta's tags, then the tag lines'.
        let mut tags = Vec::new();
        add_tags(&mut tags, page.meta.tags);
        add_tags(&mut tags, std::mem::take(&mut record.tags));
        record.tags = tags;
        // Image addresses resolved against the page's base: its `<base href>`, else its
        // own address, else the address it names for itself.
        let base = page.meta.base.as_deref().or(url).or(record.url.as_deref());
        record.images.extend(page.images.into_iter().map(|image| Image {
            line: image.at + 1,
            text: image.caption.unwrap_or_default(),
            src: Some(match base {
                Some(base) => crate::html::resolve(base, &image.src),
                None => image.src,
            }),
        }));
        // A caption block is already the caption of its image.
        let captions: Vec<String> = record.images.iter().filter(|i| i.src.is_some()).map(|i| i.text.clone()).collect();
        record.images.retain(|i| i.src.is_some() || !captions.contains(&i.text));
        record.images.sort_by_key(|image| image.line);
        Ok((record, signature))
    }
}

/// How many blocks above the article a headline the markup does not name may stand,
/// date and byline lines included, and the least it measures.
const HEADLINE_LOOKBACK: usize = 3;
const HEADLINE_MIN_UNITS: usize = 4;

/// The least a biography says after the author's name (`Eric Song is IGN's deal curator`).
const AUTHOR_BIO_MIN_UNITS: usize = 8;

/// Marks the author's biography (M010): a body block after the article's last core
/// paragraph, or its last block, that begins with the author's name and goes on. A name
/// in Latin letters is a person's when it has two words at least: one word is as often an
/// agency's (`Reuters could not verify the video.`).
fn mark_author_bio(blocks: &mut [Block], author: &str) {
    if author.is_ascii() && !author.contains(' ') {
        return;
    }
    let last = blocks.iter().rposition(Block::is_body);
    for (i, block) in blocks.iter_mut().enumerate() {
        if !block.is_body() || (block.region != Region::Tail && Some(i) != last) {
            continue;
        }
        let Some(rest) = block.text.strip_prefix(author) else { continue };
        let apart = rest.starts_with(|c: char| c.is_whitespace() || ",，".contains(c));
        if apart && units(rest) >= AUTHOR_BIO_MIN_UNITS {
            block.remove(rules::AUTHOR_BIO, format!("begins with the author's name '{author}' after the article"));
        }
    }
}

/// The names a page gives itself, normalised: its site name, its source line's, and the
/// segments of its `<title>` after the headline (`财经`, `腾讯网`).
fn site_names(named: [Option<&str>; 2], title_rest: &[String]) -> Vec<String> {
    let names = named.into_iter().flatten().chain(title_rest.iter().map(String::as_str).filter(|p| !is_byline(p)));
    names.map(normalize).filter(|s| units(s) >= 2).collect()
}

/// Whether a segment of the title is a byline (`Headline | by Jane Doe | Medium`): it
/// names the author, not the site.
fn is_byline(part: &str) -> bool {
    part.get(..3).is_some_and(|by| by.eq_ignore_ascii_case("by "))
}

/// A site name is at most this many characters (`山西省人民政府门户网站`, `The Washington
/// Post`); a longer segment of the title is a subtitle.
const SITE_MAX_CHARS: usize = 32;

/// The site a `<title>` names after the headline (`…_网易新闻`, `… - Riverton Daily`): its
/// last segment, passing over an address (`…_长江网_cjn.cn`) and a byline, unless the
/// address is all there is. A Chinese site's name says it is one (`…_39健康网_资讯`).
fn title_site(title_rest: &[String]) -> Option<String> {
    let named = |s: &&String| s.chars().count() <= SITE_MAX_CHARS && !is_byline(s) && !has_sentence_punct(s);
    let mut names = title_rest.iter().rev().filter(named);
    let site = names.clone().find(|s| s.ends_with('网')).or_else(|| names.find(|s| !is_bare_domain(s)));
    site.or_else(|| title_rest.last().filter(|s| is_bare_domain(s))).cloned()
}

/// A visible date and the block it stands in.
type DateLine = (usize, FoundDate);

/// The length of an ISO 8601 day (`2024-03-18`): a date of this length states no time.
const DAY_LEN: usize = 10;

/// Whether an author field holds a user name (`devindra`, `jdoe_88`) rather than a
/// name: one word of lowercase ASCII letters and digits.
fn is_handle(author: &str) -> bool {
    author.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_.-@".contains(&b))
}

/// Whether `all` lists `name` among other names (`Stella Kim and Jennifer Jett`,
/// `张三、李四`).
fn lists(all: &str, name: &str) -> bool {
    let parts =
        all.split([',', '，', '、', '&']).flat_map(|part| part.split(" and ")).flat_map(|part| part.split(" et "));
    let parts: Vec<&str> = parts.map(str::trim).filter(|part| !part.is_empty()).collect();
    parts.len() > 1 && parts.contains(&name)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_a_title_names() {
        let site = |rest: &[&str]| title_site(&rest.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(site(&["财经", "腾讯网"]).as_deref(), Some("腾讯网"));
        assert_eq!(site(&["首页武汉", "新闻中心", "长江网", "cjn.cn"]).as_deref(), Some("长江网"));
        assert_eq!(site(&["39健康网", "资讯"]).as_deref(), Some("39健康网"));
        assert_eq!(site(&["Politics", "Riverton Daily"]).as_deref(), Some("Riverton Daily"));
        assert_eq!(site(&["by Jane Doe", "Medium"]).as_deref(), Some("Medium"));
        assert_eq!(site(&["www.wday.ru"]).as_deref(), Some("www.wday.ru"));
        assert_eq!(site(&["by Jane Doe"]), None);
        assert_eq!(site(&["What the council decided, and what it will cost the county's riders"]), None);
        assert_eq!(site(&[]), None);
    }
}
