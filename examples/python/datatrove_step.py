#!/usr/bin/env python3
"""A datatrove pipeline step that replaces each document's HTML by its article.

    python examples/python/datatrove_step.py [FOLDER]

runs the step over FOLDER's .html files (default: the repository's fixtures/html) and
prints what it kept. In a datatrove pipeline, a function of (data, rank, world_size) is a
step:

    LocalPipelineExecutor(pipeline=[WarcReader(...), newsclean_step, JsonlWriter(...)])

datatrove's own WarcReader hands out documents whose text is the page's HTML. The step
reads documents as they come and cleans them on every core, a chunk ahead (clean_many);
documents leave in the order they came. A page without an article (an error record, or
no body) is dropped.
"""

import collections
import sys
from pathlib import Path

import newsclean

try:
    from datatrove.data import Document
except ImportError:  # the step needs only the fields; run the demo without datatrove too
    from dataclasses import dataclass, field

    @dataclass
    class Document:
        text: str
        id: str
        metadata: dict = field(default_factory=dict)


def newsclean_step(data, rank: int = 0, world_size: int = 1):
    """Documents whose text is HTML in; documents whose text is the article out."""
    waiting = collections.deque()

    def pages():
        for document in data:
            waiting.append(document)
            yield {"html": document.text, "id": document.id, "url": document.metadata.get("url")}

    for record in newsclean.clean_many(pages()):
        document = waiting.popleft()
        if "error" in record or not record["body"]:
            continue
        document.text = "\n\n".join(record["body"])
        document.metadata.update(
            title=record["title"],
            published=record["published"],
            language=record["language"],
            removed_blocks=len(record["removed"]),
        )
        yield document


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "fixtures" / "html")
    documents = (Document(text=p.read_text(errors="replace"), id=p.stem, metadata={}) for p in sorted(folder.glob("*.html")))
    for document in newsclean_step(documents):
        print(f"{document.id:36} {len(document.text):6} chars  {document.metadata['title']}")


if __name__ == "__main__":
    main()
