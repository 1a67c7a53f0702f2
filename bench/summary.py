"""Every benchmark's headline figures beside their targets, read from bench/results/*.json.

    bench/summary            # a Markdown table (what the README's "Figures" section shows)

It measures nothing itself: run the benchmarks first (bench/quality, bench/geo, bench/merge,
bench/throughput, bench/query, bench/serve). A missing results file is listed as not measured.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import RESULTS  # noqa: E402

Row = tuple[str, str, float | None, str, bool | None, str]  # benchmark, figure, value, target text, met, measured


def load(name: str) -> dict[str, Any] | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def when(data: dict[str, Any]) -> str:
    return str(data.get("measured_at", ""))[:10]


def at_least(bench: str, figure: str, value: float | None, target: float, measured: str) -> Row:
    return bench, figure, value, f">= {target:g}", None if value is None else value >= target, measured


def at_most(bench: str, figure: str, value: float | None, target: float, measured: str) -> Row:
    return bench, figure, value, f"<= {target:g}", None if value is None else value <= target, measured


def quality_rows() -> Iterator[Row]:
    data = load("quality")
    if not data:
        yield "quality", "not measured", None, "", None, ""
        return
    for name, found in data["sets"].items():
        for metric, target in found.get("targets", {}).items():
            yield at_least("quality", f"{name} {metric}", found["metrics"].get(metric), target, when(data))


def geo_rows() -> Iterator[Row]:
    data = load("geo")
    if not data:
        yield "geo", "not measured", None, "", None, ""
        return
    for name, found in data["geoparse"].items():
        targets = data.get("targets", {}).get(name, {})
        for metric in ("acc@161km", "detection_F1"):
            if metric in targets:
                yield at_least("geo", f"{name} {metric}", found.get(metric), targets[metric], when(data))
    speed = data.get("speed") or {}
    yield at_least("geo", "geoparse documents per CPU second (500 words)",
                   speed.get("docs_per_cpu_s_at_500_words"), 50, when(data))


def merge_rows() -> Iterator[Row]:
    data = load("merge")
    if data:
        for name, found in data["datasets"].items():
            for metric, target in data["targets"].get(name, {}).items():
                yield at_least("merge", f"{name} {metric}", found.get(metric), target, when(data))
    scale = load("merge-scale")
    if scale:
        ratios = scale.get("cpu_time_ratio_per_10x") or []
        yield at_most("merge", "scale: time for 10x the mentions", max(ratios) if ratios else None, 12, when(scale))
        peak = max((p.get("peak_rss_mib") or 0) for p in scale["curve"])
        yield at_most("merge", "scale: peak MiB at 1M mentions", peak, 4096, when(scale))


def speed_rows() -> Iterator[Row]:
    data = load("throughput")
    if data:
        yield at_most("throughput", "extract time / bare spaCy time", data.get("ratio"), 1.5, when(data))
    data = load("query")
    if data:
        for query in data["queries"]:
            if query.get("target_ms"):
                yield at_most("query", f"{query['query']}, {query.get('what')}: median ms", query["median_ms"],
                              query["target_ms"], when(data))
    data = load("serve")
    if data:
        summary = data["summary"]
        yield at_most("serve", "first page load, bytes (100k events)", summary["first_load_bytes_median"],
                      2_000_000, when(data))
        yield at_most("serve", "first page load, ms", summary["first_load_ms_median"], 2000, when(data))
        yield at_most("serve", "API list/filter, worst median ms", summary["list_filter_worst_median_ms"], 100,
                      when(data))


def rows() -> list[Row]:
    return [*quality_rows(), *geo_rows(), *merge_rows(), *speed_rows()]


def fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and value < 10:
        return f"{value:.3f}"
    return f"{value:,.0f}" if value >= 1000 else f"{value:g}"


def main() -> None:
    table = rows()
    print("| benchmark | figure | measured | target | met | measured on |")
    print("|---|---|---|---|---|---|")
    for bench, figure, value, target, met, measured in table:
        mark = "-" if met is None else ("yes" if met else "**no**")
        print(f"| {bench} | {figure} | {fmt(value)} | {target} | {mark} | {measured} |")
    short = [f"{b} {f}" for b, f, _, _, met, _ in table if met is False]
    print(f"\n{len(table) - len(short)} of {len(table)} figures meet their targets"
          + (f"; short: {', '.join(short)}" if short else ""))


if __name__ == "__main__":
    main()
