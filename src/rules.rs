//! Every rule newsclean applies, in one plain list.
//!
//! A rule has a code that is never reused, a kebab-case name for the pattern it flags,
//! a one-line summary and an explanation with fixed sections. `newsclean explain CODE`
//! prints one; `newsclean rules` lists them. Rules that decide where a kept block goes
//! (images, tags) are listed too, so every label a record shows can be explained.
//!
//! Families: `M` markers and page furniture, `T` teasers of other articles, `H` page
//! metadata, `D` within-page duplicates, `I`/`G` blocks kept as images or tags, `X` the
//! structure of HTML pages.

use std::fmt::Write;

/// One rule: what `explain` prints, and the code a removal carries.
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    /// Sections: what it does, why it is noise, example, thresholds, known false positives.
    /// A threshold is named in braces (`{SHORT_FURNITURE_UNITS}`) and rendered with the
    /// value the code uses, so the prose cannot state another.
    pub explanation: &'static str,
    /// The constants the explanation names, read from the modules that apply them.
    pub thresholds: &'static [Threshold],
}

/// A threshold a rule's explanation names, with the value of the constant itself.
#[derive(Debug)]
pub struct Threshold {
    pub name: &'static str,
    pub value: f64,
}

const fn threshold(name: &'static str, value: f64) -> Threshold {
    Threshold { name, value }
}

/// A rule is its code: two rules with one code cannot exist (a test holds it).
impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        self.code == other.code
    }
}

impl Eq for Rule {}

impl Rule {
    /// The explanation with each `{NAME}` written as `NAME (value)`.
    pub fn explain(&self) -> String {
        let mut out = String::with_capacity(self.explanation.len());
        let mut rest = self.explanation;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
            let name = &rest[open + 1..close];
            out.push_str(&rest[..open]);
            match self.thresholds.iter().find(|t| t.name == name) {
                Some(t) => write!(out, "{name} ({})", t.value).expect("writing to a string"),
                None => out.push_str(&rest[open..=close]),
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// What `newsclean explain CODE` prints: the code, name and summary, then the explanation.
impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}\n\n{}", self.code, self.name, self.summary, self.explain())
    }
}

pub static END_MARKER: Rule = Rule {
    code: "M001",
    name: "end-marker",
    summary: "a header that ends the article (相关阅读, 标签:, Related articles, ...)",
    explanation: "\
What it does: flags a line that is only a section header of the kind that follows an \
article: 相关阅读, 相关新闻, 推荐阅读, 猜你喜欢, 热门推荐, 延伸阅读, an empty 标签: line, \
Related articles, Read more, You may also like, More ... Stories, Show comments, About the \
author, Sponsored links, Around the web, 往期推荐, a line that says the article is over \
(`- THE END -`), and similar. A comment section's header (`20 Comments`, `20条评论`, \
`网友评论`) ends the article for good: no later paragraph resumes it under M002, as \
comments on the story share its words. (AP's `UP NEXT` and `Don't \
Miss` stay: on sports and deals pages the English truth keeps what follows them.)
Why it is noise: such a header introduces lists of other articles, never the article itself.
Example: `【相关阅读】` or `You may also like`.
Thresholds: the line must be the header alone (at most a colon or brackets around it).
Known false positives: an article whose own subheading is literally one of these words.",
    thresholds: &[],
};

pub static AFTER_END_MARKER: Rule = Rule {
    code: "M002",
    name: "after-end-marker",
    summary: "a block that follows an end marker and is not article text",
    explanation: "\
What it does: flags the blocks after an end marker (M001) or an editor credit (M005), \
up to the next block that belongs to the article core.
Why it is noise: what follows 相关阅读 or 标签: on a scraped page is a list of other \
articles, the article's teaser again, or page furniture.
Example: `标签:` followed by nine one-line teasers of unrelated articles.
In a text dump the marker must stand after the start of the article's span: the run of \
blocks richest in on-topic text, where a core paragraph counts its units and any other \
line costs {SPAN_LINE_PENALTY} ({SPAN_MARKER_PENALTY} for an end marker, nothing for a \
line of {SPAN_TEXT_MIN_UNITS} units or more), and paragraphs after a comment header count \
half. A marker above it (a comment count in the masthead, a sidebar's list of posts) ends \
nothing, and core paragraphs above it are a sidebar's unless their text is at least \
1/{SPAN_HEAD_SHARE} of the span's or more; after the span a paragraph stays in the core \
within {SPAN_TAIL_GAP} blocks of the last one, else only as a marker's resumption.
Thresholds: a block after the marker stays only if it is a core paragraph whose topic \
overlap reaches {CORE_AFTER_MARKER_OVERLAP}.
Known false positives: article text that genuinely continues after a related-reading box \
in short lines.",
    thresholds: &[
        threshold("CORE_AFTER_MARKER_OVERLAP", crate::classify::CORE_AFTER_MARKER_OVERLAP),
        threshold("SPAN_LINE_PENALTY", crate::classify::SPAN_LINE_PENALTY as f64),
        threshold("SPAN_MARKER_PENALTY", crate::classify::SPAN_MARKER_PENALTY as f64),
        threshold("SPAN_TEXT_MIN_UNITS", crate::classify::SPAN_TEXT_MIN_UNITS as f64),
        threshold("SPAN_HEAD_SHARE", crate::classify::SPAN_HEAD_SHARE as f64),
        threshold("SPAN_TAIL_GAP", crate::classify::SPAN_TAIL_GAP as f64),
    ],
};

