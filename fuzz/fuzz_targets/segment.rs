#![no_main]
//! Every non-blank line becomes exactly one block, trimmed and non-empty.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let blocks = newsclean::stages::Segmenter.segment(text);
    assert!(blocks.iter().all(|b| !b.text.is_empty() && b.line >= 1));
    assert!(blocks.windows(2).all(|w| w[0].line < w[1].line));
});
