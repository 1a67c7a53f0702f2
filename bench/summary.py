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


def quality_rows(data: dict[str, Any], measured: str) -> Iterator[Row]:
    for name, found in data["sets"].items():
        scope = found["metrics"].get("scope", "all")
        label = name if scope == "all" else f"{name} (scope {scope})"  # the codebook's scope (bench/quality)
        for metric, target in found.get("targets", {}).items():
            yield at_least("quality", f"{label} {metric}", found["metrics"].get(metric), target, measured)


def geo_rows(data: dict[str, Any], measured: str) -> Iterator[Row]:
    for name, found in data["geoparse"].items():
        targets = data.get("targets", {}).get(name, {})
        for metric in ("acc@161km", "detection_F1"):
            if metric in targets:
                yield at_least("geo", f"{name} {metric}", found.get(metric), targets[metric], measured)
    speed = data.get("speed") or {}
    yield at_least("geo", "geoparse documents per CPU second (500 words)",
                   speed.get("docs_per_cpu_s_at_500_words"), 50, measured)


def merge_rows(data: dict[str, Any], measured: str) -> Iterator[Row]:
    for name, found in data["datasets"].items():
        for metric, target in data["targets"].get(name, {}).items():
            yield at_least("merge", f"{name} {metric}", found.get(metric), target, measured)


def scale_rows(data: dict[str, Any], measured: str) -> Iterator[Row]:
    ratios = data.get("cpu_time_ratio_per_10x") or []
    yield at_most("merge", "scale: time for 10x the mentions", max(ratios) if ratios else None, 12, measured)
    peak = max((p.get("peak_rss_mib") or 0) for p in data["curve"])
    yield at_most("merge", "scale: peak MiB at 1M mentions", peak, 4096, measured)


def throughput_rows(data: dict[str, Any], measured: str) -> Iterator[Row]:
    yield at_most("throughput", "extract time / bare spaCy time", data.get("ratio"), 1.5, measured)


def query_rows(data: dict[str, Any], measured: str) -> Iterator[Row]:
    for query in data["queries"]:
        if query.get("target_ms"):
            yield at_most("query", f"{query['query']}, {query.get('what')}: median ms", query["median_ms"],
                          query["target_ms"], measured)


def serve_rows(data: dict[str, Any], measured: str) -> Iterator[Row]:
    summary = data["summary"]
    yield at_most("serve", "first page load, bytes (100k events)", summary["first_load_bytes_median"],
                  2_000_000, measured)
    yield at_most("serve", "first page load, ms", summary["first_load_ms_median"], 2000, measured)
    yield at_most("serve", "API list/filter, worst median ms", summary["list_filter_worst_median_ms"], 100, measured)


# (benchmark, results file, its rows): every file is read the same way, and a missing one is listed as not measured
SOURCES = [
    ("quality", "quality", quality_rows),
    ("geo", "geo", geo_rows),
    ("merge", "merge", merge_rows),
    ("merge", "merge-scale", scale_rows),
    ("throughput", "throughput", throughput_rows),
    ("query", "query", query_rows),
    ("serve", "serve", serve_rows),
]


def rows() -> list[Row]:
    table: list[Row] = []
    for bench, name, read in SOURCES:
        data = load(name)
        if data:
            table += read(data, when(data))
        else:
            table.append((bench, f"not measured ({name}.json missing)", None, "", None, ""))
    return table


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
