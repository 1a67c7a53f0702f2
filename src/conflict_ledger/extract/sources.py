"""Who said so: the sources a report attributes each event to, plus the publishing outlet."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .pipeline import DocState, Sentence, component

_SPEECH = r"(?:said|says|say|told|reported|claimed|announced|confirmed|stated|added|wrote|posted|tweeted|acknowledged)"
# the speaker's name may hold an abbreviation's stops: "according to a U.S. military official"
_ACCORDING = re.compile(r"\baccording to\s+(?:a\s+|an\s+|the\s+)?(?P<who>(?:[^,.;:“”\"()]|(?-i:(?<=\b[A-Z])\.)){2,80})",
                        re.IGNORECASE)
# whose count a figure is: "By the Pentagon's count, there have been at least 168 attacks"
_BY_ITS_COUNT = re.compile(r"\bby\s+(?:the\s+)?(?P<who>(?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,5})['’]s?\s+(?:own\s+)?"
                           r"(?:count|tally|reckoning|estimate|figures|calculations?)\b", re.IGNORECASE)
_SAID_BY = re.compile(
    r"(?P<who>(?:[A-Z][\w.'’&-]*|of|the|for|and|in|de|al-|\(|\))(?:[ -](?:[A-Z][\w.'’&()-]*|of|the|for|and|in|al|\([A-Z]+\)))*"
    r"(?<! and)(?<! or)(?<! the)(?:\s+(?:officials?|spokes(?:man|woman|person)|sources?))?)\s+(?:also\s+|later\s+)?"
    + _SPEECH + r"\b"
)
# the speaker after the verb ("..., said Plateau police spokesman Alfred Alabo"): only after a comma or a quote,
# since "Iraq says U.S. strikes killed 16" names what was said after the verb, not who said it
# ("..., told reporters": who follows "told" is whom it was told to)
_SPEECH_BEFORE_SPEAKER = _SPEECH.replace("told|", "")
_SAID_AFTER = re.compile(r"[,\"”’]\s*" + _SPEECH_BEFORE_SPEAKER + r"\s+(?P<who>(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&()-]*|police|army|"
                         r"military|state|provincial|regional|spokesman|spokeswoman|spokesperson|official|governor|"
                         r"minister|commander|chief)){0,6})")
# Speakers named by what they are, in lower case ("residents said", "a security source told", "said a police
# officer"): most reports attribute tolls this way, so a source list that only knew capitalised names would leave
# those numbers without a source. A head that says little alone ("group", "ministry") needs a modifier before it.
_MODIFIER_WORDS = (r"local|security|medical|hospital|military|police|government|health|rights|human|provincial|"
                   r"regional|state|army|defen[cs]e|interior|tribal|civil|humanitarian|volunteer|aid|monitoring|rescue|"
                   r"village|district|senior|municipal|border|intelligence|federal|opposition|activist|emergency|relief|"
                   r"news|private|independent|state-run|state-owned|official|community|religious|traditional|church|youth|"
                   r"student|union|party|society|war|city|town")
_ALONE_WORDS = (r"police|military|army|residents|witnesses|eyewitnesses|activists|medics|paramedics|doctors|nurses|"
                r"sources?|officers?|spokes(?:man|woman|person)|villagers|survivors|relatives|authorities|rescuers|"
                r"commanders?|volunteers|monitors?|observers|journalists|reporters|forces|troops|soldiers|rebels|"
                r"militants|fighters|insurgents|leaders?|elders?|chiefs?|mayor|governor|commissioner|lawmakers?|councillors?|"
                r"administrators?|prefects?|prosecutors?|prosecutor's office|prosecutors' office|coroners?|"
                r"air force|navy|coast guard|national guard|border guards?|general staff|civil defen[cs]e|"
                r"emergency services?|charity")
_MODIFIED_WORDS = (r"officials?|groups?|ministry|media|agency|organi[sz]ations?|committee|council|workers|tv|television|"
                   r"radio|broadcaster|service|services|team|network|observatory|stations?|channels?|newspapers?|outlets?|"
                   r"office|commission|mission|watchdog|government|charity|charities|unions?|wing|administration")
# a modifier is a word of the list or a capitalised name ("Iraqi", "Kurdish"), not a capitalised determiner
_SPEAKER_MODIFIER = (rf"(?:(?i:{_MODIFIER_WORDS})"
                     r"|(?!(?:The|An?|Two|Three|Four|Several|Some|Other|No|Any)\b)[A-Z][\w.'’-]*)")
_SPEAKER_ALONE = rf"(?i:{_ALONE_WORDS})"
_SPEAKER_MODIFIED = rf"(?i:{_MODIFIED_WORDS})"
_KIND_WORD = re.compile(rf"(?:{_MODIFIER_WORDS}|{_ALONE_WORDS}|{_MODIFIED_WORDS})\b", re.IGNORECASE)
_DETERMINER = r"(?i:(?:a|an|the|two|three|four|several|some|other)\s+)"
# ... and a ministry by its portfolio, whatever it is: "the information ministry", "the foreign ministry"
# (a body's own lower-case word may stand between a kind word and its head: "a local resistance committee")
_SPEAKER = (rf"{_DETERMINER}?(?:(?:{_SPEAKER_MODIFIER}\s+){{1,3}}(?:{_SPEAKER_ALONE}|{_SPEAKER_MODIFIED})"
            rf"|(?:{_SPEAKER_MODIFIER}\s+){{1,2}}(?:(?-i:[a-z]{{3,}})\s+){{1,2}}(?:{_SPEAKER_MODIFIED}|{_SPEAKER_ALONE})"
            # ... or by whose body it is: "the military's media wing", "the army's press office"
            rf"|(?:{_SPEAKER_MODIFIER}|{_SPEAKER_ALONE}|{_SPEAKER_MODIFIED})['’]s\s+(?:(?-i:[a-z]{{3,}})\s+)?"
            rf"(?:{_SPEAKER_MODIFIED}|{_SPEAKER_ALONE})"
            rf"|{_SPEAKER_ALONE}|(?:{_SPEAKER_MODIFIER}\s+)?(?!(?:the|a|an|to|of|and|by|its|their|his|her)\s)(?-i:[a-z]+)\s+"
            r"(?i:ministry|minister))")
# ("police in Quetta said", "health officials in the Hamas-run enclave said": where they speak from stands between)
# the kind words of a region named after a place: "Plateau State", "Kunar Province"
_REGION_WORDS = r"State|Province|Region|District|County|Governorate"
_GENERIC_SAID_BY = re.compile(rf"(?<![\w-])(?P<who>{_SPEAKER})(?:,?\s+and\s+(?P<also>{_SPEAKER}))?\s+"
                              r"(?:in\s+(?:the\s+[\w'’-]+|(?-i:[A-Z])[\w'’-]*)(?:\s+[\w'’-]+){0,2}?"
                              # ... with the region set off by commas: "Villagers in Mangu, Plateau State, said"
                              r"(?:,\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}\s+(?-i:" + _REGION_WORDS + r"),)?\s+)?"
                              r"(?:also\s+|later\s+|have\s+|has\s+|had\s+|there\s+)?" + _SPEECH + r"\b")
_GENERIC_SAID_AFTER = re.compile(rf"[,\"”’]\s*{_SPEECH_BEFORE_SPEAKER}\s+(?P<who>{_SPEAKER})\b")
_HEAD_BEFORE_OF = re.compile(rf"(?P<head>(?:[\w'’-]+\s+){{0,2}}(?i:{_ALONE_WORDS}|{_MODIFIED_WORDS}|office|directorate|"
                             r"department|command|administration))\s+$")
# "according to medics", "according to a local rights group": the same speakers, named before what they told
_GENERIC_ACCORDING = re.compile(rf"\baccording to\s+(?P<who>{_SPEAKER})\b")
_SPOKEN = re.compile(r"\b" + _SPEECH + r"\b|\baccording to\b")
_DENIED = re.compile(r"\b(?:no|not|neither|nor|any)\s+$", re.IGNORECASE)  # "no group claimed it" names nobody
_LEADING_COUNT = re.compile("^" + _DETERMINER + "+", re.IGNORECASE)
# Canonical names for sources that reports write many ways.
SOURCE_ALIASES: dict[str, str] = {
    "u.s. central command": "CENTCOM",
    "us central command": "CENTCOM",
    "central command": "CENTCOM",
    "centcom": "CENTCOM",
    "u.s. africa command": "AFRICOM",
    "us africa command": "AFRICOM",
    "africa command": "AFRICOM",
    "africom": "AFRICOM",
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


# what follows a speaker's name but is not part of it: "Lebanese media reports on 3 March", "reports by
# military sources"
_REPORTS_BY = re.compile(r"^(?:(?:media\s+)?reports?|accounts?|figures|statements?)\s+(?:by|from|of)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"(?:(?<=media)|(?<=police)|(?<=military)|(?<=army)|(?<=government)|(?<=agency)|(?<=ministry)|"
                       r"(?<=observatory))\s+(?:reports?|accounts?)$"
                       r"|\s+(?:reports?\s+)?(?:on|in|at|from)\s+(?:\d|(?:mon|tues|wednes|thurs|fri|satur|"
                       r"sun)day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d|last\b|early\b|late\b).*$",
                       re.IGNORECASE)
# two named speakers joined: "Express Tribune and Khaama Press", "Ahmad Karimi and Wali Noori" (not one name that
# holds "and": "Islamic State of Iraq and the Levant", "Ministry of Defence and Veterans Affairs")
_TWO_NAMED = re.compile(r"(?P<first>(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*)\s+and\s+(?P<second>(?:[A-Z][\w.'-]*\s+){0,3}"
                        r"[A-Z][\w.'-]*)")


# ... or a country whose own name holds "and"
_AND_IN_NAME = re.compile(r"\b(?:Trinidad|Bosnia|Antigua|Kitts|Tom[eé]|Turks|Heard|Wallis|Pierre|Vincent)\s+and\b")


def named_speakers(raw: str) -> list[str]:
    """The sources one stretch of attribution names: usually one, two where two names are joined by "and"."""
    text = _TRAILING.sub("", _REPORTS_BY.sub("", _tidy(raw)))
    two = _TWO_NAMED.fullmatch(re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE))
    if two and not re.search(r"\b(?:of|for|the)\b", two.group("first"), re.IGNORECASE) and not _AND_IN_NAME.search(text):
        names = [canonical_source(two.group("first")), canonical_source(two.group("second"))]
        return [name for name in names if name]
    name = canonical_source(text)
    return [name] if name else []


def _tidy(raw: str) -> str:
    """A speaker's words with one space between them, straight apostrophes and no edge punctuation."""
    return " ".join(raw.replace("’", "'").split()).strip(" ,.()")


