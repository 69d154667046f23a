//! Text normalisation and measures shared by the stages that compare text.
//!
//! Matching may normalise (full/half-width forms, case, spaces); emitted text never is.
//! Nothing here allocates more than the one normalised string it returns.

/// Characters trimmed from the ends of a line: ASCII and Unicode whitespace, the
/// ideographic space used for Chinese indentation, BOM and zero-width characters.
pub fn is_trim_char(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}')
}

pub fn trim(s: &str) -> &str {
    s.trim_matches(is_trim_char)
}

/// Folds full-width ASCII forms (and Big5's slash, U+2215) to half-width and the
/// ideographic space to a space.
pub fn fold_width(c: char) -> char {
    // ASCII, Latin and Cyrillic are below all three: one comparison.
    if c < '\u{2215}' {
        return c;
    }
    match c {
        '\u{3000}' => ' ',
        // Big5's full-width slash, as WHATWG's decoder maps it.
        '\u{2215}' => '/',
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    }
}

/// The form used for matching: width-folded, lowercased, without whitespace.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        normalize_char(c, &mut |n| out.push(n));
    }
    out
}

/// Whether `normalize(s)` starts with `prefix` and runs on for more than `extra` bytes,
/// decided without building the string (most candidates differ in their first character).
pub fn normalized_extends(s: &str, prefix: &str, extra: usize) -> bool {
    let mut want = prefix.chars();
    let (mut matched, mut beyond) = (true, 0usize);
    for c in s.chars() {
        normalize_char(c, &mut |n| match want.next() {
            Some(w) => matched &= w == n,
            None => beyond += n.len_utf8(),
        });
        if !matched || beyond > extra {
            break;
        }
    }
    matched && beyond > extra
}

/// The first `n` characters of `normalize(s)`, normalising no further than needed.
pub fn normalize_prefix(s: &str, n: usize) -> String {
    let mut out = String::new();
    let mut left = n;
    for c in s.chars() {
        normalize_char(c, &mut |c| {
            if left > 0 {
                out.push(c);
                left -= 1;
            }
        });
        if left == 0 {
            break;
        }
    }
    out
}

/// A hash of `normalize(s)`, computed without building the string.
pub fn normalized_hash(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for c in s.chars() {
        normalize_char(c, &mut |n| h.write_u32(n as u32));
    }
    h.finish()
}

/// Feeds the normalised form of one character (none, one, or a few) to `out`.
fn normalize_char(c: char, out: &mut impl FnMut(char)) {
    let c = fold_width(c);
    if c.is_ascii() {
        if !c.is_ascii_whitespace() {
            out(c.to_ascii_lowercase());
        }
    } else if is_caseless(c) {
        // Han, kana, Hangul and CJK punctuation have no case: skip Unicode's tables.
        if c != '\u{3000}' {
            out(c);
        }
    } else if !is_trim_char(c) {
        lowercase(c, out);
    }
}

/// `char::to_lowercase`, with basic Cyrillic (Russian pages are common) answered before
/// Unicode's tables are searched.
pub fn lowercase(c: char, out: &mut impl FnMut(char)) {
    match c {
        'а'..='я' | 'ё' => out(c),
        'А'..='Я' => out(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        _ => c.to_lowercase().for_each(out),
    }
}

/// Characters without case that fill CJK text.
fn is_caseless(c: char) -> bool {
    is_cjk(c) || matches!(c as u32, 0x2010..=0x206f | 0x3000..=0x303f | 0xff00..=0xffef)
}

/// Han, kana and Hangul: the scripts written without spaces, one token a character.
pub fn is_cjk(c: char) -> bool {
    // Branches for the common cases first: Latin text answers at the first test, Chinese
    // at the second (a test of all six ranges at once costs both).
    let c = c as u32;
    c >= 0x3040
        && ((0x4e00..=0x9fff).contains(&c)                 // Han
            || matches!(c,
                0x3040..=0x30ff                            // kana
                | 0x3400..=0x4dbf                          // Han extension A
                | 0xac00..=0xd7af                          // Hangul syllables
                | 0xf900..=0xfaff                          // Han compatibility
                | 0x20000..=0x2ffff)) // Han extensions B-
}

/// Size of a text in comparable units: one per CJK character, two per word of other
/// scripts. A Chinese headline of 16 characters and an English one of 8 words both
/// measure about 16, so one set of length thresholds serves both languages.
pub fn units(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let word = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else if is_cjk(c) {
            n += 1;
            false
        } else {
            is_word_char(c)
        };
        if word && !in_word {
            n += 2;
        }
        in_word = word;
    }
    n
}

