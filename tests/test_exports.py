"""Exports: ACLED-style CSV, GeoJSON, Parquet, JSON lines; written whole or not at all."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conflict_ledger.db import Ledger
from conflict_ledger.export import atomic
from conflict_ledger.export.acled import COLUMNS
from conftest import jsonl
from ledgers import seeded_ledger

ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
                "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
                "tags,timestamp")


def test_acled_csv(cli, ledger_path, tmp_path):
    seeded_ledger(ledger_path)
    out_file = tmp_path / "events.csv"
    code, _, err = cli("export", out_file, "--db", ledger_path, "--tracker", "us-forces-attacks")
    assert code == 0, err
    assert "5 event(s) written" in err
    text = out_file.read_text(encoding="utf-8")
    assert text.splitlines()[0] == ACLED_HEADER == ",".join(COLUMNS)
    rows = list(csv.DictReader(text.splitlines()))
    assert len(rows) == 5
    first = rows[0]
    assert first["event_date"] == "2023-10-17" and first["year"] == "2023" and first["time_precision"] == "1"
    assert first["disorder_type"] == "Political violence"
    assert (first["actor1"], first["inter1"]) == ("Kataib Hezbollah", "Political militia")
    assert (first["actor2"], first["inter2"]) == ("U.S. forces", "External/Other forces")
    assert first["interaction"] == "Political militia-External/Other forces"
    assert (first["iso"], first["region"], first["country"]) == ("368", "Middle East", "Iraq")
    assert first["source"] == "Test Wire"
    assert first["notes"].startswith("Event 0 of r1") and "[reports: r1]" in first["notes"]
    several = next(r for r in rows if r["event_date"] == "2023-11-20")
    assert several["fatalities"] == "3" and several["tags"] == "fatalities 3-9"  # ACLED's conservative figure
    tower = next(r for r in rows if r["country"] == "Jordan")
    assert tower["fatalities"] == "3" and "injuries 34+" in tower["tags"]
    assert int(first["timestamp"]) > 1_600_000_000


def test_acled_csv_names_the_side_the_type_implies_when_the_report_names_none(cli, ledger_path, tmp_path):
    from ledgers import attack, report

    with Ledger(ledger_path) as ledger:
        report(ledger, "p1", "2024-03-02", [
            attack("2024-03-01", country="Kenya", actor1=None, actor2=None, sub="Peaceful protest"),
            attack("2024-03-01", country="Sudan", actor1="Rapid Support Forces", actor2=None, sub="Attack"),
            attack("2024-03-01", country="Palestinian Territory", actor1="Israeli forces", actor2=None, sub="Attack"),
            attack("2024-03-01", country="Iraq", actor1=None, actor2=None, sub="Air/drone strike"),
        ])
    out_file = tmp_path / "events.csv"
    code, _, err = cli("export", out_file, "--db", ledger_path)
    assert code == 0, err
    rows = {(r["country"], r["sub_event_type"]): r for r in csv.DictReader(out_file.read_text().splitlines())}
    protest = rows["Kenya", "Peaceful protest"]
    assert (protest["actor1"], protest["inter1"], protest["actor2"]) == ("Protesters (Kenya)", "Protesters", "")
    assert protest["interaction"] == "Protesters only"
    attack_row = rows["Sudan", "Attack"]
    assert (attack_row["actor2"], attack_row["inter2"]) == ("Civilians (Sudan)", "Civilians")
    assert attack_row["civilian_targeting"] == "Civilian targeting"
    assert rows["Palestine", "Attack"]["actor2"] == "Civilians (Palestine)"  # ACLED's spelling of the country
    strike = rows["Iraq", "Air/drone strike"]  # the type names no side: nothing is made up
    assert (strike["actor1"], strike["actor2"]) == ("", "")
    # the ledger itself keeps what the report said: no actor
    code, out, err = cli("events", "--db", ledger_path, "--format", "jsonl")
    assert {(e["actor1"], e["actor2"]) for e in jsonl(out) if e["country"] == "Kenya"} == {(None, None)}


def test_geojson_jsonl_parquet_carry_sources_and_evidence(cli, ledger_path, tmp_path):
    seeded_ledger(ledger_path)
    with Ledger(ledger_path) as ledger:
        ledger.conn.execute("UPDATE events SET latitude = 33.7856, longitude = 42.4412 WHERE event_date = '2023-10-17'")
        texts = {row[0]: row[1] for row in ledger.conn.execute("SELECT id, text FROM documents")}
        total = ledger.counts()["events"]

    code, _, err = cli("export", tmp_path / "events.geojson", "--db", ledger_path)
    assert code == 0, err
    collection = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == total
    placed = [f for f in collection["features"] if f["geometry"]]
    assert [f["geometry"]["coordinates"] for f in placed] == [[42.4412, 33.7856]]
    props = placed[0]["properties"]
    assert props["doc_ids"] == ["r1"] and props["outlets"] == ["Test Wire"]
    span = props["evidence"]["actor1"][0]
    assert texts[span["doc_id"]][span["start"]:span["end"]] == span["text"]

    code, _, err = cli("export", tmp_path / "iraq.data", "--format", "jsonl", "--country", "Iraq", "--db", ledger_path)
    assert code == 0, err
    events = jsonl((tmp_path / "iraq.data").read_text(encoding="utf-8"))
    assert events and {e["country"] for e in events} == {"Iraq"}
    assert all(e["evidence"]["event_date"] for e in events)

    pq = pytest.importorskip("pyarrow.parquet")
    code, _, err = cli("export", tmp_path / "events.parquet", "--db", ledger_path)
    assert code == 0, err
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.num_rows == total
    assert str(table.schema.field("fatalities").type) == "int32"
    row = next(r for r in table.to_pylist() if r["latitude"] is not None)
    assert row["doc_ids"] == ["r1"] and row["sources"] == []
    assert {"field": "actor1", **span} in row["evidence"]


def test_export_errors_are_one_line(cli, ledger_path, tmp_path):
    seeded_ledger(ledger_path)
    code, _, err = cli("export", tmp_path / "events.xlsx", "--db", ledger_path)
    assert code == 1 and "cannot tell the format" in err
    code, _, err = cli("export", tmp_path / "missing" / "events.csv", "--db", ledger_path)
    assert code == 1 and "does not exist" in err
    code, _, err = cli("export", tmp_path / "e.csv", "--db", ledger_path, "--tracker", "nope")
    assert code == 1 and "no tracker named 'nope'" in err


def test_failed_export_leaves_the_previous_file_and_no_part_file(ledger_path, tmp_path, monkeypatch):
    seeded_ledger(ledger_path)
    target = tmp_path / "events.jsonl"
    target.write_text("the previous export\n", encoding="utf-8")
    from conflict_ledger.export import jsonl as jsonl_module

    real = jsonl_module.json.dumps
    calls = {"n": 0}

    def failing_dumps(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # as if the user pressed Ctrl-C halfway
        return real(*args, **kwargs)

    monkeypatch.setattr(jsonl_module.json, "dumps", failing_dumps)
    with Ledger(ledger_path) as ledger, pytest.raises(KeyboardInterrupt):
        ledger.export(target)
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def big_ledger(path, n: int) -> None:
    with Ledger(path) as ledger:
        ledger.conn.execute("BEGIN")
        ledger.conn.executemany(
            "INSERT INTO events (id, event_date, event_type, sub_event_type, country, created_at, updated_at) "
            "VALUES (?, ?, 'Battles', 'Armed clash', 'Iraq', 't', 't')",
            ((f"e{i:06d}", f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(n)),
        )
        ledger.conn.execute("COMMIT")


def test_sigkill_mid_export_leaves_no_file_under_the_final_name(tmp_path):
    db = tmp_path / "big.db"
    big_ledger(db, 60_000)
    target = tmp_path / "out" / "events.geojson"
    target.parent.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "conflict_ledger", "export", str(target), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    part = None
    while proc.poll() is None and time.monotonic() < deadline:
        parts = [p for p in target.parent.iterdir() if p.name.endswith(".part")]
        if parts and parts[0].stat().st_size > 100_000:
            part = parts[0]
            break
        time.sleep(0.005)
    assert proc.poll() is None and part is not None, "the export finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not target.exists()
    assert part.name.startswith(".events.geojson.")  # the half file stays hidden under its temporary name


def test_atomic_path_keeps_the_umask_permissions(tmp_path):
    target = tmp_path / "x.txt"
    with atomic.atomic_path(target) as tmp:
        tmp.write_text("whole")
    mask = os.umask(0)
    os.umask(mask)
    assert target.read_text() == "whole" and (target.stat().st_mode & 0o777) == (0o666 & ~mask)
