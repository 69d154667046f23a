//! A page's metadata: an HTML page's date, author, headline, site and language, and a
//! text page's date, author and site, chosen among what the page states.
//!
//! Takes the page's blocks as the classifier labelled them, with the markup's metadata
//! ([`HtmlMeta`]) and the article's own ([`PageMeta`]), and returns the record's choice
//! for each field ([`Chosen`]); two choices label blocks: the headline shown above the
//! article becomes the title, and the author's biography after it is removed (M010, on
//! text pages too). Finding a date or a name in a line is the `facts` layer's
//! ([`DateFinder::visible_date`](crate::facts::DateFinder::visible_date),
//! [`BylineFinder::stated_author`](crate::facts::BylineFinder::stated_author)); which
//! candidate the record takes, by its source and where it stands against the article,
//! is decided here. A stated date is taken as stated: nothing here judges whether it is
//! true.

use crate::classify::{PageMeta, TITLE_SENTENCE_MAX_UNITS};
use crate::document::{Block, Label, Region};
use crate::facts::byline::{is_latin_name, plausible_author, tidy_name};
use crate::facts::url::{is_bare_domain, url_date};
use crate::facts::{Facts, FoundDate};
use crate::html::HtmlMeta;
use crate::norm::{has_sentence_punct, language, normalize, units};
use crate::rules;

/// On an HTML page whose markup and article name no author, a byline or author label
/// this many blocks above the article's start or below its end names it: a portal's
/// `作者：` line above the article's container, a blog's below its post.
pub const AUTHOR_WINDOW: usize = 8;
/// An element the markup marks as the byline names the author this many blocks from the
/// article's edges: between it and the article's first paragraph stand a timestamp,
/// share buttons, a picture and its caption.
pub const BYLINE_WINDOW: usize = 20;

/// The record's fields a page's metadata fills, as chosen.
#[derive(Debug, Default)]
pub struct Chosen {
    /// The markup's headline; None leaves the title to the block labelled as it.
    pub title: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    /// The markup's keywords, which come before the tag lines' tags.
    pub tags: Vec<String>,
}

/// A text page's metadata: what its own lines state. Labels the author's biography.
pub fn of_text(blocks: &mut [Block], own: PageMeta) -> Chosen {
    let author = own.author.filter(|a| plausible_author(a)).map(|a| tidy_name(&a));
    if let Some(author) = &author {
        mark_author_bio(blocks, author);
    }
    Chosen { published: own.published.or(own.updated), author, site: own.site, ..Chosen::default() }
}

/// An HTML page's metadata, chosen among its markup's, its article's own (`own`) and the
/// lines around the article. Labels the author's biography, and the headline above the
/// article as the title where the markup names none. `bylines` are the elements the
/// markup marks as bylines, with their blocks; `titled`, whether the article holds its
/// title; `script_date`, the date the page's scripts keep, asked for last.
pub fn of_html(
    facts: &Facts,
    blocks: &mut [Block],
    mut own: PageMeta,
    mut markup: HtmlMeta,
    bylines: &[(usize, String)],
    titled: bool,
    script_date: impl FnOnce() -> Option<String>,
) -> Chosen {
    let in_article = |b: &Block| matches!(b.label, Label::Body | Label::Title);
    // The article's first and last blocks.
    let article = blocks.iter().position(in_article).zip(blocks.iter().rposition(in_article));
    let first = article.map(|(first, _)| first);
    let (published, date_line) = published(facts, blocks, first, &mut markup, &mut own, script_date);
    let author = author(facts, blocks, article, &mut markup, &mut own, bylines, date_line);
    if let Some(author) = &author {
        mark_author_bio(blocks, author);
    }
    label_headline_above(facts, blocks, first, &mut markup, titled);
    let site = markup.site.or(own.site).or_else(|| title_site(&markup.title_rest));
    Chosen { title: markup.title, published, author, site, url: markup.url, tags: markup.tags }
}

/// An HTML page's language: the markup's, unless the article is written in another
/// script (templates keep `<html lang="en">` on Chinese pages).
pub fn html_language(marked: Option<String>, article: &[Block]) -> String {
    let body: Vec<&str> = article.iter().filter(|b| b.is_body()).map(|b| b.text.as_str()).collect();
    let written = language(&body.join("\n"));
    let cjk = |lang: &str| matches!(lang, "zh" | "ja" | "ko");
    match marked {
        Some(marked) if cjk(&marked) == cjk(written) || written == "und" => marked,
        _ => written.to_owned(),
    }
}

