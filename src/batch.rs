//! Batches: blocks that recur across pages, and pages that are near-duplicates.
//!
//! A batch is cleaned in two passes. The first reduces every page to its [`PageStats`]:
//! the hashes of its distinct lines and a MinHash signature of its body. They are
//! folded into a [`Table`] (how many pages each line occurs on, and the signatures),
//! which is all that is kept between the passes. The second pass cleans each page again
//! with a [`Batch`] built from the table: a body block seen on many pages is removed as
//! B001, and a page whose body is nearly the same as an earlier page's (in sorted
//! source order) names it in `duplicate_of`.
//!
//! Tables from shards merge by adding counts and concatenating signatures, so a corpus
//! bigger than one machine runs as map (stats per shard), reduce (merge), map (clean per
//! shard with the merged table). Nothing here depends on the order pages arrive in: counts
//! are order-free, and "earlier" means earlier in sorted source order.
//!
//! A batch's memory does not grow with its pages: the first pass counts in a [`Tally`],
//! whose sorters spill sorted runs to temporary files past a fixed number of items, and
//! the second pass keeps only what can matter: lines on several pages, and the signatures
//! of pages that may have a near-duplicate (see [`Tally::batch`]).
//!
//! It deliberately keeps no process-wide state: a table is a value the caller passes.

use crate::document::{Block, Label, Region};
use crate::norm::{normalize, normalized_hash, units};
use crate::record::Record;
use crate::rules;
use crate::spill::{self, Sorter};
use serde::{Deserialize, Serialize};
use std::hash::Hasher;
use std::io::{self, Read, Write};

/// Lines shorter than this are not counted: short labels recur everywhere for good reason.
pub const BOILERPLATE_MIN_UNITS: usize = 10;
/// A block outside the article's span is boilerplate from this many pages on, or from
/// log2 of the batch size when that is larger: 3 of 5 pages, 17 of 100,000.
pub const BOILERPLATE_MIN_PAGES: u32 = 3;
/// Inside the article's span a block must also be on this share of the batch's pages:
/// an article quoting a sentence that three others quote is still that article.
pub const BOILERPLATE_INSIDE_SHARE: f64 = 0.05;
/// MinHash signature length, and its bands for locality-sensitive hashing: 16 bands of
/// 4 rows find pairs of similarity 0.7 with probability 0.99 and of 0.3 with 0.13.
pub const SIGNATURE_LEN: usize = 64;
pub const BANDS: usize = 16;
/// Two pages whose signatures agree on this share of positions are near-duplicates: the
/// same article with one paragraph of five missing or edited scores about 0.75.
pub const NEAR_DUPLICATE_MIN_SIMILARITY: f64 = 0.7;
/// Probes an empty signature bin makes for a filled one before taking the first.
const DENSIFY_MAX_PROBES: u64 = 1024;
/// Characters per shingle of the normalised body.
pub const SHINGLE_CHARS: usize = 5;
/// Table files say which layout they have (2: one-permutation signatures).
pub const TABLE_VERSION: u32 = 2;
/// Items a [`Tally`] holds in memory before it writes a sorted run to disk: line hashes
/// (4 MB), band entries (16 a page, 2.5 MB) and signatures (about 3 MB).
const RUN_LINES: usize = 1 << 18;
const RUN_BANDS: usize = 1 << 15;
const RUN_SIGNATURES: usize = 1 << 13;

/// What the first pass keeps of one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageStats {
    pub source: String,
    /// Distinct hashes of the page's lines of at least BOILERPLATE_MIN_UNITS units.
    pub lines: Vec<u64>,
    /// MinHash of the body's shingles; empty for a page without a body.
    pub signature: Vec<u32>,
}

