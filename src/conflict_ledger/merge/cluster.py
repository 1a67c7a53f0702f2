"""Incremental merging: each new mention joins the best-scoring existing event or founds one.

Candidates come from cheap blocking keys, never from all events: the event's days crossed with
its geo cell (1 degree), its country, or (for reports that give no date) its heaviest terms.
A lookup reads the most recent `POSTING_CAP` events of each key, so the cost of placing one
mention does not grow with the ledger. The index and the profiles live behind `MergeIndex`:
in memory for the stateless `merge --documents`, in SQLite for the ledger.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from .profile import Profile
from .score import DAY_WINDOW, WEEK_WINDOW, PairScore, score_pair

POSTING_CAP = 200  # most recent events read per blocking key
TERM_KEYS = 8  # heaviest terms used as blocking keys for reports without a date
DATED_TERM_KEYS = 3
MAX_CANDIDATES = 400


Key = str


def cell_of(point: tuple[float, float]) -> tuple[int, int]:
    return (math.floor(point[0]), math.floor(point[1]))


def _days_around(days: Iterable[str], window: int = DAY_WINDOW) -> list[str]:
    out = set()
    for d in days:
        day = date.fromisoformat(d)
        for k in range(-window, window + 1):
            out.add((day + timedelta(days=k)).isoformat())
    return sorted(out)


def _top_terms(profile: Profile) -> list[str]:
    return [t for t, _ in sorted(profile.terms.items(), key=lambda kv: -kv[1])[:TERM_KEYS]]


def index_keys(profile: Profile) -> list[Key]:
    """The keys an event is filed under."""
    keys: set[Key] = set()
    for day in list(profile.days | profile.weeks)[:8]:
        if profile.points:
            keys |= {f"g|{day}|{c[0]}|{c[1]}" for c in {cell_of(p) for p in profile.points}}
            keys |= {f"cp|{day}|{c}" for c in profile.countries}
        else:
            keys |= {f"c|{day}|{c}" for c in profile.countries}
        if not profile.points:  # placed no closer than a country: any nearby-day report may match
            keys.add(f"u|{day}")
        keys.add(f"d|{day}")
    for month in profile.months:
        keys.add(f"m|{month}")
    terms = _top_terms(profile)
    if profile.days or profile.weeks or profile.months:
        # dated events are found by date; their heaviest words serve reports that give no date
        keys |= {f"t|{t}" for t in terms[:DATED_TERM_KEYS]}
    else:
        keys |= {f"t|{t}" for t in terms} | {f"ut|{t}" for t in terms}
    return sorted(keys)


def query_keys(profile: Profile) -> list[Key]:
    """The keys to look up for a new mention: nearby days, same or neighbouring cells, same country."""
    keys: set[Key] = set()
    days = _days_around(list(profile.days)[:8])
    for day in days:
        if profile.points:
            for lat, lon in {cell_of(p) for p in profile.points}:
                keys |= {f"g|{day}|{lat + i}|{lon + j}" for i in (-1, 0, 1) for j in (-1, 0, 1)}
        if profile.countries:
            keys |= {f"c|{day}|{c}" for c in profile.countries}
            if not profile.points:
                keys |= {f"cp|{day}|{c}" for c in profile.countries}
        else:
            keys.add(f"d|{day}")
        keys.add(f"u|{day}")
    keys |= {f"d|{day}" for day in _days_around(list(profile.weeks)[:8], WEEK_WINDOW)}
    if profile.weeks or profile.months:
        keys |= {f"m|{month}" for month in profile.all_months()}
    terms = _top_terms(profile)
    if profile.days or profile.weeks or profile.months:
        keys |= {f"ut|{t}" for t in terms[:DATED_TERM_KEYS]}  # reports of it that gave no date
    else:
        keys |= {f"t|{t}" for t in terms}
    return sorted(keys)


class MergeIndex(Protocol):
    """Where the merger keeps event profiles and blocking keys."""

    def candidates(self, keys: list[Key], cap: int) -> list[str]: ...
    def add_keys(self, event_id: str, keys: list[Key]) -> None: ...
    def profile(self, event_id: str) -> Profile | None: ...
    def save_profile(self, event_id: str, profile: Profile) -> None: ...


@dataclass
class MemoryIndex:
    """An in-memory MergeIndex (stateless merging of a batch of documents, benchmarks)."""

    postings: dict[Key, list[str]] = field(default_factory=lambda: defaultdict(list))
    profiles: dict[str, Profile] = field(default_factory=dict)

    def candidates(self, keys: list[Key], cap: int) -> list[str]:
        seen: dict[str, None] = {}
        for key in keys:
            for event_id in self.postings.get(key, ())[-cap:]:
                seen[event_id] = None
        return list(seen)

    def add_keys(self, event_id: str, keys: list[Key]) -> None:
        for key in keys:
            bucket = self.postings[key]
            if not bucket or bucket[-1] != event_id:
                if event_id in bucket[-8:]:
                    bucket.remove(event_id)
                bucket.append(event_id)

    def profile(self, event_id: str) -> Profile | None:
        return self.profiles.get(event_id)

    def save_profile(self, event_id: str, profile: Profile) -> None:
        self.profiles[event_id] = profile


@dataclass
class Placement:
    """Where a mention went: the event, whether it founded it, and the score that decided."""

    event_id: str
    created: bool
    best: PairScore | None  # the winning (or best losing) pair score; None when there was no candidate
    candidates: int = 0

    def reasons(self) -> dict[str, Any]:
        out: dict[str, Any] = {"joined": not self.created, "candidates": self.candidates}
        if self.best is not None:
            out.update(self.best.as_reasons())
        return out


class Merger:
    """Places mentions one at a time; `allowed(event_id)` can rule events out (review decisions)."""

    def __init__(self, index: MergeIndex, new_id: Callable[[], str],
                 allowed: Callable[[str], bool] | None = None) -> None:
        self.index = index
        self.new_id = new_id
        self.allowed = allowed or (lambda event_id: True)

    def best_match(self, profile: Profile) -> tuple[str | None, PairScore | None, int]:
        ids = self.index.candidates(query_keys(profile), POSTING_CAP)[-MAX_CANDIDATES:]
        best_id, best = None, None
        for event_id in ids:
            if not self.allowed(event_id):
                continue
            other = self.index.profile(event_id)
            if other is None:
                continue
            pair = score_pair(profile, other)
            if best is None or (pair.veto is None, pair.score) > (best.veto is None, best.score):
                best_id, best = event_id, pair
        return best_id, best, len(ids)

    def place(self, profile: Profile) -> Placement:
        best_id, best, n = self.best_match(profile)
        if best_id is not None and best is not None and best.same:
            event = self.index.profile(best_id)
            assert event is not None
            filed = set(index_keys(event))
            event.absorb(profile)
            self.index.save_profile(best_id, event)
            # a report that adds no day, place or heavy word to its event files no key again: most
            # reports of a happening repeat what the first one filed
            self.index.add_keys(best_id, [key for key in index_keys(profile) if key not in filed])
            return Placement(best_id, False, best, n)
        event_id = self.new_id()
        self.index.save_profile(event_id, profile)
        self.index.add_keys(event_id, index_keys(profile))
        return Placement(event_id, True, best, n)
