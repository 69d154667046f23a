//! Page furniture recognised by its wording: markers, credits, prompts, placeholders.
//!
//! Takes one block's text (and its normalised form) and says which kind of furniture it
//! is, if any. Every regular expression of the classifier is here, built from the word
//! lists of `lexicon` and compiled once when the classifier is built. What a line
//! *means* in its place on the page (head, body, tail) is decided in `classify::mod`, not
//! here.

use super::lexicon::intl::LIKE_AND_SHARE_LABELS;
use super::lexicon::{alternatives, en, intl, zh, BUTTONS_AND_AD_LABELS};
use super::shapes::*;
use crate::norm::units;
use regex::Regex;

/// Furniture lines are short: past this many units a line is prose that merely mentions
/// a marker word. Calibrated on the development corpus, where the longest true credit or
/// share line is 38 units and the shortest article sentence quoting such words is 70.
pub const SHORT_FURNITURE_UNITS: usize = 60;
/// The most units a tag has (twelve words): longer, the line is prose after a label.
pub const TAG_MAX_UNITS: usize = 24;
/// A long line is judged by its opening, in normalised characters: the longest that
/// `prev_next` or `disclaimer_label` looks for (`previousarticle`, `【特别声明】`).
const OPENING_MAX_CHARS: usize = 15;
/// Breadcrumb and menu lines: segments between separators, and how short each must be.
pub const MENU_MIN_SEGMENTS: usize = 4;
pub const MENU_MAX_SEGMENT_UNITS: usize = 8;
/// A pager or a toolbar in words (`Showing 1-10 of 120 results`, `【字体：大 中 小】
/// 【打印】【关闭】`) has at most this many units.
const CONTROLS_MAX_UNITS: usize = 16;
/// A feed item's date comes after at most this many characters (a source name).
const DATE_PREFIX_MAX_CHARS: usize = 10;
/// A source line names a source of at most this many characters.
const SOURCE_MAX_CHARS: usize = 40;

/// What a line of furniture is.
#[derive(Debug, Clone, PartialEq)]
pub enum Furniture {
    /// A header that ends the article; holds the header as written.
    EndMarker(String),
    /// A tag line with the tags it names (possibly none).
    Tags(Vec<String>),
    RelatedLink,
    SharePrompt,
    EditorCredit,
    /// A source line and the site it names.
    Source(String),
    Disclaimer,
    PrevNext,
    Navigation,
    Image,
    /// View, comment or like counts (`阅读:3727`, `已被阅读178次`, `1,234 views`).
    Counter,
}

impl Furniture {
    /// Whether this is the header of a comment section (`20 Comments`, `网友评论`).
    pub fn is_comment_header(&self) -> bool {
        match self {
            Furniture::EndMarker(header) => {
                let header = header.to_lowercase();
                ["comment", "thought", "response", "repl", "评论", "留言", "評論"]
                    .iter()
                    .any(|word| header.contains(word))
            }
            _ => false,
        }
    }

    /// Whether the article is over once this appears after its first paragraph.
    pub fn ends_article(&self) -> bool {
        matches!(self, Furniture::EndMarker(_) | Furniture::Tags(_) | Furniture::EditorCredit | Furniture::PrevNext)
    }
}

/// The compiled expressions. Most run on the normalised form (width-folded, lowercase,
/// no spaces), so `相关 阅读：` and `READ MORE` match like `相关阅读:` and `readmore`.
#[derive(Debug)]
pub struct Patterns {
    end_header: Regex,
    tag_line: Regex,
    related_inline: Regex,
    share: Regex,
    share_en: Regex,
    credit: Regex,
    source: Regex,
    disclaimer: Regex,
    disclaimer_label: Regex,
    disowning: Regex,
    prev_next: Regex,
    breadcrumb: Regex,
    page_list: Regex,
    menu_separator: Regex,
    image_placeholder: Regex,
    image_credit: Regex,
    counter: Regex,
    date_prefixed: Regex,
    list_number: Regex,
    farm_number: Regex,
}