impl PageStats {
    /// The stats of a page from its record as cleaned alone.
    pub fn of(record: &Record) -> PageStats {
        let texts = record
            .title
            .iter()
            .chain(record.lead.iter())
            .chain(record.body.iter())
            .chain(record.removed.iter().map(|r| &r.text))
            .chain(record.images.iter().map(|i| &i.text));
        let mut lines: Vec<u64> =
            texts.filter(|t| units(t) >= BOILERPLATE_MIN_UNITS).map(|t| normalized_hash(t)).collect();
        lines.sort_unstable();
        lines.dedup();
        PageStats { source: record.source.clone(), lines, signature: signature(&record.body) }
    }
}

/// A page's MinHash signature by one-permutation hashing: each shingle of the body is
/// hashed once; the hash's high half chooses one of SIGNATURE_LEN bins and each bin
/// keeps the least of the low halves that fell into it. Two pages agree on a bin with probability their
/// shingle sets' Jaccard similarity, as with SIGNATURE_LEN hash functions, at a
/// SIGNATURE_LEN-th of the cost. A bin no shingle fell into borrows the value of a bin
/// chosen by a fixed sequence of probes (optimal densification, Shrivastava 2017), so
/// that short bodies compare like long ones.
pub fn signature<S: AsRef<str>>(body: &[S]) -> Vec<u32> {
    // normalize works character by character: the paragraphs' forms joined are the
    // joined body's form. (Streaming the characters through a window instead, with no
    // string built, ran 20-50% slower: the windows over a Vec<char> hash in a tight loop.)
    let chars: Vec<char> = body.iter().map(|p| normalize(p.as_ref())).collect::<String>().chars().collect();
    if chars.is_empty() {
        return Vec::new();
    }
    let mut mins: Vec<Option<u32>> = vec![None; SIGNATURE_LEN];
    for shingle in chars.windows(SHINGLE_CHARS.min(chars.len())) {
        let mut h = rustc_hash::FxHasher::default();
        for c in shingle {
            h.write_u32(*c as u32);
        }
        let x = mix(h.finish());
        let (bin, value) = ((x >> 32) as usize % SIGNATURE_LEN, x as u32);
        mins[bin] = Some(mins[bin].map_or(value, |m| m.min(value)));
    }
    // An empty bin probes bins in an order fixed by its number; past DENSIFY_MAX_PROBES
    // (odds (63/64)^1024, 1 in 10^7, when one bin of 64 is filled) it takes the first
    // filled bin.
    let first_filled = mins.iter().flatten().next().copied().unwrap_or(u32::MAX);
    let probe = |bin: usize, attempt: u64| (mix((bin as u64) << 32 | attempt) % SIGNATURE_LEN as u64) as usize;
    (0..SIGNATURE_LEN)
        .map(|bin| {
            mins[bin]
                .or_else(|| (1..=DENSIFY_MAX_PROBES).find_map(|attempt| mins[probe(bin, attempt)]))
                .unwrap_or(first_filled)
        })
        .collect()
}

/// splitmix64's finaliser: spreads a hash's bits (shingles, probes, band keys).
const fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Share of positions where two signatures agree: an estimate of Jaccard similarity.
pub fn similarity<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// The page-frequency table of a batch, mergeable across shards.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub version: u32,
    /// Pages counted.
    pub pages: u64,
    /// Line hash and the number of pages it occurs on, sorted by hash.
    pub lines: Vec<(u64, u32)>,
    /// Source and signature of every page with a body, sorted by source.
    pub signatures: Vec<(String, Vec<u32>)>,
}

impl Table {
    /// Folds page stats into a table. Any order of the same stats gives the same table.
    pub fn from_stats(stats: impl IntoIterator<Item = PageStats>) -> io::Result<Table> {
        let mut tally = Tally::default();
        stats.into_iter().try_for_each(|page| tally.add(page))?;
        tally.table()
    }

    /// Merges tables of disjoint shards.
    pub fn merge(tables: impl IntoIterator<Item = Table>) -> io::Result<Table> {
        let mut tally = Tally::default();
        tables.into_iter().try_for_each(|table| tally.absorb(table))?;
        tally.table()
    }
}

