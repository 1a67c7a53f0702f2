"""Parquet (via pyarrow): typed columns, with sources, reports and evidence as nested lists.

`evidence` is a list of {field, doc_id, start, end, text} structs per event, so the spans every
value came from travel with the table. Written in row groups, so memory stays flat.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..model import EVENT_FIELDS

ROW_GROUP = 50_000
INTEGER_FIELDS = {"geo_precision", "fatalities", "fatalities_low", "fatalities_high", "injuries", "injuries_low",
                  "injuries_high"}
FLOAT_FIELDS = {"latitude", "longitude"}


def schema() -> Any:
    import pyarrow as pa

    def typed(name: str) -> Any:
        if name in INTEGER_FIELDS:
            return pa.int32()
        if name in FLOAT_FIELDS:
            return pa.float64()
        return pa.string()

    span = pa.struct([("field", pa.string()), ("doc_id", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
                      ("text", pa.string())])
    return pa.schema(
        [("event_id", pa.string())]
        + [(name, typed(name)) for name in EVENT_FIELDS]
        + [("confidence", pa.float64()), ("sources", pa.list_(pa.string())), ("outlets", pa.list_(pa.string())),
           ("doc_ids", pa.list_(pa.string())), ("notes", pa.string()), ("created_at", pa.string()),
           ("updated_at", pa.string()), ("evidence", pa.list_(span)),
           # kept by the merge stage; null in ledgers without it
           ("status", pa.string()), ("review_status", pa.string()), ("version", pa.int32()),
           ("fatalities_conservative", pa.int32()), ("injuries_conservative", pa.int32()),
           ("figures", pa.string())]  # JSON: which source gave which casualty figure
    )


def _flat(event: dict[str, Any]) -> dict[str, Any]:
    row = dict(event)
    row["evidence"] = [{"field": name, **span} for name, spans in event.get("evidence", {}).items() for span in spans]
    if "figures" in row:
        row["figures"] = json.dumps(row["figures"], ensure_ascii=False)
    return row


def _chunks(events: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for event in events:
        chunk.append(_flat(event))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write_parquet(events: Iterable[dict[str, Any]], path: Path, on_event: Any = None) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table_schema = schema()
    n = 0
    with pq.ParquetWriter(str(path), table_schema, compression="zstd") as writer:
        for chunk in _chunks(events, ROW_GROUP):
            writer.write_table(pa.Table.from_pylist(chunk, schema=table_schema))
            n += len(chunk)
            if on_event:
                on_event(len(chunk))
    return n  # with no events the writer still leaves a readable file with the schema
