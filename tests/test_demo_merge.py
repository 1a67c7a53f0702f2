"""The demo corpus against its answer key (docs/demo-corpus.md): one ledger event per key."""

from __future__ import annotations

from datetime import date
from importlib import resources

import pytest

from conflict_ledger.db import Ledger

# key -> reports that tell it (primary reports and those that mention it with detail), per the key.
# Single-site keys only: the key allows an ACLED-style ledger one row per site for the multi-site
# operations (us-strikes-2024-02-02 names sites in Iraq in one report and in Syria in the other).
SAME_EVENT = {
    "tower22-2024-01-28": {"demo-010", "demo-011", "demo-012", "frontline-daily-2024-01-31.txt"},
    "asad-srbm-2023-11-20": {"demo-004", "demo-005"},
    "us-strike-baghdad-2024-01-04": {"demo-008", "demo-015"},
    "us-strikes-abukamal-2023-10-26": {"demo-002", "demo-003", "euphrates-monitor-2023-11-13.txt"},
}


@pytest.fixture(scope="module")
def demo_ledger(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "ledger.db"
    corpus = resources.files("conflict_ledger").joinpath("data/demo")
    with resources.as_file(corpus) as folder, Ledger(path) as ledger:
        ledger.ingest([folder])
        yield ledger


# demo-004 and demo-005 each tell two keys of one night (the missile attack and the gunship's strike):
# the key's type tells its event from the other one the same reports hold
KEY_TYPE = {"asad-srbm-2023-11-20": "Shelling/artillery/missile attack"}


def key_events(ledger, key):
    reports = SAME_EVENT[key]
    return [e for e in ledger.events() if reports <= set(e["doc_ids"])
            and e["sub_event_type"] == KEY_TYPE.get(key, e["sub_event_type"])]


@pytest.mark.parametrize("key", sorted(SAME_EVENT))
def test_reports_of_one_key_share_one_event(demo_ledger, key):
    reports = SAME_EVENT[key]
    holding = key_events(demo_ledger, key)
    assert len(holding) == 1, f"{key}: no single event holds {sorted(reports)}"


def test_keys_stay_apart(demo_ledger):
    events = {key: key_events(demo_ledger, key)[0]["event_id"] for key in SAME_EVENT}
    assert len(set(events.values())) == len(events)


def test_no_event_mixes_days_or_places_far_apart(demo_ledger):
    """ACLED's rule, checked on every event: reports a few days or hundreds of km apart never merge."""
    for event in demo_ledger.events():
        full = demo_ledger.event(event["event_id"])
        days = [date.fromisoformat(m["event_date"]) for m in full["mentions"]
                if m["event_date"] and m["date_precision"] == "day"]
        if days:
            assert (max(days) - min(days)).days <= 2, event["event_id"]
    assert demo_ledger.check() == []



def _ledger_in_order(path, reverse: bool) -> list[tuple]:
    """The demo corpus ingested with its documents in folder order or reversed; its events, canonical."""
    from conflict_ledger.ingest import read_paths

    corpus = resources.files("conflict_ledger").joinpath("data/demo")
    with resources.as_file(corpus) as folder, Ledger(path) as ledger:
        items = list(read_paths([folder]))
        ledger.ingest_items(reversed(items) if reverse else items)
        # figures can be unknown (None), so order by the rows' text
        return sorted(((sorted(e["doc_ids"]), e["event_date"], e["location"], e["country"], e["fatalities"],
                        e["injuries"]) for e in ledger.events()), key=repr)


def test_events_do_not_depend_on_input_order(tmp_path):
    """Folder order and the reverse give the same events: same reports together, same dates, places, figures."""
    forward = _ledger_in_order(tmp_path / "forward.db", reverse=False)
    backward = _ledger_in_order(tmp_path / "backward.db", reverse=True)
    assert len(forward) == len(backward)
    assert forward == backward
