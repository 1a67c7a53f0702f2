"""One report tells of one event many times (lead, detail, quote, claim): fold those into one.

Two frames of a document are the same event when nothing about them conflicts (date, type,
attacker, named place) and at least one thing links them. Generic mentions ("the attack")
join the specific event they refer to and take its type.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import SUB_EVENT_PARENT, EventMention
from ..resolve.actors import CATEGORY_KINDS, canonical_actor
from ..resolve.places import Place, default_resolver, distance_km
from .casualties import HARM_WORDS
from .dating import DAYS_BEFORE_IT, default_date
from .events import _ABDUCTION, _EXCESSIVE_FORCE, _GENERIC, SEQUENCE, force_without_protesters
from .events import refines as _refines
from .pipeline import DocState, Frame, component
from .placing import ALSO
from .roles import a_force_did_it

if TYPE_CHECKING:
    from .classifier import TypeGuess

_UNNAMED = "Unidentified armed group"
_REMOTE = {"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb",
           "Grenade", "Chemical weapon"}
# what these tell has no victims: a toll ("two customs officers were killed") told near an
# arrest, a truce or a peaceful march counts the dead of some other happening (a bomb defused or a car bomb
# destroyed may well kill: those keep their tolls)
_NO_VICTIMS = {"Agreement", "Arrests", "Change to group/activity", "Headquarters or base established",
               "Non-violent transfer of territory", "Peaceful protest"}
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
    # a family is an alliance or a franchise, not a category (`CATEGORY_KINDS`)
    shared = set(ka.kinds) & set(kb.kinds) - CATEGORY_KINDS
    return bool(shared)


_SPEAKS = re.compile(r"\s*(?:said|says|has said|had said|told|announced|warned|insisted)\b")


_ARMED_GROUPS = {"unidentified_armed_group", "iran_aligned", "jihadist", "rebel", "baathist", "tribal_militia",
                 "organised_crime", "sdf"}


_CROWD_TYPES = {"Protests", "Riots"}
_RIOT = "Violent demonstration"


def _armed_group(name: str | None) -> bool:
    known = canonical_actor(name) if name else None
    return known is not None and bool(set(known.kinds) & _ARMED_GROUPS)


def _same_target_side(a: str | None, b: str | None) -> bool | None:
    """True: one side was hit; False: a state force in one, a non-state armed group in the other; None: unknown."""
    if a is None or b is None:
        return None
    if a == b:
        return True
    ka, kb = canonical_actor(a), canonical_actor(b)
    if ka is None or kb is None:
        return None
    state_a, state_b = "us_forces" in ka.kinds, "us_forces" in kb.kinds
    armed_a, armed_b = bool(set(ka.kinds) & _ARMED_GROUPS), bool(set(kb.kinds) & _ARMED_GROUPS)
    if (state_a and armed_b and not state_b) or (state_b and armed_a and not state_a):
        return False
    return bool(set(ka.kinds) & set(kb.kinds) - {"state_forces", "unidentified_armed_group"}) or None


def _facilities(state: DocState, frame: Frame) -> dict[str, Place]:
    """The facilities and towns the frame's own clauses name as scenes, by name."""
    found = {}
    filed = state.dateline[1]  # "WASHINGTON (Desert Wire) —": where the report was filed, not where it happened
    for _sentence, start, end in frame.clauses():
        for place in state.places:
            if start <= place.start < end and place.start >= filed and place.feature in ("facility", "city") \
                    and not place.modifier and not place.aftermath and place.location \
                    and not _SPEAKS.match(state.text, place.end):  # "Washington said": a voice, not a scene
                found[place.location] = place
    return found


def _same_town(state: DocState, a: dict[str, Place], b: dict[str, Place]) -> bool:
    """One scene named in both, or a town and a neighbourhood of it told as such ("in eastern Baghdad" and "in the
    Mashtal neighborhood"): not two towns side by side (Medellin and Itagui), nor two facilities, which are two
    targets."""
    return bool(a.keys() & b.keys()) or any(
        p.feature == "city" and q.feature == "city" and distance_km(p, q) <= _NEIGHBOURHOOD_KM
        and any(_A_PART_OF_TOWN.match(state.text, x.end) for x in (p, q))
        for p in a.values() for q in b.values())


_NEIGHBOURHOOD_KM = 15.0  # how far a neighbourhood's point may lie from its city's
_A_PART_OF_TOWN = re.compile(r"\s+(?:neighbou?rhood|quarter|district|suburb)\b", re.IGNORECASE)