/// The page's publication date, and the block of the date line that gave it.
///
/// When the markup states no date, the visible date line nearest the article's start
/// counts, wherever it stands: portals print `发布时间：...` above the article, blogs
/// `发表于 ...` below it, both often outside the article's container. When the markup
/// states the day alone, that line gives its time, if it is of that day. Then a script's
/// date, the day the page's address files it under, and a date labelled as the page's
/// update (`最后更新：…`); last, when the page changed.
fn published(
    facts: &Facts,
    blocks: &[Block],
    first: Option<usize>,
    markup: &mut HtmlMeta,
    own: &mut PageMeta,
    script_date: impl FnOnce() -> Option<String>,
) -> (Option<String>, Option<usize>) {
    let stated = markup.published.take().or_else(|| own.published.take());
    let (line, mut update_line) = match &stated {
        Some(date) if date.len() > DAY_LEN => (None, None),
        _ => visible_dates(facts, blocks, first.unwrap_or(0)),
    };
    let mut date_line = None;
    let published = match stated {
        Some(day) if day.len() == DAY_LEN => {
            let timed = line
                .filter(|(_, date)| date.iso.as_ref().is_some_and(|iso| iso.len() > DAY_LEN && iso.starts_with(&day)));
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
    .or_else(script_date)
    // The day the page's address files it under (`/2023-11/30/`).
    .or_else(|| markup.url.as_deref().and_then(url_date))
    .or_else(|| own.updated.take())
    .or_else(|| {
        let (i, date) = update_line.take()?;
        date_line = Some(i);
        date.iso
    })
    // Last, when the page changed: most pages are not edited after the day they
    // are published (Baidu's pages state only `dateUpdate`).
    .or_else(|| markup.modified.take());
    (published, date_line)
}

/// The page's author: the markup's, the article's own byline, an element the markup
/// marks as the byline near the article, a byline or author label near it, or the date
/// line's. A name that is no one's, or the site's (`<meta name="author" content="网易">`
/// on 网易财经), is none, unless it is written as a person's: a personal site is named
/// after its author. `article` is the article's first and last blocks; `bylines` the
/// marked elements' names with their blocks; `date_line` the block that gave the date.
fn author(
    facts: &Facts,
    blocks: &[Block],
    article: Option<(usize, usize)>,
    markup: &mut HtmlMeta,
    own: &mut PageMeta,
    bylines: &[(usize, String)],
    date_line: Option<usize>,
) -> Option<String> {
    let sites = site_names([markup.site.as_deref(), own.site.as_deref()], &markup.title_rest);
    let credible = |author: &String| {
        let name = normalize(author);
        plausible_author(author) && (is_personal_name(author) || !sites.iter().any(|site| site.contains(&name)))
    };
    // A user name (`devindra`) in the meta yields to a name the page writes out.
    let (handle, named) = match markup.author.take().filter(credible) {
        Some(author) if is_handle(&author) => (Some(author), None),
        named => (None, named),
    };
    named
        .or_else(|| own.author.take().filter(credible))
        // An element the markup marks as the byline: the one nearest the article, in it
        // or within BYLINE_WINDOW blocks of its edges (not a sidebar's columnists).
        .or_else(|| {
            let (start, end) = article?;
            let distance = |at: usize| start.saturating_sub(at) + at.saturating_sub(end);
            let mut near = bylines.iter().filter(|(at, name)| distance(*at) <= BYLINE_WINDOW && credible(name));
            let (_, name) = near.clone().min_by_key(|(at, _)| distance(*at))?;
            // One of several names (`<a rel="author">` in `By A and B`): all of them.
            Some(near.find(|(_, all)| lists(all, name)).map_or(name, |(_, all)| all).clone())
        })
        // The byline or author label nearest the article, above its start or below its
        // end, within AUTHOR_WINDOW blocks.
        .or_else(|| {
            let (start, end) = article?;
            let above = (start.saturating_sub(AUTHOR_WINDOW)..start).rev();
            let below = end + 1..(end + 1 + AUTHOR_WINDOW).min(blocks.len());
            above.chain(below).filter_map(|i| facts.bylines.stated_author(&blocks[i].text)).find(credible)
        })
        // The line that gave the date, however far from the article: the page's
        // metadata line (`时间：2004年10月21日14:18 作者：郭励弘`, with related links
        // between it and the article).
        .or_else(|| facts.bylines.stated_author(&blocks[date_line?].text).filter(credible))
        .or(handle)
        .map(|a| tidy_name(without_site(&a, [markup.site.as_deref(), own.site.as_deref()])))
}

/// An author less the site's name after a comma (`Dana A. Ford and Tom Watkins, CNN`):
/// the site publishes, the names wrote.
fn without_site<'a>(author: &'a str, sites: [Option<&str>; 2]) -> &'a str {
    let Some((names, last)) = author.rsplit_once([',', '，']) else { return author };
    let site = |name: &str| normalize(name) == normalize(last);
    if !names.trim().is_empty() && sites.into_iter().flatten().any(site) {
        names.trim_end()
    } else {
        author
    }
}

