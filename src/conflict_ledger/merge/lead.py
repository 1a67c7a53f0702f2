"""What a report's lead says happened: who acted (a named agent) and what they did (the main verb).

A news lead (the title and the first sentence) names the happening's doer and its act. Two
happenings of one kind can share every name and topic word (a rule issued, then the same rule
reversed by a later government) and still differ in who acts and how. spaCy's parse and entity
recogniser read the main clause: the subject with its name modifiers ("the Bush administration",
"President Barack Obama"), resolved through the project's actor aliases ("ISIL" is "Islamic
State"), and the main verb, stemmed, with its particle or negation ("rushes out", "did not
sign"). A reporting verb ("said", "announced") hands over to the clause it reports.

Two reports whose leads name different agents of the same kind (two people, two organisations)
doing different things are a conflicting particular; one agent doing the same thing in both
leads is a shared one. An agent of another kind (a team and its player, a ministry and its
minister) or an unnamed one ("protesters") says nothing either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .profile import TOKEN as WORD
from .profile import stem

AGENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
NAME_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "flat"})
REPORTING = frozenset(stem(w) for w in """say said says tell told report reported announce announced state stated
    claim claimed add added confirm confirmed""".split())  # noqa: SIM905
LIGHT = frozenset(stem(w) for w in "be is was were are been have has had do does did".split())  # noqa: SIM905
LEAD_CHARS = 400  # the first sentence of a report is within this; the parse needs no more
BATCH = 64


@dataclass(frozen=True)
class Act:
    """One lead clause: the named agent's kind and words (empty when unnamed) and the act's verb."""

    kind: str | None
    agent: frozenset[str]
    verb: str


def clause_act(root: Any, common: frozenset[str] = frozenset(), depth: int = 0) -> Act | None:
    """The act of a clause headed by `root` (a spaCy token); a reported clause for a reporting verb.

    `common` are the words the report also writes in lower case: in a capitalised headline they
    are not names ("Chemical Weapons"), so they never make an agent.
    """
    if root.pos_ not in ("VERB", "AUX") or depth > 2:
        return None
    verb = stem(root.text.lower())
    if verb in REPORTING or verb in LIGHT:
        for child in root.children:
            if child.dep_ in ("ccomp", "xcomp"):
                found = clause_act(child, common, depth + 1)
                if found:
                    return found
        return None
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    if subject is not None and subject.dep_ == "nsubjpass":  # "was overturned by X": X acted
        subject = next((g for c in root.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                       None)
    kind, agent = None, frozenset()
    if subject is not None:
        named = [t for t in subject.subtree if t.i <= subject.i and (t == subject or t.dep_ in NAME_MODIFIERS)
                 and t.ent_type_ in AGENT_LABELS and t.text.lower() not in common]
        if named:
            agent, kind = agent_words(" ".join(t.text for t in named)), named[-1].ent_type_
    particles = [c.text.lower() for c in root.children if c.dep_ in ("prt", "neg")]
    return Act(kind, agent, " ".join([verb, *particles]))


def agent_words(phrase: str) -> frozenset[str]:
    """An agent's words, by its canonical actor name when the alias table knows it; dots dropped."""
    from ..resolve.actors import canonical_actor

    actor = canonical_actor(phrase)
    words = (actor.name if actor else phrase).split()
    return frozenset(stem(w.lower().replace(".", "")) for w in words if w.replace(".", ""))


def lower_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case."""
    return frozenset(w for w in WORD.findall(text) if w[0].islower())


def lead_pieces(title: str | None, text: str) -> list[str]:
    """The parts of a report's lead: its title (when it has one) and the start of its text."""
    return [piece for piece in ((title or "").strip(), text.strip()[:LEAD_CHARS]) if piece]


def lead_acts(leads: Iterable[tuple[str | None, str]]) -> Iterator[list[Act]]:
    """The acts of each (title, text) lead, in order: the main clause of each piece's first sentence."""
    from ..extract.nlp import is_all_caps, load_nlp, truecase

    leads = list(leads)
    if not leads:
        return
    nlp = load_nlp()

    def pieces() -> Iterator[tuple[str, int]]:
        for n, (title, text) in enumerate(leads):
            for piece in lead_pieces(title, text):
                yield (truecase(piece) if is_all_caps(piece) else piece), n

    common = [lower_words(text) for _, text in leads]
    found: list[list[Act]] = [[] for _ in leads]
    for doc, n in nlp.pipe(pieces(), as_tuples=True, batch_size=BATCH):
        sentence = next(iter(doc.sents), None)
        act = clause_act(sentence.root, common[n]) if sentence is not None else None
        if act:
            found[n].append(act)
    yield from found


def relation(a: list[Act], b: list[Act]) -> int:
    """+1 when one named agent does the same in both leads, -1 when the leads conflict, else 0.

    Conflict: both leads name agents, some of one kind in both, with no word in common, and no
    verb is shared.
    """
    if any(x.verb == y.verb and x.agent & y.agent for x in a for y in b):
        return 1
    named_a, named_b = [x for x in a if x.agent], [y for y in b if y.agent]
    if not named_a or not named_b:
        return 0
    if any(x.agent & y.agent for x in named_a for y in named_b):
        return 0
    if not any(x.kind == y.kind for x in named_a for y in named_b):
        return 0
    if {x.verb for x in a} & {y.verb for y in b}:
        return 0
    return -1
