//! What the markup states about the page: its headline (`og:title`, `<h1>`, `<title>`),
//! dates (meta, JSON-LD, `<time>`, scripts, its address), author, site, address,
//! language, keywords and declared text, and image addresses resolved against it.

use super::*;
use crate::facts::date::iso_date;
use crate::facts::url::is_bare_domain;

impl HtmlReader {
    /// The publish time the page's scripts hold, the first one: the last resort when
    /// neither the markup nor the text states a date, as on pages whose date a script
    /// writes in.
    pub fn script_date(&self, source: &str) -> Option<String> {
        // Compiled on first use: most pages state their date elsewhere.
        static SCRIPT_DATE: std::sync::LazyLock<Regex> =
            std::sync::LazyLock::new(|| Regex::new(SCRIPT_DATE_PATTERN).expect("valid pattern"));
        SCRIPT_DATE.captures(source).and_then(|c| iso_date(&c[1], &self.facts.dates))
    }

    /// The page's metadata, and the text it declares about itself: JSON-LD `articleBody`,
    /// else a description.
    pub(super) fn meta(&self, doc: &Html) -> (HtmlMeta, Option<String>) {
        let marked = Marked::find(doc);
        let props = Props::read(&marked.metas);
        let ld = json_ld(&marked.ld_json);
        let mut meta = HtmlMeta::default();
        read_titles(&mut meta, &marked, &props, &ld);
        meta.published = props
            .first(&PUBLISHED_KEYS)
            .or(ld.published.clone())
            .or_else(|| marked.time.map(str::to_owned))
            .and_then(|d| iso_date(&d, &self.facts.dates));
        meta.modified =
            props.first(&MODIFIED_KEYS).or(ld.modified.clone()).and_then(|d| iso_date(&d, &self.facts.dates));
        meta.author = self.markup_author(&props, &ld);
        // A site named by its address (`https://www.newsnation.in`) is named by its host.
        meta.site = props.first(&SITE_KEYS).or(ld.site.clone()).map(|site| {
            let host = site.strip_prefix("https://").or_else(|| site.strip_prefix("http://"));
            host.map(|h| h.trim_end_matches('/').to_owned()).unwrap_or(site)
        });
        meta.url =
            marked.canonical.map(str::to_owned).or_else(|| props.first(&["og:url"])).filter(|u| u.starts_with("http"));
        meta.base = marked.base.map(str::trim).filter(|b| b.starts_with("http")).map(str::to_owned);
        meta.language =
            marked.lang.map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase()).filter(|l| !l.is_empty());
        if let Some(keywords) = props.first(&KEYWORD_KEYS) {
            meta.tags = keyword_list(&keywords, meta.title.as_deref());
        }
        let declared = ld.body.or(ld.description).or_else(|| props.first(&DESCRIPTION_KEYS));
        (meta, declared)
    }

    /// The author the markup names. A site's `author` is its own name as often as the
    /// writer's, or a template fills it with someone else's (a video's producer on CNN):
    /// the keys that only a writer's name fills come first, then JSON-LD's author, then
    /// `author`. `article:author` is often the author's page: a link is no name.
    fn markup_author(&self, props: &Props, ld: &LdFacts) -> Option<String> {
        let (writer_keys, plain_key) = AUTHOR_KEYS.split_at(AUTHOR_KEYS.len() - 1);
        let not_link: fn(&str) -> bool = |v| !v.starts_with("http");
        let name = props
            .first_where(writer_keys, not_link)
            .or(ld.author.clone())
            .or_else(|| props.first_where(plain_key, not_link))
            .map(|a| self.facts.bylines.author_name(&a))?;
        // A name in capitals (`By JEFFREY GETTLEMAN`) as another key writes it, in the
        // case it is spelt in (`Jeffrey Gettleman`).
        if name.chars().any(char::is_lowercase) {
            return Some(name);
        }
        let keyed = props.0.iter().filter(|(k, _)| AUTHOR_KEYS.contains(&k.as_str())).map(|(_, v)| v);
        let spelt = keyed
            .chain(&ld.author)
            .map(|v| self.facts.bylines.author_name(v))
            .find(|v| v.to_lowercase() == name.to_lowercase() && *v != name);
        Some(spelt.unwrap_or(name))
    }
}

