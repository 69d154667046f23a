//! Page metadata stated in the text: publication dates and bylines.
//!
//! Takes one line and finds a full date in it (year, month, day, and a time when given),
//! in Chinese (`2023年3月23日 09:30`), numeric (`2023-03-23`, `2023/3/23`) and named-month
//! (`March 23, 2023`, `23 March 2023`, `30 de marzo de 2015`, `20 ноября 2019`) forms, and
//! returns it as ISO 8601. A date without a year (`3月23日`) is not a publication date:
//! datelines inside the article use that form.
//! Time zones are not guessed: a time is given as local time, without offset.

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
const META_MAX_LINE_UNITS: usize = 96;
/// An author or source named inside a metadata line is at most this many characters.
const NAME_MAX_CHARS: usize = 20;
/// A toolbar button in 【】 beside a date has at most this many characters (`Email推荐`).
const BUTTON_MAX_CHARS: usize = 8;
/// A Latin name in a metadata line has at most this many words.
const NAME_MAX_WORDS: usize = 4;
/// A byline (`By Jane Doe`, `作者：张三`) names at most this many units.
pub const BYLINE_MAX_UNITS: usize = 16;
/// A byline of several names, each at most BYLINE_MAX_UNITS, is at most this many names'
/// worth of units at half that size each.
pub const BYLINE_MAX_NAMES: usize = 8;

#[derive(Debug, Clone)]
pub struct DateFinder {
    numeric: Regex,
    day_month: Regex,
    named_mdy: Regex,
    named_dmy: Regex,
    labels: Regex,
    stamp: Regex,
    relative_stamp: Regex,
    byline: Regex,
    reporter_line: Regex,
    wire_byline: Regex,
    reporter: Regex,
    labelled_author: Regex,
    author_in: Regex,
    source_in: Regex,
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
    /// The patterns are compiled once per process (the HTML reader and the classifier
    /// both hold a finder); a clone shares them.
    fn default() -> Self {
        static COMPILED: std::sync::LazyLock<DateFinder> = std::sync::LazyLock::new(DateFinder::compile);
        COMPILED.clone()
    }
}

impl DateFinder {
    fn compile() -> Self {
        let re = |s: &str| Regex::new(s).expect("valid pattern");
        DateFinder {
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
            // Names are cut to NAME_MAX_CHARS in code: a bounded repetition of a Unicode
            // class compiles into that many copies of it.
            author_in: re(
                r"(?:作者|记者|記者|发布者|发布人|撰稿人?|(?-u:\b)(?i-u:by)(?-u:\b))\s*[:：]?\s*([^\s|｜,，:：【】\[\]/／]+)",
            ),
            source_in: re(r"(?:来源|來源|出处|出處|Source)\s*[:：]\s*([^\s|｜,，【】\[\]]+)"),
            // In brackets too (`【作者：张三】`): the name's closing bracket is cut in code.
            byline: re(
                r"^[【\[〔]?(?:(?i-u:(?:posted|written|reported|words|story)\s+)?(?i-u:by)\s+|(?i-u:author|words|reporter|writer)\s*:\s*|(?:本文)?作者\s*[:：|｜]\s*|[【\[]作者[】\]]\s*|评论员\s+|撰稿人?\s*[:：]\s*|(?:文\s*[/／]\s*[图圖]|[图圖]\s*[/／]\s*文)\s*[/／|｜:：]?\s*|(?:[图圖]|撰)?文\s*[/／|｜]\s*|(?:撰)?文\s*[:：]\s*|(?:执笔人?|采写)\s*[:：]\s*|[记記]者\s*[:：/／|]?\s*)(\S.*)$",
            ),
            // A Chinese paper's reporter line names the paper or agency first, then only
            // names: `本报记者 张三 李四`, `新华社记者王五发自北京`, `本报实习生 赵六 摄`.
            reporter_line: re(
                r"^(\p{Han}+?(?:[·•]\p{Han}+?)?)(?:记者|記者|实习生|實習生|通讯员|通訊員|作者|评论员|評論員|撰稿人)\s*[:：]?\s*(\p{Han}+(?:[\s、，,]+\p{Han}+)*)\s*(?:摄|攝|报道|報導|[/／]文.*|文[/／][图圖])?$",
            ),
            // The reporters in a dateline's brackets: `新华社拉萨电（记者 格桑边觉）`,
            // `本报讯（记者 张三 通讯员 李四）`: the writers' names.
            reporter: re(r"[（(〔]\s*(\p{Han}*?)[记記]者\s*[:：]?\s*(\p{Han}+(?:[\s、，,]+\p{Han}+)*)\s*[）)]"),
            // An author label anywhere in a line: `14:18 作者：郭励弘 我来说两句(0)`.
            labelled_author: re(
                r#"(?:^|[\s|｜])(?:作者|撰文|执笔人?)\s*[:：]\s*([^\s|｜,，:：()（）\[\]="<>]+)(?:[\s|｜,，]|$)"#,
            ),
            // A wire reporter's line without 'By': `Robert Burns, AP National Security Writer`.
            wire_byline: re(
                r"^([A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){1,3}),\s+(?i-u:the\s+)?(?i-u:ap|associated\s+press|reuters|afp|bloomberg)(?:\s+[A-Z][A-Za-z]*)*$",
            ),
        }
    }
}

/// A Chinese reporter credit's paper or agency (`本报`, `新华社`, `光明日报`) is at most
/// this many characters; a name in brackets at most CREDIT_MAX_NAME_CHARS, a run of names
/// in a line at most CREDIT_MAX_RUN_CHARS (`王建宏张文攀`). Unicode classes are repeated
/// unbounded in the patterns and counted in code: bounded, they compile into copies.
const CREDIT_MAX_PREFIX_CHARS: usize = 8;
const CREDIT_MAX_NAME_CHARS: usize = 4;
const CREDIT_MAX_RUN_CHARS: usize = 12;

