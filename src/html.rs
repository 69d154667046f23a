//! HTML pages to blocks: the DOM in reading order, the main content chosen, metadata read.
//!
//! Takes a decoded HTML page and returns its text blocks in reading order, with the blocks
//! outside the main content already labelled (X rules), the images of the main content,
//! and the metadata the markup states (title candidates, dates, author, site, URL,
//! language, keywords). The blocks inside the main content flow on, unlabelled, to the
//! same classify and dedupe stages as a text page.
//!
//! Main content is chosen the way Readability and GNE do it, without any site's class
//! names: every text block scores by its length and punctuation, the score flows to its
//! nearest block-level ancestors, an ancestor's score is scaled by one minus its link
//! density and by class/id hints (`content`, `article` up; `nav`, `footer`, `related`,
//! `comment` down), and the best ancestor plus its strong siblings hold the article.
//! Inside it, link-dense blocks and blocks under a chrome hint are removed too.
//!
//! The traversal is iterative (ego-tree's `traverse`), so 200,000 nested `<div>`s cost
//! no stack; ancestors are only ever looked at to a fixed depth. Every element and
//! attribute the project reads is named in this module (the metadata elements are found
//! in one pass by tag and attribute, no CSS selector engine). It deliberately does not
//! run scripts or apply CSS beyond `display:none` and `hidden`. Before parsing, code,
//! comments, unread attributes and indentation are left out (`prepare`).

use crate::classify::meta::DateFinder;
use crate::document::{Block, Label, Removal};
use crate::norm::units;
use crate::rules;
use ego_tree::NodeId;
use regex::Regex;
use rustc_hash::FxHashMap;
use scraper::{ElementRef, Html, Node};

/// A block scores only from this size (units) on: shorter text says little about where
/// the article is.
pub const MIN_SCORING_UNITS: usize = 12;
/// Units per score point of length, and the cap on length points (Readability: one point
/// per 100 characters, at most 3).
pub const UNITS_PER_POINT: usize = 50;
pub const MAX_LENGTH_POINTS: f64 = 3.0;
/// Factor on the score of an element whose class, id or tag hints at content (its
/// inverse for chrome): `class="article-body"` x2, `class="sidebar"` x0.5.
pub const CLASS_FACTOR: f64 = 2.0;
/// How many block-level ancestors share a block's score: parent, grandparent, and so on,
/// each with a smaller share.
pub const SCORE_LEVELS: usize = 3;
/// Text under an element named like chrome (comments, related lists, sidebars) scores
/// this share of its worth: comment threads outweigh short articles otherwise. A hint on
/// a wrapper of the whole page lowers every block alike and changes nothing.
pub const CHROME_SHARE: f64 = 0.3;
/// The best container gives way to its parent when the parent holds this many times its
/// text score (an article split over sibling `<div>`s) with link density at most
/// PROMOTE_MAX_LINK_DENSITY.
pub const PROMOTE_GAIN: f64 = 1.4;
/// An ancestor adding less than this share of text is a wrapper, looked through; at most
/// PROMOTE_MAX_LEVELS ancestors are looked at.
pub const WRAPPER_GAIN: f64 = 1.05;
pub const PROMOTE_MAX_LEVELS: usize = 5;
pub const PROMOTE_MAX_LINK_DENSITY: f64 = 0.3;
/// A sibling of the best container joins the main content from this share of its score
/// (Readability's 0.2), or when it is one link-free paragraph of sentences at least
/// SIBLING_PARAGRAPH_UNITS long: a standfirst above the article's container (Le Figaro's
/// chapô, 20 English words or 40 Chinese characters and up).
pub const SIBLING_SHARE: f64 = 0.2;
pub const SIBLING_PARAGRAPH_UNITS: usize = 40;
/// The text a page declares about itself (JSON-LD `articleBody`, else its description)
/// names the article: a block whose opening DECLARED_PREFIX_CHARS (normalised) occur in it
/// is the article's. When the best container holds no such block, the best one that does
/// takes its place, provided it scores at least DECLARED_MIN_SHARE of the best.
pub const DECLARED_PREFIX_CHARS: usize = 24;
pub const DECLARED_MIN_SHARE: f64 = 0.25;
/// The best container inside a page's one `<article>` element takes the place of a
/// better one outside it from this share of its score on: a teaser card marked up as
/// the one `<article>` beside a long story scores far less.
pub const ARTICLE_MIN_SHARE: f64 = 0.25;
/// Of several `<article>` elements, the one holding the page's `<h1>` takes the place of
/// a better container in or around another from this share of its score on: teaser
/// cards with long excerpts outscore a short story together.
pub const HEADED_ARTICLE_MIN_SHARE: f64 = 0.1;
/// POST_MIN_COUNT or more elements with a class, of one form (tags and classes up to the
/// root), each holding a date, are posts of a list (a blog's page). When the container
/// promotion arrives at is inside one of them (itself or an ancestor up to
/// POST_MAX_LEVELS levels) other than the first, the first post's best container takes
/// its place from FIRST_POST_MIN_SHARE of its score: the newest post, as a reader takes
/// the page.
pub const POST_MIN_COUNT: usize = 3;
pub const POST_MAX_LEVELS: usize = 12;
pub const FIRST_POST_MIN_SHARE: f64 = 0.25;
/// Blocks in a `<figcaption>`, and those under `<figure>` or a `caption` class up to this
/// size, are image captions and go to `images`.
pub const CAPTION_MAX_UNITS: usize = 120;
/// Consecutive slide counters (`1/50`, `2/50`, ...) that make a slideshow, and paragraphs
/// of prose the page needs outside it for the slideshow to be chrome.
pub const SLIDESHOW_MIN_SLIDES: usize = 3;
pub const SLIDESHOW_MIN_PROSE: usize = 3;
/// The longest text of a byline element: a longer one is an author's box or a bio.
pub const BYLINE_MAX_CHARS: usize = 160;
/// The most units a name from a byline element has: three names with their surnames.
pub const NAME_MAX_UNITS: usize = 12;
/// The hint a slideshow's blocks carry.
const SLIDESHOW: &str = "slideshow";
/// The longest word a slide counter may follow (`Picture 2 of 9`).
const SLIDE_WORD_MAX_BYTES: usize = 7;
/// Inside the main content a block whose link text exceeds this share is navigation,
/// unless it is longer than LINK_DENSE_MAX_UNITS.
pub const LINK_DENSITY_MAX: f64 = 0.5;
/// The share for sentences of SIBLING_PARAGRAPH_UNITS and more: a paragraph that links its
/// sources is often more than half links (`The gray haze led to canceled flights, …`).
pub const PROSE_LINK_DENSITY_MAX: f64 = 0.7;
pub const LINK_DENSE_MAX_UNITS: usize = 200;

const SKIPPED: [&str; 14] = [
    "script", "style", "noscript", "template", "svg", "iframe", "head", "object", "embed", "canvas", "select",
    "button", "textarea", "xmp",
];
/// Block-level elements that hold one paragraph of text, never an article.
const PARAGRAPHS: [&str; 11] = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "dd", "dt"];
const BLOCK_LEVEL: [&str; 41] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// What the markup says about the page.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct HtmlMeta {
    /// The headline: `og:title`, `<h1>` or `<title>`, whichever matches the article.
    pub title: Option<String>,
    pub published: Option<String>,
    /// When the markup says the page last changed: the publication date's last resort.
    pub modified: Option<String>,
    pub author: Option<String>,
    pub site: Option<String>,
    /// What `<title>` says after the headline: the site's name and its channels
    /// (`…_财经_腾讯网`).
    pub title_rest: Vec<String>,
    /// The parts of `<title>` (`静夜思•夜-中国诗歌网`), when the title came from it alone:
    /// no `og:title` and no heading named it. Which part is the headline, the page
    /// shows above the article.
    pub title_parts: Vec<String>,
    pub url: Option<String>,
    /// The address `<base href>` gives relative addresses, when it is absolute.
    pub base: Option<String>,
    pub language: Option<String>,
    pub tags: Vec<String>,
}

/// An image of the main content.
#[derive(Debug, Clone, PartialEq)]
pub struct HtmlImage {
    /// Index of the block the image stands before.
    pub at: usize,
    pub src: String,
    pub caption: Option<String>,
}

/// An HTML page read into blocks.
#[derive(Debug, Default)]
pub struct HtmlPage {
    /// All blocks in reading order; those outside the article are already labelled.
    pub blocks: Vec<Block>,
    pub meta: HtmlMeta,
    pub images: Vec<HtmlImage>,
    /// The names in elements the markup marks as a byline (`rel="author"`,
    /// `itemprop="author"`, a class or id naming a byline or the author's name) of at most
    /// BYLINE_MAX_CHARS characters, each with the index of the block it stands at. Inner
    /// ones come before the elements holding them (`<a rel="author">` before its
    /// `<p class="byline">`), the rest in reading order.
    pub bylines: Vec<(usize, String)>,
    /// Start tags removed because they nested deeper than MAX_NESTING.
    pub flattened: usize,
}

/// A half-open range of block indices: the blocks an element holds.
type Span = (usize, usize);

/// One block with the features main-content selection uses.
#[derive(Debug, Clone)]
struct Raw {
    text: String,
    /// `norm::units` of the text, and its characters other than whitespace.
    units: usize,
    chars: usize,
    link_chars: usize,
    /// Nearest block-level ancestors, innermost first, at most SCORE_LEVELS.
    ancestors: [Option<NodeId>; SCORE_LEVELS],
    /// Innermost ancestor with a chrome hint, and the hint.
    chrome: Option<(NodeId, &'static str)>,
    caption: Caption,
    /// Whether a `<br>` ended the block before, in the same element (a poem's lines).
    after_br: bool,
    /// Whether its innermost block-level element is a heading (`<h1>` to `<h6>`).
    heading: bool,
}

impl Raw {
    /// Mostly link text, and short enough to be a link list's line: LINK_DENSITY_MAX
    /// (PROSE_LINK_DENSITY_MAX for sentences), LINK_DENSE_MAX_UNITS.
    fn is_link_dense(&self) -> bool {
        // Sentences are looked for only in a block that is half links.
        let dense = |max: f64| self.link_chars as f64 > max * self.chars as f64;
        self.units <= LINK_DENSE_MAX_UNITS && dense(LINK_DENSITY_MAX) && dense(self.link_density_max())
    }

    /// The share of link text above which a block is a link list's: more for sentences.
    fn link_density_max(&self) -> f64 {
        if self.is_sentences() {
            PROSE_LINK_DENSITY_MAX
        } else {
            LINK_DENSITY_MAX
        }
    }

    /// Sentences of some length, as prose has and a list of links does not.
    fn is_sentences(&self) -> bool {
        self.units >= SIBLING_PARAGRAPH_UNITS && crate::norm::has_sentence_punct(&self.text)
    }

    /// A paragraph of prose: at least SIBLING_PARAGRAPH_UNITS long, less than half links,
    /// with a sentence's punctuation.
    fn is_prose(&self) -> bool {
        self.link_chars * 2 < self.chars
            && self.units >= SIBLING_PARAGRAPH_UNITS
            && crate::norm::has_sentence_punct(&self.text)
    }
}

/// What the markup says about a block being an image caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caption {
    No,
    /// Under `<figure>` or an element whose class names a caption: short ones are.
    Hinted,
    /// In a `<figcaption>`: it is, however long.
    Marked,
}

/// The walk's text so far: the block being gathered and the finished ones, with what
/// encloses the current position (block-level elements, chrome hints, captions).
#[derive(Default)]
struct Gather {
    raws: Vec<Raw>,
    buf: String,
    /// Characters other than whitespace in `buf`, counted as they are pushed.
    chars: usize,
    link_chars: usize,
    /// Open block-level elements, innermost last.
    open_blocks: Vec<OpenBlock>,
    /// Open elements with a chrome hint, innermost last.
    chrome: Vec<(NodeId, &'static str)>,
    caption_depth: usize,
    figcaption_depth: usize,
    /// A `<br>` ended the last block.
    after_br: bool,
}

/// A block-level element the walk is inside.
struct OpenBlock {
    id: NodeId,
    /// It holds one paragraph (`PARAGRAPHS`).
    paragraph: bool,
    /// It counts in `caption_depth`.
    caption: bool,
    heading: bool,
}

impl Gather {
    /// Appends a text node, whitespace collapsed.
    fn push(&mut self, text: &str) {
        self.chars += push_collapsed(&mut self.buf, text);
    }

    /// Ends the block being gathered (an empty one is dropped), at a `<br>` or an
    /// element's edge.
    fn flush(&mut self, br: bool) {
        if crate::norm::trim(&self.buf).is_empty() {
            self.buf.clear();
            self.chars = 0;
            self.link_chars = 0;
            self.after_br &= br;
            return;
        }
        // A paragraph's score goes to the element holding it, not to the `<p>` itself
        // (Readability's rule): a one-paragraph `<p>` must not beat the article's `<div>`.
        let skip = usize::from(self.open_blocks.last().is_some_and(|open| open.paragraph));
        let mut ancestors = [None; SCORE_LEVELS];
        for (slot, open) in ancestors.iter_mut().zip(self.open_blocks.iter().rev().skip(skip)) {
            *slot = Some(open.id);
        }
        let caption = if self.figcaption_depth > 0 {
            Caption::Marked
        } else if self.caption_depth > 0 {
            Caption::Hinted
        } else {
            Caption::No
        };
        self.raws.push(Raw {
            units: units(&self.buf),
            chars: std::mem::take(&mut self.chars),
            text: std::mem::take(&mut self.buf),
            link_chars: std::mem::take(&mut self.link_chars),
            ancestors,
            chrome: self.chrome.last().copied(),
            caption,
            after_br: self.after_br,
            heading: self.open_blocks.last().is_some_and(|open| open.heading),
        });
        self.after_br = br;
    }
}

/// The HTML stage: compiled class/id hint patterns and the date finder.
#[derive(Debug)]
pub struct HtmlReader {
    positive: Regex,
    negative: Regex,
    dates: DateFinder,
}

impl Default for HtmlReader {
    fn default() -> Self {
        let re = |s: &str| Regex::new(s).expect("valid pattern");
        HtmlReader {
            // Class names are ASCII: ASCII case folding and word boundaries (Unicode's cost
            // twice as much to compile and change nothing here).
            positive: re(r"(?i-u:article|body|content|entry|main|page|post|text|blog|story|detail)|正文|内容"),
            negative: re(
                r"(?i-u:comment|footer|\bfoot|\bnav|menu|sidebar|side-bar|\baside|related|recommend|share|social|advert|\bads?\b|\bad[-_]|banner|sponsor|copyright|breadcrumb|crumb|popup|modal|cookie|subscribe|newsletter|promo|widget|toolbar|pager|pagination|\bprev(?:ious)?\b|\bhot|rank|\btags?\b|combx|masthead|shoutbox|\breferences?\b|reflist|footnotes?)|推荐|相关|评论",
            ),
            dates: DateFinder::default(),
        }
    }
}

fn is_block_level(name: &str) -> bool {
    BLOCK_LEVEL.contains(&name)
}

/// An attribute's value. `Element::attr` interns the name as an atom on every call; this
/// compares it with each attribute's local name, which costs a tenth as much.
fn attr<'a>(el: &'a scraper::node::Element, name: &str) -> Option<&'a str> {
    el.attrs().find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// Whether a class or id names a byline or the author's name, in any case: `byline`,
