"""Printing results: JSON lines for machines, tables for people, CSV for spreadsheets."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click
from rich.console import Console
from rich.table import Table

OUTPUT_FORMATS = ("table", "jsonl", "csv", "json")


def echo_jsonl(rows: Iterable[dict[str, Any]]) -> int:
    n = 0
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False, default=str))
        n += 1
    return n


def echo_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})


def echo_table(rows: Iterable[dict[str, Any]], columns: Sequence[str], title: str | None = None) -> None:
    table = Table(title=title, show_lines=False, header_style="bold", box=None, pad_edge=False)
    for column in columns:
        short = column in ("event_id", "event_date", "killed", "injured", "reports", "events")
        table.add_column(column, overflow="fold", no_wrap=short, max_width=None if short else 28)
    for row in rows:
        table.add_row(*[_cell(row.get(c)) for c in columns])
    console = Console()
    Console(width=max(160, console.width) if not console.is_terminal else None).print(table)


def emit(rows: Iterable[dict[str, Any]], fmt: str, columns: Sequence[str], title: str | None = None) -> None:
    if fmt == "jsonl":
        echo_jsonl(rows)
    elif fmt == "json":
        click.echo(json.dumps(list(rows), ensure_ascii=False, indent=1, default=str))
    elif fmt == "csv":
        echo_csv(rows, columns)
    else:
        echo_table(rows, columns, title)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


NOT_REPORTED = "–"
RANGE_LEGEND = f"{NOT_REPORTED} not reported; 3-9 a range ('several'); 34+ at least; 8 (0-8) best figure and range"


def range_text(best: Any, low: Any, high: Any) -> str:
    """'8', '3-9', '34+', '8 (0+)' or '–' (no toll reported, or none known) for a casualty figure."""
    if best in (None, 0) and low in (None, 0) and high is None:
        return NOT_REPORTED  # no report gives a toll (ACLED counts it as 0): shown as what it is
    if best is not None and (low in (None, best)) and (high in (None, best)):
        return f"{best}" if high is not None or low is None else f"{best}+"
    if low is None and high is None:
        return str(best)
    if high is None:
        return f"{low}+" if best is None else f"{best} ({low}+)"
    if best is None:
        return f"{low}" if low == high else f"{low}-{high}"
    return f"{best} ({low}-{high})"


def notices(items: Iterable[Any]) -> None:
    """One line per notice on stderr."""
    for item in items:
        click.echo(str(item), err=True)
