//! The command line as a user meets it: order, determinism, pipes, exit codes, errors.

mod common;
use common::*;

use serde_json::Value;
use std::fs;
use std::io::{Read, Write};
use std::process::{Command, Stdio};

#[test]
fn jobs_never_change_output_bytes() {
    let one = newsclean(&["clean", "--quiet", "--jobs", "1", "fixtures"]);
    let two = newsclean(&["clean", "--quiet", "--jobs", "2", "fixtures"]);
    assert!(one.status.success() && two.status.success());
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn an_html_file_without_markup_is_read_as_text() {
    // Scrapers save extracted text under the page's name: parsed as HTML, its
    // paragraphs would run together into one.
    let dir = scratch("html-without-markup");
    let page = dir.join("story.html");
    let text = fs::read_to_string("fixtures/text/en-news.txt").unwrap();
    fs::write(&page, &text).unwrap();
    let as_html = records(&newsclean(&["clean", "-q", page.to_str().unwrap()])).remove(0);
    let as_text = records(&newsclean(&["clean", "-q", "fixtures/text/en-news.txt"])).remove(0);
    assert_eq!(as_html["format"], "text");
    assert_eq!(as_html["body"], as_text["body"]);
    assert!(as_html["body"].as_array().unwrap().len() > 1);
}

#[test]
fn a_walk_is_sorted_and_skips_expected_records() {
    let out = newsclean(&["clean", "-q", "fixtures/text"]);
    let sources: Vec<String> = records(&out).iter().map(|r| r["source"].as_str().unwrap().to_owned()).collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
    assert!(sources.iter().all(|s| s.ends_with(".txt")), "{sources:?}");
}

#[test]
fn stdin_gives_the_same_record_as_the_file() {
    let file = records(&newsclean(&["clean", "-q", "fixtures/text/zh-gb18030.txt"])).remove(0);
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsclean"))
        .args(["clean", "-q", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&fs::read("fixtures/text/zh-gb18030.txt").unwrap()).unwrap();
    let out = child.wait_with_output().unwrap();
    let mut piped = records(&out).remove(0);
    assert_eq!(piped["source"], "-");
    for field in ["id", "source"] {
        piped[field] = file[field].clone();
    }
    assert_eq!(piped, file);
}

#[test]
fn nothing_is_lost_on_any_fixture() {
    for r in records(&newsclean(&["clean", "-q", "fixtures"])) {
        let s = &r["stats"];
        // Images of HTML pages (with `src`) come from <img>, not from text blocks.
        let placeholders = r["images"].as_array().unwrap().iter().filter(|i| i["src"].is_null()).count();
        let placed = usize::from(!r["lead"].is_null())
            + r["body"].as_array().unwrap().len()
            + placeholders
            + r["removed"].as_array().unwrap().len()
            + s["tag_lines"].as_u64().unwrap() as usize;
        let blocks = s["blocks"].as_u64().unwrap() as usize;
        if r["format"] == "text" {
            assert_eq!(placed + usize::from(!r["title"].is_null()), blocks, "{}", r["id"]);
        } else {
            // An HTML title may come from the markup alone or repeat a block, and a caption
            // block lands as the caption of its image.
            let images = r["images"].as_array().unwrap().len() - placeholders;
            assert!(placed <= blocks && blocks <= placed + 1 + images, "{}: {placed} of {blocks}", r["id"]);
        }
        for removed in r["removed"].as_array().unwrap() {
            let code = removed["rule"].as_str().unwrap();
            assert!(newsclean::rules::find(code).is_some(), "{code}");
            assert!(!removed["reason"].as_str().unwrap().is_empty());
        }
    }
}

#[test]
fn bad_input_gives_error_records_and_exit_1_after_the_rest() {
    let dir = scratch("cli-bad");
    fs::write(dir.join("a-empty.txt"), b"").unwrap();
    fs::write(dir.join("b-image.html"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0").unwrap();
    fs::copy("fixtures/text/seed.txt", dir.join("c-seed.txt")).unwrap();
    let out = newsclean(&["clean", "-q", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["error"], "decode: empty input");
    assert!(recs[1]["error"].as_str().unwrap().starts_with("decode: binary content"));
    assert!(recs[1]["source"].as_str().unwrap().ends_with("b-image.html"));
    assert_eq!(recs[2]["title"], "加大先行先试探索,临港新片区深化产教融合试点城市建设");
    let big = newsclean(&["clean", "-q", "--max-bytes", "100", "fixtures/text/seed.txt"]);
    assert_eq!(big.status.code(), Some(1));
    assert!(records(&big)[0]["error"].as_str().unwrap().contains("--max-bytes 100"));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(newsclean(&["clean", "--jobs", "many"]).status.code(), Some(2));
    assert_eq!(newsclean(&["explain", "Z999"]).status.code(), Some(2));
}

#[test]
fn output_file_is_written_whole_and_nothing_else_is_left() {
    let dir = scratch("cli-out");
    let target = dir.join("records.jsonl");
    let out = newsclean(&["clean", "-q", "-o", target.to_str().unwrap(), "fixtures/text"]);
    assert!(out.status.success() && out.stdout.is_empty());
    let stdout = newsclean(&["clean", "-q", "fixtures/text"]).stdout;
    assert_eq!(fs::read(&target).unwrap(), stdout);
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 1, "no temporary file is left");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    let dir = scratch("cli-pipe");
    let seed = fs::read("fixtures/text/seed.txt").unwrap();
    for i in 0..400 {
        fs::write(dir.join(format!("page{i:03}.txt")), &seed).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsclean"))
        .args(["clean", "-q", dir.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_other_commands_end_quietly_on_a_closed_pipe_too() {
    for args in
        [&["eval", "--truth", "fixtures/html", "--worst", "40"][..], &["rules"], &["explain", "M001"], &["schema"]]
    {
        let child = Command::new(env!("CARGO_BIN_EXE_newsclean"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Closed before the command writes a byte.
        let mut child = child;
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stderr.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn summary_goes_to_stderr_and_quiet_silences_it() {
    let loud = newsclean(&["clean", "fixtures/text/seed.txt"]);
    let summary = String::from_utf8(loud.stderr).unwrap();
    assert!(summary.contains("1 pages") && summary.contains("M002 9"), "{summary}");
    assert!(newsclean(&["clean", "-q", "fixtures/text/seed.txt"]).stderr.is_empty());
}

#[test]
fn text_and_json_formats() {
    let text =
        String::from_utf8(newsclean(&["clean", "-q", "--format", "text", "fixtures/text/en-news.txt"]).stdout).unwrap();
    assert!(text.contains("City council approves new protected bike lanes downtown\n2024-03-23T18:15:00\n"), "{text}");
    assert!(!text.contains("Related Articles"));
    let json = newsclean(&["clean", "-q", "--format", "json", "fixtures/text"]).stdout;
    let all: Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(
        all.as_array().unwrap().len(),
        fs::read_dir("fixtures/text")
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension().unwrap() == "txt")
            .count()
    );
}

#[test]
fn rules_and_explain() {
    let rules = String::from_utf8(newsclean(&["rules"]).stdout).unwrap();
    assert_eq!(rules.lines().count(), newsclean::rules::RULES.len());
    let explain = String::from_utf8(newsclean(&["explain", "t001"]).stdout).unwrap();
    assert!(explain.starts_with("T001 truncated-teaser:") && explain.contains("Thresholds:"), "{explain}");
}

#[test]
fn eval_scores_each_folder_and_holds_each_floor() {
    let out = newsclean(&["eval", "--truth", "fixtures/html", "fixtures/text", "--worst", "0"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].starts_with("fixtures/html ") && lines[1].starts_with("fixtures/text "), "{stdout}");
    // Expected records are truth too: their bodies are lists, their dates `published`.
    assert!(lines.iter().all(|l| l.contains("F1 1.0000")), "{stdout}");
    // A floor for one folder holds there only; an unreachable one fails and names it.
    let out =
        newsclean(&["eval", "--truth", "fixtures/html", "fixtures/text", "--worst", "0", "--min-f1", "text=1.01"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("fixtures/text: F1 1.0000 < floor 1.01") && !stderr.contains("fixtures/html"), "{stderr}");
    let out = newsclean(&["eval", "--truth", "fixtures/html", "--worst", "0", "--min-f1", "text=1.01"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn eval_refuses_a_truth_file_it_cannot_read() {
    let dir = scratch("eval-bad-truth");
    fs::copy("fixtures/text/seed.txt", dir.join("seed.txt")).unwrap();
    fs::write(dir.join("seed.json"), r#"{"body": 42}"#).unwrap();
    let out = newsclean(&["eval", "--truth", dir.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("seed.json") && stderr.contains("list of strings"), "{stderr}");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_crawl_folder_gives_records_for_its_pages_and_names_the_rest() {
    let dir = scratch("crawl-folder");
    let story = fs::read("fixtures/html/en-news.html").unwrap();
    fs::write(dir.join("story.html"), &story).unwrap();
    fs::write(dir.join("index.php"), &story).unwrap();
    fs::write(dir.join("app.js"), "function f(){return 1;}\n").unwrap();
    fs::write(dir.join("site.css"), "body{margin:0}").unwrap();
    fs::write(dir.join("logo.png"), b"\x89PNG\r\n\x1a\n\0\0\0\0").unwrap();
    fs::write(dir.join("robots.txt"), "User-agent: *\n").unwrap();
    fs::write(dir.join("sitemap.xml"), "<urlset/>").unwrap();
    let out_file = dir.join("records.jsonl");
    for run in 0..2 {
        // The second run finds the first one's output in the folder, and leaves it alone.
        let out = newsclean(&["clean", dir.to_str().unwrap(), "-o", out_file.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stderr = String::from_utf8_lossy(&out.stderr);
        let own = if run == 0 { "" } else { ", the run's output 1" };
        assert!(stderr.contains("2 pages in"), "{stderr}");
        let skipped = format!("skipped (.css 1, .js 1, .png 1, .xml 1, robots.txt 1{own})");
        assert!(stderr.contains(&skipped), "{stderr}");
        let written = fs::read_to_string(&out_file).unwrap();
        let sources: Vec<String> = written
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["source"].as_str().unwrap().to_owned())
            .collect();
        assert!(sources.len() == 2 && sources[0].ends_with("index.php") && sources[1].ends_with("story.html"));
    }
    // --type html: by extension only, so the page at index.php is left out too, and said so.
    let out = newsclean(&["clean", "--type", "html", dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 pages in") && stderr.contains("7 skipped (--type 7)"), "{stderr}");
    let out = newsclean(&["clean", "-t", "pdf", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--type pdf: not a type (types: html, text, jsonl, warc)"), "{stderr}");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn failures_are_named_on_stderr_and_no_pages_is_a_warning() {
    // A missing path: its name and the reason, not only a count.
    let out = newsclean(&["clean", "no/such/page.html"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("newsclean: no/such/page.html: read: No such file"), "{stderr}");
    // The first five failures by name, then a count; --verbose names all.
    let missing: Vec<String> = (0..7).map(|i| format!("missing-{i}.html")).collect();
    let mut args = vec!["clean"];
    args.extend(missing.iter().map(String::as_str));
    let out = newsclean(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches(": read: ").count(), 5, "{stderr}");
    assert!(stderr.contains("... and 2 more failures (--verbose names them all)"), "{stderr}");
    args.push("--verbose");
    let stderr = String::from_utf8_lossy(&newsclean(&args).stderr).into_owned();
    assert_eq!(stderr.matches(": read: ").count(), 7, "{stderr}");
    // A folder with no pages: a warning, exit 1.
    let dir = scratch("no-pages");
    fs::write(dir.join("app.js"), "var x;").unwrap();
    let out = newsclean(&["clean", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("warning: no pages found in") && stderr.contains("1 skipped (.js 1)"), "{stderr}");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_empty_check_warns_and_an_output_folder_is_refused_leaving_nothing() {
    let dir = scratch("empty-check");
    let out = newsclean(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: no fixture pages found in"));
    // -o naming a folder: refused before anything is written, no temporary file left.
    let out = newsclean(&["clean", "fixtures/text/seed.txt", "-o", dir.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a folder; give a file path"));
    let parent = dir.parent().unwrap();
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let left = fs::read_dir(parent).unwrap().filter_map(|e| e.ok()).any(|e| {
        let n = e.file_name().to_string_lossy().into_owned();
        n.starts_with(&format!(".{name}.")) && n.ends_with(".tmp")
    });
    assert!(!left, "a temporary file was left beside {}", dir.display());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_jsonl_file_in_a_folder_is_read_as_json_lines() {
    let dir = scratch("jsonl-in-folder");
    let lines = [
        serde_json::json!({"id": "x1", "text": "第一条新闻标题\n本市今天启用一座新的社区图书馆，藏书三万册，向全体居民免费开放。"}),
        serde_json::json!({"id": "x2", "html": "<h1>A second story</h1><p>The council approved the new library hours on Tuesday, after a long debate.</p>"}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    fs::write(dir.join("pages.jsonl"), text).unwrap();
    let out = newsclean(&["clean", "-q", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let ids: Vec<String> = records(&out).iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(ids, ["x1", "x2"]);
    fs::remove_dir_all(&dir).unwrap();
}
