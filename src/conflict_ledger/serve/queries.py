"""Aggregates the web page draws: binned map points, a stacked timeline, filter choices.

The page must stay usable with 100k events in the ledger, so everything it draws is counted
in SQLite and only the bins travel. Every query starts from EventFilter.where(), the one
place that turns filters into SQL.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

from ..model import ACLED_TYPES
from ..query import EventFilter

PERIODS = ("day", "week", "month")
# SQLite expressions giving the first day of an event's period (weeks start on Monday)
PERIOD_START = {
    "day": "e.event_date",
    "week": "date(e.event_date, 'weekday 0', '-6 days')",
    "month": "substr(e.event_date, 1, 7) || '-01'",
}
MAX_CELLS = 5000
UNKNOWN_TYPE = "Unknown"


def casualty_sql(column: str) -> str:
    """A figure for sizing points: the best figure, else the low end of the range, else 0."""
    return f"coalesce(e.{column}, e.{column}_low, 0)"


def map_cells(conn: sqlite3.Connection, flt: EventFilter | None, cell: float) -> dict[str, Any]:
    """Located events binned on a `cell`-degree grid: count, casualties and types per bin.

    A bin holding one event carries its id (so a click opens it); a bin's position is the mean
    of its events' coordinates, so a single place stays exactly where the ledger puts it.
    """
    where, params = (flt or EventFilter()).where("e")
    rows = conn.execute(
        f"""SELECT CAST((e.latitude + 90.0) / ? AS INTEGER) AS gy,
                   CAST((e.longitude + 180.0) / ? AS INTEGER) AS gx,
                   coalesce(e.event_type, ?) AS event_type,
                   count(*) AS n,
                   sum(e.latitude) AS lat_sum, sum(e.longitude) AS lon_sum,
                   sum({casualty_sql('fatalities')}) AS fatalities,
                   sum({casualty_sql('injuries')}) AS injuries,
                   min(e.id) AS first_id,
                   min(e.location) AS location_min, max(e.location) AS location_max
            FROM events e
            WHERE {where} AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL
            GROUP BY gy, gx, 3""",
        [cell, cell, UNKNOWN_TYPE, *params],
    ).fetchall()
    cells: dict[tuple[int, int], dict[str, Any]] = {}
    for row in rows:
        key = (row["gy"], row["gx"])
        c = cells.get(key)
        if c is None:
            c = cells[key] = {"events": 0, "lat_sum": 0.0, "lon_sum": 0.0, "fatalities": 0, "injuries": 0,
                              "types": {}, "ids": [], "locations": set()}
        c["events"] += row["n"]
        c["lat_sum"] += row["lat_sum"]
        c["lon_sum"] += row["lon_sum"]
        c["fatalities"] += row["fatalities"]
        c["injuries"] += row["injuries"]
        c["types"][row["event_type"]] = row["n"]
        c["ids"].append(row["first_id"])
        c["locations"].update((row["location_min"], row["location_max"]))
    out = []
    for c in cells.values():
        n = c["events"]
        locations = c["locations"] - {None}
        out.append({
            "lat": round(c["lat_sum"] / n, 5),
            "lon": round(c["lon_sum"] / n, 5),
            "events": n,
            "fatalities": c["fatalities"],
            "injuries": c["injuries"],
            "types": c["types"],
            "event_type": max(c["types"].items(), key=lambda kv: (kv[1], kv[0]))[0],
            "event_id": c["ids"][0] if n == 1 else None,
            "location": locations.pop() if len(locations) == 1 else None,
        })
    out.sort(key=lambda c: -c["events"])
    located = sum(c["events"] for c in out)
    unlocated = conn.execute(
        f"SELECT count(*) FROM events e WHERE {where} AND (e.latitude IS NULL OR e.longitude IS NULL)", params
    ).fetchone()[0]
    return {"cell": cell, "cells": out[:MAX_CELLS], "truncated": len(out) > MAX_CELLS,
            "located": located, "unlocated": unlocated}


def choose_period(first: str | None, last: str | None) -> str:
    """Days for up to four months, weeks for up to three years, months beyond."""
    if not first or not last:
        return "day"
    try:
        span = (date.fromisoformat(last[:10]) - date.fromisoformat(first[:10])).days
    except ValueError:
        return "week"
    return "day" if span <= 120 else "week" if span <= 3 * 366 else "month"


def period_end(start: str, period: str) -> str:
    """The last day of the period starting on `start` (inclusive, for a since/until filter)."""
    day = date.fromisoformat(start)
    if period == "day":
        return start
    if period == "week":
        return (day + timedelta(days=6)).isoformat()
    nxt = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return (nxt - timedelta(days=1)).isoformat()


def timeline(conn: sqlite3.Connection, flt: EventFilter | None, period: str | None = None) -> dict[str, Any]:
    """Events per day, week or month, split by event type (`period` None picks one from the span)."""
    where, params = (flt or EventFilter()).where("e")
    dated = f"{where} AND e.event_date IS NOT NULL AND length(e.event_date) >= 10"
    if period is None:
        first, last = conn.execute(f"SELECT min(e.event_date), max(e.event_date) FROM events e WHERE {dated}",
                                   params).fetchone()
        period = choose_period(first, last)
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    buckets: dict[str, dict[str, int]] = {}
    for start, event_type, n in conn.execute(
        f"""SELECT {PERIOD_START[period]} AS start, coalesce(e.event_type, ?), count(*)
            FROM events e WHERE {dated} GROUP BY 1, 2 ORDER BY 1""",
        [UNKNOWN_TYPE, *params],
    ):
        if start is None:  # a malformed date SQLite cannot read
            continue
        buckets.setdefault(start, {})[event_type] = n
    undated = conn.execute(
        f"SELECT count(*) FROM events e WHERE {where} AND NOT (e.event_date IS NOT NULL AND length(e.event_date) >= 10)",
        params,
    ).fetchone()[0]
    return {
        "period": period,
        "buckets": [
            {"start": start, "end": period_end(start, period), "events": sum(counts.values()), "counts": counts}
            for start, counts in buckets.items()
        ],
        "undated": undated,
    }


def facets(conn: sqlite3.Connection, top: int = 300) -> dict[str, Any]:
    """What the filter inputs offer: date range, map extent, countries, regions, types, commonest actors."""
    first, last, total = conn.execute("SELECT min(event_date), max(event_date), count(*) FROM events").fetchone()

    def distinct(column: str) -> list[str]:
        return [r[0] for r in conn.execute(
            f"SELECT {column} FROM events WHERE {column} IS NOT NULL GROUP BY {column} ORDER BY count(*) DESC LIMIT ?",
            (top,),
        )]

    actors: dict[str, int] = {}
    for column in ("actor1", "actor2"):
        for name, n in conn.execute(
            f"SELECT {column}, count(*) FROM events WHERE {column} IS NOT NULL GROUP BY {column}"
        ):
            actors[name] = actors.get(name, 0) + n
    return {
        "events": total,
        "bounds": core_bounds(conn),
        "first_date": first,
        "last_date": last,
        "countries": sorted(distinct("country")),
        "admin1": sorted(distinct("admin1")),
        "actors": sorted(sorted(actors, key=lambda a: -actors[a])[:top]),
        "event_types": {top_type: list(subs) for top_type, subs in ACLED_TYPES.items()},
    }


def core_bounds(conn: sqlite3.Connection, share: float = 0.9, sample: int = 5000) -> list[float] | None:
    """west, south, east, north around the central `share` of located events (a sample of them).

    A few far-off places (a capital named as the source of a statement) should not zoom the
    map out to the whole world.
    """
    located = "latitude IS NOT NULL AND longitude IS NOT NULL"
    total = conn.execute(f"SELECT count(*) FROM events WHERE {located}").fetchone()[0]
    if not total:
        return None
    step = max(1, total // sample)
    points = conn.execute(f"SELECT longitude, latitude FROM events WHERE {located} AND rowid % ? = 0", (step,)).fetchall()
    if not points:
        points = conn.execute(f"SELECT longitude, latitude FROM events WHERE {located} LIMIT ?", (sample,)).fetchall()
    lons = sorted(p[0] for p in points)
    lats = sorted(p[1] for p in points)
    cut = int(len(points) * (1 - share) / 2)
    last = len(points) - 1 - cut
    return [lons[cut], lats[cut], lons[last], lats[last]]


def count_events(conn: sqlite3.Connection, flt: EventFilter | None) -> int:
    where, params = (flt or EventFilter()).where("e")
    return conn.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]


def document(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """A stored report with its full text (offsets of evidence spans index this text)."""
    row = conn.execute(
        "SELECT id AS doc_id, published, title, url, source, text FROM documents WHERE id = ?", (doc_id,)
    ).fetchone()
    return dict(row) if row else None
