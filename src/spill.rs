//! Sorting more items than memory should hold: sorted runs spilled to temporary files and
//! merged as they are read back, as sort(1) does.
//!
//! What a batch counts between its passes grows with its pages; kept in a [`Sorter`], the
//! memory it takes does not: at most `run_len` items in memory, then a sorted run on disk
//! (in the system's temporary folder, `TMPDIR`; the files are gone when dropped, or when
//! the process dies). A batch that fits one run never touches the disk.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};

/// An item that can go to a run on disk and come back.
pub trait Item: Ord + Sized {
    fn write(&self, out: &mut impl Write) -> io::Result<()>;
    /// The next item of a run, or None at its end.
    fn read(input: &mut impl Read) -> io::Result<Option<Self>>;
}

/// Folds an item into the one sorted before it when both are the same key (returns
/// None), or hands it back to follow it.
pub type Combine<T> = fn(&mut T, T) -> Option<T>;

/// At this many runs they are merged into one, so that reading back keeps few files open.
const MAX_RUNS: usize = 32;
/// Buffer of each run's reader and writer.
const RUN_BUFFER: usize = 64 * 1024;

/// Items sorted and combined, in memory up to `run_len` of them, beyond that in runs.
#[derive(Debug)]
pub struct Sorter<T> {
    buffer: Vec<T>,
    run_len: usize,
    runs: Vec<File>,
    combine: Combine<T>,
}

impl<T: Item> Sorter<T> {
    pub fn new(run_len: usize, combine: Combine<T>) -> Sorter<T> {
        Sorter { buffer: Vec::new(), run_len: run_len.max(1), runs: Vec::new(), combine }
    }

    pub fn push(&mut self, item: T) -> io::Result<()> {
        self.buffer.push(item);
        if self.buffer.len() >= self.run_len {
            self.spill()?;
        }
        Ok(())
    }

    fn spill(&mut self) -> io::Result<()> {
        // Drained, not taken: the buffer is allocated once, not grown again for every run.
        self.buffer.sort_unstable();
        let items = combined(self.buffer.drain(..).map(Ok), self.combine);
        self.runs.push(write_run(items)?);
        if self.runs.len() >= MAX_RUNS {
            let runs = std::mem::take(&mut self.runs);
            let merged = combined(Merge::new(runs, Vec::new())?, self.combine);
            self.runs.push(write_run(merged)?);
        }
        Ok(())
    }

    /// Every item pushed, in order, equal keys combined.
    pub fn into_sorted(self) -> io::Result<impl Iterator<Item = io::Result<T>>> {
        Ok(combined(Merge::new(self.runs, sorted(self.buffer))?, self.combine))
    }
}

fn sorted<T: Ord>(mut items: Vec<T>) -> Vec<T> {
    items.sort_unstable();
    items
}

fn write_run<T: Item>(items: impl Iterator<Item = io::Result<T>>) -> io::Result<File> {
    let file = tempfile::tempfile().map_err(|e| {
        io::Error::new(e.kind(), format!("creating a temporary file in {}: {e}", std::env::temp_dir().display()))
    })?;
    let mut out = BufWriter::with_capacity(RUN_BUFFER, file);
    for item in items {
        item?.write(&mut out)?;
    }
    let mut file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.rewind()?;
    Ok(file)
}

/// A sorted stream with each run of equal keys combined into one item.
fn combined<T>(
    mut items: impl Iterator<Item = io::Result<T>>,
    combine: Combine<T>,
) -> impl Iterator<Item = io::Result<T>> {
    let mut pending: Option<T> = None;
    std::iter::from_fn(move || loop {
        match items.next() {
            Some(Ok(item)) => match pending.as_mut() {
                None => pending = Some(item),
                Some(last) => {
                    if let Some(next) = combine(last, item) {
                        return Some(Ok(std::mem::replace(last, next)));
                    }
                }
            },
            Some(Err(e)) => return Some(Err(e)),
            None => return pending.take().map(Ok),
        }
    })
}

/// The k-way merge of sorted runs and one sorted vector; equal items come in the order
/// of their sources, so the merge is deterministic.
struct Merge<T> {
    runs: Vec<BufReader<File>>,
    memory: std::vec::IntoIter<T>,
    heap: BinaryHeap<Reverse<(T, usize)>>,
    failed: bool,
}

