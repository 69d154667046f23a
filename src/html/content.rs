//! The main content: the element whose text scores best, as Readability and GNE find it,
//! overruled where the page marks its article (its declared text, its `<article>`
//! elements, a blog's first post), and the labels of the blocks outside it.

use super::*;

/// The chosen main content: block ranges, and the best container's score for messages.
#[derive(Debug, Default)]
pub(super) struct Main {
    pub(super) ranges: Vec<Span>,
    top: Option<NodeId>,
    top_score: f64,
    /// Why it was chosen over the best score, where it was.
    chosen: Chosen,
    scores: FxHashMap<NodeId, f64>,
}

/// Why the main content is the container it is.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Chosen {
    /// It scored best.
    #[default]
    Score,
    /// It holds the text the page declares, over a higher score.
    Declared,
    /// It is in the page's one `<article>` element, over a higher score.
    Article,
    /// It is in the one `<article>` element of several that holds the `<h1>`.
    HeadedArticle,
    /// It is in the first of this many posts of one form, over a later one.
    FirstPost(usize),
}

/// What a page says about its own text, and its headline (which descriptions repeat).
pub(super) struct Declared {
    pub(super) text: String,
    pub(super) headline: Option<String>,
}

/// The blocks other than the headline whose opening (DECLARED_PREFIX_CHARS normalised
/// characters, the whole block when shorter but at least MIN_SCORING_UNITS long) occurs
/// in the declared text.
fn declared_blocks(raws: &[Raw], declared: &Declared) -> Vec<usize> {
    let text = crate::norm::normalize(&declared.text);
    let headline = declared.headline.as_deref().map(crate::norm::normalize);
    raws.iter()
        .enumerate()
        .filter(|(_, raw)| raw.units >= MIN_SCORING_UNITS)
        .filter(|(_, raw)| {
            // The opening first: most blocks are not in the declared text, and only those
            // that are need their whole text normalised, to tell them from the headline.
            text.contains(&crate::norm::normalize_prefix(&raw.text, DECLARED_PREFIX_CHARS))
                && headline.as_ref() != Some(&crate::norm::normalize(&raw.text))
        })
        .map(|(i, _)| i)
        .collect()
}

/// An element's form: the tag and class of each element from the root down to it.
fn form(node: ego_tree::NodeRef<'_, Node>) -> Vec<(&str, &str)> {
    let mut form: Vec<(&str, &str)> = std::iter::once(node)
        .chain(node.ancestors())
        .filter_map(|n| n.value().as_element())
        .map(|e| (e.name(), attr(e, "class").unwrap_or("")))
        .collect();
    form.reverse();
    form
}

/// The elements of a form, in document order: the root's descendants along it.
fn of_form<'a>(doc: &'a Html, form: &[(&str, &str)]) -> Vec<ego_tree::NodeRef<'a, Node>> {
    let mut level = vec![doc.tree.root()];
    for &(name, class) in form {
        level = level
            .iter()
            .flat_map(|n| n.children())
            .filter(|c| {
                c.value().as_element().is_some_and(|e| e.name() == name && attr(e, "class").unwrap_or("") == class)
            })
            .collect();
    }
    level
}

/// Whether an element holds an `<h1>` with text: the page's headline.
fn has_headline(el: ElementRef) -> bool {
    el.descendants()
        .filter_map(ElementRef::wrap)
        .any(|e| e.value().name() == "h1" && e.text().any(|t| !t.trim().is_empty()))
}

