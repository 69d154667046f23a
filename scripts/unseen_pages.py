#!/usr/bin/env python3
"""newsclean on news pages it was not developed on: the test pages two extractors ship.

    python3 scripts/unseen_pages.py [--newsclean target/release/newsclean] [--out target/unseen]

Fetches two source distributions from PyPI (pinned, so the pages stay the same):
- GNE 0.4.3 (GeneralNewsExtractor): 62 Chinese news pages (163, sina, qq, ifeng,
  thepaper, toutiao, xinhuanet, government and company sites). They come with no truth,
  so this prints each record's title, date, author and the first and last body line,
  for reading by eye: leaks and losses show at the article's edges.
- newspaper4k 0.9.6: 23 pages (CNN, Time, Wired, Chinese, Japanese, Arabic, ...) with
  the text newspaper4k extracts from them. That text is a peer's output, not a hand-made
  truth (it misses captions and keeps some links), so `newsclean eval` against it says
  where the two disagree rather than who is right. The folder is laid out like
  ../shared/corpus, with newspaper4k's title and publish date as `title` and `publish_time`.
- Mozilla Readability's 130 test pages (NYT, Washington Post, Guardian, BBC, Le Monde,
  Yahoo, qq, gmw, pixnet, Wikipedia, blogs, and small synthetic cases), as the
  readabilityrs 0.1.4 crate ships them, with Readability's own output and metadata. Like
  newspaper4k's, that is a peer's output (it keeps captions and some link lists), laid
  out like ../shared/corpus with Readability's body text, `title`, `publishedTime` and
  `byline`.

Nothing here is copied into fixtures: the pages are others' test data, and read to find
what newsclean does on pages it has never seen.
"""
import argparse
import html.parser
import json
import pathlib
import shutil
import subprocess
import sys
import tarfile
import urllib.request

PACKAGES = {"gne": "0.4.3", "newspaper4k": "0.9.6"}
READABILITY_CRATE = ("readabilityrs", "0.1.4")


def fetch(out):
    """Each package's sdist unpacked under `out`; its folder."""
    folders = {}
    for name, version in PACKAGES.items():
        folder = out / f"{name}-{version}"
        if not folder.exists():
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                 "--dest", str(out), f"{name}=={version}"],
                check=True,
            )
            with tarfile.open(out / f"{name}-{version}.tar.gz") as tar:
                tar.extractall(out, filter="data")
        folders[name] = folder
    return folders


def gne_pages(src, dest):
    dest.mkdir(parents=True, exist_ok=True)
    for page in sorted(src.glob("tests/*/*.html")) + sorted(src.glob("visiable_test/*/*.html")):
        shutil.copy(page, dest / "_".join(page.relative_to(src).with_suffix(".html").parts))
    return dest


def newspaper_truth(src, dest):
    dest.mkdir(parents=True, exist_ok=True)
    data = src / "tests" / "data"
    for page in sorted((data / "html").glob("*.html")):
        text = data / "txt" / (page.stem + ".txt")
        if not text.exists():
            continue
        meta = data / "metadata" / (page.stem + ".json")
        meta = json.loads(meta.read_text()) if meta.exists() else {}
        shutil.copy(page, dest / page.name)
        truth = {"id": page.stem, "title": meta.get("title"), "body": text.read_text(),
                 "publish_time": meta.get("publish_date"),
                 "author": None, "source_repo": "newspaper4k tests/data (its own extraction)"}
        (dest / (page.stem + ".json")).write_text(json.dumps(truth, ensure_ascii=False))
    return dest


def fetch_crate(out):
    """The crate holding Readability's test pages, unpacked under `out`; its folder."""
    name, version = READABILITY_CRATE
    folder = out / f"{name}-{version}"
    if not folder.exists():
        crate = out / f"{name}-{version}.crate"
        urllib.request.urlretrieve(f"https://static.crates.io/crates/{name}/{name}-{version}.crate", crate)
        with tarfile.open(crate) as tar:
            tar.extractall(out, filter="data")
    return folder


class _Text(html.parser.HTMLParser):
    """An HTML fragment's text, a line per block-level element."""
    BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "blockquote", "pre",
              "figcaption", "section", "article", "ul", "ol", "table", "dd", "dt", "figure"}

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style")
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def readability_truth(src, dest):
    dest.mkdir(parents=True, exist_ok=True)
    for page in sorted((src / "tests" / "test-pages").iterdir()):
        expected = page / "expected.html"
        if not expected.exists():
            continue
        text = _Text()
        text.feed(expected.read_text())
        lines = (" ".join(line.split()) for line in "".join(text.parts).split("\n"))
        meta = json.loads((page / "expected-metadata.json").read_text())
        shutil.copy(page / "source.html", dest / f"{page.name}.html")
        truth = {"id": page.name, "title": meta.get("title"), "body": "\n".join(line for line in lines if line),
                 "publish_time": meta.get("publishedTime"), "author": meta.get("byline"),
                 "source_repo": "mozilla/readability test-pages (its own extraction)"}
        (dest / f"{page.name}.json").write_text(json.dumps(truth, ensure_ascii=False))
    return dest


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--newsclean", default="target/release/newsclean")
    ap.add_argument("--out", default="target/unseen", type=pathlib.Path)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    folders = fetch(args.out)

    gne = gne_pages(folders["gne"], args.out / "gne")
    out = subprocess.run([args.newsclean, "clean", "--quiet", "--no-batch", str(gne)],
                         check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        r = json.loads(line)
        body = r.get("body") or []
        print(f"== {r['id']} | {r.get('title')} | {r.get('published')} | author {r.get('author')} | "
              f"{len(body)} paragraphs")
        if body:
            print(f"   first: {body[0][:72]}")
            print(f"   last:  {body[-1][:72]}")

    truth = newspaper_truth(folders["newspaper4k"], args.out / "newspaper4k")
    print(f"\n== newsclean eval against newspaper4k's own extraction ({truth})")
    subprocess.run([args.newsclean, "eval", "--truth", str(truth), "--worst", "8"], check=True)

    truth = readability_truth(fetch_crate(args.out), args.out / "readability")
    print(f"\n== newsclean eval against Readability's own extraction ({truth})")
    subprocess.run([args.newsclean, "eval", "--truth", str(truth), "--worst", "8"], check=True)


if __name__ == "__main__":
    main()