impl Default for Patterns {
    fn default() -> Self {
        let re = |s: &str| Regex::new(s).expect("valid pattern");
        Patterns {
            // A section header alone, or a line that says the article is over (`- THE END -`).
            end_header: re(&format!(
                r"^[\[【(<《>»·•*#=_\-—]*(?:{related})[\]】)>》»:*#=_\-—]*$|^[\-—_=*]*(?:the)?end[\-—_=*]*$",
                related = alternatives(&[zh::RELATED_HEADERS, en::RELATED_HEADERS])
            )),
            tag_line: re(&format!(
                r"^[\[【(（]?\s*(?:{zh}|(?i-u:{en}))\s*[\]】)）]?\s*[:：]\s*(.*)$",
                zh = alternatives(&[zh::TAG_LABELS]),
                en = alternatives(&[en::TAG_LABELS])
            )),
            related_inline: re(&format!(
                r"^(?:[\[【(<《>»·•]*(?:{related})[\]】)>》»]*[:>》»]+.|{links})",
                related = alternatives(&[zh::RELATED_HEADERS, en::RELATED_HEADERS]),
                links = alternatives(&[zh::LINK_LABELS, en::LINK_LABELS, intl::LINK_LABELS])
            )),
            // Chinese prompts; and English ones, asked only of lines that start in ASCII.
            // A trackback link is in both: Chinese blogs label it in Chinese.
            share: re(&alternatives(&[en::TRACKBACK, zh::SHARE_PROMPTS])),
            share_en: re(&alternatives(&[en::SHARE_PROMPTS])),
            credit: re(&format!(
                r"^[\[【(（]?(?:{roles})[:：丨|｜]|^(?:{openings_en})|^(?:{openings_zh})|{contributors}|(?:{chief})[:：丨|｜]",
                roles = alternatives(&[zh::CREDIT_LABELS, en::CREDIT_LABELS, intl::CREDIT_LABELS]),
                openings_en = alternatives(&[en::CREDIT_OPENINGS]),
                openings_zh = alternatives(&[zh::CREDIT_OPENINGS]),
                contributors = alternatives(&[en::CONTRIBUTOR_CREDITS]),
                chief = alternatives(&[zh::CHIEF_EDITOR_LABELS])
            )),
            source: re(&format!(
                r"^[\[【(（]?\s*(?:{zh}|(?i-u:{latin})|{cased})\s*[:：丨|｜]\s*(.+?)\s*[\]】)）]?$",
                zh = alternatives(&[zh::SOURCE_LABELS]),
                latin = alternatives(&[en::SOURCE_LABELS, intl::SOURCE_LABELS]),
                cased = alternatives(&[intl::SOURCE_LABELS_CASED])
            )),
            disclaimer: re(&alternatives(&[zh::DISCLAIMERS, en::DISCLAIMERS, intl::DISCLAIMERS])),
            // A disclaimer's label opening a line, short or long. A paragraph of prose is a
            // disclaimer all the same when labelled as one, or saying whose views it does
            // not state. Plain wording (`未经授权`) is not enough there: news quotes it.
            // English truths (ScrapingHub) keep a long `Disclaimer: The views ... are
            // their own` as the article's, so only the Chinese labels count.
            disclaimer_label: re(&format!(
                r"^[\[【(（]?(?:{labels})[:：\]】)）]",
                labels = alternatives(&[zh::DISCLAIMER_LABELS])
            )),
            // Whole phrases, not `不(?:代表|表明)本…`: a search led by 不 stops at every
            // negation of every paragraph.
            disowning: re(&alternatives(&[zh::DISOWNING, en::DISOWNING])),
            prev_next: re(&format!(
                r"^[/\[【(<《»·•]*(?:点击(?:图片)?(?:进入)?|阅读|查看)?(?:{links})",
                links = alternatives(&[zh::PREV_NEXT, en::PREV_NEXT])
            )),
            breadcrumb: re(
                r"^(?:(?:首页|主页|网站首页|home)\s*(?:>|>>|»|›|/|→|＞|>)|(?:(?:当前|您|你)(?:现在|当前)?(?:所在)?的?位置|现在的位置|所在位置)\s*[:：])|^(?:返回(?:顶部|首页|列表|目录|上一页)|(?:backto|returnto)(?:top|gallery|home|homepage|list|index))$|^[\[【]?(?:字号|字体)[:：]?[大中小\s]*[\]】]?$|^(?:[\[【]?(?:打印本页|打印|关闭窗口|关闭本页|关闭|收藏本页|收藏|返回顶部|顶部|告诉好友|推荐给好友)[\]】]?)+$|^[<>«»‹›]+$|^(?:您的)?浏览器(?:暂时)?(?:不支持|无法播放|不能播放)|^yourbrowserdoesnotsupport|^(?:视频)?(?:加载中|正在加载)[.。…]*$|^loading[.…]*$|^展开全文$|^点击播放|^(?:termsofuse|termsofservice|privacypolicy|cookiepolicy|contactus|aboutus|newsletters?)$|^(?:print|email|save|listentothis(?:article|story)|听新闻|听全文)$|^(?:permalink|postnavigation|print(?:er)?friendly|(?:newerpost|olderpost)+(?:home)?)$|^(?:search|website|(?:name|e?mail)\(required\))$|^(?:print|email|share)this(?:article|story|page)$|^(?:printarticle|orderreprints|reprints|reprintsandpermissions)$|^(?:a[+\-])+$|^(?:textsize|fontsize|resizetext)$|^举报(?:/反馈)?$|^返回[^,，]{1,8}[,，]查看更多$",
            ),
            // A multi-page article's pager on one line: `共3页: 上一页 1 [2] 3 下一页`,
            // `第1页 第2页`; asked only of lines with 页.
            page_list: re(
                r"^(?:共[0-9]+页[:：]?|分页[:：]?|上一页|下一页|首页|尾页|末页|第[0-9]{1,3}页|[\[【]?[0-9]{1,3}[\]】]?)+$",
            ),
            menu_separator: re(r"\s*[|｜›»]\s*"),
            image_placeholder: re(&format!(
                r"^[▲△\[【(（]?(?:{words})[\]】)）]?$|^(?:image|photo|picture)[0-9]+of[0-9]+$",
                words = alternatives(&[zh::IMAGE_PLACEHOLDERS, en::IMAGE_PLACEHOLDERS])
            )),
            // A credit opening the line, or closing it in brackets: `(Image: Getty)` and
            // `(Photo: AP)` end captions. (`（张三 摄）` closes Chinese photo stories,
            // whose caption is the article's text.)
            image_credit: re(&format!(
                r"^[\[【(（]?(?:{credits})|{agencies}|[(（\[【](?:images?|photos?|picture|pic|credit|photocredit|imagecredit|图|图片|图片来源|摄影)[:：/][^()（）\[\]【】]+[)）\]】]$",
                credits = alternatives(&[zh::IMAGE_CREDITS, en::IMAGE_CREDITS, intl::IMAGE_CREDITS]),
                agencies = alternatives(&[en::PHOTO_AGENCIES])
            )),
            counter: re(&format!(
                r"(?:{zh})(?:数|量|次数)?[:：(（]?[0-9][0-9,]*|已被阅读[0-9]+次|[0-9][0-9,.]*k?(?:{en})(?-u:\b)|^comments?[:(]?[0-9]+\)?$|^[0-9]+min(?:ute)?s?read$",
                zh = alternatives(&[zh::COUNT_LABELS]),
                en = alternatives(&[en::COUNT_UNITS])
            )),
            // After at most DATE_PREFIX_MAX_CHARS, checked in code (`^.{0,10}?` compiled
            // into ten copies of `.`).
            date_prefixed: re(
                r"(?:[0-9]{1,2}月[0-9]{1,2}日|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}[-/][0-9]{1,2})\s*[丨|｜]",
            ),
            list_number: re(r"^\s*(?:[0-9]{1,2}\s*[、.．)）]|[①②③④⑤⑥⑦⑧⑨⑩])\s*\S"),
            farm_number: re(r"^\s*(?:[0-9]{1,2}\s*、|[①②③④⑤⑥⑦⑧⑨⑩])\s*\S"),
        }
    }
}

