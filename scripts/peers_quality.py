#!/usr/bin/env python3
"""Body F1 of newsclean and of its peers on ground-truth folders, side by side.

    python3 scripts/peers_quality.py ../shared/corpus/{zh_html,en_html,dragnet,cleaneval,cleanportal} \
        [--newsclean target/release/newsclean] [--dom-smoothie bench/dom_smoothie/target/release/dom-smoothie-bench]

Scores with the corpus metric (../shared/corpus/README.md), written again here so that
the peers' text and newsclean's go through one scorer: NFKC; each CJK character a token;
other text split on whitespace, non-alphanumerics stripped from each token's edges;
multiset matching; precision averaged over pages with output, recall over pages with
truth, F1 of the two means. The newsclean row should equal `newsclean eval`'s figures;
when it does, the scorer agrees with the one in src/eval.rs. Beside F1, the share of
pages below F1 0.5 (issue 25's catastrophic pages).

Peers, each skipped when it is not installed: trafilatura (`pip install trafilatura`) on
the text newsclean decoded (the record's `encoding`), without comments (the truths leave
them out), by default and with favor_precision; readability-lxml (`pip install readability-lxml`), its summary's text
by html-text; dom_smoothie, the Readability port in Rust (`cargo build --release` in
bench/dom_smoothie), which reads pages as UTF-8.
"""
import argparse
import collections
import json
import pathlib
import subprocess
import sys
import tempfile
import unicodedata


def is_cjk(c):
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF
            or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF)


def tokens(text):
    out, word = [], []

    def flush():
        t = "".join(word)
        start, end = 0, len(t)
        while start < end and not t[start].isalnum():
            start += 1
        while end > start and not t[end - 1].isalnum():
            end -= 1
        if start < end:
            out.append(t[start:end])
        word.clear()

    for c in unicodedata.normalize("NFKC", text):
        if is_cjk(c):
            flush()
            out.append(c)
        elif c.isspace():
            flush()
        else:
            word.append(c)
    flush()
    return out


def score(pages):
    """pages: (system text or None, truth text) pairs -> (P, R, F1)."""
    precisions, recalls = [], []
    for system, truth in pages:
        s, t = tokens(system or ""), tokens(truth)
        tp = sum((collections.Counter(s) & collections.Counter(t)).values())
        if s:
            precisions.append(tp / len(s))
        if t:
            recalls.append(tp / len(t))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def page_f1(system, truth):
    s, t = tokens(system or ""), tokens(truth)
    tp = sum((collections.Counter(s) & collections.Counter(t)).values())
    p = tp / len(s) if s else 0.0
    r = tp / len(t) if t else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def peers(folder, pages, records, dom_smoothie):
    """name -> {page: text} for every peer that is installed."""
    def decoded(p):
        enc = records[p].get("encoding") or "utf-8"
        for name in (enc, enc.lower().replace("windows-", "cp"), "utf-8"):
            try:
                return p.read_bytes().decode(name, errors="replace")
            except LookupError:  # a WHATWG label Python spells otherwise
                continue

    rows = {}
    try:
        import trafilatura
    except ImportError:
        print("trafilatura is not installed: skipped", file=sys.stderr)
    else:
        version = getattr(trafilatura, "__version__", "?")
        # Comments are not the article in these truths: trafilatura keeps them by default.
        rows[f"trafilatura {version}"] = {
            p: trafilatura.extract(decoded(p), include_comments=False) for p in pages
        }
        rows[f"trafilatura {version}, favor_precision"] = {
            p: trafilatura.extract(decoded(p), include_comments=False, favor_precision=True) for p in pages
        }
    try:
        import html_text
        from readability import Document
    except ImportError:
        print("readability-lxml or html-text is not installed: skipped", file=sys.stderr)
    else:
        def readability(p):
            try:
                return html_text.extract_text(Document(decoded(p)).summary(html_partial=True))
            except Exception:  # a page it cannot parse scores as empty output
                return None
        rows["readability-lxml"] = {p: readability(p) for p in pages}
    if dom_smoothie and pathlib.Path(dom_smoothie).exists():
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([dom_smoothie, str(folder), out], check=True)
            texts = {p.stem: p.read_text() for p in pathlib.Path(out).iterdir()}
        rows["dom_smoothie"] = {p: texts.get(p.stem) for p in pages}
    else:
        print("dom_smoothie is not built (bench/dom_smoothie): skipped", file=sys.stderr)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("truth", type=pathlib.Path, nargs="+")
    ap.add_argument("--newsclean", default="target/release/newsclean")
    ap.add_argument("--dom-smoothie", default="bench/dom_smoothie/target/release/dom-smoothie-bench")
    args = ap.parse_args()
    for folder in args.truth:
        pages = sorted(p for p in folder.iterdir()
                       if p.suffix != ".json" and p.with_suffix(".json").exists())
        truths = {p: "\n".join(json.loads(p.with_suffix(".json").read_text())["body"].splitlines())
                  for p in pages}
        out = subprocess.run([args.newsclean, "clean", "--quiet", "--no-batch", *map(str, pages)],
                             capture_output=True, check=True).stdout
        records = dict(zip(pages, (json.loads(line) for line in out.splitlines())))
        rows = {"newsclean": {p: "\n".join(r.get("body") or []) for p, r in records.items()}}
        rows.update(peers(folder, pages, records, args.dom_smoothie))
        print(f"{folder} ({len(pages)} pages)")
        for name, texts in rows.items():
            p, r, f = score((texts[page], truths[page]) for page in pages)
            low = sum(1 for page in pages if page_f1(texts[page], truths[page]) < 0.5)
            print(f"  {name:<36} P {p:.4f} R {r:.4f} F1 {f:.4f}  below F1 0.5 {100 * low / len(pages):.1f}%",
                  flush=True)


if __name__ == "__main__":
    main()
