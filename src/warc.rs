//! WARC 1.0 and 1.1 files (Common Crawl's, Heritrix's, `wget --warc-file`'s), plain or
//! gzip, read as a stream of pages.
//!
//! A gzip WARC holds one member a record, as Common Crawl writes it; each member is
//! inflated on its own, so a record's `source` is `FILE#OFFSET` with the member's offset in
//! the file (the offset a range request fetches it by). A plain WARC's offset is the
//! record's own. Memory holds one record at most: a record larger than the limit is
//! passed over and becomes an error item.
//!
//! Which records are pages: a `response` whose HTTP message carries HTML or plain text
//! (chunked and gzip or deflate transfer decoded; the header's charset kept as the page's
//! declaration), a `resource` of such a type, and a `conversion` (the text of a WET file).
//! Every other record is skipped and named by its kind (`request`, `warcinfo`, `response
//! image/png`, `response 404`, ...), for the run's summary.

use crate::document::Format;
use crate::pipeline::Page;
use std::io::{self, BufRead, Read};

/// One page of a WARC file.
#[derive(Debug, Clone, PartialEq)]
pub struct WarcPage {
    /// The record's WARC-Record-ID, without its angle brackets.
    pub id: String,
    /// The record's WARC-Target-URI.
    pub url: Option<String>,
    /// `FILE#OFFSET`.
    pub source: String,
    /// The page's bytes (the HTTP payload, decoded from its transfer and content codings),
    /// kept where the record was read into: `bytes()`.
    body: Owned,
    pub format: Format,
    /// The charset the HTTP header declares.
    pub charset: Option<String>,
}

impl WarcPage {
    /// The page's bytes.
    pub fn bytes(&self) -> &[u8] {
        self.body.as_slice()
    }

    /// The page to clean: its record's id, source and address, format and charset.
    pub fn page(&self) -> Page<'_> {
        let mut page = Page::new(self.id.clone(), self.source.clone(), self.bytes());
        page.url = self.url.clone();
        page.format = Some(self.format);
        page.charset = self.charset.clone();
        page
    }
}

/// Bytes within a buffer that holds more (a record's HTTP header): a page is sliced out
/// of the record's block, not copied.
#[derive(Debug, Clone, PartialEq)]
struct Owned {
    data: Vec<u8>,
    range: std::ops::Range<usize>,
}

impl Owned {
    fn whole(data: Vec<u8>) -> Owned {
        Owned { range: 0..data.len(), data }
    }

    fn as_slice(&self) -> &[u8] {
        &self.data[self.range.clone()]
    }
}

/// What a WARC file yields, record by record.
#[derive(Debug)]
pub enum Item {
    Page(WarcPage),
    /// A record that is no page, by kind.
    Skipped(String),
    /// A record that could not be read: its source and why. An error in the file's framing
    /// ends the file.
    Failed {
        source: String,
        error: String,
    },
}

/// Whether a file name says WARC or WET: `.warc`, `.wet`, either with `.gz`.
pub fn is_warc_name(name: &str) -> bool {
    use crate::norm::ends_with_ignore_ascii_case as ends;
    let name = name.as_bytes();
    let name = if ends(name, b".gz") { &name[..name.len() - 3] } else { name };
    ends(name, b".warc") || ends(name, b".wet")
}

/// A byte source that counts what has been consumed: the offset of the next record.
struct Counting<R> {
    inner: R,
    consumed: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.consumed += amt as u64;
        self.inner.consume(amt);
    }
}

/// The pages of one WARC file, read as they are asked for.
pub struct WarcReader<R> {
    input: Counting<R>,
    name: String,
    gzip: Option<bool>,
    max_bytes: u64,
    /// The member being read (gzip): its offset in the file and the position of its next
    /// record in `inflated`, a buffer every member reuses.
    member: Option<(u64, usize)>,
    /// Its first `inflated_len` bytes are the member; the rest, zeroed once, waits for
    /// the next (std's read_to_end would zero it again for every member).
    inflated: Vec<u8>,
    inflated_len: usize,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    /// `name` is the file's name as given, for each record's `source`; a record whose
    /// block (or member) exceeds `max_bytes` is an error item.
    pub fn new(input: R, name: impl Into<String>, max_bytes: u64) -> WarcReader<R> {
        WarcReader {
            input: Counting { inner: input, consumed: 0 },
            name: name.into(),
            gzip: None,
            max_bytes,
            member: None,
            inflated: Vec::new(),
            inflated_len: 0,
            done: false,
        }
    }