/// `author-name`, `author_name`, `author__name`, `authorName`.
fn names_byline(v: &[u8]) -> bool {
    let starts = |s: &[u8], with: &[u8]| s.get(..with.len()).is_some_and(|head| head.eq_ignore_ascii_case(with));
    (0..v.len()).any(|i| match v[i] {
        b'b' | b'B' => starts(&v[i..], b"byline"),
        b'a' | b'A' if starts(&v[i..], b"author") => {
            let rest = &v[i + 6..];
            let rest = rest.strip_prefix(b"__").or_else(|| rest.strip_prefix(b"_")).or_else(|| rest.strip_prefix(b"-"));
            starts(rest.unwrap_or(&v[i + 6..]), b"name")
        }
        _ => false,
    })
}

/// The name an address gives an author's page on the site (`ben-silverman` in
/// `/author/ben-silverman/`, `lnolan`), lowercased, when it is one.
fn author_page(href: &str) -> Option<String> {
    let href = href.to_ascii_lowercase();
    let at = ["/author/", "/authors/"].iter().find_map(|dir| href.find(dir).map(|at| at + dir.len()))?;
    let path = href[at..].split(['?', '#']).next().unwrap_or("");
    path.split('/').rfind(|segment| !segment.is_empty()).map(str::to_owned)
}

/// Whether a link to an author's page reads as that author's name: its last word, a
/// surname, is in the page's name (`Lucas Nolan` to `/author/lnolan/`; not `More from
/// this author`, not `View Author Page`).
fn names_author_page(text: &str, page: &str) -> bool {
    let last = text.split_whitespace().last().unwrap_or("").to_lowercase();
    let last: String = last.chars().filter(|c| c.is_alphanumeric()).collect();
    last.chars().count() >= 2 && page.contains(&last)
}

/// Whether a `rel` or `itemprop` value names the author (`author`, `nofollow Author`).
fn names_author(value: &[u8]) -> bool {
    contains_ignore_case(value, b"author")
}

/// Whether `needle` (ASCII) occurs in `haystack` without regard to ASCII case.
fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

/// Whether what a byline element names reads as a name: at most NAME_MAX_UNITS units,
/// beginning with a capital or a Han character, with no digits and no sentence's
/// punctuation (not a date, `Follow`, a teaser's line), and more than a word like `By`.
fn is_name(name: &str) -> bool {
    let word = name.len() <= 3 && name.is_ascii();
    units(name) <= NAME_MAX_UNITS
        && !word
        && !name.chars().any(|c| c.is_ascii_digit())
        && !crate::norm::has_sentence_punct(name)
        && name.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// Whether a word is an English day of the week.
fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    DAYS.iter().any(|day| word.eq_ignore_ascii_case(day))
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    use html5ever::local_name;
    // One pass over the attributes, their names compared as interned atoms: this asks
    // every element.
    el.attrs.iter().any(|(name, value)| match name.local {
        local_name!("hidden") => true,
        local_name!("aria-hidden") => &**value == "true",
        local_name!("style") => {
            let s: String = value.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        }
        _ => false,
    })
}

/// Collapses runs of whitespace to one space, and returns how many other characters it
/// pushed. U+FFFD, which the HTML parser puts in place of NUL and other characters no
/// page may contain, is dropped like decoding's.
fn push_collapsed(buf: &mut String, text: &str) -> usize {
    let mut pushed = 0;
    for c in text.chars() {
        if c == '\u{fffd}' {
            continue;
        }
        if c.is_whitespace() {
            if !buf.is_empty() && !buf.ends_with(' ') {
                buf.push(' ');
            }
        } else {
            buf.push(c);
            pushed += 1;
        }
    }
    pushed
}

impl HtmlReader {
    /// The publish time the page's scripts hold, the first one: the last resort when
    /// neither the markup nor the text states a date, as on pages whose date a script
    /// writes in.
    pub fn script_date(&self, source: &str) -> Option<String> {
        // Compiled on first use: most pages state their date elsewhere.
        static SCRIPT_DATE: std::sync::LazyLock<Regex> =
            std::sync::LazyLock::new(|| Regex::new(SCRIPT_DATE_PATTERN).expect("valid pattern"));
        SCRIPT_DATE.captures(source).and_then(|c| iso_date(&c[1], &self.dates))
    }

    pub fn read(&self, source: &str) -> HtmlPage {
        let (source, flattened) = prepare(source);
        let doc = Html::parse_document(&source);
        let (meta, declared) = self.meta(&doc);
        let (mut raws, ranges, images, marked_bylines) = self.walk(&doc);
        let bylines = marked_bylines
            .into_iter()
            .filter_map(|(at, id)| {
                let el = ElementRef::wrap(doc.tree.get(id)?)?;
                let text = collapse(&el.text().collect::<String>());
                // Marked only by its link to an author's page: the text names that author.
                if !self.byline_marked(el.value(), false) {
                    let page = attr(el.value(), "href").and_then(author_page)?;
                    names_author_page(&text, &page).then_some(())?;
                }
                Some((at, self.byline_name(&text)?))
            })
            .collect();
        mark_slideshow(&mut raws, &ranges);
        let declared = declared.map(|text| Declared { text, headline: meta.title.clone() });
        let main = self.main_content(&doc, &raws, &ranges, declared.as_ref());
        let labels: Vec<Label> = (0..raws.len()).map(|i| self.outside_label(i, &raws, &main, &ranges)).collect();
        let blocks = raws
            .into_iter()
            .zip(labels)
            .enumerate()
            .map(|(i, (raw, label))| {
                // Whitespace weighs nothing: the trimmed text measures what the raw did.
                let mut block = Block::measured(i + 1, crate::norm::trim(&raw.text), raw.units);
                block.label = label;
                block
            })
            .collect();
        let images = images
            .into_iter()
            .filter(|image| {
                main.ranges.is_empty() || main.ranges.iter().any(|r| r.0 <= image.at && image.at < r.1.max(r.0 + 1))
            })
            .collect();
        HtmlPage { blocks, meta, images, flattened, bylines }
    }

    /// The DOM in reading order: text blocks, the block range of every block-level
    /// element, and images with the block index they stand at.
    #[allow(clippy::type_complexity)]
    fn walk(&self, doc: &Html) -> (Vec<Raw>, FxHashMap<NodeId, Span>, Vec<HtmlImage>, Vec<(usize, NodeId)>) {
        let mut ranges: FxHashMap<NodeId, Span> = FxHashMap::default();
        let mut images = Vec::new();
        // Byline elements: those open (with the block they opened at) and those closed.
        let mut open_bylines: Vec<(usize, NodeId)> = Vec::new();
        let mut bylines: Vec<(usize, NodeId)> = Vec::new();
        let mut text = Gather::default();
        let mut skip: Option<NodeId> = None;
        let mut link_depth = 0usize;
        let mut back_link: Option<NodeId> = None;
        let mut caption_texts: Vec<String> = Vec::new();
        // The open `<figure>`s, each with the number of images before it: a caption is
        // its own figure's, not a picture's further up.
        let mut figures: Vec<(NodeId, usize)> = Vec::new();

        for edge in doc.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => {
                    if skip.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Element(el) => {
                            let name = el.name();
                            if SKIPPED.contains(&name) || is_hidden(el) {
                                skip = Some(node.id());
                                continue;
                            }
                            if name == "br" {
                                text.flush(true);
                            } else if name == "img" {
                                let src = attr(el, "src").or_else(|| attr(el, "data-src"));
                                if let Some(src) = src.filter(|_| !is_decoration(el)) {
                                    let alt =
                                        attr(el, "alt").map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned);
                                    images.push(HtmlImage { at: text.raws.len(), src: src.to_owned(), caption: alt });
                                }
                            } else if is_block_level(name) {
                                text.flush(false);
                                let caption = self.is_caption(el);
                                text.caption_depth += usize::from(caption);
                                text.open_blocks.push(OpenBlock {
                                    id: node.id(),
                                    paragraph: PARAGRAPHS.contains(&name),
                                    caption,
                                    heading: matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"),
                                });
                                ranges.insert(node.id(), (text.raws.len(), text.raws.len()));
                                if let Some(hint) = self.chrome_hint(el) {
                                    text.chrome.push((node.id(), hint));
                                }
                                if name == "figure" {
                                    figures.push((node.id(), images.len()));
                                }
                                if name == "figcaption" {
                                    caption_texts.clear();
                                    text.figcaption_depth += 1;
                                }
                            }
                            if name == "a" {
                                // A link back to the site glued to a paragraph's end
                                // (`……。返回搜狐，查看更多`) is a block of its own.
                                if link_depth == 0 && text.chars > 0 {
                                    let link: String =
                                        ElementRef::wrap(node).map_or_else(String::new, |a| a.text().collect());
                                    if is_back_link(&link) {
                                        text.flush(false);
                                        back_link = Some(node.id());
                                    }
                                }
                                link_depth += 1;
                            }
                            if self.is_byline(el) {
                                open_bylines.push((text.raws.len(), node.id()));
                            }
                        }
                        Node::Text(t) => {
                            text.push(t);
                            if link_depth > 0 {
                                text.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                            }
                            if text.caption_depth > 0 {
                                caption_texts.push(t.trim().to_owned());
                            }
                        }
                        _ => {}
                    }
                }
                ego_tree::iter::Edge::Close(node) => {
                    if let Some(id) = skip {
                        if id == node.id() {
                            skip = None;
                        }
                        continue;
                    }
                    if let Node::Element(el) = node.value() {
                        let name = el.name();
                        if name == "a" {
                            link_depth = link_depth.saturating_sub(1);
                            if back_link == Some(node.id()) {
                                text.flush(false);
                                back_link = None;
                            }
                        }
                        if open_bylines.last().is_some_and(|&(_, id)| id == node.id()) {
                            bylines.extend(open_bylines.pop());
                        }
                        if is_block_level(name) {
                            text.flush(false);
                            if text.open_blocks.last().is_some_and(|open| open.id == node.id()) {
                                let open = text.open_blocks.pop();
                                if open.is_some_and(|open| open.caption) {
                                    text.caption_depth -= 1;
                                }
                            }
                            if text.chrome.last().is_some_and(|(id, _)| *id == node.id()) {
                                text.chrome.pop();
                            }
                            if let Some(range) = ranges.get_mut(&node.id()) {
                                range.1 = text.raws.len();
                            }
                            if name == "figcaption" {
                                text.figcaption_depth = text.figcaption_depth.saturating_sub(1);
                                let caption = caption_texts.join(" ").trim().to_owned();
                                caption_texts.clear();
                                let before = figures.last().map_or(0, |&(_, before)| before);
                                if let Some(image) = images.get_mut(before..).and_then(<[_]>::last_mut) {
                                    if !caption.is_empty() {
                                        image.caption = Some(caption);
                                    }
                                }
                            }
                            if figures.last().is_some_and(|&(id, _)| id == node.id()) {
                                figures.pop();
                            }
                        }
                    }
                }
            }
        }
        text.flush(false);
        (text.raws, ranges, images, bylines)
    }

    /// Whether an element holds an image's caption: `<figure>`, `<figcaption>`, or a class
    /// or id naming a caption, except on `<body>` (Kinja's lists feature flags there:
    /// `f_video_upload_captions_on`).
    fn is_caption(&self, el: &scraper::node::Element) -> bool {
        matches!(el.name(), "figure" | "figcaption")
            || (!matches!(el.name(), "body" | "html")
                && [attr(el, "class"), el.id()]
                    .into_iter()
                    .flatten()
                    .any(|a| contains_ignore_case(a.as_bytes(), b"caption")))
    }

    /// The name a byline element's text gives, if it reads as one.
    fn byline_name(&self, text: &str) -> Option<String> {
        if text.is_empty() || text.chars().count() > BYLINE_MAX_CHARS {
            return None;
        }
        // The name before a date (`By Jane Doe Tuesday, May 3, 2016`).
        let text = self.dates.find(text).map_or(text, |date| &text[..date.span.0]);
        let name = self.dates.stated_author(text).unwrap_or_else(|| self.dates.author_name(text));
        // A one-word label before it (`Текст: Венера Ерофеева`).
        let name = match name.split_once([':', '：']) {
            Some((label, rest)) if !label.trim().contains(' ') => rest,
            _ => &name,
        };
        // What stood before the date: `Nicolas Perriault —`, `Bryan Walsh Tuesday`,
        // `Sam Byford on`.
        let mut name = name.trim_end_matches(|c: char| c.is_whitespace() || "—–-|,·•:".contains(c));
        while let Some((rest, last)) = name.rsplit_once(' ') {
            if !is_weekday(last) && !last.starts_with(char::is_lowercase) {
                break;
            }
            name = rest.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
        }
        Some(name.trim()).filter(|name| is_name(name)).map(str::to_owned)
    }

    /// Whether the markup marks an element as a byline: `rel="author"`,
    /// `itemprop="author"`, a class or id naming a byline or the author's name
    /// (`byline`, `author-name`, `author__name`), other than a comment's
    /// (`comment-byline`), or a link to an author's page (`/author/jane-doe`), whose
    /// text must then name that author. A plain `author` class holds the author's box as
    /// often: a job title, a follow button, a link to more.
    fn is_byline(&self, el: &scraper::node::Element) -> bool {
        self.byline_marked(el, true)
    }

    /// `is_byline`, with or without a link to an author's page as a mark.
    #[inline(always)]
    fn byline_marked(&self, el: &scraper::node::Element, by_link: bool) -> bool {
        use html5ever::local_name;
        // One pass over the attributes, their names compared as interned atoms: this asks
        // every element.
        el.attrs.iter().any(|(name, value)| match name.local {
            local_name!("rel") | local_name!("itemprop") => names_author(value.as_bytes()),
            local_name!("href") => by_link && author_page(value).is_some(),
            local_name!("class") | local_name!("id") => {
                names_byline(value.as_bytes()) && !contains_ignore_case(value.as_bytes(), b"comment")
            }
            _ => false,
        })
    }

    fn chrome_hint(&self, el: &scraper::node::Element) -> Option<&'static str> {
        match el.name() {
            "nav" => return Some("nav"),
            "footer" => return Some("footer"),
            "aside" => return Some("aside"),
            _ => {}
        }
        let class = attr(el, "class").unwrap_or("");
        let id = el.id().unwrap_or("");
        // `article-body pagination-first` names the article first: no hint.
        if self.positive.is_match(class) || self.positive.is_match(id) {
            return None;
        }
        let m = self.negative.find(class).or_else(|| self.negative.find(id))?;
        // The hint as a static word, for the reason message.
        let word = m.as_str().to_ascii_lowercase();
        Some(match word.trim_matches(|c: char| !c.is_alphanumeric()) {
            w if w.starts_with("comment") || w == "评论" => "comment",
            w if w.starts_with("related") || w == "相关" => "related",
            w if w.starts_with("recommend") || w == "推荐" => "recommend",
            w if w.starts_with("share") || w.starts_with("social") => "share",
            w if w.starts_with("foot") => "footer",
            w if w.starts_with("nav") || w.starts_with("menu") || w.contains("crumb") => "nav",
            w if w.starts_with("side") || w == "aside" => "sidebar",
            w if w.starts_with("ad")
                || w.starts_with("sponsor")
                || w.starts_with("banner")
                || w.starts_with("promo") =>
            {
                "ad"
            }
            w if w.starts_with("copyright") => "copyright",
            _ => "chrome",
        })
    }

    /// The factor an element's class, id and tag put on its score: CLASS_FACTOR per hint
    /// of content, its inverse per hint of chrome. A factor, not an addend, so that a tiny
    /// `<div class="article-headline">` cannot outscore the paragraphs.
    fn class_factor(&self, el: &scraper::node::Element) -> f64 {
        let mut hints = 0i32;
        for attr in [attr(el, "class"), el.id()].into_iter().flatten() {
            hints += i32::from(self.positive.is_match(attr)) - i32::from(self.negative.is_match(attr));
        }
        hints += i32::from(matches!(el.name(), "article" | "main"))
            - i32::from(matches!(el.name(), "nav" | "footer" | "aside"));
        CLASS_FACTOR.powi(hints)
    }
}