pub static RELATED_LINK: Rule = Rule {
    code: "M003",
    name: "related-link",
    summary: "one line pointing to another article (相关阅读：..., Read more: ...)",
    explanation: "\
What it does: flags a single line that starts with a related-reading label followed by \
another article's title: 相关阅读：, 延伸阅读：, 推荐阅读：, 相关新闻：, Read more:, Related:, \
Related Coverage:, See also:, Also read:, Watch:, and the same in other languages (Baca \
juga:, Leia também:, Lesen Sie auch:, Lire aussi :, Lee también:, Leggi anche:, Читайте \
также:); a lone link to the rest of the story (点击查看全文, 阅读原文, Read the full story, \
Continue reading, Weiterlesen, Lire la suite); and the page's own address \
(本文地址：..., 永久链接：...).
Why it is noise: it is a link to another article spliced into this one.
Example: `相关阅读：上海发布新一轮产业政策`.
Thresholds: none; the label must start the line.
Known false positives: none known.",
    thresholds: &[],
};

pub static SHARE_PROMPT: Rule = Rule {
    code: "M004",
    name: "share-prompt",
    summary: "share, follow, subscribe or QR-code prompts and ad labels",
    explanation: "\
What it does: flags prompts to share the page or follow the publisher: 分享到, 扫一扫, \
扫描二维码, 关注微信公众号, 点击关注, 请下载“…”APP, 微信号：, Share on Facebook, Click to share on \
Twitter, Follow us on, Sign up for our newsletter, Have a news tip?, Share your thoughts in \
the comments, 新闻热线：, 投稿邮箱：, Sharing is caring, ad labels (广告, \
Advertisement, Advertising, Supported by, Paid content, 推广, Advertisement - Continue Reading \
Below, Story continues below advertisement, and alone in other languages: Anzeige, Publicité, \
Publicidad, Реклама, Iklan, 広告, 광고), follow, like and save buttons alone (关注, +1, Read \
later) and a promotion header alone that stands inside articles too (Other people are \
reading).
Why it is noise: it is page furniture, the same on every article of the site.
Example: `关注我们的微信公众号，获取更多资讯`.
Thresholds: the line is at most {SHORT_FURNITURE_UNITS} units long, except before the article: there a promotion of any length that carries such a prompt (`…快来新浪众测…下载客户端还能获得专享福利哦！`, `…【点击投票】`) goes too.
Known false positives: an article about social media that quotes such a prompt alone on a line.",
    thresholds: &[threshold("SHORT_FURNITURE_UNITS", crate::classify::patterns::SHORT_FURNITURE_UNITS as f64)],
};

pub static EDITOR_CREDIT: Rule = Rule {
    code: "M005",
    name: "editor-credit",
    summary: "editor, reviewer or proofreader credit (责任编辑：..., Edited by ...)",
    explanation: "\
What it does: flags credit lines such as 责任编辑：, 编辑：, 审核：, 校对：, 监制：, Editor:, \
Redaktion:, Redaksi:, Redacción:, Rédaction :, Reporting by, \
`... contributed to this report`, and a reporter's address (`Contact Jane Doe at \
jdoe@example.com`), and marks the end of the article: later blocks are judged by M002.
Why it is noise: credits belong to the page's footer, not to the article text.
Example: `【责任编辑：王小明】`.
Thresholds: the line is at most {SHORT_FURNITURE_UNITS} units long.
Known false positives: some ground truths keep the credit as the article's last line.",
    thresholds: &[threshold("SHORT_FURNITURE_UNITS", crate::classify::patterns::SHORT_FURNITURE_UNITS as f64)],
};

pub static SOURCE_LINE: Rule = Rule {
    code: "M006",
    name: "source-line",
    summary: "a line naming where the article came from (来源：..., Source: ...)",
    explanation: "\
What it does: flags a short line that starts with 来源：, 文章来源：, 本文来源：, 稿件来源：, \
转载自 or Source: (or Fuente:, Quelle:, Sumber:, Fonte:, Bron:, Источник:), and records the \
named site in the record's `site`: up to a separator, a date or another label \
(`来源：新华网 | 2023-03-23 09:30` and `来源：新华网 作者：张三` name 新华网). Before the article or near its \
title, the date such a line carries goes to `published`, as does the date on a line of \
view or comment counts (H001).
Why it is noise: it is metadata, kept in the record's fields rather than the body.
Example: `来源：新华网`.
Thresholds: the line is at most {SHORT_FURNITURE_UNITS} units long.
Known false positives: a data source line under a table (数据来源：...) is not matched.",
    thresholds: &[threshold("SHORT_FURNITURE_UNITS", crate::classify::patterns::SHORT_FURNITURE_UNITS as f64)],
};

pub static DISCLAIMER: Rule = Rule {
    code: "M007",
    name: "disclaimer",
    summary: "copyright notices and disclaimers",
    explanation: "\
What it does: flags 免责声明, 版权声明, 版权所有, 未经授权禁止转载, 转载请注明出处, 如需转载, \
本文仅代表作者观点, All rights reserved, Copyright ©, and similar. A longer paragraph is one only when it opens with a label (免责声明：, 特别声明：, 声明：) or disowns its views or rights for the site (仅代表作者本人, 不代表本站, 不代表平台观点, 仅提供信息存储服务, provides information storage services, is subject to copyright, All rights reserved): plain wording such as 未经授权 is quoted by news. English pages' long `Disclaimer:` paragraphs stay, as the English ground truth keeps them.
Why it is noise: legal boilerplate shared by every page of a site.
Example: `声明：本文仅代表作者观点，不代表本站立场。`
Thresholds: none beyond the phrase; past {SHORT_FURNITURE_UNITS} units, the label or disowning phrase.
Known false positives: an article about copyright law that quotes the phrase.",
    thresholds: &[threshold("SHORT_FURNITURE_UNITS", crate::classify::patterns::SHORT_FURNITURE_UNITS as f64)],
};

pub static PREV_NEXT_LINK: Rule = Rule {
    code: "M008",
    name: "prev-next-link",
    summary: "links to the previous or next article (上一篇：..., Next article)",
    explanation: "\
What it does: flags lines starting with 上一篇, 下一篇, 上一页, 下一页, Previous article, \
Next article, Previous post, Next post.
Why it is noise: navigation between articles.
Example: `下一篇：河北省第八届梅花鉴赏节在安平举行`.
Thresholds: none.
Known false positives: none known.",
    thresholds: &[],
};

