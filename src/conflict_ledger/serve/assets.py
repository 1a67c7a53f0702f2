"""The page's files, compressed once at start and served from memory.

Compressing the basemap on every request would block the server's event loop for a good
part of a second; done once, every load gets it as fast as the network allows.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

COMPRESSIBLE = (".html", ".js", ".css", ".json", ".txt", ".svg")


@dataclass(frozen=True)
class Asset:
    body: bytes
    gzipped: bytes | None
    etag: str
    media_type: str


class Assets:
    """Every file below `folder`, read and compressed once."""

    def __init__(self, folder: Path) -> None:
        self.files: dict[str, Asset] = {}
        for path in sorted(folder.rglob("*")):
            if not path.is_file():
                continue
            body = path.read_bytes()
            gzipped = gzip.compress(body, compresslevel=9, mtime=0) if path.suffix in COMPRESSIBLE else None
            media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if media_type.startswith("text/") or media_type in ("application/javascript", "application/json"):
                media_type += "; charset=utf-8"
            self.files[path.relative_to(folder).as_posix()] = Asset(
                body, gzipped if gzipped and len(gzipped) < len(body) else None,
                '"' + hashlib.sha256(body).hexdigest()[:20] + '"', media_type,
            )

    def response(self, name: str, request: Request) -> Response | None:
        """The file's answer to this request (304 when the browser has it), or None when there is no such file."""
        asset = self.files.get(name)
        if asset is None:
            return None
        headers = {"ETag": asset.etag, "Cache-Control": "no-cache", "Vary": "Accept-Encoding"}
        if request.headers.get("if-none-match") == asset.etag:
            return Response(status_code=304, headers=headers)
        if asset.gzipped is not None and "gzip" in request.headers.get("accept-encoding", ""):
            headers["Content-Encoding"] = "gzip"
            return Response(asset.gzipped, media_type=asset.media_type, headers=headers)
        return Response(asset.body, media_type=asset.media_type, headers=headers)
