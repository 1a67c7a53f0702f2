"""The merge stage inside the ledger: place new mentions, keep event fields, versions and reasons.

Runs inside the ingest transaction of one document (`assign_events`), so a mention never
exists without its event and a killed ingest leaves the ledger as it was. Nothing already in
the ledger is recomputed: a new report joins one existing event (found through the blocking
keys in `merge_keys`) or founds a new one, and only the events it touched get a new version.
"""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
from collections import Counter
from datetime import date
from typing import Any

from ..model import EVENT_FIELDS
from ..store.sqlite import utcnow
from .cluster import Merger, index_keys
from .profile import Profile, field_terms, terms_of, tfidf
from .reconcile import reconcile

EVENT_COLUMNS = (*EVENT_FIELDS, "fatalities_conservative", "injuries_conservative")
SNAPSHOT_COLUMNS = ("status", "review_status", *EVENT_COLUMNS, "sources", "confidence", "doc_ids")


def event_id_for(doc_id: str, ordinal: int) -> str:
    """A stable id from the founding mention: the same report always founds the same id."""
    return "ev-" + hashlib.sha1(f"{doc_id}\x1f{ordinal}".encode()).hexdigest()[:12]


HASH_BITS = 43


def key_hash(key: str) -> int:
    """A blocking key as a 64-bit integer: its day in the high bits, a hash of the rest below.

    Keys of one day sit side by side in the B-tree, so the lookups for one mention (a few
    neighbouring days) and the inserts of a day's reports touch a few pages, however large the
    ledger. Keys without a date (words) share day 0.
    """
    parts = key.split("|", 2)
    day = 0
    if len(parts) > 1 and len(parts[1]) >= 7 and parts[1][:4].isdigit():
        try:
            day = date.fromisoformat(parts[1] if len(parts[1]) == 10 else parts[1] + "-01").toordinal()
        except ValueError:
            day = 0
    day = min(day, (1 << (63 - HASH_BITS)) - 1)  # stays a signed 64-bit integer
    digest = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")
    return (day << HASH_BITS) | (digest & ((1 << HASH_BITS) - 1))


class SqliteIndex:
    """MergeIndex over the ledger tables (profiles in `events.profile`, keys in `merge_keys`)."""

    # keys of these kinds hold one day's events of a cell, a country, or of those placed no closer
    # than a country: few each, read in one query; the others (a whole day, month or a word) can be
    # long and are read most recent first, capped
    BOUNDED = ("g|", "c|", "cp|", "u|")

    CACHE_KIB = 131072  # the blocking index is read for every mention: keep its pages in memory

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._profiles: dict[str, Profile] = {}
        self._undated: bool | None = None
        if -conn.execute("PRAGMA cache_size").fetchone()[0] < self.CACHE_KIB:
            conn.execute(f"PRAGMA cache_size = -{self.CACHE_KIB}")

    def candidates(self, keys: list[str], cap: int) -> list[str]:
        seen: dict[str, None] = {}
        bounded = [key_hash(k) for k in keys if k.startswith(self.BOUNDED)]
        for start in range(0, len(bounded), 500):
            chunk = bounded[start : start + 500]
            for row in self.conn.execute(
                f"SELECT event_id FROM merge_keys WHERE key IN ({', '.join('?' * len(chunk))}) ORDER BY seq DESC",
                chunk,
            ):
                seen[row[0]] = None
        for key in keys:
            if key.startswith(self.BOUNDED) or (key.startswith("ut|") and not self._undated_filed()):
                continue
            for row in self.conn.execute(
                "SELECT event_id FROM merge_keys WHERE key = ? ORDER BY seq DESC LIMIT ?", (key_hash(key), cap)
            ):
                seen[row[0]] = None
        return list(seen)

    def _undated_filed(self) -> bool:
        """Whether any event was ever filed under an undated report's word key (`ut|`).

        Dated reports look such keys up; while the ledger holds no undated report (the usual
        case: extraction dates a report by its publication), the lookups are skipped.
        """
        if self._undated is None:
            row = self.conn.execute("SELECT value FROM merge_state WHERE name = 'undated_keys'").fetchone()
            self._undated = bool(row is None or row[0])
        return self._undated

    def add_keys(self, event_id: str, keys: list[str]) -> None:
        if not keys:
            return
        if not self._undated_filed() and any(key.startswith("ut|") for key in keys):
            self.conn.execute("UPDATE merge_state SET value = 1 WHERE name = 'undated_keys'")
            self._undated = True
        seq = self.conn.execute("UPDATE merge_state SET value = value + 1 WHERE name = 'seq' RETURNING value").fetchone()[0]
        self.conn.executemany(
            "INSERT OR IGNORE INTO merge_keys (key, seq, event_id) VALUES (?, ?, ?)",
            [(key_hash(key), seq, event_id) for key in keys],
        )

    def profile(self, event_id: str) -> Profile | None:
        if event_id not in self._profiles:
            row = self.conn.execute("SELECT profile FROM events WHERE id = ? AND status != 'merged'", (event_id,)).fetchone()
            if row is None or row[0] is None:
                return None
            self._profiles[event_id] = Profile.from_json(json.loads(row[0]))
        return self._profiles[event_id]

    def save_profile(self, event_id: str, profile: Profile) -> None:
        self._profiles[event_id] = profile
        now = utcnow()
        self.conn.execute(
            "INSERT INTO events (id, created_at, updated_at, profile) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET profile = excluded.profile",
            (event_id, now, now, json.dumps(profile.to_json())),
        )

    def reindex(self, event_id: str, profile: Profile | None) -> None:
        """File an event again under its current profile (after a split or merge).

        Its old keys stay: they only add a candidate that the pair score then judges, and an
        event merged away is skipped by `profile()`.
        """
        self._profiles.pop(event_id, None)
        if profile is not None:
            self.add_keys(event_id, index_keys(profile))