/// The chosen main content: block ranges, and the best container's score for messages.
#[derive(Debug, Default)]
struct Main {
    ranges: Vec<Span>,
    top: Option<NodeId>,
    top_score: f64,
    /// Why it was chosen over the best score, where it was.
    chosen: Chosen,
    scores: FxHashMap<NodeId, f64>,
}

/// Why the main content is the container it is.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Chosen {
    /// It scored best.
    #[default]
    Score,
    /// It holds the text the page declares, over a higher score.
    Declared,
    /// It is in the page's one `<article>` element, over a higher score.
    Article,
    /// It is in the one `<article>` element of several that holds the `<h1>`.
    HeadedArticle,
    /// It is in the first of this many posts of one form, over a later one.
    FirstPost(usize),
}

/// What a page says about its own text, and its headline (which descriptions repeat).
struct Declared {
    text: String,
    headline: Option<String>,
}

/// The blocks other than the headline whose opening (DECLARED_PREFIX_CHARS normalised
/// characters, the whole block when shorter but at least MIN_SCORING_UNITS long) occurs
/// in the declared text.
fn declared_blocks(raws: &[Raw], declared: &Declared) -> Vec<usize> {
    let text = crate::norm::normalize(&declared.text);
    let headline = declared.headline.as_deref().map(crate::norm::normalize);
    raws.iter()
        .enumerate()
        .filter(|(_, raw)| raw.units >= MIN_SCORING_UNITS)
        .filter(|(_, raw)| {
            // The opening first: most blocks are not in the declared text, and only those
            // that are need their whole text normalised, to tell them from the headline.
            text.contains(&crate::norm::normalize_prefix(&raw.text, DECLARED_PREFIX_CHARS))
                && headline.as_ref() != Some(&crate::norm::normalize(&raw.text))
        })
        .map(|(i, _)| i)
        .collect()
}

/// An element's form: the tag and class of each element from the root down to it.
fn form(node: ego_tree::NodeRef<'_, Node>) -> Vec<(&str, &str)> {
    let mut form: Vec<(&str, &str)> = std::iter::once(node)
        .chain(node.ancestors())
        .filter_map(|n| n.value().as_element())
        .map(|e| (e.name(), attr(e, "class").unwrap_or("")))
        .collect();
    form.reverse();
    form
}

/// The elements of a form, in document order: the root's descendants along it.
fn of_form<'a>(doc: &'a Html, form: &[(&str, &str)]) -> Vec<ego_tree::NodeRef<'a, Node>> {
    let mut level = vec![doc.tree.root()];
    for &(name, class) in form {
        level = level
            .iter()
            .flat_map(|n| n.children())
            .filter(|c| {
                c.value().as_element().is_some_and(|e| e.name() == name && attr(e, "class").unwrap_or("") == class)
            })
            .collect();
    }
    level
}

/// Whether an element holds an `<h1>` with text: the page's headline.
fn has_headline(el: ElementRef) -> bool {
    el.descendants()
        .filter_map(ElementRef::wrap)
        .any(|e| e.value().name() == "h1" && e.text().any(|t| !t.trim().is_empty()))
}

/// A slide's counter at the start of a block (`1/50 United goin down`, `Photo 2 of 12`):
/// the slide's number and the count, with the number from 1 to the count.
fn slide_counter(text: &str) -> Option<(u32, u32)> {
    let text = text.trim_start();
    // A word before the number (`Photo`, `Image`), at most SLIDE_WORD_MAX_BYTES letters.
    let rest = match text.find(|c: char| !c.is_ascii_alphabetic()) {
        Some(n) if (1..=SLIDE_WORD_MAX_BYTES).contains(&n) && text[n..].starts_with(' ') => text[n + 1..].trim_start(),
        _ => text,
    };
    // A number of one to three digits, and what follows it.
    fn number(s: &str) -> Option<(u32, &str)> {
        let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        Some((s[..end].parse().ok().filter(|_| end <= 3)?, &s[end..]))
    }
    let (k, rest) = number(rest)?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix('/').or_else(|| rest.strip_prefix("of "))?.trim_start();
    let (n, after) = number(rest)?;
    let ends = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
    (ends && (1..=n).contains(&k) && n >= SLIDESHOW_MIN_SLIDES as u32).then_some((k, n))
}

/// Marks a slideshow embedded in the page (a gallery of other stories' pictures beside the
/// article) as chrome: the smallest element holding SLIDESHOW_MIN_SLIDES or more blocks
/// that begin with consecutive counters of one count, where the page has prose of its own
/// outside it. A page that is all slideshow keeps it: it is the page's content.
fn mark_slideshow(raws: &mut [Raw], ranges: &FxHashMap<NodeId, Span>) {
    // The longest run of consecutive counters: its first block, last block and length.
    let mut best = (0, 0, 0);
    // The run going on, and its last counter.
    let mut run = (0, 0, 0, (0, 0));
    for (i, raw) in raws.iter().enumerate() {
        // A counter stands in the first bytes: `Picture 12 of 50`.
        let head = &raw.text.as_bytes()[..raw.text.len().min(SLIDE_WORD_MAX_BYTES + 12)];
        if memchr::memchr(b'/', head).is_none() && memchr::memmem::find(head, b" of ").is_none() {
            continue;
        }
        let Some((k, n)) = slide_counter(&raw.text) else { continue };
        run = if run.2 > 0 && run.3 == (k - 1, n) { (run.0, i, run.2 + 1, (k, n)) } else { (i, i, 1, (k, n)) };
        if run.2 > best.2 {
            best = (run.0, run.1, run.2);
        }
    }
    let (first, last, slides) = best;
    if slides < SLIDESHOW_MIN_SLIDES {
        return;
    }
    let Some((&id, &(a, b))) = ranges
        .iter()
        .filter(|(_, &r)| within((first, last + 1), r))
        .min_by_key(|(&id, &(a, b))| (b - a, std::cmp::Reverse(id)))
    else {
        return;
    };
    let outside = raws[..a].iter().chain(&raws[b..]).filter(|r| r.is_prose()).count();
    if outside < SLIDESHOW_MIN_PROSE {
        return;
    }
    for raw in &mut raws[a..b] {
        raw.chrome.get_or_insert((id, SLIDESHOW));
    }
}

/// Whether the block range `inner` lies within `outer`.
fn within(inner: Span, outer: Span) -> bool {
    outer.0 <= inner.0 && inner.1 <= outer.1
}

/// The best-scoring of some containers; of equal scores, the one whose block range sorts
/// first. Deterministic whatever order a hash map gives them in.
fn best_scoring<'a>(
    candidates: impl Iterator<Item = (&'a NodeId, &'a f64)>,
    ranges: &FxHashMap<NodeId, Span>,
) -> Option<(NodeId, f64)> {
    candidates.max_by(|a, b| a.1.total_cmp(b.1).then_with(|| ranges[b.0].cmp(&ranges[a.0]))).map(|(&id, &s)| (id, s))
}

/// Each block's score: 1 + commas + a point per UNITS_PER_POINT units (at most
/// MAX_LENGTH_POINTS), scaled by one minus its link density and by CHROME_SHARE under a
/// chrome hint; 0 below MIN_SCORING_UNITS. Lines too short to score alone, split by
/// `<br>` in one element (a poem's, an address's), score together, on the first.
fn block_scores(raws: &[Raw]) -> Vec<f64> {
    let short = |raw: &Raw| raw.units < MIN_SCORING_UNITS;
    let mut scores = vec![0.0; raws.len()];
    let mut i = 0;
    while i < raws.len() {
        let mut j = i + 1;
        while j < raws.len() && raws[j].after_br && short(&raws[j]) && short(&raws[j - 1]) {
            j += 1;
        }
        let run = &raws[i..j];
        let units: usize = run.iter().map(|r| r.units).sum();
        if units >= MIN_SCORING_UNITS {
            let commas = run
                .iter()
                .flat_map(|r| r.text.chars())
                .filter(|c| matches!(c, ',' | '，' | '、' | '。' | '；' | ';'))
                .count() as f64;
            let length = ((units / UNITS_PER_POINT) as f64).min(MAX_LENGTH_POINTS);
            let chars = run.iter().map(|r| r.chars).sum::<usize>().max(1);
            let links: usize = run.iter().map(|r| r.link_chars).sum();
            let chrome = if raws[i].chrome.is_some() { CHROME_SHARE } else { 1.0 };
            scores[i] = (1.0 + commas + length) * (1.0 - links as f64 / chars as f64) * chrome;
        }
        i = j;
    }
    scores
}

impl HtmlReader {
    /// The posts of a list around the best container `top` (a blog's page): the nearest
    /// element, `top` or one of its ancestors up to POST_MAX_LEVELS, that has a class and
    /// shares its form (tags and classes up to the root) with POST_MIN_COUNT - 1 or more
    /// others, each of them holding a date. Their block ranges in reading order, and the
    /// range of the one holding `top`.
    fn posts(
        &self,
        doc: &Html,
        top: NodeId,
        raws: &[Raw],
        ranges: &FxHashMap<NodeId, Span>,
    ) -> Option<(Vec<Span>, Span)> {
        let node = doc.tree.get(top)?;
        // Each block is looked at for a date once, whichever levels ask.
        let mut has_date: Vec<Option<bool>> = vec![None; raws.len()];
        let mut dated = |&(a, b): &Span| {
            (a..b).any(|i| *has_date[i].get_or_insert_with(|| self.dates.find(&raws[i].text).is_some()))
        };
        std::iter::once(node).chain(node.ancestors()).take(POST_MAX_LEVELS).find_map(|n| {
            let el = n.value().as_element()?;
            attr(el, "class").filter(|c| !c.trim().is_empty())?;
            let own = *ranges.get(&n.id())?;
            let peers = of_form(doc, &form(n));
            let posts: Vec<Span> = peers.iter().filter_map(|p| ranges.get(&p.id()).copied()).collect();
            // Cells of one table row are its columns, side by side, not a list.
            let mut rows: Vec<NodeId> = peers.iter().filter_map(|p| p.parent()).map(|r| r.id()).collect();
            rows.dedup();
            let columns = matches!(el.name(), "td" | "th") && rows.len() < POST_MIN_COUNT;
            if posts.len() < POST_MIN_COUNT || columns || !posts.iter().all(&mut dated) {
                return None;
            }
            Some((posts, own))
        })
    }