pub static NAVIGATION: Rule = Rule {
    code: "M009",
    name: "navigation",
    summary: "breadcrumbs and menu lines (首页 > 新闻, 当前位置：...)",
    explanation: "\
What it does: flags breadcrumb trails (segments joined by >, », / or ›, starting at 首页 or \
Home), 当前位置：/您的位置： lines, font-size and print controls (字号, 打印, Text size), player and \
page controls (您的浏览器暂时无法播放此视频, Your browser does not support the video tag, 加载中, \
Loading..., 展开全文, 举报/反馈, 返回搜狐，查看更多, Print Article, Order Reprints, and a video \
player's controls as text: Play Video, Current Time 0:00, Loaded: 0%, Stream Type LIVE, \
captions off, selected), footer links alone (Privacy Policy, Terms of \
Use, Contact us), lines of arrows only (<<, >), rows of page buttons (【收藏】【打印】【关闭】), a multi-page article's pager on \
one line (共3页: 上一页 1 [2] 3 下一页, 第1页 第2页), pagers (at least {PAGER_MIN_NUMBERS} lines that are bare numbers counting up \
by one: 1, 2, 3 ...), menu lines of several very short segments split by | or spaces, and, \
outside the article, a box's label set vertically (at least {VERTICAL_MIN_CHARS} lines of one \
letter each: 今, 日, 推, 荐), and in a text dump, before the article, a menu set one item a \
line (at least {MENU_RUN_MIN_LINES} lines in a row of at most {MENU_ITEM_MAX_UNITS} units, \
without a sentence's punctuation, sharing less than {ADJACENT_HEADLINE_MAX_OVERLAP} of \
their words with the article: Home, News, Sports); after the article, such a run of at \
least {TAIL_MENU_RUN_MIN_LINES} lines, none a credit or a link to the next article and none \
with a digit (a footer's links, a sidebar's sections; not a poll's results).
Why it is noise: site navigation, not article text.
Example: `首页 > 新闻中心 > 正文`.
Thresholds: a menu line has at least {MENU_MIN_SEGMENTS} segments of at most \
{MENU_MAX_SEGMENT_UNITS} units each; {VERTICAL_MIN_CHARS}.
Known false positives: a line listing short names separated by spaces; an article's own \
short list before its first paragraph, where it shares no measurable words with the \
article (`Bugs fixed`).",
    thresholds: &[
        threshold("PAGER_MIN_NUMBERS", crate::classify::PAGER_MIN_NUMBERS as f64),
        threshold("VERTICAL_MIN_CHARS", crate::classify::VERTICAL_MIN_CHARS as f64),
        threshold("MENU_MIN_SEGMENTS", crate::classify::patterns::MENU_MIN_SEGMENTS as f64),
        threshold("MENU_MAX_SEGMENT_UNITS", crate::classify::patterns::MENU_MAX_SEGMENT_UNITS as f64),
        threshold("MENU_RUN_MIN_LINES", crate::classify::MENU_RUN_MIN_LINES as f64),
        threshold("TAIL_MENU_RUN_MIN_LINES", crate::classify::TAIL_MENU_RUN_MIN_LINES as f64),
        threshold("MENU_ITEM_MAX_UNITS", crate::classify::MENU_ITEM_MAX_UNITS as f64),
        threshold("ADJACENT_HEADLINE_MAX_OVERLAP", crate::classify::ADJACENT_HEADLINE_MAX_OVERLAP),
    ],
};

