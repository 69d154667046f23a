//! Text dumps of whole pages, as renderers write them: the site's chrome around the
//! article, paragraphs hard-wrapped, a comment thread after it. Pages built around a
//! short story; the real dumps are scored by `scripts/render_dumps.py` and `.ci/run`.

mod common;

use common::NIGHT_BUSES;
use newsclean::{Page, Pipeline, Record};

fn clean(text: &str) -> Record {
    Pipeline::new().clean(&Page::new("dump", "dump.txt", text.as_bytes())).unwrap()
}

fn rule_of<'a>(record: &'a Record, text: &str) -> Option<&'a str> {
    record.removed.iter().find(|r| r.text == text).map(|r| r.rule)
}

const HEADLINE: &str = "Two night bus routes will serve the airport";

/// The masthead a news site's dump opens with: its name, a menu, a teaser.
const MASTHEAD: [&str; 6] =
    ["Millbrook Courier", "Home", "News", "Sports", "Weather", "School board delays vote on the new calendar"];

#[test]
fn the_headline_is_the_one_the_article_belongs_to_not_the_site_name() {
    let page = [&MASTHEAD[..], &[HEADLINE], &NIGHT_BUSES[..]].concat().join("\n");
    let record = clean(&page);
    assert_eq!(record.title.as_deref(), Some(HEADLINE));
    assert_eq!(record.body, NIGHT_BUSES);
    // Each line above the headline is removed, with a rule.
    for line in MASTHEAD {
        assert!(rule_of(&record, line).is_some(), "{line} kept");
    }
    assert_eq!(rule_of(&record, MASTHEAD[5]), Some("H002"));
}

#[test]
fn a_comment_count_in_the_masthead_ends_nothing() {
    // A blog's blurb (sentences, on another subject) and a comment count stand above the
    // post: the post is still the article, and the thread after its header is not.
    let blurb = "Getting there is half the fun, so the saying goes, and our travel team writes about it every week.";
    let comment =
        "I used to wait an hour for a taxi after my shift, so this is good news for all of us at the airport.";
    let page = [
        &MASTHEAD[..4],
        &[blurb, "580 comments", HEADLINE],
        &NIGHT_BUSES[..],
        &["Comments", "jane_r", "October 2, 2019 at 9:44 am", comment, "Reply"],
    ]
    .concat()
    .join("\n");
    let record = clean(&page);
    assert_eq!(record.body, NIGHT_BUSES, "{:?}", record.removed);
    assert!(rule_of(&record, blurb).is_some());
    assert_eq!(rule_of(&record, comment), Some("M002"));
}

#[test]
fn a_hard_wrapped_paragraph_is_read_whole() {
    // A text browser wraps each paragraph at a fixed width: its lines are read as one
    // paragraph, none of them a headline of its own, and each lands in the body.
    let wrapped: Vec<String> = NIGHT_BUSES
        .iter()
        .flat_map(|p| {
            let at = p[40..].find(' ').unwrap() + 40;
            [p[..at].to_owned(), p[at + 1..].to_owned(), String::new()]
        })
        .collect();
    let page = [MASTHEAD.join("\n"), String::new(), HEADLINE.to_owned(), String::new(), wrapped.join("\n")].join("\n");
    let record = clean(&page);
    let kept: Vec<&str> = wrapped.iter().map(String::as_str).filter(|l| !l.is_empty()).collect();
    assert_eq!(record.body, kept, "{:?}", record.removed);
    assert_eq!(record.title.as_deref(), Some(HEADLINE));
}

#[test]
fn a_long_masthead_goes_even_without_a_headline() {
    // Twenty lines of a portal's chrome and no headline line at all: what stands far
    // above the article's first paragraph, off its topic, is the masthead. (Nearer, a
    // dateline, a byline or a dek may stand: other rules judge those lines.)
    let sections = ["World", "Business", "Tech", "Science", "Health", "Arts", "Books", "Travel", "Food", "Style"];
    let masthead: Vec<String> = sections
        .iter()
        .flat_map(|s| [format!("{s} section"), format!("Latest {s} stories: our editors pick the week's best reads.")])
        .collect();
    let page = [masthead.join("\n"), NIGHT_BUSES.join("\n")].join("\n");
    let record = clean(&page);
    assert!(record.body[record.body.len() - 3..] == NIGHT_BUSES, "{:?}", record.body);
    for line in &masthead[1..masthead.len() - 16] {
        assert_eq!(rule_of(&record, line), Some("H002"), "{line}");
    }
}

