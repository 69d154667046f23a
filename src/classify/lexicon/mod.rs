//! The words the classifier recognises furniture by, one list a kind of line, one module
//! a language family: [`zh`] (Chinese, simplified and traditional), [`en`] (English) and
//! [`intl`] (the other languages read), and here the lists whose entries mix languages
//! (buttons, toolbars, reading times). `patterns` builds its regular expressions from
//! these lists and reads the rest in code.
//!
//! A list that feeds a pattern holds its alternatives: entries are written as the line's
//! normalised form reads (width-folded, lowercase, no spaces) and may carry the
//! pattern's marks for an inflection or an anchor (`tags?`, `^followus`). Adding a word
//! is adding an entry; its fixture shows the line it removes.

pub mod en;
pub mod intl;
pub mod zh;

/// The entries of `lists` as one alternation, in order.
pub(crate) fn alternatives(lists: &[&[&str]]) -> String {
    lists.iter().flat_map(|list| list.iter().copied()).collect::<Vec<_>>().join("|")
}

/// Lines that are a follow, like or share button or an ad label, in the normalised form.
pub const BUTTONS_AND_AD_LABELS: &[&str] = &[
    "关注",
    "+关注",
    "点赞",
    "在看",
    "分享",
    "纠错",
    "文章纠错",
    "收藏本文",
    "我要分享",
    "小字号",
    "大字号",
    "登录",
    "注册",
    "登录并发贴",
    "signin",
    "login",
    "copylink",
    "save",
    "savearticle",
    "savestory",
    "giftthisarticle",
    "giftarticle",
    "+1",
    "follow",
    "share",
    // A social network's button, its name alone.
    "tweet",
    "twitter",
    "facebook",
    "pinit",
    "pinit!",
    "linkedin",
    "reddit",
    "whatsapp",
    "广告",
    "advertisement",
    "advertising",
    "sponsored",
    "sponsoredcontent",
    "supportedby",
    "paidcontent",
    "paidpost",
    "partnercontent",
    "promotedcontent",
    "readlater",
    "saveforlater",
    // A promotion header that stands inside articles too: the line goes, the article goes
    // on. (`Don't Miss` stays: the en truth keeps BGR's, over a product box.)
    "otherpeoplearereading",
    "推广",
    "廣告",
    "広告",
    "광고",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "реклама",
    "iklan",
    "advertentie",
    "publicidade",
    "anuncio",
    "annonce",
    "reklame",
];

/// A reading time's labels, normalised (`5 min read` is `counter`'s).
pub const READING_TIME_LABELS: &[&str] = &[
    "readingtime",
    "estimatedreadingtime",
    "lesezeit",
    "tempsdelecture",
    "tiempodelectura",
    "tempodeleitura",
    "tempodilettura",
    "leestijd",
    "waktubaca",
    "阅读时间",
    "预计阅读时间",
    "阅读时长",
    "времячтения",
];

/// The buttons of a page's toolbars and share bars, lowercased.
pub const TOOLBAR_WORDS: &[&str] = &[
    "打印",
    "打印本页",
    "关闭",
    "关闭窗口",
    "收藏",
    "收藏本文",
    "收藏本页",
    "分享",
    "分享到",
    "我要分享",
    "纠错",
    "我要纠错",
    "返回顶部",
    "顶部",
    "字号",
    "字体",
    "大",
    "中",
    "小",
    "t",
    "微信",
    "朋友圈",
    "微博",
    "新浪微博",
    "腾讯微博",
    "qq",
    "qq空间",
    "豆瓣",
    "人人网",
    "print",
    "email",
    "e-mail",
    "share",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "telegram",
    "reddit",
    "pinterest",
    "flipboard",
    "messenger",
    "sms",
    "tweet",
    "打印此页",
    "copy",
    "link",
];

/// A comment's or forum post's buttons, as a line of their own, in the normalised form
/// without its punctuation (`[ Reply ]`, `Reply to this`, `回复`): where they recur, a
/// comment thread runs.
pub const POST_ACTIONS: &[&str] = &[
    "reply",
    "replytothis",
    "replytothiscomment",
    "replytothisshare",
    "replytothisparentshare",
    "replydelete",
    "replytop",
    "replyquote",
    "quotereply",
    "replyreport",
    "reportabuse",
    "quote",
    "permalink",
    "loginorregistertopostcomments",
    "logintopostcomments",
    "replyretweetfavorite",
    "permalinkreply",
    "commentreply",
    "logintoreply",
    "回复",
    "回覆",
    "引用回复",
    "antworten",
    "répondre",
    "responder",
    "rispondi",
    "beantwoorden",
    "balas",
    "ответить",
];

/// How a comment's head ends, after the commenter's name (`Ed says:`, `gstoddart
/// writes:`, `Kevin said,`), lowercase. Not `said:` or `说：`: an article introduces its
/// quotes so.
pub const POST_ATTRIBUTIONS: &[&str] =
    &["says:", "says,", "said,", "writes:", "wrote:", "schreibt:", "écrit :", "écrit:", "escribió:"];
