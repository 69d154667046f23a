//! Labels every block of a page: title, lead, body, image, tags, or removed with a rule.
//!
//! Takes the blocks of one page (from `segment` or `html`) and returns them labelled, with
//! the metadata their text states. Signals, none enough alone:
//! - wording: furniture such as `标签:`, `相关阅读`, credits, prompts (`patterns`);
//! - the article core: long sentence-shaped blocks that share vocabulary with the title
//!   and with each other (`topic`), which also fixes the article's span on the page;
//! - position: before the core, inside it, after it, after an end marker;
//! - shape: truncation, headline shape (short, no sentence punctuation), list numbers;
//! - topic overlap of each block with the title and core.
//!
//! Inside the article span only wording, truncation or a nearly nil overlap remove a
//! block, so short headings, one-phrase lines, Q&A and lists of the article survive.
//! Repeats are left to `dedupe`, which runs next.

mod judge;

use judge::Context;
pub mod lexicon;
pub mod patterns;
mod shapes;
pub mod thread;
pub mod topic;

use crate::document::{Block, Label, Region};
use crate::facts::byline::{is_bare_label, next_label};
use crate::facts::date::has_publishing_label;
use crate::facts::url::is_bare_domain;
use crate::facts::{Facts, FoundDate};
use crate::norm::{ends_sentence, has_sentence_punct, is_letter, normalize, truncation_mark, units};
use crate::rules::{self, Rule};
use patterns::{Furniture, Patterns, SHORT_FURNITURE_UNITS};
use topic::{Bag, Topic};

/// The title is looked for among the first blocks that are not furniture.
pub const TITLE_WINDOW: usize = 5;
/// Bounds of a title's size in units (see `norm::units`).
pub const TITLE_MIN_UNITS: usize = 2;
pub const TITLE_MAX_UNITS: usize = 90;
/// A first line that ends like a sentence is still the title up to this size (English
/// headlines such as "Stock Falls. Why You Shouldn't Worry."); longer, it is a paragraph.
pub const TITLE_SENTENCE_MAX_UNITS: usize = 40;
/// Core paragraphs: long, sentence-shaped, and sharing this much with title and core.
pub const CORE_MIN_UNITS: usize = 24;
pub const CORE_MIN_OVERLAP: f64 = 0.12;
/// Core paragraphs have at least this many distinct topic tokens: an English headline of
/// a dozen words has fewer once function words are gone.
pub const CORE_MIN_TOKENS: usize = 6;
/// After an end marker only a paragraph this close to the article's topic, and (in a
/// text dump) this long, resumes it: a teaser list's headlines are shorter.
pub const CORE_AFTER_MARKER_OVERLAP: f64 = 0.3;
pub const RESUME_MIN_UNITS: usize = 48;
/// A cut-off line is a foreign teaser below this overlap. Calibrated on the development
/// corpus: 95% of other articles' lines share less than 0.29 with an article, while
/// only 5% of an article's own lines share less than 0.15 with the rest of it.
pub const TEASER_MAX_OVERLAP: f64 = 0.25;
/// Inside the article, where a cut-off line is most likely the article's own (a quote
/// trailing off with ……), only a lower overlap marks it foreign.
pub const INSIDE_TEASER_MAX_OVERLAP: f64 = 0.12;
/// A cut-off line outside the article's core is its own text (a teaser, or a sentence
/// that trails off) from this overlap on.
pub const LEAD_MIN_OVERLAP: f64 = 0.5;
/// Headline shape: at most this many units and no sentence punctuation.
pub const HEADLINE_MAX_UNITS: usize = 48;
/// After noise in the tail a short line stays only from this overlap on.
pub const HEADLINE_MAX_OVERLAP: f64 = 0.34;
/// Beside the article a headline-like line (see `is_headline_like`) below this overlap
/// is another article's; at most 10% of other articles' lines share more, while the
/// article's own closing lines that are headline-like usually share more.
pub const ADJACENT_HEADLINE_MAX_OVERLAP: f64 = 0.1;
/// Title Case is judged on lines of at least this many words.
pub const TITLE_CASE_MIN_WORDS: usize = 4;
/// The headline of the core shares at least this many topic tokens with it, and half its own.
pub const HEADLINE_MIN_SHARED: usize = 2;
/// Headline-like lines have at least this many units: a name or a credit is shorter.
pub const HEADLINE_MIN_UNITS: usize = 8;
/// After a teaser in the tail a sentence below this overlap is another article's. At 0.1
/// a quarter of other articles' sentences stay, but only 3% of an article's own lines
/// (dev corpus) would go, and a teaser list rarely holds whole sentences.
pub const OFF_TOPIC_MAX_OVERLAP: f64 = 0.1;
pub const OFF_TOPIC_MIN_UNITS: usize = 10;
/// Metadata lines (date, source, byline) are looked for before the article core and
/// within this many blocks after the title.
pub const META_WINDOW: usize = 3;
/// Page numbers in a row (`1 2 3 … 14` under a gallery) from this many on are a pager.
pub const PAGER_MIN_NUMBERS: usize = 3;
/// Blocks of one letter in a row from this many on are a label set vertically.
pub const VERTICAL_MIN_CHARS: usize = 3;
/// What a block outside the core costs the article's span, in units (a core block adds its
/// own): a line, and an end marker.
pub const SPAN_LINE_PENALTY: i64 = 8;
pub const SPAN_MARKER_PENALTY: i64 = 48;
/// A line this long outside the core costs nothing: a paragraph's hard-wrapped part.
pub const SPAN_TEXT_MIN_UNITS: usize = 16;
/// After the span a paragraph on the topic within this many blocks of the last core
/// block is still the article's.
pub const SPAN_TAIL_GAP: usize = 16;
/// In a text dump, once an end marker has closed the article, a paragraph on its topic
/// resumes it within this many blocks of its last core block; farther down, only when it
/// opens a run of on-topic paragraphs or the on-topic text from it on outweighs the
/// article's so far. One blurb far below (an ad, a sidebar's teaser, a slideshow's
/// caption) shares the article's words but is no part of it. Measured: 6 to 10 gave the
/// same gain on half the dump sets; 16 (as SPAN_TAIL_GAP) gained less.
pub const RESUME_MAX_GAP: usize = 8;
/// On-topic text before the span, from one SPAN_HEAD_SHARE-th of the span's on, is the
/// article's beginning (a text in pieces), not a sidebar.
pub const SPAN_HEAD_SHARE: usize = 3;
/// In a text dump, a line more than this many blocks above the core is the page's
/// masthead unless it, or a line beside it, shares the article's words (a table of
/// contents does). An article's dateline, byline, dek and captions stand closer.
pub const MASTHEAD_MIN_DISTANCE: usize = 16;
/// Lines shorter than this have no measurable topic; they follow their neighbours.
pub const SHORT_KEEP_UNITS: usize = 8;
/// In a text dump, short lines off the topic in a row from this many on, before the
/// article, are a menu set one item a line (`Home` `News` `Sports`, `首页` `国内` `国际`),
/// as renderers lay out a site's navigation. Set before measuring, not tuned: two items
/// may be a date and a byline, three are a list.
pub const MENU_RUN_MIN_LINES: usize = 3;
/// After the article, a menu set one item a line is a run of this many short lines off
/// the topic: an article's own closing list (sources, credits, a recipe's last steps)
/// may stand there. Measured: runs of 3 took such lists (the assembled pages lost exact
/// records), runs of 5 raised every dump set.
pub const TAIL_MENU_RUN_MIN_LINES: usize = 5;
/// A menu item has at most this many units: four words, eight Han characters. Set
/// before measuring, as SHORT_KEEP_UNITS is: below it a line has no measurable topic.
pub const MENU_ITEM_MAX_UNITS: usize = 8;

