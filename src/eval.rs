//! Extraction quality against ground truth, with the metric of the development corpus.
//!
//! Takes a folder of pages `<id>.<ext>` beside truth files `<id>.json` (`body`: the
//! article's text, paragraphs separated by newlines or as a list; optional `title`,
//! `publish_time`, `author`) and scores each page: bag-of-tokens precision, recall and F1 of the body,
//! whether the body is exactly right (same paragraphs, same order), whether the title,
//! the publication date and the author are right. Averages follow the ScrapingHub
//! benchmark: precision over pages where the system returned text, recall over pages that
//! have ground truth, F1 of the two means. Tokens: NFKC, then every CJK character is one
//! token and other text is split on whitespace with punctuation stripped from each
//! token's edges.

use crate::batch::{self, Batch};
use crate::facts::DateFinder;
use crate::norm::is_cjk;
use crate::pipeline::{Page, Pipeline};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde_json::Value;
use std::fs;
use std::io::{self, Write};
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// The metric's tokens of a text.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        let t = word.trim_matches(|c: char| !c.is_alphanumeric());
        if !t.is_empty() {
            out.push(t.to_owned());
        }
        word.clear();
    };
    for c in text.nfkc() {
        if is_cjk(c) {
            flush(&mut word, &mut out);
            out.push(c.to_string());
        } else if c.is_whitespace() {
            flush(&mut word, &mut out);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// True positives of two token bags: the size of their multiset intersection.
pub fn matched(system: &[String], truth: &[String]) -> usize {
    let mut counts: FxHashMap<&str, i64> = FxHashMap::default();
    for t in truth {
        *counts.entry(t).or_insert(0) += 1;
    }
    system
        .iter()
        .filter(|t| match counts.get_mut(t.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .count()
}

#[derive(Debug, Clone)]
pub struct PageScore {
    pub id: String,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub exact: bool,
    pub title_right: Option<bool>,
    pub date_right: Option<bool>,
    pub author_right: Option<bool>,
    pub replacements: usize,
    /// Truth paragraphs the system did not keep, and kept paragraphs the truth lacks.
    pub missed: Vec<String>,
    pub leaked: Vec<String>,
    pub error: Option<String>,
}

impl PageScore {
    pub fn f1(&self) -> f64 {
        f1(self.precision.unwrap_or(0.0), self.recall.unwrap_or(0.0))
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// The date part (`YYYY-MM-DD`) of a truth or system date such as `2005-5-7 21:23:57`.
fn day(date: &str, dates: &DateFinder) -> Option<String> {
    dates.find(date).and_then(|d| d.iso).map(|iso| iso[..10].to_owned())
}

#[derive(Debug, Default)]
pub struct Report {
    pub pages: Vec<PageScore>,
}

impl Report {
    pub fn precision(&self) -> f64 {
        mean(self.pages.iter().filter_map(|p| p.precision))
    }
    pub fn recall(&self) -> f64 {
        mean(self.pages.iter().filter_map(|p| p.recall))
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    pub fn exact_share(&self) -> f64 {
        mean(self.pages.iter().map(|p| f64::from(u8::from(p.exact))))
    }
    fn share(&self, pick: impl Fn(&PageScore) -> Option<bool>) -> (f64, usize) {
        let known: Vec<bool> = self.pages.iter().filter_map(pick).collect();
        (mean(known.iter().map(|&b| f64::from(u8::from(b)))), known.len())
    }

    /// The summary line (after `label`, where given) and the `worst` pages under it.
    pub fn print(&self, label: Option<&str>, worst: usize, out: &mut impl Write) -> io::Result<()> {
        let (title, titled) = self.share(|p| p.title_right);
        let (date, dated) = self.share(|p| p.date_right);
        let (author, authored) = self.share(|p| p.author_right);
        let fffd = self.pages.iter().filter(|p| p.replacements > 0).count();
        let errors = self.pages.iter().filter(|p| p.error.is_some()).count();
        writeln!(
            out,
            "{}pages {} | body P {:.4} R {:.4} F1 {:.4} | exact {:.1}% | title {:.1}% of {titled} | date {:.1}% of {dated} | author {:.1}% of {authored} | pages with U+FFFD {fffd} | errors {errors}",
            label.unwrap_or(""),
            self.pages.len(),
            self.precision(),
            self.recall(),
            self.f1(),
            100.0 * self.exact_share(),
            100.0 * title,
            100.0 * date,
            100.0 * author,
        )?;
        let mut order: Vec<&PageScore> = self.pages.iter().collect();
        order.sort_by(|a, b| a.f1().total_cmp(&b.f1()).then_with(|| a.id.cmp(&b.id)));
        let cut = |s: &str| s.chars().take(90).collect::<String>();
        for p in order.iter().take(worst) {
            writeln!(
                out,
                "  {} P {:.3} R {:.3} F1 {:.3}{}",
                p.id,
                p.precision.unwrap_or(0.0),
                p.recall.unwrap_or(0.0),
                p.f1(),
                p.error.as_deref().map(|e| format!(" error: {e}")).unwrap_or_default()
            )?;
            for m in p.missed.iter().take(3) {
                writeln!(out, "    missed: {}", cut(m))?;
            }
            for l in p.leaked.iter().take(3) {
                writeln!(out, "    leaked: {}", cut(l))?;
            }
        }
        Ok(())
    }
}

/// Scores one page against its truth.
pub fn score(id: &str, record: Result<&crate::Record, String>, truth: &Value, dates: &DateFinder) -> PageScore {
    let truth_body: Vec<String> = truth["body"]
        .as_str()
        .unwrap_or("")
        .lines()
        .map(|l| crate::norm::trim(l).to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    let truth_tokens = tokens(&truth_body.join("\n"));
    let (body, title, published, author, replacements, error) = match record {
        Ok(r) => {
            let fffd = |s: &str| s.matches('\u{fffd}').count();
            let in_output = r.body.iter().map(|b| fffd(b)).sum::<usize>() + r.title.as_deref().map_or(0, fffd);
            (r.body.clone(), r.title.clone(), r.published.clone(), r.author.clone(), in_output, None)
        }
        Err(e) => (Vec::new(), None, None, None, 0, Some(e)),
    };
    let system_tokens = tokens(&body.join("\n"));
    let tp = matched(&system_tokens, &truth_tokens) as f64;
    let precision = (!system_tokens.is_empty()).then(|| tp / system_tokens.len() as f64);
    let recall = (!truth_tokens.is_empty()).then(|| tp / truth_tokens.len() as f64);
    let title_right = truth["title"]
        .as_str()
        .map(|t| title.as_deref().map(crate::norm::normalize) == Some(crate::norm::normalize(t)));
    // A record used as truth names its date `published`.
    let date_right = truth["publish_time"]
        .as_str()
        .or(truth["published"].as_str())
        .and_then(|t| day(t, dates))
        .map(|d| published.as_deref().and_then(|p| day(p, dates)) == Some(d));
    // Names compare normalised, which drops spaces: `王建宏 张文攀` is `王建宏张文攀`.
    let name = crate::norm::normalize;
    let author_right = truth["author"].as_str().map(|t| author.as_deref().map(name) == Some(name(t)));
    PageScore {
        id: id.to_owned(),
        precision,
        recall,
        exact: body == truth_body,
        title_right,
        date_right,
        author_right,
        replacements,
        missed: truth_body.iter().filter(|l| !body.contains(l)).cloned().collect(),
        leaked: body.iter().filter(|l| !truth_body.contains(l)).cloned().collect(),
        error,
    }
}

/// Cleans and scores every page of a truth folder, in sorted order: page by page, or
/// with `batch` as one batch (a first pass over all pages builds the table).
pub fn run(pipeline: &Pipeline, dir: &Path, batch: bool) -> io::Result<Report> {
    let dates = DateFinder::default();
    let mut entries: Vec<_> = fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    let mut pairs = Vec::new();
    for truth_path in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let stem = truth_path.file_stem().unwrap_or_default();
        if let Some(page_path) = entries.iter().find(|p| p.file_stem() == Some(stem) && *p != truth_path) {
            pairs.push((truth_path, page_path, stem.to_string_lossy().into_owned()));
        }
    }
    let clean = |page_path: &Path, id: &str, batch: Option<&Batch>| -> io::Result<Result<crate::Record, String>> {
        let bytes = fs::read(page_path)?;
        let mut page = Page::from_path(page_path, &bytes);
        page.id = id.to_owned();
        Ok(pipeline.clean_in(&page, batch).map_err(|e| e.to_string()))
    };
    let table = if batch {
        Some(batch::first_pass(&pairs, |(_, page_path, id), batch| clean(page_path, id, batch))?)
    } else {
        None
    };
    // Pages are cleaned and scored in parallel; the report keeps their sorted order.
    let pages = pairs
        .par_iter()
        .map(|(truth_path, page_path, id)| {
            let truth = read_truth(truth_path)?;
            let record = clean(page_path, id, table.as_ref())?;
            Ok(score(id, record.as_ref().map_err(Clone::clone), &truth, &dates))
        })
        .collect::<io::Result<Vec<PageScore>>>()?;
    Ok(Report { pages })
}

/// A truth file: a JSON object whose `body` is the article's text, a string with its
/// paragraphs separated by newlines or a list of paragraph strings (as a record has it),
/// or absent or null for a page with no article. The body comes back as a string. Any
/// other shape is refused, naming the file, rather than scored as an empty truth.
fn read_truth(path: &Path) -> io::Result<Value> {
    let invalid = |why: &str| {
        let shape = "a JSON object whose `body` is a string (paragraphs separated by newlines) or a list of strings";
        io::Error::new(io::ErrorKind::InvalidData, format!("{}: {why}; a truth file is {shape}", path.display()))
    };
    let mut truth: Value = serde_json::from_slice(&fs::read(path)?).map_err(|e| invalid(&e.to_string()))?;
    let Some(fields) = truth.as_object_mut() else { return Err(invalid("not a JSON object")) };
    match fields.get("body") {
        None | Some(Value::Null | Value::String(_)) => {}
        Some(Value::Array(paragraphs)) => {
            let text: Option<Vec<&str>> = paragraphs.iter().map(Value::as_str).collect();
            let text = text.ok_or_else(|| invalid("`body` is a list with an item that is not a string"))?.join("\n");
            fields.insert("body".into(), Value::String(text));
        }
        Some(_) => return Err(invalid("`body` is neither a string nor a list of strings")),
    }
    Ok(truth)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_follow_the_corpus_metric() {
        assert_eq!(tokens("临港，新片区"), ["临", "港", "新", "片", "区"]);
        assert_eq!(tokens("“Hello,” she said — ok."), ["Hello", "she", "said", "ok"]);
        assert_eq!(tokens("ＡＢＣ 123"), ["ABC", "123"]);
    }

    #[test]
    fn multiset_matching() {
        let t = |s: &str| tokens(s);
        assert_eq!(matched(&t("a a b"), &t("a b b")), 2);
    }
}
