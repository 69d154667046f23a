//! Helpers the integration tests share: running the binary, reading its JSON Lines,
//! scratch folders that do not collide between test binaries, and short stories to build
//! pages around.
#![allow(dead_code)]

use serde_json::Value;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

pub fn newsclean(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsclean")).args(args).output().unwrap()
}

pub fn records(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// A fresh, empty folder under the system's temporary folder.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsclean-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// A Chinese article's three paragraphs, for pages built around them.
pub const ELDER_CARE: [&str; 3] = [
    "市政府新闻办周二举行新闻发布会，发布四项养老服务地方标准，为全市医养结合工作提供可供遵循的规范。",
    "据介绍，新标准对服务内容、服务流程和服务评价都作了规定，明年一月起在全市养老机构推行。",
    "市民政局表示，将组织专门力量对养老机构开展培训，确保新标准落到实处。",
];

/// An English one.
pub const NIGHT_BUSES: [&str; 3] = [
    "Millbrook County will run two new night bus routes to the airport starting October 1, the transit authority said.",
    "The routes will stop at the hospital and the university, and buses will run every 30 minutes until 5 a.m.",
    "Airport workers have asked for night service for years, the union said, since most shifts end after midnight.",
];

/// Paragraphs as HTML.
pub fn html_paragraphs(story: &[&str]) -> String {
    story.iter().map(|p| format!("<p>{p}</p>")).collect()
}