/// What the classifier knows of a page beyond its blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout<'a> {
    /// A text dump: the title is among the blocks, teaser lists follow the article.
    Text,
    /// The main content of an HTML page: the markup names the headline (empty when it
    /// names none) and has already removed link lists.
    Html { headline: &'a str },
}

/// Metadata the page states in its text.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PageMeta {
    pub published: Option<String>,
    /// The first date labelled as the page's update (`最后更新：…`): the publication
    /// date's stand-in when no line states that.
    pub updated: Option<String>,
    pub author: Option<String>,
    pub site: Option<String>,
}

impl PageMeta {
    /// What a metadata line states: the first date of its kind, author and site count.
    fn offer(&mut self, stated: Stated) {
        if let Some(FoundDate { iso: Some(iso), updated, .. }) = stated.date {
            let kind = if updated { &mut self.updated } else { &mut self.published };
            kind.get_or_insert(iso);
        }
        if let Some(author) = stated.author {
            self.author.get_or_insert(author);
        }
        if let Some(site) = stated.site {
            self.site.get_or_insert(site);
        }
    }
}

/// What one metadata line states, for the page's metadata.
#[derive(Debug, Default)]
struct Stated {
    date: Option<FoundDate>,
    author: Option<String>,
    site: Option<String>,
}

/// What the classifier measures of each block.
#[derive(Debug)]
struct Features {
    units: usize,
    truncated: Option<&'static str>,
    sentence: bool,
    headline: bool,
    tokens: Vec<u64>,
    furniture: Option<Furniture>,
    /// English Title Case: a headline, never an article paragraph.
    title_case: bool,
}

/// The classification stage. Holds only its compiled patterns and stop lists.
#[derive(Debug, Default)]
pub struct Classifier {
    patterns: Patterns,
    topic: Topic,
    facts: Facts,
    /// Print every block's measurements on stderr (`Pipeline::traced`).
    pub(crate) trace: bool,
}

fn fmt_overlap(o: Option<f64>) -> String {
    o.map_or_else(|| "unmeasured".to_owned(), |o| format!("{o:.2}"))
}

impl Classifier {
    fn features(&self, block: &Block) -> Features {
        let (text, units) = (block.text.as_str(), block.units);
        let sentence = has_sentence_punct(text);
        let truncated = truncation_mark(text);
        Features {
            units,
            truncated,
            sentence,
            headline: !sentence && truncated.is_none() && units <= HEADLINE_MAX_UNITS,
            tokens: self.topic.tokens(text),
            furniture: self.patterns.furniture(text, units),
            title_case: is_title_case(text),
        }
    }

