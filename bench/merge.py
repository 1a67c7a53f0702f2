"""Merging benchmark.

Quality: `conflict-ledger merge FILE --documents` on the dedup gold dev halves, scored with
`../shared/eval/score.py dedup` (B-cubed and pairwise F1); writes bench/results/merge.json.

Scale (`--scale`): synthetic mentions (10k, 100k, 1M by default) placed one at a time into a
ledger-style SQLite merge index, as ingest does; prints the cost (CPU seconds of the process; wall
time too) and memory curve, writes bench/results/merge-scale.json and a picture of the curve
(merge-scale.svg). 10x the mentions must cost at most 12x the time. The world spans 3 years at
every size, so a larger run is also a denser one. `--world steady` keeps the density of the 1M
world (about 457 happenings a day) at every size, so a larger ledger covers more days, as a real
ledger grows; it writes merge-scale-steady.json and .svg.

Robustness (`--folds`): is the grouping fitted to the dev files? ECB+ topics are split at random
into two halves (several splits); the bar is picked on one half, each half clustered as its own
batch, and the other half scored at that bar, both ways; the bars so picked are also scored on
FA-KES, and FA-KES's own best bar on ECB+. Writes bench/results/merge-folds.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import RESULTS, ROOT, isolated, read_jsonl, shared, write_results

DATASETS = ("ecbplus", "fakes")
SPAN_DAYS = 1095
STEADY_PER_DAY = 1_000_000 / 2 / SPAN_DAYS  # happenings a day in the 1M world, kept at every size by --world steady
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


BARS = [round(0.3 + 0.05 * k, 2) for k in range(25)]  # 0.30 .. 1.50, the bars the folds choose among
SPLITS = 5


def extracted(name: str) -> tuple[list[dict], list, list]:
    """A gold dev file read and extracted once: its rows, extractions and entities (same order)."""
    from conflict_ledger.extract import default_pipeline
    from conflict_ledger.ingest import Notice, read_paths
    from conflict_ledger.merge.particulars import document_entities

    gold = shared("gold", "dedup", f"{name}.dev.jsonl")
    rows = {r["id"]: r for r in read_jsonl(gold)}
    docs = [d for d in read_paths([gold]) if not isinstance(d, Notice)]
    batch = [x for x in default_pipeline().run(docs) if not x.error]
    entities = list(document_entities(f"{x.document.title or ''}\n{x.document.text}" for x in batch))
    return [rows[x.document.id] for x in batch], batch, entities


def b3(gold: list[str], label: list[int]) -> float:
    """B-cubed F1 of labels against gold clusters (as ../shared/eval/score.py computes it)."""
    from collections import defaultdict

    g, p = defaultdict(set), defaultdict(set)
    for i, (a, b) in enumerate(zip(gold, label, strict=True)):
        g[a].add(i)
        p[b].add(i)
    prec = sum(len(g[a] & p[b]) / len(p[b]) for a, b in zip(gold, label, strict=True)) / len(gold)
    rec = sum(len(g[a] & p[b]) / len(g[a]) for a, b in zip(gold, label, strict=True)) / len(gold)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def curve(rows: list[dict], batch: list, entities: list, keep: list[int]) -> dict[float, float]:
    """B-cubed F1 at every bar of the documents `keep`, clustered as one batch of their own."""
    from conflict_ledger.merge.documents import batch_links

    links = batch_links([batch[i] for i in keep], [entities[i] for i in keep])
    gold = [rows[i]["cluster"] for i in keep]
    return {bar: b3(gold, links.labels(bar)) for bar in BARS}


def best(scores: dict[float, float]) -> float:
    """The bar with the best score; ties go to the middle of the tied run (no edge-hugging)."""
    top = max(scores.values())
    tied = [bar for bar, v in scores.items() if v >= top - 1e-9]
    return tied[len(tied) // 2]


def folds(splits: int = SPLITS) -> None:
    """Pick the bar on one half of the ECB+ topics, score the other; and across the two datasets."""
    import random

    from conflict_ledger.merge.documents import THRESHOLD

    ecb, fakes = extracted("ecbplus"), extracted("fakes")
    fakes_curve = curve(*fakes, list(range(len(fakes[0]))))
    whole = curve(*ecb, list(range(len(ecb[0]))))
    topics = sorted({r["topic"] for r in ecb[0]}, key=lambda t: (len(t), t))
    runs, half_curves = [], []
    for seed in range(splits):
        shuffled = topics[:]
        random.Random(seed).shuffle(shuffled)
        halves = [set(shuffled[: len(topics) // 2]), set(shuffled[len(topics) // 2:])]
        curves = [curve(*ecb, [i for i, r in enumerate(ecb[0]) if r["topic"] in half]) for half in halves]
        half_curves.extend(curves)
        for a, b in ((0, 1), (1, 0)):
            bar = best(curves[a])
            runs.append({"split": seed, "picked_on_topics": sorted(halves[a], key=lambda t: (len(t), t)),
                         "bar": bar, "picked_half_B3": round(curves[a][bar], 4),
                         "other_half_B3": round(curves[b][bar], 4),
                         "other_half_B3_at_default": round(curves[b][THRESHOLD], 4),
                         "other_half_best_B3": round(max(curves[b].values()), 4),
                         "fakes_B3": round(fakes_curve[bar], 4)})
    print(f"ECB+ topics split at random into halves ({splits} splits x 2 ways); bar picked on one half "
          f"(from {BARS[0]} to {BARS[-1]}), the other half scored; each half clustered as its own batch")
    print("| split | bar picked | B3 on picking half | B3 on other half | other half at default "
          f"{THRESHOLD} | other half's best | FA-KES at bar |")
    print("|---|---|---|---|---|---|---|")
    for r in runs:
        print(f"| {r['split']} | {r['bar']} | {r['picked_half_B3']:.3f} | **{r['other_half_B3']:.3f}** | "
              f"{r['other_half_B3_at_default']:.3f} | {r['other_half_best_B3']:.3f} | {r['fakes_B3']:.3f} |")
    drops = [r["picked_half_B3"] - r["other_half_B3"] for r in runs]
    held = [r["other_half_B3"] for r in runs]
    at_default = [r["other_half_B3_at_default"] for r in runs]
    bars = [r["bar"] for r in runs]
    summary = {"bars_picked": [min(bars), max(bars)], "other_half_B3": [min(held), max(held)],
               "other_half_B3_mean": round(sum(held) / len(held), 4),
               "other_half_B3_at_default": [min(at_default), max(at_default)],
               "drop_picked_to_other_half": [round(min(drops), 4), round(max(drops), 4)],
               "drop_mean": round(sum(drops) / len(drops), 4)}
    fakes_bar = best(fakes_curve)
    across = {"ecbplus_bar": best(whole), "ecbplus_B3_at_own_bar": round(max(whole.values()), 4),
              "fakes_B3_at_ecbplus_bar": round(fakes_curve[best(whole)], 4),
              "fakes_bar": fakes_bar, "fakes_B3_at_own_bar": round(max(fakes_curve.values()), 4),
              "ecbplus_B3_at_fakes_bar": round(whole[fakes_bar], 4),
              "default_bar": THRESHOLD, "ecbplus_B3_at_default": round(whole[THRESHOLD], 4),
              "fakes_B3_at_default": round(fakes_curve[THRESHOLD], 4)}
    print(f"bars picked {min(bars)}..{max(bars)}; other half B3 {min(held):.3f}..{max(held):.3f} "
          f"(mean {summary['other_half_B3_mean']:.3f}); drop from picking half to other half "
          f"{min(drops):+.3f}..{max(drops):+.3f} (mean {summary['drop_mean']:+.3f})")
    print()
    print(f"A fixed bar on each of the {len(half_curves)} ECB+ halves (min / mean / max B3), on ECB+ and FA-KES dev:")
    print("| bar | ECB+ halves min / mean / max | ECB+ dev | FA-KES dev |")
    print("|---|---|---|---|")
    fixed = {}
    for bar in BARS[2:15]:
        values = [c[bar] for c in half_curves]
        fixed[bar] = {"halves_min": round(min(values), 4), "halves_mean": round(sum(values) / len(values), 4),
                      "halves_max": round(max(values), 4), "ecbplus": round(whole[bar], 4),
                      "fakes": round(fakes_curve[bar], 4)}
        f = fixed[bar]
        mark = "**" if bar == THRESHOLD else ""
        print(f"| {mark}{bar}{mark} | {f['halves_min']:.3f} / {f['halves_mean']:.3f} / {f['halves_max']:.3f} | "
              f"{f['ecbplus']:.3f} | {f['fakes']:.3f} |")
    print()
    print("| bar | picked on | ECB+ dev B3 | FA-KES dev B3 |")
    print("|---|---|---|---|")
    print(f"| {THRESHOLD} | default | {across['ecbplus_B3_at_default']:.3f} | {across['fakes_B3_at_default']:.3f} |")
    print(f"| {across['ecbplus_bar']} | ECB+ dev | {across['ecbplus_B3_at_own_bar']:.3f} | "
          f"{across['fakes_B3_at_ecbplus_bar']:.3f} |")
    print(f"| {fakes_bar} | FA-KES dev | {across['ecbplus_B3_at_fakes_bar']:.3f} | {across['fakes_B3_at_own_bar']:.3f} |")
    path = write_results("merge-folds", {"what": "bar (average-link threshold) picked on half the ECB+ dev topics, "
                                                 "scored on the other half (each half its own batch); "
                                                 "and across ECB+ and FA-KES dev", "bars": BARS,
                                         "runs": runs, "summary": summary, "across": across, "fixed_bars": fixed,
                                         "curves": {"ecbplus": whole, "fakes": fakes_curve}})
    print(f"written to {path.relative_to(ROOT)}")


def place_synthetic(n: int, seed: int = 7, steady: bool = False) -> dict:
    """Place n synthetic mentions into a fresh on-disk merge index (SQLite, as in the ledger).

    The world spans 3 years (SPAN_DAYS); with `steady`, as many days as keep STEADY_PER_DAY.
    """
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
    happenings = max(1, n // 2)
    span_days = happenings / STEADY_PER_DAY if steady else SPAN_DAYS
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "scale.db")  # the ledger's own schema, migrations and pragmas
        conn = store.conn
        serial = iter(range(1, 1 << 62))
        index = SqliteIndex(conn)
        merger = Merger(index, new_id=lambda: f"ev{next(serial)}")
        created = 0
        t0, cpu0 = time.perf_counter(), time.process_time()
        conn.execute("BEGIN")
        for k in range(n):
            now = k * span_days / n  # the day the stream has reached
            first = max(0, int((now - 3) * happenings / span_days))
            h = rng.randrange(first, max(first + 1, int(now * happenings / span_days) + 1))
            hr = random.Random(h)
            day = start + timedelta(days=int(h * span_days / happenings) + rng.choice((0, 0, 0, 1)))
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
    return {"mentions": n, "days": round(span_days), "events": created, "place_seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
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


def scale(sizes: list[int], steady: bool = False) -> None:
    """The cost curve. Cost is the process's CPU time: on shared cores, wall time also counts the
    neighbours' work (both are printed and kept)."""
    name = "merge-scale-steady" if steady else "merge-scale"
    world = (f"a steady {STEADY_PER_DAY:.0f} happenings a day (the days grow with the mentions)" if steady
             else f"a fixed span of {SPAN_DAYS} days (the density grows with the mentions)")
    print(f"world: {world}")
    curve = []
    for n in sizes:
        run = isolated(place_synthetic, n, 7, steady)
        row = {**run["result"], "peak_rss_mib": run["peak_rss_mib"]}
        curve.append(row)
        print(f"{n:>9,} mentions: {row['cpu_seconds']:>8.1f} s CPU ({row['place_seconds']:.1f} s wall), "
              f"{row['events']:,} events over {row['days']:,} days, peak {row['peak_rss_mib']:.0f} MiB", flush=True)
    ratios = []
    for a, b in zip(curve, curve[1:], strict=False):
        growth = b["mentions"] / a["mentions"]
        ratio = b["cpu_seconds"] / a["cpu_seconds"]
        ratios.append(round(ratio / growth * 10, 2))
        print(f"{growth:.0f}x the mentions cost {ratio:.1f}x the CPU time (normalised to 10x: {ratios[-1]}; "
              "target <= 12)")
    picture = write_curve_svg(curve, RESULTS / f"{name}.svg")
    print(f"picture: {picture.relative_to(ROOT)}")
    path = write_results(name, {"what": "incremental placement of synthetic mentions into an SQLite merge "
                                        "index (blocking keys + pair scores), one process per size; "
                                        "cost = CPU seconds of that process", "world": world,
                                "curve": curve, "cpu_time_ratio_per_10x": ratios})
    print(f"written to {path.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", action="store_true", help="time incremental merging of synthetic mentions")
    parser.add_argument("--folds", action="store_true", help="pick the bar on half the topics, score the other half")
    parser.add_argument("--world", choices=("span", "steady"), default="span",
                        help="--scale world: a fixed 3-year span (denser as it grows) or a steady daily rate")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated mention counts for --scale")
    args = parser.parse_args()
    if args.folds:
        folds()
    elif args.scale:
        scale([int(s) for s in args.sizes.split(",")], steady=args.world == "steady")
    else:
        quality()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "bench"))
    main()
