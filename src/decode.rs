//! Bytes to text: BOM, UTF-8, a declared charset (HTML), then detection.
//!
//! Takes the raw bytes of one page and returns its text with the encoding used and the
//! signal that decided it. GB2312 and GBK are read as GB18030, their superset, so a page
//! labelled GB2312 that uses GBK characters still decodes cleanly. Binary input (NUL bytes
//! or control characters in bulk) is refused with an error rather than decoded into noise.
//! It does not guess at mixed-encoding pages: the first decision holds for the whole page.

use encoding_rs::{Encoding, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};
use std::borrow::Cow;

/// Bytes examined to tell text from binary; enough for any real page's head.
const SNIFF_BYTES: usize = 8192;
/// Share of control bytes (other than tab, newline, CR, form feed, ESC) in the sniffed
/// head above which the input is binary. Text pages have none; images and archives have
/// well over 10%.
const MAX_CONTROL_SHARE: f64 = 0.05;
/// Bytes chardetng examines, from the page's first non-ASCII byte. On the 183 non-UTF-8
/// pages of the development inputs a longer sample changes no Chinese page's verdict
/// for the better, and chardetng reads only ~10 MB/s.
const DETECT_BYTES: usize = 4 << 10;
/// A sample whose first DENSE_BYTES are at least DENSE_TENTHS tenths non-ASCII is CJK or
/// Cyrillic text, and those bytes (some 500 CJK characters) decide it: the verdicts on
/// the development inputs are the same, and the 42 Chinese article bodies of 200 or more
/// characters in the development corpus, encoded as GBK and as Big5, are all told apart
/// from 512 bytes on.
const DENSE_BYTES: usize = 1 << 10;
const DENSE_TENTHS: usize = 3;
/// A declared multi-byte encoding stands when at most this many characters in a thousand
/// are broken sequences.
const MAX_REPLACEMENTS_PER_MILLE: usize = 5;
/// ... and unless at least this many broken sequences make up more than a fifth of the
/// text's non-ASCII characters: a wrong declaration breaks most of them, however much
/// ASCII markup and script dilutes them (a GBK page declared UTF-8 with 400 KB of
/// scripts had 4 broken characters in a thousand). A right one with a stray byte or
/// two stands.
const WRONG_MIN_REPLACEMENTS: usize = 8;
/// Text is looked at as mojibake (another encoding's bytes read as Latin-1) from this
/// many characters in U+00C0..U+00FF on, when no character beyond Windows-1252's stands
/// among them: a sentence's worth, not a name's accents.
const MOJIBAKE_MIN_CHARS: usize = 16;
/// Mojibake repaired may keep this many broken sequences in a thousand characters: a text
/// browser that wrapped the mangled lines broke 10 in a thousand on a GBK page of the
/// development dumps, and detection has already found the encoding in the bytes.
const MOJIBAKE_MAX_REPLACEMENTS_PER_MILLE: usize = 20;

#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// WHATWG name of the encoding used, e.g. `UTF-8`, `gb18030`, `Big5`, `UTF-16LE`.
    pub encoding: &'static str,
    pub signal: Signal,
    /// Malformed sequences found (and dropped from `text`); zero for every page whose
    /// encoding was right and whose bytes are whole.
    pub replacements: usize,
}

/// What decided the encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    Bom,
    Utf8,
    Declared,
    Detected,
    /// The text was mojibake: UTF-8 spelling another encoding's bytes as Latin-1.
    Repaired,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary { control_share: String },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "empty input"),
            DecodeError::Binary { control_share } => {
                write!(f, "binary content ({control_share} of the first bytes are control bytes)")
            }
        }
    }
}