    fn main_content(
        &self,
        doc: &Html,
        raws: &[Raw],
        ranges: &FxHashMap<NodeId, Span>,
        declared: Option<&Declared>,
    ) -> Main {
        // Prefix sums of characters and link characters, for any element's link density.
        let mut chars = vec![0usize; raws.len() + 1];
        let mut links = vec![0usize; raws.len() + 1];
        for (i, r) in raws.iter().enumerate() {
            chars[i + 1] = chars[i] + r.chars;
            links[i + 1] = links[i] + r.link_chars;
        }
        let density = |id: NodeId| {
            let (a, b) = ranges.get(&id).copied().unwrap_or((0, 0));
            let c = chars[b] - chars[a];
            if c == 0 {
                1.0
            } else {
                (links[b] - links[a]) as f64 / c as f64
            }
        };
        let block_scores = block_scores(raws);
        let mut scores: FxHashMap<NodeId, f64> = FxHashMap::default();
        for (raw, &score) in raws.iter().zip(&block_scores) {
            if score <= 0.0 {
                continue;
            }
            for (level, id) in raw.ancestors.iter().enumerate() {
                let Some(id) = id else { break };
                *scores.entry(*id).or_insert(0.0) += score / (level + 1) as f64;
            }
        }
        let mut best: Option<(NodeId, f64)> = None;
        let mut finals: FxHashMap<NodeId, f64> = FxHashMap::default();
        // Sorted by block range so that ties go to the earlier, outer element: determinism.
        let mut ids: Vec<NodeId> = scores.keys().copied().collect();
        ids.sort_by_key(|id| {
            (ranges.get(id).copied().unwrap_or_default(), std::cmp::Reverse(ranges.get(id).map_or(0, |r| r.1)))
        });
        for id in ids {
            let factor = doc.tree.get(id).and_then(ElementRef::wrap).map_or(1.0, |el| self.class_factor(el.value()));
            let score = scores[&id] * (1.0 - density(id)) * factor;
            finals.insert(id, score);
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((id, score));
            }
        }
        let Some((mut top, mut top_score)) = best else { return Main::default() };
        // The page's own account of its text overrules a container that holds none of it.
        let declared_blocks = declared.map(|d| declared_blocks(raws, d)).unwrap_or_default();
        let holds = |id: NodeId, blocks: &[usize]| {
            ranges.get(&id).is_some_and(|&(a, b)| blocks.iter().any(|&i| a <= i && i < b))
        };
        let mut chosen = Chosen::Score;
        // Promotion stays inside this range.
        let mut bound = (0, raws.len());
        if !declared_blocks.is_empty() && !holds(top, &declared_blocks) {
            // Not an ancestor of the best: a page's standfirst beside its article body
            // would only widen the container.
            let candidates = finals
                .iter()
                .filter(|&(&id, &s)| s >= top_score * DECLARED_MIN_SHARE && holds(id, &declared_blocks))
                .filter(|&(id, _)| !within(ranges[&top], ranges[id]));
            if let Some((id, score)) = best_scoring(candidates, ranges) {
                (top, top_score, chosen) = (id, score, Chosen::Declared);
            }
        }
        // A page with one `<article>` element holding text marks its article: a best
        // container neither inside nor around it (a payment popup's text, a footer's)
        // yields to the best one within. Of several (a story and teaser cards), the one
        // holding the `<h1>` is the story: a best container in another yields to the best
        // one within it, and one already within it does not grow past it.
        let mut articles: Vec<(Span, bool)> = ranges
            .iter()
            .filter_map(|(&id, &range)| doc.tree.get(id).and_then(ElementRef::wrap).map(|e| (range, e)))
            .filter(|(_, e)| e.value().name() == "article")
            .map(|(range, e)| (range, has_headline(e)))
            .collect();
        articles.sort_unstable();
        let headed: Vec<Span> = articles.iter().filter(|a| a.1).map(|a| a.0).collect();
        let current = ranges[&top];
        let one = match (articles.as_slice(), headed.as_slice()) {
            ([(only, _)], _) => Some((*only, ARTICLE_MIN_SHARE, Chosen::Article)),
            (_, [story]) if within(current, *story) => {
                bound = *story;
                if chosen == Chosen::Score {
                    chosen = Chosen::HeadedArticle;
                }
                None
            }
            // Only over another article: a story whose `<article>` holds just its
            // headline and lead keeps its body in the best container outside.
            (_, [story])
                if articles.iter().any(|&(a, _)| a != *story && (within(current, a) || within(a, current))) =>
            {
                Some((*story, HEADED_ARTICLE_MIN_SHARE, Chosen::HeadedArticle))
            }
            _ => None,
        };
        if let Some((article, share, why)) = one {
            let related = within(current, article) || within(article, current);
            let inner = best_scoring(finals.iter().filter(|(id, _)| within(ranges[*id], article)), ranges);
            let inner = inner.filter(|&(_, score)| score >= top_score * share);
            if let (Chosen::Score, false, Some((id, score))) = (chosen, related, inner) {
                (top, top_score, chosen, bound) = (id, score, why, article);
            }
        }
        // Whole-subtree text scores, for promotion to the parent.
        let mut sums = vec![0.0f64; raws.len() + 1];
        for (i, score) in block_scores.iter().enumerate() {
            sums[i + 1] = sums[i] + score;
        }
        let subtree = |id: NodeId| ranges.get(&id).map_or(0.0, |&(a, b)| sums[b] - sums[a]);
        // Wrappers that add no text are looked through, up to PROMOTE_MAX_LEVELS elements.
        let promote = |mut top: NodeId, bound: Span| {
            let mut ancestor = doc.tree.get(top).and_then(|n| n.parent());
            for _ in 0..PROMOTE_MAX_LEVELS {
                let Some(a) = ancestor.filter(|a| ranges.get(&a.id()).is_some_and(|&r| within(r, bound))) else {
                    break;
                };
                let (gain, here) = (subtree(a.id()), subtree(top));
                if gain >= PROMOTE_GAIN * here && density(a.id()) <= PROMOTE_MAX_LINK_DENSITY {
                    top = a.id();
                } else if gain > WRAPPER_GAIN * here {
                    break;
                }
                ancestor = a.parent();
            }
            top
        };
        top = promote(top, bound);
        // One post of a list of posts of one form (a blog's page) rather than the list: the
        // first is the article, as a reader takes the page, when it holds text enough to be
        // one. A list that promotion took whole (a live blog's entries) stays whole.
        if let (Chosen::Score, Some((posts, own))) = (chosen, self.posts(doc, top, raws, ranges)) {
            let first = posts[0];
            let inner = best_scoring(finals.iter().filter(|(id, _)| within(ranges[*id], first)), ranges)
                .filter(|&(_, score)| first != own && score >= top_score * FIRST_POST_MIN_SHARE);
            if let Some((id, score)) = inner {
                (top_score, chosen, bound) = (score, Chosen::FirstPost(posts.len()), first);
                top = promote(id, bound);
            }
        }
        if std::env::var_os("NEWSCLEAN_DEBUG").is_some() {
            let describe = |id: NodeId| {
                doc.tree.get(id).and_then(ElementRef::wrap).map_or(String::new(), |e| {
                    format!("<{} class={:?} id={:?}>", e.value().name(), attr(e.value(), "class"), e.value().id())
                })
            };
            let mut ranked: Vec<(&NodeId, &f64)> = finals.iter().collect();
            ranked.sort_by(|a, b| b.1.total_cmp(a.1));
            for (id, s) in ranked.iter().take(6) {
                eprintln!("candidate {:.1} subtree {:.1} {:?} {}", s, subtree(**id), ranges.get(id), describe(**id));
            }
            eprintln!("top {} subtree {:.1} range {:?}", describe(top), subtree(top), ranges.get(&top));
        }
        let mut main = Main { ranges: vec![ranges[&top]], top: Some(top), top_score, chosen, scores: finals };
        // Siblings that carry article text too (an article split over several divs).
        if let Some(parent) = doc.tree.get(top).and_then(|n| n.parent()) {
            for sibling in parent.children().filter(|s| s.id() != top) {
                let Some(&range) = ranges.get(&sibling.id()).filter(|&&r| within(r, bound)) else { continue };
                let score = main.scores.get(&sibling.id()).copied().unwrap_or(0.0);
                let joins = score >= top_score * SIBLING_SHARE && score > 0.0
                    || (range.1 == range.0 + 1 && {
                        let raw = &raws[range.0];
                        raw.units >= SIBLING_PARAGRAPH_UNITS
                            && raw.link_chars == 0
                            && crate::norm::has_sentence_punct(&raw.text)
                    });
                if joins {
                    main.ranges.push(range);
                }
            }
        }
        main.ranges.sort_unstable();
        main
    }

    /// The label of a block outside the article, or `Unlabelled` for a block that goes on.
    fn outside_label(&self, i: usize, raws: &[Raw], main: &Main, ranges: &FxHashMap<NodeId, Span>) -> Label {
        let raw = &raws[i];
        let removed = |rule, reason| Label::Removed(Removal { rule, reason });
        if main.top.is_none() {
            return Label::Unlabelled;
        }
        if !main.ranges.iter().any(|&(a, b)| a <= i && i < b) {
            let own = raw.ancestors[0].and_then(|id| main.scores.get(&id)).copied().unwrap_or(0.0);
            let top = main.top_score;
            let reason = match main.chosen {
                Chosen::Score => format!("outside the main content (container score {own:.1} < main {top:.1})"),
                Chosen::Declared => format!(
                    "outside the main content, which holds the text the page declares (container score {own:.1}, main {top:.1})"
                ),
                Chosen::Article => format!(
                    "outside the page's one <article> element, which holds the main content (container score {own:.1}, main {top:.1})"
                ),
                Chosen::HeadedArticle => format!(
                    "outside the one <article> element holding the page's <h1>, which holds the main content (container score {own:.1}, main {top:.1})"
                ),
                Chosen::FirstPost(count) => format!(
                    "outside the first of {count} posts of one form, which holds the main content (container score {own:.1}, main {top:.1})"
                ),
            };
            return removed(rules::OUTSIDE_MAIN_CONTENT, reason);
        }
        // A linked heading between paragraphs of prose heads a section (a listicle's
        // item linked to what it reviews), not a list of links.
        let prose = |r: &Raw| !r.heading && r.is_prose();
        let section = || raw.heading && i > 0 && prose(&raws[i - 1]) && raws.get(i + 1).is_some_and(prose);
        if raw.is_link_dense() && !section() {
            let chars = raw.chars.max(1);
            let density = raw.link_chars as f64 / chars as f64;
            return removed(
                rules::LINK_DENSE,
                format!(
                    "link text {:.0}% of {chars} characters > {:.0}%",
                    density * 100.0,
                    raw.link_density_max() * 100.0
                ),
            );
        }
        // A bullet or separator alone (`·`, `|`) beside a list of links is the list's.
        if raw.units == 0 && (i > 0 && raws[i - 1].is_link_dense() || raws.get(i + 1).is_some_and(Raw::is_link_dense)) {
            return removed(
                rules::LINK_DENSE,
                "no letter or digit, beside a block of links: the list's bullet".to_owned(),
            );
        }
        // A hinted caption is short; a long block under a `caption` class is a wrapper's
        // text. A `<figcaption>` is a caption whatever its length.
        if raw.caption == Caption::Marked || (raw.caption == Caption::Hinted && raw.units <= CAPTION_MAX_UNITS) {
            return Label::Image;
        }
        if let Some((id, hint)) = raw.chrome {
            // Only a hint on an element inside the main content counts: the container
            // itself or its ancestors may carry any class.
            let inside = ranges.get(&id).is_some_and(|&r| main.ranges.iter().any(|&m| within(r, m) && r != m));
            if inside && Some(id) != main.top {
                let reason = if hint == SLIDESHOW {
                    format!("inside a slideshow: {SLIDESHOW_MIN_SLIDES} or more blocks begin with consecutive slide counters")
                } else {
                    format!("inside an element marked '{hint}'")
                };
                return removed(rules::CHROME_HINT, reason);
            }
        }
        Label::Unlabelled
    }
}

impl HtmlReader {
    /// The page's metadata, and the text it declares about itself: JSON-LD `articleBody`,
    /// else a description.
    fn meta(&self, doc: &Html) -> (HtmlMeta, Option<String>) {
        let mut meta = HtmlMeta::default();
        let marked = Marked::find(doc);
        let mut props: Vec<(String, String)> = Vec::new();
        for el in &marked.metas {
            let v = el.value();
            let key = attr(v, "property")
                .or_else(|| attr(v, "name"))
                .or_else(|| attr(v, "itemprop"))
                .or_else(|| attr(v, "http-equiv"));
            if let (Some(key), Some(content)) = (key, attr(v, "content")) {
                let content = content.trim();
                if !content.is_empty() {
                    // Keys as sites misspell them: `og:time `, `weibo: article:create_at`.
                    let joined = key.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                    props.push((joined.to_ascii_lowercase(), content.to_owned()));
                    // And several keys in one attribute, as RDFa allows (`property="dc:creator
                    // og:author"`).
                    let mut keys = key.split_whitespace();
                    if let (Some(_), Some(_)) = (keys.next(), keys.next()) {
                        props.extend(key.split_whitespace().map(|k| (k.to_ascii_lowercase(), content.to_owned())));
                    }
                }
            }
        }
        // The first of `names` the page has, with a value that passes: they are in order
        // of trust.
        let prop_where = |names: &[&str], pass: fn(&str) -> bool| {
            names.iter().find_map(|name| props.iter().find(|(k, v)| k == name && pass(v))).map(|(_, v)| v.clone())
        };
        let prop = |names: &[&str]| prop_where(names, |_| true);
        let ld = json_ld(&marked.ld_json);

        let title_tag = marked.title.map(|t| collapse(&t.text().collect::<String>()));
        let text = |els: &[ElementRef]| -> Vec<String> {
            els.iter().map(|h| collapse(&h.text().collect::<String>())).filter(|t| !t.is_empty()).collect()
        };
        let og = prop(&["og:title", "twitter:title"]).or_else(|| ld.headline.clone());
        let has_og = og.is_some();
        let (h1s, h2s) = (text(&marked.h1s), text(&marked.h2s));
        // A title without a letter (`<title>1</title>`) names nothing.
        meta.title = choose_title(og, &h1s, &h2s, title_tag.clone()).filter(|t| t.chars().any(crate::norm::is_letter));
        let from_tag = !has_og && meta.title.as_ref().is_some_and(|t| !h1s.contains(t) && !h2s.contains(t));
        if from_tag {
            meta.title_parts = title_tag.as_deref().map(title_parts).unwrap_or_default();
        }
        meta.title_rest =
            title_tag.zip(meta.title.as_deref()).map(|(tag, title)| title_rest(&tag, title)).unwrap_or_default();

        meta.published = prop(&[
            "article:published_time",
            "og:published_time",
            "og:article:published_time",
            "article:published",
            "og:release_date",
            "published_time",
            "publishdate",
            "publish_date",
            "publish-date",
            "pubdate",
            "datepublished",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
            "article.published",
            "publication_date",
            "weibo:article:create_at",
            "release_date",
            "og:time",
            "firstpublishedtime",
            "pub_date",
            "article_date_original",
            "dcsext.articlefirstpublished",
        ])
        .or(ld.published)
        .or_else(|| marked.time.map(str::to_owned))
        .and_then(|d| iso_date(&d, &self.dates));
        meta.modified = prop(&[
            "article:modified_time",
            "og:article:modified_time",
            "article:modified",
            "og:updated_time",
            "datemodified",
            "dateupdate",
            "article.updated",
            "article_date_updated",
            "updated_time",
            "lastmodifiedtime",
            "weibo:article:update_at",
            "last-modified",
        ])
        .or(ld.modified)
        .and_then(|d| iso_date(&d, &self.dates));
        // A site's `author` is its own name as often as the writer's: the keys that
        // only a writer's name fills come first.
        // `article:author` is often the author's page: a link is no name.
        const AUTHOR_KEYS: [&str; 9] = [
            "article:author",
            "byl",
            "dc:creator",
            "dc.creator",
            "citation_author",
            "citation_authors",
            "sailthru.author",
            "parsely-author",
            "author",
        ];
        let not_link: fn(&str) -> bool = |v| !v.starts_with("http");
        let author = prop_where(&AUTHOR_KEYS, not_link).or(ld.author.clone()).map(|a| self.dates.author_name(&a));
        // A name in capitals (`By JEFFREY GETTLEMAN`) as another key writes it, in the
        // case it is spelt in (`Jeffrey Gettleman`).
        meta.author = author.map(|name| {
            if name.chars().any(char::is_lowercase) {
                return name;
            }
            let keyed = props.iter().filter(|(k, _)| AUTHOR_KEYS.contains(&k.as_str())).map(|(_, v)| v);
            let spelt = keyed
                .chain(&ld.author)
                .map(|v| self.dates.author_name(v))
                .find(|v| v.to_lowercase() == name.to_lowercase() && *v != name);
            spelt.unwrap_or(name)
        });
        // A site named by its address (`https://www.newsnation.in`) is named by its host.
        meta.site = prop(&["og:site_name", "application-name", "publisher"]).or(ld.site).map(|site| {
            let host = site.strip_prefix("https://").or_else(|| site.strip_prefix("http://"));
            host.map(|h| h.trim_end_matches('/').to_owned()).unwrap_or(site)
        });
        meta.url = marked.canonical.map(str::to_owned).or_else(|| prop(&["og:url"])).filter(|u| u.starts_with("http"));
        meta.base = marked.base.map(str::trim).filter(|b| b.starts_with("http")).map(str::to_owned);
        meta.language =
            marked.lang.map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase()).filter(|l| !l.is_empty());
        if let Some(keywords) = prop(&["keywords", "news_keywords", "article:tag"]) {
            meta.tags = keyword_list(&keywords, meta.title.as_deref());
        }
        let declared =
            ld.body.or(ld.description).or_else(|| prop(&["og:description", "description", "twitter:description"]));
        (meta, declared)
    }
}

