"""Review decisions on ledger events: accept, reject, edit a field, split, merge.

Each decision is stored (who, when, what), makes a new version of every event it changes, and
holds for later ingests: merging never joins two existing events by itself, so a split stays
split; a rejected event keeps its status when new reports join it; an edited field keeps the
reviewer's value when the event is recomputed from its reports; merged-away events leave the
blocking index, so new reports go to the survivor.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date
from typing import Any

from ..model import ACLED_TYPES, EVENT_FIELDS, SUB_EVENT_PARENT
from ..store.sqlite import utcnow
from .ledger import SqliteIndex, add_version, rebuild_profile, refresh_event


class ReviewError(ValueError):
    """A review decision that cannot be applied (unknown event, bad value...)."""


INT_FIELDS = {"fatalities", "fatalities_low", "fatalities_high", "injuries", "injuries_low", "injuries_high"}


def parse_value(field: str, value: Any) -> Any:
    """A reviewer's value for `field`, checked and converted; '' or 'null' clears the field."""
    if field not in EVENT_FIELDS:
        raise ReviewError(f"{field!r} is not an event field; one of: {', '.join(EVENT_FIELDS)}")
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "null", "none")):
        return None
    text = str(value).strip()
    try:
        if field == "event_date":
            return date.fromisoformat(text).isoformat()
        if field in INT_FIELDS:
            number = int(text)
            if number < 0:
                raise ValueError("negative")
            return number
        if field == "geo_precision":
            number = int(text)
            if number not in (1, 2, 3):
                raise ValueError("not 1, 2 or 3")
            return number
        if field in ("latitude", "longitude"):
            number = float(text)
            limit = 90 if field == "latitude" else 180
            if not -limit <= number <= limit:
                raise ValueError("out of range")
            return number
    except ValueError as err:
        raise ReviewError(f"bad value {text!r} for {field} ({err})") from err
    if field == "date_precision" and text not in ("day", "week", "month"):
        raise ReviewError(f"bad value {text!r} for date_precision (day, week or month)")
    if field == "event_type" and text not in ACLED_TYPES:
        raise ReviewError(f"bad value {text!r} for event_type (one of: {', '.join(ACLED_TYPES)})")
    if field == "sub_event_type" and text not in SUB_EVENT_PARENT:
        raise ReviewError(f"bad value {text!r} for sub_event_type (an ACLED sub-event type)")
    return text


