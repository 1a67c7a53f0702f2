"""Running-tally claims: "the 66th attack on U.S. forces since Oct. 17, according to ABC News".

A claim is kept as the report states it, so the ledger's own count for the same window can
be set beside it. A follow-up sentence ("About 70 troops were injured during that time")
adds its casualty figure to the claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache

from ..model import TallyClaim
from ..resolve.dates import MONTH_WORD, ResolvedDate, resolve_date
from .numbers import NUMBER, Amount, parse_amount, word_value
from .pipeline import DocState, component
from .sources import as_organisation, sources_in, speakers

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}
_A_DAY = (r"(?:mid-|early |late )?(?:" + MONTH_WORD + r"(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\d{1,2}\s+" + MONTH_WORD
          + r"(?:\s+\d{4})?)")
_A_WAR = r"(?:war|conflict|fighting|offensive|campaign|invasion|crisis)"
_SINCE = re.compile(
    r"\bsince\s+(?P<since>" + _A_DAY +
    # "since the start of the year": the first day of the report's year or month
    r"|the\s+(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?(?P<period>year|month)"
    # "since the war began", "since the start of the Israel-Hamas war": a window whose first day the report does not
    # give, or gives after it ("since the Gaza war began on Oct. 7")
    r"|the\s+(?:start|beginning|outbreak)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?" + _A_WAR +
    r"|the\s+(?:[\w'’-]+\s+){0,3}?" + _A_WAR + r"\s+(?:began|started|broke\s+out|erupted)(?:\s+(?:on|in)\s+(?P<began>"
    + _A_DAY + r"))?)",
    re.IGNORECASE,
)
# ... or a window counted back from the report: "the 10th attack this year", "40 strikes in the past week"
_WINDOW = re.compile(r"\b(?:(?:so far\s+)?this\s+(?P<this>year|month|week)|(?:in|over|during)\s+the\s+(?:past|last)\s+"
                     r"(?:(?P<n>\d+|two|three|four|five|six|seven|ten|several)\s+)?(?P<unit>day|week|month)s?"
                     # ... or the first months of a year: "in the first six months of 2024"
                     r"|(?:in|over|during)\s+the\s+first\s+(?:\w+\s+)?(?:months?|quarter|half)\s+of\s+(?P<year>(?:19|20)\d\d))\b",
                     re.IGNORECASE)
_AND_MORE_IN = re.compile(r"\bin\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+and\s+(?P<num>" + NUMBER
                          + r")\s+(?:more\s+|others?\s+)?in\s+(?:the\s+)?[A-Z]")
_ORDINAL = re.compile(r"\b(?P<n>\d+)(?:st|nd|rd|th)\b|\b(?P<w>" + "|".join(_ORDINAL_WORDS) + r")\b", re.IGNORECASE)
_COUNT = re.compile(r"\b(?P<num>" + NUMBER + r")\s+(?:\w+\s+){0,2}(?P<what>attacks|strikes|incidents|times|raids|bombings|"
                    r"assaults)\b",
                    re.IGNORECASE)
_FOLLOW_UP = re.compile(r"\b(?:during that time|since then|in (?:those|these|the) (?:attacks|strikes|raids|incidents|"
                        r"bombings|assaults)|so far|in total|in all|"
                        r"over that period|during that period)\b", re.IGNORECASE)
# (never across another clause: "had injured dozens of personnel but killed none")
_NOT_ACROSS = r"(?!(?:but|while|whereas|although|and)\b)"
_INJURED = re.compile(r"\b(?P<num>" + NUMBER + r")\s+(?:" + _NOT_ACROSS + r"[\w.-]+\s+){0,3}(?:sustained|suffered|were|have been|"
                      r"had been)?\s*(?:" + _NOT_ACROSS + r"\w+\s+){0,4}?(?P<kind>injur\w*|wound\w*|hurt|killed|dead|died)\b",
                      re.IGNORECASE)
# ... and the figure told after its verb: "..., injuring more than 140 troops"
_CAUSED = re.compile(r"\b(?P<kind>injuring|wounding|hurting|killing|injured|wounded|killed)\s+(?P<num>" + NUMBER + r")\b",
                     re.IGNORECASE)
# ... or none: "but killed none"
_NONE = re.compile(r"\b(?P<kind>killed|killing|injured|injuring|wounded|wounding)\s+(?:none|no one|nobody)\b", re.IGNORECASE)
# (read up to the window's "since" only: "U.S." holds stops)
_A_TIME_OF_HARM = re.compile(r"\s+times?\b(?![^;]*\b(?:attack|target|struck|hit|fired|shelled|come under))[^;]*?"
                             r"\b(?:killed|died|wounded|injured)\b"
                             # ... or the first attack that killed: "the attack was the first to kill U.S. troops since"
                             r"|\s+(?:one\s+|attack\s+)?to\s+(?:kill|wound|injure)\b", re.IGNORECASE)
_ACTS = re.compile(r"\b(?:attack|strike|target|time|raid|bombing|assault)", re.IGNORECASE)
_US = re.compile(r"(?:\bU\.S\.|\bUS\b|\bAmerican\b|\bUnited States\b)")
_COUNTRIES = ("Iraq", "Syria", "Jordan", "Yemen", "Lebanon", "Israel", "the Red Sea")
_US_ACTS = re.compile(r"(?:\bU\.S\.|\bUS\b|\bAmerican\b)\s+(?:air\s*|drone\s+|military\s+)?(?P<act>strikes?|raids?)\b")


# what else is counted, in the report's own words: "40 drone strikes on Russian oil refineries since ..."
_COUNTED = re.compile(
    r"\b(?P<what>(?:(?:drone|missile|rocket|air|suicide|militant|terrorist|arson|cross-border)\s+)?(?:attacks|strikes|"
    r"airstrikes|bombings|raids|incidents))\s+(?P<prep>on|against|targeting|(?:have\s+|has\s+|had\s+)?(?:hit|struck|"
    r"targeted))\s+(?P<target>(?:[\w'’.-]+\s+){0,4}?[\w'’.-]+?)"
    r"(?=\s+(?:since|in|across|this|so|according|have|has|were|was|had)\b|\s*[,;]|\.(?:\s|$)|\s*$)",
    re.IGNORECASE,
)


# who tells the count, closing the sentence: "..., U.S. officials said.", "..., according to the Pentagon"
_ATTRIBUTION = re.compile(r",\s*(?:according to\b[^,;]*|(?:a\s+|the\s+)?(?:[\w.'’-]+\s+){0,5}?(?:said|says|told\s+\w+|"
                          r"reported)(?:\s+[\w.'’-]+){0,3})\s*[.]?\s*$", re.IGNORECASE)
# ... or told by the verb and a number of times: "have attacked commercial shipping in the Red Sea 45 times" (in the
# active voice: "have been attacked 76 times" tells the attacked before the verb)
_ATTACKED_TIMES = re.compile(
    r"\b(?:have|has|had)\s+(?:attacked|targeted|struck|hit)\s+(?P<target>(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+?)"
    r"(?=\s+(?:in|at|near|off|across)\s[^.;]{0,80}?\btimes\b|\s+(?:more than|over|at least|about|some|\d)[^.;]{0,20}?\btimes\b)",
    re.IGNORECASE)


def _window_start(since: re.Match[str], published: date | None) -> ResolvedDate | None:
    """The first day of the window "since ..." (or "this year", "in the past week") opens, or None when the report
    does not give it."""
    if since.re is _WINDOW:
        if since.group("year"):
            return ResolvedDate(date(int(since.group("year")), 1, 1), "day")
        if published is None:
            return None
        this = (since.group("this") or "").lower()
        if this:
            first = {"year": published.replace(month=1, day=1), "month": published.replace(day=1),
                     "week": published - timedelta(days=published.weekday())}[this]
            return ResolvedDate(first, "day")
        n = word_value(since.group("n")) if since.group("n") else 1
        days = {"day": 1, "week": 7, "month": 30}[since.group("unit").lower()] * (n or 1)
        return ResolvedDate(published - timedelta(days=days), "day")
    period = since.group("period")
    if period:
        if published is None:
            return None
        return ResolvedDate(published.replace(month=1 if period.lower() == "year" else published.month, day=1), "day")
    told = since.group("began") or since.group("since")
    if told.lower().startswith("the "):
        return None  # "since the war began": the report does not say when
    resolved = resolve_date(told, published)
    part = _PART_OF_A_MONTH.match(told)
    if resolved is not None and part and resolved.precision == "month":
        # "since mid-October": from the middle of the month, not its first day (late: its last third)
        return ResolvedDate(resolved.value.replace(day=15 if part.group(1).lower() == "mid" else 21), "day")
    return resolved


_PART_OF_A_MONTH = re.compile(r"(mid|late)[- ]", re.IGNORECASE)


@lru_cache(maxsize=1)
def _peoples() -> dict[str, str]:
    """Each counted country's people's words ("Iraqi"), as an alternation, from the gazetteer's country list."""
    from ..resolve.gazetteer import countries_rows

    out = {}
    for row in countries_rows():
        words = [re.escape(d.strip()) for d in re.split(r"[,|]", row.get("demonyms") or "") if d.strip()]
        if row["name"] in _COUNTRIES and words:
            out[row["name"]] = "|".join(words)
    return out