/// The tags a keywords meta lists, split at its separators. Some pages fill `keywords`
/// with the headline (and the site's name): that names no topic. Chinese and Japanese
/// writers also list tags with spaces (`小花 小刚 纸片`), where a space never falls inside a
/// word; Korean and Latin phrases keep theirs. A value holding markup (`<meta name=`, a
/// template gone wrong) lists nothing, and an entity's remains are no tag.
fn keyword_list(keywords: &str, headline: Option<&str>) -> Vec<String> {
    if keywords.contains('<') {
        return Vec::new();
    }
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect::<String>();
    // What is left of an escaped entity (`&amp;quot,` read as `&quot`).
    let is_entity =
        |t: &str| t.strip_prefix('&').is_some_and(|name| name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'#'));
    // The headline, or most of it: a keyword longer than half of it, inside it.
    let headline = headline.map(|h| (squeeze(h), units(h))).filter(|&(_, size)| size >= HEADLINE_TAG_MIN_UNITS);
    let is_headline = |t: &str| {
        headline.as_ref().is_some_and(|(h, size)| {
            let t_squeezed = squeeze(t);
            t_squeezed.contains(h.as_str()) || h.contains(&t_squeezed) && 2 * units(t) > *size
        })
    };
    let listed: Vec<&str> = keywords
        .split([',', '，', ';', '；', '、', '|'])
        .map(str::trim)
        .filter(|t| !t.is_empty() && !is_entity(t) && !is_headline(t))
        .collect();
    let spaced = |t: &str| {
        let words = || t.split_whitespace();
        words().nth(1).is_some()
            && words().all(|w| w.chars().any(crate::norm::is_cjk))
            && !t.chars().any(|c| ('\u{ac00}'..='\u{d7af}').contains(&c))
    };
    match listed[..] {
        [only] if spaced(only) => only.split_whitespace().map(str::to_owned).collect(),
        _ => listed.into_iter().map(str::to_owned).collect(),
    }
}

/// The least a headline measures for a keyword holding it to be taken for the headline: a
/// one-word title (`Brexit`) is also a fair tag.
const HEADLINE_TAG_MIN_UNITS: usize = 8;

/// The elements metadata comes from, found in one pass over the document, in its order.
#[derive(Default)]
struct Marked<'a> {
    metas: Vec<ElementRef<'a>>,
    ld_json: Vec<ElementRef<'a>>,
    title: Option<ElementRef<'a>>,
    h1s: Vec<ElementRef<'a>>,
    h2s: Vec<ElementRef<'a>>,
    /// The first `<time datetime>`, `<link rel="canonical" href>`, `<base href>` and
    /// `<html lang>`.
    time: Option<&'a str>,
    canonical: Option<&'a str>,
    base: Option<&'a str>,
    lang: Option<&'a str>,
}

impl<'a> Marked<'a> {
    fn find(doc: &'a Html) -> Self {
        let mut m = Marked::default();
        for el in doc.tree.root().descendants().filter_map(ElementRef::wrap) {
            let v = el.value();
            match v.name() {
                "meta" => m.metas.push(el),
                "script" if attr(v, "type") == Some("application/ld+json") => m.ld_json.push(el),
                "title" if m.title.is_none() => m.title = Some(el),
                "h1" => m.h1s.push(el),
                "h2" => m.h2s.push(el),
                "time" if m.time.is_none() => m.time = attr(v, "datetime"),
                "link" if m.canonical.is_none() && attr(v, "rel") == Some("canonical") => {
                    m.canonical = attr(v, "href");
                }
                "base" if m.base.is_none() => m.base = attr(v, "href"),
                "html" if m.lang.is_none() => m.lang = attr(v, "lang"),
                _ => {}
            }
        }
        m
    }
}

/// A JSON-LD script's value, read as sites write it: wrapped in `<![CDATA[ … ]]>` or an
/// HTML comment, or with raw line breaks and tabs inside its strings.
fn ld_value(text: &str) -> Option<serde_json::Value> {
    let mut text = text.trim();
    for (open, close) in [("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>"), ("<!--", "-->")] {
        if let Some(inner) = text.strip_prefix(open) {
            text = inner.strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    serde_json::from_str(text).ok().or_else(|| {
        let spaced: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        serde_json::from_str(&spaced).ok()
    })
}

fn json_ld(scripts: &[ElementRef]) -> LdFacts {
    let mut facts = LdFacts::default();
    for script in scripts {
        let text: String = script.text().collect();
        let Some(value) = ld_value(&text) else { continue };
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
                serde_json::Value::Object(map) => {
                    if let Some(graph) = map.get("@graph") {
                        stack.push(graph);
                    }
                    let str_of = |key: &str| map.get(key).and_then(|v| v.as_str()).map(str::to_owned);
                    facts.published = facts.published.take().or_else(|| str_of("datePublished"));
                    facts.modified = facts.modified.take().or_else(|| str_of("dateModified"));
                    facts.headline = facts.headline.take().or_else(|| str_of("headline"));
                    facts.body = facts.body.take().or_else(|| str_of("articleBody"));
                    facts.description = facts.description.take().or_else(|| str_of("description"));
                    if facts.author.is_none() {
                        facts.author = match map.get("author") {
                            Some(serde_json::Value::String(s)) => Some(s.clone()),
                            Some(serde_json::Value::Object(a)) => {
                                a.get("name").and_then(|n| n.as_str()).map(str::to_owned)
                            }
                            // Several authors: all of them.
                            Some(serde_json::Value::Array(a)) => {
                                let names: Vec<&str> = a
                                    .iter()
                                    .filter_map(|x| x.as_str().or_else(|| x.get("name").and_then(|n| n.as_str())))
                                    .map(str::trim)
                                    .filter(|n| !n.is_empty())
                                    .collect();
                                (!names.is_empty()).then(|| names.join(", "))
                            }
                            _ => None,
                        };
                    }
                    if facts.site.is_none() {
                        facts.site = map
                            .get("publisher")
                            .and_then(|p| p.get("name"))
                            .and_then(|n| n.as_str())
                            .map(str::to_owned);
                    }
                }
                _ => {}
            }
        }
    }
    facts
}

#[derive(Debug, Default)]
struct LdFacts {
    published: Option<String>,
    modified: Option<String>,
    headline: Option<String>,
    body: Option<String>,
    description: Option<String>,
    author: Option<String>,
    site: Option<String>,
}

fn collapse(s: &str) -> String {
    let mut out = String::new();
    push_collapsed(&mut out, s);
    out.trim().to_owned()
}

/// ISO 8601 from a machine-readable date (`2023-03-23T09:30:00+08:00`, `2023-03-23`) or a
/// human one (`2023年3月23日 09:30`). A year before MIN_YEAR is a template's empty value
/// (`"datePublished": "0001-01-01T00:00:00Z"`), not a date.
fn iso_date(s: &str, dates: &DateFinder) -> Option<String> {
    let s = s.trim();
    if s.get(..4).and_then(|y| y.parse::<u32>().ok()).is_some_and(|year| year < MIN_YEAR) {
        return None;
    }
    // Already ISO with a time zone: kept as the page states it, in RFC 3339's form where
    // it writes the time short or the offset without its colon (`2019-11-19T13:16+0000`);
    // a zone's name (`EST`) goes, as in a date line.
    let bytes = s.as_bytes();
    if bytes.len() >= 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && s[..4].bytes().all(|b| b.is_ascii_digit())
        && s.len() >= 19
        && bytes[10] == b'T'
    {
        if let Some(date) = rfc3339(s) {
            return Some(date);
        }
    }
    dates.find(s).and_then(|d| d.iso)
}

/// An ISO 8601 date-time (`2019-11-19T13:16+0000`, `2019-11-19T13:16:49.5Z`) in RFC 3339's
/// form: seconds written, the offset with its colon. None when it is not of that shape.
fn rfc3339(s: &str) -> Option<String> {
    let (day, time) = s.split_once('T')?;
    let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
    let clock_end = time.find(|c: char| !c.is_ascii_digit() && c != ':' && c != '.').unwrap_or(time.len());
    let (clock, zone) = time.split_at(clock_end);
    let (hms, fraction) = clock.split_once('.').map_or((clock, None), |(hms, f)| (hms, Some(f)));
    let parts: Vec<&str> = hms.split(':').collect();
    if !digits(day.get(..4)?, 4) || !parts.iter().all(|p| digits(p, 2)) || !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut out = format!("{day}T{}:{}:{}", parts[0], parts[1], parts.get(2).unwrap_or(&"00"));
    if let Some(fraction) = fraction {
        (!fraction.is_empty() && digits(fraction, fraction.len())).then_some(())?;
        out.push('.');
        out.push_str(fraction);
    }
    if !zone.is_empty() {
        let (offset, len) = crate::classify::meta::stated_offset(zone)?;
        (len == zone.len()).then_some(())?;
        out.push_str(&offset);
    }
    Some(out)
}

/// A publish time a script keeps for the page (`"pubtime": "2019-09-07 19:02:26"` in
/// qq.com's window.DATA, or JavaScript's own `"2019-09-07T05:51:23.000Z"`). Comments' and
/// related items' times have other keys (create_time, ctime).
const SCRIPT_DATE_PATTERN: &str = r#"["']?(?:pubtime|pubTime|pub_time|publishtime|publishTime|publish_time|pubDate|pubdate|publishDate|publish_date|datePublished)["']?\s*[:=]\s*["']([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?)["']"#;

/// The day a page's address names: `/2023-11/30/`, `/2023/11/30/`, `/2023/1130/`,
/// `/20231130/`, gov.cn's `/t20231130_…`. Many sites file their articles by the day
/// they are published; the year opens the run, so `/1234/` or a 14-digit id is none.
pub fn url_date(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &rest[rest.find('/')?..];
    let query = path.find(['?', '#']).unwrap_or(path.len());
    let bytes = &path.as_bytes()[..query];
    // The runs of digits, each with whether one separator joins it to the run before.
    let mut runs: Vec<(&str, bool)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let joined = runs.last().is_some() && start >= 1 && b"/-_.".contains(&bytes[start - 1]) && {
            let before = &bytes[..start - 1];
            before.last().is_some_and(u8::is_ascii_digit)
        };
        runs.push((&path[start..i], joined));
    }
    let num = |s: &str| s.parse::<u32>().ok();
    let day = |y: u32, m: u32, d: u32| {
        ((1990..=2099).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    let next = |k: usize| runs.get(k).filter(|(_, joined)| *joined).map(|(run, _)| *run);
    (0..runs.len()).find_map(|k| {
        let run = runs[k].0;
        match (run.len(), next(k + 1).map(str::len), next(k + 2).map(str::len)) {
            (8, _, _) => day(num(&run[..4])?, num(&run[4..6])?, num(&run[6..])?),
            (6, Some(1 | 2), _) => day(num(&run[..4])?, num(&run[4..])?, num(next(k + 1)?)?),
            (4, Some(4), _) => {
                let md = next(k + 1)?;
                day(num(run)?, num(&md[..2])?, num(&md[2..])?)
            }
            (4, Some(1 | 2), Some(1 | 2)) => day(num(run)?, num(next(k + 1)?)?, num(next(k + 2)?)?),
            _ => None,
        }
    })
}

/// Dates in the markup before this year are placeholders.
const MIN_YEAR: u32 = 1900;

/// The headline: the candidate that matches the article, in this order:
/// - the longest `<h1>` or `<h2>` that is the first segment of `og:title` or `<title>`
///   (sites set the headline in `<h2>` under a logo's `<h1>`);
/// - the longest `<h1>` they hold other than as their tail, where the site's name stands
///   (`<title>土豆不“土” 土豆无“土” 松花江网</title>` over `<h1>松花江网</h1>`);
/// - `og:title`, its site name cut off;
/// - `<title>`, with an `<h1>` at its end and the site name after ` - `, ` | `, `_` cut
///   off, unless it is the site's name alone (`<title>-铜雀历史网</title>`);
/// - an `<h1>` of TITLE_MIN_UNITS or more.
fn choose_title(og: Option<String>, h1s: &[String], h2s: &[String], title_tag: Option<String>) -> Option<String> {
    let norm = |s: &str| crate::norm::normalize(s);
    let fuller: Vec<String> = [og.as_deref(), title_tag.as_deref()].into_iter().flatten().map(norm).collect();
    // A heading a fuller title holds, and not only as its tail, where the site's name
    // stands. An `<h2>` is also a section's heading or a fragment of the headline: it
    // counts as a fuller title's first segment, before a separator or alone.
    let held = |h: &String| {
        let h = norm(h);
        fuller.iter().any(|f| f.contains(&h) && (f.starts_with(&h) || !f.ends_with(&h)))
    };
    let first_segment = |h: &String| {
        let separated = |f: &str| {
            f.trim_start()
                .strip_prefix(h.as_str())
                .map(str::trim_start)
                .is_some_and(|rest| rest.is_empty() || TITLE_SEPARATORS.iter().any(|s| rest.starts_with(s.trim())))
        };
        [og.as_deref(), title_tag.as_deref()].into_iter().flatten().any(separated)
    };
    let long = |h: &&String| units(h) >= TITLE_MIN_UNITS;
    // The first of the longest (`max_by_key` keeps the last); a first segment before a
    // heading held elsewhere (`Post @ Blog :: Platform`, with the blog's name in `<h1>`).
    fn longest<'a>(hs: impl DoubleEndedIterator<Item = &'a String>) -> Option<&'a String> {
        hs.rev().max_by_key(|h| units(h))
    }
    let heading = longest(h1s.iter().chain(h2s).filter(long).filter(|h| first_segment(h)))
        .or_else(|| longest(h1s.iter().filter(long).filter(|h| held(h))));
    if let Some(heading) = heading {
        return Some(heading.clone());
    }
    if let Some(og) = og.filter(|t| !t.is_empty()) {
        return Some(strip_site(&og));
    }
    let site_alone = |t: &String| TITLE_SEPARATORS.iter().any(|sep| t.starts_with(sep.trim_start()));
    // An `<h1>` the title ends with is the site's name (`土豆不“土” 土豆无“土” 松花江网`).
    let without_site = |t: String| match h1s.iter().find_map(|h| t.strip_suffix(h.as_str())) {
        Some(rest) if units(rest) >= TITLE_MIN_UNITS => rest.trim_end().to_owned(),
        _ => t,
    };
    let h1 = h1s.first().filter(|h| units(h) >= TITLE_MIN_UNITS).cloned();
    title_tag.filter(|t| !t.is_empty() && !site_alone(t)).map(|t| strip_site(&without_site(t))).or(h1)
}

