"""Ingest: idempotent, one transaction per document, bad input skipped with a reason."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conflict_ledger.db import Ledger
from conftest import jsonl

REPORT = (
    "date 2024-01-29\nA one-way drone struck Tower 22, a U.S. outpost in northeastern Jordan, on Sunday, "
    "killing three U.S. soldiers and wounding at least 34, U.S. Central Command said.\n"
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_ingest_then_query(cli, tmp_path, ledger_path, seed):
    code, _, err = cli("ingest", seed, "--db", ledger_path)
    assert code == 0, err
    assert "1 document(s) ingested" in err
    code, out, _ = cli("events", "--db", ledger_path, "--format", "jsonl")
    events = jsonl(out)
    assert {e["sub_event_type"] for e in events} >= {"Air/drone strike", "Shelling/artillery/missile attack"}
    assert all(e["doc_ids"] == ["seed-2023-11-21.txt"] for e in events)
    code, out, _ = cli("events", "--db", ledger_path, "--format", "jsonl", "--type", "Air/drone strike")
    assert [e["sub_event_type"] for e in jsonl(out)] == ["Air/drone strike"]
    code, out, _ = cli("events", "--db", ledger_path, "--format", "jsonl", "--actor1", "Iran-funded militia")
    assert [e["actor1"] for e in jsonl(out)] == ["Iran-backed militia"]
    code, out, _ = cli("events", "--db", ledger_path, "--format", "jsonl", "--country", "Syria")
    assert jsonl(out) == []
    code, out, _ = cli("tally", "--db", ledger_path, "--format", "json")
    totals = json.loads(out)[0]
    assert totals["events"] == 2 and totals["injuries"] == 8


def test_ingest_in_the_violence_scope_stores_no_protest(cli, tmp_path, ledger_path):
    report = write(tmp_path, "two.txt", REPORT.rstrip("\n") + " In Amman, hundreds of students rallied outside the "
                   "parliament on Sunday to protest the war in Gaza.\n")
    code, _, err = cli("ingest", "--scope", "violence", report, "--db", ledger_path)
    assert code == 0, err
    code, out, _ = cli("events", "--db", ledger_path, "--format", "jsonl")
    assert [e["sub_event_type"] for e in jsonl(out)] == ["Air/drone strike"]
    with Ledger(tmp_path / "all.db") as ledger:
        ledger.ingest([report], scope="all")
        kinds = {e["sub_event_type"] for e in ledger.events()}
    assert kinds == {"Air/drone strike", "Peaceful protest"}
    # read once, in the scope of its first ingest: another scope is told why nothing is added
    code, _, err = cli("ingest", "--scope", "all", report, "--db", ledger_path)
    assert code == 0 and "read in scope violence: this run's scope all adds none of its events" in err
    code, out, _ = cli("events", "--db", ledger_path, "--format", "jsonl")
    assert [e["sub_event_type"] for e in jsonl(out)] == ["Air/drone strike"]


def test_ingest_is_idempotent(cli, tmp_path, ledger_path):
    report = write(tmp_path, "tower22.txt", REPORT)
    cli("ingest", report, "--db", ledger_path)
    with Ledger(ledger_path) as ledger:
        before = ledger.counts()
    # same file again, and the same text under another name: nothing new
    copy = write(tmp_path, "copy.txt", REPORT)
    code, _, err = cli("ingest", report, copy, "--db", ledger_path)
    assert code == 0
    assert "0 document(s) ingested" in err and "2 already in the ledger" in err
    with Ledger(ledger_path) as ledger:
        assert ledger.counts() == before
        assert ledger.check() == []


def test_bad_inputs_are_skipped_with_reasons(cli, tmp_path, ledger_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "good.txt", REPORT)
    write(folder, "empty.txt", "")
    write(folder, "header-only.txt", "date 2024-01-29\n   \n")
    write(folder, "binary.txt", b"\x00\x01\x02PNG\x00" * 100)
    write(folder, "bad-header.txt", "date 29/01/2024\nSomething happened.")
    write(folder, "latin1.txt", "date 2024-01-30\nA roadside bomb near Kirkuk killed two soldiers, the army said. "
          "Caf\xe9 owners nearby heard it.".encode("latin-1"))
    write(folder, "undated.txt", "Gunmen killed four people at a checkpoint in Diyala, police said.")
    lines = [
        json.dumps({"id": "j1", "published": "2024-02-02", "text": "U.S. bombers struck militia sites in Al Qaim."}),
        "{not json",
        json.dumps({"id": "j2", "published": "2024-02-02"}),
        json.dumps({"id": "j3", "published": "2024-02-02", "text": "   "}),
        json.dumps({"id": "j4", "published": "02/02/2024", "text": "Rockets hit a base."}),
        json.dumps(["a", "list"]),
    ]
    write(folder, "batch.jsonl", "\n".join(lines) + "\n")
    unreadable = write(folder, "locked.txt", REPORT.replace("Sunday", "Monday"))
    unreadable.chmod(0)

    code, _, err = cli("ingest", folder, "--db", ledger_path)
    assert code == 0, err  # something was read, so this is not an error
    assert "empty.txt: empty file" in err
    assert "header-only.txt: empty article" in err
    assert "binary.txt: binary file" in err
    assert "bad-header.txt: bad date header" in err
    assert "latin1.txt: not UTF-8; decoded as" in err
    assert "undated.txt: no `date YYYY-MM-DD` header" in err
    assert "batch.jsonl:2: malformed JSON line" in err
    assert "batch.jsonl:3: no `text` field" in err
    assert "batch.jsonl:4: empty article text" in err
    assert "batch.jsonl:5: bad publication date" in err
    assert "batch.jsonl:6: JSON line is not an object" in err
    import os

    if os.geteuid() != 0:  # root reads any file
        assert "locked.txt: cannot read" in err
    summary = err.strip().splitlines()[-1]
    assert "ingested" in summary and "skipped" in summary
    with Ledger(ledger_path) as ledger:
        ids = {row[0] for row in ledger.conn.execute("SELECT id FROM documents")}
        assert {"good.txt", "latin1.txt", "undated.txt", "j1"} <= ids
        assert "Café" in ledger.conn.execute("SELECT text FROM documents WHERE id='latin1.txt'").fetchone()[0]
        assert ledger.conn.execute("SELECT published FROM documents WHERE id='undated.txt'").fetchone()[0] is None
        assert ledger.check() == []


def test_nothing_readable_is_an_error(cli, tmp_path, ledger_path):
    empty = write(tmp_path, "empty.txt", "")
    code, _, err = cli("ingest", empty, tmp_path / "missing.txt", "--db", ledger_path)
    assert code == 1
    assert "missing.txt: no such file" in err
    assert "0 document(s) ingested" in err


def test_published_option_dates_plain_text(cli, tmp_path):
    plain = write(tmp_path, "plain.txt", "On Sunday a drone attack killed three U.S. soldiers at Tower 22 in Jordan.")
    code, out, _ = cli("extract", plain, "--published", "2024-01-29")
    assert code == 0
    events = jsonl(out)
    assert events and events[0]["event_date"] == "2024-01-28"


def test_corrupt_ledger_file_gets_a_clear_error(cli, tmp_path):
    bad = write(tmp_path, "ledger.db", b"this is not sqlite" * 100)
    result_code, _, err = cli("events", "--db", bad)
    assert result_code != 0
    assert "not a usable ledger database" in err


@pytest.mark.parametrize("command", [["events"], ["tally"], ["show", "ev-1"], ["check"], ["claims", "--db"],
                                     ["tracker", "show", "us-forces-attacks"], ["review", "queue"]])
def test_reading_a_missing_ledger_is_an_error_not_an_empty_answer(cli, tmp_path, command):
    missing = tmp_path / "typo.db"
    code, _, err = cli(*[c for c in command if c != "--db"], "--db", str(missing))
    assert code == 2, err
    assert f"no ledger file {missing}" in err
    assert not missing.exists()


def test_ingest_starts_a_new_ledger_file(cli, tmp_path):
    fresh = tmp_path / "new.db"
    code, _, err = cli("ingest", write(tmp_path, "r.txt", REPORT), "--db", fresh)
    assert code == 0, err
    assert fresh.is_file()


def test_migrations_are_recorded(ledger_path):
    with Ledger(ledger_path) as ledger:
        versions = [r[0] for r in ledger.conn.execute("SELECT version FROM schema_migrations")]
    assert versions and versions == sorted(versions)
    conn = sqlite3.connect(ledger_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "mentions", "events", "evidence", "claims"} <= tables


def test_same_name_different_text_loses_nothing(cli, tmp_path, ledger_path):
    first = tmp_path / "a"
    second = tmp_path / "b"
    first.mkdir()
    second.mkdir()
    write(first, "report.txt", REPORT)
    write(second, "report.txt", REPORT.replace("at least 34", "more than 40"))
    code, _, err = cli("ingest", first, second, "--db", ledger_path)
    assert code == 0
    assert "2 document(s) ingested" in err
    assert "is taken by a different text; stored as 'report.txt~" in err
    # and a re-run adds nothing
    code, _, err = cli("ingest", first, second, "--db", ledger_path)
    assert "0 document(s) ingested" in err and "2 already in the ledger" in err


def test_oversized_document_is_refused_and_the_rest_goes_in(cli, tmp_path, ledger_path):
    big = "A rocket hit a market. " * 60_000  # 1.38 million characters: not one article
    lines = [
        json.dumps({"id": "big", "published": "2024-02-01", "text": big}),
        json.dumps({"id": "small", "published": "2024-02-01", "text": REPORT.split("\n", 1)[1]}),
    ]
    source = write(tmp_path, "mixed.jsonl", "\n".join(lines) + "\n")
    code, _, err = cli("ingest", source, "--db", ledger_path)
    assert code == 0
    assert "mixed.jsonl:1: document too large (1,380,000 characters; the limit is 1,000,000" in err
    assert "1 document(s) ingested" in err
    with Ledger(ledger_path) as ledger:
        assert [r[0] for r in ledger.conn.execute("SELECT id FROM documents")] == ["small"]


def test_jsonl_line_in_another_encoding(cli, tmp_path, ledger_path):
    good = json.dumps({"id": "u", "published": "2024-02-01", "text": "Gunmen attacked a checkpoint in Diyala."})
    latin = json.dumps({"id": "l", "published": "2024-02-01", "text": "Militants shelled Caf\u00e9 Rio in Mosul."},
                       ensure_ascii=False).encode("latin-1")
    source = write(tmp_path, "mixed.jsonl", good.encode() + b"\n" + latin + b"\n")
    code, _, err = cli("ingest", source, "--db", ledger_path)
    assert code == 0
    assert "mixed.jsonl:2: line is not UTF-8; decoded as" in err
    with Ledger(ledger_path) as ledger:
        assert "Café" in ledger.conn.execute("SELECT text FROM documents WHERE id = 'l'").fetchone()[0]
