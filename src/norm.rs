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

/// Folds full-width ASCII forms to half-width and the ideographic space to a space.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
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

/// Share of CJK among the letters of a text: above one half the text is treated as
/// Chinese (or Japanese/Korean) for tokenisation and language.
pub fn cjk_ratio(s: &str) -> f64 {
    let (mut cjk, mut letters) = (0usize, 0usize);
    for c in s.chars() {
        if is_cjk(c) {
            cjk += 1;
            letters += 1;
        } else if is_letter(c) {
            letters += 1;
        }
    }
    if letters == 0 {
        0.0
    } else {
        cjk as f64 / letters as f64
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
    // What precedes a stop is asked only at a stop: most characters are neither.
    let ends_word = |c: Option<char>| c.is_some_and(|c| is_letter(c) || c == ')' || c == '"' || c == '”');
    let mut prev = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '。' | '；' | '！' | '？' => return true,
            // Latin sentence ends: ". " or ";" after a word, not a decimal point or an abbreviation dot at the end
            '.' | ';' | '!' | '?' if ends_word(prev) && chars.peek().is_none_or(|n| n.is_whitespace()) => return true,
            _ => {}
        }
        prev = Some(c);
    }
    false
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

/// A coarse language tag for the page: `zh`, `ja`, `ko`, `en`, or `und`.
pub fn language(text: &str) -> &'static str {
    // A sample decides as well as the whole page and costs a bounded time.
    let (mut han, mut kana, mut hangul, mut latin) = (0usize, 0usize, 0usize, 0usize);
    // Read as bytes: CJK is all three-byte sequences and Han extensions B- four-byte
    // ones opening F0 A0-AF; decoding every character would cost three times as much.
    let bytes = text.as_bytes();
    let (mut at, mut chars) = (0, 0);
    while at < bytes.len() && chars < LANGUAGE_SAMPLE_CHARS {
        let b = bytes[at];
        let len = match b {
            0x00..=0x7f => {
                latin += usize::from(b.is_ascii_alphabetic());
                1
            }
            0xe0..=0xef => {
                let c = (u32::from(b & 0x0f) << 12)
                    | (u32::from(bytes[at + 1] & 0x3f) << 6)
                    | u32::from(bytes[at + 2] & 0x3f);
                match c {
                    0x3040..=0x30ff => kana += 1,
                    0xac00..=0xd7af => hangul += 1,
                    0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff => han += 1,
                    _ => {}
                }
                3
            }
            0xf0..=0xf7 => {
                han += usize::from(b == 0xf0 && (0xa0..=0xaf).contains(&bytes[at + 1]));
                4
            }
            0xc0..=0xdf => 2,
            _ => 1,
        };
        at += len;
        chars += 1;
    }
    let end = at.min(text.len());
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
    let (mut words, mut markers) = (0usize, 0usize);
    for w in text[..end].split(|c: char| !is_letter(c)).filter(|w| !w.is_empty()) {
        words += 1;
        if w.len() <= 4 && ENGLISH_MARKERS.iter().any(|m| w.eq_ignore_ascii_case(m)) {
            markers += 1;
        }
    }
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
        assert!(!has_sentence_punct("版本 3.5 发布"));
        assert!(!has_sentence_punct("河北省第八届梅花鉴赏节在安平举行"));
        assert!(ends_sentence("市委常委陈金山出席。"));
        assert!(!ends_sentence("标签:"));
    }
}