def counted_phrase(sentence: str, where: str | None = None) -> str:
    """What is being counted, in the ledger's terms ("attacks on U.S. forces in Iraq and Syria"); the countries
    are read from `where` when given (the words of the count itself, not the event it is told beside)."""
    told = _COUNTED.search(sentence)
    times = _ATTACKED_TIMES.search(sentence) if told is None else None
    if times and not _US.search(times.group("target")):
        # "Houthi forces have attacked commercial shipping ... more than 45 times": what was attacked, whoever said so
        base = f"attacks on {times.group('target')}"
    elif told is None and (own := _US_ACTS.search(sentence)):
        base = f"U.S. {own.group('act').lower().rstrip('s')}s"  # "the second U.S. strike inside Baghdad": the U.S.'s own
    elif told is None or _US.search(sentence, told.start("target"), told.end("target") + 1):
        # "attacks on U.S. and coalition forces", "U.S. troops have been attacked 160 times" (not "..., U.S.
        # officials said": who tells the count is not what it counts)
        base = "attacks on U.S. forces" if _US.search(_ATTRIBUTION.sub("", sentence)) else "attacks"
    else:
        prep = told.group("prep").lower()
        base = f"{told.group('what').lower()} {prep if prep in ('on', 'against') else 'on'} {told.group('target')}"
        if _US.search(sentence[max(0, told.start() - 12) : told.start()]):
            base = "U.S. " + base  # "the third round of American strikes on Iran-linked targets": the U.S. struck
    told = sentence if where is None else where
    # (a country's capital told by its people's word counts there too: "inside the Iraqi capital")
    peoples = _peoples()
    places = [c for c in _COUNTRIES if re.search(r"\b" + c + r"\b", told)
              or c in peoples and re.search(rf"\bthe (?:{peoples[c]}) capital\b", told)]
    if places:
        base += " in " + (" and ".join(places) if len(places) <= 2 else ", ".join(places[:-1]) + " and " + places[-1])
    return base


