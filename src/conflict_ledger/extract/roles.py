"""Who did it to whom: actor1 (the attacker) and actor2 (the target) of each event.

Roles come from the parse around the event's cue: the subject (or the "by" agent of a
passive) is actor1; the object, or what follows "against/on/at/targeting", is actor2.
Names are folded to one canonical name per actor by resolve.actors.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..resolve.actors import Actor, actors, canonical_actor
from .pipeline import DocState, Frame, component

_SUBJECT_DEPS = {"nsubj", "csubj"}
_PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
_TARGET_PREPS = {"against", "on", "at", "targeting", "upon", "toward", "towards"}
_US_FORCES = re.compile(
    r"\b(?:U\.S\.|US|American|United States)(?:\s+(?:and|,)\s+(?:coalition|Coalition|allied|international))?"
    r"(?:\s+(?:military|Army|Navy|Air Force|Marine|special operations|service|armed))?\s+"
    r"(?:troops|forces|personnel|service ?members|soldiers|military|base|bases|positions|servicemen|sailors|Marines|gunship|aircraft|warplanes|jets|drones?)\b",
)
_US_MILITARY = re.compile(r"\b(?:U\.S\.|US) (?:military|Army|Air Force|Navy|Central Command)\b|\bCENTCOM\b|\bthe Pentagon\b")


@lru_cache(maxsize=1)
def _alias_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, Actor], dict[str, Actor]]:
    """Two compiled alternations over every alias (short all-caps ones match case-sensitively), longest first."""
    exact: dict[str, Actor] = {}
    folded: dict[str, Actor] = {}
    for actor in actors():
        for alias in (actor.name, *actor.aliases):
            if alias.isupper() and len(alias) <= 4:
                exact.setdefault(alias, actor)
            else:
                folded.setdefault(alias.lower(), actor)

    def alternation(names: list[str], flags: int) -> re.Pattern[str]:
        body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", flags)

    return alternation(list(exact), 0), alternation(list(folded), re.IGNORECASE), exact, folded


def actors_in(text: str) -> list[tuple[int, Actor]]:
    """Actors named in `text` with their positions, longest alias first, no overlaps."""
    exact_rx, folded_rx, exact, folded = _alias_patterns()
    hits: list[tuple[int, int, Actor]] = []
    for m in exact_rx.finditer(text):
        hits.append((m.start(), m.end(), exact[m.group()]))
    for m in folded_rx.finditer(text):
        hits.append((m.start(), m.end(), folded[m.group().lower()]))
    us = canonical_actor("U.S. forces")
    for m in _US_FORCES.finditer(text):
        hits.append((m.start(), m.end(), us))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, Actor]] = []
    last_end = -1
    for start, end, actor in hits:
        if start >= last_end:
            out.append((start, actor))
            last_end = end
    return out


def _token_at(sentence_span: Any, char: int) -> Any:
    for token in sentence_span:
        if token.idx <= char < token.idx + len(token.text) + 1:
            return token
    return sentence_span.root


def _subtree_text(token: Any) -> tuple[int, int]:
    tokens = list(token.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def role_spans(frame: Frame, state: DocState) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Document spans where actor1 and actor2 of the frame's first clause are named."""
    sentence, c_start, c_end = frame.clauses()[0]
    cue_char = frame.trigger.start - sentence.offset
    token = _token_at(sentence.span, cue_char)
    verb = token
    hops = 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb and hops < 4:
        verb = verb.head
        hops += 1
    agents: list[Any] = []
    targets: list[Any] = []
    for anchor in {verb, token}:
        for child in anchor.children:
            if child.dep_ in _SUBJECT_DEPS:
                agents.append(child)
            elif child.dep_ in _PASSIVE_SUBJECT_DEPS:
                targets.append(child)
            elif child.dep_ == "agent":
                agents.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ in ("dobj", "obj"):
                targets.append(child)
            elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                targets.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ == "by" and anchor is token:
                agents.extend(c for c in child.children if c.dep_ == "pobj")

    def spans(tokens: list[Any]) -> list[tuple[int, int]]:
        out = []
        for t in tokens:
            s, e = _subtree_text(t)
            s, e = sentence.offset + s, sentence.offset + e
            s, e = max(s, c_start), min(e, c_end)
            if e > s:
                out.append((s, e))
        return out

    return spans(agents), spans(targets)


def assign_actors(state: DocState, frame: Frame) -> None:
    mention = frame.mention
    agent_spans, target_spans = role_spans(frame, state)

    def first_actor(spans: list[tuple[int, int]], exclude: str | None = None) -> tuple[Actor, int, int] | None:
        for start, end in spans:
            for pos, actor in actors_in(state.text[start:end]):
                if actor.name != exclude:
                    return actor, start + pos, end
        return None

    a1 = first_actor(agent_spans)
    a2 = first_actor(target_spans, exclude=a1[0].name if a1 else None)
    if a1 is None or a2 is None:
        # no parse role: fall back to order in the clause (attacker usually named first)
        _, c_start, c_end = frame.clauses()[0]
        named = actors_in(state.text[c_start:c_end])
        if a1 is None:
            for pos, actor in named:
                if a2 is None or actor.name != a2[0].name:
                    if "us_forces" in actor.kinds and _US_FORCES.search(state.text[c_start + pos : c_end]) and a2 is None \
                            and len(named) > 1:
                        continue  # "attacked U.S. troops": U.S. forces named first are the target
                    a1 = (actor, c_start + pos, c_start + pos)
                    break
        if a2 is None:
            for pos, actor in named:
                if a1 is None or actor.name != a1[0].name:
                    a2 = (actor, c_start + pos, c_start + pos)
                    break
    if a1 is not None:
        mention.actor1 = a1[0].name
        mention.cite("actor1", _actor_evidence(state, a1))
    if a2 is not None:
        mention.actor2 = a2[0].name
        mention.cite("actor2", _actor_evidence(state, a2))
    # "U.S. and coalition forces": coalition is associated with the U.S. target
    if mention.actor2 == "U.S. forces":
        clause = state.text[frame.spans[0][0] : frame.spans[0][1]]
        coalition = re.search(r"\bcoalition\b", clause, re.IGNORECASE)
        if coalition:
            mention.assoc_actor_2 = "Coalition forces"
            mention.cite("assoc_actor_2", state.evidence(frame.spans[0][0] + coalition.start(),
                                                          frame.spans[0][0] + coalition.end()))