/// More of the night bus story: with NIGHT_BUSES, sentences enough for a thread under it.
const MORE_BUSES: [&str; 2] = [
    "The county will pay for the first year of the service from its transit fund, and the airport will share the cost after that if the routes carry enough riders.",
    "Riders can pay with the same cards they use on the day buses, and tickets bought after ten at night will cost half the usual fare during the first month.",
];

/// A comment thread as renderers write one: name, time, comment, button, post by post.
fn thread(button: &str) -> Vec<String> {
    let comments = [
        ("jane_r", "October 2, 2019 at 9:44 am", "Good news for everyone who works the late shift at the terminal."),
        ("Marcus", "October 2, 2019 at 10:02 am", "Will the buses stop at the park and ride on the way?"),
        ("ellie", "October 2, 2019 at 11:15 am", "Thirty minutes is fine, as long as they run on time."),
    ];
    comments.iter().flat_map(|(name, time, text)| [name, time, text, button].map(|s| s.to_string())).collect()
}

#[test]
fn a_comment_thread_without_a_header_goes_from_its_first_name() {
    let body = [&NIGHT_BUSES[..], &MORE_BUSES[..]].concat();
    let page = [vec![HEADLINE.to_owned()], body.iter().map(|s| s.to_string()).collect(), thread("Reply")].concat();
    let record = clean(&page.join("\n"));
    assert_eq!(record.body, body, "{:?}", record.removed);
    assert_eq!(record.title.as_deref(), Some(HEADLINE));
    for line in thread("Reply") {
        assert_eq!(rule_of(&record, &line), Some("M011"), "{line}");
    }
}

#[test]
fn times_without_a_comment_s_button_or_header_head_an_article_s_own_list() {
    // A schedule of talks, each a time and a line: the same shape as a thread, but no
    // `Reply` and no comment header shows readers' comments.
    let body = [&NIGHT_BUSES[..], &MORE_BUSES[..]].concat();
    let page = [vec![HEADLINE.to_owned()], body.iter().map(|s| s.to_string()).collect(), thread("")].concat();
    let record = clean(&page.join("\n"));
    assert!(record.removed.iter().all(|r| r.rule != "M011"), "{:?}", record.removed);
}

#[test]
fn a_page_that_is_a_thread_from_its_top_keeps_its_posts() {
    // A forum page: the posts are its text, with no article above them to keep instead.
    let page = [vec![HEADLINE.to_owned()], thread("Reply"), thread("Reply")].concat();
    let record = clean(&page.join("\n"));
    assert!(record.removed.iter().all(|r| r.rule != "M011"), "{:?}", record.removed);
}

#[test]
fn numbered_posts_show_a_thread_without_a_button() {
    // `1`, `jane_r October 2, 2019 at 9:44 am`, a comment; `2`, ...: a theme that
    // numbers its comments shows no `Reply`, but posts counting up are comments.
    let body = [&NIGHT_BUSES[..], &MORE_BUSES[..]].concat();
    let posts: Vec<String> = thread("")
        .chunks(4)
        .enumerate()
        .flat_map(|(n, post)| [(n + 1).to_string(), format!("{} {}", post[0], post[1]), post[2].clone()])
        .collect();
    let page = [vec![HEADLINE.to_owned()], body.iter().map(|s| s.to_string()).collect(), posts.clone()].concat();
    let record = clean(&page.join("\n"));
    assert_eq!(record.body, body, "{:?}", record.removed);
    assert!(posts.iter().all(|line| rule_of(&record, line) == Some("M011")), "{:?}", record.removed);
}

