#![no_main]
//! The whole pipeline: a record or an error for any bytes, a record that serialises,
//! and on text pages every block in exactly one place.
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static PIPELINE: LazyLock<newsclean::Pipeline> = LazyLock::new(newsclean::Pipeline::new);

fuzz_target!(|data: &[u8]| {
    let Ok(record) = PIPELINE.clean(&newsclean::Page::new("fuzz", "fuzz", data)) else { return };
    serde_json::to_string(&record).expect("records serialise");
    if record.format == newsclean::Format::Text {
        let placed = usize::from(record.title.is_some())
            + usize::from(record.lead.is_some())
            + record.body.len()
            + record.images.len()
            + record.removed.len()
            + record.stats.tag_lines;
        assert_eq!(placed, record.stats.blocks);
    }
});
