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