/// A table being counted, one page's stats at a time: what the first pass keeps, in
/// memory up to a fixed size and in sorted runs on disk beyond it.
#[derive(Debug)]
pub struct Tally {
    pages: u64,
    /// Line hash and page count.
    lines: Sorter<(u64, u32)>,
    bands: Sorter<Band>,
    signatures: Sorter<Signed>,
    signed: u32,
}

impl Default for Tally {
    fn default() -> Tally {
        Tally::with_run_lens(RUN_LINES, RUN_BANDS, RUN_SIGNATURES)
    }
}

impl Tally {
    fn with_run_lens(lines: usize, bands: usize, signatures: usize) -> Tally {
        Tally {
            pages: 0,
            lines: Sorter::new(lines, add_counts),
            bands: Sorter::new(bands, |a, b| (*a != b).then_some(b)),
            signatures: Sorter::new(signatures, |_, b| Some(b)),
            signed: 0,
        }
    }

    /// Counts one page as the first pass sees it: its record, cleaned alone.
    pub fn count(&mut self, record: &Record) -> io::Result<()> {
        self.add(PageStats::of(record))
    }

    pub fn add(&mut self, page: PageStats) -> io::Result<()> {
        self.pages += 1;
        for h in page.lines {
            self.lines.push((h, 1))?;
        }
        self.sign(page.source, page.signature)
    }

    /// Adds the table of a disjoint shard.
    pub fn absorb(&mut self, table: Table) -> io::Result<()> {
        self.pages += table.pages;
        for line in table.lines {
            self.lines.push(line)?;
        }
        table.signatures.into_iter().try_for_each(|(source, signature)| self.sign(source, signature))
    }

    fn sign(&mut self, source: String, signature: Vec<u32>) -> io::Result<()> {
        if signature.is_empty() {
            return Ok(());
        }
        if signature.len() != SIGNATURE_LEN {
            let message = format!("{source}: a signature of {} values, not {SIGNATURE_LEN}", signature.len());
            return Err(io::Error::new(io::ErrorKind::InvalidData, message));
        }
        let number = self.signed;
        self.signed =
            number.checked_add(1).ok_or_else(|| io::Error::other("more than 2^32 signatures in one batch"))?;
        let sketch = std::array::from_fn(|i| signature[i] as u8);
        for key in band_keys(&signature) {
            self.bands.push(Band { key, number, sketch })?;
        }
        self.signatures.push(Signed { number, source, signature })
    }

    /// Everything counted, as a table to write or merge.
    pub fn table(self) -> io::Result<Table> {
        let lines = self.lines.into_sorted()?.collect::<io::Result<Vec<_>>>()?;
        let signatures = by_source(self.signatures, |_| true)?;
        Ok(Table { version: TABLE_VERSION, pages: self.pages, lines, signatures })
    }

    /// The batch for the second pass, with only what it can use: lines on
    /// BOILERPLATE_MIN_PAGES pages or more, and the signatures of pages that can have a
    /// near-duplicate, those sharing a band key with a page whose sketch is as similar as
    /// a near-duplicate's (a sketch is never less similar than its signature). On unique
    /// pages both are empty whatever the batch's size. The second pass finds the same
    /// near-duplicates as with every signature: a page without any is not in the batch,
    /// and counts itself out of its copies only when it is.
    pub fn batch(self) -> io::Result<Batch> {
        let mut counts = Vec::new();
        for line in self.lines.into_sorted()? {
            counts.extend(Some(line?).filter(can_be_boilerplate));
        }
        let mut shared: Vec<u32> = Vec::new();
        let mut group: Vec<Band> = Vec::new();
        for band in self.bands.into_sorted()? {
            let band = band?;
            if group.first().is_some_and(|first| first.key != band.key) {
                near_in_group(&group, &mut shared);
                group.clear();
            }
            group.push(band);
        }
        near_in_group(&group, &mut shared);
        shared.sort_unstable();
        shared.dedup();
        let signatures = by_source(self.signatures, |number| shared.binary_search(&number).is_ok())?;
        Ok(Batch::from_parts(self.pages, counts, signatures))
    }
}

