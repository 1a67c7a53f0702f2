"""Query speed on a large synthetic ledger: tracker counts and tallies.

    bench/query [--events 1000000] [--runs 25] [--db PATH] [--fresh]

Generates a synthetic ledger (default 1M events over 2018-2024 in 60 countries, ACLED-like mix
of types, a small share of attacks on U.S. forces in Iraq, Syria and Jordan) through the real
schema, so the summary-table triggers and indexes are the ones users get; it is kept beside the
results (not committed) and reused when it already holds the requested number of events. Then it
times, after one warm-up, the median and 95th percentile of each query over --runs runs, prints a
table and writes bench/results/query.json. Targets: tracker count and weekly tally < 50 ms median.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from common import ROOT, write_results
from conflict_ledger.db import Ledger
from conflict_ledger.model import ACLED_TYPES, EVENT_FIELDS
from conflict_ledger.query import EventFilter

TARGET_MS = 50.0
GENERATOR = "query-ledger-v1"
COUNTRIES = [
    "Syria", "Ukraine", "Iraq", "Yemen", "Mexico", "Brazil", "India", "Pakistan", "Nigeria", "Myanmar", "Sudan",
    "Somalia", "Afghanistan", "Colombia", "Philippines", "Democratic Republic of the Congo", "Mali", "Burkina Faso",
    "Ethiopia", "Cameroon", "Lebanon", "Israel", "Palestinian Territory", "Jordan", "Iran", "Turkey", "Egypt",
    "Libya", "Niger", "Kenya", "South Africa", "Bangladesh", "Nepal", "Indonesia", "Thailand", "Venezuela", "Peru",
    "Chile", "Ecuador", "Haiti", "Honduras", "Guatemala", "United States", "France", "Germany", "Russia", "Georgia",
    "Armenia", "Azerbaijan", "Tunisia", "Algeria", "Morocco", "Chad", "Mozambique", "Uganda", "South Sudan",
    "Central African Republic", "Burundi", "Zimbabwe", "Saudi Arabia",
]
TYPE_SHARE = {"Battles": 30, "Explosions/Remote violence": 35, "Violence against civilians": 15, "Protests": 30,
              "Riots": 6, "Strategic developments": 8}
MILITIAS = ["Iran-backed militia", "Islamic Resistance in Iraq", "Kataib Hezbollah", "Harakat al-Nujaba",
            "Popular Mobilization Forces", "Unidentified armed group", "Islamic State", "Houthis"]
START, END = date(2018, 1, 1), date(2024, 12, 31)


def default_db(n: int) -> Path:
    return ROOT / "bench" / "results" / f".query-ledger-{n}.db"


def generate(path: Path, n: int, seed: int = 7) -> float:
    """Fill a new ledger with n synthetic events; returns the seconds it took."""
    rnd = random.Random(seed)
    country_weights = [1 / (i + 1) ** 0.9 for i in range(len(COUNTRIES))]
    admins = {c: [f"{c} region {k}" for k in range(rnd.randint(4, 18))] for c in COUNTRIES}
    types = [(t, s) for t, subs in ACLED_TYPES.items() for s in subs]
    type_weights = [TYPE_SHARE[t] / len(ACLED_TYPES[t]) for t, _ in types]
    generic = ([f"Military Forces of {c}" for c in COUNTRIES] + [f"Rebel group {k}" for k in range(150)]
               + [f"Militia {k}" for k in range(300)] + ["Protesters", "Rioters", "Civilians"])
    days = (END - START).days + 1
    columns = ("id", *EVENT_FIELDS, "sources", "confidence", "created_at", "updated_at")
    sql = f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    batch = 20_000
    started = time.perf_counter()
    with Ledger(path) as ledger, Progress(
        TextColumn("[bold]generating ledger"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    ) as progress:
        task = progress.add_task("generate", total=n)
        conn = ledger.conn
        conn.execute("PRAGMA synchronous = OFF")
        for offset in range(0, n, batch):
            k = min(batch, n - offset)
            countries = rnd.choices(COUNTRIES, country_weights, k=k)
            kinds = rnd.choices(types, type_weights, k=k)
            rows = []
            for i in range(k):
                country = countries[i]
                top, sub = kinds[i]
                day = START + timedelta(days=rnd.randrange(days))
                actor1 = rnd.choice(MILITIAS) if rnd.random() < 0.05 else rnd.choice(generic)
                actor2 = None if rnd.random() < 0.3 else rnd.choice(generic)
                if country in ("Iraq", "Syria", "Jordan") and top in ("Explosions/Remote violence", "Battles") \
                        and rnd.random() < 0.08:
                    actor1 = rnd.choice(MILITIAS[:6] + [None])
                    actor2 = "U.S. forces" if rnd.random() < 0.8 else "Coalition forces"
                best = rnd.choice((None, None, 0, 0, 0, 1, 1, 2, 3, 5, 10))
                low = high = best
                if best is None and rnd.random() < 0.1:
                    low, high = 3, 9
                injuries = rnd.choice((None, None, None, 0, 1, 2, 4))
                lat, lon = round(rnd.uniform(-40, 60), 4), round(rnd.uniform(-100, 120), 4)
                rows.append((f"ev-{offset + i:012x}", day.isoformat(), "day", top, sub, actor1, None, actor2, None,
                             country, rnd.choice(admins[country]), None, f"Place {rnd.randrange(5000)}", lat, lon,
                             rnd.choice((1, 1, 2, 3)), best, low, high, injuries, injuries, injuries,
                             '["Synthetic Wire"]', round(rnd.random(), 3), "2025-01-01T00:00:00Z",
                             "2025-01-01T00:00:00Z"))
            with ledger.store.transaction():
                conn.executemany(sql, rows)
            progress.advance(task, k)
        conn.execute("CREATE TABLE IF NOT EXISTS bench_info (generator TEXT, events INTEGER)")
        conn.execute("DELETE FROM bench_info")
        conn.execute("INSERT INTO bench_info VALUES (?, ?)", (GENERATOR, n))
        conn.execute("PRAGMA optimize")
    return time.perf_counter() - started


def ready(path: Path, n: int) -> bool:
    if not path.exists():
        return False
    with Ledger(path) as ledger:
        try:
            row = ledger.conn.execute("SELECT generator, events FROM bench_info").fetchone()
        except Exception:
            return False
        return row is not None and tuple(row) == (GENERATOR, n)


def timed(func: Callable[[], Any], runs: int) -> dict[str, Any]:
    result = func()  # warm-up (and the answer, to print its size)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    size = result.get("count", result.get("events")) if isinstance(result, dict) else len(result)
    return {"median_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 2), "answer_size": size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=25)
    parser.add_argument("--db", type=Path, default=None, help="Where to keep the synthetic ledger.")
    parser.add_argument("--fresh", action="store_true", help="Generate the ledger again even if one is there.")
    args = parser.parse_args()
    path = args.db or default_db(args.events)
    generated_s = None
    if args.fresh or not ready(path, args.events):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        generated_s = generate(path, args.events)
        print(f"generated {args.events:,} events in {generated_s:.0f} s -> {path}", file=sys.stderr)

    with Ledger(path) as ledger:
        tracker = ledger.tracker("us-forces-attacks")
        by_actor = EventFilter(since=date(2023, 10, 17), actor2=("kind:us_forces",))
        queries: list[tuple[str, str, Callable[[], Any], bool]] = [
            ("tracker count", "us-forces-attacks: count, fatalities, injuries",
             lambda: ledger.tracker_count("us-forces-attacks"), True),
            ("weekly tally", "whole ledger, 2018-2024", lambda: ledger.tally_by("week", EventFilter()), True),
            ("weekly tally", "one country (Syria, the largest)",
             lambda: ledger.tally_by("week", EventFilter(country=("Syria",))), True),
            ("weekly tally", "one sub-event type (Air/drone strike)",
             lambda: ledger.tally_by("week", EventFilter(event_type=("Air/drone strike",))), True),
            ("weekly tally", "one event type (Explosions/Remote violence)",
             lambda: ledger.tally_by("week", EventFilter(event_type=("Explosions/Remote violence",))), True),
            ("weekly tally", "tracker us-forces-attacks (its series)",
             lambda: ledger.tally_by("week", tracker.filter), True),
            ("weekly tally", "violence scope (no protests, arrests, agreements)",
             lambda: ledger.tally_by("week", EventFilter(scope="violence")), True),
            ("tracker count", "any target of kind us_forces since 2023-10-17",
             lambda: ledger.tally(by_actor), False),
            ("tally", "total, whole ledger", lambda: ledger.tally(EventFilter()), False),
            ("tally by country", "whole ledger", lambda: ledger.tally_by("country", EventFilter()), False),
            ("tally by actor1", "Syria, 2024", lambda: ledger.tally_by(
                "actor1", EventFilter(country=("Syria",), since=date(2024, 1, 1))), False),
            ("tracker report", "us-forces-attacks: numbered events + series",
             lambda: ledger.tracker_report("us-forces-attacks"), False),
        ]
        total = ledger.tally()["events"]
        rows = []
        for kind, what, func, targeted in queries:
            figures = timed(func, args.runs)
            rows.append({"query": kind, "what": what, **figures, "target_ms": TARGET_MS if targeted else None})

    table = Table(title=f"query speed, {total:,} events ({args.runs} runs each, after a warm-up)")
    for column in ("query", "what", "median ms", "p95 ms", "rows/count", "target"):
        table.add_column(column)
    for row in rows:
        target = "" if row["target_ms"] is None else (
            f"< {TARGET_MS:.0f} ms " + ("ok" if row["median_ms"] < TARGET_MS else "MISSED"))
        table.add_row(row["query"], row["what"], f"{row['median_ms']:.1f}", f"{row['p95_ms']:.1f}",
                      f"{row['answer_size']:,}", target)
    Console(width=150).print(table)
    results = {"events": total, "runs": args.runs, "generated_seconds": generated_s,
               "ledger_mib": round(path.stat().st_size / 2**20), "queries": rows}
    out = write_results("query", results)
    print(json.dumps({"ledger_mib": results["ledger_mib"], "written": str(out.relative_to(ROOT))}))


if __name__ == "__main__":
    main()
