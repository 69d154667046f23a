//! What a batch's first pass keeps of each page for the second: the record as the output
//! writes it, and what tells whether the batch can change it (`Batch::may_change`). The
//! second pass cleans again only the pages the batch can change and writes the others
//! as they were kept. Kept in a temporary file, in input order: memory does not grow
//! with the batch.

use newsclean::ErrorRecord;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};

/// One page as the first pass left it.
pub enum Kept {
    /// A record: where its page is (`Job::place`), its `source`, its lines' hashes, its
    /// bytes as the output writes them, and the rules of its removals.
    Record { place: String, source: String, lines: Vec<u64>, rendered: Vec<u8>, rules: Vec<&'static str> },
    /// An error record, which a batch cannot change.
    Error { place: String, error: ErrorRecord },
}

impl Kept {
    pub fn place(&self) -> &str {
        match self {
            Kept::Record { place, .. } | Kept::Error { place, .. } => place,
        }
    }
}

/// The first pass's pages, written in order.
pub struct Writer {
    out: BufWriter<File>,
}

impl Writer {
    pub fn new() -> io::Result<Writer> {
        let file = tempfile::tempfile().map_err(|e| {
            io::Error::new(e.kind(), format!("creating a temporary file in {}: {e}", std::env::temp_dir().display()))
        })?;
        Ok(Writer { out: BufWriter::with_capacity(1 << 16, file) })
    }

    pub fn push(&mut self, kept: &Kept) -> io::Result<()> {
        let out = &mut self.out;
        match kept {
            Kept::Record { place, source, lines, rendered, rules } => {
                out.write_all(&[0])?;
                put(out, place.as_bytes())?;
                put(out, source.as_bytes())?;
                out.write_all(&len(lines.len())?.to_le_bytes())?;
                for line in lines {
                    out.write_all(&line.to_le_bytes())?;
                }
                put(out, rendered)?;
                put(out, rules.join(",").as_bytes())
            }
            Kept::Error { place, error } => {
                out.write_all(&[1])?;
                for text in [place, &error.id, &error.source, &error.error] {
                    put(out, text.as_bytes())?;
                }
                Ok(())
            }
        }
    }

    /// The pages written, to be read back in the same order.
    pub fn into_reader(self) -> io::Result<Reader> {
        let mut file = self.out.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.rewind()?;
        Ok(Reader { input: BufReader::with_capacity(1 << 16, file) })
    }
}

/// The first pass's pages, read back in order.
pub struct Reader {
    input: BufReader<File>,
}

impl Iterator for Reader {
    type Item = io::Result<Kept>;

    fn next(&mut self) -> Option<io::Result<Kept>> {
        let mut tag = [0u8];
        match self.input.read_exact(&mut tag) {
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return None,
            Err(e) => return Some(Err(e)),
            Ok(()) => {}
        }
        Some(self.read(tag[0]))
    }
}

impl Reader {
    fn read(&mut self, tag: u8) -> io::Result<Kept> {
        let input = &mut self.input;
        if tag == 1 {
            let (place, id, source, error) = (text(input)?, text(input)?, text(input)?, text(input)?);
            return Ok(Kept::Error { place, error: ErrorRecord { id, source, error } });
        }
        let (place, source) = (text(input)?, text(input)?);
        let lines = (0..u32_of(input)?).map(|_| u64_of(input)).collect::<io::Result<Vec<u64>>>()?;
        let rendered = bytes(input)?;
        let codes = text(input)?;
        let rules = codes
            .split(',')
            .filter(|code| !code.is_empty())
            .map(|code| newsclean::rules::find(code).map(|rule| rule.code).ok_or_else(|| invalid(code)))
            .collect::<io::Result<Vec<&'static str>>>()?;
        Ok(Kept::Record { place, source, lines, rendered, rules })
    }
}

fn len(n: usize) -> io::Result<u32> {
    u32::try_from(n).map_err(|_| io::Error::other("a kept page over 4 GB"))
}

fn put(out: &mut impl Write, data: &[u8]) -> io::Result<()> {
    out.write_all(&len(data.len())?.to_le_bytes())?;
    out.write_all(data)
}

fn u32_of(input: &mut impl Read) -> io::Result<u32> {
    let mut b = [0u8; 4];
    input.read_exact(&mut b)?;
    Ok(u32::from_le_bytes(b))
}

fn u64_of(input: &mut impl Read) -> io::Result<u64> {
    let mut b = [0u8; 8];
    input.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

fn bytes(input: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut data = vec![0; u32_of(input)? as usize];
    input.read_exact(&mut data)?;
    Ok(data)
}

fn text(input: &mut impl Read) -> io::Result<String> {
    String::from_utf8(bytes(input)?).map_err(|_| invalid("text"))
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("a kept page's {what} is damaged"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_come_back_as_they_were_kept() {
        let mut writer = Writer::new().unwrap();
        let record = Kept::Record {
            place: "a.html".into(),
            source: "a.html".into(),
            lines: vec![7, u64::MAX],
            rendered: b"{\"id\":\"a\"}\n".to_vec(),
            rules: vec!["M001", "B001"],
        };
        let error = ErrorRecord { id: "b".into(), source: "b.html".into(), error: "decode: empty".into() };
        writer.push(&record).unwrap();
        writer.push(&Kept::Error { place: "b.html".into(), error }).unwrap();
        let read: Vec<Kept> = writer.into_reader().unwrap().collect::<io::Result<_>>().unwrap();
        match &read[..] {
            [Kept::Record { place, source, lines, rendered, rules }, Kept::Error { place: p, error }] => {
                assert_eq!(
                    (place.as_str(), source.as_str(), lines.as_slice()),
                    ("a.html", "a.html", &[7, u64::MAX][..])
                );
                assert_eq!((rendered.as_slice(), rules.as_slice()), (&b"{\"id\":\"a\"}\n"[..], &["M001", "B001"][..]));
                assert_eq!((p.as_str(), error.error.as_str()), ("b.html", "decode: empty"));
            }
            _ => panic!("read back {} pages", read.len()),
        }
    }
}
