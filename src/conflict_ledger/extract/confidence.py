"""How much to trust an extracted event: more for every field the text states outright."""

from __future__ import annotations

from .pipeline import DocState, component


def score(frame) -> float:
    m = frame.mention
    value = 0.3
    value += 0.15 if m.sub_event_type else 0.0
    value += 0.15 if "event_date" in m.evidence else 0.0
    value += 0.15 if m.geo_precision in (1, 2) else (0.05 if m.country else 0.0)
    value += 0.1 if m.actor1 else 0.0
    value += 0.05 if m.sources else 0.0
    value += min(0.1, 0.05 * (len(frame.spans) - 1))
    return round(min(value, 0.95), 3)


def specifics(frame) -> int:
    """How many of the things an incident report states outright this event has: date, place, actor, toll."""
    m = frame.mention
    return sum((
        "event_date" in m.evidence,
        m.geo_precision in (1, 2),
        bool(m.actor1),
        m.fatalities_high is not None or m.injuries_high is not None,
    ))


SPECIFICS_MIN = 2  # in a long report, an event told with fewer is a passing mention, not an incident


@component("incidents")
def incidents() -> object:
    """A long report (a speech, an interview, a review of the war) mentions many happenings in passing;
    the incidents it reports are told with specifics. Brief reports are one incident each and keep theirs."""
    from .events import is_brief

    def run(state: DocState) -> None:
        if not is_brief(state):
            state.frames = [frame for frame in state.frames if specifics(frame) >= SPECIFICS_MIN]

    return run


@component("confidence")
def confidence() -> object:
    def run(state: DocState) -> None:
        for frame in state.frames:
            frame.mention.confidence = score(frame)

    return run
