"""Read ledger events: filtered lists, one event in full with its evidence and reports."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from ..model import EVENT_FIELDS
from .filters import EventFilter

ORDER = "e.event_date, e.id"


def list_events(
    conn: sqlite3.Connection, flt: EventFilter | None = None, limit: int | None = None, offset: int = 0
) -> Iterator[dict[str, Any]]:
    """Events in date order, each with its document ids (SCHEMA.md event shape, without evidence)."""
    where, params = (flt or EventFilter()).where("e")
    sql = (
        f"SELECT e.id AS event_id, {', '.join('e.' + f for f in EVENT_FIELDS)}, e.sources, e.confidence, "
        "(SELECT json_group_array(DISTINCT m.doc_id) FROM mentions m WHERE m.event_id = e.id) AS doc_ids "
        f"FROM events e WHERE {where} ORDER BY {ORDER}"
    )
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    for row in conn.execute(sql, params):
        yield event_row(row)


def event_row(row: sqlite3.Row) -> dict[str, Any]:
    out = dict(row)
    out["sources"] = json.loads(out.get("sources") or "[]")
    if "doc_ids" in out:
        out["doc_ids"] = sorted(json.loads(out["doc_ids"] or "[]"))
    return out


def get_event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """One event with its mentions (per report) and the evidence of every field."""
    rows = list(list_events_by_id(conn, event_id))
    if not rows:
        return None
    event = rows[0]
    evidence: dict[str, list[dict[str, Any]]] = {}
    mentions = []
    for m in conn.execute(
        "SELECT m.*, d.published, d.source AS outlet, d.title FROM mentions m JOIN documents d ON d.id = m.doc_id "
        "WHERE m.event_id = ? ORDER BY d.published, m.doc_id, m.ordinal",
        (event_id,),
    ):
        mention = dict(m)
        mention["sources"] = json.loads(mention["sources"] or "[]")
        mentions.append(mention)
    for ev in conn.execute(
        "SELECT ev.field, ev.doc_id, ev.start, ev.end, ev.text FROM evidence ev JOIN mentions m ON m.id = ev.mention_id "
        "WHERE m.event_id = ? ORDER BY ev.doc_id, ev.start",
        (event_id,),
    ):
        evidence.setdefault(ev["field"], []).append(
            {"doc_id": ev["doc_id"], "start": ev["start"], "end": ev["end"], "text": ev["text"]}
        )
    event["evidence"] = evidence
    event["mentions"] = mentions
    return event


def list_events_by_id(conn: sqlite3.Connection, event_id: str) -> Iterator[dict[str, Any]]:
    sql = (
        f"SELECT e.id AS event_id, {', '.join('e.' + f for f in EVENT_FIELDS)}, e.sources, e.confidence, "
        "(SELECT json_group_array(DISTINCT m.doc_id) FROM mentions m WHERE m.event_id = e.id) AS doc_ids "
        "FROM events e WHERE e.id = ?"
    )
    for row in conn.execute(sql, (event_id,)):
        yield event_row(row)


def list_claims(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for row in conn.execute(
        "SELECT c.*, d.published FROM claims c JOIN documents d ON d.id = c.doc_id ORDER BY d.published, c.doc_id, c.ordinal"
    ):
        yield dict(row)