    /// A record's `source`: `FILE#OFFSET`.
    fn source(&self, offset: u64) -> String {
        format!("{}#{offset}", self.name)
    }

    /// An error that ends the file.
    fn failed(&mut self, offset: u64, error: String) -> Item {
        self.done = true;
        Item::Failed { source: self.source(offset), error }
    }

    /// What a read at `offset` gave, as an item; None where the input (or member) ended.
    fn read_item(&mut self, read: RecordRead, offset: u64) -> Option<Item> {
        match read {
            Ok(Some(Ok(record))) => Some(self.item(record, offset)),
            Ok(Some(Err(error))) => Some(Item::Failed { source: self.source(offset), error }),
            Ok(None) => None,
            Err(error) => Some(self.failed(offset, error)),
        }
    }

    /// The next record's item, or None at the end of the file.
    fn next_item(&mut self) -> Option<Item> {
        loop {
            if self.done {
                return None;
            }
            // The records of the current member first.
            if let Some((offset, position)) = self.member {
                let mut cursor = io::Cursor::new(&self.inflated[..self.inflated_len]);
                cursor.set_position(position as u64);
                let read = member_record(&mut cursor, self.max_bytes);
                self.member = Some((offset, cursor.position() as usize));
                match self.read_item(read, offset) {
                    Some(item) => return Some(item),
                    None => {
                        self.member = None;
                        continue;
                    }
                }
            }
            let offset = self.input.consumed;
            let head = match self.input.fill_buf() {
                Ok([]) => return None,
                Ok(head) => head,
                Err(e) => return Some(self.failed(offset, format!("read: {e}"))),
            };
            let gzip = *self.gzip.get_or_insert(head.starts_with(&[0x1f, 0x8b]));
            if !gzip {
                let read = plain_record(&mut self.input, self.max_bytes);
                return self.read_item(read, offset);
            }
            // One gzip member, inflated whole (bounded) into the buffer the members share:
            // its records come next.
            let limit = usize::try_from(self.max_bytes.saturating_add(64 << 10)).unwrap_or(usize::MAX);
            let mut member = flate2::bufread::GzDecoder::new(&mut self.input);
            let read = read_up_to(&mut member, &mut self.inflated, limit);
            self.inflated_len = *read.as_ref().unwrap_or(&0);
            match read {
                Ok(len) if len > limit => {
                    // Passed over to its end, so the next member is read in turn.
                    if let Err(e) = io::copy(&mut member, &mut io::sink()) {
                        return Some(self.failed(offset, format!("gzip: {e}")));
                    }
                    let error = format!("read: WARC record exceeds --max-bytes {}", self.max_bytes);
                    return Some(Item::Failed { source: self.source(offset), error });
                }
                Ok(_) => self.member = Some((offset, 0)),
                Err(e) => return Some(self.failed(offset, format!("gzip: {e}"))),
            }
        }
    }

    /// What a record is: a page, or skipped by kind.
    fn item(&self, record: Record, offset: u64) -> Item {
        let source = self.source(offset);
        let kind = record.header("WARC-Type").unwrap_or("unknown").to_ascii_lowercase();
        let id = record.header("WARC-Record-ID").map(unbracket).unwrap_or_else(|| source.clone());
        let url = record.header("WARC-Target-URI").map(unbracket);
        let warc_type = record.header("Content-Type").unwrap_or("").to_ascii_lowercase();
        let (body, content_type) = match kind.as_str() {
            "response"
                if warc_type.starts_with("application/http") || record.block.as_slice().starts_with(b"HTTP/") =>
            {
                match http_payload(record.block, self.max_bytes) {
                    Ok(Payload::Page { body, content_type }) => (body, content_type),
                    Ok(Payload::Status(status)) => return Item::Skipped(format!("response {status}")),
                    Err(error) => return Item::Failed { source, error },
                }
            }
            "response" | "resource" => (record.block, warc_type),
            "conversion" => (record.block, "text/plain".to_owned()),
            _ => return Item::Skipped(kind),
        };
        let media = content_type.split(';').next().unwrap_or("").trim().to_owned();
        let format = match media.as_str() {
            "text/html" | "application/xhtml+xml" => Format::Html,
            "text/plain" => Format::Text,
            "" => return Item::Skipped(format!("{kind} without a type")),
            other => return Item::Skipped(format!("{kind} {other}")),
        };
        let charset = content_type.split(';').find_map(|param| {
            let (key, value) = param.split_once('=')?;
            (key.trim() == "charset").then(|| value.trim().trim_matches('"').to_owned())
        });
        Item::Page(WarcPage { id, url, source, body, format, charset })
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        self.next_item()
    }
}

