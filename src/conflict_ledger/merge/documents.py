"""Stateless same-event grouping of documents (`conflict-ledger merge PATH... --documents`).

The whole batch is known at once, so documents are grouped as a batch, not one by one: every
document gets a profile (its extracted events pooled, dated by publication) and a bag of terms
(its words plus the particulars the entity recogniser finds), pairs are scored as the ledger
scores them, and average-link clustering groups them (`agglomerate.py`). Only what a user's
input carries is used: text, title and publication date; extra keys (a gold `topic`) are ignored.

`group_mentions` is the mention-level merge of a batch, one mention at a time as `ingest` does it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse

from ..model import EVENT_FIELDS, EventMention, Extraction
from .agglomerate import average_link, shared_neighbours, top_neighbours
from .cluster import POSTING_CAP, MemoryIndex, Merger, Placement, index_keys, query_keys
from .lead import Act, lead_acts, relation
from .ledger import placement_order
from .particulars import FIGURE_MARK, NAME_MARK, document_entities, entity_terms
from .profile import FIELD_TOKENS, Profile, field_terms, terms_of, tfidf
from .score import DAY_WINDOW, W_TEXT, PairScore, score_pair
from .score import THRESHOLD as SCORE_THRESHOLD
from .stated import conflicts, stated


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
    reasons: dict[str, Any]


def document_profile(extraction: Extraction) -> Profile:
    """The document's events pooled (main event first), dated by publication; no words.

    Pooling every mention's place, type and actors makes the document robust to an extractor
    that picked the wrong main event. A document is dated by its publication, which is certain,
    rather than by an extracted date: reports published the same day about one place report one
    happening.
    """
    doc = extraction.document
    main = main_mention(extraction.mentions)
    mentions = sorted(extraction.mentions, key=lambda m: m is not main)
    profiles = []
    for mention in mentions or [None]:
        fields: dict[str, Any] = {name: getattr(mention, name) for name in EVENT_FIELDS} if mention else {}
        if doc.published:
            fields["event_date"], fields["date_precision"] = doc.published.isoformat(), "day"
        profiles.append(Profile.of_mention(fields, {}))
    profile = profiles[0]
    for other in profiles[1:]:
        profile.absorb(other)
    profile.n = 1
    return profile


PARTICULAR_MARKS = ("^", NAME_MARK, FIGURE_MARK)
PARTICULAR_WEIGHT = 2.0  # names, places, days and figures tell happenings apart; topic words do not
W_CONFLICT = -4.0  # per stated fact two reports disagree on: outweighs most of the words' share (W_TEXT)
W_LEAD_CONFLICT = -2.5  # leads name different agents of one kind doing different things; -2.5 to -3 score alike (README, bench/merge --folds)
W_LEAD_SHARED = 0.5  # leads name one agent doing the same thing
THRESHOLD = 0.5  # bar for the average pair weight of a group (pair-score units, see score.py); see bench/merge --folds


def document_terms(extraction: Extraction, entities: list[tuple[str, str]]) -> Counter[str]:
    """Words (stemmed, names and numbers marked) and the particulars the entity recogniser found."""
    doc = extraction.document
    return terms_of(f"{doc.title or ''}\n{doc.text}") + entity_terms(entities)


def term_matrix(counts: list[Counter[str]]) -> sparse.csr_matrix:
    """Documents x terms: sublinear tf x idf over the batch, particulars weighted up, rows L2-normalised."""
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(counts)
    vocabulary = {term: k for k, term in enumerate(sorted(df))}
    rows, cols, vals = [], [], []
    for i, c in enumerate(counts):
        for term, tf in c.items():
            w = (1.0 + math.log(tf)) * math.log((n + 1) / (df[term] + 0.5))
            if term.startswith(PARTICULAR_MARKS):
                w *= PARTICULAR_WEIGHT
            if w > 0:
                rows.append(i)
                cols.append(vocabulary[term])
                vals.append(w)
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocabulary)))
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    return (sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ x).tocsr()


def candidate_pairs(profiles: list[Profile], cosines: sparse.csr_matrix) -> set[tuple[int, int]]:
    """Pairs worth scoring: each document's closest by words, and those its date and place block with."""
    pairs = set()
    coo = cosines.tocoo()
    for i, j in zip(coo.row.tolist(), coo.col.tolist(), strict=True):
        if i != j:
            pairs.add((min(i, j), max(i, j)))
    index = MemoryIndex()
    for i, profile in enumerate(profiles):
        if profile.days or profile.weeks or profile.months:
            for j in index.candidates(query_keys(profile), POSTING_CAP):
                pairs.add((int(j), i))
        index.add_keys(str(i), index_keys(profile))
    return pairs