    /// Labels every block and returns the metadata found on the way. A text dump's
    /// paragraph broken over several lines (a renderer's hard wrap, or a line break at
    /// each link) is measured and labelled as one: its parts alone are too short to read.
    pub fn classify(&self, blocks: &mut [Block], layout: Layout) -> PageMeta {
        let parts = match layout {
            Layout::Text => paragraph_parts(blocks),
            Layout::Html { .. } => Vec::new(),
        };
        if parts.len() == blocks.len() || parts.is_empty() {
            return self.classify_blocks(blocks, layout);
        }
        // A part's units are its lines' (a space parts them), so they are summed, not
        // measured again.
        let mut paragraphs: Vec<Block> = parts
            .iter()
            .map(|range| {
                let lines = &blocks[range.clone()];
                let mut text = String::with_capacity(lines.iter().map(|b| b.text.len() + 1).sum());
                for (k, b) in lines.iter().enumerate() {
                    if k > 0 {
                        text.push(' ');
                    }
                    text.push_str(&b.text);
                }
                Block::measured(lines[0].line, text, lines.iter().map(|b| b.units).sum())
            })
            .collect();
        let meta = self.classify_blocks(&mut paragraphs, layout);
        for (range, paragraph) in parts.into_iter().zip(paragraphs) {
            for block in &mut blocks[range] {
                block.label = paragraph.label.clone();
                block.region = paragraph.region;
            }
        }
        meta
    }

    fn classify_blocks(&self, blocks: &mut [Block], layout: Layout) -> PageMeta {
        let feats: Vec<Features> = blocks.iter().map(|b| self.features(b)).collect();
        // In a text dump, a comment thread under the article: the title and the
        // article's span are sought above it.
        let thread = match layout {
            Layout::Text => thread::find_thread(blocks, &feats),
            Layout::Html { .. } => None,
        };
        let end = thread.map_or(blocks.len(), |t| t.start);
        let (article, article_feats) = (&blocks[..end], &feats[..end]);
        let title = match layout {
            Layout::Html { headline } => find_headline(blocks, headline),
            Layout::Text => self.find_title(article, article_feats),
        };
        let (mut core, mut bag) = find_core(article_feats, title, layout);
        let mut title = title;
        if layout == Layout::Text {
            let headline = headline_of_core(article, article_feats, &core, &bag, title);
            if headline.is_some() && headline != title {
                title = headline;
                (core, bag) = find_core(article_feats, title, layout);
            }
        }
        core.resize(blocks.len(), false);
        // Measured where a rule asks: a core paragraph's own overlap rarely matters.
        let overlap = |i: usize| bag.overlap(&feats[i].tokens, core[i] || Some(i) == title);

        if self.trace {
            debug_dump(blocks, &feats, &core, &(0..blocks.len()).map(overlap).collect::<Vec<_>>());
        }
        let pager = pager_numbers(blocks);
        let vertical = vertical_labels(blocks);
        let first_core = core.iter().position(|&c| c);
        let last_core = core.iter().rposition(|&c| c);
        // Only a text dump lays a menu out one item a line (HTML's markup has removed it),
        // and only outside the article's core: the blocks measured are those. After the
        // core (a footer's links, a sidebar's sections) an article's own closing list may
        // stand: longer runs only, of a link's plain name or a known menu link (`Privacy
        // policy`), not a line of the article's own furniture (a credit, a link to the
        // next article) nor one with a digit (a poll's results, a score).
        let mut menus = Vec::new();
        if let (Layout::Text, Some(first), Some(last)) = (layout, first_core, last_core) {
            menus = vec![None; blocks.len()];
            menus[..first].copy_from_slice(&menu_runs(&feats[..first], MENU_RUN_MIN_LINES, overlap, |_| true));
            let plain = |i: usize| {
                matches!(feats[i].furniture, None | Some(Furniture::Navigation | Furniture::SharePrompt))
                    && !blocks[i].text.bytes().any(|b| b.is_ascii_digit())
            };
            let tail = menu_runs(
                &feats[last + 1..],
                TAIL_MENU_RUN_MIN_LINES,
                |j| overlap(last + 1 + j),
                |j| plain(last + 1 + j),
            );
            menus[last + 1..].copy_from_slice(&tail);
        }
        // In a text dump, the headline the core belongs to, when it stands above the core:
        // what is above it is the page's masthead.
        let headline = match (layout, title, first_core) {
            (Layout::Text, Some(t), Some(c)) if t < c => Some(restated(blocks, t, c)),
            _ => None,
        };
        // In a text dump, the lines far above the core that neither share the article's
        // words nor stand beside one that does: the masthead, when no headline says so.
        let masthead = |i: usize| {
            let topical = |j: usize| overlap(j).is_some_and(|o| o >= HEADLINE_MAX_OVERLAP);
            layout == Layout::Text
                && first_core.is_some_and(|c| i + MASTHEAD_MIN_DISTANCE < c)
                && Some(i) != title
                && !(i.saturating_sub(1)..(i + 2).min(feats.len())).any(topical)
        };
        let mut meta = PageMeta::default();
        let mut ended: Option<usize> = None;
        // A comment section's header ends the article for good: comments on the story
        // share its words, and would pass for its paragraphs.
        let mut comments_began = false;
        let mut tail_noise: Option<usize> = None;
        let mut seen_body = false;
        for i in 0..blocks.len() {
            let f = &feats[i];
            let place = region(i, first_core.zip(last_core), title);
            let near_title = title.is_some_and(|t| i > t && i - t <= META_WINDOW);
            let after_core = last_core.is_some_and(|b| i == b + 1);
            let context = Context { place, near_title, after_core, html: layout != Layout::Text };
            let label = if let Some(t) = thread.filter(|t| i >= t.start) {
                let (line, marks) = (blocks[t.start].line, t.marks);
                removed(
                    &rules::COMMENT_THREAD,
                    format!("in the comment thread from line {line}: {marks} post heads and buttons in a row"),
                )
            } else if Some(i) == title {
                title_label(&blocks[i].text, layout)
            } else if let Some(run) = pager[i] {
                removed(&rules::NAVIGATION, format!("page number in a run of {run} counting up by one"))
            } else if let Some(furniture) = &f.furniture {
                let article_started = first_core.map_or(seen_body, |a| i > a);
                if furniture.ends_article() && article_started {
                    ended.get_or_insert(blocks[i].line);
                    // Also after a related list's header: the comments may follow it.
                    comments_began |= furniture.is_comment_header();
                }
                let head = place == Region::Head || near_title;
                let (label, stated) = self.furniture_label(furniture, &blocks[i].text, head);
                meta.offer(stated);
                label
            } else if let Some(marker_line) = ended {
                if !comments_began && core[i] && overlap(i).is_some_and(|o| o >= CORE_AFTER_MARKER_OVERLAP) {
                    ended = None;
                    Label::Body
                } else {
                    removed(&rules::AFTER_END_MARKER, format!("follows the end marker at line {marker_line}"))
                }
            } else if core[i] {
                Label::Body
            } else if let Some(run) = vertical[i].filter(|_| place != Region::Inside) {
                // Outside the article: inside, a wiki's linked words stand one a block.
                removed(&rules::NAVIGATION, format!("one character of a label set vertically, a run of {run}"))
            } else if let Some((stated, reason)) = self.head_metadata(&blocks[i].text, f, context) {
                meta.offer(stated);
                removed(&rules::METADATA_LINE, reason)
            } else if let Some(t) = headline.filter(|&t| i < t) {
                removed(&rules::BEFORE_HEADLINE, format!("above the headline at line {}", blocks[t].line))
            } else if masthead(i) {
                let (core_line, away) = first_core.map_or((0, 0), |c| (blocks[c].line, c - i));
                removed(
                    &rules::BEFORE_HEADLINE,
                    format!("{away} blocks above the core at line {core_line}, off its topic"),
                )
            } else if let Some(run) = menus.get(i).copied().flatten() {
                let side = if first_core.is_some_and(|c| i < c) { "before" } else { "after" };
                removed(
                    &rules::NAVIGATION,
                    format!("a menu's item, one of {run} short lines in a row {side} the article"),
                )
            } else {
                self.judge(&blocks[i].text, f, overlap(i), context, tail_noise)
            };
            seen_body |= label == Label::Body;
            if place == Region::Tail
                && tail_noise.is_none()
                && matches!(&label, Label::Removed(r) if starts_teaser_list(r.rule))
            {
                tail_noise = Some(blocks[i].line);
            }
            blocks[i].label = label;
            blocks[i].region = place;
        }
        meta.author = match meta.author.take() {
            Some(author) => Some(self.with_stacked_credits(blocks, author)),
            None => self.credited_in_body(blocks),
        };
        meta
    }

