"""The README's pictures of the page, taken from the demo ledger in headless Debian chromium.

    bench/serve-screenshots [--out docs]

Makes the demo ledger (`conflict-ledger demo`) in a temporary folder, starts `conflict-ledger serve`
on it and saves docs/web-page.png (map, timeline, table), docs/web-event.png (a well-reported event,
its fatality evidence marked in the reports), docs/web-trackers.png (a tracker and the claims
beside the ledger) and docs/web-review.png (the review queue).
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from common import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
TOKEN = "screenshot-token-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(base: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("serve ended before it answered")
        try:
            if httpx.get(f"{base}/api/meta", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("serve did not answer within a minute")


def event_to_show(base: str) -> str:
    """The most reported event whose fatality evidence is all words about deaths (a clear example)."""
    rows = httpx.get(f"{base}/api/events", params={"limit": 500}).json()["events"]
    for row in sorted(rows, key=lambda e: (-len(e["doc_ids"]), e["event_id"])):
        spans = httpx.get(f"{base}/api/events/{row['event_id']}").json()["evidence"].get("fatalities", [])
        if spans and all(re.search(r"kill|dead|died", s["text"], re.IGNORECASE) for s in spans):
            return row["event_id"]
    return rows[0]["event_id"]


def shoot(base: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 940}, device_scale_factor=1)
        tab = context.new_page()

        def settle() -> None:
            tab.wait_for_function("() => document.body.dataset.busy === '0'", timeout=30_000)
            tab.wait_for_timeout(300)

        tab.goto(f"{base}/")
        tab.wait_for_selector("body[data-ready='1']", timeout=30_000)
        settle()
        saved = [out / "web-page.png"]
        tab.screenshot(path=saved[-1])

        shown = event_to_show(base)
        tab.goto(f"{base}/#event={shown}")
        tab.wait_for_selector("#event-view:not([hidden]) .source-text", timeout=30_000)
        settle()
        link = tab.locator("#event-body button.evidence-link[data-field=fatalities]")
        if link.count():
            link.first.click()  # marks the words in each report and scrolls to the first
        saved.append(out / "web-event.png")
        tab.screenshot(path=saved[-1])
        tab.keyboard.press("Escape")

        tab.locator("#tabs .tab[data-view=trackers]").click()
        tab.wait_for_selector("#tracker-events", timeout=30_000)
        settle()
        saved.append(out / "web-trackers.png")
        tab.screenshot(path=saved[-1])

        tab.locator("#tabs .tab[data-view=review]").click()
        tab.wait_for_selector("#review-table tbody tr[data-event-id]", timeout=30_000)
        settle()
        saved.append(out / "web-review.png")
        tab.screenshot(path=saved[-1])
        browser.close()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the PNG files")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium")
    args.out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "CONFLICT_LEDGER_TOKEN": ""}
    with tempfile.TemporaryDirectory() as folder:
        ledger = Path(folder) / "ledger.db"
        subprocess.run([sys.executable, "-m", "conflict_ledger", "demo", "--db", str(ledger)], check=True,
                       stdout=subprocess.DEVNULL, env=env)
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "conflict_ledger", "serve", "--db", str(ledger),
                                 "--port", str(port), "--token", TOKEN], env=env)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base, proc)
            for path in shoot(base, args.out):
                print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {path.stat().st_size // 1024} KB")
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