/// `<urn:uuid:...>` without its brackets (WARC 1.0 writes some values so).
fn unbracket(value: &str) -> String {
    value.trim().trim_start_matches('<').trim_end_matches('>').to_owned()
}

/// A record's named fields, in order.
type Fields = Vec<(String, String)>;

/// A WARC record: its named fields and its block.
struct Record {
    headers: Fields,
    block: Owned,
}

impl Record {
    fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// A record, read; an error inside for one passed over (too large) whose next record can
/// be read; an error outside for a file whose framing is broken; None at its end.
type RecordRead = Result<Option<Result<Record, String>>, String>;

/// Reads a record's head: the version line and the named fields up to a blank line, with
/// its block's length (Content-Length). Blank lines before it are passed over.
fn read_head(input: &mut impl BufRead) -> Result<Option<(Fields, u64)>, String> {
    let mut line = String::new();
    loop {
        line.clear();
        if read_line(input, &mut line)? == 0 {
            return Ok(None);
        }
        if !line.trim().is_empty() {
            break;
        }
    }
    if !line.starts_with("WARC/") {
        return Err(format!("WARC: expected a version line, found {:?}", truncate(&line)));
    }
    let mut headers: Fields = Vec::new();
    loop {
        line.clear();
        if read_line(input, &mut line)? == 0 {
            return Err("WARC: the file ends inside a record's header".into());
        }
        let field = line.trim_end_matches(['\r', '\n']);
        if field.is_empty() {
            break;
        }
        match field.split_once(':') {
            Some((name, value)) => headers.push((name.trim().to_owned(), value.trim().to_owned())),
            // A continuation line (folded value) joins the field before it.
            None if field.starts_with([' ', '\t']) && !headers.is_empty() => {
                let last = headers.len() - 1;
                headers[last].1.push(' ');
                headers[last].1.push_str(field.trim());
            }
            None => return Err(format!("WARC: a header line without a name: {:?}", truncate(field))),
        }
    }
    let length = header(&headers, "Content-Length")
        .and_then(|v| v.parse().ok())
        .ok_or("WARC: a record without a valid Content-Length")?;
    Ok(Some((headers, length)))
}

const TRUNCATED: &str = "WARC: the file ends inside a record's block (truncated)";

/// Reads `reader` to its end into the start of `buf`, or past `limit` bytes, and returns
/// the length read. `buf` grows, zeroed, only where the read needs more than it has.
fn read_up_to(reader: &mut impl Read, buf: &mut Vec<u8>, limit: usize) -> io::Result<usize> {
    let mut filled = 0;
    loop {
        if filled == buf.len() {
            if filled > limit {
                return Ok(filled);
            }
            buf.resize(filled + filled.max(64 << 10), 0);
        }
        match reader.read(&mut buf[filled..]) {
            Ok(0) => return Ok(filled),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// A record of a plain WARC file, its block read into its own buffer.
fn plain_record(input: &mut impl BufRead, max_bytes: u64) -> RecordRead {
    let Some((headers, length)) = read_head(input)? else { return Ok(None) };
    if length > max_bytes {
        // Passed over, so the records after it are read in turn.
        io::copy(&mut input.take(length), &mut io::sink()).map_err(|e| format!("read: {e}"))?;
        return Ok(Some(Err(format!("read: WARC record exceeds --max-bytes {max_bytes}"))));
    }
    let mut block = Vec::with_capacity(length as usize);
    input.take(length).read_to_end(&mut block).map_err(|e| format!("read: {e}"))?;
    if (block.len() as u64) < length {
        return Err(TRUNCATED.into());
    }
    Ok(Some(Ok(Record { headers, block: Owned::whole(block) })))
}

/// A record of an inflated gzip member, its block copied out of the member's buffer.
fn member_record(member: &mut io::Cursor<&[u8]>, max_bytes: u64) -> RecordRead {
    let Some((headers, length)) = read_head(member)? else { return Ok(None) };
    let start = member.position() as usize;
    let end = start.saturating_add(usize::try_from(length).unwrap_or(usize::MAX));
    if end > member.get_ref().len() {
        return Err(TRUNCATED.into());
    }
    member.set_position(end as u64);
    if length > max_bytes {
        return Ok(Some(Err(format!("read: WARC record exceeds --max-bytes {max_bytes}"))));
    }
    Ok(Some(Ok(Record { headers, block: Owned::whole(member.get_ref()[start..end].to_vec()) })))
}

/// A line, read as bytes and kept as text (header values are ASCII; others are kept lossy).
fn read_line(input: &mut impl BufRead, line: &mut String) -> Result<usize, String> {
    let mut bytes = Vec::new();
    let n = input.take(1 << 16).read_until(b'\n', &mut bytes).map_err(|e| format!("read: {e}"))?;
    line.push_str(&String::from_utf8_lossy(&bytes));
    Ok(n)
}

fn truncate(s: &str) -> String {
    s.trim_end().chars().take(60).collect()
}

/// What an HTTP response carries.
enum Payload {
    Page {
        body: Owned,
        content_type: String,
    },
    /// Not a success: its status code.
    Status(u16),
}

/// The payload of an HTTP response: the status line and headers off, chunked transfer
/// and gzip or deflate content decoded (where the bytes are so coded: Common Crawl
/// stores payloads decoded and keeps the headers).
fn http_payload(message: Owned, max_bytes: u64) -> Result<Payload, String> {
    let bytes = message.as_slice();
    let end = memchr::memmem::find(bytes, b"\r\n\r\n")
        .map(|at| at + 4)
        .or_else(|| memchr::memmem::find(bytes, b"\n\n").map(|at| at + 2))
        .unwrap_or(bytes.len());
    let head = String::from_utf8_lossy(&bytes[..end]);
    let mut lines = head.lines();
    let status: u16 = lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
    if !(200..300).contains(&status) {
        return Ok(Payload::Status(status));
    }
    let header = |name: &str| {
        head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_ascii_lowercase())
        })
    };
    let content_type = header("Content-Type").unwrap_or_default();
    let chunked = header("Transfer-Encoding").is_some_and(|v| v.contains("chunked"));
    let coding = header("Content-Encoding");
    let range = message.range.start + end..message.range.end;
    let mut body = Owned { data: message.data, range };
    if chunked {
        if let Some(joined) = dechunk(body.as_slice()) {
            body = Owned::whole(joined);
        }
    }
    match coding.as_deref() {
        Some("gzip" | "x-gzip") if body.as_slice().starts_with(&[0x1f, 0x8b]) => {
            body = Owned::whole(inflate(flate2::read::MultiGzDecoder::new(body.as_slice()), max_bytes)?);
        }
        Some("deflate") => {
            // A zlib stream as the standard has it, or raw deflate as many servers send.
            let coded = body.as_slice();
            let inflated = inflate(flate2::read::ZlibDecoder::new(coded), max_bytes)
                .or_else(|_| inflate(flate2::read::DeflateDecoder::new(coded), max_bytes))?;
            body = Owned::whole(inflated);
        }
        _ => {}
    }
    Ok(Payload::Page { body, content_type })
}

fn inflate(decoder: impl Read, max_bytes: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    decoder.take(max_bytes + 1).read_to_end(&mut out).map_err(|e| format!("HTTP content coding: {e}"))?;
    if out.len() as u64 > max_bytes {
        return Err(format!("read: page exceeds --max-bytes {max_bytes}"));
    }
    Ok(out)
}

/// A chunked body joined, or None when the bytes are not chunked after all.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let eol = memchr::memmem::find(rest, b"\r\n")?;
        let size_field = std::str::from_utf8(&rest[..eol]).ok()?;
        let size = usize::from_str_radix(size_field.split(';').next()?.trim(), 16).ok()?;
        rest = &rest[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?.strip_prefix(b"\r\n").unwrap_or(&rest[size..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}>\r\nWARC-Target-URI: https://example.com/{kind}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn chunks_join_and_a_body_that_is_not_chunked_stays() {
        assert_eq!(dechunk(b"5\r\nhello\r\n6;x=1\r\n world\r\n0\r\n\r\n").unwrap(), b"hello world");
        assert_eq!(dechunk(b"<html>not chunked</html>"), None);
    }

    #[test]
    fn responses_are_pages_and_the_rest_is_named() {
        let html = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=GBK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n<p>hi<\r\n3\r\n/p>\r\n0\r\n\r\n";
        let records = [
            record("warcinfo", "application/warc-fields", b"software: test\r\n"),
            record("request", "application/http; msgtype=request", b"GET / HTTP/1.1\r\n\r\n"),
            record("response", "application/http; msgtype=response", html),
            record("response", "application/http; msgtype=response", b"HTTP/1.1 404 Not Found\r\n\r\ngone"),
            record(
                "response",
                "application/http; msgtype=response",
                b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG",
            ),
            record("conversion", "text/plain", "第一段。\n第二段。".as_bytes()),
        ];
        let gzipped: Vec<Vec<u8>> = records.iter().map(|r| gzip(r)).collect();
        for (bytes, name) in [(records.concat(), "a.warc"), (gzipped.concat(), "b.warc.gz")] {
            let items: Vec<Item> = WarcReader::new(&bytes[..], name, 1 << 20).collect();
            let kinds: Vec<String> = items
                .iter()
                .map(|i| match i {
                    Item::Page(p) => format!("page {:?} {:?}", p.format, p.charset),
                    Item::Skipped(kind) => kind.clone(),
                    Item::Failed { error, .. } => format!("failed {error}"),
                })
                .collect();
            assert_eq!(
                kinds,
                [
                    "warcinfo",
                    "request",
                    "page Html Some(\"gbk\")",
                    "response 404",
                    "response image/png",
                    "page Text None"
                ],
                "{name}"
            );
            let Item::Page(page) = &items[2] else { unreachable!() };
            assert_eq!(page.bytes(), b"<p>hi</p>");
            assert_eq!(page.id, "urn:uuid:response");
            assert_eq!(page.url.as_deref(), Some("https://example.com/response"));
            assert!(page.source.starts_with(&format!("{name}#")));
        }
    }

    #[test]
    fn each_gzip_member_is_a_record_at_its_offset() {
        let members: Vec<Vec<u8>> =
            (0..3).map(|i| gzip(&record("conversion", "text/plain", format!("page {i}").as_bytes()))).collect();
        let file = members.concat();
        let sources: Vec<String> = WarcReader::new(&file[..], "c.warc.wet.gz", 1 << 20)
            .map(|i| match i {
                Item::Page(p) => p.source,
                other => panic!("{other:?}"),
            })
            .collect();
        let (a, b) = (members[0].len(), members[0].len() + members[1].len());
        assert_eq!(sources, ["c.warc.wet.gz#0".to_owned(), format!("c.warc.wet.gz#{a}"), format!("c.warc.wet.gz#{b}")]);
    }

    #[test]
    fn damage_is_an_error_item_never_a_panic() {
        let good = record("conversion", "text/plain", b"text");
        // Truncated inside the block; a record over the limit; not a WARC at all.
        let truncated = &good[..good.len() - 8];
        let items: Vec<Item> = WarcReader::new(truncated, "t.warc", 1 << 20).collect();
        assert!(matches!(&items[..], [Item::Failed { error, .. }] if error.contains("truncated")), "{items:?}");
        let big = record("conversion", "text/plain", &[b'x'; 100]);
        let items: Vec<Item> = WarcReader::new(&[big.clone(), good.clone()].concat()[..], "m.warc", 50).collect();
        assert!(matches!(&items[0], Item::Failed { error, .. } if error.contains("--max-bytes")), "{items:?}");
        assert!(matches!(&items[1..], [Item::Page(p)] if p.bytes() == b"text"), "{items:?}");
        let items: Vec<Item> = WarcReader::new(&b"<html>no warc</html>"[..], "x.warc", 1 << 20).collect();
        assert!(matches!(&items[..], [Item::Failed { error, .. }] if error.contains("version line")), "{items:?}");
        let items: Vec<Item> = WarcReader::new(&gzip(&good)[..20], "y.warc.gz", 1 << 20).collect();
        assert!(matches!(&items[..], [Item::Failed { error, .. }] if error.starts_with("gzip")), "{items:?}");
    }
}
