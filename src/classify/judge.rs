//! The judgement of a block that is neither the title, furniture nor the article's
//! core, by where it stands (before the article, inside it, after it, after noise) and
//! what it measures (its shape, its topic overlap, a cut-off mark): a metadata line
//! before the article, another article's teaser or headline, or the article's own.

use super::*;

impl Classifier {
    /// Before the article or near its title, a metadata line (H001): a date line, a
    /// byline, a time stamp, a bare label or the site's address. What it states, and the
    /// reason for its removal.
    pub(super) fn head_metadata(&self, text: &str, f: &Features, context: Context) -> Option<(Stated, String)> {
        if !(context.place == Region::Head || context.near_title) || f.truncated.is_some() {
            return None;
        }
        if let Some(date) = self.facts.dates.metadata_date(text) {
            let reason = format!("date line ({})", date.describe());
            let author = self.facts.bylines.author_in(text);
            let site = self.facts.bylines.source_in(text);
            return Some((Stated { date: Some(date), author, site }, reason));
        }
        if let Some(author) = self.facts.bylines.byline(text) {
            let reason = format!("byline ({author})");
            return Some((Stated { author: Some(author), ..Stated::default() }, reason));
        }
        let reason = if self.facts.dates.is_stamp_line(text) {
            "time stamp without a year"
        } else if is_bare_label(text) {
            "byline or source label without its value"
        } else if is_bare_domain(text) {
            "the site's address alone"
        } else {
            return None;
        };
        Some((Stated::default(), reason.to_owned()))
    }

    /// Labels a block that is neither the title, furniture, core, nor a metadata line
    /// before the article. `tail_noise`: the line where noise began after the article.
    pub(super) fn judge(
        &self,
        text: &str,
        f: &Features,
        overlap: Option<f64>,
        context: Context,
        tail_noise: Option<usize>,
    ) -> Label {
        let Context { place, after_core, html, .. } = context;
        let ov = fmt_overlap(overlap);
        let off_topic = |max: f64| overlap.is_none_or(|o| o < max);
        if f.units > SHORT_FURNITURE_UNITS && self.patterns.is_long_disclaimer(text) {
            return removed(&rules::DISCLAIMER, format!("disclaimer paragraph ({} units)", f.units));
        }
        // A line of furniture's size was asked already, as furniture.
        if place == Region::Head && f.units > SHORT_FURNITURE_UNITS && self.patterns.is_prompt(text) {
            return removed(&rules::SHARE_PROMPT, format!("prompt before the article ({} units)", f.units));
        }
        if place == Region::Tail && f.truncated.is_none() {
            // After the article a date line is metadata only when it names its source or
            // author too, or says it is the publication's (`First Published on …`): a
            // notice's closing date is its text. Whose date it is, is unsure.
            if let Some(date) = self.facts.dates.metadata_date(text) {
                if self.facts.bylines.source_in(text).is_some()
                    || self.facts.bylines.author_in(text).is_some()
                    || has_publishing_label(text)
                {
                    return removed(
                        &rules::METADATA_LINE,
                        format!("date line with its source or label ({})", date.describe()),
                    );
                }
            }
        }
        // In an HTML page's container a cut-off paragraph with a whole sentence before the
        // cut trails off in its own words (`……哇！這哩澎湃哩...`, an intro's closing
        // `……`): a teaser is one sentence cut off, and the markup has removed the linked
        // ones.
        if html && f.truncated.is_some_and(|mark| whole_sentence_before(text, mark)) {
            return Label::Body;
        }
        if place == Region::Inside {
            return self.judge_inside(f, overlap);
        }
        if html && after_core && f.truncated.is_some() && f.sentence && f.units >= RESUME_MIN_UNITS {
            // In the article's container, right after its text, a paragraph of several
            // sentences that stops mid-way is its own ending cut off (a paywall preview),
            // not a teaser: those are one sentence, or links, or follow a header.
            return Label::Body;
        }
        if self.patterns.is_date_prefixed(text) {
            return removed(
                &rules::DATE_PREFIXED_TEASER,
                format!("date-prefixed feed item outside the article, topic overlap {ov}"),
            );
        }
        if self.patterns.is_farm_number(text) && (f.truncated.is_some() || off_topic(TEASER_MAX_OVERLAP)) {
            return removed(
                &rules::CONTENT_FARM_SNIPPET,
                format!("numbered snippet outside the article, topic overlap {ov}"),
            );
        }
        if let Some(mark) = f.truncated {
            return self.judge_cut_off(mark, f, overlap, place, tail_noise);
        }
        if let (Region::Tail, Some(start)) = (place, tail_noise) {
            return self.judge_after_noise(f, overlap, start, html);
        }
        self.judge_beside(text, f, overlap, html)
    }

