#!/usr/bin/env python3
"""Body F1 of newsclean and of two baselines on the real text dumps, one row a set.

    python3 scripts/dump_baselines.py target/dumps [--newsclean target/release/newsclean]

The dumps are those scripts/render_dumps.py writes (RENDERER/FOLDER/ID.txt beside
ID.json). Baselines, as issue 24 states them:
- keep-all: every line of the dump is body;
- C4-style: a line is body when it ends in sentence punctuation (. ! ? 。！？ and closing
  quotes after them) and has at least three words or ten Han characters (the line filter
  of the C4 corpus, without its word lists).
One scorer for all three (scripts/peers_quality.py's, the corpus metric), so the
newsclean column equals `newsclean eval` on each set.
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from peers_quality import is_cjk, score  # noqa: E402

SENTENCE_END = re.compile(r"[.!?。！？][\"'”’」』)）]*$")


def c4_keeps(line):
    line = line.strip()
    han = sum(1 for c in line if is_cjk(c))
    return bool(SENTENCE_END.search(line)) and (len(line.split()) >= 3 or han >= 10)


def newsclean_bodies(binary, folder):
    # Exit status 1 says some page gave an error record (an empty dump): those score as no text.
    out = subprocess.run([binary, "clean", "-q", "--no-batch", str(folder)], capture_output=True).stdout
    bodies = {}
    for line in out.decode().split("\n"):
        if line.strip():
            record = json.loads(line)
            bodies[record["id"]] = "\n".join(record.get("body") or [])
    return bodies


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dumps", type=pathlib.Path)
    ap.add_argument("--newsclean", default="target/release/newsclean")
    args = ap.parse_args()
    print("| set | pages | newsclean | C4-style filter | keep-all |")
    print("| --- | --- | --- | --- | --- |")
    for folder in sorted(p for p in args.dumps.glob("*/*") if p.is_dir()):
        ours = newsclean_bodies(args.newsclean, folder)
        rows = {"newsclean": [], "c4": [], "all": []}
        for dump in sorted(folder.glob("*.txt")):
            truth = json.loads(dump.with_suffix(".json").read_text(encoding="utf-8"))["body"]
            lines = dump.read_text(encoding="utf-8", errors="replace").split("\n")
            rows["newsclean"].append((ours.get(dump.stem), truth))
            rows["c4"].append(("\n".join(l for l in lines if c4_keeps(l)), truth))
            rows["all"].append(("\n".join(lines), truth))
        f1 = {k: score(v)[2] for k, v in rows.items()}
        name = f"{folder.parent.name}/{folder.name}"
        print(f"| {name} | {len(rows['all'])} | {f1['newsclean']:.3f} | {f1['c4']:.3f} | {f1['all']:.3f} |")


if __name__ == "__main__":
    main()
