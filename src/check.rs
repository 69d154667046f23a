//! Regression checks: pages beside their expected records, compared field by field.
//!
//! Every page file `<name>.<ext>` under the given directories that has a sibling
//! `<name>.json` is cleaned on its own and compared with it as parsed JSON. A mismatch
//! names the fixture and the field and shows expected against actual; `body` and `removed`
//! get a paragraph-level diff. A page without an expected record fails and gets a
//! `<name>.json.new` to review: nothing is accepted silently. Blessing writes or rewrites
//! the expected records and says which. The record's `source` is the page's file name, so
//! no absolute path or checkout location enters an expected record.

use crate::batch::{self, Batch};
use crate::pipeline::{Page, Pipeline};
use serde_json::Value;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A file of this name in a fixture folder makes its pages one batch.
pub const BATCH_MARKER: &str = ".batch";

/// Extensions of expected records and their pending replacements, never pages.
const RECORD_EXTENSIONS: [&str; 2] = ["json", "new"];

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub passed: usize,
    pub failed: usize,
    pub blessed: Vec<PathBuf>,
}

/// One field that differs, with a readable rendering of the difference.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    pub field: String,
    pub diff: String,
}

/// The pages under `dirs`, recursively, in sorted order.
pub fn fixture_pages(dirs: &[PathBuf]) -> io::Result<Vec<PathBuf>> {
    let mut pages = Vec::new();
    let mut stack: Vec<PathBuf> = dirs.to_vec();
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            let hidden = path.file_name().is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
            if hidden {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if !path.extension().is_some_and(|e| RECORD_EXTENSIONS.iter().any(|r| e.eq_ignore_ascii_case(r))) {
                pages.push(path);
            }
        }
    }
    pages.sort();
    Ok(pages)
}

/// The expected record's path for a page: `<name>.json` beside it.
pub fn expected_path(page: &Path) -> PathBuf {
    page.with_extension("json")
}

/// The record a page yields, as JSON, with `source` set to the file name.
pub fn actual_record(pipeline: &Pipeline, page: &Path, batch: Option<&Batch>) -> io::Result<Value> {
    Ok(match clean_fixture(pipeline, page, batch)? {
        Ok(record) => serde_json::to_value(record).expect("records serialise"),
        Err(error) => serde_json::to_value(error).expect("serialises"),
    })
}

/// A fixture page cleaned as `newsclean check` cleans it: named by its file name.
fn clean_fixture(
    pipeline: &Pipeline,
    page: &Path,
    batch: Option<&Batch>,
) -> io::Result<Result<crate::Record, crate::ErrorRecord>> {
    let bytes = fs::read(page)?;
    let mut input = Page::from_path(page, &bytes);
    input.source = page.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(pipeline.clean_in(&input, batch).map_err(|e| crate::ErrorRecord {
        id: input.id.clone(),
        source: input.source.clone(),
        error: e.to_string(),
    }))
}

/// Field-by-field comparison of an expected record with an actual one, in the actual
/// record's field order, then fields only the expected record has.
pub fn compare(expected: &Value, actual: &Value) -> Vec<Mismatch> {
    let empty = serde_json::Map::new();
    let (e, a) = (expected.as_object().unwrap_or(&empty), actual.as_object().unwrap_or(&empty));
    let keys = a.keys().chain(e.keys().filter(|k| !a.contains_key(*k)));
    keys.filter_map(|k| {
        // A field one side lacks differs even from null: the record's shape changed.
        match (e.get(k), a.get(k)) {
            (Some(ev), Some(av)) => (ev != av).then(|| Mismatch { field: k.clone(), diff: render_diff(ev, av) }),
            (ev, av) => Some(Mismatch {
                field: k.clone(),
                diff: format!(
                    "    expected: {}\n    actual:   {}\n",
                    ev.map_or("(absent)".into(), Value::to_string),
                    av.map_or("(absent)".into(), Value::to_string)
                ),
            }),
        }
    })
    .collect()
}

