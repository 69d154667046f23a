//! The record's metadata on pages built around a short story: the title, the date, the
//! author, the site, the tags, the language and the images' addresses, each chosen among
//! the places a page states it (its markup, its date and byline lines, its address).

mod common;

use common::{html_paragraphs, ELDER_CARE, NIGHT_BUSES};
use newsclean::{Page, Pipeline};

#[test]
fn the_date_line_and_the_closing_credit_name_the_author() {
    let story = html_paragraphs(&ELDER_CARE);
    let teasers: String = (1..=10).map(|i| format!("<li><a href=\"/n{i}\">本市第{i}条热点新闻标题</a></li>")).collect();
    // The portal's date line stands above a list of links longer than AUTHOR_WINDOW.
    let page = |credit: &str| {
        format!(
            "<html><head><title>养老服务有了地方标准</title></head><body><div>时间：2021年11月25日16:26 作者：郭励弘</div>\
             <ul class=\"hot\">{teasers}</ul><div class=\"content\">{story}{credit}</div></body></html>"
        )
    };
    let clean = |html: String| Pipeline::new().clean(&Page::new("author", "author.html", html.as_bytes())).unwrap();
    let record = clean(page(""));
    assert_eq!(record.published.as_deref(), Some("2021-11-25T16:26:00"));
    assert_eq!(record.author.as_deref(), Some("郭励弘"));
    // Where the markup states the date, a date line by the article still names its poster.
    let posted = format!(
        "<html><head><meta property=\"article:published_time\" content=\"2023-03-12T13:08:03+08:00\"></head><body>\
         <div class=\"info\">Jeremy Tsheng 于 2023-03-12 13:08:03 发布</div><div class=\"content\">{story}</div></body></html>"
    );
    assert_eq!(clean(posted).author.as_deref(), Some("Jeremy Tsheng"));
    // A credit ending the article is nearer than the date line, and stays in the body.
    let record = clean(page("<p>记者 刘涛</p>"));
    assert_eq!(record.author.as_deref(), Some("刘涛"));
    assert_eq!(record.body.last().map(String::as_str), Some("记者 刘涛"));
}

#[test]
fn a_byline_in_the_title_is_no_site_name() {
    let story = html_paragraphs(&NIGHT_BUSES);
    let html = format!(
        "<html><head><title>Night buses to the airport | by Jane Doe | Riverton Daily</title>\
         <meta name=\"author\" content=\"Jane Doe\"></head><body><article><h1>Night buses to the airport</h1>{story}</article></body></html>"
    );
    let record = Pipeline::new().clean(&Page::new("title", "title.html", html.as_bytes())).unwrap();
    assert_eq!(record.author.as_deref(), Some("Jane Doe"));
    // A user name in the meta yields to the name the byline writes out, and stands alone.
    let page = |byline: &str| {
        format!(
            "<html><head><meta name=\"author\" content=\"jdoe\"></head><body><article><h1>Night buses to the airport</h1>\
             {byline}{story}</article></body></html>"
        )
    };
    let author =
        |html: String| Pipeline::new().clean(&Page::new("handle", "handle.html", html.as_bytes())).unwrap().author;
    assert_eq!(author(page("<p class=\"byline\">By Jane Doe</p>")).as_deref(), Some("Jane Doe"));
    assert_eq!(author(page("")).as_deref(), Some("jdoe"));
}

#[test]
fn image_addresses_resolve_against_the_page() {
    let story = html_paragraphs(&NIGHT_BUSES);
    let page = |head: &str| {
        format!(
            "<html><head>{head}<link rel=\"canonical\" href=\"https://news.example/2024/03/buses.html\"></head><body><article>\
             <h1>Night buses to the airport</h1><figure><img src=\"../img/bus.jpg\"><figcaption>A night bus</figcaption></figure>{story}</article></body></html>"
        )
    };
    let src = |html: String| {
        let record = Pipeline::new().clean(&Page::new("img", "img.html", html.as_bytes())).unwrap();
        record.images.iter().find_map(|i| i.src.clone())
    };
    assert_eq!(src(page("")).as_deref(), Some("https://news.example/2024/img/bus.jpg"));
    assert_eq!(src(page("<base href=\"https://cdn.example/a/\">")).as_deref(), Some("https://cdn.example/img/bus.jpg"));
}

