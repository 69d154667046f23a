#![no_main]
//! The pre-parse pass (code, comments, unread attributes and indentation out, nesting
//! capped) slices the page by byte offsets: any input, however broken, must come through
//! without a panic and no longer than it was.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (prepared, _) = newsclean::stages::prepare(&text);
    assert!(prepared.len() <= text.len());
});