def canonical_source(raw: str) -> str | None:
    text = _tidy(raw)
    # "President Joe Biden and U.S. officials said": the named speaker
    # ... but "U.S. and Iraqi officials" are one group of speakers
    text = re.split(r"\s+and\s+(?=(?:[A-Z][\w.'-]*\s+){1,3}(?:officials?|spokes\w+|sources?)$)",
                    text, maxsplit=1)[0] if " " in text.split(" and ", 1)[0] else text
    # "Islamic State of Iraq and the Levant (ISIL)": the name without its abbreviation, closed or cut off
    text = re.sub(r"\s*\([A-Z]{2,10}\)?$", "", text) if "(" in text else text
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
                      r"(?!Staff\b|Command\b|Assembly\b|Directorate\b)(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})$", text)
    if title:
        return title.group("name")
    if not words[0][0].isupper() and not text.lower().startswith(("a u.s.", "u.s.")):
        # (a body named by what it is of: "the counter-terrorism service of the Kurdistan Region")
        of_a_name = re.search(r"\bof\s+(?:the\s+)?[A-Z]", text)
        return " ".join(words[:6]) if re.search(r"official|spokes|source|statement", low) else text if of_a_name else None
    return text


def generic_source(raw: str) -> str | None:
    """A speaker named by what it is ("the local health ministry" -> "local health ministry"), or None when
    it is only a vague "officials" or "sources"."""
    text = _LEADING_COUNT.sub("", " ".join(raw.replace("’", "'").split()), count=1)
    return None if text.lower() in _NOT_SOURCES or text.lower() in ("source", "sources") else _as_kind(text)