/// The `<meta>` keys of a page's headline, in order of trust (as trafilatura's
/// `METANAME_TITLE`); JSON-LD's headline comes after them.
const TITLE_KEYS: [&str; 2] = ["og:title", "twitter:title"];
/// The `<meta>` keys of the publication date, in order of trust; then JSON-LD's
/// `datePublished` and the first `<time>`.
const PUBLISHED_KEYS: [&str; 26] = [
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
];
/// The `<meta>` keys of when the page last changed; then JSON-LD's `dateModified`.
const MODIFIED_KEYS: [&str; 12] = [
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
];
/// The `<meta>` keys of the author: those only a writer's name fills, then the plain
/// `author` last (see `markup_author`).
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
/// The `<meta>` keys of the site's name; then JSON-LD's publisher.
const SITE_KEYS: [&str; 3] = ["og:site_name", "application-name", "publisher"];
/// The `<meta>` keys of the page's keywords, which become tags.
const KEYWORD_KEYS: [&str; 3] = ["keywords", "news_keywords", "article:tag"];
/// The `<meta>` keys of the text a page declares about itself, after JSON-LD's
/// `articleBody` and `description`.
const DESCRIPTION_KEYS: [&str; 3] = ["og:description", "description", "twitter:description"];

/// A page's `<meta>` properties in page order, each key lowercased.
struct Props(Vec<(String, String)>);

