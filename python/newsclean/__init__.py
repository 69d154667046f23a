"""newsclean: the article of a scraped news page without the noise, every removal explained.

The same records as the ``newsclean`` command line, as Python dicts (see its README for
the fields, or ``newsclean schema``)::

    import newsclean

    record = newsclean.clean(html_bytes, url="https://example.com/news/1")
    record["title"], record["body"], record["removed"]

    pipeline = newsclean.Pipeline()
    for record in pipeline.clean_many(pages, jobs=4):  # all cores, records in input order
        ...

A page is ``bytes`` (any common encoding, HTML or text, told from its content, possibly
gzip-compressed), ``str`` (already decoded) or a dict as JSON Lines carry pages:
``{"html": ...}`` or ``{"text": ...}`` with optional ``"id"``, ``"url"`` and ``"source"``.
With ``jsonl=True`` a page is instead a line of JSON Lines (``str`` or ``bytes``), read
as ``newsclean clean --input-format jsonl -`` reads its standard input. A page that cannot be cleaned (binary, empty, undecodable) gives an error record,
``{"id", "source", "error"}``, as on the command line; a bad argument raises
:class:`NewscleanError` (a ``ValueError``) or ``TypeError``.
"""

from __future__ import annotations

import json
import threading
import os
from typing import Any, Dict, Iterable, Iterator, Mapping, Optional, Sequence, Union

from ._newsclean import Cleaner as _Cleaner
from ._newsclean import NewscleanError, __version__, explain, merge_tables

__all__ = [
    "Pipeline",
    "NewscleanError",
    "clean",
    "clean_many",
    "clean_batch",
    "clean_paths",
    "merge_tables",
    "table",
    "explain",
    "__version__",
]

#: One page: bytes, str, or a dict with "html" or "text" (and "id", "url", "source").
Page = Union[bytes, str, Mapping[str, Any]]
#: A record (or an error record) as the command line writes it, as a dict.
Record = Dict[str, Any]


class Pipeline:
    """The cleaning pipeline, its patterns compiled once (some 10 ms): build one and reuse it.

    Thread-safe: one pipeline serves any number of Python threads. ``clean_many`` and
    ``clean_batch`` clean on their own threads with the interpreter released.
    """

    def __init__(self) -> None:
        self._cleaner = _Cleaner()

    def clean(
        self,
        page: Page,
        *,
        url: Optional[str] = None,
        format: Optional[str] = None,
        id: Optional[str] = None,
        source: Optional[str] = None,
    ) -> Record:
        """One page's record.

        ``format`` is ``"html"``, ``"text"`` or None (told from the content); ``id`` and
        ``source`` name the page in the record (default ``"0"`` and the id), and ``url``
        is its address (image addresses are resolved against it).
        """
        return json.loads(self._cleaner.clean(page, url=url, format=format, id=id, source=source))

    def clean_many(
        self,
        pages: Iterable[Page],
        *,
        jobs: Optional[int] = None,
        format: Optional[str] = None,
        jsonl: bool = False,
        table: Optional[str] = None,
        as_json: bool = False,
    ) -> Iterator[Union[Record, str]]:
        """The records of many pages, each cleaned alone, yielded in the pages' order.

        Cleans on ``jobs`` threads (None: one a core) with the interpreter released, a
        chunk of pages ahead of the reader; memory holds a few chunks, whatever the number
        of pages. A page without an id is named by its position (``"0"``, ``"1"``, ...).
        With a ``table`` (from :meth:`table` or :func:`merge_tables`) the pages are cleaned
        in the batch it counted, as ``newsclean clean --table`` cleans them.
        ``as_json=True`` yields each record as the JSON line the command line writes
        (without its newline) instead of a dict.
        """
        records = self._cleaner.clean_many(pages, jobs=jobs, format=format, jsonl=jsonl, table=table)
        return records if as_json else map(json.loads, records)

    def clean_batch(
        self,
        pages: Iterable[Page],
        *,
        jobs: Optional[int] = None,
        format: Optional[str] = None,
        jsonl: bool = False,
        as_json: bool = False,
    ) -> Iterator[Union[Record, str]]:
        """The records of pages cleaned as one batch, as ``newsclean clean`` cleans a folder.

        Lines that recur across the pages are removed (rule B001), and a page that is a
        near-duplicate of an earlier one (by source, sorted) names it in
        ``duplicate_of``. The pages are read once, into memory, and cleaned twice: alone to
        count, then with the counts as the records are yielded.
        """
        records = self._cleaner.clean_batch(pages, jobs=jobs, format=format, jsonl=jsonl)
        return records if as_json else map(json.loads, records)

    def table(
        self, pages: Iterable[Page], *, jobs: Optional[int] = None, format: Optional[str] = None, jsonl: bool = False
    ) -> str:
        """The batch table of ``pages`` as JSON, what ``newsclean stats`` writes: the map
        step of a corpus bigger than one machine. Merge the shards' tables with
        :func:`merge_tables`, then clean each shard with ``clean_many(shard, table=merged)``;
        the records equal those of one batch over all the shards."""
        return self._cleaner.table(pages, jobs=jobs, format=format, jsonl=jsonl)

    def clean_paths(
        self,
        paths: Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]],
        *,
        batch: bool = True,
        jobs: Optional[int] = None,
        glob: Sequence[str] = (),
        types: Sequence[str] = (),
        input_format: Optional[str] = None,
        max_bytes: int = 64 << 20,
        as_json: bool = False,
    ) -> Iterator[Union[Record, str]]:
        """The records of the pages at ``paths``, as ``newsclean clean PATHS`` writes them.

        Files and folders (walked recursively in sorted order; scripts, styles, images,
        ``robots.txt`` and the like skipped), JSON Lines files (``.jsonl``) and WARC/WET
        files (``.warc``, ``.warc.gz``, ``.warc.wet.gz``): a record a page, ``id`` and
        ``source`` as the command line gives them. A batch when they hold more than one
        page (the command line's default), cleaned page by page with ``batch=False``
        (``--no-batch``). ``glob`` and ``types`` choose files in folders as ``--glob``
        (``"*.html"``, ``"!drafts/**"``) and ``--type`` (``"html"``, ``"text"``, ``"jsonl"``,
        ``"warc"``) do; ``input_format`` is ``"pages"``, ``"jsonl"`` or ``"warc"``
        (``--input-format``); a page over ``max_bytes`` is an error record.
        """
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        records = self._cleaner.clean_paths(
            [os.fspath(p) for p in paths],
            batch=batch,
            jobs=jobs,
            glob=list(glob),
            types=list(types),
            input_format=input_format,
            max_bytes=max_bytes,
        )
        return records if as_json else map(json.loads, records)


