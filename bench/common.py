"""Helpers shared by the benchmarks: shared data paths, results files, isolated timing runs."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import platform
import resource
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CONFLICT_LEDGER_SHARED") or ROOT.parent / "shared")
RESULTS = ROOT / "bench" / "results"


def shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        raise SystemExit(f"{path} is missing: benchmarks read the shared evaluation data beside the checkout")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_results(name: str, data: dict[str, Any]) -> Path:
    """bench/results/NAME.json, with when and where it was measured; written atomically."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    data = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": mp.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        **data,
    }
    path = RESULTS / f"{name}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def _child(func: Callable[..., Any], args: tuple, queue: Any) -> None:
    start = time.perf_counter()
    result = func(*args)
    elapsed = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put({"seconds": elapsed, "peak_rss_mib": round(peak_mib, 1), "result": result})


def isolated(func: Callable[..., Any], *args: Any) -> dict[str, Any]:
    """Run func(*args) in a fresh process: its wall time, peak memory and return value."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(func, args, queue))
    proc.start()
    out = queue.get()
    proc.join()
    return out
