//! Runs dom_smoothie over every `.html` file of a folder, one after another, and keeps
//! each page's text (written under OUT_DIR when given), for scripts/bench.sh.
//!
//! dom_smoothie takes text, not bytes: pages are read as UTF-8 (lossy), so the GBK pages
//! cost it no charset detection at all, which favours it in the comparison.
use std::io::Write;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: dom-smoothie-bench DIR [OUT_DIR]");
    let out_dir = std::env::args().nth(2);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    paths.sort();
    for path in paths {
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let html = String::from_utf8_lossy(&bytes);
        let text = match dom_smoothie::Readability::new(html.as_ref(), None, None) {
            Ok(mut r) => r.parse().map(|a| a.text_content.to_string()).unwrap_or_default(),
            Err(_) => String::new(),
        };
        if let Some(out) = &out_dir {
            let name = path.file_stem().unwrap_or_default().to_string_lossy();
            let mut f = std::fs::File::create(format!("{out}/{name}.txt")).expect("writable output");
            f.write_all(text.as_bytes()).expect("written");
        }
    }
}
