"""Merging reports of one happening into one ledger event: reasons, figures, history, as-of."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from conflict_ledger.db import Ledger
from conflict_ledger.merge.profile import Profile
from conflict_ledger.merge.reconcile import reconcile_figures
from conflict_ledger.merge.score import score_pair
from conftest import jsonl

TANF_MONDAY = (
    "date 2024-03-05\nA one-way attack drone hit the U.S. base at Al-Tanf Garrison in southeastern Syria on Monday, "
    "wounding four American service members, the Pentagon said.\n"
)
TANF_LATER = (
    "date 2024-03-06\nSix U.S. troops were injured on Monday when a drone struck Al-Tanf Garrison in Syria "
    "near the Jordanian border, a U.S. defense official said. All six returned to duty.\n"
)
ERBIL_FRIDAY = (
    "date 2024-03-09\nA drone struck Erbil Air Base in northern Iraq on Friday, wounding two U.S. service members, "
    "U.S. Central Command said.\n"
)
TANF_AGAIN = (
    "date 2024-03-20\nA drone attack on Al-Tanf Garrison in Syria on Tuesday wounded three U.S. service "
    "members, the Pentagon said.\n"
)


def write_reports(folder: Path, **reports: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in reports.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def event_of(ledger: Ledger, doc_id: str, location: str) -> dict:
    """The event holding `doc_id`'s mention at `location`."""
    row = ledger.conn.execute(
        "SELECT event_id FROM mentions WHERE doc_id = ? AND location = ?", (doc_id, location)
    ).fetchone()
    assert row is not None, f"no mention of {location} in {doc_id}"
    return ledger.event(row[0])


def test_reports_of_one_attack_become_one_event_with_reasons_and_figures(cli, tmp_path, ledger_path):
    first = write_reports(tmp_path / "day1", tanf_monday=TANF_MONDAY)
    later = write_reports(tmp_path / "day2", tanf_later=TANF_LATER, erbil_friday=ERBIL_FRIDAY, tanf_again=TANF_AGAIN)
    assert cli("ingest", *first, "--db", ledger_path)[0] == 0
    with Ledger(ledger_path) as ledger:
        before = event_of(ledger, "tanf_monday.txt", "Al-Tanf Garrison")
    assert cli("ingest", *later, "--db", ledger_path)[0] == 0
    with Ledger(ledger_path) as ledger:
        tanf = event_of(ledger, "tanf_monday.txt", "Al-Tanf Garrison")
        erbil = event_of(ledger, "erbil_friday.txt", "Erbil Air Base")
        again = event_of(ledger, "tanf_again.txt", "Al-Tanf Garrison")
        assert ledger.check() == []
    # the event keeps its id when it gains a report, and lists both documents
    assert tanf["event_id"] == before["event_id"]
    assert tanf["doc_ids"] == ["tanf_later.txt", "tanf_monday.txt"]
    # same kind, other place or other day: kept apart
    assert erbil["event_id"] != tanf["event_id"]
    assert again["event_id"] != tanf["event_id"]
    # why the second report joined: the features that matched, and the score against the threshold
    joined = [r for r in tanf["merge_reasons"] if r["doc_id"] == "tanf_later.txt"][0]
    assert joined["joined"] is True
    assert {"same_day", "same_place"} <= set(joined["features"])
    assert joined["score"] >= joined["threshold"]
    # each source's figure is kept; the event carries low/best/high and the conservative figure
    assert sorted(f["injuries"] for f in tanf["figures"]) == [4, 6]
    assert (tanf["injuries_low"], tanf["injuries"], tanf["injuries_high"]) == (4, 6, 6)
    assert tanf["injuries_conservative"] == 4
    assert [s["doc_id"] for s in tanf["figure_sources"]["injuries"]["conservative"]] == ["tanf_monday.txt"]
    assert [s["doc_id"] for s in tanf["figure_sources"]["injuries"]["best"]] == ["tanf_later.txt"]
    # a new figure is a new version
    assert [v["change"] for v in tanf["history"]] == ["new_report", "new_figure"]
    assert tanf["history"][0]["event"]["injuries"] == 4 and tanf["version"] == 2


