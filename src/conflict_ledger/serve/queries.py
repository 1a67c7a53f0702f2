"""Aggregates the web page draws: binned map points, a stacked timeline, filter choices.

The page must stay usable with 100k events in the ledger, so everything it draws is counted
in SQLite and only the bins travel. Every query starts from EventFilter.where(), the one
place that turns filters into SQL.
"""

from __future__ import annotations

import json
import math
import sqlite3
import statistics
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..model import ACLED_TYPES
from ..query import EventFilter


@dataclass
class MapFilter(EventFilter):
    """The event filter plus a map box, for the page's "events in this map cell"."""

    # (west, south, east, north) in degrees; west > east means the box crosses the antimeridian
    bbox: tuple[float, float, float, float] | None = None

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        where, params = super().where(alias)
        if self.bbox is None:
            return where, params
        p = f"{alias}." if alias else ""
        west, south, east, north = self.bbox
        joiner = "AND" if west <= east else "OR"
        box = f"{p}latitude BETWEEN ? AND ? AND ({p}longitude >= ? {joiner} {p}longitude <= ?)"
        return f"({where}) AND {box}", [*params, south, north, west, east]


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
    """What the filter inputs offer: date range, map extent, countries, regions, types, commonest actors.

    Counted over the events lists show (EventFilter's defaults), so a choice always finds something.
    """
    where, params = EventFilter().where("e")
    first, last, total = conn.execute(
        f"SELECT min(e.event_date), max(e.event_date), count(*) FROM events e WHERE {where}", params
    ).fetchone()

    def commonest(column: str) -> dict[str, int]:
        return dict(conn.execute(
            f"SELECT e.{column}, count(*) FROM events e WHERE {where} AND e.{column} IS NOT NULL GROUP BY e.{column}",
            params,
        ).fetchall())

    def top_names(counts: dict[str, int]) -> list[str]:
        return sorted(sorted(counts, key=lambda name: -counts[name])[:top])

    bounds = core_bounds(conn, where, params)
    actors = commonest("actor1")
    for name, n in commonest("actor2").items():
        actors[name] = actors.get(name, 0) + n
    return {
        "events": total,
        "bounds": bounds,
        "initial_cell": initial_cell(bounds),
        "first_date": first,
        "last_date": last,
        "countries": top_names(commonest("country")),
        "admin1": top_names(commonest("admin1")),
        "actors": top_names(actors),
        "event_types": {top_type: list(subs) for top_type, subs in ACLED_TYPES.items()},
    }


def core_bounds(conn: sqlite3.Connection, where: str = "1", params: list[Any] | None = None,
                sample: int = 4000) -> list[float] | None:
    """west, south, east, north around the located events, leaving out far-off strays.

    A few far-off places (a capital named as the source of a statement) should not zoom the
    map out to the whole world: points more than three times the median distance from the
    median point (and over 10 degrees away) are left out. The events are sampled by rowid, which
    costs index lookups, not a scan.
    """
    params = params or []
    located = f"{where} AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL"
    low, high = conn.execute("SELECT min(rowid), max(rowid) FROM events").fetchone()
    if low is None:
        return None
    if high - low + 1 <= sample * 4:
        points = conn.execute(f"SELECT e.longitude, e.latitude FROM events e WHERE {located}", params).fetchall()
    else:
        step = (high - low + 1) / sample
        rowids = sorted({low + int(i * step) for i in range(sample)})
        points = conn.execute(
            f"SELECT e.longitude, e.latitude FROM events e WHERE e.rowid IN (SELECT value FROM json_each(?)) AND {located}",
            [json.dumps(rowids), *params],
        ).fetchall()
        if len(points) < sample // 10:  # the sampled rows are mostly unlocated or filtered out: look at all
            points = conn.execute(f"SELECT e.longitude, e.latitude FROM events e WHERE {located}", params).fetchall()
    if not points:
        return None
    # robust centre and spread: the median point, and three times the median distance from it
    lon0 = statistics.median(p[0] for p in points)
    lat0 = statistics.median(p[1] for p in points)
    shrink = math.cos(math.radians(lat0))

    def distance(p: tuple[float, float]) -> float:
        return math.hypot((p[0] - lon0) * shrink, p[1] - lat0)

    reach = max(3 * statistics.median(distance(p) for p in points), 10.0)
    core = [p for p in points if distance(p) <= reach]
    return [min(p[0] for p in core), min(p[1] for p in core), max(p[0] for p in core), max(p[1] for p in core)]


def initial_cell(bounds: list[float] | None) -> float:
    """The grid step for the first map: about 64 cells across the events' extent, a power of two."""
    if not bounds:
        return 4.0
    west, south, east, north = bounds
    span = max(east - west, north - south, 0.01)
    return min(32.0, max(1 / 512, 2.0 ** round(math.log2(span / 64))))


def count_events(conn: sqlite3.Connection, flt: EventFilter | None) -> int:
    where, params = (flt or EventFilter()).where("e")
    return conn.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]


def document(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """A stored report with its full text (offsets of evidence spans index this text)."""
    row = conn.execute(
        "SELECT id AS doc_id, published, title, url, source, text FROM documents WHERE id = ?", (doc_id,)
    ).fetchone()
    return dict(row) if row else None