/// Decodes one page. `declared` is a charset label the page states about itself (an HTML
/// `<meta charset>`); it is trusted only when the bytes decode under it without error.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(run(enc, &bytes[bom_len..], Signal::Bom));
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return Ok(run(enc, bytes, Signal::Detected));
    }
    check_binary(bytes)?;
    // simdutf8 validates 16 or 32 bytes a step where the standard library takes one
    // character at a time: 2% of the text path on Chinese pages, now a fraction of that.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        if let Some(repaired) = unmangle(text) {
            return Ok(repaired);
        }
        // A page saved after a bad conversion carries U+FFFD as text: dropped and counted too.
        let mut text = text.to_owned();
        let replacements = memchr::memmem::find_iter(bytes, "\u{fffd}".as_bytes()).count();
        if replacements > 0 {
            text.retain(|c| c != '\u{fffd}');
        }
        return Ok(Decoded { text, encoding: UTF_8.name(), signal: Signal::Utf8, replacements });
    }
    if is_mostly_utf8(bytes) {
        // Valid UTF-8 with a few broken sequences (a truncated download, a bad splice):
        // a legacy encoding would turn every good character into mojibake instead.
        return Ok(run(UTF_8, bytes, Signal::Utf8));
    }
    if let Some(enc) = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes())).map(superset) {
        let decoded = run(enc, bytes, Signal::Declared);
        if !enc.is_single_byte() {
            // A multi-byte declaration with a few broken sequences (a truncated character
            // here and there) is still right; detection would guess from a damaged sample.
            let few_errors = decoded.replacements * 1000 <= decoded.text.chars().count() * MAX_REPLACEMENTS_PER_MILLE;
            let most_broken = decoded.replacements >= WRONG_MIN_REPLACEMENTS && {
                let non_ascii = decoded.text.chars().filter(|c| !c.is_ascii()).count() + decoded.replacements;
                decoded.replacements * 5 > non_ascii
            };
            if few_errors && !most_broken {
                return Ok(decoded);
            }
        } else if decoded.replacements == 0 {
            // A single-byte declaration decodes any bytes without error, so it is wrong
            // only by meaning: old Chinese pages declare ISO-8859-1 over GBK. Detection
            // overrules it when it finds a multi-byte CJK encoding that decodes cleanly.
            let detected = detect(bytes);
            if is_cjk_multibyte(detected) {
                let (text, had_errors) = detected.decode_without_bom_handling(bytes);
                if !had_errors {
                    return Ok(finish(detected, text, had_errors, Signal::Detected));
                }
            }
            return Ok(decoded);
        }
    }
    Ok(run(detect(bytes), bytes, Signal::Detected))
}

/// UTF-8 text that is another encoding's bytes read as Latin-1 or Windows-1252 and
/// written out again, by a renderer or a pipeline that guessed wrong (`ÒÕÊõÊ·` for GBK's
/// `艺术史`, `Ã©tÃ©` for UTF-8's `été`): the bytes given back and decoded, when they are
/// UTF-8 or detection finds a multi-byte CJK encoding that reads them with at most
/// MOJIBAKE_MAX_REPLACEMENTS_PER_MILLE broken sequences. Characters no single byte
/// spells (a text browser's table borders, `│`) stay as they are, between the runs
/// decoded. A page in a Western language keeps its accents: its bytes are neither, and
/// a letter beyond Windows-1252's shows the text is what it says.
fn unmangle(text: &str) -> Option<Decoded> {
    // Most pages have too few characters in U+00C0..U+00FF, the accented letters most
    // mangled bytes read as (UTF-8 spells them from 0xC3), counted bytewise; of the rest,
    // most have a letter no single byte spells (a Han character).
    if memchr::memchr_iter(0xc3, text.as_bytes()).count() < MOJIBAKE_MIN_CHARS {
        return None;
    }
    let byte_of = |c: char| if (c as u32) < 0x100 { Some(c as u8) } else { cp1252_byte(c) };
    // Mangled multi-byte text is high bytes in pairs and runs; a Western language's
    // accents stand one at a time between ASCII letters (`été`).
    let (mut high, mut paired, mut after_high) = (0usize, 0usize, false);
    for c in text.chars() {
        match byte_of(c) {
            Some(b) if b >= 0x80 => {
                high += 1;
                paired += usize::from(after_high);
                after_high = true;
            }
            Some(_) => after_high = false,
            None if c.is_alphanumeric() => return None,
            None => after_high = false,
        }
    }
    if paired * 2 < high {
        return None;
    }
    let bytes: Vec<u8> = text.chars().filter_map(byte_of).collect();
    let enc = if simdutf8::basic::from_utf8(&bytes).is_ok() { UTF_8 } else { detect(&bytes) };
    if enc != UTF_8 && !is_cjk_multibyte(enc) {
        return None;
    }
    let (mut out, mut run, mut broken) = (String::with_capacity(text.len()), Vec::new(), false);
    let mut flush = |run: &mut Vec<u8>, out: &mut String| {
        let (decoded, had_errors) = enc.decode_without_bom_handling(run);
        out.push_str(&decoded);
        broken |= had_errors;
        run.clear();
    };
    for c in text.chars() {
        match byte_of(c) {
            Some(b) => run.push(b),
            None => {
                flush(&mut run, &mut out);
                out.push(c);
            }
        }
    }
    flush(&mut run, &mut out);
    // A renderer may have broken a sequence here and there (a line wrapped inside one).
    let repaired = finish(enc, Cow::Owned(out), broken, Signal::Repaired);
    let chars = repaired.text.chars().count();
    (repaired.replacements * 1000 <= chars * MOJIBAKE_MAX_REPLACEMENTS_PER_MILLE).then_some(repaired)
}

/// The Windows-1252 byte of a character it sets in 0x80..0x9F (`€`, `’`, `™`).
fn cp1252_byte(c: char) -> Option<u8> {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    HIGH.iter().position(|&h| h == c).map(|i| 0x80 + i as u8)
}

