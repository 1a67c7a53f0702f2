"""Shared fixtures. Files from ../shared (beside the checkout) are read in place, never copied."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflict_ledger.cli import main

ROOT = Path(__file__).resolve().parents[1]
# the shared evaluation folder sits beside the checkout; CONFLICT_LEDGER_SHARED points elsewhere
SHARED = Path(os.environ.get("CONFLICT_LEDGER_SHARED") or ROOT.parent / "shared")
SEED = SHARED / "examples" / "seed-2023-11-21.txt"


def needs_shared(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} not present beside the checkout")


@pytest.fixture
def seed() -> Path:
    needs_shared(SEED)
    return SEED


@pytest.fixture
def cli():
    """Run the real CLI in-process; returns (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def run(*args: str):
        result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def text_report_rows(cli, tmp_path: Path, command: str, text: str) -> list[dict]:
    """`conflict-ledger COMMAND` over `text` written as a report in the text format; the rows it prints."""
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    code, out, err = cli(command, report)
    assert code == 0, err
    return jsonl(out)


def extract_rows(cli, tmp_path: Path, rows: list[dict], *options: str) -> list[dict]:
    """`conflict-ledger extract [options]` over `rows` written as a JSONL file; the events it prints."""
    report = tmp_path / "reports.jsonl"
    report.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    code, out, err = cli("extract", *options, report)
    assert code == 0, err
    return jsonl(out)
