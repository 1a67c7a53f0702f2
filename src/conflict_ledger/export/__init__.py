"""Stage 8: ledger events out to the formats other tools read.

    export_events(conn, "events.csv")                  # ACLED-style CSV (format from the suffix)
    export_events(conn, "events.parquet", flt=EventFilter(country=("Iraq",)))

Formats: ACLED-style CSV (`acled`), GeoJSON (`geojson`), Parquet (`parquet`), JSON lines
(`jsonl`). Each writes to a temporary file beside the target and renames it into place when
complete, so an interrupted export never leaves a half file under the final name.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..query.filters import EventFilter
from .atomic import atomic_path
from .rows import count_events, iter_events

FORMATS = ("acled", "geojson", "parquet", "jsonl")
SUFFIXES = {".csv": "acled", ".geojson": "geojson", ".json": "geojson", ".parquet": "parquet", ".pq": "parquet",
            ".jsonl": "jsonl", ".ndjson": "jsonl"}


class ExportError(ValueError):
    """An export that cannot start (unknown format, no folder to write into)."""


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """The export format: as given, else from the file's suffix."""
    if fmt:
        if fmt not in FORMATS:
            raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(f"cannot tell the format of {path} from its suffix; use --format ({', '.join(FORMATS)})")
    return SUFFIXES[suffix]


def _writer(fmt: str) -> Callable:
    if fmt == "acled":
        from .acled import write_acled_csv as writer
    elif fmt == "geojson":
        from .geojson import write_geojson as writer
    elif fmt == "parquet":
        from .parquet import write_parquet as writer
    else:
        from .jsonl import write_jsonl as writer
    return writer


def export_events(
    conn: sqlite3.Connection,
    path: str | Path,
    fmt: str | None = None,
    flt: EventFilter | None = None,
    on_event: Callable[[int], None] | None = None,
) -> int:
    """Write the selected events to `path`; returns how many were written."""
    fmt = format_for(path, fmt)
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise ExportError(f"{path.parent} does not exist")
    writer = _writer(fmt)
    with atomic_path(path) as tmp:
        return writer(iter_events(conn, flt), tmp, on_event)


__all__ = ["FORMATS", "ExportError", "count_events", "export_events", "format_for", "iter_events"]