def _as_kind(name: str) -> str:
    """A speaker named only by kind words in lower case ("Police said" at a sentence's start, "MEDICAL SOURCES"),
    so that it reads and counts the same as "police" elsewhere."""
    return name.lower() if all(_KIND_WORD.fullmatch(word) for word in name.split()) else name


_A_REGION = re.compile(rf"\b(?:{_REGION_WORDS})$")
_PLACE_SET_OFF = re.compile(r"\bin\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?,\s*$")


def sources_in(text: str) -> list[tuple[str, int, int]]:
    """(source, start, end) for each attribution in `text`: named speakers first, then speakers named by what
    they are where no named one covers the same words."""
    found = []
    for pattern in (_ACCORDING, _SAID_BY, _SAID_AFTER, _BY_ITS_COUNT):
        for m in pattern.finditer(text):
            start, who = m.start("who"), m.group("who")
            if pattern is _SAID_BY and _A_REGION.search(who) and _PLACE_SET_OFF.search(text, max(0, start - 40), start):
                continue  # "Villagers in Mangu, Plateau State, said": the region of the place, not who said it
            if pattern is _SAID_BY and who.startswith("of "):
                # "the counter-terrorism service of the Kurdistan Region said": the body the name qualifies
                head = _HEAD_BEFORE_OF.search(text, max(0, start - 60), start)
                if head is None:
                    continue
                start, who = head.start("head"), text[head.start("head") : m.end("who")]
            for name in named_speakers(who):
                found.append((_as_kind(name), start, m.end("who")))
    # both generic patterns hold a verb of speech: most clauses have none, and the patterns are slow to try
    for pattern in (_GENERIC_SAID_BY, _GENERIC_SAID_AFTER, _GENERIC_ACCORDING) if _SPOKEN.search(text) else ():
        for m in pattern.finditer(text):
            for group in ("who", "also"):
                if group not in m.re.groupindex or m.group(group) is None:
                    continue
                start, end = m.span(group)
                name = generic_source(m.group(group))
                if name and not _DENIED.search(text, max(0, start - 12), start) \
                        and not any(s < end and start < e for _, s, e in found):
                    found.append((SOURCE_ALIASES.get(name.lower(), name), start, end))
    return found


