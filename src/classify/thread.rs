//! A text dump's comment thread: where the readers' comments under an article begin.
//!
//! A thread shows itself by its shape, in any language: post heads (a name beside a time,
//! `Maria July 7, 2012 at 2:31 pm`, `Ed says:`) and post buttons (`Reply`) recur a few
//! lines apart, each comment's text between them. Comments share the article's words,
//! so the topic measures would keep them; and not every thread has a header (`12
//! Comments`) that ends the article.

use super::lexicon::{POST_ACTIONS, POST_ATTRIBUTIONS};
use super::{Features, SPAN_TEXT_MIN_UNITS};
use crate::document::Block;
use crate::facts::date::holds_time;
use crate::norm::ends_with_ignore_ascii_case;

/// A thread is at least this many posts' boundaries in a row: a post's head or buttons
/// (`Reply`), or the buttons of one post beside the head of the next.
pub const THREAD_MIN_MARKS: usize = 3;
/// At most this many blocks from one boundary to the next, a comment's text between:
/// comments are short. A blog's front page or a forum's posts, dated one by one, are
/// longer.
pub const THREAD_MAX_GAP: usize = 8;
/// A post head is a short line: at most this many units (twelve words, 24 Han characters).
pub const POST_HEAD_MAX_UNITS: usize = 24;
/// A thread comments on an article above it: at least this many units of sentences
/// (blocks of SPAN_TEXT_MIN_UNITS or more) stand between it and the page's top or the
/// run of marks before it. A page that is a thread from its top (a forum, a product's
/// reviews, a guestbook) has no other text to keep.
pub const THREAD_MIN_ARTICLE_UNITS: usize = 200;
/// A comment header (`12 Comments`, `评论`) in a run of times, or this many blocks above
/// it, shows it a thread.
pub const HEADER_MAX_DISTANCE: usize = 3;
/// A line this short above a thread's first head, not a sentence, is the first
/// commenter's name (four words, eight Han characters).
pub const NAME_MAX_UNITS: usize = 8;

/// A comment thread found in a page's blocks.
#[derive(Debug, Clone, Copy)]
pub(super) struct Thread {
    /// The block it begins at.
    pub start: usize,
    /// The post heads and buttons in the run that shows it (adjacent ones count once).
    pub marks: usize,
}

/// The comment thread under the article: from the first mark of a run of
/// THREAD_MIN_MARKS or more boundaries between posts, each at most THREAD_MAX_GAP blocks
/// after the one before, after THREAD_MIN_ARTICLE_UNITS units of sentences, and shown
/// to be comments: by a post's button or a commenter's `says:` in the run, by its posts'
/// numbers counting up, or by a comment header in it or right above it. Times alone head
/// an events list or a blog's posts as well. None when the page shows no thread.
pub(super) fn find_thread(blocks: &[Block], feats: &[Features]) -> Option<Thread> {
    let mut bounds: Vec<Bound> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let Some(mark) = post_mark(&block.text, feats[i].units) else { continue };
        let comment = mark == Mark::Comment;
        match bounds.last_mut() {
            Some(last) if last.last + 1 == i => (last.last, last.comment) = (i, last.comment || comment),
            last => {
                // A post's number on the line above its head (`8`, `#8`).
                let free = last.is_none_or(|b| b.last + 1 < i.saturating_sub(1));
                let number = i.checked_sub(1).filter(|_| free).and_then(|above| post_number(&blocks[above].text));
                let first = i - usize::from(number.is_some());
                bounds.push(Bound { first, last: i, comment, number });
            }
        }
    }
    let sentences = |range: std::ops::Range<usize>| -> usize {
        feats[range].iter().filter(|f| f.sentence && f.units >= SPAN_TEXT_MIN_UNITS).map(|f| f.units).sum()
    };
    let header_near = |start: usize, end: usize| {
        feats[start.saturating_sub(HEADER_MAX_DISTANCE)..end]
            .iter()
            .any(|f| f.furniture.as_ref().is_some_and(|f| f.is_comment_header()))
    };
    let mut run_end = 0;
    let mut k = 0;
    while k < bounds.len() {
        let mut next = k + 1;
        while next < bounds.len() && bounds[next].first - bounds[next - 1].last <= THREAD_MAX_GAP + 1 {
            next += 1;
        }
        if next - k >= THREAD_MIN_MARKS {
            let run = &bounds[k..next];
            let start = run[0].first;
            let numbered = run.windows(2).any(|w| w[0].number.zip(w[1].number).is_some_and(|(a, b)| b == a + 1));
            let comments = run.iter().any(|b| b.comment) || numbered || header_near(start, run[run.len() - 1].last);
            if comments && sentences(run_end..start) >= THREAD_MIN_ARTICLE_UNITS {
                // The first commenter's name, on its own line above the first head.
                let name = start > 0 && feats[start - 1].units <= NAME_MAX_UNITS && !feats[start - 1].sentence;
                return Some(Thread { start: start - usize::from(name), marks: next - k });
            }
            run_end = run[run.len() - 1].last;
        }
        k = next;
    }
    None
}