def test_merge_documents_prints_one_cluster_per_document(cli, tmp_path):
    lines = [
        {"id": "a", "published": "2024-03-05", "text": TANF_MONDAY.split("\n", 1)[1], "topic": "ignored"},
        {"id": "b", "published": "2024-03-05", "text": TANF_LATER.split("\n", 1)[1]},  # documents: dated by publication
        {"id": "c", "published": "2024-03-09", "text": ERBIL_FRIDAY.split("\n", 1)[1]},
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    code, out, err = cli("merge", path, "--documents")
    assert code == 0, err
    rows = jsonl(out)
    assert [r["doc_id"] for r in rows] == ["a", "b", "c"]
    assert set(rows[0]) == {"doc_id", "cluster"}
    cluster = {r["doc_id"]: r["cluster"] for r in rows}
    assert cluster["a"] == cluster["b"] != cluster["c"]
    code, out, _ = cli("merge", path)
    mentions = jsonl(out)
    assert {m["doc_id"] for m in mentions} == {"a", "b", "c"}
    assert all("cluster" in m for m in mentions)


def test_merge_reads_bad_input_with_a_clear_error(cli, tmp_path):
    code, _, err = cli("merge", tmp_path / "missing.txt", "--documents")
    assert code == 1
    assert "missing.txt" in err


def test_pair_score_keeps_different_days_and_far_places_apart():
    base = {"event_date": "2024-03-04", "date_precision": "day", "sub_event_type": "Air/drone strike",
            "event_type": "Explosions/Remote violence", "country": "Syria", "location": "Al-Tanf Garrison",
            "latitude": 33.4961, "longitude": 38.6181, "geo_precision": 1}
    words = {"drone": 0.6, "^tanf": 0.8}
    same = score_pair(Profile.of_mention(base, words), Profile.of_mention(base, words))
    assert same.same and same.parts["same_day"] > 0
    later = score_pair(Profile.of_mention(base, words), Profile.of_mention({**base, "event_date": "2024-03-19"}, words))
    assert not later.same and "days apart" in later.veto
    far = {**base, "location": "Erbil Air Base", "country": "Iraq", "latitude": 36.2376, "longitude": 43.9632}
    apart = score_pair(Profile.of_mention(base, words), Profile.of_mention(far, words))
    assert not apart.same and "km apart" in apart.veto
    # unknown fields neither help nor hurt
    bare = score_pair(Profile.of_mention({}, words), Profile.of_mention(base, words))
    assert bare.veto is None and set(bare.parts) == {"text"}
    # a date known only to the week ("drone attacks last week on the base") that holds the other's day earns back
    # the bar a known date raises, where it once only raised it; weeks apart, it still rules the pair out
    week = {**base, "event_date": "2024-03-01", "date_precision": "week"}
    weekly = score_pair(Profile.of_mention(week, words), Profile.of_mention(base, words))
    assert weekly.same and weekly.parts["same_week"] == 0.5
    months = score_pair(Profile.of_mention({**week, "event_date": "2024-02-01"}, words), Profile.of_mention(base, words))
    assert not months.same and "days apart" in months.veto


def test_casualty_reconciliation_keeps_open_ranges_and_sources():
    claims = [
        {"doc_id": "a", "published": "2024-01-28", "sources": ["U.S. officials"], "injuries": 30,
         "injuries_low": 31, "injuries_high": None},
        {"doc_id": "b", "published": "2024-01-29", "sources": ["CENTCOM"], "injuries": 34},
        {"doc_id": "c", "published": "2024-01-30", "sources": ["Pentagon"], "injuries": 40, "injuries_low": 41},
    ]
    fig = reconcile_figures(claims, "injuries")
    assert fig["best"] == 40 and fig["low"] == 31 and fig["high"] is None and fig["conservative"] == 30
    assert fig["sources"]["best"] == [{"doc_id": "c", "sources": ["Pentagon"], "figure": 40}]
    assert reconcile_figures(claims, "fatalities")["best"] is None


def test_a_later_vague_amount_does_not_replace_an_exact_count_as_the_best_figure():
    exact = {"doc_id": "a", "published": "2023-11-22", "sources": ["Pentagon"], "injuries": 8}
    vague = {"doc_id": "b", "published": "2024-01-21", "sources": ["Euphrates Monitor"], "injuries": None,
             "injuries_low": 3, "injuries_high": 9}  # "lightly wounding several people", recalled two months on
    fig = reconcile_figures([exact, vague], "injuries")
    assert (fig["best"], fig["low"], fig["high"]) == (8, 3, 9)
    assert fig["sources"]["best"] == [{"doc_id": "a", "sources": ["Pentagon"], "figure": 8}]
    assert reconcile_figures([vague], "injuries")["best"] == 3  # with no count given, the range's low end


def test_a_report_without_a_toll_does_not_lower_another_reports_figure():
    silent = {"doc_id": "a", "published": "2023-11-21", "sources": ["Desert Wire"], "injuries": 0,
              "injuries_low": 0, "injuries_high": None}  # gives no toll: coded 0 with an open range
    stated = {"doc_id": "b", "published": "2023-11-20", "sources": ["Pentagon"], "injuries": 8}
    fig = reconcile_figures([silent, stated], "injuries")
    assert (fig["best"], fig["low"], fig["high"], fig["conservative"]) == (8, 8, 8, 8)
    assert fig["sources"]["best"] == [{"doc_id": "b", "sources": ["Pentagon"], "figure": 8}]
    # "no one was hurt" is a figure: it stays beside the 8
    none_hurt = {**silent, "injuries_high": 0, "injuries_low": None}
    assert reconcile_figures([none_hurt, stated], "injuries")["low"] == 0
    # with no report giving a toll the convention stands
    assert reconcile_figures([silent], "injuries")["best"] == 0


def test_events_as_of_shows_the_ledger_as_it_stood(cli, tmp_path, ledger_path):
    paths = write_reports(tmp_path, tanf_monday=TANF_MONDAY)
    cli("ingest", *paths, "--db", ledger_path)
    code, out, _ = cli("events", "--db", ledger_path, "--as-of", "2020-01-01", "--format", "jsonl")
    assert code == 0 and jsonl(out) == []
    with Ledger(ledger_path) as ledger:
        event = event_of(ledger, "tanf_monday.txt", "Al-Tanf Garrison")
        between = datetime.now(UTC)
        ledger.edit(event["event_id"], "injuries", "5", who="desk")
        then = {e["event_id"]: e for e in ledger.events(as_of=between)}
        now = {e["event_id"]: e for e in ledger.events()}
    assert then[event["event_id"]]["injuries"] == 4 and then[event["event_id"]]["version"] == 1
    assert now[event["event_id"]]["injuries"] == 5 and now[event["event_id"]]["version"] == 2
    today = datetime.now(UTC).date().isoformat()
    code, out, _ = cli("events", "--db", ledger_path, "--as-of", today, "--format", "jsonl")
    assert {e["event_id"] for e in jsonl(out)} == set(now)


def test_events_stored_before_merging_existed_are_adopted(cli, tmp_path, ledger_path):
    cli("ingest", *write_reports(tmp_path / "old", tanf_monday=TANF_MONDAY), "--db", ledger_path)
    with Ledger(ledger_path) as ledger:
        # as a ledger made before merging existed: events without profiles, keys or versions
        with ledger.store.transaction() as conn:
            conn.execute("DELETE FROM event_versions")
            conn.execute("DELETE FROM merge_keys")
            conn.execute("DELETE FROM term_stats")
            conn.execute("UPDATE events SET profile = NULL, version = 1")
            conn.execute("UPDATE mentions SET profile = NULL, merge_reasons = NULL")
            conn.execute("UPDATE merge_state SET value = 0 WHERE name = 'documents'")
            conn.execute("UPDATE merge_state SET value = (SELECT count(*) FROM events) WHERE name = 'legacy_events'")
        old = event_of(ledger, "tanf_monday.txt", "Al-Tanf Garrison")["event_id"]
    cli("ingest", *write_reports(tmp_path / "new", tanf_later=TANF_LATER), "--db", ledger_path)
    with Ledger(ledger_path) as ledger:
        event = event_of(ledger, "tanf_later.txt", "Al-Tanf Garrison")
        assert event["event_id"] == old
        assert [v["change"] for v in event["history"]] == ["new_report", "new_figure"]
        assert ledger.conn.execute("SELECT value FROM merge_state WHERE name = 'legacy_events'").fetchone()[0] == 0
        assert ledger.check() == []


def test_blocking_finds_neighbouring_cells_and_days_only():
    from conflict_ledger.merge.cluster import MemoryIndex, Merger, index_keys, query_keys

    place = {"country": "Syria", "location": "Al-Tanf Garrison", "latitude": 33.99, "longitude": 38.99,
             "geo_precision": 1, "date_precision": "day"}
    event = Profile.of_mention({**place, "event_date": "2024-03-04"}, {"^tanf": 1.0})
    filed = set(index_keys(event))
    across_the_cell_line = {**place, "latitude": 34.01, "longitude": 39.01, "event_date": "2024-03-05"}
    assert filed & set(query_keys(Profile.of_mention(across_the_cell_line, {})))
    assert not filed & set(query_keys(Profile.of_mention({**place, "event_date": "2024-03-20"}, {})))
    # a report without a date or place is found by its heaviest words
    assert filed & set(query_keys(Profile.of_mention({}, {"^tanf": 0.9, "drone": 0.4})))
    ids = iter(["ev-1", "ev-2"])
    merger = Merger(MemoryIndex(), new_id=lambda: next(ids))
    assert merger.place(event).created
    joined = merger.place(Profile.of_mention({**across_the_cell_line}, {"^tanf": 1.0}))
    assert joined.event_id == "ev-1" and not joined.created and joined.candidates == 1


def test_the_ledger_index_files_only_what_a_report_adds(tmp_path):
    from conflict_ledger.merge.cluster import Merger
    from conflict_ledger.merge.ledger import SqliteIndex
    from conflict_ledger.store import Store

    store = Store(tmp_path / "index.db")
    conn = store.conn
    ids = iter(["ev-1", "ev-2", "ev-3"])
    merger = Merger(SqliteIndex(conn), new_id=lambda: next(ids))

    def rows() -> int:
        return conn.execute("SELECT count(*) FROM merge_keys").fetchone()[0]

    place = {"country": "Syria", "location": "Al-Tanf Garrison", "latitude": 33.99, "longitude": 38.99,
             "geo_precision": 1, "date_precision": "day", "event_date": "2024-03-04"}
    words = {"^tanf": 1.0, "drone": 0.5, "garrison": 0.4}
    assert merger.place(Profile.of_mention(place, words)).created
    founded = rows()
    again = merger.place(Profile.of_mention(place, words))
    assert again.event_id == "ev-1" and not again.created
    assert rows() == founded  # the same day, place and words: nothing new to file
    next_day = merger.place(Profile.of_mention({**place, "event_date": "2024-03-05"}, words))
    assert next_day.event_id == "ev-1" and rows() > founded  # a new day is filed
    # no undated report yet: dated reports skip the undated word keys; once one is filed, they look
    assert conn.execute("SELECT value FROM merge_state WHERE name = 'undated_keys'").fetchone()[0] == 0
    undated = merger.place(Profile.of_mention({}, {"^rukban": 1.0, "camp": 0.5}))
    assert undated.created and undated.event_id == "ev-2"
    assert conn.execute("SELECT value FROM merge_state WHERE name = 'undated_keys'").fetchone()[0] == 1
    dated = merger.place(Profile.of_mention({**place, "event_date": "2024-04-01"}, {"^rukban": 1.0, "camp": 0.5}))
    assert dated.candidates == 1 and dated.event_id == "ev-2"
    store.close()


def test_average_link_stops_at_the_bar_and_keeps_ruled_out_pairs_apart():
    from conflict_ledger.merge.agglomerate import average_link

    # two tight groups of three, one weak tie between them
    weights = {(0, 1): 2.0, (0, 2): 2.0, (1, 2): 2.0, (3, 4): 2.0, (3, 5): 2.0, (4, 5): 2.0, (2, 3): 1.0}
    high = average_link(6, weights, threshold=0.5)
    assert high[0] == high[1] == high[2] != high[3] == high[4] == high[5]
    # a lower bar joins them (average over the nine cross pairs: 1/9)
    low = average_link(6, weights, threshold=0.1)
    assert len(set(low)) == 1
    # a ruled-out pair forbids the join at any bar, and so does can_join
    assert len(set(average_link(6, weights, 0.1, ruled_out={(0, 5)}))) == 2
    assert len(set(average_link(6, weights, 0.1, can_join=lambda a, b: len(a) + len(b) <= 3))) == 2


def test_shared_neighbours_rank_reports_of_one_happening_above_a_lone_look_alike():
    import numpy as np
    from scipy import sparse

    from conflict_ledger.merge.agglomerate import shared_neighbours, top_neighbours

    # reports 0-2 share their particulars; report 3 shares only a topic word with report 0
    x = np.array([[1, 1, 1, 1, 0], [1, 1, 1, 0, 0], [1, 1, 1, 0, 0], [0, 0, 0, 1, 1]], dtype=float)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    cosines = top_neighbours(sparse.csr_matrix(x), count=3)
    shared = shared_neighbours(cosines, ruled_out=set(), neighbours=2).toarray()
    assert shared[0, 1] > shared[0, 3] and shared[1, 2] > shared[0, 3]
    # a ruled-out pair is nobody's neighbour
    apart = shared_neighbours(cosines, ruled_out={(0, 1)}, neighbours=2).toarray()
    assert apart[0, 1] < shared[0, 1]


def test_batches_are_merged_in_publication_order_chunk_by_chunk():
    from datetime import date

    from conflict_ledger.ingest import Notice
    from conflict_ledger.merge.order import publication_order
    from conflict_ledger.model import Document

    late, early, undated = (Document("b", "x", date(2024, 3, 6)), Document("c", "y", date(2024, 3, 5)),
                            Document("a", "z"))
    notice = Notice("bad.csv", "no text column")
    assert list(publication_order([undated, late, notice, early])) == [notice, early, late, undated]
    # a long stream is ordered a chunk at a time, so only `chunk` documents are ever held
    assert list(publication_order([undated, late, early], chunk=2)) == [late, undated, early]


def test_quakes_of_different_stated_magnitude_conflict():
    from conflict_ledger.merge.stated import conflicts, stated

    first = stated("A magnitude 5.2 earthquake shook the coast on Sunday.")
    retold = stated("The 5.4-magnitude quake damaged houses near the coast.")
    other = stated("An earthquake measuring 6.3 struck the same coast a week later.")
    spaced = stated("The quake, magnitude 6 . 3, was felt inland.")
    assert first.magnitudes == {5.2} and spaced.magnitudes == {6.3}
    assert conflicts(first, retold) == []
    assert conflicts(first, other) == ["magnitude"]
    assert conflicts(other, spaced) == []
    assert conflicts(first, stated("No magnitude was given.")) == []


def test_leads_with_different_doers_and_acts_conflict():
    from conflict_ledger.merge.lead import lead_acts, relation

    texts = [
        "President Maria Harmon on Monday suspended the river dam permits issued last spring.",
        "President John Walker restored the river dam permits on Friday, a year after they were suspended.",
        "Officials said President Harmon suspended river dam permits in the north.",
        "Protesters marched outside the river dam office on Monday.",
    ]
    suspended, restored, again, protest = lead_acts((None, text) for text in texts)
    assert relation(suspended, restored) == -1  # two presidents, two acts: two happenings
    assert relation(suspended, again) == 1  # one president, one act (a reported clause)
    assert relation(suspended, protest) == 0  # an unnamed doer says nothing either way


def test_an_untyped_report_is_no_other_type_than_a_typed_one():
    attack = {"event_date": "2024-08-19", "date_precision": "day", "sub_event_type": "Attack",
              "event_type": "Violence against civilians", "country": "Sudan", "admin1": "Sennar"}
    # "activists said the fighters had killed more than 100 people": the extractor's default type, no sub-type
    untyped = {**attack, "sub_event_type": None, "event_type": "Explosions/Remote violence"}
    words = {"^jalgini": 0.8, "killed": 0.2}
    pair = score_pair(Profile.of_mention(attack, words), Profile.of_mention(untyped, words))
    assert "other_event_type" not in pair.parts and pair.same