# (a rank may stand before the name: "Pentagon spokesman Brig. Gen. Pat Ryder")
# ("Pentagon press secretary Brig. Gen. Pat Ryder": the title in lower case)
_TITLED = re.compile(r"(?P<org>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)\s+(?:(?:[A-Z][a-z]+|press|deputy|chief)\s+){0,4}"
                    r"(?:Secretary|secretary|spokesman|spokeswoman|spokesperson|Spokesman|Spokeswoman|official|Minister)\s+"
                    r"(?:(?:Brig|Gen|Lt|Col|Maj|Capt|Adm|Cmdr|Sgt)\.(?:-Gen\.)?\s+){0,2}"
                    r"(?:[A-Z][\w'-]+\s+)?(?P<surname>[A-Z][\w'-]+)")
# every titled name holds one of these words; most reports hold none, and `_TITLED` backtracks long over capitals
_TITLE_WORD = re.compile(r"(?:Secretary|secretary|spokesman|spokeswoman|spokesperson|Spokesman|Spokeswoman|official|"
                         r"Minister)\s")


def as_organisation(name: str, people: dict[str, str]) -> str:
    """The body a titled speaker speaks for (`speakers`), by the whole name or its surname; else the name."""
    return people.get(name) or people.get(name.split()[-1]) or name if name else name


@lru_cache(maxsize=64)  # asked of the same document by the sources and the claims components, and once per claim
def speakers(text: str) -> dict[str, str]:
    """Surname -> organisation, from titled names ("Pentagon Deputy Press Secretary Sabrina Singh"). Shared between
    callers: read it, do not change it."""
    out: dict[str, str] = {}
    if not _TITLE_WORD.search(text):
        return out
    for m in _TITLED.finditer(text):
        org = canonical_source(m.group("org"))
        if org and org in SOURCE_ALIASES.values():
            out[m.group("surname")] = org
    return out


# the agency in a dateline: "KHARTOUM (Reuters) -", "AMMAN, Jan. 29 (AP) -"
_AGENCY = re.compile(r"\((?P<who>[A-Za-z][\w.'’& -]{0,38}[\w.])\)")


def dateline_outlet(state: DocState) -> tuple[str, int, int] | None:
    """(outlet, start, end) of the wire service a dateline names, for documents that come without a source."""
    start, end = state.dateline
    # the brackets just before the dash: "QUITO (ECUADOR), 4 MAR 90 (EFE) --" names the country first
    match = next(reversed(list(_AGENCY.finditer(state.text, start, end))), None) if end else None
    if match is None or state.text[match.end() : end].strip(" \t-—–:"):
        return None
    if any(place.start == match.start("who") and place.resolved for place in state.places):
        return None  # "KHARTOUM (Sudan) -": the city's country, no agency
    name = match.group("who").strip()
    return SOURCE_ALIASES.get(name.lower(), name), match.start("who"), match.end("who")


