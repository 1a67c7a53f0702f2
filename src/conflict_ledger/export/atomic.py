"""Write a file under a temporary name beside it and rename it into place when complete.

An export that is interrupted (an error, Ctrl-C, a kill) never leaves a half-written file under
the final name: the rename is atomic on one file system, and a previous file of that name stays
as it was until the new one is whole.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(final: str | Path) -> Iterator[Path]:
    """Yield a temporary path in the final file's folder; on success, fsync it and rename it over `final`."""
    final = Path(final)
    if not final.parent.is_dir():
        raise FileNotFoundError(f"{final.parent} is not a folder")
    fd, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=final.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