def find_claims(state: DocState) -> list[TallyClaim]:
    claims: list[TallyClaim] = []
    published = state.document.published
    sentences = state.sentences
    for i, sentence in enumerate(sentences):
        text = state.text[sentence.start : sentence.end]
        since = _SINCE.search(text) or _WINDOW.search(text)
        if not since or not _ACTS.search(text):
            continue
        count = None
        count_span = None
        # the ordinal nearest the "since" counts its window ("the third attack this week, and the 160th since
        # October 17": 160), told with what it counts or after it ("the 160th on U.S. forces")
        ordinals = list(_ORDINAL.finditer(text[: since.start()]))
        ordinal = ordinals[-1] if ordinals else None
        if ordinal and _A_TIME_OF_HARM.match(text, ordinal.end(), since.start()):
            continue  # "the first time U.S. troops have been killed by hostile fire since ...": deaths, not attacks, counted
        if ordinal and (_ACTS.search(text[ordinal.end() : ordinal.end() + 40]) or _ACTS.search(text[: ordinal.start()])):
            count = int(ordinal.group("n")) if ordinal.group("n") else _ORDINAL_WORDS[ordinal.group("w").lower()]
            count_span = ordinal.span()
        else:
            number = _COUNT.search(text)
            amount = parse_amount(number.group("num")) if number else None
            if amount is not None:
                count = amount.best if amount.best is not None else amount.low
                count_span = number.span()
                # "58 attacks against American troops in Iraq and 78 in Syria since October 17": one count, in parts
                more = _AND_MORE_IN.search(text, number.end(), since.start())
                extra = parse_amount(more.group("num")) if more else None
                if extra is not None and count is not None:
                    count += extra.best if extra.best is not None else extra.low or 0
                    count_span = (number.start(), more.end())
        if count is None or count_span is None:
            continue
        since_date = _window_start(since, published)
        until = _until(state, sentence)
        who = sources_in(text)
        claim = TallyClaim(
            doc_id=state.document.id,
            text=state.document.text[sentence.start : sentence.end].strip(),
            start=sentence.start,
            end=sentence.end,
            count=count,
            # "Sunday's strike on Tower 22 in Jordan was the 160th attack on U.S. forces in the region since ...":
            # an ordinal's count is told after it, and the event it stands beside names its own country
            counted=counted_phrase(text, text[count_span[0] : since.end()] if ordinal and count_span == ordinal.span()
                                   else None),
            since=since_date.iso if since_date else None,
            until=until,
            attributed_to=as_organisation(who[0][0], speakers(state.text)) if who else None,
        )
        claim.evidence["count"] = [state.evidence(sentence.start + count_span[0], sentence.start + count_span[1])]
        window = since.span("since") if since.re is _SINCE and since.group("since") else since.span()
        claim.evidence["since"] = [state.evidence(sentence.start + window[0], sentence.start + window[1])]
        if who:
            claim.evidence["attributed_to"] = [state.evidence(sentence.start + who[0][1], sentence.start + who[0][2])]
        _add_figures(state, claim, sentence, count_span[1])
        _add_follow_up(state, claim, sentences[i + 1] if i + 1 < len(sentences) else None)
        claims.append(claim)
        claims += _recounts(state, claim, sentences[i + 1 : i + 3])
    return _headline_told_again(state, claims)


