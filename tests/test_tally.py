"""Tallies: totals and --by groupings agree with a plain count of the events, whichever path answers them."""

from __future__ import annotations

import csv
import io
import json
import random
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import pytest

from conflict_ledger.db import Ledger
from conflict_ledger.model import ACLED_TYPES
from conflict_ledger.query.filters import EventFilter
from conflict_ledger.query.tally import period_start, summary_problems, tally, tally_by
from ledgers import attack, report

COUNTRIES = ["Iraq", "Syria", "Jordan", None]
TYPES = [(t, s) for t, subs in ACLED_TYPES.items() for s in subs[:2]] + [("Battles", None), (None, None)]


def random_events(conn, n: int, rnd: random.Random) -> None:
    rows = []
    for i in range(n):
        day = None if rnd.random() < 0.05 else (date(2023, 10, 1) + timedelta(days=rnd.randrange(120))).isoformat()
        top, sub = rnd.choice(TYPES)
        best = rnd.choice([None, None, 0, 1, 4])
        low, high = (3, 9) if best is None and rnd.random() < 0.3 else (best, best)
        if rnd.random() < 0.1:
            low, high = 34, None  # "at least 34"
        rows.append((f"x{i}", day, top, sub, rnd.choice(["Kataib Hezbollah", "U.S. forces", None]),
                     rnd.choice(COUNTRIES), best, low, high, rnd.choice([None, 2]), "t", "t"))
    conn.executemany(
        "INSERT INTO events (id, event_date, event_type, sub_event_type, actor1, country, fatalities, fatalities_low, "
        "fatalities_high, injuries, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def plain_tally(conn, flt: EventFilter, key) -> dict:
    """The same numbers computed the slow, obvious way, in Python, from the events rows."""
    where, params = flt.where("e")
    out: dict = {}
    for e in conn.execute(f"SELECT * FROM events e WHERE {where}", params):
        k = key(e)
        bucket = out.setdefault(k, Counter())
        bucket["events"] += 1
        for f in ("fatalities", "injuries"):
            best, low, high = e[f], e[f + "_low"], e[f + "_high"]
            bucket[f] += best if best is not None else (low or 0)
            bucket[f + "_low"] += low if low is not None else (best or 0)
            bucket[f + "_high"] += high if high is not None else (best or 0)
            bucket[f + "_open"] += low is not None and high is None
    return out


def as_rows(plain: dict) -> dict:
    return {k: {"events": v["events"], "fatalities": v["fatalities"], "fatalities_low": v["fatalities_low"],
                "fatalities_high": None if v["fatalities_open"] else v["fatalities_high"],
                "injuries": v["injuries"], "injuries_low": v["injuries_low"],
                "injuries_high": None if v["injuries_open"] else v["injuries_high"]} for k, v in plain.items()}


FILTERS = [
    EventFilter(),
    EventFilter(since=date(2023, 11, 1)),
    EventFilter(since=date(2023, 10, 10), until=date(2023, 12, 24)),
    EventFilter(until=date(2023, 11, 15)),
    EventFilter(country=("Iraq", "jordan")),
    EventFilter(event_type=("Explosions/Remote violence",)),
    EventFilter(event_type=("Battles", "Air/drone strike")),
    EventFilter(sub_event_type=("Armed clash",), country=("Syria",), since=date(2023, 10, 20)),
    EventFilter(scope="violence"),
    EventFilter(scope="violence", event_type=("Strategic developments", "Protests"), country=("Syria",)),
    EventFilter(actor1=("kind:iran_aligned", "unknown")),  # not answerable from the summary tables
]


def test_the_violence_scope_keeps_exactly_what_extract_keeps(ledger_path):
    from conflict_ledger.extract.scope import is_violence

    with Ledger(ledger_path) as ledger:
        random_events(ledger.conn, 400, random.Random(3))
        rows = ledger.conn.execute("SELECT id, event_type, sub_event_type FROM events").fetchall()
        where, params = EventFilter(scope="violence").where("e")
        kept = {r[0] for r in ledger.conn.execute(f"SELECT id FROM events e WHERE {where}", params)}
    assert kept == {r["id"] for r in rows if is_violence(r["event_type"], r["sub_event_type"])}
    assert 0 < len(kept) < len(rows)


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: f.describe())
def test_tallies_match_a_plain_count_after_inserts_updates_and_deletes(ledger_path, flt):
    rnd = random.Random(5)
    with Ledger(ledger_path) as ledger:
        conn = ledger.conn
        random_events(conn, 600, rnd)
        # the summary tables follow every kind of change to events
        conn.execute("UPDATE events SET country = 'Syria', fatalities = 7 WHERE id IN ('x1', 'x2', 'x3', 'x40')")
        conn.execute("UPDATE events SET event_date = NULL WHERE id = 'x5'")
        conn.execute("UPDATE events SET fatalities_low = 2, fatalities_high = NULL WHERE id = 'x6'")
        conn.execute("DELETE FROM events WHERE id IN ('x7', 'x8', 'x9')")

        plain_total = plain_tally(conn, flt, lambda e: "all").get("all", Counter())
        totals = tally(conn, flt)
        assert totals["events"] == plain_total["events"]
        assert totals["fatalities"] == plain_total["fatalities"]
        assert totals["fatalities_low"] == plain_total["fatalities_low"]
        assert totals["fatalities_high"] == (None if plain_total["fatalities_open"] else plain_total["fatalities_high"])
        countries = plain_tally(conn, flt, lambda e: e["country"])
        assert totals["countries"] == len([c for c in countries if c is not None])

        for by, key in (("country", lambda e: e["country"]),
                        ("type", lambda e: (e["event_type"], e["sub_event_type"])),
                        ("actor1", lambda e: e["actor1"])):
            rows = tally_by(conn, by, flt)
            keys = ("event_type", "sub_event_type") if by == "type" else (by,)
            got = {(tuple(r[k] for k in keys) if by == "type" else r[by]): {k: v for k, v in r.items() if k not in keys}
                   for r in rows}
            assert got == as_rows(plain_tally(conn, flt, key)), by
            assert [r["events"] for r in rows] == sorted((r["events"] for r in rows), reverse=True)

        for step in ("day", "week", "month"):
            rows = tally_by(conn, step, flt)
            expected = as_rows(plain_tally(
                conn, flt,
                lambda e, step=step: None if e["event_date"] is None
                else period_start(date.fromisoformat(e["event_date"]), step)))
            got = {r["period"]: {k: v for k, v in r.items() if k != "period"} for r in rows if r["events"]}
            want = {None if k is None else (k.strftime("%Y-%m") if step == "month" else k.isoformat()): v
                    for k, v in expected.items()}
            assert got == want, step
            # chronological, no gaps, undated last, and the series adds up to the total
            dated = [r["period"] for r in rows if r["period"] is not None]
            assert dated == sorted(dated) and len(dated) == len(set(dated))
            assert sum(r["events"] for r in rows) == totals["events"]


