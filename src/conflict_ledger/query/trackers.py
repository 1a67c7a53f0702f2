"""Trackers: named, saved queries ("attacks on U.S. forces in Iraq, Syria and Jordan since 2023-10-17").

A tracker is an EventFilter plus a title, the step of its series (day, week or month) and the
wordings of the running counts it answers ("attacks on U.S. forces"), which is how reports'
claims are matched to it. Trackers are written in a small YAML file, one mapping per tracker:

    us-forces-attacks:
      title: Attacks on U.S. forces in Iraq, Syria and Jordan since 2023-10-17
      since: 2023-10-17
      country: [Iraq, Syria, Jordan]
      event_type: [Explosions/Remote violence, Battles]
      actor2: [kind:us_forces]
      series: week
      claims: [attacks on U.S. forces]

and saved in the ledger (`tracker load FILE`, `tracker add NAME --since ...`). The project ships
example trackers (data/trackers.yaml); a tracker saved in the ledger under the same name wins.
A file with an unknown field, a bad date or a filter that can never match is refused whole,
with the line and field named.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .filters import LIST_FIELDS, EventFilter, FilterError, closest
from .tally import FIGURES, PERIODS, period_series, tally

FILTER_FIELDS = ("since", "until", *LIST_FIELDS, "min_confidence", "scope")
TRACKER_FIELDS = ("title", "description", "series", "claims", *FILTER_FIELDS)
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
BUNDLED = "bundled"


class TrackerError(ValueError):
    """A tracker definition that cannot be used; the message names the place, line and field."""


class UnknownTracker(TrackerError, LookupError):
    """No tracker of that name (a LookupError, so callers that look things up can catch it as one)."""


@dataclass
class Tracker:
    name: str
    title: str
    filter: EventFilter
    series: str = "week"
    claims: tuple[str, ...] = ()
    description: str | None = None
    origin: str | None = None
    lines: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def definition(self) -> dict[str, Any]:
        """The tracker as its YAML file writes it (JSON-ready), without name and title."""
        out: dict[str, Any] = {}
        if self.description:
            out["description"] = self.description
        out.update(self.filter.to_dict())
        out["series"] = self.series
        if self.claims:
            out["claims"] = list(self.claims)
        return out

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "definition": self.definition(), "origin": self.origin}

    def to_yaml(self) -> str:
        return yaml.safe_dump({self.name: {"title": self.title, **self.definition()}}, sort_keys=False,
                              allow_unicode=True)


# ---------------------------------------------------------------------- building and checking
def make_tracker(name: str, data: dict[str, Any], origin: str | None = None,
                 lines: dict[str, int] | None = None, check: bool = True) -> Tracker:
    """A Tracker from a definition mapping; raises TrackerError naming the field (and line).

    `check` also refuses filters that name nothing known or can never match; saved trackers are
    read back without it, so a later change to the alias table cannot lock a ledger's trackers.
    """
    lines = lines or {}
    where = _where(origin, lines.get("", None), name)

    def fail(field_name: str, message: str) -> TrackerError:
        return TrackerError(f"{_where(origin, lines.get(field_name, lines.get('')), name)}, "
                            f"field {field_name!r}: {message}")

    if not isinstance(name, str) or not NAME_RE.match(name):
        raise TrackerError(f"{where}: {name!r} is not a usable tracker name (letters, digits, '-', '_', '.')")
    filter_data: dict[str, Any] = {}
    for key, value in data.items():
        if key not in TRACKER_FIELDS:
            hint = closest(key, TRACKER_FIELDS)
            raise fail(key, "unknown field" + (f" (did you mean {hint!r}?)" if hint else "")
                       + f"; known fields: {', '.join(TRACKER_FIELDS)}")
        if key in ("since", "until"):
            filter_data[key] = _date(value, lambda msg, k=key: fail(k, msg))
        elif key in LIST_FIELDS:
            items = value if isinstance(value, list) else [value]
            for item in items:
                if item is not None and not isinstance(item, str):
                    raise fail(key, f"{item!r} is not a name (write a name, or a list of names)")
            if key not in ("actor", "actor1", "actor2") and None in items:
                raise fail(key, "an empty value matches nothing")
            filter_data[key] = ["unknown" if item is None else item for item in items]
        elif key == "min_confidence":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise fail(key, f"{value!r} is not a number between 0 and 1")
            filter_data[key] = float(value)
        elif key == "scope":
            if not isinstance(value, str):
                raise fail(key, f"{value!r} is not a scope (all or violence)")
            filter_data[key] = value
    series = data.get("series", "week")
    if series not in PERIODS:
        raise fail("series", f"{series!r} is not one of {', '.join(PERIODS)}")
    claims = data.get("claims") or []
    claims = [claims] if isinstance(claims, str) else claims
    if not isinstance(claims, list) or not all(isinstance(c, str) and c.strip() for c in claims):
        raise fail("claims", "write the wordings this tracker counts, e.g. [attacks on U.S. forces]")
    title = data.get("title", name)
    if not isinstance(title, str) or not title.strip():
        raise fail("title", "the title must be text")
    description = data.get("description")
    if description is not None and not isinstance(description, str):
        raise fail("description", "the description must be text")
    flt = EventFilter.from_dict(filter_data)
    try:
        if check:
            flt.validate()
    except FilterError as err:
        raise fail(err.field, err.message) from err
    return Tracker(name=name, title=title.strip(), filter=flt, series=series, claims=tuple(claims),
                   description=description, origin=origin, lines=dict(lines))


def _where(origin: str | None, line: int | None, name: str) -> str:
    place = origin or "tracker"
    if line is not None:
        place += f", line {line}"
    return f"{place}: tracker {name!r}"


def _date(value: Any, fail: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise fail(f"{value!r} is not a date (YYYY-MM-DD)") from None


# ---------------------------------------------------------------------- YAML files
def parse_trackers(text: str, origin: str = "trackers file") -> list[Tracker]:
    """All trackers in a YAML text, each checked; the first problem raises TrackerError with its line."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = f", line {mark.line + 1}" if mark else ""
        raise TrackerError(f"{origin}{line}: not valid YAML ({err.problem or err.context})") from err
    finally:
        loader.dispose()
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        raise TrackerError(f"{origin}, line {root.start_mark.line + 1}: expected a mapping of tracker names to definitions")
    trackers: list[Tracker] = []
    seen: set[str] = set()
    for key_node, value_node in root.value:
        name = key_node.value
        line = key_node.start_mark.line + 1
        if name in seen:
            raise TrackerError(f"{origin}, line {line}: tracker {name!r} is defined twice")
        seen.add(name)
        if not isinstance(value_node, yaml.MappingNode):
            raise TrackerError(f"{origin}, line {line}: tracker {name!r}: expected a mapping of fields")
        data: dict[str, Any] = {}
        lines: dict[str, int] = {"": line}
        for field_key, field_value in value_node.value:
            key = field_key.value
            if key in data:
                raise TrackerError(f"{origin}, line {field_key.start_mark.line + 1}: tracker {name!r}, "
                                   f"field {key!r} is given twice")
            lines[key] = field_key.start_mark.line + 1
            data[key] = _construct(field_value)
        trackers.append(make_tracker(name, data, origin=origin, lines=lines))
    return trackers


