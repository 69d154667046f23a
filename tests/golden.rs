//! Golden tests: every page under `fixtures/` against its expected record, through the
//! same code as `newsclean check`. `NEWSCLEAN_BLESS=1 cargo test --test golden` rewrites
//! the expected records; any other value than 0 or 1 is refused.

use newsclean::{check, Pipeline};

fn bless() -> bool {
    match std::env::var("NEWSCLEAN_BLESS").as_deref() {
        Err(_) | Ok("0") => false,
        Ok("1") => true,
        Ok(other) => panic!("NEWSCLEAN_BLESS must be 0 or 1, not {other:?}"),
    }
}

#[test]
fn fixtures_match_their_expected_records() {
    let mut out = Vec::new();
    let report = check::run(&Pipeline::new(), &["fixtures".into()], bless(), &mut out).unwrap();
    let text = String::from_utf8_lossy(&out);
    assert_eq!(report.failed, 0, "\n{text}");
    assert!(report.passed >= 34, "expected every fixture to be checked:\n{text}");
}
