"""`extract` over the demo corpus against its answer key (docs/demo-corpus.md), report by report.

The corpus is the tool's own use case: attacks on U.S. forces and the U.S. strikes that answered
them. Each report's primary events must come out with the key's type, attacker family, target,
date, country and the figures the report states; and every event it yields must be one the key
lists for that report (primary or mentioned), so nothing is invented from background sentences.
"""

from __future__ import annotations

from datetime import date
from importlib import resources

import pytest

from conflict_ledger.resolve.actors import actor_kinds
from conftest import jsonl

DRONE, MISSILE = "Air/drone strike", "Shelling/artillery/missile attack"
US = "U.S. forces"
IRAN_ALIGNED = "kind:iran_aligned"
MILITANTS = ("kind:iran_aligned", "Unidentified armed group")

# key -> (dates the key accepts (event date, local date), countries, sub-event type, actor1, actor2)
# actor1/actor2: a name, "kind:TAG" for a family, a tuple of either, or None when the key leaves it open
KEYS: dict[str, tuple[set[str], set[str], str, object, object]] = {
    "asad-drone-2023-10-17": ({"2023-10-17"}, {"Iraq"}, DRONE, IRAN_ALIGNED, US),
    "tanf-drone-2023-10-18": ({"2023-10-18"}, {"Syria"}, DRONE, IRAN_ALIGNED, US),
    "us-strikes-abukamal-2023-10-26": ({"2023-10-26", "2023-10-27"}, {"Syria"}, DRONE, US, IRAN_ALIGNED),
    "us-strike-maysalun-2023-11-08": ({"2023-11-08"}, {"Syria"}, DRONE, US, IRAN_ALIGNED),
    "us-strikes-abukamal-mayadin-2023-11-12": ({"2023-11-12"}, {"Syria"}, DRONE, US, None),
    "asad-srbm-2023-11-20": ({"2023-11-20"}, {"Iraq"}, MISSILE, IRAN_ALIGNED, US),
    "ac130-strike-2023-11-20": ({"2023-11-20", "2023-11-21"}, {"Iraq"}, DRONE, US, MILITANTS),
    "us-strikes-kh-iraq-2023-11-21": ({"2023-11-21", "2023-11-22"}, {"Iraq"}, DRONE, US, IRAN_ALIGNED),
    "us-strike-kirkuk-2023-12-03": ({"2023-12-03"}, {"Iraq"}, DRONE, US, MILITANTS),
    "erbil-drone-2023-12-25": ({"2023-12-25"}, {"Iraq"}, DRONE, IRAN_ALIGNED, US),
    "us-strikes-kh-2023-12-25": ({"2023-12-25", "2023-12-26"}, {"Iraq"}, DRONE, US, IRAN_ALIGNED),
    "us-strike-baghdad-2024-01-04": ({"2024-01-04"}, {"Iraq"}, DRONE, US, IRAN_ALIGNED),
    "asad-missiles-2024-01-20": ({"2024-01-20"}, {"Iraq"}, MISSILE, IRAN_ALIGNED, (US, None)),
    "tower22-2024-01-28": ({"2024-01-28"}, {"Jordan"}, DRONE, IRAN_ALIGNED, US),
    "us-strikes-2024-02-02": ({"2024-02-02", "2024-02-03"}, {"Iraq", "Syria"}, DRONE, US, (IRAN_ALIGNED, None)),
    "omar-drone-2024-02-04": ({"2024-02-04"}, {"Syria"}, DRONE, IRAN_ALIGNED, "Syrian Democratic Forces"),
    "us-strike-baghdad-2024-02-07": ({"2024-02-07"}, {"Iraq"}, DRONE, US, IRAN_ALIGNED),
}

# report -> (primary keys, keys it only mentions)
REPORTS: dict[str, tuple[set[str], set[str]]] = {
    "demo-001": ({"asad-drone-2023-10-17", "tanf-drone-2023-10-18"}, set()),
    "demo-002": ({"us-strikes-abukamal-2023-10-26"}, {"asad-drone-2023-10-17", "tanf-drone-2023-10-18"}),
    "demo-003": ({"us-strike-maysalun-2023-11-08"}, {"us-strikes-abukamal-2023-10-26"}),
    "euphrates-monitor-2023-11-13.txt": (
        {"us-strikes-abukamal-mayadin-2023-11-12"},
        {"us-strikes-abukamal-2023-10-26", "us-strike-maysalun-2023-11-08"},
    ),
    "demo-004": ({"asad-srbm-2023-11-20", "ac130-strike-2023-11-20"}, set()),
    "demo-005": ({"us-strikes-kh-iraq-2023-11-21"}, {"asad-srbm-2023-11-20", "ac130-strike-2023-11-20"}),
    "demo-006": ({"us-strike-kirkuk-2023-12-03"}, set()),
    "demo-007": ({"erbil-drone-2023-12-25", "us-strikes-kh-2023-12-25"}, set()),
    "demo-008": ({"us-strike-baghdad-2024-01-04"}, set()),
    "demo-009": (
        {"asad-missiles-2024-01-20"},
        {"asad-srbm-2023-11-20", "ac130-strike-2023-11-20", "us-strikes-kh-iraq-2023-11-21"},
    ),
    "demo-010": ({"tower22-2024-01-28"}, set()),
    "demo-011": ({"tower22-2024-01-28"}, set()),
    "demo-012": ({"tower22-2024-01-28"}, set()),
    "frontline-daily-2024-01-31.txt": ({"tower22-2024-01-28"}, {"erbil-drone-2023-12-25"}),
    "demo-013": ({"us-strikes-2024-02-02"}, {"tower22-2024-01-28"}),
    "levant-ledger-2024-02-04.txt": ({"us-strikes-2024-02-02"}, {"tower22-2024-01-28"}),
    "demo-014": ({"omar-drone-2024-02-04"}, {"us-strikes-2024-02-02", "tower22-2024-01-28"}),
    "demo-015": (
        {"us-strike-baghdad-2024-02-07"},
        {"us-strike-baghdad-2024-01-04", "tower22-2024-01-28", "us-strikes-2024-02-02"},
    ),
}

