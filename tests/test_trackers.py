"""Trackers: YAML definitions (with line-naming errors), saved queries, `tracker show` reports."""

from __future__ import annotations

import json
import textwrap

import pytest

from conflict_ledger.db import Ledger
from conflict_ledger.query.trackers import TrackerError, parse_trackers
from conftest import jsonl
from ledgers import attack, report, seeded_ledger

GOOD = textwrap.dedent("""\
    # attacks on the coalition in one province
    anbar-attacks:
      title: Attacks in Al Anbar
      since: 2023-10-01
      country: Iraq
      admin1: [Al Anbar]
      actor1: [kind:iran_aligned, null]
      series: day
    """)


def write(tmp_path, text: str, name: str = "trackers.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_bundled_tracker_counts_the_right_events(cli, ledger_path):
    ids = seeded_ledger(ledger_path)
    code, out, err = cli("tracker", "show", "us-forces-attacks", "--db", ledger_path, "--format", "json")
    assert code == 0, err
    rep = json.loads(out)
    assert rep["count"] == 5
    assert [e["event_id"] for e in rep["events"]] == ids["counted"]
    assert [e["n"] for e in rep["events"]] == [1, 2, 3, 4, 5]
    assert [e["event_date"] for e in rep["events"]] == ["2023-10-17", "2023-10-18", "2023-10-26", "2023-11-20",
                                                         "2024-01-28"]
    assert not set(ids["not_counted"] + ids["unknown_target"]) & {e["event_id"] for e in rep["events"]}
    # "several killed" (3-9) counts 3 toward best and low and 9 toward high; 3 killed at Tower 22
    assert rep["fatalities"] == {"low": 6, "best": 6, "high": 12}
    # "at least 34" leaves the injuries without an upper bound
    assert rep["injuries"] == {"low": 36, "best": 36, "high": None}
    assert rep["events"][-1]["sources"] == ["Other Wire"]
    assert rep["events"][0]["location"] == "Ain al-Asad Air Base" and rep["events"][0]["admin1"] == "Al Anbar"
    # weekly series from the tracker's start to its last event, empty weeks included, adding up to the count
    series = rep["series"]
    assert series[0]["period"] == "2023-10-16" and series[-1]["period"] == "2024-01-22"
    assert len(series) == 15 and sum(r["events"] for r in series) == 5
    assert [r["events"] for r in series[:3]] == [2, 1, 0]


def test_tracker_show_table_numbers_events_and_draws_the_series(cli, ledger_path, tmp_path):
    seeded_ledger(ledger_path)
    png = tmp_path / "series.png"
    code, out, err = cli("tracker", "show", "us-forces-attacks", "--db", ledger_path, "--by", "month", "--plot", png)
    assert code == 0, err
    assert "5 events from 2023-10-17 to 2024-01-28" in out
    for word in ("1st", "2nd", "3rd", "4th", "5th"):
        assert word in out
    assert "killed 6 (low 6, high 12)" in out
    assert "per month, 2023-10 .. 2024-01" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    code, out, _ = cli("tracker", "show", "us-forces-attacks", "--db", ledger_path, "--last", "2", "--format", "jsonl")
    assert [e["n"] for e in jsonl(out)] == [4, 5]


def test_tracker_from_a_file_and_by_command(cli, ledger_path, tmp_path):
    with Ledger(ledger_path) as ledger:
        report(ledger, "a1", "2023-10-20", [attack("2023-10-19", admin1="Al Anbar")])
        report(ledger, "a2", "2023-10-24", [attack("2023-10-23", admin1="Al Anbar", actor1=None)])
        report(ledger, "a3", "2023-10-28", [attack("2023-10-27", admin1="Baghdad")])
        report(ledger, "a4", "2023-11-01", [attack("2023-10-31", admin1="Al Anbar", actor1="Islamic State")])
    path = write(tmp_path, GOOD)
    code, out, err = cli("tracker", "load", path, "--db", ledger_path)
    assert code == 0, err
    code, out, _ = cli("tracker", "show", "anbar-attacks", "--db", ledger_path, "--format", "json")
    assert json.loads(out)["count"] == 2  # an Iran-aligned group or an unnamed one, in Al Anbar
    assert json.loads(out)["series_step"] == "day"

    code, out, err = cli("tracker", "add", "baghdad", "--title", "Baghdad", "--country", "Iraq", "--admin1", "Baghdad",
                         "--actor1", "Kata'ib Hizballah", "--claim", "attacks in Baghdad", "--db", ledger_path)
    assert code == 0, err
    assert "1 event(s) now" in out
    code, out, _ = cli("tracker", "list", "--db", ledger_path, "--format", "json")
    listed = {t["name"]: t for t in json.loads(out)}
    assert {"anbar-attacks", "baghdad", "us-forces-attacks"} <= set(listed)
    assert listed["baghdad"]["origin"] == "command" and listed["baghdad"]["count"] == 1
    assert listed["us-forces-attacks"]["origin"] == "bundled"

    # the YAML listing reads back as a tracker file
    code, out, _ = cli("tracker", "list", "--db", ledger_path, "--format", "yaml")
    again = {t.name: t for t in parse_trackers(out)}
    assert again["baghdad"].filter.actor1 == ("Kata'ib Hizballah",)
    assert again["anbar-attacks"].filter.actor1 == ("kind:iran_aligned", "unknown")

    code, _, _ = cli("tracker", "remove", "baghdad", "--db", ledger_path)
    assert code == 0
    code, _, err = cli("tracker", "show", "baghdad", "--db", ledger_path)
    assert code == 1 and "no tracker named 'baghdad'" in err


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        ("t:\n  title: x\n  contry: Iraq\n", 3, "contry", "unknown field (did you mean 'country'?)"),
        ("t:\n  title: x\n  since: 2023-10-17\n  until: 2023-13-45\n", 4, "until", "is not a date"),
        ("t:\n  since: 2024-01-01\n  until: 2023-12-31\n", 3, "until", "no event can match"),
        ("t:\n  event_type: Battles\n  sub_event_type: Air/drone strike\n", 3, "sub_event_type", "no event can match"),
        ("t:\n  actor1: [kind:iran_alined]\n", 2, "actor1", "did you mean 'iran_aligned'"),
        ("t:\n  country: [Iraq, Syrai]\n", 2, "country", "did you mean 'Syria'"),
        ("t:\n  event_type: Air strikes\n", 2, "event_type", "not an ACLED event or sub-event type"),
        ("t:\n  series: fortnight\n", 2, "series", "not one of day, week, month"),
        ("t:\n  min_confidence: 2\n", 2, "min_confidence", "not between 0 and 1"),
        ("t:\n  title: x\n  scope: terror\n", 3, "scope", "not one of all, violence"),
        ("ok:\n  title: fine\nt:\n  title: x\n  title: y\n", 5, "title", "given twice"),
    ],
)
def test_tracker_file_errors_name_line_and_field(cli, ledger_path, tmp_path, text, line, field, words):
    path = write(tmp_path, text)
    with pytest.raises(TrackerError) as caught:
        parse_trackers(path.read_text(), origin=str(path))
    message = str(caught.value)
    assert f"line {line}" in message and f"{field!r}" in message and words in message, message
    # the CLI says the same in one line, exit code 1, and saves nothing (not even the good trackers)
    code, out, err = cli("tracker", "load", path, "--db", ledger_path)
    assert code == 1
    assert err.strip().count("\n") == 0 and f"line {line}" in err
    with Ledger(ledger_path) as ledger:
        assert ledger.conn.execute("SELECT count(*) FROM trackers").fetchone()[0] == 0