/// A slide's counter at the start of a block (`1/50 United goin down`, `Photo 2 of 12`):
/// the slide's number and the count, with the number from 1 to the count.
fn slide_counter(text: &str) -> Option<(u32, u32)> {
    let text = text.trim_start();
    // A word before the number (`Photo`, `Image`), at most SLIDE_WORD_MAX_BYTES letters.
    let rest = match text.find(|c: char| !c.is_ascii_alphabetic()) {
        Some(n) if (1..=SLIDE_WORD_MAX_BYTES).contains(&n) && text[n..].starts_with(' ') => text[n + 1..].trim_start(),
        _ => text,
    };
    // A number of one to three digits, and what follows it.
    fn number(s: &str) -> Option<(u32, &str)> {
        let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        Some((s[..end].parse().ok().filter(|_| end <= 3)?, &s[end..]))
    }
    let (k, rest) = number(rest)?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix('/').or_else(|| rest.strip_prefix("of "))?.trim_start();
    let (n, after) = number(rest)?;
    let ends = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
    (ends && (1..=n).contains(&k) && n >= SLIDESHOW_MIN_SLIDES as u32).then_some((k, n))
}

/// Marks a slideshow embedded in the page (a gallery of other stories' pictures beside the
/// article) as chrome: the smallest element holding SLIDESHOW_MIN_SLIDES or more blocks
/// that begin with consecutive counters of one count, where the page has prose of its own
/// outside it. A page that is all slideshow keeps it: it is the page's content.
pub(super) fn mark_slideshow(raws: &mut [Raw], ranges: &FxHashMap<NodeId, Span>) {
    // The longest run of consecutive counters: its first block, last block and length.
    let mut best = (0, 0, 0);
    // The run going on, and its last counter.
    let mut run = (0, 0, 0, (0, 0));
    for (i, raw) in raws.iter().enumerate() {
        // A counter stands in the first bytes: `Picture 12 of 50`.
        let head = &raw.text.as_bytes()[..raw.text.len().min(SLIDE_WORD_MAX_BYTES + 12)];
        if memchr::memchr(b'/', head).is_none() && memchr::memmem::find(head, b" of ").is_none() {
            continue;
        }
        let Some((k, n)) = slide_counter(&raw.text) else { continue };
        run = if run.2 > 0 && run.3 == (k - 1, n) { (run.0, i, run.2 + 1, (k, n)) } else { (i, i, 1, (k, n)) };
        if run.2 > best.2 {
            best = (run.0, run.1, run.2);
        }
    }
    let (first, last, slides) = best;
    if slides < SLIDESHOW_MIN_SLIDES {
        return;
    }
    let Some((&id, &(a, b))) = ranges
        .iter()
        .filter(|(_, &r)| within((first, last + 1), r))
        .min_by_key(|(&id, &(a, b))| (b - a, std::cmp::Reverse(id)))
    else {
        return;
    };
    let outside = raws[..a].iter().chain(&raws[b..]).filter(|r| r.is_prose()).count();
    if outside < SLIDESHOW_MIN_PROSE {
        return;
    }
    for raw in &mut raws[a..b] {
        raw.chrome.get_or_insert((id, SLIDESHOW));
    }
}

/// Whether the block range `inner` lies within `outer`.
fn within(inner: Span, outer: Span) -> bool {
    outer.0 <= inner.0 && inner.1 <= outer.1
}

/// The best-scoring of some containers; of equal scores, the one whose block range sorts
/// first. Deterministic whatever order a hash map gives them in.
fn best_scoring<'a>(
    candidates: impl Iterator<Item = (&'a NodeId, &'a f64)>,
    ranges: &FxHashMap<NodeId, Span>,
) -> Option<(NodeId, f64)> {
    candidates.max_by(|a, b| a.1.total_cmp(b.1).then_with(|| ranges[b.0].cmp(&ranges[a.0]))).map(|(&id, &s)| (id, s))
}

