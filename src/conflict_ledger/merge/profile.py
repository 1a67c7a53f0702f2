"""What merge compares: a compact profile of a mention, or of a ledger event (its mentions pooled).

A profile keeps only what the pair score reads (dates, places, types, actors, figures and a
weighted bag of the evidence sentences' words), so it is small enough to store per event and
to rebuild incrementally: adding a mention to an event is `event.absorb(mention)`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Words that say nothing about which happening a sentence reports.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say told according reported reports report
    news also since one two three would could may might us mr ms mrs new like""".split()  # noqa: SIM905
)
# Actor names too generic to say two reports name the same party.
GENERIC_ACTORS = frozenset({"Unidentified armed group", "Civilians", "Unknown"})

TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
MAX_TERMS = 150  # terms kept per profile: the heaviest, enough for cosine, bounded storage
NAME_WEIGHT = 2.0  # capitalised words and numbers (names, places, figures) tell happenings apart


_STEMMER: Any = None


def stem(word: str) -> str:
    global _STEMMER
    if _STEMMER is None:
        import snowballstemmer

        _STEMMER = snowballstemmer.stemmer("english")
    return _STEMMER.stemWord(word)


def terms_of(text: str) -> Counter[str]:
    """Term counts of a text: stemmed content words; names and numbers marked with a prefix.

    A capitalised word that never appears in lower case in the same text, or a number, counts
    as a name term (``^palin``, ``^2008``): two fires in one town share topic words but not
    their names. Stemming lets "fired" and "fires" meet.
    """
    words = [m.group() for m in TOKEN.finditer(text)]
    lowercase_seen = {w for w in words if w[0].islower()}
    counts: Counter[str] = Counter()
    for word in words:
        lower = word.lower().strip("'-")
        if lower.endswith("'s"):
            lower = lower[:-2]
        if lower in STOP_WORDS or (len(lower) < 2 and not word.isdigit()):
            continue
        if word[0].isdigit():
            counts["^" + lower] += 1
        elif word[0].isupper() and lower not in lowercase_seen:
            counts["^" + stem(lower)] += 1
        else:
            counts[stem(lower)] += 1
    return counts


FIELD_TOKENS = ("sub_event_type", "actor1", "actor2", "location", "admin1")


def field_terms(fields: dict[str, Any]) -> Counter[str]:
    """A mention's type, actors and place as terms, so they weigh by how rare they are.

    Two reports agreeing on "Air/drone strike" in a corpus of air strikes say little; agreeing
    on a rarely named village or group says much. As terms, the document frequencies decide.
    """
    out: Counter[str] = Counter()
    for name in FIELD_TOKENS:
        value = fields.get(name)
        if value and value not in GENERIC_ACTORS:
            out["@" + name.rstrip("12") + ":" + str(value).lower()] += 1
    return out


def tfidf(counts: Counter[str], idf: Any) -> dict[str, float]:
    """Sublinear tf x idf, names weighted up, L2-normalised, heaviest MAX_TERMS kept."""
    weights = {}
    for term, n in counts.items():
        w = (1.0 + math.log(n)) * idf(term)
        if term.startswith("^"):
            w *= NAME_WEIGHT
        if w > 0:
            weights[term] = w
    top = sorted(weights.items(), key=lambda kv: -kv[1])[:MAX_TERMS]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: round(w / norm, 5) for t, w in top}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    na = math.sqrt(sum(w * w for w in a.values())) or 1.0
    nb = math.sqrt(sum(w * w for w in b.values())) or 1.0
    return dot / (na * nb)


def norm_place(name: str | None) -> str | None:
    if not name:
        return None
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip() or None


