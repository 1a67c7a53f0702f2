"""Who did it to whom: actor1 (the attacker) and actor2 (the target) of each event.

Roles come from the parse around the event's cue: the subject (or the "by" agent of a
passive) is actor1; the object, or what follows "against/on/at/targeting", is actor2.
Names are folded to one canonical name per actor by resolve.actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ..model import EventMention
from ..resolve.actors import (
    CATEGORY_KINDS,
    Actor,
    actors,
    canonical_actor,
    capital_forces,
    country_forces,
    state_force_hits,
)
from ..resolve.dates import WEEKDAY_NAMES
from .events import _TERRITORY_TYPES
from .pipeline import DocState, Frame, Sentence, component

_SUBJECT_DEPS = {"nsubj", "csubj"}
_PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
_TARGET_PREPS = {"against", "on", "at", "targeting", "upon", "toward", "towards"}
_US_FORCES = re.compile(
    r"\b(?:U\.S\.|US|American|United States)(?:\s+(?:and|,)\s+(?:coalition|Coalition|allied|international))?"
    r"(?:\s+(?:military|Army|Navy|Air Force|Marine|special operations|service|armed))?(?:\s+[A-Z]{1,3}-\d{1,3}[A-Z]?s?)?\s+"
    r"(?:troops|forces|personnel|service ?members|soldiers|military|base|bases|positions|servicemen|sailors|Marines|gunship|aircraft|warplanes|jets|drones?|"
    r"(?:air ?)?strikes?|airstrikes?|raids?|bombers?|fighter jets?|outposts?|garrisons?|destroyers?|warships?|"
    r"(?:aircraft )?carriers?|frigates?|cruisers?|(?:navy )?(?:ships?|vessels?))\b"
    # a U.S. Navy ship by its name: "the USS Carney", "USS Dwight D. Eisenhower"
    r"|\bUSS\s+[A-Z][\w-]*(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w-]*)?"
    # the country as the one acting: "The U.S. killed multiple militants", "the United States struck"
    r"|\b(?:the\s+)?(?:U\.S\.|United States)(?=\s+(?:on\s+" + WEEKDAY_NAMES + r"\s+|overnight\s+)?"
    r"(?:then\s+|also\s+|later\s+)?(?:killed|struck|hit|bombed|launched|carried out|conducted|attacked|targeted|"
    r"retaliated|responded)\b)",
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
        # not inside a longer word or compound ("Iran-backed"), except the group's own ground ("Houthi-held"),
        # which `clause_parties` keeps only where a launch is told from it
        return re.compile(r"(?<![\w-])(?:" + body + r")(?!\w)(?!-(?!(?:held|controlled)\b))", flags)

    return alternation(list(exact), 0), alternation(list(folded), re.IGNORECASE), exact, folded


# "militant groups backed by Iran", "Iran-aligned Iraqi factions", "pro-Iran fighters": one family, however worded
_IRAN_BACKED = re.compile(
    r"\b(?:(?:pro-Iran(?:ian)?|Iran(?:ian)?[- ](?:backed|aligned|linked|funded|sponsored|allied|supported))"
    r"(?:\s+[A-Za-z]+){0,2}?\s+(?:militias?|militants?|militant groups?|armed groups?|groups?|factions?|fighters|"
    r"proxies|proxy groups|forces)"
    r"|(?:militias?|militants?|militant groups?|armed groups?|groups?|factions?|fighters|proxies)"
    r"(?:\s+[A-Za-z]+){0,2}?\s+(?:backed|aligned|linked|funded|sponsored|allied|supported)\s+(?:by|with)\s+"
    r"(?:Iran|Tehran))\b",
    re.IGNORECASE,
)


# short aliases that are also English words; matched case-sensitively, they are safe except in all-caps copy
_WORD_ALIASES = {"IS", "AS", "IT", "AN", "ON", "OR", "AT", "IN", "BY", "TO", "NO", "SO", "WE", "US"}


def _in_capitals(text: str, start: int, end: int) -> bool:
    letters = [c for c in text[max(0, start - 30) : end + 30] if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.9 * len(letters)


def actor_hits(text: str) -> list[tuple[int, int, Actor]]:
    """(start, end, actor) for each actor named in `text`, longest name first, no overlaps."""
    exact_rx, folded_rx, exact, folded = _alias_patterns()
    hits: list[tuple[int, int, Actor]] = []
    for m in exact_rx.finditer(text):
        if m.group() in _WORD_ALIASES and _in_capitals(text, m.start(), m.end()):
            continue  # "THE ATTACK IS ...": in all-caps copy the word is not the group
        hits.append((m.start(), m.end(), exact[m.group()]))
    for m in folded_rx.finditer(text):
        hits.append((m.start(), m.end(), folded[m.group().lower()]))
    aliased = len(hits)  # the hits so far name the table's groups by one of their aliases
    us = canonical_actor("U.S. forces")
    for m in _US_FORCES.finditer(text):
        hits.append((m.start(), m.end(), us))
    hits += state_force_hits(text)  # "Malian soldiers", "Sudan's army": any country's forces, after the table's names
    if "ran" in text:
        militia = canonical_actor("Iran-backed militia")
        for m in _IRAN_BACKED.finditer(text):
            # "Iranian-backed Houthi militants": the Houthis
            if not any(m.start() < start < m.end() for start, _end, _actor in hits[:aliased]):
                hits.append((m.start(), m.end(), militia))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, Actor]] = []
    last_end = -1
    for start, end, actor in hits:
        if start >= last_end:
            out.append((start, end, actor))
            last_end = end
    return out


def actors_in(text: str) -> list[tuple[int, Actor]]:
    """Actors named in `text` with their positions, longest alias first, no overlaps."""
    return [(start, actor) for start, _end, actor in actor_hits(text)]


def _token_at(sentence_span: Any, char: int) -> Any:
    for token in sentence_span:
        if token.idx <= char < token.idx + len(token.text) + 1:
            return token
    return sentence_span.root


# ---- who is who in a clause: each named party's role, read from the parse
_SPEECH_VERBS = {"said", "says", "say", "told", "tells", "announced", "confirmed", "stated", "added", "reported",
                 "posted", "tweeted", "acknowledged", "described", "identified", "named", "put", "cautioned",
                 "warned", "noted", "explained", "insisted", "denied", "disclosed", "revealed", "mourned", "condemned",
                 "urged", "estimated", "counted", "gave", "quoted", "called", "rejected", "dated"}
# verbs whose subject stopped the weapon: the subject is the side attacked, not the attacker
_DEFENCE_VERBS = {"engaged", "intercepted", "downed", "repelled", "repulsed", "thwarted", "foiled", "shot", "defused",
                  "destroyed", "disabled", "jammed"}
_WEAPON_NOUNS = re.compile(r"^(?:drones?|missiles?|rockets?|projectiles?|mortars?|shells?|bombs?|uavs?|rounds?)$", re.I)
_ATTACK_VERBS = re.compile(
    r"^(?:attack|strik|struck|hit|fir(?:e|ed|ing)|launch|target|kill|bomb|shell|shoot|shot|ambush|raid|wound|injur|"
    r"assault|storm|kidnap|abduct|seiz|captur|arrest|detain|clash|fight|fought|blew|detonat|execut|murder|massacr|"
    r"behead|torch|burn|loot|overr|recaptur|retook|retak|besieg|pound|bombard|rain|hurl|lob|throw|threw|carr|conduct|"
    r"open|engag|slay|slew|assassinat|stab|gun|torture|rap|abus|beat|attempt|hurt|neutrali[sz]|repel|repuls|martyr|"
    r"regain|liberat|reclaim|foil|thwart|defus|destroy|damag)",
    re.IGNORECASE,
)
# a bomb's doer told by what it did to the bomb: "an IED blast triggered by Maoists", "a mine planted by the rebels"
_BOMB_SETTING = {"triggered", "planted", "placed", "laid", "set", "hidden", "concealed"}
_BLAME_VERBS = {"blamed", "blames", "blame", "blaming", "accused", "accuses", "accusing", "held", "holds", "suspected", "suspect",
                "suspects"}
_CLAIM_VERBS = {"claimed", "claims", "claim", "claiming"}
# the verbs that lay an act at a side's door through a preposition: "blamed on X", "attributed to X"
_PINNED_ON = {"blamed", "blames", "blaming", "pinned", "attributed", "attributes", "attributing"}
# the words for those who attacked, or any armed side's men: "the assailants", "the militants"
ATTACKERS = re.compile(r"\b(?:assailants?|attackers?|gunm[ae]n|militants?|bombers?|insurgents?|terrorists?|"
                       r"jihadists?|fighters?|rebels?|militiam[ae]n|militia members|guerrillas?|bandits)\b", re.IGNORECASE)
# nouns that name a violent happening: a party that modifies one ("a U.S. strike", "militia attacks") did it
_EVENT_NOUNS = re.compile(
    r"^(?:attacks?|strikes?|airstrikes?|air-?raids?|raids?|bombings?|assaults?|ambush(?:es)?|shelling|barrages?|"
    r"offensives?|operations?|responses?|retaliation|fire|salvos?|counterattacks?|incursions?|offensive|campaign|"
    r"onslaught|aggression|killing|killings|massacres?|crackdown|encounters?|gunfights?|firefights?|gun-?battles?)$",
    re.IGNORECASE,
)
# carriers of a weapon: "a U.S. gunship struck", "Israeli warplanes bombed" (the carrier's owner acts)
_CARRIER_NOUNS = re.compile(
    r"^(?:drones?|gunships?|jets?|warplanes?|planes?|aircraft|bombers?|helicopters?|fighters?|missiles?|rockets?|"
    r"artillery|tanks?|ships?|warships?|destroyers?|troops|forces|units?|soldiers|ac-130|f-1[56]s?|b-1s?|mq-9s?)$",
    re.IGNORECASE,
)
# "used by X", "belonging to X": X owns the thing the clause is about, it does not act
_OWNING_WORDS = {"used", "operated", "run", "controlled", "held", "owned", "manned", "occupied", "belonging",
                 "linked", "affiliated", "associated", "tied", "frequented", "housing"}
_HARM_NOUNS = re.compile(r"^(?:injuries|wounds|casualties|deaths|dead|wounded|fatalities|losses)$", re.IGNORECASE)
_TARGET_PREPS_ALL = _TARGET_PREPS | {"into", "among", "against"}
_LEADING_WORDS = {"led", "headed", "commanded", "spearheaded"}
_TAKING_VERBS = re.compile(r"^(?:retak|retook|recaptur|captur|seiz|wrest|liberat|took$|taken$|taking$)")
_PLACE_PREPS = {"in", "inside", "near", "outside", "at", "within", "around", "across", "from", "along", "behind"}


_THE_ATTACKER = re.compile(r"(?i:he|him|she|her|they|them|the (?:gunm[ae]n|attackers?|assailants?|driver|suicide bomber|"
                           r"bomber|suspects?|shooter))")


def _stopped_the_attacker(verb: Any, dep: str) -> bool:
    """Whether `verb` tells, in a clause of time after the main one, what was done to the attacker ("killing 14
    people before he was shot dead by police", "... until police shot him"): those who did it answered the attack."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in ("before", "until", "after", "when")
                                       for c in verb.children):
        return False
    return any(c.dep_ == dep and _THE_ATTACKER.fullmatch(" ".join(t.text for t in c.subtree)) for c in verb.children)