    /// Credit lines stacked one role a line (`本报实习生 张三` over `本报记者 李四`) name the
    /// writers together: the lines under the byline that gave the author join it.
    fn with_stacked_credits(&self, blocks: &[Block], mut author: String) -> String {
        let byline = |b: &Block| matches!(&b.label, Label::Removed(r) if r.rule == &rules::METADATA_LINE);
        let credit = |b: &Block| byline(b).then(|| self.facts.bylines.writer_credit(&b.text)).flatten();
        if let Some(at) = blocks.iter().position(|b| credit(b).as_ref() == Some(&author)) {
            for names in blocks[at + 1..].iter().map_while(credit) {
                if !author.contains(&names) {
                    author.push(' ');
                    author.push_str(&names);
                }
            }
        }
        author
    }

    /// Without a byline line: the reporters the article's dateline names in brackets, or
    /// its last line credits (`记者 刘涛`, `……。（记者 张三）`).
    fn credited_in_body(&self, blocks: &[Block]) -> Option<String> {
        let mut body = blocks.iter().filter(|b| b.label == Label::Body);
        let first = body.next();
        first.and_then(|b| self.facts.bylines.reporter_in(&b.text)).or_else(|| {
            let last = body.next_back().or(first)?;
            self.facts.bylines.closing_credit(&last.text)
        })
    }

    /// The first headline-shaped block among the first TITLE_WINDOW that are not furniture.
    fn find_title(&self, blocks: &[Block], feats: &[Features]) -> Option<usize> {
        (0..feats.len()).filter(|&i| feats[i].furniture.is_none()).take(TITLE_WINDOW).find(|&i| {
            let (f, text) = (&feats[i], &blocks[i].text);
            // Sites cut long headlines too: a short cut-off first line is the title.
            let cut_headline = i == 0 && f.units <= TITLE_SENTENCE_MAX_UNITS;
            (TITLE_MIN_UNITS..=TITLE_MAX_UNITS).contains(&f.units)
                && (f.truncated.is_none() || cut_headline)
                && (!ends_sentence(text) || f.units <= TITLE_SENTENCE_MAX_UNITS)
                && self.facts.dates.metadata_date(text).is_none()
                && self.facts.bylines.byline(text).is_none()
        })
    }

