//! Hostile input: nothing crashes, nothing hangs, nothing is lost. Big inputs are
//! generated here, never committed.

mod common;
use common::*;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Command;

/// Deterministic pseudo-random bytes (a 64-bit LCG), so a failure reproduces.
fn noise(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 56) as u8
        })
        .collect()
}

fn write_hostile_pages(dir: &Path) -> usize {
    let article = "临港新片区举行加快推进国家产教融合试点城市建设大会，公布新一轮支持措施。";
    let pages: Vec<(&[u8], Vec<u8>)> = vec![
        (b"empty.txt", Vec::new()),
        (b"blank.txt", b" \n\t\r\n\xe3\x80\x80\n".to_vec()),
        (b"random.txt", noise(64 << 10, 1)),
        (b"blob.bin", noise(4096, 3)),
        (b"image.html", [&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], &noise(4096, 2)].concat()),
        (b"nul.txt", format!("标题\n{article}\0\0\0{article}\n").into_bytes()),
        (b"invalid-utf8.txt", [article.repeat(10).as_bytes(), b"\xff\xfe\xc3\x28 broken \xe2\x82", article.repeat(10).as_bytes()].concat()),
        (b"utf16.txt", {
            let mut b = vec![0xff, 0xfe];
            format!("标题\n{article}\n").encode_utf16().for_each(|u| b.extend(u.to_le_bytes()));
            b
        }),
        (b"gbk.txt", encoding_rs::GB18030.encode(&format!("标题\n{article}\n{article}\n")).0.into_owned()),
        (b"big5.html", encoding_rs::BIG5.encode("<html><body><p>臺灣的新聞報導指出，颱風將在週末登陸，氣象局呼籲民眾做好防颱準備。</p></body></html>").0.into_owned()),
        (b"deep.html", format!("<html><body>{}<p>{article}</p>{}</body></html>", "<div>".repeat(200_000), "</div>".repeat(200_000)).into_bytes()),
        (b"unclosed.html", format!("<html><body><div><p>{article}<p>{article}<table><tr><td>x<span><b><i>").into_bytes()),
        (b"one-line.txt", article.repeat(20 * 1024 * 1024 / article.len()).into_bytes()),
        (b"many-lines.txt", "短行\n".repeat(2_000_000).into_bytes()),
        (b"caf\xe9-latin1-name.txt", format!("标题\n{article}\n").into_bytes()),
    ];
    let count = pages.len();
    for (name, bytes) in pages {
        fs::write(dir.join(OsStr::from_bytes(name)), bytes).unwrap();
    }
    count
}

#[test]
fn a_directory_of_hostile_pages_yields_one_line_per_regular_file() {
    let dir = scratch("hostile-walk");
    let regular = write_hostile_pages(&dir);
    // Never waited on, never followed: a FIFO, a symlink loop, a link to the directory.
    assert!(Command::new("mkfifo").arg(dir.join("pipe.txt")).status().unwrap().success());
    std::os::unix::fs::symlink("loop.txt", dir.join("loop.txt")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("up")).unwrap();

    // As a batch (both passes read every page) and page by page: one line per file each.
    let batched = Command::new(env!("CARGO_BIN_EXE_newsclean")).arg("clean").arg(&dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&batched.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(batched.status.code(), Some(1), "some inputs fail: exit 1 after the rest");
    // The FIFO, the links, and blob.bin, whose first bytes are binary (inside a folder a
    // file that is no page is skipped and named; random.txt and image.html, named pages,
    // are error records).
    assert!(stderr.contains("4 skipped (binary 1, link or special file 3)"), "{stderr}");
    assert_eq!(batched.stdout.iter().filter(|&&b| b == b'\n').count(), regular - 1);
    // The same article sentence sits on most of these pages, so the batch removes it as
    // boilerplate; the checks of content below clean each page alone.
    let out = Command::new(env!("CARGO_BIN_EXE_newsclean")).args(["clean", "--no-batch"]).arg(&dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("output is UTF-8 even for non-UTF-8 file names");
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), regular - 1);
    let by_name = |name: &str| lines.iter().find(|r| r["source"].as_str().unwrap().ends_with(name)).unwrap();
    for failing in ["empty.txt", "blank.txt", "random.txt", "image.html"] {
        assert!(by_name(failing)["error"].is_string(), "{failing}");
    }
    for cleaned in [
        "nul.txt",
        "invalid-utf8.txt",
        "utf16.txt",
        "gbk.txt",
        "big5.html",
        "deep.html",
        "unclosed.html",
        "one-line.txt",
        "many-lines.txt",
        "latin1-name.txt",
    ] {
        let r = by_name(cleaned);
        assert!(r["error"].is_null() && r["stats"].is_object(), "{cleaned}: {r}");
    }
    assert!(by_name("deep.html")["stats"]["flattened_tags"].as_u64().unwrap() > 199_000);
    assert!(by_name("deep.html")["body"].to_string().contains("临港新片区"));
    assert_eq!(by_name("gbk.txt")["encoding"], "gb18030");
    assert_eq!(by_name("big5.html")["encoding"], "Big5");
    assert!(by_name("invalid-utf8.txt")["stats"]["replacements"].as_u64().unwrap() > 0);
    assert!(!text.contains('\u{fffd}') || by_name("latin1-name.txt")["source"].as_str().unwrap().contains('\u{fffd}'));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_path_that_cannot_be_read_is_an_error_record() {
    let out = Command::new(env!("CARGO_BIN_EXE_newsclean")).args(["clean", "-q", "no/such/page.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["source"], "no/such/page.txt");
    assert!(r["error"].as_str().unwrap().starts_with("read: "));
}

#[test]
fn gzip_pages_are_inflated_and_bombs_refused() {
    use std::io::Write;
    let dir = scratch("hostile-gzip");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&fs::read("fixtures/html/en-news.html").unwrap()).unwrap();
    fs::write(dir.join("page.html.gz"), gz.finish().unwrap()).unwrap();
    let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b'a'; 1 << 20];
    for _ in 0..300 {
        bomb.write_all(&zeros).unwrap();
    }
    fs::write(dir.join("bomb.txt.gz"), bomb.finish().unwrap()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_newsclean")).args(["clean", "-q"]).arg(&dir).output().unwrap();
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(lines[0]["error"].as_str().unwrap().contains("over"), "{}", lines[0]);
    assert_eq!(lines[1]["title"], "City council approves new protected bike lanes downtown");
    fs::remove_dir_all(&dir).unwrap();
}