#[test]
fn the_headline_shown_above_the_article_names_a_page_its_markup_does_not() {
    let story = html_paragraphs(&ELDER_CARE);
    let page = |above: &str| {
        format!(
            "<html><body><div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/ms\">民生</a></div>\
             <div>{above}</div><div>2024年3月18日 10:05 来源：江城日报</div><div class=\"content\">{story}</div></body></html>"
        )
    };
    let title = |html: String| Pipeline::new().clean(&Page::new("t", "t.html", html.as_bytes())).unwrap().title;
    assert_eq!(title(page("本市发布四项养老服务地方标准")).as_deref(), Some("本市发布四项养老服务地方标准"));
    // A navigation trail or a link's count is no headline.
    assert_eq!(title(page("首页 -> 民生 -> 正文")), None);
    assert_eq!(title(page("养老服务热点问答(12)")), None);
    // Where `<title>` alone names it, the part the page shows above the article.
    let titled = page("养老新规").replace("<html>", "<html><head><title>养老新规-江城民生新闻网</title></head>");
    let record = Pipeline::new().clean(&Page::new("t", "t.html", titled.as_bytes())).unwrap();
    assert_eq!((record.title.as_deref(), record.site.as_deref()), (Some("养老新规"), Some("江城民生新闻网")));
}

#[test]
fn keywords_and_tag_lines_give_each_tag_once() {
    let story = html_paragraphs(&ELDER_CARE);
    let html = format!(
        "<html><head><title>本市发布四项养老服务地方标准_民生_江城网</title>\
         <meta name=\"keywords\" content=\"本市发布四项养老服务地方标准,养老 医养结合\"></head>\
         <body><article><h1>本市发布四项养老服务地方标准</h1>{story}<p>标签：养老 地方标准</p></article></body></html>"
    );
    let record = Pipeline::new().clean(&Page::new("tags", "tags.html", html.as_bytes())).unwrap();
    assert_eq!(record.tags, ["养老", "医养结合", "地方标准"]);
}

#[test]
fn an_agency_named_as_the_author_keeps_its_last_paragraph() {
    let text = format!(
        "Night buses to the airport start next month\nBy Reuters\n{}\nReuters could not independently verify the schedule, which the county posted on Tuesday.\n",
        NIGHT_BUSES.join("\n")
    );
    let record = Pipeline::new().clean(&Page::new("agency", "agency.txt", text.as_bytes())).unwrap();
    assert_eq!(record.author.as_deref(), Some("Reuters"));
    assert!(record.body.last().is_some_and(|b| b.starts_with("Reuters could not")), "{:?}", record.body);
}

#[test]
fn stacked_credit_lines_name_every_writer() {
    let story = ELDER_CARE.join("\n");
    let author = |credits: &str| {
        let text = format!("养老服务有了地方标准\n{credits}\n{story}\n");
        Pipeline::new().clean(&Page::new("credits", "credits.txt", text.as_bytes())).unwrap().author
    };
    assert_eq!(author("本报实习生 刘国栋 周炜\n本报记者 王燕平").as_deref(), Some("刘国栋 周炜 王燕平"));
    // A correspondent's line is not a writer's.
    assert_eq!(author("本报记者 王燕平\n通讯员 李大华").as_deref(), Some("王燕平"));
}

