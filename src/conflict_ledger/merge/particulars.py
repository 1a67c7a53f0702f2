"""A report's particulars as terms: who, where, when and how many, by spaCy's named entities.

What tells two happenings of one kind apart is not the topic's words (fire, church, arson) but
the particulars: the people and organisations named, the places, the days and the figures.
spaCy's entity recogniser (with the project's entity patterns in front) finds them; each word
of an entity becomes a term, marked by its kind, so "Banstead" the place and "5.6" the magnitude
weigh as particulars beside the words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
FIGURE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
NAME_MARK = "="  # a word of a name (person, organisation, place, ...)
FIGURE_MARK = "#"  # a word of a date, time or amount
WORD = re.compile(r"\w+")
BATCH = 64


def entity_terms(entities: Iterable[tuple[str, str]]) -> Counter[str]:
    """Terms of (text, label) entities: each word, lower-cased, marked as a name or a figure."""
    terms: Counter[str] = Counter()
    for text, label in entities:
        mark = NAME_MARK if label in NAME_LABELS else FIGURE_MARK if label in FIGURE_LABELS else None
        if mark:
            terms.update(mark + w for w in WORD.findall(text.lower()))
    return terms


def document_entities(texts: Iterable[str]) -> Iterator[list[tuple[str, str]]]:
    """(text, label) of every named entity of each text, in order; only the recogniser runs."""
    from ..extract.nlp import chunk_offsets, is_all_caps, load_nlp, truecase

    texts = list(texts)
    if not texts:
        return
    nlp = load_nlp()
    enabled = [name for name in ("entity_ruler", "ner") if name in nlp.pipe_names]

    def pieces() -> Iterator[tuple[str, int]]:
        for n, text in enumerate(texts):
            prepared = truecase(text) if is_all_caps(text) else text
            for start, end in chunk_offsets(prepared):
                yield prepared[start:end], n

    current, found = 0, []
    with nlp.select_pipes(enable=enabled):
        for doc, n in nlp.pipe(pieces(), as_tuples=True, batch_size=BATCH):
            while current < n:  # every text gives at least one piece, so this steps by one
                yield found
                current, found = current + 1, []
            found.extend((ent.text, ent.label_) for ent in doc.ents)
    yield found