def link(state: DocState, a: Frame, b: Frame) -> float | None:
    """A linking score when `a` and `b` can be one event; None when they conflict."""
    ma, mb = a.mention, b.mention
    score = 0.0
    if ma.event_date and mb.event_date:
        if ma.event_date != mb.event_date:
            if not _a_night_apart(ma, mb):
                return None
        else:
            score += 1
    for x, y in ((a, b), (b, a)):
        if x.toll_only and y.mention.sub_event_type in _NO_VICTIMS and not _met_with_force(y.mention, x.mention):
            return None
        # "On Wednesday it was the turn of ...": what came before that sentence is another episode
        if x.scene_start is not None and y.spans[0][0] < x.scene_start and not y.mention.event_date:
            return None
    # each told with a doer of its own (not a bare toll, "two assailants were killed"): the attack
    # and the answer to it are two happenings
    both_done = _has_doer(a) and _has_doer(b)
    earlier, later = sorted((a, b), key=lambda f: f.spans[0][0])
    if a.specific and b.specific:
        # one happening is often told with several kinds of cue ("arrested during clashes"):
        # a different type alone does not split it, but only a same type links it
        if ma.sub_event_type == mb.sub_event_type:
            score += 1
        elif (_state_doer(a) or _state_doer(b)) and ma.sub_event_type in _REMOTE and mb.sub_event_type in _REMOTE and not (
                _refines(ma.sub_event_type, mb.sub_event_type) or _refines(mb.sub_event_type, ma.sub_event_type)) \
                and _same_family(ma.actor1, mb.actor1) is not True \
                and not (later.mention.actor1 is None and _THE_WEAPON.search(state.text, max(0, later.trigger.start - 5),
                                                                              later.trigger.start)):
            # a missile attack and the air strike that answered it are two events (not "... when the missile struck":
            # the weapon of the strike told before)
            return None
        # a crowd's act and an armed group's attack ("protesters torched police stations after gunmen shot a
        # cleric dead") are two happenings: the crowd is no armed group, and gunmen are no crowd (a "riot" done by
        # assailants was misread, and is no crowd's)
        # (nor is a force's killing the riot it set off: "Police shot dead a teenager ...; youths set cars alight")
        if {ma.event_type, mb.event_type} & _CROWD_TYPES and "Explosions/Remote violence" in (ma.event_type, mb.event_type):
            return None  # a crowd does not strike from afar: "a drone strike hit a car" and the rally at the site after
        if {ma.sub_event_type, mb.sub_event_type} == {"Non-state actor overtakes territory", "Government regains territory"}:
            return None  # a town seized, then retaken "later in the day": two changes of hands, one after the other
        for x, y, fy in ((ma, mb, b), (mb, ma, a)):
            # (a force's own "march" is no crowd: one actor doing both is one happening misread)
            # (but the arrests made at it are part of it: "protesters burned tyres ... Police arrested 40 people")
            if x.event_type in _CROWD_TYPES and y.event_type not in _CROWD_TYPES and not _armed_group(x.actor1) \
                    and y.sub_event_type != "Arrests" \
                    and (_armed_group(y.actor1) or (_state_doer(fy) or a_force_did_it(fy)) and (x.actor1 is None or x.actor1 != y.actor1)):
                return None
        # "looted the market after taking control of the city last month": the sentence itself tells two happenings,
        # one after the other (`events.clauses` cut it there), and dates only the earlier one, in its own clause
        # (not "seized the town on Friday after days of fighting": the fight that took it)
        # (but people arrested after a protest are how it was met: "Police arrested 23 people after a protest turned
        # violent on Thursday")
        if ma.sub_event_type != mb.sub_event_type and a.sentences[0].start == b.sentences[0].start \
                and SEQUENCE.match(state.text, later.spans[0][0]) and later.mention.event_date \
                and not earlier.mention.event_date \
                and not ("Arrests" in (ma.sub_event_type, mb.sub_event_type) and {ma.event_type, mb.event_type} & _CROWD_TYPES):
            return None
    elif a.specific != b.specific:
        score += 0.25
    if not (a.toll_only or b.toll_only) and _post_of(state, a.spans[0][0]) != _post_of(state, b.spans[0][0]):
        return None  # a live blog's timestamped posts: each act told in a post of its own is its own happening
    if any(DAYS_BEFORE_IT.match(state.text, f.spans[0][0]) for f in (a, b)) \
            and later.sentences[0].start == earlier.sentences[0].start:
        # "..., a day after an attack near Ankara killed five", "A day after three girls were stabbed to death, ...":
        # the act it came after, days before
        return None
    # "Hours later, attackers raided ...", "In a separate attack, ...": the report turns to another happening; so
    # does "On the same day, an attack on a church ... killed 15": one more, though its kind is not told
    if (a.specific and b.specific or _ONE_MORE.match(state.text, later.spans[0][0])) and any(
            _NEW_EPISODE.match(state.text, f.spans[0][0]) for f in (a, b)):
        return None
    # ... or told at its end: "Turkey launched air strikes on Kurdish militant targets in northern Iraq and Syria
    # hours later" (after the attack on the aerospace company told before it)
    if a.specific and b.specific and ma.sub_event_type != mb.sub_event_type and (
            both_done and _LATER_ON.search(state.text, *later.spans[0]) or _THEN_DID.search(state.text, *later.spans[0])
            or _IN_RETALIATION.search(state.text, max(0, later.trigger.start - 40), later.trigger.end)):
        # ... or told with its doer as what they did after it: "soldiers later went door to door and killed 45"
        return None
    # a headline sums up the report's lead event in other words ("strike on Syrian base kills six fighters"
    # over "a drone attack on a base housing U.S. troops killed six SDF fighters"): with one type, who the
    # headline says was hit or did it does not set the two apart
    headline = a.specific and b.specific and ma.sub_event_type == mb.sub_event_type \
        and state.in_headline(a) != state.in_headline(b)
    # a bare toll ("two assailants were killed") may count either side of the event it belongs to
    no_toll = not a.toll_only and not b.toll_only
    if a.specific and b.specific and no_toll and not headline:
        target = _same_target_side(ma.actor2, mb.actor2)
        if target is False:
            return None  # an attack on soldiers and a strike on militants are two happenings
        if target:
            score += 0.5
    # one side's attacker is the other's target: the attack and the response to it
    if both_done and (_same_family(ma.actor1, mb.actor2) and not _same_family(ma.actor1, mb.actor1)
                      or _same_family(mb.actor1, ma.actor2) and not _same_family(mb.actor1, ma.actor1)):
        return None
    # who shot the weapons down is not who fired them: an interception told with its interceptor ("the air force
    # said it shot down 92") stands beside the strikes that got through, as ACLED keeps it
    for x, y in ((a, b), (b, a)):
        if x.mention.sub_event_type == _DISRUPTED and y.mention.sub_event_type in _REMOTE and x.mention.actor1 \
                and _same_family(x.mention.actor1, y.mention.actor1) is not True \
                and _MUNITIONS.search(state.text, x.spans[0][0], x.spans[0][1]):
            return None
    # arms recovered at the scene, told with no one doing it, are what a fight or an attack left behind; the attackers
    # arrested after it ("The gunman was arrested at the scene"), how it ended
    if any(_left_at_the_scene(x) and y.mention.event_type in _VIOLENCE and not _read_into_a_bare_word(y)
           for x, y in ((a, b), (b, a))) or _their_arrest_after(a, b):
        score += 0.5
    # the next sentence usually goes on about the same happening (its toll, its place)
    gap = _sentence_gap(a, b)
    if gap <= 1:
        score += 1
        if b.spans[0][0] > max(s.start for s in a.sentences):
            score += 0.1  # a follow-up belongs to what was told just before it
    elif gap == 2:
        score += 0.5
    attacker = _same_family(ma.actor1, mb.actor1)
    if attacker is False and not headline:
        return None
    if attacker:
        score += 1
    fa, fb = _facilities(state, a), _facilities(state, b)
    if fa and fb:
        if not _same_town(state, fa, fb):
            return None
        score += 1
    else:
        places_a, places_b = _finest_places(state, a), _finest_places(state, b)
        if not _places_agree(places_a, places_b):
            return None  # "two killed in Odesa" and "a missile struck the Kharkiv region": two places, two events
        # "Protests also took place in Mombasa": one more happening, in a place the one before it was not told in
        later, later_places, earlier_places = (b, places_b, places_a) if b.spans[0][0] > a.spans[0][0] \
            else (a, places_a, places_b)
        if a.specific and b.specific and later_places and not earlier_places and ALSO.search(
                state.text, later.spans[0][0], later_places[0].start):
            return None
    return score if score > 0 else None


