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
//! attribute the project reads is named in this module and its parts (the metadata
//! elements are found in one pass by tag and attribute, no CSS selector engine). It
//! deliberately does not run scripts or apply CSS beyond `display:none` and `hidden`.
//!
//! The parts, in the order a page meets them: `prepare` (before parsing, code, comments,
//! unread attributes and indentation are left out), `walk` (the DOM to blocks), this
//! module (the hints read on the way, every threshold of the stage), `content` (the main
//! content and the labels outside it) and `markup` (what the markup states about the
//! page).

mod content;
mod markup;
mod prepare;
mod walk;

pub use prepare::{declared_charset, looks_like_html, prepare};

use content::{mark_slideshow, Declared};
use markup::collapse;
use walk::push_collapsed;

use crate::document::{Block, Label, Removal};
use crate::facts::Facts;
use crate::norm::units;
use crate::rules;
use ego_tree::NodeId;
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
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
/// The chrome hints that name a place of the page rather than a kind of box (a `widget`
/// may hold the article): text inside them competes at a quarter of its score.
pub const PLACES_OF_CHROME: [&str; 4] = ["comment", "sidebar", "footer", "nav"];
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

/// The HTML stage: compiled class/id hint patterns and the finders of dates and bylines.
#[derive(Debug)]
pub struct HtmlReader {
    positive: Regex,
    negative: Regex,
    facts: Facts,
    /// Print the main content's candidates on stderr (`Pipeline::traced`).
    pub(crate) trace: bool,
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
            facts: Facts::default(),
            trace: false,
        }
    }
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

impl HtmlReader {
    pub fn read(&self, source: &str) -> HtmlPage {
        let (source, flattened) = prepare(source);
        let doc = Html::parse_document(&source);
        let (meta, declared) = self.meta(&doc);
        let walk::Walked { mut raws, ranges, images, bylines: marked_bylines, under_chrome } = self.walk(&doc);
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
        let main = self.main_content(&doc, &raws, &ranges, &under_chrome, declared.as_ref());
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
        let text = self.facts.dates.find(text).map_or(text, |date| &text[..date.span.0]);
        let name = self.facts.bylines.short_line_author(text).unwrap_or_else(|| self.facts.bylines.author_name(text));
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
}