def _event(conn: sqlite3.Connection, event_id: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        raise ReviewError(f"no event {event_id!r} in the ledger")
    if row["status"] == "merged":
        raise ReviewError(f"event {event_id} was merged into {row['merged_into']}; review that one")
    return row


def _decide(conn: sqlite3.Connection, action: str, event_id: str, who: str, note: str | None,
            detail: dict[str, Any]) -> int:
    if not who or not str(who).strip():
        raise ReviewError("a review decision needs the reviewer's name (who)")
    cur = conn.execute(
        "INSERT INTO decisions (action, event_id, who, decided_at, note, detail) VALUES (?, ?, ?, ?, ?, ?)",
        (action, event_id, who, utcnow(), note, json.dumps(detail)),
    )
    return cur.lastrowid


def accept(conn: sqlite3.Connection, event_id: str, who: str, note: str | None = None) -> int:
    """Mark an event as checked by a person; returns its new version."""
    row = _event(conn, event_id)
    _decide(conn, "accept", event_id, who, note, {})
    status = "edited" if row["review_status"] == "edited" else "accepted"
    conn.execute("UPDATE events SET review_status = ?, status = 'active' WHERE id = ?", (status, event_id))
    return add_version(conn, event_id, "accept", who, note)


def reject(conn: sqlite3.Connection, event_id: str, who: str, note: str | None = None) -> int:
    """Take an event out of lists and counts (it stays in the ledger, with its history)."""
    _event(conn, event_id)
    _decide(conn, "reject", event_id, who, note, {})
    conn.execute("UPDATE events SET status = 'rejected' WHERE id = ?", (event_id,))
    return add_version(conn, event_id, "reject", who, note)


def edit(conn: sqlite3.Connection, event_id: str, field: str, value: Any, who: str, note: str | None = None) -> int:
    """Set one field by hand; the value wins over what reports say until another review changes it."""
    row = _event(conn, event_id)
    parsed = parse_value(field, value)
    edits = json.loads(row["edits"] or "{}")
    edits[field] = parsed
    if field == "sub_event_type" and parsed is not None:
        edits["event_type"] = SUB_EVENT_PARENT[parsed]
    _decide(conn, "edit", event_id, who, note, {"field": field, "value": parsed, "before": row[field]})
    conn.execute("UPDATE events SET edits = ?, review_status = 'edited' WHERE id = ?", (json.dumps(edits), event_id))
    refresh_event(conn, event_id)
    return add_version(conn, event_id, "manual_edit", who, note, {"field": field, "value": parsed, "before": row[field]})


def split(conn: sqlite3.Connection, event_id: str, mention_ids: list[int], who: str, note: str | None = None) -> str:
    """Move the given mentions of an event into a new event; returns the new event's id."""
    _event(conn, event_id)
    ids = sorted({int(m) for m in mention_ids})
    if not ids:
        raise ReviewError("name the mention ids to split off")
    own = {r[0] for r in conn.execute("SELECT id FROM mentions WHERE event_id = ?", (event_id,))}
    foreign = [m for m in ids if m not in own]
    if foreign:
        raise ReviewError(f"mention(s) {', '.join(map(str, foreign))} are not part of event {event_id}")
    if set(ids) == own:
        raise ReviewError("a split must leave at least one mention in the original event")
    new_id = "ev-" + hashlib.sha1(f"split\x1f{event_id}\x1f{ids}".encode()).hexdigest()[:12]
    now = utcnow()
    conn.execute("INSERT INTO events (id, created_at, updated_at) VALUES (?, ?, ?)", (new_id, now, now))
    conn.executemany("UPDATE mentions SET event_id = ?, placed_by = 'split' WHERE id = ?", [(new_id, m) for m in ids])
    _decide(conn, "split", event_id, who, note, {"mention_ids": ids, "new_event_id": new_id})
    index = SqliteIndex(conn)
    for eid in (event_id, new_id):
        index.reindex(eid, rebuild_profile(conn, eid))
        refresh_event(conn, eid)
    detail = {"from": event_id, "to": new_id, "mention_ids": ids}
    add_version(conn, event_id, "split", who, note, detail)
    add_version(conn, new_id, "split", who, note, detail)
    return new_id


def merge(conn: sqlite3.Connection, event_ids: list[str], who: str, note: str | None = None) -> str:
    """Merge events into the first one given (its id survives); returns the surviving id."""
    ids = list(dict.fromkeys(event_ids))
    if len(ids) < 2:
        raise ReviewError("name at least two events to merge")
    for eid in ids:
        _event(conn, eid)
    survivor, others = ids[0], ids[1:]
    _decide(conn, "merge", survivor, who, note, {"merged": others})
    index = SqliteIndex(conn)
    for eid in others:
        conn.execute("UPDATE mentions SET event_id = ?, placed_by = 'merge_decision' WHERE event_id = ?", (survivor, eid))
        conn.execute("UPDATE events SET status = 'merged', merged_into = ? WHERE id = ?", (survivor, eid))
        index.reindex(eid, None)
        add_version(conn, eid, "merge", who, note, {"into": survivor})
    index.reindex(survivor, rebuild_profile(conn, survivor))
    refresh_event(conn, survivor)
    add_version(conn, survivor, "merge", who, note, {"merged": others})
    return survivor


def history(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    """Every version of an event, oldest first, each with a snapshot of its fields."""
    out = []
    for row in conn.execute("SELECT * FROM event_versions WHERE event_id = ? ORDER BY version", (event_id,)):
        snap = dict(row)
        entry = {k: snap.pop(k) for k in ("version", "changed_at", "change", "who", "note")}
        snap.pop("event_id")
        entry["detail"] = json.loads(snap.pop("detail") or "null")
        snap["sources"] = json.loads(snap["sources"] or "[]")
        snap["doc_ids"] = json.loads(snap["doc_ids"] or "[]")
        entry["event"] = snap
        out.append(entry)
    return out


def review_queue(conn: sqlite3.Connection, limit: int = 50) -> list[dict[str, Any]]:
    """Unreviewed active events, the least confident first (those most worth a person's look)."""
    from ..query.events import EVENT_SELECT, event_row

    rows = conn.execute(
        f"SELECT {EVENT_SELECT}, (SELECT json_group_array(DISTINCT m.doc_id) FROM mentions m WHERE m.event_id = e.id) "
        "AS doc_ids FROM events e WHERE e.status = 'active' AND e.review_status = 'unreviewed' "
        "ORDER BY e.confidence, e.event_date, e.id LIMIT ?",
        (limit,),
    )
    return [event_row(r) for r in rows]
