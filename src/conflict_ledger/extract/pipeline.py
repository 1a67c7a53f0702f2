"""The extraction pipeline: small named components run in order over one document.

As in spaCy, each component has one job, reads and writes one `DocState`, and is looked up
by name in a registry, so a configuration is just a list of names. The spaCy parse is the
one batched step (``nlp.pipe``); everything after it works per document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..model import Document, EventMention, Evidence, Extraction, TallyClaim

Component = Callable[["DocState"], None]
_REGISTRY: dict[str, Callable[[], Component]] = {}

DEFAULT_COMPONENTS: tuple[str, ...] = (
    "scrub",  # blank scraped noise (embedded posts, link teasers), offsets kept
    "parse",  # spaCy, batched
    "places",  # every place name, resolved
    "events",  # event clauses and their ACLED types
    "dates",  # event dates from the clauses
    "actors",  # actor1 / actor2
    "corefer",  # one event told several times in a report -> one mention
    "responsibility",  # claims of responsibility and attributions name an unnamed attacker
    "casualties",  # killed / injured with ranges
    "sources",  # who said so
    "event_places",  # each event's place
    "claims",  # running-tally claims
    "incidents",  # a long report keeps the events it tells with specifics, not those it mentions in passing
    "home_forces",  # "police fired tear gas": the police of the country the event took place in
    "same_day",  # an undated event told after a dated one, in the same report and story, happened that day
    "confidence",
)


def component(name: str) -> Callable[[Callable[[], Component]], Callable[[], Component]]:
    """Register a component factory under `name` (the factory builds it once per pipeline)."""

    def register(factory: Callable[[], Component]) -> Callable[[], Component]:
        _REGISTRY[name] = factory
        return factory

    return register


@dataclass
class Sentence:
    """A sentence with its character span in the document text and its spaCy span."""

    start: int
    end: int
    span: Any  # spacy.tokens.Span over the chunk that holds it
    offset: int  # where that chunk starts in the document text

    @property
    def text(self) -> str:
        return self.span.text

    def token_at(self, offset: int) -> Any:
        """The first token starting at or after document offset `offset` (a cue's first word), if any."""
        return next((t for t in self.span if self.offset + t.idx >= offset), None)

    def verb_at(self, offset: int) -> Any:
        """The verb that governs the token at `offset`: its own head chain up to a verb (or the root)."""
        token = self.token_at(offset)
        while token is not None and token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
            token = token.head
        return token


@dataclass
class Frame:
    """An event under construction: the mention plus the sentences that report it."""

    mention: EventMention
    sentences: list[Sentence]
    spans: list[tuple[int, int]]  # the clauses (document offsets) that report it, one per sentence
    trigger: Evidence
    specific: bool = True  # False for generic cues ("attack") whose type a coreferent frame may refine
    type_score: float = 0.5  # how sure its type is; the surest frame types a merged event
    parties: list[Any] = field(default_factory=list)  # roles.Party: who is named in its clause, in what role
    toll_only: bool = False  # told only by a toll ("18 fighters were killed"): joins the event it counts
    scene_start: int | None = None  # a sentence that set its scene ("On Wednesday it was the turn of ...") opens an episode
    doers_accounts: list[tuple[int, int]] = field(default_factory=list)  # clauses that are the doer's own account of it

    def clauses(self) -> list[tuple[Sentence, int, int]]:
        """(sentence, start, end) for each reporting clause."""
        return [(sent, start, end) for sent, (start, end) in zip(self.sentences, self.spans, strict=True)]


@dataclass
class DocState:
    """Everything components know about one document while it is being processed."""

    document: Document
    text: str  # the document text with scraped noise blanked out; same length, same offsets
    noise: list[tuple[int, int]] = field(default_factory=list)
    chunks: list[tuple[int, Any]] = field(default_factory=list)  # (offset, spacy Doc)
    sentences: list[Sentence] = field(default_factory=list)
    places: list[Any] = field(default_factory=list)  # resolve.places.Place, in text order
    frames: list[Frame] = field(default_factory=list)
    claims: list[TallyClaim] = field(default_factory=list)
    prepared: dict[str, Any] = field(default_factory=dict)  # work a component did ahead for a whole batch

    @cached_property
    def read_text(self) -> str:
        """The text as the parser reads it: all-caps wire copy as a same-length mixed-case copy (see
        `nlp.truecase`), so that patterns that know a name by its capital ("Neghme was killed") work there too."""
        from .nlp import is_all_caps, truecase

        return truecase(self.text) if is_all_caps(self.text) else self.text

    @cached_property
    def headline_end(self) -> int:
        """Where the report's headline ends (`resolve.places.headline_span`); 0 when there is none."""
        from ..resolve.places import headline_span

        span = headline_span(self.text)
        return span[0] if span else 0

    @cached_property
    def dateline(self) -> tuple[int, int]:
        """Where the report's dateline starts and ends (`resolve.places.dateline_span`); (0, 0) when there is none.
        Dates, sources and event joining all read it, once per document."""
        from ..resolve.places import dateline_span

        return dateline_span(self.text)

    def in_headline(self, frame: Frame) -> bool:
        """The frame is told only in the headline (headline grammar: "Three soldiers killed in drone attack")."""
        return all(start < self.headline_end for start, _ in frame.spans)

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(self.document.id, start, end, self.document.text[start:end])

    def span_evidence(self, sentence: Sentence, span: Any) -> Evidence:
        """Evidence for a spaCy span (token span or entity) inside `sentence`."""
        start = sentence.offset + span.start_char
        end = sentence.offset + span.end_char
        return self.evidence(start, end)

    def sentence_evidence(self, sentence: Sentence) -> Evidence:
        return self.evidence(sentence.start, sentence.end)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds document offset `offset`, if any."""
        return next((s for s in self.sentences if s.start <= offset < s.end), None)


class Pipeline:
    """Runs named components; `parse` is batched through spaCy's nlp.pipe."""

    def __init__(self, components: Iterable[str] = DEFAULT_COMPONENTS, batch_size: int = 32) -> None:
        # importing the component modules fills the registry
        from . import components as _components  # noqa: F401

        self.names = list(components)
        unknown = [n for n in self.names if n not in _REGISTRY]
        if unknown:
            raise ValueError(f"unknown pipeline component(s): {', '.join(unknown)}; known: {', '.join(_REGISTRY)}")
        self.components = [(name, _REGISTRY[name]()) for name in self.names]
        self.batch_size = batch_size

    def run(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Extractions in input order; streams, so memory stays flat on big batches."""
        from .nlp import parse_states

        before = [c for n, c in self.components[: self._parse_index()]]
        after = [c for n, c in self.components[self._parse_index() + 1 :]]

        def prepared() -> Iterator[DocState]:
            for document in documents:
                state = DocState(document=document, text=document.text)
                for comp in before:
                    comp(state)
                yield state

        # components with a `prepare(states)` hook do their batchable work (a classifier over every
        # sentence of the batch) once per batch rather than once per document
        batchers = [comp.prepare for comp in after if hasattr(comp, "prepare")]
        batch: list[DocState] = []
        for state in parse_states(prepared(), batch_size=self.batch_size):
            batch.append(state)
            if len(batch) >= self.batch_size:
                yield from self._finish(batch, after, batchers)
                batch = []
        if batch:
            yield from self._finish(batch, after, batchers)

    def _finish(self, batch: list[DocState], after: list[Component], batchers: list[Callable]) -> Iterator[Extraction]:
        """Run the components one at a time over the whole batch, so that a component with a `settle(states)`
        hook can finish its per-document work for all of them at once (one classifier call, not one each)."""
        for prepare in batchers:
            try:
                prepare(batch)
            except Exception:  # the per-document path still runs and reports the error itself
                for state in batch:
                    state.prepared.clear()
        failed: dict[int, Exception] = {}  # one odd document must not stop a batch of thousands
        for comp in after:
            for i, state in enumerate(batch):
                if i not in failed:
                    try:
                        comp(state)
                    except Exception as err:
                        failed[i] = err
            settle = getattr(comp, "settle", None)
            if settle is not None:
                self._settle(settle, batch, failed)
        for i, state in enumerate(batch):
            if i in failed:
                err = failed[i]
                yield Extraction(document=state.document, error=f"extraction failed: {type(err).__name__}: {err}")
            else:
                yield Extraction(
                    document=state.document,
                    mentions=[frame.mention for frame in state.frames],
                    claims=state.claims,
                )

    @staticmethod
    def _settle(settle: Callable, batch: list[DocState], failed: dict[int, Exception]) -> None:
        live = [i for i in range(len(batch)) if i not in failed]
        try:
            settle([batch[i] for i in live])
        except Exception:  # settle each on its own, so only the document at fault fails
            for i in live:
                try:
                    settle([batch[i]])
                except Exception as err:
                    failed[i] = err

    def __call__(self, document: Document) -> Extraction:
        return next(iter(self.run([document])))

    def _parse_index(self) -> int:
        try:
            return self.names.index("parse")
        except ValueError as err:
            raise ValueError("the pipeline needs the `parse` component") from err


_DEFAULTS: dict[str, Pipeline] = {}


def scope_components(scope: str) -> tuple[str, ...]:
    """The default components for a scope (`extract.scope`): `violence` ends with a filter, `all` has none."""
    from .scope import SCOPES, ScopeError

    if scope not in SCOPES:
        raise ScopeError(f"unknown scope {scope!r}; known: {', '.join(SCOPES)}")
    return DEFAULT_COMPONENTS + (("violence_scope",) if scope == "violence" else ())


def default_pipeline(scope: str | None = None) -> Pipeline:
    """One shared pipeline per process and scope (default: $CONFLICT_LEDGER_SCOPE, else `all`): loading spaCy
    and the gazetteer costs seconds."""
    from .scope import scope_from_environment

    scope = scope or scope_from_environment()
    if scope not in _DEFAULTS:
        _DEFAULTS[scope] = Pipeline(scope_components(scope))
    return _DEFAULTS[scope]
