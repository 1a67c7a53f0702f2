"""Actor names -> one canonical name per actor, from the project's alias table.

Reports spell one group many ways ("Kata'ib Hizballah", "Kataib Hezbollah"); counting by
actor only works after they are folded into one name. `kind` tags let trackers ask for a
family of actors ("any Iran-aligned group").
"""

from __future__ import annotations

import re
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


def canonical_actor(text: str) -> Actor | None:
    """The actor a phrase names, by exact alias, else by its longest known alias inside it."""
    key = _key(text)
    index = _alias_index()
    if key in index:
        return index[key]
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
