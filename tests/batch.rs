//! Batches: cross-page boilerplate and near-duplicates, independent of order and jobs,
//! and the same through stats, merge and --table as in one run.

mod common;
use common::*;

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn pages_of(dir: &str) -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    pages.sort();
    pages
}

#[test]
fn boilerplate_goes_from_every_page_and_jobs_change_no_byte() {
    let one = newsclean(&["clean", "-q", "--jobs", "1", "fixtures/batch"]);
    let two = newsclean(&["clean", "-q", "--jobs", "2", "fixtures/batch"]);
    assert_eq!(one.stdout, two.stdout);
    // The site's pages alone: other folders repeat its articles, and copies of an article
    // lower the counts of its page's lines (they count once).
    let site = records(&newsclean(&["clean", "-q", "fixtures/batch/site-boilerplate"]));
    assert_eq!(site.len(), 5);
    for r in &site {
        let b001 = r["removed"].as_array().unwrap().iter().filter(|x| x["rule"] == "B001").count();
        assert_eq!(b001, 3, "{}", r["id"]);
    }
    let alone = records(&newsclean(&["clean", "-q", "--no-batch", "fixtures/batch/site-boilerplate"]));
    assert!(alone.iter().all(|r| r["removed"].as_array().unwrap().iter().all(|x| x["rule"] != "B001")));
}

#[test]
fn reversing_file_order_changes_no_body() {
    let dir = scratch("batch-reverse");
    let pages: Vec<PathBuf> =
        ["fixtures/batch/site-boilerplate", "fixtures/batch/own-lead"].iter().flat_map(|d| pages_of(d)).collect();
    let n = pages.len();
    // Names that sort the other way round, each keeping its original name after a prefix.
    for (i, page) in pages.iter().enumerate() {
        let name = page.file_name().unwrap().to_string_lossy();
        fs::copy(page, dir.join(format!("{:02}-{name}", n - i))).unwrap();
    }
    let forward_dir = scratch("batch-forward");
    for (i, page) in pages.iter().enumerate() {
        let name = page.file_name().unwrap().to_string_lossy();
        fs::copy(page, dir.parent().unwrap().join(&forward_dir).join(format!("{:02}-{name}", i + 1))).unwrap();
    }
    let bodies = |d: &Path| {
        let mut by_name: Vec<(String, Value, Value)> = records(&newsclean(&["clean", "-q", d.to_str().unwrap()]))
            .into_iter()
            .map(|r| (r["id"].as_str().unwrap()[3..].to_owned(), r["body"].clone(), r["lead"].clone()))
            .collect();
        by_name.sort_by(|a, b| a.0.cmp(&b.0));
        by_name
    };
    assert_eq!(bodies(&dir), bodies(&forward_dir));
    fs::remove_dir_all(&dir).unwrap();
    fs::remove_dir_all(&forward_dir).unwrap();
}

#[test]
fn near_duplicates_are_named_and_can_be_dropped() {
    let recs = records(&newsclean(&["clean", "-q", "fixtures/batch/near-duplicates"]));
    assert_eq!(recs[1]["duplicate_of"], "fixtures/batch/near-duplicates/a-first-crawl.txt");
    assert!(recs[1]["similarity"].as_f64().unwrap() >= 0.7);
    assert!(recs[0]["duplicate_of"].is_null() && recs[2]["duplicate_of"].is_null());
    let dropped = records(&newsclean(&["clean", "-q", "--drop-duplicates", "fixtures/batch/near-duplicates"]));
    assert_eq!(dropped.len(), 2);
}