# the verbs of telling, by their forms (the parser runs without a lemmatizer)
SPEECH_FORMS = {"said", "says", "say", "told", "tells", "confirmed", "confirms", "reported", "reports", "announced",
                 "stated", "added"}
_PRONOUNS = {"he", "she"}


def parsed_speaker(sentence: Sentence) -> tuple[str, int, int] | None:
    """(name, start, end) of a speaker the patterns miss, by the parse: a name set off by commas after an office
    ("The police spokesman in Zamfara State, SP Yazid Abubakar, confirmed the incident")."""
    for token in sentence.span:
        if token.lower_ not in SPEECH_FORMS or token.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        # (the small model often takes the name set off by commas for a conjunct)
        named = next((c for c in subject.children if c.pos_ == "PROPN" and c.dep_ in ("appos", "conj")
                      and _set_off(c)), None) if subject else None
        if named is not None:
            words = [t for t in named.subtree if t.pos_ in ("PROPN", "NOUN") or t.i == named.i]
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            return sentence.span.doc.text[start:end], sentence.offset + start, sentence.offset + end
    return None


def _set_off(token: Any) -> bool:
    """Whether the phrase `token` heads is set off by a comma before it."""
    first = next(t for t in token.subtree if not t.is_punct)
    return first.i > 0 and token.doc[first.i - 1].text == ","


def _pronoun_speaks(sentence: Sentence) -> bool:
    """The sentence's speaker is "he" or "she": the one the sentence before it named."""
    return any(t.lower_ in SPEECH_FORMS and any(c.dep_ == "nsubj" and c.lower_ in _PRONOUNS for c in t.children)
               for t in sentence.span)


_THE_COMMAND_TELLS = re.compile(r"\b[Tt]he command(?:['’]s)?\s+(?:(?:initial|preliminary|latest|final)\s+)?"
                                r"(?:said|says|added|stated|assessment|statement)\b")
_A_COMMAND = re.compile(r"\b(?:U\.?S\.?\s+)?(?:[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\s+)Command\b")


def sentence_sources(state: DocState, index: int) -> list[tuple[str, int, int]]:
    """(source, start, end) in document offsets for the sentence at `index` of the document: what its words
    attribute, else the speaker its parse names, else, for "He said ...", the speaker of the sentence before."""
    sentence = state.sentences[index]
    found = [(name, sentence.start + s, sentence.start + e)
             for name, s, e in sources_in(state.text[sentence.start : sentence.end])]
    if found:
        return found
    if parsed := parsed_speaker(sentence):
        return [parsed]
    told = state.text[sentence.start : sentence.end]
    if _THE_COMMAND_TELLS.search(told) and (named := _A_COMMAND.search(state.text, 0, sentence.start)):
        # "The command's initial assessment is that ...": the command the report named before
        return [(canonical_source(named.group(0)) or named.group(0), named.start(), named.end())]
    if index > 0 and _pronoun_speaks(sentence):
        before = state.sentences[index - 1]
        found = [(name, before.start + s, before.start + e)
                 for name, s, e in sources_in(state.text[before.start : before.end])]
        return found or ([parsed] if (parsed := parsed_speaker(before)) else [])
    return []


@component("sources")
def attribute_sources() -> object:
    def run(state: DocState) -> None:
        outlet = state.document.source
        wire = None if outlet else dateline_outlet(state)
        people = speakers(state.text)
        index = {sentence.start: i for i, sentence in enumerate(state.sentences)}
        for frame in state.frames:
            mention = frame.mention
            told = [sentence for sentence, _start, _end in frame.clauses()]
            # ... and whoever gave its figures in a sentence of their own ("The Gaza health ministry said 45 people
            # were killed in the strike"): no number without its source
            for field in ("fatalities", "injuries"):
                for evidence in mention.evidence.get(field, ()):
                    sentence = state.sentence_at(evidence.start)
                    if sentence is not None and all(sentence is not t for t in told):
                        told.append(sentence)
            for sentence in told:
                for name, s, e in sentence_sources(state, index[sentence.start]):
                    name = as_organisation(name, people)
                    if name not in mention.sources:
                        mention.sources.append(name)
                    mention.cite("sources", state.evidence(s, e))
            if outlet and outlet not in mention.sources:
                mention.sources.append(outlet)
            if wire:
                name, start, end = wire
                if name not in mention.sources:
                    mention.sources.append(name)
                mention.cite("sources", state.evidence(start, end))

    return run