/// Whether a name could be a person's or a desk's: not a number (`104363`, a user
/// id), an address, a template's placeholder (`name, email@gmail.com`), or an ad
/// network's attribution (`by Taboola`). Which site it is, the caller checks.
pub fn plausible_author(name: &str) -> bool {
    const PLACEHOLDERS: [&str; 11] =
        ["name", "author", "admin", "administrator", "unknown", "none", "null", "undefined", "未知", "匿名", "佚名"];
    const AD_NETWORKS: [&str; 3] = ["taboola", "outbrain", "revcontent"];
    let lower = name.trim().to_lowercase();
    let parts: Vec<&str> = lower.split([',', '，', '-', '|']).map(str::trim).filter(|p| !p.is_empty()).collect();
    name.chars().any(crate::norm::is_letter)
        && !lower.contains("://")
        && !parts.iter().any(|p| p.contains('@') || PLACEHOLDERS.contains(p))
        && !AD_NETWORKS.iter().any(|n| lower.contains(n))
}

/// A name as the record gives it: a Chinese name padded to a three-character width
/// (`赵  培`, `王　军`) closed up; names apart stay apart (`刘国栋 周炜`).
pub fn tidy_name(name: &str) -> String {
    let mut parts = name.split_whitespace();
    let single_han = |p: &str| {
        let mut chars = p.chars();
        chars.next().is_some_and(crate::norm::is_cjk) && chars.next().is_none()
    };
    if parts.clone().count() > 1 && parts.all(single_han) {
        return name.split_whitespace().collect();
    }
    name.to_owned()
}

/// Other languages' `by`, as a byline opens with them: read in code, as alternatives of
/// the byline and author patterns they cost 1.4 M instructions to compile.
const FOREIGN_BY: [&str; 12] =
    ["por", "von", "par", "door", "oleh", "penulis", "автор", "autor", "autora", "auteur", "autore", "autori"];

/// The name a byline in another language opens with (`Por Juan Pérez`, `Oleh: Budi
/// Santoso`, `Автор: Иван Петров`). The words are common words too, and names in
/// English (`Von Miller`, `Door County`), so the name is capitalised, and without a
/// colon after the word it is two capitalised words at least (`Por favor` and `Von
/// Miller` name no one).
fn foreign_byline(line: &str) -> Option<&str> {
    let (word, rest) = line.split_once([' ', ':', '：'])?;
    let name = rest.trim_start_matches([' ', ':', '：']);
    let labelled = line[word.len()..].trim_start().starts_with([':', '：']);
    let by = FOREIGN_BY.contains(&word.to_lowercase().as_str());
    (by && is_full_name(name, labelled)).then_some(name)
}

/// Whether a name after another language's `by` is capitalised, in two words at least
/// unless a colon labels it.
fn is_full_name(name: &str, labelled: bool) -> bool {
    let mut words = name.split_whitespace();
    let capitalised = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
    capitalised(words.next()) && (labelled || capitalised(words.next()))
}

/// Where the capitalised name after another language's `by` begins inside a line (`Par
/// Jean Dupont le 19 novembre 2019`); `Ursula von der Leyen` names no one.
fn foreign_by_in(line: &str) -> Option<usize> {
    let mut at = 0;
    for word in line.split(' ') {
        at += word.len() + 1;
        let label = word.trim_end_matches([':', '：']);
        if FOREIGN_BY.contains(&label.to_lowercase().as_str()) {
            let next = line.get(at..)?.trim_start();
            if is_full_name(next, label.len() < word.len()) {
                return Some(line.len() - next.len());
            }
        }
    }
    None
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

/// Where the next metadata label begins in a name run into it (`证券时报网作者：李在山`).
pub fn next_label(name: &str) -> Option<usize> {
    ["作者", "编辑", "編輯", "记者", "記者", "发布", "發布"].iter().filter_map(|label| name.find(label)).min()
}

/// A site's address alone on a line (`smithsonian.com`, `www.xinhuanet.com`): the
/// source, as a byline names it.
pub fn is_bare_domain(line: &str) -> bool {
    // The endings news sites' addresses have, not `Node.js`'s.
    const ENDINGS: [&str; 24] = [
        "com", "org", "net", "edu", "gov", "info", "news", "io", "co", "tv", "cn", "hk", "tw", "uk", "us", "ca", "au",
        "in", "id", "de", "fr", "ru", "br", "es",
    ];
    let line = line.trim();
    let host = line.strip_prefix("https://").or_else(|| line.strip_prefix("http://")).unwrap_or(line);
    let host = host.strip_suffix('/').unwrap_or(host);
    let labels: Vec<&str> = host.split('.').collect();
    let tld = labels.last().copied().unwrap_or("");
    labels.len() >= 2
        && host.len() <= 64
        && ENDINGS.iter().any(|e| tld.eq_ignore_ascii_case(e))
        && labels.iter().all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

/// A byline's or source's label whose value the page left out or put in an image or a
/// widget (`By`, `作者：`, `来源：`).
pub fn is_bare_label(line: &str) -> bool {
    const LABELS: [&str; 10] =
        ["by", "author", "source", "posted by", "written by", "作者", "来源", "來源", "记者", "記者"];
    let label = line.trim().trim_end_matches([':', '：']).trim_end();
    LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
}

/// What a Chinese byline says of its author after the name: `张三（城市大学教授）`,
/// `张三，城市大学教授`, `张三系城市大学教授`. Only a post or a title ends it, so that
/// `张三，李四` keeps both names.
fn without_affiliation(name: &str) -> &str {
    const POSTS: [&str; 16] = [
        "教授",
        "研究员",
        "学者",
        "主任",
        "院长",
        "博士",
        "专家",
        "讲师",
        "作家",
        "律师",
        "医生",
        "分析师",
        "总监",
        "总裁",
        "董事长",
        "创始人",
    ];
    let post = |s: &str| POSTS.iter().any(|p| s.trim_end_matches(['）', ')']).ends_with(p));
    let cut =
        ["（", "，", "系"].iter().filter_map(|mark| name.find(mark)).filter(|&at| at > 0 && post(&name[at..])).min();
    cut.map_or(name, |at| name[..at].trim_end())
}

/// The brackets a byline stands in (`【作者：张三】`, `（记者 张三）`).
const BRACKETS: [(char, char); 5] = [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']'), ('〔', '〕')];

/// Roles named after a reporter's names in a Chinese credit line (`本报记者 张三 通讯员 李四`,
/// `记者 张三 编辑 李四 校对 王五`): the names that follow are not the authors'. The
/// paper's own writers are: `本报实习生 张三 本报记者 李四` credits both.
const CREDIT_ROLES: [&str; 11] =
    ["通讯员", "通訊員", "编辑", "編輯", "校对", "校對", "摄影", "攝影", "责编", "审核", "美编"];

/// The roles of the paper's own writers in a credit line, whose names are the authors'.
const WRITER_ROLES: [&str; 4] = ["记者", "記者", "实习生", "實習生"];

/// The names in a credit line's run of names, up to the first other role (`通讯员 王五`):
/// a writer's role between them is passed over (`张三 本报记者 李四`, `张三 记者李四`).
fn credited_names(run: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for word in run.split([' ', '\u{3000}', '、', '，', ',']).filter(|s| !s.is_empty()) {
        if CREDIT_ROLES.iter().any(|role| word.contains(role)) {
            break;
        }
        match WRITER_ROLES.iter().find_map(|role| word.find(role).map(|at| &word[at + role.len()..])) {
            Some(rest) if !rest.is_empty() => names.push(rest),
            Some(_) => {}
            None => names.push(word),
        }
    }
    names
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

/// A line that is only a time of day (`17:30`, `09:05:12`), as pages print under a date.
fn is_time_of_day(line: &str) -> bool {
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    let mut parts = line.split(':');
    let hours = parts.next().is_some_and(|h| (1..=2).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_digit()));
    let rest: Vec<&str> = parts.collect();
    hours && (1..=2).contains(&rest.len()) && rest.iter().all(|p| two_digits(p))
}

/// A name without `By` before a newsroom role (`Jane Doe | Reporter`, `Jane Doe, Staff
/// Writer`): two to NAME_MAX_WORDS capitalised words.
fn role_byline(line: &str) -> Option<&str> {
    // Or a dash with a space each side (`Jane Doe - Staff Writer`), found by its
    // characters: a string searcher for each spaced dash cost the text path 0.17%.
    let spaced_dash = || {
        let (at, dash) = line
            .match_indices(['-', '–', '—'])
            .find(|&(at, dash)| line[..at].ends_with(' ') && line[at + dash.len()..].starts_with(' '))?;
        Some((&line[..at], &line[at + dash.len()..]))
    };
    let (name, role) = line.split_once(['|', ',', '｜']).or_else(spaced_dash)?;
    (is_latin_name(name) && role.split_whitespace().count() <= NAME_MAX_WORDS && (is_role(role) || is_agency(role)))
        .then_some(name.trim_end())
}

/// Whether words are written as a person's name in Latin letters: two to NAME_MAX_WORDS
/// capitalised words of letters, dots, apostrophes and hyphens (`Bradley M. Kuhn`,
/// `Jean-Luc O'Neil`).
pub fn is_latin_name(name: &str) -> bool {
    let word = |w: &str| w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || ".'-".contains(c));
    (2..=NAME_MAX_WORDS).contains(&name.split_whitespace().count()) && name.split_whitespace().all(word)
}

