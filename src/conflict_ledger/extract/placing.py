"""Where: every place name of the document (for geoparse and context), then each event's place.

Two pipeline components (`places`, `event_places`) and the stateless `geoparse` stage. An event's
place comes from its own clauses, then its own sentences, then what the document is mostly
about at a coarser precision; never from the dateline (GDELT's known failure) nor from a
nationality modifier ("U.S. forces").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from ..model import Document
from ..resolve.places import SPECIFICITY, Place, as_event_place, default_resolver, with_precision
from .pipeline import DocState, Frame, component

# geoparse needs entities only: the NER has its own token vectors, so the tagger, parser and
# shared tok2vec are skipped, which makes it three to four times faster than a full parse
_NOT_FOR_GEOPARSE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")

# a cheap sentence split for choosing what to tag: after . ! ? (and closing quotes) before a
# word that is not lower case, or at a blank line (hard-wrapped lines run on); a wrong split only
# costs a little context
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[^\W_a-z])|\n[ \t]*\n\s*")
_WORD = re.compile(r"\w+(?:['’.]\w+)*\.?")
# lower-case words inside a place name ("Ain al-Asad", "Democratic Republic of the Congo")
_PARTICLES = {"al", "el", "ad", "as", "ash", "at", "ar", "an", "ibn", "bin", "bani", "abu", "umm", "de", "del",
              "la", "le", "di", "da", "do", "dos", "das", "van", "von", "der", "of", "the", "and", "on", "upon"}
_LONGEST_NAME = 4  # words: names longer than this contain a shorter known one


@cache
def _common_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def may_name_place(sentence: str, known: Callable[[str], bool], near: Callable[[str], bool]) -> bool:
    """Whether a sentence can yield a resolved place name, so that the NER need not read the rest.

    It can only if some run of words that are not lower case (or are in a caseless script) is a
    name the gazetteer knows: a place's name, an alternate name, an abbreviation ("U.S.") or a
    demonym ("Russian"), possibly with lower-case particles inside ("Ain al-Asad"); failing
    that, a single word the gazetteer knows in another spelling ("Fallouja"), tried last because
    that lookup is dearer. A sentence's first word counts unless it is a common word ("The",
    "In"): "Kharkiv was shelled" is kept.
    """
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence)]
    names: list[str] = []
    for i, (start, _, word) in enumerate(words):
        if word[0].islower() or word[0].isdigit() or (i == 0 and word.lower() in _common_words()):
            continue
        for n in range(1, _LONGEST_NAME + 1):
            if i + n > len(words):
                break
            last = words[i + n - 1][2]
            if n > 1 and last.lower() not in _PARTICLES and (last[0].islower() or last.isdigit()):
                break
            name = sentence[start : words[i + n - 1][1]]
            if known(name) or (name[-2:] in ("'s", "’s") and known(name[:-2])) or (
                    name.endswith(".") and known(name[:-1])):
                return True
            if n == 1:
                names.append(name)
    return any(near(name) for name in names)


def place_pieces(text: str, start: int, end: int, known: Callable[[str], bool],
                 near: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The stretches of text[start:end] worth tagging: runs of neighbouring sentences that may
    name a place, as (start, end) offsets into `text`."""
    pieces: list[tuple[int, int]] = []
    bounds = [m.end() for m in _SENTENCE_BREAK.finditer(text, start, end)] + [end]
    at = start
    for bound in bounds:
        s, e = at, bound
        at = bound
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s or not may_name_place(text[s:e], known, near):
            continue
        if pieces and not text[pieces[-1][1] : s].strip():
            pieces[-1] = (pieces[-1][0], e)
        else:
            pieces.append((s, e))
    return pieces


@component("places")
def find_places() -> object:
    resolver = default_resolver()

    def run(state: DocState) -> None:
        state.places = resolver.find_places(state)

    return run