/// A letter or digit of a word of a spaced script. Fast paths first: ASCII, and the CJK
/// and general punctuation that fills Chinese text, before Unicode's tables.
pub fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphanumeric(),
        // Latin-1 letters (but × and ÷), Latin Extended, Cyrillic letters.
        0xc0..=0xd6 | 0xd8..=0xf6 | 0xf8..=0x24f | 0x400..=0x481 | 0x48a..=0x52f => true,
        0x2000..=0x206f | 0x3000..=0x303f | 0xff01..=0xff0f | 0xff1a..=0xff20 | 0xff3b..=0xff40 | 0xff5b..=0xff65 => {
            false
        }
        _ => c.is_alphanumeric(),
    }
}

/// `char::is_alphabetic` with CJK, the bulk of Chinese text, answered before Unicode's
/// tables are searched.
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphabetic(),
        0x2000..=0x206f | 0x3000..=0x303f | 0xff00..=0xff20 => false,
        0x400..=0x481 | 0x48a..=0x52f => true,
        _ => is_cjk(c) || c.is_alphabetic(),
    }
}

/// `char::is_numeric`, with the Latin and Cyrillic letters of `is_word_char` answered
/// before Unicode's tables are searched.
pub fn is_numeric(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_digit(),
        0xc0..=0x24f | 0x400..=0x52f => false,
        _ => c.is_numeric(),
    }
}

/// The trailing ellipsis that marks a cut-off teaser, if any: `...`, `…`, `……`, `。。。`,
/// `···`, `[...]`, optionally followed by a closing bracket or quote.
pub fn truncation_mark(s: &str) -> Option<&'static str> {
    let bare = s.trim_end_matches(is_trim_char);
    for mark in ["[...]", "[…]"] {
        if bare.ends_with(mark) {
            return Some(mark);
        }
    }
    let t =
        s.trim_end_matches(|c: char| is_trim_char(c) || matches!(c, ')' | '）' | ']' | '】' | '"' | '”' | '’' | '」'));
    ["……", "…", "...", "。。。", "···", "・・・", "．．．"].into_iter().find(|&mark| t.ends_with(mark)).map(|v| v as _)
}

/// Sentence punctuation inside a line: a line with none reads as a heading or a headline.
pub fn has_sentence_punct(s: &str) -> bool {
    // Scanned as bytes (UTF-8 puts an ASCII byte or a lead byte nowhere else): the
    // characters around a stop are decoded only at a stop, and most bytes are neither.
    let ends_word = |c: Option<char>| c.is_some_and(|c| is_letter(c) || c == ')' || c == '"' || c == '”');
    s.bytes().enumerate().any(|(i, b)| match b {
        // Latin sentence ends: ". " or ";" after a word, not a decimal point or an abbreviation dot at the end
        b'.' | b';' | b'!' | b'?' => {
            ends_word(s[..i].chars().next_back()) && s[i + 1..].chars().next().is_none_or(char::is_whitespace)
        }
        // 。 ；！？
        0xE3 | 0xEF => ["。", "；", "！", "？"].iter().any(|stop| s[i..].starts_with(stop)),
        _ => false,
    })
}