def role_of(token: Any) -> str:
    """The part a named party plays in the happening its clause tells.

    agent: did it (subject of an attack verb, "by" agent, owner of a strike: "a U.S. strike");
    patient: had it done to them (object, passive subject, "on/against" target, defender of a
    weapon: "U.S. forces engaged the drones"); owner: owns what was hit ("a depot used by X");
    speaker: only says so; place: where it was
    ("inside a PMF base"); responder: stopped the attacker afterwards ("before he was shot dead by police");
    subject/object: subject or object of some other verb; other.
    """
    if _launched_from_its_ground(token):
        return "agent"
    side = _side_of_a_fight(token)
    if side is not None:
        return "agent" if side == 1 else "patient"  # "fighting between the army and the RSF": first named, first
    node = token
    for _ in range(12):
        head = node.head
        if node.pos_ in ("NOUN", "PROPN") and _misread_as_done_to(node):
            return "agent"
        if head.i == node.i:
            if node.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "acl" and c.tag_ == "VBN" and _ATTACK_VERBS.match(c.lower_)
                                                      for c in node.children):
                return "patient"  # a headline's "Three U.S. soldiers killed in drone attack"
            return "other"
        dep = node.dep_
        if dep in ("compound", "amod", "poss", "nmod", "npadvmod") and head.pos_ in ("NOUN", "PROPN"):
            if _EVENT_NOUNS.match(head.text) and not (head.dep_ == "compound" and _WEAPON_NOUNS.match(head.head.text)):
                return "agent"  # "a U.S. strike" (not "a Houthi land attack cruise missile": a weapon's kind)
            node = head
            continue
        if dep == "pobj":
            prep = head.lower_
            if prep in ("to", "with") and head.head.lower_ in _OWNING_WORDS \
                    and (men := _armed_men_tied(head.head)) is not None:
                if men.dep_ == "nsubj":
                    return "agent"  # (the participle read as the main verb, the ambush hung under it)
                node = men  # "Insurgents linked to the Islamic State ambushed a convoy": its men
                continue
            if prep == "to" and head.head.lower_ in _OWNING_WORDS or prep == "by" and head.head.lower_ in _OWNING_WORDS:
                return "owner"  # "facilities belonging to X", "a depot used by X": what was hit is X's
            if prep == "to" and (_HARM_NOUNS.match(head.head.text) or any(
                    c.dep_ == "dobj" and _HARM_NOUNS.match(c.text) for c in head.head.children)):
                return "patient"  # "causing minor injuries to 20 U.S. personnel" (the "to" on the noun or the verb)
            if prep in ("on", "to") and head.head.lower_ in _PINNED_ON \
                    and any(c.dep_ == "nsubjpass" for c in head.head.children):
                # "a grenade thrown into a market was blamed on CODECO militiamen": the act itself, told as laid at
                # their door (an active "sources attributed the attack to X" is the responsibility finder's)
                return "agent"
            if prep in _TARGET_PREPS_ALL:
                owner = head.head
                if _HARM_NOUNS.match(owner.text):
                    return "patient"  # "injuries among U.S. personnel"
                if owner.pos_ in ("NOUN", "PROPN") and not (_EVENT_NOUNS.match(owner.text) or _CARRIER_NOUNS.match(owner.text)
                                                            or _WEAPON_NOUNS.match(owner.text)):
                    return "oblique"  # "the coalition against the Islamic State group": no happening
                return "patient"
            if prep == "to" and head.head.lower_ == "loyal" and head.head.head.pos_ in ("NOUN", "PROPN"):
                node = head.head.head  # "Forces loyal to the Libyan National Army clashed ...": they are its forces
                continue
            if prep == "by":
                owner = head.head
                if owner.lower_ in _LEADING_WORDS and owner.dep_ == "acl":
                    node = owner.head  # "rebels led by HTS captured ...": the leader plays the part of those it led
                    continue
                if _defends_against_a_weapon(owner):
                    return "patient"  # "a missile ... was shot down by a U.S. jet": the target's defender
                if _stopped_the_attacker(owner, "nsubjpass"):
                    return "responder"  # "... before he was shot dead by police": who stopped the attacker, not who attacked
                if _ATTACK_VERBS.match(owner.lower_) or _EVENT_NOUNS.match(owner.text) or owner.lower_ in _CLAIM_VERBS \
                        or owner.lower_ in _BOMB_SETTING:
                    return "agent"
                return "oblique"
            if prep == "to" and head.head.lower_ == "according":
                return "speaker"
            if prep == "with" and (_ATTACK_VERBS.match(head.head.lower_) or _EVENT_NOUNS.match(head.head.text)):
                fight = head.head
                harmed = fight.head.head
                if fight.dep_ == "pobj" and fight.head.lower_ == "in" and harmed.tag_ == "VBN" \
                        and _ATTACK_VERBS.match(harmed.lower_) and not any(
                            c.dep_ == "nsubjpass" and ATTACKERS.fullmatch(c.text) for c in harmed.children):
                    # "soldiers were killed in a clash with X": the side the victims fought did it (but gunmen who
                    # died fighting the guards of what they attacked met those who fought them off)
                    return "agent"
                return "patient"  # "clashed with X", "a gun battle with X"
            taking = head.head.head if head.head.dep_ == "dobj" else head.head
            if prep == "from" and _TAKING_VERBS.match(taking.lower_):
                return "patient"  # "the army retook the headquarters from the RSF": the side that lost it
            if prep == "of" or prep == "from" and (ATTACKERS.fullmatch(head.head.text) or head.head.lower_ == "members"):
                node = head.head  # "Fighters of the M23", "Militants from the Baloch Liberation Army stormed ..."
                continue
            if prep in _PLACE_PREPS and node.lower_ in ("base", "bases", "outpost", "camp", "compound", "facility",
                                                        "facilities", "site", "sites", "headquarters", "positions",
                                                        "position", "checkpoint", "garrison", "post"):
                return "place"
            return "oblique"
        if dep == "agent":
            return "owner" if head.lower_ in _OWNING_WORDS else "agent"
        if head.pos_ in ("VERB", "AUX") or dep in ("nsubj", "nsubjpass", "dobj"):
            verb = head.lower_
            if dep in ("nsubj", "csubj"):
                if verb in _SPEECH_VERBS or verb in _CLAIM_VERBS and not _has_event_object(head):
                    return "speaker"
                if _fended_off(head):
                    return "patient"  # "U.S. forces engaged the drones", "police repelled an attack by gang members"
                if _came_under(head):
                    return "patient"  # "U.S. troops at the Rumalyn Landing Zone came under rocket fire"
                if _CARRIER_NOUNS.match(node.text) and node is not token and head.pos_ == "VERB":
                    return "agent" if _ATTACK_VERBS.match(verb) or verb in _CLAIM_VERBS else "subject"
                if _ATTACK_VERBS.match(verb) or verb in _CLAIM_VERBS:
                    return "responder" if _stopped_the_attacker(head, "dobj") else "agent"
                return "agent" if _own_act_after(head) else "subject"
            if dep in ("nsubjpass", "csubjpass"):
                # ... or whose harm is told: "U.S. personnel are being evaluated for brain injuries"
                return "patient" if _ATTACK_VERBS.match(verb) or any(
                    p.dep_ == "prep" and any(_HARM_NOUNS.match(o.text) for o in p.children) for p in head.children
                ) else "subject"
            if dep in ("dobj", "obj", "dative"):
                if verb in _BLAME_VERBS:
                    # ("Turkey blamed the PKK and launched air strikes": blamed for the act before, not this one)
                    return "oblique" if _own_act_after(head) else "agent"
                return "patient" if _ATTACK_VERBS.match(verb) else "object"
            if dep == "attr":
                return "other"
        if dep in ("appos", "conj", "acl", "relcl", "nummod", "quantmod", "det", "prep", "cc", "punct", "advmod"):
            node = head
            continue
        return "other"
    return "other"