def _headline_told_again(state: DocState, claims: list[TallyClaim]) -> list[TallyClaim]:
    """A headline's count that the body gives again ("Pentagon counts 140 attacks since October", then "the 140th
    attack ... since Oct. 17, according to a Pentagon count") is one claim: the body's, which says more."""
    if not state.headline_end:
        return claims
    body = [c for c in claims if c.start >= state.headline_end]
    return [c for c in claims if c.start >= state.headline_end or not any(b.count == c.count for b in body)]


# another count for the same window, told next: "Another official put the number of attacks at 165."
_RECOUNT = re.compile(r"\b(?:(?:put|puts|placed|places|gave|gives|estimated|estimates)\s+(?:the\s+|their\s+|its\s+)?"
                      r"(?:number|count|tally|total)(?:\s+of\s+(?:such\s+)?(?:attacks|strikes|incidents))?\s+at|"
                      r"(?:number|count|tally|total)(?:\s+of\s+(?:such\s+)?(?:attacks|strikes|incidents))?\s+"
                      r"(?:stands|stood|rose|reached|is|was)\s+(?:at\s+)?)\s*(?P<num>" + NUMBER + r")", re.IGNORECASE)


def _recounts(state: DocState, claim: TallyClaim, following: list) -> list[TallyClaim]:
    """Counts for the same window that the next sentences give ("another official put the number at 165"):
    the different figures outlets and officials give are what a user sets beside the ledger's own."""
    out = []
    for sentence in following:
        text = state.text[sentence.start : sentence.end]
        m = _RECOUNT.search(text)
        if m is None or _SINCE.search(text):
            continue
        amount = parse_amount(m.group("num"))
        count = None if amount is None else amount.best if amount.best is not None else amount.low
        if count in (None, claim.count):
            continue
        who = sources_in(text)
        recount = TallyClaim(doc_id=claim.doc_id, text=state.document.text[sentence.start : sentence.end].strip(),
                             start=sentence.start, end=sentence.end, count=count, counted=claim.counted,
                             since=claim.since, until=claim.until,
                             attributed_to=as_organisation(who[0][0], speakers(state.text)) if who else None)
        recount.evidence["count"] = [state.evidence(sentence.start + m.start("num"), sentence.start + m.end("num"))]
        recount.evidence["since"] = claim.evidence["since"]  # the window is the claim's before it
        if who:
            recount.evidence["attributed_to"] = [state.evidence(sentence.start + who[0][1], sentence.start + who[0][2])]
        out.append(recount)
    return out


