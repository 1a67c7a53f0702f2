"""Shapes of the API's requests and answers; they make the OpenAPI document the tests check against.

Event shapes allow extra keys: the ledger grows fields (review status, versions) and the API
passes them on rather than hiding them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Span(BaseModel):
    """A character span of a stored document that a value was read from."""

    doc_id: str
    start: int
    end: int
    text: str


class EventRow(BaseModel):
    """One ledger event (SCHEMA.md shape) as the table lists it."""

    model_config = ConfigDict(extra="allow")

    event_id: str
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
    sources: list[str] = []
    confidence: float | None = None
    doc_ids: list[str] = []
    status: Literal["active", "rejected", "merged"] | None = Field(None, description="Rejected events are listed only when asked for")
    review_status: Literal["unreviewed", "accepted", "edited"] | None = None
    version: int | None = None


class NumberedEvent(EventRow):
    n: int = Field(description="Position of the event in date order among all events the filter selects (1 = first)")


class EventPage(BaseModel):
    total: int = Field(description="Events the filter selects")
    limit: int
    offset: int
    events: list[NumberedEvent]


class Version(BaseModel):
    """One version of an event: what changed it, who and when, and the event's fields as they then stood."""

    model_config = ConfigDict(extra="allow")

    version: int
    changed_at: str
    change: Literal["new_report", "new_figure", "manual_edit", "split", "merge", "accept", "reject"]
    who: str | None = None
    note: str | None = None
    detail: Any = None
    event: dict[str, Any]


class EventDetail(EventRow):
    """An event in full: evidence per field, every report (mention), and what review and merge recorded."""

    status: Literal["active", "rejected", "merged"]
    review_status: Literal["unreviewed", "accepted", "edited"]
    version: int
    evidence: dict[str, list[Span]] = {}
    mentions: list[dict[str, Any]] = []
    merge_reasons: Any = None
    figures: list[dict[str, Any]] = []
    history: list[Version] = []


class Tally(BaseModel):
    """Events a filter selects with their casualties summed (best figures, and the lows and highs)."""

    model_config = ConfigDict(extra="allow")

    events: int
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injuries: int | None = None
    injuries_low: int | None = None
    injuries_high: int | None = None
    first_date: str | None = None
    last_date: str | None = None


class Document(BaseModel):
    doc_id: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    text: str


class MapCell(BaseModel):
    lat: float
    lon: float
    events: int
    fatalities: int
    injuries: int
    types: dict[str, int]
    event_type: str = Field(description="The commonest event type in the cell (sets the point's colour)")
    event_id: str | None = Field(None, description="Set when the cell holds exactly one event")
    location: str | None = Field(None, description="Set when all the cell's events name one place")


class MapCells(BaseModel):
    cell: float = Field(description="Grid step in degrees")
    cells: list[MapCell]
    truncated: bool
    located: int
    unlocated: int = Field(description="Events the filter selects that have no coordinates")


class TimelineBucket(BaseModel):
    start: str
    end: str
    events: int
    counts: dict[str, int] = Field(description="Events per ACLED event type")


class Timeline(BaseModel):
    period: str
    buckets: list[TimelineBucket]
    undated: int


class Facets(BaseModel):
    events: int
    bounds: list[float] | None = Field(None, description="west, south, east, north of the located events")
    initial_cell: float = Field(description="Grid step (degrees) of the first map the page asks for")
    first_date: str | None = None
    last_date: str | None = None
    countries: list[str]
    admin1: list[str]
    actors: list[str]
    event_types: dict[str, list[str]]


class Meta(BaseModel):
    ledger: str
    facets: Facets


class Decision(BaseModel):
    """Who decides, and why; every review write carries it."""

    who: str = Field(min_length=1, max_length=100, description="Name of the person making the decision")
    note: str | None = Field(None, max_length=2000)


class EditRequest(Decision):
    field: str = Field(description="One of the event fields (SCHEMA.md)")
    value: str | int | float | None = Field(description="New value; null clears the field")


class SplitRequest(Decision):
    mention_ids: list[int] = Field(min_length=1, description="Mentions that leave the event and found a new one")


class MergeRequest(Decision):
    event_ids: list[str] = Field(min_length=2, description="Events that are one real-world event")


class DecisionResult(BaseModel):
    model_config = ConfigDict(extra="allow")

    event_id: str = Field(description="The event the decision leaves standing (new id after a split)")
    event: dict[str, Any] | None = None


class Tracker(BaseModel):
    """A saved count: its name, title and the filter (YAML keys) that picks its events."""

    model_config = ConfigDict(extra="allow")

    name: str
    title: str | None = None
    definition: dict[str, Any] = {}


class FigureRange(BaseModel):
    low: int | None = None
    best: int | None = None
    high: int | None = None


class TrackerEvent(BaseModel):
    model_config = ConfigDict(extra="allow")

    n: int = Field(description="1 for the tracker's first event, N for its Nth")
    event_id: str
    event_date: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    sources: list[str] = []


class SeriesPoint(BaseModel):
    model_config = ConfigDict(extra="allow")

    period: str = Field(description="First day of the period")
    events: int


class TrackerReport(Tracker):
    count: int
    fatalities: FigureRange
    injuries: FigureRange
    events: list[TrackerEvent]
    series: list[SeriesPoint]


class ClaimBesideLedger(BaseModel):
    """A running count a report states, the tracker it was matched to and the ledger's own count."""

    model_config = ConfigDict(extra="allow")

    doc_id: str
    text: str | None = None
    count: int | None = None
    tracker: str | None = None
    ledger_count: int | None = None
    verdict: Literal["agree", "ledger higher", "ledger lower", "no matching tracker"]
    missing_event_ids: list[str] = Field([], description="Events that may explain a lower ledger count")
    extra_event_ids: list[str] = Field([], description="Events that may explain a higher ledger count")


class Problem(BaseModel):
    detail: str