def _armed_men_tied(tie: Any) -> Any:
    """The armed men a participle ties to a group ("insurgents linked to the Islamic State"), whether the parser
    hangs the participle on them or, in a long sentence, makes them its subject."""
    if tie.dep_ == "acl" and ATTACKERS.fullmatch(tie.head.text):
        return tie.head
    if tie.dep_ in ("ROOT", "ccomp") and any(c.dep_ == "advcl" and _ATTACK_VERBS.match(c.lower_) for c in tie.children):
        return next((c for c in tie.children if c.dep_ == "nsubj" and ATTACKERS.fullmatch(c.text)), None)
    return None


def depth_of(token: Any) -> int:
    """How deep a name sits below its clause's main verb: relative and subordinate clauses count,
    "fighters of the SDF" and "a U.S. drone strike" do not (the name is part of the phrase)."""
    depth = 0
    node = token
    for _ in range(20):
        if node.head.i == node.i:
            break
        if node.dep_ in ("relcl", "acl", "advcl", "xcomp", "ccomp", "pcomp", "conj") and node.pos_ in ("VERB", "AUX") \
                and not (node.lower_ in _OWNING_WORDS and _armed_men_tied(node) is not None):
            depth += 1  # (not the tie of armed men to their group: "insurgents linked to Islamic State" are its men)
        node = node.head
    return depth


def _own_act_after(verb: Any) -> Any:
    """The act a subject goes on to do in the same breath: "Turkey blamed the PKK and launched air strikes" (a
    verb of attack joined to this one, with no subject of its own)."""
    return next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and _ATTACK_VERBS.match(c.lower_)
                 and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)


def _has_event_object(verb: Any) -> bool:
    return any(c.dep_ in ("dobj", "obj") and (_EVENT_NOUNS.match(c.text) or c.lower_ == "responsibility")
               for c in verb.children)


def _misread_as_done_to(node: Any) -> bool:
    """"ADF rebels killed at least 42 villagers ..., leaders said", parsed as rebels who were killed: a participle
    that takes an object of its own is no passive, and the noun before it is its doer."""
    return any(c.dep_ == "acl" and c.i == node.i + 1 and _ATTACK_VERBS.match(c.lower_)
               and any(o.dep_ == "dobj" for o in c.children) for c in node.children)


def _launched_from_its_ground(token: Any) -> bool:
    """"A missile fired from Houthi-held parts of Yemen": the report puts the launch on the group's ground and
    so names the group as the one that fired (nothing here places the launch itself)."""
    held = token.head
    if token.dep_ not in ("npadvmod", "compound", "nmod") or held.lower_ not in ("held", "controlled", "run", "occupied"):
        return False
    ground = held.head
    prep = ground.head
    return ground.dep_ == "pobj" and prep.lower_ == "from" and bool(re.match(r"fir|launch", prep.head.lower_))


def _defends_against_a_weapon(verb: Any) -> bool:
    """A passive verb of defence whose subject is a weapon ("the missile was shot down", "drones ... were
    intercepted"): whoever did it defended the target."""
    if not (verb.lower_ in _DEFENCE_VERBS or verb.lower_ == "shot" and any(c.lower_ == "down" for c in verb.children)):
        return False
    for node in (verb, verb.head if verb.dep_ == "conj" else None):
        if node is not None and any(c.dep_ == "nsubjpass" and _WEAPON_NOUNS.match(c.text) for c in node.children):
            return True
    return False


_ATTACK_NOUNS = re.compile(r"^(?:attacks?|assaults?|raids?|offensives?|ambush(?:es)?|incursions?|infiltrations?)$", re.I)


def _fended_off(verb: Any) -> bool:
    """A defence verb whose object is the weapon or the attack itself ("engaged the drones", "repelled an attack"):
    its subject is the side attacked."""
    return verb.lower_ in _DEFENCE_VERBS and any(
        c.dep_ in ("dobj", "obj") and (_WEAPON_NOUNS.match(c.text) or _ATTACK_NOUNS.match(c.text)) for c in verb.children
    ) and not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)  # ("... with artillery fire": they fired)


@dataclass(frozen=True)
class Party:
    """A named actor in an event clause and the role the parse gives it there."""

    actor: Actor
    start: int  # document offsets of the name
    end: int
    role: str
    depth: int = 0  # clauses between the name and the sentence's main verb


# a past participle after its subject in a headline is a passive with its "were" left out; actives are in the
# present tense there ("Militants kill three soldiers")
_HEADLINE_PASSIVES = {"killed", "wounded", "injured", "hurt", "kidnapped", "abducted", "arrested", "detained", "shot",
                      "captured", "attacked", "targeted", "hit", "struck", "ambushed"}


def clause_parties(state: DocState, frame: Frame, index: int = 0) -> list[Party]:
    """Every actor named in the frame's `index`-th clause, with its role, in text order."""
    sentence, c_start, c_end = frame.clauses()[index]
    out = []
    for pos, end, actor in actor_hits(state.text[c_start:c_end]):
        token = _phrase_head(sentence.span, c_start + pos - sentence.offset, c_start + end - sentence.offset)
        if state.text.startswith("-", c_start + end) and not _launched_from_its_ground(token):
            continue  # "the Houthi-held port", "a Hamas-controlled ministry said": ground or owner, no party
        # a name that ends in the happening itself ("U.S. airstrikes", "U.S. raids") is the one who did it
        role = "agent" if _EVENT_NOUNS.match(token.text) else role_of(token)
        if role == "agent" and token.dep_ == "nsubj" and token.head.lower_ in _HEADLINE_PASSIVES \
                and not _EVENT_NOUNS.match(token.text) and not any(c.dep_ == "dobj" for c in token.head.children) \
                and state.in_headline(frame):
            role = "patient"  # headline grammar: "Three U.S. soldiers killed in drone attack" (were killed)
        out.append(Party(actor, c_start + pos, c_start + end, role, depth_of(token)))
    return out + _acting_countries(sentence, c_start, c_end, out)


def _acting_countries(sentence: Any, c_start: int, c_end: int, named: list[Party]) -> list[Party]:
    """A country that is the subject of a verb of attack ("Russia launched 38 missiles at Ukraine", "Israel
    struck Rafah") acts through its forces; as an object or a place ("drones hit Russia") it is no party."""
    out = []
    for ent in sentence.span.ents:
        # (a country the tagger took for an organisation or a person, "Azerbaijan launched ...", acts the same way)
        if ent.label_ != "GPE" and not (ent.label_ in ("ORG", "PERSON") and country_forces(ent.text) is not None):
            continue
        start, end = sentence.offset + ent.start_char, sentence.offset + ent.end_char
        if not (c_start <= start < c_end) or any(p.start < end and start < p.end for p in named):
            continue
        if sentence.span.doc.text[ent.end_char : ent.end_char + 1] == ":":
            continue  # "Niger: On 16 January, a roadside bomb ...": the label of a round-up's item, no party
        head = ent.root
        if not (_does_it(head) if head.dep_ == "nsubj" else head.dep_ == "pobj" and head.head.lower_ == "by"
                and _ATTACK_VERBS.match(head.head.head.lower_)):
            continue  # "... was shelled by Russia" and "Washington said it hit ..." did it; "at Ukraine" did not
        forces = country_forces(ent.text) or capital_forces(ent.text)
        if forces is not None:
            out.append(Party(forces, start, end, "agent", depth_of(head)))
    return out


def _phrase_head(sentence_span: Any, start: int, end: int) -> Any:
    """The token of a name that attaches it to the sentence (its head lies outside the name)."""
    inside = [t for t in sentence_span if start <= t.idx < end]
    for token in inside:
        if not (start <= token.head.idx < end) or token.head.i == token.i:
            return token
    return inside[0] if inside else _token_at(sentence_span, start)


_PRIORITY_A1 = ("agent", "subject")
# "oblique" ("attributed it to X", "the coalition against X") names no target: it is never actor2
_PRIORITY_A2 = ("patient", "owner", "place", "object")


def _pick(parties: list[Party], roles: tuple[str, ...], exclude: str | None = None) -> Party | None:
    """The party for the first of `roles` that has one; a named group beats a generic word in the same role."""
    for role in roles:
        found = [p for p in parties if p.role == role and p.actor.name != exclude]
        if found:
            top = min(p.depth for p in found)
            found = [p for p in found if p.depth == top]  # "killed five militants who aimed at U.S. forces"
            named = [p for p in found if "unidentified_armed_group" not in p.actor.kinds]
            return (named or found)[0]
    return None


