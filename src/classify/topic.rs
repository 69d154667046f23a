//! Topical overlap on character n-grams: how much of a line's vocabulary the article shares.
//!
//! Chinese has no spaces, so a line's topic is its set of Han bigrams; other scripts use
//! word stems. Digits are ignored (dates and amounts match across unrelated articles), and
//! so are the bigrams and words common to all news text, which would otherwise give every
//! line a floor of overlap. Tokens are exact `u64` codes: two CJK characters packed side by
//! side, or a hashed word stem with the top bit set, so a bigram never collides.

use crate::norm::{fold_width, is_cjk};
use rustc_hash::FxHashMap;

/// Han bigrams found in over a third of the Chinese article bodies of the development
/// corpus (46 pages, news, blogs and essays): function words and newsroom vocabulary
/// that carry no topic.
const STOP_BIGRAMS: &str = "我们 他们 一个 这个 没有 可以 就是 因为 所以 但是 如果 不是 已经 进行 目前 表示 \
记者 今年 去年 以及 其中 通过 相关 工作 问题 发展 中国 时候 这些 自己 这样 什么 还是 而且 同时 对于 由于 方面 \
情况 之后 以后 之前 一些 一定 这种 他的 我的 的是 的人 是一 了一 在这 有的 也是 都是 不能 不会 需要 认为 成为 \
社会 国家 企业 公司 市场 人员 部门 方式 时间 一直 一样 还有 并且 以上 来说 包括 主要 开始 出现 可能 必须 非常 \
之一 一是 二是 三是 日电 年月 月日 为了 其他 所有 这一 一次 个人 大家 就是 只是 实现 重要 继续 提供 作为";

/// English words too common in news to say anything about a topic.
const STOP_WORDS: &str = "the and for that with this from have has had was were are been being not but its his her \
their they them there then than what when where which who whom whose will would could should can may might must said \
says also about after before over into onto more most some such only other just like than very year years new one two \
three first last time many much made make our out all any each how you your she him did does per off own via while \
told according people still even back week weeks day days month months monday tuesday wednesday thursday friday \
saturday sunday";

/// Words shorter than this carry no topic ("in", "of", "us").
const MIN_WORD_LEN: usize = 3;
/// Word stems are cut to this many letters, so "election" and "elections" agree.
const STEM_LEN: usize = 6;

/// The tokeniser: holds the stop lists, built once and shared by every page.
#[derive(Debug)]
pub struct Topic {
    stop_bigrams: StopSet,
    stop_words: StopSet,
}

impl Default for Topic {
    fn default() -> Self {
        let stop_bigrams = stop_set(STOP_BIGRAMS.split_whitespace().filter_map(|w| {
            let mut cs = w.chars();
            Some(bigram(cs.next()?, cs.next()?))
        }));
        let stop_words = stop_set(STOP_WORDS.split_whitespace().map(word_code));
        Topic { stop_bigrams, stop_words }
    }
}

/// Token codes in an open-addressing table of SLOTS (a power of two) kept at most half
/// full: the top bits of a multiplicative hash choose the slot, and a lookup is one
/// multiplication and one or two comparisons (a general hash set probes a group of
/// sixteen slots behind its own hash). Token codes are never 0 (bigrams of two CJK
/// characters, words with the top bit set), so 0 marks a free slot.
#[derive(Debug)]
struct CodeSet<const SLOTS: usize> {
    slots: [u64; SLOTS],
}

impl<const SLOTS: usize> CodeSet<SLOTS> {
    fn new() -> Self {
        CodeSet { slots: [0; SLOTS] }
    }

    /// The slot holding `code`, or the free one where it would go.
    fn find(&self, code: u64) -> usize {
        let mut slot = (code.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SLOTS.trailing_zeros())) as usize;
        while self.slots[slot] != 0 && self.slots[slot] != code {
            slot = (slot + 1) & (SLOTS - 1);
        }
        slot
    }

    /// Adds `code`; whether it was not there yet.
    fn insert(&mut self, code: u64) -> bool {
        let slot = self.find(code);
        let new = self.slots[slot] == 0;
        self.slots[slot] = code;
        new
    }

    fn contains(&self, code: u64) -> bool {
        self.slots[self.find(code)] == code
    }
}

/// A stop list, asked once a token.
type StopSet = Box<CodeSet<1024>>;