/// Whether the words after a byline's name are a news agency's (`Jane Doe | Reuters`).
fn is_agency(words: &str) -> bool {
    const AGENCIES: [&str; 9] =
        ["reuters", "associated press", "the associated press", "afp", "bloomberg", "xinhua", "upi", "dpa", "kyodo"];
    AGENCIES.contains(&words.trim().to_ascii_lowercase().as_str())
}

/// Whether the words after a comma in a byline name an outlet: `The` and capitalised
/// words (`Jane Doe, The Washington Post`).
fn is_outlet(words: &str) -> bool {
    let words: Vec<&str> = words.split_whitespace().collect();
    (2..=5).contains(&words.len()) && words[0] == "The" && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// A newsroom role after a byline's name: `Staff Writer`, `Senior Correspondent`.
fn is_role(words: &str) -> bool {
    const ROLES: [&str; 10] = [
        "writer",
        "reporter",
        "correspondent",
        "editor",
        "contributor",
        "columnist",
        "staff",
        "producer",
        "journalist",
        "photographer",
    ];
    let words = words.to_ascii_lowercase();
    ROLES.iter().any(|role| words.contains(role))
}

/// Marks a Chinese paper sets before a reporter's credit.
const CREDIT_MARKS: [char; 10] = ['□', '■', '●', '○', '◆', '◇', '★', '☆', '▲', '△'];

/// What a reporter did, written after the names in a credit (`记者陈智 整合`).
const CREDIT_VERBS: [&str; 11] =
    ["报道", "報導", "報道", "综合", "綜合", "整合", "整理", "编译", "編譯", "采写", "採寫"];

/// The names of a Chinese reporter credit (`本报记者 张三 李四发自北京`) from its captures
/// (the paper, the names), as `credited_names` reads them: where and what (`发自北京`,
/// `报道`, `整合`, `摄`, and the traditional forms) are cut off.
fn credit(c: regex::Captures, max_chars: usize) -> Option<String> {
    // Of outlets joined by a dot (`顶端新闻·河南商报`), the paper's name counts.
    let outlet = c[1].rsplit(['·', '•']).next().unwrap_or(&c[1]);
    if outlet.chars().count() > CREDIT_MAX_PREFIX_CHARS {
        return None;
    }
    let credit = &c[2];
    let credit = ["发自", "發自"].iter().filter_map(|s| credit.find(s)).min().map_or(credit, |i| &credit[..i]);
    // What the reporter did, after the names (`整合`, `综合报道`, `编译`).
    let mut credit = credit.trim_end();
    while let Some(rest) = CREDIT_VERBS.iter().find_map(|verb| credit.strip_suffix(verb)) {
        credit = rest.trim_end();
    }
    let credit = without_affiliation(credit.trim_end_matches(['摄', '攝']));
    let names = credited_names(credit);
    if names.iter().any(|n| n.chars().count() > max_chars) {
        return None;
    }
    let names = names.join(" ");
    (!names.is_empty() && names.chars().count() <= NAME_MAX_CHARS).then_some(names)
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

/// Whether four Chinese numeral digits stand before a `年`.
fn has_numeral_year(line: &str) -> bool {
    if !line.contains('年') {
        return false;
    }
    let mut run = 0;
    for c in line.chars() {
        if c == '年' && run >= 4 {
            return true;
        }
        run = if numeral_digit(c).is_some() { run + 1 } else { 0 };
    }
    false
}

/// The line with each year of the Republic of China (`民國94年`, `民国九十四年`) written as
/// its year of the Common Era in Chinese numerals (`二〇〇五年`), or None when it has none.
fn common_era_years(line: &str) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let (mut i, mut changed) = (0, false);
    while i < chars.len() {
        let era = matches!(chars.get(i..i + 2), Some(['民', '國' | '国']));
        let len = era.then(|| chars.iter().skip(i + 2).take(4).position(|&c| c == '年')).flatten();
        let year = len.and_then(|len| {
            let digits: String = chars[i + 2..i + 2 + len].iter().map(|&c| fold_width(c)).collect();
            let short = (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
            if short {
                digits.parse().ok()
            } else {
                numeral_number(&chars[i + 2..i + 2 + len])
            }
        });
        match (len, year) {
            (Some(len), Some(year @ 1..=200)) => {
                const NUMERALS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
                out.extend((year + 1911).to_string().bytes().map(|d| NUMERALS[usize::from(d - b'0')]));
                out.push('年');
                i += 2 + len + 1;
                changed = true;
            }
            _ => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    changed.then_some(out)
}

/// The value of a Chinese numeral digit (`〇` to `九`).
fn numeral_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A month or day in Chinese numerals: `七`, `十`, `十二`, `二十五`, `三十一`.
fn numeral_number(s: &[char]) -> Option<u32> {
    match s {
        [d] if *d != '十' => numeral_digit(*d),
        ['十'] => Some(10),
        ['十', u] => Some(10 + numeral_digit(*u)?),
        [t, '十'] => Some(numeral_digit(*t)? * 10),
        [t, '十', u] => Some(numeral_digit(*t)? * 10 + numeral_digit(*u)?),
        _ => None,
    }
}

/// The line with every year of four Chinese numerals (and the month and day after it)
/// in digits, or None when it has no such year.
fn digit_dates(line: &str) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let (mut i, mut changed) = (0, false);
    while i < chars.len() {
        let year: Option<Vec<u32>> = chars.get(i..i + 4).and_then(|s| s.iter().map(|&c| numeral_digit(c)).collect());
        let (Some(year), Some('年')) = (year, chars.get(i + 4)) else {
            out.push(chars[i]);
            i += 1;
            continue;
        };
        out.extend(year.iter().map(|d| char::from_digit(*d, 10).unwrap_or('0')));
        out.push('年');
        i += 5;
        changed = true;
        // The month and the day, each up to its character.
        for unit in ['月', '日'] {
            let Some(len) = chars[i..].iter().take(4).position(|&c| c == unit) else { break };
            let Some(n) = numeral_number(&chars[i..i + len]) else { break };
            out.push_str(&n.to_string());
            out.push(unit);
            i += len + 1;
        }
    }
    changed.then_some(out)
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

    /// The author named inside a metadata line (`... 作者：张三`).
    /// A Latin name goes on over the capitalised words after it (`Posted by: Ana Lima -
    /// Category` names Ana Lima).
    pub fn author_in(&self, line: &str) -> Option<String> {
        let name = match self.author_in.captures(line).and_then(|c| c.get(1)) {
            Some(name) => name.range(),
            None => match foreign_by_in(line) {
                Some(start) => start..start + line[start..].find(' ').unwrap_or(line.len() - start),
                None => return self.poster_in(line),
            },
        };
        // A lowercase word after `by` is no name.
        if line[name.clone()].starts_with(char::is_lowercase) {
            return None;
        }
        let capitalised = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase());
        let mut end = name.end;
        if capitalised(&line[name.clone()]) {
            for word in line[end..].split(' ').skip(1).take(NAME_MAX_WORDS - 1) {
                let word = word.trim_end_matches([',', ';']);
                if !capitalised(word) || !word.chars().all(|c| c.is_alphabetic() || ".'-".contains(c)) {
                    break;
                }
                end = line[end..].find(word).map_or(end, |at| end + at + word.len());
            }
        }
        // The date after the name is not part of it (`by Jane Doe January 18, 2017`).
        if let Some(date) = self.find(line).filter(|d| (name.end..end).contains(&d.span.0)) {
            end = line[..date.span.0].trim_end().len();
        }
        Some(line[name.start..end].chars().take(NAME_MAX_CHARS).collect())
    }

    /// The poster a date line names before its date (`Jeremy Tsheng 于 2023-03-12 13:08:03
    /// 发布`, `张三 发表于 2005-03-21 11:21`); a bare `于` only when the line says what
    /// happened then (`本站成立于 2005-03-21` names no one).
    fn poster_in(&self, line: &str) -> Option<String> {
        let date = self.find(line)?;
        let before = line[..date.span.0].trim_end();
        let after = line[date.span.1..].trim_start();
        let posted = after.starts_with("发布") || after.starts_with("发表");
        let name = ["发表于", "发布于"]
            .iter()
            .find_map(|label| before.strip_suffix(label))
            .or_else(|| posted.then(|| before.strip_suffix('于')).flatten())?
            .trim();
        let named = !name.is_empty() && name.chars().count() <= NAME_MAX_CHARS;
        // Nor is a label or a button in brackets (`[点击此处收藏本文] 发表于…`).
        (named && !name.contains([':', '：', '|', '｜', '[', ']', '【', '】'])).then(|| name.to_owned())
    }

    /// The source named inside a metadata line (`... 来源：新华网`).
    /// The name ends where the next label begins (`来源：证券时报网作者：李在山`).
    pub fn source_in(&self, line: &str) -> Option<String> {
        let c = self.source_in.captures(line)?;
        let name = &c[1];
        let name = &name[..next_label(name).unwrap_or(name.len())];
        (!name.is_empty()).then(|| name.chars().take(NAME_MAX_CHARS).collect())
    }

    /// The author a short line names: a byline, or an author label among other metadata
    /// (`作者：郭励弘 阅读(1660) 评论(5)`).
    pub fn stated_author(&self, line: &str) -> Option<String> {
        if units(line) > META_MAX_LINE_UNITS {
            return None;
        }
        // The label's one name first: a byline's whole rest would take `阅读(1660)` along.
        let labelled = self.labelled_author.captures(line).and_then(|c| c.get(1));
        labelled.map(|name| name.as_str().chars().take(NAME_MAX_CHARS).collect()).or_else(|| self.byline(line))
    }

    /// The name in an author field that holds a whole byline (`By ROBERT BURNS, AP
    /// National Security Writer` names ROBERT BURNS) or an address after the name
    /// (`Bradley M. Kuhn (http://ebb.org/bkuhn/)`, `Jane Doe <jane@example.com>`); any
    /// other value as it is.
    pub fn author_name(&self, field: &str) -> String {
        let field = field.trim();
        let addressed = [('(', ')'), ('<', '>')].iter().find_map(|&(open, close)| {
            let (name, address) = field.strip_suffix(close)?.rsplit_once(open)?;
            (address.contains("://") || address.contains('@')).then(|| name.trim_end())
        });
        let field = addressed.filter(|name| !name.is_empty()).unwrap_or(field);
        let name = match field.get(..3) {
            Some(by) if by.eq_ignore_ascii_case("by ") => field[3..].trim_start(),
            _ => field,
        };
        let name = self.wire_byline.captures(name).map_or(name, |c| c.get(1).map_or(name, |m| m.as_str()));
        if name.is_empty() { field } else { name }.to_owned()
    }

    /// The names of a writer's credit line (`本报记者 张三`, `记者 李四`, `实习生 王五`):
    /// a byline whose role is a writer's, with at most the paper before it.
    pub fn writer_credit(&self, line: &str) -> Option<String> {
        let at = WRITER_ROLES.iter().filter_map(|role| line.find(role)).min()?;
        let outlet = &line[..at];
        let paper = outlet.chars().count() <= CREDIT_MAX_PREFIX_CHARS && outlet.chars().all(crate::norm::is_cjk);
        paper.then(|| self.byline(line)).flatten()
    }

    /// The reporters a dateline names in brackets (`新华社拉萨电（记者 格桑边觉）`).
    pub fn reporter_in(&self, text: &str) -> Option<String> {
        credit(self.reporter.captures(text)?, CREDIT_MAX_NAME_CHARS)
    }

    /// The reporters an article's last line credits: a short byline (`记者 刘涛`, `文/张三`)
    /// or a credit in brackets ending its last paragraph (`……。（记者 张三）`). The line is
    /// the article's own, so only a name counts: `By then` names no one, and a link run
    /// into the line (`作者：张三返回搜狐，查看更多`) is no name.
    pub fn closing_credit(&self, text: &str) -> Option<String> {
        let byline = || {
            let name = (units(text) <= BYLINE_MAX_NAMES * BYLINE_MAX_UNITS / 2).then(|| self.byline(text)).flatten()?;
            let clause = name.contains(['，', '。', '！', '？', '；', '：']);
            (!clause && name.chars().next().is_some_and(|c| !c.is_lowercase())).then_some(name)
        };
        byline().or_else(|| self.reporter_in(text))
    }

    /// The name in a byline such as `By Jane Doe` or `作者：张三`.
    pub fn byline(&self, line: &str) -> Option<String> {
        // The mark a Chinese paper sets before its credit (`□本报记者 张三`, `■记者 李四`).
        if let Some(rest) = line.strip_prefix(CREDIT_MARKS) {
            return self.byline(rest.trim_start());
        }
        // Stand-ins the patterns do not list, folded first (in their classes they cost
        // 2 M instructions to compile): Big5's full-width slash as WHATWG decodes it
        // (U+2215), and `丨` (a Han stroke), the bar of many Chinese pages' labels
        // (`作者丨张三`).
        if line.contains(['∕', '丨']) {
            let folded: String = line
                .chars()
                .map(|c| match c {
                    '∕' => '／',
                    '丨' => '|',
                    c => c,
                })
                .collect();
            return self.byline(&folded);
        }
        let c = self.byline.captures(line).or_else(|| self.wire_byline.captures(line));
        let name = c.and_then(|c| c.get(1)).map(|m| m.as_str());
        let Some(name) = name.or_else(|| foreign_byline(line)).or_else(|| role_byline(line)) else {
            return self.reporter_line.captures(line).and_then(|c| credit(c, CREDIT_MAX_RUN_CHARS));
        };
        // The byline's closing bracket, not a name's own (`周思博 (Joel Spolsky)`).
        let mut name = name.trim();
        while let Some((_, close)) =
            BRACKETS.iter().find(|(open, close)| name.ends_with(*close) && !name.contains(*open))
        {
            name = name[..name.len() - close.len_utf8()].trim_end();
        }
        // Where the reporter filed from is not the name (`記者王小明／台北報導`), nor what
        // each did (`记者 张三/文 李四/图`: the writer is the author).
        let name = match name.split_once(['／', '/']) {
            Some((who, place))
                if ["報導", "報道", "报道"].iter().any(|s| place.ends_with(s))
                    || place.trim_start().starts_with('文') =>
            {
                who.trim_end()
            }
            _ => name,
        };
        let name = without_affiliation(name);
        // A Chinese credit's names end where another role begins (`记者 张三 通讯员 李四`),
        // and go on past a writer's (`张三 本报记者 李四`, and `文/记者 张三`'s first).
        let role = |w: &str| CREDIT_ROLES.iter().chain(&WRITER_ROLES).any(|r| w.contains(r));
        let credited;
        let mut words = name.split_whitespace();
        let leading_role = words.next().is_some_and(|w| WRITER_ROLES.contains(&w));
        let name = if leading_role || words.any(role) {
            credited = credited_names(name).join(" ");
            credited.as_str()
        } else {
            name
        };
        // The outlet and role before the names (`观察者网专栏作者 王文`).
        if let Some(credited) = self.reporter_line.captures(name).and_then(|c| credit(c, CREDIT_MAX_RUN_CHARS)) {
            return Some(credited);
        }
        // The outlet after a bar (`Jane Doe | The Courier`), a role after a comma
        // (`Jane Doe, Staff Writer`) and the other credits after a semicolon (`Jane Doe;
        // photos by John Smith`) are not the name.
        let name = name.split(['|', '｜', ';']).next().unwrap_or(name).trim_end();
        // So is an outlet after the names (`Jane Doe and John Smith, CNN`, `…, Reuters`,
        // `…, The Washington Post`).
        let initials = |s: &str| (2..=5).contains(&s.trim().len()) && s.trim().bytes().all(|b| b.is_ascii_uppercase());
        let name = match name.rsplit_once(',') {
            Some((who, role)) if is_role(role) || initials(role) || is_agency(role) || is_outlet(role) => {
                who.trim_end()
            }
            _ => name,
        };
        // The name ends where the byline's date begins (`Richard Lawler posted Aug 18th
        // 2010 7:30PM`), with the labels before it.
        let name = match self.find(name) {
            Some(date) if date.span.0 > 0 => {
                let mut name = name[..date.span.0].trim_end();
                while let Some(rest) =
                    ["posted", "on", "at", "updated", "published", "|", "-", "·", ","].iter().find_map(|label| {
                        name.strip_suffix(label)
                            .filter(|r| r.is_empty() || r.ends_with(' ') || !label.chars().all(char::is_alphabetic))
                    })
                {
                    name = rest.trim_end();
                }
                name
            }
            _ => name,
        };
        // Markup left in the text (`size="20"`) is not a name.
        let markup = name.contains(['=', '"', '<', '>']);
        // Initials end in a dot that ends no sentence: `Dana A. Ford`, `James S.A. Corey`.
        let initial = |w: &&str| {
            let w = w.trim_end_matches(',');
            w.len() >= 2 && w.split_terminator('.').all(|p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()))
        };
        let words: Vec<&str> = name.split_whitespace().filter(|w| !initial(w)).collect();
        let sentence = crate::norm::has_sentence_punct(&words.join(" "));
        // Several names, each of a name's size: `Dana A. Ford, Tom Watkins and Jo Li, CNN`.
        let names =
            name.split([',', '&', '、']).flat_map(|p| p.split(" and ")).map(str::trim).filter(|p| !p.is_empty());
        let is_name = |p: &str| units(p) <= BYLINE_MAX_UNITS && p.chars().next().is_some_and(|c| !c.is_lowercase());
        let sized = units(name) <= BYLINE_MAX_UNITS
            || (units(name) <= BYLINE_MAX_NAMES * BYLINE_MAX_UNITS / 2 && names.clone().all(is_name));
        (sized && !name.is_empty() && !markup && !sentence).then(|| name.to_owned())
    }
}

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
    fn publishing_and_bare_labels() {
        assert!(has_publishing_label("First Published on Nov 20, 2019 01:38 pm"));
        assert!(has_publishing_label("发表于 2005-3-21 11:21"));
        assert!(!has_publishing_label("2005年7月5日"));
        assert!(!has_publishing_label("Publishers met on Nov 20, 2019"));
        assert!(!has_publishing_label("Postedited on Nov 20, 2019"));
        assert!(is_bare_label("By"));
        assert!(is_bare_label("作者："));
        assert!(!is_bare_label("By the river"));
        assert!(is_bare_domain("smithsonian.com"));
        assert!(is_bare_domain("https://www.xinhuanet.com/"));
        assert!(!is_bare_domain("Node.js"));
        assert!(!is_bare_domain("3.14"));
        assert!(!is_bare_domain("e.g."));
        assert!(!is_bare_domain("Visit smithsonian.com"));
    }

    #[test]
    fn implausible_authors() {
        for name in ["张三", "Jane Doe", "zboygirl", "Jean-Pierre Martin", "新华社"] {
            assert!(plausible_author(name), "{name}");
        }
        for name in
            ["104363", "name, email@gmail.com", "admin - 2018-09-16", "未知", "Taboolaby Taboola", "https://x.org/a"]
        {
            assert!(!plausible_author(name), "{name}");
        }
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
    fn metadata_lines_and_bylines() {
        let f = DateFinder::default();
        // An address after the name in an author field goes.
        assert_eq!(f.author_name("Bradley M. Kuhn (http://ebb.org/bkuhn/)"), "Bradley M. Kuhn");
        assert_eq!(f.author_name("Jane Doe <jane@example.com>"), "Jane Doe");
        assert_eq!(f.author_name("Jane Doe (Reuters)"), "Jane Doe (Reuters)");
        assert!(f.metadata_date("2023-03-23 09:30 来源：新华网 作者：张三").is_some());
        assert!(f.metadata_date("Published 5:30 p.m. ET Nov. 19, 2019").is_some());
        assert!(f.metadata_date("5:30 p.m. Nov. 19, 2019").is_some());
        assert!(f.metadata_date("Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET").is_some());
        assert!(f.is_stamp_line("Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM"));
        assert!(f.is_stamp_line("Posted: Sept. 3"));
        assert!(!f.is_stamp_line("Nov 19, 6:55 AM"));
        assert!(!f.is_stamp_line("Updated Nov 19 with a statement from the mayor"));
        assert!(f.is_stamp_line("AP - 53 mins ago"));
        assert!(f.is_stamp_line("Updated 2 hours ago"));
        assert!(f.is_stamp_line("新华网 3小时前"));
        assert!(f.is_stamp_line("17:30"));
        assert!(f.is_stamp_line("发布时间：10-0812:00"));
        assert!(f.is_stamp_line("时间：10月8日"));
        assert!(!f.is_stamp_line("时间：10月8日起实施"));
        assert!(f.is_stamp_line("09:05:12"));
        assert!(f.is_stamp_line("05 Oct"));
        assert!(f.is_stamp_line("Nov. 19"));
        assert!(!f.is_stamp_line("May Day"));
        assert!(!f.is_stamp_line("Chapter 5"));
        assert!(!f.is_stamp_line("17:30:5"));
        assert!(!f.is_stamp_line("1730"));
        assert!(!f.is_stamp_line("The vote came 3 days ago"));
        assert!(f
            .metadata_date("2023年3月23日，临港新片区举行加快推进国家产教融合试点城市建设大会，公布新一轮措施。")
            .is_none());
        assert_eq!(f.author_in("2023-03-23 09:30 来源：新华网 作者：张三"), Some("张三".into()));
        // Where the reporter filed from is not the name.
        assert_eq!(f.author_in("2023/03/23 09:30 記者王小明／台北報導"), Some("王小明".into()));
        assert_eq!(f.source_in("2019-09-26 12:11来源：证券时报网作者：李在山"), Some("证券时报网".into()));
        assert_eq!(f.author_in("【作者：张三】【来源：新华网】【时间：2005年3月21日】"), Some("张三".into()));
        assert_eq!(f.source_in("【作者：张三】【来源：新华网】【时间：2005年3月21日】"), Some("新华网".into()));
        assert_eq!(f.author_in("Posted by 太小心 at 2005-03-21 11:21"), Some("太小心".into()));
        assert_eq!(f.author_in("Abby 2005-03-21"), None);
        assert_eq!(f.author_in("03/04/2019 - Posted by: Ana Lima - Category: Transport"), Some("Ana Lima".into()));
        assert_eq!(f.author_in("By Jean-Pierre de la Tour, 2019-03-04"), Some("Jean-Pierre".into()));
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
        assert_eq!(f.source_in("2023-03-23 09:30 来源：新华网 作者：张三"), Some("新华网".into()));
        assert_eq!(f.source_in("文章出处：新华网  发布时间：2005-7-5"), Some("新华网".into()));
        // An agency or outlet after the name, other credits after a semicolon.
        for line in [
            "Jane Doe | Reuters",
            "Jane Doe - Staff Writer",
            "By Jane Doe, The Washington Post",
            "Story by Jane Doe; photos by John Smith",
        ] {
            assert_eq!(f.byline(line).as_deref(), Some("Jane Doe"), "{line}");
        }
        assert_eq!(f.byline("By Jane Doe and John Smith, Reuters").as_deref(), Some("Jane Doe and John Smith"));
        assert_eq!(f.byline("Jane Doe - The Best Bakery in Town"), None);
        assert_eq!(f.byline("By Jane Doe"), Some("Jane Doe".into()));
        assert_eq!(f.byline("作者：张三"), Some("张三".into()));
        assert_eq!(f.byline("记者/张三"), Some("张三".into()));
        assert_eq!(f.byline("图文/张三"), Some("张三".into()));
        assert_eq!(f.byline("撰文：张三"), Some("张三".into()));
        assert_eq!(f.byline("□本报记者 张三"), Some("张三".into()));
        assert_eq!(f.byline("■ 记者 张三 李四"), Some("张三 李四".into()));
        assert_eq!(f.byline("文/记者 张三"), Some("张三".into()));
        assert_eq!(f.byline("文／本报记者 张三 李四"), Some("张三 李四".into()));
        assert_eq!(f.byline("新京报记者 张三 编辑 李四 校对 王五"), Some("张三".into()));
        assert_eq!(f.byline("记者 张三/文 李四/图"), Some("张三".into()));
        assert_eq!(f.byline("作者丨张三"), Some("张三".into()));
        assert_eq!(f.byline("撰文 / 张三"), Some("张三".into()));
        assert_eq!(f.byline("【作者】张三"), Some("张三".into()));
        assert_eq!(f.byline("评论员 张三"), Some("张三".into()));
        assert_eq!(f.byline("作者：张三（城市大学教授）"), Some("张三".into()));
        assert_eq!(f.byline("作者：张三，城市大学教授"), Some("张三".into()));
        assert_eq!(f.byline("本文作者张三系城市大学教授"), Some("张三".into()));
        assert_eq!(f.byline("作者：张三，李四"), Some("张三，李四".into()));
        assert_eq!(f.byline("本报记者 张三/文 李四/图"), Some("张三".into()));
        assert_eq!(f.byline("本报记者 张三 文/图"), Some("张三".into()));
        assert_eq!(f.byline("顶端新闻·河南商报记者张三/文受访者供图"), Some("张三".into()));
        assert_eq!(f.byline("执笔人：闵乐夫 赵兰波 刘韬"), Some("闵乐夫 赵兰波 刘韬".into()));
        assert_eq!(f.byline("作者： 周思博 (Joel Spolsky)"), Some("周思博 (Joel Spolsky)".into()));
        assert_eq!(f.byline("【作者：张三】"), Some("张三".into()));
        assert_eq!(tidy_name("赵  培"), "赵培");
        assert_eq!(tidy_name("王\u{3000}军"), "王军");
        assert_eq!(tidy_name("刘国栋 周炜"), "刘国栋 周炜");
        assert_eq!(tidy_name("Jane Doe"), "Jane Doe");
        assert_eq!(f.byline("By Jane Doe, Staff Writer"), Some("Jane Doe".into()));
        assert_eq!(f.byline("By Jane Doe and John Smith, CNN"), Some("Jane Doe and John Smith".into()));
        assert_eq!(
            f.byline("By Jane Doe and John Smith | The Lakeport Courier"),
            Some("Jane Doe and John Smith".into())
        );
        assert_eq!(f.byline("By Jane Doe, John Smith"), Some("Jane Doe, John Smith".into()));
        assert_eq!(f.byline("Posted by Vortex"), Some("Vortex".into()));
        assert_eq!(f.byline("Written by Ana Lima"), Some("Ana Lima".into()));
        assert_eq!(f.byline("Robert Burns, AP National Security Writer"), Some("Robert Burns".into()));
        assert_eq!(f.author_name("By ROBERT BURNS, AP National Security Writer"), "ROBERT BURNS");
        assert_eq!(
            f.byline("By Dana A. Ford , James S.A. Corey, and Tom Watkins, CNN"),
            Some("Dana A. Ford , James S.A. Corey, and Tom Watkins".into())
        );
        assert_eq!(f.byline("By the time we arrived. It was over."), None);
        assert_eq!(f.byline("By Richard Lawler posted Aug 18th 2010 7:30PM"), Some("Richard Lawler".into()));
        assert_eq!(f.byline("By Ana Lima | 2019-03-04"), Some("Ana Lima".into()));
        assert_eq!(f.author_name("By Jamelle Bouie"), "Jamelle Bouie");
        assert_eq!(f.author_name("Rachael Link, MS, RD"), "Rachael Link, MS, RD");
        assert_eq!(f.author_name("Byron Smith"), "Byron Smith");
        assert_eq!(f.byline("本报记者罗科苏盈发自北京"), Some("罗科苏盈".into()));
        let reporter = |s: &str| f.reporter_in(s);
        assert_eq!(
            reporter("据新华社拉萨电（记者 格桑边觉）记者近日从西藏自治区农业农村厅了解到"),
            Some("格桑边觉".into())
        );
        assert_eq!(reporter("本报讯（记者 张三 李四 通讯员 王五）本市今天起"), Some("张三 李四".into()));
        assert_eq!(reporter("江城网10月4日讯（记者张三 整合） 国庆长假过半"), Some("张三".into()));
        assert_eq!(reporter("本报讯（记者 张三 综合报道）本市今天起"), Some("张三".into()));
        assert_eq!(reporter("（记者从市政府获悉，今年的展会规模更大）"), None);
        assert_eq!(reporter("（本报记者）"), None);
        assert_eq!(f.closing_credit("记者 刘涛"), Some("刘涛".into()));
        assert_eq!(f.closing_credit("……全市中小学推行课后服务。（记者 张三 通讯员 李四）"), Some("张三".into()));
        assert_eq!(f.closing_credit("By then"), None);
        assert_eq!(f.closing_credit("作者：余毅菁 向雪妮返回搜狐，查看更多"), None);
        assert_eq!(f.closing_credit("全市中小学推行课后服务。"), None);
        assert_eq!(f.stated_author("14:18 作者：郭励弘 我来说两句( 0 )"), Some("郭励弘".into()));
        assert_eq!(f.stated_author("作者:zboygirl 阅读(1660) 评论(5)"), Some("zboygirl".into()));
        assert_eq!(f.stated_author("作者专栏 | 热门作者"), None);
        assert_eq!(f.author_in("Jeremy Tsheng 于 2023-03-12 13:08:03 发布"), Some("Jeremy Tsheng".into()));
        assert_eq!(f.author_in("张三 发表于 2005-03-21 11:21"), Some("张三".into()));
        assert_eq!(f.author_in("本站成立于 2005-03-21"), None);
        assert_eq!(f.author_in("[点击此处收藏本文] 发表于2005年09月07日 11:57 AM"), None);
        assert_eq!(f.author_in("发布者：张三 发布时间：2023-03-12"), Some("张三".into()));
        assert_eq!(f.byline("作者 | 张三"), Some("张三".into()));
        assert_eq!(f.byline("【作者：张三】"), Some("张三".into()));
        assert_eq!(f.byline("撰稿：张三"), Some("张三".into()));
        assert_eq!(f.byline("采写：南都见习记者 林子沛"), Some("林子沛".into()));
        assert_eq!(f.byline("文/图 张三"), Some("张三".into()));
        assert_eq!(f.byline("记者 张三 通讯员 李四"), Some("张三".into()));
        assert_eq!(f.byline("[作者: 刘满仓 责任编辑: 杨丹宇 ]"), Some("刘满仓".into()));
        assert_eq!(f.byline("【文/观察者网专栏作者 王文】"), Some("王文".into()));
        assert_eq!(f.byline("Author: Jane Doe"), Some("Jane Doe".into()));
        assert_eq!(f.byline("Por Juan Pérez"), Some("Juan Pérez".into()));
        assert_eq!(f.byline("記者王小明／台北報導"), Some("王小明".into()));
        assert_eq!(f.byline("〔記者王小明／台北報導〕"), Some("王小明".into()));
        assert_eq!(f.byline("本報記者 王小明 通訊員 李大華"), Some("王小明".into()));
        assert_eq!(f.byline("Oleh: Budi Santoso"), Some("Budi Santoso".into()));
        assert_eq!(f.byline("Автор: Иван Петров"), Some("Иван Петров".into()));
        assert_eq!(f.byline("Autor: Max Mustermann"), Some("Max Mustermann".into()));
        assert_eq!(f.byline("Auteur : Jean Dupont"), Some("Jean Dupont".into()));
        assert_eq!(f.byline("Autori: Anna Ūdre"), Some("Anna Ūdre".into()));
        assert_eq!(f.byline("Autor des Buches ist unbekannt"), None);
        assert_eq!(f.byline("Por favor"), None);
        assert_eq!(f.byline("Jane Doe | Reporter"), Some("Jane Doe".into()));
        assert_eq!(f.byline("Jane Doe, Staff Writer"), Some("Jane Doe".into()));
        assert_eq!(f.byline("Police Say, The Editor Resigned After Complaints From Readers"), None);
        assert_eq!(f.byline("Von Miller"), None);
        assert_eq!(f.byline("Door County"), None);
        assert_eq!(f.byline("Oleh: Budi"), Some("Budi".into()));
        assert_eq!(f.byline("〔記者王小明∕台北報導〕"), Some("王小明".into()));
        assert_eq!(f.author_in("Par Jean Dupont le 19 novembre 2019 à 17h30"), Some("Jean Dupont".into()));
        assert_eq!(f.author_in("by Jane Doe January 18, 2017 11:00 PM PST"), Some("Jane Doe".into()));
        assert_eq!(f.author_in("By Brian May, 18 January 2017"), Some("Brian May".into()));
        assert_eq!(f.author_in("Ursula von der Leyen, 19.11.2019"), None);
        assert_eq!(f.byline("Jane Doe, The Associated Press"), Some("Jane Doe".into()));
        assert_eq!(f.byline("Authorities said on Monday that the road would reopen."), None);
        assert_eq!(f.stated_author(r#"作者： size="20" 来源： size="20""#), None);
        assert_eq!(f.byline("在线荐稿记者博客联系记者"), None);
        assert_eq!(f.byline("本报实习生 刘国栋 周炜 本报记者 王燕平"), Some("刘国栋 周炜 王燕平".into()));
        assert_eq!(reporter("本报讯 （实习记者 樊亮 张明超 记者惠禾）13岁"), Some("樊亮 张明超 惠禾".into()));
        assert_eq!(f.byline("作者：张三 本报记者 李四 编辑 王五"), Some("张三 李四".into()));
        assert_eq!(f.byline("记者 张三 摄影记者 李四"), Some("张三".into()));
        assert_eq!(f.byline("光明日报记者 王建宏 张文攀"), Some("王建宏 张文攀".into()));
        assert_eq!(f.byline("本报实习生 刘国栋 周炜"), Some("刘国栋 周炜".into()));
        assert_eq!(f.writer_credit("本报记者 王燕平 方云凤"), Some("王燕平 方云凤".into()));
        assert_eq!(f.writer_credit("记者 李四"), Some("李四".into()));
        assert_eq!(f.writer_credit("通讯员 李四"), None);
        assert_eq!(f.writer_credit("作者：张三"), None);
        assert_eq!(f.writer_credit("本报记者从市教育局获悉，今年秋季学期起推行课后服务。"), None);
        assert_eq!(f.byline("新华社记者 李明 摄"), Some("李明".into()));
        assert_eq!(f.byline("本报记者从市教育局获悉，今年秋季学期起全市中小学推行课后服务。"), None);
        assert_eq!(f.byline("John Smith, Reuters reported on Monday that talks stalled"), None);
        assert_eq!(f.byline("By the time the polls closed, the count had begun."), None);
    }
}