    /// The label of a furniture line, and what it says put into `meta`. A source, counts,
    /// share, credit or menu line at the `head` (before the core or near the title) may
    /// be the page's metadata line too, with the date, author and source
    /// (`来源：新华网 | 2023-03-23 09:30`, `作者：张三 发表时间：2005-3-21 点击：1234`,
    /// `时间：2005-03-21 | 来源：新浪 | 编辑：张三 | 评论(12) | 分享到`).
    fn furniture_label(&self, furniture: &Furniture, text: &str, head: bool) -> (Label, Stated) {
        let metadata_line = matches!(
            furniture,
            Furniture::Counter | Furniture::SharePrompt | Furniture::EditorCredit | Furniture::Navigation
        );
        let mut stated = match (head && metadata_line).then(|| self.facts.dates.find(text)).flatten() {
            Some(date) => Stated {
                date: Some(date),
                author: self.facts.bylines.author_in(text),
                site: self.facts.bylines.source_in(text),
            },
            None => Stated::default(),
        };
        let label = match furniture {
            Furniture::Image => Label::Image,
            Furniture::Tags(tags) if !tags.is_empty() => Label::Tags(tags.clone()),
            Furniture::Tags(_) => removed(&rules::END_MARKER, "tag line with no tags: ends the article".into()),
            Furniture::EndMarker(header) if furniture.is_comment_header() => {
                removed(&rules::END_MARKER, format!("header '{header}' introduces the comments"))
            }
            Furniture::EndMarker(header) => {
                removed(&rules::END_MARKER, format!("header '{header}' introduces other articles"))
            }
            Furniture::RelatedLink => removed(&rules::RELATED_LINK, "starts with a related-reading label".into()),
            Furniture::SharePrompt => removed(&rules::SHARE_PROMPT, "share, follow or subscribe prompt".into()),
            Furniture::EditorCredit => removed(&rules::EDITOR_CREDIT, "editor credit: ends the article".into()),
            Furniture::Source(site) => {
                // The site ends where a separator, a date or another label begins (`新华网 |
                // 2023-03-23`, `新华网 作者：张三`).
                let date = self.facts.dates.find(site);
                let date_at = date.as_ref().map(|d| d.span.0);
                if head {
                    stated.date = date;
                    stated.author = self.facts.bylines.author_in(site);
                }
                let bar = site.find(['|', '｜', '丨']);
                let end = bar.into_iter().chain(date_at).chain(next_label(site)).min().unwrap_or(site.len());
                let site = site[..end].trim();
                if !site.is_empty() {
                    stated.site = Some(site.to_owned());
                }
                removed(&rules::SOURCE_LINE, format!("names the source '{site}'"))
            }
            Furniture::Disclaimer => removed(&rules::DISCLAIMER, "copyright or disclaimer wording".into()),
            Furniture::PrevNext => removed(&rules::PREV_NEXT_LINK, "link to the previous or next article".into()),
            Furniture::Navigation => {
                removed(&rules::NAVIGATION, format!("breadcrumb, menu or page control ({} units)", units(text)))
            }
            Furniture::Counter => removed(&rules::METADATA_LINE, "view, comment or like counts".into()),
        };
        (label, stated)
    }
}

/// The headline the article's core belongs to: the title found by shape when it shares
/// the core's topic, else of the headline-shaped blocks before the core the one sharing
/// most topic tokens with it (the nearest on a tie). A date line or a byline shares too
/// few of the article's words to pass.
fn headline_of_core(
    blocks: &[Block],
    feats: &[Features],
    core: &[bool],
    bag: &Bag,
    title: Option<usize>,
) -> Option<usize> {
    let first = core.iter().position(|&c| c)?;
    if let Some(t) = title.filter(|&t| t < first && heads(bag, &feats[t].tokens, true)) {
        return Some(t);
    }
    (0..first)
        .filter(|&i| {
            let (f, text) = (&feats[i], &blocks[i].text);
            f.furniture.is_none()
                && (TITLE_MIN_UNITS..=TITLE_MAX_UNITS).contains(&f.units)
                && f.truncated.is_none()
                && !text.trim_end_matches(['"', '”', '’', '\'', ')', '）']).ends_with(['.', '。'])
                && heads(bag, &f.tokens, false)
        })
        .map(|i| (bag.shared(&feats[i].tokens, false), i))
        .max()
        .map(|(_, i)| i)
}

/// Where headline `t` stands again above the core (which begins at `first`), else `t`:
/// a dump opens with the page's `<title>`, the headline with the site's name after it,
/// and sets the headline itself over the article, the masthead between them. The
/// restated line says the same, or is the start of it and half its length at least. The
/// first such line: a later one is a link to the article under it (`See original
/// here:`); and not the next, which repeats the headline with no masthead between.
fn restated(blocks: &[Block], t: usize, first: usize) -> usize {
    let want = headline_key(&blocks[t].text);
    (t + 2..first)
        .find(|&i| {
            let have = headline_key(&blocks[i].text);
            !have.is_empty() && want.starts_with(&have) && have.len() * 2 >= want.len()
        })
        .unwrap_or(t)
}

