"""Where: every place name of the document (for geoparse and context), then each event's place.

Two pipeline components (`places`, `event_places`) and the stateless `geoparse` stage. An event's
place comes from its own clauses, then its own sentences, then what the document is mostly
about at a coarser precision; never from the dateline (GDELT's known failure) nor from a
nationality modifier ("U.S. forces").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import cache

from ..model import Document
from ..resolve.places import SIDE, SPECIFICITY, Place, as_event_place, default_resolver, with_precision
from .pipeline import DocState, Frame, component

# geoparse needs entities only: the NER has its own token vectors, so the tagger, parser and
# shared tok2vec are skipped, which makes it three to four times faster than a full parse
_NOT_FOR_GEOPARSE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")

# a cheap sentence split for choosing what to tag: after . ! ? (and closing quotes) before a
# word that is not lower case, or at a blank line (hard-wrapped lines run on); a wrong split only
# costs a little context
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[^\W_a-z])|\n[ \t]*\n\s*")
# "U.S. Senate", "Sen. Gregg", "Dec. 21": a full stop that ends an abbreviation ends no sentence
_ABBREVIATION = re.compile(r"(?<![\w.])(?:(?:[A-Z]\.)*[A-Z]|Mr|Mrs|Ms|Dr|St|Mt|Ft|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Adm|"
                           r"Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|No|Jr|Sr|Inc|Corp|Co|Ltd|Calif|Fla|Ariz|Mass)\.$")
_WORD = re.compile(r"\w+(?:['’.]\w+)*\.?")
# lower-case words inside a place name ("Ain al-Asad", "Democratic Republic of the Congo")
_PARTICLES = {"al", "el", "ad", "as", "ash", "at", "ar", "an", "ibn", "bin", "bani", "abu", "umm", "de", "del",
              "la", "le", "di", "da", "do", "dos", "das", "van", "von", "der", "of", "the", "and", "on", "upon"}
_WORD_START = re.compile(r"(?<!\S)\S")
_WORD_END = re.compile(r"\S(?=\s|$)")
_LEAD_IN_WORDS = 3  # words of context the NER reads on each side of a piece
_LONGEST_NAME = 4  # words: names longer than this contain a shorter known one


# capitalised for grammar's sake, never a place on their own: the calendar and titles before names
_CALENDAR_AND_TITLES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms", "dr", "sen", "rep", "gov",
    "gen", "col", "lt", "sgt", "capt", "prof", "rev", "sir", "president", "minister", "prime", "secretary", "police",
}


@cache
def _common_words() -> frozenset[str]:
    """Words that name no place when they stand alone: English function words ("The", "I",
    "We're") and the calendar and titles."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = set(STOP_WORDS) | _CALENDAR_AND_TITLES
    return frozenset(words | {w.replace("'", "’") for w in words})


def may_name_place(sentence: str, known: Callable[[str], bool], near: Callable[[str], bool]) -> bool:
    """Whether a sentence can yield a resolved place name, so that the NER need not read the rest.

    It can only if some run of words that are not lower case (or are in a caseless script) is a
    name the gazetteer knows: a place's name, an alternate name, an abbreviation ("U.S.") or a
    demonym ("Russian"), possibly with lower-case particles inside ("Ain al-Asad"); failing
    that, a word or two the gazetteer knows in another spelling ("Fallouja"), tried last because
    that lookup is dearer. A sentence's first word counts ("Kharkiv was shelled"); function
    words, the calendar and titles ("The", "I", "March", "Sen.") count only inside a longer name.
    """
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence)]
    firsts = [i for i, (_, _, word) in enumerate(words) if not (word[0].islower() or word[0].isdigit())]
    common = _common_words()
    alone = [i for i in firsts if words[i][2].lower().rstrip(".") not in common or (
        len(words[i][2]) > 1 and words[i][2].isupper())]  # "US", "IN" are names when written so

    def is_known(name: str) -> bool:
        return known(name) or (name[-2:] in ("'s", "’s") and known(name[:-2])) or (
            name.endswith(".") and known(name[:-1]))

    # single words first: most sentences that name a place show it there, at one lookup a word
    if any(is_known(words[i][2]) for i in alone):
        return True
    for i in firsts:
        for n in range(2, _LONGEST_NAME + 1):
            if i + n > len(words):
                break
            last = words[i + n - 1][2]
            if last.lower() not in _PARTICLES and (last[0].islower() or last.isdigit()):
                break
            if is_known(sentence[words[i][0] : words[i + n - 1][1]]):
                return True
    # another spelling is looked for only inside the sentence, where a capital says "name": its
    # first word is as often "Failing" or "Putting", whose near spellings name some hamlet
    inside = [i for i in alone if i > 0]
    if any(near(words[i][2]) for i in inside):
        return True
    # two capitalised words in another spelling: "Kabardino-Balkaria", "Deir Ezzor"
    return any(near(sentence[words[i][0] : words[i + 1][1]]) for i in inside
               if i + 1 < len(words) and words[i + 1][2][0].isupper())


