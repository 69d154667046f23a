//! Inputs to pages: files as given, directories walked recursively in sorted order.
//!
//! Inside a walk only regular files are pages: symbolic links, FIFOs, sockets and devices
//! are skipped and counted (a FIFO would block a reader forever; a link can loop), and so
//! are hidden files, `.json` files (expected records beside fixtures), the run's own
//! output, and what a crawl leaves beside its pages: scripts, styles, images, fonts,
//! media, archives, feeds and sitemaps (by extension, `.gz` looked through), `robots.txt`,
//! and files of another extension whose first bytes are binary. A path named on the
//! command line is read whatever it is.
//!
//! A walk yields as it goes and holds only the sorted listings of the directories it is
//! in, so a run over a million files does not keep a million paths. What each entry is
//! comes with the listing (the directory entry's type), so walking costs no `stat` a file
//! and a batch can walk again for its second pass.

use crate::norm::ends_with_ignore_ascii_case;
use std::fs::{self, FileType};
use std::path::{Path, PathBuf};

/// What a walk meets, in order.
#[derive(Debug)]
pub enum Entry {
    Page(PathBuf),
    /// Not a page: counted by why (`.js`, `hidden`, `robots.txt`, ...).
    Skipped(String),
    /// A directory that could not be listed, with the cause: it becomes an error record.
    Unreadable(PathBuf, String),
}

/// The inputs' pages in order: the paths as given, each directory's entries sorted.
pub struct Walk {
    /// The listings being walked, innermost last; the first is the paths as given.
    stack: Vec<std::vec::IntoIter<(PathBuf, Option<FileType>)>>,
    /// The run's output file, never read as a page: its name and its canonical path.
    output: Option<(std::ffi::OsString, Option<PathBuf>)>,
    select: Select,
    /// The folder named on the command line that is being walked: globs match below it.
    root: PathBuf,
}

/// Which files found in a folder are pages, as the user chose: `--glob` patterns and
/// `--type` names, as ripgrep and fd take them. None chosen, the walk's own rules decide.
#[derive(Clone, Default)]
pub struct Select {
    globs: Option<Globs>,
    /// The extensions of the types named; empty: every type.
    types: Vec<&'static [&'static str]>,
}

/// `--type` names and the extensions each stands for (`.gz` looked through): every
/// extension of a page or a file of pages.
pub const TYPES: [(&str, &[&str]); 4] = [
    ("html", &["html", "htm", "shtml", "xhtml"]),
    ("text", &["txt", "text", "md"]),
    ("jsonl", &["jsonl", "ndjson"]),
    ("warc", &["warc", "wet"]),
];

impl Select {
    /// What `--glob` and `--type` chose; an error names a pattern that is no glob or a
    /// name that is no type.
    pub fn new(globs: &[String], types: &[String]) -> Result<Select, String> {
        let types = types
            .iter()
            .map(|name| {
                TYPES
                    .iter()
                    .find(|(type_name, _)| name.eq_ignore_ascii_case(type_name))
                    .map(|(_, exts)| *exts)
                    .ok_or_else(|| {
                        let known: Vec<&str> = TYPES.iter().map(|(name, _)| *name).collect();
                        format!("--type {name}: not a type (types: {})", known.join(", "))
                    })
            })
            .collect::<Result<_, String>>()?;
        Ok(Select { globs: Globs::new(globs)?, types })
    }

    /// Why a file found in a folder at `path`, `below` the walked folder, is no page;
    /// None when it is one.
    fn why_not(&self, path: &Path, below: &Path) -> Option<String> {
        let chosen = self.globs.as_ref().and_then(|g| g.choose(below));
        let name = path.file_name().map_or(&b""[..], |n| n.as_encoded_bytes());
        let typed =
            self.types.is_empty() || extension(name).is_some_and(|ext| self.types.iter().any(|t| listed(t, ext)));
        match chosen {
            Some(false) => Some("--glob".to_owned()),
            _ if !typed => Some("--type".to_owned()),
            Some(true) => None,
            None => not_a_page(path),
        }
    }
}