/// Whether a headline's `tokens` name the topic of `bag`: at least HEADLINE_MIN_SHARED
/// of them, and half, are in it (`is_member`: the headline's own tokens are).
fn heads(bag: &Bag, tokens: &[u64], is_member: bool) -> bool {
    let shared = bag.shared(tokens, is_member);
    shared >= HEADLINE_MIN_SHARED && shared * 2 >= tokens.len()
}

/// The article's span in a text dump: the run of blocks with the most on-topic text, where
/// a `core` block counts its units and any other block takes SPAN_LINE_PENALTY off
/// (SPAN_MARKER_PENALTY for an end marker), so a menu or a list of posts parts two runs
/// of text and a caption or a subhead does not. A long line (a paragraph's hard-wrapped
/// part) costs nothing. After a comment header text counts half:
/// a long thread outweighs a short post, but a thread is not the article.
fn main_span(feats: &[Features], core: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
    let (mut best, mut best_sum) = (None, 0);
    let (mut start, mut sum) = (0, 0);
    let mut comments = false;
    for (i, f) in feats.iter().enumerate() {
        let marker = f.furniture.as_ref().filter(|f| f.ends_article());
        comments = comments || marker.is_some_and(Furniture::is_comment_header);
        let score = if core(i) {
            f.units as i64 / if comments { 2 } else { 1 }
        } else if marker.is_some() {
            -SPAN_MARKER_PENALTY
        } else if f.units >= SPAN_TEXT_MIN_UNITS && f.furniture.is_none() && !f.title_case {
            0
        } else {
            -SPAN_LINE_PENALTY
        };
        if sum <= 0 {
            (start, sum) = (i, score);
        } else {
            sum += score;
        }
        if sum > best_sum {
            (best, best_sum) = (Some((start, i)), sum);
        }
    }
    best
}

/// The blocks of a text dump grouped into paragraphs: a line continues the part above it
/// when nothing parts them (no blank line), the part is longer than a menu item (a header
/// or a name starts none) and its last line ends neither a sentence nor a label (`Photo:`),
/// and the line begins as a continuation does: with a lowercase letter or a comma, stop
/// or closing bracket, not with `o ` (the bullet text browsers set before a nested list's
/// item) or an address.
fn paragraph_parts(blocks: &[Block]) -> Vec<std::ops::Range<usize>> {
    let continues = |above: &Block, part_units: usize, line: &Block| {
        line.line == above.line + 1
            && line.text.chars().next().is_some_and(|c| c.is_lowercase() || matches!(c, ',' | '.' | ';' | ':' | ')'))
            && part_units > MENU_ITEM_MAX_UNITS
            && !ends_sentence(&above.text)
            && !above.text.ends_with([':', '：'])
            && truncation_mark(&above.text).is_none()
            && !line.text.starts_with("o ")
            && !line.text.split_whitespace().next().is_some_and(|word| word.contains("://") || word.starts_with("www."))
    };
    let mut parts: Vec<std::ops::Range<usize>> = Vec::with_capacity(blocks.len());
    let mut part_units = 0;
    for (i, line) in blocks.iter().enumerate() {
        match parts.last_mut() {
            Some(last) if continues(&blocks[i - 1], part_units, line) => {
                last.end = i + 1;
                part_units += line.units;
            }
            _ => {
                parts.push(i..i + 1);
                part_units = line.units;
            }
        }
    }
    parts
}

/// For each block that is a page number of a pager, the length of its run: blocks that are
/// each a bare number counting up by one (`1`, `2`, `3`), at least PAGER_MIN_NUMBERS long.
fn pager_numbers(blocks: &[Block]) -> Vec<Option<usize>> {
    let numbers: Vec<Option<u32>> =
        blocks.iter().map(|b| if b.text.len() <= 4 { b.text.parse().ok() } else { None }).collect();
    runs(blocks.len(), PAGER_MIN_NUMBERS, |start, i| {
        numbers[start].is_some_and(|first| numbers[i] == Some(first + (i - start) as u32))
    })
}

/// For each block in a run of VERTICAL_MIN_CHARS or more blocks of one letter each (a
/// box's label set vertically, `今` `日` `推` `荐`), the run's length.
fn vertical_labels(blocks: &[Block]) -> Vec<Option<usize>> {
    let one = |b: &Block| {
        let mut chars = b.text.chars();
        chars.next().is_some_and(crate::norm::is_letter) && chars.next().is_none()
    };
    runs(blocks.len(), VERTICAL_MIN_CHARS, |_, i| one(&blocks[i]))
}

/// For each block in a run of `min` or more menu items, the run's length. An item passes
/// `also` and is a short line (at most MENU_ITEM_MAX_UNITS) without a sentence's
/// punctuation that shares less than ADJACENT_HEADLINE_MAX_OVERLAP with the article (or
/// too little to measure): a table of contents or the article's own list shares its
/// words.
fn menu_runs(
    feats: &[Features],
    min: usize,
    overlap: impl Fn(usize) -> Option<f64>,
    also: impl Fn(usize) -> bool,
) -> Vec<Option<usize>> {
    let item = |i: usize| {
        let f = &feats[i];
        also(i)
            && f.units <= MENU_ITEM_MAX_UNITS
            && !f.sentence
            && f.truncated.is_none()
            && overlap(i).is_none_or(|o| o < ADJACENT_HEADLINE_MAX_OVERLAP)
    };
    runs(feats.len(), min, |_, i| item(i))
}

