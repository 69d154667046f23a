//! Chinese, simplified and traditional: the words furniture lines are written in.
//!
//! Entries are alternatives of the classifier's patterns, matched on a line's normalised
//! form (width-folded, lowercase, no spaces); a few carry the pattern's own marks
//! (`扫描(?:下方|上方)?二维码`, `^更多.*请关注`, `二维码$`).

/// Headers that open a list of other articles or the comments (`相关阅读`, `猜你喜欢`,
/// `网友评论`, `标签`), simplified and traditional.
pub const RELATED_HEADERS: &[&str] = &[
    "相关阅读",
    "相关新闻",
    "相关文章",
    "相关报道",
    "相关链接",
    "相关推荐",
    "相关资讯",
    "相关专题",
    "推荐阅读",
    "猜你喜欢",
    "热门推荐",
    "延伸阅读",
    "延伸推荐",
    "热点推荐",
    "精彩推荐",
    "更多精彩",
    "大家都在看",
    "为你推荐",
    "为您推荐",
    "往期回顾",
    "往期精选",
    "热门文章",
    "热文推荐",
    "今日推荐",
    "阅读排行",
    "点击排行",
    "热门排行",
    "编辑推荐",
    "网友评论",
    "最新评论",
    "热门评论",
    "发表评论",
    "我要评论",
    "精彩图集",
    "更多阅读",
    "更多新闻",
    "相关视频",
    "热点新闻",
    "最新新闻",
    "热门阅读",
    "热点阅读",
    "推荐文章",
    "更多推荐",
    "精选推荐",
    "你可能还喜欢",
    "你可能感兴趣",
    "大家还在看",
    "看了本文的人还看了",
    "[0-9]{1,6}条评论",
    "往期推荐",
    "往期文章",
    "精彩回顾",
    "我来说两句",
    "查看评论",
    "查看全部评论",
    "全部评论",
    "评论",
    "評論",
    "标签",
    "相關閱讀",
    "相關新聞",
    "相關文章",
    "相關報導",
    "相關報道",
    "相關鏈接",
    "推薦閱讀",
    "猜你喜歡",
    "熱門推薦",
    "延伸閱讀",
    "熱點推薦",
    "精彩推薦",
    "更多精彩",
    "為你推薦",
    "為您推薦",
    "熱門文章",
    "往期回顧",
    "標籤",
];

/// Labels of a tag line (`标签：临港 产教融合`).
pub const TAG_LABELS: &[&str] = &["标签", "標籤", "关键词", "關鍵詞", "关键字", "關鍵字"];

/// A lone link to the rest of the story or the page's own address, opening a line
/// (`点击查看`, `阅读原文`, `本文地址：`).
pub const LINK_LABELS: &[&str] = &[
    "点击查看",
    "点击阅读",
    "点击进入",
    "原文链接[:：]?",
    "(?:本文|文章|原文)(?:地址|链接)[:：]",
    "永久链接[:：]",
    "阅读原文",
    "点击.{0,2}阅读原文",
    "查看原文",
];

/// Prompts to share the page or follow the publisher, and news-tip lines
/// (`分享到`, `扫一扫`, `关注微信公众号`, `新闻热线：`).
pub const SHARE_PROMPTS: &[&str] = &[
    "分享到",
    "關注我們",
    "掃一掃",
    "掃描(?:下方|上方)?二維碼",
    "分享至",
    "分享给",
    "一键分享",
    "扫一扫",
    "扫描(?:下方|上方)?二维码",
    "微信扫码",
    "扫码关注",
    "扫码下载",
    "二维码$",
    "点击投票",
    "^更多.*请关注",
    "资讯请关注",
    "请关注[:：]",
    "长按识别",
    "长按二维码",
    "关注我们",
    "关注公众号",
    "关注微信",
    "微信公众号",
    "点击关注",
    "欢迎关注",
    "下载客户端",
    "下载.{0,10}app",
    "打开app",
    "打开客户端",
    "尽在.{0,10}app$",
    "^微信号[:：]",
    "^公众号[:：]",
    "^(?:新闻热线|报料热线|投稿邮箱|投稿信箱)[:：]",
];

