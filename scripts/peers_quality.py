#!/usr/bin/env python3
"""Body F1 of newsclean and of trafilatura on a ground-truth folder, side by side.

    python3 scripts/peers_quality.py ../shared/corpus/zh_html [--newsclean target/release/newsclean]

Scores with the corpus metric (../shared/corpus/README.md), written again here so that
the peers' text and newsclean's go through one scorer: NFKC; each CJK character a token;
other text split on whitespace, non-alphanumerics stripped from each token's edges;
multiset matching; precision averaged over pages with output, recall over pages with
truth, F1 of the two means. The newsclean row should equal `newsclean eval`'s figures;
when it does, the scorer agrees with the one in src/eval.rs.

trafilatura runs three ways: on the page's bytes (its default, which ignores
`<meta charset>`), on the text newsclean decoded (the record's `encoding`), and on that
text with favor_precision. Peers that are not installed are skipped.
"""
import argparse
import collections
import json
import pathlib
import subprocess
import sys
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("truth", type=pathlib.Path)
    ap.add_argument("--newsclean", default="target/release/newsclean")
    args = ap.parse_args()
    pages = sorted(p for p in args.truth.iterdir() if p.suffix != ".json" and p.with_suffix(".json").exists())
    truths = {p: "\n".join(json.loads(p.with_suffix(".json").read_text())["body"].splitlines()) for p in pages}
    records = {}
    for p in pages:
        out = subprocess.run([args.newsclean, "clean", "--quiet", "--no-batch", str(p)],
                             capture_output=True, check=True).stdout
        records[p] = json.loads(out.splitlines()[0])
    rows = {"newsclean": {p: "\n".join(r.get("body") or []) for p, r in records.items()}}
    try:
        import trafilatura
    except ImportError:
        print("trafilatura is not installed: skipped", file=sys.stderr)
    else:
        version = getattr(trafilatura, "__version__", "?")

        def decoded(p):
            enc = records[p].get("encoding") or "utf-8"
            return p.read_bytes().decode(enc, errors="replace")

        rows[f"trafilatura {version}, bytes"] = {p: trafilatura.extract(p.read_bytes()) for p in pages}
        rows[f"trafilatura {version}, decoded text"] = {p: trafilatura.extract(decoded(p)) for p in pages}
        rows[f"trafilatura {version}, decoded, favor_precision"] = {
            p: trafilatura.extract(decoded(p), favor_precision=True) for p in pages
        }
    print(f"{args.truth} ({len(pages)} pages)")
    for name, texts in rows.items():
        p, r, f = score((texts[page], truths[page]) for page in pages)
        fffd = sum(1 for t in texts.values() if t and "\ufffd" in t)
        print(f"  {name:<48} P {p:.4f} R {r:.4f} F1 {f:.4f}  pages with U+FFFD {fffd}")


if __name__ == "__main__":
    main()
