"""Counts over a filter: events, fatalities and injuries (best figure and low/high range), in total,
per day/week/month or per country, region, actor or type.

Casualty sums, per event: best = the stated best figure, else the low end of a range ("several
killed" counts 3 toward the best, 3 toward the low, 9 toward the high); low = the low end, else
the best; high = the high end, else the best. A high of None means at least one event has no
upper bound ("at least 34"). Undated events are counted in totals and as a last series row with
period None, so a series always adds up to the total.

Filters on dates, countries and types are answered from the per-day summary tables (migration
0010, kept exact by triggers), each query from the smallest table that has the dimensions it
needs; anything else (actors, regions, confidence) reads the events table through its indexes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from .filters import EventFilter

PERIODS = ("day", "week", "month")
GROUPS = ("country", "admin1", "actor1", "type")
BY = PERIODS + GROUPS
FIGURES = ("fatalities", "injuries")
SUM_COLUMNS = ("events", "fatalities", "fatalities_low", "fatalities_high", "fatalities_open",
               "injuries", "injuries_low", "injuries_high", "injuries_open")


def _event_sums(alias: str = "e") -> str:
    """Aggregates over events rows, matching the summary tables' columns."""
    p = f"{alias}." if alias else ""
    parts = ["count(*) AS events"]
    for k in FIGURES:
        parts += [
            f"sum(coalesce({p}{k}, {p}{k}_low, 0)) AS {k}",
            f"sum(coalesce({p}{k}_low, {p}{k}, 0)) AS {k}_low",
            f"sum(coalesce({p}{k}_high, {p}{k}, 0)) AS {k}_high",
            f"sum({p}{k}_low IS NOT NULL AND {p}{k}_high IS NULL) AS {k}_open",
        ]
    return ", ".join(parts)


def _summary_sums() -> str:
    return ", ".join(f"sum({c}) AS {c}" for c in SUM_COLUMNS)


def _figures(row: dict[str, Any]) -> dict[str, Any]:
    """Summed columns -> events, fatalities, fatalities_low, fatalities_high (None when open), injuries..."""
    out: dict[str, Any] = {"events": row.get("events") or 0}
    for k in FIGURES:
        out[k] = row.get(k) or 0
        out[f"{k}_low"] = row.get(f"{k}_low") or 0
        out[f"{k}_high"] = None if row.get(f"{k}_open") else (row.get(f"{k}_high") or 0)
    return out


# Summary tables, smallest first, with the dimensions each has besides the day.
SUMMARIES = (
    ("event_day_totals", frozenset()),
    ("event_country_days", frozenset({"country"})),
    ("event_type_days", frozenset({"type"})),
    ("event_tallies", frozenset({"country", "type"})),
)


TRIGGERS = frozenset({"events_tallies_insert", "events_tallies_update", "events_tallies_delete"})
# once events have a `status`, the summaries must count active events only: these triggers do
STATUS_TRIGGERS = frozenset({"events_tallies_insert", "events_tallies_update_old", "events_tallies_update_new",
                             "events_tallies_delete"})


def summary_table(flt: EventFilter, by: str | None = None, conn: sqlite3.Connection | None = None) -> str | None:
    """The smallest summary table that answers this filter and grouping, or None (use the events table).

    With `conn`, also None when the triggers that keep the summaries exact are missing (a later
    migration that rebuilt the events table would drop them): slower, never wrong.
    """
    if not flt.summary_ok() or by in ("admin1", "actor1"):
        return None
    if conn is not None and not summaries_kept(conn):
        return None
    needed = flt.summary_dimensions() | ({by} & {"country", "type"})
    return next(table for table, dims in SUMMARIES if needed <= dims)


def summaries_kept(conn: sqlite3.Connection) -> bool:
    """True when the triggers that keep the summaries exact for this schema are all there."""
    found = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                            "AND name LIKE 'events\\_tallies\\_%' ESCAPE '\\'")}
    return (STATUS_TRIGGERS if has_status(conn) else TRIGGERS) <= found


