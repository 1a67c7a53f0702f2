"""JSON lines: one event per line in the SCHEMA.md shape, with its reports, sources and evidence."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def write_jsonl(events: Iterable[dict[str, Any]], path: Path, on_event: Any = None) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for event in events:
            fh.write(json.dumps(event, ensure_ascii=False) + "\n")
            n += 1
            if on_event:
                on_event(1)
    return n
