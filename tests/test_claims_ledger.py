"""Claims vs ledger: each stored running count beside the ledger's own count for the same window."""

from __future__ import annotations

import json

from conflict_ledger.db import Ledger
from conftest import jsonl
from ledgers import report, seeded_ledger


def claim(count: int, count_text: str, counted: str, since: str, until: str) -> dict:
    return {"count": count, "count_text": count_text, "counted": counted, "since": since, "until": until}


def test_claims_beside_the_ledger(cli, ledger_path):
    ids = seeded_ledger(ledger_path)  # counted: Oct 17, Oct 18 (Syria), Oct 26 (Syria), Nov 20, Jan 28 (Jordan)
    with Ledger(ledger_path) as ledger:
        report(ledger, "c1", "2023-10-27", [], claims=[
            # 3 counted events from Oct 17 to Oct 26: "at least 3" agrees
            claim(3, "at least 3 times", "attacks on U.S. forces in Iraq and Syria", "2023-10-17", "2023-10-26"),
            # only the Syrian ones (2) against an exact 2
            claim(2, "2 attacks", "attacks on U.S. forces in Syria", "2023-10-17", "2023-10-27"),
        ])
        report(ledger, "c2", "2023-12-20", [], claims=[
            # 4 counted by Dec 20, plus one with an unknown target on Dec 10: ledger lower than "more than 10"
            claim(11, "more than 10 attacks", "attacks on U.S. and coalition forces", "2023-10-17", "2023-12-20"),
            # nothing counts strikes by U.S. forces on Houthis in Yemen
            claim(4, "fourth round of strikes", "U.S. strikes in Yemen", "2023-10-17", "2023-12-20"),
            # no tracker counts protests
            claim(12, "12 protests", "protests", "2023-10-01", "2023-12-20"),
        ])
        # a second event for the Oct 17 attack that merging kept apart: the ledger now counts one too many
        second = "ev-second-report"
        ledger.conn.execute(
            "INSERT INTO events (id, event_date, date_precision, event_type, sub_event_type, actor1, actor2, country, "
            "admin1, created_at, updated_at) SELECT ?, event_date, date_precision, event_type, sub_event_type, actor1, "
            "actor2, country, 'Al Anbar', created_at || '+', updated_at FROM events WHERE id = ?",
            (second, ids["counted"][0]),
        )
        report(ledger, "c4", "2023-10-28", [], claims=[
            claim(3, "3 attacks", "attacks on U.S. forces in Iraq and Syria", "2023-10-17", "2023-10-27"),
        ])
    code, out, err = cli("claims", "--db", ledger_path, "--output", "json")
    assert code == 0, err
    rows = {(r["doc_id"], r["count_text"]): r for r in json.loads(out)}

    at_least = rows[("c1", "at least 3 times")]
    assert at_least["tracker"] == "us-forces-attacks"
    assert (at_least["claimed_low"], at_least["claimed_high"]) == (3, None)
    assert at_least["ledger_count"] == 4  # the duplicate report of Oct 17 counts too
    assert at_least["verdict"] == "agree"

    syria = rows[("c1", "2 attacks")]
    assert syria["window"]["country"] == ["Syria"] and syria["ledger_count"] == 2 and syria["verdict"] == "agree"

    lower = rows[("c2", "more than 10 attacks")]
    assert (lower["claimed_low"], lower["claimed_high"]) == (11, None)
    assert lower["ledger_count"] == 5 and lower["verdict"] == "ledger lower" and lower["difference"] == -6
    # the Dec 10 event has no known target: it might be one of the missing attacks
    assert lower["missing_event_ids"] == ids["unknown_target"]

    assert rows[("c2", "fourth round of strikes")]["verdict"] == "no matching tracker"
    assert rows[("c2", "12 protests")]["tracker"] is None

    higher = rows[("c4", "3 attacks")]
    assert higher["ledger_count"] == 4 and higher["verdict"] == "ledger higher" and higher["difference"] == 1
    # the second event of the Oct 17 attack shares day, country, type and target with the first
    assert higher["extra_event_ids"] == [second]

    code, out, err = cli("claims", "--db", ledger_path)
    assert code == 0
    assert "higher" in out and "duplicates" in out
    assert "1 ledger higher" in err and "2 no matching tracker" in err


def test_claims_needs_paths_or_db(cli):
    code, _, err = cli("claims")
    assert code == 2 and "--db" in err


def test_claims_in_new_reports_beside_the_ledger_store_nothing(cli, ledger_path, tmp_path):
    seeded_ledger(ledger_path)
    text = tmp_path / "new.txt"
    text.write_text(
        "date 2023-10-28\nDrones struck a base hosting U.S. troops in eastern Syria on Friday, the Pentagon said. "
        "U.S. forces in Iraq and Syria have now been attacked at least 3 times since Oct. 17, a defense official "
        "said.\n", encoding="utf-8")
    with Ledger(ledger_path) as ledger:
        before = ledger.counts()
    code, out, err = cli("claims", text, "--db", ledger_path, "--output", "jsonl")
    assert code == 0, err
    (row,) = jsonl(out)
    assert row["doc_id"] == "new.txt" and row["published"] == "2023-10-28"
    assert (row["claimed_low"], row["claimed_high"]) == (3, None)
    assert row["tracker"] == "us-forces-attacks" and row["ledger_count"] == 3 and row["verdict"] == "agree"
    with Ledger(ledger_path) as ledger:
        assert ledger.counts() == before


def test_what_a_tally_counts_is_read_from_the_count_not_from_who_tells_it():
    from conflict_ledger.extract.claims import counted_phrase

    # the attacked told by the verb and a number of times, whoever announced it
    assert counted_phrase("The Houthis have attacked merchant vessels in the Gulf of Aden more than 30 times since "
                          "December 1, U.S. Central Command said.") == "attacks on merchant vessels"
    # a U.S. speaker does not make the attacks attacks on U.S. forces
    assert counted_phrase("Gunmen have carried out 25 attacks since January, U.S. officials said.") == "attacks"
    assert counted_phrase("U.S. troops have been attacked 150 times since Oct. 17, the Pentagon said.") \
        == "attacks on U.S. forces"


def test_every_count_of_attacks_on_us_forces_in_the_demo_reads_as_one(cli):
    from importlib import resources

    corpus = resources.files("conflict_ledger").joinpath("data/demo")
    code, out, err = cli("claims", str(corpus))
    assert code == 0, err
    counted = [claim["counted"] for claim in jsonl(out)]
    # the passive ("U.S. forces ... have been targeted at least 19 times, Gen. Pat Ryder has said") counts the
    # attacked before its verb; only the count of American strikes is another kind
    assert [c for c in counted if not c.startswith("attacks on U.S. forces")] == [
        "U.S. strikes on Iran-linked targets in Syria", "U.S. strikes in Iraq"]
    assert len(counted) == 13
