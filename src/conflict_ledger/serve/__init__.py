"""Stage 8: the HTTP API and the web page over one ledger file (`conflict-ledger serve`)."""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any) -> Any:
    """See serve.app.create_app (imported lazily so the rest of the package does not need FastAPI)."""
    from .app import create_app as make

    return make(*args, **kwargs)


__all__ = ["create_app"]