def assign_actors(state: DocState, frame: Frame) -> None:
    mention = frame.mention
    parties = clause_parties(state, frame)
    frame.parties = parties
    a1 = _pick(parties, _PRIORITY_A1)
    a2 = _pick(parties, _PRIORITY_A2)
    if a1 is not None and a2 is not None and a1.actor.name == a2.actor.name:
        # one actor in both roles ("U.S. forces engaged the drones" beside "U.S. forces"): the plainer role, then
        # the nearer reading wins
        strong = ("agent", "patient")
        if (a2.role in strong, -a2.depth) >= (a1.role in strong, -a1.depth):
            a1 = _pick(parties, _PRIORITY_A1, exclude=a2.actor.name)
        else:
            a2 = _pick(parties, _PRIORITY_A2, exclude=a1.actor.name)
    if a1 is not None and a1.role == "subject" and a1.depth > 0 and _bare_force(frame, doer=True) is not None:
        # "security forces raided a house where suspected Islamic State members were hiding": the force did it
        # (the country's, once the place is known: `home_forces`), to those the clause under it names
        a1, a2 = None, a2 or a1
    if a1 is None and a2 is None:
        # no role the parse can tell: the attacker is usually named first, the target after
        loose = [p for p in parties if p.role == "other"]
        if loose:
            a1 = loose[0]
            a2 = next((p for p in loose[1:] if p.actor.name != a1.actor.name), None)
    if a1 is not None and "unidentified_armed_group" in a1.actor.kinds:
        # "armed men identified as CODECO militiamen attacked": the group the unnamed men are told to be
        named = next((p for p in parties if p.start > a1.start and p.actor.name != a1.actor.name
                      and _TOLD_TO_BE.fullmatch(state.text, a1.end, p.start)), None)
        if named is not None:
            a1 = replace(named, role="agent")
            frame.parties = parties = [a1 if p.start == named.start else p for p in parties]
    if a1 is None or "unidentified_armed_group" in a1.actor.kinds:
        # "Hamas said its fighters fired rockets": the speaker, not the generic word, did it
        deed = _speaker_of_own_deed(frame, parties)
        if deed is not None:
            a1 = deed
            frame.parties = parties = [deed if p.start == deed.start else p for p in parties]
        if a1 is not None and a2 is not None and a2.actor.name == a1.actor.name:
            a2 = None
    if a2 is None and a1 is not None:
        a2 = next((p for p in parties if p.role == "other" and p.actor.name != a1.actor.name and p.start > a1.start), None)
    if a2 is None and mention.sub_event_type in _TERRITORY_TYPES:
        # "regained control of the town of Sinja from the Rapid Support Forces": the side it was taken from
        a2 = next((p for p in parties if p.role == "oblique" and (a1 is None or p.actor.name != a1.actor.name)
                   and _TAKEN_FROM.search(state.text, max(0, p.start - 12), p.start)), None)
    if a2 is None:
        a2 = _possessor_victim(state, frame, parties)
        if a2 is not None and a1 is not None and a2.actor.name == a1.actor.name:
            a2 = None  # "its fighters fired": the speaker's own people did it, they did not suffer it
    if a2 is None and frame.scene_start is not None:
        # the target named in the sentence that set the scene ("it was the turn of the al-Tanf garrison, a U.S. outpost")
        # -- that sentence only: another sentence of the event may name the suspected attacker
        index = next((i for i, (start, _end) in enumerate(frame.spans) if start == frame.scene_start), None)
        if index is not None:
            a2 = next((p for p in clause_parties(state, frame, index) if p.role not in ("speaker", "agent")
                       and (a1 is None or p.actor.name != a1.actor.name)), None)
    if mention.event_type == "Battles" and (a1 is None or a2 is None or "unidentified_armed_group" in a2.actor.kinds):
        # (a generic word for the fallen, "left several fighters dead", gives way to the sides named)
        sides = _opposing_sides(state, frame, parties)
        if sides is not None:
            a1, a2 = sides
    doers = {p.actor.name for p in parties if p.role == "agent"}
    if a2 is None and _BARE_VICTIMS.search(state.text[frame.spans[0][0] : frame.spans[0][1]]):
        a2 = _only_state_force(state, exclude=a1.actor.name if a1 else None, frame_start=frame.spans[0][0])
        if a2 is not None and (a2.actor.name in doers or any(
                other is not frame and other.mention.actor1 == a2.actor.name for other in state.frames)):
            # "militiamen and Malian soldiers killed villagers": a side that did it is no victim; nor is the force
            # that did another event of the report ("a Turkish drone strike ...; separately, IS militants ambushed
            # a bus carrying government soldiers": the soldiers are Syria's, as `home_forces` will tell)
            a2 = None
    partner = next((p for p in parties if p.role == "agent" and a1 is not None and p.actor.name != a1.actor.name
                    and (a2 is None or p.actor.name != a2.actor.name) and "unidentified_armed_group" not in p.actor.kinds),
                   None)
    if partner is not None and mention.assoc_actor_1 is None:
        # "Wagner fighters and Malian soldiers killed ...": the second side that did it is associated with the first
        mention.assoc_actor_1 = partner.actor.name
        mention.cite("assoc_actor_1", _actor_evidence(state, (partner.actor, partner.start, partner.end)))
    if a1 is None:
        a1 = _the_group_named_before(state, frame, exclude=a2.actor.name if a2 else None)
    if a1 is not None:
        mention.actor1 = a1.actor.name
        mention.cite("actor1", _actor_evidence(state, (a1.actor, a1.start, a1.end)))
    if a2 is not None:
        mention.actor2 = a2.actor.name
        mention.cite("actor2", _actor_evidence(state, (a2.actor, a2.start, a2.end)))
    # "U.S. and coalition forces": coalition is associated with the U.S. target
    if mention.actor2 == "U.S. forces":
        clause = state.text[frame.spans[0][0] : frame.spans[0][1]]
        coalition = re.search(r"\bcoalition\b", clause, re.IGNORECASE)
        if coalition:
            mention.assoc_actor_2 = "Coalition forces"
            mention.cite("assoc_actor_2", state.evidence(frame.spans[0][0] + coalition.start(),
                                                          frame.spans[0][0] + coalition.end()))


_TAKEN_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)


# a clause whose doer is only "the group" (or "the militia", "the rebels"): the armed group named before it
_THE_GROUP = re.compile(r"\W*(?:(?:as|while|and|but|after|when)\s+)?the\s+(?:group|militia|militants|rebels|movement|"
                        r"organi[sz]ation|insurgents|fighters)\s+(?:\w+\s+)?\w+ed\b", re.IGNORECASE)
_ARMED_KINDS = {"iran_aligned", "jihadist", "rebel", "paramilitary", "militia", "sdf", "tribal_militia", "baathist", "mercenary"}


def _the_group_named_before(state: DocState, frame: Frame, exclude: str | None) -> Party | None:
    """"Israel struck Hezbollah targets, as the group launched rockets at Israel": "the group" is the last
    armed group the sentence named before the clause."""
    sentence, start, end = frame.clauses()[0]
    if not _THE_GROUP.match(state.text, start, end):
        return None
    before = [(s, e, actor) for s, e, actor in actor_hits(state.text[sentence.start : start])
              if set(actor.kinds) & _ARMED_KINDS and actor.name != exclude]
    if not before:
        return None
    s, e, actor = before[-1]
    return Party(actor, sentence.start + s, sentence.start + e, "agent", 0)


# verbs and nouns of fighting each other: who is named beside whom is the other side, not a partner
FIGHTING = re.compile(r"\b(?:fought|fight(?:s|ing)?|clash(?:ed|es|ing)?|battl(?:ed|es|ing)|skirmish(?:ed|es)?|"
                       r"exchanged (?:fire|gunfire|shots)|traded (?:fire|gunfire)|combat)\b", re.IGNORECASE)


def _opposing_sides(state: DocState, frame: Frame, parties: list[Party]) -> tuple[Party, Party] | None:
    """"The army and the RSF fought in Omdurman", "fighting between the army and the RSF": the two sides of a
    battle, first named first (ACLED's actor1 and actor2)."""
    start, end = frame.spans[0]
    clause = state.text[start:end]
    if not FIGHTING.search(clause):
        return None
    between = re.search(r"\bbetween\b", clause, re.IGNORECASE)
    for role in ("agent", "oblique"):
        # (after "between" a side may parse as anything: "between ELN guerrillas and dissidents of the former FARC")
        named = [p for p in parties if p.role == role] if role == "agent" else [
            p for p in parties if between and p.start > start + between.end() and p.role in ("oblique", "patient", "other")]
        # ("Fighters of the Hayat Tahrir al-Sham group clashed with ...": the generic word and the group it names are
        # one side)
        named = [p for p in named if not ("unidentified_armed_group" in p.actor.kinds and any(
            _OF_THE_GROUP.fullmatch(state.text, p.end, q.start) for q in named if q is not p))]
        sides = [p for i, p in enumerate(named) if all(q.actor.name != p.actor.name for q in named[:i])]
        if len(sides) >= 2:
            first, second = sorted(sides, key=lambda p: p.start)[:2]
            return first, second
    return None


