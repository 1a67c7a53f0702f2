"""Which events a long report reports as incidents, and which it only mentions.

A speech, an interview, a war bulletin or a review of the conflict names many happenings:
"attacks have hurt trade", "we will strike the enemy", "fierce clashes between troops and
rebels". An incident report tells one act with its own particulars: who was harmed or what
was hit, when, where, in the past tense. Each event of a long report gets an incident score
from the particulars its clause states (and those the other components found: date, place,
attacker, toll) less the marks of talk about events (first-person speech, no past-tense
verb, combat between armed forces, a military target, many happenings counted over a period,
a year for a date); events below `INCIDENT_MIN` are dropped, and so are those dated more than
`RECENT_DAYS` before the report. Brief reports (a snippet, a wire summary) are one incident each
and keep theirs.
"""

from __future__ import annotations

import re
from datetime import date

from .pipeline import DocState, Frame, component

INCIDENT_MIN = 2  # the score an event of a long report needs to count as an incident
LEAD_SENTENCES = 3  # a report's incident is usually told in its first sentences (the lead)

# its own date: "on 30 December", "yesterday", "last Wednesday", "at dawn", "at 2200"
_OWN_DATE = re.compile(
    r"\b(?:on \d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)\w*|yesterday|today|tonight|overnight|this (?:morning|afternoon|evening)|last night|"
    r"(?:last|on) (?:mon|tues|wednes|thurs|fri|satur|sun)day|at dawn|at \d{4})\b",
    re.IGNORECASE,
)
# harm done to someone, told as done: "were killed", "has been kidnapped", "was shot"
_HARM_DONE = re.compile(
    r"\b(?:was|were|has been|have been|had been)\s+(?:\w+\s+)?(?:killed|murdered|assassinated|kidnapped|abducted|"
    r"shot|wounded|injured|attacked|bombed|destroyed|damaged|burned|machinegunned|dynamited)\b"
    r"|\bdied\s+(?:in|after|when|during)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:attack|strike|airstrike|blast|explosion|"
    r"bombing|shelling|raid|ambush)\b",
    re.IGNORECASE,
)
# a concrete thing hit: a building, a vehicle, an installation
_TARGET = re.compile(
    r"\b(?:embassy|offices?|headquarters|building|house|home|residence|vehicle|car|bus|truck|plane|aircraft|bank|"
    r"store|plant|station|tower|pylons?|bridge|church|university|school|hotel|restaurant|facilities|installations?|"
    r"refinery|depot|warehouse|substation|market|hospital|clinic|mosque|apartment|shelter|village|pipeline|"
    r"(?:air ?)?bases?|airbase|garrison|outpost|airfield|barracks|ship|tanker|vessel|freighter|warship|destroyer|"
    r"radars?)\b"
    # ... or a weapon struck before it was used: "U.S. forces struck a Houthi anti-ship missile prepared to launch"
    r"|\b(?:struck|hit|destroyed|targeted|bombed)\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+|\d+\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:missiles?|launchers?|drones?|rockets?)\s+(?:that|which|being|prepared|ready|aimed|loaded)\b",
    re.IGNORECASE,
)
# counted or singled-out victims: "two leaders", "12 persons", "a judge"
_VICTIMS = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+(?:\w+\s+){0,2}(?:people|persons|peasants|"
    r"civilians|children|women|men|students|leaders?|members?|officials?|judges?|mayor|journalists?|priests?|workers|"
    r"passengers|policem[ae]n|soldiers?|agents?|employees?|bodyguards?|driver|citizens?|nationals?)\b",
    re.IGNORECASE,
)
# a bomb told as set or gone off: "a bomb placed by", "the device exploded"
_BOMB_ACT = re.compile(r"\b(?:placed|planted|detonated|exploded|went off|blew up|hurled|threw)\b", re.IGNORECASE)
# a tally or a trend, not one act: "since January", "so far this year", "a wave of"
_SUMMARY = re.compile(r"\b(?:since|so far|in the past|during the past|over the past|recent(?:ly)?|lately|this year|"
                      r"in recent|throughout|every day|daily|continue[sd]?|campaign|wave of|series of)\b", re.IGNORECASE)
# many happenings counted in one breath: "290 skirmishes", "four assassination attempts", "dozens of attacks"
_COUNTED_EVENTS = re.compile(
    r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens of|scores of|hundreds of|thousands of|several|"
    r"numerous|many)\s+(?:[a-z-]+\s+)?(?:attacks|clashes|bombings|assassinations|murders|kidnappings|killings|massacres|"
    r"incidents|actions|operations|attempts|ambushes|raids|skirmishes|battles|strikes|explosions|blasts)\b",
    re.IGNORECASE,
)
# a whole year for a date: background, not a report of the day ("were killed in clashes in 1988")
_WHOLE_YEAR = re.compile(r"\b(?:in|during|throughout|since) ((?:19|20)\d\d)\b(?![-/]\d)|\b(?:last|past|previous) year\b",
                     re.IGNORECASE)