_NEW_EPISODE = re.compile(
    r"\s*(?:(?:hours|minutes|days|shortly|moments|a day|an hour|weeks)\s+later|(?:later|earlier)(?: that| the same| in the)? "
    r"(?:day|night|morning|evening)|earlier on \w+day|(?:on )?(?:that |the )same (?:day|night)|separately|meanwhile|elsewhere|"
    r"in (?:a |an )?(?:separate|another|second|third|"
    r"further|other|similar) (?:attack|incident|strike|raid|bombing|ambush|clash|explosion|blast)s?"
    # "A second device blew up outside ...", "Another car bomb went off": the count itself says it is one more
    r"|(?:a|the) (?:second|third|fourth|fifth) (?:[\w-]+ )?(?:bomb|device|charge|attack|explosion|blast|car bomb)s?"
    r"|another (?:[\w-]+ )?(?:bomb|device|charge|explosion|blast)s?)\b", re.IGNORECASE)
# a live blog's post opens with its clock time: "09:12 - ...", "UPDATE 14:05 GMT: ..."
_POST_TIME = re.compile(r"^[ \t]*(?:(?:update|updated)[ \t]+)?\d{1,2}[:.]\d{2}(?:[ \t]*(?:gmt|utc|bst|cet|et|local time|"
                        r"[ap]\.?m\.?))?[ \t]*[-–—:|]"
                        # ... or a round-up's paragraph under a country's name: "MALI: Jihadists ambushed ..."
                        r"|^[ \t]*(?-i:[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){0,3}):[ \t]+(?-i:[A-Z])",
                        re.IGNORECASE | re.MULTILINE)