# (report, key) -> figures the report states: field -> exact value, or (low, high) bounds on [low, high]
FIGURES: dict[tuple[str, str], dict[str, object]] = {
    ("demo-004", "ac130-strike-2023-11-20"): {"fatalities": (1, None)},
    ("demo-005", "us-strikes-kh-iraq-2023-11-21"): {"fatalities": 5},
    ("demo-006", "us-strike-kirkuk-2023-12-03"): {"fatalities": 5},
    ("demo-007", "erbil-drone-2023-12-25"): {"injuries": 3},
    ("demo-007", "us-strikes-kh-2023-12-25"): {"fatalities": (1, None), "injuries": 18},
    ("demo-008", "us-strike-baghdad-2024-01-04"): {"fatalities": 2},
    ("demo-009", "asad-missiles-2024-01-20"): {"injuries": (1, None)},
    ("demo-010", "tower22-2024-01-28"): {"fatalities": 3, "injuries": (31, None)},
    ("demo-011", "tower22-2024-01-28"): {"fatalities": 3, "injuries": (34, None)},
    ("demo-012", "tower22-2024-01-28"): {"fatalities": 3, "injuries": (41, None)},
    ("frontline-daily-2024-01-31.txt", "tower22-2024-01-28"): {"fatalities": 3, "injuries": (41, None)},
    ("demo-013", "us-strikes-2024-02-02"): {"fatalities": (18, None)},
    ("levant-ledger-2024-02-04.txt", "us-strikes-2024-02-02"): {"fatalities": (16, None)},
    ("demo-014", "omar-drone-2024-02-04"): {"fatalities": (6, 7)},
    ("demo-015", "us-strike-baghdad-2024-02-07"): {"fatalities": 3},
}


@pytest.fixture(scope="module")
def demo_events() -> dict[str, list[dict]]:
    from click.testing import CliRunner

    from conflict_ledger.cli import main

    corpus = resources.files("conflict_ledger").joinpath("data/demo")
    with resources.as_file(corpus) as folder:
        result = CliRunner().invoke(main, ["extract", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    by_doc: dict[str, list[dict]] = {doc: [] for doc in REPORTS}
    for event in jsonl(result.stdout):
        by_doc.setdefault(event["doc_id"], []).append(event)
    return by_doc


def same_day(event: dict, dates: set[str]) -> bool:
    """The event's date is one the key accepts; a week-precision date within that week will do."""
    if event["event_date"] in dates:
        return True
    if event["date_precision"] != "week" or not event["event_date"]:
        return False
    told = date.fromisoformat(event["event_date"])
    return any(0 <= (told - date.fromisoformat(d)).days <= 6 for d in dates)


def fits(event: dict, key: str) -> bool:
    """The event is the key's happening: same type, day and country."""
    dates, countries, sub, _, _ = KEYS[key]
    return event["sub_event_type"] == sub and same_day(event, dates) and event["country"] in countries


def actor_ok(value: str | None, wanted: object) -> bool:
    if wanted is None:
        return True
    if isinstance(wanted, tuple):
        return any(actor_ok(value, w) if w is not None else value is None for w in wanted)
    if value is None:
        return False
    if isinstance(wanted, str) and wanted.startswith("kind:"):
        return wanted[5:] in actor_kinds(value)
    return value == wanted


def describe(events: list[dict]) -> str:
    return "\n".join(f"  {e['event_date']} {e['sub_event_type']} {e['actor1']} -> {e['actor2']} {e['country']} "
                     f"k={e['fatalities']}[{e['fatalities_low']},{e['fatalities_high']}] "
                     f"i={e['injuries']}[{e['injuries_low']},{e['injuries_high']}]" for e in events)


@pytest.mark.parametrize("doc", sorted(REPORTS))
def test_primary_events_come_out_as_the_key_has_them(demo_events, doc):
    events = demo_events[doc]
    primary, _ = REPORTS[doc]
    for key in sorted(primary):
        _, _, _, actor1, actor2 = KEYS[key]
        found = [e for e in events if fits(e, key)]
        assert found, f"{doc}: no event for {key}; got\n{describe(events)}"
        right = [e for e in found if actor_ok(e["actor1"], actor1) and actor_ok(e["actor2"], actor2)]
        assert right, f"{doc}: {key} has the wrong attacker or target:\n{describe(found)}"
        for field, wanted in FIGURES.get((doc, key), {}).items():
            event = right[0]
            if isinstance(wanted, tuple):
                low, high = wanted
                best = event[field] if event[field] is not None else event[field + "_low"]
                assert best is not None and best >= low and (high is None or best <= high), \
                    f"{doc}: {key} {field}\n{describe([event])}"
            else:
                assert event[field] == wanted, f"{doc}: {key} {field}\n{describe([event])}"


@pytest.mark.parametrize("doc", sorted(REPORTS))
def test_no_event_is_invented(demo_events, doc):
    """Every event a report yields is one the key lists for it; background sentences yield none."""
    primary, mentioned = REPORTS[doc]
    allowed = primary | mentioned
    for event in demo_events[doc]:
        assert any(fits(event, key) for key in allowed), \
            f"{doc}: an event the key does not list:\n{describe([event])}"
        assert event["actor1"] is None or event["actor1"] != event["actor2"], \
            f"{doc}: attacker and target are the same:\n{describe([event])}"