pub static AUTHOR_BIO: Rule = Rule {
    code: "M010",
    name: "author-bio",
    summary: "a note about the author after the article (Jane Doe covers the White House...)",
    explanation: "\
What it does: flags a body block after the article's last core paragraph, or the article's \
last block, that begins with the name the record gives as its author and goes on for at \
least {AUTHOR_BIO_MIN_UNITS} units (`Jane Doe covers the White House…`, `张三，本报记者，…`). \
A name in Latin letters needs two words: one word is as often an agency's (`Reuters`).
Why it is noise: the author's biography is the site's note on its writer, not the article.
Example: `Eric Song is IGN's deal curator and spends 25% of his pay on stuff he posts.`
Thresholds: {AUTHOR_BIO_MIN_UNITS}.
Known false positives: an article whose last paragraph is about its own author (a memoir \
or an obituary written by its subject's namesake).",
    thresholds: &[threshold("AUTHOR_BIO_MIN_UNITS", crate::metadata::AUTHOR_BIO_MIN_UNITS as f64)],
};

pub static COMMENT_THREAD: Rule = Rule {
    code: "M011",
    name: "comment-thread",
    summary: "a text dump's comment thread under the article: post heads and Reply buttons recurring",
    explanation: "\
What it does: in a text dump, finds where a comment thread begins: a run of \
{THREAD_MIN_MARKS} or more boundaries between posts, each at most {THREAD_MAX_GAP} blocks \
after the one before, with at least {THREAD_MIN_ARTICLE_UNITS} units of sentences between \
it and the page's top (or the run before it). A boundary is a post's head, a post's \
button, or both on adjacent lines. A head is a line of at most {POST_HEAD_MAX_UNITS} \
units that shows a time of day or a time ago (`Maria July 7, 2012 at 2:31 pm`, `3 hours \
ago`) and ends no sentence, or that ends in `says:`, `said,`, `writes:` or `wrote:`; a \
button is a line such as `Reply`, `Quote`, `回复`. A run is a thread when a button or \
`says:` is in it, when its posts are numbered counting up (`8` above a head, `9` above \
the next), or when a comment header stands in it or just above it: times alone head an \
events list or a blog's front page as well. The run's first mark (with its post \
number, or the commenter's name on the line above it) and every block after it are \
removed; the title and the article's span are sought above it.
Why it is noise: readers' comments discuss the article in its own words, so the topic \
measures would keep them as its paragraphs, and a thread does not always open with a \
header (`12 Comments`) that ends the article.
Example: `Maria July 7, 2012 at 2:31 pm`, a comment, `Reply`, `Lynnette July 5, 2012 at \
9:42 am`, a comment, `Reply`, under a blog post.
Thresholds: {THREAD_MIN_MARKS} boundaries, {THREAD_MAX_GAP} blocks apart at most; \
{THREAD_MIN_ARTICLE_UNITS} units of sentences above; {POST_HEAD_MAX_UNITS} units a head.
Known false positives: an article that is itself a thread (an interview's timed Q&A, a \
live blog's time-stamped entries a few lines apart) loses what follows its first stamp \
when sentences enough stand above; a forum page keeps its first post only when the post \
stands above the thread's marks.",
    thresholds: &[
        threshold("THREAD_MIN_MARKS", crate::classify::thread::THREAD_MIN_MARKS as f64),
        threshold("THREAD_MAX_GAP", crate::classify::thread::THREAD_MAX_GAP as f64),
        threshold("THREAD_MIN_ARTICLE_UNITS", crate::classify::thread::THREAD_MIN_ARTICLE_UNITS as f64),
        threshold("POST_HEAD_MAX_UNITS", crate::classify::thread::POST_HEAD_MAX_UNITS as f64),
    ],
};

pub static TRUNCATED_TEASER: Rule = Rule {
    code: "T001",
    name: "truncated-teaser",
    summary: "a teaser cut off with an ellipsis that is not this article's own",
    explanation: "\
What it does: flags a line ending in ..., …, …… (a teaser cut off by the site) outside \
the article's core, or inside it when it is off the article's topic. A cut-off line that \
is a prefix of one of the article's paragraphs is its own teaser: `dedupe` keeps its first \
copy as the lead (D001 for the others).
Why it is noise: sites splice in cut-off teasers of other articles around the one scraped.
Example: `债券品种为小公募,拟发行金额33亿元,发行人为厦门益悦置业有限公司,更...`
Thresholds: before the article, kept when topic overlap reaches {LEAD_MIN_OVERLAP}; \
inside, removed below {INSIDE_TEASER_MAX_OVERLAP}; after it, removed, except on HTML \
pages the block right after the core when it has several sentences and at least \
{RESUME_MIN_UNITS} units: a paywall preview that stops mid-paragraph.
Known false positives: a sentence of the article that trails off with …… after its core.",
    thresholds: &[
        threshold("LEAD_MIN_OVERLAP", crate::classify::LEAD_MIN_OVERLAP),
        threshold("INSIDE_TEASER_MAX_OVERLAP", crate::classify::INSIDE_TEASER_MAX_OVERLAP),
        threshold("RESUME_MIN_UNITS", crate::classify::RESUME_MIN_UNITS as f64),
    ],
};

pub static DATE_PREFIXED_TEASER: Rule = Rule {
    code: "T002",
    name: "date-prefixed-teaser",
    summary: "a teaser that starts with a date and a separator (3月26日丨...)",
    explanation: "\
What it does: flags lines that open with a short source name and a date followed by a \
separator such as 丨, |, ｜ or ——, the way news feeds prefix their items.
Why it is noise: the article's own dateline reads `新华社北京3月26日电`, never with 丨.
Example: `格隆汇3月26日丨华海诚科发布首次公开发行股票...`
Thresholds: off-topic, an overlap below {TEASER_MAX_OVERLAP}, or outside the article.
Known false positives: a live blog whose entries are written this way.",
    thresholds: &[threshold("TEASER_MAX_OVERLAP", crate::classify::TEASER_MAX_OVERLAP)],
};

pub static CONTENT_FARM_SNIPPET: Rule = Rule {
    code: "T003",
    name: "content-farm-snippet",
    summary: "a numbered how-to snippet of another page (1、首先打开...)",
    explanation: "\
What it does: flags lines that start with a list number (1、, 1., ①) and are cut off or \
off the article's topic, outside the article.
Why it is noise: content farms syndicate the first item of their how-to lists as teasers.
Example: `1、首先打开iPhone8上面的AppStore应用商店,在页面上面点击账号登录按钮...`
Thresholds: truncated, or topic overlap below {TEASER_MAX_OVERLAP}.
Known false positives: a numbered list of the article that is off its main topic.",
    thresholds: &[threshold("TEASER_MAX_OVERLAP", crate::classify::TEASER_MAX_OVERLAP)],
};

pub static UNRELATED_HEADLINE: Rule = Rule {
    code: "T004",
    name: "unrelated-headline",
    summary: "a headline-shaped line of another article (text pages)",
    explanation: "\
What it does: flags a line shaped like a headline (at most {HEADLINE_MAX_UNITS} units, \
no sentence punctuation) outside the article's core: beside the article when it is \
headline-like (at least {HEADLINE_MIN_UNITS} units, starting with a letter, mostly \
letters) and shares less than {ADJACENT_HEADLINE_MAX_OVERLAP} of its vocabulary; \
after a teaser in the tail, any headline-shaped or short line. Text pages only: in an \
HTML page's container, whose link lists the markup has already removed (X001, X002), \
such lines are the article's own list items, subheads and credits (on the development \
corpus the rule was wrong there 14 times out of 25).
Why it is noise: lists of other articles' headlines surround the scraped one.
Example: `河北省第八届梅花鉴赏节在安平举行` under an article on education policy.
Thresholds: {ADJACENT_HEADLINE_MAX_OVERLAP}; after noise, a short line stays only \
from {HEADLINE_MAX_OVERLAP}.
Known false positives: the article's own closing line when it reads like a headline.",
    thresholds: &[
        threshold("HEADLINE_MAX_UNITS", crate::classify::HEADLINE_MAX_UNITS as f64),
        threshold("HEADLINE_MIN_UNITS", crate::classify::HEADLINE_MIN_UNITS as f64),
        threshold("ADJACENT_HEADLINE_MAX_OVERLAP", crate::classify::ADJACENT_HEADLINE_MAX_OVERLAP),
        threshold("HEADLINE_MAX_OVERLAP", crate::classify::HEADLINE_MAX_OVERLAP),
    ],
};

pub static OFF_TOPIC_LINE: Rule = Rule {
    code: "T005",
    name: "off-topic-line",
    summary: "a sentence among other articles' teasers that shares little with the article",
    explanation: "\
What it does: flags a sentence in the tail, after other articles' teasers have begun, \
whose topic overlap with the title and core is low.
Why it is noise: teasers of other articles are often whole first sentences.
Example: `今天给大家分析介绍一下某款SUV的用车养车费用。` after a cut-off teaser.
Thresholds: overlap below {OFF_TOPIC_MAX_OVERLAP} with at least {OFF_TOPIC_MIN_UNITS} \
units. Beside the article, before any teaser, sentences always stay.
Known false positives: the article's closing remark when it follows a spliced-in teaser.",
    thresholds: &[
        threshold("OFF_TOPIC_MAX_OVERLAP", crate::classify::OFF_TOPIC_MAX_OVERLAP),
        threshold("OFF_TOPIC_MIN_UNITS", crate::classify::OFF_TOPIC_MIN_UNITS as f64),
    ],
};

pub static METADATA_LINE: Rule = Rule {
    code: "H001",
    name: "metadata-line",
    summary: "a date, source or byline line near the title; a line of view or comment counts",
    explanation: "\
What it does: flags a short line near the title made of a date, a time, a source and a \
byline (`2023-03-23 09:30 来源：新华网`, `By Jane Doe`, `Jane Doe, AP Science Writer`, `Jane Doe | Reporter`, \
`本报记者 张三 李四`, `新华社记者王五发自北京`, `Published March 23, 2023`) and \
moves what it says into `published`, `site` and `author` (two dates may stand in it: \
`Updated ... / Original ...`). A byline's name stops before the outlet after a bar and a \
role after a comma (`By Jane Doe, Staff Writer`), and a Chinese credit's names before the \
next role (`记者 张三 编辑 李四` names 张三) and after its outlet and role (`【文/观察者网专栏作者 \
王文】` names 王文). Labels may stand in brackets or before a bar (`作者 | 张三`, `Author: Jane \
Doe`, `撰稿：`, `文/图`), other languages' `by` opens one before a capitalised name (`Por Juan \
Pérez`, `Von Max Mustermann`, `Par Jean Dupont`, `Oleh: Budi Santoso`, `Автор: Иван Петров`), traditional Chinese credits read as simplified ones do \
(`〔記者王小明／台北報導〕` names 王小明), and a poster may stand before the date (`张三 发表于 2005-03-21`, \
`Jeremy Tsheng 于 2023-03-12 13:08:03 发布`). A page with no byline takes its author from the \
reporters its first paragraph's dateline names in brackets (`新华社拉萨电（记者 \
格桑边觉）`) or its last line credits (`记者 刘涛`, `……。（记者 张三）`), and on HTML pages \
from a byline or author label (`作者：郭励弘 阅读(12)`) within {AUTHOR_WINDOW} blocks \
above or below the article, or else in the date line that gave the page's date, however \
far from the article it stands; those lines are not removed for it. An author that is no one's (a number, an address, a placeholder such as `admin`, \
an ad network) or a name the page gives itself (its site name, its source, a segment of \
`<title>` after the headline) is not taken. Toolbar buttons beside the date \
(`【字号 大 中 小】 【我要打印】 【关闭】`) do not count against a date line, and a counts, share, \
credit or menu line before the article that carries a date (`作者:张三 发表时间:2005-3-21 \
点击:1234`) gives the date, author and source too, whichever rule removes it. Dates in Chinese numerals \
(`二〇〇五年七月五日`) read as dates, and so do month names in English, German, Dutch, \
Indonesian, French, Spanish, Portuguese, Italian and Russian (`Veröffentlicht am 30. März \
2015`, `30 de marzo de 2015`, `20 ноября 2019`). A numeric date with the day and month before the year \
(`20/11/2019`, `11/20/2019`) is read when one of the two can only be the day; when \
either order fits (`05/10/2018`) the line is still a date line but `published` stays \
empty rather than guess. When neither the markup nor a visible line states a date, a \
publish time that the page's scripts hold (`\"pubtime\": \"2019-09-07 19:02:26\"`) is used, and \
failing that the date the markup says the page last changed (`dateModified`, \
`article:modified_time`, Baidu's `dateUpdate`). A time label's two-digit year reads as a \
year (`发布时间：18-03-08` is 2018-03-08). Near the title, a line of labelled time stamps without a \
year (`Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM`), relative to now (`AP - 53 mins ago`, \
`3小时前`), a time label with a day and no year (`发布时间：10-08`) or a time of day alone \
(`17:30`), which gives no date, or a byline or source label left without its value (`By`, \
`作者：`); after the article, such a date line when it also names its source or author \
(`2005年8月25日（来源：上海证券报）`) or opens with a publishing label (`First Published on \
Nov 20, 2019 01:38 pm`, `发表于 …`); and, anywhere, a short line \
without sentence punctuation that carries view, comment or like counts or a reading time (`发表于 \
2004年12月27日 (阅读:3727;评论:63)`, `已被阅读178次`, `1,234 views`, `Comments (12)`, `5 min read`, `Lesezeit: 3 Minuten`, `阅读时间：约5分钟`).
Why it is noise: it is metadata, kept in the record's fields rather than the body.
Example: `发布时间：2023年03月23日 09:30  来源：东方网`.
Thresholds: the date covers the line or the line is at most {SHORT_FURNITURE_UNITS} units.
Known false positives: a one-line body paragraph that is only a date.",
    thresholds: &[
        threshold("AUTHOR_WINDOW", crate::metadata::AUTHOR_WINDOW as f64),
        threshold("SHORT_FURNITURE_UNITS", crate::classify::patterns::SHORT_FURNITURE_UNITS as f64),
    ],
};

pub static DUPLICATE_TEASER: Rule = Rule {
    code: "D001",
    name: "duplicate-teaser",
    summary: "another copy of the article's own teaser",
    explanation: "\
What it does: keeps the first copy of the article's teaser (a cut-off prefix of one of its \
paragraphs) as the record's `lead` and flags every other copy.
Why it is noise: sites print the article's summary above it and again in a list below.
Example: the teaser line repeated after `标签:`.
Thresholds: the teaser without its ellipsis is a prefix of a body paragraph and at least \
{LEAD_MIN_UNITS} units long, compared on the normalised form.
Known false positives: none known.",
    thresholds: &[threshold("LEAD_MIN_UNITS", crate::dedupe::LEAD_MIN_UNITS as f64)],
};

pub static DUPLICATE_PARAGRAPH: Rule = Rule {
    code: "D002",
    name: "duplicate-paragraph",
    summary: "a paragraph repeated on the same page",
    explanation: "\
What it does: flags the second and later copies of a block whose normalised text equals \
an earlier kept block, and on an HTML page a line near the top that holds the headline \
with more around it (`（原标题：…）`, `Headline - Site`): the headline is the record's title.
Why it is noise: scrapers and templates repeat blocks; the article says each thing once.
Example: a paragraph printed in the article and again in a pull-quote box.
Thresholds: at least {DUPLICATE_MIN_UNITS} units, so short repeated lines of the \
article (section names in a table of contents) survive.
Known false positives: a refrain deliberately repeated in a poem or a speech.",
    thresholds: &[threshold("DUPLICATE_MIN_UNITS", crate::dedupe::DUPLICATE_MIN_UNITS as f64)],
};

pub static IMAGE_PLACEHOLDER: Rule = Rule {
    code: "I001",
    name: "image-placeholder",
    summary: "an image placeholder or credit, kept in `images`",
    explanation: "\
What it does: moves image placeholders and credits to the record's `images`: (资料图), \
（资料图片）, ▲资料图, [图片], 图片来源：..., (Photo: ...), Image credit: ..., Image caption ..., \
Getty Images, and credits labelled in other languages (Foto: ..., Bild: ..., Crédit photo : ..., \
Фото: ...; a label alone is left, as its credit may follow on the next line).
Why it is not body: it describes a picture that the text page no longer has.
Example: `(资料图)`.
Thresholds: the line is at most {SHORT_FURNITURE_UNITS} units long.
Known false positives: none known.",
    thresholds: &[threshold("SHORT_FURNITURE_UNITS", crate::classify::patterns::SHORT_FURNITURE_UNITS as f64)],
};

pub static TAG_LINE: Rule = Rule {
    code: "G001",
    name: "tag-line",
    summary: "a tag line, kept in `tags`",
    explanation: "\
What it does: moves the tags of a line such as `标签：临港 产教融合`, `关键词：...` or \
`Tags: ...`, `Filed under: ...`, `Categories: ...` to the record's `tags`, and marks the end of the article like M001. A tag line \
with no tags is removed as M001. A line whose list holds an item of more than {TAG_MAX_UNITS} units \
(twelve words) is no tag line: it is a paragraph after a label (`Filed under: Latest News The \
production of ...`).
Why it is not body: tags are metadata.
Example: `标签：临港新片区 产教融合`.
Thresholds: {TAG_MAX_UNITS}.
Known false positives: none known.",
    thresholds: &[threshold("TAG_MAX_UNITS", crate::classify::patterns::TAG_MAX_UNITS as f64)],
};

pub static OUTSIDE_MAIN_CONTENT: Rule = Rule {
    code: "X001",
    name: "outside-main-content",
    summary: "an HTML block outside the page's main content",
    explanation: "\
What it does: on HTML pages, flags every text block outside the main content. Each block \
scores by its length and punctuation (1 + commas + one point per {UNITS_PER_POINT} \
units, at most 3; lines shorter than {MIN_SCORING_UNITS} split by `<br>` in one element, \
a poem's, score together); the score flows to its parent, grandparent and \
great-grandparent with \
shares 1, 1/2, 1/3, text under chrome-named elements counting {CHROME_SHARE}; each \
element's score is scaled by one minus its link density and by {CLASS_FACTOR} per class, \
id or tag hint of content (divided for chrome, and by its square for an element inside a \
comment thread, a sidebar, a footer or a menu: a long comment, an author's profile). The best element gives way to an ancestor \
(looking through wrappers that add no text, and through elements that are not block-level, such as `<tbody>`) that holds {PROMOTE_GAIN} \
times its text at link density at most \
{PROMOTE_MAX_LINK_DENSITY}. When the page declares its own text (JSON-LD \
articleBody, else og:description or description) and the best element holds no block \
whose opening {DECLARED_PREFIX_CHARS} characters occur in it, the best element that \
does (not an ancestor of the first, scoring at least {DECLARED_MIN_SHARE} of it) \
takes its place. Otherwise, when the page has one `<article>` element holding text and \
the best element is neither inside nor around it, the best element inside it (scoring at \
least {ARTICLE_MIN_SHARE} of it) takes its place. Of several `<article>` elements, \
the one holding the page's `<h1>` is the story: a best element within it grows no \
further than it, and a best element in or around another `<article>` gives way to the \
best inside the story (scoring at least {HEADED_ARTICLE_MIN_SHARE} of it). When the \
element promotion arrives at is still inside one post of a list, not the first (an \
element with a class, itself or up to {POST_MAX_LEVELS} levels up, whose tags and \
classes up to the root {POST_MIN_COUNT} or more elements share, each holding a date: \
a blog's page), the best element of the first post (scoring at least \
{FIRST_POST_MIN_SHARE} of it) takes its place, promoted within that post; a list \
that promotion took whole (a live blog's entries) stays whole. The chosen element and \
those siblings with at least {SIBLING_SHARE} of its score hold the article, and so does \
a sibling that is one link-free paragraph of sentences of {SIBLING_PARAGRAPH_UNITS} or \
more (a standfirst above the article's container).
Why it is noise: menus, sidebars, footers and teaser lists sit outside the article's container.
Example: a site menu `首页 | 新闻 | 财经` above the article's `<div>`.
Thresholds: {MIN_SCORING_UNITS}, {SIBLING_SHARE}, {SIBLING_PARAGRAPH_UNITS}, \
{DECLARED_PREFIX_CHARS}, {DECLARED_MIN_SHARE}, {ARTICLE_MIN_SHARE}, \
{HEADED_ARTICLE_MIN_SHARE}, {POST_MIN_COUNT}, {POST_MAX_LEVELS}, \
{FIRST_POST_MIN_SHARE}.
Known false positives: an article split into containers far apart in the DOM; on a \
blog's page, every post but the first; a live blog whose dated entries promotion does \
not take whole keeps only its first.",
    thresholds: &[
        threshold("UNITS_PER_POINT", crate::html::UNITS_PER_POINT as f64),
        threshold("MIN_SCORING_UNITS", crate::html::MIN_SCORING_UNITS as f64),
        threshold("CHROME_SHARE", crate::html::CHROME_SHARE),
        threshold("CLASS_FACTOR", crate::html::CLASS_FACTOR),
        threshold("PROMOTE_GAIN", crate::html::PROMOTE_GAIN),
        threshold("PROMOTE_MAX_LINK_DENSITY", crate::html::PROMOTE_MAX_LINK_DENSITY),
        threshold("DECLARED_PREFIX_CHARS", crate::html::DECLARED_PREFIX_CHARS as f64),
        threshold("DECLARED_MIN_SHARE", crate::html::DECLARED_MIN_SHARE),
        threshold("ARTICLE_MIN_SHARE", crate::html::ARTICLE_MIN_SHARE),
        threshold("HEADED_ARTICLE_MIN_SHARE", crate::html::HEADED_ARTICLE_MIN_SHARE),
        threshold("POST_MAX_LEVELS", crate::html::POST_MAX_LEVELS as f64),
        threshold("POST_MIN_COUNT", crate::html::POST_MIN_COUNT as f64),
        threshold("FIRST_POST_MIN_SHARE", crate::html::FIRST_POST_MIN_SHARE),
        threshold("SIBLING_SHARE", crate::html::SIBLING_SHARE),
        threshold("SIBLING_PARAGRAPH_UNITS", crate::html::SIBLING_PARAGRAPH_UNITS as f64),
    ],
};

pub static LINK_DENSE: Rule = Rule {
    code: "X002",
    name: "link-dense",
    summary: "an HTML block inside the main content that is mostly link text",
    explanation: "\
What it does: flags a block inside the main content whose link text is more than \
{LINK_DENSITY_MAX} of its characters, or {PROSE_LINK_DENSITY_MAX} for sentences of at \
least {SIBLING_PARAGRAPH_UNITS} (a paragraph with its sources linked), unless it is longer \
than {LINK_DENSE_MAX_UNITS}, or it is a heading between two paragraphs of prose (a \
listicle's item linked to what it reviews); and a block with no letter or digit beside such a \
block (the list's bullet, `·`).
Why it is noise: lists of links inside an article's container are navigation or related reading.
Example: `<li><a href=\"...\">国际油价周二小幅下跌</a></li>` under the article.
Thresholds: {LINK_DENSITY_MAX}, {PROSE_LINK_DENSITY_MAX}, {SIBLING_PARAGRAPH_UNITS}, \
{LINK_DENSE_MAX_UNITS}.
Known false positives: an article paragraph made of one long link.",
    thresholds: &[
        threshold("LINK_DENSITY_MAX", crate::html::LINK_DENSITY_MAX),
        threshold("PROSE_LINK_DENSITY_MAX", crate::html::PROSE_LINK_DENSITY_MAX),
        threshold("SIBLING_PARAGRAPH_UNITS", crate::html::SIBLING_PARAGRAPH_UNITS as f64),
        threshold("LINK_DENSE_MAX_UNITS", crate::html::LINK_DENSE_MAX_UNITS as f64),
    ],
};

pub static CHROME_HINT: Rule = Rule {
    code: "X003",
    name: "chrome-hint",
    summary: "an HTML block under an element whose class or id names page chrome, or in a slideshow",
    explanation: "\
What it does: flags a block inside the main content that sits under an element named like \
page chrome: `<nav>`, `<footer>`, `<aside>`, or a class or id with comment, related, \
recommend, share, social, ad, sponsor, footer, nav, menu, sidebar, breadcrumb, copyright, \
相关, 推荐, 评论 and the like. The main container's own class never counts. A slideshow \
counts as chrome too: the smallest element holding {SLIDESHOW_MIN_SLIDES} or more blocks \
that begin with consecutive slide counters of one count (`1/50`, `2/50`, `Photo 3 of 50`), \
where the page has {SLIDESHOW_MIN_PROSE} paragraphs of prose outside it.
Why it is noise: share bars, related lists, comment threads and galleries of other stories' \
pictures are nested inside article containers on many sites.
Example: `<div class=\"related-news\">` inside the article's `<div>`.
Thresholds: {SLIDESHOW_MIN_SLIDES}, {SLIDESHOW_MIN_PROSE}.
Known false positives: a site that names its article body after one of these words; a \
photo story whose slides are the article, beside three paragraphs of its own.",
    thresholds: &[
        threshold("SLIDESHOW_MIN_SLIDES", crate::html::SLIDESHOW_MIN_SLIDES as f64),
        threshold("SLIDESHOW_MIN_PROSE", crate::html::SLIDESHOW_MIN_PROSE as f64),
    ],
};

pub static CROSS_PAGE_BOILERPLATE: Rule = Rule {
    code: "B001",
    name: "cross-page-boilerplate",
    summary: "a block that recurs on many pages of the batch",
    explanation: "\
What it does: in a batch, flags a body block of at least {BOILERPLATE_MIN_UNITS} units \
whose normalised text occurs on many pages: outside the article's span on at least \
{BOILERPLATE_MIN_PAGES} pages or log2 of the batch size, whichever is more; inside it \
also on {BOILERPLATE_INSIDE_SHARE} of the pages. Titles and leads are never flagged.
Why it is noise: a site repeats its sidebar teasers, disclaimers and prompts on every \
page, often as ordinary sentences no single-page rule can judge.
Example: `本网站所刊载信息，不代表本站观点。` on 40 of 50 pages of one site.
Thresholds: {BOILERPLATE_MIN_PAGES}, {BOILERPLATE_INSIDE_SHARE}.
Known false positives: a sentence that many different articles quote verbatim.",
    thresholds: &[
        threshold("BOILERPLATE_MIN_UNITS", crate::batch::BOILERPLATE_MIN_UNITS as f64),
        threshold("BOILERPLATE_MIN_PAGES", crate::batch::BOILERPLATE_MIN_PAGES as f64),
        threshold("BOILERPLATE_INSIDE_SHARE", crate::batch::BOILERPLATE_INSIDE_SHARE),
    ],
};

pub static BEFORE_HEADLINE: Rule = Rule {
    code: "H002",
    name: "before-headline",
    summary: "a line of a text dump's masthead: above the article's headline, or far above its core",
    explanation: "\
What it does: in a text dump, finds the headline the article's core belongs to: the \
first headline-shaped line when it shares the core's topic, else, of the headline-shaped \
lines before the core, the one sharing most topic words with it (at least \
{HEADLINE_MIN_SHARED}, and half its own). A dump that opens with the page's `<title>` \
restates the headline over the article: the first restatement (the same words, or their \
start) bounds the masthead instead. Every line above that headline that no other rule \
removes is removed; so is, headline or not, a line more than \
{MASTHEAD_MIN_DISTANCE} blocks above the core that neither shares the article's words \
(topic overlap {HEADLINE_MAX_OVERLAP} or more) nor stands beside a line that does.
Why it is noise: above its headline a page's text holds the site's name, its menus, \
login and search prompts, breadcrumbs and other articles' teasers; an article's own \
dateline, byline, dek and captions stand close to its first paragraph, and a table of \
contents shares its words.
Example: `The Paradigm`, `Search`, `BREAKING: Tottenham Sack Head Coach` above the \
headline `Lawan moves motion for Senate's adjournment`.
Thresholds: {HEADLINE_MIN_SHARED} shared topic words; {MASTHEAD_MIN_DISTANCE} blocks.
Known false positives: an article's intro set above its headline, when the headline is \
found lower (a series' part title that shares more words with the text); a long list \
of short items that opens an article before its first paragraph.",
    thresholds: &[
        threshold("HEADLINE_MIN_SHARED", crate::classify::HEADLINE_MIN_SHARED as f64),
        threshold("MASTHEAD_MIN_DISTANCE", crate::classify::MASTHEAD_MIN_DISTANCE as f64),
        threshold("HEADLINE_MAX_OVERLAP", crate::classify::HEADLINE_MAX_OVERLAP),
    ],
};