def has_status(conn: sqlite3.Connection) -> bool:
    return any(row[1] == "status" for row in conn.execute("PRAGMA table_info(events)"))


def summary_problems(conn: sqlite3.Connection) -> list[str]:
    """Where the summary tables disagree with the events table (an empty list when they agree)."""
    problems = []
    if not summaries_kept(conn):
        problems.append("tally summary triggers are missing: tallies fall back to the events table")
    active = " WHERE status = 'active'" if has_status(conn) else ""
    events = conn.execute(f"SELECT count(*) FROM events{active}").fetchone()[0]
    for table, _ in SUMMARIES:
        counted = conn.execute(f"SELECT coalesce(sum(events), 0) FROM {table}").fetchone()[0]
        if counted != events:
            problems.append(f"summary table {table} counts {counted} event(s), the events table holds {events}")
    days = conn.execute(
        f"SELECT count(*) FROM (SELECT coalesce(event_date, '') AS day, count(*) AS n FROM events{active} GROUP BY day) e "
        "LEFT JOIN event_day_totals t ON t.event_date = e.day WHERE t.events IS NOT e.n"
    ).fetchone()[0]
    if days:
        problems.append(f"{days} day(s) of event_day_totals disagree with the events table")
    return problems


def tally(conn: sqlite3.Connection, flt: EventFilter | None = None) -> dict[str, Any]:
    """Totals for the events the filter selects: counts, casualty ranges, first and last date, countries."""
    flt = flt or EventFilter()
    table = summary_table(flt, conn=conn)
    if table:
        where, params = flt.summary_where()
        row = dict(conn.execute(
            f"SELECT {_summary_sums()}, min(nullif(event_date, '')) AS first_date, max(event_date) AS last_date "
            f"FROM {table} WHERE {where}",
            params,
        ).fetchone())
        row["last_date"] = row["last_date"] or None
        row["countries"] = count_countries(conn, flt)
    else:
        where, params = flt.where("e")
        row = dict(conn.execute(
            f"SELECT {_event_sums('e')}, min(e.event_date) AS first_date, max(e.event_date) AS last_date, "
            f"count(DISTINCT e.country) AS countries FROM events e WHERE {where}",
            params,
        ).fetchone())
    return {**_figures(row), "first_date": row["first_date"], "last_date": row["last_date"],
            "countries": row["countries"]}


def tally_by(conn: sqlite3.Connection, by: str, flt: EventFilter | None = None, fill: bool = True) -> list[dict[str, Any]]:
    """Counts per period (`day`, `week`, `month`: chronological, gaps filled with zero rows when
    `fill`) or per group (`country`, `admin1`, `actor1`, `type`: largest first)."""
    if by not in BY:
        raise ValueError(f"cannot tally by {by!r}; choose one of {', '.join(BY)}")
    flt = flt or EventFilter()
    if by in PERIODS:
        return period_series(period_rows(conn, flt, by), by, flt if fill else None)
    rows = group_rows(conn, by, flt)
    rows.sort(key=lambda r: (-r["events"], *[str(r.get(k) or "\uffff") for k in group_keys(by)]))
    return rows


def group_keys(by: str) -> tuple[str, ...]:
    """The key column(s) of a grouped tally's rows."""
    return ("event_type", "sub_event_type") if by == "type" else ("period",) if by in PERIODS else (by,)


def count_countries(conn: sqlite3.Connection, flt: EventFilter) -> int:
    """How many countries have a selected event: one index seek per country (a loose index scan)
    rather than a pass over every summary row."""
    table = "event_tallies" if flt.summary_dimensions() & {"type"} else "event_country_days"
    where, params = flt.summary_where()
    sql = f"""WITH RECURSIVE c(name) AS (
                  SELECT (SELECT min(country) FROM {table} WHERE country > '')
                  UNION ALL
                  SELECT (SELECT min(country) FROM {table} WHERE country > c.name) FROM c WHERE c.name IS NOT NULL)
              SELECT count(*) FROM c WHERE c.name IS NOT NULL
                  AND EXISTS (SELECT 1 FROM {table} WHERE country = c.name AND {where})"""
    return conn.execute(sql, params).fetchone()[0]


