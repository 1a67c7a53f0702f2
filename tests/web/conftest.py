"""A real ledger, a real `conflict-ledger serve` process and a real Chromium, one of each per module."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import httpx
import pytest

from conflict_ledger.db import Ledger

TOKEN = "test-token-0123456789"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]

# A report of the project's own writing whose title, outlet and text carry markup: the page must show it as text.
HOSTILE_REPORT = {
    "id": "hostile-markup-1",
    "published": "2024-02-12",
    "title": "Depot fire <img src=x onerror=\"window.__pwned = 'title'\">",
    "source": "Night Desk <script>window.__pwned = 'source'</script>",
    "url": "javascript:window.__pwned='url'",
    "text": (
        "A drone struck a fuel depot outside Erbil on Sunday, killing two guards, police said. "
        "<script>window.__pwned = 'text'</script> Residents said <img src=x onerror=\"window.__pwned = 'img'\"> "
        "the fire burned until dawn."
    ),
}


@pytest.fixture(scope="session")
def built_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled demo corpus plus one report full of markup, ingested once for the whole session."""
    folder = tmp_path_factory.mktemp("web-ledger")
    reports = folder / "reports"
    reports.mkdir()
    (reports / "hostile.jsonl").write_text(json.dumps(HOSTILE_REPORT) + "\n", encoding="utf-8")
    path = folder / "ledger.db"
    demo = resources.files("conflict_ledger").joinpath("data/demo")
    with resources.as_file(demo) as demo_folder, Ledger(path) as ledger:
        report = ledger.ingest([demo_folder, reports])
        assert not report.skipped, report.summary()
        ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(scope="module")
def ledger_file(built_ledger: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy per test module: browser tests write review decisions into it."""
    path = tmp_path_factory.mktemp("ledger") / "ledger.db"
    shutil.copy(built_ledger, path)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(ledger_file: Path) -> Iterator[str]:
    """`conflict-ledger serve` in its own process on a free port; yields its base URL."""
    port = free_port()
    log = ledger_file.with_suffix(".log")
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "conflict_ledger", "serve", "--db", str(ledger_file), "--port", str(port),
             "--token", TOKEN],
            stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "CONFLICT_LEDGER_TOKEN": ""},
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{base}/api/meta", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"serve did not start:\n{log.read_text()}")
        time.sleep(0.1)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def api(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright (no browser download)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