/// The stop list of some codes, at most half the table (the lists are constants, so a
/// longer one fails every test).
fn stop_set(codes: impl Iterator<Item = u64>) -> StopSet {
    let mut set = Box::new(CodeSet::new());
    for (i, code) in codes.enumerate() {
        assert!(i < 1024 / 2, "a stop list longer than its table allows");
        set.insert(code);
    }
    set
}

fn bigram(a: char, b: char) -> u64 {
    ((a as u64) << 21) | b as u64
}

fn word_code(w: &str) -> u64 {
    let mut word = Word::default();
    w.chars().for_each(|c| word.push(c));
    word.code()
}

/// A word being read, kept as its length and the FNV-1a hash of the first STEM_LEN bytes
/// of its lowercase form: no string is built.
#[derive(Default)]
struct Word {
    chars: usize,
    bytes: usize,
    hash: u64,
}

impl Word {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

    /// Adds a lowercase character.
    fn push(&mut self, c: char) {
        if self.chars == 0 {
            self.hash = Self::FNV_OFFSET;
        }
        self.chars += 1;
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            if self.bytes < STEM_LEN {
                self.hash = (self.hash ^ b as u64).wrapping_mul(0x0100_0000_01b3);
                self.bytes += 1;
            }
        }
    }

    /// The word's token; the top bit keeps word codes apart from bigram codes (< 2^42).
    fn code(&self) -> u64 {
        let hash = if self.chars == 0 { Self::FNV_OFFSET } else { self.hash };
        hash | (1 << 63)
    }
}

impl Topic {
    /// The distinct topical tokens of a text, in the order they first occur.
    pub fn tokens(&self, text: &str) -> Vec<u64> {
        // At most one token per character (a CJK character is three bytes).
        let mut out = Vec::with_capacity(text.len() / 3 + 1);
        let mut prev_cjk: Option<char> = None;
        let mut word = Word::default();
        let flush = |word: &mut Word, out: &mut Vec<u64>| {
            if word.chars >= MIN_WORD_LEN {
                let code = word.code();
                if !self.stop_words.contains(code) {
                    out.push(code);
                }
            }
            *word = Word::default();
        };
        for c in text.chars().map(fold_width) {
            if is_cjk(c) {
                flush(&mut word, &mut out);
                if let Some(p) = prev_cjk {
                    let code = bigram(p, c);
                    if !self.stop_bigrams.contains(code) {
                        out.push(code);
                    }
                }
                prev_cjk = Some(c);
            } else {
                prev_cjk = None;
                if c.is_ascii_alphabetic() {
                    word.push(c.to_ascii_lowercase());
                } else if !c.is_ascii() && crate::norm::is_word_char(c) && !crate::norm::is_numeric(c) {
                    crate::norm::lowercase(c, &mut |l| word.push(l));
                } else if !(c == '\'' || c == '’') || word.chars == 0 {
                    flush(&mut word, &mut out);
                }
            }
        }
        flush(&mut word, &mut out);
        dedup(&mut out);
        out
    }
}

/// Removes repeated tokens, keeping the first of each in place: an open-addressing table
/// on the stack costs a probe a token where sorting cost a dozen comparisons. Lines of
/// more than 512 tokens are sorted.
fn dedup(tokens: &mut Vec<u64>) {
    match tokens.len() {
        0..=1 => {}
        2..=32 => dedup_in::<64>(tokens),
        33..=128 => dedup_in::<256>(tokens),
        129..=512 => dedup_in::<1024>(tokens),
        _ => {
            tokens.sort_unstable();
            tokens.dedup();
        }
    }
}

/// `dedup` with a table of SLOTS, at least twice the tokens.
fn dedup_in<const SLOTS: usize>(tokens: &mut Vec<u64>) {
    let mut seen = CodeSet::<SLOTS>::new();
    tokens.retain(|&token| seen.insert(token));
}

/// A bag of tokens with counts: the article's vocabulary, from which one line's own
/// tokens can be left out when that line is measured against it.
#[derive(Debug, Default)]
pub struct Bag {
    counts: FxHashMap<u64, u32>,
}

