"""Data classes that flow between the pipeline stages.

ingest -> Document; extract -> EventMention + TallyClaim (each field with Evidence);
store keeps them; merge groups mentions into ledger events. Field names follow ACLED's
codebook (see SCHEMA.md) so output loads next to ACLED data.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

EVENT_FIELDS: tuple[str, ...] = (
    "event_date",
    "date_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "injuries",
    "injuries_low",
    "injuries_high",
)

# ACLED's six event types and 25 sub-event types, exact spelling.
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_EVENT_PARENT: dict[str, str] = {sub: top for top, subs in ACLED_TYPES.items() for sub in subs}


@dataclass(frozen=True)
class Document:
    """One dated report. `published` may be unknown (None); offsets elsewhere index `text`."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Evidence:
    """A character span of a document that a value was read from."""

    doc_id: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class EventMention:
    """One event as one document reports it. Unknown is None, never a guess."""

    doc_id: str
    event_date: str | None = None
    date_precision: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injuries: int | None = None
    injuries_low: int | None = None
    injuries_high: int | None = None
    sources: list[str] = field(default_factory=list)
    confidence: float = 0.5
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    # the span of the sentence(s) that triggered the event, used by merge and the web page
    trigger: Evidence | None = None

    def cite(self, name: str, *spans: Evidence) -> None:
        """Record where field `name` came from (appends, keeps order, no duplicates)."""
        bucket = self.evidence.setdefault(name, [])
        for span in spans:
            if span not in bucket:
                bucket.append(span)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"doc_id": self.doc_id}
        for name in EVENT_FIELDS:
            out[name] = getattr(self, name)
        out["sources"] = list(self.sources)
        out["confidence"] = round(self.confidence, 3)
        out["evidence"] = {k: [e.as_dict() for e in v] for k, v in self.evidence.items() if v}
        return out


@dataclass
class TallyClaim:
    """A running count a report states ("the 66th attack since Oct. 17"), kept to compare with the ledger."""

    doc_id: str
    text: str
    start: int
    end: int
    count: int | None = None
    counted: str | None = None
    since: str | None = None
    until: str | None = None
    attributed_to: str | None = None
    injuries: int | None = None
    fatalities: int | None = None
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["evidence"] = {k: [e.as_dict() for e in v] for k, v in self.evidence.items() if v}
        return out


@dataclass
class Extraction:
    """What `extract` makes of one document."""

    document: Document
    mentions: list[EventMention] = field(default_factory=list)
    claims: list[TallyClaim] = field(default_factory=list)
    error: str | None = None  # set when extraction failed for this document (nothing else is kept)
