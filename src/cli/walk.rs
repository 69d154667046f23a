//! Inputs to pages: files as given, directories walked recursively in sorted order.
//!
//! Inside a walk only regular files are pages: symbolic links, FIFOs, sockets and devices
//! are skipped and counted (a FIFO would block a reader forever; a link can loop), and so
//! are hidden files and `.json` files, which hold expected records beside fixtures. A path
//! named on the command line is read whatever it is.

use std::fs;
use std::path::{Path, PathBuf};

/// What a walk found: the pages in sorted order, and what it skipped.
#[derive(Debug, Default)]
pub struct Inputs {
    pub pages: Vec<PathBuf>,
    pub skipped: usize,
    /// Directories that could not be listed, with the cause: each becomes an error record.
    pub unreadable: Vec<(PathBuf, String)>,
}

pub fn collect(paths: &[PathBuf]) -> Inputs {
    let mut inputs = Inputs::default();
    for path in paths {
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut inputs),
            _ => inputs.pages.push(path.clone()),
        }
    }
    inputs
}

fn walk(dir: &Path, inputs: &mut Inputs) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            inputs.unreadable.push((dir.to_path_buf(), e.to_string()));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let Ok(meta) = fs::symlink_metadata(&child) else {
            inputs.skipped += 1;
            continue;
        };
        let hidden = child.file_name().is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
        if meta.is_dir() && !hidden {
            walk(&child, inputs);
        } else if meta.is_file() && !hidden && !is_expected_record(&child) {
            inputs.pages.push(child);
        } else {
            inputs.skipped += 1;
        }
    }
}

fn is_expected_record(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("new"))
}
