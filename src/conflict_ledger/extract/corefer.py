"""One report tells of one event many times (lead, detail, quote, claim): fold those into one.

Two frames of a document are the same event when nothing about them conflicts (date, type,
attacker, named place) and at least one thing links them. Generic mentions ("the attack")
join the specific event they refer to and take its type.
"""

from __future__ import annotations

from ..model import SUB_EVENT_PARENT
from ..resolve.actors import canonical_actor
from .dating import default_date
from .events import refines as _refines
from .pipeline import DocState, Frame, component

_UNNAMED = "Unidentified armed group"
_MERGEABLE = ("event_date", "date_precision", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2")


def _same_family(a: str | None, b: str | None) -> bool | None:
    """True: same actor (or same family); False: different; None: one is unknown."""
    if a is None or b is None:
        return None
    if a == b:
        return True
    ka, kb = canonical_actor(a), canonical_actor(b)
    if ka is None or kb is None:
        return False
    if "unidentified_armed_group" in ka.kinds + kb.kinds:
        return None
    shared = set(ka.kinds) & set(kb.kinds) - {"state_forces"}
    return bool(shared)


def _facilities(state: DocState, frame: Frame) -> set[str]:
    names = set()
    for _sentence, start, end in frame.clauses():
        for place in state.places:
            if start <= place.start < end and place.feature in ("facility", "city") and place.location:
                names.add(place.location)
    return names


def link(state: DocState, a: Frame, b: Frame) -> float | None:
    """A linking score when `a` and `b` can be one event; None when they conflict."""
    ma, mb = a.mention, b.mention
    score = 0.0
    if ma.event_date and mb.event_date:
        if ma.event_date != mb.event_date:
            return None
        score += 1
    if a.specific and b.specific:
        # one happening is often told with several kinds of cue ("arrested during clashes"):
        # a different type alone does not split it, but only a same type links it
        if ma.sub_event_type == mb.sub_event_type:
            score += 1
    elif a.specific != b.specific:
        score += 0.25
    # the next sentence usually goes on about the same happening (its toll, its place)
    gap = _sentence_gap(a, b)
    if gap <= 1:
        score += 1
    elif gap == 2:
        score += 0.5
    attacker = _same_family(ma.actor1, mb.actor1)
    if attacker is False:
        return None
    if attacker:
        score += 1
    fa, fb = _facilities(state, a), _facilities(state, b)
    if fa and fb:
        if not fa & fb:
            return None
        score += 1
    return score if score > 0 else None


def _sentence_gap(a: Frame, b: Frame) -> int:
    """How many sentences apart the two frames' nearest reporting sentences are."""
    starts_a = {s.start for s in a.sentences}
    if starts_a & {s.start for s in b.sentences}:
        return 0
    ends_a = sorted(s.end for s in a.sentences)
    return min(
        (1 if any(0 <= sb.start - ea <= 3 for ea in ends_a) or any(0 <= sa.start - sb.end <= 3 for sa in a.sentences)
         else 2)
        for sb in b.sentences
    )


def absorb(into: Frame, other: Frame) -> None:
    m, o = into.mention, other.mention
    into.sentences += other.sentences
    into.spans += other.spans
    if other.specific and (not into.specific or _refines(o.sub_event_type, m.sub_event_type)
                           or (other.type_score > into.type_score and not _refines(m.sub_event_type, o.sub_event_type))):
        m.event_type, m.sub_event_type = o.event_type, o.sub_event_type
        m.evidence.pop("event_type", None)
        m.evidence.pop("sub_event_type", None)
        into.specific = True
        into.trigger = other.trigger
        into.type_score = other.type_score
    for name in _MERGEABLE:
        mine, theirs = getattr(m, name), getattr(o, name)
        if theirs is not None and (mine is None or (mine == _UNNAMED and theirs != _UNNAMED)):
            setattr(m, name, theirs)
    for name, spans in o.evidence.items():
        if name in ("event_type", "sub_event_type") and (not other.specific or o.sub_event_type != m.sub_event_type):
            continue
        m.cite(name, *spans)


RETYPE_MIN = 0.45
AGREED = 0.8  # the type_score of a frame whose cue and classifier agreed


def retype(state: DocState, frames: list[Frame]) -> None:
    """Read each event told over several sentences as a whole: the story says more than any one line."""
    from .classifier import UNSPECIFIED, event_typer, typing_kind

    if typing_kind() == "rules":
        return
    told = [f for f in frames if len({s.start for s in f.sentences}) > 1]
    if not told:
        return
    texts = [" ".join(state.text[start:end] for start, end in sorted(set(f.spans))) for f in told]
    for frame, guess in zip(told, event_typer().guess(texts), strict=True):
        if not guess.is_event or guess.label == UNSPECIFIED or guess.probability < RETYPE_MIN:
            continue
        if frame.type_score >= AGREED and guess.probability < frame.type_score:  # cue and classifier agreed
            continue
        mention = frame.mention
        if guess.label == mention.sub_event_type or _refines(mention.sub_event_type, guess.label):
            continue
        mention.event_type, mention.sub_event_type = SUB_EVENT_PARENT[guess.label], guess.label
        for name in ("event_type", "sub_event_type"):
            mention.evidence.pop(name, None)
            mention.cite(name, *(state.evidence(s, e) for s, e in frame.spans))
        frame.specific = True
        frame.type_score = guess.probability


@component("corefer")
def corefer() -> object:
    def run(state: DocState) -> None:
        clusters: list[Frame] = []
        # specific frames first, so generic mentions join a typed event rather than seed one
        for frame in sorted(state.frames, key=lambda f: (not f.specific, f.spans[0][0])):
            best, best_score = None, 0.0
            for cluster in clusters:
                score = link(state, cluster, frame)
                if score is not None and score > best_score:
                    best, best_score = cluster, score
            if best is not None and (best_score >= 1 or not frame.specific):
                absorb(best, frame)
            else:
                clusters.append(frame)
        clusters = [c for c in clusters if c.specific or c.mention.actor1 or c.mention.event_date]
        for frame in clusters:
            order = sorted(range(len(frame.spans)), key=lambda i: frame.spans[i][0])
            frame.sentences = [frame.sentences[i] for i in order]
            frame.spans = [frame.spans[i] for i in order]
            default_date(state, frame)
        retype(state, clusters)
        state.frames = sorted(clusters, key=lambda f: f.spans[0][0])

    return run
