"""Counts over a filter: events, fatalities and injuries (best figure and low/high range), in total,
per day/week/month or per country, region, actor or type.

Casualty sums, per event: best = the stated best figure, else the low end of a range ("several
killed" counts 3 toward the best, 3 toward the low, 9 toward the high); low = the low end, else
the best; high = the high end, else the best. A high of None means at least one event has no
upper bound ("at least 34"). Undated events are counted in totals and as a last series row with
period None, so a series always adds up to the total.

Filters on dates, countries and types are answered from the per-day summary tables (migration
0010, kept exact by triggers); anything else reads the events table through its indexes.
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


def uses_summary(flt: EventFilter, by: str | None = None) -> bool:
    """True when the summary tables can answer this filter (and grouping)."""
    return flt.summary_ok() and by not in ("admin1", "actor1")


def tally(conn: sqlite3.Connection, flt: EventFilter | None = None) -> dict[str, Any]:
    """Totals for the events the filter selects: counts, casualty ranges, first and last date, countries."""
    flt = flt or EventFilter()
    if uses_summary(flt):
        where, params = flt.summary_where()
        row = dict(conn.execute(
            f"SELECT {_summary_sums()}, min(nullif(event_date, '')) AS first_date, max(event_date) AS last_date, "
            f"count(DISTINCT nullif(country, '')) AS countries FROM event_tallies WHERE {where}",
            params,
        ).fetchone())
        row["last_date"] = row["last_date"] or None
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
        return period_series(daily_rows(conn, flt), by, flt if fill else None)
    rows = group_rows(conn, by, flt)
    rows.sort(key=lambda r: (-r["events"], *[str(r.get(k) or "\uffff") for k in group_keys(by)]))
    return rows


def group_keys(by: str) -> tuple[str, ...]:
    """The key column(s) of a grouped tally's rows."""
    return ("event_type", "sub_event_type") if by == "type" else ("period",) if by in PERIODS else (by,)


def daily_rows(conn: sqlite3.Connection, flt: EventFilter) -> list[dict[str, Any]]:
    """One summed row per event day (key `day`, None for undated events)."""
    if uses_summary(flt):
        where, params = flt.summary_where()
        if not (flt.country or flt.event_type or flt.sub_event_type):
            sql = f"SELECT event_date AS day, {_summary_sums()} FROM event_day_totals WHERE {where} GROUP BY day"
        else:
            sql = f"SELECT event_date AS day, {_summary_sums()} FROM event_tallies WHERE {where} GROUP BY day"
    else:
        where, params = flt.where("e")
        sql = f"SELECT e.event_date AS day, {_event_sums('e')} FROM events e WHERE {where} GROUP BY day"
    out = []
    for row in conn.execute(sql, params):
        row = dict(row)
        out.append({"day": row["day"] or None, **{c: row[c] for c in SUM_COLUMNS}})
    return out


def group_rows(conn: sqlite3.Connection, by: str, flt: EventFilter) -> list[dict[str, Any]]:
    keys = group_keys(by)
    if uses_summary(flt, by):
        where, params = flt.summary_where()
        cols = ", ".join(keys)
        sql = f"SELECT {cols}, {_summary_sums()} FROM event_tallies WHERE {where} GROUP BY {cols}"
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


def period_series(days: Iterable[dict[str, Any]], step: str, bounds: EventFilter | None = None) -> list[dict[str, Any]]:
    """Roll per-day rows up into chronological periods; with `bounds`, fill empty periods from the
    filter's since (else the first event) to its until (else the last event) with zero rows."""
    buckets: dict[date, dict[str, int]] = {}
    undated: dict[str, int] | None = None
    for row in days:
        if row["day"] is None:
            undated = {c: row[c] or 0 for c in SUM_COLUMNS}
            continue
        try:
            start = period_start(date.fromisoformat(row["day"]), step)
        except ValueError:  # a malformed stored date counts as undated rather than vanishing
            undated = {c: (undated or {}).get(c, 0) + (row[c] or 0) for c in SUM_COLUMNS}
            continue
        bucket = buckets.setdefault(start, dict.fromkeys(SUM_COLUMNS, 0))
        for c in SUM_COLUMNS:
            bucket[c] += row[c] or 0
    if bounds is not None and (buckets or bounds.since):
        first = period_start(bounds.since, step) if bounds.since else min(buckets)
        last = period_start(bounds.until, step) if bounds.until else max(buckets, default=first)
        if buckets:
            first, last = min(first, min(buckets)), max(last, max(buckets))
        current = first
        while current <= last:
            buckets.setdefault(current, dict.fromkeys(SUM_COLUMNS, 0))
            current = next_period(current, step)
    out = [{"period": period_label(start, step), **_figures(buckets[start])} for start in sorted(buckets)]
    if undated:
        out.append({"period": None, **_figures(undated)})
    return out