def _post_of(state: DocState, offset: int) -> int:
    """Which timestamped post of a live blog (or paragraph of a round-up) the offset lies in (0 before the first, or
    in a report with none)."""
    posts = state.prepared.get("posts")
    if posts is None:
        posts = state.prepared["posts"] = [m.start() for m in _POST_TIME.finditer(state.text)]
    return sum(1 for start in posts if start <= offset) if len(posts) > 1 else 0


_THE_WEAPON = re.compile(r"\b(?:the|that|this)\s+$", re.IGNORECASE)
_THEN_DID = re.compile(r"\b(?:soldiers|troops|forces|police|militants|gunmen|fighters|rebels|militiamen|attackers|they)\s+"
                       r"(?:later|afterwards|subsequently)\s+(?!(?:said|told|confirmed|reported|added|denied)\b)\w+",
                       re.IGNORECASE)
# ... or told as the answer to it: "11 militants were neutralised in retaliatory strikes"
# ("The army responded with drone strikes on RSF positions", "hit back with artillery")
_IN_RETALIATION = re.compile(r"\b(?:retaliatory|reprisal|in (?:retaliation|response|reprisal)\b|(?:responded|responding|"
                             r"retaliated|retaliating|hit back|hitting back|struck back|striking back)\s+(?:\w+\s+)?with\b)",
                             re.IGNORECASE)
_LATER_ON = re.compile(r"\b(?:hours|days|weeks|minutes|a day|an hour|a week)\s+later\s*[.;]", re.IGNORECASE)
# ... one told afresh after the turn: "Separately, an attack on a church ...", "Hours later, security forces carried
# out an operation ..., killing eight militants": a doer and an act of its own (not "the attack", "it", "the death
# toll", "X claimed the attack": those go on about the one before)
_ONE_MORE = re.compile(
    r"\s*[^.;,]{0,40},\s*(?:(?:an?|another)\s|(?!(?:the|this|that|these|those|it|its|they|their|he|she|his|her)\b)"
    r"[^.;]*?\b(?:carried out|conducted|launched|killing|killed|attacked|stormed|raided|struck|ambushed|shelled|bombed)\b)",
    re.IGNORECASE)
# countries are left out: a report names many in passing ("Iran-aligned factions", "near the borders with
# Jordan and Iraq"), and one event's country rarely tells it from another's in the same report
_SCENE_FEATURES = {"facility", "city", "admin2", "admin1"}
_RANK = {"country": 0, "admin1": 1, "admin2": 2, "city": 3, "facility": 3}


def _finest_places(state: DocState, frame: Frame) -> list[Place]:
    """The most precise places the frame's clauses name as scenes (a town rather than its region or country)."""
    filed = state.dateline[1]
    found = [p for p in state.places
             if p.resolved and not p.modifier and not p.aftermath and not p.dateline and p.start >= filed and p.country_code
             and p.feature in _SCENE_FEATURES and any(start <= p.start < end for _, start, end in frame.clauses())]
    if not found:
        # "in Senegal's capital": a scene named by what it is, not by its name
        capital = default_resolver().capital_place(state.text, state.places, [(s, e) for _, s, e in frame.clauses()])
        found = [capital] if capital is not None and capital.start >= filed else []
    return [p for p in found if not any(q is not p and _RANK[q.feature] > _RANK[p.feature] and _within(q, p)
                                        for q in found)]


def _within(inner: Place, outer: Place) -> bool:
    """Whether place `inner` lies in region or country `outer` (by the gazetteer's admin names)."""
    if inner.country_code != outer.country_code:
        return False
    if outer.feature == "country":
        return True
    if outer.feature == "admin1":
        return inner.admin1 == outer.admin1
    return outer.feature == "admin2" and inner.admin2 == outer.admin2 and inner.admin1 == outer.admin1


def _places_agree(a: list[Place], b: list[Place]) -> bool:
    """Two frames can be one event unless every place of one lies apart from every place of the other."""
    if not a or not b:
        return True
    for pa in a:
        for pb in b:
            if pa.country_code != pb.country_code:
                continue
            if _within(pa, pb) or _within(pb, pa) or (pa.location and pa.location == pb.location):
                return True
            if distance_km(pa, pb) <= _NEAR_KM:
                return True
    return False