/// The first pass of a batch over `pages`, in order: each cleaned alone by `clean` (no
/// batch given) and counted; a page that fails counts as none. `check` and `eval` run it
/// over files; the command line folds its parallel chunks through [`Tally::count`] the
/// same way, as it needs the tally's table too (`newsclean stats`).
pub fn first_pass<P, E>(
    pages: &[P],
    clean: impl Fn(&P, Option<&Batch>) -> io::Result<Result<Record, E>>,
) -> io::Result<Batch> {
    let mut tally = Tally::default();
    for page in pages {
        if let Ok(record) = clean(page, None)? {
            tally.count(&record)?;
        }
    }
    tally.batch()
}

/// The signatures whose numbers `keep` takes, as sources and signatures sorted by source.
fn by_source(signatures: Sorter<Signed>, keep: impl Fn(u32) -> bool) -> io::Result<Vec<(String, Vec<u32>)>> {
    let mut kept = Vec::new();
    for signed in signatures.into_sorted()? {
        let signed = signed?;
        if keep(signed.number) {
            kept.push((signed.source, signed.signature));
        }
    }
    kept.sort();
    Ok(kept)
}

/// The numbers of pages sharing a band key whose sketches are as similar as near-duplicates,
/// each once.
fn near_in_group(group: &[Band], into: &mut Vec<u32>) {
    let mut near = vec![false; group.len()];
    for (i, a) in group.iter().enumerate() {
        for (j, b) in group.iter().enumerate().skip(i + 1) {
            if !(near[i] && near[j]) && similarity(&a.sketch, &b.sketch) >= NEAR_DUPLICATE_MIN_SIMILARITY {
                near[i] = true;
                near[j] = true;
            }
        }
    }
    into.extend(group.iter().zip(near).filter(|(_, near)| *near).map(|(band, _)| band.number));
}

/// The page's own headline and teaser, which stay where its body repeats them.
fn own_lines(blocks: &[Block]) -> Vec<u64> {
    blocks.iter().filter(|b| matches!(b.label, Label::Title | Label::Lead)).map(|b| normalized_hash(&b.text)).collect()
}

/// The hash of a block a batch may remove: a body block of BOILERPLATE_MIN_UNITS or more
/// that is not the page's own headline or teaser.
fn candidate(b: &Block, own: &[u64]) -> Option<u64> {
    if b.label != Label::Body || b.units < BOILERPLATE_MIN_UNITS {
        return None;
    }
    Some(normalized_hash(&b.text)).filter(|hash| !own.contains(hash))
}

/// Whether a line's page count reaches a threshold: one on fewer pages is below them all.
fn can_be_boilerplate(&(_, pages): &(u64, u32)) -> bool {
    pages >= BOILERPLATE_MIN_PAGES
}

fn add_counts(a: &mut (u64, u32), b: (u64, u32)) -> Option<(u64, u32)> {
    if a.0 != b.0 {
        return Some(b);
    }
    a.1 = a.1.saturating_add(b.1);
    None
}

/// One band of a page's signature: its key, the page's number, and the signature's sketch,
/// the low byte of every value (b-bit MinHash with b = 8, Li and König 2010): equal where
/// the signature is, so at least as similar, and 4 times smaller.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Band {
    key: u64,
    number: u32,
    sketch: [u8; SIGNATURE_LEN],
}

impl spill::Item for Band {
    fn write(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(&self.key.to_le_bytes())?;
        out.write_all(&self.number.to_le_bytes())?;
        out.write_all(&self.sketch)
    }