#[test]
fn the_byline_the_markup_marks_names_the_author() {
    let story = [
        "Millbrook County will run two new night bus routes to the airport starting October 1, officials said on Tuesday.",
        "The routes follow a petition signed by 4,000 airport workers whose shifts begin before the first morning bus.",
        "Buses will run every 30 minutes between midnight and 5 a.m., and fares will match the daytime ones.",
    ];
    let p = |t: &str| format!("<p>{t}</p>");
    // Columnists in a sidebar far above, a box about the author beside the byline.
    let columnists: String =
        (1..=30).map(|i| format!("<li><span class=\"byline\">Columnist Number{i}</span></li>")).collect();
    let page = |byline: &str| {
        format!(
            "<html><head><title>Night buses to the airport</title></head><body><ul class=\"columns\">{columnists}</ul>\
             <h1>Night buses to the airport</h1><div class=\"author\">{byline}<div class=\"author-title\">Transport Editor</div></div>\
             <div class=\"story\">{}</div></body></html>",
            story.map(p).concat()
        )
    };
    let author = |byline: &str| {
        let html = page(byline);
        Pipeline::new().clean(&Page::new("byline", "byline.html", html.as_bytes())).unwrap().author
    };
    assert_eq!(author(r#"<a rel="author" href="/jane">Jane Doe</a>"#).as_deref(), Some("Jane Doe"));
    assert_eq!(
        author(r#"<p class="byline">By <a rel="author">Jane Doe</a> and <a rel="author">John Smith</a> Tuesday, May 3, 2016</p>"#)
            .as_deref(),
        Some("Jane Doe and John Smith")
    );
    assert_eq!(
        author(r#"<span class="byline"><em class="byline__by">By</em> Jane Doe</span>"#).as_deref(),
        Some("Jane Doe")
    );
    // A plain `author` class is the author's box, not a byline: nothing there names one.
    assert_eq!(author("<span>Follow</span>"), None);
    // A link to the author's page on the site names the author, when its text is the name.
    assert_eq!(author(r#"<a href="/author/jane-doe/">Jane Doe</a>"#).as_deref(), Some("Jane Doe"));
    assert_eq!(author(r#"<a href="https://news.example/author/jdoe">Jane Doe</a>"#).as_deref(), Some("Jane Doe"));
    assert_eq!(author(r#"<a href="/author/profile/1709/jane-doe">More From This Author</a>"#), None);
}

#[test]
fn a_date_labelled_as_an_update_is_not_the_publication_date() {
    let story = html_paragraphs(&ELDER_CARE[..2]);
    let page = |lines: &str| {
        format!("<html><head><title>养老服务有了地方标准</title></head><body>{lines}<div>{story}</div></body></html>")
    };
    let published =
        |html: String| Pipeline::new().clean(&Page::new("updated", "updated.html", html.as_bytes())).unwrap().published;
    // The update stands nearer the article: the publication date still counts.
    let both = page("<div><span>2021-11-25 16:26:53</span></div><div>最后更新: 2021-11-26 09:14:21</div>");
    assert_eq!(published(both).as_deref(), Some("2021-11-25T16:26:53"));
    // So when the update's line is the article's own first line.
    let inside = format!(
        "<html><head><title>养老服务有了地方标准</title></head><body><div><span>2021-11-25 16:26:53</span></div>\
         <div><p>最后更新: 2021-11-26 09:14:21</p>{story}</div></body></html>"
    );
    assert_eq!(published(inside).as_deref(), Some("2021-11-25T16:26:53"));
    // Alone, the update's date is the best the page gives.
    let update = page("<div>最后更新: 2021-11-26 09:14:21</div>");
    assert_eq!(published(update).as_deref(), Some("2021-11-26T09:14:21"));
    // With no date line, the day the page's address files it under.
    let filed = page("")
        .replace("<head>", r#"<head><link rel="canonical" href="https://news.example.cn/2021-11/25/c_1128101.htm">"#);
    assert_eq!(published(filed).as_deref(), Some("2021-11-25"));
    // The markup's day, with the time the page's date line gives that day.
    let day = |line: &str| {
        page(line).replace("<head>", r#"<head><meta property="article:published_time" content="2021-11-25">"#)
    };
    assert_eq!(published(day("<div>2021-11-25 16:26</div>")).as_deref(), Some("2021-11-25T16:26:00"));
    assert_eq!(published(day("<div>2021-11-24 16:26</div>")).as_deref(), Some("2021-11-25"));
}

#[test]
fn the_body_s_script_overrules_a_template_s_language() {
    let story = html_paragraphs(&ELDER_CARE[..2]);
    let language = |lang: &str| {
        let html = format!(
            "<html lang=\"{lang}\"><head><title>养老服务有了地方标准</title></head><body>{story}</body></html>"
        );
        Pipeline::new().clean(&Page::new("lang", "lang.html", html.as_bytes())).unwrap().language
    };
    assert_eq!(language("en"), "zh");
    assert_eq!(language("zh-CN"), "zh");
    // Which Chinese-script language the markup names, it says better than the script.
    assert_eq!(language("ja"), "ja");
}
