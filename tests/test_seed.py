"""End to end on the seed report: the events and the claim a user expects from it."""

from __future__ import annotations

import math

from conftest import jsonl

AIN_AL_ASAD = (33.7856, 42.4412)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def test_seed_events(cli, seed):
    code, out, err = cli("extract", seed)
    assert code == 0, err
    events = jsonl(out)
    assert all(e["doc_id"] == "seed-2023-11-21.txt" for e in events)

    missile = [e for e in events if e["sub_event_type"] == "Shelling/artillery/missile attack"]
    assert len(missile) == 1, events
    m = missile[0]
    assert m["event_type"] == "Explosions/Remote violence"
    assert m["event_date"] == "2023-11-20" and m["date_precision"] == "day"
    assert "Iran" in m["actor1"] and "militia" in m["actor1"].lower()
    assert m["actor2"] == "U.S. forces"
    assert (m["country"], m["admin1"]) == ("Iraq", "Al Anbar")
    assert km((m["latitude"], m["longitude"]), AIN_AL_ASAD) <= 25
    assert m["injuries"] == 8
    assert m["fatalities"] in (None, 0) and m["fatalities_low"] in (None, 0)
    assert "Pentagon" in m["sources"]

    strikes = [e for e in events if e["sub_event_type"] == "Air/drone strike"]
    assert len(strikes) == 1, events
    s = strikes[0]
    assert s["actor1"] == "U.S. forces"
    assert s["country"] == "Iraq"
    assert s["event_date"] == "2023-11-20"
    assert s["fatalities"] is None  # "several": a range, not a made-up point
    assert s["fatalities_low"] >= 2 and s["fatalities_high"] <= 9
    assert "CENTCOM" in s["sources"]

    # nothing else: the embedded post and the (RELATED: ...) teaser are not events
    assert len(events) == 2


def test_seed_evidence_spans_point_into_the_text(cli, seed):
    from conflict_ledger.ingest import read_paths

    text = next(iter(read_paths([seed]))).text
    _, out, _ = cli("extract", seed)
    for event in jsonl(out):
        for field in ("event_date", "injuries", "fatalities", "actor1", "location", "sub_event_type"):
            for span in event["evidence"].get(field, []):
                assert text[span["start"] : span["end"]] == span["text"]
        assert event["evidence"].get("event_date"), "the date must cite the text it came from"


def test_seed_claim(cli, seed):
    code, out, err = cli("claims", seed)
    assert code == 0, err
    claims = jsonl(out)
    assert len(claims) == 1
    claim = claims[0]
    assert claim["count"] == 66
    assert claim["since"] == "2023-10-17"
    assert claim["until"] == "2023-11-20"
    assert claim["attributed_to"] == "ABC News"
    assert claim["injuries"] == 70
    assert "U.S. forces" in claim["counted"]