_OF_THE_GROUP = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?", re.IGNORECASE)
_OWN_WORDS = {"it", "they", "we"}
_OWN_POSSESSIVES = {"its", "their", "our"}


def _speaker_of_own_deed(frame: Frame, parties: list[Party]) -> Party | None:
    """"The army said it had retaken the town", "Hamas said its fighters fired rockets": a speaker who tells of
    its own deed (the reported clause's subject is "it", "they" or "its ...") did it."""
    sentence = frame.clauses()[0][0]
    # (a named group before the generic word for its men: "Fighters of the Arakan Army said they had seized ...")
    for party in sorted(parties, key=lambda p: "unidentified_armed_group" in p.actor.kinds):
        if party.role != "speaker":
            continue
        token = _phrase_head(sentence.span, party.start - sentence.offset, party.end - sentence.offset)
        while token.dep_ in ("compound", "amod", "poss") and token.head.pos_ in ("NOUN", "PROPN") and token.head.i != token.i:
            token = token.head  # "Houthi forces said they had launched ...": the phrase the name modifies speaks
            # (and "The Taliban's interior ministry said its forces had arrested ...": the body it owns)
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN"):
            token = token.head.head  # "Rebels of the Arakan Army said they had seized ...": the group's men speak
        verb = token.head
        # "... said two soldiers were wounded and that its artillery struck ...": a second reported clause too
        told = [c for c in verb.children if c.dep_ == "ccomp"]
        told += [c for clause in told for c in clause.children if c.dep_ == "conj"]
        for reported in (c for c in told if c.pos_ in ("VERB", "AUX")):
            subject = next((c for c in reported.children if c.dep_ == "nsubj"), None)
            # (and a place taken, of a place taken: "The RSF said they had taken full control of El Fasher")
            taken = _TAKING_VERBS.match(reported.lower_) and frame.mention.event_type == "Battles"
            if subject is None or not (_ATTACK_VERBS.match(reported.lower_) or reported.lower_ in _DEFENCE_VERBS or taken):
                continue  # ("its air defences had destroyed 18 drones": the speaker's forces downed them)
            if subject.lower_ in _OWN_WORDS or any(c.dep_ == "poss" and c.lower_ in _OWN_POSSESSIVES
                                                   for c in subject.children):
                return replace(party, role="agent")
    return None


_BARE_VICTIMS = re.compile(r"\b(?:soldiers|troops|service ?members|servicemen|personnel|sailors|airmen|marines)\b"
                           r"[^.;]{0,40}\b(?:killed|wounded|injured|hurt|dead|injuries|wounds|casualties)\b"
                           r"|\b(?:killed|wounded|injured|killing|wounding|injuring)\s+(?:\w+\s+){0,3}?(?:soldiers|troops|"
                           r"service ?members|servicemen|personnel)\b", re.IGNORECASE)


def _only_state_force(state: DocState, exclude: str | None, frame_start: int) -> Party | None:
    """Unqualified soldiers in a report that names one state force only are that force's soldiers."""
    if "state_forces" not in state.prepared:
        forces: dict[str, tuple[int, int, Actor]] = {}
        for start, end, actor in actor_hits(state.text):
            if "state_forces" in actor.kinds:
                forces.setdefault(actor.name, (start, end, actor))
        state.prepared["state_forces"] = forces
    forces = state.prepared["state_forces"]
    if len(forces) != 1:
        return None
    start, end, actor = next(iter(forces.values()))
    if actor.name == exclude or _elsewhere(state, start, frame_start):
        return None
    return Party(actor, start, end, "patient", 9)


def _countries_told(state: DocState, at: int) -> set[str]:
    """The countries the places of the sentence holding `at` lie in (nationality words left out)."""
    sentence = state.sentence_at(at)
    if sentence is None:
        return set()
    return {p.country for p in state.places
            if p.resolved and p.country and not p.modifier and sentence.start <= p.start < sentence.end}


def _elsewhere(state: DocState, force_at: int, event_at: int) -> bool:
    """The force was named where the report told of another country than the event's ("Turkish drones struck
    ... in Syria", then "In Iraq, a bomb hit an army patrol"): its soldiers are not the ones the event hurt."""
    forces_countries, events_countries = _countries_told(state, force_at), _countries_told(state, event_at)
    return bool(forces_countries and events_countries and not forces_countries & events_countries)


_OWN_PEOPLE = re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:fighters|members|men|commanders?|leaders?|militants|"
                         r"personnel|troops|soldiers|officers|guards|cadres)\b", re.IGNORECASE)


def _possessor_victim(state: DocState, frame: Frame, parties: list[Party]) -> Party | None:
    """"X said five of its fighters were killed": the speaking group is the one that lost them."""
    _, c_start, c_end = frame.clauses()[0]
    if not _OWN_PEOPLE.search(state.text[c_start:c_end]):
        return None
    return next((p for p in parties if p.role == "speaker"), None)


def _actor_evidence(state: DocState, hit: tuple[Actor, int, int]) -> Any:
    """The name as written: the matched span when known, else the longest alias found at `start`."""
    actor, start, end = hit
    if end > start:
        return state.evidence(start, end)
    text = state.text
    m = re.match(r"[\w'’.-]+(?:[ -][\w'’.-]+){0,5}", text[start:])
    end = start + (m.end() if m else 1)
    for alias in sorted((actor.name, *actor.aliases), key=len, reverse=True):
        if text[start : start + len(alias)].lower() == alias.lower():
            end = start + len(alias)
            break
    return state.evidence(start, end)


_AIR_POWER = {"us_forces", "coalition_forces"}
_STRIKE_WORDS = re.compile(r"\b(?:strikes?|struck|air ?strikes?|raids?|bomb(?:ed|ing|s)?|hit|targeted|missiles?|drones?|"
                           r"aircraft|jets?|gunships?|warplanes?|killed|counterattack|retaliat\w+)\b", re.IGNORECASE)
_GROUND_FIGHTING = re.compile(r"\b(?:artillery|mortars?|shell(?:ing|ed|s)?|tanks?|ground (?:forces|troops|assault|raid)|"
                              r"commandos?|special forces|clash(?:es|ed)?|gun ?battles?|firefights?|exchange of fire|"
                              r"stormed|house|home|arrest(?:ed)?|detain(?:ed)?|captured)\b", re.IGNORECASE)
_RETYPED_BY_AIR_POWER = {None, "Shelling/artillery/missile attack", "Armed clash", "Attack", "Change to group/activity",
                         "Other", "Looting/property destruction"}


def retype_by_roles(state: DocState, frame: Frame) -> None:
    """A strike by a force that strikes from the air (U.S. and coalition forces: jets, drones,
    gunships) is an air/drone strike, whatever word the report used ("struck", "the missile hit"); a crowd's
    violence done by an organised armed group is its attack."""
    mention = frame.mention
    agent = next((p for p in frame.parties if p.role == "agent"), None)
    if agent is None or mention.actor1 != agent.actor.name:
        return
    if mention.event_type == "Riots" and set(agent.actor.kinds) & _ORGANISED_ARMED \
            and _HARMED_PEOPLE.search(state.text, *frame.spans[0]):
        # "Israeli settlers set fire to cars and a house ... and threw stones at residents, injuring two": a
        # militia's raid on a village, not a riot (ACLED's mob violence is a crowd's, unorganised)
        mention.event_type, mention.sub_event_type = "Violence against civilians", "Attack"
        for name in ("event_type", "sub_event_type"):
            mention.evidence.pop(name, None)
            mention.cite(name, state.evidence(agent.start, agent.end), frame.trigger)
        return
    if not set(agent.actor.kinds) & _AIR_POWER:
        return
    if mention.sub_event_type not in _RETYPED_BY_AIR_POWER:
        return
    _, start, end = frame.clauses()[0]
    clause = state.text[start:end]
    if not _STRIKE_WORDS.search(clause) or _GROUND_FIGHTING.search(clause):
        return
    mention.event_type, mention.sub_event_type = "Explosions/Remote violence", "Air/drone strike"
    for name in ("event_type", "sub_event_type"):
        mention.evidence.pop(name, None)
        mention.cite(name, state.evidence(agent.start, agent.end), frame.trigger)
    frame.specific = True
    frame.type_score = max(frame.type_score, 0.8)


_ORGANISED_ARMED = {"militia", "tribal_militia", "rebel", "jihadist", "paramilitary", "organised_crime", "mercenary"}
_HARMED_PEOPLE = re.compile(r"\b(?:kill|injur|wound|hurt|dead\b|beat|stabb|shot)", re.IGNORECASE)


@component("actors")
def assign_roles() -> object:
    def run(state: DocState) -> None:
        for frame in state.frames:
            assign_actors(state, frame)
            retype_by_roles(state, frame)

    return run


# ---- the country's own forces, named only by what they are: "police fired tear gas", "soldiers opened fire"
_BARE_FORCES = {"police", "policemen", "troops", "soldiers", "army", "military", "forces", "gendarmes", "gendarmerie",
                "servicemen", "paratroopers", "commandos", "junta"}
