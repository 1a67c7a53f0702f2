"""The HTTP API against a real `conflict-ledger serve` process and a real ledger file."""

from __future__ import annotations

import re
import sqlite3

import pytest
from fastapi.testclient import TestClient

from conflict_ledger.serve.app import create_app

from .conftest import HOSTILE_REPORT, TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def db_rows(path, sql: str, *params) -> list[sqlite3.Row]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_page_and_assets_are_served_with_a_strict_policy(api):
    page = api.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "default-src 'none'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    for asset in ("/static/app.js", "/static/app.css", "/static/vendor/d3.min.js",
                  "/static/vendor/topojson-client.min.js", "/static/vendor/countries-110m.json",
                  "/static/vendor/countries-50m.json", "/static/vendor/LICENSES.txt"):
        response = api.get(asset)
        assert response.status_code == 200, asset
        assert response.headers["content-encoding"] == "gzip", asset  # compressed once, at start
        again = api.get(asset, headers={"If-None-Match": response.headers["etag"]})
        assert again.status_code == 304 and not again.content
    plain = api.get("/static/app.js", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.text.startswith("/* conflict-ledger page")
    assert plain.headers["content-type"].startswith(("application/javascript", "text/javascript"))
    assert api.get("/static/../../db.py").status_code == 404
    assert api.get("/static/nothing.js").status_code == 404


def test_events_list_filters_and_numbers(api, ledger_file):
    total = db_rows(ledger_file, "SELECT count(*) FROM events")[0][0]
    page = api.get("/api/events", params={"limit": 10}).json()
    assert page["total"] == total and len(page["events"]) == 10
    assert [e["n"] for e in page["events"]] == list(range(1, 11))
    second = api.get("/api/events", params={"limit": 10, "offset": 10}).json()
    assert [e["n"] for e in second["events"]] == list(range(11, 21))
    assert not {e["event_id"] for e in page["events"]} & {e["event_id"] for e in second["events"]}

    iraq = api.get("/api/events", params={"country": "Iraq", "limit": 500}).json()
    expected = db_rows(ledger_file, "SELECT count(*) FROM events WHERE country = 'Iraq'")[0][0]
    assert iraq["total"] == expected > 0
    assert {e["country"] for e in iraq["events"]} == {"Iraq"}

    window = api.get("/api/events", params={"since": "2024-01-01", "until": "2024-01-31", "limit": 500}).json()
    assert window["total"] > 0
    assert all("2024-01-01" <= e["event_date"] <= "2024-01-31" for e in window["events"])

    strikes = api.get("/api/events", params={"type": "Air/drone strike", "limit": 500}).json()
    assert strikes["total"] > 0 and {e["sub_event_type"] for e in strikes["events"]} == {"Air/drone strike"}
    # an alias finds the canonical actor, as on the command line
    by_alias = api.get("/api/events", params={"actor": "Iran-funded militia", "limit": 500}).json()
    assert by_alias["total"] > 0
    assert all("Iran-backed militia" in (e["actor1"], e["actor2"]) for e in by_alias["events"])
    assert api.get("/api/events", params={"scope": "terror"}).status_code == 422


def test_the_violence_scope_leaves_out_a_protest(api, ledger_file):
    """`?scope=violence` leaves out what `extract --scope violence` leaves out (one event retyped for the test)."""
    conn = sqlite3.connect(ledger_file)
    try:
        event_id, top, sub = conn.execute("SELECT id, event_type, sub_event_type FROM events LIMIT 1").fetchone()
        with conn:
            conn.execute("UPDATE events SET event_type = 'Protests', sub_event_type = 'Peaceful protest' WHERE id = ?",
                         (event_id,))
        total = api.get("/api/events", params={"limit": 1}).json()["total"]
        violent = api.get("/api/events", params={"scope": "violence", "limit": 500}).json()
        assert violent["total"] == total - 1 and event_id not in {e["event_id"] for e in violent["events"]}
        assert api.get("/api/tally", params={"scope": "violence"}).json()["events"] == total - 1
    finally:
        with conn:
            conn.execute("UPDATE events SET event_type = ?, sub_event_type = ? WHERE id = ?", (top, sub, event_id))
        conn.close()


def test_bad_parameters_get_clear_errors(api):
    assert api.get("/api/events", params={"since": "21/11/2023"}).status_code == 422
    assert api.get("/api/events", params={"limit": 0}).status_code == 422
    assert api.get("/api/events", params={"bbox": "1,2,3"}).status_code == 422
    assert api.get("/api/map", params={"cell": 0}).status_code == 422
    assert api.get("/api/timeline", params={"period": "year"}).status_code == 422
    # a one-value parameter given twice is refused, not cut to its last value; lists take several
    twice = api.get("/api/map?since=bad&since=2024-01-01")
    assert twice.status_code == 422 and twice.json()["detail"][0]["loc"] == ["query", "since"]
    assert api.get("/api/events?country=Iraq&country=Syria").status_code == 200
    missing = api.get("/api/events/ev-nope")
    assert missing.status_code == 404 and "ev-nope" in missing.json()["detail"]
    assert api.get("/api/documents/no-such-report").status_code == 404


def test_event_detail_carries_evidence_that_points_into_the_report(api, ledger_file):
    event_id = db_rows(
        ledger_file,
        "SELECT m.event_id FROM evidence ev JOIN mentions m ON m.id = ev.mention_id WHERE ev.field = 'injuries' LIMIT 1",
    )[0][0]
    event = api.get(f"/api/events/{event_id}").json()
    assert event["event_id"] == event_id and event["mentions"]
    assert event["evidence"]["injuries"]
    for field, spans in event["evidence"].items():
        for span in spans:
            doc = api.get(f"/api/documents/{span['doc_id']}").json()
            assert doc["text"][span["start"]:span["end"]] == span["text"], field


def test_map_cells_account_for_every_located_event(api, ledger_file):
    located = db_rows(ledger_file, "SELECT count(*) FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL")[0][0]
    unlocated = db_rows(ledger_file, "SELECT count(*) FROM events WHERE latitude IS NULL OR longitude IS NULL")[0][0]
    fine = api.get("/api/map", params={"cell": 0.01}).json()
    coarse = api.get("/api/map", params={"cell": 10}).json()
    for answer in (fine, coarse):
        assert sum(c["events"] for c in answer["cells"]) == answer["located"] == located
        assert answer["unlocated"] == unlocated
    assert len(coarse["cells"]) < len(fine["cells"])
    singles = [c for c in fine["cells"] if c["events"] == 1]
    assert singles and all(c["event_id"] for c in singles)
    single = singles[0]
    row = db_rows(ledger_file, "SELECT latitude, longitude FROM events WHERE id = ?", single["event_id"])[0]
    assert (row["latitude"], row["longitude"]) == pytest.approx((single["lat"], single["lon"]), abs=1e-5)
    # a box around one cell selects exactly that cell's events
    busiest = max(fine["cells"], key=lambda c: c["events"])
    box = f"{busiest['lon'] - 0.001},{busiest['lat'] - 0.001},{busiest['lon'] + 0.001},{busiest['lat'] + 0.001}"
    inside = api.get("/api/events", params={"bbox": box, "limit": 500}).json()
    assert inside["total"] == busiest["events"]


def test_timeline_counts_add_up_and_filters_apply(api, ledger_file):
    total = db_rows(ledger_file, "SELECT count(*) FROM events")[0][0]
    for period in ("day", "week", "month"):
        answer = api.get("/api/timeline", params={"period": period}).json()
        assert answer["period"] == period
        assert sum(b["events"] for b in answer["buckets"]) + answer["undated"] == total
        assert all(b["events"] == sum(b["counts"].values()) for b in answer["buckets"])
    weeks = api.get("/api/timeline", params={"period": "week"}).json()["buckets"]
    assert all(b["start"] <= b["end"] for b in weeks)
    iraq = api.get("/api/timeline", params={"country": "Iraq"}).json()
    assert sum(b["events"] for b in iraq["buckets"]) < total


def test_meta_offers_the_filter_choices(api):
    meta = api.get("/api/meta").json()
    facets = meta["facets"]
    assert "Iraq" in facets["countries"] and facets["first_date"] <= facets["last_date"]
    assert "Air/drone strike" in facets["event_types"]["Explosions/Remote violence"]
    assert set(meta) == {"ledger", "facets"}


def test_untrusted_markup_comes_back_as_data(api):
    doc = api.get(f"/api/documents/{HOSTILE_REPORT['id']}").json()
    assert "<script>" in doc["text"] and doc["title"] == HOSTILE_REPORT["title"]
    assert api.get(f"/api/documents/{HOSTILE_REPORT['id']}").headers["content-type"].startswith("application/json")


def test_writes_need_the_token(api, ledger_file):
    event_id = db_rows(ledger_file, "SELECT id FROM events LIMIT 1")[0][0]
    body = {"who": "tester"}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        answer = api.post(f"/api/events/{event_id}/accept", json=body, headers=headers)
        assert answer.status_code == 401, headers
        assert "token" in answer.json()["detail"]
    edit = api.post(f"/api/events/{event_id}/edit", json={"who": "x", "field": "fatalities", "value": 3})
    assert edit.status_code == 401
    assert api.post("/api/merge", json={"who": "x", "event_ids": [event_id, event_id]}).status_code == 401
    # with the token the request is judged on its merits: a decision needs a name, an edit a real field
    assert api.post(f"/api/events/{event_id}/accept", json={"who": ""}, headers=AUTH).status_code == 422
    answer = api.post(f"/api/events/{event_id}/edit", json={"who": "x", "field": "colour", "value": "red"},
                      headers=AUTH)
    assert answer.status_code == 400 and "colour" in answer.json()["detail"]
    assert api.post("/api/events/ev-nope/accept", json=body, headers=AUTH).status_code == 404


def test_decisions_change_the_ledger(api, ledger_file):
    event_id = db_rows(ledger_file, "SELECT id FROM events WHERE coalesce(fatalities, -1) <> 4 AND status = 'active' "
                                    "ORDER BY id LIMIT 1")[0][0]
    answer = api.post(f"/api/events/{event_id}/edit", json={"who": "api-tester", "field": "fatalities", "value": 4,
                                                            "note": "per the later report"}, headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert db_rows(ledger_file, "SELECT fatalities FROM events WHERE id = ?", event_id)[0][0] == 4
    bad = api.post(f"/api/events/{event_id}/edit", json={"who": "api-tester", "field": "fatalities", "value": "many"},
                   headers=AUTH)
    assert bad.status_code == 400
    history = api.get(f"/api/events/{event_id}/history").json()
    assert history[-1]["who"] == "api-tester" and history[-1]["change"] == "manual_edit"

    total = api.get("/api/events").json()["total"]
    answer = api.post(f"/api/events/{event_id}/reject", json={"who": "api-tester"}, headers=AUTH)
    assert answer.status_code == 200 and answer.json()["event"]["status"] == "rejected"
    assert api.get("/api/events").json()["total"] == total - 1
    assert api.get("/api/events", params={"include_rejected": "true"}).json()["total"] == total


def test_reads_need_the_token_beyond_localhost(ledger_file):
    app = create_app(str(ledger_file), TOKEN, reads_need_token=True)
    with TestClient(app) as client:
        assert client.get("/api/events").status_code == 401
        assert client.get("/api/events", headers=AUTH).status_code == 200
        assert client.get("/").status_code == 200  # the page itself asks for the token


def test_foreign_host_names_are_refused(ledger_file):
    """A page on another site cannot reach the local server through a rebound DNS name."""
    app = create_app(str(ledger_file), TOKEN, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://evil.example") as client:
        assert client.get("/api/events").status_code == 400
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/api/events").status_code == 200


def test_openapi_document_describes_the_api(api):
    spec = api.get("/api/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/map", "/api/timeline", "/api/review-queue",
                 "/api/events/{event_id}/accept", "/api/events/{event_id}/edit", "/api/merge", "/api/trackers",
                 "/api/claims"):
        assert path in paths, path
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    # a document id the schema allows is one the route can carry: no control characters (a path ending in a
    # newline reached the handler as an empty id and was refused although the schema had allowed it)
    doc_id = next(p for p in spec["paths"]["/api/documents/{doc_id}"]["get"]["parameters"] if p["name"] == "doc_id")
    pattern = re.compile(doc_id["schema"]["pattern"])
    assert pattern.search("\n") is None and pattern.search("report 7.txt")
    assert api.get("/api/documents/report%207.txt").status_code == 404


def test_cached_aggregates_follow_changes_made_elsewhere(api, ledger_file):
    """Map, timeline, tally and filter choices are cached, but a commit by any connection refreshes them."""
    before = api.get("/api/meta").json()["facets"]
    assert "Atlantis" not in before["countries"]
    tally = api.get("/api/tally", params={"country": "Atlantis"}).json()
    assert tally["events"] == 0
    conn = sqlite3.connect(ledger_file)
    try:
        event_id, country = conn.execute("SELECT id, country FROM events WHERE country IS NOT NULL LIMIT 1").fetchone()
        with conn:
            conn.execute("UPDATE events SET country = 'Atlantis' WHERE id = ?", (event_id,))
        assert "Atlantis" in api.get("/api/meta").json()["facets"]["countries"]
        assert api.get("/api/tally", params={"country": "Atlantis"}).json()["events"] == 1
        assert api.get("/api/events", params={"country": "Atlantis"}).json()["total"] == 1
    finally:
        with conn:
            conn.execute("UPDATE events SET country = ? WHERE id = ?", (country, event_id))
        conn.close()
    assert "Atlantis" not in api.get("/api/meta").json()["facets"]["countries"]
