"""When each event happened: the date expressions of its clauses, resolved against `published`.

Dates that are not the event's are skipped: the day something was said ("the Pentagon said
Tuesday"), the start of a count ("since Oct. 17"), and dates of other things.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from ..resolve.dates import (
    MONTH_WORD,
    WEEKDAY_NAMES,
    ResolvedDate,
    load_dateparser,
    names_a_holiday,
    resolve_date,
)
from .numbers import word_value
from .pipeline import DocState, Frame, Sentence, component
from .sources import SPEECH_FORMS

_SPEECH_HEADS = {"said", "says", "told", "announced", "confirmed", "stated", "added", "reported", "claimed", "posted",
                 "tweeted", "briefing", "statement", "acknowledged", "published", "identified", "named", "updated",
                 "raised", "revised", "blamed", "condemned", "denounced", "issued", "released",
                 "responsibility",  # ("claimed responsibility on Thursday": the day of the claim)
                 # ... and of an appeal: "a rights group today called for an inquiry into the killing"
                 "called", "urged", "appealed", "warned", "demanded"}
_WINDOW_WORDS = re.compile(r"\b(?:since|until|through|between|from|by)\s*$", re.IGNORECASE)
# a date that opens the text: "01/05/2012:", "Friday, Jan. 5, 2024 -", "5 January 2024:"
_DATELINE_DATE = re.compile(r"^\s*(\d{1,2}/\d{1,2}/\d{4}|(?:" + WEEKDAY_NAMES + r",?\s+)?(?:" + MONTH_WORD
                            + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + MONTH_WORD + r"\s+\d{4}))\s*[:—–-]", re.IGNORECASE)


_JOINED_SPAN = re.compile(r"\s+(?:after|before|following|amid|during)\s+")
_POSSESSIVE = re.compile(r"['’]s?\b")
_PERIOD_HEADS = {"began", "begun", "started", "erupted", "escalated", "since", "until"}
_A_DAY_OF_THE_WEEK = re.compile(rf"(?:(?:early|late|last)\s+)?{WEEKDAY_NAMES}(?:\s+(?:morning|afternoon|evening|night))?|"
                                r"yesterday|today|last night", re.IGNORECASE)


_CAPTIVES = re.compile(r"hostages?|prisoners?|captives?|detainees?|abductees?|people|civilians|soldiers|students|women|"
                       r"children|workers|crew|sailors|passengers|men", re.IGNORECASE)


def _people_set_free(verb: Any) -> bool:
    """"Hamas released three hostages on Sunday": a release of people is the happening, not a statement issued."""
    return verb.lower_ in ("released", "freed") and any(c.dep_ == "dobj" and _CAPTIVES.fullmatch(c.text)
                                                        for c in verb.children)


def _opens_a_period(word: Any, ent: Any) -> bool:
    """"since October", "the escalation that began in October"; not "fighting erupted on Friday" (a fight that broke
    out on a day of this week happened that day)."""
    if word.lower_ in ("since", "until"):
        return True
    return word.lower_ in _PERIOD_HEADS and not _A_DAY_OF_THE_WEEK.fullmatch(ent.text)


_SAID_ON = re.compile(r"\b(?:said|says|announced|stated|confirmed|reported|added)\s+(?:on\s+|late\s+|early\s+)?$")


def _not_event_date(ent: Any) -> bool:
    """True for dates of something else: the day of a statement ('said Tuesday', 'at a briefing
    Tuesday') or the start of a period ('the escalation that began in October')."""
    head = ent.root.head
    if head.lower_ in _SPEECH_HEADS and not _people_set_free(head) or _opens_a_period(head, ent):
        return True
    if _SAID_ON.search(ent.doc.text, max(0, ent.start_char - 30), ent.start_char):
        return True  # "the army said on Tuesday it had killed six": the parser may hang the day on what was said
    verb = head.head if head.dep_ == "prep" else None
    if verb is not None and (_opens_a_period(verb, ent) or verb.lower_ in _SPEECH_HEADS and not _people_set_free(verb)):
        return True  # "since October", "the Pentagon said on Thursday"
    return head.dep_ == "pobj" and head.head.lower_ in ("at", "in") and head.lower_ in _SPEECH_HEADS


# the words that date an act by the day it is told of: "clashed overnight, the ministry said on Tuesday"
_TOLD_DAY_WORDS = re.compile(r"\b(?:overnight|last night|this morning|this afternoon|this evening|earlier today|today|"
                             r"tonight|yesterday)\b", re.IGNORECASE)


def frame_dates(state: DocState, frame: Frame) -> list[tuple[ResolvedDate, int, int]]:
    published = state.document.published
    line_start, line_end = state.dateline
    out = []
    # ("overnight", "yesterday") count from the day the clause says it was told, when it names one before the
    # report came out: "... clashed overnight, the health ministry said on Tuesday" in Wednesday's paper
    told_on = _day_it_was_told(state, frame) if _TOLD_DAY_WORDS.search(state.text, *frame.spans[0]) else None
    told_day = date.fromisoformat(told_on[0].iso) if told_on else published
    for sentence, start, end in frame.clauses():
        doc = sentence.span.doc
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME") and not (ent.label_ == "EVENT" and names_a_holiday(ent.text)):
                continue
            e_start, e_end = sentence.offset + ent.start_char, sentence.offset + ent.end_char
            if not (start <= e_start < end) or line_start <= e_start < line_end:
                continue  # not the clause's, or the dateline's own date ("ABUJA, July 7 -"): the day it was filed
            before = state.text[max(0, e_start - 12) : e_start]
            # ("the toll from Saturday's attack" dates the attack; "from Saturday" opens a window)
            window = _WINDOW_WORDS.search(before) and not _POSSESSIVE.match(state.text, e_end)
            if window or _not_event_date(ent) or _NIGHT_OF_A_DAY.match(state.text, e_start):
                continue
            if (day := _DAY_BEFORE_MONTH.search(state.text, max(0, e_start - 4), e_start)) \
                    and _MONTH_AND_YEAR.fullmatch(state.text[e_start:e_end]):
                # "- 29 July: gunmen killed ...", "10 December 2024": the tagger left the day out of the date
                e_start = day.start()
            if state.text[e_start:e_end].lower().endswith("ago") and (today := _TODAY_AFTER.match(state.text, e_end)):
                e_end = today.end()  # "One year ago today, gunmen killed 17 people": that day a year back
            told = state.text[e_start:e_end]
            resolved = resolve_date(told, told_day if _TOLD_DAY_WORDS.search(told) else published)
            joined = _JOINED_SPAN.search(state.text, e_start, e_end)
            if resolved is None and joined:
                # "on Saturday after months of fighting": the tagger ran the day into the span it followed
                e_end = joined.start()
                resolved = resolve_date(state.text[e_start:e_end], published)
            if resolved is not None:
                out.append((resolved, e_start, e_end))
        out += _untagged_times(state, sentence, start, end, out, told_day)
        if (night := _NIGHT_FROM_DAY_TO_DAY.search(state.text, start, end)) is not None \
                and (first := resolve_date(night.group("first"), published)) is not None:
            # "on the night of Friday to Saturday": the night is dated by the day it began (the tagger often
            # tags the second day only)
            out = [(first, night.start("first"), night.end("first"))] + [
                f for f in out if not night.start() <= f[1] < night.end()]
    return out


_NIGHT_FROM_DAY_TO_DAY = re.compile(rf"\bnight\s+(?:of|from|between)\s+(?P<first>{WEEKDAY_NAMES})\s+(?:to|into|and)\s+"
                                    rf"(?:{WEEKDAY_NAMES})\b", re.IGNORECASE)
_DAY_BEFORE_MONTH = re.compile(r"(?<!\d)\d{1,2}\s+$")
_MONTH_NAME = re.compile(r"(?:jan|febr)uary|march|april|may|june|july|august|(?:sept|nov|dec)ember|october", re.IGNORECASE)
_MONTH_AND_YEAR = re.compile(rf"(?:{_MONTH_NAME.pattern})(?:\s+\d{{4}})?", re.IGNORECASE)
_TODAY_AFTER = re.compile(r"\s+today\b", re.IGNORECASE)
# "overnight Saturday into Sunday", "overnight on Friday": the day named after it dates the night, not the report
_NIGHT_OF_A_DAY = re.compile(r"overnight\s+(?:on\s+|from\s+)?" + WEEKDAY_NAMES + r"\b", re.IGNORECASE)


# Words of time the small model often leaves untagged ("drones attacked Odesa overnight")
# ... a day of the month ("On the 4th, rebels overran ..."), or a day of a month opening an item of a list
# ("- 21 June: 20 soldiers were killed")
_UNTAGGED_TIME = re.compile(r"\b(?:overnight|last night|this morning|earlier today|yesterday|today|tonight|"
                            r"on the \d{1,2}(?:st|nd|rd|th))\b|"
                            rf"(?<=^[-*•] )\d{{1,2}}\s+(?:{_MONTH_NAME.pattern})(?=\s*:)",
                            re.IGNORECASE | re.MULTILINE)


def _untagged_times(state: DocState, sentence: Any, start: int, end: int, found: list[tuple[ResolvedDate, int, int]],
                    told_day: date | None) -> list[tuple[ResolvedDate, int, int]]:
    """Relative days the tagger missed in a clause, with the same checks as a tagged date (`told_day`: the day they
    count from, see `frame_dates`)."""
    if state.document.published is None:
        return []
    out = []
    for m in _UNTAGGED_TIME.finditer(state.text, start, end):
        if any(a <= m.start() < b for _, a, b in found) or _NIGHT_OF_A_DAY.match(state.text, m.start()):
            continue  # a tagged date, or the night of the day it goes on to name
        token = sentence.token_at(m.start())
        if token is None or token.ent_type_ in ("DATE", "TIME"):
            continue  # a tagged date, read (or skipped) above
        if _not_event_date(token.doc[token.i : token.i + 1]):
            continue  # "the ministry said today"
        resolved = resolve_date(m.group(), told_day if _TOLD_DAY_WORDS.fullmatch(m.group()) else state.document.published)
        if resolved is not None:
            out.append((resolved, m.start(), m.end()))
    return out


def dateline(state: DocState) -> tuple[ResolvedDate, int, int] | None:
    """A date that opens the document ("01/05/2012: ..."), which dates everything below it."""
    m = _DATELINE_DATE.match(state.text)
    if not m:
        return None
    resolved = resolve_date(m.group(1), state.document.published)
    return (resolved, m.start(1), m.end(1)) if resolved else None


@component("dates")
def date_events() -> object:
    load_dateparser()

    def run(state: DocState) -> None:
        told = {s.start for frame in state.frames for s in frame.sentences}
        answered = []
        for frame in state.frames:
            found = _owned_first(state, frame, frame_dates(state, frame)) or _time_since(state, frame)
            if not found:
                found = _scene_date(state, frame, told) or _lead_date(state, frame, told)
            if not found:
                found = _date_of_what_it_followed(state, frame)
            if not found and _told_as_history(state, frame):
                answered.append(frame)  # "In 2012, M23 rebels briefly captured Goma": background, not news
                continue
            if (not found or found[0][0].precision != "day") and _ANSWERED_OPENING.match(state.text, frame.spans[0][0]) \
                    and len(state.frames) > 1:
                # (... or only by its month: "in retaliation for Tehran's missile attack earlier this month")
                answered.append(frame)  # "..., in retaliation for Israeli strikes on its sites": told as the cause
                continue
            if found:
                resolved, start, end = _finest_first(found, state.text)
                frame.mention.event_date = resolved.iso
                frame.mention.date_precision = resolved.precision
                frame.mention.cite("event_date", state.evidence(start, end))
        _dated_after(state)
        # an act told only as what another answered, with no day of its own, is that act's cause, not an event the
        # report tells: its day (before the answer) and often its place are unknown
        state.frames = [frame for frame in state.frames if frame not in answered]

    return run


# a year before the report's, told with the act: "In 2012, M23 rebels briefly captured Goma"
_A_YEAR_TOLD = r"(?:in|during|since|by|until)\s+(?:early\s+|late\s+|mid-?)?(?P<year>(?:19|20)\d\d)\b"
_IN_A_PAST_YEAR = re.compile(r"\b" + _A_YEAR_TOLD, re.IGNORECASE)
_OPENING_YEAR = re.compile(r"\W*" + _A_YEAR_TOLD, re.IGNORECASE)


def _told_as_history(state: DocState, frame: Frame) -> bool:
    """An act with no day of its own whose clause puts it in a year before the report's: history the report
    recalls, which the ledger would otherwise date by the report."""
    published = state.document.published
    if published is None:
        return False
    start = frame.spans[0][0]
    # the year that opens the clause, or follows the act close after it (not one inside a clause about someone: "a
    # commander, who had trained abroad in 2011, led the ambush")
    after = frame.trigger.end
    told = [m for m in (_OPENING_YEAR.match(state.text, start),
                        _IN_A_PAST_YEAR.search(state.text, after, min(after + 40, frame.spans[0][1])))
            if m is not None and "," not in state.text[after : m.start()]]
    return any(int(m.group("year")) < published.year for m in told)


# the act told before, dated in a sentence of its own: "The attack took place on Saturday, the army said."
_DATED_AFTER = re.compile(r"\W*the\s+(?:attack|ambush|bombing|blast|explosion|strike|raid|killings?|incident|assault|"
                          r"massacre|shooting|clash(?:es)?|fighting|abduction|kidnapping)\s+(?:\w+\s+){0,2}?"
                          r"(?:took place|happened|occurred|was carried out|unfolded)\b", re.IGNORECASE)


def _dated_after(state: DocState) -> None:
    """A sentence that only dates the act told just before it gives that act its day (the day the sentence before
    named, "... were flown to Ouagadougou on Tuesday", was that of something else)."""
    for before, frame in zip(state.frames, state.frames[1:], strict=False):
        dated = frame.mention.evidence.get("event_date")
        if dated and _DATED_AFTER.match(state.text, frame.spans[0][0]) and before.spans[0][0] < frame.spans[0][0]:
            before.mention.event_date = frame.mention.event_date
            before.mention.date_precision = frame.mention.date_precision
            before.mention.evidence["event_date"] = list(dated)


_ANSWERED_OPENING = re.compile(r"\W*(?:in (?:retaliation|response|revenge) (?:for|to)|to avenge|retaliating for|"
                               r"in what (?:it|they|he|she|officials) (?:called|described as|said was) (?:a )?"
                               r"(?:retaliation|response) (?:for|to))\b", re.IGNORECASE)


_TIME_SINCE = re.compile(r"\W*(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>day|week|month)s?"
                         r"\s+(?:after|since)\b", re.IGNORECASE)


def _time_since(state: DocState, frame: Frame) -> list[tuple[ResolvedDate, int, int]]:
    """"A week after gunmen abducted 280 pupils, their parents still wait": the act told after the opening lies that
    long before the report (to the day, the week or the month the count is in)."""
    published = state.document.published
    sentence = frame.sentences[0]
    opening = _TIME_SINCE.match(state.text, sentence.start, sentence.end)
    if published is None or opening is None or frame.trigger.start < opening.end():
        return []
    n = word_value(opening.group("n")) or 1
    unit = opening.group("unit").lower()
    back = timedelta(days=n * {"day": 1, "week": 7, "month": 30}[unit])
    # ... or before the day of the act the sentence goes on to tell: "A day after three girls were stabbed to death,
    # hundreds rioted on Tuesday"
    base = published
    main = next((f for f in state.frames if f is not frame and f.sentences[0].start == sentence.start
                 and f.spans[0][0] > frame.spans[0][0]), None)
    told = frame_dates(state, main) if main is not None else []
    if told and told[0][0].precision == "day":
        base = told[0][0].value
    return [(ResolvedDate(base - back, "day" if unit == "day" else unit), opening.start("n"), opening.end())]


def _owned_first(state: DocState, frame: Frame, found: list[tuple[ResolvedDate, int, int]]
                 ) -> list[tuple[ResolvedDate, int, int]]:
    """The day the event's own noun owns first: "Thursday's funeral for the victims of Tuesday's attack"."""
    trigger = frame.trigger.start
    owned = [f for f in found if _POSSESSIVE.match(state.text, f[2]) and 0 < trigger - f[2] <= 30
             and not re.search(r"[,;.]", state.text[f[2] : trigger])]
    return owned + [f for f in found if f not in owned]


def _finest_first(found: list[tuple[ResolvedDate, int, int]], text: str) -> tuple[ResolvedDate, int, int]:
    """The first date told, or the day it goes on to pin down: "Ten years ago, on July 29, 2014" (the month counted
    back, then the day inside it); "an overnight raid ... before dawn on Sunday" (the night, then its day)."""
    first, start, end = found[0]
    if first.precision == "month":
        for later in found[1:]:
            day = later[0]
            if day.precision == "day" and (day.value.year, day.value.month) == (first.value.year, first.value.month):
                return later
    if _A_NIGHT_UNNAMED.fullmatch(text, start, end):
        named = next((later for later in found[1:] if later[0].precision == "day" and later[1] - end <= 120
                      and _ITS_DAY.search(text, later[1], later[2])), None)
        if named is not None:
            return named
    return found[0]


# a night told only as the one before the report, and the day it goes on to name ("before dawn on Sunday")
_A_NIGHT_UNNAMED = re.compile(r"(?:an\s+|the\s+)?(?:overnight|last night)", re.IGNORECASE)
_ITS_DAY = re.compile(rf"\b{WEEKDAY_NAMES}\b", re.IGNORECASE)


def _sentence_before(state: DocState, frame: Frame, told: set[int]) -> tuple[int, Sentence] | None:
    """The sentence right before an event told in one sentence, with its index, when it tells no event itself."""
    if len(frame.sentences) > 1:
        return None
    first = frame.sentences[0]
    index = next((i for i, s in enumerate(state.sentences) if s.start == first.start), None)
    if not index or state.sentences[index - 1].start in told:
        return None
    return index - 1, state.sentences[index - 1]


def _dates_of(state: DocState, frame: Frame, sentence: Sentence) -> list[tuple[ResolvedDate, int, int]]:
    """The event dates `sentence` gives, read as if it were the frame's own clause."""
    return frame_dates(state, Frame(mention=frame.mention, sentences=[sentence], spans=[(sentence.start, sentence.end)],
                                    trigger=frame.trigger))


def _lead_date(state: DocState, frame: Frame, told: set[int]) -> list[tuple[ResolvedDate, int, int]]:
    """The date of the report's lead sentence when it tells no event of its own and the undated event is told
    right after it ("Thousands of protesters stormed parliament on Tuesday ... Police opened fire on the crowd"):
    the lead dates the story it opens."""
    before = _sentence_before(state, frame, told)
    body = next((i for i, s in enumerate(state.sentences) if s.start >= state.headline_end), None)
    if before is None or before[0] != body:
        return []
    return _dates_of(state, frame, before[1])


# (a transcript's speaker tag may come first: "A: Around 9 p.m. on Saturday a car approached the checkpoint")
_SCENE_OPENING = re.compile(r"\s*(?:[A-Z][\w.]*:\s*)?(?:On|Early|Late|Overnight|By|At|Around|Shortly)\b")


def _scene_date(state: DocState, frame: Frame, told: set[int]) -> list[tuple[ResolvedDate, int, int]]:
    """The date of a sentence that sets the scene just before an undated event and tells no event of
    its own ("On Wednesday it was the turn of the al-Tanf garrison. One drone hit the base."); that
    sentence joins the event, so its place is the event's place too."""
    before = _sentence_before(state, frame, told)
    if before is None:
        return []
    scene = before[1]
    # ("- March 13: An IED struck ...": an item's date heads it, and the tagger may cut it off as a sentence)
    heading = state.text[scene.start : scene.end].rstrip().endswith(":")
    if not (_SCENE_OPENING.match(state.text, scene.start, scene.end) or heading):
        return []
    found = _dates_of(state, frame, scene)
    if found:
        frame.sentences.append(scene)  # after its own clause, which stays the one its roles are read from
        frame.spans.append((scene.start, scene.end))
        frame.scene_start = scene.start
        return found
    return []


def default_date(state: DocState, frame: Frame) -> None:
    """No date in the event's own clauses: the document's dateline, or the day a wire report was filed, else the
    publication date.

    A report that gives no day describes something recent; ACLED's practice is to code the
    publication date with week precision rather than leave the event undated.
    """
    mention = frame.mention
    if mention.event_date is not None:
        return
    line = dateline(state)
    filed = _filed_on(state) if line is None else None
    if line is not None:
        resolved, start, end = line
        mention.event_date, mention.date_precision = resolved.iso, resolved.precision
        mention.cite("event_date", state.evidence(start, end))
    elif filed is not None:
        resolved, start, end = filed
        mention.event_date, mention.date_precision = resolved.iso, "week"
        mention.cite("event_date", state.evidence(start, end))
    elif state.document.published is not None:
        mention.event_date = state.document.published.isoformat()
        mention.date_precision = "week"


_FILED_DATE = re.compile(r"\b(" + MONTH_WORD + r"\s+\d{1,2}\b|\d{1,2}\s+" + MONTH_WORD + r"(?:\s+\d{2,4})?\b)",
                         re.IGNORECASE)


def _filed_on(state: DocState) -> tuple[ResolvedDate, int, int] | None:
    """The day a wire report was filed, from its dateline ("DAMASCUS, April 1 (SANA) -"): what it tells without a
    day of its own had happened by then, so that day (with a week's precision) dates it better than a later
    publication date."""
    start, end = state.dateline
    found = _FILED_DATE.search(state.text, start, end) if end > start else None
    if found is None:
        return None
    published = state.document.published
    resolved = resolve_date(found.group(1), published)
    # (only a day before the publication date tells more than it: an undated event keeps the publication date's
    # reading where the two agree)
    if resolved is None or resolved.precision != "day" or published is not None and resolved.iso >= published.isoformat():
        return None
    return resolved, found.start(1), found.end(1)


def _day_it_was_told(state: DocState, frame: Frame) -> tuple[ResolvedDate, int, int] | None:
    """The day the event's own clause says it was told ("Hamas said on Wednesday that its leader was killed"):
    what was told had happened by then, so that day (with a week's precision) dates it better than a later
    publication date."""
    published = state.document.published
    for sentence, start, end in frame.clauses():
        for ent in sentence.span.doc.ents:
            e_start, e_end = sentence.offset + ent.start_char, sentence.offset + ent.end_char
            if ent.label_ != "DATE" or not start <= e_start < end:
                continue
            head = ent.root.head
            if (head if head.dep_ != "prep" else head.head).lower_ in SPEECH_FORMS \
                    or _SAID_ON.search(state.text, max(0, e_start - 30), e_start):
                resolved = resolve_date(state.text[e_start:e_end], published)
                if resolved is not None and resolved.precision == "day" and (
                        published is None or resolved.iso <= published.isoformat()):
                    return resolved, e_start, e_end
    return None


# "Immediately following the attack, a gunship struck ...", "and then struck back": the same night as
# the event told just before it
_RIGHT_AFTER = re.compile(r"\b(?:immediately|shortly after(?:wards?)?|minutes (?:after|later)|moments (?:after|later)|"
                          # ... or hours either side, or later or earlier the same day: "Hours earlier, a bomb hit ..."
                          r"(?:a few |several |two |three )?hours (?:earlier|later|before|after)(?!\s+[\"“‘']?(?:the|a|an|its|it|he|she|they)\b)|"
                          r"(?:later|earlier) (?:that|the same|in the) (?:day|night|evening|morning|afternoon)|"
                          r"within (?:minutes|the hour|hours)|(?:struck|hit|fired|strike|hitting|striking) back|"
                          r"then (?:struck|hit|fired|opened fire|attacked|bombed|targeted))\b", re.IGNORECASE)


# "The next day they attacked the nearby village", "two days later": a day counted from the event told before
_DAYS_AFTER = re.compile(r"\b(?:the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)|"
                         r"(?P<later>a|one|two|three|four|five|six|seven|\d)\s+days?\s+later|"
                         r"(?P<earlier>a|one|two|three|four|five|six|seven|\d)\s+days?\s+(?:earlier|before)(?!\s+\w)|"
                         r"(?P<before>the\s+(?:previous|preceding)\s+(?:day|night|evening)))\b", re.IGNORECASE)


# "Turkish jets struck PKK targets on Wednesday, a day after an attack near Ankara killed five": the clause
# cut off at "after" tells an act that many days before the one told just before it
DAYS_BEFORE_IT = re.compile(r"\W*(?P<count>a|an|one|two|three|four|five|six|seven|\d)\s+(?:days?|nights?)\s+after\b",
                            re.IGNORECASE)


def _date_of_what_it_followed(state: DocState, frame: Frame) -> list[tuple[ResolvedDate, int, int]]:
    _, start, end = frame.clauses()[0]
    right_after = _RIGHT_AFTER.search(state.text[start:end])
    days_after = None if right_after else DAYS_BEFORE_IT.match(state.text, start, end) or _DAYS_AFTER.search(
        state.text, start, end)
    if right_after is None and days_after is None:
        return []
    before = [f for f in state.frames if f is not frame and f.spans[0][0] < start and f.mention.event_date
              and f.mention.date_precision == "day" and "event_date" in f.mention.evidence]
    if not before:
        return []
    previous = before[-1].mention
    day = date.fromisoformat(previous.event_date)
    if days_after is None:
        cited = previous.evidence["event_date"][0]
        return [(ResolvedDate(day, "day"), cited.start, cited.end)]
    groups = days_after.groupdict()
    count = groups.get("later") or groups.get("earlier") or groups.get("count")
    shift = 1 if count is None else (1 if count.lower() in ("a", "an", "one") else word_value(count) or 1)
    if groups.get("earlier") or groups.get("before") or groups.get("count"):
        shift = -shift
    return [(ResolvedDate(day + timedelta(days=shift), "day"), days_after.start(), days_after.end())]


# "Separately, ...", "Meanwhile, ...": the report turns to another happening
_ANOTHER_HAPPENING = re.compile(r"\s*(?:separately|meanwhile|elsewhere|in (?:a |an )?(?:separate|another|other|unrelated) "
                                r"(?:attack|incident|strike|raid|bombing|development)s?)\b", re.IGNORECASE)


# ... though another happening told as on the same day had that day: "Separately, an attack on a mosque killed dozens
# at dawn prayers the same day"
_THAT_SAME_DAY = re.compile(r"\b(?:on\s+)?(?:the\s+same|that)\s+(?:day|night|morning|evening)\b", re.IGNORECASE)


@component("same_day")
def same_day() -> object:
    """An event a report tells with no day of its own, after one it dates, happened that day: the places a
    night's barrage hit, told after the dated lead ("Russia fired 40 missiles overnight ... Two people were
    killed in Kharkiv"), unless the report turns to another happening; else, by the day its clause says it was
    told, when it says one. Runs after the incident gate, so a borrowed day never makes a mention an incident."""

    def run(state: DocState) -> None:
        dated: Frame | None = None
        for frame in sorted(state.frames, key=lambda f: min(start for start, _ in f.spans)):
            mention = frame.mention
            if "event_date" in mention.evidence:
                dated = frame
            elif dated is not None and (not _ANOTHER_HAPPENING.match(state.text, frame.spans[0][0])
                                        or _THAT_SAME_DAY.search(state.text, *frame.spans[0])):
                mention.event_date, mention.date_precision = dated.mention.event_date, dated.mention.date_precision
                mention.cite("event_date", *dated.mention.evidence["event_date"])
            elif said := _day_it_was_told(state, frame):
                resolved, start, end = said
                mention.event_date, mention.date_precision = resolved.iso, "week"
                mention.cite("event_date", state.evidence(start, end))

    return run
