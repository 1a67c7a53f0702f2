"""Stateless same-event grouping of documents (`conflict-ledger merge PATH... --documents`).

Each document is represented by its main event: the extracted mention the pipeline is most sure
of (date, place, type, actors, figures), with the document's title and text as its words.
Where no event date was extracted the publication date stands in for blocking, since a report's
main event happened on or just before the day it was published. Only what a user's input
carries is used: text, title and publication date; extra keys (a gold `topic`) are ignored.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import EVENT_FIELDS, EventMention, Extraction
from .cluster import MemoryIndex, Merger, Placement
from .ledger import placement_order
from .profile import FIELD_TOKENS, Profile, field_terms, terms_of, tfidf


def main_mention(mentions: list[EventMention]) -> EventMention | None:
    """The report's subject: the most confident mention, the earliest in the text on ties."""
    if not mentions:
        return None
    return max(enumerate(mentions), key=lambda im: (im[1].confidence, -im[0]))[1]


class DocumentFrequencies:
    """Inverse document frequency over a set of documents (smoothed, never negative)."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.docs = 0

    def observe(self, terms: Iterable[str]) -> None:
        self.docs += 1
        self.df.update(set(terms))

    def idf(self, term: str) -> float:
        return max(0.0, math.log((self.docs + 1) / (self.df.get(term, 0) + 0.5)))


@dataclass
class DocumentGroup:
    doc_id: str
    cluster: str
    placement: Placement


def document_profile(extraction: Extraction, counts: Counter[str], idf: DocumentFrequencies) -> Profile:
    """The document's events pooled (main event first), dated by publication, worded by the whole text.

    Pooling every mention's place, type and actors makes the document robust to an extractor
    that picked the wrong main event; the whole text gives its words.
    """
    doc = extraction.document
    mentions = sorted(extraction.mentions, key=lambda m: m is not main_mention(extraction.mentions))
    profiles = []
    for mention in mentions or [None]:
        fields: dict[str, Any] = {name: getattr(mention, name) for name in EVENT_FIELDS} if mention else {}
        if doc.published:
            # a document is dated by its publication, which is certain, rather than by an extracted
            # date: reports published the same day about one place are reports of one happening
            fields["event_date"], fields["date_precision"] = doc.published.isoformat(), "day"
        profiles.append(Profile.of_mention(fields, {}))
    profile = profiles[0]
    for other in profiles[1:]:
        profile.absorb(other)
    profile.n = 1
    profile.terms = tfidf(counts, idf.idf)
    return profile


def group_documents(extractions: Iterable[Extraction]) -> list[DocumentGroup]:
    """Same-event groups: documents are placed one by one, in publication order, as ingest would."""
    batch = [x for x in extractions if not x.error]
    freqs = DocumentFrequencies()
    counts = {}
    for x in batch:
        doc = x.document
        counts[doc.id] = terms_of(f"{doc.title or ''}\n{doc.text}")
        for mention in x.mentions:
            counts[doc.id].update(field_terms({n: getattr(mention, n) for n in FIELD_TOKENS}))
        freqs.observe(counts[doc.id])
    order = sorted(batch, key=lambda x: (x.document.published is None, x.document.published or "", ))
    serial = iter(range(1, 1 << 62))
    merger = Merger(MemoryIndex(), new_id=lambda: f"c{next(serial)}")
    out = []
    for x in order:
        placement = merger.place(document_profile(x, counts[x.document.id], freqs))
        out.append(DocumentGroup(x.document.id, placement.event_id, placement))
    position = {x.document.id: n for n, x in enumerate(batch)}
    return sorted(out, key=lambda g: position[g.doc_id])


def mention_words(mention: EventMention) -> str:
    """What a mention is compared by: its reporting sentence(s) and every evidence span."""
    spans = {e.text for spans in mention.evidence.values() for e in spans}
    return "\n".join([mention.trigger.text if mention.trigger else "", *sorted(spans)])


def group_mentions(extractions: Iterable[Extraction]) -> list[tuple[EventMention, Placement]]:
    """Mention-level merging of a batch, as `ingest` does it, without a ledger."""
    batch = [x for x in extractions if not x.error]
    freqs = DocumentFrequencies()
    for x in batch:
        words = terms_of(f"{x.document.title or ''}\n{x.document.text}")
        for mention in x.mentions:
            words.update(field_terms({n: getattr(mention, n) for n in FIELD_TOKENS}))
        freqs.observe(words)
    order = sorted(batch, key=lambda x: (x.document.published is None, x.document.published or ""))
    serial = iter(range(1, 1 << 62))
    members: dict[str, set[str]] = {}
    current = {"doc": ""}
    merger = Merger(MemoryIndex(), new_id=lambda: f"e{next(serial)}",
                    allowed=lambda event_id: current["doc"] not in members.get(event_id, ()))
    out = []
    for x in order:
        doc_id = current["doc"] = x.document.id
        for mention in sorted(x.mentions, key=lambda m: placement_order(
                {"geo_precision": m.geo_precision, "date_precision": m.date_precision})):
            fields = {name: getattr(mention, name) for name in EVENT_FIELDS}
            words = terms_of(mention_words(mention)) + field_terms(fields)
            placement = merger.place(Profile.of_mention(fields, tfidf(words, freqs.idf)))
            members.setdefault(placement.event_id, set()).add(doc_id)
            out.append((mention, placement))
    return out
