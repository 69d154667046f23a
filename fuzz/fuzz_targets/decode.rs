#![no_main]
//! Any bytes decode to text or a clear error; the text never holds U+FFFD.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = newsclean::stages::decode(data, None) {
        assert!(!decoded.text.contains('\u{fffd}'));
    }
    let _ = newsclean::stages::decode(data, Some("gb2312"));
});
