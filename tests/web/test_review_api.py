"""Review decisions through the API, seen everywhere the page reads: lists, tallies, map, timeline,
trackers, claims, history and the review queue. A real server on its own copy of the demo ledger."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from conflict_ledger.db import Ledger

from .conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TRACKER = "us-forces-attacks"  # the example tracker shipped with the project (data/trackers.yaml)


def get(api: httpx.Client, path: str, **params: Any) -> Any:
    answer = api.get(path, params=params)
    assert answer.status_code == 200, (path, answer.text)
    return answer.json()


def post(api: httpx.Client, path: str, body: dict[str, Any]) -> dict[str, Any]:
    answer = api.post(path, json=body, headers=AUTH)
    assert answer.status_code == 200, (path, answer.text)
    return answer.json()


def everything_counted(api: httpx.Client) -> dict[str, int]:
    """How many events each read of the page counts, with no filter."""
    timeline = get(api, "/api/timeline")
    map_cells = get(api, "/api/map", cell=1)
    return {
        "list": get(api, "/api/events", limit=1)["total"],
        "tally": get(api, "/api/tally")["events"],
        "timeline": sum(b["events"] for b in timeline["buckets"]) + timeline["undated"],
        "map": map_cells["located"] + map_cells["unlocated"],
        "facets": get(api, "/api/meta")["facets"]["events"],
    }


def claim_counts(api: httpx.Client) -> dict[int, int | None]:
    return {c["claim_id"]: c["ledger_count"] for c in get(api, "/api/claims")}


def test_trackers_and_claims_are_the_ledgers_own(api, ledger_file):
    trackers = get(api, "/api/trackers")
    assert TRACKER in [t["name"] for t in trackers]
    report = get(api, f"/api/trackers/{TRACKER}")
    claims = get(api, "/api/claims")
    with Ledger(ledger_file) as ledger:
        expected = ledger.tracker_report(TRACKER)
        expected_claims = ledger.claims_vs_ledger()
    assert report["count"] == expected["count"] == len(report["events"]) > 0
    assert [e["event_id"] for e in report["events"]] == [e["event_id"] for e in expected["events"]]
    assert [e["n"] for e in report["events"]] == list(range(1, report["count"] + 1))
    assert report["fatalities"] == expected["fatalities"] and report["series"] == expected["series"]
    assert report["describe"] == expected["describe"]  # extra keys pass through the response model
    assert [(c["claim_id"], c["ledger_count"], c["verdict"]) for c in claims] == [
        (c["claim_id"], c["ledger_count"], c["verdict"]) for c in expected_claims]
    assert any(c["tracker"] == TRACKER for c in claims)
    missing = api.get("/api/trackers/no-such-tracker")
    assert missing.status_code == 404 and "no-such-tracker" in missing.json()["detail"]


def test_a_rejected_event_leaves_every_count_and_an_accept_brings_it_back(api):
    report = get(api, f"/api/trackers/{TRACKER}")
    target = report["events"][0]  # the earliest: most claims' windows cover it
    event_id = target["event_id"]
    counted = everything_counted(api)
    tally = get(api, "/api/tally")
    claims = claim_counts(api)
    killed = get(api, f"/api/events/{event_id}")["fatalities"] or 0

    answer = post(api, f"/api/events/{event_id}/reject", {"who": "Ana Checker", "note": "a rehearsal, not an attack"})
    assert answer["event_id"] == event_id and answer["event"]["status"] == "rejected"

    after = get(api, f"/api/trackers/{TRACKER}")
    assert after["count"] == report["count"] - 1
    assert event_id not in [e["event_id"] for e in after["events"]]
    assert [e["n"] for e in after["events"]] == list(range(1, after["count"] + 1))  # numbering closes the gap
    assert everything_counted(api) == {kind: n - 1 for kind, n in counted.items()}
    assert get(api, "/api/tally")["fatalities"] == tally["fatalities"] - killed
    lower = claim_counts(api)
    dropped = [cid for cid, n in claims.items() if n is not None and lower[cid] == n - 1]
    assert dropped and all(lower[cid] in (n, None if n is None else n - 1) for cid, n in claims.items())
    # still in the ledger, with its history, for whoever asks for rejected events
    shown = get(api, "/api/events", include_rejected="true", limit=500)
    assert shown["total"] == counted["list"] and event_id in [e["event_id"] for e in shown["events"]]
    last = get(api, f"/api/events/{event_id}/history")[-1]
    assert (last["change"], last["who"], last["note"]) == ("reject", "Ana Checker", "a rehearsal, not an attack")
    assert event_id not in [e["event_id"] for e in get(api, "/api/review-queue", limit=500)]

    post(api, f"/api/events/{event_id}/accept", {"who": "Ana Checker", "note": "it was an attack after all"})
    assert get(api, f"/api/trackers/{TRACKER}")["count"] == report["count"]
    assert everything_counted(api) == counted
    assert claim_counts(api) == claims
    event = get(api, f"/api/events/{event_id}")
    assert (event["status"], event["review_status"]) == ("active", "accepted")
    assert [v["change"] for v in event["history"][-2:]] == ["reject", "accept"]


def test_an_edited_figure_moves_the_tally_and_the_tracker(api):
    report = get(api, f"/api/trackers/{TRACKER}")
    target = report["events"][-1]
    event_id = target["event_id"]
    before = get(api, f"/api/events/{event_id}")
    tally = get(api, "/api/tally")
    new_value = (before["fatalities"] or 0) + 11

    answer = post(api, f"/api/events/{event_id}/edit",
                  {"who": "Ana Checker", "field": "fatalities", "value": new_value, "note": "the hospital's figure"})
    assert answer["event"]["fatalities"] == new_value and answer["event"]["review_status"] == "edited"
    assert get(api, "/api/tally")["fatalities"] == tally["fatalities"] + 11
    after = get(api, f"/api/trackers/{TRACKER}")
    assert after["fatalities"]["best"] == report["fatalities"]["best"] + 11
    assert next(e for e in after["events"] if e["event_id"] == event_id)["fatalities"] == new_value
    last = get(api, f"/api/events/{event_id}/history")[-1]
    assert last["change"] == "manual_edit" and last["detail"]["field"] == "fatalities"
    assert (last["detail"]["before"], last["detail"]["value"]) == (before["fatalities"], new_value)
    assert event_id not in [e["event_id"] for e in get(api, "/api/review-queue", limit=500)]

    refused = api.post(f"/api/events/{event_id}/edit", json={"who": "Ana Checker", "field": "event_type",
                                                              "value": "Skirmishes"}, headers=AUTH)
    assert refused.status_code == 400 and "event_type" in refused.json()["detail"]
    assert get(api, f"/api/events/{event_id}")["version"] == answer["event"]["version"]  # a refused edit stores nothing


def test_merge_then_split_through_the_api(api):
    queue = get(api, "/api/review-queue", limit=500)
    singles = [e for e in queue if len(e["doc_ids"]) == 1]
    survivor_id, other_id = singles[0]["event_id"], singles[1]["event_id"]
    total = get(api, "/api/events", limit=1)["total"]
    other_mentions = [m["id"] for m in get(api, f"/api/events/{other_id}")["mentions"]]

    merged = post(api, "/api/merge", {"who": "Ana Checker", "event_ids": [survivor_id, other_id],
                                      "note": "one strike, two reports"})
    assert merged["event_id"] == survivor_id
    survivor = get(api, f"/api/events/{survivor_id}")
    assert set(other_mentions) <= {m["id"] for m in survivor["mentions"]}
    assert get(api, f"/api/events/{other_id}")["status"] == "merged"
    assert get(api, "/api/events", limit=1)["total"] == total - 1
    assert survivor["history"][-1]["change"] == "merge" and survivor["history"][-1]["who"] == "Ana Checker"
    assert get(api, f"/api/events/{other_id}/history")[-1]["detail"] == {"into": survivor_id}
    # a merged-away event cannot be reviewed any more: the answer names the survivor
    refused = api.post(f"/api/events/{other_id}/accept", json={"who": "Ana Checker"}, headers=AUTH)
    assert refused.status_code == 400 and survivor_id in refused.json()["detail"]

    split = post(api, f"/api/events/{survivor_id}/split", {"who": "Ana Checker", "mention_ids": other_mentions})
    new_id = split["event_id"]
    assert new_id not in (survivor_id, other_id)
    assert sorted(m["id"] for m in split["event"]["mentions"]) == sorted(other_mentions)
    assert get(api, "/api/events", limit=1)["total"] == total
    for event_id in (survivor_id, new_id):
        last = get(api, f"/api/events/{event_id}/history")[-1]
        assert last["change"] == "split" and last["detail"]["to"] == new_id
    whole = api.post(f"/api/events/{new_id}/split", json={"who": "Ana Checker", "mention_ids": other_mentions},
                     headers=AUTH)
    assert whole.status_code == 400  # a split must leave a report behind


@pytest.mark.parametrize("path", ["/api/events/ev-nope/history", "/api/events/ev-nope/reject"])
def test_unknown_events_are_404_for_review_routes_too(api, path):
    answer = api.post(path, json={"who": "x"}, headers=AUTH) if path.endswith("reject") else api.get(path)
    assert answer.status_code == 404 and "ev-nope" in answer.json()["detail"]