fn render_diff(expected: &Value, actual: &Value) -> String {
    match (expected, actual) {
        (Value::Array(e), Value::Array(a)) => {
            let show = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_owned);
            list_diff(&e.iter().map(show).collect::<Vec<_>>(), &a.iter().map(show).collect::<Vec<_>>())
        }
        _ => format!("    expected: {expected}\n    actual:   {actual}\n"),
    }
}

/// A line diff of two lists (longest common subsequence): `-` expected only, `+` actual only.
pub fn list_diff(expected: &[String], actual: &[String]) -> String {
    let (n, m) = (expected.len(), actual.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if expected[i] == actual[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < n || j < m {
        if i < n && j < m && expected[i] == actual[j] {
            i += 1;
            j += 1;
        } else if j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push_str(&format!("    - [{i}] {}\n", expected[i]));
            i += 1;
        } else {
            out.push_str(&format!("    + [{j}] {}\n", actual[j]));
            j += 1;
        }
    }
    out
}

fn pretty(value: &Value) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("serialises");
    s.push('\n');
    s
}

/// Checks every fixture under `dirs`, printing mismatches and a closing
/// `N passed, M failed` line to `out`.
pub fn run(pipeline: &Pipeline, dirs: &[PathBuf], bless: bool, out: &mut impl Write) -> io::Result<Report> {
    let mut report = Report::default();
    let pages = fixture_pages(dirs)?;
    // Folders that ask for batch mode (a `.batch` file) are cleaned as one batch each.
    let mut batches: std::collections::BTreeMap<PathBuf, Batch> = std::collections::BTreeMap::new();
    for page in &pages {
        let dir = page.parent().unwrap_or(Path::new(".")).to_path_buf();
        if dir.join(BATCH_MARKER).exists() && !batches.contains_key(&dir) {
            let members: Vec<&PathBuf> = pages.iter().filter(|p| p.parent() == Some(dir.as_path())).collect();
            let batch = batch::first_pass(&members, |page, batch| clean_fixture(pipeline, page, batch))?;
            batches.insert(dir, batch);
        }
    }
    for page in pages {
        let batch = page.parent().and_then(|dir| batches.get(dir));
        let actual = actual_record(pipeline, &page, batch)?;
        let expected_file = expected_path(&page);
        let expected: Option<Value> = match fs::read(&expected_file) {
            Ok(bytes) => Some(serde_json::from_slice(&bytes).map_err(|e| {
                io::Error::new(io::ErrorKind::InvalidData, format!("{}: {e}", expected_file.display()))
            })?),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        let mismatches = expected.as_ref().map(|e| compare(e, &actual));
        if bless && mismatches.as_ref().is_none_or(|m| !m.is_empty()) {
            fs::write(&expected_file, pretty(&actual))?;
            let _ = fs::remove_file(expected_file.with_extension("json.new"));
            let verb = if expected.is_some() { "updated" } else { "new" };
            writeln!(out, "blessed {} ({verb})", expected_file.display())?;
            report.blessed.push(expected_file);
            report.passed += 1;
            continue;
        }
        match mismatches {
            None => {
                let pending = expected_file.with_extension("json.new");
                fs::write(&pending, pretty(&actual))?;
                writeln!(out, "FAIL {}: no expected record; wrote {} to review", page.display(), pending.display())?;
                report.failed += 1;
            }
            Some(m) if m.is_empty() => report.passed += 1,
            Some(m) => {
                for mismatch in &m {
                    writeln!(out, "FAIL {}: field `{}`\n{}", page.display(), mismatch.field, mismatch.diff)?;
                }
                report.failed += 1;
            }
        }
    }
    writeln!(out, "{} passed, {} failed", report.passed, report.failed)?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn compare_names_fields_and_diffs_lists() {
        let e = json!({"title": "a", "body": ["x", "y", "z"]});
        let a = json!({"title": "b", "body": ["x", "z", "w"]});
        let m = compare(&e, &a);
        assert_eq!(m.iter().map(|m| m.field.as_str()).collect::<Vec<_>>(), ["title", "body"]);
        assert_eq!(m[1].diff, "    - [1] y\n    + [2] w\n");
    }
}
