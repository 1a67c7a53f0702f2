"""Where the files the project builds once (the gazetteer, the fitted typing models) are kept."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """$CONFLICT_LEDGER_CACHE, else $XDG_CACHE_HOME, else ~/.cache, with a conflict-ledger folder in it:
    one setting moves everything built, so a read-only home or a shared machine needs only that."""
    base = os.environ.get("CONFLICT_LEDGER_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "conflict-ledger"