def _casualty_figures(text: str, start: int = 0) -> Iterator[tuple[str, Amount, re.Match[str]]]:
    """(fatalities|injuries, amount, match) for each casualty figure in `text` from `start` on."""
    found = sorted([*_INJURED.finditer(text, start), *_CAUSED.finditer(text, start), *_NONE.finditer(text, start)],
                   key=lambda m: m.start())
    for m in found:
        amount = Amount(0, 0, 0) if m.re is _NONE else parse_amount(m.group("num"))
        if amount is not None:
            yield ("fatalities" if m.group("kind").lower().startswith(("kill", "dead", "died")) else "injuries"), amount, m


def _add_figures(state: DocState, claim: TallyClaim, sentence, after: int) -> None:
    """Casualty figures the claim's own sentence gives after its count ("..., and more than 120 have been hurt")."""
    text = state.text[sentence.start : sentence.end]
    for field, amount, m in _casualty_figures(text, after):
        value = amount.best if amount.best is not None else amount.low
        if value is None:
            continue
        if getattr(claim, field) is None:
            setattr(claim, field, value)
            claim.evidence[field] = [state.evidence(sentence.start + m.start(), sentence.start + m.end())]


def _until(state: DocState, sentence) -> str | None:
    """The day the count runs to: the event the sentence refers to ("Monday night's attack"), else publication."""
    published = state.document.published
    text = state.text[sentence.start : sentence.end]
    # (before the window, whichever way it is told: "12 drone attacks on the base this month" runs to publication)
    before_since = text[: (_SINCE.search(text) or _WINDOW.search(text) or re.search(r"$", text)).start()]
    for ent in sentence.span.ents:
        if ent.label_ in ("DATE", "TIME") and ent.start_char - (sentence.start - sentence.offset) < len(before_since):
            resolved = resolve_date(ent.text, published)
            if resolved:
                return resolved.iso
    return published.isoformat() if published else None


def _add_follow_up(state: DocState, claim: TallyClaim, sentence) -> None:
    if sentence is None:
        return
    text = state.text[sentence.start : sentence.end]
    if not _FOLLOW_UP.search(text):
        return
    for field, amount, m in _casualty_figures(text):
        if amount.best is None:
            continue
        setattr(claim, field, amount.best)
        claim.evidence[field] = [state.evidence(sentence.start + m.start(), sentence.start + m.end())]
        claim.end = sentence.end
        claim.text = state.document.text[claim.start : claim.end].strip()


@component("claims")
def claims() -> object:
    def run(state: DocState) -> None:
        state.claims = find_claims(state)

    return run