/// Every rule, in the order `newsclean rules` lists them.
pub static RULES: [&Rule; 26] = [
    &END_MARKER,
    &AFTER_END_MARKER,
    &RELATED_LINK,
    &SHARE_PROMPT,
    &EDITOR_CREDIT,
    &SOURCE_LINE,
    &DISCLAIMER,
    &PREV_NEXT_LINK,
    &NAVIGATION,
    &AUTHOR_BIO,
    &COMMENT_THREAD,
    &TRUNCATED_TEASER,
    &DATE_PREFIXED_TEASER,
    &CONTENT_FARM_SNIPPET,
    &UNRELATED_HEADLINE,
    &OFF_TOPIC_LINE,
    &METADATA_LINE,
    &BEFORE_HEADLINE,
    &DUPLICATE_TEASER,
    &DUPLICATE_PARAGRAPH,
    &IMAGE_PLACEHOLDER,
    &TAG_LINE,
    &OUTSIDE_MAIN_CONTENT,
    &LINK_DENSE,
    &CHROME_HINT,
    &CROSS_PAGE_BOILERPLATE,
];

/// Looks a rule up by code, case-insensitively.
pub fn find(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_references_point_at_their_names() {
        for (i, a) in RULES.iter().enumerate() {
            assert!(RULES[i + 1..].iter().all(|b| b.code != a.code && b.name != a.name), "{}", a.code);
            for section in ["What it does:", "Why it", "Example:", "Thresholds:", "Known false positives:"] {
                assert!(a.explanation.contains(section), "{} lacks {section}", a.code);
            }
            // Every threshold the prose names is one the code reads, and every one listed
            // is named: the rendered text holds no braces and each name once at least.
            let text = a.explain();
            assert!(!text.contains('{') && !text.contains('}'), "{}: a threshold without its constant", a.code);
            for t in a.thresholds {
                assert!(a.explanation.contains(&format!("{{{}}}", t.name)), "{} lists {} unnamed", a.code, t.name);
            }
        }
        assert_eq!(TRUNCATED_TEASER.name, "truncated-teaser");
        assert_eq!(TAG_LINE.name, "tag-line");
        assert_eq!(DUPLICATE_PARAGRAPH.code, "D002");
        assert_eq!(AUTHOR_BIO.code, "M010");
        assert_eq!(CROSS_PAGE_BOILERPLATE.code, "B001");
    }

    #[test]
    fn thresholds_render_with_the_values_the_code_uses() {
        let text = DUPLICATE_TEASER.explain();
        assert!(text.contains(&format!("LEAD_MIN_UNITS ({})", crate::dedupe::LEAD_MIN_UNITS)), "{text}");
        assert!(SHARE_PROMPT.explain().contains("SHORT_FURNITURE_UNITS (60)"));
        assert!(CROSS_PAGE_BOILERPLATE.explain().contains("BOILERPLATE_INSIDE_SHARE (0.05)"));
    }
}