# ---------------------------------------------------------------------- words and their weights
def observe_document(conn: sqlite3.Connection, text: str, extra: Counter[str] | None = None) -> None:
    """Count a document's words (and its mentions' field terms) into the ledger's document frequencies."""
    terms = set(terms_of(text)) | set(extra or ())
    conn.execute("UPDATE merge_state SET value = value + 1 WHERE name = 'documents'")
    conn.executemany(
        "INSERT INTO term_stats (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1",
        [(t,) for t in terms],
    )


def idf_function(conn: sqlite3.Connection) -> Any:
    docs = conn.execute("SELECT value FROM merge_state WHERE name = 'documents'").fetchone()[0]
    cache: dict[str, float] = {}

    def idf(term: str) -> float:
        if term not in cache:
            row = conn.execute("SELECT df FROM term_stats WHERE term = ?", (term,)).fetchone()
            cache[term] = max(0.0, math.log((docs + 1) / ((row[0] if row else 0) + 0.5)))
        return cache[term]

    return idf


def mention_text(conn: sqlite3.Connection, mention_id: int) -> str:
    """The words a mention is compared by: its reporting sentences and every evidence span."""
    row = conn.execute(
        "SELECT substr(d.text, m.trigger_start + 1, m.trigger_end - m.trigger_start) AS trigger FROM mentions m "
        "JOIN documents d ON d.id = m.doc_id WHERE m.id = ?",
        (mention_id,),
    ).fetchone()
    spans = [r[0] for r in conn.execute("SELECT DISTINCT text FROM evidence WHERE mention_id = ?", (mention_id,))]
    return "\n".join([row["trigger"] or "", *spans])


# ---------------------------------------------------------------------- event rows
def mention_rows(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    rows = []
    for r in conn.execute(
        "SELECT m.*, d.published FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.event_id = ? "
        "ORDER BY d.published, m.doc_id, m.ordinal",
        (event_id,),
    ):
        row = dict(r)
        row["sources"] = json.loads(row["sources"] or "[]")
        rows.append(row)
    return rows


def refresh_event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any]:
    """Recompute an event's fields from its mentions (review edits kept); returns the new fields."""
    edits = json.loads(conn.execute("SELECT edits FROM events WHERE id = ?", (event_id,)).fetchone()[0] or "{}")
    fields = reconcile(mention_rows(conn, event_id), edits)
    columns = [*EVENT_COLUMNS, "sources", "confidence", "figure_sources"]
    values = [fields[c] for c in EVENT_COLUMNS]
    values += [json.dumps(fields["sources"]), fields["confidence"], json.dumps(fields["figure_sources"])]
    conn.execute(
        f"UPDATE events SET {', '.join(c + ' = ?' for c in columns)}, updated_at = ? WHERE id = ?",
        (*values, utcnow(), event_id),
    )
    return fields