/// A headline has at least this many units: a shorter `<h1>` is a logo or a widget's
/// heading (`导航`, `公告`).
const TITLE_MIN_UNITS: usize = 4;

/// What stands between a `<title>`'s headline and the site's name.
const TITLE_SEPARATORS: [&str; 12] = [" - ", " | ", " – ", " — ", " » ", " « ", "_", "｜", " :: ", "-", " · ", " @ "];

/// The parts of a `<title>` at its first separator (`静夜思•夜-中国诗歌网`).
fn title_parts(tag: &str) -> Vec<String> {
    let Some(sep) = TITLE_SEPARATORS.iter().find(|sep| tag.contains(*sep)) else { return Vec::new() };
    tag.split(sep).map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect()
}

/// The segments of a `<title>` after the headline it holds (`…|公园_新浪新闻` gives 公园
/// and 新浪新闻): which of them is the site and which a channel, the title does not say.
fn title_rest(tag: &str, headline: &str) -> Vec<String> {
    let Some(at) = tag.find(headline) else { return Vec::new() };
    let is_separator = |c: char| "_|｜-–—»:".contains(c);
    tag[at + headline.len()..].split(is_separator).map(str::trim).filter(|s| units(s) >= 2).map(str::to_owned).collect()
}

/// Whether an image is drawn too small to be a picture of the article, by the width and
/// height its markup gives in pixels: an icon (a site's favicon in its back link, a share
/// button) is small both ways, a rule or a spacer thin one way, and a tracking pixel 0 or
/// 1 both ways. A size of 0 beside another (`width="570" height="0"`) leaves it to the
/// picture.
fn is_decoration(img: &scraper::node::Element) -> bool {
    let pixels = |name| attr(img, name).and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok());
    let sizes = [pixels("width"), pixels("height")];
    let given = || sizes.iter().flatten();
    given().next().is_some()
        && given().all(|&px| px < ICON_MAX_PX)
        && (given().any(|&px| px > 0) || given().count() == 2)
        || given().any(|&px| (1..=RULE_MAX_PX).contains(&px))
}

/// Below this many pixels wide and high, an image is an icon.
const ICON_MAX_PX: u32 = 50;
/// At most this many pixels wide or high, an image is a rule or a spacer.
const RULE_MAX_PX: u32 = 10;

/// Whether a link's text is a site's link back to its front page (`返回搜狐，查看更多`,
/// `返回腾讯网首页>>`), which portals glue to the end of an article's last paragraph.
fn is_back_link(text: &str) -> bool {
    let link = text.trim().trim_end_matches(['>', '＞', '»', ' ']).strip_prefix("返回");
    let site = link.and_then(|t| {
        t.strip_suffix("查看更多").and_then(|s| s.strip_suffix(['，', ','])).or_else(|| t.strip_suffix("首页"))
    });
    site.map(str::trim).is_some_and(|s| (1..=8).contains(&s.chars().count()) && !s.contains(['，', ',']))
}

/// `reference` resolved against the absolute address `base` (RFC 3986, section 5.2):
/// `../img/a.jpg`, `/img/a.jpg` and `//cdn.example/a.jpg` become absolute. An absolute
/// reference (`https:`, `data:`) stays as it is, and so does any reference when `base`
/// names no host.
pub fn resolve(base: &str, reference: &str) -> String {
    let reference = reference.trim();
    let scheme = |s: &str| {
        let name = s.split(':').next().unwrap_or("");
        s.contains(':')
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    };
    let Some((base_scheme, rest)) = base.split_once("://") else { return reference.to_owned() };
    if scheme(reference) || !scheme(base) {
        return reference.to_owned();
    }
    if let Some(net) = reference.strip_prefix("//") {
        return format!("{base_scheme}://{net}");
    }
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, base_path) = (&rest[..host_end], &rest[host_end..]);
    let base_path = &base_path[..base_path.find(['?', '#']).unwrap_or(base_path.len())];
    let (path, tail) = reference.split_at(reference.find(['?', '#']).unwrap_or(reference.len()));
    let merged = if path.starts_with('/') {
        path.to_owned()
    } else if path.is_empty() {
        if base_path.is_empty() { "/" } else { base_path }.to_owned()
    } else {
        format!("{}{path}", &base_path[..base_path.rfind('/').map_or(0, |i| i + 1)])
    };
    format!("{base_scheme}://{host}{}{tail}", without_dot_segments(&merged))
}

/// A path without its `.` and `..` segments (RFC 3986, section 5.2.4).
fn without_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." | ".." => {
                if *segment == ".." && out.len() > 1 {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

fn strip_site(title: &str) -> String {
    for sep in TITLE_SEPARATORS {
        if title.contains(sep) {
            // The longest part that is no address, the first of equals: the headline comes first.
            // An address is cut off whatever is left (`海姑娘 | blog.wenxuecity.com`).
            let parts: Vec<&str> = title.split(sep).map(str::trim).collect();
            let named: Vec<&str> =
                parts.iter().copied().filter(|p| !crate::classify::meta::is_bare_domain(p)).collect();
            let addressed = named.len() < parts.len();
            if let Some(best) = named.into_iter().rev().max_by_key(|p| units(p)) {
                if units(best) >= TITLE_MIN_UNITS || (addressed && !best.is_empty()) {
                    return best.to_owned();
                }
            }
        }
    }
    title.trim().to_owned()
}

/// Elements nested deeper than this are flattened before parsing, as Chrome's parser
/// does (its limit is 512 too): html5ever checks element scopes by walking the stack of
/// open elements, so 200,000 nested `<div>`s would cost quadratic time.
pub const MAX_NESTING: usize = 512;

const VOID: [&str; 14] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];
/// Elements whose end tags are often left out: they never count towards nesting.
const IMPLIED_END: [&str; 10] = ["p", "li", "dt", "dd", "td", "th", "tr", "option", "rb", "rt"];
const RAW_TEXT: [&str; 5] = ["script", "style", "textarea", "title", "xmp"];

/// Attributes the reader looks at on any element.
const READ_EVERYWHERE: [&str; 5] = ["class", "id", "style", "hidden", "aria-hidden"];
/// And where they name the author (`rel="author"`, `itemprop="author"`).
const READ_IF_AUTHOR: [&str; 2] = ["rel", "itemprop"];
/// And `href` where it holds this (a link to an author's page), found by one searcher
/// built once: links are many.
static AUTHOR_DIR: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"/author"));
/// And on images.
const READ_ON_IMG: [&str; 5] = ["src", "data-src", "alt", "width", "height"];
/// Elements whose attributes all stay: those the metadata comes from, and those whose
/// attributes steer the parser's tree building.
const KEEP_ALL_ATTRIBUTES: [&str; 9] =
    ["meta", "link", "html", "script", "time", "base", "input", "font", "annotation-xml"];

/// The page as the parser should see it, and how many start tags were removed: start and
/// end tags beyond MAX_NESTING go (their text stays), and so do comments, the code of
/// scripts and style sheets (JSON-LD stays), attributes nothing reads (`href`,
/// `data-*`, `srcset`, ...) and indentation between tags outside `<pre>`. Code is about
/// half the bytes of a news page, unread attributes a quarter of the rest, and the
/// parser tokenises all of it at the cost of text.
pub fn prepare(html: &str) -> (std::borrow::Cow<'_, str>, usize) {
    let b = html.as_bytes();
    let (mut i, mut depth, mut excess, mut removed) = (0usize, 0usize, 0usize, 0usize);
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut unread: Vec<(usize, usize)> = Vec::new();
    // Leaves out html[from..to]: everything before it is copied first.
    let mut cut = |from: usize, to: usize| {
        let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
        buf.push_str(&html[copied..from]);
        copied = to;
    };
    let tag_name = |from: usize| -> (&[u8], usize) {
        let mut j = from;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
            j += 1;
        }
        (&b[from..j], j)
    };
    let is_one_of = |name: &[u8], list: &[&str]| list.iter().any(|t| name.eq_ignore_ascii_case(t.as_bytes()));
    // The end of a tag: its `>`, skipping quoted attribute values.
    let tag_end = |from: usize| -> usize {
        let mut j = from;
        while let Some(p) = memchr::memchr3(b'>', b'"', b'\'', &b[j..]) {
            let at = j + p;
            if b[at] == b'>' {
                return at + 1;
            }
            match memchr::memchr(b[at], &b[at + 1..]) {
                Some(q) => j = at + 1 + q + 1,
                None => return b.len(),
            }
        }
        b.len()
    };
    let mut preformatted = 0usize;
    while let Some(off) = html[i..].find('<') {
        let at = i + off;
        // Indentation between tags shrinks to its first character, except in `<pre>`.
        let gap = &b[i..at];
        if preformatted == 0 && gap.len() > 1 && gap.iter().all(u8::is_ascii_whitespace) {
            cut(i + 1, at);
        }
        if b[at..].starts_with(b"<!--") {
            i = match memchr::memmem::find(&b[at + 4..], b"-->") {
                Some(e) => {
                    cut(at, at + 4 + e + 3);
                    at + 4 + e + 3
                }
                None => b.len(),
            };
            continue;
        }
        let closing = b.get(at + 1) == Some(&b'/');
        let start = at + 1 + usize::from(closing);
        if !b.get(start).is_some_and(u8::is_ascii_alphabetic) {
            i = at + 1;
            continue;
        }
        let (name, after) = tag_name(start);
        let end = tag_end(after);
        if is_one_of(name, &["pre", "listing"]) {
            preformatted = if closing { preformatted.saturating_sub(1) } else { preformatted + 1 };
        }
        let mut drop = false;
        if closing {
            if !is_one_of(name, &VOID) && !is_one_of(name, &IMPLIED_END) {
                if excess > 0 {
                    excess -= 1;
                    drop = true;
                } else {
                    depth = depth.saturating_sub(1);
                }
            }
        } else if is_one_of(name, &RAW_TEXT) {
            // Skip to the matching end tag, compared without regard to case.
            let mut j = end;
            i = loop {
                match memchr::memmem::find(&b[j..], b"</") {
                    None => break b.len(),
                    Some(p) => {
                        let k = j + p + 2;
                        if b.len() >= k + name.len() && b[k..k + name.len()].eq_ignore_ascii_case(name) {
                            break j + p;
                        }
                        j = k;
                    }
                }
            };
            let code = is_one_of(name, &["script", "style"]) && !contains_ignore_case(&b[after..end], b"ld+json");
            if code && i < b.len() && i > end {
                cut(end, i);
            }
            continue;
        } else if !is_one_of(name, &VOID) && !is_one_of(name, &IMPLIED_END) && !b[..end].ends_with(b"/>") {
            if depth >= MAX_NESTING {
                excess += 1;
                removed += 1;
                drop = true;
            } else {
                depth += 1;
            }
        }
        if drop {
            cut(at, end);
        } else if !closing && !is_one_of(name, &KEEP_ALL_ATTRIBUTES) {
            let img = name.eq_ignore_ascii_case(b"img");
            let read = |attr: &[u8], value: &[u8]| {
                is_one_of(attr, &READ_EVERYWHERE)
                    || (img && is_one_of(attr, &READ_ON_IMG))
                    || (is_one_of(attr, &READ_IF_AUTHOR) && names_author(value))
                    || (attr.eq_ignore_ascii_case(b"href") && AUTHOR_DIR.find(value).is_some())
            };
            if unread_attributes(b, after, end, read, &mut unread) {
                unread.iter().for_each(|&(from, to)| cut(from, to));
            }
        }
        i = end;
    }
    match out {
        None => (std::borrow::Cow::Borrowed(html), 0),
        Some(mut buf) => {
            buf.push_str(&html[copied..]);
            (std::borrow::Cow::Owned(buf), removed)
        }
    }
}

/// The byte ranges of the attributes of the start tag `b[from..end]` (from the end of its
/// name to just past its `>`) that `read` does not want. The space before each stays:
/// `<a href="u"class=c>` becomes `<a class=c>`.
/// False, with nothing to cut, when the tag is not plainly `name="value"` pairs (a quote
/// inside a name or an unquoted value, an unterminated tag): then it goes to the parser
/// as written.
fn unread_attributes(
    b: &[u8],
    from: usize,
    end: usize,
    read: impl Fn(&[u8], &[u8]) -> bool,
    out: &mut Vec<(usize, usize)>,
) -> bool {
    out.clear();
    if end == 0 || b[end - 1] != b'>' {
        return false;
    }
    let close = end - 1;
    let space = |c: u8| c.is_ascii_whitespace();
    let mut j = from;
    loop {
        while j < close && (space(b[j]) || b[j] == b'/') {
            j += 1;
        }
        if j >= close {
            return true;
        }
        let name_start = j;
        while j < close && !space(b[j]) && !matches!(b[j], b'=' | b'/') {
            if matches!(b[j], b'"' | b'\'' | b'<') {
                return false;
            }
            j += 1;
        }
        if j == name_start {
            return false;
        }
        let name = &b[name_start..j];
        let mut k = j;
        while k < close && space(b[k]) {
            k += 1;
        }
        if k < close && b[k] == b'=' {
            k += 1;
            while k < close && space(b[k]) {
                k += 1;
            }
            match b.get(k) {
                Some(&q @ (b'"' | b'\'')) if k < close => match memchr::memchr(q, &b[k + 1..close]) {
                    Some(p) => j = k + 1 + p + 1,
                    None => return false,
                },
                _ => {
                    while k < close && !space(b[k]) {
                        if matches!(b[k], b'"' | b'\'' | b'<' | b'=') {
                            return false;
                        }
                        k += 1;
                    }
                    // `a=b/>`: the slash may close a foreign element; leave the tag as it is.
                    if k == close && b[k - 1] == b'/' {
                        return false;
                    }
                    j = k;
                }
            }
        }
        if !read(name, &b[k.min(j)..j]) {
            out.push((name_start, j));
        }
    }
}

/// Whether bytes look like an HTML page rather than plain text.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    const TAGS: [&[u8]; 12] = [
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<body",
        b"<meta ",
        b"<div",
        b"<p>",
        b"<table",
        b"<script",
        b"<title>",
        b"<br>",
        b"<a href",
    ];
    let head = &bytes[..bytes.len().min(8192)];
    // Only where a '<' stands: a text page is one memchr scan.
    memchr::memchr_iter(b'<', head)
        .any(|at| TAGS.iter().any(|tag| head.get(at..at + tag.len()).is_some_and(|w| w.eq_ignore_ascii_case(tag))))
}

