//! WARC and WET files as crawls write them: one record per page record, the same records
//! as the same pages given as files (but for `id`, `url` and `source`), the other records
//! named in the summary, damage an error record.

mod common;
use common::*;

use serde_json::Value;
use std::fs;
use std::io::Write;
use std::path::Path;

/// A record without the fields that name where the page came from. An image's address
/// is resolved against the page's own, which a WARC record gives and a file does not.
fn content(record: &Value) -> Value {
    let mut record = record.clone();
    let fields = record.as_object_mut().unwrap();
    for field in ["id", "source", "url", "duplicate_of"] {
        fields.remove(field);
    }
    for image in fields.get_mut("images").and_then(Value::as_array_mut).into_iter().flatten() {
        image.as_object_mut().unwrap().remove("src");
    }
    record
}

fn contents(out: &std::process::Output) -> Vec<Value> {
    records(out).iter().map(content).collect()
}

#[test]
fn warcio_files_give_the_records_of_their_pages() {
    // tests/warc holds files warcio wrote (scripts/make_warc_fixtures.py): responses among
    // requests, an image, a 404 and a revisit; one chunked and gzip-coded, one Big5.
    let html = ["fixtures/html/en-news.html", "fixtures/html/zh-big5.html", "fixtures/html/en-related-articles.html"];
    let text = ["fixtures/text/en-news.txt", "fixtures/text/seed.txt", "fixtures/text/zh-gb18030.txt"];
    for (warc, pages) in [("tests/warc/crawl.warc.gz", &html), ("tests/warc/crawl.warc.wet.gz", &text)] {
        let from_warc = newsclean(&["clean", "--no-batch", warc]);
        assert!(from_warc.status.success(), "{}", String::from_utf8_lossy(&from_warc.stderr));
        let mut args = vec!["clean", "--no-batch"];
        args.extend(pages.iter());
        assert_eq!(contents(&from_warc), contents(&newsclean(&args)), "{warc}");
        let records = records(&from_warc);
        assert!(records.iter().all(|r| r["id"].as_str().unwrap().starts_with("urn:uuid:")));
        assert!(records.iter().all(|r| r["source"].as_str().unwrap().starts_with(&format!("{warc}#"))));
        assert!(records.iter().all(|r| r["url"].as_str().unwrap().starts_with("https://example.")));
    }
    let out = newsclean(&["clean", "tests/warc/crawl.warc.gz"]);
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(
        summary
            .contains("WARC records skipped: request 3, response 404 1, response image/png 1, revisit 1, warcinfo 1"),
        "{summary}"
    );
}

#[test]
fn a_damaged_warc_is_an_error_record_after_the_pages_before_it() {
    let dir = scratch("warc-damaged");
    let bytes = fs::read("tests/warc/crawl.warc.gz").unwrap();
    // Cut inside the last page's member: the pages before it still come out.
    let cut = dir.join("cut.warc.gz");
    fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let out = newsclean(&["clean", "--no-batch", cut.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let records = records(&out);
    let last = records.last().unwrap();
    assert!(last["error"].as_str().unwrap().starts_with("gzip"), "{last}");
    assert!(records.len() >= 2 && records[..records.len() - 1].iter().all(|r| r["error"].is_null()));
    fs::remove_dir_all(&dir).unwrap();
}

/// One WARC record, gzip-compressed on its own as Common Crawl writes them.
fn member(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&record).unwrap();
    gz.finish().unwrap()
}

#[test]
fn a_thousand_corpus_pages_as_warc_and_wet_are_the_batch_of_the_same_files() {
    let corpus = Path::new("../shared/corpus");
    if !corpus.join("dragnet").is_dir() {
        eprintln!("no development corpus at {}: skipped", corpus.display());
        return;
    }
    // The first thousand of cleaneval's and dragnet's pages by name.
    let mut pages: Vec<_> = ["dragnet", "cleaneval"]
        .iter()
        .flat_map(|f| fs::read_dir(corpus.join(f)).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort_by_key(|p| p.file_name().unwrap().to_owned());
    pages.truncate(1_000);
    assert_eq!(pages.len(), 1_000);
    let dir = scratch("warc-corpus");
    let (html_dir, text_dir) = (dir.join("html"), dir.join("text"));
    fs::create_dir_all(&html_dir).unwrap();
    fs::create_dir_all(&text_dir).unwrap();
    let (mut warc, mut wet) = (Vec::new(), Vec::new());
    for (i, page) in pages.iter().enumerate() {
        let name = format!("{i:04}");
        let bytes = fs::read(page).unwrap();
        fs::write(html_dir.join(format!("{name}.html")), &bytes).unwrap();
        let mut response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
        response.extend_from_slice(&bytes);
        warc.extend(member(
            "response",
            &format!("https://example.com/{name}"),
            "application/http; msgtype=response",
            &response,
        ));
        // The text a WET file would carry: the truth's article text.
        let truth: Value = serde_json::from_slice(&fs::read(page.with_extension("json")).unwrap()).unwrap();
        let text = truth["body"].as_str().unwrap_or("").to_owned() + "\n";
        fs::write(text_dir.join(format!("{name}.txt")), &text).unwrap();
        wet.extend(member("conversion", &format!("https://example.com/{name}"), "text/plain", text.as_bytes()));
    }
    fs::write(dir.join("crawl.warc.gz"), warc).unwrap();
    fs::write(dir.join("crawl.warc.wet.gz"), wet).unwrap();
    for (file, folder) in [("crawl.warc.gz", &html_dir), ("crawl.warc.wet.gz", &text_dir)] {
        // Both as one batch (the default): the cross-page rules see the same pages.
        let from_warc = newsclean(&["clean", "-q", dir.join(file).to_str().unwrap()]);
        let from_files = newsclean(&["clean", "-q", folder.to_str().unwrap()]);
        // A page with no text (an empty truth) is an error record in both, exit 1.
        assert_eq!(from_warc.status.code(), from_files.status.code(), "{file}");
        let (a, b) = (contents(&from_warc), contents(&from_files));
        assert_eq!(a.len(), 1_000, "{file}");
        let differ = a.iter().zip(&b).filter(|(x, y)| x != y).count();
        assert_eq!(differ, 0, "{file}: {differ} records differ from the files'");
        // A near-duplicate names its original by where it came from, in each its own way.
        let dups = |out: &std::process::Output| -> Vec<bool> {
            records(out).iter().map(|r| r["duplicate_of"].is_string()).collect()
        };
        assert_eq!(dups(&from_warc), dups(&from_files), "{file}");
    }
    fs::remove_dir_all(&dir).unwrap();
}
