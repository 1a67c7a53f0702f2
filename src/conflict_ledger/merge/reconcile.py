"""One ledger event's fields from its reports, and casualty reconciliation (UCDP and ACLED style).

Fields: each takes the value most reports agree on, the more confident report winning ties;
places prefer the most precise. Casualties keep every source's claim; the event carries
`low`/`best`/`high` (UCDP: lowest and highest stated figure; best = the latest report's
exact figure, since tolls are revised as counts come in, and a vague amount is no count) and ACLED's conservative figure (the
lowest stated), each with the reports and sources that gave it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..model import EVENT_FIELDS

PLACE_FIELDS = ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision")
FIGURE_FIELDS = ("fatalities", "fatalities_low", "fatalities_high", "injuries", "injuries_low", "injuries_high")
GENERIC = {"Unidentified armed group"}


def _vote(mentions: list[dict[str, Any]], name: str) -> Any:
    """The value most mentions give (weighted by confidence), None when none gives one."""
    weights: Counter[Any] = Counter()
    for m in mentions:
        value = m.get(name)
        if value is None or value == "":
            continue
        weights[value] += float(m.get("confidence") or 0.5) * (0.3 if value in GENERIC else 1.0)
    if not weights:
        return None
    return max(weights.items(), key=lambda kv: (kv[1], str(kv[0])))[0]


def _place(mentions: list[dict[str, Any]]) -> dict[str, Any]:
    placed = [m for m in mentions if m.get("country") or m.get("location")]
    if not placed:
        return dict.fromkeys(PLACE_FIELDS)
    counts = Counter(m.get("location") for m in placed)

    def rank(m: dict[str, Any]) -> tuple:
        precision = m.get("geo_precision") or 4
        return (precision, -counts[m.get("location")], -float(m.get("confidence") or 0))

    best = min(placed, key=rank)
    return {name: best.get(name) for name in PLACE_FIELDS}


def reconcile_figures(claims: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    """low/best/high and ACLED's conservative figure for `kind` (fatalities|injuries) over claims.

    `claims` are mentions with `doc_id`, `published`, `sources` and the figure fields. Returns
    {"best", "low", "high", "conservative", "sources": {"best": [...], "low": [...], ...}}.
    """
    stated = [c for c in claims if c.get(kind) is not None or c.get(f"{kind}_low") is not None]
    out: dict[str, Any] = {"best": None, "low": None, "high": None, "conservative": None, "sources": {}}
    if not stated:
        return out

    def point(c: dict[str, Any]) -> int:
        return c[kind] if c.get(kind) is not None else c[f"{kind}_low"]

    # a report that gives no toll is coded 0 with an open range (ACLED's convention); it claims nothing,
    # so beside a report that does give a figure it neither lowers the low figure nor the conservative one
    given = [c for c in stated if not (point(c) == 0 and c.get(f"{kind}_high") is None)]
    stated = given or stated

    lows = [c.get(f"{kind}_low") if c.get(f"{kind}_low") is not None else point(c) for c in stated]
    open_ended = any(c.get(f"{kind}_low") is not None and c.get(f"{kind}_high") is None for c in stated)
    highs = [c.get(f"{kind}_high") if c.get(f"{kind}_high") is not None else point(c) for c in stated]
    # best: the latest figure stated as a number; a later vague amount ("several were hurt", 3-9) does not
    # replace an exact count with the low end of its range
    exact = [c for c in stated if c.get(kind) is not None] or stated
    latest = max(str(c.get("published") or "") for c in exact)
    out["best"] = max(point(c) for c in exact if str(c.get("published") or "") == latest)
    out["low"] = min(lows)
    out["high"] = None if open_ended else max(highs)
    out["conservative"] = min(point(c) for c in stated)

    def who(value: int | None, pick: Any) -> list[dict[str, Any]]:
        if value is None:
            return []
        return [{"doc_id": c["doc_id"], "sources": c.get("sources") or [], "figure": pick(c)}
                for c in stated if pick(c) == value]

    out["sources"] = {
        "best": who(out["best"], point),
        "low": who(out["low"], lambda c: c.get(f"{kind}_low") if c.get(f"{kind}_low") is not None else point(c)),
        "high": who(out["high"], lambda c: c.get(f"{kind}_high") if c.get(f"{kind}_high") is not None else point(c)),
        "conservative": who(out["conservative"], point),
    }
    return out


def reconcile(mentions: list[dict[str, Any]], edits: dict[str, Any] | None = None) -> dict[str, Any]:
    """The event's fields from its mentions (dicts with mention columns plus `published`).

    Returns EVENT_FIELDS plus sources, confidence, fatalities_conservative,
    injuries_conservative and figure_sources. Reviewed edits override the derived values.
    """
    out: dict[str, Any] = {}
    for name in ("event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
        out[name] = _vote(mentions, name)
    day_precise = [m for m in mentions if m.get("event_date") == out["event_date"]]
    out["date_precision"] = _vote(day_precise, "date_precision") if out["event_date"] else None
    if out["sub_event_type"]:
        from ..model import SUB_EVENT_PARENT

        out["event_type"] = SUB_EVENT_PARENT.get(out["sub_event_type"], out["event_type"])
    out.update(_place(mentions))
    figure_sources = {}
    for kind in ("fatalities", "injuries"):
        fig = reconcile_figures(mentions, kind)
        out[kind] = fig["best"]
        differs = fig["low"] != fig["best"] or fig["high"] != fig["best"]
        out[f"{kind}_low"] = fig["low"] if differs else None
        out[f"{kind}_high"] = fig["high"] if differs else None
        out[f"{kind}_conservative"] = fig["conservative"]
        if fig["sources"]:
            figure_sources[kind] = fig["sources"]
    sources: list[str] = []
    for m in mentions:
        for s in m.get("sources") or []:
            if s not in sources:
                sources.append(s)
    out["sources"] = sources
    doubt = 1.0
    for m in mentions:
        doubt *= 1.0 - min(0.95, float(m.get("confidence") or 0.5))
    out["confidence"] = round(min(0.99, 1.0 - doubt), 3) if mentions else None
    out["figure_sources"] = figure_sources
    for name, value in (edits or {}).items():
        if name in EVENT_FIELDS:
            out[name] = value
    return out