/// Each block's score: 1 + commas + a point per UNITS_PER_POINT units (at most
/// MAX_LENGTH_POINTS), scaled by one minus its link density and by CHROME_SHARE under a
/// chrome hint; 0 below MIN_SCORING_UNITS. Lines too short to score alone, split by
/// `<br>` in one element (a poem's, an address's), score together, on the first.
fn block_scores(raws: &[Raw]) -> Vec<f64> {
    let short = |raw: &Raw| raw.units < MIN_SCORING_UNITS;
    let mut scores = vec![0.0; raws.len()];
    let mut i = 0;
    while i < raws.len() {
        let mut j = i + 1;
        while j < raws.len() && raws[j].after_br && short(&raws[j]) && short(&raws[j - 1]) {
            j += 1;
        }
        let run = &raws[i..j];
        let units: usize = run.iter().map(|r| r.units).sum();
        if units >= MIN_SCORING_UNITS {
            let commas = run
                .iter()
                .flat_map(|r| r.text.chars())
                .filter(|c| matches!(c, ',' | '，' | '、' | '。' | '；' | ';'))
                .count() as f64;
            let length = ((units / UNITS_PER_POINT) as f64).min(MAX_LENGTH_POINTS);
            let chars = run.iter().map(|r| r.chars).sum::<usize>().max(1);
            let links: usize = run.iter().map(|r| r.link_chars).sum();
            let chrome = if raws[i].chrome.is_some() { CHROME_SHARE } else { 1.0 };
            scores[i] = (1.0 + commas + length) * (1.0 - links as f64 / chars as f64) * chrome;
        }
        i = j;
    }
    scores
}

/// The container chosen so far, its score, why, and the blocks promotion stays in.
#[derive(Debug, Clone, Copy)]
struct Choice {
    top: NodeId,
    score: f64,
    chosen: Chosen,
    bound: Span,
}

/// What the choice of the main content measures once a page: the elements' scores, and
/// prefix sums for any element's link density and subtree score.
struct Scored<'a> {
    doc: &'a Html,
    raws: &'a [Raw],
    ranges: &'a FxHashMap<NodeId, Span>,
    chars: Vec<usize>,
    links: Vec<usize>,
    sums: Vec<f64>,
    finals: FxHashMap<NodeId, f64>,
    /// The best-scoring element; of equals, the earlier, outer one.
    best: Option<(NodeId, f64)>,
}