@dataclass
class Profile:
    """Pooled features of one or more mentions. Unknown fields are simply absent."""

    n: int = 1
    days: set[str] = field(default_factory=set)  # ISO dates given to the day
    weeks: set[str] = field(default_factory=set)  # ISO dates known only to the week
    months: set[str] = field(default_factory=set)  # YYYY-MM of dates known only to the month
    event_types: Counter[str] = field(default_factory=Counter)
    sub_types: Counter[str] = field(default_factory=Counter)
    actors1: set[str] = field(default_factory=set)
    actors2: set[str] = field(default_factory=set)
    locations: set[str] = field(default_factory=set)
    admin1s: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)  # precise places only (precision 1-2)
    fatalities: set[int] = field(default_factory=set)
    injuries: set[int] = field(default_factory=set)
    terms: dict[str, float] = field(default_factory=dict)

    # ------------------------------------------------------------------ building
    @classmethod
    def of_mention(cls, fields: dict[str, Any], terms: dict[str, float]) -> Profile:
        """A profile from one mention's fields (EVENT_FIELDS names) and its weighted terms."""
        p = cls(terms=dict(terms))
        day = fields.get("event_date")
        if day:
            precision = fields.get("date_precision") or "day"
            if precision == "day":
                p.days.add(str(day)[:10])
            elif precision == "week":
                p.weeks.add(str(day)[:10])
            else:
                p.months.add(str(day)[:7])
        if fields.get("event_type") and fields.get("sub_event_type"):
            # (an untyped mention's event type is the extractor's default, not what the report told)
            p.event_types[fields["event_type"]] += 1
        if fields.get("sub_event_type"):
            p.sub_types[fields["sub_event_type"]] += 1
        for key, bucket in (("actor1", p.actors1), ("actor2", p.actors2)):
            if fields.get(key) and fields[key] not in GENERIC_ACTORS:
                bucket.add(fields[key])
        precision = fields.get("geo_precision")
        location = norm_place(fields.get("location"))
        if location and precision != 3:
            p.locations.add(location)
        if fields.get("admin1"):
            p.admin1s.add(norm_place(fields["admin1"]))
        if fields.get("country"):
            p.countries.add(norm_place(fields["country"]))
        if fields.get("latitude") is not None and fields.get("longitude") is not None and precision in (1, 2):
            p.points.append((round(float(fields["latitude"]), 4), round(float(fields["longitude"]), 4)))
        for key, bucket in (("fatalities", p.fatalities), ("injuries", p.injuries)):
            if fields.get(key) is not None:
                bucket.add(int(fields[key]))
        return p

    def absorb(self, other: Profile) -> None:
        """Pool another profile into this one (a mention joining, or two events merged)."""
        total = self.n + other.n
        pooled: dict[str, float] = {}
        for t in set(self.terms) | set(other.terms):
            pooled[t] = (self.terms.get(t, 0.0) * self.n + other.terms.get(t, 0.0) * other.n) / total
        top = sorted(pooled.items(), key=lambda kv: -kv[1])[:MAX_TERMS]
        self.terms = {t: round(w, 5) for t, w in top}
        self.n = total
        self.days |= other.days
        self.weeks |= other.weeks
        self.months |= other.months
        self.event_types.update(other.event_types)
        self.sub_types.update(other.sub_types)
        self.actors1 |= other.actors1
        self.actors2 |= other.actors2
        self.locations |= other.locations
        self.admin1s |= other.admin1s
        self.countries |= other.countries
        self.points = (self.points + [pt for pt in other.points if pt not in self.points])[:16]
        self.fatalities |= other.fatalities
        self.injuries |= other.injuries

    # ------------------------------------------------------------------ storage
    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"n": self.n}
        for name in ("days", "weeks", "months", "actors1", "actors2", "locations", "admin1s", "countries",
                     "fatalities", "injuries"):
            value = getattr(self, name)
            if value:
                out[name] = sorted(value)
        for name in ("event_types", "sub_types"):
            value = getattr(self, name)
            if value:
                out[name] = dict(value)
        if self.points:
            out["points"] = [list(pt) for pt in self.points]
        if self.terms:
            out["terms"] = self.terms
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        p = cls(n=data.get("n", 1), terms=dict(data.get("terms", {})))
        for name in ("days", "weeks", "months", "actors1", "actors2", "locations", "admin1s", "countries",
                     "fatalities", "injuries"):
            setattr(p, name, set(data.get(name, ())))
        p.event_types = Counter(data.get("event_types", {}))
        p.sub_types = Counter(data.get("sub_types", {}))
        p.points = [tuple(pt) for pt in data.get("points", ())]
        return p

    # ------------------------------------------------------------------ helpers for scoring and blocking
    def day_dates(self) -> list[date]:
        return sorted(date.fromisoformat(d) for d in self.days)

    def rough_dates(self) -> list[date]:
        """Dates known to the day or to the week."""
        return sorted(date.fromisoformat(d) for d in self.days | self.weeks)

    def all_months(self) -> set[str]:
        return self.months | {d[:7] for d in self.days | self.weeks}

    def main_type(self) -> str | None:
        return self.event_types.most_common(1)[0][0] if self.event_types else None