/// Labels the headline shown above the article as the title, where the markup names
/// none (an archived page without `<title>` or `<h1>`), or where `<title>` alone names
/// the page, among the site's name and channels: the block past the date and byline lines
/// above the article's first block `first`. `titled`: the article holds its title already.
fn label_headline_above(
    facts: &Facts,
    blocks: &mut [Block],
    first: Option<usize>,
    markup: &mut HtmlMeta,
    titled: bool,
) {
    if titled || (markup.title.is_some() && markup.title_parts.is_empty()) {
        return;
    }
    let Some(i) = first.and_then(|first| headline_above(facts, blocks, first)) else { return };
    let parts = &markup.title_parts;
    let part = parts.iter().position(|part| *part == blocks[i].text);
    let named = match &markup.title {
        None => true,
        Some(title) => *title != blocks[i].text && part.is_some(),
    };
    if named {
        // What `<title>` says after it is the site's name and channels.
        if let Some(at) = part {
            markup.title_rest = parts[at + 1..].to_vec();
        }
        blocks[i].label = Label::Title;
        markup.title = None;
    }
}

/// The visible date line nearest block `start` (above it before below it) and the
/// nearest one labelled as an update, each with its block.
fn visible_dates(facts: &Facts, blocks: &[Block], start: usize) -> (Option<DateLine>, Option<DateLine>) {
    let mut update = None;
    let above = (0..=start).rev().take_while(|&i| i < blocks.len());
    let line = above.chain(start + 1..blocks.len()).find_map(|i| {
        let date = facts.dates.visible_date(&blocks[i].text)?;
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
fn headline_above(facts: &Facts, blocks: &[Block], first: usize) -> Option<usize> {
    let metadata = |text: &str| facts.dates.visible_date(text).is_some() || facts.bylines.stated_author(text).is_some();
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
        && (HEADLINE_ABOVE_MIN_UNITS..=TITLE_SENTENCE_MAX_UNITS).contains(&blocks[i].units)
        && !counted
        && !ends_clause
        && !trail)
        .then_some(i)
}

/// How many blocks above the article a headline the markup does not name may stand,
/// date and byline lines included, and the least it measures.
const HEADLINE_LOOKBACK: usize = 3;
const HEADLINE_ABOVE_MIN_UNITS: usize = 4;

/// The least a biography says after the author's name (`Eric Song is IGN's deal curator`).
pub(crate) const AUTHOR_BIO_MIN_UNITS: usize = 8;

/// Marks the author's biography (M010): a body block after the article's last core
/// paragraph, or its last block, that begins with the author's name and goes on. A name
/// in Latin letters is a person's when it has two words at least: one word is as often an
/// agency's (`Reuters could not verify the video.`).
pub fn mark_author_bio(blocks: &mut [Block], author: &str) {
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
            block.remove(&rules::AUTHOR_BIO, format!("begins with the author's name '{author}' after the article"));
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

/// Words that name an outlet, not a person (`BBC News`, `Riverton Daily`, `The Verge`).
const OUTLET_WORDS: [&str; 24] = [
    "news", "times", "post", "daily", "journal", "media", "magazine", "press", "tribune", "herald", "gazette",
    "review", "weekly", "network", "group", "inc", "ltd", "tv", "radio", "online", "today", "the", "blog", "staff",
];

/// Whether an author is written as a person's name in Latin letters: two to four
/// capitalised words (`Haki Benita`, `Bradley M. Kuhn`), none an outlet's. A personal
/// site is named after its author, so such a name stays the author where it is also
/// the site's.
fn is_personal_name(author: &str) -> bool {
    is_latin_name(author) && !author.split_whitespace().any(|w| OUTLET_WORDS.contains(&w.to_lowercase().as_str()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_names() {
        for name in ["Haki Benita", "Bradley M. Kuhn", "Eleanor Ainge Roy", "Jean-Luc O'Neil"] {
            assert!(is_personal_name(name), "{name}");
        }
        for name in ["BBC News", "Riverton Daily", "The Verge", "Mac & i", "网易", "Reuters", "devindra hardawar"] {
            assert!(!is_personal_name(name), "{name}");
        }
    }

    #[test]
    fn an_author_less_the_site() {
        let cnn = [Some("CNN"), None];
        assert_eq!(without_site("Dana A. Ford, and Tom Watkins, CNN", cnn), "Dana A. Ford, and Tom Watkins");
        assert_eq!(without_site("Jane Doe, Reuters", cnn), "Jane Doe, Reuters");
        assert_eq!(without_site("CNN", cnn), "CNN");
        assert_eq!(without_site("记者 张三，新华社", [None, Some("新华社")]), "记者 张三");
    }

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