def _actor_evidence(state: DocState, hit: tuple[Actor, int, int]) -> Any:
    actor, start, _ = hit
    text = state.text
    # the alias as written, up to the end of the word group
    m = re.match(r"[\w'’.-]+(?:[ -][\w'’.-]+){0,5}", text[start:])
    end = start + (m.end() if m else 1)
    for alias in sorted((actor.name, *actor.aliases), key=len, reverse=True):
        if text[start : start + len(alias)].lower() == alias.lower():
            end = start + len(alias)
            break
    return state.evidence(start, end)


@component("actors")
def assign_roles() -> object:
    def run(state: DocState) -> None:
        for frame in state.frames:
            assign_actors(state, frame)

    return run


# ---- who claimed it, or was blamed: the attacker when the event sentence leaves it unnamed
_WHO = r"(?P<who>(?:the\s+)?[\w'’().-]+(?:[ -][\w'’().-]+){0,9}?)"
_STOP = r"(?=\s*(?:[,;:.\"“”]|$|\s+(?:for|on|after|and said|which|who|because|stating|saying|claiming|as)\b))"
_RESPONSIBILITY = [
    re.compile(_WHO + r"\s+(?:has\s+|have\s+|had\s+|later\s+|also\s+|reportedly\s+)*(?:claimed|claims|claiming|"
               r"accepted|admitted)\s+(?:the\s+)?responsibility", re.IGNORECASE),
    re.compile(r"\bresponsibility\b[^.;]{0,80}?\b(?:was|has been|had been)\s+claimed\s+by\s+" + _WHO + _STOP, re.IGNORECASE),
    re.compile(r"\b(?:attributed|blamed|pinned)\b[^.;]{0,60}?\b(?:on|to)\s+" + _WHO + _STOP, re.IGNORECASE),
    re.compile(r"\b(?:suspected|suspect|suspects|accused|blamed)\s+(?:that\s+)?(?:the\s+)?(?:involvement\s+of\s+)?"
               + _WHO + _STOP, re.IGNORECASE),
    re.compile(_WHO + r"\s+(?:was|were|is|are)\s+(?:suspected|believed|thought|said)\s+(?:to\s+(?:be|have been)\s+)?"
               r"(?:responsible|behind)", re.IGNORECASE),
]
_RESPONSIBILITY_WORDS = re.compile(r"responsib|attribut|blam|pinned|suspect|accus|behind", re.IGNORECASE)
_NOBODY = re.compile(r"^(?:no|none|nobody|no one|not|neither)\b", re.IGNORECASE)
_VAGUE_WHO = re.compile(r"^(?:the\s+)?(?:group|groups|attack|attacks|incident|incidents|sources|police|officials|"
                        r"authorities|it|they|he|she|this|that|them|someone|involvement)$", re.IGNORECASE)


def claimed_actor(text: str) -> tuple[str, int, int] | None:
    """(actor, start, end) named as responsible in `text` ("X claimed responsibility", "attributed to X")."""
    if not _RESPONSIBILITY_WORDS.search(text):
        return None
    for pattern in _RESPONSIBILITY:
        for m in pattern.finditer(text):
            who = m.group("who")
            start = m.start("who")
            # the claimant is the last noun phrase before the verb: trim words up to a clause break
            cut = max(who.rfind(","), who.rfind(";"), who.lower().rfind(" however "))
            if cut >= 0:
                start += cut + 1
                who = who[cut + 1 :]
            who = who.strip()
            start = m.start("who") + m.group("who").find(who) if who else start
            if not who or _NOBODY.match(who) or _VAGUE_WHO.match(who):
                continue
            named = actors_in(who)
            if named:
                pos, actor = named[0]
                if "unidentified_armed_group" in actor.kinds:
                    continue
                return actor.name, start + pos, start + len(who)
            words = who.split()
            if any(w[:1].isupper() for w in words if w.lower() not in ("the", "of", "and", "in")):
                name = re.sub(r"^(?:the|an?)\s+", "", who, flags=re.IGNORECASE).strip(" .")
                return name, start, start + len(who)
    return None


@component("responsibility")
def assign_responsibility() -> object:
    """A claim of responsibility or an attribution names the attacker the event sentence left unnamed."""

    def run(state: DocState) -> None:
        claims = []
        for sentence in state.sentences:
            found = claimed_actor(state.text[sentence.start : sentence.end])
            if found:
                name, start, end = found
                claims.append((name, state.evidence(sentence.start + start, sentence.start + end)))
        if not claims:
            return
        for frame in state.frames:
            mention = frame.mention
            known = canonical_actor(mention.actor1) if mention.actor1 else None
            if mention.actor1 is not None and not (known and "unidentified_armed_group" in known.kinds):
                continue
            # the claim nearest after the event's first sentence, else the last one before it
            first = frame.spans[0][0]
            after = [c for c in claims if c[1].start >= first]
            name, evidence = (after or claims)[0] if after else claims[-1]
            if name == mention.actor2:
                continue
            mention.actor1 = name
            mention.evidence.pop("actor1", None)
            mention.cite("actor1", evidence)

    return run