    fn read(input: &mut impl Read) -> io::Result<Option<Band>> {
        let Some((key, number)) = <(u64, u32)>::read(input)? else { return Ok(None) };
        let mut sketch = [0; SIGNATURE_LEN];
        input.read_exact(&mut sketch)?;
        Ok(Some(Band { key, number, sketch }))
    }
}

/// A page's source and signature, numbered in the order the tally saw them.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Signed {
    number: u32,
    source: String,
    signature: Vec<u32>,
}

impl spill::Item for Signed {
    fn write(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(&self.number.to_le_bytes())?;
        out.write_all(&(self.source.len() as u32).to_le_bytes())?;
        out.write_all(self.source.as_bytes())?;
        out.write_all(&(self.signature.len() as u32).to_le_bytes())?;
        self.signature.iter().try_for_each(|x| out.write_all(&x.to_le_bytes()))
    }

    fn read(input: &mut impl Read) -> io::Result<Option<Signed>> {
        fn word(input: &mut impl Read) -> io::Result<u32> {
            let mut bytes = [0; 4];
            input.read_exact(&mut bytes)?;
            Ok(u32::from_le_bytes(bytes))
        }
        let Some(number) = spill::read_bytes::<4>(input)? else { return Ok(None) };
        let mut source = vec![0; word(input)? as usize];
        input.read_exact(&mut source)?;
        let source = String::from_utf8(source).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let signature = (0..word(input)?).map(|_| word(input)).collect::<io::Result<Vec<u32>>>()?;
        Ok(Some(Signed { number: u32::from_le_bytes(number), source, signature }))
    }
}

/// A table made ready for the second pass: the counts of lines that can be boilerplate,
/// and the signatures indexed by band, both sorted vectors searched by halving.
#[derive(Debug, Default)]
pub struct Batch {
    pages: u64,
    /// Line hash and page count, for lines on BOILERPLATE_MIN_PAGES pages or more.
    counts: Vec<(u64, u32)>,
    signatures: Vec<(String, Vec<u32>)>,
    /// Band key and the index of a signature with it, sorted.
    buckets: Vec<(u64, u32)>,
    /// The first pass's batch: empty, it removes nothing and names no original, and a
    /// record cleaned in it carries the lines B001 may remove (`Record::batch_lines`).
    counting: bool,
}

impl Batch {
    /// The batch of a first pass, before anything is counted: a page's record in it is
    /// its record alone, with the hashes of the blocks a second pass's B001 may remove.
    pub fn counting() -> Batch {
        Batch { counting: true, ..Batch::default() }
    }

    /// Whether this is the first pass's batch.
    pub fn is_counting(&self) -> bool {
        self.counting
    }

    pub fn new(table: Table) -> Batch {
        let counts = table.lines.into_iter().filter(can_be_boilerplate).collect();
        Batch::from_parts(table.pages, counts, table.signatures)
    }

    /// `counts` sorted by hash, `signatures` by source.
    fn from_parts(pages: u64, counts: Vec<(u64, u32)>, signatures: Vec<(String, Vec<u32>)>) -> Batch {
        let mut buckets: Vec<(u64, u32)> = signatures
            .iter()
            .enumerate()
            .flat_map(|(i, (_, sig))| band_keys(sig).map(move |key| (key, i as u32)))
            .collect();
        buckets.sort_unstable();
        Batch { pages, counts, signatures, buckets, counting: false }
    }

    /// Pages a line must occur on to be boilerplate, outside and inside the article.
    pub fn thresholds(&self) -> (u32, u32) {
        let log = (self.pages.max(1) as f64).log2().ceil() as u32;
        let outside = BOILERPLATE_MIN_PAGES.max(log);
        let inside = outside.max((BOILERPLATE_INSIDE_SHARE * self.pages as f64).ceil() as u32);
        (outside, inside)
    }