/// Whether `s` ends with `tail`, ASCII letters compared without case (`.GZ`, `Says:`);
/// other bytes compare as they are.
pub fn ends_with_ignore_ascii_case(s: &[u8], tail: &[u8]) -> bool {
    s.len() >= tail.len() && s[s.len() - tail.len()..].eq_ignore_ascii_case(tail)
}

/// Whether the line ends like a sentence (not like a heading, a label or a cut-off teaser).
pub fn ends_sentence(s: &str) -> bool {
    let t =
        s.trim_end_matches(|c: char| is_trim_char(c) || matches!(c, ')' | '）' | '"' | '”' | '’' | '」' | '』' | '\''));
    truncation_mark(s).is_none() && t.ends_with(['。', '！', '？', '.', '!', '?', '；', ';'])
}

/// English function words: a Latin-script page where they make up this share of the
/// words is English. Running English text is about 25% such words; French or German
/// text under 3%.
/// (None is longer than four letters.)
const ENGLISH_MARKERS: [&str; 12] = ["the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "was", "on"];
const ENGLISH_MIN_SHARE: f64 = 0.08;
/// Characters of a page that decide its language.
const LANGUAGE_SAMPLE_CHARS: usize = 5_000;

/// The length in bytes of a text's first `n` characters.
fn prefix_len(text: &str, n: usize) -> usize {
    let bytes = text.as_bytes();
    let is_start = |b: u8| (b as i8) >= -0x40; // not a continuation byte 0x80-0xbf
    let (mut at, mut chars) = (0, 0);
    // Whole blocks while they fit, counted without a branch a byte.
    while let Some(block) = bytes.get(at..at + 64) {
        let starts = block.iter().filter(|&&b| is_start(b)).count();
        if chars + starts > n {
            break;
        }
        chars += starts;
        at += 64;
    }
    while at < bytes.len() {
        if is_start(bytes[at]) {
            if chars == n {
                break;
            }
            chars += 1;
        }
        at += 1;
    }
    at
}

/// Words (runs of letters) and English function words among them. ASCII is read as bytes;
/// only other characters are decoded, to ask whether they are letters.
fn english_words(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut words, mut markers) = (0, 0);
    let mut word_start = None;
    let mut at = 0;
    let mut end_word = |start: usize, end: usize| {
        let w = &bytes[start..end];
        words += 1;
        markers += usize::from(w.len() <= 4 && ENGLISH_MARKERS.iter().any(|m| w.eq_ignore_ascii_case(m.as_bytes())));
    };
    while at < bytes.len() {
        let (letter, len) = match bytes[at] {
            b @ 0..=0x7f => (b.is_ascii_alphabetic(), 1),
            _ => text[at..].chars().next().map_or((false, 1), |c| (is_letter(c), c.len_utf8())),
        };
        match (letter, word_start) {
            (true, None) => word_start = Some(at),
            (false, Some(start)) => {
                end_word(start, at);
                word_start = None;
            }
            _ => {}
        }
        at += len;
    }
    if let Some(start) = word_start {
        end_word(start, bytes.len());
    }
    (words, markers)
}

/// Characters by script: Han (with extensions A, B- and compatibility ideographs), kana,
/// Hangul syllables, and ASCII letters.
#[derive(Debug, Default, PartialEq, Eq)]
struct Scripts {
    han: usize,
    kana: usize,
    hangul: usize,
    latin: usize,
}