_default: Optional[Pipeline] = None
_default_lock = threading.Lock()


def _pipeline() -> Pipeline:
    global _default
    with _default_lock:
        if _default is None:
            _default = Pipeline()
        return _default


def clean(
    page: Page,
    *,
    url: Optional[str] = None,
    format: Optional[str] = None,
    id: Optional[str] = None,
    source: Optional[str] = None,
) -> Record:
    """One page's record, by a pipeline built on first use (see :meth:`Pipeline.clean`)."""
    return _pipeline().clean(page, url=url, format=format, id=id, source=source)


def clean_many(
    pages: Iterable[Page],
    *,
    jobs: Optional[int] = None,
    format: Optional[str] = None,
    jsonl: bool = False,
    table: Optional[str] = None,
    as_json: bool = False,
) -> Iterator[Union[Record, str]]:
    """See :meth:`Pipeline.clean_many`."""
    return _pipeline().clean_many(pages, jobs=jobs, format=format, jsonl=jsonl, table=table, as_json=as_json)


def clean_batch(
    pages: Iterable[Page],
    *,
    jobs: Optional[int] = None,
    format: Optional[str] = None,
    jsonl: bool = False,
    as_json: bool = False,
) -> Iterator[Union[Record, str]]:
    """See :meth:`Pipeline.clean_batch`."""
    return _pipeline().clean_batch(pages, jobs=jobs, format=format, jsonl=jsonl, as_json=as_json)


def table(
    pages: Iterable[Page], *, jobs: Optional[int] = None, format: Optional[str] = None, jsonl: bool = False
) -> str:
    """See :meth:`Pipeline.table`."""
    return _pipeline().table(pages, jobs=jobs, format=format, jsonl=jsonl)


def clean_paths(
    paths: Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]],
    *,
    batch: bool = True,
    jobs: Optional[int] = None,
    glob: Sequence[str] = (),
    types: Sequence[str] = (),
    input_format: Optional[str] = None,
    max_bytes: int = 64 << 20,
    as_json: bool = False,
) -> Iterator[Union[Record, str]]:
    """See :meth:`Pipeline.clean_paths`."""
    return _pipeline().clean_paths(
        paths,
        batch=batch,
        jobs=jobs,
        glob=glob,
        types=types,
        input_format=input_format,
        max_bytes=max_bytes,
        as_json=as_json,
    )