def document_place(state: DocState) -> Place | None:
    """What the document is mostly about, at precision 2 or coarser: the fallback for an event
    whose own sentences name no place. Reports name their scene first, so the lead sentence that
    names one wins (a town there is better than the region the document names most); without a
    town there, the region most of the document's places lie in, else its country."""
    scenes = [p for p in state.places if p.resolved and not p.dateline and not p.modifier]
    if not scenes:
        return None
    lead = next((s for s in state.sentences if any(s.start <= p.start < s.end for p in scenes)), None)
    if lead is not None:
        place = default_resolver().event_place(state.places, [(lead.start, lead.end)])
        if place is not None and place.feature in ("city", "facility", "admin2"):
            return with_precision(place, 2)
    countries = Counter(p.country for p in scenes if p.country)
    if not countries:
        return None
    country = countries.most_common(1)[0][0]
    admin1s = Counter(p.admin1 for p in scenes if p.country == country and p.admin1)
    if admin1s:
        admin1, n = admin1s.most_common(1)[0]
        if n >= 2 or len(admin1s) == 1:
            regions = [p for p in scenes if p.admin1 == admin1 and p.feature == "admin1"]
            if regions:
                return with_precision(regions[0], 3)
            towns = [p for p in scenes if p.admin1 == admin1]
            best = min(towns, key=lambda p: SPECIFICITY.get(p.feature or "", 9))
            return with_precision(best, 2)
    for place in scenes:
        if place.feature == "country" and place.country == country:
            return with_precision(place, 3)
    return None


def place_event(state: DocState, frame: Frame) -> None:
    resolver = default_resolver()
    mention = frame.mention
    place = resolver.event_place(state.places, frame.spans)
    if place is None:
        sentences = [(s.start, s.end) for s in frame.sentences]
        place = resolver.event_place(state.places, sentences)
        if place is not None and place.geo_precision == 1:
            place = with_precision(place, 2)
    if place is None:
        place = document_place(state)
    if place is None:
        return
    place = as_event_place(place)
    for name in ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision"):
        setattr(mention, name, getattr(place, name))
    evidence = state.evidence(place.start, place.end)
    for name in ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision"):
        if getattr(mention, name) is not None:
            mention.cite(name, evidence)


@component("event_places")
def event_places() -> object:
    def run(state: DocState) -> None:
        for frame in state.frames:
            place_event(state, frame)

    return run


def geoparse(documents: Iterable[Document], batch_size: int = 64) -> Iterator[tuple[Document, list[Place]]]:
    """Every place name of each document, resolved, in input order (the `geoparse` command).

    Uses the extraction pipeline's spaCy model and entity patterns, running only its NER, and
    only over sentences that may name a place (see `may_name_place`): the NER's forward pass is
    most of geoparse's time, and a quarter to a third of news sentences name nothing the
    gazetteer knows. All-caps texts, where case says nothing, are tagged whole.
    """
    from .nlp import chunk_offsets, is_all_caps, load_nlp, truecase

    nlp = load_nlp()
    resolver = default_resolver()
    disable = [name for name in _NOT_FOR_GEOPARSE if name in nlp.pipe_names]

    def pieces(batch: list[DocState]) -> Iterator[tuple[str, tuple[int, int]]]:
        for i, state in enumerate(batch):
            caps = is_all_caps(state.text)
            for start, end in chunk_offsets(state.text):
                if caps:
                    yield truecase(state.text[start:end]), (i, start)
                    continue
                for s, e in place_pieces(state.text, start, end, resolver.known_name, resolver.near_name):
                    yield state.text[s:e], (i, s)

    def flush(batch: list[DocState]) -> Iterator[tuple[Document, list[Place]]]:
        for doc, (i, offset) in nlp.pipe(pieces(batch), as_tuples=True, batch_size=batch_size, disable=disable):
            batch[i].chunks.append((offset, doc))
        for state in batch:
            yield state.document, resolver.find_places(state)

    batch: list[DocState] = []
    for document in documents:
        batch.append(DocState(document=document, text=document.text))
        if len(batch) >= batch_size:
            yield from flush(batch)
            batch = []
    if batch:
        yield from flush(batch)