_POLICE_WORDS = {"police", "policemen", "gendarmes", "gendarmerie"}
_OTHER_FORCE_WORDS = {"volunteer", "rebel", "tribal", "militia", "paramilitary", "opposition", "allied", "foreign",
                      "coalition", "peacekeeping", "enemy", "private", "insurgent", "guerrilla", "popular", "mobilization",
                      "mobilisation", "resistance", "separatist", "jihadist", "self-defence", "self-defense", "ethnic",
                      "their", "its", "his", "our", "whose"}


# a duty of the country's own police, not another force ("Riot police", capitalised at a sentence's start)
_POLICE_DUTIES = {"riot", "anti-riot", "traffic", "security"}  # ("Security forces" opening a sentence)


def a_force_did_it(frame: Frame) -> bool:
    """Whether a force named by its bare word ("police", "troops") did the event's act: no crowd's act."""
    return _bare_force(frame, doer=True) is not None


def _bare_force(frame: Frame, doer: bool, body_from: int = 0) -> tuple[Sentence, Any] | None:
    """The unqualified force word that does the event's act (`doer`), or suffers it, in its first clause. Who
    suffered it may be told in any clause after ("Three policemen died"), and so may the force that met
    a crowd ("Demonstrators set fire to parliament ... Police shot dead five protesters"); another doer told later
    did something else ("police arrested a retired captain")."""
    clauses = frame.clauses()
    if doer and frame.mention.event_type not in _CROWD_EVENTS:
        # (its own first clause, not the scene-setting sentence that joined it: "Around 9 p.m. on Saturday a car
        # approached the checkpoint. Soldiers opened fire"; nor a headline, which rarely names the doer, when the
        # body starts at `body_from`)
        clauses = [c for c in clauses if c[0].start != frame.scene_start and c[1] >= body_from][:1] or clauses[:1]
    for sentence, start, end in clauses:
        for token in sentence.span:
            if not (start <= sentence.offset + token.idx < end) or token.lower_ not in _BARE_FORCES:
                continue
            if any(c.dep_ in ("amod", "compound", "poss", "nmod") and c.lower_ not in _POLICE_DUTIES
                   and not _dateline_word(c) and (
                    c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or c.pos_ == "PROPN" or c.lower_ in _OTHER_FORCE_WORDS)
                   for c in token.children):
                continue  # "Kenyan police", "volunteer forces", "rebel troops": someone's own, or another force
            if doer and _does_it(token) or not doer and _suffers_it(token):
                return sentence, token
    return None


def _dateline_word(token: Any) -> bool:
    """The city of a dateline parsed into the lead's subject ("NAIROBI - Police fired"): where the report was
    filed from, not whose police."""
    return token.is_upper and token.i + 1 < len(token.doc) and token.nbor(1).text in ("-", "--", "—", "–")


_TOLD_TO_BE = re.compile(r"\s+(?:identified|believed|thought|suspected|said|described|reported)\s+(?:to\s+be|as|of\s+being)\s+"
                         r"(?:members\s+of\s+|fighters\s+of\s+)?(?:the\s+)?", re.IGNORECASE)


_CROWD_EVENTS = {"Protests", "Riots"}
_FORCE_UNITS = {"patrol", "patrols", "convoy", "convoys", "checkpoint", "checkpoints", "post", "posts", "station",
                "stations", "base", "bases", "camp", "outpost", "barracks", "vehicle", "vehicles", "officers",
                "personnel", "unit", "units", "headquarters", "position", "positions"}
_TARGET_PREPOSITIONS = {"on", "at", "against", "targeting"}


def _side_of_a_fight(token: Any) -> int | None:
    """1 or 2 for the first or second side named in "fighting between the army and the RSF", else None."""
    second = token.dep_ == "conj" and token.head.dep_ == "pobj"
    node = token.head if second else token
    if node.dep_ != "pobj" or node.head.lower_ != "between":
        return None
    about = node.head.head
    if FIGHTING.match(about.text) or any(c.dep_ == "nsubj" and FIGHTING.match(c.text) for c in about.children):
        return 2 if second else 1
    return None


_A_FIGHT = re.compile(r"gunfights?|firefights?|battles?|shootouts?|encounters?|clash(?:es)?|fighting|skirmish(?:es)?")


def _does_it(token: Any) -> bool:
    """"police fired tear gas", "beaten by police", "the army said it had arrested 30 suspects"."""
    if _side_of_a_fight(token) == 1:
        return True  # "fighting between the army and the RSF": the side named first (ACLED's actor1)
    if token.dep_ == "pobj" and token.head.lower_ == "by":
        return bool(_ATTACK_VERBS.match(token.head.head.lower_)) and not _stopped_the_attacker(token.head.head,
                                                                                             "nsubjpass")
    if token.dep_ in ("compound", "amod"):  # "an army drone strike", "a police raid": whose act it names
        head = token.head
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        return bool(_EVENT_NOUNS.match(head.lower_))
    if token.dep_ == "pobj" and token.head.lower_ == "with" and _A_FIGHT.fullmatch(token.head.head.lower_):
        return True  # "two militants were killed in a gunfight with security forces": one side of the fight
    if token.dep_ != "nsubj":
        return False
    if token.head.tag_ == "VBZ" and _EVENT_NOUNS.match(token.head.lower_):
        return True  # "army airstrikes on a market killed 11" read as a verb, or "army strikes rebel positions"
    if _ATTACK_VERBS.match(token.head.lower_):
        return not _stopped_the_attacker(token.head, "dobj") and not _told_as_done_to(token.head) \
            and not _fended_off(token.head)
    if _own_act_after(token.head) is not None or _answered_with(token.head) or _did_it_to(token.head):
        return True
    return token.head.lower_ in _SPEECH_VERBS and any(  # the speaker tells of its own deed ("... said its drones hit")
        c.dep_ == "ccomp" and _ATTACK_VERBS.match(c.lower_) and any(
            s.dep_ == "nsubj" and (s.lower_ in ("it", "they") or any(p.dep_ == "poss" and p.lower_ in ("its", "their")
                                                                       for p in s.children))
            for s in c.children) for c in token.head.children)


def _answered_with(verb: Any) -> bool:
    """"The army responded with drone strikes on RSF positions", "troops hit back with artillery fire": the
    subject did what it answered with."""
    return any(p.dep_ == "prep" and p.lower_ == "with" and any(o.dep_ == "pobj" and _EVENT_NOUNS.match(o.lower_)
                                                              for o in p.children) for p in verb.children)


def _did_it_to(verb: Any) -> bool:
    """"Police used tear gas to disperse the crowd", "soldiers moved in to storm the building": the subject did the
    act its verb was for."""
    return any(c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               and (_ATTACK_VERBS.match(c.lower_) or c.lower_ in ("disperse", "break")) for c in verb.children)


