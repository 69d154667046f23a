//! What an address says: the day a page's address files it under, a reference resolved
//! against the page's base (`<base href>` or the page's own address), and whether a line
//! is a site's bare address.
//!
//! Takes addresses as text; parses no more of them than these three need.

/// A site's address alone on a line (`smithsonian.com`, `www.xinhuanet.com`): the
/// source, as a byline names it.
pub fn is_bare_domain(line: &str) -> bool {
    // The endings news sites' addresses have, not `Node.js`'s.
    const ENDINGS: [&str; 24] = [
        "com", "org", "net", "edu", "gov", "info", "news", "io", "co", "tv", "cn", "hk", "tw", "uk", "us", "ca", "au",
        "in", "id", "de", "fr", "ru", "br", "es",
    ];
    let line = line.trim();
    let host = line.strip_prefix("https://").or_else(|| line.strip_prefix("http://")).unwrap_or(line);
    let host = host.strip_suffix('/').unwrap_or(host);
    let labels: Vec<&str> = host.split('.').collect();
    let tld = labels.last().copied().unwrap_or("");
    labels.len() >= 2
        && host.len() <= 64
        && ENDINGS.iter().any(|e| tld.eq_ignore_ascii_case(e))
        && labels.iter().all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

/// The day a page's address names: `/2023-11/30/`, `/2023/11/30/`, `/2023/1130/`,
/// `/20231130/`, gov.cn's `/t20231130_…`. Many sites file their articles by the day
/// they are published; the year opens the run, so `/1234/` or a 14-digit id is none.
pub fn url_date(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &rest[rest.find('/')?..];
    let query = path.find(['?', '#']).unwrap_or(path.len());
    let bytes = &path.as_bytes()[..query];
    // The runs of digits, each with whether one separator joins it to the run before.
    let mut runs: Vec<(&str, bool)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let joined = runs.last().is_some() && start >= 1 && b"/-_.".contains(&bytes[start - 1]) && {
            let before = &bytes[..start - 1];
            before.last().is_some_and(u8::is_ascii_digit)
        };
        runs.push((&path[start..i], joined));
    }
    let num = |s: &str| s.parse::<u32>().ok();
    let day = |y: u32, m: u32, d: u32| {
        ((1990..=2099).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    let next = |k: usize| runs.get(k).filter(|(_, joined)| *joined).map(|(run, _)| *run);
    (0..runs.len()).find_map(|k| {
        let run = runs[k].0;
        match (run.len(), next(k + 1).map(str::len), next(k + 2).map(str::len)) {
            (8, _, _) => day(num(&run[..4])?, num(&run[4..6])?, num(&run[6..])?),
            (6, Some(1 | 2), _) => day(num(&run[..4])?, num(&run[4..])?, num(next(k + 1)?)?),
            (4, Some(4), _) => {
                let md = next(k + 1)?;
                day(num(run)?, num(&md[..2])?, num(&md[2..])?)
            }
            (4, Some(1 | 2), Some(1 | 2)) => day(num(run)?, num(next(k + 1)?)?, num(next(k + 2)?)?),
            _ => None,
        }
    })
}

/// `reference` resolved against the absolute address `base` (RFC 3986, section 5.2):
/// `../img/a.jpg`, `/img/a.jpg` and `//cdn.example/a.jpg` become absolute. An absolute
/// reference (`https:`, `data:`) stays as it is, and so does any reference when `base`
/// names no host.
pub fn resolve(base: &str, reference: &str) -> String {
    let reference = reference.trim();
    let scheme = |s: &str| {
        let name = s.split(':').next().unwrap_or("");
        s.contains(':')
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    };
    let Some((base_scheme, rest)) = base.split_once("://") else { return reference.to_owned() };
    if scheme(reference) || !scheme(base) {
        return reference.to_owned();
    }
    if let Some(net) = reference.strip_prefix("//") {
        return format!("{base_scheme}://{net}");
    }
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, base_path) = (&rest[..host_end], &rest[host_end..]);
    let base_path = &base_path[..base_path.find(['?', '#']).unwrap_or(base_path.len())];
    let (path, tail) = reference.split_at(reference.find(['?', '#']).unwrap_or(reference.len()));
    let merged = if path.starts_with('/') {
        path.to_owned()
    } else if path.is_empty() {
        if base_path.is_empty() { "/" } else { base_path }.to_owned()
    } else {
        format!("{}{path}", &base_path[..base_path.rfind('/').map_or(0, |i| i + 1)])
    };
    format!("{base_scheme}://{host}{}{tail}", without_dot_segments(&merged))
}

/// A path without its `.` and `..` segments (RFC 3986, section 5.2.4).
fn without_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." | ".." => {
                if *segment == ".." && out.len() > 1 {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_domains() {
        assert!(is_bare_domain("smithsonian.com"));
        assert!(is_bare_domain("https://www.xinhuanet.com/"));
        assert!(!is_bare_domain("Node.js"));
        assert!(!is_bare_domain("3.14"));
        assert!(!is_bare_domain("e.g."));
        assert!(!is_bare_domain("Visit smithsonian.com"));
    }

    #[test]
    fn dates_in_addresses() {
        let date = |url: &str| url_date(url);
        assert_eq!(
            date("https://www.gov.cn/zhengce/content/2023-11/30/content_5748953.htm").as_deref(),
            Some("2023-11-30")
        );
        assert_eq!(date("https://www.nytimes.com/2019/11/19/opinion/x.html").as_deref(), Some("2019-11-19"));
        assert_eq!(
            date("http://news.sina.com.cn/c/2019-09-07/doc-iicezueu4127477.shtml").as_deref(),
            Some("2019-09-07")
        );
        assert_eq!(date("http://www.example.gov.cn/xxgk/t20231130_123456.html").as_deref(), Some("2023-11-30"));
        assert_eq!(date("https://example.com/2023/1130/abc.html").as_deref(), Some("2023-11-30"));
        assert_eq!(date("https://example.com/news/202311/30/abc").as_deref(), Some("2023-11-30"));
        assert_eq!(date("https://www.thepaper.cn/newsDetail_forward_4474574"), None);
        assert_eq!(date("http://www.gov.cn/gongbao/content/2007/content_750517.htm"), None);
        assert_eq!(date("https://example.com/a/12345678.html"), None);
        assert_eq!(date("https://example.com/2019/11/"), None);
        assert_eq!(date("https://example.com/a?d=2019-11-19"), None);
    }

    #[test]
    fn relative_addresses_resolve_against_the_base() {
        let base = "https://news.example/2024/03/story.html?id=1";
        assert_eq!(resolve(base, "img/a.jpg"), "https://news.example/2024/03/img/a.jpg");
        assert_eq!(resolve(base, "../../images/a.jpg"), "https://news.example/images/a.jpg");
        assert_eq!(resolve(base, "../../../../a.jpg"), "https://news.example/a.jpg");
        assert_eq!(resolve(base, "/images/./a.jpg?w=640"), "https://news.example/images/a.jpg?w=640");
        assert_eq!(resolve(base, "//cdn.example/a.jpg"), "https://cdn.example/a.jpg");
        assert_eq!(resolve(base, "http://other.example/a.jpg"), "http://other.example/a.jpg");
        assert_eq!(resolve(base, "data:image/gif;base64,R0lGOD"), "data:image/gif;base64,R0lGOD");
        assert_eq!(resolve("https://news.example", "a.jpg"), "https://news.example/a.jpg");
        assert_eq!(resolve("https://news.example/a/b/", "./"), "https://news.example/a/b/");
        assert_eq!(resolve("not a url", "a.jpg"), "a.jpg");
    }
}
