//! Each rule has a minimal fixture `fixtures/rules/<CODE>-<name>.txt` that shows its code;
//! the golden test pins on which block. This test keeps the list and the fixtures in step,
//! and pins the rules' behaviour on pages built around a short story.

mod common;

use common::{html_paragraphs, ELDER_CARE};
use newsclean::rules::RULES;
use newsclean::{Page, Pipeline};
use std::fs;

#[test]
fn every_rule_has_a_fixture_that_shows_its_code() {
    let pipeline = Pipeline::new();
    for rule in RULES.iter().filter(|r| r.code != "B001") {
        let ext = if rule.code.starts_with('X') { "html" } else { "txt" };
        let path = format!("fixtures/rules/{}-{}.{ext}", rule.code, rule.name);
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let page = Page::new(rule.code, path.clone(), &bytes);
        let record = pipeline.clean(&page).unwrap();
        let shown = match rule.code {
            "I001" => !record.images.is_empty(),
            "G001" => !record.tags.is_empty(),
            code => record.removed.iter().any(|r| r.rule == code),
        };
        assert!(shown, "{path} does not show {}", rule.code);
        // Only the rule under test, the end marker M002 needs and the byline that names
        // the author M010 needs, remove anything (on HTML pages the chrome around the
        // article goes too).
        for r in record.removed.iter().filter(|r| r.rule != "X001") {
            assert!(
                r.rule == rule.code
                    || (rule.code == "M002" && r.rule == "M001")
                    || (rule.code == "M010" && r.rule == "H001")
                    || (rule.code == "T005" && r.rule == "T001"),
                "{path}: {}",
                r.rule
            );
        }
    }
}

#[test]
fn the_batch_rule_shows_in_its_batch_fixture() {
    // B001 needs several pages: its fixture is a folder cleaned as one batch.
    let expected = fs::read_to_string("fixtures/batch/site-boilerplate/page1.json").unwrap();
    assert_eq!(expected.matches("\"rule\": \"B001\"").count(), 3);
}

#[test]
fn clean_pages_lose_nothing() {
    let pipeline = Pipeline::new();
    for name in ["zh-clean-blank-lines", "zh-clean-qa", "zh-poem-layout", "en-clean"] {
        let path = format!("fixtures/text/{name}.txt");
        let bytes = fs::read(&path).unwrap();
        let record = pipeline.clean(&Page::new(name, path, &bytes)).unwrap();
        assert!(record.removed.is_empty(), "{name}: {:?}", record.removed);
        assert!(record.lead.is_none() && record.images.is_empty(), "{name}");
    }
}

#[test]
fn readme_lists_every_rule() {
    let readme = fs::read_to_string("README.md").unwrap();
    for rule in &RULES {
        assert!(readme.contains(&format!("| {} | {} |", rule.code, rule.name)), "README lacks {}", rule.code);
    }
}

#[test]
fn comments_stay_out_after_a_related_list_too() {
    // The comments talk about the story, so each would resume the article after a
    // related list's header; a comment header ends it for good, wherever it stands.
    let story = [
        "Millbrook County will run two new night bus routes to the airport starting October 1, the transit authority said.",
        "The routes will leave downtown and the east side every 30 minutes between 11 p.m. and 5 a.m., when airport crews change shifts.",
        "Airport workers and their union had asked for the night bus service for two years, and a state grant will pay for it.",
    ];
    let comments = [
        "About time. My sister works the overnight airport shift and has paid for a cab every night because there was no bus.",
        "Every 30 minutes at night is better than I expected from the transit authority; the airport workers deserve the routes.",
    ];
    let p = |t: &str| format!("<p>{t}</p>");
    let html = format!(
        "<html><head><title>County adds night bus routes</title></head><body><div class=\"page\">\
         <h1>County adds night bus routes</h1>{}<h3>Related</h3><p><a href=\"/a\">Parking fees rise downtown</a></p>\
         <h3>2 Comments</h3>{}</div></body></html>",
        story.map(p).concat(),
        comments.map(p).concat()
    );
    let record = Pipeline::new().clean(&Page::new("comments", "comments.html", html.as_bytes())).unwrap();
    assert_eq!(record.body, story);
}

#[test]
fn a_paragraph_that_trails_off_is_no_teaser() {
    let story = html_paragraphs(&ELDER_CARE);
    let trailing = "标准出台后，不少老人打来电话询问。大家最关心的，还是什么时候能用上这些服务……";
    let teaser = "外省多地近日密集出台新规 楼市调控再加码……";
    let html = format!(
        "<html><head><title>养老服务有了地方标准</title></head><body><div class=\"content\"><h1>养老服务有了地方标准</h1>{story}<p>{trailing}</p><p>{teaser}</p></div></body></html>"
    );
    let record = Pipeline::new().clean(&Page::new("trails", "trails.html", html.as_bytes())).unwrap();
    assert!(record.body.iter().any(|b| b == trailing), "{:?}", record.body);
    assert!(!record.body.iter().any(|b| b == teaser), "{:?}", record.body);
}

#[test]
fn a_label_set_vertically_is_navigation() {
    let story = ELDER_CARE.join("\n");
    let page = format!("养老服务有了地方标准\n今\n日\n推\n荐\n{story}\n");
    let record = Pipeline::new().clean(&Page::new("vertical", "vertical.txt", page.as_bytes())).unwrap();
    assert_eq!(record.body.len(), 3, "{:?}", record.body);
    let removed: Vec<(&str, &str)> = record.removed.iter().map(|r| (r.text.as_str(), r.rule)).collect();
    assert_eq!(removed, [("今", "M009"), ("日", "M009"), ("推", "M009"), ("荐", "M009")]);
}