/// `--glob` patterns: a file found in a folder is a page when its path below the folder
/// matches one (whatever its extension), and never when it matches one written `!GLOB`.
#[derive(Clone)]
struct Globs {
    include: globset::GlobSet,
    exclude: globset::GlobSet,
}

impl Globs {
    /// None without patterns; an error names a pattern that is no glob.
    fn new(patterns: &[String]) -> Result<Option<Globs>, String> {
        if patterns.is_empty() {
            return Ok(None);
        }
        let (mut include, mut exclude) = (globset::GlobSetBuilder::new(), globset::GlobSetBuilder::new());
        for pattern in patterns {
            let (set, glob) = match pattern.strip_prefix('!') {
                Some(glob) => (&mut exclude, glob),
                None => (&mut include, pattern.as_str()),
            };
            set.add(globset::Glob::new(glob).map_err(|e| format!("--glob {pattern}: {e}"))?);
        }
        let built = |set: globset::GlobSetBuilder| set.build().map_err(|e| e.to_string());
        Ok(Some(Globs { include: built(include)?, exclude: built(exclude)? }))
    }

    /// For a file at `path` below the walked folder: Some(true) chosen, Some(false) left
    /// out, None when the globs say nothing (only excluding ones, none matching).
    fn choose(&self, path: &Path) -> Option<bool> {
        if self.exclude.is_match(path) {
            return Some(false);
        }
        match (self.include.is_empty(), self.include.is_match(path)) {
            (true, _) => None,
            (false, matched) => Some(matched),
        }
    }
}

impl Walk {
    /// A walk of `paths`; `output` is the file the run writes, if any.
    pub fn new(paths: &[PathBuf], output: Option<&Path>, select: &Select) -> Walk {
        let given = paths.iter().map(|p| (p.clone(), None)).collect::<Vec<_>>();
        let output = output.and_then(|o| Some((o.file_name()?.to_owned(), fs::canonicalize(o).ok())));
        Walk { stack: vec![given.into_iter()], output, select: select.clone(), root: PathBuf::new() }
    }

    /// Whether a file found in a folder is the run's own output (of an earlier run).
    fn is_output(&self, path: &Path) -> bool {
        self.output.as_ref().is_some_and(|(name, canonical)| {
            path.file_name() == Some(name) && canonical.is_some() && fs::canonicalize(path).ok() == *canonical
        })
    }

    /// Pushes a directory's listing, sorted; on failure, the cause.
    fn enter(&mut self, dir: &Path) -> Result<(), String> {
        let entries = fs::read_dir(dir).map_err(|e| e.to_string())?;
        let mut children: Vec<(PathBuf, Option<FileType>)> =
            entries.filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok()))).collect();
        children.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        self.stack.push(children.into_iter());
        Ok(())
    }
}

impl Iterator for Walk {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            let given = self.stack.len() == 1;
            let Some((path, kind)) = self.stack.last_mut()?.next() else {
                self.stack.pop();
                continue;
            };
            let is_dir =
                if given { fs::metadata(&path).is_ok_and(|m| m.is_dir()) } else { kind.is_some_and(|k| k.is_dir()) };
            let hidden = !given && path.file_name().is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
            if is_dir && !hidden {
                if given {
                    self.root.clone_from(&path);
                }
                match self.enter(&path) {
                    Ok(()) => continue,
                    Err(cause) => return Some(Entry::Unreadable(path, cause)),
                }
            }
            if given {
                return Some(Entry::Page(path));
            }
            let why = if hidden {
                Some("hidden".to_owned())
            } else if !kind.is_some_and(|k| k.is_file()) {
                Some("link or special file".to_owned())
            } else if self.is_output(&path) {
                Some("the run's output".to_owned())
            } else {
                self.select.why_not(&path, path.strip_prefix(&self.root).unwrap_or(&path))
            };
            return Some(match why {
                None => Entry::Page(path),
                Some(why) => Entry::Skipped(why),
            });
        }
    }
}

