#!/usr/bin/env python3
"""Real text dumps of the development corpus: every page rendered to plain text by the
renderers scrapers use, the page's own chrome left in, its truth beside each dump.

    python3 scripts/render_dumps.py ../shared/corpus --out target/dumps [--install]

writes OUT/<renderer>/<folder>/<id>.txt (UTF-8) beside <id>.json (the page's truth), for
the renderers:

- html_text: Zyte's html-text, `extract_text(guess_layout=True)` (PyPI `html-text`);
- inscriptis: `get_text` (PyPI `inscriptis`), which lays out tables and lists;
- soup: BeautifulSoup's `get_text("\\n")` after dropping script, style and noscript,
  the line most scrapers write (PyPI `beautifulsoup4`, `lxml`);
- w3m: `w3m -dump`, a text browser's rendering (Debian `w3m`);
- lynx: `lynx -dump -nolist` (Debian `lynx`).

Pages are decoded once, as BeautifulSoup's UnicodeDammit reads them (declared charset,
else detection), and every renderer reads the same Unicode text, so the dumps differ
only in how each renders a page. A renderer that is not installed is skipped and said
so; `--install` installs the Python ones with pip and the browsers with apt-get first.
`newsclean eval --truth OUT/<renderer>/<folder>` scores a set.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

FOLDERS = ["zh_html", "en_html", "dragnet", "cleaneval", "cleanportal"]
RENDERERS = ["html_text", "inscriptis", "soup", "w3m", "lynx"]
# A meta tag that declares a charset: the text handed to the browsers is UTF-8.
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?[\w-]+["']?[^>]*>""", re.I)


# The versions the floors in scripts/dump_floors.txt were measured with: another version
# renders other dumps.
PINNED = ["html-text==0.7.1", "inscriptis==2.7.6", "beautifulsoup4==4.15.0", "lxml==6.1.3"]


def install():
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *PINNED], check=True)
    if shutil.which("apt-get") and not (shutil.which("w3m") and shutil.which("lynx")):
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "w3m", "lynx"], check=False)


def available():
    have = []
    for name, module in [("html_text", "html_text"), ("inscriptis", "inscriptis"), ("soup", "bs4")]:
        try:
            __import__(module)
            have.append(name)
        except ImportError:
            print(f"render_dumps: {name} not installed, skipped", file=sys.stderr)
    for name in ["w3m", "lynx"]:
        if shutil.which(name):
            have.append(name)
        else:
            print(f"render_dumps: {name} not installed, skipped", file=sys.stderr)
    return have


def decode(raw):
    from bs4 import UnicodeDammit
    text = UnicodeDammit(raw, ["utf-8", "gb18030", "big5"]).unicode_markup
    return text or raw.decode("utf-8", "replace")


def browser(cmd, html):
    cleaned = CHARSET.sub(b"", html.encode("utf-8"))
    out = subprocess.run(cmd, input=cleaned, capture_output=True, timeout=60)
    return out.stdout.decode("utf-8", "replace")


def render(name, html):
    if name == "html_text":
        import html_text
        return html_text.extract_text(html, guess_layout=True)
    if name == "inscriptis":
        from inscriptis import get_text
        return get_text(html)
    if name == "soup":
        import warnings
        from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
        # Pages that open with an XML declaration are HTML all the same.
        warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "lxml")
        for tag in soup(["script", "style", "noscript"]):
            tag.decompose()
        return soup.get_text("\n")
    if name == "w3m":
        return browser(["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "200"], html)
    if name == "lynx":
        return browser(["lynx", "-dump", "-nolist", "-stdin", "-assume_charset=utf-8",
                        "-display_charset=utf-8", "-width=200"], html)
    raise ValueError(name)


def job(args):
    page, truth, renderers, out = args
    html = decode(page.read_bytes())
    written = 0
    for name in renderers:
        folder = out / name / page.parent.name
        try:
            text = render(name, html)
        except Exception as e:  # a renderer that fails on a page skips that page alone
            print(f"render_dumps: {name} failed on {page}: {e}", file=sys.stderr)
            continue
        # Blank runs collapse to one blank line: renderers differ in how many they leave.
        text = re.sub(r"\n[ \t\u3000]*\n(?:[ \t\u3000]*\n)+", "\n\n", text).strip() + "\n"
        (folder / (page.stem + ".txt")).write_text(text, encoding="utf-8")
        shutil.copyfile(truth, folder / (page.stem + ".json"))
        written += 1
    return written


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--out", type=Path, default=Path("target/dumps"))
    ap.add_argument("--folders", nargs="*", default=FOLDERS)
    ap.add_argument("--install", action="store_true")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    if args.install:
        install()
    renderers = available()
    jobs = []
    for name in renderers:
        for folder in args.folders:
            d = args.out / name / folder
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir(parents=True)
    for folder in args.folders:
        for truth in sorted((args.corpus / folder).glob("*.json")):
            page = truth.with_suffix(".html")
            if page.exists():
                jobs.append((page, truth, renderers, args.out))
    with ProcessPoolExecutor(args.jobs) as pool:
        written = sum(pool.map(job, jobs, chunksize=8))
    print(f"render_dumps: {written} dumps of {len(jobs)} pages by {', '.join(renderers)} in {args.out}")


if __name__ == "__main__":
    main()
