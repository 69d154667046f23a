//! Properties over generated pages: lines from real-looking articles and noise, in
//! random order and layout. Every non-blank line lands in exactly one place; cleaning is
//! deterministic; cleaning a record's own title and body again removes nothing.

use newsclean::{Page, Pipeline, Record};
use proptest::prelude::*;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::new);

const LINES: [&str; 16] = [
    "江城启动旧城区雨污分流改造工程",
    "本报讯 记者从江城市住房和城乡建设局获悉，旧城区雨污分流改造工程日前正式启动，计划用三年时间完成改造。",
    "据介绍，江城老城区排水管网大多建于上世纪八九十年代，雨水和污水共用一套管道，每逢强降雨就溢流。",
    "按照改造方案，工程将分三批实施，第一批覆盖人口最密集的东门、南湖两个片区，预计明年汛期前完工。",
    "一、施工安排",
    "记者：施工期间交通怎么办？",
    "本报讯 记者从江城市住房和城乡建设局获悉，旧城区雨污分流...",
    "(资料图)",
    "标签：雨污分流 老城区",
    "相关阅读",
    "河北省第八届梅花鉴赏节在安平举行",
    "债券品种为小公募，拟发行金额20亿元，发行人为某置业有限公司，更...",
    "格隆汇3月26日丨某科技公司发布首次公开发行股票网上申购情况公告",
    "1、首先打开手机设置，在页面上面点击账号登录按钮……",
    "The city council voted on Tuesday night to build protected bike lanes along four downtown streets.",
    "Share this article",
];

fn page() -> impl Strategy<Value = String> {
    (prop::collection::vec((0..LINES.len(), any::<bool>(), any::<bool>()), 0..24), any::<bool>()).prop_map(
        |(lines, crlf)| {
            let eol = if crlf { "\r\n" } else { "\n" };
            lines
                .into_iter()
                .map(|(i, blank, indent)| {
                    format!(
                        "{}{}{eol}{}",
                        if indent { "\u{3000}\u{3000}" } else { "" },
                        LINES[i],
                        if blank { eol } else { "" }
                    )
                })
                .collect()
        },
    )
}

fn clean(text: &str) -> Option<Record> {
    PIPELINE.clean(&Page::new("p", "p.txt", text.as_bytes())).ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

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