@dataclass
class BatchLinks:
    """A batch's pair weights for average-link, and what each is made of (for the reasons)."""

    profiles: list[Profile]
    weights: dict[tuple[int, int], float]
    words: dict[tuple[int, int], float]
    scored: dict[tuple[int, int], PairScore]
    ruled_out: set[tuple[int, int]]
    conflicts: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    leads: dict[tuple[int, int], int] = field(default_factory=dict)  # +1 shared lead act, -1 conflicting

    def can_join(self, a: list[int], b: list[int]) -> bool:
        """Groups join only while their publication days stay within the window."""
        days = [d for k in a + b for d in self.profiles[k].day_dates()]
        return not days or (max(days) - min(days)).days <= DAY_WINDOW

    def labels(self, threshold: float = THRESHOLD) -> list[int]:
        """A group label per document, by average-link at `threshold`."""
        return average_link(len(self.profiles), self.weights, threshold, self.ruled_out, self.can_join)


def batch_links(batch: list[Extraction], entities: list[list[tuple[str, str]]] | None = None,
                acts: list[list[Act]] | None = None) -> BatchLinks:
    """Pair weights of a batch of documents (no failed extractions): fields for and against plus words.

    A pair's weight is the ledger's pair score (`score.py`: dates, places, types, actors and
    figures, each for or against) with the words part measured as shared neighbours rather than
    a plain cosine, so that reports of two happenings of one kind, which share the topic's
    words, are kept apart by their particulars. Dates or places too far apart rule a pair out;
    a fact both reports state and never agree on (`stated.py`: a quake's magnitude) counts against,
    and so do leads whose named doers and acts differ (`lead.py`); a shared lead act counts for.
    `entities` and `acts` (per document, as `document_entities` and `lead_acts` give them) can be
    passed when known.
    """
    if entities is None:
        entities = list(document_entities(f"{x.document.title or ''}\n{x.document.text}" for x in batch))
    counts = [document_terms(x, ents) for x, ents in zip(batch, entities, strict=True)]
    profiles = [document_profile(x) for x in batch]
    cosines = top_neighbours(term_matrix(counts))
    scored: dict[tuple[int, int], PairScore] = {}
    ruled_out: set[tuple[int, int]] = set()
    for i, j in sorted(candidate_pairs(profiles, cosines)):
        pair = score_pair(profiles[i], profiles[j])
        scored[(i, j)] = pair
        if pair.veto:
            ruled_out.add((i, j))
    shared = shared_neighbours(cosines, ruled_out)
    words: dict[tuple[int, int], float] = {}
    coo = shared.tocoo()
    for i, j, v in zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist(), strict=True):
        if i < j and (i, j) not in ruled_out:
            words[(i, j)] = W_TEXT * v
    weights = dict(words)
    for key, pair in scored.items():
        if not pair.veto:
            # the pair's fields for and against, less the share of the bar they could have earned
            weights[key] = weights.get(key, 0.0) + pair.score - (pair.threshold - SCORE_THRESHOLD)
    facts = [stated(f"{x.document.title or ''}\n{x.document.text}") for x in batch]
    disagree: dict[tuple[int, int], list[str]] = {}
    for key in weights:
        found = conflicts(facts[key[0]], facts[key[1]])
        if found:
            disagree[key] = found
            weights[key] += W_CONFLICT * len(found)
    if acts is None:
        acts = list(lead_acts((x.document.title, x.document.text) for x in batch))
    leads: dict[tuple[int, int], int] = {}
    for key in weights:
        found_relation = relation(acts[key[0]], acts[key[1]])
        if found_relation:
            leads[key] = found_relation
            weights[key] += W_LEAD_CONFLICT if found_relation < 0 else W_LEAD_SHARED
    return BatchLinks(profiles, weights, words, scored, ruled_out, disagree, leads)


def group_documents(extractions: Iterable[Extraction], threshold: float = THRESHOLD) -> list[DocumentGroup]:
    """Same-event groups of a batch of documents, by average-link over pair weights (`batch_links`)."""
    batch = [x for x in extractions if not x.error]
    if not batch:
        return []
    links = batch_links(batch)
    label = links.labels(threshold)
    names: dict[int, str] = {}
    for group in label:
        names.setdefault(group, f"c{len(names) + 1}")
    size = Counter(label)
    out = []
    for i, x in enumerate(batch):
        out.append(DocumentGroup(x.document.id, names[label[i]],
                                 _reasons(i, label, size[label[i]], links, batch, threshold)))
    return out


def _reasons(i: int, label: list[int], size: int, links: BatchLinks, batch: list[Extraction],
             threshold: float) -> dict[str, Any]:
    """Why a document is where it is: its group's size and its strongest tie within the group."""
    weights, words, scored = links.weights, links.words, links.scored
    out: dict[str, Any] = {"joined": size > 1, "group_size": size, "threshold": threshold}
    ties = [(w, j) for (a, b), w in weights.items() for j in ((b,) if a == i else (a,) if b == i else ())
            if label[j] == label[i]]
    if ties:
        w, j = max(ties)
        key = (min(i, j), max(i, j))
        features = {"shared_neighbours": round(words.get(key, 0.0), 3)}
        if key in scored:
            features.update({k: v for k, v in scored[key].parts.items() if k != "text"})
        for kind in links.conflicts.get(key, ()):
            features[f"other_{kind}"] = W_CONFLICT
        if key in links.leads:
            features["lead_act"] = W_LEAD_CONFLICT if links.leads[key] < 0 else W_LEAD_SHARED
        out.update({"closest": batch[j].document.id, "score": round(w, 3), "features": features})
    return out


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
