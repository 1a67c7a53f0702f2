"""Who said so: the sources a report attributes each event to, plus the publishing outlet."""

from __future__ import annotations

import re

from .pipeline import DocState, component

_SPEECH = r"(?:said|says|told|reported|claimed|announced|confirmed|stated|added|wrote|posted|tweeted|acknowledged)"
_ACCORDING = re.compile(r"\baccording to\s+(?:a\s+|an\s+|the\s+)?(?P<who>[^,.;:“”\"()]{2,80})", re.IGNORECASE)
_SAID_BY = re.compile(
    r"(?P<who>(?:[A-Z][\w.'’&-]*|of|the|for|and|in|de|al-|\(|\))(?:[ -](?:[A-Z][\w.'’&()-]*|of|the|for|and|in|al|\([A-Z]+\)))*"
    r"(?<! and)(?<! or)(?<! the)(?:\s+(?:officials?|spokes(?:man|woman|person)|sources?))?)\s+(?:also\s+|later\s+)?"
    + _SPEECH + r"\b"
)
# the speaker after the verb ("..., said Plateau police spokesman Alfred Alabo"): only after a comma or a quote,
# since "Iraq says U.S. strikes killed 16" names what was said after the verb, not who said it
_SAID_AFTER = re.compile(r"[,\"”’]\s*" + _SPEECH + r"\s+(?P<who>(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&()-]*|police|army|"
                         r"military|state|provincial|regional|spokesman|spokeswoman|spokesperson|official|governor|"
                         r"minister|commander|chief)){0,6})")
# Canonical names for sources that reports write many ways.
SOURCE_ALIASES: dict[str, str] = {
    "u.s. central command": "CENTCOM",
    "us central command": "CENTCOM",
    "central command": "CENTCOM",
    "centcom": "CENTCOM",
    "pentagon": "Pentagon",
    "the pentagon": "Pentagon",
    "department of defense": "Pentagon",
    "defense department": "Pentagon",
    "dod": "Pentagon",
    "abc news": "ABC News",
    "islamic resistance in iraq": "Islamic Resistance in Iraq",
}
_NOT_SOURCES = {"it", "he", "she", "they", "we", "i", "officials", "the statement", "monday", "tuesday", "wednesday",
                "thursday", "friday", "saturday", "sunday", "this", "that", "which", "who"}


def canonical_source(raw: str) -> str | None:
    text = " ".join(raw.replace("’", "'").split()).strip(" ,.()")
    # "President Joe Biden and U.S. officials said": the named speaker
    text = re.split(r"\s+and\s+(?=(?:[A-Z][\w.'-]*\s+){1,3}(?:officials?|spokes\w+|sources?)$)", text, maxsplit=1)[0]
    text = re.sub(r"\s*\([A-Z]{2,10}\)$", lambda m: "", text) if "(" in text else text
    low = text.lower()
    for alias, name in SOURCE_ALIASES.items():
        if re.search(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", low):
            return name
    low = re.sub(r"^(?:the|a|an)\s+", "", low)
    if not low or low in _NOT_SOURCES or len(low) < 3:
        return None
    text = re.sub(r"^(?:the|a|an)\s+(?=[A-Z])", "", text, flags=re.IGNORECASE)  # "the SDF said", "The SDF said"
    words = text.split()
    # a title and name ("Pentagon Deputy Press Secretary Sabrina Singh"): the person's name
    title = re.search(r"\b(?:Secretary|spokesman|spokeswoman|spokesperson|official|minister|Minister|General|Gen\.)\s+"
                      r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})$", text)
    if title:
        return title.group("name")
    if not words[0][0].isupper() and not text.lower().startswith(("a u.s.", "u.s.")):
        return " ".join(words[:6]) if re.search(r"official|spokes|source|statement", low) else None
    return text


def sources_in(text: str) -> list[tuple[str, int, int]]:
    """(source, start, end) for each attribution in `text`."""
    found = []
    for pattern in (_ACCORDING, _SAID_BY, _SAID_AFTER):
        for m in pattern.finditer(text):
            name = canonical_source(m.group("who"))
            if name:
                found.append((name, m.start("who"), m.end("who")))
    return found


_TITLED = re.compile(r"(?P<org>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)\s+(?:[A-Z][a-z]+\s+){0,4}"
                    r"(?:Secretary|spokesman|spokeswoman|spokesperson|Spokesman|Spokeswoman|official|Minister)\s+"
                    r"(?:[A-Z][\w'-]+\s+)?(?P<surname>[A-Z][\w'-]+)")
# every titled name holds one of these words; most reports hold none, and `_TITLED` backtracks long over capitals
_TITLE_WORD = re.compile(r"(?:Secretary|spokesman|spokeswoman|spokesperson|Spokesman|Spokeswoman|official|Minister)\s")


def speakers(text: str) -> dict[str, str]:
    """Surname -> organisation, from titled names ("Pentagon Deputy Press Secretary Sabrina Singh")."""
    out: dict[str, str] = {}
    if not _TITLE_WORD.search(text):
        return out
    for m in _TITLED.finditer(text):
        org = canonical_source(m.group("org"))
        if org and org in SOURCE_ALIASES.values():
            out[m.group("surname")] = org
    return out


@component("sources")
def attribute_sources() -> object:
    def run(state: DocState) -> None:
        outlet = state.document.source
        people = speakers(state.text)
        for frame in state.frames:
            mention = frame.mention
            for sentence, _start, _end in frame.clauses():
                for name, s, e in sources_in(state.text[sentence.start : sentence.end]):
                    name = people.get(name, name)
                    if name not in mention.sources:
                        mention.sources.append(name)
                    mention.cite("sources", state.evidence(sentence.start + s, sentence.start + e))
            if outlet and outlet not in mention.sources:
                mention.sources.append(outlet)

    return run