def test_summary_path_and_event_path_agree(ledger_path):
    """The same filter answered from the summary tables and from the events table."""
    with Ledger(ledger_path) as ledger:
        random_events(ledger.conn, 400, random.Random(11))
        for flt in FILTERS[:-1]:
            assert flt.summary_ok()
            forced = replace(flt, min_confidence=0.0)  # forces the events-table path; all rows have no confidence
            ledger.conn.execute("UPDATE events SET confidence = 1")
            for by in ("week", "country", "type"):
                assert tally_by(ledger.conn, by, flt) == tally_by(ledger.conn, by, forced), (flt, by)


def test_tally_cli_by_week_with_sparkline_json_csv_and_plot(cli, ledger_path, tmp_path):
    with Ledger(ledger_path) as ledger:
        report(ledger, "w1", "2023-11-01", [attack("2023-10-17"), attack("2023-10-18", country="Syria"),
                                             attack("2023-10-31", fatalities=2, fatalities_low=2, fatalities_high=2)])
    code, out, err = cli("tally", "--db", ledger_path, "--by", "week")
    assert code == 0, err
    assert "2023-10-16 .. 2023-10-30" in out and "▁" in out  # the empty week between shows as the lowest block
    code, out, _ = cli("tally", "--db", ledger_path, "--by", "week", "--format", "json")
    rows = json.loads(out)
    assert [(r["period"], r["events"], r["fatalities"]) for r in rows] == [
        ("2023-10-16", 2, 0), ("2023-10-23", 0, 0), ("2023-10-30", 1, 2)]
    code, out, _ = cli("tally", "--db", ledger_path, "--by", "country", "--format", "csv", "--type", "Air/drone strike")
    table = list(csv.DictReader(io.StringIO(out)))
    assert [(r["country"], r["events"]) for r in table] == [("Iraq", "2"), ("Syria", "1")]
    png = tmp_path / "week.png"
    code, _, err = cli("tally", "--db", ledger_path, "--by", "country", "--plot", png)
    assert code == 0, err
    assert png.read_bytes()[:4] == b"\x89PNG"
    # the total, as before
    code, out, _ = cli("tally", "--db", ledger_path, "--format", "json")
    assert json.loads(out)[0]["events"] == 3


