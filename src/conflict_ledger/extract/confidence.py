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


@component("confidence")
def confidence() -> object:
    def run(state: DocState) -> None:
        for frame in state.frames:
            frame.mention.confidence = score(frame)

    return run