_NEAR_KM = 30.0


def _has_doer(frame: Frame) -> bool:
    """The frame's clause names who did it (an agent in the parse), not only who suffered it."""
    return any(p.role == "agent" for p in frame.parties)


def _state_doer(frame: Frame) -> bool:
    """A state force did it, by the parse ("a U.S. gunship fired on the militants"): its strike is not the
    militants' rocket attack told beside it."""
    return any(p.role == "agent" and "state_forces" in p.actor.kinds for p in frame.parties)


def _a_night_apart(a, b) -> bool:
    """Dates one day apart where one was told as a night ("overnight strikes", "Monday night"): one night."""
    from datetime import date

    days = abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days)
    if days != 1:
        return False
    return any(re.search(r"night", e.text, re.IGNORECASE) for m in (a, b) for e in m.evidence.get("event_date", []))


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


# houses burned or goods looted in a killing or a bombing ("gunmen killed 20 villagers ... and set fire to houses")
# are a detail of it: the violence is the event, however surely the detail was read; so are arms recovered at
# the scene of a clash ("arms and ammunition were recovered from the site of the gunfight")
_DETAIL = "Looting/property destruction"
# the attackers arrested at the end of the attack told before: "... before police arrested 13 of them"
_ARRESTED_THE_ATTACKERS = re.compile(r"\barrested\s+(?:\w+\s+)?(?:of\s+them|(?:of\s+)?the\s+(?:gunmen|attackers|assailants|"
                                     r"hostage-takers|raiders))\b"
                                     # ... or told in the passive: "The gunman was arrested at the scene"
                                     r"|\bthe\s+(?:gunm[ae]n|attackers?|assailants?|shooters?|suspects?)\s+(?:was|were)\s+"
                                     r"(?:\w+ly\s+)?(?:arrested|detained|captured)\b", re.IGNORECASE)
_DISRUPTED = "Disrupted weapons use"
# ... or told as recovered with no one said to have done it: "A large cache of weapons, including AK-47 rifles, was
# recovered" (after the gunfight it followed)
_AT_THE_SCENE = re.compile(r"\b(?:recovered|seized|found)\b[^.;]{0,30}\b(?:from|at|on)\s+the\s+(?:site|scene|spot)\b"
                           r"|\b(?:was|were|been)\s+(?:\w+ly\s+)?recovered\b(?![^.;]{0,40}\bby\b)", re.IGNORECASE)
# what is shot down when weapons are: not a helicopter and its crew
_MUNITIONS = re.compile(r"\b(?:drones?|missiles?|rockets?|projectiles?|targets|shells|uavs?|shaheds?|bombs?)\b", re.IGNORECASE)
_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _left_at_the_scene(frame: Frame) -> bool:
    """Arms recovered where a fight or an attack took place: a detail of it, not an interception."""
    return frame.mention.sub_event_type == _DISRUPTED and _AT_THE_SCENE.search(frame.sentences[0].span.text) is not None


def _detail_of(mention: EventMention) -> bool:
    """What damage or arrests told beside it are a detail of: violence, or weapons shot down ("shot down 74 of 81
    drones ... Falling debris damaged homes")."""
    return mention.event_type in _VIOLENCE or mention.sub_event_type == _DISRUPTED


_OWN_SIDE = {"it", "they", "we", "its", "their", "our"}


def told_by_its_doer(frame: Frame) -> bool:
    """Whether the frame's act is a party's own account of it: "The RSF said its forces had clashed with army
    units" (the report's own voice told an attack on a village): a claim of the doer, not the reporter's telling."""
    from .roles import _SPEECH_VERBS

    sentence = frame.sentences[0]
    verb = sentence.verb_at(frame.trigger.start)
    if verb is None or verb.dep_ != "ccomp" or verb.head.lower_ not in _SPEECH_VERBS:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.lower_ in _OWN_SIDE or any(
        c.dep_ == "poss" and c.lower_ in _OWN_SIDE for c in subject.children))