def rebuild_profile(conn: sqlite3.Connection, event_id: str) -> Profile | None:
    """The event's profile pooled again from its mentions' stored profiles (after split or merge)."""
    pooled: Profile | None = None
    for row in conn.execute("SELECT profile FROM mentions WHERE event_id = ? ORDER BY id", (event_id,)):
        if row[0] is None:
            continue
        p = Profile.from_json(json.loads(row[0]))
        if pooled is None:
            pooled = p
        else:
            pooled.absorb(p)
    conn.execute("UPDATE events SET profile = ? WHERE id = ?",
                 (json.dumps(pooled.to_json()) if pooled else None, event_id))
    return pooled


def figures_of(conn: sqlite3.Connection, event_id: str) -> tuple:
    row = conn.execute(
        "SELECT fatalities, fatalities_low, fatalities_high, injuries, injuries_low, injuries_high FROM events WHERE id = ?",
        (event_id,),
    ).fetchone()
    return tuple(row) if row else ()


def add_version(conn: sqlite3.Connection, event_id: str, change: str, who: str | None = None,
                note: str | None = None, detail: dict[str, Any] | None = None) -> int:
    """Bump the event's version and store a snapshot of it as it now stands."""
    conn.execute("UPDATE events SET version = version + 1 WHERE id = ? AND EXISTS "
                 "(SELECT 1 FROM event_versions WHERE event_id = ?)", (event_id, event_id))
    row = conn.execute(
        f"SELECT version, status, review_status, {', '.join(EVENT_COLUMNS)}, sources, confidence, "
        "(SELECT json_group_array(DISTINCT doc_id) FROM (SELECT doc_id FROM mentions WHERE event_id = e.id "
        "ORDER BY doc_id)) AS doc_ids FROM events e WHERE id = ?",
        (event_id,),
    ).fetchone()
    conn.execute(
        f"INSERT INTO event_versions (event_id, version, changed_at, change, who, note, detail, "
        f"{', '.join(SNAPSHOT_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, {', '.join('?' * len(SNAPSHOT_COLUMNS))})",
        (event_id, row["version"], utcnow(), change, who, note, json.dumps(detail) if detail else None,
         *[row[c] for c in SNAPSHOT_COLUMNS]),
    )
    return row["version"]


# ---------------------------------------------------------------------- the ingest hook
def mention_profile(conn: sqlite3.Connection, fields: dict[str, Any], mention_id: int, idf: Any) -> Profile:
    words = terms_of(mention_text(conn, mention_id)) + field_terms(fields)
    return Profile.of_mention(fields, tfidf(words, idf))


def adopt_legacy_events(conn: sqlite3.Connection) -> int:
    """Give events stored before merging existed their word counts, profiles, keys and first version.

    Runs once, inside the first ingest transaction after the upgrade; returns how many it adopted.
    """
    row = conn.execute("SELECT value FROM merge_state WHERE name = 'legacy_events'").fetchone()
    if not row or not row[0]:
        return 0
    for (text,) in conn.execute(
        "SELECT coalesce(title, '') || char(10) || text FROM documents WHERE id NOT IN "
        "(SELECT doc_id FROM mentions WHERE event_id IS NULL)"  # the report being ingested counts itself
    ).fetchall():
        observe_document(conn, text)
    idf = idf_function(conn)
    index = SqliteIndex(conn)
    legacy = [r[0] for r in conn.execute("SELECT id FROM events WHERE profile IS NULL AND status = 'active'")]
    for event_id in legacy:
        for r in conn.execute(f"SELECT id, {', '.join(EVENT_FIELDS)} FROM mentions WHERE event_id = ?",
                              (event_id,)).fetchall():
            profile = mention_profile(conn, dict(r), r["id"], idf)
            conn.execute("UPDATE mentions SET profile = ? WHERE id = ?", (json.dumps(profile.to_json()), r["id"]))
        index.reindex(event_id, rebuild_profile(conn, event_id))
        refresh_event(conn, event_id)
        add_version(conn, event_id, "new_report", note="stored before merging existed")
    conn.execute("UPDATE merge_state SET value = 0 WHERE name = 'legacy_events'")
    return len(legacy)