impl Patterns {
    /// A paragraph longer than furniture that is a disclaimer all the same: it opens with
    /// a disclaimer's label (`免责声明：`, `声明：`) or disowns its views for the site
    /// (`不代表本站`, `仅提供信息存储服务`). Asked only of lines off the article's core:
    /// the search would otherwise run on every paragraph.
    pub fn is_long_disclaimer(&self, text: &str) -> bool {
        let opening = crate::norm::normalize_prefix(text, OPENING_MAX_CHARS);
        self.disclaimer_label.is_match(&opening) || self.disowning.is_match(text)
    }

    /// A share, follow or download prompt, however long: `…快来新浪众测…下载客户端还能获得
    /// 专享福利哦！`. Only asked of lines before the article, where a story's own
    /// sentence hardly mentions such things.
    pub fn is_prompt(&self, text: &str) -> bool {
        self.is_share(&crate::norm::normalize(text))
    }

    /// A feed item's opening: a date and a separator after at most DATE_PREFIX_MAX_CHARS
    /// characters (`格隆汇3月26日丨…`).
    pub fn is_date_prefixed(&self, text: &str) -> bool {
        self.date_prefixed.find(text).is_some_and(|m| text[..m.start()].chars().count() <= DATE_PREFIX_MAX_CHARS)
    }

