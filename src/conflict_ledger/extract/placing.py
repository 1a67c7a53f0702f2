"""Where: every place name of the document (for geoparse and context), then each event's place."""

from __future__ import annotations

from collections import Counter

from ..resolve.places import Place, default_resolver
from .pipeline import DocState, Frame, component


@component("places")
def find_places() -> object:
    resolver = default_resolver()

    def run(state: DocState) -> None:
        state.places = resolver.find_places(state)

    return run


def _fallback_country(state: DocState) -> Place | None:
    """The country the document is about (most named), as a region-level place."""
    countries = Counter(p.country for p in state.places if p.country)
    if not countries:
        return None
    country = countries.most_common(1)[0][0]
    for place in state.places:
        if place.feature == "country" and place.country == country:
            return place
    for place in state.places:
        if place.country == country:
            return Place(place.name, place.start, place.end, country=country, location=country,
                         feature="country", geo_precision=3)
    return None


def place_event(state: DocState, frame: Frame) -> None:
    resolver = default_resolver()
    mention = frame.mention
    place = resolver.event_place(state.places, frame.spans)
    if place is None:
        place = _fallback_country(state)
    if place is None:
        return
    for name in ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision"):
        setattr(mention, name, getattr(place, name))
    evidence = state.evidence(place.start, place.end)
    for name in ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision"):
        if getattr(mention, name) is not None:
            mention.cite(name, evidence)


@component("event_places")
def event_places() -> object:
    def run(state: DocState) -> None:
        for frame in state.frames:
            place_event(state, frame)

    return run
