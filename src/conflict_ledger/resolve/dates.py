"""Date expressions -> absolute dates with a precision, relative to the publication date.

News writes relative dates ("Monday night", "last night", "on Sunday"); a report of Tuesday
2023-11-21 saying "Monday night" means 2023-11-20. dateparser handles the absolute forms;
the relative news idioms are handled here first because dateparser reads a bare weekday
equal to today's as a week ago, while news means today ("the Pentagon said Tuesday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_NAMES = "(?:" + "|".join(day.capitalize() for day in WEEKDAYS) + ")"  # for patterns: "(?:Monday|...|Sunday)"
_DAYPART = re.compile(
    r"\b(early|late|on|the|this|last|past|in|during|overnight|night|nights|morning|afternoon|evening|hours|"
    r"of|at|around|midday|noon|dawn|dusk|before|after|'s|s)\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_MONTH_ONLY = re.compile(
    r"^(?:in |during |early |late |mid-?)*(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"(?:,?\s+(\d{4}))?$",
    re.IGNORECASE,
)
_YEAR_ONLY = re.compile(r"^(?:in |during )?(\d{4})$")
_MDY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
# "on the 18th": a day of the month the report was published in, or of the month before when that day is still to come
_NTH = re.compile(r"^(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)$")
_A_YEAR = re.compile(r"^(?:(?:in|during|over|of|the)\s+)*(?:last|this|past|next|previous) year$")
# "2 April this year", "on 3 June of last year": the day, in the year the report says
_IN_A_YEAR = re.compile(r"^(?P<day>.*?\d.*?),?\s+(?:of\s+)?(?P<year>this|last) year$")
# "nearly three years ago": as far back as the count says, to the month at best
_AGO = re.compile(r"^(?:(?:more than|over|nearly|almost|about|some|around|at least)\s+)?(?P<count>.+?\s+(?:years?|months?)\s+ago)$")


# "one year ago today", "ten years ago this week": counted back from the report's day, or its week or month
_AGO_TODAY = re.compile(r"\s+(?:today|this week|this month)$")
_PART_OF_A_DAY = re.compile(r"^(?:in\s+|on\s+)?(?:the\s+)?(?:early|small|late|wee)?\s*(?:hours|morning|afternoon|evening|night)"
                            r"\s+of\s+(?=\S)", re.IGNORECASE)


@dataclass(frozen=True)
class ResolvedDate:
    value: date
    precision: str  # day | week | month

    @property
    def iso(self) -> str:
        return self.value.isoformat()


# two days of one month: "March 5-6", "5-6 March", "March 5 to 6"
_DAY_SPAN = re.compile(r"\b(?P<first>\d{1,2})\s*(?:-|–|to|and)\s*\d{1,2}\b(?!\s*(?:[/:.]|p\.?m|a\.?m|hours?))")


# days of one week: "between Thursday and Saturday", "from Friday to Sunday"
_WEEKDAY_SPAN = re.compile(rf"^(?:between\s+|from\s+)?(?P<first>(?:(?:early|late)\s+)?(?:{'|'.join(WEEKDAYS)}))\s+"
                           rf"(?:and|to|through|until|into|-|–)\s+(?:(?:early|late)\s+)?(?:{'|'.join(WEEKDAYS)})$")
# a month's name, whole or cut short ("Jan.", "Sept", "January"), for patterns
MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_MONTH_WORD = re.compile(r"\b" + MONTH_WORD + r"(?=\s|\d|$)", re.IGNORECASE)


def resolve_date(expression: str, published: date | None) -> ResolvedDate | None:
    """An absolute date for `expression`, or None when it names no single day, week or month."""
    text = " ".join(expression.strip().strip(".,;:()").split())
    text = _PART_OF_A_DAY.sub("", text)  # "the early hours of New Year's Day": that day
    low = text.lower()
    if not low:
        return None
    mdy = _MDY.match(text)
    if mdy:
        first, second, year = int(mdy.group(1)), int(mdy.group(2)), int(mdy.group(3))
        if first > 12 >= second:
            first, second = second, first  # "20/11/2023" can only be day first
        try:
            return ResolvedDate(date(year, first, second), "day")
        except ValueError:
            return None
    if (nth := _NTH.match(low)) and published is not None:
        return _day_of_month(int(nth.group(1)), published)
    if _A_YEAR.match(low):
        return None  # "last year" names a year, not a day or a month
    if (in_a_year := _IN_A_YEAR.match(low)) and published is not None:
        found = resolve_date(in_a_year.group("day"), published)
        if found is None or in_a_year.group("year") == "this" or found.value.year != published.year:
            return found
        try:
            return ResolvedDate(found.value.replace(year=published.year - 1), found.precision)
        except ValueError:  # 29 February
            return ResolvedDate(found.value.replace(year=published.year - 1, day=28), found.precision)
    if (ago := _AGO.match(_AGO_TODAY.sub("", low))) and published is not None:
        parsed = _dateparser(ago.group("count"), published)
        if parsed is None:
            return None
        # "one year ago today": that very day; "nearly three years ago": the month at best
        exact = low.endswith(" today") and not re.match(r"(?:more than|over|nearly|almost|about|some|around|at least)\b", low)
        return ResolvedDate(parsed, "day") if exact else ResolvedDate(parsed.replace(day=1), "month")
    if _CLOCK_OR_SPAN.search(low) and "ago" not in low or _LENGTH_OF_TIME.match(low):
        # "20 minutes later", "at 1945 hours", "after a week of fighting", "two days": a time of day or a length of
        # time, no day (dateparser would count it back from the report, as if it said "ago")
        return None
    if (days := _WEEKDAY_SPAN.match(low)) and published is not None:
        return resolve_date(days.group("first"), published)  # dated by its first day, as a span of dates is
    if published is not None:
        relative = _relative(low, published)
        if relative is not None:
            return relative
    month = _MONTH_ONLY.match(low)
    if month and published is None and not month.group(2):
        return None  # "in November" in an undated report: which year is unknown, and unknown is null
    if month and not re.search(r"\d{1,2}(?!\d)", low.replace(month.group(2) or "####", "")):
        parsed = _dateparser(f"1 {month.group(1)} {month.group(2) or ''}".strip(), published)
        if parsed is not None:
            return ResolvedDate(parsed.replace(day=1), "month")
    if _YEAR_ONLY.match(low):
        return None
    if published is None and not re.search(r"\b\d{4}\b", low):
        return None  # "Feb. 20" in an undated report: which year is unknown, and unknown is null
    if _DAY_SPAN.search(text) and _MONTH_WORD.search(text):
        # "Jan 27-28" beside a month's name is two days, never the 27th of January 1928
        return resolve_date(_DAY_SPAN.sub(lambda m: m.group("first"), text), published)
    parsed = _dateparser(text, published)
    if parsed is None and _DAY_SPAN.search(text):
        # "the night of March 5-6", "5-6 March": a night or a span across two days is dated by its first, as ACLED does
        return resolve_date(_DAY_SPAN.sub(lambda m: m.group("first"), text), published)
    if parsed is None:
        holiday = _holiday(low, published)
        if holiday is not None:
            return ResolvedDate(holiday, "day")
        if "," in text:  # "Monday, Christmas Day": either part names the day
            for part in text.split(","):
                found = resolve_date(part, published)
                if found is not None and found.precision == "day":
                    return found
        return None
    return ResolvedDate(parsed, "day")


_CLOCK_OR_SPAN = re.compile(r"\b\d[\d,.]*\s*(?:minutes?|mins|hours?|hrs|seconds?|secs)\b")
_LENGTH_OF_TIME = re.compile(r"^(?:for |after |within |in |over |nearly |almost |about |some |more than )*"
                             r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)[- ](?:days?|weeks?|months?|"
                             r"years?|nights?)(?:[- ]long)?$")
_HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1), "new year's eve": (12, 31),
             "independence day": (7, 4), "boxing day": (12, 26)}


def names_a_holiday(text: str) -> bool:
    """Whether `text` names a fixed holiday ("New Year's Day"), which the tagger often takes for an event's name."""
    return text.lower().replace("’", "'").removeprefix("the ").strip() in _HOLIDAYS


