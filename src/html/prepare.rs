//! Before parsing: the page as the parser should see it (nesting capped, code, comments,
//! unread attributes and indentation left out), and the sniffing done on raw bytes
//! (whether they are HTML, the charset they declare).

use super::{contains_ignore_case, names_author};

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
    let mut p = Preparer { html, b: html.as_bytes(), out: None, copied: 0, depth: 0, excess: 0, removed: 0 };
    let b = p.b;
    let (mut i, mut preformatted) = (0usize, 0usize);
    let mut unread: Vec<(usize, usize)> = Vec::new();
    while let Some(off) = html[i..].find('<') {
        let at = i + off;
        // Indentation between tags shrinks to its first character, except in `<pre>`.
        let gap = &b[i..at];
        if preformatted == 0 && gap.len() > 1 && gap.iter().all(u8::is_ascii_whitespace) {
            p.cut(i + 1, at);
        }
        if b[at..].starts_with(b"<!--") {
            i = p.comment(at);
            continue;
        }
        let closing = b.get(at + 1) == Some(&b'/');
        let start = at + 1 + usize::from(closing);
        if !b.get(start).is_some_and(u8::is_ascii_alphabetic) {
            i = at + 1;
            continue;
        }
        let (name, after) = p.tag_name(start);
        let end = p.tag_end(after);
        if is_one_of(name, &["pre", "listing"]) {
            preformatted = if closing { preformatted.saturating_sub(1) } else { preformatted + 1 };
        }
        if closing {
            if p.is_excess_end(name) {
                p.cut(at, end);
            }
        } else if is_one_of(name, &RAW_TEXT) {
            i = p.raw_text(name, after, end);
            continue;
        } else if p.is_excess_start(name, end) {
            p.cut(at, end);
        } else if !is_one_of(name, &KEEP_ALL_ATTRIBUTES) {
            let img = name.eq_ignore_ascii_case(b"img");
            let read = |attr: &[u8], value: &[u8]| {
                is_one_of(attr, &READ_EVERYWHERE)
                    || (img && is_one_of(attr, &READ_ON_IMG))
                    || (is_one_of(attr, &READ_IF_AUTHOR) && names_author(value))
                    || (attr.eq_ignore_ascii_case(b"href") && AUTHOR_DIR.find(value).is_some())
            };
            if unread_attributes(b, after, end, read, &mut unread) {
                unread.iter().for_each(|&(from, to)| p.cut(from, to));
            }
        }
        i = end;
    }
    p.finish()
}

/// The page being prepared: what is left out so far, and how deep the tags nest.
struct Preparer<'a> {
    html: &'a str,
    b: &'a [u8],
    /// The page with what was left out so far, up to `copied`; None while nothing was.
    out: Option<String>,
    copied: usize,
    /// Open elements, up to MAX_NESTING; start tags past it, whose end tags go too.
    depth: usize,
    excess: usize,
    /// Start tags left out for nesting too deep.
    removed: usize,
}

fn is_one_of(name: &[u8], list: &[&str]) -> bool {
    list.iter().any(|t| name.eq_ignore_ascii_case(t.as_bytes()))
}

impl<'a> Preparer<'a> {
    /// Leaves out html[from..to]: everything before it is copied first.
    fn cut(&mut self, from: usize, to: usize) {
        let buf = self.out.get_or_insert_with(|| String::with_capacity(self.html.len()));
        buf.push_str(&self.html[self.copied..from]);
        self.copied = to;
    }

    /// A tag's name from `from`, and where it ends.
    fn tag_name(&self, from: usize) -> (&'a [u8], usize) {
        let b = self.b;
        let mut j = from;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
            j += 1;
        }
        (&b[from..j], j)
    }

    /// The end of a tag: just past its `>`, skipping quoted attribute values.
    fn tag_end(&self, from: usize) -> usize {
        let b = self.b;
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
    }

    /// A comment at `at` left out; where reading goes on.
    fn comment(&mut self, at: usize) -> usize {
        match memchr::memmem::find(&self.b[at + 4..], b"-->") {
            Some(e) => {
                self.cut(at, at + 4 + e + 3);
                at + 4 + e + 3
            }
            None => self.b.len(),
        }
    }

    /// Past a raw-text element's text (`<script>`, `<style>`, `<textarea>`, ...) to its
    /// end tag, compared without regard to case: the code of scripts and style sheets
    /// is left out, JSON-LD's is not. Where reading goes on.
    fn raw_text(&mut self, name: &[u8], after: usize, end: usize) -> usize {
        let b = self.b;
        let mut j = end;
        let close = loop {
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
        if code && close < b.len() && close > end {
            self.cut(end, close);
        }
        close
    }

    /// Counts an end tag; true when it closes a start tag left out for nesting too deep.
    fn is_excess_end(&mut self, name: &[u8]) -> bool {
        if is_one_of(name, &VOID) || is_one_of(name, &IMPLIED_END) {
            return false;
        }
        if self.excess > 0 {
            self.excess -= 1;
            return true;
        }
        self.depth = self.depth.saturating_sub(1);
        false
    }

    /// Counts a start tag ending at `end`; true when it nests deeper than MAX_NESTING.
    fn is_excess_start(&mut self, name: &[u8], end: usize) -> bool {
        if is_one_of(name, &VOID) || is_one_of(name, &IMPLIED_END) || self.b[..end].ends_with(b"/>") {
            return false;
        }
        if self.depth >= MAX_NESTING {
            self.excess += 1;
            self.removed += 1;
            return true;
        }
        self.depth += 1;
        false
    }

    fn finish(self) -> (std::borrow::Cow<'a, str>, usize) {
        match self.out {
            None => (std::borrow::Cow::Borrowed(self.html), 0),
            Some(mut buf) => {
                buf.push_str(&self.html[self.copied..]);
                (std::borrow::Cow::Owned(buf), self.removed)
            }
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
    fn charsets_and_sniffing() {
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
}