def test_broken_yaml_names_its_line(cli, tmp_path):
    path = write(tmp_path, "t:\n  title: x\n  country: [Iraq\n")
    code, _, err = cli("tracker", "check", path)
    assert code == 1 and "not valid YAML" in err and "line" in err
    code, out, _ = cli("tracker", "check", write(tmp_path, GOOD, "good.yaml"))
    assert code == 0 and "anbar-attacks" in out


def test_bundled_trackers_are_valid_and_shadowed_by_saved_ones(ledger_path):
    with Ledger(ledger_path) as ledger:
        names = [t["name"] for t in ledger.trackers()]
        assert "us-forces-attacks" in names
        tracker = ledger.tracker("us-forces-attacks")
        narrowed = parse_trackers("us-forces-attacks:\n  title: only Syria\n  country: Syria\n")[0]
        ledger.save_tracker(narrowed)
        assert ledger.tracker("us-forces-attacks").title == "only Syria"
        assert [t["name"] for t in ledger.trackers()].count("us-forces-attacks") == 1
        ledger.remove_tracker("us-forces-attacks")
        assert ledger.tracker("us-forces-attacks").filter == tracker.filter
        with pytest.raises(LookupError, match="no tracker named 'nope'"):
            ledger.tracker_report("nope")


def test_a_tracker_and_the_events_command_in_the_violence_scope_leave_out_protests(cli, ledger_path, tmp_path):
    with Ledger(ledger_path) as ledger:
        report(ledger, "v1", "2023-10-20", [attack("2023-10-19", admin1="Al Anbar")])
        report(ledger, "v2", "2023-10-21", [attack("2023-10-20", admin1="Al Anbar", sub="Peaceful protest",
                                                   actor1=None, actor2=None)])
    path = write(tmp_path, "anbar-violence:\n  title: Violence in Anbar\n  admin1: Al Anbar\n  scope: violence\n")
    code, _, err = cli("tracker", "load", path, "--db", ledger_path)
    assert code == 0, err
    code, out, _ = cli("tracker", "show", "anbar-violence", "--db", ledger_path, "--format", "json")
    assert json.loads(out)["count"] == 1
    for scope, kinds in (("all", {"Air/drone strike", "Peaceful protest"}), ("violence", {"Air/drone strike"})):
        code, out, _ = cli("events", "--db", ledger_path, "--scope", scope, "--format", "jsonl")
        assert {e["sub_event_type"] for e in map(json.loads, out.splitlines())} == kinds


def test_a_bare_count_of_attacks_fits_no_tracker_of_attacks_on_someone():
    from conflict_ledger.query.claims import match_tracker
    from conflict_ledger.query.trackers import bundled_trackers

    trackers = bundled_trackers()
    assert match_tracker({"counted": "attacks"}, trackers) is None
    assert match_tracker({"counted": "attacks on U.S. forces in Iraq and Syria"}, trackers).name == "us-forces-attacks"
