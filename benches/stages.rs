//! Per-stage benchmarks: `cargo bench --bench stages` (criterion; never run as tests).
//!
//! Inputs: the seed page and the Big5 text fixture, and the HTML fixtures, all in the
//! repository; with the development corpus beside it (`../shared/corpus`), also a
//! Chinese GB2312 page and an English page of typical size from it. Each stage is timed
//! on its own input (decoded text, segmented blocks), so a change to one stage shows in
//! its row; `whole` runs the pipeline from bytes to record.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use newsclean::stages::decode;
use newsclean::stages::signature;
use newsclean::stages::Deduper;
use newsclean::stages::HtmlReader;
use newsclean::stages::Segmenter;
use newsclean::stages::{Classifier, Layout};
use newsclean::{Page, Pipeline};
use std::path::Path;

const CORPUS: &str = "../shared/corpus";

/// A page's bytes and a short name for its rows (the corpus names pages by a long hash).
fn read(path: &str) -> Option<(String, Vec<u8>)> {
    let bytes = std::fs::read(path).ok()?;
    let name = Path::new(path).file_name()?.to_string_lossy().chars().take(24).collect();
    Some((name, bytes))
}

/// Text pages: (name, bytes).
fn text_pages() -> Vec<(String, Vec<u8>)> {
    ["fixtures/text/seed.txt", "fixtures/text/zh-big5.txt", "fixtures/text/en-news.txt"]
        .into_iter()
        .filter_map(read)
        .collect()
}

/// HTML pages: two fixtures, and two dev corpus pages when the corpus is there.
fn html_pages() -> Vec<(String, Vec<u8>)> {
    let fixtures = ["fixtures/html/zh-utf8-related-comments.html", "fixtures/html/en-news.html"];
    let corpus = [
        format!("{CORPUS}/zh_html/cwced-54e89e4e.html"),
        format!("{CORPUS}/en_html/c582d3b772578e8feaa3cfd8f5ae8100bb6f0bc66048204a9a398395841c1164.html"),
    ];
    fixtures.iter().map(|s| s.to_string()).chain(corpus).filter_map(|p| read(&p)).collect()
}

fn stages(c: &mut Criterion) {
    let pipeline = Pipeline::new();
    let (segmenter, classifier, deduper, reader) = (Segmenter, Classifier::default(), Deduper, HtmlReader::default());

    for (name, bytes) in text_pages() {
        let text = decode(&bytes, None).expect("fixture decodes").text;
        let blocks = segmenter.segment(&text);
        let mut group = c.benchmark_group(format!("text/{name}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("decode", |b| b.iter(|| decode(&bytes, None)));
        group.bench_function("segment", |b| b.iter(|| segmenter.segment(&text)));
        group.bench_function("classify", |b| {
            b.iter_batched(
                || blocks.clone(),
                |mut blocks| classifier.classify(&mut blocks, Layout::Text),
                BatchSize::SmallInput,
            )
        });
        let mut classified = blocks.clone();
        classifier.classify(&mut classified, Layout::Text);
        group.bench_function("dedupe", |b| {
            b.iter_batched(|| classified.clone(), |mut blocks| deduper.dedupe(&mut blocks), BatchSize::SmallInput)
        });
        let body: Vec<&str> = classified.iter().filter(|b| b.is_body()).map(|b| b.text.as_str()).collect();
        group.bench_function("signature", |b| b.iter(|| signature(&body)));
        group.bench_function("whole", |b| b.iter(|| pipeline.clean(&Page::new("bench", &name, &bytes))));
        group.finish();
    }

    for (name, bytes) in html_pages() {
        let declared = newsclean::stages::declared_charset(&bytes);
        let text = decode(&bytes, declared.as_deref()).expect("page decodes").text;
        let mut group = c.benchmark_group(format!("html/{name}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("decode", |b| b.iter(|| decode(&bytes, declared.as_deref())));
        group.bench_function("prepare", |b| b.iter(|| newsclean::stages::prepare(&text)));
        group.bench_function("read", |b| b.iter(|| reader.read(&text)));
        group.bench_function("whole", |b| b.iter(|| pipeline.clean(&Page::new("bench", &name, &bytes))));
        group.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