# The first day of the period an ISO date falls in, in SQL; NULL for a missing or malformed date.
PERIOD_SQL = {
    "day": "date({col})",
    "week": "date({col}, 'weekday 0', '-6 days')",  # the Monday of its ISO week
    "month": "date({col}, 'start of month')",
}


def period_rows(conn: sqlite3.Connection, flt: EventFilter, step: str = "day") -> list[dict[str, Any]]:
    """One summed row per period with events (key `start`, the period's first day; None for undated)."""
    table = summary_table(flt, conn=conn)
    if table:
        where, params = flt.summary_where()
        start = PERIOD_SQL[step].format(col="event_date")
        sql = f"SELECT {start} AS start, {_summary_sums()} FROM {table} WHERE {where} GROUP BY 1"
    else:
        where, params = flt.where("e")
        start = PERIOD_SQL[step].format(col="e.event_date")
        sql = f"SELECT {start} AS start, {_event_sums('e')} FROM events e WHERE {where} GROUP BY 1"
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def group_rows(conn: sqlite3.Connection, by: str, flt: EventFilter) -> list[dict[str, Any]]:
    keys = group_keys(by)
    table = summary_table(flt, by, conn)
    if table:
        where, params = flt.summary_where()
        cols = ", ".join(keys)
        sql = f"SELECT {cols}, {_summary_sums()} FROM {table} WHERE {where} GROUP BY {cols}"
    else:
        where, params = flt.where("e")
        cols = ", ".join(f"e.{k}" for k in keys)
        sql = f"SELECT {cols}, {_event_sums('e')} FROM events e WHERE {where} GROUP BY {cols}"
    out = []
    for row in conn.execute(sql, params):
        row = dict(row)
        out.append({**{k: row[k] or None for k in keys}, **_figures(row)})
    return out


# ---------------------------------------------------------------------- periods
def period_start(day: date, step: str) -> date:
    """The first day of the day/week (Monday, ISO)/month that contains `day`."""
    if step == "week":
        return day - timedelta(days=day.weekday())
    if step == "month":
        return day.replace(day=1)
    return day


def next_period(start: date, step: str) -> date:
    if step == "week":
        return start + timedelta(days=7)
    if step == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start + timedelta(days=1)


def period_label(start: date, step: str) -> str:
    """'2023-10-17' for a day, the Monday '2023-10-16' for a week, '2023-10' for a month."""
    return start.strftime("%Y-%m") if step == "month" else start.isoformat()


def period_series(rows: Iterable[dict[str, Any]], step: str, bounds: EventFilter | None = None) -> list[dict[str, Any]]:
    """Per-period rows (from period_rows) in chronological order; with `bounds`, empty periods from the
    filter's since (else the first event) to its until (else the last event) as zero rows."""
    buckets: dict[date, dict[str, Any]] = {}
    undated: dict[str, Any] | None = None
    for row in rows:
        if row["start"] is None:
            undated = row
        else:
            buckets[date.fromisoformat(row["start"])] = row
    if bounds is not None and (buckets or bounds.since):
        first = period_start(bounds.since, step) if bounds.since else min(buckets)
        last = period_start(bounds.until, step) if bounds.until else max(buckets, default=first)
        if buckets:
            first, last = min(first, min(buckets)), max(last, max(buckets))
        empty = dict.fromkeys(SUM_COLUMNS, 0)
        current = first
        while current <= last:
            buckets.setdefault(current, empty)
            current = next_period(current, step)
    out = [{"period": period_label(start, step), **_figures(buckets[start])} for start in sorted(buckets)]
    if undated:
        out.append({"period": None, **_figures(undated)})
    return out
