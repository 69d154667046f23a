//! Publication dates stated in a line.
//!
//! Takes one line and finds a full date in it (year, month, day, and a time when given),
//! in Chinese (`2023年3月23日 09:30`), numeric (`2023-03-23`, `2023/3/23`) and named-month
//! (`March 23, 2023`, `23 March 2023`, `30 de marzo de 2015`, `20 ноября 2019`) forms, and
//! returns it as ISO 8601. A date without a year (`3月23日`) is not a publication date:
//! datelines inside the article use that form. Time zones are not guessed: a time is
//! given as local time, with the offset only where the line states one. Also judges
//! whether a line is a date line (the date and little else) or a time stamp without a
//! year, and reads the machine-readable dates of markup (`2019-11-19T13:16+0000`).

use super::numerals::{common_era_years, digit_dates, has_numeral_year};
use crate::norm::{fold_width, units};
use regex::Regex;

/// A metadata line is the date plus at most this many units of labels, source and byline.
pub const META_MAX_REST_UNITS: usize = 24;
/// ... and at most this many of CLAUSE_WORDS.
pub const META_MAX_CLAUSE_WORDS: usize = 2;
/// English words that make a clause of a date line's rest, not a label or a name.
const CLAUSE_WORDS: [&str; 19] = [
    "a", "an", "the", "was", "were", "is", "are", "has", "have", "had", "been", "be", "will", "would", "into", "that",
    "which", "who", "its",
];
/// A metadata line longer than this is text that mentions a date: the date itself is at
/// most about 20 units, labels and META_MAX_REST_UNITS of rest come on top.
pub const META_MAX_LINE_UNITS: usize = 96;
/// A toolbar button in 【】 beside a date has at most this many characters (`Email推荐`).
const BUTTON_MAX_CHARS: usize = 8;

