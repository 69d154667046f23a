//! Clean one page from a file and print its title and body.
//!
//! cargo run --example clean_page -- fixtures/text/seed.txt

use newsclean::{Page, Pipeline};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "fixtures/text/seed.txt".into());
    let bytes = std::fs::read(&path)?;
    let page = Page::new("example", path.clone(), &bytes);
    let record = Pipeline::new().clean(&page)?;
    println!("{} ({}, {})", record.title.as_deref().unwrap_or("(no title)"), record.encoding, record.language);
    for paragraph in &record.body {
        println!("  {paragraph}");
    }
    for removed in &record.removed {
        println!("  removed line {} [{}] {}", removed.line, removed.rule, removed.reason);
    }
    Ok(())
}