# the day something was said is not the day it happened: "General X said today that ..."
_SAID_WHEN = re.compile(r"\b(?:said|says|stated|reported|announced|declared|told [\w ]{1,30}?)\s+(?:on\s+)?(?:today|yesterday|"
                        r"tonight|this (?:morning|afternoon|evening)|last night|(?:last )?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
                        re.IGNORECASE)
# talk, not report: the speaker's own side ("we", "our forces")
_FIRST_PERSON = re.compile(r"\b(?:we|our|i|us)\b(?!\.)", re.IGNORECASE)
_COMBAT = re.compile(r"\b(?:clash(?:es|ed)?|combat|fighting|fought|battles?|skirmish\w*|engaged|offensive|"
                     r"confrontations?)\b", re.IGNORECASE)
# both sides of a battle named: armed forces ...
_FORCES = re.compile(r"\b(?:army|troops|soldiers?|patrols?|battalion|brigade|armed forces|military|regiment|detachment|"
                     r"garrison|units?|police|security forces|national guard|company)\b", re.IGNORECASE)
# ... and an armed group
_ARMED_GROUP = re.compile(r"\b(?:guerrillas?|rebels?|subversives?|terrorists?|insurgents?|extremists?|"
                          r"combatants|fighters|our forces)\b", re.IGNORECASE)
_ARMED_GROUP_KINDS = {"rebel", "jihadist"}  # an unnamed "gunmen" may be anyone
# not (yet) done: a plan, a threat, a duty ("may" is left out: it is also the month)
_NOT_DONE = re.compile(r"\b(?:will|would|could|must|should|might|shall|can|plans? to|intends? to|threaten\w*|warn\w*)\b",
                       re.IGNORECASE)
# a definite mention of a happening ("The missile hit his vehicle", "The attack took place at 4:30"): after an
# event already told, a detail of it, not a new one
_TOLD_BEFORE = re.compile(
    r"^\W*(?:\[[A-Z ]+\]\s*)*(?:the|this|that|these|those)\s+(?:\w+\s+){0,2}?(?:attacks?|strikes?|airstrikes?|missiles?|"
    r"rockets?|bombs?|blasts?|explosions?|explosives?|devices?|drones?|shells?|grenades?|bombings?|raids?|incidents?|"
    r"assaults?|attackers|gunmen|kidnapping|massacre|murder|assassination|crime|targets)\b",
    re.IGNORECASE,
)
_PAST = {"VBD", "VBN"}
# a strategic development (an agreement, a new base, a change of command) has no victim or target to state
_NO_VICTIM_TYPES = {"Strategic developments"}
SPECIFICS_MIN = 2  # ... so it needs this many of date, place, actor and toll, as before
RECENT_DAYS = 90  # an event dated further back than this before the report is told as background


def specifics(frame: Frame) -> int:
    """How many of the things an incident report states outright this event has: date, place, actor, toll."""
    m = frame.mention
    return sum((
        "event_date" in m.evidence,
        m.geo_precision in (1, 2) and (m.event_type not in _NO_VICTIM_TYPES or _told_within(frame, "location", frame.spans))
        or _region_in_own_clause(frame),
        bool(m.actor1),
        m.fatalities_high is not None or m.injuries_high is not None,
    ))


def _told_within(frame: Frame, field: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the field's evidence lies in one of `spans` (the event's own clauses, not a place the report
    names elsewhere)."""
    return any(start <= ev.start and ev.end <= end for ev in frame.mention.evidence.get(field, ())
               for start, end in spans)


def _region_in_own_clause(frame: Frame) -> bool:
    """A region named as the scene in the event's own clause ("In the Sumy region, a drone struck a substation"):
    a particular as a town is, where a war's reports place strikes only by region."""
    m = frame.mention
    if not m.admin1 or m.location != m.admin1:
        return False
    _sentence, start, end = frame.clauses()[0]
    return _told_within(frame, "location", [(start, end)])


def is_incident(state: DocState, frame: Frame, lead: bool, follows: bool) -> bool:
    """`follows`: another event of the report was told before this one."""
    stated = specifics(frame)
    if stated == 0 or frame.mention.event_type in _NO_VICTIM_TYPES and stated < SPECIFICS_MIN:
        return False  # not one of date, place, actor, toll: nothing makes it a particular happening
    if _long_before(state, frame):
        return False  # told as background, however plainly
    return incident_score(state, frame, lead, follows) >= INCIDENT_MIN