/// A line longer than this is no post's button, whatever its punctuation (`[ Reply to
/// this ]`).
const POST_ACTION_MAX_BYTES: usize = 40;

/// A boundary between posts: adjacent marks (a post's `Reply` above the next post's
/// head), with the post's number above them.
#[derive(Debug)]
struct Bound {
    first: usize,
    last: usize,
    /// Whether a mark of it is a comment's own (a button, `says:`).
    comment: bool,
    /// The post's number, on the line above its head.
    number: Option<u32>,
}

/// A post's number standing alone (`8`, `#8`, `8.`).
fn post_number(text: &str) -> Option<u32> {
    let digits = text.trim_start_matches('#').trim_end_matches('.');
    (1..=4).contains(&digits.len()).then(|| digits.parse().ok()).flatten()
}

/// What a post mark shows.
#[derive(Debug, PartialEq, Eq)]
enum Mark {
    /// A time beside a name: a comment's head, or an event's, or a blog post's.
    Time,
    /// A button only comments have (`Reply`), or a commenter's `says:`.
    Comment,
}

/// A post's mark: a short line with a time that ends no sentence, one that ends in a
/// commenter's `says:`, or a post's button.
fn post_mark(text: &str, units: usize) -> Option<Mark> {
    if units > POST_HEAD_MAX_UNITS {
        return None;
    }
    let text = text.trim_end();
    let button = || {
        if text.is_ascii() {
            // The line's letters, lowercase, in a buffer on the stack.
            let (mut bare, mut len) = ([0u8; POST_ACTION_MAX_BYTES], 0);
            for b in text.bytes().filter(u8::is_ascii_alphanumeric) {
                let Some(slot) = bare.get_mut(len) else { return false };
                *slot = b.to_ascii_lowercase();
                len += 1;
            }
            return POST_ACTIONS.iter().any(|action| action.as_bytes() == &bare[..len]);
        }
        // Other scripts: the line within its brackets (`[回复]`), lowercased only where
        // letters have case (`Répondre`, `Ответить`): a Unicode lookup a character costs
        // more than the rest of this test.
        let core = text.trim_matches(|c: char| !c.is_alphanumeric());
        let cased = core.chars().next().is_some_and(|c| c < '\u{2e80}');
        POST_ACTIONS.contains(&core) || (cased && POST_ACTIONS.contains(&core.to_lowercase().as_str()))
    };
    let says =
        || POST_ATTRIBUTIONS.iter().any(|ending| ends_with_ignore_ascii_case(text.as_bytes(), ending.as_bytes()));
    if (text.len() <= POST_ACTION_MAX_BYTES && button()) || says() {
        return Some(Mark::Comment);
    }
    // Any stop at the end ends a sentence here, `...` too; `norm::ends_sentence` reads
    // `...` as a cut and would take `On October 26, 2012 at 2:08am, Rosa said...` for a
    // head (a change of records, not made in a review).
    let ends_sentence = text.ends_with(['.', '!', '?', '。', '！', '？']);
    (!ends_sentence && holds_time(text)).then_some(Mark::Time)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_heads_and_buttons_are_marks() {
        for line in [
            "Maria July 7, 2012 at 2:31 pm",
            "Ed 115 says:",
            "[ Reply ]",
            "Reply to This Parent Share",
            "回复",
            "by gstoddart (321705) writes:",
            "Kevin said,",
            "张三 2012-07-05 14:30",
            "kendal 3 hours ago",
            "网友 5分钟前",
        ] {
            assert!(post_mark(line, crate::norm::units(line)).is_some(), "{line}");
        }
        for line in [
            "Posted at 10:30 the meeting was over.",
            "The vote ended 3-2 after a long night",
            "Replying is easy",
            "Sources said:",
        ] {
            assert_eq!(post_mark(line, crate::norm::units(line)), None, "{line}");
        }
    }
}
