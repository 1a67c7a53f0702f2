"""Link newly stored mentions to ledger events.

First version: every mention founds its own event (no cross-document merging yet). The
function runs inside the ingest transaction, so a mention never exists without its event.
"""

from __future__ import annotations

import hashlib
import sqlite3

from ..model import EVENT_FIELDS
from ..store.sqlite import utcnow

EVENT_COLUMNS = EVENT_FIELDS + ("sources", "confidence")


def event_id_for(doc_id: str, ordinal: int) -> str:
    """A stable id from the founding mention: the same report always founds the same id."""
    return "ev-" + hashlib.sha1(f"{doc_id}\x1f{ordinal}".encode()).hexdigest()[:12]


def assign_events(conn: sqlite3.Connection, mention_ids: list[int]) -> None:
    now = utcnow()
    cols = ", ".join(EVENT_COLUMNS)
    for mention_id in mention_ids:
        row = conn.execute(f"SELECT doc_id, ordinal, {cols} FROM mentions WHERE id = ?", (mention_id,)).fetchone()
        event_id = event_id_for(row["doc_id"], row["ordinal"])
        conn.execute(
            f"INSERT INTO events (id, {cols}, created_at, updated_at) VALUES (?, {', '.join('?' * len(EVENT_COLUMNS))}, ?, ?)",
            (event_id, *[row[c] for c in EVENT_COLUMNS], now, now),
        )
        conn.execute("UPDATE mentions SET event_id = ? WHERE id = ?", (event_id, mention_id))
