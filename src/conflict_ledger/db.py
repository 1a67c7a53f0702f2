"""The Python API: open a ledger, ingest reports, ask it questions.

    from conflict_ledger.db import Ledger
    ledger = Ledger("ledger.db")
    report = ledger.ingest(["reports/"])
    for event in ledger.events(EventFilter(country=("Iraq",))):
        ...

Every CLI command is one call of this class (or of a stateless stage function).
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from .ingest import Notice, read_paths
from .ingest.readers import MAX_DOCUMENT_CHARS
from .model import Document
from .query import EventFilter, get_event, list_claims, list_events, tally
from .store import Store

DEFAULT_DB = "ledger.db"


def default_db_path() -> str:
    """`$CONFLICT_LEDGER_DB`, else ledger.db in the current folder."""
    return os.environ.get("CONFLICT_LEDGER_DB") or DEFAULT_DB


@dataclass
class IngestReport:
    """What an ingest did: documents stored, events and claims found, and every input it skipped."""

    ingested: list[str] = field(default_factory=list)
    mentions: int = 0
    claims: int = 0
    already_known: list[Notice] = field(default_factory=list)
    skipped: list[Notice] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)

    @property
    def nothing_read(self) -> bool:
        """True when no input could be read at all (the only case that is an error)."""
        return not self.ingested and not self.already_known

    def summary(self) -> str:
        parts = [f"{len(self.ingested)} document(s) ingested ({self.mentions} event mention(s), {self.claims} claim(s))"]
        if self.already_known:
            parts.append(f"{len(self.already_known)} already in the ledger")
        if self.skipped:
            reasons = Counter(_reason_kind(n.message) for n in self.skipped)
            parts.append(
                f"{len(self.skipped)} skipped (" + ", ".join(f"{k}: {v}" for k, v in reasons.most_common()) + ")"
            )
        if self.warnings:
            parts.append(f"{len(self.warnings)} warning(s)")
        return "; ".join(parts)


def _reason_kind(message: str) -> str:
    return message.split(" (")[0].split(":")[0][:60]


class Ledger:
    """One ledger file (SQLite). Opening it applies pending schema migrations."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = str(path or default_db_path())
        self.store = Store(self.path)

    @property
    def conn(self) -> sqlite3.Connection:
        return self.store.conn

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing
    def ingest(
        self,
        paths: Iterable[str | Path],
        fmt: str | None = None,
        published: date | None = None,
        on_document: Callable[[str, str], None] | None = None,
        max_chars: int = MAX_DOCUMENT_CHARS,
    ) -> IngestReport:
        """Read, extract and store documents; each document commits alone (idempotent, kill-safe)."""
        items = read_paths(paths, fmt=fmt, published=published, max_chars=max_chars)
        return self.ingest_items(items, on_document)

    def ingest_items(
        self, items: Iterable[Document | Notice], on_document: Callable[[str, str], None] | None = None
    ) -> IngestReport:
        from .extract import default_pipeline
        from .merge import assign_events

        report = IngestReport()
        notify = on_document or (lambda doc_id, status: None)
        # documents read in this run but maybe not stored yet (extraction works in batches)
        batch_ids: set[str] = set()
        batch_hashes: dict[str, str] = {}

        def new_documents() -> Iterator[Document]:
            for item in items:
                if isinstance(item, Notice):
                    (report.skipped if item.skipped else report.warnings).append(item)
                    if item.skipped:
                        notify(item.where, "skipped")
                    continue
                known = self.store.known_document(item.id, item.content_hash)
                if not known and item.content_hash in batch_hashes:
                    known = f"already in this batch (same text as {batch_hashes[item.content_hash]})"
                if known:
                    report.already_known.append(Notice(item.id, known))
                    notify(item.id, "known")
                    continue
                free = self.store.free_id(item.id, item.content_hash)
                if free == item.id and item.id in batch_ids:
                    free = f"{item.id}~{item.content_hash[:8]}"
                if free != item.id:
                    report.warnings.append(
                        Notice(item.path or item.id, f"id {item.id!r} is taken by a different text; stored as {free!r}",
                               skipped=False)
                    )
                    item = replace(item, id=free)
                batch_ids.add(item.id)
                batch_hashes[item.content_hash] = item.id
                yield item

        for extraction in default_pipeline().run(new_documents()):
            doc = extraction.document
            if extraction.error:
                report.skipped.append(Notice(doc.path or doc.id, extraction.error))
                notify(doc.id, "skipped")
                continue
            try:
                self.store.add_extraction(extraction, assign_events)
            except sqlite3.IntegrityError:
                # the same id or text twice within one batch: the first copy won
                report.already_known.append(Notice(doc.id, "duplicate of a document earlier in this batch"))
                notify(doc.id, "known")
                continue
            report.ingested.append(doc.id)
            report.mentions += len(extraction.mentions)
            report.claims += len(extraction.claims)
            notify(doc.id, "ingested")
        return report

    # ------------------------------------------------------------------ reading
    def events(self, flt: EventFilter | None = None, limit: int | None = None, offset: int = 0) -> Iterator[dict[str, Any]]:
        return list_events(self.conn, flt, limit, offset)

    def event(self, event_id: str) -> dict[str, Any] | None:
        return get_event(self.conn, event_id)

    def tally(self, flt: EventFilter | None = None) -> dict[str, Any]:
        return tally(self.conn, flt)

    def claims(self) -> Iterator[dict[str, Any]]:
        return list_claims(self.conn)

    def counts(self) -> dict[str, int]:
        return {
            table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "mentions", "events", "claims", "evidence")
        }

    def check(self) -> list[str]:
        """Consistency problems; an empty list means the ledger is sound."""
        return self.store.check()

    # ---- web page (serve/queries.py): what the page draws, aggregated in SQLite
    def document(self, doc_id: str) -> dict[str, Any] | None:
        """A stored report with its full text, or None."""
        from .serve.queries import document

        return document(self.conn, doc_id)

    def count_events(self, flt: EventFilter | None = None) -> int:
        from .serve.queries import count_events

        return count_events(self.conn, flt)

    def map_cells(self, flt: EventFilter | None = None, cell: float = 1.0) -> dict[str, Any]:
        """Located events binned on a `cell`-degree grid (count, casualties, types per bin)."""
        from .serve.queries import map_cells

        return map_cells(self.conn, flt, cell)

    def timeline(self, flt: EventFilter | None = None, period: str | None = None) -> dict[str, Any]:
        """Events per day/week/month stacked by event type (`period` None: chosen from the span)."""
        from .serve.queries import timeline

        return timeline(self.conn, flt, period)

    def facets(self) -> dict[str, Any]:
        """Choices for filter inputs: date range, countries, regions, types, commonest actors."""
        from .serve.queries import facets

        return facets(self.conn)
