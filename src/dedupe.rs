//! Within-page repeats: the article's teaser printed more than once, and repeated blocks.
//!
//! Takes labelled blocks and relabels copies. A teaser (a line cut off with an ellipsis)
//! whose text is a prefix of a body paragraph is the article's own: its first copy in
//! page order becomes the record's `lead`, every other copy is removed as D001. A kept
//! block outside the article's span whose normalised text repeats an earlier kept block
//! is removed as D002. Repeats inside the article are its text (a caption printed twice,
//! an interview's recurring question), and short repeats are left alone everywhere:
//! tables of contents repeat their section names on purpose.
//! Repeats across pages are the batch stage's business, not this one's.

use crate::document::{Block, Label, Region};
use crate::norm::{normalize, normalized_extends, normalized_hash, truncation_mark};
use crate::rules;
use rustc_hash::FxHashMap;

/// A teaser shorter than this (without its ellipsis) is too short to call a prefix.
pub const LEAD_MIN_UNITS: usize = 6;
/// Repeated blocks shorter than this stay: section names and refrains repeat on purpose.
/// Calibrated on the development corpus, whose article bodies repeat lines of up to 20
/// units (table-of-contents entries) and no longer ones.
pub const DUPLICATE_MIN_UNITS: usize = 24;

/// The within-page dedupe stage.
#[derive(Debug, Default, Clone)]
pub struct Deduper;

impl Deduper {
    pub fn dedupe(&self, blocks: &mut [Block]) {
        self.mark_teaser_copies(blocks);
        self.mark_repeats(blocks);
    }

    fn mark_teaser_copies(&self, blocks: &mut [Block]) {
        let teasers: Vec<usize> = (0..blocks.len())
            .filter(|&i| blocks[i].label != Label::Title && truncation_mark(&blocks[i].text).is_some())
            .filter(|&i| blocks[i].units >= LEAD_MIN_UNITS)
            .collect();
        if teasers.is_empty() {
            return;
        }
        // (index, normalised teaser without its ellipsis) of every cut-off copy of the article's text.
        let mut copies: Vec<(usize, String)> = Vec::new();
        for i in teasers {
            let stem = normalize(&blocks[i].text);
            let stem = stem.trim_end_matches(|c: char| !c.is_alphanumeric()).to_owned();
            // A teaser is a cut-off version of a longer paragraph; two equal lines that trail
            // off alike ("Here's the thing …" twice) are the text, not teaser and source.
            let prefix_of_body =
                blocks.iter().enumerate().any(|(j, b)| j != i && b.is_body() && normalized_extends(&b.text, &stem, 3));
            if prefix_of_body || copies.iter().any(|(_, s)| *s == stem) {
                copies.push((i, stem));
            }
        }
        let Some(&(lead, _)) = copies.first() else { return };
        let lead_line = blocks[lead].line;
        blocks[lead].label = Label::Lead;
        for &(i, _) in &copies {
            if i != lead {
                blocks[i].remove(&rules::DUPLICATE_TEASER, format!("copy of the lead at line {lead_line}"));
            }
        }
    }

    fn mark_repeats(&self, blocks: &mut [Block]) {
        let is_candidate = |b: &Block| matches!(b.label, Label::Body | Label::Lead) && b.units >= DUPLICATE_MIN_UNITS;
        // Hash of the normalised text -> (first line, copies). Hashing the normalised stream
        // costs no allocation; a collision would only merge two counts, never relabel text,
        // since a copy is removed after its normalised text is compared.
        let keys: Vec<Option<u64>> = blocks.iter().map(|b| is_candidate(b).then(|| normalized_hash(&b.text))).collect();
        let mut seen: FxHashMap<u64, (usize, usize)> = FxHashMap::default();
        for (b, key) in blocks.iter().zip(&keys) {
            if let Some(key) = key {
                seen.entry(*key).or_insert((b.line, 0)).1 += 1;
            }
        }
        let first_text: FxHashMap<usize, String> = seen
            .values()
            .filter(|(_, copies)| *copies == 2)
            .filter_map(|(line, _)| blocks.iter().find(|b| b.line == *line).map(|b| (*line, normalize(&b.text))))
            .collect();
        for (b, key) in blocks.iter_mut().zip(keys) {
            let Some(key) = key else { continue };
            let (first, copies) = seen[&key];
            // Three or more copies are a pattern of the text (a refrain), not a scraping accident.
            if copies == 2
                && first != b.line
                && b.region != Region::Inside
                && first_text.get(&first).is_some_and(|t| *t == normalize(&b.text))
            {
                b.remove(&rules::DUPLICATE_PARAGRAPH, format!("repeats line {first}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(line: usize, text: &str, label: Label) -> Block {
        Block { label, region: Region::Tail, ..Block::new(line, text) }
    }

    #[test]
    fn first_teaser_copy_becomes_the_lead() {
        let teaser = "3月23日,临港新片区举行加快推进国家产教融合试点城市建设大会,公布新一轮...";
        let mut blocks = vec![
            block(
                1,
                teaser,
                Label::Removed(crate::document::Removal { rule: &rules::TRUNCATED_TEASER, reason: String::new() }),
            ),
            block(2, "3月23日，临港新片区举行加快推进国家产教融合试点城市建设大会，公布新一轮支持措施。", Label::Body),
            block(
                3,
                teaser,
                Label::Removed(crate::document::Removal { rule: &rules::TRUNCATED_TEASER, reason: String::new() }),
            ),
        ];
        Deduper.dedupe(&mut blocks);
        assert_eq!(blocks[0].label, Label::Lead);
        assert!(blocks[1].is_body());
        assert!(
            matches!(&blocks[2].label, Label::Removed(r) if r.rule == &rules::DUPLICATE_TEASER && r.reason.contains("line 1"))
        );
    }

    #[test]
    fn repeats_inside_the_article_stay() {
        let long = "临港新片区管委会从载体建设、人才培养、科技创新等方面为项目提供综合支持。";
        let mut blocks = vec![block(1, long, Label::Body), block(2, long, Label::Body)];
        blocks[1].region = Region::Inside;
        Deduper.dedupe(&mut blocks);
        assert!(blocks[1].is_body());
    }

    #[test]
    fn long_repeats_go_short_ones_stay() {
        let long = "临港新片区管委会从载体建设、人才培养、科技创新等方面为项目提供综合支持。";
        let mut blocks = vec![
            block(1, "导 言", Label::Body),
            block(2, long, Label::Body),
            block(3, "导 言", Label::Body),
            block(4, long, Label::Body),
        ];
        Deduper.dedupe(&mut blocks);
        assert!(blocks[2].is_body());
        assert!(matches!(&blocks[3].label, Label::Removed(r) if r.rule == &rules::DUPLICATE_PARAGRAPH));
    }
}
