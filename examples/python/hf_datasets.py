#!/usr/bin/env python3
"""Clean a Hugging Face `datasets` table of HTML pages with newsclean, in a batched map.

    python examples/python/hf_datasets.py [FOLDER]

builds a dataset from FOLDER's .html files (default: the repository's fixtures/html),
cleans it and prints a row a page. On a dataset of your own with an "html" column (and a
"url" column if you have one):

    cleaned = dataset.map(clean_rows, batched=True, batch_size=1000, remove_columns=["html"])

Each batch is cleaned on every core by clean_many with the interpreter released: leave
num_proc at 1, newsclean's threads already fill the machine.
"""

import sys
from pathlib import Path

from datasets import Dataset

import newsclean


def clean_rows(rows):
    """A batched map function: columns in, the article's columns out, a row a page."""
    urls = rows["url"] if "url" in rows else [None] * len(rows["html"])
    pages = ({"html": html, "url": url} for html, url in zip(rows["html"], urls))
    records = list(newsclean.clean_many(pages))
    return {
        "title": [r.get("title") for r in records],
        "text": ["\n\n".join(r.get("body", [])) for r in records],
        "published": [r.get("published") for r in records],
        "language": [r.get("language") for r in records],
        "removed_blocks": [len(r.get("removed", [])) for r in records],
        "error": [r.get("error") for r in records],
    }


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "fixtures" / "html")
    files = sorted(folder.glob("*.html"))
    dataset = Dataset.from_dict(
        {"url": [f"file://{p.resolve()}" for p in files], "html": [p.read_text(errors="replace") for p in files]}
    )
    cleaned = dataset.map(clean_rows, batched=True, batch_size=1000, remove_columns=["html"])
    for row in cleaned:
        chars = len(row["text"])
        print(f"{row['language']:4} {chars:6} chars, {row['removed_blocks']:3} blocks removed  {row['title']}")


if __name__ == "__main__":
    main()