DATE_RANK = {"day": 0, "week": 1, "month": 2}


def placement_order(fields: dict[str, Any]) -> tuple:
    """Most precisely placed and dated first, then in the report's order."""
    return (fields.get("geo_precision") or 4, DATE_RANK.get(fields.get("date_precision") or "", 3),
            fields.get("ordinal") or 0)


def assign_events(conn: sqlite3.Connection, mention_ids: list[int]) -> None:
    """Place a new document's mentions: each joins the best matching event or founds one."""
    if not mention_ids:
        return
    adopt_legacy_events(conn)
    doc_id = conn.execute("SELECT doc_id FROM mentions WHERE id = ?", (mention_ids[0],)).fetchone()[0]
    doc_text = conn.execute("SELECT coalesce(title, '') || char(10) || text FROM documents WHERE id = ?",
                            (doc_id,)).fetchone()[0]
    fields_of = {
        r["id"]: dict(r) for r in conn.execute(
            f"SELECT id, ordinal, {', '.join(EVENT_FIELDS)} FROM mentions WHERE id IN ({', '.join('?' * len(mention_ids))})",
            mention_ids,
        )
    }
    field_words: Counter[str] = Counter()
    for fields in fields_of.values():
        field_words.update(field_terms(fields))
    observe_document(conn, doc_text, field_words)
    idf = idf_function(conn)
    index = SqliteIndex(conn)
    pending: dict[str, int] = {}

    def same_document_free(event_id: str) -> bool:
        # mentions of one report are different events by the extractor's judgement
        return conn.execute("SELECT 1 FROM mentions WHERE event_id = ? AND doc_id = ?", (event_id, doc_id)).fetchone() is None

    touched: dict[str, tuple] = {}
    created: set[str] = set()
    # the report's most precisely told events go first: they find their events surest, and a vaguer
    # retelling of one of them in the same report then cannot take its place
    for mention_id in sorted(mention_ids, key=lambda m: placement_order(fields_of[m])):
        fields = fields_of[mention_id]
        profile = mention_profile(conn, fields, mention_id, idf)
        pending["next"] = fields["ordinal"]
        merger = Merger(index, new_id=lambda: event_id_for(doc_id, pending["next"]), allowed=same_document_free)
        placement = merger.place(profile)
        event_id = placement.event_id
        if placement.created:
            created.add(event_id)
        elif event_id not in touched:
            touched[event_id] = figures_of(conn, event_id)
        conn.execute(
            "UPDATE mentions SET event_id = ?, merge_reasons = ?, profile = ? WHERE id = ?",
            (event_id, json.dumps(placement.reasons()), json.dumps(profile.to_json()), mention_id),
        )
    for event_id in created:
        refresh_event(conn, event_id)
        add_version(conn, event_id, "new_report", detail={"doc_id": doc_id})
    for event_id, before in touched.items():
        refresh_event(conn, event_id)
        change = "new_figure" if figures_of(conn, event_id) != before else "new_report"
        add_version(conn, event_id, change, detail={"doc_id": doc_id})


def merge_reasons(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    """Per report: why its mention is in this event (score and features), oldest first."""
    out = []
    for row in conn.execute(
        "SELECT m.id, m.doc_id, m.ordinal, m.merge_reasons, m.placed_by, d.published FROM mentions m "
        "JOIN documents d ON d.id = m.doc_id WHERE m.event_id = ? ORDER BY m.id",
        (event_id,),
    ):
        reasons = json.loads(row["merge_reasons"] or "{}")
        out.append({"mention_id": row["id"], "doc_id": row["doc_id"], "published": row["published"],
                    "placed_by": row["placed_by"], **reasons})
    return out


def feature_counts(reasons: list[dict[str, Any]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for r in reasons:
        if r.get("joined"):
            counts.update(k for k, v in (r.get("features") or {}).items() if v > 0)
    return counts
