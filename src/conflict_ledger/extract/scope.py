"""Which kinds of event the ledger records: every ACLED kind, or political violence only.

ACLED codes protests, arrests, peace agreements and troop movements beside attacks. Terrorism
and violence datasets (GTD, MUC-4) and many users count only violent acts, so a report of a
march, a curfew or peace talks is, to them, a report with no event. That is a codebook
choice made once per run (`--scope`), not a guess about a particular text.
"""

from __future__ import annotations

import os
import re

from ..model import SUB_EVENT_PARENT
from .pipeline import DocState, Frame, component

SCOPES: tuple[str, ...] = ("all", "violence")
DEFAULT_SCOPE = "all"
# ACLED's political-violence event types, its mob violence, and the two strategic developments that are
# violent acts all the same: a foiled or failed attack (a bomb defused) and arson or sabotage of property
VIOLENT_EVENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
VIOLENT_SUB_EVENT_TYPES = frozenset({"Mob violence", "Disrupted weapons use", "Looting/property destruction"})


class ScopeError(ValueError):
    """A scope that is not one of `SCOPES` (the command line says so in one line)."""


def scope_from_environment() -> str:
    """$CONFLICT_LEDGER_SCOPE, else `all`; an unknown value is an error, not a silent `all`."""
    scope = os.environ.get("CONFLICT_LEDGER_SCOPE", DEFAULT_SCOPE).strip().lower() or DEFAULT_SCOPE
    if scope not in SCOPES:
        raise ScopeError(f"CONFLICT_LEDGER_SCOPE={scope!r} is not one of: {', '.join(SCOPES)}")
    return scope


def is_violence(event_type: str | None, sub_event_type: str | None) -> bool:
    """True for a violent event; an event typed only by its sub-event type is judged by that type's parent."""
    event_type = event_type or SUB_EVENT_PARENT.get(sub_event_type or "")
    return event_type in VIOLENT_EVENT_TYPES or sub_event_type in VIOLENT_SUB_EVENT_TYPES


# what a foiled attack stops: a bomb, a mine, a device, a missile or a drone, not a cache of rifles or a shipment
# of ammunition seized (a police matter, however many guns)
_ATTACK_STOPPED = re.compile(r"\b(?:bombs?|explosives?|devices?|ieds?|mines?|landmines?|grenades?|explosives-laden|"
                             r"vests?|missiles?|rockets?|drones?|defus\w*|foiled|thwarted|shot down|downed)\b",
                             re.IGNORECASE)


def _a_seizure(state: DocState, frame: Frame) -> bool:
    """A disrupted weapons use that only tells arms seized or found (no device of an attack stopped)."""
    if frame.mention.sub_event_type != "Disrupted weapons use":
        return False
    return not any(_ATTACK_STOPPED.search(state.text, start, end) for start, end in frame.spans)


@component("violence_scope")
def violence_scope() -> object:
    """Drop the events that are not violence (the `violence` scope's last component): protests, arrests,
    agreements, and weapons seized with no attack stopped."""

    def run(state: DocState) -> None:
        state.frames = [f for f in state.frames if is_violence(f.mention.event_type, f.mention.sub_event_type)
                        and not _a_seizure(state, f)]

    return run