impl<T: Item> Merge<T> {
    fn new(runs: Vec<File>, memory: Vec<T>) -> io::Result<Merge<T>> {
        let mut merge = Merge {
            runs: runs.into_iter().map(|f| BufReader::with_capacity(RUN_BUFFER, f)).collect(),
            memory: memory.into_iter(),
            heap: BinaryHeap::new(),
            failed: false,
        };
        for source in 0..=merge.runs.len() {
            merge.refill(source)?;
        }
        Ok(merge)
    }

    /// Puts the next item of a source (a run, or memory after the runs) on the heap.
    fn refill(&mut self, source: usize) -> io::Result<()> {
        let next = match self.runs.get_mut(source) {
            Some(run) => T::read(run)?,
            None => self.memory.next(),
        };
        self.heap.extend(next.map(|item| Reverse((item, source))));
        Ok(())
    }
}

impl<T: Item> Iterator for Merge<T> {
    type Item = io::Result<T>;

    fn next(&mut self) -> Option<io::Result<T>> {
        if self.failed {
            return None;
        }
        let Reverse((item, source)) = self.heap.pop()?;
        if let Err(e) = self.refill(source) {
            self.failed = true;
            return Some(Err(e));
        }
        Some(Ok(item))
    }
}

/// Reads exactly `N` bytes, or none at a clean end.
pub fn read_bytes<const N: usize>(input: &mut impl Read) -> io::Result<Option<[u8; N]>> {
    let mut bytes = [0; N];
    let mut filled = 0;
    while filled < N {
        match input.read(&mut bytes[filled..]) {
            Ok(0) if filled == 0 => return Ok(None),
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(Some(bytes))
}

/// A key and a number: a line's hash and its page count, a band key and a page.
impl Item for (u64, u32) {
    fn write(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(&self.0.to_le_bytes())?;
        out.write_all(&self.1.to_le_bytes())
    }

    fn read(input: &mut impl Read) -> io::Result<Option<Self>> {
        let Some(bytes) = read_bytes::<12>(input)? else { return Ok(None) };
        let (key, number) = bytes.split_at(8);
        Ok(Some((
            u64::from_le_bytes(key.try_into().expect("8 bytes")),
            u32::from_le_bytes(number.try_into().expect("4 bytes")),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(a: &mut (u64, u32), b: (u64, u32)) -> Option<(u64, u32)> {
        if a.0 == b.0 {
            a.1 += b.1;
            None
        } else {
            Some(b)
        }
    }

    fn counted(run_len: usize, keys: &[u64]) -> Vec<(u64, u32)> {
        let mut sorter = Sorter::new(run_len, add);
        keys.iter().for_each(|&k| sorter.push((k, 1)).unwrap());
        sorter.into_sorted().unwrap().collect::<io::Result<_>>().unwrap()
    }

    #[test]
    fn runs_on_disk_sort_and_combine_like_memory() {
        // Keys in a scrambled order, most of them several times.
        let keys: Vec<u64> = (0..5_000u64).map(|i| (i * 7_919) % 1_013).collect();
        let in_memory = counted(usize::MAX, &keys);
        assert_eq!(in_memory.len(), 1_013);
        assert_eq!(in_memory.iter().map(|&(_, n)| n as usize).sum::<usize>(), keys.len());
        assert!(in_memory.windows(2).all(|w| w[0].0 < w[1].0));
        // 3 items a run: 1,667 runs, merged down every MAX_RUNS.
        assert_eq!(counted(3, &keys), in_memory);
        assert_eq!(counted(100, &keys), in_memory);
        assert_eq!(counted(1, &[]), []);
    }

    #[test]
    fn a_truncated_run_is_an_error_not_an_end() {
        let mut short: &[u8] = &[1, 2, 3];
        assert_eq!(<(u64, u32)>::read(&mut short).unwrap_err().kind(), io::ErrorKind::UnexpectedEof);
        let mut empty: &[u8] = &[];
        assert!(<(u64, u32)>::read(&mut empty).unwrap().is_none());
    }
}
