"""A kill (SIGKILL) in the middle of a large ingest leaves a consistent ledger; a re-run completes it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from conflict_ledger.db import Ledger

PLACES = ["Kirkuk", "Mosul", "Baghdad", "Ramadi", "Tikrit", "Baqubah", "Erbil", "Fallujah"]


def batch(n: int) -> str:
    """n short reports, each different (the project's own template sentences)."""
    lines = []
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        text = (
            f"A roadside bomb struck a police patrol near {place} on Monday, killing {i % 7 + 1} officers "
            f"and wounding {i % 5 + 2} others, a local official said. Report number {i}."
        )
        lines.append(json.dumps({"id": f"r{i:04d}", "published": "2024-03-05", "text": text, "source": "Test Wire"}))
    return "\n".join(lines) + "\n"


def document_count(path) -> int:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_sigkill_mid_ingest(tmp_path):
    total = 400
    source = tmp_path / "big.jsonl"
    source.write_text(batch(total), encoding="utf-8")
    db = tmp_path / "ledger.db"
    cmd = [sys.executable, "-m", "conflict_ledger", "ingest", str(source), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while document_count(db) < 40 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be killed; make the batch larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    with Ledger(db) as ledger:
        assert ledger.check() == []
        done = ledger.counts()["documents"]
        assert 40 <= done < total
        # every stored document is complete: its mentions, events and evidence are all there
        partial = ledger.conn.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = d.id)"
        ).fetchone()[0]
        assert partial == 0

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - done} document(s) ingested" in rerun.stderr
    assert f"{done} already in the ledger" in rerun.stderr
    with Ledger(db) as ledger:
        assert ledger.check() == []
        counts = ledger.counts()
        assert counts["documents"] == total
        dupes = ledger.conn.execute(
            "SELECT count(*) FROM (SELECT doc_id, ordinal FROM mentions GROUP BY doc_id, ordinal HAVING count(*) > 1)"
        ).fetchone()[0]
        assert dupes == 0
