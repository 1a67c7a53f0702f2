"""`conflict-ledger serve` itself: a clear error without a ledger, a fresh token when none is given."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx

from .conftest import free_port


def test_serve_refuses_a_missing_ledger(cli, tmp_path):
    code, _, err = cli("serve", "--db", tmp_path / "nothing-here.db")
    assert code == 2
    assert "no ledger file" in err and "nothing-here.db" in err
    assert not (tmp_path / "nothing-here.db").exists()


def test_serve_prints_a_fresh_token_that_unlocks_writes(ledger_file, tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "CONFLICT_LEDGER_TOKEN"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "conflict_ledger", "serve", "--db", str(ledger_file), "--port", str(port)],
        stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        lines = []
        while not any(line.startswith("open with the token") for line in lines):
            line = proc.stderr.readline()
            assert line, "serve ended early:\n" + "".join(lines)
            lines.append(line)
        token = next(line.split(": ", 1)[1].strip() for line in lines if line.startswith("write token:"))
        assert len(token) >= 24
        assert f"http://127.0.0.1:{port}/#token={token}" in "".join(lines)
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                httpx.get(f"{base}/api/meta", timeout=2)
                break
            except httpx.TransportError:
                proc.poll()
                assert proc.returncode is None
                time.sleep(0.1)
        event_id = httpx.get(f"{base}/api/events", params={"limit": 1}).json()["events"][0]["event_id"]
        url = f"{base}/api/events/{event_id}/accept"
        assert httpx.post(url, json={"who": "t"}, headers={"Authorization": "Bearer other"}).status_code == 401
        # the printed token records the decision
        accepted = httpx.post(url, json={"who": "t"}, headers={"Authorization": f"Bearer {token}"})
        assert accepted.status_code == 200 and accepted.json()["event"]["review_status"] == "accepted"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
