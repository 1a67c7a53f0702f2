"""Read ledger events: filtered lists (now or as they stood at a past time), one event in full."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from ..model import EVENT_FIELDS
from .filters import EventFilter

ORDER = "e.event_date, e.id"
EXTRA_COLUMNS = ("fatalities_conservative", "injuries_conservative", "status", "review_status", "version")
EVENT_SELECT = (
    f"e.id AS event_id, {', '.join('e.' + f for f in EVENT_FIELDS)}, e.sources, e.confidence, "
    f"{', '.join('e.' + c for c in EXTRA_COLUMNS)}"
)
CURRENT_DOC_IDS = "(SELECT json_group_array(DISTINCT m.doc_id) FROM mentions m WHERE m.event_id = e.id) AS doc_ids"
# the latest version of each event recorded before a cut-off: the ledger as it stood then
AS_OF_SOURCE = (
    "(SELECT v.event_id AS id, v.* FROM event_versions v WHERE v.changed_at < ? AND v.version = "
    "(SELECT max(w.version) FROM event_versions w WHERE w.event_id = v.event_id AND w.changed_at < ?))"
)


def as_of_cutoff(as_of: date | datetime | str) -> str:
    """The first instant after `as_of` (a whole day for a date), in the ledger's timestamp form."""
    if isinstance(as_of, str):
        as_of = datetime.fromisoformat(as_of) if "T" in as_of or " " in as_of else date.fromisoformat(as_of)
    if isinstance(as_of, datetime):
        if as_of.tzinfo is not None:
            from datetime import UTC

            as_of = as_of.astimezone(UTC).replace(tzinfo=None)
        return as_of.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return (as_of + timedelta(days=1)).isoformat()


def list_events(
    conn: sqlite3.Connection,
    flt: EventFilter | None = None,
    limit: int | None = None,
    offset: int = 0,
    as_of: date | datetime | str | None = None,
) -> Iterator[dict[str, Any]]:
    """Events in date order, each with its document ids (SCHEMA.md event shape, without evidence).

    With `as_of`, each event as its latest version before then says (events that did not yet
    exist, or were merged away by then, are left out).
    """
    where, params = (flt or EventFilter()).where("e")
    if as_of is None:
        source, doc_ids, pre = "events", CURRENT_DOC_IDS, []
    else:
        cutoff = as_of_cutoff(as_of)
        source, doc_ids, pre = AS_OF_SOURCE, "e.doc_ids", [cutoff, cutoff]
    sql = f"SELECT {EVENT_SELECT}, {doc_ids} FROM {source} e WHERE {where} ORDER BY {ORDER}"
    params = [*pre, *params]
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
    """One event in full: its mentions (per report), evidence of every field, merge reasons,
    each source's casualty figures, the reconciled figures with who gave them, and its history."""
    from ..merge.ledger import merge_reasons
    from ..merge.review import history

    row = conn.execute(
        f"SELECT {EVENT_SELECT}, e.merged_into, e.figure_sources, e.edits, {CURRENT_DOC_IDS} FROM events e WHERE e.id = ?",
        (event_id,),
    ).fetchone()
    if row is None:
        return None
    event = event_row(row)
    event["figure_sources"] = json.loads(event["figure_sources"] or "{}")
    event["edits"] = json.loads(event["edits"] or "{}")
    evidence: dict[str, list[dict[str, Any]]] = {}
    mentions = []
    figures = []
    for m in conn.execute(
        "SELECT m.*, d.published, d.source AS outlet, d.title FROM mentions m JOIN documents d ON d.id = m.doc_id "
        "WHERE m.event_id = ? ORDER BY d.published, m.doc_id, m.ordinal",
        (event_id,),
    ):
        mention = dict(m)
        mention["sources"] = json.loads(mention["sources"] or "[]")
        mention["merge_reasons"] = json.loads(mention["merge_reasons"] or "{}")
        mention.pop("profile", None)
        mentions.append(mention)
        stated = {k: mention[k] for k in ("fatalities", "fatalities_low", "fatalities_high", "injuries",
                                            "injuries_low", "injuries_high") if mention[k] is not None}
        if stated:
            figures.append({"mention_id": mention["id"], "doc_id": mention["doc_id"], "published": mention["published"],
                            "outlet": mention["outlet"], "sources": mention["sources"], **stated})
    for ev in conn.execute(
        "SELECT ev.mention_id, ev.field, ev.doc_id, ev.start, ev.end, ev.text FROM evidence ev "
        "JOIN mentions m ON m.id = ev.mention_id WHERE m.event_id = ? ORDER BY ev.doc_id, ev.start",
        (event_id,),
    ):
        evidence.setdefault(ev["field"], []).append(
            {"doc_id": ev["doc_id"], "start": ev["start"], "end": ev["end"], "text": ev["text"]}
        )
        if ev["field"] in ("fatalities", "injuries"):
            for fig in figures:
                if fig["mention_id"] == ev["mention_id"]:
                    fig.setdefault("evidence", []).append({"field": ev["field"], "start": ev["start"],
                                                           "end": ev["end"], "text": ev["text"]})
    event["evidence"] = evidence
    event["mentions"] = mentions
    event["merge_reasons"] = merge_reasons(conn, event_id)
    event["figures"] = figures
    event["history"] = history(conn, event_id)
    return event


def list_claims(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for row in conn.execute(
        "SELECT c.*, d.published FROM claims c JOIN documents d ON d.id = c.doc_id ORDER BY d.published, c.doc_id, c.ordinal"
    ):
        yield dict(row)
