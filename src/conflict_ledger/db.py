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
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .ingest import Notice, read_paths
from .ingest.readers import MAX_DOCUMENT_CHARS
from .model import Document
from .query import EventFilter, get_event, list_claims, list_events, tally
from .store import Store

if TYPE_CHECKING:
    from .query.trackers import Tracker

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
        scope: str | None = None,
    ) -> IngestReport:
        """Read, extract and store documents; each document commits alone (idempotent, kill-safe).
        `scope` picks the kinds of event kept (`extract.scope`: all, or violence only)."""
        items = read_paths(paths, fmt=fmt, published=published, max_chars=max_chars)
        return self.ingest_items(items, on_document, scope)

    def ingest_items(
        self, items: Iterable[Document | Notice], on_document: Callable[[str, str], None] | None = None,
        scope: str | None = None,
    ) -> IngestReport:
        from .extract import default_pipeline
        from .extract.scope import scope_from_environment
        from .merge import assign_events
        from .merge.order import publication_order

        scope = scope or scope_from_environment()
        report = IngestReport()
        notify = on_document or (lambda doc_id, status: None)
        # documents read in this run but maybe not stored yet (extraction works in batches)
        batch_ids: set[str] = set()
        batch_hashes: dict[str, str] = {}

        def new_documents() -> Iterator[Document]:
            # in publication order (chunk by chunk), so the events formed do not depend on the input's order
            for item in publication_order(items):
                if isinstance(item, Notice):
                    (report.skipped if item.skipped else report.warnings).append(item)
                    if item.skipped:
                        notify(item.where, "skipped")
                    continue
                known = self.store.known_document(item.id, item.content_hash)
                if known and (read_in := self.store.read_scope(item.content_hash)) != scope:
                    # a document is read once: say so when this run would have kept other kinds of event
                    report.warnings.append(Notice(item.id, f"{known}, read in scope {read_in}: this run's scope "
                                                           f"{scope} adds none of its events", skipped=False))
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

        for extraction in default_pipeline(scope).run(new_documents()):
            doc = extraction.document
            if extraction.error:
                report.skipped.append(Notice(doc.path or doc.id, extraction.error))
                notify(doc.id, "skipped")
                continue
            try:
                self.store.add_extraction(extraction, assign_events, scope)
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
    def events(
        self, flt: EventFilter | None = None, limit: int | None = None, offset: int = 0,
        as_of: date | datetime | str | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Ledger events in date order; with `as_of`, as the ledger stood then (see `history`)."""
        return list_events(self.conn, flt, limit, offset, as_of)

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
        from .query.tally import summary_problems

        return self.store.check() + summary_problems(self.conn)

    # ---- merge & review
    def accept(self, event_id: str, who: str, note: str | None = None) -> int:
        """A person checked the event; returns its new version."""
        from .merge import review

        with self.store.transaction() as conn:
            return review.accept(conn, event_id, who, note)

    def reject(self, event_id: str, who: str, note: str | None = None) -> int:
        """Leave the event out of lists and counts from now on; returns its new version."""
        from .merge import review

        with self.store.transaction() as conn:
            return review.reject(conn, event_id, who, note)

    def edit(self, event_id: str, field: str, value: Any, who: str, note: str | None = None) -> int:
        """Set one field (one of model.EVENT_FIELDS, value checked) by hand; returns the new version."""
        from .merge import review

        with self.store.transaction() as conn:
            return review.edit(conn, event_id, field, value, who, note)

    def split(self, event_id: str, mention_ids: Iterable[int], who: str, note: str | None = None) -> str:
        """Move mentions out of an event into a new one; returns the new event id."""
        from .merge import review

        with self.store.transaction() as conn:
            return review.split(conn, event_id, list(mention_ids), who, note)

    def merge(self, event_ids: Iterable[str], who: str, note: str | None = None) -> str:
        """Merge events into the first given; returns the surviving event id."""
        from .merge import review

        with self.store.transaction() as conn:
            return review.merge(conn, list(event_ids), who, note)

    def history(self, event_id: str) -> list[dict[str, Any]]:
        """The event's versions, oldest first: change, who, when, and a snapshot of its fields."""
        from .merge import review

        return review.history(self.conn, event_id)

    def review_queue(self, limit: int = 50) -> list[dict[str, Any]]:
        """Unreviewed active events, lowest confidence first."""
        from .merge import review

        return review.review_queue(self.conn, limit)

    # ---- trackers & tallies
    def tally_by(self, by: str, flt: EventFilter | None = None, fill: bool = True) -> list[dict[str, Any]]:
        """Counts per day/week/month (chronological, empty periods filled) or per country/admin1/actor1/type."""
        from .query.tally import tally_by

        return tally_by(self.conn, by, flt, fill=fill)

    def trackers(self) -> list[dict[str, Any]]:
        """Saved trackers, then the bundled examples: name, title, definition, origin."""
        from .query.trackers import all_trackers

        return [t.as_dict() for t in all_trackers(self.conn)]

    def tracker(self, name: str) -> Tracker:
        from .query.trackers import find_tracker

        return find_tracker(self.conn, name)

    def tracker_report(self, name: str, series: str | None = None) -> dict[str, Any]:
        """Running count, casualty low/best/high, the numbered events and the per-period series."""
        from .query.trackers import tracker_report

        return tracker_report(self.conn, self.tracker(name), series)

    def tracker_count(self, name: str) -> dict[str, Any]:
        """Only the count and casualty ranges (no event list): the fast path."""
        from .query.trackers import tracker_count

        return tracker_count(self.conn, self.tracker(name))

    def save_tracker(self, tracker: Tracker) -> None:
        from .query.trackers import save_tracker
        from .store.sqlite import utcnow

        with self.store.transaction() as conn:
            save_tracker(conn, tracker, utcnow())

    def load_trackers(self, path: str | Path) -> list[str]:
        """Save every tracker of a YAML file (all or none: a file with a problem changes nothing)."""
        from .query.trackers import load_tracker_file, save_tracker
        from .store.sqlite import utcnow

        trackers = load_tracker_file(path)
        now = utcnow()
        with self.store.transaction() as conn:
            for tracker in trackers:
                save_tracker(conn, tracker, now)
        return [t.name for t in trackers]

    def remove_tracker(self, name: str) -> bool:
        from .query.trackers import delete_tracker

        with self.store.transaction() as conn:
            return delete_tracker(conn, name)

    def claims_vs_ledger(self) -> list[dict[str, Any]]:
        """Each stored claim beside the ledger's count for its window (see query/claims.py)."""
        from .query.claims import claims_vs_ledger
        from .query.trackers import all_trackers

        return claims_vs_ledger(self.conn, all_trackers(self.conn))

    def compare_claims(self, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Claims not stored (e.g. just extracted from new reports) beside the ledger's counts."""
        from .query.claims import compare_claim
        from .query.trackers import all_trackers

        trackers = all_trackers(self.conn)
        return [compare_claim(self.conn, claim, trackers) for claim in claims]

    def export(self, path: str | Path, fmt: str | None = None, flt: EventFilter | None = None,
               on_event: Callable[[int], None] | None = None) -> int:
        """Write events to an ACLED-style CSV, GeoJSON, Parquet or JSONL file (atomically); returns the count."""
        from .export import export_events

        return export_events(self.conn, path, fmt, flt, on_event)

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