/// chardetng's guess from DETECT_BYTES starting at the first non-ASCII byte: an HTML
/// head of ASCII markup or an English opening tells nothing about the encoding, and a
/// bounded sample keeps detection from costing more than the rest of the pipeline.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let start = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0);
    let head = bytes.len().min(start + DENSE_BYTES);
    let dense = bytes[start..head].iter().filter(|b| !b.is_ascii()).count() * 10 >= (head - start) * DENSE_TENTHS;
    let end = if dense { head } else { bytes.len().min(start + DETECT_BYTES) };
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(&bytes[start..end], end == bytes.len());
    superset(detector.guess(None, true))
}

/// Whether nearly all non-ASCII bytes form valid UTF-8 sequences: at most one byte in
/// MAX_REPLACEMENTS_PER_MILLE thousand is broken, and there is real UTF-8 text.
fn is_mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().bytes().filter(|b| !b.is_ascii()).count();
        invalid += chunk.invalid().len();
        if invalid * 1000 > bytes.len() * MAX_REPLACEMENTS_PER_MILLE {
            // Past the limit for the whole page already: a legacy encoding, read no further.
            return false;
        }
    }
    valid_multibyte > 0 && invalid * 1000 <= (valid_multibyte + invalid) * MAX_REPLACEMENTS_PER_MILLE
}

fn is_cjk_multibyte(enc: &'static Encoding) -> bool {
    [GB18030, encoding_rs::BIG5, encoding_rs::SHIFT_JIS, encoding_rs::EUC_JP, encoding_rs::EUC_KR].contains(&enc)
}

/// GB2312 and GBK labels read as GB18030, which decodes everything they do and more.
fn superset(enc: &'static Encoding) -> &'static Encoding {
    if enc == GBK {
        GB18030
    } else {
        enc
    }
}

/// Decodes with one encoding. Broken sequences are counted and dropped: U+FFFD carries
/// nothing a reader of the output could use (fuzzing found it kept here once).
fn run(enc: &'static Encoding, bytes: &[u8], signal: Signal) -> Decoded {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    finish(enc, text, had_errors, signal)
}

/// A decoding's result as a `Decoded`, broken sequences counted and dropped.
fn finish(enc: &'static Encoding, text: Cow<'_, str>, had_errors: bool, signal: Signal) -> Decoded {
    let mut text = match text {
        Cow::Borrowed(s) => s.to_owned(),
        Cow::Owned(s) => s,
    };
    // Counted whether decoding made it or the bytes spelled it (UTF-16 can spell it too).
    let replacements = if had_errors || text.contains('\u{fffd}') { text.matches('\u{fffd}').count() } else { 0 };
    if replacements > 0 {
        text.retain(|c| c != '\u{fffd}');
    }
    Decoded { text, encoding: enc.name(), signal, replacements }
}

fn check_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)).count();
    let share = control as f64 / head.len() as f64;
    if share > MAX_CONTROL_SHARE {
        return Err(DecodeError::Binary { control_share: format!("{:.0}%", share * 100.0) });
    }
    Ok(())
}

