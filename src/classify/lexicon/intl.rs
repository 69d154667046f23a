//! The other languages read (German, French, Spanish, Portuguese, Italian, Dutch,
//! Indonesian, Russian): the words furniture lines are written in, in a line's
//! normalised form (`weiterlesen`, `lirelasuite`, `bacaselengkapnya`).
//!
//! Entries are alternatives of the classifier's patterns.

/// A lone link to the rest of the story, normalised (`weiterlesen`, `lirelasuite`).
pub const LINK_LABELS: &[&str] =
    &["continúaleyendo", "sigueleyendo", "weiterlesen", "lirelasuite", "bacaselengkapnya", "continuaaler"];

/// Editors' credit labels before a colon, normalised (`redaktion:`, `редактор:`).
pub const CREDIT_LABELS: &[&str] =
    &["redaktion", "redaksi", "redacción", "rédaction", "redação", "redazione", "редактор"];

/// Labels of a source line, matched without regard to case (`Quelle:`, `Fuente:`).
pub const SOURCE_LABELS: &[&str] = &["fuente", "quelle", "sumber", "fonte", "bron"];

/// Labels of a source line in scripts whose case the pattern spells out (`Источник:`).
pub const SOURCE_LABELS_CASED: &[&str] = &["[Ии]сточник"];

/// Copyright wording, normalised (`^hakcipta`).
pub const DISCLAIMERS: &[&str] = &["^hakcipta", "^©"];

/// A picture's credit opening a line, normalised (`foto: …`, `bild: …`).
pub const IMAGE_CREDITS: &[&str] = &["fotos?:.", "bild:.", "créditphoto:.", "фото:."];

/// WordPress's like and share labels (`Like this:`, `Like Loading...`, `Share this:`) in
/// other languages, normalised, without the colon or dots after them: exact lines, as
/// alternatives of `share_en` they slowed every line it reads.
pub const LIKE_AND_SHARE_LABELS: &[&str] = &[
    "sukaiini",
    "sukamemuat",
    "bagikanini",
    "megustaesto",
    "megustacargando",
    "compartiresto",
    "j'aimececi",
    "j'aimechargement",
    "partagerceci",
    "partager",
    "gefälltmir",
    "gefälltmirwirdgeladen",
    "teilenmit",
    "curtirisso",
    "curtircarregando",
    "compartilheisso",
    "compartilhe",
    "mipiace",
    "mipiacecaricamento",
    "condividi",
    "vindikleuk",
    "delen",
];

/// RELATED_HEADERS in other languages, normalised: a header alone (`Berita Terkait`) or a
/// label before a link (`Baca juga: …`). A list read in code, not more alternatives in
/// the two patterns that hold RELATED_HEADERS: with these in both, the patterns took 8 M
/// more instructions to compile at every start. WordPress's related posts print
/// `Related` in the site's language (`Terkait`, `Relacionado`, `Correlati`, …); a longer
/// word stands before a word it starts with.
pub const RELATED_WORDS_ELSEWHERE: &[&str] = &[
    "関連記事",
    "関連ニュース",
    "관련기사",
    "관련뉴스",
    "เรื่องที่เกี่ยวข้อง",
    "ข่าวที่เกี่ยวข้อง",
    "tinliênquan",
    "bàiviếtliênquan",
    "مقالاتذاتصلة",
    "اقرأأيضا",
    "terkait",
    "relacionados",
    "relacionado",
    "relacionadas",
    "ähnlichebeiträge",
    "similaire",
    "correlati",
    "gerelateerd",
    "похожее",
    "bacajuga",
    "bacapula",
    "lihatjuga",
    "simakjuga",
    "tontonjuga",
    "artikelterkait",
    "beritaterkait",
    "terpopuler",
    "leiatambém",
    "leiamais",
    "vejatambém",
    "artigosrelacionados",
    "notíciasrelacionadas",
    "maislidas",
    "lesensieauch",
    "mehrzumthema",
    "verwandteartikel",
    "ähnlicheartikel",
    "meistgelesen",
    "lireaussi",
    "àlireaussi",
    "voiraussi",
    "surlemêmesujet",
    "articlessimilaires",
    "lespluslus",
    "leetambién",
    "leertambién",
    "vertambién",
    "artículosrelacionados",
    "noticiasrelacionadas",
    "lomásleído",
    "másleídas",
    "leggianche",
    "articolicorrelati",
    "piùletti",
    "leesook",
    "gerelateerdeartikelen",
    "meestgelezen",
    "читайтетакже",
    "смотритетакже",
    "похожиестатьи",
    "самоечитаемое",
];

/// A count of views or comments, the words around the number, normalised (`vistoveces`,
/// `aufrufe`, `commentaires`, `просмотров`).
pub const COUNT_WORDS: &[&str] = &[
    "vistoveces",
    "visitas",
    "vistas",
    "visualizações",
    "leituras",
    "aufrufe",
    "vues",
    "lectures",
    "visualizzazioni",
    "letture",
    "dilihat",
    "dilihatkali",
    "kalidibaca",
    "просмотров",
    "просмотра",
    "comentarios",
    "comentários",
    "kommentare",
    "commentaires",
    "commenti",
    "komentar",
    "комментариев",
];