impl Bag {
    /// The bag of some lines' tokens, its table sized once for all of them.
    pub fn of<'a>(lines: impl Iterator<Item = &'a [u64]> + Clone) -> Bag {
        let capacity = lines.clone().map(<[u64]>::len).sum();
        let mut bag = Bag { counts: FxHashMap::with_capacity_and_hasher(capacity, Default::default()) };
        lines.for_each(|tokens| bag.add(tokens));
        bag
    }

    pub fn add(&mut self, tokens: &[u64]) {
        for &t in tokens {
            *self.counts.entry(t).or_insert(0) += 1;
        }
    }

    /// Takes back what `add` put in.
    pub fn remove(&mut self, tokens: &[u64]) {
        for t in tokens {
            if let Some(n) = self.counts.get_mut(t) {
                *n = n.saturating_sub(1);
            }
        }
    }

    /// How many of `tokens` are in the bag, not counting the line's own contribution when
    /// `is_member` says the line was added to the bag.
    pub fn shared(&self, tokens: &[u64], is_member: bool) -> usize {
        let own = u32::from(is_member);
        tokens.iter().filter(|t| self.counts.get(t).copied().unwrap_or(0) > own).count()
    }

    /// Share of `tokens` found in the bag, not counting the line's own contribution when
    /// `is_member` says the line was added to the bag. `None` when the line has too few
    /// tokens to measure.
    pub fn overlap(&self, tokens: &[u64], is_member: bool) -> Option<f64> {
        if tokens.len() < MIN_MEASURABLE_TOKENS {
            return None;
        }
        Some(self.shared(tokens, is_member) as f64 / tokens.len() as f64)
    }
}

/// Fewer distinct tokens than this and a line's overlap says nothing.
pub const MIN_MEASURABLE_TOKENS: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_sets_hold_their_codes_and_nothing_else() {
        let codes: Vec<u64> = STOP_WORDS.split_whitespace().map(word_code).collect();
        let set = stop_set(codes.iter().copied());
        assert!(codes.iter().all(|&c| set.contains(c)));
        let others = ["election", "council", "临港"].map(word_code);
        assert!(others.iter().all(|&c| !set.contains(c)));
        assert!(!stop_set(std::iter::empty()).contains(1));
    }

    #[test]
    fn han_bigrams_and_english_stems() {
        let topic = Topic::default();
        assert_eq!(topic.tokens("临港新片区").len(), 4);
        assert_eq!(topic.tokens("我们的"), vec![bigram('们', '的')]);
        assert_eq!(topic.tokens("Elections"), topic.tokens("the election 2024"));
        assert!(topic.tokens("2023年3月23日").is_empty());
    }

    #[test]
    fn dedup_keeps_first_occurrences() {
        let mut short = vec![5, 3, 5, 9, 3, 1 << 63];
        dedup(&mut short);
        assert_eq!(short, [5, 3, 9, 1 << 63]);
        // Past the tables: sorted.
        let mut long: Vec<u64> = (0..600).map(|i| 1 + i % 300).collect();
        dedup(&mut long);
        assert_eq!(long, (1..=300).collect::<Vec<u64>>());
        // Within the larger table, colliding codes all kept once.
        let mut mid: Vec<u64> = (1..=400).chain(1..=400).map(|i| i << 54).collect();
        dedup(&mut mid);
        assert_eq!(mid, (1..=400).map(|i| i << 54).collect::<Vec<u64>>());
    }

    #[test]
    fn removing_lines_gives_the_bag_of_the_rest() {
        let topic = Topic::default();
        let lines: Vec<Vec<u64>> =
            ["临港新片区举行产教融合大会", "产教融合联盟在临港成立", "河北省梅花鉴赏节在安平举行"]
                .iter()
                .map(|l| topic.tokens(l))
                .collect();
        let mut all = Bag::of(lines.iter().map(Vec::as_slice));
        all.remove(&lines[2]);
        let rest = Bag::of(lines[..2].iter().map(Vec::as_slice));
        for line in &lines {
            assert_eq!(all.overlap(line, false), rest.overlap(line, false));
            assert_eq!(all.overlap(line, true), rest.overlap(line, true));
        }
    }

    #[test]
    fn overlap_leaves_out_the_line_itself() {
        let topic = Topic::default();
        let article = topic.tokens("临港新片区举行加快推进国家产教融合试点城市建设大会");
        let teaser = topic.tokens("河北省第八届梅花鉴赏节在安平举行");
        let mut bag = Bag::default();
        bag.add(&article);
        assert_eq!(bag.overlap(&article, true), Some(0.0));
        assert_eq!(bag.overlap(&article, false), Some(1.0));
        assert!(bag.overlap(&teaser, false).unwrap() < 0.1);
    }
}