/// Editors' and other credits' labels before a colon (`责任编辑：`, `校对：`).
pub const CREDIT_LABELS: &[&str] = &[
    "责任编辑",
    "責任編輯",
    "责编",
    "編輯",
    "编辑",
    "主编",
    "审核",
    "审校",
    "校对",
    "监制",
    "值班编辑",
    "实习编辑",
    "选稿",
    "终审",
    "初审",
    "复审",
    "美编",
    "编审",
    "统筹",
    "策划",
    "出品",
    "总监制",
    "译者",
    "翻译",
    "编译",
    "译",
];

/// Credit lines by their opening.
pub const CREDIT_OPENINGS: &[&str] = &["本期编辑"];

/// The editor in charge's label, wherever it stands in a line (`…【责任编辑：王小明】`).
pub const CHIEF_EDITOR_LABELS: &[&str] = &["责任编辑", "責任編輯", "责编"];

/// Labels of a source line (`来源：新华网`, `转载自`).
pub const SOURCE_LABELS: &[&str] = &[
    "来源",
    "來源",
    "稿源",
    "文章来源",
    "本文来源",
    "稿件来源",
    "新闻来源",
    "信息来源",
    "消息来源",
    "出处",
    "转载自",
    "转自",
];

/// Copyright, disclaimer and registration wording (`免责声明`, `版权所有`, `icp备`).
pub const DISCLAIMERS: &[&str] = &[
    "免责声明",
    "免責聲明",
    "仅供其表达个人看法",
    "仅代表网友个人观点",
    "版权声明",
    "版權聲明",
    "版权所有",
    "版權所有",
    "版权归",
    "转自网络",
    "来自网络",
    "源于网络",
    "轉載請註明",
    "未经授权",
    "禁止转载",
    "不得转载",
    "转载请注明",
    "转载请联系",
    "如需转载",
    "仅代表作者",
    "不代表本站",
    "不代表本网",
    "如有侵权",
    "联系删除",
    "经授权转载",
    "icp备",
    "icp证",
    "公网安备",
    "不良信息举报",
];

/// A disclaimer's label opening a line (`免责声明：`, `【特别声明】`).
pub const DISCLAIMER_LABELS: &[&str] =
    &["免责声明", "免責聲明", "特别声明", "特別聲明", "版权声明", "版權聲明", "重要声明", "郑重声明", "声明", "聲明"];

/// Phrases by which a site disowns what it carries (`不代表本站观点`, `仅提供信息存储`).
pub const DISOWNING: &[&str] = &[
    "仅提供信息存储",
    "僅提供信息存儲",
    "仅代表作者本人",
    "不代表本站",
    "不代表本网",
    "不代表本台",
    "不代表本平台",
    "不代表本报",
    "不代表本刊",
    "不代表本号",
    "不表明本站",
    "不表明本网",
    "不表明本平台",
    "不代表平台",
    "纯属作者个人观点",
];

/// Links to the previous or next article (`上一篇`, `下一页`).
pub const PREV_NEXT: &[&str] = &["上一篇", "下一篇", "上一条", "下一条", "上一页", "下一页"];

/// Lines that stand for a picture (`(资料图)`, `【视频】`).
pub const IMAGE_PLACEHOLDERS: &[&str] = &[
    "资料图",
    "资料图片",
    "图片",
    "图",
    "配图",
    "示意图",
    "图集",
    "组图",
    "高清组图",
    "网络图片",
    "视频截图",
    "截图",
    "图片来自网络",
    "图片源于网络",
    "图片来源于网络",
    "视频",
];

/// A picture's credit opening a line (`图片来源：`, `摄影：`, `图/`).
pub const IMAGE_CREDITS: &[&str] = &[
    "图片来源",
    "图片来自",
    "题图",
    "封面图",
    "头图来源",
    "图源",
    "图片由",
    "图片提供",
    "图片作者",
    "摄影",
    "图/",
    "图：",
    "图丨",
    "圖/",
    "圖片來源",
    "圖片提供",
    "攝影",
];

/// What a page counts of itself, before the number (`阅读：3727`, `评论(12)`).
pub const COUNT_LABELS: &[&str] = &["阅读", "浏览", "点击", "评论", "点赞", "收藏", "转发", "参与互动"];

/// The roles of a closing credit without colons (`编辑 刘晓阳 校对 李铭`).
pub const CREDIT_RUN_ROLES: &[&str] =
    &["编辑", "編輯", "责编", "責編", "校对", "校對", "审核", "審核", "审校", "监制", "美编"];