    /// The furniture a line is, judged on its text alone.
    /// `units` is `norm::units(text)`, which the caller has measured already.
    pub fn furniture(&self, text: &str, units: usize) -> Option<Furniture> {
        if let Some(c) = self.tag_line.captures(text) {
            // Tags are separated by commas and the like; by spaces only when nothing else
            // separates them ("Tags: City Council, Transit" has a two-word tag).
            let list = &c[1];
            let has_marks = list.contains(|ch: char| ",，、;；|｜/·".contains(ch));
            let tags: Vec<String> = list
                .split(|ch: char| ",，、;；|｜/·".contains(ch) || (!has_marks && ch.is_whitespace()))
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect();
            // A tag is a name or a phrase: a longer one is a paragraph's clause, after a
            // label that opened it (`Filed under: Latest News The production of ...`).
            if tags.iter().all(|t| crate::norm::units(t) <= TAG_MAX_UNITS) {
                return Some(Furniture::Tags(tags));
            }
        }
        if units > SHORT_FURNITURE_UNITS {
            // Prose, unless its opening names the previous or next article. (Whether it is
            // a disclaimer all the same, `is_long_disclaimer` says for lines off the core.)
            let opening = crate::norm::normalize_prefix(text, OPENING_MAX_CHARS);
            return self.prev_next.is_match(&opening).then_some(Furniture::PrevNext);
        }
        let norm = &crate::norm::normalize(text);
        // Headers spaced with a middle dot (`延伸 · 推荐`, `相关·阅读`) are the same headers.
        let header = |norm: &str| self.end_header.is_match(norm);
        let elsewhere = related_elsewhere(norm);
        if header(norm) || (norm.contains('·') && header(&norm.replace('·', ""))) || elsewhere == Some(true) {
            return Some(Furniture::EndMarker(text.to_owned()));
        }
        if self.prev_next.is_match(norm) {
            return Some(Furniture::PrevNext);
        }
        if elsewhere == Some(false) || self.related_inline.is_match(norm) {
            return Some(Furniture::RelatedLink);
        }
        if self.image_placeholder.is_match(norm) || self.image_credit.is_match(norm) || is_bracketed_image(text) {
            return Some(Furniture::Image);
        }
        if self.credit.is_match(norm) || Self::is_contact(norm) || is_credit_run(text) {
            return Some(Furniture::EditorCredit);
        }
        // At most SOURCE_MAX_CHARS, checked here: `.{1,40}` compiled into forty copies of `.`.
        if let Some(c) = self.source.captures(text).filter(|c| c[1].chars().count() <= SOURCE_MAX_CHARS) {
            return Some(Furniture::Source(c[1].to_owned()));
        }
        // A disclaimer's label (`声明：`) is `disclaimer_label`'s, asked where one can be.
        if self.disclaimer.is_match(norm) || (norm.contains('明') && self.disclaimer_label.is_match(norm)) {
            return Some(Furniture::Disclaimer);
        }
        // A follow or like button or an ad label alone; exact lines, kept out of `share`,
        // whose literal search 关注 would slow down on every line.
        let like_or_share = || {
            let label = norm.trim_end_matches(['.', '…', ':', '：']);
            label.len() <= LIKE_AND_SHARE_MAX_BYTES && LIKE_AND_SHARE_LABELS.contains(&label)
        };
        // A button as a text browser sets it: after a list's bullet, between a bar's pipes.
        // (Not a header: a bulleted `Comments` is a tab.)
        let bare = norm.trim_matches(['•', '◦', '▪', '■', '□', '●', '*', '|']);
        let button = || bare.len() <= BUTTON_MAX_BYTES && BUTTONS_AND_AD_LABELS.contains(&bare);
        if self.is_share(norm) || button() || like_or_share() {
            return Some(Furniture::SharePrompt);
        }
        let pager = || norm.contains('页') && self.page_list.is_match(norm);
        let controls = || units <= CONTROLS_MAX_UNITS && (is_pager(text) || is_toolbar(text));
        if self.breadcrumb.is_match(bare)
            || pager()
            || controls()
            || is_player_control(norm)
            || is_form_field(text)
            || self.is_menu(text)
        {
            return Some(Furniture::Navigation);
        }
        // Counts next to a post, not a sentence that mentions reading figures.
        // Every count has a digit: most lines are out before the pattern runs.
        let counts = norm.bytes().any(|b| b.is_ascii_digit())
            && (self.counter.is_match(norm) || is_reading_time(norm) || is_count_elsewhere(norm));
        if counts && !crate::norm::has_sentence_punct(text) {
            return Some(Furniture::Counter);
        }
        None
    }

    /// A numbered snippet in the content-farm style: `1、` or `①` always; `1.` and `1)`,
    /// common in English lists, only when cut off.
    pub fn is_farm_number(&self, text: &str) -> bool {
        self.farm_number.is_match(text)
            || (self.list_number.is_match(text) && crate::norm::truncation_mark(text).is_some())
    }

    /// A reporter's address closing the article: `Contact reporter Jane Doe at
    /// jdoe@example.com.`, `Email Tariq Malik at tmalik@space.com`.
    fn is_contact(norm: &str) -> bool {
        norm.contains('@') && ["contact", "email", "reach", "write"].iter().any(|verb| norm.starts_with(verb))
    }

    /// A share, follow or subscribe prompt in the normalised line. English prompts start
    /// the line (or end it after English words): a line that starts in another script is
    /// not asked, nor is an all-ASCII line asked for Chinese prompts.
    fn is_share(&self, norm: &str) -> bool {
        (!norm.is_ascii() && self.share.is_match(norm))
            || (norm.as_bytes().first().is_some_and(u8::is_ascii) && self.share_en.is_match(norm))
    }