def place_pieces(text: str, start: int, end: int, known: Callable[[str], bool],
                 near: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The stretches of text[start:end] worth tagging: runs of sentences that may name a place
    (with any short stretch between them), as (start, end) offsets into `text`."""
    pieces: list[tuple[int, int]] = []
    bounds = [m.end() for m in _SENTENCE_BREAK.finditer(text, start, end)
              if not _ABBREVIATION.search(text, max(start, m.start() - 12), m.start())] + [end]
    at = start
    for bound in bounds:
        s, e = at, bound
        at = bound
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s or not may_name_place(text[s:e], known, near):
            continue
        if pieces and len(text[pieces[-1][1] : s].split()) <= 2 * _LEAD_IN_WORDS:  # cheaper than two margins
            pieces[-1] = (pieces[-1][0], e)
        else:
            pieces.append((s, e))
    return pieces


@component("places")
def find_places() -> object:
    resolver = default_resolver()

    def run(state: DocState) -> None:
        state.places = resolver.find_places(state)

    return run


# "Protests also took place in Mombasa": one more happening, told with a place of its own (not "two blasts, also
# by the same rebels, shook the town": the same doer)
ALSO = re.compile(r"\b(?:also|too)\b(?!\s+(?:by|from|claimed|blamed)\b)", re.IGNORECASE)


def document_place(state: DocState, frame: Frame | None = None) -> Place | None:
    """What the document is mostly about, at precision 2 or coarser: the fallback for an event
    whose own sentences name no place. Reports name their scene first, so the lead sentence that
    names one wins (a town there is better than the region the document names most); without a
    town there, the region most of the document's places lie in, else its country. A place told
    as the scene of one more of the report's events ("Protests also took place in Mombasa") is
    that event's, not `frame`'s."""
    elsewhere = [(start, end) for other in state.frames if other is not frame for start, end in other.spans] \
        if frame is not None else []
    scenes = [p for p in state.places if p.resolved and not p.dateline and not p.modifier
              and not _ANSWERED_BEFORE.search(state.text, max(0, p.start - 100), p.start)]
    others = [p for p in scenes if any(start <= p.start < end and ALSO.search(state.text, start, p.start)
                                       for start, end in elsewhere)]
    scenes = [p for p in scenes if p not in others]
    if not scenes:
        # ... though the country it lies in is the report's
        return default_resolver().country_of(others[0]) if others else None
    lead = next((s for s in state.sentences if any(s.start <= p.start < s.end for p in scenes)), None)
    if lead is not None:
        place = default_resolver().event_place(state.places, [(lead.start, lead.end)], state.text)
        if place is not None and place.feature in ("city", "facility", "admin2"):
            return with_precision(place, 2)
    countries = Counter(p.country for p in scenes if p.country)
    if not countries:
        return None
    country = countries.most_common(1)[0][0]
    admin1s = Counter(p.admin1 for p in scenes if p.country == country and p.admin1)
    if admin1s:
        admin1, n = admin1s.most_common(1)[0]
        if n >= 2 or len(admin1s) == 1:
            regions = [p for p in scenes if p.admin1 == admin1 and p.feature == "admin1"]
            if regions:
                return with_precision(regions[0], 3)
            towns = [p for p in scenes if p.admin1 == admin1]
            best = min(towns, key=lambda p: SPECIFICITY.get(p.feature or "", 9))
            return with_precision(best, 2)
    for place in scenes:
        if place.feature == "country" and place.country == country:
            return with_precision(place, 3)
    # ... or the country its towns and regions lie in, itself named only as an owner ("Ukraine's energy grid")
    return default_resolver().country_of(next(p for p in scenes if p.country == country))


def _named_or_capital(state: DocState, spans: list[tuple[int, int]]) -> Place | None:
    """The place the clauses name; "the capital" there says more than its country named alone."""
    resolver = default_resolver()
    named = resolver.event_place(state.places, spans, state.text)
    if named is not None and named.feature != "country":
        return named
    capital = resolver.capital_place(state.text, state.places, spans)
    if capital is not None and (named is None or named.country_code == capital.country_code):
        return capital
    return named


# what an act answered: "strikes in retaliation for the attack on Tower 22 in Jordan" -- its place is not the
# scene of the act that answered it
ANSWERED = re.compile(r"\b(?:in retaliation for|in response to|to avenge|in revenge for|retaliating for|"
                      r"(?:called|described as|said was) (?:a )?(?:retaliation|response) (?:for|to))\b", re.IGNORECASE)


# ... and a place told inside such a phrase is not what the report is about
_ANSWERED_BEFORE = re.compile(ANSWERED.pattern + r"(?:[^.;:]|\.(?!\s+[A-Z]))*$", re.IGNORECASE)


def _own_part(state: DocState, frame: Frame, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans cut where they go on to tell what the event answered -- unless that is the event itself
    (its trigger or its date is told there: "... in response to the Jan. 28 drone attack on Tower 22")."""
    told_at = [frame.trigger.start] + [e.start for e in frame.mention.evidence.get("event_date", [])]
    out = []
    for start, end in spans:
        answered = ANSWERED.search(state.text, start, end)
        if answered and not any(answered.start() <= at < end for at in told_at):
            end = answered.start()
        out.append((start, end))
    return out


def _told_place(state: DocState, frame: Frame) -> Place | None:
    """The place the event's clauses name. A headline's place is a summary that may belong to another event
    it sums up ("Drone kills three in the north as clashes flare in Deir ez-Zor"): the body's place wins
    unless the headline's is the more specific one."""
    spans = _own_part(state, frame, frame.spans)
    place = _named_or_capital(state, spans)
    body = [(s, e) for s, e in spans if s >= state.headline_end] if state.headline_end else []
    if place is None or not body or len(body) == len(spans) or place.start >= state.headline_end:
        return place
    told = _named_or_capital(state, body)
    if told is not None and SPECIFICITY.get(told.feature or "", 9) <= SPECIFICITY.get(place.feature or "", 9):
        return told
    return place


_NAMED_SCENE = re.compile(r"\b(?:village|town|city|hamlet|district|locality|commune|camp) of ([A-Z][\w'’-]+)")


def _unknown_scene(state: DocState, frame: Frame) -> bool:
    """Whether the event's own clauses name its scene by a kind word and a name no place was found for."""
    for start, end in frame.spans:
        for match in _NAMED_SCENE.finditer(state.text, start, end):
            if not any(p.start < match.end(1) and match.start(1) < p.end for p in state.places if p.resolved):
                return True
    return False


_ACROSS_THE_COUNTRY = re.compile(r"\b(?:across|throughout|around|all over)\s+the\s+(?:country|nation)\b|\bnationwide\b",
                                 re.IGNORECASE)


def _nationwide(state: DocState, frame: Frame) -> bool:
    """Whether the event's own clauses put it across the whole country ("clashes killed 100 people across the
    country"): no town of the report is its scene, only the country."""
    return any(_ACROSS_THE_COUNTRY.search(state.text, start, end) for start, end in frame.spans)


def _answers_the_lead(state: DocState, frame: Frame) -> bool:
    """Whether the event is struck back by the side the report's first event struck ("U.S. airstrikes on
    Kataib Hezbollah sites followed the next day", after a missile attack on a U.S. base): the first event's
    scene, which the report's lead names, is not this one's."""
    from .corefer import _same_family

    first = min((f for f in state.frames if f is not frame), key=lambda f: f.spans[0][0], default=None)
    if first is None or first.spans[0][0] > frame.spans[0][0]:
        return False
    return bool(_same_family(frame.mention.actor1, first.mention.actor2)) \
        and not _same_family(frame.mention.actor1, first.mention.actor1)


def place_event(state: DocState, frame: Frame) -> None:
    resolver = default_resolver()
    mention = frame.mention
    place = _told_place(state, frame)
    if place is not None and place.geo_precision == 1 and _unknown_scene(state, frame):
        place = with_precision(place, 2)  # "residents of the town of Lamu said ... in the village of Salama": near it
    if place is None and _nationwide(state, frame):
        # "clashes killed 100 people across the country": the country the report's places lie in, no town of it
        lead = document_place(state, frame)
        place = resolver.country_of(lead) if lead is not None else None
    if place is None:
        place = _named_or_capital(state, _own_part(state, frame, [(s.start, s.end) for s in frame.sentences]))
        if place is not None and place.geo_precision == 1:
            place = with_precision(place, 2)
    city = _the_city_told(state, frame)
    if city is not None and (place is None or place.feature in ("country", "admin1", "region") and place.country_code
                             == city.country_code and place.admin1 in (None, city.admin1)
                             or place.geonameid == city.geonameid and city.geo_precision < place.geo_precision):
        place = city  # (or the same town, told as the scene itself: "in the town")
    if place is None:
        place = document_place(state, frame)
        if place is not None and place.feature != "country" and (_unknown_scene(state, frame)
                                                                 or _answers_the_lead(state, frame)):
            # "an attack in the village of Essakane" (a village the gazetteer lacks) is not in the report's lead
            # town: only the country is known
            place = next((with_precision(p, 3) for p in state.places
                          if p.resolved and p.feature == "country" and p.country == place.country), None)
    if place is None or place.feature == "country" and place.geo_precision == 3:
        # "in the southern Lebanese town of Jadra", a town the gazetteer lacks: the people's word names the country
        place = _kind_of_a_country(state, frame) or place
    if place is None:
        place = resolver.dateline_country(state.places)
    if place is None:
        place = resolver.institution_town(state.text)
    if place is None:
        return
    place = as_event_place(place)
    for name in ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision"):
        setattr(mention, name, getattr(place, name))
    evidence = state.evidence(place.start, place.end)
    for name in ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision"):
        if getattr(mention, name) is not None:
            mention.cite(name, evidence)


# "the city" told without its name: the town named last before it (see `_the_city_told`)
_THE_TOWN = re.compile(r"\bthe (?:city|town)(?:'s|’s)?\b(?!\s+of\b)", re.IGNORECASE)


def _the_city_told(state: DocState, frame: Frame) -> Place | None:
    """The town named last before the event's own clauses place it in "the city" and name no other place: the
    dateline's ("CULIACAN, Mexico - ... bodies left on the outskirts of the city"), or the one its speakers sit in
    ("officials in Donetsk said shelling of a market in the city's west killed 27"), or the town a region named before
    is named after ("took control of Kidal ... after the rebels withdrew from the town"); near it, precision 2, or in
    it ("in the town", "from the town"), precision 1 (not "on the outskirts of the city")."""
    said = next((m for start, end in frame.spans if (m := _THE_TOWN.search(state.text, start, end))), None)
    if said is None:
        return None
    town = next((p for p in reversed(state.places) if p.resolved and p.start < said.start() and p.feature == "city"),
                None)
    if town is None:
        # ... or the town a region is named after: "took control of Kidal ... withdrew from the town"
        region = next((p for p in reversed(state.places) if p.resolved and p.start < said.start()
                       and p.feature == "admin1" and not p.modifier), None)
        town = default_resolver().namesake_town(region) if region is not None else None
    if town is None or _A_TOWN_NAMED.search(state.text, town.end, said.start()):
        return None  # (a town named after it, "seized the town of Mahas", is the one the words mean, known or not)
    # ("at a dance class in the town": the town itself, precision 1)
    inside = _IN_IT.search(state.text, max(0, said.start() - 8), said.start()) and not said.group().endswith("s")
    return with_precision(replace(town, dateline=False, modifier=False), 1 if inside else 2)


_IN_IT = re.compile(r"\b(?:in|inside|from|into)\s+$", re.IGNORECASE)
_A_TOWN_NAMED = re.compile(r"\bthe (?:city|town) of [A-Z]")


# a people's word before a kind of place: "the southern Lebanese town of", "a Sudanese village"
_KIND_AFTER_PEOPLE = re.compile(rf"\s+(?:{SIDE}\s+)?(?:border\s+)?(?:town|village|city|port|camp|district|province|"
                                r"region|hamlet)\b", re.IGNORECASE)


def _kind_of_a_country(state: DocState, frame: Frame) -> Place | None:
    """The country a people's word before a kind of place names in the event's own clauses."""
    for p in state.places:
        # (a people's word, not the country's own name: "EL SALVADOR DISTRICT" of Lima is a district's name)
        if p.resolved and p.modifier and p.feature == "country" and any(a <= p.start < b for a, b in frame.spans) \
                and p.name.split()[-1].lower() not in (p.country or "").lower() and _KIND_AFTER_PEOPLE.match(state.text, p.end):
            return default_resolver().country_of(p)
    return None


@component("event_places")
def event_places() -> object:
    def run(state: DocState) -> None:
        for frame in state.frames:
            place_event(state, frame)

    return run


def _lead_in(text: str, start: int, at: int, words: int = _LEAD_IN_WORDS) -> int:
    """Where to start tagging a piece that begins at `at`: a few words earlier, so that the NER
    reads its opening words in their running context (its window spans four tokens each way;
    three words each side gave the same places as tagging whole texts on the dev sets, none
    gave a few dozen differences)."""
    window = text[max(start, at - 60) : at]
    found = list(_WORD_START.finditer(window))
    if not found:
        return at
    return at - len(window) + found[max(0, len(found) - words)].start()


def _lead_out(text: str, at: int, end: int, words: int = _LEAD_IN_WORDS) -> int:
    """Where to stop tagging a piece that ends at `at`: a few words later, for the same reason."""
    found = list(_WORD_END.finditer(text, at, min(end, at + 60)))
    return found[min(words, len(found)) - 1].end() if found else at


def geoparse(documents: Iterable[Document], batch_size: int = 64,
             every_sentence: bool = False) -> Iterator[tuple[Document, list[Place]]]:
    """Every place name of each document, resolved, in input order (the `geoparse` command).

    Uses the extraction pipeline's spaCy model and entity patterns, running only its NER, and
    only over sentences that may name a place (see `may_name_place`): the NER's forward pass is
    most of geoparse's time, and a quarter to a third of news sentences name nothing the
    gazetteer knows. All-caps texts, where case says nothing, are tagged whole, and so is every
    text with `every_sentence` (for names the gazetteer does not know: `geoparse --all-names`).
    """
    from .nlp import chunk_offsets, is_all_caps, load_nlp, truecase

    nlp = load_nlp()
    resolver = default_resolver()
    disable = [name for name in _NOT_FOR_GEOPARSE if name in nlp.pipe_names]

    def pieces(batch: list[DocState]) -> Iterator[tuple[str, tuple[int, ...]]]:
        for i, state in enumerate(batch):
            caps = is_all_caps(state.text)
            for start, end in chunk_offsets(state.text):
                if caps or every_sentence:
                    yield (truecase(state.text[start:end]) if caps else state.text[start:end]), (i, start)
                    continue
                for s, e in place_pieces(state.text, start, end, resolver.known_name, resolver.near_name):
                    lead, tail = _lead_in(state.text, start, s), _lead_out(state.text, e, end)
                    yield state.text[lead:tail], (i, lead, s, e)

    def flush(batch: list[DocState]) -> Iterator[tuple[Document, list[Place]]]:
        for doc, (i, offset, *core) in nlp.pipe(pieces(batch), as_tuples=True, batch_size=batch_size,
                                                 disable=disable):
            if core and (core[0] > offset or core[1] < offset + len(doc.text)):
                # names start only in the chosen sentences: the words around them were context (they
                # hold no name the gazetteer knows, and are too few to reach another piece's sentences)
                low, high = core[0] - offset, core[1] - offset
                doc.ents = [ent for ent in doc.ents if low <= ent.start_char < high]
            batch[i].chunks.append((offset, doc))
        for state in batch:
            yield state.document, resolver.find_places(state)

    batch: list[DocState] = []
    for document in documents:
        batch.append(DocState(document=document, text=document.text))
        if len(batch) >= batch_size:
            yield from flush(batch)
            batch = []
    if batch:
        yield from flush(batch)
