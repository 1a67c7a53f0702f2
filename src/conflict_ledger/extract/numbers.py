"""Number phrases -> (best, low, high): "eight", "at least 34", "two dozen", "several", "dozens".

Vague amounts become ranges rather than made-up points: several 3-9, dozens 24-99,
scores 40-99, hundreds 200-999. A best figure is given only when the text states one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "no": 0, "both": 2, "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# vague amount -> (low, high); best stays unknown
VAGUE: dict[str, tuple[int, int | None]] = {
    "several": (3, 9),
    "multiple": (2, 9),
    "a few": (2, 5),
    "few": (2, 5),
    "a couple of": (2, 3),
    "a number of": (2, 9),
    "some": (2, 9),
    "many": (10, 99),
    "numerous": (10, 99),
    "dozens": (24, 99),
    "dozens of": (24, 99),
    "tens of": (20, 99),
    "scores": (40, 99),
    "scores of": (40, 99),
    "hundreds": (200, 999),
    "hundreds of": (200, 999),
    "thousands": (2000, 9999),
    "thousands of": (2000, 9999),
    # (the longest phrase is tried first: "tens of thousands" is no "tens of")
    "tens of thousands": (20_000, 99_999),
    "tens of thousands of": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "hundreds of thousands of": (200_000, 999_999),
    "a handful of": (2, 5),
}
_WORD_NUMBER = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(k for k in _UNITS if _UNITS[k] > 0 and _UNITS[k] < 10 and len(k) > 2) + r"))?"
    r"|" + "|".join(sorted((k for k in _UNITS if len(k) > 2), key=len, reverse=True)) + r")"
)
_MODIFIER = r"(?:at least|more than|over|nearly|almost|about|around|approximately|roughly|some|up to|as many as|fewer than|less than|an estimated|a total of)"
NUMBER = (
    # ("how many were hurt" asks, and "no one was hurt" counts, nobody)
    r"(?<!how )(?<!\bno )(?:(?:" + _MODIFIER + r")\s+)?"
    # "two dozen" before "two": an alternation takes the first of its choices that matches
    r"(?:\d{1,3}(?:,\d{3})+(?:\+(?![\w+]))?|\d+(?:\+(?![\w+]))?|(?:half\s+a|a|one|two|three|four|five|six)\s+dozen|" + _WORD_NUMBER + r"(?:\s+(?:hundred|thousand))?|a hundred|"
    + "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
    + r"|an?\b)"
)
NUMBER_RE = re.compile(r"\b" + NUMBER, re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    best: int | None
    low: int | None
    high: int | None

    def __add__(self, other: Amount) -> Amount:
        def add(a: int | None, b: int | None) -> int | None:
            return None if a is None or b is None else a + b

        return Amount(add(self.best, other.best), add(self.low, other.low), add(self.high, other.high))


def word_value(text: str) -> int | None:
    """The number a written amount names ("twenty-two", "1,500", "two hundred"), or None."""
    text = text.lower().replace("-", " ")
    if text.isdigit():
        return int(text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        return int(text.replace(",", ""))
    if text == "half a dozen":
        return 6
    parts = text.split()
    total, current = 0, 0
    for part in parts:
        if part in _UNITS:
            current += _UNITS[part]
        elif part in _TENS:
            current += _TENS[part]
        elif part == "hundred":
            current = max(current, 1) * 100
        elif part == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif part == "dozen":
            current = max(current, 1) * 12
        else:
            return None
    return total + current


def parse_amount(phrase: str) -> Amount | None:
    """An Amount for a number phrase, or None if it is not one."""
    text = " ".join(phrase.lower().split())
    modifier = None
    mod = re.match(_MODIFIER + r"\s+", text)
    if mod:
        modifier = mod.group().strip()
        text = text[mod.end():]
    if text in VAGUE:
        low, high = VAGUE[text]
        return Amount(None, low, high)
    if text.endswith("+"):  # "20+ killed": twenty or more
        text, modifier = text[:-1], "at least"
    value = word_value(text)
    if value is None:
        return None
    if modifier in ("at least", "a total of") or modifier is None or modifier == "an estimated":
        if modifier == "at least":
            return Amount(value, value, None)
        return Amount(value, value, value)
    if modifier in ("more than", "over"):
        return Amount(value + 1, value + 1, None)
    if modifier in ("nearly", "almost", "fewer than", "less than"):
        return Amount(value - 1 if value > 0 else 0, max(0, value // 2), value)
    if modifier in ("up to", "as many as"):
        return Amount(value, 0, value)
    # about, around, approximately, roughly, some
    return Amount(value, int(value * 0.8), int(round(value * 1.2)))
