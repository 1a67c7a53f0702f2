"""GeoJSON (RFC 7946): a FeatureCollection of points, every event field, its sources and evidence as properties.

Events without coordinates are kept, with a null geometry (allowed by RFC 7946), so the file
holds the same events as the other formats. Written as a stream, so memory stays flat.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def feature(event: dict[str, Any]) -> dict[str, Any]:
    lat, lon = event.get("latitude"), event.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": event["event_id"], "geometry": geometry, "properties": event}


def write_geojson(events: Iterable[dict[str, Any]], path: Path, on_event: Any = None) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for event in events:
            if n:
                fh.write(",\n")
            fh.write(json.dumps(feature(event), ensure_ascii=False))
            n += 1
            if on_event:
                on_event(1)
        fh.write("\n]}\n")
    return n
