"""Claims vs ledger: each running count a report states, beside the ledger's own count for the same window.

A claim ("at least 76 attacks on U.S. forces in Iraq and Syria since Oct. 17") is matched to the
tracker whose `claims` wordings fit what it counts and whose countries cover the places it names.
The ledger then counts with that tracker's filter over the claim's window (its since .. until,
and only the countries the claim names, when it names some). The claimed figure is read as a
range ("at least 76" = 76 or more, "more than 100" = 101 or more, "about 70" = 56..84), and the
verdict says whether the ledger's count falls inside it.

What can be told about the difference is told: when the ledger is lower, the events in the window
that the tracker misses only because one of the fields it filters on is unknown (they might be
the missing ones); when it is higher, counted events that share day, country, type and target
with an earlier counted event (possible reports of one event not yet merged).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from datetime import date
from typing import Any

from ..extract.numbers import NUMBER_RE, parse_amount
from .filters import EventFilter, country_names
from .tally import tally
from .trackers import Tracker, figures

AGREE, HIGHER, LOWER, NO_TRACKER = "agree", "ledger higher", "ledger lower", "no matching tracker"
_ORDINAL = re.compile(r"^\s*(?:the\s+)?(\d+)(?:st|nd|rd|th)\b|^\s*(?:the\s+)?(first|second|third|fourth|fifth|sixth|"
                      r"seventh|eighth|ninth|tenth)\b", re.IGNORECASE)
_US = re.compile(r"\b(?:u\.?\s?s\.?|united states|american)\b")


def normalise(text: str) -> str:
    """Lower case, 'U.S.'/'United States'/'American' as 'us', punctuation and 'the' dropped."""
    text = _US.sub(" us ", text.lower())
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    return " ".join(w for w in text.split() if w != "the")


def claimed_range(claim: dict[str, Any]) -> tuple[int | None, int | None]:
    """(low, high) the claim's wording allows; high None = no upper bound; (None, None) when unknown."""
    count = claim.get("count")
    phrase = claim.get("count_text") or ""
    if _ORDINAL.match(phrase):
        return count, count
    number = NUMBER_RE.match(phrase.strip())
    amount = parse_amount(number.group()) if number else None
    if amount is not None and amount.low is not None:
        return amount.low, amount.high
    return count, count