def absorb(into: Frame, other: Frame) -> None:
    m, o = into.mention, other.mention
    # the reporter's telling of the act types it over the doer's own account ("its forces had clashed with ...")
    theirs = mine = False
    if into.specific and other.specific:
        theirs, mine = told_by_its_doer(other), told_by_its_doer(into)
    own_account, retold = theirs and not mine, mine and not theirs
    if own_account or retold:
        into.doers_accounts.append((into if retold else other).spans[0])
    into.doers_accounts += other.doers_accounts
    into.sentences += other.sentences
    into.spans += other.spans
    # "A spectator was killed ... The gunman was shot dead by the Secret Service", "Security forces shot the
    # assailant": told with the attack, the end its attacker met is no act of its own; the attacker is the doer
    if _ends_the_attacker(m) and not _ends_the_attacker(o):
        m.actor1, m.actor2 = m.actor2, None
        m.evidence["actor1"] = m.evidence.pop("actor2")
    elif _ends_the_attacker(o):
        attacker = {"actor1": o.actor2} if m.actor1 is None else {}
        evidence = {k: v for k, v in o.evidence.items() if k not in ("actor1", "actor2")}
        o = replace(o, actor1=attacker.get("actor1"), actor2=None,
                    evidence={**evidence, **({"actor1": o.evidence["actor2"]} if attacker else {})})
    detail = (_DETAIL in (m.sub_event_type, o.sub_event_type) or _their_arrest_after(into, other) or any(
        _left_at_the_scene(x) for x in (into, other))) and any(_detail_of(x) and x.sub_event_type for x in (m, o))
    # people detained at a protest are part of how it was met (ACLED's protest with intervention), not an event apart
    at_a_protest = "Arrests" in (m.sub_event_type, o.sub_event_type) and bool({m.event_type, o.event_type} & _CROWD_TYPES)
    # a crowd that used violence is a riot however hard it was met (ACLED's excessive force is force used on a
    # peaceful crowd): "Demonstrators set fire to parliament ... Police shot dead five protesters"
    rioted = {m.sub_event_type, o.sub_event_type} == {_RIOT, _EXCESSIVE_FORCE}
    if at_a_protest or rioted:
        if m.event_type not in _CROWD_TYPES if at_a_protest else m.sub_event_type != _RIOT:
            _take_type(into, other)
        arrests = other if o.sub_event_type == "Arrests" else into
        if at_a_protest and "Peaceful protest" in (m.sub_event_type, o.sub_event_type) and not _arrests_protested(arrests):
            # "Women's rights activists held a rally ... Police detained several dozen participants": a protest the
            # police stepped in on (ACLED's protest with intervention)
            m.event_type, m.sub_event_type = "Protests", "Protest with intervention"
            m.evidence.pop("sub_event_type", None)
            m.cite("sub_event_type", arrests.trigger)
    elif _captives_taken_in_a_massacre(into, other) or _captives_taken_in_a_massacre(other, into):
        if m.sub_event_type == _ABDUCTION:
            _take_type(into, other)
    elif o.event_type == _STRATEGIC and m.event_type not in (_STRATEGIC, None):
        pass  # "A curfew was imposed." after the clashes it answered: the violence told stays the event's kind
    elif _met_with_force(m, o) or retold and not (detail and not _detail_of(o)) or not own_account and (
            detail and _detail_of(o) and not _left_at_the_scene(other) or not detail and other.specific and (
            not into.specific or _refines(o.sub_event_type, m.sub_event_type)
            or (other.type_score > into.type_score and (not _refines(m.sub_event_type, o.sub_event_type)
                                                        or _read_into_a_bare_word(into))))):
        _take_type(into, other)
    # an abduction is dated by the taking: the killing of the captives told after it came later ("abducted a road
    # engineer ... He was shot dead three weeks later"); the raid they were taken in is the taking itself
    later = m.sub_event_type == _ABDUCTION and (o.sub_event_type == "Attack" or other.toll_only) \
        and other.spans[0][0] > into.spans[0][0] and _KILLED_THEM.search(other.sentences[0].span.text) is not None
    for name in _MERGEABLE:
        if later and name in ("event_date", "date_precision"):
            continue
        mine, theirs = getattr(m, name), getattr(o, name)
        if _other_side(m, name, theirs):
            continue
        if name == "actor2" and theirs == _UNNAMED and m.actor1 != _UNNAMED and _armed_group(m.actor1) and other.toll_only:
            continue  # "nine soldiers and 20 militants were killed" after Al-Shabaab's attack: its own men, no target
        if theirs is not None and (mine is None or (mine == _UNNAMED and theirs != _UNNAMED)):
            setattr(m, name, theirs)
    for name, spans in o.evidence.items():
        if _other_side(m, name, getattr(o, name, None)):
            continue
        if name in ("event_type", "sub_event_type") and (not other.specific or o.sub_event_type != m.sub_event_type):
            continue
        if later and name == "event_date":
            continue
        m.cite(name, *spans)


# a killing told in so many words, not only a toll
_KILLED_THEM = re.compile(r"\b(?:killed|killing|massacred|slaughtered|hacked|shot dead|gunned down|butchered|executed|"
                          r"beheaded|murdered)\b", re.IGNORECASE)