def _day_of_month(day: int, published: date) -> ResolvedDate | None:
    month_start = published.replace(day=1)
    if day > published.day:
        month_start = (month_start - timedelta(days=1)).replace(day=1)
    try:
        return ResolvedDate(month_start.replace(day=day), "day")
    except ValueError:
        return None


def _holiday(low: str, published: date | None) -> date | None:
    """A fixed-date holiday, the latest one on or before publication."""
    found = _HOLIDAYS.get(low.replace("’", "'").removeprefix("on ").strip())
    if found is None or published is None:
        return None
    day = date(published.year, *found)
    return day if day <= published else date(published.year - 1, *found)


def _relative(low: str, published: date) -> ResolvedDate | None:
    if re.search(r"\b(yesterday|last night)\b", low):
        return ResolvedDate(published - timedelta(days=1), "day")
    # "overnight Saturday into Sunday", "overnight Friday": the night that began on the first day named
    if "overnight" in low and (night := re.search(r"\b(?:" + WEEKDAY_NAMES + r")\b", low, re.IGNORECASE)):
        return resolve_date(night.group(), published)
    # "overnight" in a day's report: the night that ran into that day, mostly after midnight
    if re.search(r"\b(today|this morning|this afternoon|this evening|tonight|earlier today|overnight)\b", low):
        return ResolvedDate(published, "day")
    if re.search(r"\b(?:over|during|at|on|this|last|past) (?:the )?weekend\b|^(?:the )?weekend$", low):
        # the weekend just gone (or the one the report is written in): its Saturday, to the week
        back = (published.weekday() - 5) % 7
        if "last" in low and back < 2:
            back += 7
        return ResolvedDate(published - timedelta(days=back), "week")
    if re.search(r"\b(last|past) week\b", low):
        return ResolvedDate(published - timedelta(days=7), "week")
    if re.search(r"\b(this|earlier this) week\b", low):
        return ResolvedDate(published, "week")
    if re.search(r"\b(last|past) month\b", low):
        first = published.replace(day=1) - timedelta(days=1)
        return ResolvedDate(first.replace(day=1), "month")
    if re.search(r"\b(this|earlier this) month\b", low):
        return ResolvedDate(published.replace(day=1), "month")
    weekday = _WEEKDAY.search(low)
    if weekday and not re.search(r"\d", low) and not re.sub(r"[\W_]+", "", _DAYPART.sub("", _WEEKDAY.sub("", low))):
        target = WEEKDAYS.index(weekday.group(1).lower())
        back = (published.weekday() - target) % 7
        if "last" in low and back == 0:
            back = 7
        return ResolvedDate(published - timedelta(days=back), "day")
    return None


def load_dateparser() -> None:
    """Build dateparser's timezone and locale tables now (about half a second on first use), so the
    cost falls at load time rather than on the first document that needs it."""
    _dateparser("1 March 2020", None)


@lru_cache(maxsize=4096)
def _dateparser(text: str, published: date | None) -> date | None:
    from datetime import datetime

    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"], "DATE_ORDER": "MDY"}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day, 12)
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    if parsed is None:
        return None
    value = parsed.date()
    if published is not None and value > published + timedelta(days=1) and not re.search(r"\b\d{4}\b", text):
        # a date after publication is a misreading for past-tense news ("Dec 30" read in January); a year
        # written out ("December 12, 2014") is what the report says
        try:
            value = value.replace(year=value.year - 1)
        except ValueError:
            return None
    return value
