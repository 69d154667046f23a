#![no_main]
//! Any markup reads into blocks without panicking, however it nests.
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static READER: LazyLock<newsclean::stages::HtmlReader> = LazyLock::new(Default::default);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let page = READER.read(&text);
    assert!(page.blocks.iter().all(|b| !b.text.is_empty()));
});