impl Scored<'_> {
    fn density(&self, id: NodeId) -> f64 {
        let (a, b) = self.ranges.get(&id).copied().unwrap_or((0, 0));
        let c = self.chars[b] - self.chars[a];
        if c == 0 {
            1.0
        } else {
            (self.links[b] - self.links[a]) as f64 / c as f64
        }
    }

    fn subtree(&self, id: NodeId) -> f64 {
        self.ranges.get(&id).map_or(0.0, |&(a, b)| self.sums[b] - self.sums[a])
    }

    /// The best-scoring element, as the first choice.
    fn best(&self) -> Option<Choice> {
        let (top, score) = self.best?;
        Some(Choice { top, score, chosen: Chosen::Score, bound: (0, self.raws.len()) })
    }

    /// The best-scoring element inside `span`.
    fn best_within(&self, span: Span) -> Option<(NodeId, f64)> {
        best_scoring(self.finals.iter().filter(|(id, _)| within(self.ranges[*id], span)), self.ranges)
    }

    /// The page's own account of its text overrules a container that holds none of it:
    /// the best that does, not an ancestor of the best (a page's standfirst beside its
    /// article body would only widen the container).
    fn overrule_by_declared(&self, choice: Choice, declared: &Declared) -> Choice {
        let blocks = declared_blocks(self.raws, declared);
        let holds = |id: NodeId| self.ranges.get(&id).is_some_and(|&(a, b)| blocks.iter().any(|&i| a <= i && i < b));
        if blocks.is_empty() || holds(choice.top) {
            return choice;
        }
        let candidates = self
            .finals
            .iter()
            .filter(|&(&id, &s)| s >= choice.score * DECLARED_MIN_SHARE && holds(id))
            .filter(|&(id, _)| !within(self.ranges[&choice.top], self.ranges[id]));
        match best_scoring(candidates, self.ranges) {
            Some((top, score)) => Choice { top, score, chosen: Chosen::Declared, ..choice },
            None => choice,
        }
    }

    /// A page with one `<article>` element holding text marks its article: a best
    /// container neither inside nor around it (a payment popup's text, a footer's) yields
    /// to the best one within. Of several (a story and teaser cards), the one holding the
    /// `<h1>` is the story: a best container in another yields to the best one within it,
    /// and one already within it does not grow past it.
    fn overrule_by_articles(&self, mut choice: Choice) -> Choice {
        let mut articles: Vec<(Span, bool)> = self
            .ranges
            .iter()
            .filter_map(|(&id, &range)| self.doc.tree.get(id).and_then(ElementRef::wrap).map(|e| (range, e)))
            .filter(|(_, e)| e.value().name() == "article")
            .map(|(range, e)| (range, has_headline(e)))
            .collect();
        articles.sort_unstable();
        let headed: Vec<Span> = articles.iter().filter(|a| a.1).map(|a| a.0).collect();
        let current = self.ranges[&choice.top];
        let one = match (articles.as_slice(), headed.as_slice()) {
            ([(only, _)], _) => Some((*only, ARTICLE_MIN_SHARE, Chosen::Article)),
            (_, [story]) if within(current, *story) => {
                choice.bound = *story;
                if choice.chosen == Chosen::Score {
                    choice.chosen = Chosen::HeadedArticle;
                }
                None
            }
            // Only over another article: a story whose `<article>` holds just its
            // headline and lead keeps its body in the best container outside.
            (_, [story])
                if articles.iter().any(|&(a, _)| a != *story && (within(current, a) || within(a, current))) =>
            {
                Some((*story, HEADED_ARTICLE_MIN_SHARE, Chosen::HeadedArticle))
            }
            _ => None,
        };
        let Some((article, share, why)) = one else { return choice };
        let related = within(current, article) || within(article, current);
        let inner = self.best_within(article).filter(|&(_, score)| score >= choice.score * share);
        match (choice.chosen, related, inner) {
            (Chosen::Score, false, Some((top, score))) => Choice { top, score, chosen: why, bound: article },
            _ => choice,
        }
    }

    /// `top` promoted to the ancestor that holds PROMOTE_GAIN times its text at a low link
    /// density, inside `bound`; wrappers that add no text are looked through, up to
    /// PROMOTE_MAX_LEVELS elements.
    fn promote(&self, mut top: NodeId, bound: Span) -> NodeId {
        let mut ancestor = self.doc.tree.get(top).and_then(|n| n.parent());
        for _ in 0..PROMOTE_MAX_LEVELS {
            // Elements that are not block-level (`<tbody>`, `<span>`) are looked through.
            while let Some(a) = ancestor.filter(|a| !self.ranges.contains_key(&a.id())) {
                ancestor = a.parent();
            }
            let Some(a) = ancestor.filter(|a| self.ranges.get(&a.id()).is_some_and(|&r| within(r, bound))) else {
                break;
            };
            let (gain, here) = (self.subtree(a.id()), self.subtree(top));
            if gain >= PROMOTE_GAIN * here && self.density(a.id()) <= PROMOTE_MAX_LINK_DENSITY {
                top = a.id();
            } else if gain > WRAPPER_GAIN * here {
                break;
            }
            ancestor = a.parent();
        }
        top
    }

    /// The chosen container, and its siblings that carry article text too (an article
    /// split over several divs, a standfirst above the article's container).
    fn join_siblings(self, choice: Choice) -> Main {
        let Choice { top, score: top_score, chosen, bound } = choice;
        let mut main = Main { ranges: vec![self.ranges[&top]], top: Some(top), top_score, chosen, scores: self.finals };
        if let Some(parent) = self.doc.tree.get(top).and_then(|n| n.parent()) {
            for sibling in parent.children().filter(|s| s.id() != top) {
                let Some(&range) = self.ranges.get(&sibling.id()).filter(|&&r| within(r, bound)) else { continue };
                let score = main.scores.get(&sibling.id()).copied().unwrap_or(0.0);
                let joins = score >= top_score * SIBLING_SHARE && score > 0.0
                    || (range.1 == range.0 + 1 && {
                        let raw = &self.raws[range.0];
                        raw.units >= SIBLING_PARAGRAPH_UNITS
                            && raw.link_chars == 0
                            && crate::norm::has_sentence_punct(&raw.text)
                    });
                if joins {
                    main.ranges.push(range);
                }
            }
        }
        main.ranges.sort_unstable();
        main
    }

    /// With tracing on: the best candidates and the chosen container, on stderr.
    fn trace(&self, top: NodeId) {
        let describe = |id: NodeId| {
            self.doc.tree.get(id).and_then(ElementRef::wrap).map_or(String::new(), |e| {
                format!("<{} class={:?} id={:?}>", e.value().name(), attr(e.value(), "class"), e.value().id())
            })
        };
        let mut ranked: Vec<(&NodeId, &f64)> = self.finals.iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(a.1));
        for (id, s) in ranked.iter().take(6) {
            eprintln!(
                "candidate {:.1} subtree {:.1} {:?} {}",
                s,
                self.subtree(**id),
                self.ranges.get(id),
                describe(**id)
            );
        }
        eprintln!("top {} subtree {:.1} range {:?}", describe(top), self.subtree(top), self.ranges.get(&top));
    }
}