def _captives_taken_in_a_massacre(attack: Frame, abduction: Frame) -> bool:
    """ "Rebels killed 41 people in a night attack on a school ... fleeing with six abducted students": captives
    taken after a killing told first are a detail of the attack (ACLED codes the killing), where an abduction told
    first stays one whatever killing follows ("gunmen abducted 20 students ... two were later shot dead")."""
    return attack.mention.sub_event_type == "Attack" and abduction.mention.sub_event_type == _ABDUCTION \
        and abduction.spans[0][0] > attack.spans[0][0] and any(p.role == "agent" for p in attack.parties) \
        and bool(_KILLED_THEM.search(attack.sentences[0].span.text))


# arrests told as what a protest followed: "residents marched after the arrest of two village leaders"
_WHAT_IT_FOLLOWED = re.compile(r"\b(?:following|after|over|against)\s+(?:the\s+|a\s+)?(?:recent\s+)?$", re.IGNORECASE)


def _arrests_protested(arrests: Frame) -> bool:
    """Whether the arrests merged with a protest are its cause, told after "following" or "after", not how it was met."""
    sentence = arrests.sentences[0]
    before = sentence.text[: max(0, arrests.trigger.start - sentence.start)]
    return bool(_WHAT_IT_FOLLOWED.search(before[-40:]))


def _met_with_force(protest: EventMention, then: EventMention) -> bool:
    """A peaceful protest, and the harm force did to a crowd told after it ("Riot police used pepper spray to
    disperse the crowd, injuring dozens"): one protest, met with force."""
    return protest.sub_event_type == "Peaceful protest" and then.sub_event_type in _FORCE_ON_A_CROWD


_FORCE_ON_A_CROWD = {"Protest with intervention", _EXCESSIVE_FORCE}


def _read_into_a_bare_word(frame: Frame) -> bool:
    """The frame's type is the classifier's reading of a bare "attacked" or "killed", no weapon or fight told: a
    clash told in so many words after it ("Separatists attacked a naval air station ... Security forces repulsed
    the attack") says more, though a strike would refine a clash."""
    return _GENERIC.fullmatch(frame.trigger.text) is not None


def _take_type(into: Frame, other: Frame) -> None:
    """`into` takes `other`'s type, and the cue and sureness it was told with."""
    m, o = into.mention, other.mention
    m.event_type, m.sub_event_type = o.event_type, o.sub_event_type
    m.evidence.pop("event_type", None)
    m.evidence.pop("sub_event_type", None)
    into.specific = True
    into.trigger = other.trigger
    into.type_score = other.type_score


def _their_arrest_after(a: Frame, b: Frame) -> bool:
    """One frame tells the attack, the one after it the arrest of its attackers: one happening, the attack's."""
    first, then = sorted((a, b), key=lambda f: f.spans[0][0])
    return then.mention.sub_event_type == "Arrests" and first.mention.event_type in _VIOLENCE \
        and bool(_ARRESTED_THE_ATTACKERS.search(then.sentences[0].span.text))


def _ends_the_attacker(mention: EventMention) -> bool:
    """Whether the mention's target is named as the attacker ("the gunman was shot dead")."""
    return mention.actor2 is not None and bool(_ATTACKER_WORD.search(
        " ".join(e.text for e in mention.evidence.get("actor2", []))))


_ATTACKER_WORD = re.compile(r"\b(?:gunm[ae]n|attackers?|assailants?|shooters?|bombers?|hostage-takers?)\b", re.IGNORECASE)


def _other_side(mention: EventMention, role: str, actor: str | None) -> bool:
    """Whether `actor`, told in `role` by a coreferent clause, is the other side of the event ("The attackers were
    shot dead by guards": whom the attack's end befell is its doer, not its target)."""
    other = {"actor1": mention.actor2, "actor2": mention.actor1}.get(role)
    return other is not None and actor == other


RETYPE_MIN = 0.45
_STRATEGIC = "Strategic developments"
AGREED = 0.8  # the type_score of a frame whose cue and classifier agreed


def retype_all(work: list[tuple[DocState, list[Frame]]]) -> None:
    """Read each event told over several sentences as a whole (the story says more than any one line), for the
    events of many documents, with one classifier call per model for all of them."""
    from .classifier import event_typer, typing_kind
    from .events import is_brief

    if typing_kind() == "rules":
        return
    for brief in (False, True):
        group = [(state, told) for state, frames in work if is_brief(state) == brief
                 for told in [[f for f in frames if len({s.start for s in f.sentences}) > 1]] if told]
        # the story as the report tells it: the doer's own account of its act is left out of the reading
        texts = [" ".join(state.text[start:end] for start, end in sorted(set(f.spans) - set(f.doers_accounts)))
                 for state, told in group for f in told]
        if not texts:
            continue
        guesses = iter(event_typer(brief=brief).guess(texts))
        for state, told in group:
            for frame in told:
                _retype_frame(state, frame, next(guesses))


