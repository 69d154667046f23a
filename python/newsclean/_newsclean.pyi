# The compiled half of newsclean (python/src/lib.rs). Records cross as JSON text.
from typing import Any, Iterable, Iterator, List, Optional

__version__: str

class NewscleanError(ValueError): ...

class Records(Iterator[str]):
    def __iter__(self) -> Records: ...
    def __next__(self) -> str: ...

class Cleaner:
    def __init__(self) -> None: ...
    def clean(
        self,
        page: Any,
        *,
        url: Optional[str] = ...,
        format: Optional[str] = ...,
        id: Optional[str] = ...,
        source: Optional[str] = ...,
    ) -> str: ...
    def clean_many(
        self,
        pages: Iterable[Any],
        *,
        jobs: Optional[int] = ...,
        format: Optional[str] = ...,
        jsonl: bool = ...,
        table: Optional[str] = ...,
    ) -> Records: ...
    def clean_batch(
        self, pages: Iterable[Any], *, jobs: Optional[int] = ..., format: Optional[str] = ..., jsonl: bool = ...
    ) -> Records: ...
    def table(
        self, pages: Iterable[Any], *, jobs: Optional[int] = ..., format: Optional[str] = ..., jsonl: bool = ...
    ) -> str: ...
    def clean_paths(
        self,
        paths: List[str],
        *,
        batch: bool = ...,
        jobs: Optional[int] = ...,
        glob: List[str] = ...,
        types: List[str] = ...,
        input_format: Optional[str] = ...,
        max_bytes: int = ...,
    ) -> Records: ...

def explain(code: str) -> Optional[str]: ...
def merge_tables(tables: List[str]) -> str: ...