    /// Removes body blocks that recur across the batch. Titles and leads stay: a page's
    /// own headline shown as a teaser on other pages is still its headline here. The
    /// same article crawled several times counts once: a line's page count is lowered by
    /// the page's near-duplicates in the batch, so copies of one article keep their text.
    ///
    /// Returns the signature of the page's body as the first pass saw it, for
    /// [`Batch::original_of`].
    pub fn mark_boilerplate(&self, blocks: &mut [Block]) -> Vec<u32> {
        let body: Vec<&str> = blocks.iter().filter(|b| b.label == Label::Body).map(|b| b.text.as_str()).collect();
        let sig = signature(&body);
        let copies = self.copies_of(&sig);
        let own = own_lines(blocks);
        let (outside, inside) = self.thresholds();
        for b in blocks.iter_mut() {
            let Some(hash) = candidate(b, &own) else { continue };
            let count = self.counts.binary_search_by_key(&hash, |&(h, _)| h).map_or(0, |i| self.counts[i].1);
            let seen = count.saturating_sub(copies);
            let min = if b.region == Region::Inside { inside } else { outside };
            if seen >= min {
                b.remove(
                    &rules::CROSS_PAGE_BOILERPLATE,
                    format!("seen on {seen} of {} pages (threshold {min})", self.pages),
                );
            }
        }
        sig
    }

    /// The hashes of the blocks `mark_boilerplate` weighs, sorted: what a batch may remove.
    pub fn candidates(blocks: &[Block]) -> Vec<u64> {
        let own = own_lines(blocks);
        let mut lines: Vec<u64> = blocks.iter().filter_map(|b| candidate(b, &own)).collect();
        lines.sort_unstable();
        lines.dedup();
        lines
    }

    /// How many other pages of the batch are near-duplicates of a page with this signature.
    pub fn copies_of(&self, sig: &[u32]) -> u32 {
        let similar = self.similar(sig).filter(|(_, s)| *s >= NEAR_DUPLICATE_MIN_SIMILARITY).count() as u32;
        // The page itself is in the table when the batch counted it.
        similar.saturating_sub(1)
    }

    /// Pages sharing a band with a signature, in sorted source order, with their similarity.
    fn similar<'a>(&'a self, sig: &'a [u32]) -> impl Iterator<Item = (&'a str, f64)> + 'a {
        let mut candidates: Vec<u32> = band_keys(sig)
            .flat_map(|key| {
                let start = self.buckets.partition_point(|&(k, _)| k < key);
                self.buckets[start..].iter().take_while(move |&&(k, _)| k == key).map(|&(_, i)| i)
            })
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates.into_iter().map(move |i| {
            let (source, other) = &self.signatures[i as usize];
            (source.as_str(), similarity(sig, other))
        })
    }

    /// Whether the batch can change the record of a page cleaned alone, by the page's
    /// `lines` (`Record::batch_lines`, from the first pass) and `source`: a line of it is
    /// on as many pages as the lower of the thresholds (B001 may remove it), or the page
    /// may have a near-duplicate. When not, its record in the batch is the record it had
    /// alone: nothing is removed, nothing names an original. Of a batch its own first
    /// pass counted ([`Tally::batch`]), which keeps only the signatures that may be copies.
    pub fn may_change(&self, lines: &[u64], source: &str) -> bool {
        let (outside, _) = self.thresholds();
        let recurs =
            |h: &u64| self.counts.binary_search_by_key(h, |&(k, _)| k).is_ok_and(|i| self.counts[i].1 >= outside);
        lines.iter().any(recurs) || self.signatures.binary_search_by(|(s, _)| s.as_str().cmp(source)).is_ok()
    }

    /// The earliest page in sorted source order, other than `source` and before it, whose
    /// body is a near-duplicate of the page with signature `sig`, with the similarity.
    pub fn original_of(&self, source: &str, sig: &[u32]) -> Option<(String, f64)> {
        if sig.is_empty() {
            return None;
        }
        let found = self
            .similar(sig)
            .find(|(other, s)| *other < source && *s >= NEAR_DUPLICATE_MIN_SIMILARITY)
            .map(|(other, s)| (other.to_owned(), s));
        found
    }
}