#[test]
fn shards_through_stats_merge_and_table_equal_one_run() {
    let root = scratch("batch-shards");
    let (a, b) = (root.join("shard-a"), root.join("shard-b"));
    fs::create_dir_all(&a).unwrap();
    fs::create_dir_all(&b).unwrap();
    for (i, page) in pages_of("fixtures/batch/site-boilerplate")
        .iter()
        .chain(&pages_of("fixtures/batch/near-duplicates"))
        .enumerate()
    {
        let shard = if i % 2 == 0 { &a } else { &b };
        fs::copy(page, shard.join(page.file_name().unwrap())).unwrap();
    }
    let path = |p: &Path| p.to_str().unwrap().to_owned();
    let one_run = newsclean(&["clean", "-q", &path(&a), &path(&b)]);
    let (ta, tb, merged) = (root.join("a.table"), root.join("b.table"), root.join("merged.table"));
    assert!(newsclean(&["stats", "-q", &path(&a), "-o", &path(&ta)]).status.success());
    assert!(newsclean(&["stats", "-q", &path(&b), "-o", &path(&tb)]).status.success());
    assert!(newsclean(&["stats", "-q", "--merge", &path(&ta), &path(&tb), "-o", &path(&merged)]).status.success());
    let shard_a = newsclean(&["clean", "-q", "--table", &path(&merged), &path(&a)]);
    let shard_b = newsclean(&["clean", "-q", "--table", &path(&merged), &path(&b)]);
    assert_eq!([shard_a.stdout, shard_b.stdout].concat(), one_run.stdout);
    assert!(String::from_utf8_lossy(&one_run.stdout).contains("\"rule\":\"B001\""));
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_batch_bigger_than_memory_counts_on_disk_and_finds_its_near_duplicate() {
    // 2,101 pages: more band entries (16 a page) than a tally holds in memory (32,768), so
    // the first pass writes sorted runs to the temporary folder and reads them back.
    let dir = scratch("batch-spill");
    let mut state = 7u64;
    let mut word = || -> String {
        (0..6)
            .map(|_| {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                char::from(b'a' + (state >> 59) as u8 % 26)
            })
            .collect()
    };
    let mut page_7 = String::new();
    for i in 0..2100 {
        let sentence = |word: &mut dyn FnMut() -> String| (0..12).map(|_| word()).collect::<Vec<_>>().join(" ") + ".";
        let body: Vec<String> = (0..4).map(|_| sentence(&mut word)).collect();
        let text = format!("Page {i} title\n{}\n", body.join(" "));
        if i == 7 {
            page_7 = text.clone();
        }
        fs::write(dir.join(format!("p{i:04}.txt")), text).unwrap();
    }
    // The same article again, one word changed: a near-duplicate of page 7, sorted last.
    let copy = page_7.replacen(' ', " changed ", 1);
    fs::write(dir.join("p2100.txt"), copy).unwrap();
    let dir_arg = dir.to_str().unwrap();

    let out = newsclean(&["clean", "-q", dir_arg]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let all = records(&out);
    assert_eq!(all.len(), 2101);
    let named: Vec<(&str, &str)> =
        all.iter().filter_map(|r| Some((r["id"].as_str()?, r["duplicate_of"].as_str()?))).collect();
    assert_eq!(named.len(), 1, "{named:?}");
    assert_eq!(named[0].0, "p2100");
    assert!(named[0].1.ends_with("p0007.txt"), "{named:?}");

    // With a temporary folder that cannot take a file the same batch fails, saying so
    // (its first pass keeps the records there); and so does counting it alone: the
    // counts above did go to disk.
    for command in ["clean", "stats"] {
        let failed = std::process::Command::new(env!("CARGO_BIN_EXE_newsclean"))
            .args([command, "-q", dir_arg])
            .env("TMPDIR", dir.join("missing"))
            .output()
            .unwrap();
        assert_eq!(failed.status.code(), Some(2), "{command}");
        assert!(String::from_utf8_lossy(&failed.stderr).contains("creating a temporary file in"), "{command}");
    }
    // Page by page, nothing is written: the same folder is no trouble.
    let alone = std::process::Command::new(env!("CARGO_BIN_EXE_newsclean"))
        .args(["clean", "-q", "--no-batch", dir_arg])
        .env("TMPDIR", dir.join("missing"))
        .output()
        .unwrap();
    assert!(alone.status.success());
    let _ = fs::remove_dir_all(&dir);
}
