//! Properties over generated pages: one article with noise spliced in at random places,
//! in random layouts. Every non-blank line lands in exactly one place; cleaning is
//! deterministic; cleaning a record's own title and body again removes nothing.

use newsclean::{Page, Pipeline, Record};
use proptest::prelude::*;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::new);

/// One article: its title, then paragraphs and a heading of its own, in this order.
const ARTICLE: [&str; 6] = [
    "江城启动旧城区雨污分流改造工程",
    "本报讯 记者从江城市住房和城乡建设局获悉，旧城区雨污分流改造工程日前正式启动，计划用三年时间完成老城区管网改造。",
    "据介绍，江城老城区排水管网大多建于上世纪八九十年代，雨水和污水共用一套管道，每逢强降雨污水就随雨水溢出。",
    "一、施工安排",
    "按照改造方案，江城雨污分流工程将分三批实施，第一批覆盖老城区人口最密集的东门、南湖两个片区。",
    "市住建局表示，江城老城区管网改造施工期间将采取夜间作业、分段围挡等措施，减少对居民出行的影响。",
];

/// Noise spliced in anywhere.
const NOISE: [&str; 8] = [
    "(资料图)",
    "河北省第八届梅花鉴赏节在安平举行",
    "债券品种为小公募，拟发行金额20亿元，发行人为某置业有限公司，更...",
    "格隆汇3月26日丨某科技公司发布首次公开发行股票网上申购情况公告",
    "1、首先打开手机设置，在页面上面点击账号登录按钮……",
    "本报讯 记者从江城市住房和城乡建设局获悉，旧城区雨污分流...",
    "Share this article",
    "关注我们的微信公众号，获取更多资讯",
];

/// Markers that end an article, and what follows them on real pages.
const TAIL: [&str; 4] = ["标签：雨污分流 老城区", "相关阅读", "国际油价周二小幅下跌", "多地出台新政支持新能源汽车下乡"];

/// An article with noise lines inserted at random places and an optional tail after it,
/// in a random layout.
fn page() -> impl Strategy<Value = String> {
    let noise = prop::collection::vec((0..NOISE.len(), 0..=ARTICLE.len()), 0..8);
    let layout = prop::collection::vec((any::<bool>(), any::<bool>()), ARTICLE.len() + 12);
    (noise, 0..=TAIL.len(), layout, any::<bool>()).prop_map(|(noise, tail, layout, crlf)| {
        let mut lines: Vec<&str> = ARTICLE.to_vec();
        for (n, (which, at)) in noise.into_iter().enumerate() {
            lines.insert((at + n).min(lines.len()).max(1), NOISE[which]);
        }
        lines.extend(&TAIL[..tail]);
        let eol = if crlf { "\r\n" } else { "\n" };
        lines
            .iter()
            .zip(layout)
            .map(|(line, (blank, indent))| {
                format!("{}{line}{eol}{}", if indent { "\u{3000}\u{3000}" } else { "" }, if blank { eol } else { "" })
            })
            .collect()
    })
}

fn clean(text: &str) -> Option<Record> {
    PIPELINE.clean(&Page::new("p", "p.txt", text.as_bytes())).ok()
}

proptest! {
    // 256 cases in CI; PROPTEST_CASES=20000 for a longer search.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_line_lands_in_exactly_one_place(text in page()) {
        let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
        match clean(&text) {
            None => prop_assert_eq!(lines, 0),
            Some(r) => {
                let placed = usize::from(r.title.is_some()) + usize::from(r.lead.is_some()) + r.body.len()
                    + r.images.len() + r.removed.len() + r.stats.tag_lines;
                prop_assert_eq!(placed, lines);
                prop_assert_eq!(r.stats.blocks, lines);
            }
        }
    }

    #[test]
    fn cleaning_is_deterministic(text in page()) {
        let a = clean(&text).map(|r| serde_json::to_string(&r).unwrap());
        let b = clean(&text).map(|r| serde_json::to_string(&r).unwrap());
        prop_assert_eq!(a, b);
    }

    #[test]
    fn a_clean_article_cleans_to_itself(text in page()) {
        let Some(r) = clean(&text) else { return Ok(()) };
        let Some(title) = r.title.clone() else { return Ok(()) };
        if r.body.is_empty() {
            return Ok(());
        }
        let again = clean(&format!("{title}\n{}\n", r.body.join("\n"))).unwrap();
        prop_assert!(again.removed.is_empty(), "{:?}", again.removed);
        prop_assert_eq!(again.body, r.body);
    }
}