def _told_as_done_to(verb: Any) -> bool:
    """A participle with no auxiliary and no object, as bulletins and headlines tell a passive: "two soldiers
    killed, three wounded" (the parser makes the soldiers its subject)."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)


def _came_under(verb: Any) -> bool:
    """"came under rocket fire", "have come under attack": the subject was attacked."""
    return verb.lower_ in ("came", "come", "comes", "coming") and any(
        p.dep_ == "prep" and p.lower_ == "under" and any(o.lower_ in _UNDER_WHAT for o in p.children) for p in verb.children)


_UNDER_WHAT = {"fire", "attack", "attacks", "shelling", "bombardment", "assault", "gunfire"}


def _suffers_it(token: Any) -> bool:
    """"gunmen shot dead two policemen", "a bomb hit an army convoy", "an attack on a police checkpoint"."""
    if _side_of_a_fight(token) == 2:
        return True
    if token.dep_ in ("compound", "amod") and token.head.lower_ in _FORCE_UNITS:
        token = token.head
    if token.dep_ == "nsubj" and (_came_under(token.head) or _fended_off(token.head)):
        return True  # "soldiers came under fire near the border", "police repelled an attack on the town"
    if token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.lower_ in ("clashed", "fought",
                                                                                            "skirmished"):
        return True  # "supporters of Imran Khan clashed with police": the other side, as a named one would be
    if token.dep_ in ("dobj", "nsubjpass") or token.dep_ == "nsubj" and _told_as_done_to(token.head):
        return bool(_ATTACK_VERBS.match(token.head.lower_))
    return token.dep_ == "pobj" and token.head.lower_ in _TARGET_PREPOSITIONS and bool(
        _ATTACK_VERBS.match(token.head.head.lower_) or _EVENT_NOUNS.match(token.head.head.lower_))


# the types where the crowd acts: ACLED names the rioters first and the force that met them second
_CROWD_ACTS = {"Violent demonstration", "Mob violence"}


def _crowd_first(mention: EventMention) -> None:
    """A riot told with the police as the only side named ("police fired on demonstrators who stormed
    parliament", read as a violent demonstration): the police met the rioters, they are actor2."""
    if mention.sub_event_type not in _CROWD_ACTS or mention.actor1 is None or mention.actor2 is not None:
        return
    actor = canonical_actor(mention.actor1)
    if actor is None or "state_forces" not in actor.kinds:
        return
    mention.actor2, mention.actor1 = mention.actor1, None
    if "actor1" in mention.evidence:
        mention.evidence["actor2"] = mention.evidence.pop("actor1")


_CROWD_PROTESTS = {"Peaceful protest", "Protest with intervention"}


def _protesters_first(mention: EventMention) -> None:
    """A protest whose protester is told by a force's name ("a U.S. Air Force serviceman set himself on fire in
    protest", "soldiers' wives marched"): the crowd did it, the force is only whom they belong to (ACLED's
    associated actor)."""
    if mention.sub_event_type not in _CROWD_PROTESTS or mention.actor1 is None:
        return
    actor = canonical_actor(mention.actor1)
    if actor is None or "state_forces" not in actor.kinds:
        return
    # (a force at a protest broken up is the one that broke it up: "police arrested 34 at a rally")
    role = "actor2" if mention.sub_event_type == "Protest with intervention" else "assoc_actor_1"
    if getattr(mention, role) is not None:
        return
    setattr(mention, role, mention.actor1)
    mention.actor1 = None
    if "actor1" in mention.evidence:
        mention.evidence[role] = mention.evidence.pop("actor1")


def doer_speaks(state: DocState, mention: Any) -> bool:
    """Whether the event's doer is named as the one telling of it ("The army said ...")."""
    for evidence in mention.evidence.get("actor1", []):
        verb = _NEXT_WORD.match(state.text, evidence.end)
        if verb and verb.group(1).lower() in _SPEECH_VERBS:
            return True
    return False


_NEXT_WORD = re.compile(r"\s+(?:also\s+|later\s+)?(\w+)")


def _a_state_force(name: str | None) -> bool:
    """Whether the named actor is a state's forces (who speak of their own soldiers' losses)."""
    actor = canonical_actor(name) if name else None
    return actor is not None and "state_forces" in actor.kinds


# where the soldiers are another country's: troops at a checkpoint near Hebron are Israel's (ACLED codes them so)
_ARMY_THERE = {"Palestinian Territory": "Israel"}


def _home_forces_of(state: DocState, frame: Frame) -> None:
    """The country's forces for an attacker or a target named only as "police", "troops" or "soldiers"."""
    mention = frame.mention
    if not mention.country:
        return
    for role in ("actor1", "actor2"):
        if getattr(mention, role) is not None:
            continue
        found = _bare_force(frame, doer=role == "actor1", body_from=state.headline_end)
        if found is not None and role == "actor2" and doer_speaks(state, mention) and _a_state_force(mention.actor1):
            continue  # "The Israeli military said two soldiers were wounded and that its artillery
            # struck ...": the soldiers are the speaker's own, not the target of its strike (a rebel group's
            # "seized a military camp" names the army it took it from)
        sentence, token = found or (None, None)
        police = token is not None and token.lower_ in _POLICE_WORDS
        army_of = mention.country if police else _ARMY_THERE.get(mention.country, mention.country)
        forces = token is not None and country_forces(army_of, police=police)
        if not forces or forces.name in (mention.actor1, mention.actor2):
            continue
        setattr(mention, role, forces.name)
        mention.cite(role, state.evidence(sentence.offset + token.idx, sentence.offset + token.idx + len(token)))


@component("home_forces")
def home_forces() -> object:
    """An attacker or a target named only as "police", "troops" or "soldiers" is the forces of the country the
    event took place in (ACLED's "Police Forces of Kenya"), once the event's place is known; then the crowd of a
    riot or a protest goes first (see `_crowd_first`, `_protesters_first`)."""

    def run(state: DocState) -> None:
        for frame in state.frames:
            _home_forces_of(state, frame)
            _crowd_first(frame.mention)
            _protesters_first(frame.mention)

    return run


# ---- who claimed it, or was blamed: the attacker when the event sentence leaves it unnamed
_WHO = r"(?P<who>(?:the\s+)?[\w'’().-]+(?:[ -][\w'’().-]+){0,9}?)"
_STOP = r"(?=\s*(?:[,;:.\"“”]|$|\s+(?:for|on|after|and said|which|who|because|stating|saying|claiming|as)\b))"
# a known group named with an apposition before its verb: "JNIM, al-Qaeda's affiliate in the Sahel, claimed the attack"
_APPOSITION = r"(?P<apposition>\s*,[^,.;]{3,80},)?"
_RESPONSIBILITY = [
    re.compile(_WHO + _APPOSITION + r"\s+(?:has\s+|have\s+|had\s+|later\s+|also\s+|reportedly\s+)*(?:claimed|claims|claiming|"
               r"accepted|admitted)\s+(?:the\s+)?responsibility", re.IGNORECASE),
    re.compile(r"\bresponsibility\b[^.;]{0,80}?\b(?:was|has been|had been)\s+claimed\s+by\s+" + _WHO + _STOP, re.IGNORECASE),
    # (the thing blamed runs to 'on' unbroken: "blamed the RSF for the attack, the first on the city" blames no city)
    re.compile(r"\b(?:attributed|blamed|pinned)\b[^.;,]{0,60}?\b(?:on|to)\s+" + _WHO + _STOP, re.IGNORECASE),
    # (a verb, not the word on a noun: "a suspected poison gas attack", "by suspected rebels")
    re.compile(r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bby )(?<!\bof )\b(?:suspected|suspect|suspects|accused|blamed|blaming|blames)\s+(?:that\s+)?"
               r"(?:the\s+)?(?:involvement\s+of\s+)?[\"“]?" + _WHO + _STOP, re.IGNORECASE),
    re.compile(_WHO + r"\s+(?:was|were|is|are)\s+(?:suspected|believed|thought|said)\s+(?:to\s+(?:be|have been)\s+)?"
               r"(?:responsible|behind)", re.IGNORECASE),
    # ... or whom a source confirms did it: "A U.S. official confirmed that American forces had carried out the strike"
    re.compile(r"\b(?:confirmed|acknowledged|admitted)\s+(?:that\s+)?" + _WHO + r"\s+(?:had\s+|has\s+|have\s+)?"
               r"(?:carried out|conducted|launched|mounted)\s+(?:the|this|that)\s+(?:strike|attack|raid|operation|bombing)\b",
               re.IGNORECASE),
]
# a group that says it did it: "X, an umbrella group of militias, said in a statement that it had targeted the base"
_SAYS_IT_DID = (r"(?:\s*,[^,.;]{3,80},)?\s*(?:said|says|announced|stated)\b[^.;]{0,60}?\b(?:it|its fighters)\s+"
                r"(?:had\s+|has\s+)?[\"“]?(?:targeted|attacked|struck|hit|bombed|shelled|launched|fired|neutrali[sz]ed|"
                r"carried out|conducted)\b")
# what sources say they suspect or see in the act ("speculate that X was involved", "bore the trademark of X"):
# read by both the cheap first test and the blame hint
_SUSPICION_WORDS = r"trademark|perpetuated|speculat|believ|indicat|\bnot(?:e|es|ed)\b|"
_RESPONSIBILITY_WORDS = re.compile(r"responsib|attribut|blam|pinned|suspect|accus|behind|claim|launched|fired|"
                                   r"carried out|conducted|staged|footprint|hallmark|fingerprint|culprit|sent|"
                                   + _SUSPICION_WORDS + _SAYS_IT_DID, re.IGNORECASE)
_OWNED_UP = re.compile(r"responsib|attribut|blam|pinned|suspect|accus|behind|confirmed|acknowledged|admitted", re.IGNORECASE)
_BLAME_HINT = re.compile(r"blam|accus|\bhel[dl]|\bholds?\b|attribut|pinned|launched|fired|carried out|conducted|staged|"
                         r"mounted|claimed|perpetrated|footprint|hallmark|fingerprint|signature|culprit|suspect|\bsent\b|"
                         r"\bsees?\b|" + _SUSPICION_WORDS + _SAYS_IT_DID, re.IGNORECASE)
_NOBODY = re.compile(r"^(?:no|none|nobody|no one|not|neither)\b", re.IGNORECASE)
_VAGUE_WHO = re.compile(r"^(?:the\s+)?(?:group|groups|attack|attacks|incident|incidents|sources|police|officials|"
                        r"authorities|it|they|he|she|this|that|them|someone|involvement)$|^(?:one|some|any|none) of\b",
                        re.IGNORECASE)


# an attack claimed outright, not only "responsibility": "the Islamic Resistance in Iraq claimed the attack"
_CLAIMED_ATTACK = re.compile(
    _WHO + _APPOSITION + r"\s+(?:has\s+|have\s+|had\s+|later\s+|also\s+|reportedly\s+)*(?:claimed|claims|claiming)\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+|several\s+|most\s+of\s+the\s+|dozens\s+of\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|strikes?|bombings?|operations?|assaults?|raids?|ambush(?:es)?|blasts?|shelling|killing)\b",
    re.IGNORECASE,
)
# the responsible group named after an anchor: "blamed X", "launched by X", "bore the footprints of X"
_NAMED_AFTER = re.compile(
    r"\b(?:blamed|blames|blaming|accused|accuses|held|holds)\b(?![^.;]{0,40}\bon\b)"
    r"|\b(?:blamed|blames|attributed|pinned)\b[^.;]{0,60}?\b(?:on|to)\b"
    r"|\b(?:launched|fired|carried out|conducted|staged|mounted|claimed|perpetrated|perpetuated)\s+by\b"
    r"|\b(?:footprints|hallmarks?|trademarks?|fingerprints|signature)\s+of\b",
    re.IGNORECASE,
)
# the responsible group named in what someone suspects or believes: "sources speculate that X was involved",
# "police believe the bomber was a member of X" -- when what follows says it did the act, not anything else about
# it ("analysts believe X wants to avoid a wider war")
_BELIEVED = re.compile(r"\b(?:suspect(?:s|ed)?|speculat(?:e|es|ed)|believ(?:e|es|ed)|indicat(?:e|es|ed)|not(?:e|es|ed))"
                       r"\s+(?:that\s+)?", re.IGNORECASE)
