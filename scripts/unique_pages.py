#!/usr/bin/env python3
"""Write N plain-text pages that share no line, for measuring a batch's memory.

Each page is a title and eight paragraphs drawn from the bodies of a ground-truth corpus
laid out like ../shared/corpus (<id>.json with `body`), each paragraph's words (or, in a
language written without spaces, its characters) shuffled, so that no two pages share a
line or more shingles than chance gives: nothing recurs across the batch and no page has a
near-duplicate, so what a batch keeps between its passes is all per-page bookkeeping. A
paragraph keeps its length and script. Pages go 1,000 to a folder, as scrapes are sharded
(by day, by site). Deterministic for a --seed.

usage: scripts/unique_pages.py CORPUS_DIR... --out DIR --pages N [--seed S]
then:  /usr/bin/time -f %M newsclean clean -q --jobs 2 DIR > /dev/null   (peak KB)
"""
import argparse, json, pathlib, random

parser = argparse.ArgumentParser()
parser.add_argument("corpus", nargs="+")
parser.add_argument("--out", required=True)
parser.add_argument("--pages", type=int, required=True)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()

lines = [line for corpus in args.corpus for truth in sorted(pathlib.Path(corpus).glob("*.json"))
         for line in json.loads(truth.read_text("utf-8")).get("body", "").splitlines() if len(line) >= 20]
rng = random.Random(args.seed)
out = pathlib.Path(args.out)
out.mkdir(parents=True, exist_ok=True)


def shuffled(line):
    words = line.split(" ")
    parts = words if len(words) > 5 else list(line)
    rng.shuffle(parts)
    return (" " if len(words) > 5 else "").join(parts)


for page in range(args.pages):
    body = [shuffled(rng.choice(lines)) for _ in range(8)]
    text = f"Test page {page} title {rng.random():.6f}\n" + "\n".join(body) + "\n"
    folder = out / f"d{page // 1000:04d}"
    folder.mkdir(exist_ok=True)
    (folder / f"p{page:06d}.txt").write_text(text, "utf-8")