def test_a_group_without_a_value_is_named_in_the_table_and_null_in_json(cli, ledger_path):
    with Ledger(ledger_path) as ledger:
        report(ledger, "s1", "2024-01-15", [attack("2024-01-14", country=None), attack("2024-01-14")])
    code, out, err = cli("tally", "--db", ledger_path, "--by", "country")
    assert code == 0, err
    assert [line.split()[0] for line in out.splitlines() if line.split()[:1] in (["Iraq"], ["(none)"])] == [
        "Iraq", "(none)"]
    code, out, _ = cli("tally", "--db", ledger_path, "--by", "country", "--format", "json")
    assert sorted(str(r["country"]) for r in json.loads(out)) == ["Iraq", "None"]


def test_filters_that_name_nothing_are_usage_errors(cli, ledger_path):
    Ledger(ledger_path).close()
    code, _, err = cli("tally", "--db", ledger_path, "--type", "Air strike")
    assert code == 2 and "did you mean 'Air/drone strike'" in err
    code, _, err = cli("events", "--db", ledger_path, "--actor2", "kind:us_force")
    assert code == 2 and "'--actor2'" in err and "us_forces" in err
    code, _, err = cli("tally", "--db", ledger_path, "--since", "2024-02-01", "--until", "2024-01-01")
    assert code == 2 and "no event can match" in err


def test_check_reports_summaries_out_of_step_and_tallies_fall_back(ledger_path):
    with Ledger(ledger_path) as ledger:
        random_events(ledger.conn, 50, random.Random(3))
        assert summary_problems(ledger.conn) == []
        right = tally_by(ledger.conn, "week", EventFilter())
        ledger.conn.execute("DROP TRIGGER events_tallies_insert")
        ledger.conn.executemany("INSERT INTO events (id, event_date, created_at, updated_at) VALUES (?, ?, ?, ?)",
                                [(f"y{i}", "2023-10-02", "t", "t") for i in range(5)])
        problems = summary_problems(ledger.conn)
        assert set(problems) <= set(ledger.check())
        assert any("triggers are missing" in p for p in problems)
        assert any("event_day_totals counts 50 event(s), the events table holds 55" in p for p in problems)
        # without the triggers the tallies read the events table, so they stay right
        after = tally_by(ledger.conn, "week", EventFilter())
        assert sum(r["events"] for r in after) == sum(r["events"] for r in right) + 5


def test_sparkline_and_squeeze():
    from conflict_ledger.export.chart import sparkline, squeeze

    assert sparkline([0, 2, 7, 4]) == "▁▃█▅"
    assert sparkline([0, 0]) == "▁▁" and sparkline([]) == ""
    assert sparkline([1, 100]) == "▂█"  # any event shows above the zero line
    assert squeeze(list(range(10)), 4) == ([3, 12, 21, 9], 3)
    assert squeeze([5, 6], 100) == ([5, 6], 1)


def test_rejected_and_merged_events_are_not_counted(ledger_path):
    """Runs once events have a status (merge and review)."""
    from conflict_ledger.query.tally import has_status

    with Ledger(ledger_path) as ledger:
        if not has_status(ledger.conn):
            pytest.skip("events have no status in this schema")
        random_events(ledger.conn, 100, random.Random(8))
        before = tally(ledger.conn, EventFilter())["events"]
        ledger.conn.execute("UPDATE events SET status = 'rejected' WHERE id IN ('x1', 'x2')")
        ledger.conn.execute("UPDATE events SET status = 'merged' WHERE id = 'x3'")
        assert tally(ledger.conn, EventFilter())["events"] == before - 3
        assert sum(r["events"] for r in tally_by(ledger.conn, "month", EventFilter())) == before - 3
        assert tally(ledger.conn, EventFilter(include_rejected=True))["events"] == before - 1
        ledger.conn.execute("UPDATE events SET status = 'active', country = 'Jordan' WHERE id = 'x2'")
        ledger.conn.execute("DELETE FROM events WHERE id = 'x1'")
        assert tally(ledger.conn, EventFilter())["events"] == before - 2
        assert summary_problems(ledger.conn) == []
