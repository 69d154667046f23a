//! `newsclean check`: a changed expected record fails naming the fixture and the field, a
//! missing one fails, `--bless` makes both pass.

mod common;
use common::*;

use std::fs;
use std::path::Path;
use std::process::Command;

fn check(dir: &Path, bless: bool) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsclean"));
    cmd.arg("check").arg(dir);
    if bless {
        cmd.arg("--bless");
    }
    let out = cmd.output().unwrap();
    (out.status.code().unwrap(), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn missing_changed_and_blessed_records() {
    let dir = scratch("check-check");
    fs::copy("fixtures/text/seed.txt", dir.join("seed.txt")).unwrap();

    let (code, out) = check(&dir, false);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("no expected record") && out.ends_with("0 passed, 1 failed\n"), "{out}");
    assert!(dir.join("seed.json.new").exists());

    let (code, out) = check(&dir, true);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("blessed") && out.contains("(new)"), "{out}");
    assert!(!dir.join("seed.json.new").exists());
    assert_eq!(check(&dir, false), (0, "1 passed, 0 failed\n".to_owned()));

    let expected = fs::read_to_string(dir.join("seed.json")).unwrap();
    assert!(!expected.contains(&*dir.to_string_lossy()), "no absolute path in an expected record");
    fs::write(dir.join("seed.json"), expected.replace("市委常委", "市委委员")).unwrap();
    let (code, out) = check(&dir, false);
    assert_eq!(code, 1);
    assert!(
        out.contains("seed.txt: field `body`") && out.contains("- [6] 市委委员") && out.contains("+ [6] 市委常委"),
        "{out}"
    );

    let (code, out) = check(&dir, true);
    assert!(code == 0 && out.contains("(updated)"), "{out}");
    assert_eq!(check(&dir, false).0, 0);
    fs::remove_dir_all(&dir).unwrap();
}
