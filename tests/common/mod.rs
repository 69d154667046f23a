//! Helpers the integration tests share: running the binary, reading its JSON Lines,
//! and scratch folders that do not collide between test binaries.
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
