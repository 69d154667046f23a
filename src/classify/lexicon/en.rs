//! English: the words furniture lines are written in, in a line's normalised form
//! (width-folded, lowercase, no spaces: `readmore`, `sharethis`).
//!
//! Entries are alternatives of the classifier's patterns; some carry the pattern's own
//! marks for an ending or an anchor (`relatedarticles?`, `^followus`, `leaveacomment[.!]?$`).

/// Headers that open a list of other articles or the comments, normalised (`readmore`,
/// `youmayalsolike`, `12comments`, `tags`).
pub const RELATED_HEADERS: &[&str] = &[
    "related",
    "relatedarticles?",
    "relatedstories",
    "relatednews",
    "relatedcoverage",
    "relatedcontent",
    "relatedposts",
    "relatedlinks",
    "readmore",
    "readnext",
    "moretoread",
    "morenews",
    "more[a-z]{0,30}(?:stories|articles|videos|headlines)",
    "moreonthis",
    // A list's header naming the site (`Related Stories on 9to5Mac`, `Latest News from
    // Reuters`). (`Also on HuffPost:` is left: `Also on the ballot:` opens an article's list.)
    "(?:related|recent|popular|latest|top)(?:stories|articles|posts|news|videos|headlines)(?:on|from|at)[a-z0-9.]{1,30}",
    "morefrom[a-z0-9]{1,30}",
    "youmayalsolike",
    "youmightalsolike",
    "recommended",
    "recommendedforyou",
    "recommendedstories",
    "mostread",
    "mostpopular",
    "mostviewed",
    "trending",
    "trendingnow",
    "whattoreadnext",
    "furtherreading",
    "explorefurther",
    "seealso",
    "seemore(?:photos|pictures|images|videos|stories)?",
    "alsoread",
    "comments?",
    "[0-9]{1,6}(?:comments?|responses?|thoughts?|repl(?:y|ies))",
    "leaveacomment",
    "(?:post|add)acomment",
    // A thread's count of itself with the post's title (`10 thoughts on “Title”`, `38
    // comments to Title?`): quoted, or a title without a sentence's stops (`12 responses to
    // the survey came in.` is prose).
    "(?:[0-9]{1,6}|one)(?:thoughts?|responses?|repl(?:y|ies)|comments?)(?:on|to)(?:[“\"‘'«].*|[^.。,，;；]+)",
    // WordPress's Thesis theme: `{ 7 comments… read them below or add one }`.
    r"\{(?:[0-9]{1,6}|one)comments?(?:…|\.\.\.)read.*",
    "leaveareply",
    "no(?:comments|responses)(?:yet)?",
    "(?:show|view|load|see|read)(?:all|the)?comments",
    "abouttheauthor",
    "sponsoredlinks",
    "sponsoredstories",
    "promotedstories",
    "aroundtheweb",
    "fromtheweb",
    "tags",
    "topics",
    "categories",
    "labels",
    // A blog's sidebar widgets, which text dumps set after the post.
    "recent(?:posts|entries|articles|comments)",
    "(?:popular|latest)posts",
    "(?:blog)?archives?",
    "blogroll",
];

/// Labels of a tag line (`Tags: City Council`), matched without regard to case.
pub const TAG_LABELS: &[&str] = &["tags?", "labels", "keywords?", "topics", r"filed\s+under", "categor(?:y|ies)"];

/// A lone link to the rest of the story, normalised (`continuereading`, `related…:`).
pub const LINK_LABELS: &[&str] = &[
    ">>",
    r"more[a-z0-9]{1,20}:(?:https?://|www\.)",
    "related[a-z]{0,15}[:：]",
    "readthefull(?:story|article|report)",
    "continuereading",
    "watch[:：]",
];

/// A blog's trackback link, labelled in English on Chinese blogs too.
pub const TRACKBACK: &[&str] = &["trackback"];

