"""Merging benchmark.

Quality: `conflict-ledger merge FILE --documents` on the dedup gold dev halves, scored with
`../shared/eval/score.py dedup` (B-cubed and pairwise F1); writes bench/results/merge.json.

Scale (`--scale`): synthetic mentions (10k, 100k, 1M by default) placed one at a time into a
ledger-style SQLite merge index, as ingest does; prints the cost (CPU seconds of the process; wall
time too) and memory curve, writes bench/results/merge-scale.json and a picture of the curve
(merge-scale.svg). 10x the mentions must cost at most 12x the time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import RESULTS, ROOT, isolated, shared, write_results

DATASETS = ("ecbplus", "fakes")
SPAN_DAYS = 1095
TARGETS = {"ecbplus": {"bcubed_F1": 0.92, "pairwise_F1": 0.88}, "fakes": {"bcubed_F1": 0.88, "pairwise_F1": 0.60}}
CLI = ROOT / ".venv" / "bin" / "conflict-ledger"


def quality() -> dict:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in DATASETS:
            gold = shared("gold", "dedup", f"{name}.dev.jsonl")
            pred = Path(tmp) / f"{name}.jsonl"
            metrics = Path(tmp) / f"{name}.json"
            start = time.perf_counter()
            with pred.open("w") as out:
                subprocess.run([str(CLI), "merge", str(gold), "--documents"], stdout=out, check=True,
                               stderr=subprocess.DEVNULL)
            seconds = time.perf_counter() - start
            subprocess.run([sys.executable, str(shared("eval", "score.py")), "dedup", "--gold", str(gold),
                            "--pred", str(pred), "--json", str(metrics)], check=True, stdout=subprocess.DEVNULL)
            scores = json.loads(metrics.read_text())["by_dataset"][name]
            scores["seconds"] = round(seconds, 1)
            results[name] = scores
    print("| dataset | docs | clusters (gold / ours) | B-cubed P / R / F1 | pairwise P / R / F1 | target B3 / pairwise |")
    print("|---|---|---|---|---|---|")
    for name, s in results.items():
        t = TARGETS[name]
        print(f"| {name} | {s['docs']} | {s['gold_clusters']} / {s['pred_clusters']} | "
              f"{s['bcubed_P']:.3f} / {s['bcubed_R']:.3f} / **{s['bcubed_F1']:.3f}** | "
              f"{s['pairwise_P']:.3f} / {s['pairwise_R']:.3f} / **{s['pairwise_F1']:.3f}** | "
              f">= {t['bcubed_F1']} / >= {t['pairwise_F1']} |")
    path = write_results("merge", {"command": "conflict-ledger merge FILE --documents", "targets": TARGETS,
                                   "datasets": results})
    print(f"written to {path.relative_to(ROOT)}")
    return results


def place_synthetic(n: int, seed: int = 7) -> dict:
    """Place n synthetic mentions into a fresh on-disk merge index (SQLite, as in the ledger)."""
    import random
    from datetime import date, timedelta

    from conflict_ledger.merge.cluster import Merger
    from conflict_ledger.merge.ledger import SqliteIndex
    from conflict_ledger.merge.profile import Profile
    from conflict_ledger.store import Store

    rng = random.Random(seed)
    # a world of happenings over 3 years in 60 countries, each reported about twice with noisy fields;
    # reports arrive as news does: in time order, each within three days of what it reports
    countries = [f"country{k}" for k in range(60)]
    types = ["Air/drone strike", "Armed clash", "Attack", "Shelling/artillery/missile attack", "Peaceful protest"]
    vocab = [f"w{k}" for k in range(20000)]
    start = date(2021, 1, 1)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "scale.db")  # the ledger's own schema, migrations and pragmas
        conn = store.conn
        serial = iter(range(1, 1 << 62))
        index = SqliteIndex(conn)
        merger = Merger(index, new_id=lambda: f"ev{next(serial)}")
        created = 0
        happenings = max(1, n // 2)
        t0, cpu0 = time.perf_counter(), time.process_time()
        conn.execute("BEGIN")
        for k in range(n):
            now = k * SPAN_DAYS / n  # the day the stream has reached
            first = max(0, int((now - 3) * happenings / SPAN_DAYS))
            h = rng.randrange(first, max(first + 1, int(now * happenings / SPAN_DAYS) + 1))
            hr = random.Random(h)
            day = start + timedelta(days=int(h * SPAN_DAYS / happenings) + rng.choice((0, 0, 0, 1)))
            lat, lon = hr.uniform(-40, 60), hr.uniform(-20, 120)
            fields = {"event_date": day.isoformat(), "date_precision": "day", "sub_event_type": hr.choice(types),
                      "country": hr.choice(countries), "location": f"place{h}", "latitude": lat, "longitude": lon,
                      "geo_precision": 1, "actor1": f"actor{hr.randrange(500)}",
                      "fatalities": hr.randrange(20) if rng.random() < 0.5 else None}
            words = {vocab[hr.randrange(20000)]: 0.3 for _ in range(12)} | {vocab[rng.randrange(20000)]: 0.2
                                                                             for _ in range(6)}
            placement = merger.place(Profile.of_mention(fields, words))
            created += placement.created
            if k % 5000 == 4999:
                conn.execute("COMMIT")
                conn.execute("BEGIN")
                index._profiles.clear()
        conn.execute("COMMIT")
        seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        store.close()
    return {"mentions": n, "events": created, "place_seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "mentions_per_s": round(n / seconds, 1)}


def write_curve_svg(curve: list[dict], path: Path) -> Path:
    """A log-log picture of time against mentions, beside the line of linear cost from the smallest run."""
    import math

    width, height, pad = 560, 360, 60
    xs = [math.log10(r["mentions"]) for r in curve]
    ys = [math.log10(r["cpu_seconds"]) for r in curve]
    linear = [ys[0] + (x - xs[0]) for x in xs]
    x0, x1 = min(xs) - 0.2, max(xs) + 0.2
    y0, y1 = min(ys + linear) - 0.3, max(ys + linear) + 0.3

    def px(x: float, y: float) -> tuple[float, float]:
        return (pad + (x - x0) / (x1 - x0) * (width - 2 * pad),
                height - pad - (y - y0) / (y1 - y0) * (height - 2 * pad))

    def polyline(points: list[tuple[float, float]], style: str) -> str:
        return f'<polyline fill="none" {style} points="' + " ".join(f"{a:.1f},{b:.1f}" for a, b in points) + '"/>'

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
             'font-size="12">', f'<rect width="{width}" height="{height}" fill="white"/>',
             f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14">Incremental merging: CPU seconds '
             'against mentions (log-log)</text>',
             polyline([px(x, y) for x, y in zip(xs, linear, strict=True)], 'stroke="#999" stroke-dasharray="5,4"'),
             polyline([px(x, y) for x, y in zip(xs, ys, strict=True)], 'stroke="#1f5fa8" stroke-width="2"')]
    for r, x, y in zip(curve, xs, ys, strict=True):
        cx, cy = px(x, y)
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="#1f5fa8"/>')
        parts.append(f'<text x="{cx:.1f}" y="{cy - 10:.1f}" text-anchor="middle">{r["cpu_seconds"]:,.0f} s</text>')
        parts.append(f'<text x="{cx:.1f}" y="{height - pad + 20}" text-anchor="middle">{r["mentions"]:,}</text>')
    parts.append(f'<text x="{width - pad}" y="{height - 12}" text-anchor="end" fill="#666">dashed: linear cost '
                 'from the smallest run</text></svg>')
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


def scale(sizes: list[int]) -> None:
    """The cost curve. Cost is the process's CPU time: on shared cores, wall time also counts the
    neighbours' work (both are printed and kept)."""
    curve = []
    for n in sizes:
        run = isolated(place_synthetic, n)
        row = {**run["result"], "peak_rss_mib": run["peak_rss_mib"]}
        curve.append(row)
        print(f"{n:>9,} mentions: {row['cpu_seconds']:>8.1f} s CPU ({row['place_seconds']:.1f} s wall), "
              f"{row['events']:,} events, peak {row['peak_rss_mib']:.0f} MiB", flush=True)
    ratios = []
    for a, b in zip(curve, curve[1:], strict=False):
        growth = b["mentions"] / a["mentions"]
        ratio = b["cpu_seconds"] / a["cpu_seconds"]
        ratios.append(round(ratio / growth * 10, 2))
        print(f"{growth:.0f}x the mentions cost {ratio:.1f}x the CPU time (normalised to 10x: {ratios[-1]}; "
              "target <= 12)")
    picture = write_curve_svg(curve, RESULTS / "merge-scale.svg")
    print(f"picture: {picture.relative_to(ROOT)}")
    path = write_results("merge-scale", {"what": "incremental placement of synthetic mentions into an SQLite merge "
                                                 "index (blocking keys + pair scores), one process per size; "
                                                 "cost = CPU seconds of that process",
                                         "curve": curve, "cpu_time_ratio_per_10x": ratios})
    print(f"written to {path.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", action="store_true", help="time incremental merging of synthetic mentions")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated mention counts for --scale")
    args = parser.parse_args()
    if args.scale:
        scale([int(s) for s in args.sizes.split(",")])
    else:
        quality()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "bench"))
    main()