/// For each of `count` blocks in a run of at least `min`, the run's length. Block `i`
/// joins the run that begins at block `start` when `joins(start, i)` (the first must
/// join its own).
fn runs(count: usize, min: usize, joins: impl Fn(usize, usize) -> bool) -> Vec<Option<usize>> {
    let mut lengths = vec![None; count];
    let mut start = 0;
    while start < count {
        let end = (start..count).find(|&i| !joins(start, i)).unwrap_or(count);
        if end - start >= min {
            lengths[start..end].fill(Some(end - start));
        }
        start = end.max(start + 1);
    }
    lengths
}

/// With tracing on: the classifier's measurements of every block, on stderr.
fn debug_dump(blocks: &[Block], feats: &[Features], core: &[bool], overlap: &[Option<f64>]) {
    for (i, f) in feats.iter().enumerate() {
        let text: String = blocks[i].text.chars().take(40).collect();
        let ov = overlap[i].map(|o| (o * 100.0).round());
        eprintln!("{:>3} core={} ov={ov:?} units={} tok={} {text}", blocks[i].line, core[i], f.units, f.tokens.len());
    }
}

/// The block repeating a headline stated apart from the text, among the first blocks.
fn find_headline(blocks: &[Block], headline: &str) -> Option<usize> {
    let want = headline_key(headline);
    if want.is_empty() {
        return None;
    }
    blocks.iter().take(TITLE_WINDOW * 2).position(|b| {
        let have = headline_key(&b.text);
        have == want
            || (have.len() * 5 >= want.len() * 4
                && (want.contains(&have) || have.contains(&want))
                && have.len() <= want.len() * 5 / 4)
    })
}

/// A headline as compared with the markup's: normalised, with curly quotes and dashes
/// straight (`‘Star Wars’` in the page, `'Star Wars'` in `og:title`).
fn headline_key(text: &str) -> String {
    let straight = |c: char| match c {
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '“' | '”' | '„' | '‟' | '″' => '"',
        '–' | '—' => '-',
        c => c,
    };
    let key = normalize(text);
    if key.chars().all(|c| straight(c) == c) {
        return key;
    }
    key.chars().map(straight).collect()
}

/// Where block `i` stands against the article's core (its first and last block): before,
/// inside or after it. Without a core (a short or list-like page), what follows the
/// title is judged like the tail of an article, by adjacency until noise appears.
fn region(i: usize, core: Option<(usize, usize)>, title: Option<usize>) -> Region {
    match core {
        Some((first, _)) if i < first => Region::Head,
        Some((_, last)) if i > last => Region::Tail,
        Some(_) => Region::Inside,
        None if title.is_some_and(|t| i < t) => Region::Head,
        None => Region::Tail,
    }
}

/// The label of the block found as the title. On an HTML page the markup's headline is
/// the record's title; a line that holds it with more around it (`（原标题：…）`, `… -
/// Site`) says more than the title does, so it is kept among the removed blocks.
fn title_label(text: &str, layout: Layout) -> Label {
    match layout {
        Layout::Html { headline } if headline_key(text) != headline_key(headline) => {
            removed(&rules::DUPLICATE_PARAGRAPH, "the headline again, with more around it".to_owned())
        }
        _ => Label::Title,
    }
}

/// Whether a removal in the tail says that a list of other articles has begun. Furniture
/// spliced into the article's own closing lines (an image credit, a share prompt, an
/// inline related link) does not: the article may go on after it.
fn starts_teaser_list(rule: &Rule) -> bool {
    [
        &rules::TRUNCATED_TEASER,
        &rules::DATE_PREFIXED_TEASER,
        &rules::CONTENT_FARM_SNIPPET,
        &rules::UNRELATED_HEADLINE,
        &rules::OFF_TOPIC_LINE,
        &rules::PREV_NEXT_LINK,
    ]
    .contains(&rule)
}

