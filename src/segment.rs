//! Plain text to blocks: one block per non-blank line, with its 1-based line number.
//!
//! Handles LF, CRLF and lone-CR line ends, full-width (ideographic) indentation and blank
//! lines between paragraphs or none. It deliberately does not join hard-wrapped lines
//! into paragraphs: the line is the unit every later stage labels, so each input line
//! lands in exactly one place of the record.

use crate::document::Block;
use crate::norm::trim;

/// The stage that splits a text page into blocks.
#[derive(Debug, Default, Clone)]
pub struct Segmenter;

impl Segmenter {
    pub fn segment(&self, text: &str) -> Vec<Block> {
        // Old Mac files end lines with CR alone; elsewhere a CR is part of CRLF.
        let lone_cr = !text.contains('\n');
        let lines: Box<dyn Iterator<Item = &str>> =
            if lone_cr { Box::new(text.split('\r')) } else { Box::new(text.split('\n')) };
        lines
            .enumerate()
            .filter_map(|(i, raw)| {
                let line = trim(raw);
                (!line.is_empty()).then(|| Block::new(i + 1, line))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(usize, String)> {
        Segmenter.segment(text).into_iter().map(|b| (b.line, b.text)).collect()
    }

    #[test]
    fn blank_lines_crlf_and_indentation() {
        let text = "标题\r\n\r\n\u{3000}\u{3000}第一段。\r\n  \r\n第二段。\r\n";
        assert_eq!(lines(text), vec![(1, "标题".into()), (3, "第一段。".into()), (5, "第二段。".into())]);
    }

    #[test]
    fn lone_cr_line_ends() {
        assert_eq!(lines("a\rb\r\rc"), vec![(1, "a".into()), (2, "b".into()), (4, "c".into())]);
    }

    #[test]
    fn whitespace_only_gives_nothing() {
        assert!(lines(" \n\u{3000}\n\t").is_empty());
    }
}