    /// A cut-off line outside the article: its own text where on topic before it, or
    /// too short to measure right after it; else another article's teaser (T001).
    fn judge_cut_off(
        &self,
        mark: &str,
        f: &Features,
        overlap: Option<f64>,
        place: Region,
        tail_noise: Option<usize>,
    ) -> Label {
        let ov = fmt_overlap(overlap);
        let off_topic = |max: f64| overlap.is_none_or(|o| o < max);
        match place {
            // On topic: the article's own text; `dedupe` makes it the lead when it is a
            // cut-off copy of a paragraph.
            Region::Head if !off_topic(LEAD_MIN_OVERLAP) => Label::Body,
            // Too short to measure, right after the article: its own trailing line.
            Region::Tail if f.units < SHORT_KEEP_UNITS && overlap.is_none() && tail_noise.is_none() => Label::Body,
            Region::Head => removed(
                &rules::TRUNCATED_TEASER,
                format!("cut off with '{mark}' before the article, topic overlap {ov} < {LEAD_MIN_OVERLAP:.2}"),
            ),
            _ => removed(
                &rules::TRUNCATED_TEASER,
                format!("cut off with '{mark}' after the article, topic overlap {ov} < {LEAD_MIN_OVERLAP:.2}"),
            ),
        }
    }

    /// After noise in the tail (from line `start`): what looks like another list item is
    /// one (T004), and a sentence off the topic is another article's (T005).
    fn judge_after_noise(&self, f: &Features, overlap: Option<f64>, start: usize, html: bool) -> Label {
        let ov = fmt_overlap(overlap);
        let off_topic = |max: f64| overlap.is_none_or(|o| o < max);
        if f.headline || f.units < SHORT_KEEP_UNITS {
            return if f.units < SHORT_KEEP_UNITS && !off_topic(HEADLINE_MAX_OVERLAP) {
                Label::Body
            } else {
                unrelated(html, format!("headline-shaped, in the list of teasers from line {start}"))
            };
        }
        if f.units >= OFF_TOPIC_MIN_UNITS && overlap.is_some() && off_topic(OFF_TOPIC_MAX_OVERLAP) {
            return removed(
                &rules::OFF_TOPIC_LINE,
                format!("topic overlap {ov} < {OFF_TOPIC_MAX_OVERLAP:.2}, after noise from line {start}"),
            );
        }
        Label::Body
    }

    /// Beside the article (its head, or its tail before any noise): the article's own
    /// closing lines look odd but are its text; only another article's headline goes.
    fn judge_beside(&self, text: &str, f: &Features, overlap: Option<f64>, html: bool) -> Label {
        let ov = fmt_overlap(overlap);
        let off_topic = |max: f64| overlap.is_none_or(|o| o < max);
        // Beside the article (its head, or its tail before any noise): the article's own
        // closing lines (credits, captions, dates, lists, a remark on another subject such
        // as "市民王女士说……") look odd but are its text; only another article's headline goes.
        if self.is_headline_like(text, f) && overlap.is_some() {
            // English headlines announce themselves in Title Case, which article lines
            // never use: for them the ordinary headline threshold applies.
            let (max, shape) = if f.title_case {
                (HEADLINE_MAX_OVERLAP, "headline in title case")
            } else {
                (ADJACENT_HEADLINE_MAX_OVERLAP, "headline-shaped")
            };
            if off_topic(max) {
                return unrelated(html, format!("{shape}, topic overlap {ov} < {max:.2}"));
            }
        }
        Label::Body
    }