/// UTF-16 text without a BOM shows NUL in every other byte of its ASCII characters.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // Mostly-ASCII UTF-16: one lane nearly all NUL, the other nearly none.
    if odd_nul * 10 > pairs * 6 && even_nul * 20 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 > pairs * 6 && odd_nul * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_is_read_as_the_bytes_it_spells() {
        // GBK bytes read as Latin-1 and saved as UTF-8, as a renderer that guessed wrong
        // writes them.
        let article = "市政府新闻办周二举行新闻发布会，发布四项养老服务地方标准，为全市医养结合工作提供规范。";
        let (gbk, _, _) = GBK.encode(article);
        let mangled: String = gbk.iter().map(|&b| b as char).collect();
        let decoded = decode(mangled.as_bytes(), None).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.signal), (article, Signal::Repaired));
        // UTF-8 read as Windows-1252 (`Ã©`), the curly quotes' bytes as `â€™`.
        let french = "L’été à la bibliothèque : une sélection de romans, d’essais et de récits à découvrir, \
                      présentée par l’équipe du réseau des médiathèques de la ville et ses bénévoles.";
        let (mangled, _, _) = encoding_rs::WINDOWS_1252.decode(french.as_bytes());
        assert_eq!(decode(mangled.as_bytes(), None).unwrap().text, french);
        // French as it is keeps its accents.
        let decoded = decode(french.as_bytes(), None).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.signal), (french, Signal::Utf8));
    }

    #[test]
    fn utf8_passes_through() {
        let d = decode("标签：临港".as_bytes(), None).unwrap();
        assert_eq!((d.encoding, d.signal, d.text.as_str()), ("UTF-8", Signal::Utf8, "标签：临港"));
    }

    #[test]
    fn bom_decides() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "新闻 news".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode(&bytes, None).unwrap();
        assert_eq!((d.encoding, d.signal, d.text.as_str()), ("UTF-16LE", Signal::Bom, "新闻 news"));
    }

    #[test]
    fn undeclared_gbk_is_detected_as_gb18030() {
        let text = "临港新片区举行加快推进国家产教融合试点城市建设大会，公布新一轮支持措施。";
        let (bytes, _, _) = GB18030.encode(text);
        let d = decode(&bytes, None).unwrap();
        assert_eq!((d.encoding, d.signal, d.replacements), ("gb18030", Signal::Detected, 0));
        assert_eq!(d.text, text);
    }

    #[test]
    fn big5_is_detected() {
        let text = "臺灣的新聞報導指出，颱風將在週末登陸，氣象局呼籲民眾做好防颱準備。";
        let (bytes, _, _) = encoding_rs::BIG5.encode(text);
        let d = decode(&bytes, None).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("Big5", text));
    }

    #[test]
    fn a_wrong_declaration_loses_to_detection() {
        let text = "临港新片区举行加快推进国家产教融合试点城市建设大会，公布新一轮支持措施。";
        let (bytes, _, _) = GB18030.encode(text);
        let d = decode(&bytes, Some("shift_jis")).unwrap();
        assert_eq!(d.text, text);
        let d = decode(&bytes, Some("gb2312")).unwrap();
        assert_eq!((d.encoding, d.signal), ("gb18030", Signal::Declared));
    }

    #[test]
    fn a_wrong_declaration_diluted_by_markup_loses_to_detection() {
        let text = "临港新片区举行加快推进国家产教融合试点城市建设大会，公布新一轮支持措施。".repeat(3);
        let script = format!("<script>{}</script>", "var a = 1; ".repeat(20_000));
        let page = format!("<html><head>{script}</head><body><p>{text}</p></body></html>");
        let (bytes, _, _) = GB18030.encode(&page);
        let d = decode(&bytes, Some("utf-8")).unwrap();
        assert_eq!((d.encoding, d.signal), ("gb18030", Signal::Detected));
        assert!(d.text.contains(&text));
        // A right declaration with a stray byte stands.
        let page = format!("<html><head>{script}</head><body><p>{text}</p></body></html>");
        let at = page.find("</p>").unwrap();
        let bytes = [&page.as_bytes()[..at], b"\x80", &page.as_bytes()[at..]].concat();
        let d = decode(&bytes, Some("utf-8")).unwrap();
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn a_latin_declaration_over_gbk_loses_to_detection() {
        let text = "今天能看到的最早的艺术品产生于旧石器时代晚期，这一阶段始于三万五千年前。\
                    但是这些艺术品的制作动机是什么？为什么经过几万年还能保存得这样完好？\
                    旧石器时代的艺术中最动人的作品是动物形象，它们被刻凿、绘制或堆塑在洞穴的岩壁上。";
        let (bytes, _, _) = GB18030.encode(text);
        let d = decode(&bytes, Some("iso-8859-1")).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("gb18030", text));
    }

    #[test]
    fn mostly_utf8_stays_utf8() {
        let text = "临港新片区举行加快推进国家产教融合试点城市建设大会，公布新一轮支持措施。".repeat(20);
        let bytes = [text.as_bytes(), b"\xff\xc3\x28", text.as_bytes()].concat();
        let d = decode(&bytes, None).unwrap();
        assert_eq!((d.encoding, d.replacements), ("UTF-8", 2));
        assert!(d.text.starts_with("临港新片区"));
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert_eq!(decode(b"", None).unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b" \n\t ", None).unwrap_err(), DecodeError::Empty);
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
        assert!(matches!(decode(png, None), Err(DecodeError::Binary { .. })));
    }
}

/// Inputs the fuzzers found, kept as they were found.
#[cfg(test)]
mod fuzz_regressions {
    #[test]
    fn broken_utf8_leaves_no_replacement_character() {
        // fuzz/artifacts/decode/crash-6480e280...: mostly UTF-8 with one broken sequence.
        let bytes = include_bytes!("../tests/regressions/decode-fffd-1.bin");
        let d = super::decode(bytes, None).unwrap();
        assert_eq!((d.encoding, d.replacements), ("UTF-8", 1));
        assert!(!d.text.contains('\u{fffd}'));
    }

    #[test]
    fn utf16_spelling_the_replacement_character_leaves_none() {
        // fuzz/artifacts/decode/crash-1f3e9b57...: a UTF-16BE BOM over bytes that spell U+FFFD.
        let bytes = include_bytes!("../tests/regressions/decode-fffd-2.bin");
        let d = super::decode(bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-16BE");
        assert!(d.replacements > 0 && !d.text.contains('\u{fffd}'));
    }
}
