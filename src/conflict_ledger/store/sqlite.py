"""The SQLite ledger: schema migrations, one transaction per document, consistency checks.

SQLite in WAL mode with foreign keys on: a ledger is one file a user can copy, and a crash
(or a kill) in the middle of an ingest loses at most the document being written.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from ..model import EVENT_FIELDS, EventMention, Extraction

MENTION_COLUMNS = EVENT_FIELDS + ("sources", "confidence")


def utcnow() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every file in store/migrations, in order."""
    folder = resources.files("conflict_ledger.store").joinpath("migrations")
    out = []
    for entry in folder.iterdir():
        m = re.match(r"(\d{4})_(\w+)\.sql$", entry.name)
        if m:
            out.append((int(m.group(1)), m.group(2), entry.read_text("utf-8")))
    return sorted(out)


class Store:
    """A connection to one ledger file, migrated to the current schema on open."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 5000")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()
        except sqlite3.DatabaseError as err:
            raise LedgerFileError(f"{self.path} is not a usable ledger database ({err})") from err

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; rolled back on any error."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # ------------------------------------------------------------------ schema
    def schema_version(self) -> int:
        row = self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_migrations'"
        ).fetchone()
        if row is None:
            return 0
        return self.conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]

    def migrate(self) -> list[int]:
        """Apply pending migrations, each in its own transaction; returns the versions applied.

        Pending means not recorded yet, not "above the highest recorded": migration numbers are
        reserved per line of work, so a ledger made by a build with 0010 must still get an 0002
        that arrives later.
        """
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in self.conn.execute("SELECT version FROM schema_migrations")}
        applied = []
        for version, name, sql in migrations():
            if version in done:
                continue
            with self.transaction() as conn:
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, utcnow()),
                )
            applied.append(version)
        return applied

    # ------------------------------------------------------------------ documents
    def known_document(self, doc_id: str, content_hash: str) -> str | None:
        """Why this document is already in the ledger, or None when it is new.

        Identity is the text: the same text under any id is known; a different text under a
        used id (two folders with the same file name) is new and gets a derived id.
        """
        row = self.conn.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        if row:
            same = "same id" if row["id"] == doc_id else f"same text as {row['id']}"
            return f"already in the ledger ({same})"
        return None

    def read_scope(self, content_hash: str) -> str | None:
        """The scope (`extract.scope`) the document with this text was read in, if it is in the ledger."""
        row = self.conn.execute("SELECT scope FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return row["scope"] if row else None

    def free_id(self, doc_id: str, content_hash: str) -> str:
        """`doc_id`, or `doc_id~HASH8` when another document already holds that id."""
        if self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
            return doc_id
        return f"{doc_id}~{content_hash[:8]}"

    def add_extraction(self, extraction: Extraction, assign_events: Any, scope: str = "all") -> list[int]:
        """Store a document with its mentions, evidence and claims in one transaction.

        `assign_events(conn, mention_ids)` (the merge stage) links the new mentions to ledger
        events inside the same transaction, so a kill never leaves mentions without events.
        `scope` is the one the document was read in. Returns the new mention ids.
        """
        doc = extraction.document
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO documents (id, content_hash, published, title, url, source, path, text, ingested_at, "
                "scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.id, doc.content_hash, doc.published.isoformat() if doc.published else None, doc.title,
                 doc.url, doc.source, doc.path, doc.text, utcnow(), scope),
            )
            mention_ids = [self._insert_mention(conn, doc.id, n, m) for n, m in enumerate(extraction.mentions)]
            for n, claim in enumerate(extraction.claims):
                cur = conn.execute(
                    "INSERT INTO claims (doc_id, ordinal, text, start, end, count, counted, since, until, attributed_to, "
                    "injuries, fatalities) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc.id, n, claim.text, claim.start, claim.end, claim.count, claim.counted, claim.since,
                     claim.until, claim.attributed_to, claim.injuries, claim.fatalities),
                )
                self._insert_evidence(conn, "claim_id", cur.lastrowid, claim.evidence)
            if mention_ids:
                assign_events(conn, mention_ids)
        return mention_ids

    def _insert_mention(self, conn: sqlite3.Connection, doc_id: str, ordinal: int, mention: EventMention) -> int:
        values = [getattr(mention, name) for name in EVENT_FIELDS]
        values += [json.dumps(mention.sources), mention.confidence]
        trigger = mention.trigger
        cur = conn.execute(
            f"INSERT INTO mentions (doc_id, ordinal, {', '.join(MENTION_COLUMNS)}, trigger_start, trigger_end) "
            f"VALUES (?, ?, {', '.join('?' * len(MENTION_COLUMNS))}, ?, ?)",
            (doc_id, ordinal, *values, trigger.start if trigger else None, trigger.end if trigger else None),
        )
        mention_id = cur.lastrowid
        self._insert_evidence(conn, "mention_id", mention_id, mention.evidence)
        return mention_id

    @staticmethod
    def _insert_evidence(conn: sqlite3.Connection, owner: str, owner_id: int, evidence: dict) -> None:
        rows = [
            (owner_id, field, span.doc_id, span.start, span.end, span.text)
            for field, spans in evidence.items()
            for span in spans
        ]
        conn.executemany(
            f"INSERT INTO evidence ({owner}, field, doc_id, start, end, text) VALUES (?, ?, ?, ?, ?, ?)", rows
        )

    # ------------------------------------------------------------------ checks
    def check(self) -> list[str]:
        """Consistency problems (empty list when the ledger is sound)."""
        problems = []
        result = self.conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            problems.append(f"sqlite integrity_check: {result}")
        for row in self.conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"broken reference in {row[0]} row {row[1]} -> {row[2]}")
        orphans = self.conn.execute("SELECT count(*) FROM mentions WHERE event_id IS NULL").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} mention(s) belong to no event")
        empty = self.conn.execute(
            "SELECT count(*) FROM events e WHERE e.status != 'merged' "
            "AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id)"
        ).fetchone()[0]
        if empty:
            problems.append(f"{empty} event(s) have no mention")
        bad_spans = self.conn.execute(
            "SELECT count(*) FROM evidence ev JOIN documents d ON d.id = ev.doc_id "
            "WHERE substr(d.text, ev.start + 1, ev.end - ev.start) <> ev.text"
        ).fetchone()[0]
        if bad_spans:
            problems.append(f"{bad_spans} evidence span(s) do not match their document text")
        return problems


class LedgerFileError(RuntimeError):
    """The ledger file cannot be opened as a ledger."""


def _statements(sql: str) -> list[str]:
    """Split a migration file into complete statements (triggers with inner semicolons included)."""
    out, pending = [], ""
    for line in sql.splitlines(keepends=True):
        if not pending and line.strip().startswith("--"):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            out.append(pending.strip())
            pending = ""
    if pending.strip():
        out.append(pending.strip())
    return out