    /// A line shaped like another article's headline: headline-sized, starting with a
    /// letter (not a bracket, dash, digit or list number as credits, captions, tweets and
    /// table rows do), and mostly letters.
    fn is_headline_like(&self, text: &str, f: &Features) -> bool {
        // Headlines may open with a quoted name (《…》, “…”); credits and captions open
        // with brackets and dashes instead.
        // A list's bullet, as text browsers set it (`• `, `* `), opens a sidebar's
        // headline in Title Case or in a script without case; an English line in sentence
        // case after a bullet is as likely the article's own list item.
        let uncased = !text.bytes().any(|b| b.is_ascii_alphabetic());
        let bullets: &[char] =
            if f.title_case || uncased { &['•', '◦', '▪', '■', '□', '*', ' '] } else { &[] };
        let first_is_letter = text
            .trim_start_matches(bullets)
            .trim_start_matches(['《', '“', '「', '『', '"'])
            .chars()
            .next()
            .is_some_and(is_letter);
        let letters = text.chars().filter(|&c| is_letter(c)).count();
        let visible = text.chars().filter(|c| !c.is_whitespace()).count();
        f.headline
            && f.units >= HEADLINE_MIN_UNITS
            && first_is_letter
            && letters * 10 >= visible * 8
            && !text.contains("://")
    }

    /// Inside the article span only a cut-off line off the article's topic goes; a block
    /// too short to measure stays.
    fn judge_inside(&self, f: &Features, overlap: Option<f64>) -> Label {
        let Some(o) = overlap else { return Label::Body };
        if let Some(mark) = f.truncated {
            if o < INSIDE_TEASER_MAX_OVERLAP {
                return removed(
                    &rules::TRUNCATED_TEASER,
                    format!("cut off with '{mark}', topic overlap {o:.2} < {INSIDE_TEASER_MAX_OVERLAP:.2}"),
                );
            }
        }
        Label::Body
    }
}

/// Whether a line cut off with `mark` ends a whole sentence before the cut: a stop (`。！？`,
/// or `.!?` after a word and before a space) before the last mark.
fn whole_sentence_before(text: &str, mark: &str) -> bool {
    let before = &text[..text.rfind(mark).unwrap_or(text.len())];
    let mut chars = before.chars().peekable();
    let mut prev = None;
    while let Some(c) = chars.next() {
        match c {
            '。' | '！' | '？' => return true,
            '.' | '!' | '?' if prev.is_some_and(is_letter) && chars.peek().is_some_and(|n| n.is_whitespace()) => {
                return true;
            }
            _ => {}
        }
        prev = Some(c);
    }
    false
}

/// Another article's headline (T004), where the layout lets one stand: in an HTML page's
/// container the markup has removed link lists, and such a line is the article's own.
fn unrelated(html: bool, reason: String) -> Label {
    if html {
        Label::Body
    } else {
        removed(&rules::UNRELATED_HEADLINE, reason)
    }
}

/// Where a block that is neither title, furniture nor core stands.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context {
    pub(super) place: Region,
    pub(super) near_title: bool,
    /// Right after the article's last core block.
    pub(super) after_core: bool,
    /// In an HTML page's container, whose link lists the markup has removed: there a
    /// headline-shaped line off the topic is the article's own list item, subhead or
    /// credit, not another article's (T004 is for text dumps).
    pub(super) html: bool,
}
