"""Answers of the expensive aggregate queries, kept until the ledger changes.

A page load asks for the same map bins, timeline and filter choices every time; on a large
ledger each costs a scan. SQLite tells when anything was committed since we last asked:
`PRAGMA data_version` on a connection of our own that never writes changes whenever any
other connection (a review decision on another server thread, an ingest in another process)
commits. An answer is reused only while that number stays the same.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class AggregateCache:
    """A small LRU of query answers, emptied whenever the ledger file changes."""

    def __init__(self, path: str, size: int = 256) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._running: dict[tuple[int, Hashable], threading.Event] = {}
        self._version: int | None = None
        self._path = path
        self._watch: sqlite3.Connection | None = None

    def data_version(self) -> int:
        with self._lock:
            if self._watch is None:
                self._watch = sqlite3.connect(self._path, check_same_thread=False, isolation_level=None)
                self._answers.clear()
                self._version = None
            return self._watch.execute("PRAGMA data_version").fetchone()[0]

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached answer for `key`, else compute() (once: concurrent askers wait for the first)."""
        version = self.data_version()
        with self._lock:
            if version != self._version:
                self._answers.clear()
                self._version = version
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
            running = self._running.get((version, key))
            if running is None:
                running = self._running[(version, key)] = threading.Event()
                mine = True
            else:
                mine = False
        if not mine:
            running.wait()
            with self._lock:
                if key in self._answers and self._version == version:
                    return self._answers[key]
            return compute()  # the first asker failed or the ledger changed meanwhile
        try:
            answer = compute()
            with self._lock:
                if self._version == version:
                    self._answers[key] = answer
                    while len(self._answers) > self.size:
                        self._answers.popitem(last=False)
            return answer
        finally:
            with self._lock:
                del self._running[(version, key)]
            running.set()

    def close(self) -> None:
        with self._lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