/// Extensions of what a crawl saves beside its pages: never a page.
const NOT_PAGES: [&str; 44] = [
    "json", "new", "js", "mjs", "css", "map", "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "bmp", "tif", "tiff",
    "avif", "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "m4a", "webm", "ogg", "wav", "avi", "mov", "pdf",
    "zip", "rar", "7z", "tar", "tgz", "exe", "dll", "so", "wasm", "xml", "rss", "atom", "csv",
];

/// Why a file found in a folder is not a page (`.js`, `robots.txt`, `binary`), or None
/// for a page. Another extension, or none (`index.php`, a crawler's `page-12`), is a page
/// when its first bytes are text.
fn not_a_page(path: &Path) -> Option<String> {
    // Asked of every file of a walk, twice a batch: bytes compared without allocating.
    let name = path.file_name()?.as_encoded_bytes();
    if name.eq_ignore_ascii_case(b"robots.txt") || name.eq_ignore_ascii_case(b"robots.txt.gz") {
        return Some("robots.txt".to_owned());
    }
    match extension(name) {
        // A page's extension, or a file of pages': read without a look at its bytes.
        Some(ext) if TYPES.iter().any(|(_, exts)| listed(exts, ext)) => None,
        Some(ext) if listed(&NOT_PAGES, ext) => Some(format!(".{}", String::from_utf8_lossy(ext).to_ascii_lowercase())),
        _ => is_binary(path).then(|| "binary".to_owned()),
    }
}

/// A file name's extension, `.gz` looked through (`a.warc.gz`: `warc`).
fn extension(name: &[u8]) -> Option<&[u8]> {
    let name = if ends_with_ignore_ascii_case(name, b".gz") { &name[..name.len() - 3] } else { name };
    name.iter().rposition(|&b| b == b'.').map(|at| &name[at + 1..])
}

/// Whether an extension is one of a list, in any case.
fn listed(list: &[&str], ext: &[u8]) -> bool {
    list.iter().any(|e| e.as_bytes().eq_ignore_ascii_case(ext))
}