    fn is_menu(&self, text: &str) -> bool {
        if !text.contains(['|', '｜', '›', '»']) {
            return false;
        }
        let segments: Vec<&str> = self.menu_separator.split(text).filter(|s| !s.is_empty()).collect();
        segments.len() >= MENU_MIN_SEGMENTS && segments.iter().all(|s| units(s) <= MENU_MAX_SEGMENT_UNITS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn furniture(text: &str) -> Option<Furniture> {
        Patterns::default().furniture(text, units(text))
    }

    #[test]
    fn markers_and_tags() {
        assert_eq!(furniture("标签:"), Some(Furniture::Tags(vec![])));
        assert_eq!(furniture("标签：临港 产教融合"), Some(Furniture::Tags(vec!["临港".into(), "产教融合".into()])));
        assert_eq!(
            furniture("Tags: City Council, Europe"),
            Some(Furniture::Tags(vec!["City Council".into(), "Europe".into()]))
        );
        assert!(matches!(furniture("相關閱讀"), Some(Furniture::EndMarker(_))));
        assert!(matches!(furniture("延伸 · 推荐"), Some(Furniture::EndMarker(_))));
        assert!(matches!(furniture("相关·阅读"), Some(Furniture::EndMarker(_))));
        assert!(matches!(furniture("【相关阅读】"), Some(Furniture::EndMarker(_))));
        assert!(matches!(furniture("You may also like"), Some(Furniture::EndMarker(_))));
        assert!(matches!(furniture("Explore further"), Some(Furniture::EndMarker(_))));
        assert_eq!(furniture("相关阅读：上海发布新一轮产业政策"), Some(Furniture::RelatedLink));
        assert_eq!(furniture("Read more: Why markets fell"), Some(Furniture::RelatedLink));
    }

    #[test]
    fn credits_sources_prompts_navigation_images() {
        use Furniture::*;
        let source = |s: &str| Some(Source(s.into()));
        let long_disclaimer = format!(
            "特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。{}",
            "如对内容有异议请联系平台处理。".repeat(3)
        );
        let long_next = format!("下一篇：{}", "临港新片区举行加快推进国家产教融合试点城市建设大会".repeat(3));
        let cases = vec![
            ("【责任编辑：王小明】", Some(EditorCredit)),
            ("来源：新华网", source("新华网")),
            ("来源丨澎湃新闻", source("澎湃新闻")),
            ("编辑丨李明", Some(EditorCredit)),
            ("[作者: 刘满 责任编辑: 杨丹 ]", Some(EditorCredit)),
            ("译： Chen Bin", Some(EditorCredit)),
            ("Reporting by Jane Doe; Editing by John Roe", Some(EditorCredit)),
            ("图片版权归原作者所有", Some(Disclaimer)),
            ("版权所有 未经授权禁止转载", Some(Disclaimer)),
            ("Hak cipta © 2019 Warta Kota. Hak cipta dilindungi undang-undang.", Some(Disclaimer)),
            (
                "Citation: Bees learn to count (2019, May 2) retrieved 4 May 2019 from https://example.org/news/bees.html",
                Some(Disclaimer),
            ),
            ("This document is subject to copyright. Apart from fair dealing, no part may be reproduced.", Some(Disclaimer)),
            ("下一篇：河北省第八届梅花鉴赏节在安平举行", Some(PrevNext)),
            (&long_next, Some(PrevNext)),
            ("发表评论", Some(EndMarker("发表评论".into()))),
            ("关注我们的微信公众号，获取更多资讯", Some(SharePrompt)),
            ("更多“医保报销”的相关资讯请关注www.example.com", Some(SharePrompt)),
            ("Trackback: http://example.net/TrackBack.aspx?PostId=5436", Some(SharePrompt)),
            ("本文引用(Trackback)链接: /wp-trackback.php?p=17", Some(SharePrompt)),
            ("Follow the Opinion section on Facebook and Twitter.", Some(SharePrompt)),
            ("Like this:", Some(SharePrompt)),
            ("Sukai ini:", Some(SharePrompt)),
            ("Baca juga: Harga BBM naik mulai besok", Some(RelatedLink)),
            ("Lesen Sie auch: Regierung kündigt neues Paket an", Some(RelatedLink)),
            ("Читайте также: Правительство объявило новый пакет", Some(RelatedLink)),
            ("Noticias relacionadas", Some(EndMarker("Noticias relacionadas".into()))),
            ("Terkait", Some(EndMarker("Terkait".into()))),
            ("Visto 314 veces", Some(Counter)),
            ("1.234 Aufrufe", Some(Counter)),
            ("Dilihat 5 kali", Some(Counter)),
            ("314 просмотров", Some(Counter)),
            ("関連記事", Some(EndMarker("関連記事".into()))),
            ("เรื่องที่เกี่ยวข้อง", Some(EndMarker("เรื่องที่เกี่ยวข้อง".into()))),
            ("Tin liên quan", Some(EndMarker("Tin liên quan".into()))),
            ("Relacionados", Some(EndMarker("Relacionados".into()))),
            ("Terkait dengan kasus itu, polisi memeriksa tiga saksi.", None),
            ("Relacionado con el caso, la policía interrogó a tres testigos.", None),
            ("Quelle: dpa", Some(Source("dpa".into()))),
            ("Источник: ТАСС", Some(Source("ТАСС".into()))),
            ("Redaktion: Max Mustermann", Some(EditorCredit)),
            ("统筹：张三 策划：李四", Some(EditorCredit)),
            ("本期编辑 张三", Some(EditorCredit)),
            ("编辑 刘晓阳 校对 李铭", Some(EditorCredit)),
            ("题图来源：视觉中国", Some(Image)),
            ("点赞", Some(SharePrompt)),
            ("京ICP备12345678号", Some(Disclaimer)),
            ("打印 | 关闭", Some(Navigation)),
            ("【字体：大 中 小】 【打印】 【关闭】", Some(Navigation)),
            ("字号：T|T", Some(Navigation)),
            ("微信 微博 QQ空间", Some(Navigation)),
            ("Facebook Twitter Email", Some(Navigation)),
            ("Facebook Twitter LinkedIn Copy link", Some(Navigation)),
            ("Copy link", Some(SharePrompt)),
            ("Sponsored by Acme", Some(SharePrompt)),
            ("Get the latest news delivered to your inbox", Some(SharePrompt)),
            ("Have something to say? Leave a comment", Some(SharePrompt)),
            ("Click here to read more", Some(SharePrompt)),
            ("0:00 / 3:21", Some(Navigation)),
            ("本文经授权转载自城市周刊", Some(Disclaimer)),
            ("Publicidade", Some(SharePrompt)),
            ("Lesen Sie auch den Kommentar unseres Korrespondenten.", None),
            ("Suka Memuat...", Some(SharePrompt)),
            ("Gefällt mir Wird geladen …", Some(SharePrompt)),
            ("Compartilhe isso:", Some(SharePrompt)),
            ("Teilen mit:", Some(SharePrompt)),
            ("Partager la recette avec vos amis", None),
            ("Subscribe to keep reading. Already a subscriber? Sign in", Some(SharePrompt)),
            ("首页 > 新闻中心 > 正文", Some(Navigation)),
            ("首页 | 新闻 | 财经 | 体育 | 娱乐", Some(Navigation)),
            ("返回顶部", Some(Navigation)),
            ("Back to Gallery", Some(Navigation)),
            ("您所在的位置： 首页 > 快讯 > 公司", Some(Navigation)),
            ("字号", Some(Navigation)),
            ("Text size", Some(Navigation)),
            ("【字体：大 中 小】", Some(Navigation)),
            ("/阅读下一篇/", Some(PrevNext)),
            ("用微信扫码二维码", Some(SharePrompt)),
            ("扫描下方二维码关注官方微信", Some(SharePrompt)),
            ("关注", Some(SharePrompt)),
            ("+1", Some(SharePrompt)),
            ("声明：本报力求信息真实、准确，文章提及内容仅供参考，不构成投资建议。", Some(Disclaimer)),
            ("图集", Some(Image)),
            ("(资料图)", Some(Image)),
            ("Foto: Budi Santoso/Antara", Some(Image)),
            ("Crédit photo : AFP", Some(Image)),
            ("Фото: личный архив Андрея Рудькова", Some(Image)),
            ("Fotografen wie er arbeiten oft allein.", None),
            ("（资料图片）", Some(Image)),
            ("图片来源：视觉中国", Some(Image)),
            ("Protesters filled the square on Sunday (Image: GETTY )", Some(Image)),
            ("The bridge at dawn (Photo: AP)", Some(Image)),
            ("Image 2 of 5", Some(Image)),
            ("▲资料图", Some(Image)),
            ("Image caption The council chamber on Tuesday", Some(Image)),
            ("Filed under: Politics, City Hall", Some(Tags(vec!["Politics".into(), "City Hall".into()]))),
            (
                "Filed under: Latest News The production of the two cars has been suspended for lack of demand, the paper says.",
                None,
            ),
            ("Related Coverage: Council delays transit vote", Some(RelatedLink)),
            ("Watch: Highlights of the council meeting", Some(RelatedLink)),
            ("Read the full story here", Some(RelatedLink)),
            ("More Great Metro Stories", Some(EndMarker("More Great Metro Stories".into()))),
            ("The Associated Press contributed to this report.", Some(EditorCredit)),
            ("Contact reporter Jane Doe at jdoe@example.com.", Some(EditorCredit)),
            ("Advertisement - Continue Reading Below", Some(SharePrompt)),
            ("Story continues below advertisement", Some(SharePrompt)),
            ("Click to share on Twitter (Opens in new window)", Some(SharePrompt)),
            ("Have a news tip? Email us.", Some(SharePrompt)),
            ("(本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP)", Some(SharePrompt)),
            ("海量资讯、精准解读，尽在新浪财经APP", Some(SharePrompt)),
            ("微信号：citynews", Some(SharePrompt)),
            ("Your browser does not support the video tag.", Some(Navigation)),
            ("您的浏览器暂时无法播放此视频。", Some(Navigation)),
            ("Loading...", Some(Navigation)),
            ("Current Time 0:00", Some(Navigation)),
            ("Remaining Time -1:23", Some(Navigation)),
            ("Loaded: 12.5%", Some(Navigation)),
            ("Stream Type LIVE", Some(Navigation)),
            ("captions off, selected", Some(Navigation)),
            ("Play Video", Some(Navigation)),
            ("展开全文", Some(Navigation)),
            ("举报/反馈", Some(Navigation)),
            ("返回搜狐，查看更多", Some(Navigation)),
            ("共3页: 上一页 1 [2] 3 下一页", Some(Navigation)),
            ("第1页 第2页 第3页", Some(Navigation)),
            ("Page 1 of 3", Some(Navigation)),
            ("1 - 5 of 36", Some(Navigation)),
            ("Showing 1-10 of 120 results", Some(Navigation)),
            ("« Prev 1 2 3 Next »", Some(Navigation)),
            ("1 2 3 4 5 Next", Some(Navigation)),
            ("【收藏】【打印】【关闭】", Some(Navigation)),
            ("本文地址：http://www.example.com/a/123.html", Some(RelatedLink)),
            ("我来说两句", Some(EndMarker("我来说两句".into()))),
            ("点击图片进入下一页", Some(PrevNext)),
            ("Print", Some(Navigation)),
            ("Order Reprints", Some(Navigation)),
            ("Print Article", Some(Navigation)),
            ("Sharing is caring!", Some(SharePrompt)),
            ("Anzeige", Some(SharePrompt)),
            ("Реклама", Some(SharePrompt)),
            ("Privacy Policy", Some(Navigation)),
            ("Got a confidential news tip? We want to hear from you.", Some(SharePrompt)),
            ("Share your thoughts in the comments below.", Some(SharePrompt)),
            ("投稿邮箱：news@example.com", Some(SharePrompt)),
            ("More AP NBA: https://apnews.com/NBA", Some(RelatedLink)),
            ("点击“阅读原文”查看更多", Some(RelatedLink)),
            ("本文为本网原创作品，转载请联系授权。", Some(Disclaimer)),
            ("View comments", Some(EndMarker("View comments".into()))),
            ("10 thoughts on “Ten Days in Lhasa”", Some(EndMarker("10 thoughts on “Ten Days in Lhasa”".into()))),
            ("38 comments to What questions do you have?", Some(EndMarker("38 comments to What questions do you have?".into()))),
            ("12 responses to the survey came in.", None),
            ("7 Responses", Some(EndMarker("7 Responses".into()))),
            ("See more photos:", Some(EndMarker("See more photos:".into()))),
            ("About the author", Some(EndMarker("About the author".into()))),
            ("• Facebook", Some(SharePrompt)),
            ("Tweet", Some(SharePrompt)),
            ("| | Pin it! |", Some(SharePrompt)),
            ("• Follow hashtag #njstorm on Twitter for updates", None),
            ("____________________ Search", Some(Navigation)),
            ("[                    ] [Subscribe]", Some(Navigation)),
            ("IFRAME: http://example.com/ad", Some(Navigation)),
            ("Fill in the blank: ____ is the capital of France.", None),
            ("Post a Comment", Some(EndMarker("Post a Comment".into()))),
            ("Permalink", Some(Navigation)),
            ("Older Post Home", Some(Navigation)),
            ("No comments:", Some(EndMarker("No comments:".into()))),
            ("Labels: running, shoes", Some(Tags(vec!["running".into(), "shoes".into()]))),
            ("Label: XL Recordings", None),
            ("Email This BlogThis! Share to Twitter Share to Facebook", Some(SharePrompt)),
            ("Less used icons (such as BlogThis!) are hidden.", None),
            ("Name (required)", Some(Navigation)),
            ("[puffball]", Some(Image)),
            ("[IMG_2041.jpg]", Some(Image)),
            ("[...]", None),
            ("[3]", None),
            ("Related Stories on 9to5Mac", Some(EndMarker("Related Stories on 9to5Mac".into()))),
            ("Latest News from Reuters", Some(EndMarker("Latest News from Reuters".into()))),
            ("Also on the ballot:", None),
            ("往期推荐", Some(EndMarker("往期推荐".into()))),
            ("- THE END -", Some(EndMarker("- THE END -".into()))),
            ("相关资讯请关注:逆水寒专区", Some(SharePrompt)),
            ("网友评论仅供其表达个人看法，并不表明网易立场。", Some(Disclaimer)),
            ("Listen to this article", Some(Navigation)),
            ("A+ A-", Some(Navigation)),
            ("Follow", Some(SharePrompt)),
            ("Comments (12)", Some(Counter)),
            ("20 Comments", Some(EndMarker("20 Comments".into()))),
            ("20条评论", Some(EndMarker("20条评论".into()))),
            ("5 min read", Some(Counter)),
            ("Tempo de leitura: 1 minuto", Some(Counter)),
            ("Lesezeit: 3 Minuten", Some(Counter)),
            ("Reading time: 4-5 minutes", Some(Counter)),
            ("阅读时间：约5分钟", Some(Counter)),
            ("Время чтения: 7 минут", Some(Counter)),
            ("Reading time went up to 30 minutes a day", None),
            ("选稿：李四", Some(EditorCredit)),
            ("He left (and came back) in May.", None),
            ("发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)", Some(Counter)),
            ("(本文已被阅读178次)", Some(Counter)),
            ("1,234 views", Some(Counter)),
            ("该文阅读量3万，评论区热闹。", None),
        ];
        for (line, want) in cases {
            assert_eq!(furniture(line), want, "{line}");
        }
        let p = Patterns::default();
        assert!(p.is_long_disclaimer(&long_disclaimer));
        assert!(p.is_long_disclaimer(
            "Notice: The content above is uploaded and posted by a user of a social media platform, which only provides information storage services."
        ));
        assert!(p.is_long_disclaimer(&format!("免责声明：{}", "本文仅供参考，不构成投资建议。".repeat(5))));
        assert!(
            !p.is_long_disclaimer(&format!("他说公司将发表声明。{}", "对未经授权使用商标的行为追究责任。".repeat(4)))
        );
        assert!(p.is_long_disclaimer(
            "This document is subject to copyright. Apart from any fair dealing for the purpose of private study or research, no part may be reproduced without the written permission."
        ));
        assert!(p.is_long_disclaimer(
            "本文系本网独家稿件，文章内容纯属作者个人观点，不代表平台观点，未经授权，不得转载，否则将追究法律责任。"
        ));
        assert!(!p.is_long_disclaimer(
            "Disclaimer: The views and investment tips expressed by investment experts are their own and not that of the website."
        ));
    }

    #[test]
    fn article_text_is_not_furniture() {
        for line in [
            "记者：您怎么看这次改革？",
            "中新社北京5月13日电(记者 李想)国家统计局13日发布数据。",
            "数据来源：国家统计局",
            "他说，越来越多的网友开始在微信上分享自己的旅行经历，这一现象引发社会广泛关注，相关部门也在研究。",
            "宝洁自曝“实验秘密”",
            "Related companies reported similar losses last quarter.",
            "More bad news",
            "UP NEXT",
            "Endgame",
            "Don't Miss",
            "2019 2020",
            "2024-06-03",
            "1 4 9 16",
            "10 - 12 of the 36 candidates",
            "Page 3",
            "策划这次活动的是一家本地公司。",
            "Facebook and Twitter",
            "大 中",
            "10:30 / 11:45 / 12:00",
            "出品方表示，电影将于下月上映。",
            "编辑 刘晓阳 表示 同意",
            "Comentarios",
            "2019 visitas al museo crecieron",
            "新闻热线开通后，市民反映的问题明显增多。",
            "2019",
            "Email remains the easiest way in for attackers, the report said.",
            "Watchdogs: a short history",
            "Loading the ship took three days.",
            "She replied to the comments.",
            "He said so in the comments section.",
            "他说，请下载最新版本的应用程序。",
            "市民可使用交通卡或手机扫码乘车。",
            "他表示，公司声明：对未经授权使用商标的行为将追究法律责任，并已向法院提起诉讼，要求赔偿经济损失共计五百万元人民币，法院已经受理此案，预计将于下个月开庭审理，双方律师均表示将积极应诉。",
            "Disclaimer: The views and investment tips expressed by investment experts are their own and not that of the website or its management; check with a certified expert before deciding.",
        ] {
            assert_eq!(furniture(line), None, "{line}");
        }
    }

    #[test]
    fn teaser_shapes() {
        let p = Patterns::default();
        assert!(p.is_date_prefixed("格隆汇3月26日丨华海诚科发布公告"));
        assert!(!p.is_date_prefixed("中新社北京5月13日电(记者 李想)"));
        assert!(!p.is_date_prefixed("一二三四五六七八九十一二3月26日丨华海诚科发布公告"));
        assert!(p.is_farm_number("1、首先打开iPhone8上面的AppStore"));
        assert!(p.is_farm_number("1. First open the settings..."));
        assert!(!p.is_farm_number("1) Lego Star Wars 75188 Bombardiere della Resistenza"));
        assert!(!p.is_farm_number("2019年，临港新片区成为试点核心区"));
    }
}
