"""The aggregate cache: one computation per question while the ledger file stays the same."""

from __future__ import annotations

import sqlite3
import threading
import time

from conflict_ledger.serve.cache import AggregateCache


def test_answers_are_reused_until_another_connection_commits(tmp_path):
    path = tmp_path / "ledger.db"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("CREATE TABLE t (n INTEGER)")
    cache = AggregateCache(str(path))
    calls = []

    def count() -> int:
        calls.append(1)
        return writer.execute("SELECT count(*) FROM t").fetchone()[0]

    assert cache.get("count", count) == 0
    assert cache.get("count", count) == 0
    assert len(calls) == 1
    writer.execute("INSERT INTO t VALUES (1)")
    assert cache.get("count", count) == 1
    assert len(calls) == 2
    cache.close()
    writer.close()


def test_concurrent_askers_wait_for_one_computation(tmp_path):
    path = tmp_path / "ledger.db"
    sqlite3.connect(path).execute("CREATE TABLE t (n INTEGER)")
    cache = AggregateCache(str(path))
    calls = []
    started = threading.Event()

    def slow() -> str:
        calls.append(1)
        started.set()
        time.sleep(0.2)
        return "answer"

    answers = []
    threads = [threading.Thread(target=lambda: answers.append(cache.get("q", slow))) for _ in range(4)]
    threads[0].start()
    started.wait()
    for thread in threads[1:]:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == ["answer"] * 4 and len(calls) == 1
    cache.close()