def _retype_frame(state: DocState, frame: Frame, guess: TypeGuess) -> None:
    from .classifier import UNSPECIFIED

    if not guess.is_event or guess.label == UNSPECIFIED or guess.probability < RETYPE_MIN:
        return
    if frame.type_score >= AGREED and guess.probability < frame.type_score:  # cue and classifier agreed
        return
    mention = frame.mention
    if guess.label == mention.sub_event_type or _refines(mention.sub_event_type, guess.label):
        return
    if guess.label == "Arrests" and mention.event_type in _VIOLENCE and _tells_harm(state, frame):
        return  # a raid that killed two suspects and took a third is the fight, not the arrest (ACLED's rule)
    if guess.label == _DETAIL and _detail_of(mention):
        return  # "shot down 74 of 81 drones ... Falling debris damaged homes": the damage is a detail of it
    if force_without_protesters(guess.label, state.text):
        return
    mention.event_type, mention.sub_event_type = SUB_EVENT_PARENT[guess.label], guess.label
    for name in ("event_type", "sub_event_type"):
        mention.evidence.pop(name, None)
        mention.cite(name, *(state.evidence(s, e) for s, e in frame.spans))
    frame.specific = True
    frame.type_score = guess.probability


# the doers of the event told before, named again by a pronoun or a bare word: "The next day they attacked ..."
_SAME_DOERS = re.compile(r"\s*(?:(?:the\s+)?(?:next|following)\s+(?:day|morning|evening|night)\s*,?\s*|"
                         r"(?:a|one|two|three|\d)\s+days?\s+later\s*,?\s*|hours\s+later\s*,?\s*|then\s+)?"
                         r"(?:they|the\s+(?:same\s+)?(?:gunmen|attackers|assailants|militants|raiders|fighters|group))\s+"
                         r"(?:\w+\s+){0,2}?(?:attacked|raided|stormed|struck|hit|targeted|ambushed|killed|shot)\b",
                         re.IGNORECASE)


def _continue_the_story(state: DocState, clusters: list[Frame]) -> None:
    """A generic attack told by the same doers on another day ("The next day they attacked the nearby village,
    where 11 people were killed") is another event of the kind told before it, by the same attackers: it takes
    their type and name, citing where the report gave them."""
    for frame in clusters:
        untyped = not frame.specific or frame.mention.sub_event_type is None
        if not (untyped or frame.mention.actor1 is None) or not _SAME_DOERS.match(state.text, frame.spans[0][0]):
            continue
        before = [c for c in clusters if c.specific and c.mention.sub_event_type and c.spans[0][0] < frame.spans[0][0]
                  and c.mention.event_type in _VIOLENCE]
        if not before:
            continue
        told = max(before, key=lambda c: c.spans[0][0]).mention
        mention = frame.mention
        if untyped:
            mention.event_type, mention.sub_event_type = told.event_type, told.sub_event_type
            for name in ("event_type", "sub_event_type"):
                mention.evidence.pop(name, None)
                mention.cite(name, *told.evidence.get(name, []), frame.trigger)
            frame.specific = True
        if mention.actor1 is None and told.actor1 is not None:
            mention.actor1 = told.actor1
            mention.cite("actor1", *told.evidence.get("actor1", []))


def _tells_harm(state: DocState, frame: Frame) -> bool:
    return any(HARM_WORDS.search(state.text, start, end) for start, end in frame.spans)


@component("corefer")
def corefer() -> object:
    def run(state: DocState) -> None:
        # a toll told in a sentence of its own, with nobody doing it ("18 fighters were killed"), counts
        # the victims of an event told elsewhere in the report: it joins that event like a generic mention
        tolls = [f for f in state.frames if f.toll_only and f.specific and not any(p.role == "agent" for p in f.parties)]
        for frame in tolls:
            frame.specific = False
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
        for frame in tolls:
            frame.specific = frame.specific or frame in clusters  # a toll that joined nothing is an event of its own
        # a generic mention that joined nothing stands when something fixes it in the world: a doer, a day, or
        # the harm it did ("a bystander was wounded in the blast")
        clusters = [c for c in clusters if c.specific or c.mention.actor1 or c.mention.event_date or _tells_harm(state, c)]
        _continue_the_story(state, clusters)
        for frame in clusters:
            order = sorted(range(len(frame.spans)), key=lambda i: frame.spans[i][0])
            frame.sentences = [frame.sentences[i] for i in order]
            frame.spans = [frame.spans[i] for i in order]
            default_date(state, frame)
        state.prepared["retype"] = clusters  # read by the classifier for the whole batch at once, in `settle`
        state.frames = sorted(clusters, key=lambda f: f.spans[0][0])

    def settle(states: list[DocState]) -> None:
        retype_all([(state, state.prepared.get("retype", [])) for state in states])
        for state in states:
            state.prepared.pop("retype", None)

    run.settle = settle  # type: ignore[attr-defined]
    return run