/// Prompts to share, follow, subscribe or comment, and ad banners, normalised
/// (`sharethis`, `followuson`, `signupfor…newsletter`, `continuesbelowadvertisement`).
pub const SHARE_PROMPTS: &[&str] = &[
    "^sharethis",
    "^shareon",
    "^shareto",
    "^share(via|by)",
    "^followuson",
    "^followus",
    "^signupfor.*newsletter",
    "^subscribeto(?:our|the|keepreading|continue|read)",
    "^subscribenow",
    "^alreadyasubscriber",
    "^clickheretosubscribe",
    "^advertisement-",
    "^(?:have|got)a[a-z]{0,20}tip",
    "^(?:sponsoredby|promotedby|paidcontentby|paidforby)[a-z0-9]+$",
    "deliveredto(?:your)?inbox",
    "leaveacomment[.!]?$",
    "^clickhereto(?:read|see|view|continue)",
    "thecommentsbelow[.!]?$",
    "^(?:shareyourthoughts|tellus|letusknow)[a-z]{0,20}inthecomments",
    "continuesbelowadvertisement",
    "^scrolltocontinue",
    "^storycontinuesbelow",
    "^continuereadingthemainstory",
    "^clickto(?:share|email|print)",
    r"\(opensinnewwindow\)$",
    "^skiptocontent",
    "trackback",
    "^follow.*on(?:twitter|facebook|instagram|linkedin)",
    "^likethis:?$",
    "^likeloading",
    "^sharingiscaring",
    "^(?:emailthis)?blogthis!",
];

/// Editors' credit labels before a colon, normalised (`editor:`).
pub const CREDIT_LABELS: &[&str] = &["editor", "translator"];

/// Credit lines by their opening, normalised (`editedby`, `reportingby`).
pub const CREDIT_OPENINGS: &[&str] = &["editedby", "editingby", "reportingby", "additionalreportingby"];

/// A contributor's credit anywhere in a line, normalised.
pub const CONTRIBUTOR_CREDITS: &[&str] = &["contributedtothis(?:report|story|article)", "contributedreporting"];

/// The label of a source line (`Source: Reuters`), matched without regard to case.
pub const SOURCE_LABELS: &[&str] = &["source"];

/// Copyright and disclaimer wording, normalised (`allrightsreserved`, `^copyright`).
pub const DISCLAIMERS: &[&str] = &[
    "allrightsreserved",
    "^copyright",
    "thismaterialmaynotbepublished",
    "thisdocumentissubjecttocopyright",
    "^citation.+retrieved.+from",
];

/// Phrases by which a site disowns what it carries, as written (`All rights reserved`).
pub const DISOWNING: &[&str] =
    &["provides information storage service", "is subject to copyright", "All rights reserved", "all rights reserved"];

/// Links to the previous or next article, normalised (`previousarticle`, `next:`).
pub const PREV_NEXT: &[&str] = &[
    "previousarticle",
    "nextarticle",
    "previouspost",
    "nextpost",
    "previousstory",
    "nextstory",
    "(?:previous|next|prev)[:：]",
];

/// Lines that stand for a picture, normalised (`photo`, `filephoto`).
pub const IMAGE_PLACEHOLDERS: &[&str] = &["photo", "image", "filephoto", "picture", "video"];

/// A picture's credit opening a line, normalised (`photo:`, `imagecredit`).
pub const IMAGE_CREDITS: &[&str] = &[
    "photo:",
    "photoby",
    "photograph:",
    "image:",
    "imagecredit",
    "imagecaption",
    "imagesource",
    "imagevia",
    "picture:",
    "credit:",
    "photocredit",
];

/// Photo agencies named anywhere in a caption's credit, normalised.
pub const PHOTO_AGENCIES: &[&str] = &["gettyimages", "shutterstock", "apphoto"];

/// What a page counts of itself, after the number, normalised (`1,234views`).
pub const COUNT_UNITS: &[&str] = &["views", "comments", "reads", "likes"];

/// A video player's controls as its text reads them (video.js), normalised.
pub const PLAYER_CONTROLS: &[&str] = &[
    "playvideo",
    "play",
    "pause",
    "mute",
    "unmute",
    "fullscreen",
    "non-fullscreen",
    "streamtypelive",
    "thisisamodalwindow.",
    "captionsoff,selected",
    "subtitlesoff,selected",
    "descriptionsoff,selected",
    "captionssettings",
    "audiotrack",
    "chapters",
    "beginningofdialogwindow.escapewillcancelandclosethewindow.",
    "endofdialogwindow.",
];

/// The words of a pager or a result count (`Page 1 of 3`, `« Prev 1 2 3 Next »`).
pub const PAGER_WORDS: &[&str] =
    &["page", "of", "showing", "results", "items", "next", "previous", "prev", "first", "last", "«", "»", "…"];
