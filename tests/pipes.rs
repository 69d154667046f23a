//! newsclean inside pipelines: JSON Lines in, JSON Lines out, every line valid against
//! the published schema.

use serde_json::{json, Value};
use std::fs;
use std::io::Write;
use std::process::{Command, Stdio};

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(newsclean::schema::SCHEMA).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, record: &Value, what: &str) {
    let errors: Vec<String> = validator.iter_errors(record).map(|e| format!("{e} at {}", e.instance_path)).collect();
    assert!(errors.is_empty(), "{what}: {errors:?}");
}

fn run_stdin(args: &[&str], input: &[u8]) -> (i32, Vec<Value>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsclean"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    let records = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (out.status.code().unwrap(), records)
}

#[test]
fn every_expected_record_is_valid_against_the_schema() {
    let validator = validator();
    let pages = newsclean::check::fixture_pages(&["fixtures".into()]).unwrap();
    assert!(pages.len() >= 40);
    for page in pages {
        let expected = newsclean::check::expected_path(&page);
        let record: Value = serde_json::from_slice(&fs::read(&expected).unwrap()).unwrap();
        assert_valid(&validator, &record, &expected.display().to_string());
    }
}

#[test]
fn json_lines_in_keep_ids_and_order() {
    let mut input = String::new();
    let mut ids = Vec::new();
    for (i, name) in [
        "text/seed.txt",
        "html/zh-utf8-related-comments.html",
        "text/en-news.txt",
        "html/en-news.html",
        "text/zh-crlf.txt",
        "html/zh-big5.html",
        "text/zh-clean-qa.txt",
        "html/zh-short-article-long-chrome.html",
        "text/zh-poem-layout.txt",
        "rules/X003-chrome-hint.html",
    ]
    .iter()
    .enumerate()
    {
        let bytes = fs::read(format!("fixtures/{name}")).unwrap();
        // Pages travel as decoded text in JSON, as corpus tools carry them.
        let text = match name {
            n if n.ends_with("big5.html") => encoding_rs::BIG5.decode(&bytes).0.into_owned(),
            _ => String::from_utf8(bytes).unwrap(),
        };
        let key = if name.ends_with(".html") { "html" } else { "text" };
        let id = format!("doc-{}", 10 - i);
        input.push_str(&json!({"id": id, "url": format!("https://example.com/{i}"), key: text}).to_string());
        input.push('\n');
        ids.push(id);
    }
    let (code, records) = run_stdin(&["clean", "-q", "--input-format", "jsonl", "--jobs", "2"], input.as_bytes());
    assert_eq!(code, 0);
    assert_eq!(records.iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect::<Vec<_>>(), ids);
    let validator = validator();
    for (i, r) in records.iter().enumerate() {
        assert_valid(&validator, r, &ids[i]);
        assert_eq!(r["source"], ids[i], "a record is named by its id");
        assert!(!r["body"].as_array().unwrap().is_empty(), "{}", ids[i]);
    }
    assert_eq!(records[0]["title"], "加大先行先试探索,临港新片区深化产教融合试点城市建设");
    assert_eq!(records[1]["format"], "html");
    // A page's url comes from the input unless the markup names its own canonical address.
    assert_eq!(records[0]["url"], "https://example.com/0");
}

#[test]
fn a_bad_line_becomes_an_error_record_naming_it() {
    let input = "{\"id\": \"a\", \"text\": \"标题\\n正文第一段，内容充实而完整。\"}\nnot json\n{\"id\": 7}\n\n{\"id\": \"b\", \"html\": \"<p>段落</p>\"}\n";
    let (code, records) = run_stdin(&["clean", "-q", "--input-format", "jsonl", "-"], input.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(records.len(), 4, "blank lines are skipped, every other line yields one");
    assert_eq!(records[0]["id"], "a");
    assert_eq!(records[1]["source"], "-:2");
    assert!(records[1]["error"].as_str().unwrap().starts_with("input: line 2: invalid JSON"));
    assert_eq!(records[2]["id"], "7");
    assert!(records[2]["error"].as_str().unwrap().contains("line 3: no \"html\" or \"text\""));
    assert_eq!(records[3]["id"], "b");
    let validator = validator();
    for r in &records {
        assert_valid(&validator, r, "jsonl output");
    }
}

#[test]
fn schema_command_prints_the_schema() {
    let out = Command::new(env!("CARGO_BIN_EXE_newsclean")).arg("schema").output().unwrap();
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed["$schema"], "https://json-schema.org/draft/2020-12/schema");
}

#[test]
fn json_lines_on_stdin_are_a_batch_like_the_same_lines_in_a_file() {
    // Eight pages of one template: a batch names seven of them near-duplicates of the first.
    let mut input = String::new();
    for i in 0..8 {
        let text = format!(
            "第{i}条新闻标题\n本市第{i}个社区服务中心今天正式启用，为周边居民提供养老、托育和文化活动等多项服务。\n中心负责人介绍，第{i}期项目总投资约两千万元，建筑面积三千平方米。\n社区服务中心的开放时间为每天上午八点至晚上八点，节假日照常开放，欢迎居民前来。\n"
        );
        input.push_str(&json!({"id": format!("p{i}"), "text": text}).to_string());
        input.push('\n');
    }
    let dir = std::env::temp_dir().join(format!("newsclean-stdin-batch-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let file = dir.join("pages.jsonl");
    fs::write(&file, &input).unwrap();
    let (code, from_stdin) = run_stdin(&["clean", "-q", "--input-format", "jsonl"], input.as_bytes());
    assert_eq!(code, 0);
    let (code, from_file) = run_stdin(&["clean", "-q", file.to_str().unwrap()], b"");
    assert_eq!(code, 0);
    assert_eq!(from_stdin, from_file);
    let duplicates = from_stdin.iter().filter(|r| r["duplicate_of"] == "p0").count();
    assert_eq!(duplicates, 7, "a batch sees the pages together");
    fs::remove_dir_all(&dir).unwrap();
}
