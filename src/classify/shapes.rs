//! Furniture recognised by its shape in code rather than by a pattern: toolbars and share
//! bars, pagers, a video player's controls, reading times, counts and related-reading
//! headers in other languages, and Chinese credit runs. Each reads a line (or its
//! normalised form) against the word lists of `lexicon` and says whether it is one.
//!
//! They are read in code where a pattern would slow every line: as alternatives of the
//! patterns, these lists cost millions of instructions to compile at every start, or
//! slowed every line with a digit. `patterns` asks them.

use super::lexicon::en::{PAGER_WORDS, PLAYER_CONTROLS};
use super::lexicon::intl::{COUNT_WORDS, LIKE_AND_SHARE_LABELS, RELATED_WORDS_ELSEWHERE};
use super::lexicon::zh::CREDIT_RUN_ROLES;
use super::lexicon::{BUTTONS_AND_AD_LABELS, READING_TIME_LABELS, TOOLBAR_WORDS};

/// Whether a normalised line is a video player's control: one of PLAYER_CONTROLS, or a
/// clock or a share (`Current Time 0:00`, `Remaining Time -1:23`, `Loaded: 12.5%`).
pub(super) fn is_player_control(norm: &str) -> bool {
    if norm.len() > longest(PLAYER_CONTROLS) {
        return false;
    }
    let clock = ["currenttime", "durationtime", "remainingtime"].iter().find_map(|label| norm.strip_prefix(label));
    let clock = clock.map(|t| t.strip_prefix('-').unwrap_or(t)).is_some_and(|t| {
        t.split_once(':').is_some_and(|(m, s)| {
            (1..=2).contains(&m.len()) && s.len() == 2 && m.bytes().chain(s.bytes()).all(|b| b.is_ascii_digit())
        })
    });
    let share =
        ["loaded:", "progress:"].iter().find_map(|label| norm.strip_prefix(label)).and_then(|t| t.strip_suffix('%'));
    let share = share.is_some_and(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b'.'));
    clock || share || PLAYER_CONTROLS.contains(&norm)
}

/// The longest of LIKE_AND_SHARE_LABELS: longer lines are not looked up.
pub(super) const LIKE_AND_SHARE_MAX_BYTES: usize = longest(LIKE_AND_SHARE_LABELS);

/// The length in bytes of the longest of `words`, derived when the program is compiled:
/// a line longer than it is none of them.
const fn longest(words: &[&str]) -> usize {
    let (mut longest, mut i) = (0, 0);
    while i < words.len() {
        if words[i].len() > longest {
            longest = words[i].len();
        }
        i += 1;
    }
    longest
}

