"""What a report states outright about a happening's size, read from its text alone.

Two reports of two happenings of one kind (two earthquakes on one island) share the topic's
words and often its names; what they cannot share is the magnitude they report. It is read with
a plain pattern from the text, not from the conflict extractor, so it holds for any kind of news
and does not shift when extraction is tuned. `conflicts` names what two reports both state but
never agree on: evidence that they report two happenings.

Other stated facts were measured as conflicts and left out (bench/merge, README "Merging
reports"): tolls, weekdays, calendar days, years and ages disagree too often between reports of
one happening (tolls are revised and contested, a weekday is the publication's or the event's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DECIMAL = r"(\d(?:\s?\.\s?\d)?)"  # "5.6", and "6 . 1" as tokenised text writes it
MAGNITUDE = re.compile(
    rf"\b(?:magnitude|measuring|measured)(?:\s*-\s*|\s+)(?:of\s+|at\s+|at\s+least\s+|about\s+)?"
    rf"(?:magnitude\s*-?\s*)?{DECIMAL}\b|\b{DECIMAL}\s*-?\s*(?:magnitude|on\s+the\s+richter)\b", re.I)
MAGNITUDE_TOLERANCE = 0.3  # agencies' first readings of one quake differ by a few tenths


@dataclass
class Stated:
    """A report's stated facts, each kind a set of values (empty when the report does not state it)."""

    magnitudes: set[float] = field(default_factory=set)


def stated(text: str) -> Stated:
    """The earthquake magnitudes a text states ("a 5.6 magnitude quake", "measuring 6.1")."""
    out = Stated()
    for m in MAGNITUDE.finditer(text):
        value = float(re.sub(r"\s", "", m.group(1) or m.group(2)))
        if 1.0 <= value <= 10.0:
            out.magnitudes.add(value)
    return out


def conflicts(a: Stated, b: Stated) -> list[str]:
    """The kinds of fact both reports state without one value in common: signs of two happenings."""
    out = []
    if a.magnitudes and b.magnitudes and min(abs(x - y) for x in a.magnitudes for y in b.magnitudes) > \
            MAGNITUDE_TOLERANCE + 1e-9:
        out.append("magnitude")
    return out