/// Whether a file's first bytes are binary: a NUL, or more than a tenth control bytes
/// (a gzip file is looked into).
fn is_binary(path: &Path) -> bool {
    use std::io::{BufRead, Read};
    let Ok(file) = fs::File::open(path) else { return false };
    let mut file = std::io::BufReader::new(file);
    let gzip = file.fill_buf().is_ok_and(|b| b.starts_with(&[0x1f, 0x8b]));
    let mut head = Vec::with_capacity(1024);
    let read = if gzip {
        flate2::bufread::MultiGzDecoder::new(file).take(1024).read_to_end(&mut head)
    } else {
        file.take(1024).read_to_end(&mut head)
    };
    if read.is_err() {
        return false;
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)).count();
    head.contains(&0) || control * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_come_in_sorted_order_and_the_rest_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in ["b.txt", "a/z.html", "a/b/c.txt", "a/.hidden.txt", "a/expected.json", ".git/x.txt"] {
            let path = root.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("b.txt"), root.join("link.txt")).unwrap();
        // A path named on the command line is a page whatever it is.
        let (mut pages, mut skipped) = (Vec::new(), Vec::new());
        for entry in Walk::new(&[root.to_path_buf(), root.join("a/expected.json")], None, &Select::default()) {
            match entry {
                Entry::Page(path) => pages.push(path.strip_prefix(root).unwrap().to_string_lossy().into_owned()),
                Entry::Skipped(why) => skipped.push(why),
                Entry::Unreadable(path, cause) => panic!("{}: {cause}", path.display()),
            }
        }
        assert_eq!(pages, ["a/b/c.txt", "a/z.html", "b.txt", "a/expected.json"]);
        // .git, a/.hidden.txt, a/expected.json and the link.
        let mut expected = vec!["hidden", "hidden", ".json"];
        if cfg!(unix) {
            expected.push("link or special file");
        }
        assert_eq!(skipped, expected);
    }

    #[test]
    fn a_crawl_folder_gives_its_pages_and_names_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let files: [(&str, &[u8]); 10] = [
            ("index.php", b"<html><body><p>A page saved under its script's name.</p></body></html>"),
            ("page-12", b"Plain text saved without an extension."),
            ("story.html", b"<p>story</p>"),
            ("app.js", b"function f(){return 1;}"),
            ("site.css", b"body{margin:0}"),
            ("logo.png", b"\x89PNG\r\n\x1a\n\0\0"),
            ("robots.txt", b"User-agent: *"),
            ("sitemap.xml", b"<urlset/>"),
            ("blob", b"\0\x01\x02\x03binary"),
            ("out.jsonl", b"{}"),
        ];
        for (name, bytes) in files {
            fs::write(root.join(name), bytes).unwrap();
        }
        let (mut pages, mut skipped) = (Vec::new(), Vec::new());
        for entry in Walk::new(&[root.to_path_buf()], Some(&root.join("out.jsonl")), &Select::default()) {
            match entry {
                Entry::Page(path) => pages.push(path.file_name().unwrap().to_string_lossy().into_owned()),
                Entry::Skipped(why) => skipped.push(why),
                Entry::Unreadable(path, cause) => panic!("{}: {cause}", path.display()),
            }
        }
        assert_eq!(pages, ["index.php", "page-12", "story.html"]);
        assert_eq!(skipped, [".js", "binary", ".png", "the run's output", "robots.txt", ".css", ".xml"]);
    }

    #[test]
    fn globs_and_types_choose_below_the_folder_and_bang_leaves_out() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let files = ["news/a.html", "news/old/b.html", "blog/c.html", "news/d.php", "news/app.js", "news/e.txt"];
        for file in files.iter().chain(&["crawl.warc.gz", "pages.JSONL"]) {
            let path = root.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "<p>x</p>").unwrap();
        }
        let walk = |globs: &[&str], types: &[&str]| -> Vec<String> {
            let owned = |list: &[&str]| list.iter().map(|p| p.to_string()).collect::<Vec<_>>();
            let select = Select::new(&owned(globs), &owned(types)).unwrap();
            Walk::new(&[root.to_path_buf()], None, &select)
                .filter_map(|e| match e {
                    Entry::Page(path) => Some(path.strip_prefix(root).unwrap().to_string_lossy().into_owned()),
                    _ => None,
                })
                .collect()
        };
        let news = ["news/a.html", "news/app.js", "news/d.php", "news/e.txt", "news/old/b.html"];
        assert_eq!(walk(&["news/**"], &[]), news);
        assert_eq!(walk(&["*.html", "!news/old/**"], &[]), ["blog/c.html", "news/a.html"]);
        let not_blog = ["crawl.warc.gz", "news/a.html", "news/d.php", "news/e.txt", "news/old/b.html", "pages.JSONL"];
        assert_eq!(walk(&["!blog/**"], &[]), not_blog);
        // A type chooses by extension, and with a glob both must hold.
        assert_eq!(walk(&[], &["html"]), ["blog/c.html", "news/a.html", "news/old/b.html"]);
        assert_eq!(walk(&[], &["warc", "JSONL"]), ["crawl.warc.gz", "pages.JSONL"]);
        assert_eq!(walk(&["news/**"], &["text", "html"]), ["news/a.html", "news/e.txt", "news/old/b.html"]);
        assert!(Select::new(&["a[".to_owned()], &[]).is_err());
        let unknown = Select::new(&[], &["pdf".to_owned()]).err().unwrap();
        assert_eq!(unknown, "--type pdf: not a type (types: html, text, jsonl, warc)");
    }
}
