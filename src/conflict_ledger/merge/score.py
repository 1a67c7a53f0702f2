"""Score a pair of profiles: do they report the same happening, and why (or why not).

ACLED's rule is the backbone: the same day, place, actors and type make one event. Fields a
report leaves unknown neither help nor hurt; fields both know and that disagree count against
(a different day beyond the window or places far apart rule a merge out). The words of the
evidence sentences carry the rest: names and figures tell two strikes on one base apart.
Every part of the score is kept as a merge reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from .profile import Profile, cosine

# weights of the features; the threshold below is tuned on the dev halves (bench/merge)
W_TEXT = 5.0
W_SAME_DAY = 1.0
W_NEXT_DAY = 0.4
W_SAME_WEEK = 0.5  # a date known to the week that holds the other's: consistent, and no more than the bar it raises
W_SAME_PLACE = 1.0
W_SAME_ADMIN1 = 0.3
W_OTHER_COUNTRY = -1.5
W_FAR_APART = -2.0
W_SAME_SUBTYPE = 0.2  # small: a common type says little (the words weigh rare types up)
W_OTHER_TYPE = -1.0
W_SHARED_ACTOR = 0.15
W_REVERSED = -0.5  # roles are the extractor's least sure call
W_SAME_FIGURE = 0.3
W_OTHER_FIGURE = -0.3
DAY_WINDOW = 2  # reports of one happening can date it a day or two apart (time zones, "overnight")
WEEK_WINDOW = 7 + DAY_WINDOW  # a date known to the week: within that week of the other
NEAR_KM = 25.0
FAR_KM = 150.0
VETO_KM = 400.0  # beyond this, two precisely placed reports are of different happenings
# The bar a pair must clear rises with what both reports state: two reports that give only words
# need similar words; two that also give a day and a place must also agree on them.
THRESHOLD = 1.0  # when only the words can be compared
KNOWN_FACTOR = 0.5  # plus this share of each feature's weight that both reports could have matched


@dataclass
class PairScore:
    """A pair's score, each feature's part of it, and the reason it is ruled out (if it is)."""

    score: float = 0.0
    parts: dict[str, float] = field(default_factory=dict)
    veto: str | None = None
    threshold: float = THRESHOLD

    def add(self, name: str, value: float) -> None:
        if value:
            self.parts[name] = round(value, 3)
            self.score += value

    @property
    def same(self) -> bool:
        return self.veto is None and self.score >= self.threshold

    def as_reasons(self) -> dict[str, Any]:
        return {"score": round(self.score, 3), "threshold": round(self.threshold, 3), "features": dict(self.parts),
                **({"veto": self.veto} if self.veto else {})}


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def score_pair(a: Profile, b: Profile) -> PairScore:
    """How strongly `a` and `b` look like reports of one happening."""
    out = PairScore(threshold=THRESHOLD)
    if (a.days or a.weeks) and (b.days or b.weeks):
        out.threshold += KNOWN_FACTOR * W_SAME_DAY
    if (a.points or a.locations) and (b.points or b.locations):
        out.threshold += KNOWN_FACTOR * W_SAME_PLACE
    if a.sub_types and b.sub_types:
        out.threshold += KNOWN_FACTOR * W_SAME_SUBTYPE
    _score_dates(a, b, out)
    if out.veto:
        return out
    _score_place(a, b, out)
    if out.veto:
        return out
    _score_type(a, b, out)
    _score_actors(a, b, out)
    _score_figures(a, b, out)
    out.add("text", W_TEXT * cosine(a.terms, b.terms))
    return out


def _score_dates(a: Profile, b: Profile, out: PairScore) -> None:
    if a.days and b.days:
        gap = min(abs((x - y).days) for x in a.day_dates() for y in b.day_dates())
        if gap > DAY_WINDOW:
            out.veto = f"dates {gap} days apart"
        elif gap == 0:
            out.add("same_day", W_SAME_DAY)
        elif gap == 1:
            out.add("next_day", W_NEXT_DAY)
        return
    if (a.weeks or b.weeks) and (a.days or a.weeks) and (b.days or b.weeks):
        gap = min(abs((x - y).days) for x in a.rough_dates() for y in b.rough_dates())
        if gap > WEEK_WINDOW:
            out.veto = f"dates {gap} days apart"
        else:
            # "drone attacks last week on the base" beside "a drone attack on the base on Tuesday": the week
            # agrees, which earns back the bar a known date raised (a day earns more: it agrees more sharply)
            out.add("same_week", W_SAME_WEEK)
        return
    rough = (a.months and b.all_months()) or (b.months and a.all_months())
    if rough and not a.all_months() & b.all_months():
        out.veto = "different months"


def _score_place(a: Profile, b: Profile, out: PairScore) -> None:
    if a.points and b.points:
        dist = min(km(p, q) for p in a.points for q in b.points)
        if dist <= NEAR_KM:
            out.add("same_place", W_SAME_PLACE)
            return
        if dist > VETO_KM:
            out.veto = f"places {dist:.0f} km apart"
            return
        if dist > FAR_KM:
            out.add("far_apart", W_FAR_APART)
            return
    if a.locations & b.locations:
        out.add("same_place", W_SAME_PLACE)
    elif a.admin1s & b.admin1s:
        out.add("same_admin1", W_SAME_ADMIN1)
    elif a.countries and b.countries and not a.countries & b.countries:
        # a report placed only to a country says less than one placed at a town or base
        out.add("other_country", W_OTHER_COUNTRY if a.points and b.points else W_OTHER_COUNTRY / 2)


def _score_type(a: Profile, b: Profile, out: PairScore) -> None:
    if a.sub_types and b.sub_types and set(a.sub_types) & set(b.sub_types):
        out.add("same_sub_event_type", W_SAME_SUBTYPE)
    elif a.event_types and b.event_types and not set(a.event_types) & set(b.event_types):
        out.add("other_event_type", W_OTHER_TYPE)


def _score_actors(a: Profile, b: Profile, out: PairScore) -> None:
    shared = (a.actors1 & b.actors1) | (a.actors2 & b.actors2)
    if shared:
        out.add("shared_actors", W_SHARED_ACTOR * min(2, len(shared)))
    reversed_ = (a.actors1 & b.actors2) - b.actors1
    reversed_ |= (a.actors2 & b.actors1) - b.actors2
    if reversed_ and not shared:
        out.add("reversed_actors", W_REVERSED)


def _score_figures(a: Profile, b: Profile, out: PairScore) -> None:
    for name, mine, theirs in (("fatalities", a.fatalities, b.fatalities), ("injuries", a.injuries, b.injuries)):
        if not mine or not theirs:
            continue
        if {f for f in mine & theirs if f > 1} and len(mine) <= 2 and len(theirs) <= 2:
            # a shared figure says something when it is not 0 or 1 and not one of many figures
            out.add(f"same_{name}", W_SAME_FIGURE)
        elif len(mine) == len(theirs) == 1 and max(*mine, *theirs) > 2 * max(1, min(*mine, *theirs)) + 2:
            # one clear figure each, far apart; several figures on a side are revisions, not disagreement
            out.add(f"other_{name}", W_OTHER_FIGURE)
