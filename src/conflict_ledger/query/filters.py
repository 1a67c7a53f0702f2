"""Event filters shared by `events`, `tally`, trackers and the web API: one place builds the SQL."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from ..model import SUB_EVENT_PARENT


@dataclass
class EventFilter:
    """Which ledger events to look at. Every criterion is optional; all given must hold."""

    since: date | None = None
    until: date | None = None
    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    event_type: tuple[str, ...] = ()  # an event type or a sub-event type, exact ACLED names
    actor: tuple[str, ...] = ()  # actor1 or actor2, canonical name or alias
    actor1: tuple[str, ...] = ()
    actor2: tuple[str, ...] = ()
    min_confidence: float | None = None

    def is_empty(self) -> bool:
        return all(not getattr(self, f.name) for f in fields(self))

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        """A SQL WHERE clause (without the keyword; '1' when empty) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        p = f"{alias}." if alias else ""
        if self.since:
            clauses.append(f"{p}event_date >= ?")
            params.append(self.since.isoformat())
        if self.until:
            clauses.append(f"{p}event_date <= ?")
            params.append(self.until.isoformat())
        for column, values in (("country", self.country), ("admin1", self.admin1)):
            if values:
                clauses.append(f"lower({p}{column}) IN ({', '.join('?' * len(values))})")
                params += [v.lower() for v in values]
        if self.event_type:
            tops = [t for t in self.event_type if t not in SUB_EVENT_PARENT]
            subs = [t for t in self.event_type if t in SUB_EVENT_PARENT]
            parts = []
            if tops:
                parts.append(f"lower({p}event_type) IN ({', '.join('?' * len(tops))})")
                params += [t.lower() for t in tops]
            if subs:
                parts.append(f"{p}sub_event_type IN ({', '.join('?' * len(subs))})")
                params += subs
            clauses.append("(" + " OR ".join(parts) + ")")
        for columns, values in (((f"{p}actor1", f"{p}actor2"), self.actor), ((f"{p}actor1",), self.actor1),
                                ((f"{p}actor2",), self.actor2)):
            if values:
                names = [canonical_name(v) for v in values]
                ors = [f"{c} IN ({', '.join('?' * len(names))})" for c in columns]
                clauses.append("(" + " OR ".join(ors) + ")")
                for _ in columns:
                    params += names
        if self.min_confidence is not None:
            clauses.append(f"{p}confidence >= ?")
            params.append(self.min_confidence)
        return (" AND ".join(clauses) or "1"), params


def canonical_name(name: str) -> str:
    """An actor as the ledger stores it: the alias table's canonical name, else as given."""
    from ..resolve.actors import canonical_actor

    actor = canonical_actor(name)
    return actor.name if actor else name
