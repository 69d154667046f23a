//! Who wrote a page, as its lines credit them: bylines (`By Jane Doe`, `作者：张三`,
//! `Por Juan Pérez`), a Chinese paper's reporter credits (`本报记者 张三 李四`,
//! `（记者 格桑边觉）`), author and source labels inside a date line, and an author field's
//! name.
//!
//! Takes one line and returns the names it states, or nothing. Whether the name is the
//! site's rather than a person's is the caller's to judge (`metadata`).

use super::date::{DateFinder, META_MAX_LINE_UNITS};
use crate::norm::units;
use regex::Regex;

/// An author or source named inside a metadata line is at most this many characters.
const NAME_MAX_CHARS: usize = 20;
/// A Latin name in a metadata line has at most this many words.
const NAME_MAX_WORDS: usize = 4;
/// A byline (`By Jane Doe`, `作者：张三`) names at most this many units.
pub const BYLINE_MAX_UNITS: usize = 16;
/// A byline of several names, each at most BYLINE_MAX_UNITS, is at most this many names'
/// worth of units at half that size each.
pub const BYLINE_MAX_NAMES: usize = 8;

/// Finds who wrote a page, and which site it names, in the lines that credit them. A copy
/// points at the one set of patterns the process compiles (see `DateFinder`).
#[derive(Debug, Clone, Copy)]
pub struct BylineFinder(&'static BylinePatterns);

impl std::ops::Deref for BylineFinder {
    type Target = BylinePatterns;
    fn deref(&self) -> &BylinePatterns {
        self.0
    }
}

/// The compiled patterns of bylines and credits, and the date finder they ask.
#[derive(Debug)]
pub struct BylinePatterns {
    dates: DateFinder,
    byline: Regex,
    reporter_line: Regex,
    wire_byline: Regex,
    reporter: Regex,
    labelled_author: Regex,
    author_in: Regex,
    source_in: Regex,
}

impl Default for BylineFinder {
    /// The patterns are compiled on first use, once per process.
    fn default() -> Self {
        static COMPILED: std::sync::LazyLock<BylinePatterns> = std::sync::LazyLock::new(BylinePatterns::compile);
        BylineFinder(&COMPILED)
    }
}

impl BylinePatterns {
    fn compile() -> Self {
        let re = |s: &str| Regex::new(s).expect("valid pattern");
        BylinePatterns {
            dates: DateFinder::default(),
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
/// Where the next metadata label begins in a name run into it (`证券时报网作者：李在山`).
pub fn next_label(name: &str) -> Option<usize> {
    ["作者", "编辑", "編輯", "记者", "記者", "发布", "發布"].iter().filter_map(|label| name.find(label)).min()
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

impl BylineFinder {
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
        if let Some(date) = self.dates.find(line).filter(|d| (name.end..end).contains(&d.span.0)) {
            end = line[..date.span.0].trim_end().len();
        }
        Some(line[name.start..end].chars().take(NAME_MAX_CHARS).collect())
    }

    /// The poster a date line names before its date (`Jeremy Tsheng 于 2023-03-12 13:08:03
    /// 发布`, `张三 发表于 2005-03-21 11:21`); a bare `于` only when the line says what
    /// happened then (`本站成立于 2005-03-21` names no one).
    fn poster_in(&self, line: &str) -> Option<String> {
        let date = self.dates.find(line)?;
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
    pub fn short_line_author(&self, line: &str) -> Option<String> {
        if units(line) > META_MAX_LINE_UNITS {
            return None;
        }
        // The label's one name first: a byline's whole rest would take `阅读(1660)` along.
        let labelled = self.labelled_author.captures(line).and_then(|c| c.get(1));
        labelled.map(|name| name.as_str().chars().take(NAME_MAX_CHARS).collect()).or_else(|| self.byline(line))
    }

    /// The author a short metadata line names, if it names one: a byline, an author
    /// label, or a date line's author (`Le Monde | 04.05.2015 à 13h36 | Par Martin
    /// Untersinger`).
    pub fn stated_author(&self, text: &str) -> Option<String> {
        let dated = || self.dates.metadata_date(text).and_then(|_| self.author_in(text));
        self.short_line_author(text).or_else(dated)
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
        let name = without_credits(name);
        // The outlet and role before the names (`观察者网专栏作者 王文`).
        if let Some(credited) = self.reporter_line.captures(&name).and_then(|c| credit(c, CREDIT_MAX_RUN_CHARS)) {
            return Some(credited);
        }
        let name = self.without_byline_date(without_outlet(&name));
        is_byline_name(name).then(|| name.to_owned())
    }

    /// A byline's name without the date that follows it (`Richard Lawler posted Aug 18th
    /// 2010 7:30PM`) and the labels before that date.
    fn without_byline_date<'n>(&self, name: &'n str) -> &'n str {
        match self.dates.find(name) {
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
        }
    }
}

/// What a byline's pattern took as the name, less what stands around the names: the
/// byline's closing bracket, where the reporter filed from, an affiliation, and in a
/// Chinese credit the other roles' names.
fn without_credits(name: &str) -> std::borrow::Cow<'_, str> {
    // The byline's closing bracket, not a name's own (`周思博 (Joel Spolsky)`).
    let mut name = name.trim();
    while let Some((_, close)) = BRACKETS.iter().find(|(open, close)| name.ends_with(*close) && !name.contains(*open)) {
        name = name[..name.len() - close.len_utf8()].trim_end();
    }
    // Where the reporter filed from is not the name (`記者王小明／台北報導`), nor what
    // each did (`记者 张三/文 李四/图`: the writer is the author).
    let name = match name.split_once(['／', '/']) {
        Some((who, place))
            if ["報導", "報道", "报道"].iter().any(|s| place.ends_with(s)) || place.trim_start().starts_with('文') =>
        {
            who.trim_end()
        }
        _ => name,
    };
    let name = without_affiliation(name);
    // A Chinese credit's names end where another role begins (`记者 张三 通讯员 李四`),
    // and go on past a writer's (`张三 本报记者 李四`, and `文/记者 张三`'s first).
    let role = |w: &str| CREDIT_ROLES.iter().chain(&WRITER_ROLES).any(|r| w.contains(r));
    let mut words = name.split_whitespace();
    let leading_role = words.next().is_some_and(|w| WRITER_ROLES.contains(&w));
    if leading_role || words.any(role) {
        credited_names(name).join(" ").into()
    } else {
        name.into()
    }
}

/// A byline's names without the outlet or role after them.
fn without_outlet(name: &str) -> &str {
    // The outlet after a bar (`Jane Doe | The Courier`), a role after a comma
    // (`Jane Doe, Staff Writer`) and the other credits after a semicolon (`Jane Doe;
    // photos by John Smith`) are not the name.
    let name = name.split(['|', '｜', ';']).next().unwrap_or(name).trim_end();
    // So is an outlet after the names (`Jane Doe and John Smith, CNN`, `…, Reuters`,
    // `…, The Washington Post`).
    let initials = |s: &str| (2..=5).contains(&s.trim().len()) && s.trim().bytes().all(|b| b.is_ascii_uppercase());
    match name.rsplit_once(',') {
        Some((who, role)) if is_role(role) || initials(role) || is_agency(role) || is_outlet(role) => who.trim_end(),
        _ => name,
    }
}

/// Whether what is left of a byline is one or more names: no markup, no sentence, and
/// of a name's size (or several names', each of a name's size).
fn is_byline_name(name: &str) -> bool {
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
    let names = name.split([',', '&', '、']).flat_map(|p| p.split(" and ")).map(str::trim).filter(|p| !p.is_empty());
    let is_name = |p: &str| units(p) <= BYLINE_MAX_UNITS && p.chars().next().is_some_and(|c| !c.is_lowercase());
    let sized = units(name) <= BYLINE_MAX_UNITS
        || (units(name) <= BYLINE_MAX_NAMES * BYLINE_MAX_UNITS / 2 && names.clone().all(is_name));
    sized && !name.is_empty() && !markup && !sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_labels() {
        assert!(is_bare_label("By"));
        assert!(is_bare_label("作者："));
        assert!(!is_bare_label("By the river"));
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
    fn bylines_and_credits() {
        let f = BylineFinder::default();
        // An address after the name in an author field goes.
        assert_eq!(f.author_name("Bradley M. Kuhn (http://ebb.org/bkuhn/)"), "Bradley M. Kuhn");
        assert_eq!(f.author_name("Jane Doe <jane@example.com>"), "Jane Doe");
        assert_eq!(f.author_name("Jane Doe (Reuters)"), "Jane Doe (Reuters)");
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
        assert_eq!(f.source_in("2023-03-23 09:30 来源：新华网 作者：张三"), Some("新华网".into()));
        assert_eq!(f.source_in("文章出处：新华网  发布时间：2005-7-5"), Some("新华网".into()));
        // A line, and the name its byline gives (None: no byline).
        let bylines: &[(&str, Option<&str>)] = &[
            // An agency or outlet after the name, other credits after a semicolon.
            ("Jane Doe | Reuters", Some("Jane Doe")),
            ("Jane Doe - Staff Writer", Some("Jane Doe")),
            ("By Jane Doe, The Washington Post", Some("Jane Doe")),
            ("Story by Jane Doe; photos by John Smith", Some("Jane Doe")),
            ("By Jane Doe and John Smith | The Lakeport Courier", Some("Jane Doe and John Smith")),
            (
                "By Dana A. Ford , James S.A. Corey, and Tom Watkins, CNN",
                Some("Dana A. Ford , James S.A. Corey, and Tom Watkins"),
            ),
            ("By Jane Doe and John Smith, Reuters", Some("Jane Doe and John Smith")),
            ("Jane Doe - The Best Bakery in Town", None),
            ("By Jane Doe", Some("Jane Doe")),
            ("作者：张三", Some("张三")),
            ("记者/张三", Some("张三")),
            ("图文/张三", Some("张三")),
            ("撰文：张三", Some("张三")),
            ("□本报记者 张三", Some("张三")),
            ("■ 记者 张三 李四", Some("张三 李四")),
            ("文/记者 张三", Some("张三")),
            ("文／本报记者 张三 李四", Some("张三 李四")),
            ("新京报记者 张三 编辑 李四 校对 王五", Some("张三")),
            ("记者 张三/文 李四/图", Some("张三")),
            ("作者丨张三", Some("张三")),
            ("撰文 / 张三", Some("张三")),
            ("【作者】张三", Some("张三")),
            ("评论员 张三", Some("张三")),
            ("作者：张三（城市大学教授）", Some("张三")),
            ("作者：张三，城市大学教授", Some("张三")),
            ("本文作者张三系城市大学教授", Some("张三")),
            ("作者：张三，李四", Some("张三，李四")),
            ("本报记者 张三/文 李四/图", Some("张三")),
            ("本报记者 张三 文/图", Some("张三")),
            ("顶端新闻·河南商报记者张三/文受访者供图", Some("张三")),
            ("执笔人：闵乐夫 赵兰波 刘韬", Some("闵乐夫 赵兰波 刘韬")),
            ("作者： 周思博 (Joel Spolsky)", Some("周思博 (Joel Spolsky)")),
            ("【作者：张三】", Some("张三")),
            ("By Jane Doe, Staff Writer", Some("Jane Doe")),
            ("By Jane Doe and John Smith, CNN", Some("Jane Doe and John Smith")),
            ("By Jane Doe, John Smith", Some("Jane Doe, John Smith")),
            ("Posted by Vortex", Some("Vortex")),
            ("Written by Ana Lima", Some("Ana Lima")),
            ("Robert Burns, AP National Security Writer", Some("Robert Burns")),
            ("By the time we arrived. It was over.", None),
            ("By Richard Lawler posted Aug 18th 2010 7:30PM", Some("Richard Lawler")),
            ("By Ana Lima | 2019-03-04", Some("Ana Lima")),
            ("本报记者罗科苏盈发自北京", Some("罗科苏盈")),
            ("作者 | 张三", Some("张三")),
            ("撰稿：张三", Some("张三")),
            ("采写：南都见习记者 林子沛", Some("林子沛")),
            ("文/图 张三", Some("张三")),
            ("记者 张三 通讯员 李四", Some("张三")),
            ("[作者: 刘满仓 责任编辑: 杨丹宇 ]", Some("刘满仓")),
            ("【文/观察者网专栏作者 王文】", Some("王文")),
            ("Author: Jane Doe", Some("Jane Doe")),
            ("Por Juan Pérez", Some("Juan Pérez")),
            ("記者王小明／台北報導", Some("王小明")),
            ("〔記者王小明／台北報導〕", Some("王小明")),
            ("本報記者 王小明 通訊員 李大華", Some("王小明")),
            ("Oleh: Budi Santoso", Some("Budi Santoso")),
            ("Автор: Иван Петров", Some("Иван Петров")),
            ("Autor: Max Mustermann", Some("Max Mustermann")),
            ("Auteur : Jean Dupont", Some("Jean Dupont")),
            ("Autori: Anna Ūdre", Some("Anna Ūdre")),
            ("Autor des Buches ist unbekannt", None),
            ("Por favor", None),
            ("Jane Doe | Reporter", Some("Jane Doe")),
            ("Jane Doe, Staff Writer", Some("Jane Doe")),
            ("Police Say, The Editor Resigned After Complaints From Readers", None),
            ("Von Miller", None),
            ("Door County", None),
            ("Oleh: Budi", Some("Budi")),
            ("〔記者王小明∕台北報導〕", Some("王小明")),
            ("Jane Doe, The Associated Press", Some("Jane Doe")),
            ("Authorities said on Monday that the road would reopen.", None),
            ("在线荐稿记者博客联系记者", None),
            ("本报实习生 刘国栋 周炜 本报记者 王燕平", Some("刘国栋 周炜 王燕平")),
            ("作者：张三 本报记者 李四 编辑 王五", Some("张三 李四")),
            ("记者 张三 摄影记者 李四", Some("张三")),
            ("光明日报记者 王建宏 张文攀", Some("王建宏 张文攀")),
            ("本报实习生 刘国栋 周炜", Some("刘国栋 周炜")),
            ("新华社记者 李明 摄", Some("李明")),
            ("本报记者从市教育局获悉，今年秋季学期起全市中小学推行课后服务。", None),
            ("John Smith, Reuters reported on Monday that talks stalled", None),
            ("By the time the polls closed, the count had begun.", None),
        ];
        for &(line, name) in bylines {
            assert_eq!(f.byline(line).as_deref(), name, "{line}");
        }
        assert_eq!(tidy_name("赵  培"), "赵培");
        assert_eq!(tidy_name("王\u{3000}军"), "王军");
        assert_eq!(tidy_name("刘国栋 周炜"), "刘国栋 周炜");
        assert_eq!(tidy_name("Jane Doe"), "Jane Doe");
        assert_eq!(f.author_name("By ROBERT BURNS, AP National Security Writer"), "ROBERT BURNS");
        assert_eq!(f.author_name("By Jamelle Bouie"), "Jamelle Bouie");
        assert_eq!(f.author_name("Rachael Link, MS, RD"), "Rachael Link, MS, RD");
        assert_eq!(f.author_name("Byron Smith"), "Byron Smith");
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
        assert_eq!(f.short_line_author("14:18 作者：郭励弘 我来说两句( 0 )"), Some("郭励弘".into()));
        assert_eq!(f.short_line_author("作者:zboygirl 阅读(1660) 评论(5)"), Some("zboygirl".into()));
        assert_eq!(f.short_line_author("作者专栏 | 热门作者"), None);
        assert_eq!(f.author_in("Jeremy Tsheng 于 2023-03-12 13:08:03 发布"), Some("Jeremy Tsheng".into()));
        assert_eq!(f.author_in("张三 发表于 2005-03-21 11:21"), Some("张三".into()));
        assert_eq!(f.author_in("本站成立于 2005-03-21"), None);
        assert_eq!(f.author_in("[点击此处收藏本文] 发表于2005年09月07日 11:57 AM"), None);
        assert_eq!(f.author_in("发布者：张三 发布时间：2023-03-12"), Some("张三".into()));
        assert_eq!(f.author_in("Par Jean Dupont le 19 novembre 2019 à 17h30"), Some("Jean Dupont".into()));
        assert_eq!(f.author_in("by Jane Doe January 18, 2017 11:00 PM PST"), Some("Jane Doe".into()));
        assert_eq!(f.author_in("By Brian May, 18 January 2017"), Some("Brian May".into()));
        assert_eq!(f.author_in("Ursula von der Leyen, 19.11.2019"), None);
        assert_eq!(f.short_line_author(r#"作者： size="20" 来源： size="20""#), None);
        assert_eq!(reporter("本报讯 （实习记者 樊亮 张明超 记者惠禾）13岁"), Some("樊亮 张明超 惠禾".into()));
        assert_eq!(f.writer_credit("本报记者 王燕平 方云凤"), Some("王燕平 方云凤".into()));
        assert_eq!(f.writer_credit("记者 李四"), Some("李四".into()));
        assert_eq!(f.writer_credit("通讯员 李四"), None);
        assert_eq!(f.writer_credit("作者：张三"), None);
        assert_eq!(f.writer_credit("本报记者从市教育局获悉，今年秋季学期起推行课后服务。"), None);
    }
}
