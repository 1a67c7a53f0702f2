"""Ledger events in full for exports: fields, sources, reports and per-field evidence, streamed in batches."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from ..model import EVENT_FIELDS
from ..query.filters import EventFilter

BATCH = 2000
# columns the merge stage adds to events (status, review, ACLED's conservative figures, each
# source's figures); exported when the ledger has them
OPTIONAL_COLUMNS = ("status", "review_status", "version", "fatalities_conservative", "injuries_conservative",
                    "figure_sources")


def optional_columns(conn: sqlite3.Connection) -> list[str]:
    have = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
    return [c for c in OPTIONAL_COLUMNS if c in have]


def count_events(conn: sqlite3.Connection, flt: EventFilter | None = None) -> int:
    from ..query.tally import tally

    return tally(conn, flt or EventFilter())["events"]


def iter_events(conn: sqlite3.Connection, flt: EventFilter | None = None, batch: int = BATCH) -> Iterator[dict[str, Any]]:
    """Every selected event (date order) with `sources`, `doc_ids`, `outlets`, `notes` and `evidence`.

    `notes` is the sentence that reported the event in its earliest report; `evidence` maps each
    field to the spans it was read from: {"fatalities": [{"doc_id", "start", "end", "text"}], ...};
    `figures` (when the ledger keeps them) which source gave which casualty figure.
    """
    where, params = (flt or EventFilter()).where("e")
    extra = optional_columns(conn)
    cursor = conn.execute(
        f"SELECT e.id AS event_id, {', '.join('e.' + f for f in (*EVENT_FIELDS, *extra))}, e.sources, e.confidence, "
        f"e.created_at, e.updated_at FROM events e WHERE {where} ORDER BY e.event_date IS NULL, e.event_date, e.id",
        params,
    )
    while True:
        rows = cursor.fetchmany(batch)
        if not rows:
            return
        events = {}
        for row in rows:
            event = dict(row)
            event["sources"] = json.loads(event["sources"] or "[]")
            if "figure_sources" in event:
                event["figures"] = json.loads(event.pop("figure_sources") or "{}")
            events[row["event_id"]] = {**event, "doc_ids": [], "outlets": [], "notes": None, "evidence": {}}
        _attach_reports(conn, events)
        _attach_evidence(conn, events)
        yield from events.values()


def _in_ids(events: dict[str, Any]) -> tuple[str, list[str]]:
    ids = list(events)
    return ", ".join("?" * len(ids)), ids


def _attach_reports(conn: sqlite3.Connection, events: dict[str, dict[str, Any]]) -> None:
    marks, ids = _in_ids(events)
    for row in conn.execute(
        "SELECT m.event_id, m.doc_id, d.source AS outlet, "
        "CASE WHEN m.trigger_start IS NOT NULL THEN substr(d.text, m.trigger_start + 1, m.trigger_end - m.trigger_start) "
        "END AS sentence "
        f"FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.event_id IN ({marks}) "
        "ORDER BY d.published, m.doc_id, m.ordinal",
        ids,
    ):
        event = events[row["event_id"]]
        if row["doc_id"] not in event["doc_ids"]:
            event["doc_ids"].append(row["doc_id"])
        if row["outlet"] and row["outlet"] not in event["outlets"]:
            event["outlets"].append(row["outlet"])
        if event["notes"] is None and row["sentence"]:
            event["notes"] = " ".join(row["sentence"].split())


def _attach_evidence(conn: sqlite3.Connection, events: dict[str, dict[str, Any]]) -> None:
    marks, ids = _in_ids(events)
    for row in conn.execute(
        "SELECT m.event_id, ev.field, ev.doc_id, ev.start, ev.end, ev.text FROM evidence ev "
        f"JOIN mentions m ON m.id = ev.mention_id WHERE m.event_id IN ({marks}) ORDER BY ev.doc_id, ev.start",
        ids,
    ):
        events[row["event_id"]]["evidence"].setdefault(row["field"], []).append(
            {"doc_id": row["doc_id"], "start": row["start"], "end": row["end"], "text": row["text"]}
        )