impl HtmlReader {
    /// The posts of a list around the best container `top` (a blog's page): the nearest
    /// element, `top` or one of its ancestors up to POST_MAX_LEVELS, that has a class and
    /// shares its form (tags and classes up to the root) with POST_MIN_COUNT - 1 or more
    /// others, each of them holding a date. Their block ranges in reading order, and the
    /// range of the one holding `top`.
    fn posts(
        &self,
        doc: &Html,
        top: NodeId,
        raws: &[Raw],
        ranges: &FxHashMap<NodeId, Span>,
    ) -> Option<(Vec<Span>, Span)> {
        let node = doc.tree.get(top)?;
        // Each block is looked at for a date once, whichever levels ask.
        let mut has_date: Vec<Option<bool>> = vec![None; raws.len()];
        let mut dated = |&(a, b): &Span| {
            (a..b).any(|i| *has_date[i].get_or_insert_with(|| self.facts.dates.find(&raws[i].text).is_some()))
        };
        std::iter::once(node).chain(node.ancestors()).take(POST_MAX_LEVELS).find_map(|n| {
            let el = n.value().as_element()?;
            attr(el, "class").filter(|c| !c.trim().is_empty())?;
            let own = *ranges.get(&n.id())?;
            let peers = of_form(doc, &form(n));
            let posts: Vec<Span> = peers.iter().filter_map(|p| ranges.get(&p.id()).copied()).collect();
            // Cells of one table row are its columns, side by side, not a list.
            let mut rows: Vec<NodeId> = peers.iter().filter_map(|p| p.parent()).map(|r| r.id()).collect();
            rows.dedup();
            let columns = matches!(el.name(), "td" | "th") && rows.len() < POST_MIN_COUNT;
            if posts.len() < POST_MIN_COUNT || columns || !posts.iter().all(&mut dated) {
                return None;
            }
            Some((posts, own))
        })
    }

    /// The main content: the best-scoring container, overruled where the page marks its
    /// article (its declared text, its `<article>` elements), promoted over wrappers, then
    /// narrowed to the first post of a list of posts, and joined by the siblings that
    /// carry article text too.
    pub(super) fn main_content(
        &self,
        doc: &Html,
        raws: &[Raw],
        ranges: &FxHashMap<NodeId, Span>,
        under_chrome: &FxHashSet<NodeId>,
        declared: Option<&Declared>,
    ) -> Main {
        let scored = self.score_elements(doc, raws, ranges, under_chrome);
        let Some(mut choice) = scored.best() else { return Main::default() };
        if let Some(declared) = declared {
            choice = scored.overrule_by_declared(choice, declared);
        }
        choice = scored.overrule_by_articles(choice);
        choice.top = scored.promote(choice.top, choice.bound);
        choice = self.narrow_to_first_post(&scored, choice);
        if self.trace {
            scored.trace(choice.top);
        }
        scored.join_siblings(choice)
    }

