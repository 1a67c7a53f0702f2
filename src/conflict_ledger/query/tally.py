"""Counts over a filter: events, fatalities and injuries (best figure and low/high range)."""

from __future__ import annotations

import sqlite3
from typing import Any

from .filters import EventFilter


def tally(conn: sqlite3.Connection, flt: EventFilter | None = None) -> dict[str, Any]:
    """Totals for the events the filter selects.

    `fatalities` sums the stated best figures; `fatalities_low`/`_high` sum the ranges, taking
    the best figure where no range is known, so vague reports ("several killed") still count.
    A high of None means at least one event has no upper bound ("at least 34").
    """
    where, params = (flt or EventFilter()).where("e")
    row = conn.execute(
        f"""SELECT count(*) AS events,
                   min(event_date) AS first_date, max(event_date) AS last_date,
                   sum(fatalities) AS fatalities,
                   sum(coalesce(fatalities_low, fatalities, 0)) AS fatalities_low,
                   CASE WHEN sum(fatalities_low IS NOT NULL AND fatalities_high IS NULL) > 0
                        THEN NULL ELSE sum(coalesce(fatalities_high, fatalities, 0)) END AS fatalities_high,
                   sum(injuries) AS injuries,
                   sum(coalesce(injuries_low, injuries, 0)) AS injuries_low,
                   CASE WHEN sum(injuries_low IS NOT NULL AND injuries_high IS NULL) > 0
                        THEN NULL ELSE sum(coalesce(injuries_high, injuries, 0)) END AS injuries_high,
                   count(DISTINCT country) AS countries
            FROM events e WHERE {where}""",
        params,
    ).fetchone()
    out = dict(row)
    for key in ("fatalities", "injuries"):
        out[key] = out[key] or 0
    return out