impl Props {
    fn read(metas: &[ElementRef]) -> Props {
        let mut props: Vec<(String, String)> = Vec::new();
        for el in metas {
            let v = el.value();
            let key = attr(v, "property")
                .or_else(|| attr(v, "name"))
                .or_else(|| attr(v, "itemprop"))
                .or_else(|| attr(v, "http-equiv"));
            let (Some(key), Some(content)) = (key, attr(v, "content")) else { continue };
            let content = content.trim();
            if content.is_empty() {
                continue;
            }
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
        Props(props)
    }

    /// The first of `keys` the page has, with a value that passes: they are in order of
    /// trust.
    fn first_where(&self, keys: &[&str], pass: fn(&str) -> bool) -> Option<String> {
        keys.iter().find_map(|key| self.0.iter().find(|(k, v)| k == key && pass(v))).map(|(_, v)| v.clone())
    }

    fn first(&self, keys: &[&str]) -> Option<String> {
        self.first_where(keys, |_| true)
    }
}

/// The headline and what `<title>` says around it: `title`, and where the title came
/// from `<title>` alone its parts, and what `<title>` says after the headline.
fn read_titles(meta: &mut HtmlMeta, marked: &Marked, props: &Props, ld: &LdFacts) {
    let title_tag = marked.title.map(|t| collapse(&t.text().collect::<String>()));
    let text = |els: &[ElementRef]| -> Vec<String> {
        els.iter().map(|h| collapse(&h.text().collect::<String>())).filter(|t| !t.is_empty()).collect()
    };
    let og = props.first(&TITLE_KEYS).or_else(|| ld.headline.clone());
    let has_og = og.is_some();
    let (h1s, h2s) = (text(&marked.h1s), text(&marked.h2s));
    // A title without a letter (`<title>1</title>`) names nothing.
    let site = props.first(&["og:site_name"]);
    meta.title = choose_title(og, &h1s, &h2s, title_tag.clone(), site.as_deref())
        .filter(|t| t.chars().any(crate::norm::is_letter));
    let from_tag = !has_og && meta.title.as_ref().is_some_and(|t| !h1s.contains(t) && !h2s.contains(t));
    if from_tag {
        meta.title_parts = title_tag.as_deref().map(title_parts).unwrap_or_default();
    }
    meta.title_rest =
        title_tag.zip(meta.title.as_deref()).map(|(tag, title)| title_rest(&tag, title)).unwrap_or_default();
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

pub(super) fn collapse(s: &str) -> String {
    let mut out = String::new();
    push_collapsed(&mut out, s);
    out.trim().to_owned()
}

/// A publish time a script keeps for the page (`"pubtime": "2019-09-07 19:02:26"` in
/// qq.com's window.DATA, or JavaScript's own `"2019-09-07T05:51:23.000Z"`). Comments' and
/// related items' times have other keys (create_time, ctime).
const SCRIPT_DATE_PATTERN: &str = r#"["']?(?:pubtime|pubTime|pub_time|publishtime|publishTime|publish_time|pubDate|pubdate|publishDate|publish_date|datePublished)["']?\s*[:=]\s*["']([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?)["']"#;

/// The headline: the candidate that matches the article, in this order:
/// - the longest `<h1>` or `<h2>` that is the first segment of `og:title` or `<title>`
///   (sites set the headline in `<h2>` under a logo's `<h1>`);
/// - the longest `<h1>` they hold other than as their tail, where the site's name stands
///   (`<title>土豆不“土” 土豆无“土” 松花江网</title>` over `<h1>松花江网</h1>`);
/// - `og:title`, less a part that names the site;
/// - `<title>`, with an `<h1>` at its end and the site name after ` - `, ` | `, `_` cut
///   off, unless it is the site's name alone (`<title>-铜雀历史网</title>`);
/// - an `<h1>` of MARKUP_TITLE_MIN_UNITS or more.
fn choose_title(
    og: Option<String>,
    h1s: &[String],
    h2s: &[String],
    title_tag: Option<String>,
    site: Option<&str>,
) -> Option<String> {
    let norm = |s: &str| crate::norm::normalize(s);
    let fuller: Vec<String> = [og.as_deref(), title_tag.as_deref()].into_iter().flatten().map(norm).collect();
    // A heading a fuller title holds, and not only as its tail, where the site's name
    // stands. An `<h2>` is also a section's heading or a fragment of the headline: it
    // counts as a fuller title's first segment, before a separator or alone.
    let held = |h: &String| {
        let h = norm(h);
        // At the tail after a colon, it is a post's title after its blog's name
        // (`Harbour notes: The ferry runs again`), not the site's name.
        let after_colon =
            |f: &str| f.strip_suffix(h.as_str()).is_some_and(|head| head.trim_end().ends_with([':', '：']));
        fuller.iter().any(|f| f.contains(&h) && (f.starts_with(&h) || !f.ends_with(&h) || after_colon(f)))
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
    let long = |h: &&String| units(h) >= MARKUP_TITLE_MIN_UNITS;
    // A heading beside `og:title` in `<title>`, neither holding the other, names the site
    // (`<title>Silicon Exposed: Open Verilog flow…</title>` over the blog's `<h1>`). One
    // that holds it is the headline that an unescaped quote cut short in `og:title`.
    let (og_n, tag_n) = (og.as_deref().map(norm), title_tag.as_deref().map(norm));
    let beside_og = |h: &String| {
        let h = norm(h);
        og_n.as_ref().zip(tag_n.as_ref()).is_some_and(|(o, t)| {
            !o.contains(&h) && !h.contains(o.as_str()) && t.contains(o.as_str()) && t.contains(&h)
        })
    };
    let candidate = |h: &&String| long(h) && !beside_og(h);
    // The first of the longest (`max_by_key` keeps the last); a first segment before a
    // heading held elsewhere (`Post @ Blog :: Platform`, with the blog's name in `<h1>`).
    fn longest<'a>(hs: impl DoubleEndedIterator<Item = &'a String>) -> Option<&'a String> {
        hs.rev().max_by_key(|h| units(h))
    }
    let heading = longest(h1s.iter().chain(h2s).filter(candidate).filter(|h| first_segment(h)))
        .or_else(|| longest(h1s.iter().filter(candidate).filter(|h| held(h))));
    if let Some(heading) = heading {
        return Some(heading.clone());
    }
    if let Some(og) = og.filter(|t| !t.is_empty()) {
        return Some(og_headline(&og, title_tag.as_deref(), site));
    }
    let site_alone = |t: &String| TITLE_SEPARATORS.iter().any(|sep| t.starts_with(sep.trim_start()));
    // An `<h1>` the title ends with is the site's name (`土豆不“土” 土豆无“土” 松花江网`).
    let without_site = |t: String| match h1s.iter().find_map(|h| t.strip_suffix(h.as_str())) {
        Some(rest) if units(rest) >= MARKUP_TITLE_MIN_UNITS => rest.trim_end().to_owned(),
        _ => t,
    };
    let h1 = h1s.first().filter(|h| units(h) >= MARKUP_TITLE_MIN_UNITS).cloned();
    title_tag.filter(|t| !t.is_empty() && !site_alone(t)).map(|t| strip_site(&without_site(t))).or(h1)
}

/// `og:title` less the site's name that some sites add to it, as to `<title>`
/// (`Bike lanes approved - Riverton Daily`). Where the page names its site (`og:site_name`,
/// or a `<title>` in parts), a part is cut off only when it names the site: it is
/// `og:site_name`, the `<title>`'s last part or an address (`雄安新区 - 维基百科，自由的百科全书`,
/// however long the site's name).
/// Another part is the headline's own (`Minecraft 1.8 - The Bountiful Update`, under a
/// `<title>` ending `- Minecraft Update News`).
fn og_headline(og: &str, title_tag: Option<&str>, site: Option<&str>) -> String {
    let norm = crate::norm::normalize;
    let tail = title_tag.and_then(|tag| title_parts(tag).pop());
    let names: Vec<String> = [site.map(str::to_owned), tail].into_iter().flatten().map(|n| norm(&n)).collect();
    // Nothing to tell the site by (no `<title>`, or one of a single part): the longest part.
    if names.is_empty() {
        return strip_site(og);
    }
    let names_site = |part: &str| names.contains(&norm(part)) || is_bare_domain(part);
    let parts = title_parts(og);
    let own: Vec<&String> = parts.iter().filter(|part| !names_site(part)).collect();
    match own.iter().rev().max_by_key(|part| units(part)) {
        Some(headline) if own.len() < parts.len() => headline.to_string(),
        _ => og.trim().to_owned(),
    }
}

/// A headline has at least this many units: a shorter `<h1>` is a logo or a widget's
/// heading (`导航`, `公告`).
const MARKUP_TITLE_MIN_UNITS: usize = 4;

/// What stands between a `<title>`'s headline and the site's name.
const TITLE_SEPARATORS: [&str; 13] =
    [" - ", " | ", " – ", " — ", " » ", " « ", "_", "｜", " :: ", "-", " · ", " @ ", "|"];

/// The parts of a `<title>` at its first separator (`静夜思•夜-中国诗歌网`).
fn title_parts(tag: &str) -> Vec<String> {
    let Some(parts) = TITLE_SEPARATORS.iter().map(|sep| split_title(tag, sep)).find(|parts| parts.len() > 1) else {
        return Vec::new();
    };
    parts.into_iter().filter(|p| !p.is_empty()).map(str::to_owned).collect()
}

/// A title split at `sep`, each part trimmed. A hyphen or an underscore between two
/// Latin letters or digits joins a word (`aria-hidden`, `snake_case`), and before a digit
/// a number (`COVID-19`, `1-10月`): it separates no headline from a site's name. Chinese
/// titles write the site's name after a bare hyphen, even after Latin letters
/// (`…一块顶十块GPU-EDN 电子技术设计`).
fn split_title<'a>(title: &'a str, sep: &str) -> Vec<&'a str> {
    // Only a hyphen or an underscore joins, and the title's script is read for them alone.
    let latin = ["-", "_"].contains(&sep).then(|| !title.chars().any(crate::norm::is_cjk));
    let joins = |at: usize| {
        let (before, after) = (title[..at].chars().next_back(), title[at + sep.len()..].chars().next());
        let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        latin.is_some_and(|latin| word(before) && word(after) && (latin || after.is_some_and(|c| c.is_ascii_digit())))
    };
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, _) in title.match_indices(sep).filter(|&(at, _)| !joins(at)) {
        parts.push(title[start..at].trim());
        start = at + sep.len();
    }
    parts.push(title[start..].trim());
    parts
}