impl Scripts {
    /// Counted from each character's first two or three bytes in UTF-8, byte by byte with
    /// no branch, which the compiler vectorises: decoding every character costs several
    /// times as much. Only a character's first byte can be 0xe3-0xf0, so every byte may
    /// be tested as one. Ranges, as UTF-8:
    /// Han U+3400-4DBF E3 90-BF / E4 80-B6, U+4E00-9FFF E4 B8-BF / E5-E9, U+F900-FAFF
    /// EF A4-AB, U+20000-2FFFF F0 A0-AF; kana U+3040-30FF E3 81-83; Hangul U+AC00-D7AF
    /// EA B0-BF / EB / EC / ED 80-9D / ED 9E 80-AF.
    fn count(bytes: &[u8]) -> Scripts {
        let mut s = Scripts::default();
        let n = bytes.len();
        // Every byte but the last two, which cannot open a CJK character in valid UTF-8,
        // beside the two bytes after it. `&` and `|`, not `&&` and `||`: no branches.
        let (first, second, third) = (&bytes[..n.saturating_sub(2)], &bytes[1.min(n)..], &bytes[2.min(n)..]);
        let in_range = |b: u8, lo: u8, hi: u8| b.wrapping_sub(lo) <= hi - lo;
        // Byte-wide counters, added up every 255 bytes: sixteen lanes to a vector.
        for start in (0..first.len()).step_by(255) {
            let end = (start + 255).min(first.len());
            let (mut han, mut kana, mut hangul, mut latin) = (0u8, 0u8, 0u8, 0u8);
            for ((&b0, &b1), &b2) in first[start..end].iter().zip(&second[start..end]).zip(&third[start..end]) {
                latin += u8::from(in_range(b0 | 0x20, b'a', b'z'));
                han += u8::from(
                    (in_range(b0, 0xe4, 0xe9) & !((b0 == 0xe4) & (b1 == 0xb7)))
                        | ((b0 == 0xe3) & (b1 >= 0x90))
                        | ((b0 == 0xef) & in_range(b1, 0xa4, 0xab))
                        | ((b0 == 0xf0) & in_range(b1, 0xa0, 0xaf)),
                );
                kana += u8::from((b0 == 0xe3) & in_range(b1, 0x81, 0x83));
                hangul += u8::from(
                    ((b0 == 0xea) & (b1 >= 0xb0))
                        | in_range(b0, 0xeb, 0xec)
                        | ((b0 == 0xed) & ((b1 < 0x9e) | ((b1 == 0x9e) & (b2 <= 0xaf)))),
                );
            }
            s.han += usize::from(han);
            s.kana += usize::from(kana);
            s.hangul += usize::from(hangul);
            s.latin += usize::from(latin);
        }
        let tail = &bytes[first.len()..];
        s.latin += tail.iter().filter(|b| b.is_ascii_alphabetic()).count();
        s
    }
}