/// The bytes `words` open with, derived when the program is compiled: a line that opens
/// with another byte is none of them.
const fn first_bytes(words: &[&str]) -> [bool; 256] {
    let (mut first, mut i) = ([false; 256], 0);
    while i < words.len() {
        first[words[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    first
}

/// A normalised reading time: a label, a number or range of minutes (`Lesezeit: 3
/// Minuten`, `Reading time: 4-5 minutes`, `阅读时间：约5分钟`). Read in code: as one more
/// alternative of `counter` it slowed every line with a digit.
pub(super) fn is_reading_time(norm: &str) -> bool {
    let Some(rest) = READING_TIME_LABELS.iter().find_map(|label| norm.strip_prefix(label)) else {
        return false;
    };
    let rest = rest.trim_start_matches([':', '：', '约']);
    let unit = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-');
    let minutes =
        unit.strip_prefix("min").or_else(|| unit.strip_prefix("мин")).map(|u| u.chars().all(char::is_alphabetic));
    unit.len() < rest.len() && (minutes == Some(true) || unit == "menit" || unit == "分钟")
}

/// A Chinese closing credit of roles and names without colons: `编辑 刘晓阳 校对 李铭`,
/// `责编 张三 审核 李四`. Each role is followed by a name of at most four characters.
pub(super) fn is_credit_run(text: &str) -> bool {
    // Most lines are out on their first character; the pairs check the roles.
    if text.len() > 90 || !text.starts_with(['编', '編', '责', '責', '校', '审', '審', '监', '美']) {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 4
        && words.len() % 2 == 0
        && words.chunks(2).all(|pair| {
            CREDIT_RUN_ROLES.contains(&pair[0])
                && (2..=4).contains(&pair[1].chars().count())
                && pair[1].chars().all(crate::norm::is_cjk)
        })
}

/// The first bytes of TOOLBAR_WORDS: most words are out on theirs.
const TOOLBAR_FIRST_BYTES: [bool; 256] = first_bytes(TOOLBAR_WORDS);
/// Longer words than the longest of TOOLBAR_WORDS are none of them.
const TOOLBAR_WORD_MAX_BYTES: usize = longest(TOOLBAR_WORDS);

/// A toolbar's or share bar's buttons on one line: `打印 | 关闭`, `【字体：大 中 小】
/// 【打印】【关闭】`, `微信 微博 QQ空间`, `Facebook Twitter Email`; two buttons at least
/// (one alone is BUTTONS_AND_AD_LABELS'), and a button's word, or the three sizes of
/// `大 中 小`. Or a player's clock (`0:00 / 3:21`).
pub(super) fn is_toolbar(text: &str) -> bool {
    if text.len() > 120 {
        return false;
    }
    let separator = |c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '【' | '】' | '[' | ']' | ':' | '：' | '/');
    let (mut buttons, mut letters, mut numbers) = (0, 0, 0);
    let mut start = None;
    // Word by word; most lines are out once their first word outgrows every button.
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if !separator(c) {
            if i - *start.get_or_insert(i) > TOOLBAR_WORD_MAX_BYTES {
                return false;
            }
            continue;
        }
        let Some(word) = start.take().map(|s| &text[s..i]) else { continue };
        if word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
            numbers += 1;
        } else if TOOLBAR_FIRST_BYTES[usize::from(word.as_bytes()[0].to_ascii_lowercase())]
            && TOOLBAR_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
        {
            // `大`, `t`, `x`: a size or a letter, a button only beside others.
            if word.chars().nth(1).is_some() {
                buttons += 1;
            } else {
                letters += 1;
            }
        } else {
            return false;
        }
    }
    // The clock's four numbers: minutes and seconds played, of the whole.
    let clock = numbers == 4 && text.contains(':') && text.contains('/');
    (numbers == 0 && buttons + letters >= 2 && (buttons >= 1 || letters == 3)) || (buttons + letters == 0 && clock)
}

/// A pager or a result count in words and numbers only: `Page 1 of 3`, `1 - 5 of 36`,
/// `Showing 1-10 of 120 results`, `« Prev 1 2 3 Next »`. Two numbers at least, and `of`,
/// a next or previous link, or three page numbers in a row (`1 2 3`, not `2024-06-03`).
pub(super) fn is_pager(text: &str) -> bool {
    if text.len() > 80 || !text.starts_with(|c: char| c.is_ascii_alphanumeric() || "«‹<".contains(c)) {
        return false;
    }
    let (mut numbers, mut linked, mut in_a_row, mut last) = (0, false, true, None);
    let tokens = text.split(|c: char| c.is_whitespace() || "-–|‹›<>".contains(c)).filter(|t| !t.is_empty());
    for token in tokens {
        if token.bytes().all(|b| b.is_ascii_digit()) {
            let n: u32 = token.parse().unwrap_or(u32::MAX);
            in_a_row &= last.is_none_or(|last: u32| n == last.saturating_add(1));
            last = Some(n);
            numbers += 1;
        } else if let Some(word) = PAGER_WORDS.iter().find(|w| token.eq_ignore_ascii_case(w)) {
            linked |= !["page", "showing", "results", "items"].contains(word);
        } else {
            return false;
        }
    }
    numbers >= 2 && (linked || (numbers >= 3 && in_a_row))
}

/// A normalised count of views or comments in another language: `Visto 314 veces`,
/// `1.234 Aufrufe`, `12 commentaires`, `Dilihat 5 kali`, `314 просмотров`. The words
/// around the number are the whole line.
pub(super) fn is_count_elsewhere(norm: &str) -> bool {
    if norm.len() > 40 {
        return false;
    }
    let words: String = norm.chars().filter(|c| !c.is_ascii_digit() && !".,:".contains(*c)).collect();
    words.len() < norm.len() && COUNT_WORDS.contains(&words.as_str())
}

/// Longer lines than the longest of BUTTONS_AND_AD_LABELS are out at once.
pub(super) const BUTTON_MAX_BYTES: usize = longest(BUTTONS_AND_AD_LABELS);

/// A normalised line that is a RELATED_WORDS_ELSEWHERE header (true) or a link after
/// one of its labels (false), as `end_header` and `related_inline` read RELATED_HEADERS.
pub(super) fn related_elsewhere(norm: &str) -> Option<bool> {
    // Most lines are out on their first byte; only decoration before the word is trimmed.
    const FIRST_BYTES: [bool; 256] = first_bytes(RELATED_WORDS_ELSEWHERE);
    let opens_word = |s: &str| s.as_bytes().first().is_some_and(|&b| FIRST_BYTES[usize::from(b)]);
    let rest =
        if opens_word(norm) { norm } else { norm.trim_start_matches(|c| "[【(<《>»·•*#=_-—".contains(c)) };
    if !opens_word(rest) {
        return None;
    }
    let first = rest.as_bytes()[0];
    let word = RELATED_WORDS_ELSEWHERE.iter().find(|w| w.as_bytes()[0] == first && rest.starts_with(*w))?;
    let after = rest[word.len()..].trim_start_matches(|c| "]】)>》»".contains(c));
    if after.trim_start_matches(|c| ":*#=_-—".contains(c)).is_empty() {
        return Some(true);
    }
    let link = after.trim_start_matches(|c| ":>》»".contains(c));
    (link.len() < after.len() && !link.is_empty()).then_some(false)
}

/// An image a text browser set in the text by its alternative text or file name, in
/// square brackets and without a space (`[puffball]`, `[IMG_2041.jpg]`); not an elision
/// (`[...]`) nor a note's number (`[3]`).
pub(super) fn is_bracketed_image(text: &str) -> bool {
    let Some(inner) = text.trim().strip_prefix('[').and_then(|t| t.strip_suffix(']')) else {
        return false;
    };
    !inner.is_empty()
        && inner.len() <= 80
        && !inner.contains(char::is_whitespace)
        && !inner.contains(['[', ']'])
        && inner.chars().any(char::is_alphabetic)
}

/// A form as a text browser draws it: a field (`[            ]`, or `____________` with a
/// word) with at most a label or a button's word beside it (`Name (required)`, `Search`),
/// or a frame's reference (`IFRAME: http://…`).
pub(super) fn is_form_field(text: &str) -> bool {
    let trimmed = text.trim_start_matches(' ');
    if trimmed.starts_with("IFRAME:") || trimmed.starts_with("FRAME:") {
        return true;
    }
    // Most lines are out here (two memchr scans).
    let bytes = text.as_bytes();
    if !bytes.contains(&b'_') && !bytes.contains(&b'[') {
        return false;
    }
    let boxed = text.find('[').is_some_and(|at| text[at + 1..].starts_with("    "));
    let words =
        || text.split(|c: char| c.is_whitespace() || matches!(c, '_' | '[' | ']')).filter(|w| !w.is_empty()).count();
    // A line of underscores alone is a rule between an article's parts, not a field.
    match (boxed, text.contains("____")) {
        (true, _) => words() <= 3,
        (false, true) => (1..=3).contains(&words()),
        (false, false) => false,
    }
}