class _Loader(yaml.SafeLoader):
    """Safe YAML, but dates stay text: the tracker checks them itself and names the line of a bad one."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _construct(node: yaml.Node) -> Any:
    loader = _Loader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def load_tracker_file(path: str | Path) -> list[Tracker]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise TrackerError(f"{path}: cannot read it ({err})") from err
    return parse_trackers(text, origin=str(path))


def bundled_trackers() -> list[Tracker]:
    """The example trackers shipped with the project (data/trackers.yaml)."""
    text = resources.files("conflict_ledger").joinpath("data/trackers.yaml").read_text("utf-8")
    trackers = parse_trackers(text, origin="data/trackers.yaml")
    for tracker in trackers:
        tracker.origin = BUNDLED
    return trackers


# ---------------------------------------------------------------------- the ledger's trackers
def save_tracker(conn: sqlite3.Connection, tracker: Tracker, now: str) -> None:
    conn.execute(
        "INSERT INTO trackers (name, title, definition, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET title = excluded.title, definition = excluded.definition, "
        "origin = excluded.origin, updated_at = excluded.updated_at",
        (tracker.name, tracker.title, json.dumps(tracker.definition(), ensure_ascii=False), tracker.origin, now, now),
    )


def delete_tracker(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("DELETE FROM trackers WHERE name = ?", (name,)).rowcount > 0


def stored_trackers(conn: sqlite3.Connection) -> list[Tracker]:
    out = []
    for row in conn.execute("SELECT name, title, definition, origin FROM trackers ORDER BY name"):
        data = {"title": row["title"], **json.loads(row["definition"])}
        out.append(make_tracker(row["name"], data, origin=row["origin"], check=False))
    return out


def all_trackers(conn: sqlite3.Connection) -> list[Tracker]:
    """Trackers saved in the ledger, then the bundled examples not shadowed by a saved one."""
    stored = stored_trackers(conn)
    names = {t.name for t in stored}
    return stored + [t for t in bundled_trackers() if t.name not in names]


def find_tracker(conn: sqlite3.Connection, name: str) -> Tracker:
    trackers = all_trackers(conn)
    for tracker in trackers:
        if tracker.name == name:
            return tracker
    known = ", ".join(t.name for t in trackers) or "none"
    raise UnknownTracker(f"no tracker named {name!r} (known: {known})")


# ---------------------------------------------------------------------- reports
def figures(totals: dict[str, Any], kind: str) -> dict[str, Any]:
    """{"low", "best", "high"} for fatalities or injuries from a tally; high None = no upper bound."""
    return {"low": totals[f"{kind}_low"], "best": totals[kind], "high": totals[f"{kind}_high"]}


def tracker_count(conn: sqlite3.Connection, tracker: Tracker) -> dict[str, Any]:
    """The running count and casualty ranges only (the fast path: no event list, no series)."""
    totals = tally(conn, tracker.filter)
    return {"name": tracker.name, "count": totals["events"],
            **{k: figures(totals, k) for k in FIGURES},
            "first_date": totals["first_date"], "last_date": totals["last_date"]}


def tracker_events(conn: sqlite3.Connection, flt: EventFilter) -> list[dict[str, Any]]:
    """The events a filter counts, numbered 1..N in date order, each with its sources and reports."""
    where, params = flt.where("e")
    sql = (
        "SELECT e.id AS event_id, e.event_date, e.date_precision, e.event_type, e.sub_event_type, e.actor1, e.actor2, "
        "e.location, e.admin1, e.country, e.fatalities, e.fatalities_low, e.fatalities_high, "
        "e.injuries, e.injuries_low, e.injuries_high, e.sources, "
        "(SELECT json_group_array(DISTINCT m.doc_id) FROM mentions m WHERE m.event_id = e.id) AS doc_ids, "
        "(SELECT json_group_array(DISTINCT d.source) FROM mentions m JOIN documents d ON d.id = m.doc_id "
        " WHERE m.event_id = e.id AND d.source IS NOT NULL) AS outlets "
        f"FROM events e WHERE {where} ORDER BY e.event_date IS NULL, e.event_date, e.id"
    )
    out = []
    for n, row in enumerate(conn.execute(sql, params), start=1):
        event = dict(row)
        attributed = json.loads(event.pop("sources") or "[]")
        outlets = json.loads(event.pop("outlets") or "[]")
        event["sources"] = list(dict.fromkeys([*attributed, *outlets]))
        event["doc_ids"] = sorted(json.loads(event["doc_ids"] or "[]"))
        out.append({"n": n, **event})
    return out


def tracker_report(conn: sqlite3.Connection, tracker: Tracker, series: str | None = None) -> dict[str, Any]:
    """Count, casualty ranges, the numbered events and the series, for `tracker show` and the web page."""
    from .tally import period_rows

    step = series or tracker.series
    if step not in PERIODS:
        raise TrackerError(f"series step {step!r} is not one of {', '.join(PERIODS)}")
    events = tracker_events(conn, tracker.filter)
    counts = tracker_count(conn, tracker)
    return {
        "name": tracker.name,
        "title": tracker.title,
        "definition": tracker.definition(),
        "describe": tracker.filter.describe(),
        "count": counts["count"],
        "fatalities": counts["fatalities"],
        "injuries": counts["injuries"],
        "first_date": counts["first_date"],
        "last_date": counts["last_date"],
        "events": events,
        "series_step": step,
        "series": period_series(period_rows(conn, tracker.filter, step), step, tracker.filter),
    }
