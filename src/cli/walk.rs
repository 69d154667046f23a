//! Inputs to pages: files as given, directories walked recursively in sorted order.
//!
//! Inside a walk only regular files are pages: symbolic links, FIFOs, sockets and devices
//! are skipped and counted (a FIFO would block a reader forever; a link can loop), and so
//! are hidden files and `.json` files, which hold expected records beside fixtures. A path
//! named on the command line is read whatever it is.
//!
//! A walk yields as it goes and holds only the sorted listings of the directories it is
//! in, so a run over a million files does not keep a million paths. What each entry is
//! comes with the listing (the directory entry's type), so walking costs no `stat` a file
//! and a batch can walk again for its second pass.

use std::fs::{self, FileType};
use std::path::{Path, PathBuf};

/// What a walk meets, in order.
#[derive(Debug)]
pub enum Entry {
    Page(PathBuf),
    /// Not a page: counted.
    Skipped,
    /// A directory that could not be listed, with the cause: it becomes an error record.
    Unreadable(PathBuf, String),
}

/// The inputs' pages in order: the paths as given, each directory's entries sorted.
pub struct Walk {
    /// The listings being walked, innermost last; the first is the paths as given.
    stack: Vec<std::vec::IntoIter<(PathBuf, Option<FileType>)>>,
}

impl Walk {
    pub fn new(paths: &[PathBuf]) -> Walk {
        let given = paths.iter().map(|p| (p.clone(), None)).collect::<Vec<_>>();
        Walk { stack: vec![given.into_iter()] }
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
                match self.enter(&path) {
                    Ok(()) => continue,
                    Err(cause) => return Some(Entry::Unreadable(path, cause)),
                }
            }
            let page = given || (kind.is_some_and(|k| k.is_file()) && !hidden && !is_expected_record(&path));
            return Some(if page { Entry::Page(path) } else { Entry::Skipped });
        }
    }
}

fn is_expected_record(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("new"))
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
        let (mut pages, mut skipped) = (Vec::new(), 0);
        for entry in Walk::new(&[root.to_path_buf(), root.join("a/expected.json")]) {
            match entry {
                Entry::Page(path) => pages.push(path.strip_prefix(root).unwrap().to_string_lossy().into_owned()),
                Entry::Skipped => skipped += 1,
                Entry::Unreadable(path, cause) => panic!("{}: {cause}", path.display()),
            }
        }
        assert_eq!(pages, ["a/b/c.txt", "a/z.html", "b.txt", "a/expected.json"]);
        // .git, a/.hidden.txt, a/expected.json and the link.
        assert_eq!(skipped, 3 + usize::from(cfg!(unix)));
    }
}
