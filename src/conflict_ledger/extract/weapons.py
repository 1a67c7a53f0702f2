"""Weapon systems news names, as entity patterns and as cues for the event type."""

from __future__ import annotations

from typing import Any

# name -> the kind of attack it makes; the kind feeds the sub-event type of an attack.
WEAPONS: dict[str, str] = {
    "AC-130": "aircraft",
    "AC-130 gunship": "aircraft",
    "AC-130J": "aircraft",
    "F-15": "aircraft",
    "F-15E": "aircraft",
    "F-16": "aircraft",
    "F-35": "aircraft",
    "A-10": "aircraft",
    "B-1": "aircraft",
    "B-1B": "aircraft",
    "B-52": "aircraft",
    "MQ-9": "drone",
    "MQ-9 Reaper": "drone",
    "Reaper drone": "drone",
    "Shahed": "drone",
    "Shahed-136": "drone",
    "Katyusha": "rocket",
    "Grad": "rocket",
    "Tomahawk": "missile",
}


def weapon_patterns() -> list[dict[str, Any]]:
    return [{"label": "PRODUCT", "pattern": name, "id": kind} for name, kind in WEAPONS.items()]
