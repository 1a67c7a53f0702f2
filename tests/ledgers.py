"""Build real ledger files with known events, without the NLP pipeline, through the store's own write path.

Each report is the project's own one-line template text; every field a test sets is cited with a
span of that text, so `Ledger.check()` holds.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from conflict_ledger.db import Ledger
from conflict_ledger.merge import assign_events
from conflict_ledger.model import Document, EventMention, Evidence, Extraction, TallyClaim


def report(ledger: Ledger, doc_id: str, published: str, events: list[dict[str, Any]],
           claims: list[dict[str, Any]] = (), source: str = "Test Wire") -> list[str]:
    """Store one document reporting `events` (EventMention fields) and `claims`; returns the event ids."""
    sentences = []
    for n, fields in enumerate(events):
        sentences.append(f"Event {n} of {doc_id}: {fields.get('actor1') or 'someone'} hit "
                         f"{fields.get('actor2') or 'something'} in {fields.get('country') or 'somewhere'}.")
    for n, claim in enumerate(claims):
        sentences.append(claim.get("text") or f"Claim {n}: {claim['count_text']} {claim['counted']} since "
                                              f"{claim['since']}.")
    text = " ".join(sentences)
    doc = Document(id=doc_id, text=text, published=date.fromisoformat(published), source=source)
    mentions = []
    offset = 0
    for n, fields in enumerate(events):
        sentence = sentences[n]
        mention = EventMention(doc_id=doc_id, **fields)
        span = Evidence(doc_id, offset, offset + len(sentence), sentence)
        mention.trigger = span
        for name in ("event_date", "actor1", "actor2", "country", "fatalities", "injuries"):
            if fields.get(name) is not None:
                mention.cite(name, span)
        mentions.append(mention)
        offset += len(sentence) + 1
    stored_claims = []
    for n, claim in enumerate(claims):
        sentence = sentences[len(events) + n]
        count_text = claim["count_text"]
        start = offset + sentence.index(count_text)
        stored = TallyClaim(doc_id=doc_id, text=sentence, start=offset, end=offset + len(sentence),
                            count=claim["count"], counted=claim["counted"], since=claim["since"],
                            until=claim.get("until"), attributed_to=claim.get("attributed_to"))
        stored.evidence["count"] = [Evidence(doc_id, start, start + len(count_text), count_text)]
        stored_claims.append(stored)
        offset += len(sentence) + 1
    ledger.store.add_extraction(Extraction(document=doc, mentions=mentions, claims=stored_claims), assign_events)
    rows = ledger.conn.execute(
        "SELECT event_id FROM mentions WHERE doc_id = ? ORDER BY ordinal", (doc_id,)
    ).fetchall()
    return [r[0] for r in rows]


def attack(day: str, country: str = "Iraq", actor1: str | None = "Kataib Hezbollah", actor2: str | None = "U.S. forces",
           sub: str = "Air/drone strike", **more: Any) -> dict[str, Any]:
    """An event as a mention's fields (defaults: a militia drone attack on U.S. forces in Iraq)."""
    from conflict_ledger.model import SUB_EVENT_PARENT

    return {"event_date": day, "date_precision": "day", "event_type": SUB_EVENT_PARENT[sub], "sub_event_type": sub,
            "actor1": actor1, "actor2": actor2, "country": country, **more}


def seeded_ledger(path: Path) -> dict[str, list[str]]:
    """A small ledger around the bundled tracker `us-forces-attacks` (since 2023-10-17; Iraq, Syria,
    Jordan; attacks by Iran-aligned, unidentified or unnamed groups on U.S. or coalition forces).

    Similar events are days apart or differ in place, so a merge stage keeps them apart.
    Returns the event ids by role: counted (in date order) and not counted.
    """
    with Ledger(path) as ledger:
        counted = []
        counted += report(ledger, "r1", "2023-10-19", [
            attack("2023-10-17", admin1="Al Anbar", location="Ain al-Asad Air Base", injuries=2, injuries_low=2,
                   injuries_high=2),
            attack("2023-10-18", country="Syria", actor1="Islamic Resistance in Iraq", actor2="Coalition forces"),
        ])
        counted += report(ledger, "r2", "2023-10-27", [
            attack("2023-10-26", country="Syria", actor1=None, sub="Shelling/artillery/missile attack"),
        ])
        counted += report(ledger, "r3", "2023-11-21", [
            attack("2023-11-20", fatalities_low=3, fatalities_high=9),
        ])
        counted += report(ledger, "r4", "2024-01-29", [
            attack("2024-01-28", country="Jordan", actor1="Unidentified armed group", fatalities=3, fatalities_low=3,
                   fatalities_high=3, injuries=34, injuries_low=34),
        ], source="Other Wire")
        not_counted = []
        not_counted += report(ledger, "n1", "2023-10-10", [attack("2023-10-08")])  # before the tracker starts
        not_counted += report(ledger, "n2", "2023-11-01", [attack("2023-10-30", country="Yemen")])  # elsewhere
        not_counted += report(ledger, "n3", "2023-12-06", [  # the other direction: a U.S. strike on a militia
            attack("2023-12-05", actor1="U.S. forces", actor2="Kataib Hezbollah", admin1="Baghdad"),
        ])
        not_counted += report(ledger, "n4", "2023-12-02", [attack("2023-12-01", actor1="Islamic State")])
        unknown_target = report(ledger, "n5", "2023-12-11", [attack("2023-12-10", actor2=None)])
        assert ledger.check() == []
    return {"counted": counted, "not_counted": not_counted, "unknown_target": unknown_target}
