//! Clean every `.txt` page of a folder and write JSON Lines to stdout, one record or
//! error record per page, in sorted order.
//!
//! cargo run --example clean_folder -- fixtures/text

use newsclean::{ErrorRecord, Page, Pipeline};
use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "fixtures/text".into());
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let pipeline = Pipeline::new(); // build once: it holds the compiled rules
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for path in paths {
        let bytes = std::fs::read(&path)?;
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let source = path.to_string_lossy().into_owned();
        let page = Page::new(id.clone(), source.clone(), &bytes);
        match pipeline.clean(&page) {
            Ok(record) => serde_json::to_writer(&mut out, &record)?,
            Err(e) => serde_json::to_writer(&mut out, &ErrorRecord { id, source, error: e.to_string() })?,
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}