/// English Title Case: at least TITLE_CASE_MIN_WORDS words, and all but the short
/// function words capitalised ("Three Cases of Plague Diagnosed in China").
fn is_title_case(text: &str) -> bool {
    const MINOR: [&str; 16] =
        ["a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "vs", "with"];
    let mut words = 0;
    for word in text.split_whitespace() {
        let Some(first) = word.chars().next().filter(|&c| is_letter(c)) else { continue };
        // A lowercase word (or a CJK one, which has no case) that is not a function word.
        if !(first.is_uppercase() || MINOR.contains(&word)) {
            return false;
        }
        words += 1;
    }
    words >= TITLE_CASE_MIN_WORDS
}

fn removed(rule: &'static Rule, reason: String) -> Label {
    Label::Removed(crate::document::Removal { rule, reason })
}

/// The article core: long sentence-shaped blocks sharing vocabulary with the title and
/// each other, in a text dump within the article's span (`main_span`). One round against
/// the bag of all candidates: refiltering against the shrunken bag makes articles whose
/// paragraphs share little collapse to a line or two.
fn find_core(feats: &[Features], title: Option<usize>, layout: Layout) -> (Vec<bool>, Bag) {
    let is_candidate = |i: usize, f: &Features| {
        Some(i) != title
            && f.furniture.is_none()
            && f.truncated.is_none()
            && f.units >= CORE_MIN_UNITS
            && f.tokens.len() >= CORE_MIN_TOKENS
            && f.sentence
            && !f.title_case
    };
    let candidates: Vec<bool> = feats.iter().enumerate().map(|(i, f)| is_candidate(i, f)).collect();
    let members = feats.iter().enumerate().filter(|&(i, _)| candidates[i] || Some(i) == title);
    let mut bag = Bag::of(members.map(|(_, f)| f.tokens.as_slice()));
    let overlap: Vec<Option<f64>> =
        feats.iter().enumerate().map(|(i, f)| candidates[i].then(|| bag.overlap(&f.tokens, true)).flatten()).collect();
    let on_topic = |i: usize, min: f64| overlap[i].is_some_and(|o| o >= min);
    // In a text dump a page's sidebars, blurbs and comments hold sentences too: the
    // article is the run of blocks richest in on-topic text, and an end marker before it
    // (a comment count in the header, a sidebar's list of posts) does not end it. In
    // HTML the markup has chosen the container already.
    let span = match layout {
        Layout::Text => main_span(feats, |i| on_topic(i, CORE_MIN_OVERLAP)).map(|(first, last)| {
            // A page whose text runs in pieces (a line a link) has no one densest run:
            // on-topic text before the run, a third of the run's or more, is the article's
            // beginning, not a sidebar.
            let text = |range: std::ops::Range<usize>| -> usize {
                range.filter(|&i| on_topic(i, CORE_MIN_OVERLAP)).map(|i| feats[i].units).sum()
            };
            let pieces = text(0..first) * SPAN_HEAD_SHARE > text(first..last + 1);
            (if pieces { 0 } else { first }, last)
        }),
        Layout::Html { .. } => None,
    };
    // In a text dump a teaser list's long headline may pass for a paragraph after an
    // end marker; in HTML the markup has removed link lists, and short paragraphs
    // after a related box inside the article are its own.
    let resume_min_units = match layout {
        Layout::Text => RESUME_MIN_UNITS,
        Layout::Html { .. } => 0,
    };
    let resumable = |i: usize| on_topic(i, CORE_AFTER_MARKER_OVERLAP) && feats[i].units >= resume_min_units;
    // The units of text that may resume the article, from each block to the page's end.
    let mut resumable_after = vec![0; feats.len() + 1];
    for i in (0..feats.len()).rev() {
        resumable_after[i] = resumable_after[i + 1] + if resumable(i) { feats[i].units } else { 0 };
    }
    let mut began = false;
    let mut marker = false;
    let mut core = vec![false; feats.len()];
    let mut last_core = 0;
    let mut core_units = 0;
    // An end marker stands after the last core block (a text dump's article is closed).
    let mut closed = false;
    for (i, f) in feats.iter().enumerate() {
        let reopens = || {
            i - last_core <= RESUME_MAX_GAP
                || feats.get(i + 1).is_some_and(|_| on_topic(i + 1, CORE_MIN_OVERLAP))
                || resumable_after[i] >= core_units
        };
        let resumes = resumable(i) && (layout != Layout::Text || !closed || reopens());
        core[i] = match span {
            Some((first, _)) if i < first => false,
            // A short stretch after the span (a form, a list, a share prompt in the text)
            // leaves a paragraph on the topic the article's.
            Some((_, last)) if i > last && !marker && i - last_core <= SPAN_TAIL_GAP => on_topic(i, CORE_MIN_OVERLAP),
            Some((_, last)) if i > last => resumes,
            _ if marker => resumes,
            _ => on_topic(i, CORE_MIN_OVERLAP),
        };
        if core[i] {
            last_core = i;
            core_units += f.units;
            closed = false;
        }
        began |= span.map_or(candidates[i], |(first, _)| i >= first);
        if began && f.furniture.as_ref().is_some_and(Furniture::ends_article) {
            marker = true;
            closed |= core_units > 0;
        }
    }
    if !core.contains(&true) {
        // A one-paragraph article shares vocabulary with nothing but its title: keep its
        // longest paragraph before any end marker as the core. Here any marker counts, even
        // one before every candidate: a page whose article is a couple of short lines
        // must not take a teaser after its tag line for its core. In a text dump with
        // nothing before its first marker (a sidebar's tag cloud or archive list), the
        // longest paragraph after it is the article when it is long enough to resume one.
        let first_marker = feats.iter().position(|f| f.furniture.as_ref().is_some_and(Furniture::ends_article));
        let longest = |keep: &dyn Fn(usize) -> bool| {
            (0..feats.len()).filter(|&i| candidates[i] && keep(i)).max_by_key(|&i| (feats[i].units, usize::MAX - i))
        };
        let before = longest(&|i| first_marker.is_none_or(|m| i < m));
        let after = || longest(&|i| feats[i].units >= resume_min_units);
        if let Some(i) = before.or_else(|| (layout == Layout::Text).then(after).flatten()) {
            core[i] = true;
        }
    }
    // The candidates' bag becomes the core's: most candidates are core.
    for (i, f) in feats.iter().enumerate() {
        if candidates[i] && !core[i] {
            bag.remove(&f.tokens);
        }
    }
    (core, bag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_is_found_whatever_its_quotes() {
        let blocks = [Block::new(1, "Home"), Block::new(2, "‘Star Wars’ Original Cuts Might Get Released – Again")];
        assert_eq!(find_headline(&blocks, "'Star Wars' Original Cuts Might Get Released - Again"), Some(1));
        assert_eq!(find_headline(&blocks, "Original Cuts"), None);
    }
}