def incident_score(state: DocState, frame: Frame, lead: bool, follows: bool = False) -> int:
    """Particulars stated minus marks of talk about events; `lead`: told in the report's first sentences.
    The event's first clause in the body is read, not the headline's, told in the present by convention."""
    # (nor the sentence that only set its scene: "- April 17:" heading an item of a list)
    clauses = [c for c in frame.clauses() if c[1] != frame.scene_start] or frame.clauses()
    sentence, start, end = next((c for c in clauses if c[1] >= state.headline_end), clauses[0]) \
        if state.headline_end else clauses[0]
    # (a comparison tacked on after a comma dates nothing: "..., its biggest gain since the war began last year")
    clause = _TACKED_ON_COMPARISON.sub("", state.text[start:end])
    past = any(t.tag_ in _PAST for t in sentence.span if start <= sentence.offset + t.idx < end)
    armed_group = bool(_ARMED_GROUP.search(clause)) or any(
        set(p.actor.kinds) & _ARMED_GROUP_KINDS for p in frame.parties)
    score = specifics(frame)
    own_date = bool(_OWN_DATE.search(_SAID_WHEN.sub("", clause)))
    score += sum((own_date, bool(_HARM_DONE.search(clause)), bool(_TARGET.search(clause)),
                  bool(_VICTIMS.search(clause)), bool(_BOMB_ACT.search(clause)), lead))
    score -= 2 * bool(_FIRST_PERSON.search(clause))
    score -= 2 * (not past)
    score -= bool(_COMBAT.search(clause))
    score -= bool(_SUMMARY.search(clause))
    score -= _year_told(state, clause)
    # a count over a period is a summary; "four bomb attacks yesterday" in one town is one event by ACLED's rule
    score -= 2 * (bool(_COUNTED_EVENTS.search(clause)) and not own_date)
    score -= bool(_NOT_DONE.search(clause))
    score -= 2 * ("?" in clause)
    toll = frame.mention.fatalities_high is not None or frame.mention.injuries_high is not None
    score -= follows and not toll and bool(_TOLD_BEFORE.search(clause))  # a detail of what was told, no toll of its own
    score -= bool(_FORCES.search(clause)) and armed_group  # armed forces and an armed group: a battle, not an attack
    score -= _told_in_passing(frame)
    return score


_TACKED_ON_COMPARISON = re.compile(r",\s+(?:its|their|the)\s+(?:first|biggest|largest|deadliest|heaviest|worst|most|"
                                   r"latest|second|third)\b[^.;]*", re.IGNORECASE)


def _told_in_passing(frame: Frame) -> bool:
    """Whether the event's verb only qualifies something else: a relative clause ("the school is named after a
    teacher who was abducted") or a "when" clause ("when the envoy was shot, talks broke down"). The sentence is
    about another thing."""
    verb = frame.sentences[0].verb_at(frame.trigger.start)
    if verb is None:
        return False
    return verb.dep_ == "relcl" or verb.dep_ == "advcl" and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "while") for c in verb.children)


def _long_before(state: DocState, frame: Frame) -> bool:
    """Whether the event's own date lies months before the report: news reports what is recent, and
    what it tells of long ago (a founding, a massacre years back) is background."""
    published, told = state.document.published, frame.mention.event_date
    if published is None or told is None or "event_date" not in frame.mention.evidence:
        return False
    return (published - date.fromisoformat(told)).days > RECENT_DAYS


def _year_told(state: DocState, clause: str) -> int:
    """How much a year given for the time says "background": an earlier year than the report's (or "last
    year") dates nothing a ledger can place on a day, the report's own year reads as a review of it."""
    found = _WHOLE_YEAR.search(clause)
    if not found:
        return 0
    published = state.document.published
    year = found.group(1)
    return 3 if year is None or (published is not None and int(year) < published.year) else 1


@component("incidents")
def incidents() -> object:
    """A long report keeps the events it tells as incidents; brief reports keep theirs."""
    from .events import is_brief

    def run(state: DocState) -> None:
        if is_brief(state) or not state.frames:
            return
        order = {id(sentence): i for i, sentence in enumerate(state.sentences)}
        first = min(frame.spans[0][0] for frame in state.frames)
        state.frames = [frame for frame in state.frames
                        if is_incident(state, frame, order.get(id(frame.sentences[0]), LEAD_SENTENCES) < LEAD_SENTENCES,
                                       frame.spans[0][0] > first)]

    return run