/// Finds the dates a line states and judges whether a line is a date line. A copy points
/// at the one set of patterns the process compiles, so every stage that holds a finder
/// also shares the patterns' caches: each copy of a `Regex` warms its own.
#[derive(Debug, Clone, Copy)]
pub struct DateFinder(&'static DatePatterns);

impl std::ops::Deref for DateFinder {
    type Target = DatePatterns;
    fn deref(&self) -> &DatePatterns {
        self.0
    }
}

/// The compiled patterns of dates and date lines.
#[derive(Debug)]
pub struct DatePatterns {
    numeric: Regex,
    day_month: Regex,
    named_mdy: Regex,
    named_dmy: Regex,
    labels: Regex,
    stamp: Regex,
    relative_stamp: Regex,
}

/// The names a date gives each month, in order: English, German, Dutch, Indonesian,
/// French, Spanish, Portuguese, Italian, and Russian in the genitive a date takes (`20
/// ноября 2019`), with the abbreviations sites print.
const MONTH_NAMES: [&[&str]; 12] = [
    &["january", "jan", "januar", "januari", "janvier", "enero", "janeiro", "gennaio", "января", "янв"],
    &["february", "feb", "februar", "februari", "février", "febrero", "fevereiro", "febbraio", "февраля", "фев"],
    &["march", "mar", "märz", "maart", "maret", "mars", "marzo", "março", "марта", "мар"],
    &["april", "apr", "avril", "abril", "aprile", "апреля", "апр"],
    &["may", "mai", "mei", "mayo", "maio", "maggio", "мая"],
    &["june", "jun", "juni", "juin", "junio", "junho", "giugno", "июня", "июн"],
    &["july", "jul", "juli", "juillet", "julio", "julho", "luglio", "июля", "июл"],
    &["august", "aug", "augustus", "agustus", "août", "agosto", "августа", "авг"],
    &["september", "sep", "sept", "septembre", "septiembre", "setembro", "settembre", "сентября", "сен"],
    &["october", "oct", "oktober", "octobre", "octubre", "outubro", "ottobre", "октября", "окт"],
    &["november", "nov", "novembre", "noviembre", "novembro", "ноября", "ноя"],
    &["december", "dec", "dezember", "desember", "décembre", "diciembre", "dezembro", "dicembre", "декабря", "дек"],
];

impl Default for DateFinder {
    /// The patterns are compiled on first use, once per process.
    fn default() -> Self {
        static COMPILED: std::sync::LazyLock<DatePatterns> = std::sync::LazyLock::new(DatePatterns::compile);
        DateFinder(&COMPILED)
    }
}

impl DatePatterns {
    fn compile() -> Self {
        let re = |s: &str| Regex::new(s).expect("valid pattern");
        DatePatterns {
            numeric: re(
                r"((?:19|20)[0-9]{2})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?(?:\s*(?:星期|周|礼拜)[一二三四五六日天])?(?:[T\s]*(?:[上下中晚凌早][午上晨]\s*)?([0-9]{1,2})[:：时]([0-9]{2})(?:[:：分]([0-9]{2}))?(?:\s*([AaPp]\.?[Mm]\.?))?)?",
            ),
            // Day and month before the year, in either order (`05/10/2018`, `11/20/2019 10:42`).
            day_month: re(
                r"(?-u:\b)([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]((?:19|20)[0-9]{2})(?-u:\b)(?:[T\s,]*([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:\s*([AaPp]\.?[Mm]\.?))?)?",
            ),
            // A word where the month stands, checked against MONTH_NAMES in code: an
            // alternation of month names under (?i) cost three times as much to compile.
            named_mdy: re(
                r"(?-u:\b)([A-Za-z]{3,9})\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)[0-9]{2})(?:[\s,at]*([0-9]{1,2}):([0-9]{2})\s*([AaPp]\.?[Mm]\.?)?)?",
            ),
            // The day first, as most languages write it: `23 March 2023`, `30. März 2015`,
            // `30 de marzo de 2015`, `20 ноября 2019 г.`.
            named_dmy: re(
                r"(?-u:\b)([0-9]{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?([A-Za-zÀ-ÿА-Яа-яЁё]+)\.?,?\s+(?:de\s+)?((?:19|20)[0-9]{2})(?:\s*г\.)?(?:[\s,at]*([0-9]{1,2}):([0-9]{2})\s*([AaPp]\.?[Mm]\.?)?)?",
            ),
            // A time stamp relative to the reader's now, with at most a source before it:
            // `AP - 53 mins ago`, `Updated 2 hours ago`, `新华网 3小时前`.
            relative_stamp: re(
                r"^(?:[A-Za-z0-9&. ]{1,24}\s[-–—|·]\s|\p{Han}{1,8}\s*)?(?i-u:(?:updated|posted|published)\s+)?[0-9]{1,3}\s*(?:(?i-u:mins?|minutes?|hrs?|hours?|days?|weeks?)\s+(?i-u:ago)|分钟前|小时前|天前)$",
            ),
            // One labelled time stamp without a year (`Updated Nov 19, 6:55 AM`); the
            // month word is checked against MONTH_NAMES in code.
            stamp: re(
                r"^(?i-u:(?:last\s+)?(?:updated|posted|published)(?:\s+on)?:?)\s*([A-Za-z]{3,9})\.?\s+[0-9]{1,2}(?:,?\s*[0-9]{1,2}:[0-9]{2}\s*(?i-u:[ap]\.?m\.?)?)?(?:\s*(?i-u:et|pt|ct|mt|edt|est|pdt|pst|gmt|utc))?$",
            ),
            // Labels, and a time of day standing apart from the date (`Published 5:30 p.m.
            // ET Nov. 19, 2019`): its dots end no sentence.
            labels: re(
                r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\s*(?i-u:[ap]\.m\.|[ap]m)?|发布时间|发布日期|发表时间|更新时间|时间|日期|来源|來源|作者|编辑|編輯|记者|記者|北京时间|(?-u:\b)(?i-u:published|updated|posted|original|first|last|modified|by|on|at|gmt|utc|et|edt|est|bst|cst|pt|pst|pdt)(?-u:\b)|[:：|｜/\-()（）\[\]【】·,]",
            ),
        }
    }
}

/// Whether a line opens with a label that says when the page was published or changed
/// (`First Published on …`, `Updated …`, `发布时间：…`, `发表于 …`).
pub fn has_publishing_label(line: &str) -> bool {
    const LABELS: [&str; 14] = [
        "published",
        "first published",
        "originally published",
        "posted",
        "updated",
        "last updated",
        "modified",
        "last modified",
        "发布时间",
        "发布日期",
        "发布于",
        "发表时间",
        "发表于",
        "更新时间",
    ];
    let line = line.trim_start();
    LABELS.iter().any(|label| {
        line.get(..label.len()).is_some_and(|head| head.eq_ignore_ascii_case(label))
            && !line[label.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
    })
}

/// Whether the text before a date ends with a label that says the page changed then
/// (`Last updated:`, `最后更新：`, `修改时间`, `Aktualisiert am`).
fn is_update_label(before: &str) -> bool {
    const LABELS: [&str; 14] = [
        "updated",
        "updated on",
        "updated at",
        "modified",
        "更新",
        "更新于",
        "更新於",
        "更新时间",
        "更新時間",
        "更新日期",
        "修改时间",
        "最后修改",
        "aktualisiert",
        "aktualisiert am",
    ];
    let before = before.trim_end_matches([' ', ':', '：']);
    LABELS.iter().any(|label| {
        before.len() >= label.len()
            && before.is_char_boundary(before.len() - label.len())
            && before[before.len() - label.len()..].eq_ignore_ascii_case(label)
            && !before[..before.len() - label.len()].ends_with(|c: char| c.is_ascii_alphabetic())
    })
}

/// A line split at its time label (`发布时间：10-08`): what stands before `时间`, and the
/// value after it, past the colon and spaces.
fn split_time_label(line: &str) -> Option<(&str, &str)> {
    let at = line.find("时间")?;
    Some((&line[..at], line[at + "时间".len()..].trim_start_matches([':', '：', ' '])))
}

/// A time label with a day and no year (`发布时间：10-08 12:00`, `时间：10月8日`).
fn is_labelled_day(line: &str) -> bool {
    let Some((label, rest)) = split_time_label(line) else { return false };
    ["", "发布", "发表", "更新", "发稿"].contains(&label)
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest.chars().all(|c| c.is_ascii_digit() || "-/.: 月日".contains(c))
}

/// A line that is only a day and a month's name, either way round (`05 Oct`, `Nov. 19`).
fn is_day_and_month(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (Some(a), Some(b), None) = (words.next(), words.next(), words.next()) else { return false };
    let day = |w: &str| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    let month = |w: &str| month_number(w.trim_end_matches(['.', ','])).is_some();
    (day(a) && month(b)) || (month(a) && day(b))
}

/// Whether a line holds a time of day (`2:31 pm`, `@08:24PM`, `14:30`) or a time counted
/// back from now (`3 hours ago`, `5分钟前`): what a comment's or a forum post's head
/// shows beside the poster's name.
pub fn holds_time(line: &str) -> bool {
    let b = line.as_bytes();
    let digits = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
    // Looked for with memchr first: a substring search builds a searcher at every call,
    // and this runs on every short line of a dump.
    let clock = memchr::memchr_iter(b':', b).any(|i| {
        let hours = b[..i].iter().rev().take_while(|c| c.is_ascii_digit()).count();
        let minutes = digits(&b[i + 1..]);
        (1..=2).contains(&hours) && minutes == 2 && (i == hours || !b[i - hours - 1].is_ascii_alphanumeric())
    });
    if clock {
        return true;
    }
    if line.contains('前') && ["分钟前", "小时前", "天前", "分鐘前", "小時前"].iter().any(|ago| line.contains(ago))
    {
        return true;
    }
    let ago = |i: usize| {
        i > 0 && i + 1 < b.len() && b[i - 1].eq_ignore_ascii_case(&b'a') && b[i + 1].eq_ignore_ascii_case(&b'o')
    };
    if !memchr::memchr2_iter(b'g', b'G', b).any(ago) {
        return false;
    }
    // `3 hours ago`, `a day ago`: a count, a unit, `ago`.
    let (mut count, mut unit) = ("", "");
    line.split_whitespace().any(|word| {
        let ago = word.trim_end_matches([',', '.', ')']).eq_ignore_ascii_case("ago")
            && ["min", "minute", "hr", "hour", "day", "week", "month", "year"]
                .iter()
                .any(|u| unit.trim_end_matches('s').eq_ignore_ascii_case(u))
            && ((!count.is_empty() && count.bytes().all(|c| c.is_ascii_digit()))
                || count.eq_ignore_ascii_case("a")
                || count.eq_ignore_ascii_case("an"));
        (count, unit) = (unit, word);
        ago
    })
}

/// A line that is only a time of day (`17:30`, `09:05:12`), as pages print under a date.
fn is_time_of_day(line: &str) -> bool {
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    let mut parts = line.split(':');
    let hours = parts.next().is_some_and(|h| (1..=2).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_digit()));
    let rest: Vec<&str> = parts.collect();
    hours && (1..=2).contains(&rest.len()) && rest.iter().all(|p| two_digits(p))
}

/// The line as the date patterns read it: width-folded, and a date in Chinese numerals
/// (`二〇〇五年七月五日`, on notices and older pages) written in digits. None when it holds
/// no four-digit year in either form, as most lines don't: they are out before any
/// pattern runs. Numerals may take more characters than digits, so a span found in a
/// line with such a date is only near the date.
fn date_form(line: &str) -> Option<String> {
    // A year of the Republic of China (`民國94年7月3日`, on Taiwan's pages) as the
    // numerals of its Common Era year, which the rest reads like any other.
    let era = line.contains('年') && (line.contains("民國") || line.contains("民国"));
    let roc = era.then(|| common_era_years(line)).flatten();
    let line = roc.as_deref().unwrap_or(line);
    if let Some(full) = line.contains("时间").then(|| labelled_short_year(line)).flatten() {
        return Some(full);
    }
    let numeral_year = has_numeral_year(line);
    if !numeral_year && !has_four_digits(line) {
        return None;
    }
    let folded: String = line.chars().map(fold_width).collect();
    Some(if numeral_year { digit_dates(&folded).unwrap_or(folded) } else { folded })
}

/// A time label's date with a two-digit year (`发布时间：18-03-08`, as Baidu's pages print
/// it), folded with the year in four digits; other two-digit years (`05年7月5日`) stay
/// unread, as a bare `18-03-08` may be anything.
fn labelled_short_year(line: &str) -> Option<String> {
    let folded: String = line.chars().map(fold_width).collect();
    let (_, rest) = split_time_label(&folded)?;
    let date_at = folded.len() - rest.len();
    let parts: Vec<&str> = rest.splitn(4, '-').collect();
    let digits =
        |s: &str, n: std::ops::RangeInclusive<usize>| n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    // The day may run into a time printed in the next element (`18-03-0823:16`).
    let day_len = parts.get(2)?.bytes().take_while(u8::is_ascii_digit).count();
    if parts.len() != 3 || !digits(parts[0], 2..=2) || !digits(parts[1], 1..=2) || day_len == 0 {
        return None;
    }
    let century = if parts[0] < "70" { "20" } else { "19" };
    Some(format!("{}{century}{rest}", &folded[..date_at]))
}

/// A line without the toolbar buttons in 【】 that sit beside a date on older pages
/// (`【字号 大 中 小】 【我要打印】 【关闭】`): a bracketed run of at most BUTTON_MAX_CHARS
/// and no digit (`【看中国2005年07月03日报道】` opens a story's first paragraph).
fn without_buttons(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains('【') {
        return line.into();
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('【') {
        let inner = &rest[open + '【'.len_utf8()..];
        let is_button =
            |label: &str| label.chars().count() <= BUTTON_MAX_CHARS && !label.chars().any(|c| c.is_ascii_digit());
        match inner.find('】').filter(|&close| is_button(&inner[..close])) {
            Some(close) => {
                out.push_str(&rest[..open]);
                out.push(' ');
                rest = &inner[close + '】'.len_utf8()..];
            }
            None => {
                out.push_str(&rest[..open + '【'.len_utf8()]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// Whether four digits (ASCII or full-width) stand in a row.
fn has_four_digits(line: &str) -> bool {
    let mut run = 0;
    for c in line.chars() {
        run = if fold_width(c).is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

fn month_number(name: &str) -> Option<u32> {
    let m = name.to_lowercase();
    MONTH_NAMES.iter().position(|names| names.contains(&m.as_str())).map(|i| i as u32 + 1)
}

fn iso(y: u32, mo: u32, d: u32, time: Option<(u32, u32, u32)>) -> Option<String> {
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
        return None;
    }
    Some(match time {
        Some((h, mi, s)) if h < 24 && mi < 60 && s < 60 => {
            format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}")
        }
        _ => format!("{y:04}-{mo:02}-{d:02}"),
    })
}

/// The offset from UTC stated right after a time (`Z`, ` UTC`, ` GMT+8`, ` +0800`,
/// `+08:00`) as ISO 8601 writes it (`Z`, `+08:00`), and the bytes it takes. A zone's
/// name (`IST`, `ET`) is ambiguous: none.
pub fn stated_offset(rest: &str) -> Option<(String, usize)> {
    let body = rest.strip_prefix(' ').unwrap_or(rest);
    let skipped = rest.len() - body.len();
    let ends_word = |s: &str| !s.starts_with(|c: char| c.is_ascii_alphanumeric());
    let named = ["GMT", "UTC", "Z"].into_iter().find(|name| body.starts_with(name));
    let after_name = &body[named.map_or(0, str::len)..];
    // `GMT+8` and `GMT +8` name hours alone; a bare offset writes the minutes too.
    let numeric =
        if named.is_some_and(|n| n != "Z") { after_name.strip_prefix(' ').unwrap_or(after_name) } else { after_name };
    let sign = numeric.chars().next().filter(|c| matches!(c, '+' | '-'));
    let Some(sign) = sign else {
        return named.filter(|_| ends_word(after_name)).map(|name| ("Z".to_owned(), skipped + name.len()));
    };
    let digits = &numeric[1..];
    let hours = digits.bytes().take_while(u8::is_ascii_digit).count();
    let after_hours = &digits[hours..];
    let colon = usize::from(after_hours.starts_with(':'));
    let minutes = after_hours[colon..].bytes().take_while(u8::is_ascii_digit).count();
    let (h, m) = match (hours, minutes) {
        (1 | 2, 0) if named.is_some() && colon == 0 => (digits[..hours].parse::<u32>().ok()?, 0),
        (1 | 2, 2) => (digits[..hours].parse().ok()?, after_hours[colon..colon + 2].parse().ok()?),
        // `+0800`: hours and minutes in one run.
        (4, 0) => (digits[..2].parse().ok()?, digits[2..4].parse().ok()?),
        _ => return None,
    };
    if named.is_none() && hours + minutes != 4 || h > 14 || m >= 60 {
        return None;
    }
    let taken = rest.len() - digits.len() + hours + colon + minutes;
    Some((format!("{sign}{h:02}:{m:02}"), taken))
}

/// A date found in a line: ISO 8601 and the byte span it covered. A numeric date whose
/// day and month could be either way round (`05/10/2018`: 5 October in most of the
/// world, May 10 in the United States) has no ISO form: the line is still a date line.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate {
    pub iso: Option<String>,
    pub span: (usize, usize),
    /// Labelled as when the page changed (`最后更新：…`, `Updated …`), not when it was
    /// published.
    pub updated: bool,
}

impl FoundDate {
    /// The date for a rule's reason.
    pub fn describe(&self) -> &str {
        self.iso.as_deref().unwrap_or("day and month in either order")
    }
}

impl DateFinder {
    /// The first date in a line; its span is in the line as given.
    pub fn find(&self, line: &str) -> Option<FoundDate> {
        let folded = date_form(line)?;
        let mut found = self.find_folded(&folded)?;
        if folded.len() != line.len() {
            // Folding maps each character to one character of another byte length: the
            // span moves to the same characters of the line. (A date in Chinese numerals
            // written in digits may be shorter: its span lands near it, on a boundary.)
            let in_line =
                |at: usize| line.char_indices().nth(folded[..at].chars().count()).map_or(line.len(), |(i, _)| i);
            found.span = (in_line(found.span.0), in_line(found.span.1));
        }
        Some(found)
    }

    /// `find` in a line already width-folded; the span is in it. A date labelled as the
    /// page's update gives way to one after it (`更新时间：… 发布时间：…`).
    fn find_folded(&self, line: &str) -> Option<FoundDate> {
        let first = self.first_folded(line)?;
        if first.updated {
            let after = first.span.1;
            if let Some(next) = self.first_folded(&line[after..]).filter(|d| !d.updated) {
                return Some(FoundDate { span: (next.span.0 + after, next.span.1 + after), ..next });
            }
        }
        Some(first)
    }

    fn first_folded(&self, line: &str) -> Option<FoundDate> {
        let num = |c: &regex::Captures, i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        // Hour, minute and second (groups 4-6; the English forms have no seconds), on 24
        // hours or 12 with am/pm (group `half`: `11/19/2019 5:30:00 PM` is 17:30).
        let clock = |c: &regex::Captures, half: usize| {
            // Or a Chinese half of the day before the hour (`下午 3:30`, `晚上8时`).
            let afternoon = ["下午", "晚上"].iter().any(|half| c[0].contains(half));
            let pm =
                c.get(half).map(|m| m.as_str().to_ascii_lowercase().starts_with('p')).or(afternoon.then_some(true));
            num(c, 4).map(|h| {
                let h = match pm {
                    Some(true) if h < 12 => h + 12,
                    Some(false) if h == 12 => 0,
                    _ => h,
                };
                (h, num(c, 5).unwrap_or(0), num(c, 6).unwrap_or(0))
            })
        };
        let found = |c: &regex::Captures, iso: Option<String>| {
            let m = c.get(0).expect("match");
            let updated = is_update_label(&line[..m.start()]);
            let mut end = m.end();
            // A time's stated offset from UTC stays with it.
            let iso = iso.map(|mut iso| {
                if let Some((offset, len)) = iso.contains('T').then(|| stated_offset(&line[end..])).flatten() {
                    iso.push_str(&offset);
                    end += len;
                }
                iso
            });
            Some(FoundDate { iso, span: (m.start(), end), updated })
        };
        if let Some(c) = self.numeric.captures(line) {
            return found(&c, Some(iso(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?, clock(&c, 7))?));
        }
        if let Some(c) = self.named_mdy.captures_iter(line).find(|c| month_number(&c[1]).is_some()) {
            let (year, month, day) = (num(&c, 3)?, month_number(&c[1])?, num(&c, 2)?);
            return found(&c, Some(iso(year, month, day, clock(&c, 6))?));
        }
        if let Some(c) = self.named_dmy.captures_iter(line).find(|c| month_number(&c[2]).is_some()) {
            let (year, month, day) = (num(&c, 3)?, month_number(&c[2])?, num(&c, 1)?);
            return found(&c, Some(iso(year, month, day, clock(&c, 6))?));
        }
        if let Some(c) = self.day_month.captures(line) {
            let (a, b, year) = (num(&c, 1)?, num(&c, 2)?, num(&c, 3)?);
            return match (a, b) {
                (13..=31, 1..=12) => found(&c, Some(iso(year, b, a, clock(&c, 7))?)),
                (1..=12, 13..=31) => found(&c, Some(iso(year, a, b, clock(&c, 7))?)),
                // Either way round: a 12-hour clock with unpadded numbers (`7/5/2005
                // 9:23:57 PM`) is the United States' format (month first), the default
                // of servers set to it. Day-first locales pad (`07/05/2005`) and count
                // 24 hours.
                (1..=12, 1..=12) if c.get(7).is_some() && !c[1].starts_with('0') && !c[2].starts_with('0') => {
                    found(&c, Some(iso(year, a, b, clock(&c, 7))?))
                }
                (1..=12, 1..=12) => found(&c, None),
                _ => None,
            };
        }
        None
    }

    /// A line made of a date and little else (labels, a source, a byline): the date.
    pub fn metadata_date(&self, line: &str) -> Option<FoundDate> {
        if units(line) > META_MAX_LINE_UNITS {
            return None;
        }
        // Folded once, and without its buttons: the dates' spans are in that line.
        let folded = date_form(line)?;
        let folded = without_buttons(&folded);
        let found = self.find_folded(&folded)?;
        let mut rest = format!("{} {}", &folded[..found.span.0], &folded[found.span.1..]);
        // A second date (`Updated ... / Original ...`) is metadata too.
        if let Some(more) = self.find_folded(&rest) {
            rest.replace_range(more.span.0..more.span.1, " ");
        }
        let rest = self.labels.replace_all(&rest, " ");
        // A clause around the date (`The act was signed into law on August 14, 1935`) has
        // the function words that names, labels and tags do not.
        let clause =
            rest.split_whitespace().filter(|w| CLAUSE_WORDS.contains(&w.to_ascii_lowercase().as_str())).count();
        (units(&rest) <= META_MAX_REST_UNITS
            && clause <= META_MAX_CLAUSE_WORDS
            && !crate::norm::has_sentence_punct(&rest))
        .then_some(found)
    }

    /// The date of a metadata line (`发布时间：2023-03-23 09:30`), if the line is one and
    /// its date is whole.
    pub fn visible_date(&self, text: &str) -> Option<FoundDate> {
        self.metadata_date(text).filter(|d| d.iso.is_some())
    }

    /// A line of labelled time stamps without a year (`Updated Nov 19, 6:55 AM; Posted
    /// Nov 19, 6:51 AM`): metadata, though no publication date can be read from it.
    pub fn is_stamp_line(&self, line: &str) -> bool {
        let line = line.trim();
        if self.relative_stamp.is_match(line) || is_time_of_day(line) || is_labelled_day(line) || is_day_and_month(line)
        {
            return true;
        }
        line.len() <= 120
            && line
                .split([';', '|', '/', '·', '•'])
                .map(str::trim)
                .all(|part| self.stamp.captures(part).is_some_and(|c| month_number(&c[1]).is_some()))
    }
}

/// ISO 8601 from a machine-readable date (`2023-03-23T09:30:00+08:00`, `2023-03-23`) or a
/// human one (`2023年3月23日 09:30`). A year before MIN_YEAR is a template's empty value
/// (`"datePublished": "0001-01-01T00:00:00Z"`), not a date.
pub fn iso_date(s: &str, dates: &DateFinder) -> Option<String> {
    let s = s.trim();
    if s.get(..4).and_then(|y| y.parse::<u32>().ok()).is_some_and(|year| year < MIN_YEAR) {
        return None;
    }
    // Already ISO with a time zone: kept as the page states it, in RFC 3339's form where
    // it writes the time short or the offset without its colon (`2019-11-19T13:16+0000`);
    // a zone's name (`EST`) goes, as in a date line.
    let bytes = s.as_bytes();
    if bytes.len() >= 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && s[..4].bytes().all(|b| b.is_ascii_digit())
        && s.len() >= 19
        && bytes[10] == b'T'
    {
        if let Some(date) = rfc3339(s) {
            return Some(date);
        }
    }
    dates.find(s).and_then(|d| d.iso)
}

/// An ISO 8601 date-time (`2019-11-19T13:16+0000`, `2019-11-19T13:16:49.5Z`) in RFC 3339's
/// form: seconds written, the offset with its colon. None when it is not of that shape.
fn rfc3339(s: &str) -> Option<String> {
    let (day, time) = s.split_once('T')?;
    let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
    let clock_end = time.find(|c: char| !c.is_ascii_digit() && c != ':' && c != '.').unwrap_or(time.len());
    let (clock, zone) = time.split_at(clock_end);
    let (hms, fraction) = clock.split_once('.').map_or((clock, None), |(hms, f)| (hms, Some(f)));
    let parts: Vec<&str> = hms.split(':').collect();
    if !digits(day.get(..4)?, 4) || !parts.iter().all(|p| digits(p, 2)) || !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut out = format!("{day}T{}:{}:{}", parts[0], parts[1], parts.get(2).unwrap_or(&"00"));
    if let Some(fraction) = fraction {
        (!fraction.is_empty() && digits(fraction, fraction.len())).then_some(())?;
        out.push('.');
        out.push_str(fraction);
    }
    if !zone.is_empty() {
        let (offset, len) = stated_offset(zone)?;
        (len == zone.len()).then_some(())?;
        out.push_str(&offset);
    }
    Some(out)
}

/// Dates in the markup before this year are placeholders.
const MIN_YEAR: u32 = 1900;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_chinese_numerals() {
        let f = DateFinder::default();
        let iso = |line: &str| f.find(line).and_then(|d| d.iso);
        assert_eq!(iso("二○○五年七月五日").as_deref(), Some("2005-07-05"));
        assert_eq!(iso("二〇二三年十二月二十五日 星期一").as_deref(), Some("2023-12-25"));
        assert_eq!(iso("发布日期：一九九八年十月三十一日").as_deref(), Some("1998-10-31"));
        assert_eq!(iso("二零零五年十月").as_deref(), None);
        assert_eq!(iso("五年七月五日"), None);
        assert_eq!(iso("中華民國94年7月3日").as_deref(), Some("2005-07-03"));
        assert_eq!(iso("發布日期：民國108年9月26日 10:30").as_deref(), Some("2019-09-26T10:30:00"));
        assert_eq!(iso("民国九十四年七月五日").as_deref(), Some("2005-07-05"));
        assert_eq!(iso("民國成立"), None);
        assert!(f.metadata_date("二〇〇五年七月五日").is_some());
        assert_eq!(digit_dates("于二〇〇五年七月五日发布"), Some("于2005年7月5日发布".to_owned()));
        assert_eq!(digit_dates("三年后"), None);
    }

    #[test]
    fn publishing_labels() {
        assert!(has_publishing_label("First Published on Nov 20, 2019 01:38 pm"));
        assert!(has_publishing_label("发表于 2005-3-21 11:21"));
        assert!(!has_publishing_label("2005年7月5日"));
        assert!(!has_publishing_label("Publishers met on Nov 20, 2019"));
        assert!(!has_publishing_label("Postedited on Nov 20, 2019"));
    }

    #[test]
    fn dates_in_many_forms() {
        let f = DateFinder::default();
        let iso = |s: &str| f.find(s).and_then(|d| d.iso);
        assert_eq!(iso("2023年3月23日 09:30"), Some("2023-03-23T09:30:00".into()));
        assert_eq!(iso("发布时间：2023-03-23"), Some("2023-03-23".into()));
        // A Chinese half of the day before the hour.
        assert_eq!(iso("2023年3月23日 下午 3:30"), Some("2023-03-23T15:30:00".into()));
        assert_eq!(iso("2023-03-23 晚上8时15分"), Some("2023-03-23T20:15:00".into()));
        assert_eq!(iso("2023年3月23日 上午9:30"), Some("2023-03-23T09:30:00".into()));
        assert_eq!(iso("Last Updated: 19th November, 2019 10:42 IST"), Some("2019-11-19T10:42:00".into()));
        assert_eq!(iso("２０２３／０３／２３"), Some("2023-03-23".into()));
        assert_eq!(iso("Published March 23, 2023 at 4:05 pm"), Some("2023-03-23T16:05:00".into()));
        assert_eq!(iso("Updated 5 Sept 2021"), Some("2021-09-05".into()));
        assert_eq!(iso("Published: 23 March 2023 09:30 GMT"), Some("2023-03-23T09:30:00Z".into()));
        assert_eq!(iso("23 March 2023, 9:05 pm"), Some("2023-03-23T21:05:00".into()));
        assert_eq!(iso("Posted: 11/19/2019 5:30:00 PM"), Some("2019-11-19T17:30:00".into()));
        assert_eq!(iso("发布日期： 7/5/2005 9:23:57 PM"), Some("2005-07-05T21:23:57".into()));
        assert_eq!(iso("07/05/2005 9:23 PM"), None);
        // An offset from UTC stated after the time stays; a zone's name (IST, ET) is
        // ambiguous and goes.
        assert_eq!(iso("2023-03-23T09:30:00Z"), Some("2023-03-23T09:30:00Z".into()));
        assert_eq!(iso("2023-03-23 09:30 +0800"), Some("2023-03-23T09:30:00+08:00".into()));
        assert_eq!(iso("2023年3月23日 09:30 GMT+8"), Some("2023-03-23T09:30:00+08:00".into()));
        assert_eq!(iso("March 23, 2023 4:05 pm UTC-05:00"), Some("2023-03-23T16:05:00-05:00".into()));
        assert_eq!(iso("2023-03-23 09:30 Zhang San"), Some("2023-03-23T09:30:00".into()));
        assert_eq!(iso("2023-03-23 09:30 -5 votes"), Some("2023-03-23T09:30:00".into()));
        assert_eq!(iso("Thu, 14 May 2020 17:55 UTC"), Some("2020-05-14T17:55:00Z".into()));
        assert_eq!(iso("2023-03-23 09:30 IST"), Some("2023-03-23T09:30:00".into()));
        assert_eq!(iso("2023-03-23 UTC"), Some("2023-03-23".into()));
        assert_eq!(iso("7/5/2005 21:23"), None);
        assert_eq!(iso("7/5/2005"), None);
        assert_eq!(iso("2005-3-21 12:10 AM"), Some("2005-03-21T00:10:00".into()));
        assert_eq!(iso("2005-3-21 17:30:05"), Some("2005-03-21T17:30:05".into()));
        assert_eq!(iso("发布时间：18-03-08"), Some("2018-03-08".into()));
        assert_eq!(iso("发布时间： 98-10-31 08:00"), Some("1998-10-31T08:00:00".into()));
        assert_eq!(iso("发布时间：18-03-0823:16"), Some("2018-03-08T23:16:00".into()));
        assert_eq!(iso("18-03-08"), None);
        assert_eq!(iso("发布时间：10-08"), None);
        assert_eq!(iso("March 23, 2023 12:10 AM"), Some("2023-03-23T00:10:00".into()));
        assert_eq!(iso("2023年3月23日 星期四 09:30"), Some("2023-03-23T09:30:00".into()));
        assert_eq!(iso("2023-03-23 周四 09:30"), Some("2023-03-23T09:30:00".into()));
        assert_eq!(iso("3月23日，临港新片区举行大会"), None);
        assert_eq!(iso("2023-13-45"), None);
        // Month names in other languages, the day first or the month.
        assert_eq!(iso("Posted on Maret 30, 2015 by Admin"), Some("2015-03-30".into()));
        assert_eq!(iso("Publicado el 30 de marzo de 2015"), Some("2015-03-30".into()));
        assert_eq!(iso("Veröffentlicht am 30. März 2015"), Some("2015-03-30".into()));
        assert_eq!(iso("Mis à jour le 2 décembre 2019"), Some("2019-12-02".into()));
        assert_eq!(iso("20 ноября 2019 г., 10:30"), Some("2019-11-20T10:30:00".into()));
        assert_eq!(iso("5 million 2019"), None);
        // Day and month before the year: read when one of them can only be the day.
        assert_eq!(iso("20/11/2019"), Some("2019-11-20".into()));
        assert_eq!(iso("11/20/2019 10:42"), Some("2019-11-20T10:42:00".into()));
        assert_eq!(iso("20.11.2019"), Some("2019-11-20".into()));
        // Spans are in the line as given, full-width characters and all.
        let line = "来源：ＡＢＣ新闻 ２０２４-04-18 08:45";
        let span = f.find(line).unwrap().span;
        assert_eq!(&line[span.0..span.1], "２０２４-04-18 08:45");
        let either = f.find("05/10/2018").unwrap();
        assert_eq!((either.iso, either.span), (None, (0, 10)));
        assert!(f.find("31/31/2019").is_none());
        assert!(f.find("version 105/10/2018").is_none());
    }

    #[test]
    fn date_lines_and_stamps() {
        let f = DateFinder::default();
        assert!(f.metadata_date("2023-03-23 09:30 来源：新华网 作者：张三").is_some());
        assert!(f.metadata_date("Published 5:30 p.m. ET Nov. 19, 2019").is_some());
        assert!(f.metadata_date("5:30 p.m. Nov. 19, 2019").is_some());
        assert!(f.metadata_date("Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET").is_some());
        // A line, and whether it is a time stamp without a year.
        let stamps: &[(&str, bool)] = &[
            ("Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM", true),
            ("Posted: Sept. 3", true),
            ("Nov 19, 6:55 AM", false),
            ("Updated Nov 19 with a statement from the mayor", false),
            ("AP - 53 mins ago", true),
            ("Updated 2 hours ago", true),
            ("新华网 3小时前", true),
            ("17:30", true),
            ("发布时间：10-0812:00", true),
            ("时间：10月8日", true),
            ("时间：10月8日起实施", false),
            ("09:05:12", true),
            ("05 Oct", true),
            ("Nov. 19", true),
            ("May Day", false),
            ("Chapter 5", false),
            ("17:30:5", false),
            ("1730", false),
            ("The vote came 3 days ago", false),
        ];
        for &(line, stamp) in stamps {
            assert_eq!(f.is_stamp_line(line), stamp, "{line}");
        }
        assert!(f
            .metadata_date("2023年3月23日，临港新片区举行加快推进国家产教融合试点城市建设大会，公布新一轮措施。")
            .is_none());
        let date = |line: &str| f.metadata_date(line).and_then(|d| d.iso);
        // An update's date gives way to the publication's after it; alone, it is marked.
        assert_eq!(
            date("更新时间：2019-09-08 10:00 发布时间：2019-09-07 15:10").as_deref(),
            Some("2019-09-07T15:10:00")
        );
        assert_eq!(
            date("Last Updated : Nov 20, 2019 01:41 PM IST | Published: Nov 20, 2019").as_deref(),
            Some("2019-11-20")
        );
        assert!(f.find("最后更新: 2019-09-07 15:14:21").is_some_and(|d| d.updated));
        assert!(f.find("Aktualisiert am 30. März 2015").is_some_and(|d| d.updated));
        assert!(f.find("2019-09-07 15:10:53").is_some_and(|d| !d.updated));
        assert!(f.find("Unmodified 2019-09-07").is_some_and(|d| !d.updated));
        assert_eq!(date("The Social Security Act was signed into law on August 14, 1935"), None);
        assert_eq!(date("Posted by admin on March 3, 2019 in News").as_deref(), Some("2019-03-03"));
        assert_eq!(
            date("2005-03-21 11:21:00　来源：人民网－人民日报　　【字号 大 中 小】 【我要打印】 【我要纠错】 【Email推荐】 【关闭】")
                .as_deref(),
            Some("2005-03-21T11:21:00")
        );
    }
    #[test]
    fn markup_dates() {
        let dates = DateFinder::default();
        assert_eq!(iso_date("2023-03-23T09:30:00+08:00", &dates).as_deref(), Some("2023-03-23T09:30:00+08:00"));
        assert_eq!(iso_date("2023年3月23日 09:30", &dates).as_deref(), Some("2023-03-23T09:30:00"));
        assert_eq!(iso_date("0001-01-01T00:00:00Z", &dates), None);
        // RFC 3339's form: seconds written, the offset's colon.
        assert_eq!(iso_date("2019-11-19T13:16+0000", &dates).as_deref(), Some("2019-11-19T13:16:00+00:00"));
        assert_eq!(iso_date("2019-11-18T17:01:27.893", &dates).as_deref(), Some("2019-11-18T17:01:27.893"));
        assert_eq!(iso_date("2019-11-18T20:11:06.000Z", &dates).as_deref(), Some("2019-11-18T20:11:06.000Z"));
        assert_eq!(iso_date("2019-11-18T20:11:06 EST", &dates).as_deref(), Some("2019-11-18T20:11:06"));
        assert_eq!(iso_date("2019-11-18T20:11:06.+08:00", &dates).as_deref(), Some("2019-11-18T20:11:06"));
    }
}