    /// Every element's score: its blocks' scores flowing up to it (1, 1/2, 1/3 by level),
    /// scaled by one minus its link density and by its class hints, and by the square of
    /// CLASS_FACTOR for an element inside a comment thread, a sidebar, a footer or a menu.
    fn score_elements<'a>(
        &self,
        doc: &'a Html,
        raws: &'a [Raw],
        ranges: &'a FxHashMap<NodeId, Span>,
        under_chrome: &FxHashSet<NodeId>,
    ) -> Scored<'a> {
        // Prefix sums of characters and link characters, for any element's link density.
        let mut chars = vec![0usize; raws.len() + 1];
        let mut links = vec![0usize; raws.len() + 1];
        for (i, r) in raws.iter().enumerate() {
            chars[i + 1] = chars[i] + r.chars;
            links[i + 1] = links[i] + r.link_chars;
        }
        let block_scores = block_scores(raws);
        // Whole-subtree text scores, for promotion to the parent.
        let mut sums = vec![0.0f64; raws.len() + 1];
        for (i, score) in block_scores.iter().enumerate() {
            sums[i + 1] = sums[i] + score;
        }
        let mut scores: FxHashMap<NodeId, f64> = FxHashMap::default();
        for (raw, &score) in raws.iter().zip(&block_scores) {
            if score <= 0.0 {
                continue;
            }
            for (level, id) in raw.ancestors.iter().enumerate() {
                let Some(id) = id else { break };
                *scores.entry(*id).or_insert(0.0) += score / (level + 1) as f64;
            }
        }
        let mut scored = Scored { doc, raws, ranges, chars, links, sums, finals: FxHashMap::default(), best: None };
        // Sorted by block range so that ties go to the earlier, outer element: determinism.
        let mut ids: Vec<NodeId> = scores.keys().copied().collect();
        ids.sort_by_key(|id| {
            (ranges.get(id).copied().unwrap_or_default(), std::cmp::Reverse(ranges.get(id).map_or(0, |r| r.1)))
        });
        for id in ids {
            let mut factor =
                doc.tree.get(id).and_then(ElementRef::wrap).map_or(1.0, |el| self.class_factor(el.value()));
            // Inside a comment thread, a sidebar, a footer or a menu: a long comment, an
            // author's profile beside a short post.
            if under_chrome.contains(&id) {
                factor /= CLASS_FACTOR * CLASS_FACTOR;
            }
            let score = scores[&id] * (1.0 - scored.density(id)) * factor;
            scored.finals.insert(id, score);
            if scored.best.is_none_or(|(_, s)| score > s) {
                scored.best = Some((id, score));
            }
        }
        scored
    }

    /// One post of a list of posts of one form (a blog's page) rather than the list: the
    /// first is the article, as a reader takes the page, when it holds text enough to be
    /// one. A list that promotion took whole (a live blog's entries) stays whole.
    fn narrow_to_first_post(&self, scored: &Scored, choice: Choice) -> Choice {
        if choice.chosen != Chosen::Score {
            return choice;
        }
        let Some((posts, own)) = self.posts(scored.doc, choice.top, scored.raws, scored.ranges) else { return choice };
        let first = posts[0];
        let inner = scored
            .best_within(first)
            .filter(|&(_, score)| first != own && score >= choice.score * FIRST_POST_MIN_SHARE);
        match inner {
            Some((id, score)) => {
                Choice { top: scored.promote(id, first), score, chosen: Chosen::FirstPost(posts.len()), bound: first }
            }
            None => choice,
        }
    }

    /// The label of a block outside the article, or `Unlabelled` for a block that goes on.
    pub(super) fn outside_label(&self, i: usize, raws: &[Raw], main: &Main, ranges: &FxHashMap<NodeId, Span>) -> Label {
        let raw = &raws[i];
        let removed = |rule, reason| Label::Removed(Removal { rule, reason });
        if main.top.is_none() {
            return Label::Unlabelled;
        }
        if !main.ranges.iter().any(|&(a, b)| a <= i && i < b) {
            let own = raw.ancestors[0].and_then(|id| main.scores.get(&id)).copied().unwrap_or(0.0);
            let top = main.top_score;
            let reason = match main.chosen {
                Chosen::Score => format!("outside the main content (container score {own:.1} < main {top:.1})"),
                Chosen::Declared => format!(
                    "outside the main content, which holds the text the page declares (container score {own:.1}, main {top:.1})"
                ),
                Chosen::Article => format!(
                    "outside the page's one <article> element, which holds the main content (container score {own:.1}, main {top:.1})"
                ),
                Chosen::HeadedArticle => format!(
                    "outside the one <article> element holding the page's <h1>, which holds the main content (container score {own:.1}, main {top:.1})"
                ),
                Chosen::FirstPost(count) => format!(
                    "outside the first of {count} posts of one form, which holds the main content (container score {own:.1}, main {top:.1})"
                ),
            };
            return removed(&rules::OUTSIDE_MAIN_CONTENT, reason);
        }
        // A linked heading between paragraphs of prose heads a section (a listicle's
        // item linked to what it reviews), not a list of links.
        let prose = |r: &Raw| !r.heading && r.is_prose();
        let section = || raw.heading && i > 0 && prose(&raws[i - 1]) && raws.get(i + 1).is_some_and(prose);
        if raw.is_link_dense() && !section() {
            let chars = raw.chars.max(1);
            let density = raw.link_chars as f64 / chars as f64;
            return removed(
                &rules::LINK_DENSE,
                format!(
                    "link text {:.0}% of {chars} characters > {:.0}%",
                    density * 100.0,
                    raw.link_density_max() * 100.0
                ),
            );
        }
        // A bullet or separator alone (`·`, `|`) beside a list of links is the list's.
        if raw.units == 0 && (i > 0 && raws[i - 1].is_link_dense() || raws.get(i + 1).is_some_and(Raw::is_link_dense)) {
            return removed(
                &rules::LINK_DENSE,
                "no letter or digit, beside a block of links: the list's bullet".to_owned(),
            );
        }
        // A hinted caption is short; a long block under a `caption` class is a wrapper's
        // text. A `<figcaption>` is a caption whatever its length.
        if raw.caption == Caption::Marked || (raw.caption == Caption::Hinted && raw.units <= CAPTION_MAX_UNITS) {
            return Label::Image;
        }
        if let Some((id, hint)) = raw.chrome {
            // Only a hint on an element inside the main content counts: the container
            // itself or its ancestors may carry any class.
            let inside = ranges.get(&id).is_some_and(|&r| main.ranges.iter().any(|&m| within(r, m) && r != m));
            if inside && Some(id) != main.top {
                let reason = if hint == SLIDESHOW {
                    format!("inside a slideshow: {SLIDESHOW_MIN_SLIDES} or more blocks begin with consecutive slide counters")
                } else {
                    format!("inside an element marked '{hint}'")
                };
                return removed(&rules::CHROME_HINT, reason);
            }
        }
        Label::Unlabelled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slide_counters() {
        assert_eq!(slide_counter("1/50 United goin down"), Some((1, 50)));
        assert_eq!(slide_counter("Photo 2 of 12"), Some((2, 12)));
        assert_eq!(slide_counter(" 3 / 3"), Some((3, 3)));
        for no in
            ["2024/05 report", "7/5/2005", "0/3 done", "4/3 of them", "1/2 cup of flour", "1/50x", "Photographer 1/5"]
        {
            assert_eq!(slide_counter(no), None, "{no}");
        }
    }
}
