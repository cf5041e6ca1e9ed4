"""Collect work inside a block and do it once, when the outermost block ends.

The importer saves a document's records one by one in one transaction; what
each save would write beside the record (its search entry, its history row)
is collected here and written in bulk before the transaction commits.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

T = TypeVar("T")


class Batch(threading.local, Generic[T]):
    """Per-thread pending work; `collecting()` blocks nest."""

    def __init__(self, empty: Callable[[], T]) -> None:
        self.empty = empty
        self.depth = 0
        self.pending: T = empty()

    @property
    def active(self) -> bool:
        return self.depth > 0

    @contextmanager
    def collecting(self, flush: Callable[[T], None]) -> Iterator[None]:
        """Collect in this block; flush when the outermost block ends, discard when it raises."""
        self.depth += 1
        try:
            yield
        except BaseException:
            self.depth -= 1
            if self.depth == 0:
                self.pending = self.empty()
            raise
        self.depth -= 1
        if self.depth == 0:
            pending, self.pending = self.pending, self.empty()
            flush(pending)