/// One key per band: the hash of the band's number and rows (a collision across bands
/// only adds a candidate, whose similarity is then measured).
fn band_keys(sig: &[u32]) -> impl Iterator<Item = u64> + '_ {
    let rows = SIGNATURE_LEN / BANDS;
    sig.chunks(rows).enumerate().map(|(band, rows)| {
        let mut h = rustc_hash::FxHasher::default();
        h.write_usize(band);
        for r in rows {
            h.write_u32(*r);
        }
        mix(h.finish())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn near_duplicates_are_found_and_others_are_not() {
        let a = body(&[
            "临港新片区举行加快推进国家产教融合试点城市建设大会，公布新一轮支持措施。",
            "新片区产教融合联盟正式成立，首批联盟单位84家，覆盖企业、院校、科研机构、行业协会等。",
        ]);
        let mut b = a.clone();
        b[1].push_str("联盟将立足新片区。");
        let c = body(&["河北省第八届梅花鉴赏节在安平举行，来自全国各地的梅花爱好者齐聚一堂，观赏数百个品种。"]);
        assert!(similarity(&signature(&a), &signature(&b)) >= NEAR_DUPLICATE_MIN_SIMILARITY);
        assert!(similarity(&signature(&a), &signature(&c)) < 0.2);
        let stats = [("b.txt", &b), ("a.txt", &a), ("c.txt", &c)].map(|(source, body)| PageStats {
            source: source.into(),
            lines: vec![],
            signature: signature(body),
        });
        let whole = Batch::new(Table::from_stats(stats.clone()).unwrap());
        // Counted in runs of one item each, the batch keeps only the pair's signatures
        // and finds what the whole table finds.
        let mut tally = Tally::with_run_lens(1, 1, 1);
        stats.into_iter().try_for_each(|page| tally.add(page)).unwrap();
        let pruned = tally.batch().unwrap();
        assert_eq!(pruned.signatures.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>(), ["a.txt", "b.txt"]);
        assert_eq!(whole.signatures.len(), 3);
        for batch in [&whole, &pruned] {
            assert_eq!(batch.original_of("b.txt", &signature(&b)).map(|(s, _)| s), Some("a.txt".into()));
            assert_eq!(batch.original_of("a.txt", &signature(&a)), None);
            assert_eq!(batch.original_of("c.txt", &signature(&c)), None);
            assert_eq!([&a, &b, &c].map(|body| batch.copies_of(&signature(body))), [1, 1, 0]);
        }
    }

    #[test]
    fn a_tally_in_runs_on_disk_counts_what_one_in_memory_does() {
        let pages: Vec<PageStats> = (0..200u64)
            .map(|i| PageStats {
                source: format!("p{:03}", (i * 37) % 200),
                lines: vec![i % 7, 100 + i % 3, 1_000 + i],
                signature: signature(&[format!("正文第{}段，内容各不相同。", i % 50)]),
            })
            .collect();
        let in_memory = Table::from_stats(pages.clone()).unwrap();
        let mut tally = Tally::with_run_lens(3, 5, 2);
        pages.into_iter().try_for_each(|page| tally.add(page)).unwrap();
        let in_runs = tally.table().unwrap();
        assert_eq!(in_runs, in_memory);
        assert_eq!(in_memory.lines.len(), 7 + 3 + 200);
        assert_eq!(in_memory.lines[0], (0, 29));
        assert_eq!(in_memory.signatures.len(), 200);
        assert!(in_memory.signatures.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn a_signature_of_the_wrong_length_is_an_error() {
        let mut tally = Tally::default();
        let page = PageStats { source: "x".into(), lines: vec![], signature: vec![1, 2, 3] };
        assert_eq!(tally.add(page).unwrap_err().kind(), io::ErrorKind::InvalidData);
    }

    /// The exact Jaccard similarity of two bodies' shingle sets.
    fn jaccard(a: &[String], b: &[String]) -> f64 {
        let shingles = |body: &[String]| -> std::collections::HashSet<Vec<char>> {
            let chars: Vec<char> = body.iter().map(|p| normalize(p)).collect::<String>().chars().collect();
            chars.windows(SHINGLE_CHARS).map(<[char]>::to_vec).collect()
        };
        let (a, b) = (shingles(a), shingles(b));
        a.intersection(&b).count() as f64 / a.union(&b).count() as f64
    }

    #[test]
    fn signatures_estimate_jaccard_similarity() {
        // Paragraphs of pseudo-random Han characters, so that no two share shingles by chance.
        let mut state = 7u64;
        let mut paragraph = |len: usize| -> String {
            (0..len)
                .map(|_| {
                    state = mix(state);
                    char::from_u32(0x4e00 + (state % 0x5000) as u32).unwrap_or('一')
                })
                .collect()
        };
        let base: Vec<String> = (0..10).map(|_| paragraph(80)).collect();
        for changed in 0..=6 {
            let mut other = base.clone();
            for p in other.iter_mut().take(changed) {
                *p = paragraph(80);
            }
            let (exact, estimate) = (jaccard(&base, &other), similarity(&signature(&base), &signature(&other)));
            // One standard error of 64 bins is at most 0.0625.
            assert!((exact - estimate).abs() < 0.19, "{changed} changed: exact {exact:.3}, estimate {estimate:.3}");
        }
        // Bodies with fewer shingles than bins: empty bins are filled alike on both sides.
        let short = vec![paragraph(12)];
        assert_eq!(similarity(&signature(&short), &signature(&short.clone())), 1.0);
        assert!(similarity(&signature(&short), &signature(&[paragraph(12)])) < 0.3);
        assert!(signature::<String>(&[]).is_empty());
    }

    /// A signature's values in short: an FNV-1a hash of them.
    fn digest(sig: &[u32]) -> u64 {
        sig.iter()
            .flat_map(|v| v.to_le_bytes())
            .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
    }

    #[test]
    fn signatures_stay_what_table_files_hold() {
        // Tables written by earlier runs (version 2) are merged with new ones: the values
        // must not move. Bodies across paragraphs, width and case folding, short ones.
        let bodies: [&[&str]; 5] = [
            &["临港新片区举行大会。", "Ｆｕｌｌ Width and CASE", "  "],
            &["ab"],
            &["a", "b", "c"],
            &["abcd", "e"],
            &["　 "],
        ];
        let digests: Vec<u64> = bodies.iter().map(|b| digest(&signature(b))).collect();
        // The values of table version 2; the last body has no signature.
        assert_eq!(
            digests,
            [
                13944650004845424890,
                2734312170177499941,
                8203062435993151525,
                12194327011529878053,
                14695981039346656037
            ]
        );
        assert!(signature(bodies[4]).is_empty());
    }

    #[test]
    fn tables_merge_like_one_batch_and_thresholds_scale() {
        let stats = |s: &str, lines: &[u64]| PageStats { source: s.into(), lines: lines.to_vec(), signature: vec![] };
        let whole = Table::from_stats([stats("a", &[1, 2]), stats("b", &[2, 3]), stats("c", &[2])]).unwrap();
        let merged = Table::merge([
            Table::from_stats([stats("c", &[2])]).unwrap(),
            Table::from_stats([stats("b", &[2, 3]), stats("a", &[1, 2])]).unwrap(),
        ])
        .unwrap();
        assert_eq!(whole, merged);
        assert_eq!(whole.lines, [(1, 1), (2, 3), (3, 1)]);
        assert_eq!(Batch::new(Table { pages: 5, ..Table::default() }).thresholds(), (3, 3));
        assert_eq!(Batch::new(Table { pages: 100_000, ..Table::default() }).thresholds(), (17, 5000));
    }
}