def claim_countries(claim: dict[str, Any]) -> list[str]:
    """Countries named in what the claim counts ("attacks on U.S. forces in Iraq and Syria")."""
    counted = claim.get("counted") or ""
    found = []
    names = country_names()
    for match in re.finditer(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b", counted):
        name = names.get(match.group().lower())
        if name and name not in found:
            found.append(name)
    return found


def wording_fits(tracker: Tracker, counted: str) -> int:
    """How well a tracker's claim wordings fit a claim's `counted` phrase: 0 none, else the length
    of the longest wording it contains (a longer wording is a more specific fit)."""
    from rapidfuzz import fuzz

    text = normalise(counted)
    best = 0
    for wording in tracker.claims:
        phrase = normalise(wording)
        # (a fuzzy fit never of a claim that says less than the wording: bare "attacks" is no "attacks on U.S. forces")
        if phrase and (f" {phrase} " in f" {text} " or len(text.split()) >= len(phrase.split())
                       and fuzz.token_set_ratio(phrase, text) >= 95):
            best = max(best, len(phrase))
    return best


def match_tracker(claim: dict[str, Any], trackers: list[Tracker]) -> Tracker | None:
    """The tracker whose wording fits the claim and whose countries cover the places it names."""
    places = set(claim_countries(claim))
    best: tuple[tuple[int, int], Tracker] | None = None
    for tracker in trackers:
        fit = wording_fits(tracker, claim.get("counted") or "")
        if not fit:
            continue
        covered = set(tracker.filter.country)
        if places and covered and not places <= covered:
            continue
        exact_places = int(bool(places) and places == covered) if covered else 0
        score = (exact_places, fit)
        if best is None or score > best[0]:
            best = (score, tracker)
    return best[1] if best else None


def claim_window(claim: dict[str, Any], tracker: Tracker) -> EventFilter:
    """The tracker's filter over the claim's window and, when it names some, the claim's countries."""
    since = _day(claim.get("since")) or tracker.filter.since
    until = _day(claim.get("until")) or _day(claim.get("published")) or tracker.filter.until
    places = claim_countries(claim)
    return replace(tracker.filter, since=since, until=until,
                   country=tuple(places) if places else tracker.filter.country)


def _day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def verdict(ledger_count: int, low: int | None, high: int | None) -> str:
    if low is None:
        return AGREE if high is None or ledger_count <= high else HIGHER
    if ledger_count < low:
        return LOWER
    if high is not None and ledger_count > high:
        return HIGHER
    return AGREE


def compare_claim(conn: sqlite3.Connection, claim: dict[str, Any], trackers: list[Tracker]) -> dict[str, Any]:
    """One claim beside the ledger: tracker, window, ledger count, verdict and what explains a gap."""
    low, high = claimed_range(claim)
    out = {**claim, "claimed_low": low, "claimed_high": high, "tracker": None, "window": None,
           "ledger_count": None, "verdict": NO_TRACKER, "difference": None, "missing_event_ids": [],
           "extra_event_ids": []}
    tracker = match_tracker(claim, trackers)
    if tracker is None:
        return out
    flt = claim_window(claim, tracker)
    totals = tally(conn, flt)
    count = totals["events"]
    out.update(tracker=tracker.name, window=flt.to_dict(), ledger_count=count, verdict=verdict(count, low, high))
    # how far outside the claimed range the ledger's count is (negative: fewer)
    out["difference"] = (count - low if out["verdict"] == LOWER and low is not None
                         else count - high if out["verdict"] == HIGHER and high is not None else 0)
    for kind in ("fatalities", "injuries"):
        if claim.get(kind) is not None:
            out[f"ledger_{kind}"] = figures(totals, kind)
    if out["verdict"] == LOWER:
        out["missing_event_ids"] = uncounted_candidates(conn, flt)
    elif out["verdict"] == HIGHER:
        out["extra_event_ids"] = possible_duplicates(conn, flt)
    return out


def uncounted_candidates(conn: sqlite3.Connection, flt: EventFilter) -> list[str]:
    """Events in the window that fail the filter only because a field it filters on is unknown."""
    found: list[str] = []
    relaxations = {
        "country": {"country": ()},
        "event_type": {"event_type": (), "sub_event_type": ()},
        "actor1": {"actor1": ()},
        "actor2": {"actor2": ()},
        "admin1": {"admin1": ()},
    }
    null_checks = {"country": "e.country IS NULL", "event_type": "e.event_type IS NULL AND e.sub_event_type IS NULL",
                   "actor1": "e.actor1 IS NULL", "actor2": "e.actor2 IS NULL", "admin1": "e.admin1 IS NULL"}
    counted_where, counted_params = flt.where("e")
    for name, cleared in relaxations.items():
        if not getattr(flt, name):
            continue
        where, params = replace(flt, **cleared).where("e")
        for row in conn.execute(
            f"SELECT e.id FROM events e WHERE {where} AND {null_checks[name]} AND NOT coalesce(({counted_where}), 0) "
            "ORDER BY e.event_date, e.id",
            [*params, *counted_params],
        ):
            if row[0] not in found:
                found.append(row[0])
    return found


def possible_duplicates(conn: sqlite3.Connection, flt: EventFilter) -> list[str]:
    """Counted events sharing day, country, sub-event type and target with an earlier counted event."""
    where, params = flt.where("e")
    seen: set[tuple[Any, ...]] = set()
    extra = []
    for row in conn.execute(
        f"SELECT e.id, e.event_date, e.country, e.sub_event_type, e.actor2 FROM events e WHERE {where} "
        "AND e.event_date IS NOT NULL ORDER BY e.event_date, e.created_at, e.id",
        params,
    ):
        key = (row["event_date"], row["country"], row["sub_event_type"], row["actor2"])
        if key in seen:
            extra.append(row["id"])
        seen.add(key)
    return extra


def stored_claims(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every claim in the ledger with its document's date and outlet and the text of its count."""
    rows = conn.execute(
        "SELECT c.id AS claim_id, c.doc_id, d.published, d.source AS outlet, c.text, c.count, c.counted, c.since, "
        "c.until, c.attributed_to, c.injuries, c.fatalities, "
        "(SELECT ev.text FROM evidence ev WHERE ev.claim_id = c.id AND ev.field = 'count' ORDER BY ev.start LIMIT 1) "
        "AS count_text "
        "FROM claims c JOIN documents d ON d.id = c.doc_id ORDER BY d.published, c.doc_id, c.ordinal"
    )
    return [dict(row) for row in rows]


def claims_vs_ledger(conn: sqlite3.Connection, trackers: list[Tracker]) -> list[dict[str, Any]]:
    return [compare_claim(conn, claim, trackers) for claim in stored_claims(conn)]