/// The charset a page declares in its first bytes: in a `<meta>` tag (`charset` or
/// `http-equiv`), or in an XML declaration. A `<script charset="utf-8">` names the
/// script's encoding, not the page's: a GBK page loading UTF-8 scripts was read as UTF-8.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let tag_at = |at: usize| &text[at..text[at..].find('>').map_or(text.len(), |end| at + end)];
    let label_after = |tag: &str, key: &str| {
        let rest = tag[tag.find(key)? + key.len()..].trim_start_matches(['"', '\'', ' ']);
        let label: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
        (!label.is_empty()).then_some(label)
    };
    let meta = text.match_indices("<meta").find_map(|(at, _)| label_after(tag_at(at), "charset="));
    let xml = || text.find("<?xml").and_then(|at| label_after(tag_at(at), "encoding="));
    meta.or_else(xml)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>江城启动旧城区雨污分流改造工程_江城新闻网</title>
<meta property="article:published_time" content="2024-03-18T10:05:00+08:00">
<meta name="keywords" content="雨污分流,老城区">
<link rel="canonical" href="https://news.example.cn/2024/0318/1.html"></head>
<body><div class="nav"><a href="/">首页</a> | <a href="/a">新闻</a> | <a href="/b">财经</a></div>
<div class="main"><div class="article-content"><h1>江城启动旧城区雨污分流改造工程</h1>
<p>本报讯 记者从江城市住房和城乡建设局获悉，旧城区雨污分流改造工程日前正式启动，计划用三年时间完成老城区一百二十公里管网的分流改造。</p>
<p>据介绍，江城老城区排水管网大多建于上世纪八九十年代，雨水和污水共用一套管道，每逢强降雨，污水随雨水溢出。</p>
<figure><img src="/img/1.jpg" alt="施工现场"><figcaption>施工现场（资料图）</figcaption></figure>
<p>按照改造方案，工程将分三批实施，第一批覆盖东门、南湖两个片区，预计明年汛期前完工。</p>
<div class="related-news"><h3>相关新闻</h3><ul><li><a href="/x">江城地铁三号线开通运营</a></li><li><a href="/y">国际油价周二小幅下跌</a></li></ul></div>
</div></div><div class="footer">版权所有 江城新闻网</div>
<script>var x = "不应出现的脚本文字";</script></body></html>"#;

    #[test]
    fn main_content_metadata_and_chrome() {
        let page = HtmlReader::default().read(PAGE);
        let kept: Vec<&str> =
            page.blocks.iter().filter(|b| b.label == Label::Unlabelled).map(|b| b.text.as_str()).collect();
        assert_eq!(kept[0], "江城启动旧城区雨污分流改造工程");
        assert!(kept.iter().any(|t| t.starts_with("本报讯")) && kept.iter().any(|t| t.starts_with("按照改造方案")));
        assert!(
            !kept
                .iter()
                .any(|t| t.contains("首页") || t.contains("版权所有") || t.contains("地铁") || t.contains("脚本")),
            "{kept:?}"
        );
        assert_eq!(page.meta.title.as_deref(), Some("江城启动旧城区雨污分流改造工程"));
        assert_eq!(page.meta.published.as_deref(), Some("2024-03-18T10:05:00+08:00"));
        assert_eq!(page.meta.url.as_deref(), Some("https://news.example.cn/2024/0318/1.html"));
        assert_eq!(page.meta.language.as_deref(), Some("zh"));
        assert_eq!(page.meta.tags, ["雨污分流", "老城区"]);
        assert_eq!(page.images.len(), 1);
        assert_eq!(
            (page.images[0].src.as_str(), page.images[0].caption.as_deref()),
            ("/img/1.jpg", Some("施工现场（资料图）"))
        );
    }

    #[test]
    fn icons_and_rules_are_no_pictures_and_a_caption_is_its_own_figure_s() {
        let html = format!(
            "<html><body><article><p>{}</p>\
             <figure><img src=\"/a.jpg\" width=\"640\" height=\"360\"><figcaption>The ferry</figcaption></figure>\
             <p><img src=\"/lazy.jpg\" width=\"570\" height=\"0\"><img src=\"/pixel.gif\" width=\"0\" height=\"0\"></p>\
             <p>{}<img src=\"/share.png\" width=\"16\" height=\"16\"><img src=\"/line.gif\" width=\"976\" height=\"2\"></p>\
             <figure><div class=\"lazy\"></div><figcaption>The roof</figcaption></figure></article></body></html>",
            para("Ferry", 3),
            para("Roof", 3)
        );
        let page = HtmlReader::default().read(&html);
        let images: Vec<(&str, Option<&str>)> =
            page.images.iter().map(|i| (i.src.as_str(), i.caption.as_deref())).collect();
        assert_eq!(images, [("/a.jpg", Some("The ferry")), ("/lazy.jpg", None)]);
    }

    /// The text of the blocks kept in a page's main content.
    fn kept(html: &str) -> Vec<String> {
        let page = HtmlReader::default().read(html);
        page.blocks.into_iter().filter(|b| b.label == Label::Unlabelled).map(|b| b.text).collect()
    }

    /// A paragraph of `n` sentences, each naming `topic`.
    fn para(topic: &str, n: usize) -> String {
        (0..n).map(|i| format!("{topic} sentence {i} goes on, with a clause, and another clause here. ")).collect()
    }

    #[test]
    fn the_first_of_dated_posts_unless_the_list_is_taken_whole() {
        // Posts deep in a table layout: scoring picks one, and the first takes its place.
        let post = |date: &str, topic: &str, n: usize| {
            format!(
                r#"<table class="post"><tr><td class="title">{topic}</td><td>{date}</td></tr><tr><td><table><tr><td class="text"><p>{}</p></td></tr></table></td></tr></table>"#,
                para(topic, n)
            )
        };
        let page = |post: &dyn Fn(&str, &str, usize) -> String| {
            format!(
                "<html><body><div class=\"posts\">{}{}{}</div></body></html>",
                post("2024-05-28 07:40", "Ferry", 4),
                post("2024-05-20 21:05", "Roof", 12),
                post("2024-05-11 23:18", "River", 2)
            )
        };
        let text = kept(&page(&post)).join(" ");
        assert!(text.contains("Ferry sentence 3") && !text.contains("Roof") && !text.contains("River"), "{text}");
        // A live blog's entries, which promotion takes whole, stay whole.
        let entry = |date: &str, topic: &str, n: usize| {
            format!(r#"<div class="entry"><div class="time">{date}</div><p>{}</p></div>"#, para(topic, n))
        };
        let text = kept(&page(&entry)).join(" ");
        assert!(["Ferry", "Roof", "River"].iter().all(|t| text.contains(t)), "{text}");
        // Without dates they are not posts: the best container is not replaced.
        let text = kept(&page(&|_: &str, topic: &str, n: usize| post("", topic, n))).join(" ");
        assert!(text.contains("Roof sentence 11"), "{text}");
    }

    #[test]
    fn the_article_holding_the_headline_outranks_a_longer_stream() {
        let card = |topic: &str| format!("<article class=\"card\"><h2>{topic}</h2><p>{}</p></article>", para(topic, 6));
        let html = format!(
            "<html><body><article class=\"story\"><h1>Ferry adds a night service</h1><p>{}</p></article>\
             <section class=\"more\">{}{}{}</section></body></html>",
            para("Ferry", 2),
            card("Lighthouse"),
            card("Walk"),
            card("Market")
        );
        let text = kept(&html).join(" ");
        assert!(text.contains("Ferry sentence 1") && !text.contains("Lighthouse sentence"), "{text}");
    }

    #[test]
    fn a_previous_and_next_widget_in_the_article_is_chrome() {
        let html = format!(
            "<html><body><div class=\"story\"><h1>Ferry adds a night service</h1><p>{}</p>\
             <div class=\"grid next-prev\"><div class=\"next\"><h5><a href=\"/a\">Lighthouse reopens</a></h5>\
             <p class=\"row-excerpt\">The keepers of the old lighthouse open its doors again</p>\
             <label>Jane Doe 2019-11-20 14:35:08</label></div></div></div></body></html>",
            para("Ferry", 4)
        );
        let text = kept(&html).join(" ");
        assert!(text.contains("Ferry sentence 3") && !text.contains("keepers") && !text.contains("Jane Doe"), "{text}");
        // Words that only begin with `prev` are no hint.
        assert!(HtmlReader::default().negative.find("preview-text").is_none());
    }

    #[test]
    fn a_linked_heading_between_paragraphs_heads_a_section() {
        let html = format!(
            "<html><body><div class=\"story\"><p>{}</p><h3><a href=\"https://shop.example/rez\">Rez Infinite ($30)</a></h3>\
             <p>{}</p><h3><a href=\"https://shop.example/thumper\">Thumper ($20)</a></h3><p>{}</p>\
             <h3><a href=\"/more\">More games news</a></h3><ul><li><a href=\"/a\">Lighthouse reopens</a></li></ul></div></body></html>",
            para("Console", 3),
            para("Rez", 3),
            para("Thumper", 3)
        );
        let text = kept(&html).join(" | ");
        assert!(text.contains("Rez Infinite ($30)") && text.contains("Thumper ($20)"), "{text}");
        // After the last paragraph, a linked heading over links is a list's.
        assert!(!text.contains("More games news") && !text.contains("Lighthouse"), "{text}");
        // A list's bullets, each a block of its own, go with it.
        let bullets = format!(
            "<html><body><div class=\"story\"><p>{}</p><div>今日焦点：</div><div>·</div><a href=\"/a\">灯塔重新开放</a>\
             <div>·</div><a href=\"/b\">渡轮开通夜班</a><p>{}</p></div></body></html>",
            para("Ferry", 3),
            para("Roof", 3)
        );
        assert!(!kept(&bullets).iter().any(|t| t == "·"), "{:?}", kept(&bullets));
    }

    #[test]
    fn a_link_back_to_the_site_glued_to_a_paragraph_is_a_block_of_its_own() {
        let html = format!(
            "<html><body><div class=\"story\"><p>{}</p><p>{}<a href=\"/\"><span><i></i>返回搜狐，查看更多</span></a></p></div></body></html>",
            para("Ferry", 3),
            para("Roof", 3)
        );
        let blocks = HtmlReader::default().read(&html).blocks;
        assert!(blocks.iter().any(|b| b.text == "返回搜狐，查看更多"), "{blocks:?}");
        assert!(is_back_link("返回富达，查看更多") && is_back_link("返回腾讯网首页>>"));
        assert!(!is_back_link("返回首页") && !is_back_link("返回搜狐"));
    }

    #[test]
    fn a_paragraph_that_links_its_sources_is_no_link_list() {
        // 60% link text: in sentences, a paragraph's; in a short line, a link list's.
        let linked =
            "<a href=\"/a\">The gray haze over the capital led to canceled flights</a> and closed schools, and \
                      created <a href=\"/b\">a public health emergency</a> across the region for a week.";
        let html = format!(
            "<html><body><div class=\"story\"><p>{}</p><p>{linked}</p><p><a href=\"/c\">More on the haze</a> and smog</p><p>{}</p></div></body></html>",
            para("Haze", 3),
            para("Smog", 3)
        );
        let text = kept(&html).join(" | ");
        assert!(text.contains("led to canceled flights and closed schools"), "{text}");
        assert!(!text.contains("More on the haze"), "{text}");
    }

    #[test]
    fn a_slideshow_beside_the_article_is_chrome() {
        assert_eq!(slide_counter("1/50 United goin down"), Some((1, 50)));
        assert_eq!(slide_counter("Photo 2 of 12"), Some((2, 12)));
        assert_eq!(slide_counter(" 3 / 3"), Some((3, 3)));
        for no in
            ["2024/05 report", "7/5/2005", "0/3 done", "4/3 of them", "1/2 cup of flour", "1/50x", "Photographer 1/5"]
        {
            assert_eq!(slide_counter(no), None, "{no}");
        }
        let slides = |n: usize| -> String {
            (1..=n)
                .map(|k| {
                    format!("<li><h2><span>{k}/{n}</span> Market {k}</h2><p>{}</p><p>Getty</p></li>", para("Market", 2))
                })
                .collect()
        };
        let article = |n: usize| {
            format!(
                "<html><body><div class=\"story\"><p>{}</p><p>{}</p><div class=\"scroller\"><ul>{}</ul></div><p>{}</p></div></body></html>",
                para("Hotel", 2),
                para("Towel", 2),
                slides(n),
                para("Blanket", 2)
            )
        };
        let text = kept(&article(12)).join(" ");
        assert!(["Hotel", "Towel", "Blanket"].iter().all(|t| text.contains(t)) && !text.contains("Market"), "{text}");
        // Two counters are no slideshow.
        assert!(kept(&article(2)).join(" ").contains("Market 1"));
        // A page that is all slideshow keeps it.
        let gallery = format!("<html><body><div class=\"gallery\"><ul>{}</ul></div></body></html>", slides(6));
        assert!(kept(&gallery).join(" ").contains("Market sentence 1"));
    }

    #[test]
    fn a_block_of_invisible_characters_is_no_block() {
        let html = format!(
            "<html><body><div><p>{}</p><p>\u{feff}</p><p> \u{200b} </p><p>{}</p></div></body></html>",
            para("Ferry", 2),
            para("Roof", 2)
        );
        let page = HtmlReader::default().read(&html);
        assert_eq!(page.blocks.len(), 2, "{:?}", page.blocks);
    }

    #[test]
    fn classes_that_name_a_byline() {
        for yes in ["byline", "pb-byline", "ByLine", "author-name", "author__name", "authorName", "c-author_name x"] {
            assert!(names_byline(yes.as_bytes()), "{yes}");
        }
        for no in ["author", "author-title", "authority", "bylin", "post-author"] {
            assert!(!names_byline(no.as_bytes()), "{no}");
        }
        assert!(names_author(b"author") && names_author(b"nofollow Author") && !names_author(b"nofollow noopener"));
    }

    #[test]
    fn a_caption_flag_on_the_body_makes_no_caption() {
        let html = format!(
            "<html><body class=\"f_video_upload_captions_on\"><div class=\"post\"><p>{}</p><p>Short paragraph here, with a clause.</p>\
             <figure><img src=\"a.jpg\"><figcaption>A ferry at night</figcaption></figure></div></body></html>",
            para("Ferry", 3)
        );
        let page = HtmlReader::default().read(&html);
        let labels: Vec<(&str, &Label)> = page.blocks.iter().map(|b| (b.text.as_str(), &b.label)).collect();
        assert_eq!(labels[1], ("Short paragraph here, with a clause.", &Label::Unlabelled), "{labels:?}");
        assert_eq!(labels[2], ("A ferry at night", &Label::Image), "{labels:?}");
    }

    #[test]
    fn deep_nesting_costs_no_stack() {
        let depth = 200_000;
        let page = format!(
            "<html><body>{}<p>深处的一段文字，仍然应当被读出来。</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let read = HtmlReader::default().read(&page);
        assert!(read.blocks.iter().any(|b| b.text.contains("深处的一段文字")));
    }

    #[test]
    fn nesting_is_capped_and_text_kept() {
        let page = format!("{}x{}", "<div>".repeat(600), "</div>".repeat(600));
        let (capped, removed) = prepare(&page);
        assert_eq!(removed, 600 - MAX_NESTING);
        assert_eq!(capped.matches("<div>").count(), MAX_NESTING);
        assert_eq!(capped.matches("</div>").count(), MAX_NESTING);
        assert!(capped.contains('x'));
        let shallow = "<p>a<p>b<br/>";
        assert!(matches!(prepare(shallow), (std::borrow::Cow::Borrowed(_), 0)));
        let code = r#"<p>a<script>if (a<b) {}</script><!-- <div> --><style>p{}</style><script type="application/ld+json">{}</script>"#;
        let attrs = r#"<a href="u"class=c>x</a><img src=a.jpg srcset="x 1x" alt='b' data-x=1><meta name=a content=b>"#;
        assert_eq!(prepare(attrs).0, r#"<a class=c>x</a><img src=a.jpg  alt='b' ><meta name=a content=b>"#);
        let spaced = "<div>\n   <p>a</p>\n\n</div><pre>\n  x\n  <b>y</b>\n   <i>z</i></pre>\n  <p>b</p>";
        assert_eq!(prepare(spaced).0, "<div>\n<p>a</p>\n</div><pre>\n  x\n  <b>y</b>\n   <i>z</i></pre>\n<p>b</p>");
        let odd = r#"<a title=x"y href=z>t</a><p data-a="unterminated>"#;
        assert_eq!(prepare(odd).0, odd);
        assert_eq!(
            prepare(code).0,
            r#"<p>a<script></script><style></style><script type="application/ld+json">{}</script>"#
        );
    }

    #[test]
    fn script_dates() {
        let reader = HtmlReader::default();
        let page = r#"<script>window.DATA = {"title": "x", "pubtime": "2019-09-07 19:02:26"};</script>"#;
        assert_eq!(reader.script_date(page).as_deref(), Some("2019-09-07T19:02:26"));
        assert_eq!(reader.script_date("var publishDate = '2023-3-5';").as_deref(), Some("2023-03-05"));
        let next = r#"{"publishDate": "2019-09-07T05:51:23.000Z"}"#;
        assert_eq!(reader.script_date(next).as_deref(), Some("2019-09-07T05:51:23.000Z"));
        assert_eq!(reader.script_date(r#"{"create_time": "2019-09-07 19:02:26"}"#), None);
    }

    #[test]
    fn dates_in_addresses() {
        let date = |url: &str| url_date(url);
        assert_eq!(
            date("https://www.gov.cn/zhengce/content/2023-11/30/content_5748953.htm").as_deref(),
            Some("2023-11-30")
        );
        assert_eq!(date("https://www.nytimes.com/2019/11/19/opinion/x.html").as_deref(), Some("2019-11-19"));
        assert_eq!(
            date("http://news.sina.com.cn/c/2019-09-07/doc-iicezueu4127477.shtml").as_deref(),
            Some("2019-09-07")
        );
        assert_eq!(date("http://www.example.gov.cn/xxgk/t20231130_123456.html").as_deref(), Some("2023-11-30"));
        assert_eq!(date("https://example.com/2023/1130/abc.html").as_deref(), Some("2023-11-30"));
        assert_eq!(date("https://example.com/news/202311/30/abc").as_deref(), Some("2023-11-30"));
        assert_eq!(date("https://www.thepaper.cn/newsDetail_forward_4474574"), None);
        assert_eq!(date("http://www.gov.cn/gongbao/content/2007/content_750517.htm"), None);
        assert_eq!(date("https://example.com/a/12345678.html"), None);
        assert_eq!(date("https://example.com/2019/11/"), None);
        assert_eq!(date("https://example.com/a?d=2019-11-19"), None);
    }

    #[test]
    fn markup_dates() {
        let dates = DateFinder::default();
        assert_eq!(iso_date("2023-03-23T09:30:00+08:00", &dates).as_deref(), Some("2023-03-23T09:30:00+08:00"));
        assert_eq!(iso_date("2023年3月23日 09:30", &dates).as_deref(), Some("2023-03-23T09:30:00"));
        assert_eq!(iso_date("0001-01-01T00:00:00Z", &dates), None);
        // RFC 3339's form: seconds written, the offset's colon.
        assert_eq!(iso_date("2019-11-19T13:16+0000", &dates).as_deref(), Some("2019-11-19T13:16:00+00:00"));
        assert_eq!(iso_date("2019-11-18T17:01:27.893", &dates).as_deref(), Some("2019-11-18T17:01:27.893"));
        assert_eq!(iso_date("2019-11-18T20:11:06.000Z", &dates).as_deref(), Some("2019-11-18T20:11:06.000Z"));
        assert_eq!(iso_date("2019-11-18T20:11:06 EST", &dates).as_deref(), Some("2019-11-18T20:11:06"));
        assert_eq!(iso_date("2019-11-18T20:11:06.+08:00", &dates).as_deref(), Some("2019-11-18T20:11:06"));
        let meta = |head: &str| {
            HtmlReader::default().read(&format!("<html><head>{head}</head><body><p>正文</p></body></html>")).meta
        };
        let modified = |head: &str| meta(head).modified;
        // The keys in order of trust, whatever their order in the page, and spelt as
        // sites spell them.
        let sina = r#"<meta name="weibo: article:create_at" content="2019-09-07 04:04:43">
            <meta property="article:published_time" content="2019-09-07T06:52:51+08:00">"#;
        assert_eq!(meta(sina).published.as_deref(), Some("2019-09-07T06:52:51+08:00"));
        let gov = r#"<meta name="firstpublishedtime" content="2007-08-20-23:59:59">"#;
        assert_eq!(meta(gov).published.as_deref(), Some("2007-08-20"));
        assert_eq!(
            meta(r#"<meta name="og:time " content="2019-11-25 16:04:37">"#).published.as_deref(),
            Some("2019-11-25T16:04:37")
        );
        assert_eq!(
            modified(r#"<meta itemprop="dateUpdate" content="2019-10-08 12:00:57">"#).as_deref(),
            Some("2019-10-08T12:00:57")
        );
        assert_eq!(
            modified(r#"<script type="application/ld+json">{"dateModified":"2020-01-14"}</script>"#).as_deref(),
            Some("2020-01-14")
        );
        // JSON-LD as sites write it.
        let cdata = "<script type=\"application/ld+json\">\n<![CDATA[\n[{\"datePublished\": \"2020-07-10T14:15:42+00:00\"}]\n]]>\n</script>";
        assert_eq!(meta(cdata).published.as_deref(), Some("2020-07-10T14:15:42+00:00"));
        let broken = "<script type=\"application/ld+json\">{\"headline\": \"Two\nlines\", \"datePublished\": \"2020-07-10\"}</script>";
        assert_eq!(meta(broken).published.as_deref(), Some("2020-07-10"));
        let authors = r#"<script type="application/ld+json">{"author": [{"@type": "Person", "name": "Stella Kim"}, {"name": "Jennifer Jett"}]}</script>"#;
        assert_eq!(meta(authors).author.as_deref(), Some("Stella Kim, Jennifer Jett"));
        let several = r#"<meta property="dc:creator twitter:site_name" content="Jane Doe"><meta name="author" content="Riverton Daily">"#;
        assert_eq!(meta(several).author.as_deref(), Some("Jane Doe"));
        assert_eq!(meta(r#"<meta property="og:time " content="2020-01-14">"#).published.as_deref(), Some("2020-01-14"));
        let addressed = r#"<meta property="og:site_name" content="https://www.newsnation.in/">"#;
        assert_eq!(meta(addressed).site.as_deref(), Some("www.newsnation.in"));
        // A name in capitals as another key spells it.
        let shouted = r#"<meta name="byl" content="By JANE DOE"><meta name="author" content="Jane Doe">"#;
        assert_eq!(meta(shouted).author.as_deref(), Some("Jane Doe"));
        assert_eq!(meta(r#"<meta name="byl" content="By JANE DOE">"#).author.as_deref(), Some("JANE DOE"));
    }

    #[test]
    fn relative_addresses_resolve_against_the_base() {
        let base = "https://news.example/2024/03/story.html?id=1";
        assert_eq!(resolve(base, "img/a.jpg"), "https://news.example/2024/03/img/a.jpg");
        assert_eq!(resolve(base, "../../images/a.jpg"), "https://news.example/images/a.jpg");
        assert_eq!(resolve(base, "../../../../a.jpg"), "https://news.example/a.jpg");
        assert_eq!(resolve(base, "/images/./a.jpg?w=640"), "https://news.example/images/a.jpg?w=640");
        assert_eq!(resolve(base, "//cdn.example/a.jpg"), "https://cdn.example/a.jpg");
        assert_eq!(resolve(base, "http://other.example/a.jpg"), "http://other.example/a.jpg");
        assert_eq!(resolve(base, "data:image/gif;base64,R0lGOD"), "data:image/gif;base64,R0lGOD");
        assert_eq!(resolve("https://news.example", "a.jpg"), "https://news.example/a.jpg");
        assert_eq!(resolve("https://news.example/a/b/", "./"), "https://news.example/a/b/");
        assert_eq!(resolve("not a url", "a.jpg"), "a.jpg");
    }

    #[test]
    fn titles_and_charsets() {
        assert_eq!(strip_site("江城启动旧城区雨污分流改造工程_江城新闻网"), "江城启动旧城区雨污分流改造工程");
        assert_eq!(title_rest("江城启动改造工程|公园_江城新闻网", "江城启动改造工程"), ["公园", "江城新闻网"]);
        assert_eq!(title_rest("江城启动改造工程--文化--江城网 ", "江城启动改造工程"), ["文化", "江城网"]);
        assert_eq!(title_rest("Bike lanes - Riverton Daily", "Bike lanes"), ["Riverton Daily"]);
        assert!(title_rest("Bike lanes", "Bike lanes").is_empty());
        assert!(title_rest("Riverton Daily", "Bike lanes").is_empty());
        assert_eq!(strip_site("Council approves bike lanes - Riverton Daily"), "Council approves bike lanes");
        assert_eq!(strip_site("多维博客 » 播客热潮迅速蔓延 挑逗传统传媒业"), "播客热潮迅速蔓延 挑逗传统传媒业");
        assert_eq!(strip_site("Minecraft 1.8 - Bountiful Update"), "Minecraft 1.8");
        assert_eq!(strip_site("海姑娘 | blog.wenxuecity.com"), "海姑娘");
        assert_eq!(strip_site("Outside the web · V8"), "Outside the web");
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let title = |og: Option<&str>, h1s: &[&str], h2s: &[&str], tag: &str| {
            choose_title(og.map(str::to_owned), &s(h1s), &s(h2s), Some(tag.to_owned()))
        };
        // The logo in <h1>, the headline in <h2>.
        let tag = "2024年4月全国CPI同比上涨0.3%_数据_财经网";
        assert_eq!(
            title(None, &["财经网"], &["热门", "2024年4月全国CPI同比上涨0.3%"], tag).as_deref(),
            Some("2024年4月全国CPI同比上涨0.3%")
        );
        // An <h2> that only begins the headline, or names the site, is not it.
        let tag = "Spiced Honey Pear Jam Recipe | The Anti-June Cleaver";
        assert_eq!(title(None, &[], &["Spiced Honey Pear Jam"], tag).as_deref(), Some("Spiced Honey Pear Jam Recipe"));
        assert_eq!(
            title(Some("Bike lanes approved"), &[], &["Riverton Daily"], "Bike lanes approved - Riverton Daily")
                .as_deref(),
            Some("Bike lanes approved")
        );
        // An <h1> the title ends with is the site's name; an <h1> in the title's middle is the headline.
        assert_eq!(
            title(None, &["松花江网"], &[], "土豆不“土” 土豆无“土” 松花江网").as_deref(),
            Some("土豆不“土” 土豆无“土”")
        );
        assert_eq!(
            title(None, &["Bike lanes approved"], &[], "News | Bike lanes approved | Riverton Daily").as_deref(),
            Some("Bike lanes approved")
        );
        // A title of the site's name alone; a widget's heading.
        assert_eq!(
            title(None, &["疫情一刀切政策怎么投诉举报"], &[], "-铜雀历史网").as_deref(),
            Some("疫情一刀切政策怎么投诉举报")
        );
        assert_eq!(choose_title(None, &s(&["导航", "公告"]), &[], None), None);
        assert_eq!(
            declared_charset(br#"<meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#).as_deref(),
            Some("gb2312")
        );
        assert_eq!(declared_charset(br#"<META CHARSET='GBK'>"#).as_deref(), Some("gbk"));
        assert_eq!(declared_charset(br#"<?xml version="1.0" encoding="big5"?><html>"#).as_deref(), Some("big5"));
        assert_eq!(declared_charset(br#"<script src="a.js" charset="utf-8"></script><p>"#), None);
        assert_eq!(
            declared_charset(br#"<script charset="utf-8"></script><meta charset="gb2312">"#).as_deref(),
            Some("gb2312")
        );
        assert!(looks_like_html(b"  <!DOCTYPE html><html>"));
        assert!(!looks_like_html("标题\n正文。".as_bytes()));
    }

    #[test]
    fn keywords_become_tags() {
        let list = |k: &str, headline: &str| keyword_list(k, Some(headline));
        let headline = "江城启动旧城区雨污分流改造工程";
        assert_eq!(list("雨污分流,老城区；排水", headline), ["雨污分流", "老城区", "排水"]);
        // Chinese keywords listed with spaces; Latin and Korean phrases keep theirs.
        assert_eq!(list("雨污分流 老城区 排水", headline), ["雨污分流", "老城区", "排水"]);
        assert_eq!(list("bike lanes", "Council approves bike lanes on Main Street"), ["bike lanes"]);
        assert_eq!(list("큰 나무 이야기", headline), ["큰 나무 이야기"]);
        // The headline, with or without the site's name, is no tag; a word of it is one.
        assert_eq!(list("江城启动旧城区 雨污分流改造工程-江城网", headline), Vec::<String>::new());
        assert_eq!(list("雨污分流,江城启动旧城区雨污分流改造工程", headline), ["雨污分流"]);
        assert_eq!(list("Brexit", "Brexit"), ["Brexit"]);
        // Markup and an entity's remains.
        assert_eq!(list(r#"<meta name="#, headline), Vec::<String>::new());
        assert_eq!(list("water, &quot, moon", headline), ["water", "moon"]);
    }
}
