//! The walk: the DOM in reading order to text blocks, each with what main-content
//! selection measures (units, link characters, its nearest block-level ancestors, the
//! chrome hint and caption it stands under), and the block range of every block-level
//! element. Also the page's images and the elements marked as bylines.
//!
//! The traversal is iterative (ego-tree's `traverse`): 200,000 nested `<div>`s cost no
//! stack. It does not judge what is content: `content` does, from what it gathers.

use super::*;
use ego_tree::NodeRef;

/// Elements whose text no reader sees.
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

fn is_block_level(name: &str) -> bool {
    BLOCK_LEVEL.contains(&name)
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

/// What the walk gathers from the DOM: text blocks in reading order, the block range of
/// every block-level element, the images with the block index they stand at, and the
/// elements marked as bylines with the block each opened at.
pub(super) struct Walked {
    pub(super) raws: Vec<Raw>,
    pub(super) ranges: FxHashMap<NodeId, Span>,
    pub(super) images: Vec<HtmlImage>,
    pub(super) bylines: Vec<(usize, NodeId)>,
    /// The block-level elements inside an element named as one of the PLACES_OF_CHROME.
    pub(super) under_chrome: FxHashSet<NodeId>,
}

/// The walk's state between an element's opening and its closing.
struct Walker<'r> {
    reader: &'r HtmlReader,
    text: Gather,
    ranges: FxHashMap<NodeId, Span>,
    under_chrome: FxHashSet<NodeId>,
    images: Vec<HtmlImage>,
    /// Byline elements: those open (with the block they opened at) and those closed.
    open_bylines: Vec<(usize, NodeId)>,
    bylines: Vec<(usize, NodeId)>,
    /// A skipped or hidden element being passed over.
    skip: Option<NodeId>,
    link_depth: usize,
    back_link: Option<NodeId>,
    caption_texts: Vec<String>,
    /// The open `<figure>`s, each with the number of images before it: a caption is
    /// its own figure's, not a picture's further up.
    figures: Vec<(NodeId, usize)>,
}

impl HtmlReader {
    /// The DOM in reading order, as the walker gathers it.
    pub(super) fn walk(&self, doc: &Html) -> Walked {
        let mut walker = Walker {
            reader: self,
            text: Gather::default(),
            ranges: FxHashMap::default(),
            under_chrome: FxHashSet::default(),
            images: Vec::new(),
            open_bylines: Vec::new(),
            bylines: Vec::new(),
            skip: None,
            link_depth: 0,
            back_link: None,
            caption_texts: Vec::new(),
            figures: Vec::new(),
        };
        for edge in doc.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => walker.open(node),
                ego_tree::iter::Edge::Close(node) => walker.close(node),
            }
        }
        walker.text.flush(false);
        Walked {
            raws: walker.text.raws,
            ranges: walker.ranges,
            images: walker.images,
            bylines: walker.bylines,
            under_chrome: walker.under_chrome,
        }
    }
}