/// A coarse language tag for the page: `zh`, `ja`, `ko`, `en`, or `und`.
pub fn language(text: &str) -> &'static str {
    // A sample decides as well as the whole page and costs a bounded time.
    let end = prefix_len(text, LANGUAGE_SAMPLE_CHARS);
    let Scripts { han, kana, hangul, latin } = Scripts::count(&text.as_bytes()[..end]);
    let cjk = han + kana + hangul;
    // A CJK character carries about as much as four Latin letters.
    if cjk * 4 >= latin && cjk > 0 {
        return if kana * 10 > cjk {
            "ja"
        } else if hangul * 2 > cjk {
            "ko"
        } else {
            "zh"
        };
    }
    let (words, markers) = english_words(&text[..end]);
    if words > 0 && markers as f64 / words as f64 >= ENGLISH_MIN_SHARE {
        "en"
    } else {
        "und"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_width_case_and_space() {
        assert_eq!(normalize("标签：ＡＢ c\u{3000}d"), "标签:abcd");
        assert_eq!(normalize_prefix("标签：ＡＢ c\u{3000}d", 4), "标签:a");
        assert_eq!(normalize_prefix("ab", 4), "ab");
    }

    #[test]
    fn units_weigh_words_and_characters_alike() {
        assert_eq!(units("河北省第八届梅花鉴赏节在安平举行"), 16);
        assert_eq!(units("Hebei holds eighth plum blossom festival in Anping"), 16);
    }

    #[test]
    fn truncation_marks() {
        assert_eq!(truncation_mark("先行先试..."), Some("..."));
        assert_eq!(truncation_mark("金桂..."), Some("..."));
        assert_eq!(truncation_mark("一路前行……"), Some("……"));
        assert_eq!(truncation_mark("Read the rest […]"), Some("[…]"));
        assert_eq!(truncation_mark("完整的句子。"), None);
    }

    /// What `Scripts::count` computes from bytes, from decoded characters.
    fn scripts_of(text: &str) -> Scripts {
        let mut s = Scripts::default();
        for c in text.chars() {
            match c as u32 {
                0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x2ffff => s.han += 1,
                0x3040..=0x30ff => s.kana += 1,
                0xac00..=0xd7af => s.hangul += 1,
                _ => s.latin += usize::from(c.is_ascii_alphabetic()),
            }
        }
        s
    }

    #[test]
    fn scripts_by_bytes_match_scripts_by_characters() {
        // Every range's ends and their neighbours, among ASCII, two- and four-byte text.
        let edges = [
            0x33ff, 0x3400, 0x4dbf, 0x4dc0, 0x4dff, 0x4e00, 0x9fff, 0xa000, 0xf8ff, 0xf900, 0xfaff, 0xfb00, 0x303f,
            0x3040, 0x30ff, 0x3100, 0xabff, 0xac00, 0xd7af, 0xd7b0, 0x1ffff, 0x20000, 0x2ffff, 0x30000, 0xe9, 0x7a,
            0x41, 0x40, 0x5b, 0x1f600,
        ];
        let chars: Vec<char> = edges.iter().filter_map(|&c| char::from_u32(c)).collect();
        let mut state = 1u64;
        for len in 0..300 {
            let text: String = (0..len)
                .map(|_| {
                    state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    chars[(state >> 33) as usize % chars.len()]
                })
                .collect();
            assert_eq!(Scripts::count(text.as_bytes()), scripts_of(&text), "{text:?}");
            for n in [0, 1, 7, 64, 65, 200] {
                let end = prefix_len(&text, n);
                assert_eq!(end, text.char_indices().nth(n).map_or(text.len(), |(i, _)| i), "{n} of {text:?}");
            }
        }
    }

    #[test]
    fn english_words_split_like_str_split() {
        for text in ["The council, of the city; voted.", "naïve café it's THE end", "", "  ", "中文 and 文字 to", "x"]
        {
            let words: Vec<&str> = text.split(|c: char| !is_letter(c)).filter(|w| !w.is_empty()).collect();
            let markers = words.iter().filter(|w| ENGLISH_MARKERS.iter().any(|m| w.eq_ignore_ascii_case(m))).count();
            assert_eq!(english_words(text), (words.len(), markers), "{text:?}");
        }
    }

    #[test]
    fn languages() {
        assert_eq!(language("临港新片区举行大会"), "zh");
        assert_eq!(language("東京で会議が開かれました"), "ja");
        assert_eq!(language("서울에서 회의가 열렸다"), "ko");
        assert_eq!(language("𠀀𠀁 𠀂"), "zh");
        assert_eq!(language("The council voted on the plan in the morning."), "en");
        assert_eq!(language("Le conseil a voté le plan ce matin."), "und");
        assert_eq!(language(""), "und");
    }

    #[test]
    fn sentence_shape() {
        assert!(has_sentence_punct("他说。然后"));
        assert!(has_sentence_punct("He left. Then"));
        assert!(has_sentence_punct("真的吗？好"));
        assert!(has_sentence_punct("Really?"));
        assert!(has_sentence_punct("He said (no). Then"));
        assert!(!has_sentence_punct("Version 3.5 out"));
        assert!(!has_sentence_punct("版本 3.5 发布"));
        assert!(!has_sentence_punct("河北省第八届梅花鉴赏节在安平举行"));
        assert!(ends_sentence("市委常委陈金山出席。"));
        assert!(!ends_sentence("标签:"));
    }
}