/// The segments of a `<title>` after the headline it holds (`…|公园_新浪新闻` gives 公园
/// and 新浪新闻): which of them is the site and which a channel, the title does not say.
fn title_rest(tag: &str, headline: &str) -> Vec<String> {
    let Some(at) = tag.find(headline) else { return Vec::new() };
    let is_separator = |c: char| "_|｜-–—»:".contains(c);
    tag[at + headline.len()..].split(is_separator).map(str::trim).filter(|s| units(s) >= 2).map(str::to_owned).collect()
}

fn strip_site(title: &str) -> String {
    for sep in TITLE_SEPARATORS {
        let parts = split_title(title, sep);
        if parts.len() > 1 {
            // The longest part that is no address, the first of equals: the headline comes first.
            // An address is cut off whatever is left (`海姑娘 | blog.wenxuecity.com`).
            let named: Vec<&str> = parts.iter().copied().filter(|p| !is_bare_domain(p)).collect();
            let addressed = named.len() < parts.len();
            if let Some(best) = named.into_iter().rev().max_by_key(|p| units(p)) {
                if units(best) >= MARKUP_TITLE_MIN_UNITS || (addressed && !best.is_empty()) {
                    return best.to_owned();
                }
            }
        }
    }
    title.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn markup_dates() {
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
        // JSON-LD's author before the plain `author` meta, after a writer's key.
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Jeremy Herb"},{"@type":"Person","name":"Kara Scannell"}]}</script>"#;
        let producer = r#"<meta name="author" content="Douglas Wood">"#;
        assert_eq!(meta(&format!("{producer}{ld}")).author.as_deref(), Some("Jeremy Herb, Kara Scannell"));
        assert_eq!(meta(producer).author.as_deref(), Some("Douglas Wood"));
        let byl = r#"<meta name="byl" content="By Jane Doe">"#;
        assert_eq!(meta(&format!("{ld}{byl}")).author.as_deref(), Some("Jane Doe"));
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
    fn titles() {
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
        // Hyphens that join words and numbers; a bare one before a Chinese site's name.
        assert_eq!(
            strip_site("Verizon FiOS set-top boxes get a new guide"),
            "Verizon FiOS set-top boxes get a new guide"
        );
        assert_eq!(strip_site("1-10月德清县固定资产投资结构趋稳_德清县人民政府"), "1-10月德清县固定资产投资结构趋稳");
        assert_eq!(strip_site("新冠COVID-19疫苗获批-新华网"), "新冠COVID-19疫苗获批");
        assert_eq!(
            strip_site("阿里发布最强AI芯片：一块顶十块GPU-EDN 电子技术设计"),
            "阿里发布最强AI芯片：一块顶十块GPU"
        );
        assert_eq!(title_parts("静夜思•夜-中国诗歌网"), ["静夜思•夜", "中国诗歌网"]);
        // A bar without spaces, even between Latin letters.
        assert_eq!(strip_site("某市召开工作会议部署全年任务|界面新闻"), "某市召开工作会议部署全年任务");
        assert_eq!(strip_site("Council approves new budget|Riverton Daily"), "Council approves new budget");
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let title = |og: Option<&str>, h1s: &[&str], h2s: &[&str], tag: &str| {
            choose_title(og.map(str::to_owned), &s(h1s), &s(h2s), Some(tag.to_owned()), None)
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
        // After a colon, the <h1> the title ends with is a post's title after its blog's name.
        assert_eq!(
            title(None, &["The ferry runs again"], &[], "Harbour notes: The ferry runs again").as_deref(),
            Some("The ferry runs again")
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
        assert_eq!(choose_title(None, &s(&["导航", "公告"]), &[], None, None), None);
        // A blog's name in <h1>, beside the post's og:title in <title>; a headline that an
        // unescaped quote cut short in og:title.
        let og = "Open Verilog flow for Silego GreenPak4 programmable logic devices";
        let tag = format!("Silicon Exposed: {og}");
        assert_eq!(title(Some(og), &["Silicon Exposed"], &[], &tag).as_deref(), Some(og));
        let h1 = "男孩因不想上补习班 写\"救命啊\"纸团抛出引来警察";
        assert_eq!(title(Some("男孩因不想上补习班 写"), &[h1], &[], &format!("{h1}_网易新闻")).as_deref(), Some(h1));
        // og:title loses a part only where it names the site.
        let wiki = "雄安新区 - 维基百科，自由的百科全书";
        assert_eq!(og_headline(wiki, Some(wiki), None), "雄安新区");
        let og = "Minecraft 1.8 - The Bountiful Update";
        assert_eq!(og_headline(og, Some(&format!("{og} - Minecraft Update News")), None), og);
        let og = "Bike lanes approved | Riverton Daily";
        assert_eq!(og_headline(og, Some("Bike lanes approved"), Some("Riverton Daily")), "Bike lanes approved");
        assert_eq!(og_headline(og, None, None), "Bike lanes approved");
        assert_eq!(og_headline(og, Some("Home"), None), "Bike lanes approved");
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