#[test]
fn a_dump_that_opens_with_the_page_title_loses_the_masthead_under_it() {
    // Renderers that print `<title>` first (html_text, BeautifulSoup) put the headline
    // with the site's name above the masthead, and the headline again over the article:
    // what stands between is the masthead.
    let blurb = "Getting there is half the fun, so the saying goes, and our travel team writes about it every week.";
    let page = [
        &[format!("{HEADLINE} | Millbrook Courier").as_str()][..],
        &MASTHEAD[..],
        &[blurb, HEADLINE],
        &NIGHT_BUSES[..],
    ]
    .concat()
    .join("\n");
    let record = clean(&page);
    assert_eq!(record.body[1..], NIGHT_BUSES, "{:?}", record.removed);
    assert_eq!(rule_of(&record, blurb), Some("H002"));
    assert_eq!(rule_of(&record, MASTHEAD[5]), Some("H002"));
}

#[test]
fn a_footer_set_one_link_a_line_after_the_article_is_a_menu() {
    let footer = ["About us", "Contact", "Careers", "Advertise", "Privacy policy", "Terms of use"];
    let page = [&[HEADLINE][..], &NIGHT_BUSES[..], &footer[..]].concat().join("\n");
    let record = clean(&page);
    assert_eq!(record.body, NIGHT_BUSES, "{:?}", record.removed);
    for line in footer {
        assert_eq!(rule_of(&record, line), Some("M009"), "{line}");
    }
    // Three short lines after the article may be its own closing list: they stay.
    let credits = ["Night routes", "N1 Airport", "N2 University"];
    let page = [&[HEADLINE][..], &NIGHT_BUSES[..], &credits[..]].concat().join("\n");
    let record = clean(&page);
    assert!(credits.iter().all(|line| rule_of(&record, line) != Some("M009")), "{:?}", record.removed);
}

#[test]
fn a_blurb_on_the_topic_far_below_the_closed_article_does_not_reopen_it() {
    // After the tag line a sidebar's headlines, then one paragraph that shares the story's
    // words (an ad for the airport's transit pass): far from the article, alone, and
    // outweighed by the article, it does not resume it. Near the tag line it would.
    let teasers = [
        "Council approves budget for the new library",
        "High school team wins the state title",
        "Storm knocks out power on the east side",
        "Farmers market moves to Saturday mornings",
        "Police seek witnesses to a downtown crash",
        "New bakery opens on Main Street",
        "Museum extends its summer hours",
        "Road work closes the bridge this weekend",
        "Library adds a maker space for teens",
    ];
    let ad = "Night bus routes to the airport run every 30 minutes until 5 a.m.: airport workers, hospital shifts and university staff save on a transit pass with the union.";
    let footer = ["About us", "Contact", "Privacy policy"];
    let far = [&[HEADLINE], &NIGHT_BUSES[..], &["Tags: Transit, Airport"], &teasers[..], &[ad], &footer[..]].concat();
    let record = clean(&far.join("\n"));
    assert_eq!(record.body, NIGHT_BUSES, "{:?}", record.removed);
    assert_eq!(rule_of(&record, ad), Some("M002"));
    let near = [&[HEADLINE], &NIGHT_BUSES[..], &["Tags: Transit, Airport"], &teasers[..2], &[ad], &footer[..]].concat();
    let record = clean(&near.join("\n"));
    assert!(record.body.iter().any(|p| p == ad), "{:?}", record.removed);
}

#[test]
fn a_bulleted_sidebar_goes_and_the_articles_own_bulleted_list_stays() {
    // Text browsers set a list's items after a bullet. Headlines in Title Case after the
    // article are a sidebar's; items in sentence case are as likely the article's own.
    let own = ["• Buses leave the terminal every half hour at night", "• Tickets cost the same as by day"];
    let sidebar = [
        "• Council Approves Budget for the New Library",
        "• High School Team Wins the State Title",
        "• Storm Knocks Out Power on the East Side",
    ];
    let page = [&[HEADLINE], &NIGHT_BUSES[..], &own[..], &sidebar[..]].concat().join("\n");
    let record = clean(&page);
    assert_eq!(record.body, [&NIGHT_BUSES[..], &own[..]].concat(), "{:?}", record.removed);
    for line in sidebar {
        assert_eq!(rule_of(&record, line), Some("T004"), "{line}");
    }
}