impl Walker<'_> {
    fn open(&mut self, node: NodeRef<'_, Node>) {
        if self.skip.is_some() {
            return;
        }
        match node.value() {
            Node::Element(el) => self.open_element(node, el),
            Node::Text(t) => self.push_text(t),
            _ => {}
        }
    }

    fn open_element(&mut self, node: NodeRef<'_, Node>, el: &scraper::node::Element) {
        let name = el.name();
        if SKIPPED.contains(&name) || is_hidden(el) {
            self.skip = Some(node.id());
            return;
        }
        if name == "br" {
            self.text.flush(true);
        } else if name == "img" {
            let src = attr(el, "src").or_else(|| attr(el, "data-src"));
            if let Some(src) = src.filter(|_| !is_decoration(el)) {
                let alt = attr(el, "alt").map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned);
                self.images.push(HtmlImage { at: self.text.raws.len(), src: src.to_owned(), caption: alt });
            }
        } else if is_block_level(name) {
            self.open_block(node.id(), el);
        }
        if name == "a" {
            // A link back to the site glued to a paragraph's end (`……。返回搜狐，查看更多`)
            // is a block of its own.
            if self.link_depth == 0 && self.text.chars > 0 {
                let link: String = ElementRef::wrap(node).map_or_else(String::new, |a| a.text().collect());
                if is_back_link(&link) {
                    self.text.flush(false);
                    self.back_link = Some(node.id());
                }
            }
            self.link_depth += 1;
        }
        if self.reader.is_byline(el) {
            self.open_bylines.push((self.text.raws.len(), node.id()));
        }
    }

    /// A block-level element opens: the block before it ends, and what it encloses
    /// (a paragraph, a caption, a heading, a chrome hint, a figure) is noted.
    fn open_block(&mut self, id: NodeId, el: &scraper::node::Element) {
        let name = el.name();
        self.text.flush(false);
        let caption = self.reader.is_caption(el);
        self.text.caption_depth += usize::from(caption);
        self.text.open_blocks.push(OpenBlock {
            id,
            paragraph: PARAGRAPHS.contains(&name),
            caption,
            heading: matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"),
        });
        self.ranges.insert(id, (self.text.raws.len(), self.text.raws.len()));
        if self.text.chrome.iter().any(|(_, hint)| PLACES_OF_CHROME.contains(hint)) {
            self.under_chrome.insert(id);
        }
        if let Some(hint) = self.reader.chrome_hint(el) {
            self.text.chrome.push((id, hint));
        }
        if name == "figure" {
            self.figures.push((id, self.images.len()));
        }
        if name == "figcaption" {
            self.caption_texts.clear();
            self.text.figcaption_depth += 1;
        }
    }

    fn push_text(&mut self, t: &str) {
        self.text.push(t);
        if self.link_depth > 0 {
            self.text.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
        }
        if self.text.caption_depth > 0 {
            self.caption_texts.push(t.trim().to_owned());
        }
    }

    fn close(&mut self, node: NodeRef<'_, Node>) {
        if let Some(id) = self.skip {
            if id == node.id() {
                self.skip = None;
            }
            return;
        }
        let Node::Element(el) = node.value() else { return };
        let name = el.name();
        if name == "a" {
            self.link_depth = self.link_depth.saturating_sub(1);
            if self.back_link == Some(node.id()) {
                self.text.flush(false);
                self.back_link = None;
            }
        }
        if self.open_bylines.last().is_some_and(|&(_, id)| id == node.id()) {
            self.bylines.extend(self.open_bylines.pop());
        }
        if is_block_level(name) {
            self.close_block(node.id(), name);
        }
    }

    /// A block-level element closes: its block ends, its range is complete, and a
    /// `<figcaption>`'s text becomes its figure's last image's caption.
    fn close_block(&mut self, id: NodeId, name: &str) {
        self.text.flush(false);
        if self.text.open_blocks.last().is_some_and(|open| open.id == id) {
            let open = self.text.open_blocks.pop();
            if open.is_some_and(|open| open.caption) {
                self.text.caption_depth -= 1;
            }
        }
        if self.text.chrome.last().is_some_and(|(open, _)| *open == id) {
            self.text.chrome.pop();
        }
        if let Some(range) = self.ranges.get_mut(&id) {
            range.1 = self.text.raws.len();
        }
        if name == "figcaption" {
            self.text.figcaption_depth = self.text.figcaption_depth.saturating_sub(1);
            let caption = self.caption_texts.join(" ").trim().to_owned();
            self.caption_texts.clear();
            let before = self.figures.last().map_or(0, |&(_, before)| before);
            if let Some(image) = self.images.get_mut(before..).and_then(<[_]>::last_mut) {
                if !caption.is_empty() {
                    image.caption = Some(caption);
                }
            }
        }
        if self.figures.last().is_some_and(|&(open, _)| open == id) {
            self.figures.pop();
        }
    }
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
pub(super) fn push_collapsed(buf: &mut String, text: &str) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_back_to_the_site() {
        assert!(is_back_link("返回富达，查看更多") && is_back_link("返回腾讯网首页>>"));
        assert!(!is_back_link("返回首页") && !is_back_link("返回搜狐"));
    }
}