_DID_IT = re.compile(r"\b(?:involved|involvement|behind|responsible|perpetrat|perpetuat|carried out|attackers?|bombers?|"
                     # ("Armed men believed to be from the 3R group attacked the town": the act told right after)
                     r"attacked|stormed|raided|ambushed|"
                     r"gunmen|assailants|trademark|hallmark|of (?:the|this) (?:attack|bombing|incident|blast|killing))",
                     re.IGNORECASE)
# the responsible group named before an anchor: "X, which Washington blames", "X launched it", "X ... the likely culprit"
_NAMED_BEFORE = re.compile(
    r"^,?\s*(?:(?:which|whom|who|that)\s+(?:[\w.]+\s+){0,3}(?:blames?|blamed|accuses?|accused|holds?|held|sees?|see)\b"
    r"|(?:had\s+|have\s+|has\s+)?(?:launched|fired|carried out|conducted|staged|sent)\s+(?:it|them|the\s+(?:drone|attack|"
    r"strike|missile|rockets?|bomb)s?)\b"
    r"|[^.;]{0,60}\b(?:likely|probable|prime|main|chief)\s+(?:culprit|suspect)s?\b|" + _SAYS_IT_DID + ")",
    re.IGNORECASE,
)


def claimed_actor(text: str) -> tuple[str, int, int] | None:
    """(actor, start, end) named as responsible in `text` ("X claimed responsibility", "attributed to X")."""
    if not _RESPONSIBILITY_WORDS.search(text):
        return None
    # the patterns start with an open name, slow to try at every word: only those whose verb is there
    patterns = [*_RESPONSIBILITY] if _OWNED_UP.search(text) else []
    if "laim" in text:
        patterns.append(_CLAIMED_ATTACK)
    for pattern in patterns:
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
            if pattern is _CLAIMED_ATTACK or m.groupdict().get("apposition"):
                continue  # "officials claimed the strikes killed ...": only a known group claims an attack
            words = who.split()
            if words[0].lower() in _NOT_A_NAME_START or who.isupper() and not _CAPS_GROUP_NAME.fullmatch(who.strip(" .")):
                continue  # "which", "tonight", "of involvement ...": in all-caps copy every word looks like a name
            if not _NAME_START.match(re.sub(r"^(?:the|an?)\s+", "", who, flags=re.IGNORECASE)):
                continue  # "Suspected jihadists killed ... Volunteers": a name opens on a capital, not on what it did
            if any(w[:1].isupper() for w in words if w.lower() not in ("the", "of", "and", "in")):
                name = re.sub(r"^(?:the|an?)\s+", "", who, flags=re.IGNORECASE).strip(" .")
                # a country blamed is its forces: "blaming Israel for the strike on his residence"
                forces = country_forces(name)
                return (forces.name if forces else name), start, start + len(who)
    return _blamed_actor(text)


_NAME_START = re.compile(r"[A-Z0-9]|(?:al|el|ad|as|an|ash|at|ar|ul)[-‑’']")
_NOT_A_NAME_START = {"which", "who", "whom", "whose", "that", "this", "these", "those", "it", "they", "of", "in", "on", "at",
                     "for", "to", "by", "with", "from", "today", "tonight", "yesterday", "now", "then", "also", "and", "but"}
# ... where a name must be a short phrase ending in what kind of group it is ("ZARATE WILKA GROUP", "ARMY DISSIDENTS")
_CAPS_GROUP_NAME = re.compile(
    r"(?:(?!(?:NO|THAT|THIS|WHICH|ADDED|SAID|OF|AND)\b)[A-Z][A-Z'.-]*\s+){1,4}(?:FRONT|ARMY|MOVEMENT|COMMAND|GROUP|"
    r"BRIGADES?|PARTY|COMMANDOS?|CARTEL|ORGANI[SZ]ATION|FORCES?|LEAGUE|UNION|COUNCIL|DISSIDENTS|MILITIAS?|SQUADS?|"
    r"BATTALION|UNIT|CELL|ALLIANCE|RESISTANCE)")


def _blamed_actor(text: str) -> tuple[str, int, int] | None:
    """A known armed group that a sentence blames, suspects or says launched the attack."""
    if not _BLAME_HINT.search(text):
        return None
    hits = [h for h in actor_hits(text) if not set(h[2].kinds) & {"unidentified_armed_group", "us_forces"}]
    if not hits:
        return None
    def named_after(at: int) -> list[tuple[int, int, Any]]:
        return [h for h in hits if at <= h[0] <= at + 60]

    for m in _NAMED_AFTER.finditer(text):
        after = named_after(m.end())
        if after:
            start, end, actor = after[0]
            return actor.name, start, end
    for start, end, actor in hits:
        if _NAMED_BEFORE.match(text[end:]):
            return actor.name, start, end
    for m in _BELIEVED.finditer(text):
        after = named_after(m.end())
        if after and _DID_IT.search(text, m.end(), min(len(text), after[0][1] + 60)):
            start, end, actor = after[0]
            return actor.name, start, end
    return None


def _same_side(a: str | None, b: str | None) -> bool:
    """True when `a` and `b` are one actor or one family (Iran-aligned groups, U.S. and coalition forces)."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    ka, kb = canonical_actor(a), canonical_actor(b)
    if ka is None or kb is None:
        return False
    return bool((set(ka.kinds) & set(kb.kinds)) - _KINDS_NOT_SIDES)


# what an actor is, not whose side it is on: the Taliban and Islamic State's Khorasan branch are both jihadist, and
# enemies; nor are two countries' police one side, nor two unnamed groups
_KINDS_NOT_SIDES = CATEGORY_KINDS | {"police", "unidentified_armed_group"}


_SUSPECTED_BEFORE = re.compile(r"\b(?:suspected|alleged)\b", re.IGNORECASE)


# the doer of a weapon's act, told in the clause of that act: "a missile fired by the Houthis"
_DOER_TOLD_BY = re.compile(r"\b(?:fired|launched|thrown|planted|dropped|flown)\s+by\s+(?:the\s+)?$", re.IGNORECASE)


@component("responsibility")
def assign_responsibility() -> object:
    """A claim of responsibility or an attribution names the attacker the event sentence left unnamed."""

    def wants_an_attacker(mention: Any) -> bool:
        known = canonical_actor(mention.actor1) if mention.actor1 else None
        return mention.actor1 is None or bool(known and "unidentified_armed_group" in known.kinds)

    def run(state: DocState) -> None:
        if not any(wants_an_attacker(frame.mention) for frame in state.frames):
            return  # every event names its attacker: no sentence needs reading for a claim
        claims = []
        for sentence in state.sentences:
            found = claimed_actor(state.text[sentence.start : sentence.end])
            if found:
                name, start, end = found
                at = sentence.start + start
                if _SUSPECTED_BEFORE.search(state.text, max(0, at - 24), at + 10) and any(
                        g.mention.actor2 == name and any(a <= at < b for a, b in g.spans) for g in state.frames):
                    continue  # "arrested four suspected Islamic State members": who an act befell, no blame
                claims.append((name, state.evidence(at, sentence.start + end)))
        if not claims:
            return
        for frame in state.frames:
            mention = frame.mention
            if not wants_an_attacker(mention):
                continue
            # the claim nearest after the event's first sentence, else the nearest before it that follows
            # no other event (a claim told after an event answers for that one); never the target's own side
            # ("the militia claimed the attack" is no answer for a strike on that militia)
            # (a claim told after the report moved to another country answers for what happened there: "Authorities
            # blamed the cartel" closing a paragraph on Mexico is no answer for an attack in Burkina Faso before it)
            # (nor a blame told inside another event's own clause: "Jan. 30 - U.S. forces shoot down a missile fired by
            # the Houthis" names no attacker for the drone strike of Jan. 28 above it)
            first = frame.spans[0][0]
            after = [c for c in claims if c[1].start >= first
                     and not any(g is not frame and first < g.spans[0][0] <= c[1].start
                                 and (_elsewhere(state, g.spans[0][0], first)
                                      or _DOER_TOLD_BY.search(state.text, max(0, c[1].start - 30), c[1].start)
                                      and any(a <= c[1].start < b for a, b in g.spans)) for g in state.frames)]
            before = [c for c in claims if c[1].start < first
                      and not any(g is not frame and g.spans[0][0] < c[1].start for g in state.frames)][::-1]
            usable = [c for c in after + before if not _same_side(c[0], mention.actor2)]
            if not usable:
                continue
            name, evidence = usable[0]
            mention.actor1 = name
            mention.evidence.pop("actor1", None)
            mention.cite("actor1", evidence)

    return run
