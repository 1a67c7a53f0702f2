"""Review decisions through the CLI: stored with who/when, versioned, respected by later ingests."""

from __future__ import annotations

import json

from conflict_ledger.db import Ledger
from conftest import jsonl
from test_merge import ERBIL_FRIDAY, TANF_LATER, TANF_MONDAY, event_of, write_reports

TANF_THIRD = (
    "date 2024-03-07\nThe drone that struck Al-Tanf Garrison in Syria on Monday wounded eight U.S. service "
    "members, the Pentagon said on Wednesday.\n"
)
ERBIL_LATER = (
    "date 2024-03-10\nTwo U.S. service members were hurt on Friday when a drone hit Erbil Air Base in Iraq, "
    "officials said.\n"
)


def ids(cli, ledger_path, *extra) -> set[str]:
    code, out, _ = cli("events", "--db", ledger_path, "--format", "jsonl", *extra)
    assert code == 0
    return {e["event_id"] for e in jsonl(out)}


def test_split_merge_edit_reject_accept_and_later_ingests(cli, tmp_path, ledger_path):
    cli("ingest", *write_reports(tmp_path / "a", tanf_monday=TANF_MONDAY, tanf_later=TANF_LATER,
                                 erbil_friday=ERBIL_FRIDAY), "--db", ledger_path)
    with Ledger(ledger_path) as ledger:
        tanf = event_of(ledger, "tanf_monday.txt", "Al-Tanf Garrison")
        erbil = event_of(ledger, "erbil_friday.txt", "Erbil Air Base")
    later_mention = [m["id"] for m in tanf["mentions"] if m["doc_id"] == "tanf_later.txt"]

    # split: the later report becomes its own event
    code, out, err = cli("review", "split", tanf["event_id"], *later_mention, "--who", "ana", "--db", ledger_path)
    assert code == 0, err
    split_id = out.strip().splitlines()[-1]
    assert split_id != tanf["event_id"] and {tanf["event_id"], split_id} <= ids(cli, ledger_path)

    # a split stays split when another report of the same attack comes in
    cli("ingest", *write_reports(tmp_path / "b", tanf_third=TANF_THIRD), "--db", ledger_path)
    with Ledger(ledger_path) as ledger:
        third = event_of(ledger, "tanf_third.txt", "Al-Tanf Garrison")
        assert third["event_id"] in (tanf["event_id"], split_id)
        assert ledger.event(split_id)["doc_ids"] != ledger.event(tanf["event_id"])["doc_ids"]

    # merge them back: the first id survives, the other is marked merged and leaves the lists
    code, out, _ = cli("review", "merge", tanf["event_id"], split_id, "--who", "ben", "--note", "same attack",
                       "--db", ledger_path)
    assert code == 0 and tanf["event_id"] in out
    assert split_id not in ids(cli, ledger_path)
    with Ledger(ledger_path) as ledger:
        merged = ledger.event(tanf["event_id"])
        assert merged["doc_ids"] == ["tanf_later.txt", "tanf_monday.txt", "tanf_third.txt"]
        assert ledger.event(split_id)["status"] == "merged"

    # an edited field keeps the reviewer's value when reports come in
    code, _, err = cli("review", "edit", tanf["event_id"], "injuries", "7", "--who", "ana", "--db", ledger_path)
    assert code == 0, err
    # reject: out of the lists and the tally, unless asked for; a new report does not revive it
    code, _, _ = cli("review", "reject", erbil["event_id"], "--who", "ben", "--note", "duplicate", "--db", ledger_path)
    assert code == 0
    assert erbil["event_id"] not in ids(cli, ledger_path)
    assert erbil["event_id"] in ids(cli, ledger_path, "--include-rejected")
    cli("ingest", *write_reports(tmp_path / "c", erbil_later=ERBIL_LATER), "--db", ledger_path)
    with Ledger(ledger_path) as ledger:
        assert event_of(ledger, "erbil_later.txt", "Erbil Air Base")["event_id"] == erbil["event_id"]
        assert ledger.event(erbil["event_id"])["status"] == "rejected"
        assert ledger.event(tanf["event_id"])["injuries"] == 7
        assert ledger.tally()["events"] == len(ids(cli, ledger_path))

    assert cli("review", "accept", tanf["event_id"], "--who", "ana", "--db", ledger_path)[0] == 0

    # history: every change, who made it, and the event as it stood
    code, out, _ = cli("history", tanf["event_id"], "--db", ledger_path, "--format", "json")
    versions = json.loads(out)
    changes = [(v["change"], v["who"]) for v in versions]
    assert changes[0] == ("new_report", None)
    assert ("split", "ana") in changes and ("merge", "ben") in changes and ("manual_edit", "ana") in changes
    assert changes[-1] == ("accept", "ana")
    assert [v["version"] for v in versions] == list(range(1, len(versions) + 1))
    edit = next(v for v in versions if v["change"] == "manual_edit")
    assert edit["event"]["injuries"] == 7 and edit["event"]["review_status"] == "edited"
    with Ledger(ledger_path) as ledger:
        decisions = ledger.conn.execute("SELECT action, who FROM decisions ORDER BY id").fetchall()
        assert [tuple(d) for d in decisions] == [("split", "ana"), ("merge", "ben"), ("edit", "ana"),
                                                 ("reject", "ben"), ("accept", "ana")]
        assert ledger.check() == []


def test_review_errors_are_one_line(cli, tmp_path, ledger_path):
    cli("ingest", *write_reports(tmp_path, erbil_friday=ERBIL_FRIDAY), "--db", ledger_path)
    with Ledger(ledger_path) as ledger:
        event_id = event_of(ledger, "erbil_friday.txt", "Erbil Air Base")["event_id"]
    for args, message in [
        (("edit", event_id, "event_date", "2024-13-01"), "bad value"),
        (("edit", event_id, "colour", "red"), "not an event field"),
        (("edit", event_id, "sub_event_type", "Drone party"), "sub_event_type"),
        (("accept", "ev-nope"), "no event"),
        (("merge", event_id), "at least two"),
        (("split", event_id, "999999"), "not part of event"),
    ]:
        code, _, err = cli("review", *args, "--who", "ana", "--db", ledger_path)
        assert code == 1, args
        assert message in err and len(err.strip().splitlines()) == 1
    with Ledger(ledger_path) as ledger:
        assert ledger.history(event_id)[-1]["version"] == 1  # nothing was applied
    # accepted events leave the review queue
    code, out, _ = cli("review", "queue", "--db", ledger_path, "--format", "jsonl")
    assert event_id in {e["event_id"] for e in jsonl(out)}
    assert cli("review", "accept", event_id, "--who", "ana", "--db", ledger_path)[0] == 0
    code, out, _ = cli("review", "queue", "--db", ledger_path, "--format", "jsonl")
    assert event_id not in {e["event_id"] for e in jsonl(out)}
